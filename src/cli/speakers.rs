//! `quotetrack speakers`: who is quoted, and the user's corrections to who
//! is who.

use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::{Result, bail};
use clap::{Args, Subcommand, ValueEnum};

use quotetrack::identity::{Correction, Corrections, is_wikidata_id, name_key};
use quotetrack::store::{SpeakerDetail, Store};

use super::extract::shorten;
use super::open_existing;
use super::safe::line;

#[derive(Args, Debug)]
#[command(after_help = "Examples:
  quotetrack speakers list
  quotetrack speakers show kerry
  quotetrack speakers merge \"Sergei Lavrov\" \"Sergey Lavrov\"
  quotetrack speakers split \"George Bush\"
  quotetrack speakers alias add \"John Kerry\" \"Secretary Kerry\" --wikidata Q22316

quotetrack decides which names are one person across articles: spellings and
transliterations (Sergei/Sergey), middle initials, accents and diminutives
(Joe/Joseph, from grammar/given_names.txt) merge; people who share a surname stay
apart when their first names, middle initials or generations (Jr., Sr., III, as
the articles tell them apart) differ; a surname alone joins the one person it can
be, in the corpus or in its own article; headlines taken for names and anonymous
sources are never merged. `speakers show` says why each name was joined. Your corrections win: merge, split and alias add write them to a
plain CSV file beside the database, <db>.speakers.csv (alias,canonical,
wikidata_id; later lines win), which you may edit yourself. It applies at every
ingest, including ingest --replace, and at every speakers command.")]
pub struct SpeakersArgs {
    #[command(subcommand)]
    pub command: Option<SpeakersCommand>,
}

#[derive(Subcommand, Debug)]
pub enum SpeakersCommand {
    /// List speakers with their quote and outlet counts, most quoted first
    /// (the default).
    List(ListArgs),
    /// Show one speaker: the names and roles seen, outlets and dates.
    Show {
        /// The speaker's name, an alias, part of a name, or the id.
        name: String,
    },
    /// Make A and B one speaker, named as B.
    Merge {
        /// The speaker to fold in.
        a: String,
        /// The speaker to keep.
        b: String,
    },
    /// Take NAME out of the speaker it was merged into; if NAME is the
    /// speaker's own name, make each name it was found under its own speaker.
    Split {
        /// A name the extractor found, or a speaker.
        name: String,
    },
    /// Manage the other names a speaker goes by.
    Alias {
        #[command(subcommand)]
        command: AliasCommand,
    },
}

#[derive(Subcommand, Debug)]
pub enum AliasCommand {
    /// Record ALIAS as another name of NAME (`--speaker ALIAS` then finds
    /// them, and quotes under ALIAS are theirs).
    Add {
        /// The speaker.
        name: String,
        /// The other name.
        alias: String,
        /// The speaker's Wikidata item id, e.g. Q22316.
        #[arg(long, value_name = "QID")]
        wikidata: Option<String>,
    },
}

#[derive(Args, Debug, Default)]
pub struct ListArgs {
    /// Which kind of speaker to list.
    #[arg(long, value_enum, default_value_t = KindArg::Named)]
    pub kind: KindArg,
    /// Print at most this many speakers.
    #[arg(long, short = 'n', value_name = "N")]
    pub limit: Option<usize>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
}

#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// People and organisations.
    #[default]
    Named,
    Person,
    Organisation,
    /// Unnamed sources, one per article.
    Anonymous,
    All,
}

#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    #[default]
    Table,
    Jsonl,
    Csv,
}

pub fn run(args: SpeakersArgs, db: &Path) -> Result<i32> {
    let mut store = open_existing(db)?;
    // The file may have been edited by hand since the last run.
    store.assign_speakers()?;
    match args
        .command
        .unwrap_or(SpeakersCommand::List(ListArgs::default()))
    {
        SpeakersCommand::List(list) => run_list(&store, &list),
        SpeakersCommand::Show { name } => {
            let id = find_one(&store, &name)?;
            match store.speaker_detail(id)? {
                Some(detail) => print_detail(&detail)?,
                None => bail!("speaker {id} has gone; run `quotetrack speakers list`"),
            }
            Ok(0)
        }
        SpeakersCommand::Merge { a, b } => merge(&mut store, &a, &b, &mut io::stdout()),
        SpeakersCommand::Split { name } => split(&mut store, &name, &mut io::stdout()),
        SpeakersCommand::Alias {
            command:
                AliasCommand::Add {
                    name,
                    alias,
                    wikidata,
                },
        } => alias_add(&mut store, &name, &alias, wikidata, &mut io::stdout()),
    }
}

