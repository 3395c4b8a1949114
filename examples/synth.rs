//! Synthetic news for scale tests: many outlets telling the same stories,
//! each article about ten quotes in the patterns the extractor handles, with
//! statements repeated across outlets in full, partial, elided, altered,
//! British-spelt and misattributed form.
//!
//!     cargo run --release --example synth -- --articles 100000 --out /tmp/synth
//!
//! 100,000 articles give about a million quotes. The output is the same for
//! the same `--seed`. Every name, outlet and remark is invented.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Articles per story: each story is told by this many outlets.
const COVERAGE: u64 = 8;
/// Statements every article of a story shares.
const SHARED: u64 = 6;
/// Remarks of its own in each article.
const OWN: u64 = 4;

const OUTLET_A: &[&str] = &[
    "Harbor",
    "Valley",
    "Northern",
    "Capital",
    "Coastal",
    "Prairie",
    "Metro",
    "Lakeside",
    "Summit",
    "Riverside",
    "Pacific",
    "Atlantic",
    "Granite",
    "Cedar",
    "Union",
];
const OUTLET_B: &[&str] = &[
    "Herald",
    "Tribune",
    "Courier",
    "Daily News",
    "Radio",
    "Post",
    "Chronicle",
    "Observer",
];

const FIRST_F: &[&str] = &[
    "Alicia", "Maria", "Helen", "Joan", "Priya", "Grace", "Nadia", "Laura", "Fiona", "Sofia",
    "Elena", "Ruth", "Amara", "Claire", "Ingrid", "Mei", "Dana", "Teresa", "Yasmin", "Olga",
];
const FIRST_M: &[&str] = &[
    "Colin", "Tomas", "Marcus", "Ray", "Luis", "Samuel", "Peter", "Omar", "Henrik", "David",
    "Kwame", "Ivan", "Rafael", "Victor", "George", "Arjun", "Felix", "Hugo", "Martin", "Jonas",
];
const LAST: &[&str] = &[
    "Brandt",
    "Reyes",
    "Achterberg",
    "Denholm",
    "Castellanos",
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Takahashi",
    "Novak",
    "Haddad",
    "Ferreira",
    "Kowalski",
    "Mbeki",
    "Sorensen",
    "Petrov",
    "Quinlan",
    "Varga",
    "Whitcombe",
    "Yilmaz",
    "Abernathy",
    "Bellamy",
    "Carrow",
    "Dunmore",
    "Esposito",
    "Fairbanks",
    "Galloway",
    "Hollis",
    "Ingram",
    "Jarvis",
    "Kessler",
    "Lockhart",
    "Marlowe",
    "Nakamura",
    "Osei",
    "Pemberton",
    "Rinaldi",
    "Strand",
    "Thorne",
    "Ulrich",
];
const TITLES: &[&str] = &[
    "Mayor",
    "Senator",
    "Governor",
    "Minister",
    "Director",
    "Commissioner",
    "Secretary",
    "Councillor",
    "Ambassador",
    "Judge",
    "Commander",
    "Treasurer",
];

