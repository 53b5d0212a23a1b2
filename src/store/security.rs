//! `kaf server`'s security files in the data directory (FORMAT.md §16):
//! `security/users.json`, each user's SCRAM credentials per mechanism as Kafka stores them
//! (salt, iterations, stored key, server key; never a password), and `security/acls.json`,
//! the ACL bindings. The directory is mode 0700 and the files 0600; every change happens
//! under `locks/security.lock` by a read-modify-write and an atomic replace, so a server's
//! AlterUserScramCredentials and a concurrent `kaf users add` never lose each other's update.

use std::collections::BTreeMap;
use std::fs::{self, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use base64::Engine;
use serde::{Deserialize, Serialize};

use super::Store;
use super::fsutil;
use crate::error::{Error, IoContext, Result};
use crate::scram::{Credential, Mechanism};

const FORMAT: u32 = 1;

fn b64() -> base64::engine::GeneralPurpose {
    base64::engine::general_purpose::STANDARD
}

/// One stored SCRAM credential, base64 fields as in Kafka's `ScramCredentialUtils`.
#[derive(Serialize, Deserialize, Clone, Debug)]
struct StoredCredential {
    salt: String,
    iterations: i32,
    stored_key: String,
    server_key: String,
}

#[derive(Serialize, Deserialize, Default, Debug)]
struct UsersFile {
    format: u32,
    /// user → mechanism name (`SCRAM-SHA-256`, `SCRAM-SHA-512`) → credential.
    users: BTreeMap<String, BTreeMap<String, StoredCredential>>,
}

/// The users and their credentials.
#[derive(Default, Debug)]
pub(crate) struct Users {
    file: UsersFile,
}

impl Users {
    pub(crate) fn names(&self) -> impl Iterator<Item = &str> {
        self.file.users.keys().map(String::as_str)
    }

    pub(crate) fn contains(&self, user: &str) -> bool {
        self.file.users.contains_key(user)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.file.users.is_empty()
    }

    /// The user's credential for `mech`, if there is one (and it decodes).
    pub(crate) fn credential(&self, user: &str, mech: Mechanism) -> Option<Credential> {
        let c = self.file.users.get(user)?.get(mech.name())?;
        Some(Credential {
            salt: b64().decode(&c.salt).ok()?,
            iterations: c.iterations,
            stored_key: b64().decode(&c.stored_key).ok()?,
            server_key: b64().decode(&c.server_key).ok()?,
        })
    }

    /// The mechanisms a user has a credential for, with their iteration counts.
    pub(crate) fn mechanisms(&self, user: &str) -> Vec<(Mechanism, i32)> {
        let Some(m) = self.file.users.get(user) else {
            return Vec::new();
        };
        Mechanism::ALL
            .into_iter()
            .filter_map(|mech| m.get(mech.name()).map(|c| (mech, c.iterations)))
            .collect()
    }

    pub(crate) fn set(&mut self, user: &str, mech: Mechanism, c: &Credential) {
        self.file.users.entry(user.to_string()).or_default().insert(
            mech.name().to_string(),
            StoredCredential {
                salt: b64().encode(&c.salt),
                iterations: c.iterations,
                stored_key: b64().encode(&c.stored_key),
                server_key: b64().encode(&c.server_key),
            },
        );
    }

    /// Removes one mechanism's credential (the user goes when it has none left); whether
    /// there was one.
    pub(crate) fn remove_mechanism(&mut self, user: &str, mech: Mechanism) -> bool {
        let Some(m) = self.file.users.get_mut(user) else {
            return false;
        };
        let had = m.remove(mech.name()).is_some();
        if m.is_empty() {
            self.file.users.remove(user);
        }
        had
    }

    pub(crate) fn remove(&mut self, user: &str) -> bool {
        self.file.users.remove(user).is_some()
    }
}

/// One ACL binding, with Kafka's names for its enum fields (`TOPIC`, `LITERAL`, `READ`,
/// `ALLOW`, ...): what `kafka-acls --list` shows.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct AclBinding {
    pub(crate) resource_type: String,
    pub(crate) resource_name: String,
    pub(crate) pattern_type: String,
    pub(crate) principal: String,
    pub(crate) host: String,
    pub(crate) operation: String,
    pub(crate) permission: String,
}

#[derive(Serialize, Deserialize, Default, Debug)]
struct AclsFile {
    format: u32,
    acls: Vec<AclBinding>,
}

