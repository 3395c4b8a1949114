//! One polite HTTP client shared by every fetching thread: timeouts, a size
//! limit, redirects followed by hand (so loops are named and each hop's
//! robots.txt is asked), robots.txt fetched once per host, a per-host
//! rate limit, and retries with backoff on 429 and 5xx.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use anyhow::{Result, anyhow, bail};
use url::Url;

use super::robots::Robots;

/// How to fetch. [`Options::default`] gives the defaults `ingest` documents.
#[derive(Debug, Clone)]
pub struct Options {
    /// The whole of one request, body included.
    pub timeout: Duration,
    /// Connecting (DNS, TCP and TLS).
    pub connect_timeout: Duration,
    /// The longest wait for the next bytes of a response: a server that
    /// stalls is given up on after this.
    pub read_timeout: Duration,
    /// Bodies larger than this (after decompression) are refused.
    pub max_bytes: u64,
    /// Redirects followed before giving up.
    pub max_redirects: usize,
    /// The least time between two requests to one host.
    pub host_delay: Duration,
    /// Further attempts after a 429, a 5xx or a failed connection.
    pub retries: u32,
    /// The longest wait before a retry, whatever `Retry-After` asks.
    pub max_retry_wait: Duration,
    /// Hosts fetched at once.
    pub threads: usize,
    /// The User-Agent header; its first word is the robots.txt token.
    pub user_agent: String,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            timeout: Duration::from_secs(30),
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(15),
            max_bytes: 20 * 1024 * 1024,
            max_redirects: 10,
            host_delay: Duration::from_secs(1),
            retries: 3,
            max_retry_wait: Duration::from_secs(60),
            threads: 4,
            user_agent: user_agent(),
        }
    }
}

/// `quotetrack/0.1.0 (+https://github.com/...)`-style: names the program
/// and its version.
pub fn user_agent() -> String {
    format!(
        "quotetrack/{} (quote extraction for news research; honours robots.txt)",
        env!("CARGO_PKG_VERSION")
    )
}

/// A response that was worth reading: status 2xx, body within the limit.
#[derive(Debug, Clone)]
pub struct Page {
    /// The address asked for.
    pub requested: String,
    /// Where the redirects (if any) ended.
    pub final_url: String,
    pub status: u16,
    /// `text/html`, from the Content-Type header, lower case.
    pub mime_type: Option<String>,
    /// The charset the Content-Type header names, if any.
    pub charset: Option<String>,
    /// The body, decompressed.
    pub body: Vec<u8>,
}

impl Page {
    /// Is this something quotetrack can read as an article: HTML, XHTML,
    /// plain text, or no type given?
    pub fn is_article_type(&self) -> bool {
        self.mime_type.as_deref().is_none_or(|m| {
            matches!(
                m,
                "text/html"
                    | "application/xhtml+xml"
                    | "text/plain"
                    | "application/xml"
                    | "text/xml"
            )
        })
    }

    /// The body ready for the HTML reader, which takes a byte-order mark,
    /// else valid UTF-8, else the page's `<meta charset>`, else
    /// Windows-1252: a body in neither of the first two, with no `<meta>`
    /// charset, is decoded here by the header's charset instead. A header
    /// that contradicts the page loses to valid UTF-8 and to `<meta>`,
    /// since servers are misconfigured far more often than pages.
    pub fn html_bytes(&self) -> std::borrow::Cow<'_, [u8]> {
        let body = self.body.as_slice();
        if encoding_rs::Encoding::for_bom(body).is_some()
            || std::str::from_utf8(body).is_ok()
            || declares_charset(body)
        {
            return body.into();
        }
        match self
            .charset
            .as_deref()
            .and_then(|c| encoding_rs::Encoding::for_label(c.trim().as_bytes()))
        {
            Some(encoding) => encoding
                .decode_without_bom_handling(body)
                .0
                .into_owned()
                .into_bytes()
                .into(),
            None => body.into(),
        }
    }
}

