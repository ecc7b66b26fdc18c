//! Interned token texts: a dense `u32` id for every distinct surface and key.
//!
//! Stored texts become sequences of small numbers and token equality an integer comparison.

use std::collections::HashMap;

use super::hashing::{hash_str, FastBuild};
use super::score::Sym;
use super::tokens::{Token, TokenKind};

/// Distinct strings, stored once in an arena, found again by their hash.
#[derive(Debug, Default)]
pub(crate) struct Interner {
    arena: String,
    ends: Vec<u64>,
    /// 32 bits of the hash → the first string with them.
    by_hash: HashMap<u32, u32, FastBuild>,
    /// Strings whose hash bits were already taken by another string, so that the interner stays
    /// exact however the hashes fall.
    collided: HashMap<Box<str>, u32, FastBuild>,
    /// The strings interned last, by hash, where the frequent ones stay: a lookup that hits here
    /// reads one small, hot table instead of the large one and the arena's offsets.
    recent: Vec<Recent>,
}

/// An entry of the interner's cache of recent strings.
#[derive(Debug, Clone, Copy, Default)]
struct Recent {
    hash: u64,
    start: u64,
    len: u32,
    id: u32,
}

/// Entries in the cache of recent strings: a power of two, small enough for the fast caches.
const RECENT: usize = 16_384;

fn short_hash(text: &str) -> u32 {
    (hash_str(text) >> 32) as u32
}

impl Interner {
    pub fn get(&self, text: &str) -> Option<u32> {
        let id = *self.by_hash.get(&short_hash(text))?;
        if self.text(id) == text {
            Some(id)
        } else {
            self.collided.get(text).copied()
        }
    }

    /// The id of `text` and whether it is new.
    pub fn intern(&mut self, text: &str) -> (u32, bool) {
        let full = hash_str(text);
        if self.recent.is_empty() {
            self.recent = vec![Recent::default(); RECENT];
        }
        let slot = full as usize & (RECENT - 1);
        let recent = self.recent[slot];
        if recent.hash == full
            && recent.len as usize == text.len()
            && self
                .arena
                .get(recent.start as usize..recent.start as usize + text.len())
                == Some(text)
        {
            return (recent.id, false);
        }
        let (id, new) = self.intern_slow(text, (full >> 32) as u32);
        let (start, _) = self.span(id);
        self.recent[slot] = Recent {
            hash: full,
            start: start as u64,
            len: text.len() as u32,
            id,
        };
        (id, new)
    }

    fn intern_slow(&mut self, text: &str, hash: u32) -> (u32, bool) {
        if let Some(&id) = self.by_hash.get(&hash) {
            if self.text(id) == text {
                return (id, false);
            }
            if let Some(&id) = self.collided.get(text) {
                return (id, false);
            }
            let id = self.push(text);
            self.collided.insert(text.into(), id);
            return (id, true);
        }
        let id = self.push(text);
        self.by_hash.insert(hash, id);
        (id, true)
    }

    fn push(&mut self, text: &str) -> u32 {
        self.arena.push_str(text);
        self.ends.push(self.arena.len() as u64);
        (self.ends.len() - 1) as u32
    }

