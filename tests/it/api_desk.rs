//! What the desk needs from the API beyond the workflow: live events with presence, the preview
//! of a source change, changing people's roles, and the interface language as a user setting.

use crate::common;
use crate::harness::Tests;

use reqwest::{Method, StatusCode};
use serde_json::json;
use tandem::domain::role::LanguageRole::{Reviewer, Translator};

const P1: &str = "The water supply will be interrupted on Monday from 9:00 to 15:00.";
const P2: &str = "Residents are asked to store water in advance.";

async fn statement(app: &common::TestApp) -> (common::Session, i64, Vec<i64>) {
    let editor = app.editor().await;
    let (status, body) = editor
        .post(
            "/api/v1/statements",
            json!({"title": "Water", "source_lang": "en", "target_langs": ["hy", "ru"],
                   "text": format!("{P1}\n\n{P2}"), "open_to_translators": true}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let segments = body["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .map(|s| s["id"].as_i64().expect("id"))
        .collect();
    (editor, body["id"].as_i64().expect("id"), segments)
}

async fn live_events_reach_other_viewers(app: common::TestApp) {
    let (_editor, id, segments) = statement(&app).await;
    app.add_user("nare", false, false, &[(Translator, "hy")])
        .await;
    app.add_user("lilit", false, false, &[(Reviewer, "hy")])
        .await;
    let translator = app.sign_in("nare").await;
    let reviewer = app.sign_in("lilit").await;

    let mut stream = reviewer
        .client
        .get(app.url(&format!("/api/v1/statements/{id}/events")))
        .send()
        .await
        .expect("events");
    assert_eq!(stream.status(), StatusCode::OK);
    assert!(stream
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/event-stream")));
    let mut buffer = String::new();

    // The translator starts editing: the reviewer is told who edits which unit.
    let (status, _) = translator
        .post(
            &format!("/api/v1/statements/{id}/presence"),
            json!({"lang": "hy", "segment_id": segments[0]}),
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let presence = common::next_event(&mut stream, &mut buffer, "presence", |_| true).await;
    assert_eq!(presence["name"], "nare");
    assert_eq!(presence["segment_id"], segments[0]);

    // A save arrives with the unit as now stored and who saved it.
    let path = format!(
        "/api/v1/statements/{id}/segments/{}/translations/hy",
        segments[0]
    );
    let (status, saved) = translator
        .call(
            Method::PUT,
            &path,
            Some(json!({"text": "Երկուշաբթի ջուր չի լինի։", "base_version": 1})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let event = common::next_event(&mut stream, &mut buffer, "unit", |_| true).await;
    assert_eq!(event["action"], "save");
    assert_eq!(event["by"], "nare");
    assert_eq!(event["unit"]["text"], "Երկուշաբթի ջուր չի լինի։");
    assert_eq!(event["unit"]["version"], saved["version"]);

    // Comments are news too.
    let (status, _) = reviewer
        .post(
            &format!("{path}/comments"),
            json!({"body": "Ժամերը նույնպես նշեք։"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let comment = common::next_event(&mut stream, &mut buffer, "comment", |_| true).await;
    assert_eq!(comment["comment"]["body"], "Ժամերը նույնպես նշեք։");

    // A view opened later learns at once who is editing.
    let mut late = translator
        .client
        .get(app.url(&format!("/api/v1/statements/{id}/events")))
        .send()
        .await
        .expect("events");
    let mut late_buffer = String::new();
    let now = common::next_event(&mut late, &mut late_buffer, "presence", |_| true).await;
    assert_eq!(now["segment_id"], segments[0]);

    // Stopping is announced as a null unit.
    translator
        .post(
            &format!("/api/v1/statements/{id}/presence"),
            json!({"lang": "hy", "segment_id": null}),
        )
        .await;
    common::next_event(&mut stream, &mut buffer, "presence", |v| {
        v["segment_id"].is_null()
    })
    .await;

    // Unknown statements and units, and anonymous listeners, are refused.
    let (status, body) = reviewer.get("/api/v1/statements/999999/events").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let (status, body) = translator
        .post(
            &format!("/api/v1/statements/{id}/presence"),
            json!({"lang": "hy", "segment_id": 999999}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    let anonymous = reqwest::get(app.url(&format!("/api/v1/statements/{id}/events")))
        .await
        .expect("request");
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
}

async fn source_preview_changes_nothing(app: common::TestApp) {
    let (editor, id, _) = statement(&app).await;
    let changed = format!(
        "{}\n\n{P2}\n\nPlease check on elderly neighbours.",
        P1.replace("15:00", "17:00")
    );
    let (status, preview) = editor
        .post(
            &format!("/api/v1/statements/{id}/source/preview"),
            json!({"text": changed}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{preview}");
    assert_eq!(preview["revision"], 1);
    assert_eq!(
        preview["changes"],
        json!({"kept": 1, "edited": 1, "inserted": 1, "removed": 0})
    );
    let paragraphs = preview["paragraphs"].as_array().expect("paragraphs");
    let fates: Vec<&str> = paragraphs
        .iter()
        .map(|p| p["fate"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(fates, ["edited", "kept", "inserted"]);
    assert!(
        paragraphs[0]["diff"]
            .as_array()
            .expect("diff")
            .iter()
            .any(|part| part == &json!({"kind": "removed", "text": "15"}))
            && paragraphs[0]["diff"]
                .as_array()
                .expect("diff")
                .iter()
                .any(|part| part == &json!({"kind": "added", "text": "17"})),
        "the changed hour is the change: {}",
        paragraphs[0]["diff"]
    );
    // Nothing was stored.
    let (_, statement) = editor.get(&format!("/api/v1/statements/{id}")).await;
    assert_eq!(statement["revision"], 1);
    assert_eq!(statement["segments"].as_array().map(Vec::len), Some(2));

    // Only editors may ask.
    app.add_user("tigran", false, false, &[(Translator, "hy")])
        .await;
    let translator = app.sign_in("tigran").await;
    let (status, _) = translator
        .post(
            &format!("/api/v1/statements/{id}/source/preview"),
            json!({"text": changed}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

async fn admins_change_roles(app: common::TestApp) {
    app.add_user("root", false, true, &[]).await;
    app.add_user("sona", false, false, &[(Translator, "hy")])
        .await;
    let admin = app.sign_in("root").await;
    let (_, users) = admin.get("/api/v1/users").await;
    let id_of = |name: &str| {
        users
            .as_array()
            .expect("users")
            .iter()
            .find(|u| u["username"] == name)
            .and_then(|u| u["id"].as_i64())
            .expect("user")
    };
    let (sona, root) = (id_of("sona"), id_of("root"));

    let (status, user) = admin
        .call(
            Method::PATCH,
            &format!("/api/v1/users/{sona}"),
            Some(json!({"display_name": "Սոնա Հակոբյան", "editor": true,
                        "roles": [{"role": "reviewer", "lang": "hy"}, {"role": "translator", "lang": "ru"}]})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{user}");
    assert_eq!(user["display_name"], "Սոնա Հակոբյան");
    assert_eq!(user["roles"]["editor"], true);
    assert_eq!(
        user["roles"]["languages"],
        json!([{"role": "reviewer", "lang": "hy"}, {"role": "translator", "lang": "ru"}]),
        "the per-language roles are replaced, not added to"
    );

    // Leaving out a part leaves it as it was.
    let (_, user) = admin
        .call(
            Method::PATCH,
            &format!("/api/v1/users/{sona}"),
            Some(json!({"editor": false})),
        )
        .await;
    assert_eq!(user["roles"]["editor"], false);
    assert_eq!(user["roles"]["languages"].as_array().map(Vec::len), Some(2));

    // Refusals: an unknown language (nothing changes), oneself losing admin, no such user,
    // and anyone who is not an admin.
    let (status, body) = admin
        .call(
            Method::PATCH,
            &format!("/api/v1/users/{sona}"),
            Some(json!({"roles": [{"role": "translator", "lang": "ka"}]})),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["error"]["code"], "unknown_language");
    let (_, users) = admin.get("/api/v1/users").await;
    let still = users
        .as_array()
        .expect("users")
        .iter()
        .find(|u| u["username"] == "sona")
        .expect("sona")
        .clone();
    assert_eq!(
        still["roles"]["languages"].as_array().map(Vec::len),
        Some(2)
    );
    let (status, body) = admin
        .call(
            Method::PATCH,
            &format!("/api/v1/users/{root}"),
            Some(json!({"admin": false})),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, _) = admin
        .call(
            Method::PATCH,
            "/api/v1/users/999999",
            Some(json!({"editor": true})),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let sona_session = app.sign_in("sona").await;
    let (status, _) = sona_session
        .call(
            Method::PATCH,
            &format!("/api/v1/users/{sona}"),
            Some(json!({"admin": true})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

async fn interface_language_follows_the_person(app: common::TestApp) {
    app.add_user("gor", false, false, &[(Translator, "hy")])
        .await;
    let session = app.sign_in("gor").await;
    let (status, user) = session
        .call(Method::PATCH, "/api/v1/me", Some(json!({"ui_lang": "hy"})))
        .await;
    assert_eq!(status, StatusCode::OK, "{user}");
    assert_eq!(user["ui_lang"], "hy");
    let (status, body) = session
        .call(Method::PATCH, "/api/v1/me", Some(json!({"ui_lang": "fr"})))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");

    // A new browser that prefers English signs in and gets Armenian.
    let fresh = app.sign_in("gor").await;
    let page = fresh
        .client
        .get(app.url("/app"))
        .header("accept-language", "en")
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    assert!(page.contains("<html lang=\"hy\">"), "{page}");

    // Forgetting the choice lets the browser's languages speak again.
    let (_, user) = fresh
        .call(Method::PATCH, "/api/v1/me", Some(json!({"ui_lang": null})))
        .await;
    assert!(user["ui_lang"].is_null());
}

pub fn tests() -> Tests {
    Tests::new()
        .both("live_events", live_events_reach_other_viewers)
        .both("source_preview", source_preview_changes_nothing)
        .both("roles", admins_change_roles)
        .both("ui_language", interface_language_follows_the_person)
}
