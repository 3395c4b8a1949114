//! Claims: reported speech without quotation marks. A reporting cue, the
//! source it points at, and the clause it governs: `X said (that) CLAUSE`,
//! `CLAUSE, X said`, `According to X, CLAUSE`, `CLAUSE, according to X`,
//! `..., saying CLAUSE`.
//!
//! grammar/quotes.ebnf: `claim`, `claim_cue`, `verb_first_claim`,
//! `verb_last_claim`, `according_to_claim`, `participle_claim`,
//! `claim_content`.
//! Patterns are matched over the tokens of one sentence, in which each
//! quote is a single token, as the quote patterns are.

use super::mention::{
    Mention, MentionKind, core_before, mention_after, mention_before, skip_between_back,
};
use super::patterns::{AUXILIARIES, Attribution, sentence_subject};
use crate::article::date::WEEKDAYS;
use crate::record::Span;
use crate::text::tokens::{Token, TokenKind};
use crate::text::words::Words;

/// A claim found in a sentence: who (none for `Asked whether ...`, where
/// the asker goes unnamed), by which cue, and the tokens of the clause the
/// cue governs (`content.0..content.1`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub mention: Option<Mention>,
    pub cue: Span,
    pub content: (usize, usize),
}

impl Claim {
    /// The attribution the speaker is resolved from, as for a quote.
    pub fn attribution(&self) -> Option<Attribution> {
        Some(Attribution {
            mention: self.mention.clone()?,
            cue: Some(self.cue),
            partial: false,
            split: false,
        })
    }
}

/// A claim verb written in lower case: `States` in `the United States` is
/// a name, `Says` in a headline a title.
pub fn is_claim_verb(w: &Words, t: &Token) -> bool {
    w.word(t)
        .is_some_and(|x| x.starts_with(|c: char| c.is_ascii_lowercase()))
        && w.in_claim_verbs(t)
}

/// `told`, `tells`: the hearer stands between the verb and the clause.
fn is_tell_verb(w: &Words, t: &Token) -> bool {
    w.is(t, &["tell", "tells", "told", "telling"])
}

fn is_participle(w: &Words, t: &Token) -> bool {
    w.word(t).is_some_and(|x| x.ends_with("ing"))
}

fn is_sentence_end(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Punct('.' | '!' | '?'))
}

/// The sentences of a paragraph's tokens `ps..pe`, each as a token range
/// without its closing stop. A quote ending in a stop and followed by a
/// capitalised word ends its sentence too.
pub fn sentences(w: &Words, toks: &[Token], ps: usize, pe: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = ps;
    for k in ps..pe {
        let quote_ends = toks[k].quote().is_some()
            && k + 1 < pe
            && w.is_capitalised(&toks[k + 1])
            && toks[k]
                .span
                .text(w.text)
                .trim_end_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '.' | '!' | '?'))
                .ends_with(['.', '!', '?']);
        if is_sentence_end(&toks[k]) {
            if k > s {
                out.push((s, k));
            }
            s = k + 1;
        } else if quote_ends {
            out.push((s, k + 1));
            s = k + 1;
        }
    }
    if pe > s {
        out.push((s, pe));
    }
    out
}

/// Words that open a sentence before its clause: `But`, `And`, `Still,`.
const LEAD_WORDS: &[&str] = &[
    "but",
    "and",
    "so",
    "yet",
    "still",
    "also",
    "however",
    "meanwhile",
    "now",
    "then",
];

/// Where the sentence's own clause starts: after lead words and their comma.
fn clause_start(w: &Words, toks: &[Token], s: usize, e: usize) -> usize {
    let mut k = s;
    while k < e && (w.is(&toks[k], LEAD_WORDS) || toks[k].is_punct(',')) {
        k += 1;
    }
    k
}

/// Every claim of the sentence `s..e`, one per cue, in order.
pub fn claims_in_sentence(w: &Words, toks: &[Token], s: usize, e: usize, out: &mut Vec<Claim>) {
    for k in s..e {
        let claim = if is_according_to(w, toks, k, e) {
            according_to_claim(w, toks, s, e, k)
        } else if is_claim_verb(w, &toks[k]) {
            verb_claim(w, toks, s, e, k).map(|mut c| {
                if let Some(m) = opening_phrase_subject(w, toks, s, e, k) {
                    c.mention = Some(m);
                }
                c
            })
        } else {
            None
        };
        if let Some(c) = claim.filter(|c| has_own_words(toks, c.content)) {
            out.push(c);
        }
    }
}

