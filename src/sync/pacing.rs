//! Going exactly as fast as the platform allows: a model of Shopify's REST leaky bucket built from the
//! `X-Shopify-Shop-Api-Call-Limit` header (size read, drain rate measured), and of the GraphQL cost bucket
//! from `extensions.cost.throttleStatus`. Pure: the caller passes the time and sleeps for what it is told.

use std::time::{Duration, Instant};

/// Slots kept free at the top of the REST bucket, so a late estimate never tips it over.
const HEADROOM: f64 = 2.0;

#[derive(Debug, Default)]
pub struct RestPacer {
    size: Option<f64>,
    last: Option<(Instant, f64)>,
    /// (time, used) of the first sample in the current measuring window, and calls since.
    window: Option<(Instant, f64, u32)>,
    leak: Option<f64>,
}

impl RestPacer {
    /// A response said `used/size` at `now`.
    pub fn observe(&mut self, now: Instant, used: u32, size: u32) {
        let used = used as f64;
        self.size = Some(size as f64);
        match self.window {
            // An empty bucket hides how much drained: start measuring again from here.
            _ if used <= 1.0 => self.window = Some((now, used, 0)),
            None => self.window = Some((now, used, 0)),
            Some((t0, u0, calls)) => {
                let calls = calls + 1;
                self.window = Some((t0, u0, calls));
                let dt = now.saturating_duration_since(t0).as_secs_f64();
                let drained = calls as f64 - (used - u0);
                if dt >= 0.25 && drained > 0.0 {
                    self.leak = Some(drained / dt);
                }
            }
        }
        self.last = Some((now, used));
    }

    pub fn leak_estimate(&self) -> Option<f64> {
        self.leak
    }

    /// How long to wait before the next call so that it lands below the top of the bucket.
    pub fn wait(&self, now: Instant) -> Duration {
        let (Some(size), Some((seen_at, used))) = (self.size, self.last) else { return Duration::ZERO };
        let limit = (size - HEADROOM).max(1.0);
        if used + 1.0 <= limit {
            return Duration::ZERO;
        }
        let Some(leak) = self.leak.filter(|l| *l > 0.0) else {
            // Not measured yet: a pause long enough to measure the drain on the next answer.
            return Duration::from_millis(500).saturating_sub(now.saturating_duration_since(seen_at));
        };
        let needed = (used + 1.0 - limit) / leak;
        Duration::from_secs_f64(needed).saturating_sub(now.saturating_duration_since(seen_at))
    }
}

/// GraphQL: the platform says exactly what is available and how fast it comes back.
#[derive(Debug, Default)]
pub struct CostPacer {
    last: Option<(Instant, f64, f64, f64)>,
}

impl CostPacer {
    pub fn observe(&mut self, now: Instant, currently_available: f64, maximum: f64, restore_rate: f64) {
        self.last = Some((now, currently_available, maximum, restore_rate));
    }

    /// How long until `cost` points are there.
    pub fn wait(&self, now: Instant, cost: f64) -> Duration {
        let Some((at, available, maximum, rate)) = self.last else { return Duration::ZERO };
        if rate <= 0.0 {
            return Duration::from_secs(1);
        }
        let cost = cost.min(maximum);
        let now_available = (available + now.saturating_duration_since(at).as_secs_f64() * rate).min(maximum);
        if now_available >= cost {
            Duration::ZERO
        } else {
            Duration::try_from_secs_f64((cost - now_available) / rate).unwrap_or(Duration::from_secs(60)).min(Duration::from_secs(60))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bucket that drains at `leak`/s, filled by a client that waits as told: never full, never idle.
    fn simulate(size: u32, leak: f64, calls: u32) -> (u32, f64) {
        let t0 = Instant::now();
        let mut now = t0;
        let mut level = 0.0f64;
        let mut pacer = RestPacer::default();
        let mut throttled = 0;
        let mut last = t0;
        for _ in 0..calls {
            now += pacer.wait(now) + Duration::from_millis(5);
            level = (level - now.saturating_duration_since(last).as_secs_f64() * leak).max(0.0);
            last = now;
            if level + 1.0 > size as f64 {
                throttled += 1;
                continue;
            }
            level += 1.0;
            pacer.observe(now, level.ceil() as u32, size);
        }
        let secs = now.saturating_duration_since(t0).as_secs_f64();
        let allowed = size as f64 + leak * secs;
        (throttled, calls as f64 / allowed)
    }

    #[test]
    fn paces_to_the_bucket_without_tipping_it() {
        for (size, leak) in [(40, 2.0), (40, 20.0), (80, 4.0), (10, 1.0)] {
            let (throttled, ratio) = simulate(size, leak, 400);
            assert_eq!(throttled, 0, "bucket {size} @ {leak}/s: no call may be throttled");
            assert!(ratio > 0.95, "bucket {size} @ {leak}/s: at least 95 % of the allowed rate, got {ratio:.3}");
        }
    }

    #[test]
    fn graphql_waits_for_the_points() {
        let t = Instant::now();
        let mut p = CostPacer::default();
        assert_eq!(p.wait(t, 500.0), Duration::ZERO, "nothing known: go");
        p.observe(t, 100.0, 2000.0, 100.0);
        assert_eq!(p.wait(t, 300.0), Duration::from_secs(2), "200 points short at 100/s is two seconds");
        assert_eq!(p.wait(t + Duration::from_secs(2), 300.0), Duration::ZERO, "and then it is there");
    }
}
