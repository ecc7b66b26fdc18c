//! PostgreSQL queries for statements, their segments and the units created with them.

use chrono::Utc;
use sqlx::PgConnection;

use crate::domain::statement::{PreparedStatement, StatementDetail, StatementSummary};
use crate::store::error::is_unique_violation;
use crate::store::rows::{
    kind_parts, spans, statement_summaries, ProgressRow, SegmentRow, StatementRow, TargetRow,
};
use crate::store::{free_slug, StoreError, StoreResult};

use super::users::unknown_languages;

pub(super) async fn insert_statement(
    conn: &mut PgConnection,
    statement: &PreparedStatement,
    slug_base: &str,
    created_by: i64,
) -> StoreResult<i64> {
    let mut langs = vec![statement.source_lang.clone()];
    langs.extend(statement.target_langs.iter().cloned());
    if let Some(tag) = unknown_languages(conn, &langs).await?.into_iter().next() {
        return Err(StoreError::UnknownLanguage(tag));
    }
    // Statements with the same slug base take turns (until commit), so instances choosing a
    // suffix at the same moment do not pick the same one.
    sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended('tandem.slug:' || $1, 0))")
        .bind(slug_base)
        .execute(&mut *conn)
        .await?;
    let taken: Vec<String> =
        sqlx::query_scalar("SELECT slug FROM statements WHERE slug = $1 OR slug LIKE $1 || '-%'")
            .bind(slug_base)
            .fetch_all(&mut *conn)
            .await?;
    let slug = free_slug(slug_base, &taken);
    let now = Utc::now();
    let format = statement.format.to_string();
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO statements (slug, title, source_lang, format, revision, created_by, created_at, updated_at,
             open_to_translators)
         VALUES ($1, $2, $3, $4, 1, $5, $6, $6, $7) RETURNING id",
    )
    .bind(&slug)
    .bind(&statement.title)
    .bind(statement.source_lang.as_str())
    .bind(&format)
    .bind(created_by)
    .bind(now)
    .bind(statement.open_to_translators)
    .fetch_one(&mut *conn)
    .await
    .map_err(|e| if is_unique_violation(&e) { StoreError::Conflict("slug") } else { e.into() })?;
    let targets: Vec<&str> = statement.target_langs.iter().map(|l| l.as_str()).collect();
    sqlx::query(
        "INSERT INTO statement_targets (statement_id, lang, position)
         SELECT $1, lang, pos - 1 FROM UNNEST($2::TEXT[]) WITH ORDINALITY AS t(lang, pos)",
    )
    .bind(id)
    .bind(&targets)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO statement_revisions (statement_id, revision, text, format, created_by, created_at)
         VALUES ($1, 1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(&statement.text)
    .bind(&format)
    .bind(created_by)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    // One round trip for all segments: a long statement would otherwise cost thousands.
    let mut kinds = Vec::with_capacity(statement.segments.len());
    let mut levels = Vec::with_capacity(statement.segments.len());
    let mut sources = Vec::with_capacity(statement.segments.len());
    let mut sentences = Vec::with_capacity(statement.segments.len());
    for segment in &statement.segments {
        let (kind, level) = kind_parts(segment.kind);
        kinds.push(kind);
        levels.push(level);
        sources.push(segment.source.as_str());
        sentences.push(
            serde_json::to_string(&spans(&segment.sentences).0)
                .map_err(|e| StoreError::Corrupt(e.to_string()))?,
        );
    }
    sqlx::query(
        "INSERT INTO segments (statement_id, position, kind, level, source, sentences, created_at)
         SELECT $1, pos, kind, level, source, sentences::JSONB, $6
         FROM UNNEST($2::TEXT[], $3::BIGINT[], $4::TEXT[], $5::TEXT[]) WITH ORDINALITY AS s(kind, level, source, sentences, pos)",
    )
    .bind(id)
    .bind(&kinds)
    .bind(&levels)
    .bind(&sources)
    .bind(&sentences)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO units (segment_id, lang, updated_at)
         SELECT g.id, t.lang, $2 FROM segments g JOIN statement_targets t ON t.statement_id = g.statement_id
         WHERE g.statement_id = $1",
    )
    .bind(id)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(id)
}

/// Summaries of every statement, newest first, or of the one with `id`.
pub(super) async fn summaries(
    conn: &mut PgConnection,
    id: Option<i64>,
) -> StoreResult<Vec<StatementSummary>> {
    let rows: Vec<StatementRow> = sqlx::query_as(
        "SELECT s.id, s.slug, s.title, s.source_lang, s.format, s.revision, u.username AS created_by,
                s.created_at, s.updated_at, s.open_to_translators,
                (SELECT COUNT(*) FROM segments g WHERE g.statement_id = s.id AND g.active) AS segment_count
         FROM statements s JOIN users u ON u.id = s.created_by
         WHERE $1::BIGINT IS NULL OR s.id = $1
         ORDER BY s.id DESC",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let targets: Vec<TargetRow> = sqlx::query_as(
        "SELECT statement_id, lang FROM statement_targets WHERE $1::BIGINT IS NULL OR statement_id = $1
         ORDER BY statement_id, position",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let progress: Vec<ProgressRow> = sqlx::query_as(
        "SELECT g.statement_id, n.lang, n.state, COUNT(*) AS n
         FROM units n JOIN segments g ON g.id = n.segment_id
         WHERE g.active AND ($1::BIGINT IS NULL OR g.statement_id = $1)
         GROUP BY g.statement_id, n.lang, n.state",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    statement_summaries(rows, targets, progress)
}

pub(super) async fn statement_detail(
    conn: &mut PgConnection,
    id: i64,
) -> StoreResult<Option<StatementDetail>> {
    let Some(summary) = summaries(conn, Some(id)).await?.pop() else {
        return Ok(None);
    };
    let text: String = sqlx::query_scalar(
        "SELECT text FROM statement_revisions WHERE statement_id = $1 AND revision = $2",
    )
    .bind(id)
    .bind(summary.revision)
    .fetch_one(&mut *conn)
    .await?;
    let segments = sqlx::query_as::<_, SegmentRow>(
        "SELECT id, position, kind, level, source, sentences FROM segments
         WHERE statement_id = $1 AND active ORDER BY position",
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

/// Holds the statement's row until commit, so writers that number things per statement
/// (publications) take turns.
pub(super) async fn lock_statement(conn: &mut PgConnection, id: i64) -> StoreResult<()> {
    sqlx::query("SELECT id FROM statements WHERE id = $1 FOR UPDATE")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
