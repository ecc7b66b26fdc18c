//! Webhooks: register, list and remove the URLs that hear about approvals and publications, and read their delivery logs.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::error::{AppError, AppResult};
use crate::http::auth::CurrentUser;
use crate::http::extract::ApiJson;
use crate::http::AppState;
use crate::store::webhooks::{Delivery, Webhook};
use crate::workflow::webhooks::{self, HookRequest};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_webhooks, create_webhook))
        .routes(routes!(delete_webhook))
        .routes(routes!(list_deliveries))
        .routes(routes!(retry_delivery))
        .routes(routes!(rotate_secret))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WebhookRequest {
    /// An absolute http or https URL; each event is POSTed to it as JSON.
    #[schema(example = "https://cms.example.org/hooks/tandem")]
    pub url: String,
    /// Only this statement's events; every statement's when left out.
    pub statement_id: Option<i64>,
    /// `unit.approved`, `language.completed`, `statement.published`; all when left out or empty.
    #[schema(value_type = Option<Vec<crate::domain::webhook::EventType>>)]
    pub events: Option<Vec<String>>,
}

/// A new hook and the secret its deliveries are signed with.
#[derive(Serialize, utoipa::ToSchema)]
pub struct CreatedWebhook {
    #[serde(flatten)]
    pub webhook: Webhook,
    /// `whsec_` and base64 key bytes, as Standard Webhooks libraries take it. Shown only now.
    pub secret: String,
}

fn webhook_id(raw: &str) -> AppResult<i64> {
    raw.parse()
        .map_err(|_| AppError::not_found("webhook").detail("id", raw))
}

/// Registers a hook (editors). Deliveries are signed per Standard Webhooks (`webhook-id`,
/// `webhook-timestamp`, `webhook-signature`: `v1,` and base64 HMAC-SHA256 of `id.timestamp.body`).
#[utoipa::path(post, path = "/api/v1/webhooks", tag = "webhooks", request_body = WebhookRequest,
    responses((status = 201, body = CreatedWebhook),
        (status = 400, description = "invalid_webhook_url or invalid_input"),
        (status = 403, description = "forbidden"), (status = 404, description = "statement_not_found"),
        (status = 422, description = "webhook_url_forbidden: the address is in the server's own networks (loopback, private, link-local, ...) and no --allow-outbound range holds it")),
    security(("session" = []), ("bearer" = [])))]
async fn create_webhook(
    State(state): State<AppState>,
    current: CurrentUser,
    ApiJson(body): ApiJson<WebhookRequest>,
) -> AppResult<(StatusCode, Json<CreatedWebhook>)> {
    let registered = webhooks::register(
        state.store.as_ref(),
        &state.outbound,
        &state.sealer,
        &current.user,
        HookRequest {
            url: body.url,
            statement_id: body.statement_id,
            events: body.events,
        },
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(CreatedWebhook {
            webhook: registered.hook,
            secret: registered.secret,
        }),
    ))
}

/// Every registered hook, without secrets (editors).
#[utoipa::path(get, path = "/api/v1/webhooks", tag = "webhooks",
    responses((status = 200, body = Vec<Webhook>), (status = 403, description = "forbidden")),
    security(("session" = []), ("bearer" = [])))]
async fn list_webhooks(
    State(state): State<AppState>,
    current: CurrentUser,
) -> AppResult<Json<Vec<Webhook>>> {
    Ok(Json(
        webhooks::list(state.store.as_ref(), &current.user).await?,
    ))
}

/// Removes a hook with its pending deliveries and its log (editors).
#[utoipa::path(delete, path = "/api/v1/webhooks/{id}", tag = "webhooks", params(("id" = i64, Path)),
    responses((status = 204), (status = 403, description = "forbidden"), (status = 404, description = "not_found")),
    security(("session" = []), ("bearer" = [])))]
async fn delete_webhook(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    webhooks::delete(state.store.as_ref(), &current.user, webhook_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The hook's delivery log, newest first (the last 100): each event's state and every
/// attempt with its HTTP status, error and duration (editors).
#[utoipa::path(get, path = "/api/v1/webhooks/{id}/deliveries", tag = "webhooks", params(("id" = i64, Path)),
    responses((status = 200, body = Vec<Delivery>), (status = 403, description = "forbidden"),
        (status = 404, description = "not_found")),
    security(("session" = []), ("bearer" = [])))]
async fn list_deliveries(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<Delivery>>> {
    Ok(Json(
        webhooks::deliveries(state.store.as_ref(), &current.user, webhook_id(&id)?).await?,
    ))
}

/// Sends a finished delivery (delivered or failed) once more, at the deliverer's next look; the
/// attempt joins its log (editors). 409 `delivery_pending` while it still waits for an attempt.
#[utoipa::path(post, path = "/api/v1/webhooks/{id}/deliveries/{delivery}/retry", tag = "webhooks",
    params(("id" = i64, Path), ("delivery" = i64, Path)),
    responses((status = 202, description = "The delivery is due again"),
        (status = 403, description = "forbidden"), (status = 404, description = "not_found"),
        (status = 409, description = "delivery_pending")),
    security(("session" = []), ("bearer" = [])))]
async fn retry_delivery(
    State(state): State<AppState>,
    current: CurrentUser,
    Path((id, delivery)): Path<(String, String)>,
) -> AppResult<StatusCode> {
    let delivery: i64 = delivery
        .parse()
        .map_err(|_| AppError::not_found("delivery").detail("id", delivery.as_str()))?;
    webhooks::retry(
        state.store.as_ref(),
        &current.user,
        webhook_id(&id)?,
        delivery,
    )
    .await?;
    Ok(StatusCode::ACCEPTED)
}

/// The hook's new signing secret, shown only now.
#[derive(Serialize, utoipa::ToSchema)]
pub struct RotatedSecret {
    /// `whsec_` and base64 key bytes; deliveries from now on are signed with it.
    pub secret: String,
}

/// Gives the hook a new secret (editors): the old one stops signing at once.
#[utoipa::path(post, path = "/api/v1/webhooks/{id}/secret", tag = "webhooks", params(("id" = i64, Path)),
    responses((status = 200, body = RotatedSecret), (status = 403, description = "forbidden"),
        (status = 404, description = "not_found")),
    security(("session" = []), ("bearer" = [])))]
async fn rotate_secret(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Json<RotatedSecret>> {
    let secret = webhooks::rotate_secret(
        state.store.as_ref(),
        &state.sealer,
        &current.user,
        webhook_id(&id)?,
    )
    .await?;
    Ok(Json(RotatedSecret { secret }))
}
