//! `WorkStore` for both backends, written once over their `read()`, `write()` and the shared unit queries.

/// Implements `WorkStore` for a backend with `read()` (a pooled connection) and `write()` (a
/// transaction), over the functions `unit_queries!` generated in its `units` module. The
/// editor's most frequent reads go through the backend's `hot_*` methods instead, so that each
/// backend can take its fastest road to them (see `sqlite::direct_reads`).
macro_rules! work_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::store::WorkStore for $store {
            async fn get_unit(
                &self,
                statement_id: i64,
                segment_id: i64,
                lang: &$crate::domain::language::LanguageTag,
            ) -> $crate::store::StoreResult<Option<$crate::store::units::UnitRecord>> {
                self.hot_unit(statement_id, segment_id, lang).await
            }

            async fn segment_context(
                &self,
                statement_id: i64,
                segment_id: i64,
            ) -> $crate::store::StoreResult<Option<$crate::store::units::SegmentContext>> {
                self.hot_segment_context(statement_id, segment_id).await
            }

            async fn apply_unit_change(
                &self,
                change: &$crate::store::units::UnitChange,
            ) -> $crate::store::StoreResult<$crate::store::units::UnitRecord> {
                // Each backend commits single changes its own way (SQLite groups them).
                self.commit_unit_change(change).await
            }

            async fn apply_unit_changes(
                &self,
                changes: &[$crate::store::units::UnitChange],
            ) -> $crate::store::StoreResult<Vec<$crate::store::units::UnitRecord>> {
                let mut tx = self.write().await?;
                let mut applied = Vec::with_capacity(changes.len());
                for change in changes {
                    applied.push(units::apply_change(&mut tx, change).await?);
                }
                tx.commit().await?;
                Ok(applied)
            }

            async fn list_units(
                &self,
                statement_id: i64,
                lang: &$crate::domain::language::LanguageTag,
            ) -> $crate::store::StoreResult<Vec<$crate::domain::unit::UnitView>> {
                Ok(self
                    .unit_records(statement_id, lang)
                    .await?
                    .into_iter()
                    .map(|u| u.view)
                    .collect())
            }

            async fn unit_records(
                &self,
                statement_id: i64,
                lang: &$crate::domain::language::LanguageTag,
            ) -> $crate::store::StoreResult<Vec<$crate::store::units::UnitRecord>> {
                self.hot_unit_records(statement_id, lang).await
            }

            async fn unit_history(
                &self,
                unit_id: i64,
            ) -> $crate::store::StoreResult<Vec<$crate::domain::unit::Revision>> {
                let mut conn = self.read().await?;
                units::history(&mut conn, unit_id).await
            }

            async fn unit_comments(
                &self,
                unit_id: i64,
            ) -> $crate::store::StoreResult<Vec<$crate::domain::unit::Comment>> {
                self.hot_comments(unit_id).await
            }

            async fn statement_comments(
                &self,
                statement_id: i64,
                lang: &$crate::domain::language::LanguageTag,
            ) -> $crate::store::StoreResult<Vec<(i64, $crate::domain::unit::Comment)>> {
                let mut conn = self.read().await?;
                units::statement_comments(&mut conn, statement_id, lang).await
            }

            async fn add_comment(
                &self,
                unit_id: i64,
                author: i64,
                body: &str,
            ) -> $crate::store::StoreResult<$crate::domain::unit::Comment> {
                let mut tx = self.write().await?;
                let comment =
                    units::add_comment(&mut tx, unit_id, author, body, chrono::Utc::now()).await?;
                tx.commit().await?;
                Ok(comment)
            }

            async fn assign(
                &self,
                change: &$crate::store::units::AssignmentChange,
            ) -> $crate::store::StoreResult<u64> {
                let mut tx = self.write().await?;
                let touched = units::assign(&mut tx, change).await?;
                tx.commit().await?;
                Ok(touched)
            }

            async fn set_open_to_translators(
                &self,
                statement_id: i64,
                open: bool,
            ) -> $crate::store::StoreResult<Option<$crate::domain::statement::StatementDetail>>
            {
                let mut tx = self.write().await?;
                if !units::set_open_to_translators(&mut tx, statement_id, open).await? {
                    return Ok(None);
                }
                let detail = statements::statement_detail(&mut tx, statement_id).await?;
                tx.commit().await?;
                Ok(detail)
            }

            async fn queue_units(
                &self,
                user_id: i64,
            ) -> $crate::store::StoreResult<Vec<$crate::domain::queue::QueueUnit>> {
                let mut conn = self.read().await?;
                units::queue_units(&mut conn, user_id).await
            }

            async fn replace_source(
                &self,
                change: &$crate::store::units::SourceChange,
            ) -> $crate::store::StoreResult<$crate::domain::statement::StatementDetail> {
                let mut tx = self.write().await?;
                units::replace_source(&mut tx, change).await?;
                let detail = statements::statement_detail(&mut tx, change.statement_id).await?;
                tx.commit().await?;
                detail.ok_or_else(|| {
                    $crate::store::StoreError::Corrupt(format!(
                        "statement {} vanished inside its transaction",
                        change.statement_id
                    ))
                })
            }

            async fn publish(
                &self,
                statement_id: i64,
                langs: &[$crate::domain::language::LanguageTag],
                author: i64,
            ) -> $crate::store::StoreResult<
                Result<
                    $crate::store::units::Publication,
                    Vec<$crate::domain::publication::Blocker>,
                >,
            > {
                let mut tx = self.write().await?;
                let result = units::publish(&mut tx, statement_id, langs, author).await?;
                // A refused publication writes nothing: the transaction is dropped, not committed.
                if result.is_ok() {
                    tx.commit().await?;
                }
                Ok(result)
            }

            async fn list_publications(
                &self,
                statement_id: i64,
            ) -> $crate::store::StoreResult<Vec<$crate::store::units::PublicationSummary>> {
                let mut conn = self.read().await?;
                units::list_publications(&mut conn, statement_id).await
            }

            async fn get_publication(
                &self,
                slug: &str,
                number: i64,
            ) -> $crate::store::StoreResult<Option<$crate::store::units::Publication>> {
                let mut conn = self.read().await?;
                units::get_publication(&mut conn, slug, number).await
            }

            async fn latest_publications(
                &self,
                slug: Option<&str>,
                limit: i64,
            ) -> $crate::store::StoreResult<Vec<$crate::store::units::Publication>> {
                let mut conn = self.read().await?;
                units::latest_publications(&mut conn, slug, limit).await
            }
        }
    };
}

pub(crate) use work_store;
