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

/// A database under a temporary folder, and a command on it.
struct Db {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Db {
    fn new() -> Db {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("claims.db");
        Db { _dir: dir, path }
    }

    fn run(&self, args: &[&str]) -> std::process::Output {
        let out = cargo_bin_cmd!("quotetrack")
            .arg("--db")
            .arg(&self.path)
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        out
    }

    fn stdout(&self, args: &[&str]) -> String {
        String::from_utf8(self.run(args).stdout).unwrap()
    }

    fn jsonl(&self, args: &[&str]) -> Vec<Value> {
        self.stdout(args)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    /// The seeds as a fact-checker would ingest them: the wire story and the
    /// broadcaster's rewrite, each with its outlet and date.
    fn with_seeds(wire: &Path, rewrite: &Path) -> Db {
        let db = Db::new();
        let (w, r) = (wire.to_str().unwrap(), rewrite.to_str().unwrap());
        db.run(&[
            "ingest",
            "--outlet",
            "Wire Service",
            "--date",
            "2015-09-18",
            w,
        ]);
        db.run(&[
            "ingest",
            "--outlet",
            "Broadcaster",
            "--date",
            "2015-09-18",
            r,
        ]);
        db
    }
}

fn claim_with<'v>(records: &'v [Value], outlet: &str, inside: &str) -> Option<&'v Value> {
    records
        .iter()
        .find(|r| r["outlet"] == outlet && r["text"].as_str().unwrap_or("").contains(inside))
}

