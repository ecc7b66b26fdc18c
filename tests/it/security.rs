//! Security basics: sign-in limits per name and address, sessions and tokens ended on the
//! server, the audit log, and the headers every response carries.

use crate::common;
use crate::harness::Tests;

use reqwest::{header, Client, Method, StatusCode};
use serde_json::{json, Value};
use tandem::config::Config;
use tandem::domain::role::LanguageRole::{Reviewer, Translator};

/// One sign-in attempt claiming to come from `address` (the test servers trust X-Forwarded-For).
async fn attempt(
    app: &common::TestApp,
    address: &str,
    name: &str,
    password: &str,
) -> (StatusCode, Value) {
    let resp = Client::new()
        .post(app.url("/api/v1/session"))
        .header("x-forwarded-for", address)
        .json(&json!({"username": name, "password": password}))
        .send()
        .await
        .expect("sign-in request");
    let status = resp.status();
    (status, resp.json().await.unwrap_or(Value::Null))
}

/// Behind a proxy that says who the client is, so each attempt can come from its own address.
fn proxied(config: &mut Config) {
    config.trust_proxy = true;
}

async fn lockouts(app: common::TestApp) {
    app.add_user("lilit", false, false, &[]).await;
    let other = app.another_instance().await;
    // A name is locked after five failures from anywhere, and a name that does not exist is
    // locked exactly like one that does, so the lock tells an attacker nothing. The counts live
    // in the database: four failures here and the fifth on another instance earn the lock.
    for i in 0..4 {
        let address = format!("198.51.100.{i}");
        attempt(&app, &address, "lilit", "wrong guess").await;
        attempt(&app, &address, "ghost", "wrong guess").await;
    }
    attempt(&other, "198.51.100.5", "lilit", "wrong guess").await;
    attempt(&other, "198.51.100.5", "ghost", "wrong guess").await;
    let (real_status, real) = attempt(&app, "198.51.100.9", "lilit", common::PASSWORD).await;
    let (ghost_status, ghost) = attempt(&app, "198.51.100.9", "ghost", common::PASSWORD).await;
    assert_eq!(real_status, StatusCode::TOO_MANY_REQUESTS, "{real}");
    assert_eq!(ghost_status, StatusCode::TOO_MANY_REQUESTS, "{ghost}");
    assert_eq!(real["error"]["code"], "too_many_attempts");
    let keys = |v: &Value| {
        v["error"]
            .as_object()
            .map(|o| o.keys().cloned().collect::<Vec<_>>())
    };
    assert_eq!(keys(&real), keys(&ghost), "the same answer for both names");

    // An address guessing many names is locked after thirty failures, whatever the names;
    // people signing in from elsewhere are not affected.
    app.add_user("gor", false, false, &[]).await;
    for i in 0..30 {
        let (status, _) = attempt(&app, "203.0.113.7", &format!("guess{i}"), "hunter2").await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "attempt {i}");
    }
    let (status, _) = attempt(&app, "203.0.113.7", "gor", common::PASSWORD).await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "the address is locked"
    );
    let (status, _) = attempt(&app, "192.0.2.44", "gor", common::PASSWORD).await;
    assert_eq!(status, StatusCode::OK, "another address signs in");
}

async fn sessions_end_on_the_server(app: common::TestApp) {
    app.add_user("ani", false, false, &[]).await;
    let session = app.sign_in("ani").await;
    let cookie = session
        .client
        .get(app.url("/api/v1/me"))
        .send()
        .await
        .expect("me");
    assert_eq!(cookie.status(), StatusCode::OK);
    // Keep a copy of the cookie as a thief would, then sign out.
    let jar_cookie = {
        let resp = Client::new()
            .post(app.url("/api/v1/session"))
            .json(&json!({"username": "ani", "password": common::PASSWORD}))
            .send()
            .await
            .expect("sign in");
        let set = resp
            .headers()
            .get(header::SET_COOKIE)
            .and_then(|v| v.to_str().ok())
            .expect("cookie")
            .to_owned();
        let body: Value = resp.json().await.expect("json");
        (
            set.split(';').next().expect("pair").to_owned(),
            body["csrf_token"].as_str().expect("csrf").to_owned(),
        )
    };
    let (cookie, csrf) = jar_cookie;
    let resp = Client::new()
        .delete(app.url("/api/v1/session"))
        .header(header::COOKIE, &cookie)
        .header("x-csrf-token", &csrf)
        .send()
        .await
        .expect("sign out");
    assert_eq!(resp.status(), StatusCode::NO_CONTENT);
    let resp = Client::new()
        .get(app.url("/api/v1/me"))
        .header(header::COOKIE, &cookie)
        .send()
        .await
        .expect("me again");
    assert_eq!(
        resp.status(),
        StatusCode::UNAUTHORIZED,
        "the copied cookie is dead"
    );
}

