//! Writing units: a decided change with what goes with it, comments, assignments.

use chrono::{DateTime, Utc};

use super::{memory, outbox, security, units, Conn};
use crate::domain::unit::{Comment, Reason};
use crate::domain::unit_change::UnitChange;
use crate::store::unit_sql::{INSERT_REVISION_SQL, UPDATE_UNIT_SQL};
use crate::store::units::{AssignmentChange, UnitRecord, UnitWrite};
use crate::store::{StoreError, StoreResult};

/// Writes `write` if the unit is still at its change's base version, with its revision and
/// whatever the workflow put with it (memory pairs, audit line, webhook events), and returns
/// the unit as it is then. `VersionConflict` when someone else got there first; the caller's
/// transaction then holds nothing of this write.
pub(crate) async fn apply(conn: &mut impl Conn, write: &UnitWrite) -> StoreResult<UnitRecord> {
    let change = &write.change;
    update_unit(conn, change).await?;
    insert_revision(conn, change).await?;
    memory::insert(conn, &write.memory).await?;
    if let Some(entry) = &write.audit {
        security::insert_audit(conn, entry).await?;
    }
    let unit = units::written_unit(conn, change.unit_id()).await?;
    outbox::unit_events(conn, &write.events, &unit, change.at()).await?;
    Ok(unit)
}

/// The reason's columns: its code, a reviewer's comment, the old and the new source.
fn reason_columns(
    reason: Option<&Reason>,
) -> (
    Option<&'static str>,
    Option<&str>,
    Option<&str>,
    Option<&str>,
) {
    match reason {
        None => (None, None, None, None),
        Some(Reason::Rejected { comment }) => (Some("rejected"), Some(comment), None, None),
        Some(Reason::SourceChanged {
            old_source,
            new_source,
        }) => (
            Some("source_changed"),
            None,
            Some(old_source),
            Some(new_source),
        ),
    }
}

async fn update_unit(conn: &mut impl Conn, change: &UnitChange) -> StoreResult<()> {
    let (reason, reason_comment, old_source, new_source) = reason_columns(change.reason());
    let updated = conn
        .execute(
            UPDATE_UNIT_SQL,
            &[
                change.to_state().as_str().into(),
                change.text().into(),
                change.text_author().into(),
                reason.into(),
                reason_comment.into(),
                old_source.into(),
                new_source.into(),
                change.approval().as_str().into(),
                change.author().into(),
                change.at().into(),
                change.version().into(),
                change.unit_id().into(),
                change.base_version().into(),
            ],
        )
        .await?;
    if updated == 0 {
        return Err(StoreError::VersionConflict);
    }
    Ok(())
}

async fn insert_revision(conn: &mut impl Conn, change: &UnitChange) -> StoreResult<()> {
    let note = change.note();
    conn.execute(
        INSERT_REVISION_SQL,
        &[
            change.unit_id().into(),
            change.version().into(),
            change.action().as_str().into(),
            change.author().into(),
            change.at().into(),
            change.from_state().as_str().into(),
            change.to_state().as_str().into(),
            change.text().into(),
            change.comment().into(),
            note.origin.kind.as_str().into(),
            note.origin.score.and_then(|s| i32::try_from(s).ok()).into(),
            note.via.map(|v| v.as_str()).into(),
            note.file.as_deref().into(),
            note.source_revision.into(),
        ],
    )
    .await?;
    Ok(())
}

pub(crate) async fn add_comment(
    conn: &mut impl Conn,
    unit_id: i64,
    author: i64,
    body: &str,
    at: DateTime<Utc>,
) -> StoreResult<Comment> {
    let id: i64 = conn
        .scalar(
            "INSERT INTO unit_comments (unit_id, author, created_at, body)
             VALUES ($1, $2, $3, $4) RETURNING id",
            &[unit_id.into(), author.into(), at.into(), body.into()],
        )
        .await?;
    let mut all = units::comments(conn, unit_id).await?;
    all.retain(|c| c.id == id);
    all.pop()
        .ok_or_else(|| StoreError::Corrupt(format!("comment {id} vanished")))
}

/// Sets a statement's `open_to_translators`; false when there is no such statement.
pub(crate) async fn set_open_to_translators(
    conn: &mut impl Conn,
    statement_id: i64,
    open: bool,
) -> StoreResult<bool> {
    let updated = conn
        .execute(
            "UPDATE statements SET open_to_translators = $1 WHERE id = $2",
            &[open.into(), statement_id.into()],
        )
        .await?;
    Ok(updated > 0)
}

/// Sets the assignment on the chosen units; returns how many units it touched.
pub(crate) async fn assign(conn: &mut impl Conn, change: &AssignmentChange) -> StoreResult<u64> {
    let sql = "UPDATE units SET
            translator_id = CASE WHEN $1 THEN $2 ELSE translator_id END,
            reviewer_id = CASE WHEN $3 THEN $4 ELSE reviewer_id END,
            due_at = CASE WHEN $5 THEN $6 ELSE due_at END
        WHERE lang = $7 AND segment_id IN
            (SELECT id FROM segments WHERE statement_id = $8 AND active AND ($9 OR id = $10))";
    let targets: Vec<Option<i64>> = match &change.segments {
        None => vec![None],
        Some(ids) => ids.iter().copied().map(Some).collect(),
    };
    let mut touched = 0;
    for segment in targets {
        touched += conn
            .execute(
                sql,
                &[
                    change.translator.is_some().into(),
                    change.translator.flatten().into(),
                    change.reviewer.is_some().into(),
                    change.reviewer.flatten().into(),
                    change.due_at.is_some().into(),
                    change.due_at.into(),
                    change.lang.as_str().into(),
                    change.statement_id.into(),
                    segment.is_none().into(),
                    segment.unwrap_or(0).into(),
                ],
            )
            .await?;
    }
    Ok(touched)
}
