//! Speaker identity across articles: which resolved names are one person.
//!
//! The extractor resolves mentions inside an article ("Kerry", "he" → "John
//! Kerry"). Across articles the same person is still written many ways:
//! "John F. Kerry", "Sergei"/"Sergey Lavrov", "Muammar Gaddafi"/"Moammar
//! Gadhafi", "José"/"Jose", "Joe Biden"/"Joseph R. Biden Jr.". This module
//! decides which of those names are one speaker, and says why
//! ([`Why`], shown by `speakers show`). A wrong merge puts one person's
//! words in another's mouth, so every rule errs towards keeping apart:
//!
//! - names are transliterated to ASCII with `deunicode` and compared token by
//!   token (given name, middle names, surname, generational suffix), so
//!   accents and scripts fold;
//! - spelling variants of a given name or surname match when they are one or
//!   two edits apart (`strsim`) *and* sound alike (Double Metaphone from
//!   `rphonetic`), which keeps "Mark"/"Mary" and "Johnson"/"Johnston" apart;
//! - a diminutive matches its formal name only through the list in
//!   `grammar/given_names.txt` ("Joe" = "Joseph", "Dick" = "Richard",
//!   "Jeb" = "John Ellis"); "Bill" is "William" and never "Hillary". When
//!   only a diminutive or an initial joins two names, the articles'
//!   descriptions of each ("Bob Mason, a retired letter carrier", "Robert
//!   Mason, a University of Washington professor") must not be disjoint
//!   ([`descriptions_in_text`]): strangers share nicknames, not jobs;
//! - two people who share a surname stay apart when their given names or
//!   their middle initials differ ("Hillary Clinton" and "Bill Clinton",
//!   "George W. Bush" and "George H. W. Bush"), and a cluster never takes in
//!   a name that conflicts with one already in it;
//! - a name without a middle joins one with it ("John Kerry", "John F.
//!   Kerry") unless the corpus writes that name with two different middles
//!   ("George W. Bush" and "George H.W. Bush": "George Bush" could be
//!   either), or mostly introduces it as someone's relative ("his father,
//!   Rafael Cruz": a family shares surnames and given names, so "Rafael
//!   Edward Cruz", Ted Cruz's own name, is not taken for his father);
//! - **generational suffixes** (Jr., Sr., II, III) stay in the key. Two
//!   different suffixes are two people. A suffixed name joins the same name
//!   without a suffix ("Joseph R. Biden Jr." and "Joe Biden") only when the
//!   corpus never shows two generations of it: no article writes the name
//!   both with and without the suffix, or with two suffixes ("Donald Trump
//!   Jr." beside "Donald J. Trump", his father, in one story; "Brent Bozell,
//!   Jr." beside "Brent Bozell III"), and no two stored names carry
//!   different suffixes. The suffix alone does not decide, because outlets
//!   write it inconsistently for one man (the New York Times writes "Joseph
//!   R. Biden Jr.", others "Joe Biden"); what shows a second man is an
//!   article that tells the two apart. Family words ("his son") are not
//!   used for this: articles about a parent mention children all the time;
//! - a surname on its own ("Kerry", left so by the extractor when its
//!   article never gave the full name) joins the one person of that surname
//!   in the corpus. When there are several ("Clinton"), its article decides
//!   where it can (the article quotes or names only one of them in full),
//!   or else one of them so dominates the corpus that the others are never
//!   named in that article and are quoted in a tenth as many articles
//!   ("Obama" beside Barack Obama in 23 articles and Michelle Obama in 1);
//!   otherwise it stays as written ([`pick_in_article`]);
//! - runs of capitalised words that are not a person's name are refused
//!   ([`refusal`]): headlines ("Carly Fiorina Endorses Ted Cruz"), words
//!   glued together by a page's share bar ("FlagShareLikeReplyPaige
//!   Lavender"), a stray word before a known name ("Abortions Jeb Bush").
//!   They are kept as their article's anonymous source, never joined;
//! - the user's corrections ([`Corrections`]) pin names to a canonical name
//!   and win over all of the above.
//!
//! Anonymous sources never come here: they are never merged. Organisations
//! join only on the same name, and a generic one ("a group", "the
//! committee", "his campaign") stays in its article ([`generic_organisation`]).
//!
//! The lists used are the built-in ones (`grammar/given_names.txt`,
//! `headline_verbs.txt`, `description_fillers.txt`, `speech_verbs.txt`,
//! `organisations.txt`): identity runs in the store, which has no
//! `--grammar` folder.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;
use std::io::Read;

use anyhow::{Result, bail};
use rphonetic::DoubleMetaphone;

use crate::lexicon::{GivenNames, Lexicon, description_fillers, headline_verbs};

/// Generational suffixes as written, and the one form each is kept as.
const SUFFIXES: &[(&str, &str)] = &[
    ("jr", "jr"),
    ("junior", "jr"),
    ("sr", "sr"),
    ("senior", "sr"),
    ("ii", "ii"),
    ("iii", "iii"),
    ("iv", "iv"),
];

/// The kept form of a generational suffix token, if it is one.
fn suffix_form(token: &str) -> Option<&'static str> {
    SUFFIXES
        .iter()
        .find(|(written, _)| *written == token)
        .map(|(_, kept)| *kept)
}

/// Name particles that some outlets write and others drop ("Bashar
/// al-Assad" / "Bashar Assad"); they are not middle names.
const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "abu", "de", "da", "di", "del", "dos", "das", "du", "van", "von",
    "der", "den", "la", "le", "ben",
];

/// A name reduced to what identity compares: ASCII lower-case tokens without
/// punctuation; a generational suffix is kept, in one spelling ("Jr.",
/// "Jr", "junior" → `jr`).
pub fn name_key(name: &str) -> String {
    tokens(name).join(" ")
}

/// The ASCII lower-case words of `text`, apostrophes dropped.
fn words_of(text: &str) -> Vec<String> {
    // Nearly every name is ASCII already: folding it is a copy we skip.
    let folded;
    let ascii = if text.is_ascii() {
        text
    } else {
        folded = deunicode::deunicode(text);
        &folded
    };
    let mut words = Vec::new();
    let mut word = String::new();
    for b in ascii.bytes() {
        match b {
            b'\'' | b'`' => {}
            _ if b.is_ascii_alphanumeric() => word.push(char::from(b.to_ascii_lowercase())),
            _ if !word.is_empty() => words.push(std::mem::take(&mut word)),
            _ => {}
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

fn tokens(name: &str) -> Vec<String> {
    let mut toks = words_of(name);
    if toks.len() > 1
        && let Some(kept) = toks.last().and_then(|t| suffix_form(t))
    {
        let last = toks.len() - 1;
        toks[last] = kept.to_string();
    }
    toks
}

/// A person's name split into the parts identity compares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName {
    /// Given name, or its initial; `None` for a surname on its own.
    pub given: Option<String>,
    /// Initials of the middle names ("John F. Kerry" → `f`), particles left out.
    pub middle: Vec<char>,
    /// The middle names as written (lower case), particles left out.
    pub middle_words: Vec<String>,
    pub surname: String,
    /// Generational suffix, in its kept form (`jr`, `sr`, `ii`, `iii`, `iv`).
    pub suffix: Option<String>,
}

impl PersonName {
    /// `None` when the name has no letters at all.
    pub fn parse(name: &str) -> Option<PersonName> {
        let mut toks = tokens(name);
        let suffix = if toks.len() > 1 && toks.last().is_some_and(|t| suffix_form(t).is_some()) {
            toks.pop()
        } else {
            None
        };
        let (surname, rest) = toks.split_last()?;
        let (given, middles) = match rest.split_first() {
            Some((g, m)) => (Some(g.clone()), m),
            None => (None, &[][..]),
        };
        let middle_words: Vec<String> = middles
            .iter()
            .filter(|t| !PARTICLES.contains(&t.as_str()))
            .cloned()
            .collect();
        Some(PersonName {
            given,
            middle: middle_words
                .iter()
                .filter_map(|t| t.chars().next())
                .collect(),
            middle_words,
            surname: surname.clone(),
            suffix,
        })
    }

    /// Given name and surname: what the corpus evidence is kept by.
    fn base(&self) -> Option<(String, String)> {
        Some((self.given.clone()?, self.surname.clone()))
    }
}

/// Why two names were found to be one person.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Why {
    /// Written alike but for case, accents or punctuation.
    SameName,
    /// A spelling or transliteration variant ("Sergei"/"Sergey").
    Spelling { a: String, b: String },
    /// An initial for the given name ("J. Smith").
    Initial { initial: String, name: String },
    /// A diminutive of the formal name, from `grammar/given_names.txt`.
    Diminutive { short: String, formal: String },
    /// One gives a middle name or initial the other leaves out.
    MiddleName,
    /// One adds a generational suffix; the corpus shows one generation.
    Suffix { suffix: String },
    /// A surname alone, and the corpus quotes one person of that surname.
    SurnameOnly { surname: String },
    /// A surname alone, and its article quotes or names `full` and no one
    /// else of that surname.
    SurnameInArticle { full: String },
    /// A surname alone in an article naming no one of that surname in full,
    /// and `full` is quoted in `articles` of the `of` articles quoting
    /// anyone of that surname.
    SurnameDominant {
        full: String,
        articles: usize,
        of: usize,
    },
    /// A headline or stray words around a name the corpus knows
    /// ("Donald Trump Praises Breitbart", "Abortions Jeb Bush").
    AroundName { words: String },
    /// The user's corrections say so.
    UserCorrection,
}

fn title_case(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

impl fmt::Display for Why {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Why::SameName => write!(f, "same name"),
            Why::Spelling { a, b } => {
                write!(f, "spelling variant ({}/{})", title_case(a), title_case(b))
            }
            Why::Initial { initial, name } => write!(
                f,
                "initial {}. for {}",
                initial.to_uppercase(),
                title_case(name)
            ),
            Why::Diminutive { short, formal } => {
                let formal: Vec<String> = formal.split(' ').map(title_case).collect();
                write!(f, "diminutive {} = {}", title_case(short), formal.join(" "))
            }
            Why::MiddleName => write!(f, "middle initial or name"),
            Why::Suffix { suffix } => write!(
                f,
                "suffix {} (the corpus names one generation)",
                match suffix.as_str() {
                    "jr" => "Jr.".to_string(),
                    "sr" => "Sr.".to_string(),
                    s => s.to_uppercase(),
                }
            ),
            Why::SurnameOnly { surname } => write!(
                f,
                "surname alone, only one {} in the corpus",
                title_case(surname)
            ),
            Why::SurnameInArticle { full } => {
                write!(f, "surname alone, its article names {full} in full")
            }
            Why::SurnameDominant { full, articles, of } => write!(
                f,
                "surname alone, its article names no one of it in full, and {full} is quoted in {articles} articles, everyone else of that surname together in {}",
                of - articles
            ),
            Why::AroundName { words } => {
                write!(
                    f,
                    "the name written inside a longer run, with {words:?} around it (a headline, a title or stray words)"
                )
            }
            Why::UserCorrection => write!(f, "user correction"),
        }
    }
}

