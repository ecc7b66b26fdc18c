//! Glossary terms and where they occur in a text, allowing for Armenian and Russian inflection.

use std::ops::Range;

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum TermStatus {
    /// The rendering to use.
    Preferred,
    /// A rendering that must not be used.
    Forbidden,
    /// The term stays as it is in every language (a brand, an acronym).
    DoNotTranslate,
}

impl TermStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Preferred => "preferred",
            Self::Forbidden => "forbidden",
            Self::DoNotTranslate => "do_not_translate",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw
            .trim()
            .to_ascii_lowercase()
            .replace(['-', ' '], "_")
            .as_str()
        {
            "preferred" | "" => Some(Self::Preferred),
            "forbidden" | "deprecated" => Some(Self::Forbidden),
            "do_not_translate" | "dnt" => Some(Self::DoNotTranslate),
            _ => None,
        }
    }
}

/// A term as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Term {
    pub id: i64,
    pub src_lang: String,
    pub tgt_lang: String,
    pub term: String,
    pub translation: String,
    pub status: TermStatus,
    pub note: String,
}

/// Words shorter than this must match whole; longer ones may carry an ending (`համաձայնագրի`,
/// `соглашения` for `համաձայնագիր`, `соглашение`), as long as at most this share is ending.
const STEM_MIN_CHARS: usize = 4;

fn words(text: &str) -> Vec<(usize, String)> {
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().any(char::is_alphanumeric))
        .map(|(i, w)| (i, w.to_lowercase()))
        .collect()
}

/// Whether `word` (lower-cased) is `wanted` or an inflected form of it: the same word with a
/// short ending, or with its last letter or two changed (`соглашение` → `соглашения`).
pub fn word_matches(word: &str, wanted: &str) -> bool {
    if word == wanted {
        return true;
    }
    let wanted_len = wanted.chars().count();
    if wanted_len < STEM_MIN_CHARS {
        return false;
    }
    // The stem: the term without its last letter for words up to six letters, two beyond.
    let cut = if wanted_len > 6 { 2 } else { 1 };
    let stem: String = wanted.chars().take(wanted_len - cut).collect();
    let extra = word.chars().count().saturating_sub(wanted_len);
    word.starts_with(&stem) && extra <= 4
}

/// Where the (possibly multi-word) `phrase` occurs in `text`, as byte ranges of `text`.
pub fn occurrences(text: &str, phrase: &str) -> Vec<Range<usize>> {
    let wanted: Vec<String> = words(phrase).into_iter().map(|(_, w)| w).collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let found = words(text);
    let mut ranges = Vec::new();
    let mut i = 0;
    while i + wanted.len() <= found.len() {
        let window = &found[i..i + wanted.len()];
        if window
            .iter()
            .zip(&wanted)
            .all(|((_, w), want)| word_matches(w, want))
        {
            let (start, _) = window[0];
            let (last_start, last) = &window[wanted.len() - 1];
            // The original word's byte length: lower-casing can change it.
            let end = text[*last_start..]
                .split_word_bounds()
                .next()
                .map_or(last_start + last.len(), |w| last_start + w.len());
            ranges.push(start..end);
            i += wanted.len();
        } else {
            i += 1;
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(text: &'a str, phrase: &str) -> Vec<&'a str> {
        occurrences(text, phrase)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn armenian_and_russian_endings_still_match() {
        assert_eq!(
            found("Համաձայնագրի նախագիծը քննարկվեց։", "համաձայնագիր"),
            ["Համաձայնագրի"]
        );
        assert_eq!(
            found("Текст соглашения опубликован.", "соглашение"),
            ["соглашения"]
        );
        assert_eq!(
            found("The Ministry of Justice replied.", "ministry of justice"),
            ["Ministry of Justice"]
        );
    }

    #[test]
    fn short_words_match_whole_and_unrelated_words_do_not() {
        assert!(found("The EU and the UN met.", "EU").len() == 1);
        assert!(found("Europe is large.", "EU").is_empty());
        assert!(found("A court ruled.", "courtesy").is_empty());
        assert!(found("Նախարարը խոսեց։", "նախագահ").is_empty());
    }

    #[test]
    fn statuses_parse_from_files() {
        assert_eq!(
            TermStatus::parse("Do not translate"),
            Some(TermStatus::DoNotTranslate)
        );
        assert_eq!(TermStatus::parse("deprecated"), Some(TermStatus::Forbidden));
        assert_eq!(TermStatus::parse(""), Some(TermStatus::Preferred));
        assert_eq!(TermStatus::parse("maybe"), None);
    }
}
