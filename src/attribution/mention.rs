//! Speaker mentions: the noun phrase that a reporting verb points at, read
//! backwards from the verb (`Pentagon press secretary Peter Cook said`) or
//! forwards after it (`said Maj. Gen. Igor Konashenkov`).
//!
//! grammar/quotes.ebnf: `speaker`, `name_phrase`, `name`, `role_word`,
//! `anonymous`, `organisation`, `apposition`, `loose_phrase`, `document`,
//! `poll`, `share`, `relative_subject`.

use rustc_hash::FxHashSet;

use crate::article::date::{MONTHS, WEEKDAYS};
use crate::lexicon::{Gender, GivenNames, NameGenders, with_lower};
use crate::record::Span;
use crate::text::tokens::{Token, TokenKind};
use crate::text::words::Words;

/// What a mention names, before resolution within the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A proper name ("Kerry", "John Kerry").
    Name,
    Pronoun(Gender),
    /// An unnamed source ("a senior U.S. official", "sources").
    Anonymous,
    /// A body ("the Pentagon", "the ministry").
    Organisation,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The words that name the speaker: the name itself for people, the
    /// whole phrase for pronouns, anonymous sources and organisations.
    pub span: Span,
    /// Title or role written with the name, if any.
    pub role: Option<Span>,
    pub kind: MentionKind,
    /// First token of the whole phrase, apposition included.
    pub first_token: usize,
    /// One past the last token of the phrase.
    pub end_token: usize,
    /// The words the attribution points at, when they are not the name
    /// itself: `who` in `Franklin Graham, who vowed`.
    pub written: Option<Span>,
}

impl Mention {
    /// An unnamed source written as the phrase `toks[start..end]`: `a
    /// longtime GOP data expert`, `one of those advisers`.
    fn unnamed(toks: &[Token], start: usize, end: usize) -> Mention {
        Mention {
            written: None,
            span: Span::new(toks[start].span.start, toks[end - 1].span.end),
            role: None,
            kind: MentionKind::Anonymous,
            first_token: start,
            end_token: end,
        }
    }
}

/// Words that may sit between a speaker and the verb: `Kerry also said`,
/// `he has repeatedly said`.
const BETWEEN: &[&str] = &[
    "also",
    "later",
    "then",
    "has",
    "had",
    "have",
    "previously",
    "once",
    "again",
    "recently",
    "reportedly",
    "repeatedly",
    "simply",
    "just",
    "further",
    "flatly",
    "quickly",
    "would",
    "will",
    "could",
    "might",
    "did",
    "does",
    "do",
    "often",
    "frequently",
    "publicly",
    "privately",
    "famously",
    "bluntly",
    "initially",
    "finally",
    "ultimately",
    "subsequently",
    "earlier",
    "once",
    "first",
    "immediately",
    "angrily",
    "calmly",
    "softly",
    "quietly",
    "jokingly",
    "defiantly",
    "sarcastically",
    "explicitly",
    "specifically",
    "candidly",
    "curtly",
    "openly",
    "personally",
    "directly",
    "separately",
    "similarly",
    "likewise",
    "additionally",
    "meanwhile",
    "is",
    "was",
    "were",
    "are",
    "been",
    "being",
    "not",
    "never",
    "always",
    "still",
    "even",
    "only",
    "now",
    "went",
    "on",
    "to",
];

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "another", "one", "two", "three", "four", "five", "several", "some", "many",
    "other", "his", "her", "their", "its", "our", "both", "two", "multiple", "numerous", "few",
    "most", "all", "each",
];

/// Role words that describe a head but cannot be one: `a former lab
/// employee` is not `a former`.
const MODIFIERS: &[&str] = &[
    "former",
    "senior",
    "top",
    "acting",
    "interim",
    "vice",
    "deputy",
    "assistant",
    "first",
    "then",
    "outgoing",
    "incoming",
    "junior",
    "longtime",
    "national",
    "federal",
];

/// Skip words that may stand between a speaker and the verb, backwards.
pub fn skip_between_back(w: &Words, toks: &[Token], mut end: usize) -> usize {
    while end > 0
        && w.is(&toks[end - 1], BETWEEN)
        && !w.is(&toks[end - 1], &["on", "to"])
        && !surname_in_this_article(w, toks, &toks[end - 1])
    {
        end -= 1;
    }
    end
}

/// `Will wrote` in an article that names George Will: a capitalised word
/// the article writes as someone's surname ([`surnamed`]) is that name,
/// not the modal or adverb the word lists take it for.
/// Not a day or a month, which follow names all the time (`told Morning
/// Joe Monday`, `Ryan in March`).
pub fn surname_in_this_article(w: &Words, toks: &[Token], t: &Token) -> bool {
    w.is_capitalised(t)
        && !w.is(t, &WEEKDAYS)
        && !w.is(t, &MONTHS)
        && w.word(t).is_some_and(|x| surnamed(w, toks, Words::bare(x)))
}

/// What sets a non-restrictive "who" off from its antecedent (at `k`): a
/// comma or a dash (`Donald Trump - who previously said`), but not a dash
/// closing an aside (`candidates — like Donald Trump — who say`: the
/// candidates say it).
fn opens_relative(toks: &[Token], k: usize, floor: usize) -> bool {
    toks[k].is_punct(',')
        || (toks[k].is_dash()
            && !toks[floor.max(k.saturating_sub(12))..k]
                .iter()
                .any(Token::is_dash))
}

/// How many lower-case words may stand between ", who" and its verb.
const WORDS_AFTER_WHO: usize = 5;

/// The index of the "who" of `X, who has long said`, when only lower-case
/// words stand between it and `end` (the verb's index), none of them a
/// pronoun (`refugees, who he speculates are`: "he" speaks); `None` when "who"
/// is right before the verb (the caller's own case) or not there.
fn who_before(w: &Words, toks: &[Token], end: usize, floor: usize) -> Option<usize> {
    let lowest = end.saturating_sub(WORDS_AFTER_WHO + 1).max(floor + 2);
    let who = (lowest..end.saturating_sub(1))
        .rev()
        .find(|&k| w.is(&toks[k], &["who"]))?;
    let plain = toks[who + 1..end]
        .iter()
        .all(|t| t.is_word() && !w.is_capitalised(t) && w.pronoun(t).is_none());
    (plain && opens_relative(toks, who - 1, floor)).then_some(who)
}

/// The noun phrase that ends right before `end` (the verb's index), with an
/// apposition between commas read as the role: `Smith, the chairman, said`
/// and `the secretary of state, John Kerry, said`.
pub fn mention_before(w: &Words, toks: &[Token], end: usize, floor: usize) -> Option<Mention> {
    // `a clip of McCain saying`, `results in Kasich claiming`: before a
    // participle the name after a preposition is its subject.
    let before_participle = toks.get(end).is_some_and(|t| is_present_participle(w, t));
    let mut end = skip_between_back(w, toks, end);
    // `Sen. Pat Toomey (R-Pa.) said`: a bracket after the name is passed over.
    if end > floor
        && toks[end - 1].is_punct(')')
        && let Some(open) = (floor..end - 1)
            .rev()
            .take(8)
            .find(|&k| toks[k].is_punct('('))
    {
        end = open;
    }
    if end <= floor {
        return None;
    }
    // `Beck, who has in the past described`: a few lower-case words (an
    // auxiliary, an adverbial) between "who" and the verb are passed over.
    if let Some(who) = who_before(w, toks, end, floor) {
        end = who + 1;
    }
    // `Mike Pence, who called`: the relative pronoun's antecedent speaks.
    // PolNeAR points at "who" itself, so the mention is "who" and the name
    // is the antecedent's.
    if end >= floor + 3 && w.is(&toks[end - 1], &["who"]) && opens_relative(toks, end - 2, floor) {
        // `"Q," said one Democrat familiar with the talks, who added`: the
        // antecedent may follow an earlier verb.
        let after_verb = || {
            let v = (floor..end - 2)
                .rev()
                .take(12)
                .find(|&k| w.is_speech_verb(&toks[k]))?;
            mention_after(w, toks, v + 1, end - 2)
        };
        let mut m = mention_before(w, toks, end - 1, floor)
            .or_else(after_verb)
            .or_else(|| core_before(w, toks, end - 2, floor))?;
        m.written = Some(toks[end - 1].span);
        return Some(m);
    }
    if let Some(m) = name_before_age_and_home(w, toks, end, floor) {
        return Some(m);
    }
    if toks[end - 1].is_punct(',') {
        let close = end - 1;
        if let Some(open) = comma_before(toks, close, floor, 20) {
            let inner = core_before(w, toks, close, open + 1);
            let inner_is_name = inner
                .as_ref()
                .is_some_and(|m| m.kind == MentionKind::Name && m.first_token == open + 1);
            // `Giovanni Maria Vian, the editor of the Vatican's newspaper,
            // L'Osservatore Romano, said`: the name inside is the role's
            // object; the person named first speaks.
            if inner_is_name && let Some(m) = name_before_role(w, toks, open, floor) {
                return Some(m);
            }
            // `Rob Goldman, president of Ascom North America, said`,
            // `Michael Briggs, a spokesman for Sanders, said`: a person's
            // name opening the clause, then a title with a name between the
            // commas: the person speaks, the stretch is the role. (`The
            // secretary of state, John Kerry, said`, `Ascom North America,
            // President Rob Goldman, said`: the phrase before is no
            // person's name.)
            if inner_is_name && let Some(m) = person_before(w, toks, open, floor) {
                return Some(Mention {
                    role: Some(Span::new(
                        toks[open + 1].span.start,
                        toks[close - 1].span.end,
                    )),
                    ..m
                });
            }
            if inner_is_name {
                let mut m = inner.unwrap();
                if let Some(before) = core_before(w, toks, open, floor) {
                    m.role = Some(Span::new(
                        toks[before.first_token].span.start,
                        toks[open - 1].span.end,
                    ));
                    m.first_token = before.first_token;
                }
                return Some(m);
            }
            // `Dean Johnson, a salesman from Sumter, South Carolina, says`:
            // a place after a preposition and its state close an apposition
            // that opened before them; the stretch ending at the place's
            // comma says who speaks.
            let body = name_before_body(w, toks, open, floor);
            // Read once, for the place test and as the subject.
            let core = body
                .is_none()
                .then(|| core_before(w, toks, open, floor))
                .flatten();
            if let Some(place) = core
                .as_ref()
                .filter(|m| !before_participle && after_preposition(w, toks, m, floor))
            {
                return mention_before(w, toks, open + 1, floor)
                    .or_else(|| before_preposition(w, toks, place, floor));
            }
            // `Rebekah Young of Scotiabank, an economist, said`; `The union
            // representing highway workers, CUPE Local 1867, said`.
            let before = body.or_else(|| {
                let core = core?;
                subject_before_participle(w, toks, &core, floor).or(Some(core))
            });
            if let Some(mut m) = before {
                m.role = Some(Span::new(
                    toks[open + 1].span.start,
                    toks[close - 1].span.end.max(toks[open + 1].span.end),
                ));
                // `Akin Gump, the law firm representing the comedian, said`:
                // a name with no given name the lists know, described as a
                // body, is that body.
                if m.kind == MentionKind::Name
                    && !w.is_given_name(&toks[m.first_token])
                    && apposition_head(w, toks, (open + 1, close))
                        .is_some_and(|h| w.is_organisation(&toks[h]))
                {
                    m.kind = MentionKind::Organisation;
                }
                return Some(m);
            }
            return None;
        }
        return None;
    }
    // `Sen. Paul Ryan of Wisconsin said`: the place after "of" is where the
    // speaker comes from; the name before it speaks.
    if let Some(speaker) = name_before_body(w, toks, end, floor) {
        return Some(speaker);
    }
    if let Some(speaker) = name_before_home(w, toks, end, floor) {
        return Some(speaker);
    }
    let m = core_before(w, toks, end, floor)?;
    // `Trump in his announcement speech called`: a phrase owned by "his"
    // after a preposition is where the words were said; the speaker stands
    // before the preposition.
    let k = m.first_token;
    if m.kind == MentionKind::Anonymous
        && k > floor + 1
        && w.is(&toks[k], &["his", "her", "their", "its"])
        && w.is(
            &toks[k - 1],
            &["in", "on", "at", "during", "from", "with", "by"],
        )
        && let Some(speaker) = core_before(w, toks, k - 1, floor)
            .filter(|s| matches!(s.kind, MentionKind::Name | MentionKind::Pronoun(_)))
    {
        return Some(speaker);
    }
    // `An internal memo obtained by the Ledger said`: the name is the agent
    // of a participle; the phrase before the participle is the subject. When
    // none can be read, nobody: the Ledger did not say it.
    if k > floor + 1 && w.is(&toks[k - 1], &["by"]) && is_past_participle(w, &toks[k - 2]) {
        return determiner_phrase_before(w, toks, k - 2, floor);
    }
    if let Some(subject) = subject_before_participle(w, toks, &m, floor) {
        return Some(subject);
    }
    // Not after a title's preposition, which goes on into the name:
    // `Speaker of the House Rep. Paul Ryan said` (`a professor at Stanford`
    // is a role noun).
    let title_before = |t: &Token| w.is_capitalised(t) && w.is_title(t);
    if !before_participle
        && after_preposition(w, toks, &m, floor)
        && !title_before(&toks[m.first_token - 2])
    {
        return before_preposition(w, toks, &m, floor);
    }
    Some(m)
}

