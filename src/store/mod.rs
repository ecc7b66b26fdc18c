//! Persistence: one `Store` trait, with an SQLite and a PostgreSQL implementation chosen by URL.

mod error;
pub mod glossary;
pub mod live;
pub mod memory;
pub mod postgres;
pub mod publications;
mod records;
mod rows;
pub mod secrets;
pub mod security;
mod sql;
pub mod sqlite;
mod unit_rows;
mod unit_sql;
pub mod units;
pub mod webhooks;

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::domain::language::LanguageTag;
use crate::domain::statement::{PreparedStatement, StatementDetail, StatementSummary};
use crate::domain::unit::{Comment, Revision, UnitView};
use crate::domain::user::User;
use units::{
    AssignmentChange, FirstChanges, NewPublication, Publication, PublicationSummary,
    SegmentContext, SourceChange, UnitRecord, UnitWrite,
};

pub use error::StoreError;
pub use records::{
    ApiTokenInfo, Credentials, Language, NewLanguage, NewSession, NewUser, SessionUser,
    StatementOutlook, UserUpdate,
};
pub use secrets::SecretStore;
pub use webhooks::WebhookStore;

pub type StoreResult<T> = Result<T, StoreError>;

/// One connection pool's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolStats {
    pub pool: &'static str,
    pub open: u32,
    pub idle: u32,
}

/// Which database a store talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sqlite => "sqlite",
            Self::Postgres => "postgres",
        }
    }
}

/// Every read and write of Tandem's data. Each method is one transaction: either all of its
/// rows are written or none are. The sub-traits are implemented once for both databases (see
/// `sql`); what is left here differs between them.
#[async_trait]
pub trait Store:
    PeopleStore
    + WorkStore
    + MemoryStore
    + GlossaryStore
    + SecurityStore
    + SecretStore
    + WebhookStore
    + Send
    + Sync
    + 'static
{
    fn backend(&self) -> Backend;

    /// Connections of each pool: (pool name, open, idle), for the operations metrics.
    fn pool_stats(&self) -> Vec<PoolStats>;

    /// A consistent copy of the whole database in a new file at `dest`, taken while serving.
    async fn backup(&self, dest: &std::path::Path) -> StoreResult<()>;

    /// How live events reach the other instances on this database; `None` where the database
    /// is not shared between servers (SQLite).
    fn live_relay(&self) -> Option<Arc<dyn live::LiveRelay>> {
        None
    }

    /// Applies pending migrations; safe when several instances start at once.
    async fn migrate(&self) -> StoreResult<()>;

    /// Proves the database answers (for `/readyz`).
    async fn ping(&self) -> StoreResult<()>;
}

/// Languages, people and their ways in: users, sessions, API tokens.
#[async_trait]
pub trait PeopleStore: Send + Sync {
    async fn list_languages(&self) -> StoreResult<Vec<Language>>;
    /// `Conflict("language")` when the tag is already there.
    async fn add_language(&self, language: &NewLanguage) -> StoreResult<Language>;
    /// The tags among `tags` that the instance does not know.
    async fn unknown_languages(&self, tags: &[LanguageTag]) -> StoreResult<Vec<LanguageTag>>;

    /// `Conflict("username")` for a taken name, `UnknownLanguage` for a role in a language not enabled.
    async fn create_user(&self, user: &NewUser) -> StoreResult<User>;
    /// Changes a user's name, roles or interface language; `None` when there is no such user.
    async fn update_user(&self, id: i64, update: &UserUpdate) -> StoreResult<Option<User>>;
    /// Disables a person at `at` (ending their sessions and revoking their API tokens) or, with
    /// `None`, lets them sign in again, writing `audit` in the same transaction; `None` when
    /// there is no such user.
    async fn set_user_disabled(
        &self,
        id: i64,
        at: Option<DateTime<Utc>>,
        audit: &crate::domain::audit::NewAuditEntry,
    ) -> StoreResult<Option<User>>;
    async fn list_users(&self) -> StoreResult<Vec<User>>;
    async fn get_user(&self, id: i64) -> StoreResult<Option<User>>;
    async fn credentials(&self, username: &str) -> StoreResult<Option<Credentials>>;

