//! Quoted passages: marks paired into spans, paragraph by paragraph.
//!
//! grammar/quotes.ebnf: `paragraph`, `double_quote`, `single_quote`,
//! `continued_quote`. A paragraph is one line of the text. A double quote
//! left open at a paragraph's end closes there (news style for a quote that
//! runs on: the next paragraph opens with a mark again), so a stray mark can
//! never swallow the rest of the article.

use super::marks::{Mark, MarkKind, marks};
use crate::record::Span;
use crate::text::tokens::{Token, tokenize};

/// One quoted passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotedSpan {
    /// The words between the marks (or up to the paragraph's end).
    pub inner: Span,
    /// From the opening mark to the closing mark, both included.
    pub outer: Span,
    /// Double marks (`"`, `“ ”`, `« »`, `''`) or single (`‘ ’`, `'`).
    pub double: bool,
    /// Closed by a mark in the same paragraph.
    pub closed: bool,
    /// Opens a paragraph right after a paragraph whose quote ran to its end.
    pub continues_previous: bool,
}

/// The tokens of every paragraph that is not blank, one after another,
/// with each paragraph's token range; a quoted span's tokens carry its
/// index in `spans`. Quote finding and claims read the article this way.
pub fn tokenize_paragraphs(
    text: &str,
    spans: &[QuotedSpan],
    is_abbreviation: &dyn Fn(&str) -> bool,
) -> (Vec<Token>, Vec<(usize, usize)>) {
    let mut toks = Vec::with_capacity(text.len() / 5);
    let mut ranges = Vec::new();
    let mut q = 0;
    let mut para_quotes: Vec<(usize, Span)> = Vec::new();
    for para in paragraphs(text) {
        if para.text(text).trim().is_empty() {
            continue;
        }
        para_quotes.clear();
        while q < spans.len() && spans[q].outer.start < para.end {
            para_quotes.push((q, spans[q].outer));
            q += 1;
        }
        let start = toks.len();
        tokenize(text, para, &para_quotes, is_abbreviation, &mut toks);
        ranges.push((start, toks.len()));
    }
    (toks, ranges)
}

/// A paragraph: a line of the text, as a span.
pub fn paragraphs(text: &str) -> impl Iterator<Item = Span> + '_ {
    let mut start = 0;
    let bytes = text.as_bytes();
    std::iter::from_fn(move || {
        if start > bytes.len() {
            return None;
        }
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        let span = Span::new(start, end);
        start = end + 1;
        Some(span)
    })
}

fn char_after(text: &str, pos: usize) -> Option<char> {
    text.get(pos..).and_then(|s| s.chars().next())
}

fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos).and_then(|s| s.chars().next_back())
}

/// Pair the double marks of one paragraph. A mark that may do either opens
/// when a word follows it and closes otherwise; an opening mark inside an
/// open quote is passed over. Linear in the number of marks.
pub fn pair_double(para: &str, base: usize, found: &[Mark], out: &mut Vec<QuotedSpan>) {
    let mut open: Option<Mark> = None;
    for m in found.iter().filter(|m| m.kind.is_double()) {
        match open {
            None => {
                let opens = match m.kind {
                    MarkKind::DoubleOpen => true,
                    MarkKind::DoubleEither => {
                        char_after(para, m.pos + m.len).is_some_and(|c| !c.is_whitespace())
                    }
                    // A closing curly mark typed for an opening one at the
                    // paragraph's start: `” … in the case of Wyoming,” wrote`.
                    MarkKind::DoubleClose => para[..m.pos].trim().is_empty(),
                    _ => false,
                };
                if opens {
                    open = Some(*m);
                }
            }
            Some(o) => {
                // A mistyped closer: `fascist?“ he asked` — an opening curly
                // mark right after a word and before a space closes.
                let mistyped_close = m.kind == MarkKind::DoubleOpen
                    && char_before(para, m.pos).is_some_and(|c| !c.is_whitespace())
                    && char_after(para, m.pos + m.len)
                        .is_none_or(|c| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'));
                if m.kind != MarkKind::DoubleOpen || mistyped_close {
                    let inner_start = o.pos + o.len;
                    if m.pos > inner_start {
                        out.push(QuotedSpan {
                            inner: Span::new(base + inner_start, base + m.pos),
                            outer: Span::new(base + o.pos, base + m.pos + m.len),
                            double: true,
                            closed: true,
                            continues_previous: false,
                        });
                    }
                    open = None;
                }
            }
        }
    }
    if let Some(o) = open {
        let inner_start = o.pos + o.len;
        let end = para.trim_end().len();
        if end > inner_start {
            out.push(QuotedSpan {
                inner: Span::new(base + inner_start, base + end),
                outer: Span::new(base + o.pos, base + end),
                double: true,
                closed: false,
                continues_previous: false,
            });
        }
    }
}

fn opens_single(para: &str, m: &Mark) -> bool {
    let before_ok = char_before(para, m.pos).is_none_or(|c| {
        c.is_whitespace() || matches!(c, '(' | '[' | '\u{2014}' | ':' | '"' | '\u{201c}')
    });
    let after_ok = char_after(para, m.pos + m.len).is_some_and(|c| !c.is_whitespace());
    before_ok && after_ok && matches!(m.kind, MarkKind::SingleOpen | MarkKind::SingleEither)
}

fn closes_single(para: &str, m: &Mark) -> bool {
    let before_ok = char_before(para, m.pos).is_some_and(|c| !c.is_whitespace());
    let after_ok = char_after(para, m.pos + m.len).is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '\u{2014}' | '"' | '\u{201d}'
            )
    });
    before_ok && after_ok && matches!(m.kind, MarkKind::SingleClose | MarkKind::SingleEither)
}

