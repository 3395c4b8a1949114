//! Claims beside statements: what an outlet reports someone said, without
//! quotation marks, set next to the remarks it may paraphrase.
//!
//! Claims (records of kind `indirect`) are not linked at ingest: an
//! outlet's own wording shares topic words with many remarks, and joining
//! on topic is the false join issue 12 removed. When `trace` shows
//! statements, the claims that contain the searched words, and the claims
//! of the statement's own speaker that share its rare words, are compared
//! with each statement's reference here:
//!
//! - `paraphrase`: the claim is credited to the statement's speaker and
//!   shares enough of its distinctive words (see [`is_paraphrase`]);
//! - `shares_words`: anything else that was asked for: another speaker,
//!   or too little in common. Shown so the reader sees it side by side,
//!   never counted as the same remark.

use std::collections::HashSet;

use anyhow::Result;
use rusqlite::Connection;
use serde::Serialize;

use super::evidence::weight;
use super::normalize::{is_stopword, words};
use super::trace::Statement;
use crate::store::fts_query;

/// How a claim stands to a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimRelation {
    /// The statement's speaker, reported in other words.
    Paraphrase,
    /// Words in common and nothing more: another speaker, or too few.
    SharesWords,
}

impl ClaimRelation {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimRelation::Paraphrase => "paraphrase",
            ClaimRelation::SharesWords => "shares_words",
        }
    }
}

/// One claim set beside a statement. The keys a rendition also has mean
/// the same (`quote` is the claim's id, for `quotetrack show`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimBeside {
    /// The statement it was compared with; none when no quoted statement
    /// matched the search.
    pub statement: Option<i64>,
    pub quote: i64,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub speaker: Option<String>,
    pub found_by: Option<String>,
    pub confidence: Option<f64>,
    /// The reported clause.
    pub text: String,
    pub article: i64,
    pub relation: ClaimRelation,
    /// Distinctive words (folded) the claim and the statement's reference
    /// have in common.
    pub shared: Vec<String>,
    /// Why it is not a paraphrase, when it is not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// The earlier claim in this list with the same speaker and nearly the
    /// same words: one claim reported by several outlets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub same_claim_as: Option<i64>,
    pub title: Option<String>,
    pub url: Option<String>,
}

/// Claims looked at per search: a topic word can be in thousands.
const CANDIDATES: i64 = 200;

/// The content words of a text, folded, without stopwords or numbers.
fn content_words(text: &str) -> HashSet<String> {
    words(text)
        .words
        .into_iter()
        .filter(|w| !w.bracketed && !is_stopword(&w.norm))
        .filter(|w| w.norm.chars().any(char::is_alphabetic))
        .map(|w| w.norm)
        .collect()
}

/// Whether a claim of the statement's own speaker paraphrases it: at least
/// three content words in common, rare enough together to say more than a
/// topic (summed inverse document frequency of 12, about three words
/// found in one article in twenty), and making up two fifths of the
/// claim's content words, so a long claim does not paraphrase every
/// remark it touches.
pub fn is_paraphrase(shared: &[String], claim_words: usize) -> bool {
    let rare: f64 = shared.iter().map(|w| weight(w)).sum();
    shared.len() >= 3 && rare >= 12.0 && shared.len() * 5 >= claim_words * 2
}

/// A claim compared with one statement.
struct Comparison {
    paraphrase: bool,
    /// The shared words' summed rarity.
    rare: f64,
    statement: i64,
    shared: Vec<String>,
    why: Option<String>,
}

struct Candidate {
    id: i64,
    speaker_id: Option<i64>,
    row: ClaimBeside,
}

