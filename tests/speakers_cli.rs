//! Speaker identity across articles, run as a user runs it: five articles
//! written for these tests (tests/fixtures/speakers/) about one story in
//! five outlets, naming John Kerry five ways, Sergei/Sergey Lavrov, Peter
//! Cook in two outlets, Hillary and Bill Clinton, a lone "Clinton", and the
//! same anonymous description in two articles.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use rusqlite::Connection;
use serde_json::Value;

mod common;
use common::Scratch;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/speakers")
}

impl Scratch {
    /// A fresh database holding the five fixture articles.
    fn ingested() -> Scratch {
        let s = Scratch::new();
        s.ok(&["ingest", fixtures().to_str().unwrap()]);
        s
    }

    fn csv(&self) -> PathBuf {
        self.dir.path().join("quotes.db.speakers.csv")
    }

    fn cmd(&self, args: &[&str]) -> Command {
        self.quotetrack(args)
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn fails(&self, args: &[&str]) -> String {
        let out = self.cmd(args).output().unwrap();
        assert!(!out.status.success(), "{args:?} should fail");
        String::from_utf8(out.stderr).unwrap()
    }

    /// `quotes --speaker NAME` as JSON records.
    fn quotes_by(&self, name: &str) -> Vec<Value> {
        self.ok(&["quotes", "--speaker", name, "--format", "jsonl"])
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    fn speakers_of(&self, name: &str) -> Vec<String> {
        let mut s: Vec<String> = self
            .quotes_by(name)
            .iter()
            .map(|q| q["speaker"].as_str().unwrap_or("").to_string())
            .collect();
        s.sort();
        s.dedup();
        s
    }

    fn quote_count(&self) -> i64 {
        Connection::open(self.db())
            .unwrap()
            .query_row("SELECT count(*) FROM quotes", [], |r| r.get(0))
            .unwrap()
    }
}

fn field(rows: &[Value], key: &str) -> Vec<String> {
    let mut v: Vec<String> = rows
        .iter()
        .map(|q| q[key].as_str().unwrap_or("").to_string())
        .collect();
    v.sort();
    v.dedup();
    v
}

#[test]
fn kerry_is_one_speaker_however_each_outlet_names_him() {
    let s = Scratch::ingested();
    let rows = s.quotes_by("kerry");
    assert_eq!(field(&rows, "speaker"), ["John Kerry"], "{rows:#?}");
    // Title and full name, pronoun, middle initial, lower-case role with
    // apposition, and a surname alone in an article that never gave the
    // full name.
    assert_eq!(
        field(&rows, "speaker_as_written"),
        ["John F. Kerry", "John Kerry", "Kerry", "he"]
    );
    assert_eq!(rows.len(), 5);
    assert_eq!(
        field(&rows, "outlet"),
        [
            "Harbour Wire",
            "Island Gazette",
            "Northern Courier",
            "Valley Broadcast News"
        ]
    );
}

#[test]
fn transliterations_merge_and_shared_surnames_stay_apart() {
    let s = Scratch::ingested();
    // Sergei in one outlet, Sergey in another: one speaker.
    let lavrov = s.quotes_by("lavrov");
    assert_eq!(lavrov.len(), 2);
    assert_eq!(field(&lavrov, "speaker").len(), 1, "{lavrov:#?}");
    assert!(!s.quotes_by("sergey").is_empty() && !s.quotes_by("sergei").is_empty());
    // Peter Cook in two outlets: one speaker.
    let cook = s.quotes_by("cook");
    assert_eq!(field(&cook, "speaker"), ["Peter Cook"]);
    assert_eq!(field(&cook, "outlet").len(), 2);
    // Hillary and Bill Clinton are two; the lone "Clinton" of an article
    // that names neither could be either, so it stays on its own.
    assert_eq!(s.speakers_of("hillary"), ["Hillary Clinton"]);
    assert_eq!(s.speakers_of("bill clinton"), ["Bill Clinton"]);
    assert_eq!(s.quotes_by("hillary").len(), 2);
    assert_eq!(
        s.speakers_of("clinton"),
        ["Bill Clinton", "Clinton", "Hillary Clinton"]
    );
}

#[test]
fn anonymous_sources_are_never_merged_and_organisations_are_their_own_kind() {
    let s = Scratch::ingested();
    let rows: Vec<Value> = s
        .ok(&[
            "speakers",
            "list",
            "--kind",
            "anonymous",
            "--format",
            "jsonl",
        ])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let same_words: Vec<&Value> = rows
        .iter()
        .filter(|r| r["name"] == "a senior U.S. official")
        .collect();
    assert_eq!(same_words.len(), 2, "one per article: {rows:#?}");
    assert!(rows.iter().all(|r| r["quotes"] == 1));
    let orgs = s.ok(&[
        "speakers",
        "list",
        "--kind",
        "organisation",
        "--format",
        "csv",
    ]);
    assert!(orgs.contains("Pentagon,organisation"), "{orgs}");
    let people = s.ok(&["speakers", "list", "--kind", "person", "--format", "csv"]);
    assert!(!people.contains("Pentagon") && !people.contains("official"));
}

#[test]
fn show_lists_names_roles_outlets_and_dates() {
    let s = Scratch::ingested();
    let out = s.ok(&["speakers", "show", "kerry"]);
    assert!(out.starts_with("John Kerry (person"), "{out}");
    for want in [
        "5 quotes in 4 articles from 4 outlets, 2016-03-02 to 2016-03-05",
        "John F. Kerry (1)",
        "U.S. Secretary of State",
        "Valley Broadcast News",
    ] {
        assert!(out.contains(want), "missing {want:?} in\n{out}");
    }
    // An exact name wins; part of a name must be unambiguous.
    assert!(
        s.ok(&["speakers", "show", "clinton"])
            .starts_with("Clinton (person")
    );
    let err = s.fails(&["speakers", "show", "clin"]);
    assert!(
        err.contains("could be 3 speakers") && err.contains("Bill Clinton"),
        "{err}"
    );
    let err = s.fails(&["speakers", "show", "Lavrenti Beria"]);
    assert!(err.contains("speakers list"), "{err}");
}

#[test]
fn corrections_win_and_survive_reingest_and_replace() {
    let s = Scratch::ingested();
    // Split the machine's Lavrov merge.
    s.ok(&["speakers", "split", "Sergey Lavrov"]);
    assert_eq!(s.speakers_of("lavrov").len(), 2);
    let csv = std::fs::read_to_string(s.csv()).unwrap();
    assert!(csv.starts_with("alias,canonical,wikidata_id\n"), "{csv}");
    assert!(csv.contains("Sergey Lavrov,Sergey Lavrov,"), "{csv}");
    // Merge the lone Clinton into Hillary, and give Kerry a Wikidata id
    // and an alias the articles never use.
    s.ok(&["speakers", "merge", "Clinton", "Hillary Clinton"]);
    s.ok(&[
        "speakers",
        "alias",
        "add",
        "kerry",
        "Secretary Kerry",
        "--wikidata",
        "Q22316",
    ]);
    let check = |s: &Scratch| {
        assert_eq!(s.speakers_of("lavrov").len(), 2);
        assert_eq!(
            s.speakers_of("clinton"),
            ["Bill Clinton", "Hillary Clinton"]
        );
        assert_eq!(s.quotes_by("hillary").len(), 3);
        assert_eq!(s.speakers_of("Secretary Kerry"), ["John Kerry"]);
        let kerry = s.ok(&["speakers", "show", "John Kerry"]);
        assert!(kerry.contains("Q22316"), "{kerry}");
    };
    check(&s);
    // Extracting again keeps them.
    s.ok(&["ingest", "--replace", fixtures().to_str().unwrap()]);
    check(&s);
    // So does a new database beside the same corrections file.
    std::fs::remove_file(s.db()).unwrap();
    s.ok(&["ingest", fixtures().to_str().unwrap()]);
    check(&s);
    // The copy in the database applies when the file is gone.
    std::fs::remove_file(s.csv()).unwrap();
    s.ok(&["ingest", "--replace", fixtures().to_str().unwrap()]);
    check(&s);
}

#[test]
fn hand_edits_apply_and_a_broken_file_loses_nothing() {
    let s = Scratch::ingested();
    let before = s.quote_count();
    std::fs::write(
        s.csv(),
        "alias,canonical,wikidata_id\n# merged by hand\nPeter Cook,Peter Cook (Pentagon),\n",
    )
    .unwrap();
    s.ok(&["speakers", "list"]);
    assert_eq!(s.speakers_of("cook"), ["Peter Cook (Pentagon)"]);
    std::fs::write(s.csv(), "alias,canonical\nKerry\n").unwrap();
    let err = s.fails(&["ingest", "--replace", fixtures().to_str().unwrap()]);
    assert!(
        err.contains("line 2") && err.contains("speakers.csv"),
        "{err}"
    );
    let err = s.fails(&["speakers", "list"]);
    assert!(err.contains("line 2"), "{err}");
    assert_eq!(s.quote_count(), before);
    std::fs::remove_file(s.csv()).unwrap();
    let err = s.fails(&[
        "speakers",
        "alias",
        "add",
        "kerry",
        "JK",
        "--wikidata",
        "22316",
    ]);
    assert!(err.contains("Q22316"), "{err}");
}

#[test]
fn merge_and_split_refuse_what_makes_no_sense() {
    let s = Scratch::ingested();
    let err = s.fails(&["speakers", "merge", "Nobody Here", "John Kerry"]);
    assert!(err.contains("no speaker is called"), "{err}");
    let err = s.fails(&["speakers", "split", "Bill Clinton"]);
    assert!(err.contains("nothing to split"), "{err}");
    assert!(!s.csv().exists(), "a refused command writes nothing");
}
