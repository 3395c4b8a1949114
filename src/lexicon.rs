//! The word lists of `grammar/`, compiled in so the binary stands alone.
//! A user can replace any list with a file of the same name in a folder of
//! their own (`--grammar DIR` or `QUOTETRACK_GRAMMAR`), so a journalist can
//! add "quipped" without touching Rust.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;
use std::sync::OnceLock;

use crate::record::FoundBy;

pub const SPEECH_VERBS: &str = include_str!("../grammar/speech_verbs.txt");
pub const TITLES: &str = include_str!("../grammar/titles.txt");
pub const HONORIFICS: &str = include_str!("../grammar/honorifics.txt");
pub const ANONYMOUS_HEADS: &str = include_str!("../grammar/anonymous_heads.txt");
pub const ORGANISATIONS: &str = include_str!("../grammar/organisations.txt");
pub const PRONOUNS: &str = include_str!("../grammar/pronouns.txt");
pub const NON_NAMES: &str = include_str!("../grammar/non_names.txt");
pub const PLACE_HEADS: &str = include_str!("../grammar/place_heads.txt");
pub const TITLE_CUES: &str = include_str!("../grammar/title_cues.txt");
pub const PLACES: &str = include_str!("../grammar/places.txt");
pub const SPEECH_NOUNS: &str = include_str!("../grammar/speech_nouns.txt");
pub const DOCUMENT_NOUNS: &str = include_str!("../grammar/document_nouns.txt");
pub const NAMING_VERBS: &str = include_str!("../grammar/naming_verbs.txt");
pub const CLAIM_VERBS: &str = include_str!("../grammar/claim_verbs.txt");
pub const KIN_WORDS: &str = include_str!("../grammar/kin_words.txt");
pub const PARTIES: &str = include_str!("../grammar/parties.txt");
pub const TITLE_FORMS: &str = include_str!("../grammar/title_forms.txt");
/// US states by their abbreviations, for the party tag after a name.
pub const US_STATES: &str = include_str!("../grammar/us_states.txt");
pub const ABBREVIATIONS: &str = include_str!("../grammar/abbreviations.txt");
pub const CONFIDENCE: &str = include_str!("../grammar/confidence.txt");
/// Given names and their diminutives, for speaker identity (not extraction).
pub const GIVEN_NAMES: &str = include_str!("../grammar/given_names.txt");
pub const GIVEN_NAME_GENDERS: &str = include_str!("../grammar/given_name_genders.txt");
/// Headline verbs that mark a capitalised run as a headline, for identity.
pub const HEADLINE_VERBS: &str = include_str!("../grammar/headline_verbs.txt");
/// Words of a description after a name that do not tell people apart, for
/// identity.
pub const DESCRIPTION_FILLERS: &str = include_str!("../grammar/description_fillers.txt");
/// Words for peoples and faiths: a speaker named only by them names no one
/// person (`resolve::speaker`).
pub const DEMONYMS: &str = include_str!("../grammar/demonyms.txt");
pub const COMMON_WORDS: &str = include_str!("../grammar/common_words.txt");

/// A word list, looked up by lower-case word.
pub type WordSet = HashSet<String>;

/// Gender a pronoun shows, used to pick its antecedent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Masculine,
    Feminine,
    Neutral,
    Plural,
}

