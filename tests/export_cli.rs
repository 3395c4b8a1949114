//! `export`, and the parts of `quotes` it shares, run as a user runs them.
//!
//! The corpus is one article ingested through the command line
//! (tests/fixtures/export/, written for these tests) and three stored
//! through the library with hand-made quote records, so that the quotes the
//! export must survive (commas, quotation marks, a line break, a formula)
//! are there whatever the extractor finds.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use chrono::NaiveDate;
use rusqlite::Connection;
use serde_json::Value;
use tempfile::TempDir;

use quotetrack::article::Article;
use quotetrack::record::{FoundBy, Quote, QuoteKind, Speaker, SpeakerKind, TextSpan};
use quotetrack::store::Store;

const COLUMNS: [&str; 18] = [
    "quote_id",
    "speaker",
    "speaker_kind",
    "quote",
    "kind",
    "outlet",
    "published",
    "article_title",
    "article_url",
    "article_path",
    "start",
    "end",
    "cue",
    "found_by",
    "confidence",
    "statement_id",
    "context",
    "section",
];

/// The awkward quote: commas, straight and curly quotation marks, a line
/// break.
const AWKWARD: &str = "We said \"no\", twice, and \u{201C}no\u{201D} again,\nand we meant it";
const FORMULA: &str = "=HYPERLINK(\"https://bad.example/\",\"Click for the full report\")";
const REPEATED: &str = "The ferry will sail again before the autumn storms";

struct Corpus {
    dir: TempDir,
}

/// A quote record for `words` in `text`, said by `who` after `cue`.
fn quote(text: &str, words: &str, who: &str, cue: &str) -> Quote {
    let start = text.find(words).expect("quote in text");
    let cue_start = text.find(cue).expect("cue in text");
    let who_start = text.find(who).expect("speaker in text");
    Quote {
        quote: TextSpan {
            start,
            end: start + words.len(),
            text: words.to_string(),
        },
        cue: Some(TextSpan {
            start: cue_start,
            end: cue_start + cue.len(),
            text: cue.to_string(),
        }),
        speaker: Some(Speaker {
            start: who_start,
            end: who_start + who.len(),
            text: who.to_string(),
            name: who.to_string(),
            kind: SpeakerKind::Person,
            role: None,
        }),
        kind: QuoteKind::Direct,
        found_by: FoundBy::Explicit,
        confidence: 0.9,
    }
}

fn article(text: &str, outlet: &str, date: &str, url: &str) -> Article {
    Article {
        text: text.to_string(),
        outlet: Some(outlet.to_string()),
        published: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
        published_raw: Some(date.to_string()),
        title: Some(format!("{outlet} on the ferry")),
        url: Some(url.to_string()),
        author: None,
        source: format!("{outlet}.txt"),
        ..Article::default()
    }
}

