//! Managing users (admins only).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::contract::LanguageTagText;
use crate::domain::language::LanguageTag;
use crate::domain::policy::{Permission, Target};
use crate::domain::role::{LanguageRole, Roles};
use crate::domain::user::User;
use crate::error::{AppError, AppResult, Why};
use crate::http::auth::CurrentUser;
use crate::http::client::ClientAddress;
use crate::http::extract::ApiJson;
use crate::http::AppState;
use crate::store::UserUpdate;
use crate::workflow::accounts;
use crate::workflow::guard::require;
use crate::workflow::users::{self, UserInput};

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_users, create_user))
        .routes(routes!(update_user))
        .routes(routes!(invite_user))
        .routes(routes!(disable_user))
        .routes(routes!(enable_user))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleRequest {
    /// `translator` or `reviewer`.
    #[schema(pattern = "^(translator|reviewer)$")]
    pub role: String,
    #[schema(value_type = LanguageTagText, example = "hy")]
    pub lang: String,
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateUserRequest {
    /// Letters of any script, digits, `.`, `_` and `-`; at most 64; compared case-insensitively.
    #[schema(max_length = 64, example = "gor")]
    pub username: String,
    /// At least 8 characters, at most 1024 bytes.
    #[schema(min_length = 8)]
    pub password: String,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub admin: bool,
    #[serde(default)]
    pub editor: bool,
    #[serde(default)]
    pub roles: Vec<RoleRequest>,
}

/// What to change; fields left out stay as they are. `roles` replaces the per-language roles.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateUserRequest {
    /// 1 to 200 characters.
    #[serde(default)]
    #[schema(pattern = "\\S", max_length = 200)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub admin: Option<bool>,
    #[serde(default)]
    pub editor: Option<bool>,
    #[serde(default)]
    pub roles: Option<Vec<RoleRequest>>,
}

fn language_roles(requests: &[RoleRequest], roles: &mut Roles) -> AppResult<()> {
    for r in requests {
        let role = LanguageRole::parse(&r.role).ok_or_else(|| {
            AppError::invalid_input(
                "roles",
                Why::OneOf("translator, reviewer"),
                format!("unknown role {:?}: translator or reviewer", r.role),
            )
        })?;
        roles.grant(role, LanguageTag::parse(&r.lang)?);
    }
    Ok(())
}

/// Every user with their roles.
#[utoipa::path(get, path = "/api/v1/users", tag = "users",
    responses((status = 200, body = Vec<User>), (status = 403, description = "forbidden")),
    security(("session" = []), ("bearer" = [])))]
async fn list_users(
    State(state): State<AppState>,
    current: CurrentUser,
) -> AppResult<Json<Vec<User>>> {
    require(&current.user, Permission::ListUsers, Target::Instance)?;
    Ok(Json(state.store.list_users().await?))
}

/// Creates a user; 409 `username_taken` when the name exists.
#[utoipa::path(post, path = "/api/v1/users", tag = "users", request_body = CreateUserRequest,
    responses((status = 201, body = User), (status = 409, description = "username_taken")),
    security(("session" = []), ("bearer" = [])))]
async fn create_user(
    State(state): State<AppState>,
    current: CurrentUser,
    ApiJson(body): ApiJson<CreateUserRequest>,
) -> AppResult<(StatusCode, Json<User>)> {
    require(&current.user, Permission::CreateUser, Target::Instance)?;
    let mut roles = Roles {
        admin: body.admin,
        editor: body.editor,
        languages: Vec::new(),
    };
    language_roles(&body.roles, &mut roles)?;
    let user = users::create_user(
        state.store.as_ref(),
        UserInput {
            username: body.username,
            password: body.password,
            display_name: body.display_name,
            roles,
        },
        Some(&current.user),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(user)))
}

/// Changes a user's display name or roles; 404 `not_found` when there is no such user.
#[utoipa::path(patch, path = "/api/v1/users/{id}", tag = "users", request_body = UpdateUserRequest,
    params(("id" = i64, Path, example = 1)),
    responses((status = 200, body = User), (status = 400, description = "invalid_input or unknown_language"),
        (status = 403, description = "forbidden"), (status = 404, description = "not_found")),
    security(("session" = []), ("bearer" = [])))]
