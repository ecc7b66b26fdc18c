//! Conversions between Tandem's documents and the formats other tools read and write:
//! XLIFF 2.1, TMX 1.4b, Atom, HTML and Markdown. Nothing here touches the store.

pub mod atom;
pub mod html;
pub mod markdown;
pub mod model;
pub mod tmx;
pub mod xliff;
