//! Conversions between Tandem's documents and the formats other tools read and write:
//! XLIFF 2.1, TMX 1.4b, Atom, HTML and Markdown. Nothing here touches the store.

pub mod atom;
pub mod audit_csv;
pub mod glossary;
pub mod html;
pub mod markdown;
pub mod model;
pub mod tmx;
pub mod tmx_memory;
pub mod xliff;
pub mod xml;

/// Why a glossary or memory file was refused: the rule it breaks and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError {
    pub rule: &'static str,
    pub detail: String,
}

impl From<xml::XmlError> for FileError {
    fn from(e: xml::XmlError) -> Self {
        // The XML layer's rule names are about XML itself.
        Self {
            rule: e.code,
            detail: e.message,
        }
    }
}
