//! The memory index: stored texts, their records, posting lists and exact-text table.
//!
//! Searching it is in `lookup.rs`, loading many texts at once in `bulk.rs`.

use std::collections::HashMap;
use std::hash::Hasher;

use serde::{Deserialize, Serialize};

use super::classes::class_of;
use super::hashing::{FastBuild, FastHasher};
use super::postings::Postings;
use super::record::{self, Tokens};
use super::score::weight;
use super::tokens::{tokenize, TokenKind};
use super::vocabulary::{map_bytes, Vocabulary};

/// The least score a match must have when the caller does not say.
pub const DEFAULT_MIN_SCORE: u8 = 50;

/// One match found for a query.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Match {
    /// The id the source was inserted with.
    pub id: u32,
    /// The rounded score, 0 to 100.
    pub score: u8,
    /// The precise score that ranks matches (see `score_fine`).
    pub fine: f64,
}

/// Allocated bytes of each part of the index.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct MemoryUsage {
    /// The stored texts.
    pub texts: usize,
    /// Every text's record: where its text lies and its token ids.
    pub records: usize,
    /// Posting lists by key and length class.
    pub postings: usize,
    /// One slot per id up to the largest.
    pub slots: usize,
    /// Key-sequence hash to ids.
    pub exact: usize,
    /// Distinct surfaces and keys.
    pub vocabulary: usize,
}

/// No id: the end of a chain of texts with the same exact key, or an empty slot.
const NONE: u32 = u32::MAX;

/// What the index keeps of one id in its slot; the rest is in the text's record (`record.rs`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Doc {
    /// Where the record starts in the sequence arena, or `NONE` for an empty slot.
    pub record: u32,
    /// The next text with the same exact key, or `NONE`.
    pub dup_next: u32,
    /// The text's weight: the cost of inserting all its tokens.
    pub weight: u32,
    /// Number of word tokens, at most `u16::MAX` (fewer only weakens a bound).
    pub words: u16,
    pub class: u8,
}

impl Doc {
    const EMPTY: Doc = Doc {
        record: NONE,
        dup_next: NONE,
        weight: 0,
        words: 0,
        class: 0,
    };
}

/// An in-memory translation-memory index over source texts, keyed by caller-given ids.
///
/// Ids should be dense (the index keeps a 16-byte slot for every id up to the largest) and below
/// `u32::MAX`; inserting them in ascending order is the fastest. Removing a text frees its slot
/// and its postings at once (a few milliseconds for texts full of frequent words); the arenas of
/// texts and records are compacted when half of them has become garbage. The records of all
/// texts together are limited to 4 GiB (about eighty million sentences): past that, `insert`
/// leaves the id empty.
#[derive(Debug, Default)]
pub struct MemoryIndex {
    pub(crate) vocabulary: Vocabulary,
    pub(crate) postings: Postings,
    pub(crate) docs: Vec<Doc>,
    /// Every stored text, back to back.
    pub(crate) texts: String,
    /// Every text's record, back to back.
    pub(crate) records: Vec<u8>,
    /// 32 bits of the hash of a text's key sequence → the first of the texts with those bits.
    exact: HashMap<u32, u32, FastBuild>,
    live: usize,
    dead_text: usize,
    dead_records: usize,
}

