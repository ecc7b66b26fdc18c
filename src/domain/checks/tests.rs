//! End-to-end tests of `check_unit` and `check_across` on whole newsroom statements.

use super::*;

fn unit<'a>(
    source_lang: &'a str,
    source: &'a str,
    target_lang: &'a str,
    target: &'a str,
) -> UnitInput<'a> {
    UnitInput {
        source_lang,
        target_lang,
        source,
        target,
        source_sentences: 1,
        target_sentences: 1,
        glossary: &[],
    }
}

fn checks(findings: &[Finding]) -> Vec<CheckId> {
    findings.iter().map(|f| f.check).collect()
}

const EN: &str = "On December 12, 2022, Prime Minister Nikol Pashinyan met the delegation of the European Union. “The budget of the programme is AMD 3.5 billion, and it will reach 120,000 families,” he said. Details are at https://www.gov.am/en/news/.";
const RU: &str = "12 декабря 2022 года премьер-министр Никол Пашинян встретился с делегацией Европейского союза. «Бюджет программы составляет 3,5 млрд драмов, и она охватит 120\u{a0}000 семей», — сказал он. Подробности на сайте https://www.gov.am/en/news/.";
const HY: &str = "2022 թ. դեկտեմբերի 12-ին վարչապետ Նիկոլ Փաշինյանը հանդիպեց Եվրոպական միության պատվիրակությանը։ «Ծրագրի բյուջեն կազմում է 3,5 միլիարդ դրամ, և այն կընդգրկի 120\u{a0}000 ընտանիք»,- ասել է նա։ Մանրամասները՝ https://www.gov.am/en/news/ կայքում։";

fn three_sentences<'a>(sl: &'a str, s: &'a str, tl: &'a str, t: &'a str) -> UnitInput<'a> {
    UnitInput {
        source_sentences: 3,
        target_sentences: 3,
        ..unit(sl, s, tl, t)
    }
}

#[test]
fn good_translations_have_no_findings_in_any_direction() {
    let texts = [("en", EN), ("ru", RU), ("hy", HY)];
    for (sl, s) in texts {
        for (tl, t) in texts {
            if sl != tl {
                let found = check_unit(&three_sentences(sl, s, tl, t));
                assert!(found.is_empty(), "{sl}→{tl}: {found:?}");
            }
        }
    }
}

#[test]
fn regional_tags_use_their_primary_subtag() {
    let found = check_unit(&three_sentences("en-GB", EN, "ru-RU", RU));
    assert!(found.is_empty(), "{found:?}");
    let found = check_unit(&three_sentences("hy-AM", HY, "en-US", EN));
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn an_empty_target_is_the_only_finding() {
    for target in ["", "  \n"] {
        let found = check_unit(&three_sentences("en", EN, "hy", target));
        assert_eq!(
            found,
            [Finding {
                check: CheckId::EmptyTarget,
                severity: Severity::Error,
                args: vec![]
            }]
        );
    }
    assert!(check_unit(&unit("en", "", "ru", "")).is_empty());
}

#[test]
fn an_untranslated_copy_is_a_warning() {
    let found = check_unit(&three_sentences("en", EN, "ru", EN));
    assert_eq!(
        found.first().map(|f| f.check),
        Some(CheckId::UnchangedFromSource)
    );
    assert_eq!(found[0].severity, Severity::Warning);
    // Read as Russian, the copy's `120,000` is 120 with a decimal comma, and its quotes are
    // English ones.
    assert_eq!(
        checks(&found),
        [
            CheckId::UnchangedFromSource,
            CheckId::NumberMissing,
            CheckId::NumberAdded,
            CheckId::QuoteStyle,
            CheckId::QuoteStyle
        ]
    );
}

#[test]
fn many_problems_come_in_check_order() {
    let target = " 13 декабря 2022 года премьер-министр Никол Пашинян встретился с делегацией Европейскoго  союза. \"Бюджет программы составляет 3,5 млн драмов, и она охватит 120\u{a0}000 семей\", — сказал он";
    let glossary = [
        GlossaryTerm {
            term: "Prime Minister",
            translation: "глава правительства",
            status: TermStatus::Preferred,
        },
        GlossaryTerm {
            term: "European Union",
            translation: "Евросоюз",
            status: TermStatus::Forbidden,
        },
        GlossaryTerm {
            term: "delegation",
            translation: "делегац",
            status: TermStatus::Forbidden,
        },
    ];
    let input = UnitInput {
        source_sentences: 3,
        target_sentences: 2,
        glossary: &glossary,
        ..unit("en", EN, "ru", target)
    };
    let found = check_unit(&input);
    assert_eq!(
        checks(&found),
        [
            CheckId::NumberMissing,
            CheckId::NumberAdded,
            CheckId::DateMismatch,
            CheckId::DateMismatch,
            CheckId::EndPunctuation,
            CheckId::QuoteStyle,
            CheckId::DoubleSpace,
            CheckId::EdgeWhitespace,
            CheckId::MixedScript,
            CheckId::LinkMissing,
            CheckId::GlossaryNotFollowed,
            CheckId::ForbiddenTerm,
            CheckId::SentenceCount,
        ],
        "{found:#?}"
    );
    let blocking: Vec<_> = found
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| f.check)
        .collect();
    assert_eq!(
        blocking,
        [
            CheckId::NumberMissing,
            CheckId::DateMismatch,
            CheckId::DateMismatch,
            CheckId::MixedScript,
            CheckId::LinkMissing,
            CheckId::ForbiddenTerm,
        ]
    );
    let word = found
        .iter()
        .find(|f| f.check == CheckId::MixedScript)
        .map(|f| f.args.clone());
    assert_eq!(
        word,
        Some(vec![("word".to_owned(), "Европейскoго".to_owned())])
    );
}

