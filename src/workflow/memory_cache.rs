//! Recent memory lookups, kept until the memory changes.
//!
//! A unit's suggestions are asked for again and again (by its translator, its reviewer, on each
//! visit to the statement), and a lookup is the costliest read the editor makes: proving that
//! nothing in a large memory comes close takes hundreds of comparisons. The answer depends only
//! on the text, the language pair, the number asked for and the indexed rows, so it is kept
//! under the memory's generation, which every indexed row moves on: nothing stale is served.

use std::collections::HashMap;
use std::sync::Mutex;

use crate::domain::memory::Match;

/// Lookups kept at most; when full, the cache starts over (a cheap bound that keeps the hot
/// paragraphs of the statements in work, which are asked for again soon).
const CAPACITY: usize = 4_096;

/// Source language, target language, text and how many matches were asked for.
type Key = (String, String, String, usize);

#[derive(Default)]
pub(super) struct LookupCache {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    generation: u64,
    answers: HashMap<Key, Vec<Match>>,
}

impl LookupCache {
    /// The answer kept for `key` under `generation`, if any; an older generation's are dropped.
    pub(super) fn get(&self, key: &Key, generation: u64) -> Option<Vec<Match>> {
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if inner.generation != generation {
            inner.answers.clear();
            inner.generation = generation;
            return None;
        }
        inner.answers.get(key).cloned()
    }

    /// Keeps the answer computed under `generation`; one computed before the memory last
    /// changed is not kept.
    pub(super) fn put(&self, key: Key, generation: u64, matches: Vec<Match>) {
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        if inner.generation != generation {
            return;
        }
        if inner.answers.len() >= CAPACITY {
            inner.answers.clear();
        }
        inner.answers.insert(key, matches);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str) -> Key {
        ("en".into(), "hy".into(), text.into(), 5)
    }

    fn found(id: u32) -> Vec<Match> {
        vec![Match {
            id,
            score: 100,
            fine: 100.0,
        }]
    }

    #[test]
    fn answers_are_kept_within_a_generation() {
        let cache = LookupCache::default();
        assert_eq!(cache.get(&key("a"), 1), None);
        cache.put(key("a"), 1, found(7));
        assert_eq!(cache.get(&key("a"), 1), Some(found(7)));
        assert_eq!(cache.get(&key("b"), 1), None);
        let other_limit = ("en".into(), "hy".into(), "a".into(), 6);
        assert_eq!(cache.get(&other_limit, 1), None);
    }

    #[test]
    fn a_new_generation_drops_every_answer() {
        let cache = LookupCache::default();
        cache.get(&key("a"), 1);
        cache.put(key("a"), 1, found(7));
        assert_eq!(cache.get(&key("a"), 2), None);
        assert_eq!(cache.get(&key("a"), 2), None);
    }

    #[test]
    fn an_answer_computed_before_a_change_is_not_kept() {
        let cache = LookupCache::default();
        cache.get(&key("a"), 2);
        cache.put(key("a"), 1, found(7));
        assert_eq!(cache.get(&key("a"), 2), None);
    }

    #[test]
    fn a_full_cache_starts_over() {
        let cache = LookupCache::default();
        cache.get(&key("x"), 1);
        for i in 0..CAPACITY {
            cache.put(key(&i.to_string()), 1, found(1));
        }
        cache.put(key("last"), 1, found(2));
        assert_eq!(cache.get(&key("0"), 1), None);
        assert_eq!(cache.get(&key("last"), 1), Some(found(2)));
    }
}
