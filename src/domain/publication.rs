//! Publications: which text of every unit goes into a release, what blocks one, its number, its
//! hash and its audit line.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::audit::{AuditAction, NewAuditEntry};
use super::blocks::BlockKind;
use super::language::LanguageTag;
use super::statement::Segment;
use super::unit::{Reason, UnitState};

/// The last approval of a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApprovalInfo {
    pub text: String,
    pub by: Option<String>,
    pub at: Option<DateTime<Utc>>,
}

/// A unit as publishing sees it.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub segment_id: i64,
    pub lang: LanguageTag,
    pub state: UnitState,
    pub reason: Option<Reason>,
    pub approval: Option<ApprovalInfo>,
}

/// A unit that keeps a language from being published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Blocker {
    pub segment_id: i64,
    pub position: u32,
    #[schema(value_type = String)]
    pub lang: LanguageTag,
    pub state: UnitState,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PublishedText {
    pub text: String,
    pub approved_by: Option<String>,
    pub approved_at: Option<DateTime<Utc>>,
    /// The unit is being corrected; this is its last approved text.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub earlier_approval: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PublishedSegment {
    pub segment_id: i64,
    pub position: u32,
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    pub source: String,
    /// By language tag.
    pub translations: BTreeMap<String, PublishedText>,
}

/// Everything a publication holds, aligned by segment; stored as it is and never changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct PublicationContent {
    pub title: String,
    #[schema(value_type = String)]
    pub source_lang: LanguageTag,
    #[schema(value_type = Vec<String>)]
    pub langs: Vec<LanguageTag>,
    /// The source revision that was published.
    pub revision: i64,
    pub segments: Vec<PublishedSegment>,
}

impl PublicationContent {
    /// The headline: the segment of kind `headline`, absent from publications made before
    /// headlines were units.
    pub fn headline(&self) -> Option<&PublishedSegment> {
        self.segments.iter().find(|s| s.kind == HEADLINE)
    }

    /// The title as readers of `lang` see it, with the language it is in: the published
    /// translation of the headline, the source title for the source language, and the source
    /// title too where a publication has no translated headline (one made before headlines
    /// were units).
    pub fn title_in<'a>(&'a self, lang: &'a LanguageTag) -> (&'a str, &'a LanguageTag) {
        if *lang != self.source_lang {
            if let Some(text) = self
                .headline()
                .and_then(|h| h.translations.get(lang.as_str()))
                .filter(|t| !t.text.trim().is_empty())
            {
                return (&text.text, lang);
            }
        }
        (&self.title, &self.source_lang)
    }

    /// The segments below the headline: what a page shows under its title.
    pub fn body(&self) -> impl Iterator<Item = &PublishedSegment> {
        self.segments.iter().filter(|s| s.kind != HEADLINE)
    }
}

/// The kind of the segment that holds a statement's headline.
const HEADLINE: &str = BlockKind::Headline.as_str();

/// Picks the text of every unit of `langs`, or lists every unit that blocks.
/// An approved unit publishes its text. A unit under correction (draft, translated, or a
/// correction sent back) publishes its last approved text, so a fix in progress never holds a
/// release back. Anything else blocks, including a unit whose source changed.
pub fn assemble(
    title: &str,
    source_lang: &LanguageTag,
    revision: i64,
    segments: &[Segment],
    langs: &[LanguageTag],
    candidates: &[Candidate],
) -> Result<PublicationContent, Vec<Blocker>> {
    let mut blockers = Vec::new();
    let mut published = Vec::with_capacity(segments.len());
    for segment in segments {
        let mut translations = BTreeMap::new();
        for lang in langs {
            let unit = candidates
                .iter()
                .find(|c| c.segment_id == segment.id && &c.lang == lang);
            let chosen = unit.and_then(|u| match (u.state, &u.approval, &u.reason) {
                (UnitState::Approved, Some(a), _) => Some((a, false)),
                (_, _, Some(Reason::SourceChanged { .. })) => None,
                (UnitState::Draft | UnitState::Translated | UnitState::NeedsWork, Some(a), _) => {
                    Some((a, true))
                }
                _ => None,
            });
            match chosen {
                Some((approval, earlier)) => {
                    translations.insert(
                        lang.to_string(),
                        PublishedText {
                            text: approval.text.clone(),
                            approved_by: approval.by.clone(),
                            approved_at: approval.at,
                            earlier_approval: earlier,
                        },
                    );
                }
                None => blockers.push(Blocker {
                    segment_id: segment.id,
                    position: segment.position,
                    lang: lang.clone(),
                    state: unit.map_or(UnitState::Untranslated, |u| u.state),
                }),
            }
        }
        published.push(PublishedSegment {
            segment_id: segment.id,
            position: segment.position,
            kind: segment.kind.clone(),
            level: segment.level,
            source: segment.source.clone(),
            translations,
        });
    }
    if !blockers.is_empty() {
        return Err(blockers);
    }
    Ok(PublicationContent {
        title: title.to_owned(),
        source_lang: source_lang.clone(),
        langs: langs.to_vec(),
        revision,
        segments: published,
    })
}

