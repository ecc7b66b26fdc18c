//! What can go wrong in the store, in terms the layers above can act on.

use crate::domain::language::LanguageTag;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A uniqueness rule refused the write; the name says which (`username`, `language`, ...).
    #[error("conflict on {0}")]
    Conflict(&'static str),
    /// The unit moved past the version the write was based on; nothing was written.
    #[error("the unit changed since the version this write was based on")]
    VersionConflict,
    /// The statement's source moved past the revision the change was based on.
    #[error("the source changed since the revision this change was based on")]
    RevisionConflict,
    #[error("language {0} is not enabled")]
    UnknownLanguage(LanguageTag),
    #[error("unsupported database URL {0:?}: use sqlite:///path/to/file.db or postgres://...")]
    UnsupportedUrl(String),
    /// The database could not be reached or stayed busy; retrying later may work.
    #[error("database unavailable: {0}")]
    Unavailable(#[source] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is not what Tandem wrote: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Database(#[source] sqlx::Error),
    /// The backend cannot do this; the text says what to use instead.
    #[error("not supported on this database: {0}")]
    Unsupported(&'static str),
}

impl From<sqlx::Error> for StoreError {
    fn from(err: sqlx::Error) -> Self {
        match &err {
            sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::WorkerCrashed => Self::Unavailable(err),
            sqlx::Error::Database(db) if is_busy(db.code().as_deref()) => Self::Unavailable(err),
            _ => Self::Database(err),
        }
    }
}

/// SQLITE_BUSY (5) and SQLITE_LOCKED (6) with their extended codes, and PostgreSQL's
/// "cannot connect now" class (57P03): all mean "try again", never "your input is wrong".
pub(crate) fn is_busy(code: Option<&str>) -> bool {
    match code {
        Some(code) => {
            // SQLite result codes have at most four digits; SQLSTATEs always have five.
            code == "57P03"
                || (code.len() <= 4
                    && code
                        .parse::<i64>()
                        .map(|c| c & 0xff == 5 || c & 0xff == 6)
                        .unwrap_or(false))
        }
        None => false,
    }
}

/// True when `err` is a unique-constraint violation, on either database.
pub(crate) fn is_unique_violation(err: &sqlx::Error) -> bool {
    matches!(err, sqlx::Error::Database(db) if db.is_unique_violation())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busy_codes_are_recognised() {
        assert!(is_busy(Some("5")));
        assert!(is_busy(Some("517"))); // SQLITE_BUSY_SNAPSHOT
        assert!(is_busy(Some("262"))); // SQLITE_LOCKED_SHAREDCACHE
        assert!(is_busy(Some("57P03")));
        assert!(!is_busy(Some("2067"))); // SQLITE_CONSTRAINT_UNIQUE
        assert!(!is_busy(Some("23505")));
        assert!(!is_busy(Some("42501"))); // insufficient_privilege, 42501 & 0xff == 5
        assert!(!is_busy(None));
    }
}
