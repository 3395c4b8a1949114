//! Wire copy and republished articles: one story stored more than once.
//!
//! An agency story run by several outlets with small edits, or a
//! newspaper's story run again the next day, quotes the same people in the
//! same words. Those are not independent reports, so at ingest every
//! article gets a MinHash signature over its word shingles (the hash family
//! is `gaoya`'s), and the signature's bands go to an index
//! (`article_bands`, db/007_reprints.sql): a new article looks up articles
//! sharing a band, which is an index lookup whatever the corpus size. A
//! candidate is a reprint when the signatures estimate a Jaccard similarity
//! of at least [`THRESHOLD`]; the article then points at the earliest one
//! (`articles.reprint_of`). `trace` reads that to call a rendition a
//! `reprint` and count each story once.

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::sync::OnceLock;

use anyhow::Result;
use gaoya::minhash::{MinHasher, MinHasher32, compute_minhash_similarity};
use rusqlite::{Connection, OptionalExtension, params};

use super::align::Relation;
use super::trace::{Flag, Rendition, Statement};

/// Words per shingle. Five words rarely recur between different stories
/// except in stock phrases, and one edited word changes only five shingles.
pub const SHINGLE_WORDS: usize = 5;

/// Hash functions per signature: the estimate is then within 0.07 (one
/// standard deviation, sampling included) of the true similarity near 0.5.
pub const HASHES: usize = 64;

/// Bands in the index, each of [`ROWS`] of the signature's first hashes.
/// Two articles whose shingles have Jaccard similarity 0.45 share a band
/// with probability 0.97, at 0.5 with 0.99 (`1 - (1 - s^2)^16`), at 0.1
/// (two stories on one event) 0.15 and at 0.01 (unrelated) 0.002. Every
/// band is an index lookup and an insert at ingest, so there are no more
/// than the reprints looked for (above 0.5) need; the candidates they let
/// through cost a signature read each.
pub const BANDS: usize = 16;
pub const ROWS: usize = 2;

/// Estimated Jaccard similarity from which a candidate is a reprint.
/// Chosen from the PolNeAR training split (README, "Reprints"): the seven
/// pairs of versions of one story there are 0.52 to 1.0 (exact), every
/// other pair at most 0.12. 0.35 sits between, more than two standard
/// deviations of the estimate from either side.
pub const THRESHOLD: f64 = 0.35;

/// Articles with fewer sampled shingles than this (about 80 words) are
/// not compared: a short note or a caption shares too much by chance.
pub const MIN_SHINGLES: usize = 20;

/// The seed of the hash family. Part of the stored format: changing it (or
/// the crate's version, or the constants above) makes stored signatures
/// incomparable with new ones.
const SEED: u64 = 2015;

/// An article's MinHash signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    hashes: Vec<u32>,
    bands: Vec<i64>,
}

/// The band keys of a signature's hashes (see [`Signature::band_keys`]).
fn band_keys(hashes: &[u32]) -> Vec<i64> {
    hashes[..BANDS * ROWS]
        .chunks(ROWS)
        .enumerate()
        .map(|(band, rows)| {
            let mut bytes = [0u8; 4 * (ROWS + 1)];
            bytes[..4].copy_from_slice(&(band as u32).to_le_bytes());
            for (chunk, row) in bytes[4..].chunks_exact_mut(4).zip(rows) {
                chunk.copy_from_slice(&row.to_le_bytes());
            }
            fnv::FnvBuildHasher::default().hash_one(bytes) as i64
        })
        .collect()
}

impl Signature {
    fn new(hashes: Vec<u32>) -> Signature {
        let bands = band_keys(&hashes);
        Signature { hashes, bands }
    }
}

fn hasher() -> &'static MinHasher32<fnv::FnvBuildHasher> {
    static HASHER: OnceLock<MinHasher32<fnv::FnvBuildHasher>> = OnceLock::new();
    HASHER.get_or_init(|| {
        MinHasher32::new_with_hasher_and_seed(HASHES, fnv::FnvBuildHasher::default(), SEED)
    })
}

/// The hash of each of the text's five-word shingles, in text order (the
/// FNV-1a hash of its words' hashes, as the signature hashes it): for
/// comparing texts exactly, as the example `reprint_pairs` does.
pub fn shingles(text: &str) -> Vec<u64> {
    let build = fnv::FnvBuildHasher::default();
    word_hashes(text)
        .windows(SHINGLE_WORDS)
        .map(|w| build.hash_one(w))
        .collect()
}

