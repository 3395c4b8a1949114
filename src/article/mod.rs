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
pub mod outlets;
pub mod sentence;
pub mod text;
pub mod warc;

pub use date::{ACCEPTED_FORMS, DateError, DateSource, parse_date};

/// One article, ready to extract and store.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// The story's body; quote offsets are UTF-8 byte offsets into it, or,
    /// past its end, into [`Article::full_text`].
    pub text: String,
    /// The article's figure captions, a paragraph each, when it has any
    /// (HTML pages): the article's words but not its body. They follow the
    /// body in [`Article::full_text`], after [`CAPTIONS_SEPARATOR`].
    pub captions: Option<String>,
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
    /// The address the page gives as its own (`<link rel=canonical>`,
    /// `og:url`) when it was fetched from another (`url`).
    pub canonical_url: Option<String>,
    /// Where `published` came from, when there is one.
    pub date_source: Option<DateSource>,
    /// Dates the article offered that were placeholders (before 1990,
    /// after tomorrow) and so not used, each with why: reported as a
    /// warning whether or not another date was found.
    pub placeholder_dates: Vec<String>,
}

/// What joins the body and the captions in [`Article::full_text`]: a
/// blank line, so each caption is a paragraph of its own.
pub const CAPTIONS_SEPARATOR: &str = "\n\n";

