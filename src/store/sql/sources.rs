//! Writing a planned change of a statement's source: the new revision, the segments kept,
//! edited, inserted and retired, and the unit changes the workflow decided for them.

use super::{unit_writes, Conn};
use crate::domain::segmenting::SegmentDraft;
use crate::domain::source_change::SegmentPlan;
use crate::store::rows::{kind_parts, spans};
use crate::store::units::SourceChange;
use crate::store::{StoreError, StoreResult};

/// Writes `change` if the statement is still at its base revision (`RevisionConflict`
/// otherwise) and no unit it was planned from moved (`VersionConflict`). Either leaves
/// everything as it was once the caller drops the transaction.
pub(crate) async fn replace_source(conn: &mut impl Conn, change: &SourceChange) -> StoreResult<()> {
    let bumped = conn
        .execute(
            "UPDATE statements SET revision = $1, updated_at = $2, format = $3
             WHERE id = $4 AND revision = $5",
            &[
                change.revision.into(),
                change.at.into(),
                change.format.as_str().into(),
                change.statement_id.into(),
                change.base_revision.into(),
            ],
        )
        .await?;
    if bumped == 0 {
        return Err(StoreError::RevisionConflict);
    }
    conn.execute(
        "INSERT INTO statement_revisions (statement_id, revision, text, format, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[
            change.statement_id.into(),
            change.revision.into(),
            change.text.as_str().into(),
            change.format.as_str().into(),
            change.author.into(),
            change.at.into(),
        ],
    )
    .await?;
    write_segments(conn, change).await?;
    for (unit_id, version) in &change.untouched {
        let now: Option<i64> = conn
            .scalar_optional(
                "SELECT version FROM units WHERE id = $1",
                &[(*unit_id).into()],
            )
            .await?;
        if now != Some(*version) {
            return Err(StoreError::VersionConflict);
        }
    }
    for write in &change.units {
        unit_writes::apply(conn, write).await?;
    }
    Ok(())
}

/// The segments in the plan's order: kept and edited ones take their new place and text,
/// inserted ones come with their units, the others are retired.
async fn write_segments(conn: &mut impl Conn, change: &SourceChange) -> StoreResult<()> {
    // Park the positions first so the unique (statement, position) index never sees two active
    // segments on one place while they are being moved.
    conn.execute(
        "UPDATE segments SET position = -position WHERE statement_id = $1 AND active",
        &[change.statement_id.into()],
    )
    .await?;
    for removed in &change.plan.removed {
        conn.execute(
            "UPDATE segments SET active = FALSE WHERE id = $1 AND statement_id = $2",
            &[(*removed).into(), change.statement_id.into()],
        )
        .await?;
    }
    for (index, plan) in change.plan.segments.iter().enumerate() {
        let position = index as i64 + 1;
        match plan {
            SegmentPlan::Keep { segment_id, draft }
            | SegmentPlan::Edit {
                segment_id, draft, ..
            } => {
                update_segment(conn, *segment_id, position, draft).await?;
            }
            SegmentPlan::Insert { draft } => {
                insert_segment(conn, change, position, draft).await?;
            }
        }
    }
    Ok(())
}

async fn update_segment(
    conn: &mut impl Conn,
    segment_id: i64,
    position: i64,
    draft: &SegmentDraft,
) -> StoreResult<()> {
    let (kind, level) = kind_parts(draft.kind);
    let sentences = spans(&draft.sentences);
    conn.execute(
        "UPDATE segments SET position = $1, kind = $2, level = $3, source = $4, sentences = $5
         WHERE id = $6",
        &[
            position.into(),
            kind.into(),
            level.into(),
            draft.source.as_str().into(),
            (&sentences).into(),
            segment_id.into(),
        ],
    )
    .await?;
    Ok(())
}

/// A new segment with an untranslated unit for each of the statement's target languages.
async fn insert_segment(
    conn: &mut impl Conn,
    change: &SourceChange,
    position: i64,
    draft: &SegmentDraft,
) -> StoreResult<()> {
    let (kind, level) = kind_parts(draft.kind);
    let sentences = spans(&draft.sentences);
    let id: i64 = conn
        .scalar(
            "INSERT INTO segments (statement_id, position, kind, level, source, sentences, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
            &[
                change.statement_id.into(),
                position.into(),
                kind.into(),
                level.into(),
                draft.source.as_str().into(),
                (&sentences).into(),
                change.at.into(),
            ],
        )
        .await?;
    conn.execute(
        "INSERT INTO units (segment_id, lang, updated_at)
         SELECT $1, lang, $2 FROM statement_targets WHERE statement_id = $3",
        &[id.into(), change.at.into(), change.statement_id.into()],
    )
    .await?;
    Ok(())
}
