//! Signing in and out with a session cookie.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use axum_extra::extract::cookie::{Cookie, SameSite};
use axum_extra::extract::CookieJar;
use serde::{Deserialize, Serialize};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::domain::user::User;
use crate::error::AppResult;
use crate::http::auth::{removal_cookie, session_cookie, CurrentUser, Via};
use crate::http::client::ClientAddress;
use crate::http::extract::ApiJson;
use crate::http::AppState;
use crate::workflow::sessions;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(sign_in, sign_out))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignInRequest {
    pub username: String,
    pub password: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SignInResponse {
    pub user: User,
    /// Send it as `X-CSRF-Token` with every write made with the session cookie.
    pub csrf_token: String,
}

/// Signs in: sets the session cookie and returns the user with a CSRF token.
/// Unknown user and wrong password get the same 401. Failures are counted per name and per
/// client address; past a few, both are locked for a growing time (429 with `Retry-After`),
/// whether or not the name exists.
#[utoipa::path(post, path = "/api/v1/session", tag = "session", request_body = SignInRequest, responses(
    (status = 200, body = SignInResponse),
    (status = 401, description = "invalid_credentials"),
    (status = 429, description = "too_many_attempts")
))]
async fn sign_in(
    State(state): State<AppState>,
    headers: HeaderMap,
    address: ClientAddress,
    jar: CookieJar,
    ApiJson(body): ApiJson<SignInRequest>,
) -> AppResult<(CookieJar, Json<SignInResponse>)> {
    let signed = sessions::sign_in(
        state.store.as_ref(),
        &body.username,
        body.password,
        state.config.session_hours,
        address.as_deref(),
    )
    .await?;
    let mut jar = jar.add(session_cookie(signed.session_token, &headers, &state));
    // The interface language the person saved follows them into this browser.
    if let Some(lang) = signed.user.ui_lang.clone() {
        jar = jar.add(
            Cookie::build(("lang", lang))
                .path("/")
                .same_site(SameSite::Lax)
                .max_age(time::Duration::days(365))
                .build(),
        );
    }
    Ok((
        jar,
        Json(SignInResponse {
            user: signed.user,
            csrf_token: signed.csrf_token,
        }),
    ))
}

/// Signs out: ends the session and clears the cookie.
/// With a bearer token there is no session to end, and the answer is the same 204.
#[utoipa::path(delete, path = "/api/v1/session", tag = "session", responses((status = 204)),
    security(("session" = []), ("bearer" = [])))]
async fn sign_out(
    State(state): State<AppState>,
    current: CurrentUser,
    address: ClientAddress,
    jar: CookieJar,
) -> AppResult<(StatusCode, CookieJar)> {
    if let Via::Session { token } = &current.via {
        sessions::sign_out(
            state.store.as_ref(),
            &current.user,
            token,
            address.as_deref(),
        )
        .await?;
    }
    Ok((StatusCode::NO_CONTENT, jar.remove(removal_cookie())))
}
