//! Translating and reviewing one unit: save, submit, approve, reject, revert, comment.

use super::checks::gate_approval;
use super::guard::{forbidden, refused};
use super::memory_feed::approved_pairs;
use chrono::Utc;
use serde_json::json;

use crate::domain::language::LanguageTag;
use crate::domain::origin::RevisionNote;
use crate::domain::policy::{may, refusal, Actor, Permission, Refusal, Target, UnitTarget};
use crate::domain::statement::Limits;
use crate::domain::unit::{Comment, Reason, Revision, UnitAction, UnitState, UnitView};
use crate::domain::user::User;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::store::units::{Approval, UnitChange, UnitRecord};
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

/// Applies one request to one unit: permission, version, transition and the rules of review,
/// then a single conditional write that also appends the revision.
pub async fn change(
    store: &dyn Store,
    limits: &Limits,
    allow_self_review: bool,
    user: &User,
    unit_ref: &UnitRef,
    base_version: i64,
    request: Request,
) -> AppResult<UnitView> {
    let unit = load(store, unit_ref).await?;
    let lang = unit.view.lang.clone();
    let permission = request.permission();
    let why_not = refusal(
        Some(Actor::of(user)),
        permission,
        target(&unit, allow_self_review),
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
    let from = unit.view.state;
    let to = from.after(action).map_err(|illegal| {
        AppError::new(ErrorCode::InvalidTransition)
            .with("state", illegal.from.as_str())
            .with("action", illegal.action.as_str())
    })?;
    let mut text = unit.view.text.clone();
    let mut text_author = unit.text_author_id;
    let mut reason = None;
    let mut approval = Approval::Keep;
    let mut comment = None;
    match request {
        Request::Save { text: new_text } => {
            check_text(&new_text, limits)?;
            text = new_text;
            text_author = Some(user.id);
        }
        Request::Revert { to_version } => {
            let history = store.unit_history(unit.view.unit_id).await?;
            let old = history
                .iter()
                .find(|r| r.version == to_version)
                .ok_or_else(|| {
                    AppError::new(ErrorCode::InvalidInput)
                        .with("field", "to_version")
                        .with("reason", format!("unit has no revision {to_version}"))
                })?;
            text = old.text.clone();
            text_author = Some(user.id);
            comment = Some(format!("reverted to version {to_version}"));
        }
        Request::Submit => {
            if text.trim().is_empty() {
                return Err(AppError::new(ErrorCode::EmptyText));
            }
        }
        Request::Approve { text: corrected } => {
            if why_not == Some(Refusal::OwnText) {
                return Err(
                    AppError::new(ErrorCode::SelfReview).detail("unit_id", unit.view.unit_id)
                );
            }
            if let Some(corrected) = corrected.filter(|c| *c != text) {
                check_text(&corrected, limits)?;
                text = corrected;
                text_author = Some(user.id);
                comment = Some("corrected by the reviewer on approval".to_owned());
            }
            approval = Approval::Set;
        }
        Request::Reject { comment: why } => {
            let why = why.trim().to_owned();
            if why.is_empty() {
                return Err(AppError::new(ErrorCode::InvalidInput)
                    .with("field", "comment")
                    .with("reason", "a rejection needs a comment"));
            }
            // Withdrawing an approval withdraws it from publication too; rejecting a
            // correction keeps the earlier approved text publishable.
            if from == UnitState::Approved {
                approval = Approval::Clear;
            }
            reason = Some(Reason::Rejected {
                comment: why.clone(),
            });
            comment = Some(why);
        }
    }
    let at = Utc::now();
    let memory = if approval == Approval::Set {
        let statement = store
            .get_statement(unit_ref.statement_id)
            .await?
            .ok_or_else(|| {
                AppError::new(ErrorCode::StatementNotFound).with("id", unit_ref.statement_id)
            })?;
        // Errors found by the quality checks block approval; warnings are for people to judge.
        gate_approval(
            store,
            statement.summary.source_lang.as_str(),
            lang.as_str(),
            &unit.view.source,
            &text,
        )
        .await?;
        approved_pairs(
            &statement,
            unit.view.segment_id,
            lang.as_str(),
            &text,
            &user.display_name,
            at,
        )
    } else {
        Vec::new()
    };
    let change = UnitChange {
        unit_id: unit.view.unit_id,
        base_version,
        action,
        from_state: from,
        to_state: to,
        text,
        text_author,
        reason,
        approval,
        author: user.id,
        comment,
        note: RevisionNote::default(),
        at,
        memory,
    };
    match store.apply_unit_change(&change).await {
        Ok(updated) => {
            tracing::info!(unit = updated.view.unit_id, action = action.as_str(), by = %user.username,
                version = updated.view.version, "unit changed");
            Ok(updated.view)
        }
        Err(StoreError::VersionConflict) => {
            let current = load(store, unit_ref).await?;
            Err(version_conflict(&current.view))
        }
        Err(e) => Err(e.into()),
    }
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

pub async fn add_comment(
    store: &dyn Store,
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
        return Err(AppError::new(ErrorCode::InvalidInput)
            .with("field", "body")
            .with("reason", "between 1 and 10000 characters"));
    }
    Ok(store.add_comment(unit.view.unit_id, user.id, body).await?)
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
