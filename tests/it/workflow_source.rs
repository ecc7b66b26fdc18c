//! Source changes: unchanged, edited, inserted, deleted, reordered, split and merged paragraphs.

use crate::common;
use crate::harness::Tests;

use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use tandem::domain::role::LanguageRole::{Reviewer, Translator};

struct Fixture {
    editor: common::Session,
    translator: common::Session,
    reviewer: common::Session,
    id: i64,
}

const P1: &str = "The council adopted the new media law on Tuesday.";
const P2: &str = "Journalists were not consulted before the vote.";
const P3: &str = "We ask parliament to hold public hearings this month.";

async fn fixture(app: &common::TestApp) -> Fixture {
    let editor = app.editor().await;
    app.add_user("arpi", false, false, &[(Translator, "hy")])
        .await;
    app.add_user("vardan", false, false, &[(Reviewer, "hy")])
        .await;
    let translator = app.sign_in("arpi").await;
    let reviewer = app.sign_in("vardan").await;
    let (status, body) = editor
        .post(
            "/api/v1/statements",
            json!({"title": "Media law", "source_lang": "en", "target_langs": ["hy"],
                   "text": format!("{P1}\n\n{P2}\n\n{P3}"), "open_to_translators": true}),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    Fixture {
        editor,
        translator,
        reviewer,
        id: body["id"].as_i64().expect("id"),
    }
}

impl Fixture {
    async fn segments(&self) -> Vec<Value> {
        let (_, body) = self
            .editor
            .get(&format!("/api/v1/statements/{}", self.id))
            .await;
        body["segments"].as_array().cloned().unwrap_or_default()
    }

    /// Translates and approves every segment into Armenian.
    async fn approve_all(&self) {
        for (i, seg) in self.segments().await.iter().enumerate() {
            let path = format!(
                "/api/v1/statements/{}/segments/{}/translations/hy",
                self.id, seg["id"]
            );
            let (_, unit) = self.translator.get(&path).await;
            let v = unit["version"].as_i64().expect("version");
            let (s, _) = self
                .translator
                .call(
                    Method::PUT,
                    &path,
                    Some(json!({"text": format!("Պարբերություն {}։", i + 1), "base_version": v})),
                )
                .await;
            assert_eq!(s, StatusCode::OK);
            self.translator
                .post(&format!("{path}/submit"), json!({"base_version": v + 1}))
                .await;
            let (s, body) = self
                .reviewer
                .post(&format!("{path}/approve"), json!({"base_version": v + 2}))
                .await;
            assert_eq!(s, StatusCode::OK, "{body}");
        }
    }

    async fn change(&self, text: &str, minor: bool) -> (StatusCode, Value) {
        let (_, statement) = self
            .editor
            .get(&format!("/api/v1/statements/{}", self.id))
            .await;
        let revision = statement["revision"].as_i64().expect("revision");
        self.editor
            .call(
                Method::PUT,
                &format!("/api/v1/statements/{}/source", self.id),
                Some(json!({"text": text, "base_revision": revision, "minor": minor})),
            )
            .await
    }

    /// The paragraphs' units in Armenian. The headline, first in the list, is not the text's:
    /// a change of the text leaves it exactly as it was.
    async fn units(&self) -> Vec<Value> {
        let (_, list) = self
            .editor
            .get(&format!("/api/v1/statements/{}/translations/hy", self.id))
            .await;
        let mut list = list.as_array().cloned().unwrap_or_default();
        let headline = list.remove(0);
        assert_eq!(
            (headline["kind"].as_str(), headline["version"].as_i64()),
            (Some("headline"), Some(1)),
            "{headline}"
        );
        list
    }
}

fn ids(segments: &[Value]) -> Vec<i64> {
    segments.iter().filter_map(|s| s["id"].as_i64()).collect()
}

async fn edits_inserts_and_deletes(app: common::TestApp) {
    let f = fixture(&app).await;
    f.approve_all().await;
    let before = ids(&f.segments().await);
    let edited = "Journalists were not consulted at all before the vote.";
    let added = "The coalition will publish its own analysis next week.";
    let (status, body) = f
        .change(&format!("{P1}\n\n{edited}\n\n{added}"), false)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["revision"], 2);
    assert_eq!(
        body["changes"],
        json!({"kept": 1, "edited": 1, "inserted": 1, "removed": 1})
    );
    let after = ids(&f.segments().await);
    assert_eq!(
        after[..2],
        before[..2],
        "unchanged and edited paragraphs keep their ids"
    );
    assert!(
        !before.contains(&after[2]),
        "the new paragraph has a new id"
    );

    let units = f.units().await;
    assert_eq!(
        units[0]["state"], "approved",
        "unchanged paragraph untouched"
    );
    assert_eq!(units[0]["version"], 4);
    assert_eq!(units[1]["state"], "needs_work");
    assert_eq!(
        units[1]["reason"],
        json!({"code": "source_changed", "old_source": P2, "new_source": edited})
    );
    assert_eq!(
        units[1]["text"], "Պարբերություն 2։",
        "the translation is kept to be revised"
    );
    assert_eq!(units[2]["state"], "untranslated");
    assert_eq!(units.len(), 3, "the removed paragraph left the statement");

    // The removed paragraph's unit keeps its history.
    let removed = before[2];
    let (status, history) = f
        .editor
        .get(&format!(
            "/api/v1/statements/{}/segments/{removed}/translations/hy/history",
            f.id
        ))
        .await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "inactive segments are not addressable: {history}"
    );
    assert_eq!(
        revisions_of_segment(&app, removed).await,
        3,
        "save, submit, approve are all still there"
    );

    // The history of the edited unit records the source change.
    let (_, history) = f
        .editor
        .get(&format!(
            "/api/v1/statements/{}/segments/{}/translations/hy/history",
            f.id, after[1]
        ))
        .await;
    let last = history
        .as_array()
        .and_then(|h| h.last())
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        (last["action"].as_str(), last["to_state"].as_str()),
        (Some("source_changed"), Some("needs_work"))
    );
}

