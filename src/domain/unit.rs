//! Translation units (one segment in one target language) and their states.

use serde::{Deserialize, Serialize};

/// Where a unit stands in the workflow; the names are part of the HTTP contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnitState {
    Untranslated,
    Draft,
    Translated,
    NeedsWork,
    Approved,
}

impl UnitState {
    pub const ALL: [UnitState; 5] = [
        Self::Untranslated,
        Self::Draft,
        Self::Translated,
        Self::NeedsWork,
        Self::Approved,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Untranslated => "untranslated",
            Self::Draft => "draft",
            Self::Translated => "translated",
            Self::NeedsWork => "needs_work",
            Self::Approved => "approved",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw)
    }
}

/// Everything that can happen to a unit. Who may do it is decided in `policy`; whether the
/// unit's state allows it is decided here, in one place (and what else a change does, in
/// `unit_change`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnitAction {
    /// Save a text as a draft (also how a translator starts over on an approved unit).
    Save,
    /// Put an older revision's text back, as a new draft.
    Revert,
    /// Hand the draft to review.
    Submit,
    Approve,
    /// Send back with a comment.
    Reject,
    /// The segment's source changed in meaning.
    SourceChanged,
    /// The source was corrected without changing its meaning (a typo): nothing moves.
    MinorSourceChange,
    /// A statement made from a text and its earlier translation: a paragraph aligned one to one
    /// comes in approved with the translation that was published with it, never reviewed here.
    ApproveAligned,
}

impl UnitAction {
    pub const ALL: [UnitAction; 8] = [
        Self::Save,
        Self::Revert,
        Self::Submit,
        Self::Approve,
        Self::Reject,
        Self::SourceChanged,
        Self::MinorSourceChange,
        Self::ApproveAligned,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Save => "save",
            Self::Revert => "revert",
            Self::Submit => "submit",
            Self::Approve => "approve",
            Self::Reject => "reject",
            Self::SourceChanged => "source_changed",
            Self::MinorSourceChange => "minor_source_change",
            Self::ApproveAligned => "approve_aligned",
        }
    }
}

/// A move the workflow does not allow from the unit's current state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IllegalTransition {
    pub from: UnitState,
    pub action: UnitAction,
}

impl UnitState {
    /// The state after `action`, or why it is not allowed now.
    pub fn after(self, action: UnitAction) -> Result<UnitState, IllegalTransition> {
        use UnitAction as A;
        use UnitState as S;
        let next = match (action, self) {
            // Editing is always possible: the work of others is kept in the history, and an
            // approved unit being corrected stays publishable from its last approved revision.
            (A::Save | A::Revert, _) => S::Draft,
            // A unit sent back for a source change may be confirmed as it is, without an edit.
            (A::Submit, S::Draft | S::NeedsWork) => S::Translated,
            (A::Approve, S::Translated) => S::Approved,
            // A reviewer may also withdraw an approval.
            (A::Reject, S::Translated | S::Approved) => S::NeedsWork,
            // Nothing was translated yet, so nothing needs redoing.
            (A::SourceChanged, S::Untranslated) => S::Untranslated,
            (A::SourceChanged, _) => S::NeedsWork,
            (A::MinorSourceChange, same) => same,
            // Only into a unit nobody has worked on: anything else would overwrite their work.
            (A::ApproveAligned, S::Untranslated) => S::Approved,
            (action, from) => return Err(IllegalTransition { from, action }),
        };
        Ok(next)
    }
}

/// How many units of one target language are in each state.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Progress {
    #[schema(value_type = String, example = "hy")]
    pub lang: super::language::LanguageTag,
    pub total: u32,
    pub untranslated: u32,
    pub draft: u32,
    pub translated: u32,
    pub needs_work: u32,
    pub approved: u32,
    /// Approved units over all units, 0 to 1 (1 for a statement with no units).
    pub approved_share: f64,
}

impl Progress {
    pub fn new(lang: super::language::LanguageTag) -> Self {
        Self {
            lang,
            total: 0,
            untranslated: 0,
            draft: 0,
            translated: 0,
            needs_work: 0,
            approved: 0,
            approved_share: 1.0,
        }
    }

