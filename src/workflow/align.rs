//! Aligning a text with its existing translation: paragraphs first, then sentences inside each
//! aligned group of paragraphs.

use std::collections::HashMap;

use serde::Serialize;

use crate::domain::align::{align_paragraphs, align_sentences, Bead};
use crate::domain::origin::{RevisionNote, Via};
use crate::domain::segmenting::Segmentation;
use crate::domain::statement::Limits;
use crate::domain::unit::IllegalTransition;
use crate::domain::unit_change::{Step, UnitChange};
use crate::error::AppResult;
use crate::store::units::{FirstChanges, UnitRecord, UnitWrite};

use super::segment::segment_preview;
use super::unit_write::unit_write;

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

/// A text and its translation as given.
#[derive(Debug, Clone, Copy)]
pub struct Bitext<'a> {
    pub src_lang: &'a str,
    pub src_text: &'a str,
    pub tgt_lang: &'a str,
    pub tgt_text: &'a str,
    /// `text` or `markdown`.
    pub format: Option<&'a str>,
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

/// Stores the sentence beads of an alignment that have both sides as memory pairs (editors);
/// they are searchable here once it returns.
pub async fn remember(
    store: &dyn crate::store::Store,
    effects: &super::effects::Effects,
    user: &crate::domain::user::User,
    alignment: &Alignment,
) -> AppResult<u64> {
    use crate::domain::language::{language_and_script, LanguageTag};
    use crate::domain::policy::{Permission, Target};
    use crate::store::memory::NewMemoryEntry;
    super::guard::require(user, Permission::ImportMemory, Target::Instance)?;
    let src_lang = language_and_script(LanguageTag::parse(&alignment.src_lang)?.as_str());
    let tgt_lang = language_and_script(LanguageTag::parse(&alignment.tgt_lang)?.as_str());
    let now = chrono::Utc::now();
    let entries: Vec<NewMemoryEntry> = alignment
        .paragraphs
        .iter()
        .flat_map(|p| &p.sentences)
        .filter(|b| !b.src.is_empty() && !b.tgt.is_empty())
        .map(|b| NewMemoryEntry {
            src_lang: src_lang.clone(),
            tgt_lang: tgt_lang.clone(),
            granularity: "sentence",
            source: b.src.join(" "),
            target: b.tgt.join(" "),
            prev_source: None,
            next_source: None,
            origin: "aligned",
            statement_id: None,
            statement_title: None,
            approved_by: Some(user.display_name.clone()),
            created_at: now,
        })
        .collect();
    let pairs = store.add_memory(&entries).await?;
    effects.memory_grew().await;
    Ok(pairs)
}

/// A statement made of an existing text and its translation: the source becomes a statement
/// and every paragraph aligned one to one is approved with its translation (what the people who
/// translated it before had published); the rest waits for a translator (editors). The
/// statement and its approvals are written in one transaction.
pub async fn statement_from_translation(
    store: &dyn crate::store::Store,
    limits: &Limits,
    user: &crate::domain::user::User,
    title: &str,
    texts: &Bitext<'_>,
) -> AppResult<crate::domain::statement::StatementDetail> {
    let Bitext {
        src_lang,
        src_text,
        tgt_lang,
        tgt_text,
        format,
    } = *texts;
    let alignment = align_documents(src_lang, src_text, tgt_lang, tgt_text, format, limits)?;
    let tgt = segment_preview(tgt_lang, tgt_text, format, limits)?;
    // Paragraph positions (1-based) of the source with the translation published with them.
    let published: HashMap<u32, String> = alignment
        .paragraphs
        .iter()
        .filter_map(|bead| match (bead.src.as_slice(), bead.tgt.as_slice()) {
            ([s], [t]) => Some((*s as u32 + 1, tgt.paragraphs.get(*t)?.text.clone())),
            _ => None,
        })
        .collect();
    let request = super::statements::NewStatementRequest {
        title: title.to_owned(),
        source_lang: src_lang.to_owned(),
        target_langs: vec![tgt_lang.to_owned()],
        text: src_text.to_owned(),
        format: format.map(str::to_owned),
        open_to_translators: false,
    };
    let approvals = AlignedApprovals {
        published,
        user,
        at: chrono::Utc::now(),
    };
    super::statements::create_statement_with(store, limits, user, request, &approvals).await
}

/// The approvals of the paragraphs aligned one to one, made once the units exist.
struct AlignedApprovals<'a> {
    published: HashMap<u32, String>,
    user: &'a crate::domain::user::User,
    at: chrono::DateTime<chrono::Utc>,
}

impl FirstChanges for AlignedApprovals<'_> {
    fn first_changes(
        &self,
        statement: &crate::domain::statement::StatementDetail,
        units: &[UnitRecord],
    ) -> Result<Vec<UnitWrite>, IllegalTransition> {
        let mut writes = Vec::new();
        for unit in units {
            let Some(text) = self.published.get(&unit.view.position) else {
                continue;
            };
            let step = Step::ApproveAligned { text: text.clone() };
            let change =
                UnitChange::new(&unit.before(), step, self.user.id, self.at)?.noted(RevisionNote {
                    via: Some(Via::Alignment),
                    ..Default::default()
                });
            let memory = super::memory_feed::approved_pairs(
                statement,
                unit.view.segment_id,
                unit.view.lang.as_str(),
                text,
                &self.user.display_name,
                self.at,
            );
            writes.push(unit_write(change, memory));
        }
        Ok(writes)
    }
}
