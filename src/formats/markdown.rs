//! Markdown export of a statement, in one language or in all of them one after another.

use std::io::{self, Write};

use crate::domain::language::LanguageTag;
use crate::formats::model::{ExportDoc, ExportSegment};

/// Writes `doc` as Markdown.
///
/// With `Some(lang)` (the source language or one of `doc.langs`) the document is that
/// language alone; segments not translated into it are left out rather than shown in another
/// language. With `None` every language follows the other, the source first, each under a
/// `## {tag}` heading; the statement's own headings are then moved two levels down (at most
/// to `######`) so they nest under the language headings.
///
/// Texts are written as they are: markdown statements already hold Markdown, and plain-text
/// ones are not escaped. A language the document does not have is an `InvalidInput` error.
/// `out` should be buffered.
pub fn write_markdown(
    doc: &ExportDoc,
    lang: Option<&LanguageTag>,
    out: &mut impl Write,
) -> io::Result<()> {
    match lang {
        Some(lang) => {
            if *lang != doc.source_lang && !doc.langs.contains(lang) {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("the statement has no language {lang}"),
                ));
            }
            write_language(out, doc, lang, 0)
        }
        None => {
            let targets = doc
                .langs
                .iter()
                .enumerate()
                .filter(|(i, l)| **l != doc.source_lang && !doc.langs[..*i].contains(l));
            let all = std::iter::once(&doc.source_lang).chain(targets.map(|(_, l)| l));
            for (i, lang) in all.enumerate() {
                if i > 0 {
                    out.write_all(b"\n")?;
                }
                writeln!(out, "## {lang}\n")?;
                write_language(out, doc, lang, 2)?;
            }
            Ok(())
        }
    }
}

/// The blocks of one language, separated by blank lines; consecutive list items only by a
/// line break, so they stay one list.
fn write_language<W: Write + ?Sized>(
    out: &mut W,
    doc: &ExportDoc,
    lang: &LanguageTag,
    heading_shift: u8,
) -> io::Result<()> {
    let mut previous: Option<&str> = None;
    for segment in &doc.segments {
        let Some(text) = text_in(doc, segment, lang) else {
            continue;
        };
        match previous {
            Some("list_item") if segment.kind == "list_item" => {}
            Some(_) => out.write_all(b"\n")?,
            None => {}
        }
        write_block(out, segment, text, heading_shift)?;
        previous = Some(&segment.kind);
    }
    Ok(())
}

/// The segment's text in `lang` without trailing blank lines, or `None` when there is none.
fn text_in<'a>(doc: &ExportDoc, segment: &'a ExportSegment, lang: &LanguageTag) -> Option<&'a str> {
    let text = if *lang == doc.source_lang {
        &segment.source
    } else {
        &segment.targets.iter().find(|t| t.lang == *lang)?.text
    };
    let text = text.trim_end();
    (!text.trim_start().is_empty()).then_some(text)
}

