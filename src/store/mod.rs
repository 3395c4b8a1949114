//! The SQLite store: open and migrate, add articles with their quotes, ask
//! questions of them.
//!
//! The schema lives in `db/*.sql`, applied in order when a database opens,
//! so the file explains itself to anyone with `sqlite3` or Datasette. This
//! module never parses article text; it stores what the extractor found.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result, anyhow};
use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use crate::track::link::Linker;

mod identity;
mod insert;
mod normalize;
mod query;

pub use identity::{IdentityStats, JoinReason, SpeakerDetail, SpeakerRow, corrections_path_for};
pub use insert::{Outcome, content_hash};
pub use normalize::{fold, normalize_quote};
pub use query::{Cursor, QuoteFilter, QuoteInContext, QuoteRow, UnknownCursor, fts_query};

/// The migrations in `db/`, oldest first. Append new files here; never edit
/// one that has been released, since databases remember how far they got
/// (in SQLite's `user_version`) and will not run it again.
const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("../../db/001_init.sql")),
    M::up(include_str!("../../db/002_speaker_identity.sql")),
    M::up(include_str!("../../db/003_statements.sql")),
    M::up(include_str!("../../db/004_export_views.sql")),
    M::up(include_str!("../../db/005_quote_dates.sql")),
    M::up(include_str!("../../db/006_quote_found_by.sql")),
    M::up(include_str!("../../db/007_reprints.sql")),
    M::up(include_str!("../../db/008_claims.sql")),
    M::up(include_str!("../../db/009_fetched_articles.sql")),
    M::up(include_str!("../../db/010_captions.sql")),
    M::up(include_str!("../../db/011_quotes_published.sql")),
    M::up(include_str!("../../db/012_quote_order.sql")),
];

/// How long a writer waits for another process holding the database before
/// giving up: long enough for a concurrent ingest to finish a chunk.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The SQL for the text an article's quote offsets point into (see
/// db/010_captions.sql): its body, then its captions after a blank line.
/// `a` is the articles table's alias in the query.
pub const FULL_TEXT_A: &str = "(a.text || ifnull(char(10, 10) || a.captions, ''))";

/// How much of a database read-only connections map into memory (the
/// file's pages, which the system may drop at any time; not the process's
/// own memory).
const MMAP_SIZE: i64 = 4 << 30;

/// An open, migrated quotetrack database.
pub struct Store {
    conn: Connection,
    /// The user's speaker corrections file (`<db>.speakers.csv`); `None` for
    /// a database in memory, whose corrections live only in the database.
    corrections: Option<PathBuf>,
    /// The statement candidate index as far as this connection has used it
    /// (see [`crate::track::link::Linker`]).
    linker: Linker,
}

