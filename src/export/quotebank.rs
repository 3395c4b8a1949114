//! JSON Lines in the shape of Quotebank's quotation-centric files
//! (Vaucher et al., 2021), one line per statement, so scripts written for
//! that corpus read ours:
//!
//! ```json
//! {"quoteID": "q12", "quotation": "...", "speaker": "John Kerry",
//!  "qids": [], "date": "2015-09-18 00:00:00", "numOccurrences": 3,
//!  "urls": ["https://..."], "outlets": ["CBC News"], "quote_ids": [12, 40, 77]}
//! ```
//!
//! As in Quotebank, `speaker` is the string `"None"` when nobody was found
//! and `date` is the earliest occurrence; we store days, not times, so the
//! time is always 00:00:00. Quotebank's `probas` and `phase` describe its
//! own model and crawl and are left out. `outlets` and `quote_ids` are ours.
//!
//! A statement is a set of quotes that report the same words by the same
//! speaker. Until statements are tracked (migration 003) quotes are grouped
//! when their normalised text and their speaker are the same; once a quote
//! has a `statement_id`, that is what groups it.

use std::collections::HashMap;
use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use super::ExportRow;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuotebankRecord {
    /// `s<statement id>` for a tracked statement, else `q<first quote id>`.
    #[serde(rename = "quoteID")]
    pub quote_id: String,
    /// The words of the earliest occurrence.
    pub quotation: String,
    pub speaker: String,
    /// Wikidata ids of the speaker, when known.
    pub qids: Vec<String>,
    /// Earliest publication, `YYYY-MM-DD 00:00:00`, or null when undated.
    pub date: Option<String>,
    #[serde(rename = "numOccurrences")]
    pub num_occurrences: usize,
    /// Article URLs, each once, earliest first.
    pub urls: Vec<String>,
    /// Outlets, each once, earliest first.
    pub outlets: Vec<String>,
    pub quote_ids: Vec<i64>,
}

#[derive(Hash, PartialEq, Eq)]
enum Key<'a> {
    Statement(i64),
    Words {
        speaker_id: Option<i64>,
        normalized: &'a str,
    },
}

fn push_once(list: &mut Vec<String>, item: Option<&String>) {
    if let Some(item) = item
        && !list.contains(item)
    {
        list.push(item.clone());
    }
}

/// Group `rows` into statements, in the order each statement first appears
/// (rows come in publication order, so its earliest occurrence comes first).
/// `qids` maps speaker ids to Wikidata ids.
pub fn quotebank_records(rows: &[ExportRow], qids: &HashMap<i64, String>) -> Vec<QuotebankRecord> {
    let mut index: HashMap<Key<'_>, usize> = HashMap::new();
    let mut out: Vec<QuotebankRecord> = Vec::new();
    for row in rows {
        let key = match row.statement_id {
            Some(id) => Key::Statement(id),
            None => Key::Words {
                speaker_id: row.speaker_id,
                normalized: &row.normalized,
            },
        };
        let at = *index.entry(key).or_insert_with(|| {
            out.push(QuotebankRecord {
                quote_id: match row.statement_id {
                    Some(id) => format!("s{id}"),
                    None => format!("q{}", row.quote_id),
                },
                quotation: row.quote.clone(),
                speaker: row.speaker.clone().unwrap_or_else(|| "None".to_string()),
                qids: row
                    .speaker_id
                    .and_then(|id| qids.get(&id))
                    .cloned()
                    .into_iter()
                    .collect(),
                date: None,
                num_occurrences: 0,
                urls: Vec::new(),
                outlets: Vec::new(),
                quote_ids: Vec::new(),
            });
            out.len() - 1
        });
        let record = &mut out[at];
        record.num_occurrences += 1;
        record.quote_ids.push(row.quote_id);
        if let Some(date) = &row.published {
            let stamp = format!("{date} 00:00:00");
            if record.date.as_ref().is_none_or(|d| stamp < *d) {
                record.date = Some(stamp);
            }
        }
        push_once(&mut record.urls, row.article_url.as_ref());
        push_once(&mut record.outlets, row.outlet.as_ref());
    }
    out
}

/// One statement per line.
pub fn write_quotebank(out: &mut impl Write, records: &[QuotebankRecord]) -> Result<()> {
    for record in records {
        serde_json::to_writer(&mut *out, record)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, speaker: Option<i64>, words: &str, date: &str, url: &str) -> ExportRow {
        ExportRow {
            quote_id: id,
            speaker: speaker.map(|s| format!("Speaker {s}")),
            speaker_kind: speaker.map(|_| "person".into()),
            quote: words.into(),
            kind: "direct".into(),
            outlet: Some(format!("Outlet {id}")),
            published: Some(date.into()),
            article_title: None,
            article_url: Some(url.into()),
            article_path: None,
            start: 0,
            end: words.len(),
            cue: None,
            found_by: None,
            confidence: None,
            statement_id: None,
            context: words.into(),
            section: "body".into(),
            speaker_id: speaker,
            normalized: words.to_lowercase(),
        }
    }

    #[test]
    fn same_words_same_speaker_is_one_statement() {
        let rows = [
            row(
                1,
                Some(1),
                "We will act",
                "2024-03-05",
                "https://a.example/1",
            ),
            row(
                2,
                Some(1),
                "we will ACT",
                "2024-03-04",
                "https://b.example/2",
            ),
            row(
                3,
                Some(2),
                "We will act",
                "2024-03-05",
                "https://a.example/1",
            ),
            row(
                4,
                None,
                "Nobody said this",
                "2024-03-06",
                "https://a.example/1",
            ),
        ];
        let qids = HashMap::from([(1, "Q42".to_string())]);
        let records = quotebank_records(&rows, &qids);
        assert_eq!(records.len(), 3);
        let first = &records[0];
        assert_eq!(first.quote_id, "q1");
        assert_eq!(first.quotation, "We will act");
        assert_eq!(first.num_occurrences, 2);
        assert_eq!(first.quote_ids, [1, 2]);
        assert_eq!(first.date.as_deref(), Some("2024-03-04 00:00:00"));
        assert_eq!(first.urls, ["https://a.example/1", "https://b.example/2"]);
        assert_eq!(first.qids, ["Q42"]);
        assert_eq!(records[1].speaker, "Speaker 2");
        assert_eq!(records[2].speaker, "None");
        let line = serde_json::to_string(first).unwrap();
        assert!(
            line.starts_with("{\"quoteID\":\"q1\",\"quotation\":"),
            "{line}"
        );
        assert!(line.contains("\"numOccurrences\":2"), "{line}");
    }

    #[test]
    fn a_tracked_statement_groups_different_words() {
        let mut a = row(
            1,
            Some(1),
            "We will act",
            "2024-03-05",
            "https://a.example/1",
        );
        let mut b = row(
            2,
            Some(1),
            "We will act soon",
            "2024-03-06",
            "https://b.example/2",
        );
        a.statement_id = Some(9);
        b.statement_id = Some(9);
        let records = quotebank_records(&[a, b], &HashMap::new());
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].quote_id, "s9");
        assert_eq!(records[0].num_occurrences, 2);
    }
}
