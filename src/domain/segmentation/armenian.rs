//! Armenian rules: the full stop `։` and the ASCII `:` typed in its place.
//!
//! Armenian ends a sentence with `։` (U+0589), very often typed as `:`. The stress and emphasis
//! marks `՞ ՜ ՛` sit inside words and never end a sentence, `՝` (or a grave accent) is a comma,
//! and `.` or `․` act as a colon or an abbreviation dot; none of them need a rule here because
//! the scanner treats them as ordinary characters.

use super::chars::{char_at, char_before, is_all_caps_word, token_start};
use super::context::Next;

/// Whether the `:` at byte `i` is a full stop rather than part of a time, a score or a scheme.
pub(super) fn colon_is_stop(text: &str, i: usize) -> bool {
    let before = char_before(text, i);
    let after = char_at(text, i + 1);
    let between_digits =
        before.is_some_and(|c| c.is_ascii_digit()) && after.is_some_and(|c| c.is_ascii_digit());
    // "15:00", "2:1", "http://", "::" are not stops.
    !between_digits && !matches!(after, Some('/' | ':')) && before != Some(':')
}

/// In a headline written in capitals an ellipsis followed by another capitalised word does not
/// start a new sentence: case tells nothing there.
pub(super) fn caps_run_continues(text: &str, stop: usize, next: Next<'_>) -> bool {
    let before = &text[token_start(text, stop)..stop];
    is_all_caps_word(before) && is_all_caps_word(next.word)
}
