//! What is not a quote: a quoted passage that is a title, a nickname or a
//! scare quote rather than someone's words (the section "What is not a
//! quote" of grammar/quotes.ebnf).

use crate::record::QuoteKind;
use crate::text::tokens::{Token, TokenKind};
use crate::text::words::Words;

/// Is a quoted passage someone's words, rather than a title, a nickname or
/// a scare quote? A passage nobody is said to have said is not reported; a
/// short or Title Case one needs a reporting verb of its own, since borrowing
/// the neighbour's speaker or the sentence's subject is mostly wrong for
/// names of shows, books and slogans (measured on the training split).
/// `labeled`: a speech or naming verb stands a few words before the quote
/// ([`labeled_by_verb`]), which makes one word someone's too: `Warren
/// labeled him a "loser"`.
/// `sentence`: the passage is a sentence of its own ([`a_sentence_of_its_own`]),
/// which makes a short continuation someone's words: `"I feel very good
/// about chances in November," Tester said. "Very good."`.
pub fn is_someones_words(
    quote: &str,
    kind: QuoteKind,
    has_cue: bool,
    labeled: bool,
    sentence: bool,
) -> bool {
    // `push the button for "R," or "D,"`: a lone letter or digit is a
    // label, never anyone's words ("No" has two).
    if quote
        .chars()
        .filter(|c| c.is_alphanumeric())
        .nth(1)
        .is_none()
    {
        return false;
    }
    let words = quote.split_whitespace().count();
    let title = is_title_case(quote);
    match (kind, has_cue) {
        (QuoteKind::Continuation, _) => sentence || !title && words >= 3,
        (_, true) => true,
        (_, false) => !title && (words >= 2 || labeled),
    }
}

/// Is the quote at `qi` a sentence of its own: it opens its sentence (first
/// in its paragraph from `floor`, or after a full stop or another quote),
/// starts with a capital and ends with its own full stop, question or
/// exclamation mark inside the marks (`... O'Donnell said. "Big time."`).
/// A title or a scare quote is written inside someone's sentence, not as
/// one.
pub fn a_sentence_of_its_own(toks: &[Token], qi: usize, floor: usize, quote: &str) -> bool {
    let opens = qi == floor
        || toks[qi - 1].quote().is_some()
        || matches!(toks[qi - 1].kind, TokenKind::Punct('.' | '!' | '?'));
    let quote = quote.trim_end();
    opens && quote.starts_with(char::is_uppercase) && quote.ends_with(['.', '!', '?'])
}

/// `Trump refers to the governor as "Chris"`, `hailed the vote as
/// "fantastic"`: a quote right after "as" is the label someone put on a
/// thing, whatever its length or case, so the sentence's speaker said it.
/// Not `such as "ambassador"` (examples), nor `known (online) as
/// "Guccifer"`, a name nobody in the sentence is said to give.
pub fn labeled_as(words: &Words, toks: &[Token], qi: usize) -> bool {
    qi >= 2
        && words.is(&toks[qi - 1], &["as"])
        && !words.is(&toks[qi - 2], &["such", "so"])
        && !toks[qi.saturating_sub(4)..qi - 1]
            .iter()
            .any(|t| words.is(t, &["known"]))
}

/// `terms containing words such as "ambassador," "attack" and "talking
/// points"`, `headlines such as "..."`: quotes listed after "such as" are
/// examples of words, not words someone said, unless a reporting verb says
/// who said them (the caller's check).
pub fn listed_as_example(words: &Words, toks: &[Token], qi: usize) -> bool {
    let mut k = qi;
    while k > 0 {
        let t = &toks[k - 1];
        if t.is_punct(',') || t.quote().is_some() || words.is(t, &["and", "or"]) {
            k -= 1;
        } else {
            break;
        }
    }
    k >= 2 && words.is(&toks[k - 1], &["as"]) && words.is(&toks[k - 2], &["such"])
}

/// How many words before a quote a verb that labels it may stand: `dubbed
/// the sweeping bill "reckless"`.
const LABEL_REACH: usize = 8;

