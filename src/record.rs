//! The quote record: the contract between the extractor, the store and the
//! scorer (see ../shared/DESIGN.md). Offsets are UTF-8 byte offsets into the
//! article text exactly as read, end exclusive.

use serde::{Deserialize, Serialize};

/// A byte range of the article text, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// A span together with the text it covers, as printed in the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl TextSpan {
    pub fn of(span: Span, text: &str) -> Self {
        TextSpan {
            start: span.start,
            end: span.end,
            text: span.text(text).to_string(),
        }
    }
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// What kind of source a speaker mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A named person ("John Kerry", or "he" resolved to him).
    Person,
    /// An unnamed source ("a senior U.S. official", "sources").
    Anonymous,
    /// A body speaking as one ("the Pentagon", "the ministry").
    Organisation,
}

impl SpeakerKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Anonymous => "anonymous",
            SpeakerKind::Organisation => "organisation",
        }
    }
}

/// The mention that an attribution points at, and who it resolves to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub start: usize,
    pub end: usize,
    /// The mention as written ("he", "Kerry", "a senior U.S. official").
    pub text: String,
    /// The resolved, normalised speaker ("John Kerry").
    pub name: String,
    pub kind: SpeakerKind,
    /// Title or role seen with the mention ("U.S. Secretary of State").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub role: Option<String>,
}

/// How a quote stands in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// A whole quoted sentence or passage with its own attribution.
    Direct,
    /// A fragment quoted inside reported speech.
    Partial,
    /// A quote with no attribution of its own that carries on the previous
    /// speaker's words (next paragraph, second half of a split quote).
    Continuation,
}

impl QuoteKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Continuation => "continuation",
        }
    }
}

/// One extracted quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub quote: TextSpan,
    /// The reporting verb or phrase ("said", "according to", ":").
    pub cue: Option<TextSpan>,
    pub speaker: Option<Speaker>,
    pub kind: QuoteKind,
}

/// A quote record as printed by `extract --format jsonl`: the quote and the
/// document it came from.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteRecord<'a> {
    pub doc: &'a str,
    #[serde(flatten)]
    pub quote: &'a Quote,
}
