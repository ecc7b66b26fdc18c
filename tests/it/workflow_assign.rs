//! Assignments and the work queue.

use crate::common;
use crate::harness::Tests;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tandem::domain::role::LanguageRole::{Reviewer, Translator};

async fn assignments_and_queue(app: common::TestApp) {
    let editor = app.editor().await;
    app.add_user("karen", false, false, &[(Translator, "hy")])
        .await;
    app.add_user("mane", false, false, &[(Translator, "hy")])
        .await;
    app.add_user("levon", false, false, &[(Reviewer, "hy")])
        .await;
    let (_, created) = editor
        .post(
            "/api/v1/statements",
            json!({"title": "Four paragraphs", "source_lang": "en", "target_langs": ["hy", "ru"],
                   "text": "First.\n\nSecond.\n\nThird.\n\nFourth."}),
        )
        .await;
    let id = created["id"].as_i64().expect("id");
    let segs: Vec<i64> = created["segments"]
        .as_array()
        .expect("segs")
        .iter()
        .filter_map(|s| s["id"].as_i64())
        .collect();
    let assign = |body: serde_json::Value| {
        let editor = &editor;
        async move {
            editor
                .call(
                    Method::PUT,
                    &format!("/api/v1/statements/{id}/assignments"),
                    Some(body),
                )
                .await
        }
    };
    let (s, body) = assign(json!({"lang": "hy", "role": "translator", "user": "karen", "segments": {"from": 1, "to": 2}, "due_at": "2026-12-01T12:00:00Z"})).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    assert_eq!(body["units"], 2);
    let (s, body) = assign(
        json!({"lang": "hy", "role": "translator", "user": "mane", "segments": [segs[2], segs[3]]}),
    )
    .await;
    assert_eq!((s, body["units"].as_i64()), (StatusCode::OK, Some(2)));
    let (s, body) =
        assign(json!({"lang": "hy", "role": "reviewer", "user": "levon", "segments": "all"})).await;
    // Every unit of the language: the four paragraphs and the headline.
    assert_eq!((s, body["units"].as_i64()), (StatusCode::OK, Some(5)));

    let (s, body) =
        assign(json!({"lang": "ru", "role": "translator", "user": "karen", "segments": "all"}))
            .await;
    assert_eq!(
        s,
        StatusCode::UNPROCESSABLE_ENTITY,
        "karen does not translate into Russian"
    );
    assert_eq!(body["error"]["code"], "lacks_role");
    let (s, _) =
        assign(json!({"lang": "hy", "role": "translator", "user": "nobody", "segments": "all"}))
            .await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, _) = assign(json!({"lang": "hy", "role": "translator", "user": "karen", "segments": {"from": 3, "to": 9}})).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);

    let karen = app.sign_in("karen").await;
    let (_, me) = karen.get("/api/v1/me").await;
    assert_eq!(me["queue"].as_array().map(Vec::len), Some(1), "{me}");
    assert_eq!(me["queue"][0]["to_translate"], 2);
    assert_eq!(me["queue"][0]["due_at"], "2026-12-01T12:00:00Z");
    // Assigned to Mane, so not Karen's even though she holds the role.
    let path = |seg: i64| format!("/api/v1/statements/{id}/segments/{seg}/translations/hy");
    let (s, _) = karen
        .call(
            Method::PUT,
            &path(segs[3]),
            Some(json!({"text": "Չորրորդ։", "base_version": 1})),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _) = karen
        .call(
            Method::PUT,
            &path(segs[0]),
            Some(json!({"text": "Առաջին։", "base_version": 1})),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    karen
        .post(
            &format!("{}/submit", path(segs[0])),
            json!({"base_version": 2}),
        )
        .await;

    let levon = app.sign_in("levon").await;
    let (_, me) = levon.get("/api/v1/me").await;
    assert_eq!(me["queue"][0]["to_review"], 1, "{me}");
    let (s, _) = levon
        .post(
            &format!("{}/reject", path(segs[0])),
            json!({"base_version": 3, "comment": "Վերանայեք։"}),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let (_, me) = karen.get("/api/v1/me").await;
    assert_eq!(
        (
            me["queue"][0]["to_translate"].as_i64(),
            me["queue"][0]["returned"].as_i64()
        ),
        (Some(1), Some(1)),
        "{me}"
    );
}

/// The refusal's code, its reason and its message in `locale`, for a save by `session`.
async fn refused_save(
    session: &common::Session,
    path: &str,
    locale: &str,
) -> (StatusCode, Value, Value, String) {
    let response = session
        .client
        .put(format!("{}{path}", session.base))
        .header("x-csrf-token", &session.csrf)
        .header("accept-language", locale)
        .json(&json!({"text": "Թարգմանություն։", "base_version": 1}))
        .send()
        .await
        .expect("save request");
    let status = response.status();
    let body: Value = response.json().await.expect("json");
    (
        status,
        body["error"]["code"].clone(),
        body["error"]["details"]["reason"].clone(),
        body["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
    )
}

/// A unit nobody was given is the editor's on a closed statement (the default) and every
/// translator's of its language once the editor opens the statement; a unit assigned to
/// someone stays theirs either way.
async fn open_and_closed_statements(app: common::TestApp) {
    let editor = app.editor().await;
    app.add_user("karen", false, false, &[(Translator, "hy")])
        .await;
    app.add_user("mane", false, false, &[(Translator, "hy")])
        .await;
    app.add_user("levon", false, false, &[(Reviewer, "hy")])
        .await;
    let (s, created) = editor
        .post(
            "/api/v1/statements",
            json!({"title": "Closed by default", "source_lang": "en", "target_langs": ["hy"],
                   "text": "First.\n\nSecond.\n\nThird.", "prefill": false}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{created}");
    assert_eq!(created["open_to_translators"], false, "closed by default");
    let id = created["id"].as_i64().expect("id");
    let segs: Vec<i64> = created["segments"]
        .as_array()
        .expect("segs")
        .iter()
        .filter_map(|s| s["id"].as_i64())
        .collect();
    let path = |seg: i64| format!("/api/v1/statements/{id}/segments/{seg}/translations/hy");
    let (s, _) = editor
        .call(
            Method::PUT,
            &format!("/api/v1/statements/{id}/assignments"),
            Some(
                json!({"lang": "hy", "role": "translator", "user": "mane", "segments": [segs[1]]}),
            ),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let karen = app.sign_in("karen").await;
    let mane = app.sign_in("mane").await;

    // Closed: Karen holds the role, but nobody gave her the paragraph. The answer says so in
    // every interface language, and tells her to ask the editor.
    for (locale, words) in [
        ("en", "not open to translators"),
        ("hy", "բաց չէ թարգմանիչների համար"),
        ("ru", "не открыто для переводчиков"),
    ] {
        let (s, code, reason, message) = refused_save(&karen, &path(segs[0]), locale).await;
        assert_eq!(s, StatusCode::FORBIDDEN, "{locale}");
        assert_eq!((code, reason), (json!("not_assigned"), json!("closed")));
        assert!(message.contains(words), "{locale}: {message}");
    }
    let (s, body) = karen
        .post(
            &format!("{}/submit", path(segs[0])),
            json!({"base_version": 1}),
        )
        .await;
    assert_eq!(
        (s, &body["error"]["code"]),
        (StatusCode::FORBIDDEN, &json!("not_assigned"))
    );
    let (_, me) = karen.get("/api/v1/me").await;
    assert_eq!(me["queue"], json!([]), "nothing is Karen's yet: {me}");
    let (_, me) = mane.get("/api/v1/me").await;
    assert_eq!(me["queue"][0]["to_translate"], 1, "{me}");

    // The editor translates a paragraph nobody was given and sends it to review. The language's
    // reviewer may still correct it (the closed statement keeps translators out, not review);
    // a plain save makes it a draft again, which goes back for review through the editor, and
    // four-eyes leaves the approval of the reviewer's text to another reviewer.
    let (s, body) = editor
        .call(
            Method::PUT,
            &path(segs[2]),
            Some(json!({"text": "Երրորդ։", "base_version": 1})),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let (s, body) = editor
        .post(
            &format!("{}/submit", path(segs[2])),
            json!({"base_version": 2}),
        )
        .await;
    assert_eq!((s, &body["state"]), (StatusCode::OK, &json!("translated")));
    let levon = app.sign_in("levon").await;
    let (s, body) = levon
        .call(
            Method::PUT,
            &path(segs[2]),
            Some(json!({"text": "Երրորդը։", "base_version": 3})),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let (s, body) = levon
        .post(
            &format!("{}/submit", path(segs[2])),
            json!({"base_version": 4}),
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "reviewers do not submit: {body}");
    let (s, body) = editor
        .post(
            &format!("{}/submit", path(segs[2])),
            json!({"base_version": 4}),
        )
        .await;
    assert_eq!((s, &body["state"]), (StatusCode::OK, &json!("translated")));

    // Only an editor changes the setting.
    let statement = format!("/api/v1/statements/{id}");
    let (s, body) = karen
        .call(
            Method::PATCH,
            &statement,
            Some(json!({"open_to_translators": true})),
        )
        .await;
    assert_eq!(
        (s, &body["error"]["code"]),
        (StatusCode::FORBIDDEN, &json!("forbidden"))
    );
    let (s, body) = editor
        .call(
            Method::PATCH,
            "/api/v1/statements/999999",
            Some(json!({"open_to_translators": true})),
        )
        .await;
    assert_eq!(
        (s, &body["error"]["code"]),
        (StatusCode::NOT_FOUND, &json!("statement_not_found"))
    );
    let (s, body) = editor
        .call(Method::PATCH, &statement, Some(json!({})))
        .await;
    assert_eq!(
        (s, &body["open_to_translators"]),
        (StatusCode::OK, &json!(false))
    );
    let (s, body) = editor
        .call(
            Method::PATCH,
            &statement,
            Some(json!({"open_to_translators": true})),
        )
        .await;
    assert_eq!(
        (s, &body["open_to_translators"]),
        (StatusCode::OK, &json!(true)),
        "{body}"
    );
    let (_, body) = karen.get(&statement).await;
    assert_eq!(body["open_to_translators"], true);
    let (_, list) = karen.get("/api/v1/statements").await;
    let listed = list
        .as_array()
        .and_then(|l| l.iter().find(|s| s["id"] == id))
        .expect("listed");
    assert_eq!(listed["open_to_translators"], true);

    // Open: the paragraph and the headline nobody was given are in Karen's queue and hers to
    // translate; Mane's paragraph stays Mane's.
    let (_, me) = karen.get("/api/v1/me").await;
    assert_eq!(me["queue"][0]["to_translate"], 2, "{me}");
    let (s, body) = karen
        .call(
            Method::PUT,
            &path(segs[0]),
            Some(json!({"text": "Առաջին։", "base_version": 1})),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let (s, body) = karen
        .post(
            &format!("{}/submit", path(segs[0])),
            json!({"base_version": 2}),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let (s, code, reason, _) = refused_save(&karen, &path(segs[1]), "en").await;
    assert_eq!(
        (s, code, reason),
        (
            StatusCode::FORBIDDEN,
            json!("not_assigned"),
            json!("not_theirs")
        )
    );

    // Closed again: the paragraph nobody was given is the editors' once more, though Karen
    // translated it (her text stays, in review).
    let (s, _) = editor
        .call(
            Method::PATCH,
            &statement,
            Some(json!({"open_to_translators": false})),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let (s, code, reason, _) = refused_save(&karen, &path(segs[0]), "en").await;
    assert_eq!(
        (s, code, reason),
        (
            StatusCode::FORBIDDEN,
            json!("not_assigned"),
            json!("closed")
        )
    );

    // A statement may also start open.
    let (s, created) = editor
        .post(
            "/api/v1/statements",
            json!({"title": "Open from the start", "source_lang": "en", "target_langs": ["hy"],
                   "text": "Only.", "open_to_translators": true}),
        )
        .await;
    assert_eq!(
        (s, &created["open_to_translators"]),
        (StatusCode::CREATED, &json!(true))
    );
}

pub fn tests() -> Tests {
    Tests::new()
        .both("assign_and_queue", assignments_and_queue)
        .both("open_and_closed_statements", open_and_closed_statements)
}
