//! Live news about a statement: unit changes, comments and who is editing what, fanned out to open views.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};
use tokio::sync::{broadcast, mpsc};

use crate::domain::unit::{Comment, UnitView};

/// How long a "someone is editing" mark lasts without being renewed; the browser renews it while
/// the field has focus, so a closed laptop does not claim a paragraph for ever.
pub const PRESENCE_TTL: Duration = Duration::from_secs(45);

/// One thing that happened to a statement, as sent to the browsers that have it open.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StatementEvent {
    /// A unit was saved, submitted, approved, returned or reverted.
    Unit {
        statement_id: i64,
        action: String,
        by: String,
        unit: Box<UnitView>,
    },
    /// A comment was added to a unit.
    Comment {
        statement_id: i64,
        segment_id: i64,
        lang: String,
        comment: Comment,
    },
    /// Someone started or stopped editing a unit (`segment_id` is `None` when they stopped).
    Presence {
        statement_id: i64,
        user_id: i64,
        name: String,
        lang: String,
        segment_id: Option<i64>,
    },
    /// Many units changed at once (an import or a new source): views should reload.
    Reload { statement_id: i64 },
}

impl StatementEvent {
    pub fn statement_id(&self) -> i64 {
        match self {
            Self::Unit { statement_id, .. }
            | Self::Comment { statement_id, .. }
            | Self::Presence { statement_id, .. }
            | Self::Reload { statement_id } => *statement_id,
        }
    }

    /// The SSE event name.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Unit { .. } => "unit",
            Self::Comment { .. } => "comment",
            Self::Presence { .. } => "presence",
            Self::Reload { .. } => "reload",
        }
    }
}

#[derive(Debug, Clone)]
struct Mark {
    name: String,
    lang: String,
    segment_id: i64,
    since: Instant,
}

/// The fan-out: every open view subscribes and keeps the events of its statement. With several
/// instances on one database, a relay (see `workflow::live`) carries this instance's events to
/// the others and theirs back through `receive`.
pub struct EventBus {
    sender: broadcast::Sender<Arc<StatementEvent>>,
    /// (statement, user) -> the unit they are editing.
    presence: Mutex<HashMap<(i64, i64), Mark>>,
    /// Where this instance's events go for the other instances, once a relay is running.
    outbound: OnceLock<mpsc::UnboundedSender<StatementEvent>>,
}

impl Default for EventBus {
    fn default() -> Self {
        // A slow view that falls this far behind is told to reload instead of being waited for.
        let (sender, _) = broadcast::channel(1024);
        Self {
            sender,
            presence: Mutex::new(HashMap::new()),
            outbound: OnceLock::new(),
        }
    }
}

impl EventBus {
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<StatementEvent>> {
        self.sender.subscribe()
    }

    /// How many views listen on this instance now.
    pub fn receivers(&self) -> usize {
        self.sender.receiver_count()
    }

    /// Starts handing this instance's events to a relay; `None` if one was started already.
    pub fn relay(&self) -> Option<mpsc::UnboundedReceiver<StatementEvent>> {
        let (tx, rx) = mpsc::unbounded_channel();
        self.outbound.set(tx).ok().map(|()| rx)
    }

    /// Sends to whoever listens here and, through the relay, on the other instances; nobody
    /// listening is not an error.
    pub fn publish(&self, event: StatementEvent) {
        self.forward(&event);
        let _ = self.sender.send(Arc::new(event));
    }

    fn forward(&self, event: &StatementEvent) {
        if let Some(outbound) = self.outbound.get() {
            let _ = outbound.send(event.clone());
        }
    }

    /// An event that happened on another instance: shown to the views open here, and presence
    /// marks are kept so that views opened later see them too. Never relayed again.
    pub fn receive(&self, event: StatementEvent, now: Instant) {
        if let StatementEvent::Presence {
            statement_id,
            user_id,
            name,
            lang,
            segment_id,
        } = &event
        {
            if !self.mark(*statement_id, *user_id, name, lang, *segment_id, now) {
                return;
            }
        }
        let _ = self.sender.send(Arc::new(event));
    }

    fn marks(&self) -> std::sync::MutexGuard<'_, HashMap<(i64, i64), Mark>> {
        // A panic while holding the lock leaves a plain map behind, still consistent.
        self.presence
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Sets or clears one mark; true when that is news (a new unit, or the person left).
    fn mark(
        &self,
        statement_id: i64,
        user_id: i64,
        name: &str,
        lang: &str,
        segment_id: Option<i64>,
        now: Instant,
    ) -> bool {
        let mut marks = self.marks();
        let key = (statement_id, user_id);
        match segment_id {
            Some(segment_id) => {
                let previous = marks.insert(
                    key,
                    Mark {
                        name: name.to_owned(),
                        lang: lang.to_owned(),
                        segment_id,
                        since: now,
                    },
                );
                previous.is_none_or(|p| p.segment_id != segment_id || p.lang != lang)
            }
            None => marks.remove(&key).is_some(),
        }
    }