impl Store {
    fn security_dir(&self) -> PathBuf {
        self.root().join("security")
    }

    /// The users file's path, for messages.
    pub(crate) fn users_path(&self) -> PathBuf {
        self.security_dir().join("users.json")
    }

    /// The users (none when the file does not exist).
    pub(crate) fn users(&self) -> Result<Users> {
        Ok(Users {
            file: read_json(&self.users_path())?,
        })
    }

    /// Changes the users under the security lock; `f`'s error leaves the file unchanged.
    pub(crate) fn update_users<T>(&self, f: impl FnOnce(&mut Users) -> Result<T>) -> Result<T> {
        let _lock = self.security_lock()?;
        let mut users = self.users()?;
        let out = f(&mut users)?;
        users.file.format = FORMAT;
        write_private(&self.users_path(), &serde_json::to_vec_pretty(&users.file)?)?;
        Ok(out)
    }

    pub(crate) fn acls(&self) -> Result<Vec<AclBinding>> {
        let f: AclsFile = read_json(&self.security_dir().join("acls.json"))?;
        Ok(f.acls)
    }

    pub(crate) fn update_acls<T>(&self, f: impl FnOnce(&mut Vec<AclBinding>) -> T) -> Result<T> {
        let _lock = self.security_lock()?;
        let mut acls = self.acls()?;
        let out = f(&mut acls);
        acls.sort();
        acls.dedup();
        let file = AclsFile {
            format: FORMAT,
            acls,
        };
        write_private(
            &self.security_dir().join("acls.json"),
            &serde_json::to_vec_pretty(&file)?,
        )?;
        Ok(out)
    }

    fn security_lock(&self) -> Result<fs::File> {
        let dir = self.root().join("locks");
        fsutil::create_dir_durable(&dir)?;
        let path = dir.join("security.lock");
        let f = fsutil::open_lock_file(&path)?;
        f.lock().ctx("lock", &path)?;
        Ok(f)
    }
}

fn read_json<T: for<'de> Deserialize<'de> + Default>(path: &Path) -> Result<T> {
    match fs::read(path) {
        Ok(b) => {
            #[derive(Deserialize)]
            struct Format {
                format: u32,
            }
            let f: Format = serde_json::from_slice(&b)
                .map_err(|e| Error::Corrupt(format!("{}: {e}", path.display())))?;
            if f.format != FORMAT {
                return Err(Error::Unsupported(format!(
                    "{} has format {}, this kaf knows format {FORMAT}",
                    path.display(),
                    f.format
                )));
            }
            serde_json::from_slice(&b)
                .map_err(|e| Error::Corrupt(format!("{}: {e}", path.display())))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(T::default()),
        Err(e) => Err(Error::io_path("read", path, e)),
    }
}

/// `fsutil::write_atomic` for secrets: the directory 0700 and the file 0600 from its
/// creation on (never readable by others, even for a moment).
fn write_private(path: &Path, data: &[u8]) -> Result<()> {
    let dir = path.parent().expect("file has a parent directory");
    if !dir.is_dir() {
        match fs::DirBuilder::new().mode(0o700).create(dir) {
            Ok(()) => fsutil::fsync_dir(dir.parent().expect("security dir has a parent"))?,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(Error::io_path("create directory", dir, e)),
        }
    }
    let name = path.file_name().expect("file has a name").to_string_lossy();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let mut f = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&tmp)
        .ctx("create", &tmp)?;
    // An existing temp file keeps its mode: make sure.
    f.set_permissions(fs::Permissions::from_mode(0o600))
        .ctx("chmod", &tmp)?;
    f.write_all(data).ctx("write", &tmp)?;
    f.sync_all().ctx("fsync", &tmp)?;
    drop(f);
    fs::rename(&tmp, path).ctx("rename into place", path)?;
    fsutil::fsync_dir(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn users_round_trip_private() {
        let d = tempfile::tempdir().unwrap();
        let store = Store::open(d.path()).unwrap();
        assert!(store.users().unwrap().is_empty());
        let c = Credential::new(Mechanism::Sha512, b"pw", vec![1, 2, 3], 4096);
        store
            .update_users(|u| {
                u.set("alice", Mechanism::Sha512, &c);
                Ok(())
            })
            .unwrap();
        let u = store.users().unwrap();
        assert_eq!(u.credential("alice", Mechanism::Sha512), Some(c));
        assert_eq!(u.credential("alice", Mechanism::Sha256), None);
        let mode = fs::metadata(store.users_path())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}