const NOUNS: &[&str] = &[
    "budget",
    "bridge",
    "harbor",
    "ferry",
    "pipeline",
    "hospital",
    "school",
    "tariff",
    "treaty",
    "reservoir",
    "railway",
    "airport",
    "clinic",
    "library",
    "levee",
    "grid",
    "subway",
    "mine",
    "forest",
    "fishery",
    "border",
    "pension",
    "housing",
    "tunnel",
    "highway",
    "stadium",
    "port",
    "refinery",
    "vaccine",
    "curriculum",
    "ceasefire",
    "election",
    "inquiry",
    "merger",
    "strike",
    "drought",
    "wildfire",
    "flood",
    "contract",
    "audit",
    "lawsuit",
    "permit",
    "quota",
    "subsidy",
    "loan",
    "reactor",
    "dam",
    "canal",
    "market",
    "factory",
    "warehouse",
    "shelter",
    "courthouse",
    "program",
    "center",
    "defense",
    "neighborhood",
    "labor",
    "favor",
    "behavior",
    "theater",
];
const ADJECTIVES: &[&str] = &[
    "fragile",
    "urgent",
    "costly",
    "reckless",
    "sensible",
    "overdue",
    "fair",
    "honest",
    "bold",
    "careful",
    "temporary",
    "permanent",
    "local",
    "federal",
    "regional",
    "independent",
    "public",
    "private",
    "serious",
    "modest",
    "generous",
    "narrow",
    "broad",
    "difficult",
    "simple",
    "safe",
    "unsafe",
    "secret",
    "transparent",
    "realistic",
];
const VERBS: &[&str] = &[
    "rebuild",
    "delay",
    "review",
    "fund",
    "protect",
    "cancel",
    "expand",
    "inspect",
    "reopen",
    "defend",
    "question",
    "support",
    "oppose",
    "finish",
    "replace",
    "repair",
    "audit",
    "approve",
    "reject",
    "organize",
    "prioritize",
    "criticize",
    "recognize",
    "modernize",
    "stabilize",
];
const PEOPLE: &[&str] = &[
    "families",
    "workers",
    "farmers",
    "taxpayers",
    "residents",
    "teachers",
    "nurses",
    "patients",
    "students",
    "drivers",
    "fishermen",
    "veterans",
    "retirees",
    "tenants",
    "voters",
    "children",
];
const PLACES: &[&str] = &[
    "the lower town",
    "the east side",
    "the river valley",
    "the old quarter",
    "the northern districts",
    "the coast",
    "the islands",
    "the border towns",
    "the capital",
    "the suburbs",
    "the harbor front",
];
const TIMES: &[&str] = &[
    "this winter",
    "by the spring",
    "before the election",
    "within a year",
    "next month",
    "this week",
    "for a decade",
    "until the audit is done",
    "before the storms",
    "by the summer",
];
const DAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
/// American spellings the generator uses and the British ones some outlets print.
const UK: &[(&str, &str)] = &[
    ("harbor", "harbour"),
    ("program", "programme"),
    ("center", "centre"),
    ("defense", "defence"),
    ("neighborhood", "neighbourhood"),
    ("labor", "labour"),
    ("favor", "favour"),
    ("behavior", "behaviour"),
    ("theater", "theatre"),
    ("organize", "organise"),
    ("prioritize", "prioritise"),
    ("criticize", "criticise"),
    ("recognize", "recognise"),
    ("modernize", "modernise"),
    ("stabilize", "stabilise"),
];

/// A small, fast, seedable generator (SplitMix64): the output must not
/// depend on a crate's version.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9e37_79b9_7f4a_7c15)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

#[derive(Clone)]
struct Person {
    title: &'static str,
    first: &'static str,
    last: &'static str,
    pronoun: &'static str,
}

impl Person {
    fn random(rng: &mut Rng) -> Person {
        let female = rng.chance(50);
        Person {
            title: rng.pick(TITLES),
            first: if female {
                rng.pick(FIRST_F)
            } else {
                rng.pick(FIRST_M)
            },
            last: rng.pick(LAST),
            pronoun: if female { "she" } else { "he" },
        }
    }
    fn full(&self) -> String {
        format!("{} {} {}", self.title, self.first, self.last)
    }
}

