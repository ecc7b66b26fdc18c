//! Statements: their summaries and details, and what a new statement writes besides its own
//! rows (its first revision, its units, and the changes the workflow starts some of them with).

use chrono::{DateTime, Utc};

use super::{unit_writes, units, Conn};
use crate::domain::blocks::BlockKind;
use crate::domain::statement::{PreparedStatement, StatementDetail, StatementSummary};
use crate::store::rows::{statement_summaries, ProgressRow, SegmentRow, StatementRow, TargetRow};
use crate::store::units::{FirstChanges, UnitRecord};
use crate::store::{free_slug, StatementOutlook, StoreError, StoreResult};

/// Summaries of every statement, newest first, or of the one with `id`.
pub(crate) async fn summaries(
    conn: &mut impl Conn,
    id: Option<i64>,
) -> StoreResult<Vec<StatementSummary>> {
    let rows: Vec<StatementRow> = conn
        .fetch_all(
            "SELECT s.id, s.slug, s.title, s.source_lang, s.format, s.revision,
                u.username AS created_by, s.created_at, s.updated_at, s.open_to_translators,
                (SELECT COUNT(*) FROM segments g
                 WHERE g.statement_id = s.id AND g.active AND g.kind <> 'headline')
                    AS segment_count
             FROM statements s JOIN users u ON u.id = s.created_by
             WHERE $1 IS NULL OR s.id = $1
             ORDER BY s.id DESC",
            &[id.into()],
        )
        .await?;
    let targets: Vec<TargetRow> = conn
        .fetch_all(
            "SELECT statement_id, lang FROM statement_targets
             WHERE $1 IS NULL OR statement_id = $1
             ORDER BY statement_id, position",
            &[id.into()],
        )
        .await?;
    // Two texts rather than `$1 IS NULL OR ...`: SQLite plans a statement once for every value,
    // so the OR made one statement's progress scan every segment in the database.
    let progress: Vec<ProgressRow> = match id {
        Some(id) => {
            conn.fetch_all(
                "SELECT g.statement_id, n.lang, n.state, COUNT(*) AS n
                 FROM units n JOIN segments g ON g.id = n.segment_id
                 WHERE g.active AND g.statement_id = $1
                 GROUP BY g.statement_id, n.lang, n.state",
                &[id.into()],
            )
            .await?
        }
        None => {
            conn.fetch_all(
                "SELECT g.statement_id, n.lang, n.state, COUNT(*) AS n
                 FROM units n JOIN segments g ON g.id = n.segment_id
                 WHERE g.active
                 GROUP BY g.statement_id, n.lang, n.state",
                &[],
            )
            .await?
        }
    };
    statement_summaries(rows, targets, progress)
}

