//! Migrations that change data, checked on rows written under the schema before them, on both
//! databases.

use crate::common::{self, Db};
use crate::harness::Tests;

use std::borrow::Cow;
use std::path::Path;
use std::str::FromStr;

use serde_json::json;
use sqlx::migrate::Migrator;

/// A unit whose history holds each English note the server used to write, and a reviewer's
/// comment that merely looks like one (it must stay a comment).
const BEFORE_0012: &str = "
INSERT INTO users (username, display_name, password_hash, created_at)
VALUES ('aram', 'Aram', 'not-a-hash', '2026-01-05T09:00:00Z');
INSERT INTO statements (slug, title, source_lang, format, created_by, created_at, updated_at)
VALUES ('old-notes', 'Old notes', 'en', 'text', (SELECT id FROM users WHERE username = 'aram'),
        '2026-01-05T09:00:00Z', '2026-01-05T09:00:00Z');
INSERT INTO segments (statement_id, position, kind, source, sentences, created_at)
VALUES ((SELECT id FROM statements WHERE slug = 'old-notes'), 1, 'paragraph', 'The hall is open.',
        '[]', '2026-01-05T09:00:00Z');
INSERT INTO units (segment_id, lang, updated_at)
VALUES ((SELECT id FROM segments WHERE source = 'The hall is open.'), 'hy', '2026-01-05T09:00:00Z');
INSERT INTO unit_revisions (unit_id, version, action, author, created_at, from_state, to_state, text, comment)
VALUES
  ((SELECT id FROM units WHERE lang = 'hy'), 2, 'save', (SELECT id FROM users WHERE username = 'aram'),
   '2026-01-05T09:01:00Z', 'untranslated', 'draft', 'Դահլիճը բաց է։', 'from the translation memory (101%)'),
  ((SELECT id FROM units WHERE lang = 'hy'), 3, 'save', (SELECT id FROM users WHERE username = 'aram'),
   '2026-01-05T09:02:00Z', 'draft', 'draft', 'Դահլիճը բաց է։', 'imported from aram (final).xlf'),
  ((SELECT id FROM units WHERE lang = 'hy'), 4, 'source_changed', (SELECT id FROM users WHERE username = 'aram'),
   '2026-01-05T09:03:00Z', 'draft', 'needs_work', 'Դահլիճը բաց է։', 'source revision 2'),
  ((SELECT id FROM units WHERE lang = 'hy'), 5, 'reject', (SELECT id FROM users WHERE username = 'aram'),
   '2026-01-05T09:04:00Z', 'translated', 'needs_work', 'Դահլիճը բաց է։', 'source revision 2'),
  ((SELECT id FROM units WHERE lang = 'hy'), 6, 'approve', (SELECT id FROM users WHERE username = 'aram'),
   '2026-01-05T09:05:00Z', 'untranslated', 'approved', 'Դահլիճը բաց է։', 'aligned with an earlier translation');
";

/// The migrations of `backend` up to and including `last`.
async fn migrations_until(backend: &str, last: i64) -> Migrator {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(backend);
    let mut migrator = Migrator::new(dir).await.expect("read the migrations");
    let kept: Vec<_> = migrator
        .migrations
        .iter()
        .filter(|m| m.version <= last)
        .cloned()
        .collect();
    assert_eq!(kept.len() as i64, last, "migrations 1 to {last}");
    migrator.migrations = Cow::Owned(kept);
    migrator
}

