//! quotetrack: find direct quotes in news articles and who said them, store
//! them with outlet and date, and follow one statement across outlets.
//!
//! The library does all the work; the `quotetrack` binary is a thin CLI over
//! it. The flow, each step a plain function over plain data:
//! article text -> [`parse`] (quote marks, sentences, attribution) ->
//! [`speaker`] (mentions resolved within the article) -> [`record::Quote`].

pub mod article;
pub mod evaluate;
pub mod export;
pub mod extract;
pub mod lexicon;
pub mod parse;
pub mod record;
pub mod speaker;
pub mod store;
pub mod track;

pub use extract::{Extractor, extract_quotes};
pub use lexicon::Lexicon;
pub use record::{FoundBy, Quote, QuoteKind, Span, Speaker, SpeakerKind, TextSpan};
