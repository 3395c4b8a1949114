//! HTML pages: the article body found by readability-style extraction
//! (dom_smoothie, a port of Mozilla's Readability), metadata read from the
//! page's own tags with a real HTML parser (scraper).
//!
//! Pages wrap a story in navigation, share bars, related links and reader
//! comments, all full of quotation marks. Only the body is kept, so quotes
//! from a comment or a related headline never reach the store.

use anyhow::{Result, anyhow, bail};
use dom_query::{Document, NodeRef, Selection};
use dom_smoothie::{Config, Readability, TextMode};
use encoding_rs::{Encoding, WINDOWS_1252};
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use super::{DateSource, Meta, tidy};

/// Fewer words than this, on a page readability does not think readable,
/// is not an article: about two sentences.
const MIN_WORDS: usize = 25;

/// The page's metadata, its article body (paragraphs separated by blank
/// lines) and the article's figure captions (one paragraph each), if any:
/// captions are the article's but not its body, so they are kept apart.
pub fn parse(bytes: &[u8], source: &str) -> Result<(Meta, String, Option<String>)> {
    let page = decode(bytes);
    let doc = Html::parse_document(&page);
    let found = page_meta(&doc);

    let config = Config {
        text_mode: TextMode::Formatted,
        // Kept so that teaser blocks inside the body can be told by name.
        keep_classes: true,
        ..Config::default()
    };
    let document = Document::from(page.as_str());
    clean(&document);
    let mut readability = Readability::with_document(document, None, Some(config))
        .map_err(|e| anyhow!("cannot parse the page as HTML: {e}"))?;
    // Asked before parse(), which rewrites the document.
    let readable = readability.is_probably_readable();
    let article = readability.parse().map_err(|e| {
        anyhow!("found no article body in the page ({e}); if {source} is not a news article, leave it out")
    })?;
    // Teasers are taken out of the body readability chose, not before it
    // chooses: taken out before, a page's remaining blocks can outscore
    // its story.
    let content = Document::from(article.content.as_ref());
    clean_body(&content);
    let body = paragraphs(&content.select("body").formatted_text());
    let captions = joined(captions(&doc, &body), &body);
    // Readability falls back to whatever text a page has; a page with no
    // article (an index, an error page) would be stored as its menu.
    let words = body.split_whitespace().count()
        + captions
            .as_deref()
            .map_or(0, |c| c.split_whitespace().count());
    if !readable && words < MIN_WORDS {
        bail!(
            "found no article in the page (only {words} words of text); if {source} is not a news article, leave it out"
        );
    }
    let outlet = found
        .outlet
        .or_else(|| article.site_name.as_deref().and_then(tidy));
    let title = found
        .title
        .or_else(|| tidy(&article.title))
        .map(|t| without_site_name(t, outlet.as_deref()));
    let meta = Meta {
        outlet,
        date_source: found.date_source.or(article
            .published_time
            .as_ref()
            .map(|_| DateSource::Published)),
        date: found
            .date
            .or_else(|| article.published_time.as_deref().and_then(tidy)),
        more_dates: found.more_dates,
        title,
        url: found.url.or_else(|| article.url.as_deref().and_then(tidy)),
        author: found
            .author
            .or_else(|| article.byline.as_deref().and_then(tidy)),
    };
    Ok((meta, body, captions))
}

/// Words in class names and ids that mark a figure's caption, credit or a
/// photo gallery.
const CAPTION_NAMES: [&str; 6] = [
    "caption",
    "credit",
    "gallery",
    "slideshow",
    "carousel",
    "lightbox",
];

/// ... a byline, a dateline, a timestamp, breadcrumbs or a section label.
const LABEL_NAMES: [&str; 17] = [
    "byline",
    "dateline",
    "timestamp",
    "breadcrumb",
    "kicker",
    "eyebrow",
    "author",
    "published",
    "updated",
    "posted",
    "article-date",
    "post-date",
    "entry-date",
    "entry-meta",
    "post-meta",
    "article-meta",
    "category",
];

