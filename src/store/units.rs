//! Translation units as the store hands them to the workflow, and the finished writes the
//! workflow hands back: a unit change with what goes with it, a new source, an assignment.

use chrono::{DateTime, Utc};

use crate::domain::audit::NewAuditEntry;
use crate::domain::language::LanguageTag;
use crate::domain::policy::Assignment;
use crate::domain::publication::ApprovalInfo;
use crate::domain::source_change::SourcePlan;
use crate::domain::statement::StatementDetail;
use crate::domain::unit::{IllegalTransition, UnitView};
use crate::domain::unit_change::{UnitBefore, UnitChange};
use crate::domain::webhook::EventType;

use super::memory::NewMemoryEntry;

pub use super::publications::{NewPublication, Publication, PublicationSummary};

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

impl UnitRecord {
    /// The unit as a change is computed from it.
    pub fn before(&self) -> UnitBefore {
        UnitBefore {
            unit_id: self.view.unit_id,
            statement_id: self.statement_id,
            segment_id: self.view.segment_id,
            lang: self.view.lang.clone(),
            version: self.view.version,
            state: self.view.state,
            text: self.view.text.clone(),
            text_author: self.text_author_id,
            reason: self.view.reason.clone(),
        }
    }
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

/// Everything one unit change writes, in one transaction: the unit and its revision, and what
/// the workflow decided goes with it. Written only if the unit is still at the change's base
/// version (`VersionConflict` otherwise, and nothing is written).
#[derive(Debug, Clone)]
pub struct UnitWrite {
    pub change: UnitChange,
    /// Pairs the translation memory learns (an approval): in the same transaction, so an
    /// acknowledged approval is never missing from the memory.
    pub memory: Vec<NewMemoryEntry>,
    /// The audit line, so an acknowledged approval never misses it.
    pub audit: Option<NewAuditEntry>,
    /// Webhook events the change raises, written to the outbox with it. `language.completed` is
    /// written only if no unit of the language is left waiting once the change is in.
    pub events: Vec<EventType>,
}

/// What the units of a new statement start with, decided by the workflow once the store has
/// created them, inside the same transaction: the changes to write to some of them (drafts the
/// memory filled in, paragraphs approved with their published translation).
pub trait FirstChanges: Send + Sync {
    /// `units`: every unit of the new `statement`, by language and then position.
    fn first_changes(
        &self,
        statement: &StatementDetail,
        units: &[UnitRecord],
    ) -> Result<Vec<UnitWrite>, IllegalTransition>;
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

/// A new source text for a statement, planned against its segments, with what it does to the
/// units of the edited ones.
#[derive(Debug, Clone)]
pub struct SourceChange {
    pub statement_id: i64,
    /// The revision the plan was made against; if the statement left it, nothing is written
    /// (`RevisionConflict`).
    pub base_revision: i64,
    /// The revision the new source becomes.
    pub revision: i64,
    pub text: String,
    pub format: String,
    pub author: i64,
    pub at: DateTime<Utc>,
    pub plan: SourcePlan,
    /// The changes of the units of edited segments, in order.
    pub units: Vec<UnitWrite>,
    /// Units of edited segments that stay as they are, with the version they were read at: if
    /// one moved meanwhile, nothing is written (`VersionConflict`).
    pub untouched: Vec<(i64, i64)>,
}
