//! Scores the sentence segmenter on JSON case files from outside test suites, read at run time.
//!
//! A file is a JSON list of `{"input": str, "expected": [str, ...], "flags": [str, ...]?}`; other
//! keys are ignored. The language is the start of the file name (`en_more.json` is English). As in
//! the upstream suites, a case passes when the produced sentences, each trimmed of surrounding white
//! space, equal `expected` exactly. Cases flagged `requires_cleaning` expect white space to be
//! normalised first, which Tandem never does to source text, so they are counted as skipped.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::domain::segmentation::split_sentences;

/// Flags of cases that are left out of the score (and reported as skipped).
const SKIP_FLAGS: &[&str] = &["requires_cleaning"];

/// The score of one case file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileScore {
    pub file: String,
    pub lang: String,
    pub passed: usize,
    /// Cases scored, skipped ones excluded.
    pub total: usize,
    pub skipped: usize,
    pub failures: Vec<Failure>,
}

/// A case whose sentences differ from the expected ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub input: String,
    pub expected: Vec<String>,
    pub got: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is not a list of segmentation cases: {source}")]
    Parse {
        path: PathBuf,
        #[source]
        source: serde_json::Error,
    },
    #[error("cannot tell the language of {0}: its name should start with a language subtag such as `en`")]
    UnknownLanguage(PathBuf),
}

#[derive(Debug, Deserialize)]
struct Case {
    input: String,
    expected: Vec<String>,
    #[serde(default)]
    flags: Vec<String>,
}

impl fmt::Display for FileScore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let percent = if self.total == 0 {
            0.0
        } else {
            100.0 * self.passed as f64 / self.total as f64
        };
        write!(
            f,
            "{} ({}): {}/{} passed ({percent:.1}%), {} skipped",
            self.file, self.lang, self.passed, self.total, self.skipped
        )
    }
}

/// Scores one case file.
pub fn evaluate_file(path: &Path) -> Result<FileScore, EvalError> {
    let file = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let lang = language_of(&file).ok_or_else(|| EvalError::UnknownLanguage(path.to_owned()))?;
    let json = std::fs::read_to_string(path).map_err(|source| EvalError::Read {
        path: path.to_owned(),
        source,
    })?;
    let cases: Vec<Case> = serde_json::from_str(&json).map_err(|source| EvalError::Parse {
        path: path.to_owned(),
        source,
    })?;
    let mut score = FileScore {
        file,
        lang,
        passed: 0,
        total: 0,
        skipped: 0,
        failures: Vec::new(),
    };
    for case in cases {
        if case
            .flags
            .iter()
            .any(|flag| SKIP_FLAGS.contains(&flag.as_str()))
        {
            score.skipped += 1;
            continue;
        }
        score.total += 1;
        let got: Vec<String> = split_sentences(&score.lang, &case.input)
            .into_iter()
            .map(|range| case.input[range].trim().to_owned())
            .collect();
        if got == case.expected {
            score.passed += 1;
        } else {
            score.failures.push(Failure {
                input: case.input,
                expected: case.expected,
                got,
            });
        }
    }
    Ok(score)
}

/// Scores every `*.json` file of `dir`, in file-name order.
pub fn evaluate_dir(dir: &Path) -> Result<Vec<FileScore>, EvalError> {
    let read_error = |source| EvalError::Read {
        path: dir.to_owned(),
        source,
    };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_error)? {
        let path = entry.map_err(read_error)?.path();
        if path.is_file() && path.extension().is_some_and(|ext| ext == "json") {
            paths.push(path);
        }
    }
    paths.sort();
    paths.iter().map(|path| evaluate_file(path)).collect()
}

/// The language subtag a case file name starts with: `hy_ud_armtdp_dev.json` is `hy`.
fn language_of(file: &str) -> Option<String> {
    let subtag: String = file
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_ascii_lowercase();
    (2..=3).contains(&subtag.len()).then_some(subtag)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, json: &str) {
        std::fs::write(dir.join(name), json).expect("the temporary file can be written");
    }

    #[test]
    fn counts_passes_failures_and_skipped_cases() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        write(
            dir.path(),
            "en_tiny.json",
            r#"[
                {"input": "The kettle boiled. We made tea.", "expected": ["The kettle boiled.", "We made tea."]},
                {"input": "One line only.", "expected": ["One", "line only."], "id": "wrong on purpose"},
                {"input": "Spaces  inside.", "expected": ["Spaces inside."], "flags": ["requires_cleaning"]}
            ]"#,
        );
        let score = evaluate_file(&dir.path().join("en_tiny.json")).expect("the file is valid");
        assert_eq!(score.lang, "en");
        assert_eq!((score.passed, score.total, score.skipped), (1, 2, 1));
        assert_eq!(score.failures.len(), 1);
        assert_eq!(score.failures[0].got, vec!["One line only."]);
        assert_eq!(
            score.to_string(),
            "en_tiny.json (en): 1/2 passed (50.0%), 1 skipped"
        );
    }

    #[test]
    fn scores_every_json_file_of_a_directory_in_name_order() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        write(
            dir.path(),
            "ru_b.json",
            r#"[{"input": "Дождь кончился. Мы пошли гулять.", "expected": ["Дождь кончился.", "Мы пошли гулять."]}]"#,
        );
        write(
            dir.path(),
            "hy_a.json",
            r#"[{"input": "Անձրևը դադարեց: Մենք դուրս եկանք:", "expected": ["Անձրևը դադարեց:", "Մենք դուրս եկանք:"]}]"#,
        );
        write(dir.path(), "notes.txt", "not a case file");
        let scores = evaluate_dir(dir.path()).expect("the directory is valid");
        let summary: Vec<(&str, &str, usize, usize)> = scores
            .iter()
            .map(|s| (s.file.as_str(), s.lang.as_str(), s.passed, s.total))
            .collect();
        assert_eq!(
            summary,
            vec![("hy_a.json", "hy", 1, 1), ("ru_b.json", "ru", 1, 1)]
        );
    }

    #[test]
    fn reports_a_file_that_is_not_a_case_list() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        write(dir.path(), "en_broken.json", r#"{"input": "not a list"}"#);
        let error = evaluate_file(&dir.path().join("en_broken.json")).unwrap_err();
        assert!(matches!(error, EvalError::Parse { .. }), "{error}");
    }
}
