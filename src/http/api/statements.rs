//! Statements: create, list, read.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::contract::LanguageTagText;
use crate::domain::policy::{Permission, Target};
use crate::domain::statement::{StatementDetail, StatementSummary};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::http::auth::CurrentUser;
use crate::http::extract::ApiJson;
use crate::http::AppState;
use crate::workflow::guard::require;
use crate::workflow::source::{self, SourceChanges};
use crate::workflow::statements::{self, NewStatementRequest};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_statements, create_statement))
        .routes(routes!(get_statement, update_statement))
        .routes(routes!(update_source))
        .routes(routes!(preview_source))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateStatementRequest {
    /// 1 to 300 characters.
    #[schema(pattern = "\\S", max_length = 300)]
    pub title: String,
    /// One of the instance's languages (`GET /api/v1/languages`).
    #[schema(value_type = LanguageTagText, example = "hy")]
    pub source_lang: String,
    /// Instance languages other than the source.
    #[serde(default)]
    #[schema(value_type = Vec<LanguageTagText>, example = json!(["en", "ru"]))]
    pub target_langs: Vec<String>,
    /// Must hold more than white space.
    #[schema(pattern = "\\S")]
    pub text: String,
    /// `text` (default) or `markdown`.
    #[serde(default)]
    #[schema(pattern = "^(text|markdown)$")]
    pub format: Option<String>,
    /// Start paragraphs the translation memory holds word for word as drafts (default true).
    #[serde(default = "yes")]
    pub prefill: bool,
    /// Every translator of a target language may save and submit the units nobody is assigned
    /// to (default false: those units are the editors' to do or to assign).
    #[serde(default)]
    pub open_to_translators: bool,
}

fn yes() -> bool {
    true
}

/// Every statement, newest first, with per-language progress.
#[utoipa::path(get, path = "/api/v1/statements", tag = "statements",
    responses((status = 200, body = Vec<StatementSummary>), (status = 401, description = "unauthenticated")),
    security(("session" = []), ("bearer" = [])))]
async fn list_statements(
    State(state): State<AppState>,
    _current: CurrentUser,
) -> AppResult<Json<Vec<StatementSummary>>> {
    Ok(Json(
        statements::list_statements(state.store.as_ref()).await?,
    ))
}

/// Creates a statement (editors and admins): segments it and opens one unit per segment and
/// target language.
#[utoipa::path(post, path = "/api/v1/statements", tag = "statements", request_body = CreateStatementRequest,
    responses(
        (status = 201, body = StatementDetail),
        (status = 400, description = "invalid_language, empty_text, invalid_format or invalid_input"),
        (status = 403, description = "forbidden"),
        (status = 413, description = "payload_too_large, too_many_segments or segment_too_long")
    ),
    security(("session" = []), ("bearer" = [])))]
async fn create_statement(
    State(state): State<AppState>,
    current: CurrentUser,
    ApiJson(body): ApiJson<CreateStatementRequest>,
) -> AppResult<Response> {
    let detail = statements::create_statement(
        state.store.as_ref(),
        &state.config.limits,
        &current.user,
        NewStatementRequest {
            title: body.title,
            source_lang: body.source_lang,
            target_langs: body.target_langs,
            text: body.text,
            format: body.format,
            open_to_translators: body.open_to_translators,
        },
        body.prefill.then_some(&state.memory),
    )
    .await?;
    let location = format!("/api/v1/statements/{}", detail.summary.id);
    let mut response = (StatusCode::CREATED, Json(detail)).into_response();
    if let Ok(value) = HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    Ok(response)
}

/// One statement with its current source revision, segments, sentences and progress.
#[utoipa::path(get, path = "/api/v1/statements/{id}", tag = "statements",
    params(("id" = i64, Path, description = "Statement id", example = 1)),
    responses((status = 200, body = StatementDetail), (status = 404, description = "statement_not_found")),
    security(("session" = []), ("bearer" = [])))]
