//! Translation-memory rows: what is stored per pair of texts, and the SQL both databases share
//! (run by `sql::memory`).

use chrono::{DateTime, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// A pair of texts to remember.
#[derive(Debug, Clone, PartialEq)]
pub struct NewMemoryEntry {
    pub src_lang: String,
    pub tgt_lang: String,
    /// `paragraph` or `sentence`.
    pub granularity: &'static str,
    pub source: String,
    pub target: String,
    pub prev_source: Option<String>,
    pub next_source: Option<String>,
    /// `approved`, `tmx` or `aligned`.
    pub origin: &'static str,
    pub statement_id: Option<i64>,
    pub statement_title: Option<String>,
    pub approved_by: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl NewMemoryEntry {
    /// Identifies the pair with its context, so remembering it again only refreshes provenance.
    pub(crate) fn pair_hash(&self) -> String {
        let mut hash = Sha256::new();
        for part in [
            self.src_lang.as_str(),
            self.tgt_lang.as_str(),
            self.granularity,
            self.source.as_str(),
            self.target.as_str(),
            self.prev_source.as_deref().unwrap_or(""),
            self.next_source.as_deref().unwrap_or(""),
        ] {
            hash.update(part.as_bytes());
            hash.update([0u8]);
        }
        format!("{:x}", hash.finalize())
    }
}

/// A remembered pair with where it came from.
#[derive(Debug, Clone, PartialEq, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct MemoryEntry {
    pub id: i64,
    pub src_lang: String,
    pub tgt_lang: String,
    pub granularity: String,
    pub source: String,
    pub target: String,
    pub prev_source: Option<String>,
    pub next_source: Option<String>,
    pub origin: String,
    pub statement_id: Option<i64>,
    pub statement_title: Option<String>,
    pub approved_by: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// What the in-memory index needs of a row.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MemorySource {
    pub id: i64,
    pub src_lang: String,
    pub tgt_lang: String,
    pub source: String,
}

/// Case folding shared by storage and search, so `Երևան` finds `ԵՐԵՎԱՆ` and `Москва` finds `МОСКВА`.
/// The ligature `և` is written `ԵՎ` in capitals (and `եւ` in the classical spelling), so all three
/// fold to `եվ`.
pub fn fold(text: &str) -> String {
    text.to_lowercase().replace('և', "եվ").replace("եւ", "եվ")
}

/// Rows per INSERT: 15 values each stays far below SQLite's limit of 32,766 parameters.
pub(crate) const MEMORY_BATCH: usize = 500;

pub(crate) const INSERT_MEMORY_HEAD: &str = "INSERT INTO memory_units
    (src_lang, tgt_lang, granularity, source, target, source_folded, target_folded, prev_source, next_source,
     origin, statement_id, statement_title, approved_by, created_at, pair_hash) ";

pub(crate) const INSERT_MEMORY_TAIL: &str =
    " ON CONFLICT (pair_hash) DO UPDATE SET origin = excluded.origin,
    statement_id = excluded.statement_id, statement_title = excluded.statement_title,
    approved_by = excluded.approved_by, created_at = excluded.created_at";

pub(crate) const MEMORY_COLUMNS: &str =
    "id, src_lang, tgt_lang, granularity, source, target, prev_source, \
    next_source, origin, statement_id, statement_title, approved_by, created_at";

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(target: &str) -> NewMemoryEntry {
        NewMemoryEntry {
            src_lang: "en".into(),
            tgt_lang: "hy".into(),
            granularity: "sentence",
            source: "The meeting is on Monday.".into(),
            target: target.into(),
            prev_source: None,
            next_source: None,
            origin: "approved",
            statement_id: None,
            statement_title: None,
            approved_by: None,
            created_at: Utc::now(),
        }
    }

    #[test]
    fn a_pair_is_identified_by_its_texts_and_context_not_its_provenance() {
        let a = entry("Հանդիպումը երկուշաբթի է։");
        let mut b = a.clone();
        b.approved_by = Some("Hasmik".into());
        assert_eq!(a.pair_hash(), b.pair_hash());
        assert_ne!(a.pair_hash(), entry("Հանդիպումը երեքշաբթի է։").pair_hash());
        let mut c = a.clone();
        c.next_source = Some("Everyone is welcome.".into());
        assert_ne!(a.pair_hash(), c.pair_hash());
    }

    #[test]
    fn folding_covers_armenian_and_cyrillic() {
        assert_eq!(fold("ԵՐԵՎԱՆ"), fold("Երևան"));
        assert_eq!(fold("Երեւան"), fold("Երևան"));
        assert_eq!(fold("МОСКВА"), "москва");
    }
}
