//! The language pair a memory or glossary page shows, chosen with `?src=&tgt=`.

use super::statements::LangChoice;
use crate::store::Language;

/// The query of a page about one language pair.
#[derive(Debug, Default)]
pub struct PairQuery {
    pub src: Option<String>,
    pub tgt: Option<String>,
    /// A word or phrase to look for.
    pub q: Option<String>,
}

impl PairQuery {
    /// Reads `src`, `tgt` and `q` from a raw query; other parameters (`ui`) are not its business.
    pub fn parse(raw: Option<&str>) -> Self {
        let mut query = Self::default();
        for (name, value) in url::form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
            let slot = match name.as_ref() {
                "src" => &mut query.src,
                "tgt" => &mut query.tgt,
                "q" => &mut query.q,
                _ => continue,
            };
            *slot = Some(value.into_owned());
        }
        query
    }
}

/// The instance's languages as a page's choices, each in its own name.
pub fn choices(languages: Vec<Language>) -> Vec<LangChoice> {
    languages
        .into_iter()
        .map(|l| LangChoice {
            code: l.tag.to_string(),
            name: l.native_name,
        })
        .collect()
}

/// `wanted` when it is one of the instance's languages, otherwise the language at `fallback`
/// in the list (the first two make a pair by default).
pub fn pick(wanted: Option<&str>, languages: &[LangChoice], fallback: usize) -> String {
    match wanted.filter(|w| languages.iter().any(|l| l.code == *w)) {
        Some(found) => found.to_owned(),
        None => languages
            .get(fallback)
            .or_else(|| languages.first())
            .map(|l| l.code.clone())
            .unwrap_or_default(),
    }
}
