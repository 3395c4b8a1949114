//! A mention turned into the speaker it names: a name as written or
//! expanded to the full name met earlier, a pronoun or a role pointed back
//! at a person, an organisation without its article.

pub(crate) use super::names::titled_somewhere;
use super::names::{
    NameIndex, People, clean_name, common_words_only, ends_in_a_body, honorific_gender,
    only_demonyms, sole_non_relative,
};
use crate::article::sentence::sentence_around;
use crate::attribution::mention::{Mention, MentionKind};
use crate::attribution::patterns::Attribution;
use crate::lexicon::{Gender, NameGenders, with_lower};
use crate::record::{Speaker, SpeakerKind};
use crate::text::classes::{LowerWords, stands_alone};
use crate::text::tokens::web_address;
use crate::text::words::Words;

/// What the mention turned out to be once resolved in [`speaker`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mentioned {
    /// A name, organisation or anonymous phrase, taken as written.
    AsWritten,
    /// `he`/`she` pointed back at a person.
    Pronoun,
    /// `the secretary` pointed back at a person.
    Role,
    /// A pronoun or role that points at nobody named.
    Unresolved,
}

/// The speaker a mention names, resolved within the article, and what
/// the mention turned out to be.
pub fn speaker(
    text: &str,
    words: &Words,
    names: &NameIndex,
    people: &People,
    a: &Attribution,
) -> (Speaker, Mentioned) {
    let m = &a.mention;
    let written = m.span.text(text);
    let (name, kind, mentioned) = match m.kind {
        MentionKind::Name => {
            let clean = clean_name(words, written);
            let name = if let Some(full) = holder_of_title(words, names, written, m.span.end) {
                full.to_string()
            } else if clean.contains(' ') {
                clean
            } else {
                let gender = honorific_gender(&text[..m.span.start]);
                shared_surname(words, names, people, &clean, m.span.start, gender)
                    .unwrap_or_else(|| names.expand(&clean, m.span.start))
                    .map_or(clean, str::to_string)
            };
            let kind = if only_demonyms(&name) {
                SpeakerKind::Anonymous
            // `Take-Two` expanded to `Take-Two Interactive`: the body's.
            } else if common_words_only(&name) || name.contains(' ') && ends_in_a_body(words, &name)
            {
                SpeakerKind::Organisation
            } else if name.contains(' ') {
                SpeakerKind::Person
            } else if m.role.is_some_and(|r| names_a_body(words, r.text(text))) {
                SpeakerKind::Organisation
            } else {
                one_word_kind(text, words.lower_words, &name)
            };
            (name, kind, Mentioned::AsWritten)
        }
        MentionKind::Pronoun(g) => match resolve_pronoun(text, people, m.span.start, g) {
            // Only "he" and "she" point back at a person; "it", "they",
            // "I" and "we" stay as written.
            Some(n) if matches!(g, Gender::Masculine | Gender::Feminine) => {
                (n.to_string(), SpeakerKind::Person, Mentioned::Pronoun)
            }
            _ => (
                written.to_string(),
                SpeakerKind::Anonymous,
                Mentioned::Unresolved,
            ),
        },
        MentionKind::Anonymous => match role_reference(words, written) {
            Some(r) => match people.resolve_role(
                m.span.start,
                words.lexicon.full_title(&r.to_lowercase()),
                (party_of(words, written), &places_of(words, written)),
                &words.lexicon.parties,
            ) {
                Some(n) => (n.to_string(), SpeakerKind::Person, Mentioned::Role),
                None => (
                    written.to_string(),
                    SpeakerKind::Anonymous,
                    Mentioned::Unresolved,
                ),
            },
            None => (
                written.to_string(),
                SpeakerKind::Anonymous,
                Mentioned::AsWritten,
            ),
        },
        // "the Pentagon" is the Pentagon wherever it is named; "her
        // campaign" is the campaign of whoever "her" is.
        MentionKind::Organisation => match owner_pronoun(written)
            .and_then(|(g, head)| Some((people.resolve(m.span.start, g)?, head)))
        {
            Some((owner, head)) => (
                format!("{owner}'s {head}"),
                SpeakerKind::Organisation,
                Mentioned::Pronoun,
            ),
            None => match body_named_before(words, text, written, m.span.start) {
                // Expanded as a surname is to its full name: as written.
                Some(full) => (full, SpeakerKind::Organisation, Mentioned::AsWritten),
                // `The Pentagon's statement`: the body, not its possessive.
                None => (
                    Words::bare(strip_article(written)).to_string(),
                    SpeakerKind::Organisation,
                    Mentioned::AsWritten,
                ),
            },
        },
    };
    // The mention as the attribution points at it (`who`), the name as
    // resolved from the phrase it stands for.
    let pointed = m.written.unwrap_or(m.span);
    let speaker = Speaker {
        start: pointed.start,
        end: pointed.end,
        text: pointed.text(text).to_string(),
        name,
        kind,
        role: m.role.map(|r| r.text(text).to_string()),
    };
    (speaker, mentioned)
}

