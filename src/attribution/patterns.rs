//! Attribution patterns: which words around a quote say who said it.
//!
//! grammar/quotes.ebnf: `attribution`, `post_attribution`,
//! `pre_attribution`, `sentence_end_attribution`, `headline`,
//! `colon_paragraph`, `signed_below`, `nominal`, `subject_fallback`,
//! `introduced_in_paragraph`, `introduced_above`.
//! Patterns are matched over the tokens of one paragraph, in which each
//! quote is a single token.

use super::mention::{
    Mention, MentionKind, classify, core_before, document_before, document_phrase, is_clause_break,
    mention_after, mention_before, partitive_after, poll_for_respondents, relative_subject_before,
    surname_in_this_article,
};
use crate::article::date::{MONTHS, WEEKDAYS};
use crate::lexicon::{Gender, with_lower};
use crate::record::Span;
use crate::text::tokens::{Token, TokenKind};
use crate::text::words::Words;

/// A speaker mention and the cue that ties it to a quote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub mention: Mention,
    /// The reporting verb or phrase; none when the speaker is only the
    /// subject of the sentence the quote sits in.
    pub cue: Option<Span>,
    /// The quote sits inside reported speech (`said the plan "will fail"`)
    /// rather than being introduced or followed by the cue.
    pub partial: bool,
    /// The second half of a split quote: `"Q1," X said, "Q2."`.
    pub split: bool,
}

impl Attribution {
    /// A cue that introduces or follows a whole quote: `said X`, `X said:`.
    fn direct(mention: Mention, cue: Span) -> Attribution {
        Attribution {
            mention,
            cue: Some(cue),
            partial: false,
            split: false,
        }
    }
}

/// How far after a quote the verb of `"Q," the former U.S. envoy to the
/// talks said` may stand.
const POST_REACH: usize = 24;
/// How far past a quote its sentence is read for a poll that speaks for
/// the quote's speakers ([`poll_for_respondents`]).
const SENTENCE_AFTER_QUOTE: usize = 40;

fn is_sentence_end(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Punct('.' | '!' | '?'))
}

/// Punctuation that may stand between a quote and its attribution: the
/// comma, dashes, a closing bracket, and stray marks of nested quotes.
fn is_post_filler(t: &Token) -> bool {
    matches!(
        t.kind,
        TokenKind::Punct(
            ',' | '\u{2014}'
                | '\u{2013}'
                | '-'
                | ')'
                | '\''
                | '\u{2019}'
                | '\u{2018}'
                | '"'
                | '\u{201d}'
                | '\u{201c}'
                | '`'
        )
    )
}

/// How many tokens a sentence may reach back or forward from a quote. A
/// paragraph of stray marks with no full stop must not make every quote scan
/// the whole paragraph: that would be quadratic.
pub const SENTENCE_REACH: usize = 80;

/// The index where the sentence holding token `i` starts, within `floor..`.
/// A quote ending in a full stop, `!` or `?` and followed by a capitalised
/// word ends a sentence too (`... failed to "humanize their campaign." The
/// slogan ...`): the stop is inside the marks, where no token sees it.
pub fn sentence_start(w: &Words, toks: &[Token], i: usize, floor: usize) -> usize {
    let floor = floor.max(i.saturating_sub(SENTENCE_REACH));
    (floor..i)
        .rev()
        .find(|&k| {
            is_sentence_end(&toks[k])
                || k + 1 < i
                    && toks[k].quote().is_some()
                    && ends_a_sentence(toks[k].span.text(w.text))
                    && w.is_capitalised(&toks[k + 1])
        })
        .map_or(floor, |k| k + 1)
}

/// Does a quoted passage (marks included or not) end with a full stop, `!`
/// or `?`?
fn ends_a_sentence(quoted: &str) -> bool {
    quoted
        .trim_end_matches(|c: char| c.is_whitespace() || is_quote_mark(c))
        .ends_with(['.', '!', '?'])
}

fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}' | '`'
    )
}

/// Where the sentence holding the quote at `i` ends: its full stop, `!`
/// or `?`, within [`SENTENCE_REACH`] tokens and before `ceiling`.
fn sentence_end(toks: &[Token], i: usize, ceiling: usize) -> usize {
    let ceiling = ceiling.min(i + 1 + SENTENCE_REACH);
    (i + 1..ceiling)
        .find(|&k| is_sentence_end(&toks[k]))
        .unwrap_or(ceiling)
}

/// The end (exclusive) of the stretch after token `i`: the next quote or
/// the end of the sentence.
fn post_end(toks: &[Token], i: usize, ceiling: usize) -> usize {
    let ceiling = ceiling.min(i + 1 + SENTENCE_REACH);
    (i + 1..ceiling)
        .find(|&k| toks[k].quote().is_some() || is_sentence_end(&toks[k]))
        .unwrap_or(ceiling)
}

fn is_according_to(w: &Words, toks: &[Token], k: usize, end: usize) -> bool {
    k + 1 < end && w.is(&toks[k], &["according"]) && w.is(&toks[k + 1], &["to"])
}

/// Right after a quote and its comma, a verb need not be in the list:
/// `"This is fantastic!" beamed Donald Hartley`. A lower-case word in -ed or
/// -s stands in that slot only as a reporting verb.
fn is_slot_verb(w: &Words, t: &Token) -> bool {
    if w.is_speech_verb(t) {
        return true;
    }
    let Some(x) = w.word(t) else { return false };
    x.len() > 3
        && x.chars().all(|c| c.is_ascii_lowercase())
        && (x.ends_with("ed") || (x.ends_with('s') && !x.ends_with("ss") && !x.ends_with("us")))
}

/// Verbs that say whose words a quote is after "as": `"Q," as Cruz said`.
const AS_VERBS: &[&str] = &[
    "said",
    "says",
    "wrote",
    "writes",
    "told",
    "tells",
    "noted",
    "notes",
    "tweeted",
    "tweets",
    "argued",
    "argues",
    "explained",
    "explains",
    "stated",
    "states",
    "declared",
    "declares",
];

/// `"Q," X said.` / `"Q," said X.` / `"Q," according to X.` — the words
/// right after the quote.
pub fn after_quote(w: &Words, toks: &[Token], qi: usize, ceiling: usize) -> Option<Attribution> {
    let end = post_end(toks, qi, ceiling);
    let mut j = qi + 1;
    while j < end && is_post_filler(&toks[j]) {
        j += 1;
    }
    if j >= end {
        return None;
    }
    // `the race "is a dead heat," as Cruz said on Monday`, `"Q," as Rubio
    // put it`: "as", the speaker, and a verb of saying right after. Only
    // those verbs: `as he passed`, `as the audience laughed` tell when.
    if w.is(&toks[j], &["as"])
        && let Some(m) = mention_after(w, toks, j + 1, end)
    {
        let v = m.end_token;
        let said = v < end && w.is(&toks[v], AS_VERBS)
            || v + 1 < end && w.is(&toks[v], &["put", "puts"]) && w.is(&toks[v + 1], &["it"]);
        if said {
            // Words of the sentence before the quote: it is a fragment.
            let inside = qi > 0 && toks[qi - 1].is_word();
            return Some(Attribution {
                partial: inside,
                ..Attribution::direct(m, toks[v].span)
            });
        }
    }
    // `"Q," X said` closes the quote's clause with a comma, `!`, `?` or a
    // dash. Without one (`"2 million-plus" people deported`) only a listed
    // reporting verb attributes, and no guessed verb or loose phrase does.
    // A quote ending in a full stop ends its sentence; what follows is a new
    // one, unless it is nothing but a short attribution with a listed verb
    // (`"Q." Smith said.`, not `"absurd." Trump's supporters seemed ...`).
    let full_stop = ends_sentence(w, toks, qi);
    if full_stop && (end - j > 8 || end < ceiling && toks[end].quote().is_some()) {
        return None;
    }
    let closed = clause_closed(w, toks, qi, j) && !full_stop;
    let w = &if closed { w.loose() } else { *w };
    let is_slot_verb = |w: &Words, t: &Token| {
        if closed {
            is_slot_verb(w, t)
        } else {
            w.is_speech_verb(t)
        }
    };
    if is_according_to(w, toks, j, end) {
        let mention = partitive_after(w, toks, j + 2, end)
            .or_else(|| document_phrase(w, toks, j + 2, end))
            .or_else(|| mention_after(w, toks, j + 2, end))?;
        let cue = Span::new(toks[j].span.start, toks[j + 1].span.end);
        return Some(Attribution::direct(mention, cue));
    }
    // `"Q," telling reporters ...` / `"Q," describing the team as ...`: a
    // participle's object is not its speaker; and a verb guessed from its
    // ending leads only a name (`beamed Donald Hartley`), not `denounced
    // her record`.
    let participle = w.word(&toks[j]).is_some_and(|x| x.ends_with("ing"));
    if is_slot_verb(w, &toks[j])
        && !participle
        && let Some(mention) = partitive_after(w, toks, j + 1, end)
            .or_else(|| mention_after(w, toks, j + 1, end))
            .filter(|m| w.is_speech_verb(&toks[j]) || m.kind == MentionKind::Name)
    {
        return Some(Attribution::direct(mention, toks[j].span));
    }
    // `"Q," a statement from the Mayor's Office said`, `"Q," an email from
    // Councilman Reyes to constituents said`.
    if let Some(mention) = document_phrase(w, toks, j, end) {
        let to = mention.end_token;
        let addressee = usize::from(to < end && w.is(&toks[to], &["to"]));
        let verb = (to..end.min(to + addressee * 4 + 1))
            .take_while(|&k| toks[k].is_word())
            .find(|&k| w.is_speech_verb(&toks[k]));
        if let Some(v) = verb {
            return Some(Attribution::direct(mention, toks[v].span));
        }
    }
    let reach = end.min(j + POST_REACH);
    if let Some(v) = (j + 1..reach).find(|&k| w.is_speech_verb(&toks[k])) {
        // The phrase must open the clause, after at most a few lower-case
        // role words (`public defender Shannon S. Quill wrote`).
        // `Trump's senior communications adviser Jason Miller said`: the
        // role words may follow an owner's possessive.
        let owner =
            usize::from(w.word(&toks[j]).is_some_and(|x| {
                x.starts_with(char::is_uppercase) && Words::bare(x).len() != x.len()
            }));
        // `CBS This Morning co-anchor DeMarco Morgan said`: before a
        // name, the name of whom the role is with, capitalised, may come
        // first (not before a role alone: `the presumptive Republican
        // presidential nominee wrote` is one phrase).
        let opens_clause = |m: &Mention| {
            let with_body = m.kind == MentionKind::Name;
            m.first_token == j
                || (m.first_token <= j + owner + 4
                    && toks[j + owner..m.first_token].iter().all(|t| {
                        // Role words (`public defender`), not a clause
                        // (`referring to`).
                        w.word(t).is_some_and(|x| {
                            !w.is(t, CLAUSE_WORDS)
                                && (with_body && x.starts_with(char::is_uppercase)
                                    || x.starts_with(char::is_lowercase) && !x.ends_with("ing"))
                        })
                    }))
        };
        if let Some(mention) = mention_before(w, toks, v, j).filter(opens_clause) {
            return Some(Attribution::direct(mention, toks[v].span));
        }
    }
    // An unlisted verb right after a name: `"...," Rubio quipped.`
    let mention = mention_after(w, toks, j, end)?;
    let v = mention.end_token;
    // `"...," Trump went on.`
    let went_on = v + 1 < end && w.is(&toks[v], &["went", "goes"]) && w.is(&toks[v + 1], &["on"]);
    // A guessed verb needs a named or pronoun speaker: `"...," the crowd
    // applauded` is a reaction, not an attribution.
    let listed = v < end && w.is_speech_verb(&toks[v]);
    let guessed_ok = matches!(mention.kind, MentionKind::Name | MentionKind::Pronoun(_));
    if v < end && (listed || guessed_ok && is_slot_verb(w, &toks[v]) || went_on) {
        return Some(Attribution::direct(mention, toks[v].span));
    }
    // A name right after the quote, its verb later in the clause: `"Q,"
    // James Pethokoukis of the American Enterprise Institute wrote`, `"Q,"
    // Harry Bond, 30, of Raleigh, N.C., said`.
    if mention.kind != MentionKind::Name || !closed {
        return None;
    }
    // `"Q," Clinton has gotten the contrition game down ... she's likely
    // to repeat`: a name followed by an auxiliary is the subject of its
    // own clause, and a verb further on is another clause's. Only an
    // adverb may come between (`"Q," Clinton has since said`).
    let clause_of_its_own = v < end && w.is(&toks[v], AUXILIARIES);
    let k = (v..end.min(v + POST_REACH))
        .find(|&k| w.is_speech_verb(&toks[k]))
        .filter(|&k| !clause_of_its_own || k <= v + 2)
        .or_else(|| {
            // `"Q," Bill Eastland, wearing a "Ted Cruz" pin, said`: a
            // quoted name inside the apposition does not end the clause.
            verb_after_apposition(w, toks, v, sentence_end(toks, qi, ceiling))
        })?;
    Some(Attribution::direct(mention, toks[k].span))
}

