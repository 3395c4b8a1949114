//! Reading the parameters of a request: bounded in length, each checked,
//! a bad one answered with 400 and what was wrong.

use chrono::NaiveDate;

use super::WebError;
use crate::claims::Kinds;
use crate::store::{Cursor, QuoteFilter, QuoteRow};

/// The longest text parameter taken (a search, a name).
pub const MAX_QUERY: usize = 200;
/// Quotes on one page by default, and at most.
pub const PER_PAGE: usize = 50;
pub const PER_PAGE_MAX: usize = 500;
/// The furthest page: beyond it, narrow the search.
pub const MAX_PAGE: usize = 10_000;
/// A page asked for by number alone (no `after=` or `before=`) starts at
/// most this many quotes into its list: counting further costs time in
/// proportion (a common word among one name's quotes, 50 ms at 2,500, 350
/// ms at 5,000 on a million quotes), while a page the Next link leads to
/// starts from its cursor at any depth.
pub const MAX_COUNTED: usize = 2_500;

/// The parameters of a request, decoded.
pub struct Params(Vec<(String, String)>);

impl Params {
    pub fn parse(raw: Option<&str>) -> Result<Params, WebError> {
        let raw = raw.unwrap_or("");
        let pairs: Vec<(String, String)> = url::form_urlencoded::parse(raw.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        if pairs.len() > 20 {
            return Err(WebError::BadRequest("too many parameters".into()));
        }
        Ok(Params(pairs))
    }

    /// A text parameter; empty counts as absent.
    pub fn text(&self, name: &str) -> Result<Option<String>, WebError> {
        let Some((_, v)) = self.0.iter().rev().find(|(k, _)| k == name) else {
            return Ok(None);
        };
        let v = v.trim();
        if v.chars().count() > MAX_QUERY {
            return Err(WebError::BadRequest(format!(
                "{name} is longer than {MAX_QUERY} characters"
            )));
        }
        Ok((!v.is_empty()).then(|| v.to_string()))
    }

    pub fn number(&self, name: &str) -> Result<Option<i64>, WebError> {
        self.text(name)?
            .map(|v| {
                v.parse::<i64>().map_err(|_| {
                    WebError::BadRequest(format!("{name} must be a whole number, not {v:?}"))
                })
            })
            .transpose()
    }

    fn date(&self, name: &str) -> Result<Option<NaiveDate>, WebError> {
        self.text(name)?
            .map(|v| {
                NaiveDate::parse_from_str(&v, "%Y-%m-%d").map_err(|_| {
                    WebError::BadRequest(format!("{name} must be a date as YYYY-MM-DD, not {v:?}"))
                })
            })
            .transpose()
    }

    /// The page asked for, from 1, and how many on a page.
    pub fn page(&self) -> Result<(usize, usize), WebError> {
        let page = self.number("page")?.unwrap_or(1);
        if !(1..=MAX_PAGE as i64).contains(&page) {
            return Err(WebError::BadRequest(format!(
                "page must be between 1 and {MAX_PAGE}"
            )));
        }
        let per = self.number("per")?.unwrap_or(PER_PAGE as i64);
        if !(1..=PER_PAGE_MAX as i64).contains(&per) {
            return Err(WebError::BadRequest(format!(
                "per must be between 1 and {PER_PAGE_MAX}"
            )));
        }
        Ok((page as usize, per as usize))
    }

    /// Where the page starts, from the page links: `after=ID` (the last
    /// quote of the page before) or `before=ID` (the first of the page
    /// after); `None` for a page counted from the start.
    pub fn cursor(&self) -> Result<Option<Cursor>, WebError> {
        let id = |name: &str| {
            self.text(name)?
                .map(|v| {
                    v.parse::<i64>().map_err(|_| {
                        WebError::BadRequest(format!(
                            "{name} must be a quote id (a whole number, as the page links give), not {v:?}"
                        ))
                    })
                })
                .transpose()
        };
        match (id("after")?, id("before")?) {
            (Some(_), Some(_)) => Err(WebError::BadRequest(
                "give after or before, not both".into(),
            )),
            (Some(id), None) => Ok(Some(Cursor::After(id))),
            (None, Some(id)) => Ok(Some(Cursor::Before(id))),
            (None, None) => Ok(None),
        }
    }

    /// The quote list these parameters ask for: `q` (words), `speaker`
    /// (part of a name), `speaker_id`, `outlet`, `since`, `until`,
    /// `article`, `kind` (`quotes`, default, or `all` with claims), `page`
    /// and `per`, and `after` or `before` (see [`Params::cursor`]), which
    /// say where the page starts when given (the page number is then only
    /// shown).
    pub fn quote_list(&self) -> Result<QuoteList, WebError> {
        let (page, per) = self.page()?;
        let cursor = self.cursor()?;
        if cursor.is_none() && (page - 1) * per > MAX_COUNTED {
            return Err(WebError::BadRequest(format!(
                "page {page} of {per} would be counted {} quotes from the start, past the {MAX_COUNTED} counted: \
                 follow the Next link from an earlier page (its address carries after=, and goes on from there at any depth), \
                 or narrow the list by date (since, until), outlet or speaker",
                (page - 1) * per
            )));
        }
        let kinds = match self.text("kind")?.as_deref() {
            None | Some("quotes") => Kinds::QUOTES,
            Some("all") => Kinds::ALL,
            Some(other) => Kinds::NONE.with(other).ok_or_else(|| {
                WebError::BadRequest(format!(
                    "kind must be quotes, all, direct, partial or indirect, not {other:?}"
                ))
            })?,
        };
        let filter = QuoteFilter {
            speaker: self.text("speaker")?,
            outlet: self.text("outlet")?,
            since: self.date("since")?,
            until: self.date("until")?,
            search: self.text("q")?,
            kinds,
            speaker_id: self.number("speaker_id")?,
            article: self.number("article")?,
            // One more than a page, to know whether there is a next.
            limit: Some(per + 1),
            offset: if cursor.is_some() {
                0
            } else {
                (page - 1) * per
            },
            cursor,
            ..QuoteFilter::default()
        };
        Ok(QuoteList {
            filter,
            page,
            per,
            query: self.keep(&[
                "q",
                "speaker",
                "speaker_id",
                "outlet",
                "since",
                "until",
                "article",
                "kind",
                "per",
            ]),
        })
    }

    /// The named parameters that were given, encoded again (for links to
    /// other pages and the downloads of the same list).
    pub fn keep(&self, names: &[&str]) -> String {
        let mut out = url::form_urlencoded::Serializer::new(String::new());
        for name in names {
            if let Some((k, v)) = self
                .0
                .iter()
                .rev()
                .find(|(k, v)| k == name && !v.trim().is_empty())
            {
                out.append_pair(k, v.trim());
            }
        }
        out.finish()
    }
}

/// A list of quotes asked for: the store's filter (with a limit one past
/// the page), which page, and the parameters to repeat in links.
pub struct QuoteList {
    pub filter: QuoteFilter,
    pub page: usize,
    pub per: usize,
    pub query: String,
}

impl QuoteList {
    /// The page in the rows the store gave for `filter` (one more than a
    /// page, to tell whether the list goes on that way), and whether there
    /// are pages before and after it.
    pub fn page_of(&self, mut rows: Vec<QuoteRow>) -> (Vec<QuoteRow>, bool, bool) {
        let over = rows.len() > self.per;
        match self.filter.cursor {
            // The quotes just before the cursor: one more means a page
            // before; the cursor's quote starts the page after.
            Some(Cursor::Before(_)) => {
                if over {
                    rows.drain(..rows.len() - self.per);
                }
                let more = !rows.is_empty();
                (rows, over && self.page > 1, more)
            }
            _ => {
                rows.truncate(self.per);
                (rows, self.page > 1, over)
            }
        }
    }

