"""The Python package against the command line: the same records, the same
rows, the same messages."""

import json
import threading
import warnings

import pytest

import quotetrack
from conftest import REPO, jsonl

DEMO = REPO / "examples" / "demo"
SEED = DEMO / "04-merrow-valley-radio.txt"


def test_extract_gives_the_records_of_extract_jsonl(cli):
    records = quotetrack.extract(SEED.read_text(encoding="utf-8"), doc=SEED.stem)
    expected = jsonl(cli("extract", "--format", "jsonl", SEED).stdout)
    assert len(expected) >= 2
    assert records == expected
    # Key order too: a dict dumped as JSON is the CLI's line.
    lines = cli("extract", "--format", "jsonl", SEED).stdout.splitlines()
    assert [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in records] == lines


def test_kinds_pick_claims_as_the_cli_does(cli):
    path = DEMO / "06-coastal-times.txt"
    text = path.read_text(encoding="utf-8")
    for kind in ("indirect", "all"):
        got = quotetrack.extract(text, doc=path.stem, kinds=kind)
        assert got == jsonl(cli("extract", "--format", "jsonl", "--kind", kind, path).stdout)
    with pytest.raises(ValueError, match="unknown kind"):
        quotetrack.extract(text, kinds="everything")


def test_extract_many_equals_the_cli_on_the_training_split(cli, train_dir, train_articles):
    docs = [doc for doc, _ in train_articles]
    texts = [text for _, text in train_articles]
    lists = quotetrack.Extractor().extract_many(texts, docs=docs)
    got = [r for records in lists for r in records]
    expected = jsonl(cli("extract", "--format", "jsonl", train_dir).stdout)
    assert len(expected) > 5000
    assert got == expected


def test_extract_many_gives_one_list_per_text_whatever_the_threads():
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEMO.glob("*.txt"))]
    extractor = quotetrack.Extractor()
    one_by_one = [extractor.extract(t, doc=str(i)) for i, t in enumerate(texts)]
    assert extractor.extract_many(texts) == one_by_one
    assert extractor.extract_many(texts, threads=1) == one_by_one
    assert extractor.extract_many(iter(texts), threads=3) == one_by_one
    assert extractor.extract_many([]) == []
    with pytest.raises(ValueError, match="threads"):
        extractor.extract_many(texts, threads=0)
    with pytest.raises(ValueError, match="at most 1024"):
        extractor.extract_many(texts, threads=10**9)
    with pytest.raises(OverflowError):
        extractor.extract_many(texts, threads=-1)
    with pytest.raises(ValueError, match="docs"):
        extractor.extract_many(texts, docs=["a"])


def test_extract_many_runs_beside_other_python_threads():
    # The GIL is released while extracting: two threads extracting at once
    # both finish with the records one thread gets.
    texts = [SEED.read_text(encoding="utf-8")] * 200
    extractor = quotetrack.Extractor()
    want = extractor.extract_many(texts, threads=1)
    results = {}

    def work(name):
        results[name] = extractor.extract_many(texts, threads=1)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == {0: want, 1: want}


def test_html_pages_are_read_as_ingest_reads_them(cli, tmp_path):
    page = (
        "<html><head><title>Barrier</title></head><body><article>"
        "<p>The mayor spoke at City Hall on Monday about the flood barrier, which has been delayed again.</p>"
        '<p>"We will not gamble with the safety of families," Mayor Alicia Brandt said.</p>'
        "<p>The council meets again next week to decide on the money for the next phase of the work.</p>"
        "</article></body></html>"
    )
    records = quotetrack.extract(page, html=True, doc="page")
    assert [r["speaker"]["name"] for r in records] == ["Alicia Brandt"]
    line = json.dumps({"id": "page", "html": page})
    assert records == jsonl(cli("extract", "--input", "jsonl", "-", input=line).stdout)


def test_extract_articles_is_the_stream_filter(cli, tmp_path):
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEMO.glob("*.txt"))]
    lines = [json.dumps({"id": f"a{i}", "text": t}) for i, t in enumerate(texts)]
    lines.insert(2, "not json")
    extractor = quotetrack.Extractor()
    with pytest.warns(UserWarning, match="article 3: not valid JSON"):
        got = extractor.extract_articles(lines)
    done = cli("extract", "--input", "jsonl", "-", input="\n".join(lines) + "\n", check=False)
    assert done.returncode == 1 and "skipped line 3" in done.stderr
    assert got == jsonl(done.stdout)
    # Dicts are read as their JSON lines are.
    dicts = [json.loads(line) for i, line in enumerate(lines) if i != 2]
    assert extractor.extract_articles(dicts, threads=2) == got
    with pytest.raises(quotetrack.QuotetrackError, match="article 3"):
        extractor.extract_articles(lines, errors="raise")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert extractor.extract_articles(lines, errors="ignore") == got


def test_a_grammar_folder_that_cannot_be_read_is_an_error_with_the_cli_message(cli, tmp_path):
    # A list that cannot be read: a folder where the file should be.
    broken = tmp_path / "grammar"
    (broken / "speech_verbs.txt").mkdir(parents=True)
    with pytest.raises(quotetrack.QuotetrackError) as err:
        quotetrack.Extractor(grammar_dir=broken)
    done = cli("--grammar", broken, "extract", SEED, check=False)
    assert done.returncode == 2
    assert str(err.value) in done.stderr
    assert "cannot read word lists" in str(err.value)


