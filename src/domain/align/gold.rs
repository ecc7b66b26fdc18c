//! Reading gold alignments written as `[0,1]:[0]` and scoring predicted beads against them.

use std::collections::HashSet;

use super::Bead;

/// Counts behind strict precision and recall, kept apart so that a corpus can be scored as a
/// whole (micro-average) by adding the counts of its documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StrictCounts {
    /// Predicted beads equal to a gold bead on both sides.
    pub correct: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl StrictCounts {
    /// Precision, recall and F1. A ratio with nothing to count is 1 when the other list is empty
    /// too (nothing to find, nothing found) and 0 otherwise.
    pub fn scores(&self) -> (f64, f64, f64) {
        let ratio = |part: usize, whole: usize, other: usize| match (whole, other) {
            (0, 0) => 1.0,
            (0, _) => 0.0,
            _ => part as f64 / whole as f64,
        };
        let precision = ratio(self.correct, self.predicted, self.gold);
        let recall = ratio(self.correct, self.gold, self.predicted);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        (precision, recall, f1)
    }
}

impl std::ops::AddAssign for StrictCounts {
    fn add_assign(&mut self, other: Self) {
        self.correct += other.correct;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
}

/// How many of `predicted` equal a gold bead exactly, with the sizes of both lists.
pub fn strict_counts(predicted: &[Bead], gold: &[Bead]) -> StrictCounts {
    let gold_set: HashSet<&Bead> = gold.iter().collect();
    // A bead listed twice in a prediction is counted right once, as the gold holds it once.
    let mut seen: HashSet<&Bead> = HashSet::new();
    let correct = predicted
        .iter()
        .filter(|b| gold_set.contains(b) && seen.insert(b))
        .count();
    StrictCounts {
        correct,
        predicted: predicted.len(),
        gold: gold.len(),
    }
}

/// Strict precision, recall and F1: a predicted bead counts only if both sides equal a gold bead
/// exactly.
pub fn strict_f1(predicted: &[Bead], gold: &[Bead]) -> (f64, f64, f64) {
    strict_counts(predicted, gold).scores()
}

/// Parses a gold line like `[0,1]:[0]` or `[]:[3]` (white space tolerant); `None` when it is
/// malformed, when a side's indices are not strictly increasing, or when both sides are empty.
pub fn parse_gold_line(line: &str) -> Option<Bead> {
    let (src, tgt) = line.split_once(':')?;
    let bead = Bead {
        src: parse_side(src)?,
        tgt: parse_side(tgt)?,
    };
    (!bead.src.is_empty() || !bead.tgt.is_empty()).then_some(bead)
}

fn parse_side(side: &str) -> Option<Vec<usize>> {
    let inner = side.trim().strip_prefix('[')?.strip_suffix(']')?.trim();
    if inner.is_empty() {
        return Some(Vec::new());
    }
    let indices = inner
        .split(',')
        .map(|s| {
            let s = s.trim();
            // `parse` would also take `+3`, which no gold file writes.
            let digits = !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            digits.then(|| s.parse::<usize>().ok()).flatten()
        })
        .collect::<Option<Vec<usize>>>()?;
    indices.windows(2).all(|w| w[0] < w[1]).then_some(indices)
}
