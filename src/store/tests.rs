//! Store tests on hand-built quotes, independent of the extractor.

use chrono::NaiveDate;

use super::*;
use crate::article::Article;
use crate::record::{FoundBy, Quote, QuoteKind, Speaker, SpeakerKind, TextSpan};
use crate::store::query::{Cursor, UnknownCursor, WordsPlan};

/// A quote of `words` found in `text`, said by `name` (as `mention`).
fn quote(text: &str, words: &str, name: &str, mention: &str, kind: SpeakerKind) -> Quote {
    let start = text.find(words).expect("words are in the text");
    let at = text.find(mention).unwrap_or(0);
    Quote {
        quote: TextSpan {
            start,
            end: start + words.len(),
            text: words.to_string(),
        },
        cue: Some(TextSpan {
            start: 0,
            end: 4,
            text: "said".into(),
        }),
        speaker: Some(Speaker {
            start: at,
            end: at + mention.len(),
            text: mention.into(),
            name: name.into(),
            kind,
            role: None,
        }),
        kind: QuoteKind::Direct,
        found_by: FoundBy::Explicit,
        confidence: 0.9,
    }
}

fn article(text: &str, outlet: &str, date: (i32, u32, u32)) -> Article {
    Article {
        text: text.into(),
        outlet: Some(outlet.into()),
        published: NaiveDate::from_ymd_opt(date.0, date.1, date.2),
        published_raw: Some(format!("{}-{:02}-{:02}", date.0, date.1, date.2)),
        title: Some("A story".into()),
        url: Some("https://example.org/story".into()),
        author: None,
        source: "story.txt".into(),
        ..Article::default()
    }
}

const WIRE: &str = "Talks began on Friday.\n\n\"It is vital to avoid miscalculations,\" Secretary of State John Kerry said.\n\n\"We are ready,\" a senior official said.";
const PAPER: &str = "\"It is vital (and) urgent,\" Kerry told reporters.\n\nJosé Gómez said \"NOT* a deal\" later.\n\n\"We are ready,\" a senior official said.";

/// Two outlets, three days apart, with a person quoted in both and an
/// anonymous source in both.
fn two_articles() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let wire = article(WIRE, "Wire Service", (2015, 9, 18));
    let wire_quotes = vec![
        quote(
            WIRE,
            "It is vital to avoid miscalculations,",
            "John Kerry",
            "John Kerry",
            SpeakerKind::Person,
        ),
        quote(
            WIRE,
            "We are ready,",
            "a senior official",
            "a senior official",
            SpeakerKind::Anonymous,
        ),
    ];
    let paper = article(PAPER, "The Daily Paper", (2015, 9, 21));
    let paper_quotes = vec![
        quote(
            PAPER,
            "It is vital (and) urgent,",
            "John Kerry",
            "Kerry",
            SpeakerKind::Person,
        ),
        quote(
            PAPER,
            "NOT* a deal",
            "José Gómez",
            "José Gómez",
            SpeakerKind::Person,
        ),
        quote(
            PAPER,
            "We are ready,",
            "a senior official",
            "a senior official",
            SpeakerKind::Anonymous,
        ),
    ];
    let results = store
        .add_articles(&[(wire, wire_quotes), (paper, paper_quotes)], false)
        .unwrap();
    assert!(matches!(results[0], Ok(Outcome::Added { quotes: 2, .. })));
    assert!(matches!(results[1], Ok(Outcome::Added { quotes: 3, .. })));
    store
}

fn texts(rows: &[QuoteRow]) -> Vec<&str> {
    rows.iter().map(|r| r.text.as_str()).collect()
}

#[test]
fn same_text_is_stored_once() {
    let mut store = two_articles();
    let again = article(WIRE, "Another Name", (2020, 1, 1));
    let outcome = store.add_article(&again, &[], false).unwrap();
    assert!(matches!(outcome, Outcome::Unchanged { article: 1 }));
    assert_eq!(store.counts().unwrap(), (2, 5));
}

