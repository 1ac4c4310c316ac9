//! One HTTP door for every connector: credentials on each call, pacing before it, and the retry rules after it
//! (429 → `Retry-After`, 5xx/timeouts/cut-off bodies → jittered backoff, 401/402/403/404 → stop and say why).

use super::pacing::RestPacer;
use super::SyncError;
use serde::de::DeserializeOwned;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const MAX_TRIES: u32 = 8;

#[derive(Clone)]
pub enum Auth {
    /// Shopify: `X-Shopify-Access-Token`.
    ShopifyToken(String),
    /// WooCommerce: HTTP Basic with the consumer key and secret.
    Basic { key: String, secret: String },
    /// Medusa: HTTP Basic with the secret API key as the user and no password.
    SecretKey(String),
    /// Pinduoduo, Taobao: each call carries its own signature in its parameters.
    Signed,
}

/// What a call sends.
enum Body<'a> {
    None,
    Json(&'a serde_json::Value),
    Form(&'a [(String, String)]),
}

/// Counts for benchmarks and progress: calls made and calls the platform throttled.
#[derive(Debug, Default)]
pub struct Stats {
    pub requests: AtomicU64,
    pub throttled: AtomicU64,
}

#[derive(Clone)]
pub struct Http {
    client: reqwest::Client,
    auth: Auth,
    /// The platform's name for messages ("Shopify", "WooCommerce").
    platform: &'static str,
    pub pacer: Option<Arc<Mutex<RestPacer>>>,
    pub stats: Arc<Stats>,
    pub cancel: Arc<AtomicBool>,
}

pub struct Answer<T> {
    pub body: T,
    pub headers: reqwest::header::HeaderMap,
}

impl Http {
    pub fn new(auth: Auth, platform: &'static str, cancel: Arc<AtomicBool>) -> Result<Self, SyncError> {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .connect_timeout(Duration::from_secs(15))
            .pool_max_idle_per_host(8)
            // A redirect could carry the token to another host or down to plain HTTP: never follow one.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("AftersalesDesk/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| SyncError::Network(e.to_string()))?;
        Ok(Self { client, auth, platform, pacer: None, stats: Arc::new(Stats::default()), cancel })
    }

    pub fn with_rest_pacer(mut self) -> Self {
        self.pacer = Some(Arc::new(Mutex::new(RestPacer::default())));
        self
    }

    fn authorise(&self, req: reqwest::RequestBuilder) -> reqwest::RequestBuilder {
        match &self.auth {
            Auth::ShopifyToken(t) => req.header(crate::demo_shop::TOKEN_HEADER, t),
            Auth::Basic { key, secret } => req.basic_auth(key, Some(secret)),
            Auth::SecretKey(key) => req.basic_auth(key, None::<&str>),
            Auth::Signed => req,
        }
    }

    pub fn check_cancel(&self) -> Result<(), SyncError> {
        if self.cancel.load(Ordering::SeqCst) {
            Err(SyncError::Cancelled)
        } else {
            Ok(())
        }
    }

    /// Sleeps in short steps so a cancel is noticed during long waits.
    pub async fn sleep(&self, d: Duration) -> Result<(), SyncError> {
        let until = Instant::now() + d;
        loop {
            self.check_cancel()?;
            let left = until.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Ok(());
            }
            tokio::time::sleep(left.min(Duration::from_millis(200))).await;
        }
    }

    pub async fn get_json<T: DeserializeOwned>(&self, url: &str) -> Result<Answer<T>, SyncError> {
        self.send_json(url, Body::None).await
    }

    pub async fn post_json<T: DeserializeOwned>(&self, url: &str, body: &serde_json::Value) -> Result<Answer<T>, SyncError> {
        self.send_json(url, Body::Json(body)).await
    }

    /// A form-encoded POST (the Chinese platforms' gateways). The form carries the signature, so it is sent
    /// again unchanged on a retry; the caller re-signs when the platform says the timestamp went stale.
    pub async fn post_form_json<T: DeserializeOwned>(&self, url: &str, form: &[(String, String)]) -> Result<Answer<T>, SyncError> {
        self.send_json(url, Body::Form(form)).await
    }

    #[tracing::instrument(skip(self, url, body), fields(platform = self.platform, path = %path_of(url)))]
    async fn send_json<T: DeserializeOwned>(&self, url: &str, body: Body<'_>) -> Result<Answer<T>, SyncError> {
        let mut tries = 0;
        loop {
            tries += 1;
            self.check_cancel()?;
            if let Some(p) = &self.pacer {
                let wait = p.lock().map(|p| p.wait(Instant::now())).unwrap_or_default();
                if !wait.is_zero() {
                    self.sleep(wait).await?;
                }
            }
            let req = match body {
                Body::Json(b) => self.client.post(url).json(b),
                Body::Form(f) => self.client.post(url).form(f),
                Body::None => self.client.get(url),
            };
            self.stats.requests.fetch_add(1, Ordering::Relaxed);
            let resp = match self.authorise(req).send().await {
                Ok(r) => r,
                Err(e) if tries < MAX_TRIES && (e.is_timeout() || e.is_connect() || e.is_request() || e.is_body()) => {
                    tracing::debug!(error = %e.without_url(), "transient network error");
                    self.sleep(backoff(tries)).await?;
                    continue;
                }
                Err(e) => return Err(SyncError::Network(e.without_url().to_string())),
            };
            let status = resp.status().as_u16();
            let headers = resp.headers().clone();
            if let (Some(p), Some((used, size))) = (&self.pacer, call_limit(&headers)) {
                if let Ok(mut p) = p.lock() {
                    p.observe(Instant::now(), used, size);
                }
            }
            match status {
                200..=299 => {
                    let bytes = match resp.bytes().await {
                        Ok(b) => b,
                        Err(e) if tries < MAX_TRIES => {
                            tracing::debug!(error = %e.without_url(), "body cut off");
                            self.sleep(backoff(tries)).await?;
                            continue;
                        }
                        Err(e) => return Err(SyncError::Network(e.without_url().to_string())),
                    };
                    match serde_json::from_slice::<T>(&bytes) {
                        Ok(body) => return Ok(Answer { body, headers }),
                        // A body cut off in transit fails at its end; retry those, stop on anything else.
                        Err(e) if e.is_eof() && tries < MAX_TRIES => {
                            tracing::debug!("truncated body, retrying");
                            self.sleep(backoff(tries)).await?;
                        }
                        Err(e) => {
                            return Err(SyncError::Protocol(format!("{} answered {} that we cannot read: {e}", self.platform, path_of(url))))
                        }
                    }
                }
                429 if tries < MAX_TRIES => {
                    self.stats.throttled.fetch_add(1, Ordering::Relaxed);
                    let wait = retry_after(&headers).unwrap_or(1.0);
                    tracing::debug!(wait, "throttled");
                    self.sleep(Duration::from_secs_f64(wait.min(60.0))).await?;
                }
                429 => return Err(SyncError::RateLimited(tries)),
                500 | 502 | 503 | 504 if tries < MAX_TRIES => self.sleep(backoff(tries)).await?,
                401 | 403 => {
                    let what = match self.auth {
                        Auth::ShopifyToken(_) => "access token",
                        Auth::Basic { .. } => "consumer key and secret",
                        Auth::SecretKey(_) => "secret API key",
                        Auth::Signed => "signed call",
                    };
                    return Err(SyncError::Auth(format!("{} refused the {what} (HTTP {status})", self.platform)));
                }
                402 => return Err(SyncError::Config(format!("{} says the shop is frozen for an unpaid bill (HTTP 402); settle it in the shop admin", self.platform))),
                404 => return Err(SyncError::Config(format!("nothing found at {} (HTTP 404); check the shop URL", path_of(url)))),
                _ => {
                    let text = resp.text().await.unwrap_or_default();
                    return Err(SyncError::Protocol(format!(
                        "{} answered HTTP {status}: {}",
                        self.platform,
                        text.chars().take(300).collect::<String>()
                    )));
                }
            }
        }
    }
}

/// The URL without its query string: query strings may carry keys (WooCommerce over query auth) and never
/// belong in a log or a message.
pub fn path_of(url: &str) -> &str {
    url.split('?').next().unwrap_or(url)
}

pub fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<f64> {
    headers
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
}

pub fn call_limit(headers: &reqwest::header::HeaderMap) -> Option<(u32, u32)> {
    let v = headers.get(crate::demo_shop::CALL_LIMIT_HEADER)?.to_str().ok()?;
    let (used, size) = v.trim().split_once('/')?;
    Some((used.trim().parse().ok()?, size.trim().parse().ok()?))
}

pub fn backoff(tries: u32) -> Duration {
    use rand::Rng;
    let base = 200u64 * 2u64.pow(tries.min(6));
    Duration::from_millis(base / 2 + rand::rng().random_range(0..=base / 2))
}
