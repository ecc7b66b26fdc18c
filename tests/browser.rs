//! The translators' desk in a real headless Chromium: sign in with the UI in Armenian, see the
//! work queue, switch the UI language.

mod common;
#[path = "support/webdriver.rs"]
mod webdriver;

use webdriver::Browser;

#[tokio::test]
async fn translator_signs_in_in_armenian_and_sees_the_queue() {
    if !webdriver::available() {
        return;
    }
    let app = common::TestApp::spawn(common::Db::Sqlite)
        .await
        .expect("app");
    let (users, _) = tandem::workflow::demo::seed(app.store.as_ref(), &Default::default())
        .await
        .expect("seed")
        .expect("empty database");
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
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
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
        page.contains("<td class=\"count\">7</td>"),
        "seven paragraphs to translate"
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
