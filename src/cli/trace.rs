//! `quotetrack trace`: one statement as every outlet reported it.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;

use anyhow::{Result, bail};
use clap::{Args, ValueEnum};
use serde::Serialize;

use quotetrack::track::{
    self, ChangeKind, ClaimBeside, ClaimRelation, DiffEntry, Position, Rendition, Statement,
};

use super::extract::shorten;
use super::open_existing;
use super::safe;

#[derive(Args, Debug)]
#[command(after_help = "Examples:
  quotetrack trace avoid misunderstandings
  quotetrack trace \"gamble with the safety\" --format jsonl
  quotetrack trace --quote 12
  quotetrack trace miscalculations --limit 1 --format csv > renditions.csv
  quotetrack trace \"boots on the ground\" --min-confidence 0.9

A statement is every rendition of one remark: the fullest is the reference,
and each rendition (in date order) is `same` (equal once case, punctuation,
quote marks, British/American spelling and editors' brackets are set aside),
`partial` (a fragment), `elided` (words left out behind an ellipsis) or
`altered` (words changed, added or dropped); `reprint` when its article
reprints another article of the statement (wire copy, a story run again),
which the header counts once (\"reprinted by N outlets\"). Flags: `first`
(the earliest original),
`other_speaker` (attributed to someone other than the rest say),
`altered` (words changed or added), `omission` (words from the middle
missing with no ellipsis).

Each jsonl record has statement, quote, outlet, date, speaker, found_by and
confidence (how the speaker was found and how often that way is right),
text, article, relation, diff (a list of {op, at, reference, text}) and
flags; evidence (both sentences) for an other_speaker flag, and reprint_of
(the article reprinted) for a reprint. json statements also carry
independent_reports and reprinted_by. --min-confidence leaves out the
renditions whose speaker was found with less confidence; the reference
stays, since the others are compared with it.

Claims in reported speech (stored by `ingest`, kind indirect) follow each
statement: those containing the searched words, and the statement speaker's
own claims that share its rare words. Relation `paraphrase`: the statement's
speaker, with enough distinctive words in common; `shares_words`: anything
else (another speaker, or too little in common), shown side by side and
never counted as the same remark. In jsonl and csv they are lines of their
own with kind \"indirect\"; in json, each statement's `claims`. --no-claims
leaves them out.")]
pub struct TraceArgs {
    /// Words from the statement (full-text search; word endings ignored).
    #[arg(value_name = "QUERY", required_unless_present = "quote")]
    pub query: Vec<String>,

    /// Trace the statement of this quote id instead of searching.
    #[arg(long, value_name = "ID", conflicts_with = "query")]
    pub quote: Option<i64>,

    /// Trace at most this many statements, best match first.
    #[arg(long, short = 'n', value_name = "N", default_value_t = 3)]
    pub limit: usize,

    /// Only renditions whose speaker was found with at least this
    /// confidence, 0 to 1 (the reference is always shown).
    #[arg(long, value_name = "X", value_parser = super::filters::confidence_arg)]
    pub min_confidence: Option<f64>,

    /// Leave out claims in reported speech.
    #[arg(long)]
    pub no_claims: bool,

    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    pub format: Format,

    /// Colour the diff: on a terminal only (auto), always, or never.
    #[arg(long, value_enum, default_value_t = Colour::Auto)]
    pub color: Colour,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The reference, then each rendition with its differences, for reading.
    Table,
    /// One JSON object per rendition, per line.
    Jsonl,
    /// One JSON array of statements, each with its renditions.
    Json,
    /// One row per rendition, with a header; the diff in one column.
    Csv,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Colour {
    Auto,
    Always,
    Never,
}

pub fn run(args: TraceArgs, db: &Path) -> Result<i32> {
    let mut store = open_existing(db)?;
    if track::has_unlinked(store.conn())? {
        eprintln!("quotetrack: linking quotes stored before statement tracing existed (once)...");
        let n = track::link_unlinked(store.conn_mut())?;
        eprintln!("quotetrack: linked {n} quotes.");
    }
    let conn = store.conn();
    let query = args.query.join(" ");
    let ids = match args.quote {
        Some(id) => match track::statement_of_quote(conn, id)? {
            None => bail!(
                "there is no quote {id} in {}; list quote ids with `quotetrack quotes`",
                db.display()
            ),
            Some(None) => bail!(
                "quote {id} is not linked to a statement; run `quotetrack ingest --replace` on its article"
            ),
            Some(Some(statement)) => vec![statement],
        },
        None => track::find_statements(conn, &query, args.limit.max(1))?,
    };
    let mut statements = ids
        .into_iter()
        .map(|id| track::trace(conn, id))
        .collect::<Result<Vec<_>>>()?;
    if let Some(min) = args.min_confidence {
        for statement in &mut statements {
            super::filters::keep_confident_renditions(statement, min);
        }
    }
    let searched = args.quote.is_none().then_some(query.as_str());
    let mut unmatched = Vec::new();
    if !args.no_claims {
        let mut claims = track::claims_beside(conn, &statements, searched)?;
        if let Some(min) = args.min_confidence {
            claims.retain(|c| c.confidence.is_some_and(|x| x >= min));
        }
        for claim in claims {
            match statements
                .iter_mut()
                .find(|s| Some(s.statement) == claim.statement)
            {
                Some(s) => s.claims.push(claim),
                None => unmatched.push(claim),
            }
        }
    }
    if statements.is_empty() && unmatched.is_empty() {
        eprintln!(
            "quotetrack: no stored quote or claim contains all of {query:?}; try fewer words, or list quotes with `quotetrack quotes --search WORDS`."
        );
        if args.format == Format::Json {
            println!("[]");
        }
        return Ok(0);
    }
    if statements.is_empty() {
        eprintln!(
            "quotetrack: no quoted statement contains all of {query:?}; these claims in reported speech do."
        );
    }
    let colour = match args.color {
        Colour::Always => true,
        Colour::Never => false,
        Colour::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    write_statements(&mut out, &statements, args.format, colour)?;
    write_unmatched_claims(&mut out, &unmatched, args.format, colour)?;
    out.flush()?;
    Ok(0)
}

/// Claims found by the search when no quoted statement was: on their own.
fn write_unmatched_claims(
    out: &mut impl Write,
    claims: &[ClaimBeside],
    format: Format,
    colour: bool,
) -> Result<()> {
    if claims.is_empty() {
        return Ok(());
    }
    match format {
        Format::Table => write_claims_table(out, claims, colour)?,
        Format::Jsonl => {
            for claim in claims {
                serde_json::to_writer(&mut *out, &ClaimLine::from(claim))?;
                out.write_all(b"\n")?;
            }
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "claims": claims }))?;
            out.write_all(b"\n")?;
        }
        Format::Csv => {
            let mut csv = csv::Writer::from_writer(out);
            for claim in claims {
                csv.serialize(CsvRow::from(claim))?;
            }
            csv.flush()?;
        }
    }
    Ok(())
}

/// A claim as a jsonl line: its fields and `kind: "indirect"`, so a reader
/// of the stream tells it from a rendition.
#[derive(Serialize)]
struct ClaimLine<'a> {
    kind: &'static str,
    #[serde(flatten)]
    claim: &'a ClaimBeside,
}

