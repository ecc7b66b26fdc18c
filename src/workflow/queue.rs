//! The signed-in user's work queue.

use crate::domain::policy::Actor;
use crate::domain::queue::{build, QueueEntry};
use crate::domain::user::User;
use crate::error::AppResult;
use crate::store::Store;

pub async fn my_queue(store: &dyn Store, user: &User) -> AppResult<Vec<QueueEntry>> {
    let units = store.queue_units(user.id).await?;
    Ok(build(Actor::of(user), &units))
}
