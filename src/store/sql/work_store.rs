//! `WorkStore` for every backend: statements, units, source changes and publications, each
//! method one transaction over the shared SQL.

use async_trait::async_trait;
use chrono::Utc;

use super::{publications, sources, statements, unit_writes, units, SqlBackend};
use crate::domain::language::LanguageTag;
use crate::domain::queue::QueueUnit;
use crate::domain::statement::{PreparedStatement, StatementDetail, StatementSummary};
use crate::domain::unit::{Comment, Revision, UnitView};
use crate::store::units::{
    AssignmentChange, FirstChanges, NewPublication, Publication, PublicationSummary,
    SegmentContext, SourceChange, UnitRecord, UnitWrite,
};
use crate::store::{StatementOutlook, StoreError, StoreResult, WorkStore};

/// How often a statement is written again when its slug was taken meanwhile by a writer that
/// did not take the backend's slug lock (an older version of Tandem, or a hand-written insert).
const SLUG_ATTEMPTS: usize = 5;

#[async_trait]
impl<S: SqlBackend> WorkStore for S {
    async fn create_statement(
        &self,
        statement: &PreparedStatement,
        slug: &str,
        created_by: i64,
        first: Option<&dyn FirstChanges>,
    ) -> StoreResult<StatementDetail> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let mut tx = self.write().await?;
            let id = match S::insert_statement(&mut *tx, statement, slug, created_by, Utc::now())
                .await
            {
                Ok(id) => id,
                // Another instance committed the same slug between our look-up and insert.
                Err(StoreError::Conflict("slug")) if attempt < SLUG_ATTEMPTS => continue,
                Err(e) => return Err(e),
            };
            if let Some(first) = first {
                statements::write_first_changes(&mut *tx, id, first).await?;
            }
            let detail = statements::written_statement(&mut *tx, id).await?;
            tx.commit().await?;
            return Ok(detail);
        }
    }

    async fn list_statements(&self) -> StoreResult<Vec<StatementSummary>> {
        statements::summaries(&mut *self.read().await?, None).await
    }

    async fn statement_outlook(&self) -> StoreResult<StatementOutlook> {
        statements::outlook(&mut *self.read().await?).await
    }

    async fn get_statement(&self, id: i64) -> StoreResult<Option<StatementDetail>> {
        statements::statement_detail(&mut *self.read().await?, id).await
    }

    async fn get_unit(
        &self,
        statement_id: i64,
        segment_id: i64,
        lang: &LanguageTag,
    ) -> StoreResult<Option<UnitRecord>> {
        self.hot_unit(statement_id, segment_id, lang).await
    }

    async fn segment_context(
        &self,
        statement_id: i64,
        segment_id: i64,
    ) -> StoreResult<Option<SegmentContext>> {
        self.hot_segment_context(statement_id, segment_id).await
    }

    async fn apply_unit_change(&self, write: &UnitWrite) -> StoreResult<UnitRecord> {
        self.commit_unit_write(write).await
    }

    async fn apply_unit_changes(&self, writes: &[UnitWrite]) -> StoreResult<Vec<UnitRecord>> {
        let mut tx = self.write().await?;
        let mut applied = Vec::with_capacity(writes.len());
        for write in writes {
            applied.push(unit_writes::apply(&mut *tx, write).await?);
        }
        tx.commit().await?;
        Ok(applied)
    }

    async fn list_units(
        &self,
        statement_id: i64,
        lang: &LanguageTag,
    ) -> StoreResult<Vec<UnitView>> {
        let records = self.hot_unit_records(statement_id, lang).await?;
        Ok(records.into_iter().map(|u| u.view).collect())
    }

    async fn unit_records(
        &self,
        statement_id: i64,
        lang: &LanguageTag,
    ) -> StoreResult<Vec<UnitRecord>> {
        self.hot_unit_records(statement_id, lang).await
    }

    async fn unit_history(&self, unit_id: i64) -> StoreResult<Vec<Revision>> {
        units::history(&mut *self.read().await?, unit_id).await
    }

    async fn unit_comments(&self, unit_id: i64) -> StoreResult<Vec<Comment>> {
        self.hot_comments(unit_id).await
    }

    async fn statement_comments(
        &self,
        statement_id: i64,
        lang: &LanguageTag,
    ) -> StoreResult<Vec<(i64, Comment)>> {
        units::statement_comments(&mut *self.read().await?, statement_id, lang).await
    }

    async fn add_comment(&self, unit_id: i64, author: i64, body: &str) -> StoreResult<Comment> {
        let mut tx = self.write().await?;
        let comment = unit_writes::add_comment(&mut *tx, unit_id, author, body, Utc::now()).await?;
        tx.commit().await?;
        Ok(comment)
    }

    async fn assign(&self, change: &AssignmentChange) -> StoreResult<u64> {
        let mut tx = self.write().await?;
        let touched = unit_writes::assign(&mut *tx, change).await?;
        tx.commit().await?;
        Ok(touched)
    }

    async fn set_open_to_translators(
        &self,
        statement_id: i64,
        open: bool,
    ) -> StoreResult<Option<StatementDetail>> {
        let mut tx = self.write().await?;
        if !unit_writes::set_open_to_translators(&mut *tx, statement_id, open).await? {
            return Ok(None);
        }
        let detail = statements::statement_detail(&mut *tx, statement_id).await?;
        tx.commit().await?;
        Ok(detail)
    }

    async fn queue_units(&self, user_id: i64) -> StoreResult<Vec<QueueUnit>> {
        units::queue_units(&mut *self.read().await?, user_id).await
    }

    async fn replace_source(&self, change: &SourceChange) -> StoreResult<StatementDetail> {
        let mut tx = self.write().await?;
        sources::replace_source(&mut *tx, change).await?;
        let detail = statements::written_statement(&mut *tx, change.statement_id).await?;
        tx.commit().await?;
        Ok(detail)
    }

    async fn publish(&self, publication: &NewPublication) -> StoreResult<Publication> {
        let mut tx = self.write().await?;
        let stored = publications::insert(&mut *tx, publication).await?;
        tx.commit().await?;
        Ok(stored)
    }

    async fn list_publications(&self, statement_id: i64) -> StoreResult<Vec<PublicationSummary>> {
        publications::list(&mut *self.read().await?, statement_id).await
    }

    async fn get_publication(&self, slug: &str, number: i64) -> StoreResult<Option<Publication>> {
        publications::get(&mut *self.read().await?, slug, number).await
    }

    async fn latest_publications(
        &self,
        slug: Option<&str>,
        limit: i64,
    ) -> StoreResult<Vec<Publication>> {
        publications::latest(&mut *self.read().await?, slug, limit).await
    }
}
