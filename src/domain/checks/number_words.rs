//! Small numbers written as words (`five`, `пяти`, `հինգ`), which may stand for digits.

use super::text::{fold, word_parts};

const EN_CARDINALS: [&str; 10] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];
const EN_ORDINALS: [&str; 10] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
];

/// Russian cardinals with their case forms, listed whole: stems such as `пят` would also
/// match `пятница` (Friday).
const RU_CARDINALS: [&[&str]; 10] = [
    &[
        "один",
        "одна",
        "одно",
        "одного",
        "одной",
        "одному",
        "одним",
        "одном",
        "одну",
        "одни",
        "одних",
        "одними",
    ],
    &["два", "две", "двух", "двум", "двумя"],
    &["три", "трех", "трем", "тремя"],
    &["четыре", "четырех", "четырем", "четырьмя"],
    &["пять", "пяти", "пятью"],
    &["шесть", "шести", "шестью"],
    &["семь", "семи", "семью"],
    &["восемь", "восьми", "восемью", "восьмью"],
    &["девять", "девяти", "девятью"],
    &["десять", "десяти", "десятью"],
];
/// Russian ordinal stems take only adjective endings, which keeps `вторник` (Tuesday) and
/// `пятница` out.
const RU_ORDINAL_STEMS: [&[&str]; 10] = [
    &["перв"],
    &["втор"],
    &["трет"],
    &["четверт"],
    &["пят"],
    &["шест"],
    &["седьм"],
    &["восьм"],
    &["девят"],
    &["десят"],
];
const RU_ADJECTIVE_ENDINGS: [&str; 27] = [
    "ый", "ой", "ий", "ая", "ое", "ого", "ому", "ым", "ом", "ую", "ые", "ых", "ыми", "ья", "ье",
    "ьего", "ьему", "ьим", "ьем", "ью", "ьи", "ьих", "ьими", "ей", "ее", "его", "ему",
];

/// Armenian cardinals take the article or a case ending directly: `հինգը`, `երկուսի`.
const HY_CARDINALS: [&[&str]; 10] = [
    // Classical spellings (Western Armenian, `hyw`) beside the reformed ones.
    &[
        "մեկ",
        "մեկը",
        "մեկի",
        "մեկն",
        "մեկով",
        "մէկ",
        "մէկը",
        "մէկի",
        "մէկն",
        "մէկով",
    ],
    &["երկու", "երկուսը", "երկուսի", "երկուսն", "երկուսով"],
    &["երեք", "երեքը", "երեքի", "երեքն", "երեքով"],
    &["չորս", "չորսը", "չորսի", "չորսն", "չորսով"],
    &["հինգ", "հինգը", "հինգի", "հինգն", "հինգով"],
    &["վեց", "վեցը", "վեցի", "վեցն", "վեցով"],
    &[
        "յոթ",
        "յոթը",
        "յոթի",
        "յոթն",
        "յոթով",
        "եօթ",
        "եօթը",
        "եօթի",
        "եօթն",
        "եօթով",
    ],
    &["ութ", "ութը", "ութի", "ութն", "ութով"],
    &["ինը", "ինն", "իննը", "իննի", "իննով"],
    &["տասը", "տաս", "տասն", "տասի", "տասով"],
];
/// Armenian ordinals are long enough to match as prefixes (`երրորդ`, `երրորդը`, `երրորդի`).
const HY_ORDINALS: [&str; 10] = [
    "առաջին",
    "երկրորդ",
    "երրորդ",
    "չորրորդ",
    "հինգերորդ",
    "վեցերորդ",
    "յոթերորդ",
    "ութերորդ",
    "իններորդ",
    "տասներորդ",
];

/// The value 1..=10 that the folded `word` spells in the language `lang`, if any.
fn value_of(lang: &str, word: &str) -> Option<u32> {
    let index = match lang {
        "en" => EN_CARDINALS
            .iter()
            .position(|&w| w == word)
            .or_else(|| EN_ORDINALS.iter().position(|&w| w == word)),
        "ru" => RU_CARDINALS
            .iter()
            .position(|forms| forms.contains(&word))
            .or_else(|| {
                RU_ORDINAL_STEMS.iter().position(|stems| {
                    stems.iter().any(|stem| {
                        word.strip_prefix(stem)
                            .is_some_and(|rest| RU_ADJECTIVE_ENDINGS.contains(&rest))
                    })
                })
            }),
        "hy" => HY_CARDINALS
            .iter()
            .position(|forms| forms.contains(&word))
            .or_else(|| HY_ORDINALS.iter().position(|&w| word.starts_with(w))),
        _ => None,
    }?;
    u32::try_from(index + 1).ok()
}

/// The small numbers that `text` (in language `lang`) spells out, in order.
pub(super) fn spelled_numbers(lang: &str, text: &str) -> Vec<u32> {
    word_parts(text, &[])
        .iter()
        .filter_map(|p| value_of(lang, &fold(&text[p.start..p.end])))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_words() {
        assert_eq!(
            spelled_numbers("en", "Five ministers met for the third time."),
            [5, 3]
        );
        assert!(spelled_numbers("en", "Someone attended.").is_empty());
    }

    #[test]
    fn russian_words_in_their_cases() {
        assert_eq!(
            spelled_numbers(
                "ru",
                "В заседании участвовали пять министров из трёх стран."
            ),
            [5, 3]
        );
        assert_eq!(spelled_numbers("ru", "Это второе заседание."), [2]);
        assert!(spelled_numbers("ru", "Заседание прошло во вторник и в пятницу.").is_empty());
    }

    #[test]
    fn armenian_words_with_endings() {
        assert_eq!(
            spelled_numbers("hy", "Հանդիպմանը մասնակցել են հինգ նախարարներ երեք երկրից։"),
            [5, 3]
        );
        assert_eq!(spelled_numbers("hy", "Սա երկրորդ նիստն է։"), [2]);
        assert_eq!(spelled_numbers("hy", "Երկուսն էլ համաձայնեցին։"), [2]);
    }

    #[test]
    fn other_languages_spell_nothing_here() {
        assert!(spelled_numbers("de", "fünf Minister").is_empty());
    }
}
