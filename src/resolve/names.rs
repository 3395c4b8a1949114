//! Within one article: a bare surname or a pronoun resolves to the person
//! named in full earlier ("Kerry", "he" -> "John Kerry").

use rustc_hash::FxHashMap as HashMap;

use crate::attribution::mention::MentionKind;
use crate::lexicon::{Gender, NameGenders, with_lower};
use crate::text::tokens::{Token, TokenKind};
use crate::text::words::Words;

/// Full names (two or more name words) met in the article, by position.
/// The names are kept in one buffer and looked up by a hash of their
/// lower-cased words, so building the index allocates next to nothing.
#[derive(Debug, Default)]
pub struct NameIndex {
    /// (byte position, name's range in `buf`, start of its last word) in
    /// text order.
    full: Vec<(usize, u32, u32, u32)>,
    /// The cleaned full names, one after another.
    buf: String,
    /// (hash of a lower-cased word of a full name, index into `full`, the
    /// word's range in `buf`), sorted: the names holding a word are a run,
    /// in text order.
    by_word: Vec<(u64, u32, u32, u32)>,
}

/// A name as it should be printed: honorifics and possessives off, spaces
/// single.
pub fn clean_name(w: &Words, raw: &str) -> String {
    let mut out = String::new();
    clean_name_into(w, raw, &mut out);
    out
}

/// [`clean_name`], appended to `out`.
pub fn clean_name_into(w: &Words, raw: &str, out: &mut String) {
    let mut it = raw.split_whitespace().peekable();
    let mut word = it.next();
    while let Some(first) = word {
        if it.peek().is_some() && w.lexicon.honorifics.contains(first) {
            word = it.next();
        } else {
            break;
        }
    }
    let mut sep = false;
    while let Some(x) = word {
        let next = it.next();
        if sep {
            out.push(' ');
        }
        out.push_str(if next.is_none() { Words::bare(x) } else { x });
        sep = true;
        word = next;
    }
}

/// Hash of the word lower-cased, the key of [`NameIndex`]'s words.
fn word_key(word: &str) -> u64 {
    use std::hash::Hasher;
    with_lower(word, |l| {
        let mut h = rustc_hash::FxHasher::default();
        h.write(l.as_bytes());
        h.finish()
    })
}