/// How two names relate.
#[derive(Debug, Clone, PartialEq)]
pub enum Relation {
    /// Very likely one person; higher is surer; with the reasons (empty for
    /// the same key).
    Same(f64, Vec<Why>),
    /// Same family name but told apart by the text: different given names,
    /// middle initials or generations. Never merged by the machine.
    Different,
    /// Nothing to say (different surnames, or a surname on its own).
    Unrelated,
}

/// What the corpus shows about names, beyond the names themselves; the
/// store reads it from the articles ([`forms_in_text`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Evidence {
    /// (given, surname) with two generations in the corpus: one article
    /// writes it with two suffixes (none counts as one), or two stored names
    /// carry different suffixes.
    pub two_generations: HashSet<(String, String)>,
    /// (given, surname) written with two conflicting middle initials
    /// ("George W." and "George H. W. Bush"): without a middle it is either.
    pub two_middles: HashSet<(String, String)>,
    /// Keys of names that most of their articles introduce as someone's
    /// relative ("his father, Rafael Cruz").
    pub relatives: HashSet<String>,
    /// (given, surname) → the telling words of the descriptions its
    /// articles put after the name ("Bob Mason, a retired Postal Service
    /// letter carrier" → carrier, letter, postal, service), read for names
    /// that only a diminutive or an initial would join to another.
    pub descriptions: HashMap<(String, String), BTreeSet<String>>,
}

/// Compares names; holds the phonetic encoder so it is built once.
pub struct Matcher<'a> {
    metaphone: DoubleMetaphone,
    given_names: &'static GivenNames,
    evidence: &'a Evidence,
}

impl Default for Matcher<'static> {
    fn default() -> Self {
        static NONE: std::sync::OnceLock<Evidence> = std::sync::OnceLock::new();
        Matcher::new(NONE.get_or_init(Evidence::default))
    }
}

impl<'a> Matcher<'a> {
    pub fn new(evidence: &'a Evidence) -> Matcher<'a> {
        Matcher {
            metaphone: DoubleMetaphone::default(),
            given_names: GivenNames::builtin(),
            evidence,
        }
    }

    /// The Double Metaphone codes (primary and alternate) of one token.
    fn sounds(&self, token: &str) -> [String; 2] {
        let r = self.metaphone.double_metaphone(token);
        [r.primary(), r.alternate()]
    }

    /// Two spellings of one name: equal, or a transliteration variant
    /// (close in edits and alike in sound). Returns how sure, 0 for no.
    pub fn spelling_variant(&self, a: &str, b: &str) -> f64 {
        if a == b {
            return 1.0;
        }
        let shorter = a.len().min(b.len());
        // "Democrat"/"Democrats", "Matthew"/"Matthews", "Richards"/
        // "Richardson": a plural, a patronymic or another name built on
        // this one, not a spelling.
        if shorter < 4 || a.starts_with(b) || b.starts_with(a) {
            return 0.0;
        }
        let edits = strsim::damerau_levenshtein(a, b);
        let allowed = if shorter >= 8 { 2 } else { 1 };
        if edits > allowed {
            return 0.0;
        }
        let (sa, sb) = (self.sounds(a), self.sounds(b));
        let alike = sa
            .iter()
            .any(|x| !x.is_empty() && sb.iter().any(|y| y == x));
        if !alike {
            return 0.0;
        }
        strsim::jaro_winkler(a, b)
    }

    /// Is `short` a listed diminutive of `b`'s given name, or of its given
    /// and first middle name together ("Jeb" for "John Ellis")? Returns the
    /// formal name and how many of `b`'s middle names it used up.
    fn diminutive_of(&self, short: &str, b: &PersonName) -> Option<(String, usize)> {
        let given = b.given.as_deref()?;
        if let Some(first) = b.middle_words.first() {
            let two = format!("{given} {first}");
            if self.given_names.is_short_for(short, &two) {
                return Some((two, 1));
            }
        }
        self.given_names
            .is_short_for(short, given)
            .then(|| (given.to_string(), 0))
    }

    /// Do the articles describe `a` and `b` (after the name: "Bob Mason,
    /// a retired letter carrier") in words that have nothing in common?
    /// Only when both are described.
    fn described_apart(&self, a: &PersonName, b: &PersonName) -> bool {
        let described = |p: &PersonName| {
            p.base()
                .and_then(|k| self.evidence.descriptions.get(&k))
                .filter(|words| !words.is_empty())
        };
        match (described(a), described(b)) {
            (Some(x), Some(y)) => x.is_disjoint(y),
            _ => false,
        }
    }

    /// How two person names relate.
    pub fn relate(&self, a: &PersonName, b: &PersonName) -> Relation {
        let surname = self.spelling_variant(&a.surname, &b.surname);
        if surname == 0.0 {
            return Relation::Unrelated;
        }
        let (Some(ga), Some(gb)) = (&a.given, &b.given) else {
            return Relation::Unrelated;
        };
        if a.suffix.is_some() && b.suffix.is_some() && a.suffix != b.suffix {
            return Relation::Different;
        }
        let mut why = Vec::new();
        if surname < 1.0 {
            why.push(Why::Spelling {
                a: a.surname.clone(),
                b: b.surname.clone(),
            });
        }
        // Middle initials left to compare once the given names are matched
        // (a diminutive may use up the first middle name of the other).
        let (mut ma, mut mb) = (&a.middle[..], &b.middle[..]);
        let given_written_alike = ga == gb;
        let given = if ga == gb {
            1.0
        } else if ga.len() == 1 || gb.len() == 1 {
            // An initial matches the given names it starts.
            if ga.chars().next() == gb.chars().next() {
                let (initial, name) = if ga.len() == 1 { (ga, gb) } else { (gb, ga) };
                why.push(Why::Initial {
                    initial: initial.clone(),
                    name: name.clone(),
                });
                0.8
            } else {
                0.0
            }
        } else if let Some((formal, used)) = self.diminutive_of(ga, b) {
            why.push(Why::Diminutive {
                short: ga.clone(),
                formal,
            });
            mb = &mb[used..];
            0.95
        } else if let Some((formal, used)) = self.diminutive_of(gb, a) {
            why.push(Why::Diminutive {
                short: gb.clone(),
                formal,
            });
            ma = &ma[used..];
            0.95
        } else {
            let s = self.spelling_variant(ga, gb);
            if s > 0.0 {
                why.push(Why::Spelling {
                    a: ga.clone(),
                    b: gb.clone(),
                });
            }
            s
        };
        if given == 0.0 {
            return Relation::Different;
        }
        if !given_written_alike && self.described_apart(a, b) {
            // "Bob Mason, a retired letter carrier" and "Robert Mason, a
            // University of Washington professor": a diminutive or an
            // initial says the names may be one person's, the articles
            // say who each is.
            return Relation::Different;
        }
        let bases = [a.base(), b.base()];
        let shown =
            |set: &HashSet<(String, String)>| bases.iter().flatten().any(|k| set.contains(k));
        if !ma.is_empty() && !mb.is_empty() && ma != mb {
            // "George W. Bush" and "George H. W. Bush".
            return Relation::Different;
        }
        if ma.is_empty() != mb.is_empty() {
            if shown(&self.evidence.two_middles) {
                return Relation::Different;
            }
            why.push(Why::MiddleName);
        }
        if a.suffix != b.suffix {
            if shown(&self.evidence.two_generations) {
                return Relation::Different;
            }
            why.push(Why::Suffix {
                suffix: a
                    .suffix
                    .clone()
                    .or_else(|| b.suffix.clone())
                    .unwrap_or_default(),
            });
        }
        Relation::Same(surname * given * 0.99f64.powi(why.len() as i32), why)
    }
}

/// Why a run of words is not taken for a person's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Words run together ("FlagShareLikeReplyPaige").
    Glued(String),
    /// A headline's verb ("Endorses", "Said").
    Verb(String),
    /// A word in lower case that is no name particle ("Los Angeles-area").
    LowerCase(String),
    /// Too many words for one name.
    TooLong,
    /// Words before a name the corpus knows ("Abortions" before "Jeb Bush").
    Prefix { words: String, name: String },
    /// A title read as a given name ("Senators Rubio").
    Title(String),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Glued(w) => write!(f, "not a name: words run together ({w:?})"),
            Refusal::Verb(w) => write!(f, "not a name: a headline's verb ({w:?})"),
            Refusal::LowerCase(w) => write!(f, "not a name: the lower-case word {w:?}"),
            Refusal::TooLong => write!(f, "not a name: too many words"),
            Refusal::Prefix { words, name } => {
                write!(f, "not a name: {words:?} stands before the name {name}")
            }
            Refusal::Title(w) => write!(f, "not a name: the title {w:?} stands for a given name"),
        }
    }
}

/// Capitalised prefixes that make a name with a second capital
/// ("McCain", "DeSantis", "LaHood", "MacArthur", "O'Rourke").
const CAMEL_PREFIXES: &[&str] = &[
    "mc", "mac", "de", "di", "da", "du", "la", "le", "van", "von", "vander", "vande", "st", "o",
    "d",
];

/// Names with more words than this (initials, particles and the suffix not
/// counted) are runs of several names or a headline.
const MAX_NAME_WORDS: usize = 4;

/// Whether `word` (as written) is a headline's verb: an inflected speech
/// verb or a listed headline verb, and not also a given name ("Will").
fn is_verb(word: &str) -> bool {
    let lower = word.to_lowercase();
    // The bare forms of speech verbs are names too often ("Rush", "Grant").
    let inflected = lower.ends_with('s')
        || lower.ends_with("ed")
        || lower.ends_with("ing")
        || ["said", "told", "wrote", "spoke"].contains(&lower.as_str());
    (headline_verbs().contains(&lower)
        || inflected && Lexicon::builtin().speech_verbs.contains(&lower))
        && !GivenNames::builtin().is_known(&lower)
}

/// A word with two or more capitals inside that no name prefix explains:
/// one is too common in real names ("KellyAnne", "VanderSloot") and in
/// text whose accents were lost ("PeA" for "Peña").
fn is_glued(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let mut humps = 0;
    let mut explained = 0;
    for k in 1..chars.len() {
        let starts_word = chars[k].is_ascii_uppercase()
            && chars.get(k + 1).is_some_and(|c| c.is_ascii_lowercase());
        if starts_word && chars[k - 1].is_lowercase() {
            humps += 1;
            let prefix: String = chars[..k].iter().collect::<String>().to_lowercase();
            let prefix = prefix.trim_start_matches(|c: char| !c.is_alphabetic());
            if CAMEL_PREFIXES.contains(&prefix) {
                explained += 1;
            }
        }
    }
    humps > explained + 1
}

