//! `ingest` reads gzipped articles (`.html.gz`, `.htm.gz`, `.txt.gz`,
//! `.jsonl.gz`), named or found in a folder, and counts the files in a
//! folder that it passes over. The page and stories are written for these
//! tests.

use std::io::Write;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use flate2::{Compression, write::GzEncoder};
use rusqlite::Connection;

mod common;
use common::Scratch;

const PAGE: &str = r#"<!doctype html>
<html><head><title>Harbour ferry fares to rise in spring | Coast Courier</title>
<meta property="og:site_name" content="Coast Courier">
<meta property="article:published_time" content="2024-03-04T08:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Harbour ferry fares to rise in spring</h1>
<p>Ferry fares between the harbour and the islands will rise by a tenth in April, the transport board decided on Monday after a long evening meeting.</p>
<p>"We have held fares for four years, and fuel has not waited for us," said board chair Maren Olsen, who cast the deciding vote.</p>
<p>Islanders who cross daily said the rise would hurt. "It is a tax on living here," said Tomas Berg, a fisherman from the outer island.</p>
</article>
<footer><p>Copyright Coast Courier. All rights reserved.</p></footer>
</body></html>
"#;

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

impl Scratch {
    /// Write `bytes` to `name` inside the scratch folder's `in/`.
    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join("in").join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn ingest(&self, paths: &[&Path]) -> (bool, String) {
        let out = Command::cargo_bin("quotetrack")
            .unwrap()
            .env_remove("QUOTETRACK_DB")
            .arg("--db")
            .arg(self.db())
            .arg("ingest")
            .args(paths)
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    }

    /// (path, title, text) of every stored article, by path.
    fn articles(&self) -> Vec<(String, Option<String>, String)> {
        let conn = Connection::open(self.db()).unwrap();
        let mut stmt = conn
            .prepare("SELECT path, title, text FROM articles ORDER BY path")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }
}

#[test]
fn a_folder_of_gzipped_pages_is_read_and_other_files_counted() {
    let s = Scratch::new();
    s.file("2024/ferry.html.gz", &gz(PAGE.as_bytes()));
    s.file(
        "2024/ferry-copy.HTM.GZ",
        &gz(PAGE.replace("tenth", "fifth").as_bytes()),
    );
    s.file("2024/scan.pdf", b"%PDF-1.7\n");
    s.file("2024/photo.png", b"\x89PNG\r\n\x1a\n");
    s.file("2024/backup.tar.gz", &gz(b"not an article"));
    s.file("notes", b"call the board back");
    let (ok, out) = s.ingest(&[&s.dir.path().join("in")]);
    assert!(ok, "{out}");
    assert!(out.contains("Stored 2 new articles"), "{out}");
    assert!(
        out.contains(
            "Passed over 4 files in the folders given that are not articles (.pdf, .png, .tar.gz, no extension)"
        ),
        "{out}"
    );
    let articles = s.articles();
    assert_eq!(articles.len(), 2);
    let (path, title, text) = &articles[1];
    assert!(path.ends_with("ferry.html.gz"), "{path}");
    assert_eq!(
        title.as_deref(),
        Some("Harbour ferry fares to rise in spring")
    );
    assert!(text.contains("said board chair Maren Olsen"), "{text}");
    assert!(!text.contains("All rights reserved"), "{text}");
    let conn = Connection::open(s.db()).unwrap();
    let quotes: i64 = conn
        .query_row("SELECT count(*) FROM quotes", [], |r| r.get(0))
        .unwrap();
    assert!(quotes >= 4, "{quotes} quotes");
}

#[test]
fn gzipped_text_and_json_lines_named_directly_are_read() {
    let s = Scratch::new();
    let txt = s.file(
        "council.txt.gz",
        &gz(b"---\noutlet: Valley Times\ndate: 2024-05-02\n---\n\"The budget is balanced,\" the mayor said.\n"),
    );
    let jsonl = s.file(
        "wire.jsonl.gz",
        &gz(concat!(
            "{\"text\": \"\\\"Rain will return by Friday,\\\" the forecaster said.\", \"date\": \"2024-05-03\"}\n",
            "{\"text\": \"\\\"Roads are clear,\\\" police said.\", \"date\": \"2024-05-03\"}\n"
        )
        .as_bytes()),
    );
    let (ok, out) = s.ingest(&[&txt, &jsonl]);
    assert!(ok, "{out}");
    assert!(out.contains("Stored 3 new articles"), "{out}");
    assert!(!out.contains("Passed over"), "{out}");
    let texts: Vec<String> = s.articles().into_iter().map(|a| a.2).collect();
    assert!(texts.contains(&"\"The budget is balanced,\" the mayor said.".to_string()));
}

#[test]
fn a_damaged_or_oversized_gzip_file_is_skipped_with_a_reason() {
    let s = Scratch::new();
    let packed = gz(PAGE.as_bytes());
    let cut = s.file("cut.html.gz", &packed[..packed.len() / 2]);
    // 65 MB of spaces inside a small file: more than the 64 MB allowed.
    let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
    let block = vec![b' '; 1 << 20];
    for _ in 0..65 {
        enc.write_all(&block).unwrap();
    }
    let big = s.file("big.html.gz", &enc.finish().unwrap());
    let good = s.file("good.html.gz", &packed);
    let (ok, out) = s.ingest(&[&cut, &big, &good]);
    assert!(!ok, "a skipped file makes the exit status 1: {out}");
    assert!(out.contains("Stored 1 new article "), "{out}");
    assert!(out.contains("Skipped: 2"), "{out}");
    assert!(
        out.contains("cannot be decompressed (a truncated or damaged file?)"),
        "{out}"
    );
    assert!(out.contains("decompresses to more than 64 MB"), "{out}");
}

#[test]
fn extract_reads_a_gzipped_page_named_or_in_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ferry.html.gz");
    std::fs::write(&path, gz(PAGE.as_bytes())).unwrap();
    let unused_db = dir.path().join("unused.db");
    let run = |arg: &Path| {
        common::run_ok(
            &unused_db,
            &["extract", "--format", "jsonl", arg.to_str().unwrap()],
        )
        .lines()
        .map(|l| {
            let r: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                r["doc"].as_str().unwrap().to_string(),
                r["speaker"]["name"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect::<Vec<_>>()
    };
    let named = run(&path);
    assert_eq!(
        named,
        [
            ("ferry".to_string(), "Maren Olsen".to_string()),
            ("ferry".to_string(), "Tomas Berg".to_string())
        ]
    );
    assert_eq!(run(dir.path()), named, "found in a folder");
}
