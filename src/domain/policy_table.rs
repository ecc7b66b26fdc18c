//! The whole policy in one table: every role x every permission x where the unit stands.

use super::*;

use Permission::{Approve, Assign, ChangeSource, Comment, Publish, Reject, Save, Submit};
use Who::{Admin, Anonymous, Editor, ReviewerHy, TranslatorHy, TranslatorRu};

/// Who asks. The unit is in Armenian (`hy`).
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

/// Where the unit stands, in the order of the table's columns: assigned to me, to someone else
/// or to nobody, each on a statement closed to its translators (the default) and on one open to
/// them. "Assigned" means both assignments, translator and reviewer: each role reads its own.
const SITUATIONS: [(&str, Assignment); 6] = [
    ("assigned to me, closed", assigned(Some(ME), false)),
    ("assigned to me, open", assigned(Some(ME), true)),
    (
        "assigned to someone else, closed",
        assigned(Some(SOMEONE_ELSE), false),
    ),
    (
        "assigned to someone else, open",
        assigned(Some(SOMEONE_ELSE), true),
    ),
    ("assigned to nobody, closed", assigned(None, false)),
    ("assigned to nobody, open", assigned(None, true)),
];

const fn assigned(to: Option<i64>, open_to_translators: bool) -> Assignment {
    Assignment {
        translator: to,
        reviewer: to,
        reviewers_assigned: to.is_some(),
        open_to_translators,
    }
}

const Y: bool = true;
const N: bool = false;

/// The rule. A unit assigned to a translator is theirs alone; one assigned to nobody is every
/// translator's of its language on an open statement and, open or closed, the editors' (they may
/// save and submit it). Reviewers review what is theirs (everything in their language while no
/// reviewer is assigned) and may correct it, whatever the statement's setting. An assignment
/// grants nothing without the role: the editor below holds none, so a unit assigned to them is
/// not theirs to translate (assigning someone needs them to hold the role).
#[rustfmt::skip]
const TABLE: [(Who, Permission, [bool; 6]); 48] = [
    //                            to me      someone    nobody
    //                            closed/open closed/open closed/open
    (Admin,        Save,         [Y, Y,      Y, Y,      Y, Y]),
    (Admin,        Submit,       [Y, Y,      Y, Y,      Y, Y]),
    (Admin,        Approve,      [Y, Y,      Y, Y,      Y, Y]),
    (Admin,        Reject,       [Y, Y,      Y, Y,      Y, Y]),
    (Admin,        Comment,      [Y, Y,      Y, Y,      Y, Y]),
    (Admin,        Assign,       [Y, Y,      Y, Y,      Y, Y]),
    (Admin,        ChangeSource, [Y, Y,      Y, Y,      Y, Y]),
    (Admin,        Publish,      [Y, Y,      Y, Y,      Y, Y]),

    (Editor,       Save,         [N, N,      N, N,      Y, Y]),
    (Editor,       Submit,       [N, N,      N, N,      Y, Y]),
    (Editor,       Approve,      [N, N,      N, N,      N, N]),
    (Editor,       Reject,       [N, N,      N, N,      N, N]),
    (Editor,       Comment,      [Y, Y,      Y, Y,      Y, Y]),
    (Editor,       Assign,       [Y, Y,      Y, Y,      Y, Y]),
    (Editor,       ChangeSource, [Y, Y,      Y, Y,      Y, Y]),
    (Editor,       Publish,      [Y, Y,      Y, Y,      Y, Y]),

    (TranslatorHy, Save,         [Y, Y,      N, N,      N, Y]),
    (TranslatorHy, Submit,       [Y, Y,      N, N,      N, Y]),
    (TranslatorHy, Approve,      [N, N,      N, N,      N, N]),
    (TranslatorHy, Reject,       [N, N,      N, N,      N, N]),
    (TranslatorHy, Comment,      [Y, Y,      Y, Y,      Y, Y]),
    (TranslatorHy, Assign,       [N, N,      N, N,      N, N]),
    (TranslatorHy, ChangeSource, [N, N,      N, N,      N, N]),
    (TranslatorHy, Publish,      [N, N,      N, N,      N, N]),

    (TranslatorRu, Save,         [N, N,      N, N,      N, N]),
    (TranslatorRu, Submit,       [N, N,      N, N,      N, N]),
    (TranslatorRu, Approve,      [N, N,      N, N,      N, N]),
    (TranslatorRu, Reject,       [N, N,      N, N,      N, N]),
    (TranslatorRu, Comment,      [N, N,      N, N,      N, N]),
    (TranslatorRu, Assign,       [N, N,      N, N,      N, N]),
    (TranslatorRu, ChangeSource, [N, N,      N, N,      N, N]),
    (TranslatorRu, Publish,      [N, N,      N, N,      N, N]),

    (ReviewerHy,   Save,         [Y, Y,      N, N,      Y, Y]),
    (ReviewerHy,   Submit,       [N, N,      N, N,      N, N]),
    (ReviewerHy,   Approve,      [Y, Y,      N, N,      Y, Y]),
    (ReviewerHy,   Reject,       [Y, Y,      N, N,      Y, Y]),
    (ReviewerHy,   Comment,      [Y, Y,      Y, Y,      Y, Y]),
    (ReviewerHy,   Assign,       [N, N,      N, N,      N, N]),
    (ReviewerHy,   ChangeSource, [N, N,      N, N,      N, N]),
    (ReviewerHy,   Publish,      [N, N,      N, N,      N, N]),

    (Anonymous,    Save,         [N, N,      N, N,      N, N]),
    (Anonymous,    Submit,       [N, N,      N, N,      N, N]),
    (Anonymous,    Approve,      [N, N,      N, N,      N, N]),
    (Anonymous,    Reject,       [N, N,      N, N,      N, N]),
    (Anonymous,    Comment,      [N, N,      N, N,      N, N]),
    (Anonymous,    Assign,       [N, N,      N, N,      N, N]),
    (Anonymous,    ChangeSource, [N, N,      N, N,      N, N]),
    (Anonymous,    Publish,      [N, N,      N, N,      N, N]),
];

