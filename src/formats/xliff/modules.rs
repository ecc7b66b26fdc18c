//! Module rules (fs, slr, mtc, gls, mda, res, ctr, val) and extension element checks.

use std::collections::HashSet;

use super::rules::{child_path, fail, Ctx};
use super::{values, XliffError, XLIFF2_NS};
use crate::formats::xml::{Element, XML_NS};

pub const FS_NS: &str = "urn:oasis:names:tc:xliff:fs:2.0";
pub const SLR_NS: &str = "urn:oasis:names:tc:xliff:sizerestriction:2.0";
pub const ITS_NS: &str = "http://www.w3.org/2005/11/its";
pub const ITSM_NS: &str = "urn:oasis:names:tc:xliff:itsm:2.1";
pub const MTC_NS: &str = "urn:oasis:names:tc:xliff:matches:2.0";
pub const GLS_NS: &str = "urn:oasis:names:tc:xliff:glossary:2.0";
pub const MDA_NS: &str = "urn:oasis:names:tc:xliff:metadata:2.0";
pub const RES_NS: &str = "urn:oasis:names:tc:xliff:resourcedata:2.0";
pub const CTR_NS: &str = "urn:oasis:names:tc:xliff:changetracking:2.0";
pub const VAL_NS: &str = "urn:oasis:names:tc:xliff:validation:2.0";

const MODULE_NS: [&str; 10] = [
    FS_NS, SLR_NS, ITS_NS, ITSM_NS, MTC_NS, GLS_NS, MDA_NS, RES_NS, CTR_NS, VAL_NS,
];

const FS_VALUES: [&str; 62] = [
    "a",
    "b",
    "bdo",
    "big",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "div",
    "dl",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "html",
    "i",
    "img",
    "label",
    "legend",
    "li",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "select",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "tt",
    "u",
    "ul",
    "abbr",
    "acronym",
    "ins",
    "kbd",
];

/// Attribute namespaces that inline codes accept.
pub fn is_module_attr_ns(ns: &str) -> bool {
    matches!(ns, FS_NS | SLR_NS | ITS_NS | ITSM_NS)
}

/// The fs and slr attributes an element carries.
pub fn check_module_attrs(el: &Element, path: &str) -> Result<(), XliffError> {
    let isolated_ec_only =
        el.ns == XLIFF2_NS && el.name == "ec" && el.attr("isolated") != Some("yes");
    for a in &el.attrs {
        if a.ns == FS_NS {
            if isolated_ec_only {
                return fail(
                    "module.fs.ec_not_isolated",
                    "fs attributes on <ec> need isolated=\"yes\"",
                    path,
                );
            }
            match a.name.as_str() {
                "fs" => {
                    if !FS_VALUES.contains(&a.value.as_str()) {
                        return fail(
                            "module.fs.fs_value",
                            format!("fs:fs {:?} is not an allowed HTML element", a.value),
                            path,
                        );
                    }
                }
                "subFs" => {
                    if el.attr_ns(FS_NS, "fs").is_none() {
                        return fail(
                            "module.fs.subFs_without_fs",
                            "fs:subFs requires fs:fs",
                            path,
                        );
                    }
                }
                other => {
                    return fail(
                        "module.fs.attribute",
                        format!("fs:{other} is not an fs attribute"),
                        path,
                    )
                }
            }
        } else if a.ns == SLR_NS {
            if isolated_ec_only {
                return fail(
                    "module.slr.ec_not_isolated",
                    "slr attributes on <ec> need isolated=\"yes\"",
                    path,
                );
            }
            let v = a.value.as_str();
            match a.name.as_str() {
                "sizeRestriction" | "storageRestriction" => {
                    let ok = v == "*"
                        || values::is_uint(v)
                        || v.split_once(',').is_some_and(|(x, y)| {
                            values::is_uint(x) && (y == "*" || values::is_uint(y))
                        });
                    if !ok {
                        // One code per attribute, so the error says which rule was broken.
                        let code = if a.name == "sizeRestriction" {
                            "module.slr.sizeRestriction"
                        } else {
                            "module.slr.storageRestriction"
                        };
                        return fail(
                            code,
                            format!("slr:{} {v:?} is not a valid restriction", a.name),
                            path,
                        );
                    }
                }
                "equivStorage" | "sizeInfo" => {
                    // The suite's core files use free text in sizeInfo; numbers must be integers.
                    let numeric = a.name == "equivStorage" || v.parse::<f64>().is_ok();
                    if numeric && !values::is_uint(v) {
                        return fail(
                            "module.slr.integer",
                            format!("slr:{} {v:?} is not an integer", a.name),
                            path,
                        );
                    }
                }
                "sizeInfoRef" => {}
                other => {
                    return fail(
                        "module.slr.attribute",
                        format!("slr:{other} is not an slr attribute"),
                        path,
                    )
                }
            }
        }
    }
    if el.attr_ns(SLR_NS, "sizeInfo").is_some() && el.attr_ns(SLR_NS, "sizeInfoRef").is_some() {
        return fail(
            "module.slr.sizeInfo_and_ref",
            "slr:sizeInfo and slr:sizeInfoRef cannot both be used",
            path,
        );
    }
    Ok(())
}

