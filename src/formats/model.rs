//! The neutral document every export format is written from and every import is read into.

use std::ops::Range;

use chrono::{DateTime, Utc};

use crate::domain::language::LanguageTag;
use crate::domain::unit::UnitState;

/// A statement in one or more languages, aligned by segment: a publication or a working state.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportDoc {
    pub statement_id: i64,
    pub slug: String,
    pub title: String,
    pub source_lang: LanguageTag,
    /// The source revision the document shows.
    pub revision: i64,
    /// The publication number, when the document is a publication (then every target is final).
    pub publication: Option<i64>,
    /// When the publication was made, or when the working state was exported.
    pub date: DateTime<Utc>,
    /// Target languages in the document, in order.
    pub langs: Vec<LanguageTag>,
    pub segments: Vec<ExportSegment>,
}

/// One segment (paragraph-like block) with its translations.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportSegment {
    pub segment_id: i64,
    /// Place in the statement: 0 for the headline, then 1, 2, ...
    pub position: u32,
    /// `headline`, `paragraph`, `heading`, `quote` or `list_item`.
    pub kind: String,
    pub level: Option<u8>,
    pub source: String,
    /// Byte ranges of the source's sentences (ascending, trimmed, covering every non-space character).
    pub source_sentences: Vec<Range<usize>>,
    /// One entry per language of `ExportDoc::langs` that has a unit here, in the same order.
    pub targets: Vec<ExportTarget>,
}

/// A unit's text in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportTarget {
    pub lang: LanguageTag,
    /// Empty for an untranslated unit.
    pub text: String,
    /// Byte ranges of the target's sentences, by the target language's rules.
    pub sentences: Vec<Range<usize>>,
    pub state: UnitState,
    /// The unit's version, so an import can tell whether it changed in Tandem since the export.
    pub version: i64,
    /// Reviewer comments and discussion, oldest first, as `author: text`.
    pub notes: Vec<String>,
}
