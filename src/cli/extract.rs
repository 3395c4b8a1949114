//! `quotetrack extract`: print the quotes of articles without storing them.

use std::borrow::Cow;
use std::cell::RefCell;
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use rayon::prelude::*;

use quotetrack::article::{Format as ArticleFormat, Meta};
use quotetrack::record::QuoteRecord;
use quotetrack::{Extractor, Kinds, Lexicon, Quote};

#[derive(Args, Debug)]
#[command(
    after_help = "Examples:\n  quotetrack extract story.txt\n  quotetrack extract --format jsonl corpus/ > quotes.jsonl\n  curl -s URL | quotetrack extract -\n  quotetrack extract --kind indirect --format jsonl story.txt   (claims: reported speech without quotation marks)\n  quotetrack extract --input jsonl - < articles.jsonl > quotes.jsonl   (a pipe stage: one article a line, {\"id\", \"text\" or \"html\", ...}; records carry the id)\n\nEach jsonl line is one quote: doc (file name without extension), quote{start,end,text}, cue, speaker{start,end,text,name,kind} or null, kind (direct, partial, continuation, or indirect for a claim), found_by (how the speaker was found: explicit, pronoun, role, continuation, subject, headline, layout or unresolved) and confidence (how often a speaker found that way is right, 0 to 1; a continuation carrying on a name a pronoun was resolved to has the pronoun's). Offsets are UTF-8 byte offsets into the text as decoded: a byte-order mark is dropped, and a file that is not UTF-8 is read as Windows-1252 (with a warning), its offsets counting into the UTF-8 text. For an HTML page they count into its article text as `ingest` stores it (the body, then the captions after a blank line)."
)]
pub struct ExtractArgs {
    /// Article files or folders (searched recursively for .txt, .text, .md
    /// and .html files, and those gzipped: .html.gz); `-` reads standard
    /// input. An HTML page (by its extension, or its first bytes on standard
    /// input) is read as `ingest` reads it: the story's body, then its
    /// captions.
    #[arg(value_name = "PATH", default_value = "-")]
    pub paths: Vec<PathBuf>,

    /// Output format [default: table; jsonl with --input jsonl].
    #[arg(long, short, value_enum)]
    pub format: Option<Format>,

    /// What the inputs hold: article files (text), or articles as JSON
    /// Lines, one a line with `id` (or `url`), `text` or `html`, and
    /// optional `outlet`, `date`, `title` (files ending .gz are gunzipped).
    /// JSON Lines are read as a stream:
    /// each record carries its article's `id`, in input order, written as
    /// the articles are extracted, in flat memory however long the input.
    #[arg(long, value_enum, default_value_t = InputKind::Text, value_name = "WHAT")]
    pub input: InputKind,

    /// Which records to print: direct quotes (with their continuations),
    /// partial quotes, indirect claims (reported speech without quotation
    /// marks), or all; several may be given, separated by commas. Without
    /// it, direct and partial quotes and no claims.
    #[arg(long, value_name = "KIND", value_delimiter = ',', value_parser = ["direct", "partial", "indirect", "all"])]
    pub kind: Vec<String>,
}

