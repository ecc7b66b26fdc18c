//! Checks that the bundled SQLite was built with the options `.cargo/config.toml` gives it.

use rusqlite::Connection;

/// `PRAGMA compile_options`: one option a row, without the `SQLITE_` prefix.
fn compile_options() -> Vec<String> {
    let conn = Connection::open_in_memory().expect("in-memory database");
    let mut stmt = conn
        .prepare("PRAGMA compile_options")
        .expect("pragma prepares");
    let options = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .expect("pragma runs")
        .collect::<Result<Vec<_>, _>>()
        .expect("option rows");
    options
}

/// Without these two, every page a reader fetches and every allocation SQLite makes takes a
/// process-wide mutex, and concurrent readers queue on it (see `.cargo/config.toml`).
#[test]
fn sqlite_is_built_without_global_allocation_mutexes() {
    let options = compile_options();
    assert!(
        options.iter().any(|o| o == "THREADSAFE=1"),
        "the build is still thread-safe: {options:?}"
    );
    assert!(
        !options.iter().any(|o| o == "ENABLE_MEMORY_MANAGEMENT"),
        "page caches share one mutex: {options:?}"
    );
    assert!(
        options.iter().any(|o| o == "DEFAULT_MEMSTATUS=0"),
        "memory statistics take a mutex on every allocation: {options:?}"
    );
}
