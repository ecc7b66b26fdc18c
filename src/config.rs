//! Run-time settings of the service, gathered by the command line from flags and environment.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use crate::domain::statement::Limits;
use crate::outbound::OutboundSettings;
use crate::secrets::cipher::SecretKey;

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
    /// Where the key that seals stored secrets (webhook signing secrets) comes from.
    pub secret_key: SecretKeySettings,
    /// Requests to other servers: which addresses they may reach, timeouts, size caps.
    pub outbound: OutboundSettings,
    /// When set, `/metrics` answers only requests that carry it as a bearer token.
    pub metrics_token: Option<String>,
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
    /// Deliveries in flight at once, over all hooks.
    pub concurrency: usize,
}

/// Where the sealing key comes from: the key itself, else a key file, else the default file.
#[derive(Debug, Clone, Default)]
pub struct SecretKeySettings {
    /// The key itself (`TANDEM_SECRET_KEY`); when set, no key file is read or written. Its Debug
    /// output never shows the key.
    pub key: Option<SecretKey>,
    /// The key file (`--secret-key-file`); when unset, `tandem.key` beside the SQLite database,
    /// or `./tandem-data/tandem.key` for PostgreSQL. Created on first start when missing.
    pub file: Option<PathBuf>,
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
            concurrency: 16,
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
            secret_key: SecretKeySettings::default(),
            outbound: OutboundSettings::default(),
            metrics_token: None,
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
            .field("secret_key", &self.secret_key)
            .field("outbound", &self.outbound)
            .field(
                "metrics_token",
                &self.metrics_token.as_ref().map(|_| "(set)"),
            )
            .finish()
    }
}
