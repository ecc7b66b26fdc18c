//! The editors' statements page: progress per language, and a new statement with a preview of its split.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::bar::StateBar;
use super::{render, Desk, DeskUser};
use crate::domain::policy::{Permission, Target};
use crate::http::chrome::{language_names, Chrome};
use crate::http::AppState;

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

pub async fn statements_page(State(state): State<AppState>, me: DeskUser) -> Response {
    if !me.may(Permission::ManageStatements, Target::Instance) {
        return Redirect::to("/app").into_response();
    }
    let DeskUser { chrome, desk, .. } = me;
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
        desk,
        rows,
        languages,
        chrome,
    })
}
