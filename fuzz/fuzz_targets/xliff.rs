//! Fuzzes the XLIFF reader (hardened XML parsing, XLIFF 2.x validation, 2.x and 1.2 import) and
//! checks that whatever text comes in survives an XLIFF 2.1 export and reads back unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tandem::domain::blocks::TextFormat;
use tandem::domain::segmentation::split_sentences;
use tandem::domain::segmenting::segment_text;
use tandem::domain::unit::UnitState;
use tandem::formats::model::{ExportDoc, ExportSegment, ExportTarget};
use tandem::formats::xliff::{read_for_import, validate, write};
use tandem_fuzz::{tag, text};

/// Far above any fuzz input, so the size limit itself is not what is being tested.
const MAX_BYTES: usize = 1 << 24;

fuzz_target!(|data: &[u8]| {
    // The input as a file someone uploads.
    let valid = validate(data, MAX_BYTES);
    let read = read_for_import(data, MAX_BYTES);
    // Import validates an XLIFF 2.x file with the same rules as `validate`, so the two agree;
    // only 1.2 files, which are read leniently, may import without being valid 2.x.
    match &read {
        Ok(file) if file.version != "1.2" => {
            assert!(valid.is_ok(), "imported but invalid: {valid:?}")
        }
        Ok(_) => {}
        Err(e) => assert!(valid.is_err(), "valid but not imported: {e:?}"),
    }

    // The input as a statement's text, exported and read back.
    export_round_trip(&text(data));
});

fn export_round_trip(text: &str) {
    let (hy, en) = (tag("hy"), tag("en"));
    let drafts = segment_text(&hy, text, TextFormat::Text);
    if drafts.is_empty() {
        return;
    }
    let segments: Vec<ExportSegment> = drafts
        .iter()
        .enumerate()
        .map(|(i, d)| {
            // Each translation is the next segment's source, so that the sentence counts of the
            // two sides differ as often as they agree; an empty one stands in for a blank unit.
            let target = if i % 7 == 6 {
                String::new()
            } else {
                drafts[(i + 1) % drafts.len()].source.clone()
            };
            ExportSegment {
                segment_id: i as i64 + 1,
                position: i as u32 + 1,
                kind: d.kind.as_str().to_owned(),
                level: d.kind.level(),
                source: d.source.clone(),
                source_sentences: d.sentences.clone(),
                targets: vec![ExportTarget {
                    lang: en.clone(),
                    sentences: split_sentences("en", &target),
                    text: target,
                    state: UnitState::ALL[i % UnitState::ALL.len()],
                    version: i as i64,
                    notes: vec![d.source.clone()],
                }],
            }
        })
        .collect();
    let doc = ExportDoc {
        statement_id: 1,
        slug: drafts[0].source.clone(),
        title: "fuzz".to_owned(),
        source_lang: hy,
        revision: 1,
        publication: None,
        date: chrono::DateTime::UNIX_EPOCH,
        langs: vec![en.clone()],
        segments,
    };
    let mut out = Vec::new();
    write(&doc, &en, &mut out).expect("writing to memory");
    if let Err(e) = validate(&out, MAX_BYTES) {
        panic!("own export invalid: {e}\n{}", String::from_utf8_lossy(&out));
    }
    let file = read_for_import(&out, MAX_BYTES).expect("own export imports");
    assert_eq!(file.units.len(), doc.segments.len());
    for (unit, segment) in file.units.iter().zip(&doc.segments) {
        assert_eq!(
            unit.source, segment.source,
            "source changed by the round trip"
        );
        let t = &segment.targets[0];
        let expected = (t.state != UnitState::Untranslated).then_some(t.text.as_str());
        assert_eq!(
            unit.target.as_deref(),
            expected,
            "target changed by the round trip"
        );
        assert_eq!(unit.version, Some(t.version));
    }
}
