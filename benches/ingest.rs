//! Ingest throughput: the PolNeAR training articles
//! (../shared/eval/polnear/train/text) read, extracted on all cores and
//! stored with statement linking and speaker identity into a new database,
//! in articles per second, as `quotetrack ingest` does it. The baseline in
//! the same run is counting the words of the same files (`wc -w`), so the
//! ratio does not depend on the machine.
//!
//! Without ../shared it falls back to tests/fixtures/extract and says so.
//! Run with `cargo bench --bench ingest`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use rayon::prelude::*;

use quotetrack::article::{self, Meta};
use quotetrack::store::Store;
use quotetrack::{Extractor, Lexicon};

fn article_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let polnear = root.join("../shared/eval/polnear/train/text");
    let dir = if polnear.is_dir() {
        polnear
    } else {
        eprintln!(
            "note: PolNeAR not found; benchmarking tests/fixtures/extract (figures not comparable)"
        );
        root.join("tests/fixtures/extract")
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    paths.sort();
    paths
}

/// Ingest every file into a new database; returns the quotes stored.
fn ingest(files: &[PathBuf], dir: &Path) -> usize {
    let db = dir.join("bench.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let mut store = Store::open(&db).expect("a new database");
    let extractor = Extractor::new(Lexicon::builtin());
    let mut quotes = 0;
    for chunk in files.chunks(256) {
        let items: Vec<_> = chunk
            .par_iter()
            .flat_map_iter(|p| article::read_path(p, &Meta::default()))
            .filter_map(Result::ok)
            .map(|a| {
                let q = extractor.extract(&a.text);
                (a, q)
            })
            .collect();
        quotes += items.iter().map(|(_, q)| q.len()).sum::<usize>();
        store
            .add_articles_unassigned(&items, false)
            .expect("stored");
    }
    store.assign_speakers().expect("speakers");
    quotes
}

fn wc_files(files: &[PathBuf]) -> usize {
    files
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap_or_default();
            bytes
                .split(|b| b.is_ascii_whitespace())
                .filter(|w| !w.is_empty())
                .count()
        })
        .sum()
}

fn main() {
    let files = article_files();
    if files.is_empty() {
        eprintln!("no articles found to benchmark; nothing to do");
        return;
    }
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(10))
        .configure_from_args();
    {
        let mut group = c.benchmark_group("ingest");
        group.throughput(Throughput::Elements(files.len() as u64));
        group.bench_function("ingest (extract, store, link, identity)", |b| {
            b.iter(|| ingest(black_box(&files), tmp.path()))
        });
        group.bench_function("wc_w_baseline", |b| b.iter(|| wc_files(black_box(&files))));
        group.finish();
    }
    c.final_summary();
    let best = |f: &dyn Fn() -> usize| {
        (0..3)
            .map(|_| {
                let t = Instant::now();
                black_box(f());
                t.elapsed()
            })
            .min()
            .unwrap()
    };
    let t_ingest = best(&|| ingest(&files, tmp.path()));
    let t_wc = best(&|| wc_files(&files));
    println!(
        "summary ingest: {} articles in {:.3} s = {:.0} articles/s; wc -w over the same files {:.3} s; ratio wc/ingest = {:.3}",
        files.len(),
        t_ingest.as_secs_f64(),
        files.len() as f64 / t_ingest.as_secs_f64(),
        t_wc.as_secs_f64(),
        t_wc.as_secs_f64() / t_ingest.as_secs_f64()
    );
}
