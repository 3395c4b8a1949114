//! `quotetrack ingest`: read articles, extract their quotes, store both.

use std::collections::HashMap;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use quotetrack::article::outlets::Outlets;
use quotetrack::article::{self, Article, DateSource, Format, Meta, parse_date};
use quotetrack::claims::Kinds;
use quotetrack::fetch;
use quotetrack::store::{Outcome, Store};
use quotetrack::{Extractor, Lexicon, Quote};

mod extracted;
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

Web pages:
  quotetrack ingest https://www.example.com/2016/03/04/harbour-vote
  quotetrack ingest --urls links.txt      (one URL a line, or a CSV with a url column)
  quotetrack ingest --feed https://www.example.com/rss.xml --feed saved-atom.xml
  quotetrack ingest --host-delay 5 --urls links.txt   (gentler on each site)

Fetching is polite: robots.txt is honoured, one request per second per host
(--host-delay; a robots.txt Crawl-delay that asks for more wins), 4 hosts at a
time (--fetch-threads), retries after HTTP 429 and 5xx honouring Retry-After
(--retries, --max-retry-wait), 30 s per request (--timeout), 10 s for a
server that stalls (--stall-timeout), pages up to 20 MB (--max-size), 10
redirects (--max-redirects). The User-Agent names quotetrack and its version.
A URL already stored (asked for or named canonical by its page) is not
fetched again unless --replace; so a feed ingested again fetches only its
new items. A feed item's date and title are used when the page has none.

Dates: a date before 1990 or after tomorrow is a placeholder and is not
stored (with a warning); of several dates the published one wins over a
date in the URL, which wins over the modified one. `show` says which.
Outlets: a page that names no site gets its outlet from its domain through
grammar/outlets.csv; add lines (domain,name) in a file given with --outlets
or QUOTETRACK_OUTLETS.

Quotes extracted elsewhere (on a cluster, or by `extract --input jsonl`):
  quotetrack extract --input jsonl --kind all articles.jsonl > quotes.jsonl
  quotetrack ingest --extracted quotes.jsonl --articles articles.jsonl

An article whose text is already stored is not stored again. The exit status
is 1 when any file, line or URL was skipped; the summary says which and why.")]
pub struct IngestArgs {
    /// Article files or folders (searched recursively), web pages
    /// (http:// or https:// addresses); `-` reads standard input.
    #[arg(value_name = "PATH|URL", required_unless_present_any = ["urls", "feed", "extracted"])]
    pub paths: Vec<PathBuf>,

    /// A list of web pages to fetch: one URL per line, or a CSV with a
    /// `url` column. May be given more than once.
    #[arg(long, value_name = "FILE", help_heading = "Fetching")]
    pub urls: Vec<PathBuf>,

    /// An RSS or Atom feed (URL or file): every item's page is fetched.
    /// May be given more than once.
    #[arg(long, value_name = "URL|FILE", help_heading = "Fetching")]
    pub feed: Vec<String>,

