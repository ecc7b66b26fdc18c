//! Exports and imports: every format of a publication and of the working state, and an XLIFF
//! round trip that changes exactly the units edited in the file.

use crate::common;
use crate::harness::Tests;
use crate::outside;

use reqwest::{header, Method, StatusCode};
use serde_json::{json, Value};
use tandem::domain::role::LanguageRole::{Reviewer, Translator};

struct Fixture {
    editor: common::Session,
    translator: common::Session,
    reviewer: common::Session,
    id: i64,
    /// The headline's segment.
    headline: i64,
    segs: Vec<i64>,
}

async fn fixture(app: &common::TestApp) -> Fixture {
    let editor = app.editor().await;
    app.add_user("ani", false, false, &[(Translator, "hy")])
        .await;
    app.add_user("gevorg", false, false, &[(Reviewer, "hy")])
        .await;
    let translator = app.sign_in("ani").await;
    let reviewer = app.sign_in("gevorg").await;
    let (_, created) = editor
        .post(
            "/api/v1/statements",
            json!({"title": "Joint appeal", "source_lang": "en", "target_langs": ["hy", "ru"],
                   "text": "We stand together. We ask for <clarity> & openness.\n\nThe hearing is on 3 May.\n\nThank you.",
                   "open_to_translators": true}),
        )
        .await;
    let id = created["id"].as_i64().expect("id");
    let headline = created["headline"]["id"].as_i64().expect("headline");
    let segs = created["segments"]
        .as_array()
        .expect("segs")
        .iter()
        .filter_map(|s| s["id"].as_i64())
        .collect();
    Fixture {
        editor,
        translator,
        reviewer,
        id,
        headline,
        segs,
    }
}

impl Fixture {
    fn unit(&self, seg: i64) -> String {
        format!(
            "/api/v1/statements/{}/segments/{seg}/translations/hy",
            self.id
        )
    }

    async fn approve(&self, seg: i64, text: &str) {
        let path = self.unit(seg);
        let (_, unit) = self.translator.get(&path).await;
        let v = unit["version"].as_i64().expect("v");
        self.translator
            .call(
                Method::PUT,
                &path,
                Some(json!({"text": text, "base_version": v})),
            )
            .await;
        self.translator
            .post(&format!("{path}/submit"), json!({"base_version": v + 1}))
            .await;
        let (s, body) = self
            .reviewer
            .post(&format!("{path}/approve"), json!({"base_version": v + 2}))
            .await;
        assert_eq!(s, StatusCode::OK, "{body}");
    }

    async fn raw(&self, session: &common::Session, path: &str) -> (StatusCode, String, String) {
        let resp = session
            .client
            .get(format!("{}{path}", session.base))
            .send()
            .await
            .expect("get");
        let status = resp.status();
        let ctype = resp
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        (status, ctype, resp.text().await.expect("body"))
    }

    async fn import(
        &self,
        session: &common::Session,
        body: String,
        ctype: &str,
    ) -> (StatusCode, Value) {
        let resp = session
            .client
            .post(format!(
                "{}/api/v1/statements/{}/import?filename=ani-omegat.xlf",
                session.base, self.id
            ))
            .header("x-csrf-token", &session.csrf)
            .header(header::CONTENT_TYPE, ctype)
            .body(body)
            .send()
            .await
            .expect("import");
        let status = resp.status();
        (status, resp.json().await.unwrap_or(Value::Null))
    }
}

