//! The real-data evaluation as a test: when the PolNeAR training split is
//! at ../shared/eval/polnear/train, ingest it and check the figures against
//! the floors in tests/trust/floors.txt (raise them as things improve).

use std::path::Path;

use quotetrack::Lexicon;
use quotetrack::evaluate::{self, Speakers};
use quotetrack::store::Store;

fn labels() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/trust")
}

#[test]
fn label_files_are_big_enough_and_valid() {
    let statements = evaluate::read_statement_pairs(&labels().join("statement_pairs.tsv")).unwrap();
    let speakers = evaluate::read_speaker_pairs(&labels().join("speaker_pairs.tsv")).unwrap();
    assert!(statements.len() >= 400, "{} quote pairs", statements.len());
    assert!(speakers.len() >= 100, "{} speaker pairs", speakers.len());
    assert!(statements.iter().any(|p| p.same) && statements.iter().any(|p| !p.same));
    assert!(statements.iter().any(|p| p.speakers == Speakers::Different));
    assert!(speakers.iter().any(|p| p.same) && speakers.iter().any(|p| !p.same));
}

/// `name value` lines; `#` starts a comment.
fn floors() -> Vec<(String, f64)> {
    let text = std::fs::read_to_string(labels().join("floors.txt")).unwrap();
    text.lines()
        .map(|l| l.split('#').next().unwrap().trim())
        .filter(|l| !l.is_empty())
        .map(|l| {
            let (name, value) = l.split_once(char::is_whitespace).unwrap();
            (name.to_string(), value.trim().parse().unwrap())
        })
        .collect()
}

#[test]
fn figures_on_the_training_split_hold_their_floors() {
    let split = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/polnear/train");
    if !split.join("metadata.tsv").exists() {
        eprintln!("skipped: {} is absent", split.display());
        return;
    }
    let statements = evaluate::read_statement_pairs(&labels().join("statement_pairs.tsv")).unwrap();
    let speakers = evaluate::read_speaker_pairs(&labels().join("speaker_pairs.tsv")).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    evaluate::ingest_split(&split, &mut store, Lexicon::builtin()).unwrap();
    let report = evaluate::measure(store.conn(), &statements, &speakers).unwrap();
    eprint!("{report}");
    let figures = report.figures();
    for (name, floor) in floors() {
        let value = figures
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("floors.txt names {name}, which is not a figure"))
            .1;
        if name.starts_with("max_") {
            assert!(
                value <= floor,
                "{name} is {value}, above its ceiling {floor}"
            );
        } else {
            assert!(
                value >= floor,
                "{name} is {value:.3}, below its floor {floor}"
            );
        }
    }
}
