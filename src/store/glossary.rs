//! Glossary rows and the SQL both databases share.

use chrono::{DateTime, Utc};

use crate::domain::glossary::{Term, TermStatus};
use crate::store::StoreError;

/// A term to add; one with the same languages, term and translation is updated instead.
#[derive(Debug, Clone)]
pub struct NewTerm {
    pub src_lang: String,
    pub tgt_lang: String,
    pub term: String,
    pub translation: String,
    pub status: TermStatus,
    pub note: String,
    pub created_by: Option<i64>,
    pub created_at: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct TermRow {
    pub id: i64,
    pub src_lang: String,
    pub tgt_lang: String,
    pub term: String,
    pub translation: String,
    pub status: String,
    pub note: String,
}

impl TermRow {
    pub(crate) fn into_term(self) -> Result<Term, StoreError> {
        let status = TermStatus::parse(&self.status)
            .ok_or_else(|| StoreError::Corrupt(format!("term status {:?}", self.status)))?;
        Ok(Term {
            id: self.id,
            src_lang: self.src_lang,
            tgt_lang: self.tgt_lang,
            term: self.term,
            translation: self.translation,
            status,
            note: self.note,
        })
    }
}

pub(crate) const UPSERT_TERM_SQL: &str = "INSERT INTO glossary_terms
    (src_lang, tgt_lang, term, translation, status, note, created_by, created_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
    ON CONFLICT (src_lang, tgt_lang, term, translation) DO UPDATE SET status = excluded.status, note = excluded.note";

/// Generates the glossary functions for one sqlx connection type and implements
/// `GlossaryStore` for the backend over them.
macro_rules! glossary_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::store::GlossaryStore for $store {
            async fn add_terms(&self, terms: &[$crate::store::glossary::NewTerm]) -> $crate::store::StoreResult<u64> {
                let mut tx = self.write().await?;
                let mut written = 0;
                for t in terms {
                    written += sqlx::query($crate::store::glossary::UPSERT_TERM_SQL)
                        .bind(&t.src_lang)
                        .bind(&t.tgt_lang)
                        .bind(&t.term)
                        .bind(&t.translation)
                        .bind(t.status.as_str())
                        .bind(&t.note)
                        .bind(t.created_by)
                        .bind(t.created_at)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
                }
                tx.commit().await?;
                Ok(written)
            }

            async fn glossary(&self, src: Option<&str>, tgt: Option<&str>) -> $crate::store::StoreResult<Vec<$crate::domain::glossary::Term>> {
                let mut conn = self.read().await?;
                let rows: Vec<$crate::store::glossary::TermRow> = sqlx::query_as(
                    "SELECT id, src_lang, tgt_lang, term, translation, status, note FROM glossary_terms
                     WHERE ($1 IS NULL OR src_lang = $1) AND ($2 IS NULL OR tgt_lang = $2)
                     ORDER BY src_lang, tgt_lang, term, translation",
                )
                .bind(src)
                .bind(tgt)
                .fetch_all(&mut *conn)
                .await?;
                rows.into_iter().map($crate::store::glossary::TermRow::into_term).collect()
            }

            async fn delete_term(&self, id: i64) -> $crate::store::StoreResult<bool> {
                let mut tx = self.write().await?;
                let gone = sqlx::query("DELETE FROM glossary_terms WHERE id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                tx.commit().await?;
                Ok(gone > 0)
            }
        }
    };
}
pub(crate) use glossary_store;
