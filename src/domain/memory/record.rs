//! The stored record of a text: where its text lies and its tokens, all as varints.
//!
//! Layout: text start, text length, length in bytes of the tokens, then per token
//! `key × 2 + 1` followed by its surface id when the token is not written as its key usually is
//! (`Երևան` where `երևան` came first), else `key × 2`. Frequent keys are met first and get small
//! ids, so most tokens take one or two bytes.

use std::ops::Range;

use super::varint::{push_varint64, read_varint64};
use super::vocabulary::Stored;

/// The fixed part of a record.
#[derive(Debug, Clone)]
pub(crate) struct Header {
    pub text_start: u64,
    pub text_len: u64,
    /// Where the tokens lie in the arena.
    pub tokens: Range<usize>,
}

/// Append the record of a text to `out`.
pub(crate) fn encode(out: &mut Vec<u8>, text_start: u64, text_len: u64, tokens: &[Stored]) {
    let mut body = Vec::with_capacity(tokens.len() * 2);
    for token in tokens {
        let key = u64::from(token.key) << 1;
        match token.surface {
            Some(surface) => {
                push_varint64(&mut body, key | 1);
                push_varint64(&mut body, u64::from(surface));
            }
            None => push_varint64(&mut body, key),
        }
    }
    push_varint64(out, text_start);
    push_varint64(out, text_len);
    push_varint64(out, body.len() as u64);
    out.extend_from_slice(&body);
}

/// The header of the record starting at `at`.
pub(crate) fn header(arena: &[u8], at: usize) -> Header {
    let (text_start, at) = read_varint64(arena, at);
    let (text_len, at) = read_varint64(arena, at);
    let (body, at) = read_varint64(arena, at);
    let end = at.saturating_add(body as usize).min(arena.len());
    Header {
        text_start,
        text_len,
        tokens: at..end,
    }
}

/// The tokens of a record.
pub(crate) struct Tokens<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Tokens<'a> {
    pub fn new(arena: &'a [u8], range: Range<usize>) -> Self {
        Tokens {
            bytes: arena.get(range).unwrap_or_default(),
            at: 0,
        }
    }
}

impl Iterator for Tokens<'_> {
    type Item = Stored;

    #[inline]
    fn next(&mut self) -> Option<Stored> {
        if self.at >= self.bytes.len() {
            return None;
        }
        let (value, at) = read_varint64(self.bytes, self.at);
        self.at = at;
        let key = (value >> 1) as u32;
        let surface = if value & 1 == 1 {
            let (surface, at) = read_varint64(self.bytes, self.at);
            self.at = at;
            Some(surface as u32)
        } else {
            None
        };
        Some(Stored { key, surface })
    }
}
