//! The deliverer: sends what waits in the webhook outbox as signed POSTs, retries with growing delays, logs every attempt.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use tokio::sync::Semaphore;

use reqwest::header::{HeaderMap, HeaderValue, CONTENT_TYPE};
use url::Url;

use crate::config::WebhookSettings;
use crate::domain::webhook::{retry_delay, secret_key, sign};
use crate::outbound::{Outbound, OutboundError};
use crate::secrets::{Purpose, Sealer};
use crate::store::webhooks::{AttemptRecord, DeliveryState, DueDelivery};
use crate::store::{Store, StoreResult};

/// How long past the request timeout a lease lasts, so recording the attempt fits inside it.
const LEASE_MARGIN: Duration = Duration::from_secs(30);

/// Runs until the process ends: whatever is due is sent, then the outbox is looked at again.
/// Events written while no deliverer ran (or on an instance that does not deliver) are sent by
/// whichever instance looks next, because they wait in the database, not in memory.
pub async fn run(
    store: Arc<dyn Store>,
    client: Arc<Outbound>,
    sealer: Arc<Sealer>,
    settings: WebhookSettings,
) {
    let slots = Arc::new(Semaphore::new(settings.concurrency.max(1)));
    let mut failing = false;
    loop {
        match start_due(&store, &client, &sealer, &settings, &slots).await {
            // More may be due already: look again at once.
            Ok(started) if started > 0 => {
                failing = false;
                continue;
            }
            Ok(_) => failing = false,
            Err(e) if !failing => {
                failing = true;
                tracing::warn!(error = %e, "the webhook outbox cannot be read");
            }
            Err(_) => {}
        }
        tokio::time::sleep(settings.poll).await;
    }
}

/// Leases as many due deliveries as there are free slots and sends each in its own task, which
/// records its attempt when done: a receiver that hangs until the timeout holds one slot, not
/// the deliveries to everyone else. Returns how many were started.
async fn start_due(
    store: &Arc<dyn Store>,
    client: &Arc<Outbound>,
    sealer: &Arc<Sealer>,
    settings: &WebhookSettings,
    slots: &Arc<Semaphore>,
) -> StoreResult<usize> {
    let free = slots.available_permits();
    if free == 0 {
        return Ok(0);
    }
    let now = Utc::now();
    // A read first, so an idle instance does not take SQLite's write lock at every look.
    match store.next_delivery_due().await? {
        Some(due) if due <= now => {}
        _ => return Ok(0),
    }
    let lease = chrono::Duration::from_std(settings.timeout + LEASE_MARGIN)
        .unwrap_or_else(|_| chrono::Duration::minutes(1));
    let due = store
        .claim_deliveries(now, now + lease, i64::try_from(free).unwrap_or(1))
        .await?;
    let count = due.len();
    for delivery in due {
        // Only this loop takes slots, and it leased no more than were free.
        let Ok(slot) = slots.clone().acquire_owned().await else {
            break;
        };
        let (store, client, settings) = (store.clone(), client.clone(), settings.clone());
        let sealer = sealer.clone();
        tokio::spawn(async move {
            let record = attempt(&client, &sealer, &settings, delivery).await;
            if let Err(e) = store.record_attempt(&record, settings.log_keep).await {
                // The lease runs out and a later look sends it again, with the same webhook-id.
                tracing::warn!(error = %e, delivery = record.delivery_id,
                    "a webhook attempt cannot be recorded");
            }
            drop(slot);
        });
    }
    Ok(count)
}

/// One signed POST and what it means for the delivery.
async fn attempt(
    client: &Outbound,
    sealer: &Sealer,
    settings: &WebhookSettings,
    delivery: DueDelivery,
) -> AttemptRecord {
    let number = delivery.attempts + 1;
    let started_at = Utc::now();
    let clock = Instant::now();
    let (status, error) = match signing_key(sealer, &delivery.secret) {
        Err(why) => (None, Some(why)),
        Ok(key) => {
            // The timestamp is the attempt's, as the specification asks: receivers refuse old
            // ones to stop replays, so a retry must not carry the first attempt's time.
            let timestamp = started_at.timestamp();
            match send(client, settings, &delivery, &key, timestamp).await {
                Ok(answer) if (200..300).contains(&answer.status) => {
                    (Some(i64::from(answer.status)), None)
                }
                // No redirects are followed: a receiver that moved answers 3xx, which is logged
                // as a failure for the editor to see, rather than the signed body following it
                // somewhere else.
                Ok(answer) => (
                    Some(i64::from(answer.status)),
                    Some(format!("the receiver answered {}", answer.status)),
                ),
                Err(e) => (None, Some(e.to_string())),
            }
        }
    };
    let duration_ms = i64::try_from(clock.elapsed().as_millis()).unwrap_or(i64::MAX);
    let max_attempts = i64::from(settings.max_attempts.max(1));
    let (outcome, next_attempt_at) = if error.is_none() {
        (DeliveryState::Delivered, started_at)
    } else if number >= max_attempts {
        tracing::warn!(
            webhook = delivery.webhook_id,
            delivery = delivery.delivery_id,
            attempts = number,
            "a webhook delivery failed for good"
        );
        (DeliveryState::Failed, started_at)
    } else {
        let wait = retry_delay(
            u32::try_from(number).unwrap_or(u32::MAX),
            settings.retry_base,
            settings.retry_cap,
            rand::random::<f64>(),
        );
        let wait = chrono::Duration::from_std(wait).unwrap_or_else(|_| chrono::Duration::hours(1));
        (DeliveryState::Pending, Utc::now() + wait)
    };
    AttemptRecord {
        delivery_id: delivery.delivery_id,
        attempt: number,
        started_at,
        duration_ms,
        status,
        error,
        outcome,
        next_attempt_at,
    }
}

/// The HMAC key of a hook, from its secret as stored: sealed, opened only here to sign.
fn signing_key(sealer: &Sealer, stored: &str) -> Result<Vec<u8>, String> {
    let secret = sealer
        .open(Purpose::WebhookSecret, stored)
        .map_err(|e| format!("the hook's secret cannot be read: {e}"))?;
    secret_key(&secret).ok_or_else(|| "the hook's secret cannot be read".to_owned())
}

/// The signed POST, through the outbound client and its address guard.
async fn send(
    client: &Outbound,
    settings: &WebhookSettings,
    delivery: &DueDelivery,
    key: &[u8],
    timestamp: i64,
) -> Result<crate::outbound::Answer, OutboundError> {
    let url = Url::parse(&delivery.url)
        .map_err(|e| OutboundError::Failed(format!("the hook's address cannot be read: {e}")))?;
    let mut headers = HeaderMap::new();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    let header = |value: String| {
        HeaderValue::from_str(&value)
            .map_err(|_| OutboundError::Failed("a header cannot be written".to_owned()))
    };
    headers.insert("webhook-id", header(delivery.message_id.clone())?);
    headers.insert("webhook-timestamp", header(timestamp.to_string())?);
    headers.insert(
        "webhook-signature",
        header(sign(key, &delivery.message_id, timestamp, &delivery.body))?,
    );
    client
        .post(
            &url,
            headers,
            delivery.body.clone().into_bytes(),
            settings.timeout,
        )
        .await
}
