//! Web archives: `.warc` and `.warc.gz` files as crawlers write them
//! (Common Crawl's CC-NEWS, Heritrix, wget, warcio).
//!
//! A WARC file is a run of records, each a version line, header lines, a
//! blank line and `Content-Length` bytes of content, then two CRLFs. The
//! pages are the `response` records whose content is an HTTP response with
//! status 200 and an HTML body; every other record is passed over and
//! counted. A `.warc.gz` is a series of gzip members (usually one per
//! record), read through one multi-member decoder.
//!
//! Records are read one at a time from a stream and only an HTML page's
//! body is kept, so memory does not grow with the file. A record that
//! cannot be read (a wrong length, garbage between records, headers that
//! never end) is reported and reading goes on at the next `WARC/` line; a
//! stream that cannot be read further (a truncated or corrupt gzip member)
//! is reported once and ends the file. Nothing here panics on bad input.
//!
//! The format is small, so this reader is written here rather than taken
//! from the `warc` crate: that one buffers header lines without a bound,
//! cannot resynchronise after a record whose length is wrong, and would
//! bring a second gzip implementation and an old `uuid` into the build.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};

/// The largest HTML body kept; a larger page is skipped with a message
/// (news pages are well under 2 MB; the benchmark's largest is 1.4 MB).
pub const MAX_PAGE: u64 = 16 << 20;

/// The longest header line read; longer means this is not a WARC header.
const MAX_LINE: u64 = 64 << 10;

/// The most header lines in one record or HTTP response.
const MAX_HEADERS: usize = 1_000;

/// Whether a path names a web archive: `.warc` or `.warc.gz` (any case).
pub fn is_warc_path(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// Whether a file is a web archive: by its name, or, when its name says
/// nothing of its format, by starting with a WARC version line (plain or
/// in a gzip member).
pub fn is_warc_file(path: &Path) -> bool {
    if is_warc_path(path) {
        return true;
    }
    if super::Format::from_path(path).is_some() {
        return false;
    }
    let Ok(file) = File::open(path) else {
        return false;
    };
    let mut head = [0u8; 6];
    let mut start = BufReader::new(file);
    let gzip = start.fill_buf().is_ok_and(|b| b.starts_with(b"\x1f\x8b"));
    let read = if gzip {
        MultiGzDecoder::new(start).read_exact(&mut head)
    } else {
        start.read_exact(&mut head)
    };
    read.is_ok() && head.starts_with(b"WARC/") && head[5].is_ascii_digit()
}

/// One HTML page found in an archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// `WARC-Target-URI`: the address the page was fetched from.
    pub uri: Option<String>,
    /// `WARC-Date`: when it was fetched (RFC 3339).
    pub date: Option<String>,
    /// The charset the HTTP `Content-Type` header names, if any.
    pub charset: Option<String>,
    /// The HTTP body, with transfer and content encodings undone.
    pub body: Vec<u8>,
    /// Where the record starts in the uncompressed archive, for messages.
    pub offset: u64,
}

/// What one record of an archive turned out to be.
#[derive(Debug)]
pub enum Entry {
    /// An HTML page with status 200.
    Page(Page),
    /// A response that is not an HTML page: an image, a script, JSON.
    NotHtml,
    /// An HTTP response whose status is not 200 (a redirect, a 404).
    Status(u16),
    /// A record that is not a response: warcinfo, request, metadata,
    /// revisit, resource, conversion.
    Other,
    /// A record that could not be read, and why (naming its byte offset in
    /// the uncompressed archive). Reading goes on unless the stream itself
    /// failed.
    Broken(String),
}

/// Byte counts of everything read, so messages can say where a record is.
struct Counted<R> {
    inner: R,
    pos: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counted<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.inner.consume(amt);
        self.pos += amt as u64;
    }
}

/// The records of one archive, in order.
pub struct Records<R> {
    r: Counted<R>,
    /// A `WARC/` line read while looking for the end of the previous record.
    pending: Option<(u64, Vec<u8>)>,
    done: bool,
}

/// An archive file opened for reading, gzip-compressed or not (by its
/// first two bytes, whatever its name says).
pub type FileRecords = Records<Box<dyn BufRead + Send>>;

/// Open an archive file.
pub fn open(path: &Path) -> io::Result<FileRecords> {
    let mut file = BufReader::with_capacity(1 << 16, File::open(path)?);
    let gzip = file.fill_buf()?.starts_with(b"\x1f\x8b");
    let reader: Box<dyn BufRead + Send> = if gzip {
        Box::new(BufReader::with_capacity(1 << 16, MultiGzDecoder::new(file)))
    } else {
        Box::new(file)
    };
    Ok(Records::new(reader))
}

