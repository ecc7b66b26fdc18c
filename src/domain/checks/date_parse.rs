//! Finding dates in a text, in words or digits (en, ru, hy): `December 12, 2022`,
//! `12 декабря 2022 г.`, `2022 թ. դեկտեմբերի 12`, `12.12.2022`, with or without the year.

use std::ops::Range;

use crate::domain::months::{HY_CLASSICAL, HY_GENITIVE as HY_MONTHS, RU_GENITIVE as RU_MONTHS};

use super::text::{fold, is_combining, is_word_internal_mark, overlaps};

/// A calendar day named in a text; the year is absent in `12 марта` or `March 12`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Date {
    pub year: Option<u16>,
    pub month: u8,
    pub day: u8,
    /// As written, for the message.
    pub text: String,
    pub span: Range<usize>,
}

impl Date {
    /// The same day, where a missing year matches any year: `12 марта` may well translate
    /// `March 12, 2023` when the year was said earlier in the statement.
    pub(super) fn same_day(&self, other: &Date) -> bool {
        self.month == other.month
            && self.day == other.day
            && match (self.year, other.year) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
    }

    pub(super) fn exactly(&self, other: &Date) -> bool {
        self.month == other.month && self.day == other.day && self.year == other.year
    }

    /// Day, month and year as numbers, for telling date parts apart from other numbers.
    pub(super) fn components(&self) -> Vec<u32> {
        let mut parts = vec![u32::from(self.day), u32::from(self.month)];
        parts.extend(self.year.map(u32::from));
        parts
    }
}

pub(super) const EN_MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const EN_ABBREVIATIONS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Longest day of each month; 29 February is allowed whatever the year.
const MONTH_DAYS: [u8; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MonthLang {
    En,
    Ru,
    Hy,
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    /// A run of ASCII digits: its value (saturating) and number of digits.
    Num(u32, usize),
    /// A run of letters, folded, and whether it began with a capital.
    Word(String, bool),
    Punct(char),
}

#[derive(Debug, Clone)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
}

fn is_letter(c: char) -> bool {
    c.is_alphabetic() || is_combining(c) || is_word_internal_mark(c)
}

/// Digits, words and single punctuation marks; white space only separates them. Tokens inside
/// `skip` (links) are left out.
fn tokenize(text: &str, skip: &[Range<usize>]) -> Vec<Tok> {
    let mut toks = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let mut end = start + c.len_utf8();
        let kind = if c.is_ascii_digit() {
            let mut value = c.to_digit(10).unwrap_or(0);
            let mut len = 1;
            while let Some(&(i, d)) = chars.peek() {
                let Some(digit) = d.to_digit(10).filter(|_| d.is_ascii_digit()) else {
                    break;
                };
                value = value.saturating_mul(10).saturating_add(digit);
                len += 1;
                end = i + d.len_utf8();
                chars.next();
            }
            Kind::Num(value, len)
        } else if is_letter(c) {
            while let Some(&(i, l)) = chars.peek() {
                if !is_letter(l) {
                    break;
                }
                end = i + l.len_utf8();
                chars.next();
            }
            Kind::Word(fold(&text[start..end]), c.is_uppercase())
        } else if c.is_whitespace() {
            continue;
        } else {
            Kind::Punct(c)
        };
        if !overlaps(skip, start, end) {
            toks.push(Tok { kind, start, end });
        }
    }
    toks
}

/// Days found by one pattern, as (year, month, day); a range gives two.
type Days = Vec<(Option<u16>, u8, u8)>;

struct Parser<'t> {
    text: &'t str,
    toks: Vec<Tok>,
    /// `12/03/2022` is 3 December in American English and 12 March elsewhere.
    month_first_slashes: bool,
}

