//! Statements: what an editor submits, the checks it must pass, and how it reads back.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::binary::{sniff_text, BinaryKind};
use super::blocks::{BlockKind, TextFormat};
use super::language::LanguageTag;
use super::segmentation::split_sentences;
use super::segmenting::{segment_text, SegmentDraft};
use super::unit::Progress;

/// Size limits that keep one statement workable for people and for the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub max_segments: usize,
    pub max_segment_chars: usize,
    pub max_title_chars: usize,
    /// Longest translation of one segment: room for languages that run longer than the source.
    pub max_translation_chars: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_segments: 2_000,
            max_segment_chars: 20_000,
            max_title_chars: 300,
            max_translation_chars: 40_000,
        }
    }
}

/// A new statement as the editor typed it.
#[derive(Debug, Clone)]
pub struct StatementInput {
    pub title: String,
    pub source_lang: LanguageTag,
    pub target_langs: Vec<LanguageTag>,
    pub text: String,
    pub format: TextFormat,
    /// Every translator of a target language may take the units no translator was given.
    pub open_to_translators: bool,
}

/// Why a statement was refused; each maps to one stable error code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StatementProblem {
    EmptyText,
    EmptyTitle,
    TitleTooLong {
        limit: usize,
    },
    TooManySegments {
        count: usize,
        limit: usize,
    },
    SegmentTooLong {
        position: usize,
        limit: usize,
    },
    TargetIsSource {
        lang: LanguageTag,
    },
    /// A document file or other binary data where text belongs.
    NotText {
        kind: BinaryKind,
    },
}

/// A statement that passed every check, segmented and ready to store.
#[derive(Debug, Clone)]
pub struct PreparedStatement {
    pub title: String,
    pub source_lang: LanguageTag,
    pub target_langs: Vec<LanguageTag>,
    pub text: String,
    pub format: TextFormat,
    pub open_to_translators: bool,
    /// The title as a unit of its own, translated and reviewed like every paragraph.
    pub headline: SegmentDraft,
    pub segments: Vec<SegmentDraft>,
}

impl PreparedStatement {
    /// Every segment to store in order: the headline first (place 0), then the paragraphs
    /// (places 1, 2, ...).
    pub fn all_segments(&self) -> impl Iterator<Item = &SegmentDraft> {
        std::iter::once(&self.headline).chain(&self.segments)
    }
}

/// Checks the input and segments it. Nothing is stored here, so a refusal leaves nothing behind.
pub fn prepare(
    input: StatementInput,
    limits: &Limits,
) -> Result<PreparedStatement, StatementProblem> {
    let title = input.title.trim().to_owned();
    if let Some(kind) = sniff_text(&title) {
        return Err(StatementProblem::NotText { kind });
    }
    if title.is_empty() {
        return Err(StatementProblem::EmptyTitle);
    }
    if title.chars().count() > limits.max_title_chars {
        return Err(StatementProblem::TitleTooLong {
            limit: limits.max_title_chars,
        });
    }
    let segments = segment_checked(&input.source_lang, &input.text, input.format, limits)?;
    let mut target_langs: Vec<LanguageTag> = Vec::with_capacity(input.target_langs.len());
    for lang in input.target_langs {
        if lang == input.source_lang {
            return Err(StatementProblem::TargetIsSource { lang });
        }
        if !target_langs.contains(&lang) {
            target_langs.push(lang);
        }
    }
    let headline = headline_draft(&input.source_lang, &title);
    Ok(PreparedStatement {
        headline,
        title,
        source_lang: input.source_lang,
        target_langs,
        text: input.text,
        format: input.format,
        open_to_translators: input.open_to_translators,
        segments,
    })
}

/// The headline as a segment: the whole title, split into sentences by the language's rules.
pub fn headline_draft(lang: &LanguageTag, title: &str) -> SegmentDraft {
    SegmentDraft {
        kind: BlockKind::Headline,
        source: title.to_owned(),
        sentences: split_sentences(lang.primary(), title),
    }
}

/// Segments `text` and checks it against the limits: the same rules for a stored statement
/// and for a preview, so a preview that passes can be stored.
pub fn segment_checked(
    lang: &LanguageTag,
    text: &str,
    format: TextFormat,
    limits: &Limits,
) -> Result<Vec<SegmentDraft>, StatementProblem> {
    if let Some(kind) = sniff_text(text) {
        return Err(StatementProblem::NotText { kind });
    }
    if text.trim().is_empty() {
        return Err(StatementProblem::EmptyText);
    }
    let segments = segment_text(lang, text, format);
    if segments.is_empty() {
        // Markdown made only of code blocks or rules has nothing to translate.
        return Err(StatementProblem::EmptyText);
    }
    if segments.len() > limits.max_segments {
        return Err(StatementProblem::TooManySegments {
            count: segments.len(),
            limit: limits.max_segments,
        });
    }
    if let Some(position) = segments
        .iter()
        .position(|s| s.source.chars().count() > limits.max_segment_chars)
    {
        return Err(StatementProblem::SegmentTooLong {
            position: position + 1,
            limit: limits.max_segment_chars,
        });
    }
    Ok(segments)
}

