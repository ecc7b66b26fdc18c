//! Glossary files: TBX (TBX-Basic 2008 `martif` and TBX v3 `tbx`) and CSV, in and out.

use std::io::{self, Write};

use crate::domain::glossary::{Term, TermStatus};
use crate::formats::tmx::write_escaped;
use crate::formats::xml::{self, Element, Node};
use crate::formats::FileError;

const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// A term read from a file, before it gets an id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermRecord {
    pub src_lang: String,
    pub tgt_lang: String,
    pub term: String,
    pub translation: String,
    pub status: TermStatus,
    pub note: String,
}

fn refuse(rule: &'static str, detail: String) -> FileError {
    FileError { rule, detail }
}

fn text_of(e: &Element) -> String {
    let mut out = String::new();
    for node in &e.children {
        match node {
            Node::Text(t) => out.push_str(t),
            Node::Element(inner) => out.push_str(&text_of(inner)),
        }
    }
    out.trim().to_owned()
}

/// Every element named `name` below `e`, at any depth, in document order.
fn descendants<'a>(e: &'a Element, name: &str, out: &mut Vec<&'a Element>) {
    for child in e.elements() {
        if child.name == name {
            out.push(child);
        }
        descendants(child, name, out);
    }
}

struct LangTerm {
    lang: String,
    term: String,
    status: TermStatus,
    note: String,
}

fn status_of(term_group: &Element) -> TermStatus {
    let mut notes = Vec::new();
    descendants(term_group, "termNote", &mut notes);
    let mut status = TermStatus::Preferred;
    for note in notes {
        let value = text_of(note);
        match note.attr("type") {
            Some("x-tandem-status") => {
                if let Some(s) = TermStatus::parse(&value) {
                    return s;
                }
            }
            Some("administrativeStatus") if value.starts_with("deprecated") => {
                status = TermStatus::Forbidden;
            }
            Some("administrativeStatus") if value.starts_with("supersededTerm") => {
                status = TermStatus::Forbidden;
            }
            _ => {}
        }
    }
    status
}

/// Reads a TBX file: every concept entry gives, for every ordered pair of its languages, each
/// source term with each target term; the status comes from the target term.
pub fn read_tbx(bytes: &[u8], max_bytes: usize) -> Result<Vec<TermRecord>, FileError> {
    let root = xml::parse(bytes, max_bytes)?;
    if root.name != "martif" && root.name != "tbx" {
        return Err(refuse(
            "tbx_root",
            format!("the root element is <{}>, not <tbx> or <martif>", root.name),
        ));
    }
    let mut entries = Vec::new();
    descendants(&root, "termEntry", &mut entries);
    descendants(&root, "conceptEntry", &mut entries);
    let mut records = Vec::new();
    for entry in entries {
        let mut entry_notes = Vec::new();
        for child in entry.elements() {
            if matches!(child.name.as_str(), "note" | "descrip") {
                entry_notes.push(text_of(child));
            }
        }
        let mut terms: Vec<LangTerm> = Vec::new();
        let mut lang_sets = Vec::new();
        descendants(entry, "langSet", &mut lang_sets);
        descendants(entry, "langSec", &mut lang_sets);
        for set in lang_sets {
            let lang = set
                .attr_ns(XML_NS, "lang")
                .or_else(|| set.attr("lang"))
                .ok_or_else(|| {
                    refuse(
                        "tbx_lang",
                        format!("the language section at line {} has no xml:lang", set.line),
                    )
                })?;
            let mut groups = Vec::new();
            descendants(set, "tig", &mut groups);
            descendants(set, "termSec", &mut groups);
            descendants(set, "ntig", &mut groups);
            for group in groups {
                let mut term_elements = Vec::new();
                descendants(group, "term", &mut term_elements);
                let Some(term) = term_elements.first().map(|t| text_of(t)) else {
                    continue;
                };
                if term.is_empty() {
                    continue;
                }
                let mut notes = Vec::new();
                descendants(group, "note", &mut notes);
                terms.push(LangTerm {
                    lang: lang.to_owned(),
                    term,
                    status: status_of(group),
                    note: notes
                        .iter()
                        .map(|n| text_of(n))
                        .chain(entry_notes.iter().cloned())
                        .filter(|n| !n.is_empty())
                        .collect::<Vec<_>>()
                        .join(" "),
                });
            }
        }
        for source in &terms {
            for target in terms.iter().filter(|t| t.lang != source.lang) {
                records.push(TermRecord {
                    src_lang: source.lang.clone(),
                    tgt_lang: target.lang.clone(),
                    term: source.term.clone(),
                    translation: target.term.clone(),
                    status: target.status,
                    note: target.note.clone(),
                });
            }
        }
    }
    Ok(records)
}

/// Writes terms as TBX-Basic (TBX 2008): one `termEntry` per term with its two languages.
pub fn write_tbx<W: Write + ?Sized>(terms: &[Term], out: &mut W) -> io::Result<()> {
    out.write_all(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<martif type=\"TBX-Basic\" xml:lang=\"en\">\n\
          <martifHeader><fileDesc><sourceDesc><p>Tandem glossary</p></sourceDesc></fileDesc></martifHeader>\n\
          <text><body>\n",
    )?;
    for term in terms {
        writeln!(out, "<termEntry id=\"t{}\">", term.id)?;
        if !term.note.is_empty() {
            out.write_all(b"<note>")?;
            write_escaped(out, &term.note, false)?;
            out.write_all(b"</note>\n")?;
        }
        for (lang, text, status) in [
            (&term.src_lang, &term.term, None),
            (&term.tgt_lang, &term.translation, Some(term.status)),
        ] {
            out.write_all(b"<langSet xml:lang=\"")?;
            write_escaped(out, lang, true)?;
            out.write_all(b"\"><tig><term>")?;
            write_escaped(out, text, false)?;
            out.write_all(b"</term>")?;
            if let Some(status) = status {
                let admin = match status {
                    TermStatus::Forbidden => "deprecatedTerm-admn-sts",
                    _ => "preferredTerm-admn-sts",
                };
                write!(
                    out,
                    "<termNote type=\"administrativeStatus\">{admin}</termNote>\
                     <termNote type=\"x-tandem-status\">{}</termNote>",
                    status.as_str()
                )?;
            }
            out.write_all(b"</tig></langSet>\n")?;
        }
        out.write_all(b"</termEntry>\n")?;
    }
    out.write_all(b"</body></text>\n</martif>\n")
}

