//! The store's SQL, written once for both databases as plain functions over `Conn`, and the
//! store traits implemented once for every `SqlBackend` (SQLite and PostgreSQL). A backend
//! brings its connections and its own roads for what it does differently; nothing here decides
//! anything about the rows it writes.

mod conn;
pub(crate) mod glossary;
pub(crate) mod memory;
pub(crate) mod outbox;
pub(crate) mod people;
pub(crate) mod publications;
pub(crate) mod security;
pub(crate) mod sources;
pub(crate) mod statements;
pub(crate) mod unit_writes;
pub(crate) mod units;
pub(crate) mod users;
pub(crate) mod webhooks;
mod work_store;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::pool::PoolConnection;
use sqlx::{Database, Transaction};

pub(crate) use conn::{Conn, Param};

use super::memory::MemoryEntry;
use super::records::SessionUser;
use super::units::{SegmentContext, UnitRecord, UnitWrite};
use super::StoreResult;
use crate::domain::language::LanguageTag;
use crate::domain::statement::PreparedStatement;
use crate::domain::unit::Comment;
use crate::domain::user::User;

/// What a backend gives the shared code. The editor's most frequent reads and its saves have
/// a default road here (a pooled connection, a transaction each); a backend with a faster one
/// takes it (SQLite reads through rusqlite and groups saves into shared commits).
#[async_trait]
pub(crate) trait SqlBackend: Send + Sync + 'static {
    type Db: Database<Connection: Conn>;

    /// A connection to read on.
    async fn read(&self) -> StoreResult<PoolConnection<Self::Db>>;

    /// A transaction to write in; dropping it uncommitted writes nothing.
    async fn write(&self) -> StoreResult<Transaction<'static, Self::Db>>;

    /// Writes a new statement's own rows (revision 1, targets, segments and their units) and
    /// returns its id; `Conflict("slug")` when another writer took the slug it chose.
    async fn insert_statement(
        conn: &mut <Self::Db as Database>::Connection,
        statement: &PreparedStatement,
        slug_base: &str,
        created_by: i64,
        at: DateTime<Utc>,
    ) -> StoreResult<i64>;

    async fn hot_unit(
        &self,
        statement_id: i64,
        segment_id: i64,
        lang: &LanguageTag,
    ) -> StoreResult<Option<UnitRecord>> {
        units::unit(&mut *self.read().await?, statement_id, segment_id, lang).await
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

    async fn hot_segment_context(
        &self,
        statement_id: i64,
        segment_id: i64,
    ) -> StoreResult<Option<SegmentContext>> {
        units::segment_context(&mut *self.read().await?, statement_id, segment_id).await
    }

    async fn hot_memory_entries(&self, ids: &[i64]) -> StoreResult<Vec<MemoryEntry>> {
        memory::entries(&mut *self.read().await?, ids).await
    }

    async fn hot_session_user(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<SessionUser>> {
        people::session_user(&mut *self.read().await?, token_hash, now).await
    }

    async fn hot_token_user(&self, token_hash: &str) -> StoreResult<Option<User>> {
        people::token_user(&mut *self.read().await?, token_hash).await
    }

    /// One unit change in a transaction of its own.
    async fn commit_unit_write(&self, write: &UnitWrite) -> StoreResult<UnitRecord> {
        let mut tx = self.write().await?;
        let unit = unit_writes::apply(&mut *tx, write).await?;
        tx.commit().await?;
        Ok(unit)
    }
}