impl Article {
    /// The text quotes are extracted from and their offsets point into: the
    /// body, then the captions (if any) after a blank line. A quote at or
    /// after [`Article::body_end`] came from a caption.
    pub fn full_text(&self) -> Cow<'_, str> {
        match &self.captions {
            Some(captions) => Cow::Owned(format!("{}{CAPTIONS_SEPARATOR}{captions}", self.text)),
            None => Cow::Borrowed(&self.text),
        }
    }

    /// Where the body ends in [`Article::full_text`] when captions follow
    /// it; `None` when the whole text is body.
    pub fn body_end(&self) -> Option<usize> {
        self.captions.as_ref().map(|_| self.text.len())
    }

    /// Build an article from a reader's text and metadata. `fill` supplies
    /// what the file itself lacks; the file's own values win.
    pub fn new(text: String, meta: Meta, fill: &Meta, source: impl Into<String>) -> Article {
        let dates = candidate_dates(&meta, fill);
        let meta = meta.or(fill);
        let mut article = Article {
            text,
            outlet: meta.outlet,
            title: meta.title,
            url: meta.url,
            author: meta.author,
            source: source.into(),
            ..Article::default()
        };
        article.choose_date(dates);
        article
    }

    /// Take the most trusted of the dates offered that can be read and is
    /// not a placeholder (see [`DateSource`] for the order). When none can,
    /// the first one offered is kept as written, for [`Article::date_problem`]
    /// to report.
    pub fn choose_date(&mut self, mut dates: Vec<(DateSource, String)>) {
        dates.sort_by_key(|(source, _)| *source);
        self.published = None;
        self.published_raw = dates.first().map(|(_, raw)| raw.clone());
        self.date_source = None;
        self.placeholder_dates.clear();
        for (source, raw) in dates {
            let Ok(date) = parse_date(&raw) else { continue };
            // The user's own --date is taken as given.
            if source != DateSource::Given
                && let Some(why) = date::placeholder(date)
            {
                self.placeholder_dates
                    .push(format!("{} date {raw:?}: {why}", source.as_str()));
                continue;
            }
            // Dates less trusted than this one are not looked at, nor
            // warned about.
            self.published = Some(date);
            self.published_raw = Some(raw);
            self.date_source = Some(source);
            break;
        }
    }

    /// Why the article has no date, if it has none: the caller reports it
    /// rather than letting a dateless article pass unnoticed.
    pub fn date_problem(&self) -> Option<String> {
        if self.published.is_some() {
            return None;
        }
        if let Some(placeholder) = self.placeholder_dates.first() {
            return Some(format!("{placeholder}; stored without a date"));
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
    /// Where `date` came from; `None` means an article's own date field
    /// ([`DateSource::Field`]) for a reader's metadata, `--date`
    /// ([`DateSource::Given`]) for the caller's fill.
    pub date_source: Option<DateSource>,
    /// Other dates the article offers, each with where it came from (a
    /// page's modified date, a `<time>` element): used when `date` is a
    /// placeholder or missing.
    pub more_dates: Vec<(DateSource, String)>,
}

/// Every date offered for an article: its own metadata's, then the fill's,
/// then one in its URL.
fn candidate_dates(own: &Meta, fill: &Meta) -> Vec<(DateSource, String)> {
    let mut dates = Vec::new();
    let mut add = |meta: &Meta, default: DateSource| {
        if let Some(date) = &meta.date {
            dates.push((meta.date_source.unwrap_or(default), date.clone()));
        }
        dates.extend(meta.more_dates.iter().cloned());
    };
    add(own, DateSource::Field);
    add(fill, DateSource::Given);
    if let Some(date) = [own.url.as_deref(), fill.url.as_deref()]
        .into_iter()
        .flatten()
        .find_map(date::date_in_url)
    {
        dates.push((DateSource::Url, date.format("%Y-%m-%d").to_string()));
    }
    dates
}

impl Meta {
    /// Each field from `self`, or from `other` where `self` has none.
    pub fn or(self, other: &Meta) -> Meta {
        let pick = |mine: Option<String>, theirs: &Option<String>| mine.or_else(|| theirs.clone());
        let has_date = self.date.is_some();
        Meta {
            outlet: pick(self.outlet, &other.outlet),
            date: pick(self.date, &other.date),
            title: pick(self.title, &other.title),
            url: pick(self.url, &other.url),
            author: pick(self.author, &other.author),
            date_source: if has_date {
                self.date_source
            } else {
                other.date_source
            },
            more_dates: self
                .more_dates
                .into_iter()
                .chain(
                    // Another source's date, overridden here, is still a
                    // candidate should this one be a placeholder.
                    other
                        .date
                        .clone()
                        .filter(|_| has_date)
                        .map(|d| (other.date_source.unwrap_or(DateSource::Field), d)),
                )
                .chain(other.more_dates.iter().cloned())
                .collect(),
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
    /// The format a file name promises, if it promises one. A gzipped
    /// file (`story.html.gz`) promises what its name without `.gz` does.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        if ext == "gz" {
            return Format::from_path(Path::new(path.file_stem()?));
        }
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
    read(bytes, format, fill, source).articles
}

/// What one input gave: its articles (or why each could not be read), and
/// warnings about the input as a whole, such as a guessed encoding.
#[derive(Debug, Default)]
pub struct Read {
    pub articles: Vec<Result<Article>>,
    pub warnings: Vec<String>,
}

/// [`read_bytes`], keeping the warnings for the caller to report.
pub fn read(bytes: &[u8], format: Format, fill: &Meta, source: &str) -> Read {
    if let Some(why) = binary_or_empty(bytes) {
        return Read {
            articles: vec![Err(anyhow::anyhow!(why))],
            warnings: Vec::new(),
        };
    }
    let mut warnings = Vec::new();
    let articles = match format {
        Format::JsonLines => match decode_text(bytes) {
            Ok((text, warning)) => {
                warnings.extend(warning);
                jsonl::parse(text.as_bytes(), fill, source)
            }
            Err(err) => vec![Err(err)],
        },
        Format::Html => vec![
            html::parse(bytes, source).map(|(meta, text, captions)| Article {
                captions,
                ..Article::new(text, meta, fill, source)
            }),
        ],
        Format::Text => vec![
            decode_text(bytes)
                .and_then(|(text, warning)| {
                    warnings.extend(warning);
                    text::parse(&text)
                })
                .map(|(meta, text)| Article::new(text, meta, fill, source)),
        ],
    }
    .into_iter()
    .map(|result| result.and_then(non_empty))
    .collect();
    Read { articles, warnings }
}

/// Read a file as [`read_bytes`] does, choosing its format by extension.
pub fn read_path(path: &Path, fill: &Meta) -> Vec<Result<Article>> {
    read_file(path, fill).articles
}

/// [`read_path`], keeping the warnings for the caller to report. A
/// gzip-compressed file (`story.html.gz`, or any file starting with the
/// gzip magic bytes) is decompressed first, up to [`MAX_GUNZIPPED`].
pub fn read_file(path: &Path, fill: &Meta) -> Read {
    let source = path.display().to_string();
    let bytes = std::fs::read(path)
        .with_context(|| format!("cannot read {source}"))
        .and_then(|bytes| gunzip(bytes, MAX_GUNZIPPED));
    match bytes {
        Ok(bytes) => {
            let format = Format::from_path(path).unwrap_or_else(|| Format::sniff(&bytes));
            read(&bytes, format, fill, &source)
        }
        Err(err) => Read {
            articles: vec![Err(err)],
            warnings: Vec::new(),
        },
    }
}

/// The most bytes a gzipped article file may decompress to: far above any
/// real page or article file, low enough that a gzip bomb cannot fill memory.
pub const MAX_GUNZIPPED: u64 = 64 << 20;

/// `bytes` decompressed when they are gzip-compressed (they start with the
/// gzip magic bytes), as they are otherwise. More than `limit` bytes once
/// decompressed is an error, as is a gzip stream that cannot be read.
pub fn gunzip(bytes: Vec<u8>, limit: u64) -> Result<Vec<u8>> {
    use std::io::Read as _;
    if !bytes.starts_with(b"\x1f\x8b") {
        return Ok(bytes);
    }
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(&bytes[..])
        .take(limit + 1)
        .read_to_end(&mut out)
        .context("gzip-compressed, but cannot be decompressed (a truncated or damaged file?)")?;
    if out.len() as u64 > limit {
        bail!(
            "gzip-compressed, and decompresses to more than {} MB; not read (gunzip it first if it really is one article)",
            limit >> 20
        );
    }
    Ok(out)
}

/// An article with no words cannot hold quotes; storing it would only make a
/// later real copy look like a duplicate.
/// The article, or an error when it has no text.
pub fn non_empty(article: Article) -> Result<Article> {
    if article.full_text().trim().is_empty() {
        bail!("no article text found");
    }
    Ok(article)
}

/// Decode an article file's bytes to text, and say so when the encoding
/// had to be guessed.
///
/// - A byte-order mark (UTF-8, UTF-16LE/BE) names the encoding and is
///   dropped.
/// - Valid UTF-8 is taken as it is, without copying.
/// - Anything else is read as Windows-1252, the encoding of most legacy news
///   text (a superset of Latin-1 with curly quotes at 0x93/0x94); every
///   byte decodes, so nothing is rejected, but the warning returned says
///   what was assumed and how to convert the file if the guess is wrong.
///
/// Quote offsets are always UTF-8 byte offsets into the decoded text, not
/// into the file's bytes.
pub fn decode_text(bytes: &[u8]) -> Result<(Cow<'_, str>, Option<String>)> {
    let bytes = match encoding_rs::Encoding::for_bom(bytes) {
        Some((encoding, bom)) if encoding != encoding_rs::UTF_8 => {
            let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
            if had_errors {
                bail!(
                    "not valid {} text although it starts with a {0} byte-order mark; convert it to UTF-8 first, e.g. `iconv -f {0} -t UTF-8`",
                    encoding.name()
                );
            }
            return Ok((text, None));
        }
        Some((_, bom)) => &bytes[bom..],
        None => bytes,
    };
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((Cow::Borrowed(text), None)),
        Err(e) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            let warning = format!(
                "not UTF-8 (invalid byte 0x{:02X} at offset {}), so read as Windows-1252; if accented letters look wrong, convert the file to UTF-8 first, e.g. `iconv -f ISO-8859-15 -t UTF-8`",
                bytes[e.valid_up_to()],
                e.valid_up_to()
            );
            Ok((text, Some(warning)))
        }
    }
}

