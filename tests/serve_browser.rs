//! The statement page in a real browser: headless Chromium loads it from a
//! `quotetrack serve` over tests/fixtures/trace/, runs its script (under
//! the server's Content-Security-Policy), and the rendered DOM is checked:
//! renditions in date order, the diff marks, the other-speaker flag, and
//! the script's work. Screenshots of the statement and speaker pages are
//! saved (to $QUOTETRACK_SCREENSHOTS, e.g. docs/img, when set).
//!
//! Without Chromium the test is skipped with a message, unless
//! QUOTETRACK_REQUIRE_BROWSER=1 (set by .ci/run, which installs it), when
//! it fails.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output};

use serde_json::Value;

mod common;

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The browser: $CHROMIUM when set (a path that does not exist counts as
/// no browser), else Debian's.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(path)).filter(|p| p.exists());
    }
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
}

/// Run headless Chromium with `args` on `url`, in a profile of its own.
fn browse(chromium: &Path, args: &[&str], url: &str) -> Output {
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(url)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn the_statement_page_renders_in_a_browser() {
    let Some(chromium) = chromium() else {
        if std::env::var("QUOTETRACK_REQUIRE_BROWSER").is_ok_and(|v| v == "1") {
            panic!(
                "QUOTETRACK_REQUIRE_BROWSER=1 but chromium is not installed (apt-get install chromium)"
            );
        }
        eprintln!(
            "SKIPPED the_statement_page_renders_in_a_browser: chromium is not installed (apt-get install chromium to run it)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("quotes.db");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/trace");
    common::run_ok(&db, &["ingest", fixtures.to_str().unwrap()]);
    let (child, base) = common::start_serve(&db, &[]);
    let _server = Server(child);

    let agent: ureq::Agent = ureq::Agent::config_builder().build().into();
    let get = |path: &str| -> Value {
        let body = agent
            .get(&format!("{base}{path}"))
            .call()
            .unwrap()
            .body_mut()
            .read_to_string()
            .unwrap();
        serde_json::from_str(&body).unwrap()
    };
    let statement = get("/api/statements?q=mount+defense+harbor&limit=1")[0].clone();
    let id = statement["statement"].as_i64().unwrap();
    let url = format!("{base}/statements/{id}");

    let dom = String::from_utf8(browse(&chromium, &["--dump-dom"], &url).stdout).unwrap();
    // The script ran: allowed by the CSP (script-src 'self').
    assert!(
        dom.contains("data-js=\"on\""),
        "the page's script did not run:\n{dom}"
    );
    let n = statement["renditions"].as_array().unwrap().len();
    assert!(
        dom.contains(&format!("data-renditions=\"{n}\"")),
        "the script counted other than {n} renditions:\n{dom}"
    );
    // Renditions in date order, as the API dates them.
    let dates: Vec<&str> = dom
        .split("class=\"rendition ")
        .skip(1)
        .filter_map(|li| li.split("data-date=\"").nth(1)?.split('"').next())
        .collect();
    let mut api_dates: Vec<&str> = statement["renditions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["date"].as_str().unwrap())
        .collect();
    api_dates.sort();
    assert_eq!(dates, api_dates);
    // The first marked once, the diff marks, the wrong attribution flagged
    // with its evidence.
    assert_eq!(dom.matches("class=\"badge first\"").count(), 1);
    assert!(dom.contains("<del class=\"left-out\">"));
    assert!(dom.contains("flag-other_speaker"));
    assert!(dom.contains("class=\"evidence\""));
    assert!(dom.contains("id=\"toggle-same\""));

    // Screenshots for the README.
    let shots = std::env::var_os("QUOTETRACK_SCREENSHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| dir.path().to_path_buf());
    std::fs::create_dir_all(&shots).unwrap();
    let speaker = statement["renditions"][0]["speaker"]
        .as_str()
        .unwrap()
        .to_string();
    let speakers = get("/api/speakers?per=500");
    let speaker_id = speakers
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == speaker.as_str())
        .map(|s| s["id"].as_i64().unwrap())
        .unwrap();
    for (name, url, height) in [
        ("statement.png", url.clone(), 1900),
        ("speaker.png", format!("{base}/speakers/{speaker_id}"), 1300),
    ] {
        let path = shots.join(name);
        browse(
            &chromium,
            &[
                &format!("--screenshot={}", path.display()),
                &format!("--window-size=1100,{height}"),
            ],
            &url,
        );
        let png = std::fs::read(&path).unwrap();
        assert!(png.starts_with(b"\x89PNG"), "{name} is not a PNG");
        assert!(png.len() > 10_000, "{name} is blank ({} bytes)", png.len());
    }
}
