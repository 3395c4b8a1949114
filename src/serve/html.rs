//! Pieces every page is built from: text from the database made safe to
//! show, links that only go where a link may go, and the page frame.
//!
//! Article text, titles, outlet names and URLs are written by strangers.
//! maud escapes every value put into a page (`<`, `>`, `&`, quotes), so
//! markup in a quote is shown as the characters it is; on top of that,
//! [`T`] drops the invisible characters that reorder text (bidi overrides,
//! the "Trojan Source" characters) and control characters, and [`link`]
//! makes a live link only of an `http` or `https` address.

use maud::{DOCTYPE, Markup, PreEscaped, Render, html};

/// Text from the database, cleaned for display: bidi controls dropped,
/// control characters other than line breaks and tabs turned into spaces.
/// maud escapes the result.
pub struct T<'a>(pub &'a str);

impl Render for T<'_> {
    fn render_to(&self, buffer: &mut String) {
        clean(self.0).as_str().render_to(buffer);
    }
}

/// An optional text, or a dash when there is none.
pub struct Opt<'a>(pub Option<&'a str>);

impl Render for Opt<'_> {
    fn render_to(&self, buffer: &mut String) {
        T(self.0.unwrap_or("–")).render_to(buffer);
    }
}

/// `s` without bidi controls and with control characters (other than line
/// breaks and tabs) as spaces.
pub fn clean(s: &str) -> String {
    s.chars()
        .filter(|&c| !is_bidi(c))
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Invisible characters that reorder the text around them.
pub fn is_bidi(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Is `url` an address a page may link to: `http` or `https` with a host?
/// `javascript:`, `data:`, `file:` and the rest are shown as text.
pub fn linkable(url: &str) -> bool {
    url::Url::parse(url.trim())
        .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
}

/// A stored URL: a link that opens outside this site when it is http or
/// https, plain text otherwise.
pub fn link(url: &str) -> Markup {
    if linkable(url) {
        html! { a href=(clean(url.trim())) rel="noopener noreferrer nofollow" class="ext" { (T(url)) } }
    } else {
        html! { span class="url-text" title="not a web address: shown as text" { (T(url)) } }
    }
}

/// A text of the article with byte ranges marked: each range becomes a
/// `<mark>` with the given id, class and title (the speaker). Ranges that
/// overlap one marked before, or that do not fall on character
/// boundaries, are left unmarked.
pub fn marked(text: &str, mut spans: Vec<Span>) -> Markup {
    spans.sort_by_key(|s| (s.start, s.end));
    let mut out = String::new();
    let mut at = 0;
    for span in spans {
        if span.start < at || span.end <= span.start || text.get(span.start..span.end).is_none() {
            continue;
        }
        T(&text[at..span.start]).render_to(&mut out);
        let mark = html! {
            mark id=(span.id) class=(span.class) title=[span.title.as_deref().map(clean)] {
                @if let Some(href) = &span.href {
                    a href=(href) { (T(&text[span.start..span.end])) }
                } @else {
                    (T(&text[span.start..span.end]))
                }
                @if let Some(label) = &span.label {
                    " " span class="who" { "— " (T(label)) }
                }
            }
        };
        out.push_str(&mark.into_string());
        at = span.end;
    }
    T(&text[at..]).render_to(&mut out);
    PreEscaped(out)
}

/// One range to mark in [`marked`].
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub id: String,
    pub class: &'static str,
    pub title: Option<String>,
    pub href: Option<String>,
    /// Shown after the marked words (the speaker).
    pub label: Option<String>,
}

/// Where a page sits in the site, for the navigation bar.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    Search,
    Speakers,
    Outlets,
    Articles,
    None,
}

/// The frame of every page: title, navigation, the one stylesheet and the
/// one script (both served from /assets/, which the CSP allows).
pub fn page(title: &str, nav: Nav, body: Markup) -> Markup {
    let item = |n: Nav, href: &str, label: &str| {
        html! {
            li { a href=(href) aria-current=[(n == nav).then_some("page")] { (label) } }
        }
    };
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                title { (T(title)) " · quotetrack" }
                link rel="stylesheet" href=(super::assets::CSS_PATH);
                script src=(super::assets::JS_PATH) defer {}
            }
            body {
                a class="skip" href="#main" { "Skip to content" }
                header class="top" {
                    nav aria-label="Site" {
                        a class="brand" href="/" { "quotetrack" }
                        ul {
                            (item(Nav::Search, "/", "Search"))
                            (item(Nav::Speakers, "/speakers", "Speakers"))
                            (item(Nav::Outlets, "/outlets", "Outlets"))
                            (item(Nav::Articles, "/articles", "Articles"))
                        }
                    }
                }
                main id="main" tabindex="-1" { (body) }
                footer { "quotetrack · read-only view of the database · " a href="/api" { "JSON API" } }
            }
        }
    }
}

/// A confidence as a percentage, or a dash.
pub fn confidence(c: Option<f64>) -> String {
    c.map_or_else(|| "–".to_string(), |c| format!("{:.0}%", c * 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_is_text() {
        let out =
            html! { p { (T("<img src=x onerror=alert(1)>\u{202e}cba\u{1b}[2J")) } }.into_string();
        assert_eq!(out, "<p>&lt;img src=x onerror=alert(1)&gt;cba [2J</p>");
    }

    #[test]
    fn only_web_addresses_link() {
        assert!(linkable("https://example.com/a"));
        assert!(linkable("http://example.com"));
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/html,<b>x</b>",
            "file:///etc/passwd",
            "vbscript:x",
            "//example.com",
            "not a url",
        ] {
            assert!(!linkable(bad), "{bad}");
            let out = link(bad).into_string();
            assert!(!out.contains("href"), "{out}");
        }
        let out = link("https://example.com/?a=\"b\"&c=<d>").into_string();
        assert!(
            out.contains("href=\"https://example.com/?a=&quot;b&quot;&amp;c=&lt;d&gt;\""),
            "{out}"
        );
    }

    #[test]
    fn marks_fall_on_boundaries_and_do_not_overlap() {
        let text = "a «é» <b> c";
        let span = |start, end| Span {
            start,
            end,
            id: format!("q{start}"),
            class: "q",
            title: None,
            href: None,
            label: None,
        };
        // 3..4 is inside «, 9..12 is `<b>`, 10..11 overlaps it.
        let out = marked(text, vec![span(3, 4), span(9, 12), span(10, 11)]).into_string();
        assert_eq!(out, "a «é» <mark id=\"q9\" class=\"q\">&lt;b&gt;</mark> c");
    }
}
