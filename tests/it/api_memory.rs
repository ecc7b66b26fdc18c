//! Translation memory, glossary and quality checks through the API, on both databases.

use crate::common;
use crate::common::Team;
use crate::harness::Tests;
use crate::wait;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

const P1: &str = "The Yerevan city council will discuss the new parking rules on 14 March.";
const P2: &str = "Residents may send written comments until the end of February.";
const P3: &str = "The meeting is open to the press.";
const HY1: &str = "Երևանի ավագանին մարտի 14-ին կքննարկի կայանման նոր կանոնները։";
const HY2: &str = "Բնակիչները կարող են գրավոր դիտողություններ ուղարկել մինչև փետրվարի վերջ։";
const HY3: &str = "Նիստը բաց է մամուլի համար։";

async fn team(app: &common::TestApp) -> Team {
    app.team(&["hy", "ru"]).await
}

async fn statement(team: &Team, title: &str, text: &str) -> (i64, Vec<i64>) {
    team.statement(title, text, &["hy", "ru"]).await
}

/// Saves, submits and approves; answers the approval's status and body.
async fn approve(team: &Team, id: i64, seg: i64, lang: &str, text: &str) -> (StatusCode, Value) {
    let path = format!("/api/v1/statements/{id}/segments/{seg}/translations/{lang}");
    let (_, unit) = team.translator.get(&path).await;
    let version = unit["version"].as_i64().expect("version");
    let (status, saved) = team
        .translator
        .call(
            Method::PUT,
            &path,
            Some(json!({"text": text, "base_version": version})),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let (status, submitted) = team
        .translator
        .post(
            &format!("{path}/submit"),
            json!({"base_version": saved["version"]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{submitted}");
    team.reviewer
        .post(
            &format!("{path}/approve"),
            json!({"base_version": submitted["version"]}),
        )
        .await
}

/// Polls `path` until `done` holds for its answer (the memory is refreshed in the background).
async fn eventually(session: &common::Session, path: &str, done: impl Fn(&Value) -> bool) -> Value {
    wait::until(format!("{path} to answer as expected"), async || {
        let (status, body) = session.get(path).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        if done(&body) {
            Ok(body)
        } else {
            Err(body)
        }
    })
    .await
}

async fn approvals_feed_the_memory(app: common::TestApp) {
    let team = team(&app).await;
    let (first, segs) = statement(&team, "Parking", &format!("{P1}\n\n{P2}\n\n{P3}")).await;
    for (seg, text) in segs.iter().zip([HY1, HY2, HY3]) {
        let (status, body) = approve(&team, first, *seg, "hy", text).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }

    // The same paragraph in the same surroundings is a context match (101), with provenance;
    // a new statement of the same text starts with those translations as drafts.
    let (second, segs2) = statement(&team, "Parking again", &format!("{P1}\n\n{P2}\n\n{P3}")).await;
    let (_, units) = team
        .translator
        .get(&format!("/api/v1/statements/{second}/translations/hy"))
        .await;
    let units = units.as_array().expect("units");
    // The memory knows the paragraphs, not this headline.
    assert_eq!(units[0]["kind"], "headline");
    assert_eq!(units[0]["state"], "untranslated");
    let paragraphs = &units[1..];
    assert!(
        paragraphs.iter().all(|u| u["state"] == "draft"),
        "{units:?}"
    );
    assert_eq!(paragraphs[0]["text"], HY1);
    let (_, history) = team
        .translator
        .get(&format!(
            "/api/v1/statements/{second}/segments/{}/translations/hy/history",
            segs2[0]
        ))
        .await;
    // Where the draft came from is data, for each page to say in its own language.
    assert_eq!(
        history[0]["origin"],
        json!({"kind": "memory", "score": 101})
    );
    assert_eq!(history[0]["comment"], Value::Null);
    let path = format!(
        "/api/v1/statements/{second}/segments/{}/translations/hy/suggestions",
        segs2[1]
    );
    let found = eventually(&team.translator, &path, |b| {
        b.as_array().is_some_and(|a| !a.is_empty())
    })
    .await;
    assert_eq!(found[0]["score"], 101, "{found}");
    assert_eq!(found[0]["target"], HY2);
    assert_eq!(found[0]["origin"]["statement_title"], "Parking");
    assert_eq!(found[0]["origin"]["approved_by"], "aram");

    // An edited sentence is a fuzzy match, with the words that differ.
    let edited = P1.replace("14 March", "21 March");
    let (_, matches) = team
        .translator
        .get(&format!(
            "/api/v1/memory/match?src=en&tgt=hy&q={}",
            urlencode(&edited)
        ))
        .await;
    let best = &matches[0];
    let score = best["score"].as_u64().expect("score");
    assert!((80..100).contains(&score), "one number changed: {best}");
    assert_eq!(best["target"], HY1);
    let diff = best["source_diff"].as_array().expect("diff");
    assert!(
        diff.contains(&json!({"kind": "removed", "text": "14"})),
        "{diff:?}"
    );
    assert!(
        diff.contains(&json!({"kind": "added", "text": "21"})),
        "{diff:?}"
    );

    // Unrelated text finds nothing; another language pair has its own memory.
    let (_, none) = team
        .translator
        .get("/api/v1/memory/match?src=en&tgt=hy&q=Completely%20unrelated%20words%20here")
        .await;
    assert_eq!(none, json!([]));
    let (_, other_pair) = team
        .translator
        .get(&format!(
            "/api/v1/memory/match?src=en&tgt=ru&q={}",
            urlencode(P1)
        ))
        .await;
    assert_eq!(other_pair, json!([]));

    // Concordance folds Armenian case, in targets as well as sources.
    let (_, hits) = team
        .translator
        .get(&format!(
            "/api/v1/memory/search?src=en&tgt=hy&q={}",
            urlencode("ԵՐԵՎԱՆԻ")
        ))
        .await;
    assert!(
        hits.as_array()
            .is_some_and(|h| h.iter().any(|e| e["target"] == HY1)),
        "{hits}"
    );

    // Another instance on the same database finds the pairs once it has refreshed its index
    // (it refreshes from the database twice a second).
    let other = app.another_instance().await;
    let editor_there = other.sign_in("editor").await;
    let found = eventually(
        &editor_there,
        &format!("/api/v1/memory/match?src=en&tgt=hy&q={}", urlencode(P3)),
        |b| b.as_array().is_some_and(|a| !a.is_empty()),
    )
    .await;
    assert_eq!(found[0]["score"], 100);
}

fn urlencode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

const TMX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="test" creationtoolversion="1" datatype="plaintext"
 segtype="sentence" adminlang="en" srclang="en" o-tmf="test"/>
<body>
<tu><tuv xml:lang="en-GB"><seg>The library closes at six.</seg></tuv>
    <tuv xml:lang="hy"><seg>Գրադարանը փակվում է ժամը վեցին։</seg></tuv>
    <tuv xml:lang="ru"><seg>Библиотека закрывается в шесть.</seg></tuv></tu>
</body></tmx>"#;

async fn tmx_in_and_out(app: common::TestApp) {
    let team = team(&app).await;
    let import = |session: &common::Session, body: &'static str| {
        let req = session
            .client
            .post(app.url("/api/v1/memory/import"))
            .header("x-csrf-token", &session.csrf)
            .header("content-type", "application/x-tmx+xml")
            .body(body);
        async move {
            let resp = req.send().await.expect("request");
            let status = resp.status();
            (status, resp.json::<Value>().await.unwrap_or(Value::Null))
        }
    };
    let (status, _) = import(&team.translator, TMX).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "editors import memory");
    let (status, body) = import(
        &team.editor,
        "<tmx><body><tu><tuv><seg>x</seg></tuv></tu></body></tmx>",
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    assert_eq!(body["error"]["code"], "invalid_file");

    let (status, body) = import(&team.editor, TMX).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        body,
        json!({"units": 1, "pairs": 6}),
        "three languages, six ordered pairs"
    );
    // en-GB memory serves en; and any direction works.
    let (_, found) = team
        .translator
        .get(&format!(
            "/api/v1/memory/match?src=hy&tgt=ru&q={}",
            urlencode("Գրադարանը փակվում է ժամը վեցին։")
        ))
        .await;
    assert_eq!(found[0]["target"], "Библиотека закрывается в шесть.");
    assert_eq!(found[0]["origin"]["origin"], "tmx");
    let (_, found) = team
        .translator
        .get("/api/v1/memory/match?src=en&tgt=hy&q=The%20library%20closes%20at%20seven.")
        .await;
    assert!(
        found[0]["score"]
            .as_u64()
            .is_some_and(|s| (70..100).contains(&s)),
        "{found}"
    );

    let resp = team
        .editor
        .client
        .get(app.url("/api/v1/memory/export?format=tmx"))
        .send()
        .await
        .expect("export");
    assert_eq!(resp.status(), StatusCode::OK);
    let tmx = resp.text().await.expect("text");
    assert!(tmx.contains("<tmx version=\"1.4\">"));
    assert_eq!(tmx.matches("<tu ").count(), 6);
    assert!(tmx.contains("<seg>Библиотека закрывается в шесть.</seg>"));
}

async fn glossary_and_checks(app: common::TestApp) {
    let team = team(&app).await;
    // Terms: one by one, and a CSV that is refused whole when one row is wrong.
    let (status, term) = team
        .editor
        .post(
            "/api/v1/glossary",
            json!({"src_lang": "en", "tgt_lang": "hy", "term": "city council", "translation": "ավագանի"}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{term}");
    assert_eq!(term["status"], "preferred");
    let (status, _) = team
        .translator
        .post(
            "/api/v1/glossary",
            json!({"src_lang": "en", "tgt_lang": "hy", "term": "x", "translation": "y"}),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let csv = |body: &'static str| {
        let req = team
            .editor
            .client
            .post(app.url("/api/v1/glossary/import?format=csv"))
            .header("x-csrf-token", &team.editor.csrf)
            .body(body);
        async move {
            let resp = req.send().await.expect("request");
            (
                resp.status(),
                resp.json::<Value>().await.unwrap_or(Value::Null),
            )
        }
    };
    let (status, body) = csv("src_lang,tgt_lang,term,translation,status\nen,hy,parking,ավտոկայանատեղի,forbidden\nen,hy,press,,maybe\n").await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (_, terms) = team.translator.get("/api/v1/glossary?src=en&tgt=hy").await;
    assert_eq!(
        terms.as_array().map(Vec::len),
        Some(1),
        "nothing of the bad file was kept"
    );
    let (status, body) =
        csv("src_lang,tgt_lang,term,translation,status\nen,hy,parking,ավտոկայանատեղի,forbidden\n")
            .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["terms"], 1);

    // TBX out and back in gives the same terms.
    let tbx = team
        .editor
        .client
        .get(app.url("/api/v1/glossary/export?format=tbx&src=en&tgt=hy"))
        .send()
        .await
        .expect("export")
        .text()
        .await
        .expect("text");
    assert!(tbx.contains("<term>ավագանի</term>") && tbx.contains("deprecatedTerm-admn-sts"));

    // Checks: a changed number is an error that blocks approval, in the reader's language.
    let (id, segs) = statement(&team, "Checks", P1).await;
    let (status, body) = approve(&team, id, segs[0], "hy", &HY1.replace("14", "15")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(body["error"]["code"], "checks_failed");
    let path = format!(
        "/api/v1/statements/{id}/segments/{}/translations/hy",
        segs[0]
    );
    for (lang, word) in [("en", "14"), ("hy", "14"), ("ru", "14")] {
        let resp = team
            .translator
            .client
            .get(app.url(&format!("{path}/checks")))
            .header("accept-language", lang)
            .send()
            .await
            .expect("checks");
        let found: Value = resp.json().await.expect("json");
        // The changed day of the month is caught as a date naming another day.
        let missing = found
            .as_array()
            .expect("findings")
            .iter()
            .find(|f| f["check"] == "date_mismatch" && f["args"]["side"] == "source")
            .unwrap_or_else(|| panic!("no date_mismatch in {found}"));
        assert_eq!(missing["severity"], "error");
        assert!(
            missing["message"]
                .as_str()
                .is_some_and(|m| m.contains(word)),
            "{missing}"
        );
    }
    // A forbidden term blocks approval too; the correct text passes.
    let forbidden = format!("{HY1} Ավտոկայանատեղի։");
    let (_, unit) = team.translator.get(&path).await;
    let (status, _) = team
        .translator
        .call(
            Method::PUT,
            &path,
            Some(json!({"text": forbidden, "base_version": unit["version"]})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, found) = team.translator.get(&format!("{path}/checks")).await;
    assert!(
        found
            .as_array()
            .is_some_and(|a| a.iter().any(|f| f["check"] == "forbidden_term")),
        "{found}"
    );
    let (status, body) = approve(&team, id, segs[0], "hy", HY1).await;
    assert_eq!(status, StatusCode::OK, "{body}");

    // Across languages: Russian lost the number that the source and Armenian keep.
    let (status, _) = team
        .translator
        .call(
            Method::PUT,
            &format!("/api/v1/statements/{id}/segments/{}/translations/ru", segs[0]),
            Some(json!({"text": "Городской совет Еревана обсудит новые правила парковки в марте.", "base_version": 1})),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, all) = team
        .editor
        .get(&format!("/api/v1/statements/{id}/checks?lang=ru"))
        .await;
    let checks: Vec<&str> = all
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["check"].as_str())
        .collect();
    assert!(checks.contains(&"date_mismatch"), "{all}");
    assert!(checks.contains(&"cross_language_missing"), "{all}");
    assert!(all
        .as_array()
        .expect("findings")
        .iter()
        .all(|f| f["lang"] == "ru"));
}

async fn legacy_translations_align(app: common::TestApp) {
    let team = team(&app).await;
    let en = format!("{P1} {P2}\n\n{P3}");
    let hy = format!("{HY1} {HY2}\n\n{HY3}");
    let body = json!({"src_lang": "en", "src_text": en, "tgt_lang": "hy", "tgt_text": hy});
    let (status, alignment) = team.translator.post("/api/v1/align", body.clone()).await;
    assert_eq!(status, StatusCode::OK, "{alignment}");
    let paragraphs = alignment["paragraphs"].as_array().expect("paragraphs");
    assert_eq!(paragraphs.len(), 2);
    assert_eq!(
        paragraphs[0]["sentences"][1],
        json!({"src": [P2], "tgt": [HY2]}),
        "sentences pair up inside the paragraph"
    );

    let (status, _) = team
        .translator
        .post("/api/v1/align/memory", body.clone())
        .await;
    assert_eq!(
        status,
        StatusCode::FORBIDDEN,
        "editors decide what the memory keeps"
    );
    let (status, kept) = team.editor.post("/api/v1/align/memory", body.clone()).await;
    assert_eq!(status, StatusCode::OK, "{kept}");
    assert_eq!(kept["pairs"], 3);
    let (_, found) = team
        .translator
        .get(&format!(
            "/api/v1/memory/match?src=en&tgt=hy&q={}",
            urlencode(P2)
        ))
        .await;
    assert_eq!(found[0]["target"], HY2);
    assert_eq!(found[0]["origin"]["origin"], "aligned");

    let mut with_title = body.clone();
    with_title["title"] = json!("Parking, as published in 2024");
    let (status, statement) = team
        .editor
        .post("/api/v1/align/statement", with_title)
        .await;
    assert_eq!(status, StatusCode::CREATED, "{statement}");
    let id = statement["id"].as_i64().expect("id");
    let (_, units) = team
        .editor
        .get(&format!("/api/v1/statements/{id}/translations/hy"))
        .await;
    let units = units.as_array().expect("units");
    // The alignment brings the paragraphs' translations; the headline is still to translate.
    assert_eq!(
        (units[0]["kind"].as_str(), units[0]["state"].as_str()),
        (Some("headline"), Some("untranslated"))
    );
    let paragraphs = &units[1..];
    assert!(
        paragraphs.iter().all(|u| u["state"] == "approved"),
        "{units:?}"
    );
    assert_eq!(paragraphs[1]["text"], HY3);
}

pub fn tests() -> Tests {
    Tests::new()
        .both("memory_from_approvals", approvals_feed_the_memory)
        .both("tmx_memory", tmx_in_and_out)
        .both("glossary_checks", glossary_and_checks)
        .both("alignment", legacy_translations_align)
}
