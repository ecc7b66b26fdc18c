//! PostgreSQL unit queries (the shared SQL of `store::units`).

crate::store::unit_queries::unit_queries!(sqlx::PgConnection);
