//! A new statement's own rows on PostgreSQL: instances choosing a slug take turns, and the
//! targets and segments go in one round trip each (a long statement would otherwise cost
//! thousands).

use chrono::{DateTime, Utc};
use sqlx::PgConnection;

use crate::domain::statement::PreparedStatement;
use crate::store::error::is_unique_violation;
use crate::store::rows::{kind_parts, spans};
use crate::store::sql::{statements, users};
use crate::store::{StoreError, StoreResult};

pub(super) async fn insert_statement(
    conn: &mut PgConnection,
    statement: &PreparedStatement,
    slug_base: &str,
    created_by: i64,
    at: DateTime<Utc>,
) -> StoreResult<i64> {
    let mut langs = vec![statement.source_lang.clone()];
    langs.extend(statement.target_langs.iter().cloned());
    users::require_languages(conn, &langs).await?;
    // Statements with the same slug base take turns (until commit), so instances choosing a
    // suffix at the same moment do not pick the same one.
    sqlx::query("SELECT pg_advisory_xact_lock(hashtextextended('tandem.slug:' || $1, 0))")
        .bind(slug_base)
        .execute(&mut *conn)
        .await?;
    let slug = statements::free_slug_for(conn, slug_base).await?;
    let id = statements::insert_statement_row(conn, statement, &slug, created_by, at)
        .await
        .map_err(|e| match e {
            StoreError::Database(db) if is_unique_violation(&db) => StoreError::Conflict("slug"),
            other => other,
        })?;
    let targets: Vec<&str> = statement.target_langs.iter().map(|l| l.as_str()).collect();
    sqlx::query(
        "INSERT INTO statement_targets (statement_id, lang, position)
         SELECT $1, lang, pos - 1 FROM UNNEST($2::TEXT[]) WITH ORDINALITY AS t(lang, pos)",
    )
    .bind(id)
    .bind(&targets)
    .execute(&mut *conn)
    .await?;
    insert_segments(conn, statement, id, at).await?;
    statements::insert_units(conn, id, at).await?;
    Ok(id)
}

/// The headline at place 0, the paragraphs at 1, 2, ...
async fn insert_segments(
    conn: &mut PgConnection,
    statement: &PreparedStatement,
    id: i64,
    at: DateTime<Utc>,
) -> StoreResult<()> {
    let mut kinds = Vec::with_capacity(statement.segments.len());
    let mut levels = Vec::with_capacity(statement.segments.len());
    let mut sources = Vec::with_capacity(statement.segments.len());
    let mut sentences = Vec::with_capacity(statement.segments.len());
    for segment in statement.all_segments() {
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
         SELECT $1, pos - 1, kind, level, source, sentences::JSONB, $6
         FROM UNNEST($2::TEXT[], $3::BIGINT[], $4::TEXT[], $5::TEXT[])
             WITH ORDINALITY AS s(kind, level, source, sentences, pos)",
    )
    .bind(id)
    .bind(&kinds)
    .bind(&levels)
    .bind(&sources)
    .bind(&sentences)
    .bind(at)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
