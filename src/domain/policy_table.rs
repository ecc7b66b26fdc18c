//! The whole policy in tables: every role x every permission x every situation of its target.

use super::*;

use Permission::*;
use Who::{Admin, Anonymous, Editor, ReviewerHy, TranslatorHy, TranslatorRu};

/// Who asks. The units are in Armenian (`hy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Admin,
    /// An editor holding no language role.
    Editor,
    /// A translator of the unit's language.
    TranslatorHy,
    /// A translator of another language.
    TranslatorRu,
    /// A reviewer of the unit's language.
    ReviewerHy,
    Anonymous,
}

impl Who {
    const ALL: [Who; 6] = [
        Admin,
        Editor,
        TranslatorHy,
        TranslatorRu,
        ReviewerHy,
        Anonymous,
    ];

    fn roles(self) -> Roles {
        let mut roles = Roles::default();
        match self {
            Admin => roles.admin = true,
            Editor => roles.editor = true,
            TranslatorHy => roles.grant(LanguageRole::Translator, tag("hy")),
            TranslatorRu => roles.grant(LanguageRole::Translator, tag("ru")),
            ReviewerHy => roles.grant(LanguageRole::Reviewer, tag("hy")),
            Anonymous => {}
        }
        roles
    }
}

const ME: i64 = 7;
const SOMEONE_ELSE: i64 = 8;

/// The policy's answer: allowed (`None`) or why not.
type Answer = Option<Refusal>;
/// Allowed.
const Y: Answer = None;
/// No role for it.
const N: Answer = Some(Refusal::Role);
/// The unit is someone else's.
const T: Answer = Some(Refusal::NotTheirs);
/// Nobody was given the unit, and its statement is closed to translators.
const C: Answer = Some(Refusal::Closed);
/// Four-eyes: their own text.
const F: Answer = Some(Refusal::OwnText);
/// Their own admin role.
const O: Answer = Some(Refusal::OwnAdmin);

/// Where a unit stands, in the order of the unit table's columns: assigned to me, to someone
/// else or to nobody, each on a statement closed to its translators (the default) and on one
/// open to them, with a text someone else wrote; then assigned to me with a text I wrote, without
/// and with the instance's self-review allowed. "Assigned" means both assignments, translator and
/// reviewer: each role reads its own.
#[rustfmt::skip]
const UNIT_SITUATIONS: [(&str, Assignment, Option<i64>, bool); 8] = [
    // situation                              assignment                           text by             self-review
    ("to me, closed",                         assigned(Some(ME), false),           Some(SOMEONE_ELSE), false),
    ("to me, open",                           assigned(Some(ME), true),            Some(SOMEONE_ELSE), false),
    ("to someone else, closed",               assigned(Some(SOMEONE_ELSE), false), Some(SOMEONE_ELSE), false),
    ("to someone else, open",                 assigned(Some(SOMEONE_ELSE), true),  Some(SOMEONE_ELSE), false),
    ("to nobody, closed",                     assigned(None, false),               Some(SOMEONE_ELSE), false),
    ("to nobody, open",                       assigned(None, true),                Some(SOMEONE_ELSE), false),
    ("to me, my text",                        assigned(Some(ME), false),           Some(ME),           false),
    ("to me, my text, self-review allowed",   assigned(Some(ME), false),           Some(ME),           true),
];

const fn assigned(to: Option<i64>, open_to_translators: bool) -> Assignment {
    Assignment {
        translator: to,
        reviewer: to,
        reviewers_assigned: to.is_some(),
        open_to_translators,
    }
}

