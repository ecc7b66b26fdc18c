//! The audit log's filters (statement, person, action, dates) and its CSV form, on both databases.

use crate::common;
use crate::harness::Tests;

use reqwest::StatusCode;
use serde_json::{json, Value};

async fn csv(
    app: &common::TestApp,
    session: &common::Session,
    query: &str,
) -> (StatusCode, String, String) {
    let resp = session
        .client
        .get(app.url(&format!("/api/v1/audit?format=csv{query}")))
        .send()
        .await
        .expect("request");
    let status = resp.status();
    let kind = resp
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (status, kind, resp.text().await.expect("body"))
}

async fn the_audit_log_filters_and_exports(app: common::TestApp) {
    let team = app.team(&["hy"]).await;
    let admin = app.admin().await;
    let (first, segments) = team.statement("First", "One paragraph.", &["hy"]).await;
    let (second, _) = team.statement("Second", "Another one.", &["hy"]).await;
    // Approve the first statement's paragraph: a line about unit N whose details name `first`.
    let path = format!(
        "/api/v1/statements/{first}/segments/{}/translations/hy",
        segments[0]
    );
    let (_, unit) = team.translator.get(&path).await;
    let (_, saved) = team
        .translator
        .call(
            reqwest::Method::PUT,
            &path,
            Some(json!({"text": "Մեկ պարբերություն։", "base_version": unit["version"]})),
        )
        .await;
    let (_, submitted) = team
        .translator
        .post(
            &format!("{path}/submit"),
            json!({"base_version": saved["version"]}),
        )
        .await;
    let (status, _) = team
        .reviewer
        .post(
            &format!("{path}/approve"),
            json!({"base_version": submitted["version"]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);

    let lines = |v: &Value| v.as_array().expect("lines").clone();
    let (status, about_first) = admin
        .get(&format!("/api/v1/audit?statement_id={first}"))
        .await;
    assert_eq!(status, StatusCode::OK, "{about_first}");
    let about_first = lines(&about_first);
    assert!(!about_first.is_empty());
    assert!(
        about_first
            .iter()
            .all(|l| l["details"]["statement_id"] == first
                || l["subject"] == format!("statement:{first}")),
        "{about_first:?}"
    );
    assert!(about_first.iter().any(|l| l["action"] == "unit.approved"));
    let (_, about_second) = admin
        .get(&format!("/api/v1/audit?statement_id={second}"))
        .await;
    assert!(
        lines(&about_second)
            .iter()
            .all(|l| l["action"] != "unit.approved"),
        "nothing was approved in the second: {about_second}"
    );

    // Person and action together.
    let (_, me) = team.reviewer.get("/api/v1/me").await;
    let reviewer_id = me["user"]["id"].as_i64().expect("id");
    let (_, theirs) = admin
        .get(&format!(
            "/api/v1/audit?actor_id={reviewer_id}&action=unit.approved"
        ))
        .await;
    assert_eq!(lines(&theirs).len(), 1, "{theirs}");

    // Dates: today holds everything, a day long past nothing, a wrong date is refused.
    let today = chrono::Utc::now().date_naive();
    let (_, all) = admin.get("/api/v1/audit").await;
    let (_, on_today) = admin
        .get(&format!("/api/v1/audit?from={today}&to={today}"))
        .await;
    assert_eq!(lines(&all).len(), lines(&on_today).len());
    let (_, long_ago) = admin.get("/api/v1/audit?to=2001-01-01").await;
    assert!(lines(&long_ago).is_empty(), "{long_ago}");
    let (_, later) = admin.get("/api/v1/audit?from=2999-01-01T00:00:00Z").await;
    assert!(lines(&later).is_empty());
    let (status, body) = admin.get("/api/v1/audit?from=yesterday").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["error"]["details"]["field"], "from");

    // Pages with `before`: two pages of one line make the newest two lines.
    let (_, page1) = admin.get("/api/v1/audit?limit=1").await;
    let id1 = page1[0]["id"].as_i64().expect("id");
    let (_, page2) = admin
        .get(&format!("/api/v1/audit?limit=1&before={id1}"))
        .await;
    assert_eq!(page2[0]["id"], lines(&all)[1]["id"]);

    // CSV: the same lines as the filter, all of them, with a header; admins only.
    let (status, kind, text) = csv(&app, &admin, &format!("&statement_id={first}")).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    assert!(kind.starts_with("text/csv"), "{kind}");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().expect("header").clone();
    assert_eq!(
        header.iter().collect::<Vec<_>>(),
        ["id", "at", "actor_id", "actor", "action", "subject", "details", "address"]
    );
    let ids: Vec<String> = reader
        .records()
        .map(|r| r.expect("record")[0].to_owned())
        .collect();
    let expected: Vec<String> = about_first.iter().map(|l| l["id"].to_string()).collect();
    assert_eq!(ids, expected);
    let (status, _, _) = csv(&app, &team.editor, "").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = admin.get("/api/v1/audit?format=xml").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
}

pub fn tests() -> Tests {
    Tests::new().both("filters_and_csv", the_audit_log_filters_and_exports)
}
