//! Crash safety beyond sync: case actions and file imports run by the CLI are killed (SIGKILL) at random
//! moments. After every kill the database holds each step whole or not at all, and in the end it passes
//! `integrity_check` and equals a run that was never interrupted.

use rand::{Rng, SeedableRng};
use rusqlite::Connection;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_aftersales");

fn cli(db: &Path, args: &[String]) -> Command {
    let mut c = Command::new(BIN);
    c.arg("--db").arg(db).args(args).stdout(Stdio::null()).stderr(Stdio::piped());
    c
}

fn run_ok(db: &Path, args: &[String]) {
    let out = cli(db, args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|s| s.to_string()).collect()
}

/// The rows a step can add or change, as text; the wall-clock `updated_at` of a case is left out (it is
/// when the step ran, not what it did).
fn state(db: &Path) -> Vec<String> {
    let conn = Connection::open(db).unwrap();
    let mut rows = Vec::new();
    for sql in [
        "SELECT 'case', id, shop_id, order_id, type, status, raw_status, reason, requested_minor, refunded_minor, currency, customer,
                tracking, opened_at, closed_at, intervention, intervened_at, source, external_id, first_action_at FROM cases ORDER BY id",
        "SELECT 'event', * FROM case_events ORDER BY id",
        "SELECT 'clock', * FROM clocks ORDER BY id",
        "SELECT 'line', * FROM case_lines ORDER BY rowid",
        "SELECT 'order', id, external_id, number, financial_status, total_minor, refunded_minor, buyer_name, paid_at FROM orders ORDER BY id",
        "SELECT 'order_line', * FROM order_lines ORDER BY id",
        "SELECT 'refund', * FROM order_refunds ORDER BY id",
        "SELECT 'request', * FROM aftersales_requests ORDER BY rowid",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        let n = stmt.column_count();
        let found = stmt
            .query_map([], |r| Ok((0..n).map(|i| text(r.get_ref(i).unwrap())).collect::<Vec<_>>().join("|")))
            .unwrap();
        rows.extend(found.map(Result::unwrap));
    }
    rows
}

fn text(v: rusqlite::types::ValueRef<'_>) -> String {
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Null => "NULL".into(),
        ValueRef::Integer(i) => i.to_string(),
        ValueRef::Real(f) => f.to_string(),
        ValueRef::Text(t) => format!("'{}'", String::from_utf8_lossy(t)),
        ValueRef::Blob(b) => format!("blob:{}", b.len()),
    }
}

fn integrity(db: &Path) -> String {
    Connection::open(db).unwrap().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap()
}

/// Runs `step` against `db`, killing it after a random moment; after a kill the database must hold the state
/// from before the step or after it, nothing between, and a step that did not land runs again.
/// Runs `step` until it finishes, killing it after a random wait up to `max_ms`; with `cut_early` the first
/// try of the step is cut in the first quarter (a short step on a fast machine must not run out of kills).
fn run_with_kills(
    db: &Path,
    step: &[String],
    before: &[String],
    after: &[String],
    rng: &mut rand::rngs::StdRng,
    max_ms: u64,
    cut_early: bool,
) -> usize {
    let mut kills = 0;
    loop {
        let mut child = cli(db, step).spawn().unwrap();
        let wait = if cut_early && kills == 0 { rng.random_range(0..max_ms / 4) } else { rng.random_range(0..max_ms) };
        std::thread::sleep(Duration::from_millis(wait));
        if let Some(status) = child.try_wait().unwrap() {
            let mut err = String::new();
            std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
            assert!(status.success(), "{step:?}: {err}");
            assert_eq!(state(db), after, "{step:?} finished with the expected rows");
            return kills;
        }
        child.kill().unwrap();
        child.wait().unwrap();
        kills += 1;
        let now = state(db);
        if now == after {
            return kills; // it committed just before the kill
        }
        assert_eq!(now, before, "after a kill in {step:?} the database holds the step whole or not at all");
    }
}

