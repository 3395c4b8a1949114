//! A labelled split stored as a user stores it: each article read as
//! `quotetrack ingest` reads a file, its outlet, date and title from the
//! split's `metadata.tsv`, stored in batches with identity worked out once
//! at the end, as `ingest` does.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result, bail};
use rayon::prelude::*;

use crate::article::{self, Article, Meta};
use crate::store::Store;
use crate::{Extractor, Lexicon, Quote};

/// Articles stored per transaction, as `ingest` does.
const BATCH: usize = 256;

/// What `metadata.tsv` says of each article, by file name without `.txt`.
fn read_metadata(path: &Path) -> Result<HashMap<String, Meta>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let column = |name: &str| header.iter().position(|h| *h == name);
    let Some(file) = column("filename") else {
        bail!("{} has no `filename` column", path.display());
    };
    let (outlet, date, title) = (
        column("publisher"),
        column("publication_date"),
        column("title"),
    );
    let mut meta = HashMap::new();
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let fields: Vec<&str> = line.split('\t').collect();
        let field = |i: Option<usize>| {
            i.and_then(|i| fields.get(i))
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let Some(name) = field(Some(file)) else {
            continue;
        };
        meta.insert(
            name,
            Meta {
                outlet: field(outlet),
                date: field(date),
                title: field(title),
                ..Meta::default()
            },
        );
    }
    Ok(meta)
}

/// The article name a stored path stands for: its file name without
/// `.txt`, which is what the label files call it.
pub fn doc_name(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.strip_suffix(".txt").unwrap_or(name)
}

/// Store every article of `split` (`text/*.txt`, `metadata.tsv`) in
/// `store`, link their quotes and work out identity. Returns the number of
/// articles read; one that cannot be read is skipped with a warning on
/// stderr.
pub fn ingest_split(split: &Path, store: &mut Store, lexicon: &Lexicon) -> Result<usize> {
    let meta = read_metadata(&split.join("metadata.tsv"))?;
    let dir = split.join("text");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let extractor = Extractor::new(lexicon);
    for chunk in files.chunks(BATCH) {
        let items: Vec<(Article, Vec<Quote>)> = chunk
            .par_iter()
            .flat_map_iter(|path| {
                let name = doc_name(&path.to_string_lossy()).to_string();
                let fill = meta.get(&name).cloned().unwrap_or_else(|| {
                    eprintln!(
                        "warning: {name} is not in metadata.tsv; stored without outlet or date"
                    );
                    Meta::default()
                });
                let read = article::read_file(path, &fill);
                for warning in read.warnings {
                    eprintln!("warning: {}: {warning}", path.display());
                }
                read.articles.into_iter().filter_map(|a| match a {
                    Ok(a) => Some(a),
                    Err(err) => {
                        eprintln!("warning: skipped {}: {err:#}", path.display());
                        None
                    }
                })
            })
            .map(|a| {
                // As `ingest` stores them: quotes and claims (claims are
                // not linked, but their speakers take part in identity).
                let quotes = extractor.extract_kinds(&a.full_text(), crate::claims::Kinds::ALL);
                (a, quotes)
            })
            .collect();
        for outcome in store.add_articles_unassigned(&items, false)? {
            if let Err(err) = outcome {
                eprintln!("warning: an article was not stored: {err:#}");
            }
        }
    }
    store.assign_speakers()?;
    Ok(files.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_name_drops_folder_and_extension() {
        assert_eq!(doc_name("a/text/cnn_2016-01-01_x.txt"), "cnn_2016-01-01_x");
        assert_eq!(doc_name("plain"), "plain");
    }

    #[test]
    fn ingests_a_tiny_split_with_its_metadata() {
        let dir = std::env::temp_dir().join(format!("qt-eval-split-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("text")).unwrap();
        std::fs::write(
            dir.join("metadata.tsv"),
            "filename\tpublisher\tpublication_date\ttitle\nstory\tcnn\t2016-02-01\tA title\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("text/story.txt"),
            "\"We will win this state,\" Jane Roe said on Monday.\n",
        )
        .unwrap();
        let mut store = Store::open_in_memory().unwrap();
        let n = ingest_split(&dir, &mut store, Lexicon::builtin()).unwrap();
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(n, 1);
        let (outlet, date): (String, String) = store
            .conn()
            .query_row(
                "SELECT o.name, a.published FROM articles a JOIN outlets o ON o.id = a.outlet_id",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!((outlet.as_str(), date.as_str()), ("cnn", "2016-02-01"));
        assert_eq!(store.counts().unwrap().1, 1);
    }
}
