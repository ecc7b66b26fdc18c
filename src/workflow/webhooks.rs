//! Registering, listing and removing webhooks, and reading their delivery logs (editors and admins).

use chrono::Utc;

use crate::domain::policy::{Permission, Target};
use crate::domain::user::User;
use crate::domain::webhook::{self, EventType};
use crate::error::{AppError, AppResult, ErrorCode, Why};
use crate::outbound::Outbound;
use crate::secrets::{Purpose, Sealer};
use crate::store::webhooks::{Delivery, NewWebhook, Webhook};
use crate::store::Store;

/// Log entries one request returns, newest first.
const LOG_LIMIT: i64 = 100;

fn require_editor(user: &User) -> AppResult<()> {
    super::guard::require(user, Permission::ManageWebhooks, Target::Instance)
}

/// What the caller asked for, before any check.
pub struct HookRequest {
    pub url: String,
    pub statement_id: Option<i64>,
    pub events: Option<Vec<String>>,
}

/// A new hook with its secret, which is never shown again.
pub struct Registered {
    pub hook: Webhook,
    pub secret: String,
}

/// Registers a hook after checking everything, so nothing is written on bad input.
pub async fn register(
    store: &dyn Store,
    outbound: &Outbound,
    sealer: &Sealer,
    user: &User,
    request: HookRequest,
) -> AppResult<Registered> {
    require_editor(user)?;
    let url = webhook::check_url(&request.url).map_err(|problem| {
        AppError::new(ErrorCode::InvalidWebhookUrl).with("reason", problem.reason())
    })?;
    // What can be seen now is refused now; the deliverer checks every connection again.
    outbound.check(&url).await.map_err(|forbidden| {
        let address = forbidden.address.to_string();
        let destination = if forbidden.host.trim_matches(['[', ']']) == address {
            address.clone()
        } else {
            format!("{} ({address})", forbidden.host)
        };
        AppError::new(ErrorCode::WebhookUrlForbidden)
            .with("destination", destination)
            .with("address", address)
            .with("range", forbidden.why.as_str())
    })?;
    let mut events = Vec::new();
    for raw in request.events.unwrap_or_default() {
        let event = EventType::parse(raw.trim()).ok_or_else(|| {
            AppError::invalid_input(
                "events",
                Why::Other,
                format!(
                    "unknown event type {raw:?}; known: {}",
                    webhook::events_column(&EventType::ALL)
                ),
            )
        })?;
        if !events.contains(&event) {
            events.push(event);
        }
    }
    if let Some(id) = request.statement_id {
        if store.get_statement(id).await?.is_none() {
            return Err(AppError::new(ErrorCode::StatementNotFound).with("id", id));
        }
    }
    let secret = webhook::new_secret();
    // Only the sealed form reaches the database; the caller sees the secret this once.
    let sealed = sealer
        .seal(Purpose::WebhookSecret, &secret)
        .map_err(AppError::internal)?;
    let hook = store
        .add_webhook(&NewWebhook {
            url: url.to_string(),
            statement_id: request.statement_id,
            events,
            secret: sealed,
            created_by: user.id,
            created_at: Utc::now(),
        })
        .await?;
    tracing::info!(webhook = hook.id, url = %hook.url, by = %user.username, "webhook registered");
    Ok(Registered { hook, secret })
}

pub async fn list(store: &dyn Store, user: &User) -> AppResult<Vec<Webhook>> {
    require_editor(user)?;
    Ok(store.list_webhooks().await?)
}

fn unknown(id: i64) -> AppError {
    AppError::not_found("webhook").detail("id", id)
}

pub async fn delete(store: &dyn Store, user: &User, id: i64) -> AppResult<()> {
    require_editor(user)?;
    if !store.delete_webhook(id).await? {
        return Err(unknown(id));
    }
    tracing::info!(webhook = id, by = %user.username, "webhook deleted");
    Ok(())
}

/// The hook's log: its newest deliveries, each with every attempt.
pub async fn deliveries(store: &dyn Store, user: &User, id: i64) -> AppResult<Vec<Delivery>> {
    require_editor(user)?;
    if store.get_webhook(id).await?.is_none() {
        return Err(unknown(id));
    }
    Ok(store.webhook_deliveries(id, LOG_LIMIT).await?)
}

/// Sends a finished delivery (delivered or failed) once more, soon: the deliverer picks it up
/// at its next look and logs the attempt after the others.
pub async fn retry(store: &dyn Store, user: &User, id: i64, delivery_id: i64) -> AppResult<()> {
    require_editor(user)?;
    if store.get_webhook(id).await?.is_none() {
        return Err(unknown(id));
    }
    if !store.retry_delivery(id, delivery_id, Utc::now()).await? {
        // Either no such delivery of this hook, or one still waiting for its attempt.
        let pending = store
            .webhook_deliveries(id, LOG_LIMIT)
            .await?
            .iter()
            .any(|d| d.id == delivery_id);
        return Err(if pending {
            AppError::new(ErrorCode::DeliveryPending).with("id", delivery_id)
        } else {
            AppError::not_found("delivery").detail("id", delivery_id)
        });
    }
    tracing::info!(webhook = id, delivery = delivery_id, by = %user.username, "webhook delivery retried");
    Ok(())
}

/// Gives the hook a new secret, shown this once; deliveries from now on are signed with it.
pub async fn rotate_secret(
    store: &dyn Store,
    sealer: &Sealer,
    user: &User,
    id: i64,
) -> AppResult<String> {
    require_editor(user)?;
    let secret = webhook::new_secret();
    let sealed = sealer
        .seal(Purpose::WebhookSecret, &secret)
        .map_err(AppError::internal)?;
    if !store.set_webhook_secret(id, &sealed).await? {
        return Err(unknown(id));
    }
    tracing::info!(webhook = id, by = %user.username, "webhook secret rotated");
    Ok(secret)
}
