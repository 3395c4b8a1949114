//! `trace` run as a user runs it, on tests/fixtures/trace/: one story (a
//! fisheries minister's remark about a quota ruling) told by six invented
//! outlets, written for these tests. The remark appears in full, as a
//! fragment, behind an ellipsis, with a word changed, with British
//! spelling, with an editor's `(and)`, and credited to the wrong man; the
//! minister's other remark sharing the words "coastal neighborhoods" must
//! stay a statement of its own.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

mod common;
use common::Scratch;

impl Scratch {
    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = self.quotetrack(args);
        cmd.env_remove("NO_COLOR");
        cmd
    }

    /// The fixture story, ingested.
    fn story() -> Scratch {
        let s = Scratch::new();
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/trace");
        let out = s.cmd(&["ingest"]).arg(dir).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        s
    }

    /// `trace ARGS --format jsonl`, parsed.
    fn trace(&self, args: &[&str]) -> Vec<Value> {
        let out = self
            .cmd(&["trace", "--format", "jsonl"])
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

fn flags(r: &Value) -> Vec<&str> {
    r["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect()
}

/// The one rendition from `outlet` whose text contains `words`.
fn by<'a>(renditions: &'a [Value], outlet: &str, words: &str) -> &'a Value {
    let found: Vec<&Value> = renditions
        .iter()
        .filter(|r| r["outlet"] == outlet && r["text"].as_str().unwrap().contains(words))
        .collect();
    assert_eq!(found.len(), 1, "{outlet} {words:?} in {renditions:#?}");
    found[0]
}

