//! The filters shared by `quotes` and `export`, so both commands take the
//! same options with the same meaning, and explain an empty result the same
//! way.

use anyhow::Result;
use chrono::NaiveDate;
use clap::Args;

use quotetrack::article::{ACCEPTED_FORMS, parse_date};
use quotetrack::store::{QuoteFilter, Store, fold};
use quotetrack::track::Statement;

#[derive(Args, Debug, Clone, Default)]
pub struct FilterArgs {
    /// Only quotes by speakers whose name contains this, in any case
    /// (`kerry` finds John Kerry).
    #[arg(long, value_name = "NAME")]
    pub speaker: Option<String>,

    /// Only quotes from outlets whose name contains this, in any case.
    #[arg(long, value_name = "NAME")]
    pub outlet: Option<String>,

    /// Only quotes published on or after this date.
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    pub since: Option<NaiveDate>,

    /// Only quotes published on or before this date.
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    pub until: Option<NaiveDate>,

    /// Only quotes containing all these words (full-text search; word
    /// endings are ignored, so `miscalculation` finds `miscalculations`).
    #[arg(long, value_name = "WORDS", allow_hyphen_values = true)]
    pub search: Option<String>,

    /// Only quotes whose speaker was found with at least this confidence,
    /// 0 to 1 (`0.9` keeps a name with its reporting verb and leaves out the
    /// names pronouns were resolved to, sentence subjects, headlines and
    /// unresolved pronouns; `0.7` keeps the pronouns' names too; the README
    /// lists each way's confidence).
    #[arg(long, value_name = "X", value_parser = confidence_arg)]
    pub min_confidence: Option<f64>,
    /// Leave out quotes from articles that reprint another stored article
    /// (wire copy run by another outlet, a story run again): each story's
    /// quotes once, from its original.
    #[arg(long)]
    pub no_reprints: bool,

    /// Which records: direct quotes (with their continuations), partial
    /// quotes, indirect claims (reported speech without quotation marks,
    /// stored by `ingest`), or all; several may be given, separated by
    /// commas. Without it, direct and partial quotes and no claims.
    #[arg(long, value_name = "KIND", value_delimiter = ',', value_parser = ["direct", "partial", "indirect", "all"])]
    pub kind: Vec<String>,

    /// At most this many quotes.
    #[arg(long, short = 'n', value_name = "N")]
    pub limit: Option<usize>,
}

impl FilterArgs {
    pub fn to_filter(&self) -> QuoteFilter {
        QuoteFilter {
            speaker: self.speaker.clone(),
            outlet: self.outlet.clone(),
            since: self.since,
            until: self.until,
            search: self.search.clone(),
            min_confidence: self.min_confidence,
            no_reprints: self.no_reprints,
            kinds: super::extract::kinds_of(&self.kind),
            limit: self.limit,
            ..QuoteFilter::default()
        }
    }

    /// Why nothing matched, as a sentence for standard error. The likeliest
    /// mistake is a misspelt name, so a name that matches nothing comes with
    /// the closest names stored.
    pub fn why_empty(&self, store: &Store) -> Result<String> {
        if let Some(name) = &self.speaker
            && store.speakers_named(name)?.is_empty()
        {
            let names = candidates(
                store,
                "SELECT name FROM speakers UNION SELECT alias FROM speaker_aliases",
            )?;
            return Ok(format!(
                "no speaker's name contains {name:?}{}",
                suggestion(name, &names, "SELECT speaker FROM speaker_summary")
            ));
        }
        if let Some(name) = &self.outlet
            && store.outlets_named(name)?.is_empty()
        {
            let names = candidates(store, "SELECT name FROM outlets")?;
            return Ok(format!(
                "no outlet's name contains {name:?}{}",
                suggestion(name, &names, "SELECT name FROM outlets")
            ));
        }
        if let (Some(since), Some(until)) = (self.since, self.until)
            && since > until
        {
            return Ok(format!(
                "no quotes match: --since {since} is after --until {until}."
            ));
        }
        if let Some(min) = self.min_confidence {
            let (stored, highest): (i64, Option<f64>) = store.conn().query_row(
                "SELECT count(confidence), max(confidence) FROM quotes",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            if stored == 0 {
                return Ok(format!(
                    "no quotes match --min-confidence {min}: no stored quote has a confidence yet (they were stored by an older quotetrack; ingest the articles again with --replace)."
                ));
            }
            if highest.is_some_and(|h| h < min) {
                return Ok(format!(
                    "no quotes match: --min-confidence {min} is above every stored quote's confidence (the highest is {:.2}).",
                    highest.unwrap_or_default()
                ));
            }
        }
        let kinds = super::extract::kinds_of(&self.kind);
        if kinds.indirect && store.claim_count()? == 0 {
            return Ok(
                "no quotes match: no claims are stored (they were ingested by an older quotetrack or with --no-claims; ingest the articles again with --replace)."
                    .to_string(),
            );
        }
        Ok("no quotes match.".to_string())
    }
}

/// `trace --min-confidence`: the statement's renditions whose speaker was
/// found with at least `min` confidence, and its reference whatever its
/// own, since every other rendition is compared with it.
pub fn keep_confident_renditions(statement: &mut Statement, min: f64) {
    statement
        .renditions
        .retain(|r| r.reference || r.confidence.is_some_and(|c| c >= min));
}

/// A confidence on the command line: a number from 0 to 1.
pub fn confidence_arg(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        _ => Err(format!(
            "{s:?} is not a confidence; give a number from 0 to 1, such as 0.9"
        )),
    }
}

