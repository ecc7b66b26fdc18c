//! Translation-memory rows: what is stored per pair of texts, and the SQL both databases share.

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

/// Generates the memory functions for one sqlx connection type.
macro_rules! memory_queries {
    // `$strpos` is the database's substring-position function: `instr` or `strpos`.
    ($conn:ty, $db:ty, $strpos:literal) => {
        use $crate::store::memory::{
            MemoryEntry, MemorySource, NewMemoryEntry, INSERT_MEMORY_HEAD, INSERT_MEMORY_TAIL, MEMORY_BATCH,
            MEMORY_COLUMNS,
        };

        pub(crate) async fn insert(conn: &mut $conn, entries: &[NewMemoryEntry]) -> $crate::store::StoreResult<u64> {
            // Many rows a statement: a TMX or aligned import brings thousands at once. A pair
            // twice in one statement would be refused by PostgreSQL, so the last one stands.
            let mut unique: Vec<(&NewMemoryEntry, String)> = Vec::with_capacity(entries.len());
            let mut seen = std::collections::HashMap::new();
            for e in entries {
                let hash = e.pair_hash();
                match seen.get(&hash) {
                    Some(&at) => unique[at] = (e, hash),
                    None => {
                        seen.insert(hash.clone(), unique.len());
                        unique.push((e, hash));
                    }
                }
            }
            let mut written = 0;
            for batch in unique.chunks(MEMORY_BATCH) {
                let mut query = sqlx::QueryBuilder::<$db>::new(INSERT_MEMORY_HEAD);
                query.push_values(batch, |mut row, (e, hash)| {
                    row.push_bind(e.src_lang.as_str())
                        .push_bind(e.tgt_lang.as_str())
                        .push_bind(e.granularity)
                        .push_bind(e.source.as_str())
                        .push_bind(e.target.as_str())
                        .push_bind($crate::store::memory::fold(&e.source))
                        .push_bind($crate::store::memory::fold(&e.target))
                        .push_bind(e.prev_source.as_deref())
                        .push_bind(e.next_source.as_deref())
                        .push_bind(e.origin)
                        .push_bind(e.statement_id)
                        .push_bind(e.statement_title.as_deref())
                        .push_bind(e.approved_by.as_deref())
                        .push_bind(e.created_at)
                        .push_bind(hash.as_str());
                });
                query.push(INSERT_MEMORY_TAIL);
                written += query.build().execute(&mut *conn).await?.rows_affected();
            }
            Ok(written)
        }

        pub(crate) async fn sources_after(conn: &mut $conn, after: i64, limit: i64) -> $crate::store::StoreResult<Vec<MemorySource>> {
            Ok(sqlx::query_as(
                "SELECT id, src_lang, tgt_lang, source FROM memory_units WHERE id > $1 ORDER BY id LIMIT $2",
            )
            .bind(after)
            .bind(limit)
            .fetch_all(&mut *conn)
            .await?)
        }

        #[allow(dead_code)] // SQLite answers this read through `direct_reads`.
        pub(crate) async fn entries(conn: &mut $conn, ids: &[i64]) -> $crate::store::StoreResult<Vec<MemoryEntry>> {
            if ids.is_empty() {
                return Ok(Vec::new());
            }
            // One round trip for all the suggestions of a lookup.
            let mut query = sqlx::QueryBuilder::<$db>::new(format!("SELECT {MEMORY_COLUMNS} FROM memory_units WHERE id IN ("));
            let mut list = query.separated(", ");
            for id in ids {
                list.push_bind(*id);
            }
            query.push(")");
            Ok(query.build_query_as::<MemoryEntry>().fetch_all(&mut *conn).await?)
        }

        pub(crate) async fn search(conn: &mut $conn, src: &str, tgt: &str, folded: &str, limit: i64) -> $crate::store::StoreResult<Vec<MemoryEntry>> {
            // A plain substring test on the folded copies: LIKE would treat `%` and `_` in the
            // query as wildcards.
            let sql = format!(
                "SELECT {MEMORY_COLUMNS} FROM memory_units WHERE src_lang = $1 AND tgt_lang = $2
                 AND ({f}(source_folded, $3) > 0 OR {f}(target_folded, $3) > 0) ORDER BY id DESC LIMIT $4",
                f = $strpos
            );
            Ok(sqlx::query_as(&sql).bind(src).bind(tgt).bind(folded).bind(limit).fetch_all(&mut *conn).await?)
        }

        pub(crate) async fn page(conn: &mut $conn, after: i64, limit: i64) -> $crate::store::StoreResult<Vec<MemoryEntry>> {
            let sql = format!("SELECT {MEMORY_COLUMNS} FROM memory_units WHERE id > $1 ORDER BY id LIMIT $2");
            Ok(sqlx::query_as(&sql).bind(after).bind(limit).fetch_all(&mut *conn).await?)
        }
    };
}
pub(crate) use memory_queries;

/// Implements `MemoryStore` for a backend over the functions `memory_queries!` generated in its
/// `memory` module.
macro_rules! memory_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::store::MemoryStore for $store {
            async fn add_memory(
                &self,
                entries: &[$crate::store::memory::NewMemoryEntry],
            ) -> $crate::store::StoreResult<u64> {
                let mut tx = self.write().await?;
                let written = memory::insert(&mut tx, entries).await?;
                tx.commit().await?;
                Ok(written)
            }

            async fn memory_sources_after(
                &self,
                after: i64,
                limit: i64,
            ) -> $crate::store::StoreResult<Vec<$crate::store::memory::MemorySource>> {
                let mut conn = self.read().await?;
                memory::sources_after(&mut conn, after, limit).await
            }

            async fn memory_entries(
                &self,
                ids: &[i64],
            ) -> $crate::store::StoreResult<Vec<$crate::store::memory::MemoryEntry>> {
                self.hot_memory_entries(ids).await
            }

            async fn memory_search(
                &self,
                src: &str,
                tgt: &str,
                query: &str,
                limit: i64,
            ) -> $crate::store::StoreResult<Vec<$crate::store::memory::MemoryEntry>> {
                let mut conn = self.read().await?;
                memory::search(
                    &mut conn,
                    src,
                    tgt,
                    &$crate::store::memory::fold(query),
                    limit,
                )
                .await
            }

            async fn memory_page(
                &self,
                after: i64,
                limit: i64,
            ) -> $crate::store::StoreResult<Vec<$crate::store::memory::MemoryEntry>> {
                let mut conn = self.read().await?;
                memory::page(&mut conn, after, limit).await
            }
        }
    };
}
pub(crate) use memory_store;

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
