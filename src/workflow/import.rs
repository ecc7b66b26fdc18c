//! Bringing a language back from an outside tool: an XLIFF file applied to a statement's units.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::domain::language::LanguageTag;
use crate::domain::origin::{RevisionNote, Via};
use crate::domain::policy::{may, refusal, Actor, Permission};
use crate::domain::statement::Limits;
use crate::domain::unit::UnitState;
use crate::domain::unit_change::{Step, UnitChange};
use crate::domain::user::User;
use crate::error::{AppError, AppResult, ErrorCode, Why};
use crate::formats::xliff::{read_for_import, ImportedUnit, XliffError};
use crate::store::units::{UnitRecord, UnitWrite};
use crate::store::{Store, StoreError};

use super::effects::Effects;
use super::unit_write::unit_write;
use super::units::{self, invalid_transition};

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

/// Applies an uploaded file to a language of a statement; open views reload once it is in.
pub async fn import_xliff(
    store: &dyn Store,
    limits: &Limits,
    effects: &Effects,
    user: &User,
    statement_id: i64,
    upload: Upload<'_>,
) -> AppResult<ImportReport> {
    let file = read_for_import(upload.bytes, upload.max_bytes)
        .map_err(|e| xliff_error(e, upload.max_bytes))?;
    let statement = store
        .get_statement(statement_id)
        .await?
        .ok_or_else(|| AppError::new(ErrorCode::StatementNotFound).with("id", statement_id))?;
    let lang = target_lang(upload.lang, file.target_lang.as_deref())?;
    if !statement.summary.target_langs.contains(&lang) {
        return Err(AppError::not_found("language").detail("lang", lang.to_string()));
    }
    let import = Import {
        limits,
        user,
        file_name: upload.file_name,
        at: Utc::now(),
    };
    for attempt in 1..=ATTEMPTS {
        let records = store.unit_records(statement_id, &lang).await?;
        let by_segment: HashMap<i64, &UnitRecord> =
            records.iter().map(|r| (r.view.segment_id, r)).collect();
        let mut report = ImportReport {
            lang: lang.to_string(),
            ..ImportReport::default()
        };
        let mut changes = Vec::new();
        for imported in &file.units {
            let record = imported
                .id
                .strip_prefix('s')
                .and_then(|id| id.parse::<i64>().ok())
                .and_then(|segment_id| by_segment.get(&segment_id).copied());
            match import.unit(imported, record)? {
                Fate::Skipped(reason) => report.skipped.push(Skipped {
                    unit: imported.id.clone(),
                    reason,
                }),
                Fate::Conflict(conflict) => report.conflicts.push(conflict),
                Fate::Applied(applied, writes) => {
                    report.applied.push(applied);
                    changes.extend(writes);
                }
            }
        }
        if !changes.is_empty() {
            match store.apply_unit_changes(&changes).await {
                Ok(_) => {
                    tracing::info!(statement = statement_id, lang = %lang, applied = report.applied.len(),
                        conflicts = report.conflicts.len(), by = %user.username,
                        file = upload.file_name, "xliff imported");
                }
                Err(StoreError::VersionConflict) if attempt < ATTEMPTS => continue,
                Err(e) => return Err(e.into()),
            }
        }
        effects.statement_changed(statement_id);
        return Ok(report);
    }
    Err(AppError::new(ErrorCode::Unavailable))
}

/// The language the file is applied to: the one asked for, the file's, and they must agree.
fn target_lang(asked: Option<&str>, in_file: Option<&str>) -> AppResult<LanguageTag> {
    match (asked, in_file) {
        (Some(asked), Some(in_file)) => {
            let (asked, in_file) = (LanguageTag::parse(asked)?, LanguageTag::parse(in_file)?);
            if asked != in_file {
                return Err(AppError::invalid_input(
                    "lang",
                    Why::LanguageMismatch {
                        found: in_file.to_string(),
                        asked: asked.to_string(),
                    },
                    format!("the file is in {in_file}, not {asked}"),
                ));
            }
            Ok(asked)
        }
        (Some(one), None) | (None, Some(one)) => Ok(LanguageTag::parse(one)?),
        (None, None) => Err(AppError::invalid_input(
            "lang",
            Why::LangRequired,
            "the file names no target language; pass ?lang=",
        )),
    }
}

/// One import under way: who brings which file.
struct Import<'a> {
    limits: &'a Limits,
    user: &'a User,
    file_name: &'a str,
    at: DateTime<Utc>,
}

/// What becomes of one unit of the file.
enum Fate {
    /// `unchanged`, `no_target`, `unknown_unit`, `forbidden` or `not_assigned`.
    Skipped(&'static str),
    Conflict(Conflict),
    /// Saved (and submitted, when the file says it is done and the user may).
    Applied(Applied, Vec<UnitWrite>),
}

impl Import<'_> {
    fn unit(&self, imported: &ImportedUnit, record: Option<&UnitRecord>) -> AppResult<Fate> {
        let Some(record) = record else {
            return Ok(Fate::Skipped("unknown_unit"));
        };
        let Some(target) = imported.target.clone().filter(|t| !t.trim().is_empty()) else {
            return Ok(Fate::Skipped("no_target"));
        };
        let me = Actor::of(self.user);
        // Four-eyes bears on approvals only; an import saves and submits.
        let unit_target = units::target(record, false);
        if let Some(why) = refusal(Some(me), Permission::Save, unit_target) {
            // As the API answers a single save: the role, or an assignment, said no.
            return Ok(Fate::Skipped(if why.reason().is_some() {
                "not_assigned"
            } else {
                "forbidden"
            }));
        }
        let unit = &record.view;
        let conflict = |reason| {
            Fate::Conflict(Conflict {
                segment_id: unit.segment_id,
                reason,
                file_text: target.clone(),
                current_text: unit.text.clone(),
                current_version: unit.version,
            })
        };
        if imported.source != unit.source {
            return Ok(conflict("source_changed"));
        }
        if target == unit.text {
            return Ok(Fate::Skipped("unchanged"));
        }
        if imported.version.is_some_and(|v| v != unit.version) {
            return Ok(conflict("changed_in_tandem"));
        }
        if target.chars().count() > self.limits.max_translation_chars {
            return Err(AppError::new(ErrorCode::SegmentTooLong)
                .with("limit", self.limits.max_translation_chars));
        }
        let wants_submit = matches!(
            imported.state.as_deref(),
            Some("translated" | "reviewed" | "final" | "signed-off")
        ) && may(Some(me), Permission::Submit, unit_target);
        let note = RevisionNote {
            via: Some(Via::Import),
            file: Some(self.file_name.to_owned()),
            ..Default::default()
        };
        let by = self.user.id;
        let step = Step::Save {
            text: target,
            author: Some(by),
        };
        let save = UnitChange::new(&record.before(), step, by, self.at)
            .map_err(invalid_transition)?
            .noted(note.clone());
        let mut last = save.unit_after();
        let mut writes = vec![unit_write(save, Vec::new())];
        if wants_submit {
            let submit = UnitChange::new(&last, Step::Submit, by, self.at)
                .map_err(invalid_transition)?
                .noted(note);
            last = submit.unit_after();
            writes.push(unit_write(submit, Vec::new()));
        }
        let applied = Applied {
            segment_id: unit.segment_id,
            state: last.state,
            version: last.version,
        };
        Ok(Fate::Applied(applied, writes))
    }
}
