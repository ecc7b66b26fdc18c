//! Finding the best matches for a query without scoring every stored text.
//!
//! The search reads posting lists rarest first and keeps, for every text it meets, how many of
//! the query's words and numbers read so far it contains. From that count, the text's length
//! and the least cost of a query word a text lacks (nine tenths of a word, see `score.rs`), it
//! bounds the score a text can reach from above:
//!
//! - the query side: each query word the text lacks costs at least 90, each number 30, and any
//!   length the text has beyond the query's costs on top of that;
//! - the text side: each of its words beyond those it can share with the query costs at least 90,
//!   plus the length the query has beyond it;
//! - a text met in no list read so far lacks every word read, which bounds all of them at once.
//!
//! Candidates are then taken in the order of their bound: first checked by the longest common
//! subsequence of words (`lcs.rs`), which respects word order, and only then scored exactly
//! (`score::distance`). A few are taken early, after the rarest lists, so that the bar rises
//! quickly: once a match of 90 is known, only texts within a tenth of the query's length can
//! beat it, and only their length classes are read further.
//!
//! The best match is found exactly: reading stops only when no unread text can beat it, and every
//! text met whose bound can is checked. The other places of the ranking are exact too while that
//! is cheap (`RANKING_BUDGET`); past that they are filled from the `OPTIONAL_CHECKS` most
//! promising other candidates. Budgets keep the worst case bounded for queries with no good match (where
//! proving that nothing scores 50 means reading nearly every list): `POSTING_BUDGET` postings
//! (then `NEAR_BUDGET` more for texts of about the query's length) and `MANDATORY_CHECKS` checks
//! (`MANDATORY_CHECKS_WITH_MATCH` once a match is known).
//! `LookupStats::exhaustive` says whether the best match is certain, `ranking_exhaustive` whether
//! the whole ranking is.

use serde::Serialize;

use super::classes::{class_bound, class_range, length_bound, CLASS_COUNT};
use super::index::{Match, MemoryIndex, DEFAULT_MIN_SCORE};
use super::lcs::WordPattern;
use super::postings::ALL_CLASSES;
use super::query::{Query, Term};
use super::ranking::Ranking;
use super::score::{
    distance, fine_from_distance, same_text, Sym, MIN_NUMBER_SUBSTITUTION, MIN_WORD_SUBSTITUTION,
};
use super::tokens::tokenize;
use super::vocabulary::Stored;

/// Postings a lookup may read before it settles for the candidates it has.
const POSTING_BUDGET: usize = 120_000;
/// Postings a lookup reads at most once the best match is certain, for the other places.
const RANKING_BUDGET: usize = 20_000;
/// Once the budget above is spent, further lists are read only for texts whose length allows
/// this score (a guess that the best match is about as long as the query), up to this many more
/// postings.
const NEAR_SCORE: f64 = 80.0;
const NEAR_BUDGET: usize = 80_000;
/// Candidates that could beat the best match which a lookup may check: few while it has no match
/// at all (most such queries have none to find), more once it has one to make certain.
const MANDATORY_CHECKS: usize = 800;
const MANDATORY_CHECKS_WITH_MATCH: usize = 4_000;
/// Other candidates checked to fill the rest of the ranking.
const OPTIONAL_CHECKS: usize = 200;
/// Candidates checked early, after one, two, four and eight lists read, unless more texts than
/// `EARLY_TOUCHED` have been met (ranking them would cost more than it saves).
const EARLY_CHECKS: usize = 4;
const EARLY_TOUCHED: usize = 20_000;
/// A text's counter, 16 bits so that four lookups' counters over a million texts stay in the
/// processor's cache: the query words (six bits) and numbers (three bits) read that it contains,
/// a bit marking it as checked, and its length class plus one when a list split by class told it
/// (zero if not, or for the rare classes beyond 62).
type Counter = u16;
const WORD_MASK: Counter = 0x003f;
const NUMBER_SHIFT: u32 = 6;
const NUMBER_MASK: Counter = 0x01c0;
const CHECKED: Counter = 0x0200;
const CLASS_SHIFT: u32 = 10;
/// The most words and numbers a counter holds.
const MAX_WORDS: u32 = 63;
const MAX_NUMBERS: u32 = 7;
/// Bins per point of the histogram that picks the most promising candidates.
const BINS_PER_POINT: f64 = 10.0;

