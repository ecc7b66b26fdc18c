//! The process-wide shutdown flag: set when a stop signal arrives, watched by the responses
//! that would never end on their own.

/// Becomes true when SIGTERM or Ctrl-C arrives. A graceful shutdown waits for every response to
/// end, and event streams never would on their own: they watch this and end instead. It is
/// process-wide because the signal is.
pub(crate) static SHUTTING_DOWN: std::sync::LazyLock<tokio::sync::watch::Sender<bool>> =
    std::sync::LazyLock::new(|| tokio::sync::watch::channel(false).0);

/// Whether the process is shutting down, now and as it changes.
pub fn shutting_down() -> tokio::sync::watch::Receiver<bool> {
    SHUTTING_DOWN.subscribe()
}
