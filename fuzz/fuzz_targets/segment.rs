//! Fuzzes the sentence segmenter (Armenian, English, Russian rules and the UAX #29 fallback) and
//! the statement segmenter that splits plain text or Markdown into paragraphs of sentences.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tandem::domain::blocks::TextFormat;
use tandem::domain::segmentation::split_sentences;
use tandem::domain::segmenting::segment_text;
use tandem_fuzz::{check_sentences, tag, text, LANGS};

fuzz_target!(|data: &[u8]| {
    let text = text(data);
    for lang in LANGS {
        // The whole input as one paragraph: line breaks, lists and quotes inside it included.
        check_sentences(lang, &text, &split_sentences(lang, &text));
        let tag = tag(lang);
        for format in [TextFormat::Text, TextFormat::Markdown] {
            for segment in segment_text(&tag, &text, format) {
                assert!(!segment.source.is_empty(), "an empty segment from {text:?}");
                check_sentences(lang, &segment.source, &segment.sentences);
            }
        }
    }
});
