//! Within one article: a bare surname or a pronoun resolves to the person
//! named in full earlier ("Kerry", "he" -> "John Kerry").

use std::cell::{OnceCell, RefCell};
use std::cmp::Ordering;

use rustc_hash::FxHashMap as HashMap;

use crate::attribution::mention::{MentionKind, after_the, surname_in_this_article, surnamed};
use crate::lexicon::{Gender, NameGenders, WordSet, with_lower};
use crate::text::classes::has_border;
use crate::text::tokens::{Token, TokenKind};
use crate::text::words::Words;

/// Full names (two or more name words) met in the article, by position.
/// The names are kept in one buffer and looked up in sorted tables (by a
/// hash of the key, then the key itself, then text order), so that every
/// lookup is a binary search however many names a long page holds. Each
/// table is built the first time a lookup needs it: most articles ask
/// for a few names, by one or two of the tables.
#[derive(Debug, Default)]
pub struct NameIndex {
    /// (byte position, name's range in `buf`, start of its last word) in
    /// text order.
    full: Vec<(usize, u32, u32, u32)>,
    /// The cleaned full names, one after another.
    buf: String,
    /// (hash of a lower-cased word of a full name, index into `full`, the
    /// word's range in `buf`), sorted: the names holding a word are a run,
    /// in text order. Built with the index, for an index of a few names.
    by_key: Vec<(u64, u32, u32, u32)>,
    /// The names by each of their words, lower-cased.
    by_word: OnceCell<WordTable>,
    /// (hash of the last word with ASCII case ignored, index into `full`),
    /// sorted by hash, last word with ASCII case ignored, index.
    by_last: OnceCell<Vec<(u64, u32)>>,
    /// The names as written, and their classes.
    by_name: OnceCell<NameTable>,
    /// The names by their surnames.
    by_surname: OnceCell<SurnameTable>,
    /// For [`NameIndex::after_words`], built when first asked: the full
    /// names written after a space (indices into `full`, in text order),
    /// by the word before that space.
    after_word: OnceCell<HashMap<String, Vec<u32>>>,
    /// For [`NameIndex::after_words`]: the full names written right after
    /// each phrase asked for and a space, in text order.
    after_phrase: RefCell<HashMap<String, Vec<u32>>>,
}

/// [`NameIndex`]'s names by each of their words, lower-cased.
#[derive(Debug, Default)]
struct WordTable {
    /// The lower-cased words of the full names, one after another.
    lower: String,
    /// (hash of a lower-cased word of a full name, the lower-cased word's
    /// range in `lower`, index into `full`), sorted by hash, word, index:
    /// the names holding a word are a run, in text order.
    entries: Vec<(u64, u32, u32, u32)>,
}

/// [`NameIndex`]'s names as written.
#[derive(Debug, Default)]
struct NameTable {
    /// (hash of the name with ASCII case ignored, index into `full`),
    /// sorted by hash, name with ASCII case ignored, name as written,
    /// index: each name's places are a run, in text order.
    entries: Vec<(u64, u32)>,
    /// The names' classes: one number for the names equal when ASCII case
    /// is ignored, by index into `full`.
    class: Vec<u32>,
}

/// [`NameIndex`]'s names by their surnames.
#[derive(Debug, Default)]
struct SurnameTable {
    /// (hash of the surname with ASCII case ignored, index into `full`)
    /// of the names whose surname ([`surname_of`]) is also one of their
    /// words, sorted by hash, surname with ASCII case ignored, class,
    /// index.
    entries: Vec<(u64, u32)>,
    /// The runs of `entries` of one surname and one class, in its order.
    runs: Vec<(u32, u32)>,
}

/// An index of at most this many names answers from `by_key` and scans
/// of its names: the tables cost more to build than a few scans of so few
/// names.
const SCAN_MAX: usize = 48;

/// The longest word [`NameIndex::after_words`] looks names up by; a
/// phrase ending with a longer one is searched for in the text.
const AFTER_WORD_MAX: usize = 64;

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

/// Hash of the word lower-cased, the key of [`NameIndex`]'s `by_key`.
fn word_key(word: &str) -> u64 {
    with_lower(word, hash_of)
}

/// `word` lower-cased (as [`with_lower`] gives it), appended to `out`.
fn push_lower(word: &str, out: &mut String) {
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.push_str(&word.to_lowercase());
    }
}

/// Hash of a word already lower-cased, the key of [`NameIndex`]'s words.
fn hash_of(lower: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(lower.as_bytes());
    h.finish()
}

/// Hash of `s` with ASCII case ignored: equal for strings that
/// `eq_ignore_ascii_case` holds equal.
fn ci_hash(s: &str) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    let mut chunk = [0u8; 64];
    for part in s.as_bytes().chunks(chunk.len()) {
        for (slot, b) in chunk.iter_mut().zip(part) {
            *slot = b.to_ascii_lowercase();
        }
        h.write(&chunk[..part.len()]);
    }
    h.finish()
}

