//! Exports (of a publication or of the working state) and XLIFF imports.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::contract::LanguageTagText;
use crate::domain::language::LanguageTag;
use crate::error::{AppError, AppResult, ErrorCode, Why};
use crate::formats::model::ExportDoc;
use crate::formats::tmx::TmxSegtype;
use crate::http::auth::CurrentUser;
use crate::http::extract::ApiQuery;
use crate::http::stream::stream;
use crate::http::AppState;
use crate::workflow::import::{import_xliff, ImportReport, Upload};
use crate::workflow::{export, publish};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(export_statement))
        .routes(routes!(import_statement))
        .routes(routes!(get_publication))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// `json` (publications only), `xliff` (XLIFF 2.1), `xliff12` (XLIFF 1.2), `tmx`, `html` or `md`.
    #[param(pattern = "^(json|xliff|xliff12|tmx|html|md)$")]
    pub format: Option<String>,
    /// The target language: required for `xliff` and `xliff12`; for `md`, one language instead of all.
    #[param(value_type = LanguageTagText, required = false)]
    pub lang: Option<String>,
    /// For `tmx`: `paragraph` (default) or `sentence`.
    #[param(pattern = "^(paragraph|sentence)$")]
    pub segtype: Option<String>,
}

/// The query's `segtype` and `lang`, checked whatever the format (JSON too), so a wrong value is
/// refused rather than silently ignored.
fn checked_query(query: &ExportQuery) -> AppResult<TmxSegtype> {
    query.lang.as_deref().map(LanguageTag::parse).transpose()?;
    match query.segtype.as_deref() {
        None | Some("paragraph") => Ok(TmxSegtype::Paragraph),
        Some("sentence") => Ok(TmxSegtype::Sentence),
        Some(other) => Err(AppError::invalid_input(
            "segtype",
            Why::OneOf("paragraph, sentence"),
            format!("paragraph or sentence, not {other:?}"),
        )),
    }
}

/// Renders `doc` in the asked format, streamed.
fn render(doc: ExportDoc, query: &ExportQuery) -> AppResult<Response> {
    let lang = query.lang.as_deref().map(LanguageTag::parse).transpose()?;
    let in_doc = |lang: &LanguageTag| doc.source_lang == *lang || doc.langs.contains(lang);
    if let Some(lang) = &lang {
        if !in_doc(lang) {
            return Err(AppError::not_found("language").detail("lang", lang.to_string()));
        }
    }
    let base = match doc.publication {
        Some(n) => format!("{}-v{n}", doc.slug),
        None => format!("{}-r{}", doc.slug, doc.revision),
    };
    let segtype = checked_query(query)?;
    match query.format.as_deref().unwrap_or("json") {
        format @ ("xliff" | "xliff12") => {
            let lang = lang.filter(|l| *l != doc.source_lang).ok_or_else(|| {
                AppError::invalid_input(
                    "lang",
                    Why::LangRequired,
                    "XLIFF holds one target language: pass &lang=",
                )
            })?;
            let name = format!("{base}-{lang}.xlf");
            let version_12 = format == "xliff12";
            Ok(stream(
                "application/xliff+xml; charset=utf-8",
                &name,
                move |out| {
                    if version_12 {
                        crate::formats::xliff::write_12(&doc, &lang, &mut { out })
                    } else {
                        crate::formats::xliff::write(&doc, &lang, &mut { out })
                    }
                },
            ))
        }
        "tmx" => Ok(stream(
            "application/x-tmx+xml; charset=utf-8",
            &format!("{base}.tmx"),
            move |out| crate::formats::tmx::write_tmx(&doc, segtype, &mut { out }),
        )),
        "html" => Ok(stream(
            "text/html; charset=utf-8",
            &format!("{base}.html"),
            move |out| crate::formats::html::write_html(&doc, &mut { out }),
        )),
        "md" => {
            let name = match &lang {
                Some(l) => format!("{base}-{l}.md"),
                None => format!("{base}.md"),
            };
            Ok(stream("text/markdown; charset=utf-8", &name, move |out| {
                crate::formats::markdown::write_markdown(&doc, lang.as_ref(), &mut { out })
            }))
        }
        other => Err(AppError::new(ErrorCode::InvalidFormat).with("format", other)),
    }
}

fn statement_id(raw: &str) -> AppResult<i64> {
    raw.parse()
        .map_err(|_| AppError::new(ErrorCode::StatementNotFound).with("id", raw))
}

/// One published version (public): `format=json` (default), `xliff&lang=` (XLIFF 2.1),
/// `xliff12&lang=` (XLIFF 1.2), `tmx[&segtype=sentence]`, `html`, `md[&lang=]`.
#[utoipa::path(get, path = "/api/v1/publications/{slug}/{version}", tag = "publications",
    params(("slug" = String, Path), ("version" = i64, Path, example = 1), ExportQuery),
    responses((status = 200, description = "`json`: the publication; other formats: the document", content(
            (crate::store::units::Publication = "application/json"), (String = "application/xliff+xml"),
            (String = "application/x-tmx+xml"), (String = "text/html"), (String = "text/markdown"))),
        (status = 400, description = "invalid_format or invalid_input: `xliff` and `xliff12` need `lang=`"),
        (status = 404, description = "not_found")))]
