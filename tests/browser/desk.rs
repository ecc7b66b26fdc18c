//! The translators' desk in a real headless Chromium: sign in with the UI in Armenian, see the
//! work queue, switch the UI language.

use crate::common;
use crate::harness::Tests;
use crate::wait;
use crate::webdriver;

use webdriver::Browser;

async fn translator_signs_in_in_armenian_and_sees_the_queue() {
    webdriver::require();
    let (app, users, _) = common::TestApp::with_demo().await;
    let anush = users.iter().find(|u| u.username == "anush").expect("anush");

    let browser = Browser::start("hy").await;
    browser.goto(&app.url("/app")).await;
    browser.wait_for_url("/app/sign-in").await;
    let page = browser.source().await;
    assert!(
        page.contains("<html lang=\"hy\">"),
        "the first visit follows Accept-Language"
    );
    assert!(page.contains("Գաղտնաբառ"), "Armenian labels");
    browser.screenshot("sign-in-hy").await;

    // A wrong password: the refusal is shown, in Armenian, and we stay on the page.
    browser.type_into("#username", "anush").await;
    browser.type_into("#password", "not her password").await;
    browser.click("button[type=submit]").await;
    browser
        .wait_for("!document.getElementById('sign-in-error').hidden")
        .await;
    assert!(browser.url().await.ends_with("/app/sign-in"));
    let page = browser.source().await;
    assert!(
        page.contains("id=\"sign-in-error\" class=\"error\" role=\"alert\">")
            && !page.contains("hidden=\"\">")
    );

    browser.goto(&app.url("/app/sign-in")).await;
    browser.type_into("#username", "anush").await;
    browser.type_into("#password", &anush.password).await;
    browser.click("button[type=submit]").await;
    browser.wait_for_url("/app").await;
    let page = browser.source().await;
    assert!(page.contains("Իմ աշխատանքը"), "My work, in Armenian");
    assert!(page.contains("Open letter on access to public information"));
    assert!(
        page.contains("<td class=\"count\">8</td>"),
        "seven paragraphs and the headline to translate"
    );
    browser.screenshot("my-work-hy").await;

    // The language switch changes every visible string and is remembered.
    browser.click("a[href='/app/lang/ru']").await;
    browser.wait_for_url("/app").await;
    let page = browser.source().await;
    assert!(
        page.contains("Моя работа") && page.contains("Перевести") && !page.contains("Իմ աշխատանքը")
    );
    browser.goto(&app.url("/app")).await;
    assert!(
        browser.source().await.contains("Моя работа"),
        "the choice is remembered"
    );
    browser.screenshot("my-work-ru").await;

    browser.click("#sign-out").await;
    browser.wait_for_url("/app/sign-in").await;
    browser.quit().await;
}

/// A fresh app with the demo seeded, and a browser signed in as `name` with `accept_language`.
async fn signed_in(
    name: &str,
    accept_language: &str,
) -> (
    common::TestApp,
    Vec<tandem::workflow::demo::DemoUser>,
    i64,
    Browser,
) {
    let (app, users, id) = common::TestApp::with_demo().await;
    let password = common::demo_password(&users, name);
    let browser = Browser::start(accept_language).await;
    browser.goto(&app.url("/app/sign-in")).await;
    browser.type_into("#username", name).await;
    browser.type_into("#password", &password).await;
    browser.click("button[type=submit]").await;
    browser.wait_for_url("/app").await;
    (app, users, id, browser)
}

