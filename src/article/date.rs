//! Publication dates in the forms newsrooms write them.
//!
//! Only the calendar date is kept: quotes are compared across outlets by day,
//! and a time without a reliable zone would suggest precision we lack. A
//! date we cannot read is an error for the caller to report; we never guess
//! (in particular `09/10/2015` is refused, since the day/month order is
//! unknowable).

use chrono::{DateTime, Datelike, NaiveDate};

/// The forms `parse_date` accepts, for error messages.
pub const ACCEPTED_FORMS: &str = "2015-09-18, 18 September 2015, Sept. 18, 2015, \
     Friday, September 18, 2015, 2015-09-18T14:03:00-04:00 (RFC 3339) or \
     Fri, 18 Sep 2015 14:03:00 +0000 (RFC 2822)";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("no date given")]
    Empty,
    #[error("cannot read the date {0:?}; write it as one of: {ACCEPTED_FORMS}")]
    Unreadable(String),
    #[error(
        "the date {0:?} is ambiguous (day and month could be either way round); write it as 2015-09-18"
    )]
    Ambiguous(String),
}

/// Read a publication date. Times and zones are accepted and dropped; the
/// date kept is the one the source wrote (its local date), not UTC's.
pub fn parse_date(input: &str) -> Result<NaiveDate, DateError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(DateError::Empty);
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Ok(dt.date_naive());
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Ok(dt.date_naive());
    }
    if let Some(date) = iso_prefix(s) {
        return date.ok_or_else(|| DateError::Unreadable(s.to_string()));
    }
    if is_numeric_day_month(s) {
        return Err(DateError::Ambiguous(s.to_string()));
    }
    written_date(s).ok_or_else(|| DateError::Unreadable(s.to_string()))
}

/// Where an article's date came from. The order of the variants is the
/// order of trust when an article offers several: the page's own statement
/// of when it was published, then a `<time>` element, the feed item that
/// linked to it, a date in its URL's path, the `--date` the user gave for a
/// whole batch, and last the date it was modified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DateSource {
    /// `article:published_time`, JSON-LD `datePublished` and the like.
    Published,
    /// A `date:` line in front matter, a JSON Lines `date` field.
    Field,
    /// The first `<time>` element of the article.
    Time,
    /// The date of the RSS or Atom item that linked to the page.
    Feed,
    /// `/2016/03/04/` in the article's URL.
    Url,
    /// `--date` on the command line.
    Given,
    /// `article:modified_time`, JSON-LD `dateModified`.
    Modified,
}

impl DateSource {
    /// The name stored in `articles.date_source` and shown by `show`.
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Published => "published",
            DateSource::Field => "date field",
            DateSource::Time => "time element",
            DateSource::Feed => "feed item",
            DateSource::Url => "url",
            DateSource::Given => "--date",
            DateSource::Modified => "modified",
        }
    }

    /// Its meaning in a few words, for `show`.
    pub fn describe(name: &str) -> &'static str {
        match name {
            "published" => "the page's published date",
            "date field" => "the article's date line or field",
            "time element" => "a date shown on the page",
            "feed item" => "the date of the feed item that linked to it",
            "url" => "the date in its URL",
            "--date" => "given with --date",
            "modified" => "the page's last-modified date, the only one it had",
            _ => "",
        }
    }
}

/// The earliest date taken as real: anything before is a placeholder
/// (`0001-01-01`, `1970-01-01`) in a page's metadata, not when it ran.
pub const EARLIEST_DATE: (i32, u32, u32) = (1990, 1, 1);

/// Why `date` cannot be a publication date, if it cannot: before 1990 or
/// after tomorrow (a day of slack for time zones).
pub fn placeholder(date: NaiveDate) -> Option<String> {
    let (y, m, d) = EARLIEST_DATE;
    let earliest = NaiveDate::from_ymd_opt(y, m, d).expect("a real date");
    let tomorrow = chrono::Utc::now().date_naive() + chrono::Days::new(1);
    if date < earliest {
        Some(format!(
            "{date} is before {earliest}, a placeholder rather than a date"
        ))
    } else if date > tomorrow {
        Some(format!(
            "{date} is in the future, a placeholder rather than a date"
        ))
    } else {
        None
    }
}

