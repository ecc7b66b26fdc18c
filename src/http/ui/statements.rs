//! The editors' statements page: progress per language, and a new statement with a preview of its split.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use chrono::Utc;

use super::bar::StateBar;
use super::{render, Desk, DeskUser};
use crate::domain::policy::{Permission, Target};
use crate::http::chrome::{language_names, Chrome};
use crate::http::AppState;
use crate::i18n::dates::long_date;

pub struct LangProgress {
    pub code: String,
    pub name: String,
    pub bar: StateBar,
    pub label: String,
    /// The language's approved headline, when there is one.
    pub title: Option<String>,
    /// When its unfinished units are due, and whether that is past.
    pub due: Option<(String, bool)>,
}

pub struct StatementRow {
    pub id: i64,
    pub title: String,
    pub source_lang: String,
    pub langs: Vec<LangProgress>,
    /// "Published: version 2, 3 March 2026", or that it is not published yet.
    pub published: String,
}

pub struct LangChoice {
    pub code: String,
    pub name: String,
}

/// The source language a form starts with: the interface language when the instance has it
/// (a person writing in Armenian most likely brings an Armenian text), else the first one.
pub fn default_source(languages: &[LangChoice], ui: &str) -> String {
    languages
        .iter()
        .find(|l| l.code == ui)
        .or(languages.first())
        .map(|l| l.code.clone())
        .unwrap_or_default()
}

#[derive(Template)]
#[template(path = "app/statements.html")]
struct StatementsPage {
    chrome: Chrome,
    desk: Desk,
    rows: Vec<StatementRow>,
    languages: Vec<LangChoice>,
    default_source: String,
}

pub async fn statements_page(State(state): State<AppState>, me: DeskUser) -> Response {
    if !me.may(Permission::ManageStatements, Target::Instance) {
        return Redirect::to("/app").into_response();
    }
    let DeskUser { chrome, desk, .. } = me;
    let (Ok(statements), Ok(outlook), Ok(names), Ok(languages)) = (
        state.store.list_statements().await,
        state.store.statement_outlook().await,
        language_names(&state).await,
        state.store.list_languages().await,
    ) else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let now = Utc::now();
    let rows = statements
        .into_iter()
        .map(|s| StatementRow {
            id: s.id,
            published: match outlook.published.get(&s.id) {
                Some((number, at)) => chrome.t_with(
                    "ui-published-version",
                    &[
                        ("number", (*number).into()),
                        ("date", long_date(chrome.locale, *at).into()),
                    ],
                ),
                None => chrome.t("ui-not-published"),
            },
            title: s.title,
            source_lang: s.source_lang.to_string(),
            langs: s
                .progress
                .iter()
                .map(|p| {
                    let percent = (p.approved_share * 100.0).round() as u32;
                    let key = (s.id, p.lang.to_string());
                    LangProgress {
                        title: outlook.titles.get(&key).cloned(),
                        due: outlook.due.get(&key).map(|at| {
                            let overdue = *at < now;
                            let date = long_date(chrome.locale, *at);
                            let message = if overdue {
                                "ui-overdue-since"
                            } else {
                                "ui-due-on"
                            };
                            (chrome.t_with(message, &[("date", date.into())]), overdue)
                        }),
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
    let languages: Vec<LangChoice> = languages
        .into_iter()
        .map(|l| LangChoice {
            code: l.tag.to_string(),
            name: l.native_name,
        })
        .collect();
    render(&StatementsPage {
        desk,
        rows,
        default_source: default_source(&languages, chrome.lang()),
        languages,
        chrome,
    })
}