    /// Records that `user_id` edits `segment_id` (or nothing) and tells the others when it changed.
    /// Renewals go to the other instances too, so their copy of the mark does not expire.
    pub fn set_presence(
        &self,
        statement_id: i64,
        user_id: i64,
        name: &str,
        lang: &str,
        segment_id: Option<i64>,
        now: Instant,
    ) {
        let changed = self.mark(statement_id, user_id, name, lang, segment_id, now);
        let event = StatementEvent::Presence {
            statement_id,
            user_id,
            name: name.to_owned(),
            lang: lang.to_owned(),
            segment_id,
        };
        self.forward(&event);
        if changed {
            let _ = self.sender.send(Arc::new(event));
        }
    }

    /// Who edits what in a statement now, forgetting (and announcing) marks that were not renewed.
    pub fn presence(&self, statement_id: i64, now: Instant) -> Vec<StatementEvent> {
        let mut expired = Vec::new();
        let current = {
            let mut marks = self.marks();
            marks.retain(|(s, user), mark| {
                let alive = now.saturating_duration_since(mark.since) < PRESENCE_TTL;
                if !alive {
                    expired.push((*s, *user, mark.clone()));
                }
                alive
            });
            marks
                .iter()
                .filter(|((s, _), _)| *s == statement_id)
                .map(|((s, user), mark)| StatementEvent::Presence {
                    statement_id: *s,
                    user_id: *user,
                    name: mark.name.clone(),
                    lang: mark.lang.clone(),
                    segment_id: Some(mark.segment_id),
                })
                .collect()
        };
        // Every instance expires its own copy at about the same time, so this stays local.
        for (statement_id, user_id, mark) in expired {
            let _ = self.sender.send(Arc::new(StatementEvent::Presence {
                statement_id,
                user_id,
                name: mark.name,
                lang: mark.lang,
                segment_id: None,
            }));
        }
        current
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presence_is_announced_once_and_expires() {
        let bus = EventBus::default();
        let mut rx = bus.subscribe();
        let t0 = Instant::now();
        bus.set_presence(1, 7, "Anush", "hy", Some(3), t0);
        // Renewing the same mark is not news.
        bus.set_presence(1, 7, "Anush", "hy", Some(3), t0 + Duration::from_secs(5));
        let first = rx.try_recv().expect("the first mark is announced");
        assert!(matches!(
            &*first,
            StatementEvent::Presence {
                segment_id: Some(3),
                ..
            }
        ));
        assert!(rx.try_recv().is_err(), "a renewal is not announced again");

        assert_eq!(bus.presence(1, t0 + Duration::from_secs(10)).len(), 1);
        assert!(
            bus.presence(2, t0).is_empty(),
            "other statements see nobody"
        );
        // Long after the last renewal the mark is gone, and the others are told.
        assert!(bus.presence(1, t0 + Duration::from_secs(120)).is_empty());
        let gone = rx.try_recv().expect("expiry is announced");
        assert!(matches!(
            &*gone,
            StatementEvent::Presence {
                segment_id: None,
                user_id: 7,
                ..
            }
        ));
    }

    #[test]
    fn the_relay_gets_renewals_and_remote_events_are_not_sent_back() {
        let bus = EventBus::default();
        let mut out = bus.relay().expect("first relay");
        assert!(bus.relay().is_none(), "one relay per bus");
        let mut rx = bus.subscribe();
        let t0 = Instant::now();
        bus.set_presence(1, 7, "Anush", "hy", Some(3), t0);
        bus.set_presence(1, 7, "Anush", "hy", Some(3), t0 + Duration::from_secs(20));
        assert!(
            out.try_recv().is_ok() && out.try_recv().is_ok(),
            "both went out"
        );
        assert!(rx.try_recv().is_ok());
        assert!(rx.try_recv().is_err(), "the renewal is not news here");

        // A mark from another instance is shown and remembered, but not relayed back.
        let remote = StatementEvent::Presence {
            statement_id: 1,
            user_id: 9,
            name: "Олег".into(),
            lang: "ru".into(),
            segment_id: Some(5),
        };
        bus.receive(remote.clone(), t0);
        bus.receive(remote, t0 + Duration::from_secs(20));
        assert!(rx.try_recv().is_ok());
        assert!(
            rx.try_recv().is_err(),
            "a remote renewal is not news either"
        );
        assert!(out.try_recv().is_err(), "nothing goes back out");
        assert_eq!(bus.presence(1, t0 + Duration::from_secs(30)).len(), 2);
    }

    #[test]
    fn leaving_is_announced_only_when_there_was_a_mark() {
        let bus = EventBus::default();
        let mut rx = bus.subscribe();
        bus.set_presence(1, 7, "Anush", "hy", None, Instant::now());
        assert!(rx.try_recv().is_err());
        bus.set_presence(1, 7, "Anush", "hy", Some(4), Instant::now());
        bus.set_presence(1, 7, "Anush", "hy", None, Instant::now());
        assert_eq!(rx.try_recv().map(|e| e.name()).ok(), Some("presence"));
        let left = rx.try_recv().expect("leaving is announced");
        assert!(matches!(
            &*left,
            StatementEvent::Presence {
                segment_id: None,
                ..
            }
        ));
    }
}