def test_a_grammar_folder_changes_the_extractor(tmp_path):
    verbs = (REPO / "grammar" / "speech_verbs.txt").read_text(encoding="utf-8")
    (tmp_path / "speech_verbs.txt").write_text(verbs + "\nwarbled\n", encoding="utf-8")
    text = '"The tide is turning," Mayor Alicia Brandt warbled.'
    with_verb = quotetrack.Extractor(grammar_dir=tmp_path).extract(text)
    assert with_verb and with_verb[0]["cue"]["text"] == "warbled"


@pytest.fixture(scope="module")
def demo_db(cli, tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "demo.db"
    cli("demo", "--db", path)
    return path


def test_quotes_are_the_rows_of_the_quotes_command(cli, demo_db):
    with quotetrack.open(demo_db) as db:
        assert db.quotes(speaker="brandt") == jsonl(
            cli("--db", demo_db, "quotes", "--speaker", "brandt", "--format", "jsonl").stdout
        )
        rows = db.quotes(outlet="gazette", since="2024-10-14", until="14 October 2024", limit=2)
        assert rows == jsonl(
            cli("--db", demo_db, "quotes", "--outlet", "gazette", "--since", "2024-10-14",
                "--until", "2024-10-14", "-n", "2", "--format", "jsonl").stdout
        )
        assert len(rows) == 2
        assert db.quotes(search="gamble families") == jsonl(
            cli("--db", demo_db, "quotes", "--search", "gamble families", "--format", "jsonl").stdout
        )
        assert db.quotes(speaker="nobody at all") == []
        with pytest.raises(ValueError, match="since"):
            db.quotes(since="the day after")


def test_trace_and_speakers_are_those_of_the_cli(cli, demo_db):
    db = quotetrack.open(demo_db)
    renditions = db.trace("gamble safety families")
    cli_lines = jsonl(
        cli("--db", demo_db, "trace", "gamble", "safety", "families", "--format", "jsonl").stdout
    )
    assert renditions == [line for line in cli_lines if "relation" in line and "statement" in line
                          and "claim" not in line][: len(renditions)]
    assert len(renditions) >= 7
    assert db.trace(["gamble", "safety", "families"]) == renditions
    assert {r["speaker"] for r in renditions} >= {"Alicia Brandt", "Colin Hargreaves"}
    assert db.speakers() == jsonl(cli("--db", demo_db, "speakers", "list", "--format", "jsonl").stdout)
    db.close()
    with pytest.raises(quotetrack.QuotetrackError, match="closed"):
        db.quotes()


def test_a_missing_database_is_an_error_with_the_cli_message(cli, tmp_path):
    missing = tmp_path / "none.db"
    with pytest.raises(quotetrack.QuotetrackError) as err:
        quotetrack.open(missing)
    assert not missing.exists()
    done = cli("--db", missing, "quotes", check=False)
    assert f"quotetrack: {err.value}" in done.stderr


def test_records_become_data_frames(demo_db):
    pandas = pytest.importorskip("pandas")
    frame = quotetrack.extract(SEED.read_text(encoding="utf-8")).to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert {"doc", "quote.text", "quote.start", "speaker.name", "confidence"} <= set(frame.columns)
    assert list(frame["speaker.name"]) == ["Alicia Brandt", "Ray Castellanos"]
    with quotetrack.open(demo_db) as db:
        rows = db.quotes(speaker="brandt")
        frame = rows.to_pandas()
        assert len(frame) == len(rows) and "text" in frame.columns
        assert len(db.speakers().to_pandas()) == len(db.speakers())
    assert quotetrack.Records().to_pandas().empty


def test_bad_arguments_are_python_errors():
    with pytest.raises(TypeError):
        quotetrack.extract(b"bytes are not text")
    assert quotetrack.extract("") == []
    assert quotetrack.extract("\x00\x01 no quotes \ufffd") == []


def test_record_dicts_are_the_serde_records(train_articles):
    # The dicts are built by hand for speed; the serde path is the CLI's.
    # Same keys, same order, same values, claims and roles included.
    native = quotetrack.Extractor()._native
    seen = 0
    for doc, text in train_articles:
        fast = native.extract(text, False, doc, ["all"])
        slow = native.extract_serde(text, doc, ["all"])
        assert [json.dumps(r) for r in fast] == [json.dumps(r) for r in slow], doc
        seen += len(fast)
    assert seen > 13000


def test_a_database_used_from_another_thread_is_an_error_not_a_panic(demo_db):
    db = quotetrack.open(demo_db)
    caught = []

    def use():
        try:
            db.quotes(limit=1)
        except BaseException as err:  # a PanicException is a BaseException
            caught.append(err)

    thread = threading.Thread(target=use)
    thread.start()
    thread.join()
    assert len(caught) == 1 and isinstance(caught[0], quotetrack.QuotetrackError), caught
    assert "another thread" in str(caught[0])
    # Each thread opens its own.
    rows = []
    thread = threading.Thread(target=lambda: rows.extend(quotetrack.open(demo_db).quotes(limit=1)))
    thread.start()
    thread.join()
    assert len(rows) == 1 and db.quotes(limit=1) == rows