#[test]
fn ingest_stores_the_seeds_claims_and_quotes_lists_them_only_when_asked() {
    let (Some(wire), Some(rewrite)) = (seed("000_"), seed("002_")) else {
        return;
    };
    let db = Db::with_seeds(&wire, &rewrite);
    // By default `quotes` lists what it always listed: the broadcaster's
    // direct quotes, none from the wire story, no claims.
    let quotes = db.jsonl(&["quotes", "--format", "jsonl"]);
    assert!(!quotes.is_empty());
    assert!(quotes.iter().all(|q| q["kind"] != "indirect"), "{quotes:?}");
    assert!(quotes.iter().all(|q| q["outlet"] == "Broadcaster"));
    let claims = db.jsonl(&["quotes", "--kind", "indirect", "--format", "jsonl"]);
    assert!(claims.iter().all(|q| q["kind"] == "indirect"));
    // The three officials' claims, in both outlets, with their speakers.
    for outlet in ["Wire Service", "Broadcaster"] {
        for (inside, speaker) in [
            ("forward without miscalculations", "senior defen"),
            (
                "increased military activities are defensive",
                "A senior U.S. official",
            ),
            ("ultimate intentions are unclear", "intelligence official"),
        ] {
            let claim = claim_with(&claims, outlet, inside)
                .unwrap_or_else(|| panic!("{outlet}: no claim with {inside:?}: {claims:#?}"));
            let who = claim["speaker"].as_str().unwrap_or_default();
            assert!(who.contains(speaker), "{outlet} {inside:?}: {who:?}");
            assert_eq!(claim["date"], "2015-09-18");
        }
    }
    // Offsets lead back to the article's words.
    let claim = claim_with(&claims, "Wire Service", "ultimate intentions").unwrap();
    let shown = db.stdout(&["show", &claim["id"].to_string()]);
    assert!(shown.contains("ultimate intentions are unclear"), "{shown}");
    // `--kind all` is both, and a speaker's claims are counted apart.
    let all = db.jsonl(&["quotes", "--kind", "all", "--format", "jsonl"]);
    assert_eq!(all.len(), quotes.len() + claims.len());
    let speakers = db.stdout(&["speakers", "list", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(speakers.as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let kerry = reader
        .records()
        .map(Result::unwrap)
        .find(|r| &r[column("speaker")] == "John Kerry")
        .unwrap_or_else(|| panic!("{speakers}"));
    let count = |name: &str| kerry[column(name)].parse::<usize>().unwrap();
    let kerrys = |records: &[Value]| {
        records
            .iter()
            .filter(|q| q["speaker"] == "John Kerry")
            .count()
    };
    assert_eq!(count("quotes"), kerrys(&quotes), "{speakers}");
    assert_eq!(count("claims"), kerrys(&claims), "{speakers}");
    assert!(
        count("claims") >= 1,
        "Kerry said Lavrov had told him ...: {speakers}"
    );
}

#[test]
fn claims_survive_a_second_ingest_and_replace() {
    let (Some(wire), Some(rewrite)) = (seed("000_"), seed("002_")) else {
        return;
    };
    let db = Db::with_seeds(&wire, &rewrite);
    let ids = |db: &Db| -> Vec<(i64, String)> {
        db.jsonl(&["quotes", "--kind", "all", "--format", "jsonl"])
            .iter()
            .map(|q| {
                (
                    q["id"].as_i64().unwrap(),
                    q["text"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    };
    let before = ids(&db);
    // The same files again: nothing changes.
    let again = db.stdout(&["ingest", wire.to_str().unwrap(), rewrite.to_str().unwrap()]);
    assert!(again.contains("Already stored"), "{again}");
    assert_eq!(ids(&db), before);
    // Extracted afresh: the same records, new ids.
    let replaced = db.stdout(&[
        "ingest",
        "--replace",
        wire.to_str().unwrap(),
        rewrite.to_str().unwrap(),
    ]);
    assert!(replaced.contains("claims in reported speech"), "{replaced}");
    let after = ids(&db);
    let texts = |v: &[(i64, String)]| {
        let mut t: Vec<String> = v.iter().map(|(_, t)| t.clone()).collect();
        t.sort();
        t
    };
    assert_eq!(texts(&after), texts(&before));
    // And the export has them, with their kind.
    let csv = db.stdout(&["export", "--kind", "indirect"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(&reader.headers().unwrap()[4], "kind");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let claims = db.jsonl(&["quotes", "--kind", "indirect", "--format", "jsonl"]);
    assert!(!claims.is_empty());
    assert_eq!(rows.len(), claims.len());
    assert!(rows.iter().all(|r| &r[4] == "indirect"));
    // `--no-claims` stores quotes only.
    let quotes_only = Db::new();
    quotes_only.run(&[
        "ingest",
        "--no-claims",
        wire.to_str().unwrap(),
        rewrite.to_str().unwrap(),
    ]);
    assert!(
        quotes_only
            .jsonl(&["quotes", "--kind", "indirect", "--format", "jsonl"])
            .is_empty()
    );
}

#[test]
fn trace_sets_the_officials_claim_beside_kerrys_quote_without_joining_them() {
    let (Some(wire), Some(rewrite)) = (seed("000_"), seed("002_")) else {
        return;
    };
    let db = Db::with_seeds(&wire, &rewrite);
    let json: Value =
        serde_json::from_str(&db.stdout(&["trace", "miscalculations", "--format", "json"]))
            .unwrap();
    let statements = json.as_array().unwrap();
    // Kerry's remark is one statement with its caption fragment, as before.
    let kerry = statements
        .iter()
        .find(|s| s["speaker"] == "John Kerry")
        .unwrap_or_else(|| panic!("{json:#}"));
    let renditions = kerry["renditions"].as_array().unwrap();
    assert_eq!(renditions.len(), 2, "{kerry:#}");
    // The official's claim, from both outlets, is beside it: another
    // speaker, so it shares words and is not a paraphrase of Kerry.
    let claims = kerry["claims"].as_array().unwrap();
    for outlet in ["Wire Service", "Broadcaster"] {
        let claim = claims
            .iter()
            .find(|c| {
                c["outlet"] == outlet
                    && c["text"]
                        .as_str()
                        .unwrap()
                        .contains("without miscalculations")
            })
            .unwrap_or_else(|| panic!("{outlet}: {claims:#?}"));
        assert_eq!(claim["relation"], "shares_words");
        assert_eq!(claim["shared"], serde_json::json!(["miscalculations"]));
        assert!(claim["why"].as_str().unwrap().contains("another speaker"));
    }
    // The two outlets' renditions of the claim are recognised as one claim.
    let repeated = claims
        .iter()
        .filter(|c| c["same_claim_as"].is_i64())
        .count();
    assert!(repeated >= 1, "{claims:#?}");
    // The table says the same in words.
    let table = db.stdout(&["trace", "miscalculations"]);
    assert!(table.contains("Claims in reported speech"), "{table}");
    assert!(table.contains("shares words with statement"), "{table}");
    // A claim no quote matches is still found, on its own.
    let alone = db.stdout(&["trace", "Shoigu told Carter", "--format", "jsonl"]);
    let lines: Vec<Value> = alone
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.len() >= 2, "{alone}");
    assert!(
        lines
            .iter()
            .all(|l| l["kind"] == "indirect" && l["statement"].is_null())
    );
    // --no-claims leaves them out.
    let json: Value = serde_json::from_str(&db.stdout(&[
        "trace",
        "miscalculations",
        "--format",
        "json",
        "--no-claims",
    ]))
    .unwrap();
    assert!(
        json.as_array()
            .unwrap()
            .iter()
            .all(|s| s.get("claims").is_none())
    );
}
