//! Translation units: list, save, submit, approve, reject, revert, history and comments.

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::contract::LanguageTagText;
use crate::domain::unit::{Comment, Revision, UnitView};
use crate::error::{AppError, AppResult, ErrorCode, Why};
use crate::http::auth::CurrentUser;
use crate::http::extract::ApiJson;
use crate::http::AppState;
use crate::workflow::units::{self, Request, UnitRef};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_translations))
        .routes(routes!(get_unit, save_draft))
        .routes(routes!(submit_unit))
        .routes(routes!(approve_unit))
        .routes(routes!(reject_unit))
        .routes(routes!(revert_unit))
        .routes(routes!(unit_history))
        .routes(routes!(list_comments, add_comment))
}

type UnitPath = Path<(String, String, String)>;

fn unit_ref(Path((id, seg, lang)): UnitPath) -> AppResult<UnitRef> {
    let statement_id = id
        .parse()
        .map_err(|_| AppError::new(ErrorCode::StatementNotFound).with("id", id.as_str()))?;
    let segment_id = seg
        .parse()
        .map_err(|_| AppError::not_found("unit").detail("segment_id", seg.as_str()))?;
    Ok(UnitRef {
        statement_id,
        segment_id,
        lang,
    })
}

/// The version a write is based on: `base_version` in the body, or an `If-Match: "<n>"` header.
fn base_version(headers: &HeaderMap, body: Option<i64>) -> AppResult<i64> {
    if let Some(v) = body {
        return Ok(v);
    }
    let header = headers.get(header::IF_MATCH).and_then(|v| v.to_str().ok());
    header
        .and_then(|h| {
            h.trim()
                .trim_start_matches("W/")
                .trim_matches('"')
                .parse()
                .ok()
        })
        .ok_or_else(|| {
            AppError::invalid_input(
                "base_version",
                Why::BaseVersionRequired,
                "name the version your change is based on (base_version or If-Match)",
            )
        })
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SaveRequest {
    pub text: String,
    /// The version this change is based on; may be left out only when an `If-Match: "<n>"`
    /// header names it instead.
    #[serde(default)]
    #[schema(value_type = i64, required = true)]
    pub base_version: Option<i64>,
}

#[derive(Deserialize, utoipa::ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct VersionRequest {
    /// The version this change is based on; may be left out only when an `If-Match: "<n>"`
    /// header names it instead.
    #[serde(default)]
    #[schema(value_type = i64, required = true)]
    pub base_version: Option<i64>,
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApproveRequest {
    /// The version this change is based on; may be left out only when an `If-Match: "<n>"`
    /// header names it instead.
    #[serde(default)]
    #[schema(value_type = i64, required = true)]
    pub base_version: Option<i64>,
    /// A correction made while approving; the revision records it with the approval.
    #[serde(default)]
    pub text: Option<String>,
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RejectRequest {
    /// The version this change is based on; may be left out only when an `If-Match: "<n>"`
    /// header names it instead.
    #[serde(default)]
    #[schema(value_type = i64, required = true)]
    pub base_version: Option<i64>,
    /// Why the translation goes back: required.
    #[schema(pattern = "\\S")]
    pub comment: String,
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RevertRequest {
    /// The version this change is based on; may be left out only when an `If-Match: "<n>"`
    /// header names it instead.
    #[serde(default)]
    #[schema(value_type = i64, required = true)]
    pub base_version: Option<i64>,
    /// The history version whose text comes back, as a new draft.
    pub to_version: i64,
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CommentRequest {
    /// 1 to 10000 characters.
    #[schema(pattern = "\\S", max_length = 10000)]
    pub body: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct UnitWithComments {
    #[serde(flatten)]
    pub unit: UnitView,
    pub comments: Vec<Comment>,
}

async fn run(
    state: &AppState,
    current: &CurrentUser,
    path: UnitPath,
    headers: &HeaderMap,
    body_version: Option<i64>,
    request: Request,
) -> AppResult<Json<UnitView>> {
    let unit = unit_ref(path)?;
    let version = base_version(headers, body_version)?;
    let desk = units::Desk {
        store: state.store.as_ref(),
        limits: &state.config.limits,
        allow_self_review: state.config.allow_self_review,
        effects: &state.effects(),
    };
    let view = units::change(&desk, &current.user, &unit, version, request).await?;
    Ok(Json(view))
}

/// Every unit of one target language, in segment order.
#[utoipa::path(get, path = "/api/v1/statements/{id}/translations/{lang}", tag = "translation",
    params(("id" = i64, Path, example = 1), ("lang" = LanguageTagText, Path, example = "hy")),
    responses((status = 200, body = Vec<UnitView>), (status = 404, description = "statement_not_found or not_found")),
    security(("session" = []), ("bearer" = [])))]
async fn list_translations(
    State(state): State<AppState>,
    _current: CurrentUser,
    Path((id, lang)): Path<(String, String)>,
) -> AppResult<Json<Vec<UnitView>>> {
    let statement_id = id
        .parse()
        .map_err(|_| AppError::new(ErrorCode::StatementNotFound).with("id", id.as_str()))?;
    Ok(Json(
        units::list(state.store.as_ref(), statement_id, &lang).await?,
    ))
}

/// One unit with its discussion.
#[utoipa::path(get, path = "/api/v1/statements/{id}/segments/{seg}/translations/{lang}", tag = "translation",
    params(("id" = i64, Path, example = 1), ("seg" = i64, Path, example = 1), ("lang" = LanguageTagText, Path, example = "hy")),
    responses((status = 200, body = UnitWithComments), (status = 404, description = "not_found")),
    security(("session" = []), ("bearer" = [])))]
async fn get_unit(
    State(state): State<AppState>,
    _current: CurrentUser,
    path: UnitPath,
) -> AppResult<Json<UnitWithComments>> {
    let unit_ref = unit_ref(path)?;
    let unit = units::load(state.store.as_ref(), &unit_ref).await?;
    let comments = state.store.unit_comments(unit.view.unit_id).await?;
    Ok(Json(UnitWithComments {
        unit: unit.view,
        comments,
    }))
}

/// Saves a draft. A stale `base_version` is a 409 `version_conflict` with the current unit.
#[utoipa::path(put, path = "/api/v1/statements/{id}/segments/{seg}/translations/{lang}", tag = "translation",
    params(("id" = i64, Path, example = 1), ("seg" = i64, Path, example = 1), ("lang" = LanguageTagText, Path, example = "hy")), request_body = SaveRequest,
    responses((status = 200, body = UnitView),
        (status = 403, description = "forbidden (no role for the language) or not_assigned (the unit is assigned to someone else, or to nobody on a statement not open to its translators)"),
        (status = 409, description = "version_conflict"), (status = 413, description = "segment_too_long")),
    security(("session" = []), ("bearer" = [])))]
