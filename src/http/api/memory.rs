//! The translation memory: suggestions for a unit, fuzzy matches for any text, concordance, TMX.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::contract::LanguageTagText;
use crate::domain::language::LanguageTag;
use crate::domain::policy::{Permission, Target};
use crate::error::{AppError, AppResult, ErrorCode, Why};
use crate::http::auth::CurrentUser;
use crate::http::extract::{ApiJson, ApiQuery};
use crate::http::stream::stream;
use crate::http::AppState;
use crate::store::memory::MemoryEntry;
use crate::workflow::guard::require;
use crate::workflow::memory::{self, Suggestion, TmxImport};
use crate::workflow::memory_edit;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(unit_suggestions))
        .routes(routes!(match_text))
        .routes(routes!(concordance))
        .routes(routes!(import_memory))
        .routes(routes!(export_memory))
        .routes(routes!(update_memory_entry, delete_memory_entry))
}

/// The number of suggestions asked for, brought within 1 to 50 (the memory clamps it too); an
/// `i32` so that every value the document allows is accepted and larger ones are refused.
fn suggestion_count(limit: Option<i32>) -> usize {
    usize::try_from(limit.unwrap_or(5).clamp(1, 50)).unwrap_or(5)
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LimitQuery {
    /// At most this many suggestions (default 5); values outside 1 to 50 are brought inside.
    pub limit: Option<i32>,
}

/// Memory matches for one unit's source, best first: 0 to 100 on word tokens, 101 when the
/// neighbouring paragraphs match too; each with the differences from the remembered source
/// and where the pair came from.
#[utoipa::path(get, path = "/api/v1/statements/{id}/segments/{seg}/translations/{lang}/suggestions",
    tag = "memory", params(("id" = i64, Path, example = 1), ("seg" = i64, Path, example = 1), ("lang" = LanguageTagText, Path, example = "hy"), LimitQuery),
    responses((status = 200, body = Vec<Suggestion>), (status = 404, description = "statement_not_found or not_found")),
    security(("session" = []), ("bearer" = [])))]
async fn unit_suggestions(
    State(state): State<AppState>,
    _current: CurrentUser,
    Path((id, seg, lang)): Path<(String, String, String)>,
    ApiQuery(q): ApiQuery<LimitQuery>,
) -> AppResult<Json<Vec<Suggestion>>> {
    let id: i64 = id
        .parse()
        .map_err(|_| AppError::new(ErrorCode::StatementNotFound).with("id", id.as_str()))?;
    let lang = LanguageTag::parse(&lang)?;
    let found = match seg.parse::<i64>() {
        Ok(seg_id) => state.store.segment_context(id, seg_id).await?,
        Err(_) => None,
    };
    let Some(context) = found else {
        // Only on the way to a 404: tell a missing statement from a missing segment.
        return Err(match state.store.get_statement(id).await? {
            None => AppError::new(ErrorCode::StatementNotFound).with("id", id),
            Some(_) => AppError::not_found("unit").detail("segment_id", seg.as_str()),
        });
    };
    let suggestions = state
        .memory
        .lookup(
            state.store.as_ref(),
            &context.source_lang,
            lang.as_str(),
            &context.source,
            Some((context.prev.as_deref(), context.next.as_deref())),
            suggestion_count(q.limit),
        )
        .await?;
    Ok(Json(suggestions))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MatchQuery {
    /// Source language.
    #[param(value_type = LanguageTagText)]
    pub src: String,
    /// Target language.
    #[param(value_type = LanguageTagText)]
    pub tgt: String,
    /// The text to match.
    pub q: String,
    /// At most this many (default 5); values outside 1 to 50 are brought inside.
    pub limit: Option<i32>,
}

/// Fuzzy matches for any text, best first (what the editor, outside tools and benchmarks use).
#[utoipa::path(get, path = "/api/v1/memory/match", tag = "memory", params(MatchQuery),
    responses((status = 200, body = Vec<Suggestion>), (status = 400, description = "invalid_language")),
    security(("session" = []), ("bearer" = [])))]
async fn match_text(
    State(state): State<AppState>,
    _current: CurrentUser,
    ApiQuery(q): ApiQuery<MatchQuery>,
) -> AppResult<Json<Vec<Suggestion>>> {
    let src = LanguageTag::parse(&q.src)?;
    let tgt = LanguageTag::parse(&q.tgt)?;
    Ok(Json(
        state
            .memory
            .lookup(
                state.store.as_ref(),
                src.as_str(),
                tgt.as_str(),
                &q.q,
                None,
                suggestion_count(q.limit),
            )
            .await?,
    ))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    #[param(value_type = LanguageTagText)]
    pub src: String,
    #[param(value_type = LanguageTagText)]
    pub tgt: String,
    /// A word or phrase, found in sources or targets regardless of case.
    #[param(pattern = "\\S")]
    pub q: String,
    /// At most this many (default 50); values outside 1 to 200 are brought inside.
    pub limit: Option<i64>,
}

