//! Secrets at rest over the store: the key check at start, sealing what an older version left in
//! clear, and key rotation.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{bail, Context};
use chrono::Utc;

use crate::config::SecretKeySettings;
use crate::secrets::cipher::{is_sealed, Purpose, Sealer, SecretKey};
use crate::secrets::key_file;
use crate::store::secrets::{SecretChange, SecretKind, StoredSecret};
use crate::store::Store;

/// How often a pass over the stored secrets starts again when another instance changed one of
/// them between the read and the write.
const ATTEMPTS: usize = 5;

/// Where this process took its key from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeySource {
    /// `TANDEM_SECRET_KEY`.
    Variable,
    File(PathBuf),
}

impl std::fmt::Display for KeySource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Variable => f.write_str("TANDEM_SECRET_KEY"),
            Self::File(path) => write!(f, "the key file {}", path.display()),
        }
    }
}

/// The key in force, ready to seal and open.
pub struct Unlocked {
    pub sealer: Arc<Sealer>,
    pub source: KeySource,
    /// Secrets found in clear (written by an older version) and sealed by this start.
    pub sealed_now: usize,
}

fn purpose(kind: SecretKind) -> Purpose {
    match kind {
        SecretKind::KeyCheck => Purpose::KeyCheck,
        SecretKind::WebhookSigning => Purpose::WebhookSecret,
    }
}

fn describe(secret: &StoredSecret) -> String {
    match secret.kind {
        SecretKind::KeyCheck => "the key check".to_owned(),
        SecretKind::WebhookSigning => format!("the secret of webhook {}", secret.id),
    }
}

/// Finds the key, proves it is the one the database was sealed with (storing the proof on the
/// first start), and seals every secret still in clear. Fails here, at start, with a message
/// that says where the key was looked for, rather than at the first delivery.
pub async fn unlock(
    store: &dyn Store,
    settings: &SecretKeySettings,
    database_url: &str,
) -> anyhow::Result<Unlocked> {
    let check = store
        .stored_secrets()
        .await
        .context("cannot read the key check")?
        .into_iter()
        .find(|s| s.kind == SecretKind::KeyCheck)
        .map(|s| s.value);
    let (key, source) = find_key(settings, database_url, check.as_deref())?;
    let sealer = Sealer::new(&key);
    drop(key);
    match check {
        Some(stored) if !sealer.opens_key_check(&stored) => {
            bail!(wrong_key(&source))
        }
        Some(_) => {}
        None => {
            let in_force = store
                .init_key_check(&sealer.key_check()?, Utc::now())
                .await
                .context("cannot store the key check")?;
            // Another instance starting at the same moment with another key got there first.
            if !sealer.opens_key_check(&in_force) {
                bail!(wrong_key(&source));
            }
            tracing::info!(key = %source, "this database's secrets are sealed with this key from now on");
        }
    }
    let sealed_now = seal_clear(store, &sealer).await?;
    Ok(Unlocked {
        sealer: Arc::new(sealer),
        source,
        sealed_now,
    })
}

/// `TANDEM_SECRET_KEY` when set, else the key file. The file is created only for a database
/// that no key has sealed yet: for one that has, a missing file is an error, not a new key.
fn find_key(
    settings: &SecretKeySettings,
    database_url: &str,
    check: Option<&str>,
) -> anyhow::Result<(SecretKey, KeySource)> {
    if let Some(key) = &settings.key {
        return Ok((key.clone(), KeySource::Variable));
    }
    let file = settings
        .file
        .clone()
        .unwrap_or_else(|| key_file::default_path(database_url));
    let source = KeySource::File(file.clone());
    let Some(check) = check else {
        let (key, created) = key_file::read_or_create(&file)?;
        if created {
            tracing::warn!(
                file = %file.display(),
                "created a new key file for this database's secrets: back it up apart from the \
                 database, which is useless for webhooks without it"
            );
        }
        return Ok((key, source));
    };
    let current = key_file::read(&file)?;
    if let Some(key) = current
        .as_ref()
        .filter(|k| Sealer::new(k).opens_key_check(check))
    {
        return Ok((key.clone(), source));
    }
    // A rotation that committed but stopped before moving its new key into place.
    let pending = key_file::pending_path(&file);
    if let Some(new) = key_file::read(&pending)? {
        if Sealer::new(&new).opens_key_check(check) {
            key_file::promote(&pending, &file)?;
            tracing::warn!(file = %file.display(), "finished an interrupted key rotation");
            return Ok((new, source));
        }
    }
    match current {
        // The caller reports it as the wrong key.
        Some(key) => Ok((key, source)),
        None => bail!(
            "this database's secrets are sealed with a key, but the key file {} does not exist. \
             Put the key file this database was sealed with there (or pass its path with \
             --secret-key-file / TANDEM_SECRET_KEY_FILE, or set TANDEM_SECRET_KEY to the key); \
             no new key was made, because it could not open them",
            file.display()
        ),
    }
}

