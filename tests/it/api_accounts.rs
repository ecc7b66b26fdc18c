//! Inviting people with a one-time password, and disabling and enabling accounts, on both
//! databases: a disabled person cannot sign in, and their sessions and tokens stop working.

use crate::common;
use crate::harness::Tests;

use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

async fn sign_in(app: &common::TestApp, name: &str, password: &str) -> (StatusCode, Value) {
    let resp = Client::new()
        .post(app.url("/api/v1/session"))
        .json(&json!({"username": name, "password": password}))
        .send()
        .await
        .expect("request");
    let status = resp.status();
    (status, resp.json().await.unwrap_or(Value::Null))
}

async fn bearer_me(app: &common::TestApp, token: &str) -> StatusCode {
    Client::new()
        .get(app.url("/api/v1/me"))
        .bearer_auth(token)
        .send()
        .await
        .expect("request")
        .status()
}

async fn accounts_are_invited_disabled_and_enabled(app: common::TestApp) {
    let admin = app.admin().await;
    let translator = app.translator("hy").await;

    // Inviting: admins only; the answer carries a password that signs the person in.
    let (status, _) = translator
        .post("/api/v1/users/invitations", json!({"username": "lilit"}))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, invited) = admin
        .post(
            "/api/v1/users/invitations",
            json!({"username": "lilit", "display_name": "Լիլիթ",
                   "roles": [{"role": "translator", "lang": "hy"}]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{invited}");
    assert_eq!(invited["user"]["display_name"], "Լիլիթ");
    assert_eq!(invited["user"]["disabled"], false);
    let password = invited["password"].as_str().expect("password").to_owned();
    assert!(password.len() >= 20);
    let (status, again) = admin
        .post("/api/v1/users/invitations", json!({"username": "LILIT"}))
        .await;
    assert_eq!(status, StatusCode::CONFLICT, "{again}");
    assert_eq!(again["error"]["code"], "username_taken");

    let lilit = app.sign_in_as("lilit", &password).await;
    let id = invited["user"]["id"].as_i64().expect("id");
    let (status, token) = lilit
        .post("/api/v1/tokens", json!({"name": "laptop"}))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let token = token["token"].as_str().expect("token").to_owned();
    assert_eq!(bearer_me(&app, &token).await, StatusCode::OK);

    // Disabling: not by a translator, not oneself; then nothing of the person's works.
    let path = format!("/api/v1/users/{id}/disable");
    let (status, _) = translator.post(&path, json!(null)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, me) = admin.get("/api/v1/me").await;
    let admin_id = me["user"]["id"].as_i64().expect("id");
    let (status, body) = admin
        .post(&format!("/api/v1/users/{admin_id}/disable"), json!(null))
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(body["error"]["details"]["action"], "disable_user");
    let (status, disabled) = admin.post(&path, json!(null)).await;
    assert_eq!(status, StatusCode::OK, "{disabled}");
    assert_eq!(disabled["disabled"], true);

    let (status, _) = lilit.get("/api/v1/me").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "the session ended");
    assert_eq!(
        bearer_me(&app, &token).await,
        StatusCode::UNAUTHORIZED,
        "the token stopped"
    );
    let (status, body) = sign_in(&app, "lilit", &password).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
    assert_eq!(body["error"]["code"], "invalid_credentials");
    let (_, users) = admin.get("/api/v1/users").await;
    let listed = users
        .as_array()
        .expect("users")
        .iter()
        .find(|u| u["id"] == id)
        .cloned()
        .expect("listed");
    assert_eq!(listed["disabled"], true);
    let (_, audit) = admin.get("/api/v1/audit?action=user.disabled").await;
    assert_eq!(audit[0]["subject"], format!("user:{id}"), "{audit}");

    // Enabled again: the password works; the old token stays revoked.
    let (status, enabled) = admin
        .post(&format!("/api/v1/users/{id}/enable"), json!(null))
        .await;
    assert_eq!(status, StatusCode::OK, "{enabled}");
    assert_eq!(enabled["disabled"], false);
    let (status, _) = sign_in(&app, "lilit", &password).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(bearer_me(&app, &token).await, StatusCode::UNAUTHORIZED);
    let (status, _) = admin
        .post("/api/v1/users/999999/disable", json!(null))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

pub fn tests() -> Tests {
    Tests::new().both(
        "invite_disable_enable",
        accounts_are_invited_disabled_and_enabled,
    )
}
