"""The Spark stage (examples/spark/extract_quotes.py) in local mode on the
training split: its Parquet records are the command line's, record for
record."""

import json
import os
import shutil
import sys

import pytest

from conftest import REPO, jsonl

SPARK_DIR = REPO / "examples" / "spark"


@pytest.fixture(scope="module")
def spark():
    missing = []
    try:
        import pyspark  # noqa: F401
    except ImportError:
        missing.append("pyspark")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        missing.append("a Java runtime")
    if missing:
        why = f"{' and '.join(missing)} not installed"
        if os.environ.get("CI"):
            pytest.fail(why + " (.ci/run installs them)")
        pytest.skip(why)
    # The workers are this Python, and import the job's module.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYTHONPATH"] = os.pathsep.join(
        [str(SPARK_DIR), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    sys.path.insert(0, str(SPARK_DIR))
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("quotetrack-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    yield session
    session.stop()


def records_of(spark, path):
    rows = [row.asDict(recursive=True) for row in spark.read.parquet(str(path)).collect()]
    for row in rows:
        # Parquet has a role column for every speaker; the CLI writes
        # "role" only when there is one.
        if row["speaker"] is not None and row["speaker"]["role"] is None:
            del row["speaker"]["role"]
    return rows


def key(record):
    return json.dumps(record, sort_keys=True)


def test_spark_gives_the_records_of_the_cli_on_the_training_split(
    spark, cli, train_jsonl, train_dir, tmp_path
):
    import extract_quotes

    out = tmp_path / "quotes.parquet"
    n = extract_quotes.run(spark, str(train_jsonl), str(out))
    got = records_of(spark, out)
    assert n == len(got)
    streamed = jsonl(cli("extract", "--input", "jsonl", train_jsonl).stdout)
    files = jsonl(cli("extract", "--format", "jsonl", train_dir).stdout)
    assert len(files) > 5000
    # The stream of the same articles is byte for byte the files' output...
    assert streamed == files
    # ... and Spark's records are the same records, in any order.
    assert sorted(map(key, got)) == sorted(map(key, files))


def test_parquet_articles_give_the_same_records(spark, cli, train_articles, tmp_path):
    import extract_quotes

    articles = [
        {"id": doc, "text": text, "outlet": doc.split("_")[0]}
        for doc, text in train_articles[:60]
    ]
    src = tmp_path / "articles.parquet"
    spark.createDataFrame(articles).write.parquet(str(src))
    out = tmp_path / "quotes.parquet"
    extract_quotes.run(spark, str(src), str(out), input_format="parquet")
    lines = "\n".join(json.dumps(a) for a in articles) + "\n"
    want = jsonl(cli("extract", "--input", "jsonl", "-", input=lines).stdout)
    assert len(want) > 300
    assert sorted(map(key, records_of(spark, out))) == sorted(map(key, want))


def dump(db):
    """Every row of every table (full-text index internals aside), sorted,
    every column but ingested_at."""
    import sqlite3

    conn = sqlite3.connect(db)
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE '%fts%' ORDER BY name"
        )
    ]
    out = {}
    for t in tables:
        # When the row was stored is the one column that may differ.
        columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{t}")') if r[1] != "ingested_at"]
        select = ", ".join(f'"{c}"' for c in columns)
        out[t] = sorted(map(repr, conn.execute(f'SELECT {select} FROM "{t}"')))
    conn.close()
    return out


def test_ingest_of_the_spark_output_gives_the_database_of_ingest(
    spark, cli, train_jsonl, tmp_path
):
    import extract_quotes

    out = tmp_path / "all.parquet"
    # Claims too, as ingest stores them.
    records = spark.sparkContext.textFile(str(train_jsonl), 4).mapPartitions(
        lambda part: extract_quotes.extract_partition(part, kinds="all")
    )
    spark.createDataFrame(records, schema=extract_quotes.SCHEMA).write.parquet(str(out))
    quotes = tmp_path / "quotes.jsonl"
    spark.read.parquet(str(out)).coalesce(1).write.json(str(tmp_path / "json"))
    with quotes.open("w", encoding="utf-8") as f:
        for part in sorted((tmp_path / "json").glob("part-*.json")):
            f.write(part.read_text(encoding="utf-8"))
    direct, via = tmp_path / "direct.db", tmp_path / "via.db"
    cli("--db", direct, "ingest", train_jsonl)
    cli("--db", via, "ingest", "--extracted", quotes, "--articles", train_jsonl)
    a, b = dump(direct), dump(via)
    assert len(a["articles"]) >= 839 and len(a["quotes"]) > 8000
    assert a.keys() == b.keys()
    for table in a:
        assert a[table] == b[table], f"table {table} differs"
