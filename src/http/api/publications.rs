//! Publications: publish a version, list them, read one.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::contract::LanguageTagText;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::http::auth::CurrentUser;
use crate::http::extract::ApiJson;
use crate::http::AppState;
use crate::store::units::{Publication, PublicationSummary};
use crate::workflow::publish;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_publications, publish_statement))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PublishRequest {
    /// Languages to publish; all target languages when empty or missing.
    #[serde(default)]
    #[schema(value_type = Vec<LanguageTagText>)]
    pub langs: Vec<String>,
}

fn statement_id(raw: &str) -> AppResult<i64> {
    raw.parse()
        .map_err(|_| AppError::new(ErrorCode::StatementNotFound).with("id", raw))
}

/// Publishes an immutable, numbered version aligned by segment (editors).
#[utoipa::path(post, path = "/api/v1/statements/{id}/publications", tag = "publications",
    params(("id" = i64, Path, example = 1)), request_body = PublishRequest,
    responses((status = 201, body = Publication), (status = 403, description = "forbidden"),
        (status = 422, description = "not_approved: details.units lists what blocks")),
    security(("session" = []), ("bearer" = [])))]
async fn publish_statement(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PublishRequest>,
) -> AppResult<(StatusCode, Json<Publication>)> {
    let publication = publish::publish(
        state.store.as_ref(),
        &current.user,
        statement_id(&id)?,
        &body.langs,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(publication)))
}

/// The published versions of a statement, oldest first (public).
#[utoipa::path(get, path = "/api/v1/statements/{id}/publications", tag = "publications",
    params(("id" = i64, Path, example = 1)), responses((status = 200, body = Vec<PublicationSummary>)))]
async fn list_publications(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<PublicationSummary>>> {
    Ok(Json(
        publish::list(state.store.as_ref(), statement_id(&id)?).await?,
    ))
}
