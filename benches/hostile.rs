//! How long the XLIFF import reader takes on `tests/hostile/` and the inputs its test generates.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, SamplingMode};
use tandem::formats::xliff::{read_for_import, XliffError};
use tandem::formats::xml::MAX_ELEMENTS;

/// Size limit used for the committed files, as in `tests/it/hostile_files.rs`.
const MAX: usize = 1 << 20;

/// Size of the generated inputs that probe for quadratic checks within one unit (as in the test).
const QUADRATIC_PROBE_BYTES: usize = 250 * 1024;

/// How many of the slowest committed files also get a benchmark of their own.
const SLOWEST_FILES: usize = 3;

const NS: &str = "urn:oasis:names:tc:xliff:document:2.0";

/// One input for the reader: what it is called, its bytes, the size limit it is read with, and
/// the error code it must be refused with (`None`: any answer will do, as in the test's
/// `assert_answers`).
struct Case {
    name: String,
    bytes: Vec<u8>,
    max: usize,
    code: Option<String>,
}

impl Case {
    fn new(name: &str, bytes: impl Into<Vec<u8>>, max: usize, code: Option<&str>) -> Case {
        Case {
            name: name.to_owned(),
            bytes: bytes.into(),
            max,
            code: code.map(str::to_owned),
        }
    }

    /// Reads the input once and panics unless the reader answers as the test expects, so that
    /// the figures are those of the path the test checks (a refusal with that code).
    fn check(&self) {
        let res = read_for_import(&self.bytes, self.max);
        match (&self.code, &res) {
            (Some(want), Err(XliffError { code, .. })) if code == want => {}
            (Some(want), _) => panic!("{}: expected {want}, got {}", self.name, describe(&res)),
            (None, _) => {}
        }
        eprintln!(
            "{}: {} bytes, {}",
            self.name,
            self.bytes.len(),
            describe(&res)
        );
    }

    fn read(&self) -> bool {
        read_for_import(black_box(&self.bytes), self.max).is_ok()
    }
}

fn describe(res: &Result<tandem::formats::xliff::ImportedFile, XliffError>) -> String {
    match res {
        Ok(f) => format!("accepted ({} units)", f.units.len()),
        Err(e) => format!("refused: {}", e.code),
    }
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

/// The committed files, with their expected codes from `expected.tsv`.
fn committed() -> Vec<Case> {
    let text = std::fs::read_to_string(dir().join("expected.tsv")).expect("read expected.tsv");
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (file, code) = l.split_once('\t').expect("expected.tsv line with a tab");
            let bytes = std::fs::read(dir().join(file)).expect("read a hostile file");
            Case::new(file, bytes, MAX, Some(code.trim()))
        })
        .collect()
}

/// A small valid XLIFF 2.1 document with `unit` as the only unit's content.
fn doc_with_unit(unit: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="{NS}" version="2.1" srcLang="en" trgLang="hy"><file id="f1"><unit id="u1">{unit}</unit></file></xliff>"#
    )
}

/// Repeats `piece(i)` for i = 0, 1, ... until the text reaches `bytes`.
fn grow(bytes: usize, piece: impl Fn(usize) -> String) -> String {
    let mut s = String::new();
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(&piece(i));
        i += 1;
    }
    s
}

