//! Reading XLIFF 2.x (validated) and XLIFF 1.2 (lenient) files into units for import.

use super::join;
use super::rules::fail;
use super::validate::validate_tree;
use super::{ImportedFile, ImportedUnit, XliffError, TANDEM_NS, XLIFF12_NS, XLIFF2_NS};
use crate::formats::xml::{Element, Node};

/// Text of an element: text nodes and inline content, `cp` as its character.
fn text_of(el: &Element, out: &mut String) {
    for n in &el.children {
        match n {
            Node::Text(t) => out.push_str(t),
            Node::Element(c) if c.name == "cp" => {
                if let Some(ch) = c
                    .attr("hex")
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .and_then(char::from_u32)
                {
                    out.push(ch);
                }
            }
            Node::Element(c) => text_of(c, out),
        }
    }
}

pub(super) fn read(root: &Element) -> Result<ImportedFile, XliffError> {
    if root.is(XLIFF12_NS, "xliff") || (root.name == "xliff" && root.attr("version") == Some("1.2"))
    {
        return read_12(root);
    }
    validate_tree(root)?;
    let mut units = Vec::new();
    let langs = Langs {
        source: root.attr("srcLang").unwrap_or_default(),
        target: root.attr("trgLang").unwrap_or_default(),
    };
    collect_2(root, &langs, &mut units);
    Ok(ImportedFile {
        version: root.attr("version").unwrap_or("2.0").to_owned(),
        source_lang: langs.source.to_owned(),
        target_lang: root.attr("trgLang").map(str::to_owned),
        units,
    })
}

/// The file's languages, whose rules join sentences a file gives back to back.
struct Langs<'a> {
    source: &'a str,
    target: &'a str,
}

/// One piece of a paragraph's target, in the order it is shown.
struct Shown {
    at: usize,
    text: String,
    /// A sentence (`segment`) rather than what lies between sentences (`ignorable`).
    sentence: bool,
}

fn collect_2(el: &Element, langs: &Langs<'_>, units: &mut Vec<ImportedUnit>) {
    for c in el.elements().filter(|c| c.ns == XLIFF2_NS) {
        if c.name != "unit" {
            collect_2(c, langs, units);
            continue;
        }
        let (mut source, mut shown, mut state) = (String::new(), Vec::new(), None);
        let mut any_target = false;
        let mut after_sentence = false;
        for (position, p) in c
            .elements()
            .filter(|p| p.ns == XLIFF2_NS && matches!(p.name.as_str(), "segment" | "ignorable"))
            .enumerate()
        {
            let sentence = p.name == "segment";
            if sentence && state.is_none() {
                state = p.attr("state").map(str::to_owned);
            }
            let mut part_source = String::new();
            if let Some(s) = p.elements().find(|s| s.name == "source") {
                text_of(s, &mut part_source);
            }
            // Two sentences back to back, with no ignorable between them.
            if sentence && after_sentence {
                join::push_sentence(&mut source, &part_source, join::separator(langs.source));
            } else {
                source.push_str(&part_source);
            }
            after_sentence = sentence;
            let target = p.elements().find(|s| s.name == "target");
            any_target |= target.is_some();
            // A translator may reorder the sentences of a paragraph: `order` says where this
            // target is shown (validated unique), else its own place.
            let at = target
                .and_then(|t| t.attr("order"))
                .and_then(|o| o.parse::<usize>().ok())
                .unwrap_or(position + 1);
            let text = match target {
                Some(t) => {
                    let mut text = String::new();
                    text_of(t, &mut text);
                    text
                }
                // An ignorable without a target stands for itself in the target (XLIFF 2.1,
                // 4.2.2.5): CAT tools fill in the segments and leave the white space between.
                None if !sentence => part_source,
                None => String::new(),
            };
            shown.push(Shown { at, text, sentence });
        }
        shown.sort_by_key(|s| s.at);
        let mut target = String::new();
        let mut after_sentence = false;
        for piece in &shown {
            if piece.sentence && after_sentence {
                join::push_sentence(&mut target, &piece.text, join::separator(langs.target));
            } else {
                target.push_str(&piece.text);
            }
            after_sentence = piece.sentence;
        }
        let notes = c
            .elements()
            .filter(|n| n.name == "notes")
            .flat_map(|n| n.elements().filter(|n| n.name == "note"))
            .map(|n| {
                let mut text = String::new();
                text_of(n, &mut text);
                text
            })
            .collect();
        units.push(ImportedUnit {
            id: c.attr("id").unwrap_or_default().to_owned(),
            source,
            target: any_target.then_some(target),
            state: if any_target {
                state.or(Some("initial".into()))
            } else {
                state
            },
            version: c.attr_ns(TANDEM_NS, "version").and_then(|v| v.parse().ok()),
            notes,
        });
    }
}

