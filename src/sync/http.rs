//! One HTTP door for every connector: credentials on each call, pacing before it, and the retry rules after it
//! (429 → `Retry-After`, 5xx/timeouts/cut-off bodies → jittered backoff, 401/402/403/404 → stop and say why),
//! a time budget per request and per page (`Budget`), and error texts that quote a shop's answer only in a
//! few redacted words.

use super::pacing::RestPacer;
use super::SyncError;
use crate::redact::Redactor;
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
    pub budget: Budget,
    /// The secrets this door sends, kept out of any text it makes from a shop's answer.
    redactor: Redactor,
}

/// How long a shop may take: one request (connect to the last byte of the body) and one page (every retry
/// of it). A server that trickles bytes would otherwise hold a sync for many minutes and end it with a
/// misleading message.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Budget {
    pub request: Duration,
    pub page: Duration,
}

impl Budget {
    pub const DEFAULT: Budget = Budget { request: Duration::from_secs(60), page: Duration::from_secs(120) };
    /// A hidden knob for tests (a slow server in seconds, not minutes): the request budget in milliseconds;
    /// a page gets twice that.
    pub const ENV: &'static str = "AFTERSALES_HTTP_BUDGET_MS";

    pub fn from_env() -> Budget {
        match std::env::var(Self::ENV).ok().and_then(|v| v.trim().parse::<u64>().ok()).filter(|ms| *ms > 0) {
            Some(ms) => Budget { request: Duration::from_millis(ms), page: Duration::from_millis(ms * 2) },
            None => Budget::DEFAULT,
        }
    }
}

pub struct Answer<T> {
    pub body: T,
    pub headers: reqwest::header::HeaderMap,
}

impl Http {
    pub fn new(auth: Auth, platform: &'static str, cancel: Arc<AtomicBool>) -> Result<Self, SyncError> {
        // No client-wide timeout: each attempt gets the request budget, body included (`attempt`).
        let client = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(15))
            .pool_max_idle_per_host(8)
            // A redirect could carry the token to another host or down to plain HTTP: never follow one.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("AftersalesDesk/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| SyncError::Network(e.to_string()))?;
        let redactor = match &auth {
            Auth::ShopifyToken(t) | Auth::SecretKey(t) => Redactor::for_secrets(&[t]),
            Auth::Basic { key, secret } => Redactor::for_secrets(&[key, secret]),
            Auth::Signed => Redactor::default(),
        };
        Ok(Self { client, auth, platform, pacer: None, stats: Arc::new(Stats::default()), cancel, budget: Budget::from_env(), redactor })
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
        let started = Instant::now();
        // Waits the platform asked for (throttling) are not the shop being slow: they stay outside the budget.
        let mut asked_to_wait = Duration::ZERO;
        loop {
            tries += 1;
            self.check_cancel()?;
            if let Some(p) = &self.pacer {
                let wait = p.lock().map(|p| p.wait(Instant::now())).unwrap_or_default();
                if !wait.is_zero() {
                    self.sleep(wait).await?;
                    asked_to_wait += wait;
                }
            }
            let left = self.budget.page.saturating_sub(started.elapsed().saturating_sub(asked_to_wait));
            if left.is_zero() {
                return Err(self.too_slow(url));
            }
            let req = match body {
                Body::Json(b) => self.client.post(url).json(b),
                Body::Form(f) => self.client.post(url).form(f),
                Body::None => self.client.get(url),
            };
            self.stats.requests.fetch_add(1, Ordering::Relaxed);
            let (status, headers, bytes) = match self.attempt(self.authorise(req), self.budget.request.min(left)).await? {
                Attempt::Whole(status, headers, bytes) => (status, headers, bytes),
                Attempt::TimedOut => {
                    tracing::debug!(tries, "no whole answer within the request budget");
                    let spent = started.elapsed().saturating_sub(asked_to_wait);
                    if tries >= MAX_TRIES || spent + self.budget.request / 2 >= self.budget.page {
                        return Err(self.too_slow(url));
                    }
                    self.sleep(backoff(tries)).await?;
                    continue;
                }
                Attempt::Failed(e) if tries < MAX_TRIES && (e.is_timeout() || e.is_connect() || e.is_request() || e.is_body() || e.is_decode()) => {
                    tracing::debug!(error = %e.without_url(), "transient network error");
                    self.sleep(backoff(tries)).await?;
                    continue;
                }
                Attempt::Failed(e) => return Err(SyncError::Network(self.redactor.clean(&e.without_url().to_string()))),
            };
            if let (Some(p), Some((used, size))) = (&self.pacer, call_limit(&headers)) {
                if let Ok(mut p) = p.lock() {
                    p.observe(Instant::now(), used, size);
                }
            }
            match status {
                200..=299 => {
                    let de = &mut serde_json::Deserializer::from_slice(&bytes);
                    let read = serde_path_to_error::deserialize::<_, T>(&mut *de).map_err(|e| {
                        let path = e.path().to_string();
                        (path, e.into_inner())
                    });
                    match read.and_then(|body| de.end().map(|_| body).map_err(|e| (String::new(), e))) {
                        Ok(body) => return Ok(Answer { body, headers }),
                        // A body cut off in transit fails at its end; retry those, stop on anything else.
                        Err((_, e)) if e.is_eof() && tries < MAX_TRIES => {
                            tracing::debug!("truncated body, retrying");
                            self.sleep(backoff(tries)).await?;
                        }
                        Err((path, e)) => {
                            let at = if path.is_empty() || path == "." { String::new() } else { format!(" at {path}") };
                            return Err(SyncError::Protocol(format!(
                                "{} answered {} that we cannot read{at}: {}",
                                self.platform,
                                path_of(url),
                                crate::redact::json_error(&e)
                            )));
                        }
                    }
                }
                429 if tries < MAX_TRIES => {
                    self.stats.throttled.fetch_add(1, Ordering::Relaxed);
                    let wait = Duration::from_secs_f64(retry_after(&headers).unwrap_or(1.0).min(60.0));
                    tracing::debug!(wait = wait.as_secs_f64(), "throttled");
                    self.sleep(wait).await?;
                    asked_to_wait += wait;
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
                _ => return Err(SyncError::Protocol(format!("{} answered HTTP {status}: {}", self.platform, self.shop_said(&bytes)))),
            }
        }
    }

