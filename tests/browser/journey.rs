//! The whole job in real browsers: an editor creates and assigns a statement, a translator works
//! in Armenian, a reviewer sends one paragraph back and approves the other, the fix is approved,
//! the editor publishes, and the public page shows the three languages side by side.

use crate::common;
use crate::harness::Tests;
use crate::wait;
use crate::webdriver;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tandem::domain::language::LanguageTag;
use webdriver::Browser;

const TITLE: &str = "Riverside residents ask for the transport budget";
const SOURCE: &str =
    "The Riverside Residents' Council asks the city to publish the 2025 budget for public \
transport by 12 March. More than 3,400 people signed our letter.\n\n\
We invite everyone to the open meeting on Saturday at 11:00 in the library hall.";
const HY_FIRST_TRY: &str =
    "Գետափի բնակիչների խորհուրդը քաղաքապետարանից խնդրում է մինչև մարտի 12-ը \
հրապարակել հանրային տրանսպորտի 2025 թվականի բյուջեն։ Մեր նամակը ստորագրել է ավելի քան 3300 մարդ։";
const HY_FIXED: &str = "Գետափի բնակիչների խորհուրդը քաղաքապետարանից խնդրում է մինչև մարտի 12-ը \
հրապարակել հանրային տրանսպորտի 2025 թվականի բյուջեն։ Մեր նամակը ստորագրել է ավելի քան 3400 մարդ։";
const HY_SECOND: &str =
    "Հրավիրում ենք բոլորին շաբաթ օրը ժամը 11:00-ին գրադարանի դահլիճում կայանալիք բաց հանդիպմանը։";
const HY_REASON: &str = "Ստորագրողները 3400 են, ոչ թե 3300։";
/// The headline in Armenian and in Russian, translated and reviewed like the paragraphs.
const HY_TITLE: &str = "Գետափի բնակիչները խնդրում են հրապարակել տրանսպորտի բյուջեն";
const RU_TITLE: &str = "Жители Приречья просят опубликовать бюджет на транспорт";
const RU: [&str; 2] = [
    "Совет жителей Приречья просит город опубликовать бюджет общественного транспорта на 2025 год \
до 12 марта. Наше письмо подписали более 3 400 человек.",
    "Приглашаем всех на открытое собрание в субботу в 11:00 в зале библиотеки.",
];

async fn wait_state(browser: &Browser, segment: i64, state: &str) {
    browser
        .wait_for(&format!(
            "document.querySelector('#u-{segment} .state').dataset.state === '{state}'"
        ))
        .await;
}

async fn assign(browser: &Browser, lang: &str, role: &str, user: &str, marker: &str) {
    browser.select("#assign select[name=lang]", lang).await;
    browser.select("#assign select[name=role]", role).await;
    browser.select("#assign select[name=user]", user).await;
    browser.click("#assign button[type=submit]").await;
    browser.wait_until(|html| html.contains(marker)).await;
}

