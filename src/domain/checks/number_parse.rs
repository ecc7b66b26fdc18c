//! Finding numbers in a text by its locale's conventions (grouping, decimal marks, scale words,
//! times of day, telephone numbers), each as an exact value.

use std::ops::Range;

use super::text::{fold, inside};

/// An exact decimal value: `digits × 10^exp`, with no leading or trailing zeros in `digits`
/// (zero is `("0", 0)`), so equal values compare equal whatever their notation. A time of day
/// is its minute since midnight, kept apart from plain numbers by `time`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) struct Value {
    digits: String,
    exp: i64,
    time: bool,
}

impl Value {
    /// From the digits before and after the decimal separator.
    fn new(integer: &str, fraction: &str) -> Self {
        let all: String = integer.chars().chain(fraction.chars()).collect();
        let exp = -i64::try_from(fraction.len()).unwrap_or(0);
        let leading = all.trim_start_matches('0');
        if leading.is_empty() {
            return Value {
                digits: "0".to_owned(),
                exp: 0,
                time: false,
            };
        }
        let trimmed = leading.trim_end_matches('0');
        let zeros = i64::try_from(leading.len() - trimmed.len()).unwrap_or(0);
        Value {
            digits: trimmed.to_owned(),
            exp: exp + zeros,
            time: false,
        }
    }

    /// A time of day: `15:00`, `3 p.m.` and `3:00 pm` are the same value.
    fn time_of_day(hour: u32, minute: u32) -> Self {
        Value {
            time: true,
            ..Value::new(&(hour * 60 + minute).to_string(), "")
        }
    }

    /// This value times `10^power` (for `million`, `млрд`, `հազար`).
    fn scaled(mut self, power: i64) -> Self {
        if self.digits != "0" {
            self.exp += power;
        }
        self
    }

    /// The whole number this value is, if it is a small one (for spelled-out numbers and date
    /// parts).
    pub(super) fn as_small_integer(&self) -> Option<u32> {
        if self.time || self.exp < 0 || self.digits.len() + usize::try_from(self.exp).ok()? > 9 {
            return None;
        }
        let base: u32 = self.digits.parse().ok()?;
        base.checked_mul(10u32.checked_pow(u32::try_from(self.exp).ok()?)?)
    }
}

/// A number as found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Number {
    pub value: Value,
    /// As written, with its scale word (`3.5 billion`, `120 000`).
    pub text: String,
    pub span: Range<usize>,
}

const NBSP: char = '\u{A0}';
const NARROW_NBSP: char = '\u{202F}';
const THIN_SPACE: char = '\u{2009}';

/// How a language groups thousands and marks decimals.
struct Convention {
    group: &'static [char],
    decimal: &'static [char],
}

fn convention(lang: &str) -> Convention {
    match lang {
        // Space-grouped with a decimal comma; Armenian and Russian texts also write `3.5`, and
        // `.` never groups thousands there, so it reads as a decimal point.
        "ru" | "hy" | "uk" | "be" | "kk" | "ka" | "bg" | "fr" | "pl" | "cs" | "sk" | "fi"
        | "sv" | "nb" | "nn" | "no" | "et" | "lv" | "lt" | "hu" => Convention {
            group: &[' ', NBSP, NARROW_NBSP, THIN_SPACE],
            decimal: &[',', '.'],
        },
        // Dot-grouped with a decimal comma: `1.500,5`.
        "de" | "es" | "it" | "pt" | "nl" | "da" | "tr" | "id" | "el" | "ro" | "sl" | "hr"
        | "sr" => Convention {
            group: &['.', NBSP, NARROW_NBSP, THIN_SPACE],
            decimal: &[','],
        },
        // English and the rest: comma-grouped with a decimal point; SI-style thin spaces too,
        // but not a plain space, which in English separates numbers (`On 5 June 120 people`).
        _ => Convention {
            group: &[',', NBSP, NARROW_NBSP, THIN_SPACE],
            decimal: &['.'],
        },
    }
}