/// The rule for units. A unit assigned to a translator is theirs alone; one assigned to nobody is
/// every translator's of its language on an open statement and, open or closed, the editors'
/// (they may save and submit it). Reviewers review what is theirs (everything in their language
/// while no reviewer is assigned) and may correct it, whatever the statement's setting; nobody,
/// admins included, approves a text they wrote unless the instance allows it. An assignment grants
/// nothing without the role: the editor below holds none, so a unit assigned to them is not
/// theirs to translate (assigning someone needs them to hold the role: `TakeTranslation`).
#[rustfmt::skip]
const UNIT: [(Who, Permission, [Answer; 8]); 30] = [
    //                       to me   someone  nobody   my text
    //                       cl  op  cl  op   cl  op   own self-review
    (Admin,        Save,    [Y,  Y,  Y,  Y,   Y,  Y,   Y,  Y]),
    (Admin,        Submit,  [Y,  Y,  Y,  Y,   Y,  Y,   Y,  Y]),
    (Admin,        Approve, [Y,  Y,  Y,  Y,   Y,  Y,   F,  Y]),
    (Admin,        Reject,  [Y,  Y,  Y,  Y,   Y,  Y,   Y,  Y]),
    (Admin,        Comment, [Y,  Y,  Y,  Y,   Y,  Y,   Y,  Y]),

    (Editor,       Save,    [T,  T,  T,  T,   Y,  Y,   T,  T]),
    (Editor,       Submit,  [T,  T,  T,  T,   Y,  Y,   T,  T]),
    (Editor,       Approve, [N,  N,  N,  N,   N,  N,   N,  N]),
    (Editor,       Reject,  [N,  N,  N,  N,   N,  N,   N,  N]),
    (Editor,       Comment, [Y,  Y,  Y,  Y,   Y,  Y,   Y,  Y]),

    (TranslatorHy, Save,    [Y,  Y,  T,  T,   C,  Y,   Y,  Y]),
    (TranslatorHy, Submit,  [Y,  Y,  T,  T,   C,  Y,   Y,  Y]),
    (TranslatorHy, Approve, [N,  N,  N,  N,   N,  N,   N,  N]),
    (TranslatorHy, Reject,  [N,  N,  N,  N,   N,  N,   N,  N]),
    (TranslatorHy, Comment, [Y,  Y,  Y,  Y,   Y,  Y,   Y,  Y]),

    (TranslatorRu, Save,    [N,  N,  N,  N,   N,  N,   N,  N]),
    (TranslatorRu, Submit,  [N,  N,  N,  N,   N,  N,   N,  N]),
    (TranslatorRu, Approve, [N,  N,  N,  N,   N,  N,   N,  N]),
    (TranslatorRu, Reject,  [N,  N,  N,  N,   N,  N,   N,  N]),
    (TranslatorRu, Comment, [N,  N,  N,  N,   N,  N,   N,  N]),

    (ReviewerHy,   Save,    [Y,  Y,  T,  T,   Y,  Y,   Y,  Y]),
    (ReviewerHy,   Submit,  [N,  N,  N,  N,   N,  N,   N,  N]),
    (ReviewerHy,   Approve, [Y,  Y,  T,  T,   Y,  Y,   F,  Y]),
    (ReviewerHy,   Reject,  [Y,  Y,  T,  T,   Y,  Y,   Y,  Y]),
    (ReviewerHy,   Comment, [Y,  Y,  Y,  Y,   Y,  Y,   Y,  Y]),

    (Anonymous,    Save,    [N,  N,  N,  N,   N,  N,   N,  N]),
    (Anonymous,    Submit,  [N,  N,  N,  N,   N,  N,   N,  N]),
    (Anonymous,    Approve, [N,  N,  N,  N,   N,  N,   N,  N]),
    (Anonymous,    Reject,  [N,  N,  N,  N,   N,  N,   N,  N]),
    (Anonymous,    Comment, [N,  N,  N,  N,   N,  N,   N,  N]),
];

/// The languages of the language table's columns: the one `TranslatorHy` and `ReviewerHy` hold,
/// and the one `TranslatorRu` holds.
const LANGUAGE_SITUATIONS: [&str; 2] = ["hy", "ru"];

