//! Resolution within one article: the names met in it, the people a
//! pronoun or a role points back at, and the speaker each mention names.
//! Depends on the text layer and attribution.

pub mod names;
pub mod speaker;

pub use names::{NameIndex, People};
