//! Script-bearing text in a statement, its translation and a comment is shown as text and never
//! runs: in the editor, the editor's statement pages and the public pages, in a real browser.

use crate::common;
use crate::harness::Tests;
use crate::webdriver;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tandem::domain::role::LanguageRole::{Reviewer, Translator};
use webdriver::Browser;

/// Each piece sets `window.__pwned` if it ever runs, and each is meant to be read as plain text.
const SOURCE: &str = "Our statement quotes the attacker: <script>window.__pwned = 'script'</script> and ends here.\n\n\
    A picture that is not one: <img src=x onerror=\"window.__pwned = 'img'\"> in a sentence.\n\n\
    A link that is not one: [read more](javascript:window.__pwned='link') and \"><svg onload=\"window.__pwned='svg'\">.";
const ARMENIAN: &str =
    "Մեր հայտարարությունը մեջբերում է՝ <script>window.__pwned = 'hy'</script> և ավարտվում այստեղ։";
const COMMENT: &str = "Ստուգեք այս տողը <img src=y onerror=\"window.__pwned = 'comment'\">";

/// Nothing ran, no element came out of the text, and the text itself is there to read.
const CLEAN: &str = "window.__pwned === undefined \
    && document.querySelectorAll('script:not([src]), [onerror], [onload], [onmouseover], a[href^=\"javascript:\"]').length === 0";

async fn statement(app: &common::TestApp) -> (i64, String, i64) {
    let editor = app.editor().await;
    app.add_user("nairi", false, false, &[(Translator, "hy")])
        .await;
    app.add_user("sona", false, false, &[(Reviewer, "hy")])
        .await;
    let (status, created) = editor
        .post(
            "/api/v1/statements",
            json!({"title": "<img src=z onerror=\"window.__pwned = 'title'\"> Open letter",
                   "source_lang": "en", "target_langs": ["hy"], "format": "markdown", "text": SOURCE,
                   "open_to_translators": true}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let id = created["id"].as_i64().expect("id");
    let slug = created["slug"].as_str().expect("slug").to_owned();
    let first = created["segments"][0]["id"].as_i64().expect("segment");
    let translator = app.sign_in("nairi").await;
    let reviewer = app.sign_in("sona").await;
    let path = format!("/api/v1/statements/{id}/segments/{first}/translations/hy");
    let (_, unit) = translator.get(&path).await;
    let v = unit["version"].as_i64().expect("version");
    let (status, body) = translator
        .call(
            Method::PUT,
            &path,
            Some(json!({"text": ARMENIAN, "base_version": v})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _) = translator
        .post(&format!("{path}/comments"), json!({"body": COMMENT}))
        .await;
    assert_eq!(status, StatusCode::CREATED);
    translator
        .post(&format!("{path}/submit"), json!({"base_version": v + 1}))
        .await;
    let (status, body) = reviewer
        .post(&format!("{path}/approve"), json!({"base_version": v + 2}))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    (id, slug, first)
}

async fn assert_clean(browser: &Browser, what: &str, literal: &str) {
    browser
        .wait_for(&format!(
            "document.body.textContent.includes({})",
            Value::String(literal.to_owned())
        ))
        .await;
    let clean = browser
        .execute(&format!("return {CLEAN};"), json!([]))
        .await;
    assert_eq!(
        clean,
        Value::Bool(true),
        "{what}: {}",
        browser.source().await
    );
}

async fn script_bearing_text_stays_text() {
    webdriver::require();
    let app = common::TestApp::spawn(common::Db::Sqlite).await;
    let (id, slug, first) = statement(&app).await;
    let browser = Browser::start("en").await;
    browser
        .sign_in(&app.url(""), "nairi", common::PASSWORD)
        .await;

    // The editor: source, translation and the comment in the side panel.
    browser.goto(&app.url(&format!("/app/s/{id}/hy"))).await;
    assert_clean(
        &browser,
        "editor source",
        "<script>window.__pwned = 'script'</script>",
    )
    .await;
    assert_clean(
        &browser,
        "editor source",
        "onerror=\"window.__pwned = 'img'\"",
    )
    .await;
    browser.click(&format!("#t-{first}")).await;
    assert_clean(
        &browser,
        "editor comment",
        "onerror=\"window.__pwned = 'comment'\"",
    )
    .await;
    assert_eq!(browser.value(&format!("#t-{first}")).await, ARMENIAN);

    // The editor's pages: the list of statements and the statement with its title.
    let desk = Browser::start("hy").await;
    desk.sign_in(&app.url(""), "editor", common::PASSWORD).await;
    for page in [
        "/app/statements".to_owned(),
        format!("/app/statements/{id}"),
    ] {
        desk.goto(&app.url(&page)).await;
        assert_clean(&desk, &page, "onerror=\"window.__pwned = 'title'\"").await;
    }
    desk.quit().await;

    // Publish the approved paragraph once the others are approved too, then read it in public.
    let editor = app.sign_in("editor").await;
    let translator = app.sign_in("nairi").await;
    let sona = app.sign_in("sona").await;
    let (_, units) = translator
        .get(&format!("/api/v1/statements/{id}/translations/hy"))
        .await;
    // The headline and every paragraph not approved yet.
    let waiting = units
        .as_array()
        .expect("units")
        .iter()
        .filter(|u| u["state"] != "approved");
    for unit in waiting {
        let seg = unit["segment_id"].as_i64().expect("segment");
        let v = unit["version"].as_i64().expect("version");
        let path = format!("/api/v1/statements/{id}/segments/{seg}/translations/hy");
        translator
            .call(
                Method::PUT,
                &path,
                Some(json!({"text": "Պարբերություն <b onmouseover=\"window.__pwned = 'b'\">առանց</b> վտանգի։", "base_version": v})),
            )
            .await;
        translator
            .post(&format!("{path}/submit"), json!({"base_version": v + 1}))
            .await;
        let (status, body) = sona
            .post(&format!("{path}/approve"), json!({"base_version": v + 2}))
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let (status, body) = editor
        .post(
            &format!("/api/v1/statements/{id}/publications"),
            json!({"langs": ["hy"]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    for page in [
        format!("/p/{slug}"),
        format!("/p/{slug}/hy"),
        format!("/p/{slug}/en"),
    ] {
        browser.goto(&app.url(&page)).await;
        assert_clean(&browser, &page, "window.__pwned").await;
    }
    browser.goto(&app.url(&format!("/p/{slug}"))).await;
    assert_clean(
        &browser,
        "aligned page",
        "<script>window.__pwned = 'hy'</script>",
    )
    .await;
    browser.screenshot("hostile-text-public").await;
    browser.quit().await;
}

pub fn tests() -> Tests {
    Tests::new().run(
        "script_bearing_text_stays_text",
        script_bearing_text_stays_text,
    )
}
