//! Where a text came from (a person, the translation memory or a machine) and how it arrived,
//! kept as data so that every page says it in its reader's language and machine text is always
//! marked.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum OriginKind {
    /// Typed or edited by a person.
    #[default]
    Human,
    /// Taken from the translation memory as it was.
    Memory,
    /// Drafted by a machine translation provider.
    Machine,
}

impl OriginKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Human => "human",
            Self::Memory => "memory",
            Self::Machine => "machine",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [Self::Human, Self::Memory, Self::Machine]
            .into_iter()
            .find(|k| k.as_str() == raw)
    }
}

/// The origin of a revision's text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Origin {
    pub kind: OriginKind,
    /// How well the memory's source matched, 0 to 100 (101 when the neighbouring paragraphs
    /// matched too).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<u32>,
}

impl Origin {
    /// A person's text.
    pub fn human() -> Self {
        Self::default()
    }

    /// The translation memory's text for a match of `score`.
    pub fn memory(score: u32) -> Self {
        Self {
            kind: OriginKind::Memory,
            score: Some(score),
        }
    }
}

/// How a text arrived when it was not typed in Tandem.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// An XLIFF file from another tool.
    Import,
    /// The aligner paired it with the source from an earlier translation.
    Alignment,
}

impl Via {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Import => "import",
            Self::Alignment => "alignment",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [Self::Import, Self::Alignment]
            .into_iter()
            .find(|v| v.as_str() == raw)
    }
}

/// What a revision records besides its text, states and a person's comment.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct RevisionNote {
    /// Where the text this revision wrote came from.
    pub origin: Origin,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<Via>,
    /// The name of the imported file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// The statement's source revision that a source change made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_revision: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_back_what_they_write() {
        for kind in [OriginKind::Human, OriginKind::Memory, OriginKind::Machine] {
            assert_eq!(OriginKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(OriginKind::parse("robot"), None);
    }

    #[test]
    fn ways_in_read_back_what_they_write() {
        for via in [Via::Import, Via::Alignment] {
            assert_eq!(Via::parse(via.as_str()), Some(via));
        }
        assert_eq!(Via::parse("fax"), None);
    }

    #[test]
    fn a_person_s_text_has_no_score() {
        let json = serde_json::to_value(Origin::human()).expect("json");
        assert_eq!(json, serde_json::json!({"kind": "human"}));
        let json = serde_json::to_value(Origin::memory(101)).expect("json");
        assert_eq!(json, serde_json::json!({"kind": "memory", "score": 101}));
    }
}
