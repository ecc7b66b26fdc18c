//! The signed-in person's own API tokens: create one (its secret shown once), list, revoke.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::{render, Desk, DeskUser};
use crate::http::chrome::Chrome;
use crate::http::AppState;
use crate::i18n::dates::long_date;
use crate::workflow::sessions;

pub struct TokenRow {
    pub id: i64,
    pub name: String,
    pub created: String,
}

#[derive(Template)]
#[template(path = "app/tokens.html")]
struct TokensPage {
    chrome: Chrome,
    desk: Desk,
    tokens: Vec<TokenRow>,
}

pub async fn tokens_page(State(state): State<AppState>, me: DeskUser) -> Response {
    let Ok(tokens) = sessions::tokens(state.store.as_ref(), &me.user).await else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let tokens = tokens
        .into_iter()
        .map(|t| TokenRow {
            id: t.id,
            name: t.name,
            created: long_date(me.chrome.locale, t.created_at),
        })
        .collect();
    render(&TokensPage {
        chrome: me.chrome,
        desk: me.desk,
        tokens,
    })
}
