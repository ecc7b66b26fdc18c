//! The audit log for admins: sign-ins, role changes, approvals and publications.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::domain::audit::AuditEntry;
use crate::error::{AppError, AppResult, Why};
use crate::formats::audit_csv::write_audit_csv;
use crate::http::auth::CurrentUser;
use crate::http::extract::ApiQuery;
use crate::http::stream::stream;
use crate::http::AppState;
use crate::workflow::audit::{self, AuditFilter};

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
    /// Only lines about this statement: its publications and its units' approvals and returns.
    pub statement_id: Option<i64>,
    /// From this day (`YYYY-MM-DD`, UTC) or moment (RFC 3339) on.
    #[param(example = "2026-03-01")]
    pub from: Option<String>,
    /// Up to this day, the whole of it (`YYYY-MM-DD`, UTC), or up to this moment (RFC 3339).
    #[param(example = "2026-03-31")]
    pub to: Option<String>,
    /// `json` (the default) or `csv`: every line the filters let through (up to 100,000, newest
    /// first; `before` and `limit` do not apply), as a download.
    #[param(pattern = "^(json|csv)$")]
    pub format: Option<String>,
}

/// The audit log, newest first; admins only. Filters combine; `format=csv` downloads them all.
#[utoipa::path(get, path = "/api/v1/audit", tag = "users", params(AuditParams),
    responses((status = 200, description = "The lines, as JSON or CSV", content(
            (Vec<AuditEntry> = "application/json"), (String = "text/csv"))),
        (status = 400, description = "invalid_input"),
        (status = 401, description = "unauthenticated"), (status = 403, description = "forbidden")),
    security(("session" = []), ("bearer" = [])))]
async fn read_audit(
    State(state): State<AppState>,
    current: CurrentUser,
    ApiQuery(params): ApiQuery<AuditParams>,
) -> AppResult<Response> {
    let filter = AuditFilter {
        action: params.action,
        actor_id: params.actor_id,
        statement_id: params.statement_id,
        from: params.from,
        to: params.to,
        before: params.before,
        limit: params.limit,
    };
    match params.format.as_deref() {
        None | Some("json") => Ok(Json(
            audit::read(state.store.as_ref(), &current.user, &filter).await?,
        )
        .into_response()),
        Some("csv") => {
            let lines = audit::export(state.store.as_ref(), &current.user, &filter).await?;
            Ok(stream("text/csv; charset=utf-8", "audit.csv", move |out| {
                write_audit_csv(&lines, out)
            }))
        }
        Some(other) => Err(AppError::invalid_input(
            "format",
            Why::OneOf("json, csv"),
            format!("{other:?} is neither json nor csv"),
        )),
    }
}
