//! The filters shared by `quotes` and `export`, so both commands take the
//! same options with the same meaning, and explain an empty result the same
//! way.

use anyhow::Result;
use chrono::NaiveDate;
use clap::Args;

use quotetrack::article::{ACCEPTED_FORMS, parse_date};
use quotetrack::store::{QuoteFilter, Store, fold};

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

    /// Leave out quotes from articles that reprint another stored article
    /// (wire copy run by another outlet, a story run again): each story's
    /// quotes once, from its original.
    #[arg(long)]
    pub no_reprints: bool,

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
            no_reprints: self.no_reprints,
            limit: self.limit,
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
        Ok("no quotes match.".to_string())
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
    fn date_errors_list_the_accepted_forms() {
        for bad in ["last week", "", "31/12/2015"] {
            let err = date_arg(bad).unwrap_err();
            assert!(err.contains("2015-09-18"), "{bad:?}: {err}");
        }
        assert!(date_arg("Sept. 18, 2015").is_ok());
    }
}
