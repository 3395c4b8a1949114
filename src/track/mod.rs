//! Statements: one utterance as reported across articles and outlets.
//!
//! Quote text is folded into [`normalize::words`] (case, punctuation,
//! curly or straight marks, British or American spelling, editors'
//! brackets and ellipses kept as marks), indexed by three-word shingles
//! and, at ingest, linked to the statement it renders ([`link`]). A
//! rendition is aligned word by word with the statement's fullest
//! rendition ([`align`]) to say how it relates (`same`, `partial`,
//! `elided`, `altered`) and what differs; [`trace`] reads a statement back
//! with the flags a fact-checker acts on (`first`, `other_speaker`,
//! `altered`, `omission`).

pub mod align;
pub mod claims;
pub mod evidence;
pub mod link;
pub mod normalize;
pub mod reprint;
pub mod trace;

pub use align::{ChangeKind, Position, Relation};
pub use claims::{ClaimBeside, ClaimRelation, claims_beside};
pub use link::{has_unlinked, link_quote, link_unlinked};
pub use trace::{
    DiffEntry, Flag, Rendition, Statement, find_statements, statement_of_quote, trace,
};
