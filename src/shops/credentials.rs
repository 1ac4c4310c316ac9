//! Where shop credentials live: the OS keychain (Secret Service, Keychain, Credential Manager) when one
//! answers, else a file readable only by the user beside the database. Never inside the database.

use super::ShopCredentials;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum CredentialError {
    #[error("cannot read the credentials file {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("cannot write the credentials file {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("the credentials file {0} is damaged; remove it and add the shops' tokens again")]
    Damaged(PathBuf),
    #[error("no credentials are stored for shop {0}; add the shop again with its token")]
    Missing(i64),
}

/// Set to `file` to keep credentials in the 0600 file even where a keychain answers.
pub const BACKEND_ENV: &str = "AFTERSALES_CREDENTIALS";
const KEYRING_SERVICE: &str = "aftersales-desk";

pub struct CredentialStore {
    path: PathBuf,
    /// Keychain entries are named per data folder, so two databases (a test's, the app's) never share one.
    scope: String,
    keyring: std::sync::OnceLock<bool>,
}

impl CredentialStore {
    pub fn beside(db_path: &Path) -> Self {
        let dir = crate::paths::data_dir_of(db_path);
        let canonical = std::fs::canonicalize(&dir).unwrap_or(dir.clone());
        let scope = {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            canonical.hash(&mut h);
            format!("{:016x}", h.finish())
        };
        Self { path: dir.join("credentials.json"), scope, keyring: std::sync::OnceLock::new() }
    }

    /// Whether a keychain service answers here; asked once. A missing entry is an answer, a missing service is not.
    fn keyring_available(&self) -> bool {
        *self.keyring.get_or_init(|| {
            if std::env::var(BACKEND_ENV).is_ok_and(|v| v == "file") {
                return false;
            }
            let probe = keyring::Entry::new(KEYRING_SERVICE, &format!("probe@{}", self.scope));
            let ok = matches!(probe.and_then(|e| e.get_password()), Ok(_) | Err(keyring::Error::NoEntry));
            tracing::info!(keychain = ok, "credential store chosen");
            ok
        })
    }

    fn entry(&self, shop_id: i64) -> Option<keyring::Entry> {
        if !self.keyring_available() {
            return None;
        }
        keyring::Entry::new(KEYRING_SERVICE, &format!("{}@{}", key(shop_id), self.scope)).ok()
    }

    fn load(&self) -> Result<BTreeMap<String, String>, CredentialError> {
        match std::fs::read(&self.path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|_| CredentialError::Damaged(self.path.clone())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BTreeMap::new()),
            Err(source) => Err(CredentialError::Read { path: self.path.clone(), source }),
        }
    }

    /// Written to a temporary file with mode 0600 and renamed over the old one, so a crash leaves either.
    fn save(&self, map: &BTreeMap<String, String>) -> Result<(), CredentialError> {
        let err = |source| CredentialError::Write { path: self.path.clone(), source };
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(err)?;
        }
        let tmp = self.path.with_extension("json.tmp");
        let body = serde_json::to_vec_pretty(map).unwrap_or_default();
        write_private(&tmp, &body).map_err(err)?;
        std::fs::rename(&tmp, &self.path).map_err(err)
    }

    pub fn set(&self, shop_id: i64, credentials: &ShopCredentials) -> Result<(), CredentialError> {
        let secret = serde_json::to_string(credentials).unwrap_or_default();
        if let Some(entry) = self.entry(shop_id) {
            if entry.set_password(&secret).is_ok() {
                // An older copy in the file would be read back by `get` if the keychain later went away.
                return self.remove_from_file(shop_id);
            }
            tracing::warn!("the keychain refused the credentials; keeping them in the private file");
        }
        let mut map = self.load()?;
        map.insert(key(shop_id), secret);
        self.save(&map)
    }

    pub fn get(&self, shop_id: i64) -> Result<ShopCredentials, CredentialError> {
        if let Some(Ok(secret)) = self.entry(shop_id).map(|e| e.get_password()) {
            return serde_json::from_str(&secret).map_err(|_| CredentialError::Missing(shop_id));
        }
        let raw = self.load()?.remove(&key(shop_id)).ok_or(CredentialError::Missing(shop_id))?;
        serde_json::from_str(&raw).map_err(|_| CredentialError::Damaged(self.path.clone()))
    }

    pub fn remove(&self, shop_id: i64) -> Result<(), CredentialError> {
        if let Some(entry) = self.entry(shop_id) {
            let _ = entry.delete_credential();
        }
        self.remove_from_file(shop_id)
    }

    fn remove_from_file(&self, shop_id: i64) -> Result<(), CredentialError> {
        let mut map = self.load()?;
        if map.remove(&key(shop_id)).is_some() {
            self.save(&map)?;
        }
        Ok(())
    }
}

fn key(shop_id: i64) -> String {
    format!("shop:{shop_id}")
}

#[cfg(unix)]
fn write_private(path: &Path, body: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o600).open(path)?;
    f.write_all(body)?;
    f.sync_all()
}

#[cfg(not(unix))]
fn write_private(path: &Path, body: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_round_trip_in_a_private_file() {
        std::env::set_var(BACKEND_ENV, "file");
        let dir = tempfile::tempdir().unwrap();
        let store = CredentialStore::beside(&dir.path().join("desk.db"));
        assert!(matches!(store.get(1), Err(CredentialError::Missing(1))), "nothing stored yet");
        let shopify = ShopCredentials::Shopify { token: "shpat_secret".into() };
        let woo = ShopCredentials::Woocommerce { key: "ck_1".into(), secret: "cs_2".into() };
        store.set(1, &shopify).unwrap();
        store.set(2, &woo).unwrap();
        assert_eq!(store.get(1).unwrap(), shopify);
        assert_eq!(store.get(2).unwrap(), woo);
        assert_eq!(format!("{woo:?}"), "ShopCredentials::woocommerce(…)", "Debug never prints a secret");
        store.remove(1).unwrap();
        assert!(store.get(1).is_err(), "a removed secret is gone");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("credentials.json")).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "only the user may read the credentials file");
        }
    }
}
