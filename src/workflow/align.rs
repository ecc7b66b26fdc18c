//! Aligning a text with its existing translation: paragraphs first, then sentences inside each
//! aligned group of paragraphs.

use serde::Serialize;

use crate::domain::align::{align_paragraphs, align_sentences, Bead};
use crate::domain::segmenting::Segmentation;
use crate::domain::statement::Limits;
use crate::error::AppResult;

use super::segment::segment_preview;

/// Sentences aligned inside one paragraph bead, as texts.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SentenceBead {
    pub src: Vec<String>,
    pub tgt: Vec<String>,
}

/// Paragraphs of both documents that belong together, with their sentences aligned.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ParagraphBead {
    /// Paragraph indices (0-based) in the source document.
    pub src: Vec<usize>,
    /// Paragraph indices (0-based) in the translation.
    pub tgt: Vec<usize>,
    pub sentences: Vec<SentenceBead>,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Alignment {
    pub src_lang: String,
    pub tgt_lang: String,
    pub paragraphs: Vec<ParagraphBead>,
}

/// The sentences of the paragraphs `indices`, in order.
fn gather<'a>(indices: &[usize], side: &'a Segmentation) -> Vec<&'a str> {
    indices
        .iter()
        .filter_map(|&i| side.paragraphs.get(i))
        .flat_map(|p| p.sentences.iter().map(String::as_str))
        .collect()
}

/// Splits both texts as statements are split, aligns their paragraphs, then the sentences of
/// each paragraph bead.
pub fn align_documents(
    src_lang: &str,
    src_text: &str,
    tgt_lang: &str,
    tgt_text: &str,
    format: Option<&str>,
    limits: &Limits,
) -> AppResult<Alignment> {
    let src = segment_preview(src_lang, src_text, format, limits)?;
    let tgt = segment_preview(tgt_lang, tgt_text, format, limits)?;
    let src_paragraphs: Vec<&str> = src.paragraphs.iter().map(|p| p.text.as_str()).collect();
    let tgt_paragraphs: Vec<&str> = tgt.paragraphs.iter().map(|p| p.text.as_str()).collect();
    let paragraphs = align_paragraphs(&src_paragraphs, &tgt_paragraphs)
        .into_iter()
        .map(|bead| {
            let (s, t) = (gather(&bead.src, &src), gather(&bead.tgt, &tgt));
            let sentences = align_sentences(&s, &t)
                .into_iter()
                .map(|b: Bead| SentenceBead {
                    src: b.src.iter().map(|&i| s[i].to_owned()).collect(),
                    tgt: b.tgt.iter().map(|&i| t[i].to_owned()).collect(),
                })
                .collect();
            ParagraphBead {
                src: bead.src,
                tgt: bead.tgt,
                sentences,
            }
        })
        .collect();
    Ok(Alignment {
        src_lang: src.lang.to_string(),
        tgt_lang: tgt.lang.to_string(),
        paragraphs,
    })
}