/// Prepositions after which a name is where, or whom, the phrase before
/// is about: `a woman in Worcester`, `a professor at Stanford`, `a friend
/// of Trump`, `a voter from Ohio`.
const ABOUT_PREPOSITIONS: &[&str] = &["in", "at", "of", "from", "near", "outside"];

/// Whether the name `m` stands right after one of [`ABOUT_PREPOSITIONS`]:
/// the object of a preposition, never the subject of the verb after it.
/// Written in lower case: `KILLED IN DEADLY ISTANBUL EXPLOSION Turkish
/// President ...` is a headline run into the sentence.
fn after_preposition(w: &Words, toks: &[Token], m: &Mention, floor: usize) -> bool {
    let k = m.first_token;
    m.kind == MentionKind::Name
        && k > floor + 1
        && w.is(&toks[k - 1], ABOUT_PREPOSITIONS)
        && !w.is_capitalised(&toks[k - 1])
}

/// The phrase before the preposition in front of `m` (see
/// [`after_preposition`]) when it names someone: a person's name, a plain
/// noun phrase (`A friend`) or a body (`Authorities in North-Rhine
/// Westphalia`). When nothing before it can speak (`42% of Ohioans say`,
/// a share of them), `m` itself.
fn before_preposition(w: &Words, toks: &[Token], m: &Mention, floor: usize) -> Option<Mention> {
    core_before(w, toks, m.first_token - 1, floor)
        .filter(|p| {
            matches!(
                p.kind,
                MentionKind::Name | MentionKind::Anonymous | MentionKind::Organisation
            )
        })
        .or_else(|| Some(m.clone()))
}

/// The head noun of an apposition `toks[start..end]` that opens with a
/// determiner: the last of the lower-case words after it, up to a
/// participle, a preposition or a clause (`the law firm representing ...`
/// -> `firm`).
fn apposition_head(w: &Words, toks: &[Token], (start, end): (usize, usize)) -> Option<usize> {
    if start >= end || !w.is(&toks[start], &["the", "a", "an"]) {
        return None;
    }
    let last = (start + 1..end)
        .take_while(|&k| {
            toks[k].is_word()
                && !w.is(&toks[k], PHRASE_STOPS)
                && !is_present_participle(w, &toks[k])
        })
        .last()?;
    Some(last)
}

/// `A group representing local farmers said`: the phrase `m` is the object
/// of a participle in -ing; the phrase before the participle (not a
/// pronoun) is the subject. `None` when `m` is no such object.
fn subject_before_participle(
    w: &Words,
    toks: &[Token],
    m: &Mention,
    floor: usize,
) -> Option<Mention> {
    if matches!(m.kind, MentionKind::Pronoun(_)) {
        return None;
    }
    let k = m.first_token;
    let participle = (floor + 2..k)
        .rev()
        .take(3)
        .take_while(|&j| {
            // `speaking to Fox News`, `working for the campaign`.
            let object_preposition = w.is(&toks[j], &["to", "for", "with", "on"])
                && is_present_participle(w, &toks[j - 1]);
            toks[j].is_word()
                && !w.is_capitalised(&toks[j])
                && (object_preposition || !w.is(&toks[j], PHRASE_STOPS))
                && !w.is(&toks[j], BETWEEN)
        })
        .find(|&j| is_present_participle(w, &toks[j]))?;
    core_before(w, toks, participle, floor)
        .filter(|b| !matches!(b.kind, MentionKind::Pronoun(_)))
        .or_else(|| determiner_phrase_before(w, toks, participle, floor))
}

/// A lower-case word in -ing that reads as a participle: `representing`,
/// `wearing`; not a preposition in -ing (`during`, `according`).
fn is_present_participle(w: &Words, t: &Token) -> bool {
    const PREPOSITIONS: &[&str] = &[
        "during",
        "according",
        "regarding",
        "concerning",
        "following",
        "pending",
        "notwithstanding",
        "considering",
        "excluding",
        "including",
        "barring",
        "beginning",
    ];
    !w.is_capitalised(t)
        && w.with_lower(t, |x| x.len() > 5 && x.ends_with("ing")) == Some(true)
        && !w.is(t, PREPOSITIONS)
}

/// A word that reads as a past participle: `obtained`, `released`, `seen`.
fn is_past_participle(w: &Words, t: &Token) -> bool {
    const IRREGULAR: &[&str] = &[
        "seen", "written", "given", "taken", "sent", "made", "shown", "drawn", "put", "read",
        "held", "won", "told", "paid", "led", "sold", "brought", "bought",
    ];
    w.with_lower(t, |x| x.len() > 3 && x.ends_with("ed"))
        .unwrap_or(false)
        || w.is(t, IRREGULAR)
}

/// How many words a place after "of" may have: `New Hampshire`.
const HOME_WORDS: usize = 3;

/// A capitalised word that is no name on its own but begins a listed place
/// with the next word: `New` of `New York`, so `The New York Times
/// reported` names the newspaper, not `York Times`. Only when more of the
/// phrase follows the place (the caller's check): a place alone does not
/// speak.
fn starts_place(w: &Words, t: &Token, next: Option<&Token>) -> bool {
    let Some(next) = next else { return false };
    w.is_capitalised(t)
        && w.is_capitalised(next)
        && w.lexicon.places.contains(
            &Span::new(t.span.start, next.span.end)
                .text(w.text)
                .to_lowercase(),
        )
}

/// `Paul Ryan of Wisconsin` ending at `end`: when the capitalised words
/// after "of" are a place (grammar/places.txt), the person named before
/// "of".
fn name_before_home(w: &Words, toks: &[Token], end: usize, floor: usize) -> Option<Mention> {
    let of = (end.saturating_sub(HOME_WORDS + 1).max(floor + 1)..end.saturating_sub(1))
        .rev()
        .find(|&k| w.is(&toks[k], &["of"]))?;
    let home = &toks[of + 1..end];
    if !home.iter().all(|t| w.is_capitalised(t)) {
        return None;
    }
    let place = Span::new(home[0].span.start, home[home.len() - 1].span.end)
        .text(w.text)
        .to_lowercase();
    if !w.lexicon.places.contains(&place) {
        return None;
    }
    core_before(w, toks, of, floor).filter(|p| p.kind == MentionKind::Name)
}

/// How many words a body after "of" may have: `the Bank of Nova Scotia`.
const BODY_WORDS: usize = 8;

/// `Rebekah Young of Scotiabank said`, `Jim Hale of the Bank of Nova
/// Scotia said`: a person's name of two words or more, then "of" and a
/// body's capitalised name running to the verb: the person speaks, not
/// the body's last words. Not a title (`Secretary of State John Kerry`),
/// nor a body's own name (`Bank of America`: one word before "of", or an
/// organisation's head word).
fn name_before_body(w: &Words, toks: &[Token], end: usize, floor: usize) -> Option<Mention> {
    let from = end.saturating_sub(BODY_WORDS + 1).max(floor + 1);
    (from..end.saturating_sub(1)).rev().find_map(|of| {
        if !w.is(&toks[of], &["of"]) {
            return None;
        }
        let body = &toks[of + 1..end];
        let lead = usize::from(w.is(&body[0], &["the"]));
        let body_words = body[lead..]
            .iter()
            .all(|t| w.is_capitalised(t) && !w.is_title(t) || w.is(t, &["of", "for", "and", "on"]));
        if !body_words || body.len() <= lead || !w.is_capitalised(&body[lead]) {
            return None;
        }
        core_before(w, toks, of, floor).filter(|p| {
            // Past a title (`Economist Rebekah Young`), two name words.
            let name = &toks[p.first_token..of];
            let name = &name[name.iter().take_while(|t| w.is_title(t)).count()..];
            p.kind == MentionKind::Name
                && name.len() >= 2
                && name
                    .iter()
                    .all(|t| w.is_name_word(t) && !w.is_organisation(t))
        })
    })
}

/// The comma that opens the comma-bounded stretch ending at `close`, within
/// `reach` tokens and `floor..`: none when a clause break comes first.
fn comma_before(toks: &[Token], close: usize, floor: usize, reach: usize) -> Option<usize> {
    (floor..close)
        .rev()
        .take(reach)
        .find(|&k| toks[k].is_punct(',') || is_clause_break(&toks[k]))
        .filter(|&k| toks[k].is_punct(','))
}

/// `X, the editor of ...,` ending at the comma `open`: the name X opening
/// the clause, with the role phrase between the commas.
fn name_before_role(w: &Words, toks: &[Token], open: usize, floor: usize) -> Option<Mention> {
    let open2 = comma_before(toks, open, floor, 20)?;
    if !w.is(toks.get(open2 + 1)?, &["the", "a", "an"]) {
        return None;
    }
    let m = core_before(w, toks, open2, floor)?;
    let opens_clause = m.first_token == floor || is_clause_break(&toks[m.first_token - 1]);
    (m.kind == MentionKind::Name && opens_clause).then(|| Mention {
        role: Some(Span::new(
            toks[open2 + 1].span.start,
            toks[open - 1].span.end,
        )),
        ..m
    })
}

/// The name of a person ending at the comma `open` and opening its clause,
/// led by a given name the lists know: `Rob Goldman,` (not `A letter to
/// Ann Lee,`, whose clause the letter opens).
fn person_before(w: &Words, toks: &[Token], open: usize, floor: usize) -> Option<Mention> {
    let m = core_before(w, toks, open, floor)?;
    let opens_clause = m.first_token == floor || is_clause_break(&toks[m.first_token - 1]);
    (m.kind == MentionKind::Name && opens_clause && w.is_given_name(&toks[m.first_token]))
        .then_some(m)
}

/// `Cory James, 22, of Flint, Mich., said`: ages, home towns and states
/// between commas stand after a name; the name before them speaks.
fn name_before_age_and_home(
    w: &Words,
    toks: &[Token],
    end: usize,
    floor: usize,
) -> Option<Mention> {
    let mut e = end;
    while e > floor + 1 && toks[e - 1].is_punct(',') {
        let close = e - 1;
        let Some(open) = comma_before(toks, close, floor, 6) else {
            break;
        };
        let segment = &toks[open + 1..close];
        let age = segment.len() == 1
            && w.word(&segment[0])
                .is_some_and(|x| x.bytes().all(|b| b.is_ascii_digit()));
        let home = segment.len() >= 2
            && w.is(&segment[0], &["of", "from"])
            && segment[1..]
                .iter()
                .all(|t| w.is_capitalised(t) || t.is_punct('.'));
        let state = segment.len() == 1
            && w.word(&segment[0])
                .is_some_and(|x| w.lexicon.abbreviations.contains(x));
        if !(age || home || state) {
            break;
        }
        e = open + 1;
    }
    if e == end {
        return None;
    }
    // `e - 1` is the comma right after the name.
    core_before(w, toks, e - 1, floor).filter(|m| m.kind == MentionKind::Name)
}

pub fn is_clause_break(t: &Token) -> bool {
    matches!(
        t.kind,
        TokenKind::Punct('.' | '!' | '?' | ';' | ':' | '(' | ')') | TokenKind::Quote(_)
    )
}