/// An apostrophe inside a word (`don't`, `it’s`): a letter on both sides.
fn is_apostrophe(para: &str, m: &Mark) -> bool {
    char_before(para, m.pos).is_some_and(char::is_alphanumeric)
        && char_after(para, m.pos + m.len).is_some_and(char::is_alphabetic)
}

/// Two letters in a row: a quote of words, not `'n'` or `'90`.
fn has_word(s: &str) -> bool {
    let mut run = 0;
    for c in s.chars() {
        run = if c.is_alphabetic() { run + 1 } else { 0 };
        if run >= 2 {
            return true;
        }
    }
    false
}

/// Pair single marks outside the double-quoted parts of a paragraph:
/// headline and caption quotes (`says it's 'vital to avoid ...' with`).
/// Apostrophes (`Russia's`, `the sides' opinions`, `'90s`, `rock 'n' roll`)
/// are told apart by what stands on each side of the mark. Each opening mark
/// looks ahead only to the next mark that is not an apostrophe, so the work
/// stays linear.
pub fn pair_single(
    para: &str,
    base: usize,
    found: &[Mark],
    doubles: &[QuotedSpan],
    out: &mut Vec<QuotedSpan>,
) {
    // `doubles` is in order of position: binary searches keep this linear.
    let inside_double = |pos: usize| {
        let k = doubles.partition_point(|d| d.outer.start <= base + pos);
        k > 0 && base + pos < doubles[k - 1].outer.end
    };
    let singles: Vec<&Mark> = found
        .iter()
        .filter(|m| !m.kind.is_double() && !inside_double(m.pos))
        .collect();
    let mut i = 0;
    while i < singles.len() {
        let o = singles[i];
        if !opens_single(para, o) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut close = None;
        while j < singles.len() {
            let m = singles[j];
            if is_apostrophe(para, m) {
                j += 1;
                continue;
            }
            if closes_single(para, m) {
                close = Some(j);
            }
            break;
        }
        match close {
            Some(j) => {
                let c = singles[j];
                let inner = &para[o.pos + o.len..c.pos];
                let straight = o.kind == MarkKind::SingleEither;
                // A straight pair around one word is too often two
                // apostrophes ('n', 'em'); ask for several words.
                let words_ok = has_word(inner) && (!straight || inner.contains(' '));
                let crosses_double = {
                    let k = doubles.partition_point(|d| d.outer.start <= base + o.pos);
                    k < doubles.len() && doubles[k].outer.start < base + c.pos
                };
                if words_ok && !crosses_double && !inner.contains('\n') {
                    out.push(QuotedSpan {
                        inner: Span::new(base + o.pos + o.len, base + c.pos),
                        outer: Span::new(base + o.pos, base + c.pos + c.len),
                        double: false,
                        closed: true,
                        continues_previous: false,
                    });
                    i = j + 1;
                } else {
                    i += 1;
                }
            }
            None => i += 1,
        }
    }
}

