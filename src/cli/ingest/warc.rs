//! Web archives in `ingest`: each `.warc` / `.warc.gz` input becomes a
//! stream of pages fed into the same chunks as files, so an archive of any
//! size is read one record at a time and memory stays flat.

use quotetrack::article::warc::{self, Entry, FileRecords, Page};
use quotetrack::article::{self, Format, Meta};

use super::Input;

/// One unit of work in a chunk: an input read as a whole, or one page of
/// an archive.
pub(super) enum Unit<'a> {
    Input(&'a Input),
    Page { archive: String, page: Page },
}

/// What the archives held besides pages, counted for the summary.
#[derive(Default, Debug, Clone, Copy)]
pub(super) struct Tally {
    pub archives: usize,
    pub pages: usize,
    pub not_html: usize,
    pub status: usize,
    pub other: usize,
}

impl Tally {
    pub fn add(&mut self, other: Tally) {
        self.archives += other.archives;
        self.pages += other.pages;
        self.not_html += other.not_html;
        self.status += other.status;
        self.other += other.other;
    }

    /// The summary's line about archives, when there were any.
    pub fn line(&self) -> Option<String> {
        (self.archives > 0).then(|| {
            format!(
                "Web archives: {} HTML {} read from {} {}; passed over {} {} not HTML, {} with an HTTP status other than 200, and {} other {} (requests, metadata, warcinfo).",
                self.pages,
                plural(self.pages, "page", "pages"),
                self.archives,
                plural(self.archives, "archive", "archives"),
                self.not_html,
                plural(self.not_html, "response", "responses"),
                self.status,
                self.other,
                plural(self.other, "record", "records"),
            )
        })
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// The next chunk of work: up to `size` units, and what was counted or
/// skipped while gathering them.
#[derive(Default)]
pub(super) struct Batch<'a> {
    pub units: Vec<Unit<'a>>,
    /// Inputs finished with this batch (for the progress bar).
    pub files: usize,
    pub tally: Tally,
    /// (source, why) for archive records that could not be read.
    pub skipped: Vec<(String, String)>,
}

/// Inputs in order, archives opened and read record by record as the
/// batches are asked for.
pub(super) struct Work<'a> {
    inputs: std::slice::Iter<'a, Input>,
    open: Option<(String, FileRecords)>,
}

impl<'a> Work<'a> {
    pub fn new(inputs: &'a [Input]) -> Work<'a> {
        Work {
            inputs: inputs.iter(),
            open: None,
        }
    }

    pub fn batch(&mut self, size: usize) -> Batch<'a> {
        let mut batch = Batch::default();
        while batch.units.len() < size {
            if let Some((name, records)) = &mut self.open {
                match records.next() {
                    Some(Entry::Page(page)) => {
                        batch.tally.pages += 1;
                        batch.units.push(Unit::Page {
                            archive: name.clone(),
                            page,
                        });
                    }
                    Some(Entry::NotHtml) => batch.tally.not_html += 1,
                    Some(Entry::Status(_)) => batch.tally.status += 1,
                    Some(Entry::Other) => batch.tally.other += 1,
                    Some(Entry::Broken(why)) => batch.skipped.push((name.clone(), why)),
                    None => {
                        self.open = None;
                        batch.files += 1;
                    }
                }
                continue;
            }
            let Some(input) = self.inputs.next() else {
                break;
            };
            match input {
                Input::File(path) if warc::is_warc_file(path) => {
                    let name = path.display().to_string();
                    batch.tally.archives += 1;
                    match warc::open(path) {
                        Ok(records) => self.open = Some((name, records)),
                        Err(err) => {
                            batch
                                .skipped
                                .push((name, format!("cannot read this archive: {err}")));
                            batch.files += 1;
                        }
                    }
                }
                _ => {
                    batch.units.push(Unit::Input(input));
                    batch.files += 1;
                }
            }
        }
        batch
    }
}

/// One archive page read as an HTML article: the page's own metadata
/// first, then the record's address and date, then the user's fill.
pub(super) fn read_page(archive: &str, page: &Page, fill: &Meta) -> article::Read {
    let source = page
        .uri
        .clone()
        .unwrap_or_else(|| format!("{archive} at byte {}", page.offset));
    let record = Meta {
        url: page.uri.clone(),
        date: page.date.clone(),
        ..Meta::default()
    }
    .or(fill);
    let bytes = warc::page_bytes(page);
    let mut read = article::read(&bytes, Format::Html, &record, &source);
    for result in &mut read.articles {
        if let Err(err) = result {
            *err = anyhow::anyhow!("{err:#} (in {archive})");
        }
    }
    read
}
