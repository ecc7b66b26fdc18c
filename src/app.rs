//! Startup: opens the store, migrates, builds the shared state and the router, binds the port,
//! and serves until a stop signal.

use std::sync::Arc;

use axum::Router;
use tokio::net::TcpListener;

use crate::config::Config;
use crate::http::shutdown::SHUTTING_DOWN;
use crate::http::AppState;
use crate::i18n::L10n;
use crate::store::{self, Store};
use crate::workflow::events::EventBus;
use crate::workflow::memory::MemoryBook;

pub struct App;

impl App {
    /// Opens and migrates the database, then binds `config.bind` (port 0 picks a free port,
    /// which is how the tests start the service).
    pub async fn build(config: Config) -> anyhow::Result<(TcpListener, Router)> {
        let state = Self::open(config).await?;
        Self::bind(state).await
    }

    /// Opens and migrates the database, proves the secret key against it (sealing any secret
    /// still in clear), and builds the shared state.
    pub async fn open(config: Config) -> anyhow::Result<AppState> {
        crate::domain::language_registry::load_now();
        let store = store::open(&config.database_url).await?;
        store.migrate().await?;
        let unlocked = crate::workflow::secrets::unlock(
            store.as_ref(),
            &config.secret_key,
            &config.database_url,
        )
        .await?;
        Self::state(config, store, unlocked.sealer)
    }

    /// Binds the configured address and builds the router over `state`.
    pub async fn bind(state: AppState) -> anyhow::Result<(TcpListener, Router)> {
        let listener = TcpListener::bind(state.config.bind).await?;
        tokio::spawn(keep_memory_current(state.clone()));
        if let Some(relay) = state.store.live_relay() {
            // Each process gets its own name, so it can tell its own notifications from others'.
            let origin = format!(
                "{}-{}",
                std::process::id(),
                &crate::workflow::credentials::new_secret("")[..12]
            );
            tokio::spawn(crate::workflow::live::run(
                state.events.clone(),
                relay,
                origin,
            ));
        }
        if state.config.webhooks.deliver {
            tokio::spawn(crate::workflow::webhook_delivery::run(
                state.store.clone(),
                state.outbound.clone(),
                state.sealer.clone(),
                state.config.webhooks.clone(),
            ));
        }
        Ok((listener, crate::http::router(state)))
    }

    pub fn state(
        config: Config,
        store: Arc<dyn Store>,
        sealer: Arc<crate::secrets::Sealer>,
    ) -> anyhow::Result<AppState> {
        let outbound = Arc::new(crate::outbound::Outbound::new(&config.outbound)?);
        Ok(AppState {
            store,
            l10n: Arc::new(L10n::new()?),
            outbound,
            sealer,
            config: Arc::new(config),
            events: Arc::new(EventBus::default()),
            memory: Arc::new(MemoryBook::default()),
            metrics: Arc::new(crate::http::metrics::Metrics::default()),
        })
    }

    /// Serves until Ctrl-C or SIGTERM, letting requests in flight finish.
    pub async fn serve(listener: TcpListener, router: Router) -> std::io::Result<()> {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown_signal())
        .await
    }
}

/// Loads the translation memory in the background (requests are served meanwhile), then reads
/// what was added since, twice a second: that is also how pairs approved on another instance
/// sharing the database become searchable here.
async fn keep_memory_current(state: AppState) {
    let mut failing = false;
    loop {
        match state.memory.refresh(state.store.as_ref()).await {
            Ok(_) => failing = false,
            Err(e) if !failing => {
                failing = true;
                tracing::warn!(
                    code = e.code.as_str(),
                    "the translation memory cannot be refreshed"
                );
            }
            Err(_) => {}
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::warn!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
    SHUTTING_DOWN.send_replace(true);
}

/// Structured logs: human-readable by default, JSON with `TANDEM_LOG_FORMAT=json`;
/// the level comes from `RUST_LOG` (default `info`).
pub fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let result = if std::env::var("TANDEM_LOG_FORMAT").is_ok_and(|v| v == "json") {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
    // A second init (tests) is harmless; the first subscriber stays.
    let _ = result;
}
