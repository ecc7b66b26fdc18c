//! Live updates of one statement as Server-Sent Events, and the presence marks that feed them.

use std::convert::Infallible;
use std::time::{Duration, Instant};

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use serde::Deserialize;
use tokio_stream::wrappers::errors::BroadcastStreamRecvError;
use tokio_stream::wrappers::{BroadcastStream, WatchStream};
use tokio_stream::{Stream, StreamExt};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::contract::LanguageTagText;
use crate::domain::language::LanguageTag;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::http::auth::CurrentUser;
use crate::http::extract::ApiJson;
use crate::http::AppState;
use crate::workflow::events::StatementEvent;
use crate::workflow::statements;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(statement_events))
        .routes(routes!(set_presence))
}

fn statement_id(raw: &str) -> AppResult<i64> {
    raw.parse()
        .map_err(|_| AppError::new(ErrorCode::StatementNotFound).with("id", raw))
}

fn to_sse(event: &StatementEvent) -> Event {
    // Serialising our own plain structs cannot fail; an empty object is a harmless fallback.
    Event::default()
        .event(event.name())
        .data(serde_json::to_string(event).unwrap_or_else(|_| "{}".to_owned()))
}

/// Server-Sent Events for one statement: `unit` (saved, submitted, approved, returned, reverted),
/// `comment`, `presence` (who is editing which unit; `segment_id` null when they stopped) and
/// `reload` (many units changed, or this view fell behind). The stream starts with the current
/// presence marks.
#[utoipa::path(get, path = "/api/v1/statements/{id}/events", tag = "translation",
    params(("id" = i64, Path, example = 1)),
    responses((status = 200, content_type = "text/event-stream", description = "an endless event stream"),
        (status = 401, description = "unauthenticated"), (status = 404, description = "statement_not_found")),
    security(("session" = []), ("bearer" = [])))]
async fn statement_events(
    State(state): State<AppState>,
    _current: CurrentUser,
    Path(id): Path<String>,
) -> AppResult<Sse<impl Stream<Item = Result<Event, Infallible>>>> {
    let id = statement_id(&id)?;
    statements::get_statement(state.store.as_ref(), id).await?;
    // Subscribe before reading presence so nothing falls between the two.
    let live = BroadcastStream::new(state.events.subscribe());
    let now = state.events.presence(id, Instant::now());
    let opening = tokio_stream::iter(now.into_iter().map(|e| Ok(to_sse(&e))));
    let live = live.filter_map(move |item| {
        match item {
            Ok(event) if event.statement_id() == id => Some(Ok(to_sse(&event))),
            Ok(_) => None,
            // Missed events cannot be replayed; the page reloads what it shows instead.
            Err(BroadcastStreamRecvError::Lagged(_)) => {
                Some(Ok(to_sse(&StatementEvent::Reload { statement_id: id })))
            }
        }
    });
    // The stream ends when the server shuts down (the browser reconnects to the next instance);
    // otherwise the graceful shutdown would wait for it forever.
    let stop = WatchStream::new(crate::http::shutdown::shutting_down())
        .filter(|stopping| *stopping)
        .map(|_| None);
    let events = opening
        .chain(live)
        .map(Some)
        .merge(stop)
        .take_while(Option::is_some)
        .filter_map(|event| event);
    let stream: std::pin::Pin<Box<dyn Stream<Item = Result<Event, Infallible>> + Send>> =
        Box::pin(events);
    Ok(Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PresenceRequest {
    /// The target language of the unit.
    #[schema(value_type = LanguageTagText)]
    pub lang: String,
    /// The unit being edited, or null when the person stopped editing.
    pub segment_id: Option<i64>,
}

/// Tells the others who is editing which unit. Renew it every half minute while editing; a mark
/// that is not renewed disappears after 45 seconds.
#[utoipa::path(post, path = "/api/v1/statements/{id}/presence", tag = "translation",
    params(("id" = i64, Path, example = 1)), request_body = PresenceRequest,
    responses((status = 204, description = "recorded"), (status = 400, description = "invalid_language"),
        (status = 401, description = "unauthenticated"), (status = 404, description = "statement_not_found")),
    security(("session" = []), ("bearer" = [])))]
async fn set_presence(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PresenceRequest>,
) -> AppResult<StatusCode> {
    let id = statement_id(&id)?;
    let lang = LanguageTag::parse(&body.lang)?;
    let statement = statements::get_statement(state.store.as_ref(), id).await?;
    if let Some(segment_id) = body.segment_id {
        if !statement.all_segments().any(|s| s.id == segment_id) {
            return Err(AppError::not_found("unit").detail("segment_id", segment_id.to_string()));
        }
    }
    let user = &current.user;
    state.events.set_presence(
        id,
        user.id,
        &user.display_name,
        lang.as_str(),
        body.segment_id,
        Instant::now(),
    );
    Ok(StatusCode::NO_CONTENT)
}
