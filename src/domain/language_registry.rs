//! The IANA Language Subtag Registry, embedded, and what RFC 5646 asks of a tag against it.
//!
//! The registry is `data/iana/language-subtag-registry.json`, taken unchanged from the npm
//! package `language-subtag-registry` 0.4.2 (the IANA file converted record by record to JSON);
//! its `File-Date` is in the `.meta.json` beside it. It is read once, on first use, so no build
//! step is needed to update it: replace both files and run the tests.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

const REGISTRY_JSON: &str = include_str!("../../data/iana/language-subtag-registry.json");
const META_JSON: &str = include_str!("../../data/iana/language-subtag-registry.meta.json");

/// The kind of a subtag, as the registry's `Type` field names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubtagKind {
    Language,
    Extlang,
    Script,
    Region,
    Variant,
}

impl SubtagKind {
    /// The stable name clients see in an error's `details.reason`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Language => "language",
            Self::Extlang => "extlang",
            Self::Script => "script",
            Self::Region => "region",
            Self::Variant => "variant",
        }
    }
}

/// Why a well-formed tag is not a valid one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The subtag is not in the registry (nor in one of its private-use ranges).
    Unregistered(SubtagKind, String),
    /// The same variant or extension singleton appears twice.
    Repeated(String),
    /// The tag names no language: `und`, `zxx`, a private-use-only tag, or a grandfathered
    /// tag the registry gives no replacement for.
    NotALanguage,
}

/// One registry record, with the fields the checks need; the rest is ignored.
#[derive(Deserialize)]
struct Record {
    #[serde(rename = "Type")]
    kind: String,
    #[serde(rename = "Subtag")]
    subtag: Option<String>,
    #[serde(rename = "Tag")]
    tag: Option<String>,
    #[serde(rename = "Preferred-Value")]
    preferred: Option<String>,
    #[serde(rename = "Prefix", default)]
    prefix: Vec<String>,
    #[serde(rename = "Suppress-Script")]
    suppress_script: Option<String>,
}

#[derive(Default)]
struct Entry {
    preferred: Option<String>,
    prefix: Vec<String>,
    suppress_script: Option<String>,
}

/// The registry, keyed by lower-cased subtag per kind.
struct Registry {
    languages: HashMap<String, Entry>,
    extlangs: HashMap<String, Entry>,
    scripts: HashMap<String, Entry>,
    regions: HashMap<String, Entry>,
    variants: HashMap<String, Entry>,
    /// Whole tags (grandfathered and redundant), lower case, with their preferred value.
    whole: HashMap<String, (bool, Option<String>)>,
    /// Private-use ranges (`qaa..qtz`, `QM..QZ`), lower case, by kind.
    ranges: Vec<(SubtagKind, String, String)>,
}

static REGISTRY: LazyLock<Registry> = LazyLock::new(load);

fn load() -> Registry {
    // The file is part of the binary and checked by a test, so a broken copy cannot ship; an
    // empty registry (every tag refused) is the safe reading of one anyway.
    let records: Vec<Record> = serde_json::from_str(REGISTRY_JSON).unwrap_or_default();
    let mut registry = Registry {
        languages: HashMap::new(),
        extlangs: HashMap::new(),
        scripts: HashMap::new(),
        regions: HashMap::new(),
        variants: HashMap::new(),
        whole: HashMap::new(),
        ranges: Vec::new(),
    };
    for record in records {
        let kind = match record.kind.as_str() {
            "language" => SubtagKind::Language,
            "extlang" => SubtagKind::Extlang,
            "script" => SubtagKind::Script,
            "region" => SubtagKind::Region,
            "variant" => SubtagKind::Variant,
            "grandfathered" | "redundant" => {
                if let Some(tag) = record.tag {
                    let grandfathered = record.kind == "grandfathered";
                    registry
                        .whole
                        .insert(tag.to_ascii_lowercase(), (grandfathered, record.preferred));
                }
                continue;
            }
            _ => continue,
        };
        let Some(subtag) = record.subtag.map(|s| s.to_ascii_lowercase()) else {
            continue;
        };
        if let Some((low, high)) = subtag.split_once("..") {
            registry
                .ranges
                .push((kind, low.to_owned(), high.to_owned()));
            continue;
        }
        let entry = Entry {
            preferred: record.preferred,
            prefix: record.prefix,
            suppress_script: record.suppress_script,
        };
        let table = match kind {
            SubtagKind::Language => &mut registry.languages,
            SubtagKind::Extlang => &mut registry.extlangs,
            SubtagKind::Script => &mut registry.scripts,
            SubtagKind::Region => &mut registry.regions,
            SubtagKind::Variant => &mut registry.variants,
        };
        table.insert(subtag, entry);
    }
    registry
}

