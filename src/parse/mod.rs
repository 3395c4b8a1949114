//! nom parsers over article text.
