//! `quotetrack export`: stored quotes as a file for a spreadsheet, a
//! notebook or a script.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use clap::{Args, ValueEnum};

use quotetrack::export::{
    export_rows, quotebank_records, speaker_qids, write_csv, write_json, write_jsonl,
    write_quotebank,
};

use super::filters::FilterArgs;
use super::open_existing;

#[derive(Args, Debug)]
#[command(after_help = "Examples:
  quotetrack export --output quotes.csv
  quotetrack export --speaker kerry --since 2015-09-01 --output kerry.csv
  quotetrack export --format jsonl --outlet \"CBC\" > cbc.jsonl
  quotetrack export --format quotebank --output statements.jsonl
  quotetrack export --kind all --output quotes-and-claims.csv

CSV columns: quote_id, speaker, speaker_kind, quote, kind (direct, partial,
continuation, or indirect for a claim), outlet, published, article_title,
article_url, article_path, start, end, cue, found_by, confidence,
statement_id, context (the sentence around the quote). start and end are UTF-8 byte
offsets into the article text. A CSV cell that begins with =, +, - or @
(which a spreadsheet would run as a formula) is written with a leading
apostrophe; jsonl and json carry every text exactly as stored.

--format quotebank writes one line per statement in the shape of Quotebank
(quoteID, quotation, speaker, qids, date, numOccurrences, urls).")]
pub struct ExportArgs {
    #[command(flatten)]
    pub filter: FilterArgs,

    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Csv)]
    pub format: Format,

    /// Write to this file instead of standard output. It is replaced only
    /// once the export is complete.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Comma-separated values (RFC 4180, UTF-8) with a header row, safe to
    /// open in a spreadsheet.
    Csv,
    /// One JSON object per quote, per line, with the CSV's columns as keys.
    Jsonl,
    /// One JSON array of every quote.
    Json,
    /// One JSON object per statement, per line, as in Quotebank.
    Quotebank,
}

pub fn run(args: ExportArgs, db: &Path) -> Result<i32> {
    if let Some(output) = &args.output {
        refuse_to_overwrite_the_database(output, db)?;
    }
    let store = open_existing(db)?;
    let rows = export_rows(&store, &args.filter.to_filter())?;
    if rows.is_empty() {
        // An empty result is an answer, not a failure; the file is still
        // written (a CSV header, `[]`) so a pipeline sees a valid export.
        eprintln!("quotetrack: {}", args.filter.why_empty(&store)?);
    }
    let output = args.output.as_deref();
    match args.format {
        Format::Csv => emit(output, |mut out| write_csv(&mut out, &rows))?,
        Format::Jsonl => emit(output, |mut out| write_jsonl(&mut out, &rows))?,
        Format::Json => emit(output, |mut out| write_json(&mut out, &rows))?,
        Format::Quotebank => {
            let records = quotebank_records(&rows, &speaker_qids(store.conn())?);
            emit(output, |mut out| write_quotebank(&mut out, &records))?;
            report(output, records.len(), "statement");
            return Ok(0);
        }
    }
    report(output, rows.len(), "quote");
    Ok(0)
}

/// Say where the export went when it went to a file.
fn report(output: Option<&Path>, n: usize, unit: &str) {
    if let Some(path) = output {
        let s = if n == 1 { "" } else { "s" };
        eprintln!("quotetrack: wrote {n} {unit}{s} to {}", path.display());
    }
}

/// Run `write` on standard output, or on `path` through a temporary file
/// beside it that replaces `path` only when everything was written, so a
/// failed export never leaves half a file where the last good one was.
fn emit(path: Option<&Path>, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let Some(path) = path else {
        let stdout = io::stdout();
        let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
        write(&mut out)?;
        out.flush()?;
        return Ok(());
    };
    let name = path
        .file_name()
        .with_context(|| format!("--output {} is not a file name", path.display()))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".quotetrack-{}.tmp", std::process::id()));
    let tmp = path.with_file_name(tmp_name);
    let result = (|| -> Result<()> {
        let file = File::create(&tmp).with_context(|| {
            format!(
                "cannot write {}; check the folder exists and is writable",
                path.display()
            )
        })?;
        let mut out = BufWriter::with_capacity(1 << 16, file);
        write(&mut out)?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        fs::rename(&tmp, path).with_context(|| format!("cannot replace {}", path.display()))?;
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// `--output quotetrack.db` by a slip of the keyboard would destroy every
/// stored quote.
fn refuse_to_overwrite_the_database(output: &Path, db: &Path) -> Result<()> {
    let (Ok(out), Ok(db_real)) = (fs::canonicalize(output), fs::canonicalize(db)) else {
        return Ok(());
    };
    let db_name = db_real.as_os_str().to_os_string();
    let same = out == db_real
        || ["-wal", "-shm"].iter().any(|suffix| {
            let mut side = db_name.clone();
            side.push(suffix);
            out == Path::new(&side)
        });
    if same {
        bail!(
            "--output {} is the quote database itself; choose another file name",
            output.display()
        );
    }
    Ok(())
}
