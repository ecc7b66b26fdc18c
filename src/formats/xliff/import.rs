//! Reading XLIFF 2.x (validated) and XLIFF 1.2 (lenient) files into units for import.

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
    collect_2(root, &mut units);
    Ok(ImportedFile {
        version: root.attr("version").unwrap_or("2.0").to_owned(),
        source_lang: root.attr("srcLang").unwrap_or_default().to_owned(),
        target_lang: root.attr("trgLang").map(str::to_owned),
        units,
    })
}

fn collect_2(el: &Element, units: &mut Vec<ImportedUnit>) {
    for c in el.elements().filter(|c| c.ns == XLIFF2_NS) {
        if c.name != "unit" {
            collect_2(c, units);
            continue;
        }
        let (mut source, mut targets, mut state) = (String::new(), Vec::new(), None);
        for (position, p) in c
            .elements()
            .filter(|p| p.ns == XLIFF2_NS && matches!(p.name.as_str(), "segment" | "ignorable"))
            .enumerate()
        {
            if p.name == "segment" && state.is_none() {
                state = p.attr("state").map(str::to_owned);
            }
            for s in p.elements() {
                match s.name.as_str() {
                    "source" => text_of(s, &mut source),
                    "target" => {
                        // A translator may reorder the sentences of a paragraph: `order` says
                        // where this target is shown (validated unique), else its own place.
                        let shown_at = s
                            .attr("order")
                            .and_then(|o| o.parse::<usize>().ok())
                            .unwrap_or(position + 1);
                        let mut text = String::new();
                        text_of(s, &mut text);
                        targets.push((shown_at, text));
                    }
                    _ => {}
                }
            }
        }
        targets.sort_by_key(|(shown_at, _)| *shown_at);
        let has_target = !targets.is_empty();
        let target: String = targets.into_iter().map(|(_, text)| text).collect();
        units.push(ImportedUnit {
            id: c.attr("id").unwrap_or_default().to_owned(),
            source,
            target: has_target.then_some(target),
            state: if has_target {
                state.or(Some("initial".into()))
            } else {
                state
            },
            version: c.attr_ns(TANDEM_NS, "version").and_then(|v| v.parse().ok()),
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
    let mut units = Vec::new();
    fn walk(el: &Element, units: &mut Vec<ImportedUnit>) -> Result<(), XliffError> {
        for c in el.elements() {
            if c.name == "trans-unit" {
                let Some(id) = c.attr("id") else {
                    return fail(
                        "xliff12.trans_unit.id",
                        "<trans-unit> needs id",
                        "/xliff/file/body/trans-unit",
                    );
                };
                let mut source = String::new();
                let Some(s) = c.elements().find(|e| e.name == "source") else {
                    return fail(
                        "xliff12.trans_unit.source",
                        "<trans-unit> needs <source>",
                        "/xliff/file/body/trans-unit",
                    );
                };
                text_of(s, &mut source);
                let t = c.elements().find(|e| e.name == "target");
                units.push(ImportedUnit {
                    id: id.to_owned(),
                    source,
                    target: t.map(|t| {
                        let mut s = String::new();
                        text_of(t, &mut s);
                        s
                    }),
                    state: t.and_then(|t| t.attr("state")).map(str::to_owned),
                    version: None,
                });
            } else {
                walk(c, units)?;
            }
        }
        Ok(())
    }
    walk(file, &mut units)?;
    Ok(ImportedFile {
        version: "1.2".into(),
        source_lang: src.to_owned(),
        target_lang: file.attr("target-language").map(str::to_owned),
        units,
    })
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
