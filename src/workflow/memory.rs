//! The translation memory in use: in-memory indexes per language pair kept in step with the
//! database, lookups with provenance and context, concordance, TMX in and out.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};

use serde::Serialize;

use crate::domain::diff::{word_diff, DiffPart};
use crate::domain::language::language_and_script as pair_lang;
use crate::domain::memory::MemoryIndex;
use crate::error::{AppError, AppResult, ErrorCode, Why};
use crate::store::memory::{MemoryEntry, MemorySource};
use crate::store::Store;

use super::memory_cache::LookupCache;

/// Rows read per round trip while loading or catching up.
const BATCH: i64 = 20_000;
/// Ids can commit out of order on PostgreSQL (a transaction that took a lower id may commit
/// later), so each refresh looks this far back below the highest id it has seen.
const LOOK_BACK: i64 = 2_000;

/// One suggestion for a text, best first.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct Suggestion {
    /// 0 to 100 on word tokens; 101 when the neighbouring paragraphs match too.
    pub score: u8,
    pub source: String,
    pub target: String,
    /// From the remembered source to the text looked up.
    pub source_diff: Vec<DiffPart>,
    pub origin: MemoryEntry,
}

/// Every pair's index, the ids already indexed, and how far the database has been read.
#[derive(Default)]
pub struct MemoryBook {
    indexes: RwLock<HashMap<(String, String), MemoryIndex>>,
    seen: Mutex<Vec<u64>>,
    high: AtomicI64,
    loaded: AtomicBool,
    /// One refresh at a time; others wait for it rather than read the same rows again.
    refreshing: tokio::sync::Mutex<()>,
    /// Moves on whenever rows are indexed, so cached lookups know they are out of date.
    generation: AtomicU64,
    lookups: LookupCache,
}

impl MemoryBook {
    /// Whether the first full load has finished (lookups before that see what is loaded so far).
    pub fn loaded(&self) -> bool {
        self.loaded.load(Ordering::Acquire)
    }

