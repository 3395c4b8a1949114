//! Asking the store for quotes.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::types::{Value, ValueRef};
use rusqlite::{OptionalExtension, Row, params_from_iter};
use serde::Serialize;

use super::{Store, fold};
use crate::claims::Kinds;
use crate::record::QuoteKind;

/// At most this many quotes in date order are read looking for a page of
/// matches (along `quotes_published`, db/012, which holds what the filters
/// read) before every match is sorted instead.
const WALK_BUDGET: i64 = 400_000;
/// At most this many quotes in date order are each asked of the full-text
/// index on their own (about 20 µs each on a million quotes).
const PROBE_BUDGET: i64 = 4_000;
/// Matches are counted up to this many when choosing how to find a page;
/// beyond, how common the words are is estimated from the newest
/// `SAMPLE_IDS` quote ids (counting 900,000 matches took 80–100 ms).
const COUNT_CAP: i64 = 50_000;
const SAMPLE_IDS: i64 = 20_000;
/// At most this many sort keys are kept in memory by [`WordsPlan::Keys`]
/// (40 bytes each); a page further on is sorted in SQL.
const KEYS_HELD: usize = 200_000;

/// A page from a cursor read along the date index gives way to the keys of
/// every match after this many quotes each asked of the full-text index
/// (20-300 µs each), or this many matches read in batches (about 0.1 µs
/// each; see [`Store::walk_stretch`]).
const CURSOR_PROBES: usize = 1_000;
const CURSOR_MATCHES: usize = 300_000;
/// Words in at most this many quotes: a page from a cursor keeps the first
/// sort keys of every match (0.7 µs each), however the matches lie.
const CURSOR_KEYS: i64 = 20_000;

/// A speaker or an article filter is counted up to this many quotes: one
/// keeping fewer is read from its own index and sorted, one keeping more
/// (a part of a name many speakers share, "a") along the date index, as an
/// outlet is.
const NARROW_COUNTED: i64 = 20_000;
/// Costs in µs on the million-quote database, to choose how the quotes a
/// speaker or an article filter keeps are matched against words: each
/// asked of the full-text index (about 30 µs), or looked up in the set of
/// matches, read once (about 0.18 µs a match: 200 ms for `the`).
const PROBE_EACH_US: f64 = 30.0;
const MATCH_READ_US: f64 = 0.18;
/// Asking this long (about 60 quotes) is done without weighing the other
/// way.
const PROBES_ALWAYS_US: f64 = 2_000.0;
/// A page without words is read along the date index when it should end
/// within this many of the index's quotes (about 0.2 µs each), rather than
/// sorting every quote the filters keep.
const DATE_WALK_ENTRIES: f64 = 300_000.0;

/// How many quotes the filters naming a speaker or an article keep
/// (`kept`, estimated from the newest quote ids past [`NARROW_COUNTED`]),
/// of all `quotes`; `None` without such a filter.
#[derive(Debug, Clone, Copy)]
struct Narrowed {
    kept: i64,
    quotes: i64,
}

impl Narrowed {
    /// Few enough to be read from their own index and sorted.
    fn few(&self) -> bool {
        self.kept < NARROW_COUNTED
    }
}

/// A list's filters as SQL (`filters`, with `args`), and how many quotes
/// its speaker or article filter keeps.
#[derive(Clone, Copy)]
struct List<'a> {
    filter: &'a QuoteFilter,
    filters: &'a str,
    args: &'a [Value],
    narrowed: Option<Narrowed>,
}

/// One stretch of a list from a cursor (see [`Store::quotes_from`]): a
/// condition on the date index's columns (`sql`, with its `args`), read
/// forward or `back`, of which `wanted` quotes are wanted.
struct Stretch<'a> {
    sql: &'a str,
    args: &'a [Value],
    back: bool,
    wanted: usize,
}

impl Stretch<'_> {
    /// The order of the date index, or back along it.
    fn order(&self) -> &'static str {
        if self.back {
            "ORDER BY q.published DESC, q.article_id DESC, q.byte_start DESC, q.id DESC"
        } else {
            "ORDER BY q.published, q.article_id, q.byte_start, q.id"
        }
    }
}

/// Keep `key` in `kept` if it is among the `n` least, `kept` holding at
/// most `n` with the greatest on top.
fn keep_least<K: Ord>(kept: &mut BinaryHeap<K>, key: K, n: usize) {
    if kept.len() < n {
        kept.push(key);
    } else if let Some(mut top) = kept.peek_mut()
        && key < *top
    {
        *top = key;
    }
}

/// How common words are, for choosing how to find a page: the quotes
/// (the greatest id), the quotes matching (counted, or estimated), and
/// the share of articles the outlet filter keeps (kept, of all).
struct Commonness {
    quotes: i64,
    matches: i64,
    share: (i64, i64),
}

/// How [`Store::quotes`] finds a page of the quotes matching words. The
/// answer is the same whichever is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordsPlan {
    /// Every match, sorted by date.
    Sort,
    /// Every match, as [`WordsPlan::Sort`], but the ids the full-text index
    /// gives are filtered and sorted by what `quotes_order` (db/012) holds
    /// for them, never reading a quotes row (about 0.7 µs a match).
    Keys,
    /// Quotes in date order, each looked up in the set of matches (read
    /// once, in time proportional to the matches: about 100 ms for 900,000).
    Walk,
    /// Quotes in date order, each asked of the full-text index on its own:
    /// for words in most quotes, whose set of matches would take longer to
    /// read than the page needs.
    Probe,
    /// Quotes in date order in batches, each batch asking the full-text
    /// index for the matches between its least and greatest id (see
    /// [`Store::walk_stretch`]): pages further on than a window reads,
    /// when quote ids grow with the dates.
    Batches,
    /// The quotes a speaker or an article filter keeps, from their own
    /// index, each asked of the full-text index, then sorted: when they
    /// are far fewer than the matches (one speaker's 1,000 quotes and
    /// `the`, in 900,000: 200 ms to read the matches, 30 ms to ask).
    ProbeEach,
}

/// Which quotes to list. Every field narrows; the default lists everything.
#[derive(Debug, Clone, Default)]
pub struct QuoteFilter {
    /// Part of the speaker's name or of one of their aliases, any case, with
    /// or without accents.
    pub speaker: Option<String>,
    /// Part of the outlet's name, as for `speaker`.
    pub outlet: Option<String>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// Words that must all appear in the quote (full-text search).
    pub search: Option<String>,
    /// Only quotes whose speaker was found with at least this confidence
    /// (0 to 1); quotes stored without one (before db/006) never pass.
    pub min_confidence: Option<f64>,
    /// Leave out quotes from articles that reprint another
    /// (`articles.reprint_of`, db/007_reprints.sql).
    pub no_reprints: bool,
    /// Which kinds of record: by default quotes (direct, partial and
    /// continuations) and no claims, as before claims were stored.
    pub kinds: Kinds,
    pub limit: Option<usize>,
    /// Quotes of exactly this speaker id (the web page of one speaker,
    /// where a name would also match others containing it).
    pub speaker_id: Option<i64>,
    /// Quotes of this article only.
    pub article: Option<i64>,
    /// Skip this many quotes first (a later page of a list); used only with
    /// `limit`, and not with `cursor`.
    pub offset: usize,
    /// Start the list just past a quote instead (keyset paging): the
    /// quotes after it in list order, or the `limit` last before it.
    pub cursor: Option<Cursor>,
}

