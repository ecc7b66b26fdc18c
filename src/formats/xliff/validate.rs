//! XLIFF 2.x core validation: document structure, element order, attributes and file-level ids.

use std::collections::HashSet;

use super::rules::{check_order, child_path, fail, is_core, no_text, Ctx, Foreign, Scope};
use super::shared_checks::{check_attrs, check_notes};
use super::{inline, modules, values, XliffError, XLIFF12_NS, XLIFF2_NS};
use crate::formats::xml::{Element, Node, XML_NS};

pub(super) fn validate_tree(root: &Element) -> Result<(), XliffError> {
    let path = "/xliff";
    if root.ns == XLIFF12_NS {
        return fail(
            "core.xliff.version",
            "XLIFF 1.2 documents are not XLIFF 2",
            path,
        );
    }
    if !root.is(XLIFF2_NS, "xliff") {
        return fail(
            "core.xliff.root",
            format!(
                "root element must be <xliff> in {XLIFF2_NS}, found {{{}}}{}",
                root.ns, root.name
            ),
            &format!("/{}", root.name),
        );
    }
    check_attrs(
        root,
        &["version", "srcLang", "trgLang"],
        &["version", "srcLang"],
        &["space", "lang"],
        Foreign::Any,
        path,
    )?;
    let version = root.attr("version").unwrap_or_default();
    if !matches!(version, "2.0" | "2.1") {
        return fail(
            "core.xliff.version",
            format!("version {version:?} is not 2.0 or 2.1"),
            path,
        );
    }
    let src_lang = root.attr("srcLang").unwrap_or_default();
    if !values::is_lang_tag(src_lang) {
        return fail(
            "core.xliff.srcLang",
            format!("srcLang {src_lang:?} is not a BCP 47 tag"),
            path,
        );
    }
    let trg_lang = root.attr("trgLang");
    if let Some(t) = trg_lang {
        if !values::is_lang_tag(t) {
            return fail(
                "core.xliff.trgLang",
                format!("trgLang {t:?} is not a BCP 47 tag"),
                path,
            );
        }
    }
    no_text(root, path)?;
    let scope = Scope {
        lang: root.attr_ns(XML_NS, "lang").map(str::to_owned),
        space: root
            .attr_ns(XML_NS, "space")
            .unwrap_or("default")
            .to_owned(),
    };
    let mut file_ids = HashSet::new();
    let mut files = 0;
    for c in root.elements() {
        if !c.is(XLIFF2_NS, "file") {
            return fail(
                if is_core(c) {
                    "core.content.unexpected_element"
                } else {
                    "core.extension.element_not_allowed"
                },
                format!("<{}> is not allowed in <xliff>", c.name),
                &child_path(path, c),
            );
        }
        files += 1;
        let fpath = child_path(path, c);
        check_attrs(
            c,
            &[
                "id",
                "canResegment",
                "original",
                "translate",
                "srcDir",
                "trgDir",
            ],
            &["id"],
            &[],
            Foreign::Any,
            &fpath,
        )?;
        let id = c.attr("id").unwrap_or_default();
        if !file_ids.insert(id.to_owned()) {
            return fail(
                "core.file.id_unique",
                format!("file id {id:?} is used twice"),
                &fpath,
            );
        }
        let mut ctx = Ctx {
            src_lang,
            trg_lang,
            file_id: id.to_owned(),
            unit_ids: HashSet::new(),
            slr_ids: HashSet::new(),
        };
        collect_file_ids(c, &mut ctx);
        modules::check_size_refs(c, &ctx, &fpath)?;
        check_file(c, &ctx, &scope.inherit(c), &fpath)?;
    }
    if files == 0 {
        return fail(
            "core.xliff.file_missing",
            "<xliff> needs at least one <file>",
            path,
        );
    }
    Ok(())
}

fn collect_file_ids(file: &Element, ctx: &mut Ctx<'_>) {
    fn walk(el: &Element, ctx: &mut Ctx<'_>, in_slr_data: bool) {
        for c in el.elements() {
            if c.is(XLIFF2_NS, "unit") {
                if let Some(id) = c.attr("id") {
                    ctx.unit_ids.insert(id.to_owned());
                }
            }
            let data = in_slr_data || (c.ns == modules::SLR_NS && c.name == "data");
            if in_slr_data {
                if let Some(id) = c.attr("id") {
                    ctx.slr_ids.insert(id.to_owned());
                }
            }
            if c.is(XLIFF2_NS, "group")
                || c.is(XLIFF2_NS, "unit")
                || data
                || c.ns == modules::SLR_NS
            {
                walk(c, ctx, data);
            }
        }
    }
    walk(file, ctx, false);
}

