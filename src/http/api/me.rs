//! The signed-in user.

use axum::Json;
use serde::Serialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::domain::user::User;
use crate::http::auth::CurrentUser;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get_me))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct MeResponse {
    pub user: User,
}

/// The signed-in user and their roles.
#[utoipa::path(get, path = "/api/v1/me", tag = "session",
    responses((status = 200, body = MeResponse), (status = 401, description = "unauthenticated")),
    security(("session" = []), ("bearer" = [])))]
async fn get_me(current: CurrentUser) -> Json<MeResponse> {
    Json(MeResponse { user: current.user })
}
