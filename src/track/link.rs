//! Linking each stored quote to its statement, at ingest.
//!
//! A new quote's three-word shingles are looked up in the candidate index
//! (`statement_shingles`, an index, so the cost does not grow with the
//! corpus); the few statements sharing the most shingles are aligned word
//! by word with it, and it joins the best one that passes
//! [`same_statement`], or starts a statement of its own.
//!
//! An ingest keeps the part of the candidate index it has used in memory
//! ([`Linker`]): looking shingles up and adding them one B-tree seek at a
//! time in SQLite was a third of ingest time. The table stays the record;
//! the memory copy is only ever what the table holds (plus rows of the
//! batch being stored, written at its end).

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::rc::Rc;

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, params};
use rustc_hash::FxHashMap;

use super::align::{Relation, compare, score};
use super::evidence::{
    Agreement, Context, MIDDLE_CHANGES_SAID_AGAIN, MIN_COVER, SHORT_PHRASE, Said, agreement,
    middle_changes, min_shared, same_statement,
};
use super::normalize::{Words, shingles, words};

/// Per shingle only the newest 16 statements count: a phrase in thousands
/// of statements ("prime minister said") says little, and news repeats
/// itself within days.
const NEWEST_PER_SHINGLE: usize = 16;
/// A fragment of at most this many words found in several statements of
/// one speaker joins none of them.
const SHORT_FRAGMENT: usize = 6;
/// How many of the best-sharing candidates are aligned.
const CANDIDATES: usize = 6;
/// Shingles kept in memory between batches; past this the copy is dropped
/// and filled again from the table as shingles are met, so memory stays
/// flat however large the corpus (about 20 to 40 bytes a shingle, see
/// [`Shingles`]).
const KEPT_SHINGLES: usize = 1_000_000;
/// A database with at most this many shingle rows has them all read into
/// memory when an ingest starts (a few hundredths of a second), so lookups
/// never reach SQLite; a larger one is read shingle by shingle, as needed.
const LOAD_AT_MOST: i64 = 500_000;

/// The candidate index of an ingest: for each shingle met, the newest
/// [`NEWEST_PER_SHINGLE`] statements with it (what a lookup in
/// `statement_shingles` returns), and the rows added since the last
/// [`Linker::flush`].
///
/// Valid for one connection between [`Linker::begin`] calls: `begin`
/// notices commits by other connections (`PRAGMA data_version`) and starts
/// afresh; a caller that rolls back calls [`Linker::reset`].
#[derive(Debug, Default)]
pub struct Linker {
    /// Shingle to statement ids, ascending, at most [`NEWEST_PER_SHINGLE`].
    index: Shingles,
    /// `index` holds every shingle in the table, so one it lacks is in no
    /// statement and the table need not be asked.
    complete: bool,
    /// (shingle, statement) rows not yet written to the table. Each
    /// shingle here has its entry in `index`.
    pending: Vec<(i64, i64)>,
    /// The database's `data_version` when `index` was last known current.
    version: Option<i64>,
    /// Never read the whole table (tests of reading shingle by shingle).
    #[cfg(test)]
    pub(crate) lazy: bool,
    /// Live (not merged) statements' references, as [`reference`] reads
    /// them: the same few statements are candidates quote after quote.
    references: FxHashMap<i64, Reference>,
}

impl Linker {
    /// Make the memory copy current before a batch: after another
    /// connection wrote, or when it has grown past [`KEPT_SHINGLES`], start
    /// again (reading the whole table when it is small).
    pub fn begin(&mut self, conn: &Connection) -> Result<()> {
        self.flush(conn)?;
        let version: i64 = conn.query_row("PRAGMA data_version", [], |r| r.get(0))?;
        if self.version == Some(version) && self.index.len() <= KEPT_SHINGLES {
            return Ok(());
        }
        let changed = self.version != Some(version);
        self.index.clear();
        self.references.clear();
        self.complete = false;
        self.version = Some(version);
        if !changed {
            // Grown too large: from here on read as needed.
            return Ok(());
        }
        let rows: i64 = conn.query_row(
            "SELECT count(*) FROM (SELECT 1 FROM statement_shingles LIMIT ?1)",
            [LOAD_AT_MOST + 1],
            |r| r.get(0),
        )?;
        #[cfg(test)]
        let rows = if self.lazy { i64::MAX } else { rows };
        if rows <= LOAD_AT_MOST {
            let mut stmt = conn.prepare("SELECT shingle, statement_id FROM statement_shingles")?;
            let mut found = stmt.query([])?;
            while let Some(row) = found.next()? {
                self.index.add(row.get(0)?, row.get(1)?);
            }
            self.complete = true;
        }
        Ok(())
    }

    /// Forget everything (after a rollback: the memory copy may hold rows
    /// the database no longer has).
    pub fn reset(&mut self) {
        #[cfg(test)]
        let lazy = self.lazy;
        *self = Linker::default();
        #[cfg(test)]
        {
            self.lazy = lazy;
        }
    }

    /// Forget what is known of statement `id`'s reference (after
    /// [`refresh`] chose it again).
    pub fn forget(&mut self, id: i64) {
        self.references.remove(&id);
    }

