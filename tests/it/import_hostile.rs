//! Hostile and broken files sent to the import endpoint: each refused with a clear code, quickly,
//! and nothing written, on both databases.

use crate::common;
use crate::harness::Tests;

use reqwest::{header, StatusCode};
use serde_json::{json, Value};
use tandem::domain::role::LanguageRole::Translator;

fn cases() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hostile");
    std::fs::read_to_string(format!("{dir}/expected.tsv"))
        .expect("expected.tsv")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
        .map(|(file, code)| (format!("{dir}/{file}"), code.trim().to_owned()))
        .collect()
}

async fn hostile_uploads(app: common::TestApp) {
    let editor = app.editor().await;
    app.add_user("importer", false, false, &[(Translator, "hy")])
        .await;
    let translator = app.sign_in("importer").await;
    let (_, created) = editor
        .post("/api/v1/statements", json!({"title": "Target", "source_lang": "en", "target_langs": ["hy"], "text": "One.\n\nTwo."}))
        .await;
    let id = created["id"].as_i64().expect("id");
    let (_, before) = translator
        .get(&format!("/api/v1/statements/{id}/translations/hy"))
        .await;
    let send = |body: Vec<u8>| {
        let translator = &translator;
        async move {
            let resp = translator
                .client
                .post(format!(
                    "{}/api/v1/statements/{id}/import?lang=hy",
                    translator.base
                ))
                .header("x-csrf-token", &translator.csrf)
                .header(header::CONTENT_TYPE, "application/xliff+xml")
                .body(body)
                .send()
                .await
                .expect("send");
            let status = resp.status();
            let body: Value = resp.json().await.unwrap_or(Value::Null);
            (status, body)
        }
    };
    let cases = cases();
    assert!(cases.len() >= 30, "at least 30 hostile files");
    for (file, expected) in &cases {
        let (status, body) = send(std::fs::read(file).expect("file")).await;
        if expected == "xml_too_large" {
            assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{file}: {body}");
        } else {
            assert_eq!(status, StatusCode::BAD_REQUEST, "{file}: {body}");
            assert_eq!(body["error"]["code"], "invalid_xliff", "{file}: {body}");
            assert_eq!(
                body["error"]["details"]["rule"],
                expected.as_str(),
                "{file}: {body}"
            );
            assert!(!body["error"]["message"].as_str().unwrap_or("").is_empty());
        }
    }
    // Generated at run time: far too deep, and far too big for the body limit.
    let deep = format!("{}{}", "<a>".repeat(10_000), "</a>".repeat(10_000)).into_bytes();
    let (status, body) = send(deep).await;
    assert_eq!(
        (status, body["error"]["details"]["rule"].as_str()),
        (StatusCode::BAD_REQUEST, Some("xml_too_deep")),
        "{body}"
    );
    let huge = vec![b' '; 3 * 1024 * 1024];
    let (status, body) = send(huge).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    assert_eq!(body["error"]["code"], "payload_too_large");

    let (_, after) = translator
        .get(&format!("/api/v1/statements/{id}/translations/hy"))
        .await;
    assert_eq!(before, after, "no hostile file changed anything");
}

pub fn tests() -> Tests {
    Tests::new().both("hostile_files_are_refused", hostile_uploads)
}
