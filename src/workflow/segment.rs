//! Segmentation previews, shared by the API and the command line so both answer alike.

use crate::domain::language::LanguageTag;
use crate::domain::segmenting::Segmentation;
use crate::domain::statement::{segment_checked, Limits};
use crate::error::AppResult;

use super::statements::parse_format;

pub fn segment_preview(
    lang: &str,
    text: &str,
    format: Option<&str>,
    limits: &Limits,
) -> AppResult<Segmentation> {
    let lang = LanguageTag::parse(lang)?;
    let format = parse_format(format)?;
    let segments = segment_checked(&lang, text, format, limits)?;
    Ok(Segmentation::new(lang, format, &segments))
}