/// Words after which a participle opens a phrase with no subject of its
/// own: `After announcing ...`, `One month after announcing ...`.
const PHRASE_OPENERS: &[&str] = &["after", "before", "since", "upon", "without"];

/// `Having announced that he would not send me to prison, Judge Berman
/// proceeded`, `One month after announcing his support for Trump, Marco
/// Rubio still believes`: a claim verb in a participle phrase that opens
/// the sentence (a capitalised `-ing` word first, or a participle after
/// `after`, `before`, ... with no name or pronoun before it) has no subject
/// of its own; the subject of the clause after the phrase's comma, a name
/// a verb follows, said it.
fn opening_phrase_subject(
    w: &Words,
    toks: &[Token],
    s: usize,
    e: usize,
    k: usize,
) -> Option<Mention> {
    let participle = |t: &Token| {
        w.word(t)
            .is_some_and(|x| x.ends_with("ing") || x.ends_with("ed"))
    };
    // `Having announced`: the participle opening the sentence is the
    // phrase's first word; `One month after announcing`: no name or
    // pronoun before the participle's `after`.
    let opens = (k == s + 1 && w.is_opening_participle(&toks[s]))
        || (k > s
            && participle(&toks[k])
            && w.is(&toks[k - 1], PHRASE_OPENERS)
            && (s + 1..k - 1).all(|j| {
                toks[j].is_word() && !w.is_name_word(&toks[j]) && w.pronoun(&toks[j]).is_none()
            }));
    if !opens || k - s > 4 {
        return None;
    }
    let comma = (k + 1..e.min(k + 30)).find(|&j| toks[j].is_punct(','))?;
    let m = mention_after(w, toks, comma + 1, e)?;
    let verb_follows = toks
        .get(m.end_token)
        .and_then(|t| w.word(t))
        .is_some_and(|x| x.starts_with(char::is_lowercase));
    (m.kind == MentionKind::Name && verb_follows).then_some(m)
}

fn is_according_to(w: &Words, toks: &[Token], k: usize, e: usize) -> bool {
    k + 1 < e && w.is(&toks[k], &["according"]) && w.is(&toks[k + 1], &["to"])
}

/// A claim is reported speech in the writer's words: at least three words
/// outside quotation marks, and no more of it quoted than not. A clause
/// that is a quoted passage stays a direct quote.
fn has_own_words(toks: &[Token], (a, b): (usize, usize)) -> bool {
    if b <= a {
        return false;
    }
    let words = toks[a..b].iter().filter(|t| t.is_word()).count();
    let quoted: usize = toks[a..b]
        .iter()
        .filter(|t| t.quote().is_some())
        .map(|t| t.span.len())
        .sum();
    let all = toks[b - 1].span.end - toks[a].span.start;
    words >= 3 && quoted * 2 <= all
}

/// `According to X, CLAUSE`, `CLAUSE, according to X`, and `CLAUSE,
/// according to X, CLAUSE` (the clause runs on around the source).
fn according_to_claim(w: &Words, toks: &[Token], s: usize, e: usize, k: usize) -> Option<Claim> {
    let cue = Span::new(toks[k].span.start, toks[k + 1].span.end);
    // The source runs to the next comma: a person, a poll, `a count by The
    // Associated Press`, `the summary`.
    let comma = (k + 2..e.min(k + 30)).find(|&i| toks[i].is_punct(','));
    let source_end = comma.unwrap_or(e);
    let mention = match mention_after(&w.loose(), toks, k + 2, source_end) {
        Some(m) => Some(m),
        None => {
            let m = after_last_comma(toks, phrase(toks, k + 2, source_end)?);
            let m = before_clause(w, toks, m);
            reads_as_source(w, toks, &m).then_some(m)
        }
    };
    let start = clause_start(w, toks, s, e);
    let content = match comma {
        _ if k <= start => (comma? + 1, clause_end(w, toks, comma? + 1, e)),
        Some(c) if toks[k - 1].is_punct(',') && c + 1 < e => (start, clause_end(w, toks, c + 1, e)),
        _ if toks[k - 1].is_punct(',') => (start, k - 1),
        _ => (start, k),
    };
    Some(claim(mention, cue, content))
}