/// Words that open a clause or a phrase of its own, so cannot stand in a
/// speaker's role before the name (`"Q," referring to Dana Morgan, ...`).
const CLAUSE_WORDS: &[&str] = &[
    "to", "of", "for", "with", "as", "at", "on", "in", "that", "and", "until", "when", "while",
    "after", "before", "because", "if", "since", "but", "or", "though", "although", "unless",
    "where", "once", "without", "by", "from", "into", "about", "against", "despite", "during",
    "like", "than", "over", "under", "through",
];

/// Auxiliary verbs: right after a name they make it the subject of a
/// clause of its own ([`after_quote`]); a claim's source phrase holding one
/// is a clause, not a noun phrase (`claims`).
pub(crate) const AUXILIARIES: &[&str] = &[
    "is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "should",
    "did", "does", "do", "been",
];

/// `"Q," Trump, the 2016 GOP presidential frontrunner nationally and
/// current polling leader in South Carolina by a wide margin after winning
/// the New Hampshire primaries, said`: an apposition of any length between
/// commas right after the name, closed by a comma and a listed reporting
/// verb. The closing comma must be the apposition's first one followed by a
/// lower-case word, so a list (`Trump, Cruz, Rubio said`) does not count
/// and a clause inside the apposition cannot lend its verb.
fn verb_after_apposition(w: &Words, toks: &[Token], name_end: usize, end: usize) -> Option<usize> {
    if !toks.get(name_end).is_some_and(|t| t.is_punct(',')) {
        return None;
    }
    let close = (name_end + 2..end).find(|&k| {
        toks[k].is_punct(',')
            && toks
                .get(k + 1)
                .and_then(|t| w.word(t))
                .is_some_and(|x| x.starts_with(char::is_lowercase))
    })?;
    let verb = close + 1;
    (verb < end && w.is_speech_verb(&toks[verb])).then_some(verb)
}

/// Does the quote end its clause: a comma, `!`, `?` or dash inside the
/// closing mark, or punctuation between the quote and the next word?
fn clause_closed(w: &Words, toks: &[Token], qi: usize, next_word: usize) -> bool {
    if next_word > qi + 1 {
        return true;
    }
    quoted_words(w, toks, qi).ends_with([',', '!', '?', '\u{2014}', '\u{2013}', '-', '.', ';', ':'])
}

/// The quote token's text without its closing marks.
fn quoted_words<'t>(w: &Words<'t>, toks: &[Token], qi: usize) -> &'t str {
    toks[qi].span.text(w.text).trim_end_matches(|c: char| {
        matches!(c, '"' | '\'' | '\u{201d}' | '\u{2019}' | '\u{bb}' | '`') || c.is_whitespace()
    })
}

/// Words that open a clause inside a sentence, before its subject.
const CLAUSE_OPENERS: &[&str] = &[
    "and", "but", "when", "as", "while", "after", "before", "because", "since", "although",
    "though", "where", "once", "until", "yet",
];

/// How many words a clause's subject pronoun may stand before the verb.
const CLAUSE_REACH: usize = 12;

/// `When Robby Mook ... was asked ..., he laughed and said, "Q"`, `Chris
/// Christie ... acknowledged some plagiarism even as he defended Melania
/// Trump, saying, "Q"`: the nearest `he` or `she` opening a clause before
/// the verb (at the sentence's start, after a comma or a conjunction; only
/// words between, no other pronoun) is the verb's subject, nearer than the
/// sentence's. A participle may follow its clause's comma (`he defended
/// ..., saying`). Not after `that`, whose clause is reported speech (`X
/// said that he was tired, adding "Q"` is X's).
fn pronoun_opening_clause(
    w: &Words,
    toks: &[Token],
    s: usize,
    v: usize,
    participle: bool,
) -> Option<Mention> {
    let end = if participle && v > s && toks[v - 1].is_punct(',') {
        v - 1
    } else {
        v
    };
    let p = (s..end)
        .rev()
        .take(CLAUSE_REACH)
        .take_while(|&k| toks[k].is_word())
        .find(|&k| {
            w.is(&toks[k], &["he", "she"])
                && (k == s || toks[k - 1].is_punct(',') || w.is(&toks[k - 1], CLAUSE_OPENERS))
        })?;
    if toks[p + 1..end].iter().any(|t| w.pronoun(t).is_some()) {
        return None;
    }
    core_before(w, toks, p + 1, p).filter(|m| matches!(m.kind, MentionKind::Pronoun(_)))
}

/// How many words the phrase after `with` and its participle may take.
const WITH_CLAUSE_REACH: usize = 10;

/// `the Trump campaign has denied it, with Lewandowski taking to Twitter
/// to call Fields "totally delusional"`, `..., with one of her ads asking,
/// "Q"`: a clause of `with`, a phrase and a participle after a comma has
/// that phrase for its subject, and the quote in it is the phrase's, not
/// the sentence subject's. (The index of `with`, of the participle, and
/// the phrase.)
fn with_clause_subject(
    w: &Words,
    toks: &[Token],
    s: usize,
    qi: usize,
) -> Option<(usize, usize, Mention)> {
    let with = (s + 1..qi)
        .rev()
        .take_while(|&k| !is_sentence_end(&toks[k]) && toks[k].quote().is_none())
        .find(|&k| w.is(&toks[k], &["with"]) && toks[k - 1].is_punct(','))?;
    let ing = (with + 2..qi.min(with + 2 + WITH_CLAUSE_REACH))
        .take_while(|&k| toks[k].is_word())
        .find(|&k| {
            w.word(&toks[k])
                .is_some_and(|x| x.len() > 4 && x.ends_with("ing") && !w.is_capitalised(&toks[k]))
        })?;
    let m = partitive_after(w, toks, with + 1, ing)
        .or_else(|| mention_after(&w.loose(), toks, with + 1, ing))
        .filter(|m| m.first_token == with + 1 && !matches!(m.kind, MentionKind::Pronoun(_)))?;
    Some((with, ing, m))
}

/// `Another commenter said, "Q"`: a sentence that is only a determiner
/// phrase, a listed reporting verb, a comma or colon and the quote has that
/// phrase for its speaker, whatever its head noun, as `"Q," a commenter
/// said` has after the quote. Anywhere else an unlisted noun after a
/// determiner is as often what is said (`the report said`).
fn subject_introducing(
    w: &Words,
    toks: &[Token],
    v: usize,
    s: usize,
    qi: usize,
) -> Option<Mention> {
    // The comma or colon is needed: `The so called "Implementation
    // Initiative"` names the quote, it does not introduce it.
    let between = &toks[v + 1..qi];
    let introduces =
        !between.is_empty() && between.iter().all(|t| t.is_punct(',') || t.is_punct(':'));
    if !introduces {
        return None;
    }
    let start = subject_start(w, toks, s, v);
    mention_before(&w.loose(), toks, v, start).filter(|m| m.first_token == start)
}

/// Does the verb lead its clause, so that the speaker follows it? At the
/// sentence's start (`Said X: "Q"`) or right after a quote and its comma
/// (`"Q1," said X, "Q2."`) — not `Pence called their son "a hero"`.
fn verb_leads(toks: &[Token], v: usize, s: usize) -> bool {
    v == s || toks[s..v].iter().all(|t| !t.is_word())
}

/// The quoted words end with a full stop.
fn ends_sentence(w: &Words, toks: &[Token], qi: usize) -> bool {
    quoted_words(w, toks, qi).ends_with('.')
}

/// Skip what opens a sentence before its subject: `But`, `On Friday,`.
fn subject_start(w: &Words, toks: &[Token], s: usize, end: usize) -> usize {
    let mut k = s;
    while k < end
        && (w.is(
            &toks[k],
            &[
                "but",
                "and",
                "so",
                "yet",
                "still",
                "then",
                "now",
                "also",
                "as",
                "meanwhile",
            ],
        ) || toks[k].is_punct(','))
    {
        k += 1;
    }
    // A dateline: `WASHINGTON (AFP) –`, `Washington —`. A new sentence
    // follows it: `Mayor Ana Brill — who rarely speaks — said` is a name
    // and its apposition.
    let dash = (k..end.min(k + 6)).find(|&i| toks[i].is_dash());
    if let Some(d) = dash
        && toks[k..d]
            .iter()
            .all(|t| w.is_capitalised(t) || t.is_punct('(') || t.is_punct(')') || t.is_punct(','))
        && !lower_case_word_at(w, toks, after_dashes(toks, d))
    {
        return after_dashes(toks, d);
    }
    k
}

/// The token after the dash at `d` and any dashes right after it (`--`
/// typed for a dash).
fn after_dashes(toks: &[Token], d: usize) -> usize {
    (d + 1..toks.len())
        .find(|&k| !toks[k].is_dash())
        .unwrap_or(toks.len())
}

/// A word in the verb list used as a noun: `Clinton's remarks`, `the
/// claims`, `his proposed credit`.
fn is_noun_use(w: &Words, toks: &[Token], k: usize, floor: usize) -> bool {
    const NOUN_LEFT: &[&str] = &[
        "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that",
        "these", "those",
    ];
    k > floor && {
        let before = &toks[k - 1];
        // `he's said`, `she's argued`: a pronoun's `'s` is `has`, and the
        // word after it the verb, not a possession.
        w.is(before, NOUN_LEFT)
            || w.word(before)
                .is_some_and(|x| Words::bare(x).len() != x.len() && w.pronoun(before).is_none())
    }
}

/// Prepositions that open a sentence's opening phrase (`In TV interviews
/// and tweets, Trump has argued`). Not the words that open a clause with a
/// subject of its own (`As Byler pointed out, "Q"`, `When Trump announced
/// his run, he ...`): there the reporting verb may well be the quote's.
const OPENING_PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "during", "with", "without", "for", "from", "through", "amid", "despite",
];

/// Where the sentence's opening phrase ends (its comma), when the sentence
/// starting at `s` opens with one and the quote at `qi` comes after it: a
/// reporting word inside it ("tweets") is not the quote's cue unless a
/// subject stands before it.
fn opening_phrase_end(w: &Words, toks: &[Token], s: usize, qi: usize) -> Option<usize> {
    if s >= qi || !w.is(&toks[s], OPENING_PREPOSITIONS) {
        return None;
    }
    (s + 1..qi.min(s + 16))
        .take_while(|&k| !is_clause_break(&toks[k]))
        .find(|&k| toks[k].is_punct(','))
}

/// Is `toks[k]` a word written in lower case (a verb after a subject)?
fn lower_case_word_at(w: &Words, toks: &[Token], k: usize) -> bool {
    toks.get(k)
        .and_then(|t| w.word(t))
        .and_then(|x| x.chars().next())
        .is_some_and(char::is_lowercase)
}

/// Where a sentence's opening subordinate clause ends (its comma), when a
/// main clause with a subject and a verb of its own follows it before the
/// quote at `qi`: `When Trump announced his candidacy in June 2015, he
/// infamously referred to Mexican immigrants as "criminals"` — the
/// reporting verb of the opening clause ("announced") is not the quote's.
/// `After Byler pointed out the flaw, "Q"` has no main clause before the
/// quote: its verb is.
fn opening_clause_end(w: &Words, toks: &[Token], s: usize, qi: usize) -> Option<usize> {
    // Not "as": `As The Post's Ruth Marcus puts it, Obama is trying to make
    // Republicans "an offer they can't afford to refuse"` credits the
    // quote to the opening clause's speaker.
    const OPENERS: &[&str] = &[
        "when", "since", "after", "while", "although", "though", "because", "once", "before",
    ];
    let first = (s..qi).find(|&k| !w.is(&toks[k], &["but", "and", "so", "yet", "then"]))?;
    if !w.is(&toks[first], OPENERS) {
        return None;
    }
    (first + 2..qi)
        .take_while(|&k| !is_clause_break(&toks[k]))
        .filter(|&k| toks[k].is_punct(','))
        .take(3)
        .find(|&c| {
            mention_after(w, toks, c + 1, qi).is_some_and(|m| {
                matches!(m.kind, MentionKind::Name | MentionKind::Pronoun(_))
                    && lower_case_word_at(w, toks, m.end_token)
            })
        })
}

/// The subject of the sentence: the phrase it opens with, or the one after
/// an opening phrase closed by a comma (`On Friday, Kerry said`).
pub fn sentence_subject(w: &Words, toks: &[Token], s: usize, end: usize) -> Option<Mention> {
    let k = subject_start(w, toks, s, end);
    if let Some(m) = mention_after(w, toks, k, end).filter(|m| plausible_subject(w, toks, m, k)) {
        return Some(
            owner_phrase(w, toks, &m, k)
                .or_else(|| owned_name(w, toks, &m, end))
                .unwrap_or(m),
        );
    }
    // After an opening phrase: the first phrase after a comma that a verb
    // follows (`Speaking in Salem, New Hampshire, Trump went after Bush`).
    let followed_by_verb = |m: &Mention| {
        toks.get(m.end_token)
            .and_then(|t| w.word(t))
            .is_some_and(|x| x.starts_with(char::is_lowercase))
    };
    let mut first = None;
    for comma in (k..end.min(k + 24))
        .filter(|&i| toks[i].is_punct(','))
        .take(4)
    {
        let k = subject_start(w, toks, comma + 1, end);
        // `On the other side, Sen. Ted Cruz (R-Tex.), a Republican
        // candidate for president, tweeted`: an indefinite phrase after a
        // name found describes it, it is not another subject.
        if first.is_some() && w.is(&toks[k], &["a", "an"]) {
            continue;
        }
        if let Some(m) = mention_after(w, toks, k, end)
            .filter(|m| plausible_subject(w, toks, m, k))
            .map(|m| owned_name(w, toks, &m, end).unwrap_or(m))
        {
            if followed_by_verb(&m) {
                return Some(m);
            }
            first.get_or_insert(m);
        }
    }
    first
}

