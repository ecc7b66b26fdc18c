//! Who may do what to which unit, language, person or instance: the one gate of the service.

use super::language::LanguageTag;
use super::role::{LanguageRole, Roles};
use super::user::User;

/// Every action the service guards. Each is asked about one kind of target (`Permission::on`);
/// its `as_str` is the `action` that a refusal names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    /// Write a draft (or put back an older text).
    Save,
    Submit,
    /// Approve a submitted text, correcting it on the way if need be.
    Approve,
    Reject,
    Comment,
    /// Give a language's units to translators and reviewers, or open a statement to them.
    Assign,
    ChangeSource,
    Publish,
    /// Take a statement's working state in a language out (XLIFF, DOCX, ...).
    Export,
    /// Be given a language's units to translate.
    TakeTranslation,
    /// Be given a language's units to review.
    TakeReview,
    /// Take someone's admin role away.
    RevokeAdmin,
    /// Disable someone's account (or enable it again).
    DisableUser,
    CreateStatement,
    /// See the editors' pages: every statement with its progress, assignments and publications,
    /// and the alignment of earlier translations.
    ManageStatements,
    ManageWebhooks,
    EditGlossary,
    /// Add pairs to the translation memory: a TMX file, or an alignment of earlier translations.
    ImportMemory,
    ExportMemory,
    /// Correct or remove a remembered pair.
    EditMemory,
    ListUsers,
    CreateUser,
    /// Change someone's name or roles.
    UpdateUser,
    AddLanguage,
    ReadAudit,
    /// Revoke another person's API token (everyone revokes their own without asking).
    RevokeAnyToken,
}

/// What kind of thing a permission is asked about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    Unit,
    Language,
    Statement,
    User,
    Instance,
}

impl Permission {
    /// Every permission, in the order of the enum.
    pub const ALL: [Permission; 26] = [
        Self::Save,
        Self::Submit,
        Self::Approve,
        Self::Reject,
        Self::Comment,
        Self::Assign,
        Self::ChangeSource,
        Self::Publish,
        Self::Export,
        Self::TakeTranslation,
        Self::TakeReview,
        Self::RevokeAdmin,
        Self::DisableUser,
        Self::CreateStatement,
        Self::ManageStatements,
        Self::ManageWebhooks,
        Self::EditGlossary,
        Self::ImportMemory,
        Self::ExportMemory,
        Self::EditMemory,
        Self::ListUsers,
        Self::CreateUser,
        Self::UpdateUser,
        Self::AddLanguage,
        Self::ReadAudit,
        Self::RevokeAnyToken,
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
            Self::Export => "export",
            Self::TakeTranslation => "take_translation",
            Self::TakeReview => "take_review",
            Self::RevokeAdmin => "revoke_admin",
            Self::DisableUser => "disable_user",
            Self::CreateStatement => "create_statement",
            Self::ManageStatements => "manage_statements",
            Self::ManageWebhooks => "manage_webhooks",
            Self::EditGlossary => "edit_glossary",
            Self::ImportMemory => "import_memory",
            Self::ExportMemory => "export_memory",
            Self::EditMemory => "edit_memory",
            Self::ListUsers => "list_users",
            Self::CreateUser => "create_user",
            Self::UpdateUser => "update_user",
            Self::AddLanguage => "add_language",
            Self::ReadAudit => "read_audit",
            Self::RevokeAnyToken => "revoke_any_token",
        }
    }

    /// What the permission is asked about.
    pub fn on(self) -> TargetKind {
        match self {
            Self::Save | Self::Submit | Self::Approve | Self::Reject | Self::Comment => {
                TargetKind::Unit
            }
            Self::Assign | Self::Export | Self::TakeTranslation | Self::TakeReview => {
                TargetKind::Language
            }
            Self::ChangeSource | Self::Publish => TargetKind::Statement,
            Self::RevokeAdmin | Self::DisableUser => TargetKind::User,
            Self::CreateStatement
            | Self::ManageStatements
            | Self::ManageWebhooks
            | Self::EditGlossary
            | Self::ImportMemory
            | Self::ExportMemory
            | Self::EditMemory
            | Self::ListUsers
            | Self::CreateUser
            | Self::UpdateUser
            | Self::AddLanguage
            | Self::ReadAudit
            | Self::RevokeAnyToken => TargetKind::Instance,
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

/// One unit as the policy sees it.
#[derive(Debug, Clone, Copy)]
pub struct UnitTarget<'a> {
    pub lang: &'a LanguageTag,
    pub assignment: &'a Assignment,
    /// Who wrote the text the unit holds now: a reviewer may not approve their own (four-eyes).
    pub text_author: Option<i64>,
    /// The instance's setting that lets a reviewer approve a text they wrote.
    pub self_review: bool,
}

/// What an action is done to.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    Unit(UnitTarget<'a>),
    /// One language of a statement.
    Language(&'a LanguageTag),
    /// A statement as a whole: its source and its publications. Nothing of it bears on the rule,
    /// so it is asked before the statement is read.
    Statement,
    /// Someone's account, by user id.
    User(i64),
    /// The instance as a whole: its people, languages, statements, memory, glossary, webhooks
    /// and audit log.
    Instance,
}

impl Target<'_> {
    pub fn kind(&self) -> TargetKind {
        match self {
            Self::Unit(_) => TargetKind::Unit,
            Self::Language(_) => TargetKind::Language,
            Self::Statement => TargetKind::Statement,
            Self::User(_) => TargetKind::User,
            Self::Instance => TargetKind::Instance,
        }
    }
}

