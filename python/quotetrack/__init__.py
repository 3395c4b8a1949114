"""quotetrack: find the quotes in news articles and who said them.

The extractor and the database of the quotetrack command-line tool, from
Python. Every record is a plain dict, key for key the JSON the command line
writes: ``extract`` gives the records of ``quotetrack extract --format
jsonl``, ``Database.quotes`` the rows of ``quotetrack quotes --format
jsonl``. Lists of records have a ``to_pandas()`` method when pandas is
installed.

>>> import quotetrack
>>> quotetrack.extract('"We will hold," Mayor Alicia Brandt said.')[0]["speaker"]["name"]
'Alicia Brandt'
"""

from __future__ import annotations

import json
import os
import threading
import warnings
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Union

from . import _quotetrack
from ._quotetrack import QuotetrackError, __version__

__all__ = [
    "Database",
    "Extractor",
    "QuotetrackError",
    "Records",
    "extract",
    "open",
    "__version__",
]

Record = Dict[str, Any]
Kinds = Union[str, Sequence[str], None]


class Records(List[Record]):
    """A list of records (dicts) that can become a pandas DataFrame."""

    def to_pandas(self) -> "Any":
        """The records as a ``pandas.DataFrame``, one row each; nested
        fields become dotted columns (``quote.text``, ``speaker.name``).

        Raises ImportError, saying how to install it, when pandas is not
        installed.
        """
        try:
            import pandas
        except ImportError as err:  # pragma: no cover - depends on the machine
            raise ImportError(
                "to_pandas needs pandas: pip install pandas (or pip install 'quotetrack[pandas]')"
            ) from err
        if not self:
            return pandas.DataFrame()
        return pandas.json_normalize(list(self))


def _kinds(kinds: Kinds) -> Optional[List[str]]:
    if kinds is None:
        return None
    if isinstance(kinds, str):
        return [k.strip() for k in kinds.split(",") if k.strip()]
    return list(kinds)


class Extractor:
    """The quote extractor, with the built-in word lists or those of
    ``grammar_dir`` (a folder with files named as in the source tree's
    ``grammar/``, each replacing the built-in list of that name).

    One Extractor can be used from many threads; its methods release the
    GIL while they extract.
    """

    def __init__(self, grammar_dir: Union[str, "os.PathLike[str]", None] = None) -> None:
        self._native = _quotetrack.Extractor(
            None if grammar_dir is None else os.fspath(grammar_dir)
        )

    def extract(
        self, text: str, html: bool = False, *, doc: str = "-", kinds: Kinds = None
    ) -> Records:
        """The quote records of one article's ``text``.

        With ``html=True`` the text is a web page: its article body (and
        captions) are found as ``quotetrack ingest`` finds them and the
        offsets count into that body. ``doc`` names the article in the
        records (``-``, as for standard input, by default). ``kinds`` picks
        the records as ``--kind`` does: ``"direct"``, ``"partial"``,
        ``"indirect"`` (claims in reported speech) or ``"all"``, or a list
        of them; by default direct and partial quotes.
        """
        return Records(self._native.extract(text, html, doc, _kinds(kinds)))

    def extract_many(
        self,
        texts: Iterable[str],
        threads: Optional[int] = None,
        *,
        html: bool = False,
        docs: Optional[Sequence[str]] = None,
        kinds: Kinds = None,
    ) -> List[Records]:
        """The records of many articles, one list per text in order,
        extracted on all cores (``threads`` of them when given) with the
        GIL released. ``docs`` names the articles (by default their
        position, ``"0"``, ``"1"``, ...).
        """
        texts = list(texts)
        if docs is None:
            docs = [str(i) for i in range(len(texts))]
        else:
            docs = list(docs)
            if len(docs) != len(texts):
                raise ValueError(f"{len(docs)} docs given for {len(texts)} texts")
        lists = self._native.extract_many(texts, docs, threads, html, _kinds(kinds))
        return [Records(r) for r in lists]

    def extract_articles(
        self,
        articles: Iterable[Union[str, Mapping[str, Any]]],
        threads: Optional[int] = None,
        *,
        errors: str = "warn",
        kinds: Kinds = None,
    ) -> Records:
        """The records of articles given as ``quotetrack extract --input
        jsonl`` reads them: each a JSON Lines line (str) or a dict with
        ``id`` (or ``url``), ``text`` or ``html``, and optional ``outlet``,
        ``date``, ``title``. Each record's ``doc`` is its article's id; the
        records are exactly those of the command line, in input order.

        An item that is not an article is skipped with a warning naming its
        position (from 1) when ``errors="warn"``, silently with
        ``"ignore"``, or raises QuotetrackError with ``"raise"``.
        """
        if errors not in ("warn", "ignore", "raise"):
            raise ValueError('errors must be "warn", "ignore" or "raise"')
        lines = [
            a if isinstance(a, str) else json.dumps(dict(a), ensure_ascii=False)
            for a in articles
        ]
        records, skipped = self._native.extract_lines(lines, threads, _kinds(kinds))
        for number, reason in skipped:
            message = f"article {number}: {reason}"
            if errors == "raise":
                raise QuotetrackError(message)
            if errors == "warn":
                warnings.warn(f"quotetrack: skipped {message}", stacklevel=2)
        return Records(records)