/// `Finance Minister Chrystia Freeland's office called it "a forecast" and
/// said ...`: a name owning the body or the spokesman right after it is
/// not the subject; the phrase with its head is.
fn owner_phrase(w: &Words, toks: &[Token], m: &Mention, floor: usize) -> Option<Mention> {
    let owner = w.word(&toks[m.end_token.checked_sub(1)?])?;
    let head = toks.get(m.end_token)?;
    if Words::bare(owner).len() == owner.len()
        || !(w.is_organisation(head) || w.is_anonymous_head(head))
        || w.is_capitalised(head)
    {
        return None;
    }
    mention_before(w, toks, m.end_token + 1, floor)
        .filter(|p| p.kind != MentionKind::Name && p.end_token == m.end_token + 1)
}

/// `The Blaze's Matt Walsh provided ..., saying`: an owner's possessive
/// right before a person's name (a given name first) says whose the
/// person is (an outlet, a firm); the name is the subject. Not `Yildirim's
/// LinkedIn page`, `The group's Web page`.
fn owned_name(w: &Words, toks: &[Token], m: &Mention, end: usize) -> Option<Mention> {
    let owner = w.word(&toks[m.end_token.checked_sub(1)?])?;
    let next = toks.get(m.end_token)?;
    if Words::bare(owner).len() == owner.len() || !w.is_given_name(next) {
        return None;
    }
    mention_after(w, toks, m.end_token, end).filter(|n| n.kind == MentionKind::Name)
}

/// A capitalised word opening a sentence is not a name when it is a
/// participle or adverb (`Boasting`, `Hours`, `According`) or when the
/// article writes it in lower case elsewhere.
fn plausible_subject(w: &Words, toks: &[Token], m: &Mention, first: usize) -> bool {
    // `It would involve ...`: "it" opening a sentence is rarely a speaker.
    if m.kind == MentionKind::Pronoun(Gender::Neutral) {
        return false;
    }
    if m.kind != MentionKind::Name || m.end_token != first + 1 {
        return true;
    }
    let word = m.span.text(w.text);
    let lower = word.to_lowercase();
    if lower.ends_with("ing") || lower.ends_with("ly") || w.is(&toks[first], &["according"]) {
        return false;
    }
    // `Preceded by`, `Based on`, `Compared with`, `Informed of`: a
    // participle opening the sentence, not a name.
    if lower.ends_with("ed")
        && toks.get(first + 1).is_some_and(|t| {
            w.is(
                t,
                &[
                    "by", "on", "in", "with", "to", "from", "at", "for", "as", "of", "about",
                ],
            )
        })
    {
        return false;
    }
    !w.written_in_lower_case(&lower)
}

/// `a senior transit manager can be heard telling councillors`, `Pike was
/// caught saying`: the subject of a recording's passive verb before the
/// participle `v` is who speaks in it.
fn heard_saying(w: &Words, toks: &[Token], v: usize, floor: usize) -> Option<Mention> {
    const RECORDED: &[&str] = &["heard", "overheard", "seen", "caught", "filmed", "recorded"];
    const PASSIVE: &[&str] = &[
        "be", "been", "is", "was", "are", "were", "can", "could", "may",
    ];
    if v < floor + 2 || !w.is(&toks[v - 1], RECORDED) {
        return None;
    }
    let mut k = v - 1;
    while k > floor && w.is(&toks[k - 1], PASSIVE) {
        k -= 1;
    }
    if k == v - 1 {
        return None;
    }
    mention_before(w, toks, k, floor).filter(|m| m.end_token == k)
}

/// A verb after a modal or a passive auxiliary (`would continue`, `had been
/// told`, `to say`) does not report the subject's words.
fn after_auxiliary(w: &Words, toks: &[Token], v: usize, floor: usize) -> bool {
    const AUXILIARIES: &[&str] = &[
        "would", "will", "could", "should", "might", "may", "must", "to", "been", "being", "be",
        "was", "were", "is", "are", "can", "cannot",
    ];
    if v == floor || !w.is(&toks[v - 1], AUXILIARIES) {
        return false;
    }
    // `Will wrote` in an article that names George Will: a surname.
    if surname_in_this_article(w, toks, &toks[v - 1]) {
        return false;
    }
    // `went on to say`: what was said next, not what is meant to be.
    if v >= floor + 2 && w.is(&toks[v - 1], &["to"]) && w.is(&toks[v - 2], &["on"]) {
        return false;
    }
    // `was quoted as saying`, `is saying`: progressive and quoted-as stay.
    let verb = w.word(&toks[v]).unwrap_or_default();
    !verb.ends_with("ing") || w.is(&toks[v - 1], &["to"])
}

/// Is the word right before the quote at `qi` a reporting verb, the only
/// place [`object_of_named_verb`] looks?
pub fn verb_right_before(w: &Words, toks: &[Token], qi: usize, floor: usize) -> bool {
    qi >= floor + 2 && w.is_speech_verb(&toks[qi - 1])
}

/// `a clip that Judge Michael Mosman called "distasteful," Santilli
/// expressed`: a quote right after a reporting verb whose named subject
/// stands right before it is that verb's object, and that name its
/// speaker; the name after the quote begins the next clause. Asked of what
/// [`before_quote`] read (`before`), before [`after_quote`], which would
/// take the later name.
pub fn object_of_named_verb(toks: &[Token], qi: usize, before: &Attribution) -> bool {
    before.mention.kind == MentionKind::Name
        && before.mention.end_token + 1 == qi
        && before.cue == Some(toks[qi - 1].span)
}

/// `X said: "Q"` / `X said, "Q"` / `X said the campaign will go on "and
/// ..."` / `X issued a statement noting that "Q"` / `according to X, "Q"` /
/// `Graham: 'Q'` — the words of the sentence before the quote.
pub fn before_quote(w: &Words, toks: &[Token], qi: usize, floor: usize) -> Option<Attribution> {
    let s = sentence_start(w, toks, qi, floor);
    // `As The Post's Dana Milbank puts it, "Q"`: "put it" reports words.
    let puts_it =
        |k: usize| w.is(&toks[k], &["put", "puts"]) && k + 1 < qi && w.is(&toks[k + 1], &["it"]);
    let opening = opening_phrase_end(w, toks, s, qi);
    // `At the bottom it reads, "Q"`: a verb with a subject of its own
    // before it is a clause, not part of the opening phrase.
    let has_subject =
        |k: usize| k > s && (w.is_capitalised(&toks[k - 1]) || w.pronoun(&toks[k - 1]).is_some());
    let opening_clause = opening_clause_end(w, toks, s, qi);
    let is_cue = |k: usize| {
        (w.is_speech_verb(&toks[k]) || puts_it(k))
            && !after_auxiliary(w, toks, k, s)
            && !is_noun_use(w, toks, k, s)
            && !opening.is_some_and(|end| k < end && !has_subject(k))
            && opening_clause.is_none_or(|end| k >= end)
    };
    // `Kerry said Lavrov had told him ... but "I am not taking that at face
    // value"`: a verb in the past perfect after an earlier reporting verb is
    // inside the reported speech; the earlier verb governs the quote.
    // Not a participle set off by commas before it (`Mr. Trump, asked about
    // the deaths, had said, "Q"`), which describes the subject.
    let governs = |j: usize| is_cue(j) && !(j > s && toks[j - 1].is_punct(','));
    let embedded =
        |k: usize| k > s && w.is(&toks[k - 1], &["had", "has", "have"]) && (s..k).any(governs);
    // `Lynch, who told Congress when asked about the inquiry: "Q"`: when the
    // last cue has no speaker of its own, the one before it may.
    let cues: Vec<usize> = (s..qi)
        .rev()
        .filter(|&k| is_cue(k) && !embedded(k))
        .take(2)
        .collect();
    // The with-clause holding the quote does not depend on the cue: read
    // once, only when there is a cue to weigh it against.
    let with_clause = if cues.is_empty() {
        None
    } else {
        with_clause_subject(w, toks, s, qi)
    };
    for (nth, &v) in cues.iter().enumerate() {
        let last_try = nth + 1 == cues.len();
        let verb = w.word(&toks[v]).unwrap_or_default().to_lowercase();
        let participle = verb.ends_with("ing");
        // `was quoted as saying`: the subject stands before `was quoted as`.
        let quoted_as = participle
            && v >= s + 3
            && w.is(&toks[v - 1], &["as"])
            && w.is(&toks[v - 2], &["quoted"]);
        let mention = if quoted_as {
            mention_before(w, toks, v - 3, s).or_else(|| sentence_subject(w, toks, s, v))
        } else if participle {
            // `with Sen. John McCain calling it "a Chinese menu"`, `- Ryan
            // saying he was "very encouraged"`: a participle clause with a
            // subject of its own. Otherwise (`Nefzi said, adding, "..."`) the
            // finite verb before the participle has the speaker; else the
            // sentence's subject does.
            let clause_opener = |k: usize| {
                k == s
                    || toks[k - 1].is_dash()
                    || toks[k - 1].is_punct(',')
                    || toks[k - 1].is_punct(';')
                    || w.is(&toks[k - 1], &["with", "and"])
            };
            heard_saying(w, toks, v, s)
                .or_else(|| {
                    mention_before(w, toks, v, s).filter(|m| {
                        !matches!(m.kind, MentionKind::Pronoun(_)) && clause_opener(m.first_token)
                    })
                })
                .or_else(|| {
                    (s..v)
                        .rev()
                        .find(|&k| {
                            is_cue(k) && !w.word(&toks[k]).unwrap_or_default().ends_with("ing")
                        })
                        .and_then(|k| {
                            mention_before(w, toks, k, s)
                                .or_else(|| mention_after(w, toks, k + 1, v))
                        })
                })
                .or_else(|| sentence_subject(w, toks, s, v))
        } else {
            document_before(w, toks, v, s)
                .or_else(|| mention_before(w, toks, v, s))
                .or_else(|| relative_subject_before(w, toks, v, s))
                .or_else(|| sentence_subject(w, toks, s, v))
                .or_else(|| subject_introducing(w, toks, v, s, qi))
        };
        // A `he` or `she` opening the verb's own clause is its subject,
        // nearer than a phrase farther back; so is one opening a clause of
        // its own after the verb whose colon introduces the quote (`Reid
        // said both are "non-entities," but he gave the Texan a
        // back-handed compliment: "Q"`).
        let colon_clause = (qi > v + 1 && toks[qi - 1].is_punct(':'))
            .then(|| pronoun_opening_clause(w, toks, v, qi - 1, false))
            .flatten();
        let mention =
            match colon_clause.or_else(|| pronoun_opening_clause(w, toks, s, v, participle)) {
                Some(p)
                    if mention
                        .as_ref()
                        .is_none_or(|m| m.end_token <= p.first_token) =>
                {
                    Some(p)
                }
                _ => mention,
            };
        // `..., with Lewandowski taking to Twitter to call Fields "Q"`: the
        // quote is in the with-clause, said by its phrase, when the verb is
        // before the clause or is its participle.
        let mention = match &with_clause {
            Some((with, ing, m)) if v < *with || participle && v >= *ing => Some(m.clone()),
            _ => mention,
        };
        // `Because of the schedule, explained Rosenberg, "Q"`: a verb after
        // a comma, then only a name and a comma or colon before the quote,
        // is an aside that attributes it.
        let mention = mention.or_else(|| {
            (!participle && v > s && toks[v - 1].is_punct(','))
                .then(|| mention_after(w, toks, v + 1, qi))
                .flatten()
                .filter(|m| {
                    m.kind == MentionKind::Name
                        && m.end_token + 1 == qi
                        && (toks[qi - 1].is_punct(',') || toks[qi - 1].is_punct(':'))
                })
        });
        let mention = match mention {
            Some(m) => m,
            // `"Q1," said X, "Q2."` and `Said X: "Q"` — the verb leads.
            None if !participle && verb_leads(toks, v, s) => {
                partitive_after(w, toks, v + 1, qi).or_else(|| mention_after(w, toks, v + 1, qi))?
            }
            None if last_try => return None,
            None => continue,
        };
        let sentence_end = (qi..toks.len().min(qi + SENTENCE_AFTER_QUOTE))
            .find(|&k| is_sentence_end(&toks[k]))
            .unwrap_or(toks.len().min(qi + SENTENCE_AFTER_QUOTE));
        let mention = poll_for_respondents(w, toks, &mention, s, sentence_end).unwrap_or(mention);
        // `puts it, "Q"` introduces the quote as `says, "Q"` does.
        let between = &toks[(v + 1 + usize::from(puts_it(v))).min(qi)..qi];
        // `noting that "Q"` is reported speech as much as `said the plan
        // "will fail"`; `said: "Q"` and `said, "Q"` introduce a whole quote.
        let partial =
            between.iter().any(|t| t.is_word()) && !between.iter().any(|t| t.is_punct(':'));
        // `"Q1," X said, "Q2."`: the second half of a quote split by its
        // attribution. Only when nothing but the attribution stands between
        // the quote before and the verb: in `says Americans are "Q1," but
        // also hungry for what she calls "Q2."` the verb has a clause and a
        // subject of its own, and Q2 is a quote in its own right.
        let attached = |k: usize| {
            (k + 1..v).all(|j| {
                !toks[j].is_word() || (mention.first_token..mention.end_token).contains(&j)
            })
        };
        let split = !partial
            && (s..v)
                .rev()
                .find(|&k| toks[k].quote().is_some())
                .is_some_and(attached);
        return Some(Attribution {
            mention,
            cue: Some(toks[v].span),
            partial,
            split,
        });
    }
    if let Some(k) = (s..qi).find(|&k| is_according_to(w, toks, k, qi)) {
        let mention =
            document_phrase(w, toks, k + 2, qi).or_else(|| mention_after(w, toks, k + 2, qi))?;
        return Some(Attribution::direct(
            mention,
            Span::new(toks[k].span.start, toks[k + 1].span.end),
        ));
    }
    let colon = (s..qi).find(|&k| toks[k].is_punct(':'))?;
    // Headline style: `Graham: Trump's 'Incredibly Hateful Rhetoric'`, also
    // after a dash: `POLLS NOT WRONG - Mark Blumenthal and Jon Cohen: "Q"`.
    let s = (s..colon)
        .rev()
        .find(|&k| toks[k].is_dash())
        .map_or(s, |d| d + 1);
    if let Some(mention) = names_opening_line(w, toks, s, colon) {
        return Some(Attribution {
            mention,
            cue: Some(toks[colon].span),
            partial: colon + 1 < qi,
            split: false,
        });
    }
    // `McConnell delivered a blunt message: "..."`: the subject speaks.
    let mention = sentence_subject(w, toks, s, colon)?;
    Some(Attribution {
        mention,
        cue: Some(toks[colon].span),
        partial: colon + 1 < qi,
        split: false,
    })
}

