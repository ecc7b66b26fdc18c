//! The headline end to end, on both databases: translated and approved in Armenian and Russian
//! like the paragraphs, it is each language's title in the public pages, the Atom feeds, every
//! export format and the webhook that announces the publication.

use crate::common;
use crate::harness::Tests;
use crate::wait;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::State;
use reqwest::StatusCode;
use serde_json::{json, Value};
use tandem::config::Config;

const TITLE: &str = "Statement on the closure of the Lori school";
const PARAGRAPH: &str = "The school will close on 1 June unless the ministry acts.";
const HY_TITLE: &str = "Հայտարարություն Լոռու դպրոցի փակման մասին";
const HY_PARAGRAPH: &str = "Դպրոցը կփակվի հունիսի 1-ին, եթե նախարարությունը չմիջամտի։";
const RU_TITLE: &str = "Заявление о закрытии школы в Лори";
const RU_PARAGRAPH: &str = "Школа закроется 1 июня, если министерство не вмешается.";

/// Deliveries go out at once, to a receiver on loopback that the operator allowed.
fn hooks_on_loopback(config: &mut Config) {
    config.webhooks.poll = Duration::from_millis(50);
    config.outbound.policy.allowed = vec!["127.0.0.1/32".parse().expect("a range")];
}

/// Bodies of the requests a receiver on loopback was sent; answers its URL.
async fn receiver(bodies: Arc<Mutex<Vec<String>>>) -> String {
    async fn keep(State(bodies): State<Arc<Mutex<Vec<String>>>>, body: String) {
        bodies.lock().expect("lock").push(body);
    }
    let router = axum::Router::new()
        .route("/hook", axum::routing::post(keep))
        .with_state(bodies);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(async move { axum::serve(listener, router).await });
    format!("http://{addr}/hook")
}

async fn text(session: &common::Session, path: &str) -> String {
    let response = session
        .client
        .get(format!("{}{path}", session.base))
        .send()
        .await
        .expect("get");
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.expect("body")
}