/// What one lookup did, for tuning and monitoring.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct LookupStats {
    /// Posting-list entries read.
    pub postings: usize,
    /// Distinct query words and numbers whose lists were read.
    pub terms_read: usize,
    /// Distinct texts met in those lists.
    pub candidates: usize,
    /// Texts checked by their common words in order.
    pub checked: usize,
    /// Texts scored exactly.
    pub scored: usize,
    /// Whether the first match is provably the best of all stored texts (no budget was hit).
    pub exhaustive: bool,
    /// Whether every match is provably in its place, as a scan of every text would rank it.
    pub ranking_exhaustive: bool,
}

/// Working memory of a lookup: one counter per stored text. Keeping one per worker thread and
/// passing it to [`MemoryIndex::lookup_in`] spares allocating and faulting in a few megabytes
/// per lookup.
#[derive(Debug, Default)]
pub struct Scratch {
    counters: Vec<Counter>,
    touched: Vec<u32>,
    stats: LookupStats,
}

impl Scratch {
    pub fn new() -> Self {
        Self::default()
    }

    /// What the last lookup did.
    pub fn stats(&self) -> LookupStats {
        self.stats
    }

    fn prepare(&mut self, slots: usize) {
        if self.counters.len() < slots {
            self.counters.resize(slots, 0);
        }
        self.stats = LookupStats::default();
    }

    /// Mark a text as checked; false if it already was.
    fn mark_checked(&mut self, id: u32) -> bool {
        let Some(counter) = self.counters.get_mut(id as usize) else {
            return false;
        };
        if *counter & CHECKED != 0 {
            return false;
        }
        if *counter == 0 {
            self.touched.push(id);
        }
        *counter |= CHECKED;
        true
    }

    fn reset(&mut self) {
        for &id in &self.touched {
            if let Some(counter) = self.counters.get_mut(id as usize) {
                *counter = 0;
            }
        }
        self.touched.clear();
    }
}

/// One search in progress.
struct Search<'i, 'q> {
    index: &'i MemoryIndex,
    query: &'q Query<'q>,
    ranking: Ranking,
    /// Query-side cost that a text met in no list read pays: all terms read, plus unknown ones.
    cost_read: u32,
    /// Query words not read yet: a text may contain them all.
    words_unread: u32,
    pattern: WordPattern,
    stored: Vec<Stored>,
    candidate: Vec<Sym<'i>>,
    rows: Vec<u32>,
    lcs_state: Vec<u64>,
    checked: usize,
    scored: usize,
}

impl<'i, 'q> Search<'i, 'q> {
    fn new(index: &'i MemoryIndex, query: &'q Query<'q>, limit: usize, min_score: u8) -> Self {
        let keys = index.vocabulary.key_count();
        Search {
            index,
            query,
            ranking: Ranking::new(limit, min_score),
            cost_read: query.unknown_cost,
            words_unread: query.terms.iter().map(|t| t.words).sum(),
            pattern: WordPattern::new(&query.syms, |key| (key as usize) < keys),
            stored: Vec::new(),
            candidate: Vec::new(),
            rows: Vec::new(),
            lcs_state: Vec::new(),
            checked: 0,
            scored: 0,
        }
    }

