//! Logs: `tracing` into daily rolling files in the app's log folder, kept for the merchant's number of days.
//! Never credentials, never buyer data: nothing logs them, and every line passes `redact` (the shape layer of
//! `crate::redact`) on its way to the file as a second guard (a phone number inside an error text from a shop).

use chrono::{DateTime, NaiveDate, Utc};
use std::io::Write;
use std::path::Path;
use tracing_subscriber::{fmt, prelude::*, EnvFilter};

pub const LOG_FILE_PREFIX: &str = "aftersales.log";
pub const DEFAULT_LOG_KEEP_DAYS: u32 = 14;
pub const LOG_KEEP_DAYS_RANGE: std::ops::RangeInclusive<u32> = 1..=365;

/// Keep the guard alive for the life of the process; dropping it flushes the file.
pub fn init(log_dir: &Path) -> Option<tracing_appender::non_blocking::WorkerGuard> {
    std::fs::create_dir_all(log_dir).ok()?;
    let appender = tracing_appender::rolling::daily(log_dir, LOG_FILE_PREFIX);
    let (writer, guard) = tracing_appender::non_blocking(Redacting(appender));
    let filter = EnvFilter::try_from_env("AFTERSALES_LOG").unwrap_or_else(|_| EnvFilter::new("info,hyper=warn,reqwest=warn"));
    tracing_subscriber::registry()
        .with(filter)
        .with(fmt::layer().with_writer(writer).with_ansi(false))
        .try_init()
        .ok()?;
    Some(guard)
}

/// Passes each formatted line through `redact` before it reaches the file.
struct Redacting<W: Write>(W);

impl<W: Write> Write for Redacting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let line = String::from_utf8_lossy(buf);
        self.0.write_all(redact(&line).as_bytes())?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// Every line's guard: phones, addresses, buyer fields, auth headers and token shapes (`redact::line`).
pub fn redact(text: &str) -> String {
    crate::redact::line(text)
}

/// The log files in `dir` with the day each covers (the rolling appender names them `aftersales.log.YYYY-MM-DD`).
pub fn files(dir: &Path) -> Vec<(std::path::PathBuf, NaiveDate)> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut found: Vec<_> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let path = e.path();
            let name = path.file_name()?.to_str()?;
            let day = NaiveDate::parse_from_str(name.strip_prefix(LOG_FILE_PREFIX)?.strip_prefix('.')?, "%Y-%m-%d").ok()?;
            Some((path, day))
        })
        .collect();
    found.sort_by_key(|(_, day)| *day);
    found
}

/// Deletes the log files of days more than `keep_days` before `now`'s day. Returns how many went.
pub fn prune(dir: &Path, keep_days: u32, now: DateTime<Utc>) -> usize {
    let oldest_kept = now.date_naive() - chrono::Days::new(u64::from(keep_days.max(1)) - 1);
    files(dir)
        .into_iter()
        .filter(|(_, day)| *day < oldest_kept)
        .filter(|(path, _)| std::fs::remove_file(path).is_ok())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_masked_and_times_ids_and_counts_are_not() {
        assert_eq!(redact("buyer 13812345678 called"), "buyer [phone …78] called");
        assert_eq!(redact("tel +86 138-1234-5678."), "tel [phone …78].");
        assert_eq!(redact("(555) 010-4477 and +1 555 010 4477"), "(555) [phone …77] and [phone …77]");
        let kept = "2026-11-27T23:50:09.123Z INFO order=ord_1234567890 sn=261127-123456789012345 took 1795000000000 ms, 120 pages";
        assert_eq!(redact(kept), kept);
        assert_eq!(redact("售后 13900001111 退款"), "售后 [phone …11] 退款");
    }

    #[test]
    fn prune_keeps_the_days_asked_for() {
        let dir = tempfile::tempdir().unwrap();
        for day in ["2026-11-20", "2026-11-21", "2026-11-25", "2026-11-27"] {
            std::fs::write(dir.path().join(format!("{LOG_FILE_PREFIX}.{day}")), "x").unwrap();
        }
        std::fs::write(dir.path().join("notes.txt"), "not ours").unwrap();
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00Z").unwrap().with_timezone(&Utc);
        assert_eq!(prune(dir.path(), 7, now), 1, "the 20th is 8 days back");
        let left: Vec<String> = files(dir.path()).into_iter().map(|(_, d)| d.to_string()).collect();
        assert_eq!(left, ["2026-11-21", "2026-11-25", "2026-11-27"]);
        assert_eq!(prune(dir.path(), 1, now), 2);
        assert!(dir.path().join("notes.txt").exists());
    }
}
