//! SQLite translation-memory queries (the shared SQL of `store::memory`).

crate::store::memory::memory_queries!(sqlx::SqliteConnection, sqlx::Sqlite, "instr");
