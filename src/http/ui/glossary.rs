//! The glossary page: terms of a language pair with their status and notes; editors add,
//! delete, import and export them.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::pair::{choices, PairQuery};
use super::statements::LangChoice;
use super::{render, Desk, DeskUser};
use crate::domain::glossary::{Term, TermStatus};
use crate::domain::policy::{Permission, Target};
use crate::http::chrome::Chrome;
use crate::http::AppState;
use crate::workflow::glossary;

pub struct TermRow {
    pub id: i64,
    pub src_lang: String,
    pub tgt_lang: String,
    pub term: String,
    pub translation: String,
    /// `preferred`, `forbidden` or `do_not_translate`.
    pub status: &'static str,
    pub status_label: String,
    pub note: String,
}

#[derive(Template)]
#[template(path = "app/glossary.html")]
struct GlossaryPage {
    chrome: Chrome,
    desk: Desk,
    languages: Vec<LangChoice>,
    /// The pair shown; empty for every language.
    src: String,
    tgt: String,
    terms: Vec<TermRow>,
    may_edit: bool,
    /// `&src=..&tgt=..` for the export links.
    export_query: String,
}

fn status_label(chrome: &Chrome, status: TermStatus) -> String {
    chrome.t(match status {
        TermStatus::Preferred => "ui-status-preferred",
        TermStatus::Forbidden => "ui-status-forbidden",
        TermStatus::DoNotTranslate => "ui-status-do-not-translate",
    })
}

pub async fn glossary_page(
    State(state): State<AppState>,
    me: DeskUser,
    RawQuery(raw): RawQuery,
) -> Response {
    let q = PairQuery::parse(raw.as_deref());
    let Ok(languages) = state.store.list_languages().await else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let languages = choices(languages);
    // Only a language of the instance narrows the list; anything else shows every pair.
    let known = |wanted: Option<String>| {
        wanted
            .filter(|w| languages.iter().any(|l| l.code == *w))
            .unwrap_or_default()
    };
    let (src, tgt) = (known(q.src), known(q.tgt));
    let Ok(terms) = glossary::list(
        state.store.as_ref(),
        Some(src.as_str()).filter(|s| !s.is_empty()),
        Some(tgt.as_str()).filter(|s| !s.is_empty()),
    )
    .await
    else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let terms = terms
        .into_iter()
        .map(|t: Term| TermRow {
            id: t.id,
            status: t.status.as_str(),
            status_label: status_label(&me.chrome, t.status),
            src_lang: t.src_lang,
            tgt_lang: t.tgt_lang,
            term: t.term,
            translation: t.translation,
            note: t.note,
        })
        .collect();
    let mut export_query = String::new();
    for (name, value) in [("src", &src), ("tgt", &tgt)] {
        if !value.is_empty() {
            export_query.push_str(&format!("&{name}={value}"));
        }
    }
    render(&GlossaryPage {
        may_edit: me.may(Permission::EditGlossary, Target::Instance),
        chrome: me.chrome,
        desk: me.desk,
        languages,
        src,
        tgt,
        terms,
        export_query,
    })
}
