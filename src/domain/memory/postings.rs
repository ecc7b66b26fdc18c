//! Posting lists: for each word or number key, the ids of the texts that contain it.
//!
//! The ids are ascending and delta-encoded as varints; a frequent key's list is split by length
//! class, so that a lookup reads only the classes it can still use.

use super::classes::CLASS_COUNT;
use super::varint::{push_varint, read_varint};

/// Keys with at least this many texts get one list per length class; rarer keys keep a single
/// list, which a lookup reads whole (cheaply) and whose out-of-range texts the length bound drops.
const SPLIT_AT: u32 = 512;
/// Class value of a list that holds every class.
pub(crate) const ALL_CLASSES: u8 = u8::MAX;

/// Ascending ids: the first one plain, the others as varint gaps from their predecessor, so a
/// key found in one text needs no allocation and a frequent one about a byte per text.
#[derive(Debug, Default, Clone)]
pub(crate) struct Bucket {
    pub class: u8,
    len: u32,
    first: u32,
    last: u32,
    gaps: Vec<u8>,
}

impl Bucket {
    pub fn new(class: u8) -> Self {
        Bucket {
            class,
            ..Bucket::default()
        }
    }

    pub fn len(&self) -> usize {
        self.len as usize
    }

    pub fn iter(&self) -> Ids<'_> {
        Ids {
            next: (self.len > 0).then_some(self.first),
            gaps: &self.gaps,
        }
    }

    /// Add `id`; returns whether it was new.
    pub fn insert(&mut self, id: u32) -> bool {
        if self.len == 0 {
            self.first = id;
            self.last = id;
            self.len = 1;
            return true;
        }
        if id > self.last {
            // The usual case: ids loaded in ascending order.
            push_varint(&mut self.gaps, id - self.last);
            self.last = id;
            self.len += 1;
            return true;
        }
        if id == self.first {
            return false;
        }
        if id < self.first {
            let mut head = Vec::with_capacity(5);
            push_varint(&mut head, self.first - id);
            self.gaps.splice(0..0, head);
            self.first = id;
            self.len += 1;
            return true;
        }
        // Somewhere inside: find the first larger id and split its gap in two.
        let (mut previous, mut at) = (self.first, 0);
        while at < self.gaps.len() {
            let (gap, end) = read_varint(&self.gaps, at);
            let current = previous + gap;
            if current == id {
                return false;
            }
            if current > id {
                let mut pair = Vec::with_capacity(10);
                push_varint(&mut pair, id - previous);
                push_varint(&mut pair, current - id);
                self.gaps.splice(at..end, pair);
                self.len += 1;
                return true;
            }
            previous = current;
            at = end;
        }
        // Not reached: `id` lies between first and last, so the loop met it or a larger id.
        false
    }

    /// Remove `id`; returns whether it was there.
    pub fn remove(&mut self, id: u32) -> bool {
        if self.len == 0 || id < self.first || id > self.last {
            return false;
        }
        if id == self.first {
            if self.len == 1 {
                *self = Bucket::new(self.class);
                return true;
            }
            let (gap, end) = read_varint(&self.gaps, 0);
            self.first += gap;
            self.gaps.drain(0..end);
            self.len -= 1;
            return true;
        }
        let (mut previous, mut at) = (self.first, 0);
        while at < self.gaps.len() {
            let (gap, end) = read_varint(&self.gaps, at);
            let current = previous + gap;
            if current > id {
                return false;
            }
            if current == id {
                if end == self.gaps.len() {
                    self.gaps.truncate(at);
                    self.last = previous;
                } else {
                    // The next id's gap now reaches back to `previous`.
                    let (next_gap, next_end) = read_varint(&self.gaps, end);
                    let mut merged = Vec::with_capacity(5);
                    push_varint(&mut merged, gap + next_gap);
                    self.gaps.splice(at..next_end, merged);
                }
                self.len -= 1;
                return true;
            }
            previous = current;
            at = end;
        }
        false
    }

    fn heap_bytes(&self) -> usize {
        self.gaps.capacity()
    }
}

/// The ids of a bucket, decoded on the fly.
pub(crate) struct Ids<'a> {
    next: Option<u32>,
    gaps: &'a [u8],
}

impl Iterator for Ids<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        let current = self.next?;
        self.next = match self.gaps.split_first() {
            None => None,
            Some((&byte, rest)) if byte < 0x80 => {
                self.gaps = rest;
                Some(current + u32::from(byte))
            }
            Some(_) => {
                let (gap, end) = read_varint(self.gaps, 0);
                self.gaps = &self.gaps[end..];
                Some(current + gap)
            }
        };
        Some(current)
    }
}