/// The caller as the policy sees them: no user means anonymous.
#[derive(Debug, Clone, Copy)]
pub struct Actor<'a> {
    pub user_id: i64,
    pub roles: &'a Roles,
}

impl<'a> Actor<'a> {
    pub fn of(user: &'a User) -> Self {
        Self {
            user_id: user.id,
            roles: &user.roles,
        }
    }
}

/// Why the policy said no, so that the answer can tell the person whom to ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The caller holds no role this permission is given to (for this language).
    Role,
    /// The caller holds the role (or is an editor, who takes what nobody was given), but the
    /// unit is assigned to someone else (or, for a reviewer, the language's review is assigned
    /// and this unit not to them).
    NotTheirs,
    /// A translator of the language, on a unit nobody was given, of a statement not open to
    /// its translators.
    Closed,
    /// Four-eyes: the reviewer wrote the text being approved, and the instance does not allow
    /// self-review.
    OwnText,
    /// An admin taking away their own admin role, or disabling their own account: the last admin
    /// doing so would lock everyone out of user management.
    OwnAdmin,
}

impl Refusal {
    /// The `reason` of a `not_assigned` error; `None` for the refusals that are not about an
    /// assignment.
    pub fn reason(self) -> Option<&'static str> {
        match self {
            Self::NotTheirs => Some("not_theirs"),
            Self::Closed => Some("closed"),
            Self::Role | Self::OwnText | Self::OwnAdmin => None,
        }
    }
}

/// Whether `actor` may do `permission` to `target`.
pub fn may(actor: Option<Actor<'_>>, permission: Permission, target: Target<'_>) -> bool {
    refusal(actor, permission, target).is_none()
}

/// `None` when the actor may; otherwise why not. The whole rule: admins may everything but what
/// four-eyes and their own admin role forbid; editors run statements and the instance's shared
/// resources; translators and reviewers work on the units of their languages that are theirs.
pub fn refusal(
    actor: Option<Actor<'_>>,
    permission: Permission,
    target: Target<'_>,
) -> Option<Refusal> {
    use Permission::*;
    let Some(actor) = actor else {
        return Some(Refusal::Role);
    };
    let roles = actor.roles;
    let editor = roles.admin || roles.editor;
    let allowed = match (permission, target) {
        (Save | Submit | Approve | Reject | Comment, Target::Unit(unit)) => {
            return on_unit(actor, permission, &unit)
        }
        (ChangeSource | Publish, Target::Statement) => editor,
        (Assign | Export, Target::Language(lang)) => {
            editor
                // Translators and reviewers take their languages' work to their own tools.
                || (permission == Export
                    && (roles.has(LanguageRole::Translator, lang)
                        || roles.has(LanguageRole::Reviewer, lang)))
        }
        // Admins may be given any work; everyone else only in a language they hold the role for.
        (TakeTranslation, Target::Language(lang)) => {
            roles.admin || roles.has(LanguageRole::Translator, lang)
        }
        (TakeReview, Target::Language(lang)) => {
            roles.admin || roles.has(LanguageRole::Reviewer, lang)
        }
        (RevokeAdmin, Target::User(id)) if roles.admin && id == actor.user_id => {
            return Some(Refusal::OwnAdmin)
        }
        (RevokeAdmin, Target::User(_)) => roles.admin,
        // Nobody locks themselves out: an admin disables others only.
        (DisableUser, Target::User(id)) if roles.admin && id == actor.user_id => {
            return Some(Refusal::OwnAdmin)
        }
        (DisableUser, Target::User(_)) => roles.admin,
        (
            CreateStatement | ManageStatements | ManageWebhooks | EditGlossary | ImportMemory
            | ExportMemory | EditMemory,
            Target::Instance,
        ) => editor,
        (
            ListUsers | CreateUser | UpdateUser | AddLanguage | ReadAudit | RevokeAnyToken,
            Target::Instance,
        ) => roles.admin,
        // Asked about a kind of target it is not about: a slip of the caller's, refused rather
        // than answered from the wrong facts.
        _ => false,
    };
    (!allowed).then_some(Refusal::Role)
}

