//! Signing in and out, API tokens, and finding the user behind a cookie or a bearer token.

use chrono::{Duration, Utc};
use serde_json::json;

use crate::domain::audit::AuditAction;
use crate::domain::lockout::LockKey;
use crate::domain::policy::{may, Actor, Permission, Target};
use crate::domain::user::{normalise_username, User};
use crate::error::{AppError, AppResult, ErrorCode, Why};
use crate::store::{ApiTokenInfo, NewSession, SessionUser, Store};

use super::audit;
use super::credentials::{new_secret, secret_hash, verify_password};

/// A new session: the cookie value and the CSRF token are shown to the client once.
pub struct SignedIn {
    pub user: User,
    pub session_token: String,
    pub csrf_token: String,
}

/// Checks a password and opens a session. Failures are counted per name and per client address
/// in the database, so every instance sees the same count; a locked name answers the same way
/// whether or not such a user exists.
pub async fn sign_in(
    store: &dyn Store,
    username: &str,
    password: String,
    session_hours: i64,
    address: Option<&str>,
) -> AppResult<SignedIn> {
    // Unknown names and malformed ones get the same answer as a wrong password.
    let name = normalise_username(username).unwrap_or_else(|_| username.trim().to_lowercase());
    let user_key = LockKey::User.key(&name);
    let address_key = address.map(|a| LockKey::Address.key(a));
    let keys: Vec<String> = std::iter::once(user_key.clone())
        .chain(address_key.clone())
        .collect();
    let now = Utc::now();
    if let Some(until) = store.locked_until(&keys, now).await? {
        return Err(locked(until - now));
    }
    let credentials = store.credentials(&name).await?;
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
        let now = Utc::now();
        let mut lock = store
            .record_sign_in_failure(&user_key, LockKey::User, now)
            .await?;
        if let Some(key) = &address_key {
            lock = lock.max(
                store
                    .record_sign_in_failure(key, LockKey::Address, now)
                    .await?,
            );
        }
        // The name is cut short: people sometimes type their password into the name field.
        let shown: String = name.chars().take(64).collect();
        audit::record(
            store,
            None,
            &shown,
            AuditAction::SignInFailed,
            format!("user:{shown}"),
            json!({ "locked_seconds": lock.map(|until| (until - now).num_seconds()) }),
            address,
        )
        .await?;
        tracing::info!(username = %shown, "sign-in refused");
        return Err(AppError::new(ErrorCode::InvalidCredentials));
    };
    // Only the name is forgiven: a success must not reset an address that is guessing others.
    store.clear_sign_in_failures(&user_key, now).await?;
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
    audit::record(
        store,
        Some(&user),
        "",
        AuditAction::SignedIn,
        format!("user:{}", user.id),
        json!({ "expires_in_hours": session_hours }),
        address,
    )
    .await?;
    tracing::info!(user = %user.username, "signed in");
    Ok(SignedIn {
        user,
        session_token,
        csrf_token,
    })
}

/// 429 with the seconds to wait, rounded up so a client never retries a moment too early.
fn locked(left: Duration) -> AppError {
    let seconds = u64::try_from(left.num_milliseconds().max(1))
        .unwrap_or(1)
        .div_ceil(1000);
    let mut err = AppError::new(ErrorCode::TooManyAttempts).with("seconds", seconds);
    err.retry_after = Some(seconds);
    err
}

/// Ends the session on the server, so the cookie is worthless even if it was copied.
pub async fn sign_out(
    store: &dyn Store,
    user: &User,
    session_token: &str,
    address: Option<&str>,
) -> AppResult<()> {
    store.delete_session(&secret_hash(session_token)).await?;
    audit::record(
        store,
        Some(user),
        "",
        AuditAction::SignedOut,
        format!("user:{}", user.id),
        json!({}),
        address,
    )
    .await
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
    address: Option<&str>,
) -> AppResult<(ApiTokenInfo, String)> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(AppError::invalid_input(
            "name",
            Why::Length { min: 1, max: 100 },
            "between 1 and 100 characters",
        ));
    }
    let secret = new_secret("tdm_");
    let info = store
        .create_api_token(user.id, name, &secret_hash(&secret))
        .await?;
    audit::record(
        store,
        Some(user),
        "",
        AuditAction::TokenCreated,
        format!("token:{}", info.id),
        json!({ "name": info.name }),
        address,
    )
    .await?;
    tracing::info!(user = %user.username, token = info.id, "API token created");
    Ok((info, secret))
}

/// The caller's own tokens (never their secrets).
pub async fn tokens(store: &dyn Store, user: &User) -> AppResult<Vec<ApiTokenInfo>> {
    Ok(store.api_tokens(user.id).await?)
}

/// Revokes a token at once on every instance. People revoke their own; admins anyone's.
pub async fn revoke_token(
    store: &dyn Store,
    user: &User,
    id: i64,
    address: Option<&str>,
) -> AppResult<()> {
    // Someone else's token is "not found" to those who may not revoke it: its id tells nothing.
    let anyones = may(
        Some(Actor::of(user)),
        Permission::RevokeAnyToken,
        Target::Instance,
    );
    let owner = (!anyones).then_some(user.id);
    let Some((owner_id, info)) = store.revoke_api_token(id, owner).await? else {
        return Err(AppError::not_found("token").detail("id", id));
    };
    audit::record(
        store,
        Some(user),
        "",
        AuditAction::TokenRevoked,
        format!("token:{}", info.id),
        json!({ "name": info.name, "owner_id": owner_id }),
        address,
    )
    .await?;
    tracing::info!(user = %user.username, token = info.id, "API token revoked");
    Ok(())
}

pub async fn token_user(store: &dyn Store, token: &str) -> AppResult<User> {
    store
        .token_user(&secret_hash(token))
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::InvalidToken))
}