fn read_12(root: &Element) -> Result<ImportedFile, XliffError> {
    let file = root.elements().find(|c| c.name == "file");
    let Some(file) = file else {
        return fail(
            "xliff12.file_missing",
            "XLIFF 1.2 document without <file>",
            "/xliff",
        );
    };
    let Some(src) = file.attr("source-language") else {
        return fail(
            "xliff12.source_language",
            "<file> needs source-language",
            "/xliff/file",
        );
    };
    let target_lang = file.attr("target-language");
    let mut units = Vec::new();
    walk_12(file, target_lang.unwrap_or_default(), &mut units)?;
    Ok(ImportedFile {
        version: "1.2".into(),
        source_lang: src.to_owned(),
        target_lang: target_lang.map(str::to_owned),
        units,
    })
}

fn walk_12(el: &Element, lang: &str, units: &mut Vec<ImportedUnit>) -> Result<(), XliffError> {
    for c in el.elements() {
        if c.name == "trans-unit" {
            units.push(trans_unit(c, lang)?);
        } else {
            walk_12(c, lang, units)?;
        }
    }
    Ok(())
}

/// One `<trans-unit>` (a paragraph); `lang` is the target language.
fn trans_unit(c: &Element, lang: &str) -> Result<ImportedUnit, XliffError> {
    let Some(id) = c.attr("id") else {
        return fail(
            "xliff12.trans_unit.id",
            "<trans-unit> needs id",
            "/xliff/file/body/trans-unit",
        );
    };
    let Some(s) = c.elements().find(|e| e.name == "source") else {
        return fail(
            "xliff12.trans_unit.source",
            "<trans-unit> needs <source>",
            "/xliff/file/body/trans-unit",
        );
    };
    let mut source = String::new();
    text_of(s, &mut source);
    let seg_source = c.elements().find(|e| e.name == "seg-source");
    let t = c.elements().find(|e| e.name == "target");
    let state = t.and_then(|t| t.attr("state")).map(str::to_owned);
    let target = t
        .map(|t| target_12(t, seg_source, lang))
        // A target that only repeats the source, marked as not translated yet, is the source
        // copied in for tools that translate in place (our export writes it `new`; after
        // translate-toolkit's PO round trip it is `needs-translation`): not a translation.
        .filter(|text| {
            let untranslated = matches!(state.as_deref(), Some("new" | "needs-translation"));
            !(untranslated && *text == source)
        });
    let version = c
        .elements()
        .filter(|g| g.name == "context-group")
        .flat_map(Element::elements)
        .find(|x| x.name == "context" && x.attr("context-type") == Some(VERSION_CONTEXT))
        .and_then(|x| {
            let mut v = String::new();
            text_of(x, &mut v);
            v.trim().parse().ok()
        });
    let notes = c
        .elements()
        .filter(|n| n.name == "note")
        .map(|n| {
            let mut text = String::new();
            text_of(n, &mut text);
            text
        })
        .collect();
    Ok(ImportedUnit {
        id: id.to_owned(),
        source,
        state: target.as_ref().and(state),
        target,
        version,
        notes,
    })
}

