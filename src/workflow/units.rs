//! Translating and reviewing one unit: save, submit, approve, reject, revert, comment.

use super::checks::gate_approval;
use super::effects::Effects;
use super::guard::{forbidden, refused};
use super::memory_feed::approved_pairs;
use super::unit_write::unit_write;
use chrono::Utc;
use serde_json::json;

use crate::domain::language::LanguageTag;
use crate::domain::policy::{may, refusal, Actor, Permission, Refusal, Target, UnitTarget};
use crate::domain::statement::Limits;
use crate::domain::unit::{Comment, IllegalTransition, Revision, UnitAction, UnitView};
use crate::domain::unit_change::{Step, UnitChange};
use crate::domain::user::User;
use crate::error::{AppError, AppResult, ErrorCode, Why};
use crate::store::units::UnitRecord;
use crate::store::{Store, StoreError};

/// Which unit: a segment of a statement, in one language.
#[derive(Debug, Clone)]
pub struct UnitRef {
    pub statement_id: i64,
    pub segment_id: i64,
    pub lang: String,
}

/// What the caller wants done, with the version they saw.
#[derive(Debug, Clone)]
pub enum Request {
    Save { text: String },
    Submit,
    Approve { text: Option<String> },
    Reject { comment: String },
    Revert { to_version: i64 },
}

impl Request {
    /// The action's name as events and history call it.
    pub fn action_name(&self) -> &'static str {
        self.action().as_str()
    }

    fn action(&self) -> UnitAction {
        match self {
            Self::Save { .. } => UnitAction::Save,
            Self::Submit => UnitAction::Submit,
            Self::Approve { .. } => UnitAction::Approve,
            Self::Reject { .. } => UnitAction::Reject,
            Self::Revert { .. } => UnitAction::Revert,
        }
    }

    fn permission(&self) -> Permission {
        match self {
            Self::Save { .. } | Self::Revert { .. } => Permission::Save,
            Self::Submit => Permission::Submit,
            Self::Approve { .. } => Permission::Approve,
            Self::Reject { .. } => Permission::Reject,
        }
    }
}

/// The unit as the policy sees it; `self_review` is the instance's setting.
pub fn target(unit: &UnitRecord, self_review: bool) -> Target<'_> {
    Target::Unit(UnitTarget {
        lang: &unit.view.lang,
        assignment: &unit.assignment,
        text_author: unit.text_author_id,
        self_review,
    })
}

/// Finds the unit, or 404 when the statement, the segment or the language is not there.
pub async fn load(store: &dyn Store, unit: &UnitRef) -> AppResult<UnitRecord> {
    let lang = LanguageTag::parse(&unit.lang)?;
    if let Some(found) = store
        .get_unit(unit.statement_id, unit.segment_id, &lang)
        .await?
    {
        return Ok(found);
    }
    // Only on the way to a 404: tell a missing statement from a missing unit.
    if store.get_statement(unit.statement_id).await?.is_none() {
        return Err(AppError::new(ErrorCode::StatementNotFound).with("id", unit.statement_id));
    }
    Err(AppError::not_found("unit")
        .detail("segment_id", unit.segment_id)
        .detail("lang", lang.to_string()))
}

/// The 409 that tells the loser of a race what is there now, so they can merge and retry.
pub fn version_conflict(current: &UnitView) -> AppError {
    AppError::new(ErrorCode::VersionConflict).detail(
        "current",
        json!({
            "text": current.text,
            "state": current.state,
            "version": current.version,
            "author": current.updated_by,
            "updated_at": current.updated_at,
        }),
    )
}

fn check_text(text: &str, limits: &Limits) -> AppResult<()> {
    if text.chars().count() > limits.max_translation_chars {
        return Err(
            AppError::new(ErrorCode::SegmentTooLong).with("limit", limits.max_translation_chars)
        );
    }
    Ok(())
}

