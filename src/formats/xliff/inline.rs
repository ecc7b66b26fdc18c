//! Unit-level rules: segments, ignorables, original data, inline codes and annotations.

use std::collections::{HashMap, HashSet};

use super::inline_codes::{check_code_attrs, check_deletable, check_reorder, Item, Side};
use super::rules::{check_order, child_path, fail, is_core, no_text, Ctx, Foreign, Scope};
use super::shared_checks::{check_attrs, check_notes};
use super::{modules, values, XliffError, XLIFF2_NS};
use crate::formats::xml::{is_xml_char, Element, Node};

const CODE_ATTRS: [&str; 11] = [
    "canCopy",
    "canDelete",
    "canReorder",
    "copyOf",
    "disp",
    "equiv",
    "id",
    "dataRef",
    "subFlows",
    "subType",
    "type",
];
const PC_ATTRS: [&str; 18] = [
    "canCopy",
    "canDelete",
    "canOverlap",
    "canReorder",
    "copyOf",
    "dispEnd",
    "dispStart",
    "equivEnd",
    "equivStart",
    "id",
    "dataRefEnd",
    "dataRefStart",
    "subFlowsEnd",
    "subFlowsStart",
    "subType",
    "type",
    "dir",
    "isolated_never",
];
const SC_ATTRS: [&str; 16] = [
    "canCopy",
    "canDelete",
    "canOverlap",
    "canReorder",
    "copyOf",
    "dataRef",
    "dir",
    "disp",
    "equiv",
    "id",
    "isolated",
    "startRef",
    "subFlows",
    "subType",
    "type",
    "x_never",
];
const MRK_ATTRS: [&str; 5] = ["id", "translate", "type", "ref", "value"];

pub(super) fn check_unit(
    unit: &Element,
    ctx: &Ctx<'_>,
    scope: &Scope,
    path: &str,
) -> Result<(), XliffError> {
    no_text(unit, path)?;
    check_order(
        unit,
        &[
            (None, true),
            (Some(&["notes"]), false),
            (Some(&["originalData"]), false),
            (Some(&["segment", "ignorable"]), true),
        ],
        path,
    )?;
    modules::check_extension_ids(unit, path)?;
    let mut note_ids = HashSet::new();
    let mut data_ids = HashSet::new();
    let mut part_ids = HashSet::new();
    let mut parts = Vec::new();
    for c in unit.elements() {
        let cpath = child_path(path, c);
        if !is_core(c) {
            continue;
        }
        match c.name.as_str() {
            "notes" => {
                check_notes(c, &cpath)?;
                note_ids.extend(c.elements().filter_map(|n| n.attr("id")));
            }
            "originalData" => check_original_data(c, &cpath, &mut data_ids)?,
            "segment" | "ignorable" => {
                if let Some(id) = c.attr("id") {
                    if !part_ids.insert(id) {
                        return fail(
                            "core.unit.part_id_unique",
                            format!("segment/ignorable id {id:?} is used twice"),
                            &cpath,
                        );
                    }
                }
                parts.push((c, cpath));
            }
            _ => {}
        }
    }
    if !parts.iter().any(|(p, _)| p.name == "segment") {
        return fail(
            "core.unit.segment_missing",
            "<unit> needs at least one <segment>",
            path,
        );
    }
    let mut src = Side::default();
    let mut trg = Side::default();
    let mut orders = HashSet::new();
    let count = parts.len();
    for (i, (p, ppath)) in parts.iter().enumerate() {
        check_part(p, i, ctx, scope, ppath, &mut src, &mut trg)?;
        let target = p.elements().find(|t| t.is(XLIFF2_NS, "target"));
        let order = match target.and_then(|t| t.attr("order")) {
            Some(o) => {
                let n: usize = o.parse().unwrap_or(0);
                if !values::is_positive_int(o) || n > count {
                    return fail(
                        "core.target.order",
                        format!("order {o:?} must be 1 to {count}"),
                        ppath,
                    );
                }
                n
            }
            None => i + 1,
        };
        if !orders.insert(order) {
            return fail(
                "core.target.order_unique",
                format!("target order {order} is used twice"),
                ppath,
            );
        }
    }
    let all: Vec<(&Element, &str)> = parts.iter().map(|(p, s)| (*p, s.as_str())).collect();
    check_side(&src, &part_ids, &data_ids, &note_ids, None, ctx, unit, path)?;
    check_side(
        &trg,
        &part_ids,
        &data_ids,
        &note_ids,
        Some(&src),
        ctx,
        unit,
        path,
    )?;
    check_deletable(&src, &trg, &all)?;
    check_reorder(&src, &trg, path)?;
    let mut ids: HashSet<&str> = part_ids.clone();
    ids.extend(
        src.items
            .iter()
            .chain(&trg.items)
            .filter_map(|i| i.el.attr("id")),
    );
    modules::check_unit_modules(unit, ctx, &ids, &note_ids, path)
}

