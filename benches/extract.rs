//! Throughput of `extract_quotes` over the PolNeAR training articles
//! (../shared/eval/polnear/train/text), on one core and on all cores (rayon
//! across articles, as `quotetrack extract` does), in bytes per second,
//! against a baseline measured in the same run over the same bytes: counting
//! words the way `wc -w` does (runs of non-whitespace). The ratio of the two
//! is the figure to quote, since it does not depend on the machine.
//!
//! Without ../shared the benchmark falls back to tests/fixtures/extract and
//! says so. Run with `cargo bench --bench extract`.
//!
//! The `long_article` group joins the articles into one page of 1 MB and
//! one of 4 MB and extracts every kind of record (quotes and claims) from
//! each: with per-article cost near-linear, the two throughputs are about
//! the same, where lookups over all the names of a page made the 4 MB one
//! several times slower per byte.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};

struct Corpus {
    name: String,
    docs: Vec<String>,
    bytes: usize,
}

fn read_dir_texts(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

fn load_corpus() -> Corpus {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let polnear = root.join("../shared/eval/polnear/train/text");
    let mut docs = read_dir_texts(&polnear);
    let name = if docs.is_empty() {
        eprintln!(
            "note: {} not found; benchmarking tests/fixtures/extract instead (figures not comparable)",
            polnear.display()
        );
        docs = read_dir_texts(&root.join("tests/fixtures/extract"));
        "fixtures".to_string()
    } else {
        "polnear-train".to_string()
    };
    let bytes = docs.iter().map(String::len).sum();
    eprintln!(
        "corpus {name}: {} articles, {:.2} MB",
        docs.len(),
        bytes as f64 / 1e6
    );
    Corpus { name, docs, bytes }
}

/// Words as `wc -w` counts them: maximal runs of bytes that are not ASCII
/// whitespace.
fn wc_words(text: &str) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for &b in text.as_bytes() {
        let space = matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
        if !space && !in_word {
            words += 1;
        }
        in_word = !space;
    }
    words
}

fn extract_all(docs: &[String]) -> usize {
    docs.iter()
        .map(|d| quotetrack::extract_quotes(black_box(d)).len())
        .sum()
}

fn extract_all_cores(docs: &[String]) -> usize {
    use rayon::prelude::*;
    docs.par_iter()
        .map(|d| quotetrack::extract_quotes(black_box(d)).len())
        .sum()
}

/// The articles joined one after another into one page of at least
/// `bytes` bytes (the corpus repeated as needed).
fn long_article(docs: &[String], bytes: usize) -> String {
    let mut page = String::with_capacity(bytes + 65_536);
    for d in docs.iter().cycle() {
        if page.len() >= bytes {
            break;
        }
        page.push_str(d.trim());
        page.push_str("\n\n");
    }
    page
}

fn wc_all(docs: &[String]) -> usize {
    docs.iter().map(|d| wc_words(black_box(d))).sum()
}

/// Best of a few timed passes, for the ratio line printed at the end.
fn best_pass(docs: &[String], f: fn(&[String]) -> usize) -> Duration {
    (0..3)
        .map(|_| {
            let t = Instant::now();
            black_box(f(docs));
            t.elapsed()
        })
        .min()
        .unwrap()
}

fn main() {
    let corpus = load_corpus();
    if corpus.docs.is_empty() {
        eprintln!("no articles found to benchmark; nothing to do");
        return;
    }
    let mut c = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(2))
        .measurement_time(Duration::from_secs(10))
        .configure_from_args();
    {
        let mut group = c.benchmark_group(format!("extract/{}", corpus.name));
        group.throughput(Throughput::Bytes(corpus.bytes as u64));
        group.bench_function("extract_quotes", |b| b.iter(|| extract_all(&corpus.docs)));
        group.bench_function("extract_quotes_all_cores", |b| {
            b.iter(|| extract_all_cores(&corpus.docs))
        });
        group.bench_function("wc_w_baseline", |b| b.iter(|| wc_all(&corpus.docs)));
        group.finish();
    }
    {
        let extractor = quotetrack::Extractor::new(quotetrack::Lexicon::builtin());
        let mut group = c.benchmark_group(format!("long_article/{}", corpus.name));
        for mb in [1, 4] {
            let page = long_article(&corpus.docs, mb * 1_000_000);
            group.throughput(Throughput::Bytes(page.len() as u64));
            group.bench_function(format!("extract_kinds_all_{mb}mb"), |b| {
                b.iter(|| {
                    extractor
                        .extract_kinds(black_box(&page), quotetrack::Kinds::ALL)
                        .len()
                })
            });
        }
        group.finish();
    }
    c.final_summary();

    let quotes = extract_all(&corpus.docs);
    let words = wc_all(&corpus.docs);
    let t_extract = best_pass(&corpus.docs, extract_all);
    let t_wc = best_pass(&corpus.docs, wc_all);
    let t_all = best_pass(&corpus.docs, extract_all_cores);
    let mbps = |t: Duration| corpus.bytes as f64 / 1e6 / t.as_secs_f64();
    println!(
        "summary {}: {quotes} quotes, {words} words; extract_quotes {:.1} MB/s, wc -w {:.1} MB/s; ratio extract_quotes/wc -w = {:.3}",
        corpus.name,
        mbps(t_extract),
        mbps(t_wc),
        t_wc.as_secs_f64() / t_extract.as_secs_f64()
    );
    println!(
        "summary {} on {} cores: extract_quotes {:.1} MB/s; ratio to wc -w on one core = {:.3}",
        corpus.name,
        rayon::current_num_threads(),
        mbps(t_all),
        t_wc.as_secs_f64() / t_all.as_secs_f64()
    );
}