async fn save_draft(
    State(state): State<AppState>,
    current: CurrentUser,
    path: UnitPath,
    headers: HeaderMap,
    ApiJson(body): ApiJson<SaveRequest>,
) -> AppResult<Json<UnitView>> {
    run(
        &state,
        &current,
        path,
        &headers,
        body.base_version,
        Request::Save { text: body.text },
    )
    .await
}

/// Submits the draft for review (`draft` or `needs_work` -> `translated`).
#[utoipa::path(post, path = "/api/v1/statements/{id}/segments/{seg}/translations/{lang}/submit", tag = "translation",
    params(("id" = i64, Path, example = 1), ("seg" = i64, Path, example = 1), ("lang" = LanguageTagText, Path, example = "hy")), request_body = VersionRequest,
    responses((status = 200, body = UnitView), (status = 403, description = "forbidden (no role for the language) or not_assigned (the unit is assigned to someone else, or to nobody on a statement not open to its translators)"),
        (status = 409, description = "version_conflict"), (status = 422, description = "invalid_transition")),
    security(("session" = []), ("bearer" = [])))]
async fn submit_unit(
    State(state): State<AppState>,
    current: CurrentUser,
    path: UnitPath,
    headers: HeaderMap,
    ApiJson(body): ApiJson<VersionRequest>,
) -> AppResult<Json<UnitView>> {
    run(
        &state,
        &current,
        path,
        &headers,
        body.base_version,
        Request::Submit,
    )
    .await
}

/// Approves a submitted translation; 422 `self_review` for one's own text.
#[utoipa::path(post, path = "/api/v1/statements/{id}/segments/{seg}/translations/{lang}/approve", tag = "translation",
    params(("id" = i64, Path, example = 1), ("seg" = i64, Path, example = 1), ("lang" = LanguageTagText, Path, example = "hy")), request_body = ApproveRequest,
    responses((status = 200, body = UnitView), (status = 403, description = "forbidden (no role for the language) or not_assigned (the unit is assigned to someone else, or to nobody on a statement not open to its translators)"),
        (status = 409, description = "version_conflict"),
        (status = 422, description = "invalid_transition or self_review")),
    security(("session" = []), ("bearer" = [])))]
async fn approve_unit(
    State(state): State<AppState>,
    current: CurrentUser,
    path: UnitPath,
    headers: HeaderMap,
    ApiJson(body): ApiJson<ApproveRequest>,
) -> AppResult<Json<UnitView>> {
    run(
        &state,
        &current,
        path,
        &headers,
        body.base_version,
        Request::Approve { text: body.text },
    )
    .await
}

