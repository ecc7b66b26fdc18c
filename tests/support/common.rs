//! Test helpers: start Tandem on port 0 over a fresh SQLite file or PostgreSQL schema, and talk to it.

use std::collections::HashMap;
use std::sync::Arc;

use reqwest::{Client, Method, StatusCode};
use serde_json::{json, Value};
use tandem::app::App;
use tandem::config::Config;
use tandem::domain::language::LanguageTag;
use tandem::domain::role::{LanguageRole, Roles};
use tandem::store::{self, Store};
use tandem::workflow::users::{create_user, UserInput};

use super::harness::skip;

pub const PASSWORD: &str = "correct horse battery";

/// Which database a test runs on.
#[derive(Clone, Copy, Debug)]
pub enum Db {
    Sqlite,
    Postgres,
}

/// A fresh, empty database URL (with the folder that holds an SQLite file). Without
/// `TANDEM_TEST_POSTGRES_URL` a PostgreSQL test is skipped (a failure under CI).
pub async fn fresh_database(db: Db) -> (String, Option<tempfile::TempDir>) {
    match db {
        Db::Sqlite => {
            let dir = tempfile::tempdir().expect("temp dir");
            let url = format!("sqlite://{}", dir.path().join("tandem.db").display());
            (url, Some(dir))
        }
        Db::Postgres => {
            let Ok(base) = std::env::var("TANDEM_TEST_POSTGRES_URL") else {
                skip("TANDEM_TEST_POSTGRES_URL is not set (the URL of a scratch database: postgres://user@host/db)")
            };
            (fresh_schema(&base).await, None)
        }
    }
}

/// Each PostgreSQL test gets its own schema, named at random, reached through `search_path`.
async fn fresh_schema(base: &str) -> String {
    use sqlx::Connection;
    let schema = format!(
        "t_{}",
        tandem::workflow::credentials::new_secret("")
            .get(..16)
            .unwrap_or("x")
    );
    let mut conn = sqlx::PgConnection::connect(base)
        .await
        .expect("connect to TANDEM_TEST_POSTGRES_URL");
    sqlx::query(&format!("CREATE SCHEMA {schema}"))
        .execute(&mut conn)
        .await
        .expect("create schema");
    let sep = if base.contains('?') { '&' } else { '?' };
    format!("{base}{sep}options[search_path]={schema}")
}

pub struct TestApp {
    pub base: String,
    pub store: Arc<dyn Store>,
    pub db: Db,
    pub database_url: String,
    _dir: Option<tempfile::TempDir>,
}

impl TestApp {
    pub async fn spawn(db: Db) -> TestApp {
        Self::spawn_with(db, |_| {}).await
    }

    pub async fn spawn_with(db: Db, adjust: impl FnOnce(&mut Config)) -> TestApp {
        let (url, dir) = fresh_database(db).await;
        let mut config = Config::new("127.0.0.1:0".parse().expect("addr"), url.clone());
        adjust(&mut config);
        let (listener, router) = App::build(config).await.expect("app starts");
        let addr = listener.local_addr().expect("local addr");
        tokio::spawn(App::serve(listener, router));
        let store = store::open(&url).await.expect("second store handle");
        TestApp {
            base: format!("http://{addr}"),
            store,
            db,
            database_url: url,
            _dir: dir,
        }
    }

    /// A fresh SQLite app with the demo team and statement (the id is the statement's).
    pub async fn with_demo() -> (TestApp, Vec<tandem::workflow::demo::DemoUser>, i64) {
        let app = TestApp::spawn(Db::Sqlite).await;
        let (users, id) = tandem::workflow::demo::seed(app.store.as_ref(), &Default::default())
            .await
            .expect("seed")
            .expect("empty database");
        (app, users, id)
    }

