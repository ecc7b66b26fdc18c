//! Files that other tools write and read: TMX with a DOCTYPE (ours, OmegaT's, translate-toolkit's),
//! XLIFF 1.2 export, sentence boundaries through import, and OmegaT and translate-toolkit run for real.

use std::path::Path;

use crate::common::{self, Session, Team};
use crate::harness::Tests;
use crate::outside;

use reqwest::{header, Method, StatusCode};
use serde_json::{json, Value};

/// A body as text, with its status.
async fn get_text(session: &Session, path: &str) -> (StatusCode, String) {
    let resp = session
        .client
        .get(format!("{}{path}", session.base))
        .send()
        .await
        .expect("get");
    (resp.status(), resp.text().await.expect("body"))
}

/// Posts a file; the answer as JSON.
async fn post_file(
    session: &Session,
    path: &str,
    ctype: &str,
    body: String,
) -> (StatusCode, Value) {
    let resp = session
        .client
        .post(format!("{}{path}", session.base))
        .header("x-csrf-token", &session.csrf)
        .header(header::CONTENT_TYPE, ctype)
        .body(body)
        .send()
        .await
        .expect("post");
    let status = resp.status();
    (status, resp.json().await.unwrap_or(Value::Null))
}

async fn import_memory(session: &Session, tmx: String) -> (StatusCode, Value) {
    post_file(
        session,
        "/api/v1/memory/import",
        "application/x-tmx+xml",
        tmx,
    )
    .await
}

async fn import_xliff(session: &Session, id: i64, xliff: String) -> (StatusCode, Value) {
    let path = format!("/api/v1/statements/{id}/import?filename=outside.xlf");
    let (status, report) = post_file(session, &path, "application/xliff+xml", xliff).await;
    assert_eq!(status, StatusCode::OK, "{report}");
    (status, report)
}

/// The best match the memory has for `q` from English into `lang`.
async fn best_match(session: &Session, lang: &str, q: &str) -> Value {
    let q: String = q
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect();
    let (status, found) = session
        .get(&format!("/api/v1/memory/match?src=en&tgt={lang}&q={q}"))
        .await;
    assert_eq!(status, StatusCode::OK, "{found}");
    found[0].clone()
}

