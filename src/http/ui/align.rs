//! The alignment page for editors: a text and its earlier translation, aligned for confirmation.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::statements::{default_source, LangChoice};
use super::{render, Desk, DeskUser};
use crate::domain::policy::{Permission, Target};
use crate::http::chrome::Chrome;
use crate::http::AppState;

#[derive(Template)]
#[template(path = "app/align.html")]
struct AlignPage {
    chrome: Chrome,
    desk: Desk,
    languages: Vec<LangChoice>,
    /// The interface language when the instance has it, else the first language; the target is
    /// the first other language (align.js then keeps the two apart and remembers a choice).
    default_source: String,
    default_target: String,
}

pub async fn align_page(State(state): State<AppState>, me: DeskUser) -> Response {
    if !me.may(Permission::ManageStatements, Target::Instance) {
        return Redirect::to("/app").into_response();
    }
    let Ok(languages) = state.store.list_languages().await else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let languages: Vec<LangChoice> = languages
        .into_iter()
        .map(|l| LangChoice {
            code: l.tag.to_string(),
            name: l.native_name,
        })
        .collect();
    let default_source = default_source(&languages, me.chrome.lang());
    let default_target = languages
        .iter()
        .map(|l| l.code.clone())
        .find(|code| *code != default_source)
        .unwrap_or_default();
    render(&AlignPage {
        chrome: me.chrome,
        desk: me.desk,
        languages,
        default_source,
        default_target,
    })
}