    /// Seeds the demo, translates and approves everything with the fixture texts, publishes.
    pub async fn published_demo(&self) -> (String, HashMap<String, Session>) {
        let (users, id) = tandem::workflow::demo::seed(self.store.as_ref(), &Default::default())
            .await
            .expect("seed")
            .expect("empty database");
        let mut sessions = HashMap::new();
        for user in users {
            let client = reqwest::Client::builder()
                .cookie_store(true)
                .build()
                .expect("client");
            let body: Value = client
                .post(self.url("/api/v1/session"))
                .json(&json!({"username": user.username, "password": user.password}))
                .send()
                .await
                .expect("sign in")
                .json()
                .await
                .expect("json");
            let csrf = body["csrf_token"].as_str().expect("csrf").to_owned();
            sessions.insert(
                user.username.clone(),
                Session {
                    client,
                    base: self.base.clone(),
                    csrf,
                },
            );
        }
        let texts: HashMap<String, Vec<String>> =
            serde_json::from_str(include_str!("../fixtures/demo_translations.json"))
                .expect("fixture");
        for (lang, translator, reviewer) in [("hy", "anush", "hasmik"), ("ru", "dmitri", "olga")] {
            let (_, units) = sessions[translator]
                .get(&format!("/api/v1/statements/{id}/translations/{lang}"))
                .await;
            for (unit, text) in units.as_array().expect("units").iter().zip(&texts[lang]) {
                let path = format!(
                    "/api/v1/statements/{id}/segments/{}/translations/{lang}",
                    unit["segment_id"]
                );
                let (s, _) = sessions[translator]
                    .call(
                        Method::PUT,
                        &path,
                        Some(json!({"text": text, "base_version": 1})),
                    )
                    .await;
                assert_eq!(s, StatusCode::OK);
                sessions[translator]
                    .post(&format!("{path}/submit"), json!({"base_version": 2}))
                    .await;
                let (s, body) = sessions[reviewer]
                    .post(&format!("{path}/approve"), json!({"base_version": 3}))
                    .await;
                assert_eq!(s, StatusCode::OK, "{body}");
            }
        }
        let (s, publication) = sessions["editor"]
            .post(
                &format!("/api/v1/statements/{id}/publications"),
                json!({"langs": ["hy", "ru"]}),
            )
            .await;
        assert_eq!(s, StatusCode::CREATED, "{publication}");
        (
            publication["slug"].as_str().expect("slug").to_owned(),
            sessions,
        )
    }

    /// A second Tandem process on the same database, as behind a load balancer.
    pub async fn another_instance(&self) -> TestApp {
        let config = Config::new(
            "127.0.0.1:0".parse().expect("addr"),
            self.database_url.clone(),
        );
        let (listener, router) = App::build(config).await.expect("second instance starts");
        let addr = listener.local_addr().expect("local addr");
        tokio::spawn(App::serve(listener, router));
        TestApp {
            base: format!("http://{addr}"),
            store: self.store.clone(),
            db: self.db,
            database_url: self.database_url.clone(),
            _dir: None,
        }
    }

