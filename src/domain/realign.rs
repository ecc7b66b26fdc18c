//! Matches re-segmented source text to the previous segments so translators' work follows its paragraph.
//!
//! Passes, cheapest and most certain first:
//! 1. Exact text, anywhere (hash lookup; duplicates paired in order). A moved paragraph keeps
//!    its units untouched.
//! 2. The exact matches that keep their relative order (longest increasing run) become anchors.
//!    Between two consecutive anchors, the unmatched new and old paragraphs are aligned by the
//!    heaviest order-preserving chain of pairs whose [`similarity`] is at least
//!    [`EDIT_THRESHOLD`]. Working gap by gap keeps an edit local to where it happened, and the
//!    chain, unlike a greedy best-pair pass, cannot pull a paragraph across its neighbours.
//! 3. Paragraphs still unmatched are paired across the whole text only when very similar
//!    ([`MOVE_THRESHOLD`]): a paragraph that was both moved and edited.
//!
//! Splits and merges need no special case: of the two halves only one can take the old
//! paragraph, and the chain prefers the heavier (more similar) pair.
//!
//! Cost is bounded: comparisons are charged against [`COMPARISON_BUDGET`]; when the gaps would
//! exceed it, each new paragraph is compared only with a band of old paragraphs around the
//! gap's diagonal, and pass 3 is skipped. [`realign_counted`] reports the work done in the same
//! unit, so tests bound it in operations rather than in time.

use std::collections::{HashMap, VecDeque};

/// What happened to each new segment.
///
/// `Eq` holds because `similarity` is never NaN (it is a ratio of counts with a non-zero
/// denominator).
#[derive(Debug, Clone, PartialEq)]
pub enum Fate {
    /// Same text as old segment `old` (index into `old`): keeps its id and its units untouched.
    Unchanged { old: usize },
    /// Clearly the same paragraph, edited: keeps the old segment's id; units go to
    /// needs_work/source_changed. `similarity` is [`similarity`] of the two texts, in
    /// `EDIT_THRESHOLD..=1` (1 when only punctuation, case or spacing changed).
    Edited { old: usize, similarity: f64 },
    /// No old segment corresponds: new id, `untranslated` units.
    Inserted,
}

impl Eq for Fate {}

#[derive(Debug, Clone, PartialEq)]
pub struct Realignment {
    /// One entry per new segment, in the new order.
    pub fates: Vec<Fate>,
    /// Indices into `old` of segments that no new segment took over (they leave the statement
    /// but keep their history), ascending.
    pub removed: Vec<usize>,
}

/// Minimum [`similarity`] for an in-place edit. Trigram Dice is 2/3 when a paragraph gains or
/// loses half of its text (a sentence added to a one-sentence paragraph, one of two sentences
/// dropped, either half of a split or merge), and 0.5 when it keeps only a third; unrelated
/// press-release paragraphs in the same language score about 0.1–0.3 (common function words
/// and endings). 0.5 sits between the two.
pub const EDIT_THRESHOLD: f64 = 0.5;

/// Minimum [`similarity`] to pair paragraphs out of order (moved and edited). Higher than
/// [`EDIT_THRESHOLD`] because position no longer backs the match up.
pub const MOVE_THRESHOLD: f64 = 0.7;

/// Work allowed for similarity comparisons in one call, in trigram steps; a pair costs its two
/// profile lengths plus [`PAIR_OVERHEAD`]. About 50–100 ms on one core.
pub const COMPARISON_BUDGET: u64 = 60_000_000;

/// Fixed cost charged per compared pair, so that many tiny paragraphs are bounded too.
const PAIR_OVERHEAD: u64 = 64;

/// Weights in the chain are integers so that sums, and so ties, are exact.
const WEIGHT_SCALE: f64 = 1_000_000.0;

/// Similarity of two texts in `0..=1`: Dice coefficient of their multisets of character
/// trigrams, after lower-casing, dropping punctuation and symbols, and collapsing whitespace
/// (word boundaries are kept as one space, padded at both ends). 1 for texts identical after
/// this normalisation; two texts with no letters or digits (e.g. "—" and "***") count as equal.
///
/// Character trigrams rather than words: a fixed typo or a changed Armenian/Russian case ending
/// costs a few trigrams, not a whole word.
pub fn similarity(a: &str, b: &str) -> f64 {
    dice(&profile(a), &profile(b))
}

