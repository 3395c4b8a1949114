//! One speaker per person: assigning canonical speakers to stored quotes,
//! the user's corrections file, and questions about speakers.
//!
//! Each quote keeps the name the extractor resolved in its article
//! (`quotes.speaker_name`, `quotes.speaker_kind`). After every batch of
//! articles and every correction, [`assign`] groups those names into
//! speakers with [`crate::identity`] and points `quotes.speaker_id`
//! at them, so the machine's guesses are always recomputable and the user's
//! corrections always apply last.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use rusqlite::{Connection, params};
use serde::Serialize;

use super::Store;
use crate::identity::{
    ArticleContext, Cluster, Correction, Corrections, Evidence, NameCount, PersonName,
    add_description, add_evidence, cluster_organisations, generic_organisation, name_key,
    names_needing_descriptions, names_needing_evidence, people, pick_in_article,
};

/// Articles read per name for what the corpus shows of it ([`Evidence`]):
/// enough to see a second generation or a family introduction, few enough
/// that a name quoted in thousands of articles costs no more than a rare one.
const EVIDENCE_ARTICLES: usize = 8;

/// Where the corrections for the database at `db` live: beside it, named
/// `<db>.speakers.csv` (`quotetrack.db.speakers.csv`).
pub fn corrections_path_for(db: &Path) -> PathBuf {
    let mut name = OsString::from(db.as_os_str());
    name.push(".speakers.csv");
    PathBuf::from(name)
}

/// What an assignment produced.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct IdentityStats {
    /// Distinct person names as the extractor resolved them.
    pub person_names: usize,
    /// Person speakers after merging.
    pub people: usize,
    pub organisation_names: usize,
    pub organisations: usize,
}

/// A speaker with how often and where they were quoted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpeakerRow {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub wikidata_id: Option<String>,
    pub quotes: i64,
    /// Claims in reported speech credited to them (kind `indirect`); the
    /// other counts and dates are of their quotes.
    pub claims: i64,
    pub outlets: i64,
    pub articles: i64,
    pub first_quoted: Option<String>,
    pub last_quoted: Option<String>,
    /// Other names this speaker was found or is known under.
    pub aliases: Vec<String>,
}

/// Everything `speakers show` prints.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpeakerDetail {
    #[serde(flatten)]
    pub speaker: SpeakerRow,
    /// Names the extractor resolved to this speaker, with quote counts.
    pub names: Vec<(String, i64)>,
    /// Aliases from the user's corrections.
    pub user_aliases: Vec<String>,
    /// Titles and roles seen with the mentions, with counts.
    pub roles: Vec<(String, i64)>,
    /// Outlets with quote counts and first and last dates.
    pub outlets: Vec<OutletCount>,
    /// Why each name is this speaker's, as worked out by the last
    /// assignment in this process (empty if it has not run here).
    pub joins: Vec<JoinReason>,
}

/// One name of a speaker and why identity gave it to them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct JoinReason {
    pub name: String,
    /// The name it was joined to, when it was joined to one.
    pub other: Option<String>,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OutletCount {
    pub outlet: Option<String>,
    pub quotes: i64,
    pub first: Option<String>,
    pub last: Option<String>,
}

impl Store {
    /// The corrections file for this database, if it has one on disk.
    pub fn corrections_path(&self) -> Option<&Path> {
        self.corrections.as_deref()
    }

    /// Use another corrections file (or none) for this store.
    pub fn set_corrections_path(&mut self, path: Option<PathBuf>) {
        self.corrections = path;
    }