/// Does the head of the page declare its charset (`<meta charset=...>` or
/// the http-equiv form)?
fn declares_charset(body: &[u8]) -> bool {
    let head = &body[..body.len().min(4096)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    head.find("<meta")
        .is_some_and(|i| head[i..].contains("charset="))
}

/// One origin's robots.txt, read by the first thread that needs it while
/// the others wait; the error says why nothing there may be fetched.
type RobotsCell = Arc<OnceLock<Result<Robots, String>>>;

/// The client. Share one between threads: robots.txt and the per-host
/// clock live in it.
pub struct Fetcher {
    agent: ureq::Agent,
    robots_agent: ureq::Agent,
    options: Options,
    /// robots.txt per origin (`https://host:port`), fetched once.
    robots: Mutex<HashMap<String, RobotsCell>>,
    /// Per host: the earliest time the next request may start, and the
    /// delay between requests (the host's Crawl-delay when longer).
    clock: Mutex<HashMap<String, (Instant, Duration)>>,
}

impl Fetcher {
    pub fn new(options: Options) -> Fetcher {
        let build = |redirects: u32| -> ureq::Agent {
            ureq::Agent::config_builder()
                .http_status_as_error(false)
                .max_redirects(redirects)
                .max_redirects_will_error(true)
                .user_agent(options.user_agent.as_str())
                .timeout_global(Some(options.timeout))
                .timeout_connect(Some(options.connect_timeout))
                .timeout_per_read(Some(options.read_timeout))
                .build()
                .into()
        };
        Fetcher {
            agent: build(0),
            robots_agent: build(5),
            robots: Mutex::new(HashMap::new()),
            clock: Mutex::new(HashMap::new()),
            options,
        }
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Fetch one page: robots.txt asked, redirects followed, 429 and 5xx
    /// retried. The error says why in words, with the HTTP status when
    /// there was one (`HTTP 404 Not Found`).
    pub fn get(&self, requested: &str) -> Result<Page> {
        let mut url = Url::parse(requested).map_err(|e| anyhow!("not a URL ({e})"))?;
        let mut seen = HashSet::new();
        let mut chain = vec![url.to_string()];
        loop {
            seen.insert(url.to_string());
            self.check_robots(&url)?;
            let response = self.get_with_retries(&url)?;
            let status = response.status().as_u16();
            if (300..400).contains(&status) && status != 304 {
                let location = response
                    .headers()
                    .get("location")
                    .and_then(|v| v.to_str().ok())
                    .ok_or_else(|| anyhow!("HTTP {status} redirect with no Location"))?;
                let next = url.join(location.trim()).map_err(|e| {
                    anyhow!("HTTP {status} redirect to a bad address {location:?} ({e})")
                })?;
                if !matches!(next.scheme(), "http" | "https") {
                    bail!("redirected to a {} address, not the web", next.scheme());
                }
                chain.push(next.to_string());
                if seen.contains(next.as_str()) {
                    bail!("redirect loop: {}", chain.join(" -> "));
                }
                if chain.len() > self.options.max_redirects + 1 {
                    bail!(
                        "more than {} redirects: {} -> ...",
                        self.options.max_redirects,
                        chain[..3].join(" -> ")
                    );
                }
                url = next;
                continue;
            }
            if !(200..300).contains(&status) {
                bail!("{}", status_text(status));
            }
            return self.read_page(requested, &url, response);
        }
    }

    /// One request, retried on 429, 5xx and failed connections, each retry
    /// after `Retry-After` (capped) or an exponential backoff.
    fn get_with_retries(&self, url: &Url) -> Result<ureq::http::Response<ureq::Body>> {
        let mut attempt = 0;
        loop {
            self.wait_turn(url);
            let result = self.agent.get(url.as_str()).call();
            let retry_after = match &result {
                Ok(r) if matches!(r.status().as_u16(), 429 | 500 | 502 | 503 | 504) => {
                    Some(retry_after(r.headers()))
                }
                Err(ureq::Error::ConnectionFailed | ureq::Error::Io(_)) => Some(None),
                _ => None,
            };
            let Some(asked) = retry_after else {
                return result.map_err(describe);
            };
            if attempt >= self.options.retries {
                return match result {
                    Ok(r) => Err(anyhow!(
                        "{} (after {} {})",
                        status_text(r.status().as_u16()),
                        attempt + 1,
                        if attempt == 0 { "try" } else { "tries" }
                    )),
                    Err(e) => Err(describe(e)),
                };
            }
            let backoff = self.options.host_delay.max(Duration::from_secs(1)) * 2u32.pow(attempt);
            let wait = asked.unwrap_or(backoff).min(self.options.max_retry_wait);
            drop(result);
            std::thread::sleep(wait);
            attempt += 1;
        }
    }

    fn read_page(
        &self,
        requested: &str,
        url: &Url,
        mut response: ureq::http::Response<ureq::Body>,
    ) -> Result<Page> {
        let status = response.status().as_u16();
        let limit = self.options.max_bytes;
        let too_big = || {
            anyhow!(
                "larger than the size limit of {} (--max-size)",
                megabytes(limit)
            )
        };
        if response.body().content_length().is_some_and(|n| n > limit) {
            return Err(too_big());
        }
        let mime_type = response.body().mime_type().map(str::to_ascii_lowercase);
        let charset = response.body().charset().map(str::to_string);
        let body = match response.body_mut().with_config().limit(limit).read_to_vec() {
            Ok(body) => body,
            Err(ureq::Error::BodyExceedsLimit(_)) => return Err(too_big()),
            Err(e) => return Err(describe(e).context("the response broke off")),
        };
        Ok(Page {
            requested: requested.to_string(),
            final_url: url.to_string(),
            status,
            mime_type,
            charset,
            body,
        })
    }

    /// Refuse what the host's robots.txt disallows us.
    fn check_robots(&self, url: &Url) -> Result<()> {
        let origin = url.origin().ascii_serialization();
        let cell = {
            let mut cache = self.robots.lock().unwrap_or_else(|p| p.into_inner());
            cache.entry(origin.clone()).or_default().clone()
        };
        let robots = cell.get_or_init(|| self.fetch_robots(url, &origin));
        let robots = match robots {
            Ok(robots) => robots,
            Err(why) => bail!("{why}"),
        };
        let mut path = url.path().to_string();
        if let Some(query) = url.query() {
            path.push('?');
            path.push_str(query);
        }
        if !robots.allowed(&path) {
            bail!("robots.txt of {origin} disallows it");
        }
        Ok(())
    }

    fn fetch_robots(&self, url: &Url, origin: &str) -> Result<Robots, String> {
        let robots_url = format!("{origin}/robots.txt");
        self.wait_turn(url);
        let asked = Instant::now();
        let unreadable = |why: String| {
            format!("robots.txt of {origin} could not be read ({why}), so nothing there is fetched")
        };
        let mut response = match self.robots_agent.get(&robots_url).call() {
            Ok(r) => r,
            Err(e) => return Err(unreadable(format!("{:#}", describe(e)))),
        };
        let status = response.status().as_u16();
        let robots = match status {
            200..=299 => {
                let body = response
                    .body_mut()
                    .with_config()
                    .limit(512 * 1024)
                    .read_to_vec()
                    .map_err(|e| unreadable(format!("{:#}", describe(e))))?;
                let token = self
                    .options
                    .user_agent
                    .split(['/', ' '])
                    .next()
                    .unwrap_or("quotetrack");
                Robots::parse(&String::from_utf8_lossy(&body), token)
            }
            // RFC 9309: "unavailable" (4xx) allows everything,
            // "unreachable" (5xx) allows nothing.
            400..=499 => Robots::allow_all(),
            _ => return Err(unreadable(status_text(status))),
        };
        if let Some(delay) = robots.crawl_delay
            && let Some(host) = host_key(url)
        {
            let mut clock = self.clock.lock().unwrap_or_else(|p| p.into_inner());
            let entry = clock
                .entry(host)
                .or_insert((Instant::now(), self.options.host_delay));
            entry.1 = entry.1.max(delay);
            // The next request waits the Crawl-delay after this one.
            entry.0 = entry.0.max(asked + entry.1);
        }
        Ok(robots)
    }

    /// Wait until this host may be asked again, and book the next slot.
    fn wait_turn(&self, url: &Url) {
        let Some(host) = host_key(url) else { return };
        let wait = {
            let mut clock = self.clock.lock().unwrap_or_else(|p| p.into_inner());
            let now = Instant::now();
            let (next, delay) = clock.entry(host).or_insert((now, self.options.host_delay));
            let start = (*next).max(now);
            *next = start + *delay;
            start - now
        };
        if !wait.is_zero() {
            std::thread::sleep(wait);
        }
    }
}

/// The host (with its port) whose rate is limited.
pub fn host_key(url: &Url) -> Option<String> {
    Some(format!(
        "{}:{}",
        url.host_str()?.to_ascii_lowercase(),
        url.port_or_known_default().unwrap_or(0)
    ))
}

/// `Retry-After` as seconds or an HTTP date.
fn retry_after(headers: &ureq::http::HeaderMap) -> Option<Duration> {
    let value = headers.get("retry-after")?.to_str().ok()?.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let secs = (when.timestamp() - chrono::Utc::now().timestamp()).max(0);
    Some(Duration::from_secs(secs as u64))
}

/// `HTTP 404 Not Found`.
pub fn status_text(status: u16) -> String {
    let reason = ureq::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason());
    match reason {
        Some(reason) => format!("HTTP {status} {reason}"),
        None => format!("HTTP {status}"),
    }
}

fn megabytes(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{} MB", bytes / (1024 * 1024))
    } else {
        format!("{bytes} bytes")
    }
}