/// The name or pair of names that is all of a line from `s` up to the
/// colon at `colon` (`Graham:`, `Mark Blumenthal and Jon Cohen:`), or that
/// follows `from` or `more from` there (`More from Jones:`).
fn names_opening_line(w: &Words, toks: &[Token], s: usize, colon: usize) -> Option<Mention> {
    let s = match toks.get(s..colon) {
        Some([a, b, ..]) if w.is(a, &["more"]) && w.is(b, &["from"]) => s + 2,
        Some([a, ..]) if w.is(a, &["from"]) => s + 1,
        _ => s,
    };
    let opens_line = |m: &Mention| {
        m.first_token == s
            || m.first_token <= s + 4
                && w.is(&toks[m.first_token - 1], &["and"])
                && toks[s..m.first_token].iter().all(|t| t.is_word())
    };
    mention_before(w, toks, colon, s).filter(opens_line)
}

/// `POLLSTERS AGREE - Carl Bialik: "Q"`, `Estimates are problematic - Pew
/// Research: "Q"`: a newsletter's line that gives a topic, a dash, then
/// only the source's name and a colon before the quote. The name after the
/// dash is the quote's source whatever the topic says (it may hold a
/// reporting verb, "agree", or read as a headline). `qi` is the quote's
/// token, `floor` its paragraph's first.
pub fn dash_then_name(w: &Words, toks: &[Token], qi: usize, floor: usize) -> Option<Attribution> {
    let colon = qi
        .checked_sub(1)
        .filter(|&c| c > floor && toks[c].is_punct(':'))?;
    // The name is short: a dash further back is a dash in the topic.
    let dash = (colon.saturating_sub(8).max(floor)..colon)
        .rev()
        .find(|&k| toks[k].is_dash())?;
    // Words on both sides of the dash: not a dash opening a line or a list.
    if dash == floor || !toks[dash - 1].is_word() {
        return None;
    }
    let mention = names_opening_line(w, toks, dash + 1, colon)
        .filter(|m| m.kind == MentionKind::Name && m.end_token == colon)?;
    Some(Attribution::direct(mention, toks[colon].span))
}

/// `called it "a disgrace" and "a betrayal," Smith said.`: a quote inside a
/// sentence whose attribution follows a later quote of the same sentence.
/// Also `has used "velvet gloves" in its dealings, said Nargis Kassenova.`:
/// the sentence's last clause, after a comma, names the speaker.
pub fn at_sentence_end(
    w: &Words,
    toks: &[Token],
    qi: usize,
    ceiling: usize,
) -> Option<Attribution> {
    // `... her comment that, "We're going to put coal companies out of
    // business." The union will sit out the election, Phil Smith told
    // reporters.`: a quote closing its sentence with its own full stop,
    // and a capital after it, leaves no later clause to the sentence.
    let closes_sentence = quoted_words(w, toks, qi).ends_with(['.', '!', '?'])
        && toks
            .get(qi + 1)
            .is_some_and(|t| t.is_word() && w.is_capitalised(t));
    // `report that "Q1," as Heather Childers did, or that "Q2," as Steve
    // Doocy said`: a quote followed by its own "as" clause names someone
    // there, not the speaker of a later quote.
    let own_as_clause = (qi + 1..toks.len())
        .find(|&k| !toks[k].is_punct(','))
        .filter(|&k| w.is(&toks[k], &["as"]))
        .and_then(|k| mention_after(w, toks, k + 1, toks.len()))
        .is_some_and(|m| m.kind == MentionKind::Name);
    if closes_sentence || own_as_clause {
        return None;
    }
    let ceiling = ceiling.min(qi + 1 + SENTENCE_REACH);
    let end = sentence_end(toks, qi, ceiling);
    let after_later_quote = || {
        (qi + 1..end)
            .filter(|&k| toks[k].quote().is_some())
            .find_map(|k| after_quote(w, toks, k, ceiling))
    };
    let last_clause = || {
        // The first comma after which only an attribution follows: `"Q" if
        // she lost, said David Wasserman, an analyst at ...`.
        (qi + 1..end)
            .filter(|&k| toks[k].is_punct(','))
            .filter(|&k| !toks[k..end].iter().any(|t| t.quote().is_some()))
            .find_map(|comma| after_quote(w, toks, comma - 1, end))
    };
    after_later_quote().or_else(last_clause).map(|mut a| {
        a.partial = true;
        a
    })
}

/// A headline or title line: most words capitalised and no full stop
/// inside. `Bernie Sanders Pins The Rise Of ISIS On 'Disastrous' Invasion`.
pub fn is_headline(w: &Words, toks: &[Token]) -> bool {
    // Counted without collecting the words: most paragraphs are long, and
    // stop being a headline at their 31st word.
    let words = toks.iter().filter(|t| t.is_word());
    let count = words.clone().take(31).count();
    if !(3..=30).contains(&count) {
        return false;
    }
    if words.clone().any(|t| w.is_speech_verb(t)) {
        return false;
    }
    let capitalised = words.filter(|t| w.is_capitalised(t)).count();
    let inner_stop = toks[..toks.len() - 1].iter().any(is_sentence_end);
    capitalised * 4 >= count * 3 && !inner_stop
}

/// In a headline, the name it opens with speaks: `Graham: Trump's
/// 'Incredibly Hateful Rhetoric'`, `Sanders Pins ... On 'Disastrous' ...`.
///
/// `headline` is [`is_headline`] of the paragraph, worked out once for all
/// its quotes.
pub fn in_headline(
    w: &Words,
    toks: &[Token],
    qi: usize,
    para: (usize, usize),
    headline: bool,
) -> Option<Attribution> {
    let (ps, _) = para;
    if qi == ps || !headline {
        return None;
    }
    let mention = mention_after(w, toks, ps, qi).filter(|m| m.kind == MentionKind::Name)?;
    let cue = toks
        .get(mention.end_token)
        .filter(|t| t.is_word() || t.is_punct(':'))?;
    Some(Attribution {
        mention,
        cue: Some(cue.span),
        partial: true,
        split: false,
    })
}

/// Words that open a clause with a subject of its own inside a sentence.
const SUBORDINATORS: &[&str] = &[
    "when", "as", "while", "although", "though", "after", "whereas",
];

/// The subject of the clause the quote at `qi` stands in, when that clause
/// is not the sentence's main one: `He appeared rattled when Clinton
/// accused him of an "artful smear"` is Clinton's phrase, `As Blumenthal
/// spoke, the NRA was whipping lawmakers against "any and all gun
/// control"` the NRA's. A subordinate clause before the quote with a
/// subject and a verb of its own, and no comma closing it before the
/// quote, holds the quote; one opening the sentence and closed by a comma
/// before the quote does not, and the main clause's subject follows the
/// comma.
fn clause_subject(w: &Words, toks: &[Token], s: usize, qi: usize) -> Option<Mention> {
    let subject_then_verb = |from: usize| {
        let m = mention_after(w, toks, from, qi)?;
        // `while praising Hillary Clinton as "..."`, `when asked about
        // Mr. Bush`: a participle opening the clause leaves it the
        // sentence's subject; the name after it is an object.
        let participle = w.word(&toks[from]).is_some_and(|x| {
            !w.is_capitalised(&toks[from]) && (x.ends_with("ing") || x.ends_with("ed"))
        });
        (!participle
            && lower_case_word_at(w, toks, m.end_token)
            && matches!(m.kind, MentionKind::Name | MentionKind::Pronoun(_))
            && plausible_subject(w, toks, &m, from))
        .then_some(m)
    };
    let opener = |k: usize| {
        w.is(&toks[k], SUBORDINATORS)
            // `such as`, `as well as`, `just as`: not a clause.
            && !(k > s && w.is(&toks[k - 1], &["such", "well", "just", "same", "so", "as"]))
    };
    // Where the sentence's first clause starts, past `But`, `And`.
    let first = (s..qi)
        .find(|&k| {
            !w.is(
                &toks[k],
                &["but", "and", "so", "yet", "then", "now", "also"],
            )
        })
        .unwrap_or(qi);
    // The nearest opener before the quote, within its clause.
    for k in (s..qi).rev() {
        if is_clause_break(&toks[k]) {
            return None;
        }
        // The comma that introduces the quote (`and then boomed, "..."`)
        // closes no clause.
        if toks[k].is_punct(',') && k + 1 < qi {
            // `As Blumenthal spoke, the NRA ...`: the clause before the
            // comma is closed; the quote is in what follows. An opener
            // before any other comma is not known to hold the quote.
            // The main clause's subject is then the first phrase after a
            // comma that a verb follows (`When Ms. Schifano moved to
            // Jamaica Estates, Queens, ..., Freddy confided`).
            if first >= k || !opener(first) {
                return None;
            }
            let opening = subject_then_verb(first + 1)?;
            return sentence_subject(w, toks, opening.end_token, qi);
        }
        if opener(k) {
            match subject_then_verb(k + 1) {
                // `while Trump refers to the governor as "Chris"`: an "as"
                // with no subject and verb after it is a preposition, and
                // the clause that holds the quote opens further back.
                None if w.is(&toks[k], &["as"]) => continue,
                found => return found,
            }
        }
        // `Graham contrasted that with Clinton who is looking to bring
        // "people together"`, `Roffman, who estimates that his costs were
        // "in the seven figures"`: the relative pronoun's clause holds the
        // quote; its antecedent, a name just before, speaks, and the
        // mention is "who" itself, as for a reporting verb after it.
        if k > s && w.is(&toks[k], &["who"]) && subject_verb_follows(w, toks, k, qi) {
            let before = if toks[k - 1].is_punct(',') || toks[k - 1].is_dash() {
                k - 1
            } else {
                k
            };
            let mut m = core_before(w, toks, before, s).filter(|m| m.kind == MentionKind::Name)?;
            m.written = Some(toks[k].span);
            return Some(m);
        }
    }
    None
}

/// Does a lower-case word (the relative clause's verb) follow the "who"
/// at `who`, before the quote at `qi`?
fn subject_verb_follows(w: &Words, toks: &[Token], who: usize, qi: usize) -> bool {
    who + 1 < qi
        && toks[who + 1].is_word()
        && !w.is_capitalised(&toks[who + 1])
        && w.pronoun(&toks[who + 1]).is_none()
}

/// `Trump called Cruz "a liar"`: no reporting verb, but the sentence's
/// subject is the one whose words are quoted.
pub fn sentence_subject_of(
    w: &Words,
    toks: &[Token],
    qi: usize,
    floor: usize,
) -> Option<Attribution> {
    let s = sentence_start(w, toks, qi, floor);
    // `It was the persistent pull of "..."`: `sentence_subject` never
    // offers "it" (see `plausible_subject`).
    let mention = clause_subject(w, toks, s, qi).or_else(|| sentence_subject(w, toks, s, qi))?;
    let lower_word_at = |k: usize| lower_case_word_at(w, toks, k);
    // `Ted Nordhaus, co-founder of the Breakthrough Institute, welcomed
    // "..."`: the verb comes after an apposition between commas.
    let after_apposition = || {
        mention.kind == MentionKind::Name
            && toks.get(mention.end_token).is_some_and(|t| t.is_punct(','))
            && (mention.end_token + 2..qi.min(mention.end_token + 24))
                .take_while(|&k| !is_clause_break(&toks[k]))
                .find(|&k| toks[k].is_punct(','))
                .is_some_and(|c| {
                    lower_word_at(c + 1)
                        && !w.is(
                            &toks[c + 1],
                            &["and", "or", "who", "which", "whose", "whom"],
                        )
                        && !w.word(&toks[c + 1]).unwrap_or_default().ends_with("ing")
                })
    };
    (lower_word_at(mention.end_token) || after_apposition()).then_some(Attribution {
        mention,
        cue: None,
        partial: true,
        split: false,
    })
}