    async fn create_session(&self, session: &NewSession) -> StoreResult<()>;
    /// The user of a live session, with its CSRF token; expired sessions are not found.
    async fn session_user(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<SessionUser>>;
    async fn delete_session(&self, token_hash: &str) -> StoreResult<()>;
    async fn create_api_token(
        &self,
        user_id: i64,
        name: &str,
        token_hash: &str,
    ) -> StoreResult<ApiTokenInfo>;
    async fn token_user(&self, token_hash: &str) -> StoreResult<Option<User>>;
}

/// The workflow's reads and writes: statements, units, their history, assignments, source
/// changes and publications. Every write is finished by the workflow before it gets here.
#[async_trait]
pub trait WorkStore: Send + Sync {
    /// Stores a checked statement with its first source revision, segments and one
    /// `untranslated` unit per segment and target language, then the changes `first` starts
    /// some of them with. `slug` is made unique by suffixing.
    async fn create_statement(
        &self,
        statement: &PreparedStatement,
        slug: &str,
        created_by: i64,
        first: Option<&dyn FirstChanges>,
    ) -> StoreResult<StatementDetail>;
    async fn list_statements(&self) -> StoreResult<Vec<StatementSummary>>;
    /// Due dates, approved headlines and latest publications, for the desk's statements list.
    async fn statement_outlook(&self) -> StoreResult<StatementOutlook>;
    async fn get_statement(&self, id: i64) -> StoreResult<Option<StatementDetail>>;

    /// The unit of an active segment of a statement in one language.
    async fn get_unit(
        &self,
        statement_id: i64,
        segment_id: i64,
        lang: &LanguageTag,
    ) -> StoreResult<Option<UnitRecord>>;
    /// An active segment's source with its neighbours' and the statement's source language.
    async fn segment_context(
        &self,
        statement_id: i64,
        segment_id: i64,
    ) -> StoreResult<Option<SegmentContext>>;
    /// `VersionConflict` when the unit is no longer at the change's base version.
    async fn apply_unit_change(&self, write: &UnitWrite) -> StoreResult<UnitRecord>;
    /// Several changes in one transaction: all are applied, or none when one meets a conflict.
    async fn apply_unit_changes(&self, writes: &[UnitWrite]) -> StoreResult<Vec<UnitRecord>>;
    async fn list_units(&self, statement_id: i64, lang: &LanguageTag)
        -> StoreResult<Vec<UnitView>>;
    /// The same units as `list_units`, with their assignments and last approvals.
    async fn unit_records(
        &self,
        statement_id: i64,
        lang: &LanguageTag,
    ) -> StoreResult<Vec<UnitRecord>>;
    async fn unit_history(&self, unit_id: i64) -> StoreResult<Vec<Revision>>;
    async fn unit_comments(&self, unit_id: i64) -> StoreResult<Vec<Comment>>;
    /// Every comment on the units of a statement in one language, with its unit id, oldest first.
    async fn statement_comments(
        &self,
        statement_id: i64,
        lang: &LanguageTag,
    ) -> StoreResult<Vec<(i64, Comment)>>;
    async fn add_comment(&self, unit_id: i64, author: i64, body: &str) -> StoreResult<Comment>;
    /// Returns how many units the assignment touched.
    async fn assign(&self, change: &AssignmentChange) -> StoreResult<u64>;
    /// Opens or closes a statement's unassigned units to every translator of their language;
    /// the statement as it is then, or `None` when there is no such statement.
    async fn set_open_to_translators(
        &self,
        statement_id: i64,
        open: bool,
    ) -> StoreResult<Option<StatementDetail>>;
    async fn queue_units(&self, user_id: i64) -> StoreResult<Vec<crate::domain::queue::QueueUnit>>;
    /// Writes a planned source change and returns the statement after it.
    async fn replace_source(&self, change: &SourceChange) -> StoreResult<StatementDetail>;
    /// Writes a publication the workflow assembled and numbered; see `NewPublication` for the
    /// conflicts that leave it unwritten.
    async fn publish(&self, publication: &NewPublication) -> StoreResult<Publication>;
    async fn list_publications(&self, statement_id: i64) -> StoreResult<Vec<PublicationSummary>>;
    async fn get_publication(&self, slug: &str, number: i64) -> StoreResult<Option<Publication>>;
    /// The newest publication of each statement, or of the statement with `slug`, newest first.
    async fn latest_publications(
        &self,
        slug: Option<&str>,
        limit: i64,
    ) -> StoreResult<Vec<Publication>>;
}

/// Opens the store that `url` names: `sqlite:` (file created when missing) or `postgres:`.
pub async fn open(url: &str) -> StoreResult<Arc<dyn Store>> {
    if url.starts_with("sqlite:") {
        Ok(Arc::new(sqlite::SqliteStore::open(url).await?))
    } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
        Ok(Arc::new(postgres::PgStore::open(url).await?))
    } else {
        Err(StoreError::UnsupportedUrl(redact_url(url)))
    }
}

