//! Operations: Prometheus metrics by route, and `tandem backup` of a live SQLite database.

use crate::common;
use crate::harness::Tests;
use crate::server;

use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use reqwest::StatusCode;
use serde_json::json;

use server::Server;

async fn metrics_count_requests_by_route() {
    let app = common::TestApp::spawn(common::Db::Sqlite).await;
    let client = reqwest::Client::new();
    for _ in 0..3 {
        client
            .get(app.url("/healthz"))
            .send()
            .await
            .expect("healthz");
    }
    // Two different ids count under one route pattern, not one series per statement.
    for id in [41, 42] {
        let resp = client
            .get(app.url(&format!("/api/v1/statements/{id}")))
            .send()
            .await
            .expect("statement");
        assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    }
    let resp = client
        .get(app.url("/metrics"))
        .send()
        .await
        .expect("metrics");
    assert_eq!(resp.status(), StatusCode::OK);
    let kind = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(kind.starts_with("application/openmetrics-text"), "{kind}");
    let text = resp.text().await.expect("body");
    let line = |prefix: &str| {
        text.lines()
            .find(|l| l.starts_with(prefix))
            .unwrap_or_else(|| panic!("no line starting {prefix:?} in\n{text}"))
            .to_owned()
    };
    assert!(
        line("tandem_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"}")
            .ends_with(" 3")
    );
    assert!(line(
        "tandem_http_requests_total{method=\"GET\",route=\"/api/v1/statements/{id}\",status=\"401\"}"
    )
    .ends_with(" 2"));
    assert!(
        !text.contains("/api/v1/statements/41"),
        "raw paths never become labels"
    );
    line("tandem_http_request_duration_seconds_bucket{le=\"0.005\",method=\"GET\",route=\"/healthz\"}");
    line("tandem_db_connections{pool=\"writer\",state=\"open\"}");
    line("tandem_memory_units ");
    line("tandem_memory_index_bytes ");
    assert!(text.trim_end().ends_with("# EOF"));
}

/// With `--metrics-token`, /metrics answers only with the token, as a bearer.
async fn metrics_can_require_a_token() {
    let app = common::TestApp::spawn_with(common::Db::Sqlite, |c| {
        c.metrics_token = Some("scrape-4b9f0c".to_owned());
    })
    .await;
    let client = reqwest::Client::new();
    let scrape = |token: Option<&'static str>| {
        let mut request = client.get(app.url("/metrics"));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send()
    };
    for refused in [None, Some("scrape-4b9f0d"), Some("scrape"), Some("")] {
        let resp = scrape(refused).await.expect("metrics");
        assert_eq!(
            resp.status(),
            reqwest::StatusCode::UNAUTHORIZED,
            "{refused:?}"
        );
        assert!(resp.headers().contains_key("www-authenticate"));
        let body = resp.text().await.expect("text");
        assert!(!body.contains("tandem_"), "nothing leaks: {body}");
    }
    let resp = scrape(Some("scrape-4b9f0c")).await.expect("metrics");
    assert_eq!(resp.status(), reqwest::StatusCode::OK);
    assert!(resp
        .text()
        .await
        .expect("text")
        .contains("tandem_live_receivers"));
}

async fn backup_of_a_live_database_is_consistent() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("live.db").display());
    let password = "a backup drill passphrase";
    let srv = Server::start(&url, &[]).await;
    server::add_user(&url, "editor", &["--editor"], password);
    let token = server::bearer_token(&srv.url(""), "editor", password).await;
    let client = server::bearer_client(&token, Duration::from_secs(30));

    // Statements keep being created while the backup runs.
    let created = Arc::new(AtomicUsize::new(0));
    let writer = {
        let created = created.clone();
        let url = srv.url("/api/v1/statements");
        let client = client.clone();
        tokio::spawn(async move {
            for i in 0..400 {
                let resp = client
                    .post(&url)
                    .json(&json!({"title": format!("Հայտարարություն {i}"), "source_lang": "en",
                                  "target_langs": ["hy"], "text": format!("Notice number {i} for the residents.")}))
                    .send()
                    .await;
                match resp {
                    Ok(r) if r.status() == StatusCode::CREATED => {
                        created.fetch_add(1, Ordering::SeqCst);
                    }
                    _ => break,
                }
            }
        })
    };
    while created.load(Ordering::SeqCst) < 20 {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let before = created.load(Ordering::SeqCst);
    let copy = dir.path().join("copy.db");
    let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["backup", "--database-url", &url])
        .arg(&copy)
        .env_remove("TANDEM_DATABASE_URL")
        .output()
        .expect("run tandem backup");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let after = created.load(Ordering::SeqCst);
    writer.await.expect("writer");
    srv.terminate();

    // The copy holds at least every statement acknowledged before the backup began, and no more
    // than were acknowledged by its end; it passes SQLite's own check.
    let store = tandem::store::open(&format!("sqlite://{}", copy.display()))
        .await
        .expect("open the copy");
    let in_copy = store.list_statements().await.expect("statements").len();
    assert!(
        (before..=after + 1).contains(&in_copy),
        "{before} <= {in_copy} <= {after} + 1 in flight"
    );
    // A second backup to the same file is refused rather than overwriting it.
    let again = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["backup", "--database-url", &url])
        .arg(&copy)
        .env_remove("TANDEM_DATABASE_URL")
        .output()
        .expect("run tandem backup");
    assert!(!again.status.success());
}

async fn postgres_backups_point_to_pg_dump() {
    let (url, _) = common::fresh_database(common::Db::Postgres).await;
    let out = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["backup", "--database-url", &url, "/tmp/never-written.db"])
        .env_remove("TANDEM_DATABASE_URL")
        .output()
        .expect("run tandem backup");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("pg_dump"));
}

pub fn tests() -> Tests {
    Tests::new()
        .run(
            "metrics_count_requests_by_route",
            metrics_count_requests_by_route,
        )
        .run("metrics_can_require_a_token", metrics_can_require_a_token)
        .run(
            "backup_of_a_live_database_is_consistent",
            backup_of_a_live_database_is_consistent,
        )
        .run(
            "postgres_backups_point_to_pg_dump",
            postgres_backups_point_to_pg_dump,
        )
}