/// One remark: two or three clauses of mostly distinct content words, so
/// different remarks share no more than stock phrases.
fn remark(rng: &mut Rng) -> String {
    let clauses = 2 + rng.below(2);
    let mut parts = Vec::new();
    for _ in 0..clauses {
        let clause = match rng.below(6) {
            0 => format!(
                "we will {} the {} {} for {} in {} {}",
                rng.pick(VERBS),
                rng.pick(ADJECTIVES),
                rng.pick(NOUNS),
                rng.pick(PEOPLE),
                rng.pick(PLACES),
                rng.pick(TIMES)
            ),
            1 => format!(
                "nobody should {} a {} {} while {} are still waiting",
                rng.pick(VERBS),
                rng.pick(ADJECTIVES),
                rng.pick(NOUNS),
                rng.pick(PEOPLE)
            ),
            2 => format!(
                "the {} was never {} and the {} knew it {}",
                rng.pick(NOUNS),
                rng.pick(ADJECTIVES),
                rng.pick(PEOPLE),
                rng.pick(TIMES)
            ),
            3 => format!(
                "I have asked the {} office to {} every {} {} in {}",
                rng.pick(NOUNS),
                rng.pick(VERBS),
                rng.pick(ADJECTIVES),
                rng.pick(NOUNS),
                rng.pick(PLACES)
            ),
            4 => format!(
                "{} {} {} deserve a {} {} and a {} answer",
                rng.below(90) + 10,
                rng.pick(ADJECTIVES),
                rng.pick(PEOPLE),
                rng.pick(ADJECTIVES),
                rng.pick(NOUNS),
                rng.pick(ADJECTIVES)
            ),
            _ => format!(
                "if the {} fails, {} in {} will pay for the {} {}",
                rng.pick(NOUNS),
                rng.pick(PEOPLE),
                rng.pick(PLACES),
                rng.pick(ADJECTIVES),
                rng.pick(NOUNS)
            ),
        };
        parts.push(clause);
    }
    let mut text = parts.join(", and ");
    if let Some(first) = text.get(0..1) {
        text = first.to_uppercase() + &text[1..];
    }
    text
}

struct Story {
    topic: &'static str,
    place: &'static str,
    people: Vec<Person>,
    /// Remark and who said it (index into `people`).
    shared: Vec<(String, usize)>,
    day: u64,
}

fn story(seed: u64, index: u64) -> Story {
    let mut rng = Rng::new(seed.wrapping_mul(31).wrapping_add(index));
    let people: Vec<Person> = (0..3).map(|_| Person::random(&mut rng)).collect();
    let shared = (0..SHARED)
        .map(|_| (remark(&mut rng), rng.below(people.len())))
        .collect();
    Story {
        topic: rng.pick(NOUNS),
        place: rng.pick(PLACES),
        people,
        shared,
        day: index / 3,
    }
}

fn words(text: &str) -> Vec<&str> {
    text.split(' ').collect()
}

