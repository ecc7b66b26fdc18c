//! `GET /metrics`: request counts and latencies by route, connection pools and the memory index,
//! in the OpenMetrics text format that Prometheus scrapes.

use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

use crate::error::{AppError, ErrorCode};
use crate::http::AppState;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    method: String,
    /// The route's pattern (`/api/v1/statements/{id}`), never the raw path: ids would make
    /// a new series per statement.
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    method: String,
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PoolLabels {
    pool: String,
    state: String,
}

pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram>,
    pools: Family<PoolLabels, Gauge>,
    memory_units: Gauge,
    memory_bytes: Gauge,
    live_views: Gauge,
}

/// Latency buckets in seconds: fine below 50 ms, where reads and saves should be.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("tandem");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register(
            "http_requests",
            "HTTP requests answered, by method, route and status",
            requests.clone(),
        );
        let latency =
            Family::<RouteLabels, Histogram>::new_with_constructor(|| Histogram::new(BUCKETS));
        registry.register(
            "http_request_duration_seconds",
            "Time from request to response headers, by method and route",
            latency.clone(),
        );
        let pools = Family::<PoolLabels, Gauge>::default();
        registry.register(
            "db_connections",
            "Database connections by pool and state (open or idle)",
            pools.clone(),
        );
        let memory_units = Gauge::default();
        registry.register(
            "memory_units",
            "Translation units held in the memory index",
            memory_units.clone(),
        );
        let memory_bytes = Gauge::default();
        registry.register(
            "memory_index_bytes",
            "Heap bytes taken by the memory index",
            memory_bytes.clone(),
        );
        let live_views = Gauge::default();
        registry.register(
            "live_receivers",
            "Open live-update streams on this instance",
            live_views.clone(),
        );
        Self {
            registry,
            requests,
            latency,
            pools,
            memory_units,
            memory_bytes,
            live_views,
        }
    }
}

/// Counts and times every request; the route comes from the router's match.
pub async fn track(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().as_str().to_owned();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |m| m.as_str().to_owned());
    let response = next.run(request).await;
    let metrics = &state.metrics;
    metrics
        .latency
        .get_or_create(&RouteLabels {
            method: method.clone(),
            route: route.clone(),
        })
        .observe(started.elapsed().as_secs_f64());
    metrics
        .requests
        .get_or_create(&RequestLabels {
            method,
            route,
            status: response.status().as_u16(),
        })
        .inc();
    response
}

/// The scrape: gauges are read now, counters and histograms are kept as requests go.
pub async fn scrape(State(state): State<AppState>, headers: HeaderMap) -> Response {
    if let Some(token) = &state.config.metrics_token {
        let given = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or_default();
        if !same_secret(given.as_bytes(), token.as_bytes()) {
            let mut refused = AppError::new(ErrorCode::Unauthenticated).into_response();
            refused.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"metrics\""),
            );
            return refused;
        }
    }
    let metrics = &state.metrics;
    for pool in state.store.pool_stats() {
        for (kind, value) in [("open", pool.open), ("idle", pool.idle)] {
            metrics
                .pools
                .get_or_create(&PoolLabels {
                    pool: pool.pool.to_owned(),
                    state: kind.to_owned(),
                })
                .set(i64::from(value));
        }
    }
    metrics
        .memory_units
        .set(i64::try_from(state.memory.len()).unwrap_or(i64::MAX));
    metrics
        .memory_bytes
        .set(i64::try_from(state.memory.heap_bytes()).unwrap_or(i64::MAX));
    metrics
        .live_views
        .set(i64::try_from(state.events.receivers()).unwrap_or(i64::MAX));
    let mut body = String::new();
    if let Err(e) = prometheus_client::encoding::text::encode(&mut body, &metrics.registry) {
        tracing::error!(error = %e, "metrics cannot be encoded");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        body,
    )
        .into_response()
}

/// Compares a given token with the configured one in time that does not depend on where they
/// differ, so the token cannot be guessed a byte at a time.
fn same_secret(given: &[u8], expected: &[u8]) -> bool {
    given.len() == expected.len()
        && given
            .iter()
            .zip(expected)
            .fold(0u8, |diff, (a, b)| diff | (a ^ b))
            == 0
}

#[cfg(test)]
mod token_tests {
    use super::same_secret;

    #[test]
    fn only_the_same_token_passes() {
        assert!(same_secret(b"s3cret-token", b"s3cret-token"));
        assert!(!same_secret(b"s3cret-tokeN", b"s3cret-token"));
        assert!(!same_secret(b"s3cret", b"s3cret-token"));
        assert!(!same_secret(b"", b"s3cret-token"));
    }
}
