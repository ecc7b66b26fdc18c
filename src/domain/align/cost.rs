//! Gale-Church length cost of a bead: how rare its shape is plus how unlikely its length ratio is.

/// A bead shape (source count, target count) with its prior probability, before normalising.
#[derive(Debug, Clone, Copy)]
pub(super) struct Shape {
    pub src: usize,
    pub tgt: usize,
    pub prior: f64,
}

/// Everything that differs between sentence and paragraph alignment.
#[derive(Debug, Clone, Copy)]
pub(super) struct Params {
    pub shapes: &'static [Shape],
    /// Variance of the target length per unit of source length, once both are brought to source
    /// units by the document's own ratio (Gale and Church measured 6.8 on characters).
    pub variance: f64,
    /// Cost of one anchor of each kind left without its counterpart in the bead.
    pub weights: super::anchors::Weights,
}

const fn shape(src: usize, tgt: usize, prior: f64) -> Shape {
    Shape { src, tgt, prior }
}

/// Gale and Church's counts from the Canadian Hansards, with two changes.
///
/// 1-3 and 3-1 are added: a translator who splits a long sentence in three is rare but real,
/// and without the shape the aligner has to break a correct bead in two.
///
/// 2-2 is made rarer than their 0.011: a 2-2 bead can always stand in for two 1-1 beads or for a
/// 2-1 and a 1-2, and at their price it swallowed pairs whose lengths merely disagree in
/// opposite directions. Only boundaries that truly cross need it.
const SENTENCE_SHAPES: &[Shape] = &[
    shape(1, 1, 0.89),
    shape(1, 0, 0.0099 / 2.0),
    shape(0, 1, 0.0099 / 2.0),
    shape(2, 1, 0.089 / 2.0),
    shape(1, 2, 0.089 / 2.0),
    shape(2, 2, 0.004),
    shape(3, 1, 0.003),
    shape(1, 3, 0.003),
];

/// Paragraphs are split or merged by a translator far less often than sentences are.
const PARAGRAPH_SHAPES: &[Shape] = &[
    shape(1, 1, 0.95),
    shape(1, 0, 0.005),
    shape(0, 1, 0.005),
    shape(2, 1, 0.015),
    shape(1, 2, 0.015),
    shape(2, 2, 0.005),
    shape(3, 1, 0.0025),
    shape(1, 3, 0.0025),
];

pub(super) const SENTENCE: Params = Params {
    shapes: SENTENCE_SHAPES,
    variance: 6.8,
    weights: super::anchors::SENTENCE_WEIGHTS,
};

pub(super) const PARAGRAPH: Params = Params {
    shapes: PARAGRAPH_SHAPES,
    variance: 6.8,
    weights: super::anchors::PARAGRAPH_WEIGHTS,
};

/// Length part of the cost, with the target-to-source ratio of the document at hand.
#[derive(Debug, Clone, Copy)]
pub(super) struct LengthModel {
    ratio: f64,
    variance: f64,
}

impl LengthModel {
    /// The ratio comes from the two texts themselves, so no table of language pairs is needed and
    /// a translation that runs long or short as a whole is not penalised sentence by sentence.
    pub fn new(src_total: usize, tgt_total: usize, variance: f64) -> Self {
        let ratio = if src_total == 0 || tgt_total == 0 {
            1.0
        } else {
            tgt_total as f64 / src_total as f64
        };
        Self { ratio, variance }
    }

    /// The same model with the ratio of other totals.
    pub fn with_totals(&self, src_total: usize, tgt_total: usize) -> Self {
        Self::new(src_total, tgt_total, self.variance)
    }

    pub fn ratio(&self) -> f64 {
        self.ratio
    }

    /// `-ln P(lengths | bead)`: the two-tailed probability of a length difference at least this
    /// large under Gale and Church's normal model.
    ///
    /// A bead with one empty side has no lengths to compare, so its price is its shape's prior
    /// alone, as in Moore's (2002) generative model. Priced by the normal model, as Gale and
    /// Church do, a dropped sentence always costs more than gluing it onto a neighbour, and 1-0
    /// beads are never chosen.
    pub fn cost(&self, src_len: usize, tgt_len: usize) -> f64 {
        if src_len == 0 || tgt_len == 0 {
            return 0.0;
        }
        let src = src_len as f64;
        let tgt = tgt_len as f64 / self.ratio;
        let mean = (src + tgt) / 2.0;
        let delta = (tgt - src) / (self.variance * mean).sqrt();
        -ln_erfc(delta.abs() / std::f64::consts::SQRT_2)
    }
}

/// Negative log priors of the shapes, normalised so that they sum to one.
pub(super) fn shape_costs(shapes: &[Shape]) -> Vec<f64> {
    let total: f64 = shapes.iter().map(|s| s.prior).sum();
    shapes.iter().map(|s| -(s.prior / total).ln()).collect()
}

/// `ln erfc(z)` for `z >= 0`, from the Chebyshev fit in Numerical Recipes (relative error below
/// 1.2e-7). Working in logs keeps a wildly unbalanced bead finite instead of `ln 0`.
pub(super) fn ln_erfc(z: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    t.ln() - z * z + poly
}
