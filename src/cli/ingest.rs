//! `quotetrack ingest`: read articles, extract their quotes, store both.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use quotetrack::article::{self, Article, Format, Meta, parse_date};
use quotetrack::claims::Kinds;
use quotetrack::store::{Outcome, Store};
use quotetrack::{Extractor, Lexicon, Quote};

mod warc;
use warc::{Unit, Work};

#[derive(Args, Debug)]
#[command(after_help = "Examples:
  quotetrack ingest --outlet \"CBC News\" --date 2015-09-18 story.txt
  quotetrack ingest articles/            (every .txt .md .html .htm .jsonl inside)
  quotetrack ingest CC-NEWS-2019.warc.gz (the HTML pages of a web archive)
  quotetrack ingest --replace articles/  (extract again after upgrading quotetrack)

Text files may start with front matter between two `---` lines:
  outlet: CBC News / date: 18 September 2015 / title: ... / url: ... / author: ...
HTML pages: the article body is found and navigation, share bars, related
links and comments are left out; title, outlet and date are read from the page.
JSON Lines: one object per line with \"text\" or \"html\" and the same fields.
Web archives (.warc, .warc.gz): each HTML response with status 200 is read
as an HTML page, its record's address and date filling what the page lacks;
other records are counted and passed over.

Claims in reported speech (no quotation marks: `the official said the call
was ...`) are stored too, as kind `indirect`; `quotes --kind indirect` lists
them and `trace` shows them beside the statements they share words with.

An article whose text is already stored is not stored again. The exit status
is 1 when any file or line was skipped; the summary says which and why.")]
pub struct IngestArgs {
    /// Article files or folders (searched recursively); `-` reads standard input.
    #[arg(value_name = "PATH", required = true)]
    pub paths: Vec<PathBuf>,

    /// Outlet for articles that do not name their own.
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,

    /// Publication date for articles that do not give one (2015-09-18,
    /// "18 September 2015", "Sept. 18, 2015", RFC 3339 or RFC 2822).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,

    /// Title for articles that do not give one.
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,

    /// URL for articles that do not give one.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,

    /// Author for articles that do not name one.
    #[arg(long, value_name = "NAME")]
    pub author: Option<String>,

    /// Extract the quotes of articles already stored again, replacing the
    /// old ones (after upgrading quotetrack or changing word lists).
    #[arg(long)]
    pub replace: bool,

    /// Store quotes only, not claims in reported speech (`Kerry said Russia
    /// was ...`, kind `indirect`): a quarter faster on political news.
    #[arg(long)]
    pub no_claims: bool,
}

/// Files read and extracted in parallel, then stored in one transaction:
/// big enough that commits are rare, small enough that memory stays flat
/// and an interrupted ingest keeps most of its work.
const CHUNK: usize = 256;

/// The first chunk is small: the writer has nothing to do until it is
/// extracted (256 PolNeAR files take 0.07-0.09 s wall to extract on the
/// loaded 2 cores, a tenth of ingesting all 840).
const FIRST_CHUNK: usize = 32;

/// The fewest new quotes after which an ingest works out speakers' identity
/// again before its end.
const ASSIGN_EVERY: usize = 50_000;

/// Lines of detail shown per kind of problem; the rest are counted.
const SHOWN: usize = 20;

