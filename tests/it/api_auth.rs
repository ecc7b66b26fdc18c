//! Sign-in, sessions, CSRF, API tokens and user management over the API.

use crate::common;
use crate::harness::Tests;

use reqwest::{header, Client, StatusCode};
use serde_json::{json, Value};
use tandem::domain::role::LanguageRole;

async fn sign_in_raw(
    app: &common::TestApp,
    client: &Client,
    username: &str,
    password: &str,
) -> (StatusCode, Value, Option<String>) {
    let resp = client
        .post(app.url("/api/v1/session"))
        .json(&json!({"username": username, "password": password}))
        .send()
        .await
        .expect("request");
    let status = resp.status();
    let cookie = resp
        .headers()
        .get(header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    (status, resp.json().await.unwrap_or(Value::Null), cookie)
}

async fn session_cookie_and_csrf(app: common::TestApp) {
    app.add_user(
        "Ani",
        true,
        false,
        &[
            (LanguageRole::Translator, "hy"),
            (LanguageRole::Reviewer, "ru"),
        ],
    )
    .await;
    let client = Client::builder()
        .cookie_store(true)
        .build()
        .expect("client");
    let (status, body, cookie) = sign_in_raw(&app, &client, "ANI", common::PASSWORD).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let cookie = cookie.expect("a session cookie");
    assert!(cookie.starts_with("tandem_session=tds_"), "{cookie}");
    assert!(cookie.contains("HttpOnly"));
    assert!(cookie.contains("SameSite=Lax"));
    assert!(!cookie.contains("Secure"), "plain http gets no Secure flag");
    assert_eq!(body["user"]["username"], "ani");
    assert_eq!(body["user"]["roles"]["editor"], true);
    let csrf = body["csrf_token"].as_str().expect("csrf").to_owned();

    let me: Value = client
        .get(app.url("/api/v1/me"))
        .send()
        .await
        .expect("me")
        .json()
        .await
        .expect("json");
    assert_eq!(me["user"]["username"], "ani");
    assert_eq!(
        me["user"]["roles"]["languages"],
        json!([{"role": "translator", "lang": "hy"}, {"role": "reviewer", "lang": "ru"}])
    );

    // A cookie-authenticated write without the CSRF token is refused and writes nothing.
    let body = json!({"title": "T", "source_lang": "en", "text": "Hello there."});
    let resp = client
        .post(app.url("/api/v1/statements"))
        .json(&body)
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    let err: Value = resp.json().await.expect("json");
    assert_eq!(err["error"]["code"], "csrf_failed");
    let resp = client
        .post(app.url("/api/v1/statements"))
        .header("x-csrf-token", "0".repeat(64))
        .json(&body)
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    assert!(app.store.list_statements().await.expect("list").is_empty());
    let resp = client
        .post(app.url("/api/v1/statements"))
        .header("x-csrf-token", &csrf)
        .json(&body)
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), StatusCode::CREATED);

    // Signing out ends the session on the server, not only in the browser.
    let resp = client
        .delete(app.url("/api/v1/session"))
        .header("x-csrf-token", &csrf)
        .send()
        .await
        .expect("delete");
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    let resp = client.get(app.url("/api/v1/me")).send().await.expect("me");
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
}

