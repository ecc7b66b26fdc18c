//! The editor's most frequent reads on SQLite, run on the caller's thread through rusqlite.
//!
//! sqlx drives every SQLite connection from a worker thread of its own and hands each row across
//! a channel, so a read of forty units cost forty thread wake-ups on top of the query; under the
//! editor's load those hand-overs, not SQLite, took most of the processor. These reads are small
//! indexed lookups (well under a millisecond), so they run where they are asked for, on a pool
//! of read-only connections. Under WAL a reader never waits for the writer, so nothing here
//! blocks on another request. The SQL and the row shapes are the ones the sqlx path uses.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OpenFlags, OptionalExtension, Row};

use crate::domain::language::LanguageTag;
use crate::domain::unit::Comment;
use crate::domain::user::User;
use crate::store::memory::{MemoryEntry, MEMORY_COLUMNS};
use crate::store::records::SessionUser;
use crate::store::rows::{
    session_from_rows, user_from_role_rows, UserRoleRow, UserRow, SESSION_USER_SQL, TOKEN_USER_SQL,
};
use crate::store::unit_rows::{with_assignment_flags, UnitRow};
use crate::store::unit_sql::{COMMENTS_SQL, SEGMENT_CONTEXT_SQL, UNIT_LIST_SQL, UNIT_SQL};
use crate::store::units::{SegmentContext, UnitRecord};
use crate::store::{StoreError, StoreResult};

/// Idle connections kept for reuse; more are opened when more requests read at once.
const KEEP: usize = 8;

/// A reader waits this long for SQLite's brief locks (a checkpoint resetting the log) before
/// the request fails as unavailable.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

pub(super) struct DirectReads {
    path: PathBuf,
    idle: Mutex<Vec<Connection>>,
    closed: AtomicBool,
}

impl DirectReads {
    pub(super) fn new(path: &Path) -> Self {
        Self {
            path: path.to_owned(),
            idle: Mutex::new(Vec::new()),
            closed: AtomicBool::new(false),
        }
    }

    /// Every later read fails as unavailable, as the sqlx pools do once closed.
    pub(super) fn close(&self) {
        self.closed.store(true, Ordering::Release);
        self.idle.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }

    fn open(&self) -> StoreResult<Connection> {
        // Opened for reading and writing but never writing (`query_only`): a read-only
        // connection cannot create the WAL's shared-memory file when it is missing.
        let conn = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(store_error)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(store_error)?;
        conn.pragma_update(None, "query_only", true)
            .map_err(store_error)?;
        Ok(conn)
    }

