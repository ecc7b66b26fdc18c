//! Users as the rest of the service sees them, and the rules for their names.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::role::Roles;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct User {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub roles: Roles,
    /// The interface language the person chose (`hy`, `en` or `ru`), if any.
    pub ui_lang: Option<String>,
    pub created_at: DateTime<Utc>,
    /// A disabled person cannot sign in; their sessions and API tokens no longer work.
    pub disabled: bool,
}

/// Why a username or password was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CredentialProblem {
    UsernameEmpty,
    UsernameTooLong,
    UsernameCharacters,
    PasswordTooShort,
    PasswordTooLong,
}

impl CredentialProblem {
    pub fn field(self) -> &'static str {
        match self {
            Self::UsernameEmpty | Self::UsernameTooLong | Self::UsernameCharacters => "username",
            Self::PasswordTooShort | Self::PasswordTooLong => "password",
        }
    }

    pub fn reason(self) -> &'static str {
        match self {
            Self::UsernameEmpty => "empty",
            Self::UsernameTooLong => "longer than 64 characters",
            Self::UsernameCharacters => "only letters, digits, '.', '_' and '-' are allowed",
            Self::PasswordTooShort => "shorter than 8 characters",
            Self::PasswordTooLong => "longer than 1024 bytes",
        }
    }
}

/// Usernames are compared case-insensitively, so they are stored lower-cased.
/// Letters of any script are allowed: an Armenian newsroom may well sign in as «անի».
pub fn normalise_username(raw: &str) -> Result<String, CredentialProblem> {
    let name = raw.trim().to_lowercase();
    if name.is_empty() {
        return Err(CredentialProblem::UsernameEmpty);
    }
    if name.chars().count() > 64 {
        return Err(CredentialProblem::UsernameTooLong);
    }
    if !name
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-'))
    {
        return Err(CredentialProblem::UsernameCharacters);
    }
    Ok(name)
}

pub fn check_password(password: &str) -> Result<(), CredentialProblem> {
    if password.chars().count() < 8 {
        return Err(CredentialProblem::PasswordTooShort);
    }
    // Argon2 would hash a megabyte happily; a cap keeps sign-in from being a CPU sink.
    if password.len() > 1024 {
        return Err(CredentialProblem::PasswordTooLong);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_lowercased_and_checked() {
        assert_eq!(normalise_username(" Anna ").unwrap(), "anna");
        assert_eq!(normalise_username("Անի").unwrap(), "անի");
        assert_eq!(normalise_username("Ольга.П").unwrap(), "ольга.п");
        assert_eq!(
            normalise_username("  "),
            Err(CredentialProblem::UsernameEmpty)
        );
        assert_eq!(
            normalise_username("a b"),
            Err(CredentialProblem::UsernameCharacters)
        );
        assert_eq!(
            normalise_username(&"x".repeat(65)),
            Err(CredentialProblem::UsernameTooLong)
        );
    }

    #[test]
    fn passwords_have_bounds() {
        assert_eq!(
            check_password("short"),
            Err(CredentialProblem::PasswordTooShort)
        );
        assert!(check_password("long enough").is_ok());
        assert_eq!(
            check_password(&"p".repeat(2000)),
            Err(CredentialProblem::PasswordTooLong)
        );
    }
}
