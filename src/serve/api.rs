//! `/api/...`: the records behind the pages as JSON, the same records the
//! CLI's JSON gives (`quotes --format json`, `show --format json`, `trace
//! --format json`, `speakers`). Errors are JSON too.

use std::sync::Arc;

use axum::Json;
use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::{Value, json};

use super::params::{Params, id};
use super::{App, WebError, queries};
use crate::track;

type Api = Result<Response, Response>;

fn ok<T: Serialize>(value: T) -> Api {
    Ok(Json(value).into_response())
}

/// `/api`: what there is.
pub async fn index() -> Json<Value> {
    Json(json!({
        "endpoints": {
            "/api/quotes": "quotes as `quotetrack quotes --format json`; q, speaker, speaker_id, outlet, since, until, article, kind, page, per, after or before (a quote id: the page starts just past it, as the Link header gives)",
            "/api/quotes/{id}": "one quote with its paragraph, as `quotetrack show ID --format json`",
            "/api/statements?q=WORDS": "statements whose renditions contain the words, as `quotetrack trace WORDS --format json --no-claims` (claims=1: with claims, as without --no-claims); limit",
            "/api/statements/{id}": "one statement with every rendition, its diff and flags (claims=1: with claims)",
            "/api/speakers": "speakers, most quoted first, as `quotetrack speakers list --format jsonl`",
            "/api/speakers/{id}": "one speaker: names, roles, outlets",
            "/api/articles/{id}": "one article's text and its quotes",
            "/api/outlets": "outlets with their article counts"
        }
    }))
}

/// `/api/quotes`: a page of quotes; a `Link` header gives the next page
/// (from the last quote of this one: `after=ID`).
pub async fn quotes(State(app): State<Arc<App>>, RawQuery(raw): RawQuery) -> Api {
    let params = Params::parse(raw.as_deref()).map_err(WebError::json)?;
    let list = params.quote_list().map_err(WebError::json)?;
    let (rows, list) = app
        .read(move |store| Ok((store.quotes(&list.filter)?, list)))
        .await
        .map_err(WebError::json)?;
    let (rows, _, more) = list.page_of(rows);
    let mut response = Json(&rows).into_response();
    if more
        && let Ok(value) =
            format!("<{}>; rel=\"next\"", list.next_link("/api/quotes", &rows)).parse()
    {
        response.headers_mut().insert(header::LINK, value);
    }
    Ok(response)
}

/// `/api/quotes/{id}`.
pub async fn quote(State(app): State<Arc<App>>, Path(raw): Path<String>) -> Api {
    let qid = id(&raw, "quote").map_err(WebError::json)?;
    let q = app
        .read(move |store| {
            store
                .quote(qid)?
                .ok_or_else(|| WebError::NotFound(format!("there is no quote {qid}")))
        })
        .await
        .map_err(WebError::json)?;
    ok(q)
}

/// `/api/statements?q=WORDS`: up to `limit` (default 3, at most 20)
/// statements, with the claims beside them as `trace` gives them.
pub async fn statements(State(app): State<Arc<App>>, RawQuery(raw): RawQuery) -> Api {
    let params = Params::parse(raw.as_deref()).map_err(WebError::json)?;
    let words = params.text("q").map_err(WebError::json)?.ok_or_else(|| {
        WebError::BadRequest("give the words to look for as q=WORDS".into()).json()
    })?;
    let limit = params.number("limit").map_err(WebError::json)?.unwrap_or(3);
    let claims = wants_claims(&params).map_err(WebError::json)?;
    if !(1..=20).contains(&limit) {
        return Err(WebError::BadRequest("limit must be between 1 and 20".into()).json());
    }
    let found = app
        .read(move |store| {
            let conn = store.conn();
            let mut statements = track::find_statements(conn, &words, limit as usize)?
                .into_iter()
                .map(|id| track::trace(conn, id))
                .collect::<anyhow::Result<Vec<_>>>()?;
            if claims {
                with_claims(conn, &mut statements, Some(&words))?;
            }
            Ok(statements)
        })
        .await
        .map_err(WebError::json)?;
    ok(found)
}

