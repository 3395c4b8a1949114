//! `quotetrack quotes`: list stored quotes.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::Result;
use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use quotetrack::article::parse_date;
use quotetrack::store::{QuoteFilter, QuoteRow};

use super::extract::shorten;
use super::open_existing;

#[derive(Args, Debug)]
#[command(after_help = "Examples:
  quotetrack quotes --speaker kerry
  quotetrack quotes --outlet \"CBC\" --since 2015-09-01 --until \"30 September 2015\"
  quotetrack quotes --search \"avoid misunderstandings\" --format jsonl
  quotetrack quotes --limit 20 --format csv > quotes.csv

Quotes come in publication order. Each jsonl record has id, speaker, text,
outlet, date (YYYY-MM-DD), article (its id), start and end (byte offsets into
the article text), and more; `quotetrack show ID` prints one in its paragraph.")]
pub struct QuotesArgs {
    /// Only quotes by speakers whose name contains this, in any case
    /// (`kerry` finds John Kerry).
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,

    /// Only quotes from outlets whose name contains this, in any case.
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,

    /// Only quotes published on or after this date.
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    pub since: Option<NaiveDate>,

    /// Only quotes published on or before this date.
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    pub until: Option<NaiveDate>,

    /// Only quotes containing all these words (full-text search; word
    /// endings are ignored, so `miscalculation` finds `miscalculations`).
    #[arg(long, value_name = "WORDS", allow_hyphen_values = true)]
    pub search: Option<String>,

    /// Print at most this many quotes.
    #[arg(long, short = 'n', value_name = "N")]
    pub limit: Option<usize>,

    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns for reading: id, date, outlet, speaker, quote.
    Table,
    /// One JSON object per quote, per line.
    Jsonl,
    /// One JSON array of every quote.
    Json,
    /// Comma-separated values with a header row.
    Csv,
}

/// Dates on the command line take the same forms as dates in articles.
pub fn date_arg(s: &str) -> Result<NaiveDate, String> {
    parse_date(s).map_err(|e| e.to_string())
}

pub fn run(args: QuotesArgs, db: &Path) -> Result<i32> {
    let store = open_existing(db)?;
    let filter = QuoteFilter {
        speaker: args.speaker.clone(),
        outlet: args.outlet.clone(),
        since: args.since,
        until: args.until,
        search: args.search.clone(),
        limit: args.limit,
    };
    let rows = store.quotes(&filter)?;
    if rows.is_empty() {
        // Say which filter came up empty when it is a name: the likeliest
        // mistake is a misspelt speaker or outlet.
        let why = match (&args.speaker, &args.outlet) {
            (Some(name), _) if store.speakers_named(name)?.is_empty() => {
                format!("no speaker's name contains {name:?}")
            }
            (_, Some(name)) if store.outlets_named(name)?.is_empty() => {
                format!("no outlet's name contains {name:?}")
            }
            _ => "no quotes match".to_string(),
        };
        eprintln!("quotetrack: {why}.");
        // An empty result is an answer, not a failure.
        if args.format == Format::Json {
            println!("[]");
        }
        return Ok(0);
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    write_rows(&mut out, &rows, args.format)?;
    out.flush()?;
    Ok(0)
}

pub fn write_rows(out: &mut impl Write, rows: &[QuoteRow], format: Format) -> Result<()> {
    match format {
        Format::Table => write_table(out, rows)?,
        Format::Jsonl => {
            for row in rows {
                serde_json::to_writer(&mut *out, row)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, rows)?;
            out.write_all(b"\n")?;
        }
        Format::Csv => {
            let mut csv = csv::Writer::from_writer(out);
            for row in rows {
                csv.serialize(row)?;
            }
            csv.flush()?;
        }
    }
    Ok(())
}

/// Columns for reading on a terminal; long quotes and names are cut with an
/// ellipsis (the other formats carry the full text).
pub fn write_table(out: &mut impl Write, rows: &[QuoteRow]) -> io::Result<()> {
    writeln!(
        out,
        "{:>5}  {:<10}  {:<20}  {:<22}  QUOTE",
        "ID", "DATE", "OUTLET", "SPEAKER"
    )?;
    for row in rows {
        writeln!(
            out,
            "{:>5}  {:<10}  {:<20}  {:<22}  {}",
            row.id,
            row.date.as_deref().unwrap_or("-"),
            shorten(row.outlet.as_deref().unwrap_or("-"), 20),
            shorten(row.speaker.as_deref().unwrap_or("(unknown)"), 22),
            shorten(&row.text, 90)
        )?;
    }
    Ok(())
}
