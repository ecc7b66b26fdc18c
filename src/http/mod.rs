//! The HTTP face of Tandem: the JSON API, operations endpoints, and the layers around them.

pub mod api;
pub mod auth;
pub mod chrome;
pub mod client;
pub mod extract;
pub mod localize;
pub mod metrics;
pub mod ops;
pub mod public;
pub mod security;
pub mod shutdown;
mod state;
pub mod stream;
pub mod ui;

pub use state::AppState;

use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;
use utoipa_axum::router::OpenApiRouter;

use crate::error::{AppError, ErrorCode};

/// The whole service: API routes (documented in OpenAPI), operations, and the shared layers.
pub fn router(state: AppState) -> Router {
    let (api, mut openapi) = OpenApiRouter::with_openapi(api::ApiDoc::openapi_base())
        .merge(api::router())
        .merge(ops::router())
        .split_for_parts();
    // The routes join the document only now, so the errors they share are added only now.
    utoipa::Modify::modify(&api::contract::CommonResponses, &mut openapi);
    let openapi = std::sync::Arc::new(openapi);
    api.merge(ops::openapi_route(openapi))
        .route("/metrics", axum::routing::get(metrics::scrape))
        // Pages remember an interface language chosen with `?ui=`; the API only reads it.
        .merge(
            public::router()
                .merge(ui::router())
                .layer(axum::middleware::from_fn(localize::remember_ui)),
        )
        .fallback(|| async { AppError::not_found("route") })
        .method_not_allowed_fallback(|| async { AppError::new(ErrorCode::MethodNotAllowed) })
        .layer(DefaultBodyLimit::max(state.config.max_body_bytes))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            localize::localize_errors,
        ))
        .layer(CatchPanicLayer::custom(|_| {
            tracing::error!("a request handler panicked");
            localize::plain_internal_error()
        }))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(60),
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            metrics::track,
        ))
        .layer(TraceLayer::new_for_http())
        // Outermost, so even a timeout or a caught panic answers with these headers.
        .layer(axum::middleware::from_fn(security::security_headers))
        .with_state(state)
}