async fn english_notes_become_data(db: Db) {
    let (url, _dir) = common::fresh_database(db).await;
    match db {
        Db::Sqlite => {
            let options = sqlx::sqlite::SqliteConnectOptions::from_str(&url)
                .expect("url")
                .create_if_missing(true);
            let pool = sqlx::SqlitePool::connect_with(options)
                .await
                .expect("connect");
            let until = migrations_until("sqlite", 11).await;
            until.run(&pool).await.expect("migrations 1-11");
            sqlx::raw_sql(BEFORE_0012)
                .execute(&pool)
                .await
                .expect("old rows");
            pool.close().await;
        }
        Db::Postgres => {
            let pool = sqlx::PgPool::connect(&url).await.expect("connect");
            let until = migrations_until("postgres", 11).await;
            until.run(&pool).await.expect("migrations 1-11");
            sqlx::raw_sql(BEFORE_0012)
                .execute(&pool)
                .await
                .expect("old rows");
            pool.close().await;
        }
    }
    let store = tandem::store::open(&url).await.expect("open");
    store.migrate().await.expect("the remaining migrations");
    let statement = store
        .list_statements()
        .await
        .expect("statements")
        .into_iter()
        .find(|s| s.slug == "old-notes")
        .expect("the old statement");
    let hy = tandem::domain::language::LanguageTag::parse("hy").expect("tag");
    let unit = store
        .list_units(statement.id, &hy)
        .await
        .expect("units")
        .into_iter()
        .find(|u| u.position == 1)
        .expect("the paragraph's unit");
    let history: Vec<serde_json::Value> = store
        .unit_history(unit.unit_id)
        .await
        .expect("history")
        .iter()
        .map(|r| serde_json::to_value(r).expect("json"))
        .collect();
    let notes: Vec<_> = history
        .iter()
        .map(|r| {
            json!({"comment": r["comment"], "origin": r["origin"], "via": r.get("via"),
                   "file": r.get("file"), "source_revision": r.get("source_revision")})
        })
        .collect();
    let human = json!({"kind": "human"});
    assert_eq!(
        notes,
        vec![
            json!({"comment": null, "origin": {"kind": "memory", "score": 101}, "via": null,
                   "file": null, "source_revision": null}),
            json!({"comment": null, "origin": human, "via": "import", "file": "aram (final).xlf",
                   "source_revision": null}),
            json!({"comment": null, "origin": human, "via": null, "file": null,
                   "source_revision": 2}),
            json!({"comment": "source revision 2", "origin": human, "via": null, "file": null,
                   "source_revision": null}),
            json!({"comment": null, "origin": human, "via": "alignment", "file": null,
                   "source_revision": null}),
        ]
    );
}

async fn english_notes_become_data_sqlite() {
    english_notes_become_data(Db::Sqlite).await;
}

async fn english_notes_become_data_postgres() {
    english_notes_become_data(Db::Postgres).await;
}

/// A statement written before headlines were units: two target languages, one paragraph
/// approved in Armenian with its history, one paragraph retired by a source change.
const BEFORE_0015: &str = "
INSERT INTO users (username, display_name, password_hash, created_at)
VALUES ('lilit', 'Lilit', 'not-a-hash', '2026-03-02T10:00:00Z');
INSERT INTO statements (slug, title, source_lang, format, created_by, created_at, updated_at)
VALUES ('water-tariffs', 'Statement on water tariffs', 'en', 'text',
        (SELECT id FROM users WHERE username = 'lilit'), '2026-03-02T10:00:00Z', '2026-03-02T10:00:00Z');
INSERT INTO statement_revisions (statement_id, revision, text, format, created_by, created_at)
VALUES ((SELECT id FROM statements WHERE slug = 'water-tariffs'), 1, 'Tariffs rise in May.', 'text',
        (SELECT id FROM users WHERE username = 'lilit'), '2026-03-02T10:00:00Z');
INSERT INTO statement_targets (statement_id, lang, position)
VALUES ((SELECT id FROM statements WHERE slug = 'water-tariffs'), 'hy', 0),
       ((SELECT id FROM statements WHERE slug = 'water-tariffs'), 'ru', 1);
INSERT INTO segments (statement_id, position, kind, source, sentences, active, created_at)
VALUES ((SELECT id FROM statements WHERE slug = 'water-tariffs'), 1, 'paragraph',
        'Tariffs rise in May.', '[[0,20]]', TRUE, '2026-03-02T10:00:00Z'),
       ((SELECT id FROM statements WHERE slug = 'water-tariffs'), 1, 'paragraph',
        'An older first paragraph.', '[[0,25]]', FALSE, '2026-03-02T10:00:00Z');
INSERT INTO units (segment_id, lang, state, text, version, updated_at)
VALUES ((SELECT id FROM segments WHERE source = 'Tariffs rise in May.'), 'hy', 'approved',
        'Սակագները բարձրանում են մայիսին։', 2, '2026-03-02T10:05:00Z'),
       ((SELECT id FROM segments WHERE source = 'Tariffs rise in May.'), 'ru', 'untranslated',
        '', 1, '2026-03-02T10:00:00Z');
INSERT INTO unit_revisions (unit_id, version, action, author, created_at, from_state, to_state, text)
VALUES ((SELECT id FROM units WHERE lang = 'hy'), 2, 'approve', (SELECT id FROM users WHERE username = 'lilit'),
        '2026-03-02T10:05:00Z', 'untranslated', 'approved', 'Սակագները բարձրանում են մայիսին։');
";