/// Sorted multiset of the normalised text's trigrams, each packed as three 21-bit code points.
fn profile(text: &str) -> Vec<u64> {
    let mut chars = vec![' '];
    for c in text.chars() {
        if c.is_alphanumeric() {
            chars.extend(c.to_lowercase());
        } else if c.is_whitespace() && chars.last() != Some(&' ') {
            chars.push(' ');
        }
        // Other characters (punctuation, dashes, quotes, Armenian ՞ inside a word) are dropped.
    }
    if chars.len() == 1 {
        return Vec::new();
    }
    if chars.last() != Some(&' ') {
        chars.push(' ');
    }
    let mut grams: Vec<u64> = chars
        .windows(3)
        .map(|w| (u64::from(w[0]) << 42) | (u64::from(w[1]) << 21) | u64::from(w[2]))
        .collect();
    grams.sort_unstable();
    grams
}

fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

/// Dice cannot exceed this whatever the content, so pairs of very different lengths are skipped
/// without walking their profiles.
fn dice_bound(la: usize, lb: usize) -> f64 {
    if la + lb == 0 {
        1.0
    } else {
        2.0 * la.min(lb) as f64 / (la + lb) as f64
    }
}

/// Matches the new segment texts to the old ones. Each old segment is taken over by at most one
/// new segment.
pub fn realign(old: &[&str], new: &[&str]) -> Realignment {
    realign_counted(old, new).0
}

/// [`realign`], also returning the comparison work it did, in the unit of [`COMPARISON_BUDGET`].
///
/// Each pair of paragraphs considered (in a gap's band or in the pass for moved paragraphs)
/// counts [`PAIR_OVERHEAD`]; a pair whose Dice coefficient is computed also counts its two
/// profile lengths, the most steps the merge walk can take. A pair skipped by the length bound
/// counts only the overhead. So the work of comparing a set of pairs is at most what `cost`
/// charges for it, and equal when every pair is walked. The count lets tests bound the
/// realigner's work in operations rather than in time.
pub fn realign_counted(old: &[&str], new: &[&str]) -> (Realignment, u64) {
    let mut fates: Vec<Option<Fate>> = vec![None; new.len()];
    let mut taken = vec![false; old.len()];

    let exact = match_exact(old, new, &mut fates, &mut taken);
    let anchors = increasing_run(&exact);

    let new_profiles: Vec<Vec<u64>> = new
        .iter()
        .zip(&fates)
        .map(|(t, f)| if f.is_none() { profile(t) } else { Vec::new() })
        .collect();
    let old_profiles: Vec<Vec<u64>> = old
        .iter()
        .zip(&taken)
        .map(|(t, &tk)| if tk { Vec::new() } else { profile(t) })
        .collect();
    let mut ctx = Ctx {
        new_profiles,
        old_profiles,
        fates,
        taken,
        work: 0,
    };

    let gaps = ctx.gaps(&anchors, new.len(), old.len());
    let budget = u128::from(COMPARISON_BUDGET);
    let full: u128 = gaps.iter().map(|(n, o)| ctx.cost(n, o)).sum();
    for (gap_new, gap_old) in &gaps {
        let width = if full <= budget {
            gap_old.len()
        } else {
            // Every gap gets the same fraction of its pairs, so one huge gap cannot starve the rest.
            let share = COMPARISON_BUDGET as f64 / full as f64;
            ((share * gap_old.len() as f64).ceil() as usize).max(1)
        };
        ctx.align_gap(gap_new, gap_old, width);
    }

    let left_new: Vec<usize> = (0..new.len()).filter(|&i| ctx.fates[i].is_none()).collect();
    let left_old: Vec<usize> = (0..old.len()).filter(|&j| !ctx.taken[j]).collect();
    if full <= budget && full + ctx.cost(&left_new, &left_old) <= budget {
        ctx.match_moved(&left_new, &left_old);
    }

    let removed = (0..old.len()).filter(|&j| !ctx.taken[j]).collect();
    let fates = ctx
        .fates
        .into_iter()
        .map(|f| f.unwrap_or(Fate::Inserted))
        .collect();
    (Realignment { fates, removed }, ctx.work)
}

