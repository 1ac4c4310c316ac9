//! Crash safety: the CLI sync is killed (SIGKILL) at random moments and restarted; in the end the database
//! equals a clean full sync, row for row. Shopify (time cursor and prefetch) and Medusa (keyset windows with
//! returns written beside their orders).

mod common;

use common::dump;
use rand::{Rng, SeedableRng};
use std::io::BufRead;
use std::process::{Command, Stdio};
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_aftersales");
const KILLS: usize = 30;

struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn cli(db: &std::path::Path, args: &[&str], token: &str) -> Command {
    let mut c = Command::new(BIN);
    c.arg("--db").arg(db).args(args).env("DEMO_TOKEN", token).stdout(Stdio::null()).stderr(Stdio::null());
    c
}

/// `POST /_demo/update` over a bare socket: the test needs no HTTP client of its own for one call. The
/// token goes as Shopify's header and as Medusa's Basic user; the shop takes whichever is its own.
fn change_orders(url: &str, token: &str, count: usize) {
    use base64::Engine;
    use std::io::{Read, Write};
    let addr = url.trim_start_matches("http://");
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{token}:"));
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    write!(
        s,
        "POST /_demo/update?count={count} HTTP/1.1\r\nHost: {addr}\r\nX-Shopify-Access-Token: {token}\r\nAuthorization: Basic {basic}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "the demo shop changed its orders: {}", answer.lines().next().unwrap_or(""));
}

#[test]
fn killed_syncs_resume_to_the_same_database_as_a_clean_one() {
    killed_syncs_resume("shopify");
}

#[test]
fn killed_medusa_syncs_resume_to_the_same_database_as_a_clean_one() {
    killed_syncs_resume("medusa");
}

fn killed_syncs_resume(platform: &str) {
    let mut server = Command::new(BIN)
        .args(["demo-shop", "serve", "--platform", platform, "--port", "0", "--orders", "4000", "--seed", "21", "--json"])
        .args(["--bucket", "2000", "--leak-per-sec", "2000", "--graphql-max", "50000", "--graphql-restore", "50000"])
        .args(["--faults", "latency_ms=15"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the demo shop starts");
    let mut line = String::new();
    std::io::BufReader::new(server.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let _server = Server(server);
    let info: serde_json::Value = serde_json::from_str(&line).expect("one JSON line with the URL and token");
    let secret = if platform == "medusa" { "secret_key" } else { "token" };
    let (url, token) = (info["url"].as_str().unwrap().to_string(), info[secret].as_str().unwrap().to_string());
    let credential_flag = if platform == "medusa" { "--key-env" } else { "--token-env" };

    let dir = tempfile::tempdir().unwrap();
    let crashed = dir.path().join("crashed/desk.db");
    let clean = dir.path().join("clean/desk.db");
    for db in [&crashed, &clean] {
        let ok = cli(db, &["shop", "add", platform, "--name", "Demo", "--url", &url, credential_flag, "DEMO_TOKEN"], &token)
            .status()
            .unwrap()
            .success();
        assert!(ok, "the shop is added");
    }

    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let (mut kills, mut runs) = (0, 0);
    while kills < KILLS {
        runs += 1;
        assert!(runs < KILLS * 4, "{platform}: syncs keep finishing before the kill ({kills} kills in {runs} runs)");
        let mut child = cli(&crashed, &["sync"], &token).spawn().unwrap();
        std::thread::sleep(Duration::from_millis(rng.random_range(20..700)));
        match child.try_wait().unwrap() {
            Some(_) => {
                // Finished first: give the next run work to be killed in the middle of.
                change_orders(&url, &token, 400);
            }
            None => {
                child.kill().unwrap(); // SIGKILL: no destructor, no rollback handler runs
                child.wait().unwrap();
                kills += 1;
            }
        }
    }
    assert!(cli(&crashed, &["sync"], &token).status().unwrap().success(), "the sync after the crashes completes");
    assert!(cli(&clean, &["sync"], &token).status().unwrap().success(), "the clean sync completes");

    let (a, b) = (dump(&crashed), dump(&clean));
    let only_crashed: Vec<_> = a.iter().filter(|(k, _)| !b.contains_key(*k)).take(20).collect();
    let only_clean: Vec<_> = b.iter().filter(|(k, _)| !a.contains_key(*k)).take(20).collect();
    assert!(only_crashed.is_empty() && only_clean.is_empty(), "{platform}: the same rows; only after the crashes: {only_crashed:#?}; only in the clean sync: {only_clean:#?}");
    assert_eq!(a.keys().filter(|k| k.starts_with("'order:")).count(), 4000, "all 4,000 orders are there");
    for (key, value) in &b {
        assert_eq!(a.get(key), Some(value), "row {key} equals the clean sync's");
    }
    let check: String = rusqlite::Connection::open(&crashed).unwrap().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok", "{platform}: the file is sound after {KILLS} kills");
}
