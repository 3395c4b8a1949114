//! `quotetrack serve`: the database as web pages and a JSON API, for
//! people who would rather look than type.
//!
//! Read-only: every request reads the database through a connection opened
//! with SQLite's read-only flag ([`Store::open_read_only`]). Pages are maud
//! templates (checked when compiled, every value escaped); the one
//! stylesheet and script are compiled in ([`assets`]). Every answer carries
//! a Content-Security-Policy that allows scripts and styles from this site
//! only, so even markup that slipped through could run nothing.
//!
//! The pages: `/` search, `/statements/{id}` a remark across outlets,
//! `/speakers` and `/speakers/{id}`, `/quotes/{id}`, `/articles` and
//! `/articles/{id}`, `/outlets`; `/quotes.csv` and `/quotes.json` download
//! a list of quotes with the writers of `quotetrack export`; `/api/...`
//! gives the same records as the CLI's JSON.

use std::cell::RefCell;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use axum::Router;
use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::store::{SpeakerRow, Store};

mod api;
pub mod assets;
mod edit;
pub mod html;
mod pages;
mod params;
mod queries;

pub use params::{MAX_QUERY, PER_PAGE_MAX};

/// What the server was asked to serve.
#[derive(Clone)]
pub struct Config {
    pub db: PathBuf,
    /// `--allow-edits`: how a speaker correction from a page is applied
    /// (the CLI passes its own `speakers merge/split/alias add`, so the
    /// same corrections CSV is written the same way). `None`: read-only.
    pub edits: Option<EditFn>,
}

/// A speaker correction asked for from a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Fold speaker `speaker` (an id) into the speaker called `into`.
    Merge { speaker: i64, into: String },
    /// Take `name` out of speaker `speaker` (or split it into its names).
    Split { speaker: i64, name: String },
    /// Record `alias` as another name of speaker `speaker`.
    Alias { speaker: i64, alias: String },
}

/// Applies an [`Edit`] to the database at the path; returns what was done,
/// for the page, or an error worded for the user.
pub type EditFn = Arc<dyn Fn(&Path, &Edit) -> Result<String> + Send + Sync>;

/// The server's state: the database to read, and the lists that need a
/// pass over every quote (speakers by quote count, outlets by articles),
/// kept for [`LIST_TTL`] so a large database answers them at once.
pub struct App {
    db: PathBuf,
    /// With `--allow-edits`: how to apply an edit, and the token every
    /// form carries (a page of another site cannot read it, so cannot post
    /// an edit on the user's behalf).
    edits: Option<(EditFn, String)>,
    /// Edits are applied one at a time.
    editing: Mutex<()>,
    speakers: Cached<Vec<SpeakerRow>>,
    outlets: Cached<Vec<queries::OutletRow>>,
}

/// How long a whole-database list is reused before it is read again (an
/// ingest may be adding to the database meanwhile).
pub const LIST_TTL: Duration = Duration::from_secs(300);

/// A value read from the database, and when.
struct Cached<T>(Mutex<Option<(Instant, Arc<T>)>>);

impl<T> Cached<T> {
    fn new() -> Self {
        Cached(Mutex::new(None))
    }

    /// The value, read by `read` when there is none or it is older than
    /// [`LIST_TTL`]. Concurrent callers wait for one read.
    fn get(&self, read: impl FnOnce() -> Result<T>) -> Result<Arc<T>> {
        let mut slot = self
            .0
            .lock()
            .map_err(|_| anyhow::anyhow!("a request failed while reading a list"))?;
        if let Some((at, value)) = slot.as_ref()
            && at.elapsed() < LIST_TTL
        {
            return Ok(Arc::clone(value));
        }
        let value = Arc::new(read()?);
        *slot = Some((Instant::now(), Arc::clone(&value)));
        Ok(value)
    }

    /// Read it again next time (after an edit).
    fn clear(&self) {
        if let Ok(mut slot) = self.0.lock() {
            *slot = None;
        }
    }
}

/// At most this many requests read the database at once (the blocking
/// threads of the runtime, each with its own connection); the rest wait
/// their turn, so memory stays flat under many concurrent requests. Two
/// cores keep four busy; eight held twice the page caches (the server
/// rose from 29 MB idle to 415-430 MB under 200 concurrent clients).
pub const READERS: usize = 4;

