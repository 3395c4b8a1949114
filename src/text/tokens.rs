//! Words and punctuation of the text around quotes, with quotes standing in
//! as single tokens, so attribution patterns can be matched over them.
//!
//! grammar/quotes.ebnf: `word`, `abbreviation`, `punct`.

use nom::IResult;
use nom::bytes::complete::take_while1;

use crate::record::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Punct(char),
    /// A quoted passage; the number is its index in the article's quotes.
    Quote(usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokenKind::Punct(c)
    }
    /// A dash of any length typed as one character: em, en or hyphen.
    pub fn is_dash(&self) -> bool {
        matches!(self.kind, TokenKind::Punct('\u{2014}' | '\u{2013}' | '-'))
    }
    pub fn quote(&self) -> Option<usize> {
        match self.kind {
            TokenKind::Quote(i) => Some(i),
            _ => None,
        }
    }
}

/// Characters that join two word pieces when they stand between letters or
/// digits: `don't`, `O’Malley`, `al-Assad`, `U.S`, `AT&T`, `3.5`.
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '.' | '&')
}

/// A run of letters and digits.
fn alnum_run(input: &str) -> IResult<&str, &str> {
    // ASCII letters and digits, nearly every byte of a word, are taken
    // without decoding characters; a run that meets any other non-ASCII
    // character is read again by the character rule.
    let ascii = input.bytes().take_while(u8::is_ascii_alphanumeric).count();
    match input.as_bytes().get(ascii) {
        Some(b) if !b.is_ascii() => take_while1(char::is_alphanumeric)(input),
        _ if ascii > 0 => Ok((&input[ascii..], &input[..ascii])),
        _ => take_while1(char::is_alphanumeric)(input),
    }
}

/// A word: letter-or-digit runs joined by apostrophes, hyphens, inner dots,
/// and a colon between digits: a clock time (`10:14PM`) or a verse
/// (`3:16`) is one word, so its colon never reads as a speaker's label or
/// a clause ending ("Paige Lavender ... 10:14PM" was a subject speaking).
/// An abbreviation's final dot is added by [`tokenize`], which knows the
/// word lists.
pub fn word(input: &str) -> IResult<&str, &str> {
    match ascii_word_len(input.as_bytes()) {
        Some(len) => Ok((&input[len..], &input[..len])),
        None => word_by_chars(input),
    }
}

/// [`word`] over ASCII bytes without decoding characters, which is nearly
/// every word: the length of the word at the start of `bytes`, or `None`
/// when a character that is not ASCII could change the answer (or there is
/// no word), for [`word_by_chars`] to read.
fn ascii_word_len(bytes: &[u8]) -> Option<usize> {
    if !bytes.first()?.is_ascii_alphanumeric() {
        return None;
    }
    let mut i = 1;
    loop {
        match bytes.get(i) {
            Some(b) if b.is_ascii_alphanumeric() => i += 1,
            Some(b) if !b.is_ascii() => return None,
            Some(b'\'' | b'-' | b'.' | b'&') => match bytes.get(i + 1) {
                Some(n) if n.is_ascii_alphanumeric() => i += 2,
                Some(n) if !n.is_ascii() => return None,
                _ => return Some(i),
            },
            Some(b':') if bytes[i - 1].is_ascii_digit() => match bytes.get(i + 1) {
                Some(n) if n.is_ascii_digit() => i += 2,
                _ => return Some(i),
            },
            _ => return Some(i),
        }
    }
}

/// [`word`], the grammar rule as written, character by character.
fn word_by_chars(input: &str) -> IResult<&str, &str> {
    let (mut rest, _) = alnum_run(input)?;
    loop {
        let mut chars = rest.chars();
        match (chars.next(), chars.next()) {
            (Some(j), Some(next)) if is_joiner(j) && next.is_alphanumeric() => {
                let after_joiner = &rest[j.len_utf8()..];
                let (r, _) = alnum_run(after_joiner)?;
                rest = r;
            }
            (Some(':'), Some(next))
                if next.is_ascii_digit()
                    && input[..input.len() - rest.len()]
                        .ends_with(|c: char| c.is_ascii_digit()) =>
            {
                let (r, _) = alnum_run(&rest[1..])?;
                rest = r;
            }
            _ => break,
        }
    }
    let len = input.len() - rest.len();
    Ok((rest, &input[..len]))
}

