//! Many writers on one unit: no lost update, no duplicate, no server error, no busy database.

use crate::common;
use crate::harness::Tests;

use std::collections::HashMap;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tandem::domain::role::LanguageRole::{Reviewer, Translator};

const CLIENTS: usize = 50;
const SAVES: usize = 20;

async fn fifty_clients_saving(app: common::TestApp) {
    let editor = app.editor().await;
    app.add_user("crowd", false, false, &[(Translator, "hy")])
        .await;
    let (_, created) = editor
        .post("/api/v1/statements", json!({"title": "Busy", "source_lang": "en", "target_langs": ["hy"], "text": "One busy paragraph.", "open_to_translators": true}))
        .await;
    let id = created["id"].as_i64().expect("id");
    let seg = created["segments"][0]["id"].as_i64().expect("seg");
    let path = format!("/api/v1/statements/{id}/segments/{seg}/translations/hy");
    let session = std::sync::Arc::new(app.sign_in("crowd").await);
    let mut tasks = Vec::new();
    for client in 0..CLIENTS {
        let session = session.clone();
        let path = path.clone();
        tasks.push(tokio::spawn(async move {
            let mut version = 1;
            let mut accepted = Vec::new();
            let mut conflicts = 0;
            for save in 0..SAVES {
                let text = format!("client {client} save {save}");
                loop {
                    let (status, body) = session
                        .call(
                            Method::PUT,
                            &path,
                            Some(json!({"text": text, "base_version": version})),
                        )
                        .await;
                    match status {
                        StatusCode::OK => {
                            version = body["version"].as_i64().expect("version");
                            accepted.push((text.clone(), version));
                            break;
                        }
                        StatusCode::CONFLICT => {
                            conflicts += 1;
                            version = body["error"]["details"]["current"]["version"]
                                .as_i64()
                                .expect("current version");
                        }
                        other => panic!("unexpected {other}: {body}"),
                    }
                }
            }
            (accepted, conflicts)
        }));
    }
    let mut accepted: Vec<(String, i64)> = Vec::new();
    let mut conflicts = 0;
    for task in tasks {
        let (mine, c) = task.await.expect("client finished");
        accepted.extend(mine);
        conflicts += c;
    }
    assert_eq!(accepted.len(), CLIENTS * SAVES);
    let (_, history) = session.get(&format!("{path}/history")).await;
    let history = history.as_array().cloned().unwrap_or_default();
    assert_eq!(
        history.len(),
        CLIENTS * SAVES,
        "the history holds exactly the accepted saves"
    );
    let mut seen: HashMap<String, i64> = HashMap::new();
    for revision in &history {
        let text = revision["text"].as_str().expect("text").to_owned();
        assert!(
            seen.insert(text.clone(), revision["version"].as_i64().expect("v"))
                .is_none(),
            "{text} twice"
        );
    }
    for (text, version) in &accepted {
        assert_eq!(
            seen.get(text),
            Some(version),
            "accepted save {text} is in the history at its version"
        );
    }
    let versions: Vec<i64> = history
        .iter()
        .filter_map(|r| r["version"].as_i64())
        .collect();
    assert_eq!(
        versions,
        (2..=(CLIENTS * SAVES) as i64 + 1).collect::<Vec<_>>(),
        "no gaps, no reuse"
    );
    eprintln!(
        "{} saves accepted after {conflicts} conflicts",
        accepted.len()
    );
}

async fn two_reviewers_at_once(app: common::TestApp) {
    let editor = app.editor().await;
    app.add_user("writer", false, false, &[(Translator, "ru")])
        .await;
    app.add_user("r1", false, false, &[(Reviewer, "ru")]).await;
    app.add_user("r2", false, false, &[(Reviewer, "ru")]).await;
    let writer = app.sign_in("writer").await;
    let r1 = app.sign_in("r1").await;
    let r2 = app.sign_in("r2").await;
    let (_, created) = editor
        .post("/api/v1/statements", json!({"title": "Race", "source_lang": "en", "target_langs": ["ru"], "text": "Two reviewers race here.", "open_to_translators": true}))
        .await;
    let id = created["id"].as_i64().expect("id");
    let seg = created["segments"][0]["id"].as_i64().expect("seg");
    let path = format!("/api/v1/statements/{id}/segments/{seg}/translations/ru");
    let mut version = 1;
    for round in 0..10 {
        let (s, body) = writer
            .call(
                Method::PUT,
                &path,
                Some(json!({"text": format!("Вариант {round}"), "base_version": version})),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{body}");
        let (s, body) = writer
            .post(
                &format!("{path}/submit"),
                json!({"base_version": version + 1}),
            )
            .await;
        assert_eq!(s, StatusCode::OK, "{body}");
        let base = version + 2;
        let (approve_path, reject_path) = (format!("{path}/approve"), format!("{path}/reject"));
        let approve = r1.post(&approve_path, json!({"base_version": base}));
        let reject = r2.post(
            &reject_path,
            json!({"base_version": base, "comment": "Не то."}),
        );
        let ((sa, _), (sr, _)): ((StatusCode, Value), (StatusCode, Value)) =
            tokio::join!(approve, reject);
        let mut outcomes = [sa, sr];
        outcomes.sort();
        assert_eq!(
            outcomes,
            [StatusCode::OK, StatusCode::CONFLICT],
            "round {round}: exactly one wins"
        );
        let (_, unit) = writer.get(&path).await;
        let state = unit["state"].as_str().expect("state");
        assert_eq!(
            sa == StatusCode::OK,
            state == "approved",
            "the winner decided the state"
        );
        version = unit["version"].as_i64().expect("version");
        assert_eq!(version, base + 1);
    }
}

pub fn tests() -> Tests {
    Tests::new()
        .both("saves_under_contention", fifty_clients_saving)
        .both("reviewers_race", two_reviewers_at_once)
}