/// `the service` after `The Regina Police Service said`: a body named by
/// its head noun alone is the latest body named before `pos` whose full
/// name, capitalised words, ends in that noun (`the department` after the
/// Justice Department).
fn body_named_before(words: &Words, text: &str, written: &str, pos: usize) -> Option<String> {
    let head = written
        .strip_prefix("the ")
        .or_else(|| written.strip_prefix("The "))?;
    // Not `the party`, as often the party of the story as the last one
    // named (`the White People's Party`).
    if head.contains(' ')
        || head == "party"
        || !head.starts_with(|c: char| c.is_ascii_lowercase())
        || !words.lexicon.organisations.contains(head)
    {
        return None;
    }
    let mut capitalised = head.to_string();
    capitalised[..1].make_ascii_uppercase();
    // A capitalised word of the name, no line break or clause mark in it.
    let name_word = |x: &str| {
        x.starts_with(|c: char| c.is_uppercase())
            && !x.contains(|c: char| c.is_whitespace() || ",;:!?\"“”".contains(c))
    };
    let before = &text[..pos];
    let mut end = before.len();
    // A few occurrences back at most: an article of thousands of the word
    // must not make each mention read it all.
    for _ in 0..8 {
        let at = before[..end].rfind(capitalised.as_str())?;
        end = at;
        let after = before[at + capitalised.len()..].chars().next();
        // The head must be a whole word: `Services` is no `Service`.
        if after.is_some_and(char::is_alphanumeric) || !before[..at].ends_with(' ') && at > 0 {
            continue;
        }
        // The capitalised words right before the head, not a determiner.
        let lead: Vec<&str> = before[..at]
            .split(' ')
            .rev()
            .skip(1)
            .take_while(|x| name_word(x) && !with_lower(x, |l| words.lexicon.non_names.contains(l)))
            .collect();
        // `Department of Homeland Security`, `Illinois Board of Elections`:
        // capitalised words after "of" are the name's too.
        let rest = &before[at + capitalised.len()..];
        let mut tail: Vec<&str> = Vec::new();
        for x in rest.strip_prefix(" of ").map_or("", |r| r).split(' ') {
            // `Board of Elections, which ruled`: a clause mark ends the
            // name after its word.
            let word = x.trim_end_matches([',', ';', ':']);
            if !name_word(word) {
                break;
            }
            tail.push(word);
            // `of Justice.`: the sentence ends there.
            if word.len() < x.len() || word.ends_with('.') && word.matches('.').count() == 1 {
                break;
            }
        }
        if lead.is_empty() && tail.is_empty() {
            continue;
        }
        // `the trade group for the Blue Cross plans ... the group wrote`
        // after `UnitedHealth Group`: a nearer body described in lower case
        // is the one meant, and it has no name (a bare `the group` again
        // is the same reference).
        let nearer = rest.match_indices(head).any(|(k, _)| {
            let word_start = k == 0 || !rest[..k].ends_with(char::is_alphanumeric);
            let word_end = !rest[k + head.len()..].starts_with(char::is_alphanumeric);
            let bare = rest[..k].ends_with("the ") || rest[..k].ends_with("The ");
            word_start && word_end && !bare
        });
        if nearer {
            return None;
        }
        let from = at - lead.iter().map(|x| x.len() + 1).sum::<usize>();
        let to = at
            + capitalised.len()
            + if tail.is_empty() {
                0
            } else {
                " of ".len() + tail.iter().map(|x| x.len() + 1).sum::<usize>() - 1
            };
        let name = Words::bare(&before[from..to]);
        // A full stop after the last word is the sentence's (`... of
        // Justice.`), a dot inside it the name's (`U.S.`).
        let name = match name.strip_suffix('.') {
            Some(cut) if !cut.rsplit(' ').next().is_some_and(|w| w.contains('.')) => cut,
            _ => name,
        };
        return Some(name.to_string());
    }
    None
}

