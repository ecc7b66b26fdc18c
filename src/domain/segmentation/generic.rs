//! The fallback for languages without their own rules: Unicode sentence boundaries (UAX #29).

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// UAX #29 sentences, each trimmed of the white space that the standard attaches to its end.
pub(super) fn split(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    for (start, sentence) in text.split_sentence_bound_indices() {
        super::push_trimmed(text, start..start + sentence.len(), &mut ranges);
    }
    ranges
}
