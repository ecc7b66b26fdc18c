//! One change of one unit, decided in one place: the next state (through `UnitState::after`), the
//! text and who wrote it, the reason the unit shows, what becomes of its last approval, and the
//! audit line the change leaves.

use chrono::{DateTime, Utc};
use serde_json::json;

use super::audit::{AuditAction, NewAuditEntry};
use super::language::LanguageTag;
use super::origin::RevisionNote;
use super::unit::{IllegalTransition, Reason, UnitAction, UnitState};

/// A unit as it was read: what a change is computed from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitBefore {
    pub unit_id: i64,
    pub statement_id: i64,
    pub segment_id: i64,
    pub lang: LanguageTag,
    pub version: i64,
    pub state: UnitState,
    pub text: String,
    /// Who wrote the text, when someone here did.
    pub text_author: Option<i64>,
    pub reason: Option<Reason>,
}

/// What is done to a unit, with what that action brings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// A new text, as a draft. `author`: who wrote it; `None` when nobody here did (a draft the
    /// memory filled in), so any reviewer may approve it once a translator submits it.
    Save { text: String, author: Option<i64> },
    /// The text of revision `version` back, as a new draft by whoever brings it back.
    Revert { text: String, version: i64 },
    /// Hand the text to review.
    Submit,
    /// `correction`: the text the reviewer approves instead of the one submitted.
    Approve { correction: Option<String> },
    /// Send back, saying why.
    Reject { comment: String },
    /// The segment's source changed in meaning.
    SourceChanged {
        old_source: String,
        new_source: String,
    },
    /// The source was corrected without changing its meaning.
    MinorSourceChange,
    /// The translation published with the paragraph before, found by aligning the two texts.
    ApproveAligned { text: String },
}

impl Step {
    pub fn action(&self) -> UnitAction {
        match self {
            Self::Save { .. } => UnitAction::Save,
            Self::Revert { .. } => UnitAction::Revert,
            Self::Submit => UnitAction::Submit,
            Self::Approve { .. } => UnitAction::Approve,
            Self::Reject { .. } => UnitAction::Reject,
            Self::SourceChanged { .. } => UnitAction::SourceChanged,
            Self::MinorSourceChange => UnitAction::MinorSourceChange,
            Self::ApproveAligned { .. } => UnitAction::ApproveAligned,
        }
    }
}

/// What becomes of a unit's last approval (the text that is published while a correction is
/// under way).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approval {
    Keep,
    /// The new text is the approved one.
    Set,
    /// Nothing of the unit may be published until it is approved again.
    Clear,
}

impl Approval {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Keep => "keep",
            Self::Set => "set",
            Self::Clear => "clear",
        }
    }
}

/// One change of one unit, to be written only if the unit is still at the version it was read
/// at. Made only by `UnitChange::new`, so every change is a transition the state machine allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitChange {
    unit_id: i64,
    statement_id: i64,
    segment_id: i64,
    lang: LanguageTag,
    base_version: i64,
    action: UnitAction,
    from: UnitState,
    to: UnitState,
    text: String,
    text_author: Option<i64>,
    reason: Option<Reason>,
    approval: Approval,
    author: i64,
    comment: Option<String>,
    note: RevisionNote,
    at: DateTime<Utc>,
}