#[test]
fn armenian_target_problems() {
    let target = "2022 թ. դեկտեմբերի 12-ին վարչապետ Նիկոլ Փաշինյանը հանդիպեց Եվրոպական միության պատվիրակությանը։ \"Ծրագրի բյուջեն կազմում է 3,5 միլիարդ դրամ\",- ասել է նա։ Մանրամասները՝ https://www.gov.am/hy/news/ կայքում.";
    let found = check_unit(&three_sentences("en", EN, "hy", target));
    assert_eq!(
        checks(&found),
        [
            CheckId::NumberMissing,
            CheckId::EndPunctuation,
            CheckId::QuoteStyle,
            CheckId::LinkMissing,
        ],
        "{found:#?}"
    );
    assert_eq!(found[0].args, [("number".to_owned(), "120,000".to_owned())]);
    assert_eq!(
        found[1].args,
        [
            ("expected".to_owned(), "։".to_owned()),
            ("found".to_owned(), ".".to_owned())
        ]
    );
}

#[test]
fn english_target_from_armenian_problems() {
    let target = "On December 12, 2022, Prime Minister Nikol Pashinyan met the delegation of the European Union. «The budget of the programme is AMD 3.5 billion, and it will reach 12,000 families,» he said. Details are at https://www.gov.am/en/news/.";
    let found = check_unit(&three_sentences("hy", HY, "en", target));
    assert_eq!(
        checks(&found),
        [
            CheckId::NumberMissing,
            CheckId::NumberAdded,
            CheckId::QuoteStyle,
            CheckId::QuoteStyle,
        ],
        "{found:#?}"
    );
    assert_eq!(found[0].args[0].1, "120\u{a0}000");
    assert_eq!(found[1].args[0].1, "12,000");
}

#[test]
fn length_ratio_through_check_unit() {
    let input = UnitInput {
        source_sentences: 3,
        target_sentences: 1,
        ..unit(
            "en",
            EN,
            "ru",
            "Премьер-министр встретился с делегацией ЕС.",
        )
    };
    let found = checks(&check_unit(&input));
    assert!(found.contains(&CheckId::SentenceCount));
    assert!(found.contains(&CheckId::LengthRatio));
    assert!(found.contains(&CheckId::NumberMissing));
}

#[test]
fn findings_are_deterministic() {
    let target = "13 декабря  премьер-министр встретился с делегацией. \"Бюджет\"";
    let input = unit("en", EN, "ru", target);
    let first = check_unit(&input);
    for _ in 0..5 {
        assert_eq!(check_unit(&input), first);
    }
}

#[test]
fn duplicate_glossary_entries_give_one_finding() {
    let glossary = [
        GlossaryTerm {
            term: "Kyiv",
            translation: "Киев",
            status: TermStatus::Forbidden,
        },
        GlossaryTerm {
            term: "Kyiv",
            translation: "Киев",
            status: TermStatus::Forbidden,
        },
    ];
    let input = UnitInput {
        glossary: &glossary,
        ..unit(
            "en",
            "The delegation arrived in Kyiv.",
            "ru",
            "Делегация прибыла в Киев.",
        )
    };
    assert_eq!(checks(&check_unit(&input)), [CheckId::ForbiddenTerm]);
}

