//! Quote finding: quotation marks paired into quoted passages, paragraph by
//! paragraph, and the passages that are not someone's words (titles,
//! nicknames, scare quotes). Depends only on the text layer.

pub mod marks;
pub mod spans;
pub mod titles;
