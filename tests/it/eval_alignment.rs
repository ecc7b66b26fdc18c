//! The alignment targets on the NTREX sample in ../shared/eval (skipped, and named as such, when
//! the folder is not beside the clone; a failure under CI).

use crate::harness::Tests;
use crate::outside;

use tandem::eval::alignment::evaluate;

fn alignment_meets_its_targets() {
    let dir = outside::shared("eval/alignment/ntrex_sample");
    let scores = evaluate(&dir).expect("evaluation runs");
    assert_eq!(scores.len(), 6, "three pairs, merged and 1-1: {scores:?}");
    for score in &scores {
        let (_, _, f1) = score.counts.scores();
        let target = if score.name.starts_with("1-1") {
            1.0
        } else {
            0.98
        };
        assert!(f1 >= target, "{score} is below {target}");
    }
}

pub fn tests() -> Tests {
    Tests::new().sync("alignment_meets_its_targets", alignment_meets_its_targets)
}
