//! Secrets sealed at rest, on both databases: the raw database holds no webhook secret, secrets
//! an older version left in clear are sealed at start, a wrong key stops the start with a clear
//! message, and `tandem secrets rotate` (key file and TANDEM_SECRET_KEY) keeps deliveries signed.

use crate::common::{self, Db};
use crate::harness::Tests;
use crate::server::{self, Server};

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::str::FromStr;
use std::time::Duration;

use axum::http::HeaderMap;
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use hmac::{Hmac, Mac};
use reqwest::{Client, Method, StatusCode};
use serde_json::{json, Value};
use sha2::Sha256;
use tandem::app::App;
use tandem::config::{Config, SecretKeySettings};
use tandem::domain::role::{LanguageRole, Roles};
use tandem::secrets::key_file;
use tandem::secrets::{Purpose, Sealer, SecretKey};
use tandem::store::webhooks::NewWebhook;
use tandem::store::Store;
use tandem::workflow::secrets::{rotate, unlock, KeySource};
use tokio::sync::mpsc;

const PASSWORD: &str = "sealed secrets, open doors";
const EN1: &str = "The city council will discuss the new parking rules.";
const EN2: &str = "Residents may send written comments.";
const HY1: &str = "Քաղաքային ավագանին կքննարկի կայանման նոր կանոնները։";
const HY2: &str = "Բնակիչները կարող են գրավոր դիտողություններ ուղարկել։";
/// What the wrong-key start says, in part.
const WRONG_KEY: &str = "does not open this database's secrets";

/// Deliveries looked for often; the receivers listen on loopback, which must be allowed.
fn fast(config: &mut Config) {
    config.webhooks.poll = Duration::from_millis(50);
    config.webhooks.retry_base = Duration::from_millis(50);
    config.webhooks.retry_cap = Duration::from_millis(200);
    config.outbound.policy.allowed = vec!["127.0.0.1/32".parse().expect("a range")];
}

/// The binary's flag for the same allowance.
const ALLOW_LOOPBACK: [&str; 2] = ["--allow-outbound", "127.0.0.1/32"];

/// One signed request as the receiver saw it.
#[derive(Debug)]
struct Hit {
    id: String,
    timestamp: String,
    signature: String,
    body: String,
}

/// A webhook receiver on loopback that answers 200 to everything.
struct Receiver {
    url: String,
    hits: mpsc::UnboundedReceiver<Hit>,
}

impl Receiver {
    async fn start() -> Receiver {
        let (tx, rx) = mpsc::unbounded_channel();
        let router = axum::Router::new().route(
            "/hook",
            axum::routing::post(move |headers: HeaderMap, body: String| {
                let tx = tx.clone();
                async move {
                    let header = |name: &str| {
                        headers
                            .get(name)
                            .and_then(|v| v.to_str().ok())
                            .unwrap_or_default()
                            .to_owned()
                    };
                    let _ = tx.send(Hit {
                        id: header("webhook-id"),
                        timestamp: header("webhook-timestamp"),
                        signature: header("webhook-signature"),
                        body,
                    });
                    axum::http::StatusCode::OK
                }
            }),
        );
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move { axum::serve(listener, router).await });
        Receiver {
            url: format!("http://{addr}/hook"),
            hits: rx,
        }
    }

    async fn next(&mut self) -> Hit {
        tokio::time::timeout(crate::wait::PATIENCE, self.hits.recv())
            .await
            .expect("a delivery in time")
            .expect("the receiver runs")
    }
}

/// Standard Webhooks as a receiver checks it, from the specification: HMAC-SHA256 under the
/// base64 after `whsec_`, over `id.timestamp.body`.
fn verify(secret: &str, hit: &Hit) -> bool {
    let Some(key) = secret
        .strip_prefix("whsec_")
        .and_then(|k| BASE64.decode(k).ok())
    else {
        return false;
    };
    let signed = format!("{}.{}.{}", hit.id, hit.timestamp, hit.body);
    hit.signature.split(' ').any(|candidate| {
        let Some(sig) = candidate
            .strip_prefix("v1,")
            .and_then(|s| BASE64.decode(s).ok())
        else {
            return false;
        };
        let mut mac = Hmac::<Sha256>::new_from_slice(&key).expect("any key length");
        mac.update(signed.as_bytes());
        mac.verify_slice(&sig).is_ok()
    })
}

