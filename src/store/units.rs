//! Records of translation units as the store hands them to the workflow, and the SQL to read
//! them, written once for both backends (`$n` parameters, first used in ascending order, mean
//! the same to SQLite and PostgreSQL).

use chrono::{DateTime, Utc};

use crate::domain::language::LanguageTag;
use crate::domain::origin::{Origin, OriginKind, RevisionNote, Via};
use crate::domain::policy::Assignment;
use crate::domain::publication::ApprovalInfo;
use crate::domain::unit::{Reason, UnitAction, UnitState, UnitView};

use super::rows::stored_tag;
use super::StoreError;

/// Everything the workflow needs to decide about one unit.
#[derive(Debug, Clone)]
pub struct UnitRecord {
    pub view: UnitView,
    pub statement_id: i64,
    pub text_author_id: Option<i64>,
    pub assignment: Assignment,
    /// The last approval, kept while a correction is under way.
    pub approval: Option<ApprovalInfo>,
}

/// One active segment's source with its active neighbours' sources and the statement's source
/// language: what memory suggestions for one unit need, without loading the whole statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentContext {
    pub source_lang: String,
    pub prev: Option<String>,
    pub source: String,
    pub next: Option<String>,
}

/// The segment `$1` of statement `$2` with its neighbours' sources, if it is active.
pub(crate) const SEGMENT_CONTEXT_SQL: &str = "SELECT s.source_lang,
        (SELECT p.source FROM segments p WHERE p.statement_id = g.statement_id AND p.active
           AND p.position < g.position ORDER BY p.position DESC LIMIT 1),
        g.source,
        (SELECT x.source FROM segments x WHERE x.statement_id = g.statement_id AND x.active
           AND x.position > g.position ORDER BY x.position LIMIT 1)
     FROM segments g JOIN statements s ON s.id = g.statement_id
     WHERE g.id = $1 AND g.statement_id = $2 AND g.active";

/// What becomes of a unit's last approval with a change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Approval {
    Keep,
    /// The new text is approved.
    Set,
    Clear,
}

/// One change of a unit, applied only if the unit is still at `base_version`.
#[derive(Debug, Clone)]
pub struct UnitChange {
    pub unit_id: i64,
    pub base_version: i64,
    pub action: UnitAction,
    pub from_state: UnitState,
    pub to_state: UnitState,
    pub text: String,
    pub text_author: Option<i64>,
    pub reason: Option<Reason>,
    pub approval: Approval,
    pub author: i64,
    pub comment: Option<String>,
    /// Where the new text came from, how it arrived, which source revision made it.
    pub note: RevisionNote,
    pub at: DateTime<Utc>,
    /// Pairs the translation memory learns from this change (an approval), written in the
    /// same transaction so an acknowledged approval is never missing from the memory.
    pub memory: Vec<crate::store::memory::NewMemoryEntry>,
}

impl UnitChange {
    /// The audit line of an approval or a send-back; other changes are not audited.
    pub(crate) fn audit_entry(
        &self,
        after: &UnitRecord,
    ) -> Option<crate::domain::audit::NewAuditEntry> {
        use crate::domain::audit::{AuditAction, NewAuditEntry};
        let action = match self.action {
            UnitAction::Approve => AuditAction::UnitApproved,
            UnitAction::Reject => AuditAction::UnitReturned,
            _ => return None,
        };
        let v = &after.view;
        Some(NewAuditEntry {
            at: self.at,
            actor_id: Some(self.author),
            actor: String::new(),
            action,
            subject: format!("unit:{}", self.unit_id),
            details: serde_json::json!({
                "statement_id": after.statement_id,
                "segment_id": v.segment_id,
                "lang": v.lang.as_str(),
                "version": v.version,
                "comment": self.comment,
            }),
            address: None,
        })
    }