async fn secure_cookie_behind_https(app: common::TestApp) {
    app.add_user("gor", false, false, &[]).await;
    let resp = Client::new()
        .post(app.url("/api/v1/session"))
        .header("x-forwarded-proto", "https")
        .json(&json!({"username": "gor", "password": common::PASSWORD}))
        .send()
        .await
        .expect("request");
    let cookie = resp
        .headers()
        .get(header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(cookie.contains("Secure"), "{cookie}");
}

async fn wrong_passwords(app: common::TestApp) {
    app.add_user("lilit", false, false, &[]).await;
    let client = Client::new();
    let (s1, wrong, cookie) = sign_in_raw(&app, &client, "lilit", "not the password").await;
    let (s2, unknown, _) = sign_in_raw(&app, &client, "nobody", "not the password").await;
    assert_eq!(
        (s1, s2),
        (StatusCode::UNAUTHORIZED, StatusCode::UNAUTHORIZED)
    );
    assert!(cookie.is_none());
    assert_eq!(wrong["error"]["code"], "invalid_credentials");
    assert_eq!(
        wrong, unknown,
        "unknown user and wrong password look the same"
    );
    // Repeated failures lock the name for a while, even against the right password.
    for _ in 0..4 {
        sign_in_raw(&app, &client, "lilit", "still wrong").await;
    }
    let resp = client
        .post(app.url("/api/v1/session"))
        .json(&json!({"username": "lilit", "password": common::PASSWORD}))
        .send()
        .await
        .expect("request");
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(resp.headers().get(header::RETRY_AFTER).is_some());
    let body: Value = resp.json().await.expect("json");
    assert_eq!(body["error"]["code"], "too_many_attempts");
}

async fn bearer_tokens(app: common::TestApp) {
    let editor = app.editor().await;
    let (status, token) = editor
        .post("/api/v1/tokens", json!({"name": "newsroom script"}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{token}");
    let secret = token["token"].as_str().expect("token").to_owned();
    assert!(secret.starts_with("tdm_"));
    let bare = Client::new();
    // Bearer requests need no CSRF token: a browser never attaches them on its own.
    let resp = bare
        .post(app.url("/api/v1/statements"))
        .bearer_auth(&secret)
        .json(&json!({"title": "Via token", "source_lang": "en", "text": "Sent by a script."}))
        .send()
        .await
        .expect("post");
    assert_eq!(resp.status(), StatusCode::CREATED);
    let resp = bare
        .get(app.url("/api/v1/me"))
        .bearer_auth("tdm_forged")
        .send()
        .await
        .expect("me");
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    let body: Value = resp.json().await.expect("json");
    assert_eq!(body["error"]["code"], "invalid_token");
    let resp = bare
        .get(app.url("/api/v1/statements"))
        .send()
        .await
        .expect("list");
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
}

async fn admin_manages_users(app: common::TestApp) {
    app.add_user("root", false, true, &[]).await;
    let admin = app.sign_in("root").await;
    let (status, user) = admin
        .post(
            "/api/v1/users",
            json!({"username": "Narek", "password": common::PASSWORD, "display_name": "Նարեկ",
                   "roles": [{"role": "translator", "lang": "HY"}]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{user}");
    assert_eq!(user["display_name"], "Նարեկ");
    assert_eq!(user["roles"]["languages"][0]["lang"], "hy");
    let (status, dup) = admin
        .post(
            "/api/v1/users",
            json!({"username": "narek", "password": "another password"}),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(dup["error"]["code"], "username_taken");
    assert!(
        dup["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("narek"),
        "{dup}"
    );
    let (status, bad) = admin
        .post("/api/v1/users", json!({"username": "vahe", "password": "a long password", "roles": [{"role": "translator", "lang": "de"}]}))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(bad["error"]["code"], "unknown_language");
    let (status, _) = admin
        .post(
            "/api/v1/users",
            json!({"username": "vahe", "password": "short"}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (_, users) = admin.get("/api/v1/users").await;
    let names: Vec<&str> = users
        .as_array()
        .expect("users")
        .iter()
        .filter_map(|u| u["username"].as_str())
        .collect();
    assert_eq!(names, ["narek", "root"], "refused users left no rows");

    let narek = app.sign_in("narek").await;
    let (status, _) = narek.get("/api/v1/users").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

async fn languages_api(app: common::TestApp) {
    let anon = Client::new();
    let langs: Value = anon
        .get(app.url("/api/v1/languages"))
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    let tags: Vec<&str> = langs
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|l| l["tag"].as_str())
        .collect();
    assert_eq!(tags, ["en", "hy", "ru"]);
    assert_eq!(langs[1]["native_name"], "Հայերեն");
    app.add_user("root", false, true, &[]).await;
    let admin = app.sign_in("root").await;
    let (status, added) = admin
        .post(
            "/api/v1/languages",
            json!({"tag": "KA", "name": "Georgian", "native_name": "ქართული"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{added}");
    assert_eq!(added["tag"], "ka");
    let (status, again) = admin.post("/api/v1/languages", json!({"tag": "ka"})).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(again["error"]["code"], "language_exists");
    let (status, bad) = admin
        .post("/api/v1/languages", json!({"tag": "not a tag"}))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(bad["error"]["code"], "invalid_language");
    assert_eq!(bad["error"]["details"]["tag"], "not a tag");
}

pub fn tests() -> Tests {
    Tests::new()
        .both("session_cookie", session_cookie_and_csrf)
        .both("secure_cookie", secure_cookie_behind_https)
        .both("wrong_password", wrong_passwords)
        .both("tokens", bearer_tokens)
        .both("users_api", admin_manages_users)
        .both("languages", languages_api)
}
