//! The one place that knows both sqlx connection types. The shared queries run on any `Conn`,
//! with their parameters as `Param`s and their rows as `Record`s.
//!
//! Why not functions generic over `sqlx::Database`: such a function must name every type it
//! binds or reads as a bound of its own (`i64: Encode<'q, DB> + Type<DB>`, then `Option<i64>`,
//! `&str`, times, and so on), and Rust does not carry a trait's where clause to its users, so
//! every generic function and impl repeated the same dozen lines. Here those bounds are written
//! once, in `arguments`, and everything above them is plain code over `Conn`.

use std::future::Future;

use chrono::{DateTime, Utc};
use sqlx::postgres::PgRow;
use sqlx::sqlite::SqliteRow;
use sqlx::{Arguments, Database, Encode, FromRow, PgConnection, SqliteConnection, Type};

use crate::store::rows::Spans;
use crate::store::{StoreError, StoreResult};

/// One query parameter, as both databases take it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Param<'a> {
    Int(Option<i64>),
    /// For the few `INTEGER` (32-bit) columns of PostgreSQL.
    Int32(Option<i32>),
    Bool(bool),
    Text(Option<&'a str>),
    Time(Option<DateTime<Utc>>),
    /// A segment's sentences, as byte ranges into its source (JSON).
    Spans(&'a Spans),
}

impl From<i64> for Param<'_> {
    fn from(value: i64) -> Self {
        Self::Int(Some(value))
    }
}

impl From<Option<i64>> for Param<'_> {
    fn from(value: Option<i64>) -> Self {
        Self::Int(value)
    }
}

impl From<Option<i32>> for Param<'_> {
    fn from(value: Option<i32>) -> Self {
        Self::Int32(value)
    }
}

impl From<bool> for Param<'_> {
    fn from(value: bool) -> Self {
        Self::Bool(value)
    }
}

impl<'a> From<&'a str> for Param<'a> {
    fn from(value: &'a str) -> Self {
        Self::Text(Some(value))
    }
}

impl<'a> From<&'a String> for Param<'a> {
    fn from(value: &'a String) -> Self {
        Self::Text(Some(value))
    }
}

impl<'a> From<Option<&'a str>> for Param<'a> {
    fn from(value: Option<&'a str>) -> Self {
        Self::Text(value)
    }
}

impl From<DateTime<Utc>> for Param<'_> {
    fn from(value: DateTime<Utc>) -> Self {
        Self::Time(Some(value))
    }
}

impl From<Option<DateTime<Utc>>> for Param<'_> {
    fn from(value: Option<DateTime<Utc>>) -> Self {
        Self::Time(value)
    }
}

impl<'a> From<&'a Spans> for Param<'a> {
    fn from(value: &'a Spans) -> Self {
        Self::Spans(value)
    }
}

/// A row shape both databases can fill: every `#[derive(sqlx::FromRow)]` struct and tuple of
/// Tandem's column types.
pub(crate) trait Record:
    for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin
{
}

impl<T> Record for T where
    T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin
{
}

/// A connection (or a transaction: both dereference to one) of either database.
pub(crate) trait Conn: Send {
    /// Where a text occurs in another (0 when it does not): `instr` or `strpos`.
    const SUBSTRING_POSITION: &'static str;
    /// What a query appends to lock the rows it reads until commit. SQLite needs nothing: a
    /// write transaction there holds the database's one write lock from its start.
    const FOR_UPDATE: &'static str;
    /// What a claiming query appends so that rows another instance is claiming are skipped
    /// (PostgreSQL); SQLite has one writer, so claims never race.
    const SKIP_LOCKED: &'static str;

    /// Runs `sql`; the number of rows it changed.
    fn execute<'q>(
        &mut self,
        sql: &'q str,
        params: &[Param<'q>],
    ) -> impl Future<Output = StoreResult<u64>> + Send;

    fn fetch_all<'q, T: Record>(
        &mut self,
        sql: &'q str,
        params: &[Param<'q>],
    ) -> impl Future<Output = StoreResult<Vec<T>>> + Send;

    fn fetch_optional<'q, T: Record>(
        &mut self,
        sql: &'q str,
        params: &[Param<'q>],
    ) -> impl Future<Output = StoreResult<Option<T>>> + Send;

    /// The first row; an error when there is none.
    fn fetch_one<'q, T: Record>(
        &mut self,
        sql: &'q str,
        params: &[Param<'q>],
    ) -> impl Future<Output = StoreResult<T>> + Send;

    /// The first column of the first row.
    fn scalar<'q, T>(
        &mut self,
        sql: &'q str,
        params: &[Param<'q>],
    ) -> impl Future<Output = StoreResult<T>> + Send
    where
        (T,): Record,
        T: Send,
    {
        async move { Ok(self.fetch_one::<(T,)>(sql, params).await?.0) }
    }