    /// Seconds between two requests to one host (a robots.txt Crawl-delay
    /// that asks for more is honoured).
    #[arg(
        long,
        value_name = "SECS",
        default_value_t = 1.0,
        help_heading = "Fetching"
    )]
    pub host_delay: f64,

    /// Hosts fetched at the same time.
    #[arg(long, value_name = "N", default_value_t = 4, help_heading = "Fetching")]
    pub fetch_threads: usize,

    /// Seconds one request may take in all, body included.
    #[arg(
        long,
        value_name = "SECS",
        default_value_t = 30.0,
        help_heading = "Fetching"
    )]
    pub timeout: f64,

    /// Seconds to wait for a server to connect or send more data before
    /// giving up on it.
    #[arg(
        long,
        value_name = "SECS",
        default_value_t = 10.0,
        help_heading = "Fetching"
    )]
    pub stall_timeout: f64,

    /// Largest page read, in megabytes (after decompression).
    #[arg(
        long,
        value_name = "MB",
        default_value_t = 20.0,
        help_heading = "Fetching"
    )]
    pub max_size: f64,

    /// Redirects followed before a page is given up.
    #[arg(
        long,
        value_name = "N",
        default_value_t = 10,
        help_heading = "Fetching"
    )]
    pub max_redirects: usize,

    /// Further tries after HTTP 429 or 5xx, or a failed connection.
    #[arg(long, value_name = "N", default_value_t = 3, help_heading = "Fetching")]
    pub retries: u32,

    /// Longest wait, in seconds, before a retry, whatever Retry-After asks.
    #[arg(
        long,
        value_name = "SECS",
        default_value_t = 60.0,
        help_heading = "Fetching"
    )]
    pub max_retry_wait: f64,

    /// Outlet for articles that do not name their own and whose web
    /// domain is not in the outlets list (--outlets).
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

    /// More `domain,name` lines for naming outlets by their web domain, on
    /// top of the shipped grammar/outlets.csv (see README).
    #[arg(long, value_name = "FILE", env = "QUOTETRACK_OUTLETS")]
    pub outlets: Option<PathBuf>,

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

    /// Quote records extracted elsewhere (`quotetrack extract --input jsonl
    /// --kind all`, or the Spark stage in examples/spark/), stored with the
    /// articles of --articles instead of extracting again: each record's
    /// `doc` is its article's `id` (or `url`). Statements and speakers are
    /// linked as by any ingest.
    #[arg(long, value_name = "QUOTES.jsonl", requires = "articles", conflicts_with_all = ["paths", "urls", "feed"], help_heading = "Quotes extracted elsewhere")]
    pub extracted: Option<PathBuf>,

    /// The JSON Lines articles the --extracted quotes were extracted from.
    #[arg(
        long,
        value_name = "ARTICLES.jsonl",
        requires = "extracted",
        help_heading = "Quotes extracted elsewhere"
    )]
    pub articles: Option<PathBuf>,
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
    // The outlet is filled after reading: a page that names no site takes
    // its outlet from its domain (grammar/outlets.csv) before --outlet.
    let outlets = Fill {
        outlets: Outlets::with_user_file(args.outlets.as_deref())?,
        outlet: args.outlet.clone(),
    };
    let fill = Meta {
        outlet: None,
        date: args.date.clone(),
        title: args.title.clone(),
        url: args.url.clone(),
        author: args.author.clone(),
        ..Meta::default()
    };
    if let Some(quotes) = &args.extracted {
        return extracted::run(&args, quotes, db, &fill, &outlets);
    }
    let mut summary = Summary::default();
    let (url_args, paths): (Vec<&PathBuf>, Vec<&PathBuf>) = args
        .paths
        .iter()
        .partition(|p| p.to_str().is_some_and(fetch::urls::looks_like_url));
    let inputs = collect_inputs(&paths, &mut summary);
    let mut store = Store::open(db)?;
    // A corrections file the user broke stops the ingest before anything
    // is stored, with its line number.
    store.corrections()?;
    let fetcher = fetch::Fetcher::new(fetch_options(&args)?);
    let web = web_inputs(&args, &url_args, &fill, &fetcher, &store, &mut summary)?;
    let extractor = Extractor::new(lexicon);
    let progress = progress_bar(
        inputs.len() + web.urls.len(),
        match (inputs.is_empty(), web.urls.is_empty()) {
            (_, true) => "files",
            (true, false) => "pages",
            (false, false) => "files and pages",
        },
    );
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
    let fetched = std::thread::scope(|scope| -> Result<Fetched> {
        // Files are read and extracted (on all cores) one chunk ahead of
        // the chunk being stored, so the database writer never waits; the
        // channel holds one chunk, so memory stays flat however many files
        // there are. A web archive's pages are units of their own, read
        // from the archive one record at a time as the chunks are gathered;
        // web pages follow the files, stored in chunks as they arrive.
        let (send, chunks) = std::sync::mpsc::sync_channel::<(warc::Batch, ReadChunk)>(1);
        let (extractor, fill, inputs, kinds) = (&extractor, (&fill, &outlets), &inputs, kinds);
        let (web, fetcher, bar) = (&web, &fetcher, &progress);
        let producer = scope.spawn(move || {
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
                    return Fetched::default();
                }
            }
            fetch_pages(web, fetcher, fill, extractor, kinds, &send, bar)
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
        Ok(producer.join().unwrap_or_default())
    })?;
    if !args.replace {
        store.assign_speakers()?;
    }
    progress.finish_and_clear();
    summary.fetched = fetched;
    summary.print(&store, db)?;
    store.close_for_exit();
    Ok(if summary.skipped.is_empty() { 0 } else { 1 })
}

