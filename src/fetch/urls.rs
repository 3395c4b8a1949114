//! Lists of URLs: one per line, or a CSV (a spreadsheet's export) with a
//! `url` column.

use anyhow::{Context, Result, bail};

/// A line of a list with no URL to fetch: (`FILE:LINE`, why).
pub type Unusable = (String, String);

/// The URLs of a list, in order, and the lines that held no usable URL,
/// each as (`FILE:LINE`, why). `name` names the list in those.
pub fn read_list(text: &str, name: &str) -> Result<(Vec<String>, Vec<Unusable>)> {
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .unwrap_or("");
    let is_csv_header = !looks_like_url(first)
        && first.contains(',')
        && first
            .split(',')
            .any(|c| c.trim().trim_matches('"').eq_ignore_ascii_case("url"));
    let mut urls = Vec::new();
    let mut bad = Vec::new();
    let mut take = |line: u64, value: &str| {
        let value = value.trim();
        if value.is_empty() || value.starts_with('#') {
            return;
        }
        match check_url(value) {
            Ok(url) => urls.push(url),
            Err(err) => bad.push((format!("{name}:{line}"), format!("{err:#}"))),
        }
    };
    if is_csv_header {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .with_context(|| format!("{name}: cannot read the CSV header"))?
            .clone();
        let Some(column) = headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case("url"))
        else {
            bail!("{name}: the CSV has no `url` column");
        };
        for record in reader.records() {
            let record = record.with_context(|| format!("{name}: broken CSV"))?;
            let line = record.position().map_or(0, |p| p.line());
            take(line, record.get(column).unwrap_or(""));
        }
    } else {
        for (i, line) in text.lines().enumerate() {
            take(i as u64 + 1, line);
        }
    }
    Ok((urls, bad))
}

/// Does this argument name a web page rather than a file?
pub fn looks_like_url(s: &str) -> bool {
    let lower = s.trim_start().get(..8).unwrap_or("").to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// An http(s) URL, as the `url` crate writes it (host lower case, path
/// escaped), with its fragment dropped: `#comments` is the same page.
pub fn check_url(s: &str) -> Result<String> {
    let mut url = url::Url::parse(s.trim()).map_err(|e| anyhow::anyhow!("not a URL ({e})"))?;
    if !matches!(url.scheme(), "http" | "https") {
        bail!(
            "only http and https URLs can be fetched, not {}:",
            url.scheme()
        );
    }
    if url.host_str().is_none_or(str::is_empty) {
        bail!("the URL has no host");
    }
    url.set_fragment(None);
    Ok(url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_comments() {
        let (urls, bad) = read_list(
            "# my list\nhttps://a.example/1\n\n  http://B.example/2#top \nftp://c.example/\nnot a url\n",
            "list.txt",
        )
        .unwrap();
        assert_eq!(urls, ["https://a.example/1", "http://b.example/2"]);
        assert_eq!(bad.len(), 2);
        assert_eq!(bad[0].0, "list.txt:5");
        assert!(bad[1].1.contains("not a URL"), "{bad:?}");
    }

    #[test]
    fn csv_with_a_url_column() {
        let (urls, bad) = read_list(
            "outlet,URL,note\nA,https://a.example/1,\"first, with a comma\"\nB,,empty\nC,https://c.example/3,x\n",
            "sheet.csv",
        )
        .unwrap();
        assert_eq!(urls, ["https://a.example/1", "https://c.example/3"]);
        assert!(bad.is_empty(), "{bad:?}");
        assert!(read_list("a,b\n1,2\n", "x.csv").unwrap().0.is_empty());
    }

    #[test]
    fn urls_are_told_from_paths() {
        assert!(looks_like_url("https://a.example"));
        assert!(looks_like_url("HTTP://a.example"));
        assert!(!looks_like_url("articles/http.html"));
        assert!(!looks_like_url("-"));
    }
}