impl<'a> From<&'a ClaimBeside> for ClaimLine<'a> {
    fn from(claim: &'a ClaimBeside) -> Self {
        ClaimLine {
            kind: "indirect",
            claim,
        }
    }
}

/// The claims beside a statement (or found alone), each with how it stands
/// to the statement and the words they share.
fn write_claims_table(
    out: &mut impl Write,
    claims: &[ClaimBeside],
    colour: bool,
) -> io::Result<()> {
    writeln!(
        out,
        "\n{}",
        paint(
            "Claims in reported speech (no quotation marks):",
            BOLD,
            colour
        )
    )?;
    writeln!(
        out,
        "{:>6}  {:<10}  {:<24}  {:<20}  {:<4}  RELATION",
        "CLAIM", "DATE", "OUTLET", "SPEAKER", "CONF"
    )?;
    for c in claims {
        let relation = match (c.relation, c.statement) {
            (ClaimRelation::Paraphrase, Some(s)) => format!("paraphrase of statement {s}"),
            (_, Some(s)) => format!("shares words with statement {s}"),
            (_, None) => "no quoted statement".to_string(),
        };
        let line = format!(
            "{:>6}  {:<10}  {:<24}  {:<20}  {:<4}  {}",
            c.quote,
            c.date.as_deref().unwrap_or("-"),
            shorten(c.outlet.as_deref().unwrap_or("-"), 24),
            shorten(c.speaker.as_deref().unwrap_or("(unknown)"), 20),
            c.confidence
                .map_or_else(|| "-".to_string(), |x| format!("{x:.2}")),
            relation
        );
        writeln!(out, "{}", line.trim_end())?;
        writeln!(
            out,
            "        {}",
            paint(&shorten(&safe::line(&c.text), 100), DIM, colour)
        )?;
        if let Some(first) = c.same_claim_as {
            writeln!(out, "        = the same claim as {first}")?;
        }
        if !c.shared.is_empty() {
            writeln!(
                out,
                "        shared words: {}",
                safe::line(&c.shared.join(", "))
            )?;
        }
        if let Some(why) = &c.why
            && c.statement.is_some()
        {
            writeln!(out, "        not a paraphrase: {}", safe::line(why))?;
        }
    }
    Ok(())
}

