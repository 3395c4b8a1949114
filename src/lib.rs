//! quotetrack: find direct quotes in news articles and who said them, store
//! them with outlet and date, and follow one statement across outlets.
//!
//! The library does all the work; the `quotetrack` binary is a thin CLI over
//! it. The flow, each stage a plain function over plain data and each
//! depending only on the ones before it, put together in order by
//! [`extract`]: article text -> [`text`] (tokens, words and their word-list
//! flags) -> [`quotes`] (quote marks paired into quoted passages) ->
//! [`attribution`] (cues and the speaker mentions they point at) ->
//! [`resolve`] (names, pronouns and roles resolved within the article) ->
//! [`record::Quote`]. Across articles, [`identity`] tells whether two
//! speakers are one person, for the [`store`] and for [`track`].

pub mod article;
pub mod attribution;
pub mod claims;
pub mod evaluate;
pub mod export;
pub mod extract;
pub mod fetch;
pub mod identity;
pub mod lexicon;
pub mod quotes;
pub mod record;
pub mod resolve;
pub mod serve;
pub mod store;
pub mod stream;
pub mod text;
pub mod track;

pub use claims::Kinds;
pub use extract::{Extractor, extract_quotes};
pub use lexicon::Lexicon;
pub use record::{FoundBy, Quote, QuoteKind, Span, Speaker, SpeakerKind, TextSpan};

#[cfg(test)]
mod tests {
    /// Every grammar rule a parser module says it implements is defined in
    /// grammar/quotes.ebnf, so the written grammar stays in step with the code.
    #[test]
    fn rules_named_in_the_code_are_in_the_grammar() {
        let grammar = include_str!("../grammar/quotes.ebnf");
        let sources = [
            include_str!("quotes/marks.rs"),
            include_str!("quotes/spans.rs"),
            include_str!("text/tokens.rs"),
            include_str!("attribution/patterns.rs"),
            include_str!("attribution/mention.rs"),
            include_str!("attribution/claims.rs"),
        ];
        let mut checked = 0;
        for source in sources {
            let doc: String = source
                .lines()
                .take_while(|l| l.starts_with("//!"))
                .collect::<Vec<_>>()
                .join(" ");
            let Some(after) = doc.split("grammar/quotes.ebnf:").nth(1) else {
                continue;
            };
            for rule in after.split('`').skip(1).step_by(2) {
                let defined = grammar
                    .lines()
                    .any(|l| l.split_whitespace().next() == Some(rule) && l.contains('='));
                assert!(
                    defined,
                    "rule `{rule}` is named in the code but not defined in grammar/quotes.ebnf"
                );
                checked += 1;
            }
        }
        assert!(checked >= 20, "only {checked} rules checked");
    }
}
