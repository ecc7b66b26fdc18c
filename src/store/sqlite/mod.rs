//! The embedded SQLite backend: one writer connection, several readers, WAL with full sync.

#[cfg(test)]
mod build_options;
mod checkpointer;
mod direct_reads;
mod group_commit;
mod memory;
#[cfg(test)]
mod query_plans;
mod secrets;
mod security;
mod statements;
mod units;
mod users;

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Sqlite, Transaction};

use super::records::{
    ApiTokenInfo, Credentials, Language, NewLanguage, NewSession, NewUser, SessionUser, UserUpdate,
};
use super::rows::LanguageRow;
use super::{Backend, Store, StoreError, StoreResult};
use crate::domain::language::LanguageTag;
use crate::domain::statement::{PreparedStatement, StatementDetail, StatementSummary};
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

    /// A connection for reading; under WAL, readers never wait for the writer.
    async fn read(&self) -> StoreResult<sqlx::pool::PoolConnection<Sqlite>> {
        Ok(self.readers.acquire().await?)
    }

    /// One unit change, committed together with whatever other changes are waiting (see
    /// `group_commit`); answered only after its batch's COMMIT.
    async fn commit_unit_change(
        &self,
        change: &crate::store::units::UnitChange,
    ) -> StoreResult<crate::store::units::UnitRecord> {
        self.group.apply(change.clone()).await
    }

    // The editor's most frequent reads (`work_store!` asks for them by these names).

    async fn hot_unit(
        &self,
        statement_id: i64,
        segment_id: i64,
        lang: &LanguageTag,
    ) -> StoreResult<Option<crate::store::units::UnitRecord>> {
        self.direct.unit(statement_id, segment_id, lang)
    }

    async fn hot_unit_records(
        &self,
        statement_id: i64,
        lang: &LanguageTag,
    ) -> StoreResult<Vec<crate::store::units::UnitRecord>> {
        self.direct.unit_records(statement_id, lang)
    }

    async fn hot_comments(&self, unit_id: i64) -> StoreResult<Vec<crate::domain::unit::Comment>> {
        self.direct.comments(unit_id)
    }

    async fn hot_memory_entries(
        &self,
        ids: &[i64],
    ) -> StoreResult<Vec<crate::store::memory::MemoryEntry>> {
        self.direct.memory_entries(ids)
    }

    async fn hot_segment_context(
        &self,
        statement_id: i64,
        segment_id: i64,
    ) -> StoreResult<Option<crate::store::units::SegmentContext>> {
        self.direct.segment_context(statement_id, segment_id)
    }

    /// A write transaction that takes the database lock at its start: a deferred one that
    /// upgrades later can fail with SQLITE_BUSY at once, without waiting, when another
    /// process wrote in between.
    async fn write(&self) -> StoreResult<Transaction<'static, Sqlite>> {
        Ok(self.writer.begin_with("BEGIN IMMEDIATE").await?)
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
        MIGRATOR.run(&self.writer).await?;
        Ok(())
    }

    async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1").execute(&self.readers).await?;
        Ok(())
    }

    async fn list_languages(&self) -> StoreResult<Vec<Language>> {
        sqlx::query_as::<_, LanguageRow>(
            "SELECT tag, name, native_name FROM languages ORDER BY tag",
        )
        .fetch_all(&self.readers)
        .await?
        .into_iter()
        .map(LanguageRow::into_language)
        .collect()
    }

    async fn add_language(&self, language: &NewLanguage) -> StoreResult<Language> {
        let mut tx = self.write().await?;
        let inserted = sqlx::query(
            "INSERT INTO languages (tag, name, native_name) VALUES (?, ?, ?) ON CONFLICT (tag) DO NOTHING",
        )
        .bind(language.tag.as_str())
        .bind(&language.name)
        .bind(&language.native_name)
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() == 0 {
            return Err(StoreError::Conflict("language"));
        }
        tx.commit().await?;
        Ok(Language {
            tag: language.tag.clone(),
            name: language.name.clone(),
            native_name: language.native_name.clone(),
        })
    }

    async fn unknown_languages(&self, tags: &[LanguageTag]) -> StoreResult<Vec<LanguageTag>> {
        let mut conn = self.readers.acquire().await?;
        users::unknown_languages(&mut conn, tags).await
    }

    async fn create_user(&self, user: &NewUser) -> StoreResult<User> {
        let mut tx = self.write().await?;
        let created = users::create_user(&mut tx, user).await?;
        tx.commit().await?;
        Ok(created)
    }

    async fn update_user(&self, id: i64, update: &UserUpdate) -> StoreResult<Option<User>> {
        let mut tx = self.write().await?;
        let updated = users::update_user(&mut tx, id, update).await?;
        tx.commit().await?;
        Ok(updated)
    }

    async fn list_users(&self) -> StoreResult<Vec<User>> {
        let mut conn = self.readers.acquire().await?;
        users::list_users(&mut conn, None).await
    }

    async fn get_user(&self, id: i64) -> StoreResult<Option<User>> {
        let mut conn = self.readers.acquire().await?;
        Ok(users::list_users(&mut conn, Some(id)).await?.pop())
    }

    async fn credentials(&self, username: &str) -> StoreResult<Option<Credentials>> {
        let row: Option<(i64, String)> =
            sqlx::query_as("SELECT id, password_hash FROM users WHERE username = ?")
                .bind(username)
                .fetch_optional(&self.readers)
                .await?;
        Ok(row.map(|(user_id, password_hash)| Credentials {
            user_id,
            password_hash,
        }))
    }

    async fn create_session(&self, session: &NewSession) -> StoreResult<()> {
        let mut tx = self.write().await?;
        // Expired sessions are swept on every sign-in, so the table never grows without bound.
        sqlx::query("DELETE FROM sessions WHERE expires_at < ?")
            .bind(session.created_at)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
        )
        .bind(&session.token_hash)
        .bind(session.user_id)
        .bind(&session.csrf_token)
        .bind(session.created_at)
        .bind(session.expires_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn session_user(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<SessionUser>> {
        self.direct.session_user(token_hash, now)
    }

    async fn delete_session(&self, token_hash: &str) -> StoreResult<()> {
        let mut tx = self.write().await?;
        sqlx::query("DELETE FROM sessions WHERE token_hash = ?")
            .bind(token_hash)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn create_api_token(
        &self,
        user_id: i64,
        name: &str,
        token_hash: &str,
    ) -> StoreResult<ApiTokenInfo> {
        let mut tx = self.write().await?;
        let created_at = Utc::now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id",
        )
        .bind(user_id)
        .bind(name)
        .bind(token_hash)
        .bind(created_at)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(ApiTokenInfo {
            id,
            name: name.to_owned(),
            created_at,
        })
    }

    async fn token_user(&self, token_hash: &str) -> StoreResult<Option<User>> {
        self.direct.token_user(token_hash)
    }

    async fn create_statement(
        &self,
        statement: &PreparedStatement,
        slug: &str,
        created_by: i64,
    ) -> StoreResult<StatementDetail> {
        let mut tx = self.write().await?;
        let id = statements::insert_statement(&mut tx, statement, slug, created_by).await?;
        let detail = statements::statement_detail(&mut tx, id).await?;
        tx.commit().await?;
        detail.ok_or_else(|| {
            StoreError::Corrupt(format!("statement {id} vanished inside its transaction"))
        })
    }

    async fn list_statements(&self) -> StoreResult<Vec<StatementSummary>> {
        let mut conn = self.readers.acquire().await?;
        statements::summaries(&mut conn, None).await
    }

    async fn get_statement(&self, id: i64) -> StoreResult<Option<StatementDetail>> {
        let mut conn = self.readers.acquire().await?;
        statements::statement_detail(&mut conn, id).await
    }
}

crate::store::work_store::work_store!(SqliteStore);
crate::store::memory::memory_store!(SqliteStore);
crate::store::glossary::glossary_store!(SqliteStore);
crate::store::security::security_store!(SqliteStore);
// SQLite has one writer, so claims never race and need no row locks.
crate::store::webhook_store::webhook_store!(SqliteStore, sqlx::SqliteConnection, "");
