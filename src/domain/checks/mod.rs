//! Quality checks of a translation against its source: pure functions that return findings.

// Every check lives in a file of its own and looks at the texts only: no I/O, no other module
// of the crate. Languages are BCP 47 tags of which only the primary subtag matters; sentence
// counts come from the caller's segmenter. Findings carry a check id, a severity and named
// arguments for the localised message `check-<id>` (`check-number-missing` for NumberMissing).

mod analysis;
mod cross;
mod date_parse;
mod dates;
mod glossary;
mod lang;
mod length;
mod links;
mod number_parse;
mod number_words;
mod numbers;
mod presence;
mod punctuation;
mod quotes;
mod scripts;
mod sentences;
mod spacing;
mod text;

#[cfg(test)]
mod tests;

use serde::Serialize;

/// How much a finding matters to the workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Blocks approval of the unit.
    Error,
    /// Shown to the translator and reviewer; does not block.
    Warning,
}

/// Which check produced a finding; its snake_case name keys the localised message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckId {
    EmptyTarget,
    UnchangedFromSource,
    NumberMissing,
    NumberAdded,
    DateMismatch,
    EndPunctuation,
    QuoteStyle,
    DoubleSpace,
    EdgeWhitespace,
    MixedScript,
    LinkMissing,
    GlossaryNotFollowed,
    ForbiddenTerm,
    SentenceCount,
    LengthRatio,
    CrossLanguageMissing,
}

/// One finding. `args` are named values for the localised message (e.g. ("number", "120 000"),
/// ("word", "Мoсква")).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub check: CheckId,
    pub severity: Severity,
    pub args: Vec<(String, String)>,
}

impl Finding {
    fn new(check: CheckId, severity: Severity) -> Self {
        Finding {
            check,
            severity,
            args: Vec::new(),
        }
    }

    fn arg(mut self, name: &str, value: impl Into<String>) -> Self {
        self.args.push((name.to_owned(), value.into()));
        self
    }
}

/// A glossary entry of the unit's language pair; `term` is in the source language.
pub struct GlossaryTerm<'a> {
    pub term: &'a str,
    pub translation: &'a str,
    pub status: TermStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermStatus {
    /// `translation` is the rendering to use when `term` occurs in the source.
    Preferred,
    /// `translation` must not appear in the target at all.
    Forbidden,
    /// `term` must appear unchanged in the target (brand names, titles of laws in Latin…).
    DoNotTranslate,
}

/// One unit to check: the source and target texts with what the caller knows about them.
pub struct UnitInput<'a> {
    pub source_lang: &'a str,
    pub target_lang: &'a str,
    pub source: &'a str,
    pub target: &'a str,
    /// Counted by the caller's segmenter.
    pub source_sentences: usize,
    pub target_sentences: usize,
    /// Terms of this language pair, `term` in the source language.
    pub glossary: &'a [GlossaryTerm<'a>],
}

/// All checks of one unit's target against its source.
///
/// Findings come grouped in the order of [`CheckId`], and within one check in the order of the
/// text, so the same input always gives the same list.
pub fn check_unit(input: &UnitInput) -> Vec<Finding> {
    if let Some(empty) = presence::check_empty(input.source, input.target) {
        // Every other check would only repeat that nothing is there.
        return vec![empty];
    }
    if input.target.trim().is_empty() {
        // An empty source with an empty target: nothing to translate, nothing to check.
        return Vec::new();
    }
    let source = analysis::analyse(input.source_lang, input.source);
    let target = analysis::analyse(input.target_lang, input.target);

    let mut findings = Vec::new();
    findings.extend(presence::check_unchanged(input.source, input.target));
    findings.extend(numbers::check_numbers(&source, &target));
    findings.extend(dates::check_dates(&source, &target));
    findings.extend(punctuation::check_end_punctuation(
        &source.lang,
        input.source,
        &target.lang,
        input.target,
    ));
    findings.extend(quotes::check_quotes(
        &target.lang,
        input.target,
        &target.links,
    ));
    findings.extend(spacing::check_double_space(input.target));
    findings.extend(spacing::check_edge_whitespace(input.source, input.target));
    findings.extend(scripts::check_mixed_script(input.target, &target.links));
    findings.extend(links::check_links(&source.links, &target.links));
    findings.extend(glossary::check_glossary(
        &source.lang,
        input.source,
        &target.lang,
        input.target,
        input.glossary,
    ));
    findings.extend(sentences::check_sentence_count(
        input.source_sentences,
        input.target_sentences,
    ));
    findings.extend(length::check_length_ratio(
        &source.lang,
        input.source,
        &target.lang,
        input.target,
    ));
    // The glossary may list a term twice; one finding per distinct message is enough.
    dedup_stable(&mut findings);
    findings
}

/// Cross-language: a number, date or Latin-script name present in the source and in at least
/// one translation but missing from another translation. `translations` are (lang, text) of
/// the same paragraph; returns (lang, finding) pairs in the order of the source, then of
/// `translations`.
pub fn check_across(
    source_lang: &str,
    source: &str,
    translations: &[(&str, &str)],
) -> Vec<(String, Finding)> {
    cross::check_across(source_lang, source, translations)
}

/// Removes later duplicates while keeping the first occurrence where it was.
fn dedup_stable(findings: &mut Vec<Finding>) {
    let mut seen: Vec<Finding> = Vec::with_capacity(findings.len());
    findings.retain(|f| {
        if seen.contains(f) {
            false
        } else {
            seen.push(f.clone());
            true
        }
    });
}
