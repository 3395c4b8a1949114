//! Outlets by their web domain: `nytimes.com` is The New York Times.
//!
//! A page that names no site (no `og:site_name`, no JSON-LD publisher) gets
//! its outlet from its address through `grammar/outlets.csv`, a plain
//! `domain,name` list of major English-language outlets compiled in. A user
//! adds or renames outlets with a file of the same shape (`ingest --outlets
//! FILE` or `QUOTETRACK_OUTLETS`); its lines win over the shipped ones.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, Result, bail};

/// The shipped list.
pub const SHIPPED: &str = include_str!("../../grammar/outlets.csv");

/// Domain -> outlet name.
#[derive(Debug, Clone, Default)]
pub struct Outlets {
    by_domain: HashMap<String, String>,
}

impl Outlets {
    /// The shipped list alone.
    pub fn shipped() -> Outlets {
        let mut outlets = Outlets::default();
        outlets
            .add_csv(SHIPPED, "grammar/outlets.csv")
            .expect("the shipped outlets.csv is well formed");
        outlets
    }

    /// The shipped list with a user's file on top, when there is one.
    pub fn with_user_file(path: Option<&Path>) -> Result<Outlets> {
        let mut outlets = Outlets::shipped();
        if let Some(path) = path {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read the outlets file {}", path.display()))?;
            outlets.add_csv(&text, &path.display().to_string())?;
        }
        Ok(outlets)
    }

    /// Add `domain,name` lines (a header line `domain,name` and lines
    /// starting with `#` are passed over). A name may hold commas when it
    /// is quoted as CSV quotes it.
    pub fn add_csv(&mut self, text: &str, source: &str) -> Result<()> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .comment(Some(b'#'))
            .trim(csv::Trim::All)
            .from_reader(text.as_bytes());
        for (i, record) in reader.records().enumerate() {
            let record = record.with_context(|| format!("{source}: line {}", i + 1))?;
            let line = record.position().map_or(i as u64 + 1, |p| p.line());
            if record.iter().all(str::is_empty) {
                continue;
            }
            if record.len() != 2 || record[0].is_empty() || record[1].is_empty() {
                bail!(
                    "{source}: line {line}: expected `domain,name`, e.g. `nytimes.com,The New York Times`"
                );
            }
            if line == 1 && record[0].eq_ignore_ascii_case("domain") {
                continue;
            }
            let domain = record[0].trim_start_matches("www.").to_ascii_lowercase();
            self.by_domain.insert(domain, record[1].to_string());
        }
        Ok(())
    }

    /// The outlet of an address: its host, then each parent domain
    /// (`edition.cnn.com`, then `cnn.com`).
    pub fn name_for(&self, url: &str) -> Option<&str> {
        let host = domain_of(url)?;
        let mut domain = host.as_str();
        loop {
            if let Some(name) = self.by_domain.get(domain) {
                return Some(name);
            }
            domain = domain.split_once('.')?.1;
            if !domain.contains('.') {
                return None;
            }
        }
    }

    pub fn len(&self) -> usize {
        self.by_domain.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_domain.is_empty()
    }
}

/// The host of an http(s) address, lower case, without `www.`:
/// `https://www.NYTimes.com/2016/...` -> `nytimes.com`.
pub fn domain_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return None;
    }
    let host = parsed.host_str()?.to_ascii_lowercase();
    let host = host.trim_end_matches('.');
    Some(host.strip_prefix("www.").unwrap_or(host).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_list_reads_and_names_outlets_by_domain() {
        let outlets = Outlets::shipped();
        assert!(outlets.len() >= 100, "{}", outlets.len());
        assert_eq!(
            outlets.name_for("https://www.nytimes.com/2016/03/04/us/politics/x.html"),
            Some("The New York Times")
        );
        assert_eq!(
            outlets.name_for("https://edition.cnn.com/2016/03/04/politics/x"),
            Some("CNN")
        );
        assert_eq!(outlets.name_for("https://unknown.example/a"), None);
        assert_eq!(outlets.name_for("file:///tmp/a.html"), None);
        assert_eq!(outlets.name_for("not a url"), None);
    }

    #[test]
    fn user_lines_win_and_bad_lines_say_where() {
        let mut outlets = Outlets::shipped();
        outlets
            .add_csv(
                "domain,name\n# mine\ncnn.com,Cable News Network\nskerrin.example,\"Skerrin Times, The\"\n",
                "mine.csv",
            )
            .unwrap();
        assert_eq!(
            outlets.name_for("http://cnn.com/x"),
            Some("Cable News Network")
        );
        assert_eq!(
            outlets.name_for("http://www.skerrin.example/x"),
            Some("Skerrin Times, The")
        );
        let err = Outlets::default()
            .add_csv("a.example,A\nb.example\n", "mine.csv")
            .unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
    }

    #[test]
    fn domains() {
        assert_eq!(
            domain_of("https://WWW.Example.COM./a?b").as_deref(),
            Some("example.com")
        );
        assert_eq!(domain_of("ftp://example.com/a"), None);
    }
}
