//! Plans a change of a statement's source: which segments stay, which are edited, added or removed.

use super::realign::{realign, Fate};
use super::segmenting::SegmentDraft;
use super::statement::Segment;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::blocks::TextFormat;
    use crate::domain::language::LanguageTag;
    use crate::domain::segmenting::segment_text;

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
}
