//! Runs the hostile and broken XLIFF/XML files in `tests/hostile/` through the import reader.
//!
//! Every file listed in `tests/hostile/expected.tsv` must be refused with exactly the listed
//! `XliffError::code`, without panicking. Large or deep inputs are generated here at run time
//! instead of being committed (see the `generated_*` tests). How fast they are refused is
//! measured by `cargo bench --bench hostile`, never asserted here.

use crate::harness::Tests;
use std::collections::BTreeSet;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use tandem::formats::xliff::{read_for_import, ImportedFile, XliffError};

/// Size limit used for the committed files.
const MAX: usize = 1 << 20;

/// Size of the generated inputs that probe for quadratic checks within one unit.
const QUADRATIC_PROBE_BYTES: usize = 250 * 1024;

const NS: &str = "urn:oasis:names:tc:xliff:document:2.0";

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

fn expected() -> Vec<(String, String)> {
    let text = std::fs::read_to_string(dir().join("expected.tsv")).expect("read expected.tsv");
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (file, code) = l
                .split_once('\t')
                .unwrap_or_else(|| panic!("expected.tsv line without a tab: {l:?}"));
            (file.to_owned(), code.trim().to_owned())
        })
        .collect()
}

/// Runs the reader, turning a panic into a message.
fn run(bytes: &[u8], max: usize) -> Result<Result<ImportedFile, XliffError>, String> {
    catch_unwind(AssertUnwindSafe(|| read_for_import(bytes, max))).map_err(|p| {
        p.downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into())
    })
}

fn describe(res: &Result<Result<ImportedFile, XliffError>, String>) -> String {
    match res {
        Ok(Ok(f)) => format!("accepted ({} units)", f.units.len()),
        Ok(Err(e)) => format!("{e}"),
        Err(p) => format!("PANIC: {p}"),
    }
}

fn hostile_files_are_refused_with_expected_codes() {
    let cases = expected();
    let mut problems = Vec::new();
    for (file, want) in &cases {
        let bytes = std::fs::read(dir().join(file)).unwrap_or_else(|e| panic!("read {file}: {e}"));
        match &run(&bytes, MAX) {
            Ok(Err(e)) if e.code == want => {}
            other => problems.push(format!("{file}: expected {want}, got {}", describe(other))),
        }
    }
    assert!(
        problems.is_empty(),
        "{} of {} hostile files are not handled as expected:\n  {}",
        problems.len(),
        cases.len(),
        problems.join("\n  ")
    );
}

fn every_hostile_file_is_listed() {
    let listed: BTreeSet<String> = expected().into_iter().map(|(f, _)| f).collect();
    let on_disk: BTreeSet<String> = std::fs::read_dir(dir())
        .expect("read tests/hostile")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "expected.tsv" && n != "README.md")
        .collect();
    let unlisted: Vec<_> = on_disk.difference(&listed).collect();
    let missing: Vec<_> = listed.difference(&on_disk).collect();
    assert!(
        unlisted.is_empty(),
        "files not in expected.tsv: {unlisted:?}"
    );
    assert!(
        missing.is_empty(),
        "expected.tsv names missing files: {missing:?}"
    );
    assert!(
        on_disk.len() >= 30,
        "only {} hostile files, want at least 30",
        on_disk.len()
    );
    for name in &on_disk {
        let len = std::fs::metadata(dir().join(name)).expect("stat").len();
        assert!(
            len < 10 * 1024,
            "{name} is {len} bytes; generate big inputs in the test"
        );
    }
}

/// Asserts the reader refuses `bytes` with `code`.
fn assert_refused(name: &str, bytes: &[u8], max: usize, code: &str) {
    match &run(bytes, max) {
        Ok(Err(e)) => assert_eq!(e.code, code, "{name}: {e}"),
        other => panic!("{name}: expected {code}, got {}", describe(other)),
    }
}

/// Asserts the reader answers (either way) without panicking.
fn assert_answers(name: &str, bytes: &[u8], max: usize) {
    let res = run(bytes, max);
    assert!(res.is_ok(), "{name}: {}", describe(&res));
}

