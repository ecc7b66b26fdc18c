//! PostgreSQL queries for users, their roles and the languages they refer to.

use sqlx::PgConnection;

use crate::domain::language::LanguageTag;
use crate::domain::user::User;
use crate::store::error::is_unique_violation;
use crate::store::records::{NewUser, UserUpdate};
use crate::store::rows::{stored_tag, users_with_roles, RoleRow, UserRow};
use crate::store::{StoreError, StoreResult};

pub(super) async fn unknown_languages(
    conn: &mut PgConnection,
    tags: &[LanguageTag],
) -> StoreResult<Vec<LanguageTag>> {
    let wanted: Vec<String> = tags.iter().map(|t| t.to_string()).collect();
    let missing: Vec<String> = sqlx::query_scalar(
        "SELECT DISTINCT w.tag FROM UNNEST($1::TEXT[]) AS w(tag)
         WHERE NOT EXISTS (SELECT 1 FROM languages l WHERE l.tag = w.tag)",
    )
    .bind(&wanted)
    .fetch_all(&mut *conn)
    .await?;
    // Keep the caller's order so the first unknown tag named in an error is the first one given.
    let mut unknown = Vec::new();
    for tag in tags {
        if missing.iter().any(|m| m == tag.as_str()) && !unknown.contains(tag) {
            unknown.push(stored_tag(tag.as_str())?);
        }
    }
    Ok(unknown)
}

pub(super) async fn create_user(conn: &mut PgConnection, user: &NewUser) -> StoreResult<User> {
    let langs: Vec<LanguageTag> = user
        .roles
        .languages
        .iter()
        .map(|g| g.lang.clone())
        .collect();
    if let Some(tag) = unknown_languages(conn, &langs).await?.into_iter().next() {
        return Err(StoreError::UnknownLanguage(tag));
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO users (username, display_name, password_hash, is_admin, is_editor, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(&user.username)
    .bind(&user.display_name)
    .bind(&user.password_hash)
    .bind(user.roles.admin)
    .bind(user.roles.editor)
    .bind(user.created_at)
    .fetch_one(&mut *conn)
    .await
    .map_err(|e| {
        if is_unique_violation(&e) {
            StoreError::Conflict("username")
        } else {
            e.into()
        }
    })?;
    let roles: Vec<&str> = user
        .roles
        .languages
        .iter()
        .map(|g| g.role.as_str())
        .collect();
    let langs: Vec<&str> = user
        .roles
        .languages
        .iter()
        .map(|g| g.lang.as_str())
        .collect();
    sqlx::query("INSERT INTO user_roles (user_id, role, lang) SELECT $1, r, l FROM UNNEST($2::TEXT[], $3::TEXT[]) AS g(r, l)")
        .bind(id)
        .bind(&roles)
        .bind(&langs)
        .execute(&mut *conn)
        .await?;
    list_users(conn, Some(id))
        .await?
        .pop()
        .ok_or_else(|| StoreError::Corrupt(format!("user {id} vanished inside its transaction")))
}

/// All users by name, or the one with `id`.
pub(super) async fn list_users(conn: &mut PgConnection, id: Option<i64>) -> StoreResult<Vec<User>> {
    let users: Vec<UserRow> = sqlx::query_as(
        "SELECT id, username, display_name, is_admin, is_editor, ui_lang, created_at FROM users
         WHERE $1::BIGINT IS NULL OR id = $1 ORDER BY username",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let roles: Vec<RoleRow> = sqlx::query_as(
        "SELECT user_id, role, lang FROM user_roles WHERE $1::BIGINT IS NULL OR user_id = $1 ORDER BY lang, role",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    users_with_roles(users, roles)
}

/// Changes what `update` names and returns the user as now stored.
pub(super) async fn update_user(
    conn: &mut PgConnection,
    id: i64,
    update: &UserUpdate,
) -> StoreResult<Option<User>> {
    let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE id = $1 FOR UPDATE")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    if exists.is_none() {
        return Ok(None);
    }
    if let Some(name) = &update.display_name {
        sqlx::query("UPDATE users SET display_name = $1 WHERE id = $2")
            .bind(name)
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    if let Some(ui_lang) = &update.ui_lang {
        sqlx::query("UPDATE users SET ui_lang = $1 WHERE id = $2")
            .bind(ui_lang.as_deref())
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    if let Some(roles) = &update.roles {
        let langs: Vec<LanguageTag> = roles.languages.iter().map(|g| g.lang.clone()).collect();
        if let Some(tag) = unknown_languages(conn, &langs).await?.into_iter().next() {
            return Err(StoreError::UnknownLanguage(tag));
        }
        sqlx::query("UPDATE users SET is_admin = $1, is_editor = $2 WHERE id = $3")
            .bind(roles.admin)
            .bind(roles.editor)
            .bind(id)
            .execute(&mut *conn)
            .await?;
        sqlx::query("DELETE FROM user_roles WHERE user_id = $1")
            .bind(id)
            .execute(&mut *conn)
            .await?;
        for grant in &roles.languages {
            sqlx::query("INSERT INTO user_roles (user_id, role, lang) VALUES ($1, $2, $3)")
                .bind(id)
                .bind(grant.role.as_str())
                .bind(grant.lang.as_str())
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(list_users(conn, Some(id)).await?.pop())
}
