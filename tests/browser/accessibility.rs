//! Every desk page (the editor with its side panel open) and every public page, in Armenian,
//! English and Russian: axe-core finds no WCAG 2.1 A/AA violation, and every word sits in an
//! element marked with its own language.

use crate::common;
use crate::harness::{skip, Tests};
use crate::webdriver;

use std::path::PathBuf;

use serde_json::{json, Value};
use tandem::domain::role::LanguageRole::{Reviewer, Translator};
use webdriver::Browser;

/// axe-core's browser build, from npm (`.ci/run` installs it under /var/cache/tandem-npm).
fn axe_source() -> String {
    let path = std::env::var_os("TANDEM_AXE_JS").map_or_else(
        || PathBuf::from("/var/cache/tandem-npm/node_modules/axe-core/axe.min.js"),
        PathBuf::from,
    );
    match std::fs::read_to_string(&path) {
        Ok(source) => source,
        Err(_) => skip(format!(
            "{} is missing (npm install axe-core there, or set TANDEM_AXE_JS)",
            path.display()
        )),
    }
}

/// Runs axe on the page for the WCAG 2.0 and 2.1 A and AA rules; answers its violations (and
/// one of its own if axe found nothing to check, which would make a pass mean nothing).
const RUN_AXE: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } })
  .then((r) => done(r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.html + " — " + n.failureSummary) }))
    .concat(r.passes.length < 10 ? [{ id: "axe-checked-little", help: `${r.passes.length} rules passed` }] : [])),
        (e) => done([{ id: "axe-error", help: String(e), nodes: [] }]));
"#;

/// Every word of the page (text, the attributes people hear, the title) against the language of
/// the element it sits in: Armenian letters under `hy`, Cyrillic under `ru`, Latin under the
/// rest. `lang=""` marks what has no language of its own (names people chose) and `zxx` what is
/// not language at all (codes, links). The names of the product and of file formats, and words
/// in capitals of up to five letters (acronyms and codes such as AMD or XLIFF, which texts in
/// any script borrow as they are), belong to no one language.
const WRONG_LANGUAGE: &str = r#"
const names = new Set(["Tandem", "Markdown", "txt", "md"]);
const borrowed = (word) => names.has(word) || /^[A-Z]{2,5}$/.test(word);
const scriptOfLang = (tag) => {
  const primary = tag.split("-")[0].toLowerCase();
  if (primary === "hy" || primary === "hyw") return "Armenian";
  if (["ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn"].includes(primary)) return "Cyrillic";
  return "Latin";
};
const scriptOfWord = (word) => /\p{Script=Armenian}/u.test(word) ? "Armenian"
  : /\p{Script=Cyrillic}/u.test(word) ? "Cyrillic" : /\p{Script=Latin}/u.test(word) ? "Latin" : null;
const wrong = [];
const check = (text, element, where) => {
  const holder = element.closest("[lang]");
  const lang = holder ? holder.getAttribute("lang") : "";
  if (lang === "" || lang === "zxx") return;
  for (const word of text.match(/\p{L}+/gu) ?? []) {
    if (borrowed(word)) continue;
    const script = scriptOfWord(word);
    if (script && script !== scriptOfLang(lang)) {
      wrong.push(`${where} "${word}" under lang=${lang}: ${element.outerHTML.slice(0, 160)}`);
    }
  }
};
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const node = walker.currentNode;
  if (node.parentElement && !node.parentElement.closest("script, style, template")) {
    check(node.textContent, node.parentElement, "text");
  }
}
for (const element of document.body.querySelectorAll("[aria-label], [placeholder], [title], [alt]")) {
  for (const name of ["aria-label", "placeholder", "title", "alt"]) {
    if (element.hasAttribute(name)) check(element.getAttribute(name), element, name);
  }
}
const title = document.querySelector("title");
if (title) check(title.textContent, title, "title");
return wrong;
"#;

/// The places to visit: a published statement, a second one at work, and someone who may open
/// every desk page.
struct Site {
    app: common::TestApp,
    slug: String,
    published: i64,
    at_work: i64,
}

async fn site() -> Site {
    let app = common::TestApp::spawn(common::Db::Sqlite).await;
    let (slug, sessions) = app.published_demo().await;
    let (_, listed) = sessions["editor"].get("/api/v1/statements").await;
    let published = listed[0]["id"].as_i64().expect("the demo statement");
    let (status, created) = sessions["editor"]
        .post(
            "/api/v1/statements",
            json!({"title": "Working hours of the archive", "source_lang": "en",
                   "target_langs": ["hy", "ru"],
                   "text": "The archive opens at nine.\n\nVisitors need a reader's card.",
                   "open_to_translators": true}),
        )
        .await;
    assert!(status.is_success(), "{created}");
    let at_work = created["id"].as_i64().expect("id");
    // One paragraph waits for review, with history and a comment for the side panel.
    let (_, units) = sessions["anush"]
        .get(&format!("/api/v1/statements/{at_work}/translations/hy"))
        .await;
    let path = format!(
        "/api/v1/statements/{at_work}/segments/{}/translations/hy",
        units[0]["segment_id"]
    );
    let (status, saved) = sessions["anush"]
        .call(
            reqwest::Method::PUT,
            &path,
            Some(json!({"text": "Արխիվը բացվում է ժամը ինըին։", "base_version": 1})),
        )
        .await;
    assert!(status.is_success(), "{saved}");
    sessions["anush"]
        .post(
            &format!("{path}/submit"),
            json!({"base_version": saved["version"]}),
        )
        .await;
    sessions["anush"]
        .post(
            &format!("{path}/comments"),
            json!({"body": "Ժամը ստուգել եմ կայքում։"}),
        )
        .await;
    app.add_user(
        "chief",
        true,
        true,
        &[(Reviewer, "hy"), (Reviewer, "ru"), (Translator, "hy")],
    )
    .await;
    Site {
        app,
        slug,
        published,
        at_work,
    }
}

