//! White space in the target: doubled spaces inside it and spaces at its edges.

use super::text::is_horizontal_space;
use super::{CheckId, Finding, Severity};

/// Two or more spaces in a row inside the target are a [warning]; one finding with the number
/// of places. NBSP and its kin count as spaces; line breaks do not. Edges are left to
/// [`check_edge_whitespace`].
pub(super) fn check_double_space(target: &str) -> Option<Finding> {
    let mut runs = 0usize;
    let mut length = 0usize;
    for c in target.trim().chars() {
        if is_horizontal_space(c) {
            length += 1;
            if length == 2 {
                runs += 1;
            }
        } else {
            length = 0;
        }
    }
    (runs > 0).then(|| {
        Finding::new(CheckId::DoubleSpace, Severity::Warning).arg("count", runs.to_string())
    })
}

/// White space at the start or end of the target is a [warning], unless the source has it at
/// the same edge (the segmenter kept it on purpose there).
pub(super) fn check_edge_whitespace(source: &str, target: &str) -> Option<Finding> {
    let starts = |t: &str| t.starts_with(char::is_whitespace);
    let ends = |t: &str| t.ends_with(char::is_whitespace);
    let start = starts(target) && !starts(source);
    let end = ends(target) && !ends(source);
    let edge = match (start, end) {
        (true, true) => "both",
        (true, false) => "start",
        (false, true) => "end",
        (false, false) => return None,
    };
    Some(Finding::new(CheckId::EdgeWhitespace, Severity::Warning).arg("edge", edge))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(target: &str) -> Option<String> {
        check_double_space(target).map(|f| {
            assert_eq!(f.severity, Severity::Warning);
            f.args[0].1.clone()
        })
    }

    fn edge(source: &str, target: &str) -> Option<String> {
        check_edge_whitespace(source, target).map(|f| f.args[0].1.clone())
    }

    #[test]
    fn single_spaces_pass() {
        assert_eq!(count("The budget is 120,000 drams."), None);
        assert_eq!(count("Бюджет составляет 120\u{a0}000 драмов."), None);
        assert_eq!(count("Բյուջեն կազմում է 120 000 դրամ։"), None);
        assert_eq!(count("Первый абзац.\n\nВторой абзац."), None);
    }

    #[test]
    fn doubled_spaces_are_counted() {
        assert_eq!(count("The budget  is 120,000 drams."), Some("1".into()));
        assert_eq!(
            count("Бюджет  составляет   120 000 драмов."),
            Some("2".into())
        );
        assert_eq!(
            count("Բյուջեն կազմում է\u{a0} 120 000 դրամ։"),
            Some("1".into())
        );
        assert_eq!(count("Բյուջեն\t\tկազմում է։"), Some("1".into()));
    }

    #[test]
    fn edge_spaces_are_left_to_the_edge_check() {
        assert_eq!(count("  Бюджет составляет 120 000 драмов.  "), None);
    }

    #[test]
    fn edges_of_the_target() {
        let en = "The minister arrived.";
        assert_eq!(edge(en, "Министр прибыл."), None);
        assert_eq!(edge(en, " Министр прибыл."), Some("start".into()));
        assert_eq!(edge(en, "Նախարարը ժամանեց։ "), Some("end".into()));
        assert_eq!(edge(en, "\u{a0}Նախարարը ժամանեց։\n"), Some("both".into()));
        assert_eq!(
            edge("Նախարարը ժամանեց։", "The minister arrived. "),
            Some("end".into())
        );
    }

    #[test]
    fn edges_the_source_has_too_are_kept() {
        assert_eq!(edge(" The minister arrived. ", " Министр прибыл. "), None);
        assert_eq!(edge("Նախարարը ժամանեց։ ", "The minister arrived. "), None);
        assert_eq!(
            edge("Министр прибыл. ", " The minister arrived. "),
            Some("start".into())
        );
    }
}
