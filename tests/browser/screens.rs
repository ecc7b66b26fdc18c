//! The screens for memory, glossary and API tokens, each job done through its page in Armenian,
//! English and Russian, and at least one flow of each by keyboard alone (Tab and Enter).

use crate::common;
use crate::harness::Tests;
use crate::webdriver;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tandem::domain::role::LanguageRole::{Reviewer, Translator};
use webdriver::{Browser, KEY_ENTER, KEY_TAB};

const LOCALES: [&str; 3] = ["hy", "en", "ru"];

/// A browser with the interface in English, signed in as demo user `name`.
async fn demo_browser(
    app: &common::TestApp,
    users: &[tandem::workflow::demo::DemoUser],
    name: &str,
) -> Browser {
    let browser = Browser::start("en").await;
    browser
        .sign_in(&app.url(""), name, &common::demo_password(users, name))
        .await;
    browser
}

/// Switches the interface language with the header's switch and waits for it.
async fn speak(browser: &Browser, app: &common::TestApp, locale: &str) {
    browser.goto(&app.url(&format!("/app/lang/{locale}"))).await;
    browser
        .wait_for(&format!("document.documentElement.lang === '{locale}'"))
        .await;
}

/// The message `id` of `locale`'s file, as the page shows it.
fn message(locale: &str, id: &str) -> String {
    crate::languages::plain_messages(locale)
        .remove(id)
        .unwrap_or_else(|| panic!("{id} in {locale}"))
}

/// Moves the keyboard focus to `css` (where a person would have tabbed to).
async fn focus(browser: &Browser, css: &str) {
    browser
        .execute(
            "document.querySelector(arguments[0]).focus();",
            json!([css]),
        )
        .await;
}