/// The longest phrase of name, title, determiner and head words ending
/// before `end`, classified.
pub fn core_before(w: &Words, toks: &[Token], end: usize, floor: usize) -> Option<Mention> {
    if end <= floor {
        return None;
    }
    let last = &toks[end - 1];
    if let Some(g) = w.pronoun(last) {
        return Some(Mention {
            written: None,
            span: last.span,
            role: None,
            kind: MentionKind::Pronoun(g),
            first_token: end - 1,
            end_token: end,
        });
    }
    let mut start = end;
    while start > floor {
        let t = &toks[start - 1];
        if !t.is_word() {
            break;
        }
        if w.is(t, DETERMINERS) {
            start -= 1;
            break;
        }
        let ok = w.is_capitalised(t) && !w.is_non_name(t)
            || (start == end && common_word_surname(w, toks, t))
            || (start + 1 < end && starts_place(w, t, toks.get(start)))
            || w.is_title(t)
            || w.is_anonymous_head(t)
            || w.is_organisation(t)
            || (w.is_particle(t) && start - 1 > floor && w.is_capitalised(&toks[start - 2]))
            || (w.is(t, &["of", "for"])
                && start < end
                && start - 1 > floor
                && w.is_title(&toks[start - 2]))
            || (start < end && start - 1 > floor && names_body_of(w, toks, start - 1));
        if !ok {
            break;
        }
        start -= 1;
    }
    // "of", "for" or "on" cannot end the phrase on the left.
    while start < end && w.is(&toks[start], &["of", "for", "on"]) {
        start += 1;
    }
    let found = if start == end {
        None
    } else {
        classify(w, toks, start, end)
    };
    let found = found.map(|m| widen_to_determiner(w, toks, m, floor));
    if let Some(issuer) = found
        .as_ref()
        .and_then(|m| owner_of_document(w, toks, m, floor))
    {
        return Some(issuer);
    }
    found.or_else(|| {
        w.loose
            .then(|| determiner_phrase_before(w, toks, end, floor))
            .flatten()
    })
}

/// `The Pentagon's statement`, `Clinton's statement`, `the committee's
/// final report`: a document (grammar/document_nouns.txt) owned by a named
/// body or person speaks for its owner, as `a statement from ...` does
/// ([`document_phrase`]). The owner is the speaker; the mention points at
/// the whole phrase. An owner that is no name or body (`his statement`,
/// `the group's report`) leaves the phrase as it was.
fn owner_of_document(w: &Words, toks: &[Token], m: &Mention, floor: usize) -> Option<Mention> {
    if m.kind != MentionKind::Anonymous {
        return None;
    }
    let end = m.end_token;
    w.with_lower(&toks[end - 1], |x| w.lexicon.document_nouns.contains(x))
        .filter(|&is_doc| is_doc)?;
    let possessive = |k: usize| {
        w.word(&toks[k])
            .is_some_and(|x| Words::bare(x).len() != x.len())
    };
    // The owner's possessive, with at most two describing words (lower
    // case) between it and the document: `the ministry's latest report`.
    let owner_end = (floor.max(end.saturating_sub(4))..end - 1)
        .rev()
        .take_while(|&k| toks[k].is_word())
        .find(|&k| possessive(k))?
        + 1;
    if toks[owner_end..end - 1]
        .iter()
        .any(|t| w.is_capitalised(t) || w.is(t, PHRASE_STOPS))
    {
        return None;
    }
    let owner = core_before(w, toks, owner_end, floor)?;
    matches!(owner.kind, MentionKind::Name | MentionKind::Organisation).then(|| Mention {
        written: Some(Span::new(
            toks[owner.first_token].span.start,
            toks[end - 1].span.end,
        )),
        end_token: end,
        ..owner
    })
}

/// `A senior provincial official`: an unnamed source's phrase takes in the
/// describing words back to its determiner.
fn widen_to_determiner(w: &Words, toks: &[Token], mut m: Mention, floor: usize) -> Mention {
    if m.kind != MentionKind::Anonymous || w.is(&toks[m.first_token], DETERMINERS) {
        return m;
    }
    let det = (floor..m.first_token)
        .rev()
        .take(3)
        .take_while(|&k| {
            toks[k].is_word() && !w.is(&toks[k], PHRASE_STOPS) && !w.is_speech_verb(&toks[k])
        })
        .find(|&k| w.is(&toks[k], DETERMINERS));
    if let Some(det) = det {
        m.span.start = toks[det].span.start;
        m.first_token = det;
    }
    m
}

/// Determiners that introduce someone not named: `a`, `another`.
const INDEFINITE: &[&str] = &["a", "an", "another", "one"];

/// Words that end a plain noun phrase: a clause, a preposition, a verb.
const PHRASE_STOPS: &[&str] = &[
    "who", "whom", "whose", "which", "that", "with", "from", "in", "at", "of", "for", "on", "to",
    "and", "or", "as", "after", "before", "during", "when", "while", "because", "but", "about",
    "is", "was", "are", "were", "has", "had", "have", "will", "would", "said", "says", "told",
    "not", "by", "than", "if", "into", "over", "until", "since", "unless", "although", "though",
    "whether", "where", "once",
];

/// A plain noun phrase led by a determiner, whatever its head noun:
/// `One attendee`, `a longtime GOP data expert`, `the ad's narrator`.
fn determiner_phrase_before(
    w: &Words,
    toks: &[Token],
    end: usize,
    floor: usize,
) -> Option<Mention> {
    let head = toks.get(end.checked_sub(1)?)?;
    if !plain_noun(w, head) {
        return None;
    }
    let det = (floor..end)
        .rev()
        .take(5)
        .take_while(|&k| toks[k].is_word() && !w.is(&toks[k], PHRASE_STOPS))
        .find(|&k| w.is(&toks[k], DETERMINERS))?;
    if det + 1 == end {
        return None;
    }
    Some(Mention {
        written: None,
        span: Span::new(toks[det].span.start, head.span.end),
        role: None,
        kind: MentionKind::Anonymous,
        first_token: det,
        end_token: end,
    })
}

/// A lower-case word that can head a noun phrase.
fn plain_noun(w: &Words, t: &Token) -> bool {
    w.word(t).is_some_and(|x| {
        x.chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
    }) && !w.is(t, PHRASE_STOPS)
        && !w.is(t, DETERMINERS)
        && !w.is(t, BETWEEN)
        && !w.is_speech_verb(t)
        && w.pronoun(t).is_none()
}

/// `said a longtime GOP data expert who ...`: a determiner, then words up to
/// a clause or preposition; the last of them is the head.
fn determiner_phrase_after(
    w: &Words,
    toks: &[Token],
    start: usize,
    ceiling: usize,
) -> Option<Mention> {
    if start >= ceiling || !w.is(&toks[start], DETERMINERS) {
        return None;
    }
    let mut end = start + 1;
    while end < ceiling
        && end - start <= 6
        && toks[end].is_word()
        && !w.is(&toks[end], PHRASE_STOPS)
        && !w.is_speech_verb(&toks[end])
    {
        end += 1;
    }
    (end > start + 1 && plain_noun(w, &toks[end - 1])).then(|| Mention::unnamed(toks, start, end))
}

/// Quantifiers that take a part of a group: `one of`, `some of`.
const PARTITIVES: &[&str] = &[
    "one", "two", "three", "four", "five", "some", "many", "several", "most", "all", "both",
    "each", "few", "none", "any",
];

/// Words that open the group a partitive takes from.
const GROUP_OPENERS: &[&str] = &[
    "the", "those", "these", "his", "her", "their", "its", "our", "my", "your",
];

/// `said one of those advisers`, `said some of Trump's supporters`: a
/// quantifier, `of`, then the group (a determiner or a possessive and up
/// to four words ending in a plain noun, or `them`). An unnamed source;
/// read as a lone `one` it stopped at `of` and the quote lost its speaker.
/// Only after a reporting verb: before one, `One of the men, Jessie
/// Elkins,` names its speaker next.
pub fn partitive_after(w: &Words, toks: &[Token], start: usize, ceiling: usize) -> Option<Mention> {
    if start + 2 >= ceiling || !w.is(&toks[start], PARTITIVES) || !w.is(&toks[start + 1], &["of"]) {
        return None;
    }
    let group = start + 2;
    let opener = &toks[group];
    let end = if w.is(opener, &["them"]) {
        group + 1
    } else {
        let possessive = w
            .word(opener)
            .is_some_and(|x| Words::bare(x).len() != x.len());
        if !(possessive || w.is(opener, GROUP_OPENERS)) {
            return None;
        }
        let mut end = group + 1;
        while end < ceiling
            && end - group <= 4
            && toks[end].is_word()
            && !w.is(&toks[end], PHRASE_STOPS)
            && !w.is_speech_verb(&toks[end])
        {
            end += 1;
        }
        let head = &toks[end - 1];
        if end == group + 1 || !(plain_noun(w, head) || w.is_anonymous_head(head)) {
            return None;
        }
        end
    };
    Some(Mention::unnamed(toks, start, end))
}

/// Determiners that open a document phrase.
const DOCUMENT_OPENERS: &[&str] = &[
    "a", "an", "the", "his", "her", "its", "their", "this", "that", "one",
];

/// `a statement from the Mayor's Office`, `a 2009 report by the Center for
/// Economic and Policy Research`, `an email from Neera Tanden`: a document
/// (grammar/document_nouns.txt) that speaks for its issuer. The issuer is
/// the speaker; the mention points at the whole phrase, as PolNeAR marks
/// it. `obtained by` names who has the document, not who wrote it, and
/// does not count. Before this the phrase was read as "a statement" or
/// not at all, and its quote was dropped.
pub fn document_phrase(w: &Words, toks: &[Token], start: usize, ceiling: usize) -> Option<Mention> {
    if start >= ceiling || !w.is(&toks[start], DOCUMENT_OPENERS) {
        return None;
    }
    let doc = (start + 1..ceiling.min(start + 5)).find(|&k| {
        w.with_lower(&toks[k], |x| w.lexicon.document_nouns.contains(x))
            .unwrap_or(false)
    })?;
    if !toks[start + 1..doc].iter().all(|t| t.is_word()) {
        return None;
    }
    let mut by = doc + 1;
    if by < ceiling && w.is(&toks[by], &["released", "issued", "sent", "written"]) {
        by += 1;
    }
    if by >= ceiling || !w.is(&toks[by], &["from", "by"]) {
        return None;
    }
    // Any noun phrase may issue one: `the city attorney`.
    let mut issuer = mention_after(&w.loose(), toks, by + 1, ceiling).filter(|m| {
        matches!(
            m.kind,
            MentionKind::Name | MentionKind::Organisation | MentionKind::Anonymous
        )
    })?;
    // `the governor's office`: an owner's possessive and the body it owns.
    let owner = w
        .word(&toks[issuer.end_token - 1])
        .is_some_and(|x| Words::bare(x).len() != x.len());
    if owner && issuer.end_token < ceiling && plain_noun(w, &toks[issuer.end_token]) {
        issuer.end_token += 1;
        issuer.span = Span::new(issuer.span.start, toks[issuer.end_token - 1].span.end);
        issuer.kind = MentionKind::Anonymous;
        issuer.role = None;
    }
    let last = toks[issuer.end_token - 1].span.end;
    // `the Mayor's Office` is one body, not an office whose role is "the
    // Mayor's": its name is the whole phrase after the article.
    if issuer.kind == MentionKind::Organisation {
        let first = if w.is(&toks[by + 1], &["the"]) && by + 2 < issuer.end_token {
            by + 2
        } else {
            by + 1
        };
        issuer.span = Span::new(toks[first].span.start, last);
        issuer.role = None;
    }
    Some(Mention {
        written: Some(Span::new(toks[start].span.start, last)),
        first_token: start,
        ..issuer
    })
}

/// Nouns for a poll or study that speaks for the people it asked.
const POLL_NOUNS: &[&str] = &["poll", "polls", "survey", "surveys", "study"];
/// Words that make a group a share of those asked: `75 percent of
/// Republicans`, `the vast majority of Americans`.
const SHARE_WORDS: &[&str] = &[
    "percent",
    "majority",
    "plurality",
    "half",
    "third",
    "quarter",
    "most",
];
/// How many words a poll's name may run to: `a fresh CNN-ORC poll`, `a
/// September Washington Post-ABC News poll`.
const POLL_NAME_WORDS: usize = 7;

