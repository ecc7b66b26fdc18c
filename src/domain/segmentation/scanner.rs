//! One pass over a paragraph that finds where its sentences stop, for Armenian, English, Russian.
//!
//! Candidate stops are clusters of terminal punctuation with the closing quotes and brackets that
//! follow them. Whether a cluster ends its sentence depends on what comes next (a capital, a
//! lower-case word, a number, a parenthesis) and, for a lone period, on the word before it, which
//! the language modules judge. Quotations, list items, line breaks, bullets and emoticons are
//! handled here because they work alike in all three languages.

use super::chars::{
    char_at, char_before, digits_len, is_bullet, is_closer, is_dot, is_ellipsis_char,
    is_fullwidth_terminal, is_line_break, is_opener, is_pure_closer, is_strong_terminal,
    skip_spaces, token_end, token_start,
};
use super::context::{next_after, period_context, Next, NextKind};
use super::lists::{start_marker_end, Markers};
use super::quotes::{QuoteFinder, Span};
use super::{armenian, english, russian, Lang};

/// The longest Armenian quotation (in words) that is kept whole: titles and quoted phrases.
const ARMENIAN_QUOTE_WORDS: usize = 10;

/// The byte offsets (ascending) after which a sentence stops.
pub(super) fn find_cuts(lang: Lang, text: &str) -> Vec<usize> {
    Scanner {
        text,
        lang,
        cuts: Vec::new(),
        has_content: false,
        markers: Markers::find(text),
        quotes: QuoteFinder::default(),
        protected: None,
        unprotected_until: 0,
        paren_clean: (0, 0),
    }
    .run()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StopKind {
    /// A single `.`: the language rules decide.
    Period,
    /// `...`, `…`: ends a sentence only before a capital.
    Ellipsis,
    /// `. . . .` standing apart: the last dot is a period.
    SpacedEllipsis,
    /// `!`, `?` and mixes with dots: ends a sentence unless a lower-case word follows.
    Strong,
    /// Armenian full stop `։` or the `:` typed for it.
    ArmenianStop,
    /// A quotation that itself ended with a stop, such as `"Wait!"`.
    QuoteEnd,
}

struct Cluster {
    end: usize,
    kind: Option<StopKind>,
    fullwidth: bool,
}

struct Scanner<'t> {
    text: &'t str,
    lang: Lang,
    cuts: Vec<usize>,
    /// The current sentence holds something besides bullets and white space.
    has_content: bool,
    markers: Markers,
    quotes: QuoteFinder,
    protected: Option<Span>,
    /// End of a quotation that was found but deliberately left open to splitting.
    unprotected_until: usize,
    /// A stretch known to hold no `)` before the end of its line.
    paren_clean: (usize, usize),
}

impl<'t> Scanner<'t> {
    fn run(mut self) -> Vec<usize> {
        let text = self.text;
        let mut skip_to = 0;
        for (i, c) in text.char_indices() {
            if i < skip_to {
                continue;
            }
            // Fast path: letters and digits in the middle of a sentence, and plain spaces, need no
            // rule at all (Cyrillic and Armenian letters lie below the Armenian full stop U+0589).
            let plain = c.is_ascii_alphanumeric() || ('\u{400}'..'\u{589}').contains(&c);
            if c == ' ' || (plain && self.has_content && self.markers.next_pos() > i) {
                continue;
            }
            if is_line_break(c) {
                self.cut(i);
                self.protected = None;
                continue;
            }
            if c.is_whitespace() {
                continue;
            }
            if let Some(span) = self.protected {
                if i < span.end {
                    if i == span.close && span.is_quote {
                        skip_to = self.quote_closed(span);
                    }
                    continue;
                }
                self.protected = None;
            }
            if let Some(end) = self.markers.at(i) {
                if self.has_content {
                    self.cut(i);
                }
                self.has_content = true;
                skip_to = end;
                continue;
            }
            if !self.has_content {
                if is_bullet(c) {
                    continue;
                }
                if let Some(end) = start_marker_end(text, i) {
                    self.has_content = true;
                    skip_to = end;
                    continue;
                }
            } else if is_bullet(c) && char_before(text, i).is_some_and(char::is_whitespace) {
                self.cut(i);
                continue;
            }
            self.has_content = true;
            if is_opener(c) && i >= self.unprotected_until {
                if let Some(span) = self.quotes.span_opened_at(text, i, c) {
                    if self.protects(i, span) {
                        self.protected = Some(span);
                        continue;
                    }
                    // Openers inside would only find the same closer again.
                    self.unprotected_until = span.end;
                }
            }
            if let Some(next) = self.stop_at(i, c) {
                skip_to = next;
            }
        }
        self.cuts
    }

