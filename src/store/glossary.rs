//! Glossary rows and the SQL both databases share (run by `sql::glossary`).

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