pub fn run(args: IngestArgs, db: &Path, lexicon: &Lexicon) -> Result<i32> {
    // A bad --date would otherwise be reported once per article.
    if let Some(date) = &args.date {
        parse_date(date).map_err(|e| anyhow::anyhow!("--date: {e}"))?;
    }
    let fill = Meta {
        outlet: args.outlet.clone(),
        date: args.date.clone(),
        title: args.title.clone(),
        url: args.url.clone(),
        author: args.author.clone(),
    };
    let mut summary = Summary::default();
    let inputs = collect_inputs(&args.paths, &mut summary);
    let mut store = Store::open(db)?;
    // A corrections file the user broke stops the ingest before anything
    // is stored, with its line number.
    store.corrections()?;
    let extractor = Extractor::new(lexicon);
    let progress = progress_bar(inputs.len());
    // Working out who is who reads every quote, so it runs when the quotes
    // stored since it last ran are as many as there were then (and at the
    // end): a few times per ingest whatever its size, not once per chunk.
    // Re-extraction keeps doing it per chunk, since it deletes speakers.
    let mut unassigned = 0usize;
    let mut assigned = (store.counts()?.1 + store.claim_count()?) as usize;
    let kinds = if args.no_claims {
        Kinds::QUOTES
    } else {
        Kinds::ALL
    };
    std::thread::scope(|scope| -> Result<()> {
        // Files are read and extracted (on all cores) one chunk ahead of
        // the chunk being stored, so the database writer never waits; the
        // channel holds one chunk, so memory stays flat however many files
        // there are.
        // A web archive's pages are units of their own, read from the
        // archive one record at a time as the chunks are gathered.
        let (send, chunks) = std::sync::mpsc::sync_channel::<(warc::Batch, ReadChunk)>(1);
        let (extractor, fill, inputs, kinds) = (&extractor, &fill, &inputs, kinds);
        scope.spawn(move || {
            let mut work = Work::new(inputs);
            let mut size = FIRST_CHUNK;
            loop {
                let mut batch = work.batch(size);
                if batch.units.is_empty() && batch.files == 0 {
                    break;
                }
                size = CHUNK;
                let read = extract_chunk(&batch.units, fill, extractor, kinds);
                batch.units.clear();
                if send.send((batch, read)).is_err() {
                    break;
                }
            }
        });
        for (batch, (warnings, read)) in chunks {
            let files = batch.files;
            summary.archives.add(batch.tally);
            summary.skipped.extend(batch.skipped);
            if summary.archives.pages > 0 {
                progress.set_message(format!("{} archive pages", summary.archives.pages));
            }
            summary.warned.extend(warnings);
            let mut items = Vec::with_capacity(read.len());
            for (source, result) in read {
                match result {
                    Ok(item) => items.push(item),
                    Err(err) => summary.skipped.push((source, format!("{err:#}"))),
                }
            }
            let outcomes = if args.replace {
                store.add_articles(&items, true)?
            } else {
                store.add_articles_unassigned(&items, false)?
            };
            for ((article, _), outcome) in items.iter().zip(outcomes) {
                if let Ok(Outcome::Added { quotes, claims, .. }) = &outcome {
                    unassigned += quotes + claims;
                }
                summary.record(article, outcome);
            }
            if unassigned > assigned.max(ASSIGN_EVERY) {
                store.assign_speakers()?;
                assigned += unassigned;
                unassigned = 0;
            }
            progress.inc(files as u64);
        }
        Ok(())
    })?;
    if !args.replace {
        store.assign_speakers()?;
    }
    progress.finish_and_clear();
    summary.print(&store, db)?;
    store.close_for_exit();
    Ok(if summary.skipped.is_empty() { 0 } else { 1 })
}

/// Read and extract one chunk of inputs in parallel, in input order.
/// Warnings about the chunk's inputs (source, what), and each article with
/// its quotes or why it could not be read.
type ReadChunk = (Vec<(String, String)>, Vec<(String, Extracted)>);

fn extract_chunk(
    chunk: &[Unit],
    fill: &Meta,
    extractor: &Extractor<'_>,
    kinds: Kinds,
) -> ReadChunk {
    let (warnings, read): (Vec<_>, Vec<_>) = chunk
        .par_iter()
        .map(|unit| match unit {
            Unit::Input(input) => read_input(input, fill),
            Unit::Page { archive, page } => {
                named(archive.clone(), warc::read_page(archive, page, fill))
            }
        })
        .collect::<Vec<_>>()
        .into_iter()
        .unzip();
    // Articles, not files, are spread over the cores: one JSON Lines file
    // can hold thousands.
    let extracted = read
        .into_par_iter()
        .flatten()
        .map(|(source, article)| {
            let extracted = article.map(|a| {
                let quotes = extractor.extract_kinds(&a.text, kinds);
                (a, quotes)
            });
            (source, extracted)
        })
        .collect();
    (warnings.into_iter().flatten().collect(), extracted)
}

/// An article with the quotes found in it, or why it could not be read.
type Extracted = Result<(Article, Vec<Quote>)>;

/// Where one input's bytes come from.
enum Input {
    File(PathBuf),
    Stdin,
}

/// Expand folders into their article files, sorted so runs are repeatable.
/// A path that does not exist is a skipped input, not the end of the run.
fn collect_inputs(paths: &[PathBuf], summary: &mut Summary) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            let mut files = Vec::new();
            if let Err(err) = walk(path, &mut files) {
                summary.skipped.push((
                    path.display().to_string(),
                    format!("cannot read this folder: {err}"),
                ));
            }
            files.sort();
            inputs.extend(files.into_iter().map(Input::File));
        } else if path.exists() {
            inputs.push(Input::File(path.clone()));
        } else {
            summary
                .skipped
                .push((path.display().to_string(), "no such file or folder".into()));
        }
    }
    inputs
}

/// Files in a folder with an extension we read; images, notes and the like
/// are passed over silently (naming such a file directly still reads it).
fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, files)?;
        } else if Format::from_path(&path).is_some() || article::warc::is_warc_path(&path) {
            files.push(path);
        }
    }
    Ok(())
}

/// Warnings about one input, and every article in it, each named by where
/// it came from.
type ReadInput = (Vec<(String, String)>, Vec<(String, Result<Article>)>);

