//! JSON Lines: one article per line, as scrapers and archives hand them out.
//!
//! ```json
//! {"text": "...", "outlet": "CBC News", "date": "2015-09-18", "title": "...", "url": "...", "author": "..."}
//! {"html": "<html>...</html>", "url": "..."}
//! ```
//!
//! A line's own fields win over what an HTML page says about itself: whoever
//! wrote the line knew where it came from.

use anyhow::{Result, anyhow, bail};
use serde_json::{Map, Value};

use super::{Article, Meta, html};

/// One result per non-blank line, each named `source:LINE`.
pub fn parse(bytes: &[u8], fill: &Meta, source: &str) -> Vec<Result<Article>> {
    let text = match std::str::from_utf8(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)) {
        Ok(text) => text,
        Err(e) => {
            return vec![Err(anyhow!(
                "not UTF-8 (invalid byte at offset {}); JSON Lines files must be UTF-8",
                e.valid_up_to()
            ))];
        }
    };
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let source = format!("{source}:{}", i + 1);
            parse_line(line, fill, &source).map_err(|e| e.context(format!("line {}", i + 1)))
        })
        .collect()
}

fn parse_line(line: &str, fill: &Meta, source: &str) -> Result<Article> {
    article_of(&object(line)?, fill, source)
}

/// One line of a stream of articles: the article and the name its quote
/// records carry, its `id` (a string or a number) or else its `url`. A line
/// with neither is an error: its records could not be told from another
/// article's.
pub fn parse_record(line: &str, fill: &Meta, source: &str) -> Result<(String, Article)> {
    let record = object(line)?;
    let id = match record.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(_) => bail!("the \"id\" field should be a non-blank string or a number"),
    };
    let article = article_of(&record, fill, source)?;
    let Some(id) = id.or_else(|| article.url.clone()) else {
        bail!("no \"id\" or \"url\" field; each line needs one to name its quotes");
    };
    Ok((id, article))
}

fn object(line: &str) -> Result<Map<String, Value>> {
    let value: Value = serde_json::from_str(line).map_err(|e| anyhow!("not valid JSON ({e})"))?;
    let Value::Object(record) = value else {
        bail!("expected a JSON object with a \"text\" or \"html\" field");
    };
    Ok(record)
}

fn article_of(record: &Map<String, Value>, fill: &Meta, source: &str) -> Result<Article> {
    let own = Meta {
        outlet: string(record, &["outlet", "source", "publication"])?,
        date: date(record)?,
        title: string(record, &["title", "headline"])?,
        url: string(record, &["url", "link"])?,
        author: string(record, &["author", "byline"])?,
        ..Meta::default()
    };
    if let Some(text) = string(record, &["text"])? {
        return Ok(Article::new(text.replace("\r\n", "\n"), own, fill, source));
    }
    if let Some(page) = string(record, &["html"])? {
        let (page_meta, text, captions) = html::parse(page.as_bytes(), source)?;
        let mut article = Article::new(text, own.or(&page_meta), fill, source);
        article.captions = captions;
        return Ok(article);
    }
    bail!("no \"text\" or \"html\" field; each line needs the article in one of them")
}

/// The first of `keys` present as a non-blank string. Present but of
/// another type is an error: a number where the text should be is a broken
/// export, not an article.
fn string(record: &Map<String, Value>, keys: &[&str]) -> Result<Option<String>> {
    for key in keys {
        match record.get(*key) {
            None | Some(Value::Null) => continue,
            Some(Value::String(s)) if s.trim().is_empty() => continue,
            Some(Value::String(s)) => return Ok(Some(s.trim().to_string())),
            Some(_) => bail!("the \"{key}\" field should be a string"),
        }
    }
    Ok(None)
}

/// The date, also when an export wrote it as a number (20150918): kept as
/// written so the date parser can report it rather than the line failing.
fn date(record: &Map<String, Value>) -> Result<Option<String>> {
    match record.get("date").or_else(|| record.get("published")) {
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        _ => string(record, &["date", "published"]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_each_become_an_article_or_an_error() {
        let input = concat!(
            r#"{"text": "One.", "outlet": "A", "date": "2015-09-18", "title": "T", "url": "u", "author": "W"}"#,
            "\n\n",
            r#"{"text": 5}"#,
            "\n",
            "not json\n",
            r#"{"html": "<html><head><meta property='og:site_name' content='Page Outlet'></head><body><article><p>Two &amp; more words in a paragraph that is long enough to be the article body of this page, which readability wants, and a second sentence so that it reads like a short news item.</p></article></body></html>", "outlet": "Line Outlet"}"#,
            "\n",
            r#"{"title": "no body"}"#,
        );
        let results = parse(input.as_bytes(), &Meta::default(), "f.jsonl");
        assert_eq!(results.len(), 5);
        let first = results[0].as_ref().unwrap();
        assert_eq!(first.source, "f.jsonl:1");
        assert_eq!(first.outlet.as_deref(), Some("A"));
        assert_eq!(first.author.as_deref(), Some("W"));
        assert!(first.published.is_some());
        let err = |i: usize| format!("{:#}", results[i].as_ref().unwrap_err());
        assert!(
            err(1).contains("line 3") && err(1).contains("\"text\""),
            "{}",
            err(1)
        );
        assert!(
            err(2).contains("line 4") && err(2).contains("JSON"),
            "{}",
            err(2)
        );
        let page = results[3].as_ref().unwrap();
        assert_eq!(page.outlet.as_deref(), Some("Line Outlet"));
        assert!(page.text.contains("Two & more"), "{}", page.text);
        assert!(err(4).contains("\"html\""), "{}", err(4));
    }
}