/// The kinds named by `--kind`, or the default when none is.
pub fn kinds_of(names: &[String]) -> Kinds {
    if names.is_empty() {
        return Kinds::default();
    }
    names
        .iter()
        .fold(Kinds::NONE, |k, name| k.with(name).unwrap_or(k))
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputKind {
    /// Article files: text, read whole, named by their file name.
    Text,
    /// JSON Lines of articles, streamed.
    Jsonl,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object per quote, per line.
    Jsonl,
    /// One JSON array of every quote.
    Json,
    /// Aligned columns for reading: line, speaker, quote.
    Table,
}

/// One input: a name for the `doc` field and where its bytes come from.
struct Input {
    doc: String,
    path: Option<PathBuf>,
}

/// How many files are extracted in parallel before their output is written,
/// so memory stays flat on any corpus size.
const BATCH: usize = 512;

pub fn run(args: ExtractArgs, lexicon: &Lexicon) -> Result<i32> {
    if args.input == InputKind::Jsonl {
        return run_jsonl(&args, lexicon);
    }
    let inputs = collect_inputs(&args.paths)?;
    let extractor = Extractor::new(lexicon);
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut skipped = 0usize;
    let mut first_json = true;
    let format = args.format.unwrap_or(Format::Table);
    if format == Format::Json {
        out.write_all(b"[")?;
    }
    let kinds = kinds_of(&args.kind);
    std::thread::scope(|scope| -> Result<()> {
        // Files are read, extracted and formatted on all cores, a batch
        // ahead of the one being written, so the cores do not wait for the
        // writer; the channel holds one batch, so memory stays flat.
        let (send, batches) = std::sync::mpsc::sync_channel::<Vec<(&Input, Result<Vec<u8>>)>>(1);
        let (extractor, inputs) = (&extractor, &inputs);
        scope.spawn(move || {
            for batch in inputs.chunks(BATCH) {
                let results: Vec<(&Input, Result<Vec<u8>>)> = batch
                    .par_iter()
                    .map(|input| (input, extract_one(extractor, input, format, kinds)))
                    .collect();
                if send.send(results).is_err() {
                    break;
                }
            }
        });
        for results in batches {
            for (input, result) in results {
                let bytes = match result {
                    Ok(bytes) => bytes,
                    Err(err) => {
                        eprintln!(
                            "quotetrack: skipped {}: {}",
                            super::safe::line(&input.doc),
                            super::safe::text(&format!("{err:#}"))
                        );
                        skipped += 1;
                        continue;
                    }
                };
                if bytes.is_empty() {
                    continue;
                }
                if format == Format::Json && !first_json {
                    out.write_all(b",")?;
                }
                first_json = false;
                out.write_all(&bytes)?;
            }
        }
        Ok(())
    })?;
    if format == Format::Json {
        out.write_all(b"\n]\n")?;
    }
    out.flush()?;
    Ok(if skipped > 0 { 1 } else { 0 })
}

/// `extract --input jsonl`: each path (or `-`) read as a stream of JSON
/// Lines articles, their records written as they are extracted.
fn run_jsonl(args: &ExtractArgs, lexicon: &Lexicon) -> Result<i32> {
    if let Some(format) = args.format.filter(|f| *f != Format::Jsonl) {
        anyhow::bail!(
            "--input jsonl writes --format jsonl only (asked for {}): a stream's records are written as they come",
            format
                .to_possible_value()
                .map_or_else(|| "?".to_string(), |v| v.get_name().to_string())
        );
    }
    let extractor = Extractor::new(lexicon);
    let options = quotetrack::stream::Options {
        kinds: kinds_of(&args.kind),
        ..Default::default()
    };
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout());
    let mut skipped = 0usize;
    for path in &args.paths {
        let name = if path.as_os_str() == "-" {
            None
        } else {
            Some(path.display().to_string())
        };
        let mut warn = |s: quotetrack::stream::Skipped| {
            skipped += 1;
            let place = match &name {
                Some(name) => format!("{}:{}", super::safe::line(name), s.line),
                None => format!("line {}", s.line),
            };
            eprintln!(
                "quotetrack: warning: skipped {place}: {}",
                super::safe::text(&s.reason)
            );
        };
        let result = match &name {
            None => quotetrack::stream::extract_jsonl(
                io::stdin(),
                &mut out,
                &extractor,
                &options,
                &mut warn,
            ),
            Some(name) => {
                let file = std::fs::File::open(path).with_context(|| {
                    format!("cannot read {name} (give JSON Lines files, or - for standard input)")
                })?;
                if name.ends_with(".gz") {
                    // Gzipped JSON Lines, one member or many, read as a stream.
                    let file = flate2::read::MultiGzDecoder::new(file);
                    quotetrack::stream::extract_jsonl(
                        file, &mut out, &extractor, &options, &mut warn,
                    )
                } else {
                    quotetrack::stream::extract_jsonl(
                        file, &mut out, &extractor, &options, &mut warn,
                    )
                }
            }
        };
        result.with_context(|| name.clone().unwrap_or_else(|| "standard input".into()))?;
    }
    Ok(if skipped > 0 { 1 } else { 0 })
}

