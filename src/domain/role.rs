//! What a person is: instance-wide roles and per-language roles (what each allows is `policy`'s).

use serde::{Deserialize, Serialize};

use super::language::LanguageTag;

/// A per-language role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LanguageRole {
    Translator,
    Reviewer,
}

impl LanguageRole {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Translator => "translator",
            Self::Reviewer => "reviewer",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "translator" => Some(Self::Translator),
            "reviewer" => Some(Self::Reviewer),
            _ => None,
        }
    }
}

/// One grant of a per-language role.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RoleGrant {
    pub role: LanguageRole,
    #[schema(value_type = String, example = "hy")]
    pub lang: LanguageTag,
}

/// Everything a user is allowed to be.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Roles {
    pub admin: bool,
    pub editor: bool,
    pub languages: Vec<RoleGrant>,
}

impl Roles {
    pub fn has(&self, role: LanguageRole, lang: &LanguageTag) -> bool {
        self.languages
            .iter()
            .any(|g| g.role == role && &g.lang == lang)
    }

    /// Adds a grant unless it is already there, so the list stays a set.
    pub fn grant(&mut self, role: LanguageRole, lang: LanguageTag) {
        let grant = RoleGrant { role, lang };
        if !self.languages.contains(&grant) {
            self.languages.push(grant);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> LanguageTag {
        LanguageTag::parse(s).unwrap()
    }

    #[test]
    fn language_roles_are_per_language_and_deduplicated() {
        let mut roles = Roles::default();
        roles.grant(LanguageRole::Translator, tag("hy"));
        roles.grant(LanguageRole::Translator, tag("HY"));
        roles.grant(LanguageRole::Reviewer, tag("ru"));
        assert_eq!(roles.languages.len(), 2);
        assert!(roles.has(LanguageRole::Translator, &tag("hy")));
        assert!(!roles.has(LanguageRole::Reviewer, &tag("hy")));
        assert!(!roles.has(LanguageRole::Translator, &tag("ru")));
    }
}
