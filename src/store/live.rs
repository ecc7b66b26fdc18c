//! Carrying live events between instances that share one database (PostgreSQL LISTEN/NOTIFY).

use async_trait::async_trait;

use super::StoreResult;

/// One message from another instance: who sent it and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveMessage {
    pub origin: String,
    pub body: String,
}

/// Sends this instance's events to every instance on the database and hears theirs. Delivery
/// is at most once and only to instances listening at the time: live views are a convenience,
/// and a view that reconnects reloads what it shows.
#[async_trait]
pub trait LiveRelay: Send + Sync {
    async fn send(&self, message: &LiveMessage) -> StoreResult<()>;
    /// Starts listening; messages sent from now on arrive through the returned feed.
    async fn listen(&self) -> StoreResult<Box<dyn LiveFeed>>;
    /// Forgets messages too large for a notification once everyone has had time to read them.
    async fn prune(&self) -> StoreResult<u64>;
}

#[async_trait]
pub trait LiveFeed: Send {
    /// The next message, or `None` when the connection was lost and made again (messages sent
    /// in between are lost); an error when it cannot be made again.
    async fn next(&mut self) -> StoreResult<Option<LiveMessage>>;
}