/// Saves, submits and approves a translation.
async fn approve(team: &Team, id: i64, seg: i64, lang: &str, text: &str) {
    let path = format!("/api/v1/statements/{id}/segments/{seg}/translations/{lang}");
    let (_, unit) = team.translator.get(&path).await;
    let version = unit["version"].as_i64().expect("version");
    let (_, saved) = team
        .translator
        .call(
            Method::PUT,
            &path,
            Some(json!({"text": text, "base_version": version})),
        )
        .await;
    let (_, submitted) = team
        .translator
        .post(
            &format!("{path}/submit"),
            json!({"base_version": saved["version"]}),
        )
        .await;
    let (status, body) = team
        .reviewer
        .post(
            &format!("{path}/approve"),
            json!({"base_version": submitted["version"]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

/// Saves an Armenian draft.
async fn save(team: &Team, id: i64, seg: i64, text: &str) {
    let path = format!("/api/v1/statements/{id}/segments/{seg}/translations/hy");
    let (_, unit) = team.translator.get(&path).await;
    let body = json!({"text": text, "base_version": unit["version"]});
    let (status, saved) = team.translator.call(Method::PUT, &path, Some(body)).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
}

/// The texts of a language's units, in order.
async fn texts(session: &Session, id: i64, lang: &str) -> Vec<(String, String)> {
    let (_, units) = session
        .get(&format!("/api/v1/statements/{id}/translations/{lang}"))
        .await;
    // The paragraphs' units: the headline comes first and is left out here.
    units
        .as_array()
        .expect("units")
        .iter()
        .filter(|u| u["kind"] != "headline")
        .map(|u| {
            let text = u["text"].as_str().unwrap_or_default().to_owned();
            (text, u["state"].as_str().unwrap_or_default().to_owned())
        })
        .collect()
}

/// The segment of statement `id`'s headline.
async fn headline(team: &Team, id: i64) -> i64 {
    let (_, statement) = team.editor.get(&format!("/api/v1/statements/{id}")).await;
    statement["headline"]["id"].as_i64().expect("headline")
}

const TWO_PARAGRAPHS: &str = "They came at noon. They left.\n\nThank you.";
const NOON_HY: &str = "Նրանք եկան կեսօրին։ Նրանք գնացին։";
const THANKS_HY: &str = "Շնորհակալություն։";

/// OmegaT writes its project memory and exported TMX like this (TMX 1.1 with its DTD named).
const OMEGAT_TMX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx11.dtd">
<tmx version="1.1">
  <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" creationtoolversion="4.3.3_0_0" segtype="sentence" srclang="en"/>
  <body>
<!-- Default translations -->
    <tu>
      <tuv xml:lang="en">
        <seg>The hall opens at nine.</seg>
      </tuv>
      <tuv xml:lang="hy" changeid="ani" changedate="20261201T101500Z" creationid="ani" creationdate="20261201T101500Z">
        <seg>Դահլիճը բացվում է ժամը ինըին։</seg>
      </tuv>
    </tu>
<!-- Alternative translations -->
    <tu>
      <prop type="file">statement.xlf</prop>
      <prop type="id">s4_1</prop>
      <prop type="prev">&lt;m0&gt;Doors close at ten.&lt;/m0&gt;</prop>
      <tuv xml:lang="en">
        <seg>Entry is free.</seg>
      </tuv>
      <tuv xml:lang="hy" changeid="ani" changedate="20261201T101700Z">
        <seg>Մուտքն ազատ է։</seg>
      </tuv>
    </tu>
  </body>
</tmx>
"#;

/// TMX naming its DTD, as Tandem's publications, OmegaT and translate-toolkit write it, is
/// imported; an internal subset or an entity is still refused with its code.
async fn tmx_with_a_doctype(app: common::TestApp) {
    let team = app.team(&["hy"]).await;
    let (id, segs) = team.statement("Appeal", TWO_PARAGRAPHS, &["hy"]).await;
    team.approve_headline(id, "hy", "Կոչ").await;
    approve(&team, id, segs[0], "hy", NOON_HY).await;
    approve(&team, id, segs[1], "hy", THANKS_HY).await;
    let (status, publication) = team
        .editor
        .post(
            &format!("/api/v1/statements/{id}/publications"),
            json!({"langs": ["hy"]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{publication}");
    let slug = publication["slug"].as_str().expect("slug");
    let (_, ours) = get_text(
        &team.editor,
        &format!("/api/v1/publications/{slug}/1?format=tmx"),
    )
    .await;
    assert!(
        ours.contains("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">"),
        "{ours}"
    );
    let (status, body) = import_memory(&team.editor, ours.clone()).await;
    assert_eq!(status, StatusCode::OK, "our own publication: {body}");
    assert_eq!(body["units"], 3, "the headline and two paragraphs: {body}");

    let (status, body) = import_memory(&team.editor, OMEGAT_TMX.into()).await;
    assert_eq!(status, StatusCode::OK, "OmegaT's: {body}");
    assert_eq!(body, json!({"units": 2, "pairs": 4}));
    let found = best_match(&team.translator, "hy", "Entry is free.").await;
    assert_eq!(found["target"], "Մուտքն ազատ է։");
    assert_eq!(found["score"], 100);

    let public = OMEGAT_TMX.replace(
        "<!DOCTYPE tmx SYSTEM \"tmx11.dtd\">",
        "<!DOCTYPE tmx PUBLIC \"-//LISA OSCAR:1998//DTD for Translation Memory eXchange//EN\" \"tmx14.dtd\">",
    );
    let (status, body) = import_memory(&team.editor, public).await;
    assert_eq!(status, StatusCode::OK, "a PUBLIC identifier: {body}");

    let doctype = "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">";
    let refused = [
        (
            ours.replace(
                doctype,
                "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\" [<!ENTITY org \"Tandem\">]>",
            ),
            "xml_doctype",
        ),
        (
            ours.replace(
                doctype,
                "<!DOCTYPE tmx [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>",
            )
            .replacen("<seg>", "<seg>&b;", 1),
            "xml_doctype",
        ),
        (
            ours.replace(
                doctype,
                "<!DOCTYPE tmx SYSTEM \"file:///etc/passwd\" [<!ENTITY % p SYSTEM \"x\"> %p;]>",
            ),
            "xml_doctype",
        ),
        (
            ours.replacen("<seg>", "<seg>&org;", 1),
            "xml_unknown_entity",
        ),
        (
            ours.replace(doctype, "<!doctype tmx SYSTEM \"tmx14.dtd\">"),
            "xml_doctype",
        ),
    ];
    for (tmx, rule) in refused {
        let (status, body) = import_memory(&team.editor, tmx).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert_eq!(body["error"]["code"], "invalid_file", "{body}");
        assert_eq!(body["error"]["details"]["rule"], rule, "{body}");
    }
}

/// `format=xliff12`: valid against the OASIS strict schema, sentences marked, states mapped, and
/// read back by our import with nothing changed; publications are `final`.
async fn xliff12_export(app: common::TestApp) {
    let team = app.team(&["hy"]).await;
    let (id, segs) = team.statement("Appeal", TWO_PARAGRAPHS, &["hy"]).await;
    approve(&team, id, segs[0], "hy", NOON_HY).await;
    let path = format!("/api/v1/statements/{id}/export?format=xliff12&lang=hy");
    let (status, xliff) = get_text(&team.translator, &path).await;
    assert_eq!(status, StatusCode::OK, "{xliff}");
    if let Err(why) = outside::xliff12_schema_check(&xliff) {
        panic!("the XLIFF 1.2 export breaks the OASIS strict schema: {why}\n{xliff}");
    }
    assert!(xliff.contains("urn:oasis:names:tc:xliff:document:1.2"));
    assert!(xliff.contains(r#"<seg-source><mrk mtype="seg" mid="1">They came at noon.</mrk> <mrk mtype="seg" mid="2">They left.</mrk></seg-source>"#), "{xliff}");
    assert!(xliff.contains(r#"<target state="signed-off"><mrk mtype="seg" mid="1">Նրանք եկան կեսօրին։</mrk> <mrk mtype="seg" mid="2">Նրանք գնացին։</mrk></target>"#), "{xliff}");
    assert!(
        xliff.contains(r#"<target state="new"><mrk mtype="seg" mid="1">Thank you.</mrk></target>"#),
        "{xliff}"
    );

    let before = texts(&team.editor, id, "hy").await;
    let (_, report) = import_xliff(&team.translator, id, xliff.clone()).await;
    assert_eq!(report["applied"], json!([]), "{report}");
    assert_eq!(report["conflicts"], json!([]));
    assert_eq!(
        report["skipped"],
        json!([{"unit": format!("s{}", headline(&team, id).await), "reason": "no_target"},
               {"unit": format!("s{}", segs[0]), "reason": "unchanged"},
               {"unit": format!("s{}", segs[1]), "reason": "no_target"}])
    );
    assert_eq!(texts(&team.editor, id, "hy").await, before, "nothing moved");

    // A tool translates the second paragraph in place and says it is done.
    let done = xliff.replace(
        r#"<target state="new"><mrk mtype="seg" mid="1">Thank you.</mrk></target>"#,
        &format!(
            r#"<target state="translated"><mrk mtype="seg" mid="1">{THANKS_HY}</mrk></target>"#
        ),
    );
    let (_, report) = import_xliff(&team.translator, id, done).await;
    assert_eq!(report["applied"][0]["segment_id"], segs[1], "{report}");
    assert_eq!(report["applied"][0]["state"], "translated");
    assert_eq!(
        texts(&team.editor, id, "hy").await,
        vec![
            (NOON_HY.to_owned(), "approved".to_owned()),
            (THANKS_HY.to_owned(), "translated".to_owned())
        ]
    );

    let (status, body) = team
        .translator
        .get(&format!("/api/v1/statements/{id}/export?format=xliff12"))
        .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "one target language: {body}"
    );

    approve_submitted(&team, id, segs[1]).await;
    team.approve_headline(id, "hy", "Կոչ").await;
    let (status, publication) = team
        .editor
        .post(
            &format!("/api/v1/statements/{id}/publications"),
            json!({"langs": ["hy"]}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{publication}");
    let slug = publication["slug"].as_str().expect("slug");
    let (status, published) = get_text(
        &team.editor,
        &format!("/api/v1/publications/{slug}/1?format=xliff12&lang=hy"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{published}");
    assert_eq!(
        published.matches("state=\"final\"").count(),
        3,
        "the headline and two paragraphs: {published}"
    );
    if let Err(why) = outside::xliff12_schema_check(&published) {
        panic!("the published XLIFF 1.2 breaks the OASIS strict schema: {why}");
    }
}

/// The reviewer approves a unit already submitted.
async fn approve_submitted(team: &Team, id: i64, seg: i64) {
    let path = format!("/api/v1/statements/{id}/segments/{seg}/translations/hy");
    let (_, unit) = team.reviewer.get(&path).await;
    let (status, body) = team
        .reviewer
        .post(
            &format!("{path}/approve"),
            json!({"base_version": unit["version"]}),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

/// A paragraph of two sentences comes back with the space between them: from our XLIFF 2.1
/// filled in by a tool that leaves the ignorables alone, from XLIFF 2.1 written with no white
/// space between segments (as translate-toolkit does), and from our XLIFF 1.2 whose marked
/// sentences a tool wrote back to back.
async fn sentence_boundaries(app: common::TestApp) {
    let team = app.team(&["ru"]).await;
    let text = "They came at noon. They left.\n\nThe hall opens at nine. Entry is free.\n\nWe stand together. We ask for openness.";
    let (id, segs) = team.statement("Noon", text, &["ru"]).await;

    let (_, xliff) = get_text(
        &team.translator,
        &format!("/api/v1/statements/{id}/export?format=xliff&lang=ru"),
    )
    .await;
    assert!(
        xliff.contains("<ignorable><source> </source></ignorable>"),
        "{xliff}"
    );
    let filled = xliff
        .replacen(
            "<source>They came at noon.</source>",
            "<source>They came at noon.</source><target>Они пришли в полдень.</target>",
            1,
        )
        .replacen(
            "<source>They left.</source>",
            "<source>They left.</source><target>Они ушли.</target>",
            1,
        );
    let (_, report) = import_xliff(&team.translator, id, filled).await;
    assert_eq!(
        report["applied"].as_array().map(Vec::len),
        Some(1),
        "{report}"
    );

    let back_to_back = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="ru"><file id="f1"><unit id="s{}"><segment><source>The hall opens at nine.</source><target>Зал открывается в девять.</target></segment><segment><source>Entry is free.</source><target>Вход свободный.</target></segment></unit></file></xliff>"#,
        segs[1]
    );
    let (_, report) = import_xliff(&team.translator, id, back_to_back).await;
    assert_eq!(
        report["applied"].as_array().map(Vec::len),
        Some(1),
        "{report}"
    );

    let (_, xliff12) = get_text(
        &team.translator,
        &format!("/api/v1/statements/{id}/export?format=xliff12&lang=ru"),
    )
    .await;
    let copied = r#"<target state="new"><mrk mtype="seg" mid="1">We stand together.</mrk> <mrk mtype="seg" mid="2">We ask for openness.</mrk></target>"#;
    assert!(xliff12.contains(copied), "{xliff12}");
    let glued = xliff12.replace(
        copied,
        r#"<target state="needs-translation"><mrk mtype="seg" mid="1">Мы вместе.</mrk><mrk mtype="seg" mid="2">Мы просим открытости.</mrk></target>"#,
    );
    let (_, report) = import_xliff(&team.translator, id, glued).await;
    assert_eq!(
        report["applied"].as_array().map(Vec::len),
        Some(1),
        "{report}"
    );

    let got: Vec<String> = texts(&team.editor, id, "ru")
        .await
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    assert_eq!(
        got,
        [
            "Они пришли в полдень. Они ушли.",
            "Зал открывается в девять. Вход свободный.",
            "Мы вместе. Мы просим открытости."
        ]
    );
}

/// An OmegaT project for English into Armenian over `dir`.
fn omegat_project(dir: &Path) {
    for sub in [
        "source",
        "target",
        "tm/auto",
        "glossary",
        "dictionary",
        "omegat",
    ] {
        std::fs::create_dir_all(dir.join(sub)).expect("project folder");
    }
    let project = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>source</source_dir>
        <source_dir_excludes/>
        <target_dir>target</target_dir>
        <tm_dir>tm</tm_dir>
        <glossary_dir>glossary</glossary_dir>
        <glossary_file>glossary/glossary.txt</glossary_file>
        <dictionary_dir>dictionary</dictionary_dir>
        <source_lang>en</source_lang>
        <target_lang>hy</target_lang>
        <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
        <target_tok>org.omegat.tokenizer.DefaultTokenizer</target_tok>
        <sentence_seg>true</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
"#;
    std::fs::write(dir.join("omegat.project"), project).expect("omegat.project");
}

/// OmegaT (console mode) translates our XLIFF 1.2 with our TMX in `tm/auto`, and what it
/// writes comes back through our import with the memory's translations, sentences and all.
async fn omegat_translates_our_files() {
    let omegat = outside::omegat();
    let app = common::TestApp::spawn(common::Db::Sqlite).await;
    let team = app.team(&["hy"]).await;
    // Drafts, not approvals: the memory stays empty, so nothing fills in the second statement
    // before OmegaT does.
    let (done, segs) = team.statement("Appeal", TWO_PARAGRAPHS, &["hy"]).await;
    save(&team, done, segs[0], NOON_HY).await;
    save(&team, done, segs[1], THANKS_HY).await;
    let (again, _) = team
        .statement("Appeal again", TWO_PARAGRAPHS, &["hy"])
        .await;
    let (_, tmx) = get_text(
        &team.editor,
        &format!("/api/v1/statements/{done}/export?format=tmx&segtype=sentence"),
    )
    .await;
    let (_, xliff) = get_text(
        &team.translator,
        &format!("/api/v1/statements/{again}/export?format=xliff12&lang=hy"),
    )
    .await;

    let dir = tempfile::tempdir().expect("temp dir");
    omegat_project(dir.path());
    std::fs::write(dir.path().join("source/appeal.xlf"), &xliff).expect("source");
    std::fs::write(dir.path().join("tm/auto/appeal.tmx"), &tmx).expect("tm");
    let config = dir.path().join("config");
    let said = outside::run_in(
        dir.path(),
        omegat,
        &[
            dir.path().to_str().expect("utf-8 path"),
            "--mode=console-translate",
            &format!("--config-dir={}", config.display()),
            "--disable-project-locking",
            "--no-team",
        ],
    );
    let translated = std::fs::read_to_string(dir.path().join("target/appeal.xlf"))
        .unwrap_or_else(|e| panic!("OmegaT wrote no target file ({e}): {said}"));
    for sentence in ["Նրանք եկան կեսօրին։", "Նրանք գնացին։", THANKS_HY]
    {
        assert!(
            translated.contains(sentence),
            "OmegaT left out {sentence}: {translated}\n{said}"
        );
    }
    let (_, report) = import_xliff(&team.translator, again, translated).await;
    assert_eq!(
        report["applied"].as_array().map(Vec::len),
        Some(2),
        "{report}"
    );
    assert_eq!(
        texts(&team.editor, again, "hy").await,
        vec![
            (NOON_HY.to_owned(), "draft".to_owned()),
            (THANKS_HY.to_owned(), "draft".to_owned())
        ]
    );
}

/// translate-toolkit: our XLIFF 1.2 to PO (`xliff2po`), a translator's PO merged back into it
/// (`pomerge`) and imported; `po2tmx` output imported as memory; and our memory's TMX read and
/// written again by `pogrep` imported into another instance, every pair intact.
async fn translate_toolkit_round_trips() {
    let (xliff2po, pomerge) = (
        outside::translate_toolkit("xliff2po"),
        outside::translate_toolkit("pomerge"),
    );
    let (po2tmx, pogrep) = (
        outside::translate_toolkit("po2tmx"),
        outside::translate_toolkit("pogrep"),
    );
    let app = common::TestApp::spawn(common::Db::Sqlite).await;
    let team = app.team(&["hy"]).await;
    let text = "They came at noon. They left.\n\nThank you.\n\nSee you soon.";
    let (id, segs) = team.statement("Appeal", text, &["hy"]).await;
    approve(&team, id, segs[0], "hy", NOON_HY).await;
    let (_, xliff) = get_text(
        &team.translator,
        &format!("/api/v1/statements/{id}/export?format=xliff12&lang=hy"),
    )
    .await;
    let dir = tempfile::tempdir().expect("temp dir");
    let at = |name: &str| {
        dir.path()
            .join(name)
            .to_str()
            .expect("utf-8 path")
            .to_owned()
    };
    std::fs::write(at("ours.xlf"), &xliff).expect("write");
    outside::run_in(dir.path(), &xliff2po, &[&at("ours.xlf"), &at("ours.po")]);
    let po = std::fs::read_to_string(at("ours.po")).expect("po");
    assert!(po.contains(&format!("msgstr \"{NOON_HY}\"")), "{po}");
    let edited = po.replacen(
        "msgstr \"Thank you.\"",
        &format!("msgstr \"{THANKS_HY}\""),
        1,
    );
    assert_ne!(edited, po, "{po}");
    std::fs::write(at("edited.po"), edited).expect("write");
    outside::run_in(
        dir.path(),
        &pomerge,
        &[
            "-t",
            &at("ours.xlf"),
            "-i",
            &at("edited.po"),
            "-o",
            &at("merged.xlf"),
        ],
    );
    let merged = std::fs::read_to_string(at("merged.xlf")).expect("merged");
    let (_, report) = import_xliff(&team.translator, id, merged.clone()).await;
    assert_eq!(report["conflicts"], json!([]), "{report}");
    assert_eq!(
        report["applied"].as_array().map(Vec::len),
        Some(1),
        "{report}\n{merged}"
    );
    assert_eq!(report["applied"][0]["segment_id"], segs[1]);
    assert_eq!(
        report["skipped"],
        json!([{"unit": format!("s{}", headline(&team, id).await), "reason": "no_target"},
               {"unit": format!("s{}", segs[0]), "reason": "unchanged"},
               {"unit": format!("s{}", segs[2]), "reason": "no_target"}])
    );
    let got: Vec<String> = texts(&team.editor, id, "hy")
        .await
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    assert_eq!(got, [NOON_HY, THANKS_HY, ""]);

    let po = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Language: hy\\n\"\n\n\
              msgid \"The hall opens at nine.\"\nmsgstr \"Դահլիճը բացվում է ժամը ինըին։\"\n\n\
              msgid \"Entry is free.\"\nmsgstr \"Մուտքն ազատ է։\"\n";
    std::fs::write(at("hall.po"), po).expect("write");
    outside::run_in(
        dir.path(),
        &po2tmx,
        &["-l", "hy", &at("hall.po"), &at("hall.tmx")],
    );
    let tmx = std::fs::read_to_string(at("hall.tmx")).expect("tmx");
    assert!(tmx.contains("<!DOCTYPE tmx"), "po2tmx names its DTD: {tmx}");
    let (status, body) = import_memory(&team.editor, tmx).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body, json!({"units": 2, "pairs": 4}));
    assert_eq!(
        best_match(&team.translator, "hy", "Entry is free.").await["target"],
        "Մուտքն ազատ է։"
    );

    let (_, memory) = get_text(&team.editor, "/api/v1/memory/export?format=tmx").await;
    let pairs = memory.matches("<tu ").count();
    assert!(pairs >= 4, "{memory}");
    std::fs::write(at("memory.tmx"), &memory).expect("write");
    outside::run_in(
        dir.path(),
        &pogrep,
        &[
            "--search=source",
            "-e",
            ".",
            &at("memory.tmx"),
            &at("again.tmx"),
        ],
    );
    let again = std::fs::read_to_string(at("again.tmx")).expect("tmx");
    assert!(
        again.contains("Translate Toolkit") && again.contains("<!DOCTYPE tmx"),
        "{again}"
    );
    let other = common::TestApp::spawn(common::Db::Sqlite).await;
    let editor = other.editor().await;
    let (status, body) = import_memory(&editor, again).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["units"], pairs, "every pair came back: {body}");
    let translator = other.translator("hy").await;
    assert_eq!(
        best_match(&translator, "hy", "Entry is free.").await["target"],
        "Մուտքն ազատ է։"
    );
}

pub fn tests() -> Tests {
    Tests::new()
        .both("tmx_with_a_doctype", tmx_with_a_doctype)
        .both("xliff12_export", xliff12_export)
        .both("sentence_boundaries", sentence_boundaries)
        .run("omegat_translates_our_files", omegat_translates_our_files)
        .run(
            "translate_toolkit_round_trips",
            translate_toolkit_round_trips,
        )
}