/// Ids on extension elements (not modules) must be unique within the enclosing file, group or unit.
pub fn check_extension_ids(container: &Element, path: &str) -> Result<(), XliffError> {
    fn walk<'a>(
        el: &'a Element,
        seen: &mut HashSet<&'a str>,
        path: &str,
    ) -> Result<(), XliffError> {
        for id in [el.attr("id"), el.attr_ns(XML_NS, "id")]
            .into_iter()
            .flatten()
        {
            if !seen.insert(id) {
                return fail(
                    "core.extension.id_unique",
                    format!("extension id {id:?} is used twice"),
                    path,
                );
            }
        }
        for c in el.elements() {
            walk(c, seen, path)?;
        }
        Ok(())
    }
    let mut seen = HashSet::new();
    for c in container.elements() {
        if c.ns != XLIFF2_NS && !MODULE_NS.contains(&c.ns.as_str()) {
            walk(c, &mut seen, &child_path(path, c))?;
        }
    }
    Ok(())
}

/// Text is not allowed in a module element with element-only content.
fn no_text(el: &Element, path: &str) -> Result<(), XliffError> {
    if el.has_text() {
        return fail(
            "module.content.text_not_allowed",
            format!("<{}> cannot contain text", el.name),
            path,
        );
    }
    Ok(())
}

fn known(el: &Element, names: &[&str], path: &str) -> Result<(), XliffError> {
    if !names.contains(&el.name.as_str()) {
        return fail(
            "module.element.unknown",
            format!("<{}> is not an element of its module", el.name),
            path,
        );
    }
    Ok(())
}

/// An extension or module element directly in a file, group or unit.
pub fn check_ext_element(
    el: &Element,
    parent: &str,
    ctx: &Ctx<'_>,
    path: &str,
) -> Result<(), XliffError> {
    let _ = parent;
    match el.ns.as_str() {
        MDA_NS => check_mda(el, path),
        VAL_NS => check_val(el, path),
        SLR_NS => known(el, &["profiles", "data"], path),
        RES_NS => check_res(el, ctx, path),
        _ => Ok(()),
    }
}

