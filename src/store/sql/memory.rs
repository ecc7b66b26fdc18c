//! The translation memory's rows: remembering pairs, reading them for the index, concordance
//! and export, and `MemoryStore` over them.

use std::collections::HashMap;

use async_trait::async_trait;

use super::{Conn, Param, SqlBackend};
use crate::store::memory::{
    fold, MemoryEntry, MemorySource, NewMemoryEntry, INSERT_MEMORY_HEAD, INSERT_MEMORY_TAIL,
    MEMORY_BATCH, MEMORY_COLUMNS,
};
use crate::store::{MemoryStore, StoreResult};

/// `$first, $first+1, ...` for `count` parameters: placeholders of a statement built to size.
fn placeholders(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Remembers `entries`; a pair already there only has its provenance refreshed.
pub(crate) async fn insert(conn: &mut impl Conn, entries: &[NewMemoryEntry]) -> StoreResult<u64> {
    // A pair twice in one statement would be refused by PostgreSQL, so the last one stands.
    let mut unique: Vec<(&NewMemoryEntry, String, String, String)> =
        Vec::with_capacity(entries.len());
    let mut seen = HashMap::new();
    for e in entries {
        let row = (e, e.pair_hash(), fold(&e.source), fold(&e.target));
        match seen.get(&row.1) {
            Some(&at) => unique[at] = row,
            None => {
                seen.insert(row.1.clone(), unique.len());
                unique.push(row);
            }
        }
    }
    let mut written = 0;
    // Many rows a statement: a TMX or aligned import brings thousands at once.
    for batch in unique.chunks(MEMORY_BATCH) {
        let mut values = Vec::with_capacity(batch.len());
        let mut params: Vec<Param<'_>> = Vec::with_capacity(batch.len() * 15);
        for (e, hash, source_folded, target_folded) in batch {
            values.push(format!("({})", placeholders(params.len() + 1, 15)));
            let row: [Param<'_>; 15] = [
                e.src_lang.as_str().into(),
                e.tgt_lang.as_str().into(),
                e.granularity.into(),
                e.source.as_str().into(),
                e.target.as_str().into(),
                source_folded.as_str().into(),
                target_folded.as_str().into(),
                e.prev_source.as_deref().into(),
                e.next_source.as_deref().into(),
                e.origin.into(),
                e.statement_id.into(),
                e.statement_title.as_deref().into(),
                e.approved_by.as_deref().into(),
                e.created_at.into(),
                hash.as_str().into(),
            ];
            params.extend(row);
        }
        let sql = format!(
            "{INSERT_MEMORY_HEAD} VALUES {}{INSERT_MEMORY_TAIL}",
            values.join(", ")
        );
        written += conn.execute(&sql, &params).await?;
    }
    Ok(written)
}

pub(crate) async fn sources_after(
    conn: &mut impl Conn,
    after: i64,
    limit: i64,
) -> StoreResult<Vec<MemorySource>> {
    conn.fetch_all(
        "SELECT id, src_lang, tgt_lang, source FROM memory_units WHERE id > $1 ORDER BY id LIMIT $2",
        &[after.into(), limit.into()],
    )
    .await
}

/// The remembered pairs with these ids, in no particular order: one round trip for all the
/// suggestions of a lookup.
pub(crate) async fn entries(conn: &mut impl Conn, ids: &[i64]) -> StoreResult<Vec<MemoryEntry>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT {MEMORY_COLUMNS} FROM memory_units WHERE id IN ({})",
        placeholders(1, ids.len())
    );
    let params: Vec<Param<'_>> = ids.iter().map(|&id| id.into()).collect();
    conn.fetch_all(&sql, &params).await
}

/// Pairs of `src` into `tgt` whose source or target contains `folded` (already case-folded),
/// newest first.
pub(crate) async fn search<C: Conn>(
    conn: &mut C,
    src: &str,
    tgt: &str,
    folded: &str,
    limit: i64,
) -> StoreResult<Vec<MemoryEntry>> {
    // A plain substring test on the folded copies: LIKE would treat `%` and `_` in the query as
    // wildcards.
    let sql = format!(
        "SELECT {MEMORY_COLUMNS} FROM memory_units WHERE src_lang = $1 AND tgt_lang = $2
         AND ({f}(source_folded, $3) > 0 OR {f}(target_folded, $3) > 0) ORDER BY id DESC LIMIT $4",
        f = C::SUBSTRING_POSITION
    );
    let params = [src.into(), tgt.into(), folded.into(), limit.into()];
    conn.fetch_all(&sql, &params).await
}

/// Whole rows after `after` by id.
pub(crate) async fn page(
    conn: &mut impl Conn,
    after: i64,
    limit: i64,
) -> StoreResult<Vec<MemoryEntry>> {
    let sql =
        format!("SELECT {MEMORY_COLUMNS} FROM memory_units WHERE id > $1 ORDER BY id LIMIT $2");
    conn.fetch_all(&sql, &[after.into(), limit.into()]).await
}

#[async_trait]
impl<S: SqlBackend> MemoryStore for S {
    async fn add_memory(&self, entries: &[NewMemoryEntry]) -> StoreResult<u64> {
        let mut tx = self.write().await?;
        let written = insert(&mut *tx, entries).await?;
        tx.commit().await?;
        Ok(written)
    }

    async fn memory_sources_after(&self, after: i64, limit: i64) -> StoreResult<Vec<MemorySource>> {
        sources_after(&mut *self.read().await?, after, limit).await
    }

    async fn memory_entries(&self, ids: &[i64]) -> StoreResult<Vec<MemoryEntry>> {
        self.hot_memory_entries(ids).await
    }

    async fn memory_search(
        &self,
        src: &str,
        tgt: &str,
        query: &str,
        limit: i64,
    ) -> StoreResult<Vec<MemoryEntry>> {
        search(&mut *self.read().await?, src, tgt, &fold(query), limit).await
    }

    async fn memory_page(&self, after: i64, limit: i64) -> StoreResult<Vec<MemoryEntry>> {
        page(&mut *self.read().await?, after, limit).await
    }

    async fn replace_memory(
        &self,
        id: i64,
        entry: &NewMemoryEntry,
    ) -> StoreResult<Option<MemoryEntry>> {
        let mut tx = self.write().await?;
        let gone = tx
            .execute("DELETE FROM memory_units WHERE id = $1", &[id.into()])
            .await?;
        if gone == 0 {
            return Ok(None);
        }
        insert(&mut *tx, std::slice::from_ref(entry)).await?;
        let hash = entry.pair_hash();
        let sql = format!("SELECT {MEMORY_COLUMNS} FROM memory_units WHERE pair_hash = $1");
        let row = tx.fetch_optional(&sql, &[hash.as_str().into()]).await?;
        tx.commit().await?;
        Ok(row)
    }

    async fn delete_memory(&self, id: i64) -> StoreResult<bool> {
        let mut tx = self.write().await?;
        let gone = tx
            .execute("DELETE FROM memory_units WHERE id = $1", &[id.into()])
            .await?;
        tx.commit().await?;
        Ok(gone > 0)
    }
}
