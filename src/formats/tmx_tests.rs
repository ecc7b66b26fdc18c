//! Tests of the TMX writer, and the sample document and XML reader the other writers' tests share.

use super::*;
use crate::domain::language::LanguageTag;
use crate::domain::unit::UnitState;
use crate::formats::model::ExportDoc;
use xml::Element;

/// A small statement in Armenian with English and Russian translations, shared by the tests
/// of every export format.
pub(crate) mod sample {
    use std::ops::Range;

    use chrono::{TimeZone, Utc};

    use crate::domain::language::LanguageTag;
    use crate::domain::unit::UnitState;
    use crate::formats::model::{ExportDoc, ExportSegment, ExportTarget};

    pub fn tag(raw: &str) -> LanguageTag {
        LanguageTag::parse(raw).unwrap()
    }

    /// Joins sentences with a space and returns the text with each sentence's byte range.
    pub fn sentences(parts: &[&str]) -> (String, Vec<Range<usize>>) {
        let mut text = String::new();
        let mut ranges = Vec::new();
        for part in parts {
            if !text.is_empty() {
                text.push(' ');
            }
            ranges.push(text.len()..text.len() + part.len());
            text.push_str(part);
        }
        (text, ranges)
    }

    pub fn target(lang: &str, parts: &[&str], state: UnitState) -> ExportTarget {
        let (text, sentences) = sentences(parts);
        ExportTarget {
            lang: tag(lang),
            text,
            sentences,
            state,
            version: 3,
            notes: Vec::new(),
        }
    }

    pub fn segment(
        id: i64,
        kind: &str,
        level: Option<u8>,
        source: &[&str],
        targets: Vec<ExportTarget>,
    ) -> ExportSegment {
        let (source, source_sentences) = sentences(source);
        ExportSegment {
            segment_id: id,
            position: u32::try_from(id - 100).unwrap(),
            kind: kind.to_owned(),
            level,
            source,
            source_sentences,
            targets,
        }
    }

    /// Segment 101 is a heading, 102 a two-sentence paragraph aligned in every language, 103 a
    /// quote whose Russian has two sentences against one, 104 a list item not yet translated
    /// into Russian, 105 a paragraph full of characters that need escaping.
    pub fn doc() -> ExportDoc {
        use UnitState::*;
        let mut reviewed = target(
            "en",
            &["We are writing to you.", "Please support us."],
            Approved,
        );
        reviewed.notes = vec![
            "anna: «Please» is too weak <here>".to_owned(),
            "boris: fine & approved".to_owned(),
        ];
        ExportDoc {
            statement_id: 7,
            slug: "open-letter".to_owned(),
            title: "Բաց նամակ".to_owned(),
            source_lang: tag("hy"),
            revision: 4,
            publication: Some(2),
            date: Utc.with_ymd_and_hms(2026, 11, 27, 9, 30, 5).unwrap(),
            langs: vec![tag("en"), tag("ru")],
            segments: vec![
                segment(
                    101,
                    "heading",
                    Some(2),
                    &["Բաց նամակ «Հայաստանի» ժողովրդին"],
                    vec![
                        target("en", &["An open letter to the people of Armenia"], Approved),
                        target("ru", &["Открытое письмо народу «Армении»"], Approved),
                    ],
                ),
                segment(
                    102,
                    "paragraph",
                    None,
                    &["Մենք դիմում ենք ձեզ։", "Խնդրում ենք աջակցել մեզ։"],
                    vec![
                        reviewed,
                        target(
                            "ru",
                            &["Мы обращаемся к вам.", "Просим поддержать нас."],
                            Translated,
                        ),
                    ],
                ),
                segment(
                    103,
                    "quote",
                    None,
                    &["«Ազատությունը չի տրվում, այն վերցնում են։»"],
                    vec![
                        target("en", &["“Freedom is not given, it is taken.”"], Approved),
                        target("ru", &["«Свободу не дают.", "Её берут»."], Draft),
                    ],
                ),
                segment(
                    104,
                    "list_item",
                    None,
                    &["Առաջին պահանջը։"],
                    vec![
                        target("en", &["The first demand."], NeedsWork),
                        target("ru", &[], Untranslated),
                    ],
                ),
                segment(
                    105,
                    "paragraph",
                    None,
                    &["Եթե a < b && c > d, «ոչ»։"],
                    vec![
                        target(
                            "en",
                            &["If a < b && c > d, say \"no\" <script>alert('x')</script>."],
                            Translated,
                        ),
                        target("ru", &["Если a < b,\u{1} то\r\nнет\u{FFFF}."], Translated),
                    ],
                ),
            ],
        }
    }
}

