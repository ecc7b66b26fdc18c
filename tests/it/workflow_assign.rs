//! Assignments and the work queue.

use crate::common;
use crate::harness::Tests;

use reqwest::{Method, StatusCode};
use serde_json::json;
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
    assert_eq!((s, body["units"].as_i64()), (StatusCode::OK, Some(4)));

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

pub fn tests() -> Tests {
    Tests::new().both("assign_and_queue", assignments_and_queue)
}