/// Order of two strings with ASCII case ignored: `Equal` exactly when
/// `eq_ignore_ascii_case` holds.
fn ci_cmp(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|c| c.to_ascii_lowercase())
        .cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
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
                && (w.is_name_word(&toks[j]) || surname_in_this_article(w, toks, &toks[j]))
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
            // `the Trump Train`, `the Common Core`: no one's full name for
            // `Trump` to expand to (see `after_the`); nor a place, a label
            // or the rest of a body's name (`Research` opening a sentence
            // is not `Scientific Research` of `National Center for
            // Scientific Research`), as for pronouns ([`People::build`]).
            if j - i >= 2 && after_the(w, toks, i, j).is_none() {
                let raw = &w.text[toks[i].span.start..toks[j - 1].span.end];
                if !inside_a_body_name(w, toks, i)
                    && !before_a_state(w, toks, (i, j))
                    && !common_words_only(raw)
                {
                    index.push(w, toks[i].span.start, raw);
                }
            }
            i = j;
        }
        index.by_key.sort_unstable();
        index
    }

    /// Add the name written `raw` at `pos`.
    fn push(&mut self, w: &Words, pos: usize, raw: &str) {
        let start = self.buf.len();
        clean_name_into(w, raw, &mut self.buf);
        let name = &self.buf[start..];
        let k = self.full.len() as u32;
        for word in name.split_whitespace() {
            let ws = start + (word.as_ptr() as usize - name.as_ptr() as usize);
            let we = ws + word.len();
            self.by_key.push((word_key(word), k, ws as u32, we as u32));
        }
        let last = start + name.rfind(' ').map_or(0, |p| p + 1);
        let end = self.buf.len();
        self.full.push((pos, start as u32, end as u32, last as u32));
    }

    fn words(&self) -> &WordTable {
        self.by_word.get_or_init(|| {
            let mut table = WordTable::default();
            for k in 0..self.full.len() {
                for word in self.name(k).split_whitespace() {
                    let ls = table.lower.len();
                    push_lower(word, &mut table.lower);
                    let lw = &table.lower[ls..];
                    table.entries.push((
                        hash_of(lw),
                        ls as u32,
                        table.lower.len() as u32,
                        k as u32,
                    ));
                }
            }
            let lower = &table.lower;
            let word = |&(_, s, e, _): &(u64, u32, u32, u32)| &lower[s as usize..e as usize];
            table
                .entries
                .sort_unstable_by(|a, b| (a.0, word(a), a.3).cmp(&(b.0, word(b), b.3)));
            table
        })
    }

    fn lasts(&self) -> &[(u64, u32)] {
        self.by_last.get_or_init(|| {
            let mut by_last: Vec<(u64, u32)> = (0..self.full.len() as u32)
                .map(|k| (ci_hash(self.last_word(k as usize)), k))
                .collect();
            by_last.sort_unstable_by(|a, b| {
                a.0.cmp(&b.0)
                    .then_with(|| {
                        ci_cmp(self.last_word(a.1 as usize), self.last_word(b.1 as usize))
                    })
                    .then(a.1.cmp(&b.1))
            });
            by_last
        })
    }

    fn names(&self) -> &NameTable {
        self.by_name.get_or_init(|| {
            let mut entries: Vec<(u64, u32)> = (0..self.full.len() as u32)
                .map(|k| (ci_hash(self.name(k as usize)), k))
                .collect();
            entries.sort_unstable_by(|a, b| {
                let (x, y) = (self.name(a.1 as usize), self.name(b.1 as usize));
                a.0.cmp(&b.0)
                    .then_with(|| ci_cmp(x, y))
                    .then_with(|| x.cmp(y))
                    .then(a.1.cmp(&b.1))
            });
            let mut class = vec![0u32; self.full.len()];
            let mut next = 0;
            for (i, &(h, k)) in entries.iter().enumerate() {
                if i > 0 {
                    let (ph, pk) = entries[i - 1];
                    if ph != h
                        || !self
                            .name(pk as usize)
                            .eq_ignore_ascii_case(self.name(k as usize))
                    {
                        next += 1;
                    }
                }
                class[k as usize] = next;
            }
            NameTable { entries, class }
        })
    }

    fn surnames(&self) -> &SurnameTable {
        self.by_surname.get_or_init(|| {
            let class = &self.names().class;
            // A name is reached from its surname only when the surname is
            // also one of its words, lower-cased ("Reyes" is none of the
            // words of "Alan Reyes, Jr.").
            let mut entries: Vec<(u64, u32)> = (0..self.full.len())
                .filter(|&k| {
                    with_lower(self.surname_word(k), |surname| {
                        self.name(k)
                            .split_whitespace()
                            .any(|w| with_lower(w, |w| w == surname))
                    })
                })
                .map(|k| (ci_hash(self.surname_word(k)), k as u32))
                .collect();
            entries.sort_unstable_by(|a, b| {
                let (x, y) = (a.1 as usize, b.1 as usize);
                a.0.cmp(&b.0)
                    .then_with(|| ci_cmp(self.surname_word(x), self.surname_word(y)))
                    .then(class[x].cmp(&class[y]))
                    .then(a.1.cmp(&b.1))
            });
            let mut runs: Vec<(u32, u32)> = Vec::new();
            for (i, &(h, k)) in entries.iter().enumerate() {
                let k = k as usize;
                let same_run = i > 0 && {
                    let (ph, pk) = entries[i - 1];
                    let pk = pk as usize;
                    ph == h
                        && class[pk] == class[k]
                        && self
                            .surname_word(pk)
                            .eq_ignore_ascii_case(self.surname_word(k))
                };
                match runs.last_mut() {
                    Some(run) if same_run => run.1 = i as u32 + 1,
                    _ => runs.push((i as u32, i as u32 + 1)),
                }
            }
            SurnameTable { entries, runs }
        })
    }

    fn last_word(&self, k: usize) -> &str {
        let (_, _, e, last) = self.full[k];
        &self.buf[last as usize..e as usize]
    }

    fn surname_word(&self, k: usize) -> &str {
        let (_, _, e, last) = self.full[k];
        surname_of(&self.buf[..e as usize], last as usize)
    }

    /// The entries of `by_word` of the names holding `word` (lower-cased
    /// alike), in text order; a name holding it twice comes twice.
    fn holding(&self, word: &str) -> &[(u64, u32, u32, u32)] {
        let table = self.words();
        let (from, to) = with_lower(word, |lw| {
            let key = (hash_of(lw), lw);
            let word =
                |&(h, s, e, _): &(u64, u32, u32, u32)| (h, &table.lower[s as usize..e as usize]);
            (
                table.entries.partition_point(|x| word(x) < key),
                table.entries.partition_point(|x| word(x) <= key),
            )
        });
        &table.entries[from..to]
    }

    /// The run of `table` whose key (by `entry`: its `ci_hash` and itself)
    /// equals `key` with ASCII case ignored.
    fn ci_run<'t, 's, T>(
        table: &'t [T],
        key: &str,
        entry: impl Fn(&T) -> (u64, &'s str),
    ) -> &'t [T] {
        let h = ci_hash(key);
        let cmp = |x: &T| {
            let (xh, xk) = entry(x);
            xh.cmp(&h).then_with(|| ci_cmp(xk, key))
        };
        let from = table.partition_point(|x| cmp(x) == Ordering::Less);
        let to = table.partition_point(|x| cmp(x) != Ordering::Greater);
        &table[from..to]
    }

    /// The last of the names `ks` (each an index into `full` by `k_of`,
    /// in text order) written at or before `pos`.
    fn last_upto<T>(&self, ks: &[T], k_of: impl Fn(&T) -> usize, pos: usize) -> Option<usize> {
        let n = ks.partition_point(|x| self.full[k_of(x)].0 <= pos);
        n.checked_sub(1).map(|i| k_of(&ks[i]))
    }

    /// [`NameIndex::with_surname`] from the tables.
    fn with_surname_by_table(&self, word: &str, pos: usize) -> Vec<&str> {
        if self.full.is_empty() {
            return Vec::new();
        }
        let table = self.surnames();
        let runs = Self::ci_run(&table.runs, word, |&(s, _)| {
            let (h, k) = table.entries[s as usize];
            (h, self.surname_word(k as usize))
        });
        let (mut before, mut after): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
        for &(s, e) in runs {
            // One class of names, in text order.
            let ks = &table.entries[s as usize..e as usize];
            match self.last_upto(ks, |&(_, k)| k as usize, pos) {
                Some(k) => before.push(k),
                None => after.push(ks[ks.len() - 1].1 as usize),
            }
        }
        before.sort_unstable_by(|a, b| b.cmp(a));
        after.sort_unstable();
        before
            .into_iter()
            .chain(after)
            .map(|k| self.name(k))
            .collect()
    }

    /// Every distinct full name ending with `word` (or with it and a
    /// generational suffix, "Brent Bozell III"): those before `pos`
    /// nearest first, then those after it in text order. Names equal but
    /// for ASCII case count once, as written last (before `pos`, for
    /// those before it).
    pub fn with_surname(&self, word: &str, pos: usize) -> Vec<&str> {
        if self.full.len() <= SCAN_MAX {
            self.with_surname_by_run(word, pos)
        } else {
            self.with_surname_by_table(word, pos)
        }
    }

    /// Where `name` (as the index holds it) is first written.
    pub fn first_at(&self, name: &str) -> Option<usize> {
        if self.full.len() <= SCAN_MAX {
            self.first_at_by_scan(name)
        } else {
            self.first_at_by_table(name)
        }
    }

    /// Where `name` (as the index holds it) is last written before `pos`.
    pub fn last_before(&self, name: &str, pos: usize) -> Option<usize> {
        if self.full.len() <= SCAN_MAX {
            self.last_before_by_scan(name, pos)
        } else {
            self.last_before_by_table(name, pos)
        }
    }

    /// The full name a one-word mention at `pos` stands for: the nearest
    /// earlier full name ending (or else starting) with that word, or the
    /// first later one.
    pub fn expand(&self, word: &str, pos: usize) -> Option<&str> {
        if self.full.len() <= SCAN_MAX {
            self.expand_by_run(word, pos)
        } else {
            self.expand_by_table(word, pos)
        }
    }

    /// [`NameIndex::with_surname`] by the names holding the word.
    fn with_surname_by_run(&self, word: &str, pos: usize) -> Vec<&str> {
        let key = word_key(word);
        let from = self.by_key.partition_point(|&(h, ..)| h < key);
        let (mut before, mut after): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
        for &(_, k, ws, we) in self.by_key[from..].iter().take_while(|e| e.0 == key) {
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

    /// [`NameIndex::first_at`] by a scan of every name.
    fn first_at_by_scan(&self, name: &str) -> Option<usize> {
        (0..self.full.len())
            .find(|&k| self.name(k) == name)
            .map(|k| self.full[k].0)
    }

    /// [`NameIndex::last_before`] by a scan of every name.
    fn last_before_by_scan(&self, name: &str, pos: usize) -> Option<usize> {
        (0..self.full.len())
            .rev()
            .map(|k| (self.full[k].0, k))
            .filter(|&(p, _)| p <= pos)
            .find(|&(_, k)| self.name(k) == name)
            .map(|(p, _)| p)
    }

    /// [`NameIndex::expand`] by the names holding the word.
    fn expand_by_run(&self, word: &str, pos: usize) -> Option<&str> {
        if self.full.is_empty() {
            return None;
        }
        let key = word_key(word);
        let from = self.by_key.partition_point(|&(h, ..)| h < key);
        // The nearest earlier and the first of the names ending with the
        // word, and of those holding it anywhere.
        let (mut last_before, mut last_first) = (None, None);
        let (mut any_before, mut any_first) = (None, None);
        for &(_, k, ws, we) in self.by_key[from..].iter().take_while(|e| e.0 == key) {
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

    /// The full name written starting at byte `pos`, if one is.
    pub fn starting_at(&self, pos: usize) -> Option<&str> {
        let k = self.full.partition_point(|&(p, ..)| p < pos);
        self.full
            .get(k)
            .filter(|&&(p, ..)| p == pos)
            .map(|_| self.name(k))
    }

    /// The full name written right after `phrase` and a space at the
    /// first place `phrase` is written at or after byte `from` that is
    /// followed so, reading on from the end of each place (as
    /// `str::find` from there would): `CNN President` in `CNN President
    /// Jeff Zucker`. `text` is the article the index was built from.
    pub fn after_words(&self, text: &str, phrase: &str, from: usize) -> Option<&str> {
        text.get(from..)?;
        let last = phrase.rsplit_once(' ').map(|(_, last)| last);
        // Two places of a phrase with a border may overlap, and a search
        // from the end of one passes over the other: searched for.
        let Some(last) = last.filter(|l| l.len() <= AFTER_WORD_MAX && !has_border(phrase)) else {
            return self.after_words_searched(text, phrase, from);
        };
        let mut after_phrase = self.after_phrase.borrow_mut();
        let ks = after_phrase.entry(phrase.to_string()).or_insert_with(|| {
            let by_word = self
                .after_word
                .get_or_init(|| self.names_by_word_before(text));
            let Some(ks) = by_word.get(last) else {
                return Vec::new();
            };
            ks.iter()
                .copied()
                .filter(|&k| {
                    let q = self.full[k as usize].0;
                    q > phrase.len() && text.get(q - 1 - phrase.len()..q - 1) == Some(phrase)
                })
                .collect()
        });
        let i = ks.partition_point(|&k| self.full[k as usize].0 - 1 - phrase.len() < from);
        let k = *ks.get(i)? as usize;
        drop(after_phrase);
        Some(self.name(k))
    }

    /// [`NameIndex::after_words`] by searching the text.
    fn after_words_searched(&self, text: &str, phrase: &str, mut from: usize) -> Option<&str> {
        while let Some(at) = text.get(from..)?.find(phrase) {
            let after = from + at + phrase.len();
            if text[after..].starts_with(' ')
                && let Some(name) = self.starting_at(after + 1)
            {
                return Some(name);
            }
            from = after;
        }
        None
    }

    /// The full names written after a space, by the word before the space
    /// (back to the space before it, when that is at most
    /// [`AFTER_WORD_MAX`] bytes back).
    fn names_by_word_before(&self, text: &str) -> HashMap<String, Vec<u32>> {
        let mut by_word: HashMap<String, Vec<u32>> = HashMap::default();
        for (k, &(q, ..)) in self.full.iter().enumerate() {
            if q == 0 || text.as_bytes()[q - 1] != b' ' {
                continue;
            }
            let mut lo = (q - 1).saturating_sub(AFTER_WORD_MAX + 1);
            while !text.is_char_boundary(lo) {
                lo += 1;
            }
            let window = &text[lo..q - 1];
            if let Some(space) = window.rfind(' ') {
                let word = &window[space + 1..];
                match by_word.get_mut(word) {
                    Some(ks) => ks.push(k as u32),
                    None => {
                        by_word.insert(word.to_string(), vec![k as u32]);
                    }
                }
            }
        }
        by_word
    }

    /// The places (indices into `full`, in text order) where `name` (as
    /// the index holds it) is written.
    fn places(&self, name: &str) -> &[(u64, u32)] {
        let run = Self::ci_run(&self.names().entries, name, |&(h, k)| {
            (h, self.name(k as usize))
        });
        let from = run.partition_point(|&(_, k)| self.name(k as usize) < name);
        let to = run.partition_point(|&(_, k)| self.name(k as usize) <= name);
        &run[from..to]
    }

    /// [`NameIndex::first_at`] from the tables.
    fn first_at_by_table(&self, name: &str) -> Option<usize> {
        self.places(name)
            .first()
            .map(|&(_, k)| self.full[k as usize].0)
    }

    /// [`NameIndex::last_before`] from the tables.
    fn last_before_by_table(&self, name: &str, pos: usize) -> Option<usize> {
        self.last_upto(self.places(name), |&(_, k)| k as usize, pos)
            .map(|k| self.full[k].0)
    }

    fn name(&self, k: usize) -> &str {
        let (_, s, e, _) = self.full[k];
        &self.buf[s as usize..e as usize]
    }

    /// [`NameIndex::expand`] from the tables.
    fn expand_by_table(&self, word: &str, pos: usize) -> Option<&str> {
        if self.full.is_empty() {
            return None;
        }
        // The nearest earlier and the first of the names ending with the
        // word, and of those holding it anywhere.
        let ending = Self::ci_run(self.lasts(), word, |&(h, k)| {
            (h, self.last_word(k as usize))
        });
        let k = match ending.first() {
            Some(&(_, first)) => self
                .last_upto(ending, |&(_, k)| k as usize, pos)
                .unwrap_or(first as usize),
            None => {
                let holding = self.holding(word);
                let &(.., first) = holding.first()?;
                self.last_upto(holding, |e| e.3 as usize, pos)
                    .unwrap_or(first as usize)
            }
        };
        Some(self.name(k))
    }
}

/// Does the article write `name` after a title or courtesy title
/// somewhere ("President Obama", "Mr. Bryne")? Then it is a person's
/// surname, not a word that opens a sentence.
pub(crate) fn titled_somewhere(words: &Words, name: &str) -> bool {
    match words.lower_words {
        Some(lw) => lw.titled(name, || titled_somewhere_searched(words, name)),
        None => titled_somewhere_searched(words, name),
    }
}

/// [`titled_somewhere`], searching the whole text.
fn titled_somewhere_searched(words: &Words, name: &str) -> bool {
    let text = words.text;
    let lexicon = words.lexicon;
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].trim_end();
        let word = before
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let lower = word.to_lowercase();
        !word.is_empty()
            && (lexicon.titles.contains(lower.trim_end_matches('.'))
                || lexicon.honorifics.contains(word))
    })
}

