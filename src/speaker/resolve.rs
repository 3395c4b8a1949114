//! Within one article: a bare surname or a pronoun resolves to the person
//! named in full earlier ("Kerry", "he" -> "John Kerry").

use std::collections::HashMap;

use super::mention::{MentionKind, Words};
use crate::lexicon::Gender;
use crate::parse::tokens::Token;

/// Full names (two or more name words) met in the article, by position.
#[derive(Debug, Default)]
pub struct NameIndex {
    /// (byte position, full name) in text order.
    pub full: Vec<(usize, String)>,
    /// Each word of a full name -> indices into `full`.
    by_word: HashMap<String, Vec<usize>>,
}

/// A name as it should be printed: honorifics and possessives off, spaces
/// single.
pub fn clean_name(w: &Words, raw: &str) -> String {
    let mut words: Vec<&str> = raw.split_whitespace().collect();
    while words.len() > 1 && w.lexicon.honorifics.contains(words[0]) {
        words.remove(0);
    }
    if let Some(last) = words.last_mut() {
        *last = Words::bare(last);
    }
    words.join(" ")
}

impl NameIndex {
    /// Index the runs of two or more name words in `toks`.
    pub fn build(w: &Words, toks: &[Token]) -> NameIndex {
        let mut index = NameIndex::default();
        let mut i = 0;
        while i < toks.len() {
            if !w.is_name_word(&toks[i]) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < toks.len() && w.is_name_word(&toks[j]) && toks[j].span.start == toks[j - 1].span.end + 1 {
                j += 1;
            }
            if j - i >= 2 {
                let raw = &w.text[toks[i].span.start..toks[j - 1].span.end];
                index.add(toks[i].span.start, clean_name(w, raw));
            }
            i = j;
        }
        index
    }

    pub fn add(&mut self, pos: usize, name: String) {
        let k = self.full.len();
        for word in name.split_whitespace() {
            self.by_word.entry(word.to_lowercase()).or_default().push(k);
        }
        self.full.push((pos, name));
    }

    /// The full name a one-word mention at `pos` stands for: the nearest
    /// earlier full name ending (or else starting) with that word, or the
    /// first later one.
    pub fn expand(&self, word: &str, pos: usize) -> Option<&str> {
        let key = word.to_lowercase();
        let ks = self.by_word.get(&key)?;
        let matches_last = |k: &usize| self.full[*k].1.rsplit(' ').next().is_some_and(|l| l.eq_ignore_ascii_case(word));
        let pick = |filter: &dyn Fn(&usize) -> bool| {
            ks.iter().filter(|k| filter(k)).filter(|k| self.full[**k].0 <= pos).last().or_else(|| ks.iter().find(|k| filter(k)))
        };
        let k = pick(&matches_last).or_else(|| pick(&|_| true))?;
        Some(&self.full[*k].1)
    }
}

/// People named so far, for pronouns to point back at.
#[derive(Debug, Default)]
pub struct Antecedents {
    /// (byte position, resolved name, gender if known)
    people: Vec<(usize, String, Option<Gender>)>,
}

impl Antecedents {
    pub fn push(&mut self, pos: usize, name: String, gender: Option<Gender>) {
        self.people.push((pos, name, gender));
    }

    /// The most recent person before `pos` whose gender does not clash.
    pub fn resolve(&self, pos: usize, gender: Gender) -> Option<&str> {
        self.people
            .iter()
            .rev()
            .filter(|(p, _, _)| *p < pos)
            .find(|(_, _, g)| match (g, gender) {
                (Some(Gender::Masculine), Gender::Feminine) | (Some(Gender::Feminine), Gender::Masculine) => false,
                _ => true,
            })
            .map(|(_, n, _)| n.as_str())
    }
}

/// Is this mention kind a person the article can point back at?
pub fn is_person(kind: MentionKind) -> bool {
    matches!(kind, MentionKind::Name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::parse::tokens::tokenize;
    use crate::record::Span;

    fn index(text: &str) -> NameIndex {
        let lex = Lexicon::builtin();
        let w = Words { text, lexicon: lex };
        let mut toks = Vec::new();
        tokenize(text, Span::new(0, text.len()), &[], &|x| lex.honorifics.contains(&format!("{x}.")), &mut toks);
        NameIndex::build(&w, &toks)
    }

    #[test]
    fn surnames_expand_to_the_full_name_met_earlier() {
        let text = "Secretary of State John Kerry met Sergey Lavrov. Kerry said Lavrov agreed.";
        let idx = index(text);
        assert_eq!(idx.expand("Kerry", 55), Some("John Kerry"));
        assert_eq!(idx.expand("Lavrov", 60), Some("Sergey Lavrov"));
        assert_eq!(idx.expand("Smith", 60), None);
    }

    #[test]
    fn honorifics_and_possessives_come_off() {
        let lex = Lexicon::builtin();
        let w = Words { text: "", lexicon: lex };
        assert_eq!(clean_name(&w, "Mr. Kerry's"), "Kerry");
    }

    #[test]
    fn pronouns_take_the_latest_person_of_a_matching_gender() {
        let mut a = Antecedents::default();
        a.push(0, "Hillary Clinton".into(), Some(Gender::Feminine));
        a.push(10, "Bill Clinton".into(), Some(Gender::Masculine));
        assert_eq!(a.resolve(20, Gender::Feminine), Some("Hillary Clinton"));
        assert_eq!(a.resolve(20, Gender::Masculine), Some("Bill Clinton"));
        assert_eq!(a.resolve(5, Gender::Masculine), None);
    }
}