/// Revisions kept for the units of a segment, read straight from the database: a retired
/// segment is no longer reachable over HTTP.
async fn revisions_of_segment(app: &common::TestApp, segment_id: i64) -> i64 {
    let sql = "SELECT COUNT(*) FROM unit_revisions r JOIN units n ON n.id = r.unit_id WHERE n.segment_id = $1";
    match app.db {
        common::Db::Sqlite => {
            let pool = sqlx::SqlitePool::connect(&app.database_url)
                .await
                .expect("sqlite");
            sqlx::query_scalar(sql)
                .bind(segment_id)
                .fetch_one(&pool)
                .await
                .expect("count")
        }
        common::Db::Postgres => {
            let pool = sqlx::PgPool::connect(&app.database_url)
                .await
                .expect("postgres");
            sqlx::query_scalar(sql)
                .bind(segment_id)
                .fetch_one(&pool)
                .await
                .expect("count")
        }
    }
}

async fn minor_changes_keep_approvals(app: common::TestApp) {
    let f = fixture(&app).await;
    f.approve_all().await;
    let typo_fixed = P3.replace("this month", "this  month");
    let (status, body) = f
        .change(&format!("{P1}\n\n{P2}\n\n{typo_fixed}"), true)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["changes"]["edited"], 1);
    let units = f.units().await;
    assert!(units.iter().all(|u| u["state"] == "approved"), "{units:?}");
    assert_eq!(units[2]["source"], typo_fixed);
    let (_, history) = f
        .editor
        .get(&format!(
            "/api/v1/statements/{}/segments/{}/translations/hy/history",
            f.id, units[2]["segment_id"]
        ))
        .await;
    let last = history
        .as_array()
        .and_then(|h| h.last())
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        last["action"], "minor_source_change",
        "the change is recorded"
    );
}

async fn reorder_split_merge(app: common::TestApp) {
    let f = fixture(&app).await;
    let before = ids(&f.segments().await);
    // Reordered: the same three paragraphs, last first.
    let (status, body) = f.change(&format!("{P3}\n\n{P1}\n\n{P2}"), false).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        body["changes"],
        json!({"kept": 3, "edited": 0, "inserted": 0, "removed": 0})
    );
    assert_eq!(
        ids(&f.segments().await),
        vec![before[2], before[0], before[1]]
    );

    // Split: the first paragraph becomes two; the closer half keeps the id.
    let (status, body) = f
        .change(
            &format!(
                "{P3}\n\nThe council adopted the new media law.\n\nIt did so on Tuesday.\n\n{P2}"
            ),
            false,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        body["changes"],
        json!({"kept": 2, "edited": 1, "inserted": 1, "removed": 0})
    );
    let split = ids(&f.segments().await);
    assert_eq!(split[1], before[0]);
    assert!(!before.contains(&split[2]));

    // Merged: two paragraphs joined into one takes the id of the one it resembles most.
    let merged = format!("{P2} {P3}");
    let (status, body) = f
        .change(
            &format!("The council adopted the new media law.\n\nIt did so on Tuesday.\n\n{merged}"),
            false,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["changes"]["removed"], 1);
    assert_eq!(body["changes"]["edited"], 1);
    assert_eq!(f.segments().await.len(), 3);
}

async fn stale_revisions_and_permissions(app: common::TestApp) {
    let f = fixture(&app).await;
    let (status, _) = f.change(&format!("{P1}\n\n{P2}"), false).await;
    assert_eq!(status, StatusCode::OK);
    let (status, body) = f
        .editor
        .call(
            Method::PUT,
            &format!("/api/v1/statements/{}/source", f.id),
            Some(json!({"text": P1, "base_revision": 1})),
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(body["error"]["code"], "revision_conflict");
    assert_eq!(body["error"]["details"]["current"], 2);
    assert_eq!(f.segments().await.len(), 2, "nothing was written");
    let (status, _) = f
        .translator
        .call(
            Method::PUT,
            &format!("/api/v1/statements/{}/source", f.id),
            Some(json!({"text": P1, "base_revision": 2})),
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = f
        .editor
        .call(
            Method::PUT,
            &format!("/api/v1/statements/{}/source", f.id),
            Some(json!({"text": " ", "base_revision": 2})),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"]["code"], "empty_text");
}

pub fn tests() -> Tests {
    Tests::new()
        .both("edit_insert_delete", edits_inserts_and_deletes)
        .both("minor_change", minor_changes_keep_approvals)
        .both("reorder_split_and_merge", reorder_split_merge)
        .both("stale_and_forbidden", stale_revisions_and_permissions)
}