async fn text_of(browser: &Browser, css: &str) -> String {
    browser
        .execute(
            "return document.querySelector(arguments[0])?.textContent.trim() ?? '';",
            json!([css]),
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// A signed-in person's own tokens: created from the page reached through their name, the
/// secret shown once and copied, the token working, then revoked and refused, by keyboard.
async fn tokens_are_created_copied_and_revoked() {
    webdriver::require();
    let (app, users, _) = common::TestApp::with_demo().await;
    let browser = demo_browser(&app, &users, "anush").await;
    let http = reqwest::Client::new();
    let me = async |secret: &str| {
        http.get(app.url("/api/v1/me"))
            .bearer_auth(secret)
            .send()
            .await
            .expect("request")
            .status()
    };
    for locale in LOCALES {
        speak(&browser, &app, locale).await;
        // A translator too reaches their tokens from their name in the header.
        browser.click("header.site a.who").await;
        browser.wait_for_url("/app/tokens").await;
        let title = message(locale, "ui-tokens");
        assert!(browser
            .source()
            .await
            .contains(&format!("<h1>{title}</h1>")));

        let name = format!("CAT tool ({locale})");
        browser.type_into("#token-name", &name).await;
        browser.chord(&[KEY_ENTER]).await;
        browser
            .wait_for("!document.getElementById('token-secret').hidden")
            .await;
        assert_eq!(
            browser.focused().await,
            "#token-value",
            "focus on the secret"
        );
        let secret = browser.value("#token-value").await;
        assert!(secret.len() > 20, "a secret: {secret:?}");
        assert_eq!(me(&secret).await, StatusCode::OK, "the token works");
        browser.chord(&[KEY_TAB]).await;
        browser.chord(&[KEY_ENTER]).await;
        browser
            .wait_for("document.querySelector('#token-secret .status').textContent !== ''")
            .await;
        assert_eq!(
            text_of(&browser, "#token-secret .status").await,
            message(locale, "ui-copied")
        );
        assert!(text_of(&browser, "table.tokens tbody")
            .await
            .contains(&name));

        // Shown once: the next visit lists the token, never its secret.
        browser.goto(&app.url("/app/tokens")).await;
        let page = browser.source().await;
        assert!(page.contains(&name) && !page.contains(&secret));

        // Revoked by keyboard: from the name field, Tab past "Create" to the token's button.
        focus(&browser, "#token-name").await;
        browser.chord(&[KEY_TAB]).await;
        browser.chord(&[KEY_TAB]).await;
        let on = browser
            .execute(
                "return document.activeElement.classList.contains('revoke');",
                json!([]),
            )
            .await;
        assert_eq!(on, Value::Bool(true), "Tab reaches the revoke button");
        browser.chord(&[KEY_ENTER]).await;
        browser
            .wait_for("!document.querySelector('table.tokens tbody tr')")
            .await;
        assert!(text_of(&browser, "#token-status")
            .await
            .starts_with(&message(locale, "ui-token-revoked")));
        assert_eq!(me(&secret).await, StatusCode::UNAUTHORIZED, "revoked");
        browser
            .screenshot(&format!("screens-tokens-{locale}"))
            .await;
    }
    browser.quit().await;
}

/// Terms added through the form (a forbidden variant among them), seen in their pair, deleted
/// by keyboard, imported from CSV and exported; translators see the glossary but not the form.
async fn glossary_terms_are_added_seen_imported_and_deleted() {
    webdriver::require();
    let (app, users, _) = common::TestApp::with_demo().await;
    let browser = demo_browser(&app, &users, "editor").await;
    let terms = [
        (
            "hy",
            "hy",
            "National Assembly",
            "Ազգային ժողով",
            "preferred",
        ),
        (
            "en",
            "ru",
            "National Assembly",
            "Национальное собрание",
            "preferred",
        ),
        (
            "ru",
            "ru",
            "National Assembly",
            "Народное собрание",
            "forbidden",
        ),
    ];
    for (locale, tgt, term, translation, status) in terms {
        speak(&browser, &app, locale).await;
        browser.click("a[href='/app/glossary']").await;
        browser.wait_for_url("/app/glossary").await;
        browser.select("#nt-src", "en").await;
        browser.select("#nt-tgt", tgt).await;
        browser.select("#nt-status", status).await;
        browser.type_into("#nt-term", term).await;
        browser.type_into("#nt-translation", translation).await;
        browser.type_into("#nt-note", "Parliament").await;
        browser.chord(&[KEY_ENTER]).await;
        browser.wait_for("location.hash.startsWith('#term-')").await;
        let url = browser.url().await;
        assert!(url.contains(&format!("src=en&tgt={tgt}")), "{url}");
        let row = browser
            .execute(
                "const row = document.querySelector(location.hash).closest('tr');
                 return [row.dataset.status, row.cells[1].textContent.trim(),
                         row.querySelector('.term-status').textContent.trim(), !!row.querySelector('s')];",
                json!([]),
            )
            .await;
        let label = match status {
            "forbidden" => "ui-status-forbidden",
            _ => "ui-status-preferred",
        };
        assert_eq!(
            row,
            json!([
                status,
                translation,
                message(locale, label),
                status == "forbidden"
            ])
        );
        browser
            .screenshot(&format!("screens-glossary-{locale}"))
            .await;
    }

    // A translator reads the glossary of a pair, without the editors' form.
    let anush = app.sign_in_with(&users, "anush").await;
    let html = anush
        .client
        .get(app.url("/app/glossary?src=en&tgt=ru"))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    assert!(html.contains("Народное собрание") && html.contains("Национальное собрание"));
    assert!(!html.contains("Ազգային ժողով"), "only the pair asked for");
    assert!(!html.contains("id=\"new-term\"") && !html.contains("class=\"delete\""));

    // Deleted by keyboard: the forbidden variant goes.
    browser.goto(&app.url("/app/glossary?src=en&tgt=ru")).await;
    let id = browser
        .execute(
            "return [...document.querySelectorAll('tr.term')].find(r => r.dataset.status === 'forbidden').dataset.id;",
            json!([]),
        )
        .await;
    let id = id.as_str().expect("an id").to_owned();
    focus(&browser, &format!("tr.term[data-id='{id}'] button.delete")).await;
    browser.chord(&[KEY_ENTER]).await;
    browser
        .wait_for(&format!(
            "!document.querySelector(\"tr.term[data-id='{id}']\")"
        ))
        .await;
    let (_, listed) = anush.get("/api/v1/glossary?src=en&tgt=ru").await;
    let listed = listed.to_string();
    assert!(
        listed.contains("Национальное собрание") && !listed.contains("Народное собрание"),
        "{listed}"
    );

    // Imported from a CSV file, then exported with the pair.
    let dir = tempfile::tempdir().expect("dir");
    let csv = dir.path().join("terms.csv");
    std::fs::write(
        &csv,
        "src_lang,tgt_lang,term,translation,status,note\nen,hy,open letter,բաց նամակ,preferred,\nen,hy,Tandem,Tandem,do_not_translate,brand\n",
    )
    .expect("csv");
    browser.goto(&app.url("/app/glossary?src=en&tgt=hy")).await;
    browser.select("#it-format", "csv").await;
    browser
        .type_into("#it-file", &csv.display().to_string())
        .await;
    focus(&browser, "#import-terms button[type=submit]").await;
    browser.chord(&[KEY_ENTER]).await;
    browser
        .wait_for("document.querySelector('#import-terms .status').textContent !== ''")
        .await;
    assert!(text_of(&browser, "#import-terms .status")
        .await
        .ends_with(" 2"));
    let exported = browser
        .execute_async(
            "const done = arguments[arguments.length - 1];
             fetch(document.querySelector('a[href*=\"format=csv\"]').href).then(r => r.text()).then(done);",
            json!([]),
        )
        .await;
    let exported = exported.as_str().expect("csv");
    assert!(exported.contains("բաց նամակ") && exported.contains("Ազգային ժողով"));
    assert!(
        !exported.contains("Национальное"),
        "the pair shown: {exported}"
    );
    browser.quit().await;
}

const TMX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="test" creationtoolversion="1" datatype="plaintext"
 segtype="sentence" adminlang="en" srclang="en" o-tmf="test"/>
<body>
<tu><tuv xml:lang="en"><seg>The library closes at six.</seg></tuv>
    <tuv xml:lang="hy"><seg>Գրադարանը փակվում է ժամը յոթին։</seg></tuv>
    <tuv xml:lang="ru"><seg>Библиотека закрывается в семь.</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>The museum opens at ten.</seg></tuv>
    <tuv xml:lang="hy"><seg>Թանգարանը բացվում է ժամը տասին։</seg></tuv>
    <tuv xml:lang="ru"><seg>Музей открывается в десять.</seg></tuv></tu>
</body></tmx>"#;

async fn concordance(session: &common::Session, tgt: &str, q: &str) -> Vec<Value> {
    let (status, found) = session
        .get(&format!("/api/v1/memory/search?src=en&tgt={tgt}&q={q}"))
        .await;
    assert_eq!(status, StatusCode::OK, "{found}");
    found.as_array().expect("a list").clone()
}

/// The memory searched by keyboard, a pair corrected and one deleted in each language, and a
/// TMX file imported through the page with its progress bar.
async fn memory_is_searched_corrected_and_imported() {
    webdriver::require();
    let (app, users, _) = common::TestApp::with_demo().await;
    let editor = app.sign_in_with(&users, "editor").await;
    let resp = editor
        .client
        .post(app.url("/api/v1/memory/import"))
        .header("x-csrf-token", &editor.csrf)
        .header("content-type", "application/x-tmx+xml")
        .body(TMX)
        .send()
        .await
        .expect("import");
    assert_eq!(resp.status(), StatusCode::OK);

    let browser = demo_browser(&app, &users, "editor").await;
    let corrections = [
        (
            "hy",
            "hy",
            "Գրադարանը փակվում է ժամը վեցին։",
            "Գտնված զույգեր՝ 1",
        ),
        (
            "en",
            "ru",
            "Библиотека закрывается в шесть.",
            "Pairs found: 1",
        ),
        (
            "ru",
            "hy",
            "Գրադարանը փակվում է երեկոյան վեցին։",
            "Найдено пар: 1",
        ),
    ];
    for (locale, tgt, corrected, found) in corrections {
        speak(&browser, &app, locale).await;
        browser.click("a[href='/app/memory']").await;
        browser.wait_for_url("/app/memory").await;
        browser
            .select("#memory-search select[name=src]", "en")
            .await;
        browser.select("#memory-search select[name=tgt]", tgt).await;
        browser.type_into("#memory-q", "LIBRARY").await;
        browser.chord(&[KEY_ENTER]).await;
        browser.wait_for("document.querySelector('li.entry')").await;
        assert_eq!(text_of(&browser, "#h-found").await, found);
        let id = browser
            .execute(
                "return document.querySelector('li.entry').dataset.id;",
                json!([]),
            )
            .await;
        let id = id.as_str().expect("id").to_owned();
        browser.fill(&format!("#tgt-{id}"), corrected).await;
        // Tab to "Save", Enter.
        browser.chord(&[KEY_TAB]).await;
        assert_eq!(
            browser
                .execute("return document.activeElement.dataset.action;", json!([]))
                .await,
            json!("save-entry")
        );
        browser.chord(&[KEY_ENTER]).await;
        browser
            .wait_for("document.querySelector('li.entry .status').textContent !== ''")
            .await;
        assert_eq!(
            text_of(&browser, "li.entry .status").await,
            message(locale, "ui-saved")
        );
        let found = concordance(&editor, tgt, "library").await;
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0]["target"], corrected);
        browser
            .screenshot(&format!("screens-memory-{locale}"))
            .await;
    }

    // Deleted by keyboard.
    browser
        .goto(&app.url("/app/memory?src=en&tgt=ru&q=museum"))
        .await;
    browser.wait_for("document.querySelector('li.entry')").await;
    focus(&browser, "li.entry button[data-action=delete-entry]").await;
    browser.chord(&[KEY_ENTER]).await;
    browser
        .wait_for("!document.querySelector('li.entry')")
        .await;
    assert!(text_of(&browser, "#memory-results")
        .await
        .contains(&message("ru", "ui-memory-deleted")));
    assert!(concordance(&editor, "ru", "museum").await.is_empty());
    assert_eq!(concordance(&editor, "hy", "museum").await.len(), 1);

    // A TMX file through the page: the progress bar fills and the pairs are found.
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("archive.tmx");
    let mut units = String::new();
    for n in 0..2_000 {
        units.push_str(&format!(
            "<tu><tuv xml:lang=\"en\"><seg>Archive box {n} holds the letters.</seg></tuv>\
             <tuv xml:lang=\"hy\"><seg>Արխիվի {n} տուփում նամակներն են։</seg></tuv></tu>\n"
        ));
    }
    std::fs::write(&path, TMX.replace("<body>", &format!("<body>\n{units}"))).expect("tmx");
    browser.goto(&app.url("/app/memory")).await;
    browser
        .type_into("#tmx-file", &path.display().to_string())
        .await;
    focus(&browser, "#import-tmx button[type=submit]").await;
    browser.chord(&[KEY_ENTER]).await;
    browser
        .wait_for("document.querySelector('#import-tmx .status').textContent !== ''")
        .await;
    assert_eq!(
        browser
            .execute(
                "const p = document.getElementById('tmx-progress'); return [p.hidden, p.value];",
                json!([])
            )
            .await,
        json!([false, 100])
    );
    assert_eq!(
        concordance(&editor, "hy", "Archive%20box%201999")
            .await
            .len(),
        1
    );

    // Translators search the memory but do not correct it.
    let anush = app.sign_in_with(&users, "anush").await;
    let html = anush
        .client
        .get(app.url("/app/memory?src=en&tgt=hy&q=library"))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    assert!(html.contains("Գրադարանը փակվում է երեկոյան վեցին։"));
    assert!(!html.contains("<textarea") && !html.contains("import-tmx"));
    let (status, _) = anush.call(Method::DELETE, "/api/v1/memory/1", None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    browser.quit().await;
}

/// At 1280 px neither line of the header wraps in any language (the person, the language switch
/// and the brand on one, the desk's links on the other), for someone who sees every link.
async fn the_header_fits_one_line_at_1280() {
    webdriver::require();
    let (app, _, _) = common::TestApp::with_demo().await;
    app.add_user(
        "everyone",
        true,
        true,
        &[(Reviewer, "hy"), (Reviewer, "ru"), (Translator, "hy")],
    )
    .await;
    let browser = Browser::start("en").await;
    browser.resize(1280, 900).await;
    browser
        .sign_in(&app.url(""), "everyone", common::PASSWORD)
        .await;
    for locale in LOCALES {
        speak(&browser, &app, locale).await;
        let rows = browser
            .execute(
                "const oneLine = (elements) => {
                   const boxes = [...elements].map(e => e.getBoundingClientRect()).filter(r => r.width > 0);
                   return boxes.length > 2 && Math.max(...boxes.map(r => r.top)) < Math.min(...boxes.map(r => r.bottom));
                 };
                 return oneLine(document.querySelectorAll('header.site .app-nav a'))
                   && oneLine(document.querySelectorAll('header.site > :not(.app-nav)'));",
                json!([]),
            )
            .await;
        browser
            .screenshot(&format!("screens-header-1280-{locale}"))
            .await;
        assert_eq!(rows, Value::Bool(true), "the header wraps in {locale}");
    }
    browser.quit().await;
}

