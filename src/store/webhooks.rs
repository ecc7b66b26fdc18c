//! Webhook records (hooks, deliveries and their attempts) and the `WebhookStore` trait over them.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::Serialize;

use super::StoreResult;
use crate::domain::webhook::EventType;

/// A hook to register; its secret was made by the workflow, is shown to the caller once and is
/// stored only sealed.
#[derive(Debug, Clone)]
pub struct NewWebhook {
    pub url: String,
    pub statement_id: Option<i64>,
    /// Empty: every event type.
    pub events: Vec<EventType>,
    /// Sealed by the workflow before it gets here.
    pub secret: String,
    pub created_by: i64,
    pub created_at: DateTime<Utc>,
}

/// A registered hook, without its secret.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Webhook {
    pub id: i64,
    pub url: String,
    /// `null`: every statement.
    pub statement_id: Option<i64>,
    /// The event types it hears; empty: all of them.
    pub events: Vec<EventType>,
    pub created_by: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct WebhookRow {
    pub id: i64,
    pub url: String,
    pub statement_id: Option<i64>,
    pub events: String,
    pub created_by: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl WebhookRow {
    pub(crate) fn into_webhook(self) -> Webhook {
        Webhook {
            id: self.id,
            url: self.url,
            statement_id: self.statement_id,
            events: crate::domain::webhook::parse_events_column(&self.events),
            created_by: self.created_by,
            created_at: self.created_at,
        }
    }
}

pub(crate) const WEBHOOK_COLUMNS: &str =
    "w.id, w.url, w.statement_id, w.events, u.username AS created_by, w.created_at
    FROM webhooks w LEFT JOIN users u ON u.id = w.created_by";

/// A delivery this instance has leased and is about to send.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DueDelivery {
    pub delivery_id: i64,
    pub webhook_id: i64,
    pub url: String,
    /// Sealed (see `secrets::cipher`); the deliverer opens it to sign.
    pub secret: String,
    pub message_id: String,
    pub body: String,
    /// Attempts made before this one.
    pub attempts: i64,
}

/// What became of one attempt, and so of the delivery.
#[derive(Debug, Clone)]
pub struct AttemptRecord {
    pub delivery_id: i64,
    /// 1 for the first attempt.
    pub attempt: i64,
    pub started_at: DateTime<Utc>,
    pub duration_ms: i64,
    /// The receiver's HTTP status, when it answered.
    pub status: Option<i64>,
    pub error: Option<String>,
    pub outcome: DeliveryState,
    /// When to try again (for `Pending`).
    pub next_attempt_at: DateTime<Utc>,
}

/// Where a delivery stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeliveryState {
    /// Waiting for its first or next attempt.
    Pending,
    /// A 2xx answer came.
    Delivered,
    /// Every attempt failed; no more are made.
    Failed,
}

impl DeliveryState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Delivered => "delivered",
            Self::Failed => "failed",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "pending" => Some(Self::Pending),
            "delivered" => Some(Self::Delivered),
            "failed" => Some(Self::Failed),
            _ => None,
        }
    }
}

/// One event's delivery to one hook, with every attempt: the hook's log.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Delivery {
    pub id: i64,
    /// The `webhook-id` header, the same on every attempt.
    pub message_id: String,
    #[serde(rename = "type")]
    pub event_type: String,
    pub statement_id: Option<i64>,
    pub state: DeliveryState,
    pub attempts: i64,
    /// When the next attempt is due (pending deliveries only).
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub log: Vec<Attempt>,
}

/// One attempt to deliver.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct Attempt {
    #[serde(skip)]
    pub delivery_id: i64,
    pub attempt: i64,
    pub started_at: DateTime<Utc>,
    pub duration_ms: i64,
    /// The receiver's HTTP status; `null` when it did not answer.
    pub status: Option<i64>,
    pub error: Option<String>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct DeliveryRow {
    pub id: i64,
    pub message_id: String,
    pub event_type: String,
    pub statement_id: Option<i64>,
    pub state: String,
    pub attempts: i64,
    pub next_attempt_at: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
}

impl DeliveryRow {
    pub(crate) fn into_delivery(self) -> Result<Delivery, super::StoreError> {
        let state = DeliveryState::parse(&self.state).ok_or_else(|| {
            super::StoreError::Corrupt(format!("delivery state {:?}", self.state))
        })?;
        Ok(Delivery {
            id: self.id,
            message_id: self.message_id,
            event_type: self.event_type,
            statement_id: self.statement_id,
            state,
            attempts: self.attempts,
            next_attempt_at: (state == DeliveryState::Pending).then_some(self.next_attempt_at),
            created_at: self.created_at,
            log: Vec::new(),
        })
    }
}

/// Hooks that hear `$2` (an `event_pattern`) about statement `$1`.
pub(crate) const MATCHING_HOOKS_SQL: &str = "SELECT id FROM webhooks
    WHERE (statement_id IS NULL OR statement_id = $1)
      AND (events = '' OR (',' || events || ',') LIKE $2)
    ORDER BY id";

/// Registered hooks, their outbox and their log.
#[async_trait]
pub trait WebhookStore: Send + Sync {
    async fn add_webhook(&self, hook: &NewWebhook) -> StoreResult<Webhook>;
    async fn list_webhooks(&self) -> StoreResult<Vec<Webhook>>;
    async fn get_webhook(&self, id: i64) -> StoreResult<Option<Webhook>>;
    /// Removes the hook with its pending deliveries and its log; `false` when there was none.
    async fn delete_webhook(&self, id: i64) -> StoreResult<bool>;
    /// Replaces the hook's (sealed) secret; later attempts are signed with the new one. `false`
    /// when there is no such hook.
    async fn set_webhook_secret(&self, id: i64, sealed: &str) -> StoreResult<bool>;
    /// Makes a finished delivery of the hook due again at `now`, for one more attempt; `false`
    /// when the hook has no such delivery or it is still pending.
    async fn retry_delivery(
        &self,
        webhook_id: i64,
        delivery_id: i64,
        now: DateTime<Utc>,
    ) -> StoreResult<bool>;
    /// The hook's newest deliveries first, each with its attempts.
    async fn webhook_deliveries(&self, webhook_id: i64, limit: i64) -> StoreResult<Vec<Delivery>>;
    /// When the earliest pending delivery is due (a cheap read before taking the write lock).
    async fn next_delivery_due(&self) -> StoreResult<Option<DateTime<Utc>>>;
    /// Leases up to `limit` due deliveries until `lease_until`; another instance skips them
    /// until then, and takes them over if this one dies before recording an attempt.
    async fn claim_deliveries(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: i64,
    ) -> StoreResult<Vec<DueDelivery>>;
    /// Logs an attempt and moves its delivery on, in one transaction; when that finishes the
    /// delivery, keeps only the hook's newest `keep_finished` finished deliveries.
    async fn record_attempt(
        &self,
        attempt: &AttemptRecord,
        keep_finished: usize,
    ) -> StoreResult<()>;
}
