//! Turns a statement's source text into segments (paragraph-like blocks) with sentence spans.

use std::ops::Range;

use super::blocks::{split_blocks, BlockKind, TextFormat};
use super::language::LanguageTag;
use super::segmentation::split_sentences;

/// One segment before it is stored: the exact source text of the block and its sentences.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentDraft {
    pub kind: BlockKind,
    pub source: String,
    /// Byte ranges into `source`.
    pub sentences: Vec<Range<usize>>,
}

impl SegmentDraft {
    pub fn sentence_texts(&self) -> Vec<&str> {
        self.sentences
            .iter()
            .filter_map(|r| self.source.get(r.clone()))
            .collect()
    }
}

/// The answer of a segmentation preview (`POST /api/v1/segment`, `tandem segment`).
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct Segmentation {
    #[schema(value_type = String, example = "hy")]
    pub lang: LanguageTag,
    /// `text` or `markdown`.
    pub format: String,
    pub paragraphs: Vec<ParagraphView>,
}

/// One paragraph-like block with its sentences.
#[derive(Debug, Clone, serde::Serialize, utoipa::ToSchema)]
pub struct ParagraphView {
    /// `paragraph`, `heading`, `quote` or `list_item`.
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    pub text: String,
    pub sentences: Vec<String>,
}

impl Segmentation {
    pub fn new(lang: LanguageTag, format: TextFormat, segments: &[SegmentDraft]) -> Self {
        let paragraphs = segments
            .iter()
            .map(|s| ParagraphView {
                kind: s.kind.as_str().to_owned(),
                level: s.kind.level(),
                text: s.source.clone(),
                sentences: s.sentence_texts().into_iter().map(str::to_owned).collect(),
            })
            .collect();
        Self {
            lang,
            format: format.to_string(),
            paragraphs,
        }
    }
}

/// Splits `text` into segments and each segment into sentences by the rules of `lang`.
pub fn segment_text(lang: &LanguageTag, text: &str, format: TextFormat) -> Vec<SegmentDraft> {
    split_blocks(text, format)
        .into_iter()
        .filter_map(|block| {
            let source = text.get(block.text_range.clone())?.to_owned();
            let sentences = split_sentences(lang.primary(), &source);
            Some(SegmentDraft {
                kind: block.kind,
                source,
                sentences,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn armenian_text_keeps_paragraphs_and_sentences() {
        let hy = LanguageTag::parse("hy").unwrap();
        let text = "Խորհուրդը հաստատեց նոր կանոնները։ Դրանք ուժի մեջ կմտնեն հունվարին։\n\nՀարցերի համար գրեք մեզ։";
        let segments = segment_text(&hy, text, TextFormat::Text);
        assert_eq!(segments.len(), 2);
        assert_eq!(
            segments[0].sentence_texts(),
            vec![
                "Խորհուրդը հաստատեց նոր կանոնները։",
                "Դրանք ուժի մեջ կմտնեն հունվարին։"
            ]
        );
        assert_eq!(segments[1].source, "Հարցերի համար գրեք մեզ։");
    }

    #[test]
    fn markdown_heading_is_its_own_segment() {
        let en = LanguageTag::parse("en").unwrap();
        let segments = segment_text(
            &en,
            "# Open letter\n\nWe write to you today. Please read on.",
            TextFormat::Markdown,
        );
        assert_eq!(segments.len(), 2);
        assert_eq!(segments[0].kind, BlockKind::Heading(1));
        assert_eq!(segments[0].source, "Open letter");
        assert_eq!(segments[1].sentences.len(), 2);
    }
}
