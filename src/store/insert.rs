//! Adding articles and their quotes.
//!
//! A batch is one transaction (one fsync for many articles, which is what
//! makes large ingests fast). When an article in it cannot be stored, the
//! batch is stored again with each article in a savepoint, so that article
//! is rolled back alone and the rest commit.

use anyhow::{Context, Result, bail};
use rusqlite::{Connection, OptionalExtension, params};

use super::{Store, normalize_quote};
use crate::article::Article;
use crate::record::{Quote, QuoteKind, SpeakerKind};
use crate::track::evidence::Said;
use crate::track::link::{Linker, Prepared};
use crate::track::reprint::{self, Signature};

/// What happened to one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// New: stored with this many quotes and claims (records of kind
    /// `indirect`).
    Added {
        article: i64,
        quotes: usize,
        claims: usize,
    },
    /// The same text was already stored; nothing changed.
    Unchanged { article: i64 },
    /// Already stored, and `replace` asked for its quotes to be extracted
    /// afresh: the old quotes are gone, these are new.
    Replaced {
        article: i64,
        quotes: usize,
        claims: usize,
    },
}

/// The identity of an article's text: two files with the same text are the
/// same article, whatever their names.
pub fn content_hash(text: &str) -> String {
    blake3::hash(text.as_bytes()).to_hex().to_string()
}

impl Store {
    /// Store a batch of articles with their quotes in one transaction. Each
    /// article gets its own result; an error for one does not stop the rest.
    /// The outer error is for the database itself failing (disk full, locked
    /// past the busy timeout).
    pub fn add_articles(
        &mut self,
        items: &[(Article, Vec<Quote>)],
        replace: bool,
    ) -> Result<Vec<Result<Outcome>>> {
        self.add_batch(items, replace, true)
    }

    /// [`Store::add_articles`] without working out people's and
    /// organisations' identity across the corpus at the end of the batch:
    /// their quotes are stored with no speaker id until
    /// [`Store::assign_speakers`] runs. That pass reads every quote, so a
    /// long ingest calls it now and then and once at the end instead of
    /// once per batch (which made ingest quadratic in the corpus size).
    pub fn add_articles_unassigned(
        &mut self,
        items: &[(Article, Vec<Quote>)],
        replace: bool,
    ) -> Result<Vec<Result<Outcome>>> {
        self.add_batch(items, replace, false)
    }

    fn add_batch(
        &mut self,
        items: &[(Article, Vec<Quote>)],
        replace: bool,
        assign: bool,
    ) -> Result<Vec<Result<Outcome>>> {
        // The schema's CHECK constraints on quotes and renditions test
        // each value against a list (`kind IN ('direct', ...)`), and SQLite
        // builds a temporary table for every such list at every insert: four
        // per quote, a sixth of ingest's instructions. Every value they
        // check is written here from a Rust enum, or checked before it is
        // written ([`check_quotes`]), so the batch runs without them; they
        // still hold for every other writer, this connection's included
        // once the batch is over, whatever its outcome.
        self.conn
            .pragma_update(None, "ignore_check_constraints", true)?;
        let added = self.add_batch_unchecked(items, replace, assign);
        let restored = self
            .conn
            .pragma_update(None, "ignore_check_constraints", false);
        let added = added?;
        restored?;
        Ok(added)
    }

