//! The embedded SQLite backend: one writer connection, several readers, WAL with full sync.

#[cfg(test)]
mod build_options;
mod checkpointer;
mod direct_reads;
mod group_commit;
#[cfg(test)]
mod query_plans;
mod secrets;
mod segment_kinds;
mod statements;

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::pool::PoolConnection;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Sqlite, SqliteConnection, Transaction};

use super::memory::MemoryEntry;
use super::records::SessionUser;
use super::sql::SqlBackend;
use super::units::{SegmentContext, UnitRecord, UnitWrite};
use super::{Backend, Store, StoreError, StoreResult};
use crate::domain::language::LanguageTag;
use crate::domain::statement::PreparedStatement;
use crate::domain::unit::Comment;
use crate::domain::user::User;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

/// How long a writer waits for another process (say `tandem user add` beside a running
/// server) to release the database before the request fails as unavailable.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

pub struct SqliteStore {
    /// A single connection: writes in one process queue here instead of fighting for the lock.
    writer: SqlitePool,
    readers: SqlitePool,
    /// Single unit changes (the editor's saves) go through here to share COMMITs.
    group: group_commit::GroupCommit,
    /// The editor's most frequent reads, without sqlx's worker thread.
    direct: direct_reads::DirectReads,
    /// Folds the write-ahead log back into the database off the writer's path.
    checkpoints: checkpointer::Checkpointer,
}

impl SqliteStore {
    pub async fn open(url: &str) -> StoreResult<Self> {
        let options = SqliteConnectOptions::from_str(url)
            .map_err(StoreError::Database)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL: a transaction acknowledged to a client survives a power cut, not only a crash.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT)
            // Checkpoints run on a thread of their own (see `checkpointer`); the writer does one
            // only if the log grows far past SQLite's usual 1,000 pages.
            .pragma(
                "wal_autocheckpoint",
                checkpointer::WRITER_THRESHOLD_PAGES.to_string(),
            );
        if let Some(dir) = options.get_filename().parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)
                    .map_err(|e| StoreError::Unavailable(sqlx::Error::Io(e)))?;
            }
        }
        // A connection to a local file cannot go stale the way a network one can, so the pools
        // skip the ping before each use: on the editor's reads it was a second trip to
        // SQLite's worker thread for every query.
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .test_before_acquire(false)
            .acquire_timeout(BUSY_TIMEOUT)
            .connect_with(options.clone())
            .await?;
        let readers = SqlitePoolOptions::new()
            .max_connections(4)
            .test_before_acquire(false)
            .acquire_timeout(BUSY_TIMEOUT)
            .connect_lazy_with(options.clone());
        let group = group_commit::GroupCommit::start(writer.clone());
        let direct = direct_reads::DirectReads::new(options.get_filename());
        let checkpoints = checkpointer::Checkpointer::start(options.get_filename());
        Ok(Self {
            writer,
            readers,
            group,
            direct,
            checkpoints,
        })
    }

    /// The connection settings in force, as SQLite reports them: journal mode, synchronous level,
    /// foreign keys and busy timeout in milliseconds (for checks and diagnostics).
    pub async fn settings(&self) -> StoreResult<(String, i64, i64, i64)> {
        let mut conn = self.writer.acquire().await?;
        let journal: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&mut *conn)
            .await?;
        let synchronous: i64 = sqlx::query_scalar("PRAGMA synchronous")
            .fetch_one(&mut *conn)
            .await?;
        let foreign_keys: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
            .fetch_one(&mut *conn)
            .await?;
        let busy: i64 = sqlx::query_scalar("PRAGMA busy_timeout")
            .fetch_one(&mut *conn)
            .await?;
        Ok((journal, synchronous, foreign_keys, busy))
    }

    /// Closes both pools: every later query fails as unavailable. This is how the tests see a
    /// server whose database has gone away.
    pub async fn close(&self) {
        self.writer.close().await;
        self.readers.close().await;
        self.direct.close();
        self.checkpoints.stop();
    }
}

/// The shared SQL runs on the pools; the editor's most frequent reads run inline through
/// rusqlite (`direct_reads`) and single unit changes share COMMITs (`group_commit`).
#[async_trait]
impl SqlBackend for SqliteStore {
    type Db = Sqlite;

