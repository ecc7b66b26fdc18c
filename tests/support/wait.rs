//! Waiting for what a test expects to happen, with one generous deadline: a test says what it
//! waits for, never how long something may take (speed is measured by the benchmarks).

use std::fmt::Display;
use std::time::{Duration, Instant};

/// Long enough for a debug build on a loaded two-core CI machine; reached only when the
/// awaited thing never happens.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// Asks `probe` again and again until it answers `Some`, and returns that; fails naming `what`
/// (and the last state `probe` described through `Err`) when [`PATIENCE`] runs out.
pub async fn until<T, E: Display>(
    what: impl Display,
    mut probe: impl AsyncFnMut() -> Result<T, E>,
) -> T {
    let deadline = Instant::now() + PATIENCE;
    loop {
        match probe().await {
            Ok(found) => return found,
            Err(last) if Instant::now() >= deadline => {
                panic!("waited {PATIENCE:?} for {what}; last seen: {last}")
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
        }
    }
}
