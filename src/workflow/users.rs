//! Creating users, from the command line or by an admin over the API.

use chrono::Utc;

use crate::domain::role::Roles;
use crate::domain::user::{check_password, normalise_username, User};
use crate::error::{AppError, AppResult, ErrorCode};
use crate::store::{NewUser, Store, StoreError};

use super::credentials::hash_password;

pub struct UserInput {
    pub username: String,
    pub password: String,
    pub display_name: Option<String>,
    pub roles: Roles,
}

/// Validates, hashes the password and stores the user with their roles in one transaction.
pub async fn create_user(store: &dyn Store, input: UserInput) -> AppResult<User> {
    let username = normalise_username(&input.username)?;
    check_password(&input.password)?;
    let display_name = input
        .display_name
        .map(|d| d.trim().to_owned())
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| input.username.trim().to_owned());
    let password_hash = hash_password(input.password).await?;
    let user = store
        .create_user(&NewUser {
            username: username.clone(),
            display_name,
            password_hash,
            roles: input.roles,
            created_at: Utc::now(),
        })
        .await
        .map_err(|e| match e {
            StoreError::Conflict("username") => {
                AppError::new(ErrorCode::UsernameTaken).with("username", username)
            }
            other => other.into(),
        })?;
    tracing::info!(user = %user.username, admin = user.roles.admin, editor = user.roles.editor, "user created");
    Ok(user)
}
