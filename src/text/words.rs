//! The token view every parser reads: the article's text, the word lists,
//! and what they say about each token (capitalised, a title, a speech
//! verb, a pronoun ...), remembered per token when the caller keeps a
//! [`TokenClasses`].

use super::classes::{LowerWords, TokenClasses};
use super::tokens::{Token, TokenKind};
use crate::lexicon::{Gender, Lexicon, flag, with_lower};

/// Lower-case name particles that may sit inside a name: `Ban Ki-moon`,
/// `Charles de Gaulle`, `Abdullah bin Zayed`.
/// Adverb particles of phrasal verbs in headlines (`Drops Out`, `Lashes
/// Out`): capitalised before a name, no part of it.
const HEADLINE_PARTICLES: &[&str] = &["out", "up", "off", "down", "back", "over"];

const PARTICLES: &[&str] = &[
    "de", "da", "di", "del", "della", "van", "von", "der", "bin", "al", "la", "le", "du", "ibn",
    "el",
];

/// The view of the text and word lists that mention parsing needs.
#[derive(Clone, Copy)]
pub struct Words<'a> {
    pub text: &'a str,
    pub lexicon: &'a Lexicon,
    /// Accept any determiner phrase as a speaker (`one attendee`, `a
    /// longtime GOP data expert`). Only right next to a quote, where a
    /// phrase before or after the verb can be nothing but the speaker.
    pub loose: bool,
    /// Every word the article writes in lower case, when the caller has
    /// collected them (once per article, so that asking stays cheap).
    pub lower_words: Option<&'a LowerWords<'a>>,
    /// Word-list answers remembered per token of the article, when the
    /// caller keeps them.
    pub classes: Option<&'a TokenClasses<'a>>,
}

impl<'a> Words<'a> {
    pub fn new(text: &'a str, lexicon: &'a Lexicon) -> Self {
        Words {
            text,
            lexicon,
            loose: false,
            lower_words: None,
            classes: None,
        }
    }

    /// The word-list [`flag`] bits of `t`: its speech-verb, claim-verb and
    /// honorific bits from the word as written, the others from the word without a
    /// possessive ending, remembered per
    /// token when the caller keeps a [`TokenClasses`].
    fn flags(&self, t: &Token) -> u16 {
        let compute = || {
            let Some(w) = self.word(t) else {
                return 0;
            };
            let bare = Self::bare(w);
            let whole = self.lexicon.flags_of_word(w);
            if bare.len() == w.len() {
                return whole;
            }
            const AS_WRITTEN: u16 = flag::SPEECH_VERB | flag::CLAIM_VERB | flag::HONORIFIC;
            whole & AS_WRITTEN | self.lexicon.flags_of_word(bare) & !AS_WRITTEN
        };
        match self.classes {
            Some(classes) => classes.flags(t, compute),
            None => compute(),
        }
    }

    /// Does the article write this (lower-cased) word in lower case
    /// somewhere? Then a capitalised copy of it is not a name.
    pub fn written_in_lower_case(&self, lower: &str) -> bool {
        match self.lower_words {
            Some(set) => set.contains(lower),
            None => {
                self.text.contains(&format!(" {lower} "))
                    || self.text.contains(&format!(" {lower},"))
            }
        }
    }
    pub fn loose(self) -> Self {
        Words {
            loose: true,
            ..self
        }
    }
}

