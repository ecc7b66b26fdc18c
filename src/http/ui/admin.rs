//! Administration: people with their roles per language, and the languages of the instance.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::{render, Desk, DeskUser};
use crate::domain::policy::{Permission, Target};
use crate::domain::role::{LanguageRole, Roles};
use crate::http::chrome::Chrome;
use crate::http::AppState;
use crate::store::Language;

pub struct UserRow {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub admin: bool,
    pub editor: bool,
    pub disabled: bool,
    /// (lang, translator, reviewer) for every language of the instance.
    pub grants: Vec<(String, bool, bool)>,
}

#[derive(Template)]
#[template(path = "app/admin.html")]
struct AdminPage {
    chrome: Chrome,
    desk: Desk,
    /// `people` or `languages`: the part of the administration shown.
    tab: &'static str,
    me: i64,
    users: Vec<UserRow>,
    languages: Vec<Language>,
}

pub async fn admin_page(state: State<AppState>, me: DeskUser) -> Response {
    admin_tab(state, me, "people").await
}

pub async fn languages_page(state: State<AppState>, me: DeskUser) -> Response {
    admin_tab(state, me, "languages").await
}

async fn admin_tab(State(state): State<AppState>, me: DeskUser, tab: &'static str) -> Response {
    if !me.may(Permission::ListUsers, Target::Instance) {
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
        .map(|u| {
            let grants = languages
                .iter()
                .map(|l| {
                    (
                        l.tag.to_string(),
                        u.roles.has(LanguageRole::Translator, &l.tag),
                        u.roles.has(LanguageRole::Reviewer, &l.tag),
                    )
                })
                .collect();
            let Roles { admin, editor, .. } = u.roles;
            UserRow {
                grants,
                id: u.id,
                disabled: u.disabled,
                username: u.username,
                display_name: u.display_name,
                admin,
                editor,
            }
        })
        .collect();
    render(&AdminPage {
        tab,
        me: me.user.id,
        chrome: me.chrome,
        desk: me.desk,
        users,
        languages,
    })
}