#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// Every form of every speech verb, lower case.
    pub speech_verbs: HashSet<String>,
    /// Role and title words, lower case.
    pub titles: HashSet<String>,
    /// Honorifics as written ("Sen.", "Maj."), compared case-sensitively.
    pub honorifics: HashSet<String>,
    pub anonymous_heads: HashSet<String>,
    pub organisations: HashSet<String>,
    pub pronouns: HashMap<String, Gender>,
    /// Capitalised words that never start or make a name (days, months,
    /// sentence-initial function words), lower case.
    pub non_names: HashSet<String>,
    /// Last words of place names (`city`, `hill`), lower case.
    pub place_heads: HashSet<String>,
    /// Words before the quoted name of a work (`on`, `titled`, `memoir`).
    pub title_cues: HashSet<String>,
    /// Names of places (`iowa`, `new hampshire`), lower case.
    pub places: HashSet<String>,
    /// Nouns for something said (`promise`, `remarks`), lower case.
    pub speech_nouns: HashSet<String>,
    /// Documents that speak for their issuer: `statement`, `memo`.
    pub document_nouns: HashSet<String>,
    /// Verbs that put a label on someone or something (`dubbed`,
    /// `labeled`), every form, lower case.
    pub naming_verbs: HashSet<String>,
    /// Reporting verbs that govern a clause without quotation marks
    /// (`said`, `warned`, `according`), every form, lower case: the cues of
    /// claims.
    pub claim_verbs: HashSet<String>,
    /// Family words that introduce a name as someone's relative
    /// (`father`, `husband`), lower case.
    pub kin_words: HashSet<String>,
    /// Party words (`gop`, `democratic`), lower case, each to its party's
    /// line in `grammar/parties.txt`.
    pub parties: HashMap<String, usize>,
    /// Each abbreviated role word's full form (`sen` -> `senator`), from
    /// `grammar/title_forms.txt`.
    pub title_forms: HashMap<String, String>,
    /// Words whose dot is theirs, not a full stop (`Ky.`, `Jr.`, `Inc.`),
    /// compared case-sensitively.
    pub abbreviations: HashSet<String>,
    /// How often a speaker found each way is right, by [`FoundBy`] in the
    /// order of [`FoundBy::ALL`], then [`CONTINUATION_INSIDE`]: see
    /// [`Lexicon::confidence`].
    pub confidence: [f64; CONFIDENCE_ENTRIES],
    /// What the lists above say of each lower-case word, as [`flag`] bits,
    /// derived from them in `from_lists` so that a word is hashed once for
    /// every list at the same time.
    pub flags: HashMap<Box<[u8]>, u16>,
}

/// The bits of [`Lexicon::flags`]: the word (lower case) is in the list.
pub mod flag {
    pub const TITLE: u16 = 1;
    pub const NON_NAME: u16 = 1 << 1;
    pub const SPEECH_VERB: u16 = 1 << 2;
    /// Some honorific (case-sensitive) has this lower-case form.
    pub const HONORIFIC: u16 = 1 << 3;
    pub const ANONYMOUS_HEAD: u16 = 1 << 4;
    pub const ORGANISATION: u16 = 1 << 5;
    /// Some abbreviation (case-sensitive) has this lower-case form.
    pub const ABBREVIATION: u16 = 1 << 6;
    pub const CLAIM_VERB: u16 = 1 << 7;
    /// In the built-in headline verbs, which no word-list folder replaces.
    pub const HEADLINE_VERB: u16 = 1 << 8;
}

/// Call `f` with `word` in lower case, without allocating for the short
/// ASCII words that make up nearly every lookup.
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if word.len() <= buf.len() && word.is_ascii() {
        for (slot, b) in buf.iter_mut().zip(word.bytes()) {
            *slot = b.to_ascii_lowercase();
        }
        // ASCII in, ASCII out: always valid UTF-8.
        f(std::str::from_utf8(&buf[..word.len()]).unwrap_or(word))
    } else {
        f(&word.to_lowercase())
    }
}