async fn get_statement(
    State(state): State<AppState>,
    _current: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<StatementDetail>> {
    let id = parse_id(&id)?;
    Ok(Json(
        statements::get_statement(state.store.as_ref(), id).await?,
    ))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateStatementRequest {
    /// Opens the units nobody is assigned to to every translator of their language (`true`) or
    /// keeps them for the editors (`false`); units assigned to someone stay theirs either way.
    /// Left out, the setting stays as it is.
    #[serde(default)]
    pub open_to_translators: Option<bool>,
}

/// Changes a statement's settings (editors and admins) and answers the statement as it is then.
#[utoipa::path(patch, path = "/api/v1/statements/{id}", tag = "statements",
    params(("id" = i64, Path, description = "Statement id", example = 1)),
    request_body(content = UpdateStatementRequest,
        example = json!({"open_to_translators": true})),
    responses((status = 200, body = StatementDetail), (status = 403, description = "forbidden"),
        (status = 404, description = "statement_not_found")),
    security(("session" = []), ("bearer" = [])))]
async fn update_statement(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<UpdateStatementRequest>,
) -> AppResult<Json<StatementDetail>> {
    let id = parse_id(&id)?;
    Ok(Json(
        statements::update_statement(
            state.store.as_ref(),
            &current.user,
            id,
            statements::StatementUpdate {
                open_to_translators: body.open_to_translators,
            },
        )
        .await?,
    ))
}

/// Ids are opaque to clients; anything that is not one of ours is simply not found.
fn parse_id(raw: &str) -> AppResult<i64> {
    raw.parse::<i64>()
        .map_err(|_| AppError::new(ErrorCode::StatementNotFound).with("id", raw))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceRequest {
    /// Must hold more than white space.
    #[schema(pattern = "\\S")]
    pub text: String,
    /// The revision the new text was based on; a stale one is a 409 `revision_conflict`.
    pub base_revision: i64,
    /// A correction that does not change the meaning (a typo): approvals are kept.
    #[serde(default)]
    pub minor: bool,
    /// `text` or `markdown`; defaults to the statement's format.
    #[serde(default)]
    #[schema(pattern = "^(text|markdown)$")]
    pub format: Option<String>,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct SourceResponse {
    #[serde(flatten)]
    pub statement: StatementDetail,
    pub changes: SourceChanges,
}

/// Replaces the source text (editors). Unchanged paragraphs keep their translations, edited
/// ones go to `needs_work` (`source_changed`) unless `minor`, new ones are `untranslated`,
/// removed ones leave the statement with their history kept.
#[utoipa::path(put, path = "/api/v1/statements/{id}/source", tag = "statements",
    params(("id" = i64, Path, description = "Statement id", example = 1)), request_body = SourceRequest,
    responses((status = 200, body = SourceResponse), (status = 403, description = "forbidden"),
        (status = 409, description = "revision_conflict")),
    security(("session" = []), ("bearer" = [])))]
async fn update_source(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<SourceRequest>,
) -> AppResult<Json<SourceResponse>> {
    let id = parse_id(&id)?;
    let (statement, changes) = source::update_source(
        state.store.as_ref(),
        &state.config.limits,
        &state.effects(),
        &current.user,
        id,
        source::SourceUpdate {
            text: &body.text,
            format: body.format.as_deref(),
            base_revision: body.base_revision,
            minor: body.minor,
        },
    )
    .await?;
    Ok(Json(SourceResponse { statement, changes }))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SourcePreviewRequest {
    /// Must hold more than white space.
    #[schema(pattern = "\\S")]
    pub text: String,
    /// `text` or `markdown`; defaults to the statement's format.
    #[serde(default)]
    #[schema(pattern = "^(text|markdown)$")]
    pub format: Option<String>,
}

/// What a new source text would change, paragraph by paragraph with word-level differences,
/// without changing anything (editors).
#[utoipa::path(post, path = "/api/v1/statements/{id}/source/preview", tag = "statements",
    params(("id" = i64, Path, description = "Statement id", example = 1)), request_body = SourcePreviewRequest,
    responses((status = 200, body = source::SourcePreview), (status = 403, description = "forbidden"),
        (status = 404, description = "statement_not_found")),
    security(("session" = []), ("bearer" = [])))]
async fn preview_source(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<SourcePreviewRequest>,
) -> AppResult<Json<source::SourcePreview>> {
    let id = parse_id(&id)?;
    require(&current.user, Permission::ChangeSource, Target::Statement)?;
    Ok(Json(
        source::preview_source(
            state.store.as_ref(),
            &state.config.limits,
            id,
            &body.text,
            body.format.as_deref(),
        )
        .await?,
    ))
}
