//! Changing a statement's source text without losing anyone's translation.

use chrono::Utc;
use serde::Serialize;

use crate::domain::blocks::TextFormat;
use crate::domain::diff::{word_diff, DiffPart};
use crate::domain::policy::{Permission, Target};
use crate::domain::source_change::{plan, unit_fates, SegmentPlan, SourceEdit, SourcePlan};
use crate::domain::statement::{segment_checked, Limits, StatementDetail};
use crate::domain::user::User;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::store::units::SourceChange;
use crate::store::{Store, StoreError};

use super::effects::Effects;
use super::guard::require;
use super::statements::parse_format;
use super::unit_write::unit_write;
use super::units::invalid_transition;

/// How the segments fared.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct SourceChanges {
    pub kept: u32,
    pub edited: u32,
    pub inserted: u32,
    pub removed: u32,
}

/// A translator saving at the same moment moves a unit's version under us; the whole change
/// is then retried from a fresh read, a few times.
const ATTEMPTS: usize = 3;

/// A new source as the editor sends it.
pub struct SourceUpdate<'a> {
    pub text: &'a str,
    /// `text` or `markdown`; the statement's own format when `None`.
    pub format: Option<&'a str>,
    pub base_revision: i64,
    pub minor: bool,
}

/// Replaces a statement's source (editors): segments are kept, edited, inserted or retired as
/// the new text says, and the units of edited ones are told; open views reload.
pub async fn update_source(
    store: &dyn Store,
    limits: &Limits,
    effects: &Effects,
    user: &User,
    statement_id: i64,
    update: SourceUpdate<'_>,
) -> AppResult<(StatementDetail, SourceChanges)> {
    let SourceUpdate {
        text,
        format,
        base_revision,
        minor,
    } = update;
    for attempt in 1..=ATTEMPTS {
        let statement = store
            .get_statement(statement_id)
            .await?
            .ok_or_else(|| AppError::new(ErrorCode::StatementNotFound).with("id", statement_id))?;
        let source_lang = statement.summary.source_lang.clone();
        require(user, Permission::ChangeSource, Target::Statement)?;
        if base_revision != statement.summary.revision {
            return Err(revision_conflict(statement.summary.revision));
        }
        let format: TextFormat = match format {
            Some(f) => parse_format(Some(f))?,
            None => parse_format(Some(&statement.summary.format))?,
        };
        let drafts = segment_checked(&source_lang, text, format, limits)?;
        let plan = plan(&statement.segments, drafts);
        let changes = SourceChanges::of(&plan);
        let edit = SourceEdit {
            by: user.id,
            at: Utc::now(),
            revision: base_revision + 1,
            minor,
        };
        let change = planned_change(store, &statement, plan, edit, text, &format).await?;
        match store.replace_source(&change).await {
            Ok(detail) => {
                tracing::info!(statement = statement_id, revision = detail.summary.revision, minor, ?changes,
                    by = %user.username, "source changed");
                effects.statement_changed(statement_id);
                return Ok((detail, changes));
            }
            Err(StoreError::RevisionConflict) => {
                let current = store
                    .get_statement(statement_id)
                    .await?
                    .map(|s| s.summary.revision)
                    .unwrap_or(0);
                return Err(revision_conflict(current));
            }
            Err(StoreError::VersionConflict) if attempt < ATTEMPTS => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(AppError::new(ErrorCode::Unavailable))
}

impl SourceChanges {
    fn of(plan: &SourcePlan) -> Self {
        let mut changes = Self {
            removed: plan.removed.len() as u32,
            ..Self::default()
        };
        for p in &plan.segments {
            match p {
                SegmentPlan::Keep { .. } => changes.kept += 1,
                SegmentPlan::Edit { .. } => changes.edited += 1,
                SegmentPlan::Insert { .. } => changes.inserted += 1,
            }
        }
        changes
    }
}

/// The source change to write: the plan, and what it does to the units of edited segments as
/// they are now (read again on every attempt).
async fn planned_change(
    store: &dyn Store,
    statement: &StatementDetail,
    plan: SourcePlan,
    edit: SourceEdit,
    text: &str,
    format: &TextFormat,
) -> AppResult<SourceChange> {
    let id = statement.summary.id;
    let mut units = Vec::new();
    for lang in &statement.summary.target_langs {
        units.extend(
            store
                .unit_records(id, lang)
                .await?
                .iter()
                .map(|u| u.before()),
        );
    }
    let fates = unit_fates(&plan, &units, edit).map_err(invalid_transition)?;
    Ok(SourceChange {
        statement_id: id,
        base_revision: statement.summary.revision,
        revision: edit.revision,
        text: text.to_owned(),
        format: format.to_string(),
        author: edit.by,
        at: edit.at,
        plan,
        units: fates
            .changes
            .into_iter()
            .map(|c| unit_write(c, Vec::new()))
            .collect(),
        untouched: fates.untouched,
    })
}

fn revision_conflict(current: i64) -> AppError {
    AppError::new(ErrorCode::RevisionConflict).with("current", current)
}

/// What a new source would do to one paragraph, for the editor to confirm.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ParagraphChange {
    /// `kept`, `edited`, `inserted` or `removed`.
    pub fate: &'static str,
    /// The paragraph's place in the new text (removed ones: in the old text).
    pub position: u32,
    /// Word-level changes from the old paragraph to the new one.
    pub diff: Vec<DiffPart>,
}

/// The changes a new source would make, without making them.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct SourcePreview {
    pub revision: i64,
    pub changes: SourceChanges,
    pub paragraphs: Vec<ParagraphChange>,
}

pub async fn preview_source(
    store: &dyn Store,
    limits: &Limits,
    statement_id: i64,
    text: &str,
    format: Option<&str>,
) -> AppResult<SourcePreview> {
    let statement = store
        .get_statement(statement_id)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::StatementNotFound).with("id", statement_id))?;
    let format: TextFormat = parse_format(Some(format.unwrap_or(&statement.summary.format)))?;
    let drafts = segment_checked(&statement.summary.source_lang, text, format, limits)?;
    let plan = plan(&statement.segments, drafts);
    let mut changes = SourceChanges {
        removed: plan.removed.len() as u32,
        ..SourceChanges::default()
    };
    let mut paragraphs = Vec::new();
    for (i, p) in plan.segments.iter().enumerate() {
        let position = i as u32 + 1;
        let (fate, diff) = match p {
            SegmentPlan::Keep { draft, .. } => {
                changes.kept += 1;
                ("kept", word_diff(&draft.source, &draft.source))
            }
            SegmentPlan::Edit {
                old_source, draft, ..
            } => {
                changes.edited += 1;
                ("edited", word_diff(old_source, &draft.source))
            }
            SegmentPlan::Insert { draft } => {
                changes.inserted += 1;
                ("inserted", word_diff("", &draft.source))
            }
        };
        paragraphs.push(ParagraphChange {
            fate,
            position,
            diff,
        });
    }
    for removed in &plan.removed {
        if let Some(old) = statement.segments.iter().find(|s| s.id == *removed) {
            paragraphs.push(ParagraphChange {
                fate: "removed",
                position: old.position,
                diff: word_diff(&old.source, ""),
            });
        }
    }
    Ok(SourcePreview {
        revision: statement.summary.revision,
        changes,
        paragraphs,
    })
}
