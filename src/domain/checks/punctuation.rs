//! The target's final punctuation against the source's (`.` ↔ `։`, `?` ↔ `՞`, `!` ↔ `՜`).

use super::{CheckId, Finding, Severity};

/// What a text's final mark does, whatever glyph the language uses for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// No final punctuation (headlines, list items).
    None,
    /// `.`, Armenian `։` (or `:` typed for it), CJK `。`.
    Period,
    Question,
    Exclamation,
    Ellipsis,
    Colon,
    /// Armenian `.` or `․` (U+2024): the Armenian colon, or a full stop typed wrongly.
    ArmenianDot,
    /// Anything else keeps its glyph: `;`, `,`, `—`.
    Other(char),
}

/// Closing quotes and brackets: the final mark may stand inside or outside them.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '»' | '”' | '’' | '"' | '\'' | ')' | ']' | '}' | '›' | '“' | '」' | '』' | '）'
    )
}

/// The text without trailing white space and closing quotes or brackets.
fn core(text: &str) -> &str {
    text.trim_end_matches(|c: char| c.is_whitespace() || is_closer(c))
}

/// The final mark of `text` in language `lang`, and how it is written.
fn final_mark(lang: &str, text: &str) -> (Mark, String) {
    let core = core(text);
    for dots in ["...", "․․․", "…"] {
        if core.ends_with(dots) {
            return (Mark::Ellipsis, dots.to_owned());
        }
    }
    let Some(c) = core.chars().next_back() else {
        return (Mark::None, "none".to_owned());
    };
    let hy = lang == "hy";
    let mark = match c {
        '։' | ':' if hy => Mark::Period,
        '.' | '․' if hy => Mark::ArmenianDot,
        '.' | '。' | '．' | '｡' => Mark::Period,
        '?' | '？' | '՞' | '؟' => Mark::Question,
        ';' | '\u{037E}' if lang == "el" => Mark::Question,
        '!' | '！' | '՜' => Mark::Exclamation,
        ':' | '：' => Mark::Colon,
        c if c.is_alphanumeric() => Mark::None,
        c => Mark::Other(c),
    };
    let written = if mark == Mark::None {
        "none".to_owned()
    } else {
        c.to_string()
    };
    (mark, written)
}

/// The last sentence of an Armenian text, where its `՞` or `՜` would be.
fn last_sentence(text: &str) -> &str {
    let core = core(text);
    let body = core
        .char_indices()
        .next_back()
        .map_or(core, |(i, _)| &core[..i]);
    let start = body
        .char_indices()
        .rfind(|&(i, c)| {
            matches!(c, '։' | '?' | '!' | '…')
                || (c == ':' && body[i + 1..].starts_with(char::is_whitespace))
        })
        .map_or(0, |(i, c)| i + c.len_utf8());
    &body[start..]
}

/// The Armenian reading of a final full stop: a sentence whose stressed vowel carries `՞` is a
/// question, one with `՜` an exclamation.
fn armenian_mark(text: &str, mark: Mark) -> Mark {
    if mark != Mark::Period {
        return mark;
    }
    let sentence = last_sentence(text);
    if sentence.contains('՞') {
        Mark::Question
    } else if sentence.contains('՜') {
        Mark::Exclamation
    } else {
        Mark::Period
    }
}

/// How the target's language writes the mark that does the job of `mark`, for the message.
fn expected_glyph(lang: &str, mark: Mark) -> String {
    let cjk = matches!(lang, "zh" | "ja");
    let glyph = match mark {
        Mark::None => return "none".to_owned(),
        Mark::Period if lang == "hy" => '։',
        Mark::Period if cjk => '。',
        Mark::Period | Mark::ArmenianDot => '.',
        Mark::Question if lang == "hy" => '՞',
        Mark::Question if lang == "el" => ';',
        Mark::Question if matches!(lang, "ar" | "fa" | "ur") => '؟',
        Mark::Question if cjk => '？',
        Mark::Question => '?',
        Mark::Exclamation if lang == "hy" => '՜',
        Mark::Exclamation if cjk => '！',
        Mark::Exclamation => '!',
        Mark::Ellipsis => '…',
        Mark::Colon if lang == "hy" => '․',
        Mark::Colon => ':',
        Mark::Other(c) => c,
    };
    glyph.to_string()
}

/// Whether the target's ending does the job of the source's `wanted` mark.
fn accepts(lang: &str, text: &str, wanted: Mark, found: Mark) -> bool {
    if lang == "hy" {
        let sentence = last_sentence(text);
        return match wanted {
            // Armenian questions and exclamations show on the stressed vowel; the sentence may
            // still end with `։`.
            Mark::Question => {
                (sentence.contains('՞') && matches!(found, Mark::Question | Mark::Period))
                    || core(text).ends_with('՞')
            }
            Mark::Exclamation => {
                ((sentence.contains('՜') || sentence.contains('՛'))
                    && matches!(found, Mark::Exclamation | Mark::Period))
                    || core(text).ends_with(['!', '՜'])
            }
            // `։` in its proper place; `.` is wrong at the end of an Armenian sentence.
            Mark::Period => found == Mark::Period,
            // The Armenian colon is `․`, often typed `.`; `:` may be meant as one too.
            Mark::Colon => matches!(found, Mark::ArmenianDot | Mark::Period),
            Mark::ArmenianDot => matches!(found, Mark::ArmenianDot | Mark::Period),
            _ => found == wanted,
        };
    }
    match wanted {
        // An Armenian `.` at the end is a colon or a mistyped full stop: both readings pass.
        Mark::ArmenianDot => matches!(found, Mark::Period | Mark::Colon),
        _ => found == wanted,
    }
}