    pub(crate) fn reason_columns(
        &self,
    ) -> (
        Option<&'static str>,
        Option<&str>,
        Option<&str>,
        Option<&str>,
    ) {
        match &self.reason {
            None => (None, None, None, None),
            Some(Reason::Rejected { comment }) => (Some("rejected"), Some(comment), None, None),
            Some(Reason::SourceChanged {
                old_source,
                new_source,
            }) => (
                Some("source_changed"),
                None,
                Some(old_source),
                Some(new_source),
            ),
        }
    }
}

/// Sets translator and/or reviewer (and a due date) on units of one statement and language.
#[derive(Debug, Clone)]
pub struct AssignmentChange {
    pub statement_id: i64,
    pub lang: LanguageTag,
    pub translator: Option<Option<i64>>,
    pub reviewer: Option<Option<i64>>,
    /// `None`: every active segment.
    pub segments: Option<Vec<i64>>,
    pub due_at: Option<DateTime<Utc>>,
}

/// Whether the unit's statement lets every translator of the language take its units that no
/// translator was given: one look-up by the statement's key.
macro_rules! open_flag {
    () => {
        "(SELECT s2.open_to_translators FROM statements s2 WHERE s2.id = g.statement_id)
             AS open_to_translators"
    };
}

/// What the policy needs about a unit beyond its own row: whether any active unit of the same
/// statement and language has an assigned reviewer (reviewer assignments narrow the role only
/// once a statement has them), and the statement's `open_to_translators` (`open_flag!`).
///
/// `CROSS JOIN` makes SQLite walk the statement's segments first (index
/// `segments_statement_position`) and look each one's unit up by (segment, language); left to
/// choose, it scanned every unit of the language in the database for each row read. PostgreSQL plans it as a plain join.
macro_rules! assigned_flags {
    () => {
        concat!(
            "EXISTS (SELECT 1 FROM segments g2 CROSS JOIN units u2
                 WHERE g2.statement_id = g.statement_id AND g2.active AND u2.segment_id = g2.id
                   AND u2.lang = n.lang AND u2.reviewer_id IS NOT NULL) AS reviewers_assigned, ",
            open_flag!()
        )
    };
}

/// The columns of a unit with the names that go with its ids, before the assignment flags.
macro_rules! unit_fields {
    () => {
        "
    n.id AS unit_id, g.statement_id, n.segment_id, g.position, g.source, n.lang, n.state, n.text, n.version,
    n.reason, n.reason_comment, n.old_source, n.new_source, n.text_author AS text_author_id,
    ta.username AS text_author, n.approved_text, n.translator_id, tr.username AS translator,
    n.reviewer_id, rv.username AS reviewer, n.due_at, ub.username AS updated_by, n.updated_at,
    ab.username AS approved_by, n.approved_at,
"
    };
}

/// The tables behind `unit_fields!`, starting from one unit.
macro_rules! unit_from {
    () => {
        concat!(
            "
    FROM units n
    JOIN segments g ON g.id = n.segment_id",
            unit_names!()
        )
    };
}

/// The tables behind `unit_fields!`, starting from a statement's segments; the query joins them
/// with `n.segment_id = g.id` in its WHERE (PostgreSQL takes no ON after CROSS JOIN). `CROSS
/// JOIN` keeps SQLite on that order: left to choose, it walked every unit of the language in the database
/// (index `units_lang_state`) and dropped those of other statements, so a statement's list
/// grew slower with every statement stored. PostgreSQL plans it as a plain join.
macro_rules! statement_units_from {
    () => {
        concat!(
            "
    FROM segments g
    CROSS JOIN units n",
            unit_names!()
        )
    };
}

/// The names that go with a unit's user ids.
macro_rules! unit_names {
    () => {
        "
    LEFT JOIN users ta ON ta.id = n.text_author
    LEFT JOIN users tr ON tr.id = n.translator_id
    LEFT JOIN users rv ON rv.id = n.reviewer_id
    LEFT JOIN users ub ON ub.id = n.updated_by
    LEFT JOIN users ab ON ab.id = n.approved_by"
    };
}

