//! Speaker mentions and their resolution within an article.

pub mod classes;
pub mod identity;
pub mod mention;
pub mod resolve;

pub use mention::{Mention, MentionKind, Words};
pub use resolve::{NameIndex, People};