fn check_original_data<'a>(
    el: &'a Element,
    path: &str,
    ids: &mut HashSet<&'a str>,
) -> Result<(), XliffError> {
    check_attrs(el, &[], &[], &[], Foreign::None, path)?;
    no_text(el, path)?;
    for d in el.elements() {
        let dpath = child_path(path, d);
        if !d.is(XLIFF2_NS, "data") {
            return fail(
                "core.originalData.content",
                format!("<{}> is not allowed in <originalData>", d.name),
                &dpath,
            );
        }
        check_attrs(
            d,
            &["id", "dir"],
            &["id"],
            &["space"],
            Foreign::None,
            &dpath,
        )?;
        let id = d.attr("id").unwrap_or_default();
        if !ids.insert(id) {
            return fail(
                "core.data.id_unique",
                format!("data id {id:?} is used twice"),
                &dpath,
            );
        }
        for c in d.elements() {
            if !c.is(XLIFF2_NS, "cp") {
                return fail(
                    "core.data.content",
                    format!("<{}> is not allowed in <data>", c.name),
                    &dpath,
                );
            }
            check_cp(c, &dpath)?;
        }
    }
    if ids.is_empty() {
        return fail(
            "core.originalData.data_missing",
            "<originalData> needs at least one <data>",
            path,
        );
    }
    Ok(())
}

