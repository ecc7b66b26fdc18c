//! Relaying live events between instances: ours go out through the store's relay, theirs come in.

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::mpsc;

use crate::store::live::{LiveMessage, LiveRelay};

use super::events::{EventBus, StatementEvent};

/// Runs for the life of the process: sends what happens here, receives what happens elsewhere.
/// `origin` names this instance so that it ignores its own messages.
pub async fn run(bus: Arc<EventBus>, relay: Arc<dyn LiveRelay>, origin: String) {
    let Some(outbound) = bus.relay() else {
        return;
    };
    tokio::spawn(send_ours(outbound, relay.clone(), origin.clone()));
    tokio::spawn(prune(relay.clone()));
    receive_theirs(bus, relay, origin).await;
}

async fn send_ours(
    mut outbound: mpsc::UnboundedReceiver<StatementEvent>,
    relay: Arc<dyn LiveRelay>,
    origin: String,
) {
    while let Some(event) = outbound.recv().await {
        let body = match serde_json::to_string(&event) {
            Ok(body) => body,
            Err(e) => {
                tracing::warn!(error = %e, "a live event cannot be encoded");
                continue;
            }
        };
        let message = LiveMessage {
            origin: origin.clone(),
            body,
        };
        // Live views are a convenience: a lost event costs a stale view until its next reload,
        // and must never hold up the save that caused it.
        if let Err(e) = relay.send(&message).await {
            tracing::warn!(error = %e, "a live event did not reach the other instances");
        }
    }
}

async fn receive_theirs(bus: Arc<EventBus>, relay: Arc<dyn LiveRelay>, origin: String) {
    let mut pause = Duration::from_millis(200);
    loop {
        let mut feed = match relay.listen().await {
            Ok(feed) => feed,
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for other instances' live events");
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(Duration::from_secs(10));
                continue;
            }
        };
        pause = Duration::from_millis(200);
        loop {
            match feed.next().await {
                Ok(Some(message)) if message.origin != origin => {
                    match serde_json::from_str::<StatementEvent>(&message.body) {
                        Ok(event) => bus.receive(event, Instant::now()),
                        Err(e) => tracing::warn!(error = %e, "an unreadable live event"),
                    }
                }
                Ok(Some(_)) => {}
                Ok(None) => {
                    tracing::warn!("live events from other instances were interrupted")
                }
                Err(e) => {
                    tracing::warn!(error = %e, "lost the other instances' live events");
                    break;
                }
            }
        }
    }
}

async fn prune(relay: Arc<dyn LiveRelay>) {
    loop {
        tokio::time::sleep(Duration::from_secs(60)).await;
        if let Err(e) = relay.prune().await {
            tracing::warn!(error = %e, "cannot prune old live events");
        }
    }
}