/// One unit of an active segment: statement `$1`, segment `$2`, language `$3`.
pub(crate) const UNIT_SQL: &str = concat!(
    "SELECT",
    unit_fields!(),
    assigned_flags!(),
    unit_from!(),
    " WHERE g.statement_id = $1 AND n.segment_id = $2 AND n.lang = $3 AND g.active"
);

/// One unit by its id, whether or not its segment is still active.
pub(crate) const UNIT_BY_ID_SQL: &str = concat!(
    "SELECT",
    unit_fields!(),
    assigned_flags!(),
    unit_from!(),
    " WHERE n.id = $1"
);

/// Every unit of the active segments of statement `$1` in language `$2`, in order. The reviewer
/// flag is left false here and set from the rows themselves (`with_assignment_flags`): those
/// rows are exactly the units the flag looks at, and asking per row made the read quadratic in
/// the statement's length.
pub(crate) const UNIT_LIST_SQL: &str = concat!(
    "SELECT",
    unit_fields!(),
    "FALSE AS reviewers_assigned, ",
    open_flag!(),
    statement_units_from!(),
    " WHERE n.segment_id = g.id AND g.statement_id = $1 AND n.lang = $2 AND g.active
     ORDER BY g.position"
);

/// Sets the reviewer flag of every unit of a statement in one language from the units.
pub(crate) fn with_assignment_flags(mut records: Vec<UnitRecord>) -> Vec<UnitRecord> {
    let reviewers = records.iter().any(|r| r.assignment.reviewer.is_some());
    for r in &mut records {
        r.assignment.reviewers_assigned = reviewers;
    }
    records
}

#[derive(sqlx::FromRow)]
pub(crate) struct UnitRow {
    pub unit_id: i64,
    pub statement_id: i64,
    pub segment_id: i64,
    pub position: i64,
    pub source: String,
    pub lang: String,
    pub state: String,
    pub text: String,
    pub version: i64,
    pub reason: Option<String>,
    pub reason_comment: Option<String>,
    pub old_source: Option<String>,
    pub new_source: Option<String>,
    pub text_author_id: Option<i64>,
    pub text_author: Option<String>,
    pub approved_text: Option<String>,
    pub translator_id: Option<i64>,
    pub translator: Option<String>,
    pub reviewer_id: Option<i64>,
    pub reviewer: Option<String>,
    pub due_at: Option<DateTime<Utc>>,
    pub updated_by: Option<String>,
    pub updated_at: DateTime<Utc>,
    pub approved_by: Option<String>,
    pub approved_at: Option<DateTime<Utc>>,
    pub reviewers_assigned: bool,
    pub open_to_translators: bool,
}