/// What a one-word name that no full name in the article explains is:
/// an acronym (`FBI`, `DNC`), a web address (`Factcheck.org`) or a brand
/// written with a capital inside (`WikiLeaks`, `HuffPost`) is an
/// organisation; a word the article also writes in lower case (`Good`,
/// `Fight`, `Estimates` opening a sentence), a people's name (`Americans`,
/// `Mexican`, `Russians`), a common word of news
/// (`grammar/common_words.txt`) or a lone letter (`Q`, an interview's
/// label) is nobody in particular; anything else a person, as before. Kept
/// as a person, each became one "person" across every article that used
/// it.
fn one_word_kind(text: &str, lower_words: Option<&LowerWords>, name: &str) -> SpeakerKind {
    let bare = name.trim_end_matches(['.', ',']);
    let letters = bare.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 2 && bare.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()) {
        return SpeakerKind::Organisation;
    }
    if web_address(bare) || capital_inside(bare) {
        return SpeakerKind::Organisation;
    }
    if letters == 1 {
        return SpeakerKind::Anonymous;
    }
    let lower = bare.to_lowercase();
    // `Forty-one`: a count of people, nobody in particular.
    if lower.split('-').all(is_number_word) {
        return SpeakerKind::Anonymous;
    }
    // `Americans`, `Russians`, `Chinese`: not `Evans` or `Hayes`.
    let a_people = lower.len() > 6 && (lower.ends_with("ians") || lower.ends_with("ese"))
        || lower.len() > 7 && lower.ends_with("cans");
    if a_people
        || written_in_lower_case(text, lower_words, &lower)
        || capitalised_as_it_opens(text, bare)
    {
        SpeakerKind::Anonymous
    } else {
        SpeakerKind::Person
    }
}

/// `Xinhua, the official Chinese news agency,`: a one-word name the
/// article itself describes with an organisation's head word
/// (`grammar/organisations.txt`) is that organisation, not a person. The
/// description is a noun phrase: opened by an article, or a few words
/// (`news site`); not a clause the role words ran on into (`defended his
/// father Tuesday on Facebook`).
fn names_a_body(words: &Words, role: &str) -> bool {
    let role: Vec<&str> = role.trim_end_matches([',', '.']).split(' ').collect();
    let noun_phrase = role.len() <= 3 || matches!(role[0], "the" | "The" | "a" | "A" | "an" | "An");
    let head = role[role.len() - 1];
    noun_phrase && with_lower(head, |h| words.lexicon.organisations.contains(h))
}

/// `forty`, `one`, `hundred`: a number written as a word.
fn is_number_word(word: &str) -> bool {
    const NUMBERS: &[&str] = &[
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
        "dozen",
    ];
    NUMBERS.contains(&word)
}

/// Whether `lower` stands in the article as a word in lower case: asked
/// of the article's [`LowerWords`] when the caller keeps them (which index
/// the text when asked often), else searched for.
/// `WikiLeaks`, `HuffPost`, `CrowdTangle`: a capital after a lower-case
/// letter inside a word, as brands write it. Not a surname's prefix
/// (`McConnell`, `MacArthur`, `DeSantis`, `LaHood`, `DiCaprio`, `VanDyke`)
/// nor after an apostrophe or hyphen (`O'Malley`, `Ocasio-Cortez`).
fn capital_inside(word: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von",
    ];
    let b = word.as_bytes();
    (2..b.len()).any(|k| {
        b[k].is_ascii_uppercase()
            && b[k - 1].is_ascii_lowercase()
            && b[0].is_ascii_uppercase()
            && !PREFIXES.contains(&&word[..k])
    })
}

/// A one-word name that is a common noun or word capitalised because it
/// opens a sentence: a plural the article capitalises only there
/// ([`plural_opening_sentences`]), or a word news writes in lower case
/// (`Initial estimates put`, `Accurate or not`, `Unless`;
/// `grammar/common_words.txt`).
pub fn capitalised_as_it_opens(text: &str, name: &str) -> bool {
    plural_opening_sentences(text, name)
        || with_lower(name, |lower| crate::lexicon::common_words().contains(lower))
}

