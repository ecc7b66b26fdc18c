//! English rules for a period followed by white space: abbreviations, initials, the pronoun "I".

use super::abbreviations::{english, is_english_starter, Abbr};
use super::chars::is_all_caps_word;
use super::context::{Next, NextKind, PeriodContext};

/// Whether the period after `ctx.word` ends the sentence (what follows is not lower-case).
pub(super) fn period_ends(ctx: &PeriodContext<'_>) -> bool {
    let next = &ctx.next;
    if ctx.letter_chain == 1 && ctx.word.chars().all(char::is_uppercase) {
        // A capital letter with a period is an initial ("Jonas E. Smith"), except the pronoun
        // "I" or a letter after a lower-case word, as in "you and I. Did you …".
        let after_lowercase_word =
            !ctx.prev_word.is_empty() && ctx.prev_word.chars().all(char::is_lowercase);
        return after_lowercase_word
            && next.kind == NextKind::Upper
            && !next.initial
            && (ctx.word == "I" || is_english_starter(next.word));
    }
    if let Some(abbr) = ctx.key.as_ref().and_then(|k| english(k.as_str())) {
        return match abbr {
            Abbr::Prepositive => false,
            Abbr::Final => next.starts_with_capital(),
            Abbr::BeforeNumber => next.kind != NextKind::Digit,
            Abbr::Ambiguous => opens_sentence(next),
        };
    }
    if ctx.letter_chain > 0 {
        // "J. C.", "U. S.", "f.e": a name or an abbreviation; only a common opener shows a new
        // sentence.
        return opens_sentence(next);
    }
    if next.kind == NextKind::Digit && is_all_caps_word(ctx.word) && ctx.word.len() <= 5 {
        // "SEC. 1262", "ART. 5": a heading abbreviation before its number.
        return false;
    }
    true
}

/// The next word is one that commonly opens an English sentence.
fn opens_sentence(next: &Next<'_>) -> bool {
    next.kind == NextKind::Upper && !next.initial && is_english_starter(next.word)
}