async fn sessions_expire() {
    // A zero-hour session is already over when it is created.
    let app = common::TestApp::spawn_with(common::Db::Sqlite, |c| c.session_hours = 0).await;
    app.add_user("vardan", false, false, &[]).await;
    let session = app.sign_in("vardan").await;
    let (status, body) = session.get("/api/v1/me").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{body}");
}

async fn tokens_are_revocable(app: common::TestApp) {
    app.add_user("karine", false, false, &[]).await;
    app.add_user("admin", true, true, &[]).await;
    let karine = app.sign_in("karine").await;
    let (status, created) = karine
        .post("/api/v1/tokens", json!({"name": "Ծրագիր"}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let secret = created["token"].as_str().expect("secret").to_owned();
    let id = created["id"].as_i64().expect("id");
    let (_, list) = karine.get("/api/v1/tokens").await;
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
    assert!(list[0].get("token").is_none(), "secrets are never listed");

    let me = |secret: String| {
        let url = app.url("/api/v1/me");
        async move {
            Client::new()
                .get(url)
                .bearer_auth(secret)
                .send()
                .await
                .expect("me")
                .status()
        }
    };
    assert_eq!(me(secret.clone()).await, StatusCode::OK);
    // Someone else cannot revoke it, and cannot even learn that it exists.
    app.add_user("intruder", false, false, &[]).await;
    let intruder = app.sign_in("intruder").await;
    let (status, _) = intruder
        .call(Method::DELETE, &format!("/api/v1/tokens/{id}"), None)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(me(secret.clone()).await, StatusCode::OK);

    let (status, _) = karine
        .call(Method::DELETE, &format!("/api/v1/tokens/{id}"), None)
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(me(secret.clone()).await, StatusCode::UNAUTHORIZED);

    // An admin may revoke anyone's token.
    let (_, second) = karine
        .post("/api/v1/tokens", json!({"name": "второй"}))
        .await;
    let admin = app.sign_in("admin").await;
    let (status, _) = admin
        .call(
            Method::DELETE,
            &format!("/api/v1/tokens/{}", second["id"].as_i64().expect("id")),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let revoked = second["token"].as_str().expect("secret").to_owned();
    assert_eq!(me(revoked).await, StatusCode::UNAUTHORIZED);
}

async fn audit_log(app: common::TestApp) {
    app.add_user("admin", true, true, &[]).await;
    app.add_user("nare", false, false, &[(Translator, "hy")])
        .await;
    app.add_user("tigran", false, false, &[(Reviewer, "hy")])
        .await;
    let admin = app.sign_in("admin").await;
    let t = app.sign_in("nare").await;
    let r = app.sign_in("tigran").await;
    attempt(&app, "198.51.100.20", "nare", "not her password").await;

    let (status, _) = admin
        .call(
            Method::PATCH,
            "/api/v1/users/2",
            Some(json!({"roles": [{"role": "translator", "lang": "hy"}, {"role": "reviewer", "lang": "ru"}]})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);

    let (_, created) = admin
        .post(
            "/api/v1/statements",
            json!({"title": "Statement on the flood relief fund", "source_lang": "en", "target_langs": ["hy"],
                   "text": "The fund has paid every family that applied.", "open_to_translators": true}),
        )
        .await;
    let id = created["id"].as_i64().expect("id");
    let seg = created["segments"][0]["id"].as_i64().expect("segment");
    let headline = created["headline"]["id"].as_i64().expect("headline");
    for (seg, text) in [
        (
            headline,
            "Հայտարարություն ջրհեղեղից տուժածների հիմնադրամի մասին",
        ),
        (seg, "Հիմնադրամը վճարել է դիմած բոլոր ընտանիքներին։"),
    ] {
        let path = format!("/api/v1/statements/{id}/segments/{seg}/translations/hy");
        let (_, unit) = t.get(&path).await;
        let v = unit["version"].as_i64().expect("version");
        let (s, _) = t
            .call(
                Method::PUT,
                &path,
                Some(json!({"text": text, "base_version": v})),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        t.post(&format!("{path}/submit"), json!({"base_version": v + 1}))
            .await;
        let (s, body) = r
            .post(&format!("{path}/approve"), json!({"base_version": v + 2}))
            .await;
        assert_eq!(s, StatusCode::OK, "{body}");
    }
    let (s, body) = admin
        .post(
            &format!("/api/v1/statements/{id}/publications"),
            json!({"langs": ["hy"]}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{body}");

    let (status, log) = admin.get("/api/v1/audit").await;
    assert_eq!(status, StatusCode::OK, "{log}");
    let actions: Vec<&str> = log
        .as_array()
        .expect("lines")
        .iter()
        .filter_map(|l| l["action"].as_str())
        .collect();
    for wanted in [
        "session.signed_in",
        "session.sign_in_failed",
        "user.created",
        "user.roles_changed",
        "unit.approved",
        "statement.published",
    ] {
        assert!(
            actions.contains(&wanted),
            "{wanted} missing from {actions:?}"
        );
    }
    let approved = log
        .as_array()
        .and_then(|l| l.iter().find(|e| e["action"] == "unit.approved"))
        .expect("approval line");
    assert_eq!(approved["actor"], "tigran");
    assert_eq!(approved["details"]["lang"], "hy");
    assert_eq!(approved["details"]["statement_id"], id);
    let (_, failed) = admin
        .get("/api/v1/audit?action=session.sign_in_failed")
        .await;
    assert_eq!(failed[0]["actor"], "nare");
    assert_eq!(failed[0]["actor_id"], Value::Null);
    assert_eq!(failed[0]["address"], "198.51.100.20");

    // Paging: two at a time, then the next two, with no overlap.
    let (_, first) = admin.get("/api/v1/audit?limit=2").await;
    let last = first[1]["id"].as_i64().expect("id");
    let (_, next) = admin
        .get(&format!("/api/v1/audit?limit=2&before={last}"))
        .await;
    assert!(next[0]["id"].as_i64().expect("id") < last);

    let (status, _) = admin.get("/api/v1/audit?action=unit.exploded").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = t.get("/api/v1/audit").await;
    assert_eq!(status, StatusCode::FORBIDDEN, "only admins read the log");
}

async fn every_response_carries_the_security_headers() {
    let app = common::TestApp::spawn(common::Db::Sqlite).await;
    for path in [
        "/api/v1/me",
        "/api/openapi.json",
        "/app",
        "/p",
        "/no/such/page",
    ] {
        let resp = Client::new().get(app.url(path)).send().await.expect("get");
        let h = resp.headers();
        let get = |name: &str| {
            h.get(name)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned()
        };
        assert_eq!(get("x-content-type-options"), "nosniff", "{path}");
        assert_eq!(get("x-frame-options"), "DENY", "{path}");
        assert_eq!(get("referrer-policy"), "same-origin", "{path}");
        let csp = get("content-security-policy");
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        if path.starts_with("/api/") {
            assert_eq!(get("cache-control"), "no-store", "{path}");
            assert!(csp.starts_with("default-src 'none'"), "{path}: {csp}");
        }
    }
}

pub fn tests() -> Tests {
    Tests::new()
        .both_with("lockout", lockouts, proxied)
        .both("sign_out", sessions_end_on_the_server)
        .run("sessions_expire", sessions_expire)
        .both("tokens", tokens_are_revocable)
        .both_with("audit", audit_log, proxied)
        .run(
            "every_response_carries_the_security_headers",
            every_response_carries_the_security_headers,
        )
}
