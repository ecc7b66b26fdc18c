//! BCP 47 tags reduced to the subtags the checks key their conventions on.

/// The language whose conventions apply, lower case: the primary subtag (`en-GB` → `en`,
/// `HY` → `hy`, `ru_RU` → `ru`), except that Western Armenian (`hyw`) follows Armenian: the
/// same punctuation, digits and quotes, and the checks know its classical spellings
/// (`մէկ`, `Յունուար`) beside the reformed ones.
pub(super) fn primary(tag: &str) -> String {
    let primary = tag
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match primary.as_str() {
        "hyw" => "hy".to_owned(),
        _ => primary,
    }
}

/// Upper-cased region subtag, if the tag has one (`en-GB` → `GB`, `es-419` → `419`).
pub(super) fn region(tag: &str) -> Option<String> {
    tag.trim()
        .split(['-', '_'])
        .skip(1)
        // A script subtag has four letters, a region two letters or three digits.
        .find(|s| {
            (s.len() == 2 && s.chars().all(|c| c.is_ascii_alphabetic()))
                || (s.len() == 3 && s.chars().all(|c| c.is_ascii_digit()))
        })
        .map(str::to_ascii_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primary_subtag_is_lower_cased() {
        assert_eq!(primary("hy"), "hy");
        assert_eq!(primary("en-GB"), "en");
        assert_eq!(primary("RU"), "ru");
        assert_eq!(primary(" ru_RU "), "ru");
        assert_eq!(primary("sr-Latn-RS"), "sr");
        assert_eq!(primary(""), "");
        assert_eq!(primary("hy-AM"), "hy");
        assert_eq!(primary("hyw"), "hy");
        assert_eq!(primary("hyw-LB"), "hy");
    }

    #[test]
    fn region_skips_the_script_subtag() {
        assert_eq!(region("en-GB").as_deref(), Some("GB"));
        assert_eq!(region("en-us").as_deref(), Some("US"));
        assert_eq!(region("sr-Latn-RS").as_deref(), Some("RS"));
        assert_eq!(region("es-419").as_deref(), Some("419"));
        assert_eq!(region("hy"), None);
        assert_eq!(region("zh-Hant"), None);
    }
}
