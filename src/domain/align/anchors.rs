//! Turns the clues of both documents into weighted anchor ids, keeping only those both sides share.

use std::collections::{HashMap, HashSet};

use super::features::{extract, Feature, Kind};

/// Cost of one clue left without its counterpart in its bead, by kind.
///
/// Each is roughly `-ln` of the chance that a translator drops or adds such a clue: numbers,
/// links and Latin names nearly always survive translation, punctuation often changes.
#[derive(Debug, Clone, Copy)]
pub(super) struct Weights {
    pub number: f64,
    pub link: f64,
    pub word: f64,
    pub name: f64,
    pub question: f64,
    pub exclamation: f64,
    pub quote: f64,
    pub sentence_end: f64,
}

impl Weights {
    fn of(&self, kind: Kind) -> f64 {
        match kind {
            Kind::Number => self.number,
            Kind::Link => self.link,
            Kind::Word => self.word,
            Kind::Name | Kind::InitialName => self.name,
            Kind::Question => self.question,
            Kind::Exclamation => self.exclamation,
            Kind::Quote => self.quote,
            Kind::SentenceEnd => self.sentence_end,
        }
    }
}

pub(super) const SENTENCE_WEIGHTS: Weights = Weights {
    number: 2.0,
    link: 3.0,
    word: 1.5,
    name: 1.0,
    question: 2.0,
    exclamation: 1.5,
    quote: 1.0,
    sentence_end: 1.5,
};

/// A paragraph's sentences are split and merged freely, so its sentence count says little.
pub(super) const PARAGRAPH_WEIGHTS: Weights = Weights {
    sentence_end: 0.5,
    ..SENTENCE_WEIGHTS
};

/// The anchors of every unit of both documents, as sorted ids into `weights`.
#[derive(Debug)]
pub(super) struct Anchors {
    pub src: Vec<Vec<u32>>,
    pub tgt: Vec<Vec<u32>>,
    pub weights: Vec<f64>,
}

/// Keeps the clues that occur on both sides: one that only one side has is unmatched in every
/// alignment, so it cannot tell them apart.
///
/// A Latin word or a name is kept only while it is rare on both sides: in two Latin-script
/// documents, function words shared by the languages (`a`, `in`) would otherwise pull units
/// together, and a name found in every sentence says nothing about which goes with which.
pub(super) fn anchors(src: &[&str], tgt: &[&str], weights: &Weights) -> Anchors {
    let src_features = resolve_initial_names(src.iter().map(|t| extract(t)).collect());
    let tgt_features = resolve_initial_names(tgt.iter().map(|t| extract(t)).collect());
    let src_df = unit_frequency(&src_features);
    let tgt_df = unit_frequency(&tgt_features);
    let rare_limit = |units: usize| (units / 4).max(2);
    let keep = |f: &Feature| match (src_df.get(f), tgt_df.get(f)) {
        (Some(&s), Some(&t)) => {
            !matches!(f.0, Kind::Word | Kind::Name)
                || (s <= rare_limit(src.len()) && t <= rare_limit(tgt.len()))
        }
        _ => false,
    };
    let mut ids = HashMap::new();
    let mut id_weights = Vec::new();
    let src = intern(&src_features, &keep, &mut ids, &mut id_weights, weights);
    let tgt = intern(&tgt_features, &keep, &mut ids, &mut id_weights, weights);
    Anchors {
        src,
        tgt,
        weights: id_weights,
    }
}

/// Replaces each kept clue by its id, giving a new clue the next id and its weight.
fn intern<'a>(
    units: &'a [Vec<Feature>],
    keep: &impl Fn(&Feature) -> bool,
    ids: &mut HashMap<&'a Feature, u32>,
    id_weights: &mut Vec<f64>,
    weights: &Weights,
) -> Vec<Vec<u32>> {
    units
        .iter()
        .map(|unit| {
            let mut list: Vec<u32> = unit
                .iter()
                .filter(|f| keep(f))
                .map(|f| {
                    let next = ids.len() as u32;
                    *ids.entry(f).or_insert_with(|| {
                        id_weights.push(weights.of(f.0));
                        next
                    })
                })
                .collect();
            list.sort_unstable();
            list
        })
        .collect()
}

/// Keeps a sentence-initial capitalised word as a name only when its skeleton also occurs
/// capitalised mid-sentence somewhere in the same document; otherwise `The`, `Он` or `Նրան`
/// would pass for names.
fn resolve_initial_names(mut units: Vec<Vec<Feature>>) -> Vec<Vec<Feature>> {
    let names: HashSet<String> = units
        .iter()
        .flatten()
        .filter(|f| f.0 == Kind::Name)
        .map(|f| f.1.clone())
        .collect();
    for unit in &mut units {
        unit.retain(|f| f.0 != Kind::InitialName || names.contains(&f.1));
        for f in unit.iter_mut() {
            if f.0 == Kind::InitialName {
                f.0 = Kind::Name;
            }
        }
    }
    units
}

/// In how many units each clue occurs.
fn unit_frequency(units: &[Vec<Feature>]) -> HashMap<&Feature, usize> {
    let mut df: HashMap<&Feature, usize> = HashMap::new();
    for unit in units {
        let mut seen: Vec<&Feature> = unit.iter().collect();
        seen.sort_unstable();
        seen.dedup();
        for f in seen {
            *df.entry(f).or_insert(0) += 1;
        }
    }
    df
}

/// Weighted count of the anchors of one side of a bead that the other side lacks, both lists
/// sorted: a multiset difference, so a number written twice needs two counterparts.
///
/// The sentence count is charged to beads with an empty side too: a dropped sentence then costs
/// a little more than its shape's prior, which keeps a short sentence glued to its neighbour
/// (a 2-1 bead) rather than dropped when the lengths cannot tell.
pub(super) fn unmatched(src: &[u32], tgt: &[u32], weights: &[f64]) -> f64 {
    let (mut i, mut j) = (0, 0);
    let mut cost = 0.0;
    let weight = |id: u32| weights.get(id as usize).copied().unwrap_or(0.0);
    while i < src.len() && j < tgt.len() {
        match src[i].cmp(&tgt[j]) {
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => {
                cost += weight(src[i]);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                cost += weight(tgt[j]);
                j += 1;
            }
        }
    }
    cost += src[i..].iter().map(|&id| weight(id)).sum::<f64>();
    cost += tgt[j..].iter().map(|&id| weight(id)).sum::<f64>();
    cost
}
