//! Articles and the formats they arrive in: plain text with optional front
//! matter, HTML pages, and JSON Lines with one article per line.
//!
//! Readers turn bytes into an [`Article`]: the text the quote offsets will
//! point into, and what is known of where and when it ran. They never touch
//! the database and never extract quotes.

use std::borrow::Cow;
use std::path::Path;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;

pub mod date;
pub mod html;
pub mod jsonl;
pub mod text;

pub use date::{ACCEPTED_FORMS, DateError, parse_date};

/// One article, ready to extract and store.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// The story's text; quote offsets are UTF-8 byte offsets into it.
    pub text: String,
    pub outlet: Option<String>,
    /// The publication date, when one was given and could be read.
    pub published: Option<NaiveDate>,
    /// The date as the source wrote it, kept even when unreadable so the
    /// user can see what we were given.
    pub published_raw: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    /// Where the article came from: a file path, `file.jsonl:LINE` or `-`.
    pub source: String,
}

impl Article {
    /// Build an article from a reader's text and metadata. `fill` supplies
    /// what the file itself lacks; the file's own values win.
    pub fn new(text: String, meta: Meta, fill: &Meta, source: impl Into<String>) -> Article {
        let meta = meta.or(fill);
        let published = meta.date.as_deref().and_then(|d| parse_date(d).ok());
        Article {
            text,
            outlet: meta.outlet,
            published,
            published_raw: meta.date,
            title: meta.title,
            url: meta.url,
            author: meta.author,
            source: source.into(),
        }
    }

    /// Why the article has no date, if it has none: the caller reports it
    /// rather than letting a dateless article pass unnoticed.
    pub fn date_problem(&self) -> Option<String> {
        if self.published.is_some() {
            return None;
        }
        Some(match self.published_raw.as_deref().map(parse_date) {
            Some(Err(err)) => format!("{err}; stored without a date"),
            _ => "no date found; stored without one (give it with --date or a `date:` line in front matter)".into(),
        })
    }
}

/// Article metadata as a reader or the user wrote it, before parsing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
}

impl Meta {
    /// Each field from `self`, or from `other` where `self` has none.
    pub fn or(self, other: &Meta) -> Meta {
        let pick = |mine: Option<String>, theirs: &Option<String>| mine.or_else(|| theirs.clone());
        Meta {
            outlet: pick(self.outlet, &other.outlet),
            date: pick(self.date, &other.date),
            title: pick(self.title, &other.title),
            url: pick(self.url, &other.url),
            author: pick(self.author, &other.author),
        }
    }
}

/// The input formats, told apart by file extension (or by the first
/// non-blank byte when the extension says nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    JsonLines,
}

impl Format {
    /// The format a file name promises, if it promises one.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" | "md" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            _ => None,
        }
    }

    /// Guess from content, for standard input and unknown extensions.
    pub fn sniff(bytes: &[u8]) -> Format {
        let first = bytes
            .iter()
            .find(|b| !b.is_ascii_whitespace() && **b != 0xEF && **b != 0xBB && **b != 0xBF);
        match first {
            Some(b'<') => Format::Html,
            Some(b'{') => Format::JsonLines,
            _ => Format::Text,
        }
    }
}

/// Read every article in one input's bytes. A JSON Lines file yields one
/// result per line, so one bad line does not lose the rest; other formats
/// yield exactly one.
pub fn read_bytes(bytes: &[u8], format: Format, fill: &Meta, source: &str) -> Vec<Result<Article>> {
    if is_binary(bytes) {
        return vec![Err(anyhow::anyhow!(
            "this looks like a binary file, not an article; give text, HTML or JSON Lines files"
        ))];
    }
    match format {
        Format::JsonLines => jsonl::parse(bytes, fill, source),
        Format::Html => vec![
            html::parse(bytes, source).map(|(meta, text)| Article::new(text, meta, fill, source)),
        ],
        Format::Text => vec![
            utf8(bytes)
                .and_then(|text| text::parse(&text))
                .map(|(meta, text)| Article::new(text, meta, fill, source)),
        ],
    }
    .into_iter()
    .map(|result| result.and_then(non_empty))
    .collect()
}

/// Read a file as [`read_bytes`] does, choosing its format by extension.
pub fn read_path(path: &Path, fill: &Meta) -> Vec<Result<Article>> {
    let source = path.display().to_string();
    match std::fs::read(path).with_context(|| format!("cannot read {source}")) {
        Ok(bytes) => {
            let format = Format::from_path(path).unwrap_or_else(|| Format::sniff(&bytes));
            read_bytes(&bytes, format, fill, &source)
        }
        Err(err) => vec![Err(err)],
    }
}

