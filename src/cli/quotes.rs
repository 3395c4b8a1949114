//! `quotetrack quotes`: list stored quotes.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::Result;
use clap::{Args, ValueEnum};

use quotetrack::export::spreadsheet_safe;
use quotetrack::store::QuoteRow;

use super::filters::FilterArgs;
use super::open_existing;

#[derive(Args, Debug)]
#[command(after_help = "Examples:
  quotetrack quotes --speaker kerry
  quotetrack quotes --outlet \"CBC\" --since 2015-09-01 --until \"30 September 2015\"
  quotetrack quotes --search \"avoid misunderstandings\" --format jsonl
  quotetrack quotes --limit 20 --format csv > quotes.csv
  quotetrack quotes --speaker trump --min-confidence 0.9

Quotes come in publication order. Each jsonl record has id, speaker, text,
outlet, date (YYYY-MM-DD), article (its id), start and end (byte offsets into
the article text), kind, found_by (how the speaker was found: explicit,
pronoun, role, continuation, subject, headline, layout or unresolved) and
confidence (how often a speaker found that way is right, 0 to 1), and more;
`quotetrack show ID` prints one in its paragraph.")]
pub struct QuotesArgs {
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned columns for reading: id, date, outlet, speaker, confidence,
    /// quote.
    Table,
    /// One JSON object per quote, per line.
    Jsonl,
    /// One JSON array of every quote.
    Json,
    /// Comma-separated values with a header row; a cell that a spreadsheet
    /// would run as a formula starts with an apostrophe. For the documented
    /// columns with each quote's sentence, use `quotetrack export`.
    Csv,
}

pub fn run(args: QuotesArgs, db: &Path) -> Result<i32> {
    let store = open_existing(db)?;
    let rows = store.quotes(&args.filter.to_filter())?;
    if rows.is_empty() {
        let why = args.filter.why_empty(&store)?;
        eprintln!("quotetrack: {why}");
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
                csv.serialize(spreadsheet_safe_row(row))?;
            }
            csv.flush()?;
        }
    }
    Ok(())
}

/// The row with every text cell made safe to open in a spreadsheet (see
/// [`spreadsheet_safe`]).
fn spreadsheet_safe_row(row: &QuoteRow) -> QuoteRow {
    let safe = |s: &Option<String>| s.as_deref().map(|s| spreadsheet_safe(s).into_owned());
    QuoteRow {
        speaker: safe(&row.speaker),
        text: spreadsheet_safe(&row.text).into_owned(),
        outlet: safe(&row.outlet),
        speaker_kind: safe(&row.speaker_kind),
        speaker_as_written: safe(&row.speaker_as_written),
        found_by: safe(&row.found_by),
        cue: safe(&row.cue),
        title: safe(&row.title),
        url: safe(&row.url),
        path: safe(&row.path),
        ..row.clone()
    }
}

/// Columns for reading, fitted to the terminal's width with long quotes
/// wrapped; see [`super::table`].
pub fn write_table(out: &mut impl Write, rows: &[QuoteRow]) -> io::Result<()> {
    super::table::write_quotes(out, rows, super::table::width())
}
