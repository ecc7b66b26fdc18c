//! Translation memory: fuzzy-match scores and an in-memory index of a million source texts.
//!
//! The index finds, among the stored sources, the ones closest to a new text.
//!
//! Pure: no I/O, no threads, no global state. The caller owns the index and decides when to fill
//! it (from the database, at start-up) and how to share it between requests.
//!
//! - [`tokenize`] splits a text into words, numbers and punctuation by Unicode word boundaries;
//! - [`score`] and [`score_fine`] rate one text as a match for another (the formula is in
//!   `score.rs`);
//! - [`MemoryIndex`] holds the sources and answers [`MemoryIndex::lookup`] with the best matches
//!   by that same score.

mod bulk;
mod classes;
mod hashing;
mod index;
mod lcs;
mod lookup;
mod postings;
mod query;
mod ranking;
mod record;
mod score;
mod tokens;
mod varint;
mod vocabulary;

#[cfg(test)]
mod tests;

pub use index::{Match, MemoryIndex, MemoryUsage, DEFAULT_MIN_SCORE};
pub use lookup::{LookupStats, Scratch};
pub use score::{score, score_fine};
pub use tokens::{tokenize, Token, TokenKind};
