//! Quality checks in use: one unit on save and before approval, a whole statement before publishing.

use serde::Serialize;

use crate::domain::checks::{
    check_across, check_unit, Finding, GlossaryTerm, Severity, TermStatus as CheckStatus, UnitInput,
};
use crate::domain::glossary::{Term, TermStatus};
use crate::domain::language::LanguageTag;
use crate::domain::segmentation::split_sentences;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::store::Store;

use super::glossary;

/// A finding placed in its statement.
#[derive(Debug, Clone, Serialize)]
pub struct PlacedFinding {
    pub segment_id: i64,
    pub lang: String,
    pub finding: Finding,
}

fn sentences(lang: &str, text: &str) -> usize {
    split_sentences(lang, text)
        .into_iter()
        .filter(|r| !text[r.clone()].trim().is_empty())
        .count()
}

/// The checks of one unit's text against its source, with the pair's glossary.
pub fn unit_findings(
    source_lang: &str,
    lang: &str,
    source: &str,
    target: &str,
    terms: &[Term],
) -> Vec<Finding> {
    let glossary: Vec<GlossaryTerm<'_>> = terms
        .iter()
        .map(|t| GlossaryTerm {
            term: &t.term,
            translation: &t.translation,
            status: match t.status {
                TermStatus::Preferred => CheckStatus::Preferred,
                TermStatus::Forbidden => CheckStatus::Forbidden,
                TermStatus::DoNotTranslate => CheckStatus::DoNotTranslate,
            },
        })
        .collect();
    check_unit(&UnitInput {
        source_lang,
        target_lang: lang,
        source,
        target,
        source_sentences: sentences(source_lang, source),
        target_sentences: sentences(lang, target),
        glossary: &glossary,
    })
}

/// Refuses an approval while the text has errors; warnings do not block.
pub async fn gate_approval(
    store: &dyn Store,
    source_lang: &str,
    lang: &str,
    source: &str,
    text: &str,
) -> AppResult<()> {
    let terms = glossary::list(store, Some(source_lang), Some(lang)).await?;
    let errors: Vec<Finding> = unit_findings(source_lang, lang, source, text, &terms)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    if errors.is_empty() {
        return Ok(());
    }
    Err(AppError::new(ErrorCode::ChecksFailed)
        .with("count", errors.len())
        .detail(
            "findings",
            serde_json::to_value(&errors).unwrap_or_default(),
        ))
}

/// Every finding of a statement, for one language or all, including the cross-language check
/// (a number or name kept by one translation and lost by another).
pub async fn statement_findings(
    store: &dyn Store,
    statement_id: i64,
    only: Option<&LanguageTag>,
) -> AppResult<Vec<PlacedFinding>> {
    let statement = store
        .get_statement(statement_id)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::StatementNotFound).with("id", statement_id))?;
    let source_lang = statement.summary.source_lang.as_str();
    let mut placed = Vec::new();
    let mut texts: Vec<(String, Vec<(i64, String)>)> = Vec::new();
    for lang in &statement.summary.target_langs {
        let terms = glossary::list(store, Some(source_lang), Some(lang.as_str())).await?;
        let units = store.list_units(statement_id, lang).await?;
        if only.is_none_or(|o| o == lang) {
            for unit in &units {
                // An untranslated unit is not a finding yet: it is the work still to do.
                if unit.text.trim().is_empty() {
                    continue;
                }
                for finding in
                    unit_findings(source_lang, lang.as_str(), &unit.source, &unit.text, &terms)
                {
                    placed.push(PlacedFinding {
                        segment_id: unit.segment_id,
                        lang: lang.to_string(),
                        finding,
                    });
                }
            }
        }
        texts.push((
            lang.to_string(),
            units.into_iter().map(|u| (u.segment_id, u.text)).collect(),
        ));
    }
    for segment in statement.all_segments() {
        let translations: Vec<(&str, &str)> = texts
            .iter()
            .filter_map(|(lang, units)| {
                units
                    .iter()
                    .find(|(id, text)| *id == segment.id && !text.trim().is_empty())
                    .map(|(_, text)| (lang.as_str(), text.as_str()))
            })
            .collect();
        if translations.len() < 2 {
            continue;
        }
        for (lang, finding) in check_across(source_lang, &segment.source, &translations) {
            if only.is_none_or(|o| o.as_str() == lang) {
                placed.push(PlacedFinding {
                    segment_id: segment.id,
                    lang,
                    finding,
                });
            }
        }
    }
    Ok(placed)
}
