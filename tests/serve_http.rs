//! `quotetrack serve` answered over HTTP, as a browser or a script asks it:
//! a server started on a free port over a database of tests/fixtures/trace/
//! (one remark told six ways) and one hostile article written here, whose
//! quote, title, outlet and URL carry markup, a `javascript:` URL and a
//! bidi override.

use std::path::{Path, PathBuf};
use std::process::{Child, Command};

use serde_json::Value;
use tempfile::TempDir;

mod common;

/// A running server, stopped when dropped.
struct Server {
    child: Child,
    base: String,
    dir: TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("quotetrack")
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

const HOSTILE: &str = "---
outlet: Evil <b>Outlet</b>
date: 2023-03-09
title: <script>alert('title')</script> Harbor pier
url: javascript:alert(1)
---
Port officials met on Thursday to discuss the pier.

\"<img src=x onerror=alert(1)> We will rebuild the \u{202e}pier before winter,\" Harbor Master Lena Voss said.
";

/// The fixture story and the hostile article, ingested into a fresh
/// database.
fn database() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("quotes.db");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/trace");
    let hostile = dir.path().join("hostile.txt");
    std::fs::write(&hostile, HOSTILE).unwrap();
    common::run_ok(&db, &["ingest", path_str(&fixtures), path_str(&hostile)]);
    dir
}

/// Start `quotetrack serve --port 0` on `db` and read the address it prints.
fn serve(dir: TempDir) -> Server {
    serve_with(dir, &[])
}

fn serve_with(dir: TempDir, extra: &[&str]) -> Server {
    let (child, base) = common::start_serve(&dir.path().join("quotes.db"), extra);
    Server { child, base, dir }
}

struct Answer {
    status: u16,
    body: String,
    headers: Vec<(String, String)>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

impl Server {
    fn get(&self, path: &str) -> Answer {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let mut response = agent.get(&format!("{}{path}", self.base)).call().unwrap();
        let headers = response
            .headers()
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_string()))
            .collect();
        Answer {
            status: response.status().as_u16(),
            body: response.body_mut().read_to_string().unwrap(),
            headers,
        }
    }

    /// POST a form.
    fn post(&self, path: &str, form: &[(&str, &str)]) -> Answer {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let mut body = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in form {
            body.append_pair(k, v);
        }
        let mut response = agent
            .post(&format!("{}{path}", self.base))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .send(body.finish())
            .unwrap();
        Answer {
            status: response.status().as_u16(),
            body: response.body_mut().read_to_string().unwrap(),
            headers: Vec::new(),
        }
    }

    fn ok(&self, path: &str) -> String {
        let a = self.get(path);
        assert_eq!(a.status, 200, "{path}: {}", a.body);
        a.body
    }

    fn cli(&self, args: &[&str]) -> String {
        common::run_ok(&self.dir.path().join("quotes.db"), args)
    }

    /// The statement of the minister's remark, by the API.
    fn statement(&self) -> Value {
        let found = self
            .get("/api/statements?q=mount+defense+harbor&limit=1")
            .json();
        found[0].clone()
    }
}

fn server() -> Server {
    serve(database())
}

