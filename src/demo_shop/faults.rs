//! Fault switches for the demo shop, so every connector is tested against what real platforms do on bad days.
//! Given as a list: `error_rate=0.1,storm_429=0.05,latency_ms=50,truncate=0.05,extra_fields,missing_optional,
//! revoke_after=20,page_shift=5,late_write=0.3,late_write_ms=3000,no_write_scopes,no_gateway_refunds`; hostile answers (`hostile.rs`): `echo_page=400,link_loop[=fresh],trickle_ms=100`.

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Faults {
    /// Share of API calls answered 500 or 503.
    pub error_rate: f64,
    /// Share of API calls that start a two-second storm in which every call gets 429.
    pub storm_429: f64,
    /// Added to every API call.
    pub latency_ms: u64,
    /// Share of successful bodies cut off half-way.
    pub truncate: f64,
    /// Unknown fields added to every object.
    pub extra_fields: bool,
    /// Optional fields (customer, addresses, phone, note, sku…) left out.
    pub missing_optional: bool,
    /// After this many API calls the token stops working (401), as when a merchant revokes the app.
    pub revoke_after: Option<u64>,
    /// After each page of orders is served, this many other orders change (and move between pages).
    pub page_shift: usize,
    /// Every API call answered with this HTTP status and a debug page echoing the request's headers, query
    /// and form and the buyer being handled (`hostile.rs`).
    pub echo_page: Option<u16>,
    /// Shopify's `Link` next page points at the page just read.
    pub link_loop: bool,
    /// `link_loop=fresh`: from the second page on, the next page is the page just read under a fresh
    /// `page_info` each time (a new URL, the same orders).
    pub link_loop_fresh: bool,
    /// Bodies sent 16 bytes at a time, this many milliseconds apart.
    pub trickle_ms: u64,
    /// Orders (by their place in the shop's orders) served with a hostile record in place of theirs
    /// (`planted.rs`): `plant=null_name@17+bad_date@300`.
    pub plant: Vec<(usize, super::planted::Hostile)>,
    /// Share of writes (the outbox's calls) applied and then answered only after `late_write_ms`, as when the
    /// platform did the work and the answer was lost to a timeout: a retry must not do it again.
    pub late_write: f64,
    /// How late those answers come (default 5000 ms).
    pub late_write_ms: u64,
    /// The credentials may read but not write: Shopify's token lacks write_orders and write_returns, the
    /// WooCommerce key is read-only.
    pub no_write_scopes: bool,
    /// The shop's payment gateway cannot refund (WooCommerce: as for Cash on delivery), so a refund through
    /// it is refused; one recorded in the shop only still goes.
    pub no_gateway_refunds: bool,
}

impl Faults {
    pub fn parse(list: &str) -> Result<Faults, String> {
        let mut f = Faults::default();
        for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (key, value) = item.split_once('=').map_or((item, None), |(k, v)| (k.trim(), Some(v.trim())));
            let num = |v: Option<&str>| -> Result<f64, String> {
                v.ok_or_else(|| format!("fault '{key}' needs a value"))?
                    .parse::<f64>()
                    .map_err(|_| format!("fault '{key}': '{}' is not a number", v.unwrap_or("")))
            };
            let share = |v: Option<&str>| -> Result<f64, String> {
                let x = num(v)?;
                if (0.0..=1.0).contains(&x) { Ok(x) } else { Err(format!("fault '{key}' is a share between 0 and 1")) }
            };
            match key {
                "error_rate" => f.error_rate = share(value)?,
                "storm_429" => f.storm_429 = share(value)?,
                "truncate" => f.truncate = share(value)?,
                "latency_ms" => f.latency_ms = num(value)? as u64,
                "revoke_after" => f.revoke_after = Some(num(value)? as u64),
                "page_shift" => f.page_shift = num(value)? as usize,
                "extra_fields" => f.extra_fields = true,
                "missing_optional" => f.missing_optional = true,
                "echo_page" => f.echo_page = Some(if value.is_some() { num(value)? as u16 } else { 500 }),
                "link_loop" if value == Some("fresh") => f.link_loop_fresh = true,
                "link_loop" => f.link_loop = true,
                "trickle_ms" => f.trickle_ms = num(value)? as u64,
                "late_write" => f.late_write = share(value)?,
                "late_write_ms" => f.late_write_ms = num(value)? as u64,
                "no_write_scopes" => f.no_write_scopes = true,
                "no_gateway_refunds" => f.no_gateway_refunds = true,
                "plant" => f.plant = super::planted::parse(value.ok_or("fault 'plant' needs KIND@INDEX")?)?,
                other => {
                    return Err(format!(
                        "unknown fault '{other}'; known: error_rate, storm_429, latency_ms, truncate, extra_fields, missing_optional, revoke_after, page_shift, echo_page[=status], link_loop[=fresh], trickle_ms, plant=KIND@INDEX, late_write, late_write_ms, no_write_scopes, no_gateway_refunds"
                    ))
                }
            }
        }
        Ok(f)
    }
}

