//! The editor page: one statement in one target language, source beside target, unit by unit.

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;

use super::{chrome_for, render, session, Desk};
use crate::app::AppState;
use crate::domain::language::LanguageTag;
use crate::domain::policy::{may, Permission};
use crate::domain::unit::{UnitAction, UnitState};
use crate::http::chrome::{language_names, Chrome};
use crate::workflow::units::actor;

pub struct EditorUnit {
    pub segment_id: i64,
    pub position: u32,
    pub sentences: Vec<String>,
    pub text: String,
    pub version: i64,
    pub state: &'static str,
    pub state_label: String,
    pub can_save: bool,
    pub can_submit: bool,
    pub can_review: bool,
}

#[derive(Template)]
#[template(path = "app/editor.html")]
struct EditorPage {
    chrome: Chrome,
    desk: Desk,
    statement_id: i64,
    me: i64,
    title: String,
    source_lang: String,
    lang: String,
    state_labels: Vec<(&'static str, String)>,
    action_labels: Vec<(&'static str, String)>,
    /// Other languages of the statement whose text can be shown beside this one.
    pivots: Vec<(String, String)>,
    units: Vec<EditorUnit>,
}

fn state_message(state: UnitState) -> String {
    format!("state-{}", state.as_str().replace('_', "-"))
}

pub async fn editor_page(
    State(state): State<AppState>,
    Path((id, lang)): Path<(String, String)>,
    headers: HeaderMap,
    jar: CookieJar,
    RawQuery(q): RawQuery,
) -> Response {
    let Some(signed_in) = session(&state, &jar).await else {
        return Redirect::to("/app/sign-in").into_response();
    };
    let (Ok(statement_id), Ok(lang)) = (id.parse::<i64>(), LanguageTag::parse(&lang)) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let statement = match state.store.get_statement(statement_id).await {
        Ok(Some(s)) if s.summary.target_langs.contains(&lang) => s,
        Ok(_) => return StatusCode::NOT_FOUND.into_response(),
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    let Ok(units) = state.store.unit_records(statement_id, &lang).await else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let chrome = chrome_for(&state, &headers, q.as_deref(), &signed_in.user);
    let user = &signed_in.user;
    let me = Some(actor(user));
    let editor_units = units
        .iter()
        .map(|record| {
            let (unit, assignment) = (&record.view, &record.assignment);
            let sentences = statement
                .segments
                .iter()
                .find(|s| s.id == unit.segment_id)
                .map(|s| s.sentences.clone())
                .unwrap_or_else(|| vec![unit.source.clone()]);
            EditorUnit {
                segment_id: unit.segment_id,
                position: unit.position,
                sentences,
                text: unit.text.clone(),
                version: unit.version,
                state: unit.state.as_str(),
                state_label: chrome.t(&state_message(unit.state)),
                can_save: may(me, Permission::Save, &lang, assignment),
                can_submit: may(me, Permission::Submit, &lang, assignment),
                can_review: may(me, Permission::Approve, &lang, assignment),
            }
        })
        .collect();
    let names = language_names(&state).await.unwrap_or_default();
    let pivots = statement
        .summary
        .target_langs
        .iter()
        .filter(|l| **l != lang)
        .map(|l| {
            let code = l.to_string();
            let name = names
                .get(code.as_str())
                .cloned()
                .unwrap_or_else(|| code.clone());
            (code, name)
        })
        .collect();
    let action_labels = UnitAction::ALL
        .iter()
        .map(|a| {
            (
                a.as_str(),
                chrome.t(&format!("action-{}", a.as_str().replace('_', "-"))),
            )
        })
        .collect();
    let state_labels = UnitState::ALL
        .iter()
        .map(|s| (s.as_str(), chrome.t(&state_message(*s))))
        .collect();
    render(&EditorPage {
        desk: Desk::of(&signed_in),
        statement_id,
        me: user.id,
        title: statement.summary.title.clone(),
        source_lang: statement.summary.source_lang.to_string(),
        lang: lang.to_string(),
        state_labels,
        action_labels,
        pivots,
        units: editor_units,
        chrome,
    })
}
