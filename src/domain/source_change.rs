//! Plans a change of a statement's source: which segments stay, which are edited, added or
//! removed, and what the change does to the units of the edited ones.

use chrono::{DateTime, Utc};

use super::origin::RevisionNote;
use super::realign::{realign, Fate};
use super::segmenting::SegmentDraft;
use super::statement::Segment;
use super::unit::{IllegalTransition, UnitState};
use super::unit_change::{Step, UnitBefore, UnitChange};

/// What to do with one segment of the new text, in the new order.
#[derive(Debug, Clone, PartialEq)]
pub enum SegmentPlan {
    /// Same text: keeps its id, its units are untouched.
    Keep {
        segment_id: i64,
        draft: SegmentDraft,
    },
    /// The same paragraph, edited: keeps its id; its units are told the source changed.
    Edit {
        segment_id: i64,
        old_source: String,
        draft: SegmentDraft,
    },
    /// A new paragraph with new, untranslated units.
    Insert { draft: SegmentDraft },
}

/// The whole change: the new segments in order and the ids of those that leave.
#[derive(Debug, Clone, PartialEq)]
pub struct SourcePlan {
    pub segments: Vec<SegmentPlan>,
    pub removed: Vec<i64>,
}

impl SourcePlan {
    pub fn is_noop(&self, old: &[Segment]) -> bool {
        self.removed.is_empty()
            && self.segments.len() == old.len()
            && self
                .segments
                .iter()
                .zip(old)
                .all(|(plan, seg)| matches!(plan, SegmentPlan::Keep { segment_id, .. } if *segment_id == seg.id))
    }
}

/// Matches the new segments to the current ones (see `realign` for how).
pub fn plan(old: &[Segment], new: Vec<SegmentDraft>) -> SourcePlan {
    let old_texts: Vec<&str> = old.iter().map(|s| s.source.as_str()).collect();
    let new_texts: Vec<&str> = new.iter().map(|s| s.source.as_str()).collect();
    let alignment = realign(&old_texts, &new_texts);
    let segments = alignment
        .fates
        .into_iter()
        .zip(new)
        .map(|(fate, draft)| match fate {
            Fate::Unchanged { old: i } => SegmentPlan::Keep {
                segment_id: old[i].id,
                draft,
            },
            Fate::Edited { old: i, .. } => SegmentPlan::Edit {
                segment_id: old[i].id,
                old_source: old[i].source.clone(),
                draft,
            },
            Fate::Inserted => SegmentPlan::Insert { draft },
        })
        .collect();
    SourcePlan {
        segments,
        removed: alignment.removed.into_iter().map(|i| old[i].id).collect(),
    }
}

/// What a new source does to the units of the edited segments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitFates {
    /// In the plan's order, each segment's units by language.
    pub changes: Vec<UnitChange>,
    /// Units left as they are, with the version they were read at: nothing was written in them
    /// yet, so nothing in them can be out of date.
    pub untouched: Vec<(i64, i64)>,
}

/// Who changes the source, when, and how much.
#[derive(Debug, Clone, Copy)]
pub struct SourceEdit {
    pub by: i64,
    pub at: DateTime<Utc>,
    /// The statement's revision the new source becomes.
    pub revision: i64,
    /// A correction that does not change the meaning (a typo): units keep their state and
    /// approvals, and their history records it.
    pub minor: bool,
}