/// A paragraph that is nothing but quotes, signed in the next one: `"Q."`
/// then `- Sanders.` or `—Michelle Marks, Philadelphia.` (quote roundups,
/// fact-check lists).
pub fn signed_below(
    w: &Words,
    toks: &[Token],
    para: (usize, usize),
    next: (usize, usize),
) -> Option<Attribution> {
    let (ps, pe) = para;
    let (ns, ne) = next;
    let only_quotes = toks[ps..pe]
        .iter()
        .all(|t| t.quote().is_some() || !t.is_word());
    if !only_quotes || ne < ns + 2 {
        return None;
    }
    if !toks[ns].is_dash() {
        return signature_line(w, toks, next);
    }
    let mention = mention_after(w, toks, ns + 1, ne)?;
    // The signature is the whole line, or the name and then a comma: not
    // `- The New York Times provides entrance poll results`.
    let signs = toks.get(mention.end_token).is_none_or(|t| {
        mention.end_token >= ne
            || t.is_punct(',')
            || is_sentence_end(t) && mention.end_token + 1 == ne
    });
    (signs && matches!(mention.kind, MentionKind::Name))
        .then(|| Attribution::direct(mention, toks[ns].span))
}

/// Words a description after a voice's name may run to: `Walt Brewer,
/// owner of Brewer's Bait & Tackle`.
const DESCRIPTION_WORDS: usize = 14;

/// Whether `toks[from..to]` can be a name's description in a list of
/// voices (`34, deckhand`, `owner of the bait shop`): a few words, no
/// reporting verb, no quote, no sentence inside.
fn is_description(w: &Words, toks: &[Token], from: usize, to: usize) -> bool {
    /// Words of a clause, not of a description: `Often, families did not
    /// understand`.
    const CLAUSE: &[&str] = &[
        "is", "was", "are", "were", "did", "do", "does", "has", "have", "had", "will", "would",
        "can", "could", "not", "should", "may", "might",
    ];
    let words = toks[from..to].iter().filter(|t| t.is_word()).count();
    words <= DESCRIPTION_WORDS
        && toks[from..to].iter().enumerate().all(|(i, t)| {
            t.quote().is_none()
                && !w.is_speech_verb(t)
                && !w.is(t, CLAUSE)
                && (!is_sentence_end(t) || from + i + 1 == to)
        })
}

/// A voice's name: a name of two words or more (`Rosa Delgado`), not one
/// capitalised word that may open any sentence.
fn is_full_name(w: &Words, toks: &[Token], m: &Mention) -> bool {
    m.kind == MentionKind::Name
        && toks[m.first_token..m.end_token]
            .iter()
            .filter(|t| t.is_word() && w.is_capitalised(t))
            .count()
            >= 2
}

/// Collected voices: `"I'll pay the quarter cent." — Rosa Delgado, 34,
/// deckhand`. A quote opening its paragraph, then a dash and a name with
/// at most a short description: the quote is signed. Before this, such a
/// quote took the speaker of the voice above it.
pub fn signed_after(
    w: &Words,
    toks: &[Token],
    qi: usize,
    (ps, pe): (usize, usize),
) -> Option<Attribution> {
    if qi != ps {
        return None;
    }
    let mut k = qi + 1;
    if k < pe && toks[k].is_punct(',') {
        k += 1;
    }
    if k + 1 >= pe || !toks[k].is_dash() {
        return None;
    }
    let mention = mention_after(w, toks, k + 1, pe).filter(|m| is_full_name(w, toks, m))?;
    let end = mention.end_token;
    let signs = end >= pe
        || (toks[end].is_punct(',') && is_description(w, toks, end + 1, pe))
        || (is_sentence_end(&toks[end]) && end + 1 == pe);
    signs.then(|| Attribution::direct(mention, toks[k].span))
}

/// Collected voices: `Priya Raman, retired teacher` on its own line, then
/// a paragraph that is nothing but a quote: the line names the voice.
pub fn named_above(
    w: &Words,
    toks: &[Token],
    para: (usize, usize),
    prev: (usize, usize),
) -> Option<Attribution> {
    let (ps, pe) = para;
    let (ns, ne) = prev;
    let only_quotes = toks[ps..pe].iter().all(|t| !t.is_word());
    if !only_quotes || ne <= ns {
        return None;
    }
    let mention = mention_after(w, toks, ns, ne)
        .filter(|m| is_full_name(w, toks, m) && m.first_token == ns)?;
    let end = mention.end_token;
    let names_only = end >= ne
        || (toks[end].is_punct(',') && is_description(w, toks, end + 1, ne))
        || (toks[end].is_punct(':') && end + 1 == ne);
    names_only.then(|| Attribution::direct(mention, toks[ns].span))
}

/// Lower-case words a signature line may hold: `Center for Economic and
/// Policy Research`.
const SIGNATURE_GLUE: &[&str] = &["of", "for", "and", "the", "at", "in", "on", "de"];

/// How many words a signature line may have.
const SIGNATURE_WORDS: usize = 14;

/// `Dana Ruiz, Institute for Fiscal Studies.` alone on its line, with no
/// dash: a name, a comma and an affiliation in capitals, and no verb.
fn signature_line(w: &Words, toks: &[Token], line: (usize, usize)) -> Option<Attribution> {
    let (ns, ne) = line;
    let words: Vec<&Token> = toks[ns..ne].iter().filter(|t| t.is_word()).collect();
    let plain = words.len() <= SIGNATURE_WORDS
        && !toks[ns..ne].iter().any(|t| t.quote().is_some())
        && words
            .iter()
            .all(|t| w.is_capitalised(t) || w.is(t, SIGNATURE_GLUE));
    if !plain {
        return None;
    }
    let mention = mention_after(w, toks, ns, ne)
        .filter(|m| m.kind == MentionKind::Name && m.first_token == ns)?;
    toks.get(mention.end_token)
        .is_some_and(|t| t.is_punct(','))
        .then(|| Attribution::direct(mention, toks[ns].span))
}

/// A quote opening a paragraph after one that ends `X said:` — the
/// attribution is the previous paragraph's last sentence.
pub fn colon_paragraph(w: &Words, toks: &[Token], prev: (usize, usize)) -> Option<Attribution> {
    let (ps, pe) = prev;
    if pe == ps {
        return None;
    }
    if !toks[pe - 1].is_punct(':') {
        // `Sanders said he barely trailed Clinton.` then a paragraph that is
        // only a quote: the reported speaker goes on in his own words.
        let no_quotes = !toks[ps..pe].iter().any(|t| t.quote().is_some());
        if !(no_quotes && is_sentence_end(&toks[pe - 1])) {
            return None;
        }
        let s = sentence_start(w, toks, pe - 1, ps);
        let v = (s..pe - 1).find(|&k| {
            w.is_speech_verb(&toks[k]) && !w.word(&toks[k]).unwrap_or_default().ends_with("ing")
        });
        // `The DNC issued a statement apologizing to Sanders.` then the
        // statement: the subject that issued it speaks.
        let Some(v) = v else {
            let issued = (s..pe.saturating_sub(2)).find(|&k| {
                w.is(&toks[k], &["issued", "released"])
                    && (k + 1..(k + 4).min(pe - 1))
                        .any(|n| w.is(&toks[n], &["statement", "letter", "memo", "message"]))
            })?;
            let mention = mention_before(w, toks, issued, s)?;
            return Some(Attribution::direct(mention, toks[issued].span));
        };
        let mention = mention_before(w, toks, v, s)?;
        return Some(Attribution::direct(mention, toks[v].span));
    }
    let mut a = before_quote(w, toks, pe, ps)?;
    a.partial = false;
    Some(a)
}

/// A paragraph that is nothing but a quote, after a paragraph with no
/// quote whose last sentence is about a person: `Viguerie sees Cruz as the
/// one who can unite the party.` then `"Not only can he win, he is the one
/// with the best chance."` The person the writer has just introduced goes
/// on in their own words. Only a named person, `he` or `she`: an
/// organisation or a thing as the subject is mostly the writer's
/// narration (checked on the training split).
pub fn introduced_above(
    w: &Words,
    toks: &[Token],
    para: (usize, usize),
    prev: (usize, usize),
) -> Option<Attribution> {
    let (ps, pe) = para;
    if toks[ps..pe].iter().any(|t| t.is_word()) {
        return None;
    }
    introduced_before(w, toks, prev)
}

/// `Bolton distanced himself from the movement. "I'm going to support
/// him."` inside one paragraph: a quote that is a sentence of its own, after
/// sentences with no quote, the last about a person, is that person's as
/// [`introduced_above`] reads a paragraph above. `qi` is the quote's token,
/// `para` its paragraph.
pub fn introduced_in_paragraph(
    w: &Words,
    toks: &[Token],
    qi: usize,
    para: (usize, usize),
) -> Option<Attribution> {
    let (ps, pe) = para;
    if qi <= ps {
        return None;
    }
    // Nothing but the quote until its sentence or paragraph ends.
    let rest = toks[qi + 1..pe]
        .iter()
        .take_while(|t| !is_sentence_end(t) && t.quote().is_none());
    if rest.clone().any(|t| t.is_word()) {
        return None;
    }
    // The sentence before must report speech (`Sami recalled how ...`,
    // `Khan says she received a call ...`): a person only acting in it
    // (`he was deported to South Korea`) is as often not the quote's
    // speaker (measured on the training split).
    let last = qi.checked_sub(1).filter(|&k| is_sentence_end(&toks[k]))?;
    let s = sentence_start(w, toks, last, ps);
    // Not a noun (`tweeted a warning.`), which left the verb to be read
    // as `..., he said.` at the sentence's end.
    let verb = (s..last)
        .rev()
        .find(|&k| w.is_speech_verb(&toks[k]) && !is_noun_use(w, toks, k, s))?;
    // `Also, Trump isn't a conservative, he said.`: the one who said it,
    // not the sentence's subject.
    let comma = (s..verb)
        .rev()
        .take(5)
        .find(|&k| !toks[k].is_word())
        .filter(|&k| toks[k].is_punct(',') && k + 1 < verb);
    if let Some(comma) = comma.filter(|_| verb + 1 == last) {
        let mention = mention_before(w, toks, verb, comma + 1)?;
        return matches!(
            mention.kind,
            MentionKind::Name | MentionKind::Pronoun(Gender::Masculine | Gender::Feminine)
        )
        .then_some(Attribution {
            mention,
            cue: Some(toks[verb].span),
            partial: false,
            split: false,
        });
    }
    // Only the sentence before counts: quotes earlier in the paragraph
    // whose speakers were found after the neighbours' were shared out
    // (`He commanded the party to "do the right thing." And then he
    // promised ... "Let me be clear!"`) leave this one to it.
    introduced_before(w, toks, (s, qi))
}

/// How far an apposition after a subject may run before its closing comma
/// and the verb: `Sen. Ted Cruz, a Republican candidate for president who
/// has made protecting religious liberties a centerpiece of his campaign,
/// tweeted`.
const APPOSITION_REACH: usize = 24;

/// The person the sentences `prev` (no quote among them) end on, as the
/// subject of the last, for a quote that follows them with no attribution
/// of its own: [`introduced_above`], [`introduced_in_paragraph`].
fn introduced_before(w: &Words, toks: &[Token], prev: (usize, usize)) -> Option<Attribution> {
    let (qs, qe) = prev;
    if qe < qs + 3 || !is_sentence_end(&toks[qe - 1]) {
        return None;
    }
    if toks[qs..qe].iter().any(|t| t.quote().is_some()) {
        return None;
    }
    let s = sentence_start(w, toks, qe - 1, qs);
    let subject = sentence_subject(w, toks, s, qe - 1)?;
    // `Iowa State University's Dianne Bystrom agreed.`: a name the
    // subject's possessive owns, its verb right after it, is the subject.
    let owner = w
        .word(&toks[subject.end_token - 1])
        .is_some_and(|x| Words::bare(x).len() != x.len());
    let owned_name = owner
        .then(|| mention_after(w, toks, subject.end_token, qe - 1))
        .flatten()
        .filter(|m| m.kind == MentionKind::Name && lower_case_word_at(w, toks, m.end_token));
    let mention = owned_name.unwrap_or(subject);
    if !matches!(
        mention.kind,
        MentionKind::Name | MentionKind::Pronoun(Gender::Masculine | Gender::Feminine)
    ) {
        return None;
    }
    // `Trump's plan would ...`: a possessive owns the subject, it is not it.
    // `Jane Doe, a night nurse in Regina, has worked ...`: an apposition
    // between commas, then the verb, leaves the name the subject.
    let apposition = |comma: usize| {
        (comma + 2..qe.min(comma + APPOSITION_REACH)).any(|k| {
            toks[k].is_punct(',')
                && toks
                    .get(k + 1)
                    .and_then(|t| w.word(t))
                    .is_some_and(|x| x.starts_with(char::is_lowercase))
        })
    };
    // `Sen. Ted Cruz (R-Tex.), a Republican, tweeted`: a bracket after the
    // name (a party tag) is passed over like an apposition.
    let after = match toks.get(mention.end_token) {
        Some(t) if t.is_punct('(') => (mention.end_token + 1..qe.min(mention.end_token + 8))
            .find(|&k| toks[k].is_punct(')'))
            .map_or(mention.end_token, |k| k + 1),
        _ => mention.end_token,
    };
    let owned = toks.get(after).is_some_and(|t| {
        !(t.is_word() || t.is_punct(',') && apposition(after))
            || w.word(t).is_some_and(|x| x.starts_with(char::is_uppercase))
    });
    if owned {
        return None;
    }
    Some(Attribution {
        mention,
        cue: None,
        partial: false,
        split: false,
    })
}

