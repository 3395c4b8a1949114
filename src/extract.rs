//! Article text in, quotes with their speakers out: the stages put
//! together in order, [`text`](crate::text) -> [`quotes`](crate::quotes) ->
//! [`attribution`](crate::attribution) -> [`resolve`](crate::resolve) ->
//! records.

use std::cell::OnceCell;

use crate::attribution::patterns::{
    Attribution, after_quote, at_sentence_end, before_quote, colon_paragraph, dash_then_name,
    in_headline, introduced_above, introduced_in_paragraph, is_headline, named_above, nominal,
    object_of_named_verb, owner_between, sentence_subject_of, signed_after, signed_below,
    subject_after_quote, verb_right_before,
};
use crate::attribution::turns::transcript_turns;
use crate::lexicon::{Lexicon, with_lower};
use crate::quotes::spans::{QuotedSpan, quoted_spans, tokenize_paragraphs};
use crate::quotes::titles::{
    a_sentence_of_its_own, is_someones_words, labeled_as, labeled_by_verb, listed_as_example,
    names_a_work,
};
use crate::record::{FoundBy, Quote, QuoteKind, Span, Speaker, SpeakerKind, TextSpan};
use crate::resolve::names::{NameIndex, People, resolution};
use crate::resolve::speaker::{
    Mentioned, capitalised_as_it_opens, gender_of, resolution_needed, speaker, titled_somewhere,
};
use crate::text::classes::{LowerWords, TokenClasses};
use crate::text::tokens::{Token, TokenKind};
use crate::text::words::Words;

pub struct Extractor<'l> {
    pub lexicon: &'l Lexicon,
}

/// A quoted passage and what the first pass learnt about it.
pub(crate) struct Found {
    span: QuotedSpan,
    /// Index of the paragraph (counting only non-empty ones).
    para: usize,
    /// Index of its token.
    token: usize,
    /// Index of its paragraph's first token.
    para_start: usize,
    attribution: Option<Attribution>,
    /// Which pattern gave `attribution`.
    source: Source,
    /// Speaker taken from a neighbouring quote.
    borrowed: Option<usize>,
    /// A reporting verb follows it in its own sentence, with a subject no
    /// pattern could read as a speaker: someone's words, the source the
    /// words before the verb when they are a plain noun phrase (`the audit
    /// by the state comptroller`), else unknown.
    own_cue: Option<(Span, Option<Span>)>,
}

/// Where in the article an attribution was found: with [`Mentioned`], what
/// makes a quote's [`FoundBy`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// A reporting verb (or `according to`, or a colon) in the quote's own
    /// sentence: `after_quote`, `before_quote`, `at_sentence_end`.
    Sentence,
    /// `in_headline`.
    Headline,
    /// `colon_paragraph` or `signed_below`: another paragraph says who.
    Layout,
    /// No reporting verb: `sentence_subject_of`, or `nominal` (the owner
    /// of `remarks`, `promise`).
    Subject,
}

/// How a quote's speaker was found, from where its attribution came from
/// and what its mention resolved to. A speaker left as a bare pronoun or
/// role is `unresolved` however it was found; one carried from another
/// quote is a `continuation` whatever that quote's own way was.
pub(crate) fn found_by(source: Source, mentioned: Mentioned, carried: bool) -> FoundBy {
    match (mentioned, carried, source) {
        (Mentioned::Unresolved, _, _) => FoundBy::Unresolved,
        (_, true, _) => FoundBy::Continuation,
        (_, _, Source::Headline) => FoundBy::Headline,
        (_, _, Source::Layout) => FoundBy::Layout,
        (_, _, Source::Subject) => FoundBy::Subject,
        (Mentioned::Pronoun, _, Source::Sentence) => FoundBy::Pronoun,
        (Mentioned::Role, _, Source::Sentence) => FoundBy::Role,
        (Mentioned::AsWritten, _, Source::Sentence) => FoundBy::Explicit,
    }
}

impl<'l> Extractor<'l> {
    pub fn new(lexicon: &'l Lexicon) -> Self {
        Extractor { lexicon }
    }

    pub fn extract(&self, text: &str) -> Vec<Quote> {
        let spans = quoted_spans(text);
        if spans.is_empty() {
            return Vec::new();
        }
        let article = self.tokenize(text, spans);
        let lower_words = LowerWords::new(text, &article.toks);
        let classes = TokenClasses::new(&article.toks);
        let words = self.words(text, &lower_words, &classes);
        let found = self.find_quotes(&words, &article);
        // Built only when some speaker will be looked up in them.
        let (need_names, need_people) = quotes_need(&words, &found);
        let (names, people) = resolution(&words, &article.toks, need_names, need_people);
        self.records(text, &words, &article.toks, &names, &found, people)
    }

