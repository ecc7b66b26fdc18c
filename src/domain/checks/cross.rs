//! Translations of one paragraph side by side: what one kept from the source, all should.

use super::analysis::{analyse, Analysis};
use super::dates::is_said;
use super::number_parse::Value;
use super::numbers::is_present;
use super::text::{fold, word_parts};
use super::{CheckId, Finding, Severity};

/// Something of the source that can be looked for in any translation.
enum Item {
    Number(Value),
    Date(usize),
    /// A capitalised Latin-script word, folded.
    Name(String),
}

/// A capitalised word of Latin letters, two or more long (`NATO`, `Brussels`, `iPhone` does not
/// start with a capital and is left out). Names written in Cyrillic or Armenian script are
/// transliterated differently in each language (`Брюссель`, `Բրյուսել`), so only Latin names,
/// which translations usually keep as they are, can be compared.
fn is_latin_name(word: &str) -> bool {
    word.chars().count() >= 2
        && word.starts_with(|c: char| c.is_ascii_uppercase())
        && word.chars().all(|c| c.is_ascii_alphabetic())
}

fn latin_words(text: &str, skip: &[std::ops::Range<usize>]) -> Vec<String> {
    word_parts(text, skip)
        .into_iter()
        .map(|p| fold(&text[p.start..p.end]))
        .collect()
}

fn found_in(item: &Item, source: &Analysis, translation: &Analysis, words: &[String]) -> bool {
    match item {
        Item::Number(value) => is_present(value, translation),
        Item::Date(k) => source
            .dates
            .get(*k)
            .is_some_and(|d| is_said(d, translation)),
        Item::Name(name) => words.contains(name),
    }
}

