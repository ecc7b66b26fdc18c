//! Widening the kinds a segment may have on SQLite (migration 15 adds `headline`), which SQLite
//! allows only by rebuilding the table.

use sqlx::migrate::Migrator;
use sqlx::{Connection, SqlitePool};

use crate::store::sql::Conn;
use crate::store::StoreResult;

/// The first migration that stores a kind the original CHECK constraint refuses.
const FIRST_NEEDING_HEADLINES: i64 = 15;

/// Runs `all` on the writer `pool`, rebuilding `segments` with the wider CHECK constraint just
/// before the first migration that needs it. The rebuild follows SQLite's own procedure:
/// foreign keys off, so dropping the old table cannot cascade to the units, and the whole copy
/// in one transaction. sqlx runs every migration inside a transaction, where foreign keys
/// cannot be switched off, so this step lives here rather than in a migration file. Killed
/// half-way, the transaction leaves the old table; killed after it, the next start finds the
/// wider table and goes on.
pub(super) async fn migrate(all: &Migrator, pool: &SqlitePool) -> StoreResult<()> {
    let before = Migrator {
        migrations: all
            .migrations
            .iter()
            .filter(|m| m.version < FIRST_NEEDING_HEADLINES)
            .cloned()
            .collect::<Vec<_>>()
            .into(),
        // Those after it may be applied already; they are `all`'s to check.
        ignore_missing: true,
        locking: all.locking,
        no_tx: all.no_tx,
    };
    before.run(pool).await?;
    let mut conn = pool.acquire().await?;
    let schema: String = conn
        .scalar(
            "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'segments'",
            &[],
        )
        .await?;
    if !schema.contains("'headline'") {
        conn.execute("PRAGMA foreign_keys = OFF", &[]).await?;
        let rebuilt = rebuild(&mut conn).await;
        conn.execute("PRAGMA foreign_keys = ON", &[]).await?;
        rebuilt?;
    }
    // The writer pool holds one connection: give it back for the remaining migrations.
    drop(conn);
    all.run(pool).await?;
    Ok(())
}

async fn rebuild(conn: &mut sqlx::SqliteConnection) -> StoreResult<()> {
    let mut tx = conn.begin().await?;
    for step in REBUILD {
        tx.execute(step, &[]).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The segments table as migration 1 made it, with `headline` among the kinds, and its indexes.
const REBUILD: [&str; 7] = [
    "CREATE TABLE segments_new (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        statement_id INTEGER NOT NULL REFERENCES statements (id) ON DELETE CASCADE,
        position     INTEGER NOT NULL,
        kind         TEXT NOT NULL
                     CHECK (kind IN ('headline', 'paragraph', 'heading', 'quote', 'list_item')),
        level        INTEGER,
        source       TEXT NOT NULL,
        sentences    TEXT NOT NULL,
        active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at   TEXT NOT NULL
    )",
    "INSERT INTO segments_new
         (id, statement_id, position, kind, level, source, sentences, active, created_at)
     SELECT id, statement_id, position, kind, level, source, sentences, active, created_at
     FROM segments",
    // AUTOINCREMENT never gives an id twice: the new table goes on from where the old one was.
    "UPDATE sqlite_sequence SET seq = (SELECT seq FROM sqlite_sequence WHERE name = 'segments')
     WHERE name = 'segments_new'",
    "DROP TABLE segments",
    "ALTER TABLE segments_new RENAME TO segments",
    "CREATE UNIQUE INDEX segments_active_position ON segments (statement_id, position)
     WHERE active = 1",
    "CREATE INDEX segments_statement_position ON segments (statement_id, position)",
];
