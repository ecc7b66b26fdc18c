//! Word-level differences between two versions of a text, for reviewers and source edits.

use serde::Serialize;
use similar::{capture_diff_slices, Algorithm, DiffTag};
use unicode_segmentation::UnicodeSegmentation;

/// One stretch of a diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct DiffPart {
    /// `same`, `added` or `removed`.
    pub kind: DiffKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    Same,
    Added,
    Removed,
}

impl DiffKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Same => "same",
            Self::Added => "added",
            Self::Removed => "removed",
        }
    }
}

/// The difference from `old` to `new` by Unicode word boundaries, so that Armenian `։` and `՞`
/// or Russian `«»` count as tokens of their own and a changed word shows as one change.
/// Neighbouring stretches of the same kind are merged; removed text comes before added text.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffPart> {
    let old_tokens: Vec<&str> = old.split_word_bounds().collect();
    let new_tokens: Vec<&str> = new.split_word_bounds().collect();
    let mut parts: Vec<DiffPart> = Vec::new();
    let mut push = |kind: DiffKind, tokens: &[&str]| {
        if tokens.is_empty() {
            return;
        }
        let text: String = tokens.concat();
        match parts.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(&text),
            _ => parts.push(DiffPart { kind, text }),
        }
    };
    for op in capture_diff_slices(Algorithm::Patience, &old_tokens, &new_tokens) {
        let (tag, old_range, new_range) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => push(DiffKind::Same, &new_tokens[new_range]),
            DiffTag::Delete => push(DiffKind::Removed, &old_tokens[old_range]),
            DiffTag::Insert => push(DiffKind::Added, &new_tokens[new_range]),
            DiffTag::Replace => {
                push(DiffKind::Removed, &old_tokens[old_range]);
                push(DiffKind::Added, &new_tokens[new_range]);
            }
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(parts: &[DiffPart]) -> String {
        parts
            .iter()
            .map(|p| match p.kind {
                DiffKind::Same => p.text.clone(),
                DiffKind::Added => format!("[+{}]", p.text),
                DiffKind::Removed => format!("[-{}]", p.text),
            })
            .collect()
    }

    #[test]
    fn a_changed_armenian_word_is_one_change() {
        let parts = word_diff(
            "Հանդիպումը տեղի կունենա երեքշաբթի։",
            "Հանդիպումը տեղի կունենա չորեքշաբթի։",
        );
        assert_eq!(
            render(&parts),
            "Հանդիպումը տեղի կունենա [-երեքշաբթի][+չորեքշաբթի]։"
        );
    }

    #[test]
    fn punctuation_and_numbers_are_tokens_of_their_own() {
        let parts = word_diff("Собрано 120 подписей.", "Собрано 125 подписей!");
        assert_eq!(render(&parts), "Собрано [-120][+125] подписей[-.][+!]");
    }

    #[test]
    fn equal_texts_are_one_same_part_and_empty_old_text_is_all_added() {
        assert_eq!(
            word_diff("Same words.", "Same words."),
            vec![DiffPart {
                kind: DiffKind::Same,
                text: "Same words.".into()
            }]
        );
        assert_eq!(render(&word_diff("", "New text")), "[+New text]");
        assert!(word_diff("", "").is_empty());
    }
}
