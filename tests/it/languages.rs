//! Languages named correctly: tags checked against the IANA registry and stored canonically,
//! and the interface language (`?ui=`) kept apart from the data language (`?lang=`).

use crate::common;
use crate::harness::Tests;

use reqwest::{header, redirect, Client, StatusCode};
use serde_json::{json, Value};

async fn tags_are_checked_against_the_registry(app: common::TestApp) {
    let admin = app.admin().await;
    let add = |tag: &'static str| {
        let admin = &admin;
        async move { admin.post("/api/v1/languages", json!({"tag": tag})).await }
    };

    for (tag, stored) in [
        ("hy-latn-am", "hy-Latn-AM"),
        ("en-gb", "en-GB"),
        ("hyw", "hyw"),
        ("hy-Latn-x-foo", "hy-Latn-x-foo"),
    ] {
        let (status, body) = add(tag).await;
        assert_eq!(status, StatusCode::CREATED, "{tag}: {body}");
        assert_eq!(body["tag"], stored, "{tag}");
        assert!(
            body.get("requested_tag").is_none(),
            "{tag}: a respelling only"
        );
    }

    // A deprecated subtag is stored under its preferred value, and the answer says so.
    let (status, body) = add("iw").await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(body["tag"], "he");
    assert_eq!(body["requested_tag"], "iw");
    let note = body["note"].as_str().unwrap_or_default();
    assert!(note.contains("\"iw\"") && note.contains("\"he\""), "{note}");
    let (_, languages) = admin.get("/api/v1/languages").await;
    let tags: Vec<&str> = languages
        .as_array()
        .map(|a| a.iter().filter_map(|l| l["tag"].as_str()).collect())
        .unwrap_or_default();
    assert!(tags.contains(&"he") && !tags.contains(&"iw"), "{tags:?}");
    // The same language under its old name is the same language.
    let (status, body) = add("iw").await;
    assert_eq!(status, StatusCode::CONFLICT, "{body}");

    for (tag, reason, subtag) in [
        ("zz", "language", "zz"),
        ("hye", "language", "hye"),
        ("en-UK", "region", "UK"),
        ("hy-Abcd", "script", "Abcd"),
        ("hy-AM-foobar", "variant", "foobar"),
    ] {
        let (status, body) = add(tag).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{tag}: {body}");
        let error = &body["error"];
        assert_eq!(error["code"], "invalid_language", "{tag}");
        assert_eq!(error["details"]["reason"], reason, "{tag}");
        assert_eq!(error["details"]["subtag"], subtag, "{tag}");
        let message = error["message"].as_str().unwrap_or_default();
        assert!(message.contains(&format!("\"{subtag}\"")), "{message}");
    }

    // The message names the subtag in each interface language.
    for (ui, script) in [("hy", '\u{0561}'..='\u{0587}'), ("ru", 'а'..='я')] {
        let (_, body) = admin
            .post(
                &format!("/api/v1/languages?ui={ui}"),
                json!({"tag": "en-UK"}),
            )
            .await;
        let message = body["error"]["message"].as_str().unwrap_or_default();
        assert!(
            message.contains("«UK»") && message.chars().any(|c| script.contains(&c)),
            "{ui}: {message}"
        );
    }

    // Every boundary goes through the same check: a statement's target languages too.
    let editor = app.editor().await;
    let (status, body) = editor
        .post(
            "/api/v1/statements",
            json!({"title": "T", "source_lang": "en", "target_langs": ["hye"], "text": "One."}),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["error"]["details"]["subtag"], "hye");
}

/// A tag stored before the registry checks stays readable: rows are keyed by its spelling.
async fn tags_stored_earlier_stay_readable(app: common::TestApp) {
    app.execute_sql(
        "INSERT INTO languages (tag, name, native_name) VALUES ('hye', 'Armenian', 'Հայերեն')",
    )
    .await;
    let admin = app.admin().await;
    let (status, languages) = admin.get("/api/v1/languages").await;
    assert_eq!(status, StatusCode::OK, "{languages}");
    let tags: Vec<&str> = languages
        .as_array()
        .map(|a| a.iter().filter_map(|l| l["tag"].as_str()).collect())
        .unwrap_or_default();
    assert!(tags.contains(&"hye") && tags.contains(&"hy"), "{tags:?}");
    // New input under that tag is refused all the same.
    let (status, _) = admin.post("/api/v1/languages", json!({"tag": "hye"})).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

fn no_redirects() -> Client {
    Client::builder()
        .redirect(redirect::Policy::none())
        .build()
        .expect("client")
}

fn location(resp: &reqwest::Response) -> String {
    resp.headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

fn set_cookies(resp: &reqwest::Response) -> Vec<String> {
    resp.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_owned))
        .collect()
}

