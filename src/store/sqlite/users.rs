//! SQLite queries for users, their roles and the languages they refer to.

use sqlx::SqliteConnection;

use crate::domain::language::LanguageTag;
use crate::domain::user::User;
use crate::store::error::is_unique_violation;
use crate::store::records::{NewUser, UserUpdate};
use crate::store::rows::{users_with_roles, RoleRow, UserRow};
use crate::store::{StoreError, StoreResult};

pub(super) async fn unknown_languages(
    conn: &mut SqliteConnection,
    tags: &[LanguageTag],
) -> StoreResult<Vec<LanguageTag>> {
    let mut unknown = Vec::new();
    for tag in tags {
        let known: Option<i64> = sqlx::query_scalar("SELECT 1 FROM languages WHERE tag = ?")
            .bind(tag.as_str())
            .fetch_optional(&mut *conn)
            .await?;
        if known.is_none() && !unknown.contains(tag) {
            unknown.push(tag.clone());
        }
    }
    Ok(unknown)
}

pub(super) async fn create_user(conn: &mut SqliteConnection, user: &NewUser) -> StoreResult<User> {
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
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
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
    for grant in &user.roles.languages {
        sqlx::query("INSERT INTO user_roles (user_id, role, lang) VALUES (?, ?, ?)")
            .bind(id)
            .bind(grant.role.as_str())
            .bind(grant.lang.as_str())
            .execute(&mut *conn)
            .await?;
    }
    list_users(conn, Some(id))
        .await?
        .pop()
        .ok_or_else(|| StoreError::Corrupt(format!("user {id} vanished inside its transaction")))
}

/// All users by name, or the one with `id`.
pub(super) async fn list_users(
    conn: &mut SqliteConnection,
    id: Option<i64>,
) -> StoreResult<Vec<User>> {
    let users: Vec<UserRow> = sqlx::query_as(
        "SELECT id, username, display_name, is_admin, is_editor, ui_lang, created_at FROM users
         WHERE ?1 IS NULL OR id = ?1 ORDER BY username",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let roles: Vec<RoleRow> = sqlx::query_as(
        "SELECT user_id, role, lang FROM user_roles WHERE ?1 IS NULL OR user_id = ?1 ORDER BY lang, role",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    users_with_roles(users, roles)
}

/// Changes what `update` names and returns the user as now stored.
pub(super) async fn update_user(
    conn: &mut SqliteConnection,
    id: i64,
    update: &UserUpdate,
) -> StoreResult<Option<User>> {
    let exists: Option<i64> = sqlx::query_scalar("SELECT id FROM users WHERE id = ?")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    if exists.is_none() {
        return Ok(None);
    }
    if let Some(name) = &update.display_name {
        sqlx::query("UPDATE users SET display_name = ? WHERE id = ?")
            .bind(name)
            .bind(id)
            .execute(&mut *conn)
            .await?;
    }
    if let Some(ui_lang) = &update.ui_lang {
        sqlx::query("UPDATE users SET ui_lang = ? WHERE id = ?")
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
        sqlx::query("UPDATE users SET is_admin = ?, is_editor = ? WHERE id = ?")
            .bind(roles.admin)
            .bind(roles.editor)
            .bind(id)
            .execute(&mut *conn)
            .await?;
        sqlx::query("DELETE FROM user_roles WHERE user_id = ?")
            .bind(id)
            .execute(&mut *conn)
            .await?;
        for grant in &roles.languages {
            sqlx::query("INSERT INTO user_roles (user_id, role, lang) VALUES (?, ?, ?)")
                .bind(id)
                .bind(grant.role.as_str())
                .bind(grant.lang.as_str())
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(list_users(conn, Some(id)).await?.pop())
}