/// Every place a person is named in the article, and the gender the
/// article's pronouns show for each, so that `he` and `she` can point back.
/// Cloned when two passes over one article mark their speakers apart.
#[derive(Debug, Default, Clone)]
pub struct People {
    /// Every place a person is named, in text order.
    occurrences: Vec<Occurrence>,
    names: Vec<String>,
    ids: HashMap<String, usize>,
    /// Pronouns that followed a mention of the person: (he, she).
    pronouns: Vec<(u32, u32)>,
    /// The gender each person's listed given name carries, if it is listed
    /// (`grammar/given_name_genders.txt`), looked up once per person.
    given: Vec<Option<Gender>>,
    /// The gender a courtesy title gave a person known only by surname
    /// (`Mr. Obama` where the article never writes his given name).
    titled: Vec<Option<Gender>>,
    /// People known only by a surname the article gives a title
    /// ([`surnamed`]): antecedents only once they speak or a courtesy title
    /// gives their gender, since such a word is as often a body's (`State
    /// Fair`, `Security Program`).
    bare: Vec<bool>,
    /// People the article quotes: certainly people, not places.
    speaks: Vec<bool>,
    /// (person, role word) seen written with the name: `secretary`.
    roles: Vec<(usize, String)>,
    /// (person, word) of the place or body a role was written with, lower
    /// case: `Florida Sen. Marco Rubio`, `Marco Rubio of Florida` give
    /// (Rubio, `florida`).
    qualifiers: Vec<(usize, String)>,
    /// Byte position where each paragraph starts, in order.
    paragraphs: Vec<usize>,
    /// For each role word, the occurrences of the people it was written
    /// with, in text order: built the first time a role is asked for.
    by_role: OnceCell<HashMap<String, Vec<u32>>>,
}

/// One place a person is named.
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    /// Byte position of the name.
    at: usize,
    person: usize,
    /// The name opens its sentence (its subject, or an apposition's name).
    opens: bool,
    /// The `he` or `she` that opens the sentence instead, if one does
    /// (byte position, gender): `He added that ... Mr. Trump's remarks` is
    /// about whoever "he" is, not Trump.
    opened_by: Option<(usize, Gender)>,
    /// Byte position where the name's sentence starts.
    sentence: usize,
    /// The name is the sentence's speaker (`..., Cuban said.`) or written
    /// as an owner (`Trump's grasp`): neither is continued by the next
    /// sentence's subject the way a plain subject is.
    says: bool,
    owns: bool,
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

/// How many pronouns opening a sentence a pronoun may follow back to their
/// antecedent ([`People::resolve`]).
const PRONOUN_CHAIN: usize = 3;

/// Words before a name read for a family word: "his pastor father,".
const KIN_REACH: usize = 3;

/// Does a family word stand just before the name at `at` ("his father,
/// Rafael Cruz")?
pub(crate) fn introduced_as_relative(words: &Words, at: usize) -> bool {
    let text = words.text;
    let mut from = at.saturating_sub(KIN_REACH * 12);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    text[from..at]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(KIN_REACH)
        .any(|w| with_lower(w, |x| words.lexicon.kin_words.contains(x)))
}

/// [`NameIndex::expand`], but not to a name the article introduces as
/// someone's relative (`his wife, Gabriela Violeta Lazar`) when one other
/// person of the surname is there (`Marcel Lehel Lazar`): a bare `Lazar`
/// is the one the article is about, as for a speaker (`speaker.rs`).
fn not_a_relative<'a>(
    w: &Words,
    index: &'a NameIndex,
    surname: &str,
    pos: usize,
) -> Option<&'a str> {
    let nearest = index.expand(surname, pos)?;
    if !index
        .first_at(nearest)
        .is_some_and(|at| introduced_as_relative(w, at))
    {
        return Some(nearest);
    }
    let full = index.with_surname(surname, pos);
    let people = full.iter().copied().filter(|name| name.contains(' '));
    Some(sole_non_relative(w, index, people).unwrap_or(nearest))
}

/// Of `names` (people of one surname), the only one the article does not
/// introduce as someone's relative, when at least one is so introduced
/// (`his father, Brent Bozell, Jr.`): whom a bare surname stands for.
/// Stops reading at the second such name.
pub(crate) fn sole_non_relative<'a>(
    w: &Words,
    index: &NameIndex,
    names: impl Iterator<Item = &'a str>,
) -> Option<&'a str> {
    let (mut relatives, mut others) = (false, Vec::with_capacity(2));
    for name in names {
        if index
            .first_at(name)
            .is_some_and(|at| introduced_as_relative(w, at))
        {
            relatives = true;
        } else {
            others.push(name);
            if others.len() > 1 {
                break;
            }
        }
    }
    match (relatives, &others[..]) {
        (true, [only]) => Some(only),
        _ => None,
    }
}

/// Whether `raw`, words a name was read from, is a heading in capitals
/// (`FULL TEXT` over an article, `RED STATES OUTNUMBER BLUE STATES`): two
/// or more words with no lower-case letter, which `text` never writes in
/// ordinary case (`Donald Trump` under `DONALD TRUMP` is his name).
fn a_heading(text: &str, raw: &str) -> bool {
    if !raw.contains(' ') || raw.chars().any(char::is_lowercase) {
        return false;
    }
    let ordinary: String = raw
        .split(' ')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or(String::new(), |first| {
                first.to_string() + &chars.as_str().to_lowercase()
            })
        })
        .collect::<Vec<_>>()
        .join(" ");
    !text.contains(&ordinary)
}