fn write_block<W: Write + ?Sized>(
    out: &mut W,
    segment: &ExportSegment,
    text: &str,
    heading_shift: u8,
) -> io::Result<()> {
    // (prefix of the first line, prefix of the lines after it)
    let (first, rest): (&[u8], &[u8]) = match segment.kind.as_str() {
        // The headline is the document's first-level heading.
        "heading" | "headline" => {
            // An ATX heading is one line: a line break inside becomes a space.
            let level = segment.level.unwrap_or(1).clamp(1, 6);
            let level = usize::from(level.saturating_add(heading_shift).min(6));
            out.write_all(&b"######"[..level])?;
            for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                out.write_all(b" ")?;
                out.write_all(line.as_bytes())?;
            }
            return out.write_all(b"\n");
        }
        "quote" => (b"> ", b"> "),
        "list_item" => (b"- ", b"  "),
        _ => (b"", b""),
    };
    for (i, line) in text.lines().enumerate() {
        let prefix = if i == 0 { first } else { rest };
        if line.is_empty() {
            // No trailing spaces on blank lines, but a quote must keep its `>`.
            out.write_all(prefix.trim_ascii_end())?;
        } else {
            out.write_all(prefix)?;
            out.write_all(line.as_bytes())?;
        }
        out.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::tmx::tests::sample::{self, tag};

    fn markdown(doc: &ExportDoc, lang: Option<&str>) -> String {
        let lang = lang.map(tag);
        let mut out = Vec::new();
        write_markdown(doc, lang.as_ref(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn source_language_document() {
        assert_eq!(
            markdown(&sample::doc(), Some("hy")),
            "## Բաց նամակ «Հայաստանի» ժողովրդին\n\
             \n\
             Մենք դիմում ենք ձեզ։ Խնդրում ենք աջակցել մեզ։\n\
             \n\
             > «Ազատությունը չի տրվում, այն վերցնում են։»\n\
             \n\
             - Առաջին պահանջը։\n\
             \n\
             Եթե a < b && c > d, «ոչ»։\n"
        );
    }

    #[test]
    fn a_target_language_document_leaves_out_untranslated_segments() {
        let out = markdown(&sample::doc(), Some("ru"));
        assert!(out.starts_with(
            "## Открытое письмо народу «Армении»\n\nМы обращаемся к вам. Просим поддержать нас.\n\n\
             > «Свободу не дают. Её берут».\n\nЕсли a < b,"
        ));
        assert!(!out.contains("- "));
        assert!(!out.contains("Առաջին"));
        // Written as it is: no escaping, even of what looks like HTML.
        let en = markdown(&sample::doc(), Some("en"));
        assert!(en.contains("say \"no\" <script>alert('x')</script>."));
        assert!(en.contains("\n\n- The first demand.\n\n"));
    }

    #[test]
    fn all_languages_source_first_with_headings_nested() {
        let mut doc = sample::doc();
        doc.langs = vec![tag("ru"), tag("hy"), tag("en"), tag("ru")];
        let out = markdown(&doc, None);
        let sections: Vec<usize> = ["## hy\n\n", "## ru\n\n", "## en\n\n"]
            .iter()
            .map(|h| {
                assert_eq!(out.matches(h).count(), 1, "{h}");
                out.find(h).unwrap()
            })
            .collect();
        assert!(out.starts_with("## hy\n\n#### Բաց նամակ"));
        assert!(sections[0] < sections[1] && sections[1] < sections[2]);
        assert!(out.contains("Եթե a < b && c > d, «ոչ»։\n\n## ru\n\n#### Открытое письмо"));
        assert!(out.contains("\n\n## en\n\n#### An open letter to the people of Armenia\n\n"));
    }

    #[test]
    fn multi_line_blocks_and_list_runs() {
        let mut doc = sample::doc();
        doc.segments.truncate(4);
        doc.segments[0].level = Some(6);
        doc.segments[0].source = "Վերնագիր\nերկու տողով".to_owned();
        doc.segments[2].source = "«Առաջին տող\n\nերկրորդ տող»".to_owned();
        let mut second = doc.segments[3].clone();
        second.source = "Երկրորդ պահանջը,\nերկու տողով։".to_owned();
        doc.segments.push(second);
        let out = markdown(&doc, Some("hy"));
        assert!(out.starts_with("###### Վերնագիր երկու տողով\n\n"));
        assert!(out.contains("\n> «Առաջին տող\n>\n> երկրորդ տող»\n"));
        assert!(out.ends_with("- Առաջին պահանջը։\n- Երկրորդ պահանջը,\n  երկու տողով։\n"));
        // Shifted headings stop at level 6.
        assert!(markdown(&doc, None).starts_with("## hy\n\n###### Վերնագիր"));
    }

    #[test]
    fn unknown_language_is_an_error() {
        let mut out = Vec::new();
        let err = write_markdown(&sample::doc(), Some(&tag("de")), &mut out).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        assert!(out.is_empty());
    }
}