    /// How many rows the indexes hold.
    pub fn len(&self) -> usize {
        self.read_indexes().values().map(MemoryIndex::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Bytes the indexes take on the heap (for the operations metrics).
    pub fn heap_bytes(&self) -> usize {
        self.read_indexes()
            .values()
            .map(MemoryIndex::heap_bytes)
            .sum()
    }

    fn read_indexes(
        &self,
    ) -> std::sync::RwLockReadGuard<'_, HashMap<(String, String), MemoryIndex>> {
        self.indexes.read().unwrap_or_else(|p| p.into_inner())
    }

    /// Marks `id` as indexed; false when it already was.
    fn first_sight(&self, id: u32) -> bool {
        let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        let (word, bit) = (id as usize / 64, id % 64);
        if seen.len() <= word {
            seen.resize(word + 1, 0);
        }
        let fresh = seen[word] & (1 << bit) == 0;
        seen[word] |= 1 << bit;
        fresh
    }

    fn index(&self, rows: Vec<MemorySource>) {
        let fresh: Vec<(u32, MemorySource)> = rows
            .into_iter()
            .filter_map(|row| {
                let id = u32::try_from(row.id).ok()?;
                self.first_sight(id).then_some((id, row))
            })
            .collect();
        // Small slices under the write lock, so lookups keep being served during a big load.
        for slice in fresh.chunks(1_000) {
            let mut by_pair: HashMap<(String, String), Vec<(u32, &str)>> = HashMap::new();
            for (id, row) in slice {
                by_pair
                    .entry((pair_lang(&row.src_lang), pair_lang(&row.tgt_lang)))
                    .or_default()
                    .push((*id, row.source.as_str()));
            }
            let mut indexes = self.indexes.write().unwrap_or_else(|p| p.into_inner());
            for (pair, rows) in by_pair {
                indexes.entry(pair).or_default().extend(rows);
            }
            // Under the write lock, after the rows: a lookup that reads the old generation
            // cannot have seen these rows, so its answer is never kept past this point.
            self.generation.fetch_add(1, Ordering::AcqRel);
        }
    }

    /// Reads rows the indexes do not hold yet. Run at start-up (in the background, so serving is
    /// not held up) and then every half second, which also brings in what other instances
    /// sharing the database remembered.
    pub async fn refresh(self: &Arc<Self>, store: &dyn Store) -> AppResult<usize> {
        let _one = self.refreshing.lock().await;
        let mut after = (self.high.load(Ordering::Acquire) - LOOK_BACK).max(0);
        let mut read = 0;
        loop {
            let rows = store.memory_sources_after(after, BATCH).await?;
            let count = rows.len();
            if let Some(last) = rows.last() {
                after = last.id;
                self.high.fetch_max(last.id, Ordering::AcqRel);
            }
            read += count;
            // Tokenising and indexing a batch is CPU work: keep it off the async workers.
            let book = Arc::clone(self);
            tokio::task::spawn_blocking(move || book.index(rows))
                .await
                .map_err(|e| AppError::internal(format!("memory indexing stopped: {e}")))?;
            if (count as i64) < BATCH {
                break;
            }
        }
        self.loaded.store(true, Ordering::Release);
        Ok(read)
    }

    /// The best remembered pairs for `text` from `src` into `tgt`.
    pub async fn lookup(
        &self,
        store: &dyn Store,
        src: &str,
        tgt: &str,
        text: &str,
        context: Option<(Option<&str>, Option<&str>)>,
        limit: usize,
    ) -> AppResult<Vec<Suggestion>> {
        let pair = (pair_lang(src), pair_lang(tgt));
        let limit = limit.clamp(1, 50);
        // Read before the lookup: rows indexed meanwhile make this answer one not to keep.
        let generation = self.generation.load(Ordering::Acquire);
        let cache_key = (pair.0.clone(), pair.1.clone(), text.to_owned(), limit);
        let matches = match self.lookups.get(&cache_key, generation) {
            Some(matches) => matches,
            None => {
                let matches = {
                    let indexes = self.read_indexes();
                    match indexes.get(&pair) {
                        Some(index) => index.lookup(text, limit),
                        None => Vec::new(),
                    }
                };
                self.lookups.put(cache_key, generation, matches.clone());
                matches
            }
        };
        let ids: Vec<i64> = matches.iter().map(|m| i64::from(m.id)).collect();
        let entries = store.memory_entries(&ids).await?;
        let mut suggestions: Vec<Suggestion> = matches
            .iter()
            .filter_map(|m| {
                let entry = entries.iter().find(|e| e.id == i64::from(m.id))?.clone();
                let in_context = m.score == 100
                    && context.is_some_and(|(prev, next)| {
                        entry.prev_source.as_deref() == prev && entry.next_source.as_deref() == next
                    });
                Some(Suggestion {
                    score: if in_context { 101 } else { m.score },
                    source: entry.source.clone(),
                    target: entry.target.clone(),
                    source_diff: word_diff(&entry.source, text),
                    origin: entry,
                })
            })
            .collect();
        // A context match outranks a plain exact one; otherwise the index's order stands.
        suggestions.sort_by_key(|s| std::cmp::Reverse(s.score));
        Ok(suggestions)
    }
}

/// Concordance: remembered pairs containing `query` in their source or target, case-folded.
pub async fn search(
    store: &dyn Store,
    src: &str,
    tgt: &str,
    query: &str,
    limit: i64,
) -> AppResult<Vec<MemoryEntry>> {
    let query = query.trim();
    if query.is_empty() {
        return Err(AppError::invalid_input("q", Why::Empty, "empty"));
    }
    Ok(store
        .memory_search(&pair_lang(src), &pair_lang(tgt), query, limit.clamp(1, 200))
        .await?)
}

/// What a TMX import did.
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct TmxImport {
    /// Translation units read.
    pub units: usize,
    /// Pairs remembered (a unit in three languages gives six: every ordered pair).
    pub pairs: u64,
}

/// Imports a TMX file into the memory (editors), all or nothing; the pairs are searchable here
/// once it returns.
pub async fn import_tmx(
    store: &dyn Store,
    effects: &super::effects::Effects,
    user: &crate::domain::user::User,
    bytes: &[u8],
    max_bytes: usize,
) -> AppResult<TmxImport> {
    use crate::domain::policy::{Permission, Target};
    super::guard::require(user, Permission::ImportMemory, Target::Instance)?;
    let units = crate::formats::tmx_memory::read_tmx(bytes, max_bytes).map_err(|e| {
        AppError::new(ErrorCode::InvalidFile)
            .with("rule", e.rule)
            .with("detail", e.detail)
    })?;
    let now = chrono::Utc::now();
    let mut entries = Vec::new();
    for unit in &units {
        let variants: Vec<(String, &str)> = unit
            .variants
            .iter()
            .filter_map(|(lang, text)| {
                crate::domain::language::LanguageTag::parse(lang)
                    .ok()
                    .map(|tag| (pair_lang(tag.as_str()), text.as_str()))
            })
            .collect();
        for (src_lang, source) in &variants {
            for (tgt_lang, target) in variants.iter().filter(|(l, _)| l != src_lang) {
                entries.push(crate::store::memory::NewMemoryEntry {
                    src_lang: src_lang.clone(),
                    tgt_lang: tgt_lang.clone(),
                    granularity: "sentence",
                    source: (*source).to_owned(),
                    target: (*target).to_owned(),
                    prev_source: None,
                    next_source: None,
                    origin: "tmx",
                    statement_id: None,
                    statement_title: None,
                    approved_by: Some(user.display_name.clone()),
                    created_at: now,
                });
            }
        }
    }
    let pairs = store.add_memory(&entries).await?;
    tracing::info!(units = units.len(), pairs, by = %user.username, "memory imported from TMX");
    effects.memory_grew().await;
    Ok(TmxImport {
        units: units.len(),
        pairs,
    })
}

/// Writes the whole memory as TMX 1.4b, reading it page by page (run on a blocking thread).
pub fn write_tmx(
    store: std::sync::Arc<dyn Store>,
    handle: tokio::runtime::Handle,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    use crate::formats::tmx_memory::{write_footer, write_header, write_pair, TmxPair};
    write_header(out)?;
    let mut after = 0;
    loop {
        let page = handle
            .block_on(store.memory_page(after, 5_000))
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        for e in &page {
            write_pair(
                out,
                &TmxPair {
                    src_lang: &e.src_lang,
                    tgt_lang: &e.tgt_lang,
                    source: &e.source,
                    target: &e.target,
                    origin: &e.origin,
                    statement: e.statement_title.as_deref(),
                    approved_by: e.approved_by.as_deref(),
                    date: e.created_at.format("%Y%m%dT%H%M%SZ").to_string(),
                },
            )?;
        }
        match page.last() {
            Some(last) if page.len() == 5_000 => after = last.id,
            _ => break,
        }
    }
    write_footer(out)
}
