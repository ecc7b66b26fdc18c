//! Sign-in failures, API tokens and the audit log, and `SecurityStore` over them.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{Conn, SqlBackend};
use crate::domain::audit::{AuditEntry, NewAuditEntry};
use crate::domain::lockout::{lock_after, LockKey, FORGET_AFTER};
use crate::store::records::ApiTokenInfo;
use crate::store::security::{
    audit_sql, details_json, AuditQuery, AuditRow, COUNT_FAILURE_SQL, INSERT_AUDIT_SQL,
};
use crate::store::{SecurityStore, StoreError, StoreResult};

/// Writes one audit line, inside the transaction of what it records when there is one.
pub(crate) async fn insert_audit(conn: &mut impl Conn, entry: &NewAuditEntry) -> StoreResult<()> {
    let details = details_json(entry);
    conn.execute(
        INSERT_AUDIT_SQL,
        &[
            entry.at.into(),
            entry.actor_id.into(),
            entry.actor.as_str().into(),
            entry.action.as_str().into(),
            entry.subject.as_str().into(),
            details.as_str().into(),
            entry.address.as_deref().into(),
        ],
    )
    .await?;
    Ok(())
}

/// How long a failure counts, as a time span.
fn forget_after() -> StoreResult<chrono::Duration> {
    chrono::Duration::from_std(FORGET_AFTER).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// The lines `query` asks for, newest first.
async fn read_audit<C: Conn>(conn: &mut C, query: &AuditQuery) -> StoreResult<Vec<AuditRow>> {
    let needles = query.statement_needles();
    let [subject, in_middle, at_end] = match &needles {
        Some([a, b, c]) => [Some(a.as_str()), Some(b.as_str()), Some(c.as_str())],
        None => [None, None, None],
    };
    let sql = audit_sql(C::SUBSTRING_POSITION);
    conn.fetch_all(
        &sql,
        &[
            query.action.map(|a| a.as_str()).into(),
            query.actor_id.into(),
            query.before.into(),
            query.limit.into(),
            query.from.into(),
            query.to.into(),
            subject.into(),
            in_middle.into(),
            at_end.into(),
        ],
    )
    .await
}

#[async_trait]
impl<S: SqlBackend> SecurityStore for S {
    async fn locked_until(
        &self,
        keys: &[String],
        now: DateTime<Utc>,
    ) -> StoreResult<Option<DateTime<Utc>>> {
        let mut conn = self.read().await?;
        let mut latest: Option<DateTime<Utc>> = None;
        for key in keys {
            let until: Option<Option<DateTime<Utc>>> = conn
                .scalar_optional(
                    "SELECT locked_until FROM sign_in_failures WHERE key = $1 AND locked_until > $2",
                    &[key.into(), now.into()],
                )
                .await?;
            latest = latest.max(until.flatten());
        }
        Ok(latest)
    }

    async fn record_sign_in_failure(
        &self,
        key: &str,
        kind: LockKey,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<DateTime<Utc>>> {
        let forget = forget_after()?;
        let mut tx = self.write().await?;
        let failures: i64 = tx
            .scalar(
                COUNT_FAILURE_SQL,
                &[key.into(), now.into(), (now - forget).into()],
            )
            .await?;
        // Counted and locked in one transaction, so two failures at once cannot both miss the
        // lock; how long it lasts is the domain's `lock_after`.
        let lock = lock_after(kind, u32::try_from(failures).unwrap_or(u32::MAX))
            .and_then(|d| chrono::Duration::from_std(d).ok())
            .map(|d| now + d);
        tx.execute(
            "UPDATE sign_in_failures SET locked_until = $1 WHERE key = $2",
            &[lock.into(), key.into()],
        )
        .await?;
        tx.commit().await?;
        Ok(lock)
    }

    async fn clear_sign_in_failures(&self, key: &str, now: DateTime<Utc>) -> StoreResult<()> {
        let forget = forget_after()?;
        let mut tx = self.write().await?;
        // Old rows of other keys go too, so guessing random names cannot fill the table.
        tx.execute(
            "DELETE FROM sign_in_failures WHERE key = $1 OR last_at < $2",
            &[key.into(), (now - forget - forget).into()],
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn add_audit(&self, entry: &NewAuditEntry) -> StoreResult<()> {
        let mut tx = self.write().await?;
        insert_audit(&mut *tx, entry).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn audit(&self, query: &AuditQuery) -> StoreResult<Vec<AuditEntry>> {
        let rows = read_audit(&mut *self.read().await?, query).await?;
        rows.into_iter().map(AuditRow::into_entry).collect()
    }

    async fn api_tokens(&self, user_id: i64) -> StoreResult<Vec<ApiTokenInfo>> {
        let rows: Vec<(i64, String, DateTime<Utc>)> = self
            .read()
            .await?
            .fetch_all(
                "SELECT id, name, created_at FROM api_tokens WHERE user_id = $1 ORDER BY id",
                &[user_id.into()],
            )
            .await?;
        Ok(rows
            .into_iter()
            .map(|(id, name, created_at)| ApiTokenInfo {
                id,
                name,
                created_at,
            })
            .collect())
    }

    async fn revoke_api_token(
        &self,
        id: i64,
        owner: Option<i64>,
    ) -> StoreResult<Option<(i64, ApiTokenInfo)>> {
        let mut tx = self.write().await?;
        // Deleting is revoking: the token's hash is gone, so it can never be accepted again.
        let row: Option<(i64, String, DateTime<Utc>, i64)> = tx
            .fetch_optional(
                "DELETE FROM api_tokens WHERE id = $1 AND ($2 IS NULL OR user_id = $2)
                 RETURNING id, name, created_at, user_id",
                &[id.into(), owner.into()],
            )
            .await?;
        tx.commit().await?;
        Ok(row.map(|(id, name, created_at, user_id)| {
            let token = ApiTokenInfo {
                id,
                name,
                created_at,
            };
            (user_id, token)
        }))
    }
}
