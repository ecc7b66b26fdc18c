//! Aligning a text with its existing translation: paragraphs first, then sentences inside each
//! aligned group of paragraphs.

use serde::Serialize;

use crate::domain::align::{align_paragraphs, align_sentences, Bead};
use crate::domain::origin::{RevisionNote, Via};
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

/// Stores the sentence beads of an alignment that have both sides as memory pairs (editors).
pub async fn remember(
    store: &dyn crate::store::Store,
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
    Ok(store.add_memory(&entries).await?)
}

/// A statement made of an existing text and its translation: the source becomes a statement
/// and every paragraph aligned one to one is approved with its translation (what the people who
/// translated it before had published); the rest waits for a translator (editors).
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
    use crate::domain::unit::{UnitAction, UnitState};
    use crate::store::units::{Approval, UnitChange};
    let alignment = align_documents(src_lang, src_text, tgt_lang, tgt_text, format, limits)?;
    let tgt = segment_preview(tgt_lang, tgt_text, format, limits)?;
    let statement = super::statements::create_statement(
        store,
        limits,
        user,
        super::statements::NewStatementRequest {
            title: title.to_owned(),
            source_lang: src_lang.to_owned(),
            target_langs: vec![tgt_lang.to_owned()],
            text: src_text.to_owned(),
            format: format.map(str::to_owned),
            open_to_translators: false,
        },
    )
    .await?;
    let lang = crate::domain::language::LanguageTag::parse(tgt_lang)?;
    let records = store.unit_records(statement.summary.id, &lang).await?;
    let now = chrono::Utc::now();
    let mut changes = Vec::new();
    for bead in &alignment.paragraphs {
        let ([s], [t]) = (bead.src.as_slice(), bead.tgt.as_slice()) else {
            continue;
        };
        let (Some(segment), Some(target)) = (statement.segments.get(*s), tgt.paragraphs.get(*t))
        else {
            continue;
        };
        let Some(record) = records.iter().find(|r| r.view.segment_id == segment.id) else {
            continue;
        };
        changes.push(UnitChange {
            unit_id: record.view.unit_id,
            base_version: record.view.version,
            action: UnitAction::Approve,
            from_state: UnitState::Untranslated,
            to_state: UnitState::Approved,
            text: target.text.clone(),
            text_author: None,
            reason: None,
            approval: Approval::Set,
            author: user.id,
            comment: None,
            note: RevisionNote {
                via: Some(Via::Alignment),
                ..Default::default()
            },
            at: now,
            memory: super::memory_feed::approved_pairs(
                &statement,
                segment.id,
                lang.as_str(),
                &target.text,
                &user.display_name,
                now,
            ),
        });
    }
    store.apply_unit_changes(&changes).await?;
    super::statements::get_statement(store, statement.summary.id).await
}