/// Words after a number that multiply it, as (folded prefix, power of ten). Prefixes cover
/// the inflected forms (`миллиона`, `միլիոնը`) and the abbreviations (`млн`, `մլն`).
const SCALES: [(&str, i64); 20] = [
    ("thousand", 3),
    ("million", 6),
    ("billion", 9),
    ("bn", 9),
    ("trillion", 12),
    ("тыс", 3),
    ("млн", 6),
    ("миллион", 6),
    ("млрд", 9),
    ("миллиард", 9),
    ("трлн", 12),
    ("триллион", 12),
    ("հազար", 3),
    ("մլն", 6),
    ("միլիոն", 6),
    ("մլրդ", 9),
    ("միլիարդ", 9),
    ("տրլն", 12),
    ("տրիլիոն", 12),
    ("mln", 6),
];

/// The scale word right after byte `at`, if any: (power of ten, end of the word). It may touch
/// the number (`5bn`); `12th` or `12-ը` are not scales and are left alone.
fn scale_after(text: &str, at: usize) -> Option<(i64, usize)> {
    let rest = &text[at..];
    let word_start = at + rest.len() - rest.trim_start_matches([' ', NBSP, NARROW_NBSP]).len();
    let word_len = text[word_start..]
        .char_indices()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(text.len() - word_start, |(i, _)| i);
    if word_len == 0 {
        return None;
    }
    let word = fold(&text[word_start..word_start + word_len]);
    let (_, power) = SCALES.iter().find(|(prefix, _)| word.starts_with(prefix))?;
    Some((*power, word_start + word_len))
}

/// Separators inside a telephone number: `+374 (10) 12-34-56`.
fn is_phone_separator(c: char) -> bool {
    matches!(c, ' ' | NBSP | NARROW_NBSP | '-' | '(' | ')' | '.')
}

/// A telephone number starting at char `i`, after a `+`: its digits are one value whatever
/// their grouping, which no language's thousands rule would read alike. Returns the char
/// index after it and its digits.
fn phone(chars: &[(usize, char)], i: usize, skip: &[Range<usize>]) -> Option<(usize, String)> {
    let plus = i.checked_sub(1).and_then(|k| chars.get(k))?.1 == '+';
    let word_before = i
        .checked_sub(2)
        .and_then(|k| chars.get(k))
        .is_some_and(|&(_, c)| c.is_alphanumeric());
    if !plus || word_before {
        return None;
    }
    let digit = |k: usize| {
        chars
            .get(k)
            .is_some_and(|&(b, c)| c.is_ascii_digit() && !inside(skip, b))
    };
    let mut digits = String::new();
    let mut k = i;
    loop {
        if digit(k) {
            digits.extend(chars.get(k).map(|&(_, c)| c));
            k += 1;
            continue;
        }
        // Up to two separators in a row (`) `), then more digits.
        let gap = chars
            .get(k..)
            .unwrap_or_default()
            .iter()
            .take(2)
            .take_while(|&&(_, c)| is_phone_separator(c))
            .count();
        if gap > 0 && digit(k + gap) {
            k += gap;
        } else {
            break;
        }
    }
    (digits.len() >= 7).then_some((k, digits))
}