    /// The link to the page before `rows` (shown as page `self.page`) at
    /// `path`: back from its first quote, or page 1 from the start.
    pub fn prev_link(&self, path: &str, rows: &[QuoteRow]) -> String {
        let page = self.page.saturating_sub(1).max(1);
        match rows.first() {
            Some(first) if page > 1 => self.link_from(path, page, Some(Cursor::Before(first.id))),
            _ => self.link(path, page),
        }
    }

    /// The link to the page after `rows` at `path`: on from its last quote.
    pub fn next_link(&self, path: &str, rows: &[QuoteRow]) -> String {
        let page = self.page + 1;
        match rows.last() {
            Some(last) => self.link_from(path, page, Some(Cursor::After(last.id))),
            None => self.link(path, page),
        }
    }

    /// The link to page `page` of this list at `path`, counted from the
    /// start.
    pub fn link(&self, path: &str, page: usize) -> String {
        self.link_from(path, page, None)
    }

    /// The link to this very page at `path` (a download of it): with its
    /// cursor when it has one.
    pub fn here(&self, path: &str) -> String {
        self.link_from(path, self.page, self.filter.cursor)
    }

    /// The link to page `page` of this list at `path`, starting at
    /// `cursor` when given.
    pub fn link_from(&self, path: &str, page: usize, cursor: Option<Cursor>) -> String {
        let mut q = self.query.clone();
        let mut add = |pair: String| {
            if !q.is_empty() {
                q.push('&');
            }
            q.push_str(&pair);
        };
        if page > 1 {
            add(format!("page={page}"));
        }
        match cursor {
            Some(Cursor::After(id)) => add(format!("after={id}")),
            Some(Cursor::Before(id)) => add(format!("before={id}")),
            None => {}
        }
        if q.is_empty() {
            path.to_string()
        } else {
            format!("{path}?{q}")
        }
    }
}

/// An id in a path: a whole number, or no such page.
pub fn id(raw: &str, what: &str) -> Result<i64, WebError> {
    raw.parse::<i64>().map_err(|_| {
        WebError::NotFound(format!("there is no {what} {raw:?}: ids are whole numbers"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_parameters_say_what_is_wrong() {
        let p = |q: &str| Params::parse(Some(q)).unwrap().quote_list();
        assert!(p("q=a+b&page=2&per=10").is_ok());
        for (q, says) in [
            ("page=0", "page must be"),
            ("page=x", "whole number"),
            ("per=100000", "per must be"),
            ("since=yesterday", "YYYY-MM-DD"),
            ("kind=poems", "kind must be"),
            ("after=12x", "after must be a quote id"),
            ("before=-", "before must be a quote id"),
            ("after=1&before=2", "not both"),
        ] {
            match p(q) {
                Err(WebError::BadRequest(m)) => assert!(m.contains(says), "{q}: {m}"),
                _ => panic!("{q} was taken"),
            }
        }
        let long = format!("q={}", "a".repeat(MAX_QUERY + 1));
        assert!(matches!(p(&long), Err(WebError::BadRequest(_))));
    }

    #[test]
    fn page_links_keep_the_filters() {
        let list = Params::parse(Some("q=gamble+safety&outlet=Gazette&page=3&junk=1"))
            .unwrap()
            .quote_list()
            .unwrap();
        assert_eq!(list.filter.offset, 2 * PER_PAGE);
        assert_eq!(list.filter.limit, Some(PER_PAGE + 1));
        assert_eq!(list.link("/", 4), "/?q=gamble+safety&outlet=Gazette&page=4");
        assert_eq!(
            list.link("/quotes.csv", 1),
            "/quotes.csv?q=gamble+safety&outlet=Gazette"
        );
    }
}
