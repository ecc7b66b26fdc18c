//! Asking the policy on a caller's behalf, and turning its refusal into the API's answer.

use crate::domain::policy::{may, Actor, Permission, Refusal, Target};
use crate::domain::user::User;
use crate::error::{AppError, AppResult, ErrorCode};

/// `Ok` when the policy lets `user` do `permission` to `target`; otherwise 403 `forbidden`
/// naming the action.
pub fn require(user: &User, permission: Permission, target: Target<'_>) -> AppResult<()> {
    if may(Some(Actor::of(user)), permission, target) {
        Ok(())
    } else {
        Err(forbidden(permission))
    }
}

pub fn forbidden(permission: Permission) -> AppError {
    AppError::new(ErrorCode::Forbidden).with("action", permission.as_str())
}

/// The 403 for a refused action on a unit: `not_assigned` with its `reason` when the caller
/// holds the role and an assignment stood in the way (so they know to ask the editor, not an
/// administrator), `forbidden` otherwise. Four-eyes has its own answer (`self_review`), given
/// where the approval is judged.
pub fn refused(permission: Permission, why: Refusal) -> AppError {
    match why.reason() {
        Some(reason) => AppError::new(ErrorCode::NotAssigned)
            .with("action", permission.as_str())
            .with("reason", reason),
        None => forbidden(permission),
    }
}
