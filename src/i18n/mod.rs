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
mod tests;
