//! Writing one target language of an export document as bilingual XLIFF 2.1.

use std::io::{self, Write};
use std::ops::Range;

use super::{TANDEM_NS, XLIFF2_NS};
use crate::domain::language::LanguageTag;
use crate::domain::unit::UnitState;
use crate::formats::model::{ExportDoc, ExportTarget};
use crate::formats::xml::is_xml_char;

/// Escapes text content; characters XML cannot carry become `<cp hex="…"/>`.
/// Runs of ordinary characters go out in one write; only the characters that need it are replaced.
fn text(out: &mut impl Write, s: &str) -> io::Result<()> {
    let mut plain = 0;
    for (i, c) in s.char_indices() {
        let replacement: Option<&[u8]> = match c {
            '&' => Some(b"&amp;"),
            '<' => Some(b"&lt;"),
            '>' => Some(b"&gt;"),
            '\r' => Some(b"&#13;"),
            c if !is_xml_char(c) => Some(b""),
            _ => None,
        };
        let Some(replacement) = replacement else {
            continue;
        };
        out.write_all(&s.as_bytes()[plain..i])?;
        if replacement.is_empty() {
            write!(out, "<cp hex=\"{:04X}\"/>", c as u32)?;
        } else {
            out.write_all(replacement)?;
        }
        plain = i + c.len_utf8();
    }
    out.write_all(&s.as_bytes()[plain..])
}

/// Escapes an attribute value (control characters are dropped: attributes cannot hold them).
fn attr(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\t' => o.push_str("&#9;"),
            '\n' => o.push_str("&#10;"),
            '\r' => o.push_str("&#13;"),
            c if !is_xml_char(c) => {}
            c => o.push(c),
        }
    }
    o
}

/// Splits `s` into gaps and sentences: `[gap0, s1, gap1, …, sN, gapN]`; `None` when the ranges
/// do not fit the text.
pub(super) fn pieces<'a>(s: &'a str, ranges: &[Range<usize>]) -> Option<Vec<&'a str>> {
    let mut out = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for r in ranges {
        if r.start < at || r.end < r.start {
            return None;
        }
        out.push(s.get(at..r.start)?);
        out.push(s.get(r.clone())?);
        at = r.end;
    }
    out.push(s.get(at..)?);
    Some(out)
}

fn state(doc: &ExportDoc, t: &ExportTarget) -> &'static str {
    if doc.publication.is_some() {
        return "final";
    }
    match t.state {
        UnitState::Untranslated | UnitState::Draft | UnitState::NeedsWork => "initial",
        UnitState::Translated => "translated",
        UnitState::Approved => "reviewed",
    }
}

pub(super) fn write_doc(
    doc: &ExportDoc,
    lang: &LanguageTag,
    out: &mut impl Write,
) -> io::Result<()> {
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<xliff xmlns=\"{XLIFF2_NS}\" xmlns:tdm=\"{TANDEM_NS}\" version=\"2.1\" srcLang=\"{}\" trgLang=\"{}\">",
        attr(doc.source_lang.as_str()),
        attr(lang.as_str())
    )?;
    writeln!(
        out,
        " <file id=\"f{}\" original=\"{}\" xml:space=\"preserve\">",
        doc.statement_id,
        attr(&doc.slug)
    )?;
    for seg in &doc.segments {
        let t = seg.targets.iter().find(|t| &t.lang == lang);
        write!(out, "  <unit id=\"s{}\"", seg.segment_id)?;
        if let Some(t) = t {
            write!(out, " tdm:version=\"{}\"", t.version)?;
        }
        writeln!(out, ">")?;
        if let Some(t) = t.filter(|t| !t.notes.is_empty()) {
            writeln!(out, "   <notes>")?;
            for n in &t.notes {
                writeln!(out, "    <note>{}</note>", attr(n))?;
            }
            writeln!(out, "   </notes>")?;
        }
        let target = t.filter(|t| t.state != UnitState::Untranslated);
        let src = pieces(&seg.source, &seg.source_sentences).filter(|p| p.len() > 1);
        let trg = target.map(|t| pieces(&t.text, &t.sentences));
        let split = match (&src, &trg) {
            (Some(s), None) => Some((s.clone(), None)),
            (Some(s), Some(Some(tp))) if tp.len() == s.len() => Some((s.clone(), Some(tp.clone()))),
            (Some(s), Some(_)) if target.is_some_and(|t| t.text.is_empty()) => {
                let mut e = vec![""; s.len()];
                e[1] = "";
                Some((s.clone(), Some(e)))
            }
            _ => None,
        };
        let st = target.map(|t| state(doc, t));
        match split {
            Some((sp, tp)) => {
                let mut n = 0;
                for (i, s) in sp.iter().enumerate() {
                    let tt = tp.as_ref().map(|v| v[i]);
                    if i % 2 == 1 {
                        n += 1;
                        part(out, "segment", Some(n), s, tt, st)?;
                    } else if between(i, sp.len())
                        || !s.is_empty()
                        || tt.is_some_and(|x| !x.is_empty())
                    {
                        // An ignorable without a target stands for its source in the target, and
                        // two segments with none between them are joined by the language's
                        // separator on import: so the target is written where it differs, and
                        // an ignorable, even an empty one, goes between every two segments.
                        part(out, "ignorable", None, s, tt.filter(|x| x != s), None)?;
                    }
                }
            }
            None => part(
                out,
                "segment",
                Some(1),
                &seg.source,
                target.map(|t| t.text.as_str()),
                st,
            )?,
        }
        writeln!(out, "  </unit>")?;
    }
    writeln!(out, " </file>")?;
    writeln!(out, "</xliff>")
}

