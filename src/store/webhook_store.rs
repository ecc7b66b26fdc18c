//! The webhook SQL both databases share: the outbox written inside other transactions, and `WebhookStore`.

/// Generates the outbox functions used inside other transactions (approvals, publications)
/// for one sqlx connection type, and implements `WebhookStore` for the backend. `$lock` is
/// what the claiming query appends to skip rows another instance is claiming (PostgreSQL's
/// `FOR UPDATE SKIP LOCKED`; SQLite has one writer, so nothing).
macro_rules! webhook_store {
    ($store:ty, $conn:ty, $lock:literal) => {
        /// The outbox side: events written inside the transaction of what caused them, and the
        /// trimming of each hook's log once a delivery finishes.
        pub(crate) mod webhook_outbox {
            use chrono::{DateTime, Utc};

            use $crate::domain::webhook::{self, EventType};
            use $crate::store::webhooks::MATCHING_HOOKS_SQL;
            use $crate::store::StoreResult;

            /// The hooks that want `event` about `statement_id`.
            pub(crate) async fn hooks_for(
                conn: &mut $conn,
                statement_id: i64,
                event: EventType,
            ) -> StoreResult<Vec<i64>> {
                Ok(sqlx::query_scalar(MATCHING_HOOKS_SQL)
                    .bind(statement_id)
                    .bind(webhook::event_pattern(event))
                    .fetch_all(&mut *conn)
                    .await?)
            }

            /// Writes one event and a delivery of it to each of `hooks`, due at once.
            pub(crate) async fn enqueue(
                conn: &mut $conn,
                event: EventType,
                statement_id: i64,
                hooks: &[i64],
                data: serde_json::Value,
                at: DateTime<Utc>,
            ) -> StoreResult<()> {
                let event_id: i64 = sqlx::query_scalar(
                    "INSERT INTO webhook_events (message_id, type, statement_id, body, created_at)
                     VALUES ($1, $2, $3, $4, $5) RETURNING id",
                )
                .bind(webhook::new_message_id())
                .bind(event.as_str())
                .bind(statement_id)
                .bind(webhook::envelope(event, at, data))
                .bind(at)
                .fetch_one(&mut *conn)
                .await?;
                for hook in hooks {
                    sqlx::query(
                        "INSERT INTO webhook_deliveries (webhook_id, event_id, next_attempt_at, created_at)
                         VALUES ($1, $2, $3, $3)",
                    )
                    .bind(hook)
                    .bind(event_id)
                    .bind(at)
                    .execute(&mut *conn)
                    .await?;
                }
                Ok(())
            }

            /// Keeps the newest `keep` finished deliveries of `hook` (delivered or failed; pending
            /// ones are never touched) and drops the older ones with their attempts, then the
            /// events no hook has a delivery of any more: without it the log grew with every
            /// approval for as long as the hook lived.
            pub(crate) async fn trim_log(conn: &mut $conn, hook: i64, keep: usize) -> StoreResult<()> {
                let mut events: Vec<i64> = sqlx::query_scalar(
                    "DELETE FROM webhook_deliveries
                     WHERE webhook_id = $1 AND state <> 'pending'
                       AND id <= (SELECT id FROM webhook_deliveries
                                  WHERE webhook_id = $1 AND state <> 'pending'
                                  ORDER BY id DESC LIMIT 1 OFFSET $2)
                     RETURNING event_id",
                )
                .bind(hook)
                .bind(i64::try_from(keep).unwrap_or(i64::MAX))
                .fetch_all(&mut *conn)
                .await?;
                events.sort_unstable();
                events.dedup();
                for event in events {
                    sqlx::query(
                        "DELETE FROM webhook_events WHERE id = $1
                           AND NOT EXISTS (SELECT 1 FROM webhook_deliveries WHERE event_id = $1)",
                    )
                    .bind(event)
                    .execute(&mut *conn)
                    .await?;
                }
                Ok(())
            }

            async fn slug(conn: &mut $conn, statement_id: i64) -> StoreResult<String> {
                Ok(sqlx::query_scalar("SELECT slug FROM statements WHERE id = $1")
                    .bind(statement_id)
                    .fetch_one(&mut *conn)
                    .await?)
            }

            /// After a unit change: `unit.approved` for an approval, and `language.completed`
            /// when it was the last unit of its language still waiting.
            pub(crate) async fn unit_changed(
                conn: &mut $conn,
                change: &$crate::store::units::UnitChange,
                unit: &$crate::store::units::UnitRecord,
            ) -> StoreResult<()> {
                use $crate::domain::unit::UnitState;
                use $crate::store::units::Approval;
                if change.to_state != UnitState::Approved
                    || change.from_state == UnitState::Approved
                    || change.approval != Approval::Set
                {
                    return Ok(());
                }
                let statement_id = unit.statement_id;
                let view = &unit.view;
                let approved = hooks_for(conn, statement_id, EventType::UnitApproved).await?;
                let completed = hooks_for(conn, statement_id, EventType::LanguageCompleted).await?;
                if approved.is_empty() && completed.is_empty() {
                    return Ok(());
                }
                let slug = slug(conn, statement_id).await?;
                if !approved.is_empty() {
                    let data = webhook::unit_approved_data(&webhook::ApprovedUnit {
                        statement_id,
                        slug: &slug,
                        segment_id: view.segment_id,
                        position: view.position,
                        unit_id: view.unit_id,
                        lang: view.lang.as_str(),
                        version: view.version,
                        text: &view.text,
                    });
                    enqueue(conn, EventType::UnitApproved, statement_id, &approved, data, change.at).await?;
                }
                if !completed.is_empty() {
                    let (waiting, units): (i64, i64) = sqlx::query_as(
                        $crate::store::units::LANGUAGE_WAITING_SQL,
                    )
                    .bind(statement_id)
                    .bind(view.lang.as_str())
                    .fetch_one(&mut *conn)
                    .await?;
                    if waiting == 0 {
                        let data = webhook::language_completed_data(statement_id, &slug, view.lang.as_str(), units);
                        enqueue(conn, EventType::LanguageCompleted, statement_id, &completed, data, change.at).await?;
                    }
                }
                Ok(())
            }

            /// After a publication is written: `statement.published`.
            pub(crate) async fn published(
                conn: &mut $conn,
                publication: &$crate::store::units::Publication,
            ) -> StoreResult<()> {
                let hooks = hooks_for(conn, publication.statement_id, EventType::StatementPublished).await?;
                if hooks.is_empty() {
                    return Ok(());
                }
                let langs: Vec<String> = publication.content.langs.iter().map(|l| l.to_string()).collect();
                let data = webhook::statement_published_data(
                    publication.statement_id,
                    &publication.slug,
                    publication.number,
                    publication.content.revision,
                    &langs,
                    &publication.sha256,
                );
                enqueue(conn, EventType::StatementPublished, publication.statement_id, &hooks, data, publication.created_at).await
            }
        }

        #[async_trait::async_trait]
        impl $crate::store::webhooks::WebhookStore for $store {
            async fn add_webhook(
                &self,
                hook: &$crate::store::webhooks::NewWebhook,
            ) -> $crate::store::StoreResult<$crate::store::webhooks::Webhook> {
                let mut tx = self.write().await?;
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO webhooks (url, statement_id, events, secret, created_by, created_at)
                     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                )
                .bind(&hook.url)
                .bind(hook.statement_id)
                .bind($crate::domain::webhook::events_column(&hook.events))
                .bind(&hook.secret)
                .bind(hook.created_by)
                .bind(hook.created_at)
                .fetch_one(&mut *tx)
                .await?;
                let sql = format!("SELECT {} WHERE w.id = $1", $crate::store::webhooks::WEBHOOK_COLUMNS);
                let row: $crate::store::webhooks::WebhookRow =
                    sqlx::query_as(&sql).bind(id).fetch_one(&mut *tx).await?;
                tx.commit().await?;
                Ok(row.into_webhook())
            }

            async fn list_webhooks(&self) -> $crate::store::StoreResult<Vec<$crate::store::webhooks::Webhook>> {
                let mut conn = self.read().await?;
                let sql = format!("SELECT {} ORDER BY w.id", $crate::store::webhooks::WEBHOOK_COLUMNS);
                let rows: Vec<$crate::store::webhooks::WebhookRow> =
                    sqlx::query_as(&sql).fetch_all(&mut *conn).await?;
                Ok(rows.into_iter().map($crate::store::webhooks::WebhookRow::into_webhook).collect())
            }

            async fn get_webhook(&self, id: i64) -> $crate::store::StoreResult<Option<$crate::store::webhooks::Webhook>> {
                let mut conn = self.read().await?;
                let sql = format!("SELECT {} WHERE w.id = $1", $crate::store::webhooks::WEBHOOK_COLUMNS);
                let row: Option<$crate::store::webhooks::WebhookRow> =
                    sqlx::query_as(&sql).bind(id).fetch_optional(&mut *conn).await?;
                Ok(row.map($crate::store::webhooks::WebhookRow::into_webhook))
            }

            async fn delete_webhook(&self, id: i64) -> $crate::store::StoreResult<bool> {
                let mut tx = self.write().await?;
                let gone = sqlx::query("DELETE FROM webhooks WHERE id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                tx.commit().await?;
                Ok(gone > 0)
            }

            async fn webhook_deliveries(
                &self,
                webhook_id: i64,
                limit: i64,
            ) -> $crate::store::StoreResult<Vec<$crate::store::webhooks::Delivery>> {
                use $crate::store::webhooks::{Attempt, DeliveryRow};
                let mut conn = self.read().await?;
                let rows: Vec<DeliveryRow> = sqlx::query_as(
                    "SELECT d.id, e.message_id, e.type AS event_type, e.statement_id, d.state, d.attempts,
                        d.next_attempt_at, d.created_at
                     FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id
                     WHERE d.webhook_id = $1 ORDER BY d.id DESC LIMIT $2",
                )
                .bind(webhook_id)
                .bind(limit)
                .fetch_all(&mut *conn)
                .await?;
                let attempts: Vec<Attempt> = sqlx::query_as(
                    "SELECT delivery_id, attempt, started_at, duration_ms, status, error FROM webhook_attempts
                     WHERE delivery_id IN
                        (SELECT id FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY id DESC LIMIT $2)
                     ORDER BY delivery_id, attempt",
                )
                .bind(webhook_id)
                .bind(limit)
                .fetch_all(&mut *conn)
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

            async fn next_delivery_due(&self) -> $crate::store::StoreResult<Option<chrono::DateTime<chrono::Utc>>> {
                let mut conn = self.read().await?;
                Ok(sqlx::query_scalar(
                    "SELECT next_attempt_at FROM webhook_deliveries WHERE state = 'pending'
                     ORDER BY next_attempt_at LIMIT 1",
                )
                .fetch_optional(&mut *conn)
                .await?)
            }

            async fn claim_deliveries(
                &self,
                now: chrono::DateTime<chrono::Utc>,
                lease_until: chrono::DateTime<chrono::Utc>,
                limit: i64,
            ) -> $crate::store::StoreResult<Vec<$crate::store::webhooks::DueDelivery>> {
                let mut tx = self.write().await?;
                let claimed: Vec<i64> = sqlx::query_scalar(concat!(
                    "UPDATE webhook_deliveries SET lease_until = $1
                     WHERE id IN (SELECT id FROM webhook_deliveries
                        WHERE state = 'pending' AND next_attempt_at <= $2
                          AND (lease_until IS NULL OR lease_until <= $2)
                        ORDER BY next_attempt_at, id LIMIT $3 ",
                    $lock,
                    ") RETURNING id"
                ))
                .bind(lease_until)
                .bind(now)
                .bind(limit)
                .fetch_all(&mut *tx)
                .await?;
                let mut due = Vec::with_capacity(claimed.len());
                for id in claimed {
                    let delivery: $crate::store::webhooks::DueDelivery = sqlx::query_as(
                        "SELECT d.id AS delivery_id, d.webhook_id, w.url, w.secret, e.message_id, e.body, d.attempts
                         FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id
                         JOIN webhook_events e ON e.id = d.event_id WHERE d.id = $1",
                    )
                    .bind(id)
                    .fetch_one(&mut *tx)
                    .await?;
                    due.push(delivery);
                }
                tx.commit().await?;
                due.sort_by_key(|d| d.delivery_id);
                Ok(due)
            }

            async fn record_attempt(
                &self,
                attempt: &$crate::store::webhooks::AttemptRecord,
                keep_finished: usize,
            ) -> $crate::store::StoreResult<()> {
                let mut tx = self.write().await?;
                // The hook may have been deleted meanwhile: then there is nothing left to log.
                let hook: Option<i64> = sqlx::query_scalar(
                    "UPDATE webhook_deliveries SET attempts = $1, state = $2, next_attempt_at = $3, lease_until = NULL
                     WHERE id = $4 RETURNING webhook_id",
                )
                .bind(attempt.attempt)
                .bind(attempt.outcome.as_str())
                .bind(attempt.next_attempt_at)
                .bind(attempt.delivery_id)
                .fetch_optional(&mut *tx)
                .await?;
                let Some(hook) = hook else {
                    tx.commit().await?;
                    return Ok(());
                };
                sqlx::query(
                    "INSERT INTO webhook_attempts (delivery_id, attempt, started_at, duration_ms, status, error)
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(attempt.delivery_id)
                .bind(attempt.attempt)
                .bind(attempt.started_at)
                .bind(attempt.duration_ms)
                .bind(attempt.status)
                .bind(attempt.error.as_deref())
                .execute(&mut *tx)
                .await?;
                if attempt.outcome != $crate::store::webhooks::DeliveryState::Pending {
                    webhook_outbox::trim_log(&mut tx, hook, keep_finished).await?;
                }
                tx.commit().await?;
                Ok(())
            }
        }
    };
}
pub(crate) use webhook_store;
