//! API tokens for scripts and outside tools.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::error::AppResult;
use crate::http::auth::CurrentUser;
use crate::http::extract::ApiJson;
use crate::workflow::sessions;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(create_token))
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
    ApiJson(body): ApiJson<TokenRequest>,
) -> AppResult<(StatusCode, Json<TokenResponse>)> {
    let (info, token) =
        sessions::create_token(state.store.as_ref(), &current.user, &body.name).await?;
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
