//! The message files: same ids and variables in every language, plurals, no English left in
//! Armenian or Russian, and every message formatting with plausible values.

use super::*;
use std::collections::BTreeSet;

fn l10n() -> L10n {
    L10n::new().expect("embedded .ftl files must parse")
}

/// Plausible values for every variable used in the message files.
fn plausible_args(count: i64) -> Vec<(&'static str, Arg)> {
    vec![
        ("tag", "fr-CA".into()),
        ("subtag", "zz".into()),
        ("requested", "fr-Latn-CA".into()),
        ("limit", count.into()),
        ("count", count.into()),
        ("seconds", count.into()),
        ("expected", "application/json".into()),
        ("reason", "missing field `text` at line 1 column 2".into()),
        ("field", "title".into()),
        ("format", "html".into()),
        ("resource", "statement".into()),
        ("id", "42".into()),
        ("username", "anahit".into()),
        ("action", "publish".into()),
        ("url", "http://127.0.0.1:8080".into()),
        ("state", "needs_work".into()),
        ("role", "reviewer".into()),
        ("lang", "hy".into()),
        ("current", count.into()),
        ("number", count.into()),
        ("date", "08.03.2026".into()),
        ("language", "Հայերեն".into()),
        ("rule", "core.unit.id_unique".into()),
        ("name", "Անուշ".into()),
        ("percent", count.into()),
        ("version", count.into()),
        ("side", "source".into()),
        ("edge", "end".into()),
        ("found", "?".into()),
        ("found_in", "hy, ru".into()),
        ("item", "2025".into()),
        ("link", "https://example.org/report".into()),
        ("ratio", "180".into()),
        ("source", "2".into()),
        ("target", "3".into()),
        ("term", "ombudsman".into()),
        ("translation", "омбудсмен".into()),
        ("word", "Мoсква".into()),
        ("score", count.into()),
        ("file", "hy-final.xlf".into()),
        ("keys", "Ctrl+Z".into()),
        ("destination", "localhost (127.0.0.1)".into()),
        ("address", "127.0.0.1".into()),
        ("range", "loopback".into()),
        ("why", "other".into()),
        ("min", count.into()),
        ("max", count.into()),
        ("allowed", "translator, reviewer".into()),
        ("asked", "hy".into()),
        ("kind", "PDF".into()),
        (
            "detail",
            "line 3: status is preferred, forbidden or do_not_translate".into(),
        ),
    ]
}

/// Variable names (`$name`) referenced in each message's source block.
fn variables_by_message(source: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut out: Vec<(String, BTreeSet<String>)> = Vec::new();
    for line in source.lines() {
        if line.starts_with(|c: char| c.is_ascii_alphabetic()) {
            if let Some(id) = message_ids_in(line).into_iter().next() {
                out.push((id, BTreeSet::new()));
            }
        } else if line.starts_with('#') || line.starts_with('-') {
            continue;
        }
        let Some((_, vars)) = out.last_mut() else {
            continue;
        };
        let mut rest = line;
        while let Some(pos) = rest.find('$') {
            rest = &rest[pos + 1..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(rest.len());
            vars.insert(rest[..end].to_owned());
            rest = &rest[end..];
        }
    }
    out
}

#[test]
fn bundles_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<L10n>();
}

#[test]
fn all_locales_have_the_same_message_ids() {
    let l = l10n();
    let en: BTreeSet<String> = l.message_ids(Locale::En).into_iter().collect();
    assert!(en.len() > 40, "only {} ids in en", en.len());
    for locale in [Locale::Hy, Locale::Ru] {
        let other: BTreeSet<String> = l.message_ids(locale).into_iter().collect();
        let missing: Vec<_> = en.difference(&other).collect();
        let extra: Vec<_> = other.difference(&en).collect();
        assert!(missing.is_empty(), "{locale} lacks {missing:?}");
        assert!(extra.is_empty(), "{locale} has ids not in en: {extra:?}");
        for id in &en {
            assert!(l.has_message(locale, id), "{locale}: {id}");
        }
    }
}

#[test]
fn message_ids_have_no_duplicates() {
    let l = l10n();
    for locale in Locale::ALL {
        let ids = l.message_ids(locale);
        let set: BTreeSet<_> = ids.iter().collect();
        assert_eq!(set.len(), ids.len(), "{locale}");
    }
}

