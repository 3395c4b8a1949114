//! nom parsers over article text: quotation marks, quoted passages, words,
//! and the attribution patterns that tie a quote to its speaker.

pub mod attribution;
pub mod marks;
pub mod quotes;
pub mod tokens;
