//! The languages an instance works in.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::contract::LanguageTagText;
use crate::domain::language::LanguageTag;
use crate::domain::policy::{Permission, Target};
use crate::error::AppResult;
use crate::http::auth::CurrentUser;
use crate::http::extract::ApiJson;
use crate::http::localize::request_locale;
use crate::http::AppState;
use crate::store::{Language, NewLanguage};
use crate::workflow::guard::require;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list_languages, add_language))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AddLanguageRequest {
    /// A BCP 47 tag; stored canonicalised (`de-at` -> `de-AT`).
    #[schema(value_type = LanguageTagText, example = "ka")]
    pub tag: String,
    /// English name; defaults to the tag.
    #[serde(default)]
    pub name: Option<String>,
    /// The language's name for itself; defaults to the name.
    #[serde(default)]
    pub native_name: Option<String>,
}

/// The language as stored, and, when the registry's canonical form differs from the tag that
/// was sent (`iw` -> `he`, `hy-Armn` -> `hy`), what was sent and a note saying so.
#[derive(Serialize, utoipa::ToSchema)]
pub struct AddedLanguage {
    #[serde(flatten)]
    pub language: Language,
    /// The tag as sent, when it was stored under another one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "iw")]
    pub requested_tag: Option<String>,
    /// Why the stored tag differs, in the reader's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Every language of the instance.
#[utoipa::path(get, path = "/api/v1/languages", tag = "languages", responses((status = 200, body = Vec<Language>)))]
async fn list_languages(State(state): State<AppState>) -> AppResult<Json<Vec<Language>>> {
    Ok(Json(state.store.list_languages().await?))
}

/// Adds a language (admins only), under the tag's canonical form in the IANA Language Subtag
/// Registry; 409 `language_exists` when it is there already.
#[utoipa::path(post, path = "/api/v1/languages", tag = "languages", request_body = AddLanguageRequest,
    responses((status = 201, body = AddedLanguage), (status = 400, description = "invalid_language"),
        (status = 409, description = "language_exists")),
    security(("session" = []), ("bearer" = [])))]
async fn add_language(
    State(state): State<AppState>,
    current: CurrentUser,
    headers: HeaderMap,
    uri: Uri,
    ApiJson(body): ApiJson<AddLanguageRequest>,
) -> AppResult<(StatusCode, Json<AddedLanguage>)> {
    require(&current.user, Permission::AddLanguage, Target::Instance)?;
    let tag = LanguageTag::parse(&body.tag)?;
    let requested_tag = tag.replaces(&body.tag).then(|| body.tag.trim().to_owned());
    let name = clean(body.name).unwrap_or_else(|| tag.to_string());
    let native_name = clean(body.native_name).unwrap_or_else(|| name.clone());
    let language = state
        .store
        .add_language(&NewLanguage {
            tag,
            name,
            native_name,
        })
        .await?;
    let note = requested_tag.as_ref().map(|requested| {
        state.l10n.message(
            request_locale(&headers, uri.query()),
            "language-tag-replaced",
            &[
                ("requested", requested.as_str().into()),
                ("tag", language.tag.as_str().into()),
            ],
        )
    });
    let added = AddedLanguage {
        language,
        requested_tag,
        note,
    };
    Ok((StatusCode::CREATED, Json(added)))
}

fn clean(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}
