//! Operations endpoints: liveness, readiness and the OpenAPI document.

use std::sync::Arc;

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::AppResult;
use crate::http::AppState;

#[derive(Serialize, utoipa::ToSchema)]
pub struct Health {
    /// `ok` when the check passed.
    pub status: &'static str,
    /// `sqlite` or `postgres`, on `/readyz`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database: Option<&'static str>,
}

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(healthz))
        .routes(routes!(readyz))
}

/// `/api/openapi.json`, served from the document built with the router, so it lists exactly the
/// routes that exist.
pub fn openapi_route(doc: Arc<utoipa::openapi::OpenApi>) -> Router<AppState> {
    Router::new().route(
        "/api/openapi.json",
        get(move || async move { Json(doc.as_ref().clone()) }),
    )
}

/// The process is up.
#[utoipa::path(get, path = "/healthz", tag = "operations", responses((status = 200, body = Health)))]
async fn healthz() -> Json<Health> {
    Json(Health {
        status: "ok",
        database: None,
    })
}

/// The database answers; 503 `unavailable` when it does not.
#[utoipa::path(get, path = "/readyz", tag = "operations", responses(
    (status = 200, body = Health),
    (status = 503, description = "database unreachable")
))]
async fn readyz(State(state): State<AppState>) -> AppResult<Json<Health>> {
    state.store.ping().await?;
    Ok(Json(Health {
        status: "ok",
        database: Some(state.store.backend().as_str()),
    }))
}
