//! Assigning translators and reviewers to a statement's units in one language.

use chrono::{DateTime, Utc};

use crate::domain::language::LanguageTag;
use crate::domain::policy::{may, Actor, Permission, Target};
use crate::domain::role::LanguageRole;
use crate::domain::user::User;
use crate::error::{AppError, AppResult, ErrorCode, Why};
use crate::store::units::AssignmentChange;
use crate::store::Store;

use super::guard::require;

/// Which segments an assignment covers.
#[derive(Debug, Clone)]
pub enum Scope {
    All,
    Ids(Vec<i64>),
    /// Positions, both ends included (1-based, as shown to people).
    Range {
        from: u32,
        to: u32,
    },
}

pub struct AssignRequest {
    pub lang: String,
    pub role: LanguageRole,
    /// `None` removes the assignment.
    pub username: Option<String>,
    pub scope: Scope,
    pub due_at: Option<DateTime<Utc>>,
}

/// Sets who translates or reviews the chosen units; returns how many units were assigned.
pub async fn assign(
    store: &dyn Store,
    editor: &User,
    statement_id: i64,
    request: AssignRequest,
) -> AppResult<u64> {
    let lang = LanguageTag::parse(&request.lang)?;
    require(editor, Permission::Assign, Target::Language(&lang))?;
    let statement = store
        .get_statement(statement_id)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::StatementNotFound).with("id", statement_id))?;
    if !statement.summary.target_langs.contains(&lang) {
        return Err(AppError::not_found("language").detail("lang", lang.to_string()));
    }
    let assignee = match &request.username {
        None => None,
        Some(name) => {
            let key = name.trim().to_lowercase();
            let user = match store.credentials(&key).await? {
                Some(c) => store.get_user(c.user_id).await?,
                None => None,
            }
            .ok_or_else(|| AppError::not_found("user").detail("username", key.as_str()))?;
            let takes = match request.role {
                LanguageRole::Translator => Permission::TakeTranslation,
                LanguageRole::Reviewer => Permission::TakeReview,
            };
            if !may(Some(Actor::of(&user)), takes, Target::Language(&lang)) {
                return Err(AppError::new(ErrorCode::LacksRole)
                    .with("username", user.username.as_str())
                    .with("role", request.role.as_str())
                    .with("lang", lang.to_string()));
            }
            Some(user.id)
        }
    };
    let segments = match request.scope {
        Scope::All => None,
        Scope::Ids(ids) => {
            let known: Vec<i64> = statement.all_segments().map(|s| s.id).collect();
            if let Some(bad) = ids.iter().find(|id| !known.contains(id)) {
                return Err(AppError::not_found("segment").detail("segment_id", *bad));
            }
            Some(ids)
        }
        Scope::Range { from, to } => {
            if from == 0 || from > to || to as usize > statement.segments.len() {
                let max = statement.segments.len() as i64;
                return Err(AppError::invalid_input(
                    "segments",
                    Why::Range { min: 1, max },
                    format!("a range within 1..={max}"),
                ));
            }
            Some(
                statement
                    .segments
                    .iter()
                    .filter(|s| (from..=to).contains(&s.position))
                    .map(|s| s.id)
                    .collect(),
            )
        }
    };
    let (translator, reviewer) = match request.role {
        LanguageRole::Translator => (Some(assignee), None),
        LanguageRole::Reviewer => (None, Some(assignee)),
    };
    let touched = store
        .assign(&AssignmentChange {
            statement_id,
            lang,
            translator,
            reviewer,
            segments,
            due_at: request.due_at,
        })
        .await?;
    tracing::info!(statement = statement_id, role = request.role.as_str(), units = touched, by = %editor.username, "assigned");
    Ok(touched)
}