/// The target's final mark must match the source's [warning: punctuation does not change the
/// facts, and headlines or quotes may legitimately differ].
pub(super) fn check_end_punctuation(
    source_lang: &str,
    source: &str,
    target_lang: &str,
    target: &str,
) -> Option<Finding> {
    if source.trim().is_empty() || target.trim().is_empty() {
        return None;
    }
    let (mut wanted, _) = final_mark(source_lang, source);
    if source_lang == "hy" {
        wanted = armenian_mark(source, wanted);
    }
    let (mut found, written) = final_mark(target_lang, target);
    if target_lang == "hy" {
        found = armenian_mark(target, found);
    }
    if accepts(target_lang, target, wanted, found) {
        return None;
    }
    Some(
        Finding::new(CheckId::EndPunctuation, Severity::Warning)
            .arg("expected", expected_glyph(target_lang, wanted))
            .arg("found", written),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(sl: &str, source: &str, tl: &str, target: &str) -> Option<(String, String)> {
        check_end_punctuation(sl, source, tl, target).map(|f| {
            assert_eq!(f.check, CheckId::EndPunctuation);
            assert_eq!(f.severity, Severity::Warning);
            (f.args[0].1.clone(), f.args[1].1.clone())
        })
    }

    fn pair(expected: &str, found: &str) -> Option<(String, String)> {
        Some((expected.to_owned(), found.to_owned()))
    }

    const EN: &str = "The Prime Minister met the delegation.";
    const RU: &str = "Премьер-министр встретился с делегацией.";
    const HY: &str = "Վարչապետը հանդիպեց պատվիրակությանը։";

    #[test]
    fn full_stops_map_between_the_three_languages() {
        assert_eq!(check("en", EN, "ru", RU), None);
        assert_eq!(check("en", EN, "hy", HY), None);
        assert_eq!(check("hy", HY, "en", EN), None);
        assert_eq!(check("hy", HY, "ru", RU), None);
        assert_eq!(check("ru", RU, "hy", HY), None);
    }

    #[test]
    fn an_ascii_colon_passes_for_the_armenian_full_stop() {
        assert_eq!(
            check("en", EN, "hy", "Վարչապետը հանդիպեց պատվիրակությանը:"),
            None
        );
        assert_eq!(
            check("hy", "Վարչապետը հանդիպեց պատվիրակությանը:", "ru", RU),
            None
        );
    }

    #[test]
    fn a_latin_full_stop_is_wrong_in_armenian() {
        assert_eq!(
            check("en", EN, "hy", "Վարչապետը հանդիպեց պատվիրակությանը."),
            pair("։", ".")
        );
        assert_eq!(
            check("ru", RU, "hy", "Վարչապետը հանդիպեց պատվիրակությանը․"),
            pair("։", "․")
        );
    }

    #[test]
    fn an_armenian_full_stop_is_wrong_in_english_and_russian() {
        assert_eq!(
            check("hy", HY, "en", "The Prime Minister met the delegation։"),
            pair(".", "։")
        );
        assert_eq!(
            check("hy", HY, "ru", "Премьер-министр встретился с делегацией։"),
            pair(".", "։")
        );
    }

    #[test]
    fn a_missing_final_mark_is_reported() {
        assert_eq!(
            check("en", EN, "ru", "Премьер-министр встретился с делегацией"),
            pair(".", "none")
        );
        assert_eq!(
            check("ru", RU, "hy", "Վարչապետը հանդիպեց պատվիրակությանը"),
            pair("։", "none")
        );
        assert_eq!(
            check("hy", HY, "en", "The Prime Minister met the delegation"),
            pair(".", "none")
        );
    }

    #[test]
    fn headlines_without_marks_stay_without() {
        assert_eq!(
            check("en", "Budget for 2024", "ru", "Бюджет на 2024 год"),
            None
        );
        assert_eq!(
            check("ru", "Бюджет на 2024 год", "hy", "2024 թ. բյուջեն"),
            None
        );
        assert_eq!(
            check("en", "Budget for 2024", "hy", "2024 թ. բյուջեն։"),
            pair("none", "։")
        );
    }

    #[test]
    fn questions_in_armenian_carry_the_mark_on_the_vowel() {
        let en = "When will the report be published?";
        let ru = "Когда будет опубликован доклад?";
        let hy = "Ե՞րբ կհրապարակվի զեկույցը։";
        assert_eq!(check("en", en, "ru", ru), None);
        assert_eq!(check("en", en, "hy", hy), None);
        assert_eq!(check("ru", ru, "hy", "Ե՞րբ կհրապարակվի զեկույցը:"), None);
        assert_eq!(check("hy", hy, "en", en), None);
        assert_eq!(check("hy", hy, "ru", ru), None);
        // `՞` belongs to the last sentence, not to an earlier one.
        let two = "Ո՞վ է պատասխանատու։ Նախարարությունը պատասխանեց։";
        assert_eq!(
            check(
                "hy",
                two,
                "en",
                "Who is responsible? The ministry answered."
            ),
            None
        );
    }

    #[test]
    fn a_question_without_its_mark_is_reported() {
        let en = "When will the report be published?";
        assert_eq!(
            check("en", en, "hy", "Երբ կհրապարակվի զեկույցը։"),
            pair("՞", "։")
        );
        assert_eq!(
            check("en", en, "hy", "Երբ կհրապարակվի զեկույցը?"),
            pair("՞", "?")
        );
        assert_eq!(
            check("en", en, "ru", "Когда будет опубликован доклад."),
            pair("?", ".")
        );
        let hy = "Ե՞րբ կհրապարակվի զեկույցը։";
        assert_eq!(
            check("hy", hy, "en", "When will the report be published."),
            pair("?", ".")
        );
        assert_eq!(
            check("hy", hy, "ru", "Когда будет опубликован доклад."),
            pair("?", ".")
        );
        // A statement answered by a question in translation.
        assert_eq!(
            check(
                "ru",
                "Доклад опубликован.",
                "en",
                "Was the report published?"
            ),
            pair(".", "?")
        );
    }

    #[test]
    fn exclamations() {
        let en = "What an achievement this is!";
        let ru = "Какое это достижение!";
        let hy = "Ի՜նչ մեծ ձեռքբերում է սա։";
        assert_eq!(check("en", en, "ru", ru), None);
        assert_eq!(check("en", en, "hy", hy), None);
        assert_eq!(check("en", en, "hy", "Ինչ մեծ ձեռքբերում է սա!"), None);
        assert_eq!(check("hy", hy, "ru", ru), None);
        assert_eq!(
            check("hy", hy, "en", "What an achievement this is."),
            pair("!", ".")
        );
        assert_eq!(
            check("ru", ru, "hy", "Ինչ մեծ ձեռքբերում է սա։"),
            pair("՜", "։")
        );
    }

    #[test]
    fn ellipses_in_either_spelling() {
        let en = "The talks will go on...";
        assert_eq!(check("en", en, "ru", "Переговоры продолжатся…"), None);
        assert_eq!(
            check("en", en, "hy", "Բանակցությունները կշարունակվեն…"),
            None
        );
        assert_eq!(
            check("hy", "Բանակցությունները կշարունակվեն...", "en", en),
            None
        );
        assert_eq!(
            check("en", en, "ru", "Переговоры продолжатся."),
            pair("…", ".")
        );
    }

    #[test]
    fn marks_inside_closing_quotes_count() {
        let en = "The minister said: “We are ready for dialogue.”";
        let ru = "Министр заявил: «Мы готовы к диалогу».";
        let hy = "Նախարարը հայտարարեց. «Մենք պատրաստ ենք երկխոսության»։";
        assert_eq!(check("en", en, "ru", ru), None);
        assert_eq!(check("en", en, "hy", hy), None);
        assert_eq!(
            check(
                "ru",
                ru,
                "en",
                "The minister said: “We are ready for dialogue”"
            ),
            pair(".", "none")
        );
    }

    #[test]
    fn colons_introducing_a_list() {
        let en = "The agenda includes the following items:";
        let ru = "В повестке дня следующие вопросы:";
        let hy = "Օրակարգում ընդգրկված են հետևյալ հարցերը․";
        assert_eq!(check("en", en, "ru", ru), None);
        assert_eq!(check("en", en, "hy", hy), None);
        assert_eq!(
            check("en", en, "hy", "Օրակարգում ընդգրկված են հետևյալ հարցերը."),
            None
        );
        assert_eq!(check("hy", hy, "en", en), None);
        assert_eq!(
            check("en", en, "ru", "В повестке дня следующие вопросы."),
            pair(":", ".")
        );
    }

    #[test]
    fn other_marks_keep_their_glyph() {
        assert_eq!(check("en", "First item;", "ru", "Первый пункт;"), None);
        assert_eq!(
            check("en", "First item;", "ru", "Первый пункт,"),
            pair(";", ",")
        );
    }

    #[test]
    fn other_scripts_have_their_own_marks() {
        assert_eq!(check("en", "Is it ready?", "el", "Είναι έτοιμο;"), None);
        assert_eq!(
            check("en", "It is ready.", "ja", "準備ができました。"),
            None
        );
        assert_eq!(
            check("en", "It is ready.", "zh", "准备好了"),
            pair("。", "none")
        );
    }
}
