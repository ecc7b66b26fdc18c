//! Creating and reading statements.

use std::sync::Arc;

use crate::domain::blocks::TextFormat;
use crate::domain::language::LanguageTag;
use crate::domain::policy::{Permission, Target};
use crate::domain::slug::slugify;
use crate::domain::statement::{
    prepare, Limits, PreparedStatement, StatementDetail, StatementInput, StatementSummary,
};
use crate::domain::user::User;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::store::units::FirstChanges;
use crate::store::Store;

use super::guard::require;
use super::memory::MemoryBook;
use super::prefill::memory_drafts;

/// A statement as it arrives from a client, before languages and format are parsed.
pub struct NewStatementRequest {
    pub title: String,
    pub source_lang: String,
    pub target_langs: Vec<String>,
    pub text: String,
    pub format: Option<String>,
    /// Every translator of a target language may take the units no translator was given.
    pub open_to_translators: bool,
}

pub fn parse_format(raw: Option<&str>) -> AppResult<TextFormat> {
    match raw {
        None => Ok(TextFormat::Text),
        Some(f) => f
            .parse()
            .map_err(|_| AppError::new(ErrorCode::InvalidFormat).with("format", f)),
    }
}

/// Creates a statement (editors and admins): segments it and opens one unit per segment and
/// target language. With `prefill`, the paragraphs that memory holds word for word start as
/// drafts of that translation, written in the same transaction.
pub async fn create_statement(
    store: &dyn Store,
    limits: &Limits,
    user: &User,
    request: NewStatementRequest,
    prefill: Option<&Arc<MemoryBook>>,
) -> AppResult<StatementDetail> {
    let prepared = checked(limits, user, request)?;
    let drafts = match prefill {
        Some(memory) => match memory_drafts(memory, store, &prepared, user).await {
            Ok(drafts) => Some(drafts),
            // The statement is still made, only without drafts: a person translates them.
            Err(e) => {
                tracing::warn!(code = e.code.as_str(), "filling drafts from memory failed");
                None
            }
        },
        None => None,
    };
    let first = drafts.as_ref().map(|d| d as &dyn FirstChanges);
    let detail = write(store, user, &prepared, first).await?;
    if let Some(drafts) = drafts.filter(|d| !d.is_empty()) {
        tracing::info!(
            statement = detail.summary.id,
            units = drafts.len(),
            "drafts filled from memory"
        );
    }
    Ok(detail)
}

/// Creates a statement whose units start with the changes `first` decides, in the same
/// transaction.
pub(crate) async fn create_statement_with(
    store: &dyn Store,
    limits: &Limits,
    user: &User,
    request: NewStatementRequest,
    first: &dyn FirstChanges,
) -> AppResult<StatementDetail> {
    let prepared = checked(limits, user, request)?;
    write(store, user, &prepared, Some(first)).await
}

/// The request as a statement ready to store, if the user may create one.
fn checked(
    limits: &Limits,
    user: &User,
    request: NewStatementRequest,
) -> AppResult<PreparedStatement> {
    require(user, Permission::CreateStatement, Target::Instance)?;
    let source_lang = LanguageTag::parse(&request.source_lang)?;
    let target_langs = request
        .target_langs
        .iter()
        .map(|t| LanguageTag::parse(t))
        .collect::<Result<Vec<_>, _>>()?;
    let format = parse_format(request.format.as_deref())?;
    Ok(prepare(
        StatementInput {
            title: request.title,
            source_lang,
            target_langs,
            text: request.text,
            format,
            open_to_translators: request.open_to_translators,
        },
        limits,
    )?)
}

async fn write(
    store: &dyn Store,
    user: &User,
    prepared: &PreparedStatement,
    first: Option<&dyn FirstChanges>,
) -> AppResult<StatementDetail> {
    let slug = slugify(&prepared.title);
    let detail = store
        .create_statement(prepared, &slug, user.id, first)
        .await?;
    tracing::info!(
        statement = detail.summary.id,
        slug = %detail.summary.slug,
        segments = detail.segments.len(),
        by = %user.username,
        "statement created"
    );
    Ok(detail)
}

/// A change of a statement's settings; what is left `None` stays as it is.
#[derive(Debug, Clone, Default)]
pub struct StatementUpdate {
    /// Opens the units that no translator was given to every translator of their language, or
    /// keeps them for the editors.
    pub open_to_translators: Option<bool>,
}

/// Changes a statement's settings (editors and admins) and returns the statement. Deciding who
/// may work on what is assigning work, so it takes the permission to assign; units already
/// assigned keep their translator either way.
pub async fn update_statement(
    store: &dyn Store,
    user: &User,
    id: i64,
    update: StatementUpdate,
) -> AppResult<StatementDetail> {
    let current = get_statement(store, id).await?;
    require(
        user,
        Permission::Assign,
        Target::Language(&current.summary.source_lang),
    )?;
    let Some(open) = update.open_to_translators else {
        return Ok(current);
    };
    let detail = store
        .set_open_to_translators(id, open)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::StatementNotFound).with("id", id))?;
    tracing::info!(statement = id, open, by = %user.username, "open to translators set");
    Ok(detail)
}

pub async fn list_statements(store: &dyn Store) -> AppResult<Vec<StatementSummary>> {
    Ok(store.list_statements().await?)
}

pub async fn get_statement(store: &dyn Store, id: i64) -> AppResult<StatementDetail> {
    store
        .get_statement(id)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::StatementNotFound).with("id", id))
}