/// The entries of a list: one a line, `#` starts a comment line, blank lines
/// ignored, surrounding spaces trimmed.
pub fn entries(list: &str) -> impl Iterator<Item = &str> {
    list.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

fn lower_set(list: &str) -> HashSet<String> {
    entries(list).map(str::to_lowercase).collect()
}

/// Each word of a line to the line's number among the entries.
fn party_map(list: &str) -> HashMap<String, usize> {
    entries(list)
        .enumerate()
        .flat_map(|(party, line)| {
            line.split_whitespace()
                .map(move |w| (w.to_lowercase(), party))
        })
        .collect()
}

/// Each word of a line to the line's first word, lower case.
fn first_of_line_map(list: &str) -> HashMap<String, String> {
    entries(list)
        .flat_map(|line| {
            let full = line.split_whitespace().next().unwrap_or("").to_lowercase();
            line.split_whitespace()
                .skip(1)
                .map(move |w| (w.to_lowercase(), full.clone()))
        })
        .collect()
}

/// grammar/confidence.txt's name for a continuation inside a sentence
/// (`Trump said he would win and called it "a landslide"` after a quote of
/// his): a way of its own in the table, though its records say
/// `continuation`. Borrowed into the middle of a sentence, a speaker is
/// wrong several times as often as at a sentence's start.
pub const CONTINUATION_INSIDE: &str = "continuation-inside";
/// The confidence table's entries: one per [`FoundBy`], in the order of
/// [`FoundBy::ALL`], then [`CONTINUATION_INSIDE`].
pub const CONFIDENCE_ENTRIES: usize = FoundBy::ALL.len() + 1;

/// The confidence of each way of finding a speaker, from lines
/// `found_by<TAB>confidence` (any spaces will do). A way the list leaves out
/// keeps its value in `base`; an unknown way or a number outside 0..=1 is an
/// error naming the line.
pub fn confidence_table(
    list: &str,
    base: [f64; CONFIDENCE_ENTRIES],
) -> Result<[f64; CONFIDENCE_ENTRIES], String> {
    let mut table = base;
    for (n, line) in list.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut parts = line.split_whitespace();
        let (Some(name), Some(value), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(format!(
                "line {}: expected a way and a number (found_by<TAB>confidence), got {line:?}",
                n + 1
            ));
        };
        let entry = if name == CONTINUATION_INSIDE {
            Some(FoundBy::ALL.len())
        } else {
            FoundBy::parse(name).map(|way| way as usize)
        };
        let Some(entry) = entry else {
            let mut known: Vec<&str> = FoundBy::ALL.iter().map(FoundBy::as_str).collect();
            known.push(CONTINUATION_INSIDE);
            return Err(format!(
                "line {}: {name:?} is not a way of finding a speaker (one of: {})",
                n + 1,
                known.join(", ")
            ));
        };
        match value.parse::<f64>() {
            Ok(v) if (0.0..=1.0).contains(&v) => table[entry] = (v * 100.0).round() / 100.0,
            _ => {
                return Err(format!(
                    "line {}: confidence {value:?} is not a number from 0 to 1",
                    n + 1
                ));
            }
        }
    }
    Ok(table)
}

fn pronoun_map(list: &str) -> HashMap<String, Gender> {
    entries(list)
        .filter_map(|line| {
            let mut parts = line.split_whitespace();
            let word = parts.next()?.to_lowercase();
            let gender = match parts.next().unwrap_or("n") {
                "m" => Gender::Masculine,
                "f" => Gender::Feminine,
                "p" => Gender::Plural,
                _ => Gender::Neutral,
            };
            Some((word, gender))
        })
        .collect()
}

