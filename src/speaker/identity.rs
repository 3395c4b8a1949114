//! Speaker identity across articles: which resolved names are one person.
//!
//! The extractor resolves mentions inside an article ("Kerry", "he" → "John
//! Kerry"). Across articles the same person is still written many ways:
//! "John F. Kerry", "Sergei"/"Sergey Lavrov", "Muammar Gaddafi"/"Moammar
//! Gadhafi", "José"/"Jose". This module decides which of those names are one
//! speaker, from the names alone:
//!
//! - names are transliterated to ASCII with `deunicode` and compared token by
//!   token (given name, middle names, surname), so accents and scripts fold;
//! - spelling variants of a given name or surname match when they are one or
//!   two edits apart (`strsim`) *and* sound alike (Double Metaphone from
//!   `rphonetic`), which keeps "Mark"/"Mary" and "Johnson"/"Johnston" apart;
//! - two people who share a surname stay apart when their given names differ
//!   ("Hillary Clinton" and "Bill Clinton"), and a cluster never takes in a
//!   name that conflicts with one already in it;
//! - a surname-only name ("Kerry", left so by the extractor when the article
//!   never gave the full name) joins the one person of that surname, and
//!   stays on its own when there are two ("Clinton");
//! - the user's corrections ([`Corrections`]) pin names to a canonical name
//!   and win over all of the above.
//!
//! Anonymous sources never come here: they are never merged.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;

use anyhow::{Result, bail};
use rphonetic::DoubleMetaphone;

/// Tokens dropped from the end of a name: they distinguish generations, not
/// spellings, and are written inconsistently ("Jr.", "Jr", "junior").
const SUFFIXES: &[&str] = &["jr", "sr", "junior", "senior", "ii", "iii", "iv"];

/// Name particles that some outlets write and others drop ("Bashar
/// al-Assad" / "Bashar Assad"); they are not middle names.
const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "abu", "de", "da", "di", "del", "dos", "das", "du", "van", "von",
    "der", "den", "la", "le", "ben",
];

/// A name reduced to what identity compares: ASCII lower-case tokens without
/// punctuation or generational suffixes.
pub fn name_key(name: &str) -> String {
    tokens(name).join(" ")
}

fn tokens(name: &str) -> Vec<String> {
    let ascii = deunicode::deunicode(name).to_lowercase();
    let cleaned: String = ascii
        .chars()
        .filter(|c| *c != '\'' && *c != '`')
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    let mut toks: Vec<String> = cleaned.split_whitespace().map(str::to_string).collect();
    while toks.len() > 1 && toks.last().is_some_and(|t| SUFFIXES.contains(&t.as_str())) {
        toks.pop();
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
    pub surname: String,
}

impl PersonName {
    /// `None` when the name has no letters at all.
    pub fn parse(name: &str) -> Option<PersonName> {
        let toks = tokens(name);
        let (surname, rest) = toks.split_last()?;
        let (given, middles) = match rest.split_first() {
            Some((g, m)) => (Some(g.clone()), m),
            None => (None, &[][..]),
        };
        let middle = middles
            .iter()
            .filter(|t| !PARTICLES.contains(&t.as_str()))
            .filter_map(|t| t.chars().next())
            .collect();
        Some(PersonName {
            given,
            middle,
            surname: surname.clone(),
        })
    }
}

/// How two names relate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Relation {
    /// Very likely one person; higher is surer.
    Same(f64),
    /// Same family name but told apart by the text: different given names or
    /// middle initials. Never merged by the machine.
    Different,
    /// Nothing to say (different surnames, or a surname on its own).
    Unrelated,
}

/// Compares names; holds the phonetic encoder so it is built once.
#[derive(Default)]
pub struct Matcher {
    metaphone: DoubleMetaphone,
}