/// The rule for one unit: roles of its language, narrowed by its assignment; then four-eyes.
fn on_unit(actor: Actor<'_>, permission: Permission, unit: &UnitTarget<'_>) -> Option<Refusal> {
    let (roles, lang, assignment) = (actor.roles, unit.lang, unit.assignment);
    let translates = roles.has(LanguageRole::Translator, lang);
    let reviews = roles.has(LanguageRole::Reviewer, lang);
    // The unit's own translator; for a unit nobody was given, every translator of the language
    // once the editor opened the statement to them. Someone else's unit stays theirs either way.
    let translator = translates
        && match assignment.translator {
            Some(id) => id == actor.user_id,
            None => assignment.open_to_translators,
        };
    // What no translator was given is the editors' to translate or hand out, open or closed:
    // opening a statement adds people, it takes nothing away from the editors.
    let editor = roles.editor && assignment.translator.is_none();
    let reviewer =
        reviews && (!assignment.reviewers_assigned || assignment.reviewer == Some(actor.user_id));
    let allowed = roles.admin
        || match permission {
            // Reviewers may correct a text before approving it. A closed statement keeps
            // translators from taking units nobody gave them, not the language's reviewers from
            // their review: what a reviewer writes still needs another reviewer's approval.
            Permission::Save => translator || editor || reviewer,
            Permission::Submit => translator || editor,
            Permission::Approve | Permission::Reject => reviewer,
            // Anyone working on the statement may take part in the discussion.
            Permission::Comment => roles.editor || translates || reviews,
            _ => false,
        };
    if !allowed {
        // Holding a role this permission goes with, only an assignment can have stood in the way.
        let as_translator = matches!(permission, Permission::Save | Permission::Submit);
        let as_reviewer = matches!(
            permission,
            Permission::Save | Permission::Approve | Permission::Reject
        );
        return Some(
            if as_translator && translates && assignment.translator.is_none() {
                // Not allowed on a unit nobody was given: the statement is closed to translators.
                Refusal::Closed
            } else if (as_translator && (translates || roles.editor)) || (as_reviewer && reviews) {
                Refusal::NotTheirs
            } else {
                Refusal::Role
            },
        );
    }
    // Four-eyes, for admins too: the text being approved must be someone else's work.
    let own_text = unit.text_author == Some(actor.user_id);
    if permission == Permission::Approve && own_text && !unit.self_review {
        return Some(Refusal::OwnText);
    }
    None
}

#[cfg(test)]
#[path = "policy_table.rs"]
mod table;

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> LanguageTag {
        LanguageTag::parse(s).expect("a valid tag")
    }

    /// A unit of `lang` whose text someone else wrote.
    fn unit<'a>(lang: &'a LanguageTag, assignment: &'a Assignment) -> Target<'a> {
        Target::Unit(UnitTarget {
            lang,
            assignment,
            text_author: None,
            self_review: false,
        })
    }

    #[test]
    fn assignments_narrow_the_role() {
        let mut roles = Roles::default();
        roles.grant(LanguageRole::Translator, tag("hy"));
        let me = Actor {
            user_id: 7,
            roles: &roles,
        };
        let hy = tag("hy");
        let open = Assignment {
            open_to_translators: true,
            ..Assignment::default()
        };
        assert!(may(Some(me), Permission::Save, unit(&hy, &open)));
        let someone_else = Assignment {
            translator: Some(8),
            ..open
        };
        assert!(!may(Some(me), Permission::Save, unit(&hy, &someone_else)));
        let unassigned_unit = Assignment {
            translator: None,
            ..Assignment::default()
        };
        assert!(!may(
            Some(me),
            Permission::Save,
            unit(&hy, &unassigned_unit)
        ));
        let mine = Assignment {
            translator: Some(7),
            ..Assignment::default()
        };
        assert!(may(Some(me), Permission::Submit, unit(&hy, &mine)));
        assert!(!may(Some(me), Permission::Approve, unit(&hy, &mine)));
    }

    #[test]
    fn editors_and_admins_edit_statements() {
        let may_as = |roles: &Roles, p| {
            let actor = Actor { user_id: 7, roles };
            may(Some(actor), p, Target::Instance)
        };
        assert!(!may_as(&Roles::default(), Permission::CreateStatement));
        let editor = Roles {
            editor: true,
            ..Roles::default()
        };
        assert!(may_as(&editor, Permission::CreateStatement));
        assert!(!may_as(&editor, Permission::UpdateUser));
        let admin = Roles {
            admin: true,
            ..Roles::default()
        };
        assert!(may_as(&admin, Permission::CreateStatement));
        assert!(may_as(&admin, Permission::UpdateUser));
    }

    #[test]
    fn anonymous_may_nothing() {
        let hy = tag("hy");
        let assignment = Assignment::default();
        for p in Permission::ALL {
            for target in [
                unit(&hy, &assignment),
                Target::Language(&hy),
                Target::Statement,
                Target::User(7),
                Target::Instance,
            ] {
                assert!(!may(None, p, target), "{p:?} {target:?}");
            }
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
        let why = |p, lang: &str, a: &Assignment| refusal(me, p, unit(&tag(lang), a));
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
        let hy = tag("hy");
        assert_eq!(
            refusal(me, Permission::Publish, Target::Statement),
            Some(Refusal::Role)
        );
        assert_eq!(
            refusal(None, Permission::Save, unit(&hy, &open)),
            Some(Refusal::Role)
        );
        assert_eq!(Refusal::Closed.reason(), Some("closed"));
        assert_eq!(Refusal::Role.reason(), None);
    }
}