/// Whether a name the extractor took for a person's is one, and why not.
/// `known` says whether a key is a stored person name (for a stray word
/// before it: "Abortions Jeb Bush").
pub fn refusal(name: &str, known: impl Fn(&str) -> bool) -> Option<Refusal> {
    let words: Vec<&str> = name.split_whitespace().collect();
    for w in &words {
        if is_glued(w) {
            return Some(Refusal::Glued(w.to_string()));
        }
        if is_verb(w.trim_matches(|c: char| !c.is_alphanumeric())) {
            return Some(Refusal::Verb(w.to_string()));
        }
        // Hyphenated pieces: "Ki-moon" and "al-Assad" are names,
        // "Angeles-area" is not.
        let mut pieces = w.split('-');
        let first = pieces.next().unwrap_or("");
        let lower = |p: &str| p.chars().next().is_some_and(char::is_lowercase);
        let particle = |p: &str| PARTICLES.contains(&p.to_lowercase().as_str());
        if lower(first) && !particle(first) && first.chars().all(char::is_alphabetic) {
            return Some(Refusal::LowerCase(w.to_string()));
        }
        if first.chars().count() > 3 && pieces.any(|p| lower(p) && !particle(p)) {
            return Some(Refusal::LowerCase(w.to_string()));
        }
    }
    if words.len() >= 2 {
        let lower = words[0].to_lowercase();
        let titles = &Lexicon::builtin().titles;
        if titles.contains(&lower) || lower.strip_suffix('s').is_some_and(|w| titles.contains(w)) {
            return Some(Refusal::Title(words[0].to_string()));
        }
    }
    let toks = tokens(name);
    let counted = toks
        .iter()
        .filter(|t| t.len() > 1 && !PARTICLES.contains(&t.as_str()) && suffix_form(t).is_none())
        .count();
    if counted > MAX_NAME_WORDS {
        return Some(Refusal::TooLong);
    }
    if toks.len() >= 3 {
        let names = GivenNames::builtin();
        for drop in 1..=2 {
            let (head, tail) = toks.split_at(drop);
            if tail.len() < 2 {
                break;
            }
            let plain = head
                .iter()
                .all(|t| t.len() > 1 && !names.is_known(t) && !PARTICLES.contains(&t.as_str()));
            if plain && known(&tail.join(" ")) {
                return Some(Refusal::Prefix {
                    words: head.join(" "),
                    name: tail.join(" "),
                });
            }
        }
    }
    None
}

/// A name key ending in the head of an organisation's name (`air force`,
/// `committee`): "Chinese Air Force" is not stray words around a person
/// called "Air Force", and is not joined to one.
fn names_a_body(key: &str) -> bool {
    let heads = &Lexicon::builtin().organisations;
    let words: Vec<&str> = key.split_whitespace().collect();
    let last = words.last().copied().unwrap_or("");
    heads.contains(last)
        || words.len() >= 2 && heads.contains(&format!("{} {last}", words[words.len() - 2]))
}

/// The name inside a refused run, as written, with the words around it:
/// the subject of a headline's verb ("Donald Trump" in "Donald Trump
/// Praises Breitbart"), the name after a speech verb that opens it ("Said
/// Comey"), or after the stray words before it. `None` when no name is
/// left or which one is the speaker is unclear ("Bashing Trump").
pub fn name_inside(name: &str, why: &Refusal) -> Option<(String, String)> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let at = |w: &String| words.iter().position(|x| x == w);
    let split = |k: usize| -> Option<(String, String)> {
        let (before, after) = words.split_at(k);
        (!after.is_empty()).then(|| (after.join(" "), before.join(" ")))
    };
    match why {
        Refusal::Verb(w) => {
            let k = at(w)?;
            if k > 0 {
                Some((words[..k].join(" "), words[k..].join(" ")))
            } else {
                let lower = w.to_lowercase();
                let lower = lower.trim_matches(|c: char| !c.is_alphanumeric());
                // "Said Comey": the speaker follows; "Bashing Trump": the
                // one named is who is spoken of.
                Lexicon::builtin()
                    .speech_verbs
                    .contains(lower)
                    .then(|| split(1))
                    .flatten()
            }
        }
        Refusal::LowerCase(w) => split(at(w)? + 1),
        Refusal::Title(_) => split(1),
        Refusal::Prefix { name: tail, .. } => {
            let n = tokens(tail).len();
            split(words.len().checked_sub(n)?)
        }
        Refusal::Glued(w) => {
            let k = at(w)?;
            let chars: Vec<(usize, char)> = w.char_indices().collect();
            let cut = chars
                .windows(2)
                .filter(|p| p[0].1.is_lowercase() && p[1].1.is_ascii_uppercase())
                .map(|p| p[1].0)
                .next_back()?;
            let mut out = vec![&w[cut..]];
            out.extend(&words[k + 1..]);
            let mut around: Vec<&str> = words[..k].to_vec();
            around.push(&w[..cut]);
            Some((out.join(" "), around.join(" ")))
        }
        Refusal::TooLong => None,
    }
}

/// Single heads of `grammar/organisations.txt` that name one body by
/// themselves ("the Pentagon", "CNN"), not a kind of body.
const PROPER_HEADS: &[&str] = &[
    "pentagon",
    "kremlin",
    "times",
    "post",
    "journal",
    "news",
    "press",
    "cnn",
    "nbc",
    "cbs",
    "abc",
    "fox",
    "msnbc",
    "reuters",
    "bbc",
    "cbc",
    "twitter",
    "facebook",
    "youtube",
    "instagram",
    "reddit",
    "google",
    "microsoft",
    "apple",
    "amazon",
];

/// Words that may stand before a generic head ("a group", "his campaign").
const GENERIC_LEADS: &[&str] = &[
    "a", "an", "the", "his", "her", "its", "their", "our", "this", "that", "one", "another",
];

/// An organisation named only by a kind of body, with at most an article or
/// a possessive pronoun: "a group", "the committee", "Committee", "his
/// campaign". Which body it is depends on its article, so it never joins
/// another article's.
pub fn generic_organisation(name: &str) -> bool {
    let words = words_of(name);
    let rest: Vec<&String> = words
        .iter()
        .skip_while(|w| GENERIC_LEADS.contains(&w.as_str()))
        .collect();
    let [head] = rest[..] else {
        return false;
    };
    let heads = &Lexicon::builtin().organisations;
    let singular = head.strip_suffix('s').unwrap_or(head);
    (heads.contains(head.as_str()) || heads.contains(singular))
        && !PROPER_HEADS.contains(&head.as_str())
}

/// One line of the user's corrections file: `alias` is this speaker,
/// whose name is `canonical`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    pub alias: String,
    pub canonical: String,
    /// A Wikidata item id such as `Q22316`.
    pub wikidata: Option<String>,
}

/// The user's corrections, in file order; later lines win over earlier ones
/// for the same alias.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Corrections {
    pub rows: Vec<Correction>,
}

/// Canonical key → the canonical name as the user wrote it, and its
/// Wikidata id.
type Canonicals = HashMap<String, (String, Option<String>)>;

/// The header of a corrections file.
pub const CORRECTIONS_HEADER: &str = "alias,canonical,wikidata_id";

/// `Q` and digits, the form of a Wikidata item id.
pub fn is_wikidata_id(id: &str) -> bool {
    id.len() > 1 && id.starts_with('Q') && id[1..].bytes().all(|b| b.is_ascii_digit())
}

impl Corrections {
    /// Read a corrections CSV: `alias,canonical[,wikidata_id]` per line, an
    /// optional header, `#` comments. Errors name the line and what to fix.
    pub fn from_csv(reader: impl Read, file: &str) -> Result<Corrections> {
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .comment(Some(b'#'))
            .trim(csv::Trim::All)
            .from_reader(reader);
        let mut rows = Vec::new();
        for record in csv.records() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    bail!("{file}: {e}; each line should be alias,canonical name[,Wikidata id]")
                }
            };
            let line = record.position().map_or(0, |p| p.line());
            if record.iter().all(str::is_empty) {
                continue;
            }
            let field = |i: usize| record.get(i).unwrap_or("").to_string();
            if rows.is_empty()
                && field(0).eq_ignore_ascii_case("alias")
                && field(1).eq_ignore_ascii_case("canonical")
            {
                continue;
            }
            if record.len() < 2 || record.len() > 3 {
                bail!(
                    "{file} line {line}: expected 2 or 3 fields (alias,canonical name[,Wikidata id]), found {}; fix or delete this line",
                    record.len()
                );
            }
            let (alias, canonical, wikidata) = (field(0), field(1), field(2));
            if alias.is_empty() || canonical.is_empty() || name_key(&canonical).is_empty() {
                bail!(
                    "{file} line {line}: the alias and the canonical name must both have letters in them; fix or delete this line"
                );
            }
            if !wikidata.is_empty() && !is_wikidata_id(&wikidata) {
                bail!(
                    "{file} line {line}: {wikidata:?} is not a Wikidata id (like Q22316); fix it or leave the third field empty"
                );
            }
            rows.push(Correction {
                alias,
                canonical,
                wikidata: (!wikidata.is_empty()).then_some(wikidata),
            });
        }
        Ok(Corrections { rows })
    }

    /// The file's text for these rows, header first.
    pub fn to_csv(&self) -> Result<String> {
        let mut out = csv::Writer::from_writer(Vec::new());
        out.write_record(CORRECTIONS_HEADER.split(','))?;
        for r in &self.rows {
            out.write_record([
                r.alias.as_str(),
                r.canonical.as_str(),
                r.wikidata.as_deref().unwrap_or(""),
            ])?;
        }
        Ok(String::from_utf8(out.into_inner()?)?)
    }

    /// Where each alias key points: canonical key → (canonical as the user
    /// wrote it, Wikidata id). Every canonical name is its own alias unless a
    /// line says otherwise; later lines win.
    fn pins(&self) -> (HashMap<String, String>, Canonicals) {
        let mut canonicals: Canonicals = HashMap::new();
        let mut pins: HashMap<String, String> = HashMap::new();
        for r in &self.rows {
            let key = name_key(&r.canonical);
            let entry = canonicals
                .entry(key.clone())
                .or_insert_with(|| (r.canonical.clone(), None));
            entry.0 = r.canonical.clone();
            if r.wikidata.is_some() {
                entry.1 = r.wikidata.clone();
            }
            pins.entry(key.clone()).or_insert(key);
        }
        for r in &self.rows {
            pins.insert(name_key(&r.alias), name_key(&r.canonical));
        }
        (pins, canonicals)
    }

    /// The canonical name a correction gives `name`, if any.
    pub fn canonical_for(&self, name: &str) -> Option<String> {
        let (pins, canonicals) = self.pins();
        let key = pins.get(&name_key(name))?;
        canonicals.get(key).map(|(c, _)| c.clone())
    }
}

/// A name as found in the corpus, with how often it was quoted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameCount {
    pub name: String,
    pub quotes: usize,
    /// In how many articles: a surname alone joins only a full name seen in
    /// at least two, which keeps stray one-off phrases ("Capitol Hill")
    /// from swallowing every "Hill".
    pub articles: usize,
}

/// Why one name of a cluster is there: joined to `other` for `why`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Join {
    pub name: String,
    pub other: String,
    pub why: Vec<Why>,
}

