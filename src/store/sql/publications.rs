//! Writing a finished publication and reading publications back.

use super::{outbox, security, Conn};
use crate::store::error::is_unique_violation;
use crate::store::publications::{
    NewPublication, Publication, PublicationRow, PublicationSummary, INSERT_PUBLICATION_SQL,
    LATEST_PUBLICATIONS_SQL, PUBLICATION_LIST_SQL, PUBLICATION_SQL,
};
use crate::store::unit_sql::LANGUAGE_VERSIONS_SQL;
use crate::store::{StoreError, StoreResult};

/// Writes `publication` with its audit line and webhook events, if what it was assembled from
/// is still so; returns it as stored.
pub(crate) async fn insert(
    conn: &mut impl Conn,
    publication: &NewPublication,
) -> StoreResult<Publication> {
    let statement_id = publication.statement_id;
    let revision: Option<i64> = conn
        .scalar_optional(
            "SELECT revision FROM statements WHERE id = $1",
            &[statement_id.into()],
        )
        .await?;
    if revision != Some(publication.content.revision) {
        return Err(StoreError::RevisionConflict);
    }
    for (lang, versions) in &publication.read_versions {
        let now: i64 = conn
            .scalar(
                LANGUAGE_VERSIONS_SQL,
                &[statement_id.into(), lang.as_str().into()],
            )
            .await?;
        if now != *versions {
            return Err(StoreError::VersionConflict);
        }
    }
    let langs = to_json(&publication.content.langs)?;
    let content = to_json(&publication.content)?;
    conn.execute(
        INSERT_PUBLICATION_SQL,
        &[
            statement_id.into(),
            publication.number.into(),
            publication.content.revision.into(),
            langs.as_str().into(),
            content.as_str().into(),
            publication.sha256.as_str().into(),
            publication.author.into(),
            publication.at.into(),
        ],
    )
    .await
    .map_err(|e| match e {
        StoreError::Database(db) if is_unique_violation(&db) => StoreError::Conflict("publication"),
        other => other,
    })?;
    security::insert_audit(conn, &publication.audit).await?;
    let slug: String = conn
        .scalar(
            "SELECT slug FROM statements WHERE id = $1",
            &[statement_id.into()],
        )
        .await?;
    let stored = get(conn, &slug, publication.number).await?.ok_or_else(|| {
        StoreError::Corrupt(format!("publication {} vanished", publication.number))
    })?;
    outbox::publication_events(conn, &publication.events, &stored).await?;
    Ok(stored)
}

fn to_json(value: &impl serde::Serialize) -> StoreResult<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))
}

pub(crate) async fn get(
    conn: &mut impl Conn,
    slug: &str,
    number: i64,
) -> StoreResult<Option<Publication>> {
    let row: Option<PublicationRow> = conn
        .fetch_optional(PUBLICATION_SQL, &[slug.into(), number.into()])
        .await?;
    row.map(PublicationRow::into_publication).transpose()
}

/// The newest publication of each statement (or of the one with `slug`), newest first.
pub(crate) async fn latest(
    conn: &mut impl Conn,
    slug: Option<&str>,
    limit: i64,
) -> StoreResult<Vec<Publication>> {
    let rows: Vec<PublicationRow> = conn
        .fetch_all(LATEST_PUBLICATIONS_SQL, &[slug.into(), limit.into()])
        .await?;
    rows.into_iter()
        .map(PublicationRow::into_publication)
        .collect()
}

pub(crate) async fn list(
    conn: &mut impl Conn,
    statement_id: i64,
) -> StoreResult<Vec<PublicationSummary>> {
    let mut rows: Vec<PublicationSummary> = conn
        .fetch_all(PUBLICATION_LIST_SQL, &[statement_id.into()])
        .await?;
    for row in &mut rows {
        row.langs = serde_json::from_str(&row.langs_json)
            .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    }
    Ok(rows)
}
