//! The readers on hostile bytes, quickly, in the normal suite (the long
//! runs are the cargo-fuzz targets in fuzz/): no panic, one result per
//! text or HTML input, every stored text non-empty, every JSON Lines
//! result named by its line, and decoding never rejects a text file for
//! its encoding alone.

use proptest::prelude::*;
use quotetrack::article::{Format, Meta, decode_text, read, read_bytes};

/// Pieces of front matter, JSON and markup, biased towards the edges the
/// readers handle: delimiters, line ends, byte-order marks, quotes, bad
/// bytes.
const PIECES: &[&[u8]] = &[
    b"---\n",
    b"---\r\n",
    b"\n",
    b"\r\n",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"date: ",
    b"outlet: ",
    b"title: \"",
    b"2015-02-30",
    b"18 September 2015",
    b"# comment\n",
    b"key only\n",
    b"{\"text\": \"",
    b"\"}",
    b"{\"html\": \"<p>",
    b"\", \"date\": 20150918}",
    b"{\"text\": 5}",
    b"[1, 2]",
    b"null",
    b"\\u0000",
    b"\\ud800",
    b"<html><body><article><p>",
    b"</p></article></body></html>",
    b"<meta charset=\"windows-1252\">",
    b"\"We will,\" she said. ",
    b"\x93Yes,\x94 he said.",
    b"\xe9",
    b"\x1b[31m",
    b"\0",
    b" ",
    b"a",
];

fn input() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|p| p.concat())
}

fn check(bytes: &[u8], format: Format) {
    let results = read_bytes(bytes, format, &Meta::default(), "p");
    if format != Format::JsonLines {
        assert_eq!(results.len(), 1);
    }
    for article in results.into_iter().flatten() {
        assert!(!article.text.trim().is_empty(), "{article:?}");
        if format == Format::JsonLines {
            assert!(article.source.starts_with("p:"), "{}", article.source);
        }
        let _ = article.date_problem();
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn text_and_json_lines_never_panic(bytes in input()) {
        check(&bytes, Format::Text);
        check(&bytes, Format::JsonLines);
    }

    #[test]
    fn any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check(&bytes, Format::Text);
        check(&bytes, Format::JsonLines);
    }

    #[test]
    fn text_without_bom_or_nul_always_decodes(bytes in prop::collection::vec(1u8..=255, 1..256)) {
        // Every byte sequence is text in some encoding; only a lying UTF-16
        // byte-order mark is an error.
        if !bytes.starts_with(b"\xff\xfe") && !bytes.starts_with(b"\xfe\xff") {
            let (text, warning) = decode_text(&bytes).unwrap();
            prop_assert_eq!(warning.is_some(), std::str::from_utf8(&bytes).is_err());
            prop_assert!(!text.is_empty() || bytes.starts_with(b"\xef\xbb\xbf"));
        }
    }
}

proptest! {
    // HTML goes through a full parser and readability: fewer cases.
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn html_never_panics(bytes in input()) {
        check(&bytes, Format::Html);
        let _ = read(&bytes, Format::Html, &Meta::default(), "p");
    }
}