impl Lexicon {
    /// The lists compiled into the binary.
    pub fn builtin() -> &'static Lexicon {
        static BUILTIN: OnceLock<Lexicon> = OnceLock::new();
        BUILTIN.get_or_init(|| Lexicon::from_lists(&Lists::default()))
    }

    /// The confidence of a speaker found this way (hundredths, 0 to 1).
    pub fn confidence(&self, found_by: FoundBy) -> f64 {
        self.confidence[found_by as usize]
    }

    /// The confidence of a speaker carried to a quote inside a sentence
    /// ([`CONTINUATION_INSIDE`]).
    pub fn confidence_inside_sentence(&self) -> f64 {
        self.confidence[FoundBy::ALL.len()]
    }

    fn from_lists(lists: &Lists) -> Lexicon {
        let mut lex = Lexicon {
            speech_verbs: lower_set(&lists.speech_verbs),
            titles: lower_set(&lists.titles),
            honorifics: entries(&lists.honorifics).map(str::to_string).collect(),
            anonymous_heads: lower_set(&lists.anonymous_heads),
            organisations: lower_set(&lists.organisations),
            pronouns: pronoun_map(&lists.pronouns),
            non_names: lower_set(&lists.non_names),
            place_heads: lower_set(&lists.place_heads),
            title_cues: lower_set(&lists.title_cues),
            places: lower_set(&lists.places),
            speech_nouns: lower_set(&lists.speech_nouns),
            document_nouns: lower_set(&lists.document_nouns),
            naming_verbs: lower_set(&lists.naming_verbs),
            claim_verbs: lower_set(&lists.claim_verbs),
            kin_words: lower_set(&lists.kin_words),
            parties: party_map(&lists.parties),
            title_forms: first_of_line_map(&lists.title_forms),
            abbreviations: entries(&lists.abbreviations).map(str::to_string).collect(),
            confidence: lists.confidence,
            flags: HashMap::default(),
        };
        let mut flags: HashMap<Box<[u8]>, u16> = HashMap::default();
        for (set, bit) in lex.lower_case_sets() {
            for word in set {
                *flags.entry(word.as_bytes().into()).or_default() |= bit;
            }
        }
        for (set, bit) in [
            (&lex.honorifics, flag::HONORIFIC),
            (&lex.abbreviations, flag::ABBREVIATION),
        ] {
            for word in set {
                *flags
                    .entry(word.to_lowercase().into_bytes().into())
                    .or_default() |= bit;
            }
        }
        lex.flags = flags;
        lex
    }

    /// The [`flag`] bits of a lower-case word.
    pub fn flags(&self, lower: &str) -> u16 {
        self.flags.get(lower.as_bytes()).copied().unwrap_or(0)
    }

    /// The [`flag`] bits of `word` in lower case. A short ASCII word, nearly
    /// every one, is lower-cased on the stack and looked up as bytes, in
    /// one pass and without checking the copy is UTF-8.
    pub fn flags_of_word(&self, word: &str) -> u16 {
        let mut buf = [0u8; 32];
        let bytes = word.as_bytes();
        if bytes.len() <= buf.len() {
            let mut ascii = true;
            for (slot, &b) in buf.iter_mut().zip(bytes) {
                ascii &= b.is_ascii();
                *slot = b.to_ascii_lowercase();
            }
            if ascii {
                return self.flags.get(&buf[..bytes.len()]).copied().unwrap_or(0);
            }
        }
        self.flags(&word.to_lowercase())
    }

    /// The built-in lists, each replaced by the file of the same name in
    /// `dir` when there is one.
    pub fn with_overrides(dir: &Path) -> std::io::Result<Lexicon> {
        let mut lists = Lists::default();
        for (file, slot) in [
            ("speech_verbs.txt", &mut lists.speech_verbs),
            ("titles.txt", &mut lists.titles),
            ("honorifics.txt", &mut lists.honorifics),
            ("anonymous_heads.txt", &mut lists.anonymous_heads),
            ("organisations.txt", &mut lists.organisations),
            ("pronouns.txt", &mut lists.pronouns),
            ("non_names.txt", &mut lists.non_names),
            ("place_heads.txt", &mut lists.place_heads),
            ("title_cues.txt", &mut lists.title_cues),
            ("places.txt", &mut lists.places),
            ("speech_nouns.txt", &mut lists.speech_nouns),
            ("document_nouns.txt", &mut lists.document_nouns),
            ("naming_verbs.txt", &mut lists.naming_verbs),
            ("claim_verbs.txt", &mut lists.claim_verbs),
            ("kin_words.txt", &mut lists.kin_words),
            ("parties.txt", &mut lists.parties),
            ("title_forms.txt", &mut lists.title_forms),
            ("abbreviations.txt", &mut lists.abbreviations),
        ] {
            let path = dir.join(file);
            if path.exists() {
                *slot = std::fs::read_to_string(&path)?;
            }
        }
        let path = dir.join("confidence.txt");
        if path.exists() {
            let list = std::fs::read_to_string(&path)?;
            lists.confidence = confidence_table(&list, lists.confidence).map_err(|e| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("{}: {e}", path.display()),
                )
            })?;
        }
        Ok(Lexicon::from_lists(&lists))
    }

    /// The lower-case lists that have a bit in the flags map, with it.
    fn lower_case_sets(&self) -> [(&WordSet, u16); 7] {
        [
            (&self.titles, flag::TITLE),
            (&self.non_names, flag::NON_NAME),
            (&self.speech_verbs, flag::SPEECH_VERB),
            (&self.anonymous_heads, flag::ANONYMOUS_HEAD),
            (&self.organisations, flag::ORGANISATION),
            (&self.claim_verbs, flag::CLAIM_VERB),
            (headline_verbs(), flag::HEADLINE_VERB),
        ]
    }

    pub fn is_speech_verb(&self, word: &str) -> bool {
        self.speech_verbs.contains(word)
    }

    /// A role word in full: `sen` is `senator`; a word not abbreviated is
    /// itself.
    pub fn full_title<'a>(&'a self, lower: &'a str) -> &'a str {
        self.title_forms.get(lower).map_or(lower, String::as_str)
    }

    /// Is `word` followed by a dot a listed abbreviation: an honorific as
    /// written (`Gen.`) or a non-name in any case (`Sept.`)? Short ASCII
    /// words, nearly all, are looked up without allocating.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        // `R-Ky.`: a party tag's state is the abbreviation.
        let word = word.rsplit_once('-').map_or(word, |(_, state)| state);
        let mut buf = [0u8; 32];
        let n = word.len();
        if n < buf.len() && word.is_ascii() {
            // One lookup of the lower-case form answers the non-name list
            // and says whether the case-sensitive lists can hold the word.
            buf[..n].copy_from_slice(word.as_bytes());
            buf[n] = b'.';
            buf[..n].make_ascii_lowercase();
            let lower = std::str::from_utf8(&buf[..=n]).unwrap_or(word);
            let f = self.flags(lower);
            if f & flag::NON_NAME != 0 {
                return true;
            }
            if f & (flag::HONORIFIC | flag::ABBREVIATION) == 0 {
                return false;
            }
            buf[..n].copy_from_slice(word.as_bytes());
            let with_dot = std::str::from_utf8(&buf[..=n]).unwrap_or(word);
            return self.honorifics.contains(with_dot) || self.abbreviations.contains(with_dot);
        }
        let with_dot = format!("{word}.");
        self.honorifics.contains(&with_dot)
            || self.abbreviations.contains(&with_dot)
            || self.non_names.contains(&with_dot.to_lowercase())
    }
}

