//! Every page of the desk in Armenian, English and Russian: the language switch changes every
//! string of the chrome, the choice follows the person to another browser, pages fit a 360 px
//! phone, and screenshots of each page in each language are kept under `target/screenshots/`.

use crate::common;
use crate::harness::Tests;
use crate::webdriver;

use std::collections::HashMap;

use reqwest::Method;
use serde_json::json;
use webdriver::Browser;

/// `id -> value` of the messages of one locale file that have no variables.
pub fn plain_messages(locale: &str) -> HashMap<String, String> {
    let path = format!("{}/locales/{locale}/main.ftl", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).expect("locale file");
    text.lines()
        .filter_map(|line| line.split_once(" = "))
        .filter(|(id, value)| {
            id.chars().all(|c| c.is_ascii_lowercase() || c == '-') && !value.contains('{')
        })
        .map(|(id, value)| (id.to_owned(), value.trim().to_owned()))
        .collect()
}

/// The chrome's own text: text nodes and human-facing attributes of everything that is not marked
/// as another language (statement texts, language names and the like carry their own `lang`).
const CHROME_TEXT: &str = r#"
const ui = document.documentElement.lang;
const own = (node) => (node.closest("[lang]")?.getAttribute("lang") ?? ui) === ui;
const out = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const node = walker.currentNode;
  const parent = node.parentElement;
  // Key caps and codes name keys and tags, not words.
  if (parent && own(parent) && !parent.closest("kbd, code") && node.textContent.trim()) out.push(node.textContent.trim());
}
const technical = new Set(["data-statement", "data-lang", "data-segment", "data-version", "data-role",
  "data-state", "data-id", "data-me", "data-revision", "data-format", "data-action", "data-fate",
  "data-severity", "data-check", "data-status", "data-source-lang", "data-translation", "data-note",
  "data-into", "data-paragraph"]);
for (const element of document.body.querySelectorAll("*")) {
  if (!own(element)) continue;
  for (const attribute of element.attributes) {
    const human = ["placeholder", "aria-label", "title", "alt"].includes(attribute.name)
      || (attribute.name.startsWith("data-") && !technical.has(attribute.name));
    if (human && attribute.value.trim()) out.push(attribute.value.trim());
  }
}
return out;
"#;

async fn chrome_text(browser: &Browser) -> Vec<String> {
    browser
        .execute(CHROME_TEXT, json!([]))
        .await
        .as_array()
        .expect("strings")
        .iter()
        .filter_map(|v| v.as_str().map(str::to_owned))
        .collect()
}

fn script_of(locale: &str) -> fn(char) -> bool {
    match locale {
        "hy" => |c| ('\u{0531}'..='\u{058F}').contains(&c),
        "ru" => |c| ('\u{0400}'..='\u{04FF}').contains(&c),
        _ => |c| c.is_ascii_alphabetic(),
    }
}

