//! HTML pages: readability extraction and metadata on arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotetrack::article::{Format, Meta, read_bytes};

fuzz_target!(|data: &[u8]| {
    for article in read_bytes(data, Format::Html, &Meta::default(), "fuzz.html")
        .into_iter()
        .flatten()
    {
        let _ = article.date_problem();
    }
});