/// A minimal element tree read back with quick-xml, which fails the test on any document that
/// is not well-formed (mismatched or unclosed tags, bad references, duplicate attributes).
pub(crate) mod xml {
    use quick_xml::events::{BytesStart, Event};
    use quick_xml::{Reader, XmlVersion};

    #[derive(Debug, Default)]
    pub struct Element {
        pub name: String,
        pub attrs: Vec<(String, String)>,
        pub children: Vec<Node>,
    }

    #[derive(Debug)]
    pub enum Node {
        Element(Element),
        Text(String),
    }

    impl Element {
        pub fn attr(&self, name: &str) -> Option<&str> {
            self.attrs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
        }

        pub fn elements(&self) -> impl Iterator<Item = &Element> {
            self.children.iter().filter_map(|n| match n {
                Node::Element(e) => Some(e),
                Node::Text(_) => None,
            })
        }

        pub fn all(&self, name: &str) -> Vec<&Element> {
            self.elements().filter(|e| e.name == name).collect()
        }

        /// The one child named `name`; fails the test when there is none or more than one.
        pub fn one(&self, name: &str) -> &Element {
            let found = self.all(name);
            assert_eq!(
                found.len(),
                1,
                "<{}> has {} <{name}>",
                self.name,
                found.len()
            );
            found[0]
        }

        /// The text directly inside the element.
        pub fn text(&self) -> String {
            self.children
                .iter()
                .filter_map(|n| match n {
                    Node::Text(t) => Some(t.as_str()),
                    Node::Element(_) => None,
                })
                .collect()
        }

        /// Child element names in document order.
        pub fn names(&self) -> Vec<&str> {
            self.elements().map(|e| e.name.as_str()).collect()
        }
    }

    fn element(start: &BytesStart<'_>) -> Element {
        let name = String::from_utf8(start.name().as_ref().to_vec()).unwrap();
        let attrs = start
            .attributes()
            .map(|a| {
                let a = a.unwrap_or_else(|e| panic!("bad attribute on <{name}>: {e}"));
                let key = String::from_utf8(a.key.as_ref().to_vec()).unwrap();
                let value = a.normalized_value(XmlVersion::Implicit1_0).unwrap();
                (key, value.into_owned())
            })
            .collect();
        Element {
            name,
            attrs,
            children: Vec::new(),
        }
    }

    fn push_text(parent: &mut Element, text: &str) {
        if let Some(Node::Text(last)) = parent.children.last_mut() {
            last.push_str(text);
        } else {
            parent.children.push(Node::Text(text.to_owned()));
        }
    }

    /// Parses `xml` and returns its root element.
    pub fn parse(xml: &str) -> Element {
        let mut reader = Reader::from_str(xml);
        let mut stack = vec![Element::default()];
        loop {
            let event = reader.read_event().unwrap_or_else(|e| {
                panic!("not well-formed at byte {}: {e}", reader.error_position())
            });
            match event {
                Event::Start(e) => stack.push(element(&e)),
                Event::Empty(e) => {
                    let el = element(&e);
                    stack.last_mut().unwrap().children.push(Node::Element(el));
                }
                Event::End(_) => {
                    let el = stack.pop().unwrap();
                    let parent = stack.last_mut().expect("end tag without a start");
                    parent.children.push(Node::Element(el));
                }
                Event::Text(t) => {
                    let text = t.xml10_content().unwrap();
                    push_text(stack.last_mut().unwrap(), &text);
                }
                Event::CData(t) => {
                    let text = t.decode().unwrap();
                    push_text(stack.last_mut().unwrap(), &text);
                }
                Event::GeneralRef(r) => {
                    let c = match r.resolve_char_ref().unwrap() {
                        Some(c) => c,
                        None => match r.decode().unwrap().as_ref() {
                            "lt" => '<',
                            "gt" => '>',
                            "amp" => '&',
                            "quot" => '"',
                            "apos" => '\'',
                            other => panic!("undeclared entity &{other};"),
                        },
                    };
                    push_text(stack.last_mut().unwrap(), c.encode_utf8(&mut [0; 4]));
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(stack.len(), 1, "unclosed elements at the end");
        let document = stack.pop().unwrap();
        assert!(
            document.text().trim().is_empty(),
            "text outside the root element"
        );
        let mut roots = document.children.into_iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        });
        let root = roots.next().expect("no root element");
        assert!(roots.next().is_none(), "more than one root element");
        root
    }
}

fn tmx(doc: &ExportDoc, segtype: TmxSegtype) -> String {
    let mut out = Vec::new();
    write_tmx(doc, segtype, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// `(xml:lang, seg text)` of every `<tuv>` of a `<tu>`.
fn tuvs(tu: &Element) -> Vec<(String, String)> {
    tu.all("tuv")
        .into_iter()
        .map(|tuv| {
            (
                tuv.attr("xml:lang").unwrap().to_owned(),
                tuv.one("seg").text(),
            )
        })
        .collect()
}

fn props(el: &Element, kind: &str) -> Vec<String> {
    el.all("prop")
        .into_iter()
        .filter(|p| p.attr("type") == Some(kind))
        .map(|p| p.text())
        .collect()
}

fn by_tuid<'a>(body: &'a Element, tuid: &str) -> &'a Element {
    body.all("tu")
        .into_iter()
        .find(|tu| tu.attr("tuid") == Some(tuid))
        .unwrap_or_else(|| panic!("no tu {tuid}"))
}

#[test]
fn header_has_every_required_attribute() {
    let out = tmx(&sample::doc(), TmxSegtype::Paragraph);
    assert!(out.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"
    ));
    let root = xml::parse(&out);
    assert_eq!(root.name, "tmx");
    assert_eq!(root.attr("version"), Some("1.4"));
    assert_eq!(root.names(), ["header", "body"]);
    let header = root.one("header");
    let expected = [
        ("creationtool", "Tandem"),
        ("creationtoolversion", env!("CARGO_PKG_VERSION")),
        ("segtype", "paragraph"),
        ("o-tmf", "Tandem"),
        ("adminlang", "en"),
        ("srclang", "hy"),
        ("datatype", "plaintext"),
        ("creationdate", "20261127T093005Z"),
    ];
    for (name, value) in expected {
        assert_eq!(header.attr(name), Some(value), "header {name}");
    }
    assert_eq!(props(header, "x-tandem-statement"), ["7"]);
    assert_eq!(props(header, "x-tandem-revision"), ["4"]);
    assert_eq!(props(header, "x-tandem-publication"), ["2"]);
}