    /// Check one stored text by its words in common and, if it can still make the ranking,
    /// score it exactly and offer it.
    fn check(&mut self, id: u32) {
        let Some(doc) = self.index.doc(id) else {
            return;
        };
        let threshold = self.ranking.threshold();
        let (wq, wc) = (self.query.weight, doc.weight);
        let length = wq.max(wc);
        self.stored.clear();
        self.stored.extend(self.index.tokens(doc));
        self.checked += 1;
        let common = self
            .pattern
            .lcs(self.stored.iter().map(|t| t.key), &mut self.lcs_state);
        let query_side =
            unmatched_cost(self.pattern.words() - common).saturating_add(wc.saturating_sub(wq));
        let text_side = unmatched_cost(usize::from(doc.words).saturating_sub(common))
            .saturating_add(wq.saturating_sub(wc));
        if fine_bound(query_side.max(text_side), length) < threshold {
            return;
        }
        self.scored += 1;
        // The distance above which the text cannot reach the threshold, with a unit of slack
        // for rounding.
        let limit = if threshold <= 0.0 {
            u32::MAX
        } else {
            ((1.0 - threshold / 100.0) * f64::from(length)).ceil() as u32 + 1
        };
        let vocabulary = &self.index.vocabulary;
        self.candidate.clear();
        self.candidate
            .extend(self.stored.iter().map(|&t| vocabulary.sym(t)));
        let Some(d) = distance(&self.query.syms, &self.candidate, limit, &mut self.rows) else {
            return;
        };
        let same = d == 0 && same_text(self.query.text, self.index.text(doc));
        let fine = fine_from_distance(d, wq, wc, same);
        self.ranking.offer(id, fine, same);
    }

    /// The best score a text met in no list read so far can reach.
    fn unread_bound(&self) -> f64 {
        fine_bound(self.cost_read, self.query.weight)
    }

    /// The best score a text can reach given its counter (the query terms read that it has),
    /// or minus infinity when it cannot reach `threshold`.
    fn bound(&self, id: u32, counter: Counter, threshold: f64) -> f64 {
        let words = u32::from(counter & WORD_MASK);
        let numbers = u32::from((counter & NUMBER_MASK) >> NUMBER_SHIFT);
        let present = words * MIN_WORD_SUBSTITUTION + numbers * MIN_NUMBER_SUBSTITUTION;
        let query_side = self.cost_read.saturating_sub(present);
        let wq = self.query.weight;
        // Cheap test first, without touching the text's slot: even at the best length.
        if fine_bound(query_side, wq) < threshold {
            return f64::NEG_INFINITY;
        }
        let Some(doc) = self.index.doc(id) else {
            return f64::NEG_INFINITY;
        };
        let wc = doc.weight;
        let text_side =
            MIN_WORD_SUBSTITUTION * u32::from(doc.words).saturating_sub(words + self.words_unread);
        let d = query_side
            .saturating_add(wc.saturating_sub(wq))
            .max(text_side.saturating_add(wq.saturating_sub(wc)));
        fine_bound(d, wq.max(wc))
    }

    /// The length classes whose texts can reach `threshold`.
    fn classes_reaching(&self, threshold: f64) -> [bool; CLASS_COUNT] {
        let mut wanted = [false; CLASS_COUNT];
        for (class, slot) in wanted.iter_mut().enumerate() {
            *slot = class_bound(class as u8, self.query.weight) >= threshold;
        }
        wanted
    }

    /// Read one term's postings in the wanted length classes.
    fn read(&mut self, term: &Term, wanted: &[bool; CLASS_COUNT], scratch: &mut Scratch) {
        // The lookup keeps the sums within their bits (see `MAX_WORDS`).
        let increment = (term.words | term.numbers << NUMBER_SHIFT) as Counter;
        for bucket in self.index.postings.buckets(term.key) {
            let class = if bucket.class == ALL_CLASSES {
                0
            } else if wanted[usize::from(bucket.class)] {
                match Counter::from(bucket.class) + 1 {
                    code if code < 1 << (16 - CLASS_SHIFT) => code << CLASS_SHIFT,
                    _ => 0,
                }
            } else {
                continue;
            };
            scratch.stats.postings += bucket.len();
            for id in bucket.iter() {
                if let Some(counter) = scratch.counters.get_mut(id as usize) {
                    if *counter == 0 {
                        scratch.touched.push(id);
                    }
                    *counter = (*counter + increment) | class;
                }
            }
        }
        self.cost_read = self.cost_read.saturating_add(term.cost);
        self.words_unread -= term.words;
        scratch.stats.terms_read += 1;
    }