fn run_list(store: &Store, args: &ListArgs) -> Result<i32> {
    let kinds: &[&str] = match args.kind {
        KindArg::Named => &["person", "organisation"],
        KindArg::Person => &["person"],
        KindArg::Organisation => &["organisation"],
        KindArg::Anonymous => &["anonymous"],
        KindArg::All => &["person", "organisation", "anonymous"],
    };
    let mut rows = store.speaker_list(kinds)?;
    if let Some(n) = args.limit {
        rows.truncate(n);
    }
    if rows.is_empty() {
        eprintln!("quotetrack: no speakers of that kind are stored.");
        return Ok(0);
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match args.format {
        ListFormat::Table => {
            writeln!(
                out,
                "{:>5}  {:<28}  {:<12}  {:>6}  {:>6}  {:>7}  {:<10}  {:<10}  ALSO KNOWN AS",
                "ID", "SPEAKER", "KIND", "QUOTES", "CLAIMS", "OUTLETS", "FIRST", "LAST"
            )?;
            for r in &rows {
                writeln!(
                    out,
                    "{:>5}  {:<28}  {:<12}  {:>6}  {:>6}  {:>7}  {:<10}  {:<10}  {}",
                    r.id,
                    shorten(&r.name, 28),
                    r.kind,
                    r.quotes,
                    r.claims,
                    r.outlets,
                    r.first_quoted.as_deref().unwrap_or("-"),
                    r.last_quoted.as_deref().unwrap_or("-"),
                    shorten(&r.aliases.join("; "), 60)
                )?;
            }
        }
        ListFormat::Jsonl => {
            for r in &rows {
                serde_json::to_writer(&mut out, r)?;
                out.write_all(b"\n")?;
            }
        }
        ListFormat::Csv => {
            let mut csv = csv::Writer::from_writer(&mut out);
            csv.write_record([
                "id",
                "speaker",
                "kind",
                "wikidata_id",
                "quotes",
                "claims",
                "outlets",
                "articles",
                "first_quoted",
                "last_quoted",
                "aliases",
            ])?;
            for r in &rows {
                csv.write_record([
                    r.id.to_string(),
                    r.name.clone(),
                    r.kind.clone(),
                    r.wikidata_id.clone().unwrap_or_default(),
                    r.quotes.to_string(),
                    r.claims.to_string(),
                    r.outlets.to_string(),
                    r.articles.to_string(),
                    r.first_quoted.clone().unwrap_or_default(),
                    r.last_quoted.clone().unwrap_or_default(),
                    r.aliases.join("; "),
                ])?;
            }
            csv.flush()?;
        }
    }
    out.flush()?;
    Ok(0)
}

fn print_detail(d: &SpeakerDetail) -> Result<()> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let s = &d.speaker;
    writeln!(out, "{} ({}, speaker {})", line(&s.name), s.kind, s.id)?;
    if let Some(q) = &s.wikidata_id {
        writeln!(out, "  Wikidata:   {q}")?;
    }
    writeln!(
        out,
        "  Quoted:     {} quote{} in {} article{} from {} outlet{}, {} to {}",
        s.quotes,
        plural(s.quotes),
        s.articles,
        plural(s.articles),
        s.outlets,
        plural(s.outlets),
        s.first_quoted.as_deref().unwrap_or("undated"),
        s.last_quoted.as_deref().unwrap_or("undated")
    )?;
    if s.claims > 0 {
        writeln!(
            out,
            "  Reported:   {} claim{} in reported speech (quotetrack quotes --kind indirect --speaker {:?})",
            s.claims,
            plural(s.claims),
            s.name
        )?;
    }
    let list = |items: &[(String, i64)]| {
        items
            .iter()
            .map(|(n, c)| format!("{} ({c})", line(n)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(out, "  Found as:   {}", list(&d.names))?;
    if !d.joins.is_empty() {
        writeln!(out, "  Why one speaker:")?;
        for j in &d.joins {
            match &j.other {
                Some(other) => writeln!(
                    out,
                    "    {} ~ {}: {}",
                    line(&j.name),
                    line(other),
                    line(&j.why)
                )?,
                None => writeln!(out, "    {}: {}", line(&j.name), line(&j.why))?,
            }
        }
    }
    if !d.user_aliases.is_empty() {
        writeln!(out, "  Your aliases: {}", line(&d.user_aliases.join(", ")))?;
    }
    if !d.roles.is_empty() {
        writeln!(out, "  Roles seen: {}", list(&d.roles))?;
    }
    writeln!(out, "  Outlets:")?;
    for o in &d.outlets {
        writeln!(
            out,
            "    {:<28} {:>4} quote{}  {} .. {}",
            line(o.outlet.as_deref().unwrap_or("(no outlet)")),
            o.quotes,
            plural(o.quotes),
            o.first.as_deref().unwrap_or("-"),
            o.last.as_deref().unwrap_or("-")
        )?;
    }
    writeln!(
        out,
        "Their quotes: quotetrack quotes --speaker {:?}",
        s.name
    )?;
    out.flush()?;
    Ok(())
}

/// A correction from `serve --allow-edits`'s speaker page, applied as the
/// commands above apply it (same checks, same corrections file). Returns
/// what was done, for the page.
pub fn apply_edit(db: &Path, edit: &quotetrack::serve::Edit) -> Result<String> {
    use quotetrack::serve::Edit;
    let mut store = open_existing(db)?;
    store.assign_speakers()?;
    let mut said = Vec::new();
    match edit {
        Edit::Merge { speaker, into } => {
            merge(&mut store, &format!("#{speaker}"), into, &mut said)?;
        }
        Edit::Split { speaker, name } => {
            if !store.speaker_found_names(*speaker)?.contains(name) {
                bail!("{name:?} is not a name this speaker was found under");
            }
            split(&mut store, name, &mut said)?;
        }
        Edit::Alias { speaker, alias } => {
            alias_add(&mut store, &format!("#{speaker}"), alias, None, &mut said)?;
        }
    }
    let mut done = String::from_utf8_lossy(&said).trim().to_string();
    if let Some(path) = store.corrections_path() {
        done.push_str(&format!(" Saved in {}.", path.display()));
    }
    Ok(done)
}

fn plural(n: i64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The one speaker `name` means: an exact name, alias or id first, then a
/// unique part of a name. Errors list the candidates.
fn find_one(store: &Store, name: &str) -> Result<i64> {
    if name.trim().is_empty() {
        bail!("give a speaker's name (see `quotetrack speakers list`)");
    }
    let exact = store.speakers_called(name)?;
    if let [id] = exact[..] {
        return Ok(id);
    }
    if exact.is_empty()
        && let Ok(id) = name.trim().trim_start_matches('#').parse::<i64>()
        && store.speaker_name(id)?.is_some()
    {
        return Ok(id);
    }
    let candidates = if exact.is_empty() {
        let named: Vec<i64> = store.speakers_named(name)?;
        let people: Vec<i64> = store
            .speaker_list(&["person", "organisation"])?
            .into_iter()
            .map(|s| s.id)
            .filter(|id| named.contains(id))
            .collect();
        if let [id] = people[..] {
            return Ok(id);
        }
        people
    } else {
        exact
    };
    if candidates.is_empty() {
        bail!("no speaker is called {name:?}; `quotetrack speakers list` shows who is stored");
    }
    let mut names = Vec::new();
    for id in candidates.iter().take(8) {
        names.push(format!(
            "{} (id {id})",
            store.speaker_name(*id)?.unwrap_or_default()
        ));
    }
    bail!(
        "{name:?} could be {} speakers: {}{}; give the full name or the id",
        candidates.len(),
        names.join(", "),
        if candidates.len() > 8 { ", ..." } else { "" }
    )
}

fn row(alias: &str, canonical: &str, wikidata: Option<String>) -> Correction {
    Correction {
        alias: alias.to_string(),
        canonical: canonical.to_string(),
        wikidata,
    }
}

/// Pin `canonical` to itself unless the corrections already do.
fn pin_self(corrections: &mut Corrections, canonical: &str) {
    if corrections
        .canonical_for(canonical)
        .is_none_or(|c| name_key(&c) != name_key(canonical))
    {
        corrections.rows.push(row(canonical, canonical, None));
    }
}

fn save(store: &mut Store, corrections: &Corrections) -> Result<()> {
    store.set_corrections(corrections)?;
    if let Some(path) = store.corrections_path() {
        eprintln!("Saved in {} (edit it to undo).", path.display());
    }
    Ok(())
}

fn merge(store: &mut Store, a: &str, b: &str, out: &mut dyn Write) -> Result<i32> {
    let (ida, idb) = (find_one(store, a)?, find_one(store, b)?);
    let name_b = store.speaker_name(idb)?.unwrap_or_else(|| b.to_string());
    if ida == idb {
        eprintln!("{a:?} and {b:?} are already one speaker, {name_b}.");
        return Ok(0);
    }
    let name_a = store.speaker_name(ida)?.unwrap_or_else(|| a.to_string());
    let mut corrections = store.corrections()?;
    let old = corrections.clone();
    pin_self(&mut corrections, &name_b);
    let mut moving = store.speaker_found_names(ida)?;
    moving.push(name_a.clone());
    // The user's own aliases for A follow it.
    for c in &old.rows {
        if old
            .canonical_for(&c.alias)
            .is_some_and(|to| name_key(&to) == name_key(&name_a))
        {
            moving.push(c.alias.clone());
        }
    }
    moving.sort();
    moving.dedup();
    for name in moving {
        corrections.rows.push(row(&name, &name_b, None));
    }
    save(store, &corrections)?;
    let id = find_one(store, &name_b)?;
    let quotes = store.speaker_detail(id)?.map_or(0, |d| d.speaker.quotes);
    writeln!(
        out,
        "Merged {name_a} into {name_b}: {quotes} quote{} now.",
        plural(quotes)
    )?;
    Ok(0)
}

fn split(store: &mut Store, name: &str, out: &mut dyn Write) -> Result<i32> {
    let id = find_one(store, name)?;
    let canonical = store.speaker_name(id)?.unwrap_or_default();
    let found = store.speaker_found_names(id)?;
    let mut corrections = store.corrections()?;
    let key = name_key(name);
    let apart: Vec<String> = match found.iter().find(|n| name_key(n) == key) {
        Some(n) if name_key(n) != name_key(&canonical) => vec![n.clone()],
        _ => found.clone(),
    };
    if found.len() < 2 && apart.len() < 2 {
        bail!(
            "{canonical} was found under one name only ({}); there is nothing to split. To rename, use `quotetrack speakers alias add`",
            found.first().map_or(canonical.as_str(), String::as_str)
        );
    }
    for n in &apart {
        corrections.rows.push(row(n, n, None));
    }
    if apart.len() == 1 {
        // What stays keeps its name, so the two cannot meet again.
        pin_self(&mut corrections, &canonical);
    }
    save(store, &corrections)?;
    for n in &apart {
        writeln!(out, "{n} is now its own speaker.")?;
    }
    Ok(0)
}

fn alias_add(
    store: &mut Store,
    name: &str,
    alias: &str,
    wikidata: Option<String>,
    out: &mut dyn Write,
) -> Result<i32> {
    if let Some(q) = &wikidata
        && !is_wikidata_id(q)
    {
        bail!("--wikidata {q:?} is not a Wikidata item id; it looks like Q22316");
    }
    if name_key(alias).is_empty() {
        bail!("the alias {alias:?} has no letters; give a name");
    }
    let canonical = match find_one(store, name) {
        Ok(id) => store.speaker_name(id)?.unwrap_or_else(|| name.to_string()),
        Err(_) if store.speakers_called(name)?.is_empty() => {
            eprintln!(
                "No speaker is called {name:?} yet; the alias will apply to quotes ingested under that name."
            );
            name.trim().to_string()
        }
        Err(e) => return Err(e),
    };
    let mut corrections = store.corrections()?;
    corrections
        .rows
        .push(row(&canonical, &canonical, wikidata.clone()));
    if name_key(alias) != name_key(&canonical) {
        corrections.rows.push(row(alias, &canonical, wikidata));
    }
    save(store, &corrections)?;
    writeln!(out, "{alias} is now a name of {canonical}.")?;
    Ok(0)
}