/// The given-name list (`grammar/given_names.txt`): which given names are
/// one name written formally or as a diminutive ("Joe" and "Joseph").
#[derive(Debug, Clone, Default)]
pub struct GivenNames {
    /// Lower-case short form → the formal names it is short for, each as
    /// its lower-case words ("jeb" → ["john ellis"]).
    short: HashMap<String, Vec<String>>,
    /// Every lower-case word that is a listed given name, formal or short.
    known: HashSet<String>,
}

impl GivenNames {
    /// Read lines of `Formal: Short, Short`; a line without a colon or
    /// with nothing after it is skipped.
    pub fn parse(list: &str) -> GivenNames {
        let mut names = GivenNames::default();
        for line in entries(list) {
            let Some((formal, shorts)) = line.split_once(':') else {
                continue;
            };
            let formal = formal.split_whitespace().collect::<Vec<_>>().join(" ");
            let formal = formal.to_lowercase();
            if formal.is_empty() {
                continue;
            }
            names.known.extend(formal.split(' ').map(str::to_string));
            for short in shorts.split(',').map(|s| s.trim().to_lowercase()) {
                if short.is_empty() || short == formal {
                    continue;
                }
                names.known.insert(short.clone());
                let forms = names.short.entry(short).or_default();
                if !forms.contains(&formal) {
                    forms.push(formal.clone());
                }
            }
        }
        names
    }

    /// The compiled-in list.
    pub fn builtin() -> &'static GivenNames {
        static BUILTIN: OnceLock<GivenNames> = OnceLock::new();
        BUILTIN.get_or_init(|| GivenNames::parse(GIVEN_NAMES))
    }

    /// Is `short` (lower case) a listed short form of `formal` (lower-case
    /// words, "joseph" or "john ellis")?
    pub fn is_short_for(&self, short: &str, formal: &str) -> bool {
        self.short
            .get(short)
            .is_some_and(|forms| forms.iter().any(|f| f == formal))
    }

    /// Is the lower-case word a given name the list knows?
    pub fn is_known(&self, word: &str) -> bool {
        self.known.contains(word)
    }
}

