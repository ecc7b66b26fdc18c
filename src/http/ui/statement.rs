//! One statement for its editors: progress, assignments, the source with its changes, publishing and files.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::bar::StateBar;
use super::{render, Desk, DeskUser};
use crate::domain::language::LanguageTag;
use crate::domain::policy::{Permission, Target};
use crate::domain::role::LanguageRole;
use crate::domain::statement::StatementDetail;
use crate::domain::unit::{Progress, UnitState};
use crate::domain::user::User;
use crate::http::api::checks::{describe, MessagePart};
use crate::http::chrome::{language_names, Chrome};
use crate::http::AppState;
use crate::i18n::dates::long_date;
use crate::store::StoreError;
use crate::workflow::checks::statement_findings;

pub struct LangSummary {
    pub code: String,
    pub name: String,
    pub bar: StateBar,
    /// (state, label, count) for the states that have units.
    pub counts: Vec<(&'static str, String, u32)>,
}

/// Who holds a role for one language, as an option of the assignment form.
pub struct Candidate {
    pub username: String,
    pub label: String,
    pub lang: String,
    pub role: &'static str,
}

pub struct ParagraphRow {
    pub segment_id: i64,
    pub position: u32,
    pub source: String,
    /// (lang, translator, reviewer) per target language.
    pub people: Vec<(String, String, String)>,
}

/// A check result in the list shown before publishing.
pub struct FindingRow {
    pub lang: String,
    pub lang_name: String,
    pub segment_id: i64,
    pub position: u32,
    pub severity: String,
    pub parts: Vec<MessagePart>,
}

pub struct PublicationRow {
    pub number: i64,
    pub date: String,
    /// Each language (tag, name in that language) the version holds.
    pub langs: Vec<(String, String)>,
    /// The translated ones, which have an XLIFF file.
    pub xliff_langs: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "app/statement.html")]
struct StatementPage {
    chrome: Chrome,
    desk: Desk,
    id: i64,
    slug: String,
    title: String,
    source_lang: String,
    source_name: String,
    format: String,
    revision: i64,
    text: String,
    open_to_translators: bool,
    langs: Vec<LangSummary>,
    candidates: Vec<Candidate>,
    paragraphs: Vec<ParagraphRow>,
    publications: Vec<PublicationRow>,
    state_labels: Vec<(&'static str, String)>,
    findings: Vec<FindingRow>,
}

pub async fn statement_page(
    State(state): State<AppState>,
    me: DeskUser,
    Path(id): Path<String>,
) -> Response {
    if !me.may(Permission::ManageStatements, Target::Instance) {
        return Redirect::to("/app").into_response();
    }
    let DeskUser { chrome, desk, .. } = me;
    let Ok(id) = id.parse::<i64>() else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let statement = match state.store.get_statement(id).await {
        Ok(Some(s)) => s,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    let (Ok(names), Ok(users), Ok(publications), Ok(paragraphs), Ok(found)) = (
        language_names(&state).await,
        state.store.list_users().await,
        state.store.list_publications(id).await,
        paragraph_rows(&state, &statement).await,
        statement_findings(state.store.as_ref(), id, None).await,
    ) else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let name_of = |code: &str| names.get(code).cloned().unwrap_or_else(|| code.to_owned());
    let summary = &statement.summary;
    let langs = summary
        .progress
        .iter()
        .map(|p| LangSummary {
            code: p.lang.to_string(),
            name: name_of(p.lang.as_str()),
            bar: StateBar::new(&chrome, p),
            counts: state_counts(&chrome, p),
        })
        .collect();
    let publications = publications
        .into_iter()
        .map(|p| PublicationRow {
            number: p.number,
            date: long_date(chrome.locale, p.created_at),
            langs: p.langs.iter().map(|l| (l.clone(), name_of(l))).collect(),
            xliff_langs: p
                .langs
                .iter()
                .filter(|l| **l != summary.source_lang.as_str())
                .map(|l| (l.clone(), name_of(l)))
                .collect(),
        })
        .collect();
    let findings = found
        .iter()
        .map(|p| {
            let result = describe(
                &state.l10n,
                chrome.locale,
                p.segment_id,
                summary.source_lang.as_str(),
                &p.lang,
                &p.finding,
            );
            FindingRow {
                lang_name: name_of(&p.lang),
                lang: p.lang.clone(),
                segment_id: p.segment_id,
                position: statement
                    .all_segments()
                    .find(|s| s.id == p.segment_id)
                    .map_or(0, |s| s.position),
                severity: result.severity,
                parts: result.parts,
            }
        })
        .collect();
    let state_labels = UnitState::ALL
        .iter()
        .map(|s| (s.as_str(), chrome.t(&state_message(s.as_str()))))
        .collect();
    render(&StatementPage {
        state_labels,
        findings,
        desk,
        id,
        slug: summary.slug.clone(),
        title: summary.title.clone(),
        source_lang: summary.source_lang.to_string(),
        source_name: name_of(summary.source_lang.as_str()),
        format: summary.format.clone(),
        revision: summary.revision,
        text: statement.text.clone(),
        open_to_translators: summary.open_to_translators,
        langs,
        candidates: candidates(&users, &summary.target_langs),
        paragraphs,
        publications,
        chrome,
    })
}

/// The Fluent id of a state's name.
fn state_message(state: &str) -> String {
    format!("state-{}", state.replace('_', "-"))
}

/// How many units of one language are in each state, those in none left out.
fn state_counts(chrome: &Chrome, p: &Progress) -> Vec<(&'static str, String, u32)> {
    [
        ("untranslated", p.untranslated),
        ("draft", p.draft),
        ("translated", p.translated),
        ("needs_work", p.needs_work),
        ("approved", p.approved),
    ]
    .into_iter()
    .filter(|(_, n)| *n > 0)
    .map(|(s, n)| (s, chrome.t(&state_message(s)), n))
    .collect()
}

/// Who may be assigned: the people who hold each role for each target language.
fn candidates(users: &[User], target_langs: &[LanguageTag]) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    for lang in target_langs {
        for role in [LanguageRole::Translator, LanguageRole::Reviewer] {
            for user in users.iter().filter(|u| u.roles.has(role, lang)) {
                candidates.push(Candidate {
                    username: user.username.clone(),
                    label: format!("{} ({})", user.display_name, user.username),
                    lang: lang.to_string(),
                    role: role.as_str(),
                });
            }
        }
    }
    candidates
}

/// Each paragraph with its translator and reviewer in every target language.
async fn paragraph_rows(
    state: &AppState,
    statement: &StatementDetail,
) -> Result<Vec<ParagraphRow>, StoreError> {
    let mut paragraphs: Vec<ParagraphRow> = statement
        .all_segments()
        .map(|s| ParagraphRow {
            segment_id: s.id,
            position: s.position,
            source: s.source.clone(),
            people: Vec::new(),
        })
        .collect();
    for lang in &statement.summary.target_langs {
        let records = state.store.unit_records(statement.summary.id, lang).await?;
        for row in &mut paragraphs {
            let unit = records.iter().find(|r| r.view.segment_id == row.segment_id);
            row.people.push((
                lang.to_string(),
                unit.and_then(|u| u.view.assignee.clone())
                    .unwrap_or_default(),
                unit.and_then(|u| u.view.reviewer.clone())
                    .unwrap_or_default(),
            ));
        }
    }
    Ok(paragraphs)
}