/// Why these bytes are not an article at all, if they are not: an empty
/// file, or a binary one (an image, PDF or archive handed over by mistake)
/// that should be named as such rather than read as gibberish.
fn binary_or_empty(bytes: &[u8]) -> Option<String> {
    if bytes.is_empty() {
        return Some("the file is empty".into());
    }
    let kind = binary_kind(bytes)?;
    Some(format!(
        "this looks like a binary file ({kind}), not an article; give text, HTML or JSON Lines files"
    ))
}

/// What kind of binary file these bytes are, if they look like one. NUL
/// bytes never occur in text, HTML or JSON (UTF-16, which is full of them,
/// announces itself with a byte-order mark); other control bytes are rare
/// in text, so many of them near the start mean binary too.
pub fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    if encoding_rs::Encoding::for_bom(bytes).is_some_and(|(e, _)| e != encoding_rs::UTF_8) {
        return None;
    }
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF"),
        (b"PK\x03\x04", "a ZIP archive or office document"),
        (b"\x1f\x8b", "gzip-compressed"),
        (b"\x89PNG", "a PNG image"),
        (b"GIF8", "a GIF image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"SQLite format 3\0", "an SQLite database"),
        (b"\x7fELF", "a program"),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some(kind);
    }
    if bytes.contains(&0) {
        return Some("it contains NUL bytes");
    }
    let head = &bytes[..bytes.len().min(8192)];
    let odd = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    (odd * 16 > head.len()).then_some("it is full of control bytes")
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
    fn the_most_trusted_real_date_wins() {
        let mut article = Article::default();
        article.choose_date(vec![
            (DateSource::Modified, "0001-01-01".into()),
            (DateSource::Url, "2016-03-04".into()),
            (DateSource::Published, "1970-01-01T00:00:00Z".into()),
            (DateSource::Feed, "next week".into()),
        ]);
        assert_eq!(article.published, NaiveDate::from_ymd_opt(2016, 3, 4));
        assert_eq!(article.date_source, Some(DateSource::Url));
        // The published placeholder is reported; the modified one, less
        // trusted than the date used, is not looked at.
        assert_eq!(
            article.placeholder_dates.len(),
            1,
            "{:?}",
            article.placeholder_dates
        );
        assert!(article.placeholder_dates[0].starts_with("published date"));
        // --date is the user's word, even for 1985.
        article.choose_date(vec![(DateSource::Given, "1985-06-01".into())]);
        assert_eq!(article.published, NaiveDate::from_ymd_opt(1985, 6, 1));
        // Front matter of an archive says 1985: a placeholder all the same.
        let old = read_bytes(
            b"---\ndate: 1985-06-01\n---\nText.",
            Format::Text,
            &Meta::default(),
            "x",
        )
        .remove(0)
        .unwrap();
        assert_eq!(old.published, None);
        assert!(old.date_problem().unwrap().contains("placeholder"));
    }

    #[test]
    fn bad_bytes_are_errors_not_panics() {
        for bytes in [&b"\0\x01\x02"[..], b"", b"---\ntitle: x\n---\n   \n"] {
            let result = read_bytes(bytes, Format::Text, &Meta::default(), "x").remove(0);
            assert!(result.is_err(), "{bytes:?}");
        }
    }

    #[test]
    fn windows_1252_is_read_with_a_warning() {
        let read = read(
            b"caf\xe9 \x93au lait,\x94 she said.",
            Format::Text,
            &Meta::default(),
            "x",
        );
        assert_eq!(
            read.articles[0].as_ref().unwrap().text,
            "caf\u{e9} \u{201c}au lait,\u{201d} she said."
        );
        assert_eq!(read.warnings.len(), 1);
        assert!(
            read.warnings[0].contains("Windows-1252") && read.warnings[0].contains("offset 3"),
            "{:?}",
            read.warnings
        );
        // JSON Lines from a legacy exporter too.
        let read = super::read(
            b"{\"text\": \"\x93Yes,\x94 he said.\"}\n",
            Format::JsonLines,
            &Meta::default(),
            "x.jsonl",
        );
        assert_eq!(
            read.articles[0].as_ref().unwrap().text,
            "\u{201c}Yes,\u{201d} he said."
        );
        assert_eq!(read.warnings.len(), 1);
        // UTF-8 gives no warning.
        let read = super::read("caf\u{e9}".as_bytes(), Format::Text, &Meta::default(), "x");
        assert!(read.warnings.is_empty());
    }

    #[test]
    fn a_utf8_byte_order_mark_is_dropped_in_every_format() {
        let text = read_bytes(b"\xef\xbb\xbfHi.", Format::Text, &Meta::default(), "x");
        assert_eq!(text[0].as_ref().unwrap().text, "Hi.");
        let with_front = b"\xef\xbb\xbf---\r\noutlet: X\r\n---\r\nHi.\r\nThere.\r\n";
        let article = read_bytes(with_front, Format::Text, &Meta::default(), "x").remove(0);
        let article = article.unwrap();
        assert_eq!(article.outlet.as_deref(), Some("X"));
        assert_eq!(article.text, "Hi.\nThere.");
        let jsonl = read_bytes(
            b"\xef\xbb\xbf{\"text\": \"Hi.\"}\r\n{\"text\": \"Ho.\"}\r\n",
            Format::JsonLines,
            &Meta::default(),
            "x",
        );
        assert_eq!(jsonl.len(), 2);
        assert!(jsonl.iter().all(Result::is_ok), "{jsonl:?}");
    }

    #[test]
    fn binary_and_empty_files_are_named_as_such() {
        let cases: &[(&[u8], &str)] = &[
            (b"", "empty"),
            (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
            (b"\x89PNG\r\n\x1a\n", "PNG"),
            (b"\x1f\x8b\x08\x08abc", "gzip"),
            (b"abc\0def", "NUL"),
            (b"\x01\x02\x03\x04\x05\x06 x\x07\x08", "control bytes"),
        ];
        for (bytes, kind) in cases {
            for format in [Format::Text, Format::Html, Format::JsonLines] {
                let err = read_bytes(bytes, format, &Meta::default(), "x").remove(0);
                let err = err.unwrap_err().to_string();
                assert!(err.contains(kind), "{bytes:?} {format:?}: {err}");
            }
        }
        // An escape sequence or two in real text is not binary.
        let text = read_bytes(
            b"Text \x1b[31mred\x1b[0m.",
            Format::Text,
            &Meta::default(),
            "x",
        );
        assert!(text[0].is_ok());
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
    fn captions_follow_the_body_in_the_full_text() {
        let page = br#"<html><head><title>Ferry vote</title></head><body><article>
            <figure><img src="a.jpg"><figcaption>Board chair Maren Olsen said fares were &ldquo;held too long&rdquo;.</figcaption></figure>
            <p>Ferry fares between the harbour and the islands will rise by a tenth in April, the transport board decided on Monday after a long evening meeting of its members.</p>
            <p>"We have held fares for four years, and fuel has not waited for us," said board chair Maren Olsen, who cast the deciding vote at the end.</p>
            <p>Islanders who cross daily said the rise would hurt them and their families more than the board seemed to understand on the night.</p>
            </article></body></html>"#;
        let article = read_bytes(page, Format::Html, &Meta::default(), "x.html")
            .remove(0)
            .unwrap();
        assert!(article.text.starts_with("Ferry fares"), "{}", article.text);
        assert!(!article.text.contains("held too long"));
        assert_eq!(
            article.captions.as_deref(),
            Some("Board chair Maren Olsen said fares were \u{201c}held too long\u{201d}.")
        );
        let full = article.full_text();
        assert_eq!(article.body_end(), Some(article.text.len()));
        assert_eq!(&full[..article.text.len()], article.text);
        assert!(full[article.text.len()..].starts_with("\n\nBoard chair"));
        // Plain text has no captions: its full text is its text.
        let plain = read_bytes(b"Text.", Format::Text, &Meta::default(), "x")
            .remove(0)
            .unwrap();
        assert_eq!(
            (plain.full_text().as_ref(), plain.body_end()),
            ("Text.", None)
        );
    }

    #[test]
    fn gzip_is_undone_within_a_limit() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(&[b'a'; 2000]).unwrap();
        let packed = gz.finish().unwrap();
        assert_eq!(gunzip(packed.clone(), 4096).unwrap().len(), 2000);
        let err = gunzip(packed.clone(), 1000).unwrap_err().to_string();
        assert!(err.contains("more than"), "{err}");
        let err = gunzip(packed[..packed.len() / 2].to_vec(), 4096).unwrap_err();
        assert!(format!("{err:#}").contains("damaged"), "{err:#}");
        assert_eq!(gunzip(b"plain".to_vec(), 4).unwrap(), b"plain");
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
        assert_eq!(
            Format::from_path(Path::new("p/a.HTML.gz")),
            Some(Format::Html)
        );
        assert_eq!(Format::from_path(Path::new("a.htm.gz")), Some(Format::Html));
        assert_eq!(Format::from_path(Path::new("a.txt.gz")), Some(Format::Text));
        assert_eq!(
            Format::from_path(Path::new("a.jsonl.gz")),
            Some(Format::JsonLines)
        );
        assert_eq!(Format::from_path(Path::new("a.tar.gz")), None);
        assert_eq!(Format::from_path(Path::new("a.gz")), None);
        assert_eq!(Format::sniff(b"\n  <!doctype html>"), Format::Html);
        assert_eq!(Format::sniff(b"{\"text\": 1}"), Format::JsonLines);
        assert_eq!(Format::sniff(b"Once"), Format::Text);
    }
}
