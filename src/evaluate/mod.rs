//! How right quotetrack is on real news: hand-labelled quote pairs and
//! speaker-name pairs (kept in `tests/trust/`, rules in its `RULES.md`)
//! measured against a database built the way a user builds one.
//!
//! [`corpus`] ingests a labelled split (PolNeAR's layout: `text/*.txt` and
//! `metadata.tsv`); [`labels`] reads the two label files; [`measure`]
//! matches labelled quotes to stored ones and works out the figures.

pub mod corpus;
pub mod labels;
pub mod measure;

pub use corpus::ingest_split;
pub use labels::{SpeakerPair, Speakers, StatementPair, read_speaker_pairs, read_statement_pairs};
pub use measure::{Counts, FlagCounts, Report, measure};
