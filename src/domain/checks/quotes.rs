//! Quotation marks of the target's language: « » in Armenian and Russian, “ ” in English.

use super::links::Link;
use super::text::inside;
use super::{CheckId, Finding, Severity};

/// The quotation marks a language expects, and how to name them in the message.
enum Style {
    /// « » outside, „ “ for a quotation inside a quotation (Russian typography; Armenian
    /// newsrooms follow the same nesting).
    Guillemets,
    /// “ ” outside, ‘ ’ inside; `’` is also the apostrophe.
    English,
}

impl Style {
    fn of(lang: &str) -> Option<Style> {
        match lang {
            "hy" | "ru" | "uk" | "be" => Some(Style::Guillemets),
            "en" => Some(Style::English),
            // German „ “, French « » with spaces, Polish „ ” and others differ again; their
            // rules are left out rather than guessed.
            _ => None,
        }
    }

    fn expected(&self) -> &'static str {
        match self {
            Style::Guillemets => "« »",
            Style::English => "“ ”",
        }
    }
}

/// Quotation marks that do not belong to the target's language are a [warning]: they do not
/// change the meaning. One finding per wrong mark, in order of first appearance. Marks inside
/// links are the links' business.
pub(super) fn check_quotes(lang: &str, target: &str, links: &[Link]) -> Vec<Finding> {
    let Some(style) = Style::of(lang) else {
        return Vec::new();
    };
    let skip: Vec<_> = links.iter().map(|l| l.span.clone()).collect();
    let mut wrong: Vec<char> = Vec::new();
    // Depth of « » and whether a „ is waiting for its “.
    let mut depth = 0usize;
    let mut low_open = false;
    for (i, c) in target.char_indices() {
        if inside(&skip, i) {
            continue;
        }
        let bad = match style {
            Style::Guillemets => match c {
                '«' => {
                    depth += 1;
                    false
                }
                '»' => {
                    depth = depth.saturating_sub(1);
                    false
                }
                // „ opens only a quotation nested in « ».
                '„' => {
                    low_open = true;
                    depth == 0
                }
                // “ closes „; on its own it is an English opening quote.
                '“' => !std::mem::take(&mut low_open),
                '"' | '”' | '‘' => true,
                _ => false,
            },
            Style::English => matches!(c, '"' | '«' | '»' | '„'),
        };
        if bad && !wrong.contains(&c) {
            wrong.push(c);
        }
    }
    wrong
        .into_iter()
        .map(|c| {
            Finding::new(CheckId::QuoteStyle, Severity::Warning)
                .arg("found", c.to_string())
                .arg("expected", style.expected())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(lang: &str, target: &str) -> Vec<String> {
        check_quotes(lang, target, &[])
            .into_iter()
            .map(|f| {
                assert_eq!(f.severity, Severity::Warning);
                f.args[0].1.clone()
            })
            .collect()
    }

    #[test]
    fn each_language_its_own_marks() {
        assert!(found("ru", "«Мы готовы к диалогу», — заявил министр.").is_empty());
        assert!(found("hy", "«Մենք պատրաստ ենք երկխոսության»,- ասել է նախարարը։").is_empty());
        assert!(found("en", "“We are ready for dialogue,” the minister said.").is_empty());
        assert!(found("en-GB", "“We are ready,” the minister said.").is_empty());
    }

    #[test]
    fn nested_quotations() {
        assert!(found("ru", "«Закон „О бюджете“ принят», — сообщил спикер.").is_empty());
        assert!(found(
            "hy",
            "«„Բյուջեի մասին“ օրենքն ընդունված է»,- հայտնեց խոսնակը։"
        )
        .is_empty());
        assert!(found(
            "en",
            "“The law ‘On the Budget’ is adopted,” the speaker said."
        )
        .is_empty());
        assert!(found("en", "The minister’s statement").is_empty());
    }

    #[test]
    fn straight_quotes_are_wrong_everywhere() {
        assert_eq!(
            found("ru", "\"Мы готовы к диалогу\", — заявил министр."),
            ["\""]
        );
        assert_eq!(
            found("hy", "\"Մենք պատրաստ ենք\",- ասել է նախարարը։"),
            ["\""]
        );
        assert_eq!(found("en", "\"We are ready,\" the minister said."), ["\""]);
    }

    #[test]
    fn english_quotes_in_russian_and_armenian() {
        assert_eq!(
            found("ru", "“Мы готовы к диалогу”, — заявил министр."),
            ["“", "”"]
        );
        assert_eq!(
            found("hy", "“Մենք պատրաստ ենք”,- ասել է նախարարը։"),
            ["“", "”"]
        );
        // „ at the top level is handwriting style, not typography.
        assert_eq!(found("ru", "„Мы готовы“, — заявил министр."), ["„"]);
    }

    #[test]
    fn guillemets_in_english() {
        assert_eq!(
            found("en", "«We are ready,» the minister said."),
            ["«", "»"]
        );
        assert_eq!(found("en", "„We are ready,“ the minister said."), ["„"]);
    }

    #[test]
    fn the_finding_names_the_expected_marks() {
        let f = check_quotes("ru", "\"Да\"", &[]);
        assert_eq!(
            f,
            [Finding::new(CheckId::QuoteStyle, Severity::Warning)
                .arg("found", "\"")
                .arg("expected", "« »")]
        );
        let f = check_quotes("en", "«Yes»", &[]);
        assert_eq!(f[0].args[1].1, "“ ”");
    }

    #[test]
    fn other_languages_and_links_are_not_checked() {
        assert!(found("de", "„Wir sind bereit“, sagte der Minister.").is_empty());
        // A span handed in as a link hides its marks.
        let text = "См. \"x\" сегодня";
        let link = Link {
            text: "\"x\"".to_owned(),
            span: 6..9,
        };
        assert_eq!(found("ru", text), ["\""]);
        assert!(check_quotes("ru", text, &[link]).is_empty());
    }
}
