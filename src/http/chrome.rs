//! What every public page shares: the UI language, its messages and the language switch.

use std::collections::HashMap;
use std::sync::Arc;

use axum::http::HeaderMap;

use crate::error::AppResult;
use crate::http::localize::{cookie_choice, query_choice, request_locale, UI_PARAM};
use crate::http::AppState;
use crate::i18n::{Arg, L10n, Locale};

pub struct Choice {
    pub code: &'static str,
    pub name: String,
    pub current: bool,
}

/// The page's UI language and a way to say things in it.
pub struct Chrome {
    l10n: Arc<L10n>,
    pub locale: Locale,
    /// `?ui=xx` when the UI language was chosen by the query, so links keep it.
    pub query: String,
    pub choices: Vec<Choice>,
}

impl Chrome {
    pub fn new(state: &AppState, headers: &HeaderMap, query: Option<&str>) -> Self {
        Self::for_page(state, headers, query, None)
    }

    /// Like `new`, but a page written in one UI language speaks that language around its text
    /// too, unless the reader chose otherwise (`?ui=` or the `ui` cookie).
    pub fn for_page(
        state: &AppState,
        headers: &HeaderMap,
        query: Option<&str>,
        page: Option<Locale>,
    ) -> Self {
        let chosen_by_query = query_choice(query)
            .as_deref()
            .and_then(Locale::from_tag)
            .is_some();
        let chosen_by_cookie = cookie_choice(headers)
            .as_deref()
            .and_then(Locale::from_tag)
            .is_some();
        let locale = match page {
            Some(page) if !chosen_by_query && !chosen_by_cookie => page,
            _ => request_locale(headers, query),
        };
        let l10n = state.l10n.clone();
        let choices = Locale::ALL
            .iter()
            .map(|&l| Choice {
                code: l.as_str(),
                name: l10n.message(l, l.name_message_id(), &[]),
                current: l == locale,
            })
            .collect();
        Self {
            l10n,
            locale,
            query: if chosen_by_query {
                format!("?{UI_PARAM}={}", locale.as_str())
            } else {
                String::new()
            },
            choices,
        }
    }

    /// The interface language's tag, for `lang` on what the page says in it.
    pub fn lang(&self) -> &'static str {
        self.locale.as_str()
    }

    pub fn t(&self, id: &str) -> String {
        self.l10n.message(self.locale, id, &[])
    }

    pub fn t_with(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.l10n.message(self.locale, id, args)
    }

    /// A message around a piece of markup the page puts in place of variable `name` (keys to
    /// press, say): the text before it and the text after it.
    pub fn t_around(&self, id: &str, name: &str) -> (String, String) {
        const SLOT: &str = "\u{E000}";
        let text = self.t_with(id, &[(name, Arg::from(SLOT))]);
        match text.split_once(SLOT) {
            Some((before, after)) => (before.to_owned(), after.to_owned()),
            None => (text, String::new()),
        }
    }

    /// A message with one number in it, as templates need most often.
    pub fn t_num(&self, id: &str, name: &str, value: impl Into<Arg>) -> String {
        self.l10n.message(self.locale, id, &[(name, value.into())])
    }
}

/// Language names as the languages call themselves, for column heads and links.
pub async fn language_names(state: &AppState) -> AppResult<HashMap<String, String>> {
    Ok(state
        .store
        .list_languages()
        .await?
        .into_iter()
        .map(|l| (l.tag.to_string(), l.native_name))
        .collect())
}