fn uk(text: &str) -> String {
    text.split(' ')
        .map(|w| UK.iter().find(|(us, _)| *us == w).map_or(w, |(_, gb)| *gb))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A paragraph quoting `text` in full, by `who`.
fn full_paragraph(rng: &mut Rng, who: &Person, text: &str, day: &str) -> String {
    match rng.below(4) {
        0 => format!("\"{text},\" {} said on {day}.", who.full()),
        1 => format!("{} told reporters: \"{text}.\"", who.full()),
        2 => format!(
            "\"{text},\" said {} {}, the {}.",
            who.first,
            who.last,
            who.title.to_lowercase()
        ),
        _ => format!(
            "{} spoke after the meeting. \"{text},\" {} said.",
            who.full(),
            who.pronoun
        ),
    }
}

fn article(seed: u64, n: u64, out: &mut impl Write) -> std::io::Result<u64> {
    let index = n / COVERAGE;
    let s = story(seed, index);
    let mut rng = Rng::new(seed ^ n.wrapping_mul(0x2545_f491_4f6c_dd1d));
    let outlet_no = (index * 7 + (n % COVERAGE) * 3) % (OUTLET_A.len() * OUTLET_B.len()) as u64;
    let outlet = format!(
        "{} {}",
        OUTLET_A[outlet_no as usize % OUTLET_A.len()],
        OUTLET_B[outlet_no as usize / OUTLET_A.len()]
    );
    let british = outlet_no.is_multiple_of(5);
    let date = s.day + (n % COVERAGE) / 3;
    let (year, month, dom) = (2015 + date / 336, (date / 28) % 12, date % 28 + 1);
    let weekday = DAYS[(date % 7) as usize];
    writeln!(out, "---")?;
    writeln!(out, "outlet: {outlet}")?;
    writeln!(out, "date: {dom} {} {year}", MONTHS[month as usize])?;
    writeln!(
        out,
        "title: Row over the {} in {} deepens",
        s.topic, s.place
    )?;
    writeln!(out, "url: https://example.org/{n}")?;
    writeln!(out, "---")?;
    writeln!(
        out,
        "Officials in {} clashed on {weekday} over the future of the {}, as the dispute entered its {} week.\n",
        s.place,
        s.topic,
        ["first", "second", "third"][rng.below(3)]
    )?;
    let mut quotes = 0;
    // Shared statements, each in one of the forms outlets use.
    for (text, speaker) in &s.shared {
        let text = if british { uk(text) } else { text.clone() };
        let mut who = s.people[*speaker].clone();
        let w = words(&text);
        let para = match rng.below(100) {
            0..=49 => full_paragraph(&mut rng, &who, &text, weekday),
            50..=62 if w.len() > 12 => {
                let start = 1 + rng.below(w.len() / 2);
                let len = 6 + rng.below(4);
                let frag = w[start..(start + len).min(w.len())].join(" ");
                format!(
                    "{} said on {weekday} that the city would \"{frag}\" if nothing changed.",
                    who.full()
                )
            }
            63..=74 if w.len() > 12 => {
                let cut = 4 + rng.below(w.len() / 3);
                let len = 3 + rng.below(4);
                let elided = format!(
                    "{} ... {}",
                    w[..cut].join(" "),
                    w[(cut + len).min(w.len())..].join(" ")
                );
                full_paragraph(&mut rng, &who, &elided, weekday)
            }
            75..=89 => {
                let mut w: Vec<String> = w.iter().map(|s| s.to_string()).collect();
                let at = 2 + rng.below(w.len().saturating_sub(3).max(1));
                if at < w.len() {
                    w[at] = rng.pick(ADJECTIVES).to_string();
                }
                if rng.chance(50) && w.len() > 8 {
                    w.remove(w.len() - 2);
                }
                full_paragraph(&mut rng, &who, &w.join(" "), weekday)
            }
            90..=94 => {
                who = s.people[(*speaker + 1) % s.people.len()].clone();
                full_paragraph(&mut rng, &who, &text, weekday)
            }
            _ => full_paragraph(&mut rng, &who, &text, weekday),
        };
        writeln!(out, "{para}\n")?;
        quotes += 1;
    }
    // Remarks only this article has.
    for _ in 0..OWN {
        let who = if rng.chance(50) {
            s.people[rng.below(s.people.len())].clone()
        } else {
            Person::random(&mut rng)
        };
        let text = remark(&mut rng);
        writeln!(out, "{}\n", full_paragraph(&mut rng, &who, &text, weekday))?;
        quotes += 1;
    }
    writeln!(
        out,
        "The {} has been under review since {}. A final decision is expected {}.",
        s.topic,
        MONTHS[rng.below(12)],
        rng.pick(TIMES)
    )?;
    Ok(quotes)
}

fn main() -> ExitCode {
    let mut articles: Option<u64> = None;
    let mut out_dir: Option<PathBuf> = None;
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        match (arg.as_str(), value) {
            ("--articles", Some(v)) => articles = v.parse().ok(),
            ("--out", Some(v)) => out_dir = Some(PathBuf::from(v)),
            ("--seed", Some(v)) => seed = v.parse().unwrap_or(1),
            _ => {
                eprintln!("usage: synth --articles N --out DIR [--seed S]");
                return ExitCode::from(2);
            }
        }
    }
    let (Some(articles), Some(out_dir)) = (articles, out_dir) else {
        eprintln!(
            "usage: synth --articles N --out DIR [--seed S]\n(--articles must be a whole number)"
        );
        return ExitCode::from(2);
    };
    let mut quotes = 0;
    for n in 0..articles {
        // A thousand files to a folder keeps directory listings quick.
        let dir = out_dir.join(format!("{:04}", n / 1000));
        let path = dir.join(format!("{n:07}.txt"));
        let result = fs::create_dir_all(&dir).and_then(|()| {
            let mut file = BufWriter::new(fs::File::create(&path)?);
            let q = article(seed, n, &mut file)?;
            file.flush()?;
            Ok(q)
        });
        match result {
            Ok(q) => quotes += q,
            Err(err) => {
                eprintln!("synth: cannot write {}: {err}", path.display());
                return ExitCode::FAILURE;
            }
        }
    }
    eprintln!(
        "synth: wrote {articles} articles with {quotes} quotes to {}",
        out_dir.display()
    );
    ExitCode::SUCCESS
}