/// Migration 15 gives every statement its headline, untranslated in each target language, and
/// leaves everything else as it was (on SQLite the segments table is rebuilt for it).
async fn headlines_become_units(db: Db) {
    let (url, _dir) = common::fresh_database(db).await;
    match db {
        Db::Sqlite => {
            let options = sqlx::sqlite::SqliteConnectOptions::from_str(&url)
                .expect("url")
                .create_if_missing(true)
                .foreign_keys(true);
            let pool = sqlx::SqlitePool::connect_with(options)
                .await
                .expect("connect");
            let until = migrations_until("sqlite", 14).await;
            until.run(&pool).await.expect("migrations 1-14");
            sqlx::raw_sql(&BEFORE_0015.replace("TRUE", "1").replace("FALSE", "0"))
                .execute(&pool)
                .await
                .expect("old rows");
            pool.close().await;
        }
        Db::Postgres => {
            let pool = sqlx::PgPool::connect(&url).await.expect("connect");
            let until = migrations_until("postgres", 14).await;
            until.run(&pool).await.expect("migrations 1-14");
            sqlx::raw_sql(BEFORE_0015)
                .execute(&pool)
                .await
                .expect("old rows");
            pool.close().await;
        }
    }
    let store = tandem::store::open(&url).await.expect("open");
    store.migrate().await.expect("the remaining migrations");
    // Running again finds nothing to do.
    store.migrate().await.expect("migrations again");
    let id = store
        .list_statements()
        .await
        .expect("statements")
        .into_iter()
        .find(|s| s.slug == "water-tariffs")
        .expect("the old statement")
        .id;
    let detail = store.get_statement(id).await.expect("read").expect("found");
    let headline = detail.headline.as_ref().expect("a headline");
    assert_eq!(
        (
            headline.kind.as_str(),
            headline.position,
            headline.source.as_str()
        ),
        ("headline", 0, "Statement on water tariffs")
    );
    assert_eq!(headline.sentences, ["Statement on water tariffs"]);
    assert_eq!(
        detail.segments.len(),
        1,
        "the retired paragraph stays retired"
    );
    assert_eq!(detail.summary.segment_count, 1);
    for (lang, paragraph_state) in [("hy", "approved"), ("ru", "untranslated")] {
        let tag = tandem::domain::language::LanguageTag::parse(lang).expect("tag");
        let units = store.list_units(id, &tag).await.expect("units");
        let states: Vec<(&str, u32, &str)> = units
            .iter()
            .map(|u| (u.kind.as_str(), u.position, u.state.as_str()))
            .collect();
        assert_eq!(
            states,
            [
                ("headline", 0, "untranslated"),
                ("paragraph", 1, paragraph_state)
            ],
            "{lang}"
        );
    }
    let hy = tandem::domain::language::LanguageTag::parse("hy").expect("tag");
    let approved = store
        .list_units(id, &hy)
        .await
        .expect("units")
        .into_iter()
        .find(|u| u.position == 1)
        .expect("paragraph");
    assert_eq!(approved.text, "Սակագները բարձրանում են մայիսին։");
    let history = store.unit_history(approved.unit_id).await.expect("history");
    assert_eq!(history.len(), 1, "the history stays with its unit");
    if matches!(db, Db::Sqlite) {
        let options = sqlx::sqlite::SqliteConnectOptions::from_str(&url).expect("url");
        let mut conn = sqlx::ConnectOptions::connect(&options)
            .await
            .expect("connect");
        let integrity: String = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_one(&mut conn)
            .await
            .expect("integrity");
        assert_eq!(integrity, "ok");
        let broken: Vec<(String,)> = sqlx::query_as("PRAGMA foreign_key_check")
            .fetch_all(&mut conn)
            .await
            .expect("keys");
        assert!(broken.is_empty(), "{broken:?}");
    }
}

async fn headlines_become_units_sqlite() {
    headlines_become_units(Db::Sqlite).await;
}

async fn headlines_become_units_postgres() {
    headlines_become_units(Db::Postgres).await;
}

pub fn tests() -> Tests {
    Tests::new()
        .run(
            "english_notes_become_data::sqlite",
            english_notes_become_data_sqlite,
        )
        .run(
            "english_notes_become_data::postgres",
            english_notes_become_data_postgres,
        )
        .run(
            "headlines_become_units::sqlite",
            headlines_become_units_sqlite,
        )
        .run(
            "headlines_become_units::postgres",
            headlines_become_units_postgres,
        )
}