/// ureq's errors in the words of the summary.
fn describe(err: ureq::Error) -> anyhow::Error {
    match err {
        ureq::Error::Timeout(which) => anyhow!("timed out ({which})"),
        ureq::Error::HostNotFound => anyhow!("host not found"),
        ureq::Error::ConnectionFailed => anyhow!("could not connect"),
        ureq::Error::TooManyRedirects => anyhow!("too many redirects"),
        ureq::Error::Io(e) => anyhow!("network error: {e}"),
        other => anyhow!("{other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &[u8], charset: Option<&str>) -> Page {
        Page {
            requested: "http://x.example/".into(),
            final_url: "http://x.example/".into(),
            status: 200,
            mime_type: Some("text/html".into()),
            charset: charset.map(str::to_string),
            body: body.to_vec(),
        }
    }

    #[test]
    fn charset_from_header_only_when_the_page_says_nothing() {
        // Latin-1 bytes, the header right, no <meta>: decoded by the header.
        let p = page(b"<p>Jos\xe9</p>", Some("iso-8859-1"));
        assert_eq!(&*p.html_bytes(), "<p>José</p>".as_bytes());
        // A <meta> charset is left for the HTML reader to honour.
        let p = page(
            b"<meta charset=\"iso-8859-1\"><p>Jos\xe9</p>",
            Some("utf-8"),
        );
        assert_eq!(&*p.html_bytes(), p.body.as_slice());
        // Valid UTF-8 is UTF-8 whatever the header says.
        let p = page("<p>José</p>".as_bytes(), Some("iso-8859-1"));
        assert_eq!(&*p.html_bytes(), "<p>José</p>".as_bytes());
    }

    #[test]
    fn user_agent_names_us_and_our_version() {
        assert!(user_agent().starts_with(&format!("quotetrack/{}", env!("CARGO_PKG_VERSION"))));
    }

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        let mut headers = ureq::http::HeaderMap::new();
        assert_eq!(retry_after(&headers), None);
        headers.insert("retry-after", "7".parse().unwrap());
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(7)));
        headers.insert(
            "retry-after",
            "Wed, 21 Oct 2015 07:28:00 GMT".parse().unwrap(),
        );
        assert_eq!(
            retry_after(&headers),
            Some(Duration::ZERO),
            "a date gone by"
        );
        let soon = (chrono::Utc::now() + chrono::Duration::seconds(90)).to_rfc2822();
        headers.insert("retry-after", soon.parse().unwrap());
        let wait = retry_after(&headers).unwrap();
        assert!((85..=90).contains(&wait.as_secs()), "{wait:?}");
        headers.insert("retry-after", "soon".parse().unwrap());
        assert_eq!(retry_after(&headers), None);
    }

    #[test]
    fn statuses_in_words() {
        assert_eq!(status_text(404), "HTTP 404 Not Found");
        assert_eq!(status_text(599), "HTTP 599");
    }
}