async fn round_trip(app: common::TestApp) {
    let f = fixture(&app).await;
    f.approve(
        f.segs[0],
        "Մենք միասին ենք։ Խնդրում ենք <հստակություն> և բացություն։",
    )
    .await;
    let (_, before) = f
        .editor
        .get(&format!("/api/v1/statements/{}/translations/hy", f.id))
        .await;

    let (status, ctype, xliff) = f
        .raw(
            &f.translator,
            &format!("/api/v1/statements/{}/export?format=xliff&lang=hy", f.id),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{xliff}");
    assert!(ctype.starts_with("application/xliff+xml"));
    assert!(xliff.contains("srcLang=\"en\"") && xliff.contains("trgLang=\"hy\""));
    assert!(xliff.contains("&lt;clarity&gt; &amp; openness"));
    assert!(
        tandem::formats::xliff::validate(xliff.as_bytes(), 1 << 20).is_ok(),
        "our own reader accepts it"
    );
    if let Err(why) = outside::xliff_schema_check(&xliff) {
        panic!("the exported XLIFF does not validate against the OASIS core schema: {why}");
    }

    // Someone edits the file in a CAT tool: the second paragraph gets a translation; nothing else.
    let source2 = "<source>The hearing is on 3 May.</source>";
    assert!(xliff.contains(source2), "{xliff}");
    let edited = xliff.replacen(
        source2,
        &format!("{source2}<target>Լսումները մայիսի 3-ին են։</target>"),
        1,
    );
    let (status, report) = f
        .import(&f.translator, edited.clone(), "application/xliff+xml")
        .await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(
        report["applied"].as_array().map(Vec::len),
        Some(1),
        "{report}"
    );
    assert_eq!(report["applied"][0]["segment_id"], f.segs[1]);
    assert_eq!(report["conflicts"], json!([]));
    let (_, after) = f
        .editor
        .get(&format!("/api/v1/statements/{}/translations/hy", f.id))
        .await;
    // The headline comes first, then the paragraphs.
    assert_eq!(after[0], before[0], "the headline did not change");
    assert_eq!(
        after[1], before[1],
        "the untouched unit did not change at all"
    );
    assert_eq!(after[3], before[3]);
    assert_eq!(after[2]["text"], "Լսումները մայիսի 3-ին են։");
    assert_eq!(after[2]["state"], "draft");
    let (_, history) = f
        .translator
        .get(&format!("{}/history", f.unit(f.segs[1])))
        .await;
    assert_eq!(history[0]["via"], "import");
    assert_eq!(history[0]["file"], "ani-omegat.xlf");
    assert_eq!(history[0]["origin"], json!({"kind": "human"}));
    assert_eq!(history[0]["comment"], Value::Null);

    // The same file again: the unit moved on in Tandem since the export, so it is a conflict now.
    let again = edited.replacen(
        "Լսումները մայիսի 3-ին են։",
        "Լսումները կլինեն մայիսի 3-ին։",
        1,
    );
    let (status, report) = f.import(&f.translator, again, "application/xml").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        report["conflicts"][0]["reason"], "changed_in_tandem",
        "{report}"
    );
    assert_eq!(report["applied"], json!([]));

    // A file made from another source is a conflict too.
    let (_, st) = f.editor.get(&format!("/api/v1/statements/{}", f.id)).await;
    f.editor
        .call(
            Method::PUT,
            &format!("/api/v1/statements/{}/source", f.id),
            Some(json!({"text": "We stand together. We ask for <clarity> & openness.\n\nThe hearing is on 4 May.\n\nThank you.", "base_revision": st["revision"]})),
        )
        .await;
    let (_, _, fresh) = f
        .raw(
            &f.translator,
            &format!("/api/v1/statements/{}/export?format=xliff&lang=hy", f.id),
        )
        .await;
    let stale = fresh
        .replace("The hearing is on 4 May.", "The hearing is on 3 May.")
        .replacen(
            "<source>Thank you.</source>",
            "<source>Thank you.</source><target>Շնորհակալություն։</target>",
            1,
        );
    let stale = stale.replace(
        "<source>The hearing is on 3 May.</source><target>",
        "<source>The hearing is on 3 May.</source><target>Փոխված ",
    );
    let (status, report) = f
        .import(&f.translator, stale, "application/xliff+xml")
        .await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(
        report["applied"].as_array().map(Vec::len),
        Some(1),
        "{report}"
    );
    assert_eq!(
        report["conflicts"][0]["reason"], "source_changed",
        "{report}"
    );
}

async fn every_format(app: common::TestApp) {
    let f = fixture(&app).await;
    for (i, seg) in f.segs.iter().enumerate() {
        // The second paragraph names a date, which its translation must keep.
        let text = if i == 1 {
            "Հատված 2։ Լսումը մայիսի 3-ին է։".to_owned()
        } else {
            format!("Հատված {}։ Երկրորդ նախադասություն։", i + 1)
        };
        f.approve(*seg, &text).await;
    }
    f.approve(f.headline, "Համատեղ կոչ").await;
    let (s, publication) = f
        .editor
        .post(
            &format!("/api/v1/statements/{}/publications", f.id),
            json!({"langs": ["hy"]}),
        )
        .await;
    assert_eq!(s, StatusCode::CREATED, "{publication}");
    let slug = publication["slug"].as_str().expect("slug");
    let base = format!("/api/v1/publications/{slug}/1");
    let (s, ctype, tmx) = f.raw(&f.editor, &format!("{base}?format=tmx")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(ctype.contains("tmx"));
    assert!(
        tmx.contains("<tmx version=\"1.4\">")
            && tmx.contains("srclang=\"en\"")
            && tmx.contains("xml:lang=\"hy\"")
    );
    assert_eq!(
        tmx.matches("<tu ").count() + tmx.matches("<tu>").count(),
        4,
        "one tu for the headline and one per paragraph"
    );
    assert!(tmx.contains("<seg>Joint appeal</seg>") && tmx.contains("<seg>Համատեղ կոչ</seg>"));
    let (_, _, sentences) = f
        .raw(&f.editor, &format!("{base}?format=tmx&segtype=sentence"))
        .await;
    assert!(sentences.contains("segtype=\"sentence\""));
    for (name, document) in [("paragraphs", &tmx), ("sentences", &sentences)] {
        if let Err(why) = outside::tmx_dtd_check(document) {
            panic!("the TMX of {name} breaks the TMX 1.4b DTD: {why}\n{document}");
        }
    }
    // The DTD is strict enough to catch a property after the variants.
    let misplaced = tmx.replacen("</seg>", "</seg><prop type=\"x\">late</prop>", 1);
    assert!(outside::tmx_dtd_check(&misplaced).is_err());
    let (_, _, xliff) = f
        .raw(&f.editor, &format!("{base}?format=xliff&lang=hy"))
        .await;
    assert!(xliff.contains("state=\"final\""), "a publication is final");
    assert!(xliff.contains("<target>Համատեղ կոչ</target>"), "{xliff}");
    assert!(!xliff.contains("state=\"reviewed\""));
    if let Err(why) = outside::xliff_schema_check(&xliff) {
        panic!("the published XLIFF breaks the OASIS core schema: {why}");
    }
    let (_, ctype, html) = f.raw(&f.editor, &format!("{base}?format=html")).await;
    assert!(
        ctype.starts_with("text/html")
            && html.contains("&lt;clarity&gt;")
            && html.contains("id=\"s-")
            && html.contains("<tr id=\"s-")
            && html.contains("class=\"headline\"")
            && html.contains("Համատեղ կոչ")
    );
    let (_, _, md) = f.raw(&f.editor, &format!("{base}?format=md&lang=hy")).await;
    assert!(md.contains("Հատված 1։") && !md.contains("We stand together"));
    assert!(
        md.starts_with("# Համատեղ կոչ\n"),
        "the headline heads the document: {md}"
    );
    let (s, body) = f.editor.get(&format!("{base}?format=xliff")).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "xliff needs a language: {body}");
    let (s, _) = f.editor.get(&format!("{base}?format=docx")).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    let (s, _) = f.editor.get(&format!("{base}?format=xliff&lang=ru")).await;
    assert_eq!(s, StatusCode::NOT_FOUND, "Russian was not published");
}