impl Matcher {
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
        if shorter < 4 {
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

    /// How two person names relate.
    pub fn relate(&self, a: &PersonName, b: &PersonName) -> Relation {
        let surname = self.spelling_variant(&a.surname, &b.surname);
        if surname == 0.0 {
            return Relation::Unrelated;
        }
        let (Some(ga), Some(gb)) = (&a.given, &b.given) else {
            return Relation::Unrelated;
        };
        let given = if ga.len() == 1 || gb.len() == 1 {
            // An initial matches the given names it starts.
            if ga.chars().next() == gb.chars().next() {
                0.8
            } else {
                0.0
            }
        } else {
            self.spelling_variant(ga, gb)
        };
        if given == 0.0 {
            return Relation::Different;
        }
        if !a.middle.is_empty() && !b.middle.is_empty() && a.middle != b.middle {
            // "George W. Bush" and "George H. W. Bush".
            return Relation::Different;
        }
        Relation::Same(surname * given)
    }
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

/// One speaker: the names that are them and the name to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cluster {
    pub canonical: String,
    /// Every name found that belongs here, as written.
    pub members: Vec<String>,
    pub wikidata: Option<String>,
    /// The canonical name comes from the user's corrections.
    pub by_user: bool,
}

/// Union-find over name groups, each root carrying its user pin.
struct Groups {
    parent: Vec<usize>,
    pin: Vec<Option<String>>,
    /// Members of each root (empty for non-roots).
    members: Vec<Vec<usize>>,
    /// Whether the user placed this node: the machine's doubts about it
    /// do not count.
    placed: Vec<bool>,
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

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return;
        }
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
    cluster(names, corrections, true)
}

/// Group organisations' names: only the same name (case, accents, a leading
/// "the" aside) or the user's corrections make one speaker.
pub fn cluster_organisations(names: &[NameCount], corrections: &Corrections) -> Vec<Cluster> {
    cluster(names, corrections, false)
}

fn org_key(name: &str) -> String {
    let key = name_key(name);
    key.strip_prefix("the ").map(str::to_string).unwrap_or(key)
}

fn cluster(names: &[NameCount], corrections: &Corrections, people: bool) -> Vec<Cluster> {
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
    let real: std::collections::HashSet<&str> = names.iter().map(|n| n.name.as_str()).collect();
    let mut by_key: BTreeMap<String, Vec<&NameCount>> = BTreeMap::new();
    for n in names.iter().chain(
        virtual_names
            .iter()
            .filter(|n| !real.contains(n.name.as_str())),
    ) {
        let key = if people {
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
    };
    groups.placed = groups.pin.iter().map(Option::is_some).collect();
    // The user's pins first: names pinned to one canonical are one speaker.
    let mut first_with_pin: HashMap<String, usize> = HashMap::new();
    for i in 0..keys.len() {
        if let Some(pin) = groups.pin[i].clone() {
            match first_with_pin.get(&pin) {
                Some(&j) => groups.union(j, i),
                None => {
                    first_with_pin.insert(pin, i);
                }
            }
        }
    }
    if people {
        let articles: Vec<usize> = keys
            .iter()
            .map(|k| by_key[k].iter().map(|n| n.articles).sum())
            .collect();
        merge_people(&keys, &parsed, &articles, &mut groups);
    }
    // Collect clusters.
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..keys.len() {
        let root = groups.find(i);
        members.entry(root).or_default().push(i);
    }
    let mut out = Vec::new();
    for (root, nodes) in members {
        let mut spellings: Vec<&NameCount> = nodes
            .iter()
            .flat_map(|&i| by_key[&keys[i]].iter().copied())
            .filter(|n| real.contains(n.name.as_str()))
            .collect();
        if spellings.is_empty() {
            continue;
        }
        spellings.sort_by(|a, b| a.name.cmp(&b.name));
        spellings.dedup_by(|a, b| a.name == b.name);
        let pinned = groups.pin[root]
            .as_ref()
            .and_then(|p| canonicals.get(p))
            .cloned();
        let (canonical, wikidata, by_user) = match pinned {
            Some((name, wd)) => (name, wd, true),
            None => (best_display(&spellings), None, false),
        };
        out.push(Cluster {
            canonical,
            members: spellings.iter().map(|n| n.name.clone()).collect(),
            wikidata,
            by_user,
        });
    }
    out.sort_by(|a, b| a.canonical.cmp(&b.canonical));
    out
}

/// The name to show for a cluster: a full name over a surname, then the
/// most quoted, then the longest (it says most), then alphabetical.
fn best_display(spellings: &[&NameCount]) -> String {
    spellings
        .iter()
        .max_by(|a, b| {
            let full = |n: &NameCount| tokens(&n.name).len() > 1;
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
    keys: &[String],
    parsed: &[Option<PersonName>],
    articles: &[usize],
    groups: &mut Groups,
) {
    let matcher = Matcher::default();
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
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for members in blocks.values() {
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                let (i, j) = (i.min(j), i.max(j));
                if i == j || !seen.insert((i, j)) {
                    continue;
                }
                if let (Some(a), Some(b)) = (&parsed[i], &parsed[j])
                    && let Relation::Same(score) = matcher.relate(a, b)
                {
                    pairs.push((score, i, j));
                }
            }
        }
    }
    // Surest first, so a chain of near misses cannot pull in what a
    // clear match would have kept out; ties in key order.
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, i, j) in pairs {
        if can_join(i, j, parsed, groups, &matcher) {
            groups.union(i, j);
        }
    }
    // Surnames on their own join the one full name they fit.
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
    for (i, p) in parsed.iter().enumerate() {
        let Some(p) = p else { continue };
        if p.given.is_some() || keys[i].contains(' ') {
            continue;
        }
        let Some(candidates) = full_by_surname.get(p.surname.as_str()) else {
            continue;
        };
        let mut roots: Vec<usize> = candidates.iter().map(|&c| groups.find(c)).collect();
        roots.sort_unstable();
        roots.dedup();
        let seen: usize = candidates.iter().map(|&c| articles[c]).sum();
        if let [only] = roots[..]
            && seen >= SURNAME_JOIN_ARTICLES
            && groups.pins_agree(i, only)
        {
            groups.union(i, only);
        }
    }
}

