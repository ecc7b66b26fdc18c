//! Users, their roles and the languages those refer to.

use super::Conn;
use crate::domain::language::LanguageTag;
use crate::domain::role::Roles;
use crate::domain::user::User;
use crate::store::error::is_unique_violation;
use crate::store::records::{NewUser, UserUpdate};
use crate::store::rows::{users_with_roles, RoleRow, UserRow};
use crate::store::{StoreError, StoreResult};

/// The tags among `tags` that the instance does not know, in the order given.
pub(crate) async fn unknown_languages(
    conn: &mut impl Conn,
    tags: &[LanguageTag],
) -> StoreResult<Vec<LanguageTag>> {
    let mut unknown = Vec::new();
    for tag in tags {
        let known: Option<String> = conn
            .scalar_optional(
                "SELECT tag FROM languages WHERE tag = $1",
                &[tag.as_str().into()],
            )
            .await?;
        if known.is_none() && !unknown.contains(tag) {
            unknown.push(tag.clone());
        }
    }
    Ok(unknown)
}

/// `UnknownLanguage` for the first of `tags` the instance does not know.
pub(crate) async fn require_languages(
    conn: &mut impl Conn,
    tags: &[LanguageTag],
) -> StoreResult<()> {
    match unknown_languages(conn, tags).await?.into_iter().next() {
        Some(tag) => Err(StoreError::UnknownLanguage(tag)),
        None => Ok(()),
    }
}

/// All users by name, or the one with `id`.
pub(crate) async fn list_users(conn: &mut impl Conn, id: Option<i64>) -> StoreResult<Vec<User>> {
    let users: Vec<UserRow> = conn
        .fetch_all(
            "SELECT id, username, display_name, is_admin, is_editor, ui_lang, created_at, disabled_at
             FROM users
             WHERE $1 IS NULL OR id = $1 ORDER BY username",
            &[id.into()],
        )
        .await?;
    let roles: Vec<RoleRow> = conn
        .fetch_all(
            "SELECT user_id, role, lang FROM user_roles WHERE $1 IS NULL OR user_id = $1
             ORDER BY lang, role",
            &[id.into()],
        )
        .await?;
    users_with_roles(users, roles)
}

async fn stored_user(conn: &mut impl Conn, id: i64) -> StoreResult<User> {
    list_users(conn, Some(id))
        .await?
        .pop()
        .ok_or_else(|| StoreError::Corrupt(format!("user {id} vanished inside its transaction")))
}

/// `Conflict("username")` for a taken name, `UnknownLanguage` for a role in a language not
/// enabled.
pub(crate) async fn create_user(conn: &mut impl Conn, user: &NewUser) -> StoreResult<User> {
    let langs: Vec<LanguageTag> = user
        .roles
        .languages
        .iter()
        .map(|g| g.lang.clone())
        .collect();
    require_languages(conn, &langs).await?;
    let id: i64 = conn
        .scalar(
            "INSERT INTO users (username, display_name, password_hash, is_admin, is_editor, created_at)
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            &[
                user.username.as_str().into(),
                user.display_name.as_str().into(),
                user.password_hash.as_str().into(),
                user.roles.admin.into(),
                user.roles.editor.into(),
                user.created_at.into(),
            ],
        )
        .await
        .map_err(|e| match e {
            StoreError::Database(db) if is_unique_violation(&db) => StoreError::Conflict("username"),
            other => other,
        })?;
    insert_roles(conn, id, &user.roles).await?;
    stored_user(conn, id).await
}

async fn insert_roles(conn: &mut impl Conn, user_id: i64, roles: &Roles) -> StoreResult<()> {
    for grant in &roles.languages {
        conn.execute(
            "INSERT INTO user_roles (user_id, role, lang) VALUES ($1, $2, $3)",
            &[
                user_id.into(),
                grant.role.as_str().into(),
                grant.lang.as_str().into(),
            ],
        )
        .await?;
    }
    Ok(())
}

/// Changes what `update` names and returns the user as now stored.
pub(crate) async fn update_user<C: Conn>(
    conn: &mut C,
    id: i64,
    update: &UserUpdate,
) -> StoreResult<Option<User>> {
    let sql = format!("SELECT id FROM users WHERE id = $1{}", C::FOR_UPDATE);
    let exists: Option<i64> = conn.scalar_optional(&sql, &[id.into()]).await?;
    if exists.is_none() {
        return Ok(None);
    }
    if let Some(name) = &update.display_name {
        conn.execute(
            "UPDATE users SET display_name = $1 WHERE id = $2",
            &[name.into(), id.into()],
        )
        .await?;
    }
    if let Some(ui_lang) = &update.ui_lang {
        conn.execute(
            "UPDATE users SET ui_lang = $1 WHERE id = $2",
            &[ui_lang.as_deref().into(), id.into()],
        )
        .await?;
    }
    if let Some(roles) = &update.roles {
        let langs: Vec<LanguageTag> = roles.languages.iter().map(|g| g.lang.clone()).collect();
        require_languages(conn, &langs).await?;
        conn.execute(
            "UPDATE users SET is_admin = $1, is_editor = $2 WHERE id = $3",
            &[roles.admin.into(), roles.editor.into(), id.into()],
        )
        .await?;
        conn.execute("DELETE FROM user_roles WHERE user_id = $1", &[id.into()])
            .await?;
        insert_roles(conn, id, roles).await?;
    }
    Ok(list_users(conn, Some(id)).await?.pop())
}
