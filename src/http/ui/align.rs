//! The alignment page for editors: a text and its earlier translation, aligned for confirmation.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::statements::LangChoice;
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
}

pub async fn align_page(State(state): State<AppState>, me: DeskUser) -> Response {
    if !me.may(Permission::ManageStatements, Target::Instance) {
        return Redirect::to("/app").into_response();
    }
    let Ok(languages) = state.store.list_languages().await else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    render(&AlignPage {
        chrome: me.chrome,
        desk: me.desk,
        languages: languages
            .into_iter()
            .map(|l| LangChoice {
                code: l.tag.to_string(),
                name: l.native_name,
            })
            .collect(),
    })
}