/// One speaker: the names that are them and the name to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    pub canonical: String,
    /// Every name found that belongs here, as written.
    pub members: Vec<String>,
    pub wikidata: Option<String>,
    /// The canonical name comes from the user's corrections.
    pub by_user: bool,
    /// How the members came together, one join per member after the first.
    pub joins: Vec<Join>,
}

/// A surname alone that the corpus could not settle: several people have
/// it. Its articles may settle it, one by one ([`pick_in_article`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenSurname {
    /// The name as stored ("Clinton", "Trump Jr.").
    pub name: String,
    pub surname: String,
    pub candidates: Vec<Candidate>,
}

/// A person a surname alone may stand for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Index into the clusters.
    pub cluster: usize,
    /// Their names with that surname, as stored.
    pub names: Vec<String>,
    /// Articles quoting them under those names.
    pub articles: usize,
}

/// Everything identity decides about a corpus's person names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct People {
    pub clusters: Vec<Cluster>,
    /// Surnames alone left to their articles.
    pub open: Vec<OpenSurname>,
    /// Names refused as people's names, with why.
    pub refused: Vec<(String, Refusal)>,
}

/// A refused run's name inside: (its key, the words around it, the name
/// as written).
type Inside = (String, String, String);

/// Union-find over name groups, each root carrying its user pin.
struct Groups {
    parent: Vec<usize>,
    pin: Vec<Option<String>>,
    /// Members of each root (empty for non-roots).
    members: Vec<Vec<usize>>,
    /// Whether the user placed this node: the machine's doubts about it
    /// do not count.
    placed: Vec<bool>,
    /// Every union made: (node, node it joined, why).
    joins: Vec<(usize, usize, Vec<Why>)>,
}

impl Groups {
    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn pins_agree(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        match (&self.pin[ra], &self.pin[rb]) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        }
    }

    fn union(&mut self, a: usize, b: usize, why: Vec<Why>) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
        self.joins.push((b, a, why));
        let (keep, gone) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[gone] = keep;
        let moved = std::mem::take(&mut self.members[gone]);
        self.members[keep].extend(moved);
        if self.pin[keep].is_none() {
            self.pin[keep] = self.pin[gone].take();
        }
    }
}

/// Group people's names into speakers. Deterministic: the same names and
/// corrections give the same clusters whatever their order.
pub fn cluster_people(names: &[NameCount], corrections: &Corrections) -> Vec<Cluster> {
    people(names, corrections, &Evidence::default()).clusters
}

/// Group people's names into speakers with what the corpus shows
/// ([`Evidence`]); refuse names that are no person's, and list the
/// surnames alone that only their articles can settle.
pub fn people(names: &[NameCount], corrections: &Corrections, evidence: &Evidence) -> People {
    let by_key: HashMap<String, usize> = {
        let mut m: HashMap<String, usize> = HashMap::new();
        for n in names {
            *m.entry(name_key(&n.name)).or_default() += n.articles;
        }
        m
    };
    let known = |key: &str| by_key.contains_key(key);
    // Surnames of full names: a surname alone inside a refused run is kept
    // only if someone has it.
    let surnames: HashSet<String> = names
        .iter()
        .filter_map(|n| PersonName::parse(&n.name))
        .filter(|p| p.given.is_some())
        .map(|p| p.surname)
        .collect();
    let (pins, _) = corrections.pins();
    let mut refused = Vec::new();
    let mut kept = Vec::new();
    let mut inside: HashMap<String, Inside> = HashMap::new();
    for n in names {
        // The user's word stands: a name they placed is a name.
        let placed = pins.contains_key(&name_key(&n.name));
        let Some(r) = refusal(&n.name, known).filter(|_| !placed) else {
            kept.push(n.clone());
            continue;
        };
        // The name inside, when it is a stored name itself (or a surname
        // that one has) and no headline word of its own.
        let core = name_inside(&n.name, &r).filter(|(core, _)| {
            let key = name_key(core);
            let single = !key.contains(' ') && surnames.contains(&key);
            (by_key.contains_key(&key) || single)
                && refusal(core, known).is_none()
                && !names_a_body(&key)
        });
        match core {
            Some((core, around)) => {
                inside.insert(n.name.clone(), (name_key(&core), around, core));
                kept.push(n.clone());
            }
            None => refused.push((n.name.clone(), r)),
        }
    }
    let (clusters, open) = cluster(&kept, corrections, true, evidence, &inside);
    People {
        clusters,
        open,
        refused,
    }
}

/// Group organisations' names: only the same name (case, accents, a leading
/// "the" aside) or the user's corrections make one speaker.
pub fn cluster_organisations(names: &[NameCount], corrections: &Corrections) -> Vec<Cluster> {
    cluster(
        names,
        corrections,
        false,
        &Evidence::default(),
        &HashMap::new(),
    )
    .0
}

/// An organisation's name as identity compares it: [`name_key`] without
/// a leading "the" (linking compares organisations the same way).
pub fn org_key(name: &str) -> String {
    let key = name_key(name);
    key.strip_prefix("the ").map(str::to_string).unwrap_or(key)
}

fn cluster(
    names: &[NameCount],
    corrections: &Corrections,
    people: bool,
    evidence: &Evidence,
    inside: &HashMap<String, Inside>,
) -> (Vec<Cluster>, Vec<OpenSurname>) {
    let (pins, canonicals) = corrections.pins();
    // Nodes: one per identity key, holding every spelling with that key.
    // The user's names take part even when no article uses them, so that
    // "William Clinton" can join a speaker the user named "William J.
    // Clinton"; they are not reported as members.
    let virtual_names: Vec<NameCount> = corrections
        .rows
        .iter()
        .flat_map(|r| [&r.alias, &r.canonical])
        .map(|n| NameCount {
            name: n.clone(),
            quotes: 0,
            articles: 0,
        })
        .collect();
    let real: HashSet<&str> = names.iter().map(|n| n.name.as_str()).collect();
    let mut by_key: BTreeMap<String, Vec<&NameCount>> = BTreeMap::new();
    for n in names.iter().chain(
        virtual_names
            .iter()
            .filter(|n| !real.contains(n.name.as_str())),
    ) {
        let key = if let Some((core, ..)) = inside.get(&n.name) {
            core.clone()
        } else if people {
            name_key(&n.name)
        } else {
            org_key(&n.name)
        };
        if key.is_empty() {
            continue;
        }
        by_key.entry(key).or_default().push(n);
    }
    let keys: Vec<String> = by_key.keys().cloned().collect();
    let parsed: Vec<Option<PersonName>> = keys.iter().map(|k| PersonName::parse(k)).collect();
    let mut groups = Groups {
        parent: (0..keys.len()).collect(),
        pin: keys
            .iter()
            .map(|k| {
                by_key[k]
                    .iter()
                    .find_map(|n| pins.get(&name_key(&n.name)))
                    .cloned()
            })
            .collect(),
        members: (0..keys.len()).map(|i| vec![i]).collect(),
        placed: Vec::new(),
        joins: Vec::new(),
    };
    groups.placed = groups.pin.iter().map(Option::is_some).collect();
    // The user's pins first: names pinned to one canonical are one speaker.
    let mut first_with_pin: HashMap<String, usize> = HashMap::new();
    for i in 0..keys.len() {
        if let Some(pin) = groups.pin[i].clone() {
            match first_with_pin.get(&pin) {
                Some(&j) => groups.union(j, i, vec![Why::UserCorrection]),
                None => {
                    first_with_pin.insert(pin, i);
                }
            }
        }
    }
    let articles: Vec<usize> = keys
        .iter()
        .map(|k| by_key[k].iter().map(|n| n.articles).sum())
        .collect();
    let mut open_nodes = Vec::new();
    if people {
        let matcher = Matcher::new(evidence);
        let relatives: Vec<bool> = keys
            .iter()
            .map(|k| evidence.relatives.contains(k))
            .collect();
        merge_people(&parsed, &relatives, &mut groups, &matcher);
        open_nodes = merge_surnames(&keys, &parsed, &articles, &mut groups);
    }
    // Collect clusters.
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..keys.len() {
        let root = groups.find(i);
        members.entry(root).or_default().push(i);
    }
    // A node's spellings, the names as written first and the runs around
    // them last.
    let spelling_of = |i: usize| -> Vec<&NameCount> {
        let mut s: Vec<&NameCount> = by_key[&keys[i]]
            .iter()
            .copied()
            .filter(|n| real.contains(n.name.as_str()))
            .collect();
        s.sort_by_key(|n| inside.contains_key(&n.name));
        s
    };
    let join_roots: Vec<usize> = (0..groups.joins.len())
        .map(|k| {
            let a = groups.joins[k].0;
            groups.find(a)
        })
        .collect();
    let mut out = Vec::new();
    let mut root_of_cluster = Vec::new();
    for (root, nodes) in &members {
        let mut spellings: Vec<&NameCount> = nodes.iter().flat_map(|&i| spelling_of(i)).collect();
        if spellings.is_empty() {
            continue;
        }
        spellings.sort_by(|a, b| a.name.cmp(&b.name));
        spellings.dedup_by(|a, b| a.name == b.name);
        let pinned = groups.pin[*root]
            .as_ref()
            .and_then(|p| canonicals.get(p))
            .cloned();
        let (canonical, wikidata, by_user) = match pinned {
            Some((name, wd)) => (name, wd, true),
            None => {
                let plain: Vec<&NameCount> = spellings
                    .iter()
                    .copied()
                    .filter(|n| !inside.contains_key(&n.name))
                    .collect();
                // Only runs: the name inside them is shown ("Stone", not
                // "Stated Stone").
                let shown = match plain.is_empty() {
                    true => spellings
                        .first()
                        .and_then(|n| inside.get(&n.name))
                        .map(|(.., core)| core.clone())
                        .unwrap_or_else(|| best_display(&spellings)),
                    false => best_display(&plain),
                };
                (shown, None, false)
            }
        };
        // Spellings of one key joined as the same name; then the unions.
        let mut joins = Vec::new();
        for &i in nodes {
            let s = spelling_of(i);
            for extra in s.iter().skip(1) {
                let why = match inside.get(&extra.name) {
                    Some((_, around, _)) => Why::AroundName {
                        words: around.clone(),
                    },
                    None => Why::SameName,
                };
                joins.push(Join {
                    name: extra.name.clone(),
                    other: s[0].name.clone(),
                    why: vec![why],
                });
            }
        }
        for ((a, b, why), r) in groups.joins.iter().zip(&join_roots) {
            if r != root {
                continue;
            }
            // A name only the user wrote is shown as the canonical.
            let shown = |i: usize| {
                spelling_of(i)
                    .first()
                    .map_or_else(|| canonical.clone(), |n| n.name.clone())
            };
            joins.push(Join {
                name: shown(*a),
                other: shown(*b),
                why: why.clone(),
            });
        }
        root_of_cluster.push(*root);
        out.push(Cluster {
            canonical,
            members: spellings.iter().map(|n| n.name.clone()).collect(),
            wikidata,
            by_user,
            joins,
        });
    }
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by(|&a, &b| out[a].canonical.cmp(&out[b].canonical));
    let index_of_root: HashMap<usize, usize> = order
        .iter()
        .enumerate()
        .map(|(pos, &c)| (root_of_cluster[c], pos))
        .collect();
    let mut sorted: Vec<Option<Cluster>> = out.into_iter().map(Some).collect();
    let clusters: Vec<Cluster> = order.iter().filter_map(|&c| sorted[c].take()).collect();
    // Surnames alone still on their own, with the people they may be.
    let mut open = Vec::new();
    for (i, candidates) in open_nodes {
        if groups.find(i) != i || groups.members[i].len() != 1 || spelling_of(i).is_empty() {
            continue;
        }
        let mut by_cluster: BTreeMap<usize, Candidate> = BTreeMap::new();
        for c in candidates {
            let Some(&cluster) = index_of_root.get(&groups.find(c)) else {
                continue;
            };
            let entry = by_cluster.entry(cluster).or_insert_with(|| Candidate {
                cluster,
                names: Vec::new(),
                articles: 0,
            });
            entry
                .names
                .extend(spelling_of(c).iter().map(|n| n.name.clone()));
            entry.articles += articles[c];
        }
        let Some(p) = &parsed[i] else { continue };
        for n in spelling_of(i) {
            open.push(OpenSurname {
                name: n.name.clone(),
                surname: p.surname.clone(),
                candidates: by_cluster.values().cloned().collect(),
            });
        }
    }
    (clusters, open)
}

