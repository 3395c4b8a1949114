//! Integration tests: run the `quotetrack` binary on the articles in
//! tests/fixtures/extract/ and compare what it prints with the hand-written
//! expectations beside each article (NAME.expected.jsonl, one quote a line:
//! `{"text", "speaker", "kind", "quote_kind"?, "found_by"?}`).
//!
//! Matching rules, kept deliberately strict:
//! - quote texts: the exact multiset of texts (the words between the marks,
//!   marks excluded) must equal the expected one;
//! - speakers: a person's resolved `name` must equal the expected full name
//!   exactly ("Kerry" and "he" must both come out as "John Kerry");
//!   anonymous sources and organisations have no canonical name, so there the
//!   names are compared without case and a leading article, and either may be
//!   the other with words in front ("Foreign Ministry" matches "Argentine
//!   Foreign Ministry"); the speaker kind must always be equal;
//! - `quote_kind` and `found_by` are checked only where the expected line
//!   gives one; every quote's `confidence` must be the one
//!   grammar/confidence.txt gives its `found_by`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use serde_json::Value;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/extract");

const ALL_FIXTURES: &[&str] = &[
    "arctic_exercise",
    "fare_vote",
    "ferry_strike",
    "glacier_talks_broadcast",
    "glacier_talks_wire",
    "harbor_voices",
    "harbour_bridge",
    "jazz_festival",
    "judge_interview",
    "levy_documents",
    "levy_interview",
    "library_budget",
    "orchard_grant",
    "water_review",
];

#[derive(Debug, Clone)]
struct Expected {
    text: String,
    speaker: Option<String>,
    kind: Option<String>,
    quote_kind: Option<String>,
    found_by: Option<String>,
}

fn fixture_path(name: &str) -> PathBuf {
    Path::new(FIXTURES).join(format!("{name}.txt"))
}

fn fixture_text(name: &str) -> String {
    fs::read_to_string(fixture_path(name)).expect("fixture article is readable UTF-8")
}

fn load_expected(name: &str) -> Vec<Expected> {
    let path = Path::new(FIXTURES).join(format!("{name}.expected.jsonl"));
    let body = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    body.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{}: {e}: {line}", path.display()));
            let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
            Expected {
                text: s("text").expect("expected line has a text"),
                speaker: s("speaker"),
                kind: s("kind"),
                quote_kind: s("quote_kind"),
                found_by: s("found_by"),
            }
        })
        .collect()
}

/// Run `quotetrack extract ARGS... --format jsonl`, require success, and
/// parse every output line as JSON.
fn run_jsonl(args: &[&str]) -> Vec<Value> {
    let output = cargo_bin_cmd!("quotetrack")
        .arg("extract")
        .args(args)
        .args(["--format", "jsonl"])
        .output()
        .expect("quotetrack runs");
    assert!(
        output.status.success(),
        "quotetrack extract {args:?} failed ({}): {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    parse_jsonl(&output.stdout)
}

fn parse_jsonl(stdout: &[u8]) -> Vec<Value> {
    let out = std::str::from_utf8(stdout).expect("jsonl output is UTF-8");
    out.lines()
        .map(|line| {
            serde_json::from_str(line).unwrap_or_else(|e| panic!("not a JSON line ({e}): {line}"))
        })
        .collect()
}

fn run_fixture(name: &str) -> Vec<Value> {
    let path = fixture_path(name);
    let records = run_jsonl(&[path.to_str().unwrap()]);
    for r in &records {
        assert_eq!(r["doc"], name, "doc is the file name without extension");
    }
    records
}

fn quote_text(r: &Value) -> String {
    r["quote"]["text"]
        .as_str()
        .expect("quote.text is a string")
        .to_string()
}

fn sorted<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort();
    v
}

/// Lower case, without a leading "a", "an" or "the".
fn normalise_group_name(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    for article in ["a ", "an ", "the "] {
        if let Some(rest) = lower.strip_prefix(article) {
            return rest.trim().to_string();
        }
    }
    lower
}

fn group_names_match(expected: &str, got: &str) -> bool {
    let (e, g) = (normalise_group_name(expected), normalise_group_name(got));
    !g.is_empty() && (e == g || e.ends_with(&format!(" {g}")) || g.ends_with(&format!(" {e}")))
}

