//! API tokens for scripts and outside tools.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{AppError, AppResult};
use crate::http::auth::CurrentUser;
use crate::http::client::ClientAddress;
use crate::http::extract::ApiJson;
use crate::http::AppState;
use crate::store::ApiTokenInfo;
use crate::workflow::sessions;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create_token, list_tokens))
        .routes(routes!(revoke_token))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    /// What the token is for, e.g. "OmegaT on my laptop" (1 to 100 characters).
    #[schema(pattern = "\\S", max_length = 100)]
    pub name: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct TokenResponse {
    pub id: i64,
    pub name: String,
    /// Shown once: use it as `Authorization: Bearer <token>`.
    pub token: String,
    pub created_at: DateTime<Utc>,
}

/// Creates an API token for the signed-in user.
#[utoipa::path(post, path = "/api/v1/tokens", tag = "session", request_body = TokenRequest,
    responses((status = 201, body = TokenResponse)),
    security(("session" = []), ("bearer" = [])))]
async fn create_token(
    State(state): State<AppState>,
    current: CurrentUser,
    address: ClientAddress,
    ApiJson(body): ApiJson<TokenRequest>,
) -> AppResult<(StatusCode, Json<TokenResponse>)> {
    let (info, token) = sessions::create_token(
        state.store.as_ref(),
        &current.user,
        &body.name,
        address.as_deref(),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(TokenResponse {
            id: info.id,
            name: info.name,
            token,
            created_at: info.created_at,
        }),
    ))
}

/// The caller's API tokens, without their secrets.
#[utoipa::path(get, path = "/api/v1/tokens", tag = "session",
    responses((status = 200, body = Vec<ApiTokenInfo>), (status = 401, description = "unauthenticated")),
    security(("session" = []), ("bearer" = [])))]
async fn list_tokens(
    State(state): State<AppState>,
    current: CurrentUser,
) -> AppResult<Json<Vec<ApiTokenInfo>>> {
    Ok(Json(
        sessions::tokens(state.store.as_ref(), &current.user).await?,
    ))
}

/// Revokes a token: it stops working at once, on every instance. Your own, or anyone's for an
/// admin; 404 `not_found` otherwise.
#[utoipa::path(delete, path = "/api/v1/tokens/{id}", tag = "session",
    params(("id" = i64, Path)),
    responses((status = 204), (status = 401, description = "unauthenticated"),
        (status = 404, description = "not_found")),
    security(("session" = []), ("bearer" = [])))]
async fn revoke_token(
    State(state): State<AppState>,
    current: CurrentUser,
    address: ClientAddress,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let id: i64 = id
        .parse()
        .map_err(|_| AppError::not_found("token").detail("id", id.as_str()))?;
    sessions::revoke_token(state.store.as_ref(), &current.user, id, address.as_deref()).await?;
    Ok(StatusCode::NO_CONTENT)
}
