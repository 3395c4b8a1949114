//! `extract_quotes` on hostile input: it never panics, every offset it gives
//! is in bounds, on a character boundary and agrees with the text it claims,
//! and stray or deeply nested quotation marks cost linear time.

use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use quotetrack::{Quote, extract_quotes};

/// Pieces the generated articles are made of, repeated to bias the mix
/// towards quotation marks, paragraph breaks and words that trigger
/// attribution (speech verbs, titles, pronouns, names).
const PIECES: &[&str] = &[
    // every quotation mark the parser knows, and the apostrophe look-alikes
    "\"",
    "\"",
    "\"",
    "'",
    "'",
    "\u{201c}",
    "\u{201d}",
    "\u{2018}",
    "\u{2019}",
    "\u{ab}",
    "\u{bb}",
    "``",
    "''",
    "'s",
    "s'",
    " '90s",
    "'n'",
    "don't",
    // layout
    " ",
    " ",
    " ",
    " ",
    "\n",
    "\n",
    "\n\n",
    "\t",
    "\r\n",
    ",",
    ".",
    ":",
    "?",
    "(",
    ")",
    "\u{2014}",
    // words
    "a",
    "b",
    "x",
    "We",
    "the",
    "he",
    "she",
    "said",
    " said",
    "says",
    "told reporters",
    "according to",
    "asked",
    "Kerry",
    "John",
    "Mr.",
    "Maj. Gen.",
    "Sen.",
    "U.S.",
    "Pentagon",
    "official",
    "spokesman",
    "wrote on Twitter",
    "was quoted as saying",
    "noting that",
    // multi-byte characters
    "\u{e9}",
    "\u{65e5}",
    "\u{1f642}",
    "\u{301}",
    "\u{a0}",
    "\u{2028}",
    "\u{feff}",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..160).prop_map(|parts| parts.concat())
}

/// Every span of every quote: in bounds, ordered, on character boundaries,
/// and covering exactly the text it carries.
fn check_spans(text: &str, quotes: &[Quote]) -> Result<(), String> {
    let check = |what: &str, start: usize, end: usize, claimed: &str| -> Result<(), String> {
        if start > end || end > text.len() {
            return Err(format!(
                "{what} span {start}..{end} out of bounds (len {})",
                text.len()
            ));
        }
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(format!(
                "{what} span {start}..{end} not on a character boundary"
            ));
        }
        if &text[start..end] != claimed {
            return Err(format!(
                "{what} span {start}..{end} is {:?}, record says {claimed:?}",
                &text[start..end]
            ));
        }
        Ok(())
    };
    for q in quotes {
        check("quote", q.quote.start, q.quote.end, &q.quote.text)?;
        if let Some(cue) = &q.cue {
            check("cue", cue.start, cue.end, &cue.text)?;
        }
        if let Some(sp) = &q.speaker {
            check("speaker", sp.start, sp.end, &sp.text)?;
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn spans_are_valid_on_biased_input(text in article()) {
        let quotes = extract_quotes(&text);
        if let Err(e) = check_spans(&text, &quotes) {
            return Err(TestCaseError::fail(format!("{e}\ninput: {text:?}")));
        }
    }

    #[test]
    fn spans_are_valid_on_any_string(text in any::<String>()) {
        let quotes = extract_quotes(&text);
        if let Err(e) = check_spans(&text, &quotes) {
            return Err(TestCaseError::fail(format!("{e}\ninput: {text:?}")));
        }
    }
}

/// Run `extract_quotes` on another thread and fail if it takes longer than
/// `limit`, so a quadratic (or endless) parse fails the test instead of
/// hanging it.
fn extract_within(text: String, limit: Duration) -> (Vec<Quote>, Duration) {
    let (tx, rx) = mpsc::channel();
    let len = text.len();
    thread::spawn(move || {
        let started = Instant::now();
        let quotes = extract_quotes(&text);
        let _ = tx.send((quotes, started.elapsed(), text));
    });
    match rx.recv_timeout(limit) {
        Ok((quotes, took, text)) => {
            check_spans(&text, &quotes).unwrap();
            (quotes, took)
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("extract_quotes on {len} bytes took longer than {limit:?}")
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            panic!("extract_quotes panicked on {len} bytes")
        }
    }
}

/// Generous enough for an unoptimised test build on a busy two-core
/// machine; a quadratic pass over a megabyte takes minutes.
const LIMIT: Duration = Duration::from_secs(20);

#[test]
fn a_megabyte_paragraph_of_stray_marks_is_linear() {
    let unit = "\" ' \u{201c} x \u{2018} \u{ab} `` '' \u{201d} said \u{bb} \u{2019} '\"He ";
    let text = unit.repeat((1 << 20) / unit.len() + 1);
    assert!(!text.contains('\n'), "one paragraph");
    let (_, took) = extract_within(text, LIMIT);
    eprintln!("1 MB paragraph of stray marks: {took:?}");
}

#[test]
fn a_megabyte_of_unclosed_paragraphs_is_linear() {
    // Each paragraph opens a quote and never closes it: every one must be
    // recovered at its own end, not searched to the end of the article.
    let unit = "\"We will not stop here, Kerry said\n";
    let text = unit.repeat((1 << 20) / unit.len() + 1);
    let (quotes, took) = extract_within(text, LIMIT);
    eprintln!(
        "1 MB of unclosed paragraphs: {took:?}, {} quotes",
        quotes.len()
    );
    assert!(
        quotes.iter().all(|q| !q.quote.text.contains('\n')),
        "a quote ran past its paragraph's end"
    );
}

#[test]
fn five_thousand_nested_quotes_are_linear() {
    let opens = ["\"", "'", "\u{201c}", "\u{2018}", "\u{ab}", "``"];
    let closes = ["\"", "'", "\u{201d}", "\u{2019}", "\u{bb}", "''"];
    let mut text = String::from("Kerry said ");
    for i in 0..5000 {
        text.push_str(opens[i % opens.len()]);
        text.push_str("he said ");
    }
    text.push_str("the end");
    for i in (0..5000).rev() {
        text.push_str(closes[i % closes.len()]);
        text.push_str(", she said. ");
    }
    text.push('\n');
    let (_, took) = extract_within(text, LIMIT);
    eprintln!("5,000 nested quotes: {took:?}");
}

#[test]
fn an_unbalanced_mark_does_not_swallow_the_next_paragraphs() {
    let text = "The mayor said the plan was \"dead on arrival, and left the room.\n\n\
                Councillors voted 9-2 to approve it anyway.\n\n\
                \"We did what the city needed,\" said Councillor Ana Ruiz.\n";
    let quotes = extract_quotes(text);
    check_spans(text, &quotes).unwrap();
    assert!(
        quotes
            .iter()
            .all(|q| !q.quote.text.contains("Councillors voted")),
        "{quotes:#?}"
    );
    let last = quotes
        .iter()
        .find(|q| q.quote.text == "We did what the city needed,")
        .unwrap_or_else(|| panic!("the closing paragraph's quote was lost: {quotes:#?}"));
    assert_eq!(
        last.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Ana Ruiz")
    );
}

#[test]
fn empty_and_mark_only_inputs_give_no_quotes() {
    for text in [
        "",
        "\"",
        "\"\"",
        "''",
        "``''",
        "\u{201c}\u{201d}",
        "\u{ab}\u{bb}",
        "'",
        "\n\"\n\"\n",
    ] {
        let quotes = extract_quotes(text);
        check_spans(text, &quotes).unwrap();
        assert!(
            quotes.is_empty(),
            "a quote with no words reported for {text:?}: {quotes:?}"
        );
    }
}
