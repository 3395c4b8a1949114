//! Plain text with front matter, through the same entry point `ingest`
//! uses: bytes in any encoding, errors rather than panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotetrack::article::{Format, Meta, read_bytes};

fuzz_target!(|data: &[u8]| {
    for article in read_bytes(data, Format::Text, &Meta::default(), "fuzz.txt")
        .into_iter()
        .flatten()
    {
        assert!(!article.text.trim().is_empty());
        let _ = article.date_problem();
    }
});
