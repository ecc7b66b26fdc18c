//! A new statement's own rows on SQLite: one insert per target and segment, which costs
//! nothing on a local file.

use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

use crate::domain::statement::PreparedStatement;
use crate::store::rows::{kind_parts, spans};
use crate::store::sql::{statements, users, Conn};
use crate::store::StoreResult;

pub(super) async fn insert_statement(
    conn: &mut SqliteConnection,
    statement: &PreparedStatement,
    slug_base: &str,
    created_by: i64,
    at: DateTime<Utc>,
) -> StoreResult<i64> {
    let mut langs = vec![statement.source_lang.clone()];
    langs.extend(statement.target_langs.iter().cloned());
    users::require_languages(conn, &langs).await?;
    // The write lock is held from BEGIN IMMEDIATE, so no other writer can take the slug meanwhile.
    let slug = statements::free_slug_for(conn, slug_base).await?;
    let id = statements::insert_statement_row(conn, statement, &slug, created_by, at).await?;
    for (position, lang) in statement.target_langs.iter().enumerate() {
        conn.execute(
            "INSERT INTO statement_targets (statement_id, lang, position) VALUES ($1, $2, $3)",
            &[id.into(), lang.as_str().into(), (position as i64).into()],
        )
        .await?;
    }
    // The headline takes place 0, the paragraphs 1, 2, ...
    for (position, segment) in statement.all_segments().enumerate() {
        let (kind, level) = kind_parts(segment.kind);
        let sentences = spans(&segment.sentences);
        conn.execute(
            "INSERT INTO segments (statement_id, position, kind, level, source, sentences, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[
                id.into(),
                (position as i64).into(),
                kind.into(),
                level.into(),
                segment.source.as_str().into(),
                (&sentences).into(),
                at.into(),
            ],
        )
        .await?;
    }
    statements::insert_units(conn, id, at).await?;
    Ok(id)
}