fn tag(s: &str) -> LanguageTag {
    LanguageTag::parse(s).expect("a valid tag")
}

#[test]
fn the_table_lists_every_role_and_permission_once() {
    for who in Who::ALL {
        for permission in Permission::ALL {
            let rows = TABLE
                .iter()
                .filter(|(w, p, _)| *w == who && *p == permission)
                .count();
            assert_eq!(rows, 1, "{who:?} {permission:?}");
        }
    }
}

#[test]
fn the_policy_answers_as_the_table_says() {
    let mut wrong = Vec::new();
    for (who, permission, expected) in TABLE {
        let roles = who.roles();
        let actor = (who != Anonymous).then_some(Actor {
            user_id: ME,
            roles: &roles,
        });
        for ((situation, assignment), expected) in SITUATIONS.iter().zip(expected) {
            if may(actor, permission, &tag("hy"), assignment) != expected {
                wrong.push(format!(
                    "{who:?} {permission:?} {situation}: expected {}",
                    if expected { "allowed" } else { "refused" }
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Every refusal of the table is explained: by the role, or by the assignment for those who hold
/// a role of the unit's language that the permission goes with (and for editors, who take the
/// units nobody was given).
#[test]
fn every_refusal_of_the_table_names_its_reason() {
    for (who, permission, expected) in TABLE {
        let roles = who.roles();
        let actor = (who != Anonymous).then_some(Actor {
            user_id: ME,
            roles: &roles,
        });
        for ((situation, assignment), allowed) in SITUATIONS.iter().zip(expected) {
            let why = refusal(actor, permission, &tag("hy"), assignment);
            let want = match (allowed, who, permission) {
                (true, _, _) => None,
                (false, TranslatorHy, Save | Submit) if assignment.translator.is_none() => {
                    Some(Refusal::Closed)
                }
                (false, TranslatorHy | Editor, Save | Submit)
                | (false, ReviewerHy, Save | Approve | Reject) => Some(Refusal::NotTheirs),
                (false, _, _) => Some(Refusal::Role),
            };
            assert_eq!(why, want, "{who:?} {permission:?} {situation}");
        }
    }
}