const CSV_HEADER: [&str; 6] = [
    "src_lang",
    "tgt_lang",
    "term",
    "translation",
    "status",
    "note",
];

/// Reads CSV with the header `src_lang,tgt_lang,term,translation,status,note` (the last two
/// may be left out). A row that breaks the rules is refused with its line number.
pub fn read_csv(bytes: &[u8]) -> Result<Vec<TermRecord>, FileError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let header = reader
        .headers()
        .map_err(|e| refuse("csv_syntax", e.to_string()))?
        .clone();
    let column = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
    let (Some(src), Some(tgt), Some(term), Some(translation)) = (
        column("src_lang"),
        column("tgt_lang"),
        column("term"),
        column("translation"),
    ) else {
        return Err(refuse(
            "csv_header",
            format!("the header must name {}", CSV_HEADER[..4].join(", ")),
        ));
    };
    let (status, note) = (column("status"), column("note"));
    let mut records = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let line = i + 2;
        let row = row.map_err(|e| refuse("csv_syntax", e.to_string()))?;
        let get = |c: Option<usize>| c.and_then(|c| row.get(c)).unwrap_or("").to_owned();
        let record = TermRecord {
            src_lang: get(Some(src)),
            tgt_lang: get(Some(tgt)),
            term: get(Some(term)),
            translation: get(Some(translation)),
            status: TermStatus::parse(&get(status)).ok_or_else(|| {
                refuse(
                    "csv_status",
                    format!("line {line}: status is preferred, forbidden or do_not_translate"),
                )
            })?,
            note: get(note),
        };
        if record.src_lang.is_empty() || record.tgt_lang.is_empty() || record.term.is_empty() {
            return Err(refuse(
                "csv_row",
                format!("line {line}: languages and term must not be empty"),
            ));
        }
        records.push(record);
    }
    Ok(records)
}

pub fn write_csv<W: Write + ?Sized>(terms: &[Term], out: &mut W) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(CSV_HEADER)?;
    for t in terms {
        writer.write_record([
            t.src_lang.as_str(),
            t.tgt_lang.as_str(),
            t.term.as_str(),
            t.translation.as_str(),
            t.status.as_str(),
            t.note.as_str(),
        ])?;
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(id: i64, status: TermStatus) -> Term {
        Term {
            id,
            src_lang: "en".into(),
            tgt_lang: "hy".into(),
            term: "ombudsman".into(),
            translation: "մարդու իրավունքների պաշտպան".into(),
            status,
            note: "Use the full title on first mention, \"quoted\" & all.".into(),
        }
    }

    #[test]
    fn tbx_round_trips_with_statuses() {
        let terms = [
            term(1, TermStatus::Preferred),
            term(2, TermStatus::Forbidden),
        ];
        let mut out = Vec::new();
        write_tbx(&terms, &mut out).expect("write");
        let read = read_tbx(&out, 1 << 20).expect("our TBX reads back");
        let forward: Vec<&TermRecord> = read.iter().filter(|r| r.src_lang == "en").collect();
        assert_eq!(forward.len(), 2);
        assert_eq!(forward[0].translation, "մարդու իրավունքների պաշտպան");
        assert_eq!(forward[0].status, TermStatus::Preferred);
        assert_eq!(forward[1].status, TermStatus::Forbidden);
        assert!(forward[0].note.contains("\"quoted\" & all"));
    }

    #[test]
    fn tbx_v3_concepts_give_every_language_pair() {
        let tbx = r#"<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<text><body><conceptEntry id="c1">
  <langSec xml:lang="en"><termSec><term>press release</term></termSec></langSec>
  <langSec xml:lang="hy"><termSec><term>մամուլի հաղորդագրություն</term></termSec></langSec>
  <langSec xml:lang="ru"><termSec><term>пресс-релиз</term>
    <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec>
</conceptEntry></body></text></tbx>"#;
        let read = read_tbx(tbx.as_bytes(), 1 << 20).expect("valid");
        assert_eq!(read.len(), 6, "three languages give six ordered pairs");
        assert!(read
            .iter()
            .any(|r| r.src_lang == "hy" && r.tgt_lang == "ru" && r.translation == "пресс-релиз"));
    }

    #[test]
    fn csv_round_trips_and_reports_bad_rows_by_line() {
        let terms = [term(1, TermStatus::DoNotTranslate)];
        let mut out = Vec::new();
        write_csv(&terms, &mut out).expect("write");
        let read = read_csv(&out).expect("our CSV reads back");
        assert_eq!(read[0].status, TermStatus::DoNotTranslate);
        assert_eq!(read[0].note, terms[0].note);

        let bad = "src_lang,tgt_lang,term,translation,status\nen,ru,court,суд,maybe\n";
        let err = read_csv(bad.as_bytes()).expect_err("bad status");
        assert_eq!(err.rule, "csv_status");
        assert!(err.detail.contains("line 2"));
        let err = read_csv(b"a,b\n1,2\n").expect_err("no header");
        assert_eq!(err.rule, "csv_header");
    }
}