#[test]
fn paragraph_segtype_writes_one_tu_per_segment_with_translated_languages_only() {
    let doc = sample::doc();
    let root = xml::parse(&tmx(&doc, TmxSegtype::Paragraph));
    let body = root.one("body");
    let tuids: Vec<_> = body
        .all("tu")
        .iter()
        .map(|tu| tu.attr("tuid").unwrap())
        .collect();
    assert_eq!(tuids, ["s101", "s102", "s103", "s104", "s105"]);
    let tu = by_tuid(body, "s102");
    assert_eq!(props(tu, "x-tandem-segment"), ["102"]);
    assert!(props(tu, "x-tandem-fallback").is_empty());
    assert_eq!(
        tuvs(tu),
        [
            ("hy".to_owned(), doc.segments[1].source.clone()),
            ("en".to_owned(), doc.segments[1].targets[0].text.clone()),
            ("ru".to_owned(), doc.segments[1].targets[1].text.clone()),
        ]
    );
    // The untranslated Russian unit has no tuv at all.
    let langs: Vec<_> = tuvs(by_tuid(body, "s104"))
        .into_iter()
        .map(|t| t.0)
        .collect();
    assert_eq!(langs, ["hy", "en"]);
    let en = by_tuid(body, "s104").all("tuv")[1];
    assert_eq!(props(en, "x-tandem-state"), ["needs_work"]);
    assert_eq!(props(en, "x-tandem-version"), ["3"]);
}

#[test]
fn sentence_segtype_splits_aligned_segments_and_falls_back_otherwise() {
    let root = xml::parse(&tmx(&sample::doc(), TmxSegtype::Sentence));
    assert_eq!(root.one("header").attr("segtype"), Some("sentence"));
    let body = root.one("body");
    let tuids: Vec<_> = body
        .all("tu")
        .iter()
        .map(|tu| tu.attr("tuid").unwrap())
        .collect();
    assert_eq!(
        tuids,
        ["s101.1", "s102.1", "s102.2", "s103", "s104.1", "s105.1"]
    );
    let pair = |l: &str, t: &str| (l.to_owned(), t.to_owned());
    assert_eq!(
        tuvs(by_tuid(body, "s102.2")),
        [
            pair("hy", "Խնդրում ենք աջակցել մեզ։"),
            pair("en", "Please support us."),
            pair("ru", "Просим поддержать нас."),
        ]
    );
    let second = by_tuid(body, "s102.2");
    assert_eq!(props(second, "x-tandem-segment"), ["102"]);
    // Russian has two sentences against one: the whole quote is one tu, and says so.
    let quote = by_tuid(body, "s103");
    assert_eq!(props(quote, "x-tandem-fallback"), ["paragraph"]);
    assert_eq!(tuvs(quote)[2], pair("ru", "«Свободу не дают. Её берут»."));
    assert!(props(by_tuid(body, "s102.1"), "x-tandem-fallback").is_empty());
}

