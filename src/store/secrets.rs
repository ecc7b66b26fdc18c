//! The secrets the database keeps (webhook signing secrets) and the key check, read and rewritten
//! together when they are sealed or the key changes.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::StoreResult;

/// Which column a stored secret lives in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretKind {
    /// The one row of `secret_key_check`.
    KeyCheck,
    /// `webhooks.secret`.
    WebhookSigning,
}

/// One stored value, sealed or (written by an older version) in clear.
#[derive(Debug, Clone)]
pub struct StoredSecret {
    pub kind: SecretKind,
    pub id: i64,
    pub value: String,
}

/// A stored value to replace, written only if it still holds `old`.
#[derive(Debug, Clone)]
pub struct SecretChange {
    pub kind: SecretKind,
    pub id: i64,
    pub old: String,
    pub new: String,
}

/// The key check's one row has this id.
pub(crate) const KEY_CHECK_ID: i64 = 1;

pub(crate) const KEY_CHECK_SQL: &str = "SELECT sealed FROM secret_key_check WHERE id = 1";

pub(crate) const WEBHOOK_SECRETS_SQL: &str = "SELECT id, secret FROM webhooks ORDER BY id";

/// Another instance starting at the same moment may store its check first; the first one stays.
pub(crate) const INSERT_KEY_CHECK_SQL: &str =
    "INSERT INTO secret_key_check (id, sealed, changed_at) VALUES (1, $1, $2)
    ON CONFLICT (id) DO NOTHING";

/// Compare-and-set: a value changed by someone else since it was read is left alone, and the
/// whole change is given up.
pub(crate) const UPDATE_KEY_CHECK_SQL: &str =
    "UPDATE secret_key_check SET sealed = $1, changed_at = $2 WHERE id = $3 AND sealed = $4";

pub(crate) const UPDATE_WEBHOOK_SECRET_SQL: &str =
    "UPDATE webhooks SET secret = $1 WHERE id = $2 AND secret = $3";

/// Every stored secret there is, counted, to tell whether a change covered them all.
pub(crate) const COUNT_SECRETS_SQL: &str =
    "SELECT (SELECT COUNT(*) FROM webhooks) + (SELECT COUNT(*) FROM secret_key_check)";

/// The rows as `stored_secrets` returns them: the key check first.
pub(crate) fn listing(check: Option<String>, hooks: Vec<(i64, String)>) -> Vec<StoredSecret> {
    check
        .map(|value| StoredSecret {
            kind: SecretKind::KeyCheck,
            id: KEY_CHECK_ID,
            value,
        })
        .into_iter()
        .chain(hooks.into_iter().map(|(id, value)| StoredSecret {
            kind: SecretKind::WebhookSigning,
            id,
            value,
        }))
        .collect()
}

/// Sealing at rest and key rotation; the store only reads and writes, the workflow seals.
#[async_trait]
pub trait SecretStore: Send + Sync {
    /// The key check, when a key has sealed this database, then every webhook secret.
    async fn stored_secrets(&self) -> StoreResult<Vec<StoredSecret>>;
    /// Stores `sealed` as the key check unless there is one already; returns the one in force.
    async fn init_key_check(&self, sealed: &str, at: DateTime<Utc>) -> StoreResult<String>;
    /// Writes every change in one transaction, holding off other writers of these columns, if
    /// each value still holds its `old` text and, with `whole`, if the changes cover every
    /// stored secret (nothing was added meanwhile). Otherwise writes nothing and returns false.
    /// Where the database can, the replaced values are also wiped from its files.
    async fn replace_secrets(
        &self,
        changes: &[SecretChange],
        whole: bool,
        at: DateTime<Utc>,
    ) -> StoreResult<bool>;
}
