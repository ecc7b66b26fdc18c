//! Administration: people with their roles per language, and the languages of the instance.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;

use super::{chrome_for, render, session, Desk};
use crate::app::AppState;
use crate::domain::role::LanguageRole;
use crate::http::chrome::Chrome;
use crate::store::Language;

pub struct UserRow {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub admin: bool,
    pub editor: bool,
    /// (lang, translator, reviewer) for every language of the instance.
    pub grants: Vec<(String, bool, bool)>,
}

#[derive(Template)]
#[template(path = "app/admin.html")]
struct AdminPage {
    chrome: Chrome,
    desk: Desk,
    me: i64,
    users: Vec<UserRow>,
    languages: Vec<Language>,
}

pub async fn admin_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    jar: CookieJar,
    RawQuery(q): RawQuery,
) -> Response {
    let Some(signed_in) = session(&state, &jar).await else {
        return Redirect::to("/app/sign-in").into_response();
    };
    let user = &signed_in.user;
    if !user.roles.can_manage_users() {
        return Redirect::to("/app").into_response();
    }
    let (Ok(users), Ok(languages)) = (
        state.store.list_users().await,
        state.store.list_languages().await,
    ) else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let users = users
        .into_iter()
        .map(|u| UserRow {
            grants: languages
                .iter()
                .map(|l| {
                    (
                        l.tag.to_string(),
                        u.roles.has(LanguageRole::Translator, &l.tag),
                        u.roles.has(LanguageRole::Reviewer, &l.tag),
                    )
                })
                .collect(),
            id: u.id,
            username: u.username,
            display_name: u.display_name,
            admin: u.roles.admin,
            editor: u.roles.editor,
        })
        .collect();
    render(&AdminPage {
        chrome: chrome_for(&state, &headers, q.as_deref(), user),
        desk: Desk::of(&signed_in),
        me: user.id,
        users,
        languages,
    })
}
