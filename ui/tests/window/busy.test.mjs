// The window keeps answering while the engine works (issue 21): a desk with more than 100,000 warranty units (a
// Shopify store synced from the demo shop, a policy on every product), then, in the real app, a 100,000-row XLSX
// export of the ledger and a diagnostics ZIP started together from the window, and while they run the merchant
// clicks the menu with the real mouse (xdotool): each click must reach the page quickly. The time from the click
// sent to the page's click handler is printed per click; the test fails when a click waits a second or more (a
// handler on the window's thread would hold every click until the export ends), or when the work ended before
// any click could test it.
//
//   APP_BIN=… AFTERSALES_BIN=… xvfb-run -a dbus-run-session -- node --test ui/tests/window/busy.test.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { appPid, cli, serveDemo, x } from './desk.mjs';
import { startSession } from './driver.mjs';

const outDir = path.resolve(process.env.TEST_OUTPUT_DIR ?? 'test-output');
const ORDERS = Number(process.env.BUSY_ORDERS ?? 62_000);
const UNITS = 100_000;
// Loose on purpose: a loaded 2-core CI machine; the target is 100 ms, the figures are printed.
const CLICK_LIMIT_MS = 1_000;
const CLICK_TARGET_MS = 100;

test('the window answers clicks while a 100,000-row export and a diagnostics ZIP run', { timeout: 900_000 }, async (t) => {
  const app = process.env.APP_BIN;
  assert.ok(app && fs.existsSync(app), `APP_BIN must point at the built app (got ${app})`);
  fs.mkdirSync(outDir, { recursive: true });
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-busy-'));
  t.after(() => fs.rmSync(home, { recursive: true, force: true }));
  const env = { ...process.env, HOME: home, AFTERSALES_DB: path.join(home, 'desk.db'), AFTERSALES_CREDENTIALS: 'file', LANG: 'en_US.UTF-8', LANGUAGE: 'en' };

  // The desk: every product of the store under a year's warranty, so each line sold is a unit of the ledger.
  const demo = await serveDemo(env, ORDERS);
  t.after(demo.stop);
  cli({ ...env, DEMO_TOKEN: demo.token }, ['shop', 'add', 'shopify', '--name', 'Big store', '--url', demo.url, '--token-env', 'DEMO_TOKEN']);
  cli({ ...env, DEMO_TOKEN: demo.token }, ['sync']);
  const skus = new Set(JSON.parse(cli(env, ['orders', 'list', '--json', '--limit', '500'])).flatMap((o) => (o.lines ?? []).map((l) => l.sku)).filter(Boolean));
  for (const sku of skus) cli(env, ['warranty', 'policy', 'add', '--name', `${sku} one year`, '--scope', 'sku', '--value', sku, '--period', '12m']);
  // The CLI's last line: "1 of N units".
  const units = Number(/of (\d+) units/.exec(cli(env, ['warranty', 'units', '--limit', '1']))?.[1]);
  assert.ok(units >= UNITS, `the ledger holds ${UNITS} units or more (${units}, from ${ORDERS} orders and ${skus.size} products)`);

  const { browser, stop } = await startSession(app, env, path.join(outDir, 'busy-driver.log'));
  t.after(stop);
  await browser.setTimeout({ script: 120_000 });
  await browser.$('[data-page="orders"] .ant-table-tbody tr[data-row-key]').waitForExist({ timeout: 120_000, timeoutMsg: 'the Orders page shows its rows after start' });
  const pid = appPid(app);
  assert.ok(pid, 'the app process is found');
  const window = x('xdotool', ['search', '--onlyvisible', '--pid', String(pid)]).split('\n')[0];
  assert.ok(window, 'the app has a visible window');

  // Where the menu items are, and a record of every click the page receives (wall clock, as this process's).
  const menu = await browser.execute(() => {
    window.__clicks = [];
    document.addEventListener('click', () => window.__clicks.push(Date.now()), true);
    return [...document.querySelectorAll('.ant-menu-item')].map((li) => {
      const r = li.getBoundingClientRect();
      return { key: (li.getAttribute('data-menu-id') ?? '').replace(/^.*-/, ''), x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) };
    });
  });
  const targets = ['dashboard', 'orders', 'due', 'cases'].map((key) => menu.find((m) => m.key === key)).filter(Boolean);
  assert.equal(targets.length, 4, 'the menu has the pages clicked below');

  // The work, started from the page as the UI starts it; each call's end is recorded in the page.
  const xlsx = path.join(home, 'units.xlsx');
  const zip = path.join(home, 'diagnostics.zip');
  await browser.execute(
    (xlsx, zip) => {
      const invoke = window.__TAURI_INTERNALS__.invoke;
      window.__work = {};
      const track = (name, call) =>
        call.then(
          (result) => (window.__work[name] = { at: Date.now(), result }),
          (error) => (window.__work[name] = { at: Date.now(), error: error?.message ?? String(error) }),
        );
      track('export', invoke('export_warranty', { input: { format: 'xlsx', out: xlsx, shop_id: null, from: null, to: null, statuses: [], columns: [], lang: 'en' } }));
      track('diagnostics', invoke('export_diagnostics', { input: { out: zip } }));
    },
    xlsx,
    zip,
  );
  const started = Date.now();

  // Clicks with the real mouse until both are done (at most three minutes), one every 300 ms.
  const clicks = [];
  for (let i = 0; Date.now() - started < 180_000; i++) {
    const work = await browser.execute(() => window.__work);
    if (work.export && work.diagnostics) break;
    const target = targets[i % targets.length];
    const before = await browser.execute(() => window.__clicks.length);
    const sent = Date.now();
    x('xdotool', ['mousemove', '--window', window, String(target.x), String(target.y), 'click', '1']);
    let seen = null;
    while (seen === null && Date.now() - sent < 10_000) {
      const times = await browser.execute(() => window.__clicks);
      if (times.length > before) seen = times[before];
      else await new Promise((r) => setTimeout(r, 20));
    }
    clicks.push({ page: target.key, sent, latency: seen === null ? null : seen - sent });
    await new Promise((r) => setTimeout(r, 300));
  }
  const work = await browser.execute(() => window.__work);
  assert.ok(work.export && !work.export.error, `the export ended well: ${JSON.stringify(work.export)}`);
  assert.ok(work.diagnostics && !work.diagnostics.error, `the diagnostics ZIP ended well: ${JSON.stringify(work.diagnostics)}`);
  assert.equal(work.export.result.rows, units, 'the export wrote every unit');
  assert.ok(fs.statSync(xlsx).size > 0 && fs.statSync(zip).size > 0, 'both files are on disk');

  const during = clicks.filter((c) => c.sent < Math.max(work.export.at, work.diagnostics.at));
  const latencies = during.map((c) => c.latency);
  const worst = Math.max(...latencies.map((l) => l ?? Infinity));
  console.log(`\nClicks while the export (${((work.export.at - started) / 1000).toFixed(1)} s) and the diagnostics ZIP (${((work.diagnostics.at - started) / 1000).toFixed(1)} s) ran:`);
  for (const c of during) console.log(`  ${c.page.padEnd(10)} ${c.latency === null ? 'never reached the page' : `${c.latency} ms`}`);
  console.log(`  worst ${worst} ms (target ${CLICK_TARGET_MS} ms: ${worst <= CLICK_TARGET_MS ? 'ok' : 'MISS'})\n`);
  assert.ok(during.length >= 3, `the work lasted long enough to click into (${during.length} clicks while it ran)`);
  assert.ok(worst < CLICK_LIMIT_MS, `every click reached the page within ${CLICK_LIMIT_MS} ms while the work ran: ${JSON.stringify(latencies)}`);
});
