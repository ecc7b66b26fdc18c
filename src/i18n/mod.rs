//! Localised messages (Fluent) for the UI languages Armenian, English and Russian.

pub mod dates;
mod negotiate;

pub use negotiate::negotiate;

use std::fmt;
use std::str::FromStr;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentError, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

const EN_FTL: &str = include_str!("../../locales/en/main.ftl");
const HY_FTL: &str = include_str!("../../locales/hy/main.ftl");
const RU_FTL: &str = include_str!("../../locales/ru/main.ftl");

/// A UI language with its own message file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Locale {
    /// English, the reference locale and the fallback.
    #[default]
    En,
    /// Armenian (Eastern Armenian, reformed orthography).
    Hy,
    /// Russian.
    Ru,
}

impl Locale {
    /// Every locale, English first.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Hy, Locale::Ru];

    /// The fallback locale.
    pub const DEFAULT: Locale = Locale::En;

    /// The BCP 47 language subtag: `"en"`, `"hy"` or `"ru"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Hy => "hy",
            Locale::Ru => "ru",
        }
    }

    /// The locale for a BCP 47 tag, judged by its language subtag, case-insensitively:
    /// `"hy-AM"`, `"HY"` and `"hye"` give `Some(Locale::Hy)`; garbage and other languages give `None`.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let tag = tag.trim();
        if tag.is_empty() || tag.len() > 64 {
            return None;
        }
        let langid: LanguageIdentifier = tag.parse().ok()?;
        Locale::from_language(langid.language.as_str())
    }

    /// The message id of this language's name, e.g. `"lang-hy"`.
    pub fn name_message_id(self) -> &'static str {
        match self {
            Locale::En => "lang-en",
            Locale::Hy => "lang-hy",
            Locale::Ru => "lang-ru",
        }
    }

    /// This locale as a `unic_langid` identifier.
    pub fn langid(self) -> LanguageIdentifier {
        // The three subtags are constant and valid, so parsing cannot fail;
        // the default (`und`) is only a formal fallback.
        self.as_str().parse().unwrap_or_default()
    }

    /// Maps a (lowercase, already parsed) language subtag to a locale.
    fn from_language(language: &str) -> Option<Locale> {
        match language {
            "en" | "eng" => Some(Locale::En),
            // Western Armenian readers get the Armenian interface: the nearest there is.
            "hy" | "hye" | "arm" | "hyw" => Some(Locale::Hy),
            "ru" | "rus" => Some(Locale::Ru),
            _ => None,
        }
    }

    fn index(self) -> usize {
        match self {
            Locale::En => 0,
            Locale::Hy => 1,
            Locale::Ru => 2,
        }
    }

    fn source(self) -> &'static str {
        match self {
            Locale::En => EN_FTL,
            Locale::Hy => HY_FTL,
            Locale::Ru => RU_FTL,
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Locale {
    type Err = I18nError;

    /// Same as [`Locale::from_tag`], with an error for tags that match no locale.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Locale::from_tag(s).ok_or_else(|| I18nError::UnsupportedLocale(truncate(s, 64)))
    }
}

/// Errors of this module.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum I18nError {
    /// An embedded `.ftl` file has syntax errors: a bug in the build, not a run-time condition.
    #[error(
        "bug: the embedded message file locales/{locale}/main.ftl has syntax errors: {details}"
    )]
    Parse {
        locale: &'static str,
        details: String,
    },
    /// An embedded `.ftl` file could not be added to its bundle (e.g. a duplicate message id).
    #[error(
        "bug: the embedded message file locales/{locale}/main.ftl could not be loaded: {details}"
    )]
    Bundle {
        locale: &'static str,
        details: String,
    },
    /// A language tag that matches none of the UI locales.
    #[error("unsupported UI language {0:?}: expected hy, en or ru")]
    UnsupportedLocale(String),
    /// [`L10n::try_message`]: the message does not exist in that locale.
    #[error("message {id:?} does not exist in locale {locale}")]
    MissingMessage { locale: Locale, id: String },
    /// [`L10n::try_message`]: the message exists but formatting it reported errors.
    #[error("message {id:?} in locale {locale} formatted with errors: {details}")]
    Format {
        locale: Locale,
        id: String,
        details: String,
    },
}

/// A message argument: text or a number (numbers drive plural selection).
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Str(String),
    Num(f64),
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Arg::Str(value.to_owned())
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Self {
        Arg::Str(value)
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Self {
        Arg::Str(value.clone())
    }
}

macro_rules! arg_from_number {
    ($($t:ty),*) => {
        $(
            impl From<$t> for Arg {
                fn from(value: $t) -> Self {
                    // Lossy only beyond 2^53, far above any count or limit shown to a user.
                    Arg::Num(value as f64)
                }
            }
            // Templates hand over their fields by reference.
            impl From<&$t> for Arg {
                fn from(value: &$t) -> Self {
                    Arg::Num(*value as f64)
                }
            }
        )*
    };
}

arg_from_number!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize, f32, f64);

impl Arg {
    fn to_fluent(&self) -> FluentValue<'_> {
        match self {
            Arg::Str(s) => FluentValue::from(s.as_str()),
            Arg::Num(n) => FluentValue::from(*n),
        }
    }
}

struct LocaleBundle {
    bundle: FluentBundle<FluentResource>,
    ids: Vec<String>,
}

