//! The native part of the `quotetrack` Python package: the extractor and the
//! database of the `quotetrack` crate, their records turned into Python
//! dicts by the same serde code that writes the CLI's JSON, so a dict is the
//! CLI's JSON record, key for key. The Python layer (quotetrack/__init__.py)
//! adds the friendlier signatures and `to_pandas`.

use std::cell::RefCell;
use std::path::PathBuf;

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use pythonize::pythonize;
use rayon::prelude::*;

use quotetrack::article::{Article, Meta, html, parse_date};
use quotetrack::record::QuoteRecord;
use quotetrack::store::{QuoteFilter, Store};
use quotetrack::{FoundBy, Kinds, Lexicon, Quote, QuoteKind, SpeakerKind, stream, track};

create_exception!(
    _quotetrack,
    QuotetrackError,
    PyException,
    "An error from quotetrack, with the message the command line would print."
);

/// An anyhow error as a Python exception, with the CLI's message.
fn error(err: anyhow::Error) -> PyErr {
    QuotetrackError::new_err(format!("{err:#}"))
}

/// The record kinds named, as `--kind` reads them.
fn kinds_of(names: Option<Vec<String>>) -> PyResult<Kinds> {
    let Some(names) = names.filter(|n| !n.is_empty()) else {
        return Ok(Kinds::default());
    };
    names.iter().try_fold(Kinds::NONE, |k, name| {
        k.with(name).ok_or_else(|| {
            PyValueError::new_err(format!(
                "unknown kind {name:?}: give direct, partial, indirect or all"
            ))
        })
    })
}

/// The text quotes are extracted from: the text as given, or for a page
/// its body and captions as `ingest` reads them.
fn text_of(text: &str, is_html: bool) -> anyhow::Result<std::borrow::Cow<'_, str>> {
    if !is_html {
        return Ok(std::borrow::Cow::Borrowed(text));
    }
    let (meta, body, captions) = html::parse(text.as_bytes(), "html")?;
    let mut article = Article::new(body, meta, &Meta::default(), "html");
    article.captions = captions;
    Ok(std::borrow::Cow::Owned(article.full_text().into_owned()))
}

/// Quote records as a list of dicts.
fn records<'py>(py: Python<'py>, doc: &str, quotes: &[Quote]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    let doc = PyString::new(py, doc);
    for quote in quotes {
        list.append(record(py, &doc, quote)?)?;
    }
    Ok(list)
}

/// One quote record as a dict: the keys, their order and their values of
/// the JSON `extract --format jsonl` writes ([`QuoteRecord`]'s serde form),
/// built by hand with interned keys and one `doc` string per article, which
/// makes turning records into dicts a third of the cost it is through
/// serde. `record_dicts_are_the_serde_records` in python/tests holds the two
/// equal.
fn record<'py>(
    py: Python<'py>,
    doc: &Bound<'py, PyString>,
    quote: &Quote,
) -> PyResult<Bound<'py, PyDict>> {
    let span = |start: usize, end: usize, text: &str| -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item(intern!(py, "start"), start)?;
        d.set_item(intern!(py, "end"), end)?;
        d.set_item(intern!(py, "text"), text)?;
        Ok(d)
    };
    let d = PyDict::new(py);
    d.set_item(intern!(py, "doc"), doc)?;
    let q = &quote.quote;
    d.set_item(intern!(py, "quote"), span(q.start, q.end, &q.text)?)?;
    match &quote.cue {
        Some(c) => d.set_item(intern!(py, "cue"), span(c.start, c.end, &c.text)?)?,
        None => d.set_item(intern!(py, "cue"), py.None())?,
    }
    match &quote.speaker {
        Some(sp) => {
            let s = span(sp.start, sp.end, &sp.text)?;
            s.set_item(intern!(py, "name"), &sp.name)?;
            s.set_item(intern!(py, "kind"), speaker_kind(py, sp.kind))?;
            if let Some(role) = &sp.role {
                s.set_item(intern!(py, "role"), role)?;
            }
            d.set_item(intern!(py, "speaker"), s)?;
        }
        None => d.set_item(intern!(py, "speaker"), py.None())?,
    }
    d.set_item(intern!(py, "kind"), quote_kind(py, quote.kind))?;
    d.set_item(intern!(py, "found_by"), found_by(py, quote.found_by))?;
    d.set_item(intern!(py, "confidence"), quote.confidence)?;
    Ok(d)
}

