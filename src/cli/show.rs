//! `quotetrack show ID`: one quote in its paragraph, and where it ran: the
//! way back from a quote to its source.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use anyhow::{Result, bail};
use clap::{Args, ValueEnum};

use quotetrack::store::QuoteInContext;

use super::open_existing;

#[derive(Args, Debug)]
#[command(after_help = "Examples:
  quotetrack show 12
  quotetrack show 12 --format json

The text shows how the speaker was found and with what confidence (JSON keys
found_by and confidence).

Find ids with `quotetrack quotes`.")]
pub struct ShowArgs {
    /// The quote's id, as listed by `quotetrack quotes`.
    #[arg(value_name = "ID")]
    pub id: i64,

    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For reading: where it ran, then the paragraph with the quote marked.
    Text,
    /// One JSON object with the quote, its paragraph and the article's details.
    Json,
}

pub fn run(args: ShowArgs, db: &Path) -> Result<i32> {
    let store = open_existing(db)?;
    let Some(shown) = store.quote(args.id)? else {
        bail!(
            "there is no quote {} in {}; list quote ids with `quotetrack quotes`",
            args.id,
            db.display()
        );
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    match args.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &shown)?;
            writeln!(out)?;
        }
        Format::Text => write_text(&mut out, &shown, io::stdout().is_terminal())?,
    }
    Ok(0)
}

fn write_text(out: &mut impl Write, shown: &QuoteInContext, colour: bool) -> io::Result<()> {
    let q = &shown.quote;
    let speaker = q.speaker.as_deref().unwrap_or("(speaker unknown)");
    let kind = q
        .speaker_kind
        .as_deref()
        .map(|k| format!(" ({k})"))
        .unwrap_or_default();
    writeln!(
        out,
        "Quote {} · {}{} · {}{}",
        q.id,
        clean(speaker),
        kind,
        q.kind,
        if q.section == "caption" {
            " (caption)"
        } else {
            ""
        }
    )?;
    if let Some(written) = q
        .speaker_as_written
        .as_deref()
        .filter(|w| Some(*w) != q.speaker.as_deref())
    {
        writeln!(out, "Named here as: {}", clean(written))?;
    }
    if let Some(role) = &shown.speaker_role {
        writeln!(out, "Role: {}", clean(role))?;
    }
    if let Some(found_by) = &q.found_by {
        let confidence = q
            .confidence
            .map(|c| format!(", confidence {c:.2}"))
            .unwrap_or_default();
        writeln!(
            out,
            "Speaker found by: {}{confidence}",
            describe_found_by(found_by)
        )?;
    }
    writeln!(
        out,
        "{} · {} · {}",
        clean(q.outlet.as_deref().unwrap_or("(outlet unknown)")),
        q.date.as_deref().unwrap_or("(date unknown)"),
        clean(q.title.as_deref().unwrap_or("(untitled)"))
    )?;
    // A date line or field is the ordinary case and goes unsaid; a date
    // found anywhere else is named.
    if let (Some(_), Some(source)) = (
        &q.date,
        shown.date_source.as_deref().filter(|s| *s != "date field"),
    ) {
        let meaning = quotetrack::article::DateSource::describe(source);
        if meaning.is_empty() {
            writeln!(out, "Date from: {}", clean(source))?;
        } else {
            writeln!(out, "Date from: {} ({meaning})", clean(source))?;
        }
    }
    if let Some(url) = &q.url {
        writeln!(out, "{}", clean(url))?;
    }
    if let Some(canonical) = shown
        .canonical_url
        .as_deref()
        .filter(|c| Some(*c) != q.url.as_deref())
    {
        writeln!(out, "Canonical: {}", clean(canonical))?;
    }
    writeln!(
        out,
        "Article {}{}, bytes {}..{}",
        q.article,
        q.path
            .as_deref()
            .map(|p| format!(" ({})", clean(p)))
            .unwrap_or_default(),
        q.start,
        q.end
    )?;
    writeln!(out)?;
    let p = &shown.paragraph;
    let (before, quote, after) = (
        &p[..shown.paragraph_start],
        &p[shown.paragraph_start..shown.paragraph_end],
        &p[shown.paragraph_end..],
    );
    // Bold on a terminal; elsewhere the paragraph is left exactly as stored
    // so it can be searched for in the source.
    if colour {
        writeln!(
            out,
            "{}\x1b[1m{}\x1b[0m{}",
            clean_text(before),
            clean_text(quote),
            clean_text(after)
        )
    } else {
        writeln!(
            out,
            "{}{}{}",
            clean_text(before),
            clean_text(quote),
            clean_text(after)
        )
    }
}

/// A way of finding a speaker, with a few words on what it means.
fn describe_found_by(found_by: &str) -> String {
    let meaning = match found_by {
        "explicit" => "named with a reporting verb in the sentence",
        "pronoun" => "a pronoun with a reporting verb, resolved to a person",
        "role" => "a role with a reporting verb, resolved to a person",
        "continuation" => "carried from the quote next to it",
        "subject" => "the sentence's subject, no reporting verb",
        "headline" => "a name in a headline",
        "layout" => "a paragraph ending with a colon, or a line signed below",
        "unresolved" => "a pronoun or role that names nobody",
        other => return clean(other).into_owned(),
    };
    format!("{found_by} ({meaning})")
}

/// One-line fields: control characters (an article could carry terminal
/// escapes) become spaces.
fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    super::safe::line(s)
}

/// Paragraph text: as `clean`, but line breaks are kept.
fn clean_text(s: &str) -> std::borrow::Cow<'_, str> {
    super::safe::text(s)
}
