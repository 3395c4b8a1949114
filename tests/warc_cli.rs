//! `ingest` on web archives the test writes itself: a `.warc` and a
//! `.warc.gz` (one gzip member per record, as crawlers write them) holding
//! news pages with quotes, an image, a 404, a redirect, request and
//! warcinfo records and a broken record; then a truncated `.warc.gz`.

use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use flate2::{Compression, write::GzEncoder};
use rusqlite::Connection;

mod common;
use common::Scratch;

/// A news page in the shape outlets publish: metadata in the head, a
/// navigation bar, the story, a related-links box.
fn page(title: &str, meta: &str, paragraphs: &[&str]) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>{meta}</head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>
{body}</article>
<aside class="related"><h2>Related</h2><a href="/x">"Nothing to see," says nobody</a></aside>
</body></html>"#
    )
}

fn ferry_page() -> String {
    page(
        "Ferry service to Skerrin cut to two sailings a day",
        r#"<meta property="og:site_name" content="The Harbour Gazette"><meta property="article:published_time" content="2023-11-02T08:00:00Z">"#,
        &[
            "The ferry service between Portmahon and the island of Skerrin will run only two sailings a day from January, the operator announced on Thursday, ending a timetable that has stood for more than thirty years.",
            "\u{201c}We cannot keep running half-empty boats through the winter,\u{201d} said Morag Lindsay, chief executive of Skerrin Sea Links. \u{201c}The fuel bill alone has doubled since last year.\u{201d}",
            "Islanders said the change would cut them off from the hospital and the secondary school on the mainland. \u{201c}This is a lifeline, not a luxury,\u{201d} said councillor Hamish Reid, who represents the island ward.",
            "The operator said it would review the timetable in the spring once passenger numbers for the new year were known.",
        ],
    )
}

/// No date and no address of its own: the record's fill them.
fn library_page() -> String {
    page(
        "Library opening hours extended after petition",
        "",
        &[
            "Kestrel Valley's central library will open on Sunday afternoons from next month after more than four thousand residents signed a petition asking for longer hours, the council said on Monday.",
            "\u{201c}People told us loud and clear that the library matters to them,\u{201d} said Priya Castellano, the council's culture lead. \u{201c}We listened, and we found the money.\u{201d}",
            "The extra hours will be staffed by two new part-time librarians and a team of volunteers, and the council will look again at the figures after six months of Sunday opening.",
        ],
    )
}

fn http(status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(body);
    out
}

/// One WARC record, headers and content and the two CRLFs after it.
fn record(kind: &str, uri: &str, date: &str, content: &[u8]) -> Vec<u8> {
    let content_type = match kind {
        "response" => "application/http; msgtype=response",
        "request" => "application/http; msgtype=request",
        _ => "application/warc-fields",
    };
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{kind}-{}>\r\nWARC-Date: {date}\r\nWARC-Target-URI: {uri}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        content.len(),
        content.len()
    )
    .into_bytes();
    out.extend_from_slice(content);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// The archive's records in order: 2 pages, 1 image, 1 not found, 1