#[test]
fn killed_case_actions_leave_every_step_whole_and_end_where_an_uninterrupted_run_ends() {
    let dir = tempfile::tempdir().unwrap();
    let (clean, crashed) = (dir.path().join("clean/desk.db"), dir.path().join("crashed/desk.db"));
    let shop = strings(&["shop", "add", "pdd", "--offline", "--name", "Counter"]);
    let mut steps = Vec::new();
    for k in 0..10 {
        let at = |h: u32| format!("2026-11-{:02}T{h:02}:00:00+08:00", k + 1);
        let id = (k + 1).to_string();
        steps.push(strings(&["cases", "new", "--shop", "Counter", "--type", "refund_only", "--amount", "12.30", "--at", &at(9)]));
        steps.last_mut().unwrap().extend(["--customer".to_string(), format!("Walk-in {k}")]);
        steps.push(strings(&["cases", "act", &id, "approve", "--at", &at(10)]));
        steps.push(strings(&["cases", "act", &id, "refund", "--amount", "12.30", "--at", &at(11)]));
        steps.push(strings(&["cases", "act", &id, "close", "--at", &at(12)]));
    }
    run_ok(&clean, &shop);
    run_ok(&crashed, &shop);
    let mut expected = vec![state(&clean)];
    for step in &steps {
        run_ok(&clean, step);
        expected.push(state(&clean));
    }
    assert_eq!(expected.last().unwrap().iter().filter(|r| r.starts_with("'case'|")).count(), 10);

    let mut rng = rand::rngs::StdRng::seed_from_u64(11);
    let mut kills = 0;
    for (i, step) in steps.iter().enumerate() {
        kills += run_with_kills(&crashed, step, &expected[i], &expected[i + 1], &mut rng, 60, true);
    }
    eprintln!("case actions: {} steps, {kills} kills", steps.len());
    assert!(kills >= 10, "the steps were interrupted often enough to mean something ({kills} kills)");
    assert_eq!(integrity(&crashed), "ok", "the file is sound after {kills} kills");
    assert_eq!(state(&crashed), *expected.last().unwrap());
}

fn pdd_aftersales_csv(rows: usize) -> String {
    let mut csv = String::from("售后编号,订单号,售后类型,售后状态,退款金额(元),申请时间,售后原因,商家编码,商品名称\n");
    let statuses = ["买家申请退款，待商家处理", "退款成功", "平台处理中", "退货退款，待商家处理"];
    for i in 0..rows {
        csv.push_str(&format!(
            "{},{}-{:05},{},{},{}.{:02},2026-11-{:02} {:02}:{:02}:00,质量问题,SKU-{},商品 {}\n",
            90_000 + i,
            261100 + i % 27,
            i,
            if i % 3 == 0 { "退货退款" } else { "仅退款" },
            statuses[i % statuses.len()],
            10 + i % 90,
            i % 100,
            1 + i % 27,
            i % 24,
            i % 60,
            i % 40,
            i % 40
        ));
    }
    csv
}

#[test]
fn killed_imports_leave_the_database_as_before_or_fully_imported() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("售后列表.csv");
    std::fs::write(&file, pdd_aftersales_csv(1500)).unwrap();
    let (clean, crashed) = (dir.path().join("clean/desk.db"), dir.path().join("crashed/desk.db"));
    let shop = strings(&["shop", "add", "pdd", "--offline", "--name", "拼多多店"]);
    let import = strings(&["import", "--shop", "拼多多店", "--profile", "pdd_aftersales", file.to_str().unwrap()]);
    run_ok(&clean, &shop);
    run_ok(&crashed, &shop);
    let before = state(&clean);
    run_ok(&clean, &import);
    let after = state(&clean);
    assert!(after.iter().filter(|r| r.starts_with("'request'|")).count() == 1500, "every row imported");

    let started = std::time::Instant::now();
    run_ok(&dir.path().join("timing/desk.db"), &shop);
    run_ok(&dir.path().join("timing/desk.db"), &import);
    let took = started.elapsed().as_millis() as u64;

    let mut rng = rand::rngs::StdRng::seed_from_u64(12);
    let mut kills = 0;
    for _ in 0..8 {
        // Waits up to one and a half imports: about one try in three runs to the end, so a round ends after a
        // few kills however the machine's speed varies (with waits up to one import, a slower run than the one
        // timed could be killed hundreds of times in a row).
        kills += run_with_kills(&crashed, &import, &before, &after, &mut rng, (took * 3 / 2).max(50), false);
        // Start again from before the import, to be killed again.
        if state(&crashed) == after {
            std::fs::remove_file(&crashed).unwrap();
            let _ = std::fs::remove_file(crashed.with_extension("db-wal"));
            let _ = std::fs::remove_file(crashed.with_extension("db-shm"));
            run_ok(&crashed, &shop);
        }
    }
    eprintln!("imports of 1,500 rows ({took} ms each): {kills} kills");
    assert!(kills >= 4, "imports were interrupted ({kills} kills)");
    run_ok(&crashed, &import);
    assert_eq!(integrity(&crashed), "ok");
    assert_eq!(state(&crashed), after, "killed and rerun, the import ends as an uninterrupted one");
    run_ok(&crashed, &import);
    assert_eq!(state(&crashed), after, "importing the same file again changes nothing");
}