/// Pairs identical texts, duplicates in order of appearance. Returns (new, old) pairs in new order.
fn match_exact(
    old: &[&str],
    new: &[&str],
    fates: &mut [Option<Fate>],
    taken: &mut [bool],
) -> Vec<(usize, usize)> {
    let mut by_text: HashMap<&str, VecDeque<usize>> = HashMap::with_capacity(old.len());
    for (j, text) in old.iter().enumerate() {
        by_text.entry(text).or_default().push_back(j);
    }
    let mut exact = Vec::new();
    for (i, text) in new.iter().enumerate() {
        if let Some(j) = by_text.get_mut(text).and_then(VecDeque::pop_front) {
            fates[i] = Some(Fate::Unchanged { old: j });
            taken[j] = true;
            exact.push((i, j));
        }
    }
    exact
}

/// Longest subsequence of `pairs` (sorted by new index) whose old indices increase: the exact
/// matches that did not move. Patience sorting, O(k log k).
fn increasing_run(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut tails: Vec<usize> = Vec::new(); // index into pairs of the smallest tail per length
    let mut prev = vec![usize::MAX; pairs.len()];
    for (k, &(_, old)) in pairs.iter().enumerate() {
        let len = tails.partition_point(|&t| pairs[t].1 < old);
        if len > 0 {
            prev[k] = tails[len - 1];
        }
        if len == tails.len() {
            tails.push(k);
        } else {
            tails[len] = k;
        }
    }
    let mut run = Vec::with_capacity(tails.len());
    let mut k = tails.last().copied().unwrap_or(usize::MAX);
    while k != usize::MAX {
        run.push(pairs[k]);
        k = prev[k];
    }
    run.reverse();
    run
}

struct Ctx {
    new_profiles: Vec<Vec<u64>>,
    old_profiles: Vec<Vec<u64>>,
    fates: Vec<Option<Fate>>,
    taken: Vec<bool>,
    /// Comparison work done so far, counted as `realign_counted` documents.
    work: u64,
}

/// A candidate pair: positions in the gap's new and old lists, exact similarity, integer weight.
struct Cand {
    n: usize,
    o: usize,
    sim: f64,
    weight: u64,
}

impl Ctx {
    /// Unmatched new and old paragraphs between consecutive anchors (and before the first and
    /// after the last), skipping gaps where one side is empty.
    fn gaps(
        &self,
        anchors: &[(usize, usize)],
        new_len: usize,
        old_len: usize,
    ) -> Vec<(Vec<usize>, Vec<usize>)> {
        let mut gaps = Vec::new();
        let (mut from_new, mut from_old) = (0, 0);
        for &(to_new, to_old) in anchors.iter().chain(std::iter::once(&(new_len, old_len))) {
            let gap_new: Vec<usize> = (from_new..to_new)
                .filter(|&i| self.fates[i].is_none())
                .collect();
            let gap_old: Vec<usize> = (from_old..to_old).filter(|&j| !self.taken[j]).collect();
            if !gap_new.is_empty() && !gap_old.is_empty() {
                gaps.push((gap_new, gap_old));
            }
            from_new = to_new + 1;
            from_old = to_old + 1;
        }
        gaps
    }

    /// Upper bound on the work of comparing every pair of `new_ids` × `old_ids`.
    fn cost(&self, new_ids: &[usize], old_ids: &[usize]) -> u128 {
        let (n, m) = (new_ids.len() as u128, old_ids.len() as u128);
        let len_new: u128 = new_ids
            .iter()
            .map(|&i| self.new_profiles[i].len() as u128)
            .sum();
        let len_old: u128 = old_ids
            .iter()
            .map(|&j| self.old_profiles[j].len() as u128)
            .sum();
        n * m * u128::from(PAIR_OVERHEAD) + m * len_new + n * len_old
    }

    fn candidate(&mut self, i: usize, j: usize, threshold: f64) -> Option<f64> {
        let (a, b) = (&self.new_profiles[i], &self.old_profiles[j]);
        self.work += PAIR_OVERHEAD;
        if dice_bound(a.len(), b.len()) < threshold {
            return None;
        }
        self.work += (a.len() + b.len()) as u64;
        let sim = dice(a, b);
        (sim >= threshold).then_some(sim)
    }

