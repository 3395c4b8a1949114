//! What the word lists say about each token of one article, worked out at
//! most once per token: the attribution patterns, the name index and the
//! pronoun resolver ask the same questions of the same tokens many times,
//! and each answer would otherwise lower-case and hash the word again.

use std::cell::{Cell, OnceCell, RefCell};

use rustc_hash::{FxHashMap, FxHashSet};

use super::tokens::Token;

/// Set in a token's remembered bits once its word-list flags are known.
const KNOWN: u16 = 1 << 15;

/// Per-token memo of word-list flags ([`crate::lexicon::flag`]), for the
/// tokens of one article.
pub struct TokenClasses<'t> {
    toks: &'t [Token],
    bits: Vec<Cell<u16>>,
}

impl<'t> TokenClasses<'t> {
    pub fn new(toks: &'t [Token]) -> Self {
        TokenClasses {
            toks,
            bits: vec![Cell::new(0); toks.len()],
        }
    }

    /// The position of `t` in the article's tokens, when it is one of them
    /// (and not a copy made elsewhere). A reference into the slice is that
    /// element: the slice is borrowed for as long as `self` lives, so the
    /// token there cannot have changed.
    fn index(&self, t: &Token) -> Option<usize> {
        let size = std::mem::size_of::<Token>();
        let offset = (t as *const Token as usize).wrapping_sub(self.toks.as_ptr() as usize);
        let i = offset / size;
        (offset.is_multiple_of(size) && i < self.toks.len()).then_some(i)
    }

    /// The word-list flags of `t`, asked of `compute` the first time only.
    pub(crate) fn flags(&self, t: &Token, compute: impl FnOnce() -> u16) -> u16 {
        let Some(i) = self.index(t) else {
            return compute();
        };
        let bits = self.bits[i].get();
        if bits & KNOWN != 0 {
            return bits;
        }
        let answer = compute() | KNOWN;
        self.bits[i].set(answer);
        answer
    }
}

/// Every word the article writes in lower case, collected the first time
/// it is asked for: most articles never ask.
pub struct LowerWords<'t> {
    text: &'t str,
    toks: &'t [Token],
    set: OnceCell<FxHashSet<&'t str>>,
    /// Bytes of the text read so far by [`LowerWords::stands_alone`]
    /// searching it whole.
    searched: Cell<usize>,
    /// Where each run of alphanumeric characters of the text starts, by
    /// the run: built once the searches have read the text a few times.
    runs: OnceCell<FxHashMap<&'t str, Vec<u32>>>,
    /// [`LowerWords::titled`]'s answers, by name.
    titled: RefCell<FxHashMap<String, bool>>,
    /// The words the article writes as someone's surname, gathered once
    /// by [`LowerWords::surnames`]'s caller.
    surnames: OnceCell<FxHashSet<&'t str>>,
}

/// How many times [`LowerWords::stands_alone`] searches the whole text
/// before it indexes the text's runs of letters and digits instead: a
/// short article is asked a few times, a long page many.
const SEARCHES_BEFORE_INDEX: usize = 8;

impl<'t> LowerWords<'t> {
    pub fn new(text: &'t str, toks: &'t [Token]) -> Self {
        LowerWords {
            text,
            toks,
            set: OnceCell::new(),
            searched: Cell::new(0),
            runs: OnceCell::new(),
            titled: RefCell::default(),
            surnames: OnceCell::new(),
        }
    }

    /// Whether the article writes `name` after a title somewhere, as
    /// `search` finds it: searched once per name and remembered, since a
    /// long page asks of the same names many times.
    pub fn titled(&self, name: &str, search: impl FnOnce() -> bool) -> bool {
        if let Some(&known) = self.titled.borrow().get(name) {
            return known;
        }
        let answer = search();
        self.titled.borrow_mut().insert(name.to_string(), answer);
        answer
    }