/// Where a page starts: just after a quote in list order (the last of the
/// page before), or just before one (the first of the page after), named
/// by its id. The page is then "the next `limit` matches from here", found
/// from the quote's place in the date index instead of counting `offset`
/// matches from the start, so a deep page costs what the first does. The
/// quote itself need not match the list; only its place is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cursor {
    After(i64),
    Before(i64),
}

/// A [`Cursor`] naming a quote that is not stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownCursor(pub i64);

impl std::fmt::Display for UnknownCursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "there is no quote {} to start the page from; follow the page links, or give page= alone",
            self.0
        )
    }
}

impl std::error::Error for UnknownCursor {}

/// One stored quote with where it ran. Field order is the JSON order, which
/// starts with the fields the README promises.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteRow {
    pub id: i64,
    pub speaker: Option<String>,
    pub text: String,
    pub outlet: Option<String>,
    /// Publication date, YYYY-MM-DD.
    pub date: Option<String>,
    /// The article's id.
    pub article: i64,
    /// Byte offsets of the quote in the article text, end exclusive.
    pub start: usize,
    pub end: usize,
    pub speaker_kind: Option<String>,
    /// The speaker as this article names them ("he", "the secretary").
    pub speaker_as_written: Option<String>,
    pub kind: String,
    /// How the speaker was found (`explicit`, `pronoun`, ...; see
    /// [`crate::record::FoundBy`]); none for quotes stored before db/006.
    pub found_by: Option<String>,
    /// How often a speaker found that way is right, 0 to 1.
    pub confidence: Option<f64>,
    pub cue: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub path: Option<String>,
    /// Where in the article the quote is: `body`, or `caption` for a
    /// figure caption (db/010_captions.sql).
    pub section: String,
}

/// A quote together with the paragraph around it, for `show`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteInContext {
    #[serde(flatten)]
    pub quote: QuoteRow,
    pub speaker_role: Option<String>,
    /// Where the article's date came from (`published`, `url`, `feed
    /// item`, ...; db/009_fetched_articles.sql).
    pub date_source: Option<String>,
    /// The address the page gives as its own, when it was fetched from
    /// another (`url`).
    pub canonical_url: Option<String>,
    pub paragraph: String,
    /// Where the quote sits inside `paragraph`, in bytes.
    pub paragraph_start: usize,
    pub paragraph_end: usize,
}

const SELECT: &str =
    "SELECT q.id, s.name, q.text, o.name, a.published, a.id, q.byte_start, q.byte_end,
        s.kind, q.speaker_mention, q.kind, q.cue, a.title, a.url, a.path, q.found_by, q.confidence,
        CASE WHEN a.body_end IS NOT NULL AND q.byte_start >= a.body_end THEN 'caption' ELSE 'body' END
    FROM quotes q
    JOIN articles a ON a.id = q.article_id
    LEFT JOIN outlets o ON o.id = a.outlet_id
    LEFT JOIN speakers s ON s.id = q.speaker_id";

fn quote_row(row: &Row) -> rusqlite::Result<QuoteRow> {
    Ok(QuoteRow {
        id: row.get(0)?,
        speaker: row.get(1)?,
        text: row.get(2)?,
        outlet: row.get(3)?,
        date: row.get(4)?,
        article: row.get(5)?,
        start: row.get::<_, i64>(6)? as usize,
        end: row.get::<_, i64>(7)? as usize,
        speaker_kind: row.get(8)?,
        speaker_as_written: row.get(9)?,
        kind: row.get(10)?,
        found_by: row.get(15)?,
        confidence: row.get(16)?,
        cue: row.get(11)?,
        title: row.get(12)?,
        url: row.get(13)?,
        path: row.get(14)?,
        section: row.get(17)?,
    })
}

/// Where a quote comes in the list (`ORDER BY q.published IS NULL,
/// q.published, q.article_id, q.byte_start, q.id`), compared in Rust as
/// SQLite compares it: undated last, dates as bytes (zero-padded, then by
/// length, which is how a shorter string that starts a longer one sorts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct SortKey {
    undated: bool,
    date: [u8; 10],
    date_len: u8,
    article: i64,
    start: i64,
    id: i64,
}

impl SortKey {
    /// From a row of (id, published, article_id, byte_start); `None` for
    /// values quotetrack does not write there.
    fn of(row: &Row) -> rusqlite::Result<Option<SortKey>> {
        let mut date = [0u8; 10];
        let (undated, date_len) = match row.get_ref(1)? {
            ValueRef::Null => (true, 0),
            ValueRef::Text(t) if t.len() <= date.len() => {
                date[..t.len()].copy_from_slice(t);
                (false, t.len() as u8)
            }
            _ => return Ok(None),
        };
        let (ValueRef::Integer(article), ValueRef::Integer(start)) =
            (row.get_ref(2)?, row.get_ref(3)?)
        else {
            return Ok(None);
        };
        Ok(Some(SortKey {
            undated,
            date,
            date_len,
            article,
            start,
            id: row.get(0)?,
        }))
    }
}

impl Store {
    /// The quotes matching `filter`, in publication order (undated last),
    /// then article and position in it.
    pub fn quotes(&self, filter: &QuoteFilter) -> Result<Vec<QuoteRow>> {
        self.quotes_planned(filter, None)
    }