#[test]
fn every_page_answers_with_the_security_headers() {
    let s = server();
    let statement = s.statement()["statement"].as_i64().unwrap();
    let speaker = s.get("/api/speakers").json()[0]["id"].as_i64().unwrap();
    for path in [
        "/".to_string(),
        "/?q=harbor&outlet=tidewater&since=2023-01-01&until=2023-12-31".to_string(),
        format!("/statements/{statement}"),
        "/speakers".to_string(),
        format!("/speakers/{speaker}"),
        "/quotes/1".to_string(),
        "/articles".to_string(),
        "/articles/1".to_string(),
        "/outlets".to_string(),
        "/api".to_string(),
    ] {
        let a = s.get(&path);
        assert_eq!(a.status, 200, "{path}: {}", a.body);
        let csp = a.header("content-security-policy").unwrap_or_default();
        assert!(csp.contains("script-src 'self'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        assert_eq!(a.header("x-content-type-options"), Some("nosniff"));
    }
    // A search lists the statement its words are in, linked.
    let found = s.ok("/?q=mount+defense+harbor");
    assert!(
        found.contains(&format!("href=\"/statements/{statement}\"")),
        "{found}"
    );
    // ... on its first page only, not again on the pages after.
    let later = s.ok("/?q=mount+defense+harbor&page=2");
    assert!(!later.contains("class=\"statements\""), "{later}");
    let page = s.ok("/");
    assert!(page.contains("<script src=\"/assets/app.js\" defer></script>"));
    // No inline script anywhere: the CSP would block it.
    assert_eq!(page.matches("<script").count(), 1, "{page}");
}

#[test]
fn the_statement_page_shows_every_rendition_in_date_order_with_its_flags() {
    let s = server();
    let st = s.statement();
    let id = st["statement"].as_i64().unwrap();
    let page = s.ok(&format!("/statements/{id}"));
    let dates: Vec<&str> = page
        .split("class=\"rendition ")
        .skip(1)
        .filter_map(|li| li.split("data-date=\"").nth(1))
        .filter_map(|rest| rest.split('"').next())
        .collect();
    let renditions = st["renditions"].as_array().unwrap();
    assert_eq!(dates.len(), renditions.len(), "{page}");
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    assert!(
        page.contains("badge first"),
        "the first rendition is marked"
    );
    assert!(
        page.contains("flag-other_speaker"),
        "the wrong attribution is flagged"
    );
    assert!(
        page.contains("<del class=\"left-out\">"),
        "left-out words are marked"
    );
    assert!(
        page.contains("class=\"evidence\""),
        "with the evidence sentences"
    );
    // The reference wording is shown, as the API gives it.
    let reference = renditions.iter().find(|r| r["reference"] == true).unwrap()["text"]
        .as_str()
        .unwrap();
    assert!(page.contains(reference), "{reference}");
}

#[test]
fn unknown_ids_are_404_and_bad_parameters_400() {
    let s = server();
    for path in [
        "/quotes/999999",
        "/statements/999999",
        "/speakers/999999",
        "/articles/999999",
        "/articles?outlet=999999",
        "/quotes/abc",
        "/no/such/page",
        "/assets/app.rs",
        "/assets/..%2F..%2FCargo.toml",
        "/assets/../../Cargo.toml",
    ] {
        let a = s.get(path);
        assert_eq!(a.status, 404, "{path}: {}", a.body);
        assert!(a.body.contains("Not found"), "{path}");
    }
    for path in [
        "/?page=0",
        "/?page=many",
        "/?since=yesterday",
        "/?per=100000",
        "/?kind=poems",
        "/speakers?page=-1",
    ] {
        let a = s.get(path);
        assert_eq!(a.status, 400, "{path}: {}", a.body);
    }
    // A page by number alone is counted at most 2,500 quotes in; past
    // that the error says to follow Next, whose cursor reaches any depth.
    assert_eq!(s.get("/?q=harbor&page=51").status, 200);
    assert_eq!(s.get("/api/quotes?page=6&per=500").status, 200);
    for path in ["/?q=harbor&page=52", "/api/quotes?page=7&per=500"] {
        let a = s.get(path);
        assert_eq!(a.status, 400, "{path}");
        assert!(a.body.contains("follow the Next link"), "{}", a.body);
    }
    let first: Value = serde_json::from_str(&s.ok("/api/quotes?per=1")).unwrap();
    let id = first[0]["id"].as_i64().unwrap();
    assert_eq!(s.get(&format!("/?q=harbor&page=52&after={id}")).status, 200);
    let long = format!("/?q={}", "a".repeat(300));
    let a = s.get(&long);
    assert_eq!(a.status, 400);
    assert!(a.body.contains("longer than"), "{}", a.body);
    let huge = format!("/?q={}", "a".repeat(5000));
    assert_eq!(s.get(&huge).status, 414);
    // The API answers errors in JSON.
    let a = s.get("/api/quotes/999999");
    assert_eq!(a.status, 404);
    assert_eq!(a.json()["status"], 404);
    let a = s.get("/api/quotes?since=soon");
    assert_eq!(a.status, 400);
    assert!(a.json()["error"].as_str().unwrap().contains("YYYY-MM-DD"));
    // Only the two embedded assets are files.
    let css = s.get("/assets/app.css");
    assert_eq!(css.status, 200);
    assert!(css.header("content-type").unwrap().starts_with("text/css"));
}

#[test]
fn hostile_text_reaches_the_browser_as_text() {
    let s = server();
    let found = s.get("/api/quotes?q=rebuild+pier").json();
    let quote = &found[0];
    assert!(
        quote["text"]
            .as_str()
            .unwrap()
            .contains("<img src=x onerror=alert(1)>"),
        "the fixture's quote was stored as written: {quote}"
    );
    let (qid, aid) = (
        quote["id"].as_i64().unwrap(),
        quote["article"].as_i64().unwrap(),
    );
    for path in [
        format!("/quotes/{qid}"),
        format!("/articles/{aid}"),
        "/?q=rebuild+pier".to_string(),
        "/articles".to_string(),
        "/outlets".to_string(),
    ] {
        let page = s.ok(&path);
        assert!(!page.contains("<img"), "{path}: markup from the article");
        assert!(
            !page.contains("<b>Outlet"),
            "{path}: markup from the outlet"
        );
        assert!(
            !page.contains("<script>alert"),
            "{path}: markup from the title"
        );
        assert!(
            !page.to_lowercase().contains("href=\"javascript:"),
            "{path}: a javascript: link"
        );
        assert!(!page.contains('\u{202e}'), "{path}: a bidi override");
    }
    let quote_page = s.ok(&format!("/quotes/{qid}"));
    assert!(quote_page.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(
        quote_page.contains("javascript:alert(1)</span>"),
        "the URL is shown as text"
    );
    let article = s.ok(&format!("/articles/{aid}"));
    assert!(article.contains("&lt;script&gt;alert('title')&lt;/script&gt;"));
    // http(s) addresses do become links.
    let fixture = s.ok("/articles");
    assert!(!fixture.contains("href=\"javascript"));
}

#[test]
fn downloads_are_what_export_writes() {
    let s = server();
    let csv = s.ok("/quotes.csv?q=harbor");
    let exported = s.cli(&["export", "--search", "harbor", "--limit", "50"]);
    assert!(csv.lines().count() > 2, "{csv}");
    assert_eq!(csv, exported);
    let json = s.ok("/quotes.json?q=harbor");
    let exported = s.cli(&[
        "export", "--format", "json", "--search", "harbor", "--limit", "50",
    ]);
    assert_eq!(json, exported);
    // A later page is the rows after the first.
    let all = s.cli(&["export", "--format", "json", "--limit", "4"]);
    let all: Vec<Value> = serde_json::from_str(&all).unwrap();
    let second: Vec<Value> = serde_json::from_str(&s.ok("/quotes.json?per=2&page=2")).unwrap();
    assert_eq!(second, all[2..4].to_vec());
    // The API's quotes are `quotes --format json`'s.
    let api = s.get("/api/quotes?speaker=okafor&per=500").json();
    let cli: Value =
        serde_json::from_str(&s.cli(&["quotes", "--speaker", "okafor", "--format", "json"]))
            .unwrap();
    assert_eq!(api, cli);
    // And a statement is `trace --quote ID --format json`'s.
    let st = s.statement();
    let quote = st["reference"].as_i64().unwrap().to_string();
    let cli: Value =
        serde_json::from_str(&s.cli(&["trace", "--quote", &quote, "--format", "json"])).unwrap();
    assert_eq!(st["renditions"], cli[0]["renditions"]);
}

#[test]
fn the_database_is_opened_read_only_and_a_missing_one_is_refused() {
    let s = server();
    let db = s.dir.path().join("quotes.db");
    let before = std::fs::read(&db).unwrap();
    s.ok("/");
    s.ok("/speakers");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "serving wrote to the database"
    );
    let out = Command::new(bin())
        .env_remove("QUOTETRACK_DB")
        .arg("--db")
        .arg(s.dir.path().join("none.db"))
        .args(["serve", "--port", "0"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("there is no database"));
    assert!(!s.dir.path().join("none.db").exists());
}

#[test]
fn demo_serve_prints_the_demo_statements_page() {
    let dir = tempfile::tempdir().unwrap();
    let (child, url) = common::spawn_for_address(
        &dir.path().join("demo.db"),
        &["demo", "--serve", "--port", "0"],
    );
    let server = Server {
        child,
        base: String::new(),
        dir,
    };
    assert!(url.contains("/statements/"), "{url}");
    let agent: ureq::Agent = ureq::Agent::config_builder().build().into();
    let page = agent
        .get(&url)
        .call()
        .unwrap()
        .body_mut()
        .read_to_string()
        .unwrap();
    // The mayor's remark, in the six outlets, with the wrong attribution.
    assert!(page.contains("said by Alicia Brandt"), "{page}");
    assert!(page.contains("We will not gamble with the safety of families"));
    assert!(page.contains("flag-other_speaker"));
    drop(server);
}

/// The id of the speaker called `name`, by the API.
fn speaker_id(s: &Server, name: &str) -> i64 {
    s.get("/api/speakers?per=500")
        .json()
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["name"] == name)
        .unwrap_or_else(|| panic!("no speaker {name}"))["id"]
        .as_i64()
        .unwrap()
}

#[test]
fn corrections_need_allow_edits_and_the_forms_token() {
    // Read-only by default: no form, and a POST is refused.
    let s = server();
    let okafor = speaker_id(&s, "Ruth Okafor");
    let page = s.ok(&format!("/speakers/{okafor}"));
    assert!(page.contains("Ruth Okafor"));
    assert!(!page.contains("method=\"post\""), "{page}");
    let a = s.post(
        &format!("/speakers/{okafor}/edit"),
        &[("action", "alias"), ("alias", "Minister Okafor")],
    );
    assert_eq!(a.status, 403, "{}", a.body);
    let csv = s.dir.path().join("quotes.db.speakers.csv");
    assert!(!csv.exists());
    drop(s);

    let s = serve_with(database(), &["--allow-edits"]);
    let okafor = speaker_id(&s, "Ruth Okafor");
    let page = s.ok(&format!("/speakers/{okafor}"));
    let token = page
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the speaker page has the edit forms")
        .to_string();
    assert_eq!(token.len(), 48);
    let edit = format!("/speakers/{okafor}/edit");
    // Without the token, or with another, nothing is written.
    for form in [
        vec![("action", "alias"), ("alias", "Minister Okafor")],
        vec![
            ("action", "alias"),
            ("alias", "Minister Okafor"),
            ("csrf", "0000"),
        ],
    ] {
        let a = s.post(&edit, &form);
        assert_eq!(a.status, 403, "{}", a.body);
    }
    let csv = s.dir.path().join("quotes.db.speakers.csv");
    assert!(!csv.exists());
    let a = s.post(
        &edit,
        &[
            ("action", "alias"),
            ("alias", "Minister Okafor"),
            ("csrf", &token),
        ],
    );
    assert_eq!(a.status, 200, "{}", a.body);
    assert!(
        a.body
            .contains("Minister Okafor is now a name of Ruth Okafor"),
        "{}",
        a.body
    );
    let written = std::fs::read_to_string(&csv).unwrap();
    assert!(written.contains("Minister Okafor,Ruth Okafor"), "{written}");
    // Merge the man the Coast Times credited into her: the CLI's merge.
    let strand = speaker_id(&s, "Paul Strand");
    let a = s.post(
        &format!("/speakers/{strand}/edit"),
        &[
            ("action", "merge"),
            ("into", "Ruth Okafor"),
            ("csrf", &token),
        ],
    );
    assert_eq!(a.status, 200, "{}", a.body);
    let written = std::fs::read_to_string(&csv).unwrap();
    assert!(written.contains("Paul Strand,Ruth Okafor"), "{written}");
    // The pages read the corrected database.
    let quotes = s.get("/api/quotes?speaker=okafor&per=500").json();
    assert!(quotes.as_array().unwrap().iter().any(|q| {
        q["speaker_as_written"]
            .as_str()
            .is_some_and(|w| w.contains("Strand"))
    }));
    // A bad edit is a 400 with the CLI's words, not a crash.
    let a = s.post(
        &edit,
        &[
            ("action", "merge"),
            ("into", "Nobody Atall"),
            ("csrf", &token),
        ],
    );
    assert_eq!(a.status, 400, "{}", a.body);
    assert!(a.body.contains("no speaker is called"), "{}", a.body);
}

#[test]
fn reprints_are_grouped_under_the_article_they_reprint() {
    // tests/fixtures/reprints: a wire story, a paper that runs it as sent,
    // and a paper that reports it on its own.
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/reprints");
    common::run_ok(
        &dir.path().join("quotes.db"),
        &["ingest", path_str(&fixtures)],
    );
    let s = serve(dir);
    let found = s.get("/api/statements?q=water+treatment&limit=20").json();
    let statement = found
        .as_array()
        .unwrap()
        .iter()
        .chain(
            (1..=10)
                .map(|i| s.get(&format!("/api/statements/{i}")).json())
                .collect::<Vec<_>>()
                .iter(),
        )
        .find(|st| {
            st["renditions"]
                .as_array()
                .is_some_and(|r| r.iter().any(|r| r["reprint_of"].is_i64()))
        })
        .cloned()
        .expect("a statement with a reprint");
    let reprint = statement["renditions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["reprint_of"].is_i64())
        .unwrap();
    let page = s.ok(&format!("/statements/{}", statement["statement"]));
    // The reprint is listed under its original, not as a rendition of its own.
    let quote = reprint["quote"].as_i64().unwrap();
    assert!(page.contains("Reprinted by:"), "{page}");
    assert!(page.contains(&format!("<li class=\"reprint\" data-quote=\"{quote}\">")));
    assert!(!page.contains(&format!("data-quote=\"{quote}\"><div class=\"when\">")));
}

/// An article with no date and several quotes, so that a list runs from
/// the dated quotes into the undated ones (which come last).
const UNDATED: &str = "---
outlet: Night Desk
---
Officials spoke late on the matter of the harbor.

\"We will rebuild the harbor wall,\" Harbor Master Lena Voss said.

\"The money for the pier is there,\" Mayor Tom Reyes said.

\"Nobody asked the fishermen,\" union leader Ada Quill said.

\"The work starts in the spring,\" Voss said.
";

/// The `href` of the pager's link with `rel` on an HTML page, unescaped.
fn pager_link(html: &str, rel: &str) -> Option<String> {
    let nav = &html[html.find("class=\"pager\"")?..];
    let nav = &nav[..nav.find("</nav>")?];
    let at = nav.find(&format!("rel=\"{rel}\""))?;
    let open = nav[..at].rfind("href=\"")? + "href=\"".len();
    let end = open + nav[open..].find('"')?;
    Some(nav[open..end].replace("&amp;", "&"))
}

/// The quote ids of an API answer.
fn api_ids(answer: &Answer) -> Vec<i64> {
    answer
        .json()
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_i64().unwrap())
        .collect()
}

#[test]
fn pages_from_a_cursor_are_the_pages_counted_from_the_start() {
    let dir = database();
    let undated = dir.path().join("undated.txt");
    std::fs::write(&undated, UNDATED).unwrap();
    common::run_ok(
        &dir.path().join("quotes.db"),
        &["ingest", path_str(&undated)],
    );
    let s = serve(dir);
    let mut lists_compared = 0;
    for list in [
        "kind=all",
        "q=the&kind=all",
        "q=harbor",
        "q=the+harbor&kind=all",
        "outlet=post&kind=all",
    ] {
        let all = api_ids(&s.get(&format!("/api/quotes?{list}&per=500")));
        assert!(!all.is_empty(), "{list}");
        for per in [1, 2, 3] {
            let pages = all.len().div_ceil(per);
            // Forward along the Link headers and the pages' Next links.
            let mut api = Some(format!("/api/quotes?{list}&per={per}"));
            let mut html = Some(format!("/?{list}&per={per}"));
            for page in 1..=pages {
                let offset = s.get(&format!("/api/quotes?{list}&per={per}&page={page}"));
                let expected = &all[(page - 1) * per..(page * per).min(all.len())];
                assert_eq!(api_ids(&offset), expected, "{list} per {per} page {page}");
                let path = api.take().expect("a next link on every page but the last");
                if page > 1 {
                    assert!(path.contains("after="), "{path}");
                }
                let a = s.get(&path);
                assert_eq!(a.status, 200, "{path}: {}", a.body);
                assert_eq!(a.body, offset.body, "{path}");
                api = a.header("link").map(|l| {
                    let start = l.find('<').unwrap() + 1;
                    l[start..l.find('>').unwrap()].to_string()
                });
                let path = html.take().unwrap();
                let page_html = s.ok(&path);
                // The downloads of a page from a cursor are that page.
                let download = |base: &str| {
                    let from = page_html.find(&format!("href=\"{base}")).unwrap() + "href=\"".len();
                    let end = from + page_html[from..].find('"').unwrap();
                    page_html[from..end].replace("&amp;", "&")
                };
                let csv = download("/quotes.csv");
                let counted = format!("/quotes.csv?{list}&per={per}&page={page}");
                assert_eq!(s.ok(&csv), s.ok(&counted), "{csv}");
                // Back from this page, along its Previous link.
                if let Some(prev) = pager_link(&page_html, "prev") {
                    let counted = format!("/api/quotes?{list}&per={per}&page={}", page - 1);
                    let api_prev = prev.replacen("/?", "/api/quotes?", 1);
                    assert_eq!(s.ok(&api_prev), s.ok(&counted), "{prev}");
                } else {
                    assert_eq!(page, 1, "{path}");
                }
                html = pager_link(&page_html, "next");
            }
            assert_eq!(
                api, None,
                "{list} per {per}: a next link after the last page"
            );
            assert_eq!(html, None, "{list} per {per}");
            lists_compared += 1;
        }
    }
    assert_eq!(lists_compared, 15);
}

#[test]
fn a_malformed_or_unknown_cursor_is_400_with_what_was_wrong() {
    let s = server();
    for (path, says) in [
        ("/?q=harbor&page=2&after=abc", "after must be a quote id"),
        ("/?q=harbor&page=2&before=1.5", "before must be a quote id"),
        (
            "/?q=harbor&after=99999999999999999999",
            "after must be a quote id",
        ),
        ("/?q=harbor&after=1&before=2", "not both"),
        ("/?q=harbor&page=2&after=999999", "there is no quote 999999"),
        ("/?q=harbor&before=-3", "there is no quote -3"),
        ("/quotes.csv?q=harbor&after=x", "after must be a quote id"),
        (
            "/quotes.json?q=harbor&after=999999",
            "there is no quote 999999",
        ),
    ] {
        let a = s.get(path);
        assert_eq!(a.status, 400, "{path}: {}", a.body);
        assert!(a.body.contains(says), "{path}: {}", a.body);
    }
    for path in ["/api/quotes?after=abc", "/api/quotes?q=harbor&after=999999"] {
        let a = s.get(path);
        assert_eq!(a.status, 400, "{path}: {}", a.body);
        assert_eq!(a.json()["status"], 400, "{path}");
    }
}