/// An editor, a translator and a reviewer into Armenian, each a bearer-token client: tokens live
/// in the database, so they keep working across restarts.
struct Team {
    editor: Client,
    translator: Client,
    reviewer: Client,
}

const NAMES: [(&str, &[&str]); 3] = [
    ("editor", &["--editor"]),
    ("ani", &["--translator", "hy"]),
    ("aram", &["--reviewer", "hy"]),
];

/// Creates the team straight through the workflow (as `tandem user add` does).
async fn add_team(store: &dyn Store) {
    for (name, editor, role) in [
        ("editor", true, None),
        ("ani", false, Some(LanguageRole::Translator)),
        ("aram", false, Some(LanguageRole::Reviewer)),
    ] {
        let mut roles = Roles {
            admin: false,
            editor,
            languages: vec![],
        };
        if let Some(role) = role {
            roles.grant(
                role,
                tandem::domain::language::LanguageTag::parse("hy").expect("tag"),
            );
        }
        tandem::workflow::users::create_user(
            store,
            tandem::workflow::users::UserInput {
                username: name.to_owned(),
                password: PASSWORD.to_owned(),
                display_name: None,
                roles,
            },
            None,
        )
        .await
        .expect("user created");
    }
}

async fn sign_in_team(base: &str) -> Team {
    let mut clients = Vec::new();
    for (name, _) in NAMES {
        let token = server::bearer_token(base, name, PASSWORD).await;
        clients.push(server::bearer_client(&token, Duration::from_secs(30)));
    }
    let [editor, translator, reviewer] = <[Client; 3]>::try_from(clients).expect("three");
    Team {
        editor,
        translator,
        reviewer,
    }
}

async fn call(client: &Client, method: Method, url: String, body: Value) -> (StatusCode, Value) {
    let resp = client
        .request(method, url)
        .json(&body)
        .send()
        .await
        .expect("request");
    let status = resp.status();
    (status, resp.json().await.unwrap_or(Value::Null))
}

