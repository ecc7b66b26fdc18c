//! Writing one target language of an export document as bilingual XLIFF 1.2, which OmegaT and
//! translate-toolkit read: a `<trans-unit>` per paragraph, its sentences marked for CAT tools.

use std::io::{self, Write};

use super::import::VERSION_CONTEXT;
use super::write::pieces;
use super::XLIFF12_NS;
use crate::domain::language::LanguageTag;
use crate::domain::unit::UnitState;
use crate::formats::model::{ExportDoc, ExportSegment, ExportTarget};
use crate::formats::tmx::write_escaped;

/// A unit's XLIFF 1.2 `state`, and whether the translation is `approved`.
///
/// A draft and a unit sent back are both still to be translated (`needs-translation`); a
/// submitted one is `translated`; an approved one `signed-off`; a publication `final`. An
/// untranslated unit carries its source, marked `new`, because OmegaT translates `<target>` in
/// place and skips a unit without one; the import knows that copy for what it is.
fn state(doc: &ExportDoc, t: Option<&ExportTarget>) -> (&'static str, bool) {
    match t.map(|t| t.state) {
        None | Some(UnitState::Untranslated) => ("new", false),
        Some(_) if doc.publication.is_some() => ("final", true),
        Some(UnitState::Draft | UnitState::NeedsWork) => ("needs-translation", false),
        Some(UnitState::Translated) => ("translated", false),
        Some(UnitState::Approved) => ("signed-off", true),
    }
}