/// The rule for a statement's languages. Editors assign and export; translators and reviewers
/// export the languages they work in. Only those who hold a language's role may be given its
/// work, and admins, who may be given anything.
#[rustfmt::skip]
const LANGUAGE: [(Who, Permission, [Answer; 2]); 24] = [
    //                               hy  ru
    (Admin,        Assign,          [Y,  Y]),
    (Admin,        Export,          [Y,  Y]),
    (Admin,        TakeTranslation, [Y,  Y]),
    (Admin,        TakeReview,      [Y,  Y]),

    (Editor,       Assign,          [Y,  Y]),
    (Editor,       Export,          [Y,  Y]),
    (Editor,       TakeTranslation, [N,  N]),
    (Editor,       TakeReview,      [N,  N]),

    (TranslatorHy, Assign,          [N,  N]),
    (TranslatorHy, Export,          [Y,  N]),
    (TranslatorHy, TakeTranslation, [Y,  N]),
    (TranslatorHy, TakeReview,      [N,  N]),

    (TranslatorRu, Assign,          [N,  N]),
    (TranslatorRu, Export,          [N,  Y]),
    (TranslatorRu, TakeTranslation, [N,  Y]),
    (TranslatorRu, TakeReview,      [N,  N]),

    (ReviewerHy,   Assign,          [N,  N]),
    (ReviewerHy,   Export,          [Y,  N]),
    (ReviewerHy,   TakeTranslation, [N,  N]),
    (ReviewerHy,   TakeReview,      [Y,  N]),

    (Anonymous,    Assign,          [N,  N]),
    (Anonymous,    Export,          [N,  N]),
    (Anonymous,    TakeTranslation, [N,  N]),
    (Anonymous,    TakeReview,      [N,  N]),
];

/// The accounts of the user table's columns.
const USER_SITUATIONS: [(&str, i64); 2] = [("me", ME), ("someone else", SOMEONE_ELSE)];

/// The rule for someone's account: admins take the admin role from anyone but themselves, and
/// disable anyone's account but their own.
#[rustfmt::skip]
const USER: [(Who, Permission, [Answer; 2]); 12] = [
    //                           me  someone else
    (Admin,        RevokeAdmin, [O,  Y]),
    (Editor,       RevokeAdmin, [N,  N]),
    (TranslatorHy, RevokeAdmin, [N,  N]),
    (TranslatorRu, RevokeAdmin, [N,  N]),
    (ReviewerHy,   RevokeAdmin, [N,  N]),
    (Anonymous,    RevokeAdmin, [N,  N]),
    (Admin,        DisableUser, [O,  Y]),
    (Editor,       DisableUser, [N,  N]),
    (TranslatorHy, DisableUser, [N,  N]),
    (TranslatorRu, DisableUser, [N,  N]),
    (ReviewerHy,   DisableUser, [N,  N]),
    (Anonymous,    DisableUser, [N,  N]),
];

/// The rule for a statement as a whole, one row per permission and one column per `Who`: its
/// source and its publications are the editors'.
#[rustfmt::skip]
const STATEMENT: [(Permission, [Answer; 6]); 2] = [
    //                  Admin Editor TrHy TrRu RevHy Anonymous
    (ChangeSource,     [Y,    Y,     N,   N,   N,    N]),
    (Publish,          [Y,    Y,     N,   N,   N,    N]),
];

/// The rule for the instance, laid out as the statement's: editors run statements and the shared
/// memory, glossary and webhooks; admins the people, the languages, the audit log and everyone's
/// tokens.
#[rustfmt::skip]
const INSTANCE: [(Permission, [Answer; 6]); 13] = [
    //                  Admin Editor TrHy TrRu RevHy Anonymous
    (CreateStatement,  [Y,    Y,     N,   N,   N,    N]),
    (ManageStatements, [Y,    Y,     N,   N,   N,    N]),
    (ManageWebhooks,   [Y,    Y,     N,   N,   N,    N]),
    (EditGlossary,     [Y,    Y,     N,   N,   N,    N]),
    (ImportMemory,     [Y,    Y,     N,   N,   N,    N]),
    (ExportMemory,     [Y,    Y,     N,   N,   N,    N]),
    (EditMemory,       [Y,    Y,     N,   N,   N,    N]),
    (ListUsers,        [Y,    N,     N,   N,   N,    N]),
    (CreateUser,       [Y,    N,     N,   N,   N,    N]),
    (UpdateUser,       [Y,    N,     N,   N,   N,    N]),
    (AddLanguage,      [Y,    N,     N,   N,   N,    N]),
    (ReadAudit,        [Y,    N,     N,   N,   N,    N]),
    (RevokeAnyToken,   [Y,    N,     N,   N,   N,    N]),
];

fn tag(s: &str) -> LanguageTag {
    LanguageTag::parse(s).expect("a valid tag")
}