/// None when the predicted speaker agrees with the expectation, otherwise a
/// description of the difference.
fn speaker_mismatch(exp: &Expected, got: &Value) -> Option<String> {
    let got_sp = &got["speaker"];
    match (&exp.speaker, got_sp.is_null()) {
        (None, true) => None,
        (None, false) => Some(format!("expected no speaker, got {got_sp}")),
        (Some(name), true) => Some(format!("expected {name:?}, got no speaker")),
        (Some(name), false) => {
            let got_name = got_sp["name"].as_str().unwrap_or("");
            let got_kind = got_sp["kind"].as_str().unwrap_or("");
            let exp_kind = exp.kind.as_deref().unwrap_or("person");
            let name_ok = if exp_kind == "person" {
                got_name == name
            } else {
                group_names_match(name, got_name)
                    || group_names_match(name, got_sp["text"].as_str().unwrap_or(""))
            };
            if name_ok && got_kind == exp_kind {
                None
            } else {
                Some(format!(
                    "expected {name:?} ({exp_kind}), got {got_name:?} ({got_kind}) from mention {}",
                    got_sp["text"]
                ))
            }
        }
    }
}

/// The exact set of quote texts, then every speaker.
fn check_quotes_and_speakers(name: &str) {
    let expected = load_expected(name);
    let got = run_fixture(name);
    let exp_texts = sorted(expected.iter().map(|e| e.text.clone()).collect());
    let got_texts = sorted(got.iter().map(quote_text).collect());
    let missing: Vec<_> = exp_texts
        .iter()
        .filter(|t| !got_texts.contains(t))
        .collect();
    let extra: Vec<_> = got_texts
        .iter()
        .filter(|t| !exp_texts.contains(t))
        .collect();
    assert_eq!(
        got_texts, exp_texts,
        "{name}: quote texts differ\n  missing: {missing:#?}\n  not expected: {extra:#?}"
    );
    let by_text: BTreeMap<String, &Value> = got.iter().map(|r| (quote_text(r), r)).collect();
    let wrong: Vec<String> = expected
        .iter()
        .filter_map(|e| speaker_mismatch(e, by_text[&e.text]).map(|m| format!("{:?}: {m}", e.text)))
        .collect();
    assert!(
        wrong.is_empty(),
        "{name}: wrong speakers:\n  {}",
        wrong.join("\n  ")
    );
}

/// Quote kinds (direct, partial, continuation) where the expectation names
/// one; quotes not found are left to `check_quotes_and_speakers`.
fn check_quote_kinds(name: &str) {
    let expected = load_expected(name);
    let got = run_fixture(name);
    let by_text: BTreeMap<String, &Value> = got.iter().map(|r| (quote_text(r), r)).collect();
    let mut checked = 0;
    let mut wrong = Vec::new();
    for e in &expected {
        let (Some(kind), Some(r)) = (&e.quote_kind, by_text.get(&e.text)) else {
            continue;
        };
        checked += 1;
        if r["kind"].as_str() != Some(kind.as_str()) {
            wrong.push(format!("{:?}: expected {kind}, got {}", e.text, r["kind"]));
        }
    }
    let wanted = expected.iter().filter(|e| e.quote_kind.is_some()).count();
    assert!(
        checked > 0 || wanted == 0,
        "{name}: none of the quotes with an expected kind was found"
    );
    assert!(
        wrong.is_empty(),
        "{name}: wrong quote kinds:\n  {}",
        wrong.join("\n  ")
    );
}

/// The confidence of each way of finding a speaker, as grammar/ lists it.
fn confidence_table() -> BTreeMap<String, f64> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/grammar/confidence.txt");
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (way, c) = l.split_once('\t').expect("found_by<TAB>confidence");
            (way.to_string(), c.trim().parse().unwrap())
        })
        .collect()
}