/// The claims to show beside `statements`: those containing all of
/// `query`'s words, and those of each statement's speakers that share its
/// rarest words and paraphrase it. Each is compared with every statement
/// and kept with the one it relates to best; paraphrases first, then by
/// date.
pub fn claims_beside(
    conn: &Connection,
    statements: &[Statement],
    query: Option<&str>,
) -> Result<Vec<ClaimBeside>> {
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut seen = HashSet::new();
    // The claims the user's words found: shown whatever they relate to.
    let mut asked = HashSet::new();
    if let Some(fts) = query.and_then(fts_query) {
        for c in candidates_matching(conn, &fts, None)? {
            if seen.insert(c.id) {
                asked.insert(c.id);
                candidates.push(c);
            }
        }
    }
    let mut references = Vec::with_capacity(statements.len());
    for s in statements {
        let speakers = statement_speakers(conn, s.statement)?;
        let reference = s
            .reference()
            .map(|r| content_words(&r.text))
            .unwrap_or_default();
        // The statement's five rarest words, any of them: the speaker's
        // claims about something else share none.
        let mut rare: Vec<&String> = reference.iter().collect();
        rare.sort_by(|a, b| weight(b).total_cmp(&weight(a)).then(a.cmp(b)));
        let any: Vec<String> = rare.iter().take(5).filter_map(|w| fts_query(w)).collect();
        if !speakers.is_empty() && !any.is_empty() {
            for c in candidates_matching(conn, &any.join(" OR "), Some(&speakers))? {
                if seen.insert(c.id) {
                    candidates.push(c);
                }
            }
        }
        references.push((s, speakers, reference));
    }
    let mut out = Vec::new();
    for mut c in candidates {
        let claim = content_words(&c.row.text);
        let mut best: Option<Comparison> = None;
        for (s, speakers, reference) in &references {
            let mut shared: Vec<String> = claim.intersection(reference).cloned().collect();
            shared.sort();
            let same_speaker = c.speaker_id.is_some_and(|id| speakers.contains(&id));
            let paraphrase = same_speaker && is_paraphrase(&shared, claim.len());
            let why = (!paraphrase).then(|| {
                if !same_speaker {
                    format!(
                        "another speaker: {} (the statement's: {})",
                        c.row.speaker.as_deref().unwrap_or("unknown"),
                        s.speaker.as_deref().unwrap_or("unknown")
                    )
                } else {
                    "the same speaker, but too few distinctive words in common".to_string()
                }
            });
            let rare: f64 = shared.iter().map(|w| weight(w)).sum();
            let better = best
                .as_ref()
                .is_none_or(|b| (paraphrase, rare) > (b.paraphrase, b.rare));
            if better {
                best = Some(Comparison {
                    paraphrase,
                    rare,
                    statement: s.statement,
                    shared,
                    why,
                });
            }
        }
        let (paraphrase, statement, shared, why) = match best {
            Some(b) => (b.paraphrase, Some(b.statement), b.shared, b.why),
            None => (
                false,
                None,
                Vec::new(),
                Some("no quoted statement matches".to_string()),
            ),
        };
        // A claim found only because its speaker is the statement's is
        // shown only when it paraphrases it.
        if !paraphrase && !asked.contains(&c.id) {
            continue;
        }
        c.row.statement = statement;
        c.row.relation = if paraphrase {
            ClaimRelation::Paraphrase
        } else {
            ClaimRelation::SharesWords
        };
        c.row.shared = shared;
        c.row.why = why;
        out.push(c.row);
    }
    out.sort_by(|a, b| {
        (a.relation != ClaimRelation::Paraphrase)
            .cmp(&(b.relation != ClaimRelation::Paraphrase))
            .then(a.date.is_none().cmp(&b.date.is_none()))
            .then(a.date.cmp(&b.date))
            .then(a.quote.cmp(&b.quote))
    });
    mark_repeats(&mut out);
    Ok(out)
}

