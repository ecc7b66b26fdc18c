//! The audit log for admins: sign-ins, role changes, approvals and publications.

use axum::extract::State;
use axum::Json;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::domain::audit::AuditEntry;
use crate::error::AppResult;
use crate::http::auth::CurrentUser;
use crate::http::extract::ApiQuery;
use crate::http::AppState;
use crate::workflow::audit;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(read_audit))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AuditParams {
    /// Only this action, e.g. `session.sign_in_failed` or `statement.published`.
    #[param(value_type = Option<crate::domain::audit::AuditAction>)]
    pub action: Option<String>,
    /// Only what this user did.
    pub actor_id: Option<i64>,
    /// Lines older than this id: pass the last id of a page to get the next one.
    pub before: Option<i64>,
    /// Lines per page, 1 to 1000 (100 by default).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<i64>,
}

/// The audit log, newest first; admins only.
#[utoipa::path(get, path = "/api/v1/audit", tag = "users", params(AuditParams),
    responses((status = 200, body = Vec<AuditEntry>), (status = 400, description = "invalid_input"),
        (status = 401, description = "unauthenticated"), (status = 403, description = "forbidden")),
    security(("session" = []), ("bearer" = [])))]
async fn read_audit(
    State(state): State<AppState>,
    current: CurrentUser,
    ApiQuery(params): ApiQuery<AuditParams>,
) -> AppResult<Json<Vec<AuditEntry>>> {
    Ok(Json(
        audit::read(
            state.store.as_ref(),
            &current.user,
            params.action.as_deref(),
            params.actor_id,
            params.before,
            params.limit,
        )
        .await?,
    ))
}
