//! The review workflow over HTTP: transitions, four-eyes, lost-update protection, history, comments.

use crate::common;
use crate::harness::Tests;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tandem::domain::role::LanguageRole::{Reviewer, Translator};

/// An editor's statement in English with Armenian and Russian targets; returns (statement id, segment ids).
/// Open to its translators: these tests are about a unit's states, not about who is assigned.
async fn statement(app: &common::TestApp) -> (i64, Vec<i64>) {
    let editor = app.editor().await;
    let (status, body) = editor
        .post(
            "/api/v1/statements",
            json!({"title": "Joint statement", "source_lang": "en", "target_langs": ["hy", "ru"],
                   "text": "We welcome the decision.\n\nWe call for an open hearing.\n\nSigned, the coalition.",
                   "open_to_translators": true}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let segments = body["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .filter_map(|s| s["id"].as_i64())
        .collect();
    (body["id"].as_i64().expect("id"), segments)
}

fn unit_path(id: i64, seg: i64, lang: &str, tail: &str) -> String {
    format!("/api/v1/statements/{id}/segments/{seg}/translations/{lang}{tail}")
}

async fn full_review_cycle(app: common::TestApp) {
    let (id, segs) = statement(&app).await;
    app.add_user("anahit", false, false, &[(Translator, "hy")])
        .await;
    app.add_user(
        "tigran",
        false,
        false,
        &[(Reviewer, "hy"), (Translator, "hy")],
    )
    .await;
    let anahit = app.sign_in("anahit").await;
    let tigran = app.sign_in("tigran").await;
    let path = unit_path(id, segs[0], "hy", "");

    let (status, unit) = anahit
        .call(
            Method::PUT,
            &path,
            Some(json!({"text": "Ողջունում ենք որոշումը։", "base_version": 1})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{unit}");
    assert_eq!(
        (unit["state"].as_str(), unit["version"].as_i64()),
        (Some("draft"), Some(2))
    );
    assert_eq!(unit["text_author"], "anahit");

    // A stale version changes nothing and says what is there now.
    let (status, conflict) = anahit
        .call(
            Method::PUT,
            &path,
            Some(json!({"text": "Ուրիշ տեքստ", "base_version": 1})),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(conflict["error"]["code"], "version_conflict");
    assert_eq!(conflict["error"]["details"]["current"]["version"], 2);
    assert_eq!(
        conflict["error"]["details"]["current"]["text"],
        "Ողջունում ենք որոշումը։"
    );
    assert_eq!(conflict["error"]["details"]["current"]["author"], "anahit");

    // Approving a draft is not a legal move: 422 naming the current state.
    let (status, illegal) = tigran
        .post(&format!("{path}/approve"), json!({"base_version": 2}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(illegal["error"]["code"], "invalid_transition");
    assert_eq!(illegal["error"]["details"]["state"], "draft");

    let resp = anahit
        .client
        .post(format!("{}{path}/submit", anahit.base))
        .header("x-csrf-token", &anahit.csrf)
        .header("if-match", "\"2\"")
        .json(&json!({}))
        .send()
        .await
        .expect("submit");
    assert_eq!(
        resp.status(),
        StatusCode::OK,
        "If-Match works as base version"
    );
    let (status, empty) = tigran
        .post(
            &format!("{path}/reject"),
            json!({"base_version": 3, "comment": "  "}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(empty["error"]["details"]["field"], "comment");
    let (status, rejected) = tigran
        .post(
            &format!("{path}/reject"),
            json!({"base_version": 3, "comment": "«Որոշումը» պետք է լինի հոգնակի։"}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{rejected}");
    assert_eq!(rejected["state"], "needs_work");
    assert_eq!(
        rejected["reason"],
        json!({"code": "rejected", "comment": "«Որոշումը» պետք է լինի հոգնակի։"})
    );

    let (_, _) = anahit
        .call(
            Method::PUT,
            &path,
            Some(json!({"text": "Ողջունում ենք որոշումները։", "base_version": 4})),
        )
        .await;
    let (status, _) = anahit
        .post(&format!("{path}/submit"), json!({"base_version": 5}))
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, approved) = tigran
        .post(&format!("{path}/approve"), json!({"base_version": 6}))
        .await;
    assert_eq!(status, StatusCode::OK, "{approved}");
    assert_eq!(approved["state"], "approved");

    let (_, history) = tigran.get(&format!("{path}/history")).await;
    let moves: Vec<(String, String, String)> = history
        .as_array()
        .expect("history")
        .iter()
        .map(|r| {
            (
                r["action"].as_str().unwrap_or("").into(),
                r["from_state"].as_str().unwrap_or("").into(),
                r["to_state"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    let expected = [
        ("save", "untranslated", "draft"),
        ("submit", "draft", "translated"),
        ("reject", "translated", "needs_work"),
        ("save", "needs_work", "draft"),
        ("submit", "draft", "translated"),
        ("approve", "translated", "approved"),
    ];
    assert_eq!(moves.len(), expected.len(), "{history}");
    for (got, want) in moves.iter().zip(expected) {
        assert_eq!((got.0.as_str(), got.1.as_str(), got.2.as_str()), want);
    }
    assert_eq!(history[2]["comment"], "«Որոշումը» պետք է լինի հոգնակի։");
    assert_eq!(history[5]["author"], "tigran");
    assert_eq!(history[0]["version"], 2);

    let (_, list) = anahit
        .get(&format!("/api/v1/statements/{id}/translations/hy"))
        .await;
    // The headline first, still to translate, then the paragraphs.
    assert_eq!(list.as_array().map(Vec::len), Some(4));
    assert_eq!(
        (list[0]["kind"].as_str(), list[0]["state"].as_str()),
        (Some("headline"), Some("untranslated"))
    );
    assert_eq!(list[1]["state"], "approved");
    assert_eq!(list[2]["state"], "untranslated");
}

async fn four_eyes(app: common::TestApp) {
    let (id, segs) = statement(&app).await;
    app.add_user(
        "solo",
        false,
        false,
        &[(Reviewer, "ru"), (Translator, "ru")],
    )
    .await;
    let solo = app.sign_in("solo").await;
    let path = unit_path(id, segs[1], "ru", "");
    solo.call(
        Method::PUT,
        &path,
        Some(json!({"text": "Мы призываем к открытым слушаниям.", "base_version": 1})),
    )
    .await;
    solo.post(&format!("{path}/submit"), json!({"base_version": 2}))
        .await;
    let (status, body) = solo
        .post(&format!("{path}/approve"), json!({"base_version": 3}))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["error"]["code"], "self_review");
    let (_, unit) = solo.get(&path).await;
    assert_eq!(unit["state"], "translated", "nothing changed");
    assert_eq!(unit["version"], 3);
}

async fn self_review_can_be_allowed() {
    let app = common::TestApp::spawn_with(common::Db::Sqlite, |c| c.allow_self_review = true).await;
    let (id, segs) = statement(&app).await;
    app.add_user(
        "solo",
        false,
        false,
        &[(Reviewer, "ru"), (Translator, "ru")],
    )
    .await;
    let solo = app.sign_in("solo").await;
    let path = unit_path(id, segs[1], "ru", "");
    solo.call(
        Method::PUT,
        &path,
        Some(json!({"text": "Мы призываем к слушаниям.", "base_version": 1})),
    )
    .await;
    solo.post(&format!("{path}/submit"), json!({"base_version": 2}))
        .await;
    let (status, body) = solo
        .post(&format!("{path}/approve"), json!({"base_version": 3}))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

async fn revert_comments_and_bad_input(app: common::TestApp) {
    let (id, segs) = statement(&app).await;
    app.add_user("lusine", false, false, &[(Translator, "hy")])
        .await;
    let lusine = app.sign_in("lusine").await;
    let path = unit_path(id, segs[2], "hy", "");
    lusine
        .call(
            Method::PUT,
            &path,
            Some(json!({"text": "Ստորագրված՝ կոալիցիա", "base_version": 1})),
        )
        .await;
    lusine
        .call(
            Method::PUT,
            &path,
            Some(json!({"text": "Սխալ տարբերակ", "base_version": 2})),
        )
        .await;
    let (status, reverted) = lusine
        .post(
            &format!("{path}/revert"),
            json!({"base_version": 3, "to_version": 2}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{reverted}");
    assert_eq!(reverted["text"], "Ստորագրված՝ կոալիցիա");
    let (_, history) = lusine.get(&format!("{path}/history")).await;
    assert_eq!(
        history.as_array().map(Vec::len),
        Some(3),
        "reverting adds a revision"
    );

    let (status, comment) = lusine
        .post(
            &format!("{path}/comments"),
            json!({"body": "Ստորագրության ձևը ճշտել խմբագրի հետ։"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{comment}");
    let (_, unit) = lusine.get(&path).await;
    assert_eq!(unit["comments"][0]["author"], "lusine");

    // 404s: unknown segment, and a language the statement does not target.
    let (status, _) = lusine
        .call(
            Method::PUT,
            &unit_path(id, 9999, "hy", ""),
            Some(json!({"text": "x", "base_version": 1})),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = lusine
        .get(&format!("/api/v1/statements/{id}/translations/de"))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, body) = lusine
        .call(Method::PUT, &path, Some(json!({"text": "x"})))
        .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "a write must name its base version: {body}"
    );
    // Lusine translates into Armenian only.
    let (status, _) = lusine
        .call(
            Method::PUT,
            &unit_path(id, segs[2], "ru", ""),
            Some(json!({"text": "x", "base_version": 1})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // Reverting writes text too, so it takes the same permission as saving.
    let (status, _) = lusine
        .post(
            &unit_path(id, segs[2], "ru", "/revert"),
            json!({"base_version": 1, "to_version": 1}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

async fn translations_over_the_limit_are_refused() {
    let app =
        common::TestApp::spawn_with(common::Db::Sqlite, |c| c.limits.max_translation_chars = 10)
            .await;
    let (id, segs) = statement(&app).await;
    app.add_user("lusine", false, false, &[(Translator, "hy")])
        .await;
    let lusine = app.sign_in("lusine").await;
    let (status, body): (StatusCode, Value) = lusine
        .call(
            Method::PUT,
            &unit_path(id, segs[0], "hy", ""),
            Some(json!({"text": "Շատ երկար թարգմանություն", "base_version": 1})),
        )
        .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(body["error"]["code"], "segment_too_long");
}

pub fn tests() -> Tests {
    Tests::new()
        .both("review_cycle", full_review_cycle)
        .both("self_review_is_refused", four_eyes)
        .run("self_review_can_be_allowed", self_review_can_be_allowed)
        .both("revert_and_comments", revert_comments_and_bad_input)
        .run(
            "translations_over_the_limit_are_refused",
            translations_over_the_limit_are_refused,
        )
}