/// `a.m.`, `am`, `p.m.`, `pm` after a time, with the char index after them; `true` for p.m.
fn meridiem(text: &str, chars: &[(usize, char)], i: usize) -> Option<(bool, usize)> {
    let at = chars.get(i).map_or(text.len(), |&(b, _)| b);
    let rest = &text[at..];
    let trimmed = rest.trim_start_matches([' ', NBSP, NARROW_NBSP]);
    let start = at + rest.len() - trimmed.len();
    let lower: String = trimmed
        .chars()
        .take(4)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let (pm, len) = if lower.starts_with("a.m.") || lower.starts_with("p.m.") {
        (lower.starts_with('p'), 4)
    } else if lower.starts_with("am") || lower.starts_with("pm") {
        (lower.starts_with('p'), 2)
    } else {
        return None;
    };
    let end = start + len;
    // `am` must be a word of its own, not the start of `amount`.
    if text[end..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some((pm, chars.partition_point(|&(b, _)| b < end)))
}

/// A time of day whose hour `hour` has just been read, char `i` being right after it:
/// `15:00`, `9:30`, `3 p.m.`, `10:30 am`. Returns the value and the char index after it.
fn time_of_day(
    text: &str,
    chars: &[(usize, char)],
    hour: &str,
    i: usize,
    skip: &[Range<usize>],
) -> Option<(Value, usize)> {
    if hour.len() > 2 {
        return None;
    }
    let hour: u32 = hour.parse().ok()?;
    let digit_at = |k: usize| {
        chars
            .get(k)
            .filter(|&&(b, c)| c.is_ascii_digit() && !inside(skip, b))
            .and_then(|&(_, c)| c.to_digit(10))
    };
    let mut end = i;
    let mut minute = None;
    if chars.get(i).is_some_and(|&(_, c)| c == ':') && digit_at(i + 3).is_none() {
        if let (Some(tens), Some(ones)) = (digit_at(i + 1), digit_at(i + 2)) {
            minute = Some(tens * 10 + ones);
            end = i + 3;
        }
    }
    let (hour, minute) = match meridiem(text, chars, end) {
        Some((pm, after)) if (1..=12).contains(&hour) => {
            end = after;
            ((hour % 12) + if pm { 12 } else { 0 }, minute.unwrap_or(0))
        }
        _ => (hour, minute?),
    };
    (hour <= 24 && minute <= 59).then(|| (Value::time_of_day(hour, minute), end))
}

/// The numbers of `text` read by the conventions of `lang`, skipping `skip` (dates, links).
pub(super) fn find_numbers(lang: &str, text: &str, skip: &[Range<usize>]) -> Vec<Number> {
    let conv = convention(lang);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
    let char_at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let is_digit =
        |k: usize| char_at(k).is_some_and(|c| c.is_ascii_digit()) && !inside(skip, byte_at(k));
    let mut numbers = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_digit(i) {
            i += 1;
            continue;
        }
        let start = i;
        if let Some((end, digits)) = phone(&chars, i, skip) {
            // The text starts at the `+`.
            let (begin, finish) = (byte_at(start - 1), byte_at(end));
            numbers.push(Number {
                value: Value::new(&digits, ""),
                text: text[begin..finish].to_owned(),
                span: begin..finish,
            });
            i = end;
            continue;
        }
        let mut integer = String::new();
        while is_digit(i) {
            integer.extend(char_at(i));
            i += 1;
        }
        if let Some((value, end)) = time_of_day(text, &chars, &integer, i, skip) {
            let (begin, finish) = (byte_at(start), byte_at(end));
            numbers.push(Number {
                value,
                text: text[begin..finish].to_owned(),
                span: begin..finish,
            });
            i = end;
            continue;
        }
        // Thousands groups: only after a first group of one to three digits, and only groups of
        // exactly three digits, so `2022 120` stays two numbers and `1,5` is not a group in
        // English.
        if integer.len() <= 3 {
            while char_at(i).is_some_and(|c| conv.group.contains(&c))
                && (1..=3).all(|k| is_digit(i + k))
                && !is_digit(i + 4)
            {
                integer.extend((1..=3).filter_map(|k| char_at(i + k)));
                i += 4;
            }
        }
        let mut fraction = String::new();
        if char_at(i).is_some_and(|c| conv.decimal.contains(&c)) && is_digit(i + 1) {
            i += 1;
            while is_digit(i) {
                fraction.extend(char_at(i));
                i += 1;
            }
        }
        let mut end = byte_at(i);
        let mut value = Value::new(&integer, &fraction);
        if let Some((power, word_end)) = scale_after(text, end) {
            value = value.scaled(power);
            end = word_end;
            i = chars.partition_point(|&(b, _)| b < end);
        }
        let begin = byte_at(start);
        numbers.push(Number {
            value,
            text: text[begin..end].to_owned(),
            span: begin..end,
        });
    }
    numbers
}

