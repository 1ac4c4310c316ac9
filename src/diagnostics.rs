//! The diagnostics ZIP a merchant sends to support: the log files (redacted once more on the way in) and a
//! page of facts (versions, schema, counts, backups). No buyer data and no credentials: the facts are counts
//! and names of our own files, and the logs never held either.

use std::io::Write;
use std::path::Path;

pub const FACTS_FILE: &str = "about.txt";

/// Writes the ZIP to `out` (under a temporary name, renamed when whole). Returns the names inside it.
pub fn write_zip(out: &Path, log_dir: &Path, facts: &str) -> std::io::Result<Vec<String>> {
    let partial = out.with_extension("zip.partial");
    let written = (|| -> std::io::Result<Vec<String>> {
        let file = std::fs::File::create(&partial)?;
        let mut zip = zip::ZipWriter::new(file);
        let opts = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        let zerr = |e: zip::result::ZipError| std::io::Error::other(e.to_string());
        let mut names = vec![FACTS_FILE.to_string()];
        zip.start_file(FACTS_FILE, opts).map_err(zerr)?;
        zip.write_all(facts.as_bytes())?;
        for (path, _) in crate::logging::files(log_dir) {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else { continue };
            let text = String::from_utf8_lossy(&std::fs::read(&path)?).into_owned();
            let entry = format!("logs/{name}");
            zip.start_file(entry.as_str(), opts).map_err(zerr)?;
            zip.write_all(crate::logging::redact(&text).as_bytes())?;
            names.push(entry);
        }
        zip.finish().map_err(zerr)?.sync_all()?;
        std::fs::rename(&partial, out)?;
        Ok(names)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
}

/// The operating system as `/etc/os-release` names it, and the kernel.
pub fn os_description() -> String {
    let pretty = std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|t| {
            t.lines()
                .find_map(|l| l.strip_prefix("PRETTY_NAME=").map(|v| v.trim_matches('"').to_string()))
        })
        .unwrap_or_else(|| std::env::consts::OS.to_string());
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").map(|k| k.trim().to_string()).unwrap_or_default();
    format!("{pretty} ({} {kernel})", std::env::consts::ARCH).trim().to_string()
}
