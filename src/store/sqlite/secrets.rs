//! `SecretStore` on SQLite, which also wipes replaced values from the file and its log.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::{Connection, SqliteConnection};

use super::SqliteStore;
use crate::store::secrets::{
    listing, SecretChange, SecretKind, SecretStore, StoredSecret, COUNT_SECRETS_SQL,
    INSERT_KEY_CHECK_SQL, KEY_CHECK_SQL, UPDATE_KEY_CHECK_SQL, UPDATE_WEBHOOK_SECRET_SQL,
    WEBHOOK_SECRETS_SQL,
};
use crate::store::sql::SqlBackend;
use crate::store::StoreResult;

#[async_trait]
impl SecretStore for SqliteStore {
    async fn stored_secrets(&self) -> StoreResult<Vec<StoredSecret>> {
        let mut conn = self.read().await?;
        let check: Option<String> = sqlx::query_scalar(KEY_CHECK_SQL)
            .fetch_optional(&mut *conn)
            .await?;
        let hooks: Vec<(i64, String)> = sqlx::query_as(WEBHOOK_SECRETS_SQL)
            .fetch_all(&mut *conn)
            .await?;
        Ok(listing(check, hooks))
    }

    async fn init_key_check(&self, sealed: &str, at: DateTime<Utc>) -> StoreResult<String> {
        let mut tx = self.write().await?;
        sqlx::query(INSERT_KEY_CHECK_SQL)
            .bind(sealed)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        let check: String = sqlx::query_scalar(KEY_CHECK_SQL)
            .fetch_one(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(check)
    }

    /// With `secure_delete` on, SQLite zeroes the space the old values leave behind, and the
    /// checkpoint afterwards empties the write-ahead log of pages that still held them: a copy
    /// of the files then holds only the new values.
    async fn replace_secrets(
        &self,
        changes: &[SecretChange],
        whole: bool,
        at: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let mut conn = self.writer.acquire().await?;
        sqlx::query("PRAGMA secure_delete = ON")
            .execute(&mut *conn)
            .await?;
        let replaced = replace(&mut conn, changes, whole, at).await;
        // The writer serves every other write too, which need not pay for zeroing.
        if let Err(e) = sqlx::query("PRAGMA secure_delete = OFF")
            .execute(&mut *conn)
            .await
        {
            tracing::warn!(error = %e, "secure_delete stays on for the writer connection");
        }
        if replaced.as_ref().is_ok_and(|done| *done) {
            // Best effort: a reader holding an old snapshot keeps part of the log until it ends.
            let busy: Result<(i64, i64, i64), _> =
                sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
                    .fetch_one(&mut *conn)
                    .await;
            if !matches!(busy, Ok((0, _, _))) {
                tracing::warn!(
                    "the write-ahead log could not be emptied; replaced secrets stay in it until \
                     the next checkpoint"
                );
            }
        }
        replaced
    }
}

async fn replace(
    conn: &mut SqliteConnection,
    changes: &[SecretChange],
    whole: bool,
    at: DateTime<Utc>,
) -> StoreResult<bool> {
    // IMMEDIATE takes the write lock at once: no other process writes between the reads and
    // the updates below.
    let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
    for change in changes {
        let update = match change.kind {
            SecretKind::KeyCheck => sqlx::query(UPDATE_KEY_CHECK_SQL)
                .bind(&change.new)
                .bind(at)
                .bind(change.id)
                .bind(&change.old),
            SecretKind::WebhookSigning => sqlx::query(UPDATE_WEBHOOK_SECRET_SQL)
                .bind(&change.new)
                .bind(change.id)
                .bind(&change.old),
        };
        if update.execute(&mut *tx).await?.rows_affected() != 1 {
            // Dropping the transaction rolls it back.
            return Ok(false);
        }
    }
    if whole {
        let stored: i64 = sqlx::query_scalar(COUNT_SECRETS_SQL)
            .fetch_one(&mut *tx)
            .await?;
        if usize::try_from(stored).ok() != Some(changes.len()) {
            return Ok(false);
        }
    }
    tx.commit().await?;
    Ok(true)
}
