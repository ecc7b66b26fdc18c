//! Russian rules for a period followed by white space: abbreviations and initials.

use super::abbreviations::{is_russian_starter, russian, Abbr};
use super::chars::is_all_caps_word;
use super::context::{Next, NextKind, PeriodContext};

/// Whether the period after `ctx.word` ends the sentence (what follows is not lower-case).
pub(super) fn period_ends(ctx: &PeriodContext<'_>) -> bool {
    let next = &ctx.next;
    let capitals = ctx.word.chars().any(char::is_uppercase);
    if ctx.letter_chain > 0 && capitals {
        // Initials: "А. С. Пушкин", "Л.Н.", "Маши К.".
        return false;
    }
    if let Some(abbr) = ctx.key.as_ref().and_then(|k| russian(k.as_str())) {
        return match abbr {
            Abbr::Prepositive => false,
            // An amount after it continues the sentence: "5 млн. 300 тыс. руб.".
            Abbr::Final | Abbr::BeforeNumber => next.kind != NextKind::Digit,
            Abbr::Ambiguous if ctx.word == "пр" && ctx.prev_word == "и" => {
                next.kind != NextKind::Digit
            }
            Abbr::Ambiguous => opens_sentence(next),
        };
    }
    if ctx.letter_chain > 1 {
        // An unknown lower-case chain is an abbreviation ("к.б.н.").
        return opens_sentence(next);
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
