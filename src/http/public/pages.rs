//! The HTML pages: the list of publications, a publication side by side, one language, old versions.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};

use crate::domain::language::LanguageTag;
use crate::http::chrome::{language_names, Chrome};
use crate::http::AppState;
use crate::i18n::dates::long_date;
use crate::store::units::Publication;

pub struct LangLink {
    pub code: String,
    pub name: String,
}

pub struct ListItem {
    pub slug: String,
    /// In the reader's language when it is published in it, else in the source language.
    pub title: String,
    pub title_lang: String,
    pub date: String,
    pub version: String,
    pub langs: Vec<LangLink>,
}

#[derive(Template)]
#[template(path = "publications.html")]
struct PublicationsPage {
    page_lang: &'static str,
    chrome: Chrome,
    items: Vec<ListItem>,
}

pub struct Cell {
    pub lang: String,
    pub text: String,
}

pub struct Row {
    pub segment_id: i64,
    pub kind: String,
    pub cells: Vec<Cell>,
}

#[derive(Template)]
#[template(path = "aligned.html")]
struct AlignedPage {
    page_lang: &'static str,
    chrome: Chrome,
    slug: String,
    title: String,
    source_lang: String,
    published: String,
    version: String,
    /// Set on an older version: the latest version's label.
    newer: Option<String>,
    columns: Vec<LangLink>,
    alternates: Vec<LangLink>,
    rows: Vec<Row>,
}

pub struct Block {
    pub segment_id: i64,
    pub kind: String,
    pub text: String,
}

#[derive(Template)]
#[template(path = "single.html")]
struct SinglePage {
    page_lang: String,
    chrome: Chrome,
    slug: String,
    lang: String,
    title: String,
    /// The language of the title: the page's when it comes from a translated heading.
    title_lang: String,
    published: String,
    version: String,
    alternates: Vec<LangLink>,
    blocks: Vec<Block>,
}

#[derive(Template)]
#[template(path = "not_found.html")]
struct NotFoundPage {
    page_lang: &'static str,
    chrome: Chrome,
}

fn render(template: &impl Template, status: StatusCode) -> Response {
    match template.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

fn not_found(chrome: Chrome) -> Response {
    render(
        &NotFoundPage {
            page_lang: chrome.locale.as_str(),
            chrome,
        },
        StatusCode::NOT_FOUND,
    )
}

fn failed(e: impl std::fmt::Display) -> Response {
    tracing::error!(error = %e, "public page failed");
    StatusCode::SERVICE_UNAVAILABLE.into_response()
}

fn name_of(names: &HashMap<String, String>, tag: &LanguageTag) -> String {
    names
        .get(tag.as_str())
        .cloned()
        .unwrap_or_else(|| tag.to_string())
}

fn version_label(chrome: &Chrome, number: i64) -> String {
    chrome.t_with("page-version", &[("number", number.into())])
}

fn published_label(chrome: &Chrome, publication: &Publication) -> String {
    let date = long_date(chrome.locale, publication.created_at);
    chrome.t_with("page-published-on", &[("date", date.into())])
}

/// Every language of a publication, the source first.
fn all_langs(publication: &Publication) -> Vec<LanguageTag> {
    let mut langs = vec![publication.content.source_lang.clone()];
    langs.extend(publication.content.langs.iter().cloned());
    langs
}

pub async fn list_publications(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    let chrome = Chrome::new(&state, &headers, q.as_deref());
    let (publications, names) = match (
        state.store.latest_publications(None, 200).await,
        language_names(&state).await,
    ) {
        (Ok(p), Ok(n)) => (p, n),
        (Err(e), _) => return failed(e),
        (_, Err(e)) => return failed(format!("{:?}", e.code)),
    };
    let reader = LanguageTag::parse(chrome.locale.as_str()).ok();
    let items = publications
        .iter()
        .map(|p| {
            let (title, title_lang) = match &reader {
                Some(reader) => p.content.title_in(reader),
                None => (p.content.title.as_str(), &p.content.source_lang),
            };
            ListItem {
                slug: p.slug.clone(),
                title: title.to_owned(),
                title_lang: title_lang.to_string(),
                date: long_date(chrome.locale, p.created_at),
                version: version_label(&chrome, p.number),
                langs: all_langs(p)
                    .iter()
                    .map(|l| LangLink {
                        code: l.to_string(),
                        name: name_of(&names, l),
                    })
                    .collect(),
            }
        })
        .collect();
    render(
        &PublicationsPage {
            page_lang: chrome.locale.as_str(),
            chrome,
            items,
        },
        StatusCode::OK,
    )
}

async fn aligned(state: AppState, chrome: Chrome, slug: &str, number: Option<i64>) -> Response {
    let latest = match state.store.latest_publications(Some(slug), 1).await {
        Ok(mut list) => list.pop(),
        Err(e) => return failed(e),
    };
    let Some(latest) = latest else {
        return not_found(chrome);
    };
    let publication = match number {
        None => latest.clone(),
        Some(n) if n == latest.number => latest.clone(),
        Some(n) => match state.store.get_publication(slug, n).await {
            Ok(Some(p)) => p,
            Ok(None) => return not_found(chrome),
            Err(e) => return failed(e),
        },
    };
    let names = match language_names(&state).await {
        Ok(n) => n,
        Err(e) => return failed(format!("{:?}", e.code)),
    };
    let langs = all_langs(&publication);
    let rows = publication
        .content
        .segments
        .iter()
        .map(|segment| Row {
            segment_id: segment.segment_id,
            kind: segment.kind.clone(),
            cells: langs
                .iter()
                .enumerate()
                .map(|(i, lang)| Cell {
                    lang: lang.to_string(),
                    text: if i == 0 {
                        segment.source.clone()
                    } else {
                        segment
                            .translations
                            .get(lang.as_str())
                            .map(|t| t.text.clone())
                            .unwrap_or_default()
                    },
                })
                .collect(),
        })
        .collect();
    let links: Vec<LangLink> = langs
        .iter()
        .map(|l| LangLink {
            code: l.to_string(),
            name: name_of(&names, l),
        })
        .collect();
    let newer = (publication.number < latest.number).then(|| version_label(&chrome, latest.number));
    render(
        &AlignedPage {
            page_lang: chrome.locale.as_str(),
            slug: slug.to_owned(),
            title: publication.content.title.clone(),
            source_lang: publication.content.source_lang.to_string(),
            published: published_label(&chrome, &publication),
            version: version_label(&chrome, publication.number),
            newer,
            columns: links
                .iter()
                .map(|l| LangLink {
                    code: l.code.clone(),
                    name: l.name.clone(),
                })
                .collect(),
            alternates: links,
            rows,
            chrome,
        },
        StatusCode::OK,
    )
}

pub async fn latest_aligned(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    if let Some(to) = data_language_page(&slug, q.as_deref()) {
        return Redirect::to(&to).into_response();
    }
    let chrome = Chrome::new(&state, &headers, q.as_deref());
    aligned(state, chrome, &slug, None).await
}

/// `?lang=` names the data language, as everywhere: the statement in that language, which is
/// its own page; the rest of the query (the interface language, `?ui=`) goes along.
fn data_language_page(slug: &str, query: Option<&str>) -> Option<String> {
    let pairs: Vec<(String, String)> = url::form_urlencoded::parse(query?.as_bytes())
        .into_owned()
        .collect();
    let lang = pairs.iter().find(|(k, _)| k == "lang")?;
    let lang = LanguageTag::parse(&lang.1).ok()?;
    let rest = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs.iter().filter(|(k, _)| k != "lang"))
        .finish();
    // Slugs are made of letters, digits and dashes; anything else is no page to send anyone to.
    if !slug.chars().all(|c| c.is_alphanumeric() || c == '-') {
        return None;
    }
    Some(match rest.is_empty() {
        true => format!("/p/{slug}/{lang}"),
        false => format!("/p/{slug}/{lang}?{rest}"),
    })
}