fn wrong_key(source: &KeySource) -> String {
    let looked = match source {
        KeySource::Variable => "from TANDEM_SECRET_KEY".to_owned(),
        KeySource::File(path) => format!(
            "from the key file {} (TANDEM_SECRET_KEY is not set; {} was looked at too)",
            path.display(),
            key_file::pending_path(path).display()
        ),
    };
    format!(
        "the secret key does not open this database's secrets: they were sealed with another \
         key. Tandem took the key {looked}. Start it with the key this database was sealed with \
         (TANDEM_SECRET_KEY, or the key file with --secret-key-file / TANDEM_SECRET_KEY_FILE); \
         every instance on one database must use the same key. If that key is lost, so are the \
         webhook secrets: see \"Security\" in the README"
    )
}

/// Seals the secrets an older version wrote in clear, in one transaction, and warns about any
/// sealed one this key does not open (sealed under another key by an instance that kept running
/// through a rotation): those fail their deliveries until the hook is registered again.
async fn seal_clear(store: &dyn Store, sealer: &Sealer) -> anyhow::Result<usize> {
    for _ in 0..ATTEMPTS {
        let stored = store.stored_secrets().await?;
        let unopenable: Vec<String> = stored
            .iter()
            .filter(|s| is_sealed(&s.value) && sealer.open(purpose(s.kind), &s.value).is_err())
            .map(describe)
            .collect();
        if !unopenable.is_empty() {
            tracing::warn!(
                secrets = unopenable.join(", "),
                "sealed secrets that this key does not open; their deliveries fail until the \
                 hooks are registered again"
            );
        }
        let mut changes = Vec::new();
        for secret in stored.iter().filter(|s| !is_sealed(&s.value)) {
            changes.push(SecretChange {
                kind: secret.kind,
                id: secret.id,
                old: secret.value.clone(),
                new: sealer.seal(purpose(secret.kind), &secret.value)?,
            });
        }
        if changes.is_empty() {
            return Ok(0);
        }
        if store.replace_secrets(&changes, false, Utc::now()).await? {
            tracing::info!(
                count = changes.len(),
                "sealed the secrets an older version stored in clear"
            );
            return Ok(changes.len());
        }
    }
    bail!("the stored secrets kept changing while they were being sealed; start again")
}

/// What a rotation did.
#[derive(Debug)]
pub struct Rotation {
    /// Secrets sealed again (the key check not counted).
    pub resealed: usize,
    /// The key file now holding the new key; `None` when the key came from TANDEM_SECRET_KEY.
    pub file: Option<PathBuf>,
}

/// Seals every stored secret and the key check again under `new_key`, in one transaction.
///
/// With a key file, the new key is first written to `FILE.new`, then the database is sealed
/// under it, then the file is renamed over `FILE`: a crash at any point leaves a database that
/// one of the two files opens, and `unlock` finishes the rename when only `FILE.new` does.
pub async fn rotate(
    store: &dyn Store,
    settings: &SecretKeySettings,
    database_url: &str,
    new_key: &SecretKey,
) -> anyhow::Result<Rotation> {
    let current = unlock(store, settings, database_url).await?;
    let next = Sealer::new(new_key);
    let file = match &current.source {
        KeySource::File(file) => {
            // A leftover from a rotation that stopped before its commit: the database opened
            // with FILE just now, so nothing is sealed under the leftover.
            key_file::write_replacing(&key_file::pending_path(file), new_key)?;
            Some(file.clone())
        }
        KeySource::Variable => None,
    };
    // On failure the pending file stays: if the commit did land after all, the next start
    // finds the key there.
    let resealed = reseal_all(store, &current.sealer, &next).await?;
    if let Some(file) = &file {
        let pending = key_file::pending_path(file);
        if let Err(e) = key_file::promote(&pending, file) {
            // A server starting meanwhile may have finished the rename itself.
            if key_file::read(file).ok().flatten().as_ref() != Some(new_key) {
                return Err(e.context(format!(
                    "the database is sealed with the new key, which is in {}; move it over {} \
                     before starting Tandem (a start also does this)",
                    pending.display(),
                    file.display()
                )));
            }
        }
    }
    Ok(Rotation { resealed, file })
}

async fn reseal_all(store: &dyn Store, from: &Sealer, to: &Sealer) -> anyhow::Result<usize> {
    for _ in 0..ATTEMPTS {
        let stored = store.stored_secrets().await?;
        let mut changes = Vec::with_capacity(stored.len());
        let mut unopenable = Vec::new();
        for secret in &stored {
            match from.open(purpose(secret.kind), &secret.value) {
                Ok(plain) => changes.push(SecretChange {
                    kind: secret.kind,
                    id: secret.id,
                    old: secret.value.clone(),
                    new: to.seal(purpose(secret.kind), &plain)?,
                }),
                Err(_) => unopenable.push(describe(secret)),
            }
        }
        if !unopenable.is_empty() {
            bail!(
                "{} cannot be opened with the current key, so it cannot be sealed under the new \
                 one; nothing was changed. Delete those webhooks (DELETE /api/v1/webhooks/ID), \
                 register them again, then rotate",
                unopenable.join(", ")
            );
        }
        if store.replace_secrets(&changes, true, Utc::now()).await? {
            return Ok(changes
                .iter()
                .filter(|c| c.kind != SecretKind::KeyCheck)
                .count());
        }
    }
    bail!("the stored secrets kept changing during the rotation; stop every instance and try again")
}