    /// The article's paragraphs as tokens, each quoted passage one token:
    /// what both the quote and the claim passes read.
    pub(crate) fn tokenize(&self, text: &str, spans: Vec<QuotedSpan>) -> Tokenized {
        let is_abbreviation = |w: &str| self.lexicon.is_abbreviation(w);
        let (toks, para_ranges) = tokenize_paragraphs(text, &spans, &is_abbreviation);
        Tokenized {
            spans,
            toks,
            para_ranges,
        }
    }

    /// The word view of an article whose word-list answers are remembered
    /// in `classes` and `lower_words`, kept by the caller for as long as the
    /// article is read.
    pub(crate) fn words<'a>(
        &'a self,
        text: &'a str,
        lower_words: &'a LowerWords<'a>,
        classes: &'a TokenClasses<'a>,
    ) -> Words<'a> {
        Words {
            lower_words: Some(lower_words),
            classes: Some(classes),
            ..Words::new(text, self.lexicon)
        }
    }

    /// Every quoted passage of the article with the attribution its
    /// sentence, paragraph or neighbours give it, before any speaker is
    /// resolved.
    pub(crate) fn find_quotes(&self, words: &Words, article: &Tokenized) -> Vec<Found> {
        let toks = &article.toks;
        let para_ranges = &article.para_ranges;
        let mut found = found_quotes(&article.spans, toks, para_ranges);
        let mut headline: Vec<Option<bool>> = vec![None; para_ranges.len()];
        // A few tokens a paragraph, read once for the article's quotes.
        let turns = if found.is_empty() {
            Vec::new()
        } else {
            transcript_turns(words, toks, para_ranges)
        };
        for f in found.iter_mut() {
            let (ps, pe) = para_ranges[f.para];
            let is_headline =
                *headline[f.para].get_or_insert_with(|| is_headline(words, &toks[ps..pe]));
            // The words before the quote, read at most once: a verb's
            // object right after it and the reading after `after_quote`
            // both ask.
            let before = OnceCell::new();
            let read_before = || {
                before
                    .get_or_init(|| before_quote(words, toks, f.token, ps))
                    .clone()
            };
            // The newsletter's `TOPIC - Name: "Q"` first: its topic may
            // read as a headline or hold a reporting verb.
            let found = dash_then_name(words, toks, f.token, ps)
                .map(|a| (a, Source::Layout))
                .or_else(|| {
                    in_headline(words, toks, f.token, (ps, pe), is_headline)
                        .map(|a| (a, Source::Headline))
                })
                .or_else(|| {
                    verb_right_before(words, toks, f.token, ps)
                        .then(read_before)
                        .flatten()
                        .filter(|a| object_of_named_verb(toks, f.token, a))
                        .map(|a| (a, Source::Sentence))
                })
                .or_else(|| {
                    after_quote(words, toks, f.token, pe)
                        .map(|a| (a, Source::Sentence))
                        .or_else(|| {
                            let a = read_before()?;
                            let subject = a
                                .cue
                                .and_then(|c| subject_after_quote(words, toks, f.token, ps, c));
                            if let Some(subject) = subject {
                                return Some((subject, Source::Subject));
                            }
                            let owner = a
                                .cue
                                .and_then(|c| owner_between(words, toks, f.token, ps, c));
                            Some(match owner {
                                Some(owner) => (owner, Source::Subject),
                                None => (a, Source::Sentence),
                            })
                        })
                        .or_else(|| {
                            at_sentence_end(words, toks, f.token, pe).map(|a| (a, Source::Sentence))
                        })
                })
                // `Trump's call for "a shutdown"`: the owner of a noun for
                // something said, read off the grammar as a subject is, and
                // right about as often (0.66 of 55 on the training split,
                // against 0.96 for a reporting verb).
                .or_else(|| nominal(words, toks, f.token, ps).map(|a| (a, Source::Subject)))
                // `BRANDT: I told them it was "a quarter of a cent"`: the
                // turn's label, before any neighbour's speaker is borrowed.
                .or_else(|| {
                    let mut a = turns.get(f.para)?.clone()?;
                    // Inside a sentence of the turn: `what I call "the
                    // boring things"`.
                    a.partial = f.token > 0 && toks[f.token - 1].is_word();
                    Some((a, Source::Layout))
                })
                .or_else(|| {
                    // The paragraph above, when the quote opens its own.
                    let above = (f.token == ps && f.para > 0).then(|| para_ranges[f.para - 1]);
                    signed_after(words, toks, f.token, (ps, pe))
                        .or_else(|| colon_paragraph(words, toks, above?))
                        .or_else(|| named_above(words, toks, (ps, pe), above?))
                        .or_else(|| {
                            let next = para_ranges.get(f.para + 1)?;
                            signed_below(words, toks, (ps, pe), *next)
                        })
                        .map(|a| (a, Source::Layout))
                });
            if let Some((a, source)) = found {
                f.attribution = Some(a);
                f.source = source;
            }
        }
        borrow_speakers(&mut found, para_ranges);
        // `In Concord, he referred to them as "my friends." "Are you O.K.?"
        // he said.`: a quote that would borrow a neighbour's speaker has a
        // subject of its own first; borrowing is for quotes whose sentence
        // names nobody, and for run-ons, which go on the quote before.
        for f in found.iter_mut() {
            let borrows = f.borrowed.is_some();
            if f.attribution.is_some() || !borrows || f.span.continues_previous {
                continue;
            }
            let (ps, _) = para_ranges[f.para];
            if let Some(a) = sentence_subject_of(words, toks, f.token, ps) {
                f.attribution = Some(a);
                f.source = Source::Subject;
                f.borrowed = None;
            }
        }
        // `'A change warrior.'` alone on its line: a subheading made of a
        // phrase in single marks, not a continuation of anyone's words.
        for f in found.iter_mut().filter(|f| f.attribution.is_none()) {
            let (ps, pe) = para_ranges[f.para];
            if !f.span.double && pe == ps + 1 {
                f.borrowed = None;
            }
        }
        // `"...," the audit by the state comptroller concluded.`: a quote
        // whose own sentence goes on to a reporting verb has a speaker of its
        // own, even one no pattern could read; the previous paragraph's
        // speaker is not it. Unknown is better than a wrong person.
        for i in 0..found.len() {
            let f = &found[i];
            let from_above = f.borrowed.is_some_and(|k| found[k].para < f.para);
            if f.attribution.is_none() && from_above {
                let cue = cue_after(words, toks, f.token, para_ranges[f.para].1);
                if cue.is_some() {
                    found[i].borrowed = None;
                    found[i].own_cue = cue;
                }
            }
        }
        // The last quote given a speaker below as a floating quote, or
        // borrowing from one.
        let mut floated: Option<usize> = None;
        for i in 0..found.len() {
            if found[i].attribution.is_some() || found[i].borrowed.is_some() {
                continue;
            }
            // `Jane Doe, a night nurse, has worked there 12 years.` then a
            // paragraph of her words, then another: a quote opening the
            // paragraph after a floating quote's goes on with its speaker,
            // as one after any attributed paragraph does (borrow_speakers).
            let f = &found[i];
            let goes_on = floated.filter(|&k| {
                k + 1 == i
                    && found[k].para + 1 == f.para
                    && f.token == para_ranges[f.para].0
                    && f.span.double
                    && f.own_cue.is_none()
            });
            if let Some(k) = goes_on {
                found[i].borrowed = Some(found[k].borrowed.unwrap_or(k));
                floated = Some(i);
                continue;
            }
            let f = &mut found[i];
            let (ps, _) = para_ranges[f.para];
            f.attribution = sentence_subject_of(words, toks, f.token, ps);
            if f.attribution.is_some() {
                f.source = Source::Subject;
                continue;
            }
            // A floating quote: the person the sentence or paragraph before
            // introduced. Not a line in single marks, which is a subheading.
            if f.span.double {
                let para = para_ranges[f.para];
                f.attribution = introduced_in_paragraph(words, toks, f.token, para);
                if f.attribution.is_some() {
                    f.source = Source::Layout;
                    floated = Some(i);
                    continue;
                }
            }
            if f.para > 0 && f.span.double {
                f.attribution =
                    introduced_above(words, toks, para_ranges[f.para], para_ranges[f.para - 1]);
                if f.attribution.is_some() {
                    f.source = Source::Layout;
                    floated = Some(i);
                }
            }
        }

        found
    }

    /// The records of the quotes found, their speakers resolved in `names`
    /// and `people` (which the speakers found are marked in).
    pub(crate) fn records(
        &self,
        text: &str,
        words: &Words,
        toks: &[Token],
        names: &NameIndex,
        found: &[Found],
        mut people: People,
    ) -> Vec<Quote> {
        // For each quote found, its record's place in `out`, if it has one.
        let mut resolved: Vec<Option<usize>> = Vec::with_capacity(found.len());
        let mut out: Vec<Quote> = Vec::with_capacity(found.len());
        let pronoun_confidence = self.lexicon.confidence(FoundBy::Pronoun);
        for (i, f) in found.iter().enumerate() {
            // `carried`: the speaker comes from another quote, by borrowing
            // or as the second half of a split quote.
            let (attribution, kind, source, carried) = match (&f.attribution, f.borrowed) {
                (Some(a), _) if a.split => (Some(a), QuoteKind::Continuation, f.source, true),
                (Some(a), _) => (
                    Some(a),
                    if a.partial {
                        QuoteKind::Partial
                    } else {
                        QuoteKind::Direct
                    },
                    f.source,
                    false,
                ),
                (None, Some(k)) => (
                    found[k].attribution.as_ref(),
                    QuoteKind::Continuation,
                    found[k].source,
                    true,
                ),
                (None, None) => (None, QuoteKind::Direct, f.source, false),
            };
            let quote = trimmed(text, f.span.inner);
            let labeled = labeled_by_verb(words, toks, f.token, f.para_start);
            let sentence = a_sentence_of_its_own(toks, f.token, f.para_start, &quote.text);
            // Someone's words by the tests a quote with a reporting verb
            // passes, and not the title of a work: speaker unknown.
            let unknown_speaker = f.own_cue.filter(|_| {
                attribution.is_none()
                    && is_someones_words(&quote.text, kind, true, labeled, sentence)
                    && !names_a_work(words, toks, f.token, &quote.text)
            });
            if let Some((cue, subject)) = unknown_speaker {
                let speaker = subject.map(|span| {
                    let written = span.text(text).to_string();
                    Speaker {
                        start: span.start,
                        end: span.end,
                        name: written.clone(),
                        text: written,
                        kind: SpeakerKind::Anonymous,
                        role: None,
                    }
                });
                let found_by = if speaker.is_some() {
                    FoundBy::Explicit
                } else {
                    FoundBy::Unresolved
                };
                out.push(Quote {
                    quote,
                    cue: Some(TextSpan::of(cue, text)),
                    speaker,
                    kind,
                    found_by,
                    confidence: self.lexicon.confidence(found_by),
                });
                resolved.push(Some(out.len() - 1));
                continue;
            }
            let as_label = labeled_as(words, toks, f.token);
            let Some(a) = attribution
                .filter(|a| {
                    as_label
                        || is_someones_words(&quote.text, kind, a.cue.is_some(), labeled, sentence)
                })
                // A headline's colon names the speaker outright: `Okafor:
                // Mayor's 'Deeply Reckless' Budget` is her words, not a title.
                .filter(|a| {
                    a.cue.is_some_and(|c| c.text(text) == ":")
                        || !names_a_work(words, toks, f.token, &quote.text)
                })
                .filter(|a| a.cue.is_some() || !listed_as_example(words, toks, f.token))
            else {
                resolved.push(None);
                continue;
            };
            // A speaker borrowed from a quote before this one is taken as that
            // quote's record has it, unresolved or not.
            // With it, whether that name is one a pronoun was resolved to:
            // the continuation's confidence was measured by a scorer that
            // counts "he" itself as right, so it says nothing of such a
            // name, which stays a pronoun's guess (`pronoun`, measured by
            // reading).
            let (speaker, mentioned, via_pronoun) =
                match f.borrowed.filter(|_| f.attribution.is_none()) {
                    Some(k) if k < i => resolved[k].and_then(|o| {
                        let mentioned = if out[o].found_by == FoundBy::Unresolved {
                            Mentioned::Unresolved
                        } else {
                            Mentioned::AsWritten
                        };
                        let via_pronoun = out[o].found_by == FoundBy::Pronoun
                            || (out[o].found_by == FoundBy::Continuation
                                && out[o].confidence <= pronoun_confidence);
                        Some((out[o].speaker.clone()?, mentioned, via_pronoun))
                    }),
                    _ => None,
                }
                .unwrap_or_else(|| {
                    let (speaker, mentioned) = speaker(text, words, names, &people, a);
                    let via_pronoun = found_by(source, mentioned, false) == FoundBy::Pronoun;
                    (speaker, mentioned, via_pronoun)
                });
            if speaker.kind == SpeakerKind::Person {
                people.mark_speaker(&speaker.name, gender_of(words, a));
            }
            let found_by = found_by(source, mentioned, carried);
            // A sentence's subject is a weak cue, and a lone capitalised
            // word the article never gives in full (`Estimates`, `Unless`,
            // `Frustrations` opening a sentence) is seldom a person, nor
            // any source when it reads as nobody in particular: no speaker
            // rather than a wrong one.
            if found_by == FoundBy::Subject
                && (speaker.kind == SpeakerKind::Person
                    || speaker.kind == SpeakerKind::Anonymous
                        && speaker.name.starts_with(char::is_uppercase)
                        && !with_lower(&speaker.name, |l| {
                            words.lexicon.anonymous_heads.contains(l)
                        })
                        && capitalised_as_it_opens(text, &speaker.name))
                && !speaker.name.contains(' ')
                && !titled_somewhere(words, &speaker.name)
            {
                resolved.push(None);
                continue;
            }
            let mut confidence = self.lexicon.confidence(found_by);
            if found_by == FoundBy::Continuation && via_pronoun {
                confidence = confidence.min(pronoun_confidence);
            }
            if f.borrowed.is_some() && f.attribution.is_none() && inside_a_sentence(toks, f) {
                confidence = confidence.min(self.lexicon.confidence_inside_sentence());
            }
            out.push(Quote {
                quote,
                cue: a.cue.map(|c| TextSpan::of(c, text)),
                speaker: Some(speaker),
                kind,
                found_by,
                confidence,
            });
            resolved.push(Some(out.len() - 1));
        }
        out
    }
}