/// The name to show for a cluster: a full name over a surname, then the
/// most quoted, then the longest (it says most), then alphabetical.
fn best_display(spellings: &[&NameCount]) -> String {
    spellings
        .iter()
        .max_by(|a, b| {
            let full =
                |n: &NameCount| PersonName::parse(&n.name).is_some_and(|p| p.given.is_some());
            full(a)
                .cmp(&full(b))
                .then(a.quotes.cmp(&b.quotes))
                .then(a.name.chars().count().cmp(&b.name.chars().count()))
                .then(b.name.cmp(&a.name))
        })
        .map(|n| n.name.clone())
        .unwrap_or_default()
}

/// Articles needed behind a full name before a surname alone may join it.
const SURNAME_JOIN_ARTICLES: usize = 2;

fn merge_people(
    parsed: &[Option<PersonName>],
    relatives: &[bool],
    groups: &mut Groups,
    matcher: &Matcher,
) {
    // Candidates share a surname's spelling or its sound.
    let mut blocks: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in parsed.iter().enumerate() {
        let Some(p) = p else { continue };
        if p.given.is_none() {
            continue;
        }
        let [primary, alternate] = matcher.sounds(&p.surname);
        for block in [
            format!("={}", p.surname),
            format!("~{primary}"),
            format!("~{alternate}"),
        ] {
            if block.len() > 1 {
                blocks.entry(block).or_default().push(i);
            }
        }
    }
    let mut pairs: Vec<(f64, usize, usize, Vec<Why>)> = Vec::new();
    let mut seen = HashSet::new();
    for members in blocks.values() {
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                let (i, j) = (i.min(j), i.max(j));
                if i == j || !seen.insert((i, j)) {
                    continue;
                }
                if let Relation::Same(score, why) = relate_nodes(i, j, parsed, relatives, matcher) {
                    pairs.push((score, i, j, why));
                }
            }
        }
    }
    // Surest first, so a chain of near misses cannot pull in what a
    // clear match would have kept out; ties in key order.
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, i, j, why) in pairs {
        if can_join(i, j, parsed, relatives, groups, matcher) {
            groups.union(i, j, why);
        }
    }
}

/// [`Matcher::relate`] for two nodes, with the corpus's relatives: a name
/// mostly introduced as someone's relative joins only its own key.
fn relate_nodes(
    i: usize,
    j: usize,
    parsed: &[Option<PersonName>],
    relatives: &[bool],
    matcher: &Matcher,
) -> Relation {
    let (Some(a), Some(b)) = (&parsed[i], &parsed[j]) else {
        return Relation::Unrelated;
    };
    match matcher.relate(a, b) {
        Relation::Same(..) if relatives[i] || relatives[j] => Relation::Different,
        r => r,
    }
}

/// Surnames on their own join the one person they fit; the ones that fit
/// several are returned with the nodes they fit, for their articles.
fn merge_surnames(
    keys: &[String],
    parsed: &[Option<PersonName>],
    articles: &[usize],
    groups: &mut Groups,
) -> Vec<(usize, Vec<usize>)> {
    let mut full_by_surname: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, p) in parsed.iter().enumerate() {
        if let Some(p) = p
            && p.given.is_some()
        {
            full_by_surname
                .entry(p.surname.as_str())
                .or_default()
                .push(i);
        }
    }
    let mut open = Vec::new();
    for (i, p) in parsed.iter().enumerate() {
        let Some(p) = p else { continue };
        if p.given.is_some() || keys[i].split(' ').count() > 1 + usize::from(p.suffix.is_some()) {
            continue;
        }
        let Some(all) = full_by_surname.get(p.surname.as_str()) else {
            continue;
        };
        // "Trump Jr." is only ever a Jr.; "Trump" may be any of them.
        let candidates: Vec<usize> = all
            .iter()
            .copied()
            .filter(|&c| {
                p.suffix.is_none() || parsed[c].as_ref().is_some_and(|f| f.suffix == p.suffix)
            })
            .collect();
        let mut roots: Vec<usize> = candidates.iter().map(|&c| groups.find(c)).collect();
        roots.sort_unstable();
        roots.dedup();
        let seen: usize = candidates.iter().map(|&c| articles[c]).sum();
        match roots[..] {
            [only] if seen >= SURNAME_JOIN_ARTICLES && groups.pins_agree(i, only) => {
                groups.union(
                    only,
                    i,
                    vec![Why::SurnameOnly {
                        surname: p.surname.clone(),
                    }],
                );
            }
            [_, _, ..] if !groups.placed[i] => open.push((i, candidates)),
            _ => {}
        }
    }
    open
}

/// Whether the clusters of `i` and `j` may become one: the user's pins agree
/// and no name in one is told apart from a name in the other.
fn can_join(
    i: usize,
    j: usize,
    parsed: &[Option<PersonName>],
    relatives: &[bool],
    groups: &mut Groups,
    matcher: &Matcher,
) -> bool {
    let (ri, rj) = (groups.find(i), groups.find(j));
    if ri == rj || !groups.pins_agree(ri, rj) {
        return false;
    }
    for &a in &groups.members[ri] {
        for &b in &groups.members[rj] {
            if groups.placed[a] || groups.placed[b] {
                continue;
            }
            if relate_nodes(a, b, parsed, relatives, matcher) == Relation::Different {
                return false;
            }
        }
    }
    true
}

/// How much more a person must be quoted (in articles) than everyone else
/// of their surname together for a surname alone to be theirs when its
/// article names no one of that surname in full.
const DOMINANCE: usize = 10;
/// And in at least this many articles.
const DOMINANT_ARTICLES: usize = 5;

/// What an article shows about a surname alone quoted in it.
#[derive(Debug, Clone, Copy)]
pub struct ArticleContext<'a> {
    /// The other person names its quotes were resolved to.
    pub speakers: &'a [String],
    /// Its text.
    pub text: &'a str,
}

/// Does the text's `form` write the person named `name`: the same given
/// name (or a diminutive of it), the same suffix, no other middle?
fn form_writes(form: &Form, name: &PersonName, given_names: &GivenNames) -> bool {
    let Some(g) = &name.given else { return false };
    let given = &form.given == g
        || given_names.is_short_for(&form.given, g)
        || given_names.is_short_for(g, &form.given);
    let middle = form.middle.is_empty() || name.middle.is_empty() || form.middle == name.middle;
    given && middle && form.suffix == name.suffix
}

/// Which candidate a surname alone stands for in one article, and why; or
/// `None` when the article leaves doubt (it names two of them, or none and
/// no one dominates the corpus).
pub fn pick_in_article(open: &OpenSurname, article: ArticleContext) -> Option<(usize, Why)> {
    // Quoted in full in the same article.
    let quoted: Vec<&Candidate> = open
        .candidates
        .iter()
        .filter(|c| article.speakers.iter().any(|s| c.names.contains(s)))
        .collect();
    if let [c] = quoted[..] {
        let full = article
            .speakers
            .iter()
            .find(|s| c.names.contains(s))
            .cloned()
            .unwrap_or_default();
        return Some((c.cluster, Why::SurnameInArticle { full }));
    }
    if quoted.len() > 1 {
        return None;
    }
    // Named in full in the text: a given name (or a diminutive) of theirs
    // before the surname. A capitalised word there counts as a given name
    // only if one of them has it or the list knows it ("While Trump said"
    // names no one).
    let given_names = GivenNames::builtin();
    let parsed: Vec<(&Candidate, Vec<(&String, PersonName)>)> = open
        .candidates
        .iter()
        .map(|c| {
            let names = c
                .names
                .iter()
                .filter_map(|n| Some((n, PersonName::parse(n)?)))
                .collect();
            (c, names)
        })
        .collect();
    let theirs: HashSet<&String> = parsed
        .iter()
        .flat_map(|(_, names)| names.iter().filter_map(|(_, p)| p.given.as_ref()))
        .collect();
    let forms: Vec<Form> = forms_in_text(article.text, &open.surname)
        .into_iter()
        .filter(|f| theirs.contains(&f.given) || given_names.is_known(&f.given))
        .collect();
    let named: Vec<(&Candidate, &String)> = parsed
        .iter()
        .filter_map(|(c, names)| {
            names
                .iter()
                .find(|(_, p)| forms.iter().any(|f| form_writes(f, p, given_names)))
                .map(|(n, _)| (*c, *n))
        })
        .collect();
    match named[..] {
        [(c, n)] => return Some((c.cluster, Why::SurnameInArticle { full: n.clone() })),
        [_, _, ..] => return None,
        [] => {}
    }
    if !forms.is_empty() {
        // Someone else of that surname is named here.
        return None;
    }
    let total: usize = open.candidates.iter().map(|c| c.articles).sum();
    let top = open.candidates.iter().max_by_key(|c| c.articles)?;
    let others = total - top.articles;
    (top.articles >= DOMINANT_ARTICLES && top.articles >= DOMINANCE * others).then(|| {
        let full = top.names.first().cloned().unwrap_or_default();
        (
            top.cluster,
            Why::SurnameDominant {
                full,
                articles: top.articles,
                of: total,
            },
        )
    })
}

/// One place a text writes a name with a given surname: "Donald J. Trump
/// Jr." → given `donald`, middle `j`, suffix `jr`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Form {
    pub given: String,
    /// Middle initials written between, in order.
    pub middle: Vec<char>,
    pub suffix: Option<String>,
    /// Whether a family word stands just before ("his father, Rafael Cruz").
    pub relative: bool,
}

