//! Publishing immutable, numbered versions of a statement.

use chrono::Utc;

use crate::domain::language::LanguageTag;
use crate::domain::policy::{Permission, Target};
use crate::domain::publication::{
    assemble, audit_entry, content_hash, next_number, Blocker, Candidate,
};
use crate::domain::statement::StatementDetail;
use crate::domain::user::User;
use crate::domain::webhook::EventType;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::store::units::{NewPublication, Publication, PublicationSummary};
use crate::store::{Store, StoreError};

use super::guard::require;

/// Another publication or a unit change got in between reading and writing: publishing is
/// tried again from a fresh read, a few times.
const ATTEMPTS: usize = 3;

/// Publishes `langs` (all target languages when empty); 422 `not_approved` names every unit
/// that blocks, and nothing is published then.
pub async fn publish(
    store: &dyn Store,
    user: &User,
    statement_id: i64,
    langs: &[String],
) -> AppResult<Publication> {
    let mut statement = store
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
    for attempt in 1..=ATTEMPTS {
        let publication = match assembled(store, &statement, &chosen, user).await? {
            Ok(publication) => publication,
            Err(blockers) => {
                return Err(AppError::new(ErrorCode::NotApproved)
                    .with("count", blockers.len())
                    .detail("units", serde_json::to_value(&blockers).unwrap_or_default()))
            }
        };
        match store.publish(&publication).await {
            Ok(publication) => {
                tracing::info!(statement = statement_id, number = publication.number, sha256 = %publication.sha256,
                    by = %user.username, "published");
                return Ok(publication);
            }
            Err(
                StoreError::Conflict("publication")
                | StoreError::VersionConflict
                | StoreError::RevisionConflict,
            ) if attempt < ATTEMPTS => {
                statement = store.get_statement(statement_id).await?.ok_or_else(|| {
                    AppError::new(ErrorCode::StatementNotFound).with("id", statement_id)
                })?;
            }
            Err(e) => return Err(e.into()),
        }
    }
    Err(AppError::new(ErrorCode::Unavailable))
}

/// The next publication of `statement` in `langs` as its units are now, numbered after the
/// last one, or the units that block it.
async fn assembled(
    store: &dyn Store,
    statement: &StatementDetail,
    langs: &[LanguageTag],
    user: &User,
) -> AppResult<Result<NewPublication, Vec<Blocker>>> {
    let s = &statement.summary;
    let mut candidates = Vec::new();
    let mut read_versions = Vec::with_capacity(langs.len());
    for lang in langs {
        let units = store.unit_records(s.id, lang).await?;
        read_versions.push((lang.clone(), units.iter().map(|u| u.view.version).sum()));
        candidates.extend(units.into_iter().map(|unit| Candidate {
            segment_id: unit.view.segment_id,
            lang: unit.view.lang,
            state: unit.view.state,
            reason: unit.view.reason,
            approval: unit.approval,
        }));
    }
    let content = match assemble(
        &s.title,
        &s.source_lang,
        s.revision,
        &statement.all_segments().cloned().collect::<Vec<_>>(),
        langs,
        &candidates,
    ) {
        Ok(content) => content,
        Err(blockers) => return Ok(Err(blockers)),
    };
    let last = store
        .list_publications(s.id)
        .await?
        .last()
        .map(|p| p.number);
    let number = next_number(last);
    let sha256 = content_hash(&content);
    let at = Utc::now();
    Ok(Ok(NewPublication {
        statement_id: s.id,
        number,
        audit: audit_entry(s.id, &s.slug, number, &content, &sha256, user.id, at),
        events: vec![EventType::StatementPublished],
        read_versions,
        content,
        sha256,
        author: user.id,
        at,
    }))
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
