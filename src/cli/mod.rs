//! Command-line definitions. Each subcommand lives in its own file with its
//! own usage text and a `run` function; this file only dispatches.

use clap::{Parser, Subcommand};

pub mod extract;

/// Find direct quotes in news articles, who said them, and how one statement
/// travelled across outlets.
#[derive(Parser, Debug)]
#[command(name = "quotetrack", version, about, long_about = None)]
#[command(after_help = "Examples:\n  quotetrack extract article.txt\n  quotetrack extract --format jsonl articles/ > quotes.jsonl\n  cat article.txt | quotetrack extract -")]
pub struct Cli {
    /// Folder of word lists replacing the built-in ones (speech_verbs.txt,
    /// titles.txt, ...); see grammar/ in the source tree.
    #[arg(long, global = true, env = "QUOTETRACK_GRAMMAR", value_name = "DIR")]
    pub grammar: Option<std::path::PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    Extract(extract::ExtractArgs),
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
                eprintln!("quotetrack: cannot read word lists in {}: {err}", dir.display());
                return 2;
            }
        },
    };
    let result = match cli.command {
        Command::Extract(args) => extract::run(args, &lexicon),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("quotetrack: {err:#}");
            1
        }
    }
}
