//! Pairs an opening quotation mark or square bracket with its closer on the same line.
//!
//! Stops inside a quotation belong to the quoted speech, not to the sentence that quotes it
//! ("He said: «Stop. Wait.» and left" is one sentence), and square brackets hold editorial
//! insertions and references. Only a pair that closes on the same line counts: an opener
//! without a closer is left alone, so a stray `"` or apostrophe never hides a boundary.

use super::chars::{char_at, char_before, is_dash, is_line_break, is_opener};

/// A protected span: the closer sits at `close` and the span ends at `end`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Span {
    pub close: usize,
    pub end: usize,
    /// Square brackets never make the text before them a finished quotation.
    pub is_quote: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Guillemet,
    CurlyDouble,
    LowDouble,
    CurlySingle,
    AsciiDouble,
    AsciiSingle,
    Square,
}

const KINDS: usize = 7;

/// A plain apostrophe is also an elision mark, so a single-quoted span is only believed when short.
const ASCII_SINGLE_REACH: usize = 500;
/// Other quotations may run over several sentences, but not over a whole book.
const REACH: usize = 20_000;

/// Remembers, per kind of mark, the stretch already searched without finding a closer, so that
/// a later opener inside it resumes the search where the last one stopped: many unmatched openers
/// then cost one scan instead of one scan each.
#[derive(Debug, Default)]
pub(super) struct QuoteFinder {
    searched: [Searched; KINDS],
}

#[derive(Debug, Default, Clone, Copy)]
struct Searched {
    from: usize,
    to: usize,
    /// `to` is a line break (or the end of the text): nothing past it can close an earlier opener.
    line_end: bool,
}

/// Why a search stopped without a closer, and where.
enum Stop {
    LineEnd(usize),
    Reach(usize),
}

impl QuoteFinder {
    /// If `c` at byte `i` opens a quotation or bracket that closes on the same line, its span.
    pub(super) fn span_opened_at(&mut self, text: &str, i: usize, c: char) -> Option<Span> {
        let kind = opening_kind(text, i, c)?;
        let from = i + c.len_utf8();
        let reach = if kind == Kind::AsciiSingle {
            ASCII_SINGLE_REACH
        } else {
            REACH
        };
        let known = self.searched[kind as usize];
        let resume = known.from <= from && from < known.to;
        if resume && known.line_end {
            return None;
        }
        let scan_from = if resume { known.to } else { from };
        let search_start = if resume { known.from } else { from };
        match find_closer(text, from, scan_from, from.saturating_add(reach), kind) {
            Ok(close) => {
                let close_char = char_at(text, close)?;
                Some(Span {
                    close,
                    end: close + close_char.len_utf8(),
                    is_quote: kind != Kind::Square,
                })
            }
            Err(stop) => {
                let (to, line_end) = match stop {
                    Stop::LineEnd(at) => (at, true),
                    Stop::Reach(at) => (at, false),
                };
                self.searched[kind as usize] = Searched {
                    from: search_start,
                    to,
                    line_end,
                };
                None
            }
        }
    }
}

fn opening_kind(text: &str, i: usize, c: char) -> Option<Kind> {
    let next = char_at(text, i + c.len_utf8())?;
    if next.is_whitespace() {
        return None;
    }
    let prev = char_before(text, i);
    // An opener follows white space, another opener or a dash; after a letter `"`, `'` and `“`
    // close something instead (or, for `'`, mark an elision).
    let after_gap = prev.is_none_or(|p| p.is_whitespace() || is_opener(p) || is_dash(p));
    match c {
        '«' => Some(Kind::Guillemet),
        '„' => Some(Kind::LowDouble),
        '[' => Some(Kind::Square),
        '“' if after_gap => Some(Kind::CurlyDouble),
        '‘' if after_gap => Some(Kind::CurlySingle),
        '"' if after_gap => Some(Kind::AsciiDouble),
        '\'' if after_gap && (next.is_alphanumeric() || is_opener(next) || next == '.') => {
            Some(Kind::AsciiSingle)
        }
        _ => None,
    }
}

/// The first closer of a quotation whose text starts at `from`, searching `scan_from..limit`.
///
/// Quotations are not nested on purpose: the first closer wins, which keeps every search linear
/// and matches how nested quotes are written in practice (`«… „…“ …»`).
fn find_closer(
    text: &str,
    from: usize,
    scan_from: usize,
    limit: usize,
    kind: Kind,
) -> Result<usize, Stop> {
    let mut iter = text[scan_from..].char_indices().peekable();
    while let Some((offset, c)) = iter.next() {
        let at = scan_from + offset;
        if at >= limit {
            return Err(Stop::Reach(at));
        }
        if is_line_break(c) {
            return Err(Stop::LineEnd(at));
        }
        let closes = match kind {
            Kind::Guillemet => c == '»',
            Kind::CurlyDouble => c == '”',
            Kind::LowDouble => c == '“' || c == '”',
            Kind::AsciiDouble => c == '"',
            Kind::Square => c == ']',
            // A closing single quote is not an apostrophe inside a word ("dragon’s", "isn't"), and
            // it does not follow the opener at once.
            Kind::CurlySingle | Kind::AsciiSingle => {
                let mark = if kind == Kind::CurlySingle {
                    '’'
                } else {
                    '\''
                };
                c == mark
                    && at > from
                    && !iter.peek().is_some_and(|(_, n)| n.is_alphanumeric())
                    && !char_before(text, at).is_some_and(char::is_whitespace)
            }
        };
        if closes {
            return Ok(at);
        }
    }
    Err(Stop::LineEnd(text.len()))
}