fn check_cp(el: &Element, path: &str) -> Result<(), XliffError> {
    check_attrs(el, &["hex"], &["hex"], &[], Foreign::None, path)?;
    let hex = el.attr("hex").unwrap_or_default();
    let Ok(v) = u32::from_str_radix(hex, 16) else {
        return fail(
            "core.cp.hex",
            format!("hex {hex:?} is not a hexadecimal number"),
            path,
        );
    };
    if hex.is_empty() || hex.starts_with('+') || hex.len() > 8 {
        return fail(
            "core.cp.hex",
            format!("hex {hex:?} is not a hexadecimal number"),
            path,
        );
    }
    if char::from_u32(v).is_some_and(is_xml_char) || v > 0x10FFFF {
        return fail(
            "core.cp.valid_char",
            format!("U+{v:04X} is allowed in XML and must not use <cp>"),
            path,
        );
    }
    if !el.children.is_empty() {
        return fail("core.cp.empty", "<cp> must be empty", path);
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn check_part<'a>(
    p: &'a Element,
    index: usize,
    ctx: &Ctx<'_>,
    scope: &Scope,
    path: &str,
    src: &mut Side<'a>,
    trg: &mut Side<'a>,
) -> Result<(), XliffError> {
    if p.name == "segment" {
        check_attrs(
            p,
            &["id", "canResegment", "state", "subState"],
            &[],
            &[],
            Foreign::None,
            path,
        )?;
        if let Some(s) = p.attr("state") {
            if !matches!(s, "initial" | "translated" | "reviewed" | "final") {
                return fail(
                    "core.segment.state",
                    format!("state {s:?} is not initial, translated, reviewed or final"),
                    path,
                );
            }
        }
        if let Some(s) = p.attr("subState") {
            if p.attr("state").is_none() {
                return fail(
                    "core.segment.subState_without_state",
                    "subState requires state",
                    path,
                );
            }
            if !values::is_user_defined(s) {
                return fail(
                    "core.segment.subState",
                    format!("subState {s:?} must be prefix:value"),
                    path,
                );
            }
        }
    } else {
        check_attrs(p, &["id"], &[], &[], Foreign::None, path)?;
    }
    no_text(p, path)?;
    check_order(
        p,
        &[(Some(&["source"]), false), (Some(&["target"]), false)],
        path,
    )?;
    let Some(source) = p.elements().find(|e| e.is(XLIFF2_NS, "source")) else {
        return fail(
            if p.name == "segment" {
                "core.segment.source_missing"
            } else {
                "core.ignorable.source_missing"
            },
            format!("<{}> needs a <source>", p.name),
            path,
        );
    };
    let spath = format!("{path}/source");
    check_attrs(source, &[], &[], &["lang", "space"], Foreign::None, &spath)?;
    let src_scope = scope.inherit(source);
    if let Some(l) = &src_scope.lang {
        if !values::same_lang(l, ctx.src_lang) {
            return fail(
                "core.source.xml_lang",
                format!(
                    "source language {l:?} differs from srcLang {:?}",
                    ctx.src_lang
                ),
                &spath,
            );
        }
    }
    walk(source, index, src, &spath)?;
    if let Some(target) = p.elements().find(|e| e.is(XLIFF2_NS, "target")) {
        let tpath = format!("{path}/target");
        check_attrs(
            target,
            &["order"],
            &[],
            &["lang", "space"],
            Foreign::None,
            &tpath,
        )?;
        let Some(trg_lang) = ctx.trg_lang else {
            return fail(
                "core.target.trgLang_missing",
                "a <target> requires trgLang on <xliff>",
                &tpath,
            );
        };
        let trg_scope = scope.inherit(target);
        if let Some(l) = &trg_scope.lang {
            if !values::same_lang(l, trg_lang) {
                return fail(
                    "core.target.xml_lang",
                    format!("target language {l:?} differs from trgLang {trg_lang:?}"),
                    &tpath,
                );
            }
        }
        if trg_scope.space != src_scope.space {
            return fail(
                "core.target.xml_space",
                "target xml:space differs from its source",
                &tpath,
            );
        }
        walk(target, index, trg, &tpath)?;
    }
    Ok(())
}

fn walk<'a>(
    el: &'a Element,
    part: usize,
    side: &mut Side<'a>,
    path: &str,
) -> Result<(), XliffError> {
    for n in &el.children {
        let Node::Element(c) = n else { continue };
        let cpath = child_path(path, c);
        if !is_core(c) {
            return fail(
                "core.extension.element_not_allowed",
                format!("<{}> is not allowed in inline content", c.name),
                &cpath,
            );
        }
        let empty = |c: &Element| -> Result<(), XliffError> {
            if !c.children.is_empty() {
                return fail(
                    "core.inline.empty",
                    format!("<{}> must be empty", c.name),
                    &cpath,
                );
            }
            Ok(())
        };
        match c.name.as_str() {
            "cp" => check_cp(c, &cpath)?,
            "ph" => {
                check_attrs(c, &CODE_ATTRS, &["id"], &[], Foreign::Modules, &cpath)?;
                empty(c)?;
                side.items.push(Item {
                    el: c,
                    part,
                    kind: 'p',
                });
            }
            "sc" | "ec" => {
                check_attrs(
                    c,
                    &SC_ATTRS[..15],
                    if c.name == "sc" { &["id"] } else { &[] },
                    &[],
                    Foreign::Modules,
                    &cpath,
                )?;
                empty(c)?;
                if let Some(v) = c.attr("isolated") {
                    if !values::is_yes_no(v) {
                        return fail(
                            "core.attribute.yes_no",
                            "isolated must be yes or no",
                            &cpath,
                        );
                    }
                }
                side.items.push(Item {
                    el: c,
                    part,
                    kind: if c.name == "sc" { 's' } else { 'e' },
                });
            }
            "pc" => {
                check_attrs(c, &PC_ATTRS[..17], &["id"], &[], Foreign::Modules, &cpath)?;
                side.items.push(Item {
                    el: c,
                    part,
                    kind: 's',
                });
                walk(c, part, side, &cpath)?;
                side.items.push(Item {
                    el: c,
                    part,
                    kind: 'e',
                });
            }
            "mrk" | "sm" => {
                check_attrs(c, &MRK_ATTRS, &["id"], &[], Foreign::Any, &cpath)?;
                side.items.push(Item {
                    el: c,
                    part,
                    kind: 'm',
                });
                if c.name == "mrk" {
                    walk(c, part, side, &cpath)?;
                } else {
                    empty(c)?;
                }
            }
            "em" => {
                check_attrs(c, &["startRef"], &["startRef"], &[], Foreign::None, &cpath)?;
                empty(c)?;
                side.items.push(Item {
                    el: c,
                    part,
                    kind: 'm',
                });
            }
            other => {
                return fail(
                    "core.content.unexpected_element",
                    format!("<{other}> is not allowed in inline content"),
                    &cpath,
                )
            }
        }
    }
    Ok(())
}

