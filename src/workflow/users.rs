//! Creating and changing users, from the command line or by an admin over the API.

use chrono::Utc;
use serde_json::json;

use crate::domain::audit::AuditAction;
use crate::domain::policy::{refusal, Actor, Permission, Refusal, Target};
use crate::domain::role::Roles;
use crate::domain::user::{check_password, normalise_username, User};
use crate::error::{AppError, AppResult, ErrorCode, Why};
use crate::store::{NewUser, Store, StoreError, UserUpdate};

use super::audit;
use super::credentials::hash_password;

pub struct UserInput {
    pub username: String,
    pub password: String,
    pub display_name: Option<String>,
    pub roles: Roles,
}

/// Validates, hashes the password and stores the user with their roles in one transaction;
/// `by` is the admin who did it, `None` on the command line.
pub async fn create_user(
    store: &dyn Store,
    input: UserInput,
    by: Option<&User>,
) -> AppResult<User> {
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
    audit::record(
        store,
        by,
        audit::COMMAND_LINE,
        AuditAction::UserCreated,
        format!("user:{}", user.id),
        json!({ "username": user.username, "roles": user.roles }),
        None,
    )
    .await?;
    tracing::info!(user = %user.username, roles = %json!(user.roles), "user created");
    Ok(user)
}

/// Changes a user's name, roles or interface language. Roles without the admin role take it away,
/// which an admin may not do to themselves (see `Refusal::OwnAdmin`).
pub async fn update_user(
    store: &dyn Store,
    by: &User,
    id: i64,
    mut update: UserUpdate,
) -> AppResult<User> {
    // Only admins get here with roles (the API asks for `UpdateUser` first): of the refusals,
    // only their own admin role concerns them.
    if update.roles.as_ref().is_some_and(|r| !r.admin)
        && refusal(
            Some(Actor::of(by)),
            Permission::RevokeAdmin,
            Target::User(id),
        ) == Some(Refusal::OwnAdmin)
    {
        return Err(AppError::invalid_input(
            "admin",
            Why::OwnAdmin,
            "you cannot remove your own admin role",
        ));
    }
    if let Some(name) = update.display_name.take() {
        let name = name.trim().to_owned();
        if name.is_empty() || name.chars().count() > 200 {
            return Err(AppError::invalid_input(
                "display_name",
                Why::Length { min: 1, max: 200 },
                "between 1 and 200 characters",
            ));
        }
        update.display_name = Some(name);
    }
    let user = store
        .update_user(id, &update)
        .await?
        .ok_or_else(|| AppError::not_found("user").detail("id", id))?;
    if let Some(roles) = &update.roles {
        audit::record(
            store,
            Some(by),
            "",
            AuditAction::RolesChanged,
            format!("user:{}", user.id),
            json!({ "username": user.username, "roles": roles }),
            None,
        )
        .await?;
        tracing::info!(user = %user.username, by = %by.username, roles = %json!(user.roles), "roles changed");
    }
    Ok(user)
}