async fn translator_saves_and_submits_in_the_editor_and_conflicts_keep_her_text() {
    webdriver::require();
    let (app, users, id, browser) = signed_in("anush", "hy").await;
    browser.click(&format!("a[href='/app/s/{id}/hy']")).await;
    browser.wait_for_url(&format!("/app/s/{id}/hy")).await;
    let units = app
        .store
        .list_units(
            id,
            &tandem::domain::language::LanguageTag::parse("hy").expect("tag"),
        )
        .await
        .expect("units");
    // units[0] is the headline.
    let (first, second) = (units[1].segment_id, units[2].segment_id);

    browser
        .type_into(&format!("#t-{first}"), "Ազգային ժողովի պատգամավորներին,")
        .await;
    browser
        .click(&format!("#u-{first} button[data-action=save]"))
        .await;
    browser
        .wait_until(|html| html.contains("data-state=\"draft\""))
        .await;
    browser
        .click(&format!("#u-{first} button[data-action=submit]"))
        .await;
    browser
        .wait_until(|html| html.contains("data-state=\"translated\""))
        .await;
    let unit = app
        .store
        .list_units(
            id,
            &tandem::domain::language::LanguageTag::parse("hy").expect("tag"),
        )
        .await
        .expect("units")[1]
        .clone();
    assert_eq!(
        (unit.text.as_str(), unit.state.as_str()),
        ("Ազգային ժողովի պատգամավորներին,", "translated")
    );
    browser.screenshot("editor-hy").await;

    // While she types the second paragraph, someone else saves it behind her back. The live
    // update does not touch her typing; her save meets a conflict, both texts are shown, and
    // keeping hers saves it on top of theirs.
    let other = app.sign_in_with(&users, "hasmik").await;
    browser
        .type_into(&format!("#t-{second}"), "Թարգմանչի տարբերակը")
        .await;
    let path = format!("/api/v1/statements/{id}/segments/{second}/translations/hy");
    let (status, _) = other
        .call(
            reqwest::Method::PUT,
            &path,
            Some(serde_json::json!({"text": "Ստուգողի տարբերակը", "base_version": 1})),
        )
        .await;
    assert_eq!(status, reqwest::StatusCode::OK);
    assert_eq!(
        browser.value(&format!("#t-{second}")).await,
        "Թարգմանչի տարբերակը",
        "a live update never overwrites typing"
    );
    browser
        .click(&format!("#u-{second} button[data-action=save]"))
        .await;
    browser
        .wait_until(|html| html.contains("class=\"theirs\" lang=\"hy\">Ստուգողի տարբերակը"))
        .await;
    browser.screenshot("editor-conflict-hy").await;
    browser
        .click(&format!("#u-{second} button[data-action=keep-mine]"))
        .await;
    browser
        .wait_until(|html| html.contains("class=\"conflict\" hidden"))
        .await;
    // The save behind "keep my text" lands shortly after the panel closes.
    let hy = tandem::domain::language::LanguageTag::parse("hy").expect("tag");
    wait::until("her text in the database", async || {
        let text = app.store.list_units(id, &hy).await.expect("units")[2]
            .text
            .clone();
        if text == "Թարգմանչի տարբերակը" {
            Ok(())
        } else {
            Err(text)
        }
    })
    .await;
    let kept = app
        .store
        .list_units(
            id,
            &tandem::domain::language::LanguageTag::parse("hy").expect("tag"),
        )
        .await
        .expect("units")[2]
        .clone();
    assert_eq!(
        kept.text, "Թարգմանչի տարբերակը",
        "her text won, nothing was lost"
    );
    let history = app.store.unit_history(kept.unit_id).await.expect("history");
    assert_eq!(
        history.len(),
        2,
        "their save and hers are both in the history"
    );
    browser.quit().await;
}

async fn editor_previews_and_creates_a_statement_in_russian() {
    webdriver::require();
    let (app, _users, _id, browser) = signed_in("editor", "ru").await;
    browser.click("a[href='/app/statements']").await;
    browser.wait_for_url("/app/statements").await;
    assert!(browser.source().await.contains("Новое заявление"));

    browser.type_into("#title", "Заявление о слушаниях").await;
    browser.click("#source_lang option[value=ru]").await;
    browser.click("input[name=target_langs][value=hy]").await;
    browser.click("input[name=target_langs][value=en]").await;
    browser
        .type_into(
            "#text",
            "Мы просим провести слушания до 15 дек. Это важно.\n\nПодписи принимаются до 1 дек.",
        )
        .await;
    browser.click("#preview").await;
    browser
        .wait_until(|html| html.contains("<span class=\"sentence\">Это важно.</span>"))
        .await;
    let html = browser.source().await;
    assert!(
        html.contains("<span class=\"sentence\">Мы просим провести слушания до 15 дек.</span>"),
        "the abbreviation does not split"
    );
    browser.screenshot("statements-preview-ru").await;
    browser.click("#new-statement button[type=submit]").await;
    browser
        .wait_until(|html| html.contains("Заявление о слушаниях") && html.contains("class=\"bar\""))
        .await;
    let created = app.store.list_statements().await.expect("list");
    let statement = created
        .iter()
        .find(|s| s.title == "Заявление о слушаниях")
        .expect("created");
    assert_eq!(statement.segment_count, 2);
    let mut targets: Vec<String> = statement
        .target_langs
        .iter()
        .map(|l| l.to_string())
        .collect();
    targets.sort();
    assert_eq!(targets, ["en", "hy"]);
    browser.quit().await;
}

