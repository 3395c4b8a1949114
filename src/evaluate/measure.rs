//! The figures: statement pair precision and recall (all pairs, pairs
//! across outlets, pairs with a short side), joined pairs nobody labelled,
//! `other_speaker` flags judged against the labels, and identity precision
//! and recall over speaker-name pairs.

use std::collections::{HashMap, HashSet};
use std::fmt;

use anyhow::Result;
use rusqlite::Connection;

use super::corpus::doc_name;
use super::labels::{QuoteAt, SpeakerPair, Speakers, StatementPair};
use crate::track::normalize::words;
use crate::track::{Flag, trace};

/// A side of six words or fewer is "short": the fragments that join
/// statements through a stock phrase.
pub const SHORT_WORDS: usize = 6;

/// Predicted against labelled, for one kind of pair.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Labelled same and predicted same.
    pub right: usize,
    /// Predicted same, labelled different.
    pub wrong: usize,
    /// Labelled same, not predicted same.
    pub missed: usize,
}

impl Counts {
    fn add(&mut self, labelled: bool, predicted: bool) {
        match (labelled, predicted) {
            (true, true) => self.right += 1,
            (false, true) => self.wrong += 1,
            (true, false) => self.missed += 1,
            (false, false) => {}
        }
    }

    /// Of the pairs predicted same, the share labelled same (1 when none
    /// is predicted: nothing was claimed wrongly).
    pub fn precision(&self) -> f64 {
        ratio(self.right, self.right + self.wrong)
    }