impl Parser<'_> {
    fn num(&self, i: usize) -> Option<(u32, usize)> {
        match self.toks.get(i)?.kind {
            Kind::Num(value, len) => Some((value, len)),
            _ => None,
        }
    }

    fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    fn word(&self, i: usize) -> Option<(&str, bool)> {
        match &self.toks.get(i)?.kind {
            Kind::Word(w, capital) => Some((w.as_str(), *capital)),
            _ => None,
        }
    }

    fn is_word(&self, i: usize, expected: &str) -> bool {
        self.word(i).is_some_and(|(w, _)| w == expected)
    }

    /// Whether tokens `a` and `b` touch, with no space between them.
    fn touch(&self, a: usize, b: usize) -> bool {
        match (self.toks.get(a), self.toks.get(b)) {
            (Some(x), Some(y)) => x.end == y.start,
            _ => false,
        }
    }

    fn is_dash(&self, i: usize) -> bool {
        matches!(self.punct(i), Some('-' | '–' | '—'))
    }

    /// A day number with its ordinal or case suffix (`12th`, `12-го`, `12-ին`, `12-ը`); returns
    /// the day and the index after it.
    fn day(&self, i: usize) -> Option<(u8, usize)> {
        let (value, len) = self.num(i)?;
        if len > 2 || !(1..=31).contains(&value) {
            return None;
        }
        let day = u8::try_from(value).ok()?;
        let short_word = |j: usize| self.word(j).is_some_and(|(w, _)| w.chars().count() <= 4);
        let next = if short_word(i + 1) && self.touch(i, i + 1) {
            i + 2
        } else if self.punct(i + 1) == Some('-')
            && self.touch(i, i + 1)
            && short_word(i + 2)
            && self.touch(i + 1, i + 2)
        {
            i + 3
        } else {
            i + 1
        };
        Some((day, next))
    }

    /// A second day after a dash: the `14` of `12–14 декабря` or `December 12–14`.
    fn range_end(&self, i: usize) -> Option<(u8, usize)> {
        if self.is_dash(i) {
            self.day(i + 1)
        } else {
            None
        }
    }

    /// A month name at `i`, with the dot of an English abbreviation.
    fn month(&self, i: usize) -> Option<(u8, MonthLang, usize)> {
        let (word, capital) = self.word(i)?;
        let position = |names: &[&str]| names.iter().position(|&n| n == word);
        // English capitalises months; a lower-case `may` or `march` is a verb.
        if capital {
            if let Some(m) = position(&EN_MONTHS) {
                return Some((month_number(m), MonthLang::En, i + 1));
            }
            if let Some(m) = position(&EN_ABBREVIATIONS).or((word == "sept").then_some(8)) {
                let next = if self.punct(i + 1) == Some('.') && self.touch(i, i + 1) {
                    i + 2
                } else {
                    i + 1
                };
                return Some((month_number(m), MonthLang::En, next));
            }
        }
        if let Some(m) = position(&RU_MONTHS) {
            return Some((month_number(m), MonthLang::Ru, i + 1));
        }
        position(&HY_MONTHS)
            .or_else(|| HY_CLASSICAL.iter().position(|forms| forms.contains(&word)))
            .map(|m| (month_number(m), MonthLang::Hy, i + 1))
    }

    /// A four-digit year, possibly after a comma (`December 12, 2022`).
    fn year(&self, i: usize) -> Option<(u16, usize)> {
        let at = if self.punct(i) == Some(',') { i + 1 } else { i };
        let (value, len) = self.num(at)?;
        if len != 4 || !(1000..=2999).contains(&value) {
            return None;
        }
        Some((u16::try_from(value).ok()?, at + 1))
    }

    /// `12.12.2022`, `12/12/2022` and `2022-12-12`, all touching, not inside a longer dotted
    /// number such as a version or an address.
    fn numeric(&self, i: usize) -> Option<(Days, usize)> {
        let (a, a_len) = self.num(i)?;
        let sep = self.punct(i + 1)?;
        let (b, b_len) = self.num(i + 2)?;
        let (c, c_len) = self.num(i + 4)?;
        if self.punct(i + 3) != Some(sep) || !(i..i + 4).all(|k| self.touch(k, k + 1)) {
            return None;
        }
        let dotted_before = i > 0
            && self.touch(i - 1, i)
            && matches!(
                self.toks[i - 1].kind,
                Kind::Punct('.' | '/' | '-') | Kind::Num(..)
            );
        let dotted_after = self.touch(i + 4, i + 5)
            && matches!(self.punct(i + 5), Some('.' | '/' | '-'))
            && self.num(i + 6).is_some()
            && self.touch(i + 5, i + 6);
        if dotted_before || dotted_after {
            return None;
        }
        let (year, month, day) = match sep {
            '-' if a_len == 4 && b_len == 2 && c_len == 2 => (a, b, c),
            '.' if a_len <= 2 && b_len <= 2 && c_len == 4 => (c, b, a),
            '/' if a_len <= 2 && b_len <= 2 && c_len == 4 => {
                if self.month_first_slashes {
                    (c, a, b)
                } else {
                    (c, b, a)
                }
            }
            _ => return None,
        };
        let year = u16::try_from(year).ok()?;
        let (month, day) = valid(month, day)?;
        Some((vec![(Some(year), month, day)], i + 5))
    }

    /// Armenian puts the year first: `2022 թ. դեկտեմբերի 12-ին`, `2022 թվականի մարտի 5-ին`.
    fn year_first(&self, i: usize) -> Option<(Days, usize)> {
        let (year, mut j) = self.year(i).filter(|_| self.punct(i).is_none())?;
        if self.is_word(j, "թ") {
            j += 1;
            if matches!(self.punct(j), Some('.' | '․')) {
                j += 1;
            }
        } else if self.is_word(j, "թվականի") {
            j += 1;
        } else {
            return None;
        }
        if self.punct(j) == Some(',') {
            j += 1;
        }
        let (month, _, j) = self.month(j)?;
        let (day, j) = self.day(j)?;
        let mut days = vec![(Some(year), month, day)];
        let mut end = j;
        if let Some((last, k)) = self.range_end(j) {
            days.push((Some(year), month, last));
            end = k;
        }
        Some((checked(days)?, end))
    }

    /// `12 декабря 2022 г.`, `12 December 2022`, `12th of December`, `12–14 декабря`.
    fn day_first(&self, i: usize) -> Option<(Days, usize)> {
        let (first, mut j) = self.day(i)?;
        let mut days = vec![first];
        if let Some((last, k)) = self.range_end(j) {
            days.push(last);
            j = k;
        }
        if self.is_word(j, "of") {
            j += 1;
        }
        let (month, _, mut j) = self.month(j)?;
        let year = self.year(j).map(|(y, k)| {
            j = k;
            y
        });
        let dates = days.into_iter().map(|d| (year, month, d)).collect();
        Some((checked(dates)?, j))
    }

    /// `December 12, 2022`, `March 12`, `դեկտեմբերի 12-ին`, `December 12–14`. Russian never puts
    /// the day after the month, and `с марта 5 человек` must not become a date.
    fn month_first(&self, i: usize) -> Option<(Days, usize)> {
        let (month, lang, j) = self.month(i)?;
        if lang == MonthLang::Ru {
            return None;
        }
        let (first, mut j) = self.day(j)?;
        let mut days = vec![first];
        if let Some((last, k)) = self.range_end(j) {
            days.push(last);
            j = k;
        }
        let year = self.year(j).map(|(y, k)| {
            j = k;
            y
        });
        let dates = days.into_iter().map(|d| (year, month, d)).collect();
        Some((checked(dates)?, j))
    }

    fn parse(&self) -> Vec<Date> {
        let mut dates = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            let found = self
                .numeric(i)
                .or_else(|| self.year_first(i))
                .or_else(|| self.day_first(i))
                .or_else(|| self.month_first(i));
            let Some((days, next)) = found else {
                i += 1;
                continue;
            };
            let start = self.toks[i].start;
            let end = self.toks[next - 1].end;
            for (year, month, day) in days {
                dates.push(Date {
                    year,
                    month,
                    day,
                    text: self.text[start..end].to_owned(),
                    span: start..end,
                });
            }
            i = next;
        }
        dates
    }
}

pub(super) fn month_number(index: usize) -> u8 {
    // `index` comes from a 12-entry table.
    u8::try_from(index + 1).unwrap_or(0)
}

fn valid(month: u32, day: u32) -> Option<(u8, u8)> {
    let month = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
    let day = u8::try_from(day).ok()?;
    let longest = MONTH_DAYS[usize::from(month) - 1];
    (1..=longest).contains(&day).then_some((month, day))
}

fn checked(dates: Days) -> Option<Days> {
    dates
        .into_iter()
        .map(|(y, m, d)| valid(u32::from(m), u32::from(d)).map(|(m, d)| (y, m, d)))
        .collect()
}

/// The dates of `text` in order. `tag` decides how slashed dates read; `skip` holds links.
pub(super) fn find_dates(tag: &str, text: &str, skip: &[Range<usize>]) -> Vec<Date> {
    let american =
        super::lang::primary(tag) == "en" && super::lang::region(tag).is_none_or(|r| r == "US");
    Parser {
        text,
        toks: tokenize(text, skip),
        month_first_slashes: american,
    }
    .parse()
}
