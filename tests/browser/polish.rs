//! The desk where it was measured: the header on one line at 1280 px and nothing wider than a
//! 375 px phone, publishing at the top of the statement page, lists that say where each language
//! stands, text areas that grow, an approved unit that is re-opened rather than resubmitted, forms
//! that never offer the source as a target, and documents refused where text belongs.

use crate::common;
use crate::harness::Tests;
use crate::webdriver;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tandem::domain::role::LanguageRole;
use webdriver::Browser;

/// A published demo statement and a person who may do everything on it, signed in in a browser
/// whose interface is `locale`; the statement's id.
async fn desk(locale: &str) -> (common::TestApp, Browser, i64) {
    let app = common::TestApp::spawn(common::Db::Sqlite).await;
    app.published_demo().await;
    use LanguageRole::{Reviewer, Translator};
    app.add_user(
        "desk",
        true,
        true,
        &[
            (Translator, "hy"),
            (Reviewer, "hy"),
            (Translator, "ru"),
            (Reviewer, "ru"),
        ],
    )
    .await;
    let (_, list) = app.sign_in("desk").await.get("/api/v1/statements").await;
    let id = list[0]["id"].as_i64().expect("statement id");
    let browser = Browser::start(locale).await;
    browser
        .sign_in(&app.url(""), "desk", common::PASSWORD)
        .await;
    browser
        .wait_for(&format!("document.documentElement.lang === '{locale}'"))
        .await;
    (app, browser, id)
}

/// The `href` of every link `css` selects, in page order.
async fn hrefs(browser: &Browser, css: &str) -> Vec<String> {
    browser
        .execute(
            "return [...document.querySelectorAll(arguments[0])].map((a) => a.getAttribute('href'));",
            json!([css]),
        )
        .await
        .as_array()
        .expect("links")
        .iter()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect()
}

/// How the header lies: its height, the rows of each of its menus, the links whose own text
/// breaks over lines, and whether the page is wider than the window.
const HEADER_ROWS: &str = r#"
const header = document.querySelector("header.site");
const height = header.getBoundingClientRect().height;
const broken = [...header.querySelectorAll("a, button")]
  .filter((e) => e.getClientRects().length > 1)
  .map((e) => e.textContent.trim());
const menus = [...header.querySelectorAll("nav")].map(
  (nav) => new Set([...nav.querySelectorAll("a")].map((a) => Math.round(a.getBoundingClientRect().top))).size,
);
return { height, broken, menus, width: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth };
"#;

async fn the_header_keeps_one_line_and_phones_never_scroll_sideways() {
    webdriver::require();
    let (app, browser, id) = desk("hy").await;
    let pages = [
        ("my-work", "/app".to_owned()),
        ("statements", "/app/statements".to_owned()),
        ("statement", format!("/app/statements/{id}")),
        ("editor", format!("/app/s/{id}/hy")),
        ("review", "/app/review".to_owned()),
        ("admin", "/app/admin".to_owned()),
        ("align", "/app/align".to_owned()),
    ];
    for locale in ["hy", "ru"] {
        browser.goto(&app.url(&format!("/app/lang/{locale}"))).await;
        browser
            .wait_for(&format!("document.documentElement.lang === '{locale}'"))
            .await;
        browser.resize(1280, 900).await;
        for (name, path) in &pages {
            browser.goto(&app.url(path)).await;
            let found = browser.execute(HEADER_ROWS, json!([])).await;
            // At most two deliberate rows (the person's things, then the desk's links), and
            // no label broken in two.
            assert!(
                found["height"].as_f64().unwrap_or(1e9) <= 120.0
                    && found["broken"].as_array().is_some_and(Vec::is_empty),
                "{name} in {locale} at 1280 px: the header wraps: {found}"
            );
            assert!(
                found["menus"]
                    .as_array()
                    .is_some_and(|m| m.iter().all(|rows| rows == 1)),
                "{name} in {locale} at 1280 px: a menu wraps: {found}"
            );
        }
        browser.screenshot(&format!("header-1280-{locale}")).await;

        browser.resize(375, 800).await;
        for (name, path) in &pages {
            browser.goto(&app.url(path)).await;
            let found = browser.execute(HEADER_ROWS, json!([])).await;
            assert!(
                found["width"].as_i64() <= found["viewport"].as_i64(),
                "{name} in {locale} at 375 px scrolls sideways: {found}"
            );
        }
        // The editor at 375 px: every text area takes nearly the whole width.
        browser.goto(&app.url(&format!("/app/s/{id}/hy"))).await;
        let narrowest = browser
            .execute(
                "return Math.min(...[...document.querySelectorAll('ol.editor textarea')].map((a) => a.getBoundingClientRect().width));",
                json!([]),
            )
            .await;
        assert!(
            narrowest.as_f64().unwrap_or(0.0) >= 280.0,
            "editor text areas at 375 px in {locale}: {narrowest} px"
        );
        browser.screenshot(&format!("editor-375-{locale}")).await;
    }
    browser.quit().await;
}

