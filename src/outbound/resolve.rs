//! Names to addresses for the outbound client: the system's resolver (or a test's), with every
//! answer passed through the address policy before a connection may use it.

use std::future::Future;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::Arc;

use crate::domain::address::{AddressPolicy, Refusal};

/// Looks a host name up. The system's resolver in production; tests give their own, to make
/// names point where they need (a rebinding name, a name for a local receiver).
pub trait Resolver: Send + Sync {
    fn lookup<'a>(
        &'a self,
        host: &'a str,
    ) -> Pin<Box<dyn Future<Output = io::Result<Vec<IpAddr>>> + Send + 'a>>;
}

/// The operating system's resolver (`getaddrinfo` on a blocking thread, through tokio).
pub struct SystemResolver;

impl Resolver for SystemResolver {
    fn lookup<'a>(
        &'a self,
        host: &'a str,
    ) -> Pin<Box<dyn Future<Output = io::Result<Vec<IpAddr>>> + Send + 'a>> {
        Box::pin(async move {
            Ok(tokio::net::lookup_host((host, 0))
                .await?
                .map(|a| a.ip())
                .collect())
        })
    }
}

/// A destination the policy refuses: which address, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forbidden {
    pub host: String,
    pub address: IpAddr,
    pub why: Refusal,
}

impl std::fmt::Display for Forbidden {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.host == self.address.to_string() {
            write!(f, "{} is not allowed ({})", self.address, self.why.as_str())
        } else {
            write!(
                f,
                "{} is {}, which is not allowed ({})",
                self.host,
                self.address,
                self.why.as_str()
            )
        }
    }
}

impl std::error::Error for Forbidden {}

/// What `host` resolves to, with the addresses the policy allows and the first refusal met.
pub(super) struct Answer {
    pub allowed: Vec<IpAddr>,
    pub refused: Option<Forbidden>,
}

pub(super) async fn answer(
    resolver: &dyn Resolver,
    policy: &AddressPolicy,
    host: &str,
) -> io::Result<Answer> {
    let mut answer = Answer {
        allowed: Vec::new(),
        refused: None,
    };
    for address in resolver.lookup(host).await? {
        match policy.check(address) {
            Ok(()) => answer.allowed.push(address),
            Err(why) => {
                answer.refused.get_or_insert(Forbidden {
                    host: host.to_owned(),
                    address,
                    why,
                });
            }
        }
    }
    Ok(answer)
}

/// The resolver reqwest connects through: it hands the connector only allowed addresses, so the
/// connection goes to an address that was checked, and no second lookup can swap it.
pub(super) struct Guarded {
    pub resolver: Arc<dyn Resolver>,
    pub policy: Arc<AddressPolicy>,
}

impl reqwest::dns::Resolve for Guarded {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let (resolver, policy) = (self.resolver.clone(), self.policy.clone());
        Box::pin(async move {
            let host = name.as_str();
            let found = answer(resolver.as_ref(), &policy, host).await?;
            if found.allowed.is_empty() {
                let refused: Box<dyn std::error::Error + Send + Sync> = match found.refused {
                    Some(forbidden) => Box::new(forbidden),
                    None => Box::new(io::Error::new(
                        io::ErrorKind::NotFound,
                        format!("{host} has no address"),
                    )),
                };
                return Err(refused);
            }
            let addresses: Vec<SocketAddr> = found
                .allowed
                .into_iter()
                .map(|ip| SocketAddr::new(ip, 0))
                .collect();
            Ok(Box::new(addresses.into_iter()) as reqwest::dns::Addrs)
        })
    }
}
