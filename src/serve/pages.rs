//! The HTML pages. Each handler reads what it shows on a blocking thread
//! ([`App::read`]) and renders it with maud; nothing here writes.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use maud::{Markup, html};

use super::html::{Nav, Opt, Span, T, clean, confidence, link, marked, page};
use super::params::{Params, QuoteList, id};
use super::{App, WebError, queries};
use crate::export::{export_rows, write_csv, write_json};
use crate::store::{QuoteRow, SpeakerRow, Store};
use crate::track::{self, ChangeKind, DiffEntry, Position, Rendition, Statement};

type Page = Result<Html<String>, WebError>;

fn done(markup: Markup) -> Page {
    Ok(Html(markup.into_string()))
}

/// Speaker ids of these quotes, to link each to its speaker's page.
pub(super) fn speaker_ids(
    store: &Store,
    quotes: &[QuoteRow],
) -> Result<HashMap<i64, i64>, WebError> {
    let ids: Vec<i64> = quotes.iter().map(|q| q.id).collect();
    let mut stmt = store.conn().prepare_cached(
        "SELECT id, speaker_id FROM quotes WHERE speaker_id IS NOT NULL AND id IN (SELECT value FROM json_each(?1))",
    )?;
    let rows = stmt.query_map(
        [serde_json::to_string(&ids).map_err(anyhow::Error::from)?],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A speaker's name, linked to their page when they have one.
fn speaker_link(name: Option<&str>, id: Option<i64>) -> Markup {
    match (name, id) {
        (Some(name), Some(id)) => html! { a href=(format!("/speakers/{id}")) { (T(name)) } },
        (Some(name), None) => html! { (T(name)) },
        _ => html! { span class="muted" { "(unknown)" } },
    }
}

/// A table of quotes, each linked to its page, its speaker and article.
fn quote_table(rows: &[QuoteRow], speakers: &HashMap<i64, i64>) -> Markup {
    html! {
        table class="quotes" {
            thead { tr { th scope="col" { "Date" } th scope="col" { "Outlet" } th scope="col" { "Speaker" } th scope="col" { "Quote" } th scope="col" { "Confidence" } } }
            tbody {
                @for q in rows {
                    tr {
                        td { (Opt(q.date.as_deref())) }
                        td { a href=(format!("/articles/{}", q.article)) { (Opt(q.outlet.as_deref())) } }
                        td { (speaker_link(q.speaker.as_deref(), speakers.get(&q.id).copied())) }
                        td {
                            a href=(format!("/quotes/{}", q.id)) { "“" (T(&q.text)) "”" }
                            @if q.kind == "indirect" { " " span class="badge" { "claim" } }
                        }
                        td { (confidence(q.confidence)) " " span class="muted" { (Opt(q.found_by.as_deref())) } }
                    }
                }
            }
        }
    }
}

/// Previous and next links (each carrying the quote the page starts from,
/// so a deep page is found from there, not counted from the start), and
/// the downloads of the page shown.
fn pager(list: &QuoteList, path: &str, rows: &[QuoteRow], prev: bool, more: bool) -> Markup {
    html! {
        nav class="pager" aria-label="Pages" {
            @if prev { a href=(list.prev_link(path, rows)) rel="prev" { "← Previous" } }
            span class="muted" { "Page " (list.page) " · " (rows.len()) " shown" }
            @if more { a href=(list.next_link(path, rows)) rel="next" { "Next →" } }
        }
        p class="downloads" {
            "Download this page: "
            a href=(list.here("/quotes.csv")) download { "CSV" } " · "
            a href=(list.here("/quotes.json")) download { "JSON" } " · "
            a href=(list.here("/api/quotes")) { "API" }
        }
    }
}

/// One page of a quote list, and whether there are pages before and after.
fn quote_page(store: &Store, list: &QuoteList) -> Result<(Vec<QuoteRow>, bool, bool), WebError> {
    Ok(list.page_of(store.quotes(&list.filter)?))
}

/// `/`: search quotes by words, speaker, outlet and dates.
pub async fn search(State(app): State<Arc<App>>, RawQuery(raw): RawQuery) -> Page {
    let params = Params::parse(raw.as_deref())?;
    let list = params.quote_list()?;
    let words = params.text("q")?;
    let (rows, (prev, more), speakers, statements) = app
        .read(move |store| {
            // Without a filter there is nothing searched for: the page
            // offers the form and the lists (and does not sort every quote).
            let (rows, prev, more) = if list.query.is_empty() {
                (Vec::new(), false, false)
            } else {
                quote_page(store, &list)?
            };
            let speakers = speaker_ids(store, &rows)?;
            // The statements matching the words head the first page only:
            // finding them costs a deep page most of its time, and a reader
            // paging on through quotes has seen them.
            let mut statements = Vec::new();
            if let Some(words) = words.as_ref().filter(|_| list.page == 1) {
                for id in track::find_statements(store.conn(), words, 5)? {
                    statements.extend(queries::statement_summary(store, id)?);
                }
            }
            Ok((rows, (prev, more), speakers, (statements, list)))
        })
        .await?;
    let (statements, list) = statements;
    let value = |name: &str| params.text(name).ok().flatten().unwrap_or_default();
    done(page(
        "Search",
        Nav::Search,
        html! {
            h1 { "Search quotes" }
            form class="filters" method="get" action="/" role="search" {
                label { "Words" input type="search" name="q" value=(value("q")) maxlength=(super::MAX_QUERY); }
                label { "Speaker" input type="text" name="speaker" value=(value("speaker")) maxlength=(super::MAX_QUERY); }
                label { "Outlet" input type="text" name="outlet" value=(value("outlet")) maxlength=(super::MAX_QUERY); }
                label { "From" input type="date" name="since" value=(value("since")); }
                label { "To" input type="date" name="until" value=(value("until")); }
                button type="submit" { "Search" }
            }
            @if !statements.is_empty() {
                h2 { "Statements" }
                p class="muted" { "One remark as every outlet reported it: open one to see how it travelled." }
                ul class="statements" {
                    @for s in &statements {
                        li {
                            a href=(format!("/statements/{}", s.id)) { "“" (Opt(s.text.as_deref())) "”" }
                            " — " (Opt(s.speaker.as_deref()))
                            span class="muted" { " · " (s.renditions) " renditions in " (s.outlets) " outlets" }
                        }
                    }
                }
            }
            @if list.query.is_empty() {
                p {
                    "Type words from a quote, part of a speaker's or outlet's name, or dates. Or browse the "
                    a href="/speakers" { "speakers" } ", " a href="/outlets" { "outlets" } " and "
                    a href="/articles" { "articles" } "."
                }
            } @else {
                h2 { "Quotes" }
                @if rows.is_empty() {
                    p { "No quote matches. Try fewer words, or part of a name." }
                } @else {
                    (quote_table(&rows, &speakers))
                }
                (pager(&list, "/", &rows, prev, more))
            }
        },
    ))
}

/// A file to download: the writers of `quotetrack export` on the page's
/// list (with the page's limit and offset, so exactly what is shown).
async fn download(app: Arc<App>, raw: Option<String>, csv: bool) -> Result<Response, WebError> {
    let params = Params::parse(raw.as_deref())?;
    let mut list = params.quote_list()?;
    list.filter.limit = Some(list.per);
    let body = app
        .read(move |store| {
            let rows = export_rows(store, &list.filter)?;
            let mut out = Vec::new();
            if csv {
                write_csv(&mut out, &rows)?;
            } else {
                write_json(&mut out, &rows)?;
            }
            Ok(out)
        })
        .await?;
    let (kind, name) = if csv {
        (
            "text/csv; charset=utf-8",
            "attachment; filename=\"quotes.csv\"",
        )
    } else {
        ("application/json", "attachment; filename=\"quotes.json\"")
    };
    Ok((
        [
            (header::CONTENT_TYPE, kind),
            (header::CONTENT_DISPOSITION, name),
        ],
        body,
    )
        .into_response())
}

/// `/quotes.csv`: the list's page as `quotetrack export` writes CSV.
pub async fn quotes_csv(
    State(app): State<Arc<App>>,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    download(app, raw, true).await
}

/// `/quotes.json`: the list's page as `quotetrack export --format json`.
pub async fn quotes_json(
    State(app): State<Arc<App>>,
    RawQuery(raw): RawQuery,
) -> Result<Response, WebError> {
    download(app, raw, false).await
}

/// The words of one difference, coloured by what happened to them.
fn diff_entry(d: &DiffEntry) -> Markup {
    let at = match d.at {
        Position::Start => "at the start",
        Position::Middle => "in the middle",
        Position::End => "at the end",
    };
    let reference = d.reference.as_deref().unwrap_or("");
    let text = d.text.as_deref().unwrap_or("");
    html! {
        @match d.op {
            ChangeKind::LeftOut => li class="left-out" { del class="left-out" { (T(reference)) } " " span class="muted" { "left out " (at) } },
            ChangeKind::Elided => li class="elided" { del class="elided" { (T(reference)) } " " span class="muted" { "cut behind an ellipsis " (at) } },
            ChangeKind::Added => li class="added" { ins class="added" { (T(text)) } " " span class="muted" { "added " (at) } },
            ChangeKind::Changed => li class="changed" {
                span class="changed" { del class="left-out" { (T(reference)) } " → " ins class="added" { (T(text)) } }
                " " span class="muted" { "changed " (at) }
            },
        }
    }
}

/// One rendition on the statement's timeline.
fn rendition(r: &Rendition, reprints: &[&Rendition]) -> Markup {
    let first = r.flags.contains(&track::Flag::First);
    let class = format!(
        "rendition {}{}",
        r.relation.as_str(),
        if first { " first" } else { "" }
    );
    html! {
        li class=(class) data-date=[r.date.as_deref()] data-quote=(r.quote) {
            div class="when" {
                strong { time datetime=[r.date.as_deref()] { (Opt(r.date.as_deref())) } }
                " · " (Opt(r.outlet.as_deref()))
                " · " span class="speaker" { (Opt(r.speaker.as_deref())) }
                " · " span class="relation" { (r.relation.as_str()) }
                @if r.reference { span class="badge reference" { "reference" } }
                @for f in &r.flags {
                    @if *f == track::Flag::First {
                        span class="badge first" { "first" }
                    } @else {
                        span class={ "badge flag flag-" (f.as_str()) } { (f.as_str().replace('_', " ")) }
                    }
                }
            }
            blockquote class="text" { a href=(format!("/quotes/{}", r.quote)) { "“" (T(&r.text)) "”" } }
            @if !r.diff.is_empty() {
                ul class="diff" aria-label="Differences from the reference" {
                    @for d in &r.diff { (diff_entry(d)) }
                }
            }
            @if let Some(e) = &r.evidence {
                div class="evidence" {
                    p { strong { "Credited here: " } (T(&e.sentence)) }
                    p {
                        strong { "But in " (Opt(e.other_outlet.as_deref())) }
                        " (" a href=(format!("/quotes/{}", e.other_quote)) { "quote " (e.other_quote) } "): "
                        (T(&e.other_sentence))
                    }
                }
            }
            p class="source muted" {
                a href=(format!("/articles/{}", r.article)) { (Opt(r.title.as_deref())) }
                @if let Some(url) = &r.url { " · " (link(url)) }
                " · speaker found by " (Opt(r.found_by.as_deref())) ", confidence " (confidence(r.confidence))
            }
            @if !reprints.is_empty() {
                div class="reprints" {
                    "Reprinted by:"
                    ul {
                        @for p in reprints {
                            li class="reprint" data-quote=(p.quote) {
                                (Opt(p.date.as_deref())) " · " (Opt(p.outlet.as_deref())) " · "
                                a href=(format!("/quotes/{}", p.quote)) { "quote " (p.quote) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The renditions in date order, with each reprint under the rendition of
/// the article it reprints (when that article has one here).
fn timeline(s: &Statement) -> Markup {
    let articles: Vec<i64> = s
        .renditions
        .iter()
        .filter(|r| r.reprint_of.is_none())
        .map(|r| r.article)
        .collect();
    let grouped = |r: &Rendition| r.reprint_of.is_some_and(|a| articles.contains(&a));
    html! {
        ol class="timeline" id="renditions" {
            @for r in s.renditions.iter().filter(|r| !grouped(r)) {
                @let reprints: Vec<&Rendition> = s.renditions.iter().filter(|p| grouped(p) && p.reprint_of == Some(r.article)).collect();
                (rendition(r, &reprints))
            }
        }
    }
}

/// `/statements/{id}`: one remark across outlets.
pub async fn statement(State(app): State<Arc<App>>, Path(raw): Path<String>) -> Page {
    let sid = id(&raw, "statement")?;
    let s = app
        .read(move |store| Ok(track::trace(store.conn(), sid)?))
        .await?;
    let Some(reference) = s.reference() else {
        return Err(WebError::NotFound(format!("there is no statement {sid}")));
    };
    let n = s.renditions.len();
    done(page(
        &format!("Statement {sid}"),
        Nav::None,
        html! {
            h1 { "Statement " (sid) ", said by " (Opt(s.speaker.as_deref())) }
            p class="meta" {
                (n) " rendition" @if n != 1 { "s" } " in " (s.outlets()) " outlet" @if s.outlets() != 1 { "s" }
                @if s.reprinted_by > 0 {
                    " (" (s.independent_reports) " independent reports, reprinted by " (s.reprinted_by) ")"
                }
                " · " a href=(format!("/api/statements/{sid}")) { "JSON" }
            }
            h2 { "Reference wording (the fullest)" }
            blockquote class="reference" { "“" (T(&reference.text)) "”" }
            h2 { "Every rendition, by date" }
            p class="legend muted" {
                "Words " del class="left-out" { "left out" } ", " ins class="added" { "added" } " and "
                span class="changed" { "changed" } " against the reference. "
                button type="button" id="toggle-same" class="js-only" aria-pressed="false" { "Hide identical renditions" }
            }
            (timeline(&s))
        },
    ))
}

/// An inline SVG bar chart of quotes per month.
fn chart(months: &[(String, i64)]) -> Markup {
    let max = months.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1);
    let bar = 24usize;
    let step = bar + 20;
    let width = (months.len() * step).max(120) + 40;
    let height = 140usize;
    // Room above the tallest bar for its count, below for the dates.
    let top = 16usize;
    html! {
        svg class="chart" role="img" aria-label="Quotes over time" width=(width) height=(height + top + 30) viewBox={ "0 0 " (width) " " (height + top + 30) } {
            title { "Quotes over time" }
            @for (i, (period, n)) in months.iter().enumerate() {
                @let h = (*n as usize * height / max as usize).max(1);
                @let x = 30 + i * step;
                rect class="bar" x=(x) y=(top + height - h) width=(bar) height=(h) { title { (T(period)) ": " (n) } }
                text x=(x) y=(top + height + 12) { (T(period.get(5..).filter(|_| period.len() == 10).unwrap_or(period))) }
                text x=(x) y=(top + height - h - 3) { (n) }
            }
        }
    }
}

/// `/speakers/{id}`: one speaker, their names, outlets and quotes.
pub async fn speaker(
    State(app): State<Arc<App>>,
    Path(raw): Path<String>,
    RawQuery(query): RawQuery,
) -> Page {
    let sid = id(&raw, "speaker")?;
    let params = Params::parse(query.as_deref())?;
    let mut list = params.quote_list()?;
    list.filter.speaker_id = Some(sid);
    if !list.query.contains("speaker_id=") {
        list.query = if list.query.is_empty() {
            format!("speaker_id={sid}")
        } else {
            format!("speaker_id={sid}&{}", list.query)
        };
    }
    let (detail, months, (rows, prev, more), list) = app
        .read(move |store| {
            let Some(detail) = store.speaker_detail(sid)? else {
                return Err(WebError::NotFound(format!("there is no speaker {sid}")));
            };
            let months = queries::quotes_over_time(store, sid)?;
            let page = quote_page(store, &list)?;
            Ok((detail, months, page, list))
        })
        .await?;
    let s = &detail.speaker;
    let edit_token = app.edit_token();
    let speakers: HashMap<i64, i64> = rows.iter().map(|q| (q.id, sid)).collect();
    done(page(
        &s.name,
        Nav::Speakers,
        html! {
            h1 { (T(&s.name)) }
            p class="meta" {
                (T(&s.kind)) " · " (s.quotes) " quotes in " (s.outlets) " outlets · "
                (Opt(s.first_quoted.as_deref())) " to " (Opt(s.last_quoted.as_deref()))
                @if let Some(q) = &s.wikidata_id { " · Wikidata " (T(q)) }
                " · " a href=(format!("/api/speakers/{sid}")) { "JSON" }
            }
            @if !detail.names.is_empty() {
                h2 { "Found under these names" }
                ul { @for (name, n) in &detail.names { li { (T(name)) span class="muted" { " · " (n) } } } }
            }
            @if !detail.roles.is_empty() {
                h2 { "Roles" }
                ul { @for (role, n) in &detail.roles { li { (T(role)) span class="muted" { " · " (n) } } } }
            }
            h2 { "Quotes over time" }
            @if months.is_empty() { p class="muted" { "No dated quotes." } } @else { (chart(&months)) }
            h2 { "Outlets" }
            table {
                thead { tr { th scope="col" { "Outlet" } th scope="col" { "Quotes" } th scope="col" { "First" } th scope="col" { "Last" } } }
                tbody {
                    @for o in &detail.outlets {
                        tr { td { (Opt(o.outlet.as_deref())) } td { (o.quotes) } td { (Opt(o.first.as_deref())) } td { (Opt(o.last.as_deref())) } }
                    }
                }
            }
            h2 { "Quotes" }
            (quote_table(&rows, &speakers))
            (pager(&list, &format!("/speakers/{sid}"), &rows, prev, more))
            @if let Some(token) = edit_token { (super::edit::forms(token, sid, &detail.names)) }
        },
    ))
}

/// `/speakers`: people and organisations, most quoted first; `name`
/// narrows to names containing it.
pub async fn speakers(State(app): State<Arc<App>>, RawQuery(raw): RawQuery) -> Page {
    let params = Params::parse(raw.as_deref())?;
    let (page_no, per) = params.page()?;
    let name = params.text("name")?;
    let wanted = name.clone();
    let reader = Arc::clone(&app);
    let (rows, total) = reader
        .read(move |store| {
            let all = app.speaker_list(store)?;
            let ids = match &wanted {
                Some(name) => Some(store.speakers_named(name)?),
                None => None,
            };
            let wanted = |r: &&SpeakerRow| {
                ids.as_ref()
                    .is_none_or(|ids| ids.binary_search(&r.id).is_ok())
            };
            let total = all.iter().filter(wanted).count();
            let rows: Vec<SpeakerRow> = all
                .iter()
                .filter(wanted)
                .skip((page_no - 1) * per)
                .take(per)
                .cloned()
                .collect();
            Ok((rows, total))
        })
        .await?;
    let link = |p: usize| {
        let mut q = params.keep(&["name", "per"]);
        if p > 1 {
            q.push_str(if q.is_empty() { "" } else { "&" });
            q.push_str(&format!("page={p}"));
        }
        if q.is_empty() {
            "/speakers".to_string()
        } else {
            format!("/speakers?{q}")
        }
    };
    done(page(
        "Speakers",
        Nav::Speakers,
        html! {
            h1 { "Speakers" }
            form class="filters" method="get" action="/speakers" role="search" {
                label { "Name" input type="search" name="name" value=(name.as_deref().unwrap_or("")) maxlength=(super::MAX_QUERY); }
                button type="submit" { "Find" }
            }
            table {
                thead { tr { th scope="col" { "Speaker" } th scope="col" { "Kind" } th scope="col" { "Quotes" } th scope="col" { "Outlets" } th scope="col" { "First" } th scope="col" { "Last" } } }
                tbody {
                    @for r in &rows {
                        tr {
                            td { a href=(format!("/speakers/{}", r.id)) { (T(&r.name)) } }
                            td { (T(&r.kind)) } td { (r.quotes) } td { (r.outlets) }
                            td { (Opt(r.first_quoted.as_deref())) } td { (Opt(r.last_quoted.as_deref())) }
                        }
                    }
                }
            }
            nav class="pager" aria-label="Pages" {
                @if page_no > 1 { a href=(link(page_no - 1)) rel="prev" { "← Previous" } }
                span class="muted" { (total) " speakers" }
                @if page_no * per < total { a href=(link(page_no + 1)) rel="next" { "Next →" } }
            }
        },
    ))
}

/// The metadata of a quote, as a definition list.
fn quote_facts(
    q: &crate::store::QuoteInContext,
    speaker: Option<i64>,
    statement: Option<i64>,
) -> Markup {
    let r = &q.quote;
    html! {
        dl class="facts" {
            dt { "Speaker" } dd { (speaker_link(r.speaker.as_deref(), speaker)) @if let Some(k) = &r.speaker_kind { span class="muted" { " (" (T(k)) ")" } } }
            dt { "As written" } dd { (Opt(r.speaker_as_written.as_deref())) }
            @if let Some(role) = &q.speaker_role { dt { "Role" } dd { (T(role)) } }
            dt { "How found" } dd { (Opt(r.found_by.as_deref())) " · cue " (Opt(r.cue.as_deref())) }
            dt { "Confidence" } dd { (confidence(r.confidence)) }
            dt { "Kind" } dd { (T(&r.kind)) " · " (T(&r.section)) }
            dt { "Outlet" } dd { (Opt(r.outlet.as_deref())) }
            dt { "Date" } dd { (Opt(r.date.as_deref())) @if let Some(src) = &q.date_source { span class="muted" { " (from " (T(src)) ")" } } }
            dt { "Title" } dd { a href=(format!("/articles/{}", r.article)) { (Opt(r.title.as_deref())) } }
            dt { "URL" } dd { @if let Some(url) = &r.url { (link(url)) } @else { "–" } }
            @if let Some(url) = &q.canonical_url { dt { "Canonical URL" } dd { (link(url)) } }
            @if let Some(s) = statement { dt { "Statement" } dd { a href=(format!("/statements/{s}")) { "How this remark travelled (statement " (s) ")" } } }
        }
    }
}

/// The article's quotes as marks, `this` one singled out.
fn quote_spans(rows: &[QuoteRow], this: Option<i64>) -> Vec<Span> {
    rows.iter()
        .map(|q| Span {
            start: q.start,
            end: q.end,
            id: format!("q{}", q.id),
            class: if Some(q.id) == this { "q this" } else { "q" },
            title: q.speaker.clone(),
            href: (Some(q.id) != this).then(|| format!("/quotes/{}", q.id)),
            label: Some(q.speaker.clone().unwrap_or_else(|| "(unknown)".to_string())),
        })
        .collect()
}

/// Every record of an article, quotes and claims, in order.
fn article_quotes(store: &Store, article: i64) -> Result<Vec<QuoteRow>, WebError> {
    Ok(store.quotes(&crate::store::QuoteFilter {
        article: Some(article),
        kinds: crate::Kinds::ALL,
        ..Default::default()
    })?)
}

/// `/quotes/{id}`: one quote in its paragraph and its article.
pub async fn quote(State(app): State<Arc<App>>, Path(raw): Path<String>) -> Page {
    let qid = id(&raw, "quote")?;
    let (q, speaker, statement, article, all) = app
        .read(move |store| {
            let Some(q) = store.quote(qid)? else {
                return Err(WebError::NotFound(format!("there is no quote {qid}")));
            };
            let speaker = speaker_ids(store, std::slice::from_ref(&q.quote))?
                .get(&qid)
                .copied();
            let statement = queries::statement_of(store, qid)?;
            let article = queries::article(store, q.quote.article)?;
            let all = article_quotes(store, q.quote.article)?;
            Ok((q, speaker, statement, article, all))
        })
        .await?;
    let r = &q.quote;
    let here = Span {
        start: q.paragraph_start,
        end: q.paragraph_end,
        id: "here".into(),
        class: "q this",
        title: None,
        href: None,
        label: None,
    };
    done(page(
        &format!("Quote {qid}"),
        Nav::None,
        html! {
            h1 { "Quote " (qid) }
            blockquote class="reference" { "“" (T(&r.text)) "”" " — " (speaker_link(r.speaker.as_deref(), speaker)) }
            (quote_facts(&q, speaker, statement))
            p { a href=(format!("/api/quotes/{qid}")) { "JSON" } }
            h2 { "In its paragraph" }
            div class="article-text paragraph" { (marked(&q.paragraph, vec![here])) }
            @if let Some(a) = &article {
                h2 { "In the whole article" }
                div class="article-text" { (marked(&a.text, quote_spans(&all, Some(qid)))) }
            }
        },
    ))
}

/// `/articles/{id}`: the stored text with every quote marked.
pub async fn article(State(app): State<Arc<App>>, Path(raw): Path<String>) -> Page {
    let aid = id(&raw, "article")?;
    let (a, rows, speakers) = app
        .read(move |store| {
            let Some(a) = queries::article(store, aid)? else {
                return Err(WebError::NotFound(format!("there is no article {aid}")));
            };
            let rows = article_quotes(store, aid)?;
            let speakers = speaker_ids(store, &rows)?;
            Ok((a, rows, speakers))
        })
        .await?;
    let m = &a.article;
    done(page(
        m.title.as_deref().unwrap_or("Article"),
        Nav::Articles,
        html! {
            h1 { (Opt(m.title.as_deref())) }
            p class="meta" {
                (Opt(m.outlet.as_deref())) " · " (Opt(m.date.as_deref()))
                @if let Some(url) = &m.url { " · " (link(url)) }
                @if let Some(r) = m.reprint_of { " · reprints " a href=(format!("/articles/{r}")) { "article " (r) } }
                " · " (rows.len()) " quotes and claims · "
                a href=(format!("/quotes.csv?article={aid}&kind=all&per=500")) download { "CSV" } " · "
                a href=(format!("/quotes.json?article={aid}&kind=all&per=500")) download { "JSON" } " · "
                a href=(format!("/api/articles/{aid}")) { "API" }
            }
            div class="article-text" { (marked(&a.text, quote_spans(&rows, None))) }
            h2 { "Quotes" }
            (quote_table(&rows, &speakers))
        },
    ))
}

/// `/articles`: newest first, of one outlet (`outlet=ID`) or all.
pub async fn articles(State(app): State<Arc<App>>, RawQuery(raw): RawQuery) -> Page {
    let params = Params::parse(raw.as_deref())?;
    let (page_no, per) = params.page()?;
    let outlet = params.number("outlet")?;
    let (rows, more, outlet_name) = app
        .read(move |store| {
            let mut rows = queries::articles(store, outlet, per + 1, (page_no - 1) * per)?;
            let more = rows.len() > per;
            rows.truncate(per);
            let name = match outlet {
                Some(o) => Some(
                    queries::outlet_name(store, o)?
                        .ok_or_else(|| WebError::NotFound(format!("there is no outlet {o}")))?,
                ),
                None => None,
            };
            Ok((rows, more, name))
        })
        .await?;
    let page_link = |p: usize| {
        let mut q = params.keep(&["outlet", "per"]);
        q.push_str(if q.is_empty() { "" } else { "&" });
        q.push_str(&format!("page={p}"));
        format!("/articles?{q}")
    };
    done(page(
        "Articles",
        Nav::Articles,
        html! {
            h1 { "Articles" @if let Some(n) = &outlet_name { " from " (T(n)) } }
            table {
                thead { tr { th scope="col" { "Date" } th scope="col" { "Outlet" } th scope="col" { "Title" } th scope="col" { "URL" } } }
                tbody {
                    @for a in &rows {
                        tr {
                            td { (Opt(a.date.as_deref())) }
                            td { (Opt(a.outlet.as_deref())) }
                            td { a href=(format!("/articles/{}", a.id)) { (T(a.title.as_deref().unwrap_or("(no title)"))) } }
                            td { @if let Some(u) = &a.url { (link(u)) } }
                        }
                    }
                }
            }
            nav class="pager" aria-label="Pages" {
                @if page_no > 1 { a href=(page_link(page_no - 1)) rel="prev" { "← Previous" } }
                span class="muted" { "Page " (page_no) }
                @if more { a href=(page_link(page_no + 1)) rel="next" { "Next →" } }
            }
        },
    ))
}

/// `/outlets`: every outlet with its articles.
pub async fn outlets(State(app): State<Arc<App>>) -> Page {
    let reader = Arc::clone(&app);
    let rows = reader
        .read(move |store| Ok(app.outlet_list(store)?))
        .await?;
    done(page(
        "Outlets",
        Nav::Outlets,
        html! {
            h1 { "Outlets" }
            table {
                thead { tr { th scope="col" { "Outlet" } th scope="col" { "Articles" } th scope="col" { "First" } th scope="col" { "Last" } th scope="col" { "Quotes" } } }
                tbody {
                    @for o in rows.iter() {
                        tr {
                            td { a href=(format!("/articles?outlet={}", o.id)) { (T(&o.name)) } }
                            td { (o.articles) }
                            td { (Opt(o.first.as_deref())) } td { (Opt(o.last.as_deref())) }
                            td { a href={ "/?" (url::form_urlencoded::Serializer::new(String::new()).append_pair("outlet", &clean(&o.name)).finish()) } { "quotes" } }
                        }
                    }
                }
            }
        },
    ))
}

/// `/assets/{name}`: the embedded stylesheet and script, nothing else.
pub async fn asset(Path(name): Path<String>) -> Response {
    super::assets::asset(&name).unwrap_or_else(|| {
        WebError::NotFound(format!("there is no asset {name:?}")).into_response()
    })
}

/// Any other address.
pub async fn not_found(uri: axum::http::Uri) -> WebError {
    WebError::NotFound(format!("there is no page at {}", uri.path()))
}
