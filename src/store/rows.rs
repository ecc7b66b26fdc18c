//! Row shapes shared by both backends, and their assembly into domain types.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::types::Json;

use super::error::StoreError;
use super::records::{Language, SessionUser};
use crate::domain::blocks::BlockKind;
use crate::domain::language::LanguageTag;
use crate::domain::role::{LanguageRole, Roles};
use crate::domain::statement::{Segment, StatementSummary};
use crate::domain::unit::{Progress, UnitState};
use crate::domain::user::User;

/// Reads a tag that Tandem itself stored, as written (it keys the rows); a failure means the row
/// was written by something else.
pub(crate) fn stored_tag(raw: &str) -> Result<LanguageTag, StoreError> {
    LanguageTag::from_stored(raw).map_err(|_| StoreError::Corrupt(format!("language tag {raw:?}")))
}

#[derive(sqlx::FromRow)]
pub(crate) struct LanguageRow {
    pub tag: String,
    pub name: String,
    pub native_name: String,
}

impl LanguageRow {
    pub fn into_language(self) -> Result<Language, StoreError> {
        Ok(Language {
            tag: stored_tag(&self.tag)?,
            name: self.name,
            native_name: self.native_name,
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct UserRow {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub is_admin: bool,
    pub is_editor: bool,
    pub ui_lang: Option<String>,
    pub created_at: DateTime<Utc>,
    pub disabled_at: Option<DateTime<Utc>>,
}

#[derive(sqlx::FromRow)]
pub(crate) struct RoleRow {
    pub user_id: i64,
    pub role: String,
    pub lang: String,
}

/// One user's columns with one of their language roles (none when they hold no role): the
/// shape of the one-query lookups of the user behind a token or a session, which run on every
/// authenticated request.
#[derive(sqlx::FromRow)]
pub(crate) struct UserRoleRow {
    #[sqlx(flatten)]
    pub user: UserRow,
    pub role: Option<String>,
    pub lang: Option<String>,
}

/// The same with the session's CSRF token.
#[derive(sqlx::FromRow)]
pub(crate) struct SessionRoleRow {
    #[sqlx(flatten)]
    pub row: UserRoleRow,
    pub csrf_token: String,
}

/// The user behind an API token, one row per role; the same SQL on both databases.
pub(crate) const TOKEN_USER_SQL: &str = "SELECT u.id, u.username, u.display_name, u.is_admin,
    u.is_editor, u.ui_lang, u.created_at, u.disabled_at, r.role, r.lang
    FROM api_tokens t JOIN users u ON u.id = t.user_id LEFT JOIN user_roles r ON r.user_id = u.id
    WHERE t.token_hash = $1 AND u.disabled_at IS NULL ORDER BY r.lang, r.role";

/// The user behind an unexpired session, one row per role, with the session's CSRF token.
pub(crate) const SESSION_USER_SQL: &str = "SELECT u.id, u.username, u.display_name, u.is_admin,
    u.is_editor, u.ui_lang, u.created_at, u.disabled_at, r.role, r.lang, s.csrf_token
    FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN user_roles r ON r.user_id = u.id
    WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.disabled_at IS NULL
    ORDER BY r.lang, r.role";

/// Folds the rows of one user (one per role, as `TOKEN_USER_SQL` gives them) into the user;
/// `None` when there were no rows.
pub(crate) fn user_from_role_rows(rows: Vec<UserRoleRow>) -> Result<Option<User>, StoreError> {
    let mut user = None;
    let mut roles = Vec::new();
    for row in rows {
        if let (Some(role), Some(lang)) = (row.role, row.lang) {
            roles.push(RoleRow {
                user_id: row.user.id,
                role,
                lang,
            });
        }
        user.get_or_insert(row.user);
    }
    let Some(user) = user else {
        return Ok(None);
    };
    Ok(users_with_roles(vec![user], roles)?.pop())
}

/// The user and CSRF token of a session from `SESSION_USER_SQL`'s rows (one per role, each with
/// the same token); `None` when there were no rows.
pub(crate) fn session_from_rows(
    rows: Vec<(UserRoleRow, String)>,
) -> Result<Option<SessionUser>, StoreError> {
    let csrf_token = rows.first().map(|(_, csrf)| csrf.clone());
    let user = user_from_role_rows(rows.into_iter().map(|(row, _)| row).collect())?;
    Ok(user
        .zip(csrf_token)
        .map(|(user, csrf_token)| SessionUser { user, csrf_token }))
}

/// Joins users with their role rows, keeping the users' order.
pub(crate) fn users_with_roles(
    users: Vec<UserRow>,
    roles: Vec<RoleRow>,
) -> Result<Vec<User>, StoreError> {
    let mut by_user: HashMap<i64, Vec<RoleRow>> = HashMap::new();
    for role in roles {
        by_user.entry(role.user_id).or_default().push(role);
    }
    users
        .into_iter()
        .map(|u| {
            let mut roles = Roles {
                admin: u.is_admin,
                editor: u.is_editor,
                languages: Vec::new(),
            };
            for r in by_user.remove(&u.id).unwrap_or_default() {
                let role = LanguageRole::parse(&r.role)
                    .ok_or_else(|| StoreError::Corrupt(format!("role {:?}", r.role)))?;
                roles.grant(role, stored_tag(&r.lang)?);
            }
            Ok(User {
                id: u.id,
                username: u.username,
                display_name: u.display_name,
                roles,
                ui_lang: u.ui_lang,
                created_at: u.created_at,
                disabled: u.disabled_at.is_some(),
            })
        })
        .collect()
}

#[derive(sqlx::FromRow)]
pub(crate) struct StatementRow {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub source_lang: String,
    pub format: String,
    pub revision: i64,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub segment_count: i64,
    pub open_to_translators: bool,
}

#[derive(sqlx::FromRow)]
pub(crate) struct TargetRow {
    pub statement_id: i64,
    pub lang: String,
}

#[derive(sqlx::FromRow)]
pub(crate) struct ProgressRow {
    pub statement_id: i64,
    pub lang: String,
    pub state: String,
    pub n: i64,
}

/// Builds statement summaries with their targets and per-language progress.
pub(crate) fn statement_summaries(
    rows: Vec<StatementRow>,
    targets: Vec<TargetRow>,
    progress: Vec<ProgressRow>,
) -> Result<Vec<StatementSummary>, StoreError> {
    let mut targets_by: HashMap<i64, Vec<LanguageTag>> = HashMap::new();
    for t in targets {
        targets_by
            .entry(t.statement_id)
            .or_default()
            .push(stored_tag(&t.lang)?);
    }
    let mut counts: HashMap<(i64, String), Vec<(UnitState, u32)>> = HashMap::new();
    for p in progress {
        let state = UnitState::parse(&p.state)
            .ok_or_else(|| StoreError::Corrupt(format!("unit state {:?}", p.state)))?;
        let n = u32::try_from(p.n).map_err(|_| StoreError::Corrupt("unit count".into()))?;
        counts
            .entry((p.statement_id, p.lang))
            .or_default()
            .push((state, n));
    }
    rows.into_iter()
        .map(|row| {
            let target_langs = targets_by.remove(&row.id).unwrap_or_default();
            let progress = target_langs
                .iter()
                .map(|lang| {
                    let mut p = Progress::new(lang.clone());
                    for (state, n) in counts
                        .remove(&(row.id, lang.to_string()))
                        .unwrap_or_default()
                    {
                        p.add(state, n);
                    }
                    p
                })
                .collect();
            Ok(StatementSummary {
                id: row.id,
                slug: row.slug,
                title: row.title,
                source_lang: stored_tag(&row.source_lang)?,
                target_langs,
                format: row.format,
                revision: row.revision,
                segment_count: u32::try_from(row.segment_count)
                    .map_err(|_| StoreError::Corrupt("segment count".into()))?,
                created_by: row.created_by,
                created_at: row.created_at,
                updated_at: row.updated_at,
                open_to_translators: row.open_to_translators,
                progress,
            })
        })
        .collect()
}

/// Sentence spans as stored: byte ranges into the segment's source.
pub(crate) type Spans = Json<Vec<(usize, usize)>>;

pub(crate) fn spans(ranges: &[std::ops::Range<usize>]) -> Spans {
    Json(ranges.iter().map(|r| (r.start, r.end)).collect())
}

pub(crate) fn kind_parts(kind: BlockKind) -> (&'static str, Option<i64>) {
    match kind {
        BlockKind::Heading(level) => ("heading", Some(i64::from(level))),
        other => (other.as_str(), None),
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct SegmentRow {
    pub id: i64,
    pub position: i64,
    pub kind: String,
    pub level: Option<i64>,
    pub source: String,
    pub sentences: Spans,
}

impl SegmentRow {
    pub fn into_segment(self) -> Result<Segment, StoreError> {
        let sentences = self
            .sentences
            .0
            .iter()
            .map(|&(start, end)| {
                self.source
                    .get(start..end)
                    .map(str::to_owned)
                    .ok_or_else(|| {
                        StoreError::Corrupt(format!(
                            "sentence span {start}..{end} of segment {}",
                            self.id
                        ))
                    })
            })
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Segment {
            id: self.id,
            position: u32::try_from(self.position)
                .map_err(|_| StoreError::Corrupt("segment position".into()))?,
            kind: self.kind,
            level: self.level.and_then(|l| u8::try_from(l).ok()),
            source: self.source,
            sentences,
        })
    }
}
