//! Registered webhooks, their deliveries and their log, and `WebhookStore` over them.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{outbox, Conn, SqlBackend};
use crate::domain::webhook::events_column;
use crate::store::webhooks::{
    Attempt, AttemptRecord, Delivery, DeliveryRow, DeliveryState, DueDelivery, NewWebhook, Webhook,
    WebhookRow, WebhookStore, WEBHOOK_COLUMNS,
};
use crate::store::StoreResult;

/// Leases up to `limit` deliveries due at `now` until `lease_until` and reads them.
async fn claim<C: Conn>(
    conn: &mut C,
    now: DateTime<Utc>,
    lease_until: DateTime<Utc>,
    limit: i64,
) -> StoreResult<Vec<DueDelivery>> {
    let sql = format!(
        "UPDATE webhook_deliveries SET lease_until = $1
         WHERE id IN (SELECT id FROM webhook_deliveries
            WHERE state = 'pending' AND next_attempt_at <= $2
              AND (lease_until IS NULL OR lease_until <= $2)
            ORDER BY next_attempt_at, id LIMIT $3{})
         RETURNING id",
        C::SKIP_LOCKED
    );
    let claimed: Vec<i64> = conn
        .scalars(&sql, &[lease_until.into(), now.into(), limit.into()])
        .await?;
    let mut due = Vec::with_capacity(claimed.len());
    for id in claimed {
        let delivery: DueDelivery = conn
            .fetch_one(
                "SELECT d.id AS delivery_id, d.webhook_id, w.url, w.secret, e.message_id, e.body,
                    d.attempts
                 FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
                 JOIN webhook_events e ON e.id = d.event_id WHERE d.id = $1",
                &[id.into()],
            )
            .await?;
        due.push(delivery);
    }
    due.sort_by_key(|d| d.delivery_id);
    Ok(due)
}

async fn webhook(conn: &mut impl Conn, id: i64) -> StoreResult<Option<Webhook>> {
    let sql = format!("SELECT {WEBHOOK_COLUMNS} WHERE w.id = $1");
    let row: Option<WebhookRow> = conn.fetch_optional(&sql, &[id.into()]).await?;
    Ok(row.map(WebhookRow::into_webhook))
}

