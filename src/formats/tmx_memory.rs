//! TMX 1.4b for the translation memory: reading `<tu>`s with any number of languages, and writing
//! remembered pairs with their provenance.

use std::io::{self, Write};

use crate::formats::tmx::write_escaped;
use crate::formats::xml::{self, Element, Node};
use crate::formats::FileError;

const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// One `<tu>`: its variants as (language, text), in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TmxUnit {
    pub variants: Vec<(String, String)>,
}

fn refuse(rule: &'static str, detail: String) -> FileError {
    FileError { rule, detail }
}

/// The text of a `<seg>`: character data and the content of `<hi>`, without the native codes
/// that `<bpt>`, `<ept>`, `<ph>`, `<it>` and `<ut>` carry (they are formatting, not words).
fn seg_text(seg: &Element, out: &mut String) {
    for node in &seg.children {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if e.name == "hi" => seg_text(e, out),
            Node::Element(_) => {}
        }
    }
}

/// Reads a TMX document (1.1 to 1.4b) into units. A DOCTYPE naming the TMX DTD, as TMX writers
/// put in front of their files, is let through (the DTD is not read); internal subsets and entity
/// declarations are refused, and sizes bounded, by the hardened XML reader. A `<tu>` with fewer than two non-empty variants teaches nothing and is
/// skipped; a `<tuv>` without a language is an error.
pub fn read_tmx(bytes: &[u8], max_bytes: usize) -> Result<Vec<TmxUnit>, FileError> {
    let root = xml::parse_with(bytes, max_bytes, xml::Doctype::ExternalOnly)?;
    if root.name != "tmx" {
        return Err(refuse(
            "tmx_root",
            format!("the root element is <{}>, not <tmx>", root.name),
        ));
    }
    let body = root
        .elements()
        .find(|e| e.name == "body")
        .ok_or_else(|| refuse("tmx_body", "there is no <body>".to_owned()))?;
    let mut units = Vec::new();
    for tu in body.elements().filter(|e| e.name == "tu") {
        let mut variants = Vec::new();
        for tuv in tu.elements().filter(|e| e.name == "tuv") {
            let lang = tuv
                .attr_ns(XML_NS, "lang")
                .or_else(|| tuv.attr("lang"))
                .ok_or_else(|| {
                    refuse(
                        "tmx_tuv_lang",
                        format!("the <tuv> at line {} has no xml:lang", tuv.line),
                    )
                })?;
            let mut text = String::new();
            if let Some(seg) = tuv.elements().find(|e| e.name == "seg") {
                seg_text(seg, &mut text);
            }
            let text = text.trim();
            if !text.is_empty() {
                variants.push((lang.to_owned(), text.to_owned()));
            }
        }
        if variants.len() >= 2 {
            units.push(TmxUnit { variants });
        }
    }
    Ok(units)
}

/// One remembered pair to write.
pub struct TmxPair<'a> {
    pub src_lang: &'a str,
    pub tgt_lang: &'a str,
    pub source: &'a str,
    pub target: &'a str,
    pub origin: &'a str,
    pub statement: Option<&'a str>,
    pub approved_by: Option<&'a str>,
    /// `YYYYMMDDThhmmssZ`, as TMX writes dates.
    pub date: String,
}

pub fn write_header<W: Write + ?Sized>(out: &mut W) -> io::Result<()> {
    out.write_all(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n\
          <header creationtool=\"Tandem\" creationtoolversion=\"1\" datatype=\"plaintext\" segtype=\"sentence\" \
          adminlang=\"en\" srclang=\"*all*\" o-tmf=\"tandem\"/>\n<body>\n",
    )
}

