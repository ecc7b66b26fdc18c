//! The check that every number keeps its value in the translation, whatever the notation.

use super::analysis::Analysis;
use super::number_parse::Value;
use super::{CheckId, Finding, Severity};

/// Whether `value` is said in `other`: as a number, as a spelled-out small number, or as a
/// part of one of its dates (a date the date check compares on its own).
pub(super) fn is_present(value: &Value, other: &Analysis) -> bool {
    if other.numbers.iter().any(|n| &n.value == value) {
        return true;
    }
    let Some(small) = value.as_small_integer() else {
        return false;
    };
    ((1..=10).contains(&small) && other.spelled.contains(&small))
        || other.dates.iter().any(|d| d.components().contains(&small))
}

/// Every number of the source must be in the target with the same value, whatever the notation.
///
/// A source number missing from the target is an [error]: a changed value shows as one missing
/// and one added. A number only in the target is a [warning]: translators add a year or a count
/// to explain, and a changed value is already blocked by the missing one.
pub(super) fn check_numbers(source: &Analysis, target: &Analysis) -> Vec<Finding> {
    let mut findings = Vec::new();
    let mut seen: Vec<&Value> = Vec::new();
    for n in &source.numbers {
        if !seen.contains(&&n.value) && !is_present(&n.value, target) {
            findings.push(
                Finding::new(CheckId::NumberMissing, Severity::Error).arg("number", n.text.trim()),
            );
        }
        seen.push(&n.value);
    }
    seen.clear();
    for n in &target.numbers {
        if !seen.contains(&&n.value) && !is_present(&n.value, source) {
            findings.push(
                Finding::new(CheckId::NumberAdded, Severity::Warning).arg("number", n.text.trim()),
            );
        }
        seen.push(&n.value);
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::super::analysis::analyse;
    use super::super::number_parse::values;
    use super::*;

    fn check(src_lang: &str, source: &str, tgt_lang: &str, target: &str) -> Vec<Finding> {
        check_numbers(&analyse(src_lang, source), &analyse(tgt_lang, target))
    }

    fn missing(number: &str) -> Finding {
        Finding::new(CheckId::NumberMissing, Severity::Error).arg("number", number)
    }

    fn added(number: &str) -> Finding {
        Finding::new(CheckId::NumberAdded, Severity::Warning).arg("number", number)
    }

    #[test]
    fn same_values_pass_in_all_three_languages() {
        let en = "The programme will cost AMD 3.5 billion and reach 120,000 families by 2025.";
        let ru = "Программа обойдётся в 3,5 млрд драмов и охватит 120 000 семей к 2025 году.";
        let hy = "Ծրագիրը կարժենա 3,5 միլիարդ դրամ և մինչև 2025 թ. կընդգրկի 120\u{a0}000 ընտանիք։";
        assert!(check("en", en, "ru", ru).is_empty());
        assert!(check("en", en, "hy", hy).is_empty());
        assert!(check("ru", ru, "hy", hy).is_empty());
        assert!(check("hy", hy, "en", en).is_empty());
    }

    #[test]
    fn a_scale_written_out_in_digits_matches() {
        let en = "The fund received AMD 3.5 billion.";
        let ru = "Фонд получил 3 500 000 000 драмов.";
        assert!(check("en", en, "ru", ru).is_empty());
    }

    #[test]
    fn a_changed_value_is_missing_and_added() {
        let en = "The programme will reach 120,000 families.";
        let ru = "Программа охватит 12 000 семей.";
        assert_eq!(
            check("en", en, "ru", ru),
            [missing("120,000"), added("12 000")]
        );
        let hy = "Ծրագիրը կընդգրկի 12\u{a0}000 ընտանիք։";
        assert_eq!(
            check("en", en, "hy", hy),
            [missing("120,000"), added("12\u{a0}000")]
        );
        let en_back = "The programme will reach 12,000 families.";
        assert_eq!(
            check("hy", "Ծրագիրը կընդգրկի 120 000 ընտանիք։", "en", en_back),
            [missing("120 000"), added("12,000")]
        );
    }

    #[test]
    fn a_wrong_scale_is_caught() {
        let en = "The fund received AMD 3.5 billion.";
        let ru = "Фонд получил 3,5 млн драмов.";
        assert_eq!(
            check("en", en, "ru", ru),
            [missing("3.5 billion"), added("3,5 млн")]
        );
    }

    #[test]
    fn a_decimal_comma_is_read_by_each_language() {
        let ru = "Инфляция составила 1,5 процента.";
        assert!(check("ru", ru, "en", "Inflation was 1.5 percent.").is_empty());
        // In English `1,5` is not one and a half.
        assert_eq!(
            check("ru", ru, "en", "Inflation was 1,500 percent.").first(),
            Some(&missing("1,5"))
        );
        let hy = "Գնաճը կազմել է 1,5 տոկոս։";
        assert!(check("hy", hy, "ru", ru).is_empty());
    }

    #[test]
    fn a_dropped_number_is_an_error() {
        let ru = "На заседании присутствовали 45 депутатов.";
        let hy = "Նիստին ներկա էին պատգամավորներ։";
        assert_eq!(check("ru", ru, "hy", hy), [missing("45")]);
        let en = "Deputies attended the session.";
        assert_eq!(check("ru", ru, "en", en), [missing("45")]);
        assert_eq!(
            check("en", "45 deputies attended.", "ru", "Депутаты пришли."),
            [missing("45")]
        );
    }

    #[test]
    fn an_added_number_is_a_warning() {
        let en = "Deputies attended the session.";
        let ru = "На заседании присутствовали 45 депутатов.";
        assert_eq!(check("en", en, "ru", ru), [added("45")]);
        let hy = "Նիստին ներկա էին 45 պատգամավոր։";
        assert_eq!(check("en", en, "hy", hy), [added("45")]);
    }

    #[test]
    fn small_numbers_may_be_spelled_out() {
        let en = "Five ministers attended the meeting.";
        let ru = "На встрече присутствовали 5 министров.";
        let hy = "Հանդիպմանը ներկա էին 5 նախարար։";
        assert!(check("en", en, "ru", ru).is_empty());
        assert!(check("ru", ru, "hy", "Հանդիպմանը ներկա էին հինգ նախարար։").is_empty());
        assert!(check("hy", hy, "en", en).is_empty());
        assert!(check("ru", ru, "en", en).is_empty());
        assert_eq!(
            check("ru", ru, "en", "Six ministers attended the meeting."),
            [missing("5")]
        );
    }

    #[test]
    fn ordinals_match_plain_numbers() {
        let hy = "Նիստը կկայանա դահլիճի 3-րդ հարկում։";
        assert!(check("hy", hy, "ru", "Заседание пройдёт на 3-м этаже.").is_empty());
        assert!(check("hy", hy, "en", "The session is on the third floor.").is_empty());
        assert!(check("hy", hy, "en", "The session is on the 3rd floor.").is_empty());
    }

    #[test]
    fn years_with_markers_compare_as_numbers() {
        let ru = "В 2022 году бюджет вырос на 12%.";
        let hy = "2022 թ. բյուջեն աճել է 12%-ով։";
        let en = "In 2022 the budget grew by 12%.";
        assert!(check("ru", ru, "hy", hy).is_empty());
        assert!(check("ru", ru, "en", en).is_empty());
        assert_eq!(
            check("ru", ru, "en", "In 2023 the budget grew by 12%."),
            [missing("2022"), added("2023")]
        );
    }

    #[test]
    fn numbers_inside_dates_are_left_to_the_date_check() {
        let en = "On December 12, 2022, 150 people attended.";
        let ru = "13 декабря 2022 года пришли 150 человек.";
        // The day differs: the date check reports it, not this one.
        assert!(check("en", en, "ru", ru).is_empty());
        let hy = "2022 թ. դեկտեմբերի 12-ին ներկա էր 150 մարդ։";
        assert!(check("en", en, "hy", hy).is_empty());
    }

    #[test]
    fn date_parts_written_another_way_are_not_added_numbers() {
        // The target's date is not in a form the date check reads; its numbers are the
        // source date's parts, so they are not reported as added.
        let en = "On December 12, 2022, the report was published.";
        let ru = "Доклад опубликован 12/XII/2022.";
        assert!(check("en", en, "ru", ru).is_empty());
    }

    #[test]
    fn numbers_in_links_are_left_to_the_link_check() {
        let en = "See https://gov.am/news/2024 for details.";
        let ru = "Подробности: https://gov.am/news/2025.";
        assert!(check("en", en, "ru", ru).is_empty());
    }

    #[test]
    fn a_repeated_number_is_reported_once() {
        let en = "Group 7 and group 7 again.";
        assert_eq!(
            check("en", en, "ru", "Группа и группа снова."),
            [missing("7")]
        );
    }

    #[test]
    fn times_of_day_in_either_clock() {
        let en = "The press conference will start at 3 p.m.";
        let ru = "Пресс-конференция начнётся в 15:00.";
        let hy = "Մամուլի ասուլիսը կսկսվի ժամը 15:00-ին։";
        assert!(check("en", en, "ru", ru).is_empty());
        assert!(check("en", en, "hy", hy).is_empty());
        assert!(check("hy", hy, "en", "The briefing starts at 3:00 PM.").is_empty());
        assert!(check("ru", "Начало в 10:30.", "en", "It starts at 10:30 am.").is_empty());
        assert!(check("ru", "Начало в 0:15.", "en", "It starts at 12:15 a.m.").is_empty());
        assert_eq!(
            check("en", en, "ru", "Пресс-конференция начнётся в 13:00."),
            [missing("3 p.m."), added("13:00")]
        );
        // A time is not the number of its hour, and `am` must stand alone.
        assert_eq!(
            check("ru", ru, "en", "It starts at 15."),
            [missing("15:00"), added("15")]
        );
        assert_eq!(values("en", "5 amendments"), ["5e0"]);
        assert_eq!(values("en", "a score of 2:1"), ["2e0", "1e0"]);
    }

    #[test]
    fn telephone_numbers_are_one_value() {
        let en = "Hotline: +374 10 123 456.";
        let ru = "Горячая линия: +374 10 123 456.";
        let hy = "Թեժ գիծ՝ +374 (10) 12-34-56։";
        assert_eq!(values("en", en), ["37410123456e0"]);
        assert_eq!(values("ru", ru), ["37410123456e0"]);
        assert_eq!(values("hy", hy), ["37410123456e0"]);
        assert!(check("en", en, "ru", ru).is_empty());
        assert!(check("en", "Call +374 10 12 34 56.", "hy", hy).is_empty());
        assert_eq!(
            check("en", en, "ru", "Горячая линия: +374 10 123 457."),
            [missing("+374 10 123 456"), added("+374 10 123 457")]
        );
        // A plus sign before a short number is a sign, not a telephone.
        assert_eq!(values("ru", "+3,5 процента"), ["35e-1"]);
    }
}