/// Hides a password in a database URL before it reaches a log or an error message.
pub fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            // set_password fails only for URLs that cannot have one, which this one has.
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        Ok(parsed) => parsed.to_string(),
        Err(_) => url.split('@').next_back().unwrap_or_default().to_owned(),
    }
}

/// Picks the first free slug: `base`, then `base-2`, `base-3`, ... given the taken ones.
pub(crate) fn free_slug(base: &str, taken: &[String]) -> String {
    if !taken.iter().any(|t| t == base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| crate::domain::slug::with_suffix(base, n))
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or_else(|| base.to_owned())
}

/// Glossary terms.
#[async_trait]
pub trait GlossaryStore: Send + Sync {
    /// Adds terms in one transaction; an existing (languages, term, translation) is updated.
    async fn add_terms(&self, terms: &[glossary::NewTerm]) -> StoreResult<u64>;
    /// Terms of a language pair (either side may be left open), by term.
    async fn glossary(
        &self,
        src: Option<&str>,
        tgt: Option<&str>,
    ) -> StoreResult<Vec<crate::domain::glossary::Term>>;
    async fn delete_term(&self, id: i64) -> StoreResult<bool>;
}

/// The translation memory's rows.
#[async_trait]
pub trait MemoryStore: Send + Sync {
    /// Remembers pairs in one transaction; a pair already there only has its provenance refreshed.
    async fn add_memory(&self, entries: &[memory::NewMemoryEntry]) -> StoreResult<u64>;
    /// Rows after `after` by id, for building and refreshing the in-memory index.
    async fn memory_sources_after(
        &self,
        after: i64,
        limit: i64,
    ) -> StoreResult<Vec<memory::MemorySource>>;
    async fn memory_entries(&self, ids: &[i64]) -> StoreResult<Vec<memory::MemoryEntry>>;
    /// Concordance: pairs whose source or target contains `query`, case-folded, newest first.
    async fn memory_search(
        &self,
        src: &str,
        tgt: &str,
        query: &str,
        limit: i64,
    ) -> StoreResult<Vec<memory::MemoryEntry>>;
    /// Whole rows after `after` by id, for exports.
    async fn memory_page(&self, after: i64, limit: i64) -> StoreResult<Vec<memory::MemoryEntry>>;
    /// Replaces the pair `id` with `entry` in one transaction: a new row (or the existing row of
    /// the same pair), so the in-memory indexes, which only grow, pick the new text up and skip
    /// the old id. `None` when there is no pair `id`.
    async fn replace_memory(
        &self,
        id: i64,
        entry: &memory::NewMemoryEntry,
    ) -> StoreResult<Option<memory::MemoryEntry>>;
    /// Forgets the pair `id`; false when there was none.
    async fn delete_memory(&self, id: i64) -> StoreResult<bool>;
}

/// Sign-in failures, API tokens and the audit log.
#[async_trait]
pub trait SecurityStore: Send + Sync {
    /// The latest lock in force now on any of `keys`.
    async fn locked_until(
        &self,
        keys: &[String],
        now: DateTime<Utc>,
    ) -> StoreResult<Option<DateTime<Utc>>>;
    /// Counts a failure against `key` and returns the lock it earned, if any.
    async fn record_sign_in_failure(
        &self,
        key: &str,
        kind: crate::domain::lockout::LockKey,
        now: DateTime<Utc>,
    ) -> StoreResult<Option<DateTime<Utc>>>;
    async fn clear_sign_in_failures(&self, key: &str, now: DateTime<Utc>) -> StoreResult<()>;
    async fn add_audit(&self, entry: &crate::domain::audit::NewAuditEntry) -> StoreResult<()>;
    async fn audit(
        &self,
        query: &security::AuditQuery,
    ) -> StoreResult<Vec<crate::domain::audit::AuditEntry>>;
    async fn api_tokens(&self, user_id: i64) -> StoreResult<Vec<ApiTokenInfo>>;
    /// Revokes a token (of `owner` only, when given); returns its owner and what it was.
    async fn revoke_api_token(
        &self,
        id: i64,
        owner: Option<i64>,
    ) -> StoreResult<Option<(i64, ApiTokenInfo)>>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_lose_their_password() {
        assert_eq!(
            redact_url("postgres://tandem:secret@db:5432/tandem"),
            "postgres://tandem:***@db:5432/tandem"
        );
        assert_eq!(redact_url("sqlite:///tmp/t.db"), "sqlite:///tmp/t.db");
    }

    #[test]
    fn slugs_get_the_first_free_suffix() {
        let taken = vec!["open-letter".to_owned(), "open-letter-2".to_owned()];
        assert_eq!(free_slug("open-letter", &taken), "open-letter-3");
        assert_eq!(free_slug("press-release", &taken), "press-release");
    }
}
