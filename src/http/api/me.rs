//! The signed-in user.

use axum::extract::State;
use axum::Json;
use serde::Serialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::domain::queue::QueueEntry;
use crate::domain::user::User;
use crate::error::AppResult;
use crate::http::auth::CurrentUser;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get_me))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct MeResponse {
    pub user: User,
    /// What waits for the user, by statement and language.
    pub queue: Vec<QueueEntry>,
}

/// The signed-in user, their roles and their work queue.
#[utoipa::path(get, path = "/api/v1/me", tag = "session",
    responses((status = 200, body = MeResponse), (status = 401, description = "unauthenticated")),
    security(("session" = []), ("bearer" = [])))]
async fn get_me(
    State(state): State<AppState>,
    current: CurrentUser,
) -> AppResult<Json<MeResponse>> {
    let queue = crate::workflow::queue::my_queue(state.store.as_ref(), &current.user).await?;
    Ok(Json(MeResponse {
        user: current.user,
        queue,
    }))
}