/// Is the lower-case word a given name the lists know
/// (`grammar/given_names.txt`, `grammar/given_name_genders.txt`)?
pub fn is_given_name(lower: &str) -> bool {
    GivenNames::builtin().is_known(lower) || NameGenders::builtin().of_lower(lower).is_some()
}

/// The gender a given name nearly always carries in the news
/// (`grammar/given_name_genders.txt`), for telling apart two people of one
/// surname by a courtesy title.
#[derive(Debug, Clone, Default)]
pub struct NameGenders(HashMap<String, Gender>);

impl NameGenders {
    /// Read lines of `f NAME` or `m NAME`; any other line is skipped.
    pub fn parse(list: &str) -> NameGenders {
        let mut genders = HashMap::default();
        for line in entries(list) {
            let gender = match line.split_once(char::is_whitespace) {
                Some(("f", name)) => (name, Gender::Feminine),
                Some(("m", name)) => (name, Gender::Masculine),
                _ => continue,
            };
            genders.insert(gender.0.trim().to_lowercase(), gender.1);
        }
        NameGenders(genders)
    }

    /// The compiled-in list.
    pub fn builtin() -> &'static NameGenders {
        static BUILTIN: OnceLock<NameGenders> = OnceLock::new();
        BUILTIN.get_or_init(|| NameGenders::parse(GIVEN_NAME_GENDERS))
    }

    /// The gender of a given name, when the list knows it.
    pub fn of(&self, given: &str) -> Option<Gender> {
        self.of_lower(&given.to_lowercase())
    }

    /// [`NameGenders::of`] a name already in lower case.
    pub fn of_lower(&self, given: &str) -> Option<Gender> {
        self.0.get(given).copied()
    }
}

/// The words of `grammar/description_fillers.txt`, lower case.
pub fn description_fillers() -> &'static WordSet {
    static BUILTIN: OnceLock<WordSet> = OnceLock::new();
    BUILTIN.get_or_init(|| lower_set(DESCRIPTION_FILLERS))
}

/// The words of `grammar/demonyms.txt`, lower case: `mexican`, `texans`.
pub fn demonyms() -> &'static WordSet {
    static BUILTIN: OnceLock<WordSet> = OnceLock::new();
    BUILTIN.get_or_init(|| lower_set(DEMONYMS))
}

/// The words of `grammar/common_words.txt`, lower case: words news writes
/// in lower case inside sentences (`initial`, `accurate`, `rather`).
pub fn common_words() -> &'static WordSet {
    static BUILTIN: OnceLock<WordSet> = OnceLock::new();
    BUILTIN.get_or_init(|| lower_set(COMMON_WORDS))
}

/// Each abbreviation of `grammar/us_states.txt` (lower case, no dots) to
/// its state's name in lower case: `fla` -> `florida`, `nj` -> `new jersey`.
pub fn us_states() -> &'static HashMap<String, String> {
    static BUILTIN: OnceLock<HashMap<String, String>> = OnceLock::new();
    BUILTIN.get_or_init(|| {
        entries(US_STATES)
            .filter_map(|line| line.split_once(':'))
            .flat_map(|(state, abbreviations)| {
                let state = state.trim().to_lowercase();
                abbreviations
                    .split_whitespace()
                    .map(move |a| (a.to_lowercase(), state.clone()))
            })
            .collect()
    })
}

/// The state an abbreviation names as `grammar/us_states.txt` lists it
/// (`Fla.`, `Calif`, `NY`), dots and case aside.
pub fn us_state(abbreviation: &str) -> Option<&'static str> {
    let key: String = abbreviation
        .chars()
        .filter(|c| *c != '.')
        .flat_map(char::to_lowercase)
        .collect();
    us_states().get(&key).map(String::as_str)
}

/// Is the lower-case word a state's full name (`indiana`, `ohio`)?
pub fn is_us_state_name(lower: &str) -> bool {
    static NAMES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    NAMES
        .get_or_init(|| us_states().values().map(String::as_str).collect())
        .contains(lower)
}