fn check_file(file: &Element, ctx: &Ctx<'_>, scope: &Scope, path: &str) -> Result<(), XliffError> {
    no_text(file, path)?;
    check_order(
        file,
        &[
            (Some(&["skeleton"]), false),
            (None, true),
            (Some(&["notes"]), false),
            (Some(&["unit", "group"]), true),
        ],
        path,
    )?;
    if !file
        .elements()
        .any(|c| c.is(XLIFF2_NS, "unit") || c.is(XLIFF2_NS, "group"))
    {
        return fail(
            "core.file.unit_missing",
            "<file> needs at least one <unit> or <group>",
            path,
        );
    }
    let mut group_ids = HashSet::new();
    let mut unit_ids = HashSet::new();
    check_container(file, ctx, scope, path, &mut group_ids, &mut unit_ids)
}

/// Checks the children of a `file` or `group`.
fn check_container(
    el: &Element,
    ctx: &Ctx<'_>,
    scope: &Scope,
    path: &str,
    group_ids: &mut HashSet<String>,
    unit_ids: &mut HashSet<String>,
) -> Result<(), XliffError> {
    modules::check_extension_ids(el, path)?;
    for c in el.elements() {
        let cpath = child_path(path, c);
        if !is_core(c) {
            modules::check_ext_element(c, &el.name, ctx, &cpath)?;
            continue;
        }
        match c.name.as_str() {
            "skeleton" => check_skeleton(c, &cpath)?,
            "notes" => check_notes(c, &cpath)?,
            "group" => {
                check_container_head(c, "group", group_ids, &cpath)?;
                no_text(c, &cpath)?;
                check_order(
                    c,
                    &[
                        (None, true),
                        (Some(&["notes"]), false),
                        (Some(&["unit", "group"]), true),
                    ],
                    &cpath,
                )?;
                check_container(c, ctx, &scope.inherit(c), &cpath, group_ids, unit_ids)?;
            }
            "unit" => {
                check_container_head(c, "unit", unit_ids, &cpath)?;
                inline::check_unit(c, ctx, &scope.inherit(c), &cpath)?;
            }
            _ => {}
        }
    }
    Ok(())
}

fn check_skeleton(el: &Element, path: &str) -> Result<(), XliffError> {
    check_attrs(el, &["href"], &[], &[], Foreign::None, path)?;
    let has_content = el.children.iter().any(|n| {
        matches!(n, Node::Element(_)) || matches!(n, Node::Text(t) if !t.trim().is_empty())
    });
    for c in el.elements() {
        if is_core(c) {
            return fail(
                "core.skeleton.content",
                "<skeleton> cannot hold XLIFF elements",
                path,
            );
        }
    }
    match (el.attr("href").is_some(), has_content) {
        (true, true) => fail(
            "core.skeleton.href_and_content",
            "<skeleton> has both href and content",
            path,
        ),
        (false, false) => fail(
            "core.skeleton.empty",
            "<skeleton> needs href or content",
            path,
        ),
        _ => Ok(()),
    }
}

/// What `group` and `unit` share: their attributes, an id unique in the file among elements of
/// the same kind, and a user-defined `type`.
fn check_container_head(
    c: &Element,
    kind: &'static str,
    ids: &mut std::collections::HashSet<String>,
    path: &str,
) -> Result<(), XliffError> {
    check_attrs(
        c,
        &[
            "id",
            "name",
            "canResegment",
            "translate",
            "srcDir",
            "trgDir",
            "type",
        ],
        &["id"],
        &[],
        Foreign::Any,
        path,
    )?;
    let (unique, typed) = match kind {
        "group" => ("core.group.id_unique", "core.group.type"),
        _ => ("core.unit.id_unique", "core.unit.type"),
    };
    let id = c.attr("id").unwrap_or_default();
    if !ids.insert(id.to_owned()) {
        return fail(
            unique,
            format!("{kind} id {id:?} is used twice in the file"),
            path,
        );
    }
    if let Some(t) = c.attr("type") {
        if !values::is_user_defined(t) {
            return fail(typed, format!("type {t:?} must be prefix:value"), path);
        }
    }
    Ok(())
}