/// `In a September Washington Post-ABC News poll, 75 percent of
/// Republicans said "..."`, `Six in 10 Republicans said`: a share of a
/// group answers through the poll that measured it, so when the speaker
/// `m` is such a share and the sentence `s..end` names a poll, the poll is
/// the source (as PolNeAR marks it); the group never said the words
/// together.
pub fn poll_for_respondents(
    w: &Words,
    toks: &[Token],
    m: &Mention,
    s: usize,
    end: usize,
) -> Option<Mention> {
    let f = m.first_token;
    let number = |t: &Token| {
        w.word(t)
            .is_some_and(|x| x.trim_end_matches('%').bytes().all(|b| b.is_ascii_digit()))
            || w.with_lower(t, |x| {
                [
                    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                ]
                .contains(&x)
            })
            .unwrap_or(false)
    };
    // `25 percent of likely Republican voters`: a lower-case word or two
    // may qualify the group after `of`.
    let f = (f.saturating_sub(2).max(s)..f)
        .find(|&k| {
            toks[k..f].iter().all(|t| {
                w.word(t)
                    .is_some_and(|x| x.starts_with(|c: char| c.is_ascii_lowercase()))
                    && !w.is(t, &["of", "in"])
            })
        })
        .unwrap_or(f);
    let share = f >= s + 2
        && w.is(&toks[f - 1], &["of"])
        && (w.is(&toks[f - 2], SHARE_WORDS)
            || w.word(&toks[f - 2]).is_some_and(|x| x.ends_with('%')))
        || f >= s + 3
            && number(&toks[f - 1])
            && w.is(&toks[f - 2], &["in"])
            && number(&toks[f - 3]);
    if !share {
        return None;
    }
    (s..end).find_map(|k| {
        if !w.is(&toks[k], DOCUMENT_OPENERS) {
            return None;
        }
        let noun = (k + 1..end.min(k + 1 + POLL_NAME_WORDS))
            .take_while(|&j| toks[j].is_word() || toks[j].is_punct('-') || toks[j].is_punct('/'))
            .find(|&j| w.is(&toks[j], POLL_NOUNS))?;
        Some(Mention::unnamed(toks, k, noun + 1))
    })
}

/// How many words a relative clause's subject may run to.
const RELATIVE_SUBJECT_WORDS: usize = 6;

/// `Clinton's email use, which an FBI investigation said was "extremely
/// careless"`: a relative clause with a subject of its own before the
/// verb at `verb`. Its subject, a determiner's phrase, speaks, whatever its
/// head; without this the sentence's subject (who only reports the
/// finding) was taken.
pub fn relative_subject_before(
    w: &Words,
    toks: &[Token],
    verb: usize,
    floor: usize,
) -> Option<Mention> {
    let lowest = verb.saturating_sub(RELATIVE_SUBJECT_WORDS + 1).max(floor);
    let rel = (lowest..verb.saturating_sub(2))
        .rev()
        .find(|&k| w.is(&toks[k], &["which"]))?;
    // A determiner, capitalised words (`FBI`) and one lower-case head:
    // `that the United States should formally declare` is a clause, and
    // "that" is as often no relative pronoun at all.
    let phrase = &toks[rel + 1..verb];
    let (head, middle) = phrase[1..].split_last()?;
    let plain = w.is(&phrase[0], DOCUMENT_OPENERS)
        && middle.iter().all(|t| t.is_word() && w.is_capitalised(t))
        && head.is_word()
        && !w.is_capitalised(head)
        && w.pronoun(head).is_none();
    plain.then(|| Mention::unnamed(toks, rel + 1, verb))
}

/// A [`document_phrase`] ending right before the verb at `verb`, opened
/// within `floor..verb`: `A statement from the Mayor's Office said`.
pub fn document_before(w: &Words, toks: &[Token], verb: usize, floor: usize) -> Option<Mention> {
    (floor..verb)
        .rev()
        .take(16)
        .filter(|&k| w.is(&toks[k], DOCUMENT_OPENERS))
        .find_map(|k| document_phrase(w, toks, k, verb).filter(|m| m.end_token == verb))
}

/// `said Will Doyle`: a given name that is also a word which never starts a
/// name elsewhere ("Will" the auxiliary) opens one when a capitalised name
/// word follows it. Only read forward from a cue, where no sentence starts:
/// before a verb, "Will Sanders drop out" is a question.
fn given_name_first(w: &Words, t: &Token, next: Option<&Token>) -> bool {
    next.is_some_and(|n| n.is_word() && w.is_capitalised(n) && !w.is_non_name(n))
        && w.with_lower(t, |x| GivenNames::builtin().is_known(x)) == Some(true)
}

/// `Florida's Rick Wilson`: a listed place's possessive, then a name word.
fn place_before_name(w: &Words, place: &Token, next: &Token) -> bool {
    w.is_name_word(next)
        && w.word(place)
            .is_some_and(|x| with_lower(Words::bare(x), |p| w.lexicon.places.contains(p)))
}

/// `said former Pennsylvania Gov. and party Chairman Ed Rendell`: `and`
/// between a title and another role word or a capitalised word, inside the
/// phrase, joins two roles of the one person named after them. (A name
/// before `and` is another matter: `Sen. Casey and Gov. Wolf` are two.)
fn two_roles_joined(w: &Words, toks: &[Token], k: usize, (start, ceiling): (usize, usize)) -> bool {
    k > start
        && k + 1 < ceiling
        && w.is(&toks[k], &["and"])
        && w.is_title(&toks[k - 1])
        && (w.is_title(&toks[k + 1]) || w.is_capitalised(&toks[k + 1]))
}

/// The phrase that starts at `start` and runs forward: `said U.S. Secretary
/// of State John Kerry`, `according to a senior official`.
pub fn mention_after(w: &Words, toks: &[Token], start: usize, ceiling: usize) -> Option<Mention> {
    if start >= ceiling {
        return None;
    }
    let first = &toks[start];
    if let Some(g) = w.pronoun(first) {
        return Some(Mention {
            written: None,
            span: first.span,
            role: None,
            kind: MentionKind::Pronoun(g),
            first_token: start,
            end_token: start + 1,
        });
    }
    let mut end = start;
    let mut seen_head = false;
    while end < ceiling {
        let t = &toks[end];
        if !t.is_word() {
            break;
        }
        let is_det = end == start && w.is(t, DETERMINERS);
        // `said Judicial Watch President Tom Fitton`: a capitalised word that
        // is no name alone ("Watch") after a capitalised word and before a
        // title is the end of an organisation's name, the title's holder
        // follows.
        let inside_name = end > start
            && seen_head
            && w.is_capitalised(&toks[end - 1])
            && end + 1 < ceiling
            && w.is_title(&toks[end + 1]);
        let ok = is_det
            || w.is_capitalised(t)
                && (!(w.is_non_name(t) && (end > start || !w.is(t, DETERMINERS)))
                    || inside_name
                    || (end == start && given_name_first(w, t, toks.get(end + 1))))
            || (end + 2 < ceiling
                && (end == start || !w.is(&toks[end - 1], &["of"]))
                && starts_place(w, t, toks.get(end + 1)))
            || w.is_title(t)
            || w.is_anonymous_head(t)
            || w.is_organisation(t)
            || (w.is_particle(t)
                && seen_head
                && end + 1 < ceiling
                && w.is_capitalised(&toks[end + 1]))
            || (w.is(t, &["of"])
                && end > start
                && w.is_title(&toks[end - 1])
                // `Peter T. King of New York`: a title word after a name is
                // a surname, and what follows `of` is a home.
                && !(end >= start + 2 && w.is_name_word(&toks[end - 2]))
                && end + 1 < ceiling
                && w.is_capitalised(&toks[end + 1]))
            || (end > start && end + 1 < ceiling && names_body_of(w, toks, end))
            || two_roles_joined(w, toks, end, (start, ceiling));
        if !ok {
            break;
        }
        seen_head |= !is_det;
        end += 1;
        // A possessive ends the phrase unless a name or role follows it:
        // "said Trump's spokeswoman Hope Hicks" goes on, "Trump's plan" stops;
        // so does a place's before a name: "said Florida's Rick Wilson".
        if w.word(t).is_some_and(|x| Words::bare(x).len() != x.len())
            && !(end < ceiling && (w.is_title(&toks[end]) || place_before_name(w, t, &toks[end])))
        {
            break;
        }
    }
    // `read one.`, `said another,`: a determiner standing alone at the end
    // of the clause is an unnamed source.
    let lone_determiner =
        end == start + 1 && !seen_head && (end >= ceiling || !toks[end].is_word());
    let found = if end == start || !(seen_head || lone_determiner) {
        None
    } else {
        classify(w, toks, start, end)
    };
    // An unnamed head right before a capitalised word may be role words
    // before a name (`city engineer Priya Raman`): try that first. So is a
    // party or other title word alone before lower-case role words
    // (`said Republican political consultant Chris Russell`): a title
    // describes the name that follows it.
    let only_titles = || (start..end).all(|k| w.is_title(&toks[k]));
    let lower_case_next =
        end > start && end < ceiling && toks[end].is_word() && !w.is_capitalised(&toks[end]);
    if lower_case_next && let Some(m) = modifiers_role_then_name(w, toks, start, ceiling) {
        return Some(m);
    }
    found
        .clone()
        .filter(|m| {
            m.kind != MentionKind::Anonymous
                || end >= ceiling
                || !(w.is_capitalised(&toks[end]) || only_titles())
        })
        .or_else(|| role_words_then_name(w, toks, start, ceiling))
        .or(found)
        .or_else(|| {
            w.loose
                .then(|| determiner_phrase_after(w, toks, start, ceiling))
                .flatten()
        })
}

/// `said Texas oil executive Frank VanderSloot`, `said Florida Republican
/// political consultant Chris Russell`: capitalised words that place or
/// qualify a role (a state, a party, a company), lower-case role words the
/// last of which is a title, then the name. The capitalised words before
/// are not the speaker: read alone they made "Texas" one, or no speaker at
/// all, and the quote was lost.
fn modifiers_role_then_name(
    w: &Words,
    toks: &[Token],
    start: usize,
    ceiling: usize,
) -> Option<Mention> {
    const MODIFIERS: usize = 3;
    const ROLE_WORDS: usize = 4;
    // `The Slate technology columnist David Auerbach`; but in `A campaign
    // TV ad` no capitalised word qualifies the role.
    let first = if w.is(&toks[start], DETERMINERS) {
        start + 1
    } else {
        start
    };
    let mut k = first;
    while k < ceiling.min(first + MODIFIERS)
        && toks[k].is_word()
        && w.is_capitalised(&toks[k])
        && !w.is(&toks[k], DETERMINERS)
    {
        k += 1;
    }
    let role_start = k;
    while k < ceiling.min(role_start + ROLE_WORDS)
        && toks[k].is_word()
        && !w.is_capitalised(&toks[k])
        && !w.is(&toks[k], PHRASE_STOPS)
        && !w.is_speech_verb(&toks[k])
    {
        k += 1;
    }
    let name_at = k;
    if role_start == first
        || name_at == role_start
        || name_at >= ceiling
        || !w.is_title(&toks[name_at - 1])
        || !w.is_name_word(&toks[name_at])
    {
        return None;
    }
    let mut end = name_at;
    while end < ceiling && w.is_name_word(&toks[end]) {
        end += 1;
    }
    let mut m = classify(w, toks, name_at, end).filter(|m| m.kind == MentionKind::Name)?;
    m.role = Some(Span::new(
        toks[start].span.start,
        toks[name_at - 1].span.end,
    ));
    m.first_token = start;
    Some(m)
}