impl<R: BufRead> Records<R> {
    pub fn new(reader: R) -> Records<R> {
        Records {
            r: Counted {
                inner: reader,
                pos: 0,
            },
            pending: None,
            done: false,
        }
    }

    /// One line, `\n` included, of at most [`MAX_LINE`] bytes; empty at
    /// the end of the stream.
    fn line(&mut self) -> io::Result<Vec<u8>> {
        let mut line = Vec::new();
        (&mut self.r).take(MAX_LINE).read_until(b'\n', &mut line)?;
        Ok(line)
    }

    /// The next record's version line and where it starts, skipping blank
    /// lines; `Err` with a message when something else is found first (the
    /// stream is then moved on to the next `WARC/` line).
    fn version_line(&mut self) -> io::Result<Option<std::result::Result<u64, String>>> {
        if let Some((at, _)) = self.pending.take() {
            return Ok(Some(Ok(at)));
        }
        loop {
            let at = self.r.pos;
            let line = self.line()?;
            if line.is_empty() {
                return Ok(None);
            }
            if is_blank(&line) {
                continue;
            }
            if line.starts_with(b"WARC/") {
                return Ok(Some(Ok(at)));
            }
            let skipped = self.resync()?;
            return Ok(Some(Err(format!(
                "byte {at}: not the start of a WARC record; skipped {} bytes to the next one",
                skipped + line.len() as u64
            ))));
        }
    }

    /// Skip to the next line starting `WARC/` (kept for the next record),
    /// or to the end; how many bytes were skipped.
    fn resync(&mut self) -> io::Result<u64> {
        let start = self.r.pos;
        loop {
            let at = self.r.pos;
            let line = self.line()?;
            if line.is_empty() {
                return Ok(at - start);
            }
            if line.starts_with(b"WARC/") {
                self.pending = Some((at, line));
                return Ok(at - start);
            }
        }
    }

    /// Header lines up to the blank line that ends them, as (lowercase
    /// name, value); `None` at the end of the stream.
    fn headers(&mut self) -> io::Result<Option<Vec<(String, String)>>> {
        let mut headers = Vec::new();
        for _ in 0..MAX_HEADERS {
            let line = self.line()?;
            if line.is_empty() {
                return Ok(None);
            }
            if is_blank(&line) {
                return Ok(Some(headers));
            }
            let line = String::from_utf8_lossy(&line);
            if let Some((name, value)) = line.split_once(':') {
                headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
            }
        }
        Ok(Some(headers))
    }

    /// Read one record; `Ok(None)` at the end of the archive.
    fn record(&mut self) -> io::Result<Option<Entry>> {
        let at = match self.version_line()? {
            None => return Ok(None),
            Some(Err(why)) => return Ok(Some(Entry::Broken(why))),
            Some(Ok(at)) => at,
        };
        let Some(headers) = self.headers()? else {
            return Ok(Some(Entry::Broken(format!(
                "byte {at}: the archive ends inside a record's headers"
            ))));
        };
        let length = match header(&headers, "content-length").map(|v| v.parse::<u64>()) {
            Some(Ok(length)) => length,
            _ => {
                self.resync()?;
                return Ok(Some(Entry::Broken(format!(
                    "byte {at}: a record without a readable Content-Length; skipped to the next record"
                ))));
            }
        };
        let is_response =
            header(&headers, "warc-type").is_some_and(|t| t.eq_ignore_ascii_case("response"));
        let is_http = header(&headers, "content-type")
            .is_some_and(|t| t.to_ascii_lowercase().starts_with("application/http"));
        let entry = if is_response && is_http {
            let mut content = (&mut self.r).take(length);
            let entry = http_page(&mut content, &headers, at)?;
            io::copy(&mut content, &mut io::sink())?;
            if content.limit() > 0 {
                return Ok(Some(self.truncated(at)));
            }
            entry
        } else {
            let copied = io::copy(&mut (&mut self.r).take(length), &mut io::sink())?;
            if copied < length {
                return Ok(Some(self.truncated(at)));
            }
            if is_response {
                Entry::NotHtml
            } else {
                Entry::Other
            }
        };
        Ok(Some(self.end_of_record(at, entry)?))
    }

    fn truncated(&mut self, at: u64) -> Entry {
        self.done = true;
        Entry::Broken(format!(
            "byte {at}: the archive ends inside a record (a truncated file?)"
        ))
    }