/// Each word's FNV-1a hash, in one pass over the text's bytes. Words are
/// runs of letters and digits in lower case: punctuation, quote marks and
/// line breaks, which editors change freely, are not words. No word is
/// copied; ASCII, nearly all of a news text, is read a byte at a time.
fn word_hashes(text: &str) -> Vec<u64> {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0100_0000_01b3;
    let bytes = text.as_bytes();
    let mut words = Vec::with_capacity(bytes.len() / 5);
    // FNV-1a by hand (what `fnv::FnvHasher` computes, byte by byte), so the
    // hot loop is a table lookup, an XOR and a multiply.
    let mut h = OFFSET;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (letter, len) = if b.is_ascii() {
            let lower = ASCII_WORD[usize::from(b)];
            if lower != 0 {
                h = (h ^ u64::from(lower)).wrapping_mul(PRIME);
            }
            (lower != 0, 1)
        } else {
            // `i` is always at a character's first byte.
            let c = text[i..].chars().next().unwrap_or(' ');
            if c.is_alphanumeric() {
                let mut buf = [0u8; 4];
                for lower in c.to_lowercase() {
                    for &x in lower.encode_utf8(&mut buf).as_bytes() {
                        h = (h ^ u64::from(x)).wrapping_mul(PRIME);
                    }
                }
            }
            (c.is_alphanumeric(), c.len_utf8())
        };
        if letter {
            in_word = true;
        } else if in_word {
            words.push(h);
            h = OFFSET;
            in_word = false;
        }
        i += len;
    }
    if in_word {
        words.push(h);
    }
    words
}

/// Each ASCII byte's lower-case form when it is a letter or a digit, else 0.
const ASCII_WORD: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            table[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// One shingle in four goes into the signature: those whose first and
/// last words' hashes, XORed, have the top two bits clear. The choice
/// depends on the shingle alone, so two texts keep the same part of what
/// they share, and the Jaccard similarity of the kept shingles estimates
/// that of all of them (Broder's mod-m sample); the signature then costs a
/// quarter of the time.
fn kept(shingle: &[u64]) -> bool {
    (shingle[0] ^ shingle[SHINGLE_WORDS - 1]) >> 62 == 0
}

impl Signature {
    /// The signature of an article's text, or `None` when it is too short
    /// to tell a reprint from a coincidence.
    pub fn of(text: &str) -> Option<Signature> {
        let words = word_hashes(text);
        let kept: Vec<&[u64]> = words.windows(SHINGLE_WORDS).filter(|w| kept(w)).collect();
        if kept.len() < MIN_SHINGLES {
            return None;
        }
        Some(Signature::new(hasher().create_signature(kept.into_iter())))
    }

    /// The estimated Jaccard similarity of the two texts' shingles.
    pub fn similarity(&self, other: &Signature) -> f64 {
        compute_minhash_similarity(&self.hashes, &other.hashes)
    }

    /// The keys of its bands in the index: each band's rows and its number,
    /// hashed (FNV-1a) to one integer. Worked out with the signature, off
    /// the database writer's thread.
    pub fn band_keys(&self) -> &[i64] {
        &self.bands
    }

    /// As stored: the hashes as little-endian bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.hashes.iter().flat_map(|h| h.to_le_bytes()).collect()
    }

    /// Read a stored signature; `None` when it is not one of ours (a
    /// different length, a hand-edited row).
    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        if bytes.len() != HASHES * 4 {
            return None;
        }
        let hashes = bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        Some(Signature::new(hashes))
    }
}

/// A stored article a new one may reprint.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stored {
    id: i64,
    published: Option<String>,
    /// What it reprints, if it is a reprint itself.
    reprint_of: Option<i64>,
}

/// Whether article `a` ran before article `b`, as far as the dates tell:
/// only when both are dated and `a`'s date is earlier. Otherwise the one
/// stored first is taken as the original, so an undated article never
/// displaces a dated one, nor a dated one an undated one stored before it.
fn ran_before(a: Option<&str>, b: Option<&str>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a < b)
}