#[test]
fn every_rendition_lands_in_one_statement_with_its_relation_and_flags() {
    let s = Scratch::story();
    let all = s.trace(&["sacrifice", "livelihoods", "--limit", "1"]);
    assert_eq!(all.len(), 7, "{all:#?}");
    let statement = &all[0]["statement"];
    assert!(all.iter().all(|r| &r["statement"] == statement));
    for r in &all {
        for key in [
            "outlet", "date", "speaker", "text", "article", "relation", "diff", "flags",
        ] {
            assert!(r.get(key).is_some(), "{key} missing in {r}");
        }
    }

    let fragment = all
        .iter()
        .find(|r| r["text"] == "mount a defense of this harbor in every court")
        .expect("the fragment in reported speech is a rendition");
    assert_eq!(fragment["relation"], "partial");
    assert_eq!(
        flags(fragment),
        ["first"],
        "the fragment ran first (earliest stored)"
    );
    let full = by(&all, "Tidewater Wire", "We are not going");
    assert_eq!(full["reference"], true);
    assert_eq!(full["relation"], "same");

    let british = by(&all, "The Harbour Post", "neighbourhoods");
    assert_eq!(british["relation"], "same");
    assert!(flags(british).is_empty());

    let changed = by(&all, "Bay Radio", "any court");
    assert_eq!(changed["relation"], "altered");
    assert_eq!(flags(changed), ["altered"]);
    assert_eq!(changed["diff"][0]["op"], "changed");
    assert_eq!(changed["diff"][0]["reference"], "every");
    assert_eq!(changed["diff"][0]["text"], "any");

    let elided = by(&all, "Northern Ledger", "...");
    assert_eq!(elided["relation"], "elided");
    assert_eq!(elided["diff"][0]["op"], "elided");
    assert!(
        elided["diff"][0]["reference"]
            .as_str()
            .unwrap()
            .starts_with("to balance a spreadsheet")
    );

    let bracketed = by(&all, "Island Courier", "(and)");
    assert_eq!(bracketed["relation"], "same");

    let misattributed = by(&all, "The Coast Times", "We are not going");
    assert_eq!(misattributed["speaker"], "Paul Strand");
    assert_eq!(misattributed["relation"], "same");
    assert_eq!(flags(misattributed), ["other_speaker"]);
    assert!(all.iter().filter(|r| r["speaker"] == "Ruth Okafor").count() == 6);

    // Date order, then the order stored.
    let dates: Vec<&str> = all.iter().map(|r| r["date"].as_str().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
}

#[test]
fn another_remark_sharing_words_is_another_statement() {
    let s = Scratch::story();
    let remark = s.trace(&["carried", "this", "industry"]);
    assert_eq!(remark.len(), 1, "{remark:#?}");
    let quote = s.trace(&["sacrifice", "livelihoods", "--limit", "1"]);
    assert_ne!(remark[0]["statement"], quote[0]["statement"]);
}

#[test]
fn quote_id_finds_the_same_statement() {
    let s = Scratch::story();
    let all = s.trace(&["sacrifice", "livelihoods", "--limit", "1"]);
    let id = all[3]["quote"].to_string();
    let again = s.trace(&["--quote", &id]);
    assert_eq!(again, all);
}

#[test]
fn json_csv_and_table() {
    let s = Scratch::story();
    let out = s
        .cmd(&["trace", "sacrifice", "livelihoods", "--format", "json"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[0]["renditions"].as_array().unwrap().len(), 7);

    let out = s
        .cmd(&[
            "trace",
            "sacrifice",
            "livelihoods",
            "-n",
            "1",
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with(
        "statement,quote,date,outlet,speaker,found_by,confidence,relation,flags,reference,diff,text,article,kind\n"
    ));
    assert_eq!(text.lines().count(), 8);
    assert!(
        text.contains("changed: \"\"every\"\" -> \"\"any\"\""),
        "{text}"
    );

    // Not a terminal: no colour codes unless asked for.
    let out = s
        .cmd(&["trace", "sacrifice", "livelihoods"])
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.contains("Reference (fullest)") && table.contains("other_speaker"),
        "{table}"
    );
    assert!(!table.contains('\x1b'));
    let out = s
        .cmd(&["trace", "sacrifice", "livelihoods", "--color", "always"])
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("\x1b[31m"));
}

#[test]
fn errors_say_what_to_do() {
    let s = Scratch::new();
    let out = s.cmd(&["trace", "anything"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("quotetrack ingest"));

    let s = Scratch::story();
    let out = s.cmd(&["trace", "--quote", "9999"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("quotetrack quotes"));

    let out = s.cmd(&["trace", "zebra", "xylophone"]).output().unwrap();
    assert!(out.status.success(), "no match is an answer");
    assert!(String::from_utf8_lossy(&out.stderr).contains("no stored quote"));

    let out = s.cmd(&["trace"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "a query or --quote is required");
}

#[test]
fn re_extraction_keeps_statements_whole() {
    let s = Scratch::story();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/trace");
    let out = s.cmd(&["ingest", "--replace"]).arg(dir).output().unwrap();
    assert!(out.status.success());
    let all = s.trace(&["sacrifice", "livelihoods", "--limit", "1"]);
    assert_eq!(all.len(), 7);
    assert_eq!(all.iter().filter(|r| r["reference"] == true).count(), 1);
}

#[test]
fn demo_traces_every_relation_and_flag() {
    let out = Command::cargo_bin("quotetrack")
        .unwrap()
        .env_remove("QUOTETRACK_DB")
        .arg("demo")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let trace = text.split("Quotes of Brandt:").next().unwrap();
    for word in [
        "same",
        "partial",
        "elided",
        "altered",
        "first",
        "other_speaker",
        "omission",
    ] {
        assert!(
            trace.contains(word),
            "{word} missing from the demo's trace:\n{trace}"
        );
    }
    assert!(trace.contains("7 renditions in 6 outlets"), "{trace}");
}

/// The acceptance check on the two seed articles, when the shared
/// folder is beside the project.
#[test]
fn seeds_kerry_caption_and_quote_are_one_statement() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let (cbc, ap) = (
        seeds.join("002_59f6d8f2fa66c1d2.txt"),
        seeds.join("000_b85199756b734e5d.txt"),
    );
    if !cbc.exists() || !ap.exists() {
        eprintln!("skipped: seeds not found in {}", seeds.display());
        return;
    }
    let s = Scratch::new();
    for (path, outlet) in [(&cbc, "CBC News"), (&ap, "Associated Press")] {
        let out = s
            .cmd(&["ingest", "--outlet", outlet, "--date", "2015-09-18"])
            .arg(path)
            .output()
            .unwrap();
        assert!(out.status.success());
    }
    let all = s.trace(&["avoid misunderstandings", "--limit", "1"]);
    assert_eq!(all.len(), 2, "{all:#?}");
    assert!(
        all.iter()
            .all(|r| r["speaker"] == "John Kerry" && r["outlet"] == "CBC News")
    );
    let caption = all
        .iter()
        .find(|r| r["relation"] == "partial")
        .expect("the caption is a fragment");
    assert!(
        caption["text"]
            .as_str()
            .unwrap()
            .starts_with("vital to avoid")
    );
    assert!(
        all.iter()
            .any(|r| r["reference"] == true && r["text"].as_str().unwrap().contains("supposition"))
    );
}
