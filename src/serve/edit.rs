//! Speaker corrections from the speaker page, with `serve --allow-edits`
//! only: merge into another speaker, split a name off, add an alias. Each
//! is a POST carrying the server's token (CSRF: another site's page can
//! make the browser post here, but cannot read the token to put in it), and
//! is applied by the function the CLI gives ([`super::EditFn`]), so the
//! corrections CSV beside the database is written as `quotetrack speakers`
//! writes it.

use std::sync::Arc;

use anyhow::{Context, Result};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use maud::{Markup, html};

use super::html::T;
use super::params::{Params, id};
use super::{App, Edit, WebError};

/// A fresh random token for this run of the server.
pub fn token() -> Result<String> {
    use std::io::Read;
    let mut bytes = [0u8; 24];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .context("cannot read /dev/urandom for the edit form's token")?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Equal, in time that does not depend on where they differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

impl App {
    /// The edit token, when edits are on.
    pub(crate) fn edit_token(&self) -> Option<&str> {
        self.edits.as_ref().map(|(_, t)| t.as_str())
    }
}

/// The forms of the speaker page, when edits are on.
pub fn forms(token: &str, speaker: i64, names: &[(String, i64)]) -> Markup {
    let action = format!("/speakers/{speaker}/edit");
    html! {
        h2 { "Corrections" }
        p class="muted" { "Saved to the corrections file beside the database, as " code { "quotetrack speakers" } " saves them." }
        form class="filters" method="post" action=(action) {
            input type="hidden" name="csrf" value=(token);
            input type="hidden" name="action" value="merge";
            label { "Merge this speaker into (name or id)" input type="text" name="into" required maxlength=(super::MAX_QUERY); }
            button type="submit" { "Merge" }
        }
        form class="filters" method="post" action=(action) {
            input type="hidden" name="csrf" value=(token);
            input type="hidden" name="action" value="alias";
            label { "Add another name" input type="text" name="alias" required maxlength=(super::MAX_QUERY); }
            button type="submit" { "Add alias" }
        }
        @if names.len() > 1 {
            form class="filters" method="post" action=(action) {
                input type="hidden" name="csrf" value=(token);
                input type="hidden" name="action" value="split";
                label { "Make a name its own speaker"
                    select name="name" { @for (n, _) in names { option value=(n) { (T(n)) } } }
                }
                button type="submit" { "Split" }
            }
        }
    }
}

/// `POST /speakers/{id}/edit`.
pub async fn post(
    State(app): State<Arc<App>>,
    Path(raw): Path<String>,
    headers: HeaderMap,
    body: String,
) -> Result<Response, WebError> {
    let Some((apply, token)) = app.edits.clone() else {
        return Err(WebError::Forbidden(
            "edits are off; start the server with `quotetrack serve --allow-edits` to correct speakers from the page".into(),
        ));
    };
    let form_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !form_type.starts_with("application/x-www-form-urlencoded") {
        return Err(WebError::BadRequest("send the page's form".into()));
    }
    let speaker = id(&raw, "speaker")?;
    let form = Params::parse(Some(&body))?;
    if !form.text("csrf")?.is_some_and(|t| same(&t, &token)) {
        return Err(WebError::Forbidden(
            "the form's token is missing or stale; reload the speaker page and try again".into(),
        ));
    }
    let required = |name: &str| -> Result<String, WebError> {
        form.text(name)?
            .ok_or_else(|| WebError::BadRequest(format!("give {name}")))
    };
    let edit = match form.text("action")?.as_deref() {
        Some("merge") => Edit::Merge {
            speaker,
            into: required("into")?,
        },
        Some("split") => Edit::Split {
            speaker,
            name: required("name")?,
        },
        Some("alias") => Edit::Alias {
            speaker,
            alias: required("alias")?,
        },
        _ => {
            return Err(WebError::BadRequest(
                "action must be merge, split or alias".into(),
            ));
        }
    };
    let app2 = Arc::clone(&app);
    let done = tokio::task::spawn_blocking(move || {
        let _one = app2.editing.lock();
        let done = apply(&app2.db, &edit);
        app2.speakers.clear();
        done
    })
    .await
    .map_err(|e| WebError::Internal(anyhow::anyhow!("an edit failed: {e}")))?
    .map_err(|e| WebError::BadRequest(format!("{e:#}")))?;
    let body = super::html::page(
        "Saved",
        super::html::Nav::Speakers,
        html! {
            h1 { "Saved" }
            p role="status" { (T(&done)) }
            p { a href="/speakers" { "Speakers" } }
        },
    );
    Ok((StatusCode::OK, axum::response::Html(body.into_string())).into_response())
}
