//! Cheapest monotone chain of beads through the grid of two unit lists, searched within a band.

/// Half the width of the first band tried, in target units on each side of the diagonal.
const INITIAL_HALF_WIDTH: usize = 24;

/// The band stops widening once it holds this many cells (a few tenths of a second of search),
/// so that two unrelated documents of thousands of units cannot make the search quadratic.
const MAX_CELLS: usize = 1_000_000;

/// One bead of the chain: `src` units from `src_start`, `tgt` units from `tgt_start`, of the
/// shape at index `shape` in the list the search was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Step {
    pub shape: usize,
    pub src_start: usize,
    pub src: usize,
    pub tgt_start: usize,
    pub tgt: usize,
}

/// The cheapest chain from `(0, 0)` to `(n, m)` made of `shapes`; `cost` prices one bead, and
/// may stop counting once the price reaches the limit it is given, past which the bead is of no
/// use.
///
/// Only the cells within a band around the diagonal are searched, so time grows with
/// `n * band` instead of `n * m`. When the best chain runs along an edge of the band, the band
/// may have cut off a better one, so the search is repeated with a band twice as wide, up to
/// the whole grid or [`MAX_CELLS`]. The chain is empty only when no chain of `shapes` fits in
/// the last band tried.
pub(super) fn best_chain(
    n: usize,
    m: usize,
    shapes: &[(usize, usize)],
    mut cost: impl FnMut(Step, f64) -> f64,
) -> Vec<Step> {
    let mut half = INITIAL_HALF_WIDTH;
    loop {
        let band = Band::new(n, m, half);
        let (chain, touches_edge) = search(&band, shapes, &mut cost);
        if !touches_edge {
            return chain;
        }
        if band.is_whole_grid() || band.cells >= MAX_CELLS {
            let reaches_origin = chain
                .first()
                .is_some_and(|s| s.src_start == 0 && s.tgt_start == 0);
            return if reaches_origin || (n, m) == (0, 0) {
                chain
            } else {
                Vec::new()
            };
        }
        half = half.saturating_mul(2);
    }
}

/// For each source position `i`, the target positions `lo[i]..=hi[i]` searched.
struct Band {
    m: usize,
    lo: Vec<usize>,
    hi: Vec<usize>,
    /// Where row `i` starts in the flat cost table.
    offset: Vec<usize>,
    cells: usize,
}

impl Band {
    fn new(n: usize, m: usize, half: usize) -> Self {
        let mut lo = Vec::with_capacity(n + 1);
        let mut hi = Vec::with_capacity(n + 1);
        let mut offset = Vec::with_capacity(n + 1);
        let mut cells = 0;
        for i in 0..=n {
            let centre = (i * m + n / 2).checked_div(n).unwrap_or(0);
            let low = centre.saturating_sub(half);
            // The last row must reach `m` even when there is no source at all.
            let high = if i == n { m } else { (centre + half).min(m) };
            lo.push(low);
            hi.push(high);
            offset.push(cells);
            cells += high - low + 1;
        }
        Self {
            m,
            lo,
            hi,
            offset,
            cells,
        }
    }

    fn index(&self, i: usize, j: usize) -> Option<usize> {
        let (lo, hi) = (*self.lo.get(i)?, *self.hi.get(i)?);
        (lo..=hi).contains(&j).then(|| self.offset[i] + j - lo)
    }

    fn on_edge(&self, i: usize, j: usize) -> bool {
        (j == self.lo[i] && j > 0) || (j == self.hi[i] && j < self.m)
    }

    fn is_whole_grid(&self) -> bool {
        self.lo.iter().all(|&l| l == 0) && self.hi.iter().all(|&h| h == self.m)
    }
}

/// Fills the band's cost table and reads the chain back from its end.
fn search(
    band: &Band,
    shapes: &[(usize, usize)],
    cost: &mut impl FnMut(Step, f64) -> f64,
) -> (Vec<Step>, bool) {
    let mut best = vec![f64::INFINITY; band.cells];
    let mut came_by: Vec<Option<usize>> = vec![None; band.cells];
    if let Some(origin) = band.index(0, 0) {
        best[origin] = 0.0;
    }
    let n = band.lo.len() - 1;
    for i in 0..=n {
        for j in band.lo[i]..=band.hi[i] {
            let Some(here) = band.index(i, j) else {
                continue;
            };
            for (k, &(a, b)) in shapes.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                let Some(from) = band.index(i - a, j - b) else {
                    continue;
                };
                if best[from].is_infinite() {
                    continue;
                }
                let step = Step {
                    shape: k,
                    src_start: i - a,
                    src: a,
                    tgt_start: j - b,
                    tgt: b,
                };
                let total = best[from] + cost(step, best[here] - best[from]);
                if total < best[here] {
                    best[here] = total;
                    came_by[here] = Some(k);
                }
            }
        }
    }
    let mut chain = Vec::new();
    let mut touches_edge = false;
    let (mut i, mut j) = (n, band.m);
    while let Some(k) = band.index(i, j).and_then(|here| came_by[here]) {
        let (a, b) = shapes[k];
        i -= a;
        j -= b;
        if (i, j) != (0, 0) && band.on_edge(i, j) {
            touches_edge = true;
        }
        chain.push(Step {
            shape: k,
            src_start: i,
            src: a,
            tgt_start: j,
            tgt: b,
        });
    }
    chain.reverse();
    // A chain that cannot be traced back to the origin means the band left no way through.
    (chain, touches_edge || (i, j) != (0, 0))
}
