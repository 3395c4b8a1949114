//! The stylesheet and script, compiled into the binary: the server reads
//! no file from disk, so no request can reach one.

use axum::http::header;
use axum::response::{IntoResponse, Response};

pub const CSS_PATH: &str = "/assets/app.css";
pub const JS_PATH: &str = "/assets/app.js";

const CSS: &str = include_str!("assets/app.css");
const JS: &str = include_str!("assets/app.js");

/// The asset at `name`, or `None`: only the two names above exist.
pub fn asset(name: &str) -> Option<Response> {
    let (body, kind) = match name {
        "app.css" => (CSS, "text/css; charset=utf-8"),
        "app.js" => (JS, "text/javascript; charset=utf-8"),
        _ => return None,
    };
    Some(
        (
            [
                (header::CONTENT_TYPE, kind),
                (header::CACHE_CONTROL, "public, max-age=300"),
            ],
            body,
        )
            .into_response(),
    )
}
