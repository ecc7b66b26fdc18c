//! The best matches found so far, and the score a new one must reach to join them.

use super::index::Match;
use super::score::round_score;

/// Up to `limit` matches, best first: higher fine score, then lower id.
#[derive(Debug)]
pub(crate) struct Ranking {
    limit: usize,
    min_score: u8,
    best: Vec<Match>,
}

impl Ranking {
    pub fn new(limit: usize, min_score: u8) -> Self {
        Self {
            limit,
            min_score,
            best: Vec::with_capacity(limit.min(64) + 1),
        }
    }

    /// The fine score a candidate must reach to be worth scoring: enough to round to the minimum
    /// score and, once the ranking is full, at least the worst match kept (equal may still win
    /// on its id).
    pub fn threshold(&self) -> f64 {
        let base = f64::from(self.min_score) - 0.5;
        match self.best.last() {
            Some(worst) if self.best.len() >= self.limit => base.max(worst.fine),
            _ => base,
        }
    }

    /// The fine score a candidate must reach to take the first place (equal may still win on
    /// its id), or to enter an empty ranking.
    pub fn top_threshold(&self) -> f64 {
        let base = f64::from(self.min_score) - 0.5;
        match self.best.first() {
            Some(best) => base.max(best.fine),
            None => base,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.best.is_empty()
    }

    /// Consider a scored candidate.
    pub fn offer(&mut self, id: u32, fine: f64, same_text: bool) {
        let score = round_score(fine, same_text);
        if score < self.min_score || self.best.iter().any(|m| m.id == id) {
            return;
        }
        let at = self
            .best
            .partition_point(|m| m.fine > fine || (m.fine == fine && m.id < id));
        if at >= self.limit {
            return;
        }
        self.best.insert(at, Match { id, score, fine });
        self.best.truncate(self.limit);
    }

    pub fn into_matches(self) -> Vec<Match> {
        self.best
    }
}
