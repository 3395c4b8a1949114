//! The `table` format: columns for reading on a terminal. On a terminal the
//! table fits its width and long quotes wrap under the QUOTE column; piped
//! elsewhere (no width known) each quote stays whole on one line, so `grep`
//! and `wc -l` see one line per quote, and names are cut only past 40
//! columns. `COLUMNS=N` sets the width anywhere.

use std::io::{self, IsTerminal, Write};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use quotetrack::store::QuoteRow;

/// The narrowest QUOTE column we wrap to, however narrow the terminal.
const MIN_QUOTE: usize = 20;

/// The width to fit: `COLUMNS` if set, else the terminal's when standard
/// output is one, else none.
pub fn width() -> Option<usize> {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0);
    columns.or_else(|| {
        io::stdout()
            .is_terminal()
            .then(terminal_size::terminal_size)
            .flatten()
            .map(|(w, _)| usize::from(w.0))
    })
}

/// Control characters become spaces, so an article cannot drive the
/// terminal.
fn clean(s: &str) -> String {
    super::safe::line(s).into_owned()
}

/// At most `max` columns wide, with an ellipsis when cut, padded to `max`.
fn fit(s: &str, max: usize) -> String {
    let s = clean(s);
    let mut out = String::new();
    let mut used = 0;
    if s.width() <= max {
        out.push_str(&s);
        used = s.width();
    } else {
        for c in s.chars() {
            let w = c.width().unwrap_or(0);
            if used + w + 1 > max {
                break;
            }
            out.push(c);
            used += w;
        }
        out.push('…');
        used += 1;
    }
    out.extend(std::iter::repeat_n(' ', max.saturating_sub(used)));
    out
}

/// `text` in lines at most `width` columns wide, broken between words
/// (a word longer than a line is broken where it must be).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split_whitespace() {
        let w = word.width();
        if used > 0 && used + 1 + w <= width {
            line.push(' ');
            line.push_str(word);
            used += 1 + w;
            continue;
        }
        if used > 0 {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if w <= width {
            line.push_str(word);
            used = w;
            continue;
        }
        for c in word.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > width && used > 0 {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            line.push(c);
            used += cw;
        }
    }
    if used > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Width of the CONF column: `0.95`.
const CONF_W: usize = 4;

/// A quote's confidence in hundredths, or `-` for one stored without.
fn confidence_cell(confidence: Option<f64>) -> String {
    confidence.map_or_else(|| "-".to_string(), |c| format!("{c:.2}"))
}