/// Whether the `i`-th of `len` pieces (`[gap0, s1, gap1, …, sN, gapN]`) lies between two sentences.
fn between(i: usize, len: usize) -> bool {
    i > 0 && i + 1 < len
}

fn part(
    out: &mut impl Write,
    name: &str,
    n: Option<usize>,
    source: &str,
    target: Option<&str>,
    state: Option<&str>,
) -> io::Result<()> {
    write!(out, "   <{name}")?;
    if let Some(n) = n {
        write!(out, " id=\"{n}\"")?;
    }
    if let (Some(s), Some(_)) = (state, target) {
        write!(out, " state=\"{s}\"")?;
    }
    write!(out, "><source>")?;
    text(out, source)?;
    write!(out, "</source>")?;
    if let Some(t) = target {
        write!(out, "<target>")?;
        text(out, t)?;
        write!(out, "</target>")?;
    }
    writeln!(out, "</{name}>")
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::{read_for_import, validate};
    use crate::domain::language::LanguageTag;
    use crate::domain::unit::UnitState;
    use crate::formats::model::{ExportDoc, ExportSegment, ExportTarget};

    fn tag(s: &str) -> LanguageTag {
        LanguageTag::parse(s).expect("tag")
    }

    fn doc() -> ExportDoc {
        let src1 = "Բարև ձեզ։ Սա <փորձ> է & \"մեջբերում\"։";
        let trg1 = "Hello.\tThis is a <test> & \"quote\".\u{1}";
        let src2 = "Первое предложение. Второе.";
        let trg2 = "Only one sentence here";
        ExportDoc {
            statement_id: 7,
            slug: "test-\"slug\"".into(),
            title: "T".into(),
            source_lang: tag("hy"),
            revision: 1,
            publication: None,
            date: chrono::Utc::now(),
            langs: vec![tag("en")],
            segments: vec![
                ExportSegment {
                    segment_id: 1,
                    position: 1,
                    kind: "paragraph".into(),
                    level: None,
                    source: src1.into(),
                    source_sentences: vec![
                        0..src1.find(' ').map_or(0, |i| i),
                        src1.find("Սա").unwrap_or(0)..src1.len(),
                    ],
                    targets: vec![ExportTarget {
                        lang: tag("en"),
                        text: trg1.into(),
                        sentences: vec![0..6, 7..trg1.len()],
                        state: UnitState::Approved,
                        version: 3,
                        notes: vec!["anna: check <this> & that".into()],
                    }],
                },
                ExportSegment {
                    segment_id: 2,
                    position: 2,
                    kind: "paragraph".into(),
                    level: None,
                    source: src2.into(),
                    source_sentences: vec![
                        0..src2.find(' ').map_or(0, |i| i),
                        src2.find("Второе").unwrap_or(0)..src2.len(),
                    ],
                    targets: vec![ExportTarget {
                        lang: tag("en"),
                        text: trg2.into(),
                        sentences: std::iter::once(0..trg2.len()).collect(),
                        state: UnitState::Draft,
                        version: 5,
                        notes: vec![],
                    }],
                },
            ],
        }
    }

    #[test]
    fn round_trip() {
        let d = doc();
        let mut out = Vec::new();
        super::write_doc(&d, &tag("en"), &mut out).expect("write");
        validate(&out, 1 << 20).expect("own validation");
        let f = read_for_import(&out, 1 << 20).expect("read");
        assert_eq!(f.version, "2.1");
        for (u, s) in f.units.iter().zip(&d.segments) {
            assert_eq!(u.source, s.source);
            assert_eq!(u.target.as_deref(), Some(s.targets[0].text.as_str()));
            assert_eq!(u.version, Some(s.targets[0].version));
        }
        // The OASIS schema check of real exports runs with xmllint in tests/it/exchange.rs.
    }

    /// Sentences with nothing between them, on one side or both, read back exactly as they were:
    /// the import puts a separator only where a file gives no boundary at all.
    pub(crate) fn unspaced() -> ExportDoc {
        let mut d = doc();
        let target = |text: &str, sentences| ExportTarget {
            lang: tag("en"),
            text: text.into(),
            sentences,
            state: UnitState::Translated,
            version: 2,
            notes: vec![],
        };
        d.segments[0].source = "Ա։Բ։".into();
        d.segments[0].source_sentences = vec![0..5, 5..10];
        d.segments[0].targets = vec![target("A. B.", vec![0..2, 3..5])];
        d.segments[1].source = "Ա։ Բ։".into();
        d.segments[1].source_sentences = vec![0..5, 6..11];
        d.segments[1].targets = vec![target("A.B.", vec![0..2, 2..4])];
        d
    }

    #[test]
    fn unspaced_sentences_round_trip() {
        let d = unspaced();
        let mut out = Vec::new();
        super::write_doc(&d, &tag("en"), &mut out).expect("write");
        validate(&out, 1 << 20).expect("own validation");
        let f = read_for_import(&out, 1 << 20).expect("read");
        for (u, s) in f.units.iter().zip(&d.segments) {
            assert_eq!(u.source, s.source);
            assert_eq!(u.target.as_deref(), Some(s.targets[0].text.as_str()));
        }
    }
}
