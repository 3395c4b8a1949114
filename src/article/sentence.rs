//! The sentence around a quote: enough to read the quote as the article
//! framed it without opening the article (the export's `context` column,
//! the evidence of a misattribution flag). Moved here from `export/` so
//! `track/` can use it without reaching up; output unchanged.

/// Short words that end with a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "st",
    "jr", "sr", "no", "vs", "etc", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "aug",
    "sept", "sep", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e",
];

/// Closing marks that may follow a sentence's final stop.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{201D}' | '\u{2019}' | '\u{00BB}' | ')' | ']'
    )
}

/// Does the full stop, question or exclamation mark ending `before` end a
/// sentence (rather than an abbreviation or an initial)?
fn ends_sentence(before: &str) -> bool {
    let Some(stop) = before.chars().next_back() else {
        return false;
    };
    if stop == '!' || stop == '?' {
        return true;
    }
    if stop != '.' {
        return false;
    }
    let word = before[..before.len() - 1]
        .rsplit(|c: char| c.is_whitespace() || c == '(' || is_closer(c) || c == '\u{201C}')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    // A single capital is an initial ("John F. Kennedy").
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    !(initial || ABBREVIATIONS.contains(&lower.as_str()))
}

/// Byte offsets where sentences end inside `para` (after the stop and any
/// closing marks).
fn sentence_ends(para: &str) -> impl Iterator<Item = usize> + '_ {
    let mut iter = para.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some((i, c)) = iter.next() {
            if !matches!(c, '.' | '!' | '?') || !ends_sentence(&para[..i + c.len_utf8()]) {
                continue;
            }
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if !is_closer(d) && !matches!(d, '.' | '!' | '?') {
                    break;
                }
                end = j + d.len_utf8();
                iter.next();
            }
            // A sentence ends where white space and a capital (or an
            // opening mark, or a figure) follow: `"Why?" she asked.` goes on.
            let rest = &para[end..];
            let next = rest.trim_start().chars().next();
            if rest.starts_with(char::is_whitespace)
                && next.is_some_and(|d| {
                    d.is_uppercase()
                        || d.is_numeric()
                        || matches!(
                            d,
                            '"' | '\'' | '\u{201C}' | '\u{2018}' | '\u{00AB}' | '(' | '['
                        )
                })
            {
                return Some(end);
            }
        }
        None
    })
}

/// The sentence or sentences holding bytes `start..end` of `text`, trimmed,
/// never reaching past the quote's paragraph (line). `None` when the offsets
/// do not fit the text.
pub fn sentence_around(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    text.get(start..end)?;
    let para_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let para_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let para = &text[para_start..para_end];
    let (q_start, q_end) = (start - para_start, end - para_start);
    let mut s = 0;
    let mut e = para.len();
    for boundary in sentence_ends(para) {
        if boundary <= q_start {
            s = boundary;
        } else if boundary >= q_end {
            e = boundary;
            break;
        }
    }
    // A quote that ends its sentence inside the marks ("... act.") ends
    // where its closing mark does.
    let lead = para[s..].len() - para[s..].trim_start().len();
    let trail = para[..e].len() - para[..e].trim_end().len();
    Some((para_start + s + lead, para_start + e - trail))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context<'a>(text: &'a str, quote: &str) -> &'a str {
        let start = text.find(quote).unwrap();
        let (s, e) = sentence_around(text, start, start + quote.len()).unwrap();
        &text[s..e]
    }

    #[test]
    fn the_sentence_with_its_attribution() {
        let text = "The vote was close. \u{201C}We will not back down,\u{201D} said Mr. Pell on Tuesday. Others disagreed.";
        assert_eq!(
            context(text, "We will not back down,"),
            "\u{201C}We will not back down,\u{201D} said Mr. Pell on Tuesday."
        );
    }

    #[test]
    fn a_quote_that_ends_its_sentence_and_the_paragraph() {
        let text = "Intro line.\nAnn B. Lee said: \"It is done. We move on.\"\nNext paragraph.";
        assert_eq!(
            context(text, "It is done. We move on."),
            "Ann B. Lee said: \"It is done. We move on.\""
        );
    }

    #[test]
    fn questions_and_exclamations_end_sentences_too() {
        let text = "Why now? \"Because we must!\" she said. Then she left.";
        assert_eq!(
            context(text, "Because we must!"),
            "\"Because we must!\" she said."
        );
    }

    #[test]
    fn offsets_that_do_not_fit_give_none() {
        assert_eq!(sentence_around("short", 2, 50), None);
        assert_eq!(sentence_around("é", 1, 2), None);
    }
}