    /// The first column of the first row, if there is a row.
    fn scalar_optional<'q, T>(
        &mut self,
        sql: &'q str,
        params: &[Param<'q>],
    ) -> impl Future<Output = StoreResult<Option<T>>> + Send
    where
        (T,): Record,
        T: Send,
    {
        async move {
            let row = self.fetch_optional::<(T,)>(sql, params).await?;
            Ok(row.map(|(value,)| value))
        }
    }

    /// The first column of every row.
    fn scalars<'q, T>(
        &mut self,
        sql: &'q str,
        params: &[Param<'q>],
    ) -> impl Future<Output = StoreResult<Vec<T>>> + Send
    where
        (T,): Record,
        T: Send,
    {
        async move {
            let rows = self.fetch_all::<(T,)>(sql, params).await?;
            Ok(rows.into_iter().map(|(value,)| value).collect())
        }
    }
}

/// `params` as the arguments of one database's query: the only code that needs to know which
/// Rust types each database can bind.
fn arguments<'q, DB>(params: &[Param<'q>]) -> StoreResult<DB::Arguments<'q>>
where
    DB: Database,
    Option<i64>: Encode<'q, DB> + Type<DB>,
    Option<i32>: Encode<'q, DB> + Type<DB>,
    bool: Encode<'q, DB> + Type<DB>,
    Option<&'q str>: Encode<'q, DB> + Type<DB>,
    Option<DateTime<Utc>>: Encode<'q, DB> + Type<DB>,
    &'q Spans: Encode<'q, DB> + Type<DB>,
{
    let mut arguments = DB::Arguments::<'q>::default();
    for param in params {
        let added = match *param {
            Param::Int(value) => arguments.add(value),
            Param::Int32(value) => arguments.add(value),
            Param::Bool(value) => arguments.add(value),
            Param::Text(value) => arguments.add(value),
            Param::Time(value) => arguments.add(value),
            Param::Spans(value) => arguments.add(value),
        };
        added.map_err(|e| StoreError::Database(sqlx::Error::Encode(e)))?;
    }
    Ok(arguments)
}

impl Conn for SqliteConnection {
    const SUBSTRING_POSITION: &'static str = "instr";
    const FOR_UPDATE: &'static str = "";
    const SKIP_LOCKED: &'static str = "";

    async fn execute<'q>(&mut self, sql: &'q str, params: &[Param<'q>]) -> StoreResult<u64> {
        let arguments = arguments::<sqlx::Sqlite>(params)?;
        let done = sqlx::query_with(sql, arguments).execute(self).await?;
        Ok(done.rows_affected())
    }

    async fn fetch_all<'q, T: Record>(
        &mut self,
        sql: &'q str,
        params: &[Param<'q>],
    ) -> StoreResult<Vec<T>> {
        let arguments = arguments::<sqlx::Sqlite>(params)?;
        Ok(sqlx::query_as_with(sql, arguments).fetch_all(self).await?)
    }

    async fn fetch_optional<'q, T: Record>(
        &mut self,
        sql: &'q str,
        params: &[Param<'q>],
    ) -> StoreResult<Option<T>> {
        let arguments = arguments::<sqlx::Sqlite>(params)?;
        Ok(sqlx::query_as_with(sql, arguments)
            .fetch_optional(self)
            .await?)
    }

    async fn fetch_one<'q, T: Record>(
        &mut self,
        sql: &'q str,
        params: &[Param<'q>],
    ) -> StoreResult<T> {
        let arguments = arguments::<sqlx::Sqlite>(params)?;
        Ok(sqlx::query_as_with(sql, arguments).fetch_one(self).await?)
    }
}

impl Conn for PgConnection {
    const SUBSTRING_POSITION: &'static str = "strpos";
    const FOR_UPDATE: &'static str = " FOR UPDATE";
    const SKIP_LOCKED: &'static str = " FOR UPDATE SKIP LOCKED";

    async fn execute<'q>(&mut self, sql: &'q str, params: &[Param<'q>]) -> StoreResult<u64> {
        let arguments = arguments::<sqlx::Postgres>(params)?;
        let done = sqlx::query_with(sql, arguments).execute(self).await?;
        Ok(done.rows_affected())
    }

    async fn fetch_all<'q, T: Record>(
        &mut self,
        sql: &'q str,
        params: &[Param<'q>],
    ) -> StoreResult<Vec<T>> {
        let arguments = arguments::<sqlx::Postgres>(params)?;
        Ok(sqlx::query_as_with(sql, arguments).fetch_all(self).await?)
    }

    async fn fetch_optional<'q, T: Record>(
        &mut self,
        sql: &'q str,
        params: &[Param<'q>],
    ) -> StoreResult<Option<T>> {
        let arguments = arguments::<sqlx::Postgres>(params)?;
        Ok(sqlx::query_as_with(sql, arguments)
            .fetch_optional(self)
            .await?)
    }

    async fn fetch_one<'q, T: Record>(
        &mut self,
        sql: &'q str,
        params: &[Param<'q>],
    ) -> StoreResult<T> {
        let arguments = arguments::<sqlx::Postgres>(params)?;
        Ok(sqlx::query_as_with(sql, arguments).fetch_one(self).await?)
    }
}