pub async fn version_aligned(
    State(state): State<AppState>,
    Path((slug, version)): Path<(String, String)>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    let chrome = Chrome::new(&state, &headers, q.as_deref());
    match version.parse::<i64>() {
        Ok(n) => aligned(state, chrome, &slug, Some(n)).await,
        Err(_) => not_found(chrome),
    }
}

pub async fn single_language(
    State(state): State<AppState>,
    Path((slug, lang)): Path<(String, String)>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    let Ok(lang) = LanguageTag::parse(&lang) else {
        return not_found(Chrome::new(&state, &headers, q.as_deref()));
    };
    let chrome = Chrome::for_page(
        &state,
        &headers,
        q.as_deref(),
        crate::i18n::Locale::from_tag(lang.as_str()),
    );
    let publication = match latest_with_lang(&state, &slug, &lang).await {
        Ok(found) => found,
        Err(e) => return failed(e),
    };
    let Some(publication) = publication else {
        return not_found(chrome);
    };
    let langs = all_langs(&publication);
    let names = match language_names(&state).await {
        Ok(n) => n,
        Err(e) => return failed(format!("{:?}", e.code)),
    };
    let content = &publication.content;
    let is_source = lang == content.source_lang;
    let mut blocks: Vec<Block> = content
        .body()
        .filter_map(|segment| {
            let text = if is_source {
                segment.source.clone()
            } else {
                segment.translations.get(lang.as_str())?.text.clone()
            };
            Some(Block {
                segment_id: segment.segment_id,
                kind: segment.kind.clone(),
                text,
            })
        })
        .collect();
    let (title, title_lang) = match content.headline() {
        Some(_) => {
            let (title, title_lang) = content.title_in(&lang);
            (title.to_owned(), title_lang.to_string())
        }
        // Made before headlines were units: a statement that opens with a heading has its title
        // translated there, so that heading is the page's title in this language.
        None => match blocks.first() {
            Some(first) if first.kind == "heading" => {
                let first = blocks.remove(0);
                (first.text, lang.to_string())
            }
            _ => (content.title.clone(), content.source_lang.to_string()),
        },
    };
    let alternates = langs
        .iter()
        .filter(|l| **l != lang)
        .map(|l| LangLink {
            code: l.to_string(),
            name: name_of(&names, l),
        })
        .collect();
    render(
        &SinglePage {
            page_lang: lang.to_string(),
            slug: slug.clone(),
            lang: lang.to_string(),
            title,
            title_lang,
            published: published_label(&chrome, &publication),
            version: version_label(&chrome, publication.number),
            alternates,
            blocks,
            chrome,
        },
        StatusCode::OK,
    )
}

/// The newest publication of `slug` that has `lang`: languages may be published at different
/// times, and a reader of one language should not lose it when another is released alone.
pub async fn latest_with_lang(
    state: &AppState,
    slug: &str,
    lang: &LanguageTag,
) -> Result<Option<Publication>, crate::store::StoreError> {
    let Some(latest) = state.store.latest_publications(Some(slug), 1).await?.pop() else {
        return Ok(None);
    };
    let mut number = latest.number;
    let mut candidate = Some(latest);
    while let Some(publication) = candidate {
        if all_langs(&publication).contains(lang) {
            return Ok(Some(publication));
        }
        number -= 1;
        candidate = if number > 0 {
            state.store.get_publication(slug, number).await?
        } else {
            None
        };
    }
    Ok(None)
}
