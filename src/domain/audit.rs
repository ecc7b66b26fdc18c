//! The audit log's vocabulary: what happened, to what, and by whom.

use chrono::{DateTime, Utc};
use serde::Serialize;

/// The things the audit log records. The names are stable: filters and outside tools use them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub enum AuditAction {
    #[serde(rename = "session.signed_in")]
    SignedIn,
    #[serde(rename = "session.sign_in_failed")]
    SignInFailed,
    #[serde(rename = "session.signed_out")]
    SignedOut,
    #[serde(rename = "token.created")]
    TokenCreated,
    #[serde(rename = "token.revoked")]
    TokenRevoked,
    #[serde(rename = "user.created")]
    UserCreated,
    #[serde(rename = "user.roles_changed")]
    RolesChanged,
    #[serde(rename = "user.disabled")]
    UserDisabled,
    #[serde(rename = "user.enabled")]
    UserEnabled,
    #[serde(rename = "unit.approved")]
    UnitApproved,
    #[serde(rename = "unit.returned")]
    UnitReturned,
    #[serde(rename = "statement.published")]
    StatementPublished,
}

impl AuditAction {
    pub const ALL: [AuditAction; 12] = [
        Self::SignedIn,
        Self::SignInFailed,
        Self::SignedOut,
        Self::TokenCreated,
        Self::TokenRevoked,
        Self::UserCreated,
        Self::RolesChanged,
        Self::UserDisabled,
        Self::UserEnabled,
        Self::UnitApproved,
        Self::UnitReturned,
        Self::StatementPublished,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::SignedIn => "session.signed_in",
            Self::SignInFailed => "session.sign_in_failed",
            Self::SignedOut => "session.signed_out",
            Self::TokenCreated => "token.created",
            Self::TokenRevoked => "token.revoked",
            Self::UserCreated => "user.created",
            Self::RolesChanged => "user.roles_changed",
            Self::UserDisabled => "user.disabled",
            Self::UserEnabled => "user.enabled",
            Self::UnitApproved => "unit.approved",
            Self::UnitReturned => "unit.returned",
            Self::StatementPublished => "statement.published",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// One line of the audit log to write.
#[derive(Debug, Clone)]
pub struct NewAuditEntry {
    pub at: DateTime<Utc>,
    pub actor_id: Option<i64>,
    /// The name as it was then, or as it was typed for a failed sign-in.
    pub actor: String,
    pub action: AuditAction,
    /// What it happened to, e.g. `user:7`, `unit:42`, `statement:3`.
    pub subject: String,
    /// Facts worth keeping, as a JSON object.
    pub details: serde_json::Value,
    pub address: Option<String>,
}

/// One line of the audit log as read back.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct AuditEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor_id: Option<i64>,
    pub actor: String,
    /// e.g. `session.signed_in`, `user.roles_changed`, `unit.approved`, `statement.published`.
    pub action: String,
    pub subject: String,
    #[schema(value_type = Object)]
    pub details: serde_json::Value,
    /// The client's address, when the action came over HTTP.
    pub address: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_documented_names_are_the_stored_ones() {
        for a in AuditAction::ALL {
            assert_eq!(
                serde_json::to_value(a).ok(),
                Some(serde_json::json!(a.as_str()))
            );
        }
    }

    #[test]
    fn names_round_trip_and_are_unique() {
        let mut names: Vec<_> = AuditAction::ALL.iter().map(|a| a.as_str()).collect();
        for a in AuditAction::ALL {
            assert_eq!(AuditAction::parse(a.as_str()), Some(a));
        }
        names.sort();
        names.dedup();
        assert_eq!(names.len(), AuditAction::ALL.len());
        assert_eq!(AuditAction::parse("unit.deleted"), None);
    }
}
