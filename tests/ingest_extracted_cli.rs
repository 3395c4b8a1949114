//! `ingest --extracted QUOTES --articles ARTICLES`: quotes extracted
//! elsewhere stored without extracting again give the database an ingest
//! of the articles themselves gives, table for table.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use rusqlite::Connection;
use serde_json::json;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The demo corpus and the text fixtures as one JSON Lines file:
/// several outlets and days, one story retold, so statements link across
/// articles and speakers merge.
fn articles_jsonl(dir: &Path) -> PathBuf {
    let mut files: Vec<PathBuf> = [
        "examples/demo",
        "tests/fixtures/extract",
        "tests/fixtures/trace",
        "tests/fixtures/speakers",
        "tests/fixtures/reprints",
    ]
    .iter()
    .flat_map(|d| fs::read_dir(Path::new(ROOT).join(d)).unwrap())
    .map(|e| e.unwrap().path())
    .filter(|p| p.extension().is_some_and(|e| e == "txt"))
    .collect();
    files.sort();
    let mut out = String::new();
    for (i, path) in files.iter().enumerate() {
        let article = quotetrack::article::read_path(path, &Default::default())
            .remove(0)
            .unwrap();
        let mut line = json!({
            "id": format!("doc-{i}"),
            "text": article.text,
            "outlet": article.outlet.unwrap_or_else(|| format!("Outlet {}", i % 4)),
            "date": article.published_raw.unwrap_or_else(|| format!("2024-10-{:02}", 10 + i % 9)),
        });
        if let Some(title) = article.title {
            line["title"] = json!(title);
        }
        out.push_str(&line.to_string());
        out.push('\n');
    }
    let path = dir.join("articles.jsonl");
    fs::write(&path, out).unwrap();
    path
}

/// Every row of every table the schema has (full-text index internals
/// aside), as text, sorted; every column but `ingested_at`.
fn dump(db: &Path) -> Vec<(String, Vec<String>)> {
    let conn = Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
             AND name NOT LIKE '%fts%' ORDER BY name",
        )
        .unwrap();
    let tables: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    tables
        .into_iter()
        .map(|table| {
            // When the row was stored is the one column that may differ.
            let mut info = conn
                .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .unwrap();
            let names: Vec<String> = info
                .query_map([], |r| r.get::<_, String>(0))
                .unwrap()
                .map(Result::unwrap)
                .filter(|name| name != "ingested_at")
                .map(|name| format!("\"{name}\""))
                .collect();
            let mut stmt = conn
                .prepare(&format!("SELECT {} FROM \"{table}\"", names.join(", ")))
                .unwrap();
            let columns = stmt.column_count();
            let mut rows: Vec<String> = stmt
                .query_map([], |r| {
                    Ok((0..columns)
                        .map(|c| format!("{:?}", r.get_ref(c).unwrap()))
                        .collect::<Vec<_>>()
                        .join(" | "))
                })
                .unwrap()
                .map(Result::unwrap)
                .collect();
            rows.sort();
            (table, rows)
        })
        .collect()
}

fn count(db: &Path, sql: &str) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row(sql, [], |r| r.get(0))
        .unwrap()
}