/// How each speaker was found, where the expectation says, and every
/// quote's confidence as grammar/confidence.txt gives its way.
fn check_found_by(name: &str) {
    let expected = load_expected(name);
    let got = run_fixture(name);
    let by_text: BTreeMap<String, &Value> = got.iter().map(|r| (quote_text(r), r)).collect();
    let wrong: Vec<String> = expected
        .iter()
        .filter_map(|e| {
            let (way, r) = (e.found_by.as_ref()?, by_text.get(&e.text)?);
            (r["found_by"].as_str() != Some(way.as_str()))
                .then(|| format!("{:?}: expected {way}, got {}", e.text, r["found_by"]))
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "{name}: wrong found_by:\n  {}",
        wrong.join("\n  ")
    );
    let table = confidence_table();
    for r in &got {
        let way = r["found_by"].as_str().expect("found_by is a string");
        let confidence = r["confidence"].as_f64();
        // A continuation carrying on a name a pronoun was resolved to is
        // as sure as the pronoun (src/extract.rs tests which one is which).
        let carried_pronoun = way == "continuation"
            && confidence == Some(table["pronoun"].min(table["continuation"]));
        // One carried into the middle of a sentence is less sure
        // (src/extract.rs's inside_a_sentence).
        let carried_inside =
            way == "continuation" && confidence.is_some_and(|c| c <= table["continuation-inside"]);
        if carried_pronoun || carried_inside {
            continue;
        }
        assert_eq!(
            confidence,
            Some(table[way]),
            "{name}: confidence of a quote found by {way}"
        );
    }
}

/// Every offset in every record points at the bytes its text claims.
fn check_offsets(name: &str) {
    let text = fixture_text(name);
    let got = run_fixture(name);
    assert_eq!(
        got.len(),
        load_expected(name).len(),
        "{name}: number of quotes"
    );
    for r in &got {
        for field in ["quote", "cue", "speaker"] {
            let span = &r[field];
            if span.is_null() {
                assert_ne!(field, "quote", "{name}: every record has a quote span");
                continue;
            }
            let start = span["start"].as_u64().expect("start is a number") as usize;
            let end = span["end"].as_u64().expect("end is a number") as usize;
            assert!(
                start <= end && end <= text.len(),
                "{name}: {field} span {start}..{end} out of bounds"
            );
            assert!(
                text.is_char_boundary(start) && text.is_char_boundary(end),
                "{name}: {field} span {start}..{end} not on a character boundary"
            );
            assert_eq!(
                &text[start..end],
                span["text"].as_str().unwrap(),
                "{name}: {field} text at {start}..{end}"
            );
        }
        // The quote excludes its marks: the bytes just outside are quotation
        // marks (or the paragraph end, for a quote that does not close there).
        let (start, end) = (
            r["quote"]["start"].as_u64().unwrap() as usize,
            r["quote"]["end"].as_u64().unwrap() as usize,
        );
        let before = text[..start].chars().next_back().unwrap_or('\n');
        let after = text[end..].chars().next().unwrap_or('\n');
        let marks = [
            '"', '\'', '`', '\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}', '\u{ab}', '\u{bb}',
        ];
        assert!(
            marks.contains(&before),
            "{name}: quote at {start} not preceded by a mark but {before:?}"
        );
        assert!(
            marks.contains(&after) || after == '\n',
            "{name}: quote ending at {end} not followed by a mark or paragraph end but {after:?}"
        );
    }
}

macro_rules! fixture_tests {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[test]
            fn quotes_and_speakers() {
                super::check_quotes_and_speakers(stringify!($name));
            }
            #[test]
            fn quote_kinds() {
                super::check_quote_kinds(stringify!($name));
            }
            #[test]
            fn found_by_and_confidence() {
                super::check_found_by(stringify!($name));
            }
            #[test]
            fn offsets_point_at_the_quoted_bytes() {
                super::check_offsets(stringify!($name));
            }
        }
    )*};
}

fixture_tests!(
    arctic_exercise,
    fare_vote,
    ferry_strike,
    glacier_talks_broadcast,
    glacier_talks_wire,
    harbor_voices,
    harbour_bridge,
    jazz_festival,
    judge_interview,
    levy_documents,
    levy_interview,
    library_budget,
    orchard_grant,
    water_review,
);

#[test]
fn every_fixture_is_listed_and_has_expectations() {
    let mut found: Vec<String> = fs::read_dir(FIXTURES)
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".txt").map(str::to_string)
        })
        .collect();
    found.sort();
    assert_eq!(
        found, ALL_FIXTURES,
        "add new fixtures to ALL_FIXTURES and fixture_tests!"
    );
    for name in ALL_FIXTURES {
        for e in load_expected(name) {
            assert!(
                fixture_text(name).contains(&e.text),
                "{name}: expected text not in article: {:?}",
                e.text
            );
        }
    }
}