/// Two people in two browsers type into the same paragraph. The second one's view hears about
/// the first one's save without losing her typing, her own save shows both texts, and she merges
/// them by hand; everyone ends up with the merged text and both saves are in the history.
async fn two_browsers_on_one_unit_see_each_other_and_merge_a_conflict() {
    webdriver::require();
    let (app, users, id, anush) = signed_in("anush", "hy").await;
    let password = common::demo_password(&users, "hasmik");
    let hasmik = Browser::start("hy").await;
    hasmik.sign_in(&app.url(""), "hasmik", &password).await;
    let hy = tandem::domain::language::LanguageTag::parse("hy").expect("tag");
    let units = app.store.list_units(id, &hy).await.expect("units");
    let (second, third) = (units[2].segment_id, units[3].segment_id);
    let editor_page = app.url(&format!("/app/s/{id}/hy"));
    for browser in [&anush, &hasmik] {
        browser.goto(&editor_page).await;
        // Autosave waits long here, so the two typings surely overlap.
        browser
            .execute(
                "document.querySelector('ol.editor').dataset.autosaveMs = '60000';",
                serde_json::json!([]),
            )
            .await;
    }

    // Anush starts typing: Hasmik sees who is editing that paragraph.
    anush
        .type_into(&format!("#t-{second}"), "Անուշի նախադասությունը։")
        .await;
    hasmik
        .wait_for(&format!(
            "!document.querySelector('#u-{second} .presence').hidden && \
             document.querySelector('#u-{second} .presence').textContent.includes('Anush')"
        ))
        .await;
    hasmik.screenshot("editor-presence-hy").await;

    // Hasmik saves her own text first. Anush's view says so but keeps her typing.
    hasmik
        .type_into(&format!("#t-{second}"), "Հասմիկի նախադասությունը։")
        .await;
    hasmik
        .click(&format!("#u-{second} button[data-action=save]"))
        .await;
    anush
        .wait_for(&format!(
            "document.querySelector('#u-{second} .status').textContent.includes('Hasmik')"
        ))
        .await;
    assert_eq!(
        anush.value(&format!("#t-{second}")).await,
        "Անուշի նախադասությունը։"
    );

    // Her save meets the conflict: both texts side by side.
    anush
        .type_into(&format!("#t-{second}"), "\u{E009}s\u{E000}")
        .await;
    anush
        .wait_for(&format!(
            "!document.querySelector('#u-{second} .conflict').hidden && \
             document.querySelector('#u-{second} .theirs').textContent === 'Հասմիկի նախադասությունը։' && \
             document.querySelector('#u-{second} .mine').textContent === 'Անուշի նախադասությունը։'"
        ))
        .await;
    anush.screenshot("editor-two-browsers-conflict-hy").await;

    // She merges by hand and saves on top of Hasmik's version.
    anush
        .click(&format!("#u-{second} button[data-action=merge]"))
        .await;
    let merged = "Հասմիկի նախադասությունը։ Անուշի նախադասությունը։";
    anush.fill(&format!("#t-{second}"), merged).await;
    anush
        .type_into(&format!("#t-{second}"), "\u{E009}s\u{E000}")
        .await;
    anush
        .wait_for(&format!(
            "document.querySelector('#u-{second} .conflict').hidden"
        ))
        .await;
    let stored = app.store.list_units(id, &hy).await.expect("units")[2].clone();
    assert_eq!(stored.text, merged);
    let history = app
        .store
        .unit_history(stored.unit_id)
        .await
        .expect("history");
    let texts: Vec<&str> = history.iter().map(|r| r.text.as_str()).collect();
    assert_eq!(
        texts,
        ["Հասմիկի նախադասությունը։", merged],
        "both saves are kept"
    );

    // Hasmik's view follows within a second, as does a save by someone who is not typing.
    hasmik
        .wait_for(&format!(
            "document.querySelector('#t-{second}').value === '{merged}'"
        ))
        .await;
    anush
        .type_into(&format!("#t-{third}"), "Երրորդ պարբերությունը։")
        .await;
    anush
        .click(&format!("#u-{third} button[data-action=save]"))
        .await;
    hasmik
        .wait_for(&format!(
            "document.querySelector('#t-{third}').value === 'Երրորդ պարբերությունը։'"
        ))
        .await;
    anush.quit().await;
    hasmik.quit().await;
}

