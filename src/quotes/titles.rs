//! What is not a quote: a quoted passage that is a title, a nickname or a
//! scare quote rather than someone's words (the section "What is not a
//! quote" of grammar/quotes.ebnf).

use crate::record::QuoteKind;
use crate::text::tokens::Token;
use crate::text::words::Words;

/// Is a quoted passage someone's words, rather than a title, a nickname or
/// a scare quote? A passage nobody is said to have said is not reported; a
/// short or Title Case one needs a reporting verb of its own, since borrowing
/// the neighbour's speaker or the sentence's subject is mostly wrong for
/// names of shows, books and slogans (measured on the training split).
pub fn is_someones_words(quote: &str, kind: QuoteKind, has_cue: bool) -> bool {
    let words = quote.split_whitespace().count();
    let title = is_title_case(quote);
    match (kind, has_cue) {
        (QuoteKind::Continuation, _) => !title && words >= 3,
        (_, true) => true,
        (_, false) => !title && words >= 2,
    }
}

/// `said on "Morning Joe"`, `NBC's "Meet the Press"`, `a memoir, "Tough
/// Choices"`: a Title Case passage after a word that introduces a work, or
/// after a possessive, is the name of a show, book or campaign.
pub fn names_a_work(words: &Words, toks: &[Token], qi: usize, quote: &str) -> bool {
    if qi == 0 {
        return false;
    }
    // `the so-called "special relationship"`: the writer's label, whatever
    // its case.
    if words.word(&toks[qi - 1]).is_some_and(|w| {
        let w = w.to_ascii_lowercase();
        // Also `so called` and the broken `so- called`.
        w == "so-called"
            || w == "called"
                && (qi >= 2 && words.is(&toks[qi - 2], &["so"])
                    || qi >= 3 && toks[qi - 2].is_punct('-') && words.is(&toks[qi - 3], &["so"]))
    }) {
        return true;
    }
    if !is_title_case(quote) {
        return false;
    }
    let mut k = qi - 1;
    if toks[k].is_punct(',') && k > 0 {
        k -= 1;
    }
    let before = &toks[k];
    words
        .lower(before)
        .is_some_and(|w| words.lexicon.title_cues.contains(&w))
        || words
            .word(before)
            .is_some_and(|w| Words::bare(w).len() != w.len())
}

/// `Blue Notes on Brown Water`, `Meet the Press`: every word capitalised but
/// the short function words.
fn is_title_case(quote: &str) -> bool {
    const SMALL: &[&str] = &[
        "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from",
        "is", "as",
    ];
    let mut any = false;
    for word in quote.split_whitespace() {
        let Some(first) = word.chars().find(|c| c.is_alphanumeric()) else {
            continue;
        };
        if first.is_alphabetic()
            && !first.is_uppercase()
            && !SMALL.contains(&word.trim_matches(|c: char| !c.is_alphanumeric()))
        {
            return false;
        }
        any = true;
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_nicknames_are_not_someones_words() {
        assert!(is_title_case("Blue Notes on Brown Water,"));
        assert!(!is_title_case("we will share every measurement"));
        assert!(!is_someones_words(
            "The Late Late Hour",
            QuoteKind::Partial,
            false
        ));
        assert!(!is_someones_words("temporary", QuoteKind::Partial, false));
        // Two words are someone's when the sentence's subject is named.
        assert!(is_someones_words("very fishy", QuoteKind::Partial, false));
        assert!(!is_someones_words(
            "very fishy",
            QuoteKind::Continuation,
            true
        ));
        assert!(is_someones_words("temporary", QuoteKind::Partial, true));
        assert!(is_someones_words(
            "we will share every measurement",
            QuoteKind::Partial,
            false
        ));
        assert!(!is_someones_words("Boots", QuoteKind::Continuation, true));
    }
}
