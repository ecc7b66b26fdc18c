//! Splitting a text into word, number and punctuation tokens, each with a folded comparison key.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

/// What a token is; differences in numbers and punctuation weigh less than in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

/// One token of a text: its text as written and the key it is compared by.
///
/// Two tokens with the same key but different surfaces (`Երևան` and `երեվան`, `Ёж` and `еж`)
/// count as the same word written differently, which costs little.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub kind: TokenKind,
    pub surface: &'a str,
    pub key: Cow<'a, str>,
}

/// The tokens of `text` by Unicode word boundaries (UAX #29), without the white space between them.
///
/// Word boundaries keep `1.000.000`, `3,5` and `don't` whole and make Armenian `։` `՝` and
/// Russian `«` `»` tokens of their own, while the Armenian stress marks `՛ ՜ ՞`, which sit inside
/// a word, stay inside it.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    // About one token per four bytes of Armenian or Russian text: one allocation, mostly.
    let mut tokens = Vec::with_capacity(text.len() / 4 + 4);
    tokens.extend(text.split_word_bounds().filter_map(|segment| {
        let kind = classify(segment)?;
        let key = match kind {
            TokenKind::Word => fold_word(segment),
            TokenKind::Number => Cow::Borrowed(segment),
            TokenKind::Punct => fold_punct(segment),
        };
        Some(Token {
            kind,
            surface: segment,
            key,
        })
    }));
    tokens
}

/// The kind of a segment, or `None` for white space and invisible format characters.
fn classify(segment: &str) -> Option<TokenKind> {
    let first = segment.chars().next()?;
    // Most segments are a single space or a word that starts with a letter.
    if is_common_lowercase(first) || first.is_alphabetic() {
        return Some(TokenKind::Word);
    }
    if segment.chars().any(char::is_alphabetic) {
        Some(TokenKind::Word)
    } else if segment.chars().any(char::is_numeric) {
        Some(TokenKind::Number)
    } else if segment
        .chars()
        .all(|c| c.is_whitespace() || is_invisible(c))
    {
        None
    } else {
        Some(TokenKind::Punct)
    }
}

/// Lower-case letters of the scripts Tandem works in, which fold to themselves and carry no
/// mark: a quick answer before the Unicode tables (`ё` and `և` fold, so they are not included).
fn is_common_lowercase(c: char) -> bool {
    c.is_ascii_lowercase() || ('ա'..='ֆ').contains(&c) || ('а'..='я').contains(&c)
}

/// Characters that change nothing a reader sees: soft hyphen, zero-width space and joiners, BOM.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Marks that a word may carry without becoming another word: Armenian emphasis `՛`, exclamation
/// `՜` and question `՞` marks (written on a vowel inside the word) and the combining acute accent
/// that Russian dictionaries and textbooks use for stress.
fn is_word_mark(c: char) -> bool {
    matches!(c, '\u{055B}' | '\u{055C}' | '\u{055E}' | '\u{0301}') || is_invisible(c)
}

/// The comparison key of a word: lower case, without stress and intonation marks, with the
/// spellings that readers take for the same letter made equal:
/// - Armenian `և` is one letter in the reformed spelling and `եւ` in the classical one; capitalised
///   it is written `Եվ`, so all three fold to `եվ` (`ւ` never follows `ե` otherwise: in reformed
///   spelling it only appears in `ու`);
/// - Russian `ё` is commonly printed as `е`;
/// - typographic apostrophes inside words (`don’t`) match the typewriter one.
fn fold_word(word: &str) -> Cow<'_, str> {
    let plain = word.chars().all(|c| {
        is_common_lowercase(c) && c != 'ւ'
            || !c.is_uppercase() && !is_word_mark(c) && !matches!(c, 'և' | 'ё' | 'ւ' | '’' | 'ʼ')
    });
    if plain {
        return Cow::Borrowed(word);
    }
    let mut folded = String::with_capacity(word.len() + 2);
    for c in word.chars() {
        match c {
            _ if is_word_mark(c) => {}
            'և' => folded.push_str("եվ"),
            'ё' | 'Ё' => folded.push('е'),
            '’' | 'ʼ' => folded.push('\''),
            _ => folded.extend(c.to_lowercase()),
        }
    }
    if folded.contains("եւ") {
        folded = folded.replace("եւ", "եվ");
    }
    Cow::Owned(folded)
}

/// The comparison key of a punctuation token: quotation marks, apostrophes and dashes of any
/// style fold to one each, and the Armenian full stop `։` to the colon that often stands for it.
fn fold_punct(punct: &str) -> Cow<'_, str> {
    let mut chars = punct.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return Cow::Borrowed(punct);
    };
    let folded = match c {
        '«' | '»' | '„' | '“' | '”' | '‟' | '‹' | '›' | '"' => "\"",
        '‘' | '’' | '‚' | '‛' | '\'' => "'",
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '-' => "-",
        '։' | ':' => ":",
        '․' | '.' => ".",
        _ => return Cow::Borrowed(punct),
    };
    Cow::Borrowed(folded)
}
