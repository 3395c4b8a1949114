//! Read a web archive the way `ingest` does, record by record, without
//! storing anything: counts what it holds and reads every page as an
//! article, so the reader's own memory and speed can be measured apart
//! from the database's.
//!
//!     cargo run --release --example warc-scan -- /tmp/cc-news.warc.gz

use std::process::ExitCode;

use quotetrack::article::warc::{self, Entry};
use quotetrack::article::{self, Format, Meta};

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: warc-scan FILE.warc[.gz]");
        return ExitCode::FAILURE;
    };
    let records = match warc::open(std::path::Path::new(&path)) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("cannot open {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (mut pages, mut articles, mut words, mut other, mut broken) = (0, 0, 0, 0, 0);
    for entry in records {
        match entry {
            Entry::Page(page) => {
                pages += 1;
                let bytes = warc::page_bytes(&page);
                let read = article::read(&bytes, Format::Html, &Meta::default(), "page");
                for a in read.articles.into_iter().flatten() {
                    articles += 1;
                    words += a.text.split_whitespace().count();
                }
            }
            Entry::Broken(why) => {
                broken += 1;
                eprintln!("{why}");
            }
            _ => other += 1,
        }
    }
    println!(
        "{pages} pages, {articles} articles ({words} words), {other} other records, {broken} broken"
    );
    ExitCode::SUCCESS
}
