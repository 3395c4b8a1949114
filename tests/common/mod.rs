//! The scratch folder and database most CLI tests work in. Each test file
//! adds the helpers of its own in an `impl Scratch` block; not every file
//! uses every helper here.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use rusqlite::Connection;
use tempfile::TempDir;

/// A scratch folder with a database path in it.
pub struct Scratch {
    pub dir: TempDir,
}

impl Scratch {
    pub fn new() -> Scratch {
        Scratch {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("quotes.db")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `quotetrack --db DB ARGS`, with no database or word lists from the
    /// environment.
    pub fn quotetrack(&self, args: &[&str]) -> Command {
        quotetrack_on(&self.db(), args)
    }

    pub fn conn(&self) -> Connection {
        Connection::open(self.db()).unwrap()
    }

    pub fn count(&self, sql: &str) -> i64 {
        self.conn().query_row(sql, [], |r| r.get(0)).unwrap()
    }
}

/// `quotetrack --db DB ARGS`, with no database or word lists from the
/// environment.
pub fn quotetrack_on(db: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("quotetrack").unwrap();
    cmd.env_remove("QUOTETRACK_DB")
        .env_remove("QUOTETRACK_GRAMMAR")
        .arg("--db")
        .arg(db)
        .args(args);
    cmd
}

/// Run `quotetrack --db DB ARGS`, which must succeed (its error output is
/// the failure message); what it printed.
pub fn run_ok(db: &Path, args: &[&str]) -> String {
    let out = quotetrack_on(db, args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Start `quotetrack --db DB serve --port 0 EXTRA` and read the address it
/// prints first (without its trailing slash). The caller stops the child.
pub fn start_serve(db: &Path, extra: &[&str]) -> (std::process::Child, String) {
    let args: Vec<&str> = ["serve", "--port", "0"]
        .iter()
        .chain(extra)
        .copied()
        .collect();
    spawn_for_address(db, &args)
}

/// Start `quotetrack --db DB ARGS` (a server) and read the address it
/// prints first, after " at " (without a trailing slash). The caller stops
/// the child.
pub fn spawn_for_address(db: &Path, args: &[&str]) -> (std::process::Child, String) {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("quotetrack"))
        .env_remove("QUOTETRACK_DB")
        .arg("--db")
        .arg(db)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let base = line
        .split(" at ")
        .nth(1)
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .trim()
        .trim_end_matches('/')
        .to_string();
    (child, base)
}