impl UnitRow {
    pub fn into_record(self) -> Result<UnitRecord, StoreError> {
        let state = UnitState::parse(&self.state)
            .ok_or_else(|| StoreError::Corrupt(format!("unit state {:?}", self.state)))?;
        let reason = match self.reason.as_deref() {
            None => None,
            Some("rejected") => Some(Reason::Rejected {
                comment: self.reason_comment.unwrap_or_default(),
            }),
            Some("source_changed") => Some(Reason::SourceChanged {
                old_source: self.old_source.unwrap_or_default(),
                new_source: self.new_source.unwrap_or_default(),
            }),
            Some(other) => return Err(StoreError::Corrupt(format!("unit reason {other:?}"))),
        };
        let approval = self.approved_text.clone().map(|text| ApprovalInfo {
            text,
            by: self.approved_by.clone(),
            at: self.approved_at,
        });
        Ok(UnitRecord {
            approval,
            statement_id: self.statement_id,
            text_author_id: self.text_author_id,
            assignment: Assignment {
                translator: self.translator_id,
                reviewer: self.reviewer_id,
                reviewers_assigned: self.reviewers_assigned,
                open_to_translators: self.open_to_translators,
            },
            view: UnitView {
                unit_id: self.unit_id,
                segment_id: self.segment_id,
                position: u32::try_from(self.position)
                    .map_err(|_| StoreError::Corrupt("segment position".into()))?,
                lang: stored_tag(&self.lang)?,
                source: self.source,
                text: self.text,
                state,
                reason,
                version: self.version,
                assignee: self.translator,
                reviewer: self.reviewer,
                due_at: self.due_at,
                text_author: self.text_author,
                updated_by: self.updated_by,
                updated_at: self.updated_at,
                approved_text: if state == UnitState::Approved {
                    None
                } else {
                    self.approved_text
                },
            },
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct RevisionRow {
    pub version: i64,
    pub action: String,
    pub author: Option<String>,
    pub created_at: DateTime<Utc>,
    pub from_state: String,
    pub to_state: String,
    pub text: String,
    pub comment: Option<String>,
    pub origin: String,
    pub origin_score: Option<i32>,
    pub via: Option<String>,
    pub via_file: Option<String>,
    pub source_revision: Option<i64>,
}

impl RevisionRow {
    pub fn into_revision(self) -> Result<crate::domain::unit::Revision, StoreError> {
        let state = |s: &str| {
            UnitState::parse(s).ok_or_else(|| StoreError::Corrupt(format!("unit state {s:?}")))
        };
        Ok(crate::domain::unit::Revision {
            version: self.version,
            from_state: state(&self.from_state)?,
            to_state: state(&self.to_state)?,
            action: self.action,
            author: self.author,
            created_at: self.created_at,
            text: self.text,
            comment: self.comment,
            note: RevisionNote {
                origin: Origin {
                    kind: OriginKind::parse(&self.origin)
                        .ok_or_else(|| StoreError::Corrupt(format!("origin {:?}", self.origin)))?,
                    score: self.origin_score.and_then(|s| u32::try_from(s).ok()),
                },
                via: match self.via.as_deref() {
                    Some(raw) => Some(
                        Via::parse(raw)
                            .ok_or_else(|| StoreError::Corrupt(format!("via {raw:?}")))?,
                    ),
                    None => None,
                },
                file: self.via_file,
                source_revision: self.source_revision,
            },
        })
    }
}

pub(crate) const REVISIONS_SQL: &str = "
    SELECT r.version, r.action, u.username AS author, r.created_at, r.from_state, r.to_state, r.text, r.comment,
        r.origin, r.origin_score, r.via, r.via_file, r.source_revision
    FROM unit_revisions r LEFT JOIN users u ON u.id = r.author
    WHERE r.unit_id = $1 ORDER BY r.version";

pub(crate) const COMMENTS_SQL: &str = "
    SELECT c.id, u.username AS author, c.created_at, c.body
    FROM unit_comments c JOIN users u ON u.id = c.author
    WHERE c.unit_id = $1 ORDER BY c.id";

/// The discussion of every unit of statement `$1` in language `$2`, oldest first. Segments
/// first, as in `statement_units_from!`.
pub(crate) const STATEMENT_COMMENTS_SQL: &str = "
    SELECT c.unit_id, c.id, u.username, c.created_at, c.body
    FROM segments g CROSS JOIN units n
    JOIN unit_comments c ON c.unit_id = n.id JOIN users u ON u.id = c.author
    WHERE n.segment_id = g.id AND g.statement_id = $1 AND n.lang = $2 ORDER BY c.id";

/// How many active units of statement `$1` in language `$2` still wait for approval, and how
/// many there are: whether the language is complete. Segments first, as in
/// `statement_units_from!`.
pub(crate) const LANGUAGE_WAITING_SQL: &str = "
    SELECT COALESCE(SUM(CASE WHEN n.state <> 'approved' THEN 1 ELSE 0 END), 0), COUNT(*)
    FROM segments g CROSS JOIN units n
    WHERE n.segment_id = g.id AND g.statement_id = $1 AND n.lang = $2 AND g.active";

/// The conditional write at the heart of lost-update protection: it changes the unit only if
/// nobody moved it past `base_version` (the last parameter), in the same statement as the check.
pub(crate) const UPDATE_UNIT_SQL: &str = "
    UPDATE units SET
        state = $1, text = $2, text_author = $3, reason = $4, reason_comment = $5, old_source = $6,
        new_source = $7,
        approved_text = CASE $8 WHEN 'set' THEN $2 WHEN 'clear' THEN NULL ELSE approved_text END,
        approved_by = CASE $8 WHEN 'set' THEN $9 WHEN 'clear' THEN NULL ELSE approved_by END,
        approved_at = CASE $8 WHEN 'set' THEN $10 WHEN 'clear' THEN NULL ELSE approved_at END,
        updated_by = $9, updated_at = $10, version = version + 1
    WHERE id = $11 AND version = $12";

pub(crate) const INSERT_REVISION_SQL: &str = "
    INSERT INTO unit_revisions (unit_id, version, action, author, created_at, from_state, to_state, text, comment,
        origin, origin_score, via, via_file, source_revision)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";

pub(crate) fn approval_word(a: &Approval) -> &'static str {
    match a {
        Approval::Keep => "keep",
        Approval::Set => "set",
        Approval::Clear => "clear",
    }
}

/// Units not yet approved that may concern user `$1`, grouped by statement and language. The
/// flags are left false here and filled in from `ASSIGNMENT_FLAGS_SQL`.
pub(crate) const QUEUE_SQL: &str = "
    SELECT g.statement_id, s.title, s.slug, n.lang, n.state, n.text_author, n.due_at, n.translator_id,
        n.reviewer_id, FALSE AS reviewers_assigned, FALSE AS open_to_translators
    FROM units n
    JOIN segments g ON g.id = n.segment_id
    JOIN statements s ON s.id = g.statement_id
    WHERE g.active AND n.state <> 'approved'
      AND (n.translator_id = $1 OR n.reviewer_id = $1 OR n.text_author = $1
           OR n.lang IN (SELECT lang FROM user_roles WHERE user_id = $1))
    ORDER BY s.id DESC, n.lang, g.position";

/// `assigned_flags!` for statement `$1` and language `$2`, asked once per statement and language
/// in the queue: asked per row, a statement without assignments made the queue read the whole
/// statement again for every unit of it.
pub(crate) const ASSIGNMENT_FLAGS_SQL: &str = concat!(
    "SELECT ",
    assigned_flags!(),
    " FROM (SELECT $1 AS statement_id) g CROSS JOIN (SELECT $2 AS lang) n"
);

#[derive(sqlx::FromRow)]
pub(crate) struct QueueRow {
    pub statement_id: i64,
    pub title: String,
    pub slug: String,
    pub lang: String,
    pub state: String,
    pub text_author: Option<i64>,
    pub due_at: Option<DateTime<Utc>>,
    pub translator_id: Option<i64>,
    pub reviewer_id: Option<i64>,
    pub reviewers_assigned: bool,
    pub open_to_translators: bool,
}

impl QueueRow {
    pub fn into_unit(self) -> Result<crate::domain::queue::QueueUnit, StoreError> {
        Ok(crate::domain::queue::QueueUnit {
            statement_id: self.statement_id,
            title: self.title,
            slug: self.slug,
            lang: stored_tag(&self.lang)?,
            state: UnitState::parse(&self.state)
                .ok_or_else(|| StoreError::Corrupt(format!("unit state {:?}", self.state)))?,
            text_author: self.text_author,
            due_at: self.due_at,
            assignment: Assignment {
                translator: self.translator_id,
                reviewer: self.reviewer_id,
                reviewers_assigned: self.reviewers_assigned,
                open_to_translators: self.open_to_translators,
            },
        })
    }
}

/// A new source text for a statement, already planned against the current segments.
#[derive(Debug, Clone)]
pub struct SourceChange {
    pub statement_id: i64,
    pub base_revision: i64,
    pub text: String,
    pub format: String,
    pub author: i64,
    pub at: DateTime<Utc>,
    /// A correction that does not change the meaning: approvals stay.
    pub minor: bool,
    pub plan: crate::domain::source_change::SourcePlan,
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
    pub content: crate::domain::publication::PublicationContent,
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
