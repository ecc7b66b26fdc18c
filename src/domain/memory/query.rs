//! A query resolved against the index's vocabulary: token ids and the terms to look up.

use std::hash::Hasher;

use super::hashing::FastHasher;
use super::score::{total_weight, Sym, MIN_NUMBER_SUBSTITUTION, MIN_WORD_SUBSTITUTION};
use super::tokens::{Token, TokenKind};
use super::vocabulary::Vocabulary;

/// One distinct word or number key of the query that some stored text contains.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Term {
    pub key: u32,
    /// How often the query has it, if it is a word.
    pub words: u32,
    /// How often the query has it, if it is a number.
    pub numbers: u32,
    /// The least a text without it pays for its occurrences in the query.
    pub cost: u32,
}

#[derive(Debug)]
pub(crate) struct Query<'q> {
    pub text: &'q str,
    pub syms: Vec<Sym<'q>>,
    pub weight: u32,
    /// Hash of the key sequence, when every key is known (else no stored text is equal).
    pub exact: Option<u64>,
    pub terms: Vec<Term>,
    /// What any text pays for the query's words and numbers that no stored text contains.
    pub unknown_cost: u32,
}

/// The least a text without this key pays for one occurrence of it in the query.
pub(crate) fn missing_cost(kind: TokenKind) -> u32 {
    match kind {
        TokenKind::Word => MIN_WORD_SUBSTITUTION,
        TokenKind::Number => MIN_NUMBER_SUBSTITUTION,
        TokenKind::Punct => 0,
    }
}

impl<'q> Query<'q> {
    pub fn new(text: &'q str, tokens: &'q [Token<'q>], vocabulary: &Vocabulary) -> Self {
        let mut syms = Vec::with_capacity(tokens.len());
        let mut exact = Some(FastHasher::default());
        let mut terms: Vec<Term> = Vec::new();
        let mut unknown_cost = 0;
        for (i, token) in tokens.iter().enumerate() {
            let resolved = vocabulary.resolve(token);
            // Ids from the top of the range stand for strings the index has never seen.
            let unseen = u32::MAX - i as u32;
            let key = resolved.key.unwrap_or(unseen);
            syms.push(Sym {
                surface: resolved.surface.unwrap_or(unseen),
                key,
                kind: token.kind,
                text: &token.key,
            });
            match (&mut exact, resolved.key) {
                (Some(hasher), Some(key)) => hasher.write_u32(key),
                _ => exact = None,
            }
            if token.kind == TokenKind::Punct {
                continue;
            }
            let Some(key) = resolved.key else {
                unknown_cost = missing_cost(token.kind).saturating_add(unknown_cost);
                continue;
            };
            let term = match terms.iter_mut().find(|t| t.key == key) {
                Some(term) => term,
                None => {
                    terms.push(Term {
                        key,
                        words: 0,
                        numbers: 0,
                        cost: 0,
                    });
                    let last = terms.len() - 1;
                    &mut terms[last]
                }
            };
            term.cost = term.cost.saturating_add(missing_cost(token.kind));
            if token.kind == TokenKind::Word {
                term.words += 1;
            } else {
                term.numbers += 1;
            }
        }
        Query {
            text,
            weight: total_weight(&syms),
            syms,
            exact: exact.map(|h| h.finish()),
            terms,
            unknown_cost,
        }
    }
}
