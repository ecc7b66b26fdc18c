//! Runs the OASIS XLIFF 2.1 test suite against `tandem::formats::xliff::validate`.

use crate::harness::Tests;
use std::path::Path;

use crate::outside;

use tandem::formats::xliff::validate;

const MAX: usize = 8 * 1024 * 1024;

fn run(dir: &Path, expect_valid: bool) -> (usize, Vec<String>) {
    let mut total = 0;
    let mut wrong = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("read suite folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "xlf"))
        .collect();
    entries.sort();
    for p in entries {
        total += 1;
        let bytes = std::fs::read(&p).expect("read suite file");
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match (validate(&bytes, MAX), expect_valid) {
            (Ok(()), true) => {}
            (Err(e), false) => eprintln!("  {name}: {e}"),
            (Ok(()), false) => wrong.push(format!("{name}: accepted")),
            (Err(e), true) => wrong.push(format!("{name}: {e}")),
        }
    }
    (total, wrong)
}

fn oasis_xliff_21_suite() {
    let root = outside::shared("conformance/xliff-2.1/test-suite");
    let mut failures = Vec::new();
    for (folder, valid) in [
        ("core/valid", true),
        ("core/invalid", false),
        ("modules/valid", true),
        ("modules/invalid", false),
    ] {
        let (total, wrong) = run(&root.join(folder), valid);
        eprintln!(
            "{folder}: {}/{total} {}",
            total - wrong.len(),
            if valid { "accepted" } else { "rejected" }
        );
        failures.extend(wrong.into_iter().map(|w| format!("{folder}/{w}")));
    }
    assert!(
        failures.is_empty(),
        "conformance failures:\n{}",
        failures.join("\n")
    );
}

pub fn tests() -> Tests {
    Tests::new().sync("oasis_xliff_21_suite", oasis_xliff_21_suite)
}
