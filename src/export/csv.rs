//! CSV for spreadsheets: RFC 4180 (CRLF line ends, fields quoted when they
//! hold a comma, a quotation mark or a line break), UTF-8, a header row,
//! and cells that a spreadsheet cannot mistake for a formula.

use std::borrow::Cow;
use std::io::Write;

use anyhow::Result;

use super::ExportRow;

/// The header row, in order.
pub const COLUMNS: [&str; 18] = [
    "quote_id",
    "speaker",
    "speaker_kind",
    "quote",
    "kind",
    "outlet",
    "published",
    "article_title",
    "article_url",
    "article_path",
    "start",
    "end",
    "cue",
    "found_by",
    "confidence",
    "statement_id",
    "context",
    "section",
];

/// A text cell as a spreadsheet should see it. Excel, LibreOffice and
/// Google Sheets run a cell that begins with `=`, `+`, `-` or `@` as a
/// formula (and a leading tab or carriage return can hide one), so an
/// article quoting `=HYPERLINK(...)` could otherwise run it on the reader's
/// machine. Such a cell gets a leading apostrophe, which spreadsheets read
/// as "this is text" (OWASP's advice for CSV injection). Every other cell is
/// left exactly as stored.
pub fn spreadsheet_safe(cell: &str) -> Cow<'_, str> {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

fn text(cell: &Option<String>) -> Cow<'_, str> {
    cell.as_deref().map_or(Cow::Borrowed(""), spreadsheet_safe)
}

/// Write `rows` as CSV with a header row (the header alone when there are no
/// rows, so the file still says what its columns are).
pub fn write_csv(out: &mut impl Write, rows: &[ExportRow]) -> Result<()> {
    let mut csv = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    csv.write_record(COLUMNS)?;
    for row in rows {
        let statement = row
            .statement_id
            .map(|id| id.to_string())
            .unwrap_or_default();
        let (id, start, end) = (
            row.quote_id.to_string(),
            row.start.to_string(),
            row.end.to_string(),
        );
        let confidence = row
            .confidence
            .map(|c| format!("{c:.2}"))
            .unwrap_or_default();
        let record: [Cow<'_, str>; 18] = [
            Cow::Borrowed(&id),
            text(&row.speaker),
            text(&row.speaker_kind),
            spreadsheet_safe(&row.quote),
            Cow::Borrowed(&row.kind),
            text(&row.outlet),
            text(&row.published),
            text(&row.article_title),
            text(&row.article_url),
            text(&row.article_path),
            Cow::Borrowed(&start),
            Cow::Borrowed(&end),
            text(&row.cue),
            text(&row.found_by),
            Cow::Borrowed(&confidence),
            Cow::Borrowed(&statement),
            spreadsheet_safe(&row.context),
            Cow::Borrowed(&row.section),
        ];
        csv.write_record(record.iter().map(|c| c.as_bytes()))?;
    }
    csv.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        for risky in [
            "=HYPERLINK(\"x\")",
            "+1",
            "-2+3",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
        ] {
            assert_eq!(spreadsheet_safe(risky), format!("'{risky}"));
        }
        for plain in ["We will act", "", " =not first", "'quoted", "1+1"] {
            assert!(
                matches!(spreadsheet_safe(plain), Cow::Borrowed(_)),
                "{plain:?}"
            );
        }
    }

    fn row(quote: &str) -> ExportRow {
        ExportRow {
            quote_id: 7,
            speaker: Some("Ann Lee".into()),
            speaker_kind: Some("person".into()),
            quote: quote.into(),
            kind: "direct".into(),
            outlet: None,
            published: Some("2024-03-05".into()),
            article_title: Some("=cmd|' /C calc'!A0".into()),
            article_url: None,
            article_path: None,
            start: 3,
            end: 9,
            cue: Some("said".into()),
            found_by: Some("pronoun".into()),
            confidence: Some(0.9),
            statement_id: None,
            context: format!("\"{quote}\" she said."),
            section: "body".into(),
            speaker_id: None,
            normalized: String::new(),
        }
    }

    #[test]
    fn csv_quotes_what_needs_quoting_and_ends_lines_with_crlf() {
        let mut buf = Vec::new();
        write_csv(&mut buf, &[row("a, \"b\"\nc")]).unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert!(
            text.starts_with("quote_id,speaker,speaker_kind,quote,"),
            "{text}"
        );
        assert!(text.contains("\"a, \"\"b\"\"\nc\""), "{text}");
        assert!(text.contains(",'=cmd|' /C calc'!A0,"), "{text}");
        assert!(text.ends_with("\r\n"));
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        let rec = reader.records().next().unwrap().unwrap();
        assert_eq!(&rec[3], "a, \"b\"\nc");
        assert_eq!(&rec[4], "direct");
        assert_eq!(&rec[12], "said");
        assert_eq!((&rec[13], &rec[14]), ("pronoun", "0.90"));
        assert_eq!(&rec[15], "");
    }

    #[test]
    fn an_empty_export_still_has_its_header() {
        let mut buf = Vec::new();
        write_csv(&mut buf, &[]).unwrap();
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            format!("{}\r\n", COLUMNS.join(","))
        );
    }
}
