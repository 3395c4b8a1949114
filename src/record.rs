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
    /// A claim in reported speech without quotation marks: `Kerry said
    /// Lavrov had told him ...`; its span is the clause the cue governs.
    Indirect,
}

impl QuoteKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Continuation => "continuation",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// Where a quote's speaker came from: which pattern attributed it and what
/// the mention was. Each way is right a measured share of the time on the
/// training split (grammar/confidence.txt), which is the quote's
/// confidence; a continuation carries less when it stands inside a
/// sentence (`continuation-inside`) or carries on a pronoun's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FoundBy {
    /// A name, organisation or anonymous phrase as written, with a reporting
    /// cue, in the quote's sentence: `"Q," Kerry said`.
    Explicit,
    /// `he` or `she` with a cue, resolved to a person named earlier.
    Pronoun,
    /// A definite role with a cue, resolved to the person who holds it:
    /// `the secretary said`.
    Role,
    /// Carried from an earlier or later quote: a quote with no attribution
    /// of its own next to one that has it, or the second half of a split
    /// quote (`"Q1," X said. "Q2."`).
    Continuation,
    /// Read off the sentence's grammar with no reporting verb: its subject
    /// (`Trump called Cruz "a liar"`), or the owner of a noun for something
    /// said (`Trump's call for "a shutdown"`, `his promise to be "neutral"`).
    Subject,
    /// A name opening a headline: `Graham: Trump's 'Hateful Rhetoric'`.
    Headline,
    /// The page's layout: a paragraph ending `X said:` before the quote's,
    /// a quote signed on the line below (`- Sanders.`), or the label of the
    /// transcript turn the quote is in (`BRANDT: ... what I call "the
    /// boring things"`).
    Layout,
    /// A pronoun or role that points at nobody named, left as written
    /// (`they said`, `she said` with no woman named before).
    Unresolved,
}

impl FoundBy {
    /// Every way, in the order of the documentation.
    pub const ALL: [FoundBy; 8] = [
        FoundBy::Explicit,
        FoundBy::Pronoun,
        FoundBy::Role,
        FoundBy::Continuation,
        FoundBy::Subject,
        FoundBy::Headline,
        FoundBy::Layout,
        FoundBy::Unresolved,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            FoundBy::Explicit => "explicit",
            FoundBy::Pronoun => "pronoun",
            FoundBy::Role => "role",
            FoundBy::Continuation => "continuation",
            FoundBy::Subject => "subject",
            FoundBy::Headline => "headline",
            FoundBy::Layout => "layout",
            FoundBy::Unresolved => "unresolved",
        }
    }

    pub fn parse(name: &str) -> Option<FoundBy> {
        FoundBy::ALL.into_iter().find(|f| f.as_str() == name)
    }
}

/// One extracted quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quotation marks.
    pub quote: TextSpan,
    /// The reporting verb or phrase ("said", "according to", ":").
    pub cue: Option<TextSpan>,
    pub speaker: Option<Speaker>,
    pub kind: QuoteKind,
    /// How the speaker was found.
    pub found_by: FoundBy,
    /// How often a speaker found this way is right, 0 to 1 in hundredths
    /// (grammar/confidence.txt).
    pub confidence: f64,
}

/// A quote record as printed by `extract --format jsonl`: the quote and the
/// document it came from.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteRecord<'a> {
    pub doc: &'a str,
    #[serde(flatten)]
    pub quote: &'a Quote,
}