    /// The corrections in force: the file when it exists (the user may have
    /// edited it), else the copy kept in the database.
    pub fn corrections(&self) -> Result<Corrections> {
        if let Some(path) = &self.corrections {
            match std::fs::File::open(path) {
                Ok(file) => return Corrections::from_csv(file, &path.display().to_string()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(e).with_context(|| {
                        format!(
                            "cannot read the speaker corrections {}; check its permissions",
                            path.display()
                        )
                    });
                }
            }
        }
        let mut stmt = self.conn.prepare(
            "SELECT alias, canonical, wikidata_id FROM speaker_corrections ORDER BY line",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Correction {
                alias: r.get(0)?,
                canonical: r.get(1)?,
                wikidata: r.get(2)?,
            })
        })?;
        Ok(Corrections {
            rows: rows.collect::<rusqlite::Result<_>>()?,
        })
    }

    /// Make `corrections` the user's corrections: written to the file first
    /// (whole, by rename, so a crash leaves the old file or the new one),
    /// then to the database, and speakers assigned again.
    pub fn set_corrections(&mut self, corrections: &Corrections) -> Result<IdentityStats> {
        if let Some(path) = &self.corrections {
            write_atomically(path, &corrections.to_csv()?)?;
        }
        let tx = self.conn.transaction()?;
        let stats = assign(&tx, corrections)?;
        tx.commit().context("cannot save to the database")?;
        Ok(stats)
    }

    /// Assign speakers again from the stored names and the corrections in
    /// force (after editing the corrections file by hand).
    pub fn assign_speakers(&mut self) -> Result<IdentityStats> {
        let corrections = self.corrections()?;
        let tx = self.conn.transaction()?;
        let stats = assign(&tx, &corrections)?;
        tx.commit().context("cannot save to the database")?;
        Ok(stats)
    }

    /// Speakers of these kinds, most quoted first.
    pub fn speaker_list(&self, kinds: &[&str]) -> Result<Vec<SpeakerRow>> {
        self.speaker_rows(kinds, None)
    }

    /// [`Store::speaker_list`], or only speaker `only` (read through its
    /// own quotes, not every speaker's).
    fn speaker_rows(&self, kinds: &[&str], only: Option<i64>) -> Result<Vec<SpeakerRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, s.name, s.kind, s.wikidata_id, count(q.id), count(DISTINCT a.outlet_id),
                    count(DISTINCT a.id), min(a.published), max(a.published),
                    (SELECT json_group_array(alias) FROM
                        (SELECT DISTINCT alias FROM speaker_aliases WHERE speaker_id = s.id ORDER BY alias)),
                    (SELECT count(*) FROM quotes c WHERE c.speaker_id = s.id AND c.kind = 'indirect') AS claims
             FROM speakers s
             LEFT JOIN quotes q ON q.speaker_id = s.id AND q.kind <> 'indirect'
             LEFT JOIN articles a ON a.id = q.article_id
             WHERE s.kind IN (SELECT value FROM json_each(?1)) AND (?2 IS NULL OR s.id = ?2)
             GROUP BY s.id
             ORDER BY count(q.id) DESC, claims DESC, s.name COLLATE NOCASE, s.id",
        )?;
        let rows = stmt.query_map(
            rusqlite::params![serde_json::to_string(kinds)?, only],
            speaker_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One speaker in full, or `None` if there is no such id.
    pub fn speaker_detail(&self, id: i64) -> Result<Option<SpeakerDetail>> {
        let Some(speaker) = self
            .speaker_rows(&["person", "organisation", "anonymous"], Some(id))?
            .into_iter()
            .next()
        else {
            return Ok(None);
        };
        let pairs = |sql: &str| -> Result<Vec<(String, i64)>> {
            let mut stmt = self.conn.prepare(sql)?;
            let rows = stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let names = pairs(
            "SELECT speaker_name, count(*) FROM quotes WHERE speaker_id = ?1 AND speaker_name IS NOT NULL
               AND kind <> 'indirect'
             GROUP BY speaker_name ORDER BY count(*) DESC, speaker_name",
        )?;
        let roles = pairs(
            "SELECT speaker_role, count(*) FROM quotes WHERE speaker_id = ?1 AND speaker_role IS NOT NULL
               AND kind <> 'indirect'
             GROUP BY speaker_role COLLATE NOCASE ORDER BY count(*) DESC, speaker_role",
        )?;
        let user_aliases = pairs(
            "SELECT alias, 0 FROM speaker_aliases WHERE speaker_id = ?1 AND source = 'user' ORDER BY alias",
        )?
        .into_iter()
        .map(|(a, _)| a)
        .collect();
        let mut stmt = self.conn.prepare(
            "SELECT o.name, count(*), min(a.published), max(a.published)
             FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN outlets o ON o.id = a.outlet_id
             WHERE q.speaker_id = ?1 AND q.kind <> 'indirect'
             GROUP BY a.outlet_id ORDER BY count(*) DESC, o.name",
        )?;
        let outlets = stmt
            .query_map([id], |r| {
                Ok(OutletCount {
                    outlet: r.get(0)?,
                    quotes: r.get(1)?,
                    first: r.get(2)?,
                    last: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let joins = self.join_reasons(id)?;
        Ok(Some(SpeakerDetail {
            speaker,
            names,
            user_aliases,
            roles,
            outlets,
            joins,
        }))
    }

    /// The reasons the last assignment recorded for speaker `id`; none when
    /// no assignment ran on this connection.
    fn join_reasons(&self, id: i64) -> Result<Vec<JoinReason>> {
        let exists: bool = self.conn.query_row(
            "SELECT count(*) FROM temp.sqlite_master WHERE name = 'speaker_join_reasons'",
            [],
            |r| r.get::<_, i64>(0).map(|n| n > 0),
        )?;
        if !exists {
            return Ok(Vec::new());
        }
        let mut stmt = self.conn.prepare(
            "SELECT name, other, why FROM speaker_join_reasons WHERE speaker_id = ?1 ORDER BY seq",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(JoinReason {
                name: r.get(0)?,
                other: r.get(1)?,
                why: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Speakers (not anonymous) called exactly `name` (case, accents and
    /// punctuation aside) by their name, an alias, or a name the extractor
    /// found for them. Several when the name is ambiguous ("Clinton").
    pub fn speakers_called(&self, name: &str) -> Result<Vec<i64>> {
        let key = name_key(name);
        if key.is_empty() {
            return Ok(Vec::new());
        }
        let mut stmt = self.conn.prepare(
            "SELECT id, name FROM speakers WHERE article_id IS NULL
             UNION ALL SELECT speaker_id, alias FROM speaker_aliases
             UNION ALL SELECT DISTINCT speaker_id, speaker_name FROM quotes
                 WHERE speaker_id IS NOT NULL AND speaker_kind IN ('person', 'organisation')",
        )?;
        let mut ids: Vec<i64> = Vec::new();
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let candidate: String = row.get(1)?;
            if name_key(&candidate) == key {
                ids.push(row.get(0)?);
            }
        }
        ids.sort_unstable();
        ids.dedup();
        Ok(ids)
    }

    /// The name of the speaker with this id.
    pub fn speaker_name(&self, id: i64) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row("SELECT name FROM speakers WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Names the extractor resolved that were assigned to speaker `id`.
    pub fn speaker_found_names(&self, id: i64) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare(
            "SELECT DISTINCT speaker_name FROM quotes WHERE speaker_id = ?1 AND speaker_name IS NOT NULL ORDER BY 1",
        )?;
        let rows = stmt.query_map([id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Distinct person names as resolved and person speakers now stored.
    pub fn identity_stats(&self) -> Result<IdentityStats> {
        Ok(self.conn.query_row(
            "SELECT
                (SELECT count(DISTINCT speaker_name) FROM quotes WHERE speaker_kind = 'person'),
                (SELECT count(*) FROM speakers WHERE kind = 'person'),
                (SELECT count(DISTINCT speaker_name) FROM quotes WHERE speaker_kind = 'organisation'),
                (SELECT count(*) FROM speakers WHERE kind = 'organisation')",
            [],
            |r| {
                Ok(IdentityStats {
                    person_names: r.get::<_, i64>(0)? as usize,
                    people: r.get::<_, i64>(1)? as usize,
                    organisation_names: r.get::<_, i64>(2)? as usize,
                    organisations: r.get::<_, i64>(3)? as usize,
                })
            },
        )?)
    }
}

fn speaker_row(r: &rusqlite::Row) -> rusqlite::Result<SpeakerRow> {
    let aliases: String = r.get(9)?;
    Ok(SpeakerRow {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: r.get(2)?,
        wikidata_id: r.get(3)?,
        quotes: r.get(4)?,
        claims: r.get(10)?,
        outlets: r.get(5)?,
        articles: r.get(6)?,
        first_quoted: r.get(7)?,
        last_quoted: r.get(8)?,
        aliases: serde_json::from_str(&aliases).unwrap_or_default(),
    })
}

/// Write `text` to `path` by way of a temporary file beside it.
fn write_atomically(path: &Path, text: &str) -> Result<()> {
    let mut tmp = OsString::from(path.as_os_str());
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, text)
        .and_then(|()| std::fs::rename(&tmp, path))
        .with_context(|| {
            format!(
                "cannot write the speaker corrections {}; check the folder is writable",
                path.display()
            )
        })
}

/// Group every stored person and organisation name into speakers, keeping
/// speaker ids where the group is the same, and record `corrections` as the
/// user's. Runs inside the caller's transaction.
pub(super) fn assign(tx: &Connection, corrections: &Corrections) -> Result<IdentityStats> {
    tx.execute("DELETE FROM speaker_corrections", [])?;
    {
        let mut insert = tx.prepare_cached(
            "INSERT INTO speaker_corrections (line, alias, canonical, wikidata_id) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (i, c) in corrections.rows.iter().enumerate() {
            insert.execute(params![i as i64 + 1, c.alias, c.canonical, c.wikidata])?;
        }
    }
    let mut stats = IdentityStats::default();
    let mut clusters: Vec<(&str, Cluster)> = Vec::new();
    // Names settled per article, not across the corpus: refused person
    // names and generic organisations (each article's own anonymous source),
    // and surnames alone that only their article can settle.
    let mut per_article: Vec<(&str, String, PerArticle)> = Vec::new();
    let persons = names_of_kind(tx, "person")?;
    let evidence = read_evidence(tx, &persons)?;
    let found = people(&persons, corrections, &evidence);
    stats.person_names = persons.len();
    stats.people = found.clusters.len();
    let first_person_cluster = clusters.len();
    clusters.extend(found.clusters.into_iter().map(|c| ("person", c)));
    for (name, why) in found.refused {
        per_article.push(("person", name, PerArticle::Anonymous(why.to_string())));
    }
    for open in found.open {
        per_article.push(("person", open.name.clone(), PerArticle::Surname(open)));
    }
    let (generic, named): (Vec<NameCount>, Vec<NameCount>) = names_of_kind(tx, "organisation")?
        .into_iter()
        .partition(|n| {
            generic_organisation(&n.name) && corrections.canonical_for(&n.name).is_none()
        });
    stats.organisation_names = named.len() + generic.len();
    let orgs = cluster_organisations(&named, corrections);
    stats.organisations = orgs.len();
    clusters.extend(orgs.into_iter().map(|c| ("organisation", c)));
    for n in generic {
        per_article.push((
            "organisation",
            n.name,
            PerArticle::Anonymous("a kind of body, not a named one: its article's source".into()),
        ));
    }

    // Which speaker each name's quotes point at now, to keep ids stable.
    let mut current: HashMap<(String, String), Vec<(i64, i64)>> = HashMap::new();
    {
        let mut stmt = tx.prepare(
            "SELECT speaker_kind, speaker_name, speaker_id, count(*) FROM quotes
             WHERE speaker_kind IN ('person', 'organisation') AND speaker_id IS NOT NULL
             GROUP BY 1, 2, 3",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            current
                .entry((r.get(0)?, r.get(1)?))
                .or_default()
                .push((r.get(2)?, r.get(3)?));
        }
    }
    let existing: HashSet<i64> = {
        let mut stmt = tx.prepare(
            "SELECT id FROM speakers WHERE article_id IS NULL AND kind IN ('person', 'organisation')",
        )?;
        let ids = stmt.query_map([], |r| r.get(0))?;
        ids.collect::<rusqlite::Result<_>>()?
    };
    // Names must be free while speakers are renamed: park them on a value
    // no name can have.
    tx.execute(
        "UPDATE speakers SET name = char(1) || id WHERE article_id IS NULL AND kind IN ('person', 'organisation')",
        [],
    )?;
    tx.execute(
        "CREATE TEMP TABLE IF NOT EXISTS speaker_assignment (kind TEXT, name TEXT, speaker_id INTEGER, PRIMARY KEY (kind, name))",
        [],
    )?;
    tx.execute("DELETE FROM speaker_assignment", [])?;
    let mut taken: HashSet<i64> = HashSet::new();
    let mut by_canonical: HashMap<(String, String), i64> = HashMap::new();
    let mut ids: Vec<i64> = Vec::with_capacity(clusters.len());
    {
        let mut update = tx.prepare_cached(
            "UPDATE speakers SET name = ?2, wikidata_id = ?3, kind = ?4 WHERE id = ?1",
        )?;
        let mut insert = tx.prepare_cached(
            "INSERT INTO speakers (name, kind, wikidata_id, article_id) VALUES (?1, ?2, ?3, NULL)",
        )?;
        let mut map = tx.prepare_cached(
            "INSERT OR REPLACE INTO speaker_assignment (kind, name, speaker_id) VALUES (?1, ?2, ?3)",
        )?;
        for (kind, cluster) in &clusters {
            // The id most of this cluster's quotes already have.
            let mut votes: BTreeMap<i64, i64> = BTreeMap::new();
            for member in &cluster.members {
                for (id, n) in current
                    .get(&(kind.to_string(), member.clone()))
                    .into_iter()
                    .flatten()
                {
                    *votes.entry(*id).or_default() += n;
                }
            }
            let reuse = votes
                .iter()
                .filter(|(id, _)| existing.contains(id) && !taken.contains(id))
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(id, _)| *id);
            let key = (kind.to_string(), cluster.canonical.to_lowercase());
            let id = if by_canonical.contains_key(&key) {
                // Two clusters with one display name (two people both called
                // "John Smith"): names are unique, so the second gets a number.
                let name = unique_name(&by_canonical, kind, &cluster.canonical);
                insert.execute(params![name, kind, cluster.wikidata])?;
                let id = tx.last_insert_rowid();
                by_canonical.insert((kind.to_string(), name.to_lowercase()), id);
                id
            } else if let Some(id) = reuse {
                update.execute(params![id, cluster.canonical, cluster.wikidata, kind])?;
                by_canonical.insert(key, id);
                id
            } else {
                insert.execute(params![cluster.canonical, kind, cluster.wikidata])?;
                let id = tx.last_insert_rowid();
                by_canonical.insert(key, id);
                id
            };
            ids.push(id);
            taken.insert(id);
            for member in &cluster.members {
                map.execute(params![kind, member, id])?;
            }
        }
    }
    tx.execute(
        "CREATE TEMP TABLE IF NOT EXISTS speaker_assignment_article (article_id INTEGER, kind TEXT, name TEXT, speaker_id INTEGER, PRIMARY KEY (article_id, kind, name))",
        [],
    )?;
    tx.execute("DELETE FROM speaker_assignment_article", [])?;
    tx.execute(
        "CREATE TEMP TABLE IF NOT EXISTS speaker_join_reasons (seq INTEGER PRIMARY KEY, speaker_id INTEGER, name TEXT, other TEXT, why TEXT)",
        [],
    )?;
    tx.execute("DELETE FROM speaker_join_reasons", [])?;
    let person_ids = &ids[first_person_cluster..];
    let reasons = settle_per_article(tx, &per_article, person_ids)?;
    {
        let mut why = tx.prepare_cached(
            "INSERT INTO speaker_join_reasons (speaker_id, name, other, why) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for ((_, cluster), &id) in clusters.iter().zip(&ids) {
            for j in &cluster.joins {
                let text: Vec<String> = j.why.iter().map(ToString::to_string).collect();
                why.execute(params![id, j.name, j.other, text.join(", ")])?;
            }
        }
        for (id, name, text) in &reasons {
            why.execute(params![id, name, Option::<String>::None, text])?;
        }
    }
    // Only rows whose speaker changes are written: rewriting every quote
    // would also re-index its text in quotes_fts (the update trigger), at
    // every batch of an ingest.
    tx.execute(
        "UPDATE quotes SET speaker_id = coalesce(
                (SELECT m.speaker_id FROM speaker_assignment_article m
                 WHERE m.article_id = quotes.article_id AND m.kind = quotes.speaker_kind AND m.name = quotes.speaker_name),
                (SELECT m.speaker_id FROM speaker_assignment m
                 WHERE m.kind = quotes.speaker_kind AND m.name = quotes.speaker_name))
         WHERE speaker_kind IN ('person', 'organisation')
           AND speaker_id IS NOT coalesce(
                (SELECT m.speaker_id FROM speaker_assignment_article m
                 WHERE m.article_id = quotes.article_id AND m.kind = quotes.speaker_kind AND m.name = quotes.speaker_name),
                (SELECT m.speaker_id FROM speaker_assignment m
                 WHERE m.kind = quotes.speaker_kind AND m.name = quotes.speaker_name))",
        [],
    )?;
    // Article sources made here for names no longer refused.
    tx.execute(
        "DELETE FROM speakers WHERE article_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM quotes WHERE speaker_id = speakers.id)
           AND NOT EXISTS (SELECT 1 FROM speaker_aliases WHERE speaker_id = speakers.id AND source = 'user')",
        [],
    )?;
    tx.execute(
        "DELETE FROM speakers WHERE article_id IS NULL AND kind IN ('person', 'organisation')
           AND NOT EXISTS (SELECT 1 FROM quotes WHERE speaker_id = speakers.id)",
        [],
    )?;
    // Aliases: every other name found for the speaker (the machine's), and
    // the user's aliases for speakers they named.
    tx.execute(
        "DELETE FROM speaker_aliases WHERE speaker_id IN (SELECT id FROM speakers WHERE article_id IS NULL)",
        [],
    )?;
    let mut alias = tx.prepare_cached(
        "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias, source)
         SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM speakers WHERE id = ?1)",
    )?;
    // A surname alone settled in some articles is also a name of theirs.
    for (id, name, _) in &reasons {
        if person_ids.contains(id) {
            alias.execute(params![id, name, "machine"])?;
        }
    }
    for ((_, cluster), &id) in clusters.iter().zip(&ids) {
        for member in &cluster.members {
            if member != &cluster.canonical {
                alias.execute(params![id, member, "machine"])?;
            }
        }
        if cluster.by_user {
            let key = name_key(&cluster.canonical);
            for c in &corrections.rows {
                if c.alias != cluster.canonical
                    && corrections
                        .canonical_for(&c.alias)
                        .is_some_and(|to| name_key(&to) == key)
                {
                    alias.execute(params![id, c.alias, "user"])?;
                }
            }
        }
    }
    Ok(stats)
}

/// How a name is settled article by article.
enum PerArticle {
    /// As its article's anonymous source, for this reason.
    Anonymous(String),
    /// A surname alone: by what its article shows, else it keeps the
    /// speaker of its own name.
    Surname(crate::identity::OpenSurname),
}

/// Point names settled per article at their speaker in each article
/// (`speaker_assignment_article`); returns (speaker id, name, why) for
/// `speakers show`, one row per speaker and reason with its article count.
fn settle_per_article(
    tx: &Connection,
    names: &[(&str, String, PerArticle)],
    person_ids: &[i64],
) -> Result<Vec<(i64, String, String)>> {
    let mut articles_of = tx.prepare_cached(
        "SELECT DISTINCT article_id FROM quotes WHERE speaker_kind = ?1 AND speaker_name = ?2 ORDER BY 1",
    )?;
    let mut map = tx.prepare_cached(
        "INSERT OR REPLACE INTO speaker_assignment_article (article_id, kind, name, speaker_id) VALUES (?1, ?2, ?3, ?4)",
    )?;
    let mut find_source = tx.prepare_cached(
        "SELECT id FROM speakers WHERE kind = 'anonymous' AND name = ?1 COLLATE NOCASE AND article_id = ?2",
    )?;
    let mut add_source = tx.prepare_cached(
        "INSERT INTO speakers (name, kind, article_id) VALUES (?1, 'anonymous', ?2)",
    )?;
    let mut speakers_in = tx.prepare_cached(
        // `+`: by the article's index; the planner took the name index
        // and read every person's quote for each article.
        "SELECT DISTINCT speaker_name FROM quotes WHERE article_id = ?1 AND +speaker_kind = 'person'
           AND +speaker_name IS NOT NULL AND +speaker_name <> ?2",
    )?;
    let mut text_of = tx.prepare_cached(&format!(
        "SELECT {} FROM articles a WHERE a.id = ?1",
        super::FULL_TEXT_A
    ))?;
    let mut counts: BTreeMap<(i64, String, String), usize> = BTreeMap::new();
    for (kind, name, how) in names {
        let articles: Vec<i64> = articles_of
            .query_map(params![kind, name], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for article in articles {
            let settled = match how {
                PerArticle::Anonymous(why) => {
                    use rusqlite::OptionalExtension;
                    let id = match find_source
                        .query_row(params![name, article], |r| r.get(0))
                        .optional()?
                    {
                        Some(id) => id,
                        None => {
                            add_source.execute(params![name, article])?;
                            tx.last_insert_rowid()
                        }
                    };
                    Some((id, why.clone()))
                }
                PerArticle::Surname(open) => {
                    let speakers: Vec<String> = speakers_in
                        .query_map(params![article, name], |r| r.get(0))?
                        .collect::<rusqlite::Result<_>>()?;
                    let text: String = text_of.query_row([article], |r| r.get(0))?;
                    let context = ArticleContext {
                        speakers: &speakers,
                        text: &text,
                    };
                    pick_in_article(open, context).and_then(|(cluster, why)| {
                        let id = *person_ids.get(cluster)?;
                        Some((id, why.to_string()))
                    })
                }
            };
            if let Some((id, why)) = settled {
                map.execute(params![article, kind, name, id])?;
                *counts.entry((id, name.clone(), why)).or_default() += 1;
            }
        }
    }
    Ok(counts
        .into_iter()
        .map(|((id, name, why), n)| {
            let why = if n == 1 {
                format!("{why} (1 article)")
            } else {
                format!("{why} ({n} articles)")
            };
            (id, name, why)
        })
        .collect())
}

/// What the stored articles show about the person names that share a given
/// name and surname with another written differently, and how they describe
/// the names only a diminutive or an initial joins (see [`Evidence`]): a
/// few articles of each are read.
fn read_evidence(tx: &Connection, names: &[NameCount]) -> Result<Evidence> {
    let mut evidence = Evidence::default();
    let asked = names_needing_evidence(names, &mut evidence);
    let mut texts = tx.prepare_cached(&format!(
        "SELECT {} FROM articles a WHERE a.id IN
            (SELECT DISTINCT article_id FROM quotes WHERE speaker_kind = 'person' AND speaker_name = ?1
             ORDER BY article_id LIMIT ?2)",
        super::FULL_TEXT_A
    ))?;
    for name in asked {
        let Some(parsed) = PersonName::parse(&name) else {
            continue;
        };
        let mut read = 0usize;
        let mut as_relative = 0usize;
        let mut rows = texts.query(params![name, EVIDENCE_ARTICLES as i64])?;
        while let Some(row) = rows.next()? {
            let text: String = row.get(0)?;
            read += 1;
            if add_evidence(&mut evidence, &text, &parsed) {
                as_relative += 1;
            }
        }
        if read > 0 && as_relative * 2 > read {
            evidence.relatives.insert(name_key(&name));
        }
    }
    for name in names_needing_descriptions(names) {
        let mut rows = texts.query(params![name, EVIDENCE_ARTICLES as i64])?;
        while let Some(row) = rows.next()? {
            let text: String = row.get(0)?;
            add_description(&mut evidence, &text, &name);
        }
    }
    Ok(evidence)
}

fn unique_name(taken: &HashMap<(String, String), i64>, kind: &str, name: &str) -> String {
    (2..)
        .map(|n| format!("{name} ({n})"))
        .find(|candidate| !taken.contains_key(&(kind.to_string(), candidate.to_lowercase())))
        .unwrap_or_else(|| name.to_string())
}

/// Every name of `kind` the records carry, claims' too, so each gets its
/// speaker; how often and in how many articles it is quoted counts quotes
/// only. Those counts decide whether a surname alone is one well-known
/// person, and claims name news agencies and indexes ("according to
/// Bloomberg") as sources more often than quotes do: counted, they joined
/// the agency to Michael Bloomberg on the training split.
fn names_of_kind(tx: &Connection, kind: &str) -> Result<Vec<NameCount>> {
    let mut stmt = tx.prepare_cached(
        "SELECT speaker_name, count(*) FILTER (WHERE kind <> 'indirect'),
                count(DISTINCT article_id) FILTER (WHERE kind <> 'indirect')
         FROM quotes
         WHERE speaker_kind = ?1 AND speaker_name IS NOT NULL
         GROUP BY speaker_name ORDER BY speaker_name",
    )?;
    let rows = stmt.query_map([kind], |r| {
        Ok(NameCount {
            name: r.get(0)?,
            quotes: r.get::<_, i64>(1)? as usize,
            articles: r.get::<_, i64>(2)? as usize,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