/// Whether the clusters of `i` and `j` may become one: the user's pins agree
/// and no name in one is told apart from a name in the other.
fn can_join(
    i: usize,
    j: usize,
    parsed: &[Option<PersonName>],
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
            if let (Some(pa), Some(pb)) = (&parsed[a], &parsed[b])
                && matcher.relate(pa, pb) == Relation::Different
            {
                return false;
            }
        }
    }
    true
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
        let mut out: Vec<Vec<String>> = cluster_people(&names(list), corrections)
            .into_iter()
            .map(|c| c.members)
            .collect();
        out.sort();
        out
    }

    fn same(a: &str, b: &str) -> bool {
        groups_of(&[a, b], &Corrections::default()).len() == 1
    }

    #[test]
    fn keys_fold_accents_scripts_and_suffixes() {
        assert_eq!(name_key("José Gómez"), "jose gomez");
        assert_eq!(name_key("Martin Luther King, Jr."), "martin luther king");
        assert_eq!(name_key("Beto O'Rourke"), "beto orourke");
        assert_eq!(name_key("Сергей Лавров"), "sergei lavrov");
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
        assert!(!same("George W. Bush", "George H. W. Bush"));
        assert!(!same("Mark Smith", "Mary Smith"));
        assert!(!same("Boris Johnson", "Boris Johnston"));
        assert!(!same("Peter Cook", "Peter Cooke-Smith"));
    }

    #[test]
    fn a_surname_alone_joins_only_an_unambiguous_person() {
        let g = groups_of(
            &["John Kerry", "Kerry", "Peter Cook"],
            &Corrections::default(),
        );
        assert_eq!(g, vec![vec!["John Kerry", "Kerry"], vec!["Peter Cook"]]);
        let g = groups_of(
            &["Hillary Clinton", "Bill Clinton", "Clinton"],
            &Corrections::default(),
        );
        assert_eq!(g.len(), 3, "{g:?}");
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