async fn get_publication(
    State(state): State<AppState>,
    Path((slug, version)): Path<(String, String)>,
    ApiQuery(query): ApiQuery<ExportQuery>,
) -> AppResult<Response> {
    let number = version
        .parse()
        .map_err(|_| AppError::not_found("publication").detail("version", version.as_str()))?;
    let publication = publish::get(state.store.as_ref(), &slug, number).await?;
    if matches!(query.format.as_deref(), None | Some("json")) {
        checked_query(&query)?;
        return Ok(Json(publication).into_response());
    }
    render(export::publication_doc(&publication), &query)
}

/// The working state of a statement for an outside tool (editors, and translators and
/// reviewers of the language): `xliff&lang=` (XLIFF 2.1), `xliff12&lang=` (XLIFF 1.2), `tmx`,
/// `html` or `md`.
#[utoipa::path(get, path = "/api/v1/statements/{id}/export", tag = "exchange",
    params(("id" = i64, Path, example = 1), WorkingExportQuery),
    responses((status = 200, description = "the document", content(
            (String = "application/xliff+xml"), (String = "application/x-tmx+xml"),
            (String = "text/html"), (String = "text/markdown"))),
        (status = 400, description = "invalid_format or invalid_input: `xliff` and `xliff12` need `lang=`"),
        (status = 403, description = "forbidden")),
    security(("session" = []), ("bearer" = [])))]
async fn export_statement(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<String>,
    ApiQuery(query): ApiQuery<ExportQuery>,
) -> AppResult<Response> {
    let langs: Vec<String> = query.lang.iter().cloned().collect();
    let doc = export::working_doc(
        state.store.as_ref(),
        &current.user,
        statement_id(&id)?,
        &langs,
    )
    .await?;
    if matches!(query.format.as_deref(), None | Some("json")) {
        return Err(AppError::new(ErrorCode::InvalidFormat).with("format", "json"));
    }
    render(doc, &query)
}

/// The query of a working export, as documented: unlike a publication it has no `json` form, so
/// `format` is required. The handler reads it as an `ExportQuery`.
#[derive(utoipa::IntoParams)]
#[allow(dead_code)]
#[into_params(parameter_in = Query)]
pub struct WorkingExportQuery {
    /// `xliff` (XLIFF 2.1), `xliff12` (XLIFF 1.2), `tmx`, `html` or `md`.
    #[param(pattern = "^(xliff|xliff12|tmx|html|md)$")]
    format: String,
    /// The target language: required for `xliff` and `xliff12`; for `md`, one language instead of all.
    #[param(value_type = LanguageTagText, required = false)]
    lang: Option<String>,
    /// For `tmx`: `paragraph` (default) or `sentence`.
    #[param(pattern = "^(paragraph|sentence)$")]
    segtype: Option<String>,
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// The language of the file's targets; the file's `trgLang` when missing.
    #[param(value_type = LanguageTagText, required = false)]
    pub lang: Option<String>,
    /// The file's name, recorded in each revision the import writes.
    pub filename: Option<String>,
}

/// Imports an XLIFF 2.x or 1.2 file for one language: changed targets become drafts (or
/// `translated` when the file says so and the user may submit); units whose source changed,
/// or that changed in Tandem since the export, are reported as conflicts and left alone.
#[utoipa::path(post, path = "/api/v1/statements/{id}/import", tag = "exchange",
    params(("id" = i64, Path, example = 1), ImportQuery),
    request_body(content = String, content_type = "application/xliff+xml"),
    responses((status = 200, body = ImportReport), (status = 400, description = "invalid_xliff"),
        (status = 413, description = "payload_too_large"), (status = 415, description = "unsupported_media_type")),
    security(("session" = []), ("bearer" = [])))]
async fn import_statement(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<String>,
    ApiQuery(query): ApiQuery<ImportQuery>,
    headers: HeaderMap,
    body: Result<Bytes, axum::extract::rejection::BytesRejection>,
) -> AppResult<Json<ImportReport>> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let accepted = [
        "application/xliff+xml",
        "application/x-xliff+xml",
        "application/xml",
        "text/xml",
    ];
    if !accepted.contains(&content_type.as_str()) {
        return Err(AppError::new(ErrorCode::UnsupportedMediaType)
            .with("expected", "application/xliff+xml")
            .detail("received", content_type));
    }
    let limit = state.config.max_body_bytes;
    let bytes = body.map_err(|_| AppError::new(ErrorCode::PayloadTooLarge).with("limit", limit))?;
    let statement_id = statement_id(&id)?;
    let report = import_xliff(
        state.store.as_ref(),
        &state.config.limits,
        &state.effects(),
        &current.user,
        statement_id,
        Upload {
            lang: query.lang.as_deref(),
            file_name: query.filename.as_deref().unwrap_or("upload.xlf"),
            bytes: &bytes,
            max_bytes: limit,
        },
    )
    .await?;
    Ok(Json(report))
}