/// The values found in `text`, as `digits e exponent`, for the tests of both number modules.
#[cfg(test)]
pub(super) fn values(lang: &str, text: &str) -> Vec<String> {
    find_numbers(lang, text, &[])
        .into_iter()
        .map(|n| {
            let v = n.value;
            format!("{}e{}", v.digits, v.exp)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_normalised() {
        assert_eq!(Value::new("120000", ""), Value::new("120", "").scaled(3));
        assert_eq!(Value::new("3", "50"), Value::new("3", "5"));
        assert_eq!(Value::new("007", ""), Value::new("7", ""));
        assert_eq!(Value::new("0", "0"), Value::new("000", ""));
        assert_eq!(Value::new("3", "5").scaled(9), Value::new("3500000000", ""));
        assert_eq!(Value::new("12", "").as_small_integer(), Some(12));
        assert_eq!(Value::new("1", "5").as_small_integer(), None);
    }

    #[test]
    fn english_groups_with_commas() {
        assert_eq!(values("en", "120,000 people"), ["12e4"]);
        assert_eq!(values("en", "1,500.25 drams"), ["150025e-2"]);
        assert_eq!(values("en", "3.5 percent"), ["35e-1"]);
        assert_eq!(values("en", "items 1,5 and 7"), ["1e0", "5e0", "7e0"]);
        assert_eq!(values("en", "On 5 June 120 people"), ["5e0", "12e1"]);
        assert_eq!(values("en", "120\u{a0}000 people"), ["12e4"]);
        assert_eq!(values("en", "in 2022."), ["2022e0"]);
    }

    #[test]
    fn russian_and_armenian_group_with_spaces() {
        assert_eq!(values("ru", "120 000 человек"), ["12e4"]);
        assert_eq!(values("ru", "120\u{a0}000 человек"), ["12e4"]);
        assert_eq!(values("hy", "120\u{202f}000 մարդ"), ["12e4"]);
        assert_eq!(values("ru", "3,5 процента"), ["35e-1"]);
        assert_eq!(values("hy", "3,5 տոկոս"), ["35e-1"]);
        assert_eq!(values("hy", "3.5 տոկոս"), ["35e-1"]);
        // `1,500` in Russian is one and a half.
        assert_eq!(values("ru", "1,500 тонны"), ["15e-1"]);
        assert_eq!(values("ru", "в 2022 году 150 человек"), ["2022e0", "15e1"]);
        assert_eq!(values("ru", "1, 2 и 3"), ["1e0", "2e0", "3e0"]);
    }

    #[test]
    fn german_groups_with_dots() {
        assert_eq!(values("de", "1.500,5 Euro"), ["15005e-1"]);
    }

    #[test]
    fn ordinals_and_year_markers_count_as_their_number() {
        assert_eq!(values("hy", "12-ը"), ["12e0"]);
        assert_eq!(values("ru", "12-го"), ["12e0"]);
        assert_eq!(values("en", "the 12th"), ["12e0"]);
        assert_eq!(values("ru", "2022 г."), ["2022e0"]);
        assert_eq!(values("ru", "2022 года"), ["2022e0"]);
        assert_eq!(values("hy", "2022 թ."), ["2022e0"]);
    }

    #[test]
    fn scale_words_multiply() {
        assert_eq!(values("en", "AMD 3.5 billion"), ["35e8"]);
        assert_eq!(values("ru", "3,5 млрд драмов"), ["35e8"]);
        assert_eq!(values("hy", "3,5 միլիարդ դրամ"), ["35e8"]);
        assert_eq!(values("ru", "120 тыс. человек"), ["12e4"]);
        assert_eq!(values("hy", "120 հազար մարդ"), ["12e4"]);
        let found = find_numbers("en", "AMD 3.5 billion was spent", &[]);
        assert_eq!(found[0].text, "3.5 billion");
    }

    #[test]
    fn skipped_spans_hide_numbers() {
        let date = 3..11;
        assert_eq!(
            find_numbers("en", "on 12 March, 15 people", &[date]).len(),
            1
        );
    }
}