#[test]
fn replace_re_extracts_and_keeps_the_article_id_and_metadata() {
    let mut store = two_articles();
    let mut again = article(WIRE, "Wire Service", (2015, 9, 18));
    again.title = None;
    let new_quotes = vec![quote(
        WIRE,
        "It is vital",
        "John Kerry",
        "Kerry",
        SpeakerKind::Person,
    )];
    let outcome = store.add_article(&again, &new_quotes, true).unwrap();
    assert_eq!(
        outcome,
        Outcome::Replaced {
            article: 1,
            quotes: 1,
            claims: 0
        }
    );
    assert_eq!(store.counts().unwrap(), (2, 4));
    let rows = store
        .quotes(&QuoteFilter {
            outlet: Some("wire".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(texts(&rows), ["It is vital"]);
    assert_eq!(
        rows[0].title.as_deref(),
        Some("A story"),
        "metadata this run lacked is kept"
    );
    // The full-text index followed the delete.
    let found = store
        .quotes(&QuoteFilter {
            search: Some("miscalculations".into()),
            ..Default::default()
        })
        .unwrap();
    assert!(found.is_empty());
    // The first article's anonymous source went with its quotes.
    let anon: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM speakers WHERE kind = 'anonymous'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(anon, 1);
}

#[test]
fn people_are_one_speaker_across_articles_anonymous_sources_are_not() {
    let store = two_articles();
    let count = |kind: &str| -> i64 {
        store
            .conn()
            .query_row(
                "SELECT count(*) FROM speakers WHERE kind = ?1",
                [kind],
                |r| r.get(0),
            )
            .unwrap()
    };
    assert_eq!(count("person"), 2);
    assert_eq!(count("anonymous"), 2);
}

#[test]
fn speaker_filter_is_a_case_and_accent_blind_substring() {
    let store = two_articles();
    let kerry = store
        .quotes(&QuoteFilter {
            speaker: Some("KERRY".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        texts(&kerry),
        [
            "It is vital to avoid miscalculations,",
            "It is vital (and) urgent,"
        ]
    );
    assert_eq!(kerry[1].speaker_as_written.as_deref(), Some("Kerry"));
    let jose = store
        .quotes(&QuoteFilter {
            speaker: Some("jose gom".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(texts(&jose), ["NOT* a deal"]);
    let nobody = store
        .quotes(&QuoteFilter {
            speaker: Some("clinton".into()),
            ..Default::default()
        })
        .unwrap();
    assert!(nobody.is_empty());
}

#[test]
fn aliases_find_their_speaker() {
    let store = two_articles();
    store
        .conn()
        .execute(
            "INSERT INTO speaker_aliases (speaker_id, alias, source) SELECT id, 'Secretary Kerry', 'user' FROM speakers WHERE name = 'John Kerry'",
            [],
        )
        .unwrap();
    let rows = store
        .quotes(&QuoteFilter {
            speaker: Some("secretary".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(rows.len(), 2);
}

#[test]
fn outlet_date_search_and_limit_filters() {
    let store = two_articles();
    let f = |filter: QuoteFilter| store.quotes(&filter).unwrap();
    assert_eq!(
        f(QuoteFilter {
            outlet: Some("daily".into()),
            ..Default::default()
        })
        .len(),
        3
    );
    let since = NaiveDate::from_ymd_opt(2015, 9, 19);
    assert_eq!(
        f(QuoteFilter {
            since,
            ..Default::default()
        })
        .len(),
        3
    );
    assert_eq!(
        f(QuoteFilter {
            until: since,
            ..Default::default()
        })
        .len(),
        2
    );
    let vital = f(QuoteFilter {
        search: Some("VITAL".into()),
        ..Default::default()
    });
    assert_eq!(vital.len(), 2);
    // Porter stemming: the singular finds the plural.
    assert_eq!(
        f(QuoteFilter {
            search: Some("miscalculation".into()),
            ..Default::default()
        })
        .len(),
        1
    );
    // FTS operators typed by a user are just words.
    assert_eq!(
        texts(&f(QuoteFilter {
            search: Some("NOT* deal".into()),
            ..Default::default()
        })),
        ["NOT* a deal"]
    );
    assert!(
        f(QuoteFilter {
            search: Some("\"unbalanced AND (".into()),
            ..Default::default()
        })
        .is_empty()
    );
    let limited = f(QuoteFilter {
        limit: Some(2),
        ..Default::default()
    });
    assert_eq!(limited.len(), 2);
    assert_eq!(limited[0].date.as_deref(), Some("2015-09-18"));
    assert_eq!(limited[0].outlet.as_deref(), Some("Wire Service"));
}

#[test]
fn show_gives_the_paragraph_and_the_quote_inside_it() {
    let store = two_articles();
    let shown = store.quote(1).unwrap().unwrap();
    assert_eq!(
        shown.paragraph,
        "\"It is vital to avoid miscalculations,\" Secretary of State John Kerry said."
    );
    assert_eq!(
        &shown.paragraph[shown.paragraph_start..shown.paragraph_end],
        shown.quote.text
    );
    assert!(store.quote(999).unwrap().is_none());
}

#[test]
fn a_quote_outside_the_text_fails_its_article_only() {
    let mut store = Store::open_in_memory().unwrap();
    let mut bad = quote(WIRE, "Talks", "X", "X", SpeakerKind::Person);
    bad.quote.end = WIRE.len() + 10;
    let results = store
        .add_articles(
            &[
                (article(WIRE, "A", (2015, 1, 1)), vec![bad]),
                (article(PAPER, "B", (2015, 1, 2)), vec![]),
            ],
            false,
        )
        .unwrap();
    assert!(format!("{:#}", results[0].as_ref().unwrap_err()).contains("bug"));
    assert!(results[1].is_ok());
    assert_eq!(store.counts().unwrap(), (1, 0));
}

#[test]
fn views_read_well() {
    let store = two_articles();
    let (speaker, outlet, published): (String, String, String) = store
        .conn()
        .query_row(
            "SELECT speaker, outlet, published FROM quote_details WHERE quote_id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (speaker.as_str(), outlet.as_str(), published.as_str()),
        ("John Kerry", "Wire Service", "2015-09-18")
    );
    let (quotes, outlets): (i64, i64) = store
        .conn()
        .query_row(
            "SELECT quotes, outlets FROM speaker_summary WHERE speaker = 'John Kerry'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((quotes, outlets), (2, 2));
    let n: i64 = store
        .conn()
        .query_row("SELECT sum(quotes) FROM article_summary", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 5);
    // The sqlite-utils FTS layout Datasette looks for.
    let fts: String = store
        .conn()
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'quotes_fts'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(fts.contains("content=[quotes]"), "{fts}");
}

/// An article of `quotes` (each said by `speaker`), on `date` or undated.
fn article_of(
    quotes: &[&str],
    speaker: &str,
    date: Option<(i32, u32, u32)>,
) -> (Article, Vec<Quote>) {
    let text: String = quotes
        .iter()
        .map(|q| format!("\"{q}\" {speaker} said.\n\n"))
        .collect();
    let mut a = article(&text, "Wire Service", date.unwrap_or((2000, 1, 1)));
    if date.is_none() {
        a.published = None;
        a.published_raw = None;
    }
    let found = quotes
        .iter()
        .map(|q| quote(&text, q, speaker, speaker, SpeakerKind::Person))
        .collect();
    (a, found)
}

#[test]
fn a_speakers_quotes_come_by_date_with_a_limit_and_follow_date_changes() {
    let mut store = Store::open_in_memory().unwrap();
    let items = vec![
        article_of(
            &["Third of all,", "Third again,"],
            "Ann Lee",
            Some((2015, 3, 1)),
        ),
        article_of(&["Undated words,"], "Ann Lee", None),
        article_of(&["First of all,"], "Ann Lee", Some((2015, 1, 1))),
        article_of(&["Not hers,"], "Bo Chan", Some((2014, 1, 1))),
        article_of(&["Second of all,"], "Ann Lee", Some((2015, 2, 1))),
    ];
    store.add_articles(&items, false).unwrap();
    // Every quote carries its article's date.
    let mismatched: i64 = store
        .conn
        .query_row(
            "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id
             WHERE q.published IS NOT a.published",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(mismatched, 0);
    let list = |store: &Store, limit| {
        store
            .quotes(&QuoteFilter {
                speaker: Some("lee".into()),
                limit,
                ..Default::default()
            })
            .unwrap()
            .into_iter()
            .map(|r| r.text)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        list(&store, None),
        [
            "First of all,",
            "Second of all,",
            "Third of all,",
            "Third again,",
            "Undated words,"
        ]
    );
    assert_eq!(
        list(&store, Some(3)),
        ["First of all,", "Second of all,", "Third of all,"]
    );
    // A date corrected in the articles table reaches the quotes.
    store
        .conn
        .execute(
            "UPDATE articles SET published = '2016-01-01' WHERE id = (SELECT article_id FROM quotes WHERE text = 'First of all,')",
            [],
        )
        .unwrap();
    assert_eq!(list(&store, Some(2)), ["Second of all,", "Third of all,"]);
    // Re-extraction with no date keeps the article's date on the new quotes.
    let (mut again, quotes) = items[1].clone();
    store
        .conn
        .execute(
            "UPDATE articles SET published = '2014-06-01' WHERE published IS NULL",
            [],
        )
        .unwrap();
    again.published = None;
    store.add_article(&again, &quotes, true).unwrap();
    assert_eq!(list(&store, Some(1)), ["Undated words,"]);
}

#[test]
fn migration_5_dates_the_quotes_already_stored() {
    let mut conn = rusqlite::Connection::open_in_memory().unwrap();
    Migrations::from_slice(MIGRATIONS)
        .to_version(&mut conn, 4)
        .unwrap();
    conn.execute_batch(
        "INSERT INTO articles (id, published, content_hash, text, ingested_at)
             VALUES (1, '2015-09-18', 'a', 'x', 'now'), (2, NULL, 'b', 'y', 'now');
         INSERT INTO speakers (id, name, kind) VALUES (1, 'Ann Lee', 'person');
         INSERT INTO quotes (article_id, byte_start, byte_end, text, normalized, kind, speaker_id)
             VALUES (1, 0, 1, 'vital words', 'vital words', 'direct', 1),
                    (2, 0, 1, 'other words', 'other words', 'direct', 1);",
    )
    .unwrap();
    let store = Store::setup(conn).unwrap();
    let dates: Vec<Option<String>> = store
        .conn
        .prepare("SELECT published FROM quotes ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(dates, [Some("2015-09-18".to_string()), None]);
    // Full-text search: a changed speaker leaves the index as it was, a
    // changed text is indexed afresh.
    let search = |words: &str| {
        store
            .quotes(&QuoteFilter {
                search: Some(words.into()),
                ..Default::default()
            })
            .unwrap()
            .len()
    };
    store
        .conn
        .execute("UPDATE quotes SET speaker_id = NULL", [])
        .unwrap();
    assert_eq!(search("vital"), 1);
    store
        .conn
        .execute("UPDATE quotes SET text = 'fresh words' WHERE id = 1", [])
        .unwrap();
    assert_eq!(search("vital"), 0);
    assert_eq!(search("fresh"), 1);
}

/// Renditions of two statements, arriving as fragments before the full
/// quote (so statements merge) and with changed words.
fn renditions() -> Vec<(Article, Vec<Quote>)> {
    let full = "We will not gamble with the safety of families in the lower neighborhoods, and we will not put this barrier into service until every inspection is complete,";
    let other = "The budget for the harbor tunnel has doubled since the spring and nobody on the council can say where the money went,";
    let texts: [&[&str]; 7] = [
        &["We will not gamble with the safety of families,"],
        &[
            "the safety of families in the lower neighborhoods, and we will not put this barrier into service",
            other,
        ],
        &[full],
        &["The budget for the harbor tunnel has doubled since the spring,"],
        &["We will not gamble with the lives of families in the lower neighborhoods,"],
        &[other, "the safety of families in the lower neighborhoods,"],
        &[
            "The budget ... has doubled since the spring and nobody on the council can say where the money went,",
        ],
    ];
    texts
        .iter()
        .enumerate()
        .map(|(i, quotes)| article_of(quotes, "Ann Lee", Some((2015, 1, 1 + i as u32))))
        .collect()
}

fn statements_of(store: &Store) -> Vec<(i64, i64, String)> {
    store
        .conn
        .prepare("SELECT quote_id, statement_id, relation FROM renditions ORDER BY quote_id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

#[test]
fn linking_is_the_same_from_memory_and_from_the_table() {
    let items = renditions();
    let mut whole = Store::open_in_memory().unwrap();
    whole.add_articles(&items, false).unwrap();
    let mut apart = Store::open_in_memory().unwrap();
    apart.linker.lazy = true;
    for item in &items {
        apart
            .add_articles(std::slice::from_ref(item), false)
            .unwrap();
    }
    let linked = statements_of(&whole);
    assert_eq!(linked, statements_of(&apart));
    // The renditions did form two statements, one of them by a merge.
    let mut statements: Vec<i64> = linked.iter().map(|l| l.1).collect();
    statements.sort_unstable();
    statements.dedup();
    assert_eq!(statements.len(), 2, "{linked:?}");
    let merged: i64 = whole
        .conn
        .query_row(
            "SELECT count(*) FROM statements WHERE merged_into IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(merged, 1);
}

#[test]
fn fragments_sharing_no_words_stay_two_remarks() {
    // Two stretches of one long quote: each is the long quote's, but one
    // statement is one utterance, and these two share nothing.
    let full = "We will not gamble with the safety of families in the lower neighborhoods. And we will not put this barrier into service until every inspection is complete,";
    let items: Vec<(Article, Vec<Quote>)> = [
        "We will not gamble with the safety of families,",
        "put this barrier into service until every inspection is complete,",
        full,
    ]
    .iter()
    .enumerate()
    .map(|(i, q)| article_of(&[q], "Ann Lee", Some((2015, 1, 1 + i as u32))))
    .collect();
    let mut store = Store::open_in_memory().unwrap();
    store.add_articles(&items, false).unwrap();
    let linked = statements_of(&store);
    assert_eq!(linked.len(), 3);
    assert_ne!(linked[0].1, linked[1].1, "{linked:?}");
    // The full quote joins one of them.
    assert!(
        linked[2].1 == linked[0].1 || linked[2].1 == linked[1].1,
        "{linked:?}"
    );
}

#[test]
fn a_quote_matching_two_renditions_of_one_remark_joins_their_statements() {
    // One outlet's "Though" where the others wrote "Although": alone, the
    // cut with its first word changed is not distinctive enough to join
    // the full quote; a later rendition as full as it, found in the full
    // quote word for word, shows them to be one remark.
    let full = "Although the Second Amendment people, maybe there is. I don't know. But I'll tell you what. That will be a horrible day,";
    let items: Vec<(Article, Vec<Quote>)> = [
        full,
        "Though the Second Amendment people, maybe there is, I don't know.",
        "Although the Second Amendment people, maybe there is, I don't know.",
    ]
    .iter()
    .enumerate()
    .map(|(i, q)| article_of(&[q], "Ann Lee", Some((2016, 8, 9 + i as u32 / 2))))
    .collect();
    let mut store = Store::open_in_memory().unwrap();
    store.add_articles(&items[..2], false).unwrap();
    let linked = statements_of(&store);
    assert_ne!(linked[0].1, linked[1].1, "{linked:?}");
    store.add_articles(&items[2..], false).unwrap();
    let linked = statements_of(&store);
    assert!(linked.iter().all(|l| l.1 == linked[0].1), "{linked:?}");
    // The statement's relations are read against its full quote again.
    assert_eq!(linked[1].2, "altered");
    assert_eq!(linked[2].2, "partial");
}

#[test]
fn a_short_phrase_joins_its_speakers_phrase_unless_another_is_quoted_saying_it() {
    // A director's two words, quoted by outlets three days apart: one
    // remark. The same two words from another senator months later, and
    // a term a third person is also quoted using, are not.
    let items = vec![
        article_of(&["grossly negligent"], "Ann Lee", Some((2016, 7, 5))),
        article_of(&["grossly negligent,"], "Ann Lee", Some((2016, 7, 8))),
        article_of(&["Grossly negligent."], "Ann Lee", Some((2016, 10, 8))),
        article_of(&["radical harbor extremism"], "Ann Lee", Some((2016, 7, 5))),
        article_of(
            &["They won't say radical harbor extremism, and we all know why."],
            "Ben Ortiz",
            Some((2016, 7, 6)),
        ),
        article_of(
            &["radical harbor extremism."],
            "Ann Lee",
            Some((2016, 7, 7)),
        ),
    ];
    let mut store = Store::open_in_memory().unwrap();
    store.add_articles(&items, false).unwrap();
    let linked = statements_of(&store);
    assert_eq!(linked.len(), 6);
    assert_eq!(linked[0].1, linked[1].1, "{linked:?}");
    assert_ne!(linked[0].1, linked[2].1, "months later: {linked:?}");
    assert_ne!(linked[3].1, linked[5].1, "another says it too: {linked:?}");
    assert_ne!(linked[4].1, linked[5].1, "{linked:?}");
}

#[test]
fn linking_sees_statements_another_connection_stored() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("q.db");
    let items = renditions();
    let mut a = Store::open(&path).unwrap();
    let mut b = Store::open(&path).unwrap();
    a.add_articles(&items[..1], false).unwrap();
    b.add_articles(&items[1..2], false).unwrap();
    a.add_articles(&items[2..], false).unwrap();
    let mut alone = Store::open_in_memory().unwrap();
    alone.add_articles(&items, false).unwrap();
    assert_eq!(statements_of(&a), statements_of(&alone));
}

/// A date filter reads the quotes in the order `quotes_published` (db/011)
/// keeps them and stops at the page's end, rather than sorting every
/// quote in the range: on a million quotes that took 0.7–1.1 s a call.
#[test]
fn a_date_filter_reads_the_date_index_in_order() {
    let store = Store::open_in_memory().unwrap();
    let plan: Vec<String> = store
        .conn()
        .prepare(
            "EXPLAIN QUERY PLAN SELECT q.id FROM quotes q WHERE 1 AND q.published >= ?1
             ORDER BY q.published, q.article_id, q.byte_start, q.id LIMIT 50",
        )
        .unwrap()
        .query_map(["2024-06-01"], |r| r.get::<_, String>(3))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let plan = plan.join(" | ");
    assert!(plan.contains("quotes_published"), "{plan}");
    assert!(!plan.contains("TEMP B-TREE FOR ORDER BY"), "{plan}");
}

/// Articles whose ids do not follow their dates, several on each date, a
/// fifth undated, each with quotes of every kind, some with the word.
fn dated_and_undated() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let batch: Vec<(Article, Vec<Quote>)> = (0..40u32)
        .map(|i| {
            let text = format!(
                "\"Alpha first {i},\" Ann Lee said.\n\n\"Beta {i},\" Bo Ray said.\n\n\"Alpha partial {i},\" Cy Dee said.\n\n\"Alpha claim {i},\" Di Fox said."
            );
            // Later articles are often dated earlier; dates repeat.
            let mut a = article(&text, ["North Post", "South Star"][i as usize % 2], (2020, 3, 1 + (7 * i) % 4));
            a.source = format!("story-{i}.txt");
            a.url = Some(format!("https://example.org/{i}"));
            if i % 5 == 2 {
                a.published = None;
                a.published_raw = None;
            }
            let mut quotes = vec![
                quote(&text, &format!("Alpha first {i},"), "Ann Lee", "Ann Lee", SpeakerKind::Person),
                quote(&text, &format!("Beta {i},"), "Bo Ray", "Bo Ray", SpeakerKind::Person),
                quote(&text, &format!("Alpha partial {i},"), "Cy Dee", "Cy Dee", SpeakerKind::Person),
                quote(&text, &format!("Alpha claim {i},"), "Di Fox", "Di Fox", SpeakerKind::Person),
            ];
            quotes[2].kind = QuoteKind::Partial;
            quotes[3].kind = QuoteKind::Indirect;
            // Stored in reverse order of place, so ids do not follow it.
            quotes.reverse();
            (a, quotes)
        })
        .collect();
    store.add_articles(&batch, false).unwrap();
    store
}

#[test]
fn a_page_of_matches_read_in_date_order_is_the_page_sorting_gives() {
    let store = dated_and_undated();
    let everything = store
        .quotes(&QuoteFilter {
            search: Some("alpha".into()),
            kinds: crate::claims::Kinds::ALL,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(everything.len(), 120);
    // Undated quotes come last, and dates repeat.
    assert!(everything[..96].iter().all(|q| q.date.is_some()));
    assert!(everything[96..].iter().all(|q| q.date.is_none()));
    let base = paging_filters();
    let mut compared = 0;
    for filter in base {
        for words in ["alpha", "ALPHA first", "beta", "gamma"] {
            for limit in [1, 2, 5, 17, 50, 200] {
                for offset in [0, 1, 3, 16, 40, 70, 79, 80, 81, 95, 96, 119, 500] {
                    let f = QuoteFilter {
                        search: Some(words.into()),
                        limit: Some(limit),
                        offset,
                        ..filter.clone()
                    };
                    let sorted = every_plan_finds_what_sorting_finds(&store, &f);
                    compared += usize::from(!sorted.is_empty());
                }
            }
        }
    }
    assert!(compared > 300, "{compared}");
}

/// Every page of `filter`'s list (with and without each of the words),
/// found from the quote before it (`Cursor::After`) and from the quote
/// after it (`Cursor::Before`), by every plan, is the page counted from
/// the start. How many pages were compared.
fn cursor_pages_equal_offset_pages(store: &Store, filter: &QuoteFilter) -> usize {
    let mut compared = 0;
    for words in [
        None,
        Some("alpha"),
        Some("ALPHA first"),
        Some("beta"),
        Some("gamma"),
    ] {
        let list = QuoteFilter {
            search: words.map(String::from),
            ..filter.clone()
        };
        let all = store.quotes(&list).unwrap();
        for limit in [1, 2, 5, 17, 50] {
            let page = |cursor, plan| {
                let f = QuoteFilter {
                    limit: Some(limit),
                    cursor: Some(cursor),
                    ..list.clone()
                };
                store.quotes_planned(&f, plan).unwrap()
            };
            for start in (0..=all.len()).step_by(limit) {
                let end = (start + limit).min(all.len());
                for plan in [
                    None,
                    Some(WordsPlan::Sort),
                    Some(WordsPlan::Keys),
                    Some(WordsPlan::Walk),
                    Some(WordsPlan::Probe),
                    Some(WordsPlan::Batches),
                    Some(WordsPlan::ProbeEach),
                ] {
                    let counted = store
                        .quotes_planned(
                            &QuoteFilter {
                                limit: Some(limit),
                                offset: start,
                                ..list.clone()
                            },
                            plan,
                        )
                        .unwrap();
                    assert_eq!(
                        counted,
                        all[start..end],
                        "counted {start} {limit} {plan:?} {list:?}"
                    );
                    if start > 0 {
                        let after = page(Cursor::After(all[start - 1].id), plan);
                        assert_eq!(
                            after,
                            all[start..end],
                            "after {start} {limit} {plan:?} {list:?}"
                        );
                    }
                    if end < all.len() {
                        let before = page(Cursor::Before(all[end].id), plan);
                        let from = end.saturating_sub(limit);
                        assert_eq!(
                            before,
                            all[from..end],
                            "before {end} {limit} {plan:?} {list:?}"
                        );
                    }
                }
                compared += 1;
            }
        }
    }
    compared
}

/// The filters the paging tests walk: none, claims too, an outlet, two
/// dates, a speaker.
fn paging_filters() -> [QuoteFilter; 7] {
    [
        QuoteFilter::default(),
        QuoteFilter {
            kinds: crate::claims::Kinds::ALL,
            ..Default::default()
        },
        QuoteFilter {
            outlet: Some("south".into()),
            ..Default::default()
        },
        QuoteFilter {
            since: NaiveDate::from_ymd_opt(2020, 3, 2),
            until: NaiveDate::from_ymd_opt(2020, 3, 3),
            ..Default::default()
        },
        QuoteFilter {
            speaker: Some("ann".into()),
            ..Default::default()
        },
        // A part of two speakers' names, with an outlet.
        QuoteFilter {
            speaker: Some("a".into()),
            outlet: Some("south".into()),
            ..Default::default()
        },
        QuoteFilter {
            article: Some(3),
            ..Default::default()
        },
    ]
}

#[test]
fn pages_from_a_cursor_are_the_pages_counted_from_the_start() {
    let store = dated_and_undated();
    let mut compared = 0;
    for filter in paging_filters() {
        compared += cursor_pages_equal_offset_pages(&store, &filter);
    }
    assert!(compared > 300, "{compared}");
    // A quote outside the list still has its place in the order: the page
    // after a `beta` quote, of `alpha` quotes, starts at the next of those.
    let alpha = |cursor| {
        store
            .quotes(&QuoteFilter {
                search: Some("alpha".into()),
                limit: Some(3),
                cursor,
                ..Default::default()
            })
            .unwrap()
    };
    let all = store
        .quotes(&QuoteFilter {
            kinds: crate::claims::Kinds::ALL,
            ..Default::default()
        })
        .unwrap();
    let beta = all
        .iter()
        .position(|q| q.text.starts_with("Beta 3,"))
        .unwrap();
    let next_alpha: Vec<i64> = all[beta..]
        .iter()
        .filter(|q| q.text.starts_with("Alpha") && q.kind != "indirect")
        .take(3)
        .map(|q| q.id)
        .collect();
    let from_beta: Vec<i64> = alpha(Some(Cursor::After(all[beta].id)))
        .iter()
        .map(|q| q.id)
        .collect();
    assert_eq!(from_beta, next_alpha);
    // A quote not stored is an error saying so, not an empty page.
    let err = store
        .quotes(&QuoteFilter {
            cursor: Some(Cursor::After(999_999)),
            limit: Some(5),
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(
        err.downcast_ref::<UnknownCursor>(),
        Some(&UnknownCursor(999_999))
    );
}

/// Dates quotetrack does not write (edited in sqlite3: shorter, longer,
/// a number) are ordered as SQLite orders them whichever way a page is
/// found; the sort keys read in Rust give way to SQL's sort for those.
#[test]
fn odd_dates_are_ordered_as_sqlite_orders_them() {
    let store = dated_and_undated();
    store
        .conn()
        .execute_batch(
            "UPDATE quotes SET published = '2020-03' WHERE article_id % 7 = 1;
             UPDATE quotes SET published = '2020-03' || char(0) WHERE article_id % 7 = 4;",
        )
        .unwrap();
    let compare = |store: &Store| {
        for words in ["alpha", "beta"] {
            for (limit, offset) in [(5, 0), (17, 16), (50, 40), (200, 0), (3, 95)] {
                let f = QuoteFilter {
                    search: Some(words.into()),
                    limit: Some(limit),
                    offset,
                    kinds: crate::claims::Kinds::ALL,
                    ..Default::default()
                };
                every_plan_finds_what_sorting_finds(store, &f);
            }
        }
        let every = QuoteFilter {
            kinds: crate::claims::Kinds::ALL,
            ..Default::default()
        };
        assert!(cursor_pages_equal_offset_pages(store, &every) > 100);
    };
    compare(&store);
    // Longer than a date, and a number: SQL sorts instead.
    store
        .conn()
        .execute_batch(
            "UPDATE quotes SET published = '2020-03-02T10:00' WHERE article_id % 7 = 2;
             UPDATE quotes SET published = 20200302 WHERE article_id % 7 = 3;",
        )
        .unwrap();
    compare(&store);
}

/// Every way of finding a page of words gives the rows sorting every match
/// gives; those rows.
fn every_plan_finds_what_sorting_finds(store: &Store, f: &QuoteFilter) -> Vec<QuoteRow> {
    let sorted = store.quotes_planned(f, Some(WordsPlan::Sort)).unwrap();
    for plan in [
        WordsPlan::Keys,
        WordsPlan::Walk,
        WordsPlan::Probe,
        WordsPlan::Batches,
        WordsPlan::ProbeEach,
    ] {
        let found = store.quotes_planned(f, Some(plan)).unwrap();
        assert_eq!(found, sorted, "{plan:?} {f:?}");
    }
    sorted
}
