//! Choosing the UI locale from `?ui=`, the `ui` cookie and the Accept-Language header.

use fluent_langneg::{negotiate_languages, NegotiationStrategy};
use unic_langid::LanguageIdentifier;

use super::Locale;

/// Longest Accept-Language header value looked at; the rest is ignored.
const MAX_HEADER_BYTES: usize = 4096;
/// Most language ranges taken from one Accept-Language header.
const MAX_RANGES: usize = 32;

/// Choose the UI language: the `?ui=` value, then the `ui` cookie value, then the
/// Accept-Language header, then English.
///
/// Each input that is absent, malformed or names no UI locale is skipped; this never panics.
pub fn negotiate(
    query: Option<&str>,
    cookie: Option<&str>,
    accept_language: Option<&str>,
) -> Locale {
    query
        .and_then(Locale::from_tag)
        .or_else(|| cookie.and_then(|c| Locale::from_tag(unquote(c))))
        .or_else(|| accept_language.and_then(from_accept_language))
        .unwrap_or(Locale::DEFAULT)
}

/// A cookie value may be sent quoted (`ui="hy"`).
fn unquote(value: &str) -> &str {
    let value = value.trim();
    value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(value)
}

/// The best UI locale for an Accept-Language value, honouring q-values.
///
/// `fluent_langneg::accepted_languages::parse` ignores q-values (it keeps the header order),
/// so the ranges are ordered by q here, stably, before `negotiate_languages` filters them.
fn from_accept_language(header: &str) -> Option<Locale> {
    let requested = ranges_by_quality(header);
    if requested.is_empty() {
        return None;
    }
    let available: Vec<LanguageIdentifier> = Locale::ALL.iter().map(|l| l.langid()).collect();
    let matched = negotiate_languages(&requested, &available, None, NegotiationStrategy::Filtering);
    matched
        .first()
        .and_then(|langid| Locale::from_tag(&langid.to_string()))
}

/// Language ranges of an Accept-Language value, best first; ranges with q=0, `*`,
/// unparsable tags or malformed q-values are dropped.
fn ranges_by_quality(header: &str) -> Vec<LanguageIdentifier> {
    let header = truncate_at_char_boundary(header, MAX_HEADER_BYTES);
    let mut ranges: Vec<(u16, LanguageIdentifier)> = header
        .split(',')
        .take(MAX_RANGES)
        .filter_map(|item| {
            let mut parts = item.split(';');
            let tag = parts.next()?.trim();
            if tag.is_empty() || tag == "*" {
                return None;
            }
            let mut quality = 1000;
            for param in parts {
                let (key, value) = param.split_once('=')?;
                if key.trim().eq_ignore_ascii_case("q") {
                    quality = parse_quality(value.trim())?;
                }
            }
            if quality == 0 {
                return None;
            }
            // Western Armenian has no interface of its own; Armenian is the nearest.
            let western = tag
                .split(['-', '_'])
                .next()
                .is_some_and(|p| p.eq_ignore_ascii_case("hyw"));
            let tag = if western { "hy" } else { tag };
            let langid: LanguageIdentifier = tag.parse().ok()?;
            Some((quality, langid))
        })
        .collect();
    // Stable: equal q-values keep the header order.
    ranges.sort_by_key(|r| std::cmp::Reverse(r.0));
    ranges.into_iter().map(|(_, langid)| langid).collect()
}

/// A q-value (`0`, `0.8`, `1.000`) in thousandths; `None` if malformed or out of range.
fn parse_quality(value: &str) -> Option<u16> {
    if value.is_empty() || value.len() > 5 || !value.starts_with(['0', '1']) {
        return None;
    }
    let q: f32 = value.parse().ok()?;
    if !(0.0..=1.0).contains(&q) {
        return None;
    }
    // In range and at most three decimals, so the cast is exact enough and cannot overflow.
    Some((q * 1000.0).round() as u16)
}

