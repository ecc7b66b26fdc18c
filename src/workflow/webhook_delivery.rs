//! The deliverer: sends what waits in the webhook outbox as signed POSTs, retries with growing delays, logs every attempt.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use tokio::sync::Semaphore;

use crate::config::WebhookSettings;
use crate::domain::webhook::{retry_delay, secret_key, sign};
use crate::store::webhooks::{AttemptRecord, DeliveryState, DueDelivery};
use crate::store::{Store, StoreResult};

/// Requests in flight at once, over all hooks.
const IN_FLIGHT: usize = 16;

/// How long past the request timeout a lease lasts, so recording the attempt fits inside it.
const LEASE_MARGIN: Duration = Duration::from_secs(30);

/// Runs until the process ends: whatever is due is sent, then the outbox is looked at again.
/// Events written while no deliverer ran (or on an instance that does not deliver) are sent by
/// whichever instance looks next, because they wait in the database, not in memory.
pub async fn run(store: Arc<dyn Store>, settings: WebhookSettings) {
    let client = match client(&settings) {
        Ok(client) => client,
        Err(e) => {
            tracing::error!(error = %e, "webhooks cannot be delivered: no HTTP client");
            return;
        }
    };
    let slots = Arc::new(Semaphore::new(IN_FLIGHT));
    let mut failing = false;
    loop {
        match start_due(&store, &client, &settings, &slots).await {
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

/// No redirects: a receiver that moved answers 3xx, which is logged as a failure for the
/// editor to see, rather than the signed body following it somewhere else.
fn client(settings: &WebhookSettings) -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder()
        .timeout(settings.timeout)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("Tandem-Webhooks/", env!("CARGO_PKG_VERSION")))
        .build()
}

/// Leases as many due deliveries as there are free slots and sends each in its own task, which
/// records its attempt when done: a receiver that hangs until the timeout holds one slot, not
/// the deliveries to everyone else. Returns how many were started.
async fn start_due(
    store: &Arc<dyn Store>,
    client: &reqwest::Client,
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
        tokio::spawn(async move {
            let record = attempt(&client, &settings, delivery).await;
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
    client: &reqwest::Client,
    settings: &WebhookSettings,
    delivery: DueDelivery,
) -> AttemptRecord {
    let number = delivery.attempts + 1;
    let started_at = Utc::now();
    let clock = Instant::now();
    let (status, error) = match secret_key(&delivery.secret) {
        None => (None, Some("the hook's secret cannot be read".to_owned())),
        Some(key) => {
            // The timestamp is the attempt's, as the specification asks: receivers refuse old
            // ones to stop replays, so a retry must not carry the first attempt's time.
            let timestamp = started_at.timestamp();
            let sent = client
                .post(&delivery.url)
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .header("webhook-id", &delivery.message_id)
                .header("webhook-timestamp", timestamp.to_string())
                .header(
                    "webhook-signature",
                    sign(&key, &delivery.message_id, timestamp, &delivery.body),
                )
                .body(delivery.body.clone())
                .send()
                .await;
            match sent {
                Ok(response) if response.status().is_success() => {
                    (Some(i64::from(response.status().as_u16())), None)
                }
                Ok(response) => (
                    Some(i64::from(response.status().as_u16())),
                    Some(format!("the receiver answered {}", response.status())),
                ),
                Err(e) => (None, Some(describe(&e, settings.timeout))),
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

/// A transport failure in words for the log, with its causes (refused, no such host, TLS, ...).
fn describe(error: &reqwest::Error, timeout: Duration) -> String {
    if error.is_timeout() {
        return format!("no answer within {} s", timeout.as_secs_f64());
    }
    let mut text = if error.is_connect() {
        "cannot connect".to_owned()
    } else {
        "the request failed".to_owned()
    };
    let mut cause = std::error::Error::source(error);
    while let Some(e) = cause {
        text.push_str(": ");
        text.push_str(&e.to_string());
        cause = e.source();
    }
    text
}
