//! Webhooks cannot reach the server's own network: more than forty hostile destinations, in
//! every spelling, are refused at registration or at delivery, and a listener on loopback
//! counts the connections Tandem makes to it (none). A receiver in a range the operator
//! allowed, reached through a public-looking name, still gets its signed deliveries.

use crate::common::{self, TestApp};
use crate::harness::Tests;
use crate::wait;

use std::collections::HashMap;
use std::future::Future;
use std::io;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::response::IntoResponse;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tandem::config::Config;
use tandem::outbound::Resolver;

/// The one public address the tests name (example.org's); nothing connects to it.
const PUBLIC: &str = "93.184.215.14";

/// The test's own resolver: fixed answers, and one name that answers a public address first
/// and loopback afterwards (DNS rebinding).
#[derive(Default)]
struct TestResolver {
    rebinding_asked: AtomicUsize,
}

impl Resolver for TestResolver {
    fn lookup<'a>(
        &'a self,
        host: &'a str,
    ) -> Pin<Box<dyn Future<Output = io::Result<Vec<IpAddr>>> + Send + 'a>> {
        let host = host.trim_end_matches('.').to_ascii_lowercase();
        let answer: Vec<&str> = match host.as_str() {
            "localhost" => vec!["127.0.0.1", "::1"],
            "internal.example.org" => vec!["127.0.0.1"],
            "intranet.example.org" => vec!["10.1.2.3", "fd00::7"],
            "metadata.example.org" => vec!["169.254.169.254"],
            "mapped.example.org" => vec!["::ffff:127.0.0.1"],
            "rebind.example.org" => {
                if self.rebinding_asked.fetch_add(1, Ordering::SeqCst) == 0 {
                    vec![PUBLIC]
                } else {
                    vec!["127.0.0.1"]
                }
            }
            // The allowed receivers, behind public-looking names.
            "hooks.example.org" | "mover.example.org" => vec!["127.0.0.2"],
            _ => vec![],
        };
        let addresses = answer.iter().filter_map(|a| a.parse().ok()).collect();
        Box::pin(async move { Ok(addresses) })
    }
}

fn settings(config: &mut Config) {
    config.outbound.resolver = Arc::new(TestResolver::default());
    // The operator allows exactly the receivers' address, nothing else of loopback.
    config.outbound.policy.allowed = vec!["127.0.0.2/32".parse().expect("a range")];
    config.webhooks.poll = Duration::from_millis(50);
    config.webhooks.max_attempts = 1;
    config.allow_self_review = true;
}

/// A listener on 127.0.0.1 that counts the connections made to it (and answers none).
async fn counting_listener() -> (u16, Arc<AtomicUsize>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let port = listener.local_addr().expect("addr").port();
    let accepted = Arc::new(AtomicUsize::new(0));
    let count = accepted.clone();
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            count.fetch_add(1, Ordering::SeqCst);
            drop(socket);
        }
    });
    (port, accepted)
}