pub(super) fn write_doc(
    doc: &ExportDoc,
    lang: &LanguageTag,
    out: &mut impl Write,
) -> io::Result<()> {
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(out, "<xliff xmlns=\"{XLIFF12_NS}\" version=\"1.2\">")?;
    out.write_all(b" <file original=\"")?;
    write_escaped(out, &doc.slug, true)?;
    out.write_all(b"\" source-language=\"")?;
    write_escaped(out, doc.source_lang.as_str(), true)?;
    out.write_all(b"\" target-language=\"")?;
    write_escaped(out, lang.as_str(), true)?;
    writeln!(
        out,
        "\" datatype=\"plaintext\" date=\"{}\" tool-id=\"tandem\">",
        doc.date.format("%Y-%m-%dT%H:%M:%SZ")
    )?;
    writeln!(
        out,
        "  <header><tool tool-id=\"tandem\" tool-name=\"Tandem\" tool-version=\"{}\"/></header>",
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(out, "  <body>")?;
    for seg in &doc.segments {
        trans_unit(out, doc, seg, seg.targets.iter().find(|t| &t.lang == lang))?;
    }
    writeln!(out, "  </body>")?;
    writeln!(out, " </file>")?;
    writeln!(out, "</xliff>")
}

fn trans_unit(
    out: &mut impl Write,
    doc: &ExportDoc,
    seg: &ExportSegment,
    t: Option<&ExportTarget>,
) -> io::Result<()> {
    let translated = t.filter(|t| t.state != UnitState::Untranslated && !t.text.is_empty());
    let (state, approved) = state(doc, translated);
    write!(
        out,
        "   <trans-unit id=\"s{}\" xml:space=\"preserve\"",
        seg.segment_id
    )?;
    if approved {
        out.write_all(b" approved=\"yes\"")?;
    }
    out.write_all(b">\n    <source>")?;
    write_escaped(out, &seg.source, false)?;
    out.write_all(b"</source>\n")?;
    let source_pieces = pieces(&seg.source, &seg.source_sentences).filter(|p| p.len() > 1);
    if let Some(p) = &source_pieces {
        out.write_all(b"    <seg-source>")?;
        marked(out, p)?;
        out.write_all(b"</seg-source>\n")?;
    }
    write!(out, "    <target state=\"{state}\">")?;
    match translated {
        Some(t) => {
            // Sentences are marked when they pair one to one with the source's; otherwise the
            // paragraph goes whole (a CAT tool segments it again by its own rules).
            let target_pieces = pieces(&t.text, &t.sentences)
                .filter(|tp| source_pieces.as_ref().is_some_and(|sp| pair_up(sp, tp)));
            match target_pieces {
                Some(p) => marked(out, &p)?,
                None => write_escaped(out, &t.text, false)?,
            }
        }
        None => match &source_pieces {
            Some(p) => marked(out, p)?,
            None => write_escaped(out, &seg.source, false)?,
        },
    }
    out.write_all(b"</target>\n")?;
    if let Some(t) = t {
        // The unit's version, so the import can tell what changed in Tandem since the export.
        writeln!(
            out,
            "    <context-group purpose=\"information\"><context context-type=\"{VERSION_CONTEXT}\">{}</context></context-group>",
            t.version
        )?;
        for note in &t.notes {
            out.write_all(b"    <note>")?;
            write_escaped(out, note, false)?;
            out.write_all(b"</note>\n")?;
        }
    }
    writeln!(out, "   </trans-unit>")
}

/// Whether the target's sentences can be marked against the source's: as many, and with
/// something between two sentences exactly where the source has something. The import puts the
/// language's separator between marked sentences written back to back when the source had a gap,
/// so a target without one there is written whole, to read back as it is.
fn pair_up(source: &[&str], target: &[&str]) -> bool {
    let inner = |p: &[&str]| -> Vec<bool> {
        p.iter()
            .enumerate()
            .filter(|(i, _)| i % 2 == 0 && *i > 0 && i + 1 < p.len())
            .map(|(_, gap)| gap.is_empty())
            .collect()
    };
    source.len() == target.len() && inner(source) == inner(target)
}

/// Gaps and sentences (`[gap0, s1, gap1, …, sN, gapN]`), each sentence in `<mrk mtype="seg">`.
fn marked(out: &mut impl Write, pieces: &[&str]) -> io::Result<()> {
    for (i, piece) in pieces.iter().enumerate() {
        if i % 2 == 1 {
            write!(out, "<mrk mtype=\"seg\" mid=\"{}\">", i.div_ceil(2))?;
            write_escaped(out, piece, false)?;
            out.write_all(b"</mrk>")?;
        } else {
            write_escaped(out, piece, false)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{read_for_import, write_12};
    use crate::domain::language::LanguageTag;
    use crate::domain::unit::UnitState;
    use crate::formats::model::{ExportDoc, ExportSegment, ExportTarget};

    fn tag(s: &str) -> LanguageTag {
        LanguageTag::parse(s).expect("tag")
    }

    fn target(
        text: &str,
        sentences: Vec<std::ops::Range<usize>>,
        state: UnitState,
    ) -> ExportTarget {
        ExportTarget {
            lang: tag("ru"),
            text: text.into(),
            sentences,
            state,
            version: 4,
            notes: vec!["anna: «проверьте» <это> & то".into()],
        }
    }

    fn segment(
        id: i64,
        source: &str,
        sentences: Vec<std::ops::Range<usize>>,
        t: ExportTarget,
    ) -> ExportSegment {
        ExportSegment {
            segment_id: id,
            position: 1,
            kind: "paragraph".into(),
            level: None,
            source: source.into(),
            source_sentences: sentences,
            targets: vec![t],
        }
    }

    /// One sentence covering `text`.
    fn whole(text: &str) -> Vec<std::ops::Range<usize>> {
        std::iter::once(0..text.len()).collect()
    }

    fn doc() -> ExportDoc {
        let two = "They came at noon. They left & <went>.";
        let two_ru = "Они пришли в полдень. Они ушли & <ушли>.";
        let split = "Они пришли в полдень.".len();
        ExportDoc {
            statement_id: 3,
            slug: "noon-\"slug\"".into(),
            title: "T".into(),
            source_lang: tag("en"),
            revision: 1,
            publication: None,
            date: chrono::Utc::now(),
            langs: vec![tag("ru")],
            segments: vec![
                segment(
                    1,
                    two,
                    vec![0..18, 19..two.len()],
                    target(
                        two_ru,
                        vec![0..split, split + 1..two_ru.len()],
                        UnitState::Approved,
                    ),
                ),
                segment(
                    2,
                    two,
                    vec![0..18, 19..two.len()],
                    target(
                        "Одно предложение.",
                        whole("Одно предложение."),
                        UnitState::Translated,
                    ),
                ),
                segment(
                    3,
                    "Thank you.",
                    whole("Thank you."),
                    target("Спасибо.", whole("Спасибо."), UnitState::Draft),
                ),
                segment(
                    4,
                    "Not yet.",
                    whole("Not yet."),
                    target("", vec![], UnitState::Untranslated),
                ),
            ],
        }
    }

    #[test]
    fn round_trip_keeps_text_sentences_state_version_and_notes() {
        let d = doc();
        let mut out = Vec::new();
        write_12(&d, &tag("ru"), &mut out).expect("write");
        let xliff = String::from_utf8(out).expect("utf-8");
        assert!(xliff.contains(r#"<seg-source><mrk mtype="seg" mid="1">They came at noon.</mrk> <mrk mtype="seg" mid="2">They left &amp; &lt;went&gt;.</mrk></seg-source>"#), "{xliff}");
        assert!(xliff.contains(r#"<target state="signed-off"><mrk mtype="seg" mid="1">Они пришли в полдень.</mrk> <mrk"#), "{xliff}");
        assert!(
            xliff.contains(r#"<target state="translated">Одно предложение.</target>"#),
            "counts differ: whole"
        );
        assert!(xliff.contains(r#"<target state="needs-translation">"#));
        assert!(
            xliff.contains(
                r#"<target state="new"><mrk mtype="seg" mid="1">Not yet.</mrk></target>"#
            ),
            "{xliff}"
        );
        let file = read_for_import(xliff.as_bytes(), 1 << 20).expect("reads back");
        assert_eq!(
            (file.version.as_str(), file.source_lang.as_str()),
            ("1.2", "en")
        );
        assert_eq!(file.target_lang.as_deref(), Some("ru"));
        let states = ["signed-off", "translated", "needs-translation"];
        for (i, (unit, seg)) in file.units.iter().zip(&d.segments).enumerate() {
            assert_eq!(unit.id, format!("s{}", seg.segment_id));
            assert_eq!(unit.source, seg.source);
            assert_eq!(unit.version, Some(4));
            assert_eq!(unit.notes, seg.targets[0].notes);
            if let Some(state) = states.get(i) {
                assert_eq!(unit.target.as_deref(), Some(seg.targets[0].text.as_str()));
                assert_eq!(unit.state.as_deref(), Some(*state));
            } else {
                assert_eq!(
                    unit.target, None,
                    "the untranslated unit has no translation"
                );
            }
        }
    }

    #[test]
    fn unspaced_sentences_round_trip() {
        let d = crate::formats::xliff::write::tests::unspaced();
        let mut out = Vec::new();
        write_12(&d, &tag("en"), &mut out).expect("write");
        let f = read_for_import(&out, 1 << 20).expect("read");
        for (u, s) in f.units.iter().zip(&d.segments) {
            assert_eq!(u.source, s.source);
            assert_eq!(u.target.as_deref(), Some(s.targets[0].text.as_str()));
        }
    }

    #[test]
    fn a_publication_is_final_and_approved() {
        let mut d = doc();
        d.publication = Some(2);
        let mut out = Vec::new();
        write_12(&d, &tag("ru"), &mut out).expect("write");
        let xliff = String::from_utf8(out).expect("utf-8");
        assert_eq!(xliff.matches("state=\"final\"").count(), 3, "{xliff}");
        assert_eq!(xliff.matches("approved=\"yes\"").count(), 3);
        assert!(xliff.contains("original=\"noon-&quot;slug&quot;\""));
    }
}
