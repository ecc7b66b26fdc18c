//! Aligning legacy translations: a preview to confirm, then memory pairs or an approved statement.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::contract::LanguageTagText;
use crate::domain::statement::StatementDetail;
use crate::error::{AppError, AppResult, Why};
use crate::http::auth::CurrentUser;
use crate::http::extract::ApiJson;
use crate::http::AppState;
use crate::workflow::align::{self, Alignment, Bitext};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(preview_alignment))
        .routes(routes!(remember_alignment))
        .routes(routes!(statement_from_alignment))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AlignRequest {
    #[schema(value_type = LanguageTagText, example = "en")]
    pub src_lang: String,
    /// Must hold more than white space.
    #[schema(pattern = "\\S")]
    pub src_text: String,
    #[schema(value_type = LanguageTagText, example = "hy")]
    pub tgt_lang: String,
    /// Must hold more than white space.
    #[schema(pattern = "\\S")]
    pub tgt_text: String,
    /// `text` (blank lines between paragraphs, the default) or `markdown`.
    #[serde(default)]
    #[schema(pattern = "^(text|markdown)$")]
    pub format: Option<String>,
    /// Only for a new statement: its title.
    #[serde(default)]
    pub title: Option<String>,
}

impl AlignRequest {
    fn bitext(&self) -> Bitext<'_> {
        Bitext {
            src_lang: &self.src_lang,
            src_text: &self.src_text,
            tgt_lang: &self.tgt_lang,
            tgt_text: &self.tgt_text,
            format: self.format.as_deref(),
        }
    }

    fn alignment(&self, state: &AppState) -> AppResult<Alignment> {
        align::align_documents(
            &self.src_lang,
            &self.src_text,
            &self.tgt_lang,
            &self.tgt_text,
            self.format.as_deref(),
            &state.config.limits,
        )
    }
}

/// Aligns a text with its translation, paragraphs then sentences, without storing anything.
#[utoipa::path(post, path = "/api/v1/align", tag = "memory", request_body = AlignRequest,
    responses((status = 200, body = Alignment), (status = 400, description = "invalid_language or empty_text")),
    security(("session" = []), ("bearer" = [])))]
async fn preview_alignment(
    State(state): State<AppState>,
    _current: CurrentUser,
    ApiJson(body): ApiJson<AlignRequest>,
) -> AppResult<Json<Alignment>> {
    Ok(Json(body.alignment(&state)?))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Remembered {
    /// Sentence pairs added to the memory.
    pub pairs: u64,
}

/// Aligns and stores every sentence bead with both sides as a memory pair (editors).
#[utoipa::path(post, path = "/api/v1/align/memory", tag = "memory", request_body = AlignRequest,
    responses((status = 200, body = Remembered), (status = 403, description = "forbidden")),
    security(("session" = []), ("bearer" = [])))]
async fn remember_alignment(
    State(state): State<AppState>,
    current: CurrentUser,
    ApiJson(body): ApiJson<AlignRequest>,
) -> AppResult<Json<Remembered>> {
    let alignment = body.alignment(&state)?;
    let pairs = align::remember(
        state.store.as_ref(),
        &state.effects(),
        &current.user,
        &alignment,
    )
    .await?;
    Ok(Json(Remembered { pairs }))
}

/// Makes a statement of the source text whose paragraphs aligned one to one with the
/// translation are approved with it (editors); the others wait for a translator.
#[utoipa::path(post, path = "/api/v1/align/statement", tag = "memory", request_body = AlignRequest,
    responses((status = 201, body = StatementDetail), (status = 400, description = "invalid_input"),
        (status = 403, description = "forbidden")),
    security(("session" = []), ("bearer" = [])))]
async fn statement_from_alignment(
    State(state): State<AppState>,
    current: CurrentUser,
    ApiJson(body): ApiJson<AlignRequest>,
) -> AppResult<(StatusCode, Json<StatementDetail>)> {
    let title = body.title.as_deref().unwrap_or("").trim();
    if title.is_empty() {
        return Err(AppError::invalid_input("title", Why::Empty, "empty"));
    }
    let detail = align::statement_from_translation(
        state.store.as_ref(),
        &state.config.limits,
        &current.user,
        title,
        &body.bitext(),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(detail)))
}
