//! What every request handler shares: the store, the messages, the configuration and the
//! services started with the process; cheap to clone.

use std::sync::Arc;

use crate::config::Config;
use crate::i18n::L10n;
use crate::store::Store;
use crate::workflow::events::EventBus;
use crate::workflow::memory::MemoryBook;

/// Everything a request handler may need, cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub l10n: Arc<L10n>,
    pub config: Arc<Config>,
    /// Live updates for open statements.
    pub events: Arc<EventBus>,
    /// The translation memory's indexes.
    pub memory: Arc<MemoryBook>,
    /// Request counts and latencies for `/metrics`.
    pub metrics: Arc<crate::http::metrics::Metrics>,
    /// The one client for requests to other servers, with its address guard.
    pub outbound: Arc<crate::outbound::Outbound>,
    /// Seals and opens the secrets kept in the database, under the key proved at start.
    pub sealer: Arc<crate::secrets::Sealer>,
}

impl AppState {
    /// Where the use cases send what follows them (live events, memory refreshes).
    pub fn effects(&self) -> crate::workflow::effects::Effects {
        crate::workflow::effects::Effects::new(
            self.store.clone(),
            self.events.clone(),
            self.memory.clone(),
        )
    }
}
