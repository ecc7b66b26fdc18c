//! Signing in and out, API tokens, and finding the user behind a cookie or a bearer token.

use std::time::Instant;

use chrono::{Duration, Utc};

use crate::domain::user::{normalise_username, User};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::store::{ApiTokenInfo, NewSession, SessionUser, Store};

use super::credentials::{new_secret, secret_hash, verify_password};
use super::throttle::SignInThrottle;

/// A new session: the cookie value and the CSRF token are shown to the client once.
pub struct SignedIn {
    pub user: User,
    pub session_token: String,
    pub csrf_token: String,
}

pub async fn sign_in(
    store: &dyn Store,
    throttle: &SignInThrottle,
    username: &str,
    password: String,
    session_hours: i64,
) -> AppResult<SignedIn> {
    // Unknown names and malformed ones get the same answer as a wrong password.
    let key = normalise_username(username).unwrap_or_else(|_| username.trim().to_lowercase());
    if let Some(seconds) = throttle.locked_for(&key, Instant::now()) {
        let mut err = AppError::new(ErrorCode::TooManyAttempts).with("seconds", seconds);
        err.retry_after = Some(seconds);
        return Err(err);
    }
    let credentials = store.credentials(&key).await?;
    let (user_id, stored) = match credentials {
        Some(c) => (Some(c.user_id), Some(c.password_hash)),
        None => (None, None),
    };
    let valid = verify_password(password, stored).await?;
    let user = match (valid, user_id) {
        (true, Some(id)) => store.get_user(id).await?,
        _ => None,
    };
    let Some(user) = user else {
        throttle.record_failure(&key, Instant::now());
        tracing::info!(username = %key, "sign-in refused");
        return Err(AppError::new(ErrorCode::InvalidCredentials));
    };
    throttle.record_success(&key);
    let session_token = new_secret("tds_");
    let csrf_token = new_secret("");
    let now = Utc::now();
    store
        .create_session(&NewSession {
            token_hash: secret_hash(&session_token),
            user_id: user.id,
            csrf_token: csrf_token.clone(),
            created_at: now,
            expires_at: now + Duration::hours(session_hours),
        })
        .await?;
    tracing::info!(user = %user.username, "signed in");
    Ok(SignedIn {
        user,
        session_token,
        csrf_token,
    })
}

pub async fn sign_out(store: &dyn Store, session_token: &str) -> AppResult<()> {
    store.delete_session(&secret_hash(session_token)).await?;
    Ok(())
}

pub async fn session_user(
    store: &dyn Store,
    session_token: &str,
) -> AppResult<Option<SessionUser>> {
    Ok(store
        .session_user(&secret_hash(session_token), Utc::now())
        .await?)
}

/// A new API token; the secret is returned once and only its hash is kept.
pub async fn create_token(
    store: &dyn Store,
    user: &User,
    name: &str,
) -> AppResult<(ApiTokenInfo, String)> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(AppError::new(ErrorCode::InvalidInput)
            .with("field", "name")
            .with("reason", "between 1 and 100 characters"));
    }
    let secret = new_secret("tdm_");
    let info = store
        .create_api_token(user.id, name, &secret_hash(&secret))
        .await?;
    tracing::info!(user = %user.username, token = info.id, "API token created");
    Ok((info, secret))
}

pub async fn token_user(store: &dyn Store, token: &str) -> AppResult<User> {
    store
        .token_user(&secret_hash(token))
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::InvalidToken))
}