/// Concordance: remembered pairs containing a word or phrase, newest first.
#[utoipa::path(get, path = "/api/v1/memory/search", tag = "memory", params(SearchQuery),
    responses((status = 200, body = Vec<MemoryEntry>), (status = 400, description = "invalid_language or invalid_input")),
    security(("session" = []), ("bearer" = [])))]
async fn concordance(
    State(state): State<AppState>,
    _current: CurrentUser,
    ApiQuery(q): ApiQuery<SearchQuery>,
) -> AppResult<Json<Vec<MemoryEntry>>> {
    let src = LanguageTag::parse(&q.src)?;
    let tgt = LanguageTag::parse(&q.tgt)?;
    Ok(Json(
        memory::search(
            state.store.as_ref(),
            src.as_str(),
            tgt.as_str(),
            &q.q,
            q.limit.unwrap_or(50),
        )
        .await?,
    ))
}

/// Imports a TMX 1.4b file (editors), all or nothing: every ordered pair of a unit's languages
/// is remembered.
#[utoipa::path(post, path = "/api/v1/memory/import", tag = "memory",
    request_body(content = String, content_type = "application/x-tmx+xml"),
    responses((status = 200, body = TmxImport), (status = 400, description = "invalid_file"),
        (status = 403, description = "forbidden"), (status = 413, description = "payload_too_large")),
    security(("session" = []), ("bearer" = [])))]
async fn import_memory(
    State(state): State<AppState>,
    current: CurrentUser,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> AppResult<Json<TmxImport>> {
    let limit = state.config.max_body_bytes;
    let bytes = body.map_err(|_| AppError::new(ErrorCode::PayloadTooLarge).with("limit", limit))?;
    let report = memory::import_tmx(
        state.store.as_ref(),
        &state.effects(),
        &current.user,
        &bytes,
        limit,
    )
    .await?;
    Ok(Json(report))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// `tmx`.
    #[param(pattern = "^tmx$")]
    pub format: Option<String>,
}

/// The whole memory as TMX 1.4b (editors), streamed.
#[utoipa::path(get, path = "/api/v1/memory/export", tag = "memory", params(ExportQuery),
    responses((status = 200, content_type = "application/x-tmx+xml", description = "TMX 1.4b"),
        (status = 400, description = "invalid_input"), (status = 403, description = "forbidden")),
    security(("session" = []), ("bearer" = [])))]
async fn export_memory(
    State(state): State<AppState>,
    current: CurrentUser,
    ApiQuery(q): ApiQuery<ExportQuery>,
) -> AppResult<Response> {
    require(&current.user, Permission::ExportMemory, Target::Instance)?;
    if q.format.as_deref().is_some_and(|f| f != "tmx") {
        return Err(AppError::invalid_input(
            "format",
            Why::OneOf("tmx"),
            "the memory is exported as tmx",
        ));
    }
    let store = state.store.clone();
    let handle = tokio::runtime::Handle::current();
    Ok(stream(
        "application/x-tmx+xml; charset=utf-8",
        "memory.tmx",
        move |out| memory::write_tmx(store, handle, out),
    ))
}

fn entry_id(raw: &str) -> AppResult<i64> {
    raw.parse()
        .map_err(|_| AppError::not_found("memory_entry").detail("id", raw))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MemoryEntryUpdate {
    /// The corrected source; the pair keeps its source when left out.
    #[serde(default)]
    #[schema(pattern = "\\S", max_length = 20000)]
    pub source: Option<String>,
    /// The corrected target.
    #[schema(pattern = "\\S", max_length = 20000)]
    pub target: String,
}

/// Corrects a remembered pair (editors). The pair keeps its languages, context and origin and
/// records who corrected it; it is stored anew, so the answer carries its new `id`.
#[utoipa::path(put, path = "/api/v1/memory/{id}", tag = "memory", request_body = MemoryEntryUpdate,
    params(("id" = i64, Path, example = 1)),
    responses((status = 200, body = MemoryEntry), (status = 400, description = "invalid_input"),
        (status = 403, description = "forbidden"), (status = 404, description = "not_found")),
    security(("session" = []), ("bearer" = [])))]
async fn update_memory_entry(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<MemoryEntryUpdate>,
) -> AppResult<Json<MemoryEntry>> {
    Ok(Json(
        memory_edit::update_entry(
            state.store.as_ref(),
            &state.effects(),
            &current.user,
            entry_id(&id)?,
            body.source.as_deref(),
            &body.target,
        )
        .await?,
    ))
}

/// Forgets a remembered pair (editors): it is no longer suggested, searched or exported.
#[utoipa::path(delete, path = "/api/v1/memory/{id}", tag = "memory", params(("id" = i64, Path, example = 1)),
    responses((status = 204), (status = 403, description = "forbidden"), (status = 404, description = "not_found")),
    security(("session" = []), ("bearer" = [])))]
async fn delete_memory_entry(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    memory_edit::delete_entry(state.store.as_ref(), &current.user, entry_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}
