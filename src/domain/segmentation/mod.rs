//! Splits one paragraph into sentences: own rules for Armenian, English, Russian; UAX #29 otherwise.
//!
//! A line break inside the paragraph always ends a sentence: lists, addresses and headings are
//! written one per line, so text that was hard-wrapped must be unwrapped before it comes here.
//!
//! The segmenter only ever reports byte ranges into the text it was given, so the source text that
//! Tandem stores is never rewritten: every non-white-space character lands in exactly one range.
//! It is self-contained (only `std` and `unicode-segmentation`) so that it can be measured and
//! tested on its own.

mod abbreviations;
mod armenian;
mod chars;
mod context;
mod english;
mod generic;
mod lists;
mod quotes;
mod russian;
mod scanner;

#[cfg(test)]
mod tests;

use std::ops::Range;

/// The languages that have their own rules; every other language goes to [`generic`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Armenian,
    English,
    Russian,
}

impl Lang {
    /// `lang` is a BCP 47 primary subtag; a full tag such as `en-GB` is tolerated too.
    fn from_subtag(lang: &str) -> Option<Self> {
        let primary = lang.split(['-', '_']).next().unwrap_or("");
        // Western Armenian (`hyw`) shares the punctuation that the rules depend on.
        if primary.eq_ignore_ascii_case("hy") || primary.eq_ignore_ascii_case("hyw") {
            Some(Lang::Armenian)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::English)
        } else if primary.eq_ignore_ascii_case("ru") {
            Some(Lang::Russian)
        } else {
            None
        }
    }
}

/// Byte ranges of the sentences of one paragraph, in order.
///
/// The ranges are ascending, never overlap, are never empty, carry no leading or trailing white
/// space, and together cover every non-white-space character of `text`.
pub fn split_sentences(lang: &str, text: &str) -> Vec<Range<usize>> {
    match Lang::from_subtag(lang) {
        Some(lang) => ranges_between_cuts(text, &scanner::find_cuts(lang, text)),
        None => generic::split(text),
    }
}

/// Turns the cut positions (ascending byte offsets where one sentence stops and the next may
/// begin) into trimmed, non-empty ranges.
fn ranges_between_cuts(text: &str, cuts: &[usize]) -> Vec<Range<usize>> {
    let mut ranges = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for &cut in cuts.iter().chain(std::iter::once(&text.len())) {
        if cut > start {
            push_trimmed(text, start..cut, &mut ranges);
            start = cut;
        }
    }
    ranges
}

/// Pushes `range` without its surrounding white space, unless nothing is left of it.
fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &text[range.clone()];
    let without_head = piece.trim_start();
    let start = range.start + (piece.len() - without_head.len());
    let end = start + without_head.trim_end().len();
    if end > start {
        out.push(start..end);
    }
}