/// The fetcher's settings from the command line.
fn fetch_options(args: &IngestArgs) -> Result<fetch::Options> {
    let secs = |name: &str, v: f64| -> Result<Duration> {
        Duration::try_from_secs_f64(v)
            .map_err(|_| anyhow::anyhow!("{name} must be a number of seconds, 0 or more"))
    };
    if !(args.max_size > 0.0 && args.max_size.is_finite()) {
        anyhow::bail!("--max-size must be a number of megabytes above 0");
    }
    Ok(fetch::Options {
        timeout: secs("--timeout", args.timeout)?,
        connect_timeout: secs("--stall-timeout", args.stall_timeout)?,
        read_timeout: secs("--stall-timeout", args.stall_timeout)?,
        max_bytes: (args.max_size * 1024.0 * 1024.0) as u64,
        max_redirects: args.max_redirects,
        host_delay: secs("--host-delay", args.host_delay)?,
        retries: args.retries,
        max_retry_wait: secs("--max-retry-wait", args.max_retry_wait)?,
        threads: args.fetch_threads.max(1),
        ..fetch::Options::default()
    })
}

/// The web pages to fetch, each with what fills what its page lacks.
#[derive(Default)]
struct Web {
    urls: Vec<String>,
    /// What a feed said of its items: their date and title.
    items: HashMap<String, Meta>,
}

/// URLs named on the command line, in --urls lists and in --feed feeds,
/// less those already stored (unless --replace). Bad URLs, unreadable
/// lists and broken feeds are reported as skipped.
fn web_inputs(
    args: &IngestArgs,
    url_args: &[&PathBuf],
    fill: &Meta,
    fetcher: &fetch::Fetcher,
    store: &Store,
    summary: &mut Summary,
) -> Result<Web> {
    let mut web = Web::default();
    for arg in url_args {
        let arg = arg.to_string_lossy();
        match fetch::urls::check_url(&arg) {
            Ok(url) => web.urls.push(url),
            Err(err) => summary.skipped.push((arg.into_owned(), format!("{err:#}"))),
        }
    }
    for list in &args.urls {
        let name = list.display().to_string();
        let read = std::fs::read(list)
            .with_context(|| format!("cannot read the URL list {name}"))
            .and_then(|bytes| {
                let (text, _) = article::decode_text(&bytes)?;
                fetch::urls::read_list(&text, &name)
            });
        match read {
            Ok((urls, bad)) => {
                web.urls.extend(urls);
                summary.skipped.extend(bad);
            }
            Err(err) => summary.skipped.push((name, format!("{err:#}"))),
        }
    }
    for feed in &args.feed {
        match read_feed(feed, fetcher) {
            Ok((items, unusable)) => {
                if unusable > 0 {
                    summary.warned.push((
                        feed.clone(),
                        format!("{unusable} items with no link to fetch were passed over"),
                    ));
                }
                for item in items {
                    let mut more_dates = fill.more_dates.clone();
                    more_dates.extend(fill.date.clone().map(|d| (DateSource::Given, d)));
                    let item_fill = Meta {
                        date: item.date.clone(),
                        date_source: Some(DateSource::Feed),
                        title: item.title.clone().or_else(|| fill.title.clone()),
                        more_dates,
                        ..fill.clone()
                    };
                    web.items.entry(item.link.clone()).or_insert(item_fill);
                    web.urls.push(item.link);
                }
            }
            Err(err) => summary.skipped.push((feed.clone(), format!("{err:#}"))),
        }
    }
    let mut seen = std::collections::HashSet::new();
    web.urls.retain(|u| seen.insert(u.clone()));
    if !args.replace {
        let before = web.urls.len();
        let mut kept = Vec::with_capacity(before);
        for url in std::mem::take(&mut web.urls) {
            if !store.has_url(&url)? {
                kept.push(url);
            }
        }
        web.urls = kept;
        summary.not_refetched = before - web.urls.len();
    }
    Ok(web)
}