/// Are the two words the same, lower-cased?
fn same_word(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

/// The article's name index and people, each built only when some speaker
/// will be looked up in it (empty otherwise): building them is most of the
/// cost of resolving, and many articles need neither.
pub fn resolution(
    w: &Words,
    toks: &[Token],
    need_names: bool,
    need_people: bool,
) -> (NameIndex, People) {
    let names = if need_names {
        NameIndex::build(w, toks)
    } else {
        NameIndex::default()
    };
    let people = if need_people {
        People::build(w, toks, &names)
    } else {
        People::default()
    };
    (names, people)
}

impl NameIndex {
    /// Index the runs of two or more name words in `toks`.
    pub fn build(w: &Words, toks: &[Token]) -> NameIndex {
        let mut index = NameIndex::default();
        let mut i = 0;
        // Can name word `j` follow name word `j - 1` in a run? The cheap
        // tests first: the word lists are asked only within a run.
        let joins = |j: usize| {
            toks[j].span.start == toks[j - 1].span.end + 1
                && w.is_capitalised(&toks[j])
                && !is_possessive(w, &toks[j - 1])
                && w.is_name_word(&toks[j])
                // `Glenn Beck Blasts Drudge`: a headline, the name before
                // its verb.
                && !w.is_headline_verb(&toks[j])
        };
        while i < toks.len() {
            // A name word that starts no run of two is passed over unasked.
            if !(i + 1 < toks.len()
                && joins(i + 1)
                && w.is_name_word(&toks[i])
                && !w.is_headline_verb(&toks[i]))
            {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < toks.len() && joins(j) {
                j += 1;
            }
            // `Out Ted Cruz`, `Los Angeles-area Sanders`: the name starts
            // after a headline's verb or a modifier.
            i = w.name_start(toks, i, j);
            if j - i >= 2 {
                let raw = &w.text[toks[i].span.start..toks[j - 1].span.end];
                index.push(w, toks[i].span.start, raw);
            }
            i = j;
        }
        index.by_word.sort_unstable();
        index
    }

    /// Add the name written `raw` at `pos` (before the index is sorted).
    fn push(&mut self, w: &Words, pos: usize, raw: &str) {
        let k = self.full.len() as u32;
        let start = self.buf.len();
        clean_name_into(w, raw, &mut self.buf);
        let name = &self.buf[start..];
        for word in name.split_whitespace() {
            let ws = start + (word.as_ptr() as usize - name.as_ptr() as usize);
            let we = ws + word.len();
            self.by_word.push((word_key(word), k, ws as u32, we as u32));
        }
        let last = start + name.rfind(' ').map_or(0, |p| p + 1);
        let end = self.buf.len();
        self.full.push((pos, start as u32, end as u32, last as u32));
    }

    /// Every distinct full name ending with `word` (or with it and a
    /// generational suffix, "Brent Bozell III"): those before `pos`
    /// nearest first, then those after it in text order.
    pub fn with_surname(&self, word: &str, pos: usize) -> Vec<&str> {
        let key = word_key(word);
        let from = self.by_word.partition_point(|&(h, ..)| h < key);
        let (mut before, mut after): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
        for &(_, k, ws, we) in self.by_word[from..].iter().take_while(|e| e.0 == key) {
            let (p, _, e, last) = self.full[k as usize];
            if !same_word(&self.buf[ws as usize..we as usize], word)
                || !surname_of(&self.buf[..e as usize], last as usize).eq_ignore_ascii_case(word)
            {
                continue;
            }
            let name = self.name(k as usize);
            let side = if p <= pos { &mut before } else { &mut after };
            side.retain(|n| !n.eq_ignore_ascii_case(name));
            side.push(name);
        }
        before.reverse();
        for name in after {
            if !before.iter().any(|n| n.eq_ignore_ascii_case(name)) {
                before.push(name);
            }
        }
        before
    }

    /// The full name written starting at byte `pos`, if one is.
    pub fn starting_at(&self, pos: usize) -> Option<&str> {
        let k = self.full.partition_point(|&(p, ..)| p < pos);
        self.full
            .get(k)
            .filter(|&&(p, ..)| p == pos)
            .map(|_| self.name(k))
    }

    /// Where `name` (as the index holds it) is first written.
    pub fn first_at(&self, name: &str) -> Option<usize> {
        (0..self.full.len())
            .find(|&k| self.name(k) == name)
            .map(|k| self.full[k].0)
    }

    /// Where `name` (as the index holds it) is last written before `pos`.
    pub fn last_before(&self, name: &str, pos: usize) -> Option<usize> {
        (0..self.full.len())
            .rev()
            .map(|k| (self.full[k].0, k))
            .filter(|&(p, _)| p <= pos)
            .find(|&(_, k)| self.name(k) == name)
            .map(|(p, _)| p)
    }

    fn name(&self, k: usize) -> &str {
        let (_, s, e, _) = self.full[k];
        &self.buf[s as usize..e as usize]
    }

    /// The full name a one-word mention at `pos` stands for: the nearest
    /// earlier full name ending (or else starting) with that word, or the
    /// first later one.
    pub fn expand(&self, word: &str, pos: usize) -> Option<&str> {
        if self.full.is_empty() {
            return None;
        }
        let key = word_key(word);
        let from = self.by_word.partition_point(|&(h, ..)| h < key);
        // The nearest earlier and the first of the names ending with the
        // word, and of those holding it anywhere.
        let (mut last_before, mut last_first) = (None, None);
        let (mut any_before, mut any_first) = (None, None);
        for &(_, k, ws, we) in self.by_word[from..].iter().take_while(|e| e.0 == key) {
            // A hash may, very rarely, be shared by another word.
            if !same_word(&self.buf[ws as usize..we as usize], word) {
                continue;
            }
            let k = k as usize;
            let (p, _, e, last) = self.full[k];
            let before = p <= pos;
            if self.buf[last as usize..e as usize].eq_ignore_ascii_case(word) {
                last_first.get_or_insert(k);
                if before {
                    last_before = Some(k);
                }
            }
            any_first.get_or_insert(k);
            if before {
                any_before = Some(k);
            }
        }
        let k = last_before.or(last_first).or(any_before).or(any_first)?;
        Some(self.name(k))
    }
}

/// Every place a person is named in the article, and the gender the
/// article's pronouns show for each, so that `he` and `she` can point back.
/// Cloned when two passes over one article mark their speakers apart.
#[derive(Debug, Default, Clone)]
pub struct People {
    /// (byte position, person, opens its sentence) in text order.
    occurrences: Vec<(usize, usize, bool)>,
    names: Vec<String>,
    ids: HashMap<String, usize>,
    /// Pronouns that followed a mention of the person: (he, she).
    pronouns: Vec<(u32, u32)>,
    /// People the article quotes: certainly people, not places.
    speaks: Vec<bool>,
    /// (person, role word) seen written with the name: `secretary`.
    roles: Vec<(usize, String)>,
    /// Byte position where each paragraph starts, in order.
    paragraphs: Vec<usize>,
}

/// The gender a courtesy title written just before a surname gives
/// ("Mrs. Clinton", "Mr. Bush"); `before` is the text up to the surname.
pub(crate) fn honorific_gender(before: &str) -> Option<Gender> {
    let before = before.strip_suffix(' ')?;
    let title = before.rsplit(char::is_whitespace).next()?;
    match title.trim_end_matches('.') {
        "Mr" => Some(Gender::Masculine),
        "Mrs" | "Ms" | "Miss" => Some(Gender::Feminine),
        _ => None,
    }
}

/// How many named people back a pronoun may reach.
const PRONOUN_REACH: usize = 12;

impl People {
    /// Read the article's names and the first gendered pronoun after each.
    pub fn build(w: &Words, toks: &[Token], index: &NameIndex) -> People {
        let mut people = People::default();
        let mut last: Option<usize> = None;
        let mut sentence_start = 0;
        // A name cleaned of honorifics, reused from one name to the next.
        let mut scratch = String::new();
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            let new_paragraph =
                i > 0 && w.text.as_bytes()[toks[i - 1].span.end..t.span.start].contains(&b'\n');
            if new_paragraph {
                people.paragraphs.push(t.span.start);
            }
            if new_paragraph
                || t.quote().is_some()
                || matches!(t.kind, TokenKind::Punct('.' | '!' | '?'))
            {
                sentence_start = if new_paragraph { i } else { i + 1 };
            }
            if w.is_name_word(t) && !w.is_headline_verb(t) {
                // `Becker defended`, `The glaciologist Marta Quiroga, who`:
                // only a determiner or role words stand before the name.
                // (Asked only of a name that is kept.)
                let opens_sentence = || {
                    let lead = &toks[sentence_start..i];
                    // Also the name in an apposition that opens the sentence:
                    // `Port Merrow's mayor, Alicia Brandt, said`.
                    let before_titles = lead
                        .iter()
                        .rposition(|x| !w.is_title(x))
                        .map_or(0, |k| k + 1);
                    let lead_core = &lead[..before_titles];
                    let apposition = lead_core.last().is_some_and(|x| x.is_punct(','))
                        && lead_core.len() <= 6
                        && lead_core[..lead_core.len() - 1].iter().all(|x| x.is_word());
                    // `He dismisses accusations that Trump ...`: a pronoun
                    // before the name is the sentence's subject.
                    apposition
                        || lead.len() <= 4
                            && lead.iter().all(|x| {
                                x.is_word() && !w.is_speech_verb(x) && w.pronoun(x).is_none()
                            })
                };
                let mut j = i + 1;
                while j < toks.len()
                    && w.is_name_word(&toks[j])
                    && !is_possessive(w, &toks[j - 1])
                    && !w.is_headline_verb(&toks[j])
                {
                    j += 1;
                }
                // `Dropped Out Ted Cruz`: the headline's verb is no name.
                let first = w.name_start(toks, i, j);
                let t = &toks[first];
                let raw = &w.text[t.span.start..toks[j - 1].span.end];
                let name = if j - first >= 2 {
                    scratch.clear();
                    clean_name_into(w, raw, &mut scratch);
                    Some(scratch.as_str())
                } else {
                    // `Mrs. Clinton` after `Bill Clinton` and `Hillary
                    // Clinton`: the courtesy title's gender picks the full
                    // name, or the nearest would give her pronouns to him.
                    // When every full name has the other gender, the
                    // surname stays as written.
                    let surname = Words::bare(raw);
                    match honorific_gender(&w.text[..t.span.start]) {
                        Some(g) => {
                            let full = index.with_surname(surname, t.span.start);
                            let fits = |n: &&&str| {
                                n.contains(' ')
                                    && Self::given_name_gender(n).is_none_or(|known| known == g)
                            };
                            match full.iter().find(fits) {
                                Some(n) => Some(*n),
                                None if full.iter().any(|n| n.contains(' ')) => Some(surname),
                                None => index.expand(surname, t.span.start),
                            }
                        }
                        None => index.expand(surname, t.span.start),
                    }
                };
                // `Sound Ferry Company`, `Court of Appeal`: bodies, not people.
                // So is a word the article writes in full as a body's name:
                // `Clarkston` where it also has `Clarkston Community
                // Center`, or "he" took the centre for a man.
                let body = |name: &str| {
                    w.is_organisation(&toks[j - 1])
                        || with_lower(Words::bare(raw), |x| w.lexicon.places.contains(x))
                        || name.rsplit(' ').next().is_some_and(|last| {
                            with_lower(last, |x| w.lexicon.organisations.contains(x))
                        })
                };
                // `Port Merrow's mayor`: the owner of a role is a place or a
                // body more often than a person, and not who "she" is.
                let owns_role =
                    || is_possessive(w, &toks[j - 1]) && toks.get(j).is_some_and(|x| w.is_title(x));
                // `a Los Angeles-area Sanders volunteer`: a name between an
                // indefinite article and a common noun describes the
                // noun's person, who is no one named.
                let attributive = || {
                    i > 0
                        && w.is(&toks[i - 1], &["a", "an"])
                        && toks
                            .get(j)
                            .is_some_and(|x| x.is_word() && !w.is_capitalised(x))
                };
                if let Some(name) = name.filter(|n| !body(n) && !owns_role() && !attributive()) {
                    let id = people.id(name);
                    people
                        .occurrences
                        .push((t.span.start, id, opens_sentence()));
                    // Role words written just before the name, or before the
                    // comma of an apposition: `Secretary of State John
                    // Kerry`, `the secretary of state, John Kerry,`.
                    for x in toks[i.saturating_sub(6)..i].iter().rev() {
                        if x.quote().is_some()
                            || matches!(x.kind, TokenKind::Punct('.' | '!' | '?' | ';'))
                        {
                            break;
                        }
                        // `The New York businessman has praised Putin`: a
                        // verb between makes the role the subject's, not
                        // the name's.
                        if w.lower(x).is_some_and(|v| {
                            CLAUSE_VERBS.contains(&v.as_str())
                                || (v.len() > 4 && v.ends_with("ed") && !w.is_title(x))
                        }) {
                            break;
                        }
                        // `is_title` (remembered per token) holds for every
                        // listed title, so most words need no lower-casing.
                        if !w.is_title(x) {
                            continue;
                        }
                        if let Some(lower) = w.lower(x).filter(|l| w.lexicon.titles.contains(l)) {
                            people.roles.push((id, lower));
                        }
                    }
                    last = Some(id);
                }
                i = j;
                continue;
            }
            // The pronoun must follow the name in the same paragraph, with no
            // quote between: `"...," Marsh asked. "...," she said.` says
            // nothing about Marsh.
            let crosses = t.quote().is_some() || new_paragraph;
            if crosses {
                last = None;
            }
            if let (Some(id), Some(word)) = (last, w.word(t)) {
                let he = ["he", "himself"]
                    .iter()
                    .any(|x| word.eq_ignore_ascii_case(x));
                let she = ["she", "herself"]
                    .iter()
                    .any(|x| word.eq_ignore_ascii_case(x));
                match (he, she) {
                    // Only a subject pronoun: "her chambers" may be anyone's.
                    (true, _) => {
                        people.pronouns[id].0 += 1;
                        last = None;
                    }
                    (_, true) => {
                        people.pronouns[id].1 += 1;
                        last = None;
                    }
                    _ => {}
                }
            }
            i += 1;
        }
        people
    }

    fn id(&mut self, name: &str) -> usize {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len();
        self.ids.insert(name.to_string(), id);
        self.names.push(name.to_string());
        self.pronouns.push((0, 0));
        self.speaks.push(false);
        id
    }

    /// Note that this person is quoted (and so is a person).
    pub fn mark_speaker(&mut self, name: &str, gender: Option<Gender>) {
        let id = self.id(name);
        self.speaks[id] = true;
        match gender {
            Some(Gender::Masculine) => self.pronouns[id].0 += 1,
            Some(Gender::Feminine) => self.pronouns[id].1 += 1,
            _ => {}
        }
    }

    pub fn gender(&self, name: &str) -> Option<Gender> {
        let (he, she) = self.pronouns[*self.ids.get(name)?];
        match he.cmp(&she) {
            std::cmp::Ordering::Greater => Some(Gender::Masculine),
            std::cmp::Ordering::Less => Some(Gender::Feminine),
            std::cmp::Ordering::Equal => None,
        }
    }

    /// The gender the given name of `name` nearly always carries
    /// (`grammar/given_name_genders.txt`), when the list knows it.
    fn given_name_gender(name: &str) -> Option<Gender> {
        let (given, rest) = name.split_once(' ')?;
        (!rest.is_empty())
            .then(|| NameGenders::builtin().of(given))
            .flatten()
    }

    /// The person a pronoun at `pos` points back at: the latest one named
    /// before it whose gender the article shows to match, or else the latest
    /// one of unknown gender. Names that never take a pronoun and never speak
    /// (places, institutions) are passed over.
    pub fn resolve(&self, pos: usize, gender: Gender) -> Option<&str> {
        let before = self.occurrences.partition_point(|(p, ..)| *p < pos);
        let mut unknown = None;
        let mut seen = 0;
        let paragraph = self.paragraph_of(pos);
        // The nearest person of the pronoun's gender named inside a
        // sentence of the pronoun's paragraph, while one the paragraph
        // opens a sentence with is looked for.
        let mut nearest: Option<usize> = None;
        for &(at, id, subject) in self.occurrences[..before].iter().rev() {
            if nearest.is_some() && self.paragraph_of(at) != paragraph {
                break;
            }
            let (he, she) = self.pronouns[id];
            if he + she == 0 && !self.speaks[id] && !subject {
                continue;
            }
            seen += 1;
            if seen > PRONOUN_REACH {
                break;
            }
            let known = self.gender(&self.names[id]);
            // A given name of the other gender rules a person out when the
            // article's pronouns say nothing: without it a "he" after "Mr.
            // Obama ... Hillary Clinton" took the nearer name, hers. It does
            // not make the person the pronoun's (a subject of unknown
            // gender nearer still is likelier).
            if known.is_none()
                && Self::given_name_gender(&self.names[id]).is_some_and(|g| g != gender)
            {
                continue;
            }
            match (known, gender) {
                (Some(Gender::Masculine), Gender::Masculine)
                | (Some(Gender::Feminine), Gender::Feminine) => {
                    // `LeVell is on a mission to change the view that Trump
                    // is racist. He dismisses ... He sincerely believes, he
                    // said`: a person named only inside sentences is less
                    // likely the pronoun's than the one a sentence of the
                    // same paragraph is about.
                    if subject || self.paragraph_of(at) != paragraph {
                        return Some(&self.names[nearest.unwrap_or(id)]);
                    }
                    nearest.get_or_insert(id);
                }
                // The subject of a recent sentence is the likeliest
                // antecedent when nothing says otherwise.
                // ... and it is the subject a paragraph opened with when a
                // person of the pronoun's gender was met only inside its
                // sentences.
                (None, _) if subject && (unknown.is_none() || nearest.is_some()) => {
                    return Some(&self.names[id]);
                }
                (None, _) => {
                    unknown.get_or_insert(id);
                }
                _ => {}
            }
        }
        nearest.or(unknown).map(|id| self.names[id].as_str())
    }

    /// The paragraph the byte at `pos` is in (0 for the first).
    fn paragraph_of(&self, pos: usize) -> usize {
        self.paragraphs.partition_point(|&start| start <= pos)
    }
}

impl People {
    /// `the secretary`, `the former governor`: the latest person named
    /// before `pos` with that role word written beside the name.
    pub fn resolve_role(&self, pos: usize, role: &str) -> Option<&str> {
        let before = self.occurrences.partition_point(|(p, ..)| *p < pos);
        self.occurrences[..before]
            .iter()
            .rev()
            .map(|&(_, id, ..)| id)
            .find(|&id| self.roles.iter().any(|(r_id, r)| *r_id == id && r == role))
            .map(|id| self.names[id].as_str())
    }
}

/// Auxiliaries and reporting verbs that end the role words before a name.
const CLAUSE_VERBS: &[&str] = &[
    "is", "was", "are", "were", "has", "have", "had", "will", "would", "said", "says", "told",
    "called", "met", "praised",
];

fn is_possessive(w: &Words, t: &Token) -> bool {
    w.word(t).is_some_and(|x| Words::bare(x).len() != x.len())
}

/// Is this mention kind a person the article can point back at?
pub fn is_person(kind: MentionKind) -> bool {
    matches!(kind, MentionKind::Name)
}

/// The surname of a name ending at the end of `buf` whose last word
/// starts at `last`: that word, or the one before a generational suffix.
fn surname_of(buf: &str, last: usize) -> &str {
    let word = &buf[last..];
    if !GENERATIONAL.contains(&word.trim_end_matches('.')) {
        return word;
    }
    let before = buf[..last].trim_end().trim_end_matches(',');
    before.rsplit(' ').next().unwrap_or(word)
}

/// Generational suffixes as a name ends with them, without a dot.
const GENERATIONAL: &[&str] = &["Jr", "Sr", "II", "III", "IV"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::record::Span;
    use crate::text::tokens::tokenize;

    fn index(text: &str) -> NameIndex {
        let lex = Lexicon::builtin();
        let w = Words::new(text, lex);
        let mut toks = Vec::new();
        tokenize(
            text,
            Span::new(0, text.len()),
            &[],
            &|x| lex.honorifics.contains(&format!("{x}.")),
            &mut toks,
        );
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
    fn a_generational_suffix_is_not_the_surname() {
        assert_eq!(surname_of("Brent Bozell III", 13), "Bozell");
        assert_eq!(surname_of("Alan Reyes, Jr.", 12), "Reyes");
        assert_eq!(surname_of("Alan Reyes", 5), "Reyes");
    }

    #[test]
    fn a_surname_lists_its_full_names_nearest_first() {
        let text =
            "Dana Whitlow spoke. Glen Whitlow stood by. Whitlow said so. Ann Whitlow came later.";
        let idx = index(text);
        let said = text.find("Whitlow said").unwrap();
        assert_eq!(
            idx.with_surname("Whitlow", said),
            ["Glen Whitlow", "Dana Whitlow", "Ann Whitlow"]
        );
        assert!(idx.with_surname("Marsh", said).is_empty());
    }

    #[test]
    fn a_headline_verb_ends_the_name() {
        let text = "Mayor Ana Brill Slams Ferry Delay\n\nBrill spoke on Friday.";
        let idx = index(text);
        assert_eq!(idx.expand("Brill", 36), Some("Ana Brill"));
    }

    #[test]
    fn honorifics_and_possessives_come_off() {
        let lex = Lexicon::builtin();
        let w = Words::new("", lex);
        assert_eq!(clean_name(&w, "Mr. Kerry's"), "Kerry");
    }

    /// The people of `text`, as an article's are read.
    fn people_of(text: &str) -> People {
        let lex = Lexicon::builtin();
        let w = Words::new(text, lex);
        let mut toks = Vec::new();
        tokenize(
            text,
            Span::new(0, text.len()),
            &[],
            &|x| lex.honorifics.contains(&format!("{x}.")),
            &mut toks,
        );
        let idx = NameIndex::build(&w, &toks);
        People::build(&w, &toks, &idx)
    }

    #[test]
    fn pronouns_take_the_latest_person_of_a_matching_gender() {
        let text = "Justice Miriam Adeyemi retires. She spoke to Colin Marsh in her rooms.\n\nMarsh asked a question.\n\nLater she said no.";
        let mut people = people_of(text);
        people.mark_speaker("Colin Marsh", Some(Gender::Masculine));
        let she = text.rfind("she").unwrap();
        assert_eq!(people.gender("Miriam Adeyemi"), Some(Gender::Feminine));
        assert_eq!(
            people.resolve(she, Gender::Feminine),
            Some("Miriam Adeyemi")
        );
        assert_eq!(people.resolve(she, Gender::Masculine), Some("Colin Marsh"));
    }

    #[test]
    fn a_name_describing_a_noun_or_after_a_modifier_is_no_antecedent() {
        // "a Trump supporter" is no mention of Trump: the "he" is Singh's.
        let text = "Donald Trump spoke at the rally. Chandhok Singh, a Trump supporter, \
                    was there, and he said so.";
        let people = people_of(text);
        let he = text.find("he said").unwrap();
        assert_eq!(
            people.resolve(he, Gender::Masculine),
            Some("Chandhok Singh")
        );
        // A compound modifier and a headline's verb are not part of a name.
        let text = "Texas-based Matt Mackowiak spoke, and he said so.\n\n\
                    Rubio Wipes Out Ted Cruz and he said so.";
        let people = people_of(text);
        let he = text.find("he said").unwrap();
        assert_eq!(
            people.resolve(he, Gender::Masculine),
            Some("Matt Mackowiak")
        );
        let he = text.rfind("he said").unwrap();
        assert_eq!(people.resolve(he, Gender::Masculine), Some("Ted Cruz"));
    }

    #[test]
    fn a_word_of_a_bodys_name_is_no_antecedent() {
        // "Clarkston" after "Clarkston Community Center" reads as the
        // centre, a body: the "he" is the teacher's.
        let text = "Luay Sami spoke at the Clarkston Community Center. He moved to Clarkston, and he said so.";
        let people = people_of(text);
        let he = text.find("he said").unwrap();
        assert_eq!(people.resolve(he, Gender::Masculine), Some("Luay Sami"));
    }

    #[test]
    fn a_pronoun_prefers_the_person_its_paragraph_is_about() {
        // Trump is named only inside LeVell's sentences: the "he" is
        // LeVell's.
        let text = "Georgia businessman Bruce LeVell believes people do not know Donald Trump.\n\n\
                    LeVell is a black man on a mission to change the perception that Trump is racist. \
                    He dismisses accusations that Trump has exploited racial tensions. He sincerely believes, he said, that it is so.";
        let people = people_of(text);
        let he = text.find("he said").unwrap();
        assert_eq!(people.resolve(he, Gender::Masculine), Some("Bruce LeVell"));
    }

    #[test]
    fn a_courtesy_title_picks_the_full_name_of_its_gender() {
        // The nearest "Clinton" is Bill; "Mrs." says she is Hillary, and a
        // "Mr." whose only full name is a woman's stays a bare surname.
        let text = "Hillary Clinton won on Tuesday. Her husband, Bill Clinton, campaigned.\n\n\
                    Mrs. Clinton has run on practicality, and she says so.\n\n\
                    Jane Doe spoke. Mr. Doe was there, and he said so.";
        let people = people_of(text);
        let she = text.find("she says").unwrap();
        assert_eq!(
            people.resolve(she, Gender::Feminine),
            Some("Hillary Clinton")
        );
        let he = text.find("he said").unwrap();
        assert_eq!(people.resolve(he, Gender::Masculine), Some("Doe"));
    }

    #[test]
    fn a_given_name_of_the_other_gender_rules_a_person_out() {
        // Nothing in the text says Hillary Clinton's gender, but her given
        // name does: the "he" is Barack Obama's.
        let text =
            "Barack Obama spoke first. He praised Hillary Clinton at length.\n\nLater he said no.";
        let mut people = people_of(text);
        people.mark_speaker("Hillary Clinton", None);
        let he = text.rfind("he").unwrap();
        assert_eq!(people.resolve(he, Gender::Masculine), Some("Barack Obama"));
        assert_eq!(
            people.resolve(he, Gender::Feminine),
            Some("Hillary Clinton")
        );
    }
}
