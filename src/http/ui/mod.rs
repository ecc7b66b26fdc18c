//! The translators' desk: server-rendered pages for signed-in people, with a small ES module.

mod admin;
mod align;
mod audit;
mod bar;
mod desk;
mod editor;
mod glossary;
mod memory;
mod pair;
mod review;
mod statement;
mod statements;
mod tokens;
mod webhooks;

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use axum_extra::extract::CookieJar;

use desk::{Desk, DeskUser};

use crate::http::chrome::{language_names, Chrome};
use crate::http::AppState;
use crate::i18n::dates::long_date;
use crate::i18n::Locale;
use crate::workflow::queue;

/// The desk runs our own module and nothing else.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; \
                   base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

pub fn router() -> Router<AppState> {
    Router::new()
        // The query goes along, so `/?ui=ru` opens the desk in Russian.
        .route(
            "/",
            get(|RawQuery(q): RawQuery| async move {
                Redirect::to(&match q {
                    Some(q) if !q.is_empty() => format!("/app?{q}"),
                    _ => "/app".to_owned(),
                })
            }),
        )
        .route("/app", get(my_work))
        .route("/app/sign-in", get(sign_in_page))
        .route("/app/s/{id}/{lang}", get(editor::editor_page))
        .route("/app/statements", get(statements::statements_page))
        .route("/app/statements/{id}", get(statement::statement_page))
        .route("/app/review", get(review::review_page))
        .route("/app/admin", get(admin::admin_page))
        .route("/app/admin/languages", get(admin::languages_page))
        .route("/app/admin/audit", get(audit::audit_page))
        .route("/app/admin/webhooks", get(webhooks::webhooks_page))
        .route("/app/align", get(align::align_page))
        .route("/app/tokens", get(tokens::tokens_page))
        .route("/app/glossary", get(glossary::glossary_page))
        .route("/app/memory", get(memory::memory_page))
        .route("/app/lang/{code}", get(choose_language))
        .route("/static/app.js", get(script))
        .route("/static/js/{name}", get(module))
        .route("/static/app.css", get(styles))
        .layer(axum::middleware::from_fn(page_csp))
}

/// The desk's policy: its own scripts, styles and API only (the other security headers are
/// set for every response in `http::security`).
async fn page_csp(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let mut response = next.run(request).await;
    response
        .headers_mut()
        .entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static(CSP));
    response
}

async fn script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        include_str!("../../../web/static/app.js"),
    )
}

/// The desk's ES modules, built into the binary so a deployment is one file.
const MODULES: &[(&str, &str)] = &[
    ("api.js", include_str!("../../../web/static/js/api.js")),
    (
        "session.js",
        include_str!("../../../web/static/js/session.js"),
    ),
    (
        "statements.js",
        include_str!("../../../web/static/js/statements.js"),
    ),
    (
        "statement.js",
        include_str!("../../../web/static/js/statement.js"),
    ),
    (
        "editor.js",
        include_str!("../../../web/static/js/editor.js"),
    ),
    (
        "checks.js",
        include_str!("../../../web/static/js/checks.js"),
    ),
    (
        "review.js",
        include_str!("../../../web/static/js/review.js"),
    ),
    ("live.js", include_str!("../../../web/static/js/live.js")),
    ("admin.js", include_str!("../../../web/static/js/admin.js")),
    ("align.js", include_str!("../../../web/static/js/align.js")),
    (
        "secret.js",
        include_str!("../../../web/static/js/secret.js"),
    ),
    (
        "tokens.js",
        include_str!("../../../web/static/js/tokens.js"),
    ),
    (
        "glossary.js",
        include_str!("../../../web/static/js/glossary.js"),
    ),
    (
        "memory.js",
        include_str!("../../../web/static/js/memory.js"),
    ),
    (
        "webhooks.js",
        include_str!("../../../web/static/js/webhooks.js"),
    ),
];

async fn module(Path(name): Path<String>) -> Response {
    match MODULES.iter().find(|(n, _)| *n == name) {
        Some((_, source)) => (
            [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
            *source,
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

async fn styles() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8")],
        include_str!("../../../web/static/app.css"),
    )
}

#[derive(Template)]
#[template(path = "app/sign_in.html")]
struct SignInPage {
    chrome: Chrome,
    desk: Desk,
}

pub struct QueueRow {
    pub statement_id: i64,
    pub title: String,
    /// The statement's language, which its title is written in.
    pub source_lang: String,
    pub lang: String,
    pub lang_name: String,
    pub to_translate: u32,
    pub to_review: u32,
    pub returned: u32,
    pub due: Option<String>,
    pub bar: Option<bar::StateBar>,
}

#[derive(Template)]
#[template(path = "app/work.html")]
struct WorkPage {
    chrome: Chrome,
    desk: Desk,
    entries: Vec<QueueRow>,
}

pub(super) fn render(template: &impl Template) -> Response {
    match template.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

async fn sign_in_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    RawQuery(q): RawQuery,
) -> Response {
    let chrome = Chrome::new(&state, &headers, q.as_deref());
    render(&SignInPage {
        chrome,
        desk: Desk::default(),
    })
}

async fn my_work(State(state): State<AppState>, me: DeskUser) -> Response {
    let DeskUser { user, chrome, desk } = me;
    let (entries, names, statements) = match (
        queue::my_queue(state.store.as_ref(), &user).await,
        language_names(&state).await,
        state.store.list_statements().await,
    ) {
        (Ok(e), Ok(n), Ok(s)) => (e, n, s),
        _ => return StatusCode::SERVICE_UNAVAILABLE.into_response(),
    };
    let entries = entries
        .into_iter()
        .map(|e| QueueRow {
            statement_id: e.statement_id,
            title: e.title,
            source_lang: statements
                .iter()
                .find(|s| s.id == e.statement_id)
                .map(|s| s.source_lang.to_string())
                .unwrap_or_default(),
            bar: statements
                .iter()
                .find(|s| s.id == e.statement_id)
                .and_then(|s| s.progress.iter().find(|p| p.lang == e.lang))
                .map(|p| bar::StateBar::new(&chrome, p)),
            lang_name: names
                .get(e.lang.as_str())
                .cloned()
                .unwrap_or_else(|| e.lang.to_string()),
            lang: e.lang.to_string(),
            to_translate: e.to_translate,
            to_review: e.to_review,
            returned: e.returned,
            due: e
                .due_at
                .map(|d| chrome.t_with("ui-due", &[("date", long_date(chrome.locale, d).into())])),
        })
        .collect();
    render(&WorkPage {
        desk,
        chrome,
        entries,
    })
}

/// Remembers the UI language in the `ui` cookie (a year) and, for a signed-in person, in their
/// settings; then goes back where the reader was.
async fn choose_language(
    State(state): State<AppState>,
    Path(code): Path<String>,
    headers: HeaderMap,
    jar: CookieJar,
) -> Response {
    let Some(locale) = Locale::from_tag(&code) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    if let Some(signed_in) = desk::session(&state, &jar).await {
        desk::save_ui_lang(&state, signed_in.user.id, locale).await;
    }
    let cookie = crate::http::localize::ui_cookie(locale);
    // Only a path on this site is a place to go back to.
    let back = headers
        .get(header::REFERER)
        .and_then(|r| r.to_str().ok())
        .and_then(|r| url::Url::parse(r).ok())
        .map(|u| u.path().to_owned())
        .filter(|p| p.starts_with('/') && !p.starts_with("//") && !p.starts_with("/app/lang/"))
        .unwrap_or_else(|| "/app".to_owned());
    (jar.add(cookie), Redirect::to(&back)).into_response()
}