/// The first unit's item in the editor, and its text area.
const FIRST: &str = "ol.editor li.unit:first-of-type";

async fn an_approved_unit_is_reopened_and_text_areas_grow() {
    webdriver::require();
    let (app, browser, id) = desk("en").await;
    browser.goto(&app.url(&format!("/app/s/{id}/hy"))).await;
    let shown = |action: &str| {
        format!("!document.querySelector('{FIRST} button[data-action={action}]').hidden")
    };
    // Approved: locked, with Re-open and without Submit or Save.
    browser
        .wait_for(&format!(
            "document.querySelector('{FIRST} textarea').readOnly"
        ))
        .await;
    for (action, visible) in [
        ("reopen", true),
        ("submit", false),
        ("save", false),
        ("approve", false),
    ] {
        let is = browser
            .execute(&format!("return {};", shown(action)), json!([]))
            .await;
        assert_eq!(is, json!(visible), "{action} shown: {visible}");
    }
    // Ctrl+S and Ctrl+Enter on the locked unit change nothing.
    browser.click(&format!("{FIRST} textarea")).await;
    browser.chord(&["\u{E009}", "s"]).await;
    browser.chord(&["\u{E009}", "\u{E007}"]).await;

    browser
        .click(&format!("{FIRST} button[data-action=reopen]"))
        .await;
    browser
        .wait_for(&format!(
            "!document.querySelector('{FIRST} textarea').readOnly"
        ))
        .await;
    browser.wait_for(&shown("submit")).await;
    assert_eq!(
        browser
            .execute(&format!("return {};", shown("reopen")), json!([]))
            .await,
        json!(false)
    );
    assert_eq!(
        browser.focused().await,
        format!("#t-{}", segment_of(&browser).await)
    );

    // The text area grows with its text.
    let height = "return document.querySelector('ol.editor li.unit:first-of-type textarea').getBoundingClientRect().height;";
    let before = browser
        .execute(height, json!([]))
        .await
        .as_f64()
        .unwrap_or(0.0);
    browser
        .type_into(
            &format!("{FIRST} textarea"),
            "\nԵրկրորդ տող։\nԵրրորդ տող։\nՉորրորդ տող։\nՀինգերորդ տող։\nՎեցերորդ տող։\nՅոթերորդ տող։",
        )
        .await;
    let after = browser
        .execute(height, json!([]))
        .await
        .as_f64()
        .unwrap_or(0.0);
    assert!(after > before + 40.0, "grew from {before} to {after} px");

    // Saved, the re-opened unit is a draft again, and the lock does not come back until approved.
    browser
        .wait_for(&format!(
            "document.querySelector('{FIRST} .state').dataset.state === 'draft'"
        ))
        .await;
    assert!(!browser
        .execute(
            &format!("return document.querySelector('{FIRST} textarea').readOnly;"),
            json!([])
        )
        .await
        .as_bool()
        .unwrap_or(true));
    let session = app.sign_in("desk").await;
    let (_, units) = session
        .get(&format!("/api/v1/statements/{id}/translations/hy"))
        .await;
    assert_eq!(units[0]["state"], "draft", "{}", units[0]);
    assert!(units[0]["text"]
        .as_str()
        .is_some_and(|t| t.ends_with("Յոթերորդ տող։")));
    browser.screenshot("editor-reopened-en").await;
    browser.quit().await;
}