#[derive(sqlx::FromRow)]
struct DueRow {
    statement_id: i64,
    lang: String,
    due_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct TitleRow {
    statement_id: i64,
    lang: String,
    title: String,
}

#[derive(sqlx::FromRow)]
struct LatestRow {
    statement_id: i64,
    number: i64,
    created_at: DateTime<Utc>,
}

/// Due dates, approved headlines and latest publications of every statement, for the desk's list.
pub(crate) async fn outlook(conn: &mut impl Conn) -> StoreResult<StatementOutlook> {
    let due: Vec<DueRow> = conn
        .fetch_all(
            "SELECT g.statement_id, n.lang, MIN(n.due_at) AS due_at
             FROM units n JOIN segments g ON g.id = n.segment_id
             WHERE g.active AND n.due_at IS NOT NULL AND n.state <> 'approved'
             GROUP BY g.statement_id, n.lang",
            &[],
        )
        .await?;
    let titles: Vec<TitleRow> = conn
        .fetch_all(
            "SELECT g.statement_id, n.lang,
                CASE WHEN n.state = 'approved' THEN n.text ELSE n.approved_text END AS title
             FROM units n JOIN segments g ON g.id = n.segment_id
             WHERE g.active AND g.kind = 'headline'
               AND (n.state = 'approved' OR n.approved_text IS NOT NULL)",
            &[],
        )
        .await?;
    let latest: Vec<LatestRow> = conn
        .fetch_all(
            "SELECT p.statement_id, p.number, p.created_at FROM publications p
             WHERE p.number = (SELECT MAX(q.number) FROM publications q
                               WHERE q.statement_id = p.statement_id)",
            &[],
        )
        .await?;
    Ok(StatementOutlook {
        due: due
            .into_iter()
            .map(|r| ((r.statement_id, r.lang), r.due_at))
            .collect(),
        titles: titles
            .into_iter()
            .map(|r| ((r.statement_id, r.lang), r.title))
            .collect(),
        published: latest
            .into_iter()
            .map(|r| (r.statement_id, (r.number, r.created_at)))
            .collect(),
    })
}

pub(crate) async fn statement_detail(
    conn: &mut impl Conn,
    id: i64,
) -> StoreResult<Option<StatementDetail>> {
    let Some(summary) = summaries(conn, Some(id)).await?.pop() else {
        return Ok(None);
    };
    let text: String = conn
        .scalar(
            "SELECT text FROM statement_revisions WHERE statement_id = $1 AND revision = $2",
            &[id.into(), summary.revision.into()],
        )
        .await?;
    let rows: Vec<SegmentRow> = conn
        .fetch_all(
            "SELECT id, position, kind, level, source, sentences FROM segments
             WHERE statement_id = $1 AND active ORDER BY position",
            &[id.into()],
        )
        .await?;
    let mut headline = None;
    let mut segments = Vec::with_capacity(rows.len());
    for row in rows {
        let segment = row.into_segment()?;
        if segment.kind == BlockKind::Headline.as_str() {
            headline = Some(segment);
        } else {
            segments.push(segment);
        }
    }
    Ok(Some(StatementDetail {
        summary,
        text,
        headline,
        segments,
    }))
}

/// A statement that was just written in the same transaction.
pub(crate) async fn written_statement(
    conn: &mut impl Conn,
    id: i64,
) -> StoreResult<StatementDetail> {
    statement_detail(conn, id).await?.ok_or_else(|| {
        StoreError::Corrupt(format!("statement {id} vanished inside its transaction"))
    })
}

/// The first free slug from `base` (`base`, `base-2`, ...) among the statements stored.
pub(crate) async fn free_slug_for(conn: &mut impl Conn, base: &str) -> StoreResult<String> {
    let taken: Vec<String> = conn
        .scalars(
            "SELECT slug FROM statements WHERE slug = $1 OR slug LIKE $1 || '-%'",
            &[base.into()],
        )
        .await?;
    Ok(free_slug(base, &taken))
}

/// The statement's row with `slug`, and its first revision; returns its id.
pub(crate) async fn insert_statement_row(
    conn: &mut impl Conn,
    statement: &PreparedStatement,
    slug: &str,
    created_by: i64,
    at: DateTime<Utc>,
) -> StoreResult<i64> {
    let format = statement.format.to_string();
    let id: i64 = conn
        .scalar(
            "INSERT INTO statements (slug, title, source_lang, format, revision, created_by,
                 created_at, updated_at, open_to_translators)
             VALUES ($1, $2, $3, $4, 1, $5, $6, $6, $7) RETURNING id",
            &[
                slug.into(),
                statement.title.as_str().into(),
                statement.source_lang.as_str().into(),
                format.as_str().into(),
                created_by.into(),
                at.into(),
                statement.open_to_translators.into(),
            ],
        )
        .await?;
    conn.execute(
        "INSERT INTO statement_revisions (statement_id, revision, text, format, created_by, created_at)
         VALUES ($1, 1, $2, $3, $4, $5)",
        &[
            id.into(),
            statement.text.as_str().into(),
            format.as_str().into(),
            created_by.into(),
            at.into(),
        ],
    )
    .await?;
    Ok(id)
}

/// One untranslated unit per segment and target language of statement `id`.
pub(crate) async fn insert_units(
    conn: &mut impl Conn,
    id: i64,
    at: DateTime<Utc>,
) -> StoreResult<()> {
    conn.execute(
        "INSERT INTO units (segment_id, lang, updated_at)
         SELECT g.id, t.lang, $1 FROM segments g
         JOIN statement_targets t ON t.statement_id = g.statement_id
         WHERE g.statement_id = $2",
        &[at.into(), id.into()],
    )
    .await?;
    Ok(())
}

/// Writes the changes `first` starts the new statement `id`'s units with.
pub(crate) async fn write_first_changes(
    conn: &mut impl Conn,
    id: i64,
    first: &dyn FirstChanges,
) -> StoreResult<()> {
    let statement = written_statement(conn, id).await?;
    let mut created: Vec<UnitRecord> = Vec::new();
    for lang in &statement.summary.target_langs {
        created.extend(units::unit_records(conn, id, lang).await?);
    }
    let writes = first
        .first_changes(&statement, &created)
        .map_err(|refused| {
            StoreError::Corrupt(format!(
                "a new unit is {} and refuses {}",
                refused.from.as_str(),
                refused.action.as_str()
            ))
        })?;
    for write in &writes {
        unit_writes::apply(conn, write).await?;
    }
    Ok(())
}
