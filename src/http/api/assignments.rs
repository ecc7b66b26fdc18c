//! Assigning work on a statement.

use axum::extract::{Path, State};
use axum::Json;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::contract::LanguageTagText;
use crate::domain::role::LanguageRole;
use crate::error::{AppError, AppResult, ErrorCode, Why};
use crate::http::auth::CurrentUser;
use crate::http::extract::ApiJson;
use crate::http::AppState;
use crate::workflow::assign::{self, AssignRequest, Scope};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(assign_work))
}

/// `"all"`, a list of segment ids, or a range of positions.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(untagged)]
pub enum SegmentsSpec {
    #[schema(value_type = AllSegments)]
    All(String),
    Ids(Vec<i64>),
    /// Positions, counted from 1, both included.
    Range {
        #[schema(minimum = 1)]
        from: u32,
        #[schema(minimum = 1)]
        to: u32,
    },
}

/// The one word `SegmentsSpec::All` takes; any other string is a 400.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)]
pub enum AllSegments {
    #[schema(rename = "all")]
    All,
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignmentRequest {
    #[schema(value_type = LanguageTagText, example = "hy")]
    pub lang: String,
    /// `translator` or `reviewer`.
    #[schema(pattern = "^(translator|reviewer)$")]
    pub role: String,
    /// The username to assign, or null to remove the assignment.
    pub user: Option<String>,
    pub segments: SegmentsSpec,
    #[serde(default)]
    pub due_at: Option<DateTime<Utc>>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AssignmentResult {
    /// How many units now carry the assignment.
    pub units: u64,
}

/// Assigns a translator or reviewer (editors); 422 `lacks_role` when the person lacks the role.
#[utoipa::path(put, path = "/api/v1/statements/{id}/assignments", tag = "statements",
    params(("id" = i64, Path, example = 1)), request_body = AssignmentRequest,
    responses((status = 200, body = AssignmentResult), (status = 403, description = "forbidden"),
        (status = 422, description = "lacks_role")),
    security(("session" = []), ("bearer" = [])))]
async fn assign_work(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<AssignmentRequest>,
) -> AppResult<Json<AssignmentResult>> {
    let statement_id = id
        .parse()
        .map_err(|_| AppError::new(ErrorCode::StatementNotFound).with("id", id.as_str()))?;
    let role = LanguageRole::parse(&body.role).ok_or_else(|| {
        AppError::invalid_input(
            "role",
            Why::OneOf("translator, reviewer"),
            "translator or reviewer",
        )
    })?;
    let scope = match body.segments {
        SegmentsSpec::All(word) if word == "all" => Scope::All,
        SegmentsSpec::All(other) => {
            return Err(AppError::invalid_input(
                "segments",
                Why::Other,
                format!("\"all\", a list of segment ids or {{from, to}}, not {other:?}"),
            ))
        }
        SegmentsSpec::Ids(ids) => Scope::Ids(ids),
        SegmentsSpec::Range { from, to } => Scope::Range { from, to },
    };
    let units = assign::assign(
        state.store.as_ref(),
        &current.user,
        statement_id,
        AssignRequest {
            lang: body.lang,
            role,
            username: body.user,
            scope,
            due_at: body.due_at,
        },
    )
    .await?;
    Ok(Json(AssignmentResult { units }))
}