/// Is `word` (lower case) a title, honorific or other word that stands
/// before a surname without being a given name ("President", "Mr.")?
fn not_a_given_name(word: &str) -> bool {
    static HONORIFICS: std::sync::OnceLock<HashSet<String>> = std::sync::OnceLock::new();
    let lex = Lexicon::builtin();
    let honorifics = HONORIFICS.get_or_init(|| {
        lex.honorifics
            .iter()
            .map(|h| h.trim_end_matches('.').to_lowercase())
            .collect()
    });
    honorifics.contains(word)
        || lex.titles.contains(word)
        || lex.non_names.contains(word)
        || lex.pronouns.contains_key(word)
        || lex.speech_verbs.contains(word)
        || word.len() < 2
        || word.chars().any(|c| c.is_ascii_digit())
}

/// Every way `text` writes a full name with `surname` (lower case): the
/// capitalised word before the surname, past up to two initials, is taken
/// for the given name unless it is a title or a small word.
pub fn forms_in_text(text: &str, surname: &str) -> BTreeSet<Form> {
    let mut out = BTreeSet::new();
    let mut found = false;
    if surname.is_ascii() && !surname.is_empty() {
        // Only the words just around each place the surname is written:
        // reading the whole article word by word was most of the time.
        // ASCII lower-casing keeps every byte where it was.
        let lower = text.to_ascii_lowercase();
        let mut from = 0;
        while let Some(at) = lower[from..].find(surname) {
            let at = from + at;
            let mut start = at.saturating_sub(WINDOW_BEFORE);
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (at + surname.len() + WINDOW_AFTER).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            forms_in_window(&text[start..end], surname, &mut out);
            from = at + surname.len();
            found = true;
        }
    }
    if !found && !text.is_ascii() {
        // Written with accents ("García" for `garcia`), or in another script.
        forms_in_window(text, surname, &mut out);
    }
    out
}

/// Bytes read before and after a surname for its given name, initials,
/// suffix and a family word: "his pastor father, Rafael H. W. Cruz, Jr.".
const WINDOW_BEFORE: usize = 64;
const WINDOW_AFTER: usize = 12;

fn forms_in_window(text: &str, surname: &str, out: &mut BTreeSet<Form>) {
    // Words with whether they were capitalised as written.
    let cased: Vec<(String, bool)> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty())
        .flat_map(|w| {
            // "Bush's son": the possessive is not part of the name.
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("\u{2019}s"))
                .unwrap_or(w);
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            words_of(w).into_iter().map(move |t| (t, capital))
        })
        .collect();
    let toks: Vec<&str> = cased.iter().map(|(t, _)| t.as_str()).collect();
    for k in 0..toks.len() {
        if toks[k] != surname {
            continue;
        }
        let mut g = k;
        let mut middle = Vec::new();
        while g > 0 && toks[g - 1].len() == 1 && cased[g - 1].1 && middle.len() < 2 {
            g -= 1;
            middle.push(toks[g].chars().next().unwrap_or(' '));
        }
        if g == 0 {
            continue;
        }
        let given = toks[g - 1];
        if !cased[g - 1].1 || not_a_given_name(given) {
            continue;
        }
        middle.reverse();
        let suffix = toks
            .get(k + 1)
            .and_then(|t| suffix_form(t))
            .map(str::to_string);
        let kin = &Lexicon::builtin().kin_words;
        let relative = toks[g.saturating_sub(4)..g - 1]
            .iter()
            .any(|t| kin.contains(*t));
        out.insert(Form {
            given: given.to_string(),
            middle,
            suffix,
            relative,
        });
    }
}

/// What one article shows about the bases (given name, surname) asked
/// for, added to `evidence`: two suffixes or two middles of one base, and
/// whether `name` (a key) is introduced there as a relative.
pub fn add_evidence(evidence: &mut Evidence, text: &str, name: &PersonName) -> bool {
    let Some((given, surname)) = name.base() else {
        return false;
    };
    let forms: Vec<Form> = forms_in_text(text, &surname)
        .into_iter()
        .filter(|f| f.given == given)
        .collect();
    let suffixes: BTreeSet<&Option<String>> = forms.iter().map(|f| &f.suffix).collect();
    if suffixes.len() > 1 {
        evidence
            .two_generations
            .insert((given.clone(), surname.clone()));
    }
    let middles: BTreeSet<&Vec<char>> = forms
        .iter()
        .map(|f| &f.middle)
        .filter(|m| !m.is_empty())
        .collect();
    if middles.len() > 1 {
        evidence
            .two_middles
            .insert((given.clone(), surname.clone()));
    }
    forms
        .iter()
        .any(|f| f.relative && f.middle == name.middle && f.suffix == name.suffix)
}

/// The telling words of every description `text` puts just after `name`
/// as written: "Bob Mason, a retired Postal Service letter carrier who
/// lined up" → carrier, letter, postal, service. A description is what
/// follows a comma or a dash after the name, up to the end of its clause
/// (punctuation, a quotation mark, "who", a speech verb), at most
/// [`DESCRIPTION_WORDS`] words; an age ("Bob Mason, 64,") is passed over.
pub fn descriptions_in_text(text: &str, name: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    if name.is_empty() {
        return out;
    }
    for (at, _) in text.match_indices(name) {
        let before = text[..at].chars().next_back();
        if before.is_some_and(char::is_alphanumeric) {
            continue;
        }
        // "Jim Bob Mason" is another name; "Sen. Bob Mason" is this one.
        let previous = text[..at].split_whitespace().next_back().unwrap_or("");
        let capitalised = previous.chars().next().is_some_and(char::is_uppercase);
        let previous = words_of(previous).pop().unwrap_or_default();
        if capitalised && !not_a_given_name(&previous) {
            continue;
        }
        let rest = &text[at + name.len()..];
        let rest = rest
            .strip_prefix(", ")
            .or_else(|| rest.strip_prefix(" \u{2014} "))
            .or_else(|| rest.strip_prefix(" -- "));
        if let Some(rest) = rest {
            description_words(rest, &mut out);
        }
    }
    out
}

/// Most words of one description read: the head noun comes early.
const DESCRIPTION_WORDS: usize = 12;

/// The telling words of the clause `rest` starts with, into `out`.
fn description_words(rest: &str, out: &mut BTreeSet<String>) {
    let lex = Lexicon::builtin();
    let fillers = description_fillers();
    for raw in rest.split_whitespace().take(DESCRIPTION_WORDS) {
        if raw.starts_with(['"', '\'', '\u{201c}', '\u{2018}', '(']) {
            return;
        }
        let core =
            raw.trim_end_matches([',', '.', ';', ':', ')', '"', '\u{201d}', '\u{2019}', '\'']);
        // "Mr." and "U.S." keep their dots: not the end of the clause.
        let dotted = raw.strip_suffix(',').unwrap_or(raw);
        let abbreviation = dotted.ends_with('.')
            && (lex.honorifics.contains(dotted)
                || lex.abbreviations.contains(dotted)
                || dotted[..dotted.len() - 1].contains('.'));
        let ends_clause = core.len() < raw.len() && !(abbreviation && dotted.len() == raw.len());
        let core = core
            .strip_suffix("'s")
            .or_else(|| core.strip_suffix("\u{2019}s"))
            .unwrap_or(core);
        if core.chars().all(|c| c.is_ascii_digit()) {
            // An age: "Bob Mason, 64, a retired ...".
            continue;
        }
        for word in words_of(core) {
            if lex.speech_verbs.contains(&word)
                || matches!(word.as_str(), "who" | "which" | "that" | "whose")
            {
                return;
            }
            if word.len() >= 3
                && word.chars().all(|c| c.is_ascii_alphabetic())
                && !fillers.contains(&word)
            {
                out.insert(word);
            }
        }
        if ends_clause {
            return;
        }
    }
}

/// What one article says of who `name` (as written) is, added to
/// `evidence` under its given name and surname.
pub fn add_description(evidence: &mut Evidence, text: &str, name: &str) {
    let Some(base) = PersonName::parse(name).and_then(|p| p.base()) else {
        return;
    };
    let words = descriptions_in_text(text, name);
    evidence.descriptions.entry(base).or_default().extend(words);
}

/// The person names whose descriptions identity should read: those that
/// only a diminutive or an initial joins to another stored name ("Bob"
/// and "Robert Mason").
pub fn names_needing_descriptions(names: &[NameCount]) -> Vec<String> {
    let matcher = Matcher::default();
    let mut by_surname: BTreeMap<String, Vec<(&NameCount, PersonName)>> = BTreeMap::new();
    for n in names {
        if let Some(p) = PersonName::parse(&n.name)
            && p.given.is_some()
        {
            by_surname
                .entry(p.surname.clone())
                .or_default()
                .push((n, p));
        }
    }
    let mut out = BTreeSet::new();
    for group in by_surname.values() {
        for (i, (na, a)) in group.iter().enumerate() {
            for (nb, b) in &group[i + 1..] {
                if let Relation::Same(_, why) = matcher.relate(a, b)
                    && why
                        .iter()
                        .any(|w| matches!(w, Why::Diminutive { .. } | Why::Initial { .. }))
                {
                    out.insert(na.name.clone());
                    out.insert(nb.name.clone());
                }
            }
        }
    }
    out.into_iter().collect()
}

