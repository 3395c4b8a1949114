//! A CC-NEWS-like web archive for `ingest` scale tests: a `.warc.gz` with
//! one gzip member per record, each HTML page about 100 KB as news sites
//! serve them (a head heavy with scripts and styles, menus, the story with
//! quotes, related links, a footer), plus the redirects, images and
//! not-found pages a news crawl also holds.
//!
//!     cargo run --release --example make-warc -- --pages 40000 --out /tmp/cc-news.warc.gz
//!
//! 40,000 pages make about 1 GB. The output is the same for the same
//! `--seed`. Every name, outlet and remark is invented.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

use flate2::{Compression, write::GzEncoder};

const FIRST: &[&str] = &[
    "Alicia", "Maria", "Helen", "Joan", "Priya", "Grace", "Nadia", "Laura", "Colin", "Tomas",
    "Marcus", "Ray", "Luis", "Samuel", "Peter", "Omar", "Henrik", "David", "Kwame", "Ivan",
];
const LAST: &[&str] = &[
    "Brandt",
    "Okafor",
    "Lindqvist",
    "Castellano",
    "Reid",
    "Lindsay",
    "Moreau",
    "Haddad",
    "Novak",
    "Tanaka",
    "Osei",
    "Kowalski",
    "Fitzgerald",
    "Amari",
    "Jensen",
    "Quintero",
];
const ROLES: &[&str] = &[
    "the council leader",
    "a spokeswoman for the ministry",
    "the union's regional secretary",
    "chief executive of the port authority",
    "the opposition's health spokesman",
    "a senior police officer",
];
const VERBS: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "said on Tuesday",
    "warned",
];
const WORDS: &[&str] = &[
    "council",
    "budget",
    "residents",
    "hospital",
    "ferry",
    "school",
    "strike",
    "pay",
    "talks",
    "minister",
    "plan",
    "harbour",
    "houses",
    "roads",
    "weather",
    "flood",
    "bridge",
    "rail",
    "prices",
    "energy",
    "workers",
    "families",
    "services",
    "report",
    "inquiry",
    "court",
    "election",
    "vote",
    "board",
    "funding",
    "winter",
    "summer",
    "market",
    "village",
    "city",
    "island",
    "coast",
    "police",
    "officers",
    "nurses",
    "teachers",
    "drivers",
    "farmers",
    "after",
    "before",
    "while",
    "because",
    "although",
    "since",
    "during",
    "against",
    "across",
    "would",
    "could",
    "should",
    "might",
    "will",
    "must",
    "never",
    "always",
    "again",
    "still",
    "the",
    "the",
    "the",
    "a",
    "a",
    "of",
    "of",
    "to",
    "to",
    "in",
    "and",
    "and",
    "for",
    "on",
];
const OUTLETS: &[&str] = &[
    "Harbor Herald",
    "Valley Tribune",
    "Northern Courier",
    "Capital Daily News",
    "Coastal Post",
    "Metro Chronicle",
    "Lakeside Observer",
    "Summit Radio",
];

/// xorshift64*: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(rng.pick(WORDS));
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => s,
    }
}

/// A minified-looking script: identifiers and numbers that compress about
/// as badly as real bundles do.
fn script(rng: &mut Rng, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 64);
    while s.len() < bytes {
        let id = rng.next();
        s.push_str(&format!(
            "var _{:x}=function(a,b){{return a[{}]||b.q{:x}({})}};",
            id & 0xffffff,
            id % 97,
            (id >> 24) & 0xfff,
            id % 1000
        ));
    }
    s
}

