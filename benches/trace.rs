//! `trace` latency: full-text search for a statement, then every rendition
//! aligned with the fullest, on a stored database.
//!
//! Point QUOTETRACK_BENCH_DB at a large database (for the million-quote
//! figure: `cargo run --release --example synth -- --articles 100000 --out
//! DIR`, then `quotetrack --db big.db ingest DIR`) and QUOTETRACK_BENCH_QUERY
//! at words of a statement in it. Without them the bench ingests the demo
//! corpus (examples/demo/) into a temporary database and traces the mayor's
//! remark. QUOTETRACK_BENCH_SPEAKER names the speaker for the
//! `quotes --speaker` latency. Run with `cargo bench --bench trace`.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::Criterion;
use quotetrack::article::{self, Meta};
use quotetrack::store::Store;
use quotetrack::{Extractor, Lexicon, track};

fn demo_store(dir: &std::path::Path) -> Store {
    let mut store = Store::open(&dir.join("bench.db")).expect("a temporary database");
    let extractor = Extractor::new(Lexicon::builtin());
    let demo = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/demo");
    let mut items = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&demo)
        .expect("examples/demo")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    for path in paths {
        for article in article::read_path(&path, &Meta::default()) {
            let article = article.expect("demo articles read");
            let quotes = extractor.extract(&article.text);
            items.push((article, quotes));
        }
    }
    store
        .add_articles(&items, false)
        .expect("demo corpus stored");
    store
}

fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let (store, query) = match std::env::var_os("QUOTETRACK_BENCH_DB") {
        Some(path) => (
            Store::open(&PathBuf::from(path)).expect("QUOTETRACK_BENCH_DB opens"),
            std::env::var("QUOTETRACK_BENCH_QUERY").unwrap_or_else(|_| "every court".into()),
        ),
        None => (demo_store(tmp.path()), "gamble safety families".to_string()),
    };
    let (articles, quotes) = store.counts().expect("counts");
    eprintln!("trace bench: {articles} articles, {quotes} quotes, query {query:?}");
    let speaker = std::env::var("QUOTETRACK_BENCH_SPEAKER").unwrap_or_else(|_| "brandt".into());
    c.bench_function("quotes --speaker --limit 50", |b| {
        b.iter(|| {
            let filter = quotetrack::store::QuoteFilter {
                speaker: Some(black_box(speaker.clone())),
                limit: Some(50),
                ..Default::default()
            };
            black_box(store.quotes(&filter).expect("quotes"))
        })
    });
    c.bench_function("trace (search + align every rendition)", |b| {
        b.iter(|| {
            let ids = track::find_statements(store.conn(), black_box(&query), 3).expect("search");
            let traced: Vec<_> = ids
                .into_iter()
                .map(|id| track::trace(store.conn(), id).expect("trace"))
                .collect();
            black_box(traced)
        })
    });
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    bench(&mut c);
    c.final_summary();
}
