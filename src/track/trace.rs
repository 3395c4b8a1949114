//! Reading a statement back: every rendition in date order, compared with
//! the fullest one, with the flags a fact-checker acts on.

use std::collections::HashMap;

use anyhow::Result;
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use super::align::{Change, ChangeKind, Position, Relation, compare};
use super::evidence::{Agreement, Said, agreement, strong};
use super::normalize::{Words, fold_word, is_stopword, words};
use crate::article::sentence::sentence_around;
use crate::store::fts_query;

/// Something a fact-checker should look at in a rendition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// The earliest rendition: who had it first.
    First,
    /// Attributed to someone other than the rest attribute it to.
    OtherSpeaker,
    /// Words changed or added beyond spelling and typography.
    Altered,
    /// Words from the middle of the reference missing with no ellipsis.
    Omission,
}

impl Flag {
    pub fn as_str(self) -> &'static str {
        match self {
            Flag::First => "first",
            Flag::OtherSpeaker => "other_speaker",
            Flag::Altered => "altered",
            Flag::Omission => "omission",
        }
    }
}

/// One difference from the reference, with the words as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DiffEntry {
    /// `left_out`, `elided`, `added` or `changed`.
    pub op: ChangeKind,
    /// Where in the reference: `start`, `middle` or `end`.
    pub at: Position,
    /// The reference's words (absent for `added`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The rendition's words (absent for words left out).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// One rendition of a statement. Field order is the JSON order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rendition {
    pub statement: i64,
    /// The quote's id (`quotetrack show ID`).
    pub quote: i64,
    pub outlet: Option<String>,
    /// Publication date, YYYY-MM-DD.
    pub date: Option<String>,
    /// The speaker as this outlet attributes the quote.
    pub speaker: Option<String>,
    /// How the extractor found that speaker (`explicit`, `pronoun`, ...).
    pub found_by: Option<String>,
    /// How often a speaker found that way is right, 0 to 1.
    pub confidence: Option<f64>,
    pub text: String,
    /// The article's id.
    pub article: i64,
    pub relation: Relation,
    pub diff: Vec<DiffEntry>,
    pub flags: Vec<Flag>,
    /// Whether this is the statement's reference (fullest) rendition.
    pub reference: bool,
    pub title: Option<String>,
    pub url: Option<String>,
    /// Why `other_speaker` is set: the two attributions side by side.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<FlagEvidence>,
    /// The article this rendition's article reprints (`articles.reprint_of`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reprint_of: Option<i64>,
}

/// The evidence for an `other_speaker` flag: this rendition's sentence
/// and the sentence of the rendition, credited to the statement's
/// speaker, that it matches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlagEvidence {
    /// The sentence of this rendition, with its attribution.
    pub sentence: String,
    /// The rendition it was compared with.
    pub other_quote: i64,
    pub other_outlet: Option<String>,
    pub other_speaker: Option<String>,
    /// Its quoted words.
    pub other_text: String,
    pub other_sentence: String,
}

/// A statement with its renditions in date order (then the order stored).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    pub statement: i64,
    /// The reference rendition's quote id.
    pub reference: i64,
    /// The speaker most renditions name.
    pub speaker: Option<String>,
    /// Articles reporting it on their own: an article and its reprints
    /// count once.
    pub independent_reports: usize,
    /// Outlets whose renditions are reprints (relation `reprint`).
    pub reprinted_by: usize,
    pub renditions: Vec<Rendition>,
    /// Claims in reported speech set beside it by `trace` (see
    /// [`super::claims`]); left empty by [`trace`].
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<super::claims::ClaimBeside>,
}

impl Statement {
    pub fn reference(&self) -> Option<&Rendition> {
        self.renditions.iter().find(|r| r.reference)
    }

    pub fn outlets(&self) -> usize {
        let mut names: Vec<&str> = self
            .renditions
            .iter()
            .filter_map(|r| r.outlet.as_deref())
            .collect();
        names.sort_unstable();
        names.dedup();
        names.len()
    }
}

