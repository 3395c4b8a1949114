//! Terminal safety for text that came from articles or the database.
//!
//! Article text, titles, outlets and file names are written by strangers.
//! Written raw to a terminal, an escape sequence in them could recolour the
//! screen, retitle the window, hide lines, or on some terminals write files
//! or fake a hyperlink; bidirectional overrides can make text read in a
//! different order than it is stored. Everything of that sort printed by a
//! human-readable command goes through [`line`] or [`text`]: control
//! characters (C0, DEL and C1, which covers ESC and the 8-bit CSI) become
//! spaces, and invisible direction overrides are dropped. Data formats
//! (JSON, CSV) are left to their own escaping.

use std::borrow::Cow;

/// One-line fields (a speaker, a title, a file name): every control
/// character, line breaks included, becomes a space.
pub fn line(s: &str) -> Cow<'_, str> {
    clean(s, false)
}

/// Running text (a paragraph, an error message): as [`line`], but line
/// breaks are kept.
pub fn text(s: &str) -> Cow<'_, str> {
    clean(s, true)
}

fn clean(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| (c.is_control() && !(keep_newlines && c == '\n')) || is_bidi(c);
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter(|&c| !is_bidi(c))
            .map(|c| if unsafe_char(c) { ' ' } else { c })
            .collect(),
    )
}

/// Invisible characters that reorder the text around them (the "Trojan
/// Source" characters).
fn is_bidi(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_controls_never_pass() {
        let hostile = "a\x1b]0;owned\x07b\x1b[2Jc\u{9b}31md\re\x08f\x7fg\u{202e}h\ti\nj";
        let one = line(hostile);
        assert!(
            one.chars().all(|c| !c.is_control() && !is_bidi(c)),
            "{one:?}"
        );
        assert_eq!(one, "a ]0;owned b [2Jc 31md e f gh i j");
        let many = text(hostile);
        assert!(many.contains('\n'));
        assert!(!many.contains('\x1b') && !many.contains('\r'));
        assert!(matches!(
            line("plain \u{e9}t\u{e9} \u{201c}q\u{201d}"),
            Cow::Borrowed(_)
        ));
    }
}