impl Corpus {
    fn new() -> Corpus {
        let corpus = Corpus {
            dir: tempfile::tempdir().unwrap(),
        };
        let out = corpus
            .cmd(&["ingest"])
            .arg(
                Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export/ferry_fares.txt"),
            )
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));

        let mut store = Store::open(&corpus.db()).unwrap();
        let one = format!(
            "The council met on Monday.\n\u{201C}{AWKWARD},\u{201D} Councillor Ada Quint said. The vote was put off.\n\u{201C}{REPEATED},\u{201D} Quint told reporters.\nA leaflet handed out at the door read \u{201C}{FORMULA}\u{201D}, Rob Vance said."
        );
        let two = format!(
            "Ferry news in brief.\nCouncillor Ada Quint repeated her promise: \u{201C}{REPEATED}.\u{201D}"
        );
        let mut items = vec![
            (
                article(
                    &one,
                    "Wren Island Weekly",
                    "2023-06-05",
                    "https://wren.example/council",
                ),
                vec![
                    quote(&one, AWKWARD, "Ada Quint", "said"),
                    quote(&one, REPEATED, "Quint", "told"),
                    quote(&one, FORMULA, "Rob Vance", "read"),
                ],
            ),
            (
                article(
                    &two,
                    "Harbour Radio",
                    "2023-06-07",
                    "https://harbour.example/brief",
                ),
                vec![quote(&two, REPEATED, "Ada Quint", "repeated")],
            ),
        ];
        // The second mention of Quint resolves to her full name.
        if let Some(s) = items[0].1[1].speaker.as_mut() {
            s.name = "Ada Quint".into();
        }
        for outcome in store.add_articles(&items, false).unwrap() {
            outcome.unwrap();
        }
        corpus
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("quotes.db")
    }

    fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::cargo_bin("quotetrack").unwrap();
        cmd.env_remove("QUOTETRACK_DB")
            .env_remove("COLUMNS")
            .arg("--db")
            .arg(self.db())
            .args(args);
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().unwrap()
    }

    fn conn(&self) -> Connection {
        Connection::open(self.db()).unwrap()
    }

    /// The ids of the stored quotes (claims, kind `indirect`, are exported
    /// only when asked for).
    fn stored_ids(&self) -> BTreeSet<i64> {
        self.ids_where("kind <> 'indirect'")
    }

    fn ids_where(&self, condition: &str) -> BTreeSet<i64> {
        let conn = self.conn();
        let mut stmt = conn
            .prepare(&format!("SELECT id FROM quotes WHERE {condition}"))
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    }

    fn jsonl(&self, args: &[&str]) -> Vec<Value> {
        let out = self
            .cmd(&["export", "--format", "jsonl"])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn csv_rows(text: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader.records().map(Result::unwrap).collect();
    (header, rows)
}

#[test]
fn an_export_of_everything_has_one_row_per_stored_quote() {
    let c = Corpus::new();
    let out = c.run(&["export"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let (header, rows) = csv_rows(&stdout(&out));
    assert_eq!(header, COLUMNS);
    let exported: Vec<i64> = rows.iter().map(|r| r[0].parse().unwrap()).collect();
    let unique: BTreeSet<i64> = exported.iter().copied().collect();
    assert_eq!(exported.len(), unique.len(), "no quote twice");
    assert_eq!(unique, c.stored_ids());
    assert!(rows.len() >= 4);
    // Every quote is linked to a statement at ingest.
    assert!(
        rows.iter().all(|r| r[15].parse::<i64>().is_ok()),
        "{rows:?}"
    );
    // The other formats carry the same rows.
    assert_eq!(c.jsonl(&[]).len(), rows.len());
    let json: Vec<Value> =
        serde_json::from_slice(&c.run(&["export", "-f", "json"]).stdout).unwrap();
    assert_eq!(json.len(), rows.len());
    assert_eq!(json[0].as_object().unwrap().keys().count(), COLUMNS.len());
}

#[test]
fn offsets_and_context_lead_back_to_the_article() {
    let c = Corpus::new();
    let conn = c.conn();
    for row in c.jsonl(&[]) {
        let (start, end) = (
            row["start"].as_u64().unwrap() as usize,
            row["end"].as_u64().unwrap() as usize,
        );
        let text: String = conn
            .query_row(
                "SELECT a.text FROM quotes q JOIN articles a ON a.id = q.article_id WHERE q.id = ?1",
                [row["quote_id"].as_i64().unwrap()],
                |r| r.get(0),
            )
            .unwrap();
        let quote = row["quote"].as_str().unwrap();
        assert_eq!(&text[start..end], quote);
        let context = row["context"].as_str().unwrap();
        assert!(context.contains(quote), "{context:?} lacks {quote:?}");
        assert!(text.contains(context));
    }
    let repeated = c.jsonl(&["--search", "autumn storms", "--outlet", "wren"]);
    assert_eq!(
        repeated[0]["context"],
        format!("\u{201C}{REPEATED},\u{201D} Quint told reporters.")
    );
}

#[test]
fn commas_quotation_marks_and_line_breaks_survive_pythons_csv_module() {
    let c = Corpus::new();
    let file = c.dir.path().join("quotes.csv");
    let out = c.run(&["export", "--output", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let script = r#"
import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    print(json.dumps(list(csv.DictReader(f))))
"#;
    let py = std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&file)
        .output()
        .expect("python3 runs (the CI needs it anyway)");
    assert!(
        py.status.success(),
        "{}",
        String::from_utf8_lossy(&py.stderr)
    );
    let rows: Vec<Value> = serde_json::from_slice(&py.stdout).unwrap();
    assert_eq!(rows.len(), c.stored_ids().len());
    let awkward: Vec<&Value> = rows.iter().filter(|r| r["quote"] == AWKWARD).collect();
    assert_eq!(awkward.len(), 1, "the quote comes back byte for byte");
    assert_eq!(awkward[0]["speaker"], "Ada Quint");
    assert_eq!(awkward[0]["outlet"], "Wren Island Weekly");
    assert_eq!(awkward[0]["published"], "2023-06-05");
    assert!(
        awkward[0]["context"]
            .as_str()
            .unwrap()
            .ends_with("Councillor Ada Quint said.")
    );
    // RFC 4180 line ends between records; the break inside the quote is
    // the article's own.
    let raw = std::fs::read_to_string(&file).unwrap();
    assert!(raw.starts_with("quote_id,speaker,"));
    assert!(raw.ends_with("\r\n"));
    assert!(raw.contains("\"We said \"\"no\"\", twice,"));
}

#[test]
fn claims_are_exported_when_asked_for_with_their_kind() {
    let c = Corpus::new();
    let claims = c.ids_where("kind = 'indirect'");
    assert!(!claims.is_empty(), "the corpus has reported speech");
    let (header, rows) = csv_rows(&stdout(&c.run(&["export", "--kind", "all"])));
    assert_eq!(header, COLUMNS);
    let exported: BTreeSet<i64> = rows.iter().map(|r| r[0].parse().unwrap()).collect();
    assert_eq!(exported, c.ids_where("1 = 1"), "quotes and claims");
    for row in &rows {
        let id: i64 = row[0].parse().unwrap();
        assert_eq!(&row[4] == "indirect", claims.contains(&id), "{row:?}");
    }
    let (_, only) = csv_rows(&stdout(&c.run(&["export", "--kind", "indirect"])));
    let only: BTreeSet<i64> = only.iter().map(|r| r[0].parse().unwrap()).collect();
    assert_eq!(only, claims);
}

#[test]
fn a_quote_that_is_a_formula_is_neutralised_in_csv_only() {
    let c = Corpus::new();
    let (_, rows) = csv_rows(&stdout(&c.run(&["export", "--speaker", "vance"])));
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][3], format!("'{FORMULA}"));
    assert!(
        rows[0][16].starts_with("A leaflet"),
        "context starts with a word, left alone"
    );
    // `quotes --format csv` is just as safe.
    let quotes_csv = stdout(&c.run(&["quotes", "--speaker", "vance", "--format", "csv"]));
    assert!(quotes_csv.contains("'=HYPERLINK("), "{quotes_csv}");
    assert!(!quotes_csv.contains(",=HYPERLINK("), "{quotes_csv}");
    // Scripts reading JSON get the words as stored.
    assert_eq!(c.jsonl(&["--speaker", "vance"])[0]["quote"], FORMULA);
}

#[test]
fn speaker_and_output_work_as_on_quotes() {
    let c = Corpus::new();
    let listed = stdout(&c.run(&["quotes", "--speaker", "quint", "--format", "jsonl"]));
    let listed_ids: Vec<i64> = listed
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["id"]
                .as_i64()
                .unwrap()
        })
        .collect();
    assert_eq!(listed_ids.len(), 3);

    let file = c.dir.path().join("quint.csv");
    let out = c.run(&["export", "--speaker", "quint", "-o", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "the export went to the file");
    assert!(
        stderr(&out).contains("wrote 3 quotes to"),
        "{}",
        stderr(&out)
    );
    let (_, rows) = csv_rows(&std::fs::read_to_string(&file).unwrap());
    let ids: Vec<i64> = rows.iter().map(|r| r[0].parse().unwrap()).collect();
    assert_eq!(ids, listed_ids, "same quotes, same order");
    assert!(rows.iter().all(|r| &r[1] == "Ada Quint"));

    // The other filters are shared too.
    let dated = c.jsonl(&["--speaker", "quint", "--since", "7 June 2023"]);
    assert_eq!(dated.len(), 1);
    assert_eq!(dated[0]["outlet"], "Harbour Radio");
    assert_eq!(c.jsonl(&["--limit", "2"]).len(), 2);
}

#[test]
fn an_unknown_speaker_suggests_the_closest_names_and_succeeds() {
    let c = Corpus::new();
    let out = c.run(&["export", "--speaker", "quinn"]);
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("no speaker's name contains \"quinn\""),
        "{err}"
    );
    assert!(err.contains("did you mean \"Ada Quint\"?"), "{err}");
    assert_eq!(
        stdout(&out),
        format!("{}\r\n", COLUMNS.join(",")),
        "header only"
    );
    let out = c.run(&["quotes", "--speaker", "Vanse"]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("Rob Vance"), "{}", stderr(&out));
    // An empty result that is no misspelling says so plainly.
    let out = c.run(&["export", "--format", "json", "--since", "2030-01-01"]);
    assert!(out.status.success());
    assert_eq!(stdout(&out).trim(), "[]");
    assert!(stderr(&out).contains("no quotes match"));
}

