//! The `quotetrack` command line: a thin layer over the library, one file per
//! subcommand under `src/cli/`.

mod cli;

fn main() {
    std::process::exit(cli::run());
}