/// SHA-256 over what readers read: title, languages, and each segment's source and texts.
/// Who approved and when are left out, so the same words always give the same hash.
pub fn content_hash(content: &PublicationContent) -> String {
    let mut hasher = Sha256::new();
    let mut field = |bytes: &[u8]| {
        // Length-prefixed, so no two different contents can run together into the same bytes.
        hasher.update((bytes.len() as u64).to_be_bytes());
        hasher.update(bytes);
    };
    field(content.title.as_bytes());
    field(content.source_lang.as_str().as_bytes());
    for lang in &content.langs {
        field(lang.as_str().as_bytes());
    }
    for segment in &content.segments {
        field(segment.kind.as_bytes());
        field(segment.source.as_bytes());
        for (lang, text) in &segment.translations {
            field(lang.as_bytes());
            field(text.text.as_bytes());
        }
    }
    hasher
        .finalize()
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            use std::fmt::Write;
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// Publications of a statement are numbered 1, 2, 3, ...: the number after `last`, the highest
/// one so far.
pub fn next_number(last: Option<i64>) -> i64 {
    last.map_or(1, |n| n + 1)
}

/// What a publication leaves in the audit log.
pub fn audit_entry(
    statement_id: i64,
    slug: &str,
    number: i64,
    content: &PublicationContent,
    sha256: &str,
    by: i64,
    at: DateTime<Utc>,
) -> NewAuditEntry {
    NewAuditEntry {
        at,
        actor_id: Some(by),
        actor: String::new(),
        action: AuditAction::StatementPublished,
        subject: format!("statement:{statement_id}"),
        details: serde_json::json!({
            "slug": slug,
            "number": number,
            "langs": content.langs,
            "sha256": sha256,
        }),
        address: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publications_count_from_one() {
        assert_eq!(next_number(None), 1);
        assert_eq!(next_number(Some(4)), 5);
    }

    fn tag(s: &str) -> LanguageTag {
        LanguageTag::parse(s).unwrap()
    }

    fn segment(id: i64, source: &str) -> Segment {
        Segment {
            id,
            position: id as u32,
            kind: "paragraph".into(),
            level: None,
            source: source.into(),
            sentences: vec![source.into()],
        }
    }

    fn approved(text: &str) -> Option<ApprovalInfo> {
        Some(ApprovalInfo {
            text: text.into(),
            by: Some("tigran".into()),
            at: None,
        })
    }

    fn candidate(
        id: i64,
        state: UnitState,
        reason: Option<Reason>,
        approval: Option<ApprovalInfo>,
    ) -> Candidate {
        Candidate {
            segment_id: id,
            lang: tag("hy"),
            state,
            reason,
            approval,
        }
    }

    #[test]
    fn approved_and_corrections_publish_the_rest_blocks() {
        let segments = [segment(1, "One."), segment(2, "Two."), segment(3, "Three.")];
        let ok = [
            candidate(1, UnitState::Approved, None, approved("Մեկ։")),
            candidate(2, UnitState::Draft, None, approved("Երկու։")),
            candidate(3, UnitState::Approved, None, approved("Երեք։")),
        ];
        let content = assemble("T", &tag("en"), 1, &segments, &[tag("hy")], &ok).unwrap();
        assert_eq!(content.segments[1].translations["hy"].text, "Երկու։");
        assert!(content.segments[1].translations["hy"].earlier_approval);
        assert!(!content.segments[0].translations["hy"].earlier_approval);

        let changed = Reason::SourceChanged {
            old_source: "Two.".into(),
            new_source: "Two!".into(),
        };
        let blocked = [
            candidate(1, UnitState::Translated, None, None),
            candidate(2, UnitState::NeedsWork, Some(changed), approved("Երկու։")),
            candidate(3, UnitState::Approved, None, approved("Երեք։")),
        ];
        let blockers = assemble("T", &tag("en"), 1, &segments, &[tag("hy")], &blocked).unwrap_err();
        assert_eq!(
            blockers.iter().map(|b| b.segment_id).collect::<Vec<_>>(),
            vec![1, 2]
        );
        assert_eq!(blockers[0].state, UnitState::Translated);
    }

    #[test]
    fn hash_depends_on_words_only() {
        let segments = [segment(1, "One.")];
        let a = assemble(
            "T",
            &tag("en"),
            1,
            &segments,
            &[tag("hy")],
            &[candidate(1, UnitState::Approved, None, approved("Մեկ։"))],
        )
        .unwrap();
        let mut b = a.clone();
        b.segments[0]
            .translations
            .get_mut("hy")
            .unwrap()
            .approved_by = Some("someone else".into());
        assert_eq!(content_hash(&a), content_hash(&b));
        b.segments[0].translations.get_mut("hy").unwrap().text = "Մեկ.".into();
        assert_ne!(content_hash(&a), content_hash(&b));
        assert_eq!(content_hash(&a).len(), 64);
    }
}
