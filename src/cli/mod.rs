//! Command-line definitions. Each subcommand lives in its own file with its
//! own usage text and a `run` function; this file only dispatches.

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

pub mod completions;
pub mod demo;
pub mod export;
pub mod extract;
pub mod filters;
pub mod ingest;
pub mod man;
pub mod quotes;
pub mod safe;
pub mod serve;
pub mod show;
pub mod speakers;
pub mod table;
pub mod trace;

/// Find direct quotes in news articles, who said them, and how one statement
/// travelled across outlets.
#[derive(Parser, Debug)]
#[command(name = "quotetrack", version, about, long_about = None)]
#[command(
    after_help = "Examples:\n  quotetrack extract article.txt\n  quotetrack extract --format jsonl articles/ > quotes.jsonl\n  cat article.txt | quotetrack extract -\n  quotetrack ingest --outlet \"CBC News\" --date 2015-09-18 story.txt\n  quotetrack ingest --feed https://www.example.com/rss.xml\n  quotetrack quotes --speaker kerry\n  quotetrack show 12\n  quotetrack speakers show kerry\n  quotetrack trace avoid misunderstandings\n  quotetrack export --speaker kerry --output kerry.csv\n  quotetrack serve\n  quotetrack demo"
)]
pub struct Cli {
    /// Folder of word lists replacing the built-in ones (speech_verbs.txt,
    /// titles.txt, ..., and confidence.txt for the confidence of each way a
    /// speaker is found); see grammar/ in the source tree.
    #[arg(long, global = true, env = "QUOTETRACK_GRAMMAR", value_name = "DIR")]
    pub grammar: Option<std::path::PathBuf>,

    /// The quote database [default: ./quotetrack.db]. Created on first use.
    #[arg(long, global = true, env = "QUOTETRACK_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Print the quotes of articles without storing them.
    Extract(extract::ExtractArgs),
    /// Store articles (text, HTML, JSON Lines, web archives) and their quotes in the database.
    Ingest(ingest::IngestArgs),
    /// List stored quotes, filtered by speaker, outlet, date or words.
    Quotes(quotes::QuotesArgs),
    /// Show one stored quote in its paragraph, with where it ran.
    Show(show::ShowArgs),
    /// List speakers, show one, and merge, split or alias them.
    Speakers(speakers::SpeakersArgs),
    /// Follow one statement across outlets: every rendition, how it differs
    /// from the fullest, who had it first, who attributed it to someone else.
    Trace(trace::TraceArgs),
    /// Ingest a built-in corpus (one story, several outlets) and show what
    /// quotetrack finds in it.
    Demo(demo::DemoArgs),
    /// Write stored quotes as CSV, JSON Lines, JSON or Quotebank-style JSON
    /// Lines, with the filters of `quotes`.
    Export(export::ExportArgs),
    /// Browse the database in a web page: search, speakers, statements
    /// across outlets, articles (read-only, on 127.0.0.1).
    Serve(serve::ServeArgs),
    /// Print a tab-completion script for a shell.
    Completions(completions::CompletionsArgs),
    /// Print the manual page, generated from these definitions.
    Man(man::ManArgs),
}

/// The database the user chose, or `./quotetrack.db`.
pub fn db_path(chosen: Option<&Path>) -> PathBuf {
    chosen.map_or_else(|| PathBuf::from("quotetrack.db"), Path::to_path_buf)
}

/// Open a database that must already exist (see
/// [`quotetrack::store::Store::open_existing`]).
pub fn open_existing(db: &Path) -> anyhow::Result<quotetrack::store::Store> {
    quotetrack::store::Store::open_existing(db)
}

/// Output cut short by a closed pipe (`quotetrack quotes | head`) is what
/// the reader asked for, not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause.downcast_ref::<serde_json::Error>().and_then(|e| e.io_error_kind())
                == Some(std::io::ErrorKind::BrokenPipe)
            || cause.downcast_ref::<csv::Error>().is_some_and(
                |e| matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe),
            )
    })
}

/// Parse the command line, run the subcommand, and turn its result into an
/// exit status. Errors are printed with what to do about them.
pub fn run() -> i32 {
    let cli = Cli::parse();
    let lexicon = match &cli.grammar {
        None => quotetrack::Lexicon::builtin().clone(),
        Some(dir) => match quotetrack::Lexicon::with_overrides(dir) {
            Ok(lex) => lex,
            Err(err) => {
                eprintln!(
                    "quotetrack: cannot read word lists in {}: {err}",
                    dir.display()
                );
                return 2;
            }
        },
    };
    let result = match cli.command {
        Command::Extract(args) => extract::run(args, &lexicon),
        Command::Ingest(args) => ingest::run(args, &db_path(cli.db.as_deref()), &lexicon),
        Command::Quotes(args) => quotes::run(args, &db_path(cli.db.as_deref())),
        Command::Show(args) => show::run(args, &db_path(cli.db.as_deref())),
        Command::Speakers(args) => speakers::run(args, &db_path(cli.db.as_deref())),
        Command::Trace(args) => trace::run(args, &db_path(cli.db.as_deref())),
        Command::Demo(args) => demo::run(args, cli.db.as_deref(), &lexicon),
        Command::Export(args) => export::run(args, &db_path(cli.db.as_deref())),
        Command::Serve(args) => serve::run(args, &db_path(cli.db.as_deref())),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => man::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => 0,
        Err(err) => {
            eprintln!("quotetrack: {}", safe::text(&format!("{err:#}")));
            1
        }
    }
}
