//! Correcting and removing remembered pairs through the API, on both databases.

use crate::common;
use crate::harness::Tests;
use crate::wait;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const TMX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="test" creationtoolversion="1" datatype="plaintext"
 segtype="sentence" adminlang="en" srclang="en" o-tmf="test"/>
<body>
<tu><tuv xml:lang="en"><seg>The library closes at six.</seg></tuv>
    <tuv xml:lang="hy"><seg>Գրադարանը փակվում է ժամը յոթին։</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>The museum opens at ten.</seg></tuv>
    <tuv xml:lang="hy"><seg>Թանգարանը բացվում է ժամը տասին։</seg></tuv></tu>
</body></tmx>"#;

async fn import(app: &common::TestApp, session: &common::Session) {
    let resp = session
        .client
        .post(app.url("/api/v1/memory/import"))
        .header("x-csrf-token", &session.csrf)
        .header("content-type", "application/x-tmx+xml")
        .body(TMX)
        .send()
        .await
        .expect("import");
    assert_eq!(resp.status(), StatusCode::OK);
}

async fn search(session: &common::Session, q: &str) -> Vec<Value> {
    let q: String = url::form_urlencoded::byte_serialize(q.as_bytes()).collect();
    let (status, found) = session
        .get(&format!("/api/v1/memory/search?src=en&tgt=hy&q={q}"))
        .await;
    assert_eq!(status, StatusCode::OK, "{found}");
    found.as_array().expect("a list").clone()
}

async fn a_pair_is_corrected_and_removed(app: common::TestApp) {
    let team = app.team(&["hy"]).await;
    import(&app, &team.editor).await;
    let found = search(&team.translator, "library").await;
    assert_eq!(found.len(), 1, "{found:?}");
    let id = found[0]["id"].as_i64().expect("id");

    // Translators search and use the memory but do not correct it.
    let (status, body) = team
        .translator
        .call(
            Method::PUT,
            &format!("/api/v1/memory/{id}"),
            Some(json!({"target": "Գրադարանը փակվում է ժամը վեցին։"})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert_eq!(body["error"]["details"]["action"], "edit_memory");

    let (status, body) = team
        .editor
        .call(
            Method::PUT,
            &format!("/api/v1/memory/{id}"),
            Some(json!({"target": "  "})),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");

    let (status, corrected) = team
        .editor
        .call(
            Method::PUT,
            &format!("/api/v1/memory/{id}"),
            Some(json!({"target": "Գրադարանը փակվում է ժամը վեցին։"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{corrected}");
    assert_eq!(corrected["target"], "Գրադարանը փակվում է ժամը վեցին։");
    assert_eq!(corrected["source"], "The library closes at six.");
    assert_eq!(corrected["origin"], "tmx", "the pair keeps its origin");
    assert_eq!(
        corrected["approved_by"], "editor",
        "and says who corrected it"
    );
    let new_id = corrected["id"].as_i64().expect("id");
    assert_ne!(new_id, id);

    // Concordance sees the correction only; the old id is gone.
    let found = search(&team.translator, "library").await;
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["target"], "Գրադարանը փակվում է ժամը վեցին։");
    let (status, _) = team
        .editor
        .call(
            Method::PUT,
            &format!("/api/v1/memory/{id}"),
            Some(json!({"target": "x"})),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // Fuzzy matches suggest the corrected target, once the index has read the new row.
    wait::until("the corrected pair to be suggested", async || {
        let (_, matches) = team
            .translator
            .get("/api/v1/memory/match?src=en&tgt=hy&q=The%20library%20closes%20at%20six.")
            .await;
        match matches.as_array().and_then(|m| m.first()) {
            Some(best) if best["target"] == "Գրադարանը փակվում է ժամը վեցին։" => {
                Ok(())
            }
            _ => Err(matches.to_string()),
        }
    })
    .await;

    // A new source may be given too.
    let (status, corrected) = team
        .editor
        .call(
            Method::PUT,
            &format!("/api/v1/memory/{new_id}"),
            Some(json!({"source": "The library closes at 6 p.m.", "target": "Գրադարանը փակվում է ժամը 18-ին։"})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{corrected}");
    assert!(search(&team.translator, "six").await.is_empty());
    assert_eq!(search(&team.translator, "6 p.m.").await.len(), 1);

    // Removing: translators may not; editors may, once.
    let museum = search(&team.translator, "museum").await;
    let museum_id = museum[0]["id"].as_i64().expect("id");
    let path = format!("/api/v1/memory/{museum_id}");
    let (status, _) = team.translator.call(Method::DELETE, &path, None).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = team.editor.call(Method::DELETE, &path, None).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert!(search(&team.translator, "museum").await.is_empty());
    let (status, body) = team.editor.call(Method::DELETE, &path, None).await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert_eq!(body["error"]["code"], "not_found");
    let (_, matches) = team
        .translator
        .get("/api/v1/memory/match?src=en&tgt=hy&q=The%20museum%20opens%20at%20ten.")
        .await;
    assert!(
        matches
            .as_array()
            .is_some_and(|m| m.iter().all(|s| s["origin"]["id"] != museum_id)),
        "a removed pair is not suggested: {matches}"
    );
    let (status, _) = team
        .editor
        .call(Method::DELETE, "/api/v1/memory/not-a-number", None)
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

pub fn tests() -> Tests {
    Tests::new().both(
        "pair_corrected_and_removed",
        a_pair_is_corrected_and_removed,
    )
}