#[test]
fn expected_ids_exist() {
    let codes = [
        "invalid_language",
        "unknown_language",
        "language_exists",
        "empty_text",
        "payload_too_large",
        "too_many_segments",
        "segment_too_long",
        "unsupported_media_type",
        "invalid_json",
        "invalid_utf8",
        "invalid_input",
        "invalid_format",
        "not_found",
        "statement_not_found",
        "username_taken",
        "invalid_credentials",
        "too_many_attempts",
        "unauthenticated",
        "forbidden",
        "csrf_failed",
        "invalid_token",
        "internal",
        "unavailable",
        "method_not_allowed",
        "version_conflict",
        "self_review",
        "not_approved",
        "invalid_transition",
    ];
    let general = [
        "app-name",
        "server-listening",
        "lang-hy",
        "lang-en",
        "lang-ru",
        "role-admin",
        "role-editor",
        "role-translator",
        "role-reviewer",
        "state-untranslated",
        "state-draft",
        "state-translated",
        "state-needs-work",
        "state-approved",
    ];
    let l = l10n();
    let ids = codes
        .iter()
        .map(|c| format!("error-{}", c.replace('_', "-")))
        .chain(general.iter().map(|s| s.to_string()));
    for id in ids {
        for locale in Locale::ALL {
            assert!(l.has_message(locale, &id), "{locale}: {id}");
        }
    }
}

#[test]
fn every_message_formats_without_errors() {
    let l = l10n();
    for locale in Locale::ALL {
        for id in l.message_ids(locale) {
            for n in [0, 1, 2, 3, 5, 11, 21, 22, 25, 101, 1_048_576] {
                let text = l
                    .try_message(locale, &id, &plausible_args(n))
                    .unwrap_or_else(|e| panic!("{e}"));
                assert!(!text.trim().is_empty(), "{locale}: {id}");
                assert!(!text.contains('{'), "{locale}: {id}: {text}");
                assert!(!text.contains('\u{2068}'), "isolation marks in {id}");
            }
        }
    }
}

/// Latin-script words an Armenian or Russian message may hold: names of products, formats,
/// protocols and network ranges, written the same in every language.
const LATIN_WORDS: &[&str] = &[
    "UTC",
    "If",
    "Match",
    "hy",
    "en",
    "ru",
    "Tandem",
    "JSON",
    "XLIFF",
    "TMX",
    "TBX",
    "CSV",
    "HTML",
    "Markdown",
    "PDF",
    "DOCX",
    "ODT",
    "URL",
    "API",
    "HTTP",
    "HTTPS",
    "http",
    "https",
    "BCP",
    "IANA",
    "UTF",
    "Content",
    "Type",
    "CSRF",
    "Token",
    "X",
    "IPv6",
    "CGNAT",
    "loopback",
    "multicast",
    "broadcast",
    "link",
    "local",
    "txt",
    "md",
];

/// Every `why` of `AppError::invalid_input`, each a sentence of its own in the messages.
const WHYS: [&str; 15] = [
    "empty",
    "too_long",
    "too_short",
    "length",
    "range",
    "one_of",
    "characters",
    "base_version_required",
    "own_admin",
    "comment_required",
    "no_revision",
    "target_is_source",
    "lang_required",
    "language_mismatch",
    "other",
];

/// The Latin-script words of a message that are neither codes nor on the list above. What
/// stands in «» quotes is the reader's own input or a name echoed back, not our wording.
fn english_words(text: &str) -> Vec<String> {
    let mut unquoted = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '«' => depth += 1,
            '»' => depth -= 1,
            _ if depth == 0 => unquoted.push(c),
            _ => {}
        }
    }
    let in_token = |c: char| c.is_alphanumeric() || "._-/:@+`'?=".contains(c);
    unquoted
        .split(|c: char| !in_token(c))
        // A tag, a rule id, an address, a file name or an option is a code, not a word.
        .filter(|token| {
            !(token.starts_with('-')
                || token
                    .chars()
                    .any(|c| c.is_ascii_digit() || "._/:@+`?=".contains(c)))
        })
        .flat_map(|token| token.split('-'))
        .map(|word| word.trim_matches('\''))
        .filter(|word| word.chars().any(|c| c.is_ascii_alphabetic()))
        .filter(|word| !LATIN_WORDS.contains(word))
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_why_has_its_own_sentence() {
    let l = l10n();
    let with = |locale, why: &str| {
        let mut args = plausible_args(3);
        args.retain(|(name, _)| *name != "why");
        args.push(("why", why.into()));
        l.message(locale, "error-invalid-input", &args)
    };
    for locale in Locale::ALL {
        let other = with(locale, "other");
        for why in WHYS.iter().filter(|w| **w != "other") {
            assert_ne!(with(locale, why), other, "{locale}: {why}");
        }
    }
}

