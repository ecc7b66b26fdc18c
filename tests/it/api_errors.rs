//! Malformed requests get a stable code, a localised message and leave nothing behind.

use crate::common;
use crate::harness::Tests;

use reqwest::{header, Client, StatusCode};
use serde_json::{json, Value};

async fn send_raw(
    app: &common::TestApp,
    path: &str,
    content_type: &str,
    body: Vec<u8>,
) -> (StatusCode, Value) {
    let resp = Client::new()
        .post(app.url(path))
        .header(header::CONTENT_TYPE, content_type)
        .body(body)
        .send()
        .await
        .expect("request");
    (resp.status(), resp.json().await.unwrap_or(Value::Null))
}

async fn malformed_bodies() {
    let app = common::TestApp::spawn_with(common::Db::Sqlite, |c| c.max_body_bytes = 4096).await;
    let (status, body) = send_raw(&app, "/api/v1/segment", "text/plain", b"hello".to_vec()).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(body["error"]["code"], "unsupported_media_type");

    let mut invalid = br#"{"lang": "hy", "text": ""#.to_vec();
    invalid.extend([0xff, 0xfe]);
    invalid.extend(br#""}"#);
    let (status, body) = send_raw(&app, "/api/v1/segment", "application/json", invalid).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["code"], "invalid_utf8");

    let (status, body) = send_raw(
        &app,
        "/api/v1/segment",
        "application/json",
        b"{not json".to_vec(),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["code"], "invalid_json");

    let big =
        serde_json::to_vec(&json!({"lang": "en", "text": "word ".repeat(2000)})).expect("json");
    let (status, body) = send_raw(&app, "/api/v1/segment", "application/json", big).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(body["error"]["code"], "payload_too_large");
    assert_eq!(body["error"]["details"]["limit"], 4096);

    let (status, body) = send_raw(
        &app,
        "/api/v1/segment",
        "application/json",
        br#"{"lang":"en","text":"  "}"#.to_vec(),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["code"], "empty_text");

    let resp = Client::new()
        .get(app.url("/api/v1/nowhere"))
        .send()
        .await
        .expect("get");
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
    let body: Value = resp.json().await.expect("json");
    assert_eq!(body["error"]["code"], "not_found");

    let resp = Client::new()
        .put(app.url("/api/v1/segment"))
        .send()
        .await
        .expect("put");
    assert_eq!(resp.status(), StatusCode::METHOD_NOT_ALLOWED);
    let body: Value = resp.json().await.expect("json");
    assert_eq!(body["error"]["code"], "method_not_allowed");
}

async fn messages_follow_the_negotiated_language() {
    let app = common::TestApp::spawn(common::Db::Sqlite).await;
    let bad = json!({"lang": "hy", "text": " "});
    let client = Client::new();
    let message = |resp: reqwest::Response| async move {
        let lang = resp
            .headers()
            .get(header::CONTENT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let body: Value = resp.json().await.expect("json");
        (
            lang,
            body["error"]["message"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        )
    };
    let (lang_en, en) = message(
        client
            .post(app.url("/api/v1/segment"))
            .json(&bad)
            .send()
            .await
            .expect("en"),
    )
    .await;
    let (lang_hy, hy) = message(
        client
            .post(app.url("/api/v1/segment?ui=hy"))
            .json(&bad)
            .send()
            .await
            .expect("hy"),
    )
    .await;
    let (lang_ru, ru) = message(
        client
            .post(app.url("/api/v1/segment"))
            .header(header::ACCEPT_LANGUAGE, "fr;q=1, ru-RU;q=0.8, en;q=0.5")
            .json(&bad)
            .send()
            .await
            .expect("ru"),
    )
    .await;
    let (lang_cookie, from_cookie) = message(
        client
            .post(app.url("/api/v1/segment"))
            .header(header::COOKIE, "ui=hy")
            .header(header::ACCEPT_LANGUAGE, "ru")
            .json(&bad)
            .send()
            .await
            .expect("cookie"),
    )
    .await;
    assert_eq!(
        (
            lang_en.as_deref(),
            lang_hy.as_deref(),
            lang_ru.as_deref(),
            lang_cookie.as_deref()
        ),
        (Some("en"), Some("hy"), Some("ru"), Some("hy"))
    );
    assert!(en.is_ascii() && !en.is_empty(), "{en}");
    assert!(
        hy.chars().any(|c| ('\u{0531}'..='\u{058A}').contains(&c)),
        "Armenian message: {hy}"
    );
    assert!(
        ru.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
        "Russian message: {ru}"
    );
    assert_eq!(from_cookie, hy, "the cookie outranks Accept-Language");
}

async fn segment_endpoint_shape() {
    let app = common::TestApp::spawn(common::Db::Sqlite).await;
    let resp = Client::new()
        .post(app.url("/api/v1/segment"))
        .json(&json!({"lang": "ru", "text": "Первый абзац. Второе предложение.\n\nВторой абзац."}))
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), StatusCode::OK);
    let body: Value = resp.json().await.expect("json");
    assert_eq!(body["lang"], "ru");
    assert_eq!(body["paragraphs"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        body["paragraphs"][0]["text"],
        "Первый абзац. Второе предложение."
    );
    assert_eq!(
        body["paragraphs"][0]["sentences"],
        json!(["Первый абзац.", "Второе предложение."])
    );
    let resp = Client::new()
        .post(app.url("/api/v1/segment"))
        .json(&json!({"lang": "e!", "text": "x"}))
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    let body: Value = resp.json().await.expect("json");
    assert_eq!(body["error"]["code"], "invalid_language");
    assert_eq!(body["error"]["details"]["tag"], "e!");
}

/// A PDF or a word-processor file where text belongs is named for what it is (415
/// `unsupported_media`, with a hint in the reader's language) and never becomes a statement.
async fn documents_where_text_belongs() {
    let app = common::TestApp::spawn(common::Db::Sqlite).await;
    let pdf = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".to_vec();
    for content_type in ["application/pdf", "application/json"] {
        let (status, body) =
            send_raw(&app, "/api/v1/segment?ui=hy", content_type, pdf.clone()).await;
        assert_eq!(
            status,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "{content_type}: {body}"
        );
        assert_eq!(body["error"]["code"], "unsupported_media", "{content_type}");
        assert_eq!(body["error"]["details"]["kind"], "PDF");
        let message = body["error"]["message"].as_str().unwrap_or_default();
        assert!(
            message.contains("PDF") && message.contains("տեքստ"),
            "{message}"
        );
    }

    // A DOCX read by a browser as text, as a form would send it.
    let mut docx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00".to_vec();
    docx.extend((0u8..=255).cycle().take(600));
    let pasted = String::from_utf8_lossy(&docx).into_owned();
    let editor = app.editor().await;
    let (status, body) = editor
        .post(
            "/api/v1/statements",
            json!({"title": "Report", "source_lang": "en", "target_langs": ["hy"], "text": pasted}),
        )
        .await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{body}");
    assert_eq!(body["error"]["code"], "unsupported_media");
    assert_eq!(body["error"]["details"]["kind"], "DOCX/ODT");
    // Noise with no signature is still not text.
    let noise: String = (1u8..32).cycle().take(400).map(char::from).collect();
    let (status, body) = editor
        .post(
            "/api/v1/statements",
            json!({"title": "Noise", "source_lang": "en", "target_langs": ["hy"], "text": noise}),
        )
        .await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{body}");
    assert_eq!(body["error"]["details"]["kind"], "binary");
    let (_, list) = editor.get("/api/v1/statements").await;
    assert_eq!(
        list.as_array().map(Vec::len),
        Some(0),
        "nothing was written: {list}"
    );

    // Real text with one stray control character is text.
    let (status, body) = editor
        .post(
            "/api/v1/statements",
            json!({"title": "Notice", "source_lang": "en", "target_langs": ["hy"],
                   "text": "The office opens at nine.\u{7} Visitors are welcome."}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
}

pub fn tests() -> Tests {
    Tests::new()
        .run("malformed_bodies", malformed_bodies)
        .run("documents_where_text_belongs", documents_where_text_belongs)
        .run(
            "messages_follow_the_negotiated_language",
            messages_follow_the_negotiated_language,
        )
        .run("segment_endpoint_shape", segment_endpoint_shape)
}