/// The words `a..b` taken as an unnamed source when no mention parses:
/// `recent polling`, `the most recent data available from the FBI`.
fn phrase(toks: &[Token], a: usize, b: usize) -> Option<Mention> {
    (b > a && b - a <= 12 && toks[a..b].iter().all(|t| t.quote().is_none())).then(|| Mention {
        span: Span::new(toks[a].span.start, toks[b - 1].span.end),
        role: None,
        kind: MentionKind::Anonymous,
        first_token: a,
        end_token: b,
        written: None,
    })
}

/// `m` (a [`phrase`]) without what leads up to its last comma: `Already,
/// 520 superdelegates` is `520 superdelegates`, `Over 10 years, through
/// fiscal year 2025, deficits` is `deficits`. A trailing comma does not
/// count (`Just shy of half, 49%,`).
fn after_last_comma(toks: &[Token], mut m: Mention) -> Mention {
    let mut end = m.end_token;
    while end > m.first_token && toks[end - 1].is_punct(',') {
        end -= 1;
    }
    if let Some(c) = (m.first_token..end).rev().find(|&i| toks[i].is_punct(',')) {
        m.first_token = c + 1;
    }
    m.end_token = end.max(m.first_token);
    if m.end_token > m.first_token {
        m.span = Span::new(
            toks[m.first_token].span.start,
            toks[m.end_token - 1].span.end,
        );
    }
    m
}

/// `m` (a [`phrase`]) cut before an auxiliary verb or a relative pronoun:
/// `The anti-abortion movement has traditionally` is `The anti-abortion
/// movement`, `progressive organizations that have endorsed him` is
/// `progressive organizations`. The head noun phrase is the source; what
/// follows is its verb or a clause about it.
fn before_clause(w: &Words, toks: &[Token], mut m: Mention) -> Mention {
    // `While only 7 percent`: the subordinating word opens the clause the
    // source is the subject of.
    const SUBORDINATORS: &[&str] = &["while", "though", "although", "whereas"];
    if m.end_token > m.first_token + 1 && w.is(&toks[m.first_token], SUBORDINATORS) {
        m.first_token += 1;
        m.span = Span::new(toks[m.first_token].span.start, m.span.end);
    }
    const RELATIVES: &[&str] = &["that", "who", "which", "whose"];
    if let Some(cut) = (m.first_token + 1..m.end_token)
        .find(|&i| w.is(&toks[i], AUXILIARIES) || w.is(&toks[i], RELATIVES))
    {
        m.end_token = cut;
        m.span = Span::new(toks[m.first_token].span.start, toks[cut - 1].span.end);
    }
    m
}

/// Whether the words of `m` (a [`phrase`]) read as a noun phrase that can
/// be a source: no comma, no auxiliary verb (`Russia has called for ...`
/// and `The decision was included in ...` are clauses), not opened by a
/// preposition, a subordinating word or an -ing form (`After ...`, `Over
/// 10 years, ...`, `Rattling off ...`, `Please note`). When not, the claim
/// keeps its words and has no source: a wrong source is worse than none.
fn reads_as_source(w: &Words, toks: &[Token], m: &Mention) -> bool {
    const NOT_FIRST: &[&str] = &[
        "after",
        "before",
        "while",
        "though",
        "although",
        "if",
        "when",
        "as",
        "because",
        "since",
        "over",
        "in",
        "on",
        "at",
        "with",
        "without",
        "for",
        "from",
        "during",
        "despite",
        "amid",
        "by",
        "to",
        "please",
        "so",
        "but",
        "and",
        "or",
        "then",
        "yet",
        "among",
        "under",
        "beyond",
        "following",
    ];
    let words = &toks[m.first_token..m.end_token];
    let Some(first) = words.first() else {
        return false;
    };
    // A capitalised word after the first may be the source's name inside
    // a phrase the parser could not read (`While Clinton wrongly`): kept.
    if words[1..]
        .iter()
        .any(|t| w.is_capitalised(t) && !w.is_non_name(t))
    {
        return true;
    }
    // `Rattling off`, `hearing him`: an -ing form opening a verb phrase,
    // told from a noun's modifier (`streaming services`, `Beijing`) by
    // what follows it.
    const AFTER_A_VERB: &[&str] = &[
        "him", "her", "them", "it", "us", "me", "off", "or", "and", "the", "a", "an", "to", "that",
        "up", "out", "his", "their",
    ];
    let ing = w
        .word(first)
        .is_some_and(|f| f.len() > 4 && f.to_lowercase().ends_with("ing"))
        && words.len() > 1
        && w.is(&words[1], AFTER_A_VERB);
    // What a cut before a verb can leave: `It is ...`, `There have ...`.
    const NOT_ALONE: &[&str] = &["it", "there", "that", "this", "these", "those", "here"];
    if words.len() == 1 && w.is(first, NOT_ALONE) {
        return false;
    }
    words
        .iter()
        .all(|t| !t.is_punct(',') && !w.is(t, AUXILIARIES))
        && !w.is(first, NOT_FIRST)
        && !ing
}

