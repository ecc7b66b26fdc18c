//! The client's address, for sign-in limits and the audit log.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

use crate::domain::lockout::address_key;
use crate::error::AppError;
use crate::http::AppState;

/// Where the request came from, as `address_key` writes it; `None` when the server was started
/// without connection info (never in `tandem serve`).
pub struct ClientAddress(pub Option<String>);

impl ClientAddress {
    pub fn as_deref(&self) -> Option<&str> {
        self.0.as_deref()
    }
}

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if state.config.trust_proxy {
            // The proxy appends the address it saw; anything before it is the client's own claim.
            let forwarded = parts
                .headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .last()
                .and_then(|v| v.trim().parse::<IpAddr>().ok());
            if let Some(ip) = forwarded {
                return Ok(Self(Some(address_key(ip))));
            }
        }
        let connected = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|ConnectInfo(addr)| address_key(addr.ip()));
        Ok(Self(connected))
    }
}