/// One claim reported by several outlets: the same speaker's name and
/// three quarters of the content words in common (Jaccard), marked as the
/// same claim as the first of them.
fn mark_repeats(claims: &mut [ClaimBeside]) {
    let words: Vec<HashSet<String>> = claims.iter().map(|c| content_words(&c.text)).collect();
    for i in 0..claims.len() {
        for j in 0..i {
            if claims[j].same_claim_as.is_some() {
                continue;
            }
            let same_speaker = match (&claims[i].speaker, &claims[j].speaker) {
                (Some(a), Some(b)) => folded_name(a) == folded_name(b),
                _ => false,
            };
            let common = words[i].intersection(&words[j]).count();
            let all = words[i].union(&words[j]).count();
            if same_speaker && all > 0 && common * 4 >= all * 3 {
                claims[i].same_claim_as = Some(claims[j].quote);
                break;
            }
        }
    }
}

/// A speaker's name folded as quote words are ("a senior defence
/// official" and "A senior defense official" are one description).
fn folded_name(name: &str) -> Vec<String> {
    words(name).words.into_iter().map(|w| w.norm).collect()
}

/// The speakers the statement's renditions are credited to.
fn statement_speakers(conn: &Connection, statement: i64) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT q.speaker_id FROM renditions r JOIN quotes q ON q.id = r.quote_id
         WHERE r.statement_id = ?1 AND q.speaker_id IS NOT NULL",
    )?;
    let ids = stmt
        .query_map([statement], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

/// Claims matching the FTS5 query `fts`, newest first, at most
/// [`CANDIDATES`]; only those of `speakers` when given.
fn candidates_matching(
    conn: &Connection,
    fts: &str,
    speakers: Option<&[i64]>,
) -> Result<Vec<Candidate>> {
    let by_speaker = speakers
        .map(|ids| serde_json::to_string(ids).unwrap_or_else(|_| "[]".into()))
        .unwrap_or_default();
    let mut stmt = conn.prepare_cached(
        "SELECT q.id, q.text, s.name, o.name, a.published, a.id, q.found_by, q.confidence,
                q.speaker_id, a.title, a.url
         FROM quotes q
         JOIN articles a ON a.id = q.article_id
         LEFT JOIN outlets o ON o.id = a.outlet_id
         LEFT JOIN speakers s ON s.id = q.speaker_id
         WHERE q.id IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?1)
           AND q.kind = 'indirect'
           AND (?2 = '' OR q.speaker_id IN (SELECT value FROM json_each(?2)))
         ORDER BY q.id DESC
         LIMIT ?3",
    )?;
    let rows = stmt.query_map(rusqlite::params![fts, by_speaker, CANDIDATES], |r| {
        Ok(Candidate {
            id: r.get(0)?,
            speaker_id: r.get(8)?,
            row: ClaimBeside {
                statement: None,
                quote: r.get(0)?,
                text: r.get(1)?,
                speaker: r.get(2)?,
                outlet: r.get(3)?,
                date: r.get(4)?,
                article: r.get(5)?,
                found_by: r.get(6)?,
                confidence: r.get(7)?,
                relation: ClaimRelation::SharesWords,
                shared: Vec::new(),
                why: None,
                same_claim_as: None,
                title: r.get(9)?,
                url: r.get(10)?,
            },
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_words_leave_out_stopwords_and_numbers() {
        let w = content_words("The U.S. expects Russia to send 2,000 ground forces");
        assert!(w.contains("russia") && w.contains("forces") && w.contains("ground"));
        assert!(!w.contains("the") && !w.contains("to") && !w.contains("2"));
    }

    #[test]
    fn a_paraphrase_needs_rare_words_and_a_share_of_the_claim() {
        let shared = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        // Three rare words making up most of a short claim.
        assert!(is_paraphrase(
            &shared(&["miscalculations", "misunderstandings", "predicament"]),
            6
        ));
        // One rare word is a topic, not a paraphrase.
        assert!(!is_paraphrase(&shared(&["miscalculations"]), 2));
        // Common words, however many, say little.
        assert!(!is_paraphrase(&shared(&["said", "people", "think"]), 3));
        // Three words of a forty-word claim.
        assert!(!is_paraphrase(
            &shared(&["miscalculations", "misunderstandings", "predicament"]),
            40
        ));
    }
}
