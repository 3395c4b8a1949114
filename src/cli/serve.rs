//! `quotetrack serve`: browse the database in a web page.

use std::io::Write;
use std::net::{IpAddr, SocketAddr};
use std::path::Path;

use anyhow::Result;
use clap::Args;

use std::sync::Arc;

use quotetrack::serve::{self, Config, EditFn};

#[derive(Args, Debug)]
#[command(after_help = "Examples:
  quotetrack serve
  quotetrack --db news.db serve --port 8080
  quotetrack serve --port 0          (any free port; the address is printed)

Pages: / (search quotes by words, speaker, outlet, dates), /statements/ID (one
remark across outlets: every rendition by date, its differences from the
fullest wording, flags with their evidence), /speakers and /speakers/ID,
/quotes/ID, /articles and /articles/ID, /outlets. Each list downloads as CSV
or JSON (the writers of `quotetrack export`); /api gives the records as JSON.

The database is opened read-only. With --allow-edits the speaker pages also
offer merge, split and alias (by POST, with a token made for each run),
written to <db>.speakers.csv as `quotetrack speakers` writes them.

The server listens on 127.0.0.1 unless --host says otherwise: it has no
login, so only choose another address on a network you trust.")]
pub struct ServeArgs {
    /// Port to listen on; 0 picks a free one.
    #[arg(long, short, value_name = "N", default_value_t = 8080)]
    pub port: u16,

    /// Address to listen on.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    pub host: IpAddr,

    /// Offer speaker corrections (merge, split, alias) on the speaker
    /// pages, saved to the corrections file beside the database as
    /// `quotetrack speakers` saves them. Off by default: read-only.
    #[arg(long)]
    pub allow_edits: bool,
}

pub fn run(args: ServeArgs, db: &Path) -> Result<i32> {
    if !db.exists() {
        anyhow::bail!(
            "there is no database at {}; store articles first with `quotetrack ingest FILE...`, point to yours with --db PATH, or try `quotetrack demo --serve`",
            db.display()
        );
    }
    start(db, args.host, args.port, "/", args.allow_edits)?;
    Ok(0)
}

/// Serve `db` and print where, with `page` as the address to open.
pub fn start(db: &Path, host: IpAddr, port: u16, page: &str, allow_edits: bool) -> Result<()> {
    let config = Config {
        db: db.to_path_buf(),
        edits: allow_edits.then(|| Arc::new(super::speakers::apply_edit) as EditFn),
    };
    serve::serve(&config, SocketAddr::new(host, port), |addr| {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(
            out,
            "quotetrack: serving {} at http://{addr}{page}",
            db.display()
        );
        let _ = writeln!(out, "quotetrack: press Ctrl-C to stop");
        let _ = out.flush();
    })
}
