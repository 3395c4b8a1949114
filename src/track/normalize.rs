//! Quote text as words for comparison: the differences that are typography
//! or house style (case, punctuation, curly or straight marks, British or
//! American spelling, accents) folded away, editorial brackets and
//! ellipses kept as marks so the diff can tell them from the speaker's
//! words.

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// British-to-American pairs, one a line; see the file's header.
pub const UK_US_SPELLING: &str = include_str!("../../grammar/uk_us_spelling.txt");

/// One word of a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The word folded for comparison: lower case, no accents, straight
    /// apostrophe, American spelling.
    pub norm: String,
    /// Byte span of the word in the text it came from.
    pub start: usize,
    pub end: usize,
    /// Inside `( )` or `[ ]`: an editor's insertion, not the speaker's word.
    pub bracketed: bool,
    /// Inside quote marks within the quote (`when I said, 'No boots on the
    /// ground,' I think`): words the speaker quotes, not ones they say.
    pub nested: bool,
    /// Written with a capital first letter.
    pub capitalised: bool,
}

/// A quote as words, with where an ellipsis stood.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Words {
    pub words: Vec<Word>,
    /// Gaps holding an ellipsis: gap `i` is just before word `i` (gap
    /// `words.len()` is after the last word). Sorted, no repeats.
    pub elisions: Vec<usize>,
}

impl Words {
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether an ellipsis stands in gap `i`.
    pub fn elided_at(&self, gap: usize) -> bool {
        self.elisions.binary_search(&gap).is_ok()
    }

    /// Words the speaker said, leaving out editors' bracketed insertions.
    pub fn spoken(&self) -> usize {
        self.words.iter().filter(|w| !w.bracketed).count()
    }
}

/// The British-to-American map, read once from the compiled-in list.
fn spelling() -> &'static HashMap<String, String> {
    static MAP: OnceLock<HashMap<String, String>> = OnceLock::new();
    MAP.get_or_init(|| parse_spelling(UK_US_SPELLING))
}

/// Parse `BRITISH AMERICAN` lines; `#` comments and blank lines skipped, a
/// line without two words ignored.
pub fn parse_spelling(list: &str) -> HashMap<String, String> {
    crate::lexicon::entries(list)
        .filter_map(|line| {
            let mut parts = line.split_whitespace();
            let uk = parts.next()?.to_lowercase();
            let us = parts.next()?.to_lowercase();
            Some((uk, us))
        })
        .collect()
}

