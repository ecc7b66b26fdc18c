//! Run-time settings of the service, gathered by the command line from flags and environment.

use std::net::SocketAddr;

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
            .finish()
    }
}