/// A small valid XLIFF 2.1 document with `unit` as the only unit's content.
fn doc_with_unit(unit: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="{NS}" version="2.1" srcLang="en" trgLang="hy"><file id="f1"><unit id="u1">{unit}</unit></file></xliff>"#
    )
}

fn generated_valid_baseline_is_accepted() {
    // Sanity check that the generators below build documents the reader accepts.
    let doc = doc_with_unit(
        r#"<segment><source>Send <sc id="1"/>now<ec startRef="1"/>.</source><target>Ուղարկեք <sc id="1"/>հիմա<ec startRef="1"/>։</target></segment>"#,
    );
    let res = run(doc.as_bytes(), MAX);
    assert!(matches!(res, Ok(Ok(_))), "{}", describe(&res));
}

fn generated_deep_nesting_10000() {
    let doc = format!("{}{}", "<a>".repeat(10_000), "</a>".repeat(10_000));
    assert_refused("10,000-deep nesting", doc.as_bytes(), MAX, "xml_too_deep");
    // Unclosed deep nesting as well (no end tags at all).
    assert_refused(
        "10,000-deep unclosed",
        "<a>".repeat(10_000).as_bytes(),
        MAX,
        "xml_too_deep",
    );
}

fn generated_two_megabytes_over_one_mebibyte_limit() {
    let body = "Բարև աշխարհ. ".repeat(2 * 1024 * 1024 / "Բարև աշխարհ. ".len() + 1);
    let doc = doc_with_unit(&format!("<segment><source>{body}</source></segment>"));
    assert!(doc.len() > 2 * 1024 * 1024);
    assert_refused("2 MB text", doc.as_bytes(), 1 << 20, "xml_too_large");
}

fn generated_200000_siblings() {
    // The reader caps documents at MAX_ELEMENTS (1,000,000) elements. 200,000 siblings stay
    // under that cap and within 1 MiB, so the XML layer accepts them and the XLIFF rules
    // refuse the unknown core element; what matters is that it is refused quickly.
    let doc = format!(
        r#"<xliff xmlns="{NS}" version="2.1" srcLang="en">{}</xliff>"#,
        "<a/>".repeat(200_000)
    );
    assert!(doc.len() < 1 << 20);
    assert_refused(
        "200,000 siblings",
        doc.as_bytes(),
        1 << 20,
        "core.content.unexpected_element",
    );
}

fn generated_element_cap_is_enforced() {
    // One element over the cap, with a byte limit large enough not to trigger first.
    let doc = format!(
        "<a>{}</a>",
        "<b/>".repeat(tandem::formats::xml::MAX_ELEMENTS)
    );
    assert_refused(
        "1,000,001 elements",
        doc.as_bytes(),
        8 << 20,
        "xml_too_large",
    );
}

fn generated_500_kb_attribute_value() {
    let value = "ա".repeat(250 * 1024); // 500 KB of UTF-8
    let doc = doc_with_unit(&format!(
        r#"<notes><note category="{value}">Long category.</note></notes><segment><source>Hello.</source></segment>"#
    ));
    assert_answers("500 KB attribute", doc.as_bytes(), MAX);
    // The same length made of escapes.
    let value = "&amp;".repeat(100 * 1024);
    let doc = doc_with_unit(&format!(
        r#"<notes><note category="{value}">Escapes.</note></notes><segment><source>Hello.</source></segment>"#
    ));
    assert_answers("500 KB escaped attribute", doc.as_bytes(), MAX);
}

fn generated_many_references_in_text() {
    // ~1 MiB of character and entity references in one text node.
    let body = "&#x531;&amp;".repeat(1_000_000 / 12);
    let doc = doc_with_unit(&format!("<segment><source>{body}</source></segment>"));
    assert_answers("many references", doc.as_bytes(), MAX);
}

