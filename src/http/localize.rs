//! The interface language of a request (`?ui=`, the `ui` cookie), kept apart from the data
//! language (`?lang=`, a path's `{lang}`), and pending errors rendered as JSON in it.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::cookie::{Cookie, SameSite};
use axum_extra::extract::CookieJar;

use crate::error::{ErrorCode, PendingError};
use crate::http::AppState;
use crate::i18n::{negotiate, Locale};

/// The query parameter and cookie that carry the interface language. `?lang=` is left to the
/// data (a statement's language, an export's), so one never switches the other.
pub const UI_PARAM: &str = "ui";
/// The cookie an earlier release kept the interface language in; still read, never written.
const LEGACY_COOKIE: &str = "lang";
/// How long a chosen interface language is remembered in the browser.
const REMEMBER_DAYS: i64 = 365;

/// The UI language of a request: `?ui=`, then the `ui` cookie (or the older `lang` one), then
/// Accept-Language, then English.
pub fn request_locale(headers: &HeaderMap, query: Option<&str>) -> Locale {
    let from_query = query_choice(query);
    let from_cookie = cookie_choice(headers);
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    negotiate(from_query.as_deref(), from_cookie.as_deref(), accept)
}

/// The `?ui=` value, if the query has one.
pub fn query_choice(query: Option<&str>) -> Option<String> {
    query.and_then(|q| {
        url::form_urlencoded::parse(q.as_bytes())
            .find(|(k, _)| k == UI_PARAM)
            .map(|(_, v)| v.into_owned())
    })
}

/// The interface language this browser remembers, if any.
pub fn cookie_choice(headers: &HeaderMap) -> Option<String> {
    let jar = CookieJar::from_headers(headers);
    jar.get(UI_PARAM)
        .or_else(|| jar.get(LEGACY_COOKIE))
        .map(|c| c.value().to_owned())
}

/// The cookie that remembers `locale` as this browser's interface language.
pub fn ui_cookie(locale: Locale) -> Cookie<'static> {
    Cookie::build((UI_PARAM, locale.as_str()))
        .path("/")
        .same_site(SameSite::Lax)
        .max_age(time::Duration::days(REMEMBER_DAYS))
        .build()
}

/// Remembers an interface language chosen with `?ui=` (one of the UI's, and not the one the
/// browser remembers already), so the next page speaks it without the parameter.
pub async fn remember_ui(request: Request, next: Next) -> Response {
    let chosen = query_choice(request.uri().query())
        .as_deref()
        .and_then(Locale::from_tag)
        .filter(|l| {
            cookie_choice(request.headers())
                .as_deref()
                .and_then(Locale::from_tag)
                != Some(*l)
        });
    let mut response = next.run(request).await;
    if let Some(locale) = chosen {
        if let Ok(value) = HeaderValue::from_str(&ui_cookie(locale).to_string()) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

pub async fn localize_errors(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let locale = request_locale(request.headers(), request.uri().query());
    let mut response = next.run(request).await;
    let Some(PendingError(error)) = response.extensions_mut().remove::<PendingError>() else {
        return response;
    };
    let body = error.body(&state.l10n, locale);
    let mut rendered = (response.status(), axum::Json(body)).into_response();
    for (name, value) in response.headers() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            rendered.headers_mut().insert(name.clone(), value.clone());
        }
    }
    rendered.headers_mut().insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(locale.as_str()),
    );
    rendered
}

/// What a panic turns into: the localisation layer sits inside the panic catcher, so this
/// body is rendered here, in English, the reference locale.
pub fn plain_internal_error() -> Response<Body> {
    let body = serde_json::json!({"error": {
        "code": ErrorCode::Internal.as_str(),
        "message": "An unexpected error occurred. It has been logged; please try again.",
        "details": {}
    }});
    let mut response = (StatusCode::INTERNAL_SERVER_ERROR, axum::Json(body)).into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_LANGUAGE, HeaderValue::from_static("en"));
    response
}
