//! Run-time settings of the service, gathered by the command line from flags and environment.

use std::net::SocketAddr;
use std::time::Duration;

use crate::domain::statement::Limits;

/// Where the embedded database lives when no URL is given.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://./tandem-data/tandem.db";

#[derive(Clone)]
pub struct Config {
    pub bind: SocketAddr,
    pub database_url: String,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    pub limits: Limits,
    /// Lets a reviewer approve a text they wrote themselves (off: four-eyes review).
    pub allow_self_review: bool,
    pub session_hours: i64,
    /// Mark cookies `Secure` even when no proxy says the request came over https.
    pub secure_cookies: bool,
    /// Take the client's address from the last `X-Forwarded-For` entry (set behind a proxy that
    /// appends it); otherwise the connection's own address counts.
    pub trust_proxy: bool,
    pub webhooks: WebhookSettings,
}

/// How webhooks are delivered.
#[derive(Debug, Clone)]
pub struct WebhookSettings {
    /// Run the deliverer in this instance; off for instances that only serve requests.
    pub deliver: bool,
    /// How long one POST may take before it counts as failed.
    pub timeout: Duration,
    /// Attempts per delivery before it is marked failed.
    pub max_attempts: u32,
    /// The wait after the first failure; it doubles with each further one, up to `retry_cap`.
    pub retry_base: Duration,
    pub retry_cap: Duration,
    /// How often the outbox is looked at when nothing is due.
    pub poll: Duration,
    /// Finished deliveries (delivered or failed) kept per hook in its log; older ones are
    /// dropped with their attempts as new ones finish.
    pub log_keep: usize,
}

impl Default for WebhookSettings {
    fn default() -> Self {
        // 12 attempts, 30 s doubling to at most 4 h apart: a receiver may be away for 6 to 12 hours
        // (depending on the jitter) and still get everything.
        Self {
            deliver: true,
            timeout: Duration::from_secs(10),
            max_attempts: 12,
            retry_base: Duration::from_secs(30),
            retry_cap: Duration::from_secs(4 * 3600),
            poll: Duration::from_secs(1),
            log_keep: 1_000,
        }
    }
}

impl Config {
    pub fn new(bind: SocketAddr, database_url: String) -> Self {
        Self {
            bind,
            database_url,
            max_body_bytes: 2 * 1024 * 1024,
            limits: Limits::default(),
            allow_self_review: false,
            session_hours: 12,
            secure_cookies: false,
            trust_proxy: false,
            webhooks: WebhookSettings::default(),
        }
    }
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("bind", &self.bind)
            .field(
                "database_url",
                &crate::store::redact_url(&self.database_url),
            )
            .field("max_body_bytes", &self.max_body_bytes)
            .field("limits", &self.limits)
            .field("allow_self_review", &self.allow_self_review)
            .field("session_hours", &self.session_hours)
            .field("secure_cookies", &self.secure_cookies)
            .field("trust_proxy", &self.trust_proxy)
            .field("webhooks", &self.webhooks)
            .finish()
    }
}