/// The person names whose articles identity should read for [`Evidence`]:
/// those sharing a given name and surname with another stored name written
/// with a different middle or suffix. Names carrying two different
/// suffixes are recorded here already.
pub fn names_needing_evidence(names: &[NameCount], evidence: &mut Evidence) -> Vec<String> {
    let mut by_base: BTreeMap<(String, String), Vec<(&NameCount, PersonName)>> = BTreeMap::new();
    for n in names {
        if let Some(p) = PersonName::parse(&n.name)
            && let Some(base) = p.base()
        {
            by_base.entry(base).or_default().push((n, p));
        }
    }
    let mut out = Vec::new();
    for (base, group) in by_base {
        let variants: BTreeSet<(&Vec<char>, &Option<String>)> =
            group.iter().map(|(_, p)| (&p.middle, &p.suffix)).collect();
        if variants.len() < 2 {
            continue;
        }
        let suffixes: BTreeSet<&String> = group
            .iter()
            .filter_map(|(_, p)| p.suffix.as_ref())
            .collect();
        if suffixes.len() > 1 {
            evidence.two_generations.insert(base.clone());
        }
        out.extend(group.iter().map(|(n, _)| n.name.clone()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<NameCount> {
        list.iter()
            .map(|n| NameCount {
                name: n.to_string(),
                quotes: 1,
                articles: 2,
            })
            .collect()
    }

    /// The clusters as sorted lists of member names.
    fn groups_of(list: &[&str], corrections: &Corrections) -> Vec<Vec<String>> {
        groups_with(list, corrections, &Evidence::default())
    }

    fn groups_with(list: &[&str], corrections: &Corrections, ev: &Evidence) -> Vec<Vec<String>> {
        let mut out: Vec<Vec<String>> = people(&names(list), corrections, ev)
            .clusters
            .into_iter()
            .map(|c| c.members)
            .collect();
        out.sort();
        out
    }

    fn same(a: &str, b: &str) -> bool {
        groups_of(&[a, b], &Corrections::default()).len() == 1
    }

    fn base(given: &str, surname: &str) -> (String, String) {
        (given.to_string(), surname.to_string())
    }

    #[test]
    fn names_split_into_folded_lower_case_words() {
        assert_eq!(words_of("José  Núñez-O'Brien"), ["jose", "nunez", "obrien"]);
        assert_eq!(
            words_of("Sen. Mitch McConnell"),
            ["sen", "mitch", "mcconnell"]
        );
        assert_eq!(words_of("Сергей Лавров"), ["sergei", "lavrov"]);
        assert!(words_of("— ...").is_empty());
    }

    #[test]
    fn keys_fold_accents_scripts_and_keep_suffixes() {
        assert_eq!(name_key("José Gómez"), "jose gomez");
        assert_eq!(name_key("Martin Luther King, Jr."), "martin luther king jr");
        assert_eq!(name_key("Donald Trump Junior"), "donald trump jr");
        assert_eq!(name_key("Beto O'Rourke"), "beto orourke");
        assert_eq!(name_key("Сергей Лавров"), "sergei lavrov");
        let p = PersonName::parse("Trump Jr.").unwrap();
        assert_eq!(
            (p.given, p.surname.as_str(), p.suffix.as_deref()),
            (None, "trump", Some("jr"))
        );
    }

    #[test]
    fn transliteration_and_spelling_variants_merge() {
        assert!(same("Sergei Lavrov", "Sergey Lavrov"));
        assert!(same("Сергей Лавров", "Sergey Lavrov"));
        assert!(same("Muammar Gaddafi", "Moammar Gadhafi"));
        assert!(same("José Gómez", "Jose Gomez"));
        assert!(same("John Kerry", "John F. Kerry"));
        assert!(same("John Kerry", "John Forbes Kerry"));
        assert!(same("Bashar al-Assad", "Bashar Assad"));
    }

    #[test]
    fn shared_surnames_with_other_given_names_stay_apart() {
        assert!(!same("Hillary Clinton", "Bill Clinton"));
        assert!(!same("Hillary Clinton", "William Clinton"));
        assert!(!same("George W. Bush", "George H. W. Bush"));
        assert!(!same("Mark Smith", "Mary Smith"));
        assert!(!same("Boris Johnson", "Boris Johnston"));
        assert!(!same("Peter Cook", "Peter Cooke-Smith"));
        assert!(!same("Albert Gore", "Alfred Gore"));
        assert!(!same("Iowa Democrat", "Iowa Democrats"));
        // A surname built on another is another surname.
        assert!(!same("Anna Richardson", "Anne Richards"));
        assert!(!same("Mark Williams", "Mark Williamson"));
        assert!(names_a_body("chinese air force") && names_a_body("air force"));
        assert!(!names_a_body("mario vargas llosa"));
    }

    #[test]
    fn diminutives_join_their_formal_names() {
        assert!(same("Joe Biden", "Joseph R. Biden Jr."));
        assert!(same("Joe Biden", "Joseph Biden"));
        assert!(same("Dick Durbin", "Richard J. Durbin"));
        assert!(same("Bill Clinton", "William Jefferson Clinton"));
        assert!(same("Jeb Bush", "John Ellis Bush"));
        assert!(same("Ben Carson", "Benjamin Carson"));
        assert!(same("Mike Pence", "Michael R. Pence"));
        // Bill is William's, never Hillary's.
        let g = groups_of(
            &[
                "Bill Clinton",
                "William J. Clinton",
                "Hillary Clinton",
                "Hillary Rodham Clinton",
            ],
            &Corrections::default(),
        );
        assert_eq!(g.len(), 2, "{g:?}");
        // A short form shared by two formal names joins neither to the other.
        let g = groups_of(
            &["Al Smith", "Albert Smith", "Alfred Smith"],
            &Corrections::default(),
        );
        assert_eq!(g.len(), 2, "{g:?}");
    }

    #[test]
    fn descriptions_keep_the_telling_words_of_the_clause_after_a_name() {
        let words = |text: &str, name: &str| -> Vec<String> {
            descriptions_in_text(text, name).into_iter().collect()
        };
        assert_eq!(
            words(
                "''It hurts,'' said Bob Mason, a retired Postal Service letter carrier who lined up early.",
                "Bob Mason"
            ),
            ["carrier", "letter", "postal", "service"]
        );
        // An age is passed over, "Mr." is not the end of the clause, the
        // quote after the clause is not read.
        assert_eq!(
            words(
                "said Doug Schoen, 61, a former adviser to Mr. Clinton. \"Going negative\"",
                "Doug Schoen"
            ),
            ["adviser", "clinton"]
        );
        // No description: a verb, "who", a possessive, a longer word.
        for text in [
            "Bob Mason said it was over.",
            "Bob Mason, who lined up early, said so.",
            "Bob Mason's dog barked.",
            "Bob Masonry, a trade.",
            "Jim Bob Mason, a farmer.",
        ] {
            assert!(words(text, "Bob Mason").is_empty(), "{text}");
        }
        assert_eq!(
            words(
                "Robert Mason \u{2014} a University of Washington professor",
                "Robert Mason"
            ),
            ["professor", "university", "washington"]
        );
    }

    #[test]
    fn diminutives_of_people_described_apart_stay_apart() {
        let list = ["Bob Mason", "Robert Mason"];
        assert_eq!(
            names_needing_descriptions(&names(&list)),
            ["Bob Mason", "Robert Mason"]
        );
        // Same given name, or unrelated given names: nothing to read.
        assert!(names_needing_descriptions(&names(&["Robert Mason", "R. Mason"])).len() == 2);
        assert!(
            names_needing_descriptions(&names(&["Robert Mason", "Robert J. Mason"])).is_empty()
        );
        assert!(names_needing_descriptions(&names(&["Robert Mason", "Alice Mason"])).is_empty());

        let mut ev = Evidence::default();
        add_description(
            &mut ev,
            "said Bob Mason, a retired Postal Service letter carrier.",
            "Bob Mason",
        );
        add_description(
            &mut ev,
            "said Robert Mason, a University of Washington professor.",
            "Robert Mason",
        );
        assert_eq!(groups_with(&list, &Corrections::default(), &ev).len(), 2);
        // One word in common ("governor"), or one side not described: one
        // person, as without descriptions.
        let mut ev = Evidence::default();
        add_description(
            &mut ev,
            "Ed Rendell, a former Pennsylvania governor,",
            "Ed Rendell",
        );
        add_description(
            &mut ev,
            "Edward G. Rendell, a former governor of Pennsylvania who",
            "Edward G. Rendell",
        );
        assert_eq!(
            groups_with(
                &["Ed Rendell", "Edward G. Rendell"],
                &Corrections::default(),
                &ev
            )
            .len(),
            1
        );
        let mut ev = Evidence::default();
        add_description(
            &mut ev,
            "said Bob Mason, a retired letter carrier.",
            "Bob Mason",
        );
        add_description(&mut ev, "Robert Mason said.", "Robert Mason");
        assert_eq!(groups_with(&list, &Corrections::default(), &ev).len(), 1);
        // Descriptions never part names written alike.
        let mut ev = Evidence::default();
        add_description(&mut ev, "Robert Mason, a letter carrier.", "Robert Mason");
        add_description(&mut ev, "Robert J. Mason, a professor.", "Robert J. Mason");
        assert_eq!(
            groups_with(
                &["Robert Mason", "Robert J. Mason"],
                &Corrections::default(),
                &ev
            )
            .len(),
            1
        );
    }

    #[test]
    fn suffixes_part_generations_the_corpus_shows() {
        // Nothing in the corpus shows two Bidens: the forms are one man.
        let g = groups_of(
            &["Joseph R. Biden Jr.", "Joe Biden", "Biden"],
            &Corrections::default(),
        );
        assert_eq!(g.len(), 1, "{g:?}");
        // An article writes "Donald J. Trump" and "Donald Trump Jr.": two.
        let mut ev = Evidence::default();
        let jr = PersonName::parse("Donald Trump Jr.").unwrap();
        add_evidence(
            &mut ev,
            "A harsh response from Donald Trump Jr., who defended Donald J. Trump, his father.",
            &jr,
        );
        assert!(ev.two_generations.contains(&base("donald", "trump")));
        let list = [
            "Donald Trump",
            "Donald J. Trump",
            "Donald Trump Jr.",
            "Trump Jr.",
        ];
        let g = groups_with(&list, &Corrections::default(), &ev);
        assert_eq!(
            g,
            vec![
                vec!["Donald J. Trump".to_string(), "Donald Trump".to_string()],
                vec!["Donald Trump Jr.".to_string(), "Trump Jr.".to_string()],
            ]
        );
        // Two different suffixes are two people, whatever else.
        assert!(!same("Brent Bozell Jr.", "Brent Bozell III"));
        let mut ev = Evidence::default();
        let stored = names(&["Brent Bozell", "Brent Bozell Jr.", "Brent Bozell III"]);
        let asked = names_needing_evidence(&stored, &mut ev);
        assert_eq!(asked.len(), 3);
        assert!(ev.two_generations.contains(&base("brent", "bozell")));
        let g = groups_with(
            &["Brent Bozell", "Brent Bozell III"],
            &Corrections::default(),
            &ev,
        );
        assert_eq!(g.len(), 2, "{g:?}");
    }

    #[test]
    fn george_bush_is_not_taken_for_george_w_bush_when_the_corpus_knows_two() {
        let mut ev = Evidence::default();
        let plain = PersonName::parse("George Bush").unwrap();
        add_evidence(
            &mut ev,
            "He is George Bush's son and George W. Bush's brother; George H.W. Bush said so.",
            &plain,
        );
        assert!(ev.two_middles.contains(&base("george", "bush")));
        let g = groups_with(
            &["George Bush", "George W. Bush"],
            &Corrections::default(),
            &ev,
        );
        assert_eq!(g.len(), 2, "{g:?}");
        // Without that evidence the middle initial is only a middle initial.
        assert!(same("George Bush", "George W. Bush"));
    }

    #[test]
    fn a_name_introduced_as_a_relative_joins_only_itself() {
        let mut ev = Evidence::default();
        let father = PersonName::parse("Rafael Cruz").unwrap();
        assert!(add_evidence(
            &mut ev,
            "Mr. Cruz deployed his pastor father, Rafael Cruz, as a surrogate.",
            &father,
        ));
        ev.relatives.insert("rafael cruz".into());
        let g = groups_with(
            &["Rafael Cruz", "Rafael Edward Cruz"],
            &Corrections::default(),
            &ev,
        );
        assert_eq!(g.len(), 2, "{g:?}");
    }

    #[test]
    fn a_surname_alone_joins_only_an_unambiguous_person() {
        let g = groups_of(
            &["John Kerry", "Kerry", "Peter Cook"],
            &Corrections::default(),
        );
        assert_eq!(g, vec![vec!["John Kerry", "Kerry"], vec!["Peter Cook"]]);
        let p = people(
            &names(&["Hillary Clinton", "Bill Clinton", "Clinton"]),
            &Corrections::default(),
            &Evidence::default(),
        );
        assert_eq!(p.clusters.len(), 3, "{:?}", p.clusters);
        assert_eq!(p.open.len(), 1);
        assert_eq!(p.open[0].name, "Clinton");
        assert_eq!(p.open[0].candidates.len(), 2);
    }

    fn open_clinton() -> OpenSurname {
        OpenSurname {
            name: "Clinton".into(),
            surname: "clinton".into(),
            candidates: vec![
                Candidate {
                    cluster: 0,
                    names: vec!["Bill Clinton".into()],
                    articles: 26,
                },
                Candidate {
                    cluster: 1,
                    names: vec!["Hillary Clinton".into(), "Hillary Rodham Clinton".into()],
                    articles: 160,
                },
            ],
        }
    }

    #[test]
    fn an_article_settles_a_surname_it_names_once_in_full() {
        let open = open_clinton();
        let ctx =
            |speakers: &'static [String], text: &'static str| ArticleContext { speakers, text };
        // Named in the text.
        let got = pick_in_article(
            &open,
            ctx(&[], "Hillary Clinton spoke. \"No,\" Clinton said."),
        );
        assert_eq!(got.map(|g| g.0), Some(1));
        // Both named: doubt, stays as written.
        let both = "Hillary Clinton and Bill Clinton came. \"No,\" Clinton said.";
        assert_eq!(pick_in_article(&open, ctx(&[], both)), None);
        // Neither named, and Bill is quoted too often to be ruled out.
        assert_eq!(
            pick_in_article(&open, ctx(&[], "\"No,\" Mrs. Clinton said.")),
            None
        );
        // A title is not a given name; one dominant Obama takes it.
        let obama = OpenSurname {
            name: "Obama".into(),
            surname: "obama".into(),
            candidates: vec![
                Candidate {
                    cluster: 3,
                    names: vec!["Barack Obama".into()],
                    articles: 23,
                },
                Candidate {
                    cluster: 4,
                    names: vec!["Michelle Obama".into()],
                    articles: 1,
                },
            ],
        };
        let text = "\"Yes,\" President Obama said. While Obama left, Mr. Obama stayed.";
        let got = pick_in_article(&obama, ctx(&[], text));
        assert!(
            matches!(got, Some((3, Why::SurnameDominant { .. }))),
            "{got:?}"
        );
        let got = pick_in_article(&obama, ctx(&[], "Michelle Obama spoke; Obama said no."));
        assert_eq!(got.map(|g| g.0), Some(4));
        // The text's suffix tells the generations apart.
        let trump = OpenSurname {
            name: "Trump".into(),
            surname: "trump".into(),
            candidates: vec![
                Candidate {
                    cluster: 5,
                    names: vec!["Donald Trump".into(), "Donald J. Trump".into()],
                    articles: 220,
                },
                Candidate {
                    cluster: 6,
                    names: vec!["Donald Trump Jr.".into()],
                    articles: 1,
                },
            ],
        };
        let got = pick_in_article(
            &trump,
            ctx(&[], "It is Ted Cruz or Donald Trump, Trump said."),
        );
        assert_eq!(got.map(|g| g.0), Some(5));
        let got = pick_in_article(&trump, ctx(&[], "Donald Trump Jr. spoke. Trump said no."));
        assert_eq!(got.map(|g| g.0), Some(6));
    }

    #[test]
    fn headline_fragments_are_refused_as_names() {
        let known = |k: &str| ["ted cruz", "jeb bush", "donald trump"].contains(&k);
        for name in [
            "Carly Fiorina Endorses Ted Cruz",
            "Tom Nides Thanked Clinton",
            "FlagShareLikeReplyPaige Lavender",
            "Glenn Beck Blasts Drudge",
            "Donald Trump Praises Breitbart",
            "Said Comey",
            "Abortions Jeb Bush",
            "North Korea Donald Trump",
            "Los Angeles-area Sanders",
        ] {
            assert!(refusal(name, known).is_some(), "{name}");
        }
        for name in [
            "Ted Cruz",
            "Hillary Rodham Clinton",
            "John Ellis Bush",
            "Ban Ki-moon",
            "Bashar al-Assad",
            "Mitch McConnell",
            "Ron DeSantis",
            "Martin Luther King Jr.",
            "Melba Acosta Febo",
            "Will Hurd",
            "de Blasio",
            "KellyAnne Conway",
            "Jim VandeHei",
            "Enrique PeA",
        ] {
            assert_eq!(refusal(name, known), None, "{name}");
        }
        assert!(refusal("Senators Rubio", known).is_some());
        // A refused run joins only the stored name inside it, never by
        // spelling ("Carly"/"Carla").
        let p = people(
            &names(&["Carly Fiorina Endorses Ted Cruz", "Carla Cruz", "Ted Cruz"]),
            &Corrections::default(),
            &Evidence::default(),
        );
        assert_eq!(p.clusters.len(), 2);
        assert_eq!(p.refused.len(), 1);
        let g = groups_of(
            &[
                "Carly Fiorina Endorses Ted Cruz",
                "Carly Fiorina",
                "Carla Cruz",
                "Abortions Jeb Bush",
                "Jeb Bush",
                "Said Comey",
                "James Comey",
                "Bashing Trump",
                "Donald Trump",
                "Senators Rubio",
                "Marco Rubio",
            ],
            &Corrections::default(),
        );
        let with = |n: &str| {
            g.iter()
                .find(|c| c.iter().any(|m| m == n))
                .cloned()
                .unwrap_or_default()
        };
        assert!(with("Carly Fiorina").contains(&"Carly Fiorina Endorses Ted Cruz".to_string()));
        assert!(with("Jeb Bush").contains(&"Abortions Jeb Bush".to_string()));
        assert!(with("James Comey").contains(&"Said Comey".to_string()));
        assert!(with("Marco Rubio").contains(&"Senators Rubio".to_string()));
        assert!(!with("Donald Trump").contains(&"Bashing Trump".to_string()));
        assert_eq!(with("Carla Cruz"), vec!["Carla Cruz".to_string()]);
        let list = [
            "Stated Stone",
            "Continued Stone",
            "Roger Stone",
            "Oliver Stone",
        ];
        let c = cluster_people(&names(&list), &Corrections::default());
        assert_eq!(c.len(), 3, "{c:?}");
        assert!(
            c.iter()
                .any(|c| c.canonical == "Stone" && c.members.len() == 2)
        );
    }

    #[test]
    fn generic_organisations_are_told_from_named_ones() {
        for name in [
            "a group",
            "A group",
            "Committee",
            "his campaign",
            "the company",
            "groups",
        ] {
            assert!(generic_organisation(name), "{name}");
        }
        for name in [
            "the Pentagon",
            "Clinton campaign",
            "Oversight Committee",
            "CNN",
            "Times",
        ] {
            assert!(!generic_organisation(name), "{name}");
        }
    }

    #[test]
    fn joins_say_why() {
        let c = cluster_people(
            &names(&[
                "Joe Biden",
                "Joseph R. Biden Jr.",
                "Sergei Lavrov",
                "Sergey Lavrov",
                "JOE BIDEN",
            ]),
            &Corrections::default(),
        );
        let biden = c.iter().find(|c| c.canonical.contains("Biden")).unwrap();
        let why: Vec<String> = biden
            .joins
            .iter()
            .flat_map(|j| j.why.iter().map(|w| w.to_string()))
            .collect();
        assert!(why.contains(&"same name".to_string()), "{why:?}");
        assert!(
            why.contains(&"diminutive Joe = Joseph".to_string()),
            "{why:?}"
        );
        assert!(why.iter().any(|w| w.starts_with("suffix Jr.")), "{why:?}");
        let lavrov = c.iter().find(|c| c.canonical.contains("Lavrov")).unwrap();
        assert_eq!(
            lavrov.joins[0].why[0].to_string(),
            "spelling variant (Sergei/Sergey)"
        );
    }

    #[test]
    fn a_hub_cannot_join_two_people_told_apart() {
        // "George Bush" fits both; the two must not end up one speaker.
        let g = groups_of(
            &["George W. Bush", "George H. W. Bush", "George Bush"],
            &Corrections::default(),
        );
        assert_eq!(g.len(), 2, "{g:?}");
    }

    #[test]
    fn display_name_prefers_full_and_most_quoted() {
        let mut list = names(&["Kerry", "John F. Kerry", "John Kerry"]);
        list[2].quotes = 5;
        let c = cluster_people(&list, &Corrections::default());
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].canonical, "John Kerry");
        assert!(!c[0].by_user);
    }

    fn corrections(csv: &str) -> Corrections {
        Corrections::from_csv(csv.as_bytes(), "test.csv").unwrap()
    }

    #[test]
    fn corrections_win_over_the_machine() {
        // Split: the user says these are two people.
        let c = corrections(
            "alias,canonical,wikidata_id\nSergey Lavrov,Sergey Lavrov,\nSergei Lavrov,Sergei Lavrov,\n",
        );
        assert_eq!(groups_of(&["Sergei Lavrov", "Sergey Lavrov"], &c).len(), 2);
        // Merge: the user says these are one, named as they like.
        let c = corrections("Bill Clinton,William J. Clinton,Q1124\n");
        let out = cluster_people(&names(&["Bill Clinton", "William Clinton"]), &c);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].canonical, "William J. Clinton");
        assert_eq!(out[0].wikidata.as_deref(), Some("Q1124"));
        assert!(out[0].by_user);
        // Later lines win.
        let c = corrections("Kerry,John Kerry\nKerry,Kerry\n");
        assert_eq!(c.canonical_for("kerry").as_deref(), Some("Kerry"));
        // A user's name is never refused.
        let c = corrections("Said Comey,Said Comey\n");
        let p = people(&names(&["Said Comey"]), &c, &Evidence::default());
        assert!(p.refused.is_empty());
    }

    #[test]
    fn organisations_merge_only_on_the_same_name() {
        let out = cluster_organisations(
            &names(&[
                "the Pentagon",
                "Pentagon",
                "Russia's Defence Ministry",
                "the ministry",
            ]),
            &Corrections::default(),
        );
        assert_eq!(out.len(), 3);
    }

    #[test]
    fn bad_correction_files_say_which_line() {
        for (csv, want) in [
            ("alias,canonical\nKerry\n", "line 2"),
            ("Kerry,John Kerry,22316\n", "not a Wikidata id"),
            ("Kerry,,\n", "must both have letters"),
            ("a,b,c,d\n", "expected 2 or 3 fields"),
        ] {
            let err = Corrections::from_csv(csv.as_bytes(), "x.csv")
                .unwrap_err()
                .to_string();
            assert!(err.contains(want), "{csv:?}: {err}");
        }
        let c = corrections("# my fixes\n\n\"Kerry, John\",John Kerry,Q22316\n");
        assert_eq!(c.rows.len(), 1);
        assert_eq!(c.rows[0].alias, "Kerry, John");
        let again = Corrections::from_csv(c.to_csv().unwrap().as_bytes(), "x").unwrap();
        assert_eq!(again, c);
    }
}