impl MemoryIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of stored texts.
    pub fn len(&self) -> usize {
        self.live
    }

    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// Whether a text is stored under `id`.
    pub fn contains(&self, id: u32) -> bool {
        self.doc(id).is_some()
    }

    /// The text stored under `id`, as it was inserted.
    pub fn get(&self, id: u32) -> Option<&str> {
        self.doc(id).map(|doc| self.text(doc))
    }

    pub(crate) fn doc(&self, id: u32) -> Option<&Doc> {
        self.docs.get(id as usize).filter(|doc| doc.record != NONE)
    }

    pub(crate) fn text(&self, doc: &Doc) -> &str {
        let header = record::header(&self.records, doc.record as usize);
        let start = header.text_start as usize;
        self.texts
            .get(start..start.saturating_add(header.text_len as usize))
            .unwrap_or_default()
    }

    /// The stored tokens of a text.
    pub(crate) fn tokens(&self, doc: &Doc) -> Tokens<'_> {
        let header = record::header(&self.records, doc.record as usize);
        Tokens::new(&self.records, header.tokens)
    }

    /// Store `source` under `id`, replacing what was there.
    pub fn insert(&mut self, id: u32, source: &str) {
        let mut keys = Vec::new();
        if let Some(class) = self.store(id, source, &mut keys) {
            let docs = &self.docs;
            let class_of_id = |other: u32| docs.get(other as usize).map_or(0, |d| d.class);
            for &key in &keys {
                self.postings.add(key, class, id, class_of_id);
            }
        }
    }

    /// Everything `insert` does but the posting lists: returns the text's length class, with
    /// its distinct word and number keys in `keys`, or `None` if it could not be stored.
    pub(crate) fn store(&mut self, id: u32, source: &str, keys: &mut Vec<u32>) -> Option<u8> {
        self.remove(id);
        keys.clear();
        if id == NONE {
            return None;
        }
        if self.records.len() > u32::MAX as usize / 2 && self.dead_records > 0 {
            self.compact_arenas();
        }
        let record_start = u32::try_from(self.records.len()).ok()?;
        let tokens = tokenize(source);
        let mut stored = Vec::with_capacity(tokens.len());
        let (mut weight_sum, mut words) = (0u32, 0u16);
        let mut exact = FastHasher::default();
        for token in &tokens {
            let token_stored = self.vocabulary.intern(token);
            stored.push(token_stored);
            exact.write_u32(token_stored.key);
            weight_sum = weight_sum.saturating_add(weight(token.kind));
            match token.kind {
                TokenKind::Word => {
                    words = words.saturating_add(1);
                    keys.push(token_stored.key);
                }
                TokenKind::Number => keys.push(token_stored.key),
                TokenKind::Punct => {}
            }
        }
        let text_start = self.texts.len() as u64;
        self.texts.push_str(source);
        record::encode(&mut self.records, text_start, source.len() as u64, &stored);
        let class = class_of(weight_sum);
        keys.sort_unstable();
        keys.dedup();
        let dup_next = self.exact.insert(short(exact.finish()), id).unwrap_or(NONE);
        let slot = id as usize;
        if slot >= self.docs.len() {
            self.docs.resize(slot + 1, Doc::EMPTY);
        }
        self.docs[slot] = Doc {
            record: record_start,
            dup_next,
            weight: weight_sum,
            words,
            class,
        };
        self.live += 1;
        Some(class)
    }

    /// Forget the text stored under `id`, if any.
    pub fn remove(&mut self, id: u32) {
        let Some(&doc) = self.doc(id) else {
            return;
        };
        let header = record::header(&self.records, doc.record as usize);
        let mut keys: Vec<u32> = Vec::new();
        let mut exact = FastHasher::default();
        for token in self.tokens(&doc) {
            exact.write_u32(token.key);
            if self.vocabulary.kind_of_key(token.key) != TokenKind::Punct {
                keys.push(token.key);
            }
        }
        keys.sort_unstable();
        keys.dedup();
        for &key in &keys {
            self.postings.remove(key, doc.class, id);
        }
        self.unlink_exact(short(exact.finish()), id, doc.dup_next);
        self.docs[id as usize] = Doc::EMPTY;
        self.live -= 1;
        self.dead_text += header.text_len as usize;
        self.dead_records += header.tokens.end - doc.record as usize;
        if self.dead_text > self.texts.len() / 2 && self.dead_text > 1 << 20 {
            self.compact_arenas();
        }
    }

    /// Take `id` out of its chain of texts with the same exact key.
    fn unlink_exact(&mut self, hash: u32, id: u32, next: u32) {
        let Some(&head) = self.exact.get(&hash) else {
            return;
        };
        if head == id {
            if next == NONE {
                self.exact.remove(&hash);
            } else {
                self.exact.insert(hash, next);
            }
            return;
        }
        let mut at = head;
        while let Some(doc) = self.docs.get(at as usize) {
            if doc.dup_next == id {
                self.docs[at as usize].dup_next = next;
                return;
            }
            if doc.dup_next == NONE {
                return;
            }
            at = doc.dup_next;
        }
    }

    /// The ids stored with the same 32 bits of key-sequence hash as `hash`.
    pub(crate) fn exact_chain(&self, hash: u64) -> impl Iterator<Item = u32> + '_ {
        let mut at = self.exact.get(&short(hash)).copied().unwrap_or(NONE);
        std::iter::from_fn(move || {
            if at == NONE {
                return None;
            }
            let id = at;
            at = self.docs.get(id as usize).map_or(NONE, |doc| doc.dup_next);
            Some(id)
        })
    }

    /// Rewrite the text and record arenas without the parts of removed texts.
    fn compact_arenas(&mut self) {
        let mut texts = String::with_capacity(self.texts.len().saturating_sub(self.dead_text));
        let mut records = Vec::with_capacity(self.records.len().saturating_sub(self.dead_records));
        let mut stored = Vec::new();
        for slot in 0..self.docs.len() {
            let doc = self.docs[slot];
            if doc.record == NONE {
                continue;
            }
            let Ok(record_start) = u32::try_from(records.len()) else {
                break;
            };
            let text_start = texts.len() as u64;
            let text = self.text(&doc);
            texts.push_str(text);
            stored.clear();
            stored.extend(self.tokens(&doc));
            record::encode(&mut records, text_start, text.len() as u64, &stored);
            self.docs[slot].record = record_start;
        }
        self.texts = texts;
        self.records = records;
        self.dead_text = 0;
        self.dead_records = 0;
    }

    /// Release spare capacity, e.g. after loading the whole memory; also drops garbage.
    pub fn shrink_to_fit(&mut self) {
        if self.dead_text > 0 || self.dead_records > 0 {
            self.compact_arenas();
        }
        self.texts.shrink_to_fit();
        self.records.shrink_to_fit();
        self.docs.shrink_to_fit();
        self.exact.shrink_to_fit();
        self.postings.shrink_to_fit();
        self.vocabulary.shrink_to_fit();
    }

    /// An estimate of the memory the index uses besides the stored texts: records, posting
    /// lists, slots, the exact-text table and the vocabulary.
    pub fn heap_bytes(&self) -> usize {
        let usage = self.memory_usage();
        usage.records + usage.postings + usage.slots + usage.exact + usage.vocabulary
    }

    /// The memory taken by the stored texts themselves (their arena's allocation).
    pub fn text_bytes(&self) -> usize {
        self.texts.capacity()
    }

    /// Allocated bytes by part, estimated from capacities.
    pub fn memory_usage(&self) -> MemoryUsage {
        MemoryUsage {
            texts: self.texts.capacity(),
            records: self.records.capacity(),
            postings: self.postings.heap_bytes(),
            slots: self.docs.capacity() * std::mem::size_of::<Doc>(),
            exact: map_bytes(&self.exact),
            vocabulary: self.vocabulary.heap_bytes(),
        }
    }

    /// Number of (word or number, text) pairs in the posting lists.
    pub fn posting_count(&self) -> usize {
        self.postings.total()
    }

    /// Number of distinct token keys seen.
    pub fn vocabulary_len(&self) -> usize {
        self.vocabulary.key_count()
    }
}

/// The bits of a 64-bit hash that the exact-text table keys on.
fn short(hash: u64) -> u32 {
    (hash >> 32) as u32
}
