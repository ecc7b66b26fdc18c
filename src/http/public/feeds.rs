//! Atom feeds of the latest publications in one language.

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::domain::language::LanguageTag;
use crate::formats::atom::{write_atom, Feed, FeedEntry};
use crate::http::AppState;

/// `/feed/{lang}.atom`: publications whose source or a published translation is in `lang`.
pub async fn language_feed(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Response {
    let Some(lang) = file
        .strip_suffix(".atom")
        .and_then(|l| LanguageTag::parse(l).ok())
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let publications = match state.store.latest_publications(None, 50).await {
        Ok(p) => p,
        Err(e) => {
            tracing::error!(error = %e, "feed failed");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    let mut with_lang = Vec::new();
    for latest in publications {
        match super::pages::latest_with_lang(&state, &latest.slug, &lang).await {
            Ok(Some(p)) => with_lang.push(p),
            Ok(None) => {}
            Err(e) => {
                tracing::error!(error = %e, "feed failed");
                return StatusCode::SERVICE_UNAVAILABLE.into_response();
            }
        }
    }
    with_lang.sort_by_key(|p| std::cmp::Reverse(p.created_at));
    let site = site_url(&headers);
    let entries: Vec<FeedEntry> = with_lang
        .iter()
        .map(|p| {
            let is_source = p.content.source_lang == lang;
            let summary = p
                .content
                .body()
                .find_map(|s| {
                    if is_source {
                        Some(s.source.clone())
                    } else {
                        s.translations.get(lang.as_str()).map(|t| t.text.clone())
                    }
                })
                .unwrap_or_default();
            FeedEntry {
                id: format!("{site}/p/{}/v/{}", p.slug, p.number),
                title: p.content.title_in(&lang).0.to_owned(),
                url: format!("{site}/p/{}/{lang}", p.slug),
                updated: p.created_at,
                published: p.created_at,
                summary,
                lang: lang.clone(),
            }
        })
        .collect();
    let feed = Feed {
        id: format!("{site}/feed/{lang}.atom"),
        title: format!("Tandem ({lang})"),
        self_url: format!("{site}/feed/{lang}.atom"),
        site_url: format!("{site}/p"),
        lang,
        updated: entries
            .iter()
            .map(|e| e.updated)
            .max()
            .unwrap_or_else(chrono::Utc::now),
        entries,
    };
    let mut body = Vec::new();
    if let Err(e) = write_atom(&feed, &mut body) {
        tracing::error!(error = %e, "feed failed");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    (
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        body,
    )
        .into_response()
}

/// The address readers reach us at, from the Host header (feeds need absolute URLs).
fn site_url(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            h.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'))
        })
        .unwrap_or("localhost");
    let scheme = match headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
    {
        Some("https") => "https",
        _ => "http",
    };
    format!("{scheme}://{host}")
}