    fn add_batch_unchecked(
        &mut self,
        items: &[(Article, Vec<Quote>)],
        replace: bool,
        assign: bool,
    ) -> Result<Vec<Result<Outcome>>> {
        // Read the user's corrections before writing anything: a file they
        // broke stops the ingest with its line number, and nothing changes.
        let corrections = if assign {
            Some(self.corrections()?)
        } else {
            None
        };
        // First the whole batch without savepoints: a savepoint per article
        // makes FTS5 flush its pending index at each one (a segment per
        // article, then merges), which was a fifth of ingest time. Articles
        // that cannot be stored are rare, so only when one fails is the
        // batch rolled back and stored again, each article in a savepoint
        // of its own, so the failure stays with that article.
        let tx = self
            .conn
            .transaction()
            .context("cannot start writing to the database")?;
        let trigger = suspend_fts_trigger(&tx)?;
        let linker = &mut self.linker;
        let mut added = Vec::new();
        let fast: Result<Vec<Outcome>> = std::thread::scope(|scope| {
            // The quotes' folded forms do not depend on the database: a
            // second thread works them out one article ahead of the
            // writer (a tenth of the writer's time otherwise).
            let (send, prepared) = std::sync::mpsc::sync_channel(16);
            if items.len() > 1 {
                scope.spawn(move || {
                    for (article, quotes) in items {
                        if send.send(prepare(article, quotes)).is_err() {
                            break;
                        }
                    }
                });
            } else {
                drop(send);
            }
            linker.begin(&tx)?;
            items
                .iter()
                .map(|(article, quotes)| {
                    let folded = prepared.recv().unwrap_or_else(|_| prepare(article, quotes));
                    add_one(&tx, linker, article, quotes, folded, replace, &mut added)
                })
                .collect()
        });
        let (tx, outcomes) = match fast {
            Ok(outcomes) => (tx, outcomes.into_iter().map(Ok).collect()),
            Err(_) => {
                tx.rollback()?;
                linker.reset();
                let mut tx = self
                    .conn
                    .transaction()
                    .context("cannot start writing to the database")?;
                suspend_fts_trigger(&tx)?;
                linker.begin(&tx)?;
                added.clear();
                let outcomes = add_each_in_savepoint(&mut tx, linker, items, replace, &mut added)?;
                (tx, outcomes)
            }
        };
        // The batch's shingles go to the table before anything else reads
        // it or the transaction ends.
        linker.flush(&tx)?;
        if let Some(trigger) = trigger {
            index_quotes(&tx, &added)?;
            tx.execute_batch(&trigger)?;
        }
        if replace {
            forget_unquoted_speakers(&tx)?;
        }
        if let Some(corrections) = &corrections {
            super::identity::assign(&tx, corrections)?;
        }
        tx.commit().context("cannot save to the database")?;
        Ok(outcomes)
    }

    /// Store one article; see [`Store::add_articles`].
    pub fn add_article(
        &mut self,
        article: &Article,
        quotes: &[Quote],
        replace: bool,
    ) -> Result<Outcome> {
        let mut results = self.add_articles(&[(article.clone(), quotes.to_vec())], replace)?;
        results.remove(0)
    }
}

/// The web domains of the article's addresses, as domains of its outlet
/// (db/009_fetched_articles.sql), so the outlet can be asked for by domain.
fn record_domains(tx: &Connection, outlet: i64, article: &Article) -> Result<()> {
    for url in [&article.url, &article.canonical_url].into_iter().flatten() {
        if let Some(domain) = crate::article::outlets::domain_of(url) {
            tx.prepare_cached(
                "INSERT OR IGNORE INTO outlet_domains (outlet_id, domain) VALUES (?1, ?2)",
            )?
            .execute(params![outlet, domain])?;
        }
    }
    Ok(())
}

/// Each article in a savepoint of its own: one that fails is rolled back
/// alone and reported, the rest are kept.
fn add_each_in_savepoint(
    tx: &mut rusqlite::Transaction<'_>,
    linker: &mut Linker,
    items: &[(Article, Vec<Quote>)],
    replace: bool,
    added: &mut Vec<i64>,
) -> Result<Vec<Result<Outcome>>> {
    let mut outcomes = Vec::with_capacity(items.len());
    for (article, quotes) in items {
        let mut sp = tx.savepoint()?;
        let before = added.len();
        match add_one(
            &sp,
            linker,
            article,
            quotes,
            prepare(article, quotes),
            replace,
            added,
        )
        .and_then(|outcome| linker.flush(&sp).map(|()| outcome))
        {
            Ok(outcome) => {
                sp.commit()?;
                outcomes.push(Ok(outcome));
            }
            Err(err) => {
                sp.rollback()?;
                drop(sp);
                // The candidate index in memory may hold this article's
                // statements: read it from the table again.
                linker.reset();
                linker.begin(tx)?;
                added.truncate(before);
                outcomes.push(Err(err));
            }
        }
    }
    Ok(outcomes)
}