/// Dates on the command line take the same forms as dates in articles; the
/// error lists them.
pub fn date_arg(s: &str) -> Result<NaiveDate, String> {
    parse_date(s).map_err(|e| match e {
        quotetrack::article::DateError::Empty => {
            format!("no date given; write it as one of: {ACCEPTED_FORMS}")
        }
        other => other.to_string(),
    })
}

fn candidates(store: &Store, sql: &str) -> Result<Vec<String>> {
    let mut stmt = store.conn().prepare(sql)?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How close `typed` is to `name`: the better of the whole name and its
/// best word, so `kery` is close to "John Kerry".
fn closeness(typed: &str, name: &str) -> f64 {
    let name = fold(name);
    let whole = strsim::jaro_winkler(typed, &name);
    name.split_whitespace()
        .map(|word| strsim::jaro_winkler(typed, word))
        .fold(whole, f64::max)
}

/// The stored names closest to what the user typed, best first.
pub fn closest<'a>(typed: &str, names: &'a [String], max: usize) -> Vec<&'a str> {
    let typed = fold(typed.trim());
    let mut scored: Vec<(f64, &str)> = names
        .iter()
        .map(|n| (closeness(&typed, n), n.as_str()))
        .filter(|(score, _)| *score >= 0.8)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    let mut out: Vec<&str> = Vec::new();
    for (_, name) in scored {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(name)) {
            out.push(name);
        }
        if out.len() == max {
            break;
        }
    }
    out
}

fn suggestion(typed: &str, names: &[String], list_sql: &str) -> String {
    match closest(typed, names, 3).as_slice() {
        [] if names.is_empty() => ".".to_string(),
        [] => format!("; none is close (list them with: sqlite3 DB \"{list_sql}\")."),
        [one] => format!("; did you mean {one:?}?"),
        many => format!(
            "; did you mean one of {}?",
            many.iter()
                .map(|n| format!("{n:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspelt_names_find_the_closest() {
        let names: Vec<String> = ["John Kerry", "Sergei Lavrov", "Graham Pell", "Ann Lee"]
            .map(String::from)
            .to_vec();
        assert_eq!(closest("kery", &names, 3), ["John Kerry"]);
        assert_eq!(closest("Lavrof", &names, 3), ["Sergei Lavrov"]);
        assert_eq!(closest("Jon Kery", &names, 3), ["John Kerry"]);
        assert!(closest("zzzz", &names, 3).is_empty());
    }

    #[test]
    fn confidences_are_numbers_from_zero_to_one() {
        assert_eq!(confidence_arg("0.9"), Ok(0.9));
        assert_eq!(confidence_arg("1"), Ok(1.0));
        for bad in ["1.5", "-0.1", "high", "", "NaN"] {
            let err = confidence_arg(bad).unwrap_err();
            assert!(err.contains("0 to 1"), "{bad:?}: {err}");
        }
    }

    #[test]
    fn date_errors_list_the_accepted_forms() {
        for bad in ["last week", "", "31/12/2015"] {
            let err = date_arg(bad).unwrap_err();
            assert!(err.contains("2015-09-18"), "{bad:?}: {err}");
        }
        assert!(date_arg("Sept. 18, 2015").is_ok());
    }
}
