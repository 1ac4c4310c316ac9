//! No credential in the database, the logs or the diagnostics ZIP; no buyer phone or address in the logs or
//! the ZIP. The CLI does real work with the most talkative logging (Shopify and Pinduoduo syncs, a shop
//! refusing a wrong token, cases, a backup, a diagnostics export), then every file is searched.

mod common;

use std::io::{BufRead, Read};
use std::path::Path;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_aftersales");

struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn serve(platform: &str) -> (Server, serde_json::Value) {
    let mut child = Command::new(BIN)
        .args(["demo-shop", "serve", "--platform", platform, "--port", "0", "--orders", "300", "--seed", "41", "--span-days", "1", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    (Server(child), serde_json::from_str(&line).unwrap())
}

fn cli(db: &Path, args: &[&str], envs: &[(&str, &str)]) -> std::process::Output {
    let mut c = Command::new(BIN);
    c.arg("--db").arg(db).args(args).env("AFTERSALES_LOG", "trace");
    for (k, v) in envs {
        c.env(k, v);
    }
    c.output().unwrap()
}

fn ok(out: std::process::Output, what: &str) -> String {
    assert!(out.status.success(), "{what}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Every way a secret or a phone could be written: as stored, without spaces or dashes, and its last 8 digits.
fn needles(phone: &str) -> Vec<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    vec![phone.to_string(), digits.clone(), digits[digits.len() - 8..].to_string()]
}

#[test]
fn credentials_and_buyer_data_stay_out_of_the_database_logs_and_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("desk.db");
    let (_shopify, s) = serve("shopify");
    let (_pdd, p) = serve("pdd");
    let shopify_token = s["token"].as_str().unwrap();
    let (pdd_secret, pdd_token) = (p["client_secret"].as_str().unwrap(), p["access_token"].as_str().unwrap());

    let bad = cli(&db, &["shop", "add", "shopify", "--name", "Wrong", "--url", s["url"].as_str().unwrap(), "--token-env", "T"], &[("T", "shpat_wrong_token_0123456789")]);
    assert!(!bad.status.success(), "a wrong token is refused");
    ok(cli(&db, &["shop", "add", "shopify", "--name", "Intl", "--url", s["url"].as_str().unwrap(), "--token-env", "T"], &[("T", shopify_token)]), "add shopify");
    ok(
        cli(
            &db,
            &["shop", "add", "pdd", "--name", "PDD", "--url", p["url"].as_str().unwrap(), "--key-env", "K", "--secret-env", "S", "--token-env", "T"],
            &[("K", p["client_id"].as_str().unwrap()), ("S", pdd_secret), ("T", pdd_token)],
        ),
        "add pdd",
    );
    // A day of Pinduoduo's 30-minute windows, not the default first month.
    rusqlite::Connection::open(&db).unwrap().execute("INSERT INTO settings (key, value) VALUES ('sync.first_days', '2')", []).unwrap();
    ok(cli(&db, &["sync", "--json"], &[]), "sync");
    ok(cli(&db, &["cases", "list", "--json"], &[]), "cases");
    ok(cli(&db, &["orders", "list", "--json", "--limit", "50"], &[]), "orders");
    ok(cli(&db, &["backup"], &[]), "backup");
    let elsewhere = tempfile::tempdir().unwrap();
    let zip_path = elsewhere.path().join("diagnostics.zip");
    let made: serde_json::Value =
        serde_json::from_str(&ok(cli(&db, &["diagnostics", "--out", zip_path.to_str().unwrap(), "--json"], &[]), "diagnostics")).unwrap();
    assert_eq!(made["path"].as_str(), Some(zip_path.to_str().unwrap()));

    // What must never leak, read back from the synced data itself.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let buyers: Vec<(String, String)> = conn
        .prepare("SELECT buyer_phone, buyer_address FROM orders WHERE buyer_phone IS NOT NULL AND buyer_address IS NOT NULL")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(buyers.len() >= 300, "both shops' buyers are stored on this machine ({})", buyers.len());
    let secrets = [shopify_token, pdd_secret, pdd_token, "shpat_wrong_token_0123456789"];

    // The database (and its WAL) holds buyers, never a credential.
    for file in ["desk.db", "desk.db-wal"] {
        let path = dir.path().join(file);
        if let Ok(bytes) = std::fs::read(&path) {
            let text = String::from_utf8_lossy(&bytes);
            for secret in secrets {
                assert!(!text.contains(secret), "a credential in {file}");
            }
        }
    }

    // The logs: real, talkative, and clean.
    let logs: Vec<(String, String)> = aftersales::logging::files(&dir.path().join("logs"))
        .into_iter()
        .map(|(path, _)| (path.display().to_string(), std::fs::read_to_string(&path).unwrap()))
        .collect();
    let log_text: String = logs.iter().map(|(_, t)| t.as_str()).collect();
    assert!(log_text.lines().count() > 20, "the logs say what happened ({} lines)", log_text.lines().count());
    assert!(log_text.contains("backup made"), "the backup is logged");

    // The ZIP: its facts and its copies of the logs.
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip_path).unwrap()).unwrap();
    let mut zipped = Vec::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let mut text = String::new();
        entry.read_to_string(&mut text).unwrap();
        zipped.push((entry.name().unwrap().to_string(), text));
    }
    let names: Vec<&str> = zipped.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names[0], "about.txt");
    assert!(names.iter().any(|n| n.starts_with("logs/aftersales.log.")), "{names:?}");
    let about = &zipped[0].1;
    assert!(about.contains("Aftersales Desk ") && about.contains("SQLite ") && about.contains("shopify: 1") && about.contains("pdd: 1"), "{about}");

    let searched: Vec<(String, &str)> =
        logs.iter().map(|(n, t)| (n.clone(), t.as_str())).chain(zipped.iter().map(|(n, t)| (format!("zip:{n}"), t.as_str()))).collect();
    for (name, text) in &searched {
        for secret in secrets {
            assert!(!text.contains(secret), "a credential in {name}");
        }
        for (phone, address) in &buyers {
            for needle in needles(phone) {
                assert!(!text.contains(&needle), "a buyer phone ({needle}) in {name}");
            }
            assert!(!text.contains(address.as_str()), "a buyer address in {name}");
        }
    }
}
