//! What the rules see around a stop: what follows it and, for a lone period, the word before.

use super::abbreviations::Key;
use super::chars::{
    char_at, is_caseless_letter, is_closer, is_dash, is_line_break, is_opener, skip_spaces,
    token_start, word_end,
};

/// What the first meaningful character after a stop is, once spaces, dashes and opening quotes are
/// skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NextKind {
    End,
    LineBreak,
    Upper,
    Lower,
    Digit,
    /// A letter of a script without case: it may well start a sentence.
    Caseless,
    /// An opening parenthesis.
    Paren,
    Other,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Next<'t> {
    pub kind: NextKind,
    /// White space separates the stop from what follows.
    pub spaced: bool,
    /// Byte offset of the first meaningful character.
    pub at: usize,
    /// The word that starts there (letters only).
    pub word: &'t str,
    /// That word is a single letter with a period: an initial, not a word.
    pub initial: bool,
}

impl Next<'_> {
    pub(super) fn starts_with_capital(&self) -> bool {
        matches!(self.kind, NextKind::Upper | NextKind::Caseless)
    }
}

/// What the language rules see of a lone period followed by white space.
pub(super) struct PeriodContext<'t> {
    /// The word before the period, without opening or closing punctuation ("U.S", "Mr", "1,000").
    pub word: &'t str,
    /// Lower-cased abbreviation key; single letters spaced apart are joined (`т. е.` is `т.е`).
    pub key: Option<Key>,
    /// How many one-letter parts the key has (`т. е.` 2, `J. R. R.` 3); 0 when it is no such chain.
    pub letter_chain: usize,
    /// The word before `word`, without punctuation (for "you and I. Did …").
    pub prev_word: &'t str,
    pub next: Next<'t>,
}

/// What follows a stop ending at `end`.
pub(super) fn next_after(text: &str, end: usize) -> Next<'_> {
    let j = skip_spaces(text, end);
    let spaced = j > end;
    let mut k = j;
    let mut kind = NextKind::End;
    while let Some(c) = char_at(text, k) {
        kind = if is_line_break(c) {
            NextKind::LineBreak
        } else if c.is_whitespace() && k > j {
            k = skip_spaces(text, k);
            continue;
        } else if spaced && (is_dash(c) || (c != '(' && is_opener(c))) {
            k += c.len_utf8();
            continue;
        } else if c == '(' {
            NextKind::Paren
        } else if c.is_uppercase() {
            NextKind::Upper
        } else if c.is_lowercase() {
            NextKind::Lower
        } else if c.is_ascii_digit() {
            NextKind::Digit
        } else if is_caseless_letter(c) {
            NextKind::Caseless
        } else {
            NextKind::Other
        };
        break;
    }
    let word_to = word_end(text, k);
    let word = &text[k..word_to];
    Next {
        kind,
        spaced,
        at: k,
        word,
        initial: word.chars().count() == 1 && char_at(text, word_to) == Some('.'),
    }
}

/// The context of the period at byte `dot`; `since` is where the current sentence began, which
/// bounds the word when a sentence was cut inside its token ("Tuesday.Mr.").
pub(super) fn period_context<'t>(
    text: &'t str,
    dot: usize,
    since: usize,
    next: Next<'t>,
) -> PeriodContext<'t> {
    let start = token_start(text, dot).max(since).min(dot);
    let word = text[start..dot]
        .trim_start_matches(is_opener)
        .trim_end_matches(is_closer);
    let single_letter = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
    // "т. е.", "J. R. R.": a one-letter word takes in the one-letter words with periods before it.
    let mut parts: [&str; 4] = [word; 4];
    let mut count = 1;
    let mut cursor = start;
    let prev_word = loop {
        let Some((prev_start, prev)) = previous_token(text, cursor) else {
            break "";
        };
        let letter = prev
            .strip_suffix('.')
            .filter(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
        match letter {
            Some(l) if single_letter && count < parts.len() => {
                parts[parts.len() - 1 - count] = l;
                count += 1;
                cursor = prev_start;
            }
            _ => break prev.trim_end_matches(|c: char| !c.is_alphanumeric()),
        }
    };
    let key_parts = &parts[parts.len() - count..];
    // Glued to a number a unit is still an abbreviation: "1999гг.", "5м.".
    let unglued = |p: &&'t str| p.trim_start_matches(|c: char| c.is_ascii_digit() || is_dash(c));
    let key = Key::new(key_parts.iter().map(unglued));
    let letter_chain = if single_letter {
        count
    } else if is_letter_chain(word) {
        word.split('.').count()
    } else {
        0
    };
    PeriodContext {
        word,
        key,
        letter_chain,
        prev_word: if count > 1 { "" } else { prev_word },
        next,
    }
}

/// The white-space-delimited token before byte `cursor` (which starts a token), without its
/// leading opening punctuation, and where it starts.
fn previous_token(text: &str, cursor: usize) -> Option<(usize, &str)> {
    let end = text[..cursor].trim_end().len();
    if end == 0 || end == cursor {
        return None;
    }
    let start = token_start(text, end);
    Some((start, text[start..end].trim_start_matches(is_opener)))
}

/// One-letter parts joined by periods: "U.S", "J.C", "к.п.н".
fn is_letter_chain(word: &str) -> bool {
    word.contains('.')
        && word
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}
