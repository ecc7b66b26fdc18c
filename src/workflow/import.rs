//! Bringing a language back from an outside tool: an XLIFF file applied to a statement's units.

use chrono::Utc;
use serde::Serialize;

use crate::domain::language::LanguageTag;
use crate::domain::origin::{RevisionNote, Via};
use crate::domain::policy::{may, refusal, Actor, Permission};
use crate::domain::statement::Limits;
use crate::domain::unit::{UnitAction, UnitState};
use crate::domain::user::User;
use crate::error::{AppError, AppResult, ErrorCode};
use crate::formats::xliff::{read_for_import, XliffError};
use crate::store::units::{Approval, UnitChange};
use crate::store::{Store, StoreError};

use super::units;

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Applied {
    pub segment_id: i64,
    pub state: UnitState,
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Skipped {
    /// The unit id in the file.
    pub unit: String,
    /// `unchanged`, `no_target`, `unknown_unit`, `forbidden` (no role for the language) or
    /// `not_assigned` (the unit is not theirs: see `not_assigned` errors).
    pub reason: &'static str,
}

#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Conflict {
    pub segment_id: i64,
    /// `source_changed` (the file was made from another source) or `changed_in_tandem`
    /// (the unit moved on since the export).
    pub reason: &'static str,
    pub file_text: String,
    pub current_text: String,
    pub current_version: i64,
}

#[derive(Debug, Clone, Default, Serialize, utoipa::ToSchema)]
pub struct ImportReport {
    #[schema(value_type = String)]
    pub lang: String,
    pub applied: Vec<Applied>,
    pub skipped: Vec<Skipped>,
    pub conflicts: Vec<Conflict>,
}

/// The XLIFF reader's refusal as an API error: too large is 413, anything else 400 naming the rule.
pub fn xliff_error(err: XliffError, limit: usize) -> AppError {
    if err.code == "xml_too_large" {
        return AppError::new(ErrorCode::PayloadTooLarge).with("limit", limit);
    }
    AppError::new(ErrorCode::InvalidXliff)
        .with("rule", err.code)
        .detail("message", err.message)
        .detail("path", err.path)
}

/// Another writer moved a unit while the import was being prepared: try again from a fresh read.
const ATTEMPTS: usize = 3;

/// An uploaded file and what the uploader said about it.
pub struct Upload<'a> {
    /// `?lang=`; the file's `trgLang` when `None`.
    pub lang: Option<&'a str>,
    /// Named in each revision the import writes.
    pub file_name: &'a str,
    pub bytes: &'a [u8],
    pub max_bytes: usize,
}

