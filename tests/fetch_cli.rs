//! `ingest` of web pages, URL lists and feeds, against an HTTP server each
//! test starts on 127.0.0.1 (an ephemeral port, a few lines of hand-written
//! HTTP/1.1 below): redirects and loops, 404, 500 then 200, a server that
//! stalls, a 50 MB page, a broken gzip body, a charset header that
//! contradicts the page, robots.txt, canonical URLs, re-runs that fetch
//! nothing again, RSS and Atom feeds, placeholder dates, outlets by domain,
//! and 1,000 pages from a list. Nothing leaves 127.0.0.1.
//!
//! The article text is invented for these tests (the fishing town of
//! Brackenmouth and its harbour wall).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use assert_cmd::Command;

mod common;
use common::Scratch;

/// What the server answers to one request.
#[derive(Clone, Default)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
    /// Send the head and this much of the body, then hang.
    stall: bool,
    /// A body of this many bytes, written as it goes, with no
    /// Content-Length (the connection's end ends it).
    endless: Option<usize>,
}

impl Reply {
    fn html(body: &str) -> Reply {
        Reply {
            status: 200,
            headers: vec![("Content-Type".into(), "text/html; charset=utf-8".into())],
            body: body.as_bytes().to_vec(),
            ..Reply::default()
        }
    }

    fn status(status: u16) -> Reply {
        Reply {
            status,
            headers: vec![("Content-Type".into(), "text/plain".into())],
            body: format!("status {status}").into_bytes(),
            ..Reply::default()
        }
    }

    fn redirect(to: &str) -> Reply {
        Reply {
            status: 302,
            headers: vec![("Location".into(), to.into())],
            ..Reply::default()
        }
    }

    fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self.headers.push((name.into(), value.into()));
        self
    }
}

type Handler = dyn Fn(&str, usize) -> Reply + Send + Sync;

/// A local HTTP server. The handler gets the path (with query) and how
/// many times that path was asked for before; every request is logged.
struct Server {
    port: u16,
    hits: Arc<Mutex<HashMap<String, usize>>>,
}

impl Server {
    fn start(handler: impl Fn(&str, usize) -> Reply + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let hits: Arc<Mutex<HashMap<String, usize>>> = Arc::default();
        let handler: Arc<Handler> = Arc::new(handler);
        let log = hits.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let (handler, log) = (handler.clone(), log.clone());
                std::thread::spawn(move || serve(stream, &*handler, &log));
            }
        });
        Server { port, hits }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn hits(&self, path: &str) -> usize {
        self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }
}

fn serve(stream: TcpStream, handler: &Handler, hits: &Mutex<HashMap<String, usize>>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
            break;
        }
    }
    let before = {
        let mut hits = hits.lock().unwrap();
        let n = hits.entry(path.clone()).or_default();
        *n += 1;
        *n - 1
    };
    let reply = handler(&path, before);
    let mut out = stream;
    let reason = match reply.status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Whatever",
    };
    let mut head = format!(
        "HTTP/1.1 {} {reason}\r\nConnection: close\r\n",
        reply.status
    );
    for (name, value) in &reply.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if reply.endless.is_none() {
        head.push_str(&format!("Content-Length: {}\r\n", reply.body.len()));
    }
    head.push_str("\r\n");
    if out.write_all(head.as_bytes()).is_err() {
        return;
    }
    if reply.stall {
        let _ = out.write_all(&reply.body[..reply.body.len() / 2]);
        let _ = out.flush();
        std::thread::sleep(Duration::from_secs(30));
        return;
    }
    if let Some(size) = reply.endless {
        let block = b"<p>The harbour wall story goes on and on. </p>\n".repeat(1000);
        let mut sent = 0;
        while sent < size {
            if out.write_all(&block).is_err() {
                return;
            }
            sent += block.len();
        }
        return;
    }
    let _ = out.write_all(&reply.body);
}

