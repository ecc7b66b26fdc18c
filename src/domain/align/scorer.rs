//! Prices one candidate bead: shape prior, Gale-Church length cost and unmatched anchors.

use super::anchors::{unmatched, Anchors};
use super::cost::{shape_costs, LengthModel, Params};
use super::dp::Step;

/// Relative change of the length ratio below which a second search is not worth its time.
const RATIO_TOLERANCE: f64 = 0.02;

pub(super) struct Scorer {
    /// `src_prefix[i]` is the length of units `0..i`, so any span's length is one subtraction.
    src_prefix: Vec<usize>,
    tgt_prefix: Vec<usize>,
    model: LengthModel,
    shape_cost: Vec<f64>,
    shapes: Vec<(usize, usize)>,
    anchors: Anchors,
    src_ids: Vec<u32>,
    tgt_ids: Vec<u32>,
}

impl Scorer {
    pub fn new(src: &[&str], tgt: &[&str], params: &Params) -> Self {
        let src_prefix = prefix_lengths(src);
        let tgt_prefix = prefix_lengths(tgt);
        let model = LengthModel::new(
            src_prefix.last().copied().unwrap_or(0),
            tgt_prefix.last().copied().unwrap_or(0),
            params.variance,
        );
        Self {
            src_prefix,
            tgt_prefix,
            model,
            shape_cost: shape_costs(params.shapes),
            shapes: params.shapes.iter().map(|s| (s.src, s.tgt)).collect(),
            anchors: super::anchors::anchors(src, tgt, &params.weights),
            src_ids: Vec::new(),
            tgt_ids: Vec::new(),
        }
    }

    /// Re-estimates the length ratio from the beads of `chain` that have both sides, and tells
    /// whether it moved enough to search again. The first ratio comes from the whole texts,
    /// which a long passage left untranslated on one side skews.
    pub fn refit_ratio(&mut self, chain: &[Step]) -> bool {
        let (mut src_total, mut tgt_total) = (0, 0);
        for step in chain.iter().filter(|s| s.src > 0 && s.tgt > 0) {
            src_total += span(&self.src_prefix, step.src_start, step.src);
            tgt_total += span(&self.tgt_prefix, step.tgt_start, step.tgt);
        }
        let refit = self.model.with_totals(src_total, tgt_total);
        let moved = (refit.ratio() / self.model.ratio() - 1.0).abs() > RATIO_TOLERANCE;
        if moved {
            self.model = refit;
        }
        moved
    }

    pub fn shapes(&self) -> &[(usize, usize)] {
        &self.shapes
    }

    /// The cost of `step`, or any value at least `limit` once it is sure to reach it: anchors
    /// only add to the cost, so they need not be counted for a bead that already loses on shape
    /// and length.
    pub fn cost(&mut self, step: Step, limit: f64) -> f64 {
        let shape = self
            .shape_cost
            .get(step.shape)
            .copied()
            .unwrap_or(f64::INFINITY);
        let src_len = span(&self.src_prefix, step.src_start, step.src);
        let tgt_len = span(&self.tgt_prefix, step.tgt_start, step.tgt);
        let partial = shape + self.model.cost(src_len, tgt_len);
        if partial >= limit {
            return partial;
        }
        let src = gather(
            &mut self.src_ids,
            &self.anchors.src,
            step.src_start,
            step.src,
        );
        let tgt = gather(
            &mut self.tgt_ids,
            &self.anchors.tgt,
            step.tgt_start,
            step.tgt,
        );
        partial + unmatched(src, tgt, &self.anchors.weights)
    }
}

/// Length of a unit in characters, not bytes: an Armenian or Cyrillic letter takes two bytes
/// in UTF-8 and a Latin one takes one, which would skew the ratio between scripts. White space
/// is left out so that spacing habits (a space before `%`, around a dash) do not count as text.
fn length(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

fn prefix_lengths(units: &[&str]) -> Vec<usize> {
    let mut prefix = Vec::with_capacity(units.len() + 1);
    let mut total = 0;
    prefix.push(0);
    for unit in units {
        total += length(unit);
        prefix.push(total);
    }
    prefix
}

fn span(prefix: &[usize], start: usize, count: usize) -> usize {
    match (prefix.get(start + count), prefix.get(start)) {
        (Some(end), Some(begin)) => end - begin,
        _ => 0,
    }
}

/// The anchors of `count` units from `start`, sorted: the unit's own list when there is one
/// unit, else a merged copy in `scratch`.
fn gather<'a>(
    scratch: &'a mut Vec<u32>,
    units: &'a [Vec<u32>],
    start: usize,
    count: usize,
) -> &'a [u32] {
    if count == 1 {
        return units.get(start).map_or(&[], Vec::as_slice);
    }
    scratch.clear();
    for unit in units.iter().skip(start).take(count) {
        scratch.extend_from_slice(unit);
    }
    scratch.sort_unstable();
    scratch
}
