//! Claims in reported speech, put together like the quotes of
//! [`extract`](crate::extract): the text layer's tokens (each quoted passage
//! one token) -> the claim patterns of
//! [`attribution::claims`](crate::attribution::claims) -> speakers resolved
//! by [`resolve`](crate::resolve) exactly as a quote's are -> records of
//! kind `indirect`. And [`Kinds`], which kinds of record a caller wants.

use rustc_hash::FxHashSet;

use crate::attribution::claims::{Claim, claims_in_sentence, sentences};
use crate::extract::{Extractor, Source, Tokenized, found_by, quotes_need};
use crate::quotes::spans::quoted_spans;
use crate::record::{FoundBy, Quote, QuoteKind, Span, SpeakerKind, TextSpan};
use crate::resolve::names::{NameIndex, People, resolution};
use crate::resolve::speaker::{gender_of, resolution_needed, speaker};
use crate::text::classes::{LowerWords, TokenClasses};
use crate::text::tokens::Token;
use crate::text::words::Words;

/// Which kinds of record to give. `direct` covers whole quotes and their
/// continuations; the default is every quote and no claims, which is what
/// extraction gave before claims existed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kinds {
    pub direct: bool,
    pub partial: bool,
    pub indirect: bool,
}

impl Default for Kinds {
    fn default() -> Self {
        Kinds::QUOTES
    }
}

impl Kinds {
    /// Direct and partial quotes (with continuations): no claims.
    pub const QUOTES: Kinds = Kinds {
        direct: true,
        partial: true,
        indirect: false,
    };
    pub const ALL: Kinds = Kinds {
        direct: true,
        partial: true,
        indirect: true,
    };
    pub const NONE: Kinds = Kinds {
        direct: false,
        partial: false,
        indirect: false,
    };

    pub fn wants(&self, kind: QuoteKind) -> bool {
        match kind {
            QuoteKind::Direct | QuoteKind::Continuation => self.direct,
            QuoteKind::Partial => self.partial,
            QuoteKind::Indirect => self.indirect,
        }
    }

    /// Add the kind named `name` (`direct`, `partial`, `indirect`, `all`).
    pub fn with(self, name: &str) -> Option<Kinds> {
        Some(match name {
            "direct" => Kinds {
                direct: true,
                ..self
            },
            "partial" => Kinds {
                partial: true,
                ..self
            },
            "indirect" => Kinds {
                indirect: true,
                ..self
            },
            "all" => Kinds::ALL,
            _ => return None,
        })
    }
}

impl<'l> Extractor<'l> {
    /// The records of `text` of the kinds wanted, in the order of the text.
    /// Quotes alone are exactly what [`Extractor::extract`] gives.
    pub fn extract_kinds(&self, text: &str, kinds: Kinds) -> Vec<Quote> {
        let quotes_wanted = kinds.direct || kinds.partial;
        let mut out = match (quotes_wanted, kinds.indirect) {
            (true, true) => return self.quotes_and_claims(text, kinds),
            (false, true) => return self.claims(text),
            (true, false) => self.extract(text),
            (false, false) => Vec::new(),
        };
        if kinds != Kinds::QUOTES {
            out.retain(|q| kinds.wants(q.kind));
        }
        out
    }

    /// Quotes (of the kinds wanted) and claims, the article read once for
    /// both: one tokenisation, one memo of word-list answers, one name index
    /// and one reading of its people. Each pass marks the speakers it finds
    /// in its own copy of the people, and sees the name index and the people
    /// only when its own speakers need them, as when it runs alone, so that
    /// the records are those of [`Extractor::extract`] and
    /// [`Extractor::claims`] put together.
    fn quotes_and_claims(&self, text: &str, kinds: Kinds) -> Vec<Quote> {
        let article = self.tokenize(text, quoted_spans(text));
        let lower_words = LowerWords::new(text, &article.toks);
        let classes = TokenClasses::new(&article.toks);
        let words = self.words(text, &lower_words, &classes);
        let toks = &article.toks;
        let quotes_found = if article.spans.is_empty() {
            Vec::new()
        } else {
            self.find_quotes(&words, &article)
        };
        let claims_found = find_claims(&words, &article);
        let (quote_names, quote_people) = quotes_need(&words, &quotes_found);
        let (claim_names, claim_people) = claims_need(&words, &claims_found);
        let (names, people) = resolution(
            &words,
            toks,
            quote_names || claim_names,
            quote_people || claim_people,
        );
        let no_names = NameIndex::default();
        let (people_for_quotes, people_for_claims) = match (quote_people, claim_people) {
            (true, true) => (people.clone(), people),
            (true, false) => (people, People::default()),
            (false, _) => (People::default(), people),
        };
        let mut out = self.records(
            text,
            &words,
            toks,
            if quote_names { &names } else { &no_names },
            &quotes_found,
            people_for_quotes,
        );
        out.retain(|q| kinds.wants(q.kind));
        let had_quotes = !out.is_empty();
        out.extend(self.claim_records(
            text,
            &words,
            toks,
            if claim_names { &names } else { &no_names },
            &claims_found,
            people_for_claims,
        ));
        if had_quotes {
            out.sort_by_key(|q| q.quote.start);
        }
        out
    }

