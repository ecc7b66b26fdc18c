//! Statements over the API: create in hy, en and ru and read back with segments and sentences.

use crate::common;
use crate::harness::Tests;

use reqwest::StatusCode;
use serde_json::json;

async fn armenian_statement_round_trip(app: common::TestApp) {
    let editor = app.editor().await;
    let text = "Այսօր խորհուրդը հաստատեց նոր կանոնները։ Դրանք ուժի մեջ կմտնեն ժամը 15:00-ին։\n\nՀարցերի համար գրեք մեզ։";
    let (status, created) = editor
        .post(
            "/api/v1/statements",
            json!({"title": "Հայտարարություն խորհրդի որոշման մասին", "source_lang": "HY",
                   "target_langs": ["en", "ru"], "text": text, "format": "text"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["source_lang"], "hy");
    assert_eq!(created["revision"], 1);
    assert_eq!(created["slug"], "haytararutyun-khorhrdi-voroshman-masin");
    let id = created["id"].as_i64().expect("id");

    let (status, got) = editor.get(&format!("/api/v1/statements/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(got["text"], text, "the source is kept exactly");
    let segments = got["segments"].as_array().expect("segments");
    assert_eq!(segments.len(), 2);
    assert_eq!(segments[0]["position"], 1);
    assert_eq!(
        segments[0]["sentences"],
        json!([
            "Այսօր խորհուրդը հաստատեց նոր կանոնները։",
            "Դրանք ուժի մեջ կմտնեն ժամը 15:00-ին։"
        ])
    );
    assert_eq!(segments[1]["source"], "Հարցերի համար գրեք մեզ։");
    // The title is a unit of its own, before the paragraphs.
    assert_eq!(got["headline"]["kind"], "headline");
    assert_eq!(got["headline"]["position"], 0);
    assert_eq!(got["headline"]["source"], created["title"]);
    // One untranslated unit per segment, the headline's included, and target language.
    let progress = got["progress"].as_array().expect("progress");
    assert_eq!(progress.len(), 2);
    assert_eq!(progress[0]["lang"], "en");
    assert_eq!(progress[0]["total"], 3);
    assert_eq!(progress[0]["untranslated"], 3);
    assert_eq!(progress[0]["approved_share"], 0.0);

    let (status, list) = editor.get("/api/v1/statements").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list.as_array().map(Vec::len), Some(1));
    assert_eq!(list[0]["segment_count"], 2);
}

async fn russian_and_english_markdown(app: common::TestApp) {
    let editor = app.editor().await;
    let ru = "# Открытое письмо\n\nМы, журналисты г. Еревана, просим вас о встрече. Ответа ждём до 1 дек.\n\n> Свобода слова — не роскошь.\n\n- первое требование;\n- второе требование.";
    let (status, created) = editor
        .post(
            "/api/v1/statements",
            json!({"title": "Открытое письмо", "source_lang": "ru", "target_langs": ["hy", "en"],
                   "text": ru, "format": "markdown"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["slug"], "otkrytoe-pismo");
    let kinds: Vec<&str> = created["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .map(|s| s["kind"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        kinds,
        ["heading", "paragraph", "quote", "list_item", "list_item"]
    );
    assert_eq!(created["segments"][0]["source"], "Открытое письмо");
    assert_eq!(created["segments"][0]["level"], 1);
    assert_eq!(
        created["segments"][1]["sentences"].as_array().map(Vec::len),
        Some(2)
    );

    // A second statement with the same title gets its own slug.
    let (status, again) = editor
        .post(
            "/api/v1/statements",
            json!({"title": "Открытое письмо", "source_lang": "ru", "target_langs": [], "text": "Второй текст."}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(again["slug"], "otkrytoe-pismo-2");

    let en = "Our newsroom stands with Mr. Petrosyan. We ask the U.S. embassy to respond by 5 p.m. on Friday.";
    let (status, created) = editor
        .post("/api/v1/statements", json!({"title": "Statement of support", "source_lang": "EN", "target_langs": ["hy"], "text": en}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    assert_eq!(created["source_lang"], "en");
    assert_eq!(
        created["segments"][0]["sentences"],
        json!([
            "Our newsroom stands with Mr. Petrosyan.",
            "We ask the U.S. embassy to respond by 5 p.m. on Friday."
        ])
    );
}

async fn only_editors_create(app: common::TestApp) {
    app.add_user(
        "ani",
        false,
        false,
        &[(tandem::domain::role::LanguageRole::Translator, "hy")],
    )
    .await;
    let translator = app.sign_in("ani").await;
    let (status, body) = translator
        .post(
            "/api/v1/statements",
            json!({"title": "T", "source_lang": "en", "text": "Hello."}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(body["error"]["code"], "forbidden");
    let (_, list) = translator.get("/api/v1/statements").await;
    assert_eq!(list, json!([]), "nothing was written");
}

async fn bad_statements_leave_nothing(app: common::TestApp) {
    let editor = app.editor().await;
    let cases = [
        (
            json!({"title": "T", "source_lang": "en", "text": "  \n\t "}),
            StatusCode::BAD_REQUEST,
            "empty_text",
        ),
        (
            json!({"title": "T", "source_lang": "english!", "text": "Hi."}),
            StatusCode::BAD_REQUEST,
            "invalid_language",
        ),
        (
            json!({"title": "T", "source_lang": "en", "target_langs": ["ru", "xx-!!"], "text": "Hi."}),
            StatusCode::BAD_REQUEST,
            "invalid_language",
        ),
        (
            json!({"title": "T", "source_lang": "en", "target_langs": ["de"], "text": "Hi."}),
            StatusCode::BAD_REQUEST,
            "unknown_language",
        ),
        (
            json!({"title": "T", "source_lang": "en", "text": "Hi.", "format": "docx"}),
            StatusCode::BAD_REQUEST,
            "invalid_format",
        ),
        (
            json!({"title": "T", "source_lang": "en", "text": "Hi.", "colour": "red"}),
            StatusCode::BAD_REQUEST,
            "invalid_json",
        ),
        (
            json!({"title": " ", "source_lang": "en", "text": "Hi."}),
            StatusCode::BAD_REQUEST,
            "invalid_input",
        ),
    ];
    for (body, status, code) in cases {
        let (got_status, got) = editor.post("/api/v1/statements", body.clone()).await;
        assert_eq!(got_status, status, "{body} -> {got}");
        assert_eq!(got["error"]["code"], code, "{body} -> {got}");
    }
    let (_, body) = editor
        .post(
            "/api/v1/statements",
            json!({"title": "T", "source_lang": "en", "text": "Hi.", "target_langs": ["xx-!!"]}),
        )
        .await;
    assert_eq!(
        body["error"]["details"]["tag"], "xx-!!",
        "the error names the tag"
    );
    let (_, list) = editor.get("/api/v1/statements").await;
    assert_eq!(list, json!([]), "no partial statement was written");
    let (status, body) = editor.get("/api/v1/statements/999").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(body["error"]["code"], "statement_not_found");
    let (status, _) = editor.get("/api/v1/statements/not-a-number").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

async fn segment_limits(app: common::TestApp) {
    let editor = app.editor().await;
    let many = (1..=5)
        .map(|i| format!("Paragraph number {i}."))
        .collect::<Vec<_>>()
        .join("\n\n");
    let (status, body) = editor
        .post(
            "/api/v1/statements",
            json!({"title": "Many", "source_lang": "en", "text": many}),
        )
        .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    assert_eq!(body["error"]["code"], "too_many_segments");
    assert_eq!(body["error"]["details"]["count"], 5);
    assert_eq!(body["error"]["details"]["limit"], 3);
    let (_, list) = editor.get("/api/v1/statements").await;
    assert_eq!(list, json!([]));
}

async fn statements_over_the_segment_limit_are_refused() {
    let app = common::TestApp::spawn_with(common::Db::Sqlite, |c| c.limits.max_segments = 3).await;
    segment_limits(app).await;
}

pub fn tests() -> Tests {
    Tests::new()
        .both("armenian_round_trip", armenian_statement_round_trip)
        .both("russian_and_english", russian_and_english_markdown)
        .both("translators_cannot_create", only_editors_create)
        .both("bad_input_is_refused", bad_statements_leave_nothing)
        .run(
            "statements_over_the_segment_limit_are_refused",
            statements_over_the_segment_limit_are_refused,
        )
}
