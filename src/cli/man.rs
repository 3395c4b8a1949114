//! `quotetrack man`: manual pages generated from the same definitions as
//! `--help`.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::{Context, Result, bail};
use clap::{Args, CommandFactory};

#[derive(Args, Debug)]
#[command(after_help = "Examples:
  quotetrack man > quotetrack.1 && man ./quotetrack.1
  quotetrack man export | man -l -
  quotetrack man --dir /usr/local/share/man/man1     (every page: quotetrack.1, quotetrack-export.1, ...)")]
pub struct ManArgs {
    /// Print the page of this subcommand (quotetrack-COMMAND(1)) instead of
    /// the main page.
    #[arg(value_name = "COMMAND", conflicts_with = "dir")]
    pub command: Option<String>,

    /// Write the main page and one page per subcommand into this folder.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

pub fn run(args: ManArgs) -> Result<i32> {
    let mut cmd = super::Cli::command().disable_help_subcommand(true);
    cmd.build();
    if let Some(dir) = &args.dir {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the folder {}", dir.display()))?;
        clap_mangen::generate_to(cmd, dir)
            .with_context(|| format!("cannot write manual pages in {}", dir.display()))?;
        eprintln!("quotetrack: wrote manual pages to {}", dir.display());
        return Ok(0);
    }
    let page = match &args.command {
        None => cmd,
        Some(name) => match cmd.find_subcommand(name) {
            Some(sub) => sub.clone(),
            None => {
                let names: Vec<&str> = cmd.get_subcommands().map(|s| s.get_name()).collect();
                bail!(
                    "there is no subcommand {name:?}; pages exist for: {}",
                    names.join(", ")
                );
            }
        },
    };
    let mut out = io::stdout().lock();
    clap_mangen::Man::new(page).render(&mut out)?;
    out.flush()?;
    Ok(0)
}