fn page(rng: &mut Rng, n: usize) -> (String, String) {
    let outlet = rng.pick(OUTLETS);
    let host = outlet.to_ascii_lowercase().replace(' ', "");
    let url = format!(
        "https://www.{host}.example/news/2019/{:02}/story-{n}",
        1 + n % 12
    );
    let title = sentence(rng, 8);
    let mut html = String::with_capacity(110_000);
    html.push_str(&format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} | {outlet}</title>\
<meta property=\"og:site_name\" content=\"{outlet}\"><meta property=\"og:title\" content=\"{title}\">\
<meta property=\"article:published_time\" content=\"2019-{:02}-{:02}T{:02}:00:00Z\"><link rel=\"canonical\" href=\"{url}\">\
<style>{}</style><script>{}</script></head><body>",
        1 + n % 12,
        1 + n % 28,
        n % 24,
        ".nav a{color:#333;padding:4px}.story p{line-height:1.5}.promo{display:none}".repeat(40),
        script(rng, 55_000)
    ));
    html.push_str("<header><nav><ul>");
    for i in 0..250 {
        html.push_str(&format!(
            "<li class=\"menu-item menu-{i}\"><div class=\"wrap\"><a href=\"/section/{}/{i}\"><span>{}</span></a></div></li>",
            rng.pick(WORDS),
            rng.pick(WORDS)
        ));
    }
    html.push_str("</ul></nav></header><main><article class=\"story\">");
    html.push_str(&format!(
        "<h1>{title}</h1><p class=\"byline\">By {} {}</p>",
        rng.pick(FIRST),
        rng.pick(LAST)
    ));
    for _ in 0..(12 + rng.below(10)) {
        let p = match rng.below(3) {
            0 => format!(
                "<p>\u{201c}{}, \u{201d} said {} {}, {}. \u{201c}{}.\u{201d}</p>",
                sentence(rng, 12),
                rng.pick(FIRST),
                rng.pick(LAST),
                rng.pick(ROLES),
                sentence(rng, 10)
            ),
            1 => format!(
                "<p>{}, {} {}. \u{201c}{}.\u{201d}</p>",
                sentence(rng, 18),
                rng.pick(ROLES),
                rng.pick(VERBS),
                sentence(rng, 9)
            ),
            _ => format!("<p>{}. {}.</p>", sentence(rng, 22), sentence(rng, 15)),
        };
        html.push_str(&p);
    }
    html.push_str("</article><aside class=\"related\"><h2>More news</h2><ul>");
    for _ in 0..15 {
        html.push_str(&format!(
            "<li><a href=\"/news/{}\">\u{201c}{}\u{201d}</a></li>",
            rng.next() % 100_000,
            sentence(rng, 6)
        ));
    }
    html.push_str("</ul></aside></main><footer>");
    for i in 0..100 {
        html.push_str(&format!(
            "<div class=\"footer-col\"><a href=\"/{}/{i}\">{}</a></div>",
            rng.pick(WORDS),
            rng.pick(WORDS)
        ));
    }
    html.push_str(&format!(
        "<script>{}</script></footer></body></html>",
        script(rng, 20_000)
    ));
    (url, html)
}

fn record(
    out: &mut impl Write,
    uri: &str,
    status: &str,
    ctype: &str,
    body: &[u8],
) -> std::io::Result<()> {
    let http = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nServer: nginx\r\n\r\n",
        body.len()
    );
    let length = http.len() + body.len();
    let mut gz = GzEncoder::new(Vec::with_capacity(length / 3), Compression::new(6));
    write!(
        gz,
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2019-06-01T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:{:032x}>\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n{http}",
        uri.len() as u128 * 0x1234_5678 + length as u128
    )?;
    gz.write_all(body)?;
    gz.write_all(b"\r\n\r\n")?;
    out.write_all(&gz.finish()?)
}

fn main() -> ExitCode {
    let mut pages = 1_000usize;
    let mut out = "/tmp/cc-news.warc.gz".to_string();
    let mut seed = 7u64;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().unwrap_or_default();
        match arg.as_str() {
            "--pages" => pages = value.parse().unwrap_or(pages),
            "--out" => out = value,
            "--seed" => seed = value.parse().unwrap_or(seed),
            _ => {
                eprintln!("usage: make-warc [--pages N] [--out FILE.warc.gz] [--seed N]");
                return ExitCode::FAILURE;
            }
        }
    }
    let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let file = match File::create(&out) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("cannot write {out}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut w = BufWriter::new(file);
    let mut written = 0;
    let result = (|| -> std::io::Result<()> {
        for n in 0..pages {
            let (url, html) = page(&mut rng, n);
            record(
                &mut w,
                &url,
                "200 OK",
                "text/html; charset=utf-8",
                html.as_bytes(),
            )?;
            written += 1;
            // What else a news crawl holds: redirects, images, gone pages.
            match n % 50 {
                0 => record(
                    &mut w,
                    &format!("{url}/amp"),
                    "301 Moved Permanently",
                    "text/html",
                    b"",
                )?,
                1 => record(
                    &mut w,
                    &format!("{url}.jpg"),
                    "200 OK",
                    "image/jpeg",
                    &[0xff, 0xd8, 0xff, 0xe0],
                )?,
                2 => record(
                    &mut w,
                    &format!("{url}/old"),
                    "404 Not Found",
                    "text/html",
                    b"<html>gone</html>",
                )?,
                _ => {}
            }
        }
        w.flush()
    })();
    if let Err(e) = result {
        eprintln!("cannot write {out}: {e}");
        return ExitCode::FAILURE;
    }
    eprintln!("wrote {written} pages to {out}");
    ExitCode::SUCCESS
}
