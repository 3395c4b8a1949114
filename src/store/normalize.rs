//! Text folded for comparison, not for display.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// A quote's text with the differences that are typography, not wording,
/// folded away: compatibility forms (NFKC), case, curly versus straight
/// marks, dash variants, the ellipsis character, runs of spaces. Stored in
/// `quotes.normalized` so renditions can be compared without re-reading the
/// articles. Spelling and bracketed insertions are left to the tracer,
/// which knows what it is comparing.
pub fn normalize_quote(text: &str) -> String {
    // Nearly every quote is already in NFKC (curly marks and dashes are):
    // the quick check says so without building the decomposition NFKC
    // would otherwise compute for every character. Same result either way.
    let chars: Box<dyn Iterator<Item = char>> = if is_nfkc_quick(text.chars()) == IsNormalized::Yes
    {
        Box::new(text.chars())
    } else {
        Box::new(text.nfkc())
    };
    let mapped: String = chars
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
            | '\u{2033}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c,
        })
        .collect();
    // NFKC has already turned `…` into `...`.
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lower case without accents, for matching what a user typed against
/// names: `--speaker jose` finds José, `--outlet cbc` finds CBC News.
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typography_folds_wording_stays() {
        assert_eq!(
            normalize_quote("It\u{2019}s  vital \u{2014} we \u{201C}avoid\u{201D} it\u{2026}"),
            "it's vital - we \"avoid\" it..."
        );
        assert_ne!(normalize_quote("defence"), normalize_quote("defense"));
        // Not in NFKC: the ligature and the full-width letters fold.
        assert_eq!(normalize_quote("\u{FB01}ne \u{FF21}"), "fine a");
    }

    #[test]
    fn fold_drops_case_and_accents() {
        assert_eq!(fold("José Gómez"), "jose gomez");
        assert!(fold("John Kerry").contains(&fold("KERRY")));
    }
}