/// The trigger that adds each new quote to the full-text index, dropped for
/// the length of a batch (the transaction puts it back if anything fails)
/// and returned so the batch can index its quotes at once and restore it.
///
/// Indexing quote by quote is slow: every later statement of the batch that
/// opens a statement journal (any insert into a table with foreign keys)
/// makes FTS5 flush its pending terms as a segment of its own, one per
/// quote, which then have to be merged. That was a quarter of ingest time.
fn suspend_fts_trigger(tx: &Connection) -> Result<Option<String>> {
    let sql: Option<String> = tx
        .query_row(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'quotes_ai'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    if sql.is_some() {
        tx.execute_batch("DROP TRIGGER quotes_ai")?;
    }
    Ok(sql)
}

/// Add the quotes stored in this batch to the full-text index, in one
/// statement (see [`suspend_fts_trigger`]).
fn index_quotes(tx: &Connection, ids: &[i64]) -> Result<()> {
    if ids.is_empty() {
        return Ok(());
    }
    tx.execute(
        "INSERT INTO quotes_fts (rowid, text)
         SELECT id, text FROM quotes WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY id",
        [serde_json::to_string(ids)?],
    )?;
    Ok(())
}

/// Each quote's text normalised for `quotes.normalized`, and folded for
/// linking; and the article's signature, for finding what it reprints.
/// Claims (kind `indirect`) are not linked into statements, so they have no
/// folded form for linking.
type Folded = (Vec<(String, Option<Prepared>)>, Option<Signature>);

fn prepare(article: &Article, quotes: &[Quote]) -> Folded {
    let quotes = quotes
        .iter()
        .map(|q| {
            if q.kind == QuoteKind::Indirect {
                return (normalize_quote(&q.quote.text), None);
            }
            let said = q.speaker.as_ref().map_or(Said::Unknown, |s| {
                let name = if s.name.trim().is_empty() {
                    &s.text
                } else {
                    &s.name
                };
                Said::new(Some(name), Some(s.kind.as_str())).found_by(Some(q.found_by.as_str()))
            });
            (
                normalize_quote(&q.quote.text),
                Some(Prepared::said_by(&q.quote.text, said)),
            )
        })
        .collect();
    (quotes, Signature::of(&article.text))
}

fn add_one(
    tx: &Connection,
    linker: &mut Linker,
    article: &Article,
    quotes: &[Quote],
    folded: Folded,
    replace: bool,
    added: &mut Vec<i64>,
) -> Result<Outcome> {
    check_quotes(article, quotes)?;
    // The body and its captions: what the quotes' offsets point into.
    let hash = content_hash(&article.full_text());
    let existing: Option<i64> = tx
        .prepare_cached("SELECT id FROM articles WHERE content_hash = ?1")?
        .query_row([&hash], |r| r.get(0))
        .optional()?;
    let outlet = article
        .outlet
        .as_deref()
        .map(|name| outlet_id(tx, name))
        .transpose()?;
    let published = article.published.map(|d| d.format("%Y-%m-%d").to_string());
    if let Some(date) = &published
        && !is_stored_date(date)
    {
        bail!("the date {date} cannot be stored: dates are stored as YYYY-MM-DD, years 0 to 9999");
    }
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let date_source = article
        .published
        .and(article.date_source)
        .map(|s| s.as_str());
    if let Some(outlet) = outlet {
        record_domains(tx, outlet, article)?;
    }
    let article_id = match existing {
        Some(id) if !replace => {
            // The same text from an address not yet known: remember it,
            // so the address is not fetched again.
            if article.url.is_some() || article.canonical_url.is_some() {
                tx.prepare_cached(
                    "UPDATE articles SET url = coalesce(url, ?2), canonical_url = coalesce(canonical_url, ?3)
                     WHERE id = ?1 AND (url IS NULL OR canonical_url IS NULL)",
                )?
                .execute(params![id, article.url, article.canonical_url])?;
            }
            return Ok(Outcome::Unchanged { article: id });
        }
        Some(id) => {
            // Keep the id (so links to it stay valid) and whatever metadata
            // this run does not know; drop the old quotes and re-add.
            tx.prepare_cached(
                "UPDATE articles SET outlet_id = coalesce(?2, outlet_id),
                    published = coalesce(?3, published), published_raw = coalesce(?4, published_raw),
                    title = coalesce(?5, title), url = coalesce(?6, url), author = coalesce(?7, author),
                    path = ?8, ingested_at = ?9, canonical_url = coalesce(?10, canonical_url),
                    date_source = CASE WHEN ?3 IS NULL THEN date_source ELSE ?11 END,
                    captions = ?12, body_end = ?13
                 WHERE id = ?1",
            )?
            .execute(params![
                id,
                outlet,
                published,
                article.published_raw,
                article.title,
                article.url,
                article.author,
                article.source,
                now,
                article.canonical_url,
                date_source,
                article.captions,
                article.body_end().map(|e| e as i64)
            ])?;
            let statements = crate::track::link::statements_of_article(tx, id)?;
            tx.prepare_cached("DELETE FROM quotes WHERE article_id = ?1")?
                .execute([id])?;
            tx.prepare_cached("DELETE FROM speakers WHERE article_id = ?1")?
                .execute([id])?;
            // The statements those quotes rendered lose them: choose their
            // references afresh before the new quotes are linked.
            for statement in statements {
                crate::track::link::refresh(tx, statement)?;
                linker.forget(statement);
            }
            id
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO articles (outlet_id, published, published_raw, title, url, author, path, content_hash, text, ingested_at, canonical_url, date_source, captions, body_end)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            )?
            .execute(params![
                outlet,
                published,
                article.published_raw,
                article.title,
                article.url,
                article.author,
                article.source,
                hash,
                article.text,
                now,
                article.canonical_url,
                date_source,
                article.captions,
                article.body_end().map(|e| e as i64)
            ])?;
            tx.last_insert_rowid()
        }
    };
    // The quotes carry the article's date (db/005_quote_dates.sql): the
    // one given now, or for a re-extracted article the one it kept.
    let published = match (existing, published) {
        (Some(id), None) => tx
            .prepare_cached("SELECT published FROM articles WHERE id = ?1")?
            .query_row([id], |r| r.get(0))?,
        (_, published) => published,
    };
    let (folded, signature) = folded;
    // A new article is compared with those stored; one stored before
    // reprints were looked for (db/007_reprints.sql) when extracted again.
    let original = match &signature {
        Some(signature) if existing.is_none() || !reprint::has_signature(tx, article_id)? => {
            reprint::record(tx, article_id, published.as_deref(), signature)?
        }
        _ => tx
            .prepare_cached("SELECT reprint_of FROM articles WHERE id = ?1")?
            .query_row([article_id], |r| r.get(0))?,
    };
    add_quotes(
        tx,
        linker,
        (article_id, original.unwrap_or(article_id)),
        published.as_deref(),
        quotes,
        folded,
        added,
    )?;
    let claims = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .count();
    Ok(match existing {
        Some(_) => Outcome::Replaced {
            article: article_id,
            quotes: quotes.len() - claims,
            claims,
        },
        None => Outcome::Added {
            article: article_id,
            quotes: quotes.len() - claims,
            claims,
        },
    })
}