/// `Warren labeled him a "loser"`, `defended his comments as "sarcastic"`:
/// a speech verb or a naming verb (grammar/naming_verbs.txt) within a few
/// words before the quote at `qi`, in its sentence (from `floor`, the
/// paragraph's first token, on).
pub fn labeled_by_verb(words: &Words, toks: &[Token], qi: usize, floor: usize) -> bool {
    toks[floor..qi]
        .iter()
        .rev()
        .take_while(|t| !matches!(t.kind, TokenKind::Punct('.' | '!' | '?' | ';')))
        .filter(|t| t.is_word())
        .take(LABEL_REACH)
        .any(|t| {
            words.is_speech_verb(t)
                || words
                    .with_lower(t, |w| words.lexicon.naming_verbs.contains(w))
                    .unwrap_or(false)
        })
}

/// `said on "Morning Joe"`, `NBC's "Meet the Press"`, `a memoir, "Tough
/// Choices"`: a Title Case passage after a word that introduces a work, or
/// after a possessive, or described as one after it (`"Tales From the
/// Crypt," an HBO series`), is the name of a show, book or campaign.
pub fn names_a_work(words: &Words, toks: &[Token], qi: usize, quote: &str) -> bool {
    if is_title_case(quote)
        && (described_as_a_work(words, toks, qi, quote) || in_a_list_of_titles(words, toks, qi))
    {
        return true;
    }
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
        .with_lower(before, |w| words.lexicon.title_cues.contains(w))
        .unwrap_or(false)
        || words
            .word(before)
            .is_some_and(|w| Words::bare(w).len() != w.len())
}

/// The fewest quoted passages a list of titles has.
const TITLE_LIST: usize = 3;

/// `hits including "Listen To The Music," "Black Water," "China Grove" and
/// others`: the quote at `qi` is one of [`TITLE_LIST`] or more quoted
/// passages joined only by commas, "and" or "or", each in Title Case: a
/// list of songs, books or shows, not remarks.
fn in_a_list_of_titles(words: &Words, toks: &[Token], qi: usize) -> bool {
    let in_list = |t: &Token| t.quote().is_some() || t.is_punct(',') || words.is(t, &["and", "or"]);
    let title = |t: &Token| {
        is_title_case(
            t.span
                .text(words.text)
                .trim_matches(|c: char| !c.is_alphanumeric()),
        )
    };
    let mut first = qi;
    while first > 0 && in_list(&toks[first - 1]) {
        first -= 1;
    }
    let mut end = qi + 1;
    while end < toks.len() && in_list(&toks[end]) {
        end += 1;
    }
    let mut quoted = toks[first..end].iter().filter(|t| t.quote().is_some());
    quoted.clone().count() >= TITLE_LIST && quoted.all(title)
}

/// Words of an apposition after a title that may stand before the noun
/// for the work: `, the kitschy HBO horror series`.
const WORK_APPOSITION_REACH: usize = 6;