    /// A bound on the score of texts whose counters say `level` (the query-side cost they are
    /// spared, in units of a missing number) and length class `class` (or zero if unknown).
    fn estimate(&self, level: u32, class: u32) -> f64 {
        let query_side = self
            .cost_read
            .saturating_sub(level * MIN_NUMBER_SUBSTITUTION);
        let wq = self.query.weight;
        if class == 0 {
            return fine_bound(query_side, wq);
        }
        // The weight in the class that allows the best score: the one closest to the query's.
        let (low, high) = class_range((class - 1) as u8);
        let wc = wq.clamp(low, high);
        let d = query_side
            .saturating_add(wc.saturating_sub(wq))
            .max(wq.saturating_sub(wc));
        fine_bound(d, wq.max(wc))
    }

    /// Up to `wanted` unchecked texts met so far with the best estimates (`estimate`) reaching
    /// `threshold`, picked with a histogram of the estimates rather than by sorting them all or
    /// reading their slots. Also returns a bound on the estimates of the texts left out (minus
    /// infinity if none was).
    fn most_promising(&self, scratch: &Scratch, wanted: usize, threshold: f64) -> (Vec<u32>, f64) {
        // The estimate depends only on the level and the class, which are few: tabulate the
        // histogram bin of each pair (plus one; zero for estimates below the threshold).
        const _: () = assert!(MIN_WORD_SUBSTITUTION == 3 * MIN_NUMBER_SUBSTITUTION);
        let classes = CLASS_COUNT + 1;
        let most = MAX_WORDS * 3 + MAX_NUMBERS;
        let levels = (self.cost_read / MIN_NUMBER_SUBSTITUTION).min(most) as usize + 1;
        let mut table = vec![0u16; levels * classes];
        for level in 0..levels {
            for class in 0..classes {
                let estimate = self.estimate(level as u32, class as u32);
                if estimate >= threshold {
                    table[level * classes + class] =
                        (estimate.max(0.0) * BINS_PER_POINT) as u16 + 1;
                }
            }
        }
        let bin_of = |counter: Counter| -> u16 {
            let level = (counter & WORD_MASK) * 3 + ((counter & NUMBER_MASK) >> NUMBER_SHIFT);
            let class = usize::from(counter >> CLASS_SHIFT);
            let at = (level as usize).min(levels - 1) * classes + class.min(classes - 1);
            table[at]
        };
        let mut histogram = vec![0usize; (100.0 * BINS_PER_POINT) as usize + 2];
        let mut binned: Vec<(u16, u32)> = Vec::new();
        for &id in &scratch.touched {
            let counter = scratch.counters[id as usize];
            if counter & CHECKED != 0 {
                continue;
            }
            let bin = bin_of(counter);
            if bin > 0 {
                histogram[usize::from(bin)] += 1;
                binned.push((bin, id));
            }
        }
        // The lowest bin whose texts, with all those above, still fit in `wanted`.
        let mut cutoff = histogram.len();
        let mut taken = 0;
        while cutoff > 1 && taken + histogram[cutoff - 1] <= wanted {
            cutoff -= 1;
            taken += histogram[cutoff];
        }
        // From the bin that does not fit whole, take as many as still fit, in the order met.
        let mut room = wanted - taken;
        let mut ids = Vec::with_capacity(wanted.min(binned.len()));
        for (bin, id) in binned {
            let bin = usize::from(bin);
            if bin >= cutoff {
                ids.push(id);
            } else if bin + 1 == cutoff && room > 0 {
                room -= 1;
                ids.push(id);
            }
        }
        // Whatever was left out lies in the bins below the cutoff, or in the one partly taken;
        // bin b (plus one) holds estimates below b / BINS_PER_POINT.
        let left_out = (1..cutoff)
            .rev()
            .find(|&b| histogram[b] > 0 && (b + 1 < cutoff || room == 0));
        let left_out = left_out.map_or(f64::NEG_INFINITY, |b| b as f64 / BINS_PER_POINT);
        (ids, left_out)
    }

