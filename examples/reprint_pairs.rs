//! Near-duplicate articles in a PolNeAR-style folder (text/ and
//! metadata.tsv), to choose and check the reprint threshold:
//!
//!     cargo run --release --example reprint_pairs -- ../shared/eval/polnear/train [MIN]
//!
//! Prints every pair whose exact Jaccard similarity over five-word
//! shingles is at least MIN (default 0.2), with the signatures' estimate
//! and whether the bands make it a candidate, then each article's
//! publisher, date, author and wire columns, for reading the pairs.

use std::collections::HashMap;
use std::path::Path;

use quotetrack::track::reprint::{Signature, THRESHOLD, shingles as all_shingles};

struct Doc {
    name: String,
    meta: String,
    shingles: Vec<u64>,
    signature: Option<Signature>,
}

fn shingles(text: &str) -> Vec<u64> {
    let mut out = all_shingles(text);
    out.sort_unstable();
    out.dedup();
    out
}

fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - both;
    if union == 0 {
        0.0
    } else {
        both as f64 / union as f64
    }
}

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: reprint_pairs DIR [MIN]"))?;
    let min: f64 = args.next().map_or(Ok(0.2), |m| m.parse())?;
    let dir = Path::new(&dir);
    let tsv = std::fs::read_to_string(dir.join("metadata.tsv"))?;
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let col = |name: &str| header.iter().position(|h| *h == name);
    let (file, publisher, date, author, wire) = (
        col("filename"),
        col("publisher"),
        col("publication_date"),
        col("author"),
        col("wire"),
    );
    let mut meta: HashMap<String, String> = HashMap::new();
    for line in lines {
        let cells: Vec<&str> = line.split('\t').collect();
        let get = |c: Option<usize>| c.and_then(|i| cells.get(i)).copied().unwrap_or("");
        meta.insert(
            get(file).to_string(),
            format!(
                "{} {} author={:?} wire={}",
                get(publisher),
                get(date),
                get(author),
                get(wire)
            ),
        );
    }
    let mut names: Vec<_> = std::fs::read_dir(dir.join("text"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    names.sort();
    let docs: Vec<Doc> = names
        .iter()
        .filter_map(|path| {
            let text = std::fs::read_to_string(path).ok()?;
            let name = path.file_stem()?.to_string_lossy().to_string();
            Some(Doc {
                meta: meta.get(&name).cloned().unwrap_or_default(),
                shingles: shingles(&text),
                signature: Signature::of(&text),
                name,
            })
        })
        .collect();
    // What ingest pays per article, on one core.
    let texts: Vec<String> = names
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let start = std::time::Instant::now();
    let shingled: usize = texts.iter().map(|t| all_shingles(t).len()).sum();
    let shingling = start.elapsed();
    let start = std::time::Instant::now();
    let signed = texts.iter().filter_map(|t| Signature::of(t)).count();
    eprintln!(
        "shingles of {} articles ({shingled}): {:.1} ms; signatures ({signed}), shingles included: {:.1} ms",
        texts.len(),
        shingling.as_secs_f64() * 1e3,
        start.elapsed().as_secs_f64() * 1e3
    );
    let mut pairs = Vec::new();
    for (i, a) in docs.iter().enumerate() {
        for b in &docs[i + 1..] {
            let exact = jaccard(&a.shingles, &b.shingles);
            let estimate = match (&a.signature, &b.signature) {
                (Some(x), Some(y)) => Some(x.similarity(y)),
                _ => None,
            };
            let candidate = match (&a.signature, &b.signature) {
                (Some(x), Some(y)) => x.band_keys().iter().zip(y.band_keys()).any(|(p, q)| p == q),
                _ => false,
            };
            if exact >= min || estimate.is_some_and(|e| e >= THRESHOLD) {
                pairs.push((exact, estimate, candidate, a, b));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0));
    for (exact, estimate, candidate, a, b) in &pairs {
        let reprint = *candidate && estimate.is_some_and(|e| e >= THRESHOLD);
        println!(
            "exact {exact:.3} estimate {} candidate {candidate} reprint {reprint}\n  {} ({} shingles) {}\n  {} ({} shingles) {}",
            estimate.map_or("-".into(), |e| format!("{e:.3}")),
            a.name,
            a.shingles.len(),
            a.meta,
            b.name,
            b.shingles.len(),
            b.meta
        );
    }
    let flagged = pairs
        .iter()
        .filter(|p| p.2 && p.1.is_some_and(|e| e >= THRESHOLD))
        .count();
    println!(
        "{} articles, {} without a signature; {} pairs listed, {flagged} flagged as reprints (threshold {THRESHOLD})",
        docs.len(),
        docs.iter().filter(|d| d.signature.is_none()).count(),
        pairs.len()
    );
    Ok(())
}