    pub fn add(&mut self, state: UnitState, count: u32) {
        self.total += count;
        let slot = match state {
            UnitState::Untranslated => &mut self.untranslated,
            UnitState::Draft => &mut self.draft,
            UnitState::Translated => &mut self.translated,
            UnitState::NeedsWork => &mut self.needs_work,
            UnitState::Approved => &mut self.approved,
        };
        *slot += count;
        self.approved_share = f64::from(self.approved) / f64::from(self.total.max(1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_names_round_trip() {
        for s in UnitState::ALL {
            assert_eq!(UnitState::parse(s.as_str()), Some(s));
        }
        assert_eq!(UnitState::parse("done"), None);
    }

    #[test]
    fn every_transition_is_decided() {
        use UnitAction as A;
        use UnitState as S;
        // (action, from, expected next state or None when illegal), for every pair.
        let table = [
            (A::Save, S::Untranslated, Some(S::Draft)),
            (A::Save, S::Draft, Some(S::Draft)),
            (A::Save, S::Translated, Some(S::Draft)),
            (A::Save, S::NeedsWork, Some(S::Draft)),
            (A::Save, S::Approved, Some(S::Draft)),
            (A::Revert, S::Untranslated, Some(S::Draft)),
            (A::Revert, S::Draft, Some(S::Draft)),
            (A::Revert, S::Translated, Some(S::Draft)),
            (A::Revert, S::NeedsWork, Some(S::Draft)),
            (A::Revert, S::Approved, Some(S::Draft)),
            (A::Submit, S::Untranslated, None),
            (A::Submit, S::Draft, Some(S::Translated)),
            (A::Submit, S::Translated, None),
            (A::Submit, S::NeedsWork, Some(S::Translated)),
            (A::Submit, S::Approved, None),
            (A::Approve, S::Untranslated, None),
            (A::Approve, S::Draft, None),
            (A::Approve, S::Translated, Some(S::Approved)),
            (A::Approve, S::NeedsWork, None),
            (A::Approve, S::Approved, None),
            (A::Reject, S::Untranslated, None),
            (A::Reject, S::Draft, None),
            (A::Reject, S::Translated, Some(S::NeedsWork)),
            (A::Reject, S::NeedsWork, None),
            (A::Reject, S::Approved, Some(S::NeedsWork)),
            (A::SourceChanged, S::Untranslated, Some(S::Untranslated)),
            (A::SourceChanged, S::Draft, Some(S::NeedsWork)),
            (A::SourceChanged, S::Translated, Some(S::NeedsWork)),
            (A::SourceChanged, S::NeedsWork, Some(S::NeedsWork)),
            (A::SourceChanged, S::Approved, Some(S::NeedsWork)),
            (A::MinorSourceChange, S::Untranslated, Some(S::Untranslated)),
            (A::MinorSourceChange, S::Draft, Some(S::Draft)),
            (A::MinorSourceChange, S::Translated, Some(S::Translated)),
            (A::MinorSourceChange, S::NeedsWork, Some(S::NeedsWork)),
            (A::MinorSourceChange, S::Approved, Some(S::Approved)),
            (A::ApproveAligned, S::Untranslated, Some(S::Approved)),
            (A::ApproveAligned, S::Draft, None),
            (A::ApproveAligned, S::Translated, None),
            (A::ApproveAligned, S::NeedsWork, None),
            (A::ApproveAligned, S::Approved, None),
        ];
        assert_eq!(table.len(), UnitAction::ALL.len() * UnitState::ALL.len());
        for (action, from, expected) in table {
            let got = from.after(action);
            match expected {
                Some(next) => assert_eq!(got, Ok(next), "{action:?} from {from:?}"),
                None => assert_eq!(
                    got,
                    Err(IllegalTransition { from, action }),
                    "{action:?} from {from:?}"
                ),
            }
        }
    }

    #[test]
    fn progress_counts_by_state() {
        let mut p = Progress::new(crate::domain::language::LanguageTag::parse("hy").unwrap());
        p.add(UnitState::Untranslated, 3);
        p.add(UnitState::Approved, 2);
        assert_eq!((p.total, p.untranslated, p.approved, p.draft), (5, 3, 2, 0));
    }
}

/// Why a unit needs work; part of the HTTP contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Reason {
    /// A reviewer sent it back.
    Rejected { comment: String },
    /// The segment's source changed; the translation may no longer fit.
    SourceChanged {
        old_source: String,
        new_source: String,
    },
}

/// A unit as translators and reviewers see it in a statement's list.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct UnitView {
    pub unit_id: i64,
    pub segment_id: i64,
    /// Place in the statement: 0 for the headline, then 1, 2, ... for the paragraphs.
    pub position: u32,
    /// `headline` for the statement's title, else the paragraph's kind: `paragraph`,
    /// `heading`, `quote` or `list_item`.
    pub kind: String,
    #[schema(value_type = String, example = "hy")]
    pub lang: super::language::LanguageTag,
    pub source: String,
    pub text: String,
    pub state: UnitState,
    pub reason: Option<Reason>,
    /// Name this in `base_version` (or `If-Match`) when changing the unit.
    pub version: i64,
    /// The translator assigned to the unit, if any.
    pub assignee: Option<String>,
    /// The reviewer assigned to the unit, if any.
    pub reviewer: Option<String>,
    pub due_at: Option<chrono::DateTime<chrono::Utc>>,
    /// Who wrote the current text.
    pub text_author: Option<String>,
    pub updated_by: Option<String>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
    /// The last approved text while a correction of it is under way.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_text: Option<String>,
}

impl UnitView {
    /// What a view shows of a unit's last approved text: only while a correction of it is under
    /// way; an approved unit's approved text is its text.
    pub fn approved_text_shown(state: UnitState, approved_text: Option<String>) -> Option<String> {
        if state == UnitState::Approved {
            None
        } else {
            approved_text
        }
    }
}

/// One entry of a unit's history.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Revision {
    pub version: i64,
    pub action: String,
    pub author: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub from_state: UnitState,
    pub to_state: UnitState,
    pub text: String,
    /// What a person wrote with the change (a reviewer's reason for sending it back).
    pub comment: Option<String>,
    #[serde(flatten)]
    pub note: crate::domain::origin::RevisionNote,
}

/// A remark in a unit's discussion.
#[derive(Debug, Clone, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Comment {
    pub id: i64,
    pub author: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub body: String,
}
