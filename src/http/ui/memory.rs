//! The translation-memory page: concordance over a language pair; editors correct and remove
//! pairs, import TMX (with upload progress) and export it.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::pair::{choices, pick, PairQuery};
use super::statements::LangChoice;
use super::{render, Desk, DeskUser};
use crate::domain::policy::{Permission, Target};
use crate::http::chrome::Chrome;
use crate::http::AppState;
use crate::i18n::dates::long_date;
use crate::workflow::memory;

pub struct EntryRow {
    pub id: i64,
    pub source: String,
    pub target: String,
    pub origin: String,
    pub by: String,
    pub date: String,
}

#[derive(Template)]
#[template(path = "app/memory.html")]
struct MemoryPage {
    chrome: Chrome,
    desk: Desk,
    languages: Vec<LangChoice>,
    src: String,
    tgt: String,
    q: String,
    /// `None` before a search.
    entries: Option<Vec<EntryRow>>,
    may_edit: bool,
    may_import: bool,
    may_export: bool,
}

fn origin_label(chrome: &Chrome, origin: &str) -> String {
    chrome.t(match origin {
        "approved" => "ui-origin-approved",
        "aligned" => "ui-origin-aligned",
        _ => "ui-origin-tmx",
    })
}

pub async fn memory_page(
    State(state): State<AppState>,
    me: DeskUser,
    RawQuery(raw): RawQuery,
) -> Response {
    let q = PairQuery::parse(raw.as_deref());
    let Ok(languages) = state.store.list_languages().await else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let languages = choices(languages);
    let src = pick(q.src.as_deref(), &languages, 0);
    let tgt = pick(q.tgt.as_deref(), &languages, 1);
    let text = q.q.unwrap_or_default().trim().to_owned();
    let entries = if text.is_empty() {
        None
    } else {
        match memory::search(state.store.as_ref(), &src, &tgt, &text, 50).await {
            Ok(found) => Some(
                found
                    .into_iter()
                    .map(|e| EntryRow {
                        id: e.id,
                        origin: origin_label(&me.chrome, &e.origin),
                        by: e.approved_by.unwrap_or_default(),
                        date: long_date(me.chrome.locale, e.created_at),
                        source: e.source,
                        target: e.target,
                    })
                    .collect(),
            ),
            Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
        }
    };
    render(&MemoryPage {
        may_edit: me.may(Permission::EditMemory, Target::Instance),
        may_import: me.may(Permission::ImportMemory, Target::Instance),
        may_export: me.may(Permission::ExportMemory, Target::Instance),
        chrome: me.chrome,
        desk: me.desk,
        languages,
        src,
        tgt,
        q: text,
        entries,
    })
}
