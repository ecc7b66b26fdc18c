//! Glossary terms: preferred translations followed, forbidden ones avoided, names kept as is.

use super::text::{fold, fold_keep_case, word_parts};
use super::{CheckId, Finding, GlossaryTerm, Severity, TermStatus};

/// Word parts of a text or a term, folded (`case_insensitive`) or only cleaned of stress marks.
fn words(text: &str, case_insensitive: bool) -> Vec<String> {
    word_parts(text, &[])
        .into_iter()
        .map(|p| {
            let word = &text[p.start..p.end];
            if case_insensitive {
                fold(word)
            } else {
                fold_keep_case(word)
            }
        })
        .collect()
}

/// Terms of at least this many letters also match inflected forms.
const INFLECTABLE: usize = 4;

/// The part of a term's word that stays when it inflects. Armenian and English mostly add
/// endings, so the word is its own stem, except Armenian `-ություն`, whose genitive is
/// `-ության`, and English `-y` → `-ies`. Russian replaces final vowels (`Москва` → `Москвы`,
/// `собрание` → `собрания`), so up to two are dropped, keeping at least three letters.
fn stem<'w>(word: &'w str, lang: &str) -> &'w str {
    match lang {
        "ru" | "uk" | "be" => {
            let mut stem = word;
            for _ in 0..2 {
                let Some(last) = stem.chars().next_back() else {
                    break;
                };
                let shorter = &stem[..stem.len() - last.len_utf8()];
                if !"аяоеыийьую".contains(last) || shorter.chars().count() < 3 {
                    break;
                }
                stem = shorter;
            }
            stem
        }
        "hy" => word
            .strip_suffix("ություն")
            .map_or(word, |head| &word[..head.len() + "ությ".len()]),
        "en" if word.chars().count() > INFLECTABLE => word.strip_suffix('y').unwrap_or(word),
        _ => word,
    }
}

/// Whether the text's word `word` is the term's word `part`, inflected or not.
fn part_matches(word: &str, part: &str, lang: &str) -> bool {
    word == part || (part.chars().count() >= INFLECTABLE && word.starts_with(stem(part, lang)))
}

/// Whether the term's words occur in a row among the text's words.
fn occurs(text: &[String], term: &[String], lang: &str) -> bool {
    !term.is_empty()
        && text.windows(term.len()).any(|window| {
            window
                .iter()
                .zip(term)
                .all(|(word, part)| part_matches(word, part, lang))
        })
}

