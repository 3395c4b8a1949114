//! Writes `grammar/common_words.txt`: words a corpus writes in lower case
//! inside sentences and (nearly) never capitalised there, the common words
//! of news. A one-word speaker the article never explains (`Initial
//! estimates put`, `Accurate or not, ...`, `Rather both are`) that is one
//! of them is capitalised only because it opens a sentence: no person
//! (see `one_word_kind` in `src/resolve/speaker.rs`). Surnames that are
//! also words (Bush, Rice, Brown, King) are capitalised inside sentences
//! often enough to stay out.
//!
//! ```sh
//! cargo run --release --example common_words -- ../shared/eval/polnear/train/text > grammar/common_words.txt
//! ```

use std::collections::HashMap;
use std::io::Write;

/// Lower-case uses inside sentences a word needs to be listed.
const MIN_LOWER: usize = 3;
/// At most one capitalised use inside sentences for this many in lower
/// case.
const LOWER_PER_CAPITALISED: usize = 10;

/// Each word of `text` (ASCII letters, two or more) that stands inside a
/// sentence: after a space that follows a lower-case letter, a comma or
/// a semicolon. Where a sentence opens, every word is capitalised.
fn words_inside_sentences(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let start = i;
            if !bytes[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            while i < bytes.len() && bytes[i].is_ascii_alphabetic() {
                i += 1;
            }
            let whole = i == bytes.len() || !bytes[i].is_ascii_alphanumeric() && bytes[i] != b'-';
            let inside = start >= 2
                && bytes[start - 1] == b' '
                && matches!(bytes[start - 2], b'a'..=b'z' | b',' | b';');
            let rest_lower = bytes[start + 1..i].iter().all(u8::is_ascii_lowercase);
            if whole && inside && rest_lower && i - start >= 2 {
                return Some(&text[start..i]);
            }
        }
        None
    })
}

fn main() -> std::io::Result<()> {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: common_words DIR (a folder of .txt articles)");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    // Lower-case word to (uses in lower case, uses capitalised).
    let mut uses: HashMap<String, (usize, usize)> = HashMap::new();
    for path in &paths {
        let text = std::fs::read_to_string(path)?;
        for word in words_inside_sentences(&text) {
            let entry = uses.entry(word.to_ascii_lowercase()).or_default();
            if word.as_bytes()[0].is_ascii_uppercase() {
                entry.1 += 1;
            } else {
                entry.0 += 1;
            }
        }
    }
    let mut common: Vec<&String> = uses
        .iter()
        .filter(|(_, (lower, capitalised))| {
            *lower >= MIN_LOWER && capitalised * LOWER_PER_CAPITALISED <= *lower
        })
        .map(|(word, _)| word)
        .collect();
    common.sort();
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "# Common words of news, lower case: written in lower case inside sentences at\n\
         # least {MIN_LOWER} times and capitalised there at most once for every \
         {LOWER_PER_CAPITALISED}.\n\
         # Made by examples/common_words.rs from the PolNeAR training split (US political\n\
         # news, 2015-16). Read by one_word_kind in src/resolve/speaker.rs."
    )?;
    for word in common {
        writeln!(out, "{word}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::words_inside_sentences;

    #[test]
    fn only_words_inside_sentences_are_counted() {
        let text =
            "Initial estimates rose. He said, Initial counts and the Young voters; young ones";
        let found: Vec<&str> = words_inside_sentences(text).collect();
        assert_eq!(
            found,
            [
                "estimates",
                "rose",
                "said",
                "Initial",
                "counts",
                "and",
                "the",
                "Young",
                "voters",
                "young",
                "ones"
            ]
        );
    }
}
