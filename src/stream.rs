//! The extractor over a stream of articles in JSON Lines: one article a
//! line in, its quote records out, each carrying the article's `id` (or
//! `url`), in input order.
//!
//! Memory stays flat however long the stream: lines are read by one thread
//! into a bounded queue, taken off in batches of at most
//! [`Options::batch_lines`] lines or [`Options::batch_bytes`] bytes (or
//! whatever came within [`Options::linger`] of the batch's first line, so a
//! slow producer still sees its records promptly), extracted on all cores
//! and written in order, the output flushed after every batch. A line that
//! is not an article is reported to the caller by its line number and
//! skipped; nothing in the input can stop the stream but a failed read or
//! write.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::sync::mpsc::{Receiver, RecvTimeoutError, sync_channel};
use std::time::{Duration, Instant};

use anyhow::{Result, anyhow};
use rayon::prelude::*;

use crate::article::{Article, Meta, jsonl};
use crate::claims::Kinds;
use crate::extract::Extractor;
use crate::record::{Quote, QuoteRecord};

/// How a stream is cut into batches.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Which records to write.
    pub kinds: Kinds,
    /// The most lines extracted together (and queued behind them).
    pub batch_lines: usize,
    /// The most bytes of input extracted together.
    pub batch_bytes: usize,
    /// How long a batch waits for more lines once it has one.
    pub linger: Duration,
    /// The longest line read; a longer one is skipped (read past, not held).
    pub max_line: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            kinds: Kinds::default(),
            batch_lines: 256,
            batch_bytes: 32 << 20,
            linger: Duration::from_millis(20),
            max_line: 256 << 20,
        }
    }
}

/// What a stream held.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Articles read and extracted.
    pub articles: usize,
    /// Quote records written.
    pub records: usize,
    /// Lines skipped (each reported through the warning callback).
    pub skipped: usize,
}

/// A line skipped: its number (from 1) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub line: usize,
    pub reason: String,
}

/// One line as read: its number and its bytes, or why it cannot be used.
type Line = (usize, std::result::Result<Vec<u8>, String>);

/// One line extracted: its number and its records (how many, and as JSON
/// Lines), or why it was skipped.
type Done = (usize, std::result::Result<(usize, Vec<u8>), String>);

/// Extract every article of `input` (JSON Lines) and write its quote
/// records to `out` as JSON Lines, in input order, flushing after each
/// batch. `skipped` hears of each line that was not an article. Blank lines
/// are passed over. Errors are failed reads of `input` and failed writes.
pub fn extract_jsonl<R: Read + Send + 'static>(
    input: R,
    out: &mut dyn Write,
    extractor: &Extractor<'_>,
    options: &Options,
    skipped: &mut dyn FnMut(Skipped),
) -> Result<Summary> {
    let batch_lines = options.batch_lines.max(1);
    let mut summary = Summary::default();
    {
        let (send, lines) = sync_channel::<Line>(batch_lines);
        let max_line = options.max_line;
        // Not a scoped thread: should writing fail (a closed pipe) while
        // the reader waits on an idle input, the stream returns at once
        // rather than waiting for that input's next line.
        let reader = std::thread::spawn(move || -> io::Result<()> {
            let mut input = BufReader::with_capacity(1 << 16, input);
            let mut number = 0usize;
            loop {
                let mut line = Vec::new();
                let Some(too_long) = read_line(&mut input, &mut line, max_line)? else {
                    return Ok(());
                };
                number += 1;
                let item = if too_long {
                    Err(format!("longer than {max_line} bytes; skipped"))
                } else if line.iter().all(u8::is_ascii_whitespace) {
                    continue;
                } else {
                    Ok(line)
                };
                if send.send((number, item)).is_err() {
                    return Ok(());
                }
            }
        });
        let result = (|| -> Result<()> {
            while let Some(batch) = next_batch(&lines, batch_lines, options) {
                let done: Vec<Done> = batch
                    .into_par_iter()
                    .map(|(number, line)| {
                        let records = line.and_then(|bytes| {
                            records_of_line(&bytes, number, extractor, options.kinds)
                                .map_err(|e| format!("{e:#}"))
                        });
                        (number, records)
                    })
                    .collect();
                for (line, result) in done {
                    match result {
                        Ok((count, bytes)) => {
                            summary.articles += 1;
                            summary.records += count;
                            out.write_all(&bytes)?;
                        }
                        Err(reason) => {
                            summary.skipped += 1;
                            skipped(Skipped { line, reason });
                        }
                    }
                }
                out.flush()?;
            }
            Ok(())
        })();
        // Writing failed: the reader, left behind, stops at its next line
        // (the queue is gone).
        result?;
        // Else the queue was closed by the reader, which has finished.
        let read = reader
            .join()
            .map_err(|_| anyhow!("the reading thread failed"))?;
        read.map_err(|e| anyhow!("cannot read the input: {e}"))?;
        Ok(summary)
    }
}