#[test]
fn dash_reads_standard_input() {
    let name = "harbour_bridge";
    let output = cargo_bin_cmd!("quotetrack")
        .args(["extract", "-", "--format", "jsonl"])
        .write_stdin(fixture_text(name))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let got = parse_jsonl(&output.stdout);
    assert!(
        got.iter().all(|r| r["doc"] == "-"),
        "standard input is named -"
    );
    let exp = sorted(load_expected(name).into_iter().map(|e| e.text).collect());
    assert_eq!(sorted(got.iter().map(quote_text).collect()), exp);
}

#[test]
fn no_path_reads_standard_input() {
    let output = cargo_bin_cmd!("quotetrack")
        .args(["extract", "--format", "jsonl"])
        .write_stdin(fixture_text("glacier_talks_wire"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let got = parse_jsonl(&output.stdout);
    let exp: Vec<String> = load_expected("glacier_talks_wire")
        .into_iter()
        .map(|e| e.text)
        .collect();
    assert_eq!(got.iter().map(quote_text).collect::<Vec<_>>(), exp);
}

#[test]
fn a_folder_is_walked_recursively_and_only_articles_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let deep = dir.path().join("2015").join("09").join("cbc");
    fs::create_dir_all(&deep).unwrap();
    fs::copy(
        fixture_path("harbour_bridge"),
        dir.path().join("harbour_bridge.txt"),
    )
    .unwrap();
    fs::copy(
        fixture_path("jazz_festival"),
        deep.join("jazz_festival.txt"),
    )
    .unwrap();
    // Not articles: an annotation file and an expectation file full of quotes.
    fs::write(deep.join("jazz_festival.ann"), "T1\tSource 0 5\tRiver\n").unwrap();
    fs::copy(
        Path::new(FIXTURES).join("ferry_strike.expected.jsonl"),
        deep.join("ferry_strike.expected.jsonl"),
    )
    .unwrap();

    let got = run_jsonl(&[dir.path().to_str().unwrap()]);
    let mut per_doc: BTreeMap<String, usize> = BTreeMap::new();
    for r in &got {
        *per_doc
            .entry(r["doc"].as_str().unwrap().to_string())
            .or_default() += 1;
    }
    let expected: BTreeMap<String, usize> = ["harbour_bridge", "jazz_festival"]
        .iter()
        .map(|n| (n.to_string(), load_expected(n).len()))
        .collect();
    assert_eq!(per_doc, expected);
}

#[test]
fn the_fixture_folder_gives_every_fixture() {
    let got = run_jsonl(&[FIXTURES]);
    let mut per_doc: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in &got {
        per_doc
            .entry(r["doc"].as_str().unwrap().to_string())
            .or_default()
            .push(quote_text(r));
    }
    for name in ALL_FIXTURES {
        let exp = sorted(load_expected(name).into_iter().map(|e| e.text).collect());
        let texts = sorted(per_doc.remove(*name).unwrap_or_default());
        assert_eq!(texts, exp, "{name} through the folder");
    }
    assert!(per_doc.is_empty(), "unexpected docs: {:?}", per_doc.keys());
}

#[test]
fn several_paths_are_read_in_order() {
    let a = fixture_path("glacier_talks_wire");
    let b = fixture_path("harbour_bridge");
    let got = run_jsonl(&[a.to_str().unwrap(), b.to_str().unwrap()]);
    let docs: Vec<&str> = got.iter().map(|r| r["doc"].as_str().unwrap()).collect();
    let n_a = load_expected("glacier_talks_wire").len();
    let n_b = load_expected("harbour_bridge").len();
    let mut want = vec!["glacier_talks_wire"; n_a];
    want.extend(vec!["harbour_bridge"; n_b]);
    assert_eq!(docs, want);
}

#[test]
fn json_format_is_one_array_of_the_jsonl_records() {
    let path = fixture_path("ferry_strike");
    let path = path.to_str().unwrap();
    let output = cargo_bin_cmd!("quotetrack")
        .args(["extract", path, "--format", "json"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let array: Value =
        serde_json::from_slice(&output.stdout).expect("json output is one JSON document");
    let array = array.as_array().expect("json output is an array").clone();
    assert_eq!(array.len(), load_expected("ferry_strike").len());
    assert_eq!(array, run_jsonl(&[path]));
}

#[test]
fn json_format_with_no_quotes_is_an_empty_array() {
    let output = cargo_bin_cmd!("quotetrack")
        .args(["extract", "-", "--format", "json"])
        .write_stdin("No one said anything today. The council's meeting was short.\n")
        .output()
        .unwrap();
    assert!(output.status.success());
    let v: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(v, Value::Array(vec![]));
}

#[test]
fn table_format_shows_doc_line_speaker_and_quote() {
    let name = "harbour_bridge";
    let text = fixture_text(name);
    let output = cargo_bin_cmd!("quotetrack")
        .args([
            "extract",
            fixture_path(name).to_str().unwrap(),
            "--format",
            "table",
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let table = String::from_utf8(output.stdout).unwrap();
    let rows: Vec<&str> = table.lines().filter(|l| !l.trim().is_empty()).collect();
    let expected = load_expected(name);
    assert_eq!(rows.len(), expected.len(), "one row per quote:\n{table}");
    for e in &expected {
        let at = text.find(&e.text).unwrap();
        let line = text[..at].matches('\n').count() + 1;
        let head: String = e.text.chars().take(30).collect();
        let speaker = e.speaker.as_deref().unwrap_or("(unknown)");
        assert!(
            rows.iter()
                .any(|r| r.starts_with(&format!("{name}:{line} "))
                    && r.contains(speaker)
                    && r.contains(&head)),
            "no row `{name}:{line} {speaker} {head}...` in\n{table}"
        );
    }
}

#[test]
fn table_is_the_default_format() {
    let path = fixture_path("glacier_talks_wire");
    cargo_bin_cmd!("quotetrack")
        .args(["extract", path.to_str().unwrap()])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("glacier_talks_wire:")
                .and(predicate::str::contains("Rosa Ibáñez")),
        );
}

#[test]
fn a_missing_path_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no_such_article.txt");
    cargo_bin_cmd!("quotetrack")
        .args(["extract", missing.to_str().unwrap(), "--format", "jsonl"])
        .assert()
        .failure()
        .stdout(predicate::str::is_empty())
        .stderr(
            predicate::str::contains("no_such_article.txt")
                .and(predicate::str::contains("no such file")),
        );
}

#[test]
fn a_missing_path_among_good_ones_still_fails_before_printing() {
    let good = fixture_path("harbour_bridge");
    cargo_bin_cmd!("quotetrack")
        .args([
            "extract",
            good.to_str().unwrap(),
            "does/not/exist.txt",
            "--format",
            "jsonl",
        ])
        .assert()
        .failure()
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("does/not/exist.txt"));
}

#[test]
fn a_file_that_is_not_utf8_is_read_as_windows_1252_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("latin1.txt"),
        b"\"Caf\xe9 au lait,\" she said.\n",
    )
    .unwrap();
    fs::copy(
        fixture_path("glacier_talks_wire"),
        dir.path().join("glacier_talks_wire.txt"),
    )
    .unwrap();
    let output = cargo_bin_cmd!("quotetrack")
        .args(["extract", dir.path().to_str().unwrap(), "--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("latin1") && stderr.contains("Windows-1252"),
        "stderr: {stderr}"
    );
    let got = parse_jsonl(&output.stdout);
    let wire = got
        .iter()
        .filter(|r| r["doc"] == "glacier_talks_wire")
        .count();
    assert_eq!(
        wire,
        load_expected("glacier_talks_wire").len(),
        "the UTF-8 file is extracted as before"
    );
    assert!(
        got.iter()
            .any(|r| r["doc"] == "latin1" && r["quote"]["text"] == "Caf\u{e9} au lait,"),
        "{got:?}"
    );
}

#[test]
fn an_unknown_format_is_refused() {
    cargo_bin_cmd!("quotetrack")
        .args(["extract", "-", "--format", "xml"])
        .write_stdin("")
        .assert()
        .failure()
        .stderr(predicate::str::contains("xml"));
}

/// The acceptance check of issue 2 on the two seed articles, when
/// ../shared/seeds is beside the repository (it is on developer machines and
/// in CI; elsewhere the test says so and passes).
#[test]
fn seed_articles_give_the_issue_2_quotes() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let (wire, broadcast) = (
        seeds.join("000_b85199756b734e5d.txt"),
        seeds.join("002_59f6d8f2fa66c1d2.txt"),
    );
    if !wire.exists() || !broadcast.exists() {
        eprintln!("skipped: {} not found", seeds.display());
        return;
    }
    let got = run_jsonl(&[wire.to_str().unwrap()]);
    assert!(
        got.is_empty(),
        "the wire story has no direct quotes, got {got:#?}"
    );

    let got = run_jsonl(&[broadcast.to_str().unwrap()]);
    let mut by_speaker: BTreeMap<String, usize> = BTreeMap::new();
    for r in &got {
        let name = r["speaker"]["name"]
            .as_str()
            .unwrap_or("(none)")
            .to_string();
        *by_speaker.entry(name).or_default() += 1;
    }
    let want: BTreeMap<String, usize> = [
        ("John Kerry", 7),
        ("Peter Cook", 1),
        ("Igor Konashenkov", 1),
    ]
    .iter()
    .map(|(n, c)| (n.to_string(), *c))
    .collect();
    assert_eq!(
        by_speaker,
        want,
        "quotes: {:#?}",
        got.iter().map(quote_text).collect::<Vec<_>>()
    );
    assert!(
        got.iter()
            .any(|r| quote_text(r) == "vital to avoid misunderstandings, miscalculations"),
        "the caption's single-quoted fragment is a quote"
    );
}

