//! The fuzzy-match score: a weighted edit distance over tokens, normalised by length.
//!
//! # Formula
//!
//! Costs are counted in hundredths of a word, so that all arithmetic stays in integers:
//!
//! | operation                                   | cost                                 |
//! |---------------------------------------------|--------------------------------------|
//! | insert or delete a word                     | 100                                  |
//! | insert or delete a number                   | 50                                   |
//! | insert or delete a punctuation token        | 25                                   |
//! | the same token written otherwise            | 10, for punctuation 5                |
//! | one number for another                      | 30                                   |
//! | one punctuation token for another           | 25                                   |
//! | one word for another                        | 100 − round(10 × s)                  |
//! | tokens of different kinds                   | the larger of their insert costs     |
//!
//! "Written otherwise" is the same key with another surface: case, `և` for `եվ`, `ё` for `е`, an
//! Armenian `՞` or a Russian stress mark, another style of quotes or dashes (`tokens.rs`).
//!
//! `s` is the share of characters two words have in common at their start and end (common prefix
//! plus common suffix, at most the shorter word, divided by the longer word's length). It is below
//! 1 for two different words, so a substitution costs between 91 and 100: of two candidates with
//! the same word distance the one closer in characters (an inflection, a typo) scores higher, by
//! less than half a point on a sentence of twenty words, while a changed word always costs more
//! than nine tenths of a word.
//!
//! `D` is the least total cost turning one text into the other and `L` the larger of the two
//! texts' weights (the cost of inserting all their tokens). Then
//!
//! ```text
//! fine  = 100 × (1 − (D + w) / L), at least 0      w = 1 if D = 0 but the texts differ (spacing)
//! fine  = 100                                       for texts equal after trimming
//! score = 100 for equal texts, else min(99, round(fine))
//! ```
//!
//! A text of ten words that differs only in a number scores 97, in a comma 98, in the case of
//! one letter 99; one changed word out of ten scores 90 or a little more.

use std::collections::HashMap;

use super::tokens::{tokenize, Token, TokenKind};

/// Cost of inserting or deleting a word, the unit of every other cost.
pub(crate) const WORD: u32 = 100;
const NUMBER: u32 = 50;
const PUNCT: u32 = 25;
const NUMBER_FOR_NUMBER: u32 = 30;
/// The same word (or number) written otherwise: another case, `և` for `եվ`, `ё` for `е`.
const VARIANT: u32 = 10;
/// The same punctuation in another style: `«»` for `""`, `։` for `:`.
const PUNCT_VARIANT: u32 = 5;
const PUNCT_FOR_PUNCT: u32 = 25;
/// The most a substitution of one word by another can be cheapened for shared characters.
const WORD_SIMILARITY_BONUS: f64 = 10.0;
/// The least that one word standing for another can cost, whatever they share; the index relies
/// on it to bound the score of a candidate that lacks a query word.
pub(crate) const MIN_WORD_SUBSTITUTION: u32 = WORD - WORD_SIMILARITY_BONUS as u32;
/// The least that a query number missing from a candidate can cost (it stands for another one).
pub(crate) const MIN_NUMBER_SUBSTITUTION: u32 = NUMBER_FOR_NUMBER;
/// Penalty for texts whose tokens agree but whose spacing does not, so that only equal texts
/// reach 100.
const SPACING: u32 = 1;

/// A token reduced to what the distance compares: ids standing for its surface and its key
/// (equal ids for equal strings), its kind and the key's text for the character tie-break.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sym<'a> {
    pub surface: u32,
    pub key: u32,
    pub kind: TokenKind,
    pub text: &'a str,
}

/// The weight of a token: what inserting or deleting it costs.
pub(crate) fn weight(kind: TokenKind) -> u32 {
    match kind {
        TokenKind::Word => WORD,
        TokenKind::Number => NUMBER,
        TokenKind::Punct => PUNCT,
    }
}

