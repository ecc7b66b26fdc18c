//! A person's work queue: which units wait for them, by statement and language.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::language::LanguageTag;
use super::policy::{may, Actor, Assignment, Permission, Target, UnitTarget};
use super::unit::UnitState;

/// One unit as the queue needs it.
#[derive(Debug, Clone)]
pub struct QueueUnit {
    pub statement_id: i64,
    pub title: String,
    pub slug: String,
    pub lang: LanguageTag,
    pub state: UnitState,
    pub text_author: Option<i64>,
    pub due_at: Option<DateTime<Utc>>,
    pub assignment: Assignment,
}

/// What waits for the user in one statement and language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct QueueEntry {
    pub statement_id: i64,
    pub title: String,
    pub slug: String,
    #[schema(value_type = String, example = "hy")]
    pub lang: LanguageTag,
    /// Untranslated or draft units they may translate.
    pub to_translate: u32,
    /// Submitted units they may review.
    pub to_review: u32,
    /// Units sent back (rejected or source changed) that they translated or are assigned to.
    pub returned: u32,
    /// The earliest due date among those units.
    pub due_at: Option<DateTime<Utc>>,
}

/// Groups the units into queue entries, keeping the order in which statements first appear.
/// Admins see only what is assigned to them, not every unit of the instance.
pub fn build(actor: Actor<'_>, units: &[QueueUnit]) -> Vec<QueueEntry> {
    let mut entries: Vec<QueueEntry> = Vec::new();
    let plain = super::role::Roles {
        admin: false,
        ..actor.roles.clone()
    };
    let actor = Actor {
        user_id: actor.user_id,
        roles: &plain,
    };
    for unit in units {
        // Whatever the instance's self-review setting, a reviewer's queue counts only what
        // someone else wrote: their own text waits for another reviewer first.
        let target = Target::Unit(UnitTarget {
            lang: &unit.lang,
            assignment: &unit.assignment,
            text_author: unit.text_author,
            self_review: false,
        });
        let can = |p: Permission| may(Some(actor), p, target);
        let (translate, review, returned) = match unit.state {
            UnitState::Untranslated | UnitState::Draft => (can(Permission::Submit), false, false),
            UnitState::Translated => (false, can(Permission::Approve), false),
            UnitState::NeedsWork => (
                false,
                false,
                unit.assignment.translator == Some(actor.user_id)
                    || (unit.text_author == Some(actor.user_id) && can(Permission::Save)),
            ),
            UnitState::Approved => (false, false, false),
        };
        if !(translate || review || returned) {
            continue;
        }
        let position = entries
            .iter()
            .position(|e| e.statement_id == unit.statement_id && e.lang == unit.lang);
        let entry = match position {
            Some(i) => &mut entries[i],
            None => {
                entries.push(QueueEntry {
                    statement_id: unit.statement_id,
                    title: unit.title.clone(),
                    slug: unit.slug.clone(),
                    lang: unit.lang.clone(),
                    to_translate: 0,
                    to_review: 0,
                    returned: 0,
                    due_at: None,
                });
                let last = entries.len() - 1;
                &mut entries[last]
            }
        };
        entry.to_translate += u32::from(translate);
        entry.to_review += u32::from(review);
        entry.returned += u32::from(returned);
        entry.due_at = match (entry.due_at, unit.due_at) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::role::{LanguageRole, Roles};

    fn unit(
        state: UnitState,
        lang: &str,
        assignment: Assignment,
        author: Option<i64>,
    ) -> QueueUnit {
        QueueUnit {
            statement_id: 1,
            title: "Նամակ".into(),
            slug: "namak".into(),
            lang: LanguageTag::parse(lang).unwrap(),
            state,
            text_author: author,
            due_at: None,
            assignment,
        }
    }

    #[test]
    fn counts_what_waits_for_a_translator_and_reviewer() {
        let mut roles = Roles::default();
        roles.grant(LanguageRole::Translator, LanguageTag::parse("hy").unwrap());
        roles.grant(LanguageRole::Reviewer, LanguageTag::parse("hy").unwrap());
        let me = Actor {
            user_id: 5,
            roles: &roles,
        };
        let open = Assignment {
            open_to_translators: true,
            ..Assignment::default()
        };
        let units = [
            unit(UnitState::Untranslated, "hy", open, None),
            unit(UnitState::Draft, "hy", open, Some(5)),
            unit(UnitState::Translated, "hy", open, Some(6)),
            unit(UnitState::Translated, "hy", open, Some(5)), // my own: not mine to review
            unit(UnitState::NeedsWork, "hy", open, Some(5)),
            unit(UnitState::Approved, "hy", open, Some(6)),
            unit(UnitState::Untranslated, "ru", open, None), // not my language
        ];
        let queue = build(me, &units);
        assert_eq!(queue.len(), 1);
        assert_eq!(
            (queue[0].to_translate, queue[0].to_review, queue[0].returned),
            (2, 1, 1)
        );
    }

    /// On a closed statement a translator's queue holds what is assigned to them, not the
    /// units nobody was given; opening the statement adds those.
    #[test]
    fn a_closed_statement_queues_only_what_is_assigned() {
        let mut roles = Roles::default();
        roles.grant(LanguageRole::Translator, LanguageTag::parse("hy").unwrap());
        let me = Actor {
            user_id: 5,
            roles: &roles,
        };
        let closed = Assignment::default();
        let mine = Assignment {
            translator: Some(5),
            ..closed
        };
        let theirs = Assignment {
            translator: Some(6),
            ..closed
        };
        let units = |open_to_translators: bool| {
            [mine, theirs, closed, closed].map(|a| {
                unit(
                    UnitState::Untranslated,
                    "hy",
                    Assignment {
                        open_to_translators,
                        ..a
                    },
                    None,
                )
            })
        };
        let to_translate = |open| build(me, &units(open)).first().map(|e| e.to_translate);
        assert_eq!(to_translate(false), Some(1));
        assert_eq!(to_translate(true), Some(3));
    }
}
