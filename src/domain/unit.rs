//! Translation units (one segment in one target language) and their states.

use serde::{Deserialize, Serialize};

/// Where a unit stands in the workflow; the names are part of the HTTP contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnitState {
    Untranslated,
    Draft,
    Translated,
    NeedsWork,
    Approved,
}

impl UnitState {
    pub const ALL: [UnitState; 5] = [
        Self::Untranslated,
        Self::Draft,
        Self::Translated,
        Self::NeedsWork,
        Self::Approved,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Untranslated => "untranslated",
            Self::Draft => "draft",
            Self::Translated => "translated",
            Self::NeedsWork => "needs_work",
            Self::Approved => "approved",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw)
    }
}

/// How many units of one target language are in each state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Progress {
    #[schema(value_type = String, example = "hy")]
    pub lang: super::language::LanguageTag,
    pub total: u32,
    pub untranslated: u32,
    pub draft: u32,
    pub translated: u32,
    pub needs_work: u32,
    pub approved: u32,
}

impl Progress {
    pub fn new(lang: super::language::LanguageTag) -> Self {
        Self {
            lang,
            total: 0,
            untranslated: 0,
            draft: 0,
            translated: 0,
            needs_work: 0,
            approved: 0,
        }
    }

    pub fn add(&mut self, state: UnitState, count: u32) {
        self.total += count;
        let slot = match state {
            UnitState::Untranslated => &mut self.untranslated,
            UnitState::Draft => &mut self.draft,
            UnitState::Translated => &mut self.translated,
            UnitState::NeedsWork => &mut self.needs_work,
            UnitState::Approved => &mut self.approved,
        };
        *slot += count;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_names_round_trip() {
        for s in UnitState::ALL {
            assert_eq!(UnitState::parse(s.as_str()), Some(s));
        }
        assert_eq!(UnitState::parse("done"), None);
    }

    #[test]
    fn progress_counts_by_state() {
        let mut p = Progress::new(crate::domain::language::LanguageTag::parse("hy").unwrap());
        p.add(UnitState::Untranslated, 3);
        p.add(UnitState::Approved, 2);
        assert_eq!((p.total, p.untranslated, p.approved, p.draft), (5, 3, 2, 0));
    }
}
