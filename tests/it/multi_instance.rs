//! Two `tandem serve` processes on one PostgreSQL database behave as one service: migrations run
//! once, sessions work on both, live events and presence cross over, and the memory stays current.

use crate::common;
use crate::harness::Tests;
use crate::server;
use crate::wait;

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{json, Value};

use common::Db;
use server::Server;

const PASSWORD: &str = "two instances, one database";

/// A long paragraph, so that its live event is too big for one NOTIFY and takes the other path.
fn long_paragraph() -> String {
    let sentence = "The committee heard residents of every district about the new bus routes, \
                    and it will publish a summary of what they said before the next session. ";
    sentence.repeat(60).trim_end().to_owned()
}

async fn json_of(resp: reqwest::Response) -> (StatusCode, Value) {
    let status = resp.status();
    (status, resp.json().await.unwrap_or(Value::Null))
}

async fn two_instances_act_as_one_service() {
    let (url, _) = common::fresh_database(Db::Postgres).await;
    // Both start at once on an empty schema: one applies the migrations, the other waits for it.
    let mut a = Server::spawn(&url, &[]);
    let mut b = Server::spawn(&url, &[]);
    for server in [&mut a, &mut b] {
        if let Err(why) = server.listening(server::START_TIMEOUT).await {
            panic!("an instance did not start: {why}\n{}", server.stderr());
        }
    }
    let store = tandem::store::open(&url).await.expect("store");
    let files = std::fs::read_dir("migrations/postgres")
        .expect("migrations")
        .count();
    let applied = sqlx_count(&url).await;
    assert_eq!(
        applied, files as i64,
        "every migration applied exactly once"
    );
    drop(store);

    server::add_user(&url, "editor", &["--editor"], PASSWORD);
    server::add_user(&url, "narek", &["--translator", "hy"], PASSWORD);
    server::add_user(&url, "ruzan", &["--reviewer", "hy"], PASSWORD);

    // A session opened on one instance works on the other: sessions live in the database.
    let browser = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .expect("client");
    let (status, _) = json_of(
        browser
            .post(a.url("/api/v1/session"))
            .json(&json!({"username": "narek", "password": PASSWORD}))
            .send()
            .await
            .expect("sign in on A"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, me) = json_of(
        browser
            .get(b.url("/api/v1/me"))
            .send()
            .await
            .expect("me on B"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{me}");
    assert_eq!(me["user"]["username"], "narek", "{me}");

    let timeout = Duration::from_secs(60);
    let editor = server::bearer_client(
        &server::bearer_token(&a.url(""), "editor", PASSWORD).await,
        timeout,
    );
    let translator = server::bearer_client(
        &server::bearer_token(&a.url(""), "narek", PASSWORD).await,
        timeout,
    );
    let reviewer = server::bearer_client(
        &server::bearer_token(&b.url(""), "ruzan", PASSWORD).await,
        timeout,
    );
    let first = "Bus routes will change on 1 March.";
    let (status, created) = json_of(
        editor
            .post(a.url("/api/v1/statements"))
            .json(
                &json!({"title": "Bus routes", "source_lang": "en", "target_langs": ["hy"],
                          "text": format!("{first}\n\n{}", long_paragraph()),
                          "open_to_translators": true}),
            )
            .send()
            .await
            .expect("create"),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_i64().expect("id");
    let segs: Vec<i64> = created["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .filter_map(|s| s["id"].as_i64())
        .collect();

    // The reviewer watches on B; the translator works on A.
    let mut stream = reviewer
        .get(b.url(&format!("/api/v1/statements/{id}/events")))
        .send()
        .await
        .expect("events on B");
    assert_eq!(stream.status(), StatusCode::OK);
    let mut buffer = String::new();
    let (status, _) = json_of(
        translator
            .post(a.url(&format!("/api/v1/statements/{id}/presence")))
            .json(&json!({"lang": "hy", "segment_id": segs[1]}))
            .send()
            .await
            .expect("presence on A"),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let presence = common::next_event(&mut stream, &mut buffer, "presence", |_| true).await;
    assert_eq!(presence["segment_id"], segs[1]);

    // A view opened on B later still learns who is editing on A.
    let mut late = reviewer
        .get(b.url(&format!("/api/v1/statements/{id}/events")))
        .send()
        .await
        .expect("late events on B");
    let mut late_buffer = String::new();
    let mark = common::next_event(&mut late, &mut late_buffer, "presence", |_| true).await;
    assert_eq!(mark["segment_id"], segs[1]);

    // A save of the long paragraph on A reaches B whole (its event is larger than a NOTIFY).
    let long_text = "Կոմիտեն լսեց բոլոր թաղամասերի բնակիչներին նոր երթուղիների մասին։ ".repeat(40);
    let path = |seg: i64| format!("/api/v1/statements/{id}/segments/{seg}/translations/hy");
    let (status, saved) = json_of(
        translator
            .put(a.url(&path(segs[1])))
            .json(&json!({"text": long_text, "base_version": 1}))
            .send()
            .await
            .expect("save on A"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let event = common::next_event(&mut stream, &mut buffer, "unit", |v| {
        v["unit"]["segment_id"] == segs[1]
    })
    .await;
    assert_eq!(event["unit"]["text"], long_text.as_str());
    assert_eq!(event["unit"]["version"], saved["version"]);

    // An approval on B is found by the memory of A within moments.
    let armenian = "Երթուղիները կփոխվեն մարտի 1-ին։";
    let (status, body) = json_of(
        translator
            .put(a.url(&path(segs[0])))
            .json(&json!({"text": armenian, "base_version": 1}))
            .send()
            .await
            .expect("save"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = json_of(
        translator
            .post(a.url(&format!("{}/submit", path(segs[0]))))
            .json(&json!({"base_version": 2}))
            .send()
            .await
            .expect("submit"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, body) = json_of(
        reviewer
            .post(b.url(&format!("{}/approve", path(segs[0]))))
            .json(&json!({"base_version": 3}))
            .send()
            .await
            .expect("approve on B"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    wait::until("A's memory to learn B's approval", async || {
        let (_, found) = json_of(
            translator
                .get(a.url("/api/v1/memory/match"))
                .query(&[("src", "en"), ("tgt", "hy"), ("q", first)])
                .send()
                .await
                .expect("match on A"),
        )
        .await;
        if found[0]["target"] == armenian {
            Ok(())
        } else {
            Err(found)
        }
    })
    .await;
}

async fn sqlx_count(url: &str) -> i64 {
    use sqlx::Connection;
    let mut conn = sqlx::PgConnection::connect(url).await.expect("connect");
    let (total, distinct): (i64, i64) = sqlx::query_as(
        "SELECT count(*), count(DISTINCT version) FROM _sqlx_migrations WHERE success",
    )
    .fetch_one(&mut conn)
    .await
    .expect("migrations table");
    assert_eq!(total, distinct, "no migration is recorded twice");
    total
}

pub fn tests() -> Tests {
    Tests::new().run(
        "two_instances_act_as_one_service",
        two_instances_act_as_one_service,
    )
}
