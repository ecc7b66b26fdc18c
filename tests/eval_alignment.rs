//! The alignment targets on the NTREX sample in ../shared/eval (skipped with a notice when the
//! folder is not beside the clone; CI always has it, and there a missing folder fails).

use std::path::PathBuf;

use tandem::eval::alignment::evaluate;

#[test]
fn alignment_meets_its_targets() {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/alignment/ntrex_sample");
    if !dir.is_dir() {
        assert!(
            std::env::var("CI").is_err(),
            "CI must have ../shared beside the clone"
        );
        eprintln!(
            "notice: {} is absent; the alignment targets were not checked",
            dir.display()
        );
        return;
    }
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