impl<'a> Words<'a> {
    pub fn word(&self, t: &Token) -> Option<&'a str> {
        t.is_word().then(|| t.span.text(self.text))
    }

    /// The word without a possessive ending: `Russia's` -> `Russia`.
    pub fn bare(w: &str) -> &str {
        w.strip_suffix("'s")
            .or_else(|| w.strip_suffix("\u{2019}s"))
            .unwrap_or(w)
    }

    pub fn lower(&self, t: &Token) -> Option<String> {
        self.word(t).map(|w| Self::bare(w).to_lowercase())
    }

    /// `f` of what [`lower`](Self::lower) gives, without allocating for
    /// the short ASCII words nearly every token is.
    pub fn with_lower<R>(&self, t: &Token, f: impl FnOnce(&str) -> R) -> Option<R> {
        self.word(t).map(|w| with_lower(Self::bare(w), f))
    }

    pub fn is_capitalised(&self, t: &Token) -> bool {
        // An ASCII first letter, nearly always, is read without decoding.
        if let Some(&b) = self
            .text
            .as_bytes()
            .get(t.span.start)
            .filter(|b| b.is_ascii())
            && t.is_word()
            && t.span.end > t.span.start
        {
            return b.is_ascii_uppercase();
        }
        self.word(t)
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    }

    pub fn is_honorific(&self, t: &Token) -> bool {
        self.flags(t) & flag::HONORIFIC != 0
            && self
                .word(t)
                .is_some_and(|w| self.lexicon.honorifics.contains(w))
    }

    pub fn is_organisation(&self, t: &Token) -> bool {
        self.flags(t) & flag::ORGANISATION != 0
    }

    pub fn is_anonymous_head(&self, t: &Token) -> bool {
        self.flags(t) & flag::ANONYMOUS_HEAD != 0
    }

    pub fn is_title(&self, t: &Token) -> bool {
        self.flags(t) & flag::TITLE != 0 || self.is_honorific(t)
    }

    pub fn is_non_name(&self, t: &Token) -> bool {
        self.flags(t) & flag::NON_NAME != 0
    }

    pub fn is_speech_verb(&self, t: &Token) -> bool {
        self.flags(t) & flag::SPEECH_VERB != 0
    }

    /// The gender of a pronoun, contractions included (`he's said`,
    /// `they've argued`).
    pub fn pronoun(&self, t: &Token) -> Option<Gender> {
        with_lower(self.word(t)?, |w| self.pronoun_of_lower(w))
    }

    /// [`pronoun`](Self::pronoun) of a word already in lower case.
    fn pronoun_of_lower(&self, w: &str) -> Option<Gender> {
        let stem = [
            "'s",
            "\u{2019}s",
            "'ve",
            "\u{2019}ve",
            "'d",
            "\u{2019}d",
            "'ll",
            "\u{2019}ll",
        ]
        .iter()
        .find_map(|suffix| w.strip_suffix(suffix))
        .unwrap_or(w);
        // `It's fine to ...`, `it'd be`: "it" contracted is nearly always the
        // empty subject of a clause, not a speaker.
        if stem == "it" && stem.len() != w.len() {
            return None;
        }
        self.lexicon.pronouns.get(stem).copied()
    }

    pub fn is(&self, t: &Token, words: &[&str]) -> bool {
        self.word(t)
            .is_some_and(|w| words.iter().any(|x| x.eq_ignore_ascii_case(w)))
    }

    /// An inflected verb of news headlines (grammar/headline_verbs.txt):
    /// capitalised inside a run of name words, it ends the name: `Tom Nides
    /// Thanked Clinton`.
    pub fn is_headline_verb(&self, t: &Token) -> bool {
        self.flags(t) & flag::HEADLINE_VERB != 0
    }

    /// In the claim verbs (grammar/claim_verbs.txt), in whatever case it is
    /// written: see [`is_claim_verb`](crate::attribution::claims::is_claim_verb).
    pub fn in_claim_verbs(&self, t: &Token) -> bool {
        self.flags(t) & flag::CLAIM_VERB != 0
    }

    /// `Texas-based`, `Los Angeles-area`: a compound ending in a lower-case
    /// word describes the name after it and is no part of it.
    pub fn is_compound_modifier(&self, t: &Token) -> bool {
        self.word(t).is_some_and(|word| {
            word.rsplit_once('-')
                .is_some_and(|(_, last)| last.starts_with(|c: char| c.is_lowercase()))
        })
    }

    /// A capitalised word that opens a name's phrase rather than the name:
    /// a verb in -ing that is no given name (`Entrusting Donald Trump`), an
    /// adverb particle (`Out Ted Cruz`), a compound modifier (`Texas-based
    /// Matt Mackowiak`).
    fn opens_headline_clause(&self, t: &Token) -> bool {
        let Some(word) = self.word(t) else {
            return false;
        };
        if HEADLINE_PARTICLES
            .iter()
            .any(|p| p.eq_ignore_ascii_case(word))
            || self.is_compound_modifier(t)
        {
            return true;
        }
        // Only -ing: -ed ends given names (Mohamed, Alwaleed) and `United`.
        word.len() >= 6
            && word.as_bytes()[word.len() - 3..].eq_ignore_ascii_case(b"ing")
            && crate::lexicon::NameGenders::builtin().of(word).is_none()
    }

    /// Where the name in the run of name words `toks[start..end]` begins:
    /// after the last word opening a headline's clause with two name words
    /// still after it (so `Irving Kristol` keeps his given name), and after
    /// any compound modifier before its last word (`Los Angeles-area
    /// Sanders`).
    pub fn name_start(&self, toks: &[Token], start: usize, end: usize) -> usize {
        let start = (start..end.saturating_sub(2))
            .rev()
            .find(|&k| {
                self.opens_headline_clause(&toks[k]) || self.labels_the_name_after(toks, start, k)
            })
            .map_or(start, |k| k + 1);
        let start = (start..end.saturating_sub(1))
            .rev()
            .find(|&k| self.is_compound_modifier(&toks[k]))
            .map_or(start, |k| k + 1);
        // `Stated Stone:`, `Republicans Jolly of Indian Shores`, `Professors
        // Foner and Alba`: an inverted reporting verb or a plural title
        // before the name is no part of it, even before a lone surname.
        // Nor is a participle opening the sentence (`Painting Trump as a
        // threat, the ads ...`).
        if end - start >= 2
            && (self.stands_before_a_name(&toks[start])
                || self.opens_sentence(toks, start) && self.is_opening_participle(&toks[start]))
        {
            return start + 1;
        }
        // `Critic Maya Okonjo wrote`, `Journalist Jorge Ramos`: a common
        // noun (an unnamed source's head, or a word the article writes in
        // lower case) right before a given name the lists know, opening a
        // name of three words or more, is a role written capitalised. Not
        // a given name the lists miss (`Norbert Leo Butz`).
        if end - start >= 3
            && self.is_given_name(&toks[start + 1])
            && !self.is_given_name(&toks[start])
            && self.is_role_noun(&toks[start])
        {
            return start + 1;
        }
        start
    }

    /// `over North Korea Donald Trump`, `Browns DL Sheldon Richardson`, `CNN
    /// Anderson Cooper`: a place that is no given name before one that is,
    /// in a run of name words (from `start`) after a preposition, or a short
    /// acronym before a word in mixed case that is no common word of news
    /// (grammar/common_words.txt), with two name words after it, says where
    /// or what the person is; it is no part of the name. `Washington Free
    /// Beacon`, `America Rising PAC`, `IHS Life Sciences` are bodies' names;
    /// `Georgia Ann Moss said` a person's whose given name the lists miss.
    /// (After a preposition such a person loses her given name, `to Georgia
    /// Ann Moss`: not met in the training split or the real pages read,
    /// where the label was met five times.)
    fn labels_the_name_after(&self, toks: &[Token], start: usize, k: usize) -> bool {
        let (Some(word), Some(next)) = (self.word(&toks[k]), toks.get(k + 1)) else {
            return false;
        };
        if (2..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase()) {
            return self
                .word(next)
                .is_some_and(|n| n.chars().any(char::is_lowercase))
                && self.with_lower(next, |x| crate::lexicon::common_words().contains(x))
                    == Some(false);
        }
        start > 0
            && self.is(&toks[start - 1], PLACE_PREPOSITIONS)
            && self.with_lower(&toks[k], |x| self.lexicon.places.contains(x)) == Some(true)
            && !self.is_given_name(&toks[k])
            && self.is_given_name(next)
    }

    /// A given name the lists know (grammar/given_names.txt,
    /// given_name_genders.txt).
    pub fn is_given_name(&self, t: &Token) -> bool {
        self.with_lower(t, crate::lexicon::is_given_name) == Some(true)
    }

    /// An unnamed source's head noun (grammar/anonymous_heads.txt) or a
    /// word the article also writes in lower case.
    fn is_role_noun(&self, t: &Token) -> bool {
        self.with_lower(t, |x| {
            self.lexicon.anonymous_heads.contains(x) || self.written_in_lower_case(x)
        }) == Some(true)
    }

    /// Whether token `k` is the first of its sentence: the text's or its
    /// paragraph's first, or after a full stop, `!` or `?`.
    fn opens_sentence(&self, toks: &[Token], k: usize) -> bool {
        k == 0
            || matches!(toks[k - 1].kind, TokenKind::Punct('.' | '!' | '?'))
            || self.text.as_bytes()[toks[k - 1].span.end..toks[k].span.start].contains(&b'\n')
    }

    /// A word in -ing of six letters or more that no list knows as a given
    /// name (Sterling, Irving) or a place (Wyoming): a participle.
    pub(crate) fn is_opening_participle(&self, t: &Token) -> bool {
        self.with_lower(t, |x| {
            x.len() >= 6 && x.ends_with("ing") && !self.lexicon.places.contains(x)
        }) == Some(true)
            && !self.is_given_name(t)
    }

    /// A capitalised reporting verb that is no given name the gender list
    /// knows (`Stated`, `Continued`), or the plural of a title or party
    /// word (`Professors`, `Senators`, `Republicans`). The given name
    /// `Said` is read as the verb: the training split has `Said Comey`
    /// once and no one named Said.
    fn stands_before_a_name(&self, t: &Token) -> bool {
        let Some(word) = self.word(t) else {
            return false;
        };
        if self.is_speech_verb(t) {
            return crate::lexicon::NameGenders::builtin().of(word).is_none();
        }
        word.strip_suffix('s').is_some_and(|singular| {
            singular.len() > 2 && self.lexicon.titles.contains(&singular.to_lowercase())
        })
    }

    /// A word that can be part of a proper name.
    pub fn is_name_word(&self, t: &Token) -> bool {
        self.is_capitalised(t)
            && {
                let f = self.flags(t);
                f & (flag::TITLE | flag::NON_NAME) == 0
                    && (f & flag::HONORIFIC == 0 || !self.is_honorific(t))
            }
            && !self.word(t).is_some_and(hyphenated_modifier)
    }

    pub(crate) fn is_particle(&self, t: &Token) -> bool {
        self.word(t).is_some_and(|w| PARTICLES.contains(&w))
    }
}