/// An HTTP server on 127.0.0.2 (allowed): records what it receives and answers `redirect_to`
/// with a 302 when given, else 204.
async fn allowed_receiver(
    redirect_to: Option<String>,
) -> (u16, Arc<Mutex<Vec<HashMap<String, String>>>>) {
    let seen: Arc<Mutex<Vec<HashMap<String, String>>>> = Arc::default();
    let record = seen.clone();
    let router = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |headers: axum::http::HeaderMap| {
            let (record, redirect_to) = (record.clone(), redirect_to.clone());
            async move {
                record.lock().expect("lock").push(
                    headers
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or_default().to_owned()))
                        .collect(),
                );
                match redirect_to {
                    Some(to) => (
                        axum::http::StatusCode::FOUND,
                        [(axum::http::header::LOCATION, to)],
                    )
                        .into_response(),
                    None => axum::http::StatusCode::NO_CONTENT.into_response(),
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.2:0")
        .await
        .expect("bind 127.0.0.2");
    let port = listener.local_addr().expect("addr").port();
    tokio::spawn(async move { axum::serve(listener, router).await });
    (port, seen)
}

/// Every spelling of a destination in the server's own network that the URL itself shows, or
/// that the resolver gives away at registration: refused with 422 before anything is stored.
fn refused_at_registration(port: u16) -> Vec<String> {
    let p = port;
    [
        // Loopback, written every way a URL parser reads as 127.0.0.1.
        format!("http://127.0.0.1:{p}/hook"),
        format!("https://127.0.0.1:{p}/hook"),
        format!("http://127.1:{p}/hook"),
        format!("http://127.0.1:{p}/hook"),
        format!("http://127.255.255.254:{p}/hook"),
        format!("http://2130706433:{p}/hook"),
        format!("http://0177.0.0.1:{p}/hook"),
        format!("http://017700000001:{p}/hook"),
        format!("http://0x7f.0.0.1:{p}/hook"),
        format!("http://0x7f000001:{p}/hook"),
        format!("http://0x7f.1:{p}/hook"),
        format!("http://127.000.000.001:{p}/hook"),
        format!("http://localhost:{p}/hook"),
        format!("http://LOCALHOST.:{p}/hook"),
        format!("http://internal.example.org:{p}/hook"),
        format!("http://mapped.example.org:{p}/hook"),
        format!("http://[::1]:{p}/hook"),
        format!("http://[0:0:0:0:0:0:0:1]:{p}/hook"),
        format!("http://[::ffff:127.0.0.1]:{p}/hook"),
        format!("http://[::ffff:7f00:1]:{p}/hook"),
        format!("http://[::127.0.0.1]:{p}/hook"),
        format!("http://[64:ff9b::7f00:1]:{p}/hook"),
        format!("http://[2002:7f00:1::1]:{p}/hook"),
        format!("http://[::ffff:0:7f00:1]:{p}/hook"),
        // Unspecified: connecting to it reaches this host.
        format!("http://0.0.0.0:{p}/hook"),
        format!("http://0:{p}/hook"),
        format!("http://[::]:{p}/hook"),
        // Private, shared and link-local networks, the cloud metadata service among them.
        "http://10.0.0.1/hook".to_owned(),
        "http://172.16.0.1/hook".to_owned(),
        "http://172.31.255.255/hook".to_owned(),
        "http://192.168.1.1/hook".to_owned(),
        "http://100.64.0.1/hook".to_owned(),
        "http://169.254.169.254/latest/meta-data/".to_owned(),
        "http://[::ffff:a9fe:a9fe]/latest/meta-data/".to_owned(),
        "http://metadata.example.org/latest/meta-data/".to_owned(),
        "http://intranet.example.org/hook".to_owned(),
        "http://[fe80::1]/hook".to_owned(),
        "http://[fd00::1]/hook".to_owned(),
        "http://[fc00::1]/hook".to_owned(),
        // Multicast, broadcast, documentation, benchmarking, reserved.
        "http://224.0.0.1/hook".to_owned(),
        "http://[ff02::1]/hook".to_owned(),
        "http://255.255.255.255/hook".to_owned(),
        "http://192.0.2.1/hook".to_owned(),
        "http://198.51.100.1/hook".to_owned(),
        "http://203.0.113.1/hook".to_owned(),
        "http://[2001:db8::1]/hook".to_owned(),
        "http://198.18.0.1/hook".to_owned(),
        "http://240.0.0.1/hook".to_owned(),
    ]
    .into()
}

async fn register(editor: &common::Session, url: &str) -> (StatusCode, Value) {
    editor
        .post(
            "/api/v1/webhooks",
            json!({"url": url, "events": ["unit.approved"]}),
        )
        .await
}

/// Saves, submits and approves the first paragraph of a new statement, so every hook that
/// hears `unit.approved` gets a delivery.
async fn approve_something(root: &common::Session) {
    let (status, created) = root
        .post(
            "/api/v1/statements",
            json!({"title": "Notice", "source_lang": "en", "target_langs": ["hy"],
                   "text": "The office is closed on Monday."}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let path = format!(
        "/api/v1/statements/{}/segments/{}/translations/hy",
        created["id"], created["segments"][0]["id"]
    );
    let (status, saved) = root
        .call(
            Method::PUT,
            &path,
            Some(json!({"text": "Գրասենյակը երկուշաբթի փակ է։", "base_version": 1})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let (_, submitted) = root
        .post(
            &format!("{path}/submit"),
            json!({"base_version": saved["version"]}),
        )
        .await;
    let (status, approved) = root
        .post(
            &format!("{path}/approve"),
            json!({"base_version": submitted["version"]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{approved}");
}

/// The finished delivery of `hook`, once it has one.
async fn finished(editor: &common::Session, hook: i64) -> Value {
    wait::until(format!("a finished delivery of hook {hook}"), async || {
        let (_, log) = editor
            .get(&format!("/api/v1/webhooks/{hook}/deliveries"))
            .await;
        match log.as_array().and_then(|l| l.first()) {
            Some(d) if d["state"] != "pending" => Ok(d.clone()),
            _ => Err(log),
        }
    })
    .await
}

async fn hostile_destinations_are_refused(app: TestApp) {
    let (port, accepted) = counting_listener().await;
    app.add_user("root", true, true, &[]).await;
    let root = app.sign_in("root").await;

    // Refused at registration, in the reader's language, with the range named.
    let hostile = refused_at_registration(port);
    for url in &hostile {
        let (status, body) = register(&root, url).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{url}: {body}");
        assert_eq!(body["error"]["code"], "webhook_url_forbidden", "{url}");
        assert!(
            body["error"]["details"]["range"].is_string(),
            "{url}: {body}"
        );
    }
    let (_, hooks) = root.get("/api/v1/webhooks").await;
    assert_eq!(hooks, json!([]), "nothing was registered");
    let url = format!("http://localhost:{port}/");
    for (lang, words) in [
        ("hy", "սերվերի սեփական"),
        ("ru", "loopback-адрес этого сервера"),
        ("en", "own loopback address"),
    ] {
        let resp = root
            .client
            .post(app.url("/api/v1/webhooks"))
            .header("x-csrf-token", &root.csrf)
            .header("accept-language", lang)
            .json(&json!({"url": url}))
            .send()
            .await
            .expect("request");
        let body: Value = resp.json().await.expect("json");
        let message = body["error"]["message"].as_str().unwrap_or_default();
        assert!(
            message.contains(words) && message.contains("127.0.0.1"),
            "{lang}: {message}"
        );
    }

    // What registration cannot see is refused when the connection is made: a name that
    // answered a public address first and loopback now, and a receiver (allowed) that
    // redirects to loopback. Both fail without a connection to loopback.
    let (status, rebinding) =
        register(&root, &format!("http://rebind.example.org:{port}/hook")).await;
    assert_eq!(
        status,
        StatusCode::CREATED,
        "the first answer was public: {rebinding}"
    );
    let (mover_port, _) = allowed_receiver(Some(format!("http://127.0.0.1:{port}/hook"))).await;
    let (status, mover) = register(
        &root,
        &format!("http://mover.example.org:{mover_port}/hook"),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{mover}");
    // A hook that an older version stored with a loopback address written in it: the
    // connection refuses it too (such an address never reaches the resolver).
    let (status, stored) = register(&root, &format!("http://hooks.example.org:{port}/old")).await;
    assert_eq!(status, StatusCode::CREATED, "{stored}");
    let old = stored["id"].as_i64().expect("id");
    app.execute_sql(&format!(
        "UPDATE webhooks SET url = 'http://2130706433:{port}/old' WHERE id = {old}"
    ))
    .await;
    // And the receiver that is allowed on purpose, behind a public-looking name.
    let (good_port, received) = allowed_receiver(None).await;
    let (status, good) =
        register(&root, &format!("http://hooks.example.org:{good_port}/hook")).await;
    assert_eq!(status, StatusCode::CREATED, "{good}");

    approve_something(&root).await;
    let rebinding = finished(&root, rebinding["id"].as_i64().expect("id")).await;
    assert_eq!(rebinding["state"], "failed", "{rebinding}");
    let why = rebinding["log"][0]["error"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        why.contains("refused") && why.contains("127.0.0.1"),
        "{rebinding}"
    );
    let mover = finished(&root, mover["id"].as_i64().expect("id")).await;
    assert_eq!(mover["log"][0]["status"], 302, "not followed: {mover}");
    let old = finished(&root, old).await;
    let why = old["log"][0]["error"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        why.contains("refused") && why.contains("127.0.0.1"),
        "{old}"
    );
    let good = finished(&root, good["id"].as_i64().expect("id")).await;
    assert_eq!(good["state"], "delivered", "{good}");
    let headers = received.lock().expect("lock").clone();
    assert_eq!(headers.len(), 1);
    assert!(headers[0]["webhook-signature"].starts_with("v1,"));

    assert!(
        hostile.len() + 2 >= 40,
        "at least forty hostile destinations"
    );
    assert_eq!(
        accepted.load(Ordering::SeqCst),
        0,
        "connections made to the loopback listener"
    );
}

pub fn tests() -> Tests {
    Tests::new().both_with(
        "hostile_destinations_are_refused",
        hostile_destinations_are_refused,
        settings,
    )
}
