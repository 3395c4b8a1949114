//! What the word lists say about each token of one article, worked out at
//! most once per token: the attribution patterns, the name index and the
//! pronoun resolver ask the same questions of the same tokens many times,
//! and each answer would otherwise lower-case and hash the word again.

use std::cell::{Cell, OnceCell};

use rustc_hash::FxHashSet;

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
}

impl<'t> LowerWords<'t> {
    pub fn new(text: &'t str, toks: &'t [Token]) -> Self {
        LowerWords {
            text,
            toks,
            set: OnceCell::new(),
        }
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