impl Store {
    /// Open (creating if needed) the database at `path` and bring its schema
    /// up to date.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path)
            .with_context(|| format!("cannot open the database {}; check the folder exists and is writable, or pass --db", path.display()))?;
        let mut store = Store::setup(conn).map_err(|e| {
            anyhow!(
                "{} is not a database quotetrack can use: {e:#}\n(pass another file with --db PATH; a new path makes a new database)",
                path.display()
            )
        })?;
        store.corrections = Some(corrections_path_for(path));
        Ok(store)
    }

    /// Open an existing database for reading only (`quotetrack serve`):
    /// nothing is migrated, linked or written, and SQLite refuses writes on
    /// this connection. A database whose schema is not the one this build
    /// writes is refused with what to do, since the queries rely on it.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        use rusqlite::OpenFlags;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .with_context(|| format!("cannot open the database {} for reading", path.display()))?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "query_only", "ON")?;
        // Several of these may be open at once (one per request being
        // answered), so each keeps a smaller page cache than a writer's.
        conn.pragma_update(None, "cache_size", -16_384)?;
        // Pages are read from a memory map of the file, shared by every
        // reader and the system's file cache, rather than copied in one
        // system call each into a page cache too small for a search that
        // reads 100,000 index entries (a deep page of a common word took
        // 90-440 ms, most of it in those calls, instead of 60 ms).
        conn.pragma_update(None, "mmap_size", MMAP_SIZE)?;
        conn.set_prepared_statement_cache_capacity(64);
        let version: usize = conn
            .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
            .map_err(|e| {
                anyhow!(
                    "{} is not a database quotetrack can use: {e}",
                    path.display()
                )
            })?
            .max(0) as usize;
        if version < MIGRATIONS.len() {
            anyhow::bail!(
                "{} was written by an older quotetrack; run any command that writes to it once (e.g. `quotetrack --db {} speakers list`) to bring it up to date",
                path.display(),
                path.display()
            );
        }
        if version > MIGRATIONS.len() {
            anyhow::bail!(
                "{} was written by a newer quotetrack; upgrade quotetrack to read it",
                path.display()
            );
        }
        Ok(Store {
            conn,
            corrections: Some(corrections_path_for(path)),
            linker: Linker::default(),
        })
    }

    /// A database that lives only as long as the value: for the demo and
    /// tests.
    /// Open a database that must already exist: asking a path that holds
    /// nothing would otherwise create an empty file and answer "no quotes".
    pub fn open_existing(path: &Path) -> Result<Store> {
        if !path.exists() {
            anyhow::bail!(
                "there is no database at {}; store articles first with `quotetrack ingest FILE...`, or point to yours with --db PATH or QUOTETRACK_DB",
                path.display()
            );
        }
        Store::open(path)
    }

    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?)
    }

    fn setup(mut conn: Connection) -> Result<Store> {
        // WAL lets `quotes` read while an ingest writes; foreign keys are off
        // by default in SQLite and the schema relies on them for cascades.
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |_| Ok(()))?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Ingest with statement linking uses a score of prepared statements
        // per quote; the default cache of 16 would re-prepare them.
        conn.set_prepared_statement_cache_capacity(64);
        // Linking looks up and adds shingles at random places in a large
        // index; SQLite's default 2 MB page cache makes that a disk read per
        // lookup on a big database, and per-article savepoints spill their
        // journal to a temp file. Memory is taken only as pages are used.
        conn.pragma_update(None, "cache_size", -262_144)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        // Each batch of an ingest rewrites pages of the same indexes; the
        // default checkpoint every 1,000 pages (4 MB) of WAL copied them back
        // to the database file again and again (4% of ingest time). Closing
        // the database still checkpoints everything.
        conn.pragma_update(None, "wal_autocheckpoint", 16_384)?;
        Migrations::from_slice(MIGRATIONS)
            .to_latest(&mut conn)
            .map_err(|e| match e {
                rusqlite_migration::Error::MigrationDefinition(
                    rusqlite_migration::MigrationDefinitionError::DatabaseTooFarAhead,
                ) => anyhow!("it was written by a newer quotetrack; upgrade quotetrack to read it"),
                other => anyhow!("{other}"),
            })?;
        Ok(Store {
            conn,
            corrections: None,
            linker: Linker::default(),
        })
    }

    /// The connection, for modules that add tables of their own (speaker
    /// identity, statement tracing, export) in later migrations.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// Close the database, leaving the memory kept for linking quotes to
    /// the process's exit to reclaim: freeing it piece by piece (hundreds of
    /// thousands of small allocations after a large ingest) was 4% of
    /// ingesting the 840 PolNeAR articles. For a process about to exit.
    pub fn close_for_exit(self) {
        let Store { conn, linker, .. } = self;
        std::mem::forget(linker);
        drop(conn);
    }

    /// How many articles and quotes are stored (claims not counted: see
    /// [`Store::claim_count`]).
    pub fn counts(&self) -> Result<(i64, i64)> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM quotes WHERE kind <> 'indirect')",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?)
    }

    /// How many claims (records of kind `indirect`) are stored.
    pub fn claim_count(&self) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM quotes WHERE kind = 'indirect'",
            [],
            |row| row.get(0),
        )?)
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod open_tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        Migrations::from_slice(MIGRATIONS).validate().unwrap();
    }

    #[test]
    fn opens_twice_with_wal_and_foreign_keys() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("q.db");
        drop(Store::open(&path).unwrap());
        let store = Store::open(&path).unwrap();
        let mode: String = store
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = store
            .conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
        assert_eq!(store.counts().unwrap(), (0, 0));
    }

    #[test]
    fn a_database_from_before_claims_takes_them_and_keeps_its_quotes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            // A database as quotetrack left it before db/008_claims.sql.
            let mut conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "foreign_keys", "ON").unwrap();
            Migrations::from_slice(&MIGRATIONS[..7])
                .to_latest(&mut conn)
                .unwrap();
            conn.execute_batch(
                "INSERT INTO articles (id, content_hash, text, ingested_at) VALUES (1, 'h', 'He said \"yes.\"', 'now');
                 INSERT INTO quotes (article_id, byte_start, byte_end, text, normalized, kind) VALUES (1, 9, 13, 'yes.', 'yes', 'direct');",
            )
            .unwrap();
            let refused = conn.execute(
                "INSERT INTO quotes (article_id, byte_start, byte_end, text, normalized, kind) VALUES (1, 0, 2, 'He', 'he', 'indirect')",
                [],
            );
            assert!(refused.is_err(), "the old schema has no claims");
        }
        let store = Store::open(&path).unwrap();
        assert_eq!(store.counts().unwrap(), (1, 1));
        store
            .conn
            .execute(
                "INSERT INTO quotes (article_id, byte_start, byte_end, text, normalized, kind) VALUES (1, 0, 2, 'He', 'he', 'indirect')",
                [],
            )
            .unwrap();
        assert_eq!(store.claim_count().unwrap(), 1);
        assert_eq!(store.counts().unwrap(), (1, 1), "claims are not quotes");
        let bogus = store.conn.execute(
            "INSERT INTO quotes (article_id, byte_start, byte_end, text, normalized, kind) VALUES (1, 0, 2, 'He', 'he', 'rumour')",
            [],
        );
        assert!(bogus.is_err(), "the constraint still holds for other kinds");
        let check: String = store
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
    }

    #[test]
    fn a_database_from_before_fetching_takes_the_new_columns() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        {
            let mut conn = Connection::open(&path).unwrap();
            Migrations::from_slice(&MIGRATIONS[..8])
                .to_latest(&mut conn)
                .unwrap();
            conn.execute_batch(
                "INSERT INTO outlets (id, name) VALUES (1, 'Skerrin Times');
                 INSERT INTO articles (id, outlet_id, url, content_hash, text, ingested_at)
                 VALUES (1, 1, 'https://www.skerrin.example/ferry', 'h', 'Text.', 'now');
                 INSERT INTO articles (id, outlet_id, url, content_hash, text, ingested_at)
                 VALUES (2, 1, 'HTTPS://WWW.Skerrin.example:443?x=1', 'h2', 'Text 2.', 'now');
                 INSERT INTO articles (id, outlet_id, url, content_hash, text, ingested_at)
                 VALUES (3, 1, 'file.txt', 'h3', 'Text 3.', 'now');",
            )
            .unwrap();
        }
        let store = Store::open(&path).unwrap();
        assert!(store.has_url("https://www.skerrin.example/ferry").unwrap());
        assert!(!store.has_url("https://www.skerrin.example/other").unwrap());
        let (canonical, source): (Option<String>, Option<String>) = store
            .conn
            .query_row(
                "SELECT canonical_url, date_source FROM articles WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((canonical, source), (None, None));
        // Outlets stored before take the domains of their articles' URLs.
        assert_eq!(store.outlets_named("skerrin").unwrap(), [1]);
        assert_eq!(store.outlets_named("www.skerrin.example").unwrap(), [1]);
        let domain: String = store
            .conn
            .query_row("SELECT domain FROM outlet_domains", [], |r| r.get(0))
            .unwrap();
        assert_eq!(domain, "skerrin.example");
    }

    #[test]
    fn a_file_that_is_not_a_database_is_refused_with_advice() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.db");
        std::fs::write(
            &path,
            "these are my notes, not SQLite, and there are enough bytes here to look like a header",
        )
        .unwrap();
        let err = format!("{:#}", Store::open(&path).err().unwrap());
        assert!(err.contains("--db"), "{err}");
    }
}
