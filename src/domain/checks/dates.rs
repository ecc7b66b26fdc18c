//! The check that a translation names the same days as its source, ranges written differently
//! included.

use super::analysis::Analysis;
use super::date_parse::Date;
use super::{CheckId, Finding, Severity};

/// Whether `date` is named in `other`: by a date of the same day, or as one end of a range
/// that `other` writes with a plain number beside a date of the same month. `December 12–14`
/// is often `դեկտեմբերի 12-ից 14-ը` or `12 и 14 декабря` in translation, where one day is
/// only a number. The number must touch the date across a short gap of words or dashes, so a
/// count elsewhere in the sentence does not stand in for a changed day.
pub(super) fn is_said(date: &Date, other: &Analysis) -> bool {
    if other.dates.iter().any(|d| d.same_day(date)) {
        return true;
    }
    let day = u32::from(date.day);
    other
        .dates
        .iter()
        .filter(|d| d.month == date.month && d.year.zip(date.year).is_none_or(|(a, b)| a == b))
        .any(|d| {
            other
                .numbers
                .iter()
                .filter(|n| n.value.as_small_integer() == Some(day))
                .any(|n| {
                    let gap = if n.span.end <= d.span.start {
                        other.text.get(n.span.end..d.span.start)
                    } else {
                        other.text.get(d.span.end..n.span.start)
                    };
                    gap.is_some_and(is_range_gap)
                })
        })
}

/// A short stretch between two days of a range: `–`, ` и `, ` and `, ` to `, ` по `, ` և `.
fn is_range_gap(gap: &str) -> bool {
    gap.chars().count() <= 12
        && !gap
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ';' | ':' | '։' | '!' | '?'))
}

