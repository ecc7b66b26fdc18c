//! The PostgreSQL backend, for several instances sharing one database.

mod live;
mod memory;
mod secrets;
mod security;
mod statements;
mod units;
mod users;

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};

use super::records::{
    ApiTokenInfo, Credentials, Language, NewLanguage, NewSession, NewUser, SessionUser, UserUpdate,
};
use super::rows::{
    session_from_rows, user_from_role_rows, LanguageRow, SessionRoleRow, UserRoleRow,
    SESSION_USER_SQL, TOKEN_USER_SQL,
};
use super::{Backend, Store, StoreError, StoreResult};
use crate::domain::language::LanguageTag;
use crate::domain::statement::{PreparedStatement, StatementDetail, StatementSummary};
use crate::domain::unit::Comment;
use crate::domain::user::User;
use crate::store::units::{SegmentContext, UnitRecord};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

/// How often a statement insert is retried when a slug was taken meanwhile by a writer that
/// did not take the slug lock (an older version of Tandem, or a hand-written insert).
const SLUG_ATTEMPTS: usize = 5;

pub struct PgStore {
    pool: PgPool,
}

impl PgStore {
    pub async fn open(url: &str) -> StoreResult<Self> {
        let options = PgConnectOptions::from_str(url).map_err(StoreError::Database)?;
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(options)
            .await?;
        Ok(Self { pool })
    }
}

impl PgStore {
    async fn read(&self) -> StoreResult<sqlx::pool::PoolConnection<sqlx::Postgres>> {
        Ok(self.pool.acquire().await?)
    }

    async fn write(&self) -> StoreResult<sqlx::Transaction<'static, sqlx::Postgres>> {
        Ok(self.pool.begin().await?)
    }

    /// One unit change in its own transaction: PostgreSQL already lets concurrent commits
    /// share a WAL flush, and its writers do not queue behind one connection.
    async fn commit_unit_change(
        &self,
        change: &crate::store::units::UnitChange,
    ) -> StoreResult<crate::store::units::UnitRecord> {
        let mut tx = self.write().await?;
        let unit = units::apply_change(&mut tx, change).await?;
        tx.commit().await?;
        Ok(unit)
    }

    // The editor's most frequent reads (`work_store!` asks for them by these names): on
    // PostgreSQL through the pool like every other read.

    async fn hot_unit(
        &self,
        statement_id: i64,
        segment_id: i64,
        lang: &LanguageTag,
    ) -> StoreResult<Option<UnitRecord>> {
        units::fetch_unit(&mut *self.read().await?, statement_id, segment_id, lang).await
    }

    async fn hot_unit_records(
        &self,
        statement_id: i64,
        lang: &LanguageTag,
    ) -> StoreResult<Vec<UnitRecord>> {
        units::unit_records(&mut *self.read().await?, statement_id, lang).await
    }

    async fn hot_comments(&self, unit_id: i64) -> StoreResult<Vec<Comment>> {
        units::comments(&mut *self.read().await?, unit_id).await
    }

    async fn hot_memory_entries(
        &self,
        ids: &[i64],
    ) -> StoreResult<Vec<crate::store::memory::MemoryEntry>> {
        memory::entries(&mut *self.read().await?, ids).await
    }

    async fn hot_segment_context(
        &self,
        statement_id: i64,
        segment_id: i64,
    ) -> StoreResult<Option<SegmentContext>> {
        units::segment_context(&mut *self.read().await?, statement_id, segment_id).await
    }
}

#[async_trait]
impl Store for PgStore {
    fn live_relay(&self) -> Option<std::sync::Arc<dyn crate::store::live::LiveRelay>> {
        Some(std::sync::Arc::new(live::PgLiveRelay {
            pool: self.pool.clone(),
        }))
    }

    fn pool_stats(&self) -> Vec<super::PoolStats> {
        vec![super::PoolStats {
            pool: "main",
            open: self.pool.size(),
            idle: u32::try_from(self.pool.num_idle()).unwrap_or(u32::MAX),
        }]
    }

    /// PostgreSQL has its own tools for consistent copies of a live database.
    async fn backup(&self, _dest: &std::path::Path) -> StoreResult<()> {
        Err(StoreError::Unsupported(
            "back up PostgreSQL with pg_dump (or pg_basebackup for the whole cluster)",
        ))
    }

    fn backend(&self) -> Backend {
        Backend::Postgres
    }

    /// sqlx holds a PostgreSQL advisory lock while migrating, so instances starting together
    /// apply each migration once and the others wait, then find nothing left to do.
    async fn migrate(&self) -> StoreResult<()> {
        MIGRATOR.run(&self.pool).await?;
        Ok(())
    }

    async fn ping(&self) -> StoreResult<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    async fn list_languages(&self) -> StoreResult<Vec<Language>> {
        sqlx::query_as::<_, LanguageRow>(
            "SELECT tag, name, native_name FROM languages ORDER BY tag",
        )
        .fetch_all(&self.pool)
        .await?
        .into_iter()
        .map(LanguageRow::into_language)
        .collect()
    }