/// Glossary findings, those of terms not followed first, then forbidden ones, each in the
/// glossary's order.
///
/// A preferred translation or a do-not-translate term missing from the target is a [warning]:
/// the translator may have rephrased around it. A forbidden translation in the target is an
/// [error] wherever it comes from: the glossary says it must never be published.
pub(super) fn check_glossary(
    source_lang: &str,
    source: &str,
    target_lang: &str,
    target: &str,
    glossary: &[GlossaryTerm],
) -> Vec<Finding> {
    let source_words = words(source, true);
    let target_words = words(target, true);
    let target_raw = words(target, false);
    let mut not_followed = Vec::new();
    let mut forbidden = Vec::new();
    for entry in glossary {
        let in_source = || occurs(&source_words, &words(entry.term, true), source_lang);
        let finding = |check, severity, translation: &str| {
            Finding::new(check, severity)
                .arg("term", entry.term.trim())
                .arg("translation", translation.trim())
        };
        match entry.status {
            TermStatus::Preferred => {
                let translation = words(entry.translation, true);
                if !translation.is_empty()
                    && in_source()
                    && !occurs(&target_words, &translation, target_lang)
                {
                    not_followed.push(finding(
                        CheckId::GlossaryNotFollowed,
                        Severity::Warning,
                        entry.translation,
                    ));
                }
            }
            TermStatus::DoNotTranslate => {
                // Kept as written, letter case included; an ending after it is allowed
                // (`UNICEF-ի`, `Tandem’s`), but no stemming: the word must not change.
                if in_source() && !occurs(&target_raw, &words(entry.term, false), "") {
                    not_followed.push(finding(
                        CheckId::GlossaryNotFollowed,
                        Severity::Warning,
                        entry.term,
                    ));
                }
            }
            TermStatus::Forbidden => {
                if occurs(&target_words, &words(entry.translation, true), target_lang) {
                    forbidden.push(finding(
                        CheckId::ForbiddenTerm,
                        Severity::Error,
                        entry.translation,
                    ));
                }
            }
        }
    }
    not_followed.extend(forbidden);
    not_followed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term<'a>(term: &'a str, translation: &'a str, status: TermStatus) -> GlossaryTerm<'a> {
        GlossaryTerm {
            term,
            translation,
            status,
        }
    }

    fn ids(findings: &[Finding]) -> Vec<(CheckId, String)> {
        findings
            .iter()
            .map(|f| (f.check, f.args[1].1.clone()))
            .collect()
    }

    #[test]
    fn stems() {
        assert_eq!(stem("москва", "ru"), "москв");
        assert_eq!(stem("собрание", "ru"), "собран");
        assert_eq!(stem("министр", "ru"), "министр");
        assert_eq!(stem("рига", "ru"), "риг");
        assert_eq!(stem("կառավարություն", "hy"), "կառավարությ");
        assert_eq!(stem("վարչապետ", "hy"), "վարչապետ");
        assert_eq!(stem("policy", "en"), "polic");
        assert_eq!(stem("city", "en"), "city");
    }

    #[test]
    fn preferred_translations_inflected_pass() {
        let glossary = [
            term("Prime Minister", "премьер-министр", TermStatus::Preferred),
            term(
                "National Assembly",
                "Национальное собрание",
                TermStatus::Preferred,
            ),
        ];
        let en = "The Prime Minister addressed the National Assembly.";
        let ru = "Премьер-министр выступил в Национальном собрании.";
        assert!(check_glossary("en", en, "ru", ru, &glossary).is_empty());

        let glossary = [
            term("Prime Minister", "վարչապետ", TermStatus::Preferred),
            term("Government", "կառավարություն", TermStatus::Preferred),
        ];
        let en = "The Prime Minister presented the programme of the Government.";
        let hy = "Վարչապետը ներկայացրեց կառավարության ծրագիրը։";
        assert!(check_glossary("en", en, "hy", hy, &glossary).is_empty());

        let glossary = [term("վարչապետ", "премьер-министр", TermStatus::Preferred)];
        let hy = "Վարչապետի այցը կայացավ։";
        let ru = "Визит премьер-министра состоялся.";
        assert!(check_glossary("hy", hy, "ru", ru, &glossary).is_empty());
    }

    #[test]
    fn a_preferred_translation_not_used_is_a_warning() {
        let glossary = [term(
            "Prime Minister",
            "премьер-министр",
            TermStatus::Preferred,
        )];
        let en = "The Prime Minister addressed parliament.";
        let ru = "Глава правительства выступил в парламенте.";
        let findings = check_glossary("en", en, "ru", ru, &glossary);
        assert_eq!(
            findings,
            [
                Finding::new(CheckId::GlossaryNotFollowed, Severity::Warning)
                    .arg("term", "Prime Minister")
                    .arg("translation", "премьер-министр")
            ]
        );

        let glossary = [term("премьер-министр", "վարչապետ", TermStatus::Preferred)];
        let ru = "Премьер-министра встретили в аэропорту.";
        let hy = "Կառավարության ղեկավարին դիմավորեցին օդանավակայանում։";
        assert_eq!(
            ids(&check_glossary("ru", ru, "hy", hy, &glossary)),
            [(CheckId::GlossaryNotFollowed, "վարչապետ".to_owned())]
        );

        let glossary = [term("կառավարություն", "Government", TermStatus::Preferred)];
        let hy = "Կառավարության նիստը կկայանա հինգշաբթի։";
        let en = "The cabinet will meet on Thursday.";
        assert_eq!(check_glossary("hy", hy, "en", en, &glossary).len(), 1);
    }

    #[test]
    fn terms_absent_from_the_source_ask_nothing() {
        let glossary = [term(
            "Prime Minister",
            "премьер-министр",
            TermStatus::Preferred,
        )];
        let en = "The President addressed parliament.";
        let ru = "Президент выступил в парламенте.";
        assert!(check_glossary("en", en, "ru", ru, &glossary).is_empty());
    }

    #[test]
    fn short_terms_match_whole_words_only() {
        let glossary = [term("EU", "ЕС", TermStatus::Preferred)];
        // `EUR` is not `EU`.
        let en = "The grant is EUR 5 million.";
        let ru = "Грант составляет 5 млн евро.";
        assert!(check_glossary("en", en, "ru", ru, &glossary).is_empty());
        let en = "The EU grant is EUR 5 million.";
        assert_eq!(check_glossary("en", en, "ru", ru, &glossary).len(), 1);
        let ru = "Грант ЕС составляет 5 млн евро.";
        assert!(check_glossary("en", en, "ru", ru, &glossary).is_empty());
    }

    #[test]
    fn forbidden_translations_are_errors() {
        let glossary = [term("Kyiv", "Киев", TermStatus::Forbidden)];
        let en = "The delegation arrived in Kyiv.";
        let ru = "Делегация прибыла в Киев.";
        assert_eq!(
            check_glossary("en", en, "ru", ru, &glossary),
            [Finding::new(CheckId::ForbiddenTerm, Severity::Error)
                .arg("term", "Kyiv")
                .arg("translation", "Киев")]
        );
        // Inflected forms are caught too.
        let ru = "Делегация находится в Киеве.";
        assert_eq!(check_glossary("en", en, "ru", ru, &glossary).len(), 1);
        let ru = "Делегация прибыла в Киів.";
        assert!(check_glossary("en", en, "ru", ru, &glossary).is_empty());

        let glossary = [term(
            "Prime Minister",
            "պրեմիեր-մինիստր",
            TermStatus::Forbidden,
        )];
        let hy = "Պրեմիեր-մինիստրը ելույթ ունեցավ։";
        let findings = check_glossary("en", "The Prime Minister spoke.", "hy", hy, &glossary);
        assert_eq!(findings[0].severity, Severity::Error);
        let hy = "Վարչապետը ելույթ ունեցավ։";
        assert!(check_glossary("en", "The Prime Minister spoke.", "hy", hy, &glossary).is_empty());
    }

    #[test]
    fn forbidden_translations_in_english() {
        let glossary = [
            term("Կիև", "Kyiv", TermStatus::Preferred),
            term("Կիև", "Kiev", TermStatus::Forbidden),
        ];
        let hy = "Պատվիրակությունը ժամանեց Կիև։";
        let findings = check_glossary("hy", hy, "en", "The delegation arrived in Kiev.", &glossary);
        assert_eq!(
            ids(&findings),
            [
                (CheckId::GlossaryNotFollowed, "Kyiv".to_owned()),
                (CheckId::ForbiddenTerm, "Kiev".to_owned()),
            ]
        );
        let en = "The delegation arrived in Kyiv.";
        assert!(check_glossary("hy", hy, "en", en, &glossary).is_empty());
    }

    #[test]
    fn do_not_translate_terms_stay_as_written() {
        let glossary = [term("UNICEF", "", TermStatus::DoNotTranslate)];
        let en = "UNICEF supports the programme.";
        assert!(
            check_glossary("en", en, "hy", "UNICEF-ը աջակցում է ծրագրին։", &glossary).is_empty()
        );
        assert!(
            check_glossary("en", en, "ru", "UNICEF поддерживает программу.", &glossary).is_empty()
        );
        let findings = check_glossary("en", en, "ru", "ЮНИСЕФ поддерживает программу.", &glossary);
        assert_eq!(
            findings,
            [
                Finding::new(CheckId::GlossaryNotFollowed, Severity::Warning)
                    .arg("term", "UNICEF")
                    .arg("translation", "UNICEF")
            ]
        );
        // Letter case is part of the name.
        assert_eq!(
            check_glossary("en", en, "hy", "Unicef-ը աջակցում է ծրագրին։", &glossary).len(),
            1
        );
        let glossary = [term("Tandem", "", TermStatus::DoNotTranslate)];
        let hy = "Tandem-ը թարգմանության համակարգ է։";
        assert!(check_glossary("hy", hy, "ru", "Tandem — система перевода.", &glossary).is_empty());
        assert_eq!(
            check_glossary("hy", hy, "ru", "Тандем — система перевода.", &glossary).len(),
            1
        );
    }

    #[test]
    fn not_followed_come_before_forbidden() {
        let glossary = [
            term("Kyiv", "Киев", TermStatus::Forbidden),
            term("Prime Minister", "премьер-министр", TermStatus::Preferred),
        ];
        let en = "The Prime Minister arrived in Kyiv.";
        let ru = "Глава правительства прибыл в Киев.";
        assert_eq!(
            ids(&check_glossary("en", en, "ru", ru, &glossary)),
            [
                (CheckId::GlossaryNotFollowed, "премьер-министр".to_owned()),
                (CheckId::ForbiddenTerm, "Киев".to_owned()),
            ]
        );
    }

    #[test]
    fn armenian_stress_marks_do_not_hide_a_term() {
        let glossary = [term("budget", "բյուջե", TermStatus::Preferred)];
        let en = "Why was the budget cut?";
        let hy = "Ինչո՞ւ է կրճատվել բյուջեն։";
        assert!(check_glossary("en", en, "hy", hy, &glossary).is_empty());
    }
}
