//! What follows a use case once its transaction is committed, the same for the API, the pages
//! and the command line: the views that have the statement open hear about it, and this
//! instance's memory index takes in what was just remembered.

use std::sync::Arc;

use crate::domain::unit::{Comment, UnitView};
use crate::store::Store;

use super::events::{EventBus, StatementEvent};
use super::memory::MemoryBook;

/// Where after-effects go. Cheap to clone.
#[derive(Clone)]
pub struct Effects {
    store: Arc<dyn Store>,
    events: Arc<EventBus>,
    memory: Arc<MemoryBook>,
}

impl Effects {
    pub fn new(store: Arc<dyn Store>, events: Arc<EventBus>, memory: Arc<MemoryBook>) -> Self {
        Self {
            store,
            events,
            memory,
        }
    }

    /// The translation memory in use, for the use cases that look things up in it.
    pub fn memory(&self) -> &Arc<MemoryBook> {
        &self.memory
    }

    /// A unit was saved, submitted, approved, returned or reverted.
    pub fn unit_changed(&self, statement_id: i64, action: &str, by: &str, unit: &UnitView) {
        self.events.publish(StatementEvent::Unit {
            statement_id,
            action: action.to_owned(),
            by: by.to_owned(),
            unit: Box::new(unit.clone()),
        });
    }

    /// A comment was added to a unit.
    pub fn commented(&self, statement_id: i64, segment_id: i64, lang: &str, comment: &Comment) {
        self.events.publish(StatementEvent::Comment {
            statement_id,
            segment_id,
            lang: lang.to_owned(),
            comment: comment.clone(),
        });
    }

    /// Many units of a statement changed at once (an import, a new source): views reload.
    pub fn statement_changed(&self, statement_id: i64) {
        self.events.publish(StatementEvent::Reload { statement_id });
    }

    /// The memory learned pairs in the background of a request (an approval): made searchable
    /// here without holding up the answer; other instances catch up within their refresh
    /// interval.
    pub fn memory_grew_soon(&self) {
        let (book, store) = (Arc::clone(&self.memory), Arc::clone(&self.store));
        tokio::spawn(async move { book.refresh(store.as_ref()).await });
    }

    /// The memory learned many pairs at once (an import): searchable here before the answer.
    /// A failure loses nothing, the next refresh brings them in.
    pub async fn memory_grew(&self) {
        if let Err(e) = self.memory.refresh(self.store.as_ref()).await {
            tracing::warn!(
                code = e.code.as_str(),
                "memory refresh after new pairs failed"
            );
        }
    }
}
