//! `quotetrack extract --input jsonl`: articles as JSON Lines in, quote
//! records out, each with its article's id, in input order, as they come.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use serde_json::{Value, json};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/extract");

/// The fixture articles, sorted by name as `extract FOLDER` reads them.
fn fixtures() -> Vec<(String, String)> {
    let mut files: Vec<_> = fs::read_dir(FIXTURES)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            (id, fs::read_to_string(p).unwrap())
        })
        .collect()
}

fn line(id: &str, text: &str) -> String {
    json!({"id": id, "text": text, "outlet": "Fixture News"}).to_string()
}

#[test]
fn a_stream_gives_the_records_extract_gives_the_files() {
    let articles = fixtures();
    assert!(articles.len() > 10);
    // Every article whose text reads the same after the trimming JSON
    // Lines does (ingest stores it so) must give byte-identical records.
    let same: Vec<_> = articles
        .iter()
        .filter(|(_, text)| text.trim_start() == text && !text.contains('\r'))
        .collect();
    assert!(same.len() > 10);
    let mut input = String::new();
    for (id, text) in &same {
        input.push_str(&line(id, text));
        input.push('\n');
    }
    let streamed = cargo_bin_cmd!("quotetrack")
        .args(["extract", "--input", "jsonl", "-"])
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let paths: Vec<String> = same
        .iter()
        .map(|(id, _)| format!("{FIXTURES}/{id}.txt"))
        .collect();
    let files = cargo_bin_cmd!("quotetrack")
        .args(["extract", "--format", "jsonl"])
        .args(&paths)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(files.len() > 1000);
    assert_eq!(
        String::from_utf8(streamed).unwrap(),
        String::from_utf8(files).unwrap()
    );
}

#[test]
fn bad_lines_are_warned_of_by_number_and_skipped() {
    let articles = fixtures();
    let good = |i: usize| line(&format!("doc{i}"), &articles[i].1);
    let input = [
        good(0),
        "{\"id\": \"broken\", \"text\": ".to_string(),
        good(1),
        String::new(),
        "[1, 2]".to_string(),
        "{\"text\": \"no name\"}".to_string(),
        "{\"id\": \"x\", \"text\": 5}".to_string(),
        good(2),
    ]
    .join("\n");
    let assert = cargo_bin_cmd!("quotetrack")
        .args(["extract", "--input", "jsonl", "-"])
        .write_stdin(input)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("skipped line 2:")
                .and(predicate::str::contains("skipped line 5:"))
                .and(predicate::str::contains("skipped line 6:"))
                .and(predicate::str::contains("\"id\""))
                .and(predicate::str::contains("skipped line 7:"))
                .and(predicate::str::contains("panicked").not()),
        );
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let docs: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["doc"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let mut firsts = docs.clone();
    firsts.dedup();
    assert_eq!(firsts, ["doc0", "doc1", "doc2"]);
}

#[test]
fn a_file_of_lines_names_the_file_in_its_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("articles.jsonl");
    fs::write(
        &path,
        format!("{}\nnot json\n", line("a", &fixtures()[0].1)),
    )
    .unwrap();
    cargo_bin_cmd!("quotetrack")
        .args(["extract", "--input", "jsonl"])
        .arg(&path)
        .assert()
        .code(1)
        .stdout(predicate::str::starts_with("{\"doc\":\"a\""))
        .stderr(predicate::str::contains("articles.jsonl:2:"));
}

#[test]
fn a_table_is_not_written_for_a_stream() {
    cargo_bin_cmd!("quotetrack")
        .args(["extract", "--input", "jsonl", "--format", "table", "-"])
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--format jsonl only"));
}

/// Records come out while the input is still open: a pipe stage must not
/// hold them back until the end of its input.
#[test]
fn records_are_written_before_the_input_ends() {
    let articles = fixtures();
    let mut child = Command::new(env!("CARGO_BIN_EXE_quotetrack"))
        .args(["extract", "--input", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (send, got) = mpsc::channel();
    std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        let first = lines.next().and_then(Result::ok);
        send.send(first).ok();
    });
    writeln!(stdin, "{}", line("first", &articles[0].1)).unwrap();
    stdin.flush().unwrap();
    let first = got.recv_timeout(Duration::from_secs(20));
    drop(stdin);
    child.wait().unwrap();
    let first = first
        .expect("no record within 20 s of the first line while the input was open")
        .unwrap();
    assert!(first.starts_with("{\"doc\":\"first\""), "{first}");
}

#[test]
fn html_lines_are_read_as_pages() {
    let page = "<html><head><title>Barrier</title></head><body><article><p>The mayor spoke at City Hall on Monday about the flood barrier, which has been delayed again this autumn.</p><p>\"We will not gamble with the safety of families,\" Mayor Alicia Brandt said.</p><p>The council meets again next week to decide on the money for the next phase of the work.</p></article></body></html>";
    let input = json!({"url": "https://example.com/barrier", "html": page}).to_string();
    let assert = cargo_bin_cmd!("quotetrack")
        .args(["extract", "--input", "jsonl"])
        .arg("-")
        .write_stdin(input)
        .assert()
        .success();
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let record: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(record["doc"], "https://example.com/barrier");
    assert_eq!(record["speaker"]["name"], "Alicia Brandt");
}

/// A reader that went away (`| head -1`) ends the stream even while its
/// input stays open and idle: the filter does not wait for more input.
#[test]
fn a_closed_output_ends_the_stream_while_the_input_is_idle() {
    let articles = fixtures();
    let mut child = Command::new(env!("CARGO_BIN_EXE_quotetrack"))
        .args(["extract", "--input", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    writeln!(stdin, "{}", line("first", &articles[0].1)).unwrap();
    stdin.flush().unwrap();
    assert!(
        lines
            .next()
            .unwrap()
            .unwrap()
            .starts_with("{\"doc\":\"first\"")
    );
    drop(lines);
    // The next article's records meet the closed pipe.
    writeln!(stdin, "{}", line("second", &articles[0].1)).unwrap();
    stdin.flush().unwrap();
    let (send, done) = mpsc::channel();
    let waiter = std::thread::spawn(move || {
        let status = child.wait();
        send.send(status.map(|s| s.code())).ok();
    });
    let status = done.recv_timeout(Duration::from_secs(20));
    drop(stdin);
    waiter.join().unwrap();
    let code = status
        .expect("still running 20 s after its output closed, its input open")
        .unwrap();
    assert_eq!(code, Some(0), "a closed pipe is what the reader asked for");
}

#[test]
fn a_gzipped_file_of_lines_is_read_as_a_stream() {
    use flate2::{Compression, write::GzEncoder};
    let articles = fixtures();
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("articles.jsonl");
    let gz = dir.path().join("articles.jsonl.gz");
    let text: String = articles[..3]
        .iter()
        .map(|(id, t)| line(id, t) + "\n")
        .collect();
    fs::write(&plain, &text).unwrap();
    // Two gzip members, as archives are often written.
    let mut bytes = Vec::new();
    for half in [&text[..text.len() / 2], &text[text.len() / 2..]] {
        let mut enc = GzEncoder::new(Vec::new(), Compression::default());
        enc.write_all(half.as_bytes()).unwrap();
        bytes.extend(enc.finish().unwrap());
    }
    fs::write(&gz, bytes).unwrap();
    let run = |path: &Path| {
        cargo_bin_cmd!("quotetrack")
            .args(["extract", "--input", "jsonl"])
            .arg(path)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    let want = run(&plain);
    assert!(!want.is_empty());
    assert_eq!(run(&gz), want);
}