    /// Whether the stops inside the quotation or bracket opened at `open` are ignored.
    ///
    /// Armenian prose quotes whole speeches in «…» and its full stop `։` is unambiguous, so
    /// there a quotation is only kept whole when it is short enough to be a title or a phrase.
    fn protects(&self, open: usize, span: Span) -> bool {
        if self.lang != Lang::Armenian || !span.is_quote {
            return true;
        }
        let words = self.text[open..span.close]
            .split_whitespace()
            .take(ARMENIAN_QUOTE_WORDS + 1);
        words.count() <= ARMENIAN_QUOTE_WORDS
    }

    fn cut(&mut self, at: usize) {
        if at > 0 && self.cuts.last().is_none_or(|&last| at > last) {
            self.cuts.push(at);
        }
        self.has_content = false;
    }

    /// Handles a possible stop at `i`; returns where scanning resumes when it consumed text.
    fn stop_at(&mut self, i: usize, c: char) -> Option<usize> {
        let is_stop_char = is_dot(c)
            || is_ellipsis_char(c)
            || is_strong_terminal(c)
            || c == '։'
            || (c == ':' && self.lang == Lang::Armenian && armenian::colon_is_stop(self.text, i));
        if is_stop_char {
            if c == '.' {
                if let Some(resume) = self.spaced_ellipsis(i) {
                    return Some(resume);
                }
            }
            let cluster = self.cluster(i);
            let kind = cluster.kind?;
            return Some(self.decide(i, cluster.end, kind, cluster.fullwidth));
        }
        if matches!(c, ':' | ';' | '=') {
            return self.emoticon(i);
        }
        None
    }

    /// Reads the run of stops and closers that starts at `start`.
    fn cluster(&self, start: usize) -> Cluster {
        let text = self.text;
        let (mut dots, mut ellipsis, mut strong, mut armenian_stop, mut fullwidth) =
            (0, false, false, false, false);
        let mut j = start;
        while let Some(c) = char_at(text, j) {
            if is_dot(c) {
                dots += 1;
            } else if is_ellipsis_char(c) {
                ellipsis = true;
            } else if is_strong_terminal(c) {
                strong = true;
                fullwidth |= is_fullwidth_terminal(c);
            } else if c == '։'
                || (c == ':' && self.lang == Lang::Armenian && armenian::colon_is_stop(text, j))
            {
                armenian_stop = true;
            } else if is_closer(c) {
                // `"` and `'` before a letter open the next quotation or belong to a word (`Jr.'s`).
                let next = char_at(text, j + c.len_utf8());
                if !is_pure_closer(c) && next.is_some_and(char::is_alphanumeric) {
                    break;
                }
            } else if c == '[' && (dots > 0 || strong || ellipsis) {
                // Reference marks glued to a stop belong to the sentence: "… martyr.[1] The …".
                match footnote_end(text, j) {
                    Some(end) => {
                        j = end;
                        continue;
                    }
                    None => break,
                }
            } else {
                break;
            }
            j += c.len_utf8();
        }
        let kind = if armenian_stop {
            Some(StopKind::ArmenianStop)
        } else if strong {
            Some(StopKind::Strong)
        } else if ellipsis || dots > 1 {
            Some(StopKind::Ellipsis)
        } else if dots == 1 {
            Some(StopKind::Period)
        } else {
            None
        };
        Cluster {
            end: self.extend_over_spaced_closers(j),
            kind,
            fullwidth,
        }
    }

    /// A closing quote or bracket set off by a space (`… такие… »`) still closes the sentence.
    fn extend_over_spaced_closers(&self, end: usize) -> usize {
        let text = self.text;
        let j = skip_spaces(text, end);
        if j == end {
            return end;
        }
        let Some(c) = char_at(text, j) else {
            return end;
        };
        let after = char_at(text, j + c.len_utf8());
        let closes = is_pure_closer(c)
            || (matches!(c, '"' | '\'') && after.is_none_or(|a| a.is_whitespace()));
        if !closes {
            return end;
        }
        let mut k = j + c.len_utf8();
        while let Some(c) = char_at(text, k) {
            if !(is_closer(c) || is_dot(c) || is_strong_terminal(c) || is_ellipsis_char(c)) {
                break;
            }
            k += c.len_utf8();
        }
        k
    }