    async fn add_language(&self, language: &NewLanguage) -> StoreResult<Language> {
        let inserted = sqlx::query(
            "INSERT INTO languages (tag, name, native_name) VALUES ($1, $2, $3) ON CONFLICT (tag) DO NOTHING",
        )
        .bind(language.tag.as_str())
        .bind(&language.name)
        .bind(&language.native_name)
        .execute(&self.pool)
        .await?;
        if inserted.rows_affected() == 0 {
            return Err(StoreError::Conflict("language"));
        }
        Ok(Language {
            tag: language.tag.clone(),
            name: language.name.clone(),
            native_name: language.native_name.clone(),
        })
    }

    async fn unknown_languages(&self, tags: &[LanguageTag]) -> StoreResult<Vec<LanguageTag>> {
        let mut conn = self.pool.acquire().await?;
        users::unknown_languages(&mut conn, tags).await
    }

    async fn create_user(&self, user: &NewUser) -> StoreResult<User> {
        let mut tx = self.pool.begin().await?;
        let created = users::create_user(&mut tx, user).await?;
        tx.commit().await?;
        Ok(created)
    }

    async fn update_user(&self, id: i64, update: &UserUpdate) -> StoreResult<Option<User>> {
        let mut tx = self.pool.begin().await?;
        let updated = users::update_user(&mut tx, id, update).await?;
        tx.commit().await?;
        Ok(updated)
    }

    async fn list_users(&self) -> StoreResult<Vec<User>> {
        let mut conn = self.pool.acquire().await?;
        users::list_users(&mut conn, None).await
    }

    async fn get_user(&self, id: i64) -> StoreResult<Option<User>> {
        let mut conn = self.pool.acquire().await?;
        Ok(users::list_users(&mut conn, Some(id)).await?.pop())
    }

    async fn credentials(&self, username: &str) -> StoreResult<Option<Credentials>> {
        let row: Option<(i64, String)> =
            sqlx::query_as("SELECT id, password_hash FROM users WHERE username = $1")
                .bind(username)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(user_id, password_hash)| Credentials {
            user_id,
            password_hash,
        }))
    }

    async fn create_session(&self, session: &NewSession) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        // Expired sessions are swept on every sign-in, so the table never grows without bound.
        sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
            .bind(session.created_at)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5)",
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
        let rows: Vec<SessionRoleRow> = sqlx::query_as(SESSION_USER_SQL)
            .bind(token_hash)
            .bind(now)
            .fetch_all(&self.pool)
            .await?;
        session_from_rows(rows.into_iter().map(|r| (r.row, r.csrf_token)).collect())
    }

    async fn delete_session(&self, token_hash: &str) -> StoreResult<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn create_api_token(
        &self,
        user_id: i64,
        name: &str,
        token_hash: &str,
    ) -> StoreResult<ApiTokenInfo> {
        let created_at = Utc::now();
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(user_id)
        .bind(name)
        .bind(token_hash)
        .bind(created_at)
        .fetch_one(&self.pool)
        .await?;
        Ok(ApiTokenInfo {
            id,
            name: name.to_owned(),
            created_at,
        })
    }

    async fn token_user(&self, token_hash: &str) -> StoreResult<Option<User>> {
        let rows: Vec<UserRoleRow> = sqlx::query_as(TOKEN_USER_SQL)
            .bind(token_hash)
            .fetch_all(&self.pool)
            .await?;
        user_from_role_rows(rows)
    }

    async fn create_statement(
        &self,
        statement: &PreparedStatement,
        slug: &str,
        created_by: i64,
    ) -> StoreResult<StatementDetail> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let mut tx = self.pool.begin().await?;
            match statements::insert_statement(&mut tx, statement, slug, created_by).await {
                Ok(id) => {
                    let detail = statements::statement_detail(&mut tx, id).await?;
                    tx.commit().await?;
                    return detail.ok_or_else(|| {
                        StoreError::Corrupt(format!(
                            "statement {id} vanished inside its transaction"
                        ))
                    });
                }
                // Another instance committed the same slug between our look-up and insert.
                Err(StoreError::Conflict("slug")) if attempt < SLUG_ATTEMPTS => continue,
                Err(e) => return Err(e),
            }
        }
    }

    async fn list_statements(&self) -> StoreResult<Vec<StatementSummary>> {
        let mut conn = self.pool.acquire().await?;
        statements::summaries(&mut conn, None).await
    }

    async fn get_statement(&self, id: i64) -> StoreResult<Option<StatementDetail>> {
        let mut conn = self.pool.acquire().await?;
        statements::statement_detail(&mut conn, id).await
    }
}

crate::store::work_store::work_store!(PgStore);
crate::store::memory::memory_store!(PgStore);
crate::store::glossary::glossary_store!(PgStore);
crate::store::security::security_store!(PgStore);
crate::store::webhook_store::webhook_store!(PgStore, sqlx::PgConnection, "FOR UPDATE SKIP LOCKED");
