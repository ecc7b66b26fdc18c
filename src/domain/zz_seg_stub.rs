//! TEMPORARY stand-in while the real segmenter is written.
pub fn split_sentences(_lang: &str, text: &str) -> Vec<std::ops::Range<usize>> {
    use unicode_segmentation::UnicodeSegmentation;
    text.split_sentence_bound_indices()
        .filter_map(|(i, s)| {
            let start = i + (s.len() - s.trim_start().len());
            let end = i + s.trim_end().len();
            (end > start).then_some(start..end)
        })
        .collect()
}