    /// Decides whether the stop that spans `start..end` ends the sentence; returns where to resume.
    fn decide(&mut self, start: usize, end: usize, kind: StopKind, fullwidth: bool) -> usize {
        let next = next_after(self.text, end);
        if matches!(next.kind, NextKind::End | NextKind::LineBreak) {
            return end;
        }
        if !next.spaced {
            return self.glued(start, end, kind, fullwidth);
        }
        if next.kind == NextKind::Paren {
            let armenian_period = kind == StopKind::Period && self.lang == Lang::Armenian;
            if !armenian_period && self.parenthetical_stands_alone(next.at) {
                self.cut(end);
            }
            return end;
        }
        let ends = match kind {
            StopKind::Period => self.period_ends(start, next),
            StopKind::Ellipsis => {
                next.starts_with_capital()
                    && !(self.lang == Lang::Armenian
                        && armenian::caps_run_continues(self.text, start, next))
            }
            StopKind::SpacedEllipsis => next.starts_with_capital() || next.kind == NextKind::Digit,
            StopKind::Strong | StopKind::QuoteEnd | StopKind::ArmenianStop => {
                next.kind != NextKind::Lower
            }
        };
        if ends {
            self.cut(end);
        }
        end
    }

    /// A stop with no space after it: "world.Today", "martyr.1 The", "period．Next", "ավարտին:Հետո".
    fn glued(&mut self, start: usize, end: usize, kind: StopKind, fullwidth: bool) -> usize {
        let text = self.text;
        let Some(next) = char_at(text, end) else {
            return end;
        };
        if fullwidth || (kind == StopKind::ArmenianStop && next.is_uppercase()) {
            self.cut(end);
            return end;
        }
        if kind != StopKind::Period || self.lang == Lang::Armenian {
            return end;
        }
        let before = char_before(text, start);
        if next.is_ascii_digit()
            && before.is_some_and(|b| b.is_alphabetic() || is_pure_closer(b) || b == '"')
        {
            if let Some(after_refs) = self.footnote_numbers(end) {
                self.cut(after_refs);
                return after_refs;
            }
            return end;
        }
        let word_like_after = char_at(text, end + next.len_utf8()).is_some_and(char::is_lowercase);
        if next.is_uppercase()
            && word_like_after
            && before.is_some_and(|b| b.is_lowercase() || b.is_ascii_digit())
            && !is_address(&text[token_start(text, start)..token_end(text, end)])
        {
            self.cut(end);
        }
        end
    }

    /// Reference numbers glued to a stop ("consultation.11 12 Take"): where they end, when a
    /// capitalised sentence follows them.
    fn footnote_numbers(&self, from: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let mut end = from + digits_len(bytes, from);
        if end - from > 3 || !bytes.get(end).is_some_and(u8::is_ascii_whitespace) {
            return None;
        }
        loop {
            let at = skip_spaces(self.text, end);
            let more = digits_len(bytes, at);
            if more == 0 || more > 3 || !bytes.get(at + more).is_some_and(u8::is_ascii_whitespace) {
                break;
            }
            end = at + more;
        }
        let next = next_after(self.text, end);
        (next.spaced && next.kind == NextKind::Upper).then_some(end)
    }

    fn period_ends(&self, dot: usize, next: Next<'t>) -> bool {
        if self.lang == Lang::Armenian || next.kind == NextKind::Lower {
            // In Armenian `.` is a colon or an abbreviation dot; the full stop is `։`.
            return false;
        }
        let ctx = period_context(self.text, dot, self.cuts.last().copied().unwrap_or(0), next);
        match self.lang {
            Lang::English => english::period_ends(&ctx),
            Lang::Russian => russian::period_ends(&ctx),
            Lang::Armenian => false,
        }
    }

    /// `. . .` (dots with spaces): a mid-sentence omission, unless four dots stand apart (the last
    /// is a period) or the first dot is glued to a word (a period, then the omission opens the
    /// next sentence). Returns where to resume, or `None` when the dot is not followed by " .".
    fn spaced_ellipsis(&mut self, i: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let mut dots = 1;
        let mut end = i + 1;
        while bytes.get(end) == Some(&b' ') && bytes.get(end + 1) == Some(&b'.') {
            dots += 1;
            end += 2;
        }
        if dots < 2 {
            return None;
        }
        let glued_closers: usize = self.text[end..]
            .chars()
            .take_while(|&c| is_closer(c))
            .map(char::len_utf8)
            .sum();
        let end = self.extend_over_spaced_closers(end + glued_closers);
        let glued_to_word = char_before(self.text, i).is_some_and(|c| !c.is_whitespace());
        if glued_to_word {
            let next = next_after(self.text, end);
            if dots >= 4 && next.spaced && next.starts_with_capital() {
                self.cut(i + 1);
                self.has_content = true;
            }
            Some(end)
        } else if dots >= 4 {
            Some(self.decide(i, end, StopKind::SpacedEllipsis, false))
        } else {
            Some(end)
        }
    }

