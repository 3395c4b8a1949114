//! `quotetrack completions SHELL`: tab completion for the shell, generated
//! from the same definitions as `--help`, so it never falls behind.

use std::io;

use anyhow::Result;
use clap::{Args, CommandFactory};
use clap_complete::Shell;

#[derive(Args, Debug)]
#[command(after_help = "Examples:
  quotetrack completions bash > ~/.local/share/bash-completion/completions/quotetrack
  quotetrack completions zsh > ~/.zfunc/_quotetrack     (with fpath+=~/.zfunc in .zshrc)
  quotetrack completions fish > ~/.config/fish/completions/quotetrack.fish
  quotetrack completions powershell >> $PROFILE")]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: Shell,
}

pub fn run(args: CompletionsArgs) -> Result<i32> {
    let mut cmd = super::Cli::command();
    clap_complete::generate(args.shell, &mut cmd, "quotetrack", &mut io::stdout());
    Ok(0)
}