/// `article` is the article's id and its story's: the article it
/// reprints, or its own.
fn add_quotes(
    tx: &Connection,
    linker: &mut Linker,
    (article_id, story): (i64, i64),
    published: Option<&str>,
    quotes: &[Quote],
    folded: Vec<(String, Option<Prepared>)>,
    added: &mut Vec<i64>,
) -> Result<()> {
    // The article's date, read once for all its quotes.
    let date = published.and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let mut insert = tx.prepare_cached(
        "INSERT INTO quotes (article_id, byte_start, byte_end, text, normalized, kind, cue, cue_start, cue_end,
                             speaker_id, speaker_mention, speaker_start, speaker_end, speaker_role,
                             speaker_name, speaker_kind, published, found_by, confidence)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
    )?;
    for (quote, (normalized, prepared)) in quotes.iter().zip(folded) {
        let name = quote.speaker.as_ref().map(|s| {
            if s.name.trim().is_empty() {
                s.text.trim()
            } else {
                s.name.trim()
            }
        });
        // People and organisations get their speaker when identity is worked
        // out for the whole corpus, at the end of the batch; anonymous
        // sources belong to their article and are settled here.
        let speaker_id = match (&quote.speaker, name) {
            (Some(s), Some(name)) if s.kind == SpeakerKind::Anonymous => {
                Some(speaker_id(tx, name, s.kind, article_id)?)
            }
            _ => None,
        };
        let cue = quote.cue.as_ref();
        let speaker = quote.speaker.as_ref();
        insert.execute(params![
            article_id,
            quote.quote.start as i64,
            quote.quote.end as i64,
            quote.quote.text,
            normalized,
            quote.kind.as_str(),
            cue.map(|c| &c.text),
            cue.map(|c| c.start as i64),
            cue.map(|c| c.end as i64),
            speaker_id,
            speaker.map(|s| &s.text),
            speaker.map(|s| s.start as i64),
            speaker.map(|s| s.end as i64),
            speaker.and_then(|s| s.role.as_ref()),
            name,
            speaker.map(|s| s.kind.as_str()),
            published,
            quote.found_by.as_str(),
            quote.confidence,
        ])?;
        let id = tx.last_insert_rowid();
        added.push(id);
        // A claim is an outlet's wording of what someone said, not a
        // rendition of their words: `trace` sets claims beside statements
        // when asked, it does not link them.
        let Some(prepared) = prepared else { continue };
        // Link it to the statement it renders (src/track), so `trace`
        // finds every rendition without comparing quotes at query time.
        if linker
            .link_reprinted(tx, id, (article_id, story), &normalized, &prepared)?
            .is_none()
        {
            linker.link_prepared(tx, id, (story, date), prepared, speaker_id)?;
        }
    }
    Ok(())
}

