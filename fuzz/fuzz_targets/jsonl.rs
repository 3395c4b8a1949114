//! JSON Lines: every line gives an article or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotetrack::article::{Format, Meta, read_bytes};

fuzz_target!(|data: &[u8]| {
    let results = read_bytes(data, Format::JsonLines, &Meta::default(), "fuzz.jsonl");
    for article in results.into_iter().flatten() {
        assert!(article.source.starts_with("fuzz.jsonl:"));
        let _ = article.date_problem();
    }
});
