//! Web archives: the record reader on arbitrary bytes (uncompressed), each
//! page it finds read as an HTML article.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotetrack::article::warc::{Entry, Records, page_bytes};
use quotetrack::article::{Format, Meta, read_bytes};

fuzz_target!(|data: &[u8]| {
    for entry in Records::new(data) {
        if let Entry::Page(page) = entry {
            let _ = read_bytes(&page_bytes(&page), Format::Html, &Meta::default(), "fuzz.warc");
        }
    }
});