async fn translated_headlines_everywhere(app: common::TestApp) {
    let team = app.team(&["hy", "ru"]).await;
    let bodies = Arc::new(Mutex::new(Vec::new()));
    let url = receiver(bodies.clone()).await;
    let (status, hook) = team
        .editor
        .post(
            "/api/v1/webhooks",
            json!({"url": url, "events": ["statement.published"]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{hook}");

    let (id, segs) = team.statement(TITLE, PARAGRAPH, &["hy", "ru"]).await;
    // The headline is the first unit of each language, with the title as its source.
    for lang in ["hy", "ru"] {
        let (_, units) = team
            .translator
            .get(&format!("/api/v1/statements/{id}/translations/{lang}"))
            .await;
        assert_eq!(
            (
                &units[0]["kind"],
                &units[0]["position"],
                &units[0]["source"]
            ),
            (&json!("headline"), &json!(0), &json!(TITLE)),
            "{units}"
        );
        assert_eq!(units[1]["kind"], "paragraph");
    }
    for (lang, title, paragraph) in [
        ("hy", HY_TITLE, HY_PARAGRAPH),
        ("ru", RU_TITLE, RU_PARAGRAPH),
    ] {
        team.approve_headline(id, lang, title).await;
        let path = format!(
            "/api/v1/statements/{id}/segments/{}/translations/{lang}",
            segs[0]
        );
        let (_, saved) = team
            .translator
            .call(
                reqwest::Method::PUT,
                &path,
                Some(json!({"text": paragraph, "base_version": 1})),
            )
            .await;
        let (_, submitted) = team
            .translator
            .post(
                &format!("{path}/submit"),
                json!({"base_version": saved["version"]}),
            )
            .await;
        let (status, approved) = team
            .reviewer
            .post(
                &format!("{path}/approve"),
                json!({"base_version": submitted["version"]}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{approved}");
    }
    let (status, publication) = team
        .editor
        .post(
            &format!("/api/v1/statements/{id}/publications"),
            json!({"langs": ["hy", "ru"]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{publication}");
    let slug = publication["slug"].as_str().expect("slug").to_owned();
    assert_eq!(publication["segments"][0]["kind"], "headline");
    assert_eq!(
        publication["segments"][0]["translations"]["ru"]["text"],
        RU_TITLE
    );

    for (lang, title, other) in [("hy", HY_TITLE, RU_TITLE), ("ru", RU_TITLE, HY_TITLE)] {
        // The page of the language: its title and heading, and not the others' headlines.
        let page = text(&team.editor, &format!("/p/{slug}/{lang}")).await;
        assert!(
            page.contains(&format!("<title lang=\"{lang}\">{title}"))
                || page.contains(&format!("<title>{title}")),
            "<title> in {lang}: {page}"
        );
        assert!(
            page.contains(&format!("<h1 lang=\"{lang}\">{title}</h1>")),
            "{page}"
        );
        assert!(!page.contains(other) && !page.contains(TITLE), "{page}");
        // The feed of the language.
        let feed = text(&team.editor, &format!("/feed/{lang}.atom")).await;
        assert!(
            feed.contains(&format!("<title type=\"text\">{title}</title>")),
            "{feed}"
        );
        // Each export format of the publication.
        let base = format!("/api/v1/publications/{slug}/1");
        let xliff = text(&team.editor, &format!("{base}?format=xliff&lang={lang}")).await;
        assert!(
            xliff.contains(&format!("<source>{TITLE}</source>"))
                && xliff.contains(&format!("<target>{title}</target>")),
            "{xliff}"
        );
        let markdown = text(&team.editor, &format!("{base}?format=md&lang={lang}")).await;
        assert!(markdown.starts_with(&format!("# {title}\n")), "{markdown}");
    }
    let base = format!("/api/v1/publications/{slug}/1");
    let tmx = text(&team.editor, &format!("{base}?format=tmx")).await;
    let html = text(&team.editor, &format!("{base}?format=html")).await;
    for title in [TITLE, HY_TITLE, RU_TITLE] {
        assert!(tmx.contains(&format!("<seg>{title}</seg>")), "{tmx}");
        assert!(html.contains(title), "{html}");
    }
    // The aligned page puts the three headlines side by side in its first row.
    let aligned = text(&team.editor, &format!("/p/{slug}")).await;
    let first_row = aligned
        .split("<tbody>")
        .nth(1)
        .and_then(|body| body.split("</tr>").next())
        .unwrap_or_default();
    assert!(
        first_row.contains("class=\"headline\"")
            && [TITLE, HY_TITLE, RU_TITLE]
                .iter()
                .all(|t| first_row.contains(t)),
        "{first_row}"
    );

    // The webhook names the headline in every language published.
    let announced: Value = wait::until("the publication's webhook", async || {
        let seen = bodies.lock().expect("lock").first().cloned();
        seen.ok_or("nothing yet")
    })
    .await
    .parse()
    .expect("json");
    assert_eq!(announced["type"], "statement.published");
    assert_eq!(
        announced["data"]["titles"],
        json!({"en": TITLE, "hy": HY_TITLE, "ru": RU_TITLE})
    );
}

/// A statement's title is a unit its language cannot be published without, like a paragraph.
async fn an_unapproved_headline_blocks(app: common::TestApp) {
    let team = app.team(&["hy"]).await;
    let (id, segs) = team.statement(TITLE, PARAGRAPH, &["hy"]).await;
    let path = format!(
        "/api/v1/statements/{id}/segments/{}/translations/hy",
        segs[0]
    );
    let (_, saved) = team
        .translator
        .call(
            reqwest::Method::PUT,
            &path,
            Some(json!({"text": HY_PARAGRAPH, "base_version": 1})),
        )
        .await;
    let (_, submitted) = team
        .translator
        .post(
            &format!("{path}/submit"),
            json!({"base_version": saved["version"]}),
        )
        .await;
    team.reviewer
        .post(
            &format!("{path}/approve"),
            json!({"base_version": submitted["version"]}),
        )
        .await;
    let (status, refused) = team
        .editor
        .post(
            &format!("/api/v1/statements/{id}/publications"),
            json!({"langs": ["hy"]}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
    let (_, statement) = team.editor.get(&format!("/api/v1/statements/{id}")).await;
    assert_eq!(
        refused["error"]["details"]["units"],
        json!([{"segment_id": statement["headline"]["id"], "position": 0, "lang": "hy",
                "state": "untranslated"}])
    );
    // Four-eyes holds for the headline too: its translator cannot approve it.
    let headline = statement["headline"]["id"].as_i64().expect("headline");
    let path = format!("/api/v1/statements/{id}/segments/{headline}/translations/hy");
    let (_, saved) = team
        .translator
        .call(
            reqwest::Method::PUT,
            &path,
            Some(json!({"text": HY_TITLE, "base_version": 1})),
        )
        .await;
    let (_, submitted) = team
        .translator
        .post(
            &format!("{path}/submit"),
            json!({"base_version": saved["version"]}),
        )
        .await;
    let (status, _) = team
        .translator
        .post(
            &format!("{path}/approve"),
            json!({"base_version": submitted["version"]}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = team
        .reviewer
        .post(
            &format!("{path}/approve"),
            json!({"base_version": submitted["version"]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (status, published) = team
        .editor
        .post(
            &format!("/api/v1/statements/{id}/publications"),
            json!({"langs": ["hy"]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{published}");
}

pub fn tests() -> Tests {
    Tests::new()
        .both_with(
            "translated_everywhere",
            translated_headlines_everywhere,
            hooks_on_loopback,
        )
        .both("unapproved_blocks", an_unapproved_headline_blocks)
}