/// One input's quotes, formatted: jsonl lines, table rows, or JSON array
/// elements each after a newline and separated by commas (the comma before
/// the first is the writer's, which knows whether one came before).
fn extract_one(
    extractor: &Extractor<'_>,
    input: &Input,
    format: Format,
    kinds: Kinds,
) -> Result<Vec<u8>> {
    thread_local! {
        /// Each thread reads its files into the same buffer, which grows to
        /// the largest file and is never zeroed again.
        static READ_BUF: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }
    match &input.path {
        Some(path) => READ_BUF.with_borrow_mut(|buf| {
            let len =
                read_file(path, buf).with_context(|| format!("cannot read {}", path.display()))?;
            formatted(
                extractor,
                input,
                &text_of(input, &buf[..len])?,
                format,
                kinds,
            )
        }),
        None => {
            let mut buf = Vec::new();
            io::stdin()
                .read_to_end(&mut buf)
                .context("cannot read standard input")?;
            formatted(extractor, input, &text_of(input, &buf)?, format, kinds)
        }
    }
}

/// Read the file at `path` into the start of `buf`, returning its length:
/// one open and reads to the end, no stat call for a size hint.
fn read_file(path: &Path, buf: &mut Vec<u8>) -> io::Result<usize> {
    let mut file = std::fs::File::open(path)?;
    let mut len = 0;
    loop {
        if len == buf.len() {
            buf.resize((buf.len() * 2).max(1 << 16), 0);
        }
        match file.read(&mut buf[len..]) {
            Ok(0) => return Ok(len),
            Ok(n) => len += n,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => return Err(err),
        }
    }
}

/// The quotes of one input's `text`, formatted for `format`.
fn formatted(
    extractor: &Extractor<'_>,
    input: &Input,
    text: &str,
    format: Format,
    kinds: Kinds,
) -> Result<Vec<u8>> {
    let quotes = extractor.extract_kinds(text, kinds);
    let mut out = Vec::new();
    for (i, quote) in quotes.iter().enumerate() {
        let record = QuoteRecord {
            doc: &input.doc,
            quote,
        };
        match format {
            Format::Jsonl => {
                serde_json::to_writer(&mut out, &record)?;
                out.push(b'\n');
            }
            Format::Json => {
                if i > 0 {
                    out.push(b',');
                }
                out.push(b'\n');
                serde_json::to_writer(&mut out, &record)?;
            }
            Format::Table => write_table_row(&mut out, &input.doc, text, quote)?,
        }
    }
    Ok(out)
}

fn write_table_row(out: &mut impl Write, doc: &str, text: &str, quote: &Quote) -> Result<()> {
    let line = text[..quote.quote.start]
        .bytes()
        .filter(|&b| b == b'\n')
        .count()
        + 1;
    let speaker = quote
        .speaker
        .as_ref()
        .map_or("(unknown)", |s| s.name.as_str());
    writeln!(
        out,
        "{}:{line:<5} {:<24} {}",
        super::safe::line(doc),
        shorten(speaker, 24),
        shorten(&quote.quote.text, 80)
    )?;
    Ok(())
}

/// At most `max` characters, with an ellipsis when cut; made safe for a
/// terminal by [`super::safe::line`] so an article cannot drive it.
pub fn shorten(s: &str, max: usize) -> String {
    let clean = super::safe::line(s);
    if clean.chars().count() <= max {
        return clean.into_owned();
    }
    let mut cut: String = clean.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<Input>> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input {
                doc: "-".to_string(),
                path: None,
            });
        } else if path.is_dir() {
            let mut files = Vec::new();
            walk(path, &mut files)
                .with_context(|| format!("cannot read folder {}", path.display()))?;
            files.sort();
            inputs.extend(files.into_iter().map(|p| Input {
                doc: doc_name(&p),
                path: Some(p),
            }));
        } else if path.exists() {
            inputs.push(Input {
                doc: doc_name(path),
                path: Some(path.clone()),
            });
        } else {
            anyhow::bail!(
                "{}: no such file or folder (give article files, folders, or - for standard input)",
                path.display()
            );
        }
    }
    Ok(inputs)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        // The entry's own type needs no stat call; only a symbolic link is
        // followed to see whether it names a folder.
        let path = entry.path();
        let is_dir = match entry.file_type() {
            Ok(kind) => kind.is_dir() || (kind.is_symlink() && path.is_dir()),
            Err(_) => path.is_dir(),
        };
        if is_dir {
            walk(&path, files)?;
        } else if is_article_file(&path) {
            files.push(path);
        }
    }
    Ok(())
}

/// Text files and saved pages, gzipped or not (`story.html.gz`); other
/// files in a folder (images, annotations, JSON Lines) are passed over.
fn is_article_file(path: &Path) -> bool {
    match path.extension().and_then(|e| e.to_str()) {
        Some("txt" | "text" | "md" | "html" | "htm" | "xhtml") => true,
        Some("gz") => path
            .file_stem()
            .is_some_and(|stem| is_article_file(Path::new(stem))),
        _ => false,
    }
}