    /// After a record's content come two blank lines and the next record.
    /// Anything else means its Content-Length was wrong: the record is
    /// reported instead of trusted, and reading goes on at the next one.
    fn end_of_record(&mut self, at: u64, entry: Entry) -> io::Result<Entry> {
        loop {
            let line_at = self.r.pos;
            let line = self.line()?;
            if line.is_empty() {
                return Ok(entry);
            }
            if is_blank(&line) {
                continue;
            }
            if line.starts_with(b"WARC/") {
                self.pending = Some((line_at, line));
                return Ok(entry);
            }
            self.resync()?;
            return Ok(Entry::Broken(format!(
                "byte {at}: the record's content does not end where its Content-Length says; skipped to the next record"
            )));
        }
    }
}

impl<R: BufRead> Iterator for Records<R> {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        if self.done {
            return None;
        }
        let at = self.r.pos;
        match self.record() {
            Ok(Some(entry)) => Some(entry),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(err) => {
                self.done = true;
                Some(Entry::Broken(format!(
                    "after byte {at}: cannot read further ({err}); the records before were read"
                )))
            }
        }
    }
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(|b| matches!(b, b'\r' | b'\n'))
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// An HTTP response's status line and headers, then its body if it is an
/// HTML page with status 200.
fn http_page<R: BufRead>(content: &mut R, warc: &[(String, String)], at: u64) -> io::Result<Entry> {
    let mut status_line = Vec::new();
    Read::take(&mut *content, MAX_LINE).read_until(b'\n', &mut status_line)?;
    let status_line = String::from_utf8_lossy(&status_line);
    let mut parts = status_line.split_whitespace();
    let status = match (parts.next(), parts.next().map(str::parse::<u16>)) {
        (Some(version), Some(Ok(status))) if version.starts_with("HTTP/") => status,
        _ => {
            return Ok(Entry::Broken(format!(
                "byte {at}: a response record whose content is not an HTTP response"
            )));
        }
    };
    let mut http = Vec::new();
    for _ in 0..MAX_HEADERS {
        let mut line = Vec::new();
        Read::take(&mut *content, MAX_LINE).read_until(b'\n', &mut line)?;
        if line.is_empty() || is_blank(&line) {
            break;
        }
        let line = String::from_utf8_lossy(&line);
        if let Some((name, value)) = line.split_once(':') {
            http.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    if status != 200 {
        return Ok(Entry::Status(status));
    }
    let content_type = header(&http, "content-type").map(str::to_ascii_lowercase);
    let declared_html = content_type
        .as_deref()
        .map(|t| t.contains("text/html") || t.contains("application/xhtml"));
    if declared_html == Some(false) {
        return Ok(Entry::NotHtml);
    }
    let raw = read_limited(content, MAX_PAGE)?;
    if raw.len() as u64 > MAX_PAGE {
        return Ok(Entry::Broken(format!(
            "byte {at}: a page of more than {} MB, left out",
            MAX_PAGE >> 20
        )));
    }
    let body = match decode_body(raw, &http) {
        Ok(body) => body,
        Err(why) => return Ok(Entry::Broken(format!("byte {at}: {why}"))),
    };
    // No Content-Type at all: a page if it looks like one.
    if declared_html.is_none() && super::Format::sniff(&body) != super::Format::Html {
        return Ok(Entry::NotHtml);
    }
    let charset = content_type.as_deref().and_then(|t| {
        let i = t.find("charset=")?;
        let label = t[i + 8..]
            .trim_start_matches(['"', '\''])
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .next()?;
        (!label.is_empty()).then(|| label.to_string())
    });
    Ok(Entry::Page(Page {
        uri: header(warc, "warc-target-uri")
            .map(|u| u.trim_matches(['<', '>']).to_string())
            .filter(|u| !u.is_empty()),
        date: header(warc, "warc-date")
            .map(str::to_string)
            .filter(|d| !d.is_empty()),
        charset,
        body,
        offset: at,
    }))
}

/// Up to `limit + 1` bytes, so the caller can tell a body over the limit.
fn read_limited<R: Read>(r: &mut R, limit: u64) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    r.take(limit + 1).read_to_end(&mut out)?;
    Ok(out)
}

/// Undo `Transfer-Encoding: chunked` and `Content-Encoding: gzip` or
/// `deflate` where the crawler kept them (Common Crawl removes both and
/// renames the headers `X-Crawler-...`, so its pages pass through as they
/// are).
fn decode_body(raw: Vec<u8>, http: &[(String, String)]) -> Result<Vec<u8>, String> {
    let mut body = raw;
    if header(http, "transfer-encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked"))
    {
        body = dechunk(&body).ok_or("a chunked HTTP body that cannot be read")?;
    }
    let encoding = header(http, "content-encoding")
        .map(|e| e.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let decoded = match encoding.as_str() {
        "" | "identity" => return Ok(body),
        "gzip" | "x-gzip" => read_limited(&mut MultiGzDecoder::new(&body[..]), MAX_PAGE),
        "deflate" => {
            // Servers send either zlib-wrapped or raw deflate under this name.
            read_limited(&mut ZlibDecoder::new(&body[..]), MAX_PAGE)
                .or_else(|_| read_limited(&mut DeflateDecoder::new(&body[..]), MAX_PAGE))
        }
        other => return Err(format!("a page compressed as `{other}`, which is not read")),
    };
    match decoded {
        Ok(d) if d.len() as u64 > MAX_PAGE => Err(format!(
            "a page of more than {} MB once uncompressed, left out",
            MAX_PAGE >> 20
        )),
        Ok(d) => Ok(d),
        Err(e) => Err(format!(
            "a {encoding}-compressed page that cannot be uncompressed ({e})"
        )),
    }
}

/// The body of a chunked HTTP message, if it is well formed.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let end = data.iter().position(|&b| b == b'\n')?;
        let size_line = std::str::from_utf8(&data[..end]).ok()?;
        let size = size_line.split(';').next()?.trim();
        let size = usize::from_str_radix(size, 16).ok()?;
        data = &data[end + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = &data[size..];
        data = data
            .strip_prefix(b"\r\n")
            .or_else(|| data.strip_prefix(b"\n"))
            .unwrap_or(data);
    }
}