/// A number, date or Latin-script name of the source that some translations have and others
/// lack is a [warning] for each translation that lacks it: one of them is probably wrong, but
/// each unit's own checks decide which. Blank translations are not yet written and are left
/// out. Arguments: the item as written in the source and the languages that have it.
pub(super) fn check_across(
    source_lang: &str,
    source: &str,
    translations: &[(&str, &str)],
) -> Vec<(String, Finding)> {
    let src = analyse(source_lang, source);
    let hidden: Vec<_> = src
        .links
        .iter()
        .map(|l| l.span.clone())
        .chain(src.dates.iter().map(|d| d.span.clone()))
        .collect();

    // Items in the order they appear in the source, each once.
    let mut items: Vec<(usize, String, Item)> = Vec::new();
    for n in &src.numbers {
        if !items
            .iter()
            .any(|(_, _, i)| matches!(i, Item::Number(v) if v == &n.value))
        {
            items.push((
                n.span.start,
                n.text.trim().to_owned(),
                Item::Number(n.value.clone()),
            ));
        }
    }
    for (k, d) in src.dates.iter().enumerate() {
        let repeated = src.dates[..k]
            .iter()
            .any(|e| e.same_day(d) && e.year == d.year);
        if !repeated {
            items.push((d.span.start, d.text.clone(), Item::Date(k)));
        }
    }
    for p in word_parts(source, &hidden) {
        let word = &source[p.start..p.end];
        let folded = fold(word);
        let known = items
            .iter()
            .any(|(_, _, i)| matches!(i, Item::Name(n) if n == &folded));
        if is_latin_name(word) && !known {
            items.push((p.start, word.to_owned(), Item::Name(folded)));
        }
    }
    items.sort_by_key(|(start, _, _)| *start);

    let written: Vec<(&str, Analysis, Vec<String>)> = translations
        .iter()
        .filter(|(_, text)| !text.trim().is_empty())
        .map(|&(lang, text)| {
            let analysis = analyse(lang, text);
            let skip: Vec<_> = analysis.links.iter().map(|l| l.span.clone()).collect();
            let words = latin_words(text, &skip);
            (lang, analysis, words)
        })
        .collect();

    let mut findings = Vec::new();
    for (_, shown, item) in &items {
        let present: Vec<bool> = written
            .iter()
            .map(|(_, analysis, words)| found_in(item, &src, analysis, words))
            .collect();
        if !present.contains(&true) {
            continue;
        }
        let found_in_langs: Vec<&str> = written
            .iter()
            .zip(&present)
            .filter(|(_, &p)| p)
            .map(|((lang, _, _), _)| *lang)
            .collect();
        for ((lang, _, _), _) in written.iter().zip(&present).filter(|(_, &p)| !p) {
            findings.push((
                (*lang).to_owned(),
                Finding::new(CheckId::CrossLanguageMissing, Severity::Warning)
                    .arg("item", shown.clone())
                    .arg("found_in", found_in_langs.join(", ")),
            ));
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(findings: &[(String, Finding)]) -> Vec<(String, String, String)> {
        findings
            .iter()
            .map(|(lang, f)| {
                assert_eq!(f.check, CheckId::CrossLanguageMissing);
                assert_eq!(f.severity, Severity::Warning);
                (lang.clone(), f.args[0].1.clone(), f.args[1].1.clone())
            })
            .collect()
    }

    fn row(lang: &str, item: &str, found_in: &str) -> (String, String, String) {
        (lang.to_owned(), item.to_owned(), found_in.to_owned())
    }

    const HY: &str = "Դեկտեմբերի 12-ին վարչապետը NATO-ի ներկայացուցչի հետ քննարկեց 120 000 դրամ արժողությամբ ծրագիրը։";
    const EN: &str = "On December 12, the Prime Minister discussed the AMD 120,000 programme with the NATO representative.";
    const RU: &str = "12 декабря премьер-министр обсудил с представителем NATO программу стоимостью 120 000 драмов.";

    #[test]
    fn consistent_translations_pass() {
        assert!(check_across("hy", HY, &[("en", EN), ("ru", RU)]).is_empty());
        assert!(check_across("en", EN, &[("hy", HY), ("ru", RU)]).is_empty());
        assert!(check_across("ru", RU, &[("en", EN), ("hy", HY)]).is_empty());
    }

    #[test]
    fn a_number_kept_by_one_translation_and_lost_by_another() {
        let ru = "12 декабря премьер-министр обсудил с представителем NATO программу.";
        let found = check_across("hy", HY, &[("en", EN), ("ru", ru)]);
        assert_eq!(summary(&found), [row("ru", "120 000", "en")]);
        let hy = "Դեկտեմբերի 12-ին վարչապետը NATO-ի ներկայացուցչի հետ քննարկեց ծրագիրը։";
        let found = check_across("en", EN, &[("hy", hy), ("ru", RU)]);
        assert_eq!(summary(&found), [row("hy", "120,000", "ru")]);
    }

    #[test]
    fn a_date_kept_by_one_translation_and_lost_by_another() {
        let en =
            "The Prime Minister discussed the AMD 120,000 programme with the NATO representative.";
        let found = check_across("ru", RU, &[("en", en), ("hy", HY)]);
        assert_eq!(summary(&found), [row("en", "12 декабря", "hy")]);
    }

    #[test]
    fn a_latin_name_kept_by_one_translation_and_lost_by_another() {
        let ru = "12 декабря премьер-министр обсудил с представителем НАТО программу стоимостью 120 000 драмов.";
        let found = check_across("en", EN, &[("hy", HY), ("ru", ru)]);
        assert_eq!(summary(&found), [row("ru", "NATO", "hy")]);
    }

    #[test]
    fn items_no_translation_has_are_not_reported() {
        // `The`, `On`, `Prime`, `AMD` are in no translation: nothing to compare.
        let hy = "Վարչապետը ՆԱՏՕ-ի ներկայացուցչի հետ քննարկեց ծրագիրը։";
        let ru = "Премьер-министр обсудил программу с представителем НАТО.";
        assert_eq!(
            summary(&check_across("en", EN, &[("hy", hy), ("ru", ru)])),
            Vec::<(String, String, String)>::new()
        );
    }

    #[test]
    fn several_missing_translations_are_each_reported() {
        let de = "Am 12. Dezember erörterte der Premierminister mit dem NATO-Vertreter ein Programm über 120.000 Dram.";
        let hy = "Վարչապետը քննարկեց ծրագիրը։";
        let ru = "Премьер-министр обсудил программу.";
        let found = check_across("en", EN, &[("de", de), ("hy", hy), ("ru", ru)]);
        assert_eq!(
            summary(&found),
            [
                row("hy", "120,000", "de"),
                row("ru", "120,000", "de"),
                row("hy", "NATO", "de"),
                row("ru", "NATO", "de"),
            ]
        );
    }

    #[test]
    fn ranges_count_whatever_their_form() {
        let en = "Consultations will run on December 12–14.";
        let hy = "Խորհրդակցությունները կանցկացվեն դեկտեմբերի 12-ից 14-ը։";
        let ru = "Консультации пройдут с 12 по 14 декабря.";
        assert!(check_across("en", en, &[("hy", hy), ("ru", ru)]).is_empty());
        let ru = "Консультации пройдут в декабре.";
        assert_eq!(
            summary(&check_across("en", en, &[("hy", hy), ("ru", ru)])),
            [
                row("ru", "December 12–14", "hy"),
                row("ru", "December 12–14", "hy")
            ]
        );
    }

    #[test]
    fn blank_translations_are_not_yet_written() {
        assert!(check_across("hy", HY, &[("en", EN), ("ru", "  ")]).is_empty());
        assert!(check_across("hy", HY, &[]).is_empty());
    }
}
