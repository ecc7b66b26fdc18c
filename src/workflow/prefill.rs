//! Drafts from the memory for a new statement: a paragraph the memory holds word for word (100,
//! or 101 in context) starts as a draft of that translation, which a person still submits and
//! reviews. Each such revision says it came from the memory.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::domain::language::LanguageTag;
use crate::domain::origin::{Origin, RevisionNote};
use crate::domain::statement::{PreparedStatement, StatementDetail};
use crate::domain::unit::{IllegalTransition, UnitState};
use crate::domain::unit_change::{Step, UnitChange};
use crate::domain::user::User;
use crate::error::AppResult;
use crate::store::units::{FirstChanges, UnitRecord, UnitWrite};
use crate::store::Store;

use super::memory::MemoryBook;
use super::unit_write::unit_write;

/// The memory's word-for-word translations of a new statement's headline and paragraphs, by
/// place (0 for the headline) and target language, with their scores.
pub(crate) struct MemoryDrafts {
    found: HashMap<(u32, LanguageTag), (String, u8)>,
    by: i64,
    at: DateTime<Utc>,
}

impl MemoryDrafts {
    /// How many units start as drafts.
    pub(crate) fn len(&self) -> usize {
        self.found.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.found.is_empty()
    }
}

/// Looks the headline and every paragraph of `statement` up in the memory, in each target language, with its
/// neighbours as context.
pub(crate) async fn memory_drafts(
    memory: &Arc<MemoryBook>,
    store: &dyn Store,
    statement: &PreparedStatement,
    user: &User,
) -> AppResult<MemoryDrafts> {
    // What was remembered a moment ago (by another instance too) counts.
    memory.refresh(store).await?;
    // The headline (place 0) stands alone; a paragraph's context is its neighbours in the text.
    let body = &statement.segments;
    let mut found = HashMap::new();
    for lang in &statement.target_langs {
        for (position, segment) in statement.all_segments().enumerate() {
            let context = match position.checked_sub(1) {
                None => (None, None),
                Some(index) => (
                    index.checked_sub(1).map(|i| body[i].source.as_str()),
                    body.get(index + 1).map(|s| s.source.as_str()),
                ),
            };
            let suggestions = memory
                .lookup(
                    store,
                    statement.source_lang.as_str(),
                    lang.as_str(),
                    &segment.source,
                    Some(context),
                    1,
                )
                .await?;
            if let Some(best) = suggestions.into_iter().next().filter(|s| s.score >= 100) {
                let position = u32::try_from(position).unwrap_or(u32::MAX);
                found.insert((position, lang.clone()), (best.target, best.score));
            }
        }
    }
    Ok(MemoryDrafts {
        found,
        by: user.id,
        at: Utc::now(),
    })
}

impl FirstChanges for MemoryDrafts {
    fn first_changes(
        &self,
        _statement: &StatementDetail,
        units: &[UnitRecord],
    ) -> Result<Vec<UnitWrite>, IllegalTransition> {
        let mut writes = Vec::new();
        for unit in units {
            if unit.view.state != UnitState::Untranslated {
                continue;
            }
            let key = (unit.view.position, unit.view.lang.clone());
            let Some((text, score)) = self.found.get(&key) else {
                continue;
            };
            // Nobody here wrote it, so any reviewer may approve it after a translator submits.
            let step = Step::Save {
                text: text.clone(),
                author: None,
            };
            let note = RevisionNote {
                origin: Origin::memory(u32::from(*score)),
                ..RevisionNote::default()
            };
            let change = UnitChange::new(&unit.before(), step, self.by, self.at)?.noted(note);
            writes.push(unit_write(change, Vec::new()));
        }
        Ok(writes)
    }
}
