// A real notification from the real app: under Xvfb with a session D-Bus (make test-window runs this inside
// dbus-run-session) and a notification daemon (dunst, started by D-Bus on the first notification), a Pinduoduo
// case whose 48-hour clock reaches its 1-hour mark seconds after start. The Notify calls are watched on the bus
// with dbus-monitor: first the catch-up for the marks passed while the app was closed, then the 1-hour mark.
// A second launch of the app hands over to the first and exits.
//
//   APP_BIN=… AFTERSALES_BIN=… xvfb-run -a dbus-run-session -- node --test ui/tests/window/reminders.test.mjs
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const outDir = process.env.TEST_OUTPUT_DIR ?? path.resolve('test-output');
const LEAD_SECONDS = 20;

function cli(bin, db, args) {
  return execFileSync(bin, ['--db', db, ...args], { encoding: 'utf8', env: { ...process.env, AFTERSALES_CREDENTIALS: 'file' } }).trim();
}

/** Waits until `predicate(text)` holds for what the monitor printed so far. */
async function waitFor(read, predicate, ms, what) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (predicate(read())) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail(`${what} within ${ms} ms; the bus showed:\n${read().slice(-4000)}`);
}

test('a deadline reaching its 1-hour mark shows a desktop notification with platform and order', { timeout: 180_000 }, async (t) => {
  const app = process.env.APP_BIN;
  const bin = process.env.AFTERSALES_BIN;
  assert.ok(app && fs.existsSync(app), `APP_BIN must point at the built app (got ${app})`);
  assert.ok(bin && fs.existsSync(bin), `AFTERSALES_BIN must point at the CLI (got ${bin})`);
  assert.ok(process.env.DBUS_SESSION_BUS_ADDRESS, 'a session bus: run under dbus-run-session');
  fs.mkdirSync(outDir, { recursive: true });
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-reminders-'));
  const db = path.join(home, 'desk.db');

  // A Pinduoduo shop kept by hand and a refund request opened 47 hours ago less LEAD_SECONDS: its 48-hour
  // clock has LEAD_SECONDS + 1 hour left, so the 24 h and 4 h marks are past and the 1 h mark is just ahead.
  cli(bin, db, ['shop', 'add', 'pdd', '--offline', '--name', '拼多多旗舰店']);
  const opened = new Date(Date.now() - 47 * 3_600_000 + LEAD_SECONDS * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  const caseId = cli(bin, db, ['cases', 'new', '--shop', '拼多多旗舰店', '--type', 'refund_only', '--amount', '99', '--customer', '张三', '--at', opened]);
  const preview = JSON.parse(cli(bin, db, ['reminders', 'due', '--json']));
  assert.equal(preview.due.length, 1, 'the CLI shows the one reminder that fires at start');

  let bus = '';
  const monitor = spawn('dbus-monitor', ['--session', "interface='org.freedesktop.Notifications',member='Notify'"], { stdio: ['ignore', 'pipe', 'pipe'] });
  monitor.stdout.on('data', (c) => {
    bus += c.toString('utf8');
  });
  t.after(() => monitor.kill());
  await new Promise((r) => setTimeout(r, 500));

  const log = fs.openSync(path.join(outDir, 'reminders-app.log'), 'w');
  const desk = spawn(app, [], { env: { ...process.env, AFTERSALES_DB: db, AFTERSALES_CREDENTIALS: 'file' }, stdio: ['ignore', log, log] });
  t.after(() => desk.kill('SIGTERM'));

  const title = `拼多多 #${caseId}`;
  await waitFor(() => bus, (s) => s.includes(`${title} · 商家处理时限还剩`), 60_000, 'the catch-up notification for the marks passed while closed');
  const first = bus.length;
  await waitFor(
    () => bus.slice(first),
    (s) => s.includes(`${title} · 商家处理时限还剩1小时`),
    (LEAD_SECONDS + 45) * 1000,
    'the 1-hour mark as its own notification',
  );
  const calls = bus.split('member=Notify').length - 1;
  fs.writeFileSync(path.join(outDir, 'reminders-dbus.log'), bus);
  assert.ok(bus.includes('涉及金额 CNY 99.00'), 'the body says the money at stake');
  await new Promise((r) => setTimeout(r, 3000));
  assert.equal(bus.split('member=Notify').length - 1, calls, 'nothing repeats after the mark fired');

  // A second launch hands over to the running app (which shows its window) and exits.
  const second = spawn(app, [], { env: { ...process.env, AFTERSALES_DB: db, AFTERSALES_CREDENTIALS: 'file' }, stdio: 'ignore' });
  const code = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve('still running'), 20_000);
    second.once('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  if (code === 'still running') second.kill('SIGKILL');
  assert.equal(code, 0, 'the second instance exits at once');
  assert.equal(desk.exitCode, null, 'the first keeps running');
});
