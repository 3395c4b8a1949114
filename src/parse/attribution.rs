//! Attribution patterns: which words around a quote say who said it.
//!
//! grammar/quotes.ebnf: `attribution`, `post_attribution`,
//! `pre_attribution`, `inverted`, `according_to`, `colon_intro`.
//! Patterns are matched over the tokens of one paragraph, in which each
//! quote is a single token.

use super::tokens::{Token, TokenKind};
use crate::record::Span;
use crate::speaker::mention::{Mention, Words, core_before, mention_after, mention_before};

/// A speaker mention and the cue that ties it to a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub mention: Mention,
    pub cue: Span,
    /// The quote sits inside reported speech (`said the plan "will fail"`)
    /// rather than being introduced or followed by the cue.
    pub partial: bool,
}

/// How far after a quote the verb of `"Q," the former U.S. envoy to the
/// talks said` may stand.
const POST_REACH: usize = 16;

fn is_sentence_end(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Punct('.' | '!' | '?'))
}

fn is_dash(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Punct('\u{2014}' | '\u{2013}' | '-'))
}

/// The index where the sentence holding token `i` starts, within `floor..`.
pub fn sentence_start(toks: &[Token], i: usize, floor: usize) -> usize {
    (floor..i).rev().find(|&k| is_sentence_end(&toks[k])).map_or(floor, |k| k + 1)
}

/// The end (exclusive) of the stretch after token `i`: the next quote or
/// the end of the sentence.
fn post_end(toks: &[Token], i: usize, ceiling: usize) -> usize {
    (i + 1..ceiling)
        .find(|&k| toks[k].quote().is_some() || is_sentence_end(&toks[k]))
        .unwrap_or(ceiling)
}

fn is_according_to(w: &Words, toks: &[Token], k: usize, end: usize) -> bool {
    k + 1 < end && w.is(&toks[k], &["according"]) && w.is(&toks[k + 1], &["to"])
}

/// `"Q," X said.` / `"Q," said X.` / `"Q," according to X.` — the words
/// right after the quote.
pub fn after_quote(w: &Words, toks: &[Token], qi: usize, ceiling: usize) -> Option<Attribution> {
    let end = post_end(toks, qi, ceiling);
    let mut j = qi + 1;
    while j < end && (toks[j].is_punct(',') || is_dash(&toks[j]) || toks[j].is_punct(')')) {
        j += 1;
    }
    if j >= end {
        return None;
    }
    if w.is_speech_verb(&toks[j]) {
        let mention = mention_after(w, toks, j + 1, end)?;
        return Some(Attribution { mention, cue: toks[j].span, partial: false });
    }
    if is_according_to(w, toks, j, end) {
        let mention = mention_after(w, toks, j + 2, end)?;
        let cue = Span::new(toks[j].span.start, toks[j + 1].span.end);
        return Some(Attribution { mention, cue, partial: false });
    }
    let reach = end.min(j + POST_REACH);
    let v = (j + 1..reach).find(|&k| w.is_speech_verb(&toks[k]))?;
    let mention = mention_before(w, toks, v, j)?;
    (mention.first_token == j).then_some(Attribution { mention, cue: toks[v].span, partial: false })
}

/// Skip what opens a sentence before its subject: `But`, `On Friday,`.
fn subject_start(w: &Words, toks: &[Token], s: usize, end: usize) -> usize {
    let mut k = s;
    while k < end && (w.is(&toks[k], &["but", "and", "so", "yet", "still", "then", "now", "also"]) || toks[k].is_punct(',')) {
        k += 1;
    }
    k
}

/// The subject of the sentence: the phrase it opens with, or the one after
/// an opening phrase closed by a comma (`On Friday, Kerry said`).
fn sentence_subject(w: &Words, toks: &[Token], s: usize, end: usize) -> Option<Mention> {
    let k = subject_start(w, toks, s, end);
    if let Some(m) = mention_after(w, toks, k, end) {
        return Some(m);
    }
    let comma = (k..end).take(12).find(|&i| toks[i].is_punct(','))?;
    mention_after(w, toks, subject_start(w, toks, comma + 1, end), end)
}

/// `X said: "Q"` / `X said, "Q"` / `X said the campaign will go on "and
/// ..."` / `X issued a statement noting that "Q"` / `according to X, "Q"` /
/// `Graham: 'Q'` — the words of the sentence before the quote.
pub fn before_quote(w: &Words, toks: &[Token], qi: usize, floor: usize) -> Option<Attribution> {
    let s = sentence_start(toks, qi, floor);
    if let Some(v) = (s..qi).rev().find(|&k| w.is_speech_verb(&toks[k])) {
        let verb = w.word(&toks[v]).unwrap_or_default().to_lowercase();
        let participle = verb.ends_with("ing");
        // `was quoted as saying`: the subject stands before `was quoted as`.
        let quoted_as = participle && v >= s + 3 && w.is(&toks[v - 1], &["as"]) && w.is(&toks[v - 2], &["quoted"]);
        let mention = if quoted_as {
            mention_before(w, toks, v - 3, s)
        } else if participle {
            sentence_subject(w, toks, s, v)
        } else {
            mention_before(w, toks, v, s).or_else(|| sentence_subject(w, toks, s, v))
        };
        let mention = match mention {
            Some(m) => m,
            None if !participle => {
                // `"Q1," said X, "Q2."` and `Said X: "Q"` — the verb leads.
                mention_after(w, toks, v + 1, qi)?
            }
            None => return None,
        };
        let between = &toks[v + 1..qi];
        let partial = between.iter().any(|t| t.is_word() && !w.is(t, &["that", "this"]))
            && !between.iter().any(|t| t.is_punct(':'));
        return Some(Attribution { mention, cue: toks[v].span, partial });
    }
    if let Some(k) = (s..qi).find(|&k| is_according_to(w, toks, k, qi)) {
        let mention = mention_after(w, toks, k + 2, qi)?;
        return Some(Attribution { mention, cue: Span::new(toks[k].span.start, toks[k + 1].span.end), partial: false });
    }
    // Headline style: `Graham: Trump's 'Incredibly Hateful Rhetoric'`.
    let colon = (s..qi).find(|&k| toks[k].is_punct(':'))?;
    let mention = core_before(w, toks, colon, s).filter(|m| m.first_token == s)?;
    Some(Attribution { mention, cue: toks[colon].span, partial: colon + 1 < qi })
}
