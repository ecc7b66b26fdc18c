//! The store on both databases: migrations, settings, constraints and concurrent writers.

use crate::common;
use crate::harness::Tests;

use std::collections::HashSet;

use chrono::Utc;
use tandem::domain::blocks::TextFormat;
use tandem::domain::language::LanguageTag;
use tandem::domain::role::{LanguageRole, Roles};
use tandem::domain::statement::{prepare, Limits, StatementInput};
use tandem::store::sqlite::SqliteStore;
use tandem::store::{self, NewUser, Store, StoreError};

fn versions(dir: &str) -> Vec<String> {
    let mut v: Vec<String> =
        std::fs::read_dir(format!("{}/migrations/{dir}", env!("CARGO_MANIFEST_DIR")))
            .expect("migrations dir")
            .filter_map(|e| e.ok())
            .map(|e| {
                e.file_name()
                    .to_string_lossy()
                    .split('_')
                    .next()
                    .unwrap_or_default()
                    .to_owned()
            })
            .collect();
    v.sort();
    v
}

fn both_backends_have_the_same_migration_versions() {
    let sqlite = versions("sqlite");
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, versions("postgres"));
}

fn new_user(name: &str, roles: Roles) -> NewUser {
    NewUser {
        username: name.into(),
        display_name: name.into(),
        // Stores do not look inside the hash; a fixed string keeps these tests fast.
        password_hash: "$argon2id$not-checked-here".into(),
        roles,
        created_at: Utc::now(),
    }
}

async fn sqlite_runs_in_wal_with_full_sync() {
    let (url, _dir) = common::fresh_database(common::Db::Sqlite).await;
    let store = SqliteStore::open(&url).await.expect("open");
    store.migrate().await.expect("migrate");
    let (journal, synchronous, foreign_keys, busy) = store.settings().await.expect("settings");
    assert_eq!(journal, "wal");
    assert_eq!(synchronous, 2, "FULL");
    assert_eq!(foreign_keys, 1);
    assert!(busy >= 5_000, "busy timeout {busy}");
}

/// Two handles on one file behave like two processes (a server and `tandem user add`):
/// many simultaneous writes through both must all succeed, none with SQLITE_BUSY.
async fn sqlite_concurrent_writers_never_see_busy() {
    let (url, _dir) = common::fresh_database(common::Db::Sqlite).await;
    let a = store::open(&url).await.expect("open a");
    a.migrate().await.expect("migrate");
    let b = store::open(&url).await.expect("open b");
    let mut tasks = Vec::new();
    for i in 0..40 {
        let store = if i % 2 == 0 { a.clone() } else { b.clone() };
        tasks.push(tokio::spawn(async move {
            store
                .create_user(&new_user(&format!("user{i}"), Roles::default()))
                .await
        }));
    }
    for task in tasks {
        task.await.expect("join").expect("write succeeded");
    }
    assert_eq!(a.list_users().await.expect("list").len(), 40);
}

async fn constraints(app: common::TestApp) {
    let store = app.store.clone();
    let mut roles = Roles::default();
    roles.grant(
        LanguageRole::Translator,
        LanguageTag::parse("hy").expect("tag"),
    );
    store
        .create_user(&new_user("arev", roles.clone()))
        .await
        .expect("first");
    assert!(matches!(
        store.create_user(&new_user("arev", roles)).await,
        Err(StoreError::Conflict("username"))
    ));
    // A role in an unknown language refuses the whole user, not just the role.
    let mut roles = Roles::default();
    roles.grant(
        LanguageRole::Reviewer,
        LanguageTag::parse("de").expect("tag"),
    );
    assert!(matches!(
        store.create_user(&new_user("hans", roles)).await,
        Err(StoreError::UnknownLanguage(_))
    ));
    let names: Vec<String> = store
        .list_users()
        .await
        .expect("list")
        .into_iter()
        .map(|u| u.username)
        .collect();
    assert_eq!(names, ["arev"]);
}

/// Many editors creating statements with one title at once: every one is stored, each with
/// its own slug (on PostgreSQL this exercises the retry after a slug collision).
async fn concurrent_statements(app: common::TestApp) {
    let store = app.store.clone();
    let editor = store
        .create_user(&new_user(
            "editor",
            Roles {
                editor: true,
                ..Roles::default()
            },
        ))
        .await
        .expect("editor");
    let prepared = prepare(
        StatementInput {
            title: "Press release".into(),
            source_lang: LanguageTag::parse("en").expect("tag"),
            target_langs: vec![
                LanguageTag::parse("hy").expect("tag"),
                LanguageTag::parse("ru").expect("tag"),
            ],
            text: "First paragraph.\n\nSecond paragraph.".into(),
            format: TextFormat::Text,
            open_to_translators: false,
        },
        &Limits::default(),
    )
    .expect("prepared");
    let mut tasks = Vec::new();
    for _ in 0..12 {
        let store = store.clone();
        let prepared = prepared.clone();
        let id = editor.id;
        tasks.push(tokio::spawn(async move {
            store
                .create_statement(&prepared, "press-release", id, None)
                .await
        }));
    }
    let mut slugs = HashSet::new();
    for task in tasks {
        let detail = task.await.expect("join").expect("stored");
        assert_eq!(detail.segments.len(), 2);
        assert!(detail.headline.is_some());
        // Two paragraphs and the headline.
        assert_eq!(detail.summary.progress[1].total, 3);
        slugs.insert(detail.summary.slug);
    }
    assert_eq!(slugs.len(), 12, "{slugs:?}");
    assert!(slugs.contains("press-release") && slugs.contains("press-release-12"));
}

