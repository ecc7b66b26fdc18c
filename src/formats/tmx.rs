//! TMX 1.4b export: a statement's aligned segments as a translation memory, by paragraph or sentence.

use std::io::{self, Write};

use crate::formats::model::{ExportDoc, ExportSegment, ExportTarget};

/// The `segtype` of the exported translation units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TmxSegtype {
    /// One `<tu>` per segment.
    Paragraph,
    /// One `<tu>` per sentence where every language has as many sentences as the source;
    /// elsewhere one `<tu>` for the whole segment, marked with an `x-tandem-fallback` prop.
    Sentence,
}

impl TmxSegtype {
    fn as_str(self) -> &'static str {
        match self {
            Self::Paragraph => "paragraph",
            Self::Sentence => "sentence",
        }
    }
}

/// Writes `doc` as a TMX 1.4b document.
///
/// The source and every target with a non-empty text get a `<tuv>`; a target's `<tuv>` carries
/// its workflow state and unit version as props (`x-tandem-state`, `x-tandem-version`) so an
/// import can tell what changed since the export, and its reviewer notes as `<note>`s (on the
/// segment's first `<tu>` only, so a sentence export does not repeat them).
///
/// Characters XML 1.0 does not allow (C0 controls other than tab, line feed and carriage
/// return; U+FFFE; U+FFFF) cannot be written even as character references, and TMX 1.4b has
/// no element to carry them (`<ph>` would change what the segment means to other tools), so
/// they are replaced with U+FFFD.
///
/// `out` is written in many small pieces: give it a buffered writer.
pub fn write_tmx(doc: &ExportDoc, segtype: TmxSegtype, out: &mut impl Write) -> io::Result<()> {
    out.write_all(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
          <!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n\
          <tmx version=\"1.4\">\n",
    )?;
    write!(
        out,
        "<header creationtool=\"Tandem\" creationtoolversion=\"{}\" segtype=\"{}\" \
         o-tmf=\"Tandem\" adminlang=\"en\" srclang=\"",
        env!("CARGO_PKG_VERSION"),
        segtype.as_str(),
    )?;
    write_escaped(out, doc.source_lang.as_str(), true)?;
    writeln!(
        out,
        "\" datatype=\"plaintext\" creationdate=\"{}\">",
        doc.date.format("%Y%m%dT%H%M%SZ")
    )?;
    // Which statement, revision and publication the memory was taken from, for a later import.
    write!(
        out,
        "<prop type=\"x-tandem-statement\">{}</prop>\n\
         <prop type=\"x-tandem-revision\">{}</prop>\n",
        doc.statement_id, doc.revision
    )?;
    if let Some(publication) = doc.publication {
        writeln!(
            out,
            "<prop type=\"x-tandem-publication\">{publication}</prop>"
        )?;
    }
    out.write_all(b"</header>\n<body>\n")?;
    for segment in &doc.segments {
        // Targets in the source language would make a second source `<tuv>`: leave them out.
        let targets = || {
            segment
                .targets
                .iter()
                .filter(|t| !t.text.is_empty() && t.lang != doc.source_lang)
        };
        match segtype {
            TmxSegtype::Paragraph => write_paragraph_tu(out, doc, segment, targets, false)?,
            TmxSegtype::Sentence => {
                if sentences_align(segment, targets) {
                    write_sentence_tus(out, doc, segment, targets)?;
                } else {
                    write_paragraph_tu(out, doc, segment, targets, true)?;
                }
            }
        }
    }
    out.write_all(b"</body>\n</tmx>\n")
}

/// Whether every included language has as many sentences as the source, all of them inside
/// their text. Ranges that do not fit the text (a bug elsewhere) mean "not aligned" rather
/// than a panic: the paragraph is still exported whole.
fn sentences_align<'a, I>(segment: &ExportSegment, targets: impl Fn() -> I) -> bool
where
    I: Iterator<Item = &'a ExportTarget>,
{
    let n = segment.source_sentences.len();
    let fits = |text: &str, ranges: &[std::ops::Range<usize>]| {
        ranges.iter().all(|r| text.get(r.clone()).is_some())
    };
    n > 0
        && fits(&segment.source, &segment.source_sentences)
        && targets().all(|t| t.sentences.len() == n && fits(&t.text, &t.sentences))
}