    /// One write, sent once and never repeated here: a write that timed out may have been applied, so only
    /// the outbox (which reads the platform's state first, or sends the same idempotency key) may try again.
    /// The answer comes back whatever its status, for the caller to read the platform's refusal from it.
    /// `Err` only when no answer came: `Network` (refused before it was sent: not applied) or `Slow`
    /// (sent, no whole answer: maybe applied).
    pub async fn write_once(&self, method: reqwest::Method, url: &str, body: Option<&serde_json::Value>, form: Option<&[(String, String)]>, headers: &[(&str, String)]) -> Result<Written, SyncError> {
        self.check_cancel()?;
        if let Some(p) = &self.pacer {
            let wait = p.lock().map(|p| p.wait(Instant::now())).unwrap_or_default();
            self.sleep(wait).await?;
        }
        let mut req = self.client.request(method, url);
        if let Some(b) = body {
            req = req.json(b);
        }
        if let Some(f) = form {
            req = req.form(f);
        }
        for (k, v) in headers {
            req = req.header(*k, v);
        }
        self.stats.requests.fetch_add(1, Ordering::Relaxed);
        match self.attempt(self.authorise(req), self.budget.request).await? {
            Attempt::Whole(status, headers, bytes) => {
                if let (Some(p), Some((used, size))) = (&self.pacer, call_limit(&headers)) {
                    if let Ok(mut p) = p.lock() {
                        p.observe(Instant::now(), used, size);
                    }
                }
                let said = if (200..300).contains(&status) { String::new() } else { self.shop_said(&bytes) };
                Ok(Written { status, headers, bytes, said })
            }
            Attempt::TimedOut => Err(self.too_slow(url)),
            Attempt::Failed(e) if e.is_connect() => Err(SyncError::Network(self.redactor.clean(&e.without_url().to_string()))),
            // Sent, and the connection broke before the whole answer: maybe applied.
            Attempt::Failed(e) => Err(SyncError::Slow(self.redactor.clean(&e.without_url().to_string()))),
        }
    }