/// A statement's `open_to_translators` reaches every read the policy is asked about: one unit,
/// a statement's units, a write's answer, the work queue, and the statement itself.
async fn open_setting_reaches_every_read(app: common::TestApp) {
    use tandem::domain::unit_change::{Step, UnitChange};
    use tandem::store::units::UnitWrite;

    let store = app.store.clone();
    let editor = store
        .create_user(&new_user(
            "editor",
            Roles {
                editor: true,
                ..Roles::default()
            },
        ))
        .await
        .expect("editor");
    let hy = LanguageTag::parse("hy").expect("tag");
    let mut roles = Roles::default();
    roles.grant(LanguageRole::Translator, hy.clone());
    let karen = store
        .create_user(&new_user("karen", roles))
        .await
        .expect("translator");
    let prepared = prepare(
        StatementInput {
            title: "Open or closed".into(),
            source_lang: LanguageTag::parse("en").expect("tag"),
            target_langs: vec![hy.clone()],
            text: "First paragraph.\n\nSecond paragraph.".into(),
            format: TextFormat::Text,
            open_to_translators: false,
        },
        &Limits::default(),
    )
    .expect("prepared");
    let created = store
        .create_statement(&prepared, "open-or-closed", editor.id, None)
        .await
        .expect("stored");
    let id = created.summary.id;
    let seg = created.segments[0].id;
    for (version, open) in (1..).zip([false, true, false]) {
        let detail = store
            .set_open_to_translators(id, open)
            .await
            .expect("set")
            .expect("the statement");
        assert_eq!(detail.summary.open_to_translators, open);
        let listed = store.list_statements().await.expect("list");
        assert_eq!(listed[0].open_to_translators, open);
        let unit = store
            .get_unit(id, seg, &hy)
            .await
            .expect("unit")
            .expect("found");
        assert_eq!(unit.assignment.open_to_translators, open, "one unit");
        let records = store.unit_records(id, &hy).await.expect("units");
        assert!(
            records
                .iter()
                .all(|r| r.assignment.open_to_translators == open),
            "a statement's units"
        );
        let queue = store.queue_units(karen.id).await.expect("queue");
        assert_eq!(queue.len(), 3, "two paragraphs and the headline");
        assert!(
            queue
                .iter()
                .all(|u| u.assignment.open_to_translators == open),
            "the queue"
        );
        let step = Step::Save {
            text: format!("Առաջին պարբերություն {version}։"),
            author: Some(editor.id),
        };
        let change = UnitChange::new(&unit.before(), step, editor.id, Utc::now()).expect("a save");
        let written = store
            .apply_unit_change(&UnitWrite {
                change,
                memory: Vec::new(),
                audit: None,
                events: Vec::new(),
            })
            .await
            .expect("saved");
        assert_eq!(
            written.assignment.open_to_translators, open,
            "a write's answer"
        );
    }
    assert!(store
        .set_open_to_translators(id + 1, true)
        .await
        .expect("answered")
        .is_none());
}

/// Two instances starting at once on an empty database both come up, and the seed languages
/// are inserted once.
async fn postgres_migrations_are_safe_to_race() {
    let (url, _) = common::fresh_database(common::Db::Postgres).await;
    let (a, b) = tokio::join!(store::open(&url), store::open(&url));
    let (a, b) = (a.expect("open a"), b.expect("open b"));
    let (ra, rb) = tokio::join!(a.migrate(), b.migrate());
    ra.expect("first instance migrated");
    rb.expect("second instance migrated");
    let tags: Vec<String> = a
        .list_languages()
        .await
        .expect("langs")
        .into_iter()
        .map(|l| l.tag.to_string())
        .collect();
    assert_eq!(tags, ["en", "hy", "ru"]);
}

async fn unknown_url_schemes_are_refused() {
    let err = store::open("mysql://localhost/tandem")
        .await
        .err()
        .expect("refused");
    assert!(matches!(err, StoreError::UnsupportedUrl(_)));
}

pub fn tests() -> Tests {
    Tests::new()
        .sync(
            "both_backends_have_the_same_migration_versions",
            both_backends_have_the_same_migration_versions,
        )
        .run(
            "sqlite_runs_in_wal_with_full_sync",
            sqlite_runs_in_wal_with_full_sync,
        )
        .run(
            "sqlite_concurrent_writers_never_see_busy",
            sqlite_concurrent_writers_never_see_busy,
        )
        .both("store_constraints", constraints)
        .both("statements_in_parallel", concurrent_statements)
        .both(
            "open_setting_reaches_every_read",
            open_setting_reaches_every_read,
        )
        .run(
            "postgres_migrations_are_safe_to_race",
            postgres_migrations_are_safe_to_race,
        )
        .run(
            "unknown_url_schemes_are_refused",
            unknown_url_schemes_are_refused,
        )
}