fn write_paragraph_tu<'a, W, I>(
    out: &mut W,
    doc: &ExportDoc,
    segment: &ExportSegment,
    targets: impl Fn() -> I,
    fallback: bool,
) -> io::Result<()>
where
    W: Write + ?Sized,
    I: Iterator<Item = &'a ExportTarget>,
{
    write!(
        out,
        "<tu tuid=\"s{id}\">\n<prop type=\"x-tandem-segment\">{id}</prop>\n",
        id = segment.segment_id
    )?;
    if fallback {
        out.write_all(b"<prop type=\"x-tandem-fallback\">paragraph</prop>\n")?;
    }
    write_tuv(out, doc.source_lang.as_str(), None, &segment.source)?;
    for target in targets() {
        write_tuv(
            out,
            target.lang.as_str(),
            Some((target, true)),
            &target.text,
        )?;
    }
    out.write_all(b"</tu>\n")
}

/// One `<tu>` per sentence; only call when [`sentences_align`] said so.
fn write_sentence_tus<'a, W, I>(
    out: &mut W,
    doc: &ExportDoc,
    segment: &ExportSegment,
    targets: impl Fn() -> I,
) -> io::Result<()>
where
    W: Write + ?Sized,
    I: Iterator<Item = &'a ExportTarget>,
{
    for (i, range) in segment.source_sentences.iter().enumerate() {
        write!(
            out,
            "<tu tuid=\"s{id}.{n}\">\n<prop type=\"x-tandem-segment\">{id}</prop>\n",
            id = segment.segment_id,
            n = i + 1
        )?;
        let source = segment.source.get(range.clone()).unwrap_or_default();
        write_tuv(out, doc.source_lang.as_str(), None, source)?;
        for target in targets() {
            let text = target
                .sentences
                .get(i)
                .and_then(|r| target.text.get(r.clone()))
                .unwrap_or_default();
            write_tuv(out, target.lang.as_str(), Some((target, i == 0)), text)?;
        }
        out.write_all(b"</tu>\n")?;
    }
    Ok(())
}

/// A `<tuv>`; `target` is the unit behind a translation, and whether to write its notes.
fn write_tuv<W: Write + ?Sized>(
    out: &mut W,
    lang: &str,
    target: Option<(&ExportTarget, bool)>,
    text: &str,
) -> io::Result<()> {
    out.write_all(b"<tuv xml:lang=\"")?;
    write_escaped(out, lang, true)?;
    out.write_all(b"\">\n")?;
    if let Some((target, with_notes)) = target {
        if with_notes {
            for note in &target.notes {
                out.write_all(b"<note>")?;
                write_escaped(out, note, false)?;
                out.write_all(b"</note>\n")?;
            }
        }
        write!(
            out,
            "<prop type=\"x-tandem-state\">{}</prop>\n\
             <prop type=\"x-tandem-version\">{}</prop>\n",
            target.state.as_str(),
            target.version
        )?;
    }
    out.write_all(b"<seg>")?;
    write_escaped(out, text, false)?;
    out.write_all(b"</seg>\n</tuv>\n")
}

/// U+FFFD in UTF-8, written in place of characters XML 1.0 cannot hold.
const REPLACEMENT: &[u8] = "\u{FFFD}".as_bytes();

/// Writes `text` escaped for XML 1.0 character data, or for a double-quoted attribute value
/// when `in_attr`. Runs of ordinary text are written as they are, without allocating.
///
/// A carriage return is written as `&#13;` so a parser's line-end normalisation keeps it; in
/// attributes tab and line feed are written as references too, because attribute-value
/// normalisation would turn them into spaces. Characters XML 1.0 forbids become U+FFFD.
pub(crate) fn write_escaped<W: Write + ?Sized>(
    out: &mut W,
    text: &str,
    in_attr: bool,
) -> io::Result<()> {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (replacement, len): (&[u8], usize) = match bytes[i] {
            b'<' => (b"&lt;", 1),
            b'>' => (b"&gt;", 1),
            b'&' => (b"&amp;", 1),
            b'"' if in_attr => (b"&quot;", 1),
            b'\'' if in_attr => (b"&apos;", 1),
            b'\r' => (b"&#13;", 1),
            b'\t' if in_attr => (b"&#9;", 1),
            b'\n' if in_attr => (b"&#10;", 1),
            b'\t' | b'\n' => {
                i += 1;
                continue;
            }
            0x00..=0x1F => (REPLACEMENT, 1),
            // U+FFFE and U+FFFF are EF BF BE and EF BF BF; 0xEF only ever starts a
            // three-byte sequence, so this never splits a character.
            0xEF if matches!(bytes.get(i + 1..i + 3), Some([0xBF, 0xBE | 0xBF])) => {
                (REPLACEMENT, 3)
            }
            _ => {
                i += 1;
                continue;
            }
        };
        out.write_all(&bytes[start..i])?;
        out.write_all(replacement)?;
        i += len;
        start = i;
    }
    out.write_all(&bytes[start..])
}

#[cfg(test)]
#[path = "tmx_tests.rs"]
pub(crate) mod tests;
