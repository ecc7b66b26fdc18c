//! Scores the sentence aligner on a parallel corpus with gold alignments, read at run time.
//!
//! The layout is that of the NTREX sample: `docs/<doc>.<lang>` (one sentence a line, 1-1 gold in
//! `<doc>.gold`) and `merged/<src>-<tgt>/<doc>.{<src>,<tgt>,gold}` (or `.src`/`.tgt`) (adjacent sentences joined on one
//! side, gold lines like `[0,1]:[0]`). Strict F1 counts a bead right only when both of its sides
//! equal a gold bead; documents are added up before dividing (micro-average).

use std::fmt;
use std::path::{Path, PathBuf};

use crate::domain::align::{align_sentences, parse_gold_line, strict_counts, Bead, StrictCounts};

/// The score of one set (a language pair, merged or 1-1).
#[derive(Debug, Clone, PartialEq)]
pub struct SetScore {
    pub name: String,
    pub documents: usize,
    pub counts: StrictCounts,
}

impl fmt::Display for SetScore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (p, r, f1) = self.counts.scores();
        write!(
            f,
            "{}: strict F1 {f1:.3} (precision {p:.3}, recall {r:.3}; {} documents, {} gold beads)",
            self.name, self.documents, self.counts.gold
        )
    }
}

#[derive(Debug)]
pub struct EvalError(pub String);

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for EvalError {}

fn read(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|e| EvalError(format!("{}: {e}", path.display())))
}

fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

fn gold(path: &Path) -> Result<Vec<Bead>, EvalError> {
    read(path)?
        .lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| {
            parse_gold_line(l)
                .ok_or_else(|| EvalError(format!("{}:{}: not a bead: {l}", path.display(), i + 1)))
        })
        .collect()
}

/// Aligns one document pair and counts its beads against the gold.
pub fn score_pair(src: &Path, tgt: &Path, gold_path: &Path) -> Result<StrictCounts, EvalError> {
    let (src_text, tgt_text) = (read(src)?, read(tgt)?);
    let predicted = align_sentences(&lines(&src_text), &lines(&tgt_text));
    Ok(strict_counts(&predicted, &gold(gold_path)?))
}

fn sorted_files(dir: &Path, extension: &str) -> Result<Vec<PathBuf>, EvalError> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| EvalError(format!("{}: {e}", dir.display())))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    files.sort();
    Ok(files)
}

/// A document's side: `<doc>.<lang>`, or `<doc>.src` / `<doc>.tgt` where files are named by role.
fn side(gold: &Path, lang: &str, role: &str) -> PathBuf {
    let by_lang = gold.with_extension(lang);
    if by_lang.exists() {
        by_lang
    } else {
        gold.with_extension(role)
    }
}

/// Scores every pair under `merged/` and, for the same pairs, the 1-1 documents under `docs/`.
pub fn evaluate(dir: &Path) -> Result<Vec<SetScore>, EvalError> {
    let merged = dir.join("merged");
    let mut pairs: Vec<PathBuf> = std::fs::read_dir(&merged)
        .map_err(|e| EvalError(format!("{}: {e}", merged.display())))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    pairs.sort();
    let mut scores = Vec::new();
    for pair in &pairs {
        let name = pair
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Some((src, tgt)) = name.split_once('-') else {
            continue;
        };
        let mut counts = StrictCounts::default();
        let golds = sorted_files(pair, "gold")?;
        for g in &golds {
            counts += score_pair(&side(g, src, "src"), &side(g, tgt, "tgt"), g)?;
        }
        scores.push(SetScore {
            name: format!("merged {name}"),
            documents: golds.len(),
            counts,
        });
        // The same pair on the 1-1 documents.
        let docs = dir.join("docs");
        let mut counts = StrictCounts::default();
        let golds = sorted_files(&docs, "gold")?;
        for g in &golds {
            counts += score_pair(&g.with_extension(src), &g.with_extension(tgt), g)?;
        }
        scores.push(SetScore {
            name: format!("1-1 {name}"),
            documents: golds.len(),
            counts,
        });
    }
    Ok(scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_a_small_corpus_laid_out_like_ntrex() {
        let dir = tempfile::tempdir().expect("dir");
        let root = dir.path();
        std::fs::create_dir_all(root.join("merged/en-ru")).expect("dirs");
        std::fs::create_dir_all(root.join("docs")).expect("dirs");
        let en = "The bridge reopens on Monday.\nTraffic will be limited to 30 km/h.\nCyclists get a lane of their own.\n";
        let ru = "Мост откроется в понедельник.\nСкорость ограничат до 30 км/ч.\nУ велосипедистов будет своя полоса.\n";
        std::fs::write(root.join("docs/a.en"), en).expect("write");
        std::fs::write(root.join("docs/a.ru"), ru).expect("write");
        std::fs::write(root.join("docs/a.gold"), "[0]:[0]\n[1]:[1]\n[2]:[2]\n").expect("write");
        std::fs::write(root.join("merged/en-ru/a.src"), en).expect("write");
        std::fs::write(
            root.join("merged/en-ru/a.tgt"),
            "Мост откроется в понедельник. Скорость ограничат до 30 км/ч.\nУ велосипедистов будет своя полоса.\n",
        )
        .expect("write");
        std::fs::write(root.join("merged/en-ru/a.gold"), "[0,1]:[0]\n[2]:[1]\n").expect("write");
        let scores = evaluate(root).expect("scores");
        assert_eq!(scores.len(), 2);
        assert_eq!(scores[0].name, "merged en-ru");
        assert_eq!(scores[0].counts.gold, 2);
        assert_eq!(scores[1].counts.gold, 3);
        assert_eq!(
            scores[1].counts.correct, 3,
            "the 1-1 document aligns exactly"
        );
    }

    #[test]
    fn a_broken_gold_line_names_its_place() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("x.gold");
        std::fs::write(&path, "[0]:[0]\nnonsense\n").expect("write");
        let err = gold(&path).expect_err("bad line");
        assert!(err.0.contains("x.gold:2"), "{err}");
    }
}
