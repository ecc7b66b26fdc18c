//! Plain records passed into and out of the store that are not domain types of their own.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::domain::language::LanguageTag;
use crate::domain::role::Roles;
use crate::domain::user::User;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Language {
    #[schema(value_type = String, example = "hy")]
    pub tag: LanguageTag,
    /// English name.
    pub name: String,
    /// The language's name for itself.
    pub native_name: String,
}

#[derive(Debug, Clone)]
pub struct NewLanguage {
    pub tag: LanguageTag,
    pub name: String,
    pub native_name: String,
}

/// A user to create; the password is already hashed.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub username: String,
    pub display_name: String,
    pub password_hash: String,
    pub roles: Roles,
    pub created_at: DateTime<Utc>,
}

/// What to change about a user; `None` leaves that part alone.
#[derive(Debug, Clone, Default)]
pub struct UserUpdate {
    pub display_name: Option<String>,
    pub roles: Option<Roles>,
    /// `Some(None)` forgets the choice, so the browser's languages apply again.
    pub ui_lang: Option<Option<String>>,
}

/// What sign-in needs to check a password.
#[derive(Clone)]
pub struct Credentials {
    pub user_id: i64,
    pub password_hash: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("user_id", &self.user_id)
            .field("password_hash", &"<redacted>")
            .finish()
    }
}

#[derive(Debug, Clone)]
pub struct NewSession {
    pub token_hash: String,
    pub user_id: i64,
    pub csrf_token: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct SessionUser {
    pub user: User,
    pub csrf_token: String,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ApiTokenInfo {
    pub id: i64,
    pub name: String,
    pub created_at: DateTime<Utc>,
}

/// What the desk's statements list shows of each statement besides its progress.
#[derive(Debug, Default)]
pub struct StatementOutlook {
    /// (statement, language) -> the nearest due date of its units not approved yet.
    pub due: std::collections::HashMap<(i64, String), DateTime<Utc>>,
    /// (statement, language) -> the approved translation of its headline (the last approved
    /// one while a correction is under way).
    pub titles: std::collections::HashMap<(i64, String), String>,
    /// statement -> the number and date of its latest publication.
    pub published: std::collections::HashMap<i64, (i64, DateTime<Utc>)>,
}