/// Every quoted passage in the text, in order of position.
pub fn quoted_spans(text: &str) -> Vec<QuotedSpan> {
    let mut all = Vec::new();
    let mut previous_ran_on = false;
    for para_span in paragraphs(text) {
        let para = para_span.text(text);
        if para.trim().is_empty() {
            continue;
        }
        let found = marks(para);
        let mut here = Vec::new();
        pair_double(para, para_span.start, &found, &mut here);
        let doubles_end = here.len();
        let doubles = here.clone();
        pair_single(para, para_span.start, &found, &doubles, &mut here);
        if doubles_end < here.len() {
            here.sort_by_key(|q| q.outer.start);
        }
        let lead = para.len() - para.trim_start().len();
        if let Some(first) = here.first_mut()
            && previous_ran_on
            && first.double
            && first.outer.start == para_span.start + lead
        {
            first.continues_previous = true;
        }
        previous_ran_on = here.last().is_some_and(|q| q.double && !q.closed);
        all.extend(here);
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner_texts(text: &str) -> Vec<&str> {
        quoted_spans(text)
            .iter()
            .map(|q| q.inner.text(text))
            .collect()
    }

    #[test]
    fn paragraphs_tokenize_one_after_another_skipping_blank_ones() {
        let text = "The mayor spoke.\n\n\"We will rebuild,\" she said.\n";
        let spans = quoted_spans(text);
        let (toks, ranges) = tokenize_paragraphs(text, &spans, &|_| false);
        assert_eq!(ranges.len(), 2);
        assert_eq!(ranges[0].1, ranges[1].0);
        assert_eq!(ranges[1].1, toks.len());
        let quoted: Vec<usize> = toks.iter().filter_map(|t| t.quote()).collect();
        assert_eq!(quoted, [0]);
        assert!(toks[ranges[1].0].quote().is_some());
    }

    #[test]
    fn paragraphs_are_lines() {
        let text = "a\n\nbc";
        let got: Vec<_> = paragraphs(text).map(|s| s.text(text)).collect();
        assert_eq!(got, vec!["a", "", "bc"]);
    }

    #[test]
    fn curly_straight_guillemet_and_doubled_apostrophe_quotes() {
        assert_eq!(
            inner_texts("He said \u{201c}yes,\u{201d} twice."),
            vec!["yes,"]
        );
        assert_eq!(inner_texts("\"We won,\" she said."), vec!["We won,"]);
        assert_eq!(inner_texts("Il a dit \u{ab}non\u{bb}."), vec!["non"]);
        assert_eq!(
            inner_texts("''It has the virtue of being fiscally responsible,'' said Smith."),
            vec!["It has the virtue of being fiscally responsible,"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let text = "Russia's plan, the sides' opinions, the '90s and rock 'n' roll don't count.";
        assert!(quoted_spans(text).is_empty());
    }

    #[test]
    fn single_quotes_in_a_caption() {
        let text = "Kerry says it's 'vital to avoid misunderstandings, miscalculations' with Russia's newest involvement.";
        assert_eq!(
            inner_texts(text),
            vec!["vital to avoid misunderstandings, miscalculations"]
        );
    }

    #[test]
    fn curly_single_quote_with_an_apostrophe_inside() {
        let text = "Headline: Graham calls it \u{2018}a plan that won\u{2019}t work\u{2019} today";
        assert_eq!(inner_texts(text), vec!["a plan that won\u{2019}t work"]);
    }

    #[test]
    fn single_inside_double_stays_part_of_the_double() {
        let text = "\"He told me 'never again' and left,\" she said.";
        assert_eq!(
            inner_texts(text),
            vec!["He told me 'never again' and left,"]
        );
    }

    #[test]
    fn a_mistyped_opening_mark_after_a_word_closes() {
        let text = "\u{201c}Do you want that?\u{201c} he asked. \u{201c}No.\u{201d}";
        assert_eq!(inner_texts(text), vec!["Do you want that?", "No."]);
    }

    #[test]
    fn a_closing_mark_opening_a_paragraph_opens() {
        let text = "Intro.\n\n\u{201d} \u{2026} they are not like him,\u{201d} she said. \u{201c}No.\u{201d}";
        assert_eq!(
            inner_texts(text),
            vec![" \u{2026} they are not like him,", "No."]
        );
        // Elsewhere a lone closing mark opens nothing.
        assert_eq!(
            inner_texts("He said\u{201d} it was fine."),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn quote_running_over_paragraphs() {
        let text = "\"First part.\n\n\"Second part.\n\"Last part,\" he said.";
        let spans = quoted_spans(text);
        assert_eq!(spans.len(), 3);
        assert!(!spans[0].closed);
        assert!(spans[1].continues_previous && !spans[1].closed);
        assert!(spans[2].continues_previous && spans[2].closed);
        assert_eq!(spans[2].inner.text(text), "Last part,");
    }

    #[test]
    fn unbalanced_mark_stops_at_the_paragraph_end() {
        let text = "He said \"this never closes.\nNext paragraph has \"a quote\" in it.";
        assert_eq!(inner_texts(text), vec!["this never closes.", "a quote"]);
    }

    #[test]
    fn many_stray_marks_stay_linear() {
        let text = "\" ".repeat(200_000) + &"\u{2018}x ".repeat(100_000);
        let start = std::time::Instant::now();
        let _ = quoted_spans(&text);
        assert!(start.elapsed().as_secs() < 2);
    }
}
