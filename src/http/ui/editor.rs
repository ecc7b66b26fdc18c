//! The editor page: one statement in one target language, source beside target, unit by unit.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::{render, Desk, DeskUser};
use crate::domain::glossary::{occurrences, Term, TermStatus};
use crate::domain::language::LanguageTag;
use crate::domain::policy::Permission;
use crate::domain::statement::StatementDetail;
use crate::domain::unit::{UnitAction, UnitState};
use crate::http::api::checks::{describe, CheckResult};
use crate::http::chrome::{language_names, Chrome};
use crate::http::AppState;
use crate::store::units::UnitRecord;
use crate::workflow::checks::unit_findings;
use crate::workflow::glossary;
use crate::workflow::units;

/// A stretch of a source sentence, marked when it is a glossary term.
pub struct SourcePart {
    pub text: String,
    /// (translation, status, note) of the term.
    pub term: Option<(String, &'static str, String)>,
}

pub struct EditorUnit {
    pub segment_id: i64,
    pub position: u32,
    pub sentences: Vec<Vec<SourcePart>>,
    pub text: String,
    pub version: i64,
    pub state: &'static str,
    pub state_label: String,
    pub can_save: bool,
    pub can_submit: bool,
    pub can_review: bool,
    pub findings: Vec<CheckResult>,
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
    /// What a revision records besides its text (where the text came from, how it arrived),
    /// worded with `{name}` where the page puts the value.
    note_labels: Vec<(&'static str, String)>,
    /// Other languages of the statement whose text can be shown beside this one.
    pivots: Vec<(String, String)>,
    units: Vec<EditorUnit>,
}

/// Splits a sentence into plain stretches and glossary terms (the first term found wins where
/// two overlap).
fn mark_terms(sentence: &str, terms: &[Term]) -> Vec<SourcePart> {
    let mut found: Vec<(std::ops::Range<usize>, &Term)> = terms
        .iter()
        .filter(|t| t.status != TermStatus::Forbidden)
        .flat_map(|t| {
            occurrences(sentence, &t.term)
                .into_iter()
                .map(move |r| (r, t))
        })
        .collect();
    found.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    let mut parts = Vec::new();
    let mut at = 0;
    for (range, term) in found {
        if range.start < at {
            continue;
        }
        if range.start > at {
            parts.push(SourcePart {
                text: sentence[at..range.start].to_owned(),
                term: None,
            });
        }
        parts.push(SourcePart {
            text: sentence[range.clone()].to_owned(),
            term: Some((
                term.translation.clone(),
                term.status.as_str(),
                term.note.clone(),
            )),
        });
        at = range.end;
    }
    if at < sentence.len() {
        parts.push(SourcePart {
            text: sentence[at..].to_owned(),
            term: None,
        });
    }
    parts
}

fn state_message(state: UnitState) -> String {
    format!("state-{}", state.as_str().replace('_', "-"))
}

pub async fn editor_page(
    State(state): State<AppState>,
    me: DeskUser,
    Path((id, lang)): Path<(String, String)>,
) -> Response {
    let (Ok(statement_id), Ok(lang)) = (id.parse::<i64>(), LanguageTag::parse(&lang)) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let statement = match state.store.get_statement(statement_id).await {
        Ok(Some(s)) if s.summary.target_langs.contains(&lang) => s,
        Ok(_) => return StatusCode::NOT_FOUND.into_response(),
        Err(_) => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    let (Ok(records), Ok(terms)) = (
        state.store.unit_records(statement_id, &lang).await,
        glossary::list(
            state.store.as_ref(),
            Some(statement.summary.source_lang.as_str()),
            Some(lang.as_str()),
        )
        .await,
    ) else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let editor_units = records
        .iter()
        .map(|record| editor_unit(&state, &me, &statement, &lang, &terms, record))
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
    let Labels {
        actions: action_labels,
        notes: note_labels,
        states: state_labels,
    } = labels(&me.chrome);
    let DeskUser { user, chrome, desk } = me;
    render(&EditorPage {
        desk,
        statement_id,
        me: user.id,
        title: statement.summary.title.clone(),
        source_lang: statement.summary.source_lang.to_string(),
        lang: lang.to_string(),
        state_labels,
        action_labels,
        note_labels,
        pivots,
        units: editor_units,
        chrome,
    })
}

/// One unit as the editor shows it: its sentences with glossary terms marked, what the person
/// may do with it, and the checks of its text.
fn editor_unit(
    state: &AppState,
    me: &DeskUser,
    statement: &StatementDetail,
    lang: &LanguageTag,
    terms: &[Term],
    record: &UnitRecord,
) -> EditorUnit {
    let unit = &record.view;
    let target = units::target(record, state.config.allow_self_review);
    let source_lang = statement.summary.source_lang.as_str();
    let sentences = statement
        .all_segments()
        .find(|s| s.id == unit.segment_id)
        .map(|s| s.sentences.clone())
        .unwrap_or_else(|| vec![unit.source.clone()])
        .iter()
        .map(|sentence| mark_terms(sentence, terms))
        .collect();
    let findings = if unit.text.trim().is_empty() {
        Vec::new()
    } else {
        unit_findings(source_lang, lang.as_str(), &unit.source, &unit.text, terms)
            .iter()
            .map(|f| {
                let locale = me.chrome.locale;
                describe(
                    &state.l10n,
                    locale,
                    unit.segment_id,
                    source_lang,
                    lang.as_str(),
                    f,
                )
            })
            .collect()
    };
    EditorUnit {
        segment_id: unit.segment_id,
        position: unit.position,
        sentences,
        text: unit.text.clone(),
        version: unit.version,
        state: unit.state.as_str(),
        state_label: me.chrome.t(&state_message(unit.state)),
        can_save: me.may(Permission::Save, target),
        can_submit: me.may(Permission::Submit, target),
        // The review buttons follow who reviews the unit; four-eyes is answered, with its
        // reason, when the reviewer approves their own text.
        can_review: me.may(Permission::Reject, target),
        findings,
    }
}

/// The words the page's script puts in, by key.
struct Labels {
    /// The history's actions.
    actions: Vec<(&'static str, String)>,
    /// What a revision records besides its text, with `{name}` where the value goes.
    notes: Vec<(&'static str, String)>,
    states: Vec<(&'static str, String)>,
}

fn labels(chrome: &Chrome) -> Labels {
    let actions = UnitAction::ALL
        .iter()
        .map(|a| {
            (
                a.as_str(),
                chrome.t(&format!("action-{}", a.as_str().replace('_', "-"))),
            )
        })
        .collect();
    let notes = [
        ("memory", "ui-note-memory", "score"),
        ("import", "ui-note-import", "file"),
        ("alignment", "ui-note-alignment", ""),
        ("source-revision", "ui-note-source-revision", "number"),
    ]
    .into_iter()
    .map(|(name, id, arg)| {
        let slot = format!("{{{arg}}}");
        (
            name,
            chrome.t_with(id, &[(arg, crate::i18n::Arg::from(slot.as_str()))]),
        )
    })
    .collect();
    let states = UnitState::ALL
        .iter()
        .map(|s| (s.as_str(), chrome.t(&state_message(*s))))
        .collect();
    Labels {
        actions,
        notes,
        states,
    }
}
