//! The editor from the keyboard: the skip link comes first, Ctrl+Insert asks before replacing a
//! translation and Ctrl+Z brings it back, and the live status names what each action did, in
//! Armenian, English and Russian.

use crate::common;
use crate::harness::Tests;
use crate::languages::plain_messages;
use crate::webdriver;

use serde_json::json;
use tandem::domain::language::LanguageTag;
use webdriver::{Browser, KEY_CONTROL, KEY_ENTER, KEY_INSERT, KEY_SHIFT, KEY_TAB};

async fn value_of(browser: &Browser, css: &str) -> String {
    browser.value(css).await
}

async fn copying_the_source_asks_first_and_can_be_undone() {
    webdriver::require();
    let (app, users, id) = common::TestApp::with_demo().await;
    let hy = LanguageTag::parse("hy").expect("tag");
    let unit = app.store.list_units(id, &hy).await.expect("units")[0].clone();
    let area = format!("#t-{}", unit.segment_id);
    let browser = Browser::start("en").await;
    browser
        .sign_in(
            &app.url(""),
            "anush",
            &common::demo_password(&users, "anush"),
        )
        .await;
    browser.goto(&app.url(&format!("/app/s/{id}/hy"))).await;

    // The first Tab stop is the skip link; following it puts the next Tab in the first unit.
    browser.chord(&[KEY_TAB]).await;
    assert_eq!(
        browser
            .execute(
                "return document.activeElement.classList.contains('skip-link') ? document.activeElement.textContent : null;",
                json!([])
            )
            .await,
        json!(plain_messages("en")["ui-skip-to-units"])
    );
    browser.chord(&[KEY_ENTER]).await;
    browser
        .wait_for("document.activeElement.id === 'units'")
        .await;
    browser.chord(&[KEY_TAB]).await;
    assert_eq!(browser.focused().await, area, "the first unit's text");

    // Her own words, then Ctrl+Insert: asked first, and keeping her text is the default.
    let mine = "Իմ թարգմանությունը, որը չպետք է կորչի";
    browser.type_into(&area, mine).await;
    browser.chord(&[KEY_CONTROL, KEY_INSERT]).await;
    browser
        .wait_for("document.getElementById('confirm-copy').open")
        .await;
    assert_eq!(
        browser
            .execute(
                "return document.getElementById('confirm-copy-text').textContent;",
                json!([])
            )
            .await,
        json!(plain_messages("en")["ui-copy-source-confirm"])
    );
    browser.chord(&[KEY_ENTER]).await;
    browser
        .wait_for("!document.getElementById('confirm-copy').open")
        .await;
    assert_eq!(value_of(&browser, &area).await, mine);
    assert_eq!(browser.focused().await, area, "back in her text");

    // Replace puts the source in; Ctrl+Z brings her text back.
    browser.chord(&[KEY_CONTROL, KEY_INSERT]).await;
    browser
        .wait_for("document.getElementById('confirm-copy').open")
        .await;
    browser.click("#confirm-copy button[value=replace]").await;
    browser
        .wait_for(&format!(
            "document.querySelector('{area}').value === {}",
            json!(unit.source)
        ))
        .await;
    browser.chord(&[KEY_CONTROL, "z"]).await;
    assert_eq!(
        value_of(&browser, &area).await,
        mine,
        "Ctrl+Z undoes the copy"
    );
    // And Ctrl+Shift+Z (redo) puts the source back: the copy is an ordinary edit.
    browser.chord(&[KEY_CONTROL, KEY_SHIFT, "z"]).await;
    assert_eq!(value_of(&browser, &area).await, unit.source);

    // An empty translation is filled without a question.
    let second = format!(
        "#t-{}",
        app.store.list_units(id, &hy).await.expect("units")[1].segment_id
    );
    browser.click(&second).await;
    browser.chord(&[KEY_CONTROL, KEY_INSERT]).await;
    browser
        .wait_for(&format!(
            "document.querySelector('{second}').value.length > 0"
        ))
        .await;
    browser.quit().await;
}

/// The demo's Armenian translations, which pass the checks that block an approval.
fn armenian() -> Vec<String> {
    let all: std::collections::HashMap<String, Vec<String>> =
        serde_json::from_str(include_str!("../fixtures/demo_translations.json")).expect("fixture");
    all["hy"].clone()
}

/// Waits until the status of unit `segment` says `expected`.
async fn status_says(browser: &Browser, segment: i64, expected: &str) {
    browser
        .wait_for(&format!(
            "document.querySelector('#u-{segment} .status').textContent === {}",
            json!(expected)
        ))
        .await;
}

async fn the_live_status_names_each_action_in_three_languages() {
    webdriver::require();
    let (app, users, id) = common::TestApp::with_demo().await;
    let hy = LanguageTag::parse("hy").expect("tag");
    let units = app.store.list_units(id, &hy).await.expect("units");
    let translator = Browser::start("en").await;
    translator
        .sign_in(
            &app.url(""),
            "anush",
            &common::demo_password(&users, "anush"),
        )
        .await;
    let reviewer = Browser::start("en").await;
    reviewer
        .sign_in(
            &app.url(""),
            "hasmik",
            &common::demo_password(&users, "hasmik"),
        )
        .await;
    let texts = armenian();
    for (k, ui) in ["hy", "en", "ru"].into_iter().enumerate() {
        let words = plain_messages(ui);
        let (kept, returned) = (units[2 * k].segment_id, units[2 * k + 1].segment_id);
        for browser in [&translator, &reviewer] {
            browser.goto(&app.url(&format!("/app/lang/{ui}"))).await;
            browser.goto(&app.url(&format!("/app/s/{id}/hy"))).await;
        }
        for (segment, text) in [(kept, &texts[2 * k]), (returned, &texts[2 * k + 1])] {
            let area = format!("#t-{segment}");
            translator.click(&area).await;
            translator.type_into(&area, text).await;
            translator.chord(&[KEY_CONTROL, "s"]).await;
            status_says(&translator, segment, &words["ui-saved"]).await;
            translator.chord(&[KEY_CONTROL, KEY_ENTER]).await;
            status_says(&translator, segment, &words["ui-status-submitted"]).await;
        }
        // The reviewer's page learns of the submissions live, then approves one and returns one.
        reviewer
            .wait_for(&format!(
                "document.querySelector('#u-{returned} .state').dataset.state === 'translated'"
            ))
            .await;
        reviewer
            .click(&format!("#u-{kept} button[data-action=approve]"))
            .await;
        status_says(&reviewer, kept, &words["ui-status-approved"]).await;
        reviewer
            .click(&format!("#u-{returned} button[data-action=reject]"))
            .await;
        reviewer
            .type_into(&format!("#r-{returned}"), "Ստուգեք ժամը։")
            .await;
        reviewer
            .click(&format!("#u-{returned} button[data-action=send-back]"))
            .await;
        status_says(&reviewer, returned, &words["ui-status-returned"]).await;
    }
    translator.quit().await;
    reviewer.quit().await;
}

pub fn tests() -> Tests {
    Tests::new()
        .run(
            "copying_the_source_asks_first_and_can_be_undone",
            copying_the_source_asks_first_and_can_be_undone,
        )
        .run(
            "the_live_status_names_each_action_in_three_languages",
            the_live_status_names_each_action_in_three_languages,
        )
}
