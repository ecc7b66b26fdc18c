//! SQLite queries for statements, their segments and the units created with them.

use chrono::Utc;
use sqlx::SqliteConnection;

use crate::domain::statement::{PreparedStatement, StatementDetail, StatementSummary};
use crate::store::rows::{
    kind_parts, spans, statement_summaries, ProgressRow, SegmentRow, StatementRow, TargetRow,
};
use crate::store::{free_slug, StoreError, StoreResult};

use super::users::unknown_languages;

pub(super) async fn insert_statement(
    conn: &mut SqliteConnection,
    statement: &PreparedStatement,
    slug_base: &str,
    created_by: i64,
) -> StoreResult<i64> {
    let mut langs = vec![statement.source_lang.clone()];
    langs.extend(statement.target_langs.iter().cloned());
    if let Some(tag) = unknown_languages(conn, &langs).await?.into_iter().next() {
        return Err(StoreError::UnknownLanguage(tag));
    }
    // The write lock is held from BEGIN IMMEDIATE, so no other writer can take the slug meanwhile.
    let taken: Vec<String> =
        sqlx::query_scalar("SELECT slug FROM statements WHERE slug = ?1 OR slug LIKE ?1 || '-%'")
            .bind(slug_base)
            .fetch_all(&mut *conn)
            .await?;
    let slug = free_slug(slug_base, &taken);
    let now = Utc::now();
    let format = statement.format.to_string();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO statements (slug, title, source_lang, format, revision, created_by, created_at, updated_at,
             open_to_translators)
         VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?) RETURNING id",
    )
    .bind(&slug)
    .bind(&statement.title)
    .bind(statement.source_lang.as_str())
    .bind(&format)
    .bind(created_by)
    .bind(now)
    .bind(now)
    .bind(statement.open_to_translators)
    .fetch_one(&mut *conn)
    .await?;
    for (position, lang) in statement.target_langs.iter().enumerate() {
        sqlx::query(
            "INSERT INTO statement_targets (statement_id, lang, position) VALUES (?, ?, ?)",
        )
        .bind(id)
        .bind(lang.as_str())
        .bind(position as i64)
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query(
        "INSERT INTO statement_revisions (statement_id, revision, text, format, created_by, created_at)
         VALUES (?, 1, ?, ?, ?, ?)",
    )
    .bind(id)
    .bind(&statement.text)
    .bind(&format)
    .bind(created_by)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    for (index, segment) in statement.segments.iter().enumerate() {
        let (kind, level) = kind_parts(segment.kind);
        sqlx::query(
            "INSERT INTO segments (statement_id, position, kind, level, source, sentences, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(id)
        .bind(index as i64 + 1)
        .bind(kind)
        .bind(level)
        .bind(&segment.source)
        .bind(spans(&segment.sentences))
        .bind(now)
        .execute(&mut *conn)
        .await?;
    }
    sqlx::query(
        "INSERT INTO units (segment_id, lang, updated_at)
         SELECT g.id, t.lang, ? FROM segments g JOIN statement_targets t ON t.statement_id = g.statement_id
         WHERE g.statement_id = ?",
    )
    .bind(now)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// Summaries of every statement, newest first, or of the one with `id`.
pub(super) async fn summaries(
    conn: &mut SqliteConnection,
    id: Option<i64>,
) -> StoreResult<Vec<StatementSummary>> {
    let rows: Vec<StatementRow> = sqlx::query_as(
        "SELECT s.id, s.slug, s.title, s.source_lang, s.format, s.revision, u.username AS created_by,
                s.created_at, s.updated_at, s.open_to_translators,
                (SELECT COUNT(*) FROM segments g WHERE g.statement_id = s.id AND g.active = 1) AS segment_count
         FROM statements s JOIN users u ON u.id = s.created_by
         WHERE ?1 IS NULL OR s.id = ?1
         ORDER BY s.id DESC",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let targets: Vec<TargetRow> = sqlx::query_as(
        "SELECT statement_id, lang FROM statement_targets WHERE ?1 IS NULL OR statement_id = ?1
         ORDER BY statement_id, position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    // Two texts rather than `?1 IS NULL OR ...`: SQLite plans a statement once for every value,
    // so the OR made one statement's progress scan every segment in the database.
    let progress_sql = if id.is_some() {
        "SELECT g.statement_id, n.lang, n.state, COUNT(*) AS n
         FROM units n JOIN segments g ON g.id = n.segment_id
         WHERE g.active = 1 AND g.statement_id = ?1
         GROUP BY g.statement_id, n.lang, n.state"
    } else {
        "SELECT g.statement_id, n.lang, n.state, COUNT(*) AS n
         FROM units n JOIN segments g ON g.id = n.segment_id
         WHERE g.active = 1
         GROUP BY g.statement_id, n.lang, n.state"
    };
    let progress: Vec<ProgressRow> = sqlx::query_as(progress_sql)
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
    statement_summaries(rows, targets, progress)
}

pub(super) async fn statement_detail(
    conn: &mut SqliteConnection,
    id: i64,
) -> StoreResult<Option<StatementDetail>> {
    let Some(summary) = summaries(conn, Some(id)).await?.pop() else {
        return Ok(None);
    };
    let text: String = sqlx::query_scalar(
        "SELECT text FROM statement_revisions WHERE statement_id = ? AND revision = ?",
    )
    .bind(id)
    .bind(summary.revision)
    .fetch_one(&mut *conn)
    .await?;
    let segments = sqlx::query_as::<_, SegmentRow>(
        "SELECT id, position, kind, level, source, sentences FROM segments
         WHERE statement_id = ? AND active = 1 ORDER BY position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(SegmentRow::into_segment)
    .collect::<Result<Vec<_>, _>>()?;
    Ok(Some(StatementDetail {
        summary,
        text,
        segments,
    }))
}

/// Nothing to do: a SQLite write transaction already holds the database's write lock.
pub(super) async fn lock_statement(_conn: &mut SqliteConnection, _id: i64) -> StoreResult<()> {
    Ok(())
}
