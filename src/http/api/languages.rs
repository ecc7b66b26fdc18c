//! The languages an instance works in.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::contract::LanguageTagText;
use crate::domain::language::LanguageTag;
use crate::domain::policy::{Permission, Target};
use crate::error::AppResult;
use crate::http::auth::CurrentUser;
use crate::http::extract::ApiJson;
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

/// Every language of the instance.
#[utoipa::path(get, path = "/api/v1/languages", tag = "languages", responses((status = 200, body = Vec<Language>)))]
async fn list_languages(State(state): State<AppState>) -> AppResult<Json<Vec<Language>>> {
    Ok(Json(state.store.list_languages().await?))
}

/// Adds a language (admins only); 409 `language_exists` when it is there already.
#[utoipa::path(post, path = "/api/v1/languages", tag = "languages", request_body = AddLanguageRequest,
    responses((status = 201, body = Language), (status = 400, description = "invalid_language"),
        (status = 409, description = "language_exists")),
    security(("session" = []), ("bearer" = [])))]
async fn add_language(
    State(state): State<AppState>,
    current: CurrentUser,
    ApiJson(body): ApiJson<AddLanguageRequest>,
) -> AppResult<(StatusCode, Json<Language>)> {
    require(&current.user, Permission::AddLanguage, Target::Instance)?;
    let tag = LanguageTag::parse(&body.tag)?;
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
    Ok((StatusCode::CREATED, Json(language)))
}

fn clean(value: Option<String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}
