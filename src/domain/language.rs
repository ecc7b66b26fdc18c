//! BCP 47 language tags, parsed and canonicalised once at the boundary.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::language_registry::{self, Parts, Problem};

/// Longest tag read: RFC 5646 asks for at least 35 characters, and no registered tag is near 64.
const MAX_TAG_LEN: usize = 64;

/// A canonical BCP 47 language tag whose subtags are all in the IANA Language Subtag Registry
/// (`HY` -> `hy`, `en-us` -> `en-US`, `iw` -> `he`, `hy-Armn` -> `hy`).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LanguageTag(String);

/// The tag that was refused, kept verbatim so the error can name it, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid language tag {tag:?}")]
pub struct InvalidLanguage {
    pub tag: String,
    /// `None` when the tag is not even well-formed.
    pub problem: Option<Problem>,
}

impl InvalidLanguage {
    fn syntax(raw: &str) -> Self {
        Self {
            tag: raw.to_owned(),
            problem: None,
        }
    }

    /// A stable word for clients: `syntax`, `not_a_language`, `repeated`, or the kind of the
    /// subtag the registry does not know (`language`, `extlang`, `script`, `region`, `variant`).
    pub fn reason(&self) -> &'static str {
        match &self.problem {
            None => "syntax",
            Some(Problem::NotALanguage) => "not_a_language",
            Some(Problem::Repeated(_)) => "repeated",
            Some(Problem::Unregistered(kind, _)) => kind.as_str(),
        }
    }

    /// The subtag at fault, when one is.
    pub fn subtag(&self) -> Option<&str> {
        match &self.problem {
            Some(Problem::Unregistered(_, s) | Problem::Repeated(s)) => Some(s),
            _ => None,
        }
    }
}

impl LanguageTag {
    /// The one way into a tag, at every boundary (API, CLI, imports, XLIFF and TMX reading):
    /// well-formed per RFC 5646 (`_` is read as `-`, as POSIX locales write it), every subtag
    /// registered, and the result in canonical form.
    pub fn parse(raw: &str) -> Result<Self, InvalidLanguage> {
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.len() > MAX_TAG_LEN {
            return Err(InvalidLanguage::syntax(raw));
        }
        let text = trimmed.replace('_', "-");
        let refused = |problem| InvalidLanguage {
            tag: raw.to_owned(),
            problem: Some(problem),
        };
        let text = match language_registry::whole_tag(&text) {
            Some(replacement) => replacement.map_err(refused)?,
            None => text,
        };
        let parsed =
            language_tags::LanguageTag::parse(&text).map_err(|_| InvalidLanguage::syntax(raw))?;
        if parsed.as_str().starts_with("x-") {
            // Private use only: no language the rules or the registry could know.
            return Err(refused(Problem::NotALanguage));
        }
        let parts = Parts {
            language: parsed.primary_language(),
            extlang: parsed.extended_language(),
            script: parsed.script(),
            region: parsed.region(),
            variants: parsed.variant_subtags().collect(),
            extensions: parsed.extension_subtags().collect(),
            private_use: parsed.private_use(),
        };
        if parts.extlang.is_some_and(|e| e.contains('-')) {
            return Err(InvalidLanguage::syntax(raw));
        }
        language_registry::canonical(&parts)
            .map(Self)
            .map_err(refused)
    }

    /// A tag as Tandem stored it, kept exactly as written: rows are keyed by that spelling, and a
    /// tag stored before the registry checks (`hye`) must stay readable even if `parse` refuses
    /// it today. Only the shape is checked, which also keeps reading many rows cheap.
    pub fn from_stored(raw: &str) -> Result<Self, InvalidLanguage> {
        let well_shaped = !raw.is_empty()
            && raw.len() <= MAX_TAG_LEN
            && raw.split(['-', '_']).all(|part| {
                (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric())
            });
        if well_shaped {
            Ok(Self(raw.to_owned()))
        } else {
            Err(InvalidLanguage::syntax(raw))
        }
    }

    /// Whether the canonical form says something other than `raw` did (`iw` -> `he`,
    /// `hy-Armn` -> `hy`), beyond letter case: the caller may want to tell the person.
    pub fn replaces(&self, raw: &str) -> bool {
        !self.0.eq_ignore_ascii_case(&raw.trim().replace('_', "-"))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language subtag (`hy` for `hy-AM`), which picks segmentation rules.
    pub fn primary(&self) -> &str {
        self.0.split('-').next().unwrap_or(&self.0)
    }
}

impl FromStr for LanguageTag {
    type Err = InvalidLanguage;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LanguageTag({})", self.0)
    }
}

impl Serialize for LanguageTag {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for LanguageTag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Self::parse(&raw).map_err(serde::de::Error::custom)
    }
}

