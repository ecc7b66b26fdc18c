//! The audit log page for admins: filtered by statement, person, action and dates, paged with
//! `before`, and downloadable as CSV with the same filters.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::{render, Desk, DeskUser};
use crate::domain::audit::AuditAction;
use crate::domain::policy::{Permission, Target};
use crate::http::chrome::Chrome;
use crate::http::AppState;
use crate::i18n::dates::long_date;
use crate::workflow::audit::{self, AuditFilter};

/// Lines on one page.
const PAGE: i64 = 50;

pub struct FilterChoice {
    pub value: String,
    pub label: String,
    pub lang: String,
    pub selected: bool,
}

pub struct LineRow {
    pub date: String,
    pub time: String,
    pub at: String,
    pub actor: String,
    pub action: String,
    pub action_code: String,
    pub subject: String,
    pub details: String,
    pub address: String,
}

#[derive(Template)]
#[template(path = "app/audit.html")]
struct AuditPage {
    chrome: Chrome,
    desk: Desk,
    tab: &'static str,
    statements: Vec<FilterChoice>,
    people: Vec<FilterChoice>,
    actions: Vec<FilterChoice>,
    from: String,
    to: String,
    lines: Vec<LineRow>,
    refused: bool,
    /// The filters as a query (`&name=value...`), for the CSV and the next page.
    filters: String,
    /// The `before` of the next page when this one is full.
    older: Option<i64>,
}

/// The message that names an action, or `None` for one this page does not know yet.
pub fn action_message(action: &str) -> Option<&'static str> {
    Some(match AuditAction::parse(action)? {
        AuditAction::SignedIn => "ui-audit-signed-in",
        AuditAction::SignInFailed => "ui-audit-sign-in-failed",
        AuditAction::SignedOut => "ui-audit-signed-out",
        AuditAction::TokenCreated => "ui-audit-token-created",
        AuditAction::TokenRevoked => "ui-audit-token-revoked",
        AuditAction::UserCreated => "ui-audit-user-created",
        AuditAction::RolesChanged => "ui-audit-roles-changed",
        AuditAction::UserDisabled => "ui-audit-user-disabled",
        AuditAction::UserEnabled => "ui-audit-user-enabled",
        AuditAction::UnitApproved => "ui-audit-unit-approved",
        AuditAction::UnitReturned => "ui-audit-unit-returned",
        AuditAction::StatementPublished => "ui-audit-statement-published",
    })
}

fn filter_of(raw: Option<&str>) -> AuditFilter {
    let mut filter = AuditFilter {
        limit: Some(PAGE),
        ..AuditFilter::default()
    };
    for (name, value) in url::form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
        let value = value.trim().to_owned();
        if value.is_empty() {
            continue;
        }
        match name.as_ref() {
            "statement_id" => filter.statement_id = value.parse().ok(),
            "actor_id" => filter.actor_id = value.parse().ok(),
            "action" => filter.action = Some(value),
            "from" => filter.from = Some(value),
            "to" => filter.to = Some(value),
            "before" => filter.before = value.parse().ok(),
            _ => {}
        }
    }
    filter
}

fn query_of(filter: &AuditFilter) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    if let Some(id) = filter.statement_id {
        query.append_pair("statement_id", &id.to_string());
    }
    if let Some(id) = filter.actor_id {
        query.append_pair("actor_id", &id.to_string());
    }
    for (name, value) in [
        ("action", &filter.action),
        ("from", &filter.from),
        ("to", &filter.to),
    ] {
        if let Some(value) = value {
            query.append_pair(name, value);
        }
    }
    let query = query.finish();
    if query.is_empty() {
        query
    } else {
        format!("&{query}")
    }
}

pub async fn audit_page(
    State(state): State<AppState>,
    me: DeskUser,
    RawQuery(raw): RawQuery,
) -> Response {
    if !me.may(Permission::ReadAudit, Target::Instance) {
        return Redirect::to("/app").into_response();
    }
    let filter = filter_of(raw.as_deref());
    let (Ok(statements), Ok(users)) = (
        state.store.list_statements().await,
        state.store.list_users().await,
    ) else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let (lines, refused) = match audit::read(state.store.as_ref(), &me.user, &filter).await {
        Ok(lines) => (lines, false),
        Err(e) if e.code.status() == StatusCode::BAD_REQUEST => (Vec::new(), true),
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    let chrome = &me.chrome;
    let older = (lines.len() as i64 == PAGE)
        .then(|| lines.last().map(|l| l.id))
        .flatten();
    let lines = lines
        .into_iter()
        .map(|l| LineRow {
            date: long_date(chrome.locale, l.at),
            time: l.at.format("%H:%M:%S").to_string(),
            at: l.at.to_rfc3339(),
            action: action_message(&l.action)
                .map(|id| chrome.t(id))
                .unwrap_or_default(),
            action_code: l.action,
            actor: l.actor,
            subject: l.subject,
            details: l.details.to_string(),
            address: l.address.unwrap_or_default(),
        })
        .collect();
    let statements = statements
        .into_iter()
        .map(|s| FilterChoice {
            selected: filter.statement_id == Some(s.id),
            value: s.id.to_string(),
            label: s.title,
            lang: s.source_lang.to_string(),
        })
        .collect();
    let people = users
        .into_iter()
        .map(|u| FilterChoice {
            selected: filter.actor_id == Some(u.id),
            value: u.id.to_string(),
            label: u.display_name,
            lang: String::new(),
        })
        .collect();
    let actions = AuditAction::ALL
        .iter()
        .filter_map(|a| {
            Some(FilterChoice {
                selected: filter.action.as_deref() == Some(a.as_str()),
                value: a.as_str().to_owned(),
                label: chrome.t(action_message(a.as_str())?),
                lang: chrome.lang().to_owned(),
            })
        })
        .collect();
    render(&AuditPage {
        tab: "audit",
        statements,
        people,
        actions,
        from: filter.from.clone().unwrap_or_default(),
        to: filter.to.clone().unwrap_or_default(),
        lines,
        refused,
        filters: query_of(&filter),
        older,
        chrome: me.chrome,
        desk: me.desk,
    })
}