/// `"Tales From the Crypt," an HBO series that ...`: a comma after the
/// quote at `qi`, then a determiner and, within a few words, a noun for a
/// work (grammar/title_cues.txt: series, show, film, book, ...).
fn described_as_a_work(words: &Words, toks: &[Token], qi: usize, quote: &str) -> bool {
    /// Title cues that introduce a title rather than name a kind of work.
    const NOT_WORKS: &[&str] = &[
        "on", "in", "of", "with", "titled", "entitled", "called", "named", "dubbed",
    ];
    /// Words that open the phrase naming the work.
    const DETERMINERS: &[&str] = &["a", "an", "the", "his", "her", "their", "its"];
    let is_work_noun = |t: &Token| {
        words
            .with_lower(t, |w| {
                words.lexicon.title_cues.contains(w) && !NOT_WORKS.contains(&w)
            })
            .unwrap_or(false)
    };
    // `the "Perception" syllabus`, `his "Art of the Deal" book`: the noun
    // for the work right after it. Not a slogan or hashtag, which are
    // someone's words (`the "Stronger Together" slogan`).
    let owned = qi > 0
        && words.word(&toks[qi - 1]).is_some_and(|w| {
            Words::bare(w).len() != w.len() || words.is(&toks[qi - 1], DETERMINERS)
        });
    if owned
        && toks
            .get(qi + 1)
            .is_some_and(|t| is_work_noun(t) && !words.is(t, &["slogan", "hashtag"]))
    {
        return true;
    }
    let mut k = qi + 1;
    if toks.get(k).is_some_and(|t| t.is_punct(',')) {
        k += 1;
    } else if !quote.trim_end().ends_with(',') {
        return false;
    }
    let opens = toks.get(k).is_some_and(|t| words.is(t, DETERMINERS));
    opens
        && toks[k + 1..]
            .iter()
            .take(WORK_APPOSITION_REACH)
            .take_while(|t| t.is_word())
            .any(is_work_noun)
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
            false,
            false,
            false
        ));
        assert!(!is_someones_words(
            "temporary",
            QuoteKind::Partial,
            false,
            false,
            false
        ));
        // Two words are someone's when the sentence's subject is named.
        assert!(is_someones_words(
            "very fishy",
            QuoteKind::Partial,
            false,
            false,
            false
        ));
        assert!(!is_someones_words(
            "very fishy",
            QuoteKind::Continuation,
            true,
            false,
            false
        ));
        assert!(is_someones_words(
            "temporary",
            QuoteKind::Partial,
            true,
            false,
            false
        ));
        assert!(is_someones_words(
            "we will share every measurement",
            QuoteKind::Partial,
            false,
            false,
            false
        ));
        assert!(!is_someones_words(
            "Boots",
            QuoteKind::Continuation,
            true,
            false,
            false
        ));
        // One word is someone's when a verb labels it.
        assert!(is_someones_words(
            "reckless",
            QuoteKind::Partial,
            false,
            true,
            false
        ));
        assert!(!is_someones_words(
            "Reckless",
            QuoteKind::Partial,
            false,
            true,
            false
        ));
        // A lone letter is a label even with a reporting verb; "No" is not.
        assert!(!is_someones_words(
            "R,",
            QuoteKind::Partial,
            true,
            false,
            false
        ));
        assert!(is_someones_words(
            "No.",
            QuoteKind::Direct,
            true,
            false,
            true
        ));
    }

    /// The words, tokens and spans of `text` read as one paragraph, and the
    /// token of its first quote.
    fn first_quote(
        text: &str,
    ) -> (
        Words<'_>,
        Vec<crate::text::tokens::Token>,
        usize,
        Vec<crate::quotes::spans::QuotedSpan>,
    ) {
        use crate::lexicon::Lexicon;
        use crate::quotes::spans::quoted_spans;
        use crate::text::tokens::tokenize;
        let lexicon = Lexicon::builtin();
        let words = Words::new(text, lexicon);
        let spans = quoted_spans(text);
        let outer: Vec<_> = spans
            .iter()
            .enumerate()
            .map(|(i, q)| (i, q.outer))
            .collect();
        let mut toks = Vec::new();
        let all = crate::record::Span::new(0, text.len());
        tokenize(
            text,
            all,
            &outer,
            &|w| lexicon.is_abbreviation(w),
            &mut toks,
        );
        let qi = toks.iter().position(|t| t.quote().is_some()).unwrap();
        (words, toks, qi, spans)
    }

    fn own_sentence(text: &str) -> bool {
        let (_, toks, qi, spans) = first_quote(text);
        a_sentence_of_its_own(&toks, qi, 0, spans[0].inner.text(text))
    }

    #[test]
    fn a_quote_written_as_its_own_sentence() {
        assert!(own_sentence(r#"Tester said. "Very good." He left."#));
        assert!(own_sentence(r#""Okay, great!" Sanders waved."#));
        // Inside someone's sentence, or without its own full stop.
        assert!(!own_sentence(r#"He called it "Very good." Then he left."#));
        assert!(!own_sentence(r#"Tester said. "Very good" was all."#));
        assert!(!own_sentence(r#"Tester said. "very good." He left."#));
        // A short continuation is someone's words only as a sentence.
        assert!(is_someones_words(
            "Big time.",
            QuoteKind::Continuation,
            false,
            false,
            true
        ));
        assert!(!is_someones_words(
            "Big time.",
            QuoteKind::Continuation,
            false,
            false,
            false
        ));
    }

    fn labeled(text: &str) -> bool {
        let (words, toks, qi, _) = first_quote(text);
        labeled_by_verb(&words, &toks, qi, 0)
    }

    fn as_label(text: &str) -> bool {
        let (words, toks, qi, _) = first_quote(text);
        labeled_as(&words, &toks, qi)
    }

    #[test]
    fn a_list_of_quoted_titles_names_works() {
        let text = "According to the promoter, the band will play hits including \
                    \"Listen To The Music,\" \"Black Water,\" \"China Grove\" and others.";
        let (words, toks, qi, _) = first_quote(text);
        let quotes: Vec<usize> = (qi..toks.len())
            .filter(|&k| toks[k].quote().is_some())
            .collect();
        assert_eq!(quotes.len(), 3);
        for &k in &quotes {
            let quote = toks[k]
                .span
                .text(text)
                .trim_matches(|c: char| !c.is_alphanumeric());
            assert!(names_a_work(&words, &toks, k, quote), "{quote}");
        }
        // Two titles are no list; nor are three quotes not all titles.
        for text in [
            "He said the mood was \"Very Good,\" \"Really Great\" and more.",
            "He said \"We Will Win,\" \"we will fight,\" \"We Will Stay\" again.",
        ] {
            let (words, toks, qi, _) = first_quote(text);
            let quote = toks[qi]
                .span
                .text(text)
                .trim_matches(|c: char| !c.is_alphanumeric());
            assert!(!names_a_work(&words, &toks, qi, quote), "{text}");
        }
    }

    #[test]
    fn quotes_listed_after_such_as_are_examples() {
        let text = "Clerks searched for words such as \"flood,\" \"levy\" and \"relief fund.\"";
        let (words, toks, qi, _) = first_quote(text);
        let quotes: Vec<usize> = (qi..toks.len())
            .filter(|&k| toks[k].quote().is_some())
            .collect();
        assert_eq!(quotes.len(), 3);
        assert!(quotes.iter().all(|&k| listed_as_example(&words, &toks, k)));
        // A quote that is not in the list.
        let text = "The mayor said such as it is, \"the plan will hold.\"";
        let (words, toks, qi, _) = first_quote(text);
        assert!(!listed_as_example(&words, &toks, qi));
        // And in the extractor: no speaker read off the subject for them.
        let text = "Officials searched their records for words such as \"ambassador,\" \"attack\" and \"talking points.\"";
        assert!(crate::extract::extract_quotes(text).is_empty());
    }

    #[test]
    fn a_quote_after_as_is_a_label_someone_gave() {
        assert!(as_label(r#"Trump refers to the governor as "Chris.""#));
        assert!(as_label(r#"She hailed the vote as "fantastic," he said."#));
        assert!(!as_label(r#"The search used words such as "ambassador.""#));
        assert!(!as_label(
            r#"Lazar, known online as "Guccifer," was sentenced."#
        ));
        assert!(!as_label(r#"Lazar, known as "Guccifer," was sentenced."#));
        assert!(!as_label(r#"She called it "fantastic.""#));
    }

    fn names_work(text: &str) -> bool {
        let (words, toks, qi, spans) = first_quote(text);
        let quote = spans[0].inner.text(text);
        names_a_work(&words, &toks, qi, quote)
    }

    #[test]
    fn a_title_case_passage_after_with_is_a_programme() {
        assert!(names_work(
            "Ortez said in an interview with \"Morning Report\" that he would run."
        ));
        assert!(!names_work(
            "Ortez said in an interview with \"lawmakers in mind\" that he would run."
        ));
    }

    #[test]
    fn a_title_described_as_a_work_after_it_is_a_work() {
        assert!(names_work(
            "\"Harbor Lights,\" a WPMR series that first aired in 1989, returns."
        ));
        assert!(names_work(
            "He wants to revamp \"Harbor Lights,\" the kitschy radio drama series."
        ));
        // Words after the comma that name no kind of work.
        assert!(!names_work(
            "\"Not On My Watch,\" the mayor told the crowd on Tuesday."
        ));
        // The noun for the work right after it.
        assert!(names_work(
            "He posted the \"Perception\" syllabus on his page."
        ));
        assert!(names_work(
            "Its author, who wrote under the pseudonym \"Harbor Lights,\" left."
        ));
        // A slogan is someone's words.
        assert!(!names_work(
            "The \"Stronger Together\" slogan felt bloodless."
        ));
    }

    #[test]
    fn a_naming_verb_a_few_words_back_labels_the_quote() {
        assert!(labeled(
            "The senator dubbed the sweeping bill \"reckless\" on Monday."
        ));
        assert!(labeled("Warren labeled him a \"loser\" in a post."));
        assert!(labeled("She defended the remark as \"sarcastic.\""));
        // Not across a full stop, and not from too far back.
        assert!(!labeled("He spoke. The \"plan\" failed."));
        assert!(!labeled(
            "She described how the town that her family had farmed for many years became a \"hub\"."
        ));
        assert!(!labeled("The \"caravan\" reached the border."));
    }
}
