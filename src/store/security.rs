//! Sign-in failures, API tokens and the audit log: the SQL both databases share.

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

pub(crate) const AUDIT_SQL: &str =
    "SELECT id, at, actor_id, actor, action, subject, details, address FROM audit_log
    WHERE ($1 IS NULL OR action = $1) AND ($2 IS NULL OR actor_id = $2) AND ($3 IS NULL OR id < $3)
    ORDER BY id DESC LIMIT $4";

/// Counts one more failure, starting again from one when the last was long ago.
pub(crate) const COUNT_FAILURE_SQL: &str = "INSERT INTO sign_in_failures (key, failures, last_at) VALUES ($1, 1, $2)
    ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN sign_in_failures.last_at < $3 THEN 1 ELSE sign_in_failures.failures + 1 END,
        last_at = excluded.last_at
    RETURNING failures";

pub(crate) fn details_json(entry: &NewAuditEntry) -> String {
    entry.details.to_string()
}

/// Generates `insert_audit` for one sqlx connection type, for writes that must land in the same
/// transaction as the action they record.
macro_rules! security_queries {
    ($conn:ty) => {
        pub(crate) async fn insert_audit(
            conn: &mut $conn,
            entry: &$crate::domain::audit::NewAuditEntry,
        ) -> $crate::store::StoreResult<()> {
            sqlx::query($crate::store::security::INSERT_AUDIT_SQL)
                .bind(entry.at)
                .bind(entry.actor_id)
                .bind(&entry.actor)
                .bind(entry.action.as_str())
                .bind(&entry.subject)
                .bind($crate::store::security::details_json(entry))
                .bind(entry.address.as_deref())
                .execute(&mut *conn)
                .await?;
            Ok(())
        }
    };
}
pub(crate) use security_queries;

/// Implements `SecurityStore` for a backend with `read()`, `write()` and a `security` module made
/// by `security_queries!`.
macro_rules! security_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::store::SecurityStore for $store {
            async fn locked_until(
                &self,
                keys: &[String],
                now: chrono::DateTime<chrono::Utc>,
            ) -> $crate::store::StoreResult<Option<chrono::DateTime<chrono::Utc>>> {
                let mut conn = self.read().await?;
                let mut latest: Option<chrono::DateTime<chrono::Utc>> = None;
                for key in keys {
                    let until: Option<chrono::DateTime<chrono::Utc>> = sqlx::query_scalar(
                        "SELECT locked_until FROM sign_in_failures WHERE key = $1 AND locked_until > $2",
                    )
                    .bind(key)
                    .bind(now)
                    .fetch_optional(&mut *conn)
                    .await?
                    .flatten();
                    latest = latest.max(until);
                }
                Ok(latest)
            }

            async fn record_sign_in_failure(
                &self,
                key: &str,
                kind: $crate::domain::lockout::LockKey,
                now: chrono::DateTime<chrono::Utc>,
            ) -> $crate::store::StoreResult<Option<chrono::DateTime<chrono::Utc>>> {
                use $crate::domain::lockout::{lock_after, FORGET_AFTER};
                let forget = chrono::Duration::from_std(FORGET_AFTER)
                    .map_err(|e| $crate::store::StoreError::Corrupt(e.to_string()))?;
                let mut tx = self.write().await?;
                let failures: i64 = sqlx::query_scalar($crate::store::security::COUNT_FAILURE_SQL)
                    .bind(key)
                    .bind(now)
                    .bind(now - forget)
                    .fetch_one(&mut *tx)
                    .await?;
                let lock = lock_after(kind, u32::try_from(failures).unwrap_or(u32::MAX))
                    .and_then(|d| chrono::Duration::from_std(d).ok())
                    .map(|d| now + d);
                sqlx::query("UPDATE sign_in_failures SET locked_until = $1 WHERE key = $2")
                    .bind(lock)
                    .bind(key)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(lock)
            }

            async fn clear_sign_in_failures(
                &self,
                key: &str,
                now: chrono::DateTime<chrono::Utc>,
            ) -> $crate::store::StoreResult<()> {
                let forget = chrono::Duration::from_std($crate::domain::lockout::FORGET_AFTER)
                    .map_err(|e| $crate::store::StoreError::Corrupt(e.to_string()))?;
                let mut tx = self.write().await?;
                // Old rows of other keys go too, so guessing random names cannot fill the table.
                sqlx::query("DELETE FROM sign_in_failures WHERE key = $1 OR last_at < $2")
                    .bind(key)
                    .bind(now - forget - forget)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn add_audit(
                &self,
                entry: &$crate::domain::audit::NewAuditEntry,
            ) -> $crate::store::StoreResult<()> {
                let mut tx = self.write().await?;
                security::insert_audit(&mut tx, entry).await?;
                tx.commit().await?;
                Ok(())
            }

            async fn audit(
                &self,
                query: &$crate::store::security::AuditQuery,
            ) -> $crate::store::StoreResult<Vec<$crate::domain::audit::AuditEntry>> {
                let mut conn = self.read().await?;
                let rows: Vec<$crate::store::security::AuditRow> =
                    sqlx::query_as($crate::store::security::AUDIT_SQL)
                        .bind(query.action.map(|a| a.as_str()))
                        .bind(query.actor_id)
                        .bind(query.before)
                        .bind(query.limit)
                        .fetch_all(&mut *conn)
                        .await?;
                rows.into_iter().map(|r| r.into_entry()).collect()
            }

            async fn api_tokens(
                &self,
                user_id: i64,
            ) -> $crate::store::StoreResult<Vec<$crate::store::ApiTokenInfo>> {
                let mut conn = self.read().await?;
                let rows: Vec<(i64, String, chrono::DateTime<chrono::Utc>)> = sqlx::query_as(
                    "SELECT id, name, created_at FROM api_tokens WHERE user_id = $1 ORDER BY id",
                )
                .bind(user_id)
                .fetch_all(&mut *conn)
                .await?;
                Ok(rows
                    .into_iter()
                    .map(|(id, name, created_at)| $crate::store::ApiTokenInfo { id, name, created_at })
                    .collect())
            }

            async fn revoke_api_token(
                &self,
                id: i64,
                owner: Option<i64>,
            ) -> $crate::store::StoreResult<Option<(i64, $crate::store::ApiTokenInfo)>> {
                let mut tx = self.write().await?;
                // Deleting is revoking: the token's hash is gone, so it can never be accepted again.
                let row: Option<(i64, String, chrono::DateTime<chrono::Utc>, i64)> = sqlx::query_as(
                    "DELETE FROM api_tokens WHERE id = $1 AND ($2 IS NULL OR user_id = $2)
                     RETURNING id, name, created_at, user_id",
                )
                .bind(id)
                .bind(owner)
                .fetch_optional(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(row.map(|(id, name, created_at, user_id)| {
                    (user_id, $crate::store::ApiTokenInfo { id, name, created_at })
                }))
            }
        }
    };
}
pub(crate) use security_store;