#[async_trait]
impl<S: SqlBackend> WebhookStore for S {
    async fn add_webhook(&self, hook: &NewWebhook) -> StoreResult<Webhook> {
        let mut tx = self.write().await?;
        let events = events_column(&hook.events);
        let id: i64 = tx
            .scalar(
                "INSERT INTO webhooks (url, statement_id, events, secret, created_by, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                &[
                    hook.url.as_str().into(),
                    hook.statement_id.into(),
                    events.as_str().into(),
                    hook.secret.as_str().into(),
                    hook.created_by.into(),
                    hook.created_at.into(),
                ],
            )
            .await?;
        let added = webhook(&mut *tx, id).await?;
        tx.commit().await?;
        added.ok_or_else(|| {
            crate::store::StoreError::Corrupt(format!(
                "webhook {id} vanished inside its transaction"
            ))
        })
    }

    async fn list_webhooks(&self) -> StoreResult<Vec<Webhook>> {
        let sql = format!("SELECT {WEBHOOK_COLUMNS} ORDER BY w.id");
        let rows: Vec<WebhookRow> = self.read().await?.fetch_all(&sql, &[]).await?;
        Ok(rows.into_iter().map(WebhookRow::into_webhook).collect())
    }

    async fn get_webhook(&self, id: i64) -> StoreResult<Option<Webhook>> {
        webhook(&mut *self.read().await?, id).await
    }

    async fn delete_webhook(&self, id: i64) -> StoreResult<bool> {
        let mut tx = self.write().await?;
        let gone = tx
            .execute("DELETE FROM webhooks WHERE id = $1", &[id.into()])
            .await?;
        tx.commit().await?;
        Ok(gone > 0)
    }

    async fn set_webhook_secret(&self, id: i64, sealed: &str) -> StoreResult<bool> {
        let mut tx = self.write().await?;
        let changed = tx
            .execute(
                "UPDATE webhooks SET secret = $2 WHERE id = $1",
                &[id.into(), sealed.into()],
            )
            .await?;
        tx.commit().await?;
        Ok(changed > 0)
    }

    async fn retry_delivery(
        &self,
        webhook_id: i64,
        delivery_id: i64,
        now: DateTime<Utc>,
    ) -> StoreResult<bool> {
        let mut tx = self.write().await?;
        let changed = tx
            .execute(
                "UPDATE webhook_deliveries SET state = 'pending', next_attempt_at = $3, lease_until = NULL
                 WHERE id = $1 AND webhook_id = $2 AND state <> 'pending'",
                &[delivery_id.into(), webhook_id.into(), now.into()],
            )
            .await?;
        tx.commit().await?;
        Ok(changed > 0)
    }

    async fn webhook_deliveries(&self, webhook_id: i64, limit: i64) -> StoreResult<Vec<Delivery>> {
        let mut conn = self.read().await?;
        let rows: Vec<DeliveryRow> = conn
            .fetch_all(
                "SELECT d.id, e.message_id, e.type AS event_type, e.statement_id, d.state,
                    d.attempts, d.next_attempt_at, d.created_at
                 FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
                 WHERE d.webhook_id = $1 ORDER BY d.id DESC LIMIT $2",
                &[webhook_id.into(), limit.into()],
            )
            .await?;
        let attempts: Vec<Attempt> = conn
            .fetch_all(
                "SELECT delivery_id, attempt, started_at, duration_ms, status, error
                 FROM webhook_attempts
                 WHERE delivery_id IN
                    (SELECT id FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY id DESC LIMIT $2)
                 ORDER BY delivery_id, attempt",
                &[webhook_id.into(), limit.into()],
            )
            .await?;
        let mut deliveries = rows
            .into_iter()
            .map(DeliveryRow::into_delivery)
            .collect::<Result<Vec<_>, _>>()?;
        for attempt in attempts {
            if let Some(d) = deliveries.iter_mut().find(|d| d.id == attempt.delivery_id) {
                d.log.push(attempt);
            }
        }
        Ok(deliveries)
    }

    async fn next_delivery_due(&self) -> StoreResult<Option<DateTime<Utc>>> {
        self.read()
            .await?
            .scalar_optional(
                "SELECT next_attempt_at FROM webhook_deliveries WHERE state = 'pending'
                 ORDER BY next_attempt_at LIMIT 1",
                &[],
            )
            .await
    }

    async fn claim_deliveries(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: i64,
    ) -> StoreResult<Vec<DueDelivery>> {
        let mut tx = self.write().await?;
        let due = claim(&mut *tx, now, lease_until, limit).await?;
        tx.commit().await?;
        Ok(due)
    }

    async fn record_attempt(
        &self,
        attempt: &AttemptRecord,
        keep_finished: usize,
    ) -> StoreResult<()> {
        let mut tx = self.write().await?;
        // The hook may have been deleted meanwhile: then there is nothing left to log.
        let hook: Option<i64> = tx
            .scalar_optional(
                "UPDATE webhook_deliveries
                 SET attempts = $1, state = $2, next_attempt_at = $3, lease_until = NULL
                 WHERE id = $4 RETURNING webhook_id",
                &[
                    attempt.attempt.into(),
                    attempt.outcome.as_str().into(),
                    attempt.next_attempt_at.into(),
                    attempt.delivery_id.into(),
                ],
            )
            .await?;
        let Some(hook) = hook else {
            tx.commit().await?;
            return Ok(());
        };
        tx.execute(
            "INSERT INTO webhook_attempts (delivery_id, attempt, started_at, duration_ms, status, error)
             VALUES ($1, $2, $3, $4, $5, $6)",
            &[
                attempt.delivery_id.into(),
                attempt.attempt.into(),
                attempt.started_at.into(),
                attempt.duration_ms.into(),
                attempt.status.into(),
                attempt.error.as_deref().into(),
            ],
        )
        .await?;
        if attempt.outcome != DeliveryState::Pending {
            outbox::trim_log(&mut *tx, hook, keep_finished).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}
