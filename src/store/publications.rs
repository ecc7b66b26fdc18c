//! Publications as the store keeps them: the finished publication the workflow hands over to
//! write, the stored one read back, and their SQL (the same on both databases).

use chrono::{DateTime, Utc};

use crate::domain::audit::NewAuditEntry;
use crate::domain::language::LanguageTag;
use crate::domain::publication::PublicationContent;
use crate::domain::webhook::EventType;

use super::StoreError;

/// A publication decided by the workflow, to be written as it is.
#[derive(Debug, Clone)]
pub struct NewPublication {
    pub statement_id: i64,
    /// The number the workflow gave it; another publication that took this number meanwhile
    /// makes the write a `Conflict("publication")` (the database keeps numbers unique).
    pub number: i64,
    pub content: PublicationContent,
    pub sha256: String,
    pub author: i64,
    pub at: DateTime<Utc>,
    pub audit: NewAuditEntry,
    /// Webhook events the publication raises.
    pub events: Vec<EventType>,
    /// What the content was assembled from: for each language, the sum of its units' versions
    /// as they were read (see `LANGUAGE_VERSIONS_SQL`). If a unit moved since, or the statement
    /// left `content.revision`, nothing is written (`VersionConflict`, `RevisionConflict`).
    pub read_versions: Vec<(LanguageTag, i64)>,
}

/// A stored publication with its content.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Publication {
    pub statement_id: i64,
    pub slug: String,
    pub number: i64,
    /// SHA-256 of the published words (see `content_hash`).
    pub sha256: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    #[serde(flatten)]
    pub content: PublicationContent,
}

/// A publication in a list, without its content.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema, sqlx::FromRow)]
pub struct PublicationSummary {
    pub number: i64,
    pub revision: i64,
    /// JSON array of language tags.
    #[serde(skip)]
    pub langs_json: String,
    #[sqlx(skip)]
    pub langs: Vec<String>,
    pub sha256: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct PublicationRow {
    pub statement_id: i64,
    pub slug: String,
    pub number: i64,
    pub sha256: String,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub content: String,
}

impl PublicationRow {
    pub fn into_publication(self) -> Result<Publication, StoreError> {
        let content = serde_json::from_str(&self.content).map_err(|e| {
            StoreError::Corrupt(format!(
                "publication {} of statement {}: {e}",
                self.number, self.statement_id
            ))
        })?;
        Ok(Publication {
            statement_id: self.statement_id,
            slug: self.slug,
            number: self.number,
            sha256: self.sha256,
            created_by: self.created_by,
            created_at: self.created_at,
            content,
        })
    }
}

pub(crate) const INSERT_PUBLICATION_SQL: &str = "INSERT INTO publications
    (statement_id, number, revision, langs, content, sha256, created_by, created_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

/// The publication of the statement with slug `$1` numbered `$2`.
pub(crate) const PUBLICATION_SQL: &str = "SELECT p.statement_id, s.slug, p.number, p.sha256,
        u.username AS created_by, p.created_at, p.content
    FROM publications p JOIN statements s ON s.id = p.statement_id
    JOIN users u ON u.id = p.created_by
    WHERE s.slug = $1 AND p.number = $2";

/// The newest publication of each statement, or of the one with slug `$1`, newest first, at
/// most `$2`.
pub(crate) const LATEST_PUBLICATIONS_SQL: &str = "SELECT p.statement_id, s.slug, p.number, p.sha256,
        u.username AS created_by, p.created_at, p.content
    FROM publications p JOIN statements s ON s.id = p.statement_id
    JOIN users u ON u.id = p.created_by
    WHERE p.number = (SELECT MAX(q.number) FROM publications q WHERE q.statement_id = p.statement_id)
      AND ($1 IS NULL OR s.slug = $1)
    ORDER BY p.created_at DESC, p.id DESC LIMIT $2";

/// The publications of statement `$1`, first to last, without their content.
pub(crate) const PUBLICATION_LIST_SQL: &str = "SELECT p.number, p.revision, p.langs AS langs_json,
        p.sha256, u.username AS created_by, p.created_at
    FROM publications p JOIN users u ON u.id = p.created_by
    WHERE p.statement_id = $1 ORDER BY p.number";