/// The audit log filtered by person, action and date, paged, and downloaded as CSV with the
/// same filters, in each language; the sub-navigation and the pages followed by keyboard.
async fn the_audit_log_is_filtered_paged_and_downloaded() {
    webdriver::require();
    let (app, users, _) = common::TestApp::with_demo().await;
    // 55 sign-ins of one person: more than a page.
    for _ in 0..55 {
        app.sign_in_with(&users, "anush").await;
    }
    let anush_id = app
        .sign_in_with(&users, "anush")
        .await
        .get("/api/v1/me")
        .await
        .1["user"]["id"]
        .as_i64()
        .expect("id");
    let browser = demo_browser(&app, &users, "editor").await;
    let today = chrono::Utc::now().date_naive().to_string();
    for locale in LOCALES {
        speak(&browser, &app, locale).await;
        browser.click("a[href='/app/admin']").await;
        browser.wait_for_url("/app/admin").await;
        focus(&browser, "nav.admin-nav a[href='/app/admin/audit']").await;
        browser.chord(&[KEY_ENTER]).await;
        browser.wait_for_url("/app/admin/audit").await;
        browser
            .select("#audit-filter select[name=actor_id]", &anush_id.to_string())
            .await;
        browser
            .select("#audit-filter select[name=action]", "session.signed_in")
            .await;
        browser
            .execute(
                "document.querySelector('#audit-filter input[name=from]').value = arguments[0];",
                json!([today]),
            )
            .await;
        focus(&browser, "#audit-filter button[type=submit]").await;
        browser.chord(&[KEY_ENTER]).await;
        browser
            .wait_for("location.search.includes('actor_id')")
            .await;
        let rows = browser
            .execute(
                "return [...document.querySelectorAll('tr.line')].map(r => [r.dataset.action, r.cells[1].textContent, r.cells[2].textContent]);",
                json!([]),
            )
            .await;
        let rows = rows.as_array().expect("rows").clone();
        assert_eq!(rows.len(), 50, "a full page");
        let label = message(locale, "ui-audit-signed-in");
        assert!(rows
            .iter()
            .all(|r| *r == json!(["session.signed_in", "anush", label])));
        browser.screenshot(&format!("screens-audit-{locale}")).await;

        // The next page keeps the filters: the six lines left.
        focus(&browser, "#audit-older").await;
        browser.chord(&[KEY_ENTER]).await;
        browser
            .wait_for("location.search.includes('before=')")
            .await;
        let count = browser
            .execute(
                "return document.querySelectorAll('tr.line').length;",
                json!([]),
            )
            .await;
        assert_eq!(count, json!(6));
        assert_eq!(
            browser
                .execute(
                    "return !!document.getElementById('audit-older');",
                    json!([])
                )
                .await,
            json!(false)
        );

        // The CSV holds every line of the filter.
        let text = browser
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 fetch(document.getElementById('audit-csv').href).then(r => r.text()).then(done);",
                json!([]),
            )
            .await;
        let text = text.as_str().expect("csv");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let records: Vec<csv::StringRecord> =
            reader.records().map(|r| r.expect("record")).collect();
        assert_eq!(records.len(), 56, "{text}");
        assert!(records
            .iter()
            .all(|r| &r[3] == "anush" && &r[4] == "session.signed_in"));
    }
    browser.quit().await;
}