/// A news page in the invented town's paper. `head` goes in `<head>`.
fn page(title: &str, speaker: &str, n: usize, head: &str) -> String {
    format!(
        r#"<!doctype html><html><head><title>{title}</title>{head}</head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>
<p>Councillors in the fishing town of Brackenmouth voted {n} times on Thursday before agreeing to rebuild the old harbour wall, ending a dispute that had run for three winters.</p>
<p>"We have waited long enough, and the sea has not waited for us," said {speaker}, who chairs the harbour committee.</p>
<p>The work is due to begin in the spring and will cost the town about {n} thousand pounds, officials said. Boat owners have been asked to move their moorings to the north quay.</p>
<p>"The wall kept my grandfather's boats safe, and it will keep my children's," said Morag Tulloch, a fisherman who has worked from the harbour for forty years.</p>
</article><footer>Brackenmouth Herald</footer></body></html>"#
    )
}

impl Scratch {
    /// `quotetrack --db DB ingest --host-delay 0 ARGS`: fast, short
    /// timeouts.
    fn ingest(&self, args: &[&str]) -> (bool, String) {
        let out = Command::cargo_bin("quotetrack")
            .unwrap()
            .env_remove("QUOTETRACK_DB")
            .env_remove("QUOTETRACK_OUTLETS")
            .arg("--db")
            .arg(self.db())
            .args([
                "ingest",
                "--host-delay",
                "0",
                "--timeout",
                "5",
                "--stall-timeout",
                "1",
            ])
            .args(args)
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap();
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        (out.status.success(), text)
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::cargo_bin("quotetrack")
            .unwrap()
            .env_remove("QUOTETRACK_DB")
            .arg("--db")
            .arg(self.db())
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// (url, canonical_url, published, date_source, outlet) of the article
    /// asked for at `url`.
    fn article(&self, url: &str) -> [Option<String>; 5] {
        self.conn()
            .query_row(
                "SELECT a.url, a.canonical_url, a.published, a.date_source, o.name
                 FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.url = ?1",
                [url],
                |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?]),
            )
            .unwrap_or_else(|e| panic!("no article from {url}: {e}"))
    }
}

fn some(s: &str) -> Option<String> {
    Some(s.to_string())
}

#[test]
fn redirect_chains_are_followed_and_loops_named() {
    let server = Server::start(|path, _| match path {
        "/old" => Reply::redirect("/older"),
        "/older" => Reply::redirect("/2016/03/04/harbour"),
        "/2016/03/04/harbour" => Reply::html(&page(
            "Harbour wall to be rebuilt",
            "Councillor Edith Marlow",
            3,
            "",
        )),
        "/loop-a" => Reply::redirect("/loop-b"),
        "/loop-b" => Reply::redirect("/loop-a"),
        "/far" => Reply::redirect("/far1"),
        p if p.starts_with("/far") => {
            let n: usize = p[4..].parse().unwrap_or(0);
            Reply::redirect(&format!("/far{}", n + 1))
        }
        _ => Reply::status(404),
    });
    let s = Scratch::new();
    let (ok, out) = s.ingest(&[
        &server.url("/old"),
        &server.url("/loop-a"),
        &server.url("/far"),
        "--max-redirects",
        "5",
    ]);
    assert!(!ok, "a failure makes the exit status non-zero\n{out}");
    assert!(out.contains("Stored 1 new article"), "{out}");
    assert!(out.contains("redirect loop:"), "{out}");
    assert!(out.contains("/loop-a -> "), "{out}");
    assert!(out.contains("more than 5 redirects"), "{out}");
    // Asked for /old, landed on the dated page: both kept, the date read
    // from the address it ended at.
    let [url, canonical, published, source, _] = s.article(&server.url("/old"));
    assert_eq!(url, some(&server.url("/old")));
    assert_eq!(canonical, some(&server.url("/2016/03/04/harbour")));
    assert_eq!((published, source), (some("2016-03-04"), some("url")));
}