/// Checks one side's codes and markers in three passes, so a file is refused for the most
/// local rule it breaks: first each element by itself (its attributes and what they refer
/// to), then the elements against each other (`sc`/`ec` and `sm`/`em` pairs), and last the
/// unit-wide uniqueness of ids, which only says that two elements clash, not which is wrong.
#[allow(clippy::too_many_arguments)]
fn check_side(
    side: &Side<'_>,
    part_ids: &HashSet<&str>,
    data_ids: &HashSet<&str>,
    note_ids: &HashSet<&str>,
    source: Option<&Side<'_>>,
    ctx: &Ctx<'_>,
    unit: &Element,
    path: &str,
) -> Result<(), XliffError> {
    // The codes that carry an id (a `pc` once, `em` never: it only refers), by id; the first
    // occurrence is the one `copyOf` resolves to.
    let with_id = || {
        side.items
            .iter()
            .filter(|it| !(it.kind == 'e' && it.el.name == "pc") && it.el.name != "em")
    };
    let mut ids: HashMap<&str, &Element> = HashMap::new();
    for it in with_id() {
        if let Some(id) = it.el.attr("id") {
            ids.entry(id).or_insert(it.el);
        }
    }
    // Source codes by id (first occurrence), for copyOf in targets.
    let source_ids: Option<HashMap<&str, &Element>> = source.map(|src| {
        let mut m = HashMap::new();
        for it in &src.items {
            if let Some(id) = it.el.attr("id") {
                m.entry(id).or_insert(it.el);
            }
        }
        m
    });
    // Ids of the side's <sc> and startRef values of its <ec> and <em>, so each code is
    // checked against the others in constant time.
    let mut sc_ids: HashSet<&str> = HashSet::new();
    let mut ec_refs: HashSet<&str> = HashSet::new();
    let mut em_refs: HashSet<&str> = HashSet::new();
    for it in &side.items {
        match (
            it.el.name.as_str(),
            it.el.attr("id"),
            it.el.attr("startRef"),
        ) {
            ("sc", Some(id), _) => {
                sc_ids.insert(id);
            }
            ("ec", _, Some(r)) => {
                ec_refs.insert(r);
            }
            ("em", _, Some(r)) => {
                em_refs.insert(r);
            }
            _ => {}
        }
    }
    for it in &side.items {
        if it.el.name == "ec" {
            check_ec(it.el, &sc_ids, path)?;
        }
        if it.kind == 'e' && it.el.name == "pc" {
            continue;
        }
        check_code_attrs(
            it.el,
            &ids,
            source_ids.as_ref(),
            data_ids,
            note_ids,
            ctx,
            unit,
            path,
        )?;
    }
    check_pairs(side, &ec_refs, &em_refs, path)?;
    let mut seen = HashSet::new();
    for it in with_id() {
        if let Some(id) = it.el.attr("id") {
            if part_ids.contains(id) || !seen.insert(id) {
                return fail(
                    "core.inline.id_unique",
                    format!("inline id {id:?} is not unique in the unit"),
                    path,
                );
            }
        }
    }
    Ok(())
}

