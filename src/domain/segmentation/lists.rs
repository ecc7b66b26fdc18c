//! List item markers (`1.`, `2)`, `b.`, `(iv)`): each item is a sentence of its own.
//!
//! Where an item starts inside a paragraph a new sentence starts, and the marker's own period is
//! not a sentence end.
//!
//! A marker is only believed inside a paragraph when it belongs to a run: the same style with the
//! previous value before it or the next value after it (`1. … 2. …`, `a) … b) …`). That keeps a
//! lone "p. 55" or "for 1. above" out, while the start of a sentence accepts any marker shape.

use super::chars::{char_at, char_before, digits_len, is_bullet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Body {
    Number,
    Lower,
    Upper,
    RomanLower,
    RomanUpper,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Close {
    Dot,
    Paren,
    DotParen,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Style {
    paren_open: bool,
    body: Body,
    close: Close,
}

#[derive(Debug, Clone, Copy)]
struct Candidate {
    style: Style,
    value: u32,
    pos: usize,
    end: usize,
    /// `2)` after a `;` is an item even without its neighbours: "… квартире; 2) отчуждать …".
    after_semicolon: bool,
}

/// The list markers of one paragraph that start a new item, in text order.
#[derive(Debug, Default)]
pub(super) struct Markers {
    items: Vec<(usize, usize)>,
    cursor: usize,
}

impl Markers {
    pub(super) fn find(text: &str) -> Markers {
        let bytes = text.as_bytes();
        let mut candidates = Vec::new();
        for (i, &b) in bytes.iter().enumerate() {
            // Markers are ASCII, Cyrillic or Armenian: cheap byte tests before any parsing.
            let may_start =
                b == b'(' || b.is_ascii_alphanumeric() || matches!(b, 0xD0 | 0xD1 | 0xD4..=0xD6);
            if may_start && may_follow_space(bytes, i) && at_token_start(text, i) {
                parse_candidates(text, i, &mut candidates);
            }
        }
        if candidates.is_empty() {
            return Markers::default();
        }
        let mut by_style: Vec<(Style, u32, usize)> = candidates
            .iter()
            .map(|c| (c.style, c.value, c.pos))
            .collect();
        by_style.sort_unstable();
        let mut items: Vec<(usize, usize)> = candidates
            .iter()
            .filter(|c| c.after_semicolon || in_sequence(&by_style, c))
            .map(|c| (c.pos, c.end))
            .collect();
        items.dedup_by_key(|item| item.0);
        Markers { items, cursor: 0 }
    }

    /// Where the next marker not yet passed starts (`usize::MAX` when none is left).
    pub(super) fn next_pos(&self) -> usize {
        self.items
            .get(self.cursor)
            .map_or(usize::MAX, |item| item.0)
    }

    /// The end of the in-sequence marker that starts at byte `i`, if there is one. Calls must come
    /// with ascending `i`.
    pub(super) fn at(&mut self, i: usize) -> Option<usize> {
        while let Some(&(pos, end)) = self.items.get(self.cursor) {
            if pos > i {
                return None;
            }
            self.cursor += 1;
            if pos == i {
                return Some(end);
            }
        }
        None
    }
}

/// A cheap byte test that rules out most positions inside words before any decoding: white space
/// and bullets are ASCII, or multi-byte characters led by 0xC2 (U+0085, U+00A0) or 0xE1–0xE3
/// (U+1680, U+2000–U+205F, U+3000, the bullets).
fn may_follow_space(bytes: &[u8], i: usize) -> bool {
    match i {
        0 => true,
        _ if bytes[i - 1] < 0x80 => bytes[i - 1].is_ascii_whitespace(),
        1 => false,
        _ => bytes[i - 2] == 0xC2 || (i >= 3 && matches!(bytes[i - 3], 0xE1..=0xE3)),
    }
}

fn at_token_start(text: &str, i: usize) -> bool {
    if !text.is_char_boundary(i) {
        return false;
    }
    match char_before(text, i) {
        None => true,
        Some(p) => p.is_whitespace() || is_bullet(p),
    }
}

fn in_sequence(sorted: &[(Style, u32, usize)], c: &Candidate) -> bool {
    let group = |value: u32| {
        let lo = sorted.partition_point(|e| (e.0, e.1) < (c.style, value));
        let hi = sorted.partition_point(|e| (e.0, e.1) <= (c.style, value));
        &sorted[lo..hi]
    };
    let before = c.value > 0 && group(c.value - 1).first().is_some_and(|e| e.2 < c.pos);
    let after = group(c.value + 1).last().is_some_and(|e| e.2 > c.pos);
    before || after
}

fn roman_value(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in s.chars().rev() {
        let v = match c.to_ascii_lowercase() {
            'i' => 1,
            'v' => 5,
            'x' => 10,
            'l' => 50,
            'c' => 100,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    (total > 0).then_some(total)
}

/// The byte length of a marker body made of letters at `i`: one letter followed by `.` or `)`,
/// or a run of up to six Roman-numeral letters. Words are rejected after looking at one or two
/// characters, which matters because this runs at the start of every word.
fn letter_body_len(text: &str, i: usize) -> Option<usize> {
    let first = char_at(text, i)?;
    if !first.is_alphabetic() {
        return None;
    }
    if matches!(char_at(text, i + first.len_utf8()), Some('.' | ')')) {
        return Some(first.len_utf8());
    }
    let len = text.as_bytes()[i..]
        .iter()
        .take(7)
        .take_while(|b| matches!(b.to_ascii_lowercase(), b'i' | b'v' | b'x' | b'l' | b'c'))
        .count();
    (len > 1 && len <= 6).then_some(len)
}

/// Parses the marker shape that starts at `i`: its bodies (a letter that is also a Roman numeral
/// has two readings), its closing style and its end.
fn parse_candidates(text: &str, i: usize, out: &mut Vec<Candidate>) {
    let bytes = text.as_bytes();
    let paren_open = bytes[i] == b'(';
    let body_start = i + usize::from(paren_open);
    let mut readings: [Option<(Body, u32)>; 2] = [None, None];
    let body_end;
    let digits = digits_len(bytes, body_start);
    if digits > 0 {
        if digits > 3 {
            return;
        }
        body_end = body_start + digits;
        let value = text[body_start..body_end].parse().unwrap_or(0);
        readings[0] = Some((Body::Number, value));
    } else {
        let Some(len) = letter_body_len(text, body_start) else {
            return;
        };
        body_end = body_start + len;
        let word = &text[body_start..body_end];
        let upper = word.chars().all(char::is_uppercase);
        let lower = word.chars().all(char::is_lowercase);
        if word.chars().nth(1).is_none() {
            let c = word.chars().next().unwrap_or(' ');
            let body = if upper { Body::Upper } else { Body::Lower };
            readings[0] = Some((body, c as u32));
        }
        if upper || lower {
            if let Some(value) = roman_value(word) {
                let body = if upper {
                    Body::RomanUpper
                } else {
                    Body::RomanLower
                };
                readings[1] = Some((body, value));
            }
        }
    }
    let (close, end) = match (char_at(text, body_end), char_at(text, body_end + 1)) {
        (Some('.'), Some(')')) => (Close::DotParen, body_end + 2),
        (Some('.'), _) => (Close::Dot, body_end + 1),
        (Some(')'), _) => (Close::Paren, body_end + 1),
        _ => return,
    };
    if paren_open && close != Close::Paren {
        return;
    }
    if !char_at(text, end).is_some_and(char::is_whitespace) {
        return;
    }
    let next = text[end..].trim_start().chars().next();
    let after_semicolon = close != Close::Dot && text[..i].trim_end().ends_with(';');
    for (body, value) in readings.into_iter().flatten() {
        if close == Close::Dot {
            // With a bare period, a capital letter is an initial and a number is only an item
            // when an item text (a capitalised word) follows.
            match body {
                Body::Upper | Body::RomanUpper => continue,
                Body::Number if !next.is_some_and(char::is_uppercase) => continue,
                _ => {}
            }
        }
        out.push(Candidate {
            style: Style {
                paren_open,
                body,
                close,
            },
            value,
            pos: i,
            end,
            after_semicolon,
        });
    }
}

/// At the start of a sentence any marker shape is taken as a marker, so that its period does not
/// end a one-word "sentence": `4.`, `IV.`, `§ 2.`, `8.1.`, `b)`, `(iii)`, `Q.`. Returns its end.
pub(super) fn start_marker_end(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut j = i;
    if let Some(c @ ('§' | '№')) = char_at(text, j) {
        j += c.len_utf8();
        while bytes.get(j) == Some(&b' ') {
            j += 1;
        }
    }
    let paren_open = bytes.get(j) == Some(&b'(');
    j += usize::from(paren_open);
    let digits = digits_len(bytes, j);
    if digits > 0 {
        if digits > 3 {
            return None;
        }
        j += digits;
        // Multi-level numbers such as `8.1.` or `2.3.4)`.
        while bytes.get(j) == Some(&b'.') {
            let more = digits_len(bytes, j + 1);
            if more == 0 || more > 3 {
                break;
            }
            j += 1 + more;
        }
    } else {
        let len = letter_body_len(text, j)?;
        if len > 1 && roman_value(&text[j..j + len]).is_none() {
            return None;
        }
        j += len;
    }
    let end = match (bytes.get(j), bytes.get(j + 1)) {
        (Some(b'.'), Some(b')')) if !paren_open => j + 2,
        (Some(b'.'), _) if !paren_open => j + 1,
        (Some(b')'), _) => j + 1,
        _ => return None,
    };
    char_at(text, end)
        .is_some_and(char::is_whitespace)
        .then_some(end)
}
