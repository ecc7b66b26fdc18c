//! Audit writes inside postgres transactions.

crate::store::security::security_queries!(sqlx::PgConnection);
