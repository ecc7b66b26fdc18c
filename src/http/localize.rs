//! Renders pending errors as JSON in the language the client asked for.

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;

use crate::error::{ErrorCode, PendingError};
use crate::http::AppState;
use crate::i18n::{negotiate, Locale};

/// The UI language of a request: `?lang=`, then the `lang` cookie, then Accept-Language, then English.
pub fn request_locale(headers: &HeaderMap, query: Option<&str>) -> Locale {
    let from_query = query.and_then(|q| {
        url::form_urlencoded::parse(q.as_bytes())
            .find(|(k, _)| k == "lang")
            .map(|(_, v)| v.into_owned())
    });
    let jar = CookieJar::from_headers(headers);
    let from_cookie = jar.get("lang").map(|c| c.value().to_owned());
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    negotiate(from_query.as_deref(), from_cookie.as_deref(), accept)
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