fn check_mda(el: &Element, path: &str) -> Result<(), XliffError> {
    known(el, &["metadata"], path)?;
    if let Some(id) = el.attr("id") {
        if !values::is_nmtoken(id) {
            return fail(
                "module.mda.id",
                format!("metadata id {id:?} is not an NMTOKEN"),
                path,
            );
        }
    }
    no_text(el, path)?;
    let mut ids = HashSet::new();
    let mut groups = 0;
    fn group<'a>(g: &'a Element, ids: &mut HashSet<&'a str>, path: &str) -> Result<(), XliffError> {
        if let Some(id) = g.attr("id") {
            if !values::is_nmtoken(id) {
                return fail(
                    "module.mda.metaGroup.id",
                    format!("metaGroup id {id:?} is not an NMTOKEN"),
                    path,
                );
            }
            if !ids.insert(id) {
                return fail(
                    "module.mda.metaGroup.id_unique",
                    format!("metaGroup id {id:?} is used twice"),
                    path,
                );
            }
        }
        if let Some(a) = g.attr("appliesTo") {
            if !matches!(a, "source" | "target" | "ignorable") {
                return fail(
                    "module.mda.appliesTo",
                    format!("appliesTo {a:?} is not source, target or ignorable"),
                    path,
                );
            }
        }
        no_text(g, path)?;
        let mut n = 0;
        for c in g.elements() {
            n += 1;
            match (c.ns == MDA_NS, c.name.as_str()) {
                (true, "metaGroup") => group(c, ids, path)?,
                (true, "meta") => {
                    if c.attr("type").is_none() {
                        return fail("module.mda.meta.type", "<meta> requires type", path);
                    }
                    if c.attrs.iter().any(|a| a.ns.is_empty() && a.name != "type") {
                        return fail(
                            "module.mda.meta.attribute",
                            "<meta> accepts only type",
                            path,
                        );
                    }
                }
                _ => {
                    return fail(
                        "module.mda.content",
                        format!("<{}> is not allowed in <metaGroup>", c.name),
                        path,
                    )
                }
            }
        }
        if n == 0 {
            return fail(
                "module.mda.metaGroup.empty",
                "<metaGroup> needs <meta> or <metaGroup>",
                path,
            );
        }
        Ok(())
    }
    for c in el.elements() {
        if !(c.ns == MDA_NS && c.name == "metaGroup") {
            return fail(
                "module.mda.metaGroup_missing",
                format!("<{}> is not allowed in <metadata>", c.name),
                path,
            );
        }
        groups += 1;
        group(c, &mut ids, path)?;
    }
    if groups == 0 {
        return fail(
            "module.mda.metaGroup_missing",
            "<metadata> needs a <metaGroup>",
            path,
        );
    }
    Ok(())
}

fn check_val(el: &Element, path: &str) -> Result<(), XliffError> {
    known(el, &["validation"], path)?;
    no_text(el, path)?;
    for r in el.elements() {
        if !(r.ns == VAL_NS && r.name == "rule") {
            return fail(
                "module.val.content",
                format!("<{}> is not allowed in <validation>", r.name),
                path,
            );
        }
        // Whether existsInSource is allowed with the rule's kind comes before whether the rule
        // has exactly one kind, as an attribute's place comes before what is required.
        if r.attr("existsInSource").is_some()
            && !["isPresent", "startsWith", "endsWith"]
                .iter()
                .any(|k| r.attr(k).is_some())
        {
            return fail(
                "module.val.rule.existsInSource",
                "existsInSource needs isPresent, startsWith or endsWith",
                path,
            );
        }
        let kinds = ["isPresent", "isNotPresent", "startsWith", "endsWith"];
        let n = kinds.iter().filter(|k| r.attr(k).is_some()).count()
            + usize::from(r.attrs.iter().any(|a| !a.ns.is_empty() && a.ns != XML_NS));
        if n != 1 {
            return fail("module.val.rule.exactly_one", "a <rule> needs exactly one of isPresent, isNotPresent, startsWith, endsWith or a custom rule", path);
        }
        for yn in ["existsInSource", "caseSensitive", "disabled"] {
            if let Some(v) = r.attr(yn) {
                if !values::is_yes_no(v) {
                    return fail(
                        "module.val.rule.yes_no",
                        format!("{yn} must be yes or no"),
                        path,
                    );
                }
            }
        }
        if let Some(v) = r.attr("normalization") {
            if !matches!(v, "none" | "nfc" | "nfd") {
                return fail(
                    "module.val.rule.normalization",
                    format!("normalization {v:?} is not none, nfc or nfd"),
                    path,
                );
            }
        }
        if let Some(v) = r.attr("occurs") {
            if !values::is_positive_int(v) {
                return fail(
                    "module.val.rule.occurs",
                    format!("occurs {v:?} is not a positive integer"),
                    path,
                );
            }
        }
    }
    Ok(())
}