    /// Check the few most promising texts met so far, to raise the bar early.
    fn check_early(&mut self, scratch: &mut Scratch) {
        let threshold = self.ranking.top_threshold();
        let (ids, _) = self.most_promising(scratch, 16 * EARLY_CHECKS, threshold);
        let mut best: Vec<(f64, u32)> = ids
            .into_iter()
            .map(|id| (self.bound(id, scratch.counters[id as usize], threshold), id))
            .filter(|&(bound, _)| bound >= threshold)
            .collect();
        best.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        best.truncate(EARLY_CHECKS);
        for (bound, id) in best {
            if bound >= self.ranking.top_threshold() && scratch.mark_checked(id) {
                self.check(id);
            }
        }
    }

    /// Check the texts met in the order of their bound: all that could beat the best match
    /// (within `MANDATORY_CHECKS`), and the `OPTIONAL_CHECKS` best of the others. Returns
    /// whether every text met that could beat the best match was checked, and whether every
    /// text met that could enter the ranking was.
    fn check_candidates(&mut self, scratch: &mut Scratch) -> (bool, bool) {
        let threshold = self.ranking.threshold();
        let (ids, left_out) = self.most_promising(
            scratch,
            MANDATORY_CHECKS_WITH_MATCH + 2 * OPTIONAL_CHECKS,
            threshold,
        );
        let mut candidates: Vec<(f64, u32)> = ids
            .into_iter()
            .map(|id| (self.bound(id, scratch.counters[id as usize], threshold), id))
            .filter(|&(bound, _)| bound >= threshold)
            .collect();
        candidates.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let (mut mandatory, mut optional) = (0, 0);
        let mut unchecked = left_out;
        for (bound, id) in candidates {
            if bound >= self.ranking.top_threshold() {
                let cap = if self.ranking.is_empty() {
                    MANDATORY_CHECKS
                } else {
                    MANDATORY_CHECKS_WITH_MATCH
                };
                if mandatory >= cap {
                    unchecked = unchecked.max(bound);
                    break;
                }
                mandatory += 1;
            } else if bound < self.ranking.threshold() {
                // Sorted by bound: no further text can enter the ranking.
                break;
            } else if optional == OPTIONAL_CHECKS {
                unchecked = unchecked.max(bound);
                break;
            } else {
                optional += 1;
            }
            self.check(id);
        }
        (
            unchecked < self.ranking.top_threshold(),
            unchecked < self.ranking.threshold(),
        )
    }
}

impl MemoryIndex {
    /// The best matches for `query` (at most `limit`, best first) scoring at least 50.
    pub fn lookup(&self, query: &str, limit: usize) -> Vec<Match> {
        self.lookup_with(query, limit, DEFAULT_MIN_SCORE)
    }

    /// The best matches for `query` (at most `limit`, best first) scoring at least `min_score`.
    pub fn lookup_with(&self, query: &str, limit: usize, min_score: u8) -> Vec<Match> {
        self.lookup_in(&mut Scratch::new(), query, limit, min_score)
    }

