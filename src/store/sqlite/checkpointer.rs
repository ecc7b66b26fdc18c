//! Moves committed pages from the write-ahead log into the database file off the writer's path.
//!
//! SQLite checkpoints on the committing connection once the log passes its threshold: the
//! writer then copies thousands of pages and syncs the database file before the next batch of
//! saves may commit, and under the editor's load that put tens of milliseconds on a save now and
//! then. This thread checkpoints in PASSIVE mode (it never blocks a writer or a reader) a few
//! times a second on a connection of its own. The writer keeps a far higher threshold of its
//! own, so the log stays bounded even if this thread cannot keep up.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::Mutex;
use std::thread::JoinHandle;
use std::time::Duration;

use rusqlite::Connection;

/// How often the log is folded back; at a few hundred saves a second that keeps each pass to
/// a few hundred pages.
const EVERY: Duration = Duration::from_millis(200);

/// The writer's own threshold in pages: only reached when this thread falls far behind.
pub(super) const WRITER_THRESHOLD_PAGES: u32 = 10_000;

pub(super) struct Checkpointer {
    stop: Mutex<Option<(Sender<()>, JoinHandle<()>)>>,
}

impl Checkpointer {
    /// Starts the thread; without a thread (the system refused one) the writer's own threshold
    /// still checkpoints.
    pub(super) fn start(path: &Path) -> Self {
        let (tx, rx) = mpsc::channel::<()>();
        let path: PathBuf = path.to_owned();
        let handle = std::thread::Builder::new()
            .name("sqlite-checkpoint".into())
            .spawn(move || {
                let mut conn = None;
                loop {
                    match rx.recv_timeout(EVERY) {
                        Err(RecvTimeoutError::Timeout) => {}
                        // Asked to stop, or the store is gone.
                        Ok(()) | Err(RecvTimeoutError::Disconnected) => return,
                    }
                    if conn.is_none() {
                        conn = Connection::open(&path).ok();
                    }
                    if let Some(c) = &conn {
                        match checkpoint(c) {
                            Ok(_) => {}
                            // Another process's checkpoint is under way: it does the work.
                            Err(e) if is_busy(&e) => {}
                            Err(e) => {
                                tracing::warn!(error = %e, "background checkpoint failed");
                                // A fresh connection next time, in case this one is the trouble.
                                conn = None;
                            }
                        }
                    }
                }
            });
        let stop = match handle {
            Ok(handle) => Some((tx, handle)),
            Err(e) => {
                tracing::warn!(error = %e, "no checkpoint thread; SQLite checkpoints on commit");
                None
            }
        };
        Self {
            stop: Mutex::new(stop),
        }
    }

    /// Stops the thread and waits for a pass under way to end.
    pub(super) fn stop(&self) {
        let stop = self.stop.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some((tx, handle)) = stop {
            let _ = tx.send(());
            let _ = handle.join();
        }
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// One PASSIVE checkpoint: as many frames as no reader still needs. Returns the frames in the
/// log and those now in the database file.
pub(super) fn checkpoint(conn: &Connection) -> rusqlite::Result<(i64, i64)> {
    conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |r| {
        Ok((r.get(1)?, r.get(2)?))
    })
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_pages_reach_the_database_file_without_the_writer() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("log.db");
        let writer = Connection::open(&path).expect("writer");
        writer
            .execute_batch(
                "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;
                 CREATE TABLE t (body TEXT);",
            )
            .expect("set up");
        for _ in 0..200 {
            writer
                .execute(
                    "INSERT INTO t VALUES (?1)",
                    ["a paragraph of text ".repeat(20)],
                )
                .expect("insert");
        }
        let file_len = || std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        let before = file_len();
        let checkpoints = Checkpointer::start(&path);
        // A generous deadline: only a checkpointer that never runs reaches it.
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        while file_len() <= before && std::time::Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(50));
        }
        checkpoints.stop();
        // The rows (about 80 KB) are in the database file now, not only in the log.
        assert!(
            file_len() > before + 40_000,
            "the database file stayed at {} bytes (was {before})",
            file_len()
        );
        let rows: i64 = writer
            .query_row("SELECT COUNT(*) FROM t", [], |r| r.get(0))
            .expect("count");
        assert_eq!(rows, 200);
    }
}