_default: Optional[Extractor] = None


def extract(text: str, *, html: bool = False, doc: str = "-", kinds: Kinds = None) -> Records:
    """The quote records of one article's ``text``, as ``quotetrack extract
    --format jsonl`` gives them, with the built-in word lists (see
    ``Extractor.extract``)."""
    global _default
    if _default is None:
        _default = Extractor()
    return _default.extract(text, html, doc=doc, kinds=kinds)


class Database:
    """A quotetrack database (made by ``quotetrack ingest``), opened for
    queries. Use ``quotetrack.open(path)``; close it with ``close()`` or a
    ``with`` block. A Database is used from the thread that opened it (the
    store's caches are not thread-safe; another thread gets
    QuotetrackError): open one per thread."""

    def __init__(self, path: Union[str, "os.PathLike[str]"]) -> None:
        self.path = os.fspath(path)
        self._thread = threading.get_ident()
        self._native = _quotetrack.Database(self.path)

    @property
    def _db(self) -> "_quotetrack.Database":
        if threading.get_ident() != self._thread:
            raise QuotetrackError(
                f"the database {self.path} was opened in another thread; "
                "open it again in this one (quotetrack.open)"
            )
        return self._native

    def quotes(
        self,
        speaker: Optional[str] = None,
        outlet: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        search: Optional[str] = None,
        limit: Optional[int] = None,
        *,
        kinds: Kinds = None,
        min_confidence: Optional[float] = None,
        no_reprints: bool = False,
    ) -> Records:
        """Stored quotes, newest first, as ``quotetrack quotes`` lists them:
        by speakers whose name contains ``speaker`` and outlets whose name
        contains ``outlet`` (any case), published from ``since`` to
        ``until`` (dates such as ``"2015-09-18"``), containing all the
        words of ``search``; at most ``limit``."""
        return Records(
            self._db.quotes(
                speaker,
                outlet,
                None if since is None else str(since),
                None if until is None else str(until),
                search,
                limit,
                _kinds(kinds),
                min_confidence,
                no_reprints,
            )
        )

    def trace(self, words: Union[str, Sequence[str]], limit: int = 5) -> Records:
        """Every rendition of the (at most ``limit``) statements whose
        quotes contain all of ``words``, as ``quotetrack trace --format
        jsonl`` writes them: statement, quote, outlet, date, speaker,
        relation to the fullest rendition, diff and flags."""
        if not isinstance(words, str):
            words = " ".join(words)
        return Records(self._db.trace(words, limit))

    def speakers(self, kinds: Kinds = None) -> Records:
        """Stored speakers with their counts, as ``quotetrack speakers``
        lists them: named ones (``person`` and ``organisation``) by
        default; ``kinds`` may also name ``anonymous``."""
        return Records(self._db.speakers(_kinds(kinds)))

    def close(self) -> None:
        """Close the database; later queries raise QuotetrackError."""
        self._db.close()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"quotetrack.Database({self.path!r})"


def open(db_path: Union[str, "os.PathLike[str]"]) -> Database:
    """Open the quotetrack database at ``db_path``. It must exist:
    QuotetrackError says so, as the command line does, when it does not."""
    return Database(db_path)
