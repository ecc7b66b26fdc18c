//! Unit queries whose SQL is the same on both databases, stamped out once per connection type
//! so that neither backend carries a copy of the other's code.

/// Generates the unit functions for one sqlx connection type.
macro_rules! unit_queries {
    ($conn:ty) => {
        use chrono::{DateTime, Utc};

        use $crate::domain::language::LanguageTag;
        use $crate::domain::unit::{Comment, Revision, UnitView};
        use $crate::store::units::{
            approval_word, AssignmentChange, RevisionRow, UnitChange, UnitRecord, UnitRow, COMMENTS_SQL,
            INSERT_REVISION_SQL, REVISIONS_SQL, UNIT_COLUMNS, UPDATE_UNIT_SQL,
        };
        use $crate::store::{StoreError, StoreResult};

        pub(crate) async fn fetch_unit(
            conn: &mut $conn,
            statement_id: i64,
            segment_id: i64,
            lang: &LanguageTag,
        ) -> StoreResult<Option<UnitRecord>> {
            let sql = format!(
                "SELECT {UNIT_COLUMNS} WHERE g.statement_id = $1 AND n.segment_id = $2 AND n.lang = $3 AND g.active"
            );
            sqlx::query_as::<_, UnitRow>(&sql)
                .bind(statement_id)
                .bind(segment_id)
                .bind(lang.as_str())
                .fetch_optional(&mut *conn)
                .await?
                .map(UnitRow::into_record)
                .transpose()
        }

        pub(crate) async fn fetch_unit_by_id(conn: &mut $conn, unit_id: i64) -> StoreResult<Option<UnitRecord>> {
            let sql = format!("SELECT {UNIT_COLUMNS} WHERE n.id = $1");
            sqlx::query_as::<_, UnitRow>(&sql)
                .bind(unit_id)
                .fetch_optional(&mut *conn)
                .await?
                .map(UnitRow::into_record)
                .transpose()
        }

        pub(crate) async fn list_units(conn: &mut $conn, statement_id: i64, lang: &LanguageTag) -> StoreResult<Vec<UnitView>> {
            let sql = format!("SELECT {UNIT_COLUMNS} WHERE g.statement_id = $1 AND n.lang = $2 AND g.active ORDER BY g.position");
            sqlx::query_as::<_, UnitRow>(&sql)
                .bind(statement_id)
                .bind(lang.as_str())
                .fetch_all(&mut *conn)
                .await?
                .into_iter()
                .map(|row| row.into_record().map(|r| r.view))
                .collect()
        }

        /// Applies `change` if the unit is still at its base version and records the revision;
        /// `VersionConflict` when someone else got there first (nothing is written then).
        pub(crate) async fn apply_change(conn: &mut $conn, change: &UnitChange) -> StoreResult<UnitRecord> {
            let (reason, reason_comment, old_source, new_source) = change.reason_columns();
            let updated = sqlx::query(UPDATE_UNIT_SQL)
                .bind(change.to_state.as_str())
                .bind(&change.text)
                .bind(change.text_author)
                .bind(reason)
                .bind(reason_comment)
                .bind(old_source)
                .bind(new_source)
                .bind(approval_word(&change.approval))
                .bind(change.author)
                .bind(change.at)
                .bind(change.unit_id)
                .bind(change.base_version)
                .execute(&mut *conn)
                .await?;
            if updated.rows_affected() == 0 {
                return Err(StoreError::VersionConflict);
            }
            insert_revision(conn, change).await?;
            fetch_unit_by_id(conn, change.unit_id)
                .await?
                .ok_or_else(|| StoreError::Corrupt(format!("unit {} vanished inside its transaction", change.unit_id)))
        }

        pub(crate) async fn insert_revision(conn: &mut $conn, change: &UnitChange) -> StoreResult<()> {
            sqlx::query(INSERT_REVISION_SQL)
                .bind(change.unit_id)
                .bind(change.base_version + 1)
                .bind(change.action.as_str())
                .bind(change.author)
                .bind(change.at)
                .bind(change.from_state.as_str())
                .bind(change.to_state.as_str())
                .bind(&change.text)
                .bind(change.comment.as_deref())
                .execute(&mut *conn)
                .await?;
            Ok(())
        }

        pub(crate) async fn history(conn: &mut $conn, unit_id: i64) -> StoreResult<Vec<Revision>> {
            sqlx::query_as::<_, RevisionRow>(REVISIONS_SQL)
                .bind(unit_id)
                .fetch_all(&mut *conn)
                .await?
                .into_iter()
                .map(RevisionRow::into_revision)
                .collect()
        }

        pub(crate) async fn comments(conn: &mut $conn, unit_id: i64) -> StoreResult<Vec<Comment>> {
            let rows: Vec<(i64, String, DateTime<Utc>, String)> =
                sqlx::query_as(COMMENTS_SQL).bind(unit_id).fetch_all(&mut *conn).await?;
            Ok(rows
                .into_iter()
                .map(|(id, author, created_at, body)| Comment { id, author, created_at, body })
                .collect())
        }

        pub(crate) async fn add_comment(
            conn: &mut $conn,
            unit_id: i64,
            author: i64,
            body: &str,
            at: DateTime<Utc>,
        ) -> StoreResult<Comment> {
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO unit_comments (unit_id, author, created_at, body) VALUES ($1, $2, $3, $4) RETURNING id",
            )
            .bind(unit_id)
            .bind(author)
            .bind(at)
            .bind(body)
            .fetch_one(&mut *conn)
            .await?;
            let mut all = comments(conn, unit_id).await?;
            all.retain(|c| c.id == id);
            all.pop().ok_or_else(|| StoreError::Corrupt(format!("comment {id} vanished")))
        }

        /// Sets the assignment on the chosen units; returns how many units it touched.
        pub(crate) async fn assign(conn: &mut $conn, change: &AssignmentChange) -> StoreResult<u64> {
            let set_translator = change.translator.is_some();
            let set_reviewer = change.reviewer.is_some();
            let sql = "UPDATE units SET
                    translator_id = CASE WHEN $1 THEN $2 ELSE translator_id END,
                    reviewer_id = CASE WHEN $3 THEN $4 ELSE reviewer_id END,
                    due_at = CASE WHEN $5 THEN $6 ELSE due_at END
                WHERE lang = $7 AND segment_id IN
                    (SELECT id FROM segments WHERE statement_id = $8 AND active AND ($9 OR id = $10))";
            let mut touched = 0;
            let targets: Vec<Option<i64>> = match &change.segments {
                None => vec![None],
                Some(ids) => ids.iter().copied().map(Some).collect(),
            };
            for segment in targets {
                touched += sqlx::query(sql)
                    .bind(set_translator)
                    .bind(change.translator.flatten())
                    .bind(set_reviewer)
                    .bind(change.reviewer.flatten())
                    .bind(change.due_at.is_some())
                    .bind(change.due_at)
                    .bind(change.lang.as_str())
                    .bind(change.statement_id)
                    .bind(segment.is_none())
                    .bind(segment.unwrap_or(0))
                    .execute(&mut *conn)
                    .await?
                    .rows_affected();
            }
            Ok(touched)
        }
    };
}

pub(crate) use unit_queries;