/// What SQLite may hold in memory, all reading connections together (its
/// soft heap limit): past it, page caches give up pages rather than grow
/// and sorts spill to temporary files, so the server's memory stays flat
/// however many requests it answers. Four readers' page caches (16 MB
/// each, [`Store::open_read_only`]) fit in it.
pub const SQLITE_HEAP: i64 = 64 << 20;

thread_local! {
    /// This thread's read-only connection, and the database it is on. A
    /// [`Store`] stays on the thread that opened it (it is not `Send`), so
    /// each of the runtime's blocking threads keeps one, dropped with the
    /// thread when it has been idle a while.
    static READER: RefCell<Option<(PathBuf, Store)>> = const { RefCell::new(None) };
}

impl App {
    /// Check the database opens read-only.
    pub fn new(config: &Config) -> Result<App> {
        let check = Store::open_read_only(&config.db)?;
        // Process-wide: every connection opened later shares the limit.
        check
            .conn()
            .pragma_update_and_check(None, "soft_heap_limit", SQLITE_HEAP, |r| {
                r.get::<_, i64>(0)
            })?;
        drop(check);
        let edits = match &config.edits {
            Some(f) => Some((Arc::clone(f), edit::token()?)),
            None => None,
        };
        Ok(App {
            db: config.db.clone(),
            edits,
            editing: Mutex::new(()),
            speakers: Cached::new(),
            outlets: Cached::new(),
        })
    }

    /// People and organisations, most quoted first.
    pub(crate) fn speaker_list(&self, store: &Store) -> Result<Arc<Vec<SpeakerRow>>> {
        self.speakers
            .get(|| store.speaker_list(&["person", "organisation"]))
    }

    /// Outlets, most articles first.
    pub(crate) fn outlet_list(&self, store: &Store) -> Result<Arc<Vec<queries::OutletRow>>> {
        self.outlets.get(|| queries::outlets(store))
    }

    /// Read the whole-database lists once, so the first visitor does not
    /// wait for them.
    fn warm(self: &Arc<Self>) {
        let app = Arc::clone(self);
        std::thread::spawn(move || {
            let _ = app.with_store(|store| {
                app.speaker_list(store)?;
                app.outlet_list(store)?;
                Ok(())
            });
        });
    }

    /// Run `f` on this thread's connection, opening it if needed.
    fn with_store<T>(&self, f: impl FnOnce(&Store) -> Result<T, WebError>) -> Result<T, WebError> {
        READER.with(|cell| {
            let mut reader = cell.borrow_mut();
            if reader.as_ref().is_none_or(|(path, _)| *path != self.db) {
                *reader = Some((self.db.clone(), Store::open_read_only(&self.db)?));
            }
            match reader.as_ref() {
                Some((_, store)) => f(store),
                None => Err(WebError::Internal(anyhow::anyhow!("no connection"))),
            }
        })
    }

    /// Run `f` on a connection, on a thread where blocking is allowed.
    pub(crate) async fn read<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&Store) -> Result<T, WebError> + Send + 'static,
    ) -> Result<T, WebError> {
        let app = Arc::clone(self);
        tokio::task::spawn_blocking(move || app.with_store(f))
            .await
            .map_err(|e| WebError::Internal(anyhow::anyhow!("a request failed: {e}")))?
    }
}

/// What can go wrong answering a request, each with its status.
#[derive(Debug)]
pub enum WebError {
    /// No such page or record (404).
    NotFound(String),
    /// A parameter that cannot be read (400).
    BadRequest(String),
    /// Not allowed: edits when they are off, a form without its token (403).
    Forbidden(String),
    /// The database failed (500); the details go to standard error only.
    Internal(anyhow::Error),
}

impl From<anyhow::Error> for WebError {
    fn from(e: anyhow::Error) -> Self {
        // A page link's quote that is not stored is the request's fault.
        match e.downcast_ref::<crate::store::UnknownCursor>() {
            Some(unknown) => WebError::BadRequest(unknown.to_string()),
            None => WebError::Internal(e),
        }
    }
}