async fn the_language_switch_changes_every_string_on_every_page() {
    webdriver::require();
    let (app, users, id) = common::TestApp::with_demo().await;
    // Something waits in the review queue, so that page has its full chrome.
    let anush = app.sign_in_with(&users, "anush").await;
    let hy = tandem::domain::language::LanguageTag::parse("hy").expect("tag");
    let first = app.store.list_units(id, &hy).await.expect("units")[0].clone();
    let path = format!(
        "/api/v1/statements/{id}/segments/{}/translations/hy",
        first.segment_id
    );
    let (_, saved) = anush
        .call(
            Method::PUT,
            &path,
            Some(json!({"text": "Բաց նամակ", "base_version": first.version})),
        )
        .await;
    anush
        .call(
            Method::POST,
            &format!("{path}/submit"),
            Some(json!({"base_version": saved["version"]})),
        )
        .await;

    let english = plain_messages("en");
    let password = |name: &str| common::demo_password(&users, name);
    let pages = [
        ("my-work", "/app".to_owned()),
        ("statements", "/app/statements".to_owned()),
        ("statement", format!("/app/statements/{id}")),
        ("editor", format!("/app/s/{id}/hy")),
        ("review", "/app/review".to_owned()),
        ("admin", "/app/admin".to_owned()),
        ("align", "/app/align".to_owned()),
        ("memory", "/app/memory?src=en&tgt=hy&q=the".to_owned()),
        ("glossary", "/app/glossary".to_owned()),
        ("tokens", "/app/tokens".to_owned()),
        ("admin-languages", "/app/admin/languages".to_owned()),
        ("audit", "/app/admin/audit".to_owned()),
        ("webhooks", "/app/admin/webhooks".to_owned()),
    ];

    let browser = Browser::start("en").await;
    browser
        .sign_in(&app.url(""), "editor", &password("editor"))
        .await;
    for locale in ["hy", "ru", "en"] {
        browser
            .click(&format!("a[href='/app/lang/{locale}']"))
            .await;
        browser
            .wait_for(&format!("document.documentElement.lang === '{locale}'"))
            .await;
        let others = plain_messages(locale);
        let in_script = script_of(locale);
        for (name, path) in &pages {
            browser.goto(&app.url(path)).await;
            browser
                .wait_for(&format!("document.documentElement.lang === '{locale}'"))
                .await;
            let strings = chrome_text(&browser).await;
            assert!(strings.len() > 5, "{name}: the page has chrome");
            for text in &strings {
                // Every string of the chrome is written in the interface language's script
                // (the brand name and kbd labels aside).
                let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
                let foreign = letters.iter().filter(|c| !in_script(**c)).count();
                assert!(
                    letters.is_empty()
                        || foreign * 2 <= letters.len()
                        || [
                            "Tandem", "BCP", "Markdown", "HTML", "TMX", "JSON", "XLIFF", "TBX",
                            "CSV", "API"
                        ]
                        .iter()
                        .any(|w| text.contains(w)),
                    "{name} in {locale}: {text:?} is not in the interface language"
                );
                if locale != "en" {
                    for (id, value) in &english {
                        if value.len() >= 4 && others.get(id) != Some(value) {
                            assert!(
                                !text.contains(value.as_str()),
                                "{name} in {locale}: the English {id} ({value:?}) is left in {text:?}"
                            );
                        }
                    }
                }
            }
            browser.screenshot(&format!("{name}-{locale}")).await;
        }
    }

    // The choice is a setting of the person: another browser asking for English gets Russian.
    browser.click("a[href='/app/lang/ru']").await;
    browser
        .wait_for("document.documentElement.lang === 'ru'")
        .await;
    let elsewhere = Browser::start("en").await;
    elsewhere
        .sign_in(&app.url(""), "editor", &password("editor"))
        .await;
    elsewhere
        .wait_for("document.documentElement.lang === 'ru'")
        .await;
    assert!(elsewhere.source().await.contains("Моя работа"));

    // A 360 px phone: no page scrolls sideways; wide tables scroll inside their own box.
    elsewhere.resize(360, 780).await;
    for (name, path) in &pages {
        elsewhere.goto(&app.url(path)).await;
        let (page, viewport) = (
            elsewhere
                .execute("return document.documentElement.scrollWidth;", json!([]))
                .await,
            elsewhere
                .execute("return document.documentElement.clientWidth;", json!([]))
                .await,
        );
        elsewhere.screenshot(&format!("{name}-360-ru")).await;
        let wide = elsewhere
            .execute(
                "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth && !e.closest('.scroll')).slice(0, 5).map(e => e.outerHTML.slice(0, 120));",
                json!([]),
            )
            .await;
        assert!(
            page.as_i64() <= viewport.as_i64(),
            "{name} at 360 px is {page} px wide; too wide: {wide}"
        );
    }

    // Signed out, the sign-in page keeps the chosen language.
    elsewhere.click("#sign-out").await;
    elsewhere.wait_for_url("/app/sign-in").await;
    assert!(elsewhere.source().await.contains("<html lang=\"ru\">"));
    elsewhere.screenshot("sign-in-ru").await;
    browser.quit().await;
    elsewhere.quit().await;
}

/// On the public pages the switch changes the interface, not the statement: Russian text in an
/// Armenian interface, remembered on the next page, and `?lang=` picks the text.
async fn the_public_switch_changes_the_interface_not_the_text() {
    webdriver::require();
    let app = common::TestApp::spawn(common::Db::Sqlite).await;
    let (slug, _) = app.published_demo().await;
    let browser = Browser::start("en").await;
    browser.goto(&app.url(&format!("/p/{slug}/ru"))).await;
    browser
        .wait_for("document.documentElement.lang === 'ru'")
        .await;
    assert!(browser.source().await.contains("Опубликовано"));

    browser.click("nav.ui-lang a[href='?ui=hy']").await;
    browser
        .wait_until(|html| html.contains("Հրապարակվել է"))
        .await;
    let page = browser.source().await;
    assert!(
        page.contains("Депутатам Национального собрания,"),
        "still the Russian text"
    );
    assert!(browser.url().await.contains(&format!("/p/{slug}/ru")));

    // Remembered: the next page, without the parameter, keeps the Armenian interface; `?lang=`
    // there picks the English text.
    browser.goto(&app.url(&format!("/p/{slug}?lang=en"))).await;
    browser.wait_for_url(&format!("/p/{slug}/en")).await;
    browser
        .wait_for("document.documentElement.lang === 'en'")
        .await;
    let page = browser.source().await;
    assert!(
        page.contains("Հրապարակվել է") && !page.contains("Published on"),
        "Armenian interface"
    );
    browser.screenshot("public-en-in-hy").await;
    browser.quit().await;
}

pub fn tests() -> Tests {
    Tests::new()
        .run(
            "the_language_switch_changes_every_string_on_every_page",
            the_language_switch_changes_every_string_on_every_page,
        )
        .run(
            "the_public_switch_changes_the_interface_not_the_text",
            the_public_switch_changes_the_interface_not_the_text,
        )
}