/// Visits every page in every interface language and answers what `inspect` found, by page.
async fn tour(site: &Site, inspect: &str, prepare: Option<&str>) -> Vec<String> {
    let Site {
        app,
        slug,
        published,
        at_work,
    } = site;
    let desk = [
        ("my work", "/app".to_owned()),
        ("statements", "/app/statements".to_owned()),
        ("statement", format!("/app/statements/{published}")),
        ("editor", format!("/app/s/{at_work}/hy")),
        ("review", "/app/review".to_owned()),
        ("admin", "/app/admin".to_owned()),
        ("align", "/app/align".to_owned()),
        ("memory", "/app/memory?src=en&tgt=hy&q=the".to_owned()),
        ("glossary", "/app/glossary".to_owned()),
        ("tokens", "/app/tokens".to_owned()),
        ("admin-languages", "/app/admin/languages".to_owned()),
        ("audit", "/app/admin/audit".to_owned()),
        ("webhooks", "/app/admin/webhooks".to_owned()),
    ];
    let public = [
        ("publications", "/p".to_owned()),
        ("aligned", format!("/p/{slug}")),
        ("single", format!("/p/{slug}/hy")),
        ("version", format!("/p/{slug}/v/1")),
        ("not found", "/p/no-such-statement".to_owned()),
    ];
    let mut found = Vec::new();
    let browser = Browser::start("en").await;
    for ui in ["hy", "en", "ru"] {
        // Signed out first: the sign-in page, then the public pages in this interface language.
        browser.goto(&app.url(&format!("/app/lang/{ui}"))).await;
        browser.goto(&app.url("/app/sign-in")).await;
        found.extend(look(&browser, inspect, prepare, ui, "sign-in").await);
        for (name, path) in &public {
            let sep = if path.contains('?') { '&' } else { '?' };
            browser.goto(&app.url(&format!("{path}{sep}ui={ui}"))).await;
            found.extend(look(&browser, inspect, prepare, ui, name).await);
        }
        browser
            .sign_in(&app.url(""), "chief", common::PASSWORD)
            .await;
        browser.goto(&app.url(&format!("/app/lang/{ui}"))).await;
        for (name, path) in &desk {
            browser.goto(&app.url(path)).await;
            if *name == "editor" {
                // The side panel open on the paragraph that has history, a comment and memory.
                browser.click("li.unit textarea").await;
                browser
                    .wait_for("!document.querySelector('.panel-body').hidden && document.querySelector('.history li')")
                    .await;
            }
            found.extend(look(&browser, inspect, prepare, ui, name).await);
        }
        browser.click("#sign-out").await;
        browser.wait_for_url("/app/sign-in").await;
    }
    browser.quit().await;
    found
}

async fn look(
    browser: &Browser,
    inspect: &str,
    prepare: Option<&str>,
    ui: &str,
    page: &str,
) -> Vec<String> {
    browser.wait_for("document.readyState === 'complete'").await;
    if let Some(script) = prepare {
        browser.execute(script, json!([])).await;
    }
    let answer = if inspect.contains("arguments[arguments.length - 1]") {
        browser.execute_async(inspect, json!([])).await
    } else {
        browser.execute(inspect, json!([])).await
    };
    answer
        .as_array()
        .expect("a list")
        .iter()
        .map(|item| match item {
            Value::String(text) => format!("{page} ({ui}): {text}"),
            other => format!("{page} ({ui}): {other}"),
        })
        .collect()
}

async fn axe_finds_no_violation_on_any_page() {
    webdriver::require();
    let axe = axe_source();
    let site = site().await;
    let violations = tour(&site, RUN_AXE, Some(&format!("{axe}\nreturn true;"))).await;
    assert!(
        violations.is_empty(),
        "{} WCAG 2.1 A/AA violations:\n{}",
        violations.len(),
        violations.join("\n")
    );
}

async fn every_word_is_marked_with_its_language() {
    webdriver::require();
    let site = site().await;
    let wrong = tour(&site, WRONG_LANGUAGE, None).await;
    assert!(
        wrong.is_empty(),
        "{} words under another language's mark:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

pub fn tests() -> Tests {
    Tests::new()
        .run(
            "axe_finds_no_violation_on_any_page",
            axe_finds_no_violation_on_any_page,
        )
        .run(
            "every_word_is_marked_with_its_language",
            every_word_is_marked_with_its_language,
        )
}