#[test]
fn findings_serialise_with_snake_case_names() {
    let finding = Finding::new(CheckId::NumberMissing, Severity::Error).arg("number", "120 000");
    let json = serde_json::to_value(&finding).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "check": "number_missing",
            "severity": "error",
            "args": [["number", "120 000"]]
        })
    );
    let json = serde_json::to_value(CheckId::CrossLanguageMissing).unwrap();
    assert_eq!(json, "cross_language_missing");
}

#[test]
fn check_across_goes_through_the_public_api() {
    let ru = "12 декабря 2022 года премьер-министр встретился с делегацией Европейского союза.";
    let found = check_across("en", EN, &[("hy", HY), ("ru", ru)]);
    let langs: Vec<_> = found.iter().map(|(l, _)| l.as_str()).collect();
    assert!(langs.iter().all(|l| *l == "ru"), "{found:?}");
    let items: Vec<_> = found.iter().map(|(_, f)| f.args[0].1.as_str()).collect();
    assert_eq!(items, ["3.5 billion", "120,000"]);
}

/// Random texts built from the pieces the scanners care about must never make a check panic
/// (byte offsets inside multi-byte letters, dangling separators, empty pieces).
#[test]
fn no_input_makes_a_check_panic() {
    const PIECES: [&str; 40] = [
        "12",
        "2022",
        "1,5",
        "120 000",
        "3.5",
        "+374 ",
        "(",
        ")",
        "-",
        "–",
        "ին",
        "-ը",
        "декабря",
        "December",
        "դեկտեմբերի",
        " ",
        "\u{a0}",
        "\u{202f}",
        ".",
        "։",
        ":",
        "․",
        "…",
        "?",
        "՞",
        "՜",
        "«",
        "»",
        "„",
        "“",
        "”",
        "\"",
        "https://",
        "www.",
        "@",
        "a.am",
        "Мoсква",
        "թ.",
        "г.",
        "\n",
    ];
    let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = move || {
        // xorshift64: deterministic, no dependency.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let glossary = [
        GlossaryTerm {
            term: "декабря",
            translation: "ին",
            status: TermStatus::Preferred,
        },
        GlossaryTerm {
            term: "a.am",
            translation: "",
            status: TermStatus::DoNotTranslate,
        },
        GlossaryTerm {
            term: "",
            translation: "»",
            status: TermStatus::Forbidden,
        },
    ];
    let langs = ["en", "ru", "hy", "de", "el", "zh", ""];
    for round in 0..3000 {
        let mut make = || {
            let len = usize::try_from(next() % 12).unwrap();
            (0..len)
                .map(|_| PIECES[usize::try_from(next() % 40).unwrap()])
                .collect::<String>()
        };
        let (source, target) = (make(), make());
        let sl = langs[round % langs.len()];
        let tl = langs[(round / langs.len()) % langs.len()];
        let input = UnitInput {
            source_lang: sl,
            target_lang: tl,
            source: &source,
            target: &target,
            source_sentences: round % 3,
            target_sentences: round % 2,
            glossary: &glossary,
        };
        let _ = check_unit(&input);
        let _ = check_across(sl, &source, &[(tl, &target), ("ru", &source)]);
    }
}

/// Western Armenian in classical orthography: `Յունուար` for the month, `եօթը` for seven.
const HYW: &str = "12 Յունուար 2022-ին եօթը նախարարներ հանդիպեցան Պէյրութի մէջ։";
const EN_JANUARY: &str = "On January 12, 2022, seven ministers met in Beirut.";

#[test]
fn western_armenian_follows_armenian_rules_and_its_own_spelling() {
    let found = check_unit(&unit("en", EN_JANUARY, "hyw", HYW));
    assert!(
        found.is_empty(),
        "classical spellings are not errors: {found:?}"
    );
    let found = check_unit(&unit("hyw", HYW, "en-GB", EN_JANUARY));
    assert!(found.is_empty(), "and are read as a source too: {found:?}");
    // The Armenian full stop is expected of Western Armenian as of Armenian.
    let latin_stop = HYW.replace('։', ".");
    for tag in ["hy", "hy-AM", "hyw"] {
        let found = check_unit(&unit("en", EN_JANUARY, tag, &latin_stop));
        assert_eq!(checks(&found), [CheckId::EndPunctuation], "{tag}");
    }
}

#[test]
fn a_missing_classical_date_is_still_found() {
    let wrong_day = HYW.replace("12 Յունուար", "13 Յունուար");
    let found = check_unit(&unit("en", EN_JANUARY, "hyw", &wrong_day));
    assert!(!found.is_empty(), "the date differs");
}