/// `Boos rained down`, `Mourners say`, `Projections suggest`: a plural
/// (a word in `s`, not `ss`) that the article capitalises only where a
/// sentence or paragraph opens is a common noun, capitalised for its
/// place: people or things, no one person. A surname stands somewhere
/// else too (`Keidis continued` after a quote).
fn plural_opening_sentences(text: &str, word: &str) -> bool {
    if word.len() < 4 || !word.ends_with('s') || word.ends_with("ss") {
        return false;
    }
    let opens_sentence = |at: usize| {
        let before = text[..at].trim_end_matches([' ', '\u{a0}']);
        before.is_empty() || before.ends_with(['.', '!', '?', ':', '\n'])
    };
    let alphanumeric = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut written = text.match_indices(word).filter(|&(at, _)| {
        !alphanumeric(text[..at].chars().next_back())
            && !alphanumeric(text[at + word.len()..].chars().next())
    });
    let first = written.next();
    first.is_some_and(|(at, _)| opens_sentence(at)) && written.all(|(at, _)| opens_sentence(at))
}

fn written_in_lower_case(text: &str, lower_words: Option<&LowerWords>, lower: &str) -> bool {
    if lower.is_empty() || lower.chars().next().is_some_and(|c| !c.is_alphabetic()) {
        return false;
    }
    match lower_words {
        Some(lw) => lw.stands_alone(lower),
        None => stands_alone(text, lower),
    }
}

/// Does any quote's speaker need the article's full names (a one-word
/// name to expand), or its people (a pronoun or a role to point back)?
/// Mirrors the lookups of [`speaker`]; without them the index
/// and the people are never asked, so they need not be built.
pub fn resolution_needed<'m>(
    words: &Words,
    mentions: impl IntoIterator<Item = &'m Mention>,
) -> (bool, bool) {
    let mut names = false;
    let mut people = false;
    for m in mentions {
        let written = m.span.text(words.text);
        match m.kind {
            MentionKind::Name => {
                names |=
                    !clean_name(words, written).contains(' ') || ends_with_title(words, written)
            }
            MentionKind::Pronoun(_) => people = true,
            MentionKind::Anonymous => people |= role_reference(words, written).is_some(),
            MentionKind::Organisation => people |= owner_pronoun(written).is_some(),
        }
    }
    (names || people, people)
}

/// Gender shown by the mention itself: a pronoun, or `Mr.`/`Mrs.`/`Ms.`.
pub fn gender_of(words: &Words, a: &Attribution) -> Option<Gender> {
    let m = &a.mention;
    if let MentionKind::Pronoun(g) = m.kind {
        return Some(g);
    }
    let role = m.role.map(|r| r.text(words.text)).unwrap_or_default();
    let from = (m.span.start.saturating_sub(6)..=m.span.start)
        .find(|&i| words.text.is_char_boundary(i))
        .unwrap_or(m.span.start);
    let before = &words.text[from..m.span.start];
    let honorific = format!("{role} {before}");
    if honorific.contains("Mr.") || honorific.contains("Mr ") {
        Some(Gender::Masculine)
    } else if honorific.contains("Mrs") || honorific.contains("Ms.") || honorific.contains("Ms ") {
        Some(Gender::Feminine)
    } else {
        None
    }
}

/// `the secretary`, `the former governor`: a definite role that points back
/// at someone named with it. Returns the role word. `the official` and
/// plural heads stay anonymous.
/// The party a mention's own words name (`the GOP front-runner`), as its
/// line in `grammar/parties.txt`.
fn party_of(words: &Words, mention: &str) -> Option<usize> {
    mention
        .split_whitespace()
        .find_map(|w| words.lexicon.parties.get(&w.to_lowercase()).copied())
}

/// The place or body a role mention names, lower case: `the Florida
/// senator` gives `florida`, `the New Jersey governor` `new` and `jersey`;
/// the first word, titles, parties' words and words for a people (`the
/// Mexican president`, whom an article seldom writes beside "Mexico") are
/// not it.
fn places_of(words: &Words, mention: &str) -> Vec<String> {
    mention
        .split_whitespace()
        .skip(1)
        .filter(|w| w.starts_with(char::is_uppercase))
        .map(str::to_lowercase)
        .filter(|w| {
            !words.lexicon.titles.contains(w)
                && !words.lexicon.parties.contains_key(w)
                && !crate::lexicon::demonyms().contains(w)
        })
        .collect()
}