#[test]
fn ingesting_extracted_quotes_gives_the_database_of_ingesting_the_articles() {
    let dir = tempfile::tempdir().unwrap();
    let articles = articles_jsonl(dir.path());
    let direct = dir.path().join("direct.db");
    let via = dir.path().join("extracted.db");
    cargo_bin_cmd!("quotetrack")
        .env_remove("QUOTETRACK_DB")
        .arg("--db")
        .arg(&direct)
        .arg("ingest")
        .arg(&articles)
        .assert()
        .success();
    let quotes = dir.path().join("quotes.jsonl");
    let extracted = cargo_bin_cmd!("quotetrack")
        .args(["extract", "--input", "jsonl", "--kind", "all"])
        .arg(&articles)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    fs::write(&quotes, &extracted).unwrap();
    cargo_bin_cmd!("quotetrack")
        .env_remove("QUOTETRACK_DB")
        .arg("--db")
        .arg(&via)
        .arg("ingest")
        .arg("--extracted")
        .arg(&quotes)
        .arg("--articles")
        .arg(&articles)
        .assert()
        .success()
        .stdout(predicate::str::contains("Stored"));
    // The corpus is big enough for the comparison to mean something.
    assert!(count(&direct, "SELECT count(*) FROM articles") >= 30);
    assert!(count(&direct, "SELECT count(*) FROM quotes") > 100);
    assert!(count(&direct, "SELECT count(*) FROM statements") > 50);
    assert!(count(&direct, "SELECT count(*) FROM speakers") > 30);
    let (a, b) = (dump(&direct), dump(&via));
    assert_eq!(
        a.iter().map(|(t, _)| t).collect::<Vec<_>>(),
        b.iter().map(|(t, _)| t).collect::<Vec<_>>()
    );
    for ((table, rows_a), (_, rows_b)) in a.iter().zip(&b) {
        assert_eq!(
            rows_a.len(),
            rows_b.len(),
            "table {table}: row counts differ"
        );
        for (x, y) in rows_a.iter().zip(rows_b) {
            assert_eq!(x, y, "table {table} differs");
        }
    }
    // And trace reads the same.
    let trace = |db: &Path| {
        cargo_bin_cmd!("quotetrack")
            .env_remove("QUOTETRACK_DB")
            .arg("--db")
            .arg(db)
            .args(["trace", "gamble", "safety", "families", "--format", "jsonl"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    assert_eq!(trace(&direct), trace(&via));
}

#[test]
fn quotes_that_do_not_fit_their_article_and_bad_records_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let text = "\"We will hold the line,\" Mayor Alicia Brandt said on Monday.";
    let articles = dir.path().join("a.jsonl");
    fs::write(
        &articles,
        format!(
            "{}\n{}\nnot json\n{}\n",
            json!({"id": "a", "text": text, "outlet": "A"}),
            json!({"id": "b", "text": format!("Earlier: {text}"), "outlet": "B"}),
            json!({"id": "a", "text": "again", "outlet": "A"}),
        ),
    )
    .unwrap();
    // Quotes of `a`'s text given to `b`, whose text has them elsewhere.
    let records = cargo_bin_cmd!("quotetrack")
        .args(["extract", "--input", "jsonl", "-"])
        .write_stdin(json!({"id": "a", "text": text}).to_string())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let records = String::from_utf8(records).unwrap();
    let quotes = dir.path().join("q.jsonl");
    fs::write(
        &quotes,
        format!(
            "{records}{}{{\"doc\": 5}}\n{}",
            records.replace("\"doc\":\"a\"", "\"doc\":\"b\""),
            records.replace("\"doc\":\"a\"", "\"doc\":\"nowhere\"")
        ),
    )
    .unwrap();
    let db = dir.path().join("q.db");
    cargo_bin_cmd!("quotetrack")
        .env_remove("QUOTETRACK_DB")
        .arg("--db")
        .arg(&db)
        .arg("ingest")
        .arg("--extracted")
        .arg(&quotes)
        .arg("--articles")
        .arg(&articles)
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("Stored 1 new article with 1 quote")
                .and(predicate::str::contains(
                    "a.jsonl:2: the quotes of \"b\" do not fit it",
                ))
                .and(predicate::str::contains("a.jsonl:3: not valid JSON"))
                .and(predicate::str::contains(
                    "a.jsonl:4: the id \"a\" is an earlier line's",
                ))
                .and(predicate::str::contains("q.jsonl:3: not a quote record"))
                .and(predicate::str::contains(
                    "1 quote records name 1 articles not in",
                ))
                .and(predicate::str::contains("panicked").not()),
        );
    assert_eq!(count(&db, "SELECT count(*) FROM quotes"), 1);
}

#[test]
fn extracted_needs_its_articles() {
    cargo_bin_cmd!("quotetrack")
        .args(["ingest", "--extracted", "q.jsonl"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--articles"));
}