    /// The words the article writes as someone's surname, as `gather`
    /// finds them in the text's tokens: gathered once, in one pass, where
    /// searching the text for each capitalised word would read a long page
    /// once a word.
    pub fn surnames(
        &self,
        gather: impl FnOnce(&'t str, &'t [Token]) -> FxHashSet<&'t str>,
    ) -> &FxHashSet<&'t str> {
        self.surnames.get_or_init(|| gather(self.text, self.toks))
    }

    /// Does `word` stand in the text with no letter or digit right before
    /// or after it, at one of the places `str::match_indices` finds it?
    /// [`stands_alone`]'s answer, from an index of the text's runs of
    /// letters and digits once the text has been searched whole often
    /// enough, so that asking of many words stays linear in the text.
    pub fn stands_alone(&self, word: &str) -> bool {
        // A place `match_indices` passes over, overlapping the one before
        // it, follows one of the word's own characters: it stands alone
        // only after one that is no letter or digit.
        let indexable = word.starts_with(char::is_alphanumeric)
            && (word.chars().all(char::is_alphanumeric) || !has_border(word));
        if !indexable
            || self.runs.get().is_none()
                && self.searched.get() < SEARCHES_BEFORE_INDEX * self.text.len()
        {
            self.searched.set(self.searched.get() + self.text.len());
            return stands_alone(self.text, word);
        }
        let runs = self.runs.get_or_init(|| alphanumeric_runs(self.text));
        // `word` opens with a run of letters and digits; where it stands
        // alone, that run is one of the text's, whole.
        let first = word
            .find(|c: char| !c.is_alphanumeric())
            .map_or(word, |end| &word[..end]);
        let Some(starts) = runs.get(first) else {
            return false;
        };
        if first.len() == word.len() {
            return true;
        }
        starts.iter().any(|&at| {
            let rest = &self.text[at as usize..];
            rest.starts_with(word)
                && rest[word.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
    }

    pub fn contains(&self, lower: &str) -> bool {
        self.set
            .get_or_init(|| {
                // Sized for the words up front: growing the set rehashes it.
                let mut set =
                    FxHashSet::with_capacity_and_hasher(self.toks.len() / 2, Default::default());
                set.extend(
                    self.toks
                        .iter()
                        .filter(|t| t.is_word())
                        .map(|t| t.span.text(self.text))
                        .filter(|w| w.starts_with(|c: char| c.is_lowercase())),
                );
                set
            })
            .contains(lower)
    }
}

/// Does `word` stand in `text` with no letter or digit right before or
/// after it, at one of the (non-overlapping) places `str::match_indices`
/// finds it? Reads the whole text.
pub fn stands_alone(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Does some proper suffix of `word` equal its prefix (`abab`, `a-a`)?
/// Only then may two places it is written overlap, and
/// `str::match_indices` pass over one of them.
pub(crate) fn has_border(word: &str) -> bool {
    // The prefix function of Knuth, Morris and Pratt, over the bytes.
    let b = word.as_bytes();
    let mut pi = vec![0usize; b.len()];
    for i in 1..b.len() {
        let mut k = pi[i - 1];
        while k > 0 && b[i] != b[k] {
            k = pi[k - 1];
        }
        if b[i] == b[k] {
            k += 1;
        }
        pi[i] = k;
    }
    pi.last().is_some_and(|&k| k > 0)
}

/// Where each maximal run of alphanumeric characters of `text` starts, by
/// the run.
fn alphanumeric_runs(text: &str) -> FxHashMap<&str, Vec<u32>> {
    let mut runs: FxHashMap<&str, Vec<u32>> = FxHashMap::default();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                runs.entry(&text[s..i]).or_default().push(s as u32);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        runs.entry(&text[s..]).or_default().push(s as u32);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_word_stands_alone_between_non_alphanumerics() {
        assert!(stands_alone("the good news", "good"));
        assert!(stands_alone("good", "good"));
        assert!(!stands_alone("the goods", "good"));
        assert!(stands_alone("(al-assad)", "al-assad"));
        // `match_indices` finds the first `a-a` and passes over the second.
        assert!(!stands_alone("ba-a-a", "a-a"));
        assert!(has_border("a-a") && has_border("abab") && !has_border("al-assad"));
    }

    /// `stands_alone` of a [`LowerWords`] that has indexed its text.
    fn indexed(text: &str, word: &str) -> bool {
        let lw = LowerWords::new(text, &[]);
        lw.searched.set(usize::MAX / 2);
        lw.stands_alone(word)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

        #[test]
        fn the_index_answers_as_the_search(
            text in "[ab\\- .é1]{0,40}",
            word in "[ab\\-é1]{1,5}",
        ) {
            prop_assert_eq!(indexed(&text, &word), stands_alone(&text, &word));
        }
    }
}