/// Registers a hook for approvals; answers its id and its secret, shown this once.
async fn register(team: &Team, base: &str, url: &str) -> (i64, String) {
    let (status, created) = call(
        &team.editor,
        Method::POST,
        format!("{base}/api/v1/webhooks"),
        json!({"url": url, "events": ["unit.approved"]}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    (
        created["id"].as_i64().expect("id"),
        created["secret"].as_str().expect("secret").to_owned(),
    )
}

/// A statement into Armenian, assigned to the team; answers its id and segment ids.
async fn statement(team: &Team, base: &str, paragraphs: &[&str]) -> (i64, Vec<i64>) {
    let (status, body) = call(
        &team.editor,
        Method::POST,
        format!("{base}/api/v1/statements"),
        json!({"title": "Parking rules", "source_lang": "en", "target_langs": ["hy"],
               "text": paragraphs.join("\n\n")}),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let id = body["id"].as_i64().expect("id");
    for (role, user) in [("translator", "ani"), ("reviewer", "aram")] {
        let (status, body) = call(
            &team.editor,
            Method::PUT,
            format!("{base}/api/v1/statements/{id}/assignments"),
            json!({"lang": "hy", "role": role, "user": user, "segments": "all"}),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let segments = body["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .map(|s| s["id"].as_i64().expect("id"))
        .collect();
    (id, segments)
}

/// Saves, submits and approves one paragraph's translation: one `unit.approved` event.
async fn approve(team: &Team, base: &str, id: i64, segment: i64, text: &str) {
    let path = format!("{base}/api/v1/statements/{id}/segments/{segment}/translations/hy");
    let unit: Value = team
        .translator
        .get(&path)
        .send()
        .await
        .expect("unit")
        .json()
        .await
        .expect("json");
    let (status, saved) = call(
        &team.translator,
        Method::PUT,
        path.clone(),
        json!({"text": text, "base_version": unit["version"]}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let (status, submitted) = call(
        &team.translator,
        Method::POST,
        format!("{path}/submit"),
        json!({"base_version": saved["version"]}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{submitted}");
    let (status, approved) = call(
        &team.reviewer,
        Method::POST,
        format!("{path}/approve"),
        json!({"base_version": submitted["version"]}),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{approved}");
}

/// Starts the service in this process; the error, when it does not start, as the binary prints it.
async fn start(url: &str, key: SecretKeySettings) -> Result<String, String> {
    let mut config = Config::new("127.0.0.1:0".parse().expect("addr"), url.to_owned());
    fast(&mut config);
    config.secret_key = key;
    let (listener, router) = App::build(config).await.map_err(|e| format!("{e:#}"))?;
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(App::serve(listener, router));
    Ok(base)
}

fn key_file_settings(file: &Path) -> SecretKeySettings {
    SecretKeySettings {
        key: None,
        file: Some(file.to_path_buf()),
    }
}

/// `webhooks.secret` as stored, by hook id, read with plain SQL as anyone holding a copy of the
/// database could.
async fn raw_secrets(db: Db, url: &str) -> Vec<(i64, String)> {
    const SQL: &str = "SELECT id, secret FROM webhooks ORDER BY id";
    match db {
        Db::Sqlite => {
            let pool = sqlx::SqlitePool::connect(url).await.expect("connect");
            let rows = sqlx::query_as(SQL).fetch_all(&pool).await.expect("read");
            pool.close().await;
            rows
        }
        Db::Postgres => {
            let pool = sqlx::PgPool::connect(url).await.expect("connect");
            let rows = sqlx::query_as(SQL).fetch_all(&pool).await.expect("read");
            pool.close().await;
            rows
        }
    }
}

/// The folder of an SQLite database URL.
fn database_dir(url: &str) -> PathBuf {
    let options = sqlx::sqlite::SqliteConnectOptions::from_str(url).expect("url");
    options
        .get_filename()
        .parent()
        .expect("a folder")
        .to_path_buf()
}

/// The files in `dir` (the database, its write-ahead log, ...) whose bytes hold `needle`.
fn files_holding(dir: &Path, needle: &[u8]) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .expect("list")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| {
            let bytes = std::fs::read(path).expect("read");
            bytes.windows(needle.len()).any(|w| w == needle)
        })
        .collect()
}

/// The forms a secret could leak in: its text, the base64 of its key, the key bytes themselves.
fn forms_of(secret: &str) -> Vec<Vec<u8>> {
    let encoded = secret.strip_prefix("whsec_").expect("a whsec_ secret");
    vec![
        secret.as_bytes().to_vec(),
        encoded.as_bytes().to_vec(),
        BASE64.decode(encoded).expect("base64"),
    ]
}

/// Checks that nothing of `secret` is in the database: in the column on both databases, and
/// anywhere in the files of an SQLite database. `present` is a text the database does hold,
/// found by the same scan, so a scan that could find nothing would fail here.
async fn assert_nothing_of(db: Db, url: &str, secret: &str, present: &str) {
    let stored = raw_secrets(db, url).await;
    assert!(!stored.is_empty());
    for (id, value) in &stored {
        assert!(
            value.starts_with("sealed:v1:"),
            "hook {id} is not sealed: {value}"
        );
        for form in forms_of(secret) {
            assert!(
                !value.as_bytes().windows(form.len()).any(|w| w == form),
                "hook {id} shows its secret: {value}"
            );
        }
    }
    if let Db::Sqlite = db {
        let dir = database_dir(url);
        assert!(
            !files_holding(&dir, present.as_bytes()).is_empty(),
            "the scan finds what the database holds"
        );
        for form in forms_of(secret) {
            let leaks = files_holding(&dir, &form);
            assert!(leaks.is_empty(), "the secret is in {leaks:?}");
        }
    }
}

async fn the_raw_database_holds_no_secret(app: common::TestApp) {
    add_team(app.store.as_ref()).await;
    let team = sign_in_team(&app.base).await;
    let mut receiver = Receiver::start().await;
    let (_, secret) = register(&team, &app.base, &receiver.url).await;
    assert!(
        secret.starts_with("whsec_"),
        "shown in clear once: {secret}"
    );
    let (id, segments) = statement(&team, &app.base, &[EN1]).await;
    approve(&team, &app.base, id, segments[0], HY1).await;
    let hit = receiver.next().await;
    assert!(verify(&secret, &hit), "signed with the secret: {hit:?}");
    assert_nothing_of(app.db, &app.database_url, &secret, &receiver.url).await;
}

/// Migrations 1 to `last`, as an older version of Tandem applied them.
async fn migrations_until(backend: &str, last: i64) -> sqlx::migrate::Migrator {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(backend);
    let mut migrator = sqlx::migrate::Migrator::new(dir)
        .await
        .expect("read the migrations");
    let kept: Vec<_> = migrator
        .migrations
        .iter()
        .filter(|m| m.version <= last)
        .cloned()
        .collect();
    migrator.migrations = Cow::Owned(kept);
    migrator
}

/// A hook as versions before sealing wrote it: the secret in clear.
async fn write_hook_in_clear(db: Db, url: &str, hook_url: &str, secret: &str) {
    const SQL: &str =
        "INSERT INTO webhooks (url, statement_id, events, secret, created_by, created_at)
        VALUES ($1, NULL, '', $2, NULL, '2026-01-05T09:00:00Z')";
    match db {
        Db::Sqlite => {
            let options = sqlx::sqlite::SqliteConnectOptions::from_str(url)
                .expect("url")
                .create_if_missing(true);
            let pool = sqlx::SqlitePool::connect_with(options)
                .await
                .expect("connect");
            migrations_until("sqlite", 12)
                .await
                .run(&pool)
                .await
                .expect("migrations 1-12");
            sqlx::query(SQL)
                .bind(hook_url)
                .bind(secret)
                .execute(&pool)
                .await
                .expect("old hook");
            pool.close().await;
        }
        Db::Postgres => {
            let pool = sqlx::PgPool::connect(url).await.expect("connect");
            migrations_until("postgres", 12)
                .await
                .run(&pool)
                .await
                .expect("migrations 1-12");
            sqlx::query(SQL)
                .bind(hook_url)
                .bind(secret)
                .execute(&pool)
                .await
                .expect("old hook");
            pool.close().await;
        }
    }
}

async fn secrets_left_in_clear_are_sealed_at_start(db: Db) {
    let (url, _dir) = common::fresh_database(db).await;
    let keys = tempfile::tempdir().expect("dir");
    let mut receiver = Receiver::start().await;
    let secret = tandem::domain::webhook::new_secret();
    write_hook_in_clear(db, &url, &receiver.url, &secret).await;
    assert_eq!(raw_secrets(db, &url).await[0].1, secret, "in clear before");

    let base = start(&url, key_file_settings(&keys.path().join("tandem.key")))
        .await
        .expect("starts");
    assert_nothing_of(db, &url, &secret, &receiver.url).await;

    // Sealed, and still the secret the receiver was given: deliveries verify with it.
    let store = tandem::store::open(&url).await.expect("store");
    add_team(store.as_ref()).await;
    let team = sign_in_team(&base).await;
    let (id, segments) = statement(&team, &base, &[EN1]).await;
    approve(&team, &base, id, segments[0], HY1).await;
    let hit = receiver.next().await;
    assert!(verify(&secret, &hit), "{hit:?}");
}

async fn secrets_left_in_clear_are_sealed_at_start_sqlite() {
    secrets_left_in_clear_are_sealed_at_start(Db::Sqlite).await;
}

async fn secrets_left_in_clear_are_sealed_at_start_postgres() {
    secrets_left_in_clear_are_sealed_at_start(Db::Postgres).await;
}

async fn a_wrong_key_fails_at_start(db: Db) {
    let (url, _dir) = common::fresh_database(db).await;
    let keys = tempfile::tempdir().expect("dir");
    let file = keys.path().join("tandem.key");
    start(&url, key_file_settings(&file))
        .await
        .expect("the first start makes the key");
    let key = key_file::read(&file).expect("read").expect("made");

    // Another key from the variable: refused, naming where it came from.
    let error = start(
        &url,
        SecretKeySettings {
            key: Some(SecretKey::generate()),
            file: None,
        },
    )
    .await
    .expect_err("another key is refused");
    assert!(error.contains(WRONG_KEY), "{error}");
    assert!(error.contains("from TANDEM_SECRET_KEY"), "{error}");

    // Another key file: refused, naming the file.
    let other = keys.path().join("other.key");
    key_file::write_replacing(&other, &SecretKey::generate()).expect("write");
    let error = start(&url, key_file_settings(&other))
        .await
        .expect_err("another key file is refused");
    assert!(error.contains(WRONG_KEY), "{error}");
    assert!(error.contains(&other.display().to_string()), "{error}");

    // No key file where one is expected: refused, and no new key is made there.
    let missing = keys.path().join("missing.key");
    let error = start(&url, key_file_settings(&missing))
        .await
        .expect_err("a missing key file is refused");
    assert!(error.contains("does not exist"), "{error}");
    assert!(error.contains(&missing.display().to_string()), "{error}");
    assert!(!missing.exists(), "no key was made for a sealed database");

    // The right key starts it, from its file or from the variable.
    start(&url, key_file_settings(&file))
        .await
        .expect("restarts with its key file");
    start(
        &url,
        SecretKeySettings {
            key: Some(key),
            file: Some(other),
        },
    )
    .await
    .expect("restarts with its key in TANDEM_SECRET_KEY, which wins over a file");
}

async fn a_wrong_key_fails_at_start_sqlite() {
    a_wrong_key_fails_at_start(Db::Sqlite).await;
}

async fn a_wrong_key_fails_at_start_postgres() {
    a_wrong_key_fails_at_start(Db::Postgres).await;
}

/// A user for the hooks below, which the schema wants to have been made by someone.
async fn someone(store: &dyn Store) -> i64 {
    add_team(store).await;
    store.list_users().await.expect("users")[0].id
}

async fn a_hook_sealed_under(store: &dyn Store, sealer: &Sealer, secret: &str, by: i64) -> i64 {
    store
        .add_webhook(&NewWebhook {
            url: "https://cms.example.org/hook".to_owned(),
            statement_id: None,
            events: vec![],
            secret: sealer.seal(Purpose::WebhookSecret, secret).expect("sealed"),
            created_by: by,
            created_at: chrono::Utc::now(),
        })
        .await
        .expect("hook")
        .id
}

/// The states a crash can leave a rotation with a key file in, each opened by the next start.
async fn an_interrupted_rotation_is_finished_at_start(db: Db) {
    let (url, _dir) = common::fresh_database(db).await;
    let keys = tempfile::tempdir().expect("dir");
    let file = keys.path().join("tandem.key");
    let pending = key_file::pending_path(&file);
    let settings = key_file_settings(&file);
    let store = tandem::store::open(&url).await.expect("store");
    store.migrate().await.expect("migrate");
    let first = unlock(store.as_ref(), &settings, &url)
        .await
        .expect("first start");
    assert_eq!(first.source, KeySource::File(file.clone()));
    let by = someone(store.as_ref()).await;
    let secret = tandem::domain::webhook::new_secret();
    let hook = a_hook_sealed_under(store.as_ref(), &first.sealer, &secret, by).await;
    let old = key_file::read(&file).expect("read").expect("made");

    let new = SecretKey::generate();
    let rotation = rotate(store.as_ref(), &settings, &url, &new)
        .await
        .expect("rotates");
    assert_eq!(rotation.resealed, 1);
    assert_eq!(key_file::read(&file).expect("read"), Some(new.clone()));
    assert!(!pending.exists());

    // Stopped after the commit, before the rename: the file still holds the old key.
    key_file::write_replacing(&pending, &new).expect("pending");
    key_file::write_replacing(&file, &old).expect("old file");
    let opened = unlock(store.as_ref(), &settings, &url)
        .await
        .expect("the start finds the new key");
    assert_eq!(key_file::read(&file).expect("read"), Some(new.clone()));
    assert!(!pending.exists(), "the rename was finished");
    let stored = raw_secrets(db, &url).await;
    let value = &stored.iter().find(|(id, _)| *id == hook).expect("hook").1;
    assert_eq!(
        opened
            .sealer
            .open(Purpose::WebhookSecret, value)
            .expect("opens")
            .as_str(),
        secret
    );

    // Stopped before the commit: a pending key the database was never sealed with.
    key_file::write_replacing(&pending, &SecretKey::generate()).expect("pending");
    unlock(store.as_ref(), &settings, &url)
        .await
        .expect("the start keeps its key");
    assert_eq!(key_file::read(&file).expect("read"), Some(new.clone()));

    // A secret the current key cannot open stops a rotation before anything changes.
    let stray = a_hook_sealed_under(
        store.as_ref(),
        &Sealer::new(&SecretKey::generate()),
        &tandem::domain::webhook::new_secret(),
        by,
    )
    .await;
    let before = raw_secrets(db, &url).await;
    let error = rotate(store.as_ref(), &settings, &url, &SecretKey::generate())
        .await
        .expect_err("refused");
    assert!(
        format!("{error:#}").contains(&format!("webhook {stray}")),
        "{error:#}"
    );
    assert_eq!(raw_secrets(db, &url).await, before, "nothing changed");
    unlock(store.as_ref(), &settings, &url)
        .await
        .expect("the key in the file still opens it");
}

async fn an_interrupted_rotation_is_finished_at_start_sqlite() {
    an_interrupted_rotation_is_finished_at_start(Db::Sqlite).await;
}

async fn an_interrupted_rotation_is_finished_at_start_postgres() {
    an_interrupted_rotation_is_finished_at_start(Db::Postgres).await;
}

/// Where a rotation test keeps its key.
#[derive(Clone, Copy)]
enum Keeping {
    /// A key file: beside the SQLite database by default, `--secret-key-file` for PostgreSQL
    /// (its default, ./tandem-data/tandem.key, is shared by every PostgreSQL test).
    File,
    /// `TANDEM_SECRET_KEY`.
    Variable,
}

fn tandem(args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(args)
        .env_remove("TANDEM_DATABASE_URL")
        .env_remove("TANDEM_SECRET_KEY")
        .env_remove("TANDEM_SECRET_KEY_FILE")
        .env_remove("TANDEM_NEW_SECRET_KEY")
        .envs(env.iter().copied())
        .env("LANG", "C")
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .output()
        .expect("run tandem")
}

/// Spawns a server that must refuse to start; answers what it wrote on standard error.
async fn refused_start(url: &str, extra: &[&str], env: &[(&str, &str)]) -> String {
    let mut server = Server::spawn_with_env(url, extra, env);
    let outcome = server.listening(server::START_TIMEOUT).await;
    let status = server.wait(server::START_TIMEOUT).await;
    assert!(
        outcome.is_err() && status.is_some_and(|s| !s.success()),
        "the server started: {}",
        server.stderr()
    );
    server.stderr()
}

/// The binary end to end: a delivery, `tandem secrets rotate`, the old key refused at start,
/// the new one accepted, and the next delivery still signed with the secret the receiver has.
async fn rotation_keeps_deliveries_signed(db: Db, keeping: Keeping) {
    let (url, dir) = common::fresh_database(db).await;
    let keys = tempfile::tempdir().expect("dir");
    let file = match (keeping, &dir) {
        (Keeping::File, Some(dir)) => dir.path().join("tandem.key"),
        _ => keys.path().join("tandem.key"),
    };
    let file_text = file.display().to_string();
    let mut flags: Vec<&str> = ALLOW_LOOPBACK.to_vec();
    let key_flags: Vec<&str> = match (keeping, db) {
        (Keeping::File, Db::Postgres) => vec!["--secret-key-file", &file_text],
        _ => vec![],
    };
    flags.extend(&key_flags);
    let old_key = SecretKey::generate().to_base64().to_string();
    let mut env: Vec<(&str, &str)> = match keeping {
        Keeping::File => vec![],
        Keeping::Variable => vec![("TANDEM_SECRET_KEY", &old_key)],
    };

    let mut server = Server::start_with_env(&url, &flags, &env).await;
    let base = server.url("");
    for (name, roles) in NAMES {
        server::add_user(&url, name, roles, PASSWORD);
    }
    let team = sign_in_team(&base).await;
    let mut receiver = Receiver::start().await;
    let (hook, secret) = register(&team, &base, &receiver.url).await;
    let (id, segments) = statement(&team, &base, &[EN1, EN2]).await;
    approve(&team, &base, id, segments[0], HY1).await;
    let hit = receiver.next().await;
    assert!(verify(&secret, &hit), "{hit:?}");
    server.terminate();
    server.wait(server::START_TIMEOUT).await.expect("stops");
    let sealed_before = raw_secrets(db, &url).await;
    let old_file = keys.path().join("old.key");
    if let Keeping::File = keeping {
        assert!(file.exists(), "the first start made {file_text}");
        std::fs::copy(&file, &old_file).expect("keep the old key");
    }

    let mut rotate_args = vec!["secrets", "rotate", "--database-url", &url];
    rotate_args.extend(&key_flags);
    let out = tandem(&rotate_args, &env);
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "rotate failed: {stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("done: 1 secrets sealed"), "{stdout}");
    let sealed_after = raw_secrets(db, &url).await;
    assert_eq!(sealed_after.len(), 1);
    assert_eq!(sealed_after[0].0, hook);
    assert_ne!(sealed_after, sealed_before, "sealed again");
    assert!(sealed_after[0].1.starts_with("sealed:v1:"));

    let new_key = match keeping {
        Keeping::File => {
            assert!(!key_file::pending_path(&file).exists());
            let new = key_file::read(&file).expect("read").expect("a key");
            let old = key_file::read(&old_file).expect("read").expect("a key");
            assert_ne!(new, old, "the key file holds the new key");
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = std::fs::metadata(&file).expect("meta").permissions().mode();
                assert_eq!(mode & 0o777, 0o600);
            }
            // The old key, from a copy of its file, is refused at start.
            let old_text = old_file.display().to_string();
            let stderr = refused_start(&url, &["--secret-key-file", &old_text], &[]).await;
            assert!(stderr.contains(WRONG_KEY), "{stderr}");
            None
        }
        Keeping::Variable => {
            // Printed once, on the line after the one that says what to do with it.
            let printed = stdout
                .lines()
                .skip_while(|l| !l.starts_with("New key"))
                .nth(1)
                .expect("the new key is printed")
                .to_owned();
            let new = SecretKey::from_base64(&printed).expect("a key");
            assert_ne!(
                new,
                SecretKey::from_base64(&old_key).expect("key"),
                "a new key"
            );
            let stderr = refused_start(&url, &[], &env).await;
            assert!(stderr.contains(WRONG_KEY), "{stderr}");
            assert!(stderr.contains("TANDEM_SECRET_KEY"), "{stderr}");
            let stderr = refused_start(&url, &[], &[("TANDEM_SECRET_KEY", "not a key")]).await;
            assert!(
                stderr.contains("TANDEM_SECRET_KEY is not a key"),
                "{stderr}"
            );
            Some(printed)
        }
    };
    if let Some(new_key) = &new_key {
        env = vec![("TANDEM_SECRET_KEY", new_key)];
    }

    let server = Server::start_with_env(&url, &flags, &env).await;
    let base = server.url("");
    approve(&team, &base, id, segments[1], HY2).await;
    let hit = receiver.next().await;
    assert!(
        verify(&secret, &hit),
        "the receiver's secret still verifies: {hit:?}"
    );
    assert_eq!(
        serde_json::from_str::<Value>(&hit.body).expect("json")["data"]["segment_id"],
        segments[1]
    );
}

pub fn tests() -> Tests {
    let mut tests = Tests::new()
        .both_with(
            "raw_database_holds_no_secret",
            the_raw_database_holds_no_secret,
            fast,
        )
        .run(
            "clear_secrets_sealed_at_start::sqlite",
            secrets_left_in_clear_are_sealed_at_start_sqlite,
        )
        .run(
            "clear_secrets_sealed_at_start::postgres",
            secrets_left_in_clear_are_sealed_at_start_postgres,
        )
        .run(
            "wrong_key_fails_at_start::sqlite",
            a_wrong_key_fails_at_start_sqlite,
        )
        .run(
            "wrong_key_fails_at_start::postgres",
            a_wrong_key_fails_at_start_postgres,
        )
        .run(
            "interrupted_rotation::sqlite",
            an_interrupted_rotation_is_finished_at_start_sqlite,
        )
        .run(
            "interrupted_rotation::postgres",
            an_interrupted_rotation_is_finished_at_start_postgres,
        );
    for (db, db_name) in [(Db::Sqlite, "sqlite"), (Db::Postgres, "postgres")] {
        for (keeping, keeping_name) in
            [(Keeping::File, "key_file"), (Keeping::Variable, "variable")]
        {
            tests = tests.run(&format!("rotation::{keeping_name}::{db_name}"), move || {
                rotation_keeps_deliveries_signed(db, keeping)
            });
        }
    }
    tests
}