/// Reads the registry now, so the first request that names a language does not pay for it.
pub fn load_now() {
    LazyLock::force(&REGISTRY);
}

/// The registry's `File-Date`: which edition the checks use.
pub fn registry_date() -> String {
    serde_json::from_str::<HashMap<String, String>>(META_JSON)
        .ok()
        .and_then(|m| m.get("File-Date").cloned())
        .unwrap_or_default()
}

impl Registry {
    fn table(&self, kind: SubtagKind) -> &HashMap<String, Entry> {
        match kind {
            SubtagKind::Language => &self.languages,
            SubtagKind::Extlang => &self.extlangs,
            SubtagKind::Script => &self.scripts,
            SubtagKind::Region => &self.regions,
            SubtagKind::Variant => &self.variants,
        }
    }

    /// The entry of a registered subtag; a subtag in a private-use range has an empty one.
    fn lookup(&self, kind: SubtagKind, subtag: &str) -> Result<Option<&Entry>, Problem> {
        let lower = subtag.to_ascii_lowercase();
        if let Some(entry) = self.table(kind).get(&lower) {
            return Ok(Some(entry));
        }
        // Ranges compare subtags of the same length, so plain string order is the right one.
        let in_range = self.ranges.iter().any(|(k, low, high)| {
            *k == kind && lower.len() == low.len() && *low <= lower && lower <= *high
        });
        if in_range {
            Ok(None)
        } else {
            Err(Problem::Unregistered(kind, subtag.to_owned()))
        }
    }
}

/// A whole-tag replacement: `Some(Ok(preferred))` for a grandfathered or redundant tag with a
/// preferred value, `Some(Err(NotALanguage))` for a grandfathered one without, `None` otherwise.
pub fn whole_tag(tag: &str) -> Option<Result<String, Problem>> {
    match REGISTRY.whole.get(&tag.to_ascii_lowercase())? {
        (_, Some(preferred)) => Some(Ok(preferred.clone())),
        (true, None) => Some(Err(Problem::NotALanguage)),
        (false, None) => None,
    }
}

/// The subtags of a well-formed tag, as the parser split them.
pub struct Parts<'a> {
    pub language: &'a str,
    pub extlang: Option<&'a str>,
    pub script: Option<&'a str>,
    pub region: Option<&'a str>,
    pub variants: Vec<&'a str>,
    pub extensions: Vec<(char, &'a str)>,
    pub private_use: Option<&'a str>,
}

