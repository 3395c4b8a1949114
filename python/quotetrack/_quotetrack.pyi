"""Type stubs of the native module (python/src/lib.rs); use the wrappers in
quotetrack/__init__.py."""

from typing import Any, Dict, List, Optional, Tuple

Record = Dict[str, Any]

__version__: str

class QuotetrackError(Exception):
    """An error from quotetrack, with the message the command line would print."""

class Extractor:
    def __init__(self, grammar_dir: Optional[str] = None) -> None: ...
    def extract(
        self, text: str, html: bool = False, doc: str = "-", kinds: Optional[List[str]] = None
    ) -> List[Record]: ...
    def extract_serde(
        self, text: str, doc: str = "-", kinds: Optional[List[str]] = None
    ) -> List[Record]: ...
    def extract_many(
        self,
        texts: List[str],
        docs: List[str],
        threads: Optional[int] = None,
        html: bool = False,
        kinds: Optional[List[str]] = None,
    ) -> List[List[Record]]: ...
    def extract_lines(
        self, lines: List[str], threads: Optional[int] = None, kinds: Optional[List[str]] = None
    ) -> Tuple[List[Record], List[Tuple[int, str]]]: ...

class Database:
    def __init__(self, path: str) -> None: ...
    def quotes(
        self,
        speaker: Optional[str] = None,
        outlet: Optional[str] = None,
        since: Optional[str] = None,
        until: Optional[str] = None,
        search: Optional[str] = None,
        limit: Optional[int] = None,
        kinds: Optional[List[str]] = None,
        min_confidence: Optional[float] = None,
        no_reprints: bool = False,
    ) -> List[Record]: ...
    def trace(self, words: str, limit: int = 5) -> List[Record]: ...
    def speakers(self, kinds: Optional[List[str]] = None) -> List[Record]: ...
    def close(self) -> None: ...