/// The 409 for an action the unit's state does not allow.
pub fn invalid_transition(illegal: IllegalTransition) -> AppError {
    AppError::new(ErrorCode::InvalidTransition)
        .with("state", illegal.from.as_str())
        .with("action", illegal.action.as_str())
}

/// Where a change runs and what it may do: the store, the limits of texts, four-eyes review,
/// and where its after-effects go.
pub struct Desk<'a> {
    pub store: &'a dyn Store,
    pub limits: &'a Limits,
    pub allow_self_review: bool,
    pub effects: &'a Effects,
}

/// Applies one request to one unit: permission, version, transition and the rules of review,
/// then a single conditional write that also appends the revision; open views hear about it,
/// and an approval's pairs become searchable here.
pub async fn change(
    desk: &Desk<'_>,
    user: &User,
    unit_ref: &UnitRef,
    base_version: i64,
    request: Request,
) -> AppResult<UnitView> {
    let store = desk.store;
    let unit = load(store, unit_ref).await?;
    let permission = request.permission();
    let why_not = refusal(
        Some(Actor::of(user)),
        permission,
        target(&unit, desk.allow_self_review),
    );
    // A missing role or assignment is answered at once; four-eyes only once the approval would
    // otherwise go through (the version is current and the state allows it).
    if let Some(why) = why_not.filter(|why| *why != Refusal::OwnText) {
        return Err(refused(permission, why));
    }
    if base_version != unit.view.version {
        return Err(version_conflict(&unit.view));
    }
    let action = request.action();
    // A move the state does not allow is refused before the request's own checks are made.
    unit.view.state.after(action).map_err(invalid_transition)?;
    let step = step(desk, user, &unit, request, why_not).await?;
    let at = Utc::now();
    let change = UnitChange::new(&unit.before(), step, user.id, at).map_err(invalid_transition)?;
    let memory = if change.is_new_approval() {
        approval_pairs(store, user, &unit, &change).await?
    } else {
        Vec::new()
    };
    match store.apply_unit_change(&unit_write(change, memory)).await {
        Ok(updated) => {
            tracing::info!(unit = updated.view.unit_id, action = action.as_str(), by = %user.username,
                version = updated.view.version, "unit changed");
            desk.effects.unit_changed(
                unit_ref.statement_id,
                action.as_str(),
                &user.display_name,
                &updated.view,
            );
            if action == UnitAction::Approve {
                // The memory learned from this approval; make it searchable here at once.
                desk.effects.memory_grew_soon();
            }
            Ok(updated.view)
        }
        Err(StoreError::VersionConflict) => {
            let current = load(store, unit_ref).await?;
            Err(version_conflict(&current.view))
        }
        Err(e) => Err(e.into()),
    }
}

/// What the request does to the unit, once its own rules are checked: the length of a new
/// text, a revision to go back to, a text to submit, someone else's work to approve (`why_not`:
/// what the policy said), a reason to send back.
async fn step(
    desk: &Desk<'_>,
    user: &User,
    unit: &UnitRecord,
    request: Request,
    why_not: Option<Refusal>,
) -> AppResult<Step> {
    Ok(match request {
        Request::Save { text } => {
            check_text(&text, desk.limits)?;
            Step::Save {
                text,
                author: Some(user.id),
            }
        }
        Request::Revert { to_version } => {
            let history = desk.store.unit_history(unit.view.unit_id).await?;
            let old = history
                .iter()
                .find(|r| r.version == to_version)
                .ok_or_else(|| {
                    AppError::invalid_input(
                        "to_version",
                        Why::NoRevision,
                        format!("unit has no revision {to_version}"),
                    )
                })?;
            Step::Revert {
                text: old.text.clone(),
                version: to_version,
            }
        }
        Request::Submit => {
            if unit.view.text.trim().is_empty() {
                return Err(AppError::new(ErrorCode::EmptyText));
            }
            Step::Submit
        }
        Request::Approve { text: correction } => {
            if why_not == Some(Refusal::OwnText) {
                return Err(
                    AppError::new(ErrorCode::SelfReview).detail("unit_id", unit.view.unit_id)
                );
            }
            let correction = correction.filter(|c| *c != unit.view.text);
            if let Some(corrected) = &correction {
                check_text(corrected, desk.limits)?;
            }
            Step::Approve { correction }
        }
        Request::Reject { comment } => {
            let comment = comment.trim().to_owned();
            if comment.is_empty() {
                return Err(AppError::invalid_input(
                    "comment",
                    Why::CommentRequired,
                    "a rejection needs a comment",
                ));
            }
            Step::Reject { comment }
        }
    })
}