/// Statements whose renditions contain all of `query`'s words (full-text
/// search, word endings ignored), best match first (by the search rank of
/// their best-matching rendition), at most `limit`.
pub fn find_statements(conn: &Connection, query: &str, limit: usize) -> Result<Vec<i64>> {
    // Common words ("the", "in") narrow a search little and cost much on a
    // large database: search by the others when there are any.
    let content: Vec<&str> = query
        .split_whitespace()
        .filter(|w| !is_stopword(&fold_word(w.trim_matches(|c: char| !c.is_alphanumeric()))))
        .collect();
    let fts = if content.is_empty() {
        fts_query(query)
    } else {
        fts_query(&content.join(" "))
    };
    let Some(fts) = fts else {
        return Ok(Vec::new());
    };
    // Ranked quotes, then their statements in that order. Ranking every
    // match costs time in proportion to the matches, so words found in a
    // large share of the corpus take the newest matches instead.
    let common: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?1 LIMIT ?2)",
        )?
        .query_row(rusqlite::params![fts, RANK_AT_MOST], |r| r.get(0))?;
    let (inner, outer) = if common >= RANK_AT_MOST {
        ("rowid DESC", "m.id DESC")
    } else {
        ("rank", "m.rank")
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT r.statement_id FROM
           (SELECT rowid AS id, rank FROM quotes_fts WHERE quotes_fts MATCH ?1 ORDER BY {inner} LIMIT 500) m
         JOIN renditions r ON r.quote_id = m.id
         ORDER BY {outer}"
    ))?;
    let mut found = Vec::new();
    let mut rows = stmt.query([fts])?;
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        if !found.contains(&id) {
            found.push(id);
            if found.len() >= limit {
                break;
            }
        }
    }
    Ok(found)
}

/// Above this many matching quotes a search is not ranked (see
/// [`find_statements`]).
const RANK_AT_MOST: i64 = 20_000;