    /// [`reference`], from memory when it was read before.
    fn reference(&mut self, conn: &Connection, id: i64) -> Result<Option<Reference>> {
        if let Some(found) = self.references.get(&id) {
            return Ok(Some(found.clone()));
        }
        let found = reference(conn, id)?;
        if let Some(found) = &found {
            self.remember(found.clone());
        }
        Ok(found)
    }

    fn remember(&mut self, reference: Reference) {
        if self.references.len() >= CACHED_REFERENCES {
            self.references.clear();
        }
        self.references.insert(reference.statement, reference);
    }

    /// Write the rows added since the last flush to `statement_shingles`,
    /// in index order (cheaper for the B-tree than one at a time as found).
    pub fn flush(&mut self, conn: &Connection) -> Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        self.pending.sort_unstable();
        self.pending.dedup();
        // Many rows a statement: one statement per row spent as much on
        // running the statement as on the B-tree.
        let mut rows = self.pending.chunks_exact(FLUSH_ROWS);
        let mut insert = conn.prepare_cached(&insert_rows(FLUSH_ROWS))?;
        for chunk in rows.by_ref() {
            let values = chunk.iter().flat_map(|&(a, b)| [a, b]);
            insert.execute(rusqlite::params_from_iter(values))?;
        }
        let rest = rows.remainder();
        if !rest.is_empty() {
            let values = rest.iter().flat_map(|&(a, b)| [a, b]);
            conn.prepare(&insert_rows(rest.len()))?
                .execute(rusqlite::params_from_iter(values))?;
        }
        self.pending.clear();
        Ok(())
    }

    /// The newest statements with `shingle`, ascending.
    fn lookup(&mut self, conn: &Connection, shingle: i64) -> Result<&[i64]> {
        if self.index.get(shingle).is_none() {
            if self.complete {
                return Ok(&[]);
            }
            let mut ids: Vec<i64> = conn
                .prepare_cached(
                    "SELECT statement_id FROM statement_shingles WHERE shingle = ?1
                     ORDER BY statement_id DESC LIMIT 16",
                )?
                .query_map([shingle], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            ids.reverse();
            self.index.set(shingle, ids);
        }
        Ok(self.index.get(shingle).unwrap_or(&[]))
    }

    /// Record that `statement` has `shingle`.
    fn add(&mut self, conn: &Connection, shingle: i64, statement: i64) -> Result<()> {
        self.lookup(conn, shingle)?;
        self.index.add(shingle, statement);
        self.pending.push((shingle, statement));
        Ok(())
    }
}

/// Shingle rows written by one statement at a flush.
const FLUSH_ROWS: usize = 100;

/// `INSERT OR IGNORE` of `n` (shingle, statement) rows.
fn insert_rows(n: usize) -> String {
    let mut sql =
        String::from("INSERT OR IGNORE INTO statement_shingles (shingle, statement_id) VALUES ");
    for i in 0..n {
        if i > 0 {
            sql.push(',');
        }
        sql.push_str("(?,?)");
    }
    sql
}

/// The statements of each shingle met, ascending, at most
/// [`NEWEST_PER_SHINGLE`]. Most shingles are in one statement, so those
/// are kept apart without a vector of their own: about 20 bytes a shingle
/// instead of 80.
#[derive(Debug, Default)]
struct Shingles {
    one: FxHashMap<i64, i64>,
    /// Shingles in no statement (looked up, not found) or in several.
    other: FxHashMap<i64, Vec<i64>>,
}

impl Shingles {
    fn len(&self) -> usize {
        self.one.len() + self.other.len()
    }

    fn clear(&mut self) {
        // Fresh maps, so the memory of a large one is given back.
        *self = Shingles::default();
    }

    fn get(&self, shingle: i64) -> Option<&[i64]> {
        match self.one.get(&shingle) {
            Some(id) => Some(std::slice::from_ref(id)),
            None => self.other.get(&shingle).map(Vec::as_slice),
        }
    }

    /// Record what the table holds for `shingle`.
    fn set(&mut self, shingle: i64, ids: Vec<i64>) {
        match ids[..] {
            [id] => {
                self.one.insert(shingle, id);
            }
            _ => {
                self.other.insert(shingle, ids);
            }
        }
    }

    /// Record that statement `id` has `shingle`.
    fn add(&mut self, shingle: i64, id: i64) {
        if let Some(&first) = self.one.get(&shingle) {
            if first != id {
                self.one.remove(&shingle);
                let mut ids = vec![first];
                insert_newest(&mut ids, id);
                self.other.insert(shingle, ids);
            }
        } else if let Some(ids) = self.other.get_mut(&shingle)
            && !ids.is_empty()
        {
            insert_newest(ids, id);
        } else {
            self.other.remove(&shingle);
            self.one.insert(shingle, id);
        }
    }
}

/// Add `id` to the ascending, duplicate-free `ids`, keeping the newest
/// [`NEWEST_PER_SHINGLE`].
fn insert_newest(ids: &mut Vec<i64>, id: i64) {
    if let Err(at) = ids.binary_search(&id) {
        ids.insert(at, id);
        if ids.len() > NEWEST_PER_SHINGLE {
            ids.remove(0);
        }
    }
}