/// The headline verbs of `grammar/headline_verbs.txt`, lower case.
pub fn headline_verbs() -> &'static WordSet {
    static BUILTIN: OnceLock<WordSet> = OnceLock::new();
    BUILTIN.get_or_init(|| lower_set(HEADLINE_VERBS))
}

struct Lists {
    speech_verbs: String,
    titles: String,
    honorifics: String,
    anonymous_heads: String,
    organisations: String,
    pronouns: String,
    non_names: String,
    place_heads: String,
    title_cues: String,
    places: String,
    speech_nouns: String,
    document_nouns: String,
    naming_verbs: String,
    claim_verbs: String,
    kin_words: String,
    parties: String,
    title_forms: String,
    abbreviations: String,
    confidence: [f64; CONFIDENCE_ENTRIES],
}

impl Default for Lists {
    fn default() -> Self {
        Lists {
            speech_verbs: SPEECH_VERBS.to_string(),
            titles: TITLES.to_string(),
            honorifics: HONORIFICS.to_string(),
            anonymous_heads: ANONYMOUS_HEADS.to_string(),
            organisations: ORGANISATIONS.to_string(),
            pronouns: PRONOUNS.to_string(),
            non_names: NON_NAMES.to_string(),
            place_heads: PLACE_HEADS.to_string(),
            title_cues: TITLE_CUES.to_string(),
            places: PLACES.to_string(),
            speech_nouns: SPEECH_NOUNS.to_string(),
            document_nouns: DOCUMENT_NOUNS.to_string(),
            naming_verbs: NAMING_VERBS.to_string(),
            claim_verbs: CLAIM_VERBS.to_string(),
            kin_words: KIN_WORDS.to_string(),
            parties: PARTIES.to_string(),
            title_forms: TITLE_FORMS.to_string(),
            abbreviations: ABBREVIATIONS.to_string(),
            // Checked whole by a test; a way missing from it would be 0.
            confidence: confidence_table(CONFIDENCE, [0.0; CONFIDENCE_ENTRIES]).unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_skip_comments_and_blanks() {
        let got: Vec<_> = entries("# head\n said \n\nsays\n").collect();
        assert_eq!(got, vec!["said", "says"]);
    }

    #[test]
    fn builtin_lists_hold_the_common_words() {
        let lex = Lexicon::builtin();
        assert!(lex.is_speech_verb("said"));
        assert!(lex.is_speech_verb("quipped"));
        assert!(lex.titles.contains("secretary"));
        assert!(lex.honorifics.contains("Gen."));
        assert!(lex.abbreviations.contains("Ky."));
        assert_eq!(lex.pronouns.get("she"), Some(&Gender::Feminine));
    }

    #[test]
    fn flags_agree_with_the_lists() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("titles.txt"), "Quizmaster\n").unwrap();
        let over = Lexicon::with_overrides(dir.path()).unwrap();
        for lex in [Lexicon::builtin(), &over] {
            for (set, bit) in lex.lower_case_sets() {
                for word in set {
                    assert_ne!(lex.flags(word) & bit, 0, "{word}");
                }
            }
            for word in &lex.honorifics {
                assert_ne!(lex.flags_of_word(word) & flag::HONORIFIC, 0, "{word}");
            }
            for word in &lex.abbreviations {
                assert_ne!(lex.flags_of_word(word) & flag::ABBREVIATION, 0, "{word}");
            }
        }
        assert_ne!(over.flags_of_word("QUIZMASTER") & flag::TITLE, 0);
        assert_eq!(over.flags_of_word("secretary") & flag::TITLE, 0);
        assert_eq!(Lexicon::builtin().flags_of_word("Konashenkov"), 0);
    }