pub fn write_statements(
    out: &mut impl Write,
    statements: &[Statement],
    format: Format,
    colour: bool,
) -> Result<()> {
    match format {
        Format::Table => {
            for (i, statement) in statements.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                write_table(out, statement, colour)?;
                if !statement.claims.is_empty() {
                    write_claims_table(out, &statement.claims, colour)?;
                }
            }
        }
        Format::Jsonl => {
            for statement in statements {
                for rendition in &statement.renditions {
                    serde_json::to_writer(&mut *out, rendition)?;
                    out.write_all(b"\n")?;
                }
                for claim in &statement.claims {
                    serde_json::to_writer(&mut *out, &ClaimLine::from(claim))?;
                    out.write_all(b"\n")?;
                }
            }
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, statements)?;
            out.write_all(b"\n")?;
        }
        Format::Csv => {
            let mut csv = csv::Writer::from_writer(out);
            for statement in statements {
                for rendition in &statement.renditions {
                    csv.serialize(CsvRow::from(rendition))?;
                }
                for claim in &statement.claims {
                    csv.serialize(CsvRow::from(claim))?;
                }
            }
            csv.flush()?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct CsvRow<'a> {
    statement: Option<i64>,
    quote: i64,
    date: Option<&'a str>,
    outlet: Option<&'a str>,
    speaker: Option<&'a str>,
    found_by: Option<&'a str>,
    confidence: Option<String>,
    relation: &'static str,
    flags: String,
    reference: bool,
    diff: String,
    text: &'a str,
    article: i64,
    /// `quote` for a rendition, `indirect` for a claim (last, so the
    /// columns before it are as they were before claims).
    kind: &'static str,
}

impl<'a> From<&'a Rendition> for CsvRow<'a> {
    fn from(r: &'a Rendition) -> Self {
        CsvRow {
            statement: Some(r.statement),
            quote: r.quote,
            kind: "quote",
            date: r.date.as_deref(),
            outlet: r.outlet.as_deref(),
            speaker: r.speaker.as_deref(),
            found_by: r.found_by.as_deref(),
            confidence: r.confidence.map(|c| format!("{c:.2}")),
            relation: r.relation.as_str(),
            flags: flags(r),
            reference: r.reference,
            diff: r
                .diff
                .iter()
                .map(|d| describe(d, usize::MAX))
                .collect::<Vec<_>>()
                .join("; "),
            text: &r.text,
            article: r.article,
        }
    }
}

impl<'a> From<&'a ClaimBeside> for CsvRow<'a> {
    fn from(c: &'a ClaimBeside) -> Self {
        CsvRow {
            statement: c.statement,
            quote: c.quote,
            kind: "indirect",
            date: c.date.as_deref(),
            outlet: c.outlet.as_deref(),
            speaker: c.speaker.as_deref(),
            found_by: c.found_by.as_deref(),
            confidence: c.confidence.map(|x| format!("{x:.2}")),
            relation: c.relation.as_str(),
            flags: String::new(),
            reference: false,
            diff: c
                .why
                .clone()
                .map(|why| format!("shared: {}; {why}", c.shared.join(" ")))
                .unwrap_or_else(|| format!("shared: {}", c.shared.join(" "))),
            text: &c.text,
            article: c.article,
        }
    }
}