/// A stored statement without its segments (what lists show).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct StatementSummary {
    pub id: i64,
    pub slug: String,
    pub title: String,
    #[schema(value_type = String, example = "hy")]
    pub source_lang: LanguageTag,
    #[schema(value_type = Vec<String>)]
    pub target_langs: Vec<LanguageTag>,
    /// `text` or `markdown`.
    pub format: String,
    /// Increases by one with every change of the source text.
    pub revision: i64,
    pub segment_count: u32,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Every translator of a target language may save and submit the units that no translator
    /// is assigned to. Off (the default), those units are the editors' to do or to assign.
    pub open_to_translators: bool,
    pub progress: Vec<Progress>,
}

/// One stored segment with its sentences.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Segment {
    pub id: i64,
    /// Place in the statement: 0 for the headline, then 1, 2, ... for the paragraphs.
    pub position: u32,
    /// `headline`, `paragraph`, `heading`, `quote` or `list_item`.
    pub kind: String,
    /// Heading level for headings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    pub source: String,
    pub sentences: Vec<String>,
}

/// A statement with everything needed to translate it.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct StatementDetail {
    #[serde(flatten)]
    pub summary: StatementSummary,
    pub text: String,
    /// The title as a unit of its own (kind `headline`, place 0). Every stored statement has
    /// one (migration 0015 gave the older ones theirs); a view built by hand may leave it out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headline: Option<Segment>,
    /// The paragraphs of the text, in order.
    pub segments: Vec<Segment>,
}

impl StatementDetail {
    /// The headline, then the paragraphs: every segment that has units.
    pub fn all_segments(&self) -> impl Iterator<Item = &Segment> {
        self.headline.iter().chain(&self.segments)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(text: &str) -> StatementInput {
        StatementInput {
            title: "Հայտարարություն".into(),
            source_lang: LanguageTag::parse("hy").unwrap(),
            target_langs: vec![
                LanguageTag::parse("en").unwrap(),
                LanguageTag::parse("ru").unwrap(),
            ],
            text: text.into(),
            format: TextFormat::Text,
            open_to_translators: false,
        }
    }

    #[test]
    fn empty_text_is_refused() {
        assert_eq!(
            prepare(input(" \n\t "), &Limits::default()).unwrap_err(),
            StatementProblem::EmptyText
        );
    }

    #[test]
    fn empty_title_is_refused() {
        let mut i = input("Բարեւ։");
        i.title = "   ".into();
        assert_eq!(
            prepare(i, &Limits::default()).unwrap_err(),
            StatementProblem::EmptyTitle
        );
    }

    #[test]
    fn segment_limit_counts_paragraphs() {
        let limits = Limits {
            max_segments: 2,
            ..Limits::default()
        };
        let err = prepare(input("Մեկ։\n\nԵրկու։\n\nԵրեք։"), &limits).unwrap_err();
        assert_eq!(
            err,
            StatementProblem::TooManySegments { count: 3, limit: 2 }
        );
    }

    #[test]
    fn long_paragraph_is_named_by_position() {
        let limits = Limits {
            max_segment_chars: 10,
            ..Limits::default()
        };
        let err = prepare(input("Կարճ։\n\nԱյս պարբերությունը երկար է։"), &limits).unwrap_err();
        assert_eq!(
            err,
            StatementProblem::SegmentTooLong {
                position: 2,
                limit: 10
            }
        );
    }

    #[test]
    fn target_equal_to_source_is_refused_and_duplicates_merge() {
        let mut i = input("Բարեւ։");
        i.target_langs.push(LanguageTag::parse("HY").unwrap());
        assert!(matches!(
            prepare(i, &Limits::default()),
            Err(StatementProblem::TargetIsSource { .. })
        ));
        let mut i = input("Բարեւ։");
        i.target_langs.push(LanguageTag::parse("EN").unwrap());
        assert_eq!(
            prepare(i, &Limits::default()).unwrap().target_langs.len(),
            2
        );
    }

    #[test]
    fn source_is_kept_exactly() {
        let text = "  «Մենք»  ենք։\u{a0}Վերջ։  \n\n";
        let prepared = prepare(input(text), &Limits::default()).unwrap();
        assert_eq!(prepared.text, text);
        assert_eq!(prepared.segments[0].source, "«Մենք»  ենք։\u{a0}Վերջ։");
    }
}