fn read_input(input: &Input, fill: &Meta) -> ReadInput {
    let (source, read) = match input {
        Input::File(path) => (path.display().to_string(), article::read_file(path, fill)),
        Input::Stdin => {
            let mut bytes = Vec::new();
            let read = match std::io::stdin()
                .read_to_end(&mut bytes)
                .context("cannot read standard input")
            {
                Ok(_) if bytes.starts_with(b"WARC/") => article::Read {
                    articles: vec![Err(anyhow::anyhow!(
                        "a web archive on standard input; give the archive's path instead"
                    ))],
                    warnings: Vec::new(),
                },
                Ok(_) => article::read(&bytes, Format::sniff(&bytes), fill, "-"),
                Err(err) => article::Read {
                    articles: vec![Err(err)],
                    warnings: Vec::new(),
                },
            };
            ("-".to_string(), read)
        }
    };
    named(source, read)
}

/// An input's warnings and articles, each named by where it came from.
fn named(source: String, read: article::Read) -> ReadInput {
    let warnings = read
        .warnings
        .into_iter()
        .map(|w| (source.clone(), w))
        .collect();
    let articles = read
        .articles
        .into_iter()
        .map(|result| match result {
            Ok(article) => (article.source.clone(), Ok(article)),
            Err(err) => (source.clone(), Err(err)),
        })
        .collect();
    (warnings, articles)
}

/// A bar on a terminal; nothing at all when stderr is a file or a pipe, so
/// logs and tests stay clean.
fn progress_bar(files: usize) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(files as u64);
    if let Ok(style) = ProgressStyle::with_template(
        "{bar:40} {pos}/{len} files {msg} {elapsed_precise} (eta {eta})",
    ) {
        bar.set_style(style);
    }
    bar
}

#[derive(Default)]
struct Summary {
    added: usize,
    added_quotes: usize,
    added_claims: usize,
    replaced: usize,
    replaced_quotes: usize,
    replaced_claims: usize,
    unchanged: usize,
    /// (source, why) for inputs that were not stored.
    skipped: Vec<(String, String)>,
    /// (source, why) for articles stored without a date.
    undated: Vec<(String, String)>,
    /// (source, what) for inputs read with a guess, such as their encoding.
    warned: Vec<(String, String)>,
    /// What web archives held besides their pages.
    archives: warc::Tally,
}

impl Summary {
    fn record(&mut self, article: &Article, outcome: Result<Outcome>) {
        let stored = match outcome {
            Ok(Outcome::Added { quotes, claims, .. }) => {
                self.added += 1;
                self.added_quotes += quotes;
                self.added_claims += claims;
                true
            }
            Ok(Outcome::Replaced { quotes, claims, .. }) => {
                self.replaced += 1;
                self.replaced_quotes += quotes;
                self.replaced_claims += claims;
                true
            }
            Ok(Outcome::Unchanged { .. }) => {
                self.unchanged += 1;
                false
            }
            Err(err) => {
                self.skipped
                    .push((article.source.clone(), format!("{err:#}")));
                false
            }
        };
        // Reported once, when stored: a re-run that changes nothing has
        // nothing new to say about it.
        if let Some(why) = article.date_problem().filter(|_| stored) {
            self.undated.push((article.source.clone(), why));
        }
    }

    fn print(&self, store: &Store, db: &Path) -> Result<()> {
        println!(
            "Stored {} new {} with {} {}{} in {}.",
            self.added,
            plural(self.added, "article", "articles"),
            self.added_quotes,
            plural(self.added_quotes, "quote", "quotes"),
            claims_part(self.added_claims),
            super::safe::line(&db.display().to_string())
        );
        if self.replaced > 0 {
            println!(
                "Extracted {} stored {} again: {} {}{}.",
                self.replaced,
                plural(self.replaced, "article", "articles"),
                self.replaced_quotes,
                plural(self.replaced_quotes, "quote", "quotes"),
                claims_part(self.replaced_claims)
            );
        }
        if self.unchanged > 0 {
            println!(
                "Already stored, left as they were: {} (use --replace to extract them again).",
                self.unchanged
            );
        }
        if let Some(line) = self.archives.line() {
            println!("{line}");
        }
        list("Read with a warning", &self.warned);
        list("Stored without a date", &self.undated);
        list("Skipped", &self.skipped);
        let (articles, quotes) = store.counts()?;
        println!(
            "The database now holds {articles} {} and {quotes} {}{}.",
            plural(articles as usize, "article", "articles"),
            plural(quotes as usize, "quote", "quotes"),
            claims_part(store.claim_count()? as usize)
        );
        Ok(())
    }
}

fn list(heading: &str, items: &[(String, String)]) {
    if items.is_empty() {
        return;
    }
    println!("{heading}: {}", items.len());
    for (source, why) in items.iter().take(SHOWN) {
        println!(
            "  {}: {}",
            super::safe::line(source),
            super::safe::line(why)
        );
    }
    if items.len() > SHOWN {
        println!("  ... and {} more", items.len() - SHOWN);
    }
}

/// " (N claims in reported speech)" when there are any, so a quotes-only
/// ingest reads as it always did.
fn claims_part(claims: usize) -> String {
    if claims == 0 {
        String::new()
    } else {
        format!(
            " ({claims} {} in reported speech)",
            plural(claims, "claim", "claims")
        )
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}
