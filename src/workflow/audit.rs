//! Writing and reading the audit log: who signed in, changed roles, approved and published.

use chrono::{DateTime, NaiveDate, Utc};

use crate::domain::audit::{AuditAction, AuditEntry, NewAuditEntry};
use crate::domain::policy::{Permission, Target};
use crate::domain::user::User;
use crate::error::{AppError, AppResult, Why};
use crate::store::security::AuditQuery;
use crate::store::Store;

/// The name recorded for changes made on the server's command line, where nobody signs in.
pub const COMMAND_LINE: &str = "(command line)";

/// Records one action of `by` (or of the typed name `name` when nobody is signed in).
pub async fn record(
    store: &dyn Store,
    by: Option<&User>,
    name: &str,
    action: AuditAction,
    subject: String,
    details: serde_json::Value,
    address: Option<&str>,
) -> AppResult<()> {
    store
        .add_audit(&NewAuditEntry {
            at: Utc::now(),
            actor_id: by.map(|u| u.id),
            actor: by.map_or_else(|| name.to_owned(), |u| u.username.clone()),
            action,
            subject,
            details,
            address: address.map(str::to_owned),
        })
        .await?;
    Ok(())
}

/// What to read of the audit log; every filter is optional.
#[derive(Debug, Default, Clone)]
pub struct AuditFilter {
    /// An action's stable name, e.g. `statement.published`.
    pub action: Option<String>,
    pub actor_id: Option<i64>,
    pub statement_id: Option<i64>,
    /// From this day (`YYYY-MM-DD`, UTC) or moment (RFC 3339) on.
    pub from: Option<String>,
    /// Up to this day, the whole of it (`YYYY-MM-DD`, UTC), or up to this moment (RFC 3339).
    pub to: Option<String>,
    /// Lines older than this id (the last id of the page before).
    pub before: Option<i64>,
    pub limit: Option<i64>,
}

fn invalid(field: &str, reason: impl Into<String>) -> AppError {
    AppError::invalid_input(field, Why::Other, reason)
}

/// A day or a moment; a day is its start, or with `end` the start of the next day.
fn moment(field: &str, raw: Option<&str>, end: bool) -> AppResult<Option<DateTime<Utc>>> {
    let Some(raw) = raw.map(str::trim).filter(|r| !r.is_empty()) else {
        return Ok(None);
    };
    if let Ok(at) = DateTime::parse_from_rfc3339(raw) {
        return Ok(Some(at.with_timezone(&Utc)));
    }
    let day = NaiveDate::parse_from_str(raw, "%Y-%m-%d")
        .map_err(|_| invalid(field, "a date (YYYY-MM-DD) or an RFC 3339 time"))?;
    let day = if end { day.succ_opt() } else { Some(day) };
    Ok(day
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|d| d.and_utc()))
}

fn query(filter: &AuditFilter, limit: i64) -> AppResult<AuditQuery> {
    let action = match filter.action.as_deref() {
        None | Some("") => None,
        Some(name) => Some(
            AuditAction::parse(name)
                .ok_or_else(|| invalid("action", format!("unknown action {name:?}")))?,
        ),
    };
    Ok(AuditQuery {
        action,
        actor_id: filter.actor_id,
        before: filter.before,
        limit,
        statement_id: filter.statement_id,
        from: moment("from", filter.from.as_deref(), false)?,
        to: moment("to", filter.to.as_deref(), true)?,
    })
}

/// The newest lines first, 100 by default and at most 1000; admins only.
pub async fn read(
    store: &dyn Store,
    by: &User,
    filter: &AuditFilter,
) -> AppResult<Vec<AuditEntry>> {
    super::guard::require(by, Permission::ReadAudit, Target::Instance)?;
    let limit = filter.limit.unwrap_or(100);
    if !(1..=1000).contains(&limit) {
        return Err(AppError::invalid_input(
            "limit",
            Why::Range { min: 1, max: 1000 },
            "between 1 and 1000",
        ));
    }
    Ok(store.audit(&query(filter, limit)?).await?)
}

/// The most lines one export holds.
pub const EXPORT_MAX: usize = 100_000;

/// Every line the filter lets through (newest first, at most `EXPORT_MAX`), for a download;
/// `before` and `limit` are not asked for here.
pub async fn export(
    store: &dyn Store,
    by: &User,
    filter: &AuditFilter,
) -> AppResult<Vec<AuditEntry>> {
    super::guard::require(by, Permission::ReadAudit, Target::Instance)?;
    let mut page = query(filter, 1000)?;
    page.before = None;
    let mut lines = Vec::new();
    loop {
        let batch = store.audit(&page).await?;
        let Some(last) = batch.last() else { break };
        page.before = Some(last.id);
        let full = batch.len() == 1000;
        lines.extend(batch);
        if !full || lines.len() >= EXPORT_MAX {
            break;
        }
    }
    lines.truncate(EXPORT_MAX);
    Ok(lines)
}
