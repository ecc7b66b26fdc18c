//! Rebuilding a paragraph from the sentences a file splits it into, keeping the space between them.

use crate::formats::xml::is_xml_space;

/// What goes between two sentences of `lang` when a file gives nothing between them: a space for
/// languages that put spaces between words (Armenian, Russian, English and most others), nothing
/// for those written without (Chinese, Japanese, Thai, Lao, Khmer, Burmese), so a tool that writes
/// its sentences back to back does not glue `полдень.Они`.
pub(super) fn separator(lang: &str) -> &'static str {
    let primary = lang.split(['-', '_']).next().unwrap_or_default();
    let unspaced = ["zh", "ja", "th", "lo", "km", "my", "bo", "dz"];
    if unspaced.iter().any(|l| primary.eq_ignore_ascii_case(l)) {
        ""
    } else {
        " "
    }
}

/// Appends the next sentence to `text`, putting `sep` first when neither side of the join has
/// white space (the file gave nothing between them).
pub(super) fn push_sentence(text: &mut String, sentence: &str, sep: &str) {
    let spaced = text.is_empty()
        || text.ends_with(is_xml_space)
        || sentence.is_empty()
        || sentence.starts_with(is_xml_space);
    if !spaced {
        text.push_str(sep);
    }
    text.push_str(sentence);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_joined_by_the_language_s_rule() {
        let mut ru = String::new();
        for s in ["Они пришли в полдень.", "Они ушли.", " Все."] {
            push_sentence(&mut ru, s, separator("ru"));
        }
        assert_eq!(ru, "Они пришли в полдень. Они ушли. Все.");
        let mut ja = "今日は晴れ。".to_owned();
        push_sentence(&mut ja, "明日は雨。", separator("ja-JP"));
        assert_eq!(ja, "今日は晴れ。明日は雨。");
        assert_eq!(separator("hy"), " ");
        assert_eq!(separator("en-GB"), " ");
    }
}
