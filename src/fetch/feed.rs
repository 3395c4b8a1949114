//! RSS and Atom feeds (read by feed-rs): the articles they link to, with
//! the item's date and title for pages that give none.

use anyhow::{Result, anyhow};

use super::urls::check_url;

/// One feed item worth fetching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The article's address, absolute.
    pub link: String,
    /// The item's publication date (else its updated date), RFC 3339, UTC.
    pub date: Option<String>,
    pub title: Option<String>,
}

/// The items of an RSS or Atom document, in the feed's order. `base` (the
/// feed's own address) resolves relative links. Items with no usable link
/// are counted in the second value.
pub fn parse(bytes: &[u8], base: Option<&str>) -> Result<(Vec<Item>, usize)> {
    let feed = feed_rs::parser::Builder::new()
        .base_uri(base)
        .build()
        .parse(bytes)
        .map_err(|e| anyhow!("not an RSS or Atom feed ({e})"))?;
    let base = base.and_then(|b| url::Url::parse(b).ok());
    let mut items = Vec::new();
    let mut unusable = 0;
    for entry in feed.entries {
        let link = entry
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(entry.links.first())
            .map(|l| l.href.trim().to_string())
            // RSS items often carry the link as their guid only.
            .or_else(|| Some(entry.id.clone()).filter(|id| id.contains("://")));
        let link = link.and_then(|href| {
            let absolute = match &base {
                Some(base) => base.join(&href).ok()?.to_string(),
                None => href,
            };
            check_url(&absolute).ok()
        });
        let Some(link) = link else {
            unusable += 1;
            continue;
        };
        items.push(Item {
            link,
            date: entry.published.or(entry.updated).map(|d| d.to_rfc3339()),
            title: entry
                .title
                .map(|t| t.content.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|t| !t.is_empty()),
        });
    }
    Ok((items, unusable))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>Skerrin Times</title>
            <item><title>Ferry  returns</title><link>https://skerrin.example/ferry</link>
            <pubDate>Tue, 19 Sep 2023 08:00:00 +0000</pubDate></item>
            <item><title>No link</title></item>
            <item><title>Relative</title><link>/harbour</link></item>
            </channel></rss>"#;
        let (items, unusable) = parse(rss, Some("https://skerrin.example/feed.xml")).unwrap();
        assert_eq!(unusable, 1);
        assert_eq!(items[0].link, "https://skerrin.example/ferry");
        assert_eq!(items[0].title.as_deref(), Some("Ferry returns"));
        assert!(items[0].date.as_deref().unwrap().starts_with("2023-09-19"));
        assert_eq!(items[1].link, "https://skerrin.example/harbour");
        assert_eq!(items[1].date, None);
    }

    #[test]
    fn atom_entries() {
        let atom = br#"<?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Courier</title><id>urn:x</id><updated>2024-03-05T10:00:00Z</updated>
            <entry><title>Budget vote</title><id>urn:1</id><updated>2024-03-06T10:00:00Z</updated>
              <published>2024-03-05T10:00:00Z</published>
              <link rel="alternate" href="https://courier.example/budget"/></entry>
            </feed>"#;
        let (items, _) = parse(atom, None).unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].link, "https://courier.example/budget");
        assert!(items[0].date.as_deref().unwrap().starts_with("2024-03-05"));
    }

    #[test]
    fn not_a_feed() {
        assert!(parse(b"<html><body>hi</body></html>", None).is_err());
        assert!(parse(b"\x00\x01\x02", None).is_err());
        assert!(parse(b"", None).is_err());
    }
}
