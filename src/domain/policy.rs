//! Who may do what to which unit: the one place where roles meet actions.

use serde::Serialize;

use super::language::LanguageTag;
use super::role::{LanguageRole, Roles};

/// The actions the workflow guards.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    Save,
    Submit,
    Approve,
    Reject,
    Comment,
    Assign,
    ChangeSource,
    Publish,
}

impl Permission {
    pub const ALL: [Permission; 8] = [
        Self::Save,
        Self::Submit,
        Self::Approve,
        Self::Reject,
        Self::Comment,
        Self::Assign,
        Self::ChangeSource,
        Self::Publish,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Save => "save",
            Self::Submit => "submit",
            Self::Approve => "approve",
            Self::Reject => "reject",
            Self::Comment => "comment",
            Self::Assign => "assign",
            Self::ChangeSource => "change_source",
            Self::Publish => "publish",
        }
    }
}

/// The assignments that bear on one unit. When a statement has assignments for a language,
/// only the assigned people work on its units; without any, every holder of the role may.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Assignment {
    pub translator: Option<i64>,
    pub reviewer: Option<i64>,
    /// Some unit of this statement and language has an assigned translator.
    pub translators_assigned: bool,
    pub reviewers_assigned: bool,
}

/// The caller as the policy sees them: no user means anonymous.
#[derive(Debug, Clone, Copy)]
pub struct Actor<'a> {
    pub user_id: i64,
    pub roles: &'a Roles,
}

fn holds(
    actor: &Actor<'_>,
    role: LanguageRole,
    lang: &LanguageTag,
    assigned: Option<i64>,
    any_assigned: bool,
) -> bool {
    actor.roles.has(role, lang) && (!any_assigned || assigned == Some(actor.user_id))
}

/// Decides one permission for one unit language. Admins may do everything; editors run
/// statements but do not translate or review unless they also hold those roles.
pub fn may(
    actor: Option<Actor<'_>>,
    permission: Permission,
    lang: &LanguageTag,
    assignment: &Assignment,
) -> bool {
    let Some(actor) = actor else {
        return false;
    };
    if actor.roles.admin {
        return true;
    }
    let translator = || {
        holds(
            &actor,
            LanguageRole::Translator,
            lang,
            assignment.translator,
            assignment.translators_assigned,
        )
    };
    let reviewer = || {
        holds(
            &actor,
            LanguageRole::Reviewer,
            lang,
            assignment.reviewer,
            assignment.reviewers_assigned,
        )
    };
    match permission {
        // Reviewers may correct a text before approving it.
        Permission::Save => translator() || reviewer(),
        Permission::Submit => translator(),
        Permission::Approve | Permission::Reject => reviewer(),
        // Anyone working on the statement may take part in the discussion.
        Permission::Comment => {
            actor.roles.editor
                || actor.roles.has(LanguageRole::Translator, lang)
                || actor.roles.has(LanguageRole::Reviewer, lang)
        }
        Permission::Assign | Permission::ChangeSource | Permission::Publish => actor.roles.editor,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> LanguageTag {
        LanguageTag::parse(s).unwrap()
    }

    #[test]
    fn assignments_narrow_the_role() {
        let mut roles = Roles::default();
        roles.grant(LanguageRole::Translator, tag("hy"));
        let me = Actor {
            user_id: 7,
            roles: &roles,
        };
        let open = Assignment::default();
        assert!(may(Some(me), Permission::Save, &tag("hy"), &open));
        let someone_else = Assignment {
            translator: Some(8),
            translators_assigned: true,
            ..Assignment::default()
        };
        assert!(!may(Some(me), Permission::Save, &tag("hy"), &someone_else));
        let unassigned_unit = Assignment {
            translator: None,
            translators_assigned: true,
            ..Assignment::default()
        };
        assert!(!may(
            Some(me),
            Permission::Save,
            &tag("hy"),
            &unassigned_unit
        ));
        let mine = Assignment {
            translator: Some(7),
            translators_assigned: true,
            ..Assignment::default()
        };
        assert!(may(Some(me), Permission::Submit, &tag("hy"), &mine));
        assert!(!may(Some(me), Permission::Approve, &tag("hy"), &mine));
    }

    #[test]
    fn anonymous_may_nothing() {
        for p in Permission::ALL {
            assert!(!may(None, p, &tag("hy"), &Assignment::default()));
        }
    }
}
