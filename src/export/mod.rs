//! Exports for fact-checkers: CSV a spreadsheet can open safely, JSON Lines
//! and JSON for scripts, and JSON Lines in the shape of Quotebank so
//! scripts written for that corpus read ours.
//!
//! The rows come from the same query and filters as `quotetrack quotes`
//! ([`Store::quotes`]); this module adds what an export needs on top: the
//! sentence around each quote, the statement it belongs to, and the writers.

use std::collections::HashMap;
use std::io::Write;

use anyhow::Result;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::store::{QuoteFilter, QuoteRow, Store};

mod csv;
mod quotebank;

pub use self::csv::{COLUMNS, spreadsheet_safe, write_csv};
pub use self::quotebank::{QuotebankRecord, quotebank_records, write_quotebank};
pub use crate::article::sentence::sentence_around;

/// One exported quote. Field order is the column order of the CSV and the
/// key order of the JSON; the README documents each column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportRow {
    pub quote_id: i64,
    /// The resolved speaker ("John Kerry"), or none when nobody was found.
    pub speaker: Option<String>,
    /// `person`, `anonymous` or `organisation`.
    pub speaker_kind: Option<String>,
    /// The quoted words, without quotation marks, exactly as stored; for a
    /// claim, the reported clause.
    pub quote: String,
    /// `direct`, `partial`, `continuation`, or `indirect` for a claim in
    /// reported speech.
    pub kind: String,
    pub outlet: Option<String>,
    /// Publication date, YYYY-MM-DD.
    pub published: Option<String>,
    pub article_title: Option<String>,
    pub article_url: Option<String>,
    /// The file the article was ingested from.
    pub article_path: Option<String>,
    /// UTF-8 byte offsets of the quote in the article text, end exclusive.
    pub start: usize,
    pub end: usize,
    /// The reporting verb ("said", "told reporters").
    pub cue: Option<String>,
    /// How the speaker was found (`explicit`, `pronoun`, `role`,
    /// `continuation`, `subject`, `headline`, `layout`, `unresolved`).
    pub found_by: Option<String>,
    /// How often a speaker found that way is right, 0 to 1.
    pub confidence: Option<f64>,
    /// The statement this quote is a rendition of, once statements are
    /// tracked; see [`StatementIds`].
    pub statement_id: Option<i64>,
    /// The sentence (or sentences) the quote sits in.
    pub context: String,
    /// `body`, or `caption` for a quote from a figure caption (which
    /// follows the body in the text the offsets point into).
    pub section: String,
    /// Internal: for grouping in the Quotebank export.
    #[serde(skip)]
    pub(crate) speaker_id: Option<i64>,
    #[serde(skip)]
    pub(crate) normalized: String,
}

/// Where each quote's `statement_id` comes from: the `renditions` table of
/// migration 003, which linking at ingest keeps current (a merged
/// statement's renditions move to the statement it joined). A database
/// without that table has no statements. This is the one place that reads
/// it, so exports change in one spot when the schema does.
pub struct StatementIds {
    has_column: bool,
}

impl StatementIds {
    pub fn new(conn: &Connection) -> Result<StatementIds> {
        let has_column = conn
            .query_row(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'renditions'",
                [],
                |_| Ok(()),
            )
            .optional()?
            .is_some();
        Ok(StatementIds { has_column })
    }

    /// The statement of every quote in an article, by quote id.
    fn of_article(&self, conn: &Connection, article: i64) -> Result<HashMap<i64, i64>> {
        if !self.has_column {
            return Ok(HashMap::new());
        }
        let mut stmt = conn.prepare_cached(
            "SELECT r.quote_id, r.statement_id FROM renditions r JOIN quotes q ON q.id = r.quote_id
             WHERE q.article_id = ?1",
        )?;
        let rows = stmt.query_map([article], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// What the export reads from an article once for all of its quotes.
struct ArticleData {
    id: i64,
    text: String,
    /// quote id -> (speaker id, normalised text, statement id)
    quotes: HashMap<i64, (Option<i64>, String, Option<i64>)>,
}

fn article_data(conn: &Connection, statements: &StatementIds, id: i64) -> Result<ArticleData> {
    let text: String = conn
        .prepare_cached(&format!(
            "SELECT {} FROM articles a WHERE a.id = ?1",
            crate::store::FULL_TEXT_A
        ))?
        .query_row([id], |r| r.get(0))?;
    let statement = statements.of_article(conn, id)?;
    let mut stmt =
        conn.prepare_cached("SELECT id, speaker_id, normalized FROM quotes WHERE article_id = ?1")?;
    let quotes = stmt
        .query_map([id], |r| {
            let qid: i64 = r.get(0)?;
            Ok((qid, (r.get(1)?, r.get(2)?, statement.get(&qid).copied())))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ArticleData { id, text, quotes })
}

/// The quotes matching `filter`, in the order of `quotetrack quotes`, with
/// what an export adds to each.
pub fn export_rows(store: &Store, filter: &QuoteFilter) -> Result<Vec<ExportRow>> {
    let conn = store.conn();
    let statements = StatementIds::new(conn)?;
    let rows = store.quotes(filter)?;
    let mut out = Vec::with_capacity(rows.len());
    // Rows come grouped by article, so one article is read at a time.
    let mut current: Option<ArticleData> = None;
    for row in rows {
        if current.as_ref().is_none_or(|a| a.id != row.article) {
            current = Some(article_data(conn, &statements, row.article)?);
        }
        let Some(article) = current.as_ref() else {
            continue;
        };
        out.push(export_row(row, article));
    }
    Ok(out)
}

fn export_row(row: QuoteRow, article: &ArticleData) -> ExportRow {
    let (speaker_id, normalized, statement_id) = article
        .quotes
        .get(&row.id)
        .cloned()
        .unwrap_or_else(|| (None, crate::store::normalize_quote(&row.text), None));
    // Offsets that no longer fit the text (a hand-edited database) leave the
    // quote as its own context rather than failing the export.
    let context = sentence_around(&article.text, row.start, row.end)
        .map_or_else(|| row.text.clone(), |(s, e)| article.text[s..e].to_string());
    ExportRow {
        quote_id: row.id,
        speaker: row.speaker,
        speaker_kind: row.speaker_kind,
        quote: row.text,
        kind: row.kind,
        outlet: row.outlet,
        published: row.date,
        article_title: row.title,
        article_url: row.url,
        article_path: row.path,
        start: row.start,
        end: row.end,
        cue: row.cue,
        found_by: row.found_by,
        confidence: row.confidence,
        statement_id,
        context,
        section: row.section,
        speaker_id,
        normalized,
    }
}

/// One JSON object per quote, per line.
pub fn write_jsonl(out: &mut impl Write, rows: &[ExportRow]) -> Result<()> {
    for row in rows {
        serde_json::to_writer(&mut *out, row)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// One JSON array of every quote (`[]` when there is none).
pub fn write_json(out: &mut impl Write, rows: &[ExportRow]) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, rows)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// Wikidata ids of the speakers that have one, by speaker id.
pub fn speaker_qids(conn: &Connection) -> Result<HashMap<i64, String>> {
    let mut stmt =
        conn.prepare("SELECT id, wikidata_id FROM speakers WHERE wikidata_id IS NOT NULL")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