/// `said city engineer Priya Raman`: up to four lower-case role words, then
/// a name.
fn role_words_then_name(
    w: &Words,
    toks: &[Token],
    start: usize,
    ceiling: usize,
) -> Option<Mention> {
    let name_at = (start..ceiling.min(start + 5))
        .take_while(|&k| toks[k].is_word() && !w.is(&toks[k], PHRASE_STOPS))
        .find(|&k| w.is_name_word(&toks[k]))?;
    if name_at == start {
        return None;
    }
    let mut name_at = name_at;
    let mut end = name_at;
    while end < ceiling && (w.is_name_word(&toks[end]) || w.is_honorific(&toks[end])) {
        end += 1;
    }
    // `New York attorney Eric Levine`: a place before role words belongs to
    // the role; the name is the one after them.
    let mut after_role = end;
    while after_role < ceiling.min(end + 3) && w.is_title(&toks[after_role]) {
        after_role += 1;
    }
    if after_role > end && after_role < ceiling && w.is_name_word(&toks[after_role]) {
        name_at = after_role;
        end = after_role;
        while end < ceiling && w.is_name_word(&toks[end]) {
            end += 1;
        }
    }
    // `a New Hampshire Republican`: the capitalised words describe an
    // unnamed source, they are nobody's name.
    if end < ceiling && w.is(&toks[start], INDEFINITE) && w.is_anonymous_head(&toks[end]) {
        // ... up to its last head word: `a Florida Republican strategist`.
        let mut last = end + 1;
        while last < ceiling && (w.is_anonymous_head(&toks[last]) || w.is_title(&toks[last])) {
            last += 1;
        }
        return Some(Mention {
            written: None,
            span: Span::new(toks[start].span.start, toks[last - 1].span.end),
            role: None,
            kind: MentionKind::Anonymous,
            first_token: start,
            end_token: last,
        });
    }
    let mut m = classify(w, toks, name_at, end)?;
    m.role = Some(Span::new(
        toks[start].span.start,
        toks[name_at - 1].span.end,
    ));
    m.first_token = start;
    Some(m)
}

/// Name the phrase `toks[start..end]`: a person's name at its right end,
/// else an organisation or an anonymous head.
/// `Israel said` in an article that names `Rep. Steve Israel`: a place's
/// name the article also writes as someone's surname, right after a given
/// name (grammar/given_names.txt, given_name_genders.txt), a title or an
/// honorific and not before another capitalised word (`George Washington
/// University`), is that person's.
fn written_as_a_surname(w: &Words, toks: &[Token], t: &Token) -> bool {
    w.word(t)
        .map(Words::bare)
        .is_some_and(|word| surnamed(w, toks, word))
}

/// `From said`, `Will urged` in an article that names Al From or George
/// Will: a capitalised word the word lists take for no name (a
/// preposition, a modal, a title) that the article writes as someone's
/// surname ([`surnamed`]) is that person when it stands alone before the
/// verb.
fn common_word_surname(w: &Words, toks: &[Token], t: &Token) -> bool {
    !w.is_name_word(t) && surname_in_this_article(w, toks, t)
}

/// Does the article write `word` (a capitalised word with a lower-case
/// letter: not `HP`, `CIA`) as someone's surname somewhere: right after a
/// given name, a title or an honorific, and not before another capitalised
/// word? `toks` are the article's tokens; their surnames are gathered once
/// per article where the article's memo is at hand.
pub fn surnamed(w: &Words, toks: &[Token], word: &str) -> bool {
    if !word.chars().any(char::is_lowercase) {
        return false;
    }
    match w.lower_words {
        Some(lw) => lw
            .surnames(|text, toks| surnames_of(w, text, toks))
            .contains(word),
        // Without the article's memo (a caller reading a few words).
        None => surnames_of(w, w.text, toks).contains(word),
    }
}

/// Every word of `toks` written as a surname ([`surnamed`]), bare of a
/// possessive.
fn surnames_of<'t>(w: &Words, text: &'t str, toks: &[Token]) -> FxHashSet<&'t str> {
    let (given, genders) = (GivenNames::builtin(), NameGenders::builtin());
    let mut found = FxHashSet::default();
    for k in 1..toks.len() {
        let (prev, t) = (&toks[k - 1], &toks[k]);
        if !(prev.is_word() && t.is_word() && text[prev.span.end..t.span.start].starts_with(' ')) {
            continue;
        }
        // Most pairs of words are not two capitalised words: the first
        // bytes tell (a lower-case ASCII letter starts neither).
        let (tb, pb) = (
            text.as_bytes()[t.span.start],
            text.as_bytes()[prev.span.start],
        );
        if tb.is_ascii_lowercase() || pb.is_ascii_lowercase() {
            continue;
        }
        let word = Words::bare(t.span.text(text));
        if !word.starts_with(char::is_uppercase) {
            continue;
        }
        // `George Washington University`: part of a longer name.
        let next_capitalised = toks.get(k + 1).is_some_and(|n| {
            n.is_word()
                && text[t.span.end..n.span.start].starts_with(char::is_whitespace)
                && n.span.text(text).starts_with(char::is_uppercase)
        });
        if next_capitalised {
            continue;
        }
        let before = prev.span.text(text);
        if !before.starts_with(char::is_uppercase) || found.contains(word) {
            continue;
        }
        let names_someone = w.lexicon.honorifics.contains(before)
            || with_lower(before, |lower| {
                given.is_known(lower)
                    || genders.of_lower(lower).is_some()
                    || w.lexicon.titles.contains(lower.trim_end_matches('.'))
            });
        if names_someone {
            found.insert(word);
        }
    }
    found
}

/// `the Center for American Progress`, `Department of Justice`, `Council
/// on Foreign Relations`: the "for", "of" or "on" at `k` joins a
/// capitalised organisation's head word (grammar/organisations.txt) to
/// the capitalised rest of its name, so the whole is one body. Read as a
/// name instead, the words after it ("American Progress") became a
/// person.
fn names_body_of(w: &Words, toks: &[Token], k: usize) -> bool {
    k >= 1
        && w.is(&toks[k], &["of", "for", "on"])
        && w.is_capitalised(&toks[k - 1])
        && w.is_organisation(&toks[k - 1])
        && toks.get(k + 1).is_some_and(|t| w.is_capitalised(t))
}

/// `The Blaze reported`, `according to the Daily Caller`, `The Vatican
/// says`: the name `toks[name_start..end]` right after "the" is a
/// publication's, a body's or a place's (a person's name takes no
/// article), or a people's (`the Texan`), who are no one person. `None`
/// when it may still be a person: a party member described (`the Wisconsin
/// Republican`, whom the resolver may name); a name with a given name
/// (`The Archie Bunker stereotype`) or the surname of someone the article
/// names (`the Trump we all knew`), or a family's (`the Graysons` where
/// the article names a Grayson); or after a preposition, where
/// [`after_preposition`] decides (`editor at large of The Forward`).
pub fn after_the(w: &Words, toks: &[Token], name_start: usize, end: usize) -> Option<MentionKind> {
    if name_start == 0 || name_start >= end || !w.is(&toks[name_start - 1], &["the"]) {
        return None;
    }
    let last = w.lower(&toks[end - 1])?;
    let first = &toks[name_start];
    let after_preposition = name_start >= 2
        && w.is(&toks[name_start - 2], ABOUT_PREPOSITIONS)
        && !w.is_capitalised(&toks[name_start - 2]);
    if w.lexicon.parties.contains_key(&last)
        || w.is_given_name(first)
        || (name_start + 1 == end && written_as_a_surname(w, toks, first))
        || after_preposition
    {
        return None;
    }
    let one_word = name_start + 1 == end;
    // `the Graysons`: a family the article names is people, left to the
    // rules for names.
    let family = one_word
        && w.word(first).is_some_and(|x| {
            x.strip_suffix('s')
                .is_some_and(|stem| !stem.ends_with('s') && surnamed(w, toks, stem))
        });
    if family {
        return None;
    }
    if one_word && crate::lexicon::demonyms().contains(&last) {
        return Some(MentionKind::Anonymous);
    }
    Some(MentionKind::Organisation)
}