/// A feed's items, from the web or a file.
fn read_feed(feed: &str, fetcher: &fetch::Fetcher) -> Result<(Vec<fetch::feed::Item>, usize)> {
    if fetch::urls::looks_like_url(feed) {
        let url = fetch::urls::check_url(feed)?;
        let page = fetcher
            .get(&url)
            .with_context(|| "cannot fetch the feed".to_string())?;
        fetch::feed::parse(&page.body, Some(&page.final_url))
    } else {
        let bytes =
            std::fs::read(feed).with_context(|| format!("cannot read the feed file {feed}"))?;
        fetch::feed::parse(&bytes, None)
    }
}

/// Pages fetched (whatever became of them) and how long fetching took.
#[derive(Default)]
struct Fetched {
    pages: usize,
    failed: usize,
    elapsed: Duration,
}

/// Pages fetched before they are read and extracted together: on a fast
/// site a chunk at a time, on a slow one whatever came in the last
/// [`WEB_FLUSH`].
const WEB_CHUNK: usize = 64;
const WEB_FLUSH: Duration = Duration::from_secs(3);
/// ... or as soon as they hold this many bytes, so a run of large pages
/// does not pile up in memory.
const WEB_BYTES: usize = 64 * 1024 * 1024;

/// Fetch the web pages and hand them to the writer in chunks, read and
/// extracted as files are.
fn fetch_pages(
    web: &Web,
    fetcher: &fetch::Fetcher,
    fill: (&Meta, &Fill),
    extractor: &Extractor<'_>,
    kinds: Kinds,
    send: &std::sync::mpsc::SyncSender<(warc::Batch, ReadChunk)>,
    progress: &ProgressBar,
) -> Fetched {
    let mut fetched = Fetched::default();
    if web.urls.is_empty() {
        return fetched;
    }
    let started = Instant::now();
    let mut buffer: Vec<(String, Result<fetch::Page>)> = Vec::new();
    let mut oldest = Instant::now();
    let mut bytes = 0usize;
    let mut open = true;
    let flush = |buffer: &mut Vec<(String, Result<fetch::Page>)>| -> bool {
        let pages = std::mem::take(buffer);
        let read = extract_pages(pages, web, fill, extractor, kinds);
        // Pages were counted on the bar as they arrived.
        // Web pages count on the progress bar as they arrive, not as files.
        send.send((warc::Batch::default(), read)).is_ok()
    };
    fetch::fetch_all(fetcher, &web.urls, |url, result| {
        fetched.pages += 1;
        progress.inc(1);
        fetched.failed += usize::from(result.is_err());
        if buffer.is_empty() {
            oldest = Instant::now();
        }
        bytes += result.as_ref().map_or(0, |p| p.body.len());
        buffer.push((url.to_string(), result));
        if buffer.len() >= WEB_CHUNK || bytes >= WEB_BYTES || oldest.elapsed() >= WEB_FLUSH {
            bytes = 0;
            // The writer stopped (the database failed): fetch no more.
            open = flush(&mut buffer);
        }
        open
    });
    if open && !buffer.is_empty() {
        flush(&mut buffer);
    }
    fetched.elapsed = started.elapsed();
    fetched
}

/// Fetched pages as articles with their quotes, in parallel; a page that
/// could not be fetched is an error named by its URL.
fn extract_pages(
    pages: Vec<(String, Result<fetch::Page>)>,
    web: &Web,
    (fill, outlets): (&Meta, &Fill),
    extractor: &Extractor<'_>,
    kinds: Kinds,
) -> ReadChunk {
    let (warnings, read): (Vec<_>, Vec<_>) = pages
        .into_par_iter()
        .map(|(url, result)| {
            let page = match result {
                Ok(page) => page,
                Err(err) => return (Vec::new(), vec![(url, Err(err))]),
            };
            let fill = web.items.get(&url).unwrap_or(fill);
            let read = fetch::page_article(&page, fill);
            let warnings: Vec<_> = read
                .warnings
                .into_iter()
                .map(|w| (url.clone(), w))
                .collect();
            let articles = read
                .articles
                .into_iter()
                .map(|article| {
                    let extracted = article.map(|mut a| {
                        outlets.fill(&mut a);
                        let quotes = extractor.extract_kinds(&a.full_text(), kinds);
                        (a, quotes)
                    });
                    (url.clone(), extracted)
                })
                .collect::<Vec<_>>();
            (warnings, articles)
        })
        .unzip();
    (
        warnings.into_iter().flatten().collect(),
        read.into_iter().flatten().collect(),
    )
}