/// The inputs `tests/it/hostile_files.rs` generates, built the same way at run time.
fn generated() -> Vec<Case> {
    let deep = format!("{}{}", "<a>".repeat(10_000), "</a>".repeat(10_000));
    let over_limit = doc_with_unit(&format!(
        "<segment><source>{}</source></segment>",
        "Բարև աշխարհ. ".repeat(2 * 1024 * 1024 / "Բարև աշխարհ. ".len() + 1)
    ));
    let siblings = format!(
        r#"<xliff xmlns="{NS}" version="2.1" srcLang="en">{}</xliff>"#,
        "<a/>".repeat(200_000)
    );
    let element_cap = format!("<a>{}</a>", "<b/>".repeat(MAX_ELEMENTS));
    let attribute = |value: String| {
        doc_with_unit(&format!(
            r#"<notes><note category="{value}">Long category.</note></notes><segment><source>Hello.</source></segment>"#
        ))
    };
    let in_source = |s: String| doc_with_unit(&format!("<segment><source>{s}</source></segment>"));
    let sc_ec = grow(QUADRATIC_PROBE_BYTES, |i| {
        format!(r#"<sc id="c{i}"/>ա<ec startRef="c{i}"/>"#)
    });
    let sm_em = grow(QUADRATIC_PROBE_BYTES, |i| {
        format!(r#"<sm id="m{i}"/>ա<em startRef="m{i}"/>"#)
    });
    let first_no = grow(450_000, |i| {
        format!(r#"<ph id="p{i}" canReorder="firstNo" canCopy="no" canDelete="no"/>"#)
    });
    // Source and target grow together to the probe size, as in the test.
    let (mut copy_source, mut copy_target) = (String::new(), String::new());
    let mut i = 0;
    while copy_source.len() + copy_target.len() < QUADRATIC_PROBE_BYTES {
        copy_source.push_str(&format!(r#"<ph id="p{i}"/>"#));
        copy_target.push_str(&format!(r#"<ph id="t{i}" copyOf="p{i}"/>"#));
        i += 1;
    }
    let units = grow(900_000, |i| {
        format!(r#"<unit id="u{i}"><segment><source>Ок {i}</source></segment></unit>"#)
    });
    vec![
        Case::new("deep_nesting_10000", deep, MAX, Some("xml_too_deep")),
        Case::new(
            "deep_nesting_10000_unclosed",
            "<a>".repeat(10_000),
            MAX,
            Some("xml_too_deep"),
        ),
        Case::new(
            "text_2_mb_over_1_mib_limit",
            over_limit,
            MAX,
            Some("xml_too_large"),
        ),
        Case::new(
            "siblings_200000",
            siblings,
            MAX,
            Some("core.content.unexpected_element"),
        ),
        // A byte limit large enough that the element cap, not the size, refuses it.
        Case::new(
            "elements_1000001",
            element_cap,
            8 << 20,
            Some("xml_too_large"),
        ),
        Case::new(
            "attribute_500_kb",
            attribute("ա".repeat(250 * 1024)),
            MAX,
            None,
        ),
        Case::new(
            "attribute_500_kb_escaped",
            attribute("&amp;".repeat(100 * 1024)),
            MAX,
            None,
        ),
        Case::new(
            "references_1_mb_in_text",
            in_source("&#x531;&amp;".repeat(1_000_000 / 12)),
            MAX,
            None,
        ),
        Case::new("sc_ec_pairs_250_kb", in_source(sc_ec), MAX, None),
        Case::new("sm_em_pairs_250_kb", in_source(sm_em), MAX, None),
        Case::new(
            "first_no_runs_450_kb_twice",
            doc_with_unit(&format!(
                "<segment><source>{first_no}</source><target>{first_no}</target></segment>"
            )),
            MAX,
            None,
        ),
        Case::new(
            "copy_of_250_kb",
            doc_with_unit(&format!(
                "<segment><source>{copy_source}</source><target>{copy_target}</target></segment>"
            )),
            MAX,
            None,
        ),
        Case::new(
            "units_900_kb",
            format!(
                r#"<xliff xmlns="{NS}" version="2.1" srcLang="en"><file id="f1">{units}</file></xliff>"#
            ),
            MAX,
            None,
        ),
    ]
}

/// The committed files that take longest, by the median of a few quick timings: picked at run
/// time so the individual benchmarks follow the reader when it changes.
fn slowest(files: &[Case]) -> Vec<&Case> {
    let mut ranked: Vec<(Duration, &Case)> = files
        .iter()
        .map(|case| {
            let mut times: Vec<Duration> = (0..31)
                .map(|_| {
                    let start = Instant::now();
                    black_box(case.read());
                    start.elapsed()
                })
                .collect();
            times.sort();
            (times[times.len() / 2], case)
        })
        .collect();
    ranked.sort_by_key(|r| std::cmp::Reverse(r.0));
    ranked
        .into_iter()
        .take(SLOWEST_FILES)
        .map(|(_, c)| c)
        .collect()
}

fn bench(c: &mut Criterion) {
    let files = committed();
    files.iter().for_each(Case::check);
    let mut group = c.benchmark_group("hostile_files");
    group.bench_function(format!("all_{}", files.len()), |b| {
        b.iter(|| files.iter().filter(|f| f.read()).count())
    });
    for case in slowest(&files) {
        group.bench_function(format!("file/{}", case.name), |b| b.iter(|| case.read()));
    }
    group.finish();

    let cases = generated();
    cases.iter().for_each(Case::check);
    let mut group = c.benchmark_group("hostile_generated");
    // These take milliseconds to tenths of a second each: the same number of runs per sample
    // keeps the slowest within the run's time instead of criterion's growing linear schedule.
    group.sampling_mode(SamplingMode::Flat);
    for case in &cases {
        group.bench_function(&case.name, |b| b.iter(|| case.read()));
    }
    group.finish();
}

criterion_group! {
    name = benches;
    // Short on purpose: the goal is orders of magnitude (far below a second a file), and the
    // whole run should stay within about two minutes on the 2-core machine.
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    targets = bench
}
criterion_main!(benches);