/// An admin invites a person (the one-time password shown once) and disables them by keyboard,
/// in each language; the person can then no longer sign in, in the browser or with the API.
async fn people_are_invited_and_disabled() {
    webdriver::require();
    let (app, users, _) = common::TestApp::with_demo().await;
    let browser = demo_browser(&app, &users, "editor").await;
    for locale in LOCALES {
        speak(&browser, &app, locale).await;
        browser.goto(&app.url("/app/admin")).await;
        let name = format!("guest-{locale}");
        browser.type_into("#nu-username", &name).await;
        browser.type_into("#nu-display", &name).await;
        browser.chord(&[KEY_ENTER]).await;
        browser
            .wait_for("!document.getElementById('invite-secret').hidden")
            .await;
        assert_eq!(browser.focused().await, "#invite-value");
        let password = browser.value("#invite-value").await;
        let guest = app.sign_in_as(&name, &password).await;
        assert_eq!(guest.get("/api/v1/me").await.0, StatusCode::OK);
        browser
            .screenshot(&format!("screens-invite-{locale}"))
            .await;

        // The new person's row: disabled by keyboard.
        browser.goto(&app.url("/app/admin")).await;
        let id = browser
            .execute(
                "return [...document.querySelectorAll('tr.user')].find(r => r.cells[0].textContent === arguments[0]).dataset.id;",
                json!([name]),
            )
            .await;
        let id = id.as_str().expect("the row").to_owned();
        let button = format!("tr.user[data-id='{id}'] button[data-action=disable-user]");
        focus(&browser, &button).await;
        browser.chord(&[KEY_ENTER]).await;
        browser
            .wait_for(&format!(
                "document.querySelector(\"tr.user[data-id='{id}']\").classList.contains('disabled')"
            ))
            .await;
        assert_eq!(
            text_of(&browser, &format!("tr.user[data-id='{id}'] .account-state")).await,
            message(locale, "ui-account-disabled")
        );
        assert_eq!(
            text_of(
                &browser,
                &format!("tr.user[data-id='{id}'] button[data-action=enable-user]")
            )
            .await,
            message(locale, "ui-enable")
        );
        assert_eq!(guest.get("/api/v1/me").await.0, StatusCode::UNAUTHORIZED);

        if locale == "hy" {
            // In a browser, the sign-in is refused with the message of the interface.
            let other = Browser::start("hy").await;
            other.goto(&app.url("/app/sign-in")).await;
            other.type_into("#username", &name).await;
            other.type_into("#password", &password).await;
            other.chord(&[KEY_ENTER]).await;
            other
                .wait_for("!document.getElementById('sign-in-error').hidden")
                .await;
            assert!(other.url().await.ends_with("/app/sign-in"));
            other.screenshot("screens-disabled-sign-in-hy").await;
            other.quit().await;
        }
    }
    browser.quit().await;
}

