//! Shopify's leaky bucket: each call adds one, the bucket drains at a steady rate, a full bucket answers 429.

use std::time::Instant;

pub struct LeakyBucket {
    size: f64,
    leak_per_sec: f64,
    level: f64,
    last: Instant,
}

pub enum Admission {
    /// The call is in; `used` is what the `X-Shopify-Shop-Api-Call-Limit` header reports.
    Admitted { used: u32, size: u32 },
    /// The bucket is full; try again after this many seconds.
    Throttled { used: u32, size: u32, retry_after_secs: f64 },
}

impl LeakyBucket {
    pub fn new(size: u32, leak_per_sec: f64) -> Self {
        Self { size: size.max(1) as f64, leak_per_sec: leak_per_sec.max(0.001), level: 0.0, last: Instant::now() }
    }

    fn drain(&mut self, now: Instant) {
        let elapsed = now.saturating_duration_since(self.last).as_secs_f64();
        self.level = (self.level - elapsed * self.leak_per_sec).max(0.0);
        self.last = now;
    }

    pub fn admit(&mut self, now: Instant) -> Admission {
        self.drain(now);
        let size = self.size as u32;
        if self.level + 1.0 > self.size {
            let wait = (self.level + 1.0 - self.size) / self.leak_per_sec;
            return Admission::Throttled { used: self.level.ceil() as u32, size, retry_after_secs: wait.max(0.1) };
        }
        self.level += 1.0;
        Admission::Admitted { used: self.level.ceil() as u32, size }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn fills_then_throttles_then_drains() {
        let t0 = Instant::now();
        let mut b = LeakyBucket::new(3, 2.0);
        for expected in 1..=3 {
            match b.admit(t0) {
                Admission::Admitted { used, size } => assert_eq!((used, size), (expected, 3), "call {expected} fits"),
                Admission::Throttled { .. } => panic!("call {expected} should fit in a bucket of 3"),
            }
        }
        match b.admit(t0) {
            Admission::Throttled { retry_after_secs, .. } => {
                assert!((retry_after_secs - 0.5).abs() < 1e-9, "one slot frees after 1/2 s at 2/s, got {retry_after_secs}")
            }
            Admission::Admitted { .. } => panic!("a full bucket must throttle"),
        }
        assert!(
            matches!(b.admit(t0 + Duration::from_millis(500)), Admission::Admitted { used: 3, .. }),
            "after half a second one call fits again"
        );
    }
}
