//! Quotation marks: which characters open, close, or may do either.
//!
//! grammar/quotes.ebnf: `mark`, `double_mark`, `single_mark`.

use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::combinator::value;
use nom::{IResult, Parser};

/// What a mark can do. A straight `"` or a doubled apostrophe `''` can open
/// or close; which one it does is read from the characters around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkKind {
    /// `“`, ``` `` ```, `«`, `‘‘`
    DoubleOpen,
    /// `”`, `»`, `’’`
    DoubleClose,
    /// `"`, `''`
    DoubleEither,
    /// `‘`
    SingleOpen,
    /// `’`: closes a single quote, or is an apostrophe (`don’t`).
    SingleClose,
    /// `'`: opens, closes, or is an apostrophe.
    SingleEither,
}

impl MarkKind {
    pub fn is_double(self) -> bool {
        matches!(
            self,
            MarkKind::DoubleOpen | MarkKind::DoubleClose | MarkKind::DoubleEither
        )
    }
}

/// A mark found in the text: where it is and how many bytes it takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub pos: usize,
    pub len: usize,
    pub kind: MarkKind,
}

/// One quotation mark at the start of `input`. Longer marks are tried first
/// so that `''` is one double mark, not two apostrophes.
pub fn mark(input: &str) -> IResult<&str, MarkKind> {
    alt((
        value(MarkKind::DoubleOpen, tag("``")),
        value(MarkKind::DoubleEither, tag("''")),
        // Some outlets' systems write a double mark as two single curly
        // ones: `‘‘We have held fares flat,’’ she said`.
        value(MarkKind::DoubleOpen, tag("\u{2018}\u{2018}")),
        value(MarkKind::DoubleClose, tag("\u{2019}\u{2019}")),
        value(MarkKind::DoubleEither, tag("\"")),
        value(MarkKind::DoubleOpen, tag("\u{201c}")),
        value(MarkKind::DoubleClose, tag("\u{201d}")),
        value(MarkKind::DoubleOpen, tag("\u{ab}")),
        value(MarkKind::DoubleClose, tag("\u{bb}")),
        value(MarkKind::SingleOpen, tag("\u{2018}")),
        value(MarkKind::SingleClose, tag("\u{2019}")),
        value(MarkKind::SingleEither, tag("'")),
    ))
    .parse(input)
}

/// The first byte of every mark: a cheap filter before the parser runs.
#[inline]
fn may_start_mark(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | b'`' | 0xE2 | 0xC2)
}

/// Every quotation mark in `text`, in order. Linear: each byte is looked at
/// once, and the parser runs only where a mark can start.
pub fn marks(text: &str) -> Vec<Mark> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        i = next_candidate(bytes, i);
        if i >= bytes.len() {
            break;
        }
        match mark(&text[i..]) {
            Ok((rest, kind)) => {
                let len = text.len() - i - rest.len();
                // A lone backtick is not a mark; `mark` only accepts two.
                out.push(Mark { pos: i, len, kind });
                i += len;
            }
            Err(_) => {
                // 0xE2/0xC2 lead a multi-byte character that is not a mark:
                // step over the whole character to stay on a boundary.
                i += utf8_len(bytes[i]);
            }
        }
    }
    out
}

/// The first position at or after `i` where a mark can start (or the end).
/// Eight bytes are looked at together: a chunk with no quote character and
/// no byte of a multi-byte character is passed over in one step.
fn next_candidate(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Non-zero when some byte of `x` equals `b` (and never otherwise).
    let has = |x: u64, b: u8| {
        let v = x ^ (ONES * u64::from(b));
        v.wrapping_sub(ONES) & !v & HIGH
    };
    while let Some(chunk) = bytes.get(i..i + 8) {
        let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(chunk);
        if (x & HIGH) | has(x, b'"') | has(x, b'\'') | has(x, b'`') != 0
            && let Some(k) = chunk.iter().position(|&b| may_start_mark(b))
        {
            return i + k;
        }
        i += 8;
    }
    while i < bytes.len() && !may_start_mark(bytes[i]) {
        i += 1;
    }
    i
}

#[inline]
pub fn utf8_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xFF => 4,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mark_reads_each_kind() {
        assert_eq!(mark("\u{201c}x").unwrap().1, MarkKind::DoubleOpen);
        assert_eq!(mark("\u{201d}").unwrap().1, MarkKind::DoubleClose);
        assert_eq!(mark("\"").unwrap().1, MarkKind::DoubleEither);
        assert_eq!(mark("''It").unwrap(), ("It", MarkKind::DoubleEither));
        assert_eq!(mark("``").unwrap().1, MarkKind::DoubleOpen);
        assert_eq!(mark("\u{ab}").unwrap().1, MarkKind::DoubleOpen);
        assert_eq!(mark("\u{bb}").unwrap().1, MarkKind::DoubleClose);
        assert_eq!(mark("\u{2018}").unwrap().1, MarkKind::SingleOpen);
        assert_eq!(
            mark("\u{2018}\u{2018}We").unwrap(),
            ("We", MarkKind::DoubleOpen)
        );
        assert_eq!(
            mark("\u{2019}\u{2019} she").unwrap(),
            (" she", MarkKind::DoubleClose)
        );
        assert_eq!(mark("\u{2019}").unwrap().1, MarkKind::SingleClose);
        assert_eq!(mark("'a").unwrap().1, MarkKind::SingleEither);
        assert!(mark("a").is_err());
        assert!(mark("\u{2014}").is_err());
    }

    #[test]
    fn marks_finds_positions_and_skips_other_multibyte_characters() {
        let text = "é \u{2014} \u{201c}Oui\u{201d} ''x''";
        let found = marks(text);
        let kinds: Vec<_> = found.iter().map(|m| m.kind).collect();
        assert_eq!(
            kinds,
            vec![
                MarkKind::DoubleOpen,
                MarkKind::DoubleClose,
                MarkKind::DoubleEither,
                MarkKind::DoubleEither
            ]
        );
        assert_eq!(&text[found[0].pos..found[0].pos + found[0].len], "\u{201c}");
        assert_eq!(found[2].len, 2);
    }

    #[test]
    fn marks_are_found_anywhere_in_long_runs_of_plain_text() {
        for pad in 0..20 {
            for mark in ["\"", "'", "``", "\u{201c}", "\u{ab}"] {
                let text = format!("{}{mark}{}é{mark}", "a".repeat(pad), "b".repeat(pad));
                let found = marks(&text);
                assert_eq!(found.len(), 2, "{text:?}");
                assert_eq!(found[0].pos, pad);
                assert_eq!(&text[found[1].pos..found[1].pos + found[1].len], mark);
            }
        }
    }
}
