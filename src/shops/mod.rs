//! Shop accounts: which platforms we connect to and their credentials (kept outside the database).

mod credentials;

pub use credentials::{CredentialError, CredentialStore};

use std::fmt;

/// Platform ids, spelled the same in the CLI, files, database and JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    Shopify,
    Woocommerce,
    Medusa,
    Pdd,
    Taobao,
    Jd,
    Douyin,
    WechatShop,
}

impl Platform {
    pub const ALL: [Platform; 8] = [
        Platform::Shopify,
        Platform::Woocommerce,
        Platform::Medusa,
        Platform::Pdd,
        Platform::Taobao,
        Platform::Jd,
        Platform::Douyin,
        Platform::WechatShop,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Platform::Shopify => "shopify",
            Platform::Woocommerce => "woocommerce",
            Platform::Medusa => "medusa",
            Platform::Pdd => "pdd",
            Platform::Taobao => "taobao",
            Platform::Jd => "jd",
            Platform::Douyin => "douyin",
            Platform::WechatShop => "wechat_shop",
        }
    }

    pub fn parse(id: &str) -> Option<Platform> {
        Platform::ALL.into_iter().find(|p| p.id() == id)
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// What a shop needs to let us in. Never stored in the database, never logged, never sent back to the UI.
#[derive(Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(tag = "platform", rename_all = "snake_case")]
pub enum ShopCredentials {
    Shopify { token: String },
    Woocommerce { key: String, secret: String },
    /// Medusa v2: a secret API key made in the admin (Settings → Secret API Keys), sent as HTTP Basic.
    Medusa { secret_key: String },
    /// Pinduoduo: the app's client id and secret from the open platform, and the shop's access token.
    Pdd { client_id: String, client_secret: String, access_token: String },
    /// Taobao (TOP): the app key and secret, and the shop's session key.
    Taobao { app_key: String, app_secret: String, session: String },
}

impl fmt::Debug for ShopCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ShopCredentials::{}(…)", self.platform())
    }
}

impl ShopCredentials {
    pub fn platform(&self) -> Platform {
        match self {
            ShopCredentials::Shopify { .. } => Platform::Shopify,
            ShopCredentials::Woocommerce { .. } => Platform::Woocommerce,
            ShopCredentials::Medusa { .. } => Platform::Medusa,
            ShopCredentials::Pdd { .. } => Platform::Pdd,
            ShopCredentials::Taobao { .. } => Platform::Taobao,
        }
    }

    /// Trimmed, and checked for presence: `Err((field, problem))`.
    pub fn cleaned(&self) -> Result<ShopCredentials, (&'static str, String)> {
        let need = |field: &'static str, v: &str| {
            let v = v.trim();
            if v.is_empty() {
                Err((field, "is empty".to_string()))
            } else if v.chars().any(char::is_whitespace) {
                Err((field, "contains spaces; paste it again".to_string()))
            } else {
                Ok(v.to_string())
            }
        };
        Ok(match self {
            ShopCredentials::Shopify { token } => ShopCredentials::Shopify { token: need("token", token)? },
            ShopCredentials::Woocommerce { key, secret } => {
                ShopCredentials::Woocommerce { key: need("key", key)?, secret: need("secret", secret)? }
            }
            ShopCredentials::Medusa { secret_key } => ShopCredentials::Medusa { secret_key: need("secret_key", secret_key)? },
            ShopCredentials::Pdd { client_id, client_secret, access_token } => ShopCredentials::Pdd {
                client_id: need("client_id", client_id)?,
                client_secret: need("client_secret", client_secret)?,
                access_token: need("access_token", access_token)?,
            },
            ShopCredentials::Taobao { app_key, app_secret, session } => ShopCredentials::Taobao {
                app_key: need("app_key", app_key)?,
                app_secret: need("app_secret", app_secret)?,
                session: need("session", session)?,
            },
        })
    }

    /// Every secret this holds, so tests and log checks can look for them.
    pub fn secrets(&self) -> Vec<&str> {
        match self {
            ShopCredentials::Shopify { token } => vec![token],
            ShopCredentials::Woocommerce { key, secret } => vec![key, secret],
            ShopCredentials::Medusa { secret_key } => vec![secret_key],
            ShopCredentials::Pdd { client_id, client_secret, access_token } => vec![client_id, client_secret, access_token],
            ShopCredentials::Taobao { app_key, app_secret, session } => vec![app_key, app_secret, session],
        }
    }
}

/// Tokens travel only over HTTPS; plain HTTP is allowed to loopback addresses, where the demo shop lives.
pub fn check_base_url(raw: &str) -> Result<url::Url, String> {
    let url = url::Url::parse(raw.trim()).map_err(|e| format!("'{raw}' is not a URL ({e})"))?;
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        "http" => return Err(format!("'{raw}' uses plain HTTP; credentials are only sent over HTTPS (or to this computer)")),
        other => return Err(format!("'{raw}' has the scheme '{other}'; use https://")),
    }
    if url.host_str().unwrap_or("").is_empty() {
        return Err(format!("'{raw}' has no host"));
    }
    // Keys pasted into the address would end up in the database and on screen: they belong in the key fields.
    if !url.username().is_empty() || url.password().is_some() || url.query().is_some() || url.fragment().is_some() {
        return Err("the shop address must not carry a user name, password or query string; put keys in their own fields".into());
    }
    Ok(url)
}

fn is_loopback(url: &url::Url) -> bool {
    match url.host() {
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        Some(url::Host::Domain(d)) => d == "localhost",
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_or_loopback_carries_a_token() {
        let cases = [
            ("https://acme.myshopify.com", true),
            ("http://127.0.0.1:8080", true),
            ("http://localhost:3000", true),
            ("http://[::1]:9000", true),
            ("http://acme.myshopify.com", false),
            ("ftp://acme.example", false),
            ("not a url", false),
            ("https://ck_1:cs_2@shop.example", false),
            ("https://shop.example/?consumer_key=ck_1", false),
        ];
        for (url, ok) in cases {
            assert_eq!(check_base_url(url).is_ok(), ok, "{url} should be {}", if ok { "accepted" } else { "refused" });
        }
    }

    #[test]
    fn platform_ids_round_trip() {
        for p in Platform::ALL {
            assert_eq!(Platform::parse(p.id()), Some(p), "{p} must parse back");
            assert_eq!(serde_json::to_string(&p).unwrap(), format!("\"{}\"", p.id()), "JSON spells {p} like the CLI");
        }
    }
}