/// Sends a translation back with a comment (`needs_work`, reason `rejected`).
#[utoipa::path(post, path = "/api/v1/statements/{id}/segments/{seg}/translations/{lang}/reject", tag = "translation",
    params(("id" = i64, Path, example = 1), ("seg" = i64, Path, example = 1), ("lang" = LanguageTagText, Path, example = "hy")), request_body = RejectRequest,
    responses((status = 200, body = UnitView), (status = 400, description = "invalid_input: empty comment"),
        (status = 403, description = "forbidden (no role for the language) or not_assigned (the unit is assigned to someone else, or to nobody on a statement not open to its translators)"),
        (status = 409, description = "version_conflict"), (status = 422, description = "invalid_transition")),
    security(("session" = []), ("bearer" = [])))]
async fn reject_unit(
    State(state): State<AppState>,
    current: CurrentUser,
    path: UnitPath,
    headers: HeaderMap,
    ApiJson(body): ApiJson<RejectRequest>,
) -> AppResult<Json<UnitView>> {
    run(
        &state,
        &current,
        path,
        &headers,
        body.base_version,
        Request::Reject {
            comment: body.comment,
        },
    )
    .await
}

/// Restores the text of an older revision as a new draft; the history keeps everything.
#[utoipa::path(post, path = "/api/v1/statements/{id}/segments/{seg}/translations/{lang}/revert", tag = "translation",
    params(("id" = i64, Path, example = 1), ("seg" = i64, Path, example = 1), ("lang" = LanguageTagText, Path, example = "hy")), request_body = RevertRequest,
    responses((status = 200, body = UnitView), (status = 403, description = "forbidden (no role for the language) or not_assigned (the unit is assigned to someone else, or to nobody on a statement not open to its translators)"),
        (status = 409, description = "version_conflict")),
    security(("session" = []), ("bearer" = [])))]
async fn revert_unit(
    State(state): State<AppState>,
    current: CurrentUser,
    path: UnitPath,
    headers: HeaderMap,
    ApiJson(body): ApiJson<RevertRequest>,
) -> AppResult<Json<UnitView>> {
    let request = Request::Revert {
        to_version: body.to_version,
    };
    run(&state, &current, path, &headers, body.base_version, request).await
}

/// Every revision of the unit, oldest first.
#[utoipa::path(get, path = "/api/v1/statements/{id}/segments/{seg}/translations/{lang}/history", tag = "translation",
    params(("id" = i64, Path, example = 1), ("seg" = i64, Path, example = 1), ("lang" = LanguageTagText, Path, example = "hy")),
    responses((status = 200, body = Vec<Revision>)),
    security(("session" = []), ("bearer" = [])))]
async fn unit_history(
    State(state): State<AppState>,
    _current: CurrentUser,
    path: UnitPath,
) -> AppResult<Json<Vec<Revision>>> {
    Ok(Json(
        units::history(state.store.as_ref(), &unit_ref(path)?).await?,
    ))
}

/// The unit's discussion, oldest first.
#[utoipa::path(get, path = "/api/v1/statements/{id}/segments/{seg}/translations/{lang}/comments", tag = "translation",
    params(("id" = i64, Path, example = 1), ("seg" = i64, Path, example = 1), ("lang" = LanguageTagText, Path, example = "hy")),
    responses((status = 200, body = Vec<Comment>)),
    security(("session" = []), ("bearer" = [])))]
async fn list_comments(
    State(state): State<AppState>,
    _current: CurrentUser,
    path: UnitPath,
) -> AppResult<Json<Vec<Comment>>> {
    Ok(Json(
        units::comments(state.store.as_ref(), &unit_ref(path)?).await?,
    ))
}

/// Adds a comment to the unit's discussion.
#[utoipa::path(post, path = "/api/v1/statements/{id}/segments/{seg}/translations/{lang}/comments", tag = "translation",
    params(("id" = i64, Path, example = 1), ("seg" = i64, Path, example = 1), ("lang" = LanguageTagText, Path, example = "hy")), request_body = CommentRequest,
    responses((status = 201, body = Comment)),
    security(("session" = []), ("bearer" = [])))]
async fn add_comment(
    State(state): State<AppState>,
    current: CurrentUser,
    path: UnitPath,
    ApiJson(body): ApiJson<CommentRequest>,
) -> AppResult<(StatusCode, Json<Comment>)> {
    let comment = units::add_comment(
        state.store.as_ref(),
        &state.effects(),
        &current.user,
        &unit_ref(path)?,
        &body.body,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(comment)))
}