    /// Under WAL, readers never wait for the writer.
    async fn read(&self) -> StoreResult<PoolConnection<Sqlite>> {
        Ok(self.readers.acquire().await?)
    }

    /// A write transaction that takes the database lock at its start: a deferred one that
    /// upgrades later can fail with SQLITE_BUSY at once, without waiting, when another
    /// process wrote in between.
    async fn write(&self) -> StoreResult<Transaction<'static, Sqlite>> {
        Ok(self.writer.begin_with("BEGIN IMMEDIATE").await?)
    }

    async fn insert_statement(
        conn: &mut SqliteConnection,
        statement: &PreparedStatement,
        slug_base: &str,
        created_by: i64,
        at: DateTime<Utc>,
    ) -> StoreResult<i64> {
        statements::insert_statement(conn, statement, slug_base, created_by, at).await
    }

    async fn hot_unit(
        &self,
        statement_id: i64,
        segment_id: i64,
        lang: &LanguageTag,
    ) -> StoreResult<Option<UnitRecord>> {
        self.direct.unit(statement_id, segment_id, lang)
    }

    async fn hot_unit_records(
        &self,
        statement_id: i64,
        lang: &LanguageTag,
    ) -> StoreResult<Vec<UnitRecord>> {
        self.direct.unit_records(statement_id, lang)
    }

    async fn hot_comments(&self, unit_id: i64) -> StoreResult<Vec<Comment>> {
        self.direct.comments(unit_id)
    }

    async fn hot_segment_context(
        &self,
        statement_id: i64,
        segment_id: i64,
    ) -> StoreResult<Option<SegmentContext>> {
        self.direct.segment_context(statement_id, segment_id)
    }

    async fn hot_memory_entries(&self, ids: &[i64]) -> StoreResult<Vec<MemoryEntry>> {
        self.direct.memory_entries(ids)
    }

    async fn hot_session_user(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<SessionUser>> {
        self.direct.session_user(token_hash, now)
    }

    async fn hot_token_user(&self, token_hash: &str) -> StoreResult<Option<User>> {
        self.direct.token_user(token_hash)
    }

    /// Committed together with whatever other changes are waiting (see `group_commit`);
    /// answered only after its batch's COMMIT.
    async fn commit_unit_write(&self, write: &UnitWrite) -> StoreResult<UnitRecord> {
        self.group.apply(write.clone()).await
    }
}

#[async_trait]
impl Store for SqliteStore {
    fn backend(&self) -> Backend {
        Backend::Sqlite
    }

    fn pool_stats(&self) -> Vec<super::PoolStats> {
        [("writer", &self.writer), ("readers", &self.readers)]
            .into_iter()
            .map(|(pool, p)| super::PoolStats {
                pool,
                open: p.size(),
                idle: u32::try_from(p.num_idle()).unwrap_or(u32::MAX),
            })
            .collect()
    }

    /// `VACUUM INTO` reads one snapshot (WAL readers never block the writer) and writes a
    /// compact, self-contained file; the copy is then checked before it is reported done.
    async fn backup(&self, dest: &std::path::Path) -> StoreResult<()> {
        let dest_text = dest.to_str().ok_or_else(|| {
            StoreError::Unavailable(sqlx::Error::Configuration(
                "the backup path is not valid UTF-8".into(),
            ))
        })?;
        let mut conn = self.read().await?;
        sqlx::query("VACUUM INTO $1")
            .bind(dest_text)
            .execute(&mut *conn)
            .await?;
        drop(conn);
        let copy = SqliteConnectOptions::new().filename(dest).read_only(true);
        let mut check = sqlx::ConnectOptions::connect(&copy).await?;
        let verdict: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&mut check)
            .await?;
        if verdict != "ok" {
            return Err(StoreError::Corrupt(format!(
                "the backup failed its check: {verdict}"
            )));
        }
        Ok(())
    }

    async fn migrate(&self) -> StoreResult<()> {
        segment_kinds::migrate(&MIGRATOR, &self.writer).await
    }

    async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1").execute(&self.readers).await?;
        Ok(())
    }
}