/// The canonical form of a tag (RFC 5646 section 4.5, with the registry's letter case), or why
/// it is not valid: every subtag must be registered, deprecated subtags give way to their
/// preferred values, and a script the language is written in anyway is dropped (`hy-Armn` ->
/// `hy`).
pub fn canonical(parts: &Parts<'_>) -> Result<String, Problem> {
    let registry = &*REGISTRY;
    let mut language = parts.language.to_ascii_lowercase();
    if language == "und" || language == "zxx" {
        return Err(Problem::NotALanguage);
    }
    registry.lookup(SubtagKind::Language, &language)?;
    if let Some(extlang) = parts.extlang {
        // An extlang's own subtag is its preferred language (`zh-yue` -> `yue`), and only
        // after its prefix language.
        let entry = registry
            .lookup(SubtagKind::Extlang, extlang)?
            .filter(|e| e.prefix.iter().any(|p| p.eq_ignore_ascii_case(&language)))
            .ok_or_else(|| Problem::Unregistered(SubtagKind::Extlang, extlang.to_owned()))?;
        language = entry
            .preferred
            .clone()
            .unwrap_or_else(|| extlang.to_ascii_lowercase());
    }
    if let Some(preferred) = registry
        .lookup(SubtagKind::Language, &language)?
        .and_then(|e| e.preferred.clone())
    {
        language = preferred;
    }

    let mut variants: Vec<String> = Vec::new();
    let mut written: Vec<String> = Vec::new();
    for variant in &parts.variants {
        let lower = variant.to_ascii_lowercase();
        let entry = registry.lookup(SubtagKind::Variant, &lower)?;
        if written.contains(&lower) {
            return Err(Problem::Repeated(lower));
        }
        written.push(lower.clone());
        // The registry deprecated the two Armenian variants for languages of their own, saying
        // so only in its comments ("Preferred tag is hy" / "hyw"), so that is spelt out here.
        match (language.as_str(), lower.as_str()) {
            ("hy", "arevela") => continue,
            ("hy", "arevmda") => {
                language = "hyw".to_owned();
                continue;
            }
            _ => {}
        }
        let preferred = entry.and_then(|e| e.preferred.clone()).unwrap_or(lower);
        if !variants.contains(&preferred) {
            variants.push(preferred);
        }
    }

    let mut out = language.clone();
    if let Some(script) = parts.script {
        let script = title_case(script);
        let entry = registry.lookup(SubtagKind::Script, &script)?;
        let script = entry.and_then(|e| e.preferred.clone()).unwrap_or(script);
        let suppressed = registry
            .languages
            .get(&language)
            .and_then(|e| e.suppress_script.as_deref())
            == Some(script.as_str());
        if !suppressed {
            out.push('-');
            out.push_str(&script);
        }
    }
    if let Some(region) = parts.region {
        let region = region.to_ascii_uppercase();
        let entry = registry.lookup(SubtagKind::Region, &region)?;
        out.push('-');
        out.push_str(
            entry
                .and_then(|e| e.preferred.as_deref())
                .unwrap_or(&region),
        );
    }
    for variant in &variants {
        out.push('-');
        out.push_str(variant);
    }
    let mut extensions = parts.extensions.clone();
    extensions.sort_by_key(|(singleton, _)| singleton.to_ascii_lowercase());
    let mut seen = HashSet::new();
    for (singleton, body) in extensions {
        let singleton = singleton.to_ascii_lowercase();
        if !seen.insert(singleton) {
            return Err(Problem::Repeated(singleton.to_string()));
        }
        out.push('-');
        out.push(singleton);
        out.push('-');
        out.push_str(&body.to_ascii_lowercase());
    }
    if let Some(private) = parts.private_use {
        out.push('-');
        out.push_str(&private.to_ascii_lowercase());
    }
    Ok(out)
}

fn title_case(script: &str) -> String {
    let lower = script.to_ascii_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => lower,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_registry_reads_whole() {
        let r = &*REGISTRY;
        // The 2025-08-25 edition: about 8,200 languages, 200 scripts, 300 regions.
        assert!(r.languages.len() > 8000, "{}", r.languages.len());
        assert!(r.scripts.len() > 200);
        assert!(r.regions.len() > 300);
        assert!(r.variants.len() > 100);
        assert!(r.extlangs.len() > 200);
        assert!(r.whole.len() > 80);
        assert_eq!(r.ranges.len(), 4);
        assert!(r.languages.contains_key("hyw"));
        assert_eq!(
            r.languages
                .get("hy")
                .and_then(|e| e.suppress_script.as_deref()),
            Some("Armn")
        );
    }

    #[test]
    fn the_registry_date_is_recorded() {
        let date = registry_date();
        assert_eq!(date, "2025-08-25");
    }

    #[test]
    fn private_use_ranges_count_as_registered() {
        let r = &*REGISTRY;
        assert!(matches!(r.lookup(SubtagKind::Language, "qab"), Ok(None)));
        assert!(r.lookup(SubtagKind::Region, "XK").is_ok());
        assert!(r.lookup(SubtagKind::Region, "ZZ").is_ok());
        assert!(r.lookup(SubtagKind::Region, "QN").is_ok());
        assert!(
            r.lookup(SubtagKind::Language, "qua").is_ok(),
            "Quapaw is registered"
        );
        assert!(r.lookup(SubtagKind::Script, "Qabc").is_ok());
        assert_eq!(
            r.lookup(SubtagKind::Region, "AB").err(),
            Some(Problem::Unregistered(SubtagKind::Region, "AB".into()))
        );
    }
}