pub fn classify(w: &Words, toks: &[Token], start: usize, end: usize) -> Option<Mention> {
    // `Another said`, `One told reporters`, `Some argued`: a determiner
    // standing alone is an unnamed source.
    if end == start + 1
        && w.is(
            &toks[start],
            &[
                "another", "one", "some", "others", "many", "several", "most",
            ],
        )
    {
        return Some(Mention {
            written: None,
            span: toks[start].span,
            role: None,
            kind: MentionKind::Anonymous,
            first_token: start,
            end_token: end,
        });
    }
    let span_of = |a: usize, b: usize| Span::new(toks[a].span.start, toks[b - 1].span.end);
    let lower_last = w.lower(&toks[end - 1])?;
    let lower_two = (end - start >= 2).then(|| {
        format!(
            "{} {}",
            w.lower(&toks[end - 2]).unwrap_or_default(),
            lower_last
        )
    });
    let by_head = w.lexicon.organisations.contains(&lower_last)
        || lower_two
            .as_ref()
            .is_some_and(|p| w.lexicon.organisations.contains(p));
    if by_head
        || (start + 1..end - 1).any(|k| {
            // Not `the Council on American-Islamic Relations National
            // Executive Director Nihad Awad`: a title after the body's name
            // is its holder's, who speaks: a title, then two words or more
            // that are none. (Title words inside the body's name are part
            // of it: `Department of Homeland Security`, `Council on Foreign
            // Relations`.)
            let holder = || {
                (k + 1..end)
                    .rev()
                    .find(|&j| w.is_title(&toks[j]))
                    .is_some_and(|j| j + 2 < end)
            };
            names_body_of(w, toks, k) && !holder()
        })
    {
        // "the Pentagon", "Russia's Defence Ministry", "the White House".
        return Some(Mention {
            written: None,
            span: span_of(start, end),
            role: None,
            kind: MentionKind::Organisation,
            first_token: start,
            end_token: end,
        });
    }
    // The name: capitalised non-title words at the right end.
    let mut name_start = end;
    if end == start + 1 && common_word_surname(w, toks, &toks[start]) {
        name_start = start;
    }
    // A surname that is also a title word (`Amy Pope`, `Peter King`) stays a
    // name when a first name stands before it.
    if end - start >= 2
        && w.is_capitalised(&toks[end - 1])
        && !w.is_honorific(&toks[end - 1])
        && w.is_name_word(&toks[end - 2])
    {
        name_start = end - 1;
    }
    while name_start > start {
        let t = &toks[name_start - 1];
        // `the Ledger's Colin Marsh`: a possessive is not part of the name.
        let possessive =
            name_start < end && w.word(t).is_some_and(|x| Words::bare(x).len() != x.len());
        if possessive {
            break;
        }
        if w.is_name_word(t)
            || (w.is_particle(t) && name_start < end)
            || (name_start - 1 == start && given_name_first(w, t, toks.get(name_start)))
        {
            name_start -= 1;
        } else {
            break;
        }
    }
    // `Out Ted Cruz`: a headline's verb before a full name is no part of it.
    name_start = w.name_start(toks, name_start, end);
    // `Spurns offer, blasts 'ignorant view of Islam.'`: a headline's verb
    // opening a deck line alone names nobody.
    if name_start + 1 == end && name_start == start && w.is_headline_verb(&toks[name_start]) {
        return None;
    }
    // `R-Ky.`, `D-Calif.`: a party and state tag is not a name.
    let party_tag = |t: &Token| {
        w.word(t).is_some_and(|x| {
            let b = x.as_bytes();
            b.len() >= 4
                && matches!(b[0], b'R' | b'D' | b'I')
                && b[1] == b'-'
                && b[2].is_ascii_uppercase()
        })
    };
    if name_start < end && (name_start..end).all(|k| party_tag(&toks[k])) {
        return None;
    }
    if name_start < end {
        let last = w.lower(&toks[end - 1]).unwrap_or_default();
        // `Capitol Hill`, `Mexico City`: places do not speak.
        if name_start + 1 < end && w.lexicon.place_heads.contains(&last) {
            return None;
        }
        // `Iowa`, `South Carolina`, `California`: named places.
        let whole = Words::bare(&w.text[toks[name_start].span.start..toks[end - 1].span.end])
            .to_lowercase();
        if w.lexicon.places.contains(&whole)
            && !(name_start + 1 == end && written_as_a_surname(w, toks, &toks[name_start]))
        {
            return None;
        }
        // `Officials in New Brunswick said`: the word before the phrase, no
        // name on its own, and the phrase are a place (not `New Hampshire
        // Union Leader`, where more follows the place; not `the governor of
        // New York`, a role).
        let with_word_before = |k: usize| {
            let place = &w.text[toks[k].span.start..toks[end - 1].span.end];
            w.is_capitalised(&toks[k]) && with_lower(place, |x| w.lexicon.places.contains(x))
        };
        if name_start == start && start > 0 && with_word_before(start - 1) {
            return None;
        }
        // `Calif.`, `Ky.`: a state's abbreviation alone.
        if name_start + 1 == end
            && w.word(&toks[name_start])
                .is_some_and(|x| w.lexicon.abbreviations.contains(x))
        {
            return None;
        }
        // `Republicans`, `Democrats`, `Transcript`: a capitalised group or
        // document noun alone is an unnamed source, not a person; so is one
        // after an indefinite determiner and a place (`an Iowa Democrat`).
        if w.lexicon.anonymous_heads.contains(&last)
            && (name_start + 1 == end || w.is(&toks[start], INDEFINITE))
        {
            return Some(Mention {
                written: None,
                span: span_of(start, end),
                role: None,
                kind: MentionKind::Anonymous,
                first_token: start,
                end_token: end,
            });
        }
        if let Some(kind) = after_the(w, toks, name_start, end) {
            let span = match kind {
                MentionKind::Anonymous => span_of((name_start - 1).max(start), end),
                _ => span_of(name_start, end),
            };
            return Some(Mention {
                written: None,
                span,
                role: None,
                kind,
                first_token: start,
                end_token: end,
            });
        }
        let role = (name_start > start).then(|| span_of(start, name_start));
        let role = role.filter(|_| !w.is(&toks[start], DETERMINERS) || name_start - start > 1);
        return Some(Mention {
            written: None,
            span: span_of(name_start, end),
            role,
            kind: MentionKind::Name,
            first_token: start,
            end_token: end,
        });
    }
    let head_ok = !MODIFIERS.contains(&lower_last.as_str());
    if head_ok
        && (w.lexicon.anonymous_heads.contains(&lower_last)
            || w.lexicon.titles.contains(&lower_last))
    {
        return Some(Mention {
            written: None,
            span: span_of(start, end),
            role: None,
            kind: MentionKind::Anonymous,
            first_token: start,
            end_token: end,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::text::tokens::tokenize;

    fn toks(text: &str) -> Vec<Token> {
        let lex = Lexicon::builtin();
        let mut out = Vec::new();
        let abbr = |x: &str| {
            lex.honorifics.contains(&format!("{x}."))
                || lex.abbreviations.contains(&format!("{x}."))
        };
        tokenize(text, Span::new(0, text.len()), &[], &abbr, &mut out);
        out
    }

    #[test]
    fn a_home_state_after_of_is_not_the_speaker() {
        let (name, _, _) =
            before_verb("the mood soured when Sen. Dana Ruiz of New Hampshire said").unwrap();
        assert_eq!(name, "Dana Ruiz");
        // Not a place: the phrase stands as it is.
        let (name, _, _) = before_verb("the Secretary of State said").unwrap();
        assert_ne!(name, "");
    }

    #[test]
    fn a_name_inside_the_role_is_not_the_speaker() {
        let (name, _, role) = before_verb(
            "Giovanni Maria Vian, the editor of the Vatican's newspaper, L'Osservatore Romano, said",
        )
        .unwrap();
        assert_eq!(name, "Giovanni Maria Vian");
        assert_eq!(
            role.as_deref(),
            Some("the editor of the Vatican's newspaper")
        );
        // One apposition still names the speaker.
        let (name, _, _) = before_verb("the US secretary of state, John Kerry, said").unwrap();
        assert_eq!(name, "John Kerry");
    }

    #[test]
    fn a_headline_verb_alone_names_nobody() {
        assert_eq!(before_verb("Spurns offer, said"), None);
        assert_eq!(before_verb("Rebuffs said"), None);
        // A name is still a name.
        assert!(before_verb("Ruiz said").is_some());
    }

    #[test]
    fn a_business_name_is_an_organisation() {
        for text in [
            "Harbourview Paving said",
            "the World Bank said",
            "Acme Ltd. said",
        ] {
            let (_, kind, _) = before_verb(text).unwrap();
            assert_eq!(kind, MentionKind::Organisation, "{text}");
        }
        // Not a plain noun that can end a business's name.
        let (_, kind, _) = before_verb("Romney's associates said").unwrap();
        assert_ne!(kind, MentionKind::Organisation);
    }

    #[test]
    fn provinces_and_places_after_new_are_no_speakers() {
        assert_eq!(
            before_verb("the premiers of Nova Scotia and Manitoba called"),
            None
        );
        assert_eq!(before_verb("officials in New Brunswick said"), None);
        // More after the place: a body's name.
        let (name, _, _) = before_verb("the New Hampshire Union Leader said").unwrap();
        assert!(name.ends_with("Union Leader"), "{name}");
    }

    #[test]
    fn a_state_abbreviation_is_not_a_name() {
        assert_eq!(before_verb("killed in San Bernardino, Calif. said"), None);
    }

    #[test]
    fn where_it_was_said_is_not_who_said_it() {
        let (name, kind, _) = before_verb("Trump in his announcement speech called").unwrap();
        assert_eq!((name.as_str(), kind), ("Trump", MentionKind::Name));
    }

    #[test]
    fn age_and_home_town_after_the_name() {
        let (name, kind, _) = before_verb("Cory James, 22, of Flint, Mich., said").unwrap();
        assert_eq!((name.as_str(), kind), ("Cory James", MentionKind::Name));
        let (name, _, _) = before_verb("Ann Lee, of Des Moines, said").unwrap();
        assert_eq!(name, "Ann Lee");
    }

    fn before_verb(text: &str) -> Option<(String, MentionKind, Option<String>)> {
        let ts = toks(text);
        let w = Words::new(text, Lexicon::builtin());
        let v = ts.iter().position(|t| w.is_speech_verb(t)).unwrap();
        mention_before(&w, &ts, v, 0).map(|m| {
            (
                m.span.text(text).to_string(),
                m.kind,
                m.role.map(|r| r.text(text).to_string()),
            )
        })
    }

    #[test]
    fn a_common_noun_capitalised_before_a_given_name_is_a_role() {
        let who = |text: &str| before_verb(text).map(|(m, _, _)| m);
        assert_eq!(
            who("Critic Maya Okonjo wrote").as_deref(),
            Some("Maya Okonjo")
        );
        // A given name the lists miss, before one they know, stays.
        assert_eq!(
            who("Norbert Leo Butz said").as_deref(),
            Some("Norbert Leo Butz")
        );
    }

    #[test]
    fn a_name_described_as_a_body_is_that_body() {
        assert_eq!(
            before_verb("Akin Gump, the law firm representing the comedian, said"),
            Some((
                "Akin Gump".to_string(),
                MentionKind::Organisation,
                Some("the law firm representing the comedian".to_string())
            ))
        );
        // A person described by a body's role stays a person.
        assert_eq!(
            before_verb("Wajahat Ali, the group's founder, said").map(|m| m.1),
            Some(MentionKind::Name)
        );
        // So does a given name the lists know before a body's word.
        assert_eq!(
            before_verb("Maria Lopez, the union, said").map(|m| m.1),
            Some(MentionKind::Name)
        );
    }

    #[test]
    fn the_object_of_a_participle_is_not_the_subject() {
        let who = |text: &str| before_verb(text).map(|(m, _, _)| m);
        assert_eq!(
            who("A group representing local farmers said").as_deref(),
            Some("A group")
        );
        assert_eq!(
            who("A source working for the campaign said").as_deref(),
            Some("A source")
        );
        // A pronoun is a subject, and `during` is no participle.
        assert_eq!(
            who("Documents began circulating after it announced").as_deref(),
            Some("it")
        );
        assert_eq!(
            who("on a radio show during which callers asked").as_deref(),
            Some("callers")
        );
        // Before an apposition too.
        assert_eq!(
            who("The union representing highway workers, CUPE Local 1867, said").as_deref(),
            Some("The union")
        );
    }

    #[test]
    fn a_document_owned_by_a_body_or_person_speaks_for_it() {
        for (text, owner, kind) in [
            (
                "The Pentagon's statement said",
                "The Pentagon's",
                MentionKind::Organisation,
            ),
            (
                "the committee's final report said",
                "the committee's",
                MentionKind::Organisation,
            ),
            ("Trump's tweet said", "Trump's", MentionKind::Name),
        ] {
            let ts = toks(text);
            let w = Words::new(text, Lexicon::builtin());
            let m = mention_before(&w, &ts, ts.len() - 1, 0).unwrap();
            assert_eq!((m.span.text(text), m.kind), (owner, kind), "{text}");
            let written = m.written.map(|s| s.text(text));
            assert_eq!(written, Some(text.trim_end_matches(" said")));
        }
        // An owner that names nobody leaves the phrase as it is.
        let (name, kind, _) = before_verb("his statement said").unwrap();
        assert_eq!(
            (name.as_str(), kind),
            ("his statement", MentionKind::Anonymous)
        );
    }

    #[test]
    fn an_organisations_name_runs_over_of_for_and_on() {
        for (text, body) in [
            (
                "The Center for American Progress said",
                "The Center for American Progress",
            ),
            (
                "the Department of Homeland Security said",
                "the Department of Homeland Security",
            ),
            (
                "The Council on Foreign Relations said",
                "The Council on Foreign Relations",
            ),
        ] {
            assert_eq!(
                before_verb(text).map(|(n, k, _)| (n, k)),
                Some((body.to_string(), MentionKind::Organisation)),
                "{text}"
            );
        }
        // A title after the body's name is its holder's: the holder speaks.
        let (name, kind, _) = before_verb(
            "The Council on American-Islamic Relations Executive Director Nihad Awad said",
        )
        .unwrap();
        assert_eq!((name.as_str(), kind), ("Nihad Awad", MentionKind::Name));
        // A home after a person's name is no body.
        assert_eq!(
            before_verb("Sen. Dana Ruiz of New Hampshire said").map(|(n, _, _)| n),
            Some("Dana Ruiz".to_string())
        );
    }

    #[test]
    fn name_with_title_before_the_verb() {
        let (name, kind, role) = before_verb("Pentagon press secretary Peter Cook said").unwrap();
        assert_eq!((name.as_str(), kind), ("Peter Cook", MentionKind::Name));
        assert_eq!(role.as_deref(), Some("Pentagon press secretary"));
        let (name, _, role) =
            before_verb("Russian Defence Ministry spokesman Maj. Gen. Igor Konashenkov said")
                .unwrap();
        assert_eq!(name, "Igor Konashenkov");
        assert!(role.unwrap().contains("spokesman"));
    }

    #[test]
    fn apposition_either_way_round() {
        let (name, _, role) = before_verb("the US secretary of state, John Kerry, said").unwrap();
        assert_eq!(name, "John Kerry");
        assert_eq!(role.as_deref(), Some("the US secretary of state"));
        let (name, _, role) =
            before_verb("Peter Cook, the Pentagon press secretary, said").unwrap();
        assert_eq!(name, "Peter Cook");
        assert_eq!(role.as_deref(), Some("the Pentagon press secretary"));
    }

    #[test]
    fn ranks_written_without_a_dot_are_no_part_of_the_name() {
        let (name, _, role) = before_verb("Lt Col Alexander Vindman said").unwrap();
        assert_eq!(
            (name.as_str(), role.as_deref()),
            ("Alexander Vindman", Some("Lt Col"))
        );
        let (name, _, role) = before_verb("Prof Ann Dempsey said").unwrap();
        assert_eq!(
            (name.as_str(), role.as_deref()),
            ("Ann Dempsey", Some("Prof"))
        );
        // `Gen` is left out: a given name too.
        let (name, _, _) = before_verb("Gen Nakatani said").unwrap();
        assert_eq!(name, "Gen Nakatani");
    }

    #[test]
    fn a_person_before_a_title_with_a_name_speaks() {
        for (text, role) in [
            (
                "Michael Briggs, a spokesman for Sanders, said",
                "a spokesman for Sanders",
            ),
            (
                "Rob Goldman, president of Ascom North America, said",
                "president of Ascom North America",
            ),
            (
                "Sam Jacobs, Time's Assistant Managing Editor, explained",
                "Time's Assistant Managing Editor",
            ),
        ] {
            let (name, kind, got) = before_verb(text).unwrap();
            assert_eq!(
                (name.as_str(), kind, got.as_deref()),
                (
                    text.split(',').next().unwrap(),
                    MentionKind::Name,
                    Some(role)
                ),
                "{text}"
            );
        }
        // The phrase before is no person's name: the name inside speaks.
        let (name, _, _) = before_verb("Her spokesman, Nick Merrill, said").unwrap();
        assert_eq!(name, "Nick Merrill");
        let (name, _, _) = before_verb("Ascom North America, President Rob Goldman, said").unwrap();
        assert_eq!(name, "Rob Goldman");
        let (name, _, _) =
            before_verb("A letter to Ann Lee, a spokeswoman for Sanders, said").unwrap();
        assert_ne!(name, "Ann Lee");
    }

    #[test]
    fn pronouns_anonymous_sources_and_organisations() {
        assert_eq!(
            before_verb("he said").unwrap().1,
            MentionKind::Pronoun(Gender::Masculine)
        );
        assert_eq!(
            before_verb("A senior U.S. official said").unwrap().1,
            MentionKind::Anonymous
        );
        assert_eq!(
            before_verb("the Pentagon said").unwrap().1,
            MentionKind::Organisation
        );
        assert_eq!(
            before_verb("Russia's Defence Ministry said").unwrap().1,
            MentionKind::Organisation
        );
        assert_eq!(before_verb("Kerry also said").unwrap().0, "Kerry");
        // The agent of a participle is not the subject.
        assert_eq!(
            before_verb("An internal memo obtained by the Ledger said")
                .unwrap()
                .0,
            "An internal memo"
        );
        assert!(before_verb("Figures obtained by the Ledger said").is_none());
        assert!(before_verb("and then said").is_none());
        assert!(before_verb("the weather said").is_none());
    }

    #[test]
    fn a_place_begins_a_name_before_the_verb_when_more_of_the_name_follows() {
        let (span, kind, _) = before_verb("The New York Times reported").unwrap();
        assert_eq!(span, "The New York Times");
        assert_eq!(kind, MentionKind::Organisation);
        // A place that ends the phrase is not taken in, nor is its last
        // word a person (`York`).
        let got = before_verb("the governor of New York said");
        assert!(
            got.as_ref()
                .is_none_or(|(span, kind, _)| !span.contains("New") && *kind != MentionKind::Name),
            "{got:?}"
        );
    }

    #[test]
    fn an_organisation_and_a_place_before_a_title_after_the_verb_are_the_role() {
        for (text, name, role) in [
            (
                "\"We will sue,\" said Judicial Watch President Tom Fitton.",
                "Tom Fitton",
                "Judicial Watch President",
            ),
            (
                "\"It is over,\" said New Hampshire Gov. Maggie Hassan.",
                "Maggie Hassan",
                "New Hampshire Gov.",
            ),
        ] {
            let quotes = crate::extract::extract_quotes(text);
            let speaker = quotes[0].speaker.as_ref().unwrap();
            assert_eq!(speaker.name, name, "{text}");
            assert_eq!(speaker.role.as_deref(), Some(role), "{text}");
        }
        // A home after `of` is still no part of the name, and a title word
        // after a first name and an initial is a surname.
        let quotes = crate::extract::extract_quotes(
            "\"It is hard,\" said Representative Peter T. King of New York, who backs him.",
        );
        assert_eq!(quotes[0].speaker.as_ref().unwrap().name, "Peter T. King");
    }

    #[test]
    fn a_place_and_role_words_before_the_name_are_its_role() {
        let quotes = crate::extract::extract_quotes(
            "\"I would love to see him,\" New York attorney Eric Levine said of Trump.",
        );
        let speaker = quotes[0].speaker.as_ref().unwrap();
        assert_eq!(speaker.name, "Eric Levine");
        assert_eq!(speaker.role.as_deref(), Some("New York attorney"));
    }

    #[test]
    fn capitalised_words_before_role_words_qualify_the_role() {
        for (text, name, role) in [
            (
                "\"The biggest concern for me is the court,\" said Idaho nutritional-supplement executive Frank VanderSloot, who backed Rubio.",
                "Frank VanderSloot",
                "Idaho nutritional-supplement executive",
            ),
            (
                "\"It is over,\" said Clinton senior adviser John Podesta.",
                "John Podesta",
                "Clinton senior adviser",
            ),
            (
                "\"Twitter as we know it is over,\" said The Slate technology columnist David Auerbach.",
                "David Auerbach",
                "The Slate technology columnist",
            ),
        ] {
            let quotes = crate::extract::extract_quotes(text);
            let speaker = quotes[0].speaker.as_ref().unwrap();
            assert_eq!(speaker.name, name, "{text}");
            assert_eq!(speaker.role.as_deref(), Some(role), "{text}");
        }
        // No title before the next name: the capitalised word is the speaker.
        for (text, name) in [
            (
                "\"It is over,\" said Clinton on Tuesday in Iowa.",
                "Clinton",
            ),
            ("\"It is over,\" said Obama after meeting Kerry.", "Obama"),
            (
                "\"It is over,\" said Obama aide Valerie Jarrett.",
                "Valerie Jarrett",
            ),
        ] {
            let quotes = crate::extract::extract_quotes(text);
            assert_eq!(quotes[0].speaker.as_ref().unwrap().name, name, "{text}");
        }
        // `A campaign TV ad`: no capitalised word before the role words.
        let quotes = crate::extract::extract_quotes(
            "A campaign TV ad released Thursday accuses Trump of buying influence \"in a pattern of sleaze.\"",
        );
        assert!(
            quotes
                .iter()
                .all(|q| q.speaker.as_ref().is_none_or(|s| s.name != "TV"))
        );
    }

    #[test]
    fn a_party_before_role_words_describes_the_name_after_them() {
        for (text, name) in [
            (
                "\"It was never meant to be,\" said Republican political consultant Chris Russell.",
                "Chris Russell",
            ),
            (
                "Republican presidential front-runner Donald Trump is insisting that he has \"expanded the party,\" claiming credit for turnout.",
                "Donald Trump",
            ),
        ] {
            let quotes = crate::extract::extract_quotes(text);
            assert_eq!(quotes[0].speaker.as_ref().unwrap().name, name, "{text}");
        }
        // Alone, the party word is still an unnamed source.
        let quotes = crate::extract::extract_quotes("\"It is close,\" said one Republican.");
        let speaker = quotes[0].speaker.as_ref().unwrap();
        assert_eq!(speaker.kind, crate::record::SpeakerKind::Anonymous);
    }

    #[test]
    fn a_modifier_or_a_headline_verb_before_a_name_is_no_part_of_it() {
        for (text, name) in [
            (
                "\"Carson is cratering,\" said Texas-based Matt Mackowiak.",
                "Matt Mackowiak",
            ),
            (
                "\"I was shocked,\" said South Korean-born Monte Haines.",
                "Monte Haines",
            ),
            ("\"Really,\" said Co-anchor Norah Rowe.", "Norah Rowe"),
            // Three name words or more: a given name in -ing stays.
            ("\"It is over,\" said Irving Kristol.", "Irving Kristol"),
            // An inverted reporting verb or a plural title before the
            // name: the surname is the full name met before.
            (
                "Rosa Quill runs the fund.\n\nContinued Quill: \"We will rebuild.\"",
                "Rosa Quill",
            ),
            (
                "Rep. Dana Ruel spoke first.\n\n\"It passed,\" said Republicans Ruel and Amos.",
                "Dana Ruel",
            ),
        ] {
            let quotes = crate::extract::extract_quotes(text);
            assert_eq!(quotes[0].speaker.as_ref().unwrap().name, name, "{text}");
        }
    }

    #[test]
    fn a_news_outlet_named_by_one_word_is_an_organisation() {
        let quotes = crate::extract::extract_quotes(
            "Politico reveals a few facts: \"Of its voters, 30,290 are Democrats.\"",
        );
        let speaker = quotes[0].speaker.as_ref().unwrap();
        assert_eq!(
            (speaker.name.as_str(), speaker.kind),
            ("Politico", crate::record::SpeakerKind::Organisation)
        );
    }

    #[test]
    fn a_contraction_opening_a_sentence_is_no_name() {
        let quotes = crate::extract::extract_quotes(
            "I'm old enough to remember Jimmy Carter declaring a \"moral equivalent of war\" on oil.",
        );
        assert!(
            quotes
                .iter()
                .all(|q| q.speaker.as_ref().is_none_or(|s| s.name != "I'm")),
            "{quotes:?}"
        );
    }

    #[test]
    fn a_place_the_article_writes_as_a_surname_is_that_person() {
        let speakers = |text: &str| {
            crate::extract::extract_quotes(text)
                .into_iter()
                .map(|q| q.speaker.map(|s| s.name))
                .collect::<Vec<_>>()
        };
        let quote = "\"We were fighting for the front seats,\" Jordan said.";
        // Named in full above: the surname speaks.
        assert_eq!(
            speakers(&format!("Rep. Alan Jordan met the caucus.\n\n{quote}")),
            vec![Some("Alan Jordan".to_string())]
        );
        // Only as a country (or inside a longer name): no person.
        assert_eq!(speakers(&format!("Aid to Jordan rose.\n\n{quote}")), vec![]);
        assert_eq!(
            speakers(&format!("Rep. Alan Jordan Center opened.\n\n{quote}")),
            vec![]
        );
    }

    #[test]
    fn a_common_word_the_article_writes_as_a_surname_is_that_person() {
        let speakers = |text: &str| {
            crate::extract::extract_quotes(text)
                .into_iter()
                .map(|q| q.speaker.map(|s| s.name))
                .collect::<Vec<_>>()
        };
        // A preposition, a modal, a verb: each someone's surname here.
        for (intro, word, full) in [
            (
                "Al From, who founded the council, was blunt.",
                "From",
                "Al From",
            ),
            (
                "Columnist George Will renewed his feud.",
                "Will",
                "George Will",
            ),
            (
                "Chief executive Ian Read spoke on Monday.",
                "Read",
                "Ian Read",
            ),
        ] {
            let text = format!("{intro}\n\n\"We lost the middle,\" {word} said.");
            assert_eq!(speakers(&text), vec![Some(full.to_string())], "{text}");
        }
        // Not named so: the modal stays a modal, and a day after a given
        // name is a date.
        assert_eq!(
            speakers("\"We lost the middle,\" Will wrote."),
            vec![None::<String>; 0]
        );
        let named = speakers(
            "Ana Brill told Morning Joe Monday she would run.\n\n\"We lost the middle,\" Monday said.",
        );
        assert!(
            !named.iter().flatten().any(|n| n.contains("Monday")),
            "{named:?}"
        );
    }

    #[test]
    fn a_place_before_a_party_is_an_unnamed_source_not_a_name() {
        for (text, source) in [
            (
                "\"It is close,\" said a New Hampshire Republican.",
                "a New Hampshire Republican",
            ),
            (
                "\"It is close,\" said an Iowa Democrat.",
                "an Iowa Democrat",
            ),
            (
                "\"It is close,\" said one unaligned Florida Republican strategist.",
                "one unaligned Florida Republican strategist",
            ),
        ] {
            let quotes = crate::extract::extract_quotes(text);
            let speaker = quotes[0].speaker.as_ref().unwrap();
            assert_eq!(
                (speaker.text.as_str(), speaker.kind),
                (source, crate::record::SpeakerKind::Anonymous)
            );
        }
    }

    #[test]
    fn mention_after_an_inverted_verb() {
        let text = "said U.S. Secretary of State John Kerry, who";
        let ts = toks(text);
        let w = Words::new(text, Lexicon::builtin());
        let m = mention_after(&w, &ts, 1, ts.len()).unwrap();
        assert_eq!(m.span.text(text), "John Kerry");
        assert_eq!(m.role.unwrap().text(text), "U.S. Secretary of State");
        let text = "said the official, who";
        let ts = toks(text);
        let w = Words::new(text, Lexicon::builtin());
        let m = mention_after(&w, &ts, 1, ts.len()).unwrap();
        assert_eq!(
            (m.span.text(text), m.kind),
            ("the official", MentionKind::Anonymous)
        );
    }

    #[test]
    fn a_places_possessive_before_a_name_is_its_role() {
        let text = "said Florida\u{2019}s Rick Wilson, a consultant";
        let ts = toks(text);
        let w = Words::new(text, Lexicon::builtin());
        let m = mention_after(&w, &ts, 1, ts.len()).unwrap();
        assert_eq!(m.span.text(text), "Rick Wilson");
        assert_eq!(m.role.unwrap().text(text), "Florida\u{2019}s");
        // Someone's possessive still ends the phrase: his plan speaks not.
        let text = "said Trump's plan";
        let ts = toks(text);
        let w = Words::new(text, Lexicon::builtin());
        let m = mention_after(&w, &ts, 1, ts.len()).unwrap();
        assert_eq!(m.span.text(text), "Trump's");
    }

    #[test]
    fn a_name_after_the_is_a_body_not_a_person() {
        let before = |text: &str| {
            let ts = toks(text);
            let w = Words::new(text, Lexicon::builtin());
            let verb = ts.len() - 1;
            mention_before(&w, &ts, verb, 0).map(|m| (m.span.text(text).to_string(), m.kind))
        };
        let body = |name: &str| Some((name.to_string(), MentionKind::Organisation));
        assert_eq!(before("as The Blaze reported"), body("Blaze"));
        assert_eq!(
            before("Later the Daily Caller reported"),
            body("Daily Caller")
        );
        assert_eq!(before("The Vatican says"), body("Vatican"));
        // A people, no one person.
        assert_eq!(
            before("the Texan said"),
            Some(("the Texan".to_string(), MentionKind::Anonymous))
        );
        // Still a name: a party member described, a given name, the
        // surname of someone the article names, a name after a preposition.
        let name = |name: &str| Some((name.to_string(), MentionKind::Name));
        assert_eq!(
            before("the Wisconsin Republican said"),
            name("Wisconsin Republican")
        );
        assert_eq!(before("the Donald Trump said"), name("Donald Trump"));
        assert_eq!(
            before("Donald Trump spoke. Then the Trump said"),
            name("Trump")
        );
        assert_eq!(
            before("J.J. Goldberg, editor at large of The Forward, wrote").map(|m| m.0),
            Some("J.J. Goldberg".to_string())
        );
    }

    #[test]
    fn a_name_after_a_preposition_is_not_the_subject() {
        let before = |text: &str| {
            let ts = toks(text);
            let w = Words::new(text, Lexicon::builtin());
            let verb = ts.len() - 1;
            mention_before(&w, &ts, verb, 0).map(|m| m.span.text(text).to_string())
        };
        assert_eq!(
            before("A professor at Stanford said").as_deref(),
            Some("A professor")
        );
        assert_eq!(
            before("after a woman in Worcester told").as_deref(),
            Some("a woman")
        );
        // A place and its state inside an apposition: the name before it.
        assert_eq!(
            before("Dean Johnson, a salesman from Sumter, South Carolina, says").as_deref(),
            Some("Dean Johnson")
        );
        assert_eq!(
            before(
                "Swanson, who is a pastor at the Reformation Church of Elizabeth, Colorado, slammed"
            )
            .as_deref(),
            Some("Swanson")
        );
        // A share of them: the name stays.
        assert_eq!(before("42% of Ohioans say").as_deref(), Some("Ohioans"));
        // Before a participle the name is its subject; a title's preposition
        // goes on into the name.
        assert_eq!(before("a clip of McCain saying").as_deref(), Some("McCain"));
        assert_eq!(
            before("Speaker of the House Paul Ryan said").as_deref(),
            Some("Paul Ryan")
        );
    }

    #[test]
    fn two_roles_joined_by_and_describe_the_one_name_after_them() {
        let after = |text: &str| {
            let ts = toks(text);
            let w = Words::new(text, Lexicon::builtin());
            mention_after(&w, &ts, 1, ts.len()).map(|m| {
                (
                    m.span.text(text).to_string(),
                    m.role.map(|r| r.text(text).to_string()),
                )
            })
        };
        assert_eq!(
            after(
                "said former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell."
            ),
            Some((
                "Ed Rendell".to_string(),
                Some(
                    "former Pennsylvania Gov. and Democratic National Committee Chairman"
                        .to_string()
                )
            ))
        );
        assert_eq!(
            after("said Sen. and former Gov. Ed Rendell.")
                .map(|m| m.0)
                .as_deref(),
            Some("Ed Rendell")
        );
        // A name before `and` is a person of its own.
        assert_eq!(
            after("said Sen. Bob Casey and Gov. Tom Wolf.")
                .map(|m| m.0)
                .as_deref(),
            Some("Bob Casey")
        );
    }

    #[test]
    fn a_given_name_that_is_also_a_word_opens_a_name_after_a_cue() {
        let after = |text: &str| {
            let ts = toks(text);
            let w = Words::new(text, Lexicon::builtin());
            mention_after(&w, &ts, 1, ts.len()).map(|m| m.span.text(text).to_string())
        };
        assert_eq!(
            after("said Will Doyle, a professor").as_deref(),
            Some("Will Doyle")
        );
        // Not before a word that names nobody, nor when it is no given name.
        assert_eq!(after("said Will Not").as_deref(), None);
        assert_eq!(after("said Would Doyle").as_deref(), None);
    }

    #[test]
    fn words_between_who_and_the_verb_are_passed_over() {
        let text = "Beck, who has in the past described";
        let ts = toks(text);
        let w = Words::new(text, Lexicon::builtin());
        let m = mention_before(&w, &ts, ts.len() - 1, 0).unwrap();
        assert_eq!(m.span.text(text), "Beck");
        assert_eq!(m.written.unwrap().text(text), "who");
        // A pronoun or a name between them is the verb's own subject.
        let text = "refugees, who he speculates";
        let ts = toks(text);
        let w = Words::new(text, Lexicon::builtin());
        let m = mention_before(&w, &ts, ts.len() - 1, 0).unwrap();
        assert_eq!(m.span.text(text), "he");
        let text = "Beck, who said Trump described";
        let ts = toks(text);
        let w = Words::new(text, Lexicon::builtin());
        let m = mention_before(&w, &ts, ts.len() - 1, 0).unwrap();
        assert_eq!(m.span.text(text), "Trump");
    }

    #[test]
    fn a_dash_sets_off_who_unless_it_closes_an_aside() {
        let text = "front-runner Donald Trump - who previously said";
        let ts = toks(text);
        let w = Words::new(text, Lexicon::builtin());
        let m = mention_before(&w, &ts, ts.len() - 1, 0).unwrap();
        assert_eq!(m.span.text(text), "Donald Trump");
        assert_eq!(m.written.unwrap().text(text), "who");
        // `candidates — like Donald Trump — who say`: the candidates say it.
        let text = "candidates \u{2014} like front-runner Donald Trump \u{2014} who say";
        let ts = toks(text);
        let w = Words::new(text, Lexicon::builtin());
        let m = mention_before(&w, &ts, ts.len() - 1, 0);
        assert!(
            m.as_ref()
                .is_none_or(|m| m.span.text(text) != "Donald Trump"),
            "{m:?}"
        );
    }
}

#[cfg(test)]
mod loose_tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::text::tokens::tokenize;

    /// `text`'s tokens, no word an abbreviation.
    fn toks(text: &str) -> Vec<Token> {
        let mut toks = Vec::new();
        tokenize(text, Span::new(0, text.len()), &[], &|_| false, &mut toks);
        toks
    }

    #[test]
    fn loose_words_take_any_determiner_phrase() {
        let text = "One bystander said";
        let lex = Lexicon::builtin();
        let toks = toks(text);
        let w = Words::new(text, lex);
        assert!(mention_before(&w, &toks, 2, 0).is_none());
        let m = mention_before(&w.loose(), &toks, 2, 0).unwrap();
        assert_eq!(
            (m.span.text(text), m.kind),
            ("One bystander", MentionKind::Anonymous)
        );
    }

    #[test]
    fn a_part_of_a_group_is_an_unnamed_source() {
        let lex = Lexicon::builtin();
        let read = |text: &str| {
            let toks = toks(text);
            let w = Words::new(text, lex);
            partitive_after(&w, &toks, 1, toks.len())
                .map(|m| (m.span.text(text).to_string(), m.kind))
        };
        let anon = |s: &str| Some((s.to_string(), MentionKind::Anonymous));
        assert_eq!(
            read("said one of those advisers, who spoke"),
            anon("one of those advisers")
        );
        assert_eq!(read("said some of them."), anon("some of them"));
        assert_eq!(
            read("said one of Trump's closest aides."),
            anon("one of Trump's closest aides")
        );
        // Not a part of a group: a number of things, a lone determiner.
        assert_eq!(read("said one of 12 cases"), None);
        assert_eq!(read("said one day"), None);
    }

    #[test]
    fn a_poll_speaks_for_the_share_of_a_group_it_asked() {
        let lex = Lexicon::builtin();
        // The poll named anywhere in the sentence of a share speaking at `verb`.
        let read = |text: &str, verb: &str| {
            let toks = toks(text);
            let w = Words::new(text, lex);
            let v = toks.iter().position(|t| t.span.text(text) == verb).unwrap();
            let m = mention_before(&w, &toks, v, 0)?;
            poll_for_respondents(&w, &toks, &m, 0, toks.len())
                .map(|p| p.span.text(text).to_string())
        };
        assert_eq!(
            read(
                "In a September Washington Post-ABC News poll, 75 percent of Republicans said politicians lie",
                "said"
            ),
            Some("a September Washington Post-ABC News poll".into())
        );
        assert_eq!(
            read(
                "Six in 10 Republicans said the delegates should decide, a fresh CNN-ORC poll found",
                "said"
            ),
            Some("a fresh CNN-ORC poll".into())
        );
        assert_eq!(
            read(
                "The poll has bad news for Bush: 25 percent of likely Republican voters say they would not back him",
                "say"
            ),
            Some("The poll".into())
        );
        // A group that is no share of one, or no poll named: nothing.
        assert_eq!(
            read("In a new poll, Republicans said politicians lie", "said"),
            None
        );
        assert_eq!(
            read("Most of the senators said the bill would pass", "said"),
            None
        );
    }

    #[test]
    fn a_relative_clause_has_its_own_subject() {
        let lex = Lexicon::builtin();
        let read = |text: &str| {
            let toks = toks(text);
            let w = Words::new(text, lex);
            let v = toks.iter().rposition(|t| w.is_speech_verb(t)).unwrap();
            relative_subject_before(&w, &toks, v, 0).map(|m| m.span.text(text).to_string())
        };
        assert_eq!(
            read("Mukasey criticized her email use, which an FBI investigation said was careless"),
            Some("an FBI investigation".into())
        );
        // A clause after "that", or words no noun phrase has: not a subject.
        assert_eq!(
            read("Carson stated that the United States should formally declare war"),
            None
        );
        assert_eq!(
            read("the plan, which the senator quickly said was dead"),
            None
        );
    }

    #[test]
    fn a_document_speaks_for_its_issuer() {
        let lex = Lexicon::builtin();
        let read = |text: &str| {
            let toks = toks(text);
            let w = Words::new(text, lex);
            document_phrase(&w, &toks, 0, toks.len()).map(|m| {
                (
                    m.written.unwrap().text(text).to_string(),
                    m.span.text(text).to_string(),
                    m.kind,
                )
            })
        };
        assert_eq!(
            read("a statement from the Mayor's Office said"),
            Some((
                "a statement from the Mayor's Office".into(),
                "Mayor's Office".into(),
                MentionKind::Organisation
            ))
        );
        assert_eq!(
            read("an email from Neera Tanden said"),
            Some((
                "an email from Neera Tanden".into(),
                "Neera Tanden".into(),
                MentionKind::Name
            ))
        );
        assert_eq!(
            read("a 2009 report released by the governor's office"),
            Some((
                "a 2009 report released by the governor's office".into(),
                "the governor's office".into(),
                MentionKind::Anonymous
            ))
        );
        // Who obtained a document did not write it; a report alone names
        // no issuer.
        assert_eq!(read("a memo obtained by The Ledger"), None);
        assert_eq!(read("the report said"), None);
    }
}