pub fn write_pair<W: Write + ?Sized>(out: &mut W, pair: &TmxPair<'_>) -> io::Result<()> {
    out.write_all(b"<tu creationdate=\"")?;
    write_escaped(out, &pair.date, true)?;
    out.write_all(b"\"")?;
    if let Some(by) = pair.approved_by {
        out.write_all(b" creationid=\"")?;
        write_escaped(out, by, true)?;
        out.write_all(b"\"")?;
    }
    out.write_all(b">\n<prop type=\"x-tandem-origin\">")?;
    write_escaped(out, pair.origin, false)?;
    out.write_all(b"</prop>\n")?;
    if let Some(statement) = pair.statement {
        out.write_all(b"<prop type=\"x-tandem-statement\">")?;
        write_escaped(out, statement, false)?;
        out.write_all(b"</prop>\n")?;
    }
    for (lang, text) in [(pair.src_lang, pair.source), (pair.tgt_lang, pair.target)] {
        out.write_all(b"<tuv xml:lang=\"")?;
        write_escaped(out, lang, true)?;
        out.write_all(b"\"><seg>")?;
        write_escaped(out, text, false)?;
        out.write_all(b"</seg></tuv>\n")?;
    }
    out.write_all(b"</tu>\n")
}

pub fn write_footer<W: Write + ?Sized>(out: &mut W) -> io::Result<()> {
    out.write_all(b"</body>\n</tmx>\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const THREE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="x" creationtoolversion="1" datatype="plaintext" segtype="sentence"
 adminlang="en" srclang="en" o-tmf="x"/>
<body>
  <tu><tuv xml:lang="en"><seg>The office opens at <bpt i="1">&lt;b&gt;</bpt>9:00<ept i="1">&lt;/b&gt;</ept>.</seg></tuv>
      <tuv xml:lang="hy"><seg>Գրասենյակը բացվում է ժամը 9:00-ին։</seg></tuv>
      <tuv xml:lang="ru-RU"><seg>Офис открывается в <hi>9:00</hi>.</seg></tuv></tu>
  <tu><tuv xml:lang="en"><seg>Only one language.</seg></tuv></tu>
  <tu><tuv lang="EN"><seg>Old style</seg></tuv><tuv lang="RU"><seg>Старый стиль</seg></tuv></tu>
</body></tmx>"#;

    #[test]
    fn reads_every_language_of_a_unit_without_native_codes() {
        let units = read_tmx(THREE.as_bytes(), 1 << 20).expect("valid");
        assert_eq!(units.len(), 2, "a unit with one language teaches nothing");
        assert_eq!(
            units[0].variants,
            vec![
                ("en".to_owned(), "The office opens at 9:00.".to_owned()),
                (
                    "hy".to_owned(),
                    "Գրասենյակը բացվում է ժամը 9:00-ին։".to_owned()
                ),
                ("ru-RU".to_owned(), "Офис открывается в 9:00.".to_owned()),
            ]
        );
        assert_eq!(units[1].variants[0].0, "EN");
    }

    #[test]
    fn refuses_what_is_not_tmx() {
        let err = read_tmx(b"<xliff version=\"2.0\"/>", 1024).expect_err("not tmx");
        assert_eq!(err.rule, "tmx_root");
        let err = read_tmx(
            b"<tmx version=\"1.4\"><body><tu><tuv><seg>x</seg></tuv></tu></body></tmx>",
            1024,
        )
        .expect_err("no lang");
        assert_eq!(err.rule, "tmx_tuv_lang");
        let err = read_tmx(b"<!DOCTYPE tmx [<!ENTITY a \"b\">]><tmx/>", 1024).expect_err("dtd");
        assert_eq!(err.rule, "xml_doctype");
    }

    #[test]
    fn written_pairs_read_back() {
        let mut out = Vec::new();
        write_header(&mut out).expect("write");
        write_pair(
            &mut out,
            &TmxPair {
                src_lang: "en",
                tgt_lang: "hy",
                source: "Fish & chips <today>",
                target: "Ձուկ և կարտոֆիլ «այսօր»",
                origin: "approved",
                statement: Some("Menu"),
                approved_by: Some("Hasmik"),
                date: "20261127T120000Z".into(),
            },
        )
        .expect("write");
        write_footer(&mut out).expect("write");
        let units = read_tmx(&out, 1 << 20).expect("our own TMX reads back");
        assert_eq!(
            units[0].variants,
            vec![
                ("en".to_owned(), "Fish & chips <today>".to_owned()),
                ("hy".to_owned(), "Ձուկ և կարտոֆիլ «այսօր»".to_owned())
            ]
        );
    }
}