/// A receiver on loopback that fails while `up` is false, counting what it was sent.
async fn receiver(up: std::sync::Arc<std::sync::atomic::AtomicBool>) -> String {
    use std::sync::atomic::Ordering;
    let router = axum::Router::new().route(
        "/hook",
        axum::routing::post(move || {
            let up = up.clone();
            async move {
                if up.load(Ordering::SeqCst) {
                    axum::http::StatusCode::OK
                } else {
                    axum::http::StatusCode::INTERNAL_SERVER_ERROR
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move { axum::serve(listener, router).await });
    format!("http://{addr}/hook")
}

/// Waits until the hook's newest delivery is in `state`; answers its id.
async fn newest_delivery(editor: &common::Session, hook: i64, count: usize, state: &str) -> i64 {
    crate::wait::until(
        format!("delivery {count} of hook {hook} to be {state}"),
        async || {
            let (_, log) = editor
                .get(&format!("/api/v1/webhooks/{hook}/deliveries"))
                .await;
            match log.as_array() {
                Some(log) if log.len() == count && log[0]["state"] == state => {
                    Ok(log[0]["id"].as_i64().unwrap_or_default())
                }
                _ => Err(log.to_string()),
            }
        },
    )
    .await
}

/// A webhook registered through the page, its failed deliveries seen and sent again, and its
/// secret made anew, in each language and by keyboard.
async fn webhooks_are_registered_retried_and_rotated() {
    use std::sync::atomic::{AtomicBool, Ordering};
    webdriver::require();
    let app = common::TestApp::spawn_with(common::Db::Sqlite, |config| {
        config.webhooks.poll = std::time::Duration::from_millis(50);
        config.webhooks.retry_base = std::time::Duration::from_millis(50);
        config.webhooks.retry_cap = std::time::Duration::from_millis(100);
        config.webhooks.max_attempts = 2;
        config.outbound.policy.allowed = vec!["127.0.0.1/32".parse().expect("a range")];
    })
    .await;
    let (users, statement) = tandem::workflow::demo::seed(app.store.as_ref(), &Default::default())
        .await
        .expect("seed")
        .expect("empty database");
    let up = std::sync::Arc::new(AtomicBool::new(false));
    let url = receiver(up.clone()).await;
    let editor = app.sign_in_with(&users, "editor").await;
    let anush = app.sign_in_with(&users, "anush").await;
    let hasmik = app.sign_in_with(&users, "hasmik").await;
    let (_, units) = anush
        .get(&format!("/api/v1/statements/{statement}/translations/hy"))
        .await;
    let units = units.as_array().expect("units").clone();
    let texts: Value =
        serde_json::from_str(include_str!("../fixtures/demo_translations.json")).expect("fixture");

    let browser = demo_browser(&app, &users, "editor").await;
    let mut secret = String::new();
    let mut hook = 0;
    for (n, locale) in LOCALES.into_iter().enumerate() {
        speak(&browser, &app, locale).await;
        browser.goto(&app.url("/app/admin")).await;
        focus(&browser, "nav.admin-nav a[href='/app/admin/webhooks']").await;
        browser.chord(&[KEY_ENTER]).await;
        browser.wait_for_url("/app/admin/webhooks").await;
        if n == 0 {
            browser.type_into("#wh-url", &url).await;
            browser.chord(&[KEY_ENTER]).await;
            browser
                .wait_for("!document.getElementById('hook-secret').hidden")
                .await;
            secret = browser.value("#hook-secret-value").await;
            assert!(secret.starts_with("whsec_"), "{secret}");
            let (_, hooks) = editor.get("/api/v1/webhooks").await;
            hook = hooks[0]["id"].as_i64().expect("a hook");
        }
        // An approval while the receiver is down: the delivery fails.
        up.store(false, Ordering::SeqCst);
        let unit = &units[n];
        let path = format!(
            "/api/v1/statements/{statement}/segments/{}/translations/hy",
            unit["segment_id"]
        );
        let (_, saved) = anush
            .call(
                Method::PUT,
                &path,
                Some(json!({"text": texts["hy"][n], "base_version": unit["version"]})),
            )
            .await;
        let (_, submitted) = anush
            .post(
                &format!("{path}/submit"),
                json!({"base_version": saved["version"]}),
            )
            .await;
        let (status, _) = hasmik
            .post(
                &format!("{path}/approve"),
                json!({"base_version": submitted["version"]}),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        let delivery = newest_delivery(&editor, hook, n + 1, "failed").await;

        browser.goto(&app.url("/app/admin/webhooks")).await;
        let row = format!("tr.delivery[data-id='{delivery}']");
        assert_eq!(
            text_of(&browser, &format!("{row} .state")).await,
            message(locale, "ui-delivery-failed")
        );
        // Sent again by keyboard once the receiver is back.
        up.store(true, Ordering::SeqCst);
        focus(&browser, &format!("{row} button[data-action=retry]")).await;
        browser.chord(&[KEY_ENTER]).await;
        browser
            .wait_for(&format!(
                "document.querySelector(\"{row}\").dataset.state === 'pending'"
            ))
            .await;
        assert_eq!(
            text_of(&browser, &format!("{row} .state")).await,
            message(locale, "ui-delivery-pending")
        );
        newest_delivery(&editor, hook, n + 1, "delivered").await;
        browser.goto(&app.url("/app/admin/webhooks")).await;
        assert_eq!(
            text_of(&browser, &format!("{row} .state")).await,
            message(locale, "ui-delivery-delivered")
        );
        browser
            .screenshot(&format!("screens-webhooks-{locale}"))
            .await;

        // A new secret, shown once.
        focus(&browser, "section.hook button[data-action=rotate]").await;
        browser.chord(&[KEY_ENTER]).await;
        browser
            .wait_for(&format!(
                "!document.getElementById('hook-secret').hidden && document.getElementById('hook-secret-value').value !== {secret:?}"
            ))
            .await;
        let rotated = browser.value("#hook-secret-value").await;
        assert!(rotated.starts_with("whsec_") && rotated != secret);
        secret = rotated;
        browser.goto(&app.url("/app/admin/webhooks")).await;
        assert!(!browser.source().await.contains(&secret), "shown once");
    }
    browser.quit().await;
}

pub fn tests() -> Tests {
    Tests::new()
        .run(
            "webhooks_are_registered_retried_and_rotated",
            webhooks_are_registered_retried_and_rotated,
        )
        .run(
            "people_are_invited_and_disabled",
            people_are_invited_and_disabled,
        )
        .run(
            "the_audit_log_is_filtered_paged_and_downloaded",
            the_audit_log_is_filtered_paged_and_downloaded,
        )
        .run(
            "tokens_are_created_copied_and_revoked",
            tokens_are_created_copied_and_revoked,
        )
        .run(
            "glossary_terms_are_added_seen_imported_and_deleted",
            glossary_terms_are_added_seen_imported_and_deleted,
        )
        .run(
            "memory_is_searched_corrected_and_imported",
            memory_is_searched_corrected_and_imported,
        )
        .run(
            "the_header_fits_one_line_at_1280",
            the_header_fits_one_line_at_1280,
        )
}
