//! An admin's hold on accounts: inviting a person with a one-time password, disabling and
//! enabling an account.

use chrono::Utc;
use serde_json::json;

use crate::domain::audit::{AuditAction, NewAuditEntry};
use crate::domain::policy::{refusal, Actor, Permission, Target};
use crate::domain::role::Roles;
use crate::domain::user::User;
use crate::error::{AppError, AppResult};
use crate::store::Store;

use super::credentials::new_secret;
use super::guard::{forbidden, require};
use super::users::{create_user, UserInput};

/// A person just invited, and the password they sign in with the first time; it is shown to
/// the admin this once and stored only hashed.
pub struct Invited {
    pub user: User,
    pub password: String,
}

/// A password nobody chose: 20 characters from a random secret, readable aloud.
fn one_time_password() -> String {
    let secret = new_secret("");
    let chars: Vec<char> = secret.chars().take(20).collect();
    chars
        .chunks(5)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// Creates a person with a generated password (mail comes later: the admin hands it over).
pub async fn invite(
    store: &dyn Store,
    by: &User,
    username: String,
    display_name: Option<String>,
    roles: Roles,
) -> AppResult<Invited> {
    require(by, Permission::CreateUser, Target::Instance)?;
    let password = one_time_password();
    let user = create_user(
        store,
        UserInput {
            username,
            password: password.clone(),
            display_name,
            roles,
        },
        Some(by),
    )
    .await?;
    Ok(Invited { user, password })
}

/// Disables (or, with `disabled` false, enables) the account `id`. Disabling ends the person's
/// sessions and revokes their API tokens at once; an admin cannot disable themselves.
pub async fn set_disabled(
    store: &dyn Store,
    by: &User,
    id: i64,
    disabled: bool,
    address: Option<&str>,
) -> AppResult<User> {
    if refusal(
        Some(Actor::of(by)),
        Permission::DisableUser,
        Target::User(id),
    )
    .is_some()
    {
        return Err(forbidden(Permission::DisableUser));
    }
    let now = Utc::now();
    let entry = NewAuditEntry {
        at: now,
        actor_id: Some(by.id),
        actor: by.username.clone(),
        action: if disabled {
            AuditAction::UserDisabled
        } else {
            AuditAction::UserEnabled
        },
        subject: format!("user:{id}"),
        details: json!({}),
        address: address.map(str::to_owned),
    };
    let user = store
        .set_user_disabled(id, disabled.then_some(now), &entry)
        .await?
        .ok_or_else(|| AppError::not_found("user").detail("id", id))?;
    tracing::info!(user = %user.username, disabled, by = %by.username, "account changed");
    Ok(user)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_time_passwords_are_long_enough_and_differ() {
        let (a, b) = (one_time_password(), one_time_password());
        assert_eq!(a.len(), 23, "{a}");
        assert!(crate::domain::user::check_password(&a).is_ok());
        assert_ne!(a, b);
    }
}
