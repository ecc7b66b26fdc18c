//! Fuzzes the Markdown side of Tandem: the block splitter that imports a Markdown (or plain
//! text) statement, and the Markdown exporter fed with what the import produced.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tandem::domain::blocks::{split_blocks, TextFormat};
use tandem::domain::unit::UnitState;
use tandem::formats::markdown::write_markdown;
use tandem::formats::model::{ExportDoc, ExportSegment, ExportTarget};
use tandem_fuzz::{check_blocks, check_plain_covers, is_char_subsequence, tag, text};

fuzz_target!(|data: &[u8]| {
    let text = text(data);
    check_plain_covers(&text, &{
        let plain = split_blocks(&text, TextFormat::Text);
        check_blocks(&text, &plain);
        plain
    });
    let blocks = split_blocks(&text, TextFormat::Markdown);
    check_blocks(&text, &blocks);

    // Export what was imported: the source as it is, and a translation that gives each segment
    // the next segment's text, so that targets differ from their sources.
    let texts: Vec<&str> = blocks.iter().map(|b| b.text(&text)).collect();
    let segments: Vec<ExportSegment> = blocks
        .iter()
        .enumerate()
        .map(|(i, b)| ExportSegment {
            segment_id: i as i64 + 1,
            position: i as u32 + 1,
            kind: b.kind.as_str().to_owned(),
            level: b.kind.level(),
            source: texts[i].to_owned(),
            source_sentences: Vec::new(),
            targets: vec![ExportTarget {
                lang: tag("en"),
                text: texts[(i + 1) % texts.len()].to_owned(),
                sentences: Vec::new(),
                state: UnitState::ALL[i % UnitState::ALL.len()],
                version: 1,
                notes: Vec::new(),
            }],
        })
        .collect();
    let doc = ExportDoc {
        statement_id: 1,
        slug: "fuzz".to_owned(),
        title: "fuzz".to_owned(),
        source_lang: tag("hy"),
        revision: 1,
        publication: None,
        date: chrono::DateTime::UNIX_EPOCH,
        langs: vec![tag("en")],
        segments,
    };
    let mut source_only = Vec::new();
    write_markdown(&doc, Some(&doc.source_lang), &mut source_only).expect("the source language");
    let source_only = String::from_utf8(source_only).expect("Markdown written from text is text");
    // The exporter adds markers and moves line breaks but drops no character of the source.
    assert!(
        is_char_subsequence(&texts.concat(), &source_only),
        "characters lost exporting {texts:?}: {source_only:?}"
    );
    let mut all = Vec::new();
    write_markdown(&doc, None, &mut all).expect("all languages");
    let mut target = Vec::new();
    write_markdown(&doc, Some(&tag("en")), &mut target).expect("a target language");
});