/// `Trump-style`, `Queens-born`, `Clinton-backed`, `Twenty-four`: a
/// capitalised word joined by a hyphen to a participle or one of
/// [`MODIFIER_TAILS`] describes or counts something. Other lower-case
/// tails are names' (`Ban Ki-moon`, `Kim Jong-un`), and so are capitalised
/// ones (`Ocasio-Cortez`, `Coca-Cola`).
pub fn hyphenated_modifier(word: &str) -> bool {
    word.rsplit_once('-').is_some_and(|(head, tail)| {
        !head.is_empty()
            && tail.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
            && (MODIFIER_TAILS.contains(&tail)
                || (tail.len() > 4 && (tail.ends_with("ed") || tail.ends_with("ing"))))
    })
}

/// Words that make a capitalised word before a hyphen a modifier or a
/// number (see [`hyphenated_modifier`]).
const MODIFIER_TAILS: &[&str] = &[
    "style", "born", "made", "era", "area", "like", "type", "run", "led", "bred", "esque", "ish",
    "sized", "friendly", "centric", "blown", "elect", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine",
];

/// Words a place is written after (`about North Korea`, `ambassador to
/// Britain`), for [`Words::name_start`].
const PLACE_PREPOSITIONS: &[&str] = &[
    "about", "against", "at", "for", "from", "in", "of", "on", "over", "to", "with",
];

