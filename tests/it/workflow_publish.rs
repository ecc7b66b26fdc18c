//! Publications: blocked until approved, immutable afterwards, hash stable for the same words.

use crate::common;
use crate::harness::Tests;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tandem::domain::role::LanguageRole::{Reviewer, Translator};

async fn translate_and_approve(t: &common::Session, r: &common::Session, path: &str, text: &str) {
    let (_, unit) = t.get(path).await;
    let v = unit["version"].as_i64().expect("version");
    let (s, body) = t
        .call(
            Method::PUT,
            path,
            Some(json!({"text": text, "base_version": v})),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let (s, _) = t
        .post(&format!("{path}/submit"), json!({"base_version": v + 1}))
        .await;
    assert_eq!(s, StatusCode::OK);
    let (s, body) = r
        .post(&format!("{path}/approve"), json!({"base_version": v + 2}))
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
}

async fn publication_rules(app: common::TestApp) {
    let editor = app.editor().await;
    app.add_user(
        "nune",
        false,
        false,
        &[(Translator, "hy"), (Translator, "ru")],
    )
    .await;
    app.add_user("aram", false, false, &[(Reviewer, "hy"), (Reviewer, "ru")])
        .await;
    let t = app.sign_in("nune").await;
    let r = app.sign_in("aram").await;
    let (_, created) = editor
        .post(
            "/api/v1/statements",
            json!({"title": "Открытое письмо о свободе прессы", "source_lang": "ru", "target_langs": ["hy", "en"],
                   "text": "Мы требуем прозрачности.\n\nПодписи открыты до 1 дек.", "open_to_translators": true}),
        )
        .await;
    let id = created["id"].as_i64().expect("id");
    let slug = created["slug"].as_str().expect("slug").to_owned();
    let segs: Vec<i64> = created["segments"]
        .as_array()
        .expect("segs")
        .iter()
        .filter_map(|s| s["id"].as_i64())
        .collect();
    let headline = created["headline"]["id"].as_i64().expect("headline");
    let path = |seg: i64| format!("/api/v1/statements/{id}/segments/{seg}/translations/hy");

    translate_and_approve(
        &t,
        &r,
        &path(segs[0]),
        "Մենք պահանջում ենք թափանցիկություն։",
    )
    .await;
    let (status, blocked) = editor
        .post(
            &format!("/api/v1/statements/{id}/publications"),
            json!({"langs": ["hy"]}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{blocked}");
    assert_eq!(blocked["error"]["code"], "not_approved");
    assert_eq!(
        blocked["error"]["details"]["units"],
        json!([
            {"segment_id": headline, "position": 0, "lang": "hy", "state": "untranslated"},
            {"segment_id": segs[1], "position": 2, "lang": "hy", "state": "untranslated"}
        ]),
        "the headline blocks like a paragraph"
    );
    let (_, list) = editor
        .get(&format!("/api/v1/statements/{id}/publications"))
        .await;
    assert_eq!(list, json!([]), "nothing was published");

    translate_and_approve(
        &t,
        &r,
        &path(segs[1]),
        "Ստորագրությունները բաց են մինչև դեկտեմբերի 1-ը։",
    )
    .await;
    translate_and_approve(
        &t,
        &r,
        &path(headline),
        "Բաց նամակ մամուլի ազատության մասին",
    )
    .await;
    let (_, st) = editor.get(&format!("/api/v1/statements/{id}")).await;
    assert_eq!(st["progress"][0]["approved_share"], 1.0, "{st}");
    assert_eq!(st["progress"][1]["approved_share"], 0.0);
    let (status, first) = editor
        .post(
            &format!("/api/v1/statements/{id}/publications"),
            json!({"langs": ["hy"]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    assert_eq!(first["number"], 1);
    assert_eq!(first["langs"], json!(["hy"]));
    // The headline first, then the paragraphs.
    assert_eq!(first["segments"][0]["kind"], "headline");
    assert_eq!(
        first["segments"][0]["translations"]["hy"]["text"],
        "Բաց նամակ մամուլի ազատության մասին"
    );
    assert_eq!(first["segments"][1]["source"], "Мы требуем прозрачности.");
    assert_eq!(
        first["segments"][1]["translations"]["hy"]["text"],
        "Մենք պահանջում ենք թափանցիկություն։"
    );
    assert_eq!(
        first["segments"][1]["translations"]["hy"]["approved_by"],
        "aram"
    );
    assert_eq!(first["sha256"].as_str().map(str::len), Some(64));

    // A correction under way does not hold back the next release: its last approved text goes out.
    let (_, unit) = t.get(&path(segs[0])).await;
    let v = unit["version"].as_i64().expect("v");
    t.call(
        Method::PUT,
        &path(segs[0]),
        Some(json!({"text": "Մենք պահանջում ենք լիակատար թափանցիկություն։", "base_version": v})),
    )
    .await;
    let (status, second) = editor
        .post(
            &format!("/api/v1/statements/{id}/publications"),
            json!({"langs": ["hy"]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{second}");
    assert_eq!(second["number"], 2);
    assert_eq!(
        second["segments"][1]["translations"]["hy"]["text"],
        "Մենք պահանջում ենք թափանցիկություն։"
    );
    assert_eq!(
        second["segments"][1]["translations"]["hy"]["earlier_approval"],
        true
    );
    assert_eq!(second["sha256"], first["sha256"], "same words, same hash");

    // Publication 1 never changes, whatever happens to the units later.
    let anon = reqwest::Client::new();
    let again: Value = anon
        .get(app.url(&format!("/api/v1/publications/{slug}/1?format=json")))
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(again["segments"], first["segments"]);
    assert_eq!(again["sha256"], first["sha256"]);

    // A source change blocks the changed unit until it is approved again.
    let (_, st) = editor.get(&format!("/api/v1/statements/{id}")).await;
    let (s, body) = editor
        .call(
            Method::PUT,
            &format!("/api/v1/statements/{id}/source"),
            Some(json!({"text": "Мы требуем полной прозрачности.\n\nПодписи открыты до 1 дек.", "base_revision": st["revision"]})),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let (status, blocked) = editor
        .post(
            &format!("/api/v1/statements/{id}/publications"),
            json!({"langs": ["hy"]}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{blocked}");
    assert_eq!(
        blocked["error"]["details"]["units"][0]["state"],
        "needs_work"
    );

    // English was never translated: publishing it is blocked for both segments and the headline.
    let (status, blocked) = editor
        .post(
            &format!("/api/v1/statements/{id}/publications"),
            json!({"langs": ["en"]}),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        blocked["error"]["details"]["units"]
            .as_array()
            .map(Vec::len),
        Some(3)
    );
    let (status, _) = editor
        .post(
            &format!("/api/v1/statements/{id}/publications"),
            json!({"langs": ["de"]}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "not a target language");
    let (status, _) = t
        .post(
            &format!("/api/v1/statements/{id}/publications"),
            json!({"langs": ["hy"]}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let list: Value = anon
        .get(app.url(&format!("/api/v1/statements/{id}/publications")))
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(list.as_array().map(Vec::len), Some(2));
    assert_eq!(list[1]["number"], 2);
    let resp = anon
        .get(app.url(&format!("/api/v1/publications/{slug}/3")))
        .send()
        .await
        .expect("get");
    assert_eq!(resp.status(), StatusCode::NOT_FOUND);
}

/// The database itself refuses to rewrite a publication, whatever the code above it does.
async fn stored_publications_are_immutable(app: common::TestApp) {
    let editor = app.editor().await;
    let (_, created) = editor
        .post("/api/v1/statements", json!({"title": "Short", "source_lang": "en", "target_langs": [], "text": "Only the source."}))
        .await;
    let id = created["id"].as_i64().expect("id");
    let (status, body) = editor
        .post(&format!("/api/v1/statements/{id}/publications"), json!({}))
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let sql = "UPDATE publications SET content = 'tampered' WHERE statement_id = $1";
    let refused = match app.db {
        common::Db::Sqlite => {
            let pool = sqlx::SqlitePool::connect(&app.database_url)
                .await
                .expect("sqlite");
            sqlx::query(sql).bind(id).execute(&pool).await.is_err()
        }
        common::Db::Postgres => {
            let pool = sqlx::PgPool::connect(&app.database_url)
                .await
                .expect("postgres");
            sqlx::query(sql).bind(id).execute(&pool).await.is_err()
        }
    };
    assert!(refused, "the trigger must refuse the update");
}

pub fn tests() -> Tests {
    Tests::new()
        .both("publications", publication_rules)
        .both("immutable", stored_publications_are_immutable)
}