/// `SELECT` of the articles in any of `BANDS` bands, bound as ?1..?BANDS:
/// one index lookup a band. (`band IN (?1, ...)` made SQLite build a
/// temporary table of the list at every article.)
fn band_lookup_sql() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        let lookups: Vec<String> = (1..=BANDS)
            .map(|i| format!("SELECT article_id FROM article_bands WHERE band = ?{i}"))
            .collect();
        lookups.join(" UNION ALL ")
    })
}

/// `INSERT` of an article's bands (?1..?BANDS) with its id (?BANDS+1).
fn band_insert_sql() -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        let rows: Vec<String> = (1..=BANDS)
            .map(|i| format!("(?{i}, ?{})", BANDS + 1))
            .collect();
        format!(
            "INSERT OR IGNORE INTO article_bands (band, article_id) VALUES {}",
            rows.join(", ")
        )
    })
}

/// Stored articles sharing a band with `signature` and estimated at least
/// [`THRESHOLD`] similar, in stored order.
/// Candidates whose signatures are read and compared, most bands shared
/// first.
const CANDIDATES_READ: usize = 24;

fn near_duplicates(conn: &Connection, signature: &Signature, own: i64) -> Result<Vec<Stored>> {
    // One statement with the bands bound as a list (not JSON, not 32
    // statements): the lookup runs for every article ingested.
    let keys = signature.band_keys();
    let mut lookup = conn.prepare_cached(band_lookup_sql())?;
    // A key repeated (two bands hashed alike) is looked up once, as `IN`
    // would: NULL finds nothing.
    let keys = keys
        .iter()
        .enumerate()
        .map(|(i, key)| (!keys[..i].contains(key)).then_some(*key));
    let mut candidates: Vec<i64> = lookup
        .query_map(rusqlite::params_from_iter(keys), |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    // Each candidate with how many bands it shares: a reprint shares many,
    // an article on the same event one by chance. Only the most alike are
    // read, so a story told by many outlets does not make every ingest read
    // every one of them (cost that grew with the corpus).
    candidates.sort_unstable();
    let mut counted: Vec<(usize, i64)> = Vec::new();
    for id in candidates.into_iter().filter(|&id| id != own) {
        match counted.last_mut() {
            Some((n, last)) if *last == id => *n += 1,
            _ => counted.push((1, id)),
        }
    }
    counted.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let candidates = counted.into_iter().take(CANDIDATES_READ).map(|(_, id)| id);
    let mut read = conn.prepare_cached(
        "SELECT s.signature, a.published, a.reprint_of FROM article_signatures s
         JOIN articles a ON a.id = s.article_id WHERE s.article_id = ?1",
    )?;
    let mut found = Vec::new();
    for id in candidates {
        let row: Option<(Vec<u8>, Option<String>, Option<i64>)> = read
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let Some((bytes, published, reprint_of)) = row else {
            continue;
        };
        let similar =
            Signature::from_bytes(&bytes).is_some_and(|s| s.similarity(signature) >= THRESHOLD);
        if similar {
            found.push(Stored {
                id,
                published,
                reprint_of,
            });
        }
    }
    Ok(found)
}

/// The original of a stored article: what it reprints, or itself.
fn original_of(conn: &Connection, stored: &Stored) -> Result<Stored> {
    let Some(id) = stored.reprint_of else {
        return Ok(stored.clone());
    };
    let published = conn
        .prepare_cached("SELECT published FROM articles WHERE id = ?1")?
        .query_row([id], |r| r.get(0))?;
    Ok(Stored {
        id,
        published,
        reprint_of: None,
    })
}

/// Record article `id`'s signature and find what it reprints: the earliest
/// original among the stored articles it nearly duplicates. When the new
/// article ran before that original (both dated, its date earlier), it is
/// the original: the old one and its reprints now point at it. Returns
/// what the article reprints, if anything.
pub fn record(
    conn: &Connection,
    id: i64,
    published: Option<&str>,
    signature: &Signature,
) -> Result<Option<i64>> {
    let mut originals = Vec::new();
    for stored in near_duplicates(conn, signature, id)? {
        let original = original_of(conn, &stored)?;
        if !originals.iter().any(|o: &Stored| o.id == original.id) {
            originals.push(original);
        }
    }
    // The earliest: by date where both have one, then stored order.
    let earliest = originals.into_iter().reduce(|a, b| {
        if ran_before(b.published.as_deref(), a.published.as_deref())
            || (!ran_before(a.published.as_deref(), b.published.as_deref()) && b.id < a.id)
        {
            b
        } else {
            a
        }
    });
    let reprint_of = match earliest {
        Some(original) if ran_before(published, original.published.as_deref()) => {
            conn.prepare_cached(
                "UPDATE articles SET reprint_of = ?1 WHERE id = ?2 OR reprint_of = ?2",
            )?
            .execute(params![id, original.id])?;
            None
        }
        Some(original) => Some(original.id),
        None => None,
    };
    // Only a reprint's row is written again: rewriting every article's
    // row (text and all) to say NULL again was most of this function's time.
    if reprint_of.is_some() {
        conn.prepare_cached("UPDATE articles SET reprint_of = ?2 WHERE id = ?1")?
            .execute(params![id, reprint_of])?;
    }
    conn.prepare_cached(
        "INSERT OR REPLACE INTO article_signatures (article_id, signature) VALUES (?1, ?2)",
    )?
    .execute(params![id, signature.to_bytes()])?;
    let mut insert = conn.prepare_cached(band_insert_sql())?;
    for (i, key) in signature.band_keys().iter().enumerate() {
        insert.raw_bind_parameter(i + 1, *key)?;
    }
    insert.raw_bind_parameter(BANDS + 1, id)?;
    insert.raw_execute()?;
    Ok(reprint_of)
}

/// Whether article `id` has a signature stored (articles stored before
/// db/007_reprints.sql have none until extracted again).
pub fn has_signature(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM article_signatures WHERE article_id = ?1")?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Read back into a statement: each rendition in an article that reprints
/// another article of the statement becomes a `reprint`, `first` stays on
/// an original, and the statement counts its independent reports and the
/// outlets that reprinted it.
///
/// Articles group into stories: an original with its reprints. Each
/// story's lead is its original when that renders the statement, else its
/// first article listed (the original may not carry this quote); the
/// other articles of the story are reprints.
pub fn mark_reprints(statement: &mut Statement) {
    let story = |r: &Rendition| r.reprint_of.unwrap_or(r.article);
    let mut lead: HashMap<i64, i64> = HashMap::new();
    for r in &statement.renditions {
        let s = story(r);
        let entry = lead.entry(s).or_insert(r.article);
        if r.article == s {
            *entry = s;
        }
    }
    for r in &mut statement.renditions {
        if lead.get(&story(r)) != Some(&r.article) {
            r.relation = Relation::Reprint;
        }
    }
    let renditions = &mut statement.renditions;
    let first = renditions
        .iter()
        .position(|r| r.flags.contains(&Flag::First));
    let original = renditions
        .iter()
        .position(|r| r.relation != Relation::Reprint);
    if let (Some(first), Some(original)) = (first, original)
        && renditions[first].relation == Relation::Reprint
    {
        renditions[first].flags.retain(|f| *f != Flag::First);
        renditions[original].flags.insert(0, Flag::First);
    }
    let mut outlets: Vec<Option<&str>> = renditions
        .iter()
        .filter(|r| r.relation == Relation::Reprint)
        .map(|r| r.outlet.as_deref())
        .collect();
    outlets.sort_unstable();
    outlets.dedup();
    statement.reprinted_by = outlets.len();
    statement.independent_reports = lead.len();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::store::Store;

    /// A story of `n` ten-word sentences of made-up words, different for
    /// each `topic` (no article text copied).
    fn story(topic: &str, n: usize) -> String {
        const SYLLABLES: [&str; 16] = [
            "ka", "lo", "mi", "ne", "ru", "sa", "te", "vo", "bi", "da", "fu", "go", "ha", "ji",
            "pe", "zu",
        ];
        let mut x = topic.bytes().fold(7u64, |h, b| h * 31 + b as u64);
        let mut word = || {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let i = (x >> 33) as usize;
            format!(
                "{}{}{}",
                SYLLABLES[i % 16],
                SYLLABLES[(i / 16) % 16],
                SYLLABLES[(i / 256) % 16]
            )
        };
        (0..n)
            .map(|_| format!("{}.", (0..10).map(|_| word()).collect::<Vec<_>>().join(" ")))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn article(text: &str, date: Option<&str>) -> Article {
        Article {
            text: text.to_string(),
            outlet: Some("Wire".into()),
            published: date.map(|d| crate::article::parse_date(d).unwrap()),
            published_raw: date.map(String::from),
            source: "test".into(),
            ..Article::default()
        }
    }

    fn reprint_of(store: &Store, id: i64) -> Option<i64> {
        store
            .conn()
            .query_row("SELECT reprint_of FROM articles WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .unwrap()
    }

    fn stored(store: &mut Store, text: &str, date: Option<&str>) -> i64 {
        match store.add_article(&article(text, date), &[], false).unwrap() {
            crate::store::Outcome::Added { article, .. } => article,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn word_hashes_are_fnv_1a_of_each_lower_case_word() {
        use std::hash::Hasher;
        let fnv = |w: &str| {
            let mut h = fnv::FnvHasher::default();
            h.write(w.as_bytes());
            h.finish()
        };
        let text = "Mayor Ana BRILL said: \"Ferry-fares rise 3%\" \u{2014} Ærø's Œuvre, naïve";
        let expected: Vec<u64> = [
            "mayor", "ana", "brill", "said", "ferry", "fares", "rise", "3", "ærø", "s", "œuvre",
            "naïve",
        ]
        .iter()
        .map(|w| fnv(w))
        .collect();
        assert_eq!(word_hashes(text), expected);
    }

    #[test]
    fn small_edits_stay_above_the_threshold_and_other_stories_below() {
        let original = story("harbour", 20);
        // Three words changed and a credit line added: what an outlet
        // running wire copy does.
        let mut words: Vec<&str> = original.split(' ').collect();
        for i in [15, 80, 150] {
            words[i] = "changed";
        }
        let edited = words.join(" ") + " Reporting by a staff writer.";
        let other = story("school", 20);
        let a = Signature::of(&original).unwrap();
        assert_eq!(a.similarity(&a), 1.0);
        let b = Signature::of(&edited).unwrap();
        assert!(a.similarity(&b) >= THRESHOLD, "{}", a.similarity(&b));
        let c = Signature::of(&other).unwrap();
        assert!(a.similarity(&c) < THRESHOLD, "{}", a.similarity(&c));
        assert!(Signature::of("Too short to say.").is_none());
    }

    #[test]
    fn signatures_do_not_change_between_builds() {
        // Stored signatures are compared with new ones: a new version of
        // the hash crate (or of its random generator) that changes them
        // must fail here, not silently stop finding reprints.
        let s = Signature::of(&story("harbour", 20)).unwrap();
        assert_eq!(s.hashes.len(), HASHES);
        assert_eq!(
            &s.hashes[..4],
            &[GOLDEN[0], GOLDEN[1], GOLDEN[2], GOLDEN[3]]
        );
        assert_eq!(s.band_keys().len(), BANDS);
        assert_eq!(Signature::from_bytes(&s.to_bytes()), Some(s.clone()));
        assert_eq!(Signature::from_bytes(&[1, 2, 3]), None);
    }

    const GOLDEN: [u32; 4] = [40835434, 33527735, 16249197, 1415009];

    #[test]
    fn dates_decide_only_when_both_are_known() {
        assert!(ran_before(Some("2015-01-01"), Some("2015-01-02")));
        assert!(!ran_before(Some("2015-01-02"), Some("2015-01-01")));
        assert!(!ran_before(Some("2015-01-01"), Some("2015-01-01")));
        assert!(!ran_before(None, Some("2015-01-01")));
        assert!(!ran_before(Some("2015-01-01"), None));
    }

    #[test]
    fn a_reprint_points_at_the_earliest_and_an_older_arrival_takes_over() {
        let mut store = Store::open_in_memory().unwrap();
        let text = story("harbour", 20);
        let first = stored(&mut store, &text, Some("2015-09-18"));
        let unrelated = stored(&mut store, &story("school", 20), Some("2015-09-18"));
        let second = stored(
            &mut store,
            &format!("{text} More later."),
            Some("2015-09-19"),
        );
        assert_eq!(reprint_of(&store, first), None);
        assert_eq!(reprint_of(&store, unrelated), None);
        assert_eq!(reprint_of(&store, second), Some(first));
        // Undated: stored order decides, so it reprints the first.
        let undated = stored(&mut store, &format!("{text} Updated."), None);
        assert_eq!(reprint_of(&store, undated), Some(first));
        // Ingested last but published a day earlier: it is the original,
        // and the others now reprint it.
        let older = stored(
            &mut store,
            &format!("Early edition. {text}"),
            Some("2015-09-17"),
        );
        assert_eq!(reprint_of(&store, older), None);
        for id in [first, second, undated] {
            assert_eq!(reprint_of(&store, id), Some(older), "article {id}");
        }
        assert_eq!(reprint_of(&store, unrelated), None);
    }

    #[test]
    fn a_reprints_quotes_join_the_originals_statements_however_short() {
        let mut store = Store::open_in_memory().unwrap();
        let add = |store: &mut Store, text: &str, date: &str| {
            let quotes = crate::extract::extract_quotes(text);
            assert!(!quotes.is_empty(), "{text}");
            match store
                .add_article(&article(text, Some(date)), &quotes, false)
                .unwrap()
            {
                crate::store::Outcome::Added { article, .. } => article,
                other => panic!("{other:?}"),
            }
        };
        let quote = "\n\n\"Strangely quiet,\" Dana Pruitt said.";
        let text = format!("{}{quote}", story("harbour", 20));
        let first = add(&mut store, &text, "2015-09-18");
        let second = add(&mut store, &format!("{text} More later."), "2015-09-19");
        let other = add(
            &mut store,
            &format!("{}{quote}", story("school", 20)),
            "2015-10-19",
        );
        assert_eq!(reprint_of(&store, second), Some(first));
        let statement = |article: i64| -> i64 {
            store
                .conn()
                .query_row(
                    "SELECT r.statement_id FROM renditions r JOIN quotes q ON q.id = r.quote_id
                     WHERE q.article_id = ?1 AND q.text LIKE 'Strangely quiet%'",
                    [article],
                    |r| r.get(0),
                )
                .unwrap()
        };
        assert_eq!(statement(second), statement(first));
        // The same two words in another story a month later are not the
        // same remark: too short to tell from a phrase the speaker uses
        // again, so they start a statement of their own (within two weeks
        // they would join: `evidence::same_short_phrase`).
        assert_ne!(statement(other), statement(first));
    }

    fn rendition(quote: i64, article: i64, reprint_of: Option<i64>, outlet: &str) -> Rendition {
        Rendition {
            statement: 1,
            quote,
            outlet: Some(outlet.into()),
            date: None,
            speaker: None,
            found_by: None,
            confidence: None,
            text: "words".into(),
            article,
            relation: Relation::Same,
            diff: Vec::new(),
            flags: if quote == 1 {
                vec![Flag::First]
            } else {
                Vec::new()
            },
            reference: quote == 1,
            title: None,
            url: None,
            evidence: None,
            reprint_of,
        }
    }

    fn statement(renditions: Vec<Rendition>) -> Statement {
        let mut s = Statement {
            statement: 1,
            reference: 1,
            speaker: None,
            independent_reports: 0,
            reprinted_by: 0,
            renditions,
            claims: Vec::new(),
        };
        mark_reprints(&mut s);
        s
    }

    #[test]
    fn reprints_count_once_and_first_stays_on_an_original() {
        // Article 10 is an original; 11 and 12 reprint it; 20 is its own
        // report; 31 reprints 30, which does not carry this quote.
        let s = statement(vec![
            rendition(1, 11, Some(10), "B"),
            rendition(2, 10, None, "A"),
            rendition(3, 12, Some(10), "C"),
            rendition(4, 20, None, "D"),
            rendition(5, 31, Some(30), "E"),
            rendition(6, 12, Some(10), "C"),
        ]);
        let relations: Vec<_> = s.renditions.iter().map(|r| r.relation).collect();
        use Relation::{Reprint, Same};
        assert_eq!(relations, [Reprint, Same, Reprint, Same, Same, Reprint]);
        assert_eq!(s.renditions[0].flags, []);
        assert_eq!(s.renditions[1].flags, [Flag::First]);
        assert_eq!(s.independent_reports, 3);
        assert_eq!(s.reprinted_by, 2);
        let plain = statement(vec![rendition(1, 1, None, "A"), rendition(2, 2, None, "B")]);
        assert_eq!((plain.independent_reports, plain.reprinted_by), (2, 0));
        assert_eq!(plain.renditions[0].flags, [Flag::First]);
    }
}