impl UnitChange {
    /// What `step` by user `by` does to `unit`, or why its state does not allow it.
    pub fn new(
        unit: &UnitBefore,
        step: Step,
        by: i64,
        at: DateTime<Utc>,
    ) -> Result<Self, IllegalTransition> {
        let action = step.action();
        let to = unit.state.after(action)?;
        let mut change = Self {
            unit_id: unit.unit_id,
            statement_id: unit.statement_id,
            segment_id: unit.segment_id,
            lang: unit.lang.clone(),
            base_version: unit.version,
            action,
            from: unit.state,
            to,
            text: unit.text.clone(),
            text_author: unit.text_author,
            reason: None,
            approval: Approval::Keep,
            author: by,
            comment: None,
            note: RevisionNote::default(),
            at,
        };
        match step {
            Step::Save { text, author } => {
                change.text = text;
                change.text_author = author;
            }
            Step::Revert { text, version } => {
                change.text = text;
                change.text_author = Some(by);
                change.comment = Some(format!("reverted to version {version}"));
            }
            Step::Submit => {}
            Step::Approve { correction } => {
                if let Some(corrected) = correction.filter(|c| *c != unit.text) {
                    change.text = corrected;
                    change.text_author = Some(by);
                    change.comment = Some("corrected by the reviewer on approval".to_owned());
                }
                change.approval = Approval::Set;
            }
            Step::Reject { comment } => {
                // Withdrawing an approval withdraws it from publication too; sending back a
                // correction keeps the earlier approved text publishable.
                if unit.state == UnitState::Approved {
                    change.approval = Approval::Clear;
                }
                change.reason = Some(Reason::Rejected {
                    comment: comment.clone(),
                });
                change.comment = Some(comment);
            }
            Step::SourceChanged {
                old_source,
                new_source,
            } => {
                change.reason = Some(Reason::SourceChanged {
                    old_source,
                    new_source,
                });
                change.approval = Approval::Clear;
            }
            // A typo fixed in the source: the unit keeps what it shows and what is approved.
            Step::MinorSourceChange => change.reason = unit.reason.clone(),
            Step::ApproveAligned { text } => {
                // Nobody here wrote it: the people who translated it before are not users.
                change.text = text;
                change.text_author = None;
                change.approval = Approval::Set;
            }
        }
        Ok(change)
    }

    /// The same change, recording where its text came from and how it arrived.
    pub fn noted(mut self, note: RevisionNote) -> Self {
        self.note = note;
        self
    }

    /// The unit as it will be once this change is written, for a change that follows it in
    /// the same write (an imported text saved, then submitted).
    pub fn unit_after(&self) -> UnitBefore {
        UnitBefore {
            unit_id: self.unit_id,
            statement_id: self.statement_id,
            segment_id: self.segment_id,
            lang: self.lang.clone(),
            version: self.version(),
            state: self.to,
            text: self.text.clone(),
            text_author: self.text_author,
            reason: self.reason.clone(),
        }
    }

    /// The audit line of an approval or a send-back; other changes are not audited.
    pub fn audit_entry(&self) -> Option<NewAuditEntry> {
        let action = match self.action {
            UnitAction::Approve | UnitAction::ApproveAligned => AuditAction::UnitApproved,
            UnitAction::Reject => AuditAction::UnitReturned,
            _ => return None,
        };
        Some(NewAuditEntry {
            at: self.at,
            actor_id: Some(self.author),
            actor: String::new(),
            action,
            subject: format!("unit:{}", self.unit_id),
            details: json!({
                "statement_id": self.statement_id,
                "segment_id": self.segment_id,
                "lang": self.lang.as_str(),
                "version": self.version(),
                "comment": self.comment,
            }),
            address: None,
        })
    }

    /// Whether the unit becomes approved with a text it did not have approved before.
    pub fn is_new_approval(&self) -> bool {
        self.to == UnitState::Approved
            && self.from != UnitState::Approved
            && self.approval == Approval::Set
    }

    pub fn unit_id(&self) -> i64 {
        self.unit_id
    }

    pub fn statement_id(&self) -> i64 {
        self.statement_id
    }

    pub fn segment_id(&self) -> i64 {
        self.segment_id
    }

    pub fn lang(&self) -> &LanguageTag {
        &self.lang
    }

    /// The version the unit must still be at.
    pub fn base_version(&self) -> i64 {
        self.base_version
    }

    /// The version the change gives the unit (and its revision).
    pub fn version(&self) -> i64 {
        self.base_version + 1
    }

    pub fn action(&self) -> UnitAction {
        self.action
    }

    pub fn from_state(&self) -> UnitState {
        self.from
    }