/// The message bundles of all UI locales. `Send + Sync`; build it once and share it.
pub struct L10n {
    bundles: Vec<LocaleBundle>,
}

impl fmt::Debug for L10n {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("L10n")
            .field("locales", &Locale::ALL)
            .field(
                "messages",
                &self.bundles.iter().map(|b| b.ids.len()).collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl L10n {
    /// Parses the embedded message files. An error here is a bug in a `.ftl` file.
    pub fn new() -> Result<L10n, I18nError> {
        let bundles = Locale::ALL
            .iter()
            .map(|&locale| load_bundle(locale))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(L10n { bundles })
    }

    fn bundle(&self, locale: Locale) -> &LocaleBundle {
        &self.bundles[locale.index()]
    }

    /// Formats message `id` in `locale`; falls back to English, then to `id` itself.
    ///
    /// A missing argument shows up as `{$name}` in the text; this never panics.
    pub fn message(&self, locale: Locale, id: &str, args: &[(&str, Arg)]) -> String {
        let fluent_args = to_fluent_args(args);
        let mut errors = Vec::new();
        for candidate in [locale, Locale::DEFAULT] {
            if let Some(text) = self.format(candidate, id, fluent_args.as_ref(), &mut errors) {
                return text;
            }
        }
        id.to_owned()
    }

    /// Like [`L10n::message`] but without fallback, and failing on any formatting error
    /// (e.g. a missing argument). Meant for tests and checks.
    pub fn try_message(
        &self,
        locale: Locale,
        id: &str,
        args: &[(&str, Arg)],
    ) -> Result<String, I18nError> {
        let fluent_args = to_fluent_args(args);
        let mut errors = Vec::new();
        let text = self
            .format(locale, id, fluent_args.as_ref(), &mut errors)
            .ok_or_else(|| I18nError::MissingMessage {
                locale,
                id: id.to_owned(),
            })?;
        if errors.is_empty() {
            Ok(text)
        } else {
            Err(I18nError::Format {
                locale,
                id: id.to_owned(),
                details: join_errors(&errors),
            })
        }
    }

    /// Whether `locale`'s own file has a message `id` with a value (no fallback).
    pub fn has_message(&self, locale: Locale, id: &str) -> bool {
        self.bundle(locale)
            .bundle
            .get_message(id)
            .is_some_and(|m| m.value().is_some())
    }

    /// Every message id in `locale`'s file, in file order.
    pub fn message_ids(&self, locale: Locale) -> Vec<String> {
        self.bundle(locale).ids.clone()
    }

    fn format(
        &self,
        locale: Locale,
        id: &str,
        args: Option<&FluentArgs<'_>>,
        errors: &mut Vec<FluentError>,
    ) -> Option<String> {
        let bundle = &self.bundle(locale).bundle;
        let pattern = bundle.get_message(id)?.value()?;
        Some(bundle.format_pattern(pattern, args, errors).into_owned())
    }
}

fn to_fluent_args<'a>(args: &'a [(&'a str, Arg)]) -> Option<FluentArgs<'a>> {
    if args.is_empty() {
        return None;
    }
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, value.to_fluent());
    }
    Some(fluent_args)
}

fn load_bundle(locale: Locale) -> Result<LocaleBundle, I18nError> {
    let source = locale.source();
    let resource = FluentResource::try_new(source.to_owned()).map_err(|(_, errors)| {
        let details = errors
            .iter()
            .map(|e| {
                let entry = e.slice.as_ref().map_or(e.pos.start, |s| s.start);
                format!(
                    "entry at line {}, error near line {}: {}",
                    line_of(source, entry),
                    line_of(source, e.pos.start),
                    e
                )
            })
            .collect::<Vec<_>>()
            .join("; ");
        I18nError::Parse {
            locale: locale.as_str(),
            details,
        }
    })?;
    let mut bundle = FluentBundle::new_concurrent(vec![locale.langid()]);
    // Messages end up in JSON and terminal output, where bidi isolation marks are noise.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .map_err(|errors| I18nError::Bundle {
            locale: locale.as_str(),
            details: join_errors(&errors),
        })?;
    let ids = message_ids_in(source)
        .into_iter()
        .filter(|id| bundle.has_message(id))
        .collect();
    Ok(LocaleBundle { bundle, ids })
}

/// Message ids in a Fluent source that parsed cleanly: an entry starts at column 0 with an
/// identifier (terms start with `-`, comments with `#`; continuation lines are indented).
fn message_ids_in(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|line| {
            let end = line
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(line.len());
            let rest = line[end..].trim_start();
            rest.starts_with('=').then(|| line[..end].to_owned())
        })
        .collect()
}

fn line_of(source: &str, byte: usize) -> usize {
    let end = byte.min(source.len());
    source.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn join_errors(errors: &[FluentError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

fn truncate(s: &str, max_chars: usize) -> String {
    s.chars().take(max_chars).collect()
}

#[cfg(test)]
mod tests {
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
            english_words(
                "Значение: between 1 and 100 characters, «title», hy, ?lang=, X-CSRF-Token"
            ),
            ["between", "and", "characters"]
        );
    }

    #[test]
    fn locales_use_no_variable_that_en_lacks() {
        let en: std::collections::BTreeMap<_, _> =
            variables_by_message(EN_FTL).into_iter().collect();
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
}