/// `his promise to be "neutral"`, `Trump's call for "a total and complete
/// ban"`: a noun for something said, owned by its speaker.
pub fn nominal(w: &Words, toks: &[Token], qi: usize, floor: usize) -> Option<Attribution> {
    let s = sentence_start(w, toks, qi, floor);
    let from = s.max(qi.saturating_sub(8));
    let n = (from + 1..qi).rev().find(|&k| {
        w.word(&toks[k])
            .is_some_and(|x| with_lower(x, |l| w.lexicon.speech_nouns.contains(l)))
    })?;
    // `Hollande denounced Trump's remarks as "hurtful"`: the words after
    // "as" are the one who describes the remarks, not their owner.
    if (n + 1..qi).any(|k| w.is(&toks[k], &["as"])) {
        return None;
    }
    // `her March comment that, "Q"`, `his Tuesday remarks`: a date
    // between the owner and the noun.
    let dated = n >= 2
        && n - 1 > s
        && w.is_capitalised(&toks[n - 1])
        && (w.is(&toks[n - 1], &MONTHS) || w.is(&toks[n - 1], &WEEKDAYS));
    // The owner's phrase ends here (exclusive).
    let owned = if dated { n - 1 } else { n };
    let owner = &toks[owned - 1];
    let word = w.word(owner)?;
    let gender = match word.to_lowercase().as_str() {
        "his" => Some(Gender::Masculine),
        "her" => Some(Gender::Feminine),
        "their" => Some(Gender::Plural),
        _ => None,
    };
    let mention = match gender {
        Some(g) => Mention {
            span: owner.span,
            role: None,
            kind: MentionKind::Pronoun(g),
            first_token: owned - 1,
            end_token: owned,
            written: None,
        },
        None if Words::bare(word).len() != word.len() => {
            let start = (s..owned - 1)
                .rev()
                .take_while(|&k| w.is_name_word(&toks[k]))
                .last()
                .unwrap_or(owned - 1);
            let m = classify(w, toks, start, owned)?;
            if m.kind != MentionKind::Name {
                return None;
            }
            m
        }
        None => return None,
    };
    Some(Attribution {
        mention,
        cue: Some(toks[n].span),
        partial: true,
        split: false,
    })
}

/// `The candidates say they ... by Comey's conclusion that her actions
/// were "extremely careless"`: a noun for something said ([`nominal`]),
/// owned by someone and standing between the reporting verb (`cue`) and a
/// quote inside the noun's `that` clause, says whose words the quote is;
/// the verb's subject only reports them. Not words said of the noun
/// (`Ryan called Trump's remarks "racist"`), nor a quote after a colon or
/// comma (`Obama said of Trump's remarks: "Q"` is Obama's).
pub fn owner_between(
    w: &Words,
    toks: &[Token],
    qi: usize,
    floor: usize,
    cue: Span,
) -> Option<Attribution> {
    if qi == 0 || !toks[qi - 1].is_word() {
        return None;
    }
    let n = nominal(w, toks, qi, floor)?;
    let noun = n.cue?;
    // The quote in the noun's own clause (`conclusion that ...`), not
    // words said of it (`Ryan called Trump's remarks "racist"`).
    let after_noun = toks[..qi].partition_point(|t| t.span.start < noun.end);
    let clause = after_noun < qi && w.is(&toks[after_noun], &["that"]);
    (noun.start > cue.end && clause).then_some(n)
}

/// `Judge Ana Ruiz called "distasteful," Dale Pike expressed a wish to
/// "lock them all up"`: a reporting verb whose object is an earlier quote,
/// right after it, followed by a name and a verb of its own, a new clause,
/// does not reach the later quote; the new clause's subject speaks it. Not
/// when the earlier quote sits inside the verb's clause (`Cruz says his
/// "friend" Marco Rubio ran "Q"`: Rubio is what Cruz says of him). `cue` is
/// the verb [`before_quote`] found.
pub fn subject_after_quote(
    w: &Words,
    toks: &[Token],
    qi: usize,
    floor: usize,
    cue: Span,
) -> Option<Attribution> {
    let earlier = toks[floor..qi].partition_point(|t| t.span.start < cue.end) + floor;
    if earlier >= qi || toks[earlier].quote().is_none() {
        return None;
    }
    let m = mention_after(w, toks, earlier + 1, qi).filter(|m| m.kind == MentionKind::Name)?;
    let v = m.end_token;
    let clause = v < qi && lower_case_word_at(w, toks, v) && !w.is(&toks[v], CLAUSE_WORDS);
    clause.then_some(Attribution {
        mention: m,
        cue: None,
        partial: true,
        split: false,
    })
}

#[cfg(test)]
mod tests {
    use super::ends_a_sentence;
    use crate::extract::extract_quotes;

    /// Each quote of `text` with the words naming its speaker.
    fn who(text: &str) -> Vec<(String, Option<String>)> {
        extract_quotes(text)
            .into_iter()
            .map(|q| (q.quote.text, q.speaker.map(|s| s.text)))
            .collect()
    }

    /// The name each quote of `text` is credited to.
    fn names(text: &str) -> Vec<Option<String>> {
        extract_quotes(text)
            .into_iter()
            .map(|q| q.speaker.map(|s| s.name))
            .collect()
    }

    #[test]
    fn a_participle_set_off_by_commas_does_not_govern_the_finite_verb() {
        let text = "The issue came up on Friday after Mr. Hale, asked about the deaths of reporters under Mr. Ruiz, had said, \"I think we do plenty of that.\"";
        assert_eq!(names(text), vec![Some("Hale".to_string())]);
    }

    #[test]
    fn who_is_heard_saying_on_a_recording_speaks() {
        let text = "In leaked audio, a senior transit manager can be heard telling councillors the cuts were \"the least painful option.\"";
        assert_eq!(
            who(text),
            vec![(
                "the least painful option.".to_string(),
                Some("a senior transit manager".to_string())
            )]
        );
    }

    #[test]
    fn went_on_to_say_reports_what_was_said() {
        let q = extract_quotes(
            "The mayor spoke first. Dale Hale went on to say, \"We will rebuild the bridge.\"",
        );
        let got: Vec<_> = q
            .iter()
            .map(|q| {
                (
                    q.speaker.as_ref().map(|s| s.name.as_str()),
                    q.cue.as_ref().map(|c| c.text.as_str()),
                )
            })
            .collect();
        assert_eq!(got, vec![(Some("Dale Hale"), Some("say"))]);
    }

    #[test]
    fn a_quote_right_after_a_named_verb_is_that_names() {
        let text = "In a clip that Judge Ana Ruiz called \"distasteful,\" Dale Pike expressed a wish to \"lock them all up.\"";
        assert_eq!(
            names(text),
            vec![Some("Ana Ruiz".to_string()), Some("Dale Pike".to_string())]
        );
        // A quote that only follows the verb's clause is still the next
        // name's: `"Q," Pike said` with no verb of its own before it.
        let text = "The judge ruled on Friday. \"It was distasteful,\" Dale Pike said.";
        assert_eq!(names(text), vec![Some("Dale Pike".to_string())]);
        // The earlier quote inside the verb's clause: its subject is what
        // the speaker says of someone.
        let text = "Tom Hale says his \"old friend\" Dale Pike ran \"a fine campaign.\"";
        assert_eq!(names(text), vec![Some("Tom Hale".to_string()); 2]);
    }

    #[test]
    fn the_phrase_of_a_with_clause_speaks_its_quote() {
        let text = "The campaign denied it, with Tom Hale taking to Twitter to call Brill \"totally delusional.\"";
        assert_eq!(
            who(text),
            vec![(
                "totally delusional.".to_string(),
                Some("Tom Hale".to_string())
            )]
        );
        let text = "Brill tried to tie Hale to the mayor, with one of her ads asking, \"Is he independent enough?\"";
        assert_eq!(
            who(text),
            vec![(
                "Is he independent enough?".to_string(),
                Some("one of her ads".to_string())
            )]
        );
    }

    #[test]
    fn deriding_and_confiding_are_reporting_verbs() {
        for (text, cue) in [
            (
                "Tom Hale derided them as \"the professional left.\"",
                "derided",
            ),
            (
                "Dana Ruiz later confided that they were \"the first family on the block.\"",
                "confided",
            ),
        ] {
            let cues: Vec<_> = extract_quotes(text)
                .into_iter()
                .map(|q| q.cue.map(|c| c.text))
                .collect();
            assert_eq!(cues, vec![Some(cue.to_string())], "{text}");
        }
    }

    #[test]
    fn she_does_not_point_back_at_a_man_the_name_list_knows() {
        let text = "Opposition leader Zach Churchill said the deal was weak.\n\nOne nurse, who asked not to be named, said the vote was \"a long time coming.\"\n\n\"I have worked 16-hour shifts,\" she said.";
        let names = names(text);
        assert_eq!(names[1], Some("she".to_string()));
    }

    #[test]
    fn a_role_word_of_everyday_life_is_not_a_given_name() {
        let text = "Parent Robert Tan disagreed. \"Some of us have jobs,\" Tan said.";
        let names = names(text);
        assert_eq!(names, vec![Some("Robert Tan".to_string())]);
    }

    #[test]
    fn a_person_after_an_owners_possessive_is_the_subject() {
        let text = "Amid responses, the Ledger's Colin Marsh provided a justification, saying it is \"a duty.\"";
        let speakers: Vec<_> = who(text).into_iter().map(|(_, s)| s).collect();
        assert_eq!(speakers, vec![Some("Colin Marsh".to_string())]);
        // No given name: the possessive's head is no person.
        let text = "At the rally, the group's Web page showed a slogan, saying \"Port first.\"";
        let speakers: Vec<_> = who(text).into_iter().map(|(_, s)| s).collect();
        assert_ne!(speakers, vec![Some("Web".to_string())]);
    }

    #[test]
    fn a_subject_owning_an_office_is_the_office() {
        let text = "Mayor Dana Ruiz's office called it \"a forecast\" and said the city remained \"committed to its targets.\"";
        let speakers: Vec<_> = who(text).into_iter().map(|(_, s)| s).collect();
        assert_eq!(
            speakers,
            vec![Some("Mayor Dana Ruiz's office".to_string()); 2]
        );
    }

    #[test]
    fn a_person_of_a_body_speaks_not_the_body() {
        for text in [
            "Rebekah Young of Scotiabank said the forecast was \"sobering.\"",
            "Economist Rebekah Young of the Bank of Nova Scotia described it as \"sobering.\"",
            "Rebekah Young of Scotiabank, an economist, said it was \"sobering.\"",
        ] {
            assert_eq!(
                who(text),
                vec![("sobering.".to_string(), Some("Rebekah Young".to_string()))],
                "{text}"
            );
        }
        // A title before "of" is a role, its holder after the body.
        let text = "Secretary of State John Kerry said it was \"sobering.\"";
        assert_eq!(
            who(text),
            vec![("sobering.".to_string(), Some("John Kerry".to_string()))]
        );
    }

    #[test]
    fn a_body_named_before_a_role_and_a_name_leaves_the_name_speaking() {
        let text = "\"That was the first time in a long time,\" KTV Morning Edition co-Anchor Dana Morgan said.";
        assert_eq!(
            who(text),
            vec![(
                "That was the first time in a long time,".to_string(),
                Some("Dana Morgan".to_string())
            )]
        );
        // Before a role alone the capitalised words are the role's.
        let text =
            "\"The judge should resign,\" the presumptive Republican presidential nominee wrote.";
        let speakers: Vec<_> = who(text).into_iter().map(|(_, s)| s).collect();
        assert_ne!(speakers, vec![Some("nominee".to_string())]);
    }

    #[test]
    fn a_name_with_a_clause_of_its_own_does_not_take_a_later_verb() {
        let text = "Emails were handled in a way Director Jim Hale slammed as \u{201c}grossly careless,\u{201d} Ruiz has gotten the apology down, and has settled on a stance she is likely to repeat.";
        assert_eq!(
            who(text),
            vec![(
                "grossly careless,".to_string(),
                Some("Jim Hale".to_string())
            )]
        );
        let text = "\"We will win,\" Ruiz has since said.";
        assert_eq!(
            who(text),
            vec![("We will win,".to_string(), Some("Ruiz".to_string()))]
        );
    }