    pub fn to_state(&self) -> UnitState {
        self.to
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn text_author(&self) -> Option<i64> {
        self.text_author
    }

    pub fn reason(&self) -> Option<&Reason> {
        self.reason.as_ref()
    }

    pub fn approval(&self) -> Approval {
        self.approval
    }

    /// Who made the change.
    pub fn author(&self) -> i64 {
        self.author
    }

    /// What a person wrote with it, or what the history says about it.
    pub fn comment(&self) -> Option<&str> {
        self.comment.as_deref()
    }

    pub fn note(&self) -> &RevisionNote {
        &self.note
    }

    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::audit::AuditAction;
    use crate::domain::origin::{Origin, Via};

    const TRANSLATOR: i64 = 7;
    const REVIEWER: i64 = 8;

    fn unit(state: UnitState, text: &str) -> UnitBefore {
        UnitBefore {
            unit_id: 42,
            statement_id: 3,
            segment_id: 11,
            lang: LanguageTag::parse("hy").expect("tag"),
            version: 5,
            state,
            text: text.to_owned(),
            text_author: Some(TRANSLATOR),
            reason: None,
        }
    }

    fn change(unit: &UnitBefore, step: Step, by: i64) -> UnitChange {
        UnitChange::new(unit, step, by, Utc::now()).expect("allowed")
    }

    #[test]
    fn a_refused_transition_makes_no_change() {
        let refused = UnitChange::new(
            &unit(UnitState::Draft, "Բարև"),
            Step::Approve { correction: None },
            REVIEWER,
            Utc::now(),
        );
        assert_eq!(
            refused,
            Err(IllegalTransition {
                from: UnitState::Draft,
                action: UnitAction::Approve,
            })
        );
        let aligned = UnitChange::new(
            &unit(UnitState::Draft, "Բարև"),
            Step::ApproveAligned {
                text: "Ողջույն".into(),
            },
            REVIEWER,
            Utc::now(),
        );
        assert!(aligned.is_err(), "an aligned text never overwrites work");
    }

    #[test]
    fn a_save_writes_a_draft_by_its_author() {
        let c = change(
            &unit(UnitState::Approved, "Բարև"),
            Step::Save {
                text: "Ողջույն".into(),
                author: Some(REVIEWER),
            },
            REVIEWER,
        );
        assert_eq!(
            (c.to_state(), c.text(), c.text_author()),
            (UnitState::Draft, "Ողջույն", Some(REVIEWER))
        );
        assert_eq!((c.base_version(), c.version()), (5, 6));
        // The approved text stays publishable while the correction is under way.
        assert_eq!(c.approval(), Approval::Keep);
        assert!(c.audit_entry().is_none());
        assert!(!c.is_new_approval());
    }

    #[test]
    fn a_revert_brings_the_old_text_back_as_the_reverter_s_draft() {
        let c = change(
            &unit(UnitState::Translated, "new"),
            Step::Revert {
                text: "old".into(),
                version: 2,
            },
            REVIEWER,
        );
        assert_eq!(
            (c.to_state(), c.text(), c.text_author(), c.comment()),
            (
                UnitState::Draft,
                "old",
                Some(REVIEWER),
                Some("reverted to version 2")
            )
        );
    }

    #[test]
    fn an_approval_sets_the_approved_text_and_is_audited() {
        let c = change(
            &unit(UnitState::Translated, "Բարև"),
            Step::Approve {
                correction: Some("Բարև".into()),
            },
            REVIEWER,
        );
        // The same text sent as a "correction" corrects nothing.
        assert_eq!((c.text_author(), c.comment()), (Some(TRANSLATOR), None));
        assert_eq!(c.approval(), Approval::Set);
        assert!(c.is_new_approval());
        let entry = c.audit_entry().expect("audited");
        assert_eq!(entry.action, AuditAction::UnitApproved);
        assert_eq!(entry.subject, "unit:42");
        assert_eq!(
            entry.details,
            json!({"statement_id": 3, "segment_id": 11, "lang": "hy", "version": 6, "comment": null})
        );

        let corrected = change(
            &unit(UnitState::Translated, "Բարև"),
            Step::Approve {
                correction: Some("Ողջույն".into()),
            },
            REVIEWER,
        );
        assert_eq!(
            (
                corrected.text(),
                corrected.text_author(),
                corrected.comment()
            ),
            (
                "Ողջույն",
                Some(REVIEWER),
                Some("corrected by the reviewer on approval")
            )
        );
    }

    #[test]
    fn a_rejection_withdraws_an_approval_but_not_an_earlier_one() {
        let withdrawn = change(
            &unit(UnitState::Approved, "Բարև"),
            Step::Reject {
                comment: "wrong name".into(),
            },
            REVIEWER,
        );
        assert_eq!(withdrawn.approval(), Approval::Clear);
        assert_eq!(
            withdrawn.reason(),
            Some(&Reason::Rejected {
                comment: "wrong name".into()
            })
        );
        let entry = withdrawn.audit_entry().expect("audited");
        assert_eq!(entry.action, AuditAction::UnitReturned);
        assert_eq!(entry.details["comment"], "wrong name");

        let correction_sent_back = change(
            &unit(UnitState::Translated, "Բարև"),
            Step::Reject {
                comment: "not yet".into(),
            },
            REVIEWER,
        );
        assert_eq!(correction_sent_back.approval(), Approval::Keep);
        assert_eq!(correction_sent_back.to_state(), UnitState::NeedsWork);
    }

    #[test]
    fn a_source_change_clears_the_approval_and_a_minor_one_keeps_everything() {
        let mut before = unit(UnitState::Approved, "Բարև");
        before.reason = Some(Reason::Rejected {
            comment: "earlier".into(),
        });
        let major = change(
            &before,
            Step::SourceChanged {
                old_source: "Hello".into(),
                new_source: "Hello there".into(),
            },
            REVIEWER,
        );
        assert_eq!(
            (major.to_state(), major.approval()),
            (UnitState::NeedsWork, Approval::Clear)
        );
        assert!(matches!(major.reason(), Some(Reason::SourceChanged { .. })));
        let minor = change(&before, Step::MinorSourceChange, REVIEWER);
        assert_eq!(
            (minor.to_state(), minor.approval(), minor.reason()),
            (UnitState::Approved, Approval::Keep, before.reason.as_ref())
        );
        assert_eq!(minor.text(), "Բարև");
        assert!(minor.audit_entry().is_none());
    }

    #[test]
    fn an_aligned_paragraph_is_approved_as_nobody_s_text() {
        let mut fresh = unit(UnitState::Untranslated, "");
        fresh.text_author = None;
        let c = change(
            &fresh,
            Step::ApproveAligned {
                text: "Բարև".into(),
            },
            REVIEWER,
        )
        .noted(RevisionNote {
            via: Some(Via::Alignment),
            ..RevisionNote::default()
        });
        assert_eq!(
            (c.from_state(), c.to_state(), c.approval(), c.text_author()),
            (
                UnitState::Untranslated,
                UnitState::Approved,
                Approval::Set,
                None
            )
        );
        assert!(c.is_new_approval());
        assert_eq!(
            c.audit_entry().map(|e| e.action),
            Some(AuditAction::UnitApproved)
        );
        assert_eq!(c.note().via, Some(Via::Alignment));
    }

    #[test]
    fn a_change_can_follow_another_in_the_same_write() {
        let saved = change(
            &unit(UnitState::NeedsWork, "old"),
            Step::Save {
                text: "imported".into(),
                author: Some(TRANSLATOR),
            },
            TRANSLATOR,
        )
        .noted(RevisionNote {
            origin: Origin::human(),
            via: Some(Via::Import),
            file: Some("hy.xlf".into()),
            source_revision: None,
        });
        let submitted = change(&saved.unit_after(), Step::Submit, TRANSLATOR);
        assert_eq!(
            (
                submitted.base_version(),
                submitted.from_state(),
                submitted.to_state()
            ),
            (6, UnitState::Draft, UnitState::Translated)
        );
        assert_eq!(submitted.text(), "imported");
    }
}