/// A quote's words as linking compares them, with the hashes of its
/// words sorted (all, and the speaker's own, leaving out editors'
/// brackets) for [`may_be_same`].
#[derive(Debug, Clone)]
pub struct Folded {
    pub words: Words,
    spoken: Vec<u64>,
    all: Vec<u64>,
}

impl Folded {
    pub fn new(text: &str) -> Folded {
        let words = words(text);
        let hash = |w: &super::normalize::Word| rustc_hash::FxBuildHasher.hash_one(&w.norm);
        let mut spoken: Vec<u64> = words
            .words
            .iter()
            .filter(|w| !w.bracketed)
            .map(hash)
            .collect();
        let mut all: Vec<u64> = words.words.iter().map(hash).collect();
        spoken.sort_unstable();
        all.sort_unstable();
        Folded { words, spoken, all }
    }
}

/// What linking needs of a new quote that does not depend on the
/// database: its words and shingles. Worked out beforehand, on another
/// thread, by ingest ([`Linker::link_prepared`]).
#[derive(Debug, Clone)]
pub struct Prepared {
    folded: Folded,
    shingles: Vec<i64>,
    said: Said,
}

impl Prepared {
    /// A quote whose speaker is not known.
    pub fn new(text: &str) -> Prepared {
        Prepared::said_by(text, Said::Unknown)
    }

    /// A quote credited to `said` (see [`Said::new`]).
    pub fn said_by(text: &str, said: Said) -> Prepared {
        let folded = Folded::new(text);
        let shingles = shingles(&folded.words);
        Prepared {
            folded,
            shingles,
            said,
        }
    }
}

/// A statement's reference rendition, as needed for comparing.
#[derive(Debug, Clone)]
struct Reference {
    statement: i64,
    words: Rc<Folded>,
    speaker: Option<i64>,
    /// Whom its renditions' outlets credit it to, as resolved in their
    /// articles (each once, at most [`SPEAKERS_KEPT`]): a statement one
    /// outlet misattributed still has its speaker.
    said: Rc<Vec<Said>>,
    /// Its reference's story: the article it reprints, or its own.
    article: Option<i64>,
    /// Its reference's publication date.
    published: Option<NaiveDate>,
}

/// How many reference renditions' words are kept between quotes (a few
/// kilobytes each).
const CACHED_REFERENCES: usize = 8192;

thread_local! {
    /// Words of recently compared reference renditions, by their text: the
    /// statements a story's quotes are compared with recur from quote to
    /// quote, and folding their words again was a tenth of ingest time.
    static REFERENCE_WORDS: RefCell<HashMap<String, Rc<Folded>>> = RefCell::new(HashMap::new());
}

/// [`Folded::new`], from the cache when this text was folded recently.
fn reference_words(text: String) -> Rc<Folded> {
    REFERENCE_WORDS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(found) = cache.get(&text) {
            return Rc::clone(found);
        }
        if cache.len() >= CACHED_REFERENCES {
            cache.clear();
        }
        let folded = Rc::new(Folded::new(&text));
        cache.insert(text, Rc::clone(&folded));
        folded
    })
}

/// Link a quote just stored in `quotes` to its statement; returns the
/// statement's id. For one quote on its own; an ingest keeps a [`Linker`]
/// and calls [`Linker::link`].
pub fn link_quote(
    conn: &Connection,
    quote_id: i64,
    text: &str,
    speaker: Option<i64>,
) -> Result<i64> {
    let mut linker = Linker::default();
    let statement = linker.link(conn, quote_id, text, speaker)?;
    linker.flush(conn)?;
    Ok(statement)
}

