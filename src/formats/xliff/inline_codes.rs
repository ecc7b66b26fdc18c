//! Rules for inline codes and annotations: their attributes, deletion and reordering constraints.

use super::rules::{fail, Ctx};
use super::{values, XliffError, XLIFF2_NS};
use crate::formats::xml::{Element, XML_NS};
use std::collections::{HashMap, HashSet};

/// One inline element met on a side (all sources, or all targets, of a unit).
pub(super) struct Item<'a> {
    pub(super) el: &'a Element,
    /// Index of the segment/ignorable holding it.
    pub(super) part: usize,
    /// `s` start, `e` end, `p` standalone (for ordering checks).
    pub(super) kind: char,
}

#[derive(Default)]
pub(super) struct Side<'a> {
    pub(super) items: Vec<Item<'a>>,
}

#[allow(clippy::too_many_arguments)]
pub(super) fn check_code_attrs(
    el: &Element,
    ids: &HashMap<&str, &Element>,
    source_ids: Option<&HashMap<&str, &Element>>,
    data_ids: &HashSet<&str>,
    note_ids: &HashSet<&str>,
    ctx: &Ctx<'_>,
    unit: &Element,
    path: &str,
) -> Result<(), XliffError> {
    for a in ["dataRef", "dataRefStart", "dataRefEnd"] {
        if let Some(r) = el.attr(a) {
            if !data_ids.contains(r) {
                return fail(
                    "core.inline.dataRef",
                    format!("{a}={r:?} names no <data> of the unit"),
                    path,
                );
            }
        }
    }
    if let Some(c) = el.attr("copyOf") {
        if el.attr("dataRef").is_some() || el.attr("dataRefStart").is_some() {
            return fail(
                "core.inline.copyOf_with_data",
                "copyOf cannot be used with original data",
                path,
            );
        }
        let base = ids
            .get(c)
            .or_else(|| source_ids.and_then(|m| m.get(c)))
            .copied();
        match base {
            None => {
                return fail(
                    "core.inline.copyOf",
                    format!("copyOf={c:?} names no code of the unit"),
                    path,
                )
            }
            Some(b) if b.attr("canCopy") == Some("no") => {
                return fail(
                    "core.inline.copyOf_canCopy",
                    format!("code {c:?} cannot be copied"),
                    path,
                )
            }
            _ => {}
        }
    }
    for a in ["canCopy", "canDelete", "canOverlap"] {
        if let Some(v) = el.attr(a) {
            if !values::is_yes_no(v) {
                return fail(
                    "core.attribute.yes_no",
                    format!("{a} must be yes or no"),
                    path,
                );
            }
        }
    }
    if let Some(v) = el.attr("canReorder") {
        if !matches!(v, "yes" | "no" | "firstNo") {
            return fail(
                "core.inline.canReorder",
                "canReorder must be yes, no or firstNo",
                path,
            );
        }
        if v != "yes" && (el.attr("canCopy") != Some("no") || el.attr("canDelete") != Some("no")) {
            return fail(
                "core.inline.canReorder_context",
                "canReorder no/firstNo requires canCopy=no and canDelete=no",
                path,
            );
        }
    }
    for a in ["subFlows", "subFlowsStart", "subFlowsEnd"] {
        if let Some(v) = el.attr(a) {
            for u in v.split([' ', '\t', '\n', '\r']).filter(|s| !s.is_empty()) {
                if !values::is_nmtoken(u) || !ctx.unit_ids.contains(u) {
                    return fail(
                        "core.inline.subFlows",
                        format!("{a} names {u:?}, which is not a unit of the file"),
                        path,
                    );
                }
            }
        }
    }
    if matches!(el.name.as_str(), "ph" | "pc" | "sc" | "ec") {
        let ty = el.attr("type");
        if let Some(t) = ty {
            if !matches!(t, "fmt" | "ui" | "quote" | "link" | "image" | "other") {
                return fail(
                    "core.inline.type",
                    format!("type {t:?} is not a code type"),
                    path,
                );
            }
        }
        if let Some(st) = el.attr("subType") {
            let Some(t) = ty else {
                return fail(
                    "core.inline.subType_without_type",
                    "subType requires type",
                    path,
                );
            };
            if !values::is_user_defined(st) {
                return fail(
                    "core.inline.subType",
                    format!("subType {st:?} must be prefix:value"),
                    path,
                );
            }
            if let Some(v) = st.strip_prefix("xlf:") {
                let want = match v {
                    "lb" | "pb" | "b" | "i" | "u" => "fmt",
                    "var" => "ui",
                    _ => {
                        return fail(
                            "core.inline.subType",
                            format!("unknown xlf: subType {st:?}"),
                            path,
                        )
                    }
                };
                if t != want {
                    return fail(
                        "core.inline.subType",
                        format!("subType {st:?} requires type {want:?}"),
                        path,
                    );
                }
            }
        }
    }
    if matches!(el.name.as_str(), "mrk" | "sm") {
        check_marker(el, note_ids, ctx, unit, path)?;
    }
    Ok(())
}