/// Every date of the source must name the same day in the target, and the reverse.
///
/// A source date without its day in the target is an [error]. A date only in the target is an
/// error too when some source date went unmatched (the day was changed), and a [warning] when
/// every source date is there (the translator added a date, which may be an explanation).
pub(super) fn check_dates(source: &Analysis, target: &Analysis) -> Vec<Finding> {
    let (src, tgt) = (&source.dates, &target.dates);
    let mut used = vec![false; tgt.len()];
    let mut matched = vec![false; src.len()];
    // Exact matches first, so that `12 March 2022` does not take the yearless `12 March`
    // another source date needs.
    for exact in [true, false] {
        for (s, done) in src.iter().zip(matched.iter_mut()) {
            if *done {
                continue;
            }
            let found = tgt
                .iter()
                .zip(used.iter())
                .position(|(t, &u)| !u && if exact { s.exactly(t) } else { s.same_day(t) });
            if let Some(k) = found {
                used[k] = true;
                *done = true;
            }
        }
    }
    // Ends of ranges written as plain numbers on the other side.
    for (s, done) in src.iter().zip(matched.iter_mut()) {
        *done = *done || is_said(s, target);
    }
    for (t, done) in tgt.iter().zip(used.iter_mut()) {
        *done = *done || is_said(t, source);
    }
    let mut findings = Vec::new();
    let mut push = |finding: Finding| {
        if !findings.contains(&finding) {
            findings.push(finding);
        }
    };
    let any_unmatched = matched.iter().any(|m| !m);
    for (s, _) in src.iter().zip(&matched).filter(|(_, m)| !**m) {
        push(
            Finding::new(CheckId::DateMismatch, Severity::Error)
                .arg("date", s.text.clone())
                .arg("side", "source"),
        );
    }
    let severity = if any_unmatched {
        Severity::Error
    } else {
        Severity::Warning
    };
    for (t, _) in tgt.iter().zip(&used).filter(|(_, u)| !**u) {
        push(
            Finding::new(CheckId::DateMismatch, severity)
                .arg("date", t.text.clone())
                .arg("side", "target"),
        );
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::super::analysis::analyse;
    use super::super::date_parse::{find_dates, month_number, EN_MONTHS};
    use super::*;
    use crate::domain::months::{HY_GENITIVE as HY_MONTHS, RU_GENITIVE as RU_MONTHS};

    fn ymd(tag: &str, text: &str) -> Vec<(Option<u16>, u8, u8)> {
        find_dates(tag, text, &[])
            .into_iter()
            .map(|d| (d.year, d.month, d.day))
            .collect()
    }

    fn check(src_tag: &str, source: &str, tgt_tag: &str, target: &str) -> Vec<Finding> {
        check_dates(&analyse(src_tag, source), &analyse(tgt_tag, target))
    }

    const DEC_12_2022: (Option<u16>, u8, u8) = (Some(2022), 12, 12);

    #[test]
    fn english_dates() {
        assert_eq!(
            ymd(
                "en",
                "On December 12, 2022, the Prime Minister met the delegation."
            ),
            [DEC_12_2022]
        );
        assert_eq!(
            ymd("en", "The session opened on 12 December 2022."),
            [DEC_12_2022]
        );
        assert_eq!(
            ymd("en", "Signed on the 12th of December 2022."),
            [DEC_12_2022]
        );
        assert_eq!(ymd("en", "Dec. 12th, 2022"), [DEC_12_2022]);
        assert_eq!(ymd("en", "The vote is set for March 12."), [(None, 3, 12)]);
        assert_eq!(
            ymd("en", "Consultations will run on December 12–14, 2022."),
            [(Some(2022), 12, 12), (Some(2022), 12, 14)]
        );
    }

    #[test]
    fn russian_dates() {
        assert_eq!(
            ymd(
                "ru",
                "12 декабря 2022 г. премьер-министр встретился с делегацией."
            ),
            [DEC_12_2022]
        );
        assert_eq!(
            ymd("ru", "Сессия открылась 12 декабря 2022 года."),
            [DEC_12_2022]
        );
        assert_eq!(
            ymd("ru", "Голосование назначено на 12 марта."),
            [(None, 3, 12)]
        );
        assert_eq!(
            ymd("ru", "Заседание прошло 12-го декабря."),
            [(None, 12, 12)]
        );
        assert_eq!(
            ymd("ru", "Консультации пройдут 12–14 декабря 2022 года."),
            [(Some(2022), 12, 12), (Some(2022), 12, 14)]
        );
    }

    #[test]
    fn armenian_dates() {
        assert_eq!(
            ymd(
                "hy",
                "2022 թ. դեկտեմբերի 12-ին վարչապետը հանդիպեց պատվիրակությանը։"
            ),
            [DEC_12_2022]
        );
        assert_eq!(
            ymd("hy", "2022 թվականի դեկտեմբերի 12-ին նիստը բացվեց։"),
            [DEC_12_2022]
        );
        assert_eq!(ymd("hy", "2022թ. դեկտեմբերի 12-ին"), [DEC_12_2022]);
        assert_eq!(
            ymd("hy", "Քվեարկությունը նշանակված է մարտի 12-ին։"),
            [(None, 3, 12)]
        );
        assert_eq!(ymd("hy", "Մարտի 12-ը հանգստյան օր է։"), [(None, 3, 12)]);
        assert_eq!(
            ymd("hy", "Խորհրդակցությունները կանցկացվեն դեկտեմբերի 12-14-ը։"),
            [(None, 12, 12), (None, 12, 14)]
        );
    }

    #[test]
    fn every_month_in_three_languages() {
        for m in 0..12 {
            let month = month_number(m);
            let en = EN_MONTHS[m];
            let en = format!("{}{}", en[..1].to_uppercase(), &en[1..]);
            assert_eq!(
                ymd("en", &format!("{en} 5, 2024")),
                [(Some(2024), month, 5)]
            );
            assert_eq!(ymd("en", &format!("5 {en} 2024")), [(Some(2024), month, 5)]);
            assert_eq!(
                ymd("ru", &format!("5 {} 2024 года", RU_MONTHS[m])),
                [(Some(2024), month, 5)]
            );
            assert_eq!(
                ymd("hy", &format!("2024 թ. {} 5-ին", HY_MONTHS[m])),
                [(Some(2024), month, 5)]
            );
        }
    }

    #[test]
    fn the_formats_of_the_style_guides() {
        let day = [DEC_12_2022];
        assert_eq!(ymd("en", "December 12, 2022"), day);
        assert_eq!(ymd("en", "12 December 2022"), day);
        assert_eq!(ymd("ru", "12 декабря 2022 г."), day);
        assert_eq!(ymd("ru", "12 декабря 2022 года"), day);
        assert_eq!(ymd("hy", "2022 թ. դեկտեմբերի 12"), day);
        assert_eq!(ymd("hy", "2022 թ․ դեկտեմբերի 12-ին"), day);
        assert_eq!(ymd("hy", "դեկտեմբերի 12-ին"), [(None, 12, 12)]);
        assert_eq!(ymd("ru", "12.12.2022"), day);
        assert_eq!(ymd("ru", "12 марта"), [(None, 3, 12)]);
        assert_eq!(ymd("en", "March 12"), [(None, 3, 12)]);
        assert_eq!(ymd("hy", "մարտի 12-ը"), [(None, 3, 12)]);
        assert_eq!(ymd("ru", "Заседание 12 Декабря"), [(None, 12, 12)]);
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(
            ymd("ru", "Постановление от 12.12.2022 вступает в силу."),
            [DEC_12_2022]
        );
        assert_eq!(ymd("hy", "Որոշումը՝ 12.12.2022թ.։"), [DEC_12_2022]);
        assert_eq!(ymd("en", "Report of 2022-12-12."), [DEC_12_2022]);
        assert_eq!(ymd("en", "Filed 03/12/2022."), [(Some(2022), 3, 12)]);
        assert_eq!(ymd("en-GB", "Filed 12/03/2022."), [(Some(2022), 3, 12)]);
        assert_eq!(ymd("ru", "Подано 12/03/2022."), [(Some(2022), 3, 12)]);
    }

    #[test]
    fn things_that_are_not_dates() {
        assert!(ymd("en", "The budget grew by 12 percent in 2022.").is_empty());
        assert!(ymd("en", "Ministers may 12 times a year meet.").is_empty());
        assert!(ymd("en", "Version 1.12.2022.3 of the tool.").is_empty());
        assert!(ymd("ru", "С марта 5 человек уволились.").is_empty());
        assert!(ymd("ru", "В декабре 2022 года бюджет вырос.").is_empty());
        assert!(ymd("hy", "2022 թվականին բյուջեն աճել է 12 տոկոսով։").is_empty());
        assert!(ymd("ru", "31 февраля").is_empty());
        assert!(ymd("en", "30.13.2022").is_empty());
    }

    #[test]
    fn the_same_day_in_three_languages_passes() {
        let en = "On December 12, 2022, the Prime Minister met the EU delegation.";
        let ru = "12 декабря 2022 года премьер-министр встретился с делегацией ЕС.";
        let hy = "2022 թ. դեկտեմբերի 12-ին վարչապետը հանդիպեց ԵՄ պատվիրակությանը։";
        assert!(check("en", en, "ru", ru).is_empty());
        assert!(check("en", en, "hy", hy).is_empty());
        assert!(check("hy", hy, "ru", ru).is_empty());
        assert!(check("ru", ru, "en", "Meeting on 12.12.2022.").is_empty());
    }

    #[test]
    fn a_yearless_target_date_matches_a_dated_source() {
        let en = "The talks will resume on March 12, 2023.";
        let ru = "Переговоры возобновятся 12 марта.";
        let hy = "Բանակցությունները կվերսկսվեն մարտի 12-ին։";
        assert!(check("en", en, "ru", ru).is_empty());
        assert!(check("en", en, "hy", hy).is_empty());
    }

    #[test]
    fn a_different_day_is_an_error() {
        let en = "On December 12, 2022, the Prime Minister met the EU delegation.";
        let ru = "13 декабря 2022 года премьер-министр встретился с делегацией ЕС.";
        let findings = check("en", en, "ru", ru);
        assert_eq!(
            findings,
            [
                Finding::new(CheckId::DateMismatch, Severity::Error)
                    .arg("date", "December 12, 2022")
                    .arg("side", "source"),
                Finding::new(CheckId::DateMismatch, Severity::Error)
                    .arg("date", "13 декабря 2022")
                    .arg("side", "target"),
            ]
        );
        let hy = "2022 թ. նոյեմբերի 12-ին վարչապետը հանդիպեց ԵՄ պատվիրակությանը։";
        let findings = check("en", en, "hy", hy);
        assert_eq!(findings.len(), 2);
        assert!(findings.iter().all(|f| f.severity == Severity::Error));
    }

    #[test]
    fn a_different_year_is_an_error() {
        let ru = "Сессия открылась 12 декабря 2022 года.";
        let en = "The session opened on 12 December 2023.";
        assert_eq!(check("ru", ru, "en", en).len(), 2);
        let hy = "Նիստը բացվեց 2021 թ. դեկտեմբերի 12-ին։";
        assert_eq!(check("ru", ru, "hy", hy).len(), 2);
    }

    #[test]
    fn a_dropped_date_is_an_error_and_an_added_one_a_warning() {
        let hy = "Նախարարը մարտի 12-ին կայցելի Բրյուսել։";
        let findings = check("hy", hy, "en", "The minister will visit Brussels.");
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].severity, Severity::Error);
        assert_eq!(
            findings[0].args[0],
            ("date".to_owned(), "մարտի 12-ին".to_owned())
        );

        let findings = check(
            "en",
            "The minister will visit Brussels.",
            "ru",
            "Министр посетит Брюссель 12 марта.",
        );
        assert_eq!(
            findings,
            [Finding::new(CheckId::DateMismatch, Severity::Warning)
                .arg("date", "12 марта")
                .arg("side", "target")]
        );
    }

    #[test]
    fn ranges_must_keep_both_days() {
        let ru = "Консультации пройдут 12–14 декабря.";
        assert!(check("ru", ru, "en", "Consultations will run on December 12–14.").is_empty());
        assert!(check(
            "ru",
            ru,
            "hy",
            "Խորհրդակցությունները կանցկացվեն դեկտեմբերի 12-14-ը։"
        )
        .is_empty());
        assert_eq!(
            check("ru", ru, "en", "Consultations will run on December 12–15.").len(),
            2
        );
    }

    #[test]
    fn ranges_written_with_a_plain_number_match() {
        let en = "Consultations will run on December 12–14.";
        let hy = "Խորհրդակցությունները կանցկացվեն դեկտեմբերի 12-ից 14-ը։";
        let ru = "Консультации пройдут с 12 по 14 декабря.";
        let ru_and = "Консультации пройдут 12 и 14 декабря.";
        assert!(check("en", en, "hy", hy).is_empty());
        assert!(check("en", en, "ru", ru).is_empty());
        assert!(check("en", en, "ru", ru_and).is_empty());
        assert!(check("hy", hy, "ru", ru).is_empty());
        assert!(check("ru", ru, "en", en).is_empty());
        assert!(check("hy", hy, "en", en).is_empty());
        // The other day must be of the same month and right beside the date.
        let moved = "Консультации пройдут 12 ноября и 14 декабря.";
        assert_eq!(check("en", en, "ru", moved).len(), 2);
        let counted = "Консультации пройдут 14 декабря, приедут 12 делегаций.";
        assert_eq!(check("en", en, "ru", counted).len(), 1);
    }

    #[test]
    fn components_cover_day_month_and_year() {
        let dates = find_dates("ru", "12 декабря 2022 года", &[]);
        assert_eq!(dates[0].components(), [12, 12, 2022]);
        let dates = find_dates("en", "March 5", &[]);
        assert_eq!(dates[0].components(), [5, 3]);
    }

    #[test]
    fn links_are_skipped() {
        let text = "See https://gov.am/12.12.2022/news";
        let link = 4..text.len();
        assert!(find_dates("en", text, &[link]).is_empty());
    }
}