    /// Of the pairs labelled same, the share predicted same.
    pub fn recall(&self) -> f64 {
        ratio(self.right, self.right + self.missed)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// `other_speaker` flags judged by the labelled pair of the flagged
/// rendition with a rendition crediting the statement's majority speaker.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FlagCounts {
    pub total: usize,
    /// On a pair labelled one utterance whose outlets credit different
    /// people: a real misattribution.
    pub right: usize,
    /// On a pair labelled different remarks.
    pub on_different: usize,
    /// On a pair labelled one utterance credited to the same person by
    /// both outlets: the tool's own speaker error.
    pub on_same_speaker: usize,
    /// On a same pair whose speakers the labeller could not tell, or on
    /// no labelled pair.
    pub unjudged: usize,
}

impl FlagCounts {
    pub fn false_flags(&self) -> usize {
        self.on_different + self.on_same_speaker
    }
}

/// A stored quote, where it is and what it renders.
#[derive(Debug, Clone)]
struct Stored {
    id: i64,
    start: usize,
    end: usize,
    statement: Option<i64>,
}

/// Everything measured.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub pairs: Counts,
    /// Pairs with at least one side from each outlet, by outlet name: the
    /// spread across publishers (the thresholds are set on the whole
    /// split, so this is not a held-out figure).
    pub by_outlet: std::collections::BTreeMap<String, Counts>,
    pub cross_outlet: Counts,
    pub short_side: Counts,
    /// Labelled pairs with a side no stored quote overlaps enough.
    pub unmatched: usize,
    /// Joined pairs (quote ids, described) that no labelled pair covers.
    pub unlabelled_joins: Vec<String>,
    pub flags: FlagCounts,
    /// Flagged renditions on no labelled pair, described, for labelling.
    pub unjudged_flags: Vec<String>,
    /// Every flag, described, with its verdict (`right`, `on_different`,
    /// `on_same_speaker`, `unjudged`), to read what the flags accuse.
    pub flag_verdicts: Vec<(&'static str, String)>,
    pub identity: Counts,
    /// Speaker pairs with a name not found among its doc's quotes.
    pub names_not_found: Vec<String>,
    /// Speaker pairs left out of [`Report::identity`] because a name was
    /// not found.
    pub identity_left_out: usize,
    /// Speaker pairs the identity layer got wrong (`wrong`: joined, labelled
    /// different; `missed`: kept apart or not found, labelled same), described.
    pub identity_errors: Vec<(&'static str, String)>,
    pub statement_labels: usize,
    pub speaker_labels: usize,
}

impl Report {
    /// The figures by the names `tests/trust/floors.txt` uses; for a
    /// `max_` figure lower is better.
    pub fn figures(&self) -> Vec<(&'static str, f64)> {
        vec![
            ("pair_precision", self.pairs.precision()),
            ("pair_recall", self.pairs.recall()),
            ("cross_outlet_precision", self.cross_outlet.precision()),
            ("cross_outlet_recall", self.cross_outlet.recall()),
            ("short_side_precision", self.short_side.precision()),
            ("short_side_recall", self.short_side.recall()),
            ("identity_precision", self.identity.precision()),
            ("identity_recall", self.identity.recall()),
            ("max_false_other_speaker", self.flags.false_flags() as f64),
            (
                "max_other_speaker_on_different",
                self.flags.on_different as f64,
            ),
        ]
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let line = |f: &mut fmt::Formatter<'_>, what: &str, c: &Counts| {
            writeln!(
                f,
                "{what:<28} precision {:.3}  recall {:.3}  ({} right, {} wrong, {} missed)",
                c.precision(),
                c.recall(),
                c.right,
                c.wrong,
                c.missed
            )
        };
        writeln!(
            f,
            "Labelled: {} quote pairs, {} speaker-name pairs ({} quote pairs with a side not stored)",
            self.statement_labels, self.speaker_labels, self.unmatched
        )?;
        line(f, "statement pairs", &self.pairs)?;
        line(f, "  across outlets", &self.cross_outlet)?;
        line(
            f,
            &format!("  a side of <= {SHORT_WORDS} words"),
            &self.short_side,
        )?;
        writeln!(
            f,
            "joined pairs not labelled   {}",
            self.unlabelled_joins.len()
        )?;
        let fl = &self.flags;
        writeln!(
            f,
            "other_speaker flags         {} total, {} false ({} on different remarks, {} on one speaker), {} right, {} unjudged",
            fl.total,
            fl.false_flags(),
            fl.on_different,
            fl.on_same_speaker,
            fl.right,
            fl.unjudged
        )?;
        line(f, "identity (speaker pairs)", &self.identity)?;
        if !self.names_not_found.is_empty() {
            writeln!(
                f,
                "speaker names not found     {} ({} pairs left out of identity)",
                self.names_not_found.len(),
                self.identity_left_out
            )?;
        }
        Ok(())
    }
}

/// The stored database as the measure needs it.
struct Db {
    /// Quotes by doc, in text order.
    quotes: HashMap<String, Vec<Stored>>,
    /// Article text and outlet by doc.
    articles: HashMap<String, (String, Option<String>)>,
}

fn load(conn: &Connection) -> Result<Db> {
    let mut articles = HashMap::new();
    let mut doc_of = HashMap::new();
    let mut stmt = conn.prepare(
        "SELECT a.id, a.path, a.text, o.name FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
        ))
    })?;
    for row in rows {
        let (id, path, text, outlet) = row?;
        let doc = doc_name(path.as_deref().unwrap_or("")).to_string();
        doc_of.insert(id, doc.clone());
        articles.insert(doc, (text, outlet));
    }
    let mut quotes: HashMap<String, Vec<Stored>> = HashMap::new();
    let mut stmt = conn.prepare(
        "SELECT q.id, q.article_id, q.byte_start, q.byte_end, r.statement_id
         FROM quotes q LEFT JOIN renditions r ON r.quote_id = q.id
         WHERE q.kind <> 'indirect'
         ORDER BY q.article_id, q.byte_start",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, i64>(3)?,
            r.get::<_, Option<i64>>(4)?,
        ))
    })?;
    for row in rows {
        let (id, article, start, end, statement) = row?;
        if let Some(doc) = doc_of.get(&article) {
            quotes.entry(doc.clone()).or_default().push(Stored {
                id,
                start: start as usize,
                end: end as usize,
                statement,
            });
        }
    }
    Ok(Db { quotes, articles })
}

/// The stored quote a labelled span stands for: the one overlapping it by
/// at least half of the shorter of the two, the most overlapping first.
fn match_quote<'a>(db: &'a Db, at: &QuoteAt) -> Option<&'a Stored> {
    db.quotes
        .get(&at.doc)?
        .iter()
        .filter_map(|q| {
            let overlap = q.end.min(at.end).saturating_sub(q.start.max(at.start));
            let shorter = (q.end - q.start).min(at.end - at.start).max(1);
            (overlap * 2 >= shorter).then_some((overlap, q))
        })
        .max_by_key(|(overlap, _)| *overlap)
        .map(|(_, q)| q)
}

impl Db {
    fn outlet(&self, doc: &str) -> Option<&str> {
        self.articles.get(doc).and_then(|(_, o)| o.as_deref())
    }

    /// The labelled span's words, read from the article text (so a side
    /// the extractor missed still has a length).
    fn word_count(&self, at: &QuoteAt) -> usize {
        self.articles
            .get(&at.doc)
            .and_then(|(text, _)| text.get(at.start..at.end))
            .map_or(usize::MAX, |t| words(t).len())
    }
}

