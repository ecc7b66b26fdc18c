//! The reviewer's queue: units waiting for approval, each with what changed since the last review.

use crate::domain::diff::{word_diff, DiffPart};
use crate::domain::policy::{refusal, Actor, Permission, Refusal};
use crate::domain::unit::{UnitState, UnitView};
use crate::domain::user::User;
use crate::error::AppResult;
use crate::store::Store;

use super::queue::my_queue;
use super::units::target;

/// One unit waiting for this reviewer.
pub struct ReviewItem {
    pub statement_id: i64,
    pub title: String,
    pub unit: UnitView,
    /// The version last approved or sent back, when there was one and the text changed since.
    pub compared_with: Option<i64>,
    /// From that version's text (or from nothing) to the current text.
    pub diff: Vec<DiffPart>,
    /// The reviewer wrote the current text: another reviewer has to approve it.
    pub own_text: bool,
}

pub async fn review_queue(
    store: &dyn Store,
    user: &User,
    allow_self_review: bool,
) -> AppResult<Vec<ReviewItem>> {
    let mut items = Vec::new();
    for entry in my_queue(store, user)
        .await?
        .into_iter()
        .filter(|e| e.to_review > 0)
    {
        let records = store.unit_records(entry.statement_id, &entry.lang).await?;
        for record in records {
            if record.view.state != UnitState::Translated {
                continue;
            }
            // Their own text is listed too, marked: another reviewer has to approve it.
            let own_text = match refusal(
                Some(Actor::of(user)),
                Permission::Approve,
                target(&record, allow_self_review),
            ) {
                None => false,
                Some(Refusal::OwnText) => true,
                Some(_) => continue,
            };
            let history = store.unit_history(record.view.unit_id).await?;
            let reviewed = history
                .iter()
                .rev()
                .find(|r| matches!(r.action.as_str(), "approve" | "approve_aligned" | "reject"));
            let (compared_with, before) = match reviewed {
                Some(r) => (Some(r.version), r.text.as_str()),
                None => (None, ""),
            };
            items.push(ReviewItem {
                statement_id: entry.statement_id,
                title: entry.title.clone(),
                diff: word_diff(before, &record.view.text),
                own_text,
                compared_with,
                unit: record.view,
            });
        }
    }
    Ok(items)
}