/// The person a pronoun at `pos` points back at. After `NAME, whom` it
/// is someone other than that name (`Rubio said ... of Trump, whom he
/// called "a con artist"`): the one the text points to before the name,
/// when named in the same sentence (the clause's subject); else nobody
/// (`Will called for ... Chris Christie, whom he describes`, where "Will"
/// is no name the article lists, is not the Trump of a paragraph above).
fn resolve_pronoun<'p>(text: &str, people: &'p People, pos: usize, g: Gender) -> Option<&'p str> {
    let found = people.resolve(pos, g)?;
    let comma = text[..pos]
        .trim_end()
        .strip_suffix("whom")
        .map(str::trim_end)
        .and_then(|t| t.strip_suffix(','))
        .map(str::len);
    match comma.and_then(|c| people.named_right_before(text, c)) {
        Some((named, at)) if named == found => people.resolve(at, g).filter(|other| {
            // The export's sentence finder: quoted words inside the
            // sentence do not end it, as they do for the name index.
            let start = sentence_around(text, at, at).map_or(at, |(s, _)| s);
            people.named_between(other, start, at)
        }),
        _ => Some(found),
    }
}

fn role_reference<'t>(words: &Words, mention: &'t str) -> Option<&'t str> {
    let rest = mention
        .strip_prefix("the ")
        .or_else(|| mention.strip_prefix("The "))?;
    let head = rest.rsplit(' ').next()?;
    let lower = head.to_lowercase();
    let anonymous = words.lexicon.anonymous_heads.contains(&lower)
        && !matches!(
            lower.as_str(),
            "secretary"
                | "president"
                | "chairman"
                | "director"
                | "spokesman"
                | "spokeswoman"
                | "senator"
                | "governor"
                | "mayor"
                | "minister"
                | "judge"
                | "candidate"
                | "nominee"
        );
    (words.lexicon.titles.contains(&lower) && !anonymous).then_some(head)
}

/// The gender of the possessive pronoun an organisation mention starts
/// with, and the rest of the mention: "his campaign" is (masculine,
/// "campaign"). Only "his" and "her": "their campaign" names no one person.
fn owner_pronoun(mention: &str) -> Option<(Gender, &str)> {
    let (first, rest) = mention.split_once(' ')?;
    let gender = match first {
        "his" | "His" => Gender::Masculine,
        "her" | "Her" => Gender::Feminine,
        _ => return None,
    };
    let rest = rest.trim();
    (!rest.is_empty()).then_some((gender, rest))
}

fn strip_article(name: &str) -> &str {
    for article in ["the ", "The "] {
        if let Some(rest) = name.strip_prefix(article) {
            return rest;
        }
    }
    name
}

/// Who a bare surname is when the article names several people with it
/// ("Hillary Clinton", "Bill Clinton"): `None` when it names one (then the
/// nearest full name, as for any surname); else the full name written in
/// the same paragraph before it ("Jeb Bush told ... Bush said"), unless a
/// courtesy title says another gender than the article shows for it;
/// else, with a courtesy title ("Mrs. Clinton", "Mr. Khan"), the nearest
/// whose given name has the title's gender (`grammar/given_name_genders.txt`),
/// or `Some(None)`: the surname stays as written rather than become the
/// wrong person. The nearest full name alone gave Bill Clinton his wife's
/// quotes, Ivana and Fred Trump Donald's, Humayun Khan his parents'.
fn shared_surname<'a>(
    words: &Words,
    names: &'a NameIndex,
    people: &People,
    surname: &str,
    pos: usize,
    honorific: Option<Gender>,
) -> Option<Option<&'a str>> {
    let text = words.text;
    // A person's name: a given name, perhaps a middle one, the surname.
    // Longer runs are headlines ("NYTimes Casually Conflates Ted Cruz"),
    // a title is no given name ("Senators Rubio"), nor are initials (a
    // firm's "L.H. Meyer").
    let personal = |name: &&str| {
        let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
        let singular = first.strip_suffix('s').unwrap_or(&first);
        name.split_whitespace().count() <= 3
            && !first.contains('.')
            && !words.lexicon.titles.contains(&first)
            && !words.lexicon.titles.contains(singular)
    };
    // Each question below reads the candidates only as far as it must: a
    // page may name hundreds of people of one surname.
    let with_surname = names.with_surname(surname, pos);
    let candidates = || with_surname.iter().copied().filter(personal);
    // A name the article introduces as someone's relative ("his father,
    // Brent Bozell, Jr.", "her husband, Bill Clinton") is not whom the bare
    // surname stands for when one other person of the name is there:
    // the article is about that one. A courtesy title says which of the
    // family is meant better than this does.
    if honorific.is_none()
        && let Some(only) = sole_non_relative(words, names, candidates())
    {
        return Some(Some(only));
    }
    let given = |name: &str| name.split_whitespace().next().map(str::to_lowercase);
    let first = candidates().next();
    let first_given = first.and_then(given);
    let several = candidates().any(|c| given(c) != first_given);
    if !several {
        return None;
    }
    if let Some(nearest) = first
        && let Some(at) = names.last_before(nearest, pos)
        && !text[at..pos].contains('\n')
        && honorific.is_none_or(|g| people.gender(nearest).is_none_or(|known| known == g))
    {
        return Some(Some(nearest));
    }
    // Only a courtesy title says the nearest full name may be the wrong
    // one of the family, and the given name says which fits it: the
    // article's pronouns cannot (they were counted for the nearest full
    // name too, so the husband "she" followed is "she"). A given name the
    // list does not know leaves the surname as written.
    let gender = honorific?;
    let genders = NameGenders::builtin();
    Some(candidates().find(|name| {
        name.split_whitespace()
            .next()
            .and_then(|given| genders.of(given))
            == Some(gender)
    }))
}

