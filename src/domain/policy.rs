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

/// What bears on one unit besides the caller's roles: who it is assigned to, and how its
/// statement treats units nobody was given.
///
/// A unit assigned to a translator is that translator's alone. A unit with no translator is open
/// to every translator of its language only when its statement is `open_to_translators` (off by
/// default); on a closed statement it stays with the editors, who translate it themselves or hand
/// it out. Reviewers follow reviewer assignments: once a statement has any for a language, only a
/// unit's assigned reviewer reviews it; without any, every reviewer of the language may.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Assignment {
    pub translator: Option<i64>,
    pub reviewer: Option<i64>,
    /// Some unit of this statement and language has an assigned reviewer.
    pub reviewers_assigned: bool,
    /// The statement's setting: every translator of the language may take its units that have
    /// no assigned translator.
    pub open_to_translators: bool,
}

/// The caller as the policy sees them: no user means anonymous.
#[derive(Debug, Clone, Copy)]
pub struct Actor<'a> {
    pub user_id: i64,
    pub roles: &'a Roles,
}

/// Decides one permission for one unit language. Admins may do everything; editors run
/// statements, and translate only the units no translator was given (or hold the roles).
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
    // The unit's own translator; for a unit nobody was given, every translator of the language
    // once the editor opened the statement to them. Someone else's unit stays theirs either way.
    let translator = || {
        actor.roles.has(LanguageRole::Translator, lang)
            && match assignment.translator {
                Some(id) => id == actor.user_id,
                None => assignment.open_to_translators,
            }
    };
    // What no translator was given is the editors' to translate or hand out, open or closed:
    // opening a statement adds people, it takes nothing away from the editors.
    let editor = || actor.roles.editor && assignment.translator.is_none();
    let reviewer = || {
        actor.roles.has(LanguageRole::Reviewer, lang)
            && (!assignment.reviewers_assigned || assignment.reviewer == Some(actor.user_id))
    };
    match permission {
        // Reviewers may correct a text before approving it. A closed statement keeps translators
        // from taking units nobody gave them, not the language's reviewers from their review:
        // what a reviewer writes still needs another reviewer's approval (four-eyes).
        Permission::Save => translator() || editor() || reviewer(),
        Permission::Submit => translator() || editor(),
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

/// Why `may` said no, so that the answer can tell the person whom to ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The caller holds no role this permission is given to, for this language.
    Role,
    /// The caller holds the role (or is an editor, who takes what nobody was given), but the
    /// unit is assigned to someone else (or, for a reviewer, the language's review is assigned
    /// and this unit not to them).
    NotTheirs,
    /// A translator of the language, on a unit nobody was given, of a statement not open to
    /// its translators.
    Closed,
}

impl Refusal {
    /// The `reason` of a `not_assigned` error; `None` for a missing role (`forbidden`).
    pub fn reason(self) -> Option<&'static str> {
        match self {
            Self::Role => None,
            Self::NotTheirs => Some("not_theirs"),
            Self::Closed => Some("closed"),
        }
    }
}

/// `None` when `may` allows it; otherwise why not.
pub fn refusal(
    actor: Option<Actor<'_>>,
    permission: Permission,
    lang: &LanguageTag,
    assignment: &Assignment,
) -> Option<Refusal> {
    if may(actor, permission, lang, assignment) {
        return None;
    }
    let Some(actor) = actor else {
        return Some(Refusal::Role);
    };
    let translates = matches!(permission, Permission::Save | Permission::Submit);
    let as_translator = translates && actor.roles.has(LanguageRole::Translator, lang);
    let as_editor = translates && actor.roles.editor;
    let as_reviewer = matches!(
        permission,
        Permission::Save | Permission::Approve | Permission::Reject
    ) && actor.roles.has(LanguageRole::Reviewer, lang);
    // Holding a role this permission goes with, only an assignment can have stood in the way.
    Some(if !(as_translator || as_editor || as_reviewer) {
        Refusal::Role
    } else if as_translator && assignment.translator.is_none() && !assignment.open_to_translators {
        Refusal::Closed
    } else {
        Refusal::NotTheirs
    })
}

#[cfg(test)]
#[path = "policy_table.rs"]
mod table;

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
        let open = Assignment {
            open_to_translators: true,
            ..Assignment::default()
        };
        assert!(may(Some(me), Permission::Save, &tag("hy"), &open));
        let someone_else = Assignment {
            translator: Some(8),
            ..open
        };
        assert!(!may(Some(me), Permission::Save, &tag("hy"), &someone_else));
        let unassigned_unit = Assignment {
            translator: None,
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

    #[test]
    fn a_refusal_says_whether_a_role_or_an_assignment_stood_in_the_way() {
        let mut roles = Roles::default();
        roles.grant(LanguageRole::Translator, tag("hy"));
        roles.grant(LanguageRole::Reviewer, tag("ru"));
        let me = Some(Actor {
            user_id: 7,
            roles: &roles,
        });
        let closed = Assignment::default();
        let open = Assignment {
            open_to_translators: true,
            ..closed
        };
        let theirs = Assignment {
            translator: Some(8),
            reviewer: Some(8),
            reviewers_assigned: true,
            open_to_translators: true,
        };
        let why = |p, lang: &str, a: &Assignment| refusal(me, p, &tag(lang), a);
        assert_eq!(why(Permission::Save, "hy", &open), None);
        assert_eq!(why(Permission::Save, "hy", &closed), Some(Refusal::Closed));
        assert_eq!(
            why(Permission::Submit, "hy", &closed),
            Some(Refusal::Closed)
        );
        assert_eq!(
            why(Permission::Save, "hy", &theirs),
            Some(Refusal::NotTheirs)
        );
        assert_eq!(why(Permission::Approve, "hy", &open), Some(Refusal::Role));
        assert_eq!(why(Permission::Save, "en", &open), Some(Refusal::Role));
        assert_eq!(
            why(Permission::Approve, "ru", &theirs),
            Some(Refusal::NotTheirs)
        );
        assert_eq!(why(Permission::Submit, "ru", &closed), Some(Refusal::Role));
        assert_eq!(why(Permission::Publish, "hy", &open), Some(Refusal::Role));
        assert_eq!(
            refusal(None, Permission::Save, &tag("hy"), &open),
            Some(Refusal::Role)
        );
        assert_eq!(Refusal::Closed.reason(), Some("closed"));
        assert_eq!(Refusal::Role.reason(), None);
    }
}
