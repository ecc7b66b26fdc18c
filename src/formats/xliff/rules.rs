//! The building blocks every part of the XLIFF validator uses: the document's facts, the values
//! inherited down the tree, the error with its path, and the checks of text and content order.

use std::collections::HashSet;

use super::{XliffError, XLIFF2_NS};
use crate::formats::xml::{Element, XML_NS};

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