/// What an `<ec>` carries by itself: isolated, its `<sc>` is not in the unit and it names
/// itself by `id`; otherwise it names its `<sc>` by `startRef` alone. Whether it is isolated
/// at all is checked first, as for `<sc>`: the form it must take follows from that.
fn check_ec(el: &Element, sc_ids: &HashSet<&str>, path: &str) -> Result<(), XliffError> {
    if el.attr("isolated") == Some("yes") {
        if let Some(start) = el.attr("startRef").or(el.attr("id")) {
            if sc_ids.contains(start) {
                return fail(
                    "core.ec.isolated",
                    format!("<ec> of {start:?} is marked isolated but its <sc> is in the unit"),
                    path,
                );
            }
        }
        if el.attr("startRef").is_some() || el.attr("id").is_none() {
            return fail(
                "core.ec.isolated_id",
                "an isolated <ec> must use id, not startRef",
                path,
            );
        }
        return Ok(());
    }
    if el.attr("startRef").is_none() {
        return fail(
            "core.ec.startRef_missing",
            "a non-isolated <ec> needs startRef",
            path,
        );
    }
    if el.attr("id").is_some() {
        return fail(
            "core.ec.id_with_startRef",
            "a non-isolated <ec> must not have id",
            path,
        );
    }
    Ok(())
}

/// Each non-isolated `<sc>` is closed by a later `<ec>` with the same can* attributes, and
/// each `<sm>` by a later `<em>`, in document order.
fn check_pairs(
    side: &Side<'_>,
    ec_refs: &HashSet<&str>,
    em_refs: &HashSet<&str>,
    path: &str,
) -> Result<(), XliffError> {
    let mut open_sc: HashMap<&str, &Element> = HashMap::new();
    let mut open_sm: HashSet<&str> = HashSet::new();
    for it in &side.items {
        let el = it.el;
        let isolated = el.attr("isolated") == Some("yes");
        match el.name.as_str() {
            "sc" => {
                let id = el.attr("id").unwrap_or_default();
                let has_ec = ec_refs.contains(id);
                if isolated && has_ec {
                    return fail(
                        "core.sc.isolated",
                        format!("<sc id={id:?}> is marked isolated but its <ec> is in the unit"),
                        path,
                    );
                }
                if !isolated {
                    if !has_ec {
                        return fail(
                            "core.sc.isolated_missing",
                            format!("<sc id={id:?}> has no <ec> and is not marked isolated"),
                            path,
                        );
                    }
                    open_sc.insert(id, el);
                }
            }
            // check_ec has seen that a non-isolated <ec> has a startRef.
            "ec" if !isolated => {
                let r = el.attr("startRef").unwrap_or_default();
                let Some(sc) = open_sc.remove(r) else {
                    return fail(
                        "core.ec.startRef",
                        format!("<ec startRef={r:?}> has no earlier <sc>"),
                        path,
                    );
                };
                for a in ["canCopy", "canDelete", "canOverlap", "canReorder"] {
                    let dflt = "yes";
                    if sc.attr(a).unwrap_or(dflt) != el.attr(a).unwrap_or(dflt) {
                        return fail(
                            "core.ec.attributes_match",
                            format!("{a} differs between <sc> and <ec startRef={r:?}>"),
                            path,
                        );
                    }
                }
            }
            "sm" => {
                let id = el.attr("id").unwrap_or_default();
                if !em_refs.contains(id) {
                    return fail(
                        "core.sm.em_missing",
                        format!("<sm id={id:?}> has no <em>"),
                        path,
                    );
                }
                open_sm.insert(id);
            }
            "em" => {
                let r = el.attr("startRef").unwrap_or_default();
                if !open_sm.remove(r) {
                    return fail(
                        "core.em.startRef",
                        format!("<em startRef={r:?}> has no earlier <sm>"),
                        path,
                    );
                }
            }
            _ => {}
        }
    }
    Ok(())
}
