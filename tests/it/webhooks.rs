//! Webhooks end to end, on both databases: a receiver on loopback checks every signature with its
//! own implementation of Standard Webhooks; retries, a receiver that hangs or is down, the outbox
//! across a restart, and hooks for one statement.

use crate::common;
use crate::common::Team;
use crate::harness::Tests;
use crate::wait;

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode as AxumStatus};
use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use hmac::{Hmac, Mac};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use sha2::Sha256;
use tandem::app::App;
use tandem::config::Config;
use tokio::sync::{mpsc, Semaphore};

const EN1: &str = "The city council will discuss the new parking rules.";
const EN2: &str = "Residents may send written comments.";
const HY1: &str = "Քաղաքային ավագանին կքննարկի կայանման նոր կանոնները։";
const HY2: &str = "Բնակիչները կարող են գրավոր դիտողություններ ուղարկել։";

/// Fast retries, so a test waits milliseconds where production waits minutes.
fn fast(config: &mut Config) {
    config.webhooks.poll = Duration::from_millis(50);
    config.webhooks.retry_base = Duration::from_millis(50);
    config.webhooks.retry_cap = Duration::from_millis(200);
    config.webhooks.max_attempts = 3;
    config.webhooks.timeout = Duration::from_secs(30);
    // The receivers here listen on loopback, which an operator must allow on purpose.
    config.outbound.policy.allowed = vec!["127.0.0.1/32".parse().expect("a range")];
}

/// One request as the receiver saw it.
#[derive(Debug, Clone)]
struct Hit {
    id: String,
    timestamp: String,
    signature: String,
    body: String,
}

impl Hit {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).expect("the body is JSON")
    }
}

struct ReceiverState {
    hits: mpsc::UnboundedSender<Hit>,
    /// Statuses to answer, in order; 200 once they run out.
    statuses: Mutex<VecDeque<u16>>,
    /// Each request waits for a permit before it answers; `None`: answers at once.
    hold: Option<Arc<Semaphore>>,
}

/// A webhook receiver on loopback, as a website or CMS would run one.
struct Receiver {
    url: String,
    hits: mpsc::UnboundedReceiver<Hit>,
}

impl Receiver {
    async fn start(statuses: &[u16], hold: Option<Arc<Semaphore>>) -> Receiver {
        let (tx, rx) = mpsc::unbounded_channel();
        let state = Arc::new(ReceiverState {
            hits: tx,
            statuses: Mutex::new(statuses.iter().copied().collect()),
            hold,
        });
        let router = axum::Router::new()
            .route("/hook", axum::routing::post(receive))
            .with_state(state);
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
        tokio::time::timeout(Duration::from_secs(10), self.hits.recv())
            .await
            .expect("a delivery within 10 s")
            .expect("the receiver runs")
    }
}

async fn receive(
    State(state): State<Arc<ReceiverState>>,
    headers: HeaderMap,
    body: String,
) -> AxumStatus {
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let _ = state.hits.send(Hit {
        id: header("webhook-id"),
        timestamp: header("webhook-timestamp"),
        signature: header("webhook-signature"),
        body,
    });
    if let Some(hold) = &state.hold {
        let _permit = hold.acquire().await;
    }
    let status = state
        .statuses
        .lock()
        .expect("lock")
        .pop_front()
        .unwrap_or(200);
    AxumStatus::from_u16(status).expect("status")
}

/// The receiver's side of Standard Webhooks, written here from the specification and not taken
/// from Tandem: the key is the base64 after `whsec_`, the signed content `id.timestamp.body`,
/// the header a space-separated list of `v1,<base64>`, and the timestamp at most 5 minutes off.
fn verify(secret: &str, hit: &Hit) -> bool {
    let Some(encoded) = secret.strip_prefix("whsec_") else {
        return false;
    };
    let Ok(key) = BASE64.decode(encoded) else {
        return false;
    };
    let Ok(timestamp) = hit.timestamp.parse::<i64>() else {
        return false;
    };
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64;
    if (now - timestamp).abs() > 300 {
        return false;
    }
    let signed = format!("{}.{}.{}", hit.id, hit.timestamp, hit.body);
    hit.signature.split(' ').any(|candidate| {
        let Some(("v1", sig)) = candidate.split_once(',') else {
            return false;
        };
        let Ok(sig) = BASE64.decode(sig) else {
            return false;
        };
        let mut mac = Hmac::<Sha256>::new_from_slice(&key).expect("any key length");
        mac.update(signed.as_bytes());
        mac.verify_slice(&sig).is_ok()
    })
}

