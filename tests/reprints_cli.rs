//! Reprints found at ingest, as a user meets them, on tests/fixtures/reprints/
//! (three invented articles written for these tests): a wire story about a
//! town closing a bridge, the same story run the next day by another
//! outlet with a new headline, a word changed, a paragraph cut and a
//! credit line added, and a different outlet's own story on the same
//! closure that quotes the mayor's same remark.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

mod common;
use common::Scratch;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/reprints")
        .join(name)
}

const ORIGINAL: &str = "1-valley-wire.txt";
const REPRINT: &str = "2-lakeside-gazette.txt";
const OWN_STORY: &str = "3-county-herald.txt";

impl Scratch {
    /// A database with these fixtures ingested, one ingest each, in order.
    fn with(files: &[&str]) -> Scratch {
        let s = Scratch::new();
        for file in files {
            let out = s.cmd(&["ingest"]).arg(fixture(file)).output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        s
    }

    fn cmd(&self, args: &[&str]) -> Command {
        self.quotetrack(args)
    }

    fn stdout(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn lines(&self, args: &[&str]) -> Vec<Value> {
        self.stdout(args)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    /// The mayor's remark, traced: one JSON record per rendition.
    fn mayor(&self) -> Vec<Value> {
        self.lines(&[
            "trace", "rather", "choose", "the", "date", "--format", "jsonl",
        ])
    }
}

fn by_outlet<'a>(renditions: &'a [Value], outlet: &str) -> &'a Value {
    renditions
        .iter()
        .find(|r| r["outlet"] == outlet)
        .unwrap_or_else(|| panic!("no rendition from {outlet}: {renditions:#?}"))
}

#[test]
fn the_rerun_story_is_a_reprint_counted_once() {
    let s = Scratch::with(&[ORIGINAL, REPRINT, OWN_STORY]);
    let all = s.mayor();
    assert_eq!(all.len(), 3, "{all:#?}");
    let original = by_outlet(&all, "Valley Wire");
    let reprint = by_outlet(&all, "Lakeside Gazette");
    let own = by_outlet(&all, "County Herald");
    assert_eq!(reprint["relation"], "reprint");
    assert_eq!(reprint["reprint_of"], original["article"]);
    // Another outlet's own story quoting the same words is a report of its
    // own, however alike the quote.
    assert_eq!(own["relation"], "same");
    assert!(own.get("reprint_of").is_none());
    assert!(original.get("reprint_of").is_none());
    assert_eq!(original["flags"][0], "first");

    let table = s.stdout(&[
        "trace", "rather", "choose", "the", "date", "--color", "never",
    ]);
    let header = table.lines().next().unwrap();
    assert!(
        header.contains("3 renditions in 3 outlets (2 independent reports, reprinted by 1 outlet)"),
        "{header}"
    );
    let json: Value = serde_json::from_str(&s.stdout(&[
        "trace", "rather", "choose", "the", "date", "--format", "json",
    ]))
    .unwrap();
    assert_eq!(json[0]["independent_reports"], 2);
    assert_eq!(json[0]["reprinted_by"], 1);
}

#[test]
fn no_reprints_hides_the_reprinted_article_from_quotes_and_export() {
    let s = Scratch::with(&[ORIGINAL, REPRINT, OWN_STORY]);
    let outlets = |args: &[&str]| -> Vec<String> {
        s.lines(args)
            .iter()
            .map(|q| q["outlet"].as_str().unwrap_or("").to_string())
            .collect()
    };
    let every = outlets(&["quotes", "--format", "jsonl"]);
    assert!(every.iter().any(|o| o == "Lakeside Gazette"), "{every:?}");
    let originals = outlets(&["quotes", "--no-reprints", "--format", "jsonl"]);
    assert!(
        !originals.iter().any(|o| o == "Lakeside Gazette"),
        "{originals:?}"
    );
    assert!(originals.iter().any(|o| o == "Valley Wire"));
    assert!(originals.iter().any(|o| o == "County Herald"));
    assert_eq!(
        every.len() - originals.len(),
        every.iter().filter(|o| *o == "Lakeside Gazette").count()
    );
    let exported = outlets(&["export", "--no-reprints", "--format", "jsonl"]);
    assert_eq!(exported, originals);
}

#[test]
fn an_older_story_ingested_later_is_the_original() {
    // The next day's rerun arrives first; the wire story, a day older,
    // arrives in a later ingest and takes over as the original.
    let s = Scratch::with(&[REPRINT, OWN_STORY, ORIGINAL]);
    let all = s.mayor();
    let original = by_outlet(&all, "Valley Wire");
    let reprint = by_outlet(&all, "Lakeside Gazette");
    assert_eq!(reprint["relation"], "reprint");
    assert_eq!(reprint["reprint_of"], original["article"]);
    assert!(original.get("reprint_of").is_none());
    // `first` goes to the earliest date, and between the two stories of
    // the same day to the one stored first: never to the reprint.
    assert_eq!(by_outlet(&all, "County Herald")["relation"], "same");
    assert_eq!(by_outlet(&all, "County Herald")["flags"][0], "first");
    assert!(reprint["flags"].as_array().unwrap().is_empty());
}
