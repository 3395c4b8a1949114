//! Writes `grammar/word_rarity.txt`: in how many of a corpus's articles
//! each word occurs, for the words linking weighs by rarity (see
//! `src/track/evidence.rs`). Words are folded exactly as linking folds
//! them (`track::normalize::words`).
//!
//! ```sh
//! cargo run --release --example word_rarity -- ../shared/eval/polnear/train/text > grammar/word_rarity.txt
//! ```

use std::collections::{HashMap, HashSet};
use std::io::Write;

use quotetrack::track::normalize::words;

/// Words in fewer articles than this are left out: linking treats a word
/// missing from the list as rare, which is what they are.
const MIN_ARTICLES: usize = 3;

fn main() -> std::io::Result<()> {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: word_rarity DIR (a folder of .txt articles)");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut df: HashMap<String, usize> = HashMap::new();
    for path in &paths {
        let text = std::fs::read_to_string(path)?;
        let seen: HashSet<String> = words(&text).words.into_iter().map(|w| w.norm).collect();
        for w in seen {
            *df.entry(w).or_default() += 1;
        }
    }
    let mut rows: Vec<(String, usize)> =
        df.into_iter().filter(|(_, n)| *n >= MIN_ARTICLES).collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "# In how many of {} news articles each word occurs (document frequency),\n\
         # for weighing the words two quotes share by how rare they are.\n\
         # Made by examples/word_rarity.rs from the PolNeAR training split (US political\n\
         # news, 2015-16); words in fewer than {MIN_ARTICLES} articles are left out and count as rare.\n\
         # Format: the first line that is not a comment is `articles N`, then `WORD COUNT`.",
        paths.len()
    )?;
    writeln!(out, "articles {}", paths.len())?;
    for (w, n) in rows {
        writeln!(out, "{w} {n}")?;
    }
    Ok(())
}