    /// Compares each new paragraph of the gap with `width` old ones around the gap's diagonal
    /// (all of them when `width` covers the gap) and keeps the heaviest order-preserving chain.
    fn align_gap(&mut self, gap_new: &[usize], gap_old: &[usize], width: usize) {
        let (n, m) = (gap_new.len(), gap_old.len());
        let mut cands = Vec::new();
        for (k, &i) in gap_new.iter().enumerate() {
            let (lo, hi) = if width >= m {
                (0, m)
            } else {
                let centre = (k as u128 * m as u128 / n as u128) as usize;
                let lo = centre.saturating_sub(width / 2).min(m - width);
                (lo, lo + width)
            };
            for (l, &j) in gap_old.iter().enumerate().take(hi).skip(lo) {
                if let Some(sim) = self.candidate(i, j, EDIT_THRESHOLD) {
                    let weight = (sim * WEIGHT_SCALE).round() as u64;
                    cands.push(Cand {
                        n: k,
                        o: l,
                        sim,
                        weight,
                    });
                }
            }
        }
        for c in heaviest_chain(&mut cands, m) {
            let (i, j) = (gap_new[c.n], gap_old[c.o]);
            self.fates[i] = Some(Fate::Edited {
                old: j,
                similarity: c.sim,
            });
            self.taken[j] = true;
        }
    }

    /// Pairs leftover paragraphs regardless of order, most similar pair first.
    fn match_moved(&mut self, left_new: &[usize], left_old: &[usize]) {
        let mut cands = Vec::new();
        for (k, &i) in left_new.iter().enumerate() {
            for (l, &j) in left_old.iter().enumerate() {
                if let Some(sim) = self.candidate(i, j, MOVE_THRESHOLD) {
                    let weight = (sim * WEIGHT_SCALE).round() as u64;
                    cands.push(Cand {
                        n: k,
                        o: l,
                        sim,
                        weight,
                    });
                }
            }
        }
        cands.sort_by(|a, b| {
            b.weight
                .cmp(&a.weight)
                .then(a.n.cmp(&b.n))
                .then(a.o.cmp(&b.o))
        });
        for c in cands {
            let (i, j) = (left_new[c.n], left_old[c.o]);
            if self.fates[i].is_none() && !self.taken[j] {
                self.fates[i] = Some(Fate::Edited {
                    old: j,
                    similarity: c.sim,
                });
                self.taken[j] = true;
            }
        }
    }
}

/// Maximum-weight chain of candidates strictly increasing in both positions (a weighted LCS over
/// the sparse candidate pairs), via a Fenwick tree of prefix maxima over old positions:
/// O(k log m) for k candidates. On equal weights the earliest-found chain wins.
fn heaviest_chain(cands: &mut [Cand], m: usize) -> Vec<&Cand> {
    // Within one new position, descending old positions so that a pair cannot chain onto a
    // sibling of the same new paragraph.
    cands.sort_by(|a, b| a.n.cmp(&b.n).then(b.o.cmp(&a.o)));
    let mut tree: Vec<(u64, usize)> = vec![(0, usize::MAX); m + 1];
    let mut total = vec![0u64; cands.len()];
    let mut prev = vec![usize::MAX; cands.len()];
    for (c, cand) in cands.iter().enumerate() {
        let mut best = (0, usize::MAX);
        let mut p = cand.o; // prefix of old positions < cand.o, 1-based
        while p > 0 {
            if tree[p].0 > best.0 {
                best = tree[p];
            }
            p &= p - 1;
        }
        total[c] = best.0 + cand.weight;
        prev[c] = best.1;
        let mut p = cand.o + 1;
        while p <= m {
            if total[c] > tree[p].0 {
                tree[p] = (total[c], c);
            }
            p += p & p.wrapping_neg();
        }
    }
    let mut end = usize::MAX;
    let mut best = 0;
    for (c, &t) in total.iter().enumerate() {
        if t > best {
            best = t;
            end = c;
        }
    }
    let mut chain = Vec::new();
    while end != usize::MAX {
        chain.push(end);
        end = prev[end];
    }
    chain.iter().rev().map(|&c| &cands[c]).collect()
}

#[cfg(test)]
#[path = "realign_tests.rs"]
mod tests;
