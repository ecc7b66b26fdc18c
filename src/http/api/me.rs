//! The signed-in user.

use axum::extract::State;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::domain::queue::QueueEntry;
use crate::domain::user::User;
use crate::error::{AppError, AppResult, Why};
use crate::http::auth::CurrentUser;
use crate::http::AppState;
use crate::i18n::Locale;
use crate::store::UserUpdate;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(get_me, update_me))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct MeResponse {
    pub user: User,
    /// What waits for the user, by statement and language.
    pub queue: Vec<QueueEntry>,
}

/// The signed-in user, their roles and their work queue.
#[utoipa::path(get, path = "/api/v1/me", tag = "session",
    responses((status = 200, body = MeResponse), (status = 401, description = "unauthenticated")),
    security(("session" = []), ("bearer" = [])))]
async fn get_me(
    State(state): State<AppState>,
    current: CurrentUser,
) -> AppResult<Json<MeResponse>> {
    let queue = crate::workflow::queue::my_queue(state.store.as_ref(), &current.user).await?;
    Ok(Json(MeResponse {
        user: current.user,
        queue,
    }))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PreferencesRequest {
    /// The interface language (`hy`, `en` or `ru`); null forgets the choice.
    #[schema(example = "hy", pattern = "^(hy|en|ru)$")]
    pub ui_lang: Option<String>,
}

/// Remembers the signed-in user's interface language, so it follows them to any browser.
#[utoipa::path(patch, path = "/api/v1/me", tag = "session", request_body = PreferencesRequest,
    responses((status = 200, body = User), (status = 400, description = "invalid_input"),
        (status = 401, description = "unauthenticated")),
    security(("session" = []), ("bearer" = [])))]
async fn update_me(
    State(state): State<AppState>,
    current: CurrentUser,
    crate::http::extract::ApiJson(body): crate::http::extract::ApiJson<PreferencesRequest>,
) -> AppResult<Json<User>> {
    let ui_lang = match body.ui_lang.as_deref() {
        None => None,
        Some(raw) => Some(
            Locale::from_tag(raw)
                .ok_or_else(|| {
                    AppError::invalid_input(
                        "ui_lang",
                        Why::OneOf("hy, en, ru"),
                        "the interface speaks hy, en or ru",
                    )
                })?
                .as_str()
                .to_owned(),
        ),
    };
    let update = UserUpdate {
        ui_lang: Some(ui_lang),
        ..UserUpdate::default()
    };
    Ok(Json(
        crate::workflow::users::update_user(
            state.store.as_ref(),
            &current.user,
            current.user.id,
            update,
        )
        .await?,
    ))
}
