//! Letters of two scripts inside one word, such as a Latin `o` in `Мoсква`.

use super::links::Link;
use super::text::word_parts;
use super::{CheckId, Finding, Severity};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Armenian,
    Greek,
}

/// The script of a letter, among those whose look-alikes get mixed; other characters (digits,
/// marks, letters of other scripts) take no part.
fn script_of(c: char) -> Option<Script> {
    match c {
        'A'..='Z' | 'a'..='z' => Some(Script::Latin),
        // Latin-1 letters, without `×`, `÷` and the micro sign.
        '\u{C0}'..='\u{FF}' if !matches!(c, '\u{D7}' | '\u{F7}') => Some(Script::Latin),
        '\u{100}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' => Some(Script::Latin),
        '\u{400}'..='\u{52F}' if c.is_alphabetic() => Some(Script::Cyrillic),
        '\u{531}'..='\u{556}' | '\u{560}'..='\u{588}' | '\u{FB13}'..='\u{FB17}' => {
            Some(Script::Armenian)
        }
        '\u{370}'..='\u{3FF}' if c.is_alphabetic() => Some(Script::Greek),
        _ => None,
    }
}

/// A word whose letters come from two scripts is an [error]: it looks right but search,
/// spell-checking and sorting see another word. Words are split at hyphens, apostrophes and
/// all punctuation first, so `iPhone-ի`, `COVID-19-ի` and `IT-компания` pass. Each offending
/// word is reported once, in order.
pub(super) fn check_mixed_script(target: &str, links: &[Link]) -> Vec<Finding> {
    let skip: Vec<_> = links.iter().map(|l| l.span.clone()).collect();
    let mut words: Vec<&str> = Vec::new();
    for part in word_parts(target, &skip) {
        let word = &target[part.start..part.end];
        let mut scripts = word.chars().filter_map(script_of);
        let Some(first) = scripts.next() else {
            continue;
        };
        if scripts.any(|s| s != first) && !words.contains(&word) {
            words.push(word);
        }
    }
    words
        .into_iter()
        .map(|w| Finding::new(CheckId::MixedScript, Severity::Error).arg("word", w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(target: &str) -> Vec<String> {
        check_mixed_script(target, &[])
            .into_iter()
            .map(|f| {
                assert_eq!(f.severity, Severity::Error);
                f.args[0].1.clone()
            })
            .collect()
    }

    #[test]
    fn clean_texts_pass() {
        assert!(words("The Prime Minister arrived in Moscow on Monday.").is_empty());
        assert!(words("Премьер-министр прибыл в Москву в понедельник.").is_empty());
        assert!(words("Վարչապետը երկուշաբթի օրը ժամանեց Մոսկվա։").is_empty());
        assert!(words("Café Zürich, São Paulo and Łódź").is_empty());
    }

    #[test]
    fn latin_inside_cyrillic() {
        // Latin `o` (U+006F) in place of Cyrillic `о`.
        assert_eq!(words("Премьер-министр прибыл в Мoскву."), ["Мoскву"]);
        // Latin `c` and `p` in `сотрудничество` and `предприятие`.
        assert_eq!(
            words("Речь шла о сoтрудничестве и одном прeдприятии."),
            ["сoтрудничестве", "прeдприятии"]
        );
    }

    #[test]
    fn cyrillic_inside_latin() {
        // Cyrillic `а` (U+0430) in `Armenia`.
        assert_eq!(words("The minister visited Armeniа."), ["Armeniа"]);
        assert_eq!(words("The Рrime Minister spoke."), ["Рrime"]);
    }

    #[test]
    fn latin_or_cyrillic_inside_armenian() {
        // Latin `o` in place of Armenian `օ` (U+0585) in `օրենքը`.
        assert_eq!(words("Կառավարությունը հաստատեց oրենքը։"), ["oրենքը"]);
        // Cyrillic `п` inside an Armenian word.
        assert_eq!(words("Նախարարը пատասխանեց։"), ["пատասխանեց"]);
        // Armenian `օ` inside Latin and Cyrillic words.
        assert_eq!(words("The Ministry of Fօreign Affairs"), ["Fօreign"]);
        assert_eq!(words("Министерствօ"), ["Министерствօ"]);
    }

    #[test]
    fn hyphenated_mixes_are_legitimate() {
        assert!(words("Ընկերությունը ներկայացրեց iPhone-ի նոր հավելվածը։").is_empty());
        assert!(words("COVID-19-ի դեմ պատվաստումները շարունակվում են։").is_empty());
        assert!(words("EU-ի և UNICEF-ի ներկայացուցիչները").is_empty());
        assert!(words("IT-компания и SMS-рассылка").is_empty());
        assert!(words("Ո՞վ է պատասխանատու։").is_empty());
    }

    #[test]
    fn a_word_is_reported_once() {
        assert_eq!(words("Мoсква, Мoсква, Мoсква."), ["Мoсква"]);
    }

    #[test]
    fn links_are_skipped() {
        let text = "См. https://ru.wikipedia.org/wiki/Мoсква";
        let links = super::super::links::find_links(text);
        assert_eq!(words(text), ["Мoсква"]);
        assert!(check_mixed_script(text, &links).is_empty());
    }
}