fn claim(mention: Option<Mention>, cue: Span, content: (usize, usize)) -> Claim {
    Claim {
        mention,
        cue,
        content,
    }
}

/// Words before a verb that make it something other than the speaker's
/// report: `to say`, `was told`, `would have said` is kept.
fn not_a_report(w: &Words, toks: &[Token], k: usize, s: usize) -> bool {
    if k == s {
        return false;
    }
    let before = &toks[k - 1];
    const NOUN_LEFT: &[&str] = &[
        "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
        "these", "those",
    ];
    let possessive = w
        .word(before)
        .is_some_and(|x| Words::bare(x).len() != x.len());
    // `<tweet author=...>`: markup left in the text, not a verb.
    let markup = before.is_punct('<');
    w.is(before, &["to"])
        || w.is(before, NOUN_LEFT)
        || possessive
        || markup
        || is_passive(w, toks, k, s)
}

fn is_passive(w: &Words, toks: &[Token], k: usize, s: usize) -> bool {
    k > s
        && w.is(
            &toks[k - 1],
            &["was", "were", "is", "are", "been", "being", "be"],
        )
        && !is_participle(w, &toks[k])
}

/// Verbs whose object comes before what is said and belongs to the claim:
/// `asked Sanders whether ...`, `urged Clinton to ...`, `accused China of
/// ...`.
fn takes_object(w: &Words, t: &Token) -> bool {
    w.is(
        t,
        &[
            "ask", "asks", "asked", "asking", "urge", "urges", "urged", "urging", "accuse",
            "accuses", "accused", "accusing",
        ],
    )
}

/// `Asked whether ...`, `was asked by X whether ...`: the question, put by
/// the one after `by` or by someone unnamed.
fn question_claim(w: &Words, toks: &[Token], s: usize, e: usize, k: usize) -> Option<Claim> {
    let opens = k == clause_start(w, toks, s, e)
        || is_passive(w, toks, k, s)
        || w.is(&toks[k - 1], &["when", "if", "once", "after", "as"]);
    if !opens || !w.is(&toks[k], &["asked"]) {
        return None;
    }
    let mut from = k + 1;
    let mut mention = None;
    if from < e && w.is(&toks[from], &["by"]) {
        let m = mention_after(&w.loose(), toks, from + 1, e)?;
        from = m.end_token;
        mention = Some(m);
    }
    let end = clause_end(w, toks, from, e);
    // `Asked whether X, Trump said: "..."`: the question ends at the comma
    // before its answer.
    let end = (from..end)
        .find(|&i| toks[i].is_punct(','))
        .filter(|_| k == s)
        .unwrap_or(end);
    Some(claim(mention, toks[k].span, (from, end)))
}

/// The source of a claim verb with no mention right before it: the subject
/// of a coordinated verb (`Conway rejected the idea and said ...`) or of a
/// relative clause with no comma (`voters who said ...`).
fn source_before(w: &Words, toks: &[Token], s: usize, k: usize) -> Option<Mention> {
    let v = skip_between_back(w, toks, k);
    if v > s && w.is(&toks[v - 1], &["who", "that"]) {
        let mut m = core_before(w, toks, v - 1, s)?;
        m.written = Some(toks[v - 1].span);
        return Some(m);
    }
    if v > s && w.is(&toks[v - 1], &["and", "but"]) {
        return sentence_subject(w, toks, s, k);
    }
    mention_before(&w.loose(), toks, k, s).or_else(|| sentence_subject(w, toks, s, k))
}