impl Linker {
    /// Link a quote just stored in `quotes` to its statement; returns the
    /// statement's id. Its shingles reach the table at the next
    /// [`Linker::flush`] (or [`Linker::begin`]).
    pub fn link(
        &mut self,
        conn: &Connection,
        quote_id: i64,
        text: &str,
        speaker: Option<i64>,
    ) -> Result<i64> {
        type Row = (
            Option<String>,
            Option<String>,
            Option<i64>,
            Option<String>,
            Option<String>,
        );
        let (name, kind, article, published, found_by): Row = conn
            .prepare_cached(
                "SELECT q.speaker_name, q.speaker_kind, coalesce(a.reprint_of, q.article_id), q.published, q.found_by
                 FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.id = ?1",
            )?
            .query_row([quote_id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .optional()?
            .unwrap_or((None, None, None, None, None));
        let said = Said::new(name.as_deref(), kind.as_deref()).found_by(found_by.as_deref());
        let quote = Prepared::said_by(text, said);
        let published = published.as_deref().and_then(parse_date);
        link(
            self,
            conn,
            quote_id,
            (article, published),
            quote,
            speaker,
            false,
        )
    }

    /// Link a quote of a reprint (`article` reprints `story`) to the
    /// statement of the same words in the story it reprints, nearest to
    /// its place there; returns that statement, or `None` when the story
    /// has no quote with these words (then link it as any other).
    ///
    /// A republished story carries its quotes unchanged: the same words in
    /// both are one utterance, however short (a two-word quote has no
    /// shingle to be found by) and whoever each extraction credited.
    pub fn link_reprinted(
        &mut self,
        conn: &Connection,
        quote_id: i64,
        (article, story): (i64, i64),
        normalized: &str,
        quote: &Prepared,
    ) -> Result<Option<i64>> {
        if article == story {
            return Ok(None);
        }
        let found: Option<i64> = conn
            .prepare_cached(
                "SELECT r.statement_id FROM quotes o JOIN renditions r ON r.quote_id = o.id
                 WHERE o.article_id = ?1 AND o.normalized = ?2
                 ORDER BY abs(o.byte_start - (SELECT byte_start FROM quotes WHERE id = ?3)), o.id
                 LIMIT 1",
            )?
            .query_row(params![story, normalized, quote_id], |r| r.get(0))
            .optional()?;
        let Some(statement) = found else {
            return Ok(None);
        };
        let rendition = (quote_id, Relation::Same, quote.folded.words.spoken());
        self.add_rendition(conn, rendition, statement, true, quote.said.clone())?;
        Ok(Some(statement))
    }

    /// Store quote `quote_id` as a rendition of `statement` (`relation`,
    /// `words` of its own), count it there when the statement was already
    /// stored (`joined`: a new one is inserted with its one rendition
    /// counted), and remember whom it credits.
    fn add_rendition(
        &mut self,
        conn: &Connection,
        (quote_id, relation, words): (i64, Relation, usize),
        statement: i64,
        joined: bool,
        said: Said,
    ) -> Result<()> {
        conn.prepare_cached(
            "INSERT INTO renditions (quote_id, statement_id, relation, words) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![quote_id, statement, relation.as_str(), words as i64])?;
        if joined {
            conn.prepare_cached("UPDATE statements SET renditions = renditions + 1 WHERE id = ?1")?
                .execute([statement])?;
        }
        if let Some(cached) = self.references.get_mut(&statement)
            && !cached.said.contains(&said)
            && cached.said.len() < SPEAKERS_KEPT
        {
            Rc::make_mut(&mut cached.said).push(said);
        }
        Ok(())
    }

    /// [`Linker::link`] for a quote folded beforehand (on another
    /// thread) whose `speaker` is given only when it is an anonymous
    /// source, as ingest gives it: a statement it starts is then
    /// remembered without reading it back.
    pub fn link_prepared(
        &mut self,
        conn: &Connection,
        quote_id: i64,
        (article, published): (i64, Option<NaiveDate>),
        quote: Prepared,
        anonymous_speaker: Option<i64>,
    ) -> Result<i64> {
        link(
            self,
            conn,
            quote_id,
            (Some(article), published),
            quote,
            anonymous_speaker,
            true,
        )
    }
}

fn link(
    linker: &mut Linker,
    conn: &Connection,
    quote_id: i64,
    (article, published): (Option<i64>, Option<NaiveDate>),
    quote: Prepared,
    speaker: Option<i64>,
    speaker_is_anonymous: bool,
) -> Result<i64> {
    let Prepared {
        folded,
        shingles: grams,
        said,
    } = quote;
    let new = Rc::new(folded);
    let mut hits: HashMap<i64, u32> = HashMap::new();
    for &gram in &grams {
        for &statement in linker.lookup(conn, gram)? {
            *hits.entry(statement).or_default() += 1;
        }
    }
    let mut ranked: Vec<(i64, u32)> = hits.into_iter().collect();
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));

    // Align the best candidates; keep those that are this statement.
    let mut seen = Vec::new();
    let mut passing: Vec<(Reference, (u32, usize), Agreement)> = Vec::new();
    // A short phrase someone else is quoted saying too, word for word, is
    // a phrase in common use ("radical Islamic terrorism"): it joins no
    // statement.
    let short_phrase = new.words.spoken() <= SHORT_PHRASE;
    let mut said_by_another = false;
    for (candidate, _) in ranked {
        if seen.len() >= CANDIDATES {
            break;
        }
        let Some(reference) = linker.reference(conn, candidate)? else {
            continue;
        };
        if seen.contains(&reference.statement) {
            continue;
        }
        seen.push(reference.statement);
        let (r, q) = fuller_first(&reference.words, &new);
        // Words first, names second: a short quote is aligned in a moment,
        // and most candidates do not hold it whole.
        if short_phrase
            && !said_by_another
            && compare(&r.words, &q.words).matched == new.words.spoken()
            && agreement_with(&said, &reference.said) == Agreement::Different
        {
            said_by_another = true;
        }
        // An anonymous source's id is its article's: the same id is the
        // same source.
        // The cheap bound first: most candidates share a phrase and
        // little else, and comparing names costs more than counting words.
        if !may_be_same(r, q, min_shared(Agreement::Same)) {
            continue;
        }
        let speakers = match (speaker, reference.speaker) {
            (Some(a), Some(b)) if a == b => Agreement::Same,
            _ => agreement_with(&said, &reference.said),
        };
        let same_story = article.is_some() && article == reference.article;
        // Across stories, other speakers need the words of a misattribution;
        // in one story, words given twice may be one remark read to two.
        if speakers == Agreement::Different
            && !same_story
            && !may_be_same(r, q, min_shared(speakers))
        {
            continue;
        }
        let (r, q) = (&r.words, &q.words);
        let c = compare(r, q);
        let ctx = Context {
            speakers,
            same_story,
            days_apart: published
                .zip(reference.published)
                .map(|(a, b)| (a - b).num_days().abs()),
            unnamed_fuller: unnamed_fuller(
                (&said, new.words.spoken()),
                (&reference.said, reference.words.words.spoken()),
            ),
        };
        if same_statement(&c, r, q, ctx) {
            let fit = score(&c, r, q);
            passing.push((reference, fit, speakers));
        }
    }
    if said_by_another {
        passing.clear();
    }
    // A fragment found in several statements could be any of them: it
    // joins the one whose speaker is its own, or none (a phrase many
    // remarks share).
    let fragment_of = passing
        .iter()
        .filter(|(r, _, _)| new.words.spoken() <= r.words.words.spoken())
        .count();
    if fragment_of > 1 {
        let same: Vec<i64> = passing
            .iter()
            .filter(|(_, _, a)| *a == Agreement::Same)
            .map(|(r, _, _)| r.statement)
            .collect();
        match same[..] {
            [only] => passing.retain(|(r, _, _)| r.statement == only),
            // Several by the same speaker: a long rendition goes with the
            // better fit (as below); a short one could be any of them.
            [_, _, ..] if new.words.spoken() > SHORT_FRAGMENT => {
                passing.retain(|(_, _, a)| *a == Agreement::Same)
            }
            _ => passing.clear(),
        }
    }

    // One statement is one utterance: two fragments of a long quote that
    // share no words (two sentences of one speech) are two remarks, even
    // though the long quote holds both. A fragment joins a statement only
    // when it overlaps every fragment already there.
    let mut kept = Vec::with_capacity(passing.len());
    for candidate in passing {
        let is_fragment = new.words.spoken() < candidate.0.words.words.spoken();
        if !is_fragment || overlaps_its_fragments(conn, &candidate.0, &new.words)? {
            kept.push(candidate);
        }
    }
    let mut passing = kept;
    // Likewise a full quote joins the statements of two fragments only
    // when those fragments overlap, and, when one story carries both, are
    // not the line said twice.
    if passing.len() > 1 {
        let best = passing
            .iter()
            .max_by_key(|(r, fit, _)| (*fit, r.statement))
            .map(|(r, _, _)| (Rc::clone(&r.words), r.article));
        if let Some((best, story)) = best {
            passing.retain(|(r, _, _)| {
                Rc::ptr_eq(&r.words, &best)
                    || (one_remark(&r.words.words, &best.words)
                        && !(r.article.is_some()
                            && r.article == story
                            && said_twice(&r.words.words, &best.words)))
            });
        }
    }
    let new_is_fuller = |r: &Reference| new.words.spoken() > r.words.words.spoken();
    let mut bridged = false;
    let statement = match passing.iter().max_by_key(|(r, fit, _)| (*fit, r.statement)) {
        None => {
            conn.prepare_cached(
                "INSERT INTO statements (reference_quote_id, renditions) VALUES (?1, 1)",
            )?
            .execute([quote_id])?;
            let id = conn.last_insert_rowid();
            if speaker_is_anonymous {
                linker.remember(Reference {
                    statement: id,
                    words: Rc::clone(&new),
                    speaker,
                    said: Rc::new(vec![said.clone()]),
                    article,
                    published,
                });
            }
            id
        }
        Some(best) => {
            let (best, best_agreement) = (&best.0, best.2);
            // A full quote arriving after two fragments of it joins their
            // statements. A fragment matching two statements does not: it
            // could be either, so it goes with the better fit.
            if new_is_fuller(best) {
                let merging: Vec<i64> = passing
                    .iter()
                    .filter(|(r, _, _)| new_is_fuller(r))
                    .map(|(r, _, _)| r.statement)
                    .collect();
                let target = *merging.iter().min().unwrap_or(&best.statement);
                for &other in merging.iter().filter(|&&s| s != target) {
                    merge(conn, other, target)?;
                    linker.forget(other);
                }
                target
            } else {
                // A quote as full as one statement's reference, and found
                // in another's of the same speaker, shows the first to be
                // a rendition of the second: both are its statement.
                let covered: Vec<i64> = passing
                    .iter()
                    .filter(|(r, _, a)| {
                        r.statement != best.statement
                            && *a == Agreement::Same
                            && best_agreement == Agreement::Same
                            && !new_is_fuller(r)
                            && new.words.spoken() >= r.words.words.spoken()
                    })
                    .map(|(r, _, _)| r.statement)
                    .collect();
                for &other in &covered {
                    merge(conn, other, best.statement)?;
                    linker.forget(other);
                }
                if !covered.is_empty() {
                    bridged = true;
                }
                best.statement
            }
        }
    };
    if bridged {
        refresh(conn, statement)?;
        linker.forget(statement);
    }
    let reference_words = passing
        .iter()
        .find(|(r, _, _)| r.statement == statement)
        .map(|(r, _, _)| &r.words.words);
    let relation = match reference_words {
        Some(r) if !new_is_fuller_words(&new.words, r) => compare(r, &new.words).relation,
        _ => Relation::Same,
    };
    let rendition = (quote_id, relation, new.words.spoken());
    linker.add_rendition(conn, rendition, statement, !passing.is_empty(), said)?;
    for &gram in &grams {
        linker.add(conn, gram, statement)?;
    }
    if reference_words.is_some_and(|r| new_is_fuller_words(&new.words, r)) {
        refresh(conn, statement)?;
        linker.forget(statement);
    }
    Ok(statement)
}

/// Whether the fuller of a new quote (`said`, `words`) and a statement
/// (its speakers, its reference's words) names nobody while the other
/// names someone ([`Context::unnamed_fuller`]).
fn unnamed_fuller((said, words): (&Said, usize), (statement, reference): (&[Said], usize)) -> bool {
    let nobody = |s: &Said| *s == Said::Unknown;
    let statement_nobody = statement.iter().all(nobody);
    match words.cmp(&reference) {
        std::cmp::Ordering::Greater => nobody(said) && !statement_nobody,
        std::cmp::Ordering::Less => statement_nobody && !nobody(said),
        std::cmp::Ordering::Equal => false,
    }
}

/// Whether [`same_statement`] could hold for `r` (the fuller) and `q`,
/// from the words they share in any order (compared by hash, so a
/// collision can only let a pair through): an alignment never matches
/// more. Most candidates share a phrase and little else, and this costs a
/// fraction of aligning them.
fn may_be_same(r: &Folded, q: &Folded, needed: usize) -> bool {
    let (rs, qs) = (&r.spoken, &q.all);
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < rs.len() && j < qs.len() {
        match rs[i].cmp(&qs[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let shorter = r.words.spoken().min(q.words.spoken());
    // Two short phrases of one length need all their words, not more.
    let needed = if r.words.spoken() == q.words.spoken() && shorter <= SHORT_PHRASE {
        needed.min(shorter)
    } else {
        needed
    };
    shared >= needed && shared as f64 >= MIN_COVER * shorter as f64
}

fn new_is_fuller_words(new: &Words, reference: &Words) -> bool {
    new.spoken() > reference.spoken()
}

/// The fuller of two renditions first (the reference side of a compare).
fn fuller_first<'a>(a: &'a Folded, b: &'a Folded) -> (&'a Folded, &'a Folded) {
    if b.words.spoken() > a.words.spoken() {
        (b, a)
    } else {
        (a, b)
    }
}

/// The live statement `id` stands for (following merges), with its
/// reference rendition; `None` if it has no renditions left. Its speaker is
/// given only for an anonymous source, the one kind whose speaker id is
/// known when a quote is linked (people and organisations get theirs when
/// identity is worked out, at the end of an ingest), so a link never
/// depends on how far that had got.
fn reference(conn: &Connection, mut id: i64) -> Result<Option<Reference>> {
    let mut find = conn.prepare_cached(
        "SELECT st.merged_into, q.text, CASE WHEN q.speaker_kind = 'anonymous' THEN q.speaker_id END,
                coalesce(a.reprint_of, q.article_id), q.published
         FROM statements st
         LEFT JOIN quotes q ON q.id = st.reference_quote_id
         LEFT JOIN articles a ON a.id = q.article_id WHERE st.id = ?1",
    )?;
    // Merges chain only as deep as statements were joined; the bound is
    // a guard against a hand-edited cycle.
    for _ in 0..64 {
        let row: Option<ReferenceRow> = find
            .query_row([id], |r| {
                Ok(ReferenceRow {
                    merged_into: r.get(0)?,
                    text: r.get(1)?,
                    speaker: r.get(2)?,
                    article: r.get(3)?,
                    published: r.get(4)?,
                })
            })
            .optional()?;
        let Some(row) = row else { return Ok(None) };
        match (row.merged_into, row.text) {
            (Some(next), _) => id = next,
            (None, None) => return Ok(None),
            (None, Some(text)) => {
                return Ok(Some(Reference {
                    statement: id,
                    words: reference_words(text),
                    speaker: row.speaker,
                    said: Rc::new(speakers_of(conn, id)?),
                    article: row.article,
                    published: row.published.as_deref().and_then(parse_date),
                }));
            }
        }
    }
    Ok(None)
}

/// Whether two fragments of one statement can be one remark: they share
/// a run of words. Two stretches of one long quote that share none (two
/// sentences of a speech, a headline over another part of it) are two
/// remarks, though the long quote holds both; measured on the labelled
/// pairs, telling apart only those in different sentences cost more
/// wrong joins than it won right ones.
fn one_remark(a: &Words, b: &Words) -> bool {
    let (r, q) = if a.spoken() >= b.spoken() {
        (a, b)
    } else {
        (b, a)
    };
    compare(r, q).matched >= OVERLAP_WORDS.min(q.spoken().max(1))
}

/// Whether two renditions differ in as many places as a line said twice
/// ([`MIDDLE_CHANGES_SAID_AGAIN`]).
fn said_twice(a: &Words, b: &Words) -> bool {
    let (r, q) = if a.spoken() >= b.spoken() {
        (a, b)
    } else {
        (b, a)
    };
    middle_changes(&compare(r, q)) >= MIDDLE_CHANGES_SAID_AGAIN
}

/// Shared words that make two fragments overlap.
const OVERLAP_WORDS: usize = 3;
/// Fragments of a statement a new fragment is checked against.
const FRAGMENTS_CHECKED: i64 = 16;

/// Whether `words`, a fragment of `statement`'s reference, overlaps each
/// other fragment already in it.
fn overlaps_its_fragments(conn: &Connection, statement: &Reference, words: &Words) -> Result<bool> {
    let full = statement.words.words.spoken() as i64;
    let mut stmt = conn.prepare_cached(
        "SELECT q.text FROM
           (SELECT quote_id, words FROM renditions WHERE statement_id = ?1 LIMIT ?4) r
         JOIN quotes q ON q.id = r.quote_id
         WHERE r.words < ?2 LIMIT ?3",
    )?;
    let mut rows = stmt.query(rusqlite::params![
        statement.statement,
        full,
        FRAGMENTS_CHECKED,
        RENDITIONS_READ
    ])?;
    while let Some(row) = rows.next()? {
        let text: String = row.get(0)?;
        if !one_remark(&reference_words(text).words, words) {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Renditions of a statement read for its speakers and fragments: a
/// statement reported a thousand times is not read a thousand rows deep
/// for every quote compared with it (that made ingest grow faster than
/// the corpus).
const RENDITIONS_READ: i64 = 64;
/// How many of a statement's speakers linking compares a quote with.
const SPEAKERS_KEPT: usize = 8;

/// How a quote's speaker relates to a statement's: the same as one of
/// them; else told apart from one; else a guess that disagrees; else
/// unknown.
fn agreement_with(said: &Said, statement: &[Said]) -> Agreement {
    let (mut any_different, mut any_guessed) = (false, false);
    for other in statement {
        match agreement(said, other) {
            Agreement::Same => return Agreement::Same,
            Agreement::Different => any_different = true,
            Agreement::Guessed => any_guessed = true,
            Agreement::Unknown => {}
        }
    }
    if any_different {
        Agreement::Different
    } else if any_guessed {
        Agreement::Guessed
    } else {
        Agreement::Unknown
    }
}

/// The distinct speakers statement `id`'s renditions are credited to.
fn speakers_of(conn: &Connection, id: i64) -> Result<Vec<Said>> {
    let mut said = Vec::new();
    let mut rows = conn.prepare_cached(
        "SELECT q.speaker_name, q.speaker_kind, q.found_by FROM
           (SELECT quote_id FROM renditions WHERE statement_id = ?1 LIMIT ?2) r
         JOIN quotes q ON q.id = r.quote_id",
    )?;
    let mut found = rows.query(rusqlite::params![id, RENDITIONS_READ])?;
    while let Some(row) = found.next()? {
        let (name, kind, found_by): (Option<String>, Option<String>, Option<String>) =
            (row.get(0)?, row.get(1)?, row.get(2)?);
        let one = Said::new(name.as_deref(), kind.as_deref()).found_by(found_by.as_deref());
        if !said.contains(&one) && said.len() < SPEAKERS_KEPT {
            said.push(one);
        }
    }
    Ok(said)
}

/// A statement's row with its reference quote's.
struct ReferenceRow {
    merged_into: Option<i64>,
    text: Option<String>,
    speaker: Option<i64>,
    article: Option<i64>,
    published: Option<String>,
}

fn parse_date(date: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

/// Move statement `from`'s renditions into `into`. Its shingles stay
/// behind and are followed through `merged_into`, so a merge costs the
/// renditions moved, not a scan of the index.
fn merge(conn: &Connection, from: i64, into: i64) -> Result<()> {
    conn.prepare_cached("UPDATE renditions SET statement_id = ?2 WHERE statement_id = ?1")?
        .execute([from, into])?;
    conn.prepare_cached(
        "UPDATE statements SET renditions = renditions + (SELECT renditions FROM statements WHERE id = ?1) WHERE id = ?2",
    )?
    .execute([from, into])?;
    conn.prepare_cached(
        "UPDATE statements SET merged_into = ?2, renditions = 0, reference_quote_id = NULL WHERE id = ?1",
    )?
    .execute([from, into])?;
    Ok(())
}

/// Choose a statement's reference afresh (its fullest rendition, the
/// earliest stored among equals) and bring every rendition's relation up
/// to date.
pub fn refresh(conn: &Connection, statement: i64) -> Result<()> {
    let mut rows: Vec<(i64, String)> = conn
        .prepare_cached(
            "SELECT q.id, q.text FROM renditions r JOIN quotes q ON q.id = r.quote_id
             WHERE r.statement_id = ?1 ORDER BY r.words DESC, q.id",
        )?
        .query_map([statement], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let reference = rows.first().map(|(id, _)| *id);
    conn.prepare_cached(
        "UPDATE statements SET reference_quote_id = ?2, renditions = ?3 WHERE id = ?1",
    )?
    .execute(params![statement, reference, rows.len() as i64])?;
    let Some((_, reference_text)) = rows.first().cloned() else {
        return Ok(());
    };
    let reference_words = words(&reference_text);
    let mut update =
        conn.prepare_cached("UPDATE renditions SET relation = ?2 WHERE quote_id = ?1")?;
    for (id, text) in rows.drain(..) {
        let relation = compare(&reference_words, &words(&text)).relation;
        update.execute(params![id, relation.as_str()])?;
    }
    Ok(())
}

/// The statements an article's quotes belong to; call before deleting
/// them (re-extraction), then [`refresh`] each.
pub fn statements_of_article(conn: &Connection, article: i64) -> Result<Vec<i64>> {
    let mut ids: Vec<i64> = conn
        .prepare_cached(
            "SELECT DISTINCT r.statement_id FROM quotes q JOIN renditions r ON r.quote_id = q.id
             WHERE q.article_id = ?1",
        )?
        .query_map([article], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    ids.sort_unstable();
    Ok(ids)
}

/// Whether some quotes have no statement yet: a database made before
/// statement tracing existed. Two index lookups, so cheap to ask.
pub fn has_unlinked(conn: &Connection) -> Result<bool> {
    let (quotes, linked): (Option<i64>, Option<i64>) = conn.query_row(
        "SELECT (SELECT id FROM quotes WHERE kind <> 'indirect' ORDER BY id DESC LIMIT 1),
                (SELECT max(quote_id) FROM renditions)",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(quotes.is_some() && quotes > linked)
}

/// Link every quote that has no statement, oldest first; returns how many.
pub fn link_unlinked(conn: &mut Connection) -> Result<usize> {
    let tx = conn.transaction()?;
    let pending: Vec<(i64, String, Option<i64>)> = tx
        .prepare(
            "SELECT q.id, q.text, q.speaker_id FROM quotes q
             JOIN articles a ON a.id = q.article_id
             WHERE NOT EXISTS (SELECT 1 FROM renditions r WHERE r.quote_id = q.id)
               AND q.kind <> 'indirect'
             ORDER BY a.published IS NULL, a.published, q.id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut linker = Linker::default();
    linker.begin(&tx)?;
    for (id, text, speaker) in &pending {
        linker.link(&tx, *id, text, *speaker)?;
    }
    linker.flush(&tx)?;
    tx.commit()?;
    Ok(pending.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shingle_keeps_its_newest_statements_once_each() {
        let mut ids = Vec::new();
        for id in [5, 3, 9, 5] {
            insert_newest(&mut ids, id);
        }
        assert_eq!(ids, [3, 5, 9]);
        for id in 10..30 {
            insert_newest(&mut ids, id);
        }
        assert_eq!(ids, (14..30).collect::<Vec<i64>>());
        // An older statement than all sixteen kept would not be found by a
        // lookup in the table either.
        insert_newest(&mut ids, 1);
        assert_eq!(ids, (14..30).collect::<Vec<i64>>());
    }

    #[test]
    fn shingles_kept_apart_or_together_read_the_same() {
        let mut kept = Shingles::default();
        assert_eq!(kept.get(7), None);
        kept.set(7, Vec::new());
        assert_eq!(kept.get(7), Some(&[][..]));
        kept.add(7, 40);
        assert_eq!(kept.get(7), Some(&[40][..]));
        kept.add(7, 40);
        kept.add(7, 12);
        assert_eq!(kept.get(7), Some(&[12, 40][..]));
        kept.set(8, vec![3]);
        kept.set(9, vec![1, 2]);
        assert_eq!(kept.get(8), Some(&[3][..]));
        assert_eq!(kept.get(9), Some(&[1, 2][..]));
        assert_eq!(kept.len(), 3);
        for id in 0..40 {
            kept.add(8, id);
        }
        assert_eq!(kept.get(8), Some(&(24..40).collect::<Vec<i64>>()[..]));
    }

    #[test]
    fn a_line_worded_otherwise_in_two_places_is_said_twice() {
        let first = words(
            "Let us dispel this notion that the harbor levy will bankrupt fishermen. It will not bankrupt anyone,",
        );
        let again = words(
            "This idea that the harbor levy will bankrupt fishermen is simply false. It will not bankrupt anyone.",
        );
        assert!(said_twice(&first, &again));
        assert!(said_twice(&again, &first));
        // Cut at both ends and a word dropped: one rendition of one line.
        let cut = words("the harbor levy will bankrupt fishermen. It will not bankrupt");
        assert!(!said_twice(&first, &cut));
    }

    #[test]
    fn the_word_bound_never_rejects_what_alignment_accepts() {
        let full = Folded::new(
            "We will not gamble with the safety of families in the lower neighborhoods, and we will not rush",
        );
        for (text, same_speaker) in [
            ("the safety of families in the lower neighborhoods", true),
            ("We will not gamble ... with the safety of families", true),
            ("We will not gamble with the lives of families", false),
            ("gamble [the mayor said] with the safety of families", true),
            ("the safety of families", true),
            ("nothing at all in common here today", true),
        ] {
            let q = Folded::new(text);
            let (r, q) = fuller_first(&full, &q);
            let (rw, qw) = (&r.words, &q.words);
            let speakers = Agreement::named(same_speaker);
            let ctx = Context::apart(speakers);
            let passes = same_statement(&compare(rw, qw), rw, qw, ctx);
            assert!(
                !passes || may_be_same(r, q, min_shared(speakers)),
                "{text}: the bound rejected a pair alignment accepts"
            );
        }
        let unrelated = Folded::new("the safety of families is our first concern this winter");
        assert!(!may_be_same(&full, &unrelated, min_shared(Agreement::Same)));
    }
}
