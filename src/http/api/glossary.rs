//! The glossary: terms per language pair, TBX and CSV in and out.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::contract::LanguageTagText;
use crate::domain::glossary::{Term, TermStatus};
use crate::error::{AppError, AppResult, ErrorCode, Why};
use crate::formats::glossary::{write_csv, write_tbx, TermRecord};
use crate::http::auth::CurrentUser;
use crate::http::extract::{ApiJson, ApiQuery};
use crate::http::stream::stream;
use crate::http::AppState;
use crate::workflow::glossary;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_terms, add_term))
        .routes(routes!(delete_term))
        .routes(routes!(import_terms))
        .routes(routes!(export_terms))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PairQuery {
    /// Source language; all when left out.
    #[param(value_type = LanguageTagText, required = false)]
    pub src: Option<String>,
    /// Target language; all when left out.
    #[param(value_type = LanguageTagText, required = false)]
    pub tgt: Option<String>,
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TermRequest {
    #[schema(value_type = LanguageTagText, example = "en")]
    pub src_lang: String,
    #[schema(value_type = LanguageTagText, example = "hy")]
    pub tgt_lang: String,
    /// 1 to 300 characters.
    #[schema(pattern = "\\S", max_length = 300)]
    pub term: String,
    /// May be left out for `do_not_translate`.
    #[serde(default)]
    pub translation: String,
    #[serde(default = "preferred")]
    pub status: TermStatus,
    #[serde(default)]
    pub note: String,
}

fn preferred() -> TermStatus {
    TermStatus::Preferred
}

/// The glossary of a language pair (or all of it), by term.
#[utoipa::path(get, path = "/api/v1/glossary", tag = "glossary", params(PairQuery),
    responses((status = 200, body = Vec<Term>), (status = 400, description = "invalid_language")),
    security(("session" = []), ("bearer" = [])))]
async fn list_terms(
    State(state): State<AppState>,
    _current: CurrentUser,
    ApiQuery(q): ApiQuery<PairQuery>,
) -> AppResult<Json<Vec<Term>>> {
    Ok(Json(
        glossary::list(state.store.as_ref(), q.src.as_deref(), q.tgt.as_deref()).await?,
    ))
}

/// Adds a term (editors); the same term and translation again updates status and note.
#[utoipa::path(post, path = "/api/v1/glossary", tag = "glossary", request_body = TermRequest,
    responses((status = 201, body = Term), (status = 400, description = "invalid_input or invalid_language"),
        (status = 403, description = "forbidden")),
    security(("session" = []), ("bearer" = [])))]
async fn add_term(
    State(state): State<AppState>,
    current: CurrentUser,
    ApiJson(body): ApiJson<TermRequest>,
) -> AppResult<(StatusCode, Json<Term>)> {
    let record = TermRecord {
        src_lang: body.src_lang,
        tgt_lang: body.tgt_lang,
        term: body.term,
        translation: body.translation,
        status: body.status,
        note: body.note,
    };
    let term = glossary::add_term(state.store.as_ref(), &current.user, record).await?;
    Ok((StatusCode::CREATED, Json(term)))
}

/// Removes a term (editors).
#[utoipa::path(delete, path = "/api/v1/glossary/{id}", tag = "glossary", params(("id" = i64, Path, example = 1)),
    responses((status = 204), (status = 403, description = "forbidden"), (status = 404, description = "not_found")),
    security(("session" = []), ("bearer" = [])))]
async fn delete_term(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let id: i64 = id
        .parse()
        .map_err(|_| AppError::not_found("term").detail("id", id.as_str()))?;
    glossary::delete(state.store.as_ref(), &current.user, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FormatQuery {
    /// `tbx` or `csv`.
    #[param(pattern = "^(tbx|csv)$")]
    pub format: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ImportedTerms {
    /// Terms added or updated.
    pub terms: u64,
}

/// Imports a TBX (TBX-Basic 2008 or TBX v3) or CSV file (editors), all or nothing. A TBX concept
/// gives a term for every ordered pair of its languages. CSV needs the header
/// `src_lang,tgt_lang,term,translation[,status][,note]`.
#[utoipa::path(post, path = "/api/v1/glossary/import", tag = "glossary", params(FormatQuery),
    request_body(content = String, content_type = "application/octet-stream"),
    responses((status = 200, body = ImportedTerms), (status = 400, description = "invalid_file or invalid_input"),
        (status = 403, description = "forbidden"), (status = 413, description = "payload_too_large")),
    security(("session" = []), ("bearer" = [])))]
async fn import_terms(
    State(state): State<AppState>,
    current: CurrentUser,
    ApiQuery(q): ApiQuery<FormatQuery>,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> AppResult<Json<ImportedTerms>> {
    let limit = state.config.max_body_bytes;
    let bytes = body.map_err(|_| AppError::new(ErrorCode::PayloadTooLarge).with("limit", limit))?;
    let terms = glossary::import(
        state.store.as_ref(),
        &current.user,
        &q.format,
        &bytes,
        limit,
    )
    .await?;
    Ok(Json(ImportedTerms { terms }))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// `tbx` or `csv`.
    #[param(pattern = "^(tbx|csv)$")]
    pub format: String,
    #[param(value_type = LanguageTagText, required = false)]
    pub src: Option<String>,
    #[param(value_type = LanguageTagText, required = false)]
    pub tgt: Option<String>,
}

/// The glossary (or one pair of it) as TBX-Basic or CSV.
#[utoipa::path(get, path = "/api/v1/glossary/export", tag = "glossary", params(ExportQuery),
    responses((status = 200, description = "TBX-Basic or CSV", content(
            (String = "application/x-tbx+xml"), (String = "text/csv"))),
        (status = 400, description = "invalid_input")),
    security(("session" = []), ("bearer" = [])))]
async fn export_terms(
    State(state): State<AppState>,
    _current: CurrentUser,
    ApiQuery(q): ApiQuery<ExportQuery>,
) -> AppResult<Response> {
    let terms = glossary::list(state.store.as_ref(), q.src.as_deref(), q.tgt.as_deref()).await?;
    match q.format.as_str() {
        "tbx" => Ok(stream(
            "application/x-tbx+xml; charset=utf-8",
            "glossary.tbx",
            move |out| write_tbx(&terms, out),
        )),
        "csv" => Ok(stream(
            "text/csv; charset=utf-8",
            "glossary.csv",
            move |out| write_csv(&terms, out),
        )),
        other => Err(AppError::invalid_input(
            "format",
            Why::OneOf("tbx, csv"),
            format!("{other:?} is neither tbx nor csv"),
        )),
    }
}
