//! The glossary: adding terms one by one or from TBX and CSV files, listing and exporting them.

use chrono::Utc;

use crate::domain::glossary::{Term, TermStatus};
use crate::domain::language::{language_and_script, LanguageTag};
use crate::domain::policy::{Permission, Target};
use crate::domain::user::User;
use crate::error::{AppError, AppResult, ErrorCode, Why};
use crate::formats::glossary::{read_csv, read_tbx, TermRecord};
use crate::formats::FileError;
use crate::store::glossary::NewTerm;
use crate::store::Store;

/// Terms and translations longer than this are not terms.
const MAX_TERM_CHARS: usize = 300;

fn require_editor(user: &User) -> AppResult<()> {
    super::guard::require(user, Permission::EditGlossary, Target::Instance)
}

/// Checks one record and turns it into a row, with its languages keyed as the memory keys them.
fn checked(record: TermRecord, user: &User) -> AppResult<NewTerm> {
    let src = LanguageTag::parse(&record.src_lang)?;
    let tgt = LanguageTag::parse(&record.tgt_lang)?;
    let term = record.term.trim().to_owned();
    let mut translation = record.translation.trim().to_owned();
    if term.is_empty() {
        return Err(AppError::invalid_input("term", Why::Empty, "empty"));
    }
    // A term that stays untranslated is its own translation.
    if record.status == TermStatus::DoNotTranslate && translation.is_empty() {
        translation = term.clone();
    }
    if translation.is_empty() {
        return Err(AppError::invalid_input("translation", Why::Empty, "empty"));
    }
    if term.chars().count() > MAX_TERM_CHARS || translation.chars().count() > MAX_TERM_CHARS {
        return Err(AppError::invalid_input(
            "term",
            Why::TooLong {
                max: MAX_TERM_CHARS,
            },
            format!("longer than {MAX_TERM_CHARS} characters"),
        ));
    }
    Ok(NewTerm {
        src_lang: language_and_script(src.as_str()),
        tgt_lang: language_and_script(tgt.as_str()),
        term,
        translation,
        status: record.status,
        note: record.note.trim().to_owned(),
        created_by: Some(user.id),
        created_at: Utc::now(),
    })
}

pub async fn add_term(store: &dyn Store, user: &User, record: TermRecord) -> AppResult<Term> {
    require_editor(user)?;
    let row = checked(record, user)?;
    store.add_terms(std::slice::from_ref(&row)).await?;
    store
        .glossary(Some(&row.src_lang), Some(&row.tgt_lang))
        .await?
        .into_iter()
        .find(|t| t.term == row.term && t.translation == row.translation)
        .ok_or_else(|| AppError::internal("a term vanished after it was written"))
}

fn file_error(e: FileError) -> AppError {
    AppError::new(ErrorCode::InvalidFile)
        .with("rule", e.rule)
        .with("detail", e.detail)
}

/// Imports a whole file in one transaction; a bad row refuses the whole file.
pub async fn import(
    store: &dyn Store,
    user: &User,
    format: &str,
    bytes: &[u8],
    max_bytes: usize,
) -> AppResult<u64> {
    require_editor(user)?;
    let records = match format {
        "csv" => read_csv(bytes).map_err(file_error)?,
        "tbx" => read_tbx(bytes, max_bytes).map_err(file_error)?,
        other => {
            return Err(AppError::invalid_input(
                "format",
                Why::OneOf("tbx, csv"),
                format!("{other:?} is neither tbx nor csv"),
            ))
        }
    };
    let rows = records
        .into_iter()
        .map(|r| checked(r, user))
        .collect::<AppResult<Vec<_>>>()?;
    let written = store.add_terms(&rows).await?;
    tracing::info!(terms = rows.len(), by = %user.username, format, "glossary imported");
    Ok(written)
}

pub async fn list(store: &dyn Store, src: Option<&str>, tgt: Option<&str>) -> AppResult<Vec<Term>> {
    let src = src
        .map(|s| LanguageTag::parse(s).map(|t| language_and_script(t.as_str())))
        .transpose()?;
    let tgt = tgt
        .map(|s| LanguageTag::parse(s).map(|t| language_and_script(t.as_str())))
        .transpose()?;
    Ok(store.glossary(src.as_deref(), tgt.as_deref()).await?)
}

pub async fn delete(store: &dyn Store, user: &User, id: i64) -> AppResult<()> {
    require_editor(user)?;
    if store.delete_term(id).await? {
        Ok(())
    } else {
        Err(AppError::not_found("term").detail("id", id))
    }
}