/// The language and script of a tag, without region or variants: what the translation memory
/// keys its pairs by, so memory from `en-GB` serves `en`.
pub fn language_and_script(tag: &str) -> String {
    let mut parts = tag.split(['-', '_']);
    let language = parts.next().unwrap_or_default().to_ascii_lowercase();
    match parts.find(|p| p.len() == 4 && p.chars().all(|c| c.is_ascii_alphabetic())) {
        Some(script) => {
            let mut s = script.to_ascii_lowercase();
            if let Some(first) = s.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            format!("{language}-{s}")
        }
        None => language,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_keys_keep_language_and_script() {
        assert_eq!(language_and_script("en-GB"), "en");
        assert_eq!(language_and_script("hy"), "hy");
        assert_eq!(language_and_script("sr-latn-RS"), "sr-Latn");
        assert_eq!(language_and_script("RU"), "ru");
    }

    #[test]
    fn canonicalises_case() {
        assert_eq!(LanguageTag::parse("HY").unwrap().as_str(), "hy");
        assert_eq!(LanguageTag::parse("en-us").unwrap().as_str(), "en-US");
        assert_eq!(
            LanguageTag::parse("sr-latn-rs").unwrap().as_str(),
            "sr-Latn-RS"
        );
        assert_eq!(LanguageTag::parse(" ru ").unwrap().as_str(), "ru");
    }

    #[test]
    fn primary_subtag() {
        assert_eq!(LanguageTag::parse("hy-AM").unwrap().primary(), "hy");
        assert_eq!(LanguageTag::parse("ru").unwrap().primary(), "ru");
    }

    #[test]
    fn rejects_garbage_and_keeps_the_input() {
        for bad in ["", "   ", "und", "english!", "x", "123", "hy_AM_", "en--US"] {
            let err = LanguageTag::parse(bad).unwrap_err();
            assert_eq!(err.tag, bad);
        }
    }

    fn canonical(raw: &str) -> String {
        LanguageTag::parse(raw)
            .map(|t| t.0)
            .unwrap_or_else(|e| format!("refused: {} {:?}", e.reason(), e.subtag()))
    }

    #[test]
    fn registered_tags_are_accepted_in_canonical_form() {
        for (raw, expected) in [
            ("hy-AM", "hy-AM"),
            ("ru-RU", "ru-RU"),
            ("en-gb", "en-GB"),
            ("hyw", "hyw"),
            ("HY-latn-am", "hy-Latn-AM"),
            ("hy-Latn-x-foo", "hy-Latn-x-foo"),
            ("hy_AM", "hy-AM"),
            ("es-419", "es-419"),
            ("de-CH-1996", "de-CH-1996"),
            ("en-u-ca-gregory-a-bcd", "en-a-bcd-u-ca-gregory"),
            ("qaa", "qaa"),
        ] {
            assert_eq!(canonical(raw), expected, "{raw}");
        }
    }

    #[test]
    fn deprecated_and_redundant_forms_give_way_to_preferred_values() {
        for (raw, expected) in [
            ("iw", "he"),
            ("mo", "ro"),
            ("my-BU", "my-MM"),
            ("hy-Armn", "hy"),
            ("hy-Armn-AM", "hy-AM"),
            ("en-Latn-GB", "en-GB"),
            ("zh-yue", "yue"),
            ("ajp", "apc"),
            ("i-klingon", "tlh"),
            ("zh-min-nan", "nan"),
            ("ja-Latn-hepburn-heploc", "ja-Latn-hepburn-alalc97"),
            ("hy-arevmda", "hyw"),
            ("hy-arevela", "hy"),
        ] {
            assert_eq!(canonical(raw), expected, "{raw}");
        }
    }

    #[test]
    fn unregistered_subtags_are_refused_by_name() {
        for (raw, reason, subtag) in [
            ("zz", "language", Some("zz")),
            ("hye", "language", Some("hye")),
            ("arm", "language", Some("arm")),
            ("hy-Abcd", "script", Some("Abcd")),
            ("en-UK", "region", Some("UK")),
            ("hy-AM-foobar", "variant", Some("foobar")),
            ("en-yue", "extlang", Some("yue")),
            ("de-1996-1996", "repeated", Some("1996")),
            ("en-u-ca-gregory-u-nu-latn", "repeated", Some("u")),
            ("en-u", "syntax", None),
            ("zxx", "not_a_language", None),
            ("x-klingon", "not_a_language", None),
            ("i-default", "not_a_language", None),
        ] {
            let err = LanguageTag::parse(raw).unwrap_err();
            assert_eq!((err.reason(), err.subtag()), (reason, subtag), "{raw}");
            assert_eq!(err.tag, raw);
        }
    }

    #[test]
    fn stored_tags_are_read_as_written() {
        assert_eq!(LanguageTag::from_stored("hye").unwrap().as_str(), "hye");
        assert_eq!(
            LanguageTag::from_stored("hy-Armn").unwrap().as_str(),
            "hy-Armn"
        );
        for bad in ["", "hy--AM", "hy AM", "toolongsubtag"] {
            assert!(LanguageTag::from_stored(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn replaces_tells_a_new_tag_from_a_respelling() {
        let he = LanguageTag::parse("iw").unwrap();
        assert!(he.replaces("iw"));
        let gb = LanguageTag::parse(" en_gb ").unwrap();
        assert!(!gb.replaces(" en_gb "));
    }
}