#[test]
fn a_bad_date_says_which_forms_are_accepted() {
    let c = Corpus::new();
    let out = c.run(&["export", "--until", "next friday"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("2015-09-18") && err.contains("18 September 2015"),
        "{err}"
    );
}

#[test]
fn the_output_cannot_be_the_database() {
    let c = Corpus::new();
    let before = c.stored_ids();
    let out = c.run(&["export", "--output", c.db().to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("choose another file"),
        "{}",
        stderr(&out)
    );
    assert_eq!(c.stored_ids(), before);
}

#[test]
fn quotebank_lines_group_the_same_words_by_the_same_speaker() {
    let c = Corpus::new();
    let out = c.run(&["export", "--format", "quotebank", "--speaker", "quint"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let records: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2, "{records:#?}");
    let repeated = records
        .iter()
        .find(|r| r["quotation"] == REPEATED)
        .expect("the repeated promise");
    assert_eq!(repeated["speaker"], "Ada Quint");
    assert_eq!(repeated["numOccurrences"], 2);
    assert_eq!(repeated["date"], "2023-06-05 00:00:00");
    assert_eq!(
        repeated["urls"],
        serde_json::json!([
            "https://wren.example/council",
            "https://harbour.example/brief"
        ])
    );
    for key in [
        "quoteID",
        "quotation",
        "speaker",
        "qids",
        "date",
        "numOccurrences",
        "urls",
    ] {
        assert!(repeated.get(key).is_some(), "{key} missing");
    }
}

#[test]
fn the_database_reads_through_its_views() {
    let c = Corpus::new();
    let conn = c.conn();
    let (speaker, outlet, quote): (String, String, String) = conn
        .query_row(
            "SELECT speaker, outlet, quote FROM quote_details WHERE quote LIKE '%autumn storms%' ORDER BY published LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (speaker.as_str(), outlet.as_str(), quote.as_str()),
        ("Ada Quint", "Wren Island Weekly", REPEATED)
    );
    let views: i64 = conn
        .query_row("SELECT count(*) FROM quote_details", [], |r| r.get(0))
        .unwrap();
    // quote_details has claims too, with their quote_kind.
    assert_eq!(views as usize, c.ids_where("1 = 1").len());
    let (occurrences, outlets): (i64, i64) = conn
        .query_row(
            "SELECT occurrences, outlets FROM repeated_quotes WHERE speaker = 'Ada Quint'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((occurrences, outlets), (2, 2));
    let (articles, quotes): (i64, i64) = conn
        .query_row(
            "SELECT articles, quotes FROM outlet_summary WHERE outlet = 'Harbour Radio'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((articles, quotes), (1, 1));
    drop(conn);
    // And in the sqlite3 shell itself, where it is installed.
    if let Ok(out) = std::process::Command::new("sqlite3")
        .arg(c.db())
        .arg("SELECT outlet || '|' || quotes FROM outlet_summary ORDER BY outlet")
        .output()
    {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Harbour Radio|1"), "{text}");
    } else {
        eprintln!("sqlite3 is not installed; the view was read through rusqlite only");
    }
}

#[test]
fn completions_and_the_man_page_come_from_the_definitions() {
    let c = Corpus::new();
    let bash = stdout(&c.run(&["completions", "bash"]));
    assert!(
        bash.contains("export") && bash.contains("--output"),
        "{bash}"
    );
    let man = stdout(&c.run(&["man"]));
    assert!(man.contains(".TH quotetrack 1"), "{man}");
    assert!(man.contains("export"));
    let page = stdout(&c.run(&["man", "export"]));
    assert!(
        page.contains("quotetrack\\-export") && page.contains("\\-\\-output"),
        "{page}"
    );
    let out = c.run(&["man", "exprot"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("export"), "{}", stderr(&out));
    let dir = c.dir.path().join("man1");
    assert!(
        c.run(&["man", "--dir", dir.to_str().unwrap()])
            .status
            .success()
    );
    assert!(dir.join("quotetrack.1").exists() && dir.join("quotetrack-export.1").exists());
}

#[test]
fn format_is_the_same_option_on_every_command() {
    let c = Corpus::new();
    for command in ["extract", "quotes", "show", "export"] {
        let help = stdout(&c.run(&[command, "--help"]));
        assert!(help.contains("-f, --format <FORMAT>"), "{command}:\n{help}");
    }
}

#[test]
fn the_table_fits_the_width_it_is_given() {
    let c = Corpus::new();
    let out = c.cmd(&["quotes"]).env("COLUMNS", "72").output().unwrap();
    let table = stdout(&out);
    for line in table.lines() {
        assert!(line.chars().count() <= 72, "{line:?}");
    }
    assert!(
        table.lines().count() > c.stored_ids().len() + 1,
        "long quotes wrap:\n{table}"
    );
}

#[test]
fn renditions_of_one_statement_share_a_statement_id_and_others_do_not() {
    let c = Corpus::new();
    let rows = c.jsonl(&[]);
    let id_of = |text: &str| -> Vec<Value> {
        rows.iter()
            .filter(|r| r["quote"].as_str().unwrap_or_default().starts_with(text))
            .map(|r| r["statement_id"].clone())
            .collect()
    };
    let repeated = id_of("The ferry will sail again");
    assert_eq!(repeated.len(), 2, "{rows:#?}");
    assert!(repeated[0].is_i64(), "linked at ingest: {rows:#?}");
    assert_eq!(repeated[0], repeated[1], "one statement in two outlets");
    let awkward = id_of("We said");
    assert!(awkward[0].is_i64());
    assert_ne!(
        awkward[0], repeated[0],
        "a different remark is its own statement"
    );
}
