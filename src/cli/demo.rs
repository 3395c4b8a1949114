//! `quotetrack demo`: ingest a small built-in corpus and show what the tool
//! answers, so a new user sees the point before finding articles of their
//! own.
//!
//! The corpus (examples/demo/) is one invented story, a flood barrier
//! delayed in the fictional city of Port Merrow, told by six fictional
//! outlets. The mayor's remark is reported in full, cut down, reworded,
//! with British spelling, with a bracketed `(and)`, with an ellipsis, and
//! once attributed to the wrong man: every way a quote travels.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use anyhow::{Result, bail};
use clap::Args;

use quotetrack::article::{self, Format, Meta};
use quotetrack::store::{QuoteFilter, Store};
use quotetrack::track;
use quotetrack::{Extractor, Lexicon};

use super::quotes::write_table;
use super::trace;

#[derive(Args, Debug)]
#[command(
    after_help = "Without --db the demo works in memory and leaves nothing behind. With
--db PATH the database is kept, so you can go on with
  quotetrack --db PATH quotes --speaker brandt
  quotetrack --db PATH show 1

With --serve the demo corpus is browsed in a web page instead (kept in
--db PATH, or a file in the system's temporary folder), and the address of
the mayor's statement across outlets is printed."
)]
pub struct DemoArgs {
    /// Serve the demo database as web pages (see `quotetrack serve`) and
    /// print the address of the demo statement's page.
    #[arg(long)]
    pub serve: bool,

    /// With --serve: the port to listen on; 0 picks a free one.
    #[arg(long, value_name = "N", default_value_t = 8080, requires = "serve")]
    pub port: u16,

    /// With --serve: the address to listen on.
    #[arg(
        long,
        value_name = "ADDR",
        default_value = "127.0.0.1",
        requires = "serve"
    )]
    pub host: std::net::IpAddr,
}

/// The corpus, compiled in so the demo works from an installed binary.
const CORPUS: &[(&str, &str)] = &[
    (
        "examples/demo/01-coastline-press.txt",
        include_str!("../../examples/demo/01-coastline-press.txt"),
    ),
    (
        "examples/demo/02-merrow-gazette.txt",
        include_str!("../../examples/demo/02-merrow-gazette.txt"),
    ),
    (
        "examples/demo/03-northern-broadcast.txt",
        include_str!("../../examples/demo/03-northern-broadcast.txt"),
    ),
    (
        "examples/demo/04-merrow-valley-radio.txt",
        include_str!("../../examples/demo/04-merrow-valley-radio.txt"),
    ),
    (
        "examples/demo/05-daily-ledger.txt",
        include_str!("../../examples/demo/05-daily-ledger.txt"),
    ),
    (
        "examples/demo/06-coastal-times.txt",
        include_str!("../../examples/demo/06-coastal-times.txt"),
    ),
];

/// Words of the mayor's remark that every rendition keeps.
const STATEMENT: &str = "gamble safety families";
/// The speaker whose quotes the demo lists.
const SPEAKER: &str = "Brandt";

pub fn run(args: DemoArgs, db: Option<&Path>, lexicon: &Lexicon) -> Result<i32> {
    if args.serve {
        return serve(&args, db, lexicon);
    }
    let mut store = match db {
        Some(path) => Store::open(path)?,
        None => Store::open_in_memory()?,
    };
    let (articles, quotes) = ingest_corpus(&mut store, lexicon)?;
    let stdout = io::stdout();
    let mut out = stdout.lock();
    writeln!(
        out,
        "Ingested {articles} articles about one story from {} outlets; {quotes} quotes found.\n",
        CORPUS.len()
    )?;
    trace_statement(&mut out, &store, STATEMENT)?;
    writeln!(out)?;
    speaker_quotes(&mut out, &store, SPEAKER)?;
    writeln!(out)?;
    match db {
        Some(path) => writeln!(
            out,
            "The database is kept at {0}. Try:\n  quotetrack --db {0} quotes --search \"inspection\"\n  quotetrack --db {0} trace gamble with the safety --format jsonl\n  quotetrack --db {0} show 2",
            path.display()
        )?,
        None => writeln!(
            out,
            "This ran in memory. Keep the database to explore it: quotetrack demo --db demo.db"
        )?,
    }
    Ok(0)
}