pub async fn import_xliff(
    store: &dyn Store,
    limits: &Limits,
    user: &User,
    statement_id: i64,
    upload: Upload<'_>,
) -> AppResult<ImportReport> {
    let Upload {
        lang,
        file_name,
        bytes,
        max_bytes,
    } = upload;
    let file = read_for_import(bytes, max_bytes).map_err(|e| xliff_error(e, max_bytes))?;
    let statement = store
        .get_statement(statement_id)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::StatementNotFound).with("id", statement_id))?;
    let lang = match (lang, file.target_lang.as_deref()) {
        (Some(asked), Some(in_file)) => {
            let (asked, in_file) = (LanguageTag::parse(asked)?, LanguageTag::parse(in_file)?);
            if asked != in_file {
                return Err(AppError::new(ErrorCode::InvalidInput)
                    .with("field", "lang")
                    .with("reason", format!("the file is in {in_file}, not {asked}")));
            }
            asked
        }
        (Some(one), None) | (None, Some(one)) => LanguageTag::parse(one)?,
        (None, None) => {
            return Err(AppError::new(ErrorCode::InvalidInput)
                .with("field", "lang")
                .with("reason", "the file names no target language; pass ?lang="))
        }
    };
    if !statement.summary.target_langs.contains(&lang) {
        return Err(AppError::not_found("language").detail("lang", lang.to_string()));
    }
    let me = Actor::of(user);
    for attempt in 1..=ATTEMPTS {
        let records = store.unit_records(statement_id, &lang).await?;
        let by_segment: std::collections::HashMap<i64, _> =
            records.iter().map(|r| (r.view.segment_id, r)).collect();
        let mut report = ImportReport {
            lang: lang.to_string(),
            ..ImportReport::default()
        };
        let mut changes = Vec::new();
        let now = Utc::now();
        for imported in &file.units {
            let unit = imported
                .id
                .strip_prefix('s')
                .and_then(|id| id.parse::<i64>().ok())
                .and_then(|segment_id| by_segment.get(&segment_id).copied());
            let Some(record) = unit else {
                report.skipped.push(Skipped {
                    unit: imported.id.clone(),
                    reason: "unknown_unit",
                });
                continue;
            };
            let Some(target) = imported.target.clone().filter(|t| !t.trim().is_empty()) else {
                report.skipped.push(Skipped {
                    unit: imported.id.clone(),
                    reason: "no_target",
                });
                continue;
            };
            let unit = &record.view;
            // Four-eyes bears on approvals only; an import saves and submits.
            let unit_target = units::target(record, false);
            if let Some(why) = refusal(Some(me), Permission::Save, unit_target) {
                report.skipped.push(Skipped {
                    unit: imported.id.clone(),
                    // As the API answers a single save: the role, or an assignment, said no.
                    reason: if why.reason().is_some() {
                        "not_assigned"
                    } else {
                        "forbidden"
                    },
                });
                continue;
            }
            let conflict = |reason| Conflict {
                segment_id: unit.segment_id,
                reason,
                file_text: target.clone(),
                current_text: unit.text.clone(),
                current_version: unit.version,
            };
            if imported.source != unit.source {
                report.conflicts.push(conflict("source_changed"));
                continue;
            }
            if target == unit.text {
                report.skipped.push(Skipped {
                    unit: imported.id.clone(),
                    reason: "unchanged",
                });
                continue;
            }
            if imported.version.is_some_and(|v| v != unit.version) {
                report.conflicts.push(conflict("changed_in_tandem"));
                continue;
            }
            if target.chars().count() > limits.max_translation_chars {
                return Err(AppError::new(ErrorCode::SegmentTooLong)
                    .with("limit", limits.max_translation_chars));
            }
            let wants_submit = matches!(
                imported.state.as_deref(),
                Some("translated" | "reviewed" | "final" | "signed-off")
            ) && may(Some(me), Permission::Submit, unit_target);
            let save = UnitChange {
                unit_id: unit.unit_id,
                base_version: unit.version,
                action: UnitAction::Save,
                from_state: unit.state,
                to_state: UnitState::Draft,
                text: target.clone(),
                text_author: Some(user.id),
                reason: None,
                approval: Approval::Keep,
                author: user.id,
                comment: None,
                note: RevisionNote {
                    via: Some(Via::Import),
                    file: Some(file_name.to_owned()),
                    ..Default::default()
                },
                at: now,
                memory: Vec::new(),
            };
            let mut state = UnitState::Draft;
            let mut version = unit.version + 1;
            changes.push(save.clone());
            if wants_submit {
                changes.push(UnitChange {
                    base_version: version,
                    action: UnitAction::Submit,
                    from_state: UnitState::Draft,
                    to_state: UnitState::Translated,
                    ..save
                });
                state = UnitState::Translated;
                version += 1;
            }
            report.applied.push(Applied {
                segment_id: unit.segment_id,
                state,
                version,
            });
        }
        if changes.is_empty() {
            return Ok(report);
        }
        match store.apply_unit_changes(&changes).await {
            Ok(_) => {
                tracing::info!(statement = statement_id, lang = %lang, applied = report.applied.len(),
                    conflicts = report.conflicts.len(), by = %user.username, file = file_name, "xliff imported");
                return Ok(report);
            }
            Err(StoreError::VersionConflict) if attempt < ATTEMPTS => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(AppError::new(ErrorCode::Unavailable))
}