/// The next batch: the first line waited for, then whatever else is queued
/// or comes within the linger, up to the batch's size. `None` at the end.
fn next_batch(lines: &Receiver<Line>, most: usize, options: &Options) -> Option<Vec<Line>> {
    let first = lines.recv().ok()?;
    let deadline = Instant::now() + options.linger;
    let mut bytes = first.1.as_ref().map_or(0, Vec::len);
    let mut batch = vec![first];
    while batch.len() < most && bytes < options.batch_bytes {
        let wait = deadline.saturating_duration_since(Instant::now());
        match lines.recv_timeout(wait) {
            Ok(line) => {
                bytes += line.1.as_ref().map_or(0, Vec::len);
                batch.push(line);
            }
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
        }
    }
    Some(batch)
}

/// Read one line (without its end) into `line`: `None` at the end of the
/// input, `Some(true)` when it was longer than `max` (the rest read past).
fn read_line(input: &mut impl BufRead, line: &mut Vec<u8>, max: usize) -> io::Result<Option<bool>> {
    let mut any = false;
    let mut too_long = false;
    loop {
        let buf = match input.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(any.then_some(too_long));
        }
        any = true;
        let (take, done) = match memchr::memchr(b'\n', buf) {
            Some(i) => (i, true),
            None => (buf.len(), false),
        };
        if !too_long && line.len() + take <= max {
            line.extend_from_slice(&buf[..take]);
        } else if !too_long {
            too_long = true;
            *line = Vec::new();
        }
        input.consume(take + usize::from(done));
        if done {
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            return Ok(Some(too_long));
        }
    }
}

/// The quote records of one line's article as JSON Lines, and how many.
pub fn records_of_line(
    line: &[u8],
    number: usize,
    extractor: &Extractor<'_>,
    kinds: Kinds,
) -> Result<(usize, Vec<u8>)> {
    let (id, article) = article_of_line(line, number)?;
    let quotes = extractor.extract_kinds(&article.full_text(), kinds);
    let mut out = Vec::new();
    write_records(&mut out, &id, &quotes)?;
    Ok((quotes.len(), out))
}

/// One line of a stream (line `number`, from 1) as the name its records
/// carry and its article, whose [`Article::full_text`] is what is
/// extracted: the text `ingest` stores, so the records' offsets point into
/// it.
pub fn article_of_line(line: &[u8], number: usize) -> Result<(String, Article)> {
    let line =
        std::str::from_utf8(line.strip_prefix(b"\xef\xbb\xbf").unwrap_or(line)).map_err(|e| {
            anyhow!(
                "not UTF-8 (invalid byte at offset {}); JSON Lines must be UTF-8",
                e.valid_up_to()
            )
        })?;
    jsonl::parse_record(line, &Meta::default(), &format!("line {number}"))
}

