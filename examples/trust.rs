//! How right quotetrack is on real news: ingest a labelled split into a
//! temporary database the way `quotetrack ingest` does, then measure it
//! against the hand labels in `tests/trust/`.
//!
//!     cargo run --release --example trust -- ../shared/eval/polnear/train [--verbose] [--db PATH]
//!
//! `--verbose` lists the joined pairs and flags no label covers (ready to
//! be read and labelled) and speaker names not found; `--db PATH` keeps the
//! database there instead of a temporary one.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use quotetrack::Lexicon;
use quotetrack::evaluate::{self, Report};
use quotetrack::store::Store;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<()> {
    let mut split = None;
    let mut verbose = false;
    let mut keep = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--verbose" | "-v" => verbose = true,
            "--db" => keep = Some(PathBuf::from(args.next().context("--db needs a path")?)),
            _ if arg.starts_with('-') => bail!("unknown option {arg}"),
            _ => split = Some(PathBuf::from(arg)),
        }
    }
    let Some(split) = split else {
        bail!(
            "usage: trust SPLIT_DIR [--verbose] [--db PATH]  (e.g. ../shared/eval/polnear/train)"
        );
    };
    let labels = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/trust");
    let statement_pairs = evaluate::read_statement_pairs(&labels.join("statement_pairs.tsv"))?;
    let speaker_pairs = evaluate::read_speaker_pairs(&labels.join("speaker_pairs.tsv"))?;
    let temp = tempfile::tempdir()?;
    let db = keep.unwrap_or_else(|| temp.path().join("trust.db"));
    if db.exists() {
        bail!("{} exists; give a new path to --db", db.display());
    }
    let mut store = Store::open(&db)?;
    let articles = evaluate::ingest_split(&split, &mut store, Lexicon::builtin())?;
    let (stored, quotes) = store.counts()?;
    println!("{articles} articles read, {stored} stored, {quotes} quotes");
    let report = evaluate::measure(store.conn(), &statement_pairs, &speaker_pairs)?;
    print!("{report}");
    println!("\nBy outlet (pairs with a side from it):");
    for (outlet, c) in &report.by_outlet {
        println!(
            "  {outlet:<24} precision {:.3}  recall {:.3}  ({} right, {} wrong, {} missed)",
            c.precision(),
            c.recall(),
            c.right,
            c.wrong,
            c.missed
        );
    }
    if verbose {
        print_verbose(&report);
    }
    Ok(())
}

fn print_verbose(report: &Report) {
    println!("\nJoined pairs not labelled (doc_a start_a end_a doc_b start_b end_b):");
    for pair in &report.unlabelled_joins {
        println!("{pair}");
    }
    println!("\nother_speaker flags on no labelled pair (doc start end speaker):");
    for flag in &report.unjudged_flags {
        println!("{flag}");
    }
    println!("\nEvery other_speaker flag (verdict, doc start end, speaker, majority):");
    for (verdict, flag) in &report.flag_verdicts {
        println!("{verdict}\t{flag}");
    }
    println!("\nSpeaker pairs identity got wrong (verdict, name (doc) / name (doc)):");
    for (verdict, pair) in &report.identity_errors {
        println!("{verdict}\t{pair}");
    }
    println!("\nSpeaker names not found in their doc:");
    for name in &report.names_not_found {
        println!("{name}");
    }
}
