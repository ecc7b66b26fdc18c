//! A standalone HTML5 page showing a statement's languages side by side, paragraph by paragraph.

use std::io::{self, Write};

use crate::domain::language::LanguageTag;
use crate::formats::model::{ExportDoc, ExportSegment};

/// Kept small and inline so the page works as a single file, offline and from an e-mail.
const STYLE: &str = "\
body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:100rem;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border-top:1px solid #ddd;padding:.5rem .75rem;vertical-align:top;text-align:start;white-space:pre-line;overflow-wrap:anywhere}
thead th{position:sticky;top:0;background:#fff;border-bottom:2px solid #999}
.n{width:3rem;color:#777;font-weight:normal}
.n a{color:inherit;text-decoration:none}
tr.quote td{font-style:italic}
tr.headline td{font-size:1.25em}
tr.list_item td:not(:empty)::before{content:\"\\2022\\00a0\"}
td.untranslated{background:repeating-linear-gradient(45deg,#f4f4f4 0 6px,#fff 6px 12px)}
td[data-state=draft],td[data-state=needs_work]{background:#fff8e1}
tr:target{outline:2px solid #f5b400}
";

/// Writes `doc` as an HTML5 document: one table row per segment (anchor `s-{segment_id}`),
/// the source in the first language column, then each language of `doc.langs`.
///
/// Every cell names its language, and its direction where it differs from the page's, so
/// browsers pick fonts, hyphenation and bidi right. A missing or empty translation is an
/// empty `td.untranslated`; a translation that is not final carries its state in
/// `data-state`. `out` should be buffered.
pub fn write_html(doc: &ExportDoc, out: &mut impl Write) -> io::Result<()> {
    let page_rtl = is_rtl(&doc.source_lang);
    out.write_all(b"<!doctype html>\n<html lang=\"")?;
    escape(out, doc.source_lang.as_str())?;
    out.write_all(if page_rtl {
        b"\" dir=\"rtl\">\n"
    } else {
        b"\">\n"
    })?;
    out.write_all(b"<head>\n<meta charset=\"utf-8\">\n")?;
    out.write_all(b"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")?;
    writeln!(
        out,
        "<meta name=\"generator\" content=\"Tandem {}\">",
        env!("CARGO_PKG_VERSION")
    )?;
    out.write_all(b"<title>")?;
    escape(out, &doc.title)?;
    out.write_all(b"</title>\n<style>\n")?;
    out.write_all(STYLE.as_bytes())?;
    out.write_all(b"</style>\n</head>\n<body>\n<h1>")?;
    escape(out, &doc.title)?;
    out.write_all(b"</h1>\n")?;
    write!(
        out,
        "<p class=\"meta\"><time datetime=\"{}\">{}</time>",
        doc.date.format("%Y-%m-%dT%H:%M:%SZ"),
        doc.date.format("%Y-%m-%d")
    )?;
    if let Some(publication) = doc.publication {
        write!(out, " · #{publication}")?;
    }
    out.write_all(b"</p>\n")?;

    // The target columns: each language once, and never the source a second time.
    let langs: Vec<&LanguageTag> = doc
        .langs
        .iter()
        .enumerate()
        .filter(|(i, l)| **l != doc.source_lang && !doc.langs[..*i].contains(l))
        .map(|(_, l)| l)
        .collect();

    out.write_all(b"<table class=\"aligned\">\n<thead>\n<tr><th class=\"n\" scope=\"col\">#</th>")?;
    for lang in std::iter::once(&doc.source_lang).chain(langs.iter().copied()) {
        out.write_all(b"<th scope=\"col\"")?;
        lang_attrs(out, lang, page_rtl)?;
        out.write_all(b">")?;
        escape(out, lang.as_str())?;
        out.write_all(b"</th>")?;
    }
    out.write_all(b"</tr>\n</thead>\n<tbody>\n")?;
    for segment in &doc.segments {
        write_row(out, doc, segment, &langs, page_rtl)?;
    }
    out.write_all(b"</tbody>\n</table>\n</body>\n</html>\n")
}

fn write_row<W: Write + ?Sized>(
    out: &mut W,
    doc: &ExportDoc,
    segment: &ExportSegment,
    langs: &[&LanguageTag],
    page_rtl: bool,
) -> io::Result<()> {
    let heading = segment.kind == "heading" || segment.kind == "headline";
    write!(out, "<tr id=\"s-{}\" class=\"", segment.segment_id)?;
    escape(out, &segment.kind)?;
    write!(
        out,
        "\"><th class=\"n\" scope=\"row\"><a href=\"#s-{}\">{}</a></th>",
        segment.segment_id, segment.position
    )?;
    write_cell(
        out,
        &doc.source_lang,
        &segment.source,
        None,
        heading,
        page_rtl,
    )?;
    for lang in langs {
        match segment.targets.iter().find(|t| t.lang == **lang) {
            Some(t) if !t.text.is_empty() => {
                let state = t.state.as_str();
                let shown = (state != "approved").then_some(state);
                write_cell(out, lang, &t.text, shown, heading, page_rtl)?;
            }
            _ => {
                out.write_all(b"<td class=\"untranslated\"")?;
                lang_attrs(out, lang, page_rtl)?;
                out.write_all(b"></td>")?;
            }
        }
    }
    out.write_all(b"</tr>\n")
}

fn write_cell<W: Write + ?Sized>(
    out: &mut W,
    lang: &LanguageTag,
    text: &str,
    state: Option<&str>,
    heading: bool,
    page_rtl: bool,
) -> io::Result<()> {
    out.write_all(b"<td")?;
    lang_attrs(out, lang, page_rtl)?;
    if let Some(state) = state {
        write!(out, " data-state=\"{state}\"")?;
    }
    out.write_all(if heading { b"><strong>" } else { b">" })?;
    escape(out, text)?;
    out.write_all(if heading { b"</strong></td>" } else { b"</td>" })
}

/// ` lang="…"`, and ` dir="…"` when the language runs the other way from the page.
fn lang_attrs<W: Write + ?Sized>(
    out: &mut W,
    lang: &LanguageTag,
    page_rtl: bool,
) -> io::Result<()> {
    out.write_all(b" lang=\"")?;
    escape(out, lang.as_str())?;
    out.write_all(b"\"")?;
    match (is_rtl(lang), page_rtl) {
        (true, false) => out.write_all(b" dir=\"rtl\""),
        (false, true) => out.write_all(b" dir=\"ltr\""),
        _ => Ok(()),
    }
}

/// Whether a language is written right to left: by its script subtag when it has one
/// (`az-Arab`, `ku-Latn`), otherwise by the usual script of the primary language.
fn is_rtl(lang: &LanguageTag) -> bool {
    let mut subtags = lang.as_str().split('-');
    let primary = subtags.next().unwrap_or_default();
    if let Some(script) =
        subtags.find(|s| s.len() == 4 && s.bytes().all(|b| b.is_ascii_alphabetic()))
    {
        return matches!(
            script,
            "Adlm" | "Arab" | "Hebr" | "Mand" | "Nkoo" | "Rohg" | "Samr" | "Syrc" | "Thaa" | "Yezi"
        );
    }
    matches!(
        primary,
        "ar" | "arc"
            | "ckb"
            | "dv"
            | "fa"
            | "glk"
            | "he"
            | "lrc"
            | "mzn"
            | "pnb"
            | "prs"
            | "ps"
            | "sd"
            | "syr"
            | "ug"
            | "ur"
            | "yi"
    )
}

/// U+FFFD in UTF-8.
const REPLACEMENT: &[u8] = "\u{FFFD}".as_bytes();

/// Escapes text for HTML content and double- or single-quoted attribute values alike.
/// Control characters that HTML forbids (other than tab, line feed, form feed and carriage
/// return) become U+FFFD, as a browser would show them anyway. Runs of ordinary text are
/// written without allocating.
fn escape<W: Write + ?Sized>(out: &mut W, text: &str) -> io::Result<()> {
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, b) in bytes.iter().enumerate() {
        let replacement: &[u8] = match b {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            b'\t' | b'\n' | b'\x0C' | b'\r' => continue,
            0x00..=0x1F | 0x7F => REPLACEMENT,
            _ => continue,
        };
        out.write_all(&bytes[start..i])?;
        out.write_all(replacement)?;
        start = i + 1;
    }
    out.write_all(&bytes[start..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::tmx::tests::sample::{self, tag};

    fn html(doc: &ExportDoc) -> String {
        let mut out = Vec::new();
        write_html(doc, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The text of the row with anchor `s-{id}`.
    fn row(html: &str, id: i64) -> &str {
        let start = html
            .find(&format!("<tr id=\"s-{id}\""))
            .unwrap_or_else(|| panic!("no row s-{id}"));
        let end = start + html[start..].find("</tr>").unwrap();
        &html[start..end]
    }

    #[test]
    fn document_skeleton() {
        let out = html(&sample::doc());
        assert!(out.starts_with(
            "<!doctype html>\n<html lang=\"hy\">\n<head>\n<meta charset=\"utf-8\">\n"
        ));
        assert!(out.contains("<title>Բաց նամակ</title>"));
        assert!(out.contains("<style>\n"));
        assert!(out.contains("<h1>Բաց նամակ</h1>"));
        assert!(out.contains(
            "<th scope=\"col\" lang=\"hy\">hy</th><th scope=\"col\" lang=\"en\">en</th>\
             <th scope=\"col\" lang=\"ru\">ru</th>"
        ));
        assert!(out.ends_with("</table>\n</body>\n</html>\n"));
        assert_eq!(out.matches("<tr id=\"s-").count(), 5);
        assert_eq!(
            out.matches("<tr").count(),
            6,
            "header row and one row per segment"
        );
    }

    #[test]
    fn each_row_holds_every_language_in_order() {
        let out = html(&sample::doc());
        let r = row(&out, 102);
        assert!(r.starts_with("<tr id=\"s-102\" class=\"paragraph\"><th class=\"n\" scope=\"row\"><a href=\"#s-102\">2</a></th>"));
        let hy = r
            .find("<td lang=\"hy\">Մենք դիմում ենք ձեզ։ Խնդրում ենք աջակցել մեզ։</td>")
            .unwrap();
        let en = r
            .find("<td lang=\"en\">We are writing to you. Please support us.</td>")
            .unwrap();
        let ru = r
            .find("<td lang=\"ru\" data-state=\"translated\">Мы обращаемся к вам. Просим поддержать нас.</td>")
            .unwrap();
        assert!(hy < en && en < ru);
    }

    #[test]
    fn headings_are_emphasised_and_untranslated_cells_are_empty() {
        let out = html(&sample::doc());
        assert!(row(&out, 101).contains(
            "<td lang=\"en\"><strong>An open letter to the people of Armenia</strong></td>"
        ));
        assert!(!row(&out, 102).contains("<strong>"));
        let list = row(&out, 104);
        assert!(list.contains("class=\"list_item\""));
        assert!(list.ends_with("<td class=\"untranslated\" lang=\"ru\"></td>"));
        // A language with no unit at all in the segment also gets its empty cell.
        let mut doc = sample::doc();
        doc.segments[3].targets.truncate(1);
        assert!(row(&html(&doc), 104).ends_with("<td class=\"untranslated\" lang=\"ru\"></td>"));
    }

    #[test]
    fn text_is_escaped() {
        let mut doc = sample::doc();
        doc.title = "<script>alert(\"t\")</script>".to_owned();
        doc.segments[0].kind = "heading\"><script>".to_owned();
        let out = html(&doc);
        assert!(!out.contains("<script>"));
        assert!(out.contains("<title>&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;</title>"));
        assert!(row(&out, 105)
            .contains("say &quot;no&quot; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;.</td>"));
        assert!(row(&out, 105).contains("a &lt; b &amp;&amp; c &gt; d"));
        assert!(row(&out, 105).contains("Если a &lt; b,\u{FFFD} то\r\nнет"));
        assert!(out.contains("<tr id=\"s-101\" class=\"heading&quot;&gt;&lt;script&gt;\">"));
    }

    #[test]
    fn right_to_left_languages_get_a_direction() {
        let mut doc = sample::doc();
        doc.langs.push(tag("ar"));
        doc.langs.push(tag("az-Arab"));
        doc.langs.push(tag("ku-Latn"));
        doc.segments[1].targets.push(sample::target(
            "ar",
            &["نحن نكتب إليكم."],
            crate::domain::unit::UnitState::Approved,
        ));
        let out = html(&doc);
        assert!(row(&out, 102).contains("<td lang=\"ar\" dir=\"rtl\">نحن نكتب إليكم.</td>"));
        assert!(out.contains("<th scope=\"col\" lang=\"az-Arab\" dir=\"rtl\">"));
        assert!(out.contains("<th scope=\"col\" lang=\"ku-Latn\">"));
        assert!(!row(&out, 102).contains("lang=\"hy\" dir"));
        // A right-to-left source turns the page around and marks the left-to-right cells.
        doc.source_lang = tag("he");
        let out = html(&doc);
        assert!(out.contains("<html lang=\"he\" dir=\"rtl\">"));
        assert!(row(&out, 102).contains("<td lang=\"en\" dir=\"ltr\">"));
        assert!(row(&out, 102).contains("<td lang=\"ar\">"));
    }

    #[test]
    fn the_source_language_is_not_repeated_as_a_column() {
        let mut doc = sample::doc();
        doc.langs.insert(0, tag("hy"));
        doc.langs.push(tag("en"));
        let out = html(&doc);
        assert_eq!(out.matches("<th scope=\"col\"").count(), 3);
        assert_eq!(row(&out, 102).matches("<td").count(), 3);
    }
}