/// Whether the quote stands inside a sentence, after a word or a comma,
/// colon, semicolon, dash or bracket of it, rather than at its start: a
/// speaker borrowed there from a neighbour is much less often right
/// (grammar/confidence.txt, `continuation-inside`; examples/
/// measure_confidence.py reads the same off the text before the quote,
/// which agrees with this on all but a handful of the training split's
/// records).
fn inside_a_sentence(toks: &[Token], f: &Found) -> bool {
    f.token > f.para_start
        && toks.get(f.token - 1).is_some_and(|t| {
            t.is_word()
                || matches!(
                    t.kind,
                    TokenKind::Punct(',' | ';' | ':' | '\u{2014}' | '\u{2013}' | '-' | '(')
                )
        })
}

/// The quote's words without surrounding spaces.
fn trimmed(text: &str, span: Span) -> TextSpan {
    let s = span.text(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.start + s.trim_end().len();
    TextSpan::of(Span::new(start, end.max(start)), text)
}

/// An article's text layer: its quoted passages, its tokens (each passage
/// one token) and each non-blank paragraph's token range.
pub(crate) struct Tokenized {
    pub spans: Vec<QuotedSpan>,
    pub toks: Vec<Token>,
    pub para_ranges: Vec<(usize, usize)>,
}

/// Which of the name index and the people of the article the speakers of
/// the quotes found will be looked up in.
pub(crate) fn quotes_need(words: &Words, found: &[Found]) -> (bool, bool) {
    resolution_needed(
        words,
        found
            .iter()
            .filter_map(|f| f.attribution.as_ref().map(|a| &a.mention)),
    )
}

/// A `Found` for each quote, from the tokens of the paragraphs.
fn found_quotes(spans: &[QuotedSpan], toks: &[Token], ranges: &[(usize, usize)]) -> Vec<Found> {
    let mut found = Vec::with_capacity(spans.len());
    for (p, &(start, end)) in ranges.iter().enumerate() {
        for (k, t) in toks.iter().enumerate().take(end).skip(start) {
            if let Some(qi) = t.quote() {
                debug_assert_eq!(qi, found.len());
                found.push(Found {
                    span: spans[qi],
                    para: p,
                    token: k,
                    para_start: start,
                    attribution: None,
                    source: Source::Sentence,
                    borrowed: None,
                    own_cue: None,
                });
            }
        }
    }
    found
}

const NEIGHBOURS: usize = 8;

/// Quotes with no attribution of their own take the speaker of a
/// neighbour: the quote they continue from the paragraph before, the
/// attributed quote next to them in the same paragraph, or the last quote of
/// the previous paragraph when they open their paragraph.
/// The reporting verb that follows the quote at `token` within its
/// sentence, if any (a few words, before `.`, `!` or `?` or another quote,
/// inside the paragraph ending at `pe`), and the words between them when
/// they are a noun phrase opened by a determiner, at most eight words with
/// no comma: `a welcome message on the website reads`.
fn cue_after(w: &Words, toks: &[Token], token: usize, pe: usize) -> Option<(Span, Option<Span>)> {
    const OPENERS: &[&str] = &[
        "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our",
    ];
    // `"Sons of Trump," in Mexico City's Aldama Theater`: a phrase of
    // where or how after the quote is no subject of a verb.
    // `"Sons of Trump" is an adaptation of a show called ...`: a verb right
    // after the quote makes the quote its subject, a title or a phrase.
    const NO_SUBJECT: &[&str] = &[
        "in", "at", "on", "of", "for", "from", "to", "with", "and", "or", "but", "as", "by", "is",
        "was", "are", "were", "has", "had", "have", "will", "would",
    ];
    let first_word = toks[token + 1..pe].iter().find(|t| t.is_word())?;
    if w.is(first_word, NO_SUBJECT) {
        return None;
    }
    let verb = (token + 1..pe)
        .take(12)
        .take_while(|&k| {
            let t = &toks[k];
            !(t.is_punct('.') || t.is_punct('!') || t.is_punct('?')) && t.quote().is_none()
        })
        .find(|&k| w.is_speech_verb(&toks[k]))
        // `a show called "Brokers"`: naming is not reporting.
        .filter(|&k| {
            w.with_lower(&toks[k], |v| !w.lexicon.naming_verbs.contains(v))
                .unwrap_or(true)
        })?;
    let between: Vec<&Token> = toks[token + 1..verb]
        .iter()
        .filter(|t| t.is_word() || !t.is_punct(','))
        .collect();
    let subject = (toks[token + 1..verb].iter().all(|t| !t.is_punct(','))
        && (2..=8).contains(&between.len())
        && w.is(between[0], OPENERS))
    .then(|| Span::new(between[0].span.start, between[between.len() - 1].span.end));
    Some((toks[verb].span, subject))
}

fn borrow_speakers(found: &mut [Found], para_ranges: &[(usize, usize)]) {
    let n = found.len();
    // Runs of paragraphs joined by a quote that runs on share one speaker.
    for i in 0..n {
        if found[i].attribution.is_some() {
            continue;
        }
        // A few quotes back and forward at most, so that a paragraph of
        // stray marks stays linear.
        let source = (0..i)
            .rev()
            .take(NEIGHBOURS)
            .take_while(|&k| found[k].para + 1 >= found[i].para)
            .find(|&k| found[k].attribution.is_some() || found[k].borrowed.is_some());
        let next_same_para = (i + 1..n)
            .take(NEIGHBOURS)
            .take_while(|&k| found[k].para == found[i].para)
            .find(|&k| found[k].attribution.is_some());
        let opens_para = found[i].token == para_ranges[found[i].para].0;
        let pick = if found[i].span.continues_previous {
            source.or(next_same_para)
        } else if let Some(k) = source.filter(|&k| found[k].para == found[i].para) {
            Some(k)
        } else if let Some(k) = next_same_para {
            Some(k)
        } else if opens_para {
            source
        } else {
            None
        };
        found[i].borrowed = pick.map(|k| {
            found[k]
                .borrowed
                .filter(|_| found[k].attribution.is_none())
                .unwrap_or(k)
        });
    }
    // A run-on chain whose attribution comes at its end: give it backwards.
    for i in (0..n.saturating_sub(1)).rev() {
        if found[i].attribution.is_none()
            && found[i].borrowed.is_none()
            && found[i + 1].span.continues_previous
        {
            let k = if found[i + 1].attribution.is_some() {
                Some(i + 1)
            } else {
                found[i + 1].borrowed
            };
            found[i].borrowed = k;
        }
    }
}

/// Extract with the built-in word lists.
pub fn extract_quotes(text: &str) -> Vec<Quote> {
    Extractor::new(Lexicon::builtin()).extract(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_of_quotes_after_a_floating_one_go_on_with_its_speaker() {
        let text = "Trump spoke only in evasive bromides during the interview.\n\n\"We have to do something.\"\n\"We have to be a lot tougher.\"\n\n\"We are not fighting it strongly enough.\"\n\nFor those with an interest in law, there was relief.";
        let got: Vec<_> = extract_quotes(text)
            .into_iter()
            .map(|q| (q.speaker.map(|s| s.name), q.found_by))
            .collect();
        let trump = || Some("Trump".to_string());
        assert_eq!(
            got,
            vec![
                (trump(), FoundBy::Layout),
                (trump(), FoundBy::Continuation),
                (trump(), FoundBy::Continuation)
            ]
        );
        // Not across a paragraph of narrative.
        let text = "Trump spoke only in evasive bromides during the interview.\n\n\"We have to do something.\"\n\nThe crowd left early.\n\n\"We have to be a lot tougher.\"";
        assert_eq!(extract_quotes(text).len(), 1);
    }

    #[test]
    fn a_quote_with_its_own_reporting_verb_does_not_borrow_the_speaker_above() {
        let text = "\"Readiness has declined,\" Defense Secretary Ash Carter said.\n\n\"We found no evidence of fraud,\" the audit by the state comptroller concluded.\n\n\"The money is gone,\" residents of every stripe later observed.\n\n\"Sons of Trump\" is an adaptation of a show called \"Brokers.\"";
        let quotes = extract_quotes(text);
        let by = |start: &str| {
            quotes
                .iter()
                .find(|q| q.quote.text.starts_with(start))
                .map(|q| (q.speaker.as_ref().map(|s| s.name.clone()), q.found_by))
        };
        assert_eq!(
            by("We found"),
            Some((
                Some("the audit by the state comptroller".to_string()),
                FoundBy::Explicit
            ))
        );
        // A subject that is no plain noun phrase: the quote stays, its
        // speaker unknown, never Ash Carter.
        assert_eq!(by("The money"), Some((None, FoundBy::Unresolved)));
        // A title that a verb follows is no one's words.
        assert_eq!(by("Sons of Trump"), None);
    }

    #[test]
    fn an_unresolved_mention_outranks_where_it_was_found() {
        use Mentioned::*;
        assert_eq!(
            found_by(Source::Headline, Unresolved, true),
            FoundBy::Unresolved
        );
        assert_eq!(
            found_by(Source::Subject, AsWritten, true),
            FoundBy::Continuation
        );
        assert_eq!(found_by(Source::Layout, Pronoun, false), FoundBy::Layout);
        assert_eq!(found_by(Source::Subject, Pronoun, false), FoundBy::Subject);
        assert_eq!(found_by(Source::Sentence, Role, false), FoundBy::Role);
        assert_eq!(
            found_by(Source::Sentence, AsWritten, false),
            FoundBy::Explicit
        );
    }

    #[test]
    fn a_continuation_is_no_surer_of_a_pronouns_name_than_the_pronoun() {
        let lexicon = Lexicon::builtin();
        let ways = |text: &str| -> Vec<(FoundBy, f64)> {
            extract_quotes(text)
                .iter()
                .map(|q| (q.found_by, q.confidence))
                .collect()
        };
        let pronoun = lexicon.confidence(FoundBy::Pronoun);
        let carried = lexicon.confidence(FoundBy::Continuation);
        assert!(pronoun < carried);
        let by_pronoun = ways(
            "Senator Dana Ruiz toured the plant on Friday.\n\n\"We will rebuild this town,\" she said. \"Every job will come back.\"",
        );
        assert_eq!(
            by_pronoun,
            [
                (FoundBy::Pronoun, pronoun),
                (FoundBy::Continuation, pronoun)
            ]
        );
        // A name the sentence gives keeps the continuation's own figure.
        let by_name = ways(
            "Senator Dana Ruiz toured the plant on Friday.\n\n\"We will rebuild this town,\" Ruiz said. \"Every job will come back.\"",
        );
        assert_eq!(
            by_name,
            [
                (FoundBy::Explicit, lexicon.confidence(FoundBy::Explicit)),
                (FoundBy::Continuation, carried)
            ]
        );
    }

    #[test]
    fn a_quote_with_a_subject_of_its_own_does_not_borrow() {
        let text = "Senator Dana Ruiz toured the plant on Friday.\n\nIn Harlow, Ruiz referred to the strikers as \"my neighbours\" and shook hands. \"Stay safe out there,\" Mayor Colin Marsh told them.";
        let got: Vec<(String, String)> = extract_quotes(text)
            .into_iter()
            .map(|q| (q.quote.text, q.speaker.unwrap().name))
            .collect();
        assert_eq!(
            got,
            vec![
                ("my neighbours".to_string(), "Dana Ruiz".to_string()),
                (
                    "Stay safe out there,".to_string(),
                    "Colin Marsh".to_string()
                ),
            ]
        );
    }

    #[test]
    fn a_role_with_co_is_a_role() {
        // `co-host` is a role word (grammar/titles.txt), so the name after
        // it speaks, not the show before it.
        let got: Vec<String> = extract_quotes("\"Imagine it,\" mused Blaze co-host Stu Burguiere.")
            .into_iter()
            .filter_map(|q| q.speaker.map(|s| s.name))
            .collect();
        assert_eq!(got, ["Stu Burguiere"]);
    }

    #[test]
    fn a_lone_capitalised_subject_is_no_speaker() {
        let speakers = |text: &str| -> Vec<String> {
            extract_quotes(text)
                .into_iter()
                .map(|q| q.speaker.map(|s| s.name).unwrap_or_default())
                .collect()
        };
        // A word opening the sentence, never a full name in the article.
        assert!(speakers("Frustrations over the \"hemorrhaging budget\" grew.").is_empty());
        // Nor a common word, which reads as nobody in particular.
        assert!(
            speakers("Unless rivals quit the race, \"it's very difficult to stop him.\"")
                .is_empty()
        );
        // A surname the article writes after a title is a person.
        assert_eq!(
            speakers(
                "President Oduya spoke on Monday.\n\nOduya called the levy \"a fair deal\" for the port."
            ),
            ["Oduya"]
        );
        // A full name met before it makes the surname a person too.
        assert_eq!(
            speakers("Rosa Quill spoke.\n\nQuill called the levy \"a fair deal\" for the port."),
            ["Rosa Quill"]
        );
    }

    #[test]
    fn each_quote_says_how_its_speaker_was_found() {
        let text = "Secretary of State John Kerry spoke in Geneva on Friday.\n\n\"We are close,\" the secretary said.\n\n\"It is done,\" they said.\n\nKerry told reporters:\n\n\"We will meet again.\"\n\n\"Talks went well,\" Kerry said, \"and we go on.\"";
        let got: Vec<(String, FoundBy, String)> = extract_quotes(text)
            .into_iter()
            .map(|q| {
                assert_eq!(q.confidence, Lexicon::builtin().confidence(q.found_by));
                (q.quote.text, q.found_by, q.speaker.unwrap().name)
            })
            .collect();
        let kerry = || "John Kerry".to_string();
        assert_eq!(
            got,
            vec![
                ("We are close,".to_string(), FoundBy::Role, kerry()),
                (
                    "It is done,".to_string(),
                    FoundBy::Unresolved,
                    "they".into()
                ),
                ("We will meet again.".to_string(), FoundBy::Layout, kerry()),
                ("Talks went well,".to_string(), FoundBy::Explicit, kerry()),
                ("and we go on.".to_string(), FoundBy::Continuation, kerry()),
            ]
        );
    }

    #[test]
    fn the_candidate_is_the_latest_person_written_as_one_of_the_roles_party() {
        // "the candidate" and "the nominee" name one person, as "the
        // secretary" does; a party word keeps to that party's person.
        let text = "Republican candidate Ben Ortiz met Democratic candidate Ann Lee.\n\n\"We are close,\" the candidate said.\n\n\"We are not,\" the Republican candidate said.";
        let got: Vec<(String, FoundBy, String)> = extract_quotes(text)
            .into_iter()
            .map(|q| (q.quote.text, q.found_by, q.speaker.unwrap().name))
            .collect();
        assert_eq!(
            got,
            vec![
                ("We are close,".to_string(), FoundBy::Role, "Ann Lee".into()),
                ("We are not,".to_string(), FoundBy::Role, "Ben Ortiz".into()),
            ]
        );
    }

    #[test]
    fn a_state_abbreviation_does_not_end_the_sentence() {
        let text = "\"We will fund it,\" Sen. Dana Pruitt, R-Ky., said on Tuesday.\n\n\"It is done,\" said Lee Ames Jr. of Fresno, Calif., a donor.";
        let got: Vec<(String, String)> = extract_quotes(text)
            .into_iter()
            .map(|q| (q.quote.text, q.speaker.map(|s| s.name).unwrap_or_default()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("We will fund it,".to_string(), "Dana Pruitt".to_string()),
                ("It is done,".to_string(), "Lee Ames Jr.".to_string()),
            ]
        );
    }

    #[test]
    fn an_empty_it_is_not_a_speaker() {
        let text = "It's the pull of the \"keep your plan if you like it\" promise.\n\nIt was the \"most open process in years,\" she said.";
        let got: Vec<(String, Option<String>)> = extract_quotes(text)
            .into_iter()
            .map(|q| (q.quote.text, q.speaker.map(|s| s.text)))
            .collect();
        assert_eq!(
            got,
            vec![(
                "most open process in years,".to_string(),
                Some("she".to_string())
            )]
        );
    }

    #[test]
    fn a_single_quoted_subheading_is_not_a_quote() {
        let text = "\"We will rebuild the pier,\" Mayor Ana Ruiz said.\n\n'A fight from start to finish.'\n\nThe pier closed in May.";
        let got: Vec<String> = extract_quotes(text)
            .into_iter()
            .map(|q| q.quote.text)
            .collect();
        assert_eq!(got, vec!["We will rebuild the pier,".to_string()]);
    }

    #[test]
    fn a_so_called_label_is_not_a_quote() {
        let text = "The so-called \"special relationship\" has held, Smith said. The so called \"deal of the century\" did not, she said.";
        assert!(extract_quotes(text).is_empty());
    }

    #[test]
    fn names_of_shows_and_books_are_not_quotes() {
        let text = "Scarborough said on \"Morning Joe\" that the race was over.\n\nShe told NBC's \"Meet the Press\" she would run, and called her memoir, \"Tough Choices,\" a warning.\n\n\"We Will Win,\" Smith said.";
        let got: Vec<String> = extract_quotes(text)
            .into_iter()
            .map(|q| q.quote.text)
            .collect();
        assert_eq!(got, vec!["We Will Win,".to_string()]);
    }

    #[test]
    fn his_or_her_campaign_is_the_campaign_of_whoever_that_is() {
        let text = "Sen. Maria Ortez spoke in Reno on Monday.\n\n\"We are ready for the caucuses,\" her campaign said in a statement.\n\n\"We are not,\" their campaign said.";
        let got: Vec<(String, SpeakerKind, FoundBy)> = extract_quotes(text)
            .into_iter()
            .map(|q| {
                let s = q.speaker.unwrap();
                (s.name, s.kind, q.found_by)
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "Maria Ortez's campaign".to_string(),
                    SpeakerKind::Organisation,
                    FoundBy::Pronoun
                ),
                (
                    "their campaign".to_string(),
                    SpeakerKind::Organisation,
                    FoundBy::Explicit
                ),
            ]
        );
    }
}
