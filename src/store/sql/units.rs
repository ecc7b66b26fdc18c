//! Reading units: one unit, a statement's units in one language, their history, their
//! discussion, and the units waiting for someone.

use chrono::{DateTime, Utc};

use super::Conn;
use crate::domain::language::LanguageTag;
use crate::domain::queue::QueueUnit;
use crate::domain::unit::{Comment, Revision};
use crate::store::unit_rows::{with_assignment_flags, QueueRow, RevisionRow, UnitRow};
use crate::store::unit_sql::{
    ASSIGNMENT_FLAGS_SQL, COMMENTS_SQL, QUEUE_SQL, REVISIONS_SQL, SEGMENT_CONTEXT_SQL,
    STATEMENT_COMMENTS_SQL, UNIT_BY_ID_SQL, UNIT_LIST_SQL, UNIT_SQL,
};
use crate::store::units::{SegmentContext, UnitRecord};
use crate::store::{StoreError, StoreResult};

/// The unit of an active segment of a statement in one language.
pub(crate) async fn unit(
    conn: &mut impl Conn,
    statement_id: i64,
    segment_id: i64,
    lang: &LanguageTag,
) -> StoreResult<Option<UnitRecord>> {
    let params = [statement_id.into(), segment_id.into(), lang.as_str().into()];
    let row: Option<UnitRow> = conn.fetch_optional(&UNIT_SQL, &params).await?;
    row.map(UnitRow::into_record).transpose()
}

/// A unit by its id, whether or not its segment is still active.
pub(crate) async fn unit_by_id(
    conn: &mut impl Conn,
    unit_id: i64,
) -> StoreResult<Option<UnitRecord>> {
    let row: Option<UnitRow> = conn
        .fetch_optional(&UNIT_BY_ID_SQL, &[unit_id.into()])
        .await?;
    row.map(UnitRow::into_record).transpose()
}

/// A unit that was just written in the same transaction.
pub(crate) async fn written_unit(conn: &mut impl Conn, unit_id: i64) -> StoreResult<UnitRecord> {
    unit_by_id(conn, unit_id).await?.ok_or_else(|| {
        StoreError::Corrupt(format!("unit {unit_id} vanished inside its transaction"))
    })
}

/// An active segment of a statement with its active neighbours, in one indexed query.
pub(crate) async fn segment_context(
    conn: &mut impl Conn,
    statement_id: i64,
    segment_id: i64,
) -> StoreResult<Option<SegmentContext>> {
    let row: Option<(String, Option<String>, String, Option<String>)> = conn
        .fetch_optional(
            SEGMENT_CONTEXT_SQL,
            &[segment_id.into(), statement_id.into()],
        )
        .await?;
    Ok(row.map(|(source_lang, prev, source, next)| SegmentContext {
        source_lang,
        prev,
        source,
        next,
    }))
}

/// Every unit of a statement in one language, in segment order, with what the policy needs.
pub(crate) async fn unit_records(
    conn: &mut impl Conn,
    statement_id: i64,
    lang: &LanguageTag,
) -> StoreResult<Vec<UnitRecord>> {
    let rows: Vec<UnitRow> = conn
        .fetch_all(&UNIT_LIST_SQL, &[statement_id.into(), lang.as_str().into()])
        .await?;
    let records = rows
        .into_iter()
        .map(UnitRow::into_record)
        .collect::<StoreResult<Vec<_>>>()?;
    Ok(with_assignment_flags(records))
}

pub(crate) async fn history(conn: &mut impl Conn, unit_id: i64) -> StoreResult<Vec<Revision>> {
    let rows: Vec<RevisionRow> = conn.fetch_all(REVISIONS_SQL, &[unit_id.into()]).await?;
    rows.into_iter().map(RevisionRow::into_revision).collect()
}

pub(crate) async fn comments(conn: &mut impl Conn, unit_id: i64) -> StoreResult<Vec<Comment>> {
    let rows: Vec<(i64, String, DateTime<Utc>, String)> =
        conn.fetch_all(COMMENTS_SQL, &[unit_id.into()]).await?;
    Ok(rows
        .into_iter()
        .map(|(id, author, created_at, body)| Comment {
            id,
            author,
            created_at,
            body,
        })
        .collect())
}

/// The discussion of every unit of a statement in one language, by unit id, oldest first.
pub(crate) async fn statement_comments(
    conn: &mut impl Conn,
    statement_id: i64,
    lang: &LanguageTag,
) -> StoreResult<Vec<(i64, Comment)>> {
    let rows: Vec<(i64, i64, String, DateTime<Utc>, String)> = conn
        .fetch_all(
            STATEMENT_COMMENTS_SQL,
            &[statement_id.into(), lang.as_str().into()],
        )
        .await?;
    Ok(rows
        .into_iter()
        .map(|(unit_id, id, author, created_at, body)| {
            let comment = Comment {
                id,
                author,
                created_at,
                body,
            };
            (unit_id, comment)
        })
        .collect())
}

/// Units not yet approved that may concern `user_id`: in a language they hold a role for,
/// assigned to them, or translated by them.
pub(crate) async fn queue_units(conn: &mut impl Conn, user_id: i64) -> StoreResult<Vec<QueueUnit>> {
    let mut rows: Vec<QueueRow> = conn.fetch_all(QUEUE_SQL, &[user_id.into()]).await?;
    // Rows come grouped by statement and language, so each pair is asked about once.
    for group in rows.chunk_by_mut(|a, b| a.statement_id == b.statement_id && a.lang == b.lang) {
        let params = [group[0].statement_id.into(), group[0].lang.as_str().into()];
        let (reviewers, open): (bool, bool) =
            conn.fetch_one(&ASSIGNMENT_FLAGS_SQL, &params).await?;
        for row in group {
            row.reviewers_assigned = reviewers;
            row.open_to_translators = open;
        }
    }
    rows.into_iter().map(QueueRow::into_unit).collect()
}