/// Does a dot after this word belong to it? Initials (`F.`), dotted
/// abbreviations (`U.S.`), and listed abbreviations (`Gen.`, `Sept.`).
pub fn takes_dot(w: &str, is_abbreviation: &dyn Fn(&str) -> bool) -> bool {
    let mut chars = w.chars();
    let first = chars.next();
    let single_capital = first.is_some_and(char::is_uppercase) && chars.next().is_none();
    // `Factcheck.org.` ends a sentence: a web address is no abbreviation.
    single_capital
        || (w.contains('.') && !w.ends_with('.') && !web_address(w))
        || is_abbreviation(w)
}

/// `Factcheck.org`, `Tchadinfos.com`, `bbc.co.uk`: a site's address.
pub fn web_address(word: &str) -> bool {
    word.rsplit_once('.').is_some_and(|(site, tld)| {
        !site.is_empty()
            && (["com", "org", "net", "gov"]
                .iter()
                .any(|x| tld.eq_ignore_ascii_case(x))
                || tld.eq_ignore_ascii_case("uk") && site.to_ascii_lowercase().ends_with(".co"))
    })
}

/// A word whose dot before a closing bracket may be its own: short, or a
/// party tag (`(D-Calif.)`, `(R-Pa.)`), not a name ending a sentence in
/// brackets (`according to Nielsen.)`).
fn tag_like(word: &str) -> bool {
    word.len() <= 5 || word.contains('-')
}

