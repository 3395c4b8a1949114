//! The text layer every later stage reads: the tokens of a paragraph (each
//! quote one token), the [`Words`] view of the text with the word lists,
//! and the per-article memos of what the word lists say about each token.
//! Depends only on the word lists and the record types.

pub mod classes;
pub mod tokens;
pub mod words;

pub use words::Words;
