//! Languages, users, sessions and API tokens, and `PeopleStore` over them.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::{users, Conn, SqlBackend};
use crate::domain::language::LanguageTag;
use crate::domain::user::User;
use crate::store::records::{
    ApiTokenInfo, Credentials, Language, NewLanguage, NewSession, NewUser, SessionUser, UserUpdate,
};
use crate::store::rows::{
    session_from_rows, user_from_role_rows, LanguageRow, SessionRoleRow, UserRoleRow,
    SESSION_USER_SQL, TOKEN_USER_SQL,
};
use crate::store::{PeopleStore, StoreError, StoreResult};

/// The user of a live session, with its CSRF token.
pub(crate) async fn session_user(
    conn: &mut impl Conn,
    token_hash: &str,
    now: DateTime<Utc>,
) -> StoreResult<Option<SessionUser>> {
    let rows: Vec<SessionRoleRow> = conn
        .fetch_all(SESSION_USER_SQL, &[token_hash.into(), now.into()])
        .await?;
    session_from_rows(rows.into_iter().map(|r| (r.row, r.csrf_token)).collect())
}

/// The user behind an API token.
pub(crate) async fn token_user(
    conn: &mut impl Conn,
    token_hash: &str,
) -> StoreResult<Option<User>> {
    let rows: Vec<UserRoleRow> = conn.fetch_all(TOKEN_USER_SQL, &[token_hash.into()]).await?;
    user_from_role_rows(rows)
}

#[async_trait]
impl<S: SqlBackend> PeopleStore for S {
    async fn list_languages(&self) -> StoreResult<Vec<Language>> {
        let rows: Vec<LanguageRow> = self
            .read()
            .await?
            .fetch_all(
                "SELECT tag, name, native_name FROM languages ORDER BY tag",
                &[],
            )
            .await?;
        rows.into_iter().map(LanguageRow::into_language).collect()
    }

    async fn add_language(&self, language: &NewLanguage) -> StoreResult<Language> {
        let mut tx = self.write().await?;
        let inserted = tx
            .execute(
                "INSERT INTO languages (tag, name, native_name) VALUES ($1, $2, $3)
                 ON CONFLICT (tag) DO NOTHING",
                &[
                    language.tag.as_str().into(),
                    language.name.as_str().into(),
                    language.native_name.as_str().into(),
                ],
            )
            .await?;
        if inserted == 0 {
            return Err(StoreError::Conflict("language"));
        }
        tx.commit().await?;
        Ok(Language {
            tag: language.tag.clone(),
            name: language.name.clone(),
            native_name: language.native_name.clone(),
        })
    }

    async fn unknown_languages(&self, tags: &[LanguageTag]) -> StoreResult<Vec<LanguageTag>> {
        users::unknown_languages(&mut *self.read().await?, tags).await
    }

    async fn create_user(&self, user: &NewUser) -> StoreResult<User> {
        let mut tx = self.write().await?;
        let created = users::create_user(&mut *tx, user).await?;
        tx.commit().await?;
        Ok(created)
    }

    async fn update_user(&self, id: i64, update: &UserUpdate) -> StoreResult<Option<User>> {
        let mut tx = self.write().await?;
        let updated = users::update_user(&mut *tx, id, update).await?;
        tx.commit().await?;
        Ok(updated)
    }

    async fn set_user_disabled(
        &self,
        id: i64,
        at: Option<DateTime<Utc>>,
        audit: &crate::domain::audit::NewAuditEntry,
    ) -> StoreResult<Option<User>> {
        let mut tx = self.write().await?;
        let changed = tx
            .execute(
                "UPDATE users SET disabled_at = $2 WHERE id = $1",
                &[id.into(), at.into()],
            )
            .await?;
        if changed == 0 {
            return Ok(None);
        }
        if at.is_some() {
            tx.execute("DELETE FROM sessions WHERE user_id = $1", &[id.into()])
                .await?;
            tx.execute("DELETE FROM api_tokens WHERE user_id = $1", &[id.into()])
                .await?;
        }
        super::security::insert_audit(&mut *tx, audit).await?;
        let user = users::list_users(&mut *tx, Some(id)).await?.pop();
        tx.commit().await?;
        Ok(user)
    }

    async fn list_users(&self) -> StoreResult<Vec<User>> {
        users::list_users(&mut *self.read().await?, None).await
    }

    async fn get_user(&self, id: i64) -> StoreResult<Option<User>> {
        Ok(users::list_users(&mut *self.read().await?, Some(id))
            .await?
            .pop())
    }

    async fn credentials(&self, username: &str) -> StoreResult<Option<Credentials>> {
        let row: Option<(i64, String)> = self
            .read()
            .await?
            .fetch_optional(
                "SELECT id, password_hash FROM users WHERE username = $1 AND disabled_at IS NULL",
                &[username.into()],
            )
            .await?;
        Ok(row.map(|(user_id, password_hash)| Credentials {
            user_id,
            password_hash,
        }))
    }

    async fn create_session(&self, session: &NewSession) -> StoreResult<()> {
        let mut tx = self.write().await?;
        // Expired sessions are swept on every sign-in, so the table never grows without bound.
        tx.execute(
            "DELETE FROM sessions WHERE expires_at < $1",
            &[session.created_at.into()],
        )
        .await?;
        tx.execute(
            "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5)",
            &[
                session.token_hash.as_str().into(),
                session.user_id.into(),
                session.csrf_token.as_str().into(),
                session.created_at.into(),
                session.expires_at.into(),
            ],
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn session_user(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<SessionUser>> {
        self.hot_session_user(token_hash, now).await
    }

    async fn delete_session(&self, token_hash: &str) -> StoreResult<()> {
        let mut tx = self.write().await?;
        tx.execute(
            "DELETE FROM sessions WHERE token_hash = $1",
            &[token_hash.into()],
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn create_api_token(
        &self,
        user_id: i64,
        name: &str,
        token_hash: &str,
    ) -> StoreResult<ApiTokenInfo> {
        let created_at = Utc::now();
        let mut tx = self.write().await?;
        let id: i64 = tx
            .scalar(
                "INSERT INTO api_tokens (user_id, name, token_hash, created_at)
                 VALUES ($1, $2, $3, $4) RETURNING id",
                &[
                    user_id.into(),
                    name.into(),
                    token_hash.into(),
                    created_at.into(),
                ],
            )
            .await?;
        tx.commit().await?;
        Ok(ApiTokenInfo {
            id,
            name: name.to_owned(),
            created_at,
        })
    }

    async fn token_user(&self, token_hash: &str) -> StoreResult<Option<User>> {
        self.hot_token_user(token_hash).await
    }
}