/// The weight of a whole text, `L` of the formula for one side.
pub(crate) fn total_weight(syms: &[Sym<'_>]) -> u32 {
    syms.iter()
        .fold(0u32, |sum, s| sum.saturating_add(weight(s.kind)))
}

/// The cost of one token standing for another; `None` when it is a substitution of two different
/// words, whose cost needs the characters and is computed only where it can matter.
fn quick_substitution(a: &Sym<'_>, b: &Sym<'_>) -> Option<u32> {
    if a.surface == b.surface {
        return Some(0);
    }
    if a.key == b.key {
        return Some(if a.kind == TokenKind::Punct {
            PUNCT_VARIANT
        } else {
            VARIANT
        });
    }
    Some(match (a.kind, b.kind) {
        (TokenKind::Word, TokenKind::Word) => return None,
        (TokenKind::Number, TokenKind::Number) => NUMBER_FOR_NUMBER,
        (TokenKind::Punct, TokenKind::Punct) => PUNCT_FOR_PUNCT,
        (x, y) => weight(x).max(weight(y)),
    })
}

/// The cost of one word standing for another, cheapened by the characters they share.
fn word_substitution(a: &str, b: &str) -> u32 {
    let prefix = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let suffix = a
        .chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (len_a, len_b) = (a.chars().count(), b.chars().count());
    let shared = (prefix + suffix).min(len_a.min(len_b));
    let longer = len_a.max(len_b).max(1);
    let bonus = (WORD_SIMILARITY_BONUS * shared as f64 / longer as f64).round() as u32;
    WORD - bonus.min(WORD_SIMILARITY_BONUS as u32 - 1)
}

/// The weighted edit distance between two token sequences, or `None` as soon as it is certain to
/// exceed `limit` (every path through a row costs at least that row's smallest cell).
///
/// `rows` is scratch space reused between calls to spare allocations.
pub(crate) fn distance(
    a: &[Sym<'_>],
    b: &[Sym<'_>],
    limit: u32,
    rows: &mut Vec<u32>,
) -> Option<u32> {
    let width = b.len() + 1;
    rows.clear();
    rows.resize(2 * width, 0);
    let (prev, cur) = rows.split_at_mut(width);
    for (j, sym) in b.iter().enumerate() {
        // Saturating, like every sum here: a text of forty million tokens must not wrap around.
        prev[j + 1] = prev[j].saturating_add(weight(sym.kind));
    }
    let (mut prev, mut cur) = (prev, cur);
    for x in a {
        let delete = weight(x.kind);
        cur[0] = prev[0].saturating_add(delete);
        let mut row_min = cur[0];
        for (j, y) in b.iter().enumerate() {
            let other = prev[j + 1]
                .saturating_add(delete)
                .min(cur[j].saturating_add(weight(y.kind)));
            let diagonal = prev[j];
            let best = match quick_substitution(x, y) {
                Some(cost) => other.min(diagonal.saturating_add(cost)),
                // Only worth the characters when even the cheapest substitution would win.
                None if diagonal.saturating_add(MIN_WORD_SUBSTITUTION) < other => {
                    other.min(diagonal.saturating_add(word_substitution(x.text, y.text)))
                }
                None => other,
            };
            cur[j + 1] = best;
            row_min = row_min.min(best);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let total = prev[b.len()];
    (total <= limit).then_some(total)
}

/// The fine score from a distance and the two weights, as in the module's formula.
pub(crate) fn fine_from_distance(
    distance: u32,
    weight_a: u32,
    weight_b: u32,
    same_text: bool,
) -> f64 {
    if same_text {
        return 100.0;
    }
    let length = weight_a.max(weight_b);
    if length == 0 {
        // Texts without a token that still differ: only invisible characters or spacing.
        return 99.0;
    }
    let penalty = if distance == 0 { SPACING } else { distance };
    (100.0 * (1.0 - f64::from(penalty) / f64::from(length))).max(0.0)
}

/// The rounded score of a fine score.
pub(crate) fn round_score(fine: f64, same_text: bool) -> u8 {
    if same_text {
        100
    } else {
        fine.round().clamp(0.0, 99.0) as u8
    }
}

/// Whether two texts count as identical: equal after trimming outer white space.
pub(crate) fn same_text(a: &str, b: &str) -> bool {
    a.trim() == b.trim()
}

/// Give the tokens of both texts ids, equal for equal surfaces and for equal keys.
fn symbols<'a>(a: &'a [Token<'a>], b: &'a [Token<'a>]) -> (Vec<Sym<'a>>, Vec<Sym<'a>>) {
    let mut surfaces: HashMap<&'a str, u32> = HashMap::new();
    let mut keys: HashMap<&'a str, u32> = HashMap::new();
    let mut convert = |tokens: &'a [Token<'a>]| -> Vec<Sym<'a>> {
        tokens
            .iter()
            .map(|t| {
                let next = surfaces.len() as u32;
                let surface = *surfaces.entry(t.surface).or_insert(next);
                let next = keys.len() as u32;
                let key = *keys.entry(&t.key).or_insert(next);
                Sym {
                    surface,
                    key,
                    kind: t.kind,
                    text: &t.key,
                }
            })
            .collect()
    };
    let first = convert(a);
    let second = convert(b);
    (first, second)
}

/// The precise score of `candidate` as a match for `query`, from 0 to 100; see the module's
/// formula. Ranking uses it so that candidates that round to the same score keep a stable order.
pub fn score_fine(query: &str, candidate: &str) -> f64 {
    let same = same_text(query, candidate);
    if same {
        return 100.0;
    }
    let (query_tokens, candidate_tokens) = (tokenize(query), tokenize(candidate));
    let (a, b) = symbols(&query_tokens, &candidate_tokens);
    let mut rows = Vec::new();
    let d = distance(&a, &b, u32::MAX, &mut rows).unwrap_or(u32::MAX);
    fine_from_distance(d, total_weight(&a), total_weight(&b), false)
}

/// The score of `candidate` as a match for `query`, from 0 to 100; 100 only for texts that are
/// equal after trimming outer white space.
pub fn score(query: &str, candidate: &str) -> u8 {
    let same = same_text(query, candidate);
    round_score(score_fine(query, candidate), same)
}