/// The file name without its extension (and without `.gz` before it:
/// `story.html.gz` is `story`).
fn doc_name(path: &Path) -> String {
    if path.extension().is_some_and(|e| e == "gz")
        && let Some(stem) = path.file_stem()
    {
        return doc_name(Path::new(stem));
    }
    path.file_stem().map_or_else(
        || path.display().to_string(),
        |s| s.to_string_lossy().into_owned(),
    )
}

/// The text of an input read as `bytes`. Gzip-compressed bytes
/// (`story.html.gz`) are decompressed first, as `ingest` does, up to
/// [`quotetrack::article::MAX_GUNZIPPED`], and read as the name without
/// `.gz` says.
fn text_of<'b>(input: &Input, bytes: &'b [u8]) -> Result<Cow<'b, str>> {
    if !bytes.starts_with(GZIP_MAGIC) {
        return plain_text_of(input, bytes);
    }
    let plain = quotetrack::article::gunzip(bytes.to_vec(), quotetrack::article::MAX_GUNZIPPED)?;
    if plain.starts_with(GZIP_MAGIC) {
        anyhow::bail!("gzip-compressed twice; gunzip it first");
    }
    Ok(Cow::Owned(plain_text_of(input, &plain)?.into_owned()))
}

/// The first bytes of a gzip stream.
const GZIP_MAGIC: &[u8] = b"\x1f\x8b";

/// [`text_of`] for bytes that are not compressed.
fn plain_text_of<'b>(input: &Input, bytes: &'b [u8]) -> Result<Cow<'b, str>> {
    // Decoded as `ingest` decodes: a byte-order mark is dropped and text
    // that is not UTF-8 is read as Windows-1252 with a warning. Offsets are
    // into this decoded text.
    if bytes.is_empty() {
        anyhow::bail!("the file is empty");
    }
    if let Some(kind) = quotetrack::article::binary_kind(bytes) {
        anyhow::bail!("this looks like a binary file ({kind}), not an article; give text files");
    }
    match input_format(input, bytes) {
        ArticleFormat::Text => {}
        // A saved page read as text gives its scripts and menus as quotes
        // (`"PGM.ads.data"` said 149 times on one page): it is read as
        // `ingest` reads it, its story and captions.
        ArticleFormat::Html => return html_text(input, bytes).map(Cow::Owned),
        ArticleFormat::JsonLines => anyhow::bail!(
            "this looks like JSON Lines, not an article; give --input jsonl to read one article a line"
        ),
    }
    // Plain UTF-8 with no byte-order mark, nearly every file, is the text
    // in place, without a copy.
    if encoding_rs::Encoding::for_bom(bytes).is_none()
        && let Ok(text) = std::str::from_utf8(bytes)
    {
        return Ok(Cow::Borrowed(text));
    }
    decoded(input, bytes).map(Cow::Owned)
}

/// What an input holds: what its file name promises, else (standard input,
/// an unknown extension) what its first bytes look like.
fn input_format(input: &Input, bytes: &[u8]) -> ArticleFormat {
    input
        .path
        .as_deref()
        .and_then(ArticleFormat::from_path)
        .unwrap_or_else(|| ArticleFormat::sniff(bytes))
}

/// The article text of an HTML page, as `ingest` stores it: the story's
/// body, then its captions.
fn html_text(input: &Input, bytes: &[u8]) -> Result<String> {
    let read = quotetrack::article::read(bytes, ArticleFormat::Html, &Meta::default(), &input.doc);
    for warning in read.warnings {
        eprintln!(
            "quotetrack: warning: {}: {}",
            super::safe::line(&input.doc),
            super::safe::text(&warning)
        );
    }
    let article = read
        .articles
        .into_iter()
        .next()
        .context("the page gave no article")??;
    Ok(article.full_text().into_owned())
}

fn decoded(input: &Input, bytes: &[u8]) -> Result<String> {
    let (text, warning) = quotetrack::article::decode_text(bytes)?;
    if let Some(warning) = warning {
        eprintln!(
            "quotetrack: warning: {}: {warning}",
            super::safe::line(&input.doc)
        );
    }
    Ok(text.into_owned())
}