/// `X said (that) CLAUSE`, `CLAUSE, X said`, `CLAUSE, said X` and `...,
/// saying CLAUSE`, for the claim verb at `k`.
fn verb_claim(w: &Words, toks: &[Token], s: usize, e: usize, k: usize) -> Option<Claim> {
    if k > s
        && let Some(c) = question_claim(w, toks, s, e, k)
    {
        return Some(c);
    }
    if not_a_report(w, toks, k, s) {
        return None;
    }
    let cue = toks[k].span;
    let after_comma = k > s && toks[k - 1].is_punct(',');
    // `..., saying the deal was dead`: the sentence's subject speaks.
    if is_participle(w, &toks[k]) && after_comma {
        let mention = sentence_subject(w, toks, s, k - 1);
        let from = content_start(w, toks, k, e)?;
        return Some(claim(mention, cue, (from, clause_end(w, toks, from, e))));
    }
    let start = clause_start(w, toks, s, e);
    // `CLAUSE, said X.`: the phrase after the verb ends the sentence, or
    // an apposition or a phrase of when and where follows it. Otherwise
    // (`Steven Cheung, a spokesman, said the office was needed`) the
    // comma closes an apposition of the source before the verb.
    if after_comma && k > start + 1 {
        let source = mention_after(&w.loose(), toks, k + 1, e).filter(|m| {
            let end = m.end_token;
            end >= e || toks[end].is_punct(',') || e - end <= 6 && is_adverbial(w, &toks[end])
        });
        if let Some(mention) = source {
            return Some(claim(Some(mention), cue, (start, k - 1)));
        }
    }
    // `About 4 in 10 say`, `Majorities of Democrats in five states say`:
    // when no phrase parses as a speaker, the words the clause opens with
    // before the verb are its unnamed source.
    let (mention, sure) =
        match mention_before(w, toks, k, s).or_else(|| source_before(w, toks, s, k)) {
            Some(m) => (m, true),
            None => {
                let m = phrase(toks, start, skip_between_back(w, toks, k))?;
                let source = before_clause(w, toks, after_last_comma(toks, m.clone()));
                if reads_as_source(w, toks, &source) {
                    (source, true)
                } else {
                    (m, false)
                }
            }
        };
    let first = mention.first_token;
    let mention = sure.then_some(mention);
    let comma = first > start + 1 && is_clause_comma(&toks[first - 1]);
    // `CLAUSE, X said on Friday.`: the clause before the comma that opens
    // the source, the words after the verb only when and where.
    if comma && trailing(toks, k + 1, e) && (k + 1 == e || is_adverbial(w, &toks[k + 1])) {
        return Some(claim(mention, cue, (start, first - 1)));
    }
    // `The trouble, X writes, began in 1970.`: the source between commas
    // inside the clause, which runs on around it.
    if comma && k + 2 < e && toks[k + 1].is_punct(',') && toks[k + 2].quote().is_none() {
        return Some(claim(mention, cue, (start, clause_end(w, toks, k + 2, e))));
    }
    let from = if takes_object(w, &toks[k]) {
        Some(k + 1).filter(|&j| j < e && toks[j].is_word())?
    } else {
        content_start(w, toks, k, e)?
    };
    Some(claim(mention, cue, (from, clause_end(w, toks, from, e))))
}

/// Words that open a phrase of when, where or how after a closing
/// attribution: `on Friday`, `in a statement`, `last week`.
fn is_adverbial(w: &Words, t: &Token) -> bool {
    const ADVERBIAL: &[&str] = &[
        "on",
        "in",
        "at",
        "during",
        "after",
        "before",
        "last",
        "this",
        "earlier",
        "later",
        "yesterday",
        "today",
        "tonight",
        "recently",
        "again",
        "also",
        "late",
        "early",
        "via",
        "through",
        "afterward",
        "afterwards",
        "then",
        "previously",
        "repeatedly",
        "privately",
        "publicly",
    ];
    w.is(t, ADVERBIAL) || w.is(t, &WEEKDAYS)
}

fn is_clause_comma(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Punct(',' | '\u{2014}' | '\u{2013}'))
}

/// After a closing attribution only a short phrase may follow: `on
/// Friday`, `in a statement`, `in an interview with CNN`.
fn trailing(toks: &[Token], from: usize, e: usize) -> bool {
    e.saturating_sub(from) <= 12 && toks[from.min(e)..e].iter().all(|t| t.quote().is_none())
}