/// A saved page written for the ingest tests: scripts with quoted strings,
/// menus, a share bar, and a story with its quotes.
const PAGE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/ingest/nurses-strike.html"
);

/// The quotes `extract` gives for the page, as (text, speaker name).
fn page_quotes(output: &std::process::Output) -> Vec<(String, String)> {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    parse_jsonl(&output.stdout)
        .iter()
        .map(|r| {
            (
                quote_text(r),
                r["speaker"]["name"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn an_html_page_is_read_for_its_story_not_its_markup() {
    let by_file = page_quotes(
        &cargo_bin_cmd!("quotetrack")
            .args(["extract", "--format", "jsonl", PAGE])
            .output()
            .unwrap(),
    );
    // Read as text, this page gave no quote at all (its tags break the
    // story's sentences) and real pages gave their scripts' strings as
    // quotes; read as a page, the story's quotes and nothing of the markup.
    assert!(
        by_file
            .iter()
            .all(|(q, _)| q != "section" && q != "health" && !q.contains("@type")),
        "{by_file:?}"
    );
    assert!(
        by_file.contains(&(
            "Our members did not take this decision lightly,".to_string(),
            "Maria Okafor".to_string()
        )),
        "{by_file:?}"
    );
    assert!(
        by_file.iter().any(|(_, s)| s == "Graham Pell"),
        "{by_file:?}"
    );
    // On standard input the page is known by its first bytes, and gives
    // the same quotes.
    let by_stdin = cargo_bin_cmd!("quotetrack")
        .args(["extract", "--format", "jsonl", "-"])
        .write_stdin(fs::read(PAGE).unwrap())
        .output()
        .unwrap();
    assert_eq!(page_quotes(&by_stdin), by_file);
    // A folder's saved pages are read too.
    let dir = tempfile::tempdir().unwrap();
    fs::copy(PAGE, dir.path().join("nurses.html")).unwrap();
    let by_folder = page_quotes(
        &cargo_bin_cmd!("quotetrack")
            .args(["extract", "--format", "jsonl", dir.path().to_str().unwrap()])
            .output()
            .unwrap(),
    );
    assert_eq!(by_folder, by_file);
}

#[test]
fn json_lines_given_as_an_article_say_to_use_input_jsonl() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("articles.jsonl");
    fs::write(
        &path,
        "{\"id\": \"a1\", \"text\": \"\\\"We will stay,\\\" said Ann Lee.\"}\n",
    )
    .unwrap();
    cargo_bin_cmd!("quotetrack")
        .args(["extract", "--format", "jsonl", path.to_str().unwrap()])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("--input jsonl"));
}