/// What the faults decide for one call.
pub enum Verdict {
    Pass,
    ServerError(u16),
    Storm,
    Revoked,
}

pub struct FaultState {
    pub faults: Faults,
    rng: StdRng,
    calls: u64,
    storm_until: Option<Instant>,
}

impl FaultState {
    pub fn new(faults: Faults, seed: u64) -> Self {
        Self { faults, rng: StdRng::seed_from_u64(seed ^ 0xfa17), calls: 0, storm_until: None }
    }

    /// New switches on a running shop. A storm under way ends with the switch that started it; the call count
    /// goes on, so `revoke_after` counts from the shop's start.
    pub fn replace(&mut self, faults: Faults) {
        self.faults = faults;
        self.storm_until = None;
    }

    pub fn latency(&self) -> Duration {
        Duration::from_millis(self.faults.latency_ms)
    }

    pub fn judge(&mut self, now: Instant) -> Verdict {
        self.calls += 1;
        if self.faults.revoke_after.is_some_and(|n| self.calls > n) {
            return Verdict::Revoked;
        }
        if self.storm_until.is_some_and(|t| now < t) {
            return Verdict::Storm;
        }
        if self.faults.storm_429 > 0.0 && self.rng.random_bool(self.faults.storm_429) {
            self.storm_until = Some(now + Duration::from_secs(2));
            return Verdict::Storm;
        }
        if self.faults.error_rate > 0.0 && self.rng.random_bool(self.faults.error_rate) {
            return Verdict::ServerError(if self.rng.random_bool(0.5) { 500 } else { 503 });
        }
        Verdict::Pass
    }

    pub fn storm_left(&self, now: Instant) -> f64 {
        self.storm_until.map_or(1.0, |t| t.saturating_duration_since(now).as_secs_f64().max(0.1))
    }

    /// How long to hold a write's answer after applying it (zero for most).
    pub fn late_write_now(&mut self) -> Duration {
        if self.faults.late_write > 0.0 && self.rng.random_bool(self.faults.late_write) {
            Duration::from_millis(if self.faults.late_write_ms == 0 { 5000 } else { self.faults.late_write_ms })
        } else {
            Duration::ZERO
        }
    }

    pub fn truncate_now(&mut self) -> bool {
        self.faults.truncate > 0.0 && self.rng.random_bool(self.faults.truncate)
    }
}

/// Adds fields no client knows, or removes the optional ones, in place.
pub fn distort(v: &mut serde_json::Value, faults: &Faults) {
    const OPTIONAL: [&str; 10] =
        ["customer", "shipping_address", "billing_address", "phone", "note", "sku", "variant_sku", "fulfillments", "email", "tags"];
    match v {
        serde_json::Value::Object(map) => {
            if faults.missing_optional {
                for k in OPTIONAL {
                    map.remove(k);
                }
            }
            for (_, child) in map.iter_mut() {
                distort(child, faults);
            }
            if faults.extra_fields {
                map.insert("x_future_field".into(), serde_json::json!({"nested": [1, 2, 3], "flag": true}));
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|i| distort(i, faults)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_fault_list_and_names_mistakes() {
        let f = Faults::parse("error_rate=0.1, latency_ms=50,extra_fields,revoke_after=20,page_shift=3").unwrap();
        assert_eq!(f.error_rate, 0.1);
        assert_eq!((f.latency_ms, f.revoke_after, f.page_shift, f.extra_fields), (50, Some(20), 3, true));
        assert!(Faults::parse("error_rate=2").unwrap_err().contains("between 0 and 1"), "a share above 1 is refused");
        assert!(Faults::parse("gremlins").unwrap_err().contains("unknown fault 'gremlins'"), "unknown names are named");
        assert_eq!(Faults::parse("").unwrap(), Faults::default(), "no faults by default");
    }
}