pub(super) fn check_marker(
    el: &Element,
    note_ids: &HashSet<&str>,
    ctx: &Ctx<'_>,
    unit: &Element,
    path: &str,
) -> Result<(), XliffError> {
    let ty = el.attr("type").unwrap_or("generic");
    if !matches!(ty, "generic" | "comment" | "term") && !values::is_user_defined(ty) {
        return fail(
            "core.mrk.type",
            format!("type {ty:?} is not generic, comment, term or prefix:value"),
            path,
        );
    }
    let r = el.attr("ref");
    if let Some(r) = r {
        if let Some((_, frag)) = r.split_once('#') {
            if let Err(e) = values::parse_fragment(frag) {
                return fail("core.fragment.syntax", format!("ref {r:?}: {e}"), path);
            }
        }
    }
    if ty == "comment" {
        match (el.attr("value"), r) {
            (Some(_), Some(_)) => {
                return fail(
                    "core.mrk.comment_value_and_ref",
                    "a comment has value or ref, not both",
                    path,
                )
            }
            (None, None) => {
                return fail(
                    "core.mrk.comment_empty",
                    "a comment needs value or ref",
                    path,
                )
            }
            (None, Some(r)) => {
                let ok = r.split_once('#').is_some_and(|(doc, frag)| {
                    doc.is_empty()
                        && values::parse_fragment(frag).is_ok_and(|(_, parts)| {
                            let leaf = parts.last();
                            leaf.is_some_and(|l| {
                                l.prefix.as_deref() == Some("n") && note_ids.contains(l.id.as_str())
                            }) && parts.iter().all(|p| match p.prefix.as_deref() {
                                Some("f") => p.id == ctx.file_id,
                                Some("u") => unit.attr("id") == Some(p.id.as_str()),
                                Some("n") => true,
                                _ => false,
                            }) && (parts.len() == 1
                                || parts.iter().any(|p| p.prefix.as_deref() == Some("u")))
                        })
                });
                if !ok && r.starts_with('#') {
                    return fail(
                        "core.mrk.comment_ref",
                        format!("comment ref {r:?} is not a note of this unit"),
                        path,
                    );
                }
            }
            _ => {}
        }
    }
    if let Some(t) = el.attr("translate") {
        if !values::is_yes_no(t) {
            return fail("core.attribute.yes_no", "translate must be yes or no", path);
        }
    }
    let _ = XML_NS;
    Ok(())
}

/// Codes with canDelete="no" must be kept in the unit's targets when a segment has one.
pub(super) fn check_deletable(
    src: &Side<'_>,
    trg: &Side<'_>,
    parts: &[(&Element, &str)],
) -> Result<(), XliffError> {
    let trg_ids: HashSet<&str> = trg
        .items
        .iter()
        .filter_map(|i| i.el.attr("id").or(i.el.attr("startRef")))
        .collect();
    for it in &src.items {
        if it.el.attr("canDelete") != Some("no") {
            continue;
        }
        let (part, ppath) = parts[it.part];
        if !part.elements().any(|e| e.is(XLIFF2_NS, "target")) {
            continue;
        }
        let id = it
            .el
            .attr("id")
            .or(it.el.attr("startRef"))
            .unwrap_or_default();
        if !trg_ids.contains(id) {
            return fail(
                "core.inline.canDelete",
                format!("code {id:?} cannot be deleted but is missing from the target"),
                ppath,
            );
        }
    }
    Ok(())
}

/// A run of non-reorderable codes starts with firstNo and must appear unchanged in the target.
///
/// Linear in the number of codes: target positions are indexed by key, and each run is
/// compared only at the target positions of its first code.
pub(super) fn check_reorder(src: &Side<'_>, trg: &Side<'_>, path: &str) -> Result<(), XliffError> {
    fn key<'a>(i: &Item<'a>) -> (&'a str, char) {
        (
            i.el.attr("id")
                .or(i.el.attr("startRef"))
                .unwrap_or_default(),
            i.kind,
        )
    }
    let codes: Vec<&Item<'_>> = src.items.iter().filter(|i| i.kind != 'm').collect();
    let tcodes: Vec<(&str, char)> = trg
        .items
        .iter()
        .filter(|i| i.kind != 'm')
        .map(key)
        .collect();
    let mut runs: Vec<Vec<(&str, char)>> = Vec::new();
    for (n, it) in codes.iter().enumerate() {
        let cr = it.el.attr("canReorder").unwrap_or("yes");
        match cr {
            "firstNo" => runs.push(vec![key(it)]),
            "no" => {
                let prev_ok = n > 0
                    && codes[n - 1]
                        .el
                        .attr("canReorder")
                        .is_some_and(|v| v != "yes");
                match runs.last_mut() {
                    Some(run) if prev_ok => run.push(key(it)),
                    _ => {
                        return fail(
                            "core.inline.canReorder_first",
                            "a non-reorderable sequence must start with canReorder=firstNo",
                            path,
                        )
                    }
                }
            }
            _ => {}
        }
    }
    if tcodes.is_empty() {
        return Ok(());
    }
    let mut positions: HashMap<(&str, char), Vec<usize>> = HashMap::new();
    for (p, k) in tcodes.iter().enumerate() {
        positions.entry(*k).or_default().push(p);
    }
    for run in runs {
        if !run.iter().all(|k| positions.contains_key(k)) {
            continue;
        }
        let starts = run
            .first()
            .and_then(|k| positions.get(k))
            .map_or(&[][..], Vec::as_slice);
        let found = starts
            .iter()
            .any(|&p| tcodes.get(p..p + run.len()) == Some(run.as_slice()));
        if !found {
            return fail(
                "core.inline.reordered",
                "a non-reorderable sequence of codes was reordered in the target",
                path,
            );
        }
    }
    Ok(())
}
