//! Character classes, word splitting and byte spans shared by several checks.

use std::ops::Range;

/// A space that separates words on one line: the ordinary space, the tab, NBSP (U+00A0), the
/// narrow NBSP (U+202F), the thin space and their kin — not a line break.
pub(super) fn is_horizontal_space(c: char) -> bool {
    c.is_whitespace()
        && !matches!(
            c,
            '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        )
}

/// Armenian writes `՛` (emphasis), `՜` (exclamation) and `՞` (question) on the stressed vowel,
/// inside the word; the soft hyphen and the zero-width joiner are invisible inside words too.
pub(super) fn is_word_internal_mark(c: char) -> bool {
    matches!(
        c,
        '\u{055B}' | '\u{055C}' | '\u{055E}' | '\u{00AD}' | '\u{200D}'
    )
}

/// Combining marks (stress accents over Cyrillic vowels, diacritics typed separately).
pub(super) fn is_combining(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
            | '\u{0483}'..='\u{0489}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}')
}

/// A character that belongs to a word part: letters, digits, combining and word-internal marks.
/// Hyphens, apostrophes and all punctuation split words into parts.
pub(super) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c) || is_word_internal_mark(c)
}

/// One maximal run of word characters, as byte offsets into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Part {
    pub start: usize,
    pub end: usize,
}

/// The word parts of `text`, in order, leaving out those that overlap `skip`.
pub(super) fn word_parts(text: &str, skip: &[Range<usize>]) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                parts.push(Part { start: s, end: i });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        parts.push(Part {
            start: s,
            end: text.len(),
        });
    }
    parts.retain(|p| !overlaps(skip, p.start, p.end));
    parts
}

/// A word made comparable: lower case, Armenian stress marks and soft hyphens dropped, `ё`
/// written `е` as most Russian texts do.
pub(super) fn fold(word: &str) -> String {
    fold_keep_case(word)
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect()
}

/// Like [`fold`] but keeping the letter case, for terms that must stay unchanged.
pub(super) fn fold_keep_case(word: &str) -> String {
    word.chars()
        .filter(|&c| !is_word_internal_mark(c) && !is_combining(c))
        .collect()
}

/// Whether the byte range `start..end` overlaps any of `spans`.
pub(super) fn overlaps(spans: &[Range<usize>], start: usize, end: usize) -> bool {
    spans.iter().any(|s| s.start < end && start < s.end)
}

/// Whether byte `at` lies inside any of `spans`.
pub(super) fn inside(spans: &[Range<usize>], at: usize) -> bool {
    spans.iter().any(|s| s.contains(&at))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        word_parts(text, &[])
            .into_iter()
            .map(|p| &text[p.start..p.end])
            .collect()
    }

    #[test]
    fn hyphens_and_apostrophes_split_words() {
        assert_eq!(words("COVID-19-ի դեմ"), ["COVID", "19", "ի", "դեմ"]);
        assert_eq!(words("премьер-министр"), ["премьер", "министр"]);
        assert_eq!(
            words("the minister’s visit"),
            ["the", "minister", "s", "visit"]
        );
    }

    #[test]
    fn armenian_stress_marks_stay_inside_the_word() {
        assert_eq!(words("Ե՞րբ կհրապարակվի"), ["Ե՞րբ", "կհրապարակվի"]);
        assert_eq!(fold("Ե՞րբ"), "երբ");
    }

    #[test]
    fn fold_lowers_case_and_merges_yo() {
        assert_eq!(fold("Всё"), "все");
        assert_eq!(fold("ՎԱՐՉԱՊԵՏ"), "վարչապետ");
        assert_eq!(fold("Minister"), "minister");
        assert_eq!(fold_keep_case("Ո՞Վ"), "ՈՎ");
    }

    #[test]
    fn skipped_spans_remove_parts() {
        let text = "see https://gov.am now";
        let link = 4..18;
        let parts = word_parts(text, &[link]);
        let found: Vec<_> = parts.iter().map(|p| &text[p.start..p.end]).collect();
        assert_eq!(found, ["see", "now"]);
    }

    #[test]
    fn horizontal_spaces_exclude_line_breaks() {
        assert!(is_horizontal_space(' '));
        assert!(is_horizontal_space('\u{A0}'));
        assert!(is_horizontal_space('\u{202F}'));
        assert!(is_horizontal_space('\t'));
        assert!(!is_horizontal_space('\n'));
        assert!(!is_horizontal_space('x'));
    }

    #[test]
    fn spans() {
        let span = 3..6;
        let spans = [span];
        assert!(overlaps(&spans, 5, 9));
        assert!(!overlaps(&spans, 6, 9));
        assert!(inside(&spans, 3));
        assert!(!inside(&spans, 6));
    }
}