/// The demo statement in the editor: glossary terms marked in the source, a fuzzy memory match
/// offered for a paragraph that an earlier letter almost had, and the checks of the result.
async fn the_editor_offers_memory_terms_and_checks_on_the_demo_statement() {
    webdriver::require();
    let (app, _users, id, browser) = signed_in("anush", "hy").await;
    let hy = tandem::domain::language::LanguageTag::parse("hy").expect("tag");
    let units = app.store.list_units(id, &hy).await.expect("units");
    let (first, ready) = (units[1].segment_id, units[6].segment_id);
    browser.goto(&app.url(&format!("/app/s/{id}/hy"))).await;

    // "National Assembly" is a glossary term: marked in the source, listed with its translation.
    browser
        .wait_for(&format!(
            "document.querySelector('#u-{first} mark.term')?.dataset.translation === 'Ազգային ժողով'"
        ))
        .await;
    browser.click(&format!("#t-{first}")).await;
    browser
        .wait_for(
            "document.querySelector('.unit-panel .terms').textContent.includes('Ազգային ժողով')",
        )
        .await;

    // The earlier letter had this paragraph with another date: a fuzzy match, with the change.
    browser.click(&format!("#t-{ready}")).await;
    browser
        .wait_for(
            "[...document.querySelectorAll('.unit-panel .suggestions .score')].some(s => { \
               const n = Number(s.dataset.score); return n >= 80 && n < 100; })",
        )
        .await;
    let diff = browser
        .execute(
            "return document.querySelector('.unit-panel .suggestions .diff').innerHTML;",
            serde_json::json!([]),
        )
        .await;
    let diff = diff.as_str().unwrap_or_default();
    assert!(
        diff.contains("<del>20</del>") && diff.contains("<ins>1</ins>"),
        "the date that changed is shown: {diff}"
    );
    browser.screenshot("editor-memory-hy").await;

    // Taking it keeps the old date; the checks say so before anyone approves.
    browser.click(".unit-panel .suggestions li button").await;
    assert!(browser
        .value(&format!("#t-{ready}"))
        .await
        .contains("Պատրաստ ենք"));
    browser
        .click(&format!("#u-{ready} button[data-action=save]"))
        .await;
    browser
        .wait_for(&format!(
            "document.querySelector('#u-{ready} .findings li[data-check=date_mismatch][data-severity=error]')"
        ))
        .await;
    let message = browser
        .execute(
            &format!("return document.querySelector('#u-{ready} .findings li').textContent;"),
            serde_json::json!([]),
        )
        .await;
    assert!(
        message
            .as_str()
            .is_some_and(|m| m.chars().any(|c| ('\u{0531}'..='\u{058F}').contains(&c))),
        "the finding is written in Armenian: {message}"
    );
    browser.screenshot("editor-checks-hy").await;
    browser.quit().await;
}

pub fn tests() -> Tests {
    Tests::new()
        .run(
            "translator_signs_in_in_armenian_and_sees_the_queue",
            translator_signs_in_in_armenian_and_sees_the_queue,
        )
        .run(
            "translator_saves_and_submits_in_the_editor_and_conflicts_keep_her_text",
            translator_saves_and_submits_in_the_editor_and_conflicts_keep_her_text,
        )
        .run(
            "editor_previews_and_creates_a_statement_in_russian",
            editor_previews_and_creates_a_statement_in_russian,
        )
        .run(
            "two_browsers_on_one_unit_see_each_other_and_merge_a_conflict",
            two_browsers_on_one_unit_see_each_other_and_merge_a_conflict,
        )
        .run(
            "the_editor_offers_memory_terms_and_checks_on_the_demo_statement",
            the_editor_offers_memory_terms_and_checks_on_the_demo_statement,
        )
}