    /// [`Store::quotes`], with how to find a page of matching words forced
    /// (`Some`), for tests that compare the ways.
    pub(crate) fn quotes_planned(
        &self,
        filter: &QuoteFilter,
        plan: Option<WordsPlan>,
    ) -> Result<Vec<QuoteRow>> {
        // The filters and the order read the quotes table alone (it keeps
        // each article's date, db/005_quote_dates.sql), so with a limit the
        // quotes wanted are chosen from an index and only their articles
        // read, not every matching quote's.
        let mut filters = String::from("1 = 1");
        let mut args: Vec<Value> = Vec::new();
        // The filters naming a speaker or an article first: how many quotes
        // they keep decides how a page is read.
        if let Some(name) = &filter.speaker {
            filters.push_str(" AND q.speaker_id IN (SELECT value FROM json_each(?))");
            args.push(Value::Text(serde_json::to_string(
                &self.speakers_named(name)?,
            )?));
        }
        if let Some(id) = filter.speaker_id {
            filters.push_str(" AND q.speaker_id = ?");
            args.push(Value::Integer(id));
        }
        if let Some(id) = filter.article {
            filters.push_str(" AND q.article_id = ?");
            args.push(Value::Integer(id));
        }
        let narrowed = self.narrowed(filter, &filters, &args)?;
        if let Some(kinds) = kinds_sql(filter.kinds) {
            filters.push_str(" AND q.kind IN ");
            filters.push_str(&kinds);
        }
        if let Some(name) = &filter.outlet {
            filters.push_str(
                " AND q.article_id IN (SELECT a.id FROM articles a WHERE a.outlet_id IN (SELECT value FROM json_each(?)))",
            );
            args.push(Value::Text(serde_json::to_string(
                &self.outlets_named(name)?,
            )?));
        }
        if let Some(since) = filter.since {
            filters.push_str(" AND q.published >= ?");
            args.push(Value::Text(since.format("%Y-%m-%d").to_string()));
        }
        if let Some(until) = filter.until {
            filters.push_str(" AND q.published <= ?");
            args.push(Value::Text(until.format("%Y-%m-%d").to_string()));
        }
        if let Some(min) = filter.min_confidence {
            filters.push_str(" AND q.confidence >= ?");
            args.push(Value::Real(min));
        }
        if filter.no_reprints {
            // The reprints are few and indexed on their own, so this reads
            // that index once, not every quote's article.
            filters.push_str(
                " AND q.article_id NOT IN (SELECT a.id FROM articles a WHERE a.reprint_of IS NOT NULL)",
            );
        }
        // The words are matched last, so that the walk below can ask it of
        // the quote ids it reads in date order instead.
        let words = match &filter.search {
            Some(words) => match fts_query(words) {
                Some(query) => Some(query),
                // Punctuation only: nothing can match it.
                None => return Ok(Vec::new()),
            },
            None => None,
        };
        if let Some(cursor) = filter.cursor {
            let list = List {
                filter,
                filters: &filters,
                args: &args,
                narrowed,
            };
            return self.quotes_from(&list, words.as_deref(), cursor, plan);
        }
        // Publication order (undated last), then article and place in it.
        // A date filter leaves no undated quote, and without that first
        // term the order is the one `quotes_published` (db/011) reads in.
        let dated = filter.since.is_some() || filter.until.is_some();
        let order = if dated {
            "ORDER BY q.published, q.article_id, q.byte_start, q.id"
        } else {
            "ORDER BY q.published IS NULL, q.published, q.article_id, q.byte_start, q.id"
        };
        let page = filter.limit.map(|limit| {
            (
                Value::Integer(limit.min(i64::MAX as usize) as i64),
                Value::Integer(filter.offset.min(i64::MAX as usize) as i64),
            )
        });
        // Without words, a plan given (by tests) other than sorting reads
        // along the date index.
        if words.is_none()
            && !dated
            && let Some(limit) = filter.limit
            && match plan {
                Some(plan) => plan != WordsPlan::Sort,
                None => self.walk_without_words(filter, narrowed, limit)?,
            }
        {
            return self.page_along_dates(&filters, &args, limit, filter.offset);
        }
        let mut probe_each = false;
        if let (Some(words), Some(limit)) = (&words, filter.limit) {
            let plan = match plan {
                Some(plan) => plan,
                None => self.words_plan(filter, narrowed, words, limit)?,
            };
            probe_each = plan == WordsPlan::ProbeEach;
            if plan == WordsPlan::Batches
                && let Some(ids) = self.batches_page(filter, &filters, &args, words, limit)?
            {
                let sql =
                    format!("{SELECT} WHERE q.id IN (SELECT value FROM json_each(?1)) {order}");
                let mut stmt = self.conn.prepare(&sql)?;
                let rows = stmt.query_map([serde_json::to_string(&ids)?], quote_row)?;
                return Ok(rows.collect::<rusqlite::Result<_>>()?);
            }
            // A probe that comes up short reads the set of matches next.
            let tries: &[WordsPlan] = match plan {
                WordsPlan::Probe => &[WordsPlan::Probe, WordsPlan::Walk],
                WordsPlan::Walk => &[WordsPlan::Walk],
                WordsPlan::Keys | WordsPlan::Sort | WordsPlan::Batches | WordsPlan::ProbeEach => {
                    &[]
                }
            };
            for &how in tries {
                let rows = self.walk_dates(filter, &filters, &args, words, how)?;
                if rows.len() == limit {
                    return Ok(rows);
                }
            }
            // Fewer: the page runs past the window (or into the undated
            // quotes, or past the last match), so sort every match below.
            if !matches!(plan, WordsPlan::Sort | WordsPlan::ProbeEach)
                && let Some(ids) =
                    self.page_by_keys(&filters, &args, words, limit, filter.offset)?
            {
                let sql =
                    format!("{SELECT} WHERE q.id IN (SELECT value FROM json_each(?1)) {order}");
                let mut stmt = self.conn.prepare(&sql)?;
                let rows = stmt.query_map([serde_json::to_string(&ids)?], quote_row)?;
                return Ok(rows.collect::<rusqlite::Result<_>>()?);
            }
        }
        if let Some(words) = words {
            filters.push_str(" AND ");
            filters.push_str(words_matched(probe_each));
            args.push(Value::Text(words));
        }
        let sql = match page {
            Some((limit, offset)) => {
                args.push(limit);
                args.push(offset);
                format!(
                    "{SELECT} WHERE q.id IN (SELECT q.id FROM quotes q WHERE {filters} {order} LIMIT ? OFFSET ?) {order}"
                )
            }
            None => format!("{SELECT} WHERE {filters} {order}"),
        };
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), quote_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The ids of a page of the quotes matching `words` and `filters`
    /// (with their `args`), in list order, for [`WordsPlan::Keys`]: the
    /// full-text index's ids drive the join, each match's sort key is read
    /// from `quotes_order` (db/012) by id, and only the `offset + limit`
    /// first keys are kept. `None` when a key is not as quotetrack writes
    /// it (a date longer than YYYY-MM-DD, a number stored as text): the
    /// caller sorts in SQL then, which orders any value.
    fn page_by_keys(
        &self,
        filters: &str,
        args: &[Value],
        words: &str,
        limit: usize,
        offset: usize,
    ) -> Result<Option<Vec<i64>>> {
        let end = offset.saturating_add(limit);
        if end > KEYS_HELD {
            return Ok(None);
        }
        let sql = format!(
            "SELECT q.id, q.published, q.article_id, q.byte_start FROM quotes_fts
             CROSS JOIN quotes q INDEXED BY quotes_order ON q.id = quotes_fts.rowid
             WHERE {filters} AND quotes_fts MATCH ?"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut args = args.to_vec();
        args.push(Value::Text(words.to_string()));
        let mut rows = stmt.query(params_from_iter(args))?;
        // The largest of the keys kept on top, to be dropped for a smaller.
        let mut kept: BinaryHeap<SortKey> = BinaryHeap::new();
        while let Some(row) = rows.next()? {
            let Some(key) = SortKey::of(row)? else {
                return Ok(None);
            };
            if kept.len() < end {
                kept.push(key);
            } else if let Some(mut top) = kept.peek_mut()
                && key < *top
            {
                *top = key;
            }
        }
        Ok(Some(
            kept.into_sorted_vec()
                .into_iter()
                .skip(offset)
                .map(|k| k.id)
                .collect(),
        ))
    }

    /// The ids of a page counted from the start ([`WordsPlan::Batches`]):
    /// the dated quotes (or those in the date range), then the undated,
    /// read in batches until `offset + limit` match; `None` when the
    /// batches read more matches than their budget.
    fn batches_page(
        &self,
        filter: &QuoteFilter,
        filters: &str,
        args: &[Value],
        words: &str,
        limit: usize,
    ) -> Result<Option<Vec<i64>>> {
        let end = filter.offset.saturating_add(limit);
        let mut stretches = vec!["q.published IS NOT NULL"];
        if filter.since.is_none() && filter.until.is_none() {
            stretches.push("q.published IS NULL");
        }
        let mut ids: Vec<i64> = Vec::new();
        for stretch in stretches {
            if ids.len() >= end {
                break;
            }
            let part = Stretch {
                sql: stretch,
                args: &[],
                back: false,
                wanted: end - ids.len(),
            };
            match self.walk_stretch(filters, args, words, &part, WordsPlan::Batches)? {
                Some(found) => ids.extend(found),
                None => return Ok(None),
            }
        }
        ids.drain(..filter.offset.min(ids.len()));
        Ok(Some(ids))
    }

    /// The page of the list that a [`Cursor`] starts (see there): at most
    /// `limit` quotes past the cursor's place, in list order. The list past
    /// that place is read in stretches that are each one range of the date
    /// index in one order (the dated quotes past the cursor, then every
    /// undated one; or, going back, the undated before it, then every dated
    /// one), and each stretch as the first page of a list is found: walked,
    /// probed, by keys or sorted, chosen the same way.
    fn quotes_from(
        &self,
        list: &List,
        words: Option<&str>,
        cursor: Cursor,
        plan: Option<WordsPlan>,
    ) -> Result<Vec<QuoteRow>> {
        let filter = list.filter;
        let (id, back) = match cursor {
            Cursor::After(id) => (id, false),
            Cursor::Before(id) => (id, true),
        };
        let key: Option<(Value, Value, Value)> = self
            .conn
            .prepare_cached("SELECT published, article_id, byte_start FROM quotes WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let Some((published, article, start)) = key else {
            return Err(UnknownCursor(id).into());
        };
        let cmp = if back { "<" } else { ">" };
        let undated_key = published == Value::Null;
        let past_dated = (
            format!(
                "q.published IS NOT NULL AND (q.published, q.article_id, q.byte_start, q.id) {cmp} (?, ?, ?, ?)"
            ),
            vec![
                published,
                article.clone(),
                start.clone(),
                Value::Integer(id),
            ],
        );
        let past_undated = (
            format!("q.published IS NULL AND (q.article_id, q.byte_start, q.id) {cmp} (?, ?, ?)"),
            vec![article, start, Value::Integer(id)],
        );
        let every_dated = ("q.published IS NOT NULL".to_string(), Vec::new());
        let every_undated = ("q.published IS NULL".to_string(), Vec::new());
        let mut stretches = match (undated_key, back) {
            (false, false) => vec![past_dated, every_undated],
            (false, true) => vec![past_dated],
            (true, false) => vec![past_undated],
            (true, true) => vec![past_undated, every_dated],
        };
        // A date filter leaves no undated quote.
        let dated = filter.since.is_some() || filter.until.is_some();
        if dated {
            stretches.retain(|(sql, _)| !sql.starts_with("q.published IS NULL"));
        }
        let limit = filter.limit.unwrap_or(usize::MAX);
        let mut ids: Vec<i64> = Vec::new();
        for (stretch, stretch_args) in &stretches {
            if ids.len() >= limit {
                break;
            }
            let part = Stretch {
                sql: stretch,
                args: stretch_args,
                back,
                wanted: limit - ids.len(),
            };
            ids.extend(self.stretch_ids(list, words, &part, plan)?);
        }
        let order = if dated {
            "ORDER BY q.published, q.article_id, q.byte_start, q.id"
        } else {
            "ORDER BY q.published IS NULL, q.published, q.article_id, q.byte_start, q.id"
        };
        let sql = format!("{SELECT} WHERE q.id IN (SELECT value FROM json_each(?1)) {order}");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([serde_json::to_string(&ids)?], quote_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The ids of the first `part.wanted` quotes of one stretch (see
    /// [`Store::quotes_from`]) that pass `filters` (with their `args`) and
    /// match `words`, in the stretch's order.
    fn stretch_ids(
        &self,
        list: &List,
        words: Option<&str>,
        part: &Stretch,
        plan: Option<WordsPlan>,
    ) -> Result<Vec<i64>> {
        let List {
            filter,
            filters,
            args,
            narrowed,
        } = *list;
        let stretch = part.sql;
        let order = part.order();
        let limit = Value::Integer(part.wanted.min(i64::MAX as usize) as i64);
        let mut all: Vec<Value> = part.args.to_vec();
        all.extend(args.iter().cloned());
        let Some(words) = words else {
            // No words: the filters alone. Along the date index from the
            // cursor, unless they keep few of its quotes (a speaker's or an
            // article's under [`NARROW_COUNTED`], an outlet with under 1 in
            // 1,000 articles), which SQLite reads from their own index and
            // sorts; it would sort an outlet of any size (Granite Herald's
            // 67,000 quotes, 40-60 ms), or a part of a name most speakers
            // share (900,000 quotes, a second).
            let share = self.outlet_share(filter)?;
            let by_date =
                !narrowed.is_some_and(|n| n.few()) && share.0.saturating_mul(1000) >= share.1;
            let index = if by_date {
                "INDEXED BY quotes_published"
            } else {
                ""
            };
            all.push(limit);
            let sql = format!(
                "SELECT q.id FROM quotes q {index} WHERE {stretch} AND {filters} {order} LIMIT ?"
            );
            return self.ids(&sql, all);
        };
        let plan = match plan {
            Some(plan) => plan,
            None => self.cursor_plan(filter, narrowed, words)?,
        };
        // Probing that comes up short reads in batches next.
        let tries: &[WordsPlan] = match plan {
            WordsPlan::Probe => &[WordsPlan::Probe, WordsPlan::Batches],
            WordsPlan::Walk | WordsPlan::Batches => &[WordsPlan::Batches],
            WordsPlan::Keys | WordsPlan::Sort | WordsPlan::ProbeEach => &[],
        };
        for &how in tries {
            if let Some(ids) = self.walk_stretch(filters, args, words, part, how)? {
                return Ok(ids);
            }
        }
        if !matches!(plan, WordsPlan::Sort | WordsPlan::ProbeEach)
            && part.wanted <= KEYS_HELD
            && let Some(ids) = self.keys_stretch(filters, args, words, part)?
        {
            return Ok(ids);
        }
        all.push(Value::Text(words.to_string()));
        all.push(limit);
        let matched = words_matched(plan == WordsPlan::ProbeEach);
        let sql = format!(
            "SELECT q.id FROM quotes q WHERE {stretch} AND {filters} AND {matched} {order} LIMIT ?"
        );
        self.ids(&sql, all)
    }

    /// The first column of every row `sql` gives, with `args`.
    fn ids(&self, sql: &str, args: Vec<Value>) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map(params_from_iter(args), |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One stretch read along the date index in its order, each quote the
    /// filters keep asked whether it matches, until enough match. `None`
    /// when a budget ran out first: the caller finds the page by keys.
    ///
    /// [`WordsPlan::Probe`] asks the full-text index of each quote on its
    /// own: for words in most quotes, where a few dozen are asked (20-80
    /// µs each on the million-quote database, 200-300 µs for rarer words
    /// in the newest quotes). [`WordsPlan::Batches`] reads the quotes in
    /// batches, and asks the full-text index once a batch for the matches
    /// between the batch's least and greatest id: quote ids grow as
    /// articles are stored, so a batch of neighbours in date order spans a
    /// narrow range of ids and that reads few matches (when ids and dates
    /// do not go together, a batch reads more, and the budget of matches
    /// read sends the page to the keys).
    fn walk_stretch(
        &self,
        filters: &str,
        args: &[Value],
        words: &str,
        part: &Stretch,
        how: WordsPlan,
    ) -> Result<Option<Vec<i64>>> {
        let probe = how == WordsPlan::Probe;
        let hit = if probe {
            ", EXISTS (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid = q.id)"
        } else {
            ""
        };
        let sql = format!(
            "SELECT q.id{hit} FROM quotes q INDEXED BY quotes_published
             WHERE {} AND {filters} {}",
            part.sql,
            part.order()
        );
        let mut all = Vec::new();
        if probe {
            all.push(Value::Text(words.to_string()));
        }
        all.extend(part.args.iter().cloned());
        all.extend(args.iter().cloned());
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(all))?;
        let mut ids = Vec::new();
        if probe {
            let mut read = 0;
            while let Some(row) = rows.next()? {
                if row.get::<_, bool>(1)? {
                    ids.push(row.get(0)?);
                    if ids.len() >= part.wanted {
                        break;
                    }
                }
                read += 1;
                if read >= CURSOR_PROBES {
                    return Ok(None);
                }
            }
            return Ok(Some(ids));
        }
        let mut in_range = self.conn.prepare_cached(
            "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?1 AND rowid BETWEEN ?2 AND ?3",
        )?;
        let budget = CURSOR_MATCHES.max(part.wanted.saturating_mul(2));
        let mut batch: Vec<i64> = Vec::new();
        let mut size = 64;
        let mut matches_read = 0;
        let mut done = false;
        while !done {
            batch.clear();
            while batch.len() < size {
                match rows.next()? {
                    Some(row) => batch.push(row.get(0)?),
                    None => {
                        done = true;
                        break;
                    }
                }
            }
            let (Some(&lo), Some(&hi)) = (batch.iter().min(), batch.iter().max()) else {
                break;
            };
            let mut found = std::collections::HashSet::new();
            let mut matched = in_range.query(rusqlite::params![words, lo, hi])?;
            while let Some(row) = matched.next()? {
                found.insert(row.get::<_, i64>(0)?);
                matches_read += 1;
                if matches_read > budget {
                    return Ok(None);
                }
            }
            for id in &batch {
                if found.contains(id) {
                    ids.push(*id);
                    if ids.len() >= part.wanted {
                        return Ok(Some(ids));
                    }
                }
            }
            size = (size * 2).min(8192);
        }
        Ok(Some(ids))
    }

    /// [`Store::page_by_keys`] for one stretch: the sort keys of every
    /// match in it read from `quotes_order` (db/012), the `part.wanted`
    /// first in the stretch's order kept. `None` for a key quotetrack does
    /// not write.
    fn keys_stretch(
        &self,
        filters: &str,
        args: &[Value],
        words: &str,
        part: &Stretch,
    ) -> Result<Option<Vec<i64>>> {
        let sql = format!(
            "SELECT q.id, q.published, q.article_id, q.byte_start FROM quotes_fts
             CROSS JOIN quotes q INDEXED BY quotes_order ON q.id = quotes_fts.rowid
             WHERE {} AND {filters} AND quotes_fts MATCH ?",
            part.sql
        );
        let mut all: Vec<Value> = part.args.to_vec();
        all.extend(args.iter().cloned());
        all.push(Value::Text(words.to_string()));
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(all))?;
        // The keys furthest along the stretch's order on top, to be dropped
        // for a nearer one.
        let mut after: BinaryHeap<SortKey> = BinaryHeap::new();
        let mut before: BinaryHeap<Reverse<SortKey>> = BinaryHeap::new();
        while let Some(row) = rows.next()? {
            let Some(key) = SortKey::of(row)? else {
                return Ok(None);
            };
            if part.back {
                keep_least(&mut before, Reverse(key), part.wanted);
            } else {
                keep_least(&mut after, key, part.wanted);
            }
        }
        Ok(Some(if part.back {
            before
                .into_sorted_vec()
                .into_iter()
                .map(|k| k.0.id)
                .collect()
        } else {
            after.into_sorted_vec().into_iter().map(|k| k.id).collect()
        }))
    }

    /// A page of the quotes matching `words` (an FTS query) and `filters`
    /// (with their `args`), read along the date index as `how` says: the
    /// quotes in date order (the dated ones, or those in the date range),
    /// at most a window of them, each asked whether it matches. The window
    /// is the start of the list in its own order, so when it holds a full
    /// page, the page is the one sorting every match gives; when it comes
    /// up short, the caller cannot tell why, and sorts.
    fn walk_dates(
        &self,
        filter: &QuoteFilter,
        filters: &str,
        args: &[Value],
        words: &str,
        how: WordsPlan,
    ) -> Result<Vec<QuoteRow>> {
        let mut window = String::from("q.published IS NOT NULL");
        let mut walk_args: Vec<Value> = Vec::new();
        if let Some(since) = filter.since {
            window.push_str(" AND q.published >= ?");
            walk_args.push(Value::Text(since.format("%Y-%m-%d").to_string()));
        }
        if let Some(until) = filter.until {
            window.push_str(" AND q.published <= ?");
            walk_args.push(Value::Text(until.format("%Y-%m-%d").to_string()));
        }
        walk_args.extend(args.iter().cloned());
        walk_args.push(Value::Text(words.to_string()));
        walk_args.push(Value::Integer(
            filter.limit.unwrap_or(0).min(i64::MAX as usize) as i64,
        ));
        walk_args.push(Value::Integer(filter.offset.min(i64::MAX as usize) as i64));
        let (budget, matches) = match how {
            // Each id looked up in the index on its own: no cost up front.
            WordsPlan::Probe => (
                PROBE_BUDGET,
                "EXISTS (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid = q.id)",
            ),
            // The set of matching ids read once, then each id looked up in it.
            _ => (
                WALK_BUDGET,
                "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)",
            ),
        };
        // The window is read from the date index alone, which holds every
        // column the filters read (db/012), under the name the filters use;
        // the words are asked last, of the quotes the filters kept.
        let sql = format!(
            "{SELECT} WHERE q.id IN (
               SELECT q.id FROM (
                 SELECT q.id, q.published, q.article_id, q.byte_start, q.kind, q.confidence, q.speaker_id
                 FROM quotes q INDEXED BY quotes_published WHERE {window}
                 ORDER BY q.published, q.article_id, q.byte_start, q.id LIMIT {budget}) q
               WHERE {filters} AND {matches}
               ORDER BY q.published, q.article_id, q.byte_start, q.id LIMIT ? OFFSET ?)
             ORDER BY q.published, q.article_id, q.byte_start, q.id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(walk_args), quote_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// How to find a page of the quotes matching `words` (see
    /// [`WordsPlan`]): whichever should take least time, from how common
    /// the words are. Matches spread evenly over the quotes fill the page
    /// within (page end) x quotes / matches quotes in date order (more for
    /// one outlet's, as rare among them as its articles are among all).
    /// Lists narrowed to a speaker or an article that keep few quotes are
    /// read from their own index instead ([`Store::narrow_plan`]). Only the
    /// speed depends on this, never the answer.
    fn words_plan(
        &self,
        filter: &QuoteFilter,
        narrowed: Option<Narrowed>,
        words: &str,
        limit: usize,
    ) -> Result<WordsPlan> {
        if let Some(narrowed) = narrowed.filter(Narrowed::few) {
            return self.narrow_plan(narrowed, words);
        }
        let Some(Commonness {
            quotes,
            matches,
            share,
        }) = self.commonness(filter, words)?
        else {
            return Ok(WordsPlan::Keys);
        };
        let end = filter.offset.saturating_add(limit) as f64;
        // Quotes read in date order to fill the page, and of them those
        // the filters keep (each asked of the full-text index by a probe).
        let kept = end * quotes as f64 / matches as f64;
        let mut read = kept * share.1 as f64 / share.0 as f64;
        // A part of a name many speakers share keeps its share of them.
        if let Some(n) = narrowed {
            read *= n.quotes as f64 / n.kept.max(1) as f64;
        }
        // Costs in µs, measured on the million-quote database: a match's
        // id read 0.1 (0.7 with its sort key and the sort), a quote in the
        // date index 0.2, a probe 20. A window is used only when it should
        // hold the page with a quarter to spare.
        let keys = matches as f64 * 0.7;
        let walk = (read * 1.25 <= WALK_BUDGET as f64).then_some(matches as f64 * 0.1 + read * 0.2);
        let probe = (read * 1.25 <= PROBE_BUDGET as f64).then_some(read * 0.2 + kept * 20.0);
        // In batches: a quote stepped through in Rust 0.3, a match read in
        // its batch's range of ids 0.15 (when ids grow with the dates).
        let batches = Some(read * 0.3 + end * 0.15);
        let mut best = (WordsPlan::Keys, keys);
        for (plan, cost) in [
            (WordsPlan::Walk, walk),
            (WordsPlan::Probe, probe),
            (WordsPlan::Batches, batches),
        ] {
            if let Some(cost) = cost.filter(|&c| c < best.1) {
                best = (plan, cost);
            }
        }
        Ok(best.0)
    }

    /// How to find the matches of a stretch from a cursor (see
    /// [`Store::quotes_from`]): by keys for words in few quotes, probing
    /// each quote for words in most, else in batches ([`Store::walk_stretch`]).
    /// Lists narrowed to a speaker or an article that keep few quotes are
    /// sorted from their own index ([`Store::narrow_plan`]). Only the speed
    /// depends on this, never the answer.
    fn cursor_plan(
        &self,
        filter: &QuoteFilter,
        narrowed: Option<Narrowed>,
        words: &str,
    ) -> Result<WordsPlan> {
        if let Some(narrowed) = narrowed.filter(Narrowed::few) {
            return self.narrow_plan(narrowed, words);
        }
        let Some(c) = self.commonness(filter, words)? else {
            return Ok(WordsPlan::Keys);
        };
        Ok(if c.matches <= CURSOR_KEYS {
            WordsPlan::Keys
        } else if c.matches.saturating_mul(2) >= c.quotes {
            WordsPlan::Probe
        } else {
            WordsPlan::Batches
        })
    }

    /// How a list narrowed to few quotes (`narrowed`) by a speaker or an
    /// article is matched against `words`: each of its quotes asked of the
    /// full-text index when that costs less than reading every match. How
    /// many match is estimated from the newest quote ids alone, and not at
    /// all for a handful of quotes (an article's): counting them all would
    /// cost what reading them does.
    fn narrow_plan(&self, narrowed: Narrowed, words: &str) -> Result<WordsPlan> {
        let probes = narrowed.kept as f64 * PROBE_EACH_US;
        if probes <= PROBES_ALWAYS_US {
            return Ok(WordsPlan::ProbeEach);
        }
        let newest = narrowed.quotes.clamp(1, SAMPLE_IDS);
        let sample: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?1 AND rowid > ?2",
            )?
            .query_row(rusqlite::params![words, narrowed.quotes - newest], |r| {
                r.get(0)
            })?;
        let matches = sample as f64 * narrowed.quotes as f64 / newest as f64;
        Ok(if probes < matches * MATCH_READ_US {
            WordsPlan::ProbeEach
        } else {
            WordsPlan::Sort
        })
    }

    /// The highest quote id: how many quotes there are, near enough (ids
    /// grow as quotes are stored), read from the primary key alone.
    fn highest_quote_id(&self) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached("SELECT coalesce(max(id), 0) FROM quotes")?
            .query_row([], |r| r.get(0))?)
    }

    /// How many quotes `filter`'s speaker and article filters keep, given
    /// as SQL (`narrowing`, with its `args`); `None` without either.
    /// Counted up to [`NARROW_COUNTED`], beyond that estimated from the
    /// newest quote ids, as [`Store::commonness`] does for words.
    fn narrowed(
        &self,
        filter: &QuoteFilter,
        narrowing: &str,
        args: &[Value],
    ) -> Result<Option<Narrowed>> {
        if filter.speaker.is_none() && filter.speaker_id.is_none() && filter.article.is_none() {
            return Ok(None);
        }
        let quotes = self.highest_quote_id()?;
        let count = |sql: &str, bound: i64| -> Result<i64> {
            let mut all = args.to_vec();
            all.push(Value::Integer(bound));
            Ok(self
                .conn
                .prepare_cached(sql)?
                .query_row(params_from_iter(all), |r| r.get(0))?)
        };
        let mut kept = count(
            &format!("SELECT count(*) FROM (SELECT 1 FROM quotes q WHERE {narrowing} LIMIT ?)"),
            NARROW_COUNTED,
        )?;
        if kept >= NARROW_COUNTED && quotes > SAMPLE_IDS {
            let sample = count(
                &format!(
                    "SELECT count(*) FROM quotes q INDEXED BY quotes_order WHERE {narrowing} AND q.id > ?"
                ),
                quotes - SAMPLE_IDS,
            )?;
            kept = kept.max(sample.saturating_mul(quotes) / SAMPLE_IDS);
        }
        Ok(Some(Narrowed { kept, quotes }))
    }

    /// Whether a page of `limit` quotes without words, undated ones last,
    /// is read along the date index ([`Store::page_along_dates`]) rather
    /// than sorted: when its end should come within [`DATE_WALK_ENTRIES`]
    /// of the index's quotes, from the share of them the outlet and speaker
    /// filters keep, and reading them costs less than sorting every quote
    /// kept (about 1 µs each against 0.2).
    fn walk_without_words(
        &self,
        filter: &QuoteFilter,
        narrowed: Option<Narrowed>,
        limit: usize,
    ) -> Result<bool> {
        let (outlet_articles, articles) = self.outlet_share(filter)?;
        if outlet_articles == 0 {
            return Ok(false);
        }
        let mut share = outlet_articles as f64 / articles.max(1) as f64;
        let quotes = match narrowed {
            Some(n) if n.few() => return Ok(false),
            Some(n) => {
                share *= n.kept as f64 / n.quotes.max(1) as f64;
                n.quotes
            }
            None => self.highest_quote_id()?,
        };
        let read = filter.offset.saturating_add(limit) as f64 / share;
        Ok(read <= DATE_WALK_ENTRIES && read * 0.2 < share * quotes as f64)
    }

    /// A page of the quotes `filters` (with `args`) keep, in list order
    /// (the dated by date, then the undated), read along the date index:
    /// the dated first, then, when the page runs past them, the undated,
    /// counting the dated only then.
    fn page_along_dates(
        &self,
        filters: &str,
        args: &[Value],
        limit: usize,
        offset: usize,
    ) -> Result<Vec<QuoteRow>> {
        let bound = |n: usize| Value::Integer(n.min(i64::MAX as usize) as i64);
        let page = |stretch: &str, limit: usize, offset: usize| -> Result<Vec<i64>> {
            let mut all = args.to_vec();
            all.push(bound(limit));
            all.push(bound(offset));
            self.ids(
                &format!(
                    "SELECT q.id FROM quotes q INDEXED BY quotes_published WHERE {stretch} AND {filters}
                     ORDER BY q.published, q.article_id, q.byte_start, q.id LIMIT ? OFFSET ?"
                ),
                all,
            )
        };
        let mut ids = page("q.published IS NOT NULL", limit, offset)?;
        if ids.len() < limit {
            let undated_offset = if ids.is_empty() {
                let dated: i64 = self
                    .conn
                    .prepare(&format!(
                        "SELECT count(*) FROM quotes q INDEXED BY quotes_published
                         WHERE q.published IS NOT NULL AND {filters}"
                    ))?
                    .query_row(params_from_iter(args.iter()), |r| r.get(0))?;
                offset.saturating_sub(dated.max(0) as usize)
            } else {
                0
            };
            ids.extend(page(
                "q.published IS NULL",
                limit - ids.len(),
                undated_offset,
            )?);
        }
        let sql = format!(
            "{SELECT} WHERE q.id IN (SELECT value FROM json_each(?1))
             ORDER BY q.published IS NULL, q.published, q.article_id, q.byte_start, q.id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([serde_json::to_string(&ids)?], quote_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The share of articles `filter`'s outlet keeps: its articles, of all
    /// (`(1, 1)` without an outlet). One outlet's quotes are as rare in
    /// the date index as its articles are among all (Granite Herald: 1 in
    /// 15 of the synthetic ones).
    fn outlet_share(&self, filter: &QuoteFilter) -> Result<(i64, i64)> {
        Ok(match &filter.outlet {
            Some(name) => {
                let ids = serde_json::to_string(&self.outlets_named(name)?)?;
                self.conn
                    .prepare_cached(
                        "SELECT (SELECT count(*) FROM articles WHERE outlet_id IN (SELECT value FROM json_each(?1))),
                                (SELECT coalesce(max(id), 0) FROM articles)",
                    )?
                    .query_row([ids], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?
            }
            None => (1, 1),
        })
    }

    /// How common `words` are among the quotes `filter`'s outlet keeps (see
    /// [`Store::words_plan`]); `None` when nothing can match.
    fn commonness(&self, filter: &QuoteFilter, words: &str) -> Result<Option<Commonness>> {
        let quotes = self.highest_quote_id()?;
        let share = self.outlet_share(filter)?;
        if share.0 == 0 {
            return Ok(None);
        }
        let count = |sql: &str, bound: i64| -> Result<i64> {
            Ok(self
                .conn
                .prepare_cached(sql)?
                .query_row(rusqlite::params![words, bound], |r| r.get(0))?)
        };
        let mut matches = count(
            "SELECT count(*) FROM (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?1 LIMIT ?2)",
            COUNT_CAP,
        )?;
        if matches >= COUNT_CAP && quotes > SAMPLE_IDS {
            let sample = count(
                "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?1 AND rowid > ?2",
                quotes - SAMPLE_IDS,
            )?;
            matches = matches.max(sample.saturating_mul(quotes) / SAMPLE_IDS);
        }
        if matches == 0 {
            return Ok(None);
        }
        Ok(Some(Commonness {
            quotes,
            matches,
            share,
        }))
    }

    /// One quote with its paragraph, or `None` if there is no such id.
    pub fn quote(&self, id: i64) -> Result<Option<QuoteInContext>> {
        let found = self
            .conn
            .query_row(&format!("{SELECT} WHERE q.id = ?1"), [id], quote_row)
            .optional()?;
        let Some(quote) = found else { return Ok(None) };
        let (text, role, date_source, canonical_url): (
            String,
            Option<String>,
            Option<String>,
            Option<String>,
        ) = self.conn.query_row(
            &format!(
                "SELECT {}, q.speaker_role, a.date_source, a.canonical_url
                 FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.id = ?1",
                super::FULL_TEXT_A
            ),
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
        // Offsets were checked when stored, but the file is the user's to
        // edit: if they no longer fit, show the quote on its own.
        let (paragraph, paragraph_start, paragraph_end) =
            match paragraph_around(&text, quote.start, quote.end) {
                Some((s, e)) => (text[s..e].to_string(), quote.start - s, quote.end - s),
                None => (quote.text.clone(), 0, quote.text.len()),
            };
        Ok(Some(QuoteInContext {
            paragraph,
            paragraph_start,
            paragraph_end,
            speaker_role: role,
            date_source,
            canonical_url,
            quote,
        }))
    }

    /// Is an article stored from this address, asked for (`url`) or named
    /// by its page (`canonical_url`)?
    pub fn has_url(&self, url: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT EXISTS (SELECT 1 FROM articles WHERE url = ?1)
                     OR EXISTS (SELECT 1 FROM articles WHERE canonical_url = ?1)",
            )?
            .query_row([url], |r| r.get(0))?)
    }

    /// Ids of the speakers whose name or an alias contains `needle`.
    /// Matched here rather than in SQL because SQLite's LIKE folds ASCII
    /// only, and "Jose" should find "José".
    pub fn speakers_named(&self, needle: &str) -> Result<Vec<i64>> {
        self.ids_matching(
            "SELECT id, name FROM speakers UNION ALL SELECT speaker_id, alias FROM speaker_aliases",
            needle,
        )
    }

    /// Ids of the outlets whose name, or a web domain their articles were
    /// stored from (`nytimes.com`, db/009_fetched_articles.sql), contains
    /// `needle`.
    pub fn outlets_named(&self, needle: &str) -> Result<Vec<i64>> {
        let needle = needle.trim();
        let needle = needle
            .strip_prefix("www.")
            .filter(|rest| rest.contains('.'))
            .unwrap_or(needle);
        self.ids_matching(
            "SELECT id, name FROM outlets UNION ALL SELECT outlet_id, domain FROM outlet_domains",
            needle,
        )
    }

    fn ids_matching(&self, sql: &str, needle: &str) -> Result<Vec<i64>> {
        let needle = fold(needle.trim());
        let mut stmt = self.conn.prepare(sql)?;
        let mut ids = Vec::new();
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let name: String = row.get(1)?;
            if fold(&name).contains(&needle) {
                ids.push(row.get(0)?);
            }
        }
        ids.sort_unstable();
        ids.dedup();
        Ok(ids)
    }
}

/// The condition that a quote matches the words (the next parameter):
/// asked of the full-text index for each quote (`probe_each`), or looked
/// up in the set of every match, read once.
fn words_matched(probe_each: bool) -> &'static str {
    if probe_each {
        "EXISTS (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? AND rowid = q.id)"
    } else {
        "q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)"
    }
}

/// The kinds wanted as an SQL list (`('direct', 'continuation')`), `None`
/// when every kind is wanted. Built from fixed names, never user text.
fn kinds_sql(kinds: Kinds) -> Option<String> {
    if kinds == Kinds::ALL {
        return None;
    }
    let names: Vec<&str> = [
        QuoteKind::Direct,
        QuoteKind::Continuation,
        QuoteKind::Partial,
        QuoteKind::Indirect,
    ]
    .into_iter()
    .filter(|k| kinds.wants(*k))
    .map(|k| k.as_str())
    .collect();
    // No kind at all matches nothing: an empty SQL list is valid there.
    Some(format!(
        "({})",
        names
            .iter()
            .map(|n| format!("'{n}'"))
            .collect::<Vec<_>>()
            .join(", ")
    ))
}

/// The user's words as an FTS5 query: each word a quoted string, so that
/// `AND`, `-`, `*`, `:` or an unbalanced quote in what they typed is a word
/// to find and never query syntax. All words must appear. `None` when there
/// is no word at all.
pub fn fts_query(words: &str) -> Option<String> {
    let terms: Vec<String> = words
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// The paragraph holding bytes `start..end`: between blank lines, or between
/// line breaks when the text has no blank lines at all.
fn paragraph_around(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    text.get(start..end)?;
    let sep = if text.contains("\n\n") { "\n\n" } else { "\n" };
    let para_start = text[..start].rfind(sep).map_or(0, |i| i + sep.len());
    let para_end = text[end..].find(sep).map_or(text.len(), |i| end + i);
    Some((para_start, para_end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_as_sql() {
        assert_eq!(
            kinds_sql(Kinds::QUOTES).as_deref(),
            Some("('direct', 'continuation', 'partial')")
        );
        assert_eq!(kinds_sql(Kinds::ALL), None);
        assert_eq!(
            kinds_sql(Kinds::NONE.with("indirect").unwrap()).as_deref(),
            Some("('indirect')")
        );
        assert_eq!(kinds_sql(Kinds::NONE).as_deref(), Some("()"));
    }

    #[test]
    fn fts_words_cannot_be_syntax() {
        assert_eq!(
            fts_query("avoid misunderstandings").as_deref(),
            Some("\"avoid\" \"misunderstandings\"")
        );
        assert_eq!(fts_query("NOT \"a").as_deref(), Some("\"NOT\" \"\"\"a\""));
        assert_eq!(fts_query(" -- * "), None);
    }

    #[test]
    fn paragraphs() {
        let text = "One.\n\nTwo \"q\" here.\nStill two.\n\nThree.";
        let at = text.find('q').unwrap();
        let (s, e) = paragraph_around(text, at, at + 1).unwrap();
        assert_eq!(&text[s..e], "Two \"q\" here.\nStill two.");
        let flat = "One.\nTwo q.\nThree.";
        let at = flat.find('q').unwrap();
        let (s, e) = paragraph_around(flat, at, at + 1).unwrap();
        assert_eq!(&flat[s..e], "Two q.");
        assert_eq!(paragraph_around("é", 1, 2), None);
        assert_eq!(paragraph_around("short", 3, 99), None);
    }
}
