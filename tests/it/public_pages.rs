//! Public pages and feeds over the demo statement, translated and published in Armenian and Russian.

use crate::common;
use crate::harness::Tests;

use reqwest::{header, Method, StatusCode};
use serde_json::json;

async fn page(
    app: &common::TestApp,
    path: &str,
) -> (StatusCode, reqwest::header::HeaderMap, String) {
    let resp = reqwest::get(app.url(path)).await.expect("get");
    let status = resp.status();
    let headers = resp.headers().clone();
    (status, headers, resp.text().await.expect("text"))
}

async fn pages_and_feeds(app: common::TestApp) {
    let (slug, sessions) = app.published_demo().await;

    let (status, headers, list) = page(&app, "/p").await;
    assert_eq!(status, StatusCode::OK);
    assert!(list.contains("Open letter on access to public information"));
    assert!(headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap_or("")
        .contains("default-src 'none'"));

    let (status, _, aligned) = page(&app, &format!("/p/{slug}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(aligned.contains("Ազգային ժողովի պատգամավորներին,"));
    assert!(aligned.contains("Депутатам Национального собрания,"));
    assert!(
        aligned.contains("Հայերեն") && aligned.contains("Русский"),
        "columns are named in their own language"
    );
    assert!(aligned.contains("hreflang=\"hy\""));

    // The same paragraph anchor in every language, so a link can switch languages.
    let (_, _, hy) = page(&app, &format!("/p/{slug}/hy")).await;
    let (_, _, ru) = page(&app, &format!("/p/{slug}/ru")).await;
    let (_, _, en) = page(&app, &format!("/p/{slug}/en")).await;
    assert!(
        hy.contains("<html lang=\"hy\">")
            && ru.contains("<html lang=\"ru\">")
            && en.contains("<html lang=\"en\">")
    );
    let anchors = |html: &str| -> Vec<String> {
        html.match_indices("id=\"s-")
            .map(|(i, _)| html[i..].chars().take_while(|c| *c != '>').collect())
            .collect()
    };
    assert_eq!(anchors(&hy).len(), 7);
    assert_eq!(anchors(&hy), anchors(&ru));
    assert_eq!(anchors(&hy), anchors(&en));
    assert!(hy.contains("hreflang=\"ru\"") && hy.contains("hreflang=\"x-default\""));

    // The chrome follows the UI language, with dates written the local way.
    let (_, _, hy_ui) = page(&app, &format!("/p/{slug}?ui=hy")).await;
    assert!(
        hy_ui.contains("Հրապարակվել է") && hy_ui.contains(" թ. "),
        "Armenian chrome and date"
    );
    let (_, _, ru_ui) = page(&app, &format!("/p/{slug}/ru")).await;
    assert!(
        ru_ui.contains("Опубликовано") && ru_ui.contains(" г."),
        "a Russian page speaks Russian around its text"
    );
    let (_, _, en_ui) = page(&app, &format!("/p/{slug}/ru?ui=en")).await;
    assert!(
        en_ui.contains("Published on"),
        "unless the reader chose English"
    );

    // A second publication: version 1 now says a newer one exists.
    let id = app.store.list_statements().await.expect("list")[0].id;
    let (s, _) = sessions["editor"]
        .post(
            &format!("/api/v1/statements/{id}/publications"),
            json!({"langs": ["hy"]}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let (status, _, old) = page(&app, &format!("/p/{slug}/v/1")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(old.contains("class=\"notice\""));
    let (_, _, latest) = page(&app, &format!("/p/{slug}")).await;
    assert!(!latest.contains("class=\"notice\""));

    let (status, headers, feed) = page(&app, "/feed/ru.atom").await;
    assert_eq!(status, StatusCode::OK);
    assert!(headers[header::CONTENT_TYPE]
        .to_str()
        .unwrap_or("")
        .starts_with("application/atom+xml"));
    assert!(
        feed.contains("<feed") && feed.contains("Депутатам"),
        "{feed}"
    );
    let (_, _, hy_feed) = page(&app, "/feed/hy.atom").await;
    assert!(hy_feed.contains("<entry>") || hy_feed.contains("<entry "));

    let (status, _, missing) = page(&app, "/p/no-such-statement").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(missing.contains("404"));
    let (status, _, _) = page(&app, &format!("/p/{slug}/de")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _, css) = page(&app, "/static/tandem.css").await;
    assert_eq!(status, StatusCode::OK);
    assert!(css.contains("table.align"));
}

/// The headline is translated and approved like a paragraph, and is each language's title: in
/// the page's <title> and <h1>, in the language's feed, and in the aligned page's first row.
async fn translated_titles(app: common::TestApp) {
    let editor = app.editor().await;
    app.add_user(
        "sona",
        false,
        false,
        &[(tandem::domain::role::LanguageRole::Translator, "hy")],
    )
    .await;
    app.add_user(
        "aren",
        false,
        false,
        &[(tandem::domain::role::LanguageRole::Reviewer, "hy")],
    )
    .await;
    let (t, r) = (app.sign_in("sona").await, app.sign_in("aren").await);
    let (_, created) = editor
        .post(
            "/api/v1/statements",
            json!({"title": "Support for the miners", "source_lang": "en", "target_langs": ["hy"],
                   "text": "We stand with the miners of Kajaran.", "open_to_translators": true}),
        )
        .await;
    let id = created["id"].as_i64().expect("id");
    let slug = created["slug"].as_str().expect("slug").to_owned();
    let segments =
        std::iter::once(&created["headline"]).chain(created["segments"].as_array().expect("segs"));
    for (seg, text) in segments.zip([
        "Աջակցություն հանքափորներին",
        "Մենք Քաջարանի հանքափորների կողքին ենք։",
    ]) {
        let path = format!(
            "/api/v1/statements/{id}/segments/{}/translations/hy",
            seg["id"]
        );
        t.call(
            Method::PUT,
            &path,
            Some(json!({"text": text, "base_version": 1})),
        )
        .await;
        t.post(&format!("{path}/submit"), json!({"base_version": 2}))
            .await;
        let (s, _) = r
            .post(&format!("{path}/approve"), json!({"base_version": 3}))
            .await;
        assert_eq!(s, StatusCode::OK);
    }
    let (s, _) = editor
        .post(&format!("/api/v1/statements/{id}/publications"), json!({}))
        .await;
    assert_eq!(s, StatusCode::CREATED);
    let (_, _, hy) = page(&app, &format!("/p/{slug}/hy")).await;
    assert!(
        hy.contains("<h1 lang=\"hy\">Աջակցություն հանքափորներին</h1>"),
        "{hy}"
    );
    assert_eq!(
        hy.matches("Աջակցություն հանքափորներին").count(),
        2,
        "in <title> and <h1>, not again in the body"
    );
    let (_, _, aligned) = page(&app, &format!("/p/{slug}")).await;
    assert!(
        aligned.contains("class=\"headline\"")
            && aligned.contains("Support for the miners")
            && aligned.contains("Աջակցություն հանքափորներին"),
        "{aligned}"
    );
    let (_, _, feed) = page(&app, "/feed/hy.atom").await;
    assert!(
        feed.contains("<title type=\"text\">Աջակցություն հանքափորներին</title>"),
        "{feed}"
    );
}

/// Text from translators is shown, never run.
async fn everything_is_escaped(app: common::TestApp) {
    let editor = app.editor().await;
    let (_, created) = editor
        .post(
            "/api/v1/statements",
            json!({"title": "<script>alert(1)</script> & «title»", "source_lang": "en", "target_langs": [],
                   "text": "A <b>bold</b> claim & a \"quote\"."}),
        )
        .await;
    let id = created["id"].as_i64().expect("id");
    let slug = created["slug"].as_str().expect("slug").to_owned();
    editor
        .post(&format!("/api/v1/statements/{id}/publications"), json!({}))
        .await;
    let (_, _, html) = page(&app, &format!("/p/{slug}")).await;
    assert!(!html.contains("<script>alert(1)</script>"));
    assert!(
        html.contains("&lt;script&gt;") || html.contains("&#60;script&#62;"),
        "{html}"
    );
    assert!(!html.contains("<b>bold</b>"));
}

pub fn tests() -> Tests {
    Tests::new()
        .both("public_pages", pages_and_feeds)
        .both("titles", translated_titles)
        .both("escaped", everything_is_escaped)
}