fn speaker_kind(py: Python<'_>, kind: SpeakerKind) -> &Bound<'_, PyString> {
    match kind {
        SpeakerKind::Person => intern!(py, "person"),
        SpeakerKind::Anonymous => intern!(py, "anonymous"),
        SpeakerKind::Organisation => intern!(py, "organisation"),
    }
}

fn quote_kind(py: Python<'_>, kind: QuoteKind) -> &Bound<'_, PyString> {
    match kind {
        QuoteKind::Direct => intern!(py, "direct"),
        QuoteKind::Partial => intern!(py, "partial"),
        QuoteKind::Continuation => intern!(py, "continuation"),
        QuoteKind::Indirect => intern!(py, "indirect"),
    }
}

fn found_by(py: Python<'_>, way: FoundBy) -> &Bound<'_, PyString> {
    match way {
        FoundBy::Explicit => intern!(py, "explicit"),
        FoundBy::Pronoun => intern!(py, "pronoun"),
        FoundBy::Role => intern!(py, "role"),
        FoundBy::Continuation => intern!(py, "continuation"),
        FoundBy::Subject => intern!(py, "subject"),
        FoundBy::Headline => intern!(py, "headline"),
        FoundBy::Layout => intern!(py, "layout"),
        FoundBy::Unresolved => intern!(py, "unresolved"),
    }
}

/// The records through serde, as the CLI writes them: what [`record`]
/// must equal (for the tests).
fn serde_records<'py>(
    py: Python<'py>,
    doc: &str,
    quotes: &[Quote],
) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for quote in quotes {
        list.append(pythonize(py, &QuoteRecord { doc, quote })?)?;
    }
    Ok(list)
}

/// Run `work` on `threads` threads (rayon's global pool, one per core,
/// when `None`).
fn on_threads<T: Send>(threads: Option<usize>, work: impl FnOnce() -> T + Send) -> PyResult<T> {
    match threads {
        None => Ok(work()),
        Some(0) => Err(PyValueError::new_err("threads must be 1 or more")),
        // Each is started at once: a mistyped count should not try to
        // start a million.
        Some(n) if n > 1024 => Err(PyValueError::new_err(format!(
            "threads must be at most 1024 (asked for {n})"
        ))),
        Some(n) => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .map_err(|e| QuotetrackError::new_err(format!("cannot start {n} threads: {e}")))?;
            Ok(pool.install(work))
        }
    }
}

/// Lines that were not articles: number (from 1) and why.
type Skipped = Vec<(usize, String)>;

/// The quote extractor with its word lists.
#[pyclass(module = "quotetrack._quotetrack", frozen)]
struct Extractor {
    lexicon: Lexicon,
}

#[pymethods]
impl Extractor {
    #[new]
    #[pyo3(signature = (grammar_dir=None))]
    fn new(grammar_dir: Option<PathBuf>) -> PyResult<Self> {
        let lexicon = match grammar_dir {
            None => Lexicon::builtin().clone(),
            Some(dir) => Lexicon::with_overrides(&dir).map_err(|err| {
                QuotetrackError::new_err(format!(
                    "cannot read word lists in {}: {err}",
                    dir.display()
                ))
            })?,
        };
        Ok(Extractor { lexicon })
    }

