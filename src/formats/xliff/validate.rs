//! XLIFF 2.x core validation: document structure, element order, attributes and file-level ids.

use std::collections::HashSet;

use super::xml::{Element, Node, XML_NS};
use super::{inline, modules, values, XliffError, XLIFF12_NS, XLIFF2_NS};

/// Document-wide facts the rules need.
pub(super) struct Ctx<'a> {
    pub src_lang: &'a str,
    pub trg_lang: Option<&'a str>,
    pub file_id: String,
    /// Ids of every unit in the current file (for `subFlows`).
    pub unit_ids: HashSet<String>,
    /// Ids inside the current file's `slr:data` elements (for `slr:sizeInfoRef`).
    pub slr_ids: HashSet<String>,
}

/// Values inherited down the tree.
#[derive(Clone)]
pub(super) struct Scope {
    pub lang: Option<String>,
    pub space: String,
}

pub(super) fn fail<T>(
    code: &'static str,
    msg: impl Into<String>,
    path: &str,
) -> Result<T, XliffError> {
    let rule = code.rsplit_once('.').map_or(code, |(r, _)| r).to_owned();
    Err(XliffError::new(code, rule, msg, Some(path.to_owned())))
}

pub(super) fn child_path(parent: &str, el: &Element) -> String {
    match el.attr("id") {
        Some(id) => format!("{parent}/{}[{id}]", el.name),
        None => format!("{parent}/{}", el.name),
    }
}

pub(super) fn is_core(el: &Element) -> bool {
    el.ns == XLIFF2_NS
}

/// Which foreign (namespaced) attributes an element accepts.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Foreign {
    /// Any namespace (extension attributes).
    Any,
    /// Only module attributes (fs, slr, its).
    Modules,
    /// Only `xml:lang` / `xml:space` where listed.
    None,
}

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

/// Text is only allowed in mixed content.
pub(super) fn no_text(el: &Element, path: &str) -> Result<(), XliffError> {
    if el.has_text() {
        return fail(
            "core.content.text_not_allowed",
            format!("<{}> cannot contain text", el.name),
            path,
        );
    }
    Ok(())
}

/// One slot of a content model: core element names (or `None` for extension elements) and
/// whether it may repeat.
type Slot<'a> = (Option<&'a [&'a str]>, bool);

/// Checks child elements follow the slots in order.
pub(super) fn check_order(el: &Element, slots: &[Slot<'_>], path: &str) -> Result<(), XliffError> {
    let mut slot = 0usize;
    let mut count = 0usize;
    for c in el.elements() {
        let matches = |s: &Slot<'_>| match s.0 {
            Some(names) => is_core(c) && names.contains(&c.name.as_str()),
            None => !is_core(c),
        };
        let found = (slot..slots.len())
            .find(|&i| matches(&slots[i]) && (i != slot || count == 0 || slots[i].1));
        match found {
            Some(i) => {
                if i != slot {
                    slot = i;
                    count = 0;
                }
                count += 1;
            }
            None => {
                let code = if is_core(c) {
                    "core.content.unexpected_element"
                } else {
                    "core.extension.element_not_allowed"
                };
                return fail(
                    code,
                    format!("<{}> is not allowed here in <{}>", c.name, el.name),
                    &child_path(path, c),
                );
            }
        }
    }
    Ok(())
}

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

impl Scope {
    pub(super) fn inherit(&self, el: &Element) -> Scope {
        Scope {
            lang: el
                .attr_ns(XML_NS, "lang")
                .map(str::to_owned)
                .or_else(|| self.lang.clone()),
            space: el
                .attr_ns(XML_NS, "space")
                .map(str::to_owned)
                .unwrap_or_else(|| self.space.clone()),
        }
    }
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