    /// The claims of `text`: reported speech without quotation marks, as
    /// records of kind `indirect`, their span the clause the cue governs.
    pub fn claims(&self, text: &str) -> Vec<Quote> {
        let article = self.tokenize(text, quoted_spans(text));
        let lower_words = LowerWords::new(text, &article.toks);
        let classes = TokenClasses::new(&article.toks);
        let words = self.words(text, &lower_words, &classes);
        let found = find_claims(&words, &article);
        if found.is_empty() {
            return Vec::new();
        }
        let (need_names, need_people) = claims_need(&words, &found);
        let (names, people) = resolution(&words, &article.toks, need_names, need_people);
        self.claim_records(text, &words, &article.toks, &names, &found, people)
    }

    /// The records of the claims found, their speakers resolved in `names`
    /// and `people` (which the speakers found are marked in).
    fn claim_records(
        &self,
        text: &str,
        words: &Words,
        toks: &[Token],
        names: &NameIndex,
        found: &[Claim],
        mut people: People,
    ) -> Vec<Quote> {
        let mut out: Vec<Quote> = Vec::with_capacity(found.len());
        // The spans of `out`, so that a long page's claims are not each
        // compared with every one before.
        let mut spans: FxHashSet<Span> = FxHashSet::default();
        for c in found {
            let (a, b) = c.content;
            let span = trimmed(text, Span::new(toks[a].span.start, toks[b - 1].span.end));
            // One claim per clause: a second cue over the same words (`said
            // ..., according to`) adds nothing.
            if !spans.insert(span) {
                continue;
            }
            // `Asked whether ...` names no source: no speaker, unresolved.
            let (speaker, found_by) = match c.attribution() {
                Some(a) => {
                    let (speaker, mentioned) = speaker(text, words, names, &people, &a);
                    if speaker.kind == SpeakerKind::Person {
                        people.mark_speaker(&speaker.name, gender_of(words, &a));
                    }
                    (Some(speaker), found_by(Source::Sentence, mentioned, false))
                }
                None => (None, FoundBy::Unresolved),
            };
            out.push(Quote {
                quote: TextSpan::of(span, text),
                cue: Some(TextSpan::of(c.cue, text)),
                speaker,
                kind: QuoteKind::Indirect,
                found_by,
                confidence: self.lexicon.confidence(found_by),
            });
        }
        out
    }
}

/// Every claim of the article, sentence by sentence.
fn find_claims(words: &Words, article: &Tokenized) -> Vec<Claim> {
    let mut found: Vec<Claim> = Vec::new();
    for &(ps, pe) in &article.para_ranges {
        for (s, e) in sentences(words, &article.toks, ps, pe) {
            claims_in_sentence(words, &article.toks, s, e, &mut found);
        }
    }
    found
}

/// Which of the name index and the people of the article the sources of
/// the claims found will be looked up in.
fn claims_need(words: &Words, found: &[Claim]) -> (bool, bool) {
    resolution_needed(words, found.iter().filter_map(|c| c.mention.as_ref()))
}

/// The clause without surrounding spaces and the commas or dashes that
/// join it to its attribution.
fn trimmed(text: &str, span: Span) -> Span {
    let s = span.text(text);
    let inner =
        s.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '\u{2014}' | '\u{2013}'));
    let start = span.start
        + (s.len()
            - s.trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, ',' | '\u{2014}' | '\u{2013}')
            })
            .len());
    Span::new(start, start + inner.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    #[test]
    fn kinds_by_name() {
        let k = Kinds::NONE.with("indirect").unwrap();
        assert!(k.wants(QuoteKind::Indirect) && !k.wants(QuoteKind::Direct));
        assert!(
            Kinds::NONE
                .with("direct")
                .unwrap()
                .wants(QuoteKind::Continuation)
        );
        assert_eq!(Kinds::NONE.with("all"), Some(Kinds::ALL));
        assert_eq!(Kinds::NONE.with("claims"), None);
        assert!(!Kinds::default().wants(QuoteKind::Indirect));
    }

    #[test]
    fn a_role_before_a_verb_is_not_the_next_name_s() {
        // "businessman" is the subject's role, not Putin's: the role must
        // not point back at Putin.
        let text = "Russian President Vladimir Putin did not comment.\n\nThe New York businessman has praised Putin, saying he was a stronger leader than Barack Obama.";
        let claims = Extractor::new(Lexicon::builtin()).claims(text);
        let speaker = claims[0].speaker.as_ref().unwrap();
        assert_eq!(speaker.name, "The New York businessman");
        assert_eq!(claims[0].found_by, FoundBy::Unresolved);
    }

    #[test]
    fn quotes_and_claims_in_the_order_of_the_text() {
        let text = "\"We are ready,\" Ruiz said.\n\nRuiz said the pier would reopen in May.";
        let x = Extractor::new(Lexicon::builtin());
        let all: Vec<QuoteKind> = x
            .extract_kinds(text, Kinds::ALL)
            .iter()
            .map(|q| q.kind)
            .collect();
        assert_eq!(all, vec![QuoteKind::Direct, QuoteKind::Indirect]);
        assert_eq!(x.extract_kinds(text, Kinds::QUOTES), x.extract(text));
    }
}