fn check_res(el: &Element, ctx: &Ctx<'_>, path: &str) -> Result<(), XliffError> {
    known(el, &["resourceData"], path)?;
    let mut ids = HashSet::new();
    for item in el.elements() {
        if let Some(id) = item.attr("id") {
            if !ids.insert(id) {
                return fail(
                    "module.res.id_unique",
                    format!("resource id {id:?} is used twice"),
                    path,
                );
            }
        }
        for c in item.elements() {
            if c.ns != RES_NS {
                continue;
            }
            let lang_want = match c.name.as_str() {
                "source" => Some(ctx.src_lang),
                "target" => None,
                _ => None,
            };
            if let (Some(l), Some(want)) = (c.attr_ns(XML_NS, "lang"), lang_want) {
                if !values::same_lang(l, want) {
                    return fail(
                        "module.res.xml_lang",
                        format!("res:{} xml:lang {l:?} differs from {want:?}", c.name),
                        path,
                    );
                }
            }
            if matches!(c.name.as_str(), "source" | "target") {
                let empty = c.children.is_empty();
                if empty == c.attr("href").is_none() {
                    return fail(
                        "module.res.href",
                        format!("res:{} needs href if and only if it is empty", c.name),
                        path,
                    );
                }
            }
        }
    }
    Ok(())
}

/// Module elements inside a unit that refer to the unit's content.
pub fn check_unit_modules(
    unit: &Element,
    ctx: &Ctx<'_>,
    ids: &HashSet<&str>,
    note_ids: &HashSet<&str>,
    path: &str,
) -> Result<(), XliffError> {
    for el in unit.elements() {
        let p = child_path(path, el);
        match el.ns.as_str() {
            MTC_NS => check_mtc(el, ids, &p)?,
            GLS_NS => check_gls(el, &p)?,
            CTR_NS => check_ctr(el, unit, note_ids, &p)?,
            MDA_NS | VAL_NS | RES_NS => check_ext_element(el, "unit", ctx, &p)?,
            _ => {}
        }
    }
    Ok(())
}

fn check_mtc(el: &Element, ids: &HashSet<&str>, path: &str) -> Result<(), XliffError> {
    known(el, &["matches"], path)?;
    let mut seen = HashSet::new();
    for m in el.elements() {
        if let Some(id) = m.attr("id") {
            if !values::is_nmtoken(id) {
                return fail(
                    "module.mtc.match.id",
                    format!("match id {id:?} is not an NMTOKEN"),
                    path,
                );
            }
            if !seen.insert(id) {
                return fail(
                    "module.mtc.match.id_unique",
                    format!("match id {id:?} is used twice"),
                    path,
                );
            }
        }
        if m.attr_ns(XML_NS, "lang").is_some() {
            return fail(
                "module.mtc.match.xml_lang",
                "<match> must not have xml:lang",
                path,
            );
        }
        if m.attr("subType").is_some() && m.attr("type").is_none() {
            return fail(
                "module.mtc.match.subType_without_type",
                "subType requires type",
                path,
            );
        }
        if let Some(t) = m.attr("type") {
            if !matches!(t, "am" | "mt" | "icm" | "idm" | "tb" | "tm" | "other") {
                return fail(
                    "module.mtc.match.type",
                    format!("type {t:?} is not a match type"),
                    path,
                );
            }
        }
        let r = m.attr("ref").unwrap_or_default();
        let leaf = r
            .strip_prefix('#')
            .and_then(|f| values::parse_fragment(f).ok())
            .and_then(|(_, parts)| parts.last().cloned());
        match leaf {
            Some(l)
                if ids.contains(l.id.as_str()) && l.prefix.as_deref().is_none_or(|p| p == "t") => {}
            _ => {
                return fail(
                    "module.mtc.match.ref",
                    format!("ref {r:?} does not point into this unit"),
                    path,
                )
            }
        }
    }
    Ok(())
}

