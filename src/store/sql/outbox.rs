//! The webhook outbox: events written inside the transaction of what caused them, one delivery
//! per hook that hears them, and the trimming of each hook's log once a delivery finishes.

use chrono::{DateTime, Utc};

use super::Conn;
use crate::domain::webhook::{self, ApprovedUnit, EventType};
use crate::store::unit_sql::LANGUAGE_WAITING_SQL;
use crate::store::units::{Publication, UnitRecord};
use crate::store::webhooks::MATCHING_HOOKS_SQL;
use crate::store::StoreResult;

/// The hooks that want `event` about `statement_id`.
async fn hooks_for(
    conn: &mut impl Conn,
    statement_id: i64,
    event: EventType,
) -> StoreResult<Vec<i64>> {
    conn.scalars(
        MATCHING_HOOKS_SQL,
        &[
            statement_id.into(),
            webhook::event_pattern(event).as_str().into(),
        ],
    )
    .await
}

/// Writes one event and a delivery of it to each of `hooks`, due at once.
async fn enqueue(
    conn: &mut impl Conn,
    event: EventType,
    statement_id: i64,
    hooks: &[i64],
    data: serde_json::Value,
    at: DateTime<Utc>,
) -> StoreResult<()> {
    let message_id = webhook::new_message_id();
    let body = webhook::envelope(event, at, data);
    let event_id: i64 = conn
        .scalar(
            "INSERT INTO webhook_events (message_id, type, statement_id, body, created_at)
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
            &[
                message_id.as_str().into(),
                event.as_str().into(),
                statement_id.into(),
                body.as_str().into(),
                at.into(),
            ],
        )
        .await?;
    for hook in hooks {
        conn.execute(
            "INSERT INTO webhook_deliveries (webhook_id, event_id, next_attempt_at, created_at)
             VALUES ($1, $2, $3, $3)",
            &[(*hook).into(), event_id.into(), at.into()],
        )
        .await?;
    }
    Ok(())
}

async fn statement_slug(conn: &mut impl Conn, statement_id: i64) -> StoreResult<String> {
    conn.scalar(
        "SELECT slug FROM statements WHERE id = $1",
        &[statement_id.into()],
    )
    .await
}

/// The events a unit change raised, about the unit as it is after the change:
/// `unit.approved`, and `language.completed` only if no unit of its language is left waiting.
pub(crate) async fn unit_events(
    conn: &mut impl Conn,
    events: &[EventType],
    unit: &UnitRecord,
    at: DateTime<Utc>,
) -> StoreResult<()> {
    let statement_id = unit.statement_id;
    let view = &unit.view;
    let mut slug = None;
    for &event in events {
        let hooks = hooks_for(conn, statement_id, event).await?;
        if hooks.is_empty() {
            continue;
        }
        if slug.is_none() {
            slug = Some(statement_slug(conn, statement_id).await?);
        }
        let slug = slug.as_deref().unwrap_or_default();
        let data = match event {
            EventType::UnitApproved => Some(webhook::unit_approved_data(&ApprovedUnit {
                statement_id,
                slug,
                segment_id: view.segment_id,
                position: view.position,
                unit_id: view.unit_id,
                lang: view.lang.as_str(),
                version: view.version,
                text: &view.text,
            })),
            EventType::LanguageCompleted => {
                let (waiting, units): (i64, i64) = conn
                    .fetch_one(
                        LANGUAGE_WAITING_SQL,
                        &[statement_id.into(), view.lang.as_str().into()],
                    )
                    .await?;
                (waiting == 0).then(|| {
                    webhook::language_completed_data(statement_id, slug, view.lang.as_str(), units)
                })
            }
            EventType::StatementPublished => None,
        };
        if let Some(data) = data {
            enqueue(conn, event, statement_id, &hooks, data, at).await?;
        }
    }
    Ok(())
}

/// The events a publication raised (`statement.published`), about the stored publication.
pub(crate) async fn publication_events(
    conn: &mut impl Conn,
    events: &[EventType],
    publication: &Publication,
) -> StoreResult<()> {
    for &event in events {
        if event != EventType::StatementPublished {
            continue;
        }
        let hooks = hooks_for(conn, publication.statement_id, event).await?;
        if hooks.is_empty() {
            continue;
        }
        let data = webhook::statement_published_data(
            publication.statement_id,
            &publication.slug,
            publication.number,
            &publication.content,
            &publication.sha256,
        );
        let at = publication.created_at;
        enqueue(conn, event, publication.statement_id, &hooks, data, at).await?;
    }
    Ok(())
}

/// Keeps the newest `keep` finished deliveries of `hook` (delivered or failed; pending ones are
/// never touched) and drops the older ones with their attempts, then the events no hook has a
/// delivery of any more: without it the log grew with every approval for as long as the hook
/// lived.
pub(crate) async fn trim_log(conn: &mut impl Conn, hook: i64, keep: usize) -> StoreResult<()> {
    let mut events: Vec<i64> = conn
        .scalars(
            "DELETE FROM webhook_deliveries
             WHERE webhook_id = $1 AND state <> 'pending'
               AND id <= (SELECT id FROM webhook_deliveries
                          WHERE webhook_id = $1 AND state <> 'pending'
                          ORDER BY id DESC LIMIT 1 OFFSET $2)
             RETURNING event_id",
            &[hook.into(), i64::try_from(keep).unwrap_or(i64::MAX).into()],
        )
        .await?;
    events.sort_unstable();
    events.dedup();
    for event in events {
        conn.execute(
            "DELETE FROM webhook_events WHERE id = $1
               AND NOT EXISTS (SELECT 1 FROM webhook_deliveries WHERE event_id = $1)",
            &[event.into()],
        )
        .await?;
    }
    Ok(())
}