async fn the_root_keeps_the_query() {
    let app = common::TestApp::spawn(common::Db::Sqlite).await;
    let client = no_redirects();
    let resp = client.get(app.url("/?ui=ru")).send().await.expect("get /");
    assert!(resp.status().is_redirection(), "{}", resp.status());
    assert_eq!(location(&resp), "/app?ui=ru");
    let resp = client.get(app.url("/")).send().await.expect("get /");
    assert_eq!(location(&resp), "/app");

    // Followed, the choice opens the sign-in page in Russian and is remembered.
    let browser = Client::builder()
        .cookie_store(true)
        .build()
        .expect("client");
    let page = browser
        .get(app.url("/?ui=ru"))
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("text");
    assert!(page.contains("<html lang=\"ru\">"), "{page}");
    let again = browser
        .get(app.url("/app/sign-in"))
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("text");
    assert!(again.contains("<html lang=\"ru\">"), "remembered: {again}");
}

async fn data_and_interface_languages_are_separate(app: common::TestApp) {
    let (slug, sessions) = app.published_demo().await;
    let client = no_redirects();

    // `?lang=` picks the statement's language: its own page, with the rest of the query.
    let resp = client
        .get(app.url(&format!("/p/{slug}?lang=ru&ui=hy")))
        .send()
        .await
        .expect("get");
    assert!(resp.status().is_redirection(), "{}", resp.status());
    let to = location(&resp);
    assert_eq!(to, format!("/p/{slug}/ru?ui=hy"));
    assert!(
        set_cookies(&resp).iter().any(|c| c.starts_with("ui=hy")),
        "the interface choice is remembered"
    );

    // Russian data in an Armenian interface, chosen in the query...
    let page = client
        .get(app.url(&to))
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("text");
    assert!(
        page.contains("Депутатам Национального собрания,"),
        "Russian text"
    );
    assert!(page.contains("Հրապարակվել է"), "Armenian chrome");
    assert!(!page.contains("Опубликовано"), "not Russian chrome");
    // ...or remembered by the cookie, without the query.
    let page = client
        .get(app.url(&format!("/p/{slug}/ru")))
        .header(header::COOKIE, "ui=hy")
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("text");
    assert!(page.contains("Депутатам Национального собрания,") && page.contains("Հրապարակվել է"));
    // Without any choice a page still speaks its own language around its text.
    let (_, ru) = sessions["editor"].get(&format!("/p/{slug}/ru")).await;
    assert!(ru.as_str().unwrap_or_default().contains("Опубликовано"));

    // On the API `?lang=` is data only: an export's error stays in the interface language.
    let (_, body) = sessions["editor"]
        .get("/api/v1/statements/999999/export?format=xliff&lang=hy")
        .await;
    let message = body["error"]["message"].as_str().unwrap_or_default();
    assert!(!message.is_empty() && message.is_ascii(), "{message}");
    let (_, body) = sessions["editor"]
        .get("/api/v1/statements/999999/export?format=xliff&lang=hy&ui=ru")
        .await;
    let message = body["error"]["message"].as_str().unwrap_or_default();
    assert!(
        message.chars().any(|c| ('а'..='я').contains(&c)),
        "{message}"
    );
}

async fn the_choice_follows_the_person(app: common::TestApp) {
    let first = app.translator("hy").await;
    let (_, page) = first.get("/app?ui=ru").await;
    assert!(page
        .as_str()
        .unwrap_or_default()
        .contains("<html lang=\"ru\">"));
    // Another browser of the same person, with no cookie of its own: their profile decides.
    let second = app.sign_in("translator-hy").await;
    let (_, page) = second.get("/app").await;
    let page = page.as_str().unwrap_or_default().to_owned();
    assert!(page.contains("<html lang=\"ru\">"), "{page}");
    let (_, me) = second.get("/api/v1/me").await;
    let saved = [&me["ui_lang"], &me["user"]["ui_lang"]];
    assert!(saved.iter().any(|v| *v == &Value::from("ru")), "{me}");
}

pub fn tests() -> Tests {
    Tests::new()
        .both(
            "tags_are_checked_against_the_registry",
            tags_are_checked_against_the_registry,
        )
        .both(
            "tags_stored_earlier_stay_readable",
            tags_stored_earlier_stay_readable,
        )
        .run("the_root_keeps_the_query", the_root_keeps_the_query)
        .both(
            "data_and_interface_languages_are_separate",
            data_and_interface_languages_are_separate,
        )
        .both(
            "the_choice_follows_the_person",
            the_choice_follows_the_person,
        )
}