    #[pyo3(signature = (text, html=false, doc="-", kinds=None))]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: &str,
        html: bool,
        doc: &str,
        kinds: Option<Vec<String>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let kinds = kinds_of(kinds)?;
        let extractor = quotetrack::Extractor::new(&self.lexicon);
        let quotes = py
            .detach(|| text_of(text, html).map(|t| extractor.extract_kinds(&t, kinds)))
            .map_err(error)?;
        records(py, doc, &quotes)
    }

    /// `extract` through serde (the CLI's code path), for the tests that
    /// hold the hand-built dicts equal to it.
    #[pyo3(signature = (text, doc="-", kinds=None))]
    fn extract_serde<'py>(
        &self,
        py: Python<'py>,
        text: &str,
        doc: &str,
        kinds: Option<Vec<String>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let kinds = kinds_of(kinds)?;
        let extractor = quotetrack::Extractor::new(&self.lexicon);
        serde_records(py, doc, &extractor.extract_kinds(text, kinds))
    }

    #[pyo3(signature = (texts, docs, threads=None, html=false, kinds=None))]
    fn extract_many<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<String>,
        docs: Vec<String>,
        threads: Option<usize>,
        html: bool,
        kinds: Option<Vec<String>>,
    ) -> PyResult<Vec<Bound<'py, PyList>>> {
        let kinds = kinds_of(kinds)?;
        let extractor = quotetrack::Extractor::new(&self.lexicon);
        let extracted: Vec<anyhow::Result<Vec<Quote>>> = py.detach(|| {
            on_threads(threads, || {
                texts
                    .par_iter()
                    .map(|text| text_of(text, html).map(|t| extractor.extract_kinds(&t, kinds)))
                    .collect()
            })
        })?;
        extracted
            .into_iter()
            .zip(&docs)
            .map(|(quotes, doc)| {
                let quotes = quotes.map_err(|e| error(e.context(format!("text {doc}"))))?;
                records(py, doc, &quotes)
            })
            .collect()
    }

    /// Records of articles given as JSON Lines lines, and the lines that
    /// were not articles (number from 1, why).
    #[pyo3(signature = (lines, threads=None, kinds=None))]
    fn extract_lines<'py>(
        &self,
        py: Python<'py>,
        lines: Vec<String>,
        threads: Option<usize>,
        kinds: Option<Vec<String>>,
    ) -> PyResult<(Bound<'py, PyList>, Skipped)> {
        let kinds = kinds_of(kinds)?;
        let extractor = quotetrack::Extractor::new(&self.lexicon);
        let extracted: Vec<anyhow::Result<(String, Vec<Quote>)>> = py.detach(|| {
            on_threads(threads, || {
                lines
                    .par_iter()
                    .enumerate()
                    .map(|(i, line)| {
                        let (id, article) = stream::article_of_line(line.as_bytes(), i + 1)?;
                        Ok((id, extractor.extract_kinds(&article.full_text(), kinds)))
                    })
                    .collect()
            })
        })?;
        let out = PyList::empty(py);
        let mut skipped = Vec::new();
        for (i, result) in extracted.into_iter().enumerate() {
            match result {
                Ok((id, quotes)) => {
                    let doc = PyString::new(py, &id);
                    for quote in &quotes {
                        out.append(record(py, &doc, quote)?)?;
                    }
                }
                Err(err) => skipped.push((i + 1, format!("{err:#}"))),
            }
        }
        Ok((out, skipped))
    }
}

/// A quotetrack database, opened once and queried. The store keeps caches
/// that are not thread-safe, so a Database stays on the thread that opened
/// it (another thread's use raises RuntimeError) and holds the GIL while
/// it answers: a query takes milliseconds.
#[pyclass(module = "quotetrack._quotetrack", unsendable)]
struct Database {
    store: RefCell<Option<Store>>,
}

impl Database {
    fn with<T>(&self, work: impl FnOnce(&mut Store) -> anyhow::Result<T>) -> PyResult<T> {
        let mut guard = self
            .store
            .try_borrow_mut()
            .map_err(|_| QuotetrackError::new_err("the database is busy with another query"))?;
        let store = guard
            .as_mut()
            .ok_or_else(|| QuotetrackError::new_err("the database is closed"))?;
        work(store).map_err(error)
    }
}

