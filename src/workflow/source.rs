//! Changing a statement's source text without losing anyone's translation.

use chrono::Utc;
use serde::Serialize;

use crate::domain::blocks::TextFormat;
use crate::domain::policy::{may, Assignment, Permission};
use crate::domain::source_change::{plan, SegmentPlan};
use crate::domain::statement::{segment_checked, Limits, StatementDetail};
use crate::domain::user::User;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::store::units::SourceChange;
use crate::store::{Store, StoreError};

use super::statements::parse_format;
use super::units::actor;

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

pub async fn update_source(
    store: &dyn Store,
    limits: &Limits,
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
        if !may(
            Some(actor(user)),
            Permission::ChangeSource,
            &source_lang,
            &Assignment::default(),
        ) {
            return Err(AppError::new(ErrorCode::Forbidden)
                .with("action", Permission::ChangeSource.as_str()));
        }
        if base_revision != statement.summary.revision {
            return Err(revision_conflict(statement.summary.revision));
        }
        let format: TextFormat = match format {
            Some(f) => parse_format(Some(f))?,
            None => parse_format(Some(&statement.summary.format))?,
        };
        let drafts = segment_checked(&source_lang, text, format, limits)?;
        let plan = plan(&statement.segments, drafts);
        let mut changes = SourceChanges {
            removed: plan.removed.len() as u32,
            ..SourceChanges::default()
        };
        for p in &plan.segments {
            match p {
                SegmentPlan::Keep { .. } => changes.kept += 1,
                SegmentPlan::Edit { .. } => changes.edited += 1,
                SegmentPlan::Insert { .. } => changes.inserted += 1,
            }
        }
        let change = SourceChange {
            statement_id,
            base_revision,
            text: text.to_owned(),
            format: format.to_string(),
            author: user.id,
            at: Utc::now(),
            minor,
            plan,
        };
        match store.replace_source(&change).await {
            Ok(detail) => {
                tracing::info!(statement = statement_id, revision = detail.summary.revision, minor, ?changes,
                    by = %user.username, "source changed");
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

fn revision_conflict(current: i64) -> AppError {
    AppError::new(ErrorCode::RevisionConflict).with("current", current)
}
