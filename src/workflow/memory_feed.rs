//! What an approval teaches the translation memory: the paragraph and, where they pair up, its sentences.

use chrono::{DateTime, Utc};

use crate::domain::language::language_and_script as pair_lang;
use crate::domain::segmentation::split_sentences;
use crate::domain::statement::StatementDetail;
use crate::store::memory::NewMemoryEntry;

/// The pairs to remember when `text` is approved as the `lang` translation of `segment_id`.
/// Sentences are paired only when both sides split into the same number of them: a pair that
/// is not a translation of each other would poison every later lookup.
pub fn approved_pairs(
    statement: &StatementDetail,
    segment_id: i64,
    lang: &str,
    text: &str,
    approved_by: &str,
    at: DateTime<Utc>,
) -> Vec<NewMemoryEntry> {
    let segments = &statement.segments;
    let Some(index) = segments.iter().position(|s| s.id == segment_id) else {
        return Vec::new();
    };
    let segment = &segments[index];
    let entry =
        |granularity, source: &str, target: &str, prev: Option<&str>, next: Option<&str>| {
            NewMemoryEntry {
                src_lang: pair_lang(statement.summary.source_lang.as_str()),
                tgt_lang: pair_lang(lang),
                granularity,
                source: source.to_owned(),
                target: target.to_owned(),
                prev_source: prev.map(str::to_owned),
                next_source: next.map(str::to_owned),
                origin: "approved",
                statement_id: Some(statement.summary.id),
                statement_title: Some(statement.summary.title.clone()),
                approved_by: Some(approved_by.to_owned()),
                created_at: at,
            }
        };
    let text = text.trim();
    if text.is_empty() {
        return Vec::new();
    }
    let mut pairs = vec![entry(
        "paragraph",
        &segment.source,
        text,
        index.checked_sub(1).map(|i| segments[i].source.as_str()),
        segments.get(index + 1).map(|s| s.source.as_str()),
    )];
    let targets: Vec<&str> = split_sentences(lang, text)
        .into_iter()
        .map(|r| text[r].trim())
        .filter(|s| !s.is_empty())
        .collect();
    let sources: Vec<&str> = segment.sentences.iter().map(|s| s.trim()).collect();
    if sources.len() > 1 && sources.len() == targets.len() {
        for (i, (source, target)) in sources.iter().zip(&targets).enumerate() {
            pairs.push(entry(
                "sentence",
                source,
                target,
                i.checked_sub(1).map(|p| sources[p]),
                sources.get(i + 1).copied(),
            ));
        }
    }
    pairs
}
