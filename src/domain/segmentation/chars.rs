//! Character classes and small text-walking helpers shared by the segmentation rules.

/// Characters after which a new line of text starts: a line break always ends a sentence.
pub(super) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// `!`, `?` and their combined and full-width forms: these end a sentence whatever precedes them.
pub(super) fn is_strong_terminal(c: char) -> bool {
    matches!(
        c,
        '!' | '?' | '‼' | '⁇' | '⁈' | '⁉' | '！' | '？' | '。' | '．' | '｡'
    )
}

/// Full-width stops are used without a following space, so they end a sentence even when the
/// next letter follows at once.
pub(super) fn is_fullwidth_terminal(c: char) -> bool {
    matches!(c, '！' | '？' | '。' | '．' | '｡')
}

/// A dot of a period or ellipsis; U+2024 (one-dot leader) is how Armenian keyboards type `.`.
pub(super) fn is_dot(c: char) -> bool {
    matches!(c, '.' | '\u{2024}')
}

pub(super) fn is_ellipsis_char(c: char) -> bool {
    matches!(c, '…' | '⋯' | '\u{2025}')
}

/// Characters that close a quotation or bracket and so stay with the sentence they end.
pub(super) fn is_closer(c: char) -> bool {
    matches!(
        c,
        ')' | ']' | '}' | '»' | '”' | '’' | '"' | '\'' | '›' | '“' | '」' | '』' | '）'
    )
}

/// Closers that can never open anything, unlike `"` and `'`.
pub(super) fn is_pure_closer(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '»' | '”' | '›' | '」' | '』' | '）')
}

/// Characters that may open a sentence before its first letter.
pub(super) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '«'
            | '“'
            | '„'
            | '‘'
            | '"'
            | '\''
            | '‹'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '（'
    )
}

/// Dashes open dialogue lines in Russian and set off asides in English.
pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '―' | '‒' | '−')
}

/// List bullets: a bullet after a space starts a new item.
pub(super) fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '◦' | '‣' | '⁃' | '▪' | '●' | '∙')
}

/// A letter whose script has no case (CJK, Georgian, Arabic …): it may start a sentence.
pub(super) fn is_caseless_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_uppercase() && !c.is_lowercase()
}

/// The character at byte `i`, if any.
#[inline]
pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The character that ends just before byte `i`, if any.
#[inline]
pub(super) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// Byte offset after the white space (but not line breaks) that starts at `i`.
pub(super) fn skip_spaces(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(text, i) {
        if !c.is_whitespace() || is_line_break(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// Tokens longer than this are never abbreviations or addresses worth a look, and the bound keeps
/// every look-back and look-ahead short however long a token is.
const TOKEN_REACH: usize = 256;

/// Start of the white-space-delimited token that ends at byte `end` (looking back at most
/// [`TOKEN_REACH`] bytes).
pub(super) fn token_start(text: &str, end: usize) -> usize {
    let mut start = end;
    for (i, c) in text[..end].char_indices().rev() {
        if c.is_whitespace() || end - i > TOKEN_REACH {
            break;
        }
        start = i;
    }
    start
}

/// End of the white-space-delimited token that starts at byte `start` (looking ahead at most
/// [`TOKEN_REACH`] bytes).
pub(super) fn token_end(text: &str, start: usize) -> usize {
    let mut end = start;
    for (i, c) in text[start..].char_indices() {
        if c.is_whitespace() || i > TOKEN_REACH {
            break;
        }
        end = start + i + c.len_utf8();
    }
    end
}

/// End of the run of letters (with inner combining marks, Armenian stress marks and
/// apostrophes between letters) that starts at byte `start`.
pub(super) fn word_end(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut iter = text[start..].char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let inner_mark = matches!(c, '\u{55B}' | '\u{55C}' | '\u{55E}' | '\u{55F}')
            || (matches!(c, '\'' | '’') && iter.peek().is_some_and(|(_, n)| n.is_alphabetic()));
        if c.is_alphabetic() || is_combining(c) || (inner_mark && i > 0) {
            end = start + i + c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// Combining marks that can sit on a letter (the common blocks are enough here).
pub(super) fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// True when the word has at least two letters and none of them is lower-case.
pub(super) fn is_all_caps_word(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// Number of bytes of the ASCII digits starting at byte `i`.
pub(super) fn digits_len(bytes: &[u8], i: usize) -> usize {
    bytes[i.min(bytes.len())..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count()
}