    #[test]
    fn a_possessed_speech_noun_nearer_the_quote_names_its_speaker() {
        let text = "The senators say they are not avoiding Ruiz, who has been hurt by Director Jim Hale's conclusion that her actions were \"grossly careless.\"";
        assert_eq!(
            who(text),
            vec![(
                "grossly careless.".to_string(),
                Some("Jim Hale's".to_string())
            )]
        );
        let text = "Ruiz called Hale's remarks \"reckless.\"";
        assert_eq!(
            who(text),
            vec![("reckless.".to_string(), Some("Ruiz".to_string()))]
        );
        let text = "Ruiz said of Hale's remarks: \"They are wrong.\"";
        assert_eq!(
            who(text),
            vec![("They are wrong.".to_string(), Some("Ruiz".to_string()))]
        );
    }

    #[test]
    fn touting_is_reporting_speech_for_the_quote_after_it() {
        let text = "Dana Ruiz touted her record on the bill. \"We need to support workers who want a union.\"";
        assert_eq!(
            who(text),
            vec![(
                "We need to support workers who want a union.".to_string(),
                Some("Dana Ruiz".to_string())
            )]
        );
    }

    #[test]
    fn a_quoted_name_inside_an_apposition_does_not_end_it() {
        let text = "\"We have had better conventions,\" Bill Eastland, wearing a \"Ted Cruz\" pin, said on Thursday.";
        let found = who(text);
        assert!(found.contains(&(
            "We have had better conventions,".to_string(),
            Some("Bill Eastland".to_string())
        )));
    }

    #[test]
    fn as_before_a_speaker_and_a_verb_of_saying_attributes() {
        let text = "Still, the race \"is a dead heat,\" as Tom Hale said on Monday, only raises the stakes.";
        assert_eq!(
            who(text),
            vec![("is a dead heat,".to_string(), Some("Tom Hale".to_string()))]
        );
        let text = "\"It is over,\" as Dana Ruiz put it.";
        assert_eq!(
            who(text),
            vec![("It is over,".to_string(), Some("Dana Ruiz".to_string()))]
        );
        // `as` telling when is no attribution.
        assert_eq!(who("\"It is over,\" as the crowd cheered."), vec![]);
        // A quote with its own "as" clause does not take a later quote's
        // speaker.
        let text = "Hosts report that \"the science is unsettled,\" as Ann Lee did, or that warnings come from \"the left,\" as the host Tom Hale said.";
        let found = who(text);
        assert!(!found.contains(&(
            "the science is unsettled,".to_string(),
            Some("Tom Hale".to_string())
        )));
        assert!(found.contains(&("the left,".to_string(), Some("Tom Hale".to_string()))));
    }

    #[test]
    fn a_quote_that_closes_its_sentence_takes_no_speaker_from_the_next() {
        // The next sentence's own attribution ("..., Tom Hale told
        // reporters") is of that sentence; the quote is the owner's of
        // "comment", even with a month between them.
        let text = "Hillary Clinton spoke.\n\nThe union shuns her after her March comment that, \"We will close the mines.\" The union will sit it out, Tom Hale told reporters.";
        assert_eq!(
            who(text),
            vec![(
                "We will close the mines.".to_string(),
                Some("her".to_string())
            )]
        );
        // Left open by a comma, the sentence's last clause still speaks.
        let text = "The port has used \"soft words\" in its dealings, said Tom Hale.";
        assert_eq!(
            who(text),
            vec![("soft words".to_string(), Some("Tom Hale".to_string()))]
        );
    }

    #[test]
    fn a_name_before_a_dashed_apposition_is_no_dateline() {
        let text = "Mayor Ana Brill \u{2014} who rarely speaks to reporters \u{2014} told them: \"We are done.\"";
        assert_eq!(
            who(text),
            vec![("We are done.".to_string(), Some("Ana Brill".to_string()))]
        );
        // ... also with the dash typed as two hyphens.
        let text = "Mayor Ana Brill -- who rarely speaks -- told them: \"We are done.\"";
        assert_eq!(
            who(text),
            vec![("We are done.".to_string(), Some("Ana Brill".to_string()))]
        );
        // A dateline still is one: the sentence starts after its dash.
        let text = "PORT MERROW \u{2014} Mayor Ana Brill told them: \"We are done.\"";
        assert_eq!(
            who(text),
            vec![("We are done.".to_string(), Some("Ana Brill".to_string()))]
        );
    }

    #[test]
    fn the_name_after_a_newsletters_dash_speaks_the_quote() {
        let text = "Pollsters agree - Dana Kirk: \"The shift came late in the race.\"";
        assert_eq!(
            who(text),
            vec![(
                "The shift came late in the race.".to_string(),
                Some("Dana Kirk".to_string())
            )]
        );
        let text = "The estimates are shaky - More from Ortiz: \"Panels are not all alike.\"";
        assert_eq!(
            who(text),
            vec![(
                "Panels are not all alike.".to_string(),
                Some("Ortiz".to_string())
            )]
        );
        // More than a name after the dash is a sentence: its verb's
        // subject speaks.
        let text = "The polls moved late - Ana Brill said it best at the rally: \"We are done.\"";
        assert_eq!(
            who(text),
            vec![("We are done.".to_string(), Some("Ana Brill".to_string()))]
        );
    }

    #[test]
    fn a_pronoun_opening_the_clause_a_colon_ends_speaks_the_quote() {
        let text = "Ana Brill said both rivals are \"lightweights,\" but she gave the mayor a compliment: \"He never hides.\"";
        assert_eq!(
            who(text),
            vec![
                ("lightweights,".to_string(), Some("Ana Brill".to_string())),
                ("He never hides.".to_string(), Some("she".to_string()))
            ]
        );
    }

    #[test]
    fn a_pronouns_contraction_before_a_verb_is_no_possessive() {
        let text = "Ever since Ana Brill announced her run, she's said the same thing at every stop: \"It is about us.\"";
        assert_eq!(
            who(text),
            vec![("It is about us.".to_string(), Some("she's".to_string()))]
        );
    }

    #[test]
    fn a_pronoun_opening_the_verbs_clause_is_its_subject() {
        let text = "Retired Army Col. Lawrence Wilkerson started the rant when he brought up the bombing and later said, \"It is not just them.\"";
        assert_eq!(
            who(text),
            vec![("It is not just them.".to_string(), Some("he".to_string()))]
        );
    }

    #[test]
    fn a_determiner_phrase_introducing_a_quote_is_its_speaker() {
        let text = "Another commenter said, \"We all know how she feels about the police.\"";
        assert_eq!(
            who(text),
            vec![(
                "We all know how she feels about the police.".to_string(),
                Some("Another commenter".to_string())
            )]
        );
        // Not when words stand between the verb and the quote.
        let text = "A commenter said the plan was \"a total mess.\"";
        assert_eq!(who(text), vec![]);
    }

    #[test]
    fn a_floating_quote_is_the_person_introduced_above() {
        let text = "Councillor Ana Brill has fought the depot plan for two years.\n\n\"We will not let them pave over the marsh.\"";
        assert_eq!(
            who(text),
            vec![(
                "We will not let them pave over the marsh.".to_string(),
                Some("Ana Brill".to_string())
            )]
        );
        // ... also with an apposition between the name and its verb.
        for intro in [
            "Jane Doe, a night nurse in Regina, has worked there for 12 years.",
            "Jane Doe, 41, has worked there for 12 years.",
        ] {
            let text = format!("{intro}\n\n\"We are exhausted.\"");
            assert_eq!(
                who(&text),
                vec![(
                    "We are exhausted.".to_string(),
                    Some("Jane Doe".to_string())
                )]
            );
        }
        // A thing as the subject above is the writer's narration.
        let text = "The depot plan has divided the town for two years.\n\n\"Not in my back yard.\"";
        assert_eq!(who(text), vec![]);
        // `They` above names no one.
        let text = "They have fought the plan for two years.\n\n\"We will not let them pave over the marsh.\"";
        assert_eq!(who(text), vec![]);
    }

    #[test]
    fn a_quote_after_a_sentence_reporting_speech_in_its_paragraph() {
        let text = "Officer Lena Marsh recalled how the water rose in an hour. \"We carried people out on our backs.\"";
        assert_eq!(
            who(text),
            vec![(
                "We carried people out on our backs.".to_string(),
                Some("Lena Marsh".to_string())
            )]
        );
        // A name its organisation's possessive owns is the subject.
        let text = "Regina Polytechnic's Lena Marsh agreed. \"The plan is late.\"";
        assert_eq!(
            who(text),
            vec![(
                "The plan is late.".to_string(),
                Some("Lena Marsh".to_string())
            )]
        );
        // `..., he said.`: the one who said it, not the sentence's subject.
        let text = "Officer Lena Marsh is no hero, Tom Hale said. \"She was on holiday.\"";
        assert_eq!(
            who(text),
            vec![(
                "She was on holiday.".to_string(),
                Some("Tom Hale".to_string())
            )]
        );
        // A person only acting in the sentence before, or words after the
        // quote in its sentence: no speaker.
        let text = "Officer Lena Marsh was sent to the coast in June. \"We carried people out on our backs.\"";
        assert_eq!(who(text), vec![]);
        let text = "Officer Lena Marsh recalled the flood. \"We carry people out\" became the unit's motto.";
        assert_eq!(who(text), vec![]);
        // A quote earlier in the paragraph, its speaker read off its
        // sentence's subject, leaves the sentence before to say who.
        let text = "Mayor Tom Hale spoke on Tuesday. He commanded the council to \"do the right thing and pass it.\" And then he promised that he would run again. \"I am not done yet!\"";
        assert_eq!(
            names(text),
            vec![Some("Tom Hale".to_string()), Some("Tom Hale".to_string())]
        );
    }

    #[test]
    fn a_voice_signed_after_a_dash_is_its_own_not_the_one_above() {
        let text = "Tom Hale, 58, lobsterman: \"I am voting no.\"\n\n\"I'll pay the quarter cent.\" — Rosa Delgado, 34, deckhand";
        assert_eq!(
            who(text),
            vec![
                ("I am voting no.".to_string(), Some("Tom Hale".to_string())),
                (
                    "I'll pay the quarter cent.".to_string(),
                    Some("Rosa Delgado".to_string())
                ),
            ]
        );
        // A clause after the dash is no signature, and one capitalised
        // word is no voice's name.
        let text = "\"We lost.\" - Often, families did not understand.";
        assert_eq!(who(text), vec![]);
    }

    #[test]
    fn a_name_line_above_a_quote_names_the_voice() {
        let text = "We asked voters on the waterfront.\n\nPriya Raman, retired teacher\n\n\"My grandchildren should fish here.\"";
        assert_eq!(
            who(text),
            vec![(
                "My grandchildren should fish here.".to_string(),
                Some("Priya Raman".to_string())
            )]
        );
        // A sentence above with a verb is narration, not a name line.
        let text = "We asked voters.\n\nPriya Raman, who did not want to vote\n\n\"Not me.\"";
        assert_eq!(who(text), vec![]);
    }

    #[test]
    fn a_signature_line_without_a_dash_signs_the_quote_above() {
        let text = "Budgets will tighten again next spring.\n\n\"The next downturn will find the province without a cushion.\"\n\nDana Ruiz, Institute for Fiscal Studies.";
        assert_eq!(
            who(text),
            vec![(
                "The next downturn will find the province without a cushion.".to_string(),
                Some("Dana Ruiz".to_string())
            )]
        );
        // A sentence with a verb is not a signature.
        let text = "\"The next downturn will find the province without a cushion.\"\n\nDana Ruiz, the premier, left early.";
        assert_eq!(who(text), vec![]);
    }

    #[test]
    fn a_later_clause_does_not_lend_its_speaker() {
        assert_eq!(
            who(
                "Sims says he was \"kind of riding the fence\" until Haley said she was backing Rubio."
            ),
            vec![(
                "kind of riding the fence".to_string(),
                Some("Sims".to_string())
            )]
        );
    }

    #[test]
    fn a_later_verb_with_its_own_subject_is_not_a_split_quote() {
        // Two words would be too short for the second half of a split quote.
        assert_eq!(
            who(
                "Clinton says voters are \"right to be angry,\" but also hungry for what she calls \"real solutions.\""
            ),
            vec![
                (
                    "right to be angry,".to_string(),
                    Some("Clinton".to_string())
                ),
                ("real solutions.".to_string(), Some("she".to_string())),
            ]
        );
        let split = extract_quotes("\"We will win,\" Ortez said, \"and we will do it soon.\"");
        assert_eq!(split[1].kind, crate::record::QuoteKind::Continuation);
    }

    #[test]
    fn a_quote_ending_in_a_full_stop_ends_its_sentence() {
        let text = "Frank Luntz, an expert, said the camp had failed to \"humanize their campaign.\" The \"Stronger Together\" slogan feels bloodless, he said.";
        assert_eq!(
            who(text),
            vec![
                (
                    "humanize their campaign.".to_string(),
                    Some("Frank Luntz".to_string())
                ),
                ("Stronger Together".to_string(), Some("he".to_string())),
            ]
        );
        assert!(ends_a_sentence("\u{201c}It is done.\u{201d}"));
        assert!(ends_a_sentence("Why?'"));
        assert!(!ends_a_sentence("\"we will see,\""));
    }

