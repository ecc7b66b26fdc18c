//! The number of sentences of the target against the source's, as counted by the caller.

use super::{CheckId, Finding, Severity};

/// A different number of sentences is a [warning]: translators may rightly split a long
/// sentence or join two short ones, but a dropped sentence shows here first. Counts of zero
/// (blank texts) are left to the empty-target check.
pub(super) fn check_sentence_count(source: usize, target: usize) -> Option<Finding> {
    (source > 0 && target > 0 && source != target).then(|| {
        Finding::new(CheckId::SentenceCount, Severity::Warning)
            .arg("source", source.to_string())
            .arg("target", target.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_counts_pass() {
        assert_eq!(check_sentence_count(1, 1), None);
        assert_eq!(check_sentence_count(3, 3), None);
    }

    #[test]
    fn different_counts_are_a_warning() {
        assert_eq!(
            check_sentence_count(2, 1),
            Some(
                Finding::new(CheckId::SentenceCount, Severity::Warning)
                    .arg("source", "2")
                    .arg("target", "1")
            )
        );
        assert!(check_sentence_count(1, 3).is_some());
    }

    #[test]
    fn zero_counts_are_left_alone() {
        assert_eq!(check_sentence_count(0, 2), None);
        assert_eq!(check_sentence_count(2, 0), None);
    }
}
