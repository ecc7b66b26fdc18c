//! The role matrix: every role x every action x the unit's language x whether the statement is
//! open to its translators, asserted cell by cell on units nobody is assigned to.

use crate::common;
use crate::harness::Tests;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tandem::domain::role::LanguageRole::{Reviewer, Translator};

const ROLES: [&str; 7] = [
    "anonymous",
    "translator_hy",
    "translator_ru",
    "reviewer_hy",
    "reviewer_ru",
    "editor",
    "admin",
];
const ACTIONS: [&str; 8] = [
    "save",
    "submit",
    "approve",
    "reject",
    "comment",
    "assign",
    "change_source",
    "publish",
];

/// The expected answer of each cell, written out: (role, action, language, statement open to
/// its translators) -> allowed. Nobody is assigned to the unit (`src/domain/policy_table.rs`
/// lists assigned units too).
// One arm per grant reads as the table it is; `matches!` would hide that.
#[allow(clippy::match_like_matches_macro)]
fn allowed(role: &str, action: &str, lang: &str, open: bool) -> bool {
    match (role, action, lang, open) {
        ("admin", _, _, _) => true,
        ("editor", "comment" | "assign" | "change_source" | "publish", _, _) => true,
        // A unit nobody was given is the editors' to translate or hand out.
        ("editor", "save" | "submit", _, _) => true,
        ("translator_hy", "save" | "submit", "hy", true) => true,
        ("translator_ru", "save" | "submit", "ru", true) => true,
        ("translator_hy", "comment", "hy", _) => true,
        ("translator_ru", "comment", "ru", _) => true,
        ("reviewer_hy", "save" | "approve" | "reject" | "comment", "hy", _) => true,
        ("reviewer_ru", "save" | "approve" | "reject" | "comment", "ru", _) => true,
        _ => false,
    }
}

struct Setup {
    prep_r: common::Session,
    editor: common::Session,
}

/// A fresh one-paragraph statement, open to its translators or not, whose unit in `lang`
/// (and, to publish, its headline) stands where `action` needs it. The editor writes and submits the text, as editors may on
/// units nobody is assigned to, whatever the setting.
async fn stage(s: &Setup, action: &str, lang: &str, open: bool) -> (i64, i64) {
    let (_, created) = s
        .editor
        .post("/api/v1/statements", json!({"title": "Matrix", "source_lang": "en", "target_langs": ["hy", "ru"], "text": "A sentence to translate.", "prefill": false, "open_to_translators": open}))
        .await;
    let id = created["id"].as_i64().expect("id");
    let seg = created["segments"][0]["id"].as_i64().expect("seg");
    let steps = match action {
        "submit" => 1,
        "approve" | "reject" => 2,
        "publish" => 3,
        _ => 0,
    };
    // Publishing needs the headline approved too.
    let headline = created["headline"]["id"].as_i64().expect("headline");
    let units = if action == "publish" {
        vec![seg, headline]
    } else {
        vec![seg]
    };
    for unit in units {
        let path = format!("/api/v1/statements/{id}/segments/{unit}/translations/{lang}");
        if steps >= 1 {
            let (st, _) = s
                .editor
                .call(
                    Method::PUT,
                    &path,
                    Some(json!({"text": "Թարգմանություն", "base_version": 1})),
                )
                .await;
            assert_eq!(st, StatusCode::OK);
        }
        if steps >= 2 {
            let (st, _) = s
                .editor
                .post(&format!("{path}/submit"), json!({"base_version": 2}))
                .await;
            assert_eq!(st, StatusCode::OK);
        }
        if steps >= 3 {
            let (st, _) = s
                .prep_r
                .post(&format!("{path}/approve"), json!({"base_version": 3}))
                .await;
            assert_eq!(st, StatusCode::OK);
        }
    }
    (id, seg)
}