/// An article with no words cannot hold quotes; storing it would only make a
/// later real copy look like a duplicate.
fn non_empty(article: Article) -> Result<Article> {
    if article.text.trim().is_empty() {
        bail!("no article text found");
    }
    Ok(article)
}

/// Text files must be UTF-8 or carry a byte-order mark (UTF-16 files from
/// Windows tools do): guessing a legacy encoding would silently corrupt
/// names, and offsets depend on the bytes.
fn utf8(bytes: &[u8]) -> Result<Cow<'_, str>> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            bail!(
                "not valid {} text; convert it to UTF-8 first",
                encoding.name()
            );
        }
        return Ok(text);
    }
    std::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|e| {
        anyhow::anyhow!(
            "not UTF-8 text (invalid byte at offset {}); convert it first, e.g. `iconv -f WINDOWS-1252 -t UTF-8`",
            e.valid_up_to()
        )
    })
}

/// NUL bytes never occur in text, HTML or JSON (UTF-16, which is full of
/// them, announces itself with a byte-order mark): an image or archive
/// handed over by mistake should be named as such, not read as gibberish.
fn is_binary(bytes: &[u8]) -> bool {
    encoding_rs::Encoding::for_bom(bytes).is_none() && bytes.contains(&0)
}

/// Collapse runs of whitespace to one space and trim: metadata read from
/// pages arrives with the page's indentation in it.
pub(crate) fn tidy(s: &str) -> Option<String> {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!s.is_empty()).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fill() -> Meta {
        Meta {
            outlet: Some("Filled".into()),
            date: Some("2015-09-18".into()),
            ..Meta::default()
        }
    }

    #[test]
    fn file_values_win_over_fill() {
        let file = b"---\noutlet: From File\n---\nText \"here,\" she said.\n";
        let article = read_bytes(file, Format::Text, &fill(), "a.txt")
            .remove(0)
            .unwrap();
        assert_eq!(article.outlet.as_deref(), Some("From File"));
        assert_eq!(article.published, NaiveDate::from_ymd_opt(2015, 9, 18));
        assert_eq!(article.text, "Text \"here,\" she said.");
        assert_eq!(article.source, "a.txt");
    }

    #[test]
    fn unreadable_date_is_kept_and_reported() {
        let file = b"---\ndate: last Tuesday\n---\nText.\n";
        let article = read_bytes(file, Format::Text, &Meta::default(), "a.txt")
            .remove(0)
            .unwrap();
        assert_eq!(article.published, None);
        assert_eq!(article.published_raw.as_deref(), Some("last Tuesday"));
        assert!(article.date_problem().unwrap().contains("last Tuesday"));
        let undated = read_bytes(b"Text.", Format::Text, &Meta::default(), "b.txt")
            .remove(0)
            .unwrap();
        assert!(undated.date_problem().unwrap().contains("--date"));
    }

    #[test]
    fn bad_bytes_are_errors_not_panics() {
        for bytes in [
            &b"caf\xe9 au lait"[..],
            b"\0\x01\x02",
            b"",
            b"---\ntitle: x\n---\n   \n",
        ] {
            let result = read_bytes(bytes, Format::Text, &Meta::default(), "x").remove(0);
            assert!(result.is_err(), "{bytes:?}");
        }
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_read() {
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hi \"there\".".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let article = read_bytes(&bytes, Format::Text, &Meta::default(), "x")
            .remove(0)
            .unwrap();
        assert_eq!(article.text, "Hi \"there\".");
        let err = read_bytes(b"<html>\0\0</html>", Format::Html, &Meta::default(), "x")
            .remove(0)
            .unwrap_err();
        assert!(err.to_string().contains("binary"), "{err}");
    }

    #[test]
    fn formats() {
        assert_eq!(Format::from_path(Path::new("a/b.HTML")), Some(Format::Html));
        assert_eq!(
            Format::from_path(Path::new("a.jsonl")),
            Some(Format::JsonLines)
        );
        assert_eq!(Format::from_path(Path::new("a.txt")), Some(Format::Text));
        assert_eq!(Format::from_path(Path::new("a")), None);
        assert_eq!(Format::sniff(b"\n  <!doctype html>"), Format::Html);
        assert_eq!(Format::sniff(b"{\"text\": 1}"), Format::JsonLines);
        assert_eq!(Format::sniff(b"Once"), Format::Text);
    }
}