/// Where the clause governed by the verb at `k` starts: after the hearer of
/// `told`, after `that` when it comes within a few words (`said in a
/// statement Friday that`), else right after the verb. None when no clause
/// follows (a stop, a colon, a quote, or nothing).
fn content_start(w: &Words, toks: &[Token], k: usize, e: usize) -> Option<usize> {
    let mut j = k + 1;
    if j < e && is_tell_verb(w, &toks[k]) && !w.is(&toks[j], &["that"]) {
        j = after_hearer(w, toks, j, e)?;
    }
    if j >= e {
        return None;
    }
    // `complained about`, `warned of`: there the preposition opens what
    // was said.
    let about = w.is(&toks[j], &["about", "of"])
        && w.word(&toks[k])
            .is_some_and(|x| x.starts_with("complain") || x.starts_with("warn"));
    // `said in a statement`, `told WEEI on Friday`: when and where, not
    // what, unless a `that` follows them (`said in a statement Friday
    // that`). Not the `that` of a claim inside the claim, nor a relative
    // `that` after the clause has begun (`say it's been evident in the
    // talks that ensued`).
    // After `said` also `to rousing applause`, `late last week`, `when
    // asked`; after `promised` or `vowed`, `to` opens what was said.
    let say = w.is(&toks[k], &["say", "says", "said", "saying"])
        && w.is(
            &toks[j],
            &["to", "late", "aboard", "outside", "when", "yes", "no"],
        );
    let adverbial =
        !about && (say || w.is(&toks[j], ADVERBIAL_OPENERS) || w.is(&toks[j], &WEEKDAYS));
    if w.is(&toks[j], &["that"]) {
        j += 1;
    } else if adverbial {
        let that = (j..e.min(j + 12))
            .take_while(|&i| toks[i].is_word() && !is_claim_verb(w, &toks[i]))
            .find(|&i| w.is(&toks[i], &["that"]))?;
        j = that + 1;
    }
    (j < e && (toks[j].is_word() || toks[j].quote().is_some())).then_some(j)
}

/// Where the hearer of `told` that starts at `j` ends: `told him`, `told
/// reporters`, `told The Huffington Post`, `told a crowded hall in
/// Baltimore that` (a `that` within a few words ends it).
fn after_hearer(w: &Words, toks: &[Token], j: usize, e: usize) -> Option<usize> {
    let that = (j..e.min(j + 12))
        .take_while(|&i| toks[i].is_word() && !is_claim_verb(w, &toks[i]))
        .find(|&i| w.is(&toks[i], &["that"]));
    if let Some(t) = that {
        return Some(t);
    }
    if w.is(
        &toks[j],
        &["him", "her", "them", "us", "me", "you", "reporters"],
    ) {
        return Some(j + 1);
    }
    if let Some(m) = mention_after(&w.loose(), toks, j, e) {
        return Some(m.end_token);
    }
    let names = (j..e).take_while(|&i| w.is_capitalised(&toks[i])).count();
    (names > 0).then_some(j + names)
}

/// Words that open a phrase of when, where or how right after a verb (and
/// the days of the week, `article::date::WEEKDAYS`).
const ADVERBIAL_OPENERS: &[&str] = &[
    "in",
    "at",
    "on",
    "about",
    "of",
    "during",
    "before",
    "after",
    "earlier",
    "later",
    "last",
    "this",
    "with",
    "for",
    "from",
    "onstage",
    "yesterday",
    "today",
    "tonight",
    "recently",
    "repeatedly",
    "publicly",
    "privately",
    "afterward",
    "through",
    "via",
    "over",
    "under",
    "by",
];

/// Where the clause starting at `from` ends, before `e`: at a semicolon, at
/// a comma that opens another attribution (`, and Y said`, `, according to
/// Y`, `, adding`), or at the sentence's end.
fn clause_end(w: &Words, toks: &[Token], from: usize, e: usize) -> usize {
    for i in from..e {
        let t = &toks[i];
        if t.is_punct(';') || t.is_punct(':') {
            return i;
        }
        if !t.is_punct(',') || i + 1 >= e {
            continue;
        }
        let next = &toks[i + 1];
        if is_according_to(w, toks, i + 1, e) || is_participle(w, next) && is_claim_verb(w, next) {
            return i;
        }
        // `, and Lavrov said`, `, but officials insisted`, `, he said`.
        let from_subject = i + 1 + usize::from(w.is(next, &["and", "but", "while", "whereas"]));
        let verb =
            (from_subject + 1..e.min(from_subject + 7)).find(|&v| is_claim_verb(w, &toks[v]));
        if let Some(v) = verb
            && mention_before(w, toks, v, from_subject)
                .is_some_and(|m| m.first_token == from_subject)
        {
            return i;
        }
    }
    e
}

