//! Quality-check results of a unit or a whole statement, with messages in the reader's language.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, Uri};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::contract::LanguageTagText;
use crate::domain::checks::Finding;
use crate::domain::language::LanguageTag;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::http::auth::CurrentUser;
use crate::http::extract::ApiQuery;
use crate::http::localize::request_locale;
use crate::http::AppState;
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
    /// `message` in pieces: the interface language's words, and the values it quotes with the
    /// language each is written in, so a page can mark every piece with its own `lang`.
    pub parts: Vec<MessagePart>,
}

/// A piece of a check message.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct MessagePart {
    pub text: String,
    /// The language of a quoted value (`zxx` for links and language codes); null for the
    /// interface language's own words.
    pub lang: Option<String>,
}

/// Marks around a quoted value while the message is formatted; from Unicode's private use area,
/// and never put around a value that holds them itself.
const VALUE_START: char = '\u{E000}';
const VALUE_END: char = '\u{E001}';
/// The value's argument is told by one character after the start mark: this one plus its index.
const VALUE_INDEX: u32 = 0xE100;

/// Which language a value a check message quotes is written in: the source's, the translation's,
/// or none (links and language codes). Numbers, counts, punctuation marks and the selector
/// arguments of the messages have no letters and are not marked.
fn value_lang<'a>(arg: &str, f: &Finding, source_lang: &'a str, lang: &'a str) -> Option<&'a str> {
    let side_is_source = f.args.iter().any(|(k, v)| k == "side" && v == "source");
    match arg {
        "term" | "item" => Some(source_lang),
        "translation" | "word" => Some(lang),
        "date" if side_is_source => Some(source_lang),
        "date" => Some(lang),
        "link" | "found_in" => Some("zxx"),
        _ => None,
    }
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
    source_lang: &str,
    lang: &str,
    f: &Finding,
) -> CheckResult {
    let check = name_of(&f.check);
    // Quoted values are formatted between marks that tell them apart from the message's words.
    let marked: Vec<String> = f
        .args
        .iter()
        .enumerate()
        .map(|(i, (k, v))| {
            let index = char::from_u32(VALUE_INDEX + i as u32);
            match (value_lang(k, f, source_lang, lang), index) {
                (Some(_), Some(index)) if !v.contains([VALUE_START, VALUE_END]) => {
                    format!("{VALUE_START}{index}{v}{VALUE_END}")
                }
                _ => v.clone(),
            }
        })
        .collect();
    let args: Vec<(&str, Arg)> = f
        .args
        .iter()
        .zip(&marked)
        .map(|((k, _), v)| (k.as_str(), Arg::from(v.as_str())))
        .collect();
    let formatted = l10n.message(locale, &format!("check-{}", check.replace('_', "-")), &args);
    let parts = split_values(&formatted, |i| {
        f.args
            .get(i)
            .and_then(|(k, _)| value_lang(k, f, source_lang, lang))
    });
    CheckResult {
        message: parts.iter().map(|p| p.text.as_str()).collect(),
        parts,
        severity: name_of(&f.severity),
        check,
        segment_id,
        lang: lang.to_owned(),
        args: f.args.iter().cloned().collect(),
    }
}

/// Cuts a formatted message at the value marks; `lang_of(index)` names each value's language.
fn split_values<'a>(
    formatted: &str,
    lang_of: impl Fn(usize) -> Option<&'a str>,
) -> Vec<MessagePart> {
    let mut parts = Vec::new();
    let mut rest = formatted;
    while let Some(start) = rest.find(VALUE_START) {
        let after = &rest[start + VALUE_START.len_utf8()..];
        let mut chars = after.chars();
        let (Some(index), Some(end)) = (chars.next(), after.find(VALUE_END)) else {
            break;
        };
        let value_from = index.len_utf8();
        if end < value_from {
            break;
        }
        if start > 0 {
            parts.push(MessagePart {
                text: rest[..start].to_owned(),
                lang: None,
            });
        }
        let slot = (u32::from(index).wrapping_sub(VALUE_INDEX)) as usize;
        parts.push(MessagePart {
            text: after[value_from..end].to_owned(),
            lang: lang_of(slot).map(str::to_owned),
        });
        rest = &after[end + VALUE_END.len_utf8()..];
    }
    if !rest.is_empty() {
        parts.push(MessagePart {
            text: rest.to_owned(),
            lang: None,
        });
    }
    parts
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
    uri: Uri,
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
    let locale = request_locale(&headers, uri.query());
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
            .map(|f| describe(&state.l10n, locale, segment_id, source_lang, lang, f))
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
    uri: Uri,
    Path(id): Path<String>,
    ApiQuery(q): ApiQuery<StatementChecksQuery>,
) -> AppResult<Json<Vec<CheckResult>>> {
    let statement_id: i64 = id
        .parse()
        .map_err(|_| AppError::new(ErrorCode::StatementNotFound).with("id", id.as_str()))?;
    let only = q.lang.as_deref().map(LanguageTag::parse).transpose()?;
    // `?lang=` names the target language here; the messages follow `?ui=`, the cookie or the browser.
    let locale = request_locale(&headers, uri.query());
    let statement = state
        .store
        .get_statement(statement_id)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::StatementNotFound).with("id", statement_id))?;
    let source_lang = statement.summary.source_lang.as_str();
    let found = statement_findings(state.store.as_ref(), statement_id, only.as_ref()).await?;
    Ok(Json(
        found
            .iter()
            .map(|p| {
                describe(
                    &state.l10n,
                    locale,
                    p.segment_id,
                    source_lang,
                    &p.lang,
                    &p.finding,
                )
            })
            .collect(),
    ))
}
