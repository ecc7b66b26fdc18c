//! Time to export a 5,000-segment statement with three target languages in every format.
//!
//! The goal is well under 100 ms for all formats together. Run with `cargo bench --bench exports`.

use std::hint::black_box;
use std::io::Write;

use chrono::Utc;
use criterion::{criterion_group, criterion_main, Criterion};
use tandem::domain::language::LanguageTag;
use tandem::domain::segmentation::split_sentences;
use tandem::domain::unit::UnitState;
use tandem::formats::model::{ExportDoc, ExportSegment, ExportTarget};
use tandem::formats::tmx::TmxSegtype;

const SEGMENTS: usize = 5_000;

fn tag(s: &str) -> LanguageTag {
    LanguageTag::parse(s).expect("tag")
}

/// A long statement: every paragraph two sentences, in English with three translations.
fn document() -> ExportDoc {
    let texts = [
        ("hy", "Կոալիցիան պահանջում է բաց լսումներ։ Պատասխանը սպասում ենք մինչև դեկտեմբերի 1-ը։"),
        ("ru", "Коалиция требует открытых слушаний. Ответа ждём до 1 декабря."),
        ("de", "Die Koalition fordert offene Anhörungen. Wir erwarten eine Antwort bis zum 1. Dezember."),
    ];
    let source = "The coalition asks for open hearings. We expect an answer by 1 December.";
    let segments = (0..SEGMENTS)
        .map(|i| ExportSegment {
            segment_id: i as i64 + 1,
            position: i as u32 + 1,
            kind: "paragraph".into(),
            level: None,
            source: source.into(),
            source_sentences: split_sentences("en", source),
            targets: texts
                .iter()
                .map(|(lang, text)| ExportTarget {
                    lang: tag(lang),
                    text: (*text).into(),
                    sentences: split_sentences(lang, text),
                    state: UnitState::Approved,
                    version: 4,
                    notes: Vec::new(),
                })
                .collect(),
        })
        .collect();
    ExportDoc {
        statement_id: 1,
        slug: "open-hearings".into(),
        title: "Open hearings".into(),
        source_lang: tag("en"),
        revision: 1,
        publication: Some(1),
        date: Utc::now(),
        langs: vec![tag("hy"), tag("ru"), tag("de")],
        segments,
    }
}

fn all_formats(doc: &ExportDoc, out: &mut impl Write) -> std::io::Result<()> {
    for lang in &doc.langs {
        tandem::formats::xliff::write(doc, lang, out)?;
    }
    tandem::formats::tmx::write_tmx(doc, TmxSegtype::Paragraph, out)?;
    tandem::formats::tmx::write_tmx(doc, TmxSegtype::Sentence, out)?;
    tandem::formats::html::write_html(doc, out)?;
    tandem::formats::markdown::write_markdown(doc, None, out)
}

fn bench(c: &mut Criterion) {
    let doc = document();
    let mut group = c.benchmark_group("export_5000_segments_3_languages");
    group.sample_size(20);
    group.bench_function("all_formats", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(32 << 20);
            all_formats(black_box(&doc), &mut out).expect("export");
            black_box(out.len())
        })
    });
    for lang in ["hy", "ru", "de"] {
        let lang = tag(lang);
        group.bench_function(format!("xliff_{lang}"), |b| {
            b.iter(|| {
                let mut out = Vec::with_capacity(8 << 20);
                tandem::formats::xliff::write(black_box(&doc), &lang, &mut out).expect("xliff");
                black_box(out.len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