    /// Where the text of `id` lies in the arena.
    fn span(&self, id: u32) -> (usize, usize) {
        let id = id as usize;
        let start = match id.checked_sub(1) {
            Some(prev) => self.ends.get(prev).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(id).copied().unwrap_or(start);
        (start as usize, end as usize)
    }

    pub fn text(&self, id: u32) -> &str {
        let (start, end) = self.span(id);
        self.arena.get(start..end).unwrap_or_default()
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn heap_bytes(&self) -> usize {
        self.arena.capacity()
            + self.ends.capacity() * 8
            + map_bytes(&self.by_hash)
            + map_bytes(&self.collided)
            + self.collided.keys().map(|k| k.len()).sum::<usize>()
            + self.recent.capacity() * std::mem::size_of::<Recent>()
    }

    pub fn shrink_to_fit(&mut self) {
        self.arena.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.by_hash.shrink_to_fit();
    }
}

/// An estimate of a hash map's own allocation: its buckets (a power of two at least eight
/// sevenths of its capacity, as hashbrown keeps its load at seven eighths) plus one control byte
/// each.
pub(crate) fn map_bytes<K, V, S>(map: &HashMap<K, V, S>) -> usize {
    let buckets = (map.capacity() * 8 / 7).next_power_of_two();
    buckets * (std::mem::size_of::<(K, V)>() + 1)
}

/// What the index needs of a key.
#[derive(Debug, Clone, Copy)]
struct KeyInfo {
    /// The surface the key was first seen with, which stored tokens imply unless they say
    /// otherwise.
    surface: u32,
    kind: TokenKind,
}

/// The surfaces and keys of every token the index has seen.
#[derive(Debug, Default)]
pub(crate) struct Vocabulary {
    surfaces: Interner,
    /// The key id of each surface.
    surface_key: Vec<u32>,
    keys: Interner,
    key_info: Vec<KeyInfo>,
}

/// What the vocabulary knows of one query token: ids where it has them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Resolved {
    pub surface: Option<u32>,
    pub key: Option<u32>,
}

/// A token as stored: its key and, when it is not the key's usual surface, its surface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stored {
    pub key: u32,
    pub surface: Option<u32>,
}

impl Vocabulary {
    /// A token as stored, adding its surface and key when new.
    pub fn intern(&mut self, token: &Token<'_>) -> Stored {
        let (surface, new_surface) = self.surfaces.intern(token.surface);
        let key = if new_surface {
            let (key, new_key) = self.keys.intern(&token.key);
            if new_key {
                self.key_info.push(KeyInfo {
                    surface,
                    kind: token.kind,
                });
            }
            self.surface_key.push(key);
            key
        } else {
            self.key_of(surface)
        };
        let usual = self.key_info.get(key as usize).map(|info| info.surface);
        Stored {
            key,
            surface: (usual != Some(surface)).then_some(surface),
        }
    }

    /// The ids of a token from a query, without adding anything.
    pub fn resolve(&self, token: &Token<'_>) -> Resolved {
        match self.surfaces.get(token.surface) {
            Some(surface) => Resolved {
                surface: Some(surface),
                key: self.surface_key.get(surface as usize).copied(),
            },
            None => Resolved {
                surface: None,
                key: self.keys.get(&token.key),
            },
        }
    }

    fn key_of(&self, surface: u32) -> u32 {
        self.surface_key
            .get(surface as usize)
            .copied()
            .unwrap_or(u32::MAX)
    }

    pub fn kind_of_key(&self, key: u32) -> TokenKind {
        self.key_info
            .get(key as usize)
            .map_or(TokenKind::Punct, |info| info.kind)
    }

    pub fn key_count(&self) -> usize {
        self.keys.len()
    }

    /// A stored token as the distance compares it.
    pub fn sym(&self, stored: Stored) -> Sym<'_> {
        let info = self.key_info.get(stored.key as usize);
        Sym {
            surface: stored
                .surface
                .or(info.map(|i| i.surface))
                .unwrap_or(u32::MAX),
            key: stored.key,
            kind: info.map_or(TokenKind::Punct, |i| i.kind),
            text: self.keys.text(stored.key),
        }
    }

    pub fn heap_bytes(&self) -> usize {
        self.surfaces.heap_bytes()
            + self.keys.heap_bytes()
            + self.surface_key.capacity() * 4
            + self.key_info.capacity() * std::mem::size_of::<KeyInfo>()
    }

    pub fn shrink_to_fit(&mut self) {
        self.surfaces.shrink_to_fit();
        self.keys.shrink_to_fit();
        self.surface_key.shrink_to_fit();
        self.key_info.shrink_to_fit();
    }
}
