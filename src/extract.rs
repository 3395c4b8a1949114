//! Article text in, quotes with their speakers out.
use crate::lexicon::Lexicon;
use crate::record::Quote;

pub struct Extractor<'l> {
    pub lexicon: &'l Lexicon,
}

impl<'l> Extractor<'l> {
    pub fn new(lexicon: &'l Lexicon) -> Self {
        Extractor { lexicon }
    }
    pub fn extract(&self, _text: &str) -> Vec<Quote> {
        Vec::new()
    }
}

/// Extract with the built-in word lists.
pub fn extract_quotes(text: &str) -> Vec<Quote> {
    Extractor::new(Lexicon::builtin()).extract(text)
}
