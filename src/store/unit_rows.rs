//! Unit rows as both databases return them, and their assembly into the records the workflow
//! reads.

use chrono::{DateTime, Utc};

use crate::domain::origin::{Origin, OriginKind, RevisionNote, Via};
use crate::domain::policy::Assignment;
use crate::domain::publication::ApprovalInfo;
use crate::domain::unit::{Reason, UnitState, UnitView};

use super::rows::stored_tag;
use super::units::UnitRecord;
use super::StoreError;

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
    pub kind: String,
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
                kind: self.kind,
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
                approved_text: UnitView::approved_text_shown(state, self.approved_text),
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