    #[test]
    fn every_way_of_finding_a_speaker_has_a_builtin_confidence() {
        let mut listed = Vec::new();
        for line in entries(CONFIDENCE) {
            let name = line.split_whitespace().next().unwrap();
            if name == CONTINUATION_INSIDE {
                continue;
            }
            listed.push(FoundBy::parse(name).unwrap_or_else(|| panic!("{line}")));
        }
        assert!(
            entries(CONFIDENCE).any(|l| l.split_whitespace().next() == Some(CONTINUATION_INSIDE)),
            "{CONTINUATION_INSIDE} not in confidence.txt"
        );
        for way in FoundBy::ALL {
            assert!(
                listed.contains(&way),
                "{} not in confidence.txt",
                way.as_str()
            );
        }
        assert!(confidence_table(CONFIDENCE, [0.0; CONFIDENCE_ENTRIES]).is_ok());
        let lex = Lexicon::builtin();
        // Measured: a name with its verb is right more often than a
        // sentence's subject or an unresolved pronoun.
        assert!(lex.confidence(FoundBy::Explicit) > lex.confidence(FoundBy::Subject));
        assert!(lex.confidence(FoundBy::Explicit) > lex.confidence(FoundBy::Unresolved));
        // ... and a speaker carried to a sentence's start more often than
        // one carried into its middle.
        assert!(lex.confidence(FoundBy::Continuation) > lex.confidence_inside_sentence());
    }

    #[test]
    fn a_user_confidence_file_overrides_some_ways_and_bad_lines_are_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("confidence.txt"),
            "# mine\nheadline\t0.10\n",
        )
        .unwrap();
        let lex = Lexicon::with_overrides(dir.path()).unwrap();
        assert_eq!(lex.confidence(FoundBy::Headline), 0.10);
        assert_eq!(
            lex.confidence(FoundBy::Explicit),
            Lexicon::builtin().confidence(FoundBy::Explicit)
        );
        let base = [0.5; CONFIDENCE_ENTRIES];
        let err = confidence_table("explicit 0.9\nguessed 0.3\n", base).unwrap_err();
        assert!(err.contains("line 2") && err.contains("guessed"), "{err}");
        assert!(confidence_table("explicit 1.5", base).is_err());
        assert!(confidence_table("explicit", base).is_err());
        std::fs::write(dir.path().join("confidence.txt"), "pronoun high\n").unwrap();
        let err = Lexicon::with_overrides(dir.path()).unwrap_err().to_string();
        assert!(
            err.contains("confidence.txt") && err.contains("line 1"),
            "{err}"
        );
    }

    #[test]
    fn name_genders_read_their_list() {
        let g = NameGenders::parse("# c\nf Hillary\nm Bill\nx Other\nbroken\n");
        assert_eq!(g.of("hillary"), Some(Gender::Feminine));
        assert_eq!(g.of("BILL"), Some(Gender::Masculine));
        assert_eq!(g.of("Other"), None);
        assert_eq!(NameGenders::builtin().of("Ghazala"), Some(Gender::Feminine));
    }

    #[test]
    fn given_names_pair_diminutives_with_their_formal_names_only() {
        let names = GivenNames::builtin();
        assert!(names.is_short_for("joe", "joseph"));
        assert!(names.is_short_for("dick", "richard"));
        assert!(names.is_short_for("bill", "william"));
        assert!(names.is_short_for("jeb", "john ellis"));
        assert!(names.is_short_for("al", "albert") && names.is_short_for("al", "alfred"));
        assert!(!names.is_short_for("bill", "hillary"));
        assert!(!names.is_short_for("joseph", "joe"));
        assert!(names.is_known("jeb") && names.is_known("william"));
        assert!(!names.is_known("abortions"));
        let odd = GivenNames::parse("# c\nno colon\n: x\nPeter: Pete, , Peter\n");
        assert!(odd.is_short_for("pete", "peter"));
        assert!(!odd.is_short_for("peter", "peter"));
        assert!(headline_verbs().contains("endorses"));
        assert!(description_fillers().contains("former"));
        assert!(!description_fillers().contains("professor"));
    }

    #[test]
    fn a_user_list_replaces_the_builtin_one() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("speech_verbs.txt"), "harrumphed\n").unwrap();
        let lex = Lexicon::with_overrides(dir.path()).unwrap();
        assert!(lex.is_speech_verb("harrumphed"));
        assert!(!lex.is_speech_verb("said"));
        assert!(lex.titles.contains("secretary"));
    }
}