/// The date written in a URL's path as `/2016/03/04/` or `/2016-03-04`:
/// year, month and day, each a path segment of its own, or one segment
/// starting `YYYY-MM-DD`. A year and month alone (`/2016/03/`) is not a day.
pub fn date_in_url(url: &str) -> Option<NaiveDate> {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = after_scheme
        .split(['?', '#'])
        .next()
        .unwrap_or("")
        .split_once('/')
        .map_or("", |(_, path)| path);
    let segments: Vec<&str> = path.split('/').collect();
    let number = |s: &str, digits: std::ops::RangeInclusive<usize>| -> Option<u32> {
        (digits.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    for window in segments.windows(3) {
        if let (Some(y), Some(m), Some(d)) = (
            number(window[0], 4..=4),
            number(window[1], 1..=2),
            number(window[2], 1..=2),
        ) && let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d)
        {
            return Some(date);
        }
    }
    segments
        .iter()
        .filter_map(|s| iso_prefix(s.get(..10)?).flatten())
        .find(|d| d.year() >= EARLIEST_DATE.0)
}

/// `2015-09-18`, `2015/09/18` and anything that starts with one
/// (`2015-09-18 14:03`, `2015-09-18T14:03:00` without a zone). `None` when
/// the text does not start that way; `Some(None)` when it does but the date
/// does not exist (`2015-02-30`).
fn iso_prefix(s: &str) -> Option<Option<NaiveDate>> {
    let head = s.get(..10)?;
    let b = head.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let sep = b[4];
    if !(digits(0..4)
        && digits(5..7)
        && digits(8..10)
        && matches!(sep, b'-' | b'/' | b'.')
        && b[7] == sep)
    {
        return None;
    }
    if s.len() > 10 && !matches!(s.as_bytes()[10], b'T' | b't' | b' ') {
        return None;
    }
    let y = head[0..4].parse().ok()?;
    let m = head[5..7].parse().ok()?;
    let d = head[8..10].parse().ok()?;
    Some(NaiveDate::from_ymd_opt(y, m, d))
}

/// `18/09/2015`, `9-18-2015`: numbers only, year last.
fn is_numeric_day_month(s: &str) -> bool {
    let parts: Vec<&str> = s.split(['/', '-', '.']).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()))
        && parts[2].len() == 4
        && parts[0].len() <= 2
}

/// `18 September 2015`, `Sept. 18, 2015`, `Friday, 18th Sep 2015 14:03 BST`,
/// `Updated: September 18, 2015 3:45 PM ET`: day and month in either order,
/// then a four-digit year. Anything after the year (a time) is ignored;
/// anything unrecognised before the date makes it unreadable.
fn written_date(s: &str) -> Option<NaiveDate> {
    let lower = s.to_lowercase().replace([',', '.'], " ");
    let tokens: Vec<&str> = lower
        .split_whitespace()
        .map(|t| t.trim_end_matches(':'))
        .filter(|t| !is_filler(t))
        .collect();
    let [first, second, third, ..] = tokens[..] else {
        return None;
    };
    let (day, month) = match (month_number(first), month_number(second)) {
        (Some(m), _) => (day_number(second)?, m),
        (None, Some(m)) => (day_number(first)?, m),
        (None, None) => return None,
    };
    if third.len() != 4 {
        return None;
    }
    let year = third.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The days of the week, lower case: filler on a date line, and when
/// something was said after a reporting verb (`said Friday`).
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words that decorate a date line without changing it.
fn is_filler(token: &str) -> bool {
    const SHORT: [&str; 9] = [
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
    ];
    matches!(
        token,
        "updated" | "published" | "posted" | "on" | "the" | "of" | "sun"
    ) || WEEKDAYS.contains(&token)
        || SHORT.contains(&token)
}

/// The months' names, lower case, in order.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month_number(token: &str) -> Option<u32> {
    if token.len() < 3 {
        return None;
    }
    let index = MONTHS.iter().position(|m| {
        *m == token || (m.starts_with(token) && (token.len() == 3 || token == "sept"))
    })?;
    Some(index as u32 + 1)
}

