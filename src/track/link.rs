//! Linking each stored quote to its statement, at ingest.
//!
//! A new quote's three-word shingles are looked up in `statement_shingles`
//! (an index, so the cost does not grow with the corpus); the few
//! statements sharing the most shingles are aligned word by word with it,
//! and it joins the best one that passes [`same_statement`], or starts a
//! statement of its own.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use anyhow::Result;
use rusqlite::{Connection, OptionalExtension, params};

use super::align::{Relation, compare, same_statement, score};
use super::normalize::{Words, shingles, words};

/// The statements sharing each of a quote's shingles (given as a JSON
/// array), in one statement rather than one per shingle. Per shingle only
/// the newest 16 statements count: a phrase in thousands of statements
/// ("prime minister said") says little, and news repeats itself within
/// days. The 16th newest is found first and the index read from there.
/// The figure is a literal, since SQLite re-prepares a statement whose
/// LIMIT or OFFSET is a bound parameter each time it is bound (that cost 15%
/// of ingest time).
const FIND_CANDIDATES: &str = "SELECT s.statement_id FROM json_each(?1) j
     JOIN statement_shingles s ON s.shingle = j.value
      AND s.statement_id >= ifnull((SELECT t.statement_id FROM statement_shingles t WHERE t.shingle = j.value
                                    ORDER BY t.statement_id DESC LIMIT 1 OFFSET 15), 0)";
/// How many of the best-sharing candidates are aligned.
const CANDIDATES: usize = 6;

/// A statement's reference rendition, as needed for comparing.
struct Reference {
    statement: i64,
    words: Rc<Words>,
    speaker: Option<i64>,
}

/// How many reference renditions' words are kept between quotes.
const CACHED_REFERENCES: usize = 4096;

thread_local! {
    /// Words of recently compared reference renditions, by their text: the
    /// statements a story's quotes are compared with recur from quote to
    /// quote, and folding their words again was a tenth of ingest time.
    static REFERENCE_WORDS: RefCell<HashMap<String, Rc<Words>>> = RefCell::new(HashMap::new());
}

/// `words(text)`, from the cache when this text was folded recently.
fn reference_words(text: String) -> Rc<Words> {
    REFERENCE_WORDS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(found) = cache.get(&text) {
            return Rc::clone(found);
        }
        if cache.len() >= CACHED_REFERENCES {
            cache.clear();
        }
        let folded = Rc::new(words(&text));
        cache.insert(text, Rc::clone(&folded));
        folded
    })
}

/// Link a quote just stored in `quotes` to its statement; returns the
/// statement's id.
pub fn link_quote(
    conn: &Connection,
    quote_id: i64,
    text: &str,
    speaker: Option<i64>,
) -> Result<i64> {
    let new = words(text);
    let grams = shingles(&new);
    let grams_json = serde_json::to_string(&grams)?;
    let mut hits: HashMap<i64, u32> = HashMap::new();
    {
        let mut find = conn.prepare_cached(FIND_CANDIDATES)?;
        let mut rows = find.query([&grams_json])?;
        while let Some(row) = rows.next()? {
            *hits.entry(row.get(0)?).or_default() += 1;
        }
    }
    let mut ranked: Vec<(i64, u32)> = hits.into_iter().collect();
    ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));

    // Align the best candidates; keep those that are this statement.
    let mut seen = Vec::new();
    let mut passing: Vec<(Reference, (u32, usize))> = Vec::new();
    for (candidate, _) in ranked {
        if seen.len() >= CANDIDATES {
            break;
        }
        let Some(reference) = reference(conn, candidate)? else {
            continue;
        };
        if seen.contains(&reference.statement) {
            continue;
        }
        seen.push(reference.statement);
        let same_speaker = match (speaker, reference.speaker) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        let (r, q) = fuller_first(&reference.words, &new);
        let c = compare(r, q);
        if same_statement(&c, r, q, same_speaker) {
            let fit = score(&c, r, q);
            passing.push((reference, fit));
        }
    }

    let new_is_fuller = |r: &Reference| new.spoken() > r.words.spoken();
    let statement = match passing.iter().max_by_key(|(r, fit)| (*fit, r.statement)) {
        None => {
            conn.prepare_cached(
                "INSERT INTO statements (reference_quote_id, renditions) VALUES (?1, 0)",
            )?
            .execute([quote_id])?;
            conn.last_insert_rowid()
        }
        Some((best, _)) => {
            // A full quote arriving after two fragments of it joins their
            // statements. A fragment matching two statements does not: it
            // could be either, so it goes with the better fit.
            if new_is_fuller(best) {
                let merging: Vec<i64> = passing
                    .iter()
                    .filter(|(r, _)| new_is_fuller(r))
                    .map(|(r, _)| r.statement)
                    .collect();
                let target = *merging.iter().min().unwrap_or(&best.statement);
                for &other in merging.iter().filter(|&&s| s != target) {
                    merge(conn, other, target)?;
                }
                target
            } else {
                best.statement
            }
        }
    };
    let reference_words = passing
        .iter()
        .find(|(r, _)| r.statement == statement)
        .map(|(r, _)| &*r.words);
    let relation = match reference_words {
        Some(r) if !new_is_fuller_words(&new, r) => compare(r, &new).relation,
        _ => Relation::Same,
    };
    conn.prepare_cached(
        "INSERT INTO renditions (quote_id, statement_id, relation, words) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![
        quote_id,
        statement,
        relation.as_str(),
        new.spoken() as i64
    ])?;
    conn.prepare_cached("UPDATE statements SET renditions = renditions + 1 WHERE id = ?1")?
        .execute([statement])?;
    conn.prepare_cached(
        "INSERT OR IGNORE INTO statement_shingles (shingle, statement_id) SELECT value, ?2 FROM json_each(?1)",
    )?
    .execute(params![grams_json, statement])?;
    if reference_words.is_some_and(|r| new_is_fuller_words(&new, r)) {
        refresh(conn, statement)?;
    }
    Ok(statement)
}

fn new_is_fuller_words(new: &Words, reference: &Words) -> bool {
    new.spoken() > reference.spoken()
}

/// The fuller of two renditions first (the reference side of a compare).
fn fuller_first<'a>(a: &'a Words, b: &'a Words) -> (&'a Words, &'a Words) {
    if b.spoken() > a.spoken() {
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
        "SELECT st.merged_into, q.text, CASE WHEN q.speaker_kind = 'anonymous' THEN q.speaker_id END FROM statements st
         LEFT JOIN quotes q ON q.id = st.reference_quote_id WHERE st.id = ?1",
    )?;
    // Merges chain only as deep as statements were joined; the bound is
    // a guard against a hand-edited cycle.
    for _ in 0..64 {
        let row: Option<(Option<i64>, Option<String>, Option<i64>)> = find
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        match row {
            None => return Ok(None),
            Some((Some(next), _, _)) => id = next,
            Some((None, None, _)) => return Ok(None),
            Some((None, Some(text), speaker)) => {
                return Ok(Some(Reference {
                    statement: id,
                    words: reference_words(text),
                    speaker,
                }));
            }
        }
    }
    Ok(None)
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
        "SELECT (SELECT max(id) FROM quotes), (SELECT max(quote_id) FROM renditions)",
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
             ORDER BY a.published IS NULL, a.published, q.id",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (id, text, speaker) in &pending {
        link_quote(&tx, *id, text, *speaker)?;
    }
    tx.commit()?;
    Ok(pending.len())
}