/// Read and extract one chunk of inputs in parallel, in input order.
/// Warnings about the chunk's inputs (source, what), and each article with
/// its quotes or why it could not be read.
type ReadChunk = (Vec<(String, String)>, Vec<(String, Extracted)>);

fn extract_chunk(
    chunk: &[Unit],
    fill: (&Meta, &Fill),
    extractor: &Extractor<'_>,
    kinds: Kinds,
) -> ReadChunk {
    let (warnings, read): (Vec<_>, Vec<_>) = chunk
        .par_iter()
        .map(|unit| match unit {
            Unit::Input(input) => read_input(input, fill),
            Unit::Page { archive, page } => named(
                archive.clone(),
                warc::read_page(archive, page, fill.0),
                fill.1,
            ),
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
                let quotes = extractor.extract_kinds(&a.full_text(), kinds);
                (a, quotes)
            });
            (source, extracted)
        })
        .collect();
    (warnings.into_iter().flatten().collect(), extracted)
}

/// An article with the quotes found in it, or why it could not be read.
type Extracted = Result<(Article, Vec<Quote>)>;

/// What fills an article's outlet when it names none: the outlet of its
/// address's domain, else `--outlet`.
struct Fill {
    outlets: Outlets,
    outlet: Option<String>,
}

impl Fill {
    fn fill(&self, article: &mut Article) {
        if article.outlet.is_some() {
            return;
        }
        article.outlet = [&article.url, &article.canonical_url]
            .into_iter()
            .flatten()
            .find_map(|url| self.outlets.name_for(url))
            .map(str::to_string)
            .or_else(|| self.outlet.clone());
    }
}

/// Where one input's bytes come from.
enum Input {
    File(PathBuf),
    Stdin,
}

/// Expand folders into their article files, sorted so runs are repeatable.
/// A path that does not exist is a skipped input, not the end of the run.
fn collect_inputs(paths: &[&PathBuf], summary: &mut Summary) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            let mut files = Vec::new();
            if let Err(err) = walk(path, &mut files, &mut summary.passed_over) {
                summary.skipped.push((
                    path.display().to_string(),
                    format!("cannot read this folder: {err}"),
                ));
            }
            files.sort();
            inputs.extend(files.into_iter().map(Input::File));
        } else if path.exists() {
            inputs.push(Input::File(path.to_path_buf()));
        } else {
            summary
                .skipped
                .push((path.display().to_string(), "no such file or folder".into()));
        }
    }
    inputs
}

/// Files in a folder with an extension we read (gzipped ones too:
/// `.html.gz`); images, notes and the like are passed over, and counted by
/// extension for the summary (naming such a file directly still reads it).
fn walk(dir: &Path, files: &mut Vec<PathBuf>, passed: &mut PassedOver) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, files, passed)?;
        } else if Format::from_path(&path).is_some() || article::warc::is_warc_path(&path) {
            files.push(path);
        } else {
            passed.add(&path);
        }
    }
    Ok(())
}

/// Files found in folders that are not articles, by extension.
#[derive(Default)]
struct PassedOver {
    files: usize,
    by_extension: HashMap<String, usize>,
}

impl PassedOver {
    /// Extensions shown in the summary line; the rest are "...".
    const SHOWN: usize = 5;