/// The page's bytes ready for the HTML reader: re-encoded as UTF-8 when
/// HTTP named a charset and the bytes are not already valid UTF-8 (a
/// byte-order mark still wins, and a page without either is left to the
/// HTML reader's `<meta charset>` and Windows-1252 fallback).
pub fn page_bytes(page: &Page) -> std::borrow::Cow<'_, [u8]> {
    use std::borrow::Cow;
    let bytes = &page.body[..];
    if encoding_rs::Encoding::for_bom(bytes).is_some() || std::str::from_utf8(bytes).is_ok() {
        return Cow::Borrowed(bytes);
    }
    match page
        .charset
        .as_deref()
        .and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()))
    {
        Some(encoding) => {
            let (text, _) = encoding.decode_without_bom_handling(bytes);
            Cow::Owned(text.into_owned().into_bytes())
        }
        None => Cow::Borrowed(bytes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, content: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2019-03-04T05:06:07Z\r\nWARC-Record-ID: <urn:uuid:x>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            content.len()
        )
        .into_bytes();
        out.extend_from_slice(content);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn http(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
        let mut out = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
        out.extend_from_slice(body);
        out
    }

    fn entries(bytes: &[u8]) -> Vec<Entry> {
        Records::new(bytes).collect()
    }

    #[test]
    fn pages_and_skips() {
        let mut warc = Vec::new();
        warc.extend(record("warcinfo", "", b"software: test\r\n"));
        warc.extend(record(
            "response",
            "https://a.example/1",
            &http(
                "200 OK",
                "Content-Type: text/html; charset=ISO-8859-1\r\n",
                b"<p>Jos\xe9</p>",
            ),
        ));
        warc.extend(record(
            "response",
            "https://a.example/logo.png",
            &http("200 OK", "Content-Type: image/png\r\n", b"\x89PNG"),
        ));
        warc.extend(record(
            "response",
            "https://a.example/gone",
            &http("404 Not Found", "Content-Type: text/html\r\n", b"<p>no</p>"),
        ));
        warc.extend(record(
            "request",
            "https://a.example/1",
            b"GET / HTTP/1.1\r\n\r\n",
        ));
        let got = entries(&warc);
        assert_eq!(got.len(), 5, "{got:?}");
        assert!(matches!(got[0], Entry::Other));
        let Entry::Page(page) = &got[1] else {
            panic!("{got:?}")
        };
        assert_eq!(page.uri.as_deref(), Some("https://a.example/1"));
        assert_eq!(page.date.as_deref(), Some("2019-03-04T05:06:07Z"));
        assert_eq!(page.charset.as_deref(), Some("iso-8859-1"));
        assert_eq!(&*page_bytes(page), "<p>José</p>".as_bytes());
        assert!(matches!(got[2], Entry::NotHtml));
        assert!(matches!(got[3], Entry::Status(404)));
        assert!(matches!(got[4], Entry::Other));
    }

    #[test]
    fn a_wrong_length_or_garbage_is_skipped_and_reading_goes_on() {
        let page = http("200 OK", "Content-Type: text/html\r\n", b"<p>fine</p>");
        let mut bad = record("response", "https://a.example/bad", &page);
        // Claim more bytes than the record has: it swallows the blank lines
        // and part of the next record.
        let claimed = format!("Content-Length: {}", page.len());
        let text = String::from_utf8(bad.clone()).unwrap();
        bad = text
            .replace(&claimed, &format!("Content-Length: {}", page.len() + 12))
            .into_bytes();
        let mut warc = bad;
        warc.extend(b"garbage between records\r\n");
        warc.extend(record("response", "https://a.example/ok", &page));
        let got = entries(&warc);
        let pages: Vec<_> = got
            .iter()
            .filter_map(|e| match e {
                Entry::Page(p) => p.uri.clone(),
                _ => None,
            })
            .collect();
        assert_eq!(pages, ["https://a.example/ok"], "{got:?}");
        assert!(got.iter().any(|e| matches!(e, Entry::Broken(_))));
    }

    #[test]
    fn truncated_and_empty_archives_end_cleanly() {
        let page = http("200 OK", "Content-Type: text/html\r\n", b"<p>fine</p>");
        let whole = record("response", "https://a.example/1", &page);
        for cut in 0..whole.len() {
            let got = entries(&whole[..cut]);
            assert!(got.len() <= 1, "{cut}: {got:?}");
        }
        assert!(entries(b"").is_empty());
        assert!(matches!(entries(b"\0\0\0\0")[..], [Entry::Broken(_)]));
    }

    #[test]
    fn damaged_archives_never_panic_or_hang() {
        let page = http("200 OK", "Content-Type: text/html\r\n", b"<p>fine</p>");
        let mut warc = record("response", "https://a.example/1", &page);
        warc.extend(record(
            "request",
            "https://a.example/1",
            b"GET / HTTP/1.1\r\n\r\n",
        ));
        warc.extend(record("response", "https://a.example/2", &page));
        // Every byte replaced in turn by a few values that matter to the
        // format: records still come out, at most one per line.
        let lines = warc.iter().filter(|&&b| b == b'\n').count();
        for at in 0..warc.len() {
            for byte in [b'\n', b'0', b'9', b'x', 0] {
                let mut bad = warc.clone();
                bad[at] = byte;
                assert!(entries(&bad).len() <= lines + 1, "{at} {byte}");
            }
        }
    }

    #[test]
    fn chunked_and_gzipped_bodies_are_undone() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5;x=1\r\npedia\r\n0\r\n\r\n").unwrap(),
            b"Wikipedia"
        );
        assert!(dechunk(b"zz\r\n").is_none());
        use flate2::{Compression, write::GzEncoder};
        use std::io::Write;
        let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
        gz.write_all(b"<p>zipped</p>").unwrap();
        let body = gz.finish().unwrap();
        let got = entries(&record(
            "response",
            "https://a.example/z",
            &http(
                "200 OK",
                "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
                &body,
            ),
        ));
        let [Entry::Page(page)] = &got[..] else {
            panic!("{got:?}")
        };
        assert_eq!(page.body, b"<p>zipped</p>");
    }

    #[test]
    fn warc_files_by_content() {
        let dir = tempfile::tempdir().unwrap();
        let named = dir.path().join("crawl-00001");
        std::fs::write(&named, b"WARC/1.1\r\n").unwrap();
        assert!(is_warc_file(&named));
        let text = dir.path().join("notes");
        std::fs::write(&text, b"WARC/ is how a record starts").unwrap();
        assert!(!is_warc_file(&text));
        let txt = dir.path().join("notes.txt");
        std::fs::write(&txt, b"WARC/1.1\r\n").unwrap();
        assert!(!is_warc_file(&txt), "a .txt file is text");
        let short = dir.path().join("x");
        std::fs::write(&short, b"WA").unwrap();
        assert!(!is_warc_file(&short));
    }

    #[test]
    fn warc_paths() {
        assert!(is_warc_path(Path::new("a/CC-NEWS-1.warc.gz")));
        assert!(is_warc_path(Path::new("x.WARC")));
        assert!(!is_warc_path(Path::new("x.warc.json")));
        assert!(!is_warc_path(Path::new("x.gz")));
    }
}