/// Tokens of `span` in `text`, with each quote of `quotes` (outer spans, in
/// order, inside `span` or overlapping it) as one token.
pub fn tokenize(
    text: &str,
    span: Span,
    quotes: &[(usize, Span)],
    is_abbreviation: &dyn Fn(&str) -> bool,
    out: &mut Vec<Token>,
) {
    let mut pos = span.start;
    let mut q = 0;
    while pos < span.end {
        if q < quotes.len() && quotes[q].1.start <= pos {
            let (index, outer) = quotes[q];
            out.push(Token {
                span: outer,
                kind: TokenKind::Quote(index),
            });
            pos = pos.max(outer.end);
            q += 1;
            continue;
        }
        let limit = if q < quotes.len() {
            quotes[q].1.start.min(span.end)
        } else {
            span.end
        };
        // An ASCII byte, nearly every character, is read without slicing
        // or decoding: a space or other white space is passed over, a
        // letter or digit starts a word, anything else is punctuation.
        if pos < limit {
            let bytes = &text.as_bytes()[..limit];
            let b = bytes[pos];
            if b == b' ' || (b'\t'..=b'\r').contains(&b) {
                pos += 1;
                continue;
            }
            if b.is_ascii_alphanumeric()
                && let Some(len) = ascii_word_len(&bytes[pos..])
            {
                let mut end = pos + len;
                // `(D-Calif.)`: a short capitalised word's or a party
                // tag's dot before a closing bracket is an abbreviation's;
                // `(..., he said.)` and `(..., according to Nielsen.)` end a
                // sentence.
                let word = &text[pos..end];
                if bytes.get(end) == Some(&b'.')
                    && (bytes.get(end + 1) == Some(&b')')
                        && b.is_ascii_uppercase()
                        && tag_like(word)
                        || takes_dot(word, is_abbreviation))
                {
                    end += 1;
                }
                out.push(Token {
                    span: Span::new(pos, end),
                    kind: TokenKind::Word,
                });
                pos = end;
                continue;
            }
            if b.is_ascii() && !b.is_ascii_alphanumeric() {
                out.push(Token {
                    span: Span::new(pos, pos + 1),
                    kind: TokenKind::Punct(b as char),
                });
                pos += 1;
                continue;
            }
        }
        let rest = &text[pos..limit];
        let c = match rest.chars().next() {
            Some(c) => c,
            None => break,
        };
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        if c.is_alphanumeric() {
            let (_, w) = word(rest).unwrap_or(("", &rest[..c.len_utf8()]));
            let mut end = pos + w.len();
            // `(R-Pa.)`: a dot right before a closing bracket ends a
            // capitalised abbreviation, not a sentence (but `he said.)`
            // ends one).
            let after = &text.as_bytes()[end..limit];
            let dot_then_bracket = after.starts_with(b".)") && c.is_uppercase() && tag_like(w);
            if after.starts_with(b".") && (dot_then_bracket || takes_dot(w, is_abbreviation)) {
                end += 1;
            }
            out.push(Token {
                span: Span::new(pos, end),
                kind: TokenKind::Word,
            });
            pos = end;
        } else {
            out.push(Token {
                span: Span::new(pos, pos + c.len_utf8()),
                kind: TokenKind::Punct(c),
            });
            pos += c.len_utf8();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let abbr = |w: &str| matches!(w, "Gen" | "Mr");
        tokenize(text, Span::new(0, text.len()), &[], &abbr, &mut out);
        out.iter().map(|t| t.span.text(text)).collect()
    }

    #[test]
    fn word_joins_apostrophes_hyphens_and_inner_dots() {
        assert_eq!(word("don't go").unwrap(), (" go", "don't"));
        assert_eq!(word("O\u{2019}Malley,").unwrap(), (",", "O\u{2019}Malley"));
        assert_eq!(word("al-Assad.").unwrap(), (".", "al-Assad"));
        assert_eq!(word("U.S. forces").unwrap(), (". forces", "U.S"));
        assert_eq!(word("sides' opinions").unwrap(), ("' opinions", "sides"));
        assert_eq!(word("10:14PM Talk").unwrap(), (" Talk", "10:14PM"));
        assert_eq!(word("Brandt: yes").unwrap(), (": yes", "Brandt"));
        assert_eq!(word("at 10: noon").unwrap().1, "at");
        assert_eq!(word("10: noon").unwrap(), (": noon", "10"));
        assert!(word(" x").is_err());
    }

    #[test]
    fn ascii_words_are_read_as_the_grammar_reads_them() {
        for input in [
            "don't go",
            "O\u{2019}Malley,",
            "al-Assad.",
            "U.S. forces",
            "sides' opinions",
            "AT&T's",
            "3.5%",
            "10:14PM",
            "10:14:05",
            "a:1",
            "1:a",
            "10: 14",
            "1:é",
            "é1:2",
            "a-",
            "a-é",
            "abcé",
            "x'\u{2019}y",
            "rock 'n' roll",
            "end.",
            "e.g.,",
            "--",
            "é",
            "",
        ] {
            assert_eq!(word(input), word_by_chars(input), "{input:?}");
        }
    }

    #[test]
    fn abbreviations_keep_their_dot_and_sentences_do_not() {
        assert_eq!(
            words("Maj. Gen. Igor F. Konashenkov of the U.S. said."),
            vec![
                "Maj",
                ".",
                "Gen.",
                "Igor",
                "F.",
                "Konashenkov",
                "of",
                "the",
                "U.S.",
                "said",
                "."
            ]
        );
        // Before a closing bracket: a capitalised word's dot is its own
        // (a state in a party tag), a lower-case word's ends the sentence;
        // on the ASCII path and the character path alike.
        assert_eq!(
            words("(R-Pa.) (he said.)"),
            vec!["(", "R-Pa.", ")", "(", "he", "said", ".", ")"]
        );
        assert_eq!(
            words("(R-Pé.) (hé saïd.)"),
            vec!["(", "R-Pé.", ")", "(", "hé", "saïd", ".", ")"]
        );
        // A name ending a sentence in brackets; a web address ending one.
        assert_eq!(
            words("(says Nielsen.) (says Niélsen.)"),
            vec![
                "(", "says", "Nielsen", ".", ")", "(", "says", "Niélsen", ".", ")"
            ]
        );
        assert_eq!(
            words("to Factcheck.org. Then"),
            vec!["to", "Factcheck.org", ".", "Then"]
        );
        assert!(super::web_address("bbc.co.uk") && !super::web_address("U.S"));
    }

    #[test]
    fn quotes_are_single_tokens() {
        let text = "\"Yes,\" he said.";
        let mut out = Vec::new();
        tokenize(
            text,
            Span::new(0, text.len()),
            &[(7, Span::new(0, 6))],
            &|_| false,
            &mut out,
        );
        assert_eq!(out[0].kind, TokenKind::Quote(7));
        assert_eq!(out[1].span.text(text), "he");
        assert_eq!(out.len(), 4);
    }
}
