//! Bitext alignment: pairs the sentences or paragraphs of a text with those of its translation.
//!
//! The method is Gale and Church's (1993): a translation keeps roughly the length of its source,
//! so a dynamic programme picks the chain of beads (1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3)
//! whose shapes are common and whose lengths agree best. Lengths are counted in characters and
//! compared through the ratio of the two documents' totals, so any pair of languages works
//! without tables.
//!
//! A bead with an empty side (a sentence left untranslated) is priced by its prior alone, as in
//! Moore's (2002) model: measured by the normal model, it would always lose to gluing the
//! sentence onto a neighbour.
//!
//! Length alone confuses neighbouring sentences of similar size, so each bead also pays for the
//! anchors it leaves unmatched: clues that survive translation whatever the script. They are
//! numbers with their group separators removed, links, words in Latin letters (names and
//! acronyms in a Cyrillic or Armenian text), consonant skeletons of capitalised words (a name
//! transliterated), question and exclamation marks including Armenian `՞` and `՜`, openings of
//! quoted speech (quotation marks or a dialogue dash), and the number of sentences a unit holds.
//! The weights are in `anchors.rs`, the clues in `features.rs`.
//!
//! The length ratio is estimated twice: from the totals, then, if it moved, from the beads that
//! have both sides, so that a long passage missing on one side does not skew it.
//!
//! The search runs in a band around the diagonal that widens only when the best chain touches
//! its edge, so a document of a few hundred sentences aligns in milliseconds. Everything here is
//! pure: no I/O, only `std` (and `serde` for [`Bead`]).

mod anchors;
mod cost;
mod dp;
mod features;
mod gold;
mod names;
mod scorer;

#[cfg(test)]
mod tests;

pub use gold::{parse_gold_line, strict_counts, strict_f1, StrictCounts};

/// One bead: indices into the source and target lists, in order; either side may be empty.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Bead {
    pub src: Vec<usize>,
    pub tgt: Vec<usize>,
}

/// Aligns sentences (each list in document order). Every index appears in exactly one bead,
/// beads in order.
pub fn align_sentences(src: &[&str], tgt: &[&str]) -> Vec<Bead> {
    align(src, tgt, &cost::SENTENCE)
}

/// Aligns paragraphs of two documents the same way, with paragraph-level priors: paragraphs are
/// split or merged far less often than sentences.
pub fn align_paragraphs(src: &[&str], tgt: &[&str]) -> Vec<Bead> {
    align(src, tgt, &cost::PARAGRAPH)
}

fn align(src: &[&str], tgt: &[&str], params: &cost::Params) -> Vec<Bead> {
    let mut scorer = scorer::Scorer::new(src, tgt, params);
    let shapes = scorer.shapes().to_vec();
    let mut chain = dp::best_chain(src.len(), tgt.len(), &shapes, |step, limit| {
        scorer.cost(step, limit)
    });
    if scorer.refit_ratio(&chain) {
        chain = dp::best_chain(src.len(), tgt.len(), &shapes, |step, limit| {
            scorer.cost(step, limit)
        });
    }
    let beads: Vec<Bead> = chain
        .iter()
        .map(|s| Bead {
            src: (s.src_start..s.src_start + s.src).collect(),
            tgt: (s.tgt_start..s.tgt_start + s.tgt).collect(),
        })
        .collect();
    if covers(&beads, src.len(), tgt.len()) {
        beads
    } else {
        // Only when the band stopped widening at its size limit with no chain inside it (two
        // documents of wildly different lengths): the promise that every index appears holds.
        unaligned(src.len(), tgt.len())
    }
}

/// Whether the beads take every index of both sides once, in order.
fn covers(beads: &[Bead], n: usize, m: usize) -> bool {
    let src = beads.iter().flat_map(|b| b.src.iter().copied());
    let tgt = beads.iter().flat_map(|b| b.tgt.iter().copied());
    src.eq(0..n) && tgt.eq(0..m)
}

fn unaligned(n: usize, m: usize) -> Vec<Bead> {
    let deleted = (0..n).map(|i| Bead {
        src: vec![i],
        tgt: Vec::new(),
    });
    let inserted = (0..m).map(|j| Bead {
        src: Vec::new(),
        tgt: vec![j],
    });
    deleted.chain(inserted).collect()
}
