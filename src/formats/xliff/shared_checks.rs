//! Checks that elements of every kind share: their attributes (core, `xml:`, extensions and
//! the modules' attributes) and their notes.

use std::collections::HashSet;

use super::rules::{child_path, fail, no_text, Foreign};
use super::{modules, values, XliffError, XLIFF2_NS};
use crate::formats::xml::{Element, XML_NS};

/// Checks unqualified attributes against `allowed`, requires `required`, and foreign
/// attributes against `foreign`; `xml_attrs` lists the accepted `xml:` attributes.
pub(super) fn check_attrs(
    el: &Element,
    allowed: &[&str],
    required: &[&str],
    xml_attrs: &[&str],
    foreign: Foreign,
    path: &str,
) -> Result<(), XliffError> {
    for a in &el.attrs {
        if a.ns.is_empty() {
            if !allowed.contains(&a.name.as_str()) {
                return fail(
                    "core.attribute.not_allowed",
                    format!("attribute {} is not allowed on <{}>", a.name, el.name),
                    path,
                );
            }
        } else if a.ns == XML_NS {
            if foreign != Foreign::Any && !xml_attrs.contains(&a.name.as_str()) {
                return fail(
                    "core.attribute.not_allowed",
                    format!("attribute xml:{} is not allowed on <{}>", a.name, el.name),
                    path,
                );
            }
        } else if a.ns == XLIFF2_NS {
            return fail(
                "core.attribute.not_allowed",
                format!("attribute {} in the XLIFF namespace is not allowed", a.name),
                path,
            );
        } else {
            let module = modules::is_module_attr_ns(&a.ns);
            let ok = match foreign {
                Foreign::Any => true,
                Foreign::Modules => module,
                Foreign::None => false,
            };
            if !ok {
                return fail(
                    "core.extension.attribute_not_allowed",
                    format!(
                        "extension attribute {{{}}}{} is not allowed on <{}>",
                        a.ns, a.name, el.name
                    ),
                    path,
                );
            }
        }
    }
    for r in required {
        if el.attr(r).is_none() {
            return fail(
                "core.attribute.required",
                format!("<{}> requires the {r} attribute", el.name),
                path,
            );
        }
    }
    if let Some(space) = el.attr_ns(XML_NS, "space") {
        if !matches!(space, "default" | "preserve") {
            return fail(
                "core.xml_space.value",
                format!("invalid xml:space {space:?}"),
                path,
            );
        }
    }
    if let Some(lang) = el.attr_ns(XML_NS, "lang") {
        if !lang.is_empty() && !values::is_lang_tag(lang) {
            return fail(
                "core.xml_lang.invalid",
                format!("invalid xml:lang {lang:?}"),
                path,
            );
        }
    }
    for name in ["canResegment", "translate"] {
        if let Some(v) = el.attr(name) {
            if !values::is_yes_no(v) {
                return fail(
                    "core.attribute.yes_no",
                    format!("{name} must be yes or no, not {v:?}"),
                    path,
                );
            }
        }
    }
    for name in ["srcDir", "trgDir", "dir"] {
        if let Some(v) = el.attr(name) {
            if !matches!(v, "ltr" | "rtl" | "auto") {
                return fail(
                    "core.attribute.dir",
                    format!("{name} must be ltr, rtl or auto"),
                    path,
                );
            }
        }
    }
    if let Some(id) = el.attr("id") {
        if !values::is_nmtoken(id) {
            return fail(
                "core.id.nmtoken",
                format!("id {id:?} is not an NMTOKEN"),
                path,
            );
        }
    }
    modules::check_module_attrs(el, path)
}

/// Checks a `<notes>` element; returns nothing, ids are checked for uniqueness here.
pub(super) fn check_notes(el: &Element, path: &str) -> Result<(), XliffError> {
    check_attrs(el, &[], &[], &[], Foreign::None, path)?;
    no_text(el, path)?;
    let mut ids = HashSet::new();
    let mut count = 0;
    for n in el.elements() {
        let npath = child_path(path, n);
        if !n.is(XLIFF2_NS, "note") {
            return fail(
                "core.notes.content",
                format!("<{}> is not allowed in <notes>", n.name),
                &npath,
            );
        }
        count += 1;
        check_attrs(
            n,
            &["id", "appliesTo", "category", "priority"],
            &[],
            &[],
            Foreign::Any,
            &npath,
        )?;
        if n.elements().next().is_some() {
            return fail("core.note.content", "<note> holds text only", &npath);
        }
        if let Some(id) = n.attr("id") {
            if !ids.insert(id) {
                return fail(
                    "core.note.id_unique",
                    format!("note id {id:?} is used twice"),
                    &npath,
                );
            }
        }
        if let Some(a) = n.attr("appliesTo") {
            if !matches!(a, "source" | "target") {
                return fail(
                    "core.note.appliesTo",
                    format!("appliesTo {a:?} must be source or target"),
                    &npath,
                );
            }
        }
        if let Some(p) = n.attr("priority") {
            if !matches!(p.parse::<u8>(), Ok(1..=10)) {
                return fail(
                    "core.note.priority",
                    format!("priority {p:?} must be 1 to 10"),
                    &npath,
                );
            }
        }
    }
    if count == 0 {
        return fail(
            "core.notes.note_missing",
            "<notes> needs at least one <note>",
            path,
        );
    }
    Ok(())
}