#[test]
fn notes_are_written_once_per_segment_and_escaped() {
    for segtype in [TmxSegtype::Paragraph, TmxSegtype::Sentence] {
        let out = tmx(&sample::doc(), segtype);
        assert!(out.contains("<note>anna: «Please» is too weak &lt;here&gt;</note>"));
        let root = xml::parse(&out);
        let notes: Vec<String> = root
            .one("body")
            .all("tu")
            .iter()
            .flat_map(|tu| tu.all("tuv"))
            .flat_map(|tuv| tuv.all("note"))
            .map(|n| n.text())
            .collect();
        assert_eq!(
            notes,
            [
                "anna: «Please» is too weak <here>",
                "boris: fine & approved"
            ],
            "{segtype:?}"
        );
    }
}

#[test]
fn special_and_forbidden_characters_are_escaped_or_replaced() {
    let out = tmx(&sample::doc(), TmxSegtype::Paragraph);
    assert!(out.contains("If a &lt; b &amp;&amp; c &gt; d"));
    assert!(out.contains("&lt;script&gt;"));
    assert!(!out.contains('\u{1}'));
    assert!(!out.contains('\u{FFFF}'));
    let root = xml::parse(&out);
    let tu = by_tuid(root.one("body"), "s105");
    let segs = tuvs(tu);
    assert_eq!(
        segs[1].1,
        "If a < b && c > d, say \"no\" <script>alert('x')</script>."
    );
    // The carriage return survives line-end normalisation; forbidden characters become U+FFFD.
    assert_eq!(segs[2].1, "Если a < b,\u{FFFD} то\r\nнет\u{FFFD}.");
}

#[test]
fn attribute_values_are_escaped() {
    let mut out = Vec::new();
    write_escaped(&mut out, "a\"b'c<d>&e\tf\ng\u{0}h\u{FFFE}", true).unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "a&quot;b&apos;c&lt;d&gt;&amp;e&#9;f&#10;g\u{FFFD}h\u{FFFD}"
    );
    // Outside attributes quotes, tabs and line feeds stay as they are; so does U+FFFD itself
    // and other characters that begin with the byte 0xEF.
    let mut out = Vec::new();
    write_escaped(&mut out, "\"'\t\n\u{FFFD}\u{FFEE}\u{F000}", false).unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "\"'\t\n\u{FFFD}\u{FFEE}\u{F000}"
    );
}

#[test]
fn ranges_that_do_not_fit_the_text_fall_back_to_the_paragraph() {
    let mut doc = sample::doc();
    // The end falls inside a two-byte Cyrillic letter: not a character boundary.
    doc.segments[1].targets[1].sentences[1] = 0..3;
    let root = xml::parse(&tmx(&doc, TmxSegtype::Sentence));
    let tu = by_tuid(root.one("body"), "s102");
    assert_eq!(props(tu, "x-tandem-fallback"), ["paragraph"]);
}

#[test]
fn a_source_language_target_does_not_make_a_second_source_tuv() {
    let mut doc = sample::doc();
    doc.segments[0]
        .targets
        .push(sample::target("hy", &["Կրկնօրինակ"], UnitState::Draft));
    doc.segments[3].targets[1].lang = LanguageTag::parse("hy").unwrap();
    let root = xml::parse(&tmx(&doc, TmxSegtype::Paragraph));
    let tu = by_tuid(root.one("body"), "s101");
    let langs: Vec<_> = tuvs(tu).into_iter().map(|t| t.0).collect();
    assert_eq!(langs, ["hy", "en", "ru"]);
}

/// Element order the DTD demands, checked without xmllint: props and notes before the tuvs.
#[test]
fn element_order_follows_the_dtd() {
    for segtype in [TmxSegtype::Paragraph, TmxSegtype::Sentence] {
        let root = xml::parse(&tmx(&sample::doc(), segtype));
        for tu in root.one("body").all("tu") {
            let names = tu.names();
            let first_tuv = names.iter().position(|n| *n == "tuv").unwrap();
            assert!(names[..first_tuv]
                .iter()
                .all(|n| *n == "prop" || *n == "note"));
            assert!(names[first_tuv..].iter().all(|n| *n == "tuv"));
            for tuv in tu.all("tuv") {
                assert_eq!(tuv.names().last(), Some(&"seg"));
                assert_eq!(tuv.all("seg").len(), 1);
            }
        }
    }
}