/// The `context-type` our XLIFF 1.2 export carries a unit's version in.
pub(super) const VERSION_CONTEXT: &str = "x-tandem-version";

/// Whether `el` is a sentence marker (`<mrk mtype="seg">`).
fn is_seg_mrk(el: &Element) -> bool {
    el.name == "mrk" && el.attr("mtype") == Some("seg")
}

/// A 1.2 target's text. Sentences in `<mrk mtype="seg">` that a tool wrote back to back get what
/// stood between them in `<seg-source>` (the language's separator where that was white space).
fn target_12(target: &Element, seg_source: Option<&Element>, lang: &str) -> String {
    // What separated the n-th sentence from the next one in the source: was there anything?
    let source_gaps: Vec<bool> = seg_source
        .map(|s| {
            let mut gaps = Vec::new();
            let mut gap = None::<bool>;
            for n in &s.children {
                match n {
                    Node::Element(e) if is_seg_mrk(e) => {
                        if let Some(g) = gap {
                            gaps.push(g);
                        }
                        gap = Some(false);
                    }
                    Node::Text(t) => gap = gap.map(|g| g || !t.is_empty()),
                    Node::Element(_) => gap = gap.map(|_| true),
                }
            }
            gaps
        })
        .unwrap_or_default();
    let mut text = String::new();
    let mut sentences = 0;
    let mut gap_empty = true;
    for n in &target.children {
        match n {
            Node::Element(e) if is_seg_mrk(e) => {
                let mut sentence = String::new();
                text_of(e, &mut sentence);
                let source_had_gap = source_gaps.get(sentences.max(1) - 1).copied();
                if sentences > 0 && gap_empty && source_had_gap != Some(false) {
                    join::push_sentence(&mut text, &sentence, join::separator(lang));
                } else {
                    text.push_str(&sentence);
                }
                sentences += 1;
                gap_empty = true;
            }
            Node::Text(t) => {
                gap_empty &= t.is_empty();
                text.push_str(t);
            }
            Node::Element(e) => {
                gap_empty = false;
                text_of(e, &mut text);
            }
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::super::read_for_import;

    /// Two sentences whose translations a translator swapped, as XLIFF 2 allows with `order`.
    const REORDERED: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="hy">
 <file id="f1"><unit id="u1">
  <segment id="s1"><source>The hall opens at nine. </source><target order="2">Դահլիճը բացվում է ժամը ինըին։</target></segment>
  <segment id="s2"><source>Entry is free.</source><target order="1">Մուտքն ազատ է։ </target></segment>
 </unit></file>
</xliff>"#;

    fn read(xliff: &str) -> super::super::ImportedUnit {
        let mut file = read_for_import(xliff.as_bytes(), 1 << 20).expect("a valid file");
        file.units.remove(0)
    }

    /// Our own 2.1 export, filled in by a CAT tool that writes a `<target>` in each segment and
    /// none in the ignorable between them.
    #[test]
    fn an_ignorable_without_target_stands_for_itself() {
        let unit = read(
            r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="ru">
 <file id="f1"><unit id="s1">
  <segment id="1"><source>They came at noon.</source><target>Они пришли в полдень.</target></segment>
  <ignorable><source> </source></ignorable>
  <segment id="2"><source>They left.</source><target>Они ушли.</target></segment>
 </unit></file></xliff>"#,
        );
        assert_eq!(unit.source, "They came at noon. They left.");
        assert_eq!(
            unit.target.as_deref(),
            Some("Они пришли в полдень. Они ушли.")
        );
    }

    /// translate-toolkit writes segments back to back: the language's separator goes between.
    #[test]
    fn segments_back_to_back_get_the_language_s_separator() {
        let file = |trg: &str, t1: &str, t2: &str| {
            format!(
                r#"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="{trg}"><file id="f"><unit id="s1"><segment><source>They came at noon.</source><target>{t1}</target></segment><segment><source>They left.</source><target>{t2}</target></segment></unit></file></xliff>"#
            )
        };
        let ru = read(&file("ru", "Они пришли в полдень.", "Они ушли."));
        assert_eq!(ru.source, "They came at noon. They left.");
        assert_eq!(
            ru.target.as_deref(),
            Some("Они пришли в полдень. Они ушли.")
        );
        let hy = read(&file("hy", "Նրանք եկան կեսօրին։", "Նրանք գնացին։"));
        assert_eq!(
            hy.target.as_deref(),
            Some("Նրանք եկան կեսօրին։ Նրանք գնացին։")
        );
        let ja = read(&file("ja", "彼らは正午に来た。", "彼らは去った。"));
        assert_eq!(
            ja.target.as_deref(),
            Some("彼らは正午に来た。彼らは去った。")
        );
    }

    /// XLIFF 1.2 sentences in `<mrk mtype="seg">`: a tool that writes the target's sentences
    /// back to back gets the separator where the source had white space, and none where it had
    /// none; without `<seg-source>` the language decides.
    #[test]
    fn xliff_12_marked_sentences_keep_their_boundaries() {
        let file = |seg_source: &str, target: &str| {
            format!(
                r#"<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" source-language="en" target-language="ru" datatype="plaintext"><body>
<trans-unit id="s1"><source>They came at noon. They left.</source>{seg_source}<target state="translated">{target}</target></trans-unit></body></file></xliff>"#
            )
        };
        let glued = r#"<mrk mtype="seg" mid="1">Они пришли в полдень.</mrk><mrk mtype="seg" mid="2">Они ушли.</mrk>"#;
        let seg_source = r#"<seg-source><mrk mtype="seg" mid="1">They came at noon.</mrk> <mrk mtype="seg" mid="2">They left.</mrk></seg-source>"#;
        let joined = Some("Они пришли в полдень. Они ушли.");
        assert_eq!(read(&file(seg_source, glued)).target.as_deref(), joined);
        assert_eq!(read(&file("", glued)).target.as_deref(), joined);
        let spaced = glued.replace("</mrk><mrk", "</mrk>  <mrk");
        assert_eq!(
            read(&file(seg_source, &spaced)).target.as_deref(),
            Some("Они пришли в полдень.  Они ушли.")
        );
        let unspaced_source = seg_source.replace("</mrk> <mrk", "</mrk><mrk");
        assert_eq!(
            read(&file(&unspaced_source, glued)).target.as_deref(),
            Some("Они пришли в полдень.Они ушли.")
        );
        let unit = read(&file(seg_source, glued));
        assert_eq!(unit.state.as_deref(), Some("translated"));
    }

    /// The source copied into `<target state="new">` for tools that translate in place is no
    /// translation; once a tool has changed it, it is one.
    #[test]
    fn a_copied_source_marked_new_is_no_target() {
        let file = |target: &str| {
            format!(
                r#"<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" source-language="en" target-language="hy" datatype="plaintext"><body>
<trans-unit id="s1"><source>Thank you.</source><target state="new">{target}</target></trans-unit></body></file></xliff>"#
            )
        };
        let copied = read(&file("Thank you."));
        assert_eq!((copied.target, copied.state), (None, None));
        let done = read(&file("Շնորհակալություն։"));
        assert_eq!(done.target.as_deref(), Some("Շնորհակալություն։"));
        assert_eq!(done.state.as_deref(), Some("new"));
    }

    #[test]
    fn targets_are_read_in_the_order_they_are_shown() {
        let file = read_for_import(REORDERED.as_bytes(), 1 << 20).expect("a valid file");
        assert_eq!(
            file.units[0].source,
            "The hall opens at nine. Entry is free."
        );
        assert_eq!(
            file.units[0].target.as_deref(),
            Some("Մուտքն ազատ է։ Դահլիճը բացվում է ժամը ինըին։")
        );
    }
}