#[test]
fn errors_are_reported_and_5xx_retried() {
    let server = Server::start(|path, before| match path {
        "/missing" => Reply::status(404),
        "/flaky" if before == 0 => Reply::status(500).header("Retry-After", "0"),
        "/flaky" => Reply::html(&page("Wall vote passes", "Councillor Edith Marlow", 4, "")),
        "/busy" => Reply::status(503).header("Retry-After", "0"),
        "/slow-down" if before == 0 => Reply::status(429).header("Retry-After", "1"),
        "/slow-down" => Reply::html(&page(
            "Quay moorings moved",
            "Harbourmaster Ian Rendall",
            5,
            "",
        )),
        _ => Reply::status(404),
    });
    let s = Scratch::new();
    let started = Instant::now();
    let (ok, out) = s.ingest(&[
        &server.url("/missing"),
        &server.url("/flaky"),
        &server.url("/busy"),
        &server.url("/slow-down"),
        "--retries",
        "2",
    ]);
    assert!(!ok, "{out}");
    assert!(out.contains("Stored 2 new articles"), "{out}");
    assert!(out.contains("/missing: HTTP 404 Not Found"), "{out}");
    assert!(
        out.contains("/busy: HTTP 503 Service Unavailable (after 3 tries)"),
        "{out}"
    );
    assert_eq!(server.hits("/flaky"), 2);
    assert_eq!(server.hits("/busy"), 3);
    assert_eq!(server.hits("/missing"), 1, "a 404 is not retried");
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "Retry-After: 1 was honoured"
    );
}

#[test]
fn stalls_huge_pages_and_broken_bodies_are_skipped_with_a_reason() {
    let good = page(
        "Harbour wall to be rebuilt",
        "Councillor Edith Marlow",
        6,
        "",
    );
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(good.as_bytes()).unwrap();
    let gzipped = gz.finish().unwrap();
    let (whole, broken) = (gzipped.clone(), gzipped[..gzipped.len() / 2].to_vec());
    let server = Server::start(move |path, _| match path {
        "/stall" => Reply {
            stall: true,
            ..Reply::html(&page("Never finished", "Nobody", 1, ""))
        },
        "/huge" => Reply {
            endless: Some(50 * 1024 * 1024),
            ..Reply::html("")
        },
        "/huge-declared" => Reply::html(&"<p>wall</p>".repeat(2_000_000)),
        "/gzip" => Reply {
            body: whole.clone(),
            ..Reply::html("").header("Content-Encoding", "gzip")
        },
        "/gzip-broken" => Reply {
            body: broken.clone(),
            ..Reply::html("").header("Content-Encoding", "gzip")
        },
        "/image" => Reply {
            body: b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            ..Reply::html("").header("Content-Type", "image/png")
        },
        "/binary-as-html" => Reply {
            body: b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            ..Reply::html("")
        },
        _ => Reply::status(404),
    });
    let s = Scratch::new();
    let started = Instant::now();
    let (ok, out) = s.ingest(&[
        &server.url("/stall"),
        &server.url("/huge"),
        &server.url("/huge-declared"),
        &server.url("/gzip"),
        &server.url("/gzip-broken"),
        &server.url("/image"),
        &server.url("/binary-as-html"),
        "--max-size",
        "2",
    ]);
    let took = started.elapsed();
    assert!(!ok, "{out}");
    assert!(
        out.contains("Stored 1 new article"),
        "the gzipped page\n{out}"
    );
    assert!(
        out.contains("/stall: the response broke off: timed out"),
        "{out}"
    );
    assert!(
        out.contains("/huge: larger than the size limit of 2 MB"),
        "{out}"
    );
    assert!(
        out.contains("/huge-declared: larger than the size limit"),
        "{out}"
    );
    assert!(
        out.contains("/gzip-broken: the response broke off"),
        "{out}"
    );
    assert!(
        out.contains("/image: not a web page (content type image/png)"),
        "{out}"
    );
    assert!(
        out.contains("/binary-as-html: this looks like a binary file"),
        "{out}"
    );
    assert!(took < Duration::from_secs(15), "took {took:?}");
    // The default limit refuses a 50 MB page too.
    let (_, out) = Scratch::new().ingest(&[&server.url("/huge")]);
    assert!(out.contains("larger than the size limit of 20 MB"), "{out}");
}