fn date_arg(name: &str, value: Option<&str>) -> PyResult<Option<chrono::NaiveDate>> {
    value
        .map(|v| parse_date(v).map_err(|e| PyValueError::new_err(format!("{name}: {e}"))))
        .transpose()
}

#[pymethods]
impl Database {
    #[new]
    fn new(path: PathBuf) -> PyResult<Self> {
        let store = Store::open_existing(&path).map_err(error)?;
        Ok(Database {
            store: RefCell::new(Some(store)),
        })
    }

    #[pyo3(signature = (speaker=None, outlet=None, since=None, until=None, search=None, limit=None, kinds=None, min_confidence=None, no_reprints=false))]
    #[allow(clippy::too_many_arguments)]
    fn quotes<'py>(
        &self,
        py: Python<'py>,
        speaker: Option<String>,
        outlet: Option<String>,
        since: Option<&str>,
        until: Option<&str>,
        search: Option<String>,
        limit: Option<usize>,
        kinds: Option<Vec<String>>,
        min_confidence: Option<f64>,
        no_reprints: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let filter = QuoteFilter {
            speaker,
            outlet,
            since: date_arg("since", since)?,
            until: date_arg("until", until)?,
            search,
            min_confidence,
            no_reprints,
            kinds: kinds_of(kinds)?,
            limit,
            // What the web page narrows by (one speaker id, one article, a
            // page's offset) stays at its default: everything.
            ..QuoteFilter::default()
        };
        let rows = self.with(|store| store.quotes(&filter))?;
        let list = PyList::empty(py);
        for row in &rows {
            list.append(pythonize(py, row)?)?;
        }
        Ok(list)
    }

    /// Every rendition of the statements whose quotes contain all of
    /// `words`, as `trace --format jsonl` writes them (claims left out).
    #[pyo3(signature = (words, limit=5))]
    fn trace<'py>(
        &self,
        py: Python<'py>,
        words: &str,
        limit: usize,
    ) -> PyResult<Bound<'py, PyList>> {
        let statements = {
            self.with(|store| {
                if track::has_unlinked(store.conn())? {
                    track::link_unlinked(store.conn_mut())?;
                }
                let conn = store.conn();
                track::find_statements(conn, words, limit.max(1))?
                    .into_iter()
                    .map(|id| track::trace(conn, id))
                    .collect::<anyhow::Result<Vec<_>>>()
            })
        }?;
        let list = PyList::empty(py);
        for statement in &statements {
            for rendition in &statement.renditions {
                list.append(pythonize(py, rendition)?)?;
            }
        }
        Ok(list)
    }

    #[pyo3(signature = (kinds=None))]
    fn speakers<'py>(
        &self,
        py: Python<'py>,
        kinds: Option<Vec<String>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let kinds: Vec<String> =
            kinds.unwrap_or_else(|| vec!["person".into(), "organisation".into()]);
        for kind in &kinds {
            if !["person", "organisation", "anonymous"].contains(&kind.as_str()) {
                return Err(PyValueError::new_err(format!(
                    "unknown speaker kind {kind:?}: give person, organisation or anonymous"
                )));
            }
        }
        let names: Vec<&str> = kinds.iter().map(String::as_str).collect();
        let rows = self.with(|store| store.speaker_list(&names))?;
        let list = PyList::empty(py);
        for row in &rows {
            list.append(pythonize(py, row)?)?;
        }
        Ok(list)
    }

    fn close(&self) -> PyResult<()> {
        self.store
            .try_borrow_mut()
            .map_err(|_| QuotetrackError::new_err("the database is busy with another query"))?
            .take();
        Ok(())
    }
}

#[pymodule]
fn _quotetrack(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("QuotetrackError", m.py().get_type::<QuotetrackError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<Extractor>()?;
    m.add_class::<Database>()?;
    Ok(())
}
