//! Logs: `tracing` into daily rolling files in the app's log folder. Never credentials, never buyer phones.

use std::path::Path;
use tracing_subscriber::{fmt, prelude::*, EnvFilter};

/// Keep the guard alive for the life of the process; dropping it flushes the file.
pub fn init(log_dir: &Path) -> Option<tracing_appender::non_blocking::WorkerGuard> {
    std::fs::create_dir_all(log_dir).ok()?;
    let appender = tracing_appender::rolling::daily(log_dir, "aftersales.log");
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let filter = EnvFilter::try_from_env("AFTERSALES_LOG").unwrap_or_else(|_| EnvFilter::new("info,hyper=warn,reqwest=warn"));
    tracing_subscriber::registry()
        .with(filter)
        .with(fmt::layer().with_writer(writer).with_ansi(false))
        .try_init()
        .ok()?;
    Some(guard)
}
