//! What the checks read out of one text once: its links, dates, numbers and spelled numbers.

use std::ops::Range;

use super::date_parse::{find_dates, Date};
use super::lang::primary;
use super::links::{find_links, Link};
use super::number_parse::{find_numbers, Number};
use super::number_words::spelled_numbers;

/// One text taken apart. Links are found first and hidden from the date scanner, and links
/// and dates are hidden from the number scanner, so each value is compared by one check only.
pub(super) struct Analysis<'t> {
    pub text: &'t str,
    /// Primary language subtag, lower case.
    pub lang: String,
    pub links: Vec<Link>,
    pub dates: Vec<Date>,
    pub numbers: Vec<Number>,
    /// Values 1..=10 written as words.
    pub spelled: Vec<u32>,
}

pub(super) fn analyse<'t>(tag: &str, text: &'t str) -> Analysis<'t> {
    let lang = primary(tag);
    let links = find_links(text);
    let mut hidden: Vec<Range<usize>> = links.iter().map(|l| l.span.clone()).collect();
    let dates = find_dates(tag, text, &hidden);
    hidden.extend(dates.iter().map(|d| d.span.clone()));
    let numbers = find_numbers(&lang, text, &hidden);
    let spelled = spelled_numbers(&lang, text);
    Analysis {
        text,
        lang,
        links,
        dates,
        numbers,
        spelled,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_value_belongs_to_one_kind() {
        let a = analyse(
            "ru-RU",
            "12 декабря 2022 года на сайте https://gov.am/2022 опубликованы 3 отчёта.",
        );
        assert_eq!(a.lang, "ru");
        assert_eq!(a.links.len(), 1);
        assert_eq!(a.dates.len(), 1);
        let numbers: Vec<_> = a.numbers.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(numbers, ["3"]);
    }
}