/// ... a teaser for other stories, an advert or a sign-up box.
const TEASER_NAMES: [&str; 18] = [
    "related",
    "recommend",
    "trending",
    "latest",
    "popular",
    "teaser",
    "promo",
    "newsletter",
    "read-more",
    "readmore",
    "more-stories",
    "outbrain",
    "taboola",
    "sponsor",
    "advert",
    "subscribe",
    "signup",
    "sign-up",
];

/// An element's class names and id, lowercased.
fn names_of(node: &NodeRef) -> String {
    format!(
        "{} {}",
        node.attr("class").unwrap_or_default(),
        node.attr("id").unwrap_or_default()
    )
    .to_ascii_lowercase()
}

/// Embedded posts (`blockquote.twitter-tweet`, Instagram, quoted
/// statements) are the story's own material: nothing in, around or
/// containing a blockquote is taken out.
fn holds_blockquote(node: &NodeRef) -> bool {
    node.is("blockquote")
        || node.ancestors_it(None).any(|a| a.is("blockquote"))
        || Selection::from(*node).select("blockquote").exists()
}

/// Page furniture that readability keeps when it sits inside the story's
/// container, taken out before readability looks for the body. Each rule
/// is general, by element or by the words sites use to name such blocks,
/// and never takes out a block holding three paragraphs of text.
fn clean(doc: &Document) {
    // Text inside an <iframe> is the fallback for browsers without frames
    // (the parser keeps it as raw text), never the story. Captions inside
    // the body: the article's own are kept apart by `captions`.
    doc.select("iframe, figcaption").remove();
    let mut doomed = Vec::new();
    for node in doc.select("[class], [id]").nodes() {
        let names = names_of(node);
        let named = |list: &[&str]| list.iter().any(|n| names.contains(n));
        let limit = if named(&CAPTION_NAMES) {
            1500
        } else if named(&LABEL_NAMES) {
            300
        } else {
            continue;
        };
        if node.is("html, body, main, article") || holds_blockquote(node) {
            continue;
        }
        if node.text().len() < limit && !bulky(node) {
            doomed.push(*node);
        }
    }
    // A name card inside a sentence, shown on hover: an inline element
    // holding a picture and links ("Rep. Ilhan OmarIlhan OmarHillicon
    // Valley: ...MORE" once flattened).
    // The innermost such element is the card; the name it pops up from
    // stays in the sentence.
    let is_card = |node: &NodeRef| {
        let card = Selection::from(*node);
        card.select("img").exists() && card.select("a").length() >= 2
    };
    for node in doc.select("p span, p div").nodes() {
        if is_card(node)
            && !Selection::from(*node)
                .select("span, div")
                .nodes()
                .iter()
                .any(is_card)
        {
            doomed.push(*node);
        }
    }
    // A date or time on a line of its own.
    for node in doc.select("time").nodes() {
        let line = node
            .ancestors_it(Some(3))
            .find(|a| a.is("p, div, span, li, header"))
            .unwrap_or(*node);
        if line.text().trim().len() < 120 && !holds_blockquote(&line) {
            doomed.push(line);
        }
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

/// Three paragraphs of real length: a story, not a label or a caption.
fn bulky(node: &NodeRef) -> bool {
    Selection::from(*node)
        .select("p")
        .nodes()
        .iter()
        .filter(|p| p.text().trim().len() > 120)
        .count()
        >= 3
}

/// Teasers left in the body readability chose: a short line that is all
/// link (another story's headline), and blocks named as teasers.
fn clean_body(doc: &Document) {
    let mut doomed = Vec::new();
    for node in doc.select("p, li, h2, h3, h4, h5").nodes() {
        let text = node.text();
        let text = text.trim();
        if text.is_empty() || text.len() > 200 || holds_blockquote(node) {
            continue;
        }
        // Inside a link (a teaser card: `<a><article><h5>...`), or
        // covered by the links it holds.
        let in_link = node.ancestors_it(None).any(|a| a.is("a"));
        let linked: usize = Selection::from(*node)
            .select("a")
            .nodes()
            .iter()
            .map(|a| a.text().trim().len())
            .sum();
        if in_link || linked >= text.len() {
            doomed.push(*node);
        }
    }
    for node in doc.select("[class], [id]").nodes() {
        let names = names_of(node);
        if TEASER_NAMES.iter().any(|n| names.contains(n))
            && node.text().len() < 3000
            && !holds_blockquote(node)
        {
            doomed.push(*node);
        }
    }
    for node in doomed {
        node.remove_from_parent();
    }
}

/// `Island shop restocked | Skerrin Times` -> `Island shop restocked`: the
/// `<title>` of a page often carries the site's name, which is already the
/// outlet.
fn without_site_name(title: String, outlet: Option<&str>) -> String {
    let Some(outlet) = outlet else { return title };
    for sep in [
        " | ",
        " - ",
        " \u{2013} ",
        " \u{2014} ",
        " :: ",
        " \u{00b7} ",
    ] {
        if let Some(head) = title.strip_suffix(outlet).and_then(|t| t.strip_suffix(sep))
            && !head.trim().is_empty()
        {
            return head.trim().to_string();
        }
    }
    title
}

/// Bytes to text the way a browser would: a byte-order mark, else UTF-8 if
/// it is valid, else the charset the page declares, else Windows-1252 (the
/// web's historical default).
fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return encoding
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let encoding = head
        .find("charset=")
        .map(|i| {
            head[i + 8..]
                .trim_start_matches(['"', '\''])
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .next()
                .unwrap_or("")
        })
        .and_then(|label| Encoding::for_label(label.as_bytes()))
        .unwrap_or(WINDOWS_1252);
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// Readability's text with each paragraph on its own, separated by one blank
/// line, and spaces inside a paragraph collapsed: the shape the quote parser
/// expects from a text file.
fn paragraphs(text: &str) -> String {
    text.lines()
        .filter_map(tidy)
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The article's figure captions that readability left out (it keeps the
/// densest block of paragraphs, and a lead image usually sits outside it).
/// Captions are the outlet's own words and often carry a fragment of a
/// quote, so they belong with the story; those of comments or related
/// boxes do not.
fn captions(doc: &Html, body: &str) -> Vec<String> {
    let scope = if doc.select(&selector("article")).next().is_some() {
        "article figcaption"
    } else {
        "figcaption"
    };
    doc.select(&selector(scope))
        .filter(|caption| {
            !caption
                .ancestors()
                .filter_map(ElementRef::wrap)
                .any(is_page_furniture)
        })
        .filter_map(|caption| tidy(&caption.text().collect::<String>()))
        .filter(|caption| !body.contains(caption.as_str()))
        .collect()
}

/// Comment threads, related-story boxes and the like, by the names sites
/// give them.
fn is_page_furniture(el: ElementRef) -> bool {
    const NAMES: [&str; 10] = [
        "comment",
        "related",
        "share",
        "social",
        "promo",
        "newsletter",
        "gallery",
        "slideshow",
        "carousel",
        "lightbox",
    ];
    let v = el.value();
    // A caption inside a link belongs to a teaser card for another story.
    if matches!(v.name(), "aside" | "nav" | "footer" | "form" | "a") {
        return true;
    }
    let names =
        format!("{} {}", v.attr("class").unwrap_or(""), v.id().unwrap_or("")).to_ascii_lowercase();
    NAMES.iter().any(|n| names.contains(n))
}

/// The captions as one text, a paragraph each; none when there are none
/// or no body to go with them.
fn joined(captions: Vec<String>, body: &str) -> Option<String> {
    if captions.is_empty() || body.is_empty() {
        return None;
    }
    Some(captions.join("\n\n"))
}

/// What the page says about itself, in order of how much each source is
/// trusted: explicit article tags, then JSON-LD, then visible elements.
fn page_meta(doc: &Html) -> Meta {
    let graph = ld_graph(doc);
    let ld = json_ld_article(&graph);
    let ld_str = |path: &[&str]| ld.and_then(|v| ld_text(v, path, &graph));
    // Every date the page gives, published ones first; the article takes
    // the first that is not a placeholder (see `DateSource`).
    let published = [
        meta_content(doc, "article:published_time"),
        ld_str(&["datePublished"]),
        meta_content(doc, "date"),
    ];
    let modified = [
        meta_content(doc, "article:modified_time"),
        ld_str(&["dateModified"]),
        meta_content(doc, "og:updated_time"),
    ];
    let mut dates: Vec<(DateSource, String)> = published
        .into_iter()
        .flatten()
        .map(|d| (DateSource::Published, d))
        .chain(time_element(doc).map(|d| (DateSource::Time, d)))
        .chain(
            modified
                .into_iter()
                .flatten()
                .map(|d| (DateSource::Modified, d)),
        )
        .collect();
    let (date_source, date) = match dates.is_empty() {
        true => (None, None),
        false => {
            let (source, date) = dates.remove(0);
            (Some(source), Some(date))
        }
    };
    Meta {
        outlet: meta_content(doc, "og:site_name")
            .or_else(|| ld_str(&["publisher", "name"]))
            .or_else(|| ld_str(&["sourceOrganization", "name"])),
        date,
        date_source,
        more_dates: dates,
        title: ld_str(&["headline"]).or_else(|| meta_content(doc, "og:title")),
        url: attr(doc, "link[rel=canonical]", "href")
            .or_else(|| meta_content(doc, "og:url"))
            .or_else(|| ld_str(&["url"])),
        author: ld_str(&["author", "name"])
            .or_else(|| ld_str(&["author"]))
            .or_else(|| meta_content(doc, "author")),
    }
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("selectors in this file are valid CSS")
}

fn attr(doc: &Html, css: &str, name: &str) -> Option<String> {
    doc.select(&selector(css))
        .find_map(|el| el.value().attr(name).and_then(tidy))
}

/// `<meta property="og:site_name" content="...">` or `<meta name=...>`.
fn meta_content(doc: &Html, key: &str) -> Option<String> {
    doc.select(&selector("meta[content]")).find_map(|el| {
        let v = el.value();
        let named = v
            .attr("property")
            .or_else(|| v.attr("name"))
            .or_else(|| v.attr("itemprop"))?;
        named
            .eq_ignore_ascii_case(key)
            .then(|| v.attr("content").and_then(tidy))
            .flatten()
    })
}

/// The first `<time>` in the article (or anywhere), by its machine-readable
/// `datetime`, else its visible text.
fn time_element(doc: &Html) -> Option<String> {
    let scoped = doc.select(&selector("article time")).next();
    let time: ElementRef = scoped.or_else(|| doc.select(&selector("time")).next())?;
    time.value()
        .attr("datetime")
        .and_then(tidy)
        .or_else(|| tidy(&time.text().collect::<String>()))
}

/// Every JSON-LD object on the page, flattening arrays and `@graph` lists.
fn ld_graph(doc: &Html) -> Vec<Value> {
    let mut out = Vec::new();
    for script in doc.select(&selector(r#"script[type="application/ld+json"]"#)) {
        let raw: String = script.text().collect();
        let Ok(value) = serde_json::from_str::<Value>(raw.trim()) else {
            continue;
        };
        let mut stack = vec![value];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(items) => stack.extend(items),
                Value::Object(mut obj) => {
                    if let Some(graph) = obj.remove("@graph") {
                        stack.push(graph);
                    }
                    out.push(Value::Object(obj));
                }
                _ => {}
            }
        }
    }
    out
}

/// The JSON-LD object describing the article itself.
fn json_ld_article(graph: &[Value]) -> Option<&Value> {
    let is_article = |v: &Value| match v.get("@type") {
        Some(Value::String(t)) => t.contains("Article") || t == "Report",
        Some(Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| t.contains("Article"))),
        _ => false,
    };
    graph
        .iter()
        .find(|v| is_article(v))
        .or_else(|| graph.iter().find(|v| v.get("datePublished").is_some()))
}

/// Follow `path` through a JSON-LD object. Arrays take their first item;
/// `{"@id": ...}` references are looked up in the page's graph (publishers
/// are often declared once and referred to).
fn ld_text(value: &Value, path: &[&str], graph: &[Value]) -> Option<String> {
    let resolve = |v: &Value| -> Value {
        let v = match v {
            Value::Array(items) => items.first().cloned().unwrap_or(Value::Null),
            other => other.clone(),
        };
        match v.get("@id").and_then(Value::as_str) {
            Some(id) if v.as_object().is_some_and(|o| o.len() == 1) => graph
                .iter()
                .find(|g| g.get("@id").and_then(Value::as_str) == Some(id))
                .cloned()
                .unwrap_or(v),
            _ => v,
        }
    };
    let mut current = resolve(value);
    for key in path {
        current = resolve(current.get(*key)?);
    }
    current
        .as_str()
        .map(decode_entities)
        .as_deref()
        .and_then(tidy)
}

/// JSON-LD is script text, which the HTML parser leaves alone, yet many
/// pages escape it as HTML anyway (`&amp;`, `&#8217;`).
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    Html::parse_fragment(s).root_element().text().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_charset_is_honoured() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>Jos\xe9</body></html>";
        assert!(decode(page).contains("José"));
        assert!(decode("<p>José</p>".as_bytes()).contains("José"));
    }

    #[test]
    fn json_ld_graph_and_references() {
        let page = r##"<html><head><script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [
              {"@type": "Organization", "@id": "#org", "name": "The Example Times"},
              {"@type": "NewsArticle", "headline": "A &amp; B", "datePublished": "2015-09-18T10:00:00Z",
               "publisher": {"@id": "#org"}, "author": [{"@type": "Person", "name": "Ann Writer"}]}
            ]}</script></head><body></body></html>"##;
        let meta = page_meta(&Html::parse_document(page));
        assert_eq!(meta.title.as_deref(), Some("A & B"));
        assert_eq!(meta.outlet.as_deref(), Some("The Example Times"));
        assert_eq!(meta.date.as_deref(), Some("2015-09-18T10:00:00Z"));
        assert_eq!(meta.author.as_deref(), Some("Ann Writer"));
    }

    #[test]
    fn captions_of_the_article_are_kept_others_not() {
        let page = r#"<html><body><article><figure><figcaption>Lead &ldquo;caption&rdquo;</figcaption></figure>
            <p>Body.</p><aside class="related"><figure><figcaption>Related caption</figcaption></figure></aside></article>
            <section class="comments"><figure><figcaption>Comment caption</figcaption></figure></section></body></html>"#;
        let doc = Html::parse_document(page);
        assert_eq!(captions(&doc, "Body."), ["Lead \u{201c}caption\u{201d}"]);
        assert_eq!(
            captions(&doc, "Body. Lead \u{201c}caption\u{201d}"),
            Vec::<String>::new()
        );
        assert_eq!(
            joined(vec!["C.".into(), "D.".into()], "Body."),
            Some("C.\n\nD.".to_string())
        );
        assert_eq!(joined(vec!["C.".into()], ""), None);
        assert_eq!(joined(Vec::new(), "Body."), None);
    }

    #[test]
    fn page_furniture_inside_the_story_is_left_out_tweets_kept() {
        let para = |n: usize| {
            format!(
                "<p>Paragraph {n} of the council story, long enough to count as the body of a news article that readers came for, with a \u{201c}quote,\u{201d} she said.</p>"
            )
        };
        let body: String = (1..=6).map(para).collect();
        let page = format!(
            r#"<html><head><title>Council story</title></head><body><article>
            <div class="article-byline">By Ann Writer</div>
            <div class="meta"><time datetime="2019-11-19">Updated Nov 19, 6:55 AM</time></div>
            <figure><img src="a.jpg"><span class="image-credit">Photo: Getty Images</span></figure>
            <p>Gov. <span class="people"><a href="/p/kn">Kristi Noem</a><span><img src="k.jpg"><a href="/p/kn">Kristi Lynn Noem</a><a href="/x">Another headline</a><a class="more" href="/p/kn">MORE</a></span></span> (R) defended the campaign on Monday, saying it was working as the state intended it to.</p>
            {body}
            <iframe src="/ad">Your browser does not support frames</iframe>
            <blockquote class="twitter-tweet"><p>Meth. We are on it.</p>&mdash; Someone (@someone) <a href="https://twitter.com/x/status/1">November 18, 2019</a></blockquote>
            <ul><li><a href="/other">Who will make the Rock Hall in 2020?</a></li></ul>
            <p><a href="/other2">Dave Matthews Band takes over Rock Hall Fan Vote</a></p>
            {body}
            </article></body></html>"#
        );
        let (_, text, _) = parse(page.as_bytes(), "x.html").unwrap();
        assert!(text.contains("Paragraph 6 of the council story"), "{text}");
        assert!(text.contains("Gov. Kristi Noem (R) defended"), "{text}");
        assert!(text.contains("Meth. We are on it."), "{text}");
        assert!(text.contains("November 18, 2019"), "{text}");
        for furniture in [
            "By Ann Writer",
            "Updated Nov 19",
            "Getty Images",
            "Kristi Lynn Noem",
            "MORE",
            "support frames",
            "Rock Hall",
        ] {
            assert!(!text.contains(furniture), "{furniture:?} kept:\n{text}");
        }
    }

    #[test]
    fn site_name_comes_off_the_title() {
        let t = |title: &str| without_site_name(title.to_string(), Some("Skerrin Times"));
        assert_eq!(t("Shop restocked | Skerrin Times"), "Shop restocked");
        assert_eq!(t("Shop restocked \u{2014} Skerrin Times"), "Shop restocked");
        assert_eq!(t("Skerrin Times"), "Skerrin Times");
        assert_eq!(
            t("Why I read the Skerrin Times"),
            "Why I read the Skerrin Times"
        );
    }

    #[test]
    fn time_element_is_the_last_resort() {
        let page = r#"<html><body><nav><time datetime="2020-01-01">today</time></nav>
            <article><p>x</p><time datetime="2015-09-18">Sept. 18</time></article></body></html>"#;
        assert_eq!(
            page_meta(&Html::parse_document(page)).date.as_deref(),
            Some("2015-09-18")
        );
    }

    #[test]
    fn every_date_is_offered_published_first() {
        let page = r#"<html><head>
            <meta property="article:modified_time" content="2016-03-05T09:00:00Z">
            <meta property="article:published_time" content="0001-01-01T00:00:00Z">
            <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2016-03-04"}</script>
            </head><body><time datetime="2016-03-06">March 6</time></body></html>"#;
        let meta = page_meta(&Html::parse_document(page));
        assert_eq!(meta.date.as_deref(), Some("0001-01-01T00:00:00Z"));
        assert_eq!(meta.date_source, Some(DateSource::Published));
        assert_eq!(
            meta.more_dates,
            [
                (DateSource::Published, "2016-03-04".to_string()),
                (DateSource::Time, "2016-03-06".to_string()),
                (DateSource::Modified, "2016-03-05T09:00:00Z".to_string()),
            ]
        );
        let article = super::super::Article::new(String::new(), meta, &Meta::default(), "x");
        assert_eq!(article.published_raw.as_deref(), Some("2016-03-04"));
        assert_eq!(article.date_source, Some(DateSource::Published));
        assert_eq!(article.placeholder_dates.len(), 1);
    }
}