/// `18`, `18th`, `1st`: a day of the month.
fn day_number(token: &str) -> Option<u32> {
    let digits = token.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &token[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn newsroom_forms() {
        let want = ymd(2015, 9, 18);
        for s in [
            "2015-09-18",
            "2015/09/18",
            "18 September 2015",
            "18 Sept 2015",
            "18th Sep. 2015",
            "Sept. 18, 2015",
            "September 18, 2015",
            "Sep 18 2015",
            "Friday, September 18, 2015",
            "Fri 18 September 2015 14:03 BST",
            "Updated: Sept. 18, 2015 3:45 PM ET",
            "2015-09-18T14:03:00Z",
            "2015-09-18T23:30:00-04:00",
            "2015-09-18T14:03:00",
            "2015-09-18 14:03",
            "Fri, 18 Sep 2015 14:03:00 +0000",
            "  2015-09-18\n",
        ] {
            assert_eq!(parse_date(s), Ok(want), "{s}");
        }
    }

    #[test]
    fn keeps_the_sources_local_date() {
        // Late evening in New York is the next day in UTC; the paper's date
        // is the one it printed.
        assert_eq!(
            parse_date("2015-09-18T23:30:00-04:00"),
            Ok(ymd(2015, 9, 18))
        );
    }

    #[test]
    fn refuses_to_guess() {
        assert_eq!(parse_date(""), Err(DateError::Empty));
        assert!(matches!(
            parse_date("09/10/2015"),
            Err(DateError::Ambiguous(_))
        ));
        assert!(matches!(
            parse_date("18-09-2015"),
            Err(DateError::Ambiguous(_))
        ));
        for s in [
            "next Tuesday",
            "2015-02-30",
            "Sept. 18",
            "18 Septembre 2015",
            "Mayday 18 2015",
            "15 May 15",
            "3 pm Sept 18 2015",
        ] {
            assert!(
                matches!(parse_date(s), Err(DateError::Unreadable(_))),
                "{s}"
            );
        }
    }

    #[test]
    fn error_says_what_to_write() {
        let msg = parse_date("someday").unwrap_err().to_string();
        assert!(msg.contains("2015-09-18"), "{msg}");
    }

    #[test]
    fn dates_in_urls() {
        let d = |s| date_in_url(s);
        assert_eq!(
            d("https://news.example/2016/03/04/harbour-vote/"),
            Some(ymd(2016, 3, 4))
        );
        assert_eq!(
            d("https://news.example/world/2016-03-04-harbour"),
            Some(ymd(2016, 3, 4))
        );
        assert_eq!(d("https://news.example/2016/3/4/x"), Some(ymd(2016, 3, 4)));
        assert_eq!(d("https://news.example/2016/03/harbour"), None);
        assert_eq!(d("https://news.example/2016/13/40/x"), None);
        assert_eq!(d("https://2016.example/a?d=2016/03/04"), None);
        assert_eq!(d("story.html"), None);
    }

    #[test]
    fn placeholders() {
        assert!(placeholder(ymd(1, 1, 1)).unwrap().contains("placeholder"));
        assert!(placeholder(ymd(1989, 12, 31)).is_some());
        assert!(placeholder(ymd(1990, 1, 1)).is_none());
        assert!(placeholder(chrono::Utc::now().date_naive()).is_none());
        assert!(placeholder(ymd(2999, 1, 1)).unwrap().contains("future"));
    }

    #[test]
    fn sources_in_order_of_trust() {
        assert!(DateSource::Published < DateSource::Feed);
        assert!(DateSource::Url < DateSource::Given);
        assert!(DateSource::Given < DateSource::Modified);
    }
}
