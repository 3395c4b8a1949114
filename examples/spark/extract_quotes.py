"""Extraction as a Spark stage: articles in, quote records out as Parquet.

    spark-submit examples/spark/extract_quotes.py ARTICLES OUTPUT [--input-format jsonl|parquet]

ARTICLES is JSON Lines (one article a line: ``id`` or ``url``, ``text`` or
``html``, optional ``outlet``, ``date``, ``title``; ``.gz`` files are read
too) or Parquet with those columns. Each partition runs one
``quotetrack.Extractor`` over its articles in batches, so the records are
exactly those of ``quotetrack extract --input jsonl``, one row each, with
``doc`` the article's id. The executors need the quotetrack wheel installed
(see the README's "Python and Spark" section).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Dict, Iterable, Iterator, List, Optional

SPAN = "struct<start:long,end:long,text:string>"
SCHEMA = (
    "doc string, quote " + SPAN + ", cue " + SPAN + ", "
    "speaker struct<start:long,end:long,text:string,name:string,kind:string,role:string>, "
    "kind string, found_by string, confidence double"
)

# Articles extracted together by one call: enough to keep every core of
# the executor's task busy, few enough that memory stays small.
BATCH = 256


def extract_partition(
    articles: Iterable[Any], threads: int = 1, kinds: Optional[str] = None
) -> Iterator[Dict[str, Any]]:
    """The quote records of one partition's articles (JSON Lines strings or
    dicts), in order. One Extractor per partition; a bad article is skipped
    with a warning in the executor's log. ``kinds`` as ``--kind``
    (``"all"`` adds claims)."""
    import quotetrack

    extractor = quotetrack.Extractor()
    batch: List[Any] = []

    def flush() -> Iterator[Dict[str, Any]]:
        records = extractor.extract_articles(batch, threads=threads, kinds=kinds)
        batch.clear()
        for record in records:
            if record.get("speaker") is not None:
                record["speaker"].setdefault("role", None)
            yield record

    for article in articles:
        batch.append(article)
        if len(batch) >= BATCH:
            yield from flush()
    if batch:
        yield from flush()


def _row_as_article(row: Any) -> Dict[str, Any]:
    return {k: v for k, v in row.asDict().items() if v is not None}


def run(spark: Any, articles: str, output: str, input_format: str = "jsonl",
        threads: int = 1, kinds: Optional[str] = None) -> int:
    """Extract the quotes of ``articles`` into Parquet at ``output``;
    returns the number of records written."""
    if input_format == "jsonl":
        # Lines as written: read as text, not as a DataFrame, so each is
        # parsed as the command line parses it.
        lines = spark.sparkContext.textFile(articles)
        items = lines.filter(lambda line: line.strip() != "")
    elif input_format == "parquet":
        items = spark.read.parquet(articles).rdd.map(_row_as_article)
    else:
        raise ValueError(f"unknown input format {input_format!r}: give jsonl or parquet")
    records = items.mapPartitions(lambda part: extract_partition(part, threads, kinds))
    frame = spark.createDataFrame(records, schema=SCHEMA)
    frame.write.mode("overwrite").parquet(output)
    return spark.read.parquet(output).count()


def main(argv: List[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", help="JSON Lines files (or a folder, or a glob) or Parquet")
    parser.add_argument("output", help="folder for the Parquet quote records")
    parser.add_argument("--input-format", choices=["jsonl", "parquet"], default="jsonl")
    parser.add_argument("--kind", default=None,
                        help="direct, partial, indirect (claims) or all, as extract --kind")
    parser.add_argument("--threads", type=int, default=1,
                        help="threads per task (Spark already runs a task per core)")
    args = parser.parse_args(argv)
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("quotetrack-extract").getOrCreate()
    try:
        n = run(spark, args.articles, args.output, args.input_format, args.threads, args.kind)
    finally:
        spark.stop()
    print(json.dumps({"records": n, "output": args.output}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
