//! Quality-check results of a unit or a whole statement, with messages in the reader's language.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::contract::LanguageTagText;
use crate::app::AppState;
use crate::domain::checks::Finding;
use crate::domain::language::LanguageTag;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::http::auth::CurrentUser;
use crate::http::extract::ApiQuery;
use crate::http::localize::request_locale;
use crate::i18n::{Arg, L10n, Locale};
use crate::workflow::checks::{statement_findings, unit_findings};
use crate::workflow::{glossary, units};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(unit_checks))
        .routes(routes!(statement_checks))
}

/// One finding with its message.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CheckResult {
    /// The check's stable name, e.g. `number_missing`.
    pub check: String,
    /// `error` blocks approval; `warning` does not.
    pub severity: String,
    pub message: String,
    pub segment_id: i64,
    pub lang: String,
    /// The values the message names (numbers, words, terms).
    pub args: std::collections::BTreeMap<String, String>,
}

fn name_of<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The localised form of a finding; shared with the editor page.
pub fn describe(
    l10n: &L10n,
    locale: Locale,
    segment_id: i64,
    lang: &str,
    f: &Finding,
) -> CheckResult {
    let check = name_of(&f.check);
    let args: Vec<(&str, Arg)> = f
        .args
        .iter()
        .map(|(k, v)| (k.as_str(), Arg::from(v.as_str())))
        .collect();
    CheckResult {
        message: l10n.message(locale, &format!("check-{}", check.replace('_', "-")), &args),
        severity: name_of(&f.severity),
        check,
        segment_id,
        lang: lang.to_owned(),
        args: f.args.iter().cloned().collect(),
    }
}

/// The checks of one unit's current text.
#[utoipa::path(get, path = "/api/v1/statements/{id}/segments/{seg}/translations/{lang}/checks", tag = "translation",
    params(("id" = i64, Path, example = 1), ("seg" = i64, Path, example = 1), ("lang" = LanguageTagText, Path, example = "hy")),
    responses((status = 200, body = Vec<CheckResult>), (status = 404, description = "not_found")),
    security(("session" = []), ("bearer" = [])))]
async fn unit_checks(
    State(state): State<AppState>,
    _current: CurrentUser,
    headers: HeaderMap,
    Path((id, seg, lang)): Path<(String, String, String)>,
) -> AppResult<Json<Vec<CheckResult>>> {
    let statement_id: i64 = id
        .parse()
        .map_err(|_| AppError::new(ErrorCode::StatementNotFound).with("id", id.as_str()))?;
    let segment_id: i64 = seg
        .parse()
        .map_err(|_| AppError::not_found("unit").detail("segment_id", seg.as_str()))?;
    let unit = units::load(
        state.store.as_ref(),
        &units::UnitRef {
            statement_id,
            segment_id,
            lang: lang.clone(),
        },
    )
    .await?;
    let statement = state
        .store
        .get_statement(statement_id)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::StatementNotFound).with("id", statement_id))?;
    let source_lang = statement.summary.source_lang.as_str();
    let lang = unit.view.lang.as_str();
    let terms = glossary::list(state.store.as_ref(), Some(source_lang), Some(lang)).await?;
    let locale = request_locale(&headers, None);
    let found = if unit.view.text.trim().is_empty() {
        Vec::new()
    } else {
        unit_findings(
            source_lang,
            lang,
            &unit.view.source,
            &unit.view.text,
            &terms,
        )
    };
    Ok(Json(
        found
            .iter()
            .map(|f| describe(&state.l10n, locale, segment_id, lang, f))
            .collect(),
    ))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatementChecksQuery {
    /// Only this target language; every language when left out.
    #[param(value_type = LanguageTagText, required = false)]
    pub lang: Option<String>,
}

/// Every finding of a statement (translated units only), including the cross-language check:
/// a number or name that the source and one translation have but another translation lost.
#[utoipa::path(get, path = "/api/v1/statements/{id}/checks", tag = "statements",
    params(("id" = i64, Path, example = 1), StatementChecksQuery),
    responses((status = 200, body = Vec<CheckResult>), (status = 404, description = "statement_not_found")),
    security(("session" = []), ("bearer" = [])))]
async fn statement_checks(
    State(state): State<AppState>,
    _current: CurrentUser,
    headers: HeaderMap,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<StatementChecksQuery>,
) -> AppResult<Json<Vec<CheckResult>>> {
    let statement_id: i64 = id
        .parse()
        .map_err(|_| AppError::new(ErrorCode::StatementNotFound).with("id", id.as_str()))?;
    let only = q.lang.as_deref().map(LanguageTag::parse).transpose()?;
    // `?lang=` names the target language here, so the messages follow the cookie or the browser.
    let locale = request_locale(&headers, None);
    let found = statement_findings(state.store.as_ref(), statement_id, only.as_ref()).await?;
    Ok(Json(
        found
            .iter()
            .map(|p| describe(&state.l10n, locale, p.segment_id, &p.lang, &p.finding))
            .collect(),
    ))
}
