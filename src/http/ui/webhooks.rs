//! The webhooks page in the admin area: register a hook (its secret shown once), see each
//! hook's recent deliveries with their state, send one again, and give a hook a new secret.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::{render, Desk, DeskUser};
use crate::domain::policy::{Permission, Target};
use crate::domain::webhook::EventType;
use crate::http::chrome::Chrome;
use crate::http::AppState;
use crate::i18n::dates::long_date;
use crate::store::webhooks::DeliveryState;
use crate::workflow::webhooks;

/// Deliveries shown per hook.
const SHOWN: usize = 20;

pub struct EventChoice {
    pub value: &'static str,
    pub label: String,
}

pub struct StatementChoice {
    pub id: i64,
    pub title: String,
    pub lang: String,
}

pub struct DeliveryRow {
    pub id: i64,
    pub event: String,
    pub state: &'static str,
    pub state_label: String,
    pub attempts: i64,
    /// The last answer: an HTTP status, or the error (in English, as the client library says it).
    pub status: String,
    pub error: String,
    pub when: String,
}

pub struct HookRow {
    pub id: i64,
    pub url: String,
    /// The statement's title, empty for every statement.
    pub statement: String,
    pub statement_lang: String,
    pub events: Vec<String>,
    pub deliveries: Vec<DeliveryRow>,
}

#[derive(Template)]
#[template(path = "app/webhooks.html")]
struct WebhooksPage {
    chrome: Chrome,
    desk: Desk,
    tab: &'static str,
    events: Vec<EventChoice>,
    statements: Vec<StatementChoice>,
    hooks: Vec<HookRow>,
}

fn event_label(chrome: &Chrome, event: &str) -> String {
    match EventType::parse(event) {
        Some(EventType::UnitApproved) => chrome.t("ui-event-unit-approved"),
        Some(EventType::LanguageCompleted) => chrome.t("ui-event-language-completed"),
        Some(EventType::StatementPublished) => chrome.t("ui-event-statement-published"),
        None => String::new(),
    }
}

fn state_label(chrome: &Chrome, state: DeliveryState) -> String {
    chrome.t(match state {
        DeliveryState::Pending => "ui-delivery-pending",
        DeliveryState::Delivered => "ui-delivery-delivered",
        DeliveryState::Failed => "ui-delivery-failed",
    })
}

pub async fn webhooks_page(State(state): State<AppState>, me: DeskUser) -> Response {
    if !me.may(Permission::ManageWebhooks, Target::Instance) {
        return Redirect::to("/app").into_response();
    }
    let (Ok(hooks), Ok(statements)) = (
        webhooks::list(state.store.as_ref(), &me.user).await,
        state.store.list_statements().await,
    ) else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let chrome = &me.chrome;
    let mut rows = Vec::with_capacity(hooks.len());
    for hook in hooks {
        let Ok(deliveries) = webhooks::deliveries(state.store.as_ref(), &me.user, hook.id).await
        else {
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        };
        let statement = hook
            .statement_id
            .and_then(|id| statements.iter().find(|s| s.id == id));
        rows.push(HookRow {
            id: hook.id,
            url: hook.url,
            statement: statement.map(|s| s.title.clone()).unwrap_or_default(),
            statement_lang: statement
                .map(|s| s.source_lang.to_string())
                .unwrap_or_default(),
            events: if hook.events.is_empty() {
                EventType::ALL
                    .iter()
                    .map(|e| event_label(chrome, e.as_str()))
                    .collect()
            } else {
                hook.events
                    .iter()
                    .map(|e| event_label(chrome, e.as_str()))
                    .collect()
            },
            deliveries: deliveries
                .into_iter()
                .take(SHOWN)
                .map(|d| {
                    let last = d.log.last();
                    DeliveryRow {
                        id: d.id,
                        event: event_label(chrome, &d.event_type),
                        state: d.state.as_str(),
                        state_label: state_label(chrome, d.state),
                        attempts: d.attempts,
                        status: last
                            .and_then(|a| a.status)
                            .map(|s| s.to_string())
                            .unwrap_or_default(),
                        error: last.and_then(|a| a.error.clone()).unwrap_or_default(),
                        when: format!(
                            "{} {}",
                            long_date(chrome.locale, d.created_at),
                            d.created_at.format("%H:%M:%S")
                        ),
                    }
                })
                .collect(),
        });
    }
    let events = EventType::ALL
        .iter()
        .map(|e| EventChoice {
            value: e.as_str(),
            label: event_label(chrome, e.as_str()),
        })
        .collect();
    let statements = statements
        .into_iter()
        .map(|s| StatementChoice {
            id: s.id,
            title: s.title,
            lang: s.source_lang.to_string(),
        })
        .collect();
    render(&WebhooksPage {
        tab: "webhooks",
        events,
        statements,
        hooks: rows,
        chrome: me.chrome,
        desk: me.desk,
    })
}