#[cfg(test)]
mod tests {
    use crate::extract::Extractor;
    use crate::lexicon::Lexicon;

    /// Each claim of `text`: its words and the words naming its speaker.
    fn claims(text: &str) -> Vec<(String, String)> {
        Extractor::new(Lexicon::builtin())
            .claims(text)
            .into_iter()
            .map(|q| (q.quote.text, q.speaker.map(|s| s.text).unwrap_or_default()))
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn an_unnamed_source_is_the_noun_phrase_or_nothing() {
        let source = |text: &str| claims(text).first().map(|(_, s)| s.clone());
        // The head noun phrase after an opening phrase, before its verb.
        assert_eq!(
            source("Already, 520 superdelegates have publicly said they support Clinton.")
                .as_deref(),
            Some("520 superdelegates")
        );
        assert_eq!(
            source("While only 7 percent say they are undecided, the race is close.").as_deref(),
            Some("only 7 percent")
        );
        // An opening that is no noun phrase is no source: the claim stays,
        // with nobody named.
        assert_eq!(
            source("Rattling off her plans, told the crowd the economy was rigged.").as_deref(),
            Some("")
        );
    }

    #[test]
    fn a_that_clause_after_the_verb() {
        assert_eq!(
            claims("Mayor Ana Ruiz said on Friday that the pier would reopen in May."),
            vec![pair("the pier would reopen in May", "Ana Ruiz")]
        );
        assert_eq!(
            claims("The council announced the budget would be cut by a tenth."),
            vec![pair("the budget would be cut by a tenth", "The council")]
        );
    }

    #[test]
    fn the_hearer_of_told_is_not_the_claim() {
        assert_eq!(
            claims("Ruiz told reporters the pier would reopen in May."),
            vec![pair("the pier would reopen in May", "Ruiz")]
        );
    }

    #[test]
    fn an_apposition_before_the_verb_is_not_a_clause() {
        assert_eq!(
            claims("Lee Ames, a harbor spokesman, said the pier was safe for boats."),
            vec![pair("the pier was safe for boats", "Lee Ames")]
        );
        assert_eq!(
            claims("Sen. Dana Pruitt, R-Ky., a harbor trustee, said Ruiz is wrong about the pier."),
            vec![pair("Ruiz is wrong about the pier", "Dana Pruitt")]
        );
    }

    #[test]
    fn after_said_to_and_late_are_not_the_claim() {
        assert!(claims("Ruiz said to loud applause at the harbor.").is_empty());
        assert!(
            claims("The pier is safe, said Ruiz by the harbor wall in the rain on Friday.").len()
                <= 1
        );
        assert_eq!(
            claims("Ruiz promised to reopen the pier by May."),
            vec![pair("to reopen the pier by May", "Ruiz")]
        );
    }

    #[test]
    fn hearers_of_told() {
        for (text, claim) in [
            ("Ruiz told him the pier was safe.", "the pier was safe"),
            (
                "Ruiz told a crowded hall in Harwick that the pier was safe.",
                "the pier was safe",
            ),
            (
                "Ruiz told The Harwick Gazette the pier was safe.",
                "the pier was safe",
            ),
        ] {
            assert_eq!(claims(text), vec![pair(claim, "Ruiz")], "{text}");
        }
    }

    #[test]
    fn a_clause_before_the_source() {
        assert_eq!(
            claims("The pier would reopen in May, Ruiz said on Friday."),
            vec![pair("The pier would reopen in May", "Ruiz")]
        );
        assert_eq!(
            claims("The pier would reopen in May, said a city engineer."),
            vec![pair("The pier would reopen in May", "a city engineer")]
        );
    }

    #[test]
    fn according_to_before_after_and_inside() {
        assert_eq!(
            claims("According to a senior official, the talks will resume next week."),
            vec![pair("the talks will resume next week", "a senior official")]
        );
        assert_eq!(
            claims("The talks will resume next week, according to the ministry."),
            vec![pair("The talks will resume next week", "the ministry")]
        );
        assert_eq!(
            claims(
                "The aim of the talks, according to a senior official, was to avoid mistakes in the air."
            ),
            vec![pair(
                "The aim of the talks, according to a senior official, was to avoid mistakes in the air",
                "a senior official"
            )]
        );
    }

    #[test]
    fn two_sources_in_one_sentence_give_two_claims() {
        assert_eq!(
            claims("Ruiz said the pier was safe, but officials said the deck had cracked."),
            vec![
                pair("the pier was safe", "Ruiz"),
                pair("the deck had cracked", "officials"),
            ]
        );
    }

    #[test]
    fn when_and_where_after_the_verb_are_not_the_claim() {
        assert!(claims("Ruiz said in a statement on Friday afternoon.").is_empty());
        assert_eq!(
            claims("Ruiz said in an interview with the Gazette that the pier was safe."),
            vec![pair("the pier was safe", "Ruiz")]
        );
        assert_eq!(
            claims("Ruiz warned of delays to the ferry service all summer."),
            vec![pair("of delays to the ferry service all summer", "Ruiz")]
        );
    }

    #[test]
    fn state_is_a_noun_more_often_than_a_verb() {
        assert!(
            claims("The state of the pier worried the United States and two states.").is_empty()
        );
    }

    #[test]
    fn a_source_that_is_no_phrase_of_a_speaker() {
        assert_eq!(
            claims("About 4 in 10 say the ferry should run all year."),
            vec![pair("the ferry should run all year", "About 4 in 10")]
        );
    }

    #[test]
    fn a_relative_that_is_not_the_claims_that() {
        assert_eq!(
            claims("They say it was plain in the talks that ensued."),
            vec![pair("it was plain in the talks that ensued", "They")]
        );
    }

    #[test]
    fn a_coordinated_verb_takes_the_sentences_subject() {
        assert_eq!(
            claims("Mayor Ana Ruiz visited the harbor and said the deck had cracked."),
            vec![pair("the deck had cracked", "Ana Ruiz")]
        );
    }

    #[test]
    fn a_claim_inside_a_claim() {
        assert_eq!(
            claims("A senior official said Ruiz told Lee that the pier was safe."),
            vec![
                pair("Ruiz told Lee that the pier was safe", "A senior official"),
                pair("the pier was safe", "Ruiz"),
            ]
        );
    }

    #[test]
    fn a_participle_takes_the_sentences_subject() {
        assert_eq!(
            claims("Ruiz closed the pier on Monday, saying the deck had cracked in the storm."),
            vec![pair("the deck had cracked in the storm", "Ruiz")]
        );
    }

    #[test]
    fn a_verb_in_an_opening_phrase_takes_the_subject_after_it() {
        let sources = |text: &str| -> Vec<String> {
            claims(text).into_iter().map(|(_, source)| source).collect()
        };
        assert_eq!(
            sources("Having announced that the pier would reopen, Mayor Ruiz thanked the crews."),
            ["Ruiz"]
        );
        assert_eq!(
            sources(
                "One month after announcing that he would run, Colin Marsh still leads the polls."
            ),
            ["Colin Marsh"]
        );
        // A clause with a subject of its own keeps it.
        assert_eq!(
            sources("After Ruiz announced that the pier would reopen, Colin Marsh thanked her."),
            ["Ruiz"]
        );
    }

    #[test]
    fn a_quoted_passage_is_not_a_claim() {
        assert!(claims("\"The deck has cracked,\" Ruiz said.").is_empty());
        assert!(claims("Ruiz said: \"The deck has cracked.\"").is_empty());
        assert!(claims("Ruiz declined to say when the pier would reopen.").is_empty());
        assert!(claims("Ruiz was told the pier would reopen.").is_empty());
    }

    #[test]
    fn a_pronoun_source_resolves_to_the_person_named_before() {
        let got = Extractor::new(Lexicon::builtin())
            .claims("Mayor Ana Ruiz visited the pier.\n\nShe said the deck had cracked.");
        assert_eq!(got.len(), 1);
        let s = got[0].speaker.as_ref().unwrap();
        assert_eq!((s.text.as_str(), s.name.as_str()), ("She", "Ana Ruiz"));
        assert_eq!(got[0].kind, crate::record::QuoteKind::Indirect);
        assert_eq!(got[0].cue.as_ref().unwrap().text, "said");
    }
}
