//! Russian rules for a period followed by white space: abbreviations and initials.

use super::abbreviations::{is_russian_starter, russian, Abbr};
use super::chars::is_all_caps_word;
use super::scanner::{Next, NextKind, PeriodContext};

/// Whether the period after `ctx.word` ends the sentence (what follows is not lower-case).
pub(super) fn period_ends(ctx: &PeriodContext<'_>) -> bool {
    let next = &ctx.next;
    if let Some(abbr) = ctx.key.as_ref().and_then(|k| russian(k.as_str())) {
        return match abbr {
            Abbr::Prepositive => false,
            Abbr::Final | Abbr::BeforeNumber => true,
            Abbr::Ambiguous => opens_sentence(next),
        };
    }
    if ctx.letter_chain > 0 {
        // Capitals are initials ("А. С. Пушкин", "Л.Н."); unknown lower-case chains are
        // abbreviations ("к.т.н.") that end a sentence only before a common opener.
        let capitals = ctx.word.chars().any(char::is_uppercase);
        let single_lower = ctx.letter_chain == 1 && !capitals;
        return !capitals && (single_lower || opens_sentence(next));
    }
    if next.kind == NextKind::Digit && is_all_caps_word(ctx.word) && ctx.word.chars().count() <= 5 {
        return false;
    }
    true
}

/// The next word is one that commonly opens a Russian sentence.
fn opens_sentence(next: &Next<'_>) -> bool {
    next.kind == NextKind::Upper && !next.initial && is_russian_starter(next.word)
}
