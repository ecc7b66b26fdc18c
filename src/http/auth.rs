//! Who is calling: a bearer token, or a session cookie with a CSRF token on writes.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, Method};
use axum_extra::extract::cookie::{Cookie, SameSite};
use axum_extra::extract::CookieJar;

use crate::domain::user::User;
use crate::error::{AppError, ErrorCode};
use crate::http::AppState;
use crate::workflow::sessions;

pub const SESSION_COOKIE: &str = "tandem_session";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// How the caller proved who they are.
#[derive(Debug, Clone)]
pub enum Via {
    Session { token: String },
    Token,
}

/// The signed-in user of a request; extracting it refuses anonymous callers with 401.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub user: User,
    pub via: Via,
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(token) = bearer(&parts.headers) {
            let user = sessions::token_user(state.store.as_ref(), token).await?;
            return Ok(Self {
                user,
                via: Via::Token,
            });
        }
        let jar = CookieJar::from_headers(&parts.headers);
        let Some(cookie) = jar.get(SESSION_COOKIE) else {
            return Err(AppError::new(ErrorCode::Unauthenticated));
        };
        let token = cookie.value().to_owned();
        let Some(session) = sessions::session_user(state.store.as_ref(), &token).await? else {
            return Err(AppError::new(ErrorCode::Unauthenticated));
        };
        // A browser sends the cookie on any request to us, even one forged by another site;
        // only our own pages know the CSRF token, so writes must carry it.
        if !is_safe(&parts.method) {
            let sent = parts
                .headers
                .get(CSRF_HEADER)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            if !constant_time_eq(sent.as_bytes(), session.csrf_token.as_bytes()) {
                return Err(AppError::new(ErrorCode::CsrfFailed));
            }
        }
        Ok(Self {
            user: session.user,
            via: Via::Session { token },
        })
    }
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The session cookie: `HttpOnly` so scripts cannot read it, `SameSite=Lax`, and `Secure`
/// when the request came over https (directly or as a proxy reports it) or the config says so.
pub fn session_cookie(token: String, headers: &HeaderMap, state: &AppState) -> Cookie<'static> {
    Cookie::build((SESSION_COOKIE, token))
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(is_https(headers) || state.config.secure_cookies)
        .path("/")
        .max_age(time::Duration::hours(state.config.session_hours))
        .build()
}

pub fn removal_cookie() -> Cookie<'static> {
    Cookie::build((SESSION_COOKIE, "")).path("/").build()
}

fn is_https(headers: &HeaderMap) -> bool {
    headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|p| p.eq_ignore_ascii_case("https"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearer_tokens_are_found() {
        let mut h = HeaderMap::new();
        h.insert(header::AUTHORIZATION, "Bearer tdm_abc".parse().unwrap());
        assert_eq!(bearer(&h), Some("tdm_abc"));
        h.insert(header::AUTHORIZATION, "Basic xyz".parse().unwrap());
        assert_eq!(bearer(&h), None);
    }

    #[test]
    fn comparison_is_exact() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"ab"));
    }
}