/// Fold one word: lower case, accents off, curly apostrophes straight,
/// American spelling.
pub fn fold_word(word: &str) -> String {
    let mut folded = if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        word.nfkd()
            .filter(|c| !is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .map(|c| if is_apostrophe(c) { '\'' } else { c })
            .collect()
    };
    if let Some(us) = spelling().get(&folded) {
        folded.clone_from(us);
    }
    folded
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Split a quote into words. Hyphens and other punctuation separate words;
/// an apostrophe between letters stays inside one (`don't`). `...`, `. . .`
/// and `…` are recorded as ellipses; words inside brackets are marked as
/// insertions.
pub fn words(text: &str) -> Words {
    let mut out = Words::default();
    let mut depth = 0usize;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let nested = nested_spans(&chars);
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if is_word_char(c) {
            let start = at;
            let mut j = i + 1;
            while j < chars.len() {
                let c = chars[j].1;
                if is_word_char(c)
                    || (is_apostrophe(c) && chars.get(j + 1).is_some_and(|&(_, n)| is_word_char(n)))
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
            out.words.push(Word {
                norm: fold_word(&text[start..end]),
                start,
                end,
                bracketed: depth > 0,
                nested: nested.iter().any(|&(a, b)| a < start && start < b),
                capitalised: c.is_uppercase(),
            });
            i = j;
            continue;
        }
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            '\u{2026}' => mark_elision(&mut out),
            '.' => {
                // Count dots, allowing single spaces between them (". . .").
                let mut dots = 0;
                let mut j = i;
                while j < chars.len() {
                    if chars[j].1 == '.' {
                        dots += 1;
                        j += 1;
                    } else if chars[j].1 == ' ' && chars.get(j + 1).is_some_and(|&(_, n)| n == '.')
                    {
                        j += 1;
                    } else {
                        break;
                    }
                }
                if dots >= 3 {
                    mark_elision(&mut out);
                    i = j;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// Byte spans of quotes within a quote: an opening mark (`'`, `‘`, `"`,
/// `“`) before a word and not after one, paired with the first closing
/// mark (`'`, `’`, `"`, `”`) after it that follows a word or punctuation
/// and is not followed by a word. A mark left unpaired ("'90s", "voters'")
/// opens nothing; apostrophes inside words never reach here.
fn nested_spans(chars: &[(usize, char)]) -> Vec<(usize, usize)> {
    let word_at = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(|&(_, c)| is_word_char(c))
    };
    let mut spans = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, &(at, c)) in chars.iter().enumerate() {
        let before_word = word_at(Some(i + 1));
        let after_word = word_at(i.checked_sub(1));
        let after_space = i == 0 || chars[i - 1].1.is_whitespace();
        match open {
            None if matches!(c, '\'' | '\u{2018}' | '"' | '\u{201C}')
                && before_word
                && !after_word =>
            {
                open = Some((at, c));
            }
            Some((from, mark)) if !before_word && !after_space && closes(mark, c) => {
                spans.push((from, at));
                open = None;
            }
            _ => {}
        }
    }
    spans
}

/// Whether `close` ends a quote `open` began.
fn closes(open: char, close: char) -> bool {
    match open {
        '\'' | '\u{2018}' => matches!(close, '\'' | '\u{2019}'),
        _ => matches!(close, '"' | '\u{201D}'),
    }
}

fn mark_elision(out: &mut Words) {
    let gap = out.words.len();
    if out.elisions.last() != Some(&gap) {
        out.elisions.push(gap);
    }
}

/// Words too common to find a statement by: a run of three of these ("we
/// will not") says nothing about which remark it is.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be",
    "because", "been", "being", "but", "by", "can", "could", "did", "do", "does", "don't", "for",
    "from", "had", "has", "have", "he", "her", "here", "him", "his", "how", "i", "i'm", "if", "in",
    "into", "is", "it", "it's", "its", "just", "let", "me", "more", "my", "no", "not", "now", "of",
    "on", "one", "or", "our", "out", "over", "said", "she", "so", "some", "than", "that", "that's",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "up", "us",
    "very", "was", "we", "we're", "were", "what", "when", "where", "which", "who", "will", "with",
    "would", "you", "your",
];

pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.binary_search(&word).is_ok()
}

/// How many words make a shingle.
pub const SHINGLE: usize = 3;

/// The quote's word shingles as stable 64-bit hashes (FNV-1a), skipping
/// runs made only of stopwords and editors' insertions. Stable across
/// versions and platforms, since they are stored in the database.
pub fn shingles(words: &Words) -> Vec<i64> {
    let spoken: Vec<&str> = words
        .words
        .iter()
        .filter(|w| !w.bracketed)
        .map(|w| w.norm.as_str())
        .collect();
    // Each word is looked up once, not once for every run it is in.
    let common: Vec<bool> = spoken.iter().map(|w| is_stopword(w)).collect();
    // A two-word quote is its own one shingle, so that the same short
    // phrase elsewhere is found (`evidence::same_short_phrase`); it never
    // meets a three-word run's hash but by collision.
    if spoken.len() == SHINGLE - 1 && !common.iter().all(|&c| c) {
        return vec![fnv1a(&spoken) as i64];
    }
    let mut out: Vec<i64> = spoken
        .windows(SHINGLE)
        .zip(common.windows(SHINGLE))
        .filter(|(_, common)| !common.iter().all(|&c| c))
        .map(|(run, _)| fnv1a(run) as i64)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn fnv1a(run: &[&str]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, word) in run.iter().enumerate() {
        if i > 0 {
            hash ^= 0x1f;
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        for b in word.bytes() {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(text: &str) -> Vec<String> {
        words(text).words.into_iter().map(|w| w.norm).collect()
    }

    fn nested(text: &str) -> Vec<String> {
        words(text)
            .words
            .into_iter()
            .filter(|w| w.nested)
            .map(|w| w.norm)
            .collect()
    }

    #[test]
    fn words_quoted_within_a_quote_are_nested() {
        assert_eq!(
            nested("You know, when I said, 'No boots on the ground,' I think we understood"),
            ["no", "boots", "on", "the", "ground"]
        );
        assert_eq!(
            nested("He called it \u{201C}a disgrace\u{201D} twice"),
            ["a", "disgrace"]
        );
        assert_eq!(nested("she said \u{2018}no\u{2019}."), ["no"]);
        // Apostrophes in and after words, and an unpaired mark, open nothing.
        assert!(nested("It's the voters' choice in the '90s, isn't it").is_empty());
        assert!(nested("We don't know what Obama's plan is").is_empty());
    }

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stopword("the") && !is_stopword("gamble"));
    }

    #[test]
    fn case_punctuation_and_marks_fold() {
        assert_eq!(
            norms("It\u{2019}s VITAL \u{2014} we \u{201C}avoid\u{201D} it!"),
            ["it's", "vital", "we", "avoid", "it"]
        );
        assert_eq!(norms("don't"), norms("don\u{2019}t"));
        assert_eq!(norms("José"), ["jose"]);
        assert_eq!(
            norms("military-to-military"),
            ["military", "to", "military"]
        );
    }

    #[test]
    fn british_spelling_becomes_american() {
        assert_eq!(
            norms("the lower neighbourhoods, the defence centre"),
            norms("the lower neighborhoods, the defense center")
        );
        // Not a rule but a list: "four" is not "for".
        assert_eq!(norms("four"), ["four"]);
    }

    #[test]
    fn spans_point_into_the_text() {
        let text = "vital (and) urgent";
        let w = words(text);
        assert_eq!(&text[w.words[1].start..w.words[1].end], "and");
        assert!(w.words[1].bracketed && !w.words[0].bracketed && !w.words[2].bracketed);
    }

    #[test]
    fn square_brackets_mark_insertions() {
        let w = words("[The president] said no");
        let flags: Vec<bool> = w.words.iter().map(|w| w.bracketed).collect();
        assert_eq!(flags, [true, true, false, false]);
        assert_eq!(w.spoken(), 2);
    }

    #[test]
    fn ellipses_in_every_form_mark_a_gap() {
        for text in [
            "we will ... until then",
            "we will \u{2026} until then",
            "we will . . . until then",
            "we will...until then",
        ] {
            let w = words(text);
            assert_eq!(w.len(), 4, "{text}");
            assert_eq!(w.elisions, [2], "{text}");
        }
        let w = words("...and then");
        assert_eq!(w.elisions, [0]);
        assert!(w.elided_at(0) && !w.elided_at(1));
        // A full stop is not an ellipsis.
        assert!(words("Done. Next.").elisions.is_empty());
    }

    #[test]
    fn shingles_skip_stopword_runs_and_match_across_spelling() {
        let a = shingles(&words("we will not gamble with the safety of families"));
        // "we will not" and "with the" runs made only of stopwords are skipped.
        assert_eq!(a.len(), 6);
        let b = shingles(&words("We will not gamble with the safety of families!"));
        assert_eq!(a, b);
        assert_eq!(
            shingles(&words("lower neighbourhoods today")),
            shingles(&words("lower neighborhoods today"))
        );
        assert!(shingles(&words("we will not")).is_empty());
        assert!(shingles(&words("one")).is_empty());
        assert!(shingles(&words("of the")).is_empty());
        assert_eq!(
            shingles(&words("Extremely careless,")),
            shingles(&words("extremely careless"))
        );
        assert_eq!(shingles(&words("artful smear")).len(), 1);
    }

    #[test]
    fn shingle_hashes_are_stable() {
        // Stored in databases: must never change between versions.
        assert_eq!(fnv1a(&["a"]), 0xaf63_dc4c_8601_ec8c);
    }
}
