//! The target's length against the source's, compared with what is usual for the language pair.

use unicode_segmentation::UnicodeSegmentation;

use super::{CheckId, Finding, Severity};

/// Sources shorter than this (in user-perceived characters) vary too much to judge.
const MIN_SOURCE_LENGTH: usize = 20;

/// A target shorter than half or longer than twice the expected length is suspicious.
const LOW: f64 = 0.5;
const HIGH: f64 = 2.0;

/// Typical length of a text in `lang` relative to the same text in English, from the usual
/// expansion figures of translation practice: Russian and Armenian run about a tenth longer
/// than English (so en→ru ≈ 1.1, en→hy ≈ 1.1, ru→hy ≈ 1.0), Chinese and Japanese far shorter.
/// Languages not listed count as English.
fn expansion(lang: &str) -> f64 {
    match lang {
        "ru" | "uk" | "be" | "bg" | "sr" | "hy" | "ka" | "it" | "pl" | "cs" => 1.1,
        "fr" | "es" | "pt" | "nl" | "el" => 1.15,
        "de" | "fi" => 1.2,
        "zh" => 0.35,
        "ja" => 0.45,
        "ko" => 0.5,
        _ => 1.0,
    }
}

fn length(text: &str) -> usize {
    text.trim().graphemes(true).count()
}

fn percent(ratio: f64) -> String {
    format!("{:.0}", ratio * 100.0)
}

/// A target far shorter or longer than usual is a [warning]: a dropped clause or a pasted
/// extra paragraph, but free translation is sometimes right. Arguments are percentages of the
/// source's length: what the target has and what the pair usually gives.
pub(super) fn check_length_ratio(
    source_lang: &str,
    source: &str,
    target_lang: &str,
    target: &str,
) -> Option<Finding> {
    let source_len = length(source);
    let target_len = length(target);
    if source_len < MIN_SOURCE_LENGTH || target_len == 0 {
        return None;
    }
    let expected = expansion(target_lang) / expansion(source_lang);
    // Lengths of texts are far below 2^52: the conversion is exact.
    #[allow(clippy::cast_precision_loss)]
    let ratio = target_len as f64 / source_len as f64;
    if ratio >= expected * LOW && ratio <= expected * HIGH {
        return None;
    }
    Some(
        Finding::new(CheckId::LengthRatio, Severity::Warning)
            .arg("ratio", percent(ratio))
            .arg("expected", percent(expected)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = "The Prime Minister met the delegation of the European Union on Monday.";
    const RU: &str = "В понедельник премьер-министр встретился с делегацией Европейского союза.";
    const HY: &str = "Երկուշաբթի օրը վարչապետը հանդիպեց Եվրոպական միության պատվիրակությանը։";

    #[test]
    fn expected_ratios_of_the_main_pairs() {
        assert!((expansion("ru") / expansion("en") - 1.1).abs() < 1e-9);
        assert!((expansion("hy") / expansion("en") - 1.1).abs() < 1e-9);
        assert!((expansion("hy") / expansion("ru") - 1.0).abs() < 1e-9);
    }

    #[test]
    fn ordinary_translations_pass() {
        for (sl, s, tl, t) in [
            ("en", EN, "ru", RU),
            ("en", EN, "hy", HY),
            ("ru", RU, "hy", HY),
            ("hy", HY, "en", EN),
            ("ru", RU, "en", EN),
        ] {
            assert_eq!(check_length_ratio(sl, s, tl, t), None, "{sl}→{tl}");
        }
    }

    #[test]
    fn a_truncated_translation_is_flagged() {
        let f = check_length_ratio("en", EN, "ru", "Премьер встретился.").unwrap();
        assert_eq!(f.check, CheckId::LengthRatio);
        assert_eq!(f.severity, Severity::Warning);
        assert_eq!(f.args[1], ("expected".to_owned(), "110".to_owned()));
        assert!(check_length_ratio("ru", RU, "hy", "Վարչապետը հանդիպեց։").is_some());
        assert!(check_length_ratio("hy", HY, "en", "The PM met them.").is_some());
    }

    #[test]
    fn a_padded_translation_is_flagged() {
        let long_ru = format!("{RU} {RU} {RU}");
        let f = check_length_ratio("en", EN, "ru", &long_ru).unwrap();
        let ratio: u32 = f.args[0].1.parse().unwrap();
        assert!(ratio > 220, "{ratio}");
        let long_hy = format!("{HY} {HY} {HY}");
        assert!(check_length_ratio("ru", RU, "hy", &long_hy).is_some());
    }

    #[test]
    fn short_sources_are_not_judged() {
        assert_eq!(
            check_length_ratio(
                "en",
                "Press release",
                "ru",
                "Пресс-релиз для СМИ и всех желающих"
            ),
            None
        );
        assert_eq!(check_length_ratio("hy", "Հայտարարություն", "en", "A"), None);
    }

    #[test]
    fn graphemes_not_bytes_are_counted() {
        // Armenian letters take two bytes each; the comparison must not see that.
        assert_eq!(length("Նախարար"), 7);
        assert_eq!(length(" е\u{301} "), 1);
    }
}