/// The statement quote `id` belongs to: `Ok(None)` if there is no such
/// quote, `Ok(Some(None))` if it is not linked yet.
pub fn statement_of_quote(conn: &Connection, id: i64) -> Result<Option<Option<i64>>> {
    Ok(conn
        .query_row(
            "SELECT r.statement_id FROM quotes q LEFT JOIN renditions r ON r.quote_id = q.id WHERE q.id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?)
}

struct Row {
    quote: i64,
    text: String,
    speaker: Option<String>,
    outlet: Option<String>,
    date: Option<String>,
    article: i64,
    title: Option<String>,
    url: Option<String>,
    found_by: Option<String>,
    confidence: Option<f64>,
    reprint_of: Option<i64>,
    words: Words,
    speaker_id: Option<i64>,
    /// Who the speaker was as resolved in the article, and its kind.
    said: Said,
}

/// Every rendition of statement `id`, compared with its fullest.
pub fn trace(conn: &Connection, id: i64) -> Result<Statement> {
    let mut stmt = conn.prepare_cached(
        "SELECT q.id, q.text, s.name, o.name, a.published, a.id, a.title, a.url, q.found_by, q.confidence,
                q.speaker_id, q.speaker_name, q.speaker_kind, a.reprint_of
         FROM renditions r
         JOIN quotes q ON q.id = r.quote_id
         JOIN articles a ON a.id = q.article_id
         LEFT JOIN outlets o ON o.id = a.outlet_id
         LEFT JOIN speakers s ON s.id = q.speaker_id
         WHERE r.statement_id = ?1
         ORDER BY a.published IS NULL, a.published, q.id",
    )?;
    let rows: Vec<Row> = stmt
        .query_map([id], |r| {
            let text: String = r.get(1)?;
            Ok(Row {
                quote: r.get(0)?,
                words: words(&text),
                text,
                speaker: r.get(2)?,
                outlet: r.get(3)?,
                date: r.get(4)?,
                article: r.get(5)?,
                title: r.get(6)?,
                url: r.get(7)?,
                found_by: r.get(8)?,
                confidence: r.get(9)?,
                speaker_id: r.get(10)?,
                said: Said::new(
                    r.get::<_, Option<String>>(11)?.as_deref(),
                    r.get::<_, Option<String>>(12)?.as_deref(),
                ),
                reprint_of: r.get(13)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut statement = build(id, rows);
    for i in 0..statement.renditions.len() {
        let Some(other) = statement.renditions[i]
            .evidence
            .as_ref()
            .map(|e| e.other_quote)
        else {
            continue;
        };
        let this = sentence_of(conn, statement.renditions[i].quote)?;
        let that = sentence_of(conn, other)?;
        if let Some(e) = statement.renditions[i].evidence.as_mut() {
            e.sentence = this;
            e.other_sentence = that;
        }
    }
    Ok(statement)
}

/// The sentence quote `id` stands in, from its article.
fn sentence_of(conn: &Connection, id: i64) -> Result<String> {
    let found: Option<(String, i64, i64)> = conn
        .prepare_cached(&format!(
            "SELECT {}, q.byte_start, q.byte_end FROM quotes q
             JOIN articles a ON a.id = q.article_id WHERE q.id = ?1",
            crate::store::FULL_TEXT_A
        ))?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?;
    let Some((text, start, end)) = found else {
        return Ok(String::new());
    };
    let (start, end) = (start as usize, end as usize);
    Ok(sentence_around(&text, start, end)
        .and_then(|(a, b)| text.get(a..b))
        .unwrap_or_default()
        .trim()
        .to_string())
}

/// An `other_speaker` flag needs both attributions explicit: a named
/// speaker (or body) with a reporting verb in the quote's own sentence.
/// A pronoun, a borrowed or continued speaker, a sentence subject or a
/// headline is the extractor's reading, and a flag on it accuses an outlet
/// of the tool's mistake (nearly every flag on real news did).
fn explicit(row: &Row) -> bool {
    row.found_by.as_deref() == Some("explicit")
        && matches!(row.said, Said::Person(_) | Said::Organisation(_))
}

/// For each rendition, the rendition it is flagged `other_speaker`
/// against, if it is: both explicit, credited to speakers identity keeps
/// apart and whose names cannot be one person, and matching strongly
/// (most words of both). The flagged side is the one whose speaker fewer
/// explicit renditions name.
fn other_speaker_flags(rows: &[Row]) -> Vec<Option<usize>> {
    let key = |r: &Row| {
        r.speaker_id
            .map_or_else(|| format!("{:?}", r.said), |id| id.to_string())
    };
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for (i, row) in rows.iter().enumerate().filter(|(_, r)| explicit(r)) {
        counts.entry(key(row)).or_insert((0, i)).0 += 1;
    }
    let Some(most) = counts
        .iter()
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))
        .map(|(k, _)| k.clone())
    else {
        return vec![None; rows.len()];
    };
    rows.iter()
        .map(|row| {
            if !explicit(row) || key(row) == most {
                return None;
            }
            rows.iter().position(|other| {
                explicit(other)
                    && key(other) == most
                    && agreement(&row.said, &other.said) == Agreement::Different
                    && {
                        let (r, q) = if row.words.spoken() >= other.words.spoken() {
                            (&row.words, &other.words)
                        } else {
                            (&other.words, &row.words)
                        };
                        strong(&compare(r, q), r, q)
                    }
            })
        })
        .collect()
}

fn build(id: i64, rows: Vec<Row>) -> Statement {
    // The reference: most words said, earliest stored among equals.
    let reference = rows
        .iter()
        .enumerate()
        .max_by(|(_, a), (_, b)| {
            a.words
                .spoken()
                .cmp(&b.words.spoken())
                .then(b.quote.cmp(&a.quote))
        })
        .map(|(i, _)| i);
    let majority = majority_speaker(&rows);
    let flagged = other_speaker_flags(&rows);
    let evidence: Vec<Option<FlagEvidence>> = flagged
        .iter()
        .map(|against| {
            against.map(|j| FlagEvidence {
                sentence: String::new(),
                other_quote: rows[j].quote,
                other_outlet: rows[j].outlet.clone(),
                other_speaker: rows[j].speaker.clone(),
                other_text: rows[j].text.clone(),
                other_sentence: String::new(),
            })
        })
        .collect();
    let mut evidence = evidence.into_iter();
    let mut out = Vec::with_capacity(rows.len());
    let reference_words = reference.map(|i| (rows[i].words.clone(), rows[i].text.clone()));
    for (i, row) in rows.into_iter().enumerate() {
        let (relation, diff, altered, omission) = match &reference_words {
            Some((rw, rt)) if reference != Some(i) => {
                let c = compare(rw, &row.words);
                let diff = c
                    .changes
                    .iter()
                    .map(|ch| diff_entry(ch, rw, rt, &row.words, &row.text))
                    .collect();
                (c.relation, diff, c.altered, c.omission)
            }
            _ => (Relation::Same, Vec::new(), false, false),
        };
        let mut flags = Vec::new();
        if i == 0 {
            flags.push(Flag::First);
        }
        let evidence = evidence.next().flatten();
        if evidence.is_some() {
            flags.push(Flag::OtherSpeaker);
        }
        if altered {
            flags.push(Flag::Altered);
        }
        if omission {
            flags.push(Flag::Omission);
        }
        out.push(Rendition {
            statement: id,
            quote: row.quote,
            outlet: row.outlet,
            date: row.date,
            speaker: row.speaker,
            found_by: row.found_by,
            confidence: row.confidence,
            text: row.text,
            article: row.article,
            relation,
            diff,
            flags,
            reference: reference == Some(i),
            title: row.title,
            url: row.url,
            evidence,
            reprint_of: row.reprint_of,
        });
    }
    let mut statement = Statement {
        statement: id,
        reference: reference.map_or(0, |i| out[i].quote),
        speaker: majority,
        independent_reports: 0,
        reprinted_by: 0,
        renditions: out,
        claims: Vec::new(),
    };
    super::reprint::mark_reprints(&mut statement);
    statement
}

/// The speaker most renditions name; among equals, the one named first.
fn majority_speaker(rows: &[Row]) -> Option<String> {
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for (i, row) in rows.iter().enumerate() {
        if let Some(name) = row.speaker.as_ref().filter(|n| !unresolved(n)) {
            let entry = counts.entry(name.to_lowercase()).or_insert((0, i));
            entry.0 += 1;
        }
    }
    let (_, (_, first)) = counts
        .into_iter()
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))?;
    rows[first].speaker.clone()
}

/// The words a range covers, as written, with the brackets of an
/// editor's insertion at either end.
fn slice(words: &Words, text: &str, (a, b): (usize, usize)) -> Option<String> {
    if a >= b {
        return None;
    }
    let (first, last) = (&words.words[a], &words.words[b - 1]);
    let mut start = first.start;
    if first.bracketed {
        start -= text[..start].len() - text[..start].trim_end_matches(['(', '[']).len();
    }
    let mut end = last.end;
    if last.bracketed {
        end += text[end..].len() - text[end..].trim_start_matches([')', ']']).len();
    }
    Some(text[start..end].to_string())
}

/// A name the extractor could not resolve ("she", "he"): it says nothing
/// about who the outlet credits.
fn unresolved(name: &str) -> bool {
    crate::lexicon::Lexicon::builtin()
        .pronouns
        .contains_key(&name.trim().to_lowercase())
}

fn diff_entry(ch: &Change, rw: &Words, rt: &str, qw: &Words, qt: &str) -> DiffEntry {
    DiffEntry {
        op: ch.kind,
        at: ch.at,
        reference: slice(rw, rt, ch.reference),
        text: slice(qw, qt, ch.rendition),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(quote: i64, text: &str, speaker: &str, date: &str) -> Row {
        Row {
            quote,
            text: text.into(),
            speaker: (!speaker.is_empty()).then(|| speaker.into()),
            outlet: Some(format!("Outlet {quote}")),
            date: Some(date.into()),
            article: quote,
            title: None,
            url: None,
            found_by: (!speaker.is_empty() && !unresolved(speaker)).then(|| "explicit".into()),
            confidence: None,
            reprint_of: None,
            words: words(text),
            speaker_id: None,
            said: Said::new(
                (!speaker.is_empty() && !unresolved(speaker)).then_some(speaker),
                Some("person"),
            ),
        }
    }

    #[test]
    fn other_speaker_needs_both_explicit_and_a_strong_match() {
        let full = "It is vital to avoid misunderstandings, miscalculations (and) not to put ourselves in a predicament";
        let flagged = |rows: Vec<Row>| -> Vec<bool> {
            build(1, rows)
                .renditions
                .iter()
                .map(|r| r.flags.contains(&Flag::OtherSpeaker))
                .collect()
        };
        let both = vec![
            row(1, full, "John Kerry", "2015-09-18"),
            row(2, full, "John Kerry", "2015-09-18"),
            row(3, full, "Ash Carter", "2015-09-19"),
        ];
        assert_eq!(flagged(both), [false, false, true]);
        // The other name came from a pronoun the extractor resolved: its
        // reading, not the outlet's claim.
        let mut pronoun = vec![
            row(1, full, "John Kerry", "2015-09-18"),
            row(2, full, "Ash Carter", "2015-09-19"),
        ];
        pronoun[1].found_by = Some("pronoun".into());
        assert_eq!(flagged(pronoun), [false, false]);
        // A fragment credited to someone else is not a strong match.
        let fragment = vec![
            row(1, full, "John Kerry", "2015-09-18"),
            row(
                2,
                "vital to avoid misunderstandings",
                "Ash Carter",
                "2015-09-19",
            ),
        ];
        assert_eq!(flagged(fragment), [false, false]);
        // A surname alone is not someone else.
        let surname = vec![
            row(1, full, "John Kerry", "2015-09-18"),
            row(2, full, "John Kerry", "2015-09-18"),
            row(3, full, "Kerry", "2015-09-19"),
        ];
        assert_eq!(flagged(surname), [false, false, false]);
    }

    #[test]
    fn reference_flags_and_diff() {
        let s = build(
            7,
            vec![
                row(
                    1,
                    "vital to avoid misunderstandings, miscalculations",
                    "John Kerry",
                    "2015-09-18",
                ),
                row(
                    2,
                    "It is vital to avoid misunderstandings, miscalculations (and) not to put ourselves in a predicament",
                    "John Kerry",
                    "2015-09-18",
                ),
                row(
                    3,
                    "It is vital to avoid misunderstandings and not to put ourselves in a predicament",
                    "Ash Carter",
                    "2015-09-19",
                ),
                row(
                    4,
                    "It is key to avoid misunderstandings, miscalculations (and) not to put ourselves in a predicament",
                    "",
                    "2015-09-20",
                ),
            ],
        );
        assert_eq!(s.reference, 2);
        assert_eq!(s.speaker.as_deref(), Some("John Kerry"));
        let r = &s.renditions;
        assert_eq!(r[0].relation, Relation::Partial);
        assert_eq!(r[0].flags, [Flag::First]);
        assert!(r[1].reference && r[1].relation == Relation::Same && r[1].diff.is_empty());
        assert_eq!(r[2].relation, Relation::Altered);
        assert_eq!(r[2].flags, [Flag::OtherSpeaker, Flag::Omission]);
        assert_eq!(r[2].diff[0].reference.as_deref(), Some("miscalculations"));
        assert_eq!(r[3].flags, [Flag::Altered]);
        assert_eq!(r[3].diff[0].op, ChangeKind::Changed);
        assert_eq!(r[3].diff[0].reference.as_deref(), Some("vital"));
        assert_eq!(r[3].diff[0].text.as_deref(), Some("key"));
    }

    #[test]
    fn brackets_stay_with_their_words_and_pronouns_are_no_speaker() {
        let w = words("vital (and) not [the president]");
        let text = "vital (and) not [the president]";
        assert_eq!(slice(&w, text, (1, 3)).as_deref(), Some("(and) not"));
        assert_eq!(slice(&w, text, (3, 5)).as_deref(), Some("[the president]"));
        assert_eq!(slice(&w, text, (2, 2)), None);
        let s = build(
            1,
            vec![
                row(1, "a long remark here", "she", "2020-01-01"),
                row(2, "a long remark here", "Jane Roe", "2020-01-02"),
            ],
        );
        assert_eq!(s.speaker.as_deref(), Some("Jane Roe"));
        assert!(
            s.renditions
                .iter()
                .all(|r| !r.flags.contains(&Flag::OtherSpeaker))
        );
    }

    #[test]
    fn majority_ties_go_to_the_first_named() {
        let rows = vec![
            row(1, "a b c d", "B", "2020-01-01"),
            row(2, "a b c d", "A", "2020-01-02"),
        ];
        assert_eq!(majority_speaker(&rows).as_deref(), Some("B"));
        assert_eq!(majority_speaker(&[]), None);
    }
}
