//! Integration tests for claims (reported speech without quotation marks):
//! `extract --kind` on the seed stories in ../shared/seeds/ (a wire story
//! with no direct quote, and a broadcaster's rewrite of it) and on a
//! fixture written for these tests. The seeds are read where they are,
//! never copied into the repository; without them those tests say so and
//! pass.

use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;

fn seed(prefix: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let found = std::fs::read_dir(&dir).ok()?.find_map(|e| {
        let path = e.ok()?.path();
        let name = path.file_name()?.to_str()?.to_string();
        (name.starts_with(prefix) && name.ends_with(".txt")).then_some(path)
    });
    if found.is_none() {
        eprintln!("skipped: no {prefix}*.txt in {}", dir.display());
    }
    found
}

fn extract(args: &[&str], path: &Path) -> Vec<Value> {
    let output = cargo_bin_cmd!("quotetrack")
        .arg("extract")
        .args(["--format", "jsonl"])
        .args(args)
        .arg(path)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn text(r: &Value) -> &str {
    r["quote"]["text"].as_str().unwrap()
}

fn speaker(r: &Value) -> &str {
    r["speaker"]["name"].as_str().unwrap_or_default()
}

/// The claim whose words start with `start` and contain `inside`, and its
/// speaker's name.
fn claim_by<'r>(records: &'r [Value], start: &str, inside: &str) -> Option<&'r str> {
    records
        .iter()
        .find(|r| r["kind"] == "indirect" && text(r).starts_with(start) && text(r).contains(inside))
        .map(speaker)
}

#[test]
fn the_wire_story_gives_the_officials_claims() {
    let Some(wire) = seed("000_") else { return };
    let claims = extract(&["--kind", "indirect"], &wire);
    assert_eq!(
        claim_by(
            &claims,
            "The main focus of the phone call",
            "without miscalculations"
        ),
        Some("a senior defense official")
    );
    assert_eq!(
        claim_by(
            &claims,
            "Shoigu told Carter that Russia",
            "increased military activities are defensive"
        ),
        Some("A senior U.S. official")
    );
    assert_eq!(
        claim_by(&claims, "Moscow", "ultimate intentions are unclear"),
        Some("A U.S. intelligence official")
    );
    assert!(claims.iter().all(|r| r["kind"] == "indirect"));
}

#[test]
fn the_seeds_direct_quotes_stay_as_they_were() {
    let (Some(wire), Some(broadcast)) = (seed("000_"), seed("002_")) else {
        return;
    };
    assert!(extract(&[], &wire).is_empty());
    let quotes = extract(&[], &broadcast);
    assert_eq!(quotes.len(), 9);
    assert_eq!(
        quotes.iter().filter(|r| speaker(r) == "John Kerry").count(),
        7
    );
    assert!(quotes.iter().all(|r| r["kind"] != "indirect"));
    // The broadcaster's rewrite carries the same claims.
    let claims = extract(&["--kind", "indirect"], &broadcast);
    assert_eq!(
        claim_by(&claims, "The main focus", "without miscalculations"),
        Some("a senior defence official")
    );
    assert_eq!(
        claim_by(&claims, "Shoigu told Carter", "defensive"),
        Some("A senior U.S. official")
    );
}

#[test]
fn kind_all_gives_quotes_and_claims_in_order_and_kind_direct_no_claims() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pier.txt");
    std::fs::write(
        &path,
        "Mayor Ana Ruiz said on Friday that the pier would reopen in May.\n\n\"We are ready,\" Ruiz said.\n\nThe repairs cost less than planned, according to the harbor board.\n",
    )
    .unwrap();
    let all = extract(&["--kind", "all"], &path);
    let kinds: Vec<&str> = all.iter().map(|r| r["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, vec!["indirect", "direct", "indirect"]);
    assert_eq!(text(&all[0]), "the pier would reopen in May");
    assert_eq!(speaker(&all[0]), "Ana Ruiz");
    assert_eq!(all[0]["cue"]["text"], "said");
    assert_eq!(speaker(&all[2]), "the harbor board");
    assert_eq!(extract(&["--kind", "direct"], &path).len(), 1);
    assert_eq!(extract(&[], &path).len(), 1);
    assert_eq!(extract(&["--kind", "direct,indirect"], &path).len(), 3);
}

#[test]
fn claim_verbs_are_replaced_by_the_grammar_folder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pier.txt");
    std::fs::write(
        &path,
        "Mayor Ana Ruiz said on Friday that the pier would reopen in May.\n\nThe harbor board warned the repairs would cost more than planned.\n",
    )
    .unwrap();
    let built_in = extract(&["--kind", "indirect"], &path);
    assert_eq!(built_in.len(), 2);
    // A list without "warned": only the mayor's claim is left.
    let grammar = dir.path().join("grammar");
    std::fs::create_dir(&grammar).unwrap();
    std::fs::write(grammar.join("claim_verbs.txt"), "# test list\nsaid\nsays\n").unwrap();
    let grammar = grammar.to_str().unwrap();
    let replaced = extract(&["--kind", "indirect", "--grammar", grammar], &path);
    assert_eq!(replaced.len(), 1);
    assert_eq!(speaker(&replaced[0]), "Ana Ruiz");
}