    #[test]
    fn a_reporting_noun_in_an_opening_phrase_is_not_the_cue() {
        assert_eq!(
            who(
                "In TV interviews and tweets, Trump has argued that the committee has overseen a \"rigged\" nomination process."
            ),
            vec![("rigged".to_string(), Some("Trump".to_string()))]
        );
        // A verb with its own subject there is a clause and may be the cue.
        assert_eq!(
            who("At the bottom it reads, \"Give what you can today.\""),
            vec![(
                "Give what you can today.".to_string(),
                Some("it".to_string())
            )]
        );
    }

    #[test]
    fn a_participle_clause_with_its_own_subject() {
        assert_eq!(
            who(
                "Both men issued a statement - Ryan saying he was \"very encouraged\" and Trump calling it a \"great meeting.\""
            ),
            vec![
                ("very encouraged".to_string(), Some("Ryan".to_string())),
                ("great meeting.".to_string(), Some("Trump".to_string())),
            ]
        );
        assert_eq!(
            who("Republicans were irritated, with Sen. John McCain calling it a \"Chinese menu.\""),
            vec![("Chinese menu.".to_string(), Some("John McCain".to_string()))]
        );
        assert_eq!(
            who("Nefzi said the talks were over, adding, \"We will not return.\""),
            vec![("We will not return.".to_string(), Some("Nefzi".to_string()))]
        );
    }

    #[test]
    fn a_subordinate_clause_holding_the_quote_has_its_subject() {
        // The clause of `when` holds the quote: its subject, not the
        // sentence's.
        assert_eq!(
            who(
                "He appeared rattled when Hillary Clinton accused him of an \"artful smear\" over her fundraising."
            ),
            vec![(
                "artful smear".to_string(),
                Some("Hillary Clinton".to_string())
            )]
        );
        // An "as" right before the quote is a preposition: the clause
        // holding the quote opens at the `while` before it.
        assert_eq!(
            who(
                "Chris Christie refers to the candidate, his longtime friend, as \"Mr. Trump,\" while Donald Trump refers to the governor as \"Chris.\""
            ),
            vec![
                ("Mr. Trump,".to_string(), Some("Chris Christie".to_string())),
                ("Chris.".to_string(), Some("Donald Trump".to_string())),
            ]
        );
        // A participle opens no clause with a subject: the name after it
        // is its object and the sentence's subject speaks.
        assert_eq!(
            who(
                "Rep. Gwen Graham pummeled Donald Trump as divisive while praising Hillary Clinton as a \"work horse, not a show horse.\""
            ),
            vec![(
                "work horse, not a show horse.".to_string(),
                Some("Gwen Graham".to_string())
            )]
        );
        // An opening clause closed by a comma: the main clause's subject.
        assert_eq!(
            who(
                "As Blumenthal spoke, the NRA was whipping lawmakers against \"any and all gun control.\""
            ),
            vec![(
                "any and all gun control.".to_string(),
                Some("NRA".to_string())
            )]
        );
        assert_eq!(
            who(
                "When Ms. Schifano moved to Jamaica Estates, Queens, the enclave where they lived, Freddy Trump confided that his parents were \"the first ethnic family to move in.\""
            ),
            vec![(
                "the first ethnic family to move in.".to_string(),
                Some("Freddy Trump".to_string())
            )]
        );
        // A relative clause holding the quote: "who" is the mention, its
        // antecedent the speaker.
        let quotes = extract_quotes(
            "Gwen Graham contrasted that with Hillary Clinton who is looking to bring \"people together.\"",
        );
        let speaker = quotes[0].speaker.as_ref().unwrap();
        assert_eq!(
            (speaker.text.as_str(), speaker.name.as_str()),
            ("who", "Hillary Clinton")
        );
        // The comma introducing the quote closes no clause.
        let quotes = extract_quotes(
            "Hillary Clinton won.\n\nSmiling broadly, Mrs. Clinton drew cheers as she thanked her home state and then boomed, ''Today, you proved there's no place like home.''",
        );
        let speaker = quotes[0].speaker.as_ref().unwrap();
        assert_eq!(
            (speaker.text.as_str(), speaker.name.as_str()),
            ("she", "Hillary Clinton")
        );
        // A reporting verb in an opening clause that a main clause with its
        // own subject follows is not the quote's; `As X puts it,` still is.
        let quotes = extract_quotes(
            "When Donald Trump announced his candidacy in June, he referred to migrants as \"criminals\" at once.",
        );
        let speaker = quotes[0].speaker.as_ref().unwrap();
        assert_eq!(
            (speaker.text.as_str(), speaker.name.as_str()),
            ("he", "Donald Trump")
        );
        assert_eq!(
            who(
                "As The Post's Ruth Marcus puts it, Obama is making Republicans \"an offer they can't refuse.\""
            ),
            vec![(
                "an offer they can't refuse.".to_string(),
                Some("Ruth Marcus".to_string())
            )]
        );
        // `such as`, and an opener before another comma: the sentence's
        // subject as before.
        assert_eq!(
            who("Donald Trump mocked rivals such as Jeb Bush as \"low energy.\""),
            vec![("low energy.".to_string(), Some("Donald Trump".to_string()))]
        );
    }

    #[test]
    fn a_quote_signed_on_the_next_line() {
        assert_eq!(
            who("\"Boeing and GE pay zero taxes.\"\n\n- Sanders.\n\nThis is a complex issue."),
            vec![(
                "Boeing and GE pay zero taxes.".to_string(),
                Some("Sanders".to_string())
            )]
        );
        assert_eq!(
            who("\"It needs to stop.\"\n\n\u{2014}Michelle Marks, Philadelphia."),
            vec![(
                "It needs to stop.".to_string(),
                Some("Michelle Marks".to_string())
            )]
        );
        // A list item is not a signature.
        assert_eq!(
            who("\"It needs to stop.\"\n\n- The Times provides entrance poll results."),
            vec![]
        );
    }

    #[test]
    fn then_is_an_adverb_not_a_role() {
        assert_eq!(
            // (The article names him in full first: a lone capitalised word
            // it never explains is no speaker.)
            who(
                "Donald Trump spoke in Ohio. Trump then accused the crowd of being \"donors and special interests\" today."
            ),
            vec![(
                "donors and special interests".to_string(),
                Some("Trump".to_string())
            )]
        );
        assert_eq!(
            who("\"We came close,\" then Secretary of State Hillary Clinton said."),
            vec![(
                "We came close,".to_string(),
                Some("Hillary Clinton".to_string())
            )]
        );
    }

    #[test]
    fn a_long_apposition_between_the_name_after_a_quote_and_its_verb() {
        let text = "\u{201c}Very fine engineer, very fine engineer this woman,\u{201d} Whitlow, the first-term mayor of the harbor town and current favourite in the county by a wide margin after winning the June primary, said when Boyle asked her a question.";
        assert_eq!(
            who(text),
            vec![(
                "Very fine engineer, very fine engineer this woman,".to_string(),
                Some("Whitlow".to_string())
            )]
        );
    }

    #[test]
    fn a_subject_with_an_apposition_before_its_verb() {
        assert_eq!(
            who(
                "Ted Nordhaus, co-founder of the Breakthrough Institute, welcomed \"the recognition that we lack the technology.\""
            ),
            vec![(
                "the recognition that we lack the technology.".to_string(),
                Some("Ted Nordhaus".to_string())
            )]
        );
        // After the closing comma a participle opens a clause, not the verb.
        assert_eq!(
            who(
                "Ted Nordhaus, co-founder of the institute, speaking of \"the recognition that we lack the technology.\""
            ),
            vec![]
        );
    }

    #[test]
    fn an_opening_participle_or_number_is_not_a_subject() {
        assert_eq!(
            who("Preceded by a lament for the \"countless Americans\" hurt, he spoke."),
            vec![]
        );
        assert_eq!(
            who("Thirteen years on, the \"terrible attacks on our nation\" were recalled."),
            vec![]
        );
        // `Informed of ...,` opens the sentence; the surname after it is
        // a word the article also writes in lower case: no speaker.
        let informed =
            who("Informed of the lean, Early described it as \"news to me.\" He left early.");
        assert!(informed.iter().all(|(_, s)| s.is_none()), "{informed:?}");
    }

    #[test]
    fn a_participles_object_is_not_its_speaker() {
        assert_eq!(
            who(
                "Trump called the vote \"a fantastic thing,\" telling reporters in Scotland that he was pleased."
            ),
            vec![("a fantastic thing,".to_string(), Some("Trump".to_string()))]
        );
        assert_eq!(
            who("\"This is fantastic!\" beamed Donald Hartley, 71."),
            vec![(
                "This is fantastic!".to_string(),
                Some("Donald Hartley".to_string())
            )]
        );
    }

    #[test]
    fn an_earlier_cue_when_the_last_has_no_speaker() {
        assert_eq!(
            who(
                "It would involve Attorney General Loretta E. Lynch, who told Congress when asked last month: \"The matter is handled by career agents.\""
            ),
            vec![(
                "The matter is handled by career agents.".to_string(),
                Some("who".to_string())
            )]
        );
        let got = extract_quotes(
            "\"We are close,\" said one Democrat familiar with the talks, who added that the White House seemed \"rattled\" by the vote.",
        );
        let names: Vec<(&str, &str)> = got
            .iter()
            .map(|q| {
                let s = q.speaker.as_ref().unwrap();
                (s.text.as_str(), s.name.as_str())
            })
            .collect();
        assert_eq!(
            names,
            vec![("one Democrat", "one Democrat"), ("who", "one Democrat")]
        );
    }

    #[test]
    fn a_verb_and_name_set_off_by_commas_before_the_quote() {
        let got = extract_quotes(
            "Because of the schedule, explained Simon Rosenberg, \"with this thing over by March, she gets no TV.\"",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].speaker.as_ref().unwrap().name, "Simon Rosenberg");
        assert_eq!(got[0].cue.as_ref().unwrap().text, "explained");
        // Only a name fills the aside: not a noun phrase going on.
        let got = extract_quotes(
            "Because of the schedule, said the report on the race, \"with this thing over by March, she gets no TV.\"",
        );
        assert!(
            got.iter()
                .all(|q| q.speaker.as_ref().is_none_or(|s| s.name != "race"))
        );
    }

    #[test]
    fn a_quote_after_a_sentence_reporting_a_warning_is_its_subjects() {
        let speaker = |text: &str| {
            extract_quotes(text)
                .first()
                .and_then(|q| q.speaker.as_ref().map(|s| s.name.clone()))
        };
        // "warning" after "a" is a noun, not the verb of `..., he said.`
        assert_eq!(
            speaker(
                "Ted Cruz, a candidate, tweeted a warning. \"Remember the Democrats who stalled.\""
            )
            .as_deref(),
            Some("Ted Cruz")
        );
        // A party tag, then a long apposition, after an opening phrase.
        assert_eq!(
            speaker(
                "On the other side, Sen. Ted Cruz (R-Tex.), a Republican candidate for president who has made protecting religious liberties a centerpiece of his campaign, tweeted a warning. \"Remember the Democrats who stalled.\""
            )
            .as_deref(),
            Some("Ted Cruz")
        );
    }

    #[test]
    fn as_someone_puts_it() {
        let got = extract_quotes(
            "As The Post's Dana Milbank puts it, \"Senate Republicans are unmoved.\"",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].speaker.as_ref().unwrap().name, "Dana Milbank");
        assert_eq!(got[0].cue.as_ref().unwrap().text, "puts");
        assert_eq!(got[0].kind, crate::record::QuoteKind::Direct);
    }

    #[test]
    fn an_owners_role_words_before_a_name() {
        assert_eq!(
            who(
                "\"It is called unification,\" Trump's senior communications adviser Jason Miller said."
            ),
            vec![(
                "It is called unification,".to_string(),
                Some("Jason Miller".to_string())
            )]
        );
    }

    #[test]
    fn a_statement_issued_then_quoted() {
        assert_eq!(
            who(
                "The committee issued a statement apologizing to the senator.\n\n\"We offer a deep and sincere apology.\""
            ),
            vec![(
                "We offer a deep and sincere apology.".to_string(),
                Some("The committee".to_string())
            )]
        );
    }

    #[test]
    fn a_lone_determiner_after_the_verb() {
        assert_eq!(
            who(
                "Planes wrote messages. \"America is great!\" read one. \"Anybody but him,\" said another."
            ),
            vec![
                ("America is great!".to_string(), Some("one".to_string())),
                ("Anybody but him,".to_string(), Some("another".to_string())),
            ]
        );
    }

    #[test]
    fn remarks_described_as_are_the_describers_words() {
        assert_eq!(
            who(
                "Francois Hollande spoke. Hollande denounced Trump's remarks as \"hurtful and humiliating\" on Friday."
            ),
            vec![(
                "hurtful and humiliating".to_string(),
                Some("Hollande".to_string())
            )]
        );
        assert_eq!(
            who(
                "Donald Trump spoke. Trump's call for \"a total and complete shutdown\" drew protests."
            ),
            vec![(
                "a total and complete shutdown".to_string(),
                Some("Trump's".to_string())
            )]
        );
        // A finding is something said too: its owner is the speaker.
        assert_eq!(
            who(
                "James Comey spoke. Clinton was battered by James Comey's conclusion that her actions were \"extremely careless.\""
            ),
            vec![(
                "extremely careless.".to_string(),
                Some("James Comey's".to_string())
            )]
        );
    }
}