async fn update_user(
    State(state): State<AppState>,
    current: CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<UpdateUserRequest>,
) -> AppResult<Json<User>> {
    require(&current.user, Permission::UpdateUser, Target::Instance)?;
    let id: i64 = id
        .parse()
        .map_err(|_| AppError::not_found("user").detail("id", id.as_str()))?;
    let roles = if body.admin.is_some() || body.editor.is_some() || body.roles.is_some() {
        let existing = state
            .store
            .get_user(id)
            .await?
            .ok_or_else(|| AppError::not_found("user").detail("id", id))?;
        let Roles {
            admin,
            editor,
            languages,
        } = existing.roles;
        let mut roles = Roles {
            admin: body.admin.unwrap_or(admin),
            editor: body.editor.unwrap_or(editor),
            languages: Vec::new(),
        };
        match &body.roles {
            Some(requests) => language_roles(requests, &mut roles)?,
            None => roles.languages = languages,
        }
        Some(roles)
    } else {
        None
    };
    let update = UserUpdate {
        display_name: body.display_name,
        roles,
        ui_lang: None,
    };
    Ok(Json(
        users::update_user(state.store.as_ref(), &current.user, id, update).await?,
    ))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InviteRequest {
    /// Letters of any script, digits, `.`, `_` and `-`; at most 64; compared case-insensitively.
    #[schema(max_length = 64, example = "lilit")]
    pub username: String,
    #[serde(default)]
    pub display_name: Option<String>,
    #[serde(default)]
    pub admin: bool,
    #[serde(default)]
    pub editor: bool,
    #[serde(default)]
    pub roles: Vec<RoleRequest>,
}

/// A new person and the password they first sign in with.
#[derive(Serialize, utoipa::ToSchema)]
pub struct Invitation {
    pub user: User,
    /// Generated by the server and shown only now: hand it to the person.
    pub password: String,
}

/// Adds a person with a generated one-time password (admins); 409 `username_taken` when the
/// name exists.
#[utoipa::path(post, path = "/api/v1/users/invitations", tag = "users", request_body = InviteRequest,
    responses((status = 201, body = Invitation), (status = 400, description = "invalid_input or unknown_language"),
        (status = 403, description = "forbidden"), (status = 409, description = "username_taken")),
    security(("session" = []), ("bearer" = [])))]
async fn invite_user(
    State(state): State<AppState>,
    current: CurrentUser,
    ApiJson(body): ApiJson<InviteRequest>,
) -> AppResult<(StatusCode, Json<Invitation>)> {
    require(&current.user, Permission::CreateUser, Target::Instance)?;
    let mut roles = Roles {
        admin: body.admin,
        editor: body.editor,
        languages: Vec::new(),
    };
    language_roles(&body.roles, &mut roles)?;
    let invited = accounts::invite(
        state.store.as_ref(),
        &current.user,
        body.username,
        body.display_name,
        roles,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(Invitation {
            user: invited.user,
            password: invited.password,
        }),
    ))
}

fn user_id(raw: &str) -> AppResult<i64> {
    raw.parse()
        .map_err(|_| AppError::not_found("user").detail("id", raw))
}

/// Disables an account (admins, not their own): the person cannot sign in, their sessions end
/// and their API tokens are revoked at once; their work and history stay.
#[utoipa::path(post, path = "/api/v1/users/{id}/disable", tag = "users",
    params(("id" = i64, Path, example = 2)),
    responses((status = 200, body = User), (status = 403, description = "forbidden"),
        (status = 404, description = "not_found")),
    security(("session" = []), ("bearer" = [])))]
async fn disable_user(
    State(state): State<AppState>,
    current: CurrentUser,
    address: ClientAddress,
    Path(id): Path<String>,
) -> AppResult<Json<User>> {
    Ok(Json(
        accounts::set_disabled(
            state.store.as_ref(),
            &current.user,
            user_id(&id)?,
            true,
            address.as_deref(),
        )
        .await?,
    ))
}

/// Lets a disabled person sign in again (admins); their old sessions and tokens stay revoked.
#[utoipa::path(post, path = "/api/v1/users/{id}/enable", tag = "users",
    params(("id" = i64, Path, example = 2)),
    responses((status = 200, body = User), (status = 403, description = "forbidden"),
        (status = 404, description = "not_found")),
    security(("session" = []), ("bearer" = [])))]
async fn enable_user(
    State(state): State<AppState>,
    current: CurrentUser,
    address: ClientAddress,
    Path(id): Path<String>,
) -> AppResult<Json<User>> {
    Ok(Json(
        accounts::set_disabled(
            state.store.as_ref(),
            &current.user,
            user_id(&id)?,
            false,
            address.as_deref(),
        )
        .await?,
    ))
}