async fn a_statement_goes_from_creation_to_publication_in_the_browser() {
    webdriver::require();
    let (app, users, _) = common::TestApp::with_demo().await;
    let base = app.url("");

    // The editor creates the statement, with a preview of its split, and assigns the work.
    let editor = Browser::start("en").await;
    editor
        .sign_in(&base, "editor", &common::demo_password(&users, "editor"))
        .await;
    editor.click("a[href='/app/statements']").await;
    editor.wait_for_url("/app/statements").await;
    editor.type_into("#title", TITLE).await;
    editor.select("#source_lang", "en").await;
    editor.click("input[name=target_langs][value=hy]").await;
    editor.click("input[name=target_langs][value=ru]").await;
    editor.type_into("#text", SOURCE).await;
    editor.click("#preview").await;
    editor
        .wait_until(|html| {
            html.contains(
                "<span class=\"sentence\">More than 3,400 people signed our letter.</span>",
            )
        })
        .await;
    editor.click("#new-statement button[type=submit]").await;
    editor
        .wait_for("/^\\/app\\/statements\\/\\d+$/.test(location.pathname)")
        .await;
    let statement = app
        .store
        .list_statements()
        .await
        .expect("statements")
        .into_iter()
        .find(|s| s.title == TITLE)
        .expect("created");
    let id = statement.id;
    let hy = LanguageTag::parse("hy").expect("tag");
    let units = app.store.list_units(id, &hy).await.expect("units");
    assert_eq!(units.len(), 3, "the headline and two paragraphs");
    assert_eq!(units[0].kind, "headline");
    let (h, p1, p2) = (
        units[0].segment_id,
        units[1].segment_id,
        units[2].segment_id,
    );

    assign(&editor, "hy", "translator", "anush", "✎ anush").await;
    assign(&editor, "hy", "reviewer", "hasmik", "✓ hasmik").await;
    assign(&editor, "ru", "translator", "dmitri", "✎ dmitri").await;
    // A new statement is closed to translators. Ticking the box opens it at once, and
    // unticking closes it again (everything here is assigned, so the journey goes on alike).
    assert!(!statement.open_to_translators, "closed by default");
    for open in [true, false] {
        editor
            .click("#openness input[name=open_to_translators]")
            .await;
        editor
            .wait_for(&format!(
                "document.querySelector('#openness .status').textContent !== '' \
                 && document.querySelector('#openness input').checked === {open}"
            ))
            .await;
        let stored = app
            .store
            .get_statement(id)
            .await
            .expect("read")
            .expect("the statement");
        assert_eq!(stored.summary.open_to_translators, open);
    }
    editor.screenshot("statement-en").await;

    // The translator, with the UI in Armenian, finds the work in her queue.
    let anush = Browser::start("hy").await;
    anush
        .sign_in(&base, "anush", &common::demo_password(&users, "anush"))
        .await;
    assert!(
        anush.source().await.contains(TITLE),
        "the new statement is in her queue"
    );
    anush.click(&format!("a[href='/app/s/{id}/hy']")).await;
    anush.wait_for_url(&format!("/app/s/{id}/hy")).await;

    // A wrong number is highlighted against the source as she types.
    anush.type_into(&format!("#t-{p1}"), HY_FIRST_TRY).await;
    anush
        .wait_for(&format!(
            "!document.querySelector('#u-{p1} .mismatch').hidden && \
             document.querySelector('#u-{p1} mark.differs')?.textContent === '3,400'"
        ))
        .await;
    let note = anush
        .execute(
            "return document.querySelector(`#u-${arguments[0]} .mismatch`).textContent;",
            json!([p1]),
        )
        .await;
    assert!(
        note.as_str().unwrap_or_default().contains("3300"),
        "the number that is not in the source is named: {note}"
    );
    // Ctrl+Enter saves and submits.
    anush
        .type_into(&format!("#t-{p1}"), "\u{E009}\u{E007}\u{E000}")
        .await;
    wait_state(&anush, p1, "translated").await;
    anush.type_into(&format!("#t-{p2}"), HY_SECOND).await;
    anush
        .click(&format!("#u-{p2} button[data-action=submit]"))
        .await;
    wait_state(&anush, p2, "translated").await;
    // The headline is at the top of the editor, a unit like the others.
    anush.type_into(&format!("#t-{h}"), HY_TITLE).await;
    anush
        .click(&format!("#u-{h} button[data-action=submit]"))
        .await;
    wait_state(&anush, h, "translated").await;
    anush.screenshot("editor-submitted-hy").await;

    // The reviewer sends the first back with a reason and approves the second and the headline.
    let hasmik = Browser::start("hy").await;
    hasmik
        .sign_in(&base, "hasmik", &common::demo_password(&users, "hasmik"))
        .await;
    hasmik.click("a[href='/app/review']").await;
    hasmik.wait_for_url("/app/review").await;
    let item = |segment: i64| format!("li.review-item[data-segment='{segment}']");
    hasmik
        .wait_until(|html| html.matches("class=\"review-item\"").count() == 3)
        .await;
    hasmik.screenshot("review-hy").await;
    // Sending back needs a reason: without one nothing is sent.
    hasmik
        .click(&format!("{} button[data-action=reject]", item(p1)))
        .await;
    assert_eq!(state_of_db(&app, id, 1).await, "translated");
    hasmik
        .type_into(&format!("{} input.comment", item(p1)), HY_REASON)
        .await;
    hasmik
        .click(&format!("{} button[data-action=reject]", item(p1)))
        .await;
    hasmik
        .click(&format!("{} button[data-action=approve]", item(p2)))
        .await;
    hasmik
        .click(&format!("{} button[data-action=approve]", item(h)))
        .await;
    hasmik
        .wait_for(&format!(
            "document.querySelector(\"{}\").classList.contains('done') && \
             document.querySelector(\"{}\").classList.contains('done') && \
             document.querySelector(\"{}\").classList.contains('done')",
            item(p1),
            item(p2),
            item(h)
        ))
        .await;
    assert_eq!(state_of_db(&app, id, 0).await, "approved");
    assert_eq!(state_of_db(&app, id, 1).await, "needs_work");
    assert_eq!(state_of_db(&app, id, 2).await, "approved");

    // The translator's open editor has already heard about both decisions.
    wait_state(&anush, p1, "needs_work").await;
    wait_state(&anush, p2, "approved").await;
    // The reason is in the history panel of the paragraph.
    anush.click(&format!("#t-{p1}")).await;
    anush
        .wait_for(&format!(
            "document.querySelector('.unit-panel .history').textContent.includes('{HY_REASON}')"
        ))
        .await;
    anush.screenshot("editor-returned-hy").await;
    anush.fill(&format!("#t-{p1}"), HY_FIXED).await;
    anush
        .wait_for(&format!(
            "document.querySelector('#u-{p1} .mismatch').hidden"
        ))
        .await;
    anush
        .click(&format!("#u-{p1} button[data-action=submit]"))
        .await;
    wait_state(&anush, p1, "translated").await;

    // The reviewer sees exactly what changed since she sent it back, and approves.
    hasmik.goto(&app.url("/app/review")).await;
    hasmik
        .wait_until(|html| html.matches("class=\"review-item\"").count() == 1)
        .await;
    let html = hasmik.source().await;
    assert!(
        html.contains("<del>3300</del><ins>3400</ins>"),
        "the diff shows the changed number"
    );
    hasmik.screenshot("review-diff-hy").await;
    hasmik
        .click(&format!("{} button[data-action=approve]", item(p1)))
        .await;
    hasmik
        .wait_for(&format!(
            "document.querySelector(\"{}\").classList.contains('done')",
            item(p1)
        ))
        .await;

    // Publishing now is refused, with the Russian units that block it listed.
    editor
        .goto(&app.url(&format!("/app/statements/{id}")))
        .await;
    editor.click("#publish button[type=submit]").await;
    editor
        .wait_for("!document.querySelector('#publish .blocking').hidden")
        .await;
    let blockers = editor
        .execute(
            "return document.querySelectorAll('#publish .blocking li a').length;",
            json!([]),
        )
        .await;
    assert_eq!(
        blockers,
        json!(3),
        "the Russian headline and both paragraphs block publishing"
    );
    editor.screenshot("publish-blocked-en").await;

    // Russian is done over the API by its translator and reviewer.
    let dmitri = app.sign_in_with(&users, "dmitri").await;
    let olga = app.sign_in_with(&users, "olga").await;
    for (segment, text) in [(h, RU_TITLE), (p1, RU[0]), (p2, RU[1])] {
        let path = format!("/api/v1/statements/{id}/segments/{segment}/translations/ru");
        let (status, saved) = dmitri
            .call(
                Method::PUT,
                &path,
                Some(json!({"text": text, "base_version": 1})),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{saved}");
        let (status, submitted) = dmitri
            .call(
                Method::POST,
                &format!("{path}/submit"),
                Some(json!({"base_version": saved["version"]})),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{submitted}");
        let (status, approved) = olga
            .call(
                Method::POST,
                &format!("{path}/approve"),
                Some(json!({"base_version": submitted["version"]})),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{approved}");
    }

    editor.click("#publish button[type=submit]").await;
    let slug = statement.slug.clone();
    editor
        .wait_until(|html| html.contains(&format!("href=\"/p/{slug}/v/1\"")))
        .await;
    editor.screenshot("published-en").await;

    // Each language's page is titled with its own headline.
    for (lang, title) in [("hy", HY_TITLE), ("ru", RU_TITLE)] {
        editor.goto(&app.url(&format!("/p/{slug}/{lang}"))).await;
        let page = editor.source().await;
        assert!(
            page.contains(&format!("<h1 lang=\"{lang}\">{title}</h1>")),
            "the {lang} headline is the page's title"
        );
    }

    // The public page shows the three languages, each marked with its language.
    editor.goto(&app.url(&format!("/p/{slug}"))).await;
    let page = editor.source().await;
    for (lang, text) in [
        ("en", "We invite everyone to the open meeting"),
        ("hy", "ավելի քան 3400 մարդ"),
        ("ru", "Приглашаем всех на открытое собрание"),
    ] {
        assert!(page.contains(text), "{lang} text on the public page");
        assert!(
            page.contains(&format!("lang=\"{lang}\"")),
            "{lang} is marked"
        );
    }
    editor.screenshot("public-aligned").await;

    // A later correction of the source: the changes are shown word by word before saving, and
    // the changed paragraph goes back to its translators.
    editor
        .goto(&app.url(&format!("/app/statements/{id}")))
        .await;
    let corrected = SOURCE.replace("at 11:00", "at 12:00");
    editor.fill("#source-text", &corrected).await;
    assert_eq!(
        editor
            .execute(
                "return document.getElementById('source-save').disabled;",
                json!([])
            )
            .await,
        json!(true),
        "the new source cannot be saved before its changes were shown"
    );
    editor.click("#source-preview").await;
    editor
        .wait_until(|html| html.contains("<del>11</del><ins>12</ins>"))
        .await;
    editor.screenshot("source-diff-en").await;
    editor.click("#source-save").await;
    editor.wait_until(|html| html.contains("Revision 2")).await;
    let after = app.store.list_units(id, &hy).await.expect("units");
    assert_eq!(
        (
            after[0].state.as_str(),
            after[1].state.as_str(),
            after[2].state.as_str()
        ),
        ("approved", "approved", "needs_work"),
        "only the changed paragraph goes back; the headline and the other stay approved"
    );

    // The administrator gives Dmitri the reviewer role for Armenian.
    editor.goto(&app.url("/app/admin")).await;
    let dmitri_row = "tr.user:has(input[value='Dmitri'])";
    editor
        .click(&format!(
            "{dmitri_row} input[data-lang='hy'][data-role='reviewer']"
        ))
        .await;
    editor
        .click(&format!("{dmitri_row} button[data-action=save-user]"))
        .await;
    wait::until("dmitri's new role in the database", async || {
        let users = app.store.list_users().await.expect("users");
        let dmitri = users
            .iter()
            .find(|u| u.username == "dmitri")
            .expect("dmitri");
        if dmitri
            .roles
            .has(tandem::domain::role::LanguageRole::Reviewer, &hy)
        {
            Ok(())
        } else {
            Err("no reviewer role yet")
        }
    })
    .await;

    for browser in [editor, anush, hasmik] {
        browser.quit().await;
    }
}

async fn state_of_db(app: &common::TestApp, id: i64, index: usize) -> String {
    let hy = LanguageTag::parse("hy").expect("tag");
    let units = app.store.list_units(id, &hy).await.expect("units");
    let value: Value = serde_json::to_value(units[index].state).expect("state");
    value.as_str().unwrap_or_default().to_owned()
}

pub fn tests() -> Tests {
    Tests::new().run(
        "a_statement_goes_from_creation_to_publication_in_the_browser",
        a_statement_goes_from_creation_to_publication_in_the_browser,
    )
}