fn flags(r: &Rendition) -> String {
    r.flags
        .iter()
        .map(|f| f.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One difference in words: `left out at the end: "under load"`.
fn describe(d: &DiffEntry, width: usize) -> String {
    let at = match d.at {
        Position::Start => "at the start",
        Position::Middle => "in the middle",
        Position::End => "at the end",
    };
    let cut = |s: &Option<String>| shorten(s.as_deref().unwrap_or(""), width);
    match d.op {
        ChangeKind::LeftOut => format!("left out {at}: \"{}\"", cut(&d.reference)),
        ChangeKind::Elided => format!("elided {at}: \"{}\"", cut(&d.reference)),
        ChangeKind::Added => format!("added {at}: \"{}\"", cut(&d.text)),
        ChangeKind::Changed => {
            format!("changed: \"{}\" -> \"{}\"", cut(&d.reference), cut(&d.text))
        }
    }
}

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RESET: &str = "\x1b[0m";

fn paint(text: &str, code: &str, colour: bool) -> String {
    if colour {
        format!("{code}{text}{RESET}")
    } else {
        text.to_string()
    }
}

/// A sentence with the quote in it cut to its first words, so what a
/// line has room for is the attribution: `"We will not gamble …,"
/// Deputy Mayor Colin Hargreaves said.`
fn attribution(sentence: &str, quote: &str) -> String {
    let Some(at) = sentence.find(quote) else {
        return sentence.to_string();
    };
    let opening: Vec<&str> = quote.split_whitespace().take(5).collect();
    if opening.len() == quote.split_whitespace().count() {
        return sentence.to_string();
    }
    format!(
        "{}{} …{}",
        &sentence[..at],
        opening.join(" "),
        &sentence[at + quote.len()..]
    )
}

/// How many of the renditions are reports of their own, when some are
/// reprints: ` (2 independent reports, reprinted by 1 outlet)`.
fn reprinted(s: &Statement) -> String {
    if s.reprinted_by == 0 {
        return String::new();
    }
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        " ({}, reprinted by {})",
        plural(
            s.independent_reports,
            "independent report",
            "independent reports"
        ),
        plural(s.reprinted_by, "outlet", "outlets")
    )
}

/// The reference, then each rendition with its differences.
pub fn write_table(out: &mut impl Write, s: &Statement, colour: bool) -> io::Result<()> {
    let n = s.renditions.len();
    writeln!(
        out,
        "{}",
        paint(
            &format!(
                "Statement {}: {n} rendition{} in {} outlet{}{}, said by {}",
                s.statement,
                if n == 1 { "" } else { "s" },
                s.outlets(),
                if s.outlets() == 1 { "" } else { "s" },
                reprinted(s),
                safe::line(s.speaker.as_deref().unwrap_or("(unknown)"))
            ),
            BOLD,
            colour
        )
    )?;
    if let Some(r) = s.reference() {
        writeln!(
            out,
            "Reference (fullest), quote {} in {} on {}:\n  \"{}\"",
            r.quote,
            safe::line(r.outlet.as_deref().unwrap_or("(no outlet)")),
            safe::line(r.date.as_deref().unwrap_or("(no date)")),
            safe::line(&r.text)
        )?;
    }
    writeln!(
        out,
        "\n{:>6}  {:<10}  {:<24}  {:<20}  {:<4}  {:<8}  FLAGS",
        "QUOTE", "DATE", "OUTLET", "SPEAKER", "CONF", "RELATION"
    )?;
    for r in &s.renditions {
        let mut flags = flags(r);
        if r.reference {
            flags = if flags.is_empty() {
                "(reference)".into()
            } else {
                format!("{flags} (reference)")
            };
        }
        let flags = if r.flags.iter().any(|f| *f != track::Flag::First) {
            paint(&flags, YELLOW, colour)
        } else {
            flags
        };
        let line = format!(
            "{:>6}  {:<10}  {:<24}  {:<20}  {:<4}  {:<8}  {}",
            r.quote,
            r.date.as_deref().unwrap_or("-"),
            shorten(r.outlet.as_deref().unwrap_or("-"), 24),
            shorten(r.speaker.as_deref().unwrap_or("(unknown)"), 20),
            r.confidence
                .map_or_else(|| "-".to_string(), |c| format!("{c:.2}")),
            r.relation.as_str(),
            flags
        );
        writeln!(out, "{}", line.trim_end())?;
        if r.reference {
            continue;
        }
        writeln!(
            out,
            "        {}",
            paint(&format!("\"{}\"", shorten(&r.text, 100)), DIM, colour)
        )?;
        for d in &r.diff {
            let code = match d.op {
                ChangeKind::LeftOut | ChangeKind::Elided => RED,
                ChangeKind::Added => GREEN,
                ChangeKind::Changed => YELLOW,
            };
            let sign = match d.op {
                ChangeKind::LeftOut => "-",
                ChangeKind::Elided => ".",
                ChangeKind::Added => "+",
                ChangeKind::Changed => "~",
            };
            writeln!(
                out,
                "        {}",
                paint(&format!("{sign} {}", describe(d, 60)), code, colour)
            )?;
        }
        // The two attributions side by side, so the reader judges the
        // flag from the articles' own words.
        if let Some(e) = &r.evidence {
            writeln!(
                out,
                "        {}",
                paint(
                    &format!(
                        "! credited here: {}",
                        shorten(&safe::line(&attribution(&e.sentence, &r.text)), 110)
                    ),
                    YELLOW,
                    colour
                )
            )?;
            writeln!(
                out,
                "        {}",
                paint(
                    &format!(
                        "! but in {} (quote {}): {}",
                        safe::line(e.other_outlet.as_deref().unwrap_or("(no outlet)")),
                        e.other_quote,
                        shorten(
                            &safe::line(&attribution(&e.other_sentence, &e.other_text)),
                            90
                        )
                    ),
                    YELLOW,
                    colour
                )
            )?;
        }
    }
    Ok(())
}
