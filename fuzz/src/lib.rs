//! Shared helpers of the fuzz targets: turning raw bytes into inputs and checking the promises
//! that Tandem's documentation makes about its results.
//!
//! The checks panic on a broken promise, which libFuzzer reports as a crash with the input.

use std::ops::Range;

use tandem::domain::align::Bead;
use tandem::domain::blocks::{Block, BlockKind};
use tandem::domain::language::LanguageTag;

/// The languages with their own sentence rules, plus one (`de`) that takes the UAX #29 fallback.
pub const LANGS: [&str; 4] = ["hy", "en", "ru", "de"];

/// The fuzzer's bytes as text. Invalid UTF-8 is replaced rather than rejected, so that byte-level
/// mutations of a good seed still reach the code under test instead of being thrown away.
pub fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// Splits an input in two at its first NUL byte (the seeds for two-sided targets are written
/// that way), or in the middle when it has none, so that any input gives two sides.
pub fn two_sides(data: &[u8]) -> (String, String) {
    match data.iter().position(|&b| b == 0) {
        Some(i) => (text(&data[..i]), text(&data[i + 1..])),
        None => {
            let all = text(data);
            let mut mid = all.len() / 2;
            while !all.is_char_boundary(mid) {
                mid -= 1;
            }
            (all[..mid].to_owned(), all[mid..].to_owned())
        }
    }
}

pub fn tag(lang: &str) -> LanguageTag {
    LanguageTag::parse(lang).expect("a fixed, valid language tag")
}

/// The promise of `split_sentences`: ranges ascending, never overlapping, never empty, on
/// character boundaries, without leading or trailing white space, covering every non-white-space
/// character of `text`.
pub fn check_sentences(lang: &str, text: &str, ranges: &[Range<usize>]) {
    let mut floor = 0;
    for r in ranges {
        assert!(
            r.start >= floor && r.start < r.end,
            "{lang}: range {r:?} empty, overlapping or out of order in {text:?}: {ranges:?}"
        );
        let slice = text
            .get(r.clone())
            .unwrap_or_else(|| panic!("{lang}: range {r:?} does not slice {text:?}"));
        let (first, last) = (slice.chars().next(), slice.chars().next_back());
        assert!(
            !first.is_some_and(char::is_whitespace) && !last.is_some_and(char::is_whitespace),
            "{lang}: untrimmed sentence {slice:?} in {text:?}"
        );
        // Everything between two sentences must be white space: nothing is lost.
        let gap = &text[floor..r.start];
        assert!(
            gap.chars().all(char::is_whitespace),
            "{lang}: {gap:?} before {r:?} is in no sentence of {text:?}: {ranges:?}"
        );
        floor = r.end;
    }
    let tail = &text[floor..];
    assert!(
        tail.chars().all(char::is_whitespace),
        "{lang}: the tail {tail:?} is in no sentence of {text:?}: {ranges:?}"
    );
}

/// White space at a block's edges, as `blocks.rs` defines it: Unicode white space and the BOM.
fn is_edge_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// The promise of `split_blocks` for either format: both ranges non-empty, on character
/// boundaries and trimmed; `text_range` inside `range`; blocks in order without overlap;
/// heading levels 1 to 6.
pub fn check_blocks(text: &str, blocks: &[Block]) {
    let mut floor = 0;
    for b in blocks {
        for r in [&b.range, &b.text_range] {
            assert!(r.start < r.end, "empty range {r:?} in {text:?}");
            let slice = text
                .get(r.clone())
                .unwrap_or_else(|| panic!("range {r:?} does not slice {text:?}"));
            let (first, last) = (slice.chars().next(), slice.chars().next_back());
            assert!(
                !first.is_some_and(is_edge_space) && !last.is_some_and(is_edge_space),
                "untrimmed block {slice:?} in {text:?}"
            );
        }
        assert!(
            b.range.start >= floor,
            "overlap or disorder in {text:?}: {blocks:?}"
        );
        assert!(
            b.range.start <= b.text_range.start && b.text_range.end <= b.range.end,
            "text_range outside range in {text:?}: {b:?}"
        );
        if let BlockKind::Heading(level) = b.kind {
            assert!((1..=6).contains(&level), "heading level {level}");
        }
        floor = b.range.end;
    }
}

/// Plain text loses nothing: outside the blocks there is only edge space.
pub fn check_plain_covers(text: &str, blocks: &[Block]) {
    let mut floor = 0;
    for b in blocks {
        let gap = &text[floor..b.text_range.start];
        assert!(
            gap.chars().all(is_edge_space),
            "{gap:?} is in no block of {text:?}: {blocks:?}"
        );
        floor = b.text_range.end;
    }
    let tail = &text[floor..];
    assert!(
        tail.chars().all(is_edge_space),
        "the tail {tail:?} is in no block of {text:?}"
    );
}

/// The promise of the aligner: every index of both sides in exactly one bead, in order, and no
/// bead empty on both sides.
pub fn check_beads(beads: &[Bead], n: usize, m: usize) {
    let src = beads.iter().flat_map(|b| b.src.iter().copied());
    let tgt = beads.iter().flat_map(|b| b.tgt.iter().copied());
    assert!(
        src.eq(0..n),
        "source indices not 0..{n} in order: {beads:?}"
    );
    assert!(
        tgt.eq(0..m),
        "target indices not 0..{m} in order: {beads:?}"
    );
    assert!(
        beads.iter().all(|b| !b.src.is_empty() || !b.tgt.is_empty()),
        "an empty bead in {beads:?}"
    );
}

/// Whether the non-white-space characters of `needle` appear in `haystack` in the same order
/// (others may stand between them): what an exporter that adds markup but drops nothing keeps.
pub fn is_char_subsequence(needle: &str, haystack: &str) -> bool {
    let mut rest = haystack.chars().filter(|c| !c.is_whitespace());
    needle
        .chars()
        .filter(|c| !c.is_whitespace())
        .all(|c| rest.any(|h| h == c))
}