/// Offsets must point into the text, or `show` could never find the quote
/// again: an extractor bug is reported against the article, not stored.
/// The confidence is checked here too, as the schema's CHECK would (the
/// batch runs without those, see [`Store::add_articles`]).
fn check_quotes(article: &Article, quotes: &[Quote]) -> Result<()> {
    let text = &article.full_text();
    for quote in quotes {
        let q = &quote.quote;
        if q.start > q.end || text.get(q.start..q.end).is_none() {
            bail!(
                "the extractor gave a quote at bytes {}..{}, outside this {}-byte text; please report this as a bug",
                q.start,
                q.end,
                text.len()
            );
        }
        if !(0.0..=1.0).contains(&quote.confidence) {
            bail!(
                "the quote at bytes {}..{} has confidence {}, outside 0 to 1; please report this as a bug",
                q.start,
                q.end,
                quote.confidence
            );
        }
    }
    Ok(())
}

/// What the schema's CHECK on `articles.published` accepts (a GLOB of
/// `[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]`), checked here since the
/// batch runs without CHECKs.
fn is_stored_date(date: &str) -> bool {
    let b = date.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

fn outlet_id(tx: &Connection, name: &str) -> Result<i64> {
    // `name` is COLLATE NOCASE, so "CBC News" and "cbc news" are one outlet.
    let found: Option<i64> = tx
        .prepare_cached("SELECT id FROM outlets WHERE name = ?1")?
        .query_row([name], |r| r.get(0))
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    tx.prepare_cached("INSERT INTO outlets (name) VALUES (?1)")?
        .execute([name])?;
    Ok(tx.last_insert_rowid())
}

/// The speaker row of an anonymous source: "a senior official" in one story
/// is not the one in the next, so those belong to their article and are
/// never merged.
fn speaker_id(tx: &Connection, name: &str, kind: SpeakerKind, article_id: i64) -> Result<i64> {
    let scope = (kind == SpeakerKind::Anonymous).then_some(article_id);
    let found: Option<i64> = tx
        .prepare_cached(
            "SELECT id FROM speakers WHERE kind = ?1 AND name = ?2 COLLATE NOCASE AND ifnull(article_id, 0) = ifnull(?3, 0)",
        )?
        .query_row(params![kind.as_str(), name, scope], |r| r.get(0))
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    tx.prepare_cached("INSERT INTO speakers (name, kind, article_id) VALUES (?1, ?2, ?3)")?
        .execute(params![name, kind.as_str(), scope])?;
    Ok(tx.last_insert_rowid())
}

/// After re-extraction, a name the new extractor no longer produces would
/// linger as a speaker with no quotes. Ones the user named (an alias of
/// theirs) are kept.
fn forget_unquoted_speakers(tx: &Connection) -> Result<()> {
    tx.execute(
        "DELETE FROM speakers WHERE NOT EXISTS (SELECT 1 FROM quotes WHERE speaker_id = speakers.id)
           AND NOT EXISTS (SELECT 1 FROM speaker_aliases WHERE speaker_id = speakers.id AND source = 'user')",
        [],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::record::{FoundBy, QuoteKind, TextSpan};

    fn article(text: &str, published: Option<NaiveDate>) -> Article {
        Article {
            text: text.into(),
            outlet: Some("Wire".into()),
            published,
            published_raw: None,
            title: None,
            url: None,
            author: None,
            source: "story.txt".into(),
            ..Article::default()
        }
    }

    fn quote(text: &str, confidence: f64) -> Quote {
        Quote {
            quote: TextSpan {
                start: 1,
                end: text.len() - 1,
                text: text[1..text.len() - 1].to_string(),
            },
            cue: None,
            speaker: None,
            kind: QuoteKind::Direct,
            found_by: FoundBy::Explicit,
            confidence,
        }
    }

    #[test]
    fn the_schema_checks_hold_again_after_a_batch() {
        let mut store = Store::open_in_memory().unwrap();
        let text = "\"We are ready to talk about it today\"";
        let date = NaiveDate::from_ymd_opt(2015, 9, 18);
        let outcome = store
            .add_article(&article(text, date), &[quote(text, 0.9)], false)
            .unwrap();
        assert!(matches!(outcome, Outcome::Added { quotes: 1, .. }));
        let broken = store.conn().execute(
            "UPDATE renditions SET relation = 'nonsense' WHERE quote_id = 1",
            [],
        );
        assert!(broken.is_err(), "the CHECK on renditions.relation holds");
        let broken = store
            .conn()
            .execute("UPDATE quotes SET found_by = 'guess' WHERE id = 1", []);
        assert!(broken.is_err(), "the CHECK on quotes.found_by holds");
    }

    #[test]
    fn what_the_checks_would_refuse_is_refused_before_it_is_written() {
        let mut store = Store::open_in_memory().unwrap();
        let text = "\"A confidence no way of finding a speaker has\"";
        let err = store
            .add_article(&article(text, None), &[quote(text, 1.5)], false)
            .unwrap_err();
        assert!(format!("{err:#}").contains("outside 0 to 1"), "{err:#}");
        let text = "\"A date from the far future, five digits long\"";
        let date = NaiveDate::from_ymd_opt(10_000, 1, 1);
        let err = store
            .add_article(&article(text, date), &[quote(text, 0.5)], false)
            .unwrap_err();
        assert!(format!("{err:#}").contains("YYYY-MM-DD"), "{err:#}");
        assert_eq!(store.counts().unwrap(), (0, 0));
    }
}
