//! A cheap first test of a candidate: the longest subsequence of words it shares with the query.
//!
//! It is computed 64 words at a time with bit operations, before the exact distance.
//!
//! Every pair of words that an alignment matches by key is part of a common subsequence, so a
//! query with `q` words and a candidate with `c` words sharing a longest subsequence of `k` leave
//! at least `q − k` and `c − k` words unmatched, each costing at least `MIN_WORD_SUBSTITUTION`.
//! That bound respects word order, which the bag of shared words in the lookup's counters cannot,
//! and rejects most texts that merely share frequent words with the query.

use super::score::Sym;
use super::tokens::TokenKind;

/// No key in this slot of the table.
const EMPTY: u32 = u32::MAX;

/// The query's words prepared for the bit-parallel algorithm (Hyyrö, "Bit-parallel LCS-length
/// computation revisited", 2004): for each distinct word key, a bit mask of its positions.
#[derive(Debug)]
pub(crate) struct WordPattern {
    /// Open-addressing table of the distinct word keys; `slots[i]` is the key in slot `i`.
    slots: Vec<u32>,
    /// Masks of the key in slot `i`: `blocks` words starting at `i * blocks`.
    masks: Vec<u64>,
    blocks: usize,
    words: usize,
}

impl WordPattern {
    /// The pattern of the query's words; words whose key `known` rejects (never stored) keep
    /// their position but can match nothing.
    pub fn new(query: &[Sym<'_>], known: impl Fn(u32) -> bool) -> Self {
        let keys: Vec<u32> = query
            .iter()
            .filter(|s| s.kind == TokenKind::Word)
            .map(|s| s.key)
            .collect();
        let words = keys.len();
        let blocks = words.div_ceil(64).max(1);
        let capacity = (keys.len() * 2).next_power_of_two().max(8);
        let mut pattern = WordPattern {
            slots: vec![EMPTY; capacity],
            masks: vec![0; capacity * blocks],
            blocks,
            words,
        };
        for (position, &key) in keys.iter().enumerate() {
            if key == EMPTY || !known(key) {
                continue;
            }
            let slot = pattern.slot(key);
            pattern.slots[slot] = key;
            pattern.masks[slot * blocks + position / 64] |= 1 << (position % 64);
        }
        pattern
    }

    /// Number of words in the query.
    pub fn words(&self) -> usize {
        self.words
    }

    /// The slot holding `key`, or the empty slot where it would go.
    fn slot(&self, key: u32) -> usize {
        let mask = self.slots.len() - 1;
        let mut at = (key.wrapping_mul(0x9e37_79b9) >> 7) as usize & mask;
        while self.slots[at] != EMPTY && self.slots[at] != key {
            at = (at + 1) & mask;
        }
        at
    }

    /// Length of the longest common subsequence of the query's words and the candidate's
    /// tokens, by key (only word keys can match, as the pattern holds only those); `state` is
    /// scratch space.
    pub fn lcs(&self, candidate: impl Iterator<Item = u32>, state: &mut Vec<u64>) -> usize {
        if self.words == 0 {
            return 0;
        }
        state.clear();
        state.resize(self.blocks, !0);
        for key in candidate {
            let slot = self.slot(key);
            if self.slots[slot] == EMPTY {
                continue;
            }
            let masks = &self.masks[slot * self.blocks..(slot + 1) * self.blocks];
            let (mut carry, mut borrow) = (false, false);
            for (v, &m) in state.iter_mut().zip(masks) {
                let u = *v & m;
                let (sum, c1) = v.overflowing_add(u);
                let (sum, c2) = sum.overflowing_add(u64::from(carry));
                let (diff, b1) = v.overflowing_sub(u);
                let (diff, b2) = diff.overflowing_sub(u64::from(borrow));
                carry = c1 || c2;
                borrow = b1 || b2;
                *v = sum | diff;
            }
        }
        // The length is the number of zero bits among the first `words` bits.
        let mut ones = 0;
        for (i, v) in state.iter().enumerate() {
            let bits = (self.words - i * 64).min(64);
            let valid = if bits == 64 { !0 } else { (1u64 << bits) - 1 };
            ones += (v & valid).count_ones() as usize;
        }
        self.words - ones
    }
}
