//! The editors' statements page: progress per language, and a new statement with a preview of its split.

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;

use super::bar::StateBar;
use super::{chrome_for, render, session, Desk};
use crate::app::AppState;
use crate::http::chrome::{language_names, Chrome};

pub struct LangProgress {
    pub code: String,
    pub name: String,
    pub bar: StateBar,
    pub label: String,
}

pub struct StatementRow {
    pub id: i64,
    pub title: String,
    pub source_lang: String,
    pub langs: Vec<LangProgress>,
}

pub struct LangChoice {
    pub code: String,
    pub name: String,
}

#[derive(Template)]
#[template(path = "app/statements.html")]
struct StatementsPage {
    chrome: Chrome,
    desk: Desk,
    rows: Vec<StatementRow>,
    languages: Vec<LangChoice>,
}

pub async fn statements_page(
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
    let chrome = chrome_for(&state, &headers, q.as_deref(), &signed_in.user);
    let (Ok(statements), Ok(names), Ok(languages)) = (
        state.store.list_statements().await,
        language_names(&state).await,
        state.store.list_languages().await,
    ) else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let rows = statements
        .into_iter()
        .map(|s| StatementRow {
            id: s.id,
            title: s.title,
            source_lang: s.source_lang.to_string(),
            langs: s
                .progress
                .iter()
                .map(|p| {
                    let percent = (p.approved_share * 100.0).round() as u32;
                    LangProgress {
                        code: p.lang.to_string(),
                        name: names
                            .get(p.lang.as_str())
                            .cloned()
                            .unwrap_or_else(|| p.lang.to_string()),
                        bar: StateBar::new(&chrome, p),
                        label: chrome.t_with("ui-approved-share", &[("percent", percent.into())]),
                    }
                })
                .collect(),
        })
        .collect();
    let languages = languages
        .into_iter()
        .map(|l| LangChoice {
            code: l.tag.to_string(),
            name: l.native_name,
        })
        .collect();
    render(&StatementsPage {
        desk: Desk::of(&signed_in),
        rows,
        languages,
        chrome,
    })
}
