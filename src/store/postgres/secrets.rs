//! `SecretStore` on PostgreSQL, where several instances may start or register hooks at once.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::PgStore;
use crate::store::secrets::{
    listing, SecretChange, SecretKind, SecretStore, StoredSecret, COUNT_SECRETS_SQL,
    INSERT_KEY_CHECK_SQL, KEY_CHECK_SQL, UPDATE_KEY_CHECK_SQL, UPDATE_WEBHOOK_SECRET_SQL,
    WEBHOOK_SECRETS_SQL,
};
use crate::store::sql::SqlBackend;
use crate::store::StoreResult;

#[async_trait]
impl SecretStore for PgStore {
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

    /// Old row versions stay in the table's files until VACUUM reuses their space, as in any
    /// PostgreSQL table; a dump (`pg_dump`) holds only the new values.
    async fn replace_secrets(
        &self,
        changes: &[SecretChange],
        whole: bool,
        at: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let mut tx = self.write().await?;
        // Readers (and deliveries) go on; a hook registered meanwhile waits for the commit, so
        // it cannot slip in under the old key between the count and the commit.
        sqlx::query("LOCK TABLE webhooks, secret_key_check IN SHARE ROW EXCLUSIVE MODE")
            .execute(&mut *tx)
            .await?;
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
}
