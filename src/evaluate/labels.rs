//! The two label files, tab-separated with a header row: one quote pair or
//! one speaker-name pair per line. Columns are found by their header name,
//! so a column added later does not break older readers.

use std::path::Path;

use anyhow::{Context, Result, bail};

/// Whether the two outlets credit a pair's quotes to the same person, as
/// read in the articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Speakers {
    Same,
    Different,
    Unknown,
}

/// A quote where the extractor found it: the article (file name without
/// `.txt`) and its byte span in the article text, end exclusive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteAt {
    pub doc: String,
    pub start: usize,
    pub end: usize,
}

/// Two quotes labelled one utterance (`same`) or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementPair {
    pub same: bool,
    pub speakers: Speakers,
    pub a: QuoteAt,
    pub b: QuoteAt,
    pub note: String,
}

/// Two speaker names, each as the extractor resolved it in its article,
/// labelled one person (`same`) or two.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerPair {
    pub same: bool,
    pub name_a: String,
    pub doc_a: String,
    pub name_b: String,
    pub doc_b: String,
    pub note: String,
}

/// Rows of a label file as (line number, field by column name).
struct Table<'a> {
    header: Vec<&'a str>,
    rows: Vec<(usize, Vec<&'a str>)>,
}

impl<'a> Table<'a> {
    fn parse(text: &'a str, required: &[&str]) -> Result<Table<'a>> {
        let mut lines = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty());
        let Some((_, header)) = lines.next() else {
            bail!("the file is empty; it needs a header row");
        };
        let header: Vec<&str> = header.split('\t').map(str::trim).collect();
        for name in required {
            if !header.contains(name) {
                bail!("the header has no `{name}` column");
            }
        }
        let rows = lines
            .map(|(i, l)| (i + 1, l.split('\t').collect()))
            .collect();
        Ok(Table { header, rows })
    }

    fn get(&self, row: &[&'a str], name: &str) -> &'a str {
        self.header
            .iter()
            .position(|h| *h == name)
            .and_then(|i| row.get(i))
            .map_or("", |v| v.trim())
    }
}

fn same_or_different(value: &str, line: usize) -> Result<bool> {
    match value {
        "same" => Ok(true),
        "different" => Ok(false),
        _ => bail!("line {line}: label {value:?} is neither `same` nor `different`"),
    }
}

fn offset(value: &str, column: &str, line: usize) -> Result<usize> {
    value
        .parse()
        .with_context(|| format!("line {line}: {column} {value:?} is not a byte offset"))
}

/// Parse `statement_pairs.tsv`.
pub fn parse_statement_pairs(text: &str) -> Result<Vec<StatementPair>> {
    let columns = [
        "label", "speakers", "doc_a", "start_a", "end_a", "doc_b", "start_b", "end_b",
    ];
    let table = Table::parse(text, &columns)?;
    let mut pairs = Vec::with_capacity(table.rows.len());
    for (line, row) in &table.rows {
        let line = *line;
        let get = |name| table.get(row, name);
        let speakers = match get("speakers") {
            "same" => Speakers::Same,
            "different" => Speakers::Different,
            "unknown" => Speakers::Unknown,
            other => bail!("line {line}: speakers {other:?} is not same, different or unknown"),
        };
        let quote = |side: &str| -> Result<QuoteAt> {
            let doc = table.get(row, &format!("doc_{side}"));
            if doc.is_empty() {
                bail!("line {line}: doc_{side} is empty");
            }
            let start = offset(table.get(row, &format!("start_{side}")), "start", line)?;
            let end = offset(table.get(row, &format!("end_{side}")), "end", line)?;
            if end <= start {
                bail!("line {line}: the span of side {side} ends before it starts");
            }
            Ok(QuoteAt {
                doc: doc.to_string(),
                start,
                end,
            })
        };
        pairs.push(StatementPair {
            same: same_or_different(get("label"), line)?,
            speakers,
            a: quote("a")?,
            b: quote("b")?,
            note: get("note").to_string(),
        });
    }
    Ok(pairs)
}

/// Parse `speaker_pairs.tsv`.
pub fn parse_speaker_pairs(text: &str) -> Result<Vec<SpeakerPair>> {
    let columns = ["label", "name_a", "doc_a", "name_b", "doc_b"];
    let table = Table::parse(text, &columns)?;
    let mut pairs = Vec::with_capacity(table.rows.len());
    for (line, row) in &table.rows {
        let get = |name| table.get(row, name).to_string();
        for column in ["name_a", "doc_a", "name_b", "doc_b"] {
            if get(column).is_empty() {
                bail!("line {line}: {column} is empty");
            }
        }
        pairs.push(SpeakerPair {
            same: same_or_different(table.get(row, "label"), *line)?,
            name_a: get("name_a"),
            doc_a: get("doc_a"),
            name_b: get("name_b"),
            doc_b: get("doc_b"),
            note: get("note"),
        });
    }
    Ok(pairs)
}

pub fn read_statement_pairs(path: &Path) -> Result<Vec<StatementPair>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    parse_statement_pairs(&text).with_context(|| path.display().to_string())
}

pub fn read_speaker_pairs(path: &Path) -> Result<Vec<SpeakerPair>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    parse_speaker_pairs(&text).with_context(|| path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "label\tspeakers\tdoc_a\tstart_a\tend_a\tdoc_b\tstart_b\tend_b\tsnippet_a\tsnippet_b\tnote\n";

    #[test]
    fn reads_a_statement_pair_by_column_name() {
        let text = format!("{HEADER}same\tdifferent\tx\t1\t9\ty\t20\t30\ta b\tc d\treprint\n");
        let pairs = parse_statement_pairs(&text).unwrap();
        assert_eq!(pairs.len(), 1);
        assert!(pairs[0].same);
        assert_eq!(pairs[0].speakers, Speakers::Different);
        assert_eq!(pairs[0].b.doc, "y");
        assert_eq!((pairs[0].b.start, pairs[0].b.end), (20, 30));
        assert_eq!(pairs[0].note, "reprint");
    }

    #[test]
    fn a_bad_label_names_its_line() {
        let text =
            format!("{HEADER}same\tsame\tx\t1\t9\ty\t2\t3\n\nmaybe\tsame\tx\t1\t9\ty\t2\t3\n");
        let err = parse_statement_pairs(&text).unwrap_err().to_string();
        assert!(err.contains("line 4"), "{err}");
    }

    #[test]
    fn an_empty_span_is_refused() {
        let text = format!("{HEADER}same\tsame\tx\t9\t9\ty\t2\t3\n");
        assert!(parse_statement_pairs(&text).is_err());
    }

    #[test]
    fn a_missing_column_is_refused() {
        assert!(parse_speaker_pairs("label\tname_a\tdoc_a\n").is_err());
    }

    #[test]
    fn reads_a_speaker_pair() {
        let text = "label\tname_a\tdoc_a\tname_b\tdoc_b\tnote\ndifferent\tDonald Trump Jr.\tx\tDonald Trump\ty\tson\n";
        let pairs = parse_speaker_pairs(text).unwrap();
        assert!(!pairs[0].same);
        assert_eq!(pairs[0].name_a, "Donald Trump Jr.");
        assert_eq!(pairs[0].doc_b, "y");
    }
}