impl From<rusqlite::Error> for WebError {
    fn from(e: rusqlite::Error) -> Self {
        WebError::Internal(e.into())
    }
}

impl WebError {
    fn parts(&self) -> (StatusCode, String) {
        match self {
            WebError::NotFound(m) => (StatusCode::NOT_FOUND, m.clone()),
            WebError::BadRequest(m) => (StatusCode::BAD_REQUEST, m.clone()),
            WebError::Forbidden(m) => (StatusCode::FORBIDDEN, m.clone()),
            WebError::Internal(e) => {
                eprintln!("quotetrack serve: {e:#}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "the database could not answer; see the server's output".to_string(),
                )
            }
        }
    }

    /// The error as a JSON body, for the API.
    pub fn json(self) -> Response {
        let (status, message) = self.parts();
        (
            status,
            axum::Json(serde_json::json!({ "error": message, "status": status.as_u16() })),
        )
            .into_response()
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let (status, message) = self.parts();
        let title = match status {
            StatusCode::NOT_FOUND => "Not found",
            StatusCode::BAD_REQUEST => "Bad request",
            StatusCode::FORBIDDEN => "Not allowed",
            _ => "Error",
        };
        let body = html::page(
            title,
            html::Nav::None,
            maud::html! {
                h1 { (title) }
                p class="error" { (html::T(&message)) }
                p { a href="/" { "Back to search" } }
            },
        );
        (status, axum::response::Html(body.into_string())).into_response()
    }
}

/// Every route of the site.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(pages::search))
        .route("/quotes.csv", get(pages::quotes_csv))
        .route("/quotes.json", get(pages::quotes_json))
        .route("/quotes/{id}", get(pages::quote))
        .route("/statements/{id}", get(pages::statement))
        .route("/speakers", get(pages::speakers))
        .route("/speakers/{id}", get(pages::speaker))
        .route("/articles", get(pages::articles))
        .route("/articles/{id}", get(pages::article))
        .route("/outlets", get(pages::outlets))
        .route("/assets/{name}", get(pages::asset))
        .route("/api", get(api::index))
        .route("/api/quotes", get(api::quotes))
        .route("/api/quotes/{id}", get(api::quote))
        .route("/api/statements", get(api::statements))
        .route("/api/statements/{id}", get(api::statement))
        .route("/api/speakers", get(api::speakers))
        .route("/api/speakers/{id}", get(api::speaker))
        .route("/api/articles/{id}", get(api::article))
        .route("/api/outlets", get(api::outlets))
        .route("/speakers/{id}/edit", axum::routing::post(edit::post))
        .fallback(pages::not_found)
        .layer(DefaultBodyLimit::max(16 * 1024))
        .layer(middleware::from_fn(guard))
        .with_state(app)
}

/// The longest request target (path and query) answered.
const MAX_URI: usize = 4096;

/// Before every request: refuse overlong targets. After: the security
/// headers.
async fn guard(request: Request, next: Next) -> Response {
    let too_long = request
        .uri()
        .path_and_query()
        .is_some_and(|pq| pq.as_str().len() > MAX_URI);
    let mut response = if too_long {
        (
            StatusCode::URI_TOO_LONG,
            format!("the address is longer than {MAX_URI} characters"),
        )
            .into_response()
    } else {
        next.run(request).await
    };
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

/// Scripts, styles and images from this site only; no inline script, no
/// plugin, no framing, forms posted here only.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Serve `config` on `addr` until the process is stopped. `ready` is told
/// the address actually bound (the port chosen when `addr` asked for 0)
/// before the first request is taken.
pub fn serve(config: &Config, addr: SocketAddr, ready: impl FnOnce(SocketAddr)) -> Result<()> {
    let app = Arc::new(App::new(config)?);
    app.warm();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .max_blocking_threads(READERS)
        // Keep the reading threads, and so their connections and page
        // caches, rather than open new ones after every quiet spell.
        .thread_keep_alive(Duration::from_secs(3600))
        .enable_io()
        .build()
        .context("cannot start the web server's threads")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr}; is another server using that port? choose one with --port N"))?;
        ready(listener.local_addr()?);
        axum::serve(listener, router(app))
            .await
            .context("the web server stopped")
    })
}

/// The database path a page may mention: its file name only.
pub fn db_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