    /// The closer of a quotation: when the quoted text itself ended with a stop, the quotation
    /// may end the sentence ("She said, "Go." Then …").
    fn quote_closed(&mut self, span: Span) -> usize {
        let text = self.text;
        let inner = text[..span.close].trim_end().trim_end_matches(is_closer);
        let mut tail = inner.chars().rev();
        let last = tail.next();
        let before_last = tail.next();
        let finished = match last {
            // In Armenian a lone `.` is no stop, but `...` is.
            Some(c) if is_dot(c) => self.lang != Lang::Armenian || before_last.is_some_and(is_dot),
            Some(c) if is_strong_terminal(c) || is_ellipsis_char(c) || c == '։' => true,
            Some(':') => self.lang == Lang::Armenian,
            // An interrupted speech: "… to--" or "… to—".
            Some('—') => true,
            Some('-') => before_last == Some('-'),
            _ => false,
        };
        if !finished {
            return span.close;
        }
        let mut end = span.end;
        while let Some(c) = char_at(text, end) {
            let is_more = is_closer(c) || is_dot(c) || is_strong_terminal(c) || is_ellipsis_char(c);
            if !is_more
                || (matches!(c, '"' | '\'')
                    && char_at(text, end + 1).is_some_and(char::is_alphanumeric))
            {
                break;
            }
            end += c.len_utf8();
        }
        self.decide(span.close, end, StopKind::QuoteEnd, false)
    }

    /// A whole parenthesised sentence after a stop stands alone when another sentence follows it;
    /// at the end of the paragraph it stays with the sentence it comments on.
    fn parenthetical_stands_alone(&mut self, open: usize) -> bool {
        let text = self.text;
        let (clean_from, clean_to) = self.paren_clean;
        if clean_from <= open && open < clean_to {
            return false;
        }
        let mut depth = 0usize;
        let mut close = None;
        let mut saw_close = false;
        let mut line_end = text.len();
        for (offset, c) in text[open + 1..].char_indices() {
            match c {
                '(' => depth += 1,
                ')' if depth == 0 => {
                    close = Some(open + 1 + offset);
                    break;
                }
                ')' => {
                    depth -= 1;
                    saw_close = true;
                }
                c if is_line_break(c) => {
                    line_end = open + 1 + offset;
                    break;
                }
                _ => {}
            }
        }
        let Some(close) = close else {
            if !saw_close {
                self.paren_clean = (open, line_end);
            }
            return false;
        };
        let inner = text[open + 1..close].trim();
        let starts_capital = inner
            .trim_start_matches(is_opener)
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        let ends_stop = inner
            .trim_end_matches(is_closer)
            .chars()
            .next_back()
            .is_some_and(|c| is_dot(c) || is_strong_terminal(c) || is_ellipsis_char(c));
        let after = next_after(self.text, close + 1);
        starts_capital && ends_stop && after.spaced && after.starts_with_capital()
    }

    /// `:)`, `;-)`, `:((` after a space end a sentence when a capital follows (chat style).
    fn emoticon(&mut self, i: usize) -> Option<usize> {
        let text = self.text;
        if !char_before(text, i).is_none_or(char::is_whitespace) {
            return None;
        }
        let bytes = text.as_bytes();
        let mut j = i + 1;
        if matches!(bytes.get(j), Some(b'-' | b'\'')) {
            j += 1;
        }
        let mouth = j;
        while matches!(bytes.get(j), Some(b')' | b'(')) {
            j += 1;
        }
        if j == mouth && matches!(bytes.get(j), Some(b'D' | b'P' | b'p')) {
            j += 1;
        }
        if j == mouth || !char_at(text, j).is_none_or(char::is_whitespace) {
            return None;
        }
        let next = next_after(self.text, j);
        if next.starts_with_capital() {
            self.cut(j);
        }
        Some(j)
    }
}

/// `[1]`, `[7][8]`, `[2–11]`, `[3, 4]` right after a stop: where the reference marks end.
fn footnote_end(text: &str, mut i: usize) -> Option<usize> {
    let mut found = None;
    while text[i..].starts_with('[') {
        // References are short: looking further would make "x.[" repeated quadratic.
        let close = text.as_bytes()[i..]
            .iter()
            .take(16)
            .position(|&b| b == b']')?;
        let inner = &text[i + 1..i + close];
        let is_ref = !inner.is_empty()
            && inner.len() <= 12
            && inner
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ',' | ' ' | '-' | '–'));
        if !is_ref {
            break;
        }
        i += close + 1;
        found = Some(i);
    }
    found
}

/// URLs and e-mail addresses keep their dots: "www.example.Com", "Jane.Doe@example.com".
fn is_address(token: &str) -> bool {
    token.contains("://")
        || token.contains('@')
        || token
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case("www."))
}