/// Tells every unit of an edited segment (`units`: those of the statement's active segments,
/// in any order) that its source changed: it needs work, with the old and the new source, and
/// its approval is withdrawn; or, for a minor correction, a revision records it without moving
/// the unit.
pub fn unit_fates(
    plan: &SourcePlan,
    units: &[UnitBefore],
    edit: SourceEdit,
) -> Result<UnitFates, IllegalTransition> {
    let mut fates = UnitFates {
        changes: Vec::new(),
        untouched: Vec::new(),
    };
    for segment in &plan.segments {
        let SegmentPlan::Edit {
            segment_id,
            old_source,
            draft,
        } = segment
        else {
            continue;
        };
        let mut edited: Vec<&UnitBefore> = units
            .iter()
            .filter(|u| u.segment_id == *segment_id)
            .collect();
        edited.sort_by(|a, b| a.lang.as_str().cmp(b.lang.as_str()));
        for unit in edited {
            if unit.state == UnitState::Untranslated && unit.text.is_empty() {
                fates.untouched.push((unit.unit_id, unit.version));
                continue;
            }
            let step = if edit.minor {
                Step::MinorSourceChange
            } else {
                Step::SourceChanged {
                    old_source: old_source.clone(),
                    new_source: draft.source.clone(),
                }
            };
            let note = RevisionNote {
                source_revision: Some(edit.revision),
                ..RevisionNote::default()
            };
            fates
                .changes
                .push(UnitChange::new(unit, step, edit.by, edit.at)?.noted(note));
        }
    }
    Ok(fates)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::blocks::TextFormat;
    use crate::domain::language::LanguageTag;
    use crate::domain::segmenting::segment_text;
    use crate::domain::unit::{Reason, UnitAction};
    use crate::domain::unit_change::Approval;

    fn old_segments(texts: &[&str]) -> Vec<Segment> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| Segment {
                id: 100 + i as i64,
                position: i as u32 + 1,
                kind: "paragraph".into(),
                level: None,
                source: (*t).into(),
                sentences: vec![(*t).into()],
            })
            .collect()
    }

    fn drafts(text: &str) -> Vec<SegmentDraft> {
        segment_text(&LanguageTag::parse("en").unwrap(), text, TextFormat::Text)
    }

    #[test]
    fn keeps_edits_inserts_and_removes() {
        let old = old_segments(&[
            "We welcome the ruling of the court.",
            "The hearing took place on 3 May.",
            "Contact our office for comments.",
        ]);
        let new = drafts(
            "We welcome the ruling of the court.\n\nThe hearing took place on 4 May.\n\nA second hearing is planned for June.",
        );
        let p = plan(&old, new);
        assert!(matches!(
            p.segments[0],
            SegmentPlan::Keep {
                segment_id: 100,
                ..
            }
        ));
        assert!(
            matches!(&p.segments[1], SegmentPlan::Edit { segment_id: 101, old_source, .. } if old_source == "The hearing took place on 3 May.")
        );
        assert!(matches!(p.segments[2], SegmentPlan::Insert { .. }));
        assert_eq!(p.removed, vec![102]);
        assert!(!p.is_noop(&old));
    }

    #[test]
    fn identical_text_is_a_noop() {
        let old = old_segments(&["One paragraph.", "Another paragraph."]);
        let p = plan(&old, drafts("One paragraph.\n\nAnother paragraph."));
        assert!(p.is_noop(&old));
    }

    fn unit(unit_id: i64, segment_id: i64, lang: &str, state: UnitState, text: &str) -> UnitBefore {
        UnitBefore {
            unit_id,
            statement_id: 1,
            segment_id,
            lang: LanguageTag::parse(lang).unwrap(),
            version: 3,
            state,
            text: text.into(),
            text_author: Some(9),
            reason: None,
        }
    }

    fn edit(minor: bool) -> SourceEdit {
        SourceEdit {
            by: 5,
            at: Utc::now(),
            revision: 4,
            minor,
        }
    }

    #[test]
    fn units_of_edited_segments_need_work_unless_nothing_was_written() {
        let old = old_segments(&["Kept paragraph.", "The hearing took place on 3 May."]);
        let p = plan(
            &old,
            drafts("Kept paragraph.\n\nThe hearing took place on 4 May."),
        );
        let units = [
            unit(1, 100, "hy", UnitState::Approved, "Պահված։"),
            unit(2, 101, "ru", UnitState::Approved, "Слушание 3 мая."),
            unit(3, 101, "hy", UnitState::Untranslated, ""),
            unit(4, 101, "de", UnitState::Draft, "Die Anhörung"),
        ];
        let fates = unit_fates(&p, &units, edit(false)).expect("allowed");
        assert_eq!(
            fates.untouched,
            vec![(3, 3)],
            "an empty unit stays as it is"
        );
        let changed: Vec<(i64, UnitState, Approval)> = fates
            .changes
            .iter()
            .map(|c| (c.unit_id(), c.to_state(), c.approval()))
            .collect();
        // By language, as the history has always listed them.
        assert_eq!(
            changed,
            vec![
                (4, UnitState::NeedsWork, Approval::Clear),
                (2, UnitState::NeedsWork, Approval::Clear)
            ]
        );
        let first = &fates.changes[0];
        assert_eq!(first.action(), UnitAction::SourceChanged);
        assert_eq!(
            first.reason(),
            Some(&Reason::SourceChanged {
                old_source: "The hearing took place on 3 May.".into(),
                new_source: "The hearing took place on 4 May.".into(),
            })
        );
        assert_eq!(first.note().source_revision, Some(4));
        assert_eq!((first.base_version(), first.text()), (3, "Die Anhörung"));
    }

    #[test]
    fn a_minor_correction_moves_nothing() {
        let old = old_segments(&["The hearing took place on 3 Mya."]);
        let p = plan(&old, drafts("The hearing took place on 3 May."));
        let mut approved = unit(7, 100, "hy", UnitState::Approved, "Լսումը մայիսի 3-ին։");
        approved.reason = Some(Reason::Rejected {
            comment: "kept".into(),
        });
        let fates = unit_fates(&p, &[approved.clone()], edit(true)).expect("allowed");
        let change = &fates.changes[0];
        assert_eq!(change.action(), UnitAction::MinorSourceChange);
        assert_eq!(
            (change.to_state(), change.approval(), change.reason()),
            (
                UnitState::Approved,
                Approval::Keep,
                approved.reason.as_ref()
            )
        );
    }
}
