//! The one way out: every request Tandem makes to another server (webhooks now; machine
//! translation and mail later) goes through this client and its address guard. Destinations in
//! the server's own networks (loopback, private, link-local with the cloud metadata address, and
//! the other special ranges) are refused unless the operator allowed them; the check is made on
//! the addresses a name resolves to, at connection time, and the connection goes to the address
//! that was checked. Redirects are not followed; answers are read up to a size cap.

pub mod resolve;

use std::sync::Arc;
use std::time::Duration;

use reqwest::header::HeaderMap;
use url::{Host, Url};

use crate::domain::address::AddressPolicy;
pub use resolve::{Forbidden, Resolver, SystemResolver};

/// How the outbound client behaves; from the server's configuration.
#[derive(Clone)]
pub struct OutboundSettings {
    pub policy: AddressPolicy,
    /// How long opening a connection may take.
    pub connect_timeout: Duration,
    /// How much of an answer is read; the rest is dropped with the connection.
    pub max_response_bytes: usize,
    /// Names are looked up here (tests give their own; the system's by default).
    pub resolver: Arc<dyn Resolver>,
}

impl Default for OutboundSettings {
    fn default() -> Self {
        Self {
            policy: AddressPolicy::default(),
            connect_timeout: Duration::from_secs(5),
            max_response_bytes: 64 * 1024,
            resolver: Arc::new(SystemResolver),
        }
    }
}

impl std::fmt::Debug for OutboundSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OutboundSettings")
            .field("allowed", &self.policy.allowed)
            .field("connect_timeout", &self.connect_timeout)
            .field("max_response_bytes", &self.max_response_bytes)
            .finish()
    }
}

/// An answer: its status and the beginning of its body (at most the configured cap).
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub body: Vec<u8>,
    /// The body was longer than the cap; what is here is its beginning.
    pub cut: bool,
}

#[derive(Debug)]
pub enum OutboundError {
    /// The destination is in a range the server may not reach.
    Forbidden(Forbidden),
    /// No answer within the request's time.
    Timeout(Duration),
    /// Connecting or talking failed: refused, no such host, TLS, a reset. The text says which.
    Failed(String),
}

impl std::fmt::Display for OutboundError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Forbidden(forbidden) => write!(f, "the destination is refused: {forbidden}"),
            Self::Timeout(limit) => write!(f, "no answer within {} s", limit.as_secs_f64()),
            Self::Failed(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for OutboundError {}

pub struct Outbound {
    client: reqwest::Client,
    policy: Arc<AddressPolicy>,
    resolver: Arc<dyn Resolver>,
    max_response_bytes: usize,
}

impl Outbound {
    pub fn new(settings: &OutboundSettings) -> Result<Self, OutboundError> {
        let policy = Arc::new(settings.policy.clone());
        let client = reqwest::Client::builder()
            .connect_timeout(settings.connect_timeout)
            // A redirect could lead anywhere, the server's own network included; the caller
            // sees the 3xx instead.
            .redirect(reqwest::redirect::Policy::none())
            // A proxy from the environment would connect for us to wherever it is told.
            .no_proxy()
            .dns_resolver(Arc::new(resolve::Guarded {
                resolver: settings.resolver.clone(),
                policy: policy.clone(),
            }))
            .user_agent(concat!("Tandem/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| OutboundError::Failed(format!("no HTTP client: {e}")))?;
        Ok(Self {
            client,
            policy,
            resolver: settings.resolver.clone(),
            max_response_bytes: settings.max_response_bytes,
        })
    }

    /// What can be seen of `url` now, before anything is sent: an address written in the URL
    /// (in any spelling: the URL parser reads decimal, octal and mapped forms as the address
    /// they mean), or a name whose addresses are all refused. A name that does not resolve now
    /// is not refused here; the connection checks it again when it is made.
    pub async fn check(&self, url: &Url) -> Result<(), Forbidden> {
        match url.host() {
            None => Ok(()),
            Some(Host::Ipv4(v4)) => self.check_literal(url, v4.into()),
            Some(Host::Ipv6(v6)) => self.check_literal(url, v6.into()),
            Some(Host::Domain(name)) => {
                let name = name.trim_end_matches('.');
                match resolve::answer(self.resolver.as_ref(), &self.policy, name).await {
                    Ok(found) if found.allowed.is_empty() => match found.refused {
                        Some(forbidden) => Err(forbidden),
                        None => Ok(()),
                    },
                    _ => Ok(()),
                }
            }
        }
    }

    fn check_literal(&self, url: &Url, address: std::net::IpAddr) -> Result<(), Forbidden> {
        self.policy.check(address).map_err(|why| Forbidden {
            host: url.host_str().unwrap_or_default().to_owned(),
            address,
            why,
        })
    }

    /// POSTs `body` to `url` with `headers`, waiting at most `timeout` for the whole exchange.
    pub async fn post(
        &self,
        url: &Url,
        headers: HeaderMap,
        body: Vec<u8>,
        timeout: Duration,
    ) -> Result<Answer, OutboundError> {
        // An address written in the URL never reaches the resolver, so it is checked here.
        if let Some(Host::Ipv4(_) | Host::Ipv6(_)) = url.host() {
            self.check(url).await.map_err(OutboundError::Forbidden)?;
        }
        let exchange = async {
            let mut response = self
                .client
                .post(url.clone())
                .headers(headers)
                .body(body)
                .send()
                .await
                .map_err(describe)?;
            let status = response.status().as_u16();
            let mut answer = Answer {
                status,
                body: Vec::new(),
                cut: false,
            };
            while let Some(chunk) = response.chunk().await.map_err(describe)? {
                let room = self.max_response_bytes - answer.body.len();
                if chunk.len() > room {
                    answer.body.extend_from_slice(&chunk[..room]);
                    answer.cut = true;
                    break;
                }
                answer.body.extend_from_slice(&chunk);
            }
            Ok(answer)
        };
        tokio::time::timeout(timeout, exchange)
            .await
            .unwrap_or(Err(OutboundError::Timeout(timeout)))
    }
}

/// A transport failure in words, with its causes; a refused destination is told apart.
fn describe(error: reqwest::Error) -> OutboundError {
    let mut cause = std::error::Error::source(&error);
    while let Some(e) = cause {
        if let Some(forbidden) = e.downcast_ref::<Forbidden>() {
            return OutboundError::Forbidden(forbidden.clone());
        }
        cause = e.source();
    }
    let mut text = if error.is_connect() {
        "cannot connect".to_owned()
    } else {
        "the request failed".to_owned()
    };
    let mut cause = std::error::Error::source(&error);
    while let Some(e) = cause {
        text.push_str(": ");
        text.push_str(&e.to_string());
        cause = e.source();
    }
    OutboundError::Failed(text)
}