fn generated_many_paired_codes_in_one_unit() {
    // Thousands of <sc>/<ec> pairs in one source. Kept at 250 KB (a quarter of the 1 MiB
    // limit) so a quadratic check fails in seconds rather than minutes.
    let mut s = String::new();
    let mut i = 0;
    while s.len() < QUADRATIC_PROBE_BYTES {
        s.push_str(&format!(r#"<sc id="c{i}"/>ա<ec startRef="c{i}"/>"#));
        i += 1;
    }
    let doc = doc_with_unit(&format!("<segment><source>{s}</source></segment>"));
    assert_answers("many sc/ec pairs", doc.as_bytes(), MAX);
}

fn generated_many_annotations_in_one_unit() {
    // The same with <sm>/<em> markers.
    let mut s = String::new();
    let mut i = 0;
    while s.len() < QUADRATIC_PROBE_BYTES {
        s.push_str(&format!(r#"<sm id="m{i}"/>ա<em startRef="m{i}"/>"#));
        i += 1;
    }
    let doc = doc_with_unit(&format!("<segment><source>{s}</source></segment>"));
    assert_answers("many sm/em pairs", doc.as_bytes(), MAX);
}

fn generated_many_non_reorderable_runs() {
    // Many one-code runs with canReorder="firstNo", repeated in the target.
    let mut s = String::new();
    let mut i = 0;
    while s.len() < 450_000 {
        s.push_str(&format!(
            r#"<ph id="p{i}" canReorder="firstNo" canCopy="no" canDelete="no"/>"#
        ));
        i += 1;
    }
    let doc = doc_with_unit(&format!(
        "<segment><source>{s}</source><target>{s}</target></segment>"
    ));
    assert_answers("many firstNo runs", doc.as_bytes(), MAX);
}

fn generated_many_copy_of_references() {
    // Target codes copying source codes by copyOf.
    let (mut s, mut t) = (String::new(), String::new());
    let mut i = 0;
    while s.len() + t.len() < QUADRATIC_PROBE_BYTES {
        s.push_str(&format!(r#"<ph id="p{i}"/>"#));
        t.push_str(&format!(r#"<ph id="t{i}" copyOf="p{i}"/>"#));
        i += 1;
    }
    let doc = doc_with_unit(&format!(
        "<segment><source>{s}</source><target>{t}</target></segment>"
    ));
    assert_answers("many copyOf", doc.as_bytes(), MAX);
}

fn generated_many_units() {
    // Many small units in one file: unit id checks must stay linear.
    let mut units = String::new();
    let mut i = 0;
    while units.len() < 900_000 {
        units.push_str(&format!(
            r#"<unit id="u{i}"><segment><source>Ок {i}</source></segment></unit>"#
        ));
        i += 1;
    }
    let doc = format!(
        r#"<xliff xmlns="{NS}" version="2.1" srcLang="en"><file id="f1">{units}</file></xliff>"#
    );
    assert_answers("many units", doc.as_bytes(), MAX);
}

pub fn tests() -> Tests {
    Tests::new()
        .sync(
            "hostile_files_are_refused_with_expected_codes",
            hostile_files_are_refused_with_expected_codes,
        )
        .sync("every_hostile_file_is_listed", every_hostile_file_is_listed)
        .sync(
            "generated_valid_baseline_is_accepted",
            generated_valid_baseline_is_accepted,
        )
        .sync("generated_deep_nesting_10000", generated_deep_nesting_10000)
        .sync(
            "generated_two_megabytes_over_one_mebibyte_limit",
            generated_two_megabytes_over_one_mebibyte_limit,
        )
        .sync("generated_200000_siblings", generated_200000_siblings)
        .sync(
            "generated_element_cap_is_enforced",
            generated_element_cap_is_enforced,
        )
        .sync(
            "generated_500_kb_attribute_value",
            generated_500_kb_attribute_value,
        )
        .sync(
            "generated_many_references_in_text",
            generated_many_references_in_text,
        )
        .sync(
            "generated_many_paired_codes_in_one_unit",
            generated_many_paired_codes_in_one_unit,
        )
        .sync(
            "generated_many_annotations_in_one_unit",
            generated_many_annotations_in_one_unit,
        )
        .sync(
            "generated_many_non_reorderable_runs",
            generated_many_non_reorderable_runs,
        )
        .sync(
            "generated_many_copy_of_references",
            generated_many_copy_of_references,
        )
        .sync("generated_many_units", generated_many_units)
}
