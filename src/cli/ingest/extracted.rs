//! `ingest --extracted QUOTES.jsonl --articles ARTICLES.jsonl`: store
//! articles with quotes extracted elsewhere (by `extract --input jsonl`, or
//! the Spark stage on a cluster) instead of extracting them again, then
//! link statements and work out speakers as any ingest does.

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::path::Path;

use anyhow::{Context, Result};

use quotetrack::article::{self, Meta, jsonl};
use quotetrack::store::{Outcome, Store};
use quotetrack::{QuoteKind, stream};

use super::{ASSIGN_EVERY, CHUNK, Fill, IngestArgs, Summary};

pub fn run(
    args: &IngestArgs,
    quotes_path: &Path,
    db: &Path,
    fill: &Meta,
    outlets: &Fill,
) -> Result<i32> {
    let Some(articles_path) = &args.articles else {
        anyhow::bail!(
            "--extracted needs --articles FILE: the JSON Lines articles the quotes were extracted from"
        );
    };
    let mut summary = Summary::default();
    let quotes_name = quotes_path.display().to_string();
    let file = std::fs::File::open(quotes_path)
        .with_context(|| format!("cannot read the quote records {quotes_name}"))?;
    let mut by_doc = stream::read_records(file, &mut |s| {
        summary
            .skipped
            .push((format!("{quotes_name}:{}", s.line), s.reason))
    })?;
    let articles_name = articles_path.display().to_string();
    let file = std::fs::File::open(articles_path)
        .with_context(|| format!("cannot read the articles {articles_name}"))?;
    let mut store = Store::open(db)?;
    store.corrections()?;
    let mut unassigned = 0usize;
    let mut assigned = (store.counts()?.1 + store.claim_count()?) as usize;
    let mut seen = HashSet::new();
    let mut items = Vec::with_capacity(CHUNK);
    let mut store_chunk = |items: &mut Vec<_>, summary: &mut Summary| -> Result<()> {
        let outcomes = if args.replace {
            store.add_articles(items, true)?
        } else {
            store.add_articles_unassigned(items, false)?
        };
        for ((article, _), outcome) in items.iter().zip(outcomes) {
            if let Ok(Outcome::Added { quotes, claims, .. }) = &outcome {
                unassigned += quotes + claims;
            }
            summary.record(article, outcome);
        }
        items.clear();
        if !args.replace && unassigned > assigned.max(ASSIGN_EVERY) {
            store.assign_speakers()?;
            assigned += unassigned;
            unassigned = 0;
        }
        Ok(())
    };
    // Read line by line, named `FILE:LINE` as an ingest of the file names
    // them, so only a chunk of articles is held at a time.
    for (i, line) in BufReader::new(file).split(b'\n').enumerate() {
        let line = line.with_context(|| format!("cannot read the articles {articles_name}"))?;
        let source = format!("{articles_name}:{}", i + 1);
        let text = match std::str::from_utf8(&line) {
            Ok(text) => text.strip_prefix('\u{feff}').unwrap_or(text),
            Err(e) => {
                summary.skipped.push((
                    source,
                    format!(
                        "not UTF-8 (invalid byte at offset {}); JSON Lines must be UTF-8",
                        e.valid_up_to()
                    ),
                ));
                continue;
            }
        };
        if text.trim().is_empty() {
            continue;
        }
        let read = jsonl::parse_record(text.trim_end_matches('\r'), fill, &source)
            .and_then(|(id, article)| Ok((id, article::non_empty(article)?)));
        let (id, mut article) = match read {
            Ok(read) => read,
            Err(err) => {
                summary.skipped.push((source, format!("{err:#}")));
                continue;
            }
        };
        if !seen.insert(id.clone()) {
            summary.skipped.push((
                source,
                format!("the id {id:?} is an earlier line's too; its quotes are stored with that line's article"),
            ));
            continue;
        }
        outlets.fill(&mut article);
        let mut quotes = by_doc.remove(&id).unwrap_or_default();
        if args.no_claims {
            quotes.retain(|q| q.kind != QuoteKind::Indirect);
        }
        if let Err(err) = stream::check_quotes(&article.full_text(), &quotes) {
            summary.skipped.push((
                source,
                format!("the quotes of {id:?} do not fit it: {err:#}"),
            ));
            continue;
        }
        items.push((article, quotes));
        if items.len() >= CHUNK {
            store_chunk(&mut items, &mut summary)?;
        }
    }
    if !items.is_empty() {
        store_chunk(&mut items, &mut summary)?;
    }
    if !by_doc.is_empty() {
        let records: usize = by_doc.values().map(Vec::len).sum();
        let mut docs: Vec<&String> = by_doc.keys().collect();
        docs.sort();
        summary.skipped.push((
            quotes_name,
            format!(
                "{records} quote records name {} articles not in {articles_name}, such as {:?}",
                docs.len(),
                docs[0]
            ),
        ));
    }
    if !args.replace {
        store.assign_speakers()?;
    }
    summary.print(&store, db)?;
    store.close_for_exit();
    Ok(if summary.skipped.is_empty() { 0 } else { 1 })
}