#[test]
fn charset_header_and_meta_disagreeing() {
    let latin1 = |s: &str| -> Vec<u8> { s.chars().map(|c| c as u32 as u8).collect() };
    let body_meta = latin1(&page(
        "Harbour wall",
        "José Alvarez",
        7,
        r#"<meta charset="iso-8859-1">"#,
    ));
    let body_plain = latin1(&page("Quay moorings", "Zoë Brannock", 8, ""));
    let server = Server::start(move |path, _| match path {
        // The header says UTF-8, the page (rightly) Latin-1.
        "/wrong-header" => Reply {
            body: body_meta.clone(),
            ..Reply::html("")
        },
        // No <meta>: the header's Latin-1 is right.
        "/header-only" => Reply {
            body: body_plain.clone(),
            ..Reply::html("").header("Content-Type", "text/html; charset=ISO-8859-1")
        },
        _ => Reply::status(404),
    });
    let s = Scratch::new();
    let (ok, out) = s.ingest(&[&server.url("/wrong-header"), &server.url("/header-only")]);
    assert!(ok, "{out}");
    assert_eq!(
        s.count("SELECT count(*) FROM articles WHERE text LIKE '%said José Alvarez%'"),
        1,
        "{out}"
    );
    assert_eq!(
        s.count("SELECT count(*) FROM articles WHERE text LIKE '%said Zoë Brannock%'"),
        1,
        "{out}"
    );
}

#[test]
fn robots_txt_is_honoured_and_read_once() {
    let server = Server::start(|path, _| match path {
        "/robots.txt" => Reply {
            headers: vec![("Content-Type".into(), "text/plain".into())],
            body: b"User-agent: *\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n"
                .to_vec(),
            status: 200,
            ..Reply::default()
        },
        p => Reply::html(&page(
            "Harbour wall",
            "Councillor Edith Marlow",
            p.len(),
            "",
        )),
    });
    let s = Scratch::new();
    let (ok, out) = s.ingest(&[
        &server.url("/private/draft"),
        &server.url("/news/wall"),
        &server.url("/news/quay-moorings"),
        "--fetch-threads",
        "3",
    ]);
    assert!(!ok, "{out}");
    assert!(out.contains("Stored 2 new articles"), "{out}");
    assert!(
        out.contains("/private/draft: robots.txt of http://127.0.0.1:"),
        "{out}"
    );
    assert!(out.contains("disallows it"), "{out}");
    assert_eq!(server.hits("/private/draft"), 0);
    assert_eq!(server.hits("/robots.txt"), 1);
}

#[test]
fn canonical_url_is_stored_and_a_second_run_fetches_nothing() {
    let server = Server::start(|path, _| match path {
        p if p.starts_with("/story") => Reply::html(&page(
            "Harbour wall",
            "Councillor Edith Marlow",
            9,
            r#"<link rel="canonical" href="/news/2016/03/04/harbour-wall"><meta property="og:site_name" content="Brackenmouth Herald">"#,
        )),
        _ => Reply::status(404),
    });
    let s = Scratch::new();
    let asked = server.url("/story?utm_source=feed");
    let (ok, out) = s.ingest(&[&asked]);
    assert!(ok, "{out}");
    let [url, canonical, published, source, outlet] = s.article(&asked);
    assert_eq!(url, some(&asked));
    assert_eq!(
        canonical,
        some(&server.url("/news/2016/03/04/harbour-wall"))
    );
    assert_eq!((published, source), (some("2016-03-04"), some("url")));
    assert_eq!(outlet, some("Brackenmouth Herald"));
    // Again, and by its canonical address: nothing fetched.
    let (ok, out) = s.ingest(&[&asked, &server.url("/news/2016/03/04/harbour-wall")]);
    assert!(ok, "{out}");
    assert!(
        out.contains("Already stored, not fetched again: 2 URLs"),
        "{out}"
    );
    assert_eq!(server.hits("/story?utm_source=feed"), 1);
    // --replace fetches again.
    let (ok, out) = s.ingest(&[&asked, "--replace"]);
    assert!(ok, "{out}");
    assert_eq!(server.hits("/story?utm_source=feed"), 2);
    // `show` says where the date came from and the canonical address.
    let id = s.count("SELECT max(id) FROM quotes").to_string();
    let shown = s.run(&["show", &id]);
    assert!(
        shown.contains("Date from: url (the date in its URL)"),
        "{shown}"
    );
    assert!(shown.contains("Canonical: http://127.0.0.1:"), "{shown}");
}