#[test]
fn armenian_and_russian_messages_hold_no_english() {
    let l = l10n();
    let mut failures = std::collections::BTreeSet::new();
    for locale in [Locale::Hy, Locale::Ru] {
        for id in l.message_ids(locale) {
            for n in [1, 3, 5] {
                for why in WHYS {
                    let mut args = plausible_args(n);
                    args.retain(|(name, _)| *name != "why");
                    args.push(("why", why.into()));
                    let text = l.message(locale, &id, &args);
                    let found = english_words(&text);
                    if !found.is_empty() {
                        failures.insert(format!("{locale}: {id}: {found:?} in {text:?}"));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    // The scan finds English where it is.
    assert_eq!(
        english_words("Значение: between 1 and 100 characters, «title», hy, ?lang=, X-CSRF-Token"),
        ["between", "and", "characters"]
    );
}

#[test]
fn locales_use_no_variable_that_en_lacks() {
    let en: std::collections::BTreeMap<_, _> = variables_by_message(EN_FTL).into_iter().collect();
    // A translation may leave out what only English readers get (the English `reason` of
    // a refusal), never use what English does not.
    for (locale, source) in [(Locale::Hy, HY_FTL), (Locale::Ru, RU_FTL)] {
        for (id, vars) in variables_by_message(source) {
            let english = en
                .get(&id)
                .unwrap_or_else(|| panic!("{locale}: {id} not in en"));
            assert!(
                vars.is_subset(english),
                "{locale}: {id}: {vars:?} vs {english:?}"
            );
        }
    }
    assert_eq!(
        en.get("error-too-many-segments").map(|v| v.len()),
        Some(2),
        "variable scan works"
    );
}

#[test]
fn translations_are_not_copies_of_english() {
    let l = l10n();
    let args = plausible_args(5);
    for id in l.message_ids(Locale::En) {
        // Names of things are the same in every language.
        if id == "app-name" || id == "ui-format-markdown" {
            continue;
        }
        let en = l.message(Locale::En, &id, &args);
        for locale in [Locale::Hy, Locale::Ru] {
            assert_ne!(l.message(locale, &id, &args), en, "{locale}: {id}");
        }
    }
}

#[test]
fn russian_plurals() {
    let l = l10n();
    let wait = |n: i64| {
        l.try_message(
            Locale::Ru,
            "error-too-many-attempts",
            &[("seconds", n.into())],
        )
        .unwrap()
    };
    assert!(wait(1).contains("Подождите 1 секунду и"), "{}", wait(1));
    assert!(wait(3).contains("Подождите 3 секунды и"), "{}", wait(3));
    assert!(wait(5).contains("Подождите 5 секунд и"), "{}", wait(5));
    assert!(wait(21).contains("Подождите 21 секунду и"), "{}", wait(21));
    assert!(wait(12).contains("Подождите 12 секунд и"), "{}", wait(12));
    let frac = l
        .try_message(
            Locale::Ru,
            "error-too-many-attempts",
            &[("seconds", 1.5.into())],
        )
        .unwrap();
    assert!(frac.contains("1.5 секунды"), "{frac}");

    let segments = |n: i64| {
        l.try_message(
            Locale::Ru,
            "error-too-many-segments",
            &[("count", n.into()), ("limit", 500.into())],
        )
        .unwrap()
    };
    assert!(segments(1).contains("на 1 абзац,"));
    assert!(segments(22).contains("на 22 абзаца,"));
    assert!(segments(505).contains("на 505 абзацев,"));
    assert!(segments(505).contains("не более 500."));
}

#[test]
fn english_and_armenian_plurals() {
    let l = l10n();
    let en = |n: i64| {
        l.message(
            Locale::En,
            "error-too-many-attempts",
            &[("seconds", n.into())],
        )
    };
    assert!(en(1).contains("wait 1 second and"));
    assert!(en(30).contains("wait 30 seconds and"));
    let hy = l.message(
        Locale::Hy,
        "error-too-many-attempts",
        &[("seconds", 30.into())],
    );
    assert!(hy.contains("Սպասեք 30 վայրկյան"), "{hy}");
    assert!(hy.ends_with('։'), "{hy}");
}

#[test]
fn select_on_strings() {
    let l = l10n();
    let msg = |locale, r: &str| l.message(locale, "error-not-found", &[("resource", r.into())]);
    assert_eq!(msg(Locale::Ru, "user"), "Пользователь не найден.");
    assert_eq!(msg(Locale::Hy, "statement"), "Հայտարարությունը չի գտնվել։");
    assert_eq!(msg(Locale::En, "/api/x"), "Not found: /api/x.");
    assert_eq!(msg(Locale::Ru, "route"), "По этому адресу ничего нет.");
}

#[test]
fn no_isolation_marks() {
    let l = l10n();
    let text = l.message(
        Locale::En,
        "server-listening",
        &[("url", "http://[::1]:8080".into())],
    );
    assert_eq!(text, "Tandem is listening on http://[::1]:8080");
}

#[test]
fn fallback_to_english_then_id() {
    let l = l10n();
    // Simulate a message that exists only in English by loading a reduced bundle.
    let mut reduced = l10n();
    let mut bundle = FluentBundle::new_concurrent(vec![Locale::Hy.langid()]);
    bundle.set_use_isolating(false);
    bundle
        .add_resource(FluentResource::try_new("app-name = Tandem\n".to_owned()).unwrap())
        .unwrap();
    reduced.bundles[Locale::Hy.index()] = LocaleBundle {
        bundle,
        ids: vec!["app-name".to_owned()],
    };
    assert!(!reduced.has_message(Locale::Hy, "error-internal"));
    assert_eq!(
        reduced.message(Locale::Hy, "error-internal", &[]),
        l.message(Locale::En, "error-internal", &[])
    );
    assert!(matches!(
        reduced.try_message(Locale::Hy, "error-internal", &[]),
        Err(I18nError::MissingMessage { .. })
    ));
    assert_eq!(
        l.message(Locale::Ru, "no-such-message", &[]),
        "no-such-message"
    );
    assert!(!l.has_message(Locale::En, "no-such-message"));
}

#[test]
fn missing_argument_does_not_panic() {
    let l = l10n();
    let text = l.message(Locale::Ru, "error-too-many-attempts", &[]);
    assert!(text.starts_with("Слишком много"), "{text}");
    assert!(matches!(
        l.try_message(Locale::Ru, "error-too-many-attempts", &[]),
        Err(I18nError::Format { .. })
    ));
}

#[test]
fn language_names_are_in_the_locale_language() {
    let l = l10n();
    assert_eq!(l.message(Locale::Hy, "lang-hy", &[]), "Հայերեն");
    assert_eq!(l.message(Locale::Hy, "lang-en", &[]), "Անգլերեն");
    assert_eq!(l.message(Locale::Ru, "lang-ru", &[]), "Русский");
    assert_eq!(
        l.message(Locale::En, Locale::Hy.name_message_id(), &[]),
        "Armenian"
    );
}

#[test]
fn locale_parsing() {
    assert_eq!(Locale::from_tag("hy-AM"), Some(Locale::Hy));
    assert_eq!(Locale::from_tag("hy-Latn-AM"), Some(Locale::Hy));
    assert_eq!(Locale::from_tag("hyw"), Some(Locale::Hy));
    assert_eq!(Locale::from_tag("HY"), Some(Locale::Hy));
    assert_eq!(Locale::from_tag("ru_RU"), Some(Locale::Ru));
    assert_eq!(Locale::from_tag(" en-GB "), Some(Locale::En));
    assert_eq!(Locale::from_tag("fr"), None);
    assert_eq!(Locale::from_tag(""), None);
    assert_eq!(Locale::from_tag("hy-"), None);
    assert_eq!(Locale::from_tag("!!"), None);
    assert_eq!("ru".parse::<Locale>(), Ok(Locale::Ru));
    assert!("de".parse::<Locale>().is_err());
    for locale in Locale::ALL {
        assert_eq!(Locale::from_tag(locale.as_str()), Some(locale));
        assert_eq!(locale.to_string(), locale.as_str());
        assert_eq!(locale.langid().to_string(), locale.as_str());
    }
    assert_eq!(Locale::default(), Locale::En);
}

#[test]
fn parse_errors_name_the_line() {
    let source = "ok = fine\nbroken = { $x\nalso-ok = yes\n";
    let (_, errors) = FluentResource::try_new(source.to_owned()).unwrap_err();
    let entry = errors[0].slice.clone().unwrap();
    assert_eq!(line_of(source, entry.start), 2);
}

#[test]
fn message_id_scan() {
    let src = "# c\n## g\n-term = T\na = x\n    .attr = y\nb-c_d = { -term }\n  e = no\n";
    assert_eq!(message_ids_in(src), vec!["a", "b-c_d"]);
}