    /// The platform's name, for messages.
    pub fn platform(&self) -> &'static str {
        self.platform
    }

    /// One request, body included, within `limit`; a cancel ends the wait.
    async fn attempt(&self, req: reqwest::RequestBuilder, limit: Duration) -> Result<Attempt, SyncError> {
        let whole = async {
            let resp = req.send().await?;
            let status = resp.status().as_u16();
            let headers = resp.headers().clone();
            let bytes = resp.bytes().await?;
            Ok::<_, reqwest::Error>((status, headers, bytes))
        };
        let cancelled = async {
            while !self.cancel.load(Ordering::SeqCst) {
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        };
        tokio::select! {
            r = tokio::time::timeout(limit, whole) => Ok(match r {
                Ok(Ok((status, headers, bytes))) => Attempt::Whole(status, headers, bytes),
                Ok(Err(e)) => Attempt::Failed(e),
                Err(_) => Attempt::TimedOut,
            }),
            () = cancelled => Err(SyncError::Cancelled),
        }
    }

    fn too_slow(&self, url: &str) -> SyncError {
        SyncError::Slow(format!(
            "{} gave no whole answer for {} within {} s",
            self.platform,
            path_of(url),
            self.budget.request.as_secs_f64().round().max(1.0)
        ))
    }

    /// What a shop's error answer says, in a few words: the message fields of a JSON error, the title of an
    /// HTML page, or the first line of text. Never the whole body: debug pages fill it with the request's
    /// headers (our credentials) and the order being handled (a buyer).
    fn shop_said(&self, body: &[u8]) -> String {
        let said = match serde_json::from_slice::<serde_json::Value>(body) {
            Ok(v) => {
                let mut found = vec![];
                json_messages(&v, 0, &mut found);
                if found.is_empty() { "an answer without a message".to_string() } else { found.join("; ") }
            }
            Err(_) => {
                let text = String::from_utf8_lossy(body);
                let lower = text.to_ascii_lowercase();
                if lower.trim_start().starts_with('<') {
                    let inner = |tag: &str| {
                        let open = lower.find(&format!("<{tag}"))?;
                        let start = open + lower[open..].find('>')? + 1;
                        let end = start + lower[start..].find(&format!("</{tag}"))?;
                        Some(strip_tags(&text[start..end]))
                    };
                    match inner("title").or_else(|| inner("h1")).filter(|t| !t.is_empty()) {
                        Some(t) => format!("an HTML page titled '{t}'"),
                        None => "an HTML page".to_string(),
                    }
                } else {
                    text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("an empty answer").to_string()
                }
            }
        };
        // Redacted whole before it is cut, so a cut never leaves the start of a secret behind (what is read is
        // bounded first, far beyond what is kept).
        let said: String = said.chars().take(8000).collect();
        let clean = self.redactor.clean(&said).split_whitespace().collect::<Vec<_>>().join(" ");
        let mut short: String = clean.chars().take(200).collect();
        if short.len() < clean.len() {
            short.push('…');
        }
        short
    }
}

/// A write's whole answer, any status; `said` is the platform's message in a few redacted words (empty on 2xx).
pub struct Written {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub bytes: bytes::Bytes,
    pub said: String,
}

enum Attempt {
    Whole(u16, reqwest::header::HeaderMap, bytes::Bytes),
    Failed(reqwest::Error),
    TimedOut,
}

/// The message-like strings of a JSON error (`errors`, `message`, `error_description`, …), at most three.
fn json_messages(v: &serde_json::Value, depth: usize, found: &mut Vec<String>) {
    const KEYS: [&str; 9] = ["errors", "error", "message", "error_description", "error_msg", "sub_msg", "msg", "detail", "title"];
    if depth > 3 || found.len() >= 3 {
        return;
    }
    match v {
        serde_json::Value::String(s) if depth > 0 => found.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().take(3).for_each(|i| json_messages(i, depth + 1, found)),
        serde_json::Value::Object(map) => {
            for key in KEYS {
                if let Some(child) = map.get(key) {
                    json_messages(child, depth + 1, found);
                }
            }
            // Shopify's `{"errors": {"field": ["problem"]}}`: the field names what was wrong.
            if depth > 0 && found.is_empty() {
                for (k, child) in map.iter().take(3) {
                    let mut inner = vec![];
                    json_messages(child, depth + 1, &mut inner);
                    if let Some(first) = inner.first() {
                        found.push(format!("{k}: {first}"));
                    }
                }
            }
        }
        _ => {}
    }
}

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in html.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out
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
