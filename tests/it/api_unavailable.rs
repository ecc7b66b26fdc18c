//! A database that goes away: every operation that documents 503 answers it, with the error body.

use crate::harness::Tests;
use std::sync::Arc;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tandem::app::App;
use tandem::config::Config;
use tandem::store::sqlite::SqliteStore;
use tandem::store::Store;

/// The contract check (`.ci/contract`) cannot take the database away from a running server, so
/// the 503 it finds documented on nearly every operation is shown here, operation by operation.
async fn every_operation_documenting_503_answers_it_without_its_database() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("tandem.db").display());
    let store = Arc::new(SqliteStore::open(&url).await.expect("open"));
    store.migrate().await.expect("migrate");
    let config = Config::new("127.0.0.1:0".parse().expect("addr"), url);
    let sealer = Arc::new(tandem::secrets::Sealer::new(
        &tandem::secrets::SecretKey::generate(),
    ));
    let state = App::state(config, store.clone(), sealer).expect("state");
    let (listener, router) = App::bind(state).await.expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(App::serve(listener, router));
    let client = reqwest::Client::new();

    let doc: Value = client
        .get(format!("{base}/api/openapi.json"))
        .send()
        .await
        .expect("openapi")
        .json()
        .await
        .expect("json");
    let ready = client
        .get(format!("{base}/readyz"))
        .send()
        .await
        .expect("readyz");
    assert_eq!(
        ready.status(),
        StatusCode::OK,
        "the database is there at first"
    );

    store.close().await;

    let mut checked = 0;
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("path item") {
            if operation["responses"].get("503").is_none() {
                continue;
            }
            let concrete = path
                .replace("{id}", "1")
                .replace("{seg}", "1")
                .replace("{lang}", "hy")
                .replace("{slug}", "x")
                .replace("{version}", "1");
            // A well-formed request, so that nothing before the database refuses it first.
            let body = if path == "/api/v1/session" && method == "post" {
                json!({"username": "anush", "password": "correct horse"})
            } else {
                json!({})
            };
            let response = client
                .request(
                    Method::from_bytes(method.to_uppercase().as_bytes()).expect("method"),
                    format!("{base}{concrete}?format=tbx&src=en&tgt=hy&q=x"),
                )
                .bearer_auth("tdm_not_checked_because_the_database_is_gone")
                .header("content-type", "application/json")
                .body(body.to_string())
                .send()
                .await
                .expect("request");
            let status = response.status();
            let answer: Value = response.json().await.unwrap_or(Value::Null);
            assert_eq!(
                status,
                StatusCode::SERVICE_UNAVAILABLE,
                "{method} {path}: {answer}"
            );
            assert_eq!(answer["error"]["code"], "unavailable", "{method} {path}");
            checked += 1;
        }
    }
    assert!(checked > 40, "only {checked} operations document 503");
}

pub fn tests() -> Tests {
    Tests::new().run(
        "every_operation_documenting_503_answers_it_without_its_database",
        every_operation_documenting_503_answers_it_without_its_database,
    )
}
