//! Public pages and feeds: published statements for readers, no sign-in.

mod feeds;
pub(crate) mod pages;

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::http::AppState;

/// Pages load nothing but our own stylesheet: no scripts, frames or outside resources.
const CSP: &str =
    "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/p", get(pages::list_publications))
        .route("/p/{slug}", get(pages::latest_aligned))
        .route("/p/{slug}/v/{version}", get(pages::version_aligned))
        .route("/p/{slug}/{lang}", get(pages::single_language))
        .route("/feed/{file}", get(feeds::language_feed))
        .route("/static/tandem.css", get(stylesheet))
        .layer(axum::middleware::from_fn(page_csp))
}

/// The public pages' policy: no script at all (the other security headers are set for every
/// response in `http::security`).
async fn page_csp(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    response
}

async fn stylesheet() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../../web/static/tandem.css"),
    )
}
