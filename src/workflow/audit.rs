//! Writing and reading the audit log: who signed in, changed roles, approved and published.

use chrono::Utc;

use crate::domain::audit::{AuditAction, AuditEntry, NewAuditEntry};
use crate::domain::policy::{Permission, Target};
use crate::domain::user::User;
use crate::error::{AppError, AppResult, Why};
use crate::store::security::AuditQuery;
use crate::store::Store;

/// The name recorded for changes made on the server's command line, where nobody signs in.
pub const COMMAND_LINE: &str = "(command line)";

/// Records one action of `by` (or of the typed name `name` when nobody is signed in).
pub async fn record(
    store: &dyn Store,
    by: Option<&User>,
    name: &str,
    action: AuditAction,
    subject: String,
    details: serde_json::Value,
    address: Option<&str>,
) -> AppResult<()> {
    store
        .add_audit(&NewAuditEntry {
            at: Utc::now(),
            actor_id: by.map(|u| u.id),
            actor: by.map_or_else(|| name.to_owned(), |u| u.username.clone()),
            action,
            subject,
            details,
            address: address.map(str::to_owned),
        })
        .await?;
    Ok(())
}

/// The newest lines first, 100 by default and at most 1000; admins only.
pub async fn read(
    store: &dyn Store,
    by: &User,
    action: Option<&str>,
    actor_id: Option<i64>,
    before: Option<i64>,
    limit: Option<i64>,
) -> AppResult<Vec<AuditEntry>> {
    super::guard::require(by, Permission::ReadAudit, Target::Instance)?;
    let action = match action {
        None | Some("") => None,
        Some(name) => Some(AuditAction::parse(name).ok_or_else(|| {
            AppError::invalid_input("action", Why::Other, format!("unknown action {name:?}"))
        })?),
    };
    let limit = limit.unwrap_or(100);
    if !(1..=1000).contains(&limit) {
        return Err(AppError::invalid_input(
            "limit",
            Why::Range { min: 1, max: 1000 },
            "between 1 and 1000",
        ));
    }
    Ok(store
        .audit(&AuditQuery {
            action,
            actor_id,
            before,
            limit,
        })
        .await?)
}
