//! Fuzzes the TMX memory reader, and checks that pairs Tandem writes read back as written (with
//! the characters XML cannot hold replaced, as the writer documents).
#![no_main]

use libfuzzer_sys::fuzz_target;
use tandem::formats::tmx_memory::{read_tmx, write_footer, write_header, write_pair, TmxPair};
use tandem::formats::xml::is_xml_char;
use tandem_fuzz::two_sides;

const MAX_BYTES: usize = 1 << 24;

fuzz_target!(|data: &[u8]| {
    // The input as an uploaded memory: any answer but a panic will do.
    if let Ok(units) = read_tmx(data, MAX_BYTES) {
        for unit in &units {
            assert!(
                unit.variants.len() >= 2,
                "a unit that teaches nothing: {unit:?}"
            );
            assert!(unit
                .variants
                .iter()
                .all(|(_, text)| text == text.trim() && !text.is_empty()));
        }
    }

    // The input as a remembered pair: the first line of each side is its language.
    let (source, target) = two_sides(data);
    let (src_lang, source) = source.split_once('\n').unwrap_or(("en", &source));
    let (tgt_lang, target) = target.split_once('\n').unwrap_or(("hy", &target));
    let mut out = Vec::new();
    write_header(&mut out).expect("writing to memory");
    write_pair(
        &mut out,
        &TmxPair {
            src_lang,
            tgt_lang,
            source,
            target,
            origin: source,
            statement: Some(target),
            approved_by: Some(src_lang),
            date: tgt_lang.to_owned(),
        },
    )
    .expect("writing to memory");
    write_footer(&mut out).expect("writing to memory");
    let units = match read_tmx(&out, MAX_BYTES) {
        Ok(units) => units,
        Err(e) => panic!(
            "own TMX unreadable: {e:?}\n{}",
            String::from_utf8_lossy(&out)
        ),
    };
    let written = |s: &str| -> String {
        s.chars()
            .map(|c| if is_xml_char(c) { c } else { '\u{FFFD}' })
            .collect()
    };
    let expected: Vec<(String, String)> = [(src_lang, source), (tgt_lang, target)]
        .iter()
        .map(|(lang, text)| (written(lang), written(text).trim().to_owned()))
        .filter(|(_, text)| !text.is_empty())
        .collect();
    if expected.len() == 2 {
        assert_eq!(units.len(), 1, "one pair written: {units:?}");
        assert_eq!(
            units[0].variants, expected,
            "pair changed by the round trip"
        );
    } else {
        assert!(
            units.is_empty(),
            "a pair with an empty side is skipped: {units:?}"
        );
    }
});
