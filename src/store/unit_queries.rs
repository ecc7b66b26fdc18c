//! Unit queries whose SQL is the same on both databases, stamped out once per connection type
//! so that neither backend carries a copy of the other's code.

/// Generates the unit functions for one sqlx connection type.
macro_rules! unit_queries {
    ($conn:ty) => {
        use chrono::{DateTime, Utc};

        use $crate::domain::language::LanguageTag;
        use $crate::domain::unit::{Comment, Revision};
        use $crate::store::units::{
            approval_word, AssignmentChange, QueueRow, RevisionRow, QUEUE_SQL, UnitChange, UnitRecord, UnitRow, COMMENTS_SQL,
            INSERT_REVISION_SQL, REVISIONS_SQL, UNIT_BY_ID_SQL, UNIT_LIST_SQL, UNIT_SQL, UPDATE_UNIT_SQL, with_assignment_flags,
        };
        use $crate::store::{StoreError, StoreResult};

        #[allow(dead_code)] // SQLite answers this read through `direct_reads`.
        pub(crate) async fn fetch_unit(
            conn: &mut $conn,
            statement_id: i64,
            segment_id: i64,
            lang: &LanguageTag,
        ) -> StoreResult<Option<UnitRecord>> {
            sqlx::query_as::<_, UnitRow>(UNIT_SQL)
                .bind(statement_id)
                .bind(segment_id)
                .bind(lang.as_str())
                .fetch_optional(&mut *conn)
                .await?
                .map(UnitRow::into_record)
                .transpose()
        }

        pub(crate) async fn fetch_unit_by_id(conn: &mut $conn, unit_id: i64) -> StoreResult<Option<UnitRecord>> {
            sqlx::query_as::<_, UnitRow>(UNIT_BY_ID_SQL)
                .bind(unit_id)
                .fetch_optional(&mut *conn)
                .await?
                .map(UnitRow::into_record)
                .transpose()
        }

        /// An active segment of a statement with its active neighbours, in one indexed query.
        #[allow(dead_code)] // SQLite answers this read through `direct_reads`.
        pub(crate) async fn segment_context(
            conn: &mut $conn,
            statement_id: i64,
            segment_id: i64,
        ) -> StoreResult<Option<$crate::store::units::SegmentContext>> {
            let row: Option<(String, Option<String>, String, Option<String>)> =
                sqlx::query_as($crate::store::units::SEGMENT_CONTEXT_SQL)
            .bind(segment_id)
            .bind(statement_id)
            .fetch_optional(&mut *conn)
            .await?;
            Ok(row.map(|(source_lang, prev, source, next)| $crate::store::units::SegmentContext {
                source_lang,
                prev,
                source,
                next,
            }))
        }

        /// Every unit of a statement in one language, in segment order, with what the policy needs.
        pub(crate) async fn unit_records(conn: &mut $conn, statement_id: i64, lang: &LanguageTag) -> StoreResult<Vec<UnitRecord>> {
            let records = sqlx::query_as::<_, UnitRow>(UNIT_LIST_SQL)
                .bind(statement_id)
                .bind(lang.as_str())
                .fetch_all(&mut *conn)
                .await?
                .into_iter()
                .map(UnitRow::into_record)
                .collect::<StoreResult<Vec<_>>>()?;
            Ok(with_assignment_flags(records))
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
            super::memory::insert(conn, &change.memory).await?;
            let record = fetch_unit_by_id(conn, change.unit_id)
                .await?
                .ok_or_else(|| StoreError::Corrupt(format!("unit {} vanished inside its transaction", change.unit_id)))?;
            // In the same transaction: an acknowledged approval never misses its audit line or
            // its webhooks.
            if let Some(entry) = change.audit_entry(&record) {
                super::security::insert_audit(conn, &entry).await?;
            }
            super::webhook_outbox::unit_changed(conn, change, &record).await?;
            Ok(record)
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
                .bind(change.note.origin.kind.as_str())
                .bind(change.note.origin.score.and_then(|s| i32::try_from(s).ok()))
                .bind(change.note.via.map(|v| v.as_str()))
                .bind(change.note.file.as_deref())
                .bind(change.note.source_revision)
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

        /// The discussion of every unit of a statement in one language, by unit id, oldest first.
        pub(crate) async fn statement_comments(
            conn: &mut $conn,
            statement_id: i64,
            lang: &LanguageTag,
        ) -> StoreResult<Vec<(i64, Comment)>> {
            let rows: Vec<(i64, i64, String, DateTime<Utc>, String)> = sqlx::query_as(
                crate::store::units::STATEMENT_COMMENTS_SQL,
            )
            .bind(statement_id)
            .bind(lang.as_str())
            .fetch_all(&mut *conn)
            .await?;
            Ok(rows
                .into_iter()
                .map(|(unit_id, id, author, created_at, body)| (unit_id, Comment { id, author, created_at, body }))
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

        /// Sets a statement's `open_to_translators`; false when there is no such statement.
        pub(crate) async fn set_open_to_translators(conn: &mut $conn, statement_id: i64, open: bool) -> StoreResult<bool> {
            let updated = sqlx::query("UPDATE statements SET open_to_translators = $1 WHERE id = $2")
                .bind(open)
                .bind(statement_id)
                .execute(&mut *conn)
                .await?;
            Ok(updated.rows_affected() > 0)
        }

        /// Units not yet approved that may concern `user_id`: in a language they hold a role
        /// for, assigned to them, or translated by them.
        pub(crate) async fn queue_units(conn: &mut $conn, user_id: i64) -> StoreResult<Vec<$crate::domain::queue::QueueUnit>> {
            let mut rows: Vec<QueueRow> = sqlx::query_as(QUEUE_SQL).bind(user_id).fetch_all(&mut *conn).await?;
            // Rows come grouped by statement and language, so each pair is asked about once.
            for group in rows.chunk_by_mut(|a, b| a.statement_id == b.statement_id && a.lang == b.lang) {
                let (reviewers, open): (bool, bool) = sqlx::query_as($crate::store::units::ASSIGNMENT_FLAGS_SQL)
                    .bind(group[0].statement_id)
                    .bind(&group[0].lang)
                    .fetch_one(&mut *conn)
                    .await?;
                for row in group {
                    row.reviewers_assigned = reviewers;
                    row.open_to_translators = open;
                }
            }
            rows.into_iter().map(QueueRow::into_unit).collect()
        }

        /// Replaces the source as planned: bumps the statement's revision (only from
        /// `base_revision`), keeps, edits, inserts and retires segments, and tells the units of
        /// edited segments. `RevisionConflict` or `VersionConflict` leave everything as it was
        /// once the caller drops the transaction.
        pub(crate) async fn replace_source(conn: &mut $conn, change: &$crate::store::units::SourceChange) -> StoreResult<()> {
            use $crate::domain::source_change::SegmentPlan;
            use $crate::store::rows::{kind_parts, spans};
            let bumped = sqlx::query("UPDATE statements SET revision = revision + 1, updated_at = $1, format = $2 WHERE id = $3 AND revision = $4")
                .bind(change.at)
                .bind(&change.format)
                .bind(change.statement_id)
                .bind(change.base_revision)
                .execute(&mut *conn)
                .await?;
            if bumped.rows_affected() == 0 {
                return Err(StoreError::RevisionConflict);
            }
            sqlx::query(
                "INSERT INTO statement_revisions (statement_id, revision, text, format, created_by, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(change.statement_id)
            .bind(change.base_revision + 1)
            .bind(&change.text)
            .bind(&change.format)
            .bind(change.author)
            .bind(change.at)
            .execute(&mut *conn)
            .await?;
            // Park the positions first so the unique (statement, position) index never sees two
            // active segments on one place while they are being moved.
            sqlx::query("UPDATE segments SET position = -position WHERE statement_id = $1 AND active")
                .bind(change.statement_id)
                .execute(&mut *conn)
                .await?;
            for removed in &change.plan.removed {
                sqlx::query("UPDATE segments SET active = FALSE WHERE id = $1 AND statement_id = $2")
                    .bind(removed)
                    .bind(change.statement_id)
                    .execute(&mut *conn)
                    .await?;
            }
            for (index, plan) in change.plan.segments.iter().enumerate() {
                let position = index as i64 + 1;
                match plan {
                    SegmentPlan::Keep { segment_id, draft } | SegmentPlan::Edit { segment_id, draft, .. } => {
                        let (kind, level) = kind_parts(draft.kind);
                        sqlx::query("UPDATE segments SET position = $1, kind = $2, level = $3, source = $4, sentences = $5 WHERE id = $6")
                            .bind(position)
                            .bind(kind)
                            .bind(level)
                            .bind(&draft.source)
                            .bind(spans(&draft.sentences))
                            .bind(segment_id)
                            .execute(&mut *conn)
                            .await?;
                        if let SegmentPlan::Edit { old_source, .. } = plan {
                            source_edited(conn, change, *segment_id, old_source, &draft.source).await?;
                        }
                    }
                    SegmentPlan::Insert { draft } => {
                        let (kind, level) = kind_parts(draft.kind);
                        let id: i64 = sqlx::query_scalar(
                            "INSERT INTO segments (statement_id, position, kind, level, source, sentences, created_at)
                             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                        )
                        .bind(change.statement_id)
                        .bind(position)
                        .bind(kind)
                        .bind(level)
                        .bind(&draft.source)
                        .bind(spans(&draft.sentences))
                        .bind(change.at)
                        .fetch_one(&mut *conn)
                        .await?;
                        sqlx::query("INSERT INTO units (segment_id, lang, updated_at) SELECT $1, lang, $2 FROM statement_targets WHERE statement_id = $3")
                            .bind(id)
                            .bind(change.at)
                            .bind(change.statement_id)
                            .execute(&mut *conn)
                            .await?;
                    }
                }
            }
            Ok(())
        }

        /// Tells every unit of an edited segment: `needs_work` with the old and new source, or,
        /// for a minor correction, a revision that records it without moving the unit.
        async fn source_edited(
            conn: &mut $conn,
            change: &$crate::store::units::SourceChange,
            segment_id: i64,
            old_source: &str,
            new_source: &str,
        ) -> StoreResult<()> {
            use $crate::domain::unit::{Reason, UnitAction, UnitState};
            use $crate::store::units::Approval;
            let unit_ids: Vec<i64> = sqlx::query_scalar("SELECT id FROM units WHERE segment_id = $1 ORDER BY lang")
                .bind(segment_id)
                .fetch_all(&mut *conn)
                .await?;
            for unit_id in unit_ids {
                let Some(unit) = fetch_unit_by_id(conn, unit_id).await? else { continue };
                if unit.view.state == UnitState::Untranslated && unit.view.text.is_empty() {
                    continue; // Nothing written yet, so nothing can be out of date.
                }
                let action = if change.minor { UnitAction::MinorSourceChange } else { UnitAction::SourceChanged };
                let to = unit.view.state.after(action).unwrap_or(unit.view.state);
                let (reason, approval) = if change.minor {
                    (unit.view.reason.clone(), Approval::Keep)
                } else {
                    (
                        Some(Reason::SourceChanged { old_source: old_source.to_owned(), new_source: new_source.to_owned() }),
                        Approval::Clear,
                    )
                };
                apply_change(
                    conn,
                    &UnitChange {
                        unit_id,
                        base_version: unit.view.version,
                        action,
                        from_state: unit.view.state,
                        to_state: to,
                        text: unit.view.text.clone(),
                        text_author: unit.text_author_id,
                        reason,
                        approval,
                        author: change.author,
                        comment: None,
                        note: crate::domain::origin::RevisionNote {
                            source_revision: Some(change.base_revision + 1),
                            ..Default::default()
                        },
                        at: change.at,
                        memory: Vec::new(),
                    },
                )
                .await?;
            }
            Ok(())
        }

        /// Publishes the next version of a statement in `langs`, or returns the units that
        /// block it (then nothing is written).
        pub(crate) async fn publish(
            conn: &mut $conn,
            statement_id: i64,
            langs: &[LanguageTag],
            author: i64,
        ) -> StoreResult<Result<$crate::store::units::Publication, Vec<$crate::domain::publication::Blocker>>> {
            use $crate::domain::publication::{assemble, content_hash, Candidate};
            // Two editors publishing at once would otherwise both take the same number.
            super::statements::lock_statement(conn, statement_id).await?;
            let Some(statement) = super::statements::statement_detail(conn, statement_id).await? else {
                return Err(StoreError::Corrupt(format!("statement {statement_id} vanished")));
            };
            let mut candidates = Vec::new();
            for lang in langs {
                for unit in unit_records(conn, statement_id, lang).await? {
                    candidates.push(Candidate {
                        segment_id: unit.view.segment_id,
                        lang: unit.view.lang.clone(),
                        state: unit.view.state,
                        reason: unit.view.reason.clone(),
                        approval: unit.approval.clone(),
                    });
                }
            }
            let s = &statement.summary;
            let content = match assemble(&s.title, &s.source_lang, s.revision, &statement.segments, langs, &candidates) {
                Ok(content) => content,
                Err(blockers) => return Ok(Err(blockers)),
            };
            let sha256 = content_hash(&content);
            let number: i64 = sqlx::query_scalar("SELECT COALESCE(MAX(number), 0) + 1 FROM publications WHERE statement_id = $1")
                .bind(statement_id)
                .fetch_one(&mut *conn)
                .await?;
            let langs_json = serde_json::to_string(&content.langs).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            let content_json = serde_json::to_string(&content).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            sqlx::query(
                "INSERT INTO publications (statement_id, number, revision, langs, content, sha256, created_by, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(statement_id)
            .bind(number)
            .bind(s.revision)
            .bind(&langs_json)
            .bind(&content_json)
            .bind(&sha256)
            .bind(author)
            .bind(Utc::now())
            .execute(&mut *conn)
            .await?;
            super::security::insert_audit(conn, &$crate::domain::audit::NewAuditEntry {
                at: Utc::now(),
                actor_id: Some(author),
                actor: String::new(),
                action: $crate::domain::audit::AuditAction::StatementPublished,
                subject: format!("statement:{statement_id}"),
                details: serde_json::json!({ "slug": s.slug, "number": number, "langs": content.langs, "sha256": sha256 }),
                address: None,
            })
            .await?;
            let publication = get_publication(conn, &s.slug, number)
                .await?
                .ok_or_else(|| StoreError::Corrupt(format!("publication {number} vanished")))?;
            super::webhook_outbox::published(conn, &publication).await?;
            Ok(Ok(publication))
        }

        pub(crate) async fn get_publication(
            conn: &mut $conn,
            slug: &str,
            number: i64,
        ) -> StoreResult<Option<$crate::store::units::Publication>> {
            let row: Option<$crate::store::units::PublicationRow> = sqlx::query_as(
                "SELECT p.statement_id, s.slug, p.number, p.sha256, u.username AS created_by, p.created_at, p.content
                 FROM publications p JOIN statements s ON s.id = p.statement_id JOIN users u ON u.id = p.created_by
                 WHERE s.slug = $1 AND p.number = $2",
            )
            .bind(slug)
            .bind(number)
            .fetch_optional(&mut *conn)
            .await?;
            row.map(|r| r.into_publication()).transpose()
        }

        /// The newest publication of each statement (or of the one with `slug`), newest first.
        pub(crate) async fn latest_publications(
            conn: &mut $conn,
            slug: Option<&str>,
            limit: i64,
        ) -> StoreResult<Vec<$crate::store::units::Publication>> {
            let rows: Vec<$crate::store::units::PublicationRow> = sqlx::query_as(
                "SELECT p.statement_id, s.slug, p.number, p.sha256, u.username AS created_by, p.created_at, p.content
                 FROM publications p JOIN statements s ON s.id = p.statement_id JOIN users u ON u.id = p.created_by
                 WHERE p.number = (SELECT MAX(q.number) FROM publications q WHERE q.statement_id = p.statement_id)
                   AND ($1 IS NULL OR s.slug = $1)
                 ORDER BY p.created_at DESC, p.id DESC LIMIT $2",
            )
            .bind(slug)
            .bind(limit)
            .fetch_all(&mut *conn)
            .await?;
            rows.into_iter().map(|r| r.into_publication()).collect()
        }

        pub(crate) async fn list_publications(
            conn: &mut $conn,
            statement_id: i64,
        ) -> StoreResult<Vec<$crate::store::units::PublicationSummary>> {
            let mut rows: Vec<$crate::store::units::PublicationSummary> = sqlx::query_as(
                "SELECT p.number, p.revision, p.langs AS langs_json, p.sha256, u.username AS created_by, p.created_at
                 FROM publications p JOIN users u ON u.id = p.created_by
                 WHERE p.statement_id = $1 ORDER BY p.number",
            )
            .bind(statement_id)
            .fetch_all(&mut *conn)
            .await?;
            for row in &mut rows {
                row.langs = serde_json::from_str(&row.langs_json).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            }
            Ok(rows)
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
