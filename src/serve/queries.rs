//! What the pages read beyond the store's own queries: lists of outlets and
//! articles, one article's text, a speaker's quotes by month. Every value
//! from a request is a bound parameter.

use anyhow::Result;
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use crate::store::{FULL_TEXT_A, Store};

#[derive(Debug, Clone, Serialize)]
pub struct OutletRow {
    pub id: i64,
    pub name: String,
    pub articles: i64,
    pub first: Option<String>,
    pub last: Option<String>,
}

/// Every outlet with how many articles it has, most first.
pub fn outlets(store: &Store) -> Result<Vec<OutletRow>> {
    let mut stmt = store.conn().prepare_cached(
        "SELECT o.id, o.name, count(a.id), min(a.published), max(a.published)
         FROM outlets o LEFT JOIN articles a ON a.outlet_id = o.id
         GROUP BY o.id ORDER BY count(a.id) DESC, o.name",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(OutletRow {
            id: r.get(0)?,
            name: r.get(1)?,
            articles: r.get(2)?,
            first: r.get(3)?,
            last: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[derive(Debug, Clone, Serialize)]
pub struct ArticleRow {
    pub id: i64,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub path: Option<String>,
    /// The article this one reprints, if any.
    pub reprint_of: Option<i64>,
}

const ARTICLE: &str = "SELECT a.id, o.name, a.published, a.title, a.url, a.path, a.reprint_of
    FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id";

fn article_row(r: &rusqlite::Row) -> rusqlite::Result<ArticleRow> {
    Ok(ArticleRow {
        id: r.get(0)?,
        outlet: r.get(1)?,
        date: r.get(2)?,
        title: r.get(3)?,
        url: r.get(4)?,
        path: r.get(5)?,
        reprint_of: r.get(6)?,
    })
}

/// Articles newest first (undated last: SQLite orders NULL lowest), of
/// one outlet or all, `limit` from `offset`; read along the date index.
/// The offset is counted in the index alone, and only the page's rows are
/// read: SQLite reads a row before it skips it, so a deep page (page 1,500
/// of a 100,000-article database) read 75,000 articles' rows to show 50.
pub fn articles(
    store: &Store,
    outlet: Option<i64>,
    limit: usize,
    offset: usize,
) -> Result<Vec<ArticleRow>> {
    let mut stmt = store.conn().prepare_cached(&format!(
        "{ARTICLE} WHERE a.id IN (
           SELECT p.id FROM articles p WHERE ?1 IS NULL OR p.outlet_id = ?1
           ORDER BY p.published DESC, p.id DESC LIMIT ?2 OFFSET ?3)
         ORDER BY a.published DESC, a.id DESC"
    ))?;
    let rows = stmt.query_map(params![outlet, limit as i64, offset as i64], article_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One article with the text its quote offsets point into.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleText {
    #[serde(flatten)]
    pub article: ArticleRow,
    pub text: String,
}

pub fn article(store: &Store, id: i64) -> Result<Option<ArticleText>> {
    let found = store
        .conn()
        .prepare_cached(&format!(
            "SELECT a.id, o.name, a.published, a.title, a.url, a.path, a.reprint_of, {FULL_TEXT_A}
             FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id = ?1"
        ))?
        .query_row([id], |r| {
            Ok(ArticleText {
                article: article_row(r)?,
                text: r.get(7)?,
            })
        })
        .optional()?;
    Ok(found)
}

/// The name of outlet `id`.
pub fn outlet_name(store: &Store, id: i64) -> Result<Option<String>> {
    Ok(store
        .conn()
        .prepare_cached("SELECT name FROM outlets WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// A speaker's dated quotes over time, oldest first, as (period, count):
/// by day when they span at most 60 days with quotes, else by month, or
/// by year past 60 months, so a chart has a readable number of bars.
pub fn quotes_over_time(store: &Store, speaker: i64) -> Result<Vec<(String, i64)>> {
    let mut stmt = store.conn().prepare_cached(
        "SELECT published, count(*) FROM quotes
         WHERE speaker_id = ?1 AND kind <> 'indirect' AND published IS NOT NULL
         GROUP BY published ORDER BY published",
    )?;
    let days: Vec<(String, i64)> = stmt
        .query_map([speaker], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(coarsen(days))
}

/// Counts per day merged into months, or years, until at most 60 remain.
fn coarsen(mut periods: Vec<(String, i64)>) -> Vec<(String, i64)> {
    for width in [7, 4] {
        if periods.len() <= 60 {
            break;
        }
        let mut merged: Vec<(String, i64)> = Vec::new();
        for (period, n) in periods {
            let key = period.get(..width).unwrap_or(&period).to_string();
            match merged.last_mut() {
                Some((last, count)) if *last == key => *count += n,
                _ => merged.push((key, n)),
            }
        }
        periods = merged;
    }
    periods
}

/// A statement in a list: its reference wording and speaker, renditions
/// and outlets, read from the statements table without tracing it.
#[derive(Debug, Clone, Serialize)]
pub struct StatementSummary {
    pub id: i64,
    pub text: Option<String>,
    pub speaker: Option<String>,
    pub renditions: i64,
    pub outlets: i64,
}

pub fn statement_summary(store: &Store, id: i64) -> Result<Option<StatementSummary>> {
    Ok(store
        .conn()
        .prepare_cached(
            "SELECT s.id, q.text, sp.name, s.renditions,
                (SELECT count(DISTINCT a.outlet_id) FROM renditions r
                   JOIN quotes q2 ON q2.id = r.quote_id JOIN articles a ON a.id = q2.article_id
                  WHERE r.statement_id = s.id)
             FROM statements s LEFT JOIN quotes q ON q.id = s.reference_quote_id
             LEFT JOIN speakers sp ON sp.id = q.speaker_id WHERE s.id = ?1",
        )?
        .query_row([id], |r| {
            Ok(StatementSummary {
                id: r.get(0)?,
                text: r.get(1)?,
                speaker: r.get(2)?,
                renditions: r.get(3)?,
                outlets: r.get(4)?,
            })
        })
        .optional()?)
}

/// The statement a quote is a rendition of, if it is linked.
pub fn statement_of(store: &Store, quote: i64) -> Result<Option<i64>> {
    Ok(crate::track::statement_of_quote(store.conn(), quote)?.flatten())
}

#[cfg(test)]
mod tests {
    use super::coarsen;

    #[test]
    fn charts_keep_to_sixty_bars() {
        let few = vec![("2023-03-06".to_string(), 2), ("2023-03-07".to_string(), 1)];
        assert_eq!(coarsen(few.clone()), few);
        let days: Vec<(String, i64)> = (1..=28)
            .flat_map(|d| {
                [
                    format!("2023-01-{d:02}"),
                    format!("2023-02-{d:02}"),
                    format!("2023-03-{d:02}"),
                ]
            })
            .map(|d| (d, 1))
            .collect();
        let mut days = days;
        days.sort();
        assert_eq!(
            coarsen(days),
            vec![
                ("2023-01".to_string(), 28),
                ("2023-02".to_string(), 28),
                ("2023-03".to_string(), 28)
            ]
        );
    }
}
