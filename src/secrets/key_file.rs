//! The key file: base64 of the 32 key bytes, created once with mode 0600 and never overwritten.
//!
//! Base64 text rather than raw bytes, so that the same text can be moved into
//! `TANDEM_SECRET_KEY` (or a secret manager) as it is. Every write goes to a temporary file that
//! is synced and then linked or renamed into place, so a crash leaves either no file or a whole
//! one, never half a key.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{bail, Context};

use super::cipher::SecretKey;

/// The key file's name beside an SQLite database.
pub const FILE_NAME: &str = "tandem.key";

/// Where the key file is when none is configured: beside an SQLite database, and for other
/// databases (PostgreSQL) in `./tandem-data`, where the default SQLite database would be.
pub fn default_path(database_url: &str) -> PathBuf {
    if database_url.starts_with("sqlite:") {
        if let Ok(options) = sqlx::sqlite::SqliteConnectOptions::from_str(database_url) {
            let dir = options
                .get_filename()
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default();
            return if dir.as_os_str().is_empty() {
                PathBuf::from(FILE_NAME)
            } else {
                dir.join(FILE_NAME)
            };
        }
    }
    Path::new("tandem-data").join(FILE_NAME)
}

/// Where a rotation writes the new key before the database is sealed under it: `FILE.new`.
pub fn pending_path(file: &Path) -> PathBuf {
    let mut name = file
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".new");
    file.with_file_name(name)
}

/// The key in `path`; `None` when there is no such file.
pub fn read(path: &Path) -> anyhow::Result<Option<SecretKey>> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => zeroize::Zeroizing::new(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(e).with_context(|| format!("cannot read the key file {}", path.display()))
        }
    };
    warn_if_readable_by_others(path);
    let key = SecretKey::from_base64(&text)
        .with_context(|| format!("the key file {} does not hold a key", path.display()))?;
    Ok(Some(key))
}

/// The key in `path`, or a new one written there when the file does not exist; `true` when it
/// was created. When two processes create it at the same moment, both get the one that landed
/// first: the file is linked into place only if nothing is there.
pub fn read_or_create(path: &Path) -> anyhow::Result<(SecretKey, bool)> {
    if let Some(key) = read(path)? {
        return Ok((key, false));
    }
    let key = SecretKey::generate();
    let temp = write_temporary(path, &key)?;
    let linked = std::fs::hard_link(&temp, path);
    let _ = std::fs::remove_file(&temp);
    match linked {
        Ok(()) => {
            sync_dir(path)?;
            Ok((key, true))
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => match read(path)? {
            Some(theirs) => Ok((theirs, false)),
            None => bail!(
                "the key file {} vanished while it was created",
                path.display()
            ),
        },
        Err(e) => Err(e).with_context(|| format!("cannot create the key file {}", path.display())),
    }
}

/// Writes `key` to `path`, replacing what is there (for the pending key of a rotation).
pub fn write_replacing(path: &Path, key: &SecretKey) -> anyhow::Result<()> {
    let temp = write_temporary(path, key)?;
    if let Err(e) = std::fs::rename(&temp, path) {
        let _ = std::fs::remove_file(&temp);
        return Err(e).with_context(|| format!("cannot write the key file {}", path.display()));
    }
    sync_dir(path)
}

/// Moves the pending key of a rotation over the key file, in one rename.
pub fn promote(pending: &Path, file: &Path) -> anyhow::Result<()> {
    std::fs::rename(pending, file).with_context(|| {
        format!(
            "cannot move the new key {} over {}",
            pending.display(),
            file.display()
        )
    })?;
    sync_dir(file)
}

/// A new file beside `path` holding `key`, readable by its owner only, synced to disk.
fn write_temporary(path: &Path, key: &SecretKey) -> anyhow::Result<PathBuf> {
    let dir = parent(path);
    std::fs::create_dir_all(&dir)
        .with_context(|| format!("cannot create the folder {}", dir.display()))?;
    let temp = dir.join(format!(".{FILE_NAME}.{:016x}.tmp", rand::random::<u64>()));
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let written = options.open(&temp).and_then(|mut file| {
        file.write_all(key.to_base64().as_bytes())?;
        file.write_all(b"\n")?;
        file.sync_all()
    });
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(e).with_context(|| format!("cannot write a key file in {}", dir.display()));
    }
    Ok(temp)
}

fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A new or renamed file survives a power cut only once its folder is synced too. (Only Unix
/// can open a folder to sync it.)
fn sync_dir(path: &Path) -> anyhow::Result<()> {
    if cfg!(unix) {
        let dir = parent(path);
        File::open(&dir)
            .and_then(|d| d.sync_all())
            .with_context(|| format!("cannot sync the folder {}", dir.display()))?;
    }
    Ok(())
}

/// Like ssh with its keys, a key file others can read is worth a warning, not a refusal: the
/// operator may have a reason (a group that runs backups).
fn warn_if_readable_by_others(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = std::fs::metadata(path) {
            let mode = meta.permissions().mode() & 0o777;
            if mode & 0o077 != 0 {
                tracing::warn!(
                    file = %path.display(),
                    mode = format!("{mode:o}"),
                    "the key file can be read by others than its owner; chmod 600 it"
                );
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_file_is_beside_an_sqlite_database() {
        assert_eq!(
            default_path("sqlite:///var/lib/tandem/tandem.db"),
            Path::new("/var/lib/tandem/tandem.key")
        );
        assert_eq!(
            default_path("sqlite://./tandem-data/tandem.db"),
            Path::new("./tandem-data/tandem.key")
        );
        assert_eq!(default_path("sqlite:t.db"), Path::new("tandem.key"));
        assert_eq!(
            default_path("postgres://tandem@db/tandem"),
            Path::new("tandem-data/tandem.key")
        );
        assert_eq!(
            pending_path(Path::new("/k/tandem.key")),
            Path::new("/k/tandem.key.new")
        );
    }

    #[test]
    fn a_key_file_is_created_once_for_its_owner_only() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("sub").join(FILE_NAME);
        assert!(read(&path).expect("read").is_none());
        let (key, created) = read_or_create(&path).expect("create");
        assert!(created);
        let (again, created) = read_or_create(&path).expect("read");
        assert!(!created);
        assert_eq!(again, key, "never overwritten");
        let text = std::fs::read_to_string(&path).expect("text");
        assert_eq!(text.trim_end(), key.to_base64().as_str());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // No temporary file is left behind.
        let names: Vec<_> = std::fs::read_dir(path.parent().expect("dir"))
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from(FILE_NAME)]);
    }

    #[test]
    fn processes_creating_it_at_once_get_the_same_key() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join(FILE_NAME);
        let keys: Vec<SecretKey> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..8)
                .map(|_| s.spawn(|| read_or_create(&path).expect("create").0))
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("thread"))
                .collect()
        });
        assert!(keys.iter().all(|k| *k == keys[0]));
        assert_eq!(read(&path).expect("read"), Some(keys[0].clone()));
    }

    #[test]
    fn a_pending_key_replaces_the_file_in_one_rename() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join(FILE_NAME);
        let (old, _) = read_or_create(&path).expect("create");
        let new = SecretKey::generate();
        let pending = pending_path(&path);
        write_replacing(&pending, &SecretKey::generate()).expect("stale pending");
        write_replacing(&pending, &new).expect("pending");
        assert_eq!(read(&path).expect("read"), Some(old));
        promote(&pending, &path).expect("promote");
        assert_eq!(read(&path).expect("read"), Some(new));
        assert!(read(&pending).expect("read").is_none());
    }

    #[test]
    fn a_file_without_a_key_is_an_error_naming_it() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join(FILE_NAME);
        std::fs::write(&path, "hello").expect("write");
        let error = format!("{:#}", read(&path).expect_err("not a key"));
        assert!(error.contains(&path.display().to_string()), "{error}");
        assert!(
            read_or_create(&path).is_err(),
            "a broken file is not replaced"
        );
        assert_eq!(std::fs::read_to_string(&path).expect("text"), "hello");
    }
}
