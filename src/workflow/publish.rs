//! Publishing immutable, numbered versions of a statement.

use crate::domain::language::LanguageTag;
use crate::domain::policy::{Permission, Target};
use crate::domain::user::User;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::store::units::{Publication, PublicationSummary};
use crate::store::Store;

use super::guard::require;

/// Publishes `langs` (all target languages when empty); 422 `not_approved` names every unit
/// that blocks, and nothing is published then.
pub async fn publish(
    store: &dyn Store,
    user: &User,
    statement_id: i64,
    langs: &[String],
) -> AppResult<Publication> {
    let statement = store
        .get_statement(statement_id)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::StatementNotFound).with("id", statement_id))?;
    require(user, Permission::Publish, Target::Statement)?;
    let mut chosen: Vec<LanguageTag> = Vec::new();
    for raw in langs {
        let lang = LanguageTag::parse(raw)?;
        if !statement.summary.target_langs.contains(&lang) {
            return Err(AppError::not_found("language").detail("lang", lang.to_string()));
        }
        if !chosen.contains(&lang) {
            chosen.push(lang);
        }
    }
    if chosen.is_empty() {
        chosen = statement.summary.target_langs.clone();
    }
    match store.publish(statement_id, &chosen, user.id).await? {
        Ok(publication) => {
            tracing::info!(statement = statement_id, number = publication.number, sha256 = %publication.sha256,
                by = %user.username, "published");
            Ok(publication)
        }
        Err(blockers) => Err(AppError::new(ErrorCode::NotApproved)
            .with("count", blockers.len())
            .detail("units", serde_json::to_value(&blockers).unwrap_or_default())),
    }
}

pub async fn list(store: &dyn Store, statement_id: i64) -> AppResult<Vec<PublicationSummary>> {
    if store.get_statement(statement_id).await?.is_none() {
        return Err(AppError::new(ErrorCode::StatementNotFound).with("id", statement_id));
    }
    Ok(store.list_publications(statement_id).await?)
}

pub async fn get(store: &dyn Store, slug: &str, number: i64) -> AppResult<Publication> {
    store.get_publication(slug, number).await?.ok_or_else(|| {
        AppError::not_found("publication")
            .detail("slug", slug)
            .detail("version", number)
    })
}