async fn segment_of(browser: &Browser) -> String {
    browser
        .execute(
            &format!("return document.querySelector('{FIRST}').dataset.segment;"),
            json!([]),
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

async fn publishing_comes_first_and_the_list_says_where_each_language_stands() {
    webdriver::require();
    let (app, browser, id) = desk("hy").await;
    let session = app.sign_in("desk").await;
    // A second statement whose Russian work was due yesterday.
    let (status, created) = session
        .post(
            "/api/v1/statements",
            json!({"title": "Opening hours", "source_lang": "en", "target_langs": ["hy", "ru"],
                   "text": "The reading room opens at ten.\n\nIt closes at six."}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{created}");
    let second = created["id"].as_i64().expect("id");
    let yesterday = chrono::Utc::now() - chrono::Duration::days(1);
    let (status, body) = session
        .call(
            Method::PUT,
            &format!("/api/v1/statements/{second}/assignments"),
            Some(
                json!({"lang": "ru", "role": "translator", "user": "desk", "segments": "all",
                        "due_at": yesterday.to_rfc3339()}),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    browser.resize(1280, 900).await;
    browser.goto(&app.url("/app/statements")).await;
    let texts: Value = browser
        .execute(
            "return [...document.querySelectorAll('table.statements tr')].map((tr) => ({
               meta: tr.querySelector('td.title .meta').textContent,
               titles: Object.fromEntries([...tr.querySelectorAll('.lang-title')].map((t) => [t.lang, t.textContent])),
               due: [...tr.querySelectorAll('.due')].map((d) => [d.className, d.textContent]) }));",
            json!([]),
        )
        .await;
    // Newest first: the new statement, then the published demo.
    assert!(
        texts[0]["meta"]
            .as_str()
            .is_some_and(|m| m.contains("Դեռ չի հրապարակվել")),
        "{texts}"
    );
    assert!(
        texts[1]["meta"]
            .as_str()
            .is_some_and(|m| m.contains("Հրապարակված է") && m.contains('1')),
        "{texts}"
    );
    assert_eq!(
        texts[1]["titles"]["hy"], "Բաց նամակ՝ հանրային տեղեկատվության հասանելիության մասին",
        "the Armenian headline beside the Armenian progress"
    );
    assert_eq!(
        texts[1]["titles"]["ru"],
        "Открытое письмо о доступе к публичной информации"
    );
    let due = texts[0]["due"].as_array().expect("due dates");
    assert_eq!(due.len(), 1, "only Russian has a due date: {texts}");
    assert_eq!(due[0][0], "due overdue");
    assert!(due[0][1]
        .as_str()
        .is_some_and(|d| d.contains("Ժամկետն անցել է")));
    // No progress label lies on its bar.
    let overlaps = browser
        .execute(
            "return [...document.querySelectorAll('a.progress')].filter((a) => {
               const bar = a.querySelector('svg.bar').getBoundingClientRect();
               const label = a.querySelector('.share').getBoundingClientRect();
               return label.left < bar.right && bar.left < label.right && label.top < bar.bottom && bar.top < label.bottom;
             }).length;",
            json!([]),
        )
        .await;
    assert_eq!(overlaps, json!(0), "progress labels overlap their bars");
    browser.screenshot("statements-hy").await;

    // The statement page: Publish and the downloads come before the work.
    browser
        .goto(&app.url(&format!("/app/statements/{id}")))
        .await;
    let top = browser
        .execute(
            "return document.querySelector('#publish button[type=submit]').getBoundingClientRect().top;",
            json!([]),
        )
        .await;
    assert!(
        top.as_f64().is_some_and(|t| t < 600.0),
        "Publish is {top} px down"
    );
    browser.click("details.downloads summary").await;
    let links = hrefs(&browser, "details.downloads a").await;
    for wanted in [
        "?format=html".to_owned(),
        "?format=tmx".to_owned(),
        format!("/api/v1/statements/{id}/export?format=xliff12&lang=ru"),
    ] {
        assert!(
            links.iter().any(|l| l.contains(wanted.as_str())),
            "{wanted} in {links:?}"
        );
    }
    browser.screenshot("statement-toolbar-hy").await;
    browser.quit().await;
}

async fn forms_keep_the_source_apart_and_refuse_documents() {
    webdriver::require();
    let (app, browser, _) = desk("ru").await;
    let value = |css: &str| format!("return document.querySelector('{css}').value;");

    // Alignment starts from the interface language, never offering it as the translation's.
    browser.goto(&app.url("/app/align")).await;
    assert_eq!(browser.execute(&value("#src_lang"), json!([])).await, "ru");
    let disabled = "return [...document.querySelectorAll('#tgt_lang option')].filter((o) => o.disabled).map((o) => o.value);";
    assert_eq!(browser.execute(disabled, json!([])).await, json!(["ru"]));
    assert_ne!(browser.execute(&value("#tgt_lang"), json!([])).await, "ru");
    browser.select("#src_lang", "hy").await;
    assert_eq!(browser.execute(disabled, json!([])).await, json!(["hy"]));
    assert_ne!(browser.execute(&value("#tgt_lang"), json!([])).await, "hy");

    // The new statement form: the source's own box is not among the targets.
    browser.goto(&app.url("/app/statements")).await;
    assert_eq!(
        browser.execute(&value("#source_lang"), json!([])).await,
        "ru"
    );
    let offered = "return [...document.querySelectorAll('input[name=target_langs]')].filter((b) => !b.closest('label').hidden && !b.disabled).map((b) => b.value);";
    let targets = browser.execute(offered, json!([])).await;
    assert!(
        !targets.as_array().expect("targets").contains(&json!("ru")),
        "{targets}"
    );
    browser.select("#source_lang", "en").await;
    let targets = browser.execute(offered, json!([])).await;
    assert!(
        targets.as_array().expect("targets").contains(&json!("ru"))
            && !targets.as_array().expect("targets").contains(&json!("en")),
        "{targets}"
    );

    // A DOCX chosen as the text file is refused in the interface language; no bytes land in the
    // text area.
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("statement.docx");
    let mut docx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00".to_vec();
    docx.extend((0u8..=255).cycle().take(2000));
    std::fs::write(&path, docx).expect("write");
    browser
        .type_into("#file", path.to_str().expect("path"))
        .await;
    browser
        .wait_for("!document.getElementById('new-statement-error').hidden")
        .await;
    let error = browser
        .execute(
            "return document.getElementById('new-statement-error').textContent;",
            json!([]),
        )
        .await;
    assert!(
        error
            .as_str()
            .is_some_and(|e| e.contains("не обычный текст")),
        "{error}"
    );
    assert_eq!(browser.execute(&value("#text"), json!([])).await, "");
    browser.screenshot("new-statement-docx-ru").await;
    browser.quit().await;
}

/// An editor who is not an administrator manages webhooks (policy lets editors) and finds them
/// in the header, without the administrators' pages in the sub-navigation.
async fn an_editor_finds_the_webhooks_without_the_administration() {
    webdriver::require();
    let app = common::TestApp::spawn(common::Db::Sqlite).await;
    app.add_user("newsdesk", true, false, &[]).await;
    let browser = Browser::start("ru").await;
    browser
        .sign_in(&app.url(""), "newsdesk", common::PASSWORD)
        .await;
    browser
        .click("header.site a[href='/app/admin/webhooks']")
        .await;
    browser.wait_for_url("/app/admin/webhooks").await;
    let links = hrefs(&browser, "nav a").await;
    assert!(
        links.iter().any(|l| l == "/app/admin/webhooks"),
        "{links:?}"
    );
    for admins_only in ["/app/admin", "/app/admin/languages", "/app/admin/audit"] {
        assert!(
            !links.iter().any(|l| l == admins_only),
            "{admins_only} in {links:?}"
        );
    }
    assert!(
        browser.source().await.contains("<form"),
        "the page lets them register one"
    );
    browser.quit().await;
}

pub fn tests() -> Tests {
    Tests::new()
        .run(
            "the_header_keeps_one_line_and_phones_never_scroll_sideways",
            the_header_keeps_one_line_and_phones_never_scroll_sideways,
        )
        .run(
            "an_approved_unit_is_reopened_and_text_areas_grow",
            an_approved_unit_is_reopened_and_text_areas_grow,
        )
        .run(
            "publishing_comes_first_and_the_list_says_where_each_language_stands",
            publishing_comes_first_and_the_list_says_where_each_language_stands,
        )
        .run(
            "forms_keep_the_source_apart_and_refuse_documents",
            forms_keep_the_source_apart_and_refuse_documents,
        )
        .run(
            "an_editor_finds_the_webhooks_without_the_administration",
            an_editor_finds_the_webhooks_without_the_administration,
        )
}