/// `demo --serve`: store the corpus in a file (the server opens it
/// read-only, once per request being answered) and serve it, pointing at
/// the demo statement's page.
fn serve(args: &DemoArgs, db: Option<&Path>, lexicon: &Lexicon) -> Result<i32> {
    let path = match db {
        Some(path) => path.to_path_buf(),
        None => std::env::temp_dir().join(format!("quotetrack-demo-{}.db", std::process::id())),
    };
    let statement = {
        let mut store = Store::open(&path)?;
        ingest_corpus(&mut store, lexicon)?;
        track::find_statements(store.conn(), STATEMENT, 1)?
            .first()
            .copied()
    };
    let page = statement.map_or_else(|| "/".to_string(), |id| format!("/statements/{id}"));
    eprintln!(
        "quotetrack: the demo corpus is in {}; open the address below for the mayor's remark across six outlets",
        path.display()
    );
    super::serve::start(&path, args.host, args.port, &page, false)?;
    Ok(0)
}

/// Read, extract and store the corpus. Returns articles stored (or already
/// there, when --db points at an earlier run) and the quotes in them.
fn ingest_corpus(store: &mut Store, lexicon: &Lexicon) -> Result<(usize, usize)> {
    let extractor = Extractor::new(lexicon);
    let mut items = Vec::new();
    for (name, text) in CORPUS {
        for article in article::read_bytes(text.as_bytes(), Format::Text, &Meta::default(), name) {
            let article = article?;
            let quotes = extractor.extract(&article.text);
            items.push((article, quotes));
        }
    }
    let outcomes = store.add_articles(&items, false)?;
    for outcome in &outcomes {
        if let Err(err) = outcome {
            bail!("the demo corpus could not be stored: {err:#}");
        }
    }
    Ok((items.len(), items.iter().map(|(_, q)| q.len()).sum()))
}

/// How one statement was reported across outlets: `quotetrack trace` on
/// words of the mayor's remark, showing every relation and flag.
fn trace_statement(out: &mut impl Write, store: &Store, words: &str) -> Result<()> {
    writeln!(
        out,
        "One statement across outlets (quotetrack trace {words}):\n"
    )?;
    let ids = track::find_statements(store.conn(), words, 1)?;
    if ids.is_empty() {
        writeln!(out, "  (none found)")?;
        return Ok(());
    }
    let colour = io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    for id in ids {
        trace::write_table(out, &track::trace(store.conn(), id)?, colour)?;
    }
    writeln!(
        out,
        "\nRelations: same (equal after case, punctuation, spelling and brackets), partial (a\nfragment), elided (cut behind an ellipsis), altered (words changed, added or\ndropped). Flags: first, other_speaker (credited to someone else), altered,\nomission (middle words gone with no ellipsis). The mayor's other remark about\n\"the safety of families\" is a statement of its own:"
    )?;
    let other = track::find_statements(store.conn(), "reason this city built", 1)?;
    for id in other {
        let s = track::trace(store.conn(), id)?;
        let outlets: Vec<&str> = s
            .renditions
            .iter()
            .filter_map(|r| r.outlet.as_deref())
            .collect();
        writeln!(
            out,
            "  statement {}, {} renditions ({}): \"{}\"",
            s.statement,
            s.renditions.len(),
            outlets.join(", "),
            s.reference().map_or("", |r| r.text.as_str())
        )?;
    }
    Ok(())
}

/// Everything one speaker was quoted saying, in every outlet.
fn speaker_quotes(out: &mut impl Write, store: &Store, name: &str) -> Result<()> {
    writeln!(out, "Quotes of {name}:")?;
    let rows = store.quotes(&QuoteFilter {
        speaker: Some(name.to_string()),
        ..QuoteFilter::default()
    })?;
    if rows.is_empty() {
        writeln!(out, "  (none found)")?;
        return Ok(());
    }
    write_table(out, &rows)?;
    Ok(())
}
