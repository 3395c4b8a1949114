//! Articles from where they live: web pages by URL, lists of URLs, and RSS
//! or Atom feeds.
//!
//! [`Fetcher`] is one polite client (robots.txt, a per-host rate limit,
//! timeouts, a size limit, retries); [`fetch_all`] runs it over many URLs
//! on a few threads, hosts interleaved so that one slow or rate-limited
//! host does not hold up the rest. [`page_article`] turns a fetched page
//! into an [`Article`] through the same HTML reader files go through, so
//! extraction is the same whichever way a page arrives.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Mutex;

use anyhow::Result;

use crate::article::{self, Article, DateSource, Format, Meta};

pub mod client;
pub mod feed;
pub mod robots;
pub mod urls;

pub use client::{Fetcher, Options, Page};

/// Fetch every URL, calling `each` on the calling thread with each result
/// as it arrives (not in input order). Duplicates are fetched once. When
/// `each` returns false, URLs not yet started are dropped and the call
/// returns once the pages under way are done.
pub fn fetch_all(
    fetcher: &Fetcher,
    urls: &[String],
    mut each: impl FnMut(&str, Result<Page>) -> bool,
) {
    let queue = Mutex::new(interleave_hosts(urls));
    let threads = fetcher
        .options()
        .threads
        .clamp(1, 64)
        .min(urls.len().max(1));
    std::thread::scope(|scope| {
        // Bounded: pages wait here while the caller stores earlier ones,
        // and memory stays at a few pages per thread.
        let (send, results) = std::sync::mpsc::sync_channel(threads * 2);
        for _ in 0..threads {
            let send = send.clone();
            let queue = &queue;
            scope.spawn(move || {
                loop {
                    let next = queue.lock().unwrap_or_else(|p| p.into_inner()).pop_front();
                    let Some(url) = next else { break };
                    let result = fetcher.get(&url);
                    if send.send((url, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(send);
        let mut wanted = true;
        for (url, result) in results {
            if wanted && !each(&url, result) {
                wanted = false;
                queue.lock().unwrap_or_else(|p| p.into_inner()).clear();
            }
        }
    });
}

/// URLs reordered so that consecutive ones are on different hosts where
/// possible (round robin over hosts, each host's own order kept), with
/// duplicates dropped: threads taking them in turn then work on different
/// hosts instead of queueing behind one host's rate limit.
pub fn interleave_hosts(urls: &[String]) -> VecDeque<String> {
    let mut seen = HashSet::new();
    let mut hosts: Vec<VecDeque<String>> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for url in urls {
        if !seen.insert(url.as_str()) {
            continue;
        }
        let host = url::Url::parse(url)
            .ok()
            .and_then(|u| client::host_key(&u))
            .unwrap_or_default();
        let i = *index.entry(host).or_insert_with(|| {
            hosts.push(VecDeque::new());
            hosts.len() - 1
        });
        hosts[i].push_back(url.clone());
    }
    let mut out = VecDeque::with_capacity(seen.len());
    while hosts.iter().any(|h| !h.is_empty()) {
        for host in &mut hosts {
            if let Some(url) = host.pop_front() {
                out.push_back(url);
            }
        }
    }
    out
}

/// A fetched page as an article: read by the HTML reader (or the text
/// reader for `text/plain`), `fill` supplying what the page lacks (a feed
/// item's date and title). `url` is the address asked for;
/// `canonical_url` the one the page names as its own (made absolute), or
/// else where redirects ended, when either differs. The source is the URL.
pub fn page_article(page: &Page, fill: &Meta) -> article::Read {
    if !page.is_article_type() {
        let mime = page.mime_type.as_deref().unwrap_or("");
        return article::Read {
            articles: vec![Err(anyhow::anyhow!(
                "not a web page (content type {mime}); quotetrack reads HTML and plain text"
            ))],
            warnings: Vec::new(),
        };
    }
    let format = match page.mime_type.as_deref() {
        Some("text/plain") => Format::Text,
        _ => Format::Html,
    };
    let mut fill = Meta {
        url: Some(page.requested.clone()),
        ..fill.clone()
    };
    // The address redirects ended at may carry the date the asked one
    // lacks.
    if let Some(date) = article::date::date_in_url(&page.final_url) {
        fill.more_dates
            .push((DateSource::Url, date.format("%Y-%m-%d").to_string()));
    }
    let bytes = page.html_bytes();
    let mut read = article::read(&bytes, format, &fill, &page.requested);
    for article in read.articles.iter_mut().flatten() {
        let named = article
            .url
            .as_deref()
            .filter(|u| *u != page.requested)
            .and_then(|u| absolute(&page.final_url, u));
        article.canonical_url = named
            .or_else(|| Some(page.final_url.clone()))
            .filter(|c| *c != page.requested);
        article.url = Some(page.requested.clone());
    }
    read
}

/// `href` made absolute against `base`, when it is an http(s) address.
fn absolute(base: &str, href: &str) -> Option<String> {
    let base = url::Url::parse(base).ok()?;
    let url = base.join(href.trim()).ok()?;
    urls::check_url(url.as_str()).ok()
}

/// The page's article, or why there is none; for callers that want one.
pub fn page_to_article(page: &Page, fill: &Meta) -> Result<Article> {
    page_article(page, fill)
        .articles
        .into_iter()
        .next()
        .unwrap_or_else(|| Err(anyhow::anyhow!("no article in the page")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_take_turns_and_duplicates_go() {
        let urls: Vec<String> = [
            "http://a.example/1",
            "http://a.example/2",
            "http://a.example/1",
            "http://b.example/1",
            "http://a.example/3",
            "http://c.example:8080/1",
        ]
        .map(String::from)
        .to_vec();
        let order: Vec<String> = interleave_hosts(&urls).into_iter().collect();
        assert_eq!(
            order,
            [
                "http://a.example/1",
                "http://b.example/1",
                "http://c.example:8080/1",
                "http://a.example/2",
                "http://a.example/3",
            ]
        );
    }

    #[test]
    fn canonical_urls_are_made_absolute() {
        let body = br#"<html><head><link rel="canonical" href="/2016/03/04/harbour"><title>Harbour</title></head>
            <body><article><p>The harbour wall will be rebuilt in the spring, the council said on Friday after a long and bitter dispute.</p>
            <p>"It is the right decision for the town and for the boats," said Councillor Edith Marlow, who chairs the committee.</p></article></body></html>"#;
        let page = Page {
            requested: "http://news.example/harbour?utm=1".into(),
            final_url: "http://news.example/harbour".into(),
            status: 200,
            mime_type: Some("text/html".into()),
            charset: None,
            body: body.to_vec(),
        };
        let article = page_to_article(&page, &Meta::default()).unwrap();
        assert_eq!(
            article.url.as_deref(),
            Some("http://news.example/harbour?utm=1")
        );
        assert_eq!(
            article.canonical_url.as_deref(),
            Some("http://news.example/2016/03/04/harbour")
        );
        assert_eq!(article.source, "http://news.example/harbour?utm=1");
        let png = Page {
            mime_type: Some("image/png".into()),
            ..page
        };
        let err = page_to_article(&png, &Meta::default()).unwrap_err();
        assert!(err.to_string().contains("image/png"), "{err}");
    }
}
