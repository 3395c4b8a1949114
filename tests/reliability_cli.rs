//! Reliability and safety of the binary as a user runs it: hostile and
//! broken input, a `kill -9` in the middle of an ingest, reading while an
//! ingest writes, search words that look like query syntax, and article
//! text that tries to drive the terminal.
//!
//! The articles are written by the tests themselves; every quote has the
//! plain `"...," said Name.` form so these tests do not depend on the
//! finer points of the extractor.

use std::path::{Path, PathBuf};
use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use rusqlite::Connection;
use serde_json::Value;

mod common;
use common::Scratch;

impl Scratch {
    /// Write `bytes` to `name` (folders created as needed).
    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = self.quotetrack(args);
        cmd.env("NO_COLOR", "1");
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().unwrap()
    }
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A short article with one plainly attributed quote, unique to `i`.
fn story(i: usize) -> String {
    format!(
        "---\noutlet: Outlet {}\ndate: 2024-03-{:02}\n---\nThe council met on Tuesday about item {i}.\n\n\"Harbour item {i} will be funded in full this year,\" said Mayor Alicia Brandt.\n",
        i % 7,
        1 + i % 28
    )
}

// ---------------------------------------------------------------- bad input

#[test]
fn a_batch_of_bad_files_stores_the_good_ones_and_lists_the_rest() {
    let s = Scratch::new();
    s.write("in/good.txt", story(1));
    // A PNG handed over by mistake, and one renamed to .txt.
    s.write("in/photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0");
    s.write("in/report.md", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
    s.write("in/empty.txt", b"");
    // Windows-1252: curly quotes at 0x93/0x94, an e acute at 0xe9.
    s.write(
        "in/legacy.txt",
        b"\x93The caf\xe9 stays open,\x94 said Mayor Alicia Brandt.\r\n",
    );
    s.write(
        "in/bom.txt",
        "\u{feff}\"The bridge opens in May,\" said Mayor Alicia Brandt.\n",
    );
    s.write(
        "in/crlf.txt",
        "---\r\noutlet: Windows Weekly\r\ndate: 2024-03-02\r\n---\r\nFirst paragraph.\r\n\r\n\"Ferries run at dawn,\" said Mayor Alicia Brandt.\r\n",
    );
    s.write(
        "in/feb30.txt",
        "---\noutlet: Leap Times\ndate: 2015-02-30\n---\n\"Dates can be wrong,\" said Mayor Alicia Brandt.\n",
    );
    s.write(
        "in/lines.jsonl",
        concat!(
            r#"{"text": "\"Line one holds,\" said Mayor Alicia Brandt.", "outlet": "Wire"}"#,
            "\n",
            r#"{"text": "\"Cut off mid-li"#,
            "\n",
            r#"{"text": 42, "outlet": "Wire"}"#,
            "\n",
            r#"{"text": "\"Outlet is a list,\" she said.", "outlet": ["a", "b"]}"#,
            "\n",
            r#"["not", "an", "object"]"#,
            "\n",
            r#"{"text": "\"Line six holds,\" said Mayor Alicia Brandt.", "date": 20240301}"#,
            "\n",
        ),
    );
    let out = s.run(&["ingest", s.path("in").to_str().unwrap()]);
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{text}{}", stderr(&out));
    // Stored: good, legacy, bom, crlf, feb30 and two JSON lines.
    assert!(text.contains("Stored 7 new articles"), "{text}");
    assert!(text.contains("Skipped: 7"), "{text}");
    for (file, why) in [
        ("photo.txt", "binary file (a PNG image)"),
        ("report.md", "binary file (a PDF)"),
        ("empty.txt", "the file is empty"),
        ("lines.jsonl: line 2:", "not valid JSON"),
        ("lines.jsonl: line 3:", "\"text\" field should be a string"),
        (
            "lines.jsonl: line 4:",
            "\"outlet\" field should be a string",
        ),
        ("lines.jsonl: line 5:", "expected a JSON object"),
    ] {
        assert!(
            text.lines().any(|l| l.contains(file) && l.contains(why)),
            "{file}: {why}\n{text}"
        );
    }
    assert!(
        text.lines()
            .any(|l| l.contains("legacy.txt") && l.contains("Windows-1252")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.contains("feb30.txt") && l.contains("2015-02-30")),
        "{text}"
    );

    let conn = s.conn();
    let body = |like: &str| -> String {
        conn.query_row(
            "SELECT text FROM articles WHERE text LIKE ?1",
            [like],
            |r| r.get(0),
        )
        .unwrap()
    };
    assert_eq!(
        body("%caf%"),
        "\u{201c}The caf\u{e9} stays open,\u{201d} said Mayor Alicia Brandt."
    );
    assert!(body("%bridge%").starts_with('"'));
    assert_eq!(
        body("%Ferries%"),
        "First paragraph.\n\n\"Ferries run at dawn,\" said Mayor Alicia Brandt."
    );
    let (published, raw): (Option<String>, Option<String>) = conn
        .query_row(
            "SELECT published, published_raw FROM articles WHERE text LIKE '%Dates can be wrong%'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(published, None);
    assert_eq!(raw.as_deref(), Some("2015-02-30"));
    // The legacy file's quote was found in the decoded text.
    let quotes = s.run(&["quotes", "--search", "café", "--format", "jsonl"]);
    assert!(
        stdout(&quotes).contains("The caf\u{e9} stays open"),
        "{}",
        stderr(&quotes)
    );
}

#[test]
fn extract_reads_legacy_encodings_and_skips_binary_files() {
    let s = Scratch::new();
    let legacy = s.write(
        "legacy.txt",
        b"Intro.\n\n\x93The caf\xe9 stays open,\x94 said Mayor Alicia Brandt.\n",
    );
    let out = s.run(&["extract", "--format", "jsonl", legacy.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("Windows-1252"), "{}", stderr(&out));
    let record: Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    assert_eq!(record["quote"]["text"], "The caf\u{e9} stays open,");
    // Offsets count into the decoded (UTF-8) text.
    let decoded = "Intro.\n\n\u{201c}The caf\u{e9} stays open,\u{201d} said Mayor Alicia Brandt.\n";
    let (start, end) = (
        record["quote"]["start"].as_u64().unwrap() as usize,
        record["quote"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&decoded[start..end], "The caf\u{e9} stays open,");

    // A byte-order mark is not counted in the offsets.
    let bom = s.write(
        "bom.txt",
        "\u{feff}\"The bridge opens in May,\" said Mayor Alicia Brandt.\n",
    );
    let out = s.run(&["extract", "--format", "jsonl", bom.to_str().unwrap()]);
    let record: Value = serde_json::from_str(stdout(&out).lines().next().unwrap()).unwrap();
    assert_eq!(record["quote"]["start"], 1);

    let binary = s.write("photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let empty = s.write("empty.txt", b"");
    let out = s.run(&[
        "extract",
        binary.to_str().unwrap(),
        empty.to_str().unwrap(),
        legacy.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("photo: this looks like a binary file"),
        "{err}"
    );
    assert!(err.contains("empty: the file is empty"), "{err}");
    assert!(stdout(&out).contains("The caf\u{e9} stays open"));
}

// ------------------------------------------------------------ crash safety

fn write_corpus(dir: &Path, range: std::ops::Range<usize>) {
    std::fs::create_dir_all(dir).unwrap();
    for i in range {
        std::fs::write(dir.join(format!("a{i:05}.txt")), story(i)).unwrap();
    }
}

fn spawn(s: &Scratch, args: &[&str]) -> Child {
    std::process::Command::new(assert_cmd::cargo::cargo_bin("quotetrack"))
        .env_remove("QUOTETRACK_DB")
        .env_remove("QUOTETRACK_GRAMMAR")
        .arg("--db")
        .arg(s.db())
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Articles stored so far, read as a concurrent reader would.
fn stored(s: &Scratch) -> i64 {
    if !s.db().exists() {
        return 0;
    }
    Connection::open(s.db())
        .and_then(|c| {
            c.busy_timeout(Duration::from_secs(5))?;
            c.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        })
        .unwrap_or(0)
}

#[test]
fn kill_9_mid_ingest_leaves_a_sound_database_and_a_rerun_finishes_the_job() {
    const N: usize = 3000;
    let s = Scratch::new();
    let corpus = s.path("corpus");
    write_corpus(&corpus, 0..N);
    let corpus = corpus.to_str().unwrap();

    let mut child = spawn(&s, &["ingest", corpus]);
    let started = Instant::now();
    // Kill as soon as the first chunk is committed: mid-way for certain.
    while stored(&s) == 0 {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the ingest ended before it was killed"
        );
        assert!(started.elapsed() < Duration::from_secs(120), "no progress");
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    let partial = stored(&s);
    assert!(partial > 0 && (partial as usize) < N, "{partial} stored");

    let check: String = s
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");

    let out = s.run(&["ingest", corpus]);
    assert!(out.status.success(), "{}", stdout(&out));
    assert!(
        stdout(&out).contains(&format!("holds {N} articles")),
        "{}",
        stdout(&out)
    );
    assert_eq!(s.count("SELECT count(*) FROM articles"), N as i64);
    assert_eq!(
        s.count("SELECT count(DISTINCT text) FROM articles"),
        N as i64
    );
    // Every article has its one quote, once.
    assert_eq!(s.count("SELECT count(*) FROM quotes"), N as i64);
    assert_eq!(
        s.count("SELECT count(*) FROM (SELECT article_id FROM quotes GROUP BY article_id HAVING count(*) > 1)"),
        0
    );
    let check: String = s
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

// ------------------------------------------------------------- concurrency

#[test]
fn quotes_trace_and_export_work_while_an_ingest_writes() {
    const N: usize = 3000;
    let s = Scratch::new();
    let base = s.write(
        "base/council.txt",
        "---\noutlet: Base Post\ndate: 2024-01-05\n---\n\"We will not gamble with the safety of families,\" said Mayor Alicia Brandt.\n",
    );
    assert!(s.run(&["ingest", base.to_str().unwrap()]).status.success());
    let corpus = s.path("corpus");
    write_corpus(&corpus, 0..N);

    let mut child = spawn(&s, &["ingest", corpus.to_str().unwrap()]);
    let mut rounds = 0;
    let mut last_export = 0;
    let mut overlapped = false;
    loop {
        let writing = child.try_wait().unwrap().is_none();
        let quotes = s.run(&["quotes", "--search", "gamble families", "--format", "jsonl"]);
        assert!(quotes.status.success(), "quotes: {}", stderr(&quotes));
        let rows: Vec<Value> = stdout(&quotes)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(rows.len(), 1, "{}", stdout(&quotes));

        let trace = s.run(&["trace", "--format", "jsonl", "gamble", "families"]);
        assert!(trace.status.success(), "trace: {}", stderr(&trace));
        assert!(stdout(&trace).contains("Base Post"), "{}", stdout(&trace));

        let export = s.run(&["export", "--format", "jsonl"]);
        assert!(export.status.success(), "export: {}", stderr(&export));
        let rows: Vec<Value> = stdout(&export)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let n = rows.len();
        // Each export sees a whole number of committed chunks, never less
        // than the one before.
        assert!(n >= last_export.max(1), "{n} after {last_export}");
        last_export = n;
        rounds += 1;
        if writing && stored(&s) > 1 {
            overlapped = true;
        }
        if !writing {
            break;
        }
    }
    assert!(child.wait().unwrap().success());
    assert!(
        rounds >= 2 && overlapped,
        "reads never overlapped the ingest"
    );
    assert_eq!(s.count("SELECT count(*) FROM articles"), N as i64 + 1);
}

// ----------------------------------------------------------------- safety

/// Search words that are query syntax in SQLite's FTS5.
const HOSTILE_SEARCHES: &[&str] = &[
    "\"gamble",
    "gamble\"",
    "gamble*",
    "*",
    "NEAR(gamble families)",
    "gamble NEAR families",
    "-gamble",
    "gamble -families",
    "gamble AND families",
    "gamble OR",
    "NOT families",
    "(gamble",
    "gamble)",
    "families:gamble",
    "^gamble",
    "gamble + families",
    "{text}: gamble",
    "'; DROP TABLE quotes; --",
];

fn safety_db() -> Scratch {
    let s = Scratch::new();
    let file = s.write(
        "council.txt",
        "---\noutlet: Base Post\ndate: 2024-01-05\n---\n\"We will not gamble with the safety of families,\" said Mayor Alicia Brandt.\n",
    );
    assert!(s.run(&["ingest", file.to_str().unwrap()]).status.success());
    s
}

#[test]
fn search_words_are_text_never_query_syntax() {
    let s = safety_db();
    for words in HOSTILE_SEARCHES {
        let quotes = s.run(&["quotes", "--search", words, "--format", "jsonl"]);
        assert!(
            quotes.status.success(),
            "quotes --search {words:?}: {}",
            stderr(&quotes)
        );
        assert!(
            !stderr(&quotes).contains("fts5"),
            "{words:?}: {}",
            stderr(&quotes)
        );
        let trace = s.run(&["trace", "--format", "jsonl", "--", words]);
        assert!(
            trace.status.success(),
            "trace {words:?}: {}",
            stderr(&trace)
        );
        assert!(
            !stderr(&trace).contains("fts5"),
            "{words:?}: {}",
            stderr(&trace)
        );
        let export = s.run(&["export", "--format", "jsonl", "--search", words]);
        assert!(
            export.status.success(),
            "export {words:?}: {}",
            stderr(&export)
        );
    }
    // Words around the syntax still find the quote, taken as words.
    for words in [
        "\"gamble",
        "gamble*",
        "(gamble families)",
        "gamble AND families",
    ] {
        let quotes = s.run(&["quotes", "--search", words, "--format", "jsonl"]);
        let found = stdout(&quotes);
        if words.contains("AND") {
            // "AND" is a word the quote does not have.
            assert!(found.is_empty(), "{words:?}: {found}");
        } else {
            assert!(found.contains("gamble"), "{words:?}: {found}");
        }
    }
    // The table is still there.
    assert_eq!(s.count("SELECT count(*) FROM quotes"), 1);
}

#[test]
fn article_text_cannot_drive_the_terminal() {
    let s = Scratch::new();
    let esc = "\x1b]0;pwned\x07\x1b[2J\u{9b}31m\u{202e}";
    let file = s.write(
        &format!("evil{}.txt", "\x1b[31m"),
        format!(
            "---\noutlet: Evil{esc} Post\ndate: 2024-01-05\ntitle: Title{esc}\nurl: https://x.example/{esc}\n---\n\"We will not gamble{esc} with the safety of families,\" said Mayor Alicia Brandt.\n"
        ),
    );
    let bad = s.write(&format!("bad{}.txt", "\x1b[31m"), b"\0binary");
    let ingest = s.run(&["ingest", file.to_str().unwrap(), bad.to_str().unwrap()]);
    let mut outputs = vec![("ingest", ingest)];
    for args in [
        &["quotes"][..],
        &["quotes", "--search", "gamble"],
        &["show", "1"],
        &["trace", "gamble", "families"],
        &["trace", "--quote", "1"],
        &["speakers", "show", "Brandt"],
        &["speakers"],
        &["extract", file.to_str().unwrap()],
        &["extract", bad.to_str().unwrap()],
    ] {
        outputs.push((args[0], s.run(args)));
    }
    for (name, out) in &outputs {
        for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
            let text = String::from_utf8_lossy(bytes);
            let bad = text
                .chars()
                .find(|&c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c));
            assert_eq!(bad, None, "{name} {stream}: {text:?}");
        }
    }
    // The commands did print the article's text, made safe.
    let show = stdout(&outputs.iter().find(|(n, _)| *n == "show").unwrap().1);
    assert!(show.contains("Evil ]0;pwned  [2J 31m Post"), "{show}");
}

// ------------------------------------------------------- pathological text

/// 10 MB of one paragraph of stray quotation marks, through the binary as a
/// user would hand it over. Linear time: a quadratic pass would take hours.
/// Release builds only (`cargo test --release`); the debug suite covers
/// 1 MB in tests/proptest_extract.rs.
#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "10 MB is slow unoptimised; run with --release"
)]
fn ten_megabytes_of_stray_marks_extract_and_ingest_in_linear_time() {
    let s = Scratch::new();
    let unit = "\" ' \u{201c} x \u{2018} \u{ab} `` '' \u{201d} said \u{bb} \u{2019} '\"He ";
    let file = s.write("marks.txt", unit.repeat((10 << 20) / unit.len() + 1));
    for args in [
        &["extract", "--format", "jsonl", file.to_str().unwrap()][..],
        &["ingest", file.to_str().unwrap()],
    ] {
        let started = Instant::now();
        let out = s
            .cmd(args)
            .timeout(Duration::from_secs(120))
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        eprintln!("{}: 10 MB in {:?}", args[0], started.elapsed());
    }
}

/// 5,000 levels of nested quotes in one article, through `ingest` (reader,
/// extractor on a worker thread's smaller stack, store): no stack overflow.
#[test]
fn five_thousand_nested_quotes_ingest_without_overflow() {
    let s = Scratch::new();
    let opens = ["\"", "'", "\u{201c}", "\u{2018}", "\u{ab}", "``"];
    let closes = ["\"", "'", "\u{201d}", "\u{2019}", "\u{bb}", "''"];
    let mut text = String::from("Kerry said ");
    for i in 0..5000 {
        text.push_str(opens[i % opens.len()]);
        text.push_str("he said ");
    }
    text.push_str("the end");
    for i in (0..5000).rev() {
        text.push_str(closes[i % closes.len()]);
        text.push_str(", she said. ");
    }
    let file = s.write("nested.txt", text);
    let out = s
        .cmd(&["ingest", file.to_str().unwrap()])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert_eq!(s.count("SELECT count(*) FROM articles"), 1);
}
