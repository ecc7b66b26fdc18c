//! Correcting and removing remembered pairs by hand (editors).

use chrono::Utc;

use crate::domain::policy::{Permission, Target};
use crate::domain::user::User;
use crate::error::{AppError, AppResult, Why};
use crate::store::memory::{MemoryEntry, NewMemoryEntry};
use crate::store::Store;

use super::effects::Effects;
use super::guard::require;

/// Longest text a corrected pair may hold, as a paragraph may.
const MAX_CHARS: usize = 20_000;

fn not_found(id: i64) -> AppError {
    AppError::not_found("memory_entry").detail("id", id)
}

fn checked(field: &str, text: &str) -> AppResult<String> {
    let text = text.trim();
    if text.is_empty() {
        Err(AppError::invalid_input(field, Why::Empty, "empty"))
    } else if text.chars().count() > MAX_CHARS {
        Err(AppError::invalid_input(
            field,
            Why::TooLong { max: MAX_CHARS },
            format!("longer than {MAX_CHARS} characters"),
        ))
    } else {
        Ok(text.to_owned())
    }
}

/// The stored origin as one of the names a new row takes.
fn origin(stored: &str) -> &'static str {
    match stored {
        "approved" => "approved",
        "aligned" => "aligned",
        _ => "tmx",
    }
}

/// Corrects the pair `id`: a new source (when given) and target. The pair keeps its languages,
/// context and origin, and records who corrected it and when; it answers the pair as stored
/// now (its id changes, see `Store::replace_memory`).
pub async fn update_entry(
    store: &dyn Store,
    effects: &Effects,
    user: &User,
    id: i64,
    source: Option<&str>,
    target: &str,
) -> AppResult<MemoryEntry> {
    require(user, Permission::EditMemory, Target::Instance)?;
    let target = checked("target", target)?;
    let old = store
        .memory_entries(&[id])
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| not_found(id))?;
    let source = match source {
        Some(source) => checked("source", source)?,
        None => old.source.clone(),
    };
    let entry = NewMemoryEntry {
        src_lang: old.src_lang,
        tgt_lang: old.tgt_lang,
        granularity: if old.granularity == "paragraph" {
            "paragraph"
        } else {
            "sentence"
        },
        source,
        target,
        prev_source: old.prev_source,
        next_source: old.next_source,
        origin: origin(&old.origin),
        statement_id: old.statement_id,
        statement_title: old.statement_title,
        approved_by: Some(user.display_name.clone()),
        created_at: Utc::now(),
    };
    let stored = store
        .replace_memory(id, &entry)
        .await?
        .ok_or_else(|| not_found(id))?;
    tracing::info!(id, new_id = stored.id, by = %user.username, "memory pair corrected");
    effects.memory_grew().await;
    Ok(stored)
}

/// Forgets the pair `id`.
pub async fn delete_entry(store: &dyn Store, user: &User, id: i64) -> AppResult<()> {
    require(user, Permission::EditMemory, Target::Instance)?;
    if !store.delete_memory(id).await? {
        return Err(not_found(id));
    }
    tracing::info!(id, by = %user.username, "memory pair removed");
    Ok(())
}