fn rss(server: &Server, items: &[(&str, &str, &str)]) -> String {
    let items: String = items
        .iter()
        .map(|(path, title, date)| {
            format!(
                "<item><title>{title}</title><link>{}</link><pubDate>{date}</pubDate></item>\n",
                server.url(path)
            )
        })
        .collect();
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Brackenmouth Herald</title><link>http://127.0.0.1/</link><description>News</description>
{items}</channel></rss>"#
    )
}

#[test]
fn feeds_fetch_their_items_and_only_new_ones_again() {
    // Pages with no title of their own and no date: the feed's are used.
    let server = Server::start(|path, _| {
        let n = path.bytes().map(usize::from).sum();
        let body = page("", "Councillor Edith Marlow", n, "").replace("<h1></h1>", "");
        match path {
            "/atom.xml" => Reply {
                headers: vec![("Content-Type".into(), "application/atom+xml".into())],
                body: (
                    r#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Herald</title><id>urn:herald</id><updated>2024-03-06T08:00:00Z</updated>
<entry><title>Quay moorings move north</title><id>urn:quay</id><updated>2024-03-06T08:00:00Z</updated><published>2024-03-05T08:00:00Z</published><link rel="alternate" href="/quay"/></entry>
</feed>"#
                )
                .as_bytes()
                .to_vec(),
                status: 200,
                ..Reply::default()
            },
            "/wall" | "/ferry" | "/quay" | "/fish-market" => Reply::html(&body),
            _ => Reply::status(404),
        }
    });
    let s = Scratch::new();
    let feed = s.path("herald.rss");
    std::fs::write(
        &feed,
        rss(
            &server,
            &[
                (
                    "/wall",
                    "Harbour wall to be rebuilt",
                    "Fri, 04 Mar 2016 09:00:00 +0000",
                ),
                (
                    "/ferry",
                    "Ferry returns to the island",
                    "Sat, 05 Mar 2016 09:00:00 +0000",
                ),
            ],
        ),
    )
    .unwrap();
    let feed = feed.to_str().unwrap();
    let (ok, out) = s.ingest(&["--feed", feed]);
    assert!(ok, "{out}");
    assert!(out.contains("Stored 2 new articles"), "{out}");
    let [_, _, published, source, _] = s.article(&server.url("/wall"));
    assert_eq!((published, source), (some("2016-03-04"), some("feed item")));
    let title: String = s
        .conn()
        .query_row(
            "SELECT title FROM articles WHERE url = ?1",
            [server.url("/ferry")],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(title, "Ferry returns to the island");
    // The feed grows by one item: only that one is fetched. An Atom feed
    // from the server comes too.
    std::fs::write(
        feed,
        rss(
            &server,
            &[
                (
                    "/fish-market",
                    "Fish market reopens",
                    "Mon, 07 Mar 2016 09:00:00 +0000",
                ),
                (
                    "/wall",
                    "Harbour wall to be rebuilt",
                    "Fri, 04 Mar 2016 09:00:00 +0000",
                ),
                (
                    "/ferry",
                    "Ferry returns to the island",
                    "Sat, 05 Mar 2016 09:00:00 +0000",
                ),
            ],
        ),
    )
    .unwrap();
    let (ok, out) = s.ingest(&["--feed", feed, "--feed", &server.url("/atom.xml")]);
    assert!(ok, "{out}");
    assert!(out.contains("Stored 2 new articles"), "{out}");
    assert!(
        out.contains("Already stored, not fetched again: 2 URLs"),
        "{out}"
    );
    for (path, hits) in [
        ("/wall", 1),
        ("/ferry", 1),
        ("/fish-market", 1),
        ("/quay", 1),
    ] {
        assert_eq!(server.hits(path), hits, "{path}");
    }
    let [_, _, published, source, _] = s.article(&server.url("/quay"));
    assert_eq!((published, source), (some("2024-03-05"), some("feed item")));
    // A feed that is not one is reported, not fatal.
    let (ok, out) = s.ingest(&["--feed", &server.url("/wall")]);
    assert!(!ok);
    assert!(out.contains("not an RSS or Atom feed"), "{out}");
}

#[test]
fn placeholder_dates_warn_and_store_none() {
    let server = Server::start(|path, _| {
        let meta = r#"<meta property="article:published_time" content="0001-01-01T00:00:00Z">"#;
        match path {
            "/undated" => Reply::html(&page("Harbour wall", "Councillor Edith Marlow", 11, meta)),
            "/2016/03/04/dated" => {
                Reply::html(&page("Quay moorings", "Councillor Edith Marlow", 12, meta))
            }
            "/future" => Reply::html(&page(
                "Fish market",
                "Councillor Edith Marlow",
                13,
                r#"<meta property="article:published_time" content="2999-01-01">
                   <meta property="article:modified_time" content="2016-03-07">"#,
            )),
            _ => Reply::status(404),
        }
    });
    let s = Scratch::new();
    let (ok, out) = s.ingest(&[
        &server.url("/undated"),
        &server.url("/2016/03/04/dated"),
        &server.url("/future"),
    ]);
    assert!(ok, "{out}");
    assert!(out.contains("Stored without a date: 1"), "{out}");
    assert!(
        out.contains("/undated: published date \"0001-01-01T00:00:00Z\": 0001-01-01 is before 1990-01-01, a placeholder rather than a date; stored without a date"),
        "{out}"
    );
    assert!(
        out.contains("used the url date 2016-03-04 instead"),
        "{out}"
    );
    assert!(out.contains("2999-01-01 is in the future"), "{out}");
    assert_eq!(s.article(&server.url("/undated"))[2], None);
    let [_, _, published, source, _] = s.article(&server.url("/future"));
    assert_eq!((published, source), (some("2016-03-07"), some("modified")));
}

#[test]
fn outlets_come_from_the_domain_and_match_by_domain() {
    let server =
        Server::start(|_, _| Reply::html(&page("Harbour wall", "Councillor Edith Marlow", 14, "")));
    let s = Scratch::new();
    let outlets = s.path("outlets.csv");
    std::fs::write(&outlets, "domain,name\n127.0.0.1,Brackenmouth Herald\n").unwrap();
    let (ok, out) = s.ingest(&[
        &server.url("/news/wall"),
        "--outlets",
        outlets.to_str().unwrap(),
        "--outlet",
        "Not This One",
    ]);
    assert!(ok, "{out}");
    assert_eq!(
        s.article(&server.url("/news/wall"))[4],
        some("Brackenmouth Herald")
    );
    let by_domain = s.run(&["quotes", "--outlet", "127.0.0.1", "--format", "jsonl"]);
    let by_name = s.run(&["quotes", "--outlet", "brackenmouth", "--format", "jsonl"]);
    assert!(!by_domain.is_empty());
    assert_eq!(by_domain, by_name);
}

#[test]
fn a_thousand_pages_from_a_list() {
    let server = Server::start(|path, _| {
        let n: usize = path.trim_start_matches("/p/").parse().unwrap_or(0);
        if path.starts_with("/p/") && n > 0 {
            Reply::html(&page(
                &format!("Harbour report {n}"),
                &format!("Councillor Edith Marlow-{n}"),
                n,
                "",
            ))
        } else {
            Reply::status(404)
        }
    });
    let s = Scratch::new();
    let list = s.path("links.csv");
    let mut csv = String::from("outlet,url\n");
    for n in 1..=1000 {
        csv.push_str(&format!("Herald,{}\n", server.url(&format!("/p/{n}"))));
    }
    csv.push_str(&format!("Herald,{}\n", server.url("/p/0")));
    std::fs::write(&list, csv).unwrap();
    let started = Instant::now();
    let (ok, out) = s.ingest(&["--urls", list.to_str().unwrap(), "--fetch-threads", "4"]);
    let took = started.elapsed();
    assert!(!ok, "one URL is a 404\n{out}");
    assert!(out.contains("Web pages: 1001 in"), "{out}");
    assert!(
        out.contains("; 1 could not be fetched (listed under Skipped)"),
        "{out}"
    );
    assert!(out.contains("Stored 1000 new articles"), "{out}");
    assert!(out.contains("/p/0: HTTP 404 Not Found"), "{out}");
    assert_eq!(s.count("SELECT count(*) FROM articles"), 1000);
    eprintln!(
        "1,001 local pages fetched and stored in {:.2} s ({:.0} pages/s)",
        took.as_secs_f64(),
        1001.0 / took.as_secs_f64()
    );
    let (ok, out) = s.ingest(&["--urls", list.to_str().unwrap()]);
    assert!(!ok);
    assert!(
        out.contains("Already stored, not fetched again: 1000 URLs"),
        "{out}"
    );
}

/// `quotetrack --db DB ingest ARGS` with the default politeness, timed.
fn timed_ingest(s: &Scratch, args: &[String]) -> Duration {
    let started = Instant::now();
    let out = Command::cargo_bin("quotetrack")
        .unwrap()
        .env_remove("QUOTETRACK_DB")
        .arg("--db")
        .arg(s.db())
        .arg("ingest")
        .args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    started.elapsed()
}

#[test]
fn hosts_are_spaced_by_their_delay_and_fetched_side_by_side() {
    let handler = |path: &str, _: usize| -> Reply {
        if path == "/robots.txt" {
            return Reply {
                status: 200,
                headers: vec![("Content-Type".into(), "text/plain".into())],
                body: b"User-agent: *\nCrawl-delay: 0.6\nDisallow: /private/\n".to_vec(),
                ..Reply::default()
            };
        }
        Reply::html(&page(
            "Harbour wall",
            "Councillor Edith Marlow",
            path.len(),
            "",
        ))
    };
    let (one, two) = (Server::start(handler), Server::start(handler));
    let urls: Vec<String> = ["/a", "/bb", "/ccc"]
        .iter()
        .flat_map(|p| [one.url(p), format!("{}{p}", two.url("/x"))])
        .collect();
    let s = Scratch::new();
    // robots.txt and three pages on each host: three gaps of the
    // Crawl-delay (0.6 s, more than --host-delay's 0.1), the two hosts at
    // once rather than one after the other (3.6 s).
    let mut args = urls.clone();
    args.extend(["--host-delay".to_string(), "0.1".to_string()]);
    let took = timed_ingest(&s, &args);
    assert!(took >= Duration::from_millis(1800), "{took:?}");
    assert!(took < Duration::from_millis(3400), "{took:?}");
    assert_eq!(one.hits("/robots.txt") + two.hits("/robots.txt"), 2);
}

#[test]
fn the_host_delay_spaces_requests() {
    let server = Server::start(|path, _| {
        Reply::html(&page(
            "Harbour wall",
            "Councillor Edith Marlow",
            path.len(),
            "",
        ))
    });
    let s = Scratch::new();
    let started = Instant::now();
    let out = Command::cargo_bin("quotetrack")
        .unwrap()
        .env_remove("QUOTETRACK_DB")
        .arg("--db")
        .arg(s.db())
        .args(["ingest", "--host-delay", "0.4", "--fetch-threads", "4"])
        .args([server.url("/a"), server.url("/bb"), server.url("/ccc")])
        .output()
        .unwrap();
    assert!(out.status.success());
    // robots.txt, then three pages: three gaps of 0.4 s at least.
    assert!(
        started.elapsed() >= Duration::from_millis(1200),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_failing_robots_txt_stops_the_host_and_bad_list_lines_are_named() {
    let down = Server::start(|path, _| match path {
        "/robots.txt" => Reply::status(503),
        p => Reply::html(&page(
            "Harbour wall",
            "Councillor Edith Marlow",
            p.len(),
            "",
        )),
    });
    let s = Scratch::new();
    let list = s.path("links.txt");
    std::fs::write(
        &list,
        format!(
            "# harbour stories\n{}\nftp://files.example/x\nnot a url\n",
            down.url("/wall")
        ),
    )
    .unwrap();
    let (ok, out) = s.ingest(&["--urls", list.to_str().unwrap()]);
    assert!(!ok, "{out}");
    assert!(
        out.contains("/wall: robots.txt of http://127.0.0.1:"),
        "{out}"
    );
    assert!(
        out.contains(
            "could not be read (HTTP 503 Service Unavailable), so nothing there is fetched"
        ),
        "{out}"
    );
    assert!(
        out.contains("links.txt:3: only http and https URLs can be fetched"),
        "{out}"
    );
    assert!(out.contains("links.txt:4: not a URL"), "{out}");
    assert_eq!(down.hits("/wall"), 0);
    assert_eq!(s.count("SELECT count(*) FROM articles"), 0);
}