    fn add(&mut self, path: &Path) {
        self.files += 1;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        // `.tar.gz` says more than `.gz`; a dot file has no extension.
        let ext = match name.trim_start_matches('.').split_once('.') {
            Some((_, rest)) if rest.ends_with(".gz") && rest.len() <= 12 => format!(".{rest}"),
            _ => path
                .extension()
                .map(|e| format!(".{}", e.to_string_lossy().to_ascii_lowercase()))
                .unwrap_or_else(|| "no extension".into()),
        };
        *self.by_extension.entry(ext).or_default() += 1;
    }

    /// "Passed over 3 files that are not articles (.pdf, .png)." when any
    /// were, the most common extensions first.
    fn line(&self) -> Option<String> {
        if self.files == 0 {
            return None;
        }
        let mut exts: Vec<(&String, &usize)> = self.by_extension.iter().collect();
        exts.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let mut shown: Vec<String> = exts
            .iter()
            .take(Self::SHOWN)
            .map(|(e, _)| super::safe::line(e).into_owned())
            .collect();
        if exts.len() > Self::SHOWN {
            shown.push("...".into());
        }
        Some(format!(
            "Passed over {} {} in the folders given that {} not articles ({}); name a file to read it anyway.",
            self.files,
            plural(self.files, "file", "files"),
            plural(self.files, "is", "are"),
            shown.join(", ")
        ))
    }
}

/// Warnings about one input, and every article in it, each named by where
/// it came from.
type ReadInput = (Vec<(String, String)>, Vec<(String, Result<Article>)>);

fn read_input(input: &Input, (fill, outlets): (&Meta, &Fill)) -> ReadInput {
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
                Ok(_) => match article::gunzip(bytes, article::MAX_GUNZIPPED) {
                    Ok(bytes) => article::read(&bytes, Format::sniff(&bytes), fill, "-"),
                    Err(err) => article::Read {
                        articles: vec![Err(err)],
                        warnings: Vec::new(),
                    },
                },
                Err(err) => article::Read {
                    articles: vec![Err(err)],
                    warnings: Vec::new(),
                },
            };
            ("-".to_string(), read)
        }
    };
    named(source, read, outlets)
}

/// An input's warnings and articles, each named by where it came from,
/// with the outlet of its web domain when it names none.
fn named(source: String, read: article::Read, outlets: &Fill) -> ReadInput {
    let warnings = read
        .warnings
        .into_iter()
        .map(|w| (source.clone(), w))
        .collect();
    let articles = read
        .articles
        .into_iter()
        .map(|result| match result {
            Ok(mut article) => {
                outlets.fill(&mut article);
                (article.source.clone(), Ok(article))
            }
            Err(err) => (source.clone(), Err(err)),
        })
        .collect();
    (warnings, articles)
}

/// A bar on a terminal; nothing at all when stderr is a file or a pipe, so
/// logs and tests stay clean.
fn progress_bar(files: usize, what: &'static str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(files as u64);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}  {elapsed_precise} (eta {eta})")
    {
        bar.set_style(style);
    }
    bar.set_message(what);
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
    /// URLs not fetched because an article from them is stored.
    not_refetched: usize,
    fetched: Fetched,
    /// What web archives held besides their pages.
    archives: warc::Tally,
    /// Files in folders that are not articles.
    passed_over: PassedOver,
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
        } else if stored && let Some(source) = article.date_source {
            for placeholder in &article.placeholder_dates {
                self.warned.push((
                    article.source.clone(),
                    format!(
                        "{placeholder}; used the {} date {} instead",
                        source.as_str(),
                        article.published_raw.as_deref().unwrap_or("")
                    ),
                ));
            }
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
        if self.fetched.pages > 0 {
            let secs = self.fetched.elapsed.as_secs_f64();
            println!(
                "Web pages: {} in {:.1} s ({:.1} a second); {} could not be fetched{}.",
                self.fetched.pages,
                secs,
                self.fetched.pages as f64 / secs.max(0.001),
                self.fetched.failed,
                if self.fetched.failed > 0 {
                    " (listed under Skipped)"
                } else {
                    ""
                }
            );
        }
        if self.not_refetched > 0 {
            println!(
                "Already stored, not fetched again: {} {} (use --replace to fetch them again).",
                self.not_refetched,
                plural(self.not_refetched, "URL", "URLs")
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
        if let Some(line) = self.passed_over.line() {
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
