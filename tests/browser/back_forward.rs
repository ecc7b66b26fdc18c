//! Chromium's back/forward cache (on, as by default) keeps earlier pages of a tab alive: their
//! live event streams must not hold the six connections a browser allows per host, and a page
//! brought back from the cache must catch up with what changed while it was away.

use crate::common;
use crate::harness::Tests;
use crate::wait;
use crate::webdriver;

use reqwest::Method;
use serde_json::json;
use tandem::domain::language::LanguageTag;
use tandem::domain::role::LanguageRole::{Reviewer, Translator};
use webdriver::Browser;

/// Asks the API from inside the page; a request stuck behind held connections never answers,
/// and WebDriver's script timeout then fails the test.
const ASK_THE_API: &str = r#"
const done = arguments[arguments.length - 1];
fetch("/api/v1/me").then((r) => done(r.status), (e) => done(String(e)));
"#;

/// Open live streams on the server (its `tandem_live_receivers` gauge).
async fn open_streams(app: &common::TestApp) -> i64 {
    let text = reqwest::get(app.url("/metrics"))
        .await
        .expect("metrics")
        .text()
        .await
        .expect("metrics text");
    text.lines()
        .find_map(|line| line.strip_prefix("tandem_live_receivers "))
        .and_then(|n| n.trim().parse().ok())
        .expect("the live receivers gauge")
}

/// Waits until the server has at most `most` streams open.
async fn streams_at_most(app: &common::TestApp, most: i64) {
    wait::until(format!("at most {most} open event streams"), async || {
        let open = open_streams(app).await;
        if open <= most {
            Ok(())
        } else {
            Err(format!("{open} open"))
        }
    })
    .await
}

async fn the_api_answers(browser: &Browser, page: &str) {
    let status = browser.execute_async(ASK_THE_API, json!([])).await;
    assert_eq!(status, json!(200), "{page}: the API from inside the page");
}

async fn twelve_pages_in_one_tab_keep_the_desk_answering() {
    webdriver::require();
    let (app, users, id) = common::TestApp::with_demo().await;
    // Someone who may open all three kinds of page: statements, editors and the review queue.
    app.add_user(
        "chief",
        true,
        false,
        &[(Reviewer, "hy"), (Reviewer, "ru"), (Translator, "hy")],
    )
    .await;
    let browser = Browser::start("en").await;
    browser
        .sign_in(&app.url(""), "chief", common::PASSWORD)
        .await;

    let pages = [
        format!("/app/s/{id}/hy"),
        format!("/app/statements/{id}"),
        format!("/app/s/{id}/ru"),
        "/app/review".to_owned(),
    ];
    for (load, page) in pages.iter().cycle().take(12).enumerate() {
        browser.goto(&app.url(page)).await;
        browser.wait_for("document.readyState === 'complete'").await;
        the_api_answers(&browser, page).await;
        if page.starts_with("/app/s/") {
            // The page's own requests answer too: the side panel fills for the first unit.
            browser.click("li.unit textarea").await;
            browser
                .wait_for("!document.querySelector('.panel-body').hidden")
                .await;
        }
        // Only the page on screen keeps a stream; the cached ones closed theirs.
        streams_at_most(&app, 1).await;
        eprintln!("load {} of 12 ({page}) answered", load + 1);
    }

    // The cache is really on: Back restores the editor as it was left, not a new load, and it
    // shows what another translator saved while it was away.
    browser.goto(&app.url(&format!("/app/s/{id}/hy"))).await;
    browser.wait_for("document.readyState === 'complete'").await;
    browser
        .execute("window.tandemLeftHere = true;", json!([]))
        .await;
    browser.goto(&app.url("/app/review")).await;
    browser.wait_for("document.readyState === 'complete'").await;
    let anush = app.sign_in_with(&users, "anush").await;
    let hy = LanguageTag::parse("hy").expect("tag");
    let unit = app.store.list_units(id, &hy).await.expect("units")[0].clone();
    let (status, saved) = anush
        .call(
            Method::PUT,
            &format!(
                "/api/v1/statements/{id}/segments/{}/translations/hy",
                unit.segment_id
            ),
            Some(json!({"text": "Նոր տարբերակ՝ մինչ էջը պահոցում էր։", "base_version": unit.version})),
        )
        .await;
    assert!(status.is_success(), "{saved}");
    browser.back().await;
    browser.wait_for("window.tandemLeftHere === true").await;
    browser
        .wait_for(&format!(
            "document.getElementById('t-{}').value === 'Նոր տարբերակ՝ մինչ էջը պահոցում էր։'",
            unit.segment_id
        ))
        .await;
    the_api_answers(&browser, "the editor back from the cache").await;
    streams_at_most(&app, 1).await;

    // A second tab: each tab has its one stream, and both answer.
    browser.new_tab().await;
    browser.goto(&app.url(&format!("/app/s/{id}/ru"))).await;
    browser.wait_for("document.readyState === 'complete'").await;
    the_api_answers(&browser, "the second tab").await;
    for page in pages.iter().cycle().take(12) {
        browser.goto(&app.url(page)).await;
        browser.wait_for("document.readyState === 'complete'").await;
        the_api_answers(&browser, page).await;
        streams_at_most(&app, 2).await;
    }
    browser.quit().await;
}

pub fn tests() -> Tests {
    Tests::new().run(
        "twelve_pages_in_one_tab_keep_the_desk_answering",
        twelve_pages_in_one_tab_keep_the_desk_answering,
    )
}