fn truncate_at_char_boundary(s: &str, max_bytes: usize) -> &str {
    if s.len() <= max_bytes {
        return s;
    }
    let mut end = max_bytes;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_english() {
        assert_eq!(negotiate(None, None, None), Locale::En);
    }

    #[test]
    fn query_then_cookie_then_header() {
        assert_eq!(negotiate(Some("hy"), Some("ru"), Some("en")), Locale::Hy);
        assert_eq!(negotiate(None, Some("ru"), Some("hy")), Locale::Ru);
        assert_eq!(negotiate(None, None, Some("hy")), Locale::Hy);
        assert_eq!(negotiate(Some("fr"), Some("ru"), Some("hy")), Locale::Ru);
        assert_eq!(negotiate(Some(""), Some("\"hy\""), None), Locale::Hy);
    }

    #[test]
    fn regional_and_western_armenian_readers_get_the_armenian_interface() {
        assert_eq!(negotiate(None, None, Some("hy-AM, en;q=0.5")), Locale::Hy);
        assert_eq!(negotiate(None, None, Some("hyw, en;q=0.5")), Locale::Hy);
        assert_eq!(
            negotiate(None, None, Some("hyw-LB;q=0.9, ru;q=0.8")),
            Locale::Hy
        );
        assert_eq!(negotiate(Some("hyw"), None, Some("ru")), Locale::Hy);
    }

    #[test]
    fn tags_with_regions_and_case() {
        assert_eq!(negotiate(Some("hy-AM"), None, None), Locale::Hy);
        assert_eq!(negotiate(Some("HY"), None, None), Locale::Hy);
        assert_eq!(negotiate(None, Some("ru-RU"), None), Locale::Ru);
        assert_eq!(negotiate(None, None, Some("en-GB")), Locale::En);
        assert_eq!(negotiate(None, None, Some("ru-RU,ru;q=0.9")), Locale::Ru);
        assert_eq!(negotiate(None, None, Some("HY-am")), Locale::Hy);
    }

    #[test]
    fn q_values_are_honoured() {
        assert_eq!(
            negotiate(None, None, Some("fr;q=1, ru;q=0.8, en;q=0.5")),
            Locale::Ru
        );
        assert_eq!(negotiate(None, None, Some("en;q=0.5, hy")), Locale::Hy);
        assert_eq!(negotiate(None, None, Some("en;q=0.5,ru;Q=0.7")), Locale::Ru);
        assert_eq!(negotiate(None, None, Some("ru;q=0, hy;q=0.1")), Locale::Hy);
        assert_eq!(
            negotiate(None, None, Some("hy;q=0.5, ru;q=0.5")),
            Locale::Hy
        );
        assert_eq!(negotiate(None, None, Some("ru;q=0")), Locale::En);
        assert_eq!(
            negotiate(None, None, Some("de-DE, de;q=0.9, ru;q=0.8, en;q=0.7")),
            Locale::Ru
        );
    }

    #[test]
    fn garbage_is_ignored() {
        let garbage = [
            "",
            " ",
            ",,,",
            ";",
            "*",
            "=;q",
            "ru;q=abc",
            "ru;q=2",
            "ru;q=-1",
            "ru;q=NaN",
            "ru;q=inf",
            "ru;q",
            "\u{0}\u{ffff}",
            "ру",
            "hy-AM-AM-AM-xxxxxxxxxxxxxxx",
            "zz-ZZ-@@",
        ];
        for g in garbage {
            assert_eq!(negotiate(Some(g), Some(g), Some(g)), Locale::En, "{g:?}");
            assert_eq!(negotiate(Some(g), Some(g), Some("ru")), Locale::Ru, "{g:?}");
        }
        let long = "x,".repeat(10_000) + "ru";
        assert_eq!(negotiate(None, None, Some(&long)), Locale::En);
        let long_utf8 = "ա".repeat(5000);
        assert_eq!(
            negotiate(Some(&long_utf8), None, Some(&long_utf8)),
            Locale::En
        );
        assert_eq!(
            negotiate(None, None, Some("ru;q=abc, hy;q=0.3")),
            Locale::Hy
        );
    }

    #[test]
    fn quality_parsing() {
        assert_eq!(parse_quality("1"), Some(1000));
        assert_eq!(parse_quality("0.8"), Some(800));
        assert_eq!(parse_quality("0.001"), Some(1));
        assert_eq!(parse_quality("1.000"), Some(1000));
        assert_eq!(parse_quality("1.5"), None);
        assert_eq!(parse_quality(".5"), None);
        assert_eq!(parse_quality(""), None);
    }
}