/// redirect, 1 request, 1 warcinfo, 1 broken (its length is wrong).
fn records() -> Vec<Vec<u8>> {
    let mut broken = record(
        "response",
        "https://gazette.example/broken",
        "2023-11-03T10:00:00Z",
        &http(
            "200 OK",
            "text/html",
            b"<html><body><p>A page whose record is cut short in the middle of this paragraph of text.</p></body></html>",
        ),
    );
    // Content-Length says 40 bytes fewer than the record holds, so its
    // end is not where it should be. (Had it said more, the next record's
    // start would be read as its content and lost with it.)
    let text = String::from_utf8(broken).unwrap();
    let at = text.find("Content-Length: ").unwrap() + 16;
    let end = at + text[at..].find('\r').unwrap();
    let length: usize = text[at..end].parse().unwrap();
    broken = format!("{}{}{}", &text[..at], length - 40, &text[end..]).into_bytes();
    vec![
        record(
            "warcinfo",
            "",
            "2023-11-03T10:00:00Z",
            b"software: warc_cli test\r\nformat: WARC File Format 1.0\r\n",
        ),
        record(
            "request",
            "https://gazette.example/news/ferry",
            "2023-11-03T10:00:00Z",
            b"GET /news/ferry HTTP/1.1\r\nHost: gazette.example\r\n\r\n",
        ),
        record(
            "response",
            "https://gazette.example/news/ferry",
            "2023-11-03T10:00:01Z",
            &http(
                "200 OK",
                "text/html; charset=utf-8",
                ferry_page().as_bytes(),
            ),
        ),
        record(
            "response",
            "https://gazette.example/logo.png",
            "2023-11-03T10:00:02Z",
            &http("200 OK", "image/png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        ),
        record(
            "response",
            "https://gazette.example/missing",
            "2023-11-03T10:00:03Z",
            &http(
                "404 Not Found",
                "text/html",
                b"<html><body>Not found</body></html>",
            ),
        ),
        record(
            "response",
            "https://gazette.example/old",
            "2023-11-03T10:00:04Z",
            &http("301 Moved Permanently", "text/html", b""),
        ),
        broken,
        record(
            "response",
            "https://courier.example/2024/05/library-hours",
            "2024-05-06T09:30:00Z",
            &http("200 OK", "application/xhtml+xml", library_page().as_bytes()),
        ),
    ]
}

fn plain(records: &[Vec<u8>]) -> Vec<u8> {
    records.concat()
}

/// One gzip member per record.
fn gzipped(records: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for r in records {
        let mut gz = GzEncoder::new(Vec::new(), Compression::fast());
        gz.write_all(r).unwrap();
        out.extend(gz.finish().unwrap());
    }
    out
}

/// An article's path, url, published and published_raw as stored.
type Stored = (String, Option<String>, Option<String>, Option<String>);

impl Scratch {
    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn ingest(&self, paths: &[&Path]) -> (i32, String) {
        let out = Command::cargo_bin("quotetrack")
            .unwrap()
            .env_remove("QUOTETRACK_DB")
            .arg("--db")
            .arg(self.db())
            .arg("ingest")
            .args(paths)
            .timeout(std::time::Duration::from_secs(60))
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.code().unwrap_or(-1), text)
    }

    /// (path, url, published, published_raw) of every stored article.
    fn articles(&self) -> Vec<Stored> {
        let conn = Connection::open(self.db()).unwrap();
        let mut stmt = conn
            .prepare("SELECT path, url, published, published_raw FROM articles ORDER BY path")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }
}

fn check_archive(scratch: &Scratch, path: &Path) {
    let (code, out) = scratch.ingest(&[path]);
    // The broken record is a skip, so the exit status says so.
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("Stored 2 new articles"), "{out}");
    assert!(
        out.contains("Web archives: 2 HTML pages read from 1 archive; passed over 1 response not HTML, 2 with an HTTP status other than 200, and 2 other records"),
        "{out}"
    );
    assert!(out.contains("Skipped: 1"), "{out}");
    assert!(out.contains("Content-Length"), "{out}");
    let articles = scratch.articles();
    assert_eq!(
        articles,
        [
            (
                "https://courier.example/2024/05/library-hours".to_string(),
                Some("https://courier.example/2024/05/library-hours".to_string()),
                Some("2024-05-06".to_string()),
                Some("2024-05-06T09:30:00Z".to_string()),
            ),
            (
                "https://gazette.example/news/ferry".to_string(),
                Some("https://gazette.example/news/ferry".to_string()),
                // The page's own date wins over the crawl's.
                Some("2023-11-02".to_string()),
                Some("2023-11-02T08:00:00Z".to_string()),
            ),
        ]
    );
    let quotes = scratch.count("SELECT count(*) FROM quotes");
    assert!(quotes >= 4, "{quotes} quotes");
    // Nothing from the related box or the 404 page.
    assert_eq!(
        scratch.count("SELECT count(*) FROM quotes WHERE text LIKE '%Nothing to see%'"),
        0
    );
    assert_eq!(
        scratch.count("SELECT count(*) FROM articles WHERE text LIKE '%Not found%'"),
        0
    );
    let speakers = scratch.count(
        "SELECT count(*) FROM speakers WHERE name IN ('Morag Lindsay', 'Hamish Reid', 'Priya Castellano')",
    );
    assert_eq!(speakers, 3);
}

#[test]
fn a_warc_file_gives_its_html_pages() {
    let scratch = Scratch::new();
    let path = scratch.write("crawl.warc", &plain(&records()));
    check_archive(&scratch, &path);
    // Ingesting again stores nothing new.
    let (_, out) = scratch.ingest(&[&path]);
    assert!(
        out.contains("Already stored, left as they were: 2"),
        "{out}"
    );
}

#[test]
fn a_warc_gz_file_and_folders_holding_one() {
    let scratch = Scratch::new();
    let path = scratch.write("crawl/CC-NEWS-test.warc.gz", &gzipped(&records()));
    check_archive(&scratch, &path);
    // Found when walking a folder too.
    let other = Scratch::new();
    let folder = other.write("in/a/b.warc.gz", &gzipped(&records()));
    let (_, out) = other.ingest(&[folder.parent().unwrap().parent().unwrap()]);
    assert!(out.contains("Stored 2 new articles"), "{out}");
}

#[test]
fn a_truncated_warc_gz_keeps_what_was_read() {
    let scratch = Scratch::new();
    let records = records();
    let whole = gzipped(&records);
    // Cut in the middle of the last record's gzip member: everything
    // before it is read, the rest is reported.
    let last = gzipped(&records[records.len() - 1..]).len();
    let cut = &whole[..whole.len() - last / 2];
    let path = scratch.write("cut.warc.gz", cut);
    let (code, out) = scratch.ingest(&[&path]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("Stored 1 new article"), "{out}");
    assert!(out.contains("cannot read further"), "{out}");
    // Garbage that is not an archive at all, under an archive's name.
    let junk = scratch.write("junk.warc", b"\0\x01\x02 not a web archive\n\xff\xfe");
    let (code, out) = scratch.ingest(&[&junk]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("not the start of a WARC record"), "{out}");
    // A gzip file that is not gzip past its magic bytes.
    let bad = scratch.write("bad.warc.gz", b"\x1f\x8b\x08\x00garbage garbage garbage");
    let (code, out) = scratch.ingest(&[&bad]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("cannot read further"), "{out}");
}

#[test]
fn an_archive_named_without_extension_is_read_and_standard_input_refused() {
    let scratch = Scratch::new();
    let path = scratch.write("CC-NEWS-20191119-00042", &gzipped(&records()));
    let (_, out) = scratch.ingest(&[&path]);
    assert!(out.contains("Stored 2 new articles"), "{out}");
    let out = Command::cargo_bin("quotetrack")
        .unwrap()
        .env_remove("QUOTETRACK_DB")
        .arg("--db")
        .arg(scratch.db())
        .args(["ingest", "-"])
        .write_stdin(plain(&records()))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("give the archive's path instead"), "{text}");
}