    /// [`lookup_with`](Self::lookup_with) with caller-kept working memory; `scratch.stats()`
    /// then tells what the lookup did.
    pub fn lookup_in(
        &self,
        scratch: &mut Scratch,
        query: &str,
        limit: usize,
        min_score: u8,
    ) -> Vec<Match> {
        scratch.prepare(self.docs.len());
        if limit == 0 {
            return Vec::new();
        }
        let tokens = tokenize(query);
        let query = Query::new(query, &tokens, &self.vocabulary);
        let mut search = Search::new(self, &query, limit, min_score);

        // Equal texts first: they are always found, and they settle most lookups at once.
        if let Some(hash) = query.exact {
            for id in self.exact_chain(hash) {
                if scratch.mark_checked(id) {
                    search.check(id);
                }
            }
        }

        // Rarest first, counting only the texts whose length can still qualify.
        let wanted = search.classes_reaching(search.ranking.threshold());
        let mut terms: Vec<(usize, Term)> = query
            .terms
            .iter()
            .map(|t| (self.postings.volume(t.key, &wanted), *t))
            .collect();
        terms.sort_unstable_by_key(|(volume, t)| (*volume, t.key));

        let (mut words_read, mut numbers_read) = (0u32, 0u32);
        // Lists read only for the classes that can beat the best match leave other texts'
        // counters short; lists read only for near lengths, even more.
        let (mut narrowed, mut near_only) = (false, false);
        for (_, term) in &terms {
            let (top, all) = (search.ranking.top_threshold(), search.ranking.threshold());
            let unread = search.unread_bound();
            if unread < all {
                break;
            }
            let fits = |volume: usize| {
                scratch.stats.terms_read == 0 || scratch.stats.postings + volume <= POSTING_BUDGET
            };
            let mut wanted = search.classes_reaching(all);
            let mut volume = self.postings.volume(term.key, &wanted);
            if unread < top && scratch.stats.postings + volume > RANKING_BUDGET {
                // Only the places after the first would gain: worth a small budget only.
                break;
            }
            if !fits(volume) {
                wanted = search.classes_reaching(top);
                volume = self.postings.volume(term.key, &wanted);
                narrowed = narrowed || top > all;
                near_only = near_only || !fits(volume);
                if near_only {
                    wanted = search.classes_reaching(top.max(NEAR_SCORE));
                    volume = self.postings.volume(term.key, &wanted);
                    if scratch.stats.postings + volume > POSTING_BUDGET + NEAR_BUDGET {
                        break;
                    }
                }
            }
            // The counters hold only so many; a term beyond that stays unread, which only
            // weakens the bounds.
            if words_read + term.words > MAX_WORDS || numbers_read + term.numbers > MAX_NUMBERS {
                continue;
            }
            words_read += term.words;
            numbers_read += term.numbers;
            search.read(term, &wanted, scratch);
            let read = scratch.stats.terms_read;
            if read.is_power_of_two() && read <= 8 && scratch.touched.len() <= EARLY_TOUCHED {
                search.check_early(scratch);
            }
        }
        let (first_checked, all_checked) = search.check_candidates(scratch);
        let unread = search.unread_bound();
        scratch.stats.candidates = scratch
            .touched
            .iter()
            .filter(|&&id| scratch.counters[id as usize] & (WORD_MASK | NUMBER_MASK) != 0)
            .count();
        scratch.stats.checked = search.checked;
        scratch.stats.scored = search.scored;
        scratch.stats.exhaustive =
            unread < search.ranking.top_threshold() && first_checked && !near_only;
        scratch.stats.ranking_exhaustive =
            unread < search.ranking.threshold() && all_checked && !near_only && !narrowed;
        scratch.reset();
        search.ranking.into_matches()
    }

    /// The best matches by checking every stored text (only those whose length rules them out
    /// are skipped): the reference the index is measured against. `first` are ids to check
    /// before the others, e.g. what `lookup` found; they only make the scan faster.
    pub fn scan(&self, query: &str, limit: usize, min_score: u8, first: &[u32]) -> Vec<Match> {
        if limit == 0 {
            return Vec::new();
        }
        let tokens = tokenize(query);
        let query = Query::new(query, &tokens, &self.vocabulary);
        let mut search = Search::new(self, &query, limit, min_score);
        for &id in first {
            search.check(id);
        }
        for (slot, doc) in self.docs.iter().enumerate() {
            if self.doc(slot as u32).is_none() || first.contains(&(slot as u32)) {
                continue;
            }
            if length_bound(query.weight, doc.weight) < search.ranking.threshold() {
                continue;
            }
            search.check(slot as u32);
        }
        search.ranking.into_matches()
    }
}

/// The least cost of `words` words that no alignment can match.
fn unmatched_cost(words: usize) -> u32 {
    u32::try_from(words)
        .unwrap_or(u32::MAX)
        .saturating_mul(MIN_WORD_SUBSTITUTION)
}

/// The fine score of a distance of at least `distance` between texts of larger weight `length`.
fn fine_bound(distance: u32, length: u32) -> f64 {
    if length == 0 {
        return 100.0;
    }
    100.0 * (1.0 - f64::from(distance) / f64::from(length))
}