/// Measure the database behind `conn` against the labels.
pub fn measure(
    conn: &Connection,
    statement_pairs: &[StatementPair],
    speaker_pairs: &[SpeakerPair],
) -> Result<Report> {
    let db = load(conn)?;
    let mut report = Report {
        statement_labels: statement_pairs.len(),
        speaker_labels: speaker_pairs.len(),
        ..Report::default()
    };
    // Labels by the stored quote ids they stand for, to judge joins and flags.
    let mut labelled: HashMap<(i64, i64), &StatementPair> = HashMap::new();
    for pair in statement_pairs {
        let (a, b) = (match_quote(&db, &pair.a), match_quote(&db, &pair.b));
        if a.is_none() || b.is_none() {
            report.unmatched += 1;
        }
        let predicted = match (a, b) {
            (Some(a), Some(b)) => {
                labelled.insert(key(a.id, b.id), pair);
                a.id != b.id && a.statement.is_some() && a.statement == b.statement
            }
            _ => false,
        };
        report.pairs.add(pair.same, predicted);
        let mut outlets = vec![db.outlet(&pair.a.doc), db.outlet(&pair.b.doc)];
        outlets.dedup();
        for outlet in outlets.into_iter().flatten() {
            report
                .by_outlet
                .entry(outlet.to_string())
                .or_default()
                .add(pair.same, predicted);
        }
        if db.outlet(&pair.a.doc) != db.outlet(&pair.b.doc) {
            report.cross_outlet.add(pair.same, predicted);
        }
        if db.word_count(&pair.a).min(db.word_count(&pair.b)) <= SHORT_WORDS {
            report.short_side.add(pair.same, predicted);
        }
    }
    let doc_by_quote: HashMap<i64, (&str, &Stored)> = db
        .quotes
        .iter()
        .flat_map(|(doc, qs)| qs.iter().map(move |q| (q.id, (doc.as_str(), q))))
        .collect();
    let describe = |id: i64| match doc_by_quote.get(&id) {
        Some((doc, q)) => format!("{doc}\t{}\t{}", q.start, q.end),
        None => format!("quote {id}"),
    };
    let mut statements: HashMap<i64, Vec<i64>> = HashMap::new();
    for (id, (_, q)) in &doc_by_quote {
        if let Some(s) = q.statement {
            statements.entry(s).or_default().push(*id);
        }
    }
    let mut joined: Vec<(i64, Vec<i64>)> = statements
        .into_iter()
        .filter(|(_, ids)| ids.len() > 1)
        .collect();
    joined.sort();
    for (_, ids) in &mut joined {
        ids.sort_unstable();
        for (i, &a) in ids.iter().enumerate() {
            for &b in &ids[i + 1..] {
                if !labelled.contains_key(&key(a, b)) {
                    report
                        .unlabelled_joins
                        .push(format!("{}\t{}", describe(a), describe(b)));
                }
            }
        }
    }
    for (statement, _) in &joined {
        judge_flags(conn, *statement, &labelled, &describe, &mut report)?;
    }
    measure_identity(conn, speaker_pairs, &mut report)?;
    Ok(report)
}

fn key(a: i64, b: i64) -> (i64, i64) {
    (a.min(b), a.max(b))
}

/// Each `other_speaker` flag of one statement, judged by the labelled
/// pairs of the flagged rendition with renditions crediting the speaker
/// the flag says it departs from.
fn judge_flags(
    conn: &Connection,
    statement: i64,
    labelled: &HashMap<(i64, i64), &StatementPair>,
    describe: &dyn Fn(i64) -> String,
    report: &mut Report,
) -> Result<()> {
    let traced = trace(conn, statement)?;
    let Some(majority) = traced.speaker.as_deref() else {
        return Ok(());
    };
    for flagged in traced
        .renditions
        .iter()
        .filter(|r| r.flags.contains(&Flag::OtherSpeaker))
    {
        report.flags.total += 1;
        let verdicts: Vec<&StatementPair> = traced
            .renditions
            .iter()
            .filter(|r| {
                r.quote != flagged.quote
                    && r.speaker
                        .as_deref()
                        .is_some_and(|s| s.eq_ignore_ascii_case(majority))
            })
            .filter_map(|r| labelled.get(&key(r.quote, flagged.quote)).copied())
            .collect();
        let fl = &mut report.flags;
        let verdict = if verdicts
            .iter()
            .any(|p| p.same && p.speakers == Speakers::Different)
        {
            fl.right += 1;
            "right"
        } else if verdicts.iter().any(|p| !p.same) {
            fl.on_different += 1;
            "on_different"
        } else if verdicts
            .iter()
            .any(|p| p.same && p.speakers == Speakers::Same)
        {
            fl.on_same_speaker += 1;
            "on_same_speaker"
        } else {
            fl.unjudged += 1;
            "unjudged"
        };
        let described = format!(
            "{}	{}	against {majority}",
            describe(flagged.quote),
            flagged.speaker.as_deref().unwrap_or("")
        );
        if verdict == "unjudged" {
            report.unjudged_flags.push(described.clone());
        }
        report.flag_verdicts.push((verdict, described));
    }
    Ok(())
}