/// The postings of one key.
#[derive(Debug, Clone)]
enum KeyPostings {
    /// Every class in one list (rare keys).
    Flat(Bucket),
    /// One list per class, in class order (frequent keys).
    Split(Vec<Bucket>),
}

impl Default for KeyPostings {
    fn default() -> Self {
        KeyPostings::Flat(Bucket::new(ALL_CLASSES))
    }
}

/// Posting lists by key id; keys of punctuation keep an empty list.
#[derive(Debug, Default)]
pub(crate) struct Postings {
    lists: Vec<KeyPostings>,
    total: usize,
}

impl Postings {
    /// Record that text `id` of class `class` contains `key`. `class_of_id` gives the class of
    /// another stored text, needed when the key's list is split by class.
    pub fn add(&mut self, key: u32, class: u8, id: u32, class_of_id: impl Fn(u32) -> u8) {
        let key = key as usize;
        if key >= self.lists.len() {
            self.lists.resize_with(key + 1, KeyPostings::default);
        }
        let list = &mut self.lists[key];
        if let KeyPostings::Flat(bucket) = list {
            if bucket.len < SPLIT_AT {
                if bucket.insert(id) {
                    self.total += 1;
                }
                return;
            }
            *list = KeyPostings::Split(split(bucket, class_of_id));
        }
        if let KeyPostings::Split(buckets) = list {
            let at = match buckets.binary_search_by_key(&class, |b| b.class) {
                Ok(at) => at,
                Err(at) => {
                    buckets.insert(at, Bucket::new(class));
                    at
                }
            };
            if buckets[at].insert(id) {
                self.total += 1;
            }
        }
    }

    /// Forget that text `id` of class `class` contains `key`.
    pub fn remove(&mut self, key: u32, class: u8, id: u32) {
        let removed = match self.lists.get_mut(key as usize) {
            Some(KeyPostings::Flat(bucket)) => bucket.remove(id),
            Some(KeyPostings::Split(buckets)) => {
                match buckets.binary_search_by_key(&class, |b| b.class) {
                    Ok(at) => {
                        let removed = buckets[at].remove(id);
                        if buckets[at].len == 0 {
                            buckets.remove(at);
                        }
                        removed
                    }
                    Err(_) => false,
                }
            }
            None => false,
        };
        if removed {
            self.total -= 1;
        }
    }

    /// The lists of a key: one holding all classes, or one per class in class order.
    pub fn buckets(&self, key: u32) -> &[Bucket] {
        match self.lists.get(key as usize) {
            Some(KeyPostings::Flat(bucket)) => std::slice::from_ref(bucket),
            Some(KeyPostings::Split(buckets)) => buckets,
            None => &[],
        }
    }

    /// Number of postings of `key` that a lookup wanting these classes reads.
    pub fn volume(&self, key: u32, wanted: &[bool; CLASS_COUNT]) -> usize {
        self.buckets(key)
            .iter()
            .filter(|b| b.class == ALL_CLASSES || wanted[usize::from(b.class)])
            .map(Bucket::len)
            .sum()
    }

    /// Number of (key, text) pairs.
    pub fn total(&self) -> usize {
        self.total
    }

    pub fn heap_bytes(&self) -> usize {
        let inner: usize = self
            .lists
            .iter()
            .map(|list| match list {
                KeyPostings::Flat(bucket) => bucket.heap_bytes(),
                KeyPostings::Split(buckets) => {
                    buckets.capacity() * std::mem::size_of::<Bucket>()
                        + buckets.iter().map(Bucket::heap_bytes).sum::<usize>()
                }
            })
            .sum();
        self.lists.capacity() * std::mem::size_of::<KeyPostings>() + inner
    }

    pub fn shrink_to_fit(&mut self) {
        for list in &mut self.lists {
            match list {
                KeyPostings::Flat(bucket) => bucket.gaps.shrink_to_fit(),
                KeyPostings::Split(buckets) => {
                    buckets.shrink_to_fit();
                    for bucket in buckets.iter_mut() {
                        bucket.gaps.shrink_to_fit();
                    }
                }
            }
        }
        self.lists.shrink_to_fit();
    }
}

/// One list per class from a list of all classes.
fn split(all: &Bucket, class_of_id: impl Fn(u32) -> u8) -> Vec<Bucket> {
    let mut buckets: Vec<Bucket> = Vec::new();
    for id in all.iter() {
        let class = class_of_id(id);
        let at = match buckets.binary_search_by_key(&class, |b| b.class) {
            Ok(at) => at,
            Err(at) => {
                buckets.insert(at, Bucket::new(class));
                at
            }
        };
        buckets[at].insert(id);
    }
    buckets
}
