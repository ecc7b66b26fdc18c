//! The PostgreSQL backend, for several instances sharing one database.

mod live;
mod secrets;
mod statements;

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::{PgConnection, Postgres, Transaction};

use super::sql::SqlBackend;
use super::{Backend, Store, StoreError, StoreResult};
use crate::domain::statement::PreparedStatement;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/postgres");

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

/// Every read and write through the one pool: PostgreSQL already lets concurrent commits share a
/// WAL flush, and its writers do not queue behind one connection.
#[async_trait]
impl SqlBackend for PgStore {
    type Db = Postgres;

    async fn read(&self) -> StoreResult<PoolConnection<Postgres>> {
        Ok(self.pool.acquire().await?)
    }

    async fn write(&self) -> StoreResult<Transaction<'static, Postgres>> {
        Ok(self.pool.begin().await?)
    }

    async fn insert_statement(
        conn: &mut PgConnection,
        statement: &PreparedStatement,
        slug_base: &str,
        created_by: i64,
        at: DateTime<Utc>,
    ) -> StoreResult<i64> {
        statements::insert_statement(conn, statement, slug_base, created_by, at).await
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
}