async fn team(app: &common::TestApp) -> Team {
    app.team(&["hy"]).await
}

async fn statement(team: &Team, title: &str, paragraphs: &[&str]) -> (i64, Vec<i64>) {
    team.statement(title, &paragraphs.join("\n\n"), &["hy"])
        .await
}

/// Saves and submits a translation; answers the unit's version.
async fn submit(team: &Team, id: i64, seg: i64, text: &str) -> i64 {
    let path = format!("/api/v1/statements/{id}/segments/{seg}/translations/hy");
    let (_, unit) = team.translator.get(&path).await;
    let (status, saved) = team
        .translator
        .call(
            Method::PUT,
            &path,
            Some(json!({"text": text, "base_version": unit["version"]})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let (status, submitted) = team
        .translator
        .post(
            &format!("{path}/submit"),
            json!({"base_version": saved["version"]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{submitted}");
    submitted["version"].as_i64().expect("version")
}

async fn approve(team: &Team, id: i64, seg: i64, version: i64) -> Value {
    let (status, body) = team
        .reviewer
        .post(
            &format!("/api/v1/statements/{id}/segments/{seg}/translations/hy/approve"),
            json!({ "base_version": version }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

async fn translate_and_approve(team: &Team, id: i64, seg: i64, text: &str) -> Value {
    let version = submit(team, id, seg, text).await;
    approve(team, id, seg, version).await
}

/// The Armenian headline of "Parking rules".
const HY_TITLE: &str = "Կայանման կանոններ";

/// Translates statement `id`'s headline as `text` and approves it; answers the approved unit.
async fn approve_headline(team: &Team, id: i64, text: &str) -> Value {
    let (_, statement) = team.editor.get(&format!("/api/v1/statements/{id}")).await;
    let headline = statement["headline"]["id"].as_i64().expect("headline");
    translate_and_approve(team, id, headline, text).await
}

/// Registers a hook; answers its id and secret.
async fn register(team: &Team, body: Value) -> (i64, String) {
    let (status, created) = team.editor.post("/api/v1/webhooks", body).await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    (
        created["id"].as_i64().expect("id"),
        created["secret"].as_str().expect("secret").to_owned(),
    )
}

/// Polls a hook's log until `done` holds.
async fn log_until(
    session: &common::Session,
    hook: i64,
    done: impl Fn(&[Value]) -> bool,
) -> Vec<Value> {
    wait::until(format!("the log of hook {hook}"), async || {
        let (status, body) = session
            .get(&format!("/api/v1/webhooks/{hook}/deliveries"))
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let log = body.as_array().expect("array").clone();
        if done(&log) {
            Ok(log)
        } else {
            Err(body)
        }
    })
    .await
}

fn all_delivered(log: &[Value], count: usize) -> bool {
    log.len() == count && log.iter().all(|d| d["state"] == "delivered")
}

async fn events_are_signed_and_carry_their_data(app: common::TestApp) {
    let team = team(&app).await;
    let mut receiver = Receiver::start(&[], None).await;

    // Bad input is refused with a stable code and writes nothing.
    let (status, body) = team
        .editor
        .post(
            "/api/v1/webhooks",
            json!({"url": "ftp://cms.example.org/hook"}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["error"]["code"], "invalid_webhook_url");
    let (status, body) = team
        .editor
        .post("/api/v1/webhooks", json!({"url": "not a url"}))
        .await;
    assert_eq!(
        body["error"]["code"], "invalid_webhook_url",
        "{status} {body}"
    );
    let (status, body) = team
        .editor
        .post(
            "/api/v1/webhooks",
            json!({"url": receiver.url, "events": ["unit.rejected"]}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["error"]["code"], "invalid_input");
    let (status, body) = team
        .editor
        .post(
            "/api/v1/webhooks",
            json!({"url": receiver.url, "statement_id": 999_999}),
        )
        .await;
    assert_eq!(body["error"]["code"], "statement_not_found", "{status}");
    let (status, body) = team
        .translator
        .post("/api/v1/webhooks", json!({"url": receiver.url}))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    let (_, hooks) = team.editor.get("/api/v1/webhooks").await;
    assert_eq!(hooks, json!([]), "nothing was written on bad input");

    let (hook, secret) = register(&team, json!({"url": receiver.url})).await;
    assert!(secret.starts_with("whsec_"), "{secret}");
    let (status, hooks) = team.editor.get("/api/v1/webhooks").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(hooks[0]["url"], receiver.url.as_str());
    assert!(
        hooks[0].get("secret").is_none(),
        "the secret is shown once: {hooks}"
    );
    let (status, _) = team.translator.get("/api/v1/webhooks").await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let (id, segs) = statement(&team, "Parking rules", &[EN1, EN2]).await;
    // The headline is approved like a paragraph, and said so like one: at place 0.
    let headline = approve_headline(&team, id, HY_TITLE).await;
    let first = receiver.next().await;
    assert!(verify(&secret, &first));
    let event = first.json();
    assert_eq!(event["type"], "unit.approved");
    assert_eq!(event["data"]["segment_id"], headline["segment_id"]);
    assert_eq!(event["data"]["position"], 0);
    assert_eq!(event["data"]["text"], HY_TITLE);
    let unit = translate_and_approve(&team, id, segs[0], HY1).await;
    let hit = receiver.next().await;
    assert!(verify(&secret, &hit), "signature of {hit:?}");
    assert!(!verify("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", &hit));
    let event = hit.json();
    assert_eq!(event["type"], "unit.approved");
    assert!(event["timestamp"]
        .as_str()
        .is_some_and(|t| t.ends_with('Z')));
    let data = &event["data"];
    assert_eq!(data["statement_id"], id);
    assert_eq!(data["segment_id"], segs[0]);
    assert_eq!(data["lang"], "hy");
    assert_eq!(data["version"], unit["version"]);
    assert_eq!(data["text"], HY1);
    assert_eq!(data["position"], 1);
    let slug = data["slug"].as_str().expect("slug").to_owned();

    // The last unit of the language: an approval and a completed language, in either order.
    translate_and_approve(&team, id, segs[1], HY2).await;
    let mut second = [receiver.next().await, receiver.next().await];
    second.sort_by_key(|h| h.json()["type"].as_str().unwrap_or_default().to_owned());
    assert!(second.iter().all(|h| verify(&secret, h)));
    let completed = second[0].json();
    assert_eq!(completed["type"], "language.completed");
    assert_eq!(completed["data"]["lang"], "hy");
    assert_eq!(
        completed["data"]["units"], 3,
        "two paragraphs and the headline"
    );
    assert_eq!(completed["data"]["statement_id"], id);
    assert_eq!(second[1].json()["data"]["segment_id"], segs[1]);

    let (status, body) = team
        .editor
        .post(
            &format!("/api/v1/statements/{id}/publications"),
            json!({"langs": []}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let hit = receiver.next().await;
    assert!(verify(&secret, &hit));
    let published = hit.json();
    assert_eq!(published["type"], "statement.published");
    let data = &published["data"];
    assert_eq!(data["statement_id"], id);
    assert_eq!(data["version"], 1);
    assert_eq!(data["langs"], json!(["hy"]));
    assert_eq!(
        data["titles"],
        json!({"en": "Parking rules", "hy": HY_TITLE}),
        "each language's headline"
    );
    assert_eq!(data["sha256"], body["sha256"]);
    assert_eq!(data["paths"]["page"], format!("/p/{slug}"));
    assert_eq!(data["paths"]["languages"]["hy"], format!("/p/{slug}/hy"));
    let json_path = data["paths"]["json"].as_str().expect("json path");
    let fetched = reqwest::get(app.url(json_path)).await.expect("get");
    assert_eq!(
        fetched.status(),
        StatusCode::OK,
        "the path in the event works"
    );

    let ids: std::collections::HashSet<String> = [&first, &hit, &second[0], &second[1]]
        .iter()
        .map(|h| h.id.clone())
        .collect();
    assert_eq!(ids.len(), 4, "every event has its own webhook-id");

    let log = log_until(&team.editor, hook, |log| all_delivered(log, 5)).await;
    assert_eq!(log[0]["type"], "statement.published", "newest first");
    for delivery in &log {
        assert_eq!(delivery["attempts"], 1, "{delivery}");
        assert_eq!(delivery["log"][0]["status"], 200, "{delivery}");
        assert!(delivery["log"][0]["error"].is_null());
    }
}

async fn failed_deliveries_are_retried_then_given_up(app: common::TestApp) {
    let team = team(&app).await;
    let mut flaky = Receiver::start(&[500], None).await;
    let (flaky_hook, secret) = register(
        &team,
        json!({"url": flaky.url, "events": ["unit.approved"]}),
    )
    .await;
    // A port nobody listens on: refused at once, every time.
    let down = {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        drop(listener);
        format!("http://{addr}/hook")
    };
    let (down_hook, _) = register(&team, json!({"url": down})).await;

    let (id, segs) = statement(&team, "Parking rules", &[EN1, EN2]).await;
    translate_and_approve(&team, id, segs[0], HY1).await;

    let first = flaky.next().await;
    let second = flaky.next().await;
    assert_eq!(first.id, second.id, "a retry keeps its webhook-id");
    assert!(verify(&secret, &first) && verify(&secret, &second));
    assert_eq!(first.body, second.body);

    let log = log_until(&team.editor, flaky_hook, |log| all_delivered(log, 1)).await;
    let attempts = log[0]["log"].as_array().expect("attempts");
    assert_eq!(log[0]["attempts"], 2);
    assert_eq!(attempts.len(), 2, "{log:?}");
    assert_eq!(attempts[0]["attempt"], 1);
    assert_eq!(attempts[0]["status"], 500);
    assert!(attempts[0]["error"]
        .as_str()
        .is_some_and(|e| e.contains("500")));
    assert!(attempts[0]["duration_ms"].as_i64().is_some());
    assert_eq!(attempts[1]["status"], 200);
    assert!(attempts[1]["error"].is_null());

    // Three attempts (the test's maximum), then the delivery is marked failed and left alone.
    let log = log_until(&team.editor, down_hook, |log| {
        log.len() == 1 && log[0]["state"] == "failed"
    })
    .await;
    assert_eq!(log[0]["attempts"], 3, "{log:?}");
    assert!(log[0]["next_attempt_at"].is_null());
    for attempt in log[0]["log"].as_array().expect("attempts") {
        assert!(attempt["status"].is_null(), "{attempt}");
        assert!(
            attempt["error"]
                .as_str()
                .is_some_and(|e| e.contains("connect")),
            "{attempt}"
        );
    }
}

async fn a_hanging_receiver_does_not_hold_approvals(app: common::TestApp) {
    let team = team(&app).await;
    let hold = Arc::new(Semaphore::new(0));
    let mut hanging = Receiver::start(&[], Some(hold.clone())).await;
    let mut prompt = Receiver::start(&[], None).await;
    let (id, segs) = statement(&team, "Parking rules", &[EN1, EN2]).await;
    approve_headline(&team, id, HY_TITLE).await;
    let (hook, _) = register(&team, json!({"url": hanging.url})).await;
    let (prompt_hook, _) = register(&team, json!({"url": prompt.url})).await;

    translate_and_approve(&team, id, segs[0], HY1).await;
    let held = hanging.next().await;
    assert_eq!(held.json()["type"], "unit.approved");
    assert_eq!(prompt.next().await.json()["type"], "unit.approved");
    // The receiver is holding its request open; the next approval answers all the same, and
    // the other hook hears about it meanwhile.
    let version = submit(&team, id, segs[1], HY2).await;
    approve(&team, id, segs[1], version).await;
    let mut later = [prompt.next().await.json(), prompt.next().await.json()];
    later.sort_by_key(|e| e["type"].as_str().unwrap_or_default().to_owned());
    assert_eq!(later[0]["type"], "language.completed");
    log_until(&team.editor, prompt_hook, |log| all_delivered(log, 3)).await;
    let (_, log) = team
        .editor
        .get(&format!("/api/v1/webhooks/{hook}/deliveries"))
        .await;
    assert_eq!(log[2]["state"], "pending", "still held: {log}");

    hold.add_permits(100);
    log_until(&team.editor, hook, |log| all_delivered(log, 3)).await;
}

async fn the_outbox_survives_a_restart(app_without_deliverer: common::TestApp) {
    let app = app_without_deliverer;
    let team = team(&app).await;
    let mut receiver = Receiver::start(&[], None).await;
    let (hook, secret) = register(&team, json!({"url": receiver.url})).await;
    let (id, segs) = statement(&team, "Parking rules", &[EN1, EN2]).await;
    translate_and_approve(&team, id, segs[0], HY1).await;

    // Acknowledged, waiting in the database, sent by nobody yet.
    let log = log_until(&team.editor, hook, |log| log.len() == 1).await;
    assert_eq!(log[0]["state"], "pending");
    assert_eq!(log[0]["attempts"], 0);
    assert!(receiver.hits.try_recv().is_err());

    // Another instance on the same database, with a deliverer, sends it.
    let mut config = Config::new(
        "127.0.0.1:0".parse().expect("addr"),
        app.database_url.clone(),
    );
    fast(&mut config);
    let (listener, router) = App::build(config).await.expect("second instance");
    tokio::spawn(App::serve(listener, router));
    let hit = receiver.next().await;
    assert!(verify(&secret, &hit));
    assert_eq!(hit.json()["data"]["segment_id"], segs[0]);
    assert_eq!(hit.id, log[0]["message_id"].as_str().expect("message id"));
    log_until(&team.editor, hook, |log| all_delivered(log, 1)).await;
}

fn no_deliverer(config: &mut Config) {
    fast(config);
    config.webhooks.deliver = false;
}

async fn hooks_hear_only_their_statements_and_events(app: common::TestApp) {
    let team = team(&app).await;
    let (first, first_segs) = statement(&team, "Parking rules", &[EN1]).await;
    let (second, second_segs) = statement(&team, "Comments", &[EN2]).await;
    approve_headline(&team, first, HY_TITLE).await;
    approve_headline(&team, second, "Մեկնաբանություններ").await;
    let mut one = Receiver::start(&[], None).await;
    let mut publications = Receiver::start(&[], None).await;
    let (one_hook, _) = register(&team, json!({"url": one.url, "statement_id": first})).await;
    let (pub_hook, _) = register(
        &team,
        json!({"url": publications.url, "events": ["statement.published"]}),
    )
    .await;

    translate_and_approve(&team, second, second_segs[0], HY2).await;
    let (status, body) = team
        .editor
        .post(
            &format!("/api/v1/statements/{second}/publications"),
            json!({}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    translate_and_approve(&team, first, first_segs[0], HY1).await;

    let hit = publications.next().await;
    assert_eq!(hit.json()["type"], "statement.published");
    assert_eq!(hit.json()["data"]["statement_id"], second);
    let mut heard = [one.next().await.json(), one.next().await.json()];
    heard.sort_by_key(|e| e["type"].as_str().unwrap_or_default().to_owned());
    assert_eq!(heard[0]["type"], "language.completed");
    assert_eq!(heard[1]["type"], "unit.approved");
    assert!(heard.iter().all(|e| e["data"]["statement_id"] == first));

    // The logs are written with the actions, so they show exactly what each hook was sent.
    let log = log_until(&team.editor, one_hook, |log| all_delivered(log, 2)).await;
    assert!(log.iter().all(|d| d["statement_id"] == first), "{log:?}");
    let log = log_until(&team.editor, pub_hook, |log| all_delivered(log, 1)).await;
    assert_eq!(log[0]["type"], "statement.published");

    let (status, _) = team
        .editor
        .call(
            Method::DELETE,
            &format!("/api/v1/webhooks/{pub_hook}"),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, body) = team
        .editor
        .get(&format!("/api/v1/webhooks/{pub_hook}/deliveries"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let (_, hooks) = team.editor.get("/api/v1/webhooks").await;
    assert_eq!(hooks.as_array().map(Vec::len), Some(1));
    assert_eq!(hooks[0]["id"], one_hook);
}

async fn two_deliverers_send_each_event_once(app: common::TestApp) {
    let team = team(&app).await;
    let mut receiver = Receiver::start(&[], None).await;
    let (hook, secret) = register(&team, json!({"url": receiver.url})).await;
    // A second instance with its own deliverer on the same database, as behind a load balancer.
    let mut config = Config::new(
        "127.0.0.1:0".parse().expect("addr"),
        app.database_url.clone(),
    );
    fast(&mut config);
    let (listener, router) = App::build(config).await.expect("second instance");
    tokio::spawn(App::serve(listener, router));

    let mut events = 0;
    for round in 0..3 {
        let paragraphs = [EN1, EN2];
        let (id, segs) = statement(&team, &format!("Round {round}"), &paragraphs).await;
        approve_headline(&team, id, &format!("Փուլ {round}")).await;
        translate_and_approve(&team, id, segs[0], HY1).await;
        translate_and_approve(&team, id, segs[1], HY2).await;
        // Three approvals and the completed language.
        events += 4;
    }
    let log = log_until(&team.editor, hook, |log| all_delivered(log, events)).await;
    for delivery in &log {
        assert_eq!(
            delivery["log"].as_array().map(Vec::len),
            Some(1),
            "sent twice: {delivery}"
        );
    }
    // Every request reaches the receiver before its attempt is logged, so all are in by now.
    let mut ids = std::collections::HashSet::new();
    while let Ok(hit) = receiver.hits.try_recv() {
        assert!(verify(&secret, &hit));
        assert!(ids.insert(hit.id.clone()), "{} arrived twice", hit.id);
    }
    assert_eq!(ids.len(), events);
}

const EN3: &str = "The hearing starts at ten in the town hall.";
const EN4: &str = "Written comments are accepted until Friday.";
const HY3: &str = "Լսումները սկսվում են ժամը տասին՝ քաղաքապետարանում։";
const HY4: &str = "Գրավոր դիտողություններն ընդունվում են մինչև ուրբաթ։";

/// Keeps two finished deliveries per hook, and retries late enough that a delivery sent back
/// once stays pending for the whole test.
fn short_log(config: &mut Config) {
    fast(config);
    config.webhooks.log_keep = 2;
    config.webhooks.retry_base = Duration::from_secs(60);
    config.webhooks.retry_cap = Duration::from_secs(120);
}

/// Rows of one table, read straight from the database behind the app.
async fn count_rows(app: &common::TestApp, table: &str) -> i64 {
    use sqlx::Connection;
    let sql = format!("SELECT COUNT(*) FROM {table}");
    match app.db {
        common::Db::Sqlite => {
            let mut conn = sqlx::SqliteConnection::connect(&app.database_url)
                .await
                .expect("open the SQLite file");
            sqlx::query_scalar(&sql)
                .fetch_one(&mut conn)
                .await
                .expect("count")
        }
        common::Db::Postgres => {
            let mut conn = sqlx::PgConnection::connect(&app.database_url)
                .await
                .expect("connect to PostgreSQL");
            sqlx::query_scalar(&sql)
                .fetch_one(&mut conn)
                .await
                .expect("count")
        }
    }
}

async fn the_log_keeps_the_newest_finished_deliveries(app: common::TestApp) {
    let team = team(&app).await;
    // The first delivery is refused once and waits a minute for its retry; the rest go through.
    let mut receiver = Receiver::start(&[500], None).await;
    let (hook, _) = register(
        &team,
        json!({"url": receiver.url, "events": ["unit.approved"]}),
    )
    .await;
    let (id, segs) = statement(&team, "Hearing", &[EN1, EN2, EN3, EN4]).await;

    translate_and_approve(&team, id, segs[0], HY1).await;
    let waiting = receiver.next().await;
    log_until(&team.editor, hook, |log| {
        log.len() == 1 && log[0]["attempts"] == 1 && log[0]["state"] == "pending"
    })
    .await;
    let mut sent = Vec::new();
    for (seg, text) in segs[1..].iter().zip([HY2, HY3, HY4]) {
        translate_and_approve(&team, id, *seg, text).await;
        let hit = receiver.next().await;
        // One at a time, so the order of the log is the order of the approvals.
        log_until(&team.editor, hook, |log| {
            log.first()
                .is_some_and(|d| d["message_id"] == hit.id.as_str() && d["state"] == "delivered")
        })
        .await;
        sent.push(hit.id);
    }

    // Of three delivered, the oldest is gone; the pending one, older still, stays.
    let log = log_until(&team.editor, hook, |log| log.len() == 3).await;
    let ids: Vec<&str> = log
        .iter()
        .map(|d| d["message_id"].as_str().expect("message id"))
        .collect();
    assert_eq!(
        ids,
        [sent[2].as_str(), sent[1].as_str(), waiting.id.as_str()],
        "{log:?}"
    );
    assert_eq!(log[2]["state"], "pending");
    // The dropped delivery took its attempt and its event along.
    assert_eq!(count_rows(&app, "webhook_deliveries").await, 3);
    assert_eq!(count_rows(&app, "webhook_attempts").await, 3);
    assert_eq!(count_rows(&app, "webhook_events").await, 3);
}

/// A failed delivery sent again on request lands once the receiver is back, its attempt logged
/// after the others; a new secret signs what follows and the old one no longer verifies.
async fn deliveries_are_retried_and_secrets_rotated(app: common::TestApp) {
    let team = team(&app).await;
    let mut receiver = Receiver::start(&[500, 500, 500], None).await;
    let (hook, old_secret) = register(
        &team,
        json!({"url": receiver.url, "events": ["unit.approved"]}),
    )
    .await;
    let (id, segs) = statement(&team, "Parking rules", &[EN1, EN2]).await;
    translate_and_approve(&team, id, segs[0], HY1).await;
    for _ in 0..3 {
        receiver.next().await;
    }
    let log = log_until(&team.editor, hook, |log| {
        log.len() == 1 && log[0]["state"] == "failed"
    })
    .await;
    let delivery = log[0]["id"].as_i64().expect("id");
    let retry = format!("/api/v1/webhooks/{hook}/deliveries/{delivery}/retry");
    let (status, _) = team.translator.post(&retry, json!(null)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = team
        .editor
        .post(
            &format!("/api/v1/webhooks/{hook}/deliveries/999999/retry"),
            json!(null),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");

    // Rotated before the retry: the retried attempt is signed with the new secret only.
    let (status, rotated) = team
        .editor
        .post(&format!("/api/v1/webhooks/{hook}/secret"), json!(null))
        .await;
    assert_eq!(status, StatusCode::OK, "{rotated}");
    let new_secret = rotated["secret"].as_str().expect("secret").to_owned();
    assert!(new_secret.starts_with("whsec_") && new_secret != old_secret);
    let (status, _) = team
        .editor
        .post("/api/v1/webhooks/999999/secret", json!(null))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let (status, body) = team.editor.post(&retry, json!(null)).await;
    assert_eq!(status, StatusCode::ACCEPTED, "{body}");
    let hit = receiver.next().await;
    assert!(verify(&new_secret, &hit), "signed with the new secret");
    assert!(!verify(&old_secret, &hit), "not with the old one");
    let log = log_until(&team.editor, hook, |log| {
        log.len() == 1 && log[0]["state"] == "delivered"
    })
    .await;
    assert_eq!(log[0]["attempts"], 4, "{log:?}");
    let statuses: Vec<&Value> = log[0]["log"]
        .as_array()
        .expect("attempts")
        .iter()
        .map(|a| &a["status"])
        .collect();
    assert_eq!(
        statuses,
        [&json!(500), &json!(500), &json!(500), &json!(200)]
    );
    // A delivered one may be sent again too (a receiver that lost it).
    let (status, _) = team.editor.post(&retry, json!(null)).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    receiver.next().await;
}

/// Without a deliverer, a delivery stays pending: asking to send it again is a conflict.
async fn a_pending_delivery_is_not_retried(app: common::TestApp) {
    let team = team(&app).await;
    let (hook, _) = register(&team, json!({"url": "https://hooks.example.org/tandem"})).await;
    let (id, segs) = statement(&team, "Parking rules", &[EN1]).await;
    translate_and_approve(&team, id, segs[0], HY1).await;
    let log = log_until(&team.editor, hook, |log| !log.is_empty()).await;
    assert_eq!(log[0]["state"], "pending");
    let delivery = log[0]["id"].as_i64().expect("id");
    let (status, body) = team
        .editor
        .post(
            &format!("/api/v1/webhooks/{hook}/deliveries/{delivery}/retry"),
            json!(null),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");
    assert_eq!(body["error"]["code"], "delivery_pending");
}

pub fn tests() -> Tests {
    Tests::new()
        .both_with(
            "retry_and_rotate",
            deliveries_are_retried_and_secrets_rotated,
            fast,
        )
        .both_with(
            "pending_not_retried",
            a_pending_delivery_is_not_retried,
            no_deliverer,
        )
        .both_with(
            "signed_events",
            events_are_signed_and_carry_their_data,
            fast,
        )
        .both_with("retries", failed_deliveries_are_retried_then_given_up, fast)
        .both_with(
            "hanging_receiver",
            a_hanging_receiver_does_not_hold_approvals,
            fast,
        )
        .both_with(
            "outbox_restart",
            the_outbox_survives_a_restart,
            no_deliverer,
        )
        .both_with(
            "per_statement",
            hooks_hear_only_their_statements_and_events,
            fast,
        )
        .both_with("two_deliverers", two_deliverers_send_each_event_once, fast)
        .both_with(
            "short_log",
            the_log_keeps_the_newest_finished_deliveries,
            short_log,
        )
}