fn check_gls(el: &Element, path: &str) -> Result<(), XliffError> {
    known(el, &["glossary"], path)?;
    no_text(el, path)?;
    let mut ids = HashSet::new();
    for e in el.elements() {
        no_text(e, path)?;
        for id in std::iter::once(e)
            .chain(
                e.elements()
                    .filter(|c| c.ns == GLS_NS && c.name == "translation"),
            )
            .filter_map(|x| x.attr("id"))
        {
            if !ids.insert(id) {
                return fail(
                    "module.gls.id_unique",
                    format!("glossary id {id:?} is used twice"),
                    path,
                );
            }
        }
        if !e
            .elements()
            .any(|c| c.ns == GLS_NS && matches!(c.name.as_str(), "translation" | "definition"))
        {
            return fail(
                "module.gls.glossEntry.content",
                "<glossEntry> needs a <translation> or <definition>",
                path,
            );
        }
        for c in e.elements() {
            if c.ns != GLS_NS && MODULE_NS.contains(&c.ns.as_str()) {
                return fail(
                    "module.gls.extension",
                    format!("<{}> is not allowed in <glossEntry>", c.name),
                    path,
                );
            }
        }
    }
    Ok(())
}

fn check_ctr(
    el: &Element,
    unit: &Element,
    note_ids: &HashSet<&str>,
    path: &str,
) -> Result<(), XliffError> {
    known(el, &["changeTrack"], path)?;
    for revs in el.elements() {
        let applies = revs.attr("appliesTo").unwrap_or_default();
        let target: Option<&Element> = match revs.attr("ref") {
            Some(r) => {
                let found = find_id(unit, r);
                if found.is_none() {
                    return fail(
                        "module.ctr.revisions.ref",
                        format!("ref {r:?} names no element of the unit"),
                        path,
                    );
                }
                found
            }
            None => {
                if applies == "note" && note_ids.len() > 1 {
                    return fail(
                        "module.ctr.revisions.ref_missing",
                        "revisions of a note with an id need ref",
                        path,
                    );
                }
                None
            }
        };
        for rev in revs.elements() {
            let mut props = HashSet::new();
            for item in rev.elements() {
                let p = item.attr("property").unwrap_or_default();
                // A revision records each attribute once: a second item for it does not name
                // "the attribute relating to the revision data", the property rule.
                if !props.insert(p) {
                    return fail(
                        "module.ctr.item.property",
                        format!("property {p:?} appears twice in a revision"),
                        path,
                    );
                }
                if p != "content" {
                    if let Some(t) = target {
                        if t.attr(p).is_none() {
                            return fail(
                                "module.ctr.item.property",
                                format!("property {p:?} is not an attribute of the element"),
                                path,
                            );
                        }
                    }
                }
            }
        }
    }
    Ok(())
}

fn find_id<'a>(el: &'a Element, id: &str) -> Option<&'a Element> {
    for c in el.elements() {
        if c.ns == XLIFF2_NS && c.attr("id") == Some(id) {
            return Some(c);
        }
        if c.ns == XLIFF2_NS {
            if let Some(f) = find_id(c, id) {
                return Some(f);
            }
        }
    }
    None
}

/// Every `slr:sizeInfoRef` must name an element inside the file's `slr:data`.
pub fn check_size_refs(el: &Element, ctx: &Ctx<'_>, path: &str) -> Result<(), XliffError> {
    if let Some(r) = el.attr_ns(SLR_NS, "sizeInfoRef") {
        if !ctx.slr_ids.contains(r) {
            return fail(
                "module.slr.sizeInfoRef",
                format!("slr:sizeInfoRef {r:?} names nothing in <slr:data>"),
                path,
            );
        }
    }
    for c in el.elements() {
        check_size_refs(c, ctx, path)?;
    }
    Ok(())
}
