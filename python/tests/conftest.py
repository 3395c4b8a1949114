"""Shared fixtures: the repository, the quotetrack binary the records are
compared with, and the PolNeAR training split when it is beside the repo."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _binary():
    given = os.environ.get("QUOTETRACK_BIN")
    if given:
        return Path(given)
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    for profile in ("release", "debug"):
        path = target / profile / "quotetrack"
        if path.exists():
            return path
    found = shutil.which("quotetrack")
    return Path(found) if found else None


@pytest.fixture(scope="session")
def cli():
    """Run the quotetrack binary; returns its standard output as text."""
    binary = _binary()
    if binary is None or not binary.exists():
        if os.environ.get("CI"):
            pytest.fail("no quotetrack binary: build it (cargo build --release) or set QUOTETRACK_BIN")
        pytest.skip("no quotetrack binary (cargo build --release, or set QUOTETRACK_BIN)")

    def run(*args, input=None, check=True):
        done = subprocess.run(
            [str(binary), *map(str, args)],
            input=input,
            capture_output=True,
            text=True,
            check=False,
        )
        if check and done.returncode != 0:
            raise AssertionError(f"quotetrack {' '.join(map(str, args))}: {done.stderr}")
        return done

    return run


def jsonl(text):
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def train_dir():
    """The 840 PolNeAR training articles (../shared/eval/polnear/train/text)."""
    for base in (REPO.parent / "shared", Path("/work/shared")):
        path = base / "eval" / "polnear" / "train" / "text"
        if path.is_dir():
            return path
    pytest.skip("the PolNeAR training split is not beside the repository")


@pytest.fixture(scope="session")
def train_articles(train_dir):
    """(id, text) of each training article, sorted by file name as
    `quotetrack extract FOLDER` reads them."""
    files = sorted(p for p in train_dir.iterdir() if p.suffix == ".txt")
    return [(p.stem, p.read_text(encoding="utf-8")) for p in files]


@pytest.fixture(scope="session")
def train_jsonl(train_articles, tmp_path_factory):
    """The training articles as one JSON Lines file."""
    path = tmp_path_factory.mktemp("train") / "articles.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for doc, text in train_articles:
            out.write(json.dumps({"id": doc, "text": text, "outlet": doc.split("_")[0]}) + "\n")
    return path
