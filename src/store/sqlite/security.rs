//! Audit writes inside sqlite transactions.

crate::store::security::security_queries!(sqlx::SqliteConnection);