#[cfg(test)]
mod tests {
    use super::hyphenated_modifier;

    /// Where the name starts in the run of words `run` (token indices) of
    /// `text`.
    fn name_start_in(text: &str, run: (usize, usize)) -> usize {
        let lex = crate::lexicon::Lexicon::builtin();
        let w = super::Words::new(text, lex);
        let mut toks = Vec::new();
        crate::text::tokens::tokenize(
            text,
            crate::record::Span::new(0, text.len()),
            &[],
            &|x| lex.honorifics.contains(&format!("{x}.")),
            &mut toks,
        );
        w.name_start(&toks, run.0, run.1)
    }

    #[test]
    fn a_place_labels_only_a_given_name_after_a_preposition() {
        // `over Korea | Donald Trump`: tokens 0 over, 1 Korea, 2 Donald, 3 Trump.
        assert_eq!(name_start_in("over Korea Donald Trump said", (1, 4)), 2);
        assert_eq!(name_start_in("to America Rising PAC said", (1, 4)), 1);
        assert_eq!(name_start_in("Korea Donald Trump said", (0, 3)), 0);
    }

    #[test]
    fn a_place_or_an_acronym_before_a_name_says_where_or_what_the_person_is() {
        let names = |text: &str| {
            crate::extract::extract_quotes(text)
                .into_iter()
                .filter_map(|q| q.speaker.map(|s| s.name))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            names("Browns DL Sheldon Richardson said, \"You get what is coming to you.\""),
            ["Sheldon Richardson"]
        );
        assert_eq!(
            names("Asked about North Korea Donald Trump said, \"China has total control.\""),
            ["Donald Trump"]
        );
        // Bodies' names, and a person named after a place.
        assert_eq!(
            names("America Rising PAC said, \"The documents are real.\""),
            ["America Rising PAC"]
        );
        assert_eq!(
            names("IHS Life Sciences said, \"The deal is sound.\""),
            ["IHS Life Sciences"]
        );
        assert_eq!(
            names("Georgia Ann Moss said, \"The deal is sound.\""),
            ["Georgia Ann Moss"]
        );
    }

    #[test]
    fn a_lower_case_word_after_the_hyphen_makes_a_modifier() {
        for word in [
            "Trump-style",
            "Queens-born",
            "Angeles-area",
            "Full-blown",
            "Clinton-backed",
            "Twenty-four",
        ] {
            assert!(hyphenated_modifier(word), "{word}");
        }
        for word in [
            "Ocasio-Cortez",
            "Coca-Cola",
            "Wealth-X",
            "Ki-moon",
            "Jong-un",
            "Trump",
            "-based",
            "R-Ky.",
        ] {
            assert!(!hyphenated_modifier(word), "{word}");
        }
    }
}
