//! BCP 47 language tags, parsed and canonicalised once at the boundary.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use unic_langid::LanguageIdentifier;

/// A canonical BCP 47 language tag (`HY` -> `hy`, `en-us` -> `en-US`).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LanguageTag(String);

/// The tag that failed to parse, kept verbatim so the error can name it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid language tag {0:?}")]
pub struct InvalidLanguage(pub String);

impl LanguageTag {
    pub fn parse(raw: &str) -> Result<Self, InvalidLanguage> {
        let trimmed = raw.trim();
        // unic-langid accepts "und" and an empty string as the undetermined language; a
        // translation target must be a real language, so both are refused here.
        if trimmed.is_empty() || trimmed.eq_ignore_ascii_case("und") {
            return Err(InvalidLanguage(raw.to_owned()));
        }
        let id: LanguageIdentifier = trimmed
            .parse()
            .map_err(|_| InvalidLanguage(raw.to_owned()))?;
        if id.language.is_empty() {
            return Err(InvalidLanguage(raw.to_owned()));
        }
        Ok(Self(id.to_string()))
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
            assert_eq!(err.0, bad);
        }
    }
}