/// Every (who, permission, situation, expected answer) of the four tables, with the target of
/// each situation, handed to `check`.
fn each_cell(check: &mut dyn FnMut(Who, Permission, &str, Target<'_>, Answer)) {
    let hy = tag("hy");
    for (who, permission, answers) in UNIT {
        for ((situation, assignment, author, self_review), answer) in
            UNIT_SITUATIONS.iter().zip(answers)
        {
            let unit = UnitTarget {
                lang: &hy,
                assignment,
                text_author: *author,
                self_review: *self_review,
            };
            check(who, permission, situation, Target::Unit(unit), answer);
        }
    }
    let langs = LANGUAGE_SITUATIONS.map(tag);
    for (who, permission, answers) in LANGUAGE {
        for ((situation, lang), answer) in LANGUAGE_SITUATIONS.iter().zip(&langs).zip(answers) {
            check(who, permission, situation, Target::Language(lang), answer);
        }
    }
    for (who, permission, answers) in USER {
        for ((situation, id), answer) in USER_SITUATIONS.iter().zip(answers) {
            check(who, permission, situation, Target::User(*id), answer);
        }
    }
    for (permission, answers) in STATEMENT {
        for (who, answer) in Who::ALL.into_iter().zip(answers) {
            check(who, permission, "a statement", Target::Statement, answer);
        }
    }
    for (permission, answers) in INSTANCE {
        for (who, answer) in Who::ALL.into_iter().zip(answers) {
            check(who, permission, "the instance", Target::Instance, answer);
        }
    }
}

#[test]
fn the_tables_list_every_role_and_permission_once_on_its_own_kind_of_target() {
    let mut rows = Vec::new();
    rows.extend(UNIT.iter().map(|(w, p, _)| (*w, *p, TargetKind::Unit)));
    rows.extend(
        LANGUAGE
            .iter()
            .map(|(w, p, _)| (*w, *p, TargetKind::Language)),
    );
    rows.extend(USER.iter().map(|(w, p, _)| (*w, *p, TargetKind::User)));
    for (p, _) in STATEMENT {
        rows.extend(Who::ALL.map(|w| (w, p, TargetKind::Statement)));
    }
    for (p, _) in INSTANCE {
        rows.extend(Who::ALL.map(|w| (w, p, TargetKind::Instance)));
    }
    for who in Who::ALL {
        for permission in Permission::ALL {
            let found: Vec<_> = rows
                .iter()
                .filter(|(w, p, _)| *w == who && *p == permission)
                .collect();
            assert_eq!(found.len(), 1, "{who:?} {permission:?} has no row, or two");
            assert_eq!(
                found[0].2,
                permission.on(),
                "{permission:?} in the wrong table"
            );
        }
    }
    assert_eq!(rows.len(), Who::ALL.len() * Permission::ALL.len());
}

#[test]
fn the_policy_answers_as_the_tables_say() {
    let mut wrong = Vec::new();
    each_cell(&mut |who, permission, situation, target, expected| {
        let roles = who.roles();
        let actor = (who != Anonymous).then_some(Actor {
            user_id: ME,
            roles: &roles,
        });
        let answer = refusal(actor, permission, target);
        if answer != expected || may(actor, permission, target) != expected.is_none() {
            wrong.push(format!(
                "{who:?} {permission:?} {situation}: expected {expected:?}, got {answer:?}"
            ));
        }
    });
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Asked about another kind of target than its own, a permission is refused, even to admins:
/// the rule of one kind is never answered from the facts of another.
#[test]
fn a_permission_is_answered_only_about_its_own_kind_of_target() {
    let hy = tag("hy");
    let assignment = Assignment::default();
    let unit = Target::Unit(UnitTarget {
        lang: &hy,
        assignment: &assignment,
        text_author: None,
        self_review: true,
    });
    let roles = Admin.roles();
    let admin = Some(Actor {
        user_id: ME,
        roles: &roles,
    });
    for permission in Permission::ALL {
        for target in [
            unit,
            Target::Language(&hy),
            Target::Statement,
            Target::User(SOMEONE_ELSE),
            Target::Instance,
        ] {
            let expected = target.kind() == permission.on();
            assert_eq!(
                may(admin, permission, target),
                expected,
                "{permission:?} {target:?}"
            );
        }
    }
}

#[test]
fn every_permission_has_its_own_name() {
    let mut names: Vec<_> = Permission::ALL.iter().map(|p| p.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), Permission::ALL.len());
}