async fn import_refusals(app: common::TestApp) {
    let f = fixture(&app).await;
    let (_, _, xliff) = f
        .raw(
            &f.translator,
            &format!("/api/v1/statements/{}/export?format=xliff&lang=hy", f.id),
        )
        .await;
    let (s, body) = f.import(&f.translator, xliff.clone(), "text/plain").await;
    assert_eq!(s, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{body}");
    let (s, body) = f
        .import(
            &f.translator,
            "<!DOCTYPE x [<!ENTITY a \"b\">]><x/>".into(),
            "application/xml",
        )
        .await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["code"], "invalid_xliff");
    assert_eq!(body["error"]["details"]["rule"], "xml_doctype");
    // A Russian file for a translator of Armenian: every unit is refused, nothing written.
    let ru = xliff.replace("trgLang=\"hy\"", "trgLang=\"ru\"").replacen(
        "<source>Thank you.</source>",
        "<source>Thank you.</source><target xml:lang=\"ru\">Спасибо.</target>",
        1,
    );
    let (s, report) = f.import(&f.translator, ru, "application/xliff+xml").await;
    assert_eq!(s, StatusCode::OK, "{report}");
    assert_eq!(report["applied"], json!([]));
    let forbidden = report["skipped"].as_array().map_or(0, |s| {
        s.iter().filter(|u| u["reason"] == "forbidden").count()
    });
    assert_eq!(forbidden, 1, "{report}");
    let (s, _, _) = f
        .raw(
            &f.translator,
            &format!("/api/v1/statements/{}/export?format=xliff&lang=ru", f.id),
        )
        .await;
    assert_eq!(
        s,
        StatusCode::FORBIDDEN,
        "translators export only their languages"
    );
}

/// Many tools still write XLIFF 1.2: its trans-units are matched by id like 2.x units.
async fn xliff_12_import(app: common::TestApp) {
    let f = fixture(&app).await;
    let file = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="joint-appeal" source-language="en" target-language="hy" datatype="plaintext">
    <body>
      <trans-unit id="s{}"><source>Thank you.</source><target state="translated">Շնորհակալություն։</target></trans-unit>
      <trans-unit id="s999"><source>Not ours.</source><target>Մերը չէ։</target></trans-unit>
    </body>
  </file>
</xliff>"#,
        f.segs[2]
    );
    let (status, report) = f
        .import(&f.translator, file, "application/x-xliff+xml")
        .await;
    assert_eq!(status, StatusCode::OK, "{report}");
    assert_eq!(
        report["applied"],
        json!([{"segment_id": f.segs[2], "state": "translated", "version": 3}])
    );
    assert_eq!(
        report["skipped"],
        json!([{"unit": "s999", "reason": "unknown_unit"}])
    );
    let (_, unit) = f.translator.get(&f.unit(f.segs[2])).await;
    assert_eq!(
        (unit["text"].as_str(), unit["state"].as_str()),
        (Some("Շնորհակալություն։"), Some("translated"))
    );
}

pub fn tests() -> Tests {
    Tests::new()
        .both("xliff_round_trip", round_trip)
        .both("publication_formats", every_format)
        .both("import_is_refused_cleanly", import_refusals)
        .both("xliff_12", xliff_12_import)
}