/// Write `rows` as a table `width` columns wide (`None`: one line per
/// quote, however long).
pub fn write_quotes(
    out: &mut impl Write,
    rows: &[QuoteRow],
    width: Option<usize>,
) -> io::Result<()> {
    let widest = |get: &dyn Fn(&QuoteRow) -> String, min: usize, max: usize| {
        rows.iter()
            .map(|r| clean(&get(r)).width())
            .max()
            .unwrap_or(0)
            .clamp(min, max)
    };
    // On a terminal names are cut to leave room for the quote; piped, the
    // table has room for whole names (within reason).
    let (outlet_max, speaker_max) = if width.is_some() { (20, 22) } else { (40, 40) };
    let id_w = widest(&|r| r.id.to_string(), 5, 20);
    let mut outlet_w = widest(
        &|r| r.outlet.clone().unwrap_or_else(|| "-".into()),
        6,
        outlet_max,
    );
    let mut speaker_w = widest(
        &|r| r.speaker.clone().unwrap_or_else(|| "(unknown)".into()),
        7,
        speaker_max,
    );
    let mut with_confidence = true;
    let fixed = |o: usize, s: usize, c: bool| {
        id_w + 2 + 10 + 2 + o + 2 + s + 2 + if c { CONF_W + 2 } else { 0 }
    };
    if let Some(total) = width {
        // Narrow terminal: give the quote room by narrowing the outlet
        // first, then the speaker, who matters more.
        while total < fixed(outlet_w, speaker_w, true) + MIN_QUOTE * 2 {
            if outlet_w > 10 {
                outlet_w -= 1;
            } else if speaker_w > 12 {
                speaker_w -= 1;
            } else {
                break;
            }
        }
        // Too narrow still for the narrowest quote: the confidence goes
        // (`show` and the other formats have it).
        with_confidence = total >= fixed(outlet_w, speaker_w, true) + MIN_QUOTE;
    }
    let indent = fixed(outlet_w, speaker_w, with_confidence);
    let quote_w = width.map(|total| total.saturating_sub(indent).max(MIN_QUOTE));
    let conf = |cell: &str| {
        if with_confidence {
            format!("{cell:<CONF_W$}  ")
        } else {
            String::new()
        }
    };
    writeln!(
        out,
        "{:>id_w$}  {:<10}  {}  {}  {}QUOTE",
        "ID",
        "DATE",
        fit("OUTLET", outlet_w),
        fit("SPEAKER", speaker_w),
        conf("CONF")
    )?;
    for row in rows {
        let mut text = clean(&row.text);
        // A figure caption's quote says so (db/010_captions.sql).
        if row.section == "caption" {
            text.insert_str(0, "(caption) ");
        }
        let lines = match quote_w {
            Some(w) => wrap(&text, w),
            None => vec![text],
        };
        let mut lines = lines.iter();
        writeln!(
            out,
            "{:>id_w$}  {:<10}  {}  {}  {}{}",
            row.id,
            row.date.as_deref().unwrap_or("-"),
            fit(row.outlet.as_deref().unwrap_or("-"), outlet_w),
            fit(row.speaker.as_deref().unwrap_or("(unknown)"), speaker_w),
            conf(&confidence_cell(row.confidence)),
            lines.next().map_or("", String::as_str)
        )?;
        for line in lines {
            writeln!(out, "{:indent$}{line}", "")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, text: &str) -> QuoteRow {
        QuoteRow {
            id,
            speaker: Some("Graham Pell".into()),
            text: text.into(),
            outlet: Some("The Kestrel Courier".into()),
            date: Some("2024-03-05".into()),
            article: 1,
            start: 0,
            end: text.len(),
            speaker_kind: Some("person".into()),
            speaker_as_written: None,
            kind: "direct".into(),
            found_by: Some("explicit".into()),
            confidence: Some(0.95),
            cue: None,
            title: None,
            url: None,
            path: None,
            section: "body".into(),
        }
    }

    fn table(rows: &[QuoteRow], width: Option<usize>) -> String {
        let mut buf = Vec::new();
        write_quotes(&mut buf, rows, width).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn long_quotes_wrap_within_the_width() {
        let long = "I would urge the union to come back to the table rather than walk away from patients who need them this winter";
        let out = table(&[row(1, long), row(2, "Short.")], Some(80));
        for line in out.lines() {
            assert!(line.width() <= 80, "{} wide: {line:?}", line.width());
        }
        assert!(out.lines().count() > 3, "{out}");
        // Every word survives the wrapping, in order.
        let words: Vec<&str> = out
            .lines()
            .skip(1)
            .flat_map(|l| l.split_whitespace())
            .collect::<Vec<_>>();
        assert!(
            words
                .join(" ")
                .contains("walk away from patients who need them")
        );
        assert!(out.starts_with("   ID  DATE"), "{out}");
        assert!(
            out.lines().next().unwrap().contains("  CONF  QUOTE"),
            "{out}"
        );
        assert!(out.lines().nth(1).unwrap().contains("  0.95  "), "{out}");
    }

    #[test]
    fn a_narrow_terminal_narrows_the_name_columns() {
        let long = "word ".repeat(40);
        let out = table(&[row(1, &long)], Some(64));
        for line in out.lines() {
            assert!(line.width() <= 64, "{} wide: {line:?}", line.width());
        }
        // Too narrow for the confidence as well: it goes before the quote
        // is squeezed.
        assert!(!out.contains("CONF"), "{out}");
        assert!(table(&[row(1, &long)], Some(90)).contains("CONF"));
    }

    #[test]
    fn a_captions_quote_says_so() {
        let mut caption = row(2, "Tired of being thanked");
        caption.section = "caption".into();
        let out = table(&[row(1, "In the body"), caption], None);
        assert!(out.contains("  In the body\n"), "{out}");
        assert!(
            out.contains("  (caption) Tired of being thanked\n"),
            "{out}"
        );
    }

    #[test]
    fn without_a_width_each_quote_is_one_line() {
        let long = "word ".repeat(60);
        let out = table(&[row(1, &long), row(2, "two\nlines")], None);
        assert_eq!(out.lines().count(), 3);
        assert!(out.contains("two lines"));
    }

    #[test]
    fn wrap_breaks_words_longer_than_a_line() {
        assert_eq!(wrap("abcdefgh ij", 3), ["abc", "def", "gh", "ij"]);
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(wrap("漢字漢字", 4), ["漢字", "漢字"]);
    }
}