/// The speaker id most of `doc`'s quotes under `name` (as the extractor
/// resolved it there) are assigned to; when no quote there has the name,
/// most of its claims (identity joins the speakers of both).
fn speaker_id(conn: &Connection, doc: &str, name: &str) -> Result<Option<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT q.speaker_id, a.path, q.kind = 'indirect' FROM quotes q
         JOIN articles a ON a.id = q.article_id
         WHERE q.speaker_name = ?1 COLLATE NOCASE AND q.speaker_id IS NOT NULL",
    )?;
    // Counts from quotes, then from claims.
    let mut counts: [HashMap<i64, usize>; 2] = [HashMap::new(), HashMap::new()];
    let rows = stmt.query_map([name], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, bool>(2)?,
        ))
    })?;
    for row in rows {
        let (id, path, claim) = row?;
        if doc_name(path.as_deref().unwrap_or("")) == doc {
            *counts[usize::from(claim)].entry(id).or_default() += 1;
        }
    }
    Ok(counts.into_iter().find_map(|c| {
        c.into_iter()
            .max_by_key(|&(id, n)| (n, std::cmp::Reverse(id)))
            .map(|(id, _)| id)
    }))
}

fn measure_identity(conn: &Connection, pairs: &[SpeakerPair], report: &mut Report) -> Result<()> {
    let mut missing = HashSet::new();
    for pair in pairs {
        let a = speaker_id(conn, &pair.doc_a, &pair.name_a)?;
        let b = speaker_id(conn, &pair.doc_b, &pair.name_b)?;
        for (id, name, doc) in [
            (a, &pair.name_a, &pair.doc_a),
            (b, &pair.name_b, &pair.doc_b),
        ] {
            if id.is_none() && missing.insert((name.clone(), doc.clone())) {
                report.names_not_found.push(format!("{name}\t{doc}"));
            }
        }
        // A pair whose name the extractor no longer writes in its doc
        // (the quotes went to the right person, or a headline fragment is
        // no longer read as a name) says nothing of identity: it is left
        // out and listed, for relabelling.
        if a.is_none() || b.is_none() {
            report.identity_left_out += 1;
            continue;
        }
        let predicted = a == b;
        report.identity.add(pair.same, predicted);
        if pair.same != predicted {
            let verdict = if predicted { "wrong" } else { "missed" };
            report.identity_errors.push((
                verdict,
                format!(
                    "{} ({}) / {} ({})",
                    pair.name_a, pair.doc_a, pair.name_b, pair.doc_b
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_and_recall_count_what_they_should() {
        let mut c = Counts::default();
        c.add(true, true);
        c.add(true, true);
        c.add(false, true);
        c.add(true, false);
        c.add(false, false);
        assert_eq!((c.right, c.wrong, c.missed), (2, 1, 1));
        assert!((c.precision() - 2.0 / 3.0).abs() < 1e-9);
        assert!((c.recall() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(Counts::default().precision(), 1.0);
    }

    fn db_with(quotes: Vec<Stored>) -> Db {
        Db {
            quotes: HashMap::from([("d".to_string(), quotes)]),
            articles: HashMap::new(),
        }
    }

    fn at(start: usize, end: usize) -> QuoteAt {
        QuoteAt {
            doc: "d".into(),
            start,
            end,
        }
    }

    #[test]
    fn a_span_matches_the_quote_covering_half_of_the_shorter() {
        let db = db_with(vec![
            Stored {
                id: 1,
                start: 0,
                end: 10,
                statement: None,
            },
            Stored {
                id: 2,
                start: 20,
                end: 40,
                statement: None,
            },
        ]);
        // 5 of the 10 bytes of quote 1: half of the shorter.
        assert_eq!(match_quote(&db, &at(5, 30)).map(|q| q.id), Some(2));
        assert_eq!(match_quote(&db, &at(5, 12)).map(|q| q.id), Some(1));
        // 4 bytes of a 10-byte span overlap quote 2: not enough.
        assert!(match_quote(&db, &at(14, 24)).is_none());
        assert!(
            match_quote(
                &db,
                &QuoteAt {
                    doc: "e".into(),
                    start: 0,
                    end: 5
                }
            )
            .is_none()
        );
    }
}