/// What an approval teaches the memory, once the quality checks let it through: errors they
/// find block approval; warnings are for people to judge.
async fn approval_pairs(
    store: &dyn Store,
    user: &User,
    unit: &UnitRecord,
    change: &UnitChange,
) -> AppResult<Vec<crate::store::memory::NewMemoryEntry>> {
    let statement_id = unit.statement_id;
    let statement = store
        .get_statement(statement_id)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::StatementNotFound).with("id", statement_id))?;
    let lang = unit.view.lang.as_str();
    gate_approval(
        store,
        statement.summary.source_lang.as_str(),
        lang,
        &unit.view.source,
        change.text(),
    )
    .await?;
    Ok(approved_pairs(
        &statement,
        unit.view.segment_id,
        lang,
        change.text(),
        &user.display_name,
        change.at(),
    ))
}

/// A unit's revisions, oldest first. Anyone signed in may read them.
pub async fn history(store: &dyn Store, unit_ref: &UnitRef) -> AppResult<Vec<Revision>> {
    let unit = load(store, unit_ref).await?;
    Ok(store.unit_history(unit.view.unit_id).await?)
}

pub async fn comments(store: &dyn Store, unit_ref: &UnitRef) -> AppResult<Vec<Comment>> {
    let unit = load(store, unit_ref).await?;
    Ok(store.unit_comments(unit.view.unit_id).await?)
}

/// Adds a remark to the unit's discussion; open views hear about it.
pub async fn add_comment(
    store: &dyn Store,
    effects: &Effects,
    user: &User,
    unit_ref: &UnitRef,
    body: &str,
) -> AppResult<Comment> {
    let unit = load(store, unit_ref).await?;
    // Four-eyes bears on approvals only, not on the discussion.
    if !may(
        Some(Actor::of(user)),
        Permission::Comment,
        target(&unit, false),
    ) {
        return Err(forbidden(Permission::Comment));
    }
    let body = body.trim();
    if body.is_empty() || body.chars().count() > 10_000 {
        return Err(AppError::invalid_input(
            "body",
            Why::Length {
                min: 1,
                max: 10_000,
            },
            "between 1 and 10000 characters",
        ));
    }
    let comment = store.add_comment(unit.view.unit_id, user.id, body).await?;
    effects.commented(
        unit_ref.statement_id,
        unit_ref.segment_id,
        &unit_ref.lang,
        &comment,
    );
    Ok(comment)
}

/// Every unit of one language of a statement, in order; 404 when the language is not a target.
pub async fn list(store: &dyn Store, statement_id: i64, lang: &str) -> AppResult<Vec<UnitView>> {
    let lang = LanguageTag::parse(lang)?;
    // Units are created only for a statement's target languages (and targets are never taken
    // away), so units found answer on their own: the editor's most frequent read skips loading
    // the whole statement. Only an empty list needs the statement, to tell its 404s apart.
    let units = store.list_units(statement_id, &lang).await?;
    if !units.is_empty() {
        return Ok(units);
    }
    let statement = store
        .get_statement(statement_id)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::StatementNotFound).with("id", statement_id))?;
    if !statement.summary.target_langs.contains(&lang) {
        return Err(AppError::not_found("language").detail("lang", lang.to_string()));
    }
    Ok(units)
}