/// `CNN President` (a headline's speaker) when the article goes on to
/// write `CNN President Jeff Zucker`: a body and a title used as a name
/// stand for the person the article gives them to. `end` is where the
/// mention ends; the first later place the same words stand before a
/// full name decides.
fn holder_of_title<'a>(
    words: &Words,
    names: &'a NameIndex,
    written: &str,
    end: usize,
) -> Option<&'a str> {
    if !ends_with_title(words, written) {
        return None;
    }
    names.after_words(words.text, written, end)
}

/// `CNN President`: more than one word, the last a title.
fn ends_with_title(words: &Words, written: &str) -> bool {
    written
        .rsplit_once(' ')
        .is_some_and(|(_, last)| words.lexicon.titles.contains(&last.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    #[test]
    fn his_or_her_names_the_owner_of_an_organisation() {
        assert_eq!(
            owner_pronoun("His administration"),
            Some((Gender::Masculine, "administration"))
        );
        assert_eq!(owner_pronoun("the campaign"), None);
    }

    #[test]
    fn a_body_named_by_its_head_noun_is_the_one_named_before() {
        let w = |text| Words::new(text, Lexicon::builtin());
        let text = "The Regina Police Service said it would review the ruling. It was\n\nfine, the service said.";
        let at = text.find("the service").unwrap();
        assert_eq!(
            body_named_before(&w(text), text, "the service", at).as_deref(),
            Some("Regina Police Service")
        );
        // A nearer body described in lower case is the one meant.
        let text = "UnitedHealth Group left. The trade group for the plans spoke; the group said.";
        let at = text.find("the group said").unwrap();
        assert_eq!(body_named_before(&w(text), text, "the group", at), None);
        // Words after "of" are the name's; the sentence's full stop not.
        let text = "A spokesman for the Department of Justice. It was fine, the department said.";
        let board = "The Illinois Board of Elections, which ruled, was fine, the board said.";
        let at = board.find("the board said").unwrap();
        assert_eq!(
            body_named_before(&w(board), board, "the board", at).as_deref(),
            Some("Illinois Board of Elections")
        );
        let at = text.find("the department said").unwrap();
        assert_eq!(
            body_named_before(&w(text), text, "the department", at).as_deref(),
            Some("Department of Justice")
        );
        // Not across a paragraph, nor from a determiner.
        let text = "Muslim Ban.\n\nThe City Council voted. Then the council said.";
        let at = text.find("the council").unwrap();
        assert_eq!(
            body_named_before(&w(text), text, "the council", at).as_deref(),
            Some("City Council")
        );
    }

    #[test]
    fn a_one_word_name_may_be_a_body_or_nobody_in_particular() {
        let text = "Good news, the report said. The FBI agreed.";
        let kind = |text, name| one_word_kind(text, None, name);
        assert_eq!(kind(text, "FBI"), SpeakerKind::Organisation);
        assert_eq!(kind(text, "Americans"), SpeakerKind::Anonymous);
        assert_eq!(kind(text, "Forty-one"), SpeakerKind::Anonymous);
        // "Good" opens a sentence here, and is written in lower case too.
        assert_eq!(
            kind("Good said it was a good day.", "Good"),
            SpeakerKind::Anonymous
        );
        assert_eq!(kind(text, "Brandt"), SpeakerKind::Person);
        assert_eq!(kind(text, "Evans"), SpeakerKind::Person);
        // A plural capitalised only where sentences open is a common noun;
        // a surname in `s` stands elsewhere too.
        let boos = "It was loud.\n\nBoos rained down. Mourners say so. Boos again.";
        assert_eq!(kind(boos, "Boos"), SpeakerKind::Anonymous);
        assert_eq!(kind(boos, "Mourners"), SpeakerKind::Anonymous);
        let evans = "Evans spoke. \"Fine,\" Evans said.";
        assert_eq!(kind(evans, "Evans"), SpeakerKind::Person);
        assert_eq!(kind("Ross said so.", "Ross"), SpeakerKind::Person);
        // A common word of news (grammar/common_words.txt) opening a
        // sentence; a surname that is also a word is capitalised often.
        assert_eq!(
            kind("Initial estimates put it at 55,000.", "Initial"),
            SpeakerKind::Anonymous
        );
        assert_eq!(kind("Bush said so.", "Bush"), SpeakerKind::Person);
        // Sites and brands; surnames with a prefix stay people.
        for body in ["Factcheck.org", "Tchadinfos.com.", "WikiLeaks", "HuffPost"] {
            assert_eq!(kind(text, body), SpeakerKind::Organisation, "{body}");
        }
        for person in ["McConnell", "DeSantis", "LaHood", "O'Malley"] {
            assert_eq!(kind(text, person), SpeakerKind::Person, "{person}");
        }
        assert_eq!(kind("Q: Why?", "Q"), SpeakerKind::Anonymous);
    }

    #[test]
    fn the_pronoun_after_a_name_and_whom_is_someone_else() {
        let who = |text: &str| {
            crate::extract::extract_quotes(text)
                .into_iter()
                .map(|q| q.speaker.map(|s| s.name))
                .collect::<Vec<_>>()
        };
        // The sentence's subject, past quoted words inside the sentence.
        let text = "Marco Rubio spoke in Miami. Donald Trump was not there.\n\nRubio said he had begun \u{201c}to unmask the true nature\u{201d} of Trump, whom he called a \u{201c}con artist.\u{201d}";
        assert_eq!(who(text)[1].as_deref(), Some("Marco Rubio"));
        // Nobody the sentence names: the pronoun stays unresolved rather
        // than go to a person named before.
        let text = "Donald Trump spoke in Ohio.\n\nInstead, critics urged Republicans to back Chris Christie, whom he describes as \u{201c}a real governor.\u{201d}";
        assert_eq!(who(text), vec![Some("he".to_string())]);
    }

    #[test]
    fn a_name_made_of_words_for_a_people_names_nobody() {
        assert!(only_demonyms("Mexican"));
        assert!(only_demonyms("Texan"));
        assert!(only_demonyms("African American"));
        assert!(only_demonyms("Mexican-American"));
        assert!(!only_demonyms("Mexican Ortega"));
        assert!(!only_demonyms("Cuban"));
        assert!(!only_demonyms("American Legion"));
        let words = Words::new("", crate::lexicon::Lexicon::builtin());
        assert!(names_a_body(&words, "the official Chinese news agency"));
        assert!(names_a_body(&words, "news site"));
        assert!(!names_a_body(
            &words,
            "defended his father Tuesday on Facebook"
        ));
        assert!(!names_a_body(&words, "a former mayor of Nice"));
        let text = "\"It was a disgrace,\" the Texan said. Xinhua, the official news agency, called it \"a provocation.\"";
        let kinds: Vec<_> = crate::extract::extract_quotes(text)
            .iter()
            .filter_map(|q| q.speaker.as_ref().map(|s| s.kind))
            .collect();
        assert_eq!(
            kinds,
            vec![SpeakerKind::Anonymous, SpeakerKind::Organisation]
        );
    }

    /// The names of the speakers of the quotes `text` gives.
    fn speakers(text: &str) -> Vec<String> {
        crate::extract::extract_quotes(text)
            .into_iter()
            .filter_map(|q| q.speaker.map(|s| s.name))
            .collect()
    }

    #[test]
    fn a_name_ending_in_a_bodys_word_speaks_as_the_body() {
        let text = "Take-Two Interactive makes games. \"We go where the consumer is,\" \
                    Take-Two said. Kotak Institutional Equities said \"risks remain.\"";
        let kinds: Vec<(String, SpeakerKind)> = crate::extract::extract_quotes(text)
            .into_iter()
            .filter_map(|q| q.speaker.map(|s| (s.name, s.kind)))
            .collect();
        assert_eq!(
            kinds,
            [
                (
                    "Take-Two Interactive".to_string(),
                    SpeakerKind::Organisation
                ),
                (
                    "Kotak Institutional Equities".to_string(),
                    SpeakerKind::Organisation
                )
            ]
        );
    }

    #[test]
    fn a_name_of_common_words_speaks_as_a_body() {
        let text = "The group that owns most of her music, Big Machine, says \"we never \
                    blocked her.\"";
        let quotes = crate::extract::extract_quotes(text);
        let speaker = quotes[0].speaker.as_ref().unwrap();
        assert_eq!(
            (speaker.name.as_str(), speaker.kind),
            ("Big Machine", SpeakerKind::Organisation)
        );
    }

    #[test]
    fn a_body_and_title_as_a_name_is_the_person_given_them() {
        let text = "Tidewater Radio President: 'We Will Not Raise Fees.'\n\n\
                    Tidewater Radio President Lena Ortiz spoke on Monday.\n";
        assert_eq!(speakers(text), ["Lena Ortiz"]);
        // No one is given the title: the words stay as written.
        let text = "Tidewater Radio President: 'We Will Not Raise Fees.'\n\n\
                    The board met on Monday.\n";
        assert_eq!(speakers(text), ["Tidewater Radio President"]);
    }

    #[test]
    fn a_surname_is_not_the_relative_the_article_introduces() {
        // The husband is named nearer, but as her husband.
        let text = "Margaret Castell toured the mill on Monday.\n\n\
                    Her husband, Robert Castell, spoke first at the gate.\n\n\
                    \"We will keep the mill open,\" Castell said.\n";
        assert_eq!(speakers(text), ["Margaret Castell"]);
        // A father with the same given name, and a suffix on the son.
        let text = "\"I back the levy,\" Alan Reyes III told the council.\n\n\
                    His father, Alan Reyes, Jr., founded the paper.\n\n\
                    \"It is overdue,\" Reyes said.\n";
        assert_eq!(speakers(text), ["Alan Reyes III", "Alan Reyes III"]);
        // A relative and two others: the relative rule says nothing, and
        // the nearest full name decides.
        let text = "Margaret Castell toured the mill on Monday.\n\n\
                    Her husband, Robert Castell, spoke first at the gate.\n\n\
                    Ann Castell, the foreman, spoke last.\n\n\
                    \"We will keep the mill open,\" Castell said.\n";
        assert_eq!(speakers(text), ["Ann Castell"]);
        // Without a family word, the nearest full name still decides.
        let text = "Margaret Castell toured the mill on Monday.\n\n\
                    Robert Castell, the foreman, spoke first at the gate.\n\n\
                    \"We will keep the mill open,\" Castell said.\n";
        assert_eq!(speakers(text), ["Robert Castell"]);
        // A courtesy title still picks by gender, relative or not.
        let text = "Margaret Castell toured the mill on Monday.\n\n\
                    Her husband, Robert Castell, spoke first at the gate.\n\n\
                    \"We will keep the mill open,\" Mr. Castell said.\n";
        assert_eq!(speakers(text), ["Robert Castell"]);
    }

    #[test]
    fn a_courtesy_title_picks_the_family_member_of_its_gender() {
        let text = "Margaret Castell won the primary on Tuesday.\n\
                    Her husband, Robert Castell, stayed home.\n\
                    \"We will keep going,\" Mrs. Castell said.\n\
                    \"She earned it,\" Mr. Castell said.\n";
        assert_eq!(speakers(text), ["Margaret Castell", "Robert Castell"]);
        assert_eq!(honorific_gender("said Mrs. "), Some(Gender::Feminine));
        assert_eq!(honorific_gender("said Mr. "), Some(Gender::Masculine));
        assert_eq!(honorific_gender("said Dr. "), None);
        // A given name the list does not know: the surname stays as written.
        let text = "Zorya Castell won.\nHer husband, Quill Castell, stayed home.\n\
                    \"We will keep going,\" Mrs. Castell said.\n";
        assert_eq!(speakers(text), ["Castell"]);
    }
}