async fn attempt(
    session: Option<&common::Session>,
    base: &str,
    action: &str,
    lang: &str,
    id: i64,
    seg: i64,
) -> StatusCode {
    let unit = format!("/api/v1/statements/{id}/segments/{seg}/translations/{lang}");
    let (method, path, body): (Method, String, Value) = match action {
        "save" => (
            Method::PUT,
            unit,
            json!({"text": "Նոր տեքստ", "base_version": 1}),
        ),
        "submit" => (
            Method::POST,
            format!("{unit}/submit"),
            json!({"base_version": 2}),
        ),
        "approve" => (
            Method::POST,
            format!("{unit}/approve"),
            json!({"base_version": 3}),
        ),
        "reject" => (
            Method::POST,
            format!("{unit}/reject"),
            json!({"base_version": 3, "comment": "Ոչ այդպես։"}),
        ),
        "comment" => (
            Method::POST,
            format!("{unit}/comments"),
            json!({"body": "Հարց ունեմ։"}),
        ),
        "assign" => (
            Method::PUT,
            format!("/api/v1/statements/{id}/assignments"),
            json!({"lang": lang, "role": "translator", "user": "prep_t", "segments": "all"}),
        ),
        "change_source" => (
            Method::PUT,
            format!("/api/v1/statements/{id}/source"),
            json!({"text": "A changed sentence to translate.", "base_revision": 1}),
        ),
        "publish" => (
            Method::POST,
            format!("/api/v1/statements/{id}/publications"),
            json!({"langs": [lang]}),
        ),
        other => panic!("unknown action {other}"),
    };
    match session {
        Some(s) => s.call(method, &path, Some(body)).await.0,
        None => reqwest::Client::new()
            .request(method, format!("{base}{path}"))
            .json(&body)
            .send()
            .await
            .expect("request")
            .status(),
    }
}

async fn role_matrix(app: common::TestApp) {
    app.add_user("translator_hy", false, false, &[(Translator, "hy")])
        .await;
    app.add_user("translator_ru", false, false, &[(Translator, "ru")])
        .await;
    app.add_user("reviewer_hy", false, false, &[(Reviewer, "hy")])
        .await;
    app.add_user("reviewer_ru", false, false, &[(Reviewer, "ru")])
        .await;
    app.add_user("admin", false, true, &[]).await;
    // The translator the "assign" cells hand the unit to.
    app.add_user(
        "prep_t",
        false,
        false,
        &[(Translator, "hy"), (Translator, "ru")],
    )
    .await;
    app.add_user(
        "prep_r",
        false,
        false,
        &[(Reviewer, "hy"), (Reviewer, "ru")],
    )
    .await;
    let setup = Setup {
        editor: app.editor().await,
        prep_r: app.sign_in("prep_r").await,
    };
    let mut sessions = Vec::new();
    for role in ROLES {
        sessions.push(match role {
            "anonymous" => None,
            "editor" => Some(app.sign_in("editor").await),
            name => Some(app.sign_in(name).await),
        });
    }
    let mut cells = 0;
    for (role, session) in ROLES.iter().zip(&sessions) {
        for action in ACTIONS {
            for lang in ["hy", "ru"] {
                for open in [false, true] {
                    let (id, seg) = stage(&setup, action, lang, open).await;
                    let status = attempt(session.as_ref(), &app.base, action, lang, id, seg).await;
                    let cell = format!("{role} {action} {lang} open={open}");
                    if allowed(role, action, lang, open) {
                        assert!(
                            status.is_success(),
                            "{cell}: expected allowed, got {status}"
                        );
                    } else if *role == "anonymous" {
                        assert_eq!(status, StatusCode::UNAUTHORIZED, "{cell}");
                    } else {
                        assert_eq!(status, StatusCode::FORBIDDEN, "{cell}: expected denied");
                    }
                    cells += 1;
                }
            }
        }
    }
    assert_eq!(cells, ROLES.len() * ACTIONS.len() * 2 * 2);
}

pub fn tests() -> Tests {
    Tests::new().both("matrix", role_matrix)
}
