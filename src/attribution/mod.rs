//! Attribution: the patterns around a quote that say who said it (cues,
//! headlines, layout, transcript turns, sentence subjects) and the speaker
//! mentions they point at, read off the text layer's tokens.

pub mod claims;
pub mod mention;
pub mod patterns;
pub mod turns;

pub use mention::{Mention, MentionKind};
pub use patterns::Attribution;
