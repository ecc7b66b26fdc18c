//! Whether there is a translation at all, and whether it differs from the source.

use super::{CheckId, Finding, Severity};

/// An empty or blank target is an [error]; a blank source has nothing to translate, so its
/// blank target is not reported.
pub(super) fn check_empty(source: &str, target: &str) -> Option<Finding> {
    (target.trim().is_empty() && !source.trim().is_empty())
        .then(|| Finding::new(CheckId::EmptyTarget, Severity::Error))
}

/// A target identical to the source is a [warning]: often a copy left untranslated, but names,
/// codes and figures rightly stay the same, hence only when the source has letters.
pub(super) fn check_unchanged(source: &str, target: &str) -> Option<Finding> {
    let source = source.trim();
    (source == target.trim() && source.chars().any(char::is_alphabetic))
        .then(|| Finding::new(CheckId::UnchangedFromSource, Severity::Warning))
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = "The Prime Minister met the delegation of the European Union.";
    const RU: &str = "Премьер-министр встретился с делегацией Европейского союза.";
    const HY: &str = "Վարչապետը հանդիպեց Եվրոպական միության պատվիրակությանը։";

    #[test]
    fn blank_targets_are_errors() {
        for source in [EN, RU, HY] {
            for target in ["", "   ", "\u{a0}\n\t"] {
                assert_eq!(
                    check_empty(source, target),
                    Some(Finding::new(CheckId::EmptyTarget, Severity::Error))
                );
            }
        }
    }

    #[test]
    fn real_targets_and_blank_sources_are_not_empty() {
        assert_eq!(check_empty(EN, RU), None);
        assert_eq!(check_empty(RU, HY), None);
        assert_eq!(check_empty(HY, EN), None);
        assert_eq!(check_empty("", ""), None);
        assert_eq!(check_empty(" ", "\n"), None);
    }

    #[test]
    fn a_copied_source_is_a_warning() {
        for text in [EN, RU, HY] {
            assert_eq!(
                check_unchanged(text, &format!(" {text}\n")),
                Some(Finding::new(
                    CheckId::UnchangedFromSource,
                    Severity::Warning
                ))
            );
        }
    }

    #[test]
    fn translations_and_figures_are_not_unchanged() {
        assert_eq!(check_unchanged(EN, RU), None);
        assert_eq!(check_unchanged(RU, HY), None);
        assert_eq!(check_unchanged(HY, EN), None);
        // Figures and codes stay the same in every language.
        assert_eq!(check_unchanged("2022–2024", "2022–2024"), None);
        assert_eq!(check_unchanged("120 000", "120 000"), None);
    }
}
