//! nom parsers over article text: quotation marks, quoted passages, words,
//! and the attribution patterns that tie a quote to its speaker.

pub mod attribution;
pub mod marks;
pub mod quotes;
pub mod tokens;

#[cfg(test)]
mod tests {
    /// Every grammar rule a parser module says it implements is defined in
    /// grammar/quotes.ebnf, so the written grammar stays in step with the code.
    #[test]
    fn rules_named_in_the_code_are_in_the_grammar() {
        let grammar = include_str!("../../grammar/quotes.ebnf");
        let sources = [
            include_str!("marks.rs"),
            include_str!("quotes.rs"),
            include_str!("tokens.rs"),
            include_str!("attribution.rs"),
            include_str!("../speaker/mention.rs"),
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
