//! Slows down password guessing: after a few failures a username is locked for a growing time.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failures allowed before the first lock.
const FREE_FAILURES: u32 = 5;
/// Failures are forgotten after this long without another one.
const FORGET_AFTER: Duration = Duration::from_secs(15 * 60);
const MAX_LOCK: Duration = Duration::from_secs(15 * 60);

#[derive(Default)]
pub struct SignInThrottle {
    failures: Mutex<HashMap<String, Failures>>,
}

struct Failures {
    count: u32,
    last: Instant,
    locked_until: Option<Instant>,
}

impl SignInThrottle {
    /// `Some(seconds)` to wait when `username` is locked now.
    pub fn locked_for(&self, username: &str, now: Instant) -> Option<u64> {
        let map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let until = map.get(username)?.locked_until?;
        (until > now).then(|| (until - now).as_secs().max(1))
    }

    pub fn record_failure(&self, username: &str, now: Instant) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        // Keep the map from growing without bound under a spray of random usernames.
        if map.len() > 10_000 {
            map.retain(|_, f| now.duration_since(f.last) < FORGET_AFTER);
        }
        let entry = map.entry(username.to_owned()).or_insert(Failures {
            count: 0,
            last: now,
            locked_until: None,
        });
        if now.duration_since(entry.last) >= FORGET_AFTER {
            entry.count = 0;
        }
        entry.count += 1;
        entry.last = now;
        if entry.count >= FREE_FAILURES {
            // 1 s, 2 s, 4 s, ... doubling with every further failure, up to 15 minutes.
            let exponent = (entry.count - FREE_FAILURES).min(20);
            let lock = Duration::from_secs(1u64 << exponent).min(MAX_LOCK);
            entry.locked_until = Some(now + lock);
        }
    }

    pub fn record_success(&self, username: &str) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        map.remove(username);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_after_repeated_failures_and_grows() {
        let t = SignInThrottle::default();
        let now = Instant::now();
        for _ in 0..4 {
            t.record_failure("anna", now);
        }
        assert_eq!(t.locked_for("anna", now), None);
        t.record_failure("anna", now);
        assert_eq!(t.locked_for("anna", now), Some(1));
        t.record_failure("anna", now);
        t.record_failure("anna", now);
        assert_eq!(t.locked_for("anna", now), Some(4));
        assert_eq!(t.locked_for("anna", now + Duration::from_secs(5)), None);
        assert_eq!(t.locked_for("boris", now), None);
    }

    #[test]
    fn success_clears_and_time_forgets() {
        let t = SignInThrottle::default();
        let now = Instant::now();
        for _ in 0..6 {
            t.record_failure("anna", now);
        }
        t.record_success("anna");
        assert_eq!(t.locked_for("anna", now), None);
        for _ in 0..4 {
            t.record_failure("gor", now);
        }
        t.record_failure("gor", now + FORGET_AFTER);
        assert_eq!(t.locked_for("gor", now + FORGET_AFTER), None);
    }
}