/// `quotes` of the article named `doc` as quote records, one JSON object a
/// line: what `extract --format jsonl` prints.
pub fn write_records(out: &mut Vec<u8>, doc: &str, quotes: &[Quote]) -> Result<()> {
    for quote in quotes {
        serde_json::to_writer(&mut *out, &QuoteRecord { doc, quote })?;
        out.push(b'\n');
    }
    Ok(())
}

/// A quote record as read back: the quote and the article it names.
#[derive(Debug, Clone, serde::Deserialize)]
struct ReadRecord {
    doc: String,
    #[serde(flatten)]
    quote: Quote,
}

/// Quote records made elsewhere (`extract --format jsonl`, the Spark
/// stage), read back and grouped by the article they name, each article's
/// in the order read. Lines that are not records are skipped, reported by
/// number. Every record is held: about a kilobyte each.
pub fn read_records<R: Read>(
    input: R,
    skipped: &mut dyn FnMut(Skipped),
) -> Result<std::collections::HashMap<String, Vec<Quote>>> {
    let mut input = BufReader::with_capacity(1 << 16, input);
    let mut by_doc: std::collections::HashMap<String, Vec<Quote>> = Default::default();
    let mut number = 0usize;
    let mut line = Vec::new();
    while let Some(too_long) = read_line(&mut input, &mut line, Options::default().max_line)
        .map_err(|e| anyhow!("cannot read the quote records: {e}"))?
    {
        number += 1;
        let bytes = std::mem::take(&mut line);
        if too_long {
            skipped(Skipped {
                line: number,
                reason: "longer than a quote record can be".into(),
            });
            continue;
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<ReadRecord>(&bytes) {
            Ok(record) => by_doc.entry(record.doc).or_default().push(record.quote),
            Err(e) => skipped(Skipped {
                line: number,
                reason: format!("not a quote record ({e})"),
            }),
        }
    }
    Ok(by_doc)
}

/// Whether `quotes` fit `text`, the text they are said to come from: each
/// span inside it, on character boundaries, covering the words its record
/// gives. Quotes extracted from another version of the article would
/// point at the wrong words once stored.
pub fn check_quotes(text: &str, quotes: &[Quote]) -> Result<()> {
    let fits = |what: &str, start: usize, end: usize, words: &str| -> Result<()> {
        match text.get(start..end) {
            Some(found) if found == words => Ok(()),
            Some(found) => Err(anyhow!(
                "its {what} at bytes {start}..{end} reads {found:?} in the article but {words:?} in the quote record; were the quotes extracted from this text?"
            )),
            None => Err(anyhow!(
                "its {what} at bytes {start}..{end} is not inside the article's {} bytes of text; were the quotes extracted from this text?",
                text.len()
            )),
        }
    };
    for quote in quotes {
        fits(
            "quote",
            quote.quote.start,
            quote.quote.end,
            &quote.quote.text,
        )?;
        if let Some(cue) = &quote.cue {
            fits("cue", cue.start, cue.end, &cue.text)?;
        }
        if let Some(speaker) = &quote.speaker {
            fits("speaker", speaker.start, speaker.end, &speaker.text)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lexicon;

    fn run(input: &str, options: &Options) -> (String, Summary, Vec<Skipped>) {
        let extractor = Extractor::new(Lexicon::builtin());
        let mut out = Vec::new();
        let mut skipped = Vec::new();
        let input = io::Cursor::new(input.as_bytes().to_vec());
        let summary = extract_jsonl(input, &mut out, &extractor, options, &mut |s| {
            skipped.push(s)
        })
        .unwrap();
        (String::from_utf8(out).unwrap(), summary, skipped)
    }

    const ARTICLE: &str =
        r#""text": "\"We will hold the line,\" Mayor Alicia Brandt said on Monday.""#;

    #[test]
    fn records_carry_the_id_in_input_order_and_bad_lines_are_skipped_by_number() {
        let mut input = String::new();
        for i in 0..40 {
            input.push_str(&format!("{{\"id\": \"a{i}\", {ARTICLE}}}\n"));
            if i == 3 {
                input.push_str("not json\n\n");
            }
            if i == 7 {
                input.push_str(&format!("{{{ARTICLE}}}\n"));
            }
        }
        input.push_str(&format!("{{\"id\": 17, {ARTICLE}}}\r\n"));
        input.push_str(&format!(
            "{{\"url\": \"https://example.com/x\", {ARTICLE}}}"
        ));
        // Batches of three lines: order must survive the parallel extraction.
        let options = Options {
            batch_lines: 3,
            ..Options::default()
        };
        let (out, summary, skipped) = run(&input, &options);
        let docs: Vec<String> = out
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["doc"].to_string())
            .collect();
        let mut want: Vec<String> = (0..40).map(|i| format!("\"a{i}\"")).collect();
        want.push("\"17\"".into());
        want.push("\"https://example.com/x\"".into());
        assert_eq!(docs, want);
        assert_eq!(summary.articles, 42);
        assert_eq!(summary.records, 42);
        assert_eq!(summary.skipped, 2);
        assert_eq!(skipped[0].line, 5);
        assert!(skipped[0].reason.contains("JSON"), "{:?}", skipped[0]);
        assert_eq!(skipped[1].line, 11);
        assert!(skipped[1].reason.contains("\"id\""), "{:?}", skipped[1]);
    }

    #[test]
    fn records_read_back_are_grouped_and_checked_against_their_text() {
        let text = "\"We will hold the line,\" Mayor Alicia Brandt said on Monday.";
        let extractor = Extractor::new(Lexicon::builtin());
        let quotes = extractor.extract(text);
        let mut bytes = Vec::new();
        write_records(&mut bytes, "a", &quotes).unwrap();
        bytes.extend_from_slice(b"{\"doc\": \"b\"}\n\n");
        write_records(&mut bytes, "a", &quotes).unwrap();
        let mut skipped = Vec::new();
        let by_doc = read_records(bytes.as_slice(), &mut |s| skipped.push(s)).unwrap();
        assert_eq!(by_doc["a"].len(), 2 * quotes.len());
        assert_eq!(by_doc["a"][0], quotes[0]);
        assert_eq!(skipped.len(), 1);
        assert_eq!(skipped[0].line, quotes.len() + 1);
        check_quotes(text, &quotes).unwrap();
        let err = check_quotes(&text.replace("We", "They"), &quotes).unwrap_err();
        assert!(err.to_string().contains("reads"), "{err}");
        let err = check_quotes("short", &quotes).unwrap_err();
        assert!(err.to_string().contains("not inside"), "{err}");
        // A span that cuts a character in two is an error, not a panic.
        let err = check_quotes(&"é".repeat(40), &quotes).unwrap_err();
        assert!(err.to_string().contains("not inside"), "{err}");
    }

    #[test]
    fn a_line_past_the_limit_is_skipped_and_the_next_read() {
        let long = format!("{{\"id\": \"long\", \"text\": \"{}\"}}\n", "x".repeat(500));
        let input = format!("{long}{{\"id\": \"b\", {ARTICLE}}}\n");
        let options = Options {
            max_line: 100,
            ..Options::default()
        };
        let (out, summary, skipped) = run(&input, &options);
        assert_eq!(summary.skipped, 1);
        assert_eq!(skipped[0].line, 1);
        assert!(out.starts_with("{\"doc\":\"b\""), "{out}");
    }

    #[test]
    fn records_are_those_of_the_articles_text() {
        let text = "\"We will hold the line,\" Mayor Alicia Brandt said on Monday.";
        let extractor = Extractor::new(Lexicon::builtin());
        let mut want = Vec::new();
        write_records(&mut want, "x", &extractor.extract(text)).unwrap();
        let (out, _, _) = run(
            &format!("{{\"id\": \"x\", {ARTICLE}}}\n"),
            &Options::default(),
        );
        assert_eq!(out.as_bytes(), want.as_slice());
        assert!(!want.is_empty());
    }
}
