//! Sign-in failures, API tokens and the audit log: records and the SQL both databases share
//! (run by `sql::security`).

use chrono::{DateTime, Utc};

use crate::domain::audit::{AuditAction, AuditEntry, NewAuditEntry};
use crate::store::StoreError;

/// Which audit lines to read: newest first, before an id (for paging), of one action or actor.
#[derive(Debug, Clone, Default)]
pub struct AuditQuery {
    pub action: Option<AuditAction>,
    pub actor_id: Option<i64>,
    pub before: Option<i64>,
    pub limit: i64,
    /// Lines about this statement: its own (`statement:N`) and those whose details name it.
    pub statement_id: Option<i64>,
    /// Lines at or after this moment.
    pub from: Option<DateTime<Utc>>,
    /// Lines before this moment.
    pub to: Option<DateTime<Utc>>,
}

impl AuditQuery {
    /// The texts a line about the statement holds: its subject, and its id in the details as
    /// serde_json writes it (no spaces), followed by the next field or the end.
    pub(crate) fn statement_needles(&self) -> Option<[String; 3]> {
        self.statement_id.map(|id| {
            [
                format!("statement:{id}"),
                format!("\"statement_id\":{id},"),
                format!("\"statement_id\":{id}}}"),
            ]
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct AuditRow {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor_id: Option<i64>,
    pub actor: String,
    pub action: String,
    pub subject: String,
    pub details: String,
    pub address: Option<String>,
}

impl AuditRow {
    pub(crate) fn into_entry(self) -> Result<AuditEntry, StoreError> {
        let details = serde_json::from_str(&self.details)
            .map_err(|e| StoreError::Corrupt(format!("audit {} details: {e}", self.id)))?;
        Ok(AuditEntry {
            id: self.id,
            at: self.at,
            actor_id: self.actor_id,
            actor: self.actor,
            action: self.action,
            subject: self.subject,
            details,
            address: self.address,
        })
    }
}

/// The actor's current user name is taken inside the insert, so callers that know only the id
/// (an approval inside its transaction) write the same line as callers that know the name.
pub(crate) const INSERT_AUDIT_SQL: &str =
    "INSERT INTO audit_log (at, actor_id, actor, action, subject, details, address)
    VALUES ($1, $2, COALESCE((SELECT username FROM users WHERE id = $2), $3), $4, $5, $6, $7)";

/// The audit query; `position` is the backend's substring function (`instr`, `strpos`), which
/// finds a statement's id in the details without LIKE's wildcards.
pub(crate) fn audit_sql(position: &str) -> String {
    format!(
        "SELECT id, at, actor_id, actor, action, subject, details, address FROM audit_log
    WHERE ($1 IS NULL OR action = $1) AND ($2 IS NULL OR actor_id = $2) AND ($3 IS NULL OR id < $3)
    AND ($5 IS NULL OR at >= $5) AND ($6 IS NULL OR at < $6)
    AND ($7 IS NULL OR subject = $7 OR {position}(details, $8) > 0 OR {position}(details, $9) > 0)
    ORDER BY id DESC LIMIT $4"
    )
}

/// Counts one more failure, starting again from one when the last was long ago.
pub(crate) const COUNT_FAILURE_SQL: &str = "INSERT INTO sign_in_failures (key, failures, last_at) VALUES ($1, 1, $2)
    ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN sign_in_failures.last_at < $3 THEN 1 ELSE sign_in_failures.failures + 1 END,
        last_at = excluded.last_at
    RETURNING failures";

pub(crate) fn details_json(entry: &NewAuditEntry) -> String {
    entry.details.to_string()
}
