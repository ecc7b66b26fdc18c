//! Fuzzes the aligner: sentence and paragraph alignment of two unit lists, and the whole
//! pipeline that segments a text and its translation and aligns paragraphs, then sentences.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tandem::domain::align::{align_paragraphs, align_sentences};
use tandem::domain::statement::Limits;
use tandem::workflow::align::align_documents;
use tandem_fuzz::{check_beads, two_sides};

fuzz_target!(|data: &[u8]| {
    let (source, target) = two_sides(data);

    // Lines as sentences, as the `tandem align` command and the evaluation read them.
    let src: Vec<&str> = source.lines().collect();
    let tgt: Vec<&str> = target.lines().collect();
    check_beads(&align_sentences(&src, &tgt), src.len(), tgt.len());

    // Blank-line-separated blocks as paragraphs.
    let src: Vec<&str> = source.split("\n\n").collect();
    let tgt: Vec<&str> = target.split("\n\n").collect();
    check_beads(&align_paragraphs(&src, &tgt), src.len(), tgt.len());

    for format in ["text", "markdown"] {
        let Ok(alignment) = align_documents(
            "hy",
            &source,
            "en",
            &target,
            Some(format),
            &Limits::default(),
        ) else {
            // Empty texts and texts over the limits are refused; that is not a failure.
            continue;
        };
        let (mut src_next, mut tgt_next) = (0, 0);
        for bead in &alignment.paragraphs {
            assert!(bead
                .src
                .iter()
                .copied()
                .eq(src_next..src_next + bead.src.len()));
            assert!(bead
                .tgt
                .iter()
                .copied()
                .eq(tgt_next..tgt_next + bead.tgt.len()));
            assert!(
                !bead.src.is_empty() || !bead.tgt.is_empty(),
                "an empty paragraph bead"
            );
            src_next += bead.src.len();
            tgt_next += bead.tgt.len();
        }
    }
});
