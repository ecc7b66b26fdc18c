//! Builds the export document of a publication or of a statement's working state.

use chrono::Utc;

use crate::domain::language::LanguageTag;
use crate::domain::policy::{Permission, Target};
use crate::domain::segmentation::split_sentences;
use crate::domain::unit::UnitState;
use crate::domain::user::User;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::formats::model::{ExportDoc, ExportSegment, ExportTarget};
use crate::store::units::Publication;
use crate::store::Store;

use super::guard::require;

/// A publication as an export document: every target is final.
pub fn publication_doc(publication: &Publication) -> ExportDoc {
    let content = &publication.content;
    let segments = content
        .segments
        .iter()
        .map(|segment| ExportSegment {
            segment_id: segment.segment_id,
            position: segment.position,
            kind: segment.kind.clone(),
            level: segment.level,
            source: segment.source.clone(),
            source_sentences: split_sentences(content.source_lang.primary(), &segment.source),
            targets: content
                .langs
                .iter()
                .filter_map(|lang| {
                    let published = segment.translations.get(lang.as_str())?;
                    Some(ExportTarget {
                        lang: lang.clone(),
                        sentences: split_sentences(lang.primary(), &published.text),
                        text: published.text.clone(),
                        state: UnitState::Approved,
                        version: 0,
                        notes: Vec::new(),
                    })
                })
                .collect(),
        })
        .collect();
    ExportDoc {
        statement_id: publication.statement_id,
        slug: publication.slug.clone(),
        title: content.title.clone(),
        source_lang: content.source_lang.clone(),
        revision: content.revision,
        publication: Some(publication.number),
        date: publication.created_at,
        langs: content.langs.clone(),
        segments,
    }
}

/// The current state of a statement in `langs` (every target language when empty), with unit
/// states, versions and discussion, for editors and for translators of those languages.
pub async fn working_doc(
    store: &dyn Store,
    user: &User,
    statement_id: i64,
    langs: &[String],
) -> AppResult<ExportDoc> {
    let statement = store
        .get_statement(statement_id)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::StatementNotFound).with("id", statement_id))?;
    let mut chosen = Vec::new();
    for raw in langs {
        let lang = LanguageTag::parse(raw)?;
        if !statement.summary.target_langs.contains(&lang) {
            return Err(AppError::not_found("language").detail("lang", lang.to_string()));
        }
        chosen.push(lang);
    }
    if chosen.is_empty() {
        chosen = statement.summary.target_langs.clone();
    }
    for lang in &chosen {
        require(user, Permission::Export, Target::Language(lang))?;
    }
    let mut per_lang = Vec::new();
    let mut notes: std::collections::HashMap<i64, Vec<String>> = std::collections::HashMap::new();
    for lang in &chosen {
        let units = store.list_units(statement_id, lang).await?;
        per_lang.push(
            units
                .into_iter()
                .map(|u| (u.segment_id, u))
                .collect::<std::collections::HashMap<_, _>>(),
        );
        for (unit_id, c) in store.statement_comments(statement_id, lang).await? {
            notes
                .entry(unit_id)
                .or_default()
                .push(format!("{}: {}", c.author, c.body));
        }
    }
    let mut segments = Vec::with_capacity(statement.segments.len() + 1);
    for segment in statement.all_segments() {
        let mut targets = Vec::new();
        for (lang, units) in chosen.iter().zip(&per_lang) {
            let Some(unit) = units.get(&segment.id) else {
                continue;
            };
            targets.push(ExportTarget {
                lang: lang.clone(),
                sentences: split_sentences(lang.primary(), &unit.text),
                text: unit.text.clone(),
                state: unit.state,
                version: unit.version,
                notes: notes.remove(&unit.unit_id).unwrap_or_default(),
            });
        }
        segments.push(ExportSegment {
            segment_id: segment.id,
            position: segment.position,
            kind: segment.kind.clone(),
            level: segment.level,
            source_sentences: split_sentences(
                statement.summary.source_lang.primary(),
                &segment.source,
            ),
            source: segment.source.clone(),
            targets,
        });
    }
    Ok(ExportDoc {
        statement_id,
        slug: statement.summary.slug.clone(),
        title: statement.summary.title.clone(),
        source_lang: statement.summary.source_lang.clone(),
        revision: statement.summary.revision,
        publication: None,
        date: Utc::now(),
        langs: chosen,
        segments,
    })
}
