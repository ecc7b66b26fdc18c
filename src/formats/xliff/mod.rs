//! XLIFF: safe reading, XLIFF 2.x validation, import of 2.x and 1.2 files, and XLIFF 2.1 and 1.2 writing.

mod import;
mod inline;
mod inline_codes;
mod join;
mod modules;
mod rules;
mod shared_checks;
mod validate;
mod values;
mod write;
mod write12;

use crate::domain::language::LanguageTag;
use crate::formats::model::ExportDoc;
use crate::formats::xml;

/// The XLIFF 2.0 core namespace (also used by 2.1 documents).
pub const XLIFF2_NS: &str = "urn:oasis:names:tc:xliff:document:2.0";
/// The XLIFF 1.2 namespace.
pub const XLIFF12_NS: &str = "urn:oasis:names:tc:xliff:document:1.2";
/// Tandem's extension namespace (unit versions).
pub const TANDEM_NS: &str = "urn:tandem:xliff:1";

/// Why an XLIFF document was refused (the error of the XML reader it is read with).
pub type XliffError = crate::formats::xml::XmlError;

/// Fully validates an XLIFF 2.0/2.1 document (core and the modules the OASIS suite exercises).
pub fn validate(bytes: &[u8], max_bytes: usize) -> Result<(), XliffError> {
    let root = xml::parse(bytes, max_bytes)?;
    validate::validate_tree(&root)
}

/// What an import needs from one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedUnit {
    pub id: String,
    pub source: String,
    pub target: Option<String>,
    pub state: Option<String>,
    pub version: Option<i64>,
    /// The unit's notes (reviewers' comments), as the file has them.
    pub notes: Vec<String>,
}

/// What an import needs from a file (XLIFF 2.x or 1.2): one entry per unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedFile {
    /// `"2.1"`, `"2.0"` or `"1.2"`.
    pub version: String,
    pub source_lang: String,
    pub target_lang: Option<String>,
    pub units: Vec<ImportedUnit>,
}

/// Reads a file for import: XLIFF 2.x is fully validated first, XLIFF 1.2 is read leniently.
pub fn read_for_import(bytes: &[u8], max_bytes: usize) -> Result<ImportedFile, XliffError> {
    let root = xml::parse(bytes, max_bytes)?;
    import::read(&root)
}

/// Writes one target language of `doc` as a bilingual XLIFF 2.1 document.
pub fn write(
    doc: &ExportDoc,
    lang: &LanguageTag,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    write::write_doc(doc, lang, out)
}

/// Writes one target language of `doc` as a bilingual XLIFF 1.2 document (for OmegaT,
/// translate-toolkit and other tools that read no XLIFF 2).
pub fn write_12(
    doc: &ExportDoc,
    lang: &LanguageTag,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    write12::write_doc(doc, lang, out)
}