/// Whether the last two words of `name` are a listed body of two words
/// (`Chinese Air Force`, `the White House`).
fn ends_in_two_word_body(name: &str, bodies: &WordSet) -> bool {
    let mut spaces = name.rmatch_indices(' ');
    let from = match (spaces.next(), spaces.next()) {
        (None, _) => return false,
        (Some(_), None) => 0,
        (Some(_), Some((k, _))) => k + 1,
    };
    with_lower(&name[from..], |x| bodies.contains(x))
}

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
            // `Early says there is a possibility` after `Chris Early`: a word
            // the lists take for no name that the article writes as someone's
            // surname, right before a reporting verb, is that person.
            // The verb is asked first: the surname test reads the article's
            // surnames, and this runs for every word that is no name.
            let surname_speaking = || {
                toks.get(i + 1).is_some_and(|x| w.is_speech_verb(x))
                    && surname_in_this_article(w, toks, t)
            };
            if (w.is_name_word(t) || surname_speaking()) && !w.is_headline_verb(t) {
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
                    // before the name is the sentence's subject. `With a
                    // vote for Trump ruled out, Cross said`: nor is a name
                    // right after a preposition.
                    apposition
                        || lead.len() <= 4
                            && lead.iter().all(|x| {
                                x.is_word() && !w.is_speech_verb(x) && w.pronoun(x).is_none()
                            })
                            && !lead.last().is_some_and(|x| w.is(x, PREPOSITIONS))
                };
                let mut j = i + 1;
                while j < toks.len()
                    && (w.is_name_word(&toks[j]) || surname_in_this_article(w, toks, &toks[j]))
                    && !is_possessive(w, &toks[j - 1])
                    && !w.is_headline_verb(&toks[j])
                {
                    j += 1;
                }
                // `Dropped Out Ted Cruz`: the headline's verb is no name.
                let first = w.name_start(toks, i, j);
                let t = &toks[first];
                let raw = &w.text[t.span.start..toks[j - 1].span.end];
                let mut bare = false;
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
                        None => not_a_relative(w, index, surname, t.span.start),
                    }
                    // `So Obama brought it up himself. He called it ...` in
                    // an article that writes only `President Obama`: a
                    // surname the article gives a title is a person's
                    // without a full name.
                    .or_else(|| {
                        bare = surnamed(w, toks, surname);
                        bare.then_some(surname)
                    })
                };
                // `Sound Ferry Company`, `Court of Appeal`: bodies, not people.
                // So is a word the article writes in full as a body's name:
                // `Clarkston` where it also has `Clarkston Community
                // Center`, or "he" took the centre for a man.
                // `Chinese Air Force`: a body's name may end in a listed
                // body of two words.
                // `States typically ...` after `United States`: the word
                // expanded to the place it is the end of.
                let body = |name: &str| {
                    w.is_organisation(&toks[j - 1])
                        || with_lower(Words::bare(raw), |x| w.lexicon.places.contains(x))
                        || with_lower(name, |x| w.lexicon.places.contains(x))
                        || ends_in_a_body(w, name)
                        || ends_in_two_word_body(name, &w.lexicon.organisations)
                };
                // `Port Merrow's mayor`: the owner of a role is a place or a
                // body more often than a person, and not who "she" is.
                let owns_role =
                    || is_possessive(w, &toks[j - 1]) && toks.get(j).is_some_and(|x| w.is_title(x));
                // `a Los Angeles-area Sanders volunteer`: a name between an
                // indefinite article and a common noun describes the
                // noun's person, who is no one named.
                // So does one after "its" or "their": `its Stadia Pro
                // subscription`.
                let attributive = || {
                    i > 0
                        && w.is(&toks[i - 1], &["a", "an", "its", "their"])
                        && toks
                            .get(j)
                            .is_some_and(|x| x.is_word() && !w.is_capitalised(x))
                };
                if let Some(name) = name.filter(|n| {
                    !body(n)
                        && !owns_role()
                        && !attributive()
                        && !a_heading(w.text, raw)
                        && !only_demonyms(n)
                        && !common_words_only(n)
                        && !before_a_state(w, toks, (first, j))
                        && !inside_a_body_name(w, toks, first)
                        && after_the(w, toks, first, j).is_none()
                }) {
                    let id = people.id(name);
                    people.bare[id] |= bare;
                    if !name.contains(' ')
                        && let Some(g) = honorific_gender(&w.text[..t.span.start])
                    {
                        people.titled[id] = Some(g);
                    }
                    let opens = opens_sentence();
                    let opener = &toks[sentence_start];
                    let opened_by = (!opens && sentence_start < i)
                        .then(|| w.pronoun(opener))
                        .flatten()
                        .filter(|g| matches!(g, Gender::Masculine | Gender::Feminine))
                        .map(|g| (opener.span.start, g));
                    people.occurrences.push(Occurrence {
                        at: t.span.start,
                        person: id,
                        opens,
                        opened_by,
                        sentence: opener.span.start,
                        says: toks.get(j).is_some_and(|x| w.is_speech_verb(x)),
                        owns: is_possessive(w, &toks[j - 1]),
                    });
                    // `Marco Rubio of Florida`: the place after the name.
                    if toks.get(j).is_some_and(|x| w.is(x, &["of"]))
                        && let Some(place) = toks.get(j + 1).filter(|x| w.is_capitalised(x))
                        && let Some(lower) = w.lower(place)
                    {
                        people.qualify(id, lower);
                    }
                    // `Marco Rubio (R-Fla.)`: the state of a party tag.
                    if toks.get(j).is_some_and(|x| x.is_punct('('))
                        && let Some(state) = toks
                            .get(j + 1)
                            .and_then(|x| w.word(x))
                            .and_then(|tag| tag.split_once('-'))
                            .and_then(|(_, st)| crate::lexicon::us_state(st))
                    {
                        for word in state.split(' ') {
                            people.qualify(id, word.to_string());
                        }
                    }
                    // Capitalised words right before the role words: its place
                    // or body (`Florida Sen.`, `New Jersey Gov.`).
                    let mut role_seen = false;
                    let mut qualifying = true;
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
                        if w.with_lower(x, |v| {
                            CLAUSE_VERBS.contains(&v)
                                || (v.len() > 4 && v.ends_with("ed") && !w.is_title(x))
                        })
                        .unwrap_or(false)
                        {
                            break;
                        }
                        // `is_title` (remembered per token) holds for every
                        // listed title, so most words need no lower-casing.
                        if !w.is_title(x) {
                            if role_seen && qualifying && w.is_capitalised(x) {
                                if let Some(lower) = w.lower(x) {
                                    people.qualify(id, lower);
                                }
                            } else if role_seen {
                                qualifying = false;
                            }
                            continue;
                        }
                        role_seen = true;
                        // `Sen. Marco Rubio` is who `the senator` is: an
                        // honorific's dot comes off, and an abbreviated role
                        // is read in full.
                        if let Some(lower) = w
                            .lower(x)
                            .map(|mut l| {
                                l.truncate(l.trim_end_matches('.').len());
                                l
                            })
                            .filter(|l| w.lexicon.titles.contains(l))
                        {
                            let role = w.lexicon.full_title(&lower).to_string();
                            people.roles.push((id, role));
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

    /// Record that `word` (lower case) was written with person `id`'s
    /// role or name, once.
    fn qualify(&mut self, id: usize, word: String) {
        if !self
            .qualifiers
            .iter()
            .any(|(who, q)| *who == id && *q == word)
        {
            self.qualifiers.push((id, word));
        }
    }

    fn id(&mut self, name: &str) -> usize {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.names.len();
        self.ids.insert(name.to_string(), id);
        self.names.push(name.to_string());
        self.pronouns.push((0, 0));
        self.given.push(Self::given_name_gender(name));
        self.titled.push(None);
        self.bare.push(false);
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

    /// The person's gender: the one their given name nearly always carries
    /// when the list knows it, else the one the article's pronouns after
    /// their name show. The name decides first because the tally counts
    /// the next subject pronoun, which is often someone else's: in a story
    /// about Trump's speech, "Trump blamed Clinton ... He said" gives
    /// Hillary Clinton a "he", and she then took his quotes.
    pub fn gender(&self, name: &str) -> Option<Gender> {
        self.gender_of(*self.ids.get(name)?)
    }

    /// [`People::gender`] of person `id`.
    fn gender_of(&self, id: usize) -> Option<Gender> {
        if let Some(g) = self.given[id].or(self.titled[id]) {
            return Some(g);
        }
        // A bare surname's pronoun tally is no evidence: the next "she"
        // after `State Fair` is whoever the paragraph is about.
        if self.bare[id] {
            return None;
        }
        let (he, she) = self.pronouns[id];
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
        let found = self.resolve_within(pos, gender, PRONOUN_CHAIN);
        let paragraph = self.paragraph_of(pos);
        let before = self.occurrences.partition_point(|o| o.at < pos);
        let in_paragraph = || {
            self.occurrences[..before]
                .iter()
                .rev()
                .take_while(|o| self.paragraph_of(o.at) == paragraph)
                // A bound, as for the walk above: a paragraph of thousands
                // of names must not make each pronoun read them all.
                .take(4 * PRONOUN_REACH)
        };
        if found.is_some_and(|name| in_paragraph().any(|o| o.person == self.ids[name])) {
            return found;
        }
        // Names that never took a pronoun and never speak are passed over
        // above as likely places or bodies; but in the pronoun's own
        // paragraph a given name or courtesy title of its gender says a
        // person, nearer than anyone of an earlier paragraph, though the
        // "he" after the name went to someone else (`the director, James
        // B. Comey, recommended no charges against Mrs. Clinton, but he
        // called her actions "extremely careless"`).
        // Not a name inside a sentence a pronoun of this gender opens: the
        // sentence is the pronoun's person's (`He says Trump's call ...
        // "...," he told`). A person of unknown gender named nearer (not
        // an owner, not a bare surname) may be the one: then nobody new.
        for o in in_paragraph() {
            if o.opened_by.is_some_and(|(_, g)| g == gender) {
                continue;
            }
            let id = o.person;
            if self.given[id].or(self.titled[id]) == Some(gender) {
                return Some(self.names[id].as_str());
            }
            if self.gender_of(id).is_none() && !o.owns && !self.bare[id] {
                break;
            }
        }
        found
    }

    /// The person whose name ends right before `end` (nothing but
    /// capitalised words between the name's start and `end`), and where
    /// that name starts.
    pub fn named_right_before(&self, text: &str, end: usize) -> Option<(&str, usize)> {
        let before = self.occurrences.partition_point(|o| o.at < end);
        let o = &self.occurrences[before.checked_sub(1)?];
        let between = text.get(o.at..end)?;
        between
            .split_whitespace()
            .all(|word| word.starts_with(char::is_uppercase))
            .then(|| (self.names[o.person].as_str(), o.at))
    }

    /// Whether `name` is written between the bytes `from` and `to`.
    pub fn named_between(&self, name: &str, from: usize, to: usize) -> bool {
        let start = self.occurrences.partition_point(|o| o.at < from);
        self.occurrences[start..]
            .iter()
            .take_while(|o| o.at < to)
            .any(|o| self.names[o.person] == name)
    }

    /// [`People::resolve`], following at most `chain` pronouns that open
    /// the sentence a name is met in back to their own antecedent.
    fn resolve_within(&self, pos: usize, gender: Gender, chain: usize) -> Option<&str> {
        let before = self.occurrences.partition_point(|o| o.at < pos);
        let mut unknown: Option<(usize, usize, bool)> = None;
        let mut seen = 0;
        let paragraph = self.paragraph_of(pos);
        // The nearest person of the pronoun's gender named inside a
        // sentence of the pronoun's paragraph, while one the paragraph
        // opens a sentence with is looked for.
        let mut nearest: Option<usize> = None;
        for (o, occurrence) in self.occurrences[..before].iter().enumerate().rev() {
            let (at, id, subject) = (occurrence.at, occurrence.person, occurrence.opens);
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
            // `"...," Mr. Biden said. He added that ... because of Mr.
            // Trump's remarks. "...," he said.`: a name inside a sentence
            // that "he" opens is not who that sentence, or the next, is
            // about; the "he" is, and points further back.
            if let Some((opener, g)) = occurrence.opened_by
                && !subject
                && g == gender
                && nearest.is_none()
                && chain > 0
            {
                return self.resolve_within(opener, gender, chain - 1);
            }
            // A given name of the other gender rules a person out (a "he"
            // after "Mr. Obama ... Hillary Clinton" is not hers): it is the
            // gender [`People::gender_of`] gives first.
            let known = self.gender_of(id);
            if known.is_none() && self.bare[id] && !self.speaks[id] {
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
                    // `"...," said Stanley B. Greenberg.` then `"...," he
                    // said.`: a person of unknown gender named in a later
                    // paragraph than this match is nearer than it.
                    if let Some(u) = unknown.filter(|&(_, p, _)| p > self.paragraph_of(at)) {
                        return Some(self.names[u.0].as_str());
                    }
                    if subject && self.paragraph_of(at) == paragraph {
                        return Some(&self.names[id]);
                    }
                    // `Ryan said Obama has never respected the right. / He
                    // says Obama "knows full well"`: in a paragraph before,
                    // the subject of the sentence the match is named in,
                    // when of the pronoun's gender, is who it continues.
                    if !subject
                        && nearest.is_none()
                        && self.paragraph_of(at) != paragraph
                        && !occurrence.says
                    {
                        let subject_of_sentence = self.occurrences[..o]
                            .iter()
                            .rev()
                            .take_while(|other| other.sentence == occurrence.sentence)
                            .find(|other| {
                                other.opens
                                    && other.person != id
                                    && !other.owns
                                    && self.gender_of(other.person) == Some(gender)
                            });
                        if let Some(other) = subject_of_sentence {
                            return Some(&self.names[other.person]);
                        }
                    }
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
                // ... or when the nearer one of unknown gender is named
                // inside a sentence of the same paragraph (`Sanders, who
                // ..., went out of his way to praise Obama's record.`).
                (None, _)
                    if subject
                        && (unknown.is_none()
                            || nearest.is_some()
                            || unknown.is_some_and(|(_, p, s)| {
                                !s && p == paragraph && self.paragraph_of(at) == paragraph
                            })) =>
                {
                    return Some(&self.names[id]);
                }
                (None, _) => {
                    unknown.get_or_insert((id, self.paragraph_of(at), subject));
                }
                _ => {}
            }
        }
        nearest
            .or(unknown.map(|(id, ..)| id))
            .map(|id| self.names[id].as_str())
    }

    /// The paragraph the byte at `pos` is in (0 for the first).
    fn paragraph_of(&self, pos: usize) -> usize {
        self.paragraphs.partition_point(|&start| start <= pos)
    }
}

impl People {
    /// `the secretary`, `the former governor`: the latest person named
    /// before `pos` with that role word written beside the name, and no
    /// role word of another party than `party` (the line of
    /// `grammar/parties.txt` the mention's own words name, if any): `the GOP
    /// front-runner` is not `Democratic front-runner Clinton`. A place or
    /// body the mention names (`places`, lower case: `the Florida senator`)
    /// must have been written with the person's role or name (`Florida Sen.
    /// Marco Rubio`, `Marco Rubio of Florida`): the latest senator may be
    /// Iowa's.
    pub fn resolve_role(
        &self,
        pos: usize,
        role: &str,
        (party, places): (Option<usize>, &[String]),
        parties: &HashMap<String, usize>,
    ) -> Option<&str> {
        let before = self.occurrences.partition_point(|o| o.at < pos);
        let with_role = self
            .by_role
            .get_or_init(|| self.occurrences_by_role())
            .get(role)?;
        let n = with_role.partition_point(|&o| (o as usize) < before);
        let other_party = |id: usize| {
            party.is_some_and(|p| {
                self.roles
                    .iter()
                    .any(|(who, r)| *who == id && parties.get(r).is_some_and(|&q| q != p))
            })
        };
        let id = with_role[..n]
            .iter()
            .rev()
            .map(|&o| self.occurrences[o as usize].person)
            .find(|&id| {
                !other_party(id)
                    && places
                        .iter()
                        .all(|p| self.qualifiers.iter().any(|(who, q)| *who == id && q == p))
            })?;
        Some(self.names[id].as_str())
    }

    /// For each role word, the occurrences (indices into `occurrences`)
    /// of the people it was written with, in text order.
    fn occurrences_by_role(&self) -> HashMap<String, Vec<u32>> {
        // Each person's role words, each once.
        let mut roles_of: Vec<Vec<&str>> = vec![Vec::new(); self.names.len()];
        for (id, role) in &self.roles {
            if !roles_of[*id].contains(&role.as_str()) {
                roles_of[*id].push(role);
            }
        }
        let mut by_role: HashMap<String, Vec<u32>> = HashMap::default();
        for (o, &Occurrence { person: id, .. }) in self.occurrences.iter().enumerate() {
            for &role in &roles_of[id] {
                match by_role.get_mut(role) {
                    Some(list) => list.push(o as u32),
                    None => {
                        by_role.insert(role.to_string(), vec![o as u32]);
                    }
                }
            }
        }
        by_role
    }
}

/// Prepositions whose object a name right after them is: never the
/// subject of the sentence it stands in.
/// `Mexican`, `the Texan`, `Mexican American`, `South Korean`: a name made
/// only of words for where people are from (`grammar/demonyms.txt`),
/// after a compass word or not, names a people or a described person,
/// never one person.
pub fn only_demonyms(name: &str) -> bool {
    let demonyms = crate::lexicon::demonyms();
    let name = ["North ", "South ", "East ", "West "]
        .iter()
        .find_map(|compass| name.strip_prefix(compass))
        .unwrap_or(name);
    name.split([' ', '-'])
        .map(|w| w.trim_end_matches(['.', ',']))
        .all(|w| !w.is_empty() && with_lower(w, |w| demonyms.contains(w)))
}

/// `Take-Two Interactive`, `Sound Ferry Company`: a name whose last word
/// is a body's head word (grammar/organisations.txt, as written there:
/// `Corp.` with its dot).
pub fn ends_in_a_body(w: &Words, name: &str) -> bool {
    name.rsplit(' ')
        .next()
        .is_some_and(|last| with_lower(last, |x| w.lexicon.organisations.contains(x)))
}

/// `Big Machine`, `Regular FIRE`: a name of several words, each a common
/// word of news (`grammar/common_words.txt`), the first no given name the
/// lists know (`Will`, `Frank` and `Rich` are), is a label's, a product's or
/// a body's name: no person, and not who "she" is.
pub fn common_words_only(name: &str) -> bool {
    let mut words = name.split(' ').map(|w| w.trim_end_matches(['.', ',']));
    let Some(first) = words.next() else {
        return false;
    };
    let common =
        |w: &str| !w.is_empty() && with_lower(w, |l| crate::lexicon::common_words().contains(l));
    let given = with_lower(first, crate::lexicon::is_given_name);
    let mut rest = words.peekable();
    rest.peek().is_some() && !given && common(first) && rest.all(common)
}

/// `National Center for Scientific Research`, `Customs and Border
/// Protection`: capitalised words starting at `first` after a body's head
/// word (grammar/organisations.txt) and "for", "of", "and" or "&" go on the
/// body's name; they name no person. Not a person with a given name:
/// `Vicente Fox and Felipe Calderón`.
fn inside_a_body_name(w: &Words, toks: &[Token], first: usize) -> bool {
    first >= 2
        && (w.is(&toks[first - 1], &["for", "of", "and"]) || toks[first - 1].is_punct('&'))
        && w.is_capitalised(&toks[first - 2])
        && w.is_organisation(&toks[first - 2])
        && !w.is_given_name(&toks[first])
}

/// `in North Manchester, Indiana`, `Dayton, Ohio`: a name followed by a
/// comma and a US state's name or abbreviation (`Ore.`, `Ind.`) is a place.
/// Not a person's name with a given name described by a body of the state
/// (`Julie Graham, Washington State Department of Health`).
fn before_a_state(w: &Words, toks: &[Token], (first, j): (usize, usize)) -> bool {
    !w.is_given_name(&toks[first])
        && toks.get(j).is_some_and(|x| x.is_punct(','))
        && !toks.get(j + 2).is_some_and(|x| w.is_capitalised(x))
        && toks
            .get(j + 1)
            .filter(|x| w.is_capitalised(x))
            .and_then(|x| w.word(x))
            .is_some_and(|state| {
                // Abbreviations of two letters (`IN`, `OR`, `ME`) are words
                // too; only the AP forms and full names are taken.
                state.chars().filter(|c| *c != '.').count() > 2
                    && (crate::lexicon::us_state(state).is_some()
                        || with_lower(state, crate::lexicon::is_us_state_name))
            })
}

const PREPOSITIONS: &[&str] = &[
    "about", "after", "against", "at", "before", "by", "for", "from", "in", "like", "of", "on",
    "over", "than", "to", "toward", "towards", "under", "with", "without",
];

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
    use proptest::prelude::*;

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
    fn words_for_a_people_name_nobody() {
        for name in ["Mexican", "Mexican American", "South Korean", "Texans"] {
            assert!(only_demonyms(name), "{name}");
        }
        for name in ["South", "Kevin Vollmers", "West", "Korean Air"] {
            assert!(!only_demonyms(name), "{name}");
        }
    }

    #[test]
    fn surnames_expand_to_the_full_name_met_earlier() {
        let text = "Secretary of State John Kerry met Sergey Lavrov. Kerry said Lavrov agreed.";
        let idx = index(text);
        assert_eq!(idx.expand("Kerry", 55), Some("John Kerry"));
        assert_eq!(idx.expand("Lavrov", 60), Some("Sergey Lavrov"));
        assert_eq!(idx.expand("Smith", 60), None);
        // A name after "the" is a thing's, no one's full name.
        let text = "The Trump Train rolled on. Trump told Newsmax it was fine.";
        let at = text.find("Trump told").unwrap();
        assert_eq!(index(text).expand("Trump", at), None);
        // A headline's verb ends the name (grammar/headline_verbs.txt).
        let text = "Salma Hayek Described Her Fight. Hayek said so.";
        let at = text.find("Hayek said").unwrap();
        assert_eq!(index(text).expand("Hayek", at), Some("Salma Hayek"));
    }

    /// The index's lookups as scans over every name in text order, as
    /// they were before the sorted tables: the answers must not differ.
    /// Written apart from the code on purpose (the nearest-first merge of
    /// `with_surname` included): a step shared with it could not catch
    /// its own mistake.
    mod scan {
        use super::*;

        fn names(idx: &NameIndex) -> impl Iterator<Item = (usize, usize, &str, &str)> {
            (0..idx.full.len()).map(|k| {
                let (p, _, e, last) = idx.full[k];
                (
                    k,
                    p,
                    idx.name(k),
                    surname_of(&idx.buf[..e as usize], last as usize),
                )
            })
        }

        pub fn expand<'a>(idx: &'a NameIndex, word: &str, pos: usize) -> Option<&'a str> {
            let (mut last_before, mut last_first) = (None, None);
            let (mut any_before, mut any_first) = (None, None);
            for (k, p, name, _) in names(idx) {
                for w in name.split_whitespace() {
                    if !same_word(w, word) {
                        continue;
                    }
                    if idx.last_word(k).eq_ignore_ascii_case(word) {
                        last_first.get_or_insert(k);
                        if p <= pos {
                            last_before = Some(k);
                        }
                    }
                    any_first.get_or_insert(k);
                    if p <= pos {
                        any_before = Some(k);
                    }
                }
            }
            let k = last_before.or(last_first).or(any_before).or(any_first)?;
            Some(idx.name(k))
        }

        pub fn with_surname<'a>(idx: &'a NameIndex, word: &str, pos: usize) -> Vec<&'a str> {
            let (mut before, mut after): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
            for (_, p, name, surname) in names(idx) {
                for w in name.split_whitespace() {
                    if !same_word(w, word) || !surname.eq_ignore_ascii_case(word) {
                        continue;
                    }
                    let side = if p <= pos { &mut before } else { &mut after };
                    side.retain(|n| !n.eq_ignore_ascii_case(name));
                    side.push(name);
                }
            }
            before.reverse();
            for name in after {
                if !before.iter().any(|n| n.eq_ignore_ascii_case(name)) {
                    before.push(name);
                }
            }
            before
        }

        pub fn first_at(idx: &NameIndex, name: &str) -> Option<usize> {
            names(idx).find(|x| x.2 == name).map(|x| x.1)
        }

        pub fn last_before(idx: &NameIndex, name: &str, pos: usize) -> Option<usize> {
            names(idx)
                .filter(|x| x.1 <= pos && x.2 == name)
                .last()
                .map(|x| x.1)
        }
    }

    /// Words an article of names is made of: given names and surnames
    /// that share words and differ in case, suffixes, honorifics,
    /// possessives, a non-ASCII name, and words that are no names.
    const NAME_WORDS: &[&str] = &[
        "Dana", "Glen", "GLEN", "Whitlow", "WHITLOW", "whitlow", "Castell", "Reyes", "Reyes,",
        "Jr.", "III", "Mr.", "Mrs.", "Ann", "Émile", "ÉMILE", "Zoë", "Kerry's", "Van", "de",
        "Clinton", "Hillary", "Bill", "Bozell", "Brent",
    ];
    const OTHER_WORDS: &[&str] = &["said", "the", "and", "spoke", "on", "Monday"];

    fn article() -> impl Strategy<Value = String> {
        let word = prop_oneof![
            3 => proptest::sample::select(NAME_WORDS),
            1 => proptest::sample::select(OTHER_WORDS),
            1 => Just("."),
            1 => Just("\n\n"),
        ];
        proptest::collection::vec(word, 0..120).prop_map(|ws| {
            let mut text = String::new();
            for w in ws {
                if w == "." {
                    text.push('.');
                } else {
                    if !text.is_empty() && !text.ends_with('\n') {
                        text.push(' ');
                    }
                    text.push_str(w);
                }
            }
            text
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn lookups_answer_as_scans_over_every_name(text in article(), at in 0usize..2000) {
            let idx = index(&text);
            let pos = at.min(text.len());
            let mut asked: Vec<&str> = NAME_WORDS.to_vec();
            asked.extend(["glen", "émile", "Émile,", "Kerry", "reyes", "", "Nobody"]);
            for word in asked {
                let expanded = scan::expand(&idx, word, pos);
                prop_assert_eq!(idx.expand_by_table(word, pos), expanded, "expand {}", word);
                prop_assert_eq!(idx.expand_by_run(word, pos), expanded, "expand {}", word);
                prop_assert_eq!(
                    idx.with_surname_by_run(word, pos),
                    scan::with_surname(&idx, word, pos),
                    "with_surname {}", word
                );
                prop_assert_eq!(
                    idx.with_surname_by_table(word, pos),
                    scan::with_surname(&idx, word, pos),
                    "with_surname {}", word
                );
            }
            for k in 0..idx.full.len() {
                let name = idx.name(k);
                for name in [name, &name.to_uppercase(), &name.to_lowercase()] {
                    prop_assert_eq!(idx.first_at_by_table(name), scan::first_at(&idx, name));
                    prop_assert_eq!(idx.first_at_by_scan(name), scan::first_at(&idx, name));
                    prop_assert_eq!(idx.last_before_by_table(name, pos), scan::last_before(&idx, name, pos));
                }
            }
        }
    }

    fn titled_article() -> impl Strategy<Value = String> {
        const WORDS: &[&str] = &[
            "CNN",
            "President",
            "President",
            "Jeff",
            "Zucker",
            "Lena",
            "Ortiz",
            "Tidewater",
            "Radio",
            "the",
            "said",
            "Président",
            "Éva",
            "Ruiz",
            ":",
        ];
        proptest::collection::vec(proptest::sample::select(WORDS), 0..60)
            .prop_map(|ws| ws.join(" ").replace(" : ", ": \n"))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn a_name_after_a_phrase_is_found_as_a_search_finds_it(text in titled_article()) {
            let idx = index(&text);
            for phrase in [
                "CNN President",
                "Tidewater Radio President",
                "Radio Président",
                "President President",
                "President",
                "the President",
            ] {
                for from in 0..=text.len() + 1 {
                    prop_assert_eq!(
                        idx.after_words(&text, phrase, from),
                        idx.after_words_searched(&text, phrase, from),
                        "{} from {}", phrase, from
                    );
                }
            }
        }
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

    /// `resolve_role` as the scan it was: the latest person named before
    /// `pos` with the role written beside any of their names.
    fn resolve_role_by_scan<'a>(people: &'a People, pos: usize, role: &str) -> Option<&'a str> {
        let before = people.occurrences.partition_point(|o| o.at < pos);
        people.occurrences[..before]
            .iter()
            .rev()
            .map(|o| o.person)
            .find(|&id| {
                people
                    .roles
                    .iter()
                    .any(|(r_id, r)| *r_id == id && r == role)
            })
            .map(|id| people.names[id].as_str())
    }

    #[test]
    fn a_role_points_back_at_the_latest_person_written_with_it() {
        let text = "Secretary of State John Kerry met Governor Ann Lee. Sergey Lavrov \
                    spoke. Kerry said so, and Lee left. The former governor, Tim Ortiz, \
                    came. Governor Lee stayed.";
        let people = people_of(text);
        let parties = &Lexicon::builtin().parties;
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(
            people.resolve_role(at("Sergey"), "secretary", (None, &[]), parties),
            Some("John Kerry")
        );
        assert_eq!(
            people.resolve_role(at("Sergey"), "governor", (None, &[]), parties),
            Some("Ann Lee")
        );
        assert_eq!(
            people.resolve_role(at("came"), "governor", (None, &[]), parties),
            Some("Tim Ortiz")
        );
        assert_eq!(
            people.resolve_role(text.len(), "governor", (None, &[]), parties),
            Some("Ann Lee")
        );
        assert_eq!(
            people.resolve_role(at("met"), "governor", (None, &[]), parties),
            None
        );
        assert_eq!(
            people.resolve_role(text.len(), "mayor", (None, &[]), parties),
            None
        );
        for pos in 0..=text.len() {
            for role in ["secretary", "governor", "former", "state", "mayor"] {
                assert_eq!(
                    people.resolve_role(pos, role, (None, &[]), parties),
                    resolve_role_by_scan(&people, pos, role),
                    "{role} at {pos}"
                );
            }
        }
        // A role with one party's word never takes another party's person.
        let text = "Republican front-runner Ben Ortiz spoke. Democratic front-runner Ann Lee \
                    replied. Later the GOP front-runner said no.";
        let people = people_of(text);
        let gop = parties.get("gop").copied();
        let at = text.find("Later").unwrap();
        assert_eq!(
            people.resolve_role(at, "front-runner", (gop, &[]), parties),
            Some("Ben Ortiz")
        );
        assert_eq!(
            people.resolve_role(at, "front-runner", (None, &[]), parties),
            Some("Ann Lee")
        );
        let democratic = parties.get("democratic").copied();
        let first = text.find("Democratic").unwrap();
        assert_eq!(
            people.resolve_role(first, "front-runner", (democratic, &[]), parties),
            None
        );
    }

    #[test]
    fn an_abbreviated_role_and_the_place_written_with_it_find_the_person() {
        let parties = &Lexicon::builtin().parties;
        let florida = ["florida".to_string()];
        // `Sen.` is the senator; a place must have been written with him.
        let text =
            "Sen. Dana Ruiz (R-Fla.) spoke. Sen. Joan Hale (R-Iowa) replied. Later it ended.";
        let people = people_of(text);
        let end = text.find("Later").unwrap();
        assert_eq!(
            people.resolve_role(end, "senator", (None, &[]), parties),
            Some("Joan Hale")
        );
        assert_eq!(
            people.resolve_role(end, "senator", (None, &florida), parties),
            Some("Dana Ruiz")
        );
        let text = "Gov. Tom Ortiz of Florida spoke. Sen. Joan Hale replied. Later it ended.";
        let people = people_of(text);
        let end = text.find("Later").unwrap();
        assert_eq!(
            people.resolve_role(end, "governor", (None, &florida), parties),
            Some("Tom Ortiz")
        );
        assert_eq!(
            people.resolve_role(end, "senator", (None, &florida), parties),
            None
        );
        let text = "Florida Sen. Dana Ruiz spoke. Sen. Joan Hale replied. Later it ended.";
        let people = people_of(text);
        let end = text.find("Later").unwrap();
        assert_eq!(
            people.resolve_role(end, "senator", (None, &florida), parties),
            Some("Dana Ruiz")
        );
    }

    #[test]
    fn a_place_a_label_or_a_product_is_not_who_a_pronoun_means() {
        let people = |text: &str| people_of(text).names;
        // A place before its state.
        let text = "Ann Starner lives in a retirement home in North Manchester, Indiana. \
                    She spoke with pride.";
        assert_eq!(people(text), ["Ann Starner"]);
        // Not a person the state's body describes: by her given name ...
        let text = "Julie Graham, Washington, objected. She said no.";
        assert_eq!(people(text), ["Julie Graham"]);
        // ... or by the capitalised words after the state.
        let text = "Xiomara Acosta, Ohio State dean, objected. She said no.";
        assert_eq!(people(text), ["Xiomara Acosta"]);
        // A label's name of common words.
        let text = "Taylor Swift sang. The group that owns her music, Big Machine, says she \
                    may play.";
        assert_eq!(people(text), ["Taylor Swift"]);
        // The rest of a body's name after its head word and a joining word;
        // not a person named after a body ("Fox" is a network's name).
        let text = "Philippe Jay of the National Center for Scientific Research spoke. \
                    Customs and Border Protection agreed. He said so.";
        assert_eq!(people(text), ["Philippe Jay"]);
        let text = "Former presidents Vicente Fox and Felipe Calderón fired back.";
        assert!(people(text).contains(&"Felipe Calderón".to_string()));
        // A product after "its", before the noun it describes.
        let text = "Jack Buser spoke. The company sells its Stadia Pro subscription for \
                    $9.99, he said.";
        assert_eq!(people(text), ["Jack Buser"]);
    }

    #[test]
    fn a_common_word_written_as_a_surname_before_a_reporting_verb_is_that_person() {
        let text = "Columnist George Will spoke first. Later, Tom Brady left.\n\n\
                    Will said the party erred, and he meant it.";
        let people = people_of(text);
        let he = text.find("he meant").unwrap();
        assert_eq!(people.resolve(he, Gender::Masculine), Some("George Will"));
        // Not before another word: `Will the party ...` is no one.
        let text = "Columnist George Will spoke first. Later, Tom Brady left.\n\n\
                    Will the party err? He thinks so.";
        let people = people_of(text);
        let he = text.find("He thinks").unwrap();
        assert_eq!(people.resolve(he, Gender::Masculine), Some("Tom Brady"));
    }

    #[test]
    fn a_place_a_label_or_the_rest_of_a_bodys_name_is_no_full_name() {
        // `Research` opening a sentence expands to no `Scientific Research`.
        let text = "Philippe Jay of the National Center for Scientific Research spoke. \
                    Research focusing on cells helps. North Manchester, Indiana, voted. \
                    Big Machine agreed.";
        let idx = index(text);
        for word in ["Research", "Manchester", "Machine"] {
            assert_eq!(idx.expand(word, text.len()), None, "{word}");
        }
        assert_eq!(idx.expand("Jay", text.len()), Some("Philippe Jay"));
    }

    #[test]
    fn a_name_of_common_words_without_a_given_name_is_no_person() {
        assert!(common_words_only("Big Machine"));
        assert!(common_words_only("Regular FIRE"));
        assert!(!common_words_only("Will Little"), "a given name first");
        assert!(!common_words_only("Donald Trump"));
        assert!(
            !common_words_only("Machine"),
            "one word: the one-word rules decide"
        );
    }

    #[test]
    fn a_word_expanded_to_a_place_is_nobody() {
        // `States` opening a sentence expands to `United States`, a place.
        let text = "Melba Acosta said the bank was subsidized by United States taxpayers.\n\n\
                    States typically decentralize. It does all of it, she said.";
        let people = people_of(text);
        let she = text.find("she said").unwrap();
        assert_eq!(people.resolve(she, Gender::Feminine), Some("Melba Acosta"));
    }

    #[test]
    fn a_silent_person_of_the_pronouns_gender_in_its_paragraph_beats_an_earlier_paragraph() {
        // Comey never took a pronoun nor spoke (the "he" after his name is
        // tallied to Mrs. Clinton's), yet his given name says a man, in the
        // pronoun's paragraph: nearer than Trump of the paragraph before.
        let text = "Donald Trump said the race was close.\n\nLast week, the director, \
                    James Comey, recommended no charges against Mrs. Clinton, but he \
                    called her actions careless.";
        let people = people_of(text);
        let he = text.find("he called").unwrap();
        assert_eq!(people.resolve(he, Gender::Masculine), Some("James Comey"));
        // Not inside a sentence the pronoun's own kind opens: that
        // sentence is about whoever "He" is.
        let text = "Khizr Khan spoke of his son.\n\nHe says James Comey was fair, and he \
                    meant it.";
        let people = people_of(text);
        let he = text.find("he meant").unwrap();
        assert_eq!(people.resolve(he, Gender::Masculine), Some("Khizr Khan"));
        // Nor past a nearer person of unknown gender, who may be the one.
        let text = "Anchor Voiced Fear About Future Prejudice.\n\nAfter a host was fired \
                    over remarks that mocked Michelle Obama's looks, the network's anchor \
                    Ilia Calderón answered with a letter on raising her daughter. The \
                    Afro-Colombian journalist was worried. \"I am angry,\" she wrote.";
        let people = people_of(text);
        let she = text.find("she wrote").unwrap();
        assert_ne!(
            people.resolve(she, Gender::Feminine),
            Some("Michelle Obama")
        );
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
    fn a_name_after_the_or_made_of_a_peoples_words_is_no_antecedent() {
        // `the Common Core`, `The Platte River employee`: a body or a
        // place, or a modifier of someone unnamed, not who "he" is.
        let text = "Carlos Lopez spoke on Monday. He would end the Common Core. \
                    He said so.\n\nThe Platte River employee told agents he deleted it.";
        let people = people_of(text);
        let he = text.find("He said").unwrap();
        assert_eq!(people.resolve(he, Gender::Masculine), Some("Carlos Lopez"));
        let he = text.find("he deleted").unwrap();
        assert_ne!(people.resolve(he, Gender::Masculine), Some("Platte River"));
        // `a South Korean passport`: a people's words.
        let text = "Monte Haines spoke. He got a South Korean passport, and he said so.";
        let people = people_of(text);
        let he = text.find("he said").unwrap();
        assert_eq!(people.resolve(he, Gender::Masculine), Some("Monte Haines"));
        // A surname the article gives a person stays a person after "the".
        let text = "Donald Trump spoke. It was the Trump we all knew, and he said so.";
        let people = people_of(text);
        let he = text.find("he said").unwrap();
        assert_eq!(people.resolve(he, Gender::Masculine), Some("Donald Trump"));
    }

    #[test]
    fn a_name_after_a_preposition_does_not_open_its_sentence() {
        // `for Trump` is no subject the "he" continues; the one named
        // after the comma, nearer, is.
        let text = "Richard Hale wrote an op-ed. Donald Trump was not named.\n\n\
                    With a vote for Trump ruled out, Hale said he is left with two options.";
        let people = people_of(text);
        let he = text.find("he is").unwrap();
        assert_eq!(people.resolve(he, Gender::Masculine), Some("Richard Hale"));
        // A name after a short lead that is no preposition still opens it.
        let text = "Richard Hale wrote an op-ed.\n\nOn Tuesday Tom Brill said the wall was coming, and he said so.";
        let people = people_of(text);
        let he = text.find("he said").unwrap();
        assert_eq!(people.resolve(he, Gender::Masculine), Some("Tom Brill"));
    }

    #[test]
    fn a_participle_opening_the_sentence_is_no_part_of_the_name() {
        // "Painting Trump as a threat" had made "Painting Trump" a person,
        // the one candidate for the "he"; nobody is better.
        let text = "Painting Trump as a threat, the ads ran in Ohio.\n\nHe said so.";
        let people = people_of(text);
        let he = text.find("He said").unwrap();
        assert_eq!(people.resolve(he, Gender::Masculine), None);
        // A given name in -ing opens a name there.
        let text = "Sterling Brown spoke first. He said so.";
        let people = people_of(text);
        let he = text.find("He said").unwrap();
        assert_eq!(
            people.resolve(he, Gender::Masculine),
            Some("Sterling Brown")
        );
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
    fn a_name_ending_in_a_listed_body_of_two_words_is_no_antecedent() {
        // "Air Force" is listed as a body; "Chinese Air Force" is one too,
        // and the "he" is the admiral's.
        let text = "Adm. Harry B. Harris spoke on Monday. \
                    Planes of the Chinese Air Force flew past. He said it was not true.";
        let people = people_of(text);
        let he = text.find("He said").unwrap();
        assert_eq!(
            people.resolve(he, Gender::Masculine),
            Some("Harry B. Harris")
        );
        let bodies: WordSet = ["air force", "white house"]
            .map(String::from)
            .into_iter()
            .collect();
        assert!(ends_in_two_word_body("Chinese Air Force", &bodies));
        assert!(ends_in_two_word_body("White House", &bodies));
        assert!(!ends_in_two_word_body("Force", &bodies));
        assert!(!ends_in_two_word_body("Harry Force", &bodies));
    }

    #[test]
    fn a_heading_in_capitals_is_no_antecedent() {
        let text = "Adm. Harry B. Harris spoke on Monday.\n\nFULL TEXT.\n\nHe has called China provocative, he said.";
        let people = people_of(text);
        let he = text.find("he said").unwrap();
        assert_eq!(
            people.resolve(he, Gender::Masculine),
            Some("Harry B. Harris")
        );
        assert!(a_heading(text, "FULL TEXT"));
        // A name in capitals the article also writes in ordinary case is
        // that name; one word in capitals is an acronym's business.
        assert!(!a_heading(
            "DONALD TRUMP SPEAKS. Donald Trump spoke.",
            "DONALD TRUMP"
        ));
        assert!(!a_heading(text, "NATO"));
        assert!(!a_heading(text, "Harry Harris"));
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

    #[test]
    fn a_given_name_outranks_the_pronouns_that_follow_a_name() {
        // Every "he" after "Hillary Clinton" here is Trump's, so the tally
        // of pronouns says she is a man; her given name says otherwise, and
        // the last "he" is Trump's.
        let text = "Donald Trump blamed Hillary Clinton for the war. He spoke for an hour.\n\n\
                    Trump cast Hillary Clinton as a puppet. He was loud.\n\n\
                    Trump attacked Hillary Clinton, and he said so.";
        let people = people_of(text);
        assert_eq!(people.gender("Hillary Clinton"), Some(Gender::Feminine));
        let he = text.rfind("he said").unwrap();
        assert_eq!(people.resolve(he, Gender::Masculine), Some("Donald Trump"));
    }

    #[test]
    fn a_sentence_subject_of_the_pronouns_gender_outranks_a_nearer_object() {
        // "Greg Raiff ... said ... for a man of Mr. Trump's wealth": Trump
        // is nearer but named inside the sentence Raiff opens.
        let text = "Greg Raiff, a consultant, said the jet was odd for a man of Donald Trump's wealth, and he said so.";
        let people = people_of(text);
        let he = text.find("he said").unwrap();
        assert_eq!(people.resolve(he, Gender::Masculine), Some("Greg Raiff"));
    }

    #[test]
    fn a_speaker_of_unknown_gender_in_a_later_paragraph_outranks_an_earlier_match() {
        // "Larry" says Cohen is a man, and nothing says what Greenberg is;
        // Greenberg spoke in the paragraph just before the "he".
        let text = "Larry Cohen, an adviser, said the vote was lost.\n\n\
                    Others agree, said Stanley B. Greenberg, a pollster.\n\n\
                    Mrs. Clinton is close to Obama, he said.";
        let mut people = people_of(text);
        people.mark_speaker("Stanley B. Greenberg", None);
        let he = text.rfind("he said").unwrap();
        assert_eq!(
            people.resolve(he, Gender::Masculine),
            Some("Stanley B. Greenberg")
        );
    }

    #[test]
    fn a_surname_the_article_gives_a_title_is_a_person_once_it_speaks() {
        // Only `President Obama` is ever written, never a given name.
        let text = "President Obama met the press.\n\n\
                    Nobody asked about the rhetoric, so Obama brought it up himself, and he said so.";
        let mut people = people_of(text);
        people.mark_speaker("Obama", None);
        let he = text.rfind("he said").unwrap();
        assert_eq!(people.resolve(he, Gender::Masculine), Some("Obama"));
        // `State Fair` is written after a title word too, but never speaks
        // and no courtesy title gives it a gender: it is no antecedent.
        let text = "She spoke at the State Fair.\n\nAt the Fair, she said so.";
        let people = people_of(text);
        let she = text.rfind("she said").unwrap();
        assert_eq!(people.resolve(she, Gender::Feminine), None);
    }

    #[test]
    fn a_bare_surname_is_not_the_relative_the_article_introduces() {
        let text = "Marcel Lehel Lazar was sentenced on Thursday.\n\n\
                    His wife, Gabriela Violeta Lazar, wrote to the court.\n\n\
                    A graduate, Lazar had no training, and he said so.";
        let mut people = people_of(text);
        people.mark_speaker("Marcel Lehel Lazar", Some(Gender::Masculine));
        let he = text.rfind("he said").unwrap();
        assert_eq!(
            people.resolve(he, Gender::Masculine),
            Some("Marcel Lehel Lazar")
        );
    }

    #[test]
    fn a_name_inside_a_sentence_a_pronoun_opens_defers_to_that_pronoun() {
        let text = "Joe Biden spoke in Scranton.\n\n\
                    He added that the danger grew because of Donald Trump's remarks.\n\n\
                    Asked again, he said so.";
        let mut people = people_of(text);
        people.mark_speaker("Joe Biden", Some(Gender::Masculine));
        people.mark_speaker("Donald Trump", Some(Gender::Masculine));
        let he = text.rfind("he said").unwrap();
        assert_eq!(people.resolve(he, Gender::Masculine), Some("Joe Biden"));
    }

    #[test]
    fn a_sentence_subject_in_a_paragraph_before_outranks_a_name_inside_its_sentence() {
        // Obama is named inside Ryan's sentence; the next paragraph's "He"
        // continues Ryan.
        let text = "Paul Ryan said Barack Obama has never respected the law.\n\n\
                    He says the rule is wrong, and he said so.";
        let mut people = people_of(text);
        people.mark_speaker("Paul Ryan", Some(Gender::Masculine));
        people.mark_speaker("Barack Obama", Some(Gender::Masculine));
        let he = text.rfind("he said").unwrap();
        assert_eq!(people.resolve(he, Gender::Masculine), Some("Paul Ryan"));
        // Not an owner (`Trump's grasp ...`), and not over the sentence's
        // own speaker (`..., Mark Cuban said.`).
        let text = "Donald Trump is worrying, Mark Cuban said.\n\n\
                    Asked again, he said so.";
        let mut people = people_of(text);
        people.mark_speaker("Mark Cuban", Some(Gender::Masculine));
        people.mark_speaker("Donald Trump", Some(Gender::Masculine));
        let he = text.rfind("he said").unwrap();
        assert_eq!(people.resolve(he, Gender::Masculine), Some("Mark Cuban"));
        let text = "Donald Trump's grasp of policy is worrying, said Mark Cuban.\n\n\
                    Asked again, he said so.";
        let mut people = people_of(text);
        people.mark_speaker("Mark Cuban", Some(Gender::Masculine));
        people.mark_speaker("Donald Trump", Some(Gender::Masculine));
        let he = text.rfind("he said").unwrap();
        assert_eq!(people.resolve(he, Gender::Masculine), Some("Mark Cuban"));
    }
}
