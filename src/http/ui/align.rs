//! The alignment page for editors: a text and its earlier translation, aligned for confirmation.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;

use super::statements::LangChoice;
use super::{chrome_for, render, session, Desk};
use crate::app::AppState;
use crate::http::chrome::Chrome;

#[derive(Template)]
#[template(path = "app/align.html")]
struct AlignPage {
    chrome: Chrome,
    desk: Desk,
    languages: Vec<LangChoice>,
}

pub async fn align_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    jar: CookieJar,
    RawQuery(q): RawQuery,
) -> Response {
    let Some(signed_in) = session(&state, &jar).await else {
        return Redirect::to("/app/sign-in").into_response();
    };
    if !signed_in.user.roles.can_edit_statements() {
        return Redirect::to("/app").into_response();
    }
    let Ok(languages) = state.store.list_languages().await else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    render(&AlignPage {
        chrome: chrome_for(&state, &headers, q.as_deref(), &signed_in.user),
        desk: Desk::of(&signed_in),
        languages: languages
            .into_iter()
            .map(|l| LangChoice {
                code: l.tag.to_string(),
                name: l.native_name,
            })
            .collect(),
    })
}