    /// Runs `read` on an idle connection (or a new one) and puts the connection back.
    fn with<T>(&self, read: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> StoreResult<T> {
        if self.closed.load(Ordering::Acquire) {
            return Err(closed());
        }
        let idle = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let conn = match idle {
            Some(conn) => conn,
            None => self.open()?,
        };
        let result = read(&conn).map_err(store_error);
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        if idle.len() < KEEP && !self.closed.load(Ordering::Acquire) {
            idle.push(conn);
        }
        result
    }

    pub(super) fn token_user(&self, token_hash: &str) -> StoreResult<Option<User>> {
        let rows = self.with(|c| {
            c.prepare_cached(TOKEN_USER_SQL)?
                .query_map([token_hash], user_role_row)?
                .collect::<rusqlite::Result<Vec<_>>>()
        })?;
        user_from_role_rows(rows)
    }

    pub(super) fn session_user(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<SessionUser>> {
        let rows = self.with(|c| {
            c.prepare_cached(SESSION_USER_SQL)?
                .query_map(rusqlite::params![token_hash, sqlite_time(now)], |r| {
                    Ok((user_role_row(r)?, r.get::<_, String>("csrf_token")?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()
        })?;
        session_from_rows(rows)
    }

    pub(super) fn unit(
        &self,
        statement_id: i64,
        segment_id: i64,
        lang: &LanguageTag,
    ) -> StoreResult<Option<UnitRecord>> {
        let params = rusqlite::params![statement_id, segment_id, lang.as_str()];
        // At most one row: a segment has one unit per language.
        Ok(self.units(&UNIT_SQL, params)?.pop())
    }

    pub(super) fn unit_records(
        &self,
        statement_id: i64,
        lang: &LanguageTag,
    ) -> StoreResult<Vec<UnitRecord>> {
        let params = rusqlite::params![statement_id, lang.as_str()];
        Ok(with_assignment_flags(self.units(&UNIT_LIST_SQL, params)?))
    }

    /// The units `sql` selects (in `UnitRow`'s shape).
    fn units(&self, sql: &str, params: impl rusqlite::Params) -> StoreResult<Vec<UnitRecord>> {
        let rows = self.with(|c| {
            let mut stmt = c.prepare_cached(sql)?;
            let at = unit_columns(&stmt)?;
            let rows = stmt
                .query_map(params, |r| unit_row(r, &at))?
                .collect::<rusqlite::Result<Vec<_>>>();
            rows
        })?;
        rows.into_iter().map(UnitRow::into_record).collect()
    }

    pub(super) fn comments(&self, unit_id: i64) -> StoreResult<Vec<Comment>> {
        self.with(|c| {
            c.prepare_cached(COMMENTS_SQL)?
                .query_map([unit_id], |r| {
                    Ok(Comment {
                        id: r.get("id")?,
                        author: r.get("author")?,
                        created_at: r.get("created_at")?,
                        body: r.get("body")?,
                    })
                })?
                .collect()
        })
    }

    /// The remembered pairs with these ids, in no particular order.
    pub(super) fn memory_entries(&self, ids: &[i64]) -> StoreResult<Vec<MemoryEntry>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let marks = vec!["?"; ids.len()].join(", ");
        let sql = format!("SELECT {MEMORY_COLUMNS} FROM memory_units WHERE id IN ({marks})");
        self.with(|c| {
            c.prepare_cached(&sql)?
                .query_map(rusqlite::params_from_iter(ids), |r| {
                    Ok(MemoryEntry {
                        id: r.get("id")?,
                        src_lang: r.get("src_lang")?,
                        tgt_lang: r.get("tgt_lang")?,
                        granularity: r.get("granularity")?,
                        source: r.get("source")?,
                        target: r.get("target")?,
                        prev_source: r.get("prev_source")?,
                        next_source: r.get("next_source")?,
                        origin: r.get("origin")?,
                        statement_id: r.get("statement_id")?,
                        statement_title: r.get("statement_title")?,
                        approved_by: r.get("approved_by")?,
                        created_at: r.get("created_at")?,
                    })
                })?
                .collect()
        })
    }

    pub(super) fn segment_context(
        &self,
        statement_id: i64,
        segment_id: i64,
    ) -> StoreResult<Option<SegmentContext>> {
        self.with(|c| {
            c.prepare_cached(SEGMENT_CONTEXT_SQL)?
                .query_row([segment_id, statement_id], |r| {
                    Ok(SegmentContext {
                        source_lang: r.get(0)?,
                        prev: r.get(1)?,
                        source: r.get(2)?,
                        next: r.get(3)?,
                    })
                })
                .optional()
        })
    }
}

/// A time as sqlx writes it into SQLite, so that comparisons of stored times hold.
fn sqlite_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, false)
}

fn user_role_row(r: &Row<'_>) -> rusqlite::Result<UserRoleRow> {
    Ok(UserRoleRow {
        user: UserRow {
            id: r.get("id")?,
            username: r.get("username")?,
            display_name: r.get("display_name")?,
            is_admin: r.get("is_admin")?,
            is_editor: r.get("is_editor")?,
            ui_lang: r.get("ui_lang")?,
            created_at: r.get("created_at")?,
            disabled_at: r.get("disabled_at")?,
        },
        role: r.get("role")?,
        lang: r.get("lang")?,
    })
}

/// The columns of `UnitRow`, looked up once per query: looking each value up by name cost
/// more than reading it.
const UNIT_ROW_COLUMNS: [&str; 28] = [
    "unit_id",
    "statement_id",
    "segment_id",
    "position",
    "kind",
    "source",
    "lang",
    "state",
    "text",
    "version",
    "reason",
    "reason_comment",
    "old_source",
    "new_source",
    "text_author_id",
    "text_author",
    "approved_text",
    "translator_id",
    "translator",
    "reviewer_id",
    "reviewer",
    "due_at",
    "updated_by",
    "updated_at",
    "approved_by",
    "approved_at",
    "reviewers_assigned",
    "open_to_translators",
];

fn unit_columns(stmt: &rusqlite::Statement<'_>) -> rusqlite::Result<[usize; 28]> {
    let mut at = [0; 28];
    for (slot, name) in at.iter_mut().zip(UNIT_ROW_COLUMNS) {
        *slot = stmt.column_index(name)?;
    }
    Ok(at)
}

/// A stored time. sqlx writes RFC 3339, which chrono reads with a parser of its own; rusqlite's
/// reading tries format strings one after another, and on a list of forty units that was a
/// tenth of the read. Anything else stored is still read the way rusqlite reads it.
fn stamp(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<DateTime<Utc>>> {
    use rusqlite::types::ValueRef;
    match r.get_ref(i)? {
        ValueRef::Null => Ok(None),
        ValueRef::Text(bytes) => {
            let parsed = std::str::from_utf8(bytes)
                .ok()
                .and_then(|s| DateTime::parse_from_rfc3339(s).ok());
            match parsed {
                Some(t) => Ok(Some(t.to_utc())),
                None => r.get(i),
            }
        }
        _ => r.get(i),
    }
}

fn unit_row(r: &Row<'_>, at: &[usize; 28]) -> rusqlite::Result<UnitRow> {
    Ok(UnitRow {
        unit_id: r.get(at[0])?,
        statement_id: r.get(at[1])?,
        segment_id: r.get(at[2])?,
        position: r.get(at[3])?,
        kind: r.get(at[4])?,
        source: r.get(at[5])?,
        lang: r.get(at[6])?,
        state: r.get(at[7])?,
        text: r.get(at[8])?,
        version: r.get(at[9])?,
        reason: r.get(at[10])?,
        reason_comment: r.get(at[11])?,
        old_source: r.get(at[12])?,
        new_source: r.get(at[13])?,
        text_author_id: r.get(at[14])?,
        text_author: r.get(at[15])?,
        approved_text: r.get(at[16])?,
        translator_id: r.get(at[17])?,
        translator: r.get(at[18])?,
        reviewer_id: r.get(at[19])?,
        reviewer: r.get(at[20])?,
        due_at: stamp(r, at[21])?,
        updated_by: r.get(at[22])?,
        updated_at: stamp(r, at[23])?.ok_or(rusqlite::Error::InvalidColumnType(
            at[23],
            "updated_at".into(),
            rusqlite::types::Type::Null,
        ))?,
        approved_by: r.get(at[24])?,
        approved_at: stamp(r, at[25])?,
        reviewers_assigned: r.get(at[26])?,
        open_to_translators: r.get(at[27])?,
    })
}

fn closed() -> StoreError {
    StoreError::Unavailable(sqlx::Error::PoolClosed)
}

/// Busy, locked or unopenable databases are "try again later"; anything else is an error of the
/// query or the data, reported in the same terms as the sqlx path's.
fn store_error(err: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode;
    let message = format!("SQLite read: {err}");
    match err.sqlite_error_code() {
        Some(
            ErrorCode::DatabaseBusy
            | ErrorCode::DatabaseLocked
            | ErrorCode::CannotOpen
            | ErrorCode::SystemIoFailure,
        ) => StoreError::Unavailable(sqlx::Error::Protocol(message)),
        _ => StoreError::Database(sqlx::Error::Protocol(message)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_times_are_read_in_every_form_sqlite_holds() {
        let conn = Connection::open_in_memory().expect("memory database");
        let read = |sql: &str| {
            conn.query_row(sql, [], |r| stamp(r, 0))
                .expect("the time reads")
        };
        let expected = DateTime::parse_from_rfc3339("2026-11-28T13:18:31.5Z")
            .expect("a time")
            .to_utc();
        // As sqlx writes it, with another offset, in SQLite's own form, and absent.
        assert_eq!(read("SELECT '2026-11-28T13:18:31.5+00:00'"), Some(expected));
        assert_eq!(read("SELECT '2026-11-28T17:18:31.5+04:00'"), Some(expected));
        assert_eq!(read("SELECT '2026-11-28 13:18:31.5'"), Some(expected));
        assert_eq!(read("SELECT NULL"), None);
        assert!(conn
            .query_row("SELECT 'not a time'", [], |r| stamp(r, 0))
            .is_err());
    }
}
