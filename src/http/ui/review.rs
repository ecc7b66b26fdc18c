//! The review queue: every unit waiting for this reviewer, with the changes since the last review.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::{render, Desk, DeskUser};
use crate::domain::diff::DiffPart;
use crate::http::chrome::{language_names, Chrome};
use crate::http::AppState;
use crate::workflow::review::review_queue;

pub struct ReviewRow {
    pub statement_id: i64,
    pub title: String,
    pub lang: String,
    pub lang_name: String,
    pub segment_id: i64,
    pub position: u32,
    pub source: String,
    pub source_lang: String,
    pub version: i64,
    pub compared: String,
    pub diff: Vec<DiffPart>,
    pub own_text: bool,
}

#[derive(Template)]
#[template(path = "app/review.html")]
struct ReviewPage {
    chrome: Chrome,
    desk: Desk,
    rows: Vec<ReviewRow>,
}

pub async fn review_page(State(state): State<AppState>, me: DeskUser) -> Response {
    let DeskUser { user, chrome, desk } = me;
    let (Ok(items), Ok(names)) = (
        review_queue(state.store.as_ref(), &user, state.config.allow_self_review).await,
        language_names(&state).await,
    ) else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let mut source_langs = std::collections::HashMap::new();
    let mut rows = Vec::new();
    for item in items {
        let source_lang = match source_langs.get(&item.statement_id) {
            Some(lang) => String::clone(lang),
            None => match state.store.get_statement(item.statement_id).await {
                Ok(Some(s)) => {
                    let lang = s.summary.source_lang.to_string();
                    source_langs.insert(item.statement_id, lang.clone());
                    lang
                }
                _ => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
            },
        };
        let lang = item.unit.lang.to_string();
        rows.push(ReviewRow {
            statement_id: item.statement_id,
            title: item.title,
            lang_name: names
                .get(lang.as_str())
                .cloned()
                .unwrap_or_else(|| lang.clone()),
            lang,
            segment_id: item.unit.segment_id,
            position: item.unit.position,
            source: item.unit.source,
            source_lang,
            version: item.unit.version,
            compared: match item.compared_with {
                Some(v) => chrome.t_num("ui-compared-with", "version", v),
                None => chrome.t("ui-first-translation"),
            },
            diff: item.diff,
            own_text: item.own_text,
        });
    }
    render(&ReviewPage { desk, rows, chrome })
}