    /// Runs SQL straight on the app's database, as an older version or an operator would have
    /// written it.
    pub async fn execute_sql(&self, sql: &str) {
        use sqlx::Connection;
        match self.db {
            Db::Sqlite => {
                let mut conn = sqlx::SqliteConnection::connect(&self.database_url)
                    .await
                    .expect("open the SQLite file");
                sqlx::raw_sql(sql).execute(&mut conn).await.expect("SQL");
            }
            Db::Postgres => {
                let mut conn = sqlx::PgConnection::connect(&self.database_url)
                    .await
                    .expect("connect to PostgreSQL");
                sqlx::raw_sql(sql).execute(&mut conn).await.expect("SQL");
            }
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Creates a user straight through the workflow (as `tandem user add` does).
    pub async fn add_user(
        &self,
        name: &str,
        editor: bool,
        admin: bool,
        langs: &[(LanguageRole, &str)],
    ) {
        let mut roles = Roles {
            admin,
            editor,
            languages: vec![],
        };
        for (role, lang) in langs {
            roles.grant(*role, LanguageTag::parse(lang).expect("tag"));
        }
        create_user(
            self.store.as_ref(),
            UserInput {
                username: name.into(),
                password: PASSWORD.into(),
                display_name: None,
                roles,
            },
            None,
        )
        .await
        .expect("user created");
    }

    /// A signed-in client for `name` with `password` (one the server gave, say).
    pub async fn sign_in_as(&self, name: &str, password: &str) -> Session {
        let client = Client::builder()
            .cookie_store(true)
            .build()
            .expect("client");
        let resp = client
            .post(self.url("/api/v1/session"))
            .json(&json!({"username": name, "password": password}))
            .send()
            .await
            .expect("sign in request");
        assert_eq!(resp.status(), StatusCode::OK, "sign-in of {name}");
        let body: Value = resp.json().await.expect("json");
        Session {
            client,
            base: self.base.clone(),
            csrf: body["csrf_token"].as_str().expect("csrf").to_owned(),
        }
    }

    /// A signed-in client with a cookie jar, and its CSRF token.
    pub async fn sign_in(&self, name: &str) -> Session {
        self.sign_in_as(name, PASSWORD).await
    }

    /// Signs in one of the demo users with the password the demo printed.
    pub async fn sign_in_with(
        &self,
        users: &[tandem::workflow::demo::DemoUser],
        name: &str,
    ) -> Session {
        self.sign_in_as(name, &demo_password(users, name)).await
    }

    /// An editor who is signed in.
    pub async fn editor(&self) -> Session {
        self.add_user("editor", true, false, &[]).await;
        self.sign_in("editor").await
    }

    /// An administrator who is signed in.
    pub async fn admin(&self) -> Session {
        self.add_user("admin", false, true, &[]).await;
        self.sign_in("admin").await
    }

    /// A translator of `lang` who is signed in (`translator-hy` and so on).
    pub async fn translator(&self, lang: &str) -> Session {
        let name = format!("translator-{}", lang.to_ascii_lowercase());
        self.add_user(&name, false, false, &[(LanguageRole::Translator, lang)])
            .await;
        self.sign_in(&name).await
    }

    /// A reviewer of `lang` who is signed in (`reviewer-hy` and so on).
    pub async fn reviewer(&self, lang: &str) -> Session {
        let name = format!("reviewer-{}", lang.to_ascii_lowercase());
        self.add_user(&name, false, false, &[(LanguageRole::Reviewer, lang)])
            .await;
        self.sign_in(&name).await
    }

    /// The three people most tests need, signed in: an editor, Ani who translates `langs`
    /// and Aram who reviews them.
    pub async fn team(&self, langs: &[&str]) -> Team {
        let editor = self.editor().await;
        let role = |role: LanguageRole| langs.iter().map(move |l| (role, *l));
        let translating: Vec<_> = role(LanguageRole::Translator).collect();
        let reviewing: Vec<_> = role(LanguageRole::Reviewer).collect();
        self.add_user("ani", false, false, &translating).await;
        self.add_user("aram", false, false, &reviewing).await;
        Team {
            editor,
            translator: self.sign_in("ani").await,
            reviewer: self.sign_in("aram").await,
        }
    }
}

/// An editor, a translator and a reviewer of the same languages, each signed in.
pub struct Team {
    pub editor: Session,
    pub translator: Session,
    pub reviewer: Session,
}

impl Team {
    /// A statement in English into `targets`, open to their translators, made by the editor;
    /// its id and its segments' ids.
    pub async fn statement(&self, title: &str, text: &str, targets: &[&str]) -> (i64, Vec<i64>) {
        let (status, body) = self
            .editor
            .post(
                "/api/v1/statements",
                json!({"title": title, "source_lang": "en", "target_langs": targets,
                       "text": text, "open_to_translators": true}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let segments = body["segments"]
            .as_array()
            .expect("segments")
            .iter()
            .map(|s| s["id"].as_i64().expect("id"))
            .collect();
        (body["id"].as_i64().expect("id"), segments)
    }

    /// Statement `id`'s headline in `lang`: written and submitted by the translator, approved
    /// by the reviewer, so that the statement can be published once its paragraphs are.
    pub async fn approve_headline(&self, id: i64, lang: &str, text: &str) {
        let (_, statement) = self.editor.get(&format!("/api/v1/statements/{id}")).await;
        let headline = statement["headline"]["id"].as_i64().expect("headline");
        let path = format!("/api/v1/statements/{id}/segments/{headline}/translations/{lang}");
        let (status, unit) = self
            .translator
            .call(
                Method::PUT,
                &path,
                Some(json!({"text": text, "base_version": 1})),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{unit}");
        let (status, unit) = self
            .translator
            .post(
                &format!("{path}/submit"),
                json!({"base_version": unit["version"]}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{unit}");
        let (status, unit) = self
            .reviewer
            .post(
                &format!("{path}/approve"),
                json!({"base_version": unit["version"]}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{unit}");
    }
}

pub struct Session {
    pub client: Client,
    pub base: String,
    pub csrf: String,
}

impl Session {
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut req = self
            .client
            .request(method, format!("{}{path}", self.base))
            .header("x-csrf-token", &self.csrf);
        if let Some(body) = body {
            req = req.json(&body);
        }
        let resp = req.send().await.expect("request");
        let status = resp.status();
        let text = resp.text().await.expect("body");
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    pub async fn get(&self, path: &str) -> (StatusCode, Value) {
        self.call(Method::GET, path, None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.call(Method::POST, path, Some(body)).await
    }
}

/// The password the demo printed for `name`.
pub fn demo_password(users: &[tandem::workflow::demo::DemoUser], name: &str) -> String {
    users
        .iter()
        .find(|u| u.username == name)
        .expect("demo user")
        .password
        .clone()
}

/// Reads an event stream until an event named `name` whose data satisfies `wanted` arrives.
pub async fn next_event(
    stream: &mut reqwest::Response,
    buffer: &mut String,
    name: &str,
    wanted: impl Fn(&Value) -> bool,
) -> Value {
    let deadline = std::time::Instant::now() + super::wait::PATIENCE;
    loop {
        while let Some(end) = buffer.find("\n\n") {
            let block: String = buffer.drain(..end + 2).collect();
            let event = block.lines().find_map(|l| l.strip_prefix("event: "));
            let data = block.lines().find_map(|l| l.strip_prefix("data: "));
            if let (Some(event), Some(data)) = (event, data) {
                let value: Value = serde_json::from_str(data).expect("event data is JSON");
                if event == name && wanted(&value) {
                    return value;
                }
            }
        }
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        let chunk = tokio::time::timeout(left, stream.chunk())
            .await
            .unwrap_or_else(|_| panic!("no {name} event in time; got {buffer:?}"))
            .expect("stream")
            .expect("the stream stays open");
        buffer.push_str(&String::from_utf8_lossy(&chunk));
    }
}