/// `claims=1`: set the claims in reported speech beside each statement,
/// as `trace` does (a search of its own, so asked for, not by default:
/// `trace --no-claims`'s records otherwise).
fn wants_claims(params: &Params) -> Result<bool, WebError> {
    match params.text("claims")?.as_deref() {
        None | Some("0") => Ok(false),
        Some("1") => Ok(true),
        Some(other) => Err(WebError::BadRequest(format!(
            "claims must be 0 or 1, not {other:?}"
        ))),
    }
}

/// Set each statement's claims beside it, as `trace` does.
fn with_claims(
    conn: &rusqlite::Connection,
    statements: &mut [track::Statement],
    searched: Option<&str>,
) -> anyhow::Result<()> {
    for claim in track::claims_beside(conn, statements, searched)? {
        if let Some(s) = statements
            .iter_mut()
            .find(|s| Some(s.statement) == claim.statement)
        {
            s.claims.push(claim);
        }
    }
    Ok(())
}

/// `/api/statements/{id}`.
pub async fn statement(
    State(app): State<Arc<App>>,
    Path(raw): Path<String>,
    RawQuery(query): RawQuery,
) -> Api {
    let sid = id(&raw, "statement").map_err(WebError::json)?;
    let params = Params::parse(query.as_deref()).map_err(WebError::json)?;
    let claims = wants_claims(&params).map_err(WebError::json)?;
    let s = app
        .read(move |store| {
            let mut s = vec![track::trace(store.conn(), sid)?];
            if s[0].renditions.is_empty() {
                return Err(WebError::NotFound(format!("there is no statement {sid}")));
            }
            if claims {
                with_claims(store.conn(), &mut s, None)?;
            }
            Ok(s.remove(0))
        })
        .await
        .map_err(WebError::json)?;
    ok(s)
}

/// `/api/speakers`.
pub async fn speakers(State(app): State<Arc<App>>, RawQuery(raw): RawQuery) -> Api {
    let params = Params::parse(raw.as_deref()).map_err(WebError::json)?;
    let (page, per) = params.page().map_err(WebError::json)?;
    let reader = Arc::clone(&app);
    let rows = reader
        .read(move |store| {
            Ok(app
                .speaker_list(store)?
                .iter()
                .skip((page - 1) * per)
                .take(per)
                .cloned()
                .collect::<Vec<_>>())
        })
        .await
        .map_err(WebError::json)?;
    ok(rows.as_slice())
}

/// `/api/speakers/{id}`.
pub async fn speaker(State(app): State<Arc<App>>, Path(raw): Path<String>) -> Api {
    let sid = id(&raw, "speaker").map_err(WebError::json)?;
    let d = app
        .read(move |store| {
            store
                .speaker_detail(sid)?
                .ok_or_else(|| WebError::NotFound(format!("there is no speaker {sid}")))
        })
        .await
        .map_err(WebError::json)?;
    ok(d)
}

/// `/api/articles/{id}`: the article and its quotes and claims.
pub async fn article(State(app): State<Arc<App>>, Path(raw): Path<String>) -> Api {
    let aid = id(&raw, "article").map_err(WebError::json)?;
    let (a, quotes) = app
        .read(move |store| {
            let a = queries::article(store, aid)?
                .ok_or_else(|| WebError::NotFound(format!("there is no article {aid}")))?;
            let quotes = store.quotes(&crate::store::QuoteFilter {
                article: Some(aid),
                kinds: crate::Kinds::ALL,
                ..Default::default()
            })?;
            Ok((a, quotes))
        })
        .await
        .map_err(WebError::json)?;
    ok(json!({ "article": a, "quotes": quotes }))
}

/// `/api/outlets`.
pub async fn outlets(State(app): State<Arc<App>>) -> Api {
    let reader = Arc::clone(&app);
    let rows = reader
        .read(move |store| Ok(app.outlet_list(store)?))
        .await
        .map_err(WebError::json)?;
    ok(rows.as_slice())
}
