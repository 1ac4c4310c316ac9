// The real app on a big shop: a Shopify store of SCALE_ORDERS orders (20,000 in `make test`, 200,000 in
// `make bench`) synced from the demo shop over real HTTP by the CLI, warranty policies that register units from
// the synced sales, repairs and compensation entered through the CLI. The window visits every page from the menu
// and times, inside the page, the click to the page's frame (its skeleton) and to its first rows, then the next
// page of each long list. Then the app is started again on its own (WebDriver's session and scripts live in the
// web process and would be counted), every page is opened by a real mouse click on the menu, and the memory of
// every process of the app (the shell and WebKit's web and network processes) is summed. Each figure is printed
// beside its target (issue 19: ≤ 300 ms to first rows, ≤ 350 MB for a release build), the median of SCALE_ROUNDS
// fresh starts (1 in `make test`, 3 in `make bench`); the verdicts are
// `make bench`'s, and this test fails only when a page never shows its rows, a list never turns its page, or a
// click on the menu does not change the window.
//
//   APP_BIN=… AFTERSALES_BIN=… SCALE_ORDERS=20000 xvfb-run -a dbus-run-session -- node --test ui/tests/window/scale.test.mjs
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { appPid, cli, gone, serveDemo, x } from './desk.mjs';
import { startSession } from './driver.mjs';

const outDir = path.resolve(process.env.TEST_OUTPUT_DIR ?? 'test-output');
const ORDERS = Number(process.env.SCALE_ORDERS ?? 20_000);
const FIRST_ROWS_MS = 300;
const MEMORY_MB = 350;
// Fresh starts of the app whose first visits are timed (`make bench` runs three and prints the medians).
const ROUNDS = Number(process.env.SCALE_ROUNDS ?? 1);

/** What shows a page's data once it has come: its rows, its figures, or the words for none. */
const READY = {
  dashboard: '[data-testid="kpi-value"]',
  orders: '.ant-table-tbody tr[data-row-key]',
  cases: '.ant-table-tbody tr[data-row-key]',
  due: '.ant-table-tbody tr[data-row-key], .ant-empty',
  warranty: '.ant-table-tbody tr[data-row-key]',
  repairs: '.ant-table-tbody tr[data-row-key], [data-testid="repairs-board"] .ant-card',
  followups: '.ant-card, .ant-empty',
  compensation: '.ant-table-tbody tr[data-row-key]',
  shops: '.ant-table-tbody tr[data-row-key], .ant-card',
  settings: 'form',
};
/** The pages whose list is long enough to turn a page. */
const PAGED = ['orders', 'cases', 'warranty'];

/** The shop, its sales under warranty, and the repair and compensation ledgers a shop of this size would keep. */
function fillDesk(env, demo) {
  const t0 = Date.now();
  cli({ ...env, DEMO_TOKEN: demo.token }, ['shop', 'add', 'shopify', '--name', 'Big store', '--url', demo.url, '--token-env', 'DEMO_TOKEN']);
  cli({ ...env, DEMO_TOKEN: demo.token }, ['sync']);
  const synced = Date.now();
  const skus = JSON.parse(cli(env, ['orders', 'list', '--json', '--limit', '200']))
    .flatMap((o) => (o.lines ?? []).map((l) => l.sku))
    .filter(Boolean);
  for (const sku of [...new Set(skus)].slice(0, 4)) {
    cli(env, ['warranty', 'policy', 'add', '--name', `${sku} one year`, '--scope', 'sku', '--value', sku, '--period', '12m']);
  }
  const day = 86_400_000;
  const now = Date.now();
  // A page's worth and more: each is a CLI call of its own, and the lists bench reads ledgers 100 times larger.
  const ledgerRows = Math.max(60, Math.round(ORDERS / 1000));
  for (let i = 0; i < ledgerRows; i++) {
    const at = new Date(now - ((i * 7) % 365) * day).toISOString().replace(/\.\d+Z$/, 'Z');
    cli(env, ['repairs', 'new', '--shop', 'Big store', '--fault', `does not charge (${i})`, '--product', 'Mini speaker', '--customer', `Buyer ${i}`, '--at', at]);
    cli(env, ['compensation', 'add', '--shop', 'Big store', '--kind', i % 3 === 0 ? 'coupon' : 'refund', '--amount', String(5 + (i % 40)), '--reason', 'late delivery', '--at', at]);
  }
  return { syncSeconds: (synced - t0) / 1000, ledgerRows, setupSeconds: (Date.now() - t0) / 1000 };
}

/** The process and every descendant of it: for the app, WebKit's web and network processes. */
function processTree(root) {
  const parents = new Map();
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      parents.set(Number(pid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  }
  return tree;
}

/**
 * Proportional set size (shared pages split among the processes sharing them, so the sum counts each page once)
 * and resident size, in MB, per process and summed.
 */
function memoryOf(pids) {
  const rows = [];
  for (const pid of pids) {
    try {
      const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const kb = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0);
      const name = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      rows.push({ pid, name, pss: kb('Pss') / 1024, rss: kb('Rss') / 1024 });
    } catch {
      // gone meanwhile
    }
  }
  return { rows, pss: rows.reduce((s, r) => s + r.pss, 0), rss: rows.reduce((s, r) => s + r.rss, 0) };
}

/** Where a process's memory is (PSS in MB by mapping: a library, the heap, anonymous memory), the largest first. */
function breakdown(pid) {
  const byName = new Map();
  let name = '';
  try {
    for (const line of fs.readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
      const mapping = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
      if (mapping) name = mapping[1] || '[anonymous]';
      const pss = /^Pss:\s+(\d+) kB/.exec(line);
      if (pss) byName.set(name, (byName.get(name) ?? 0) + Number(pss[1]) / 1024);
    }
  } catch {
    // gone meanwhile
  }
  return [...byName].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([n, mb]) => `${mb.toFixed(1)} MB ${n}`);
}

/**
 * Clicks the menu item `key` and times, inside the page, the frame in which the page's marker appears (its
 * skeleton) and the frame in which its data is shown with nothing loading any more.
 */
function openPage(browser, key, ready) {
  return browser.executeAsync(
    (key, ready, done) => {
      const item = [...document.querySelectorAll('.ant-menu-item')].find((li) => (li.getAttribute('data-menu-id') ?? '').endsWith(`-${key}`));
      if (!item) return done({ error: `no menu item ${key}` });
      const t0 = performance.now();
      let frame = null;
      const limit = t0 + 60_000;
      item.click();
      const check = () => {
        const root = document.querySelector(`[data-page="${key}"]`);
        const now = performance.now();
        if (root && frame === null) frame = now - t0;
        if (root && !root.querySelector('.ant-skeleton, .ant-spin-spinning') && root.querySelector(ready)) {
          return done({ frame, rows: now - t0, count: root.querySelectorAll('.ant-table-tbody tr[data-row-key]').length });
        }
        if (now > limit) return done({ error: `page ${key}: no data within 60 s`, frame });
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    },
    key,
    ready,
  );
}

/** Turns the list on page `key` to its next page and times it to the frame showing other rows. */
function nextPage(browser, key) {
  return browser.executeAsync(
    (key, done) => {
      const root = document.querySelector(`[data-page="${key}"]`);
      const button = root?.querySelector('.ant-pagination-next:not(.ant-pagination-disabled) button, .ant-pagination-next:not(.ant-pagination-disabled)');
      if (!button) return done({ error: `page ${key}: no next page to turn to` });
      const first = () => root.querySelector('.ant-table-tbody tr[data-row-key]')?.getAttribute('data-row-key');
      const before = first();
      const t0 = performance.now();
      button.click();
      const check = () => {
        const now = performance.now();
        if (!root.querySelector('.ant-spin-spinning') && first() && first() !== before) return done({ rows: now - t0 });
        if (now > t0 + 60_000) return done({ error: `page ${key}: the next page did not come within 60 s` });
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    },
    key,
  );
}

const verdict = (ok) => (ok ? 'ok' : 'MISS');
const row = (name, figure, target, ok) => console.log(`| ${name.padEnd(44)} | ${figure.padStart(22)} | ${target.padEnd(9)} | ${ok === undefined ? '' : verdict(ok)}`);

test(`the window at ${ORDERS} orders: every page's first rows in time, and the memory of all the app's processes`, { timeout: 3_600_000 }, async (t) => {
  const app = process.env.APP_BIN;
  assert.ok(app && fs.existsSync(app), `APP_BIN must point at the built app (got ${app})`);
  assert.ok(process.env.AFTERSALES_BIN && fs.existsSync(process.env.AFTERSALES_BIN), 'AFTERSALES_BIN must point at the CLI');
  fs.mkdirSync(outDir, { recursive: true });
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-scale-'));
  t.after(() => fs.rmSync(home, { recursive: true, force: true }));
  const db = path.join(home, 'desk.db');
  const env = { ...process.env, HOME: home, AFTERSALES_DB: db, AFTERSALES_CREDENTIALS: 'file', LANG: 'en_US.UTF-8', LANGUAGE: 'en' };

  const demo = await serveDemo(env, ORDERS);
  t.after(demo.stop);
  const filled = fillDesk(env, demo);
  const counts = JSON.parse(cli(env, ['metrics', '--json'])); // the engine answers before the window opens
  assert.ok(counts, 'the metrics of the filled desk');

  console.log(`\nThe window at ${ORDERS} orders (synced in ${filled.syncSeconds.toFixed(1)} s; ${filled.ledgerRows} repairs and compensation entries; ${process.env.SCALE_BUILD ?? 'debug'} build; times: median of ${ROUNDS} start${ROUNDS > 1 ? 's' : ''}, each run in brackets)\n`);
  console.log(`| ${'measure'.padEnd(44)} | ${'figure'.padStart(22)} | ${'target'.padEnd(9)} |`);
  console.log(`|${'-'.repeat(46)}|${'-'.repeat(24)}|${'-'.repeat(11)}|------`);
  // The dashboard first (Orders is on screen at start), Orders last, its rows from the engine again by then.
  const order = ['dashboard', 'cases', 'due', 'warranty', 'repairs', 'followups', 'compensation', 'shops', 'settings', 'orders'];
  // A page's first visit happens once per start of the app: each round is a fresh start on the same desk.
  const rounds = [];
  let menu = null;
  let atStart = null;
  let driven = null;
  for (let round = 0; round < ROUNDS; round++) {
    const r = await timeEveryPage(app, env, order, round === 0);
    rounds.push(r.timings);
    menu = r.menu;
    atStart ??= r.atStart;
    driven ??= r.driven;
  }
  row('memory at start under WebDriver (PSS)', `${atStart.pss.toFixed(0)} MB`, '', undefined);
  const timings = {};
  for (const key of order) {
    const frames = rounds.map((r) => r[key].frame);
    const times = rounds.map((r) => r[key].rows);
    timings[key] = { frame: median(frames), rows: median(times), runs: times };
    row(`${key}: click to its frame, to its data`, `${median(frames).toFixed(0)} ms, ${median(times).toFixed(0)} ms${runs(times)}`, `≤ ${FIRST_ROWS_MS} ms`, median(times) <= FIRST_ROWS_MS);
    if (PAGED.includes(key)) {
      const next = rounds.map((r) => r[key].next);
      timings[key].next = median(next);
      row(`${key}: the next page`, `${median(next).toFixed(0)} ms${runs(next)}`, `≤ ${FIRST_ROWS_MS} ms`, median(next) <= FIRST_ROWS_MS);
    }
  }
  for (const p of driven.rows) row(`  ${p.name} (${p.pid})`, `${p.pss.toFixed(0)} MB PSS, ${p.rss.toFixed(0)} MB RSS`, '', undefined);
  row('memory under WebDriver (PSS, for reference)', `${driven.pss.toFixed(0)} MB`, '', undefined);

  // The app as the merchant runs it: started on its own, every page opened with the mouse (real X clicks on the
  // menu), then the memory of all its processes: the figure judged against the target.
  const visits = [];
  for (let round = 0; round < ROUNDS; round++) visits.push(await visitByMouse(app, env, menu, order));
  const sums = visits.map((v) => v.memory.pss);
  // The run whose sum is the median, shown process by process.
  const plain = visits.find((v) => v.memory.pss === median(sums));
  for (const p of plain.memory.rows) row(`  ${p.name} (${p.pid})`, `${p.pss.toFixed(0)} MB PSS, ${p.rss.toFixed(0)} MB RSS`, '', undefined);
  row('memory of all the app\'s processes (PSS)', `${plain.memory.pss.toFixed(0)} MB${runs(sums)}`, `≤ ${MEMORY_MB} MB`, plain.memory.pss <= MEMORY_MB);
  console.log('');
  const where = Object.fromEntries(plain.memory.rows.map((p) => [`${p.name} (${p.pid})`, p.where]));
  fs.writeFileSync(
    path.join(outDir, `scale-${ORDERS}.json`),
    JSON.stringify({ orders: ORDERS, build: process.env.SCALE_BUILD ?? 'debug', filled, timings, atStart, driven, memory: plain.memory, where }, null, 2),
  );
  assert.ok(plain.memory.rows.length >= 2, `the app and WebKit's processes are measured: ${plain.memory.rows.map((r) => r.name).join(', ')}`);
  for (const v of visits) assert.equal(v.changed, order.length, `each click on the menu opened its page (${v.changed} of ${order.length} changed the window)`);
});

/** The middle value of `values` (the lower middle of an even count). */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Each run's figure, when there was more than one. */
const runs = (values) => (values.length > 1 ? ` (${values.map((v) => v.toFixed(0)).join(', ')})` : '');

/**
 * Starts the app in a WebDriver session, times the first visit of every page in `order` from the menu (and the next
 * page of the long lists), and ends the session and its app. The first round also keeps the memory at start and
 * after every page (under WebDriver, for reference) and the screenshots; every round returns the menu's places.
 */
async function timeEveryPage(app, env, order, first) {
  const { browser, stop } = await startSession(app, env, path.join(outDir, 'scale-driver.log'));
  let pid = null;
  try {
    // The in-page timers give up after a minute; WebDriver's own limit for a script (30 s) must not come first.
    await browser.setTimeout({ script: 120_000 });
    await browser.$('[data-page="orders"] .ant-table-tbody tr[data-row-key]').waitForExist({ timeout: 120_000, timeoutMsg: 'the Orders page shows its rows after start' });
    pid = appPid(app);
    assert.ok(pid, 'the app process is found');
    const atStart = memoryOf(processTree(pid));
    const timings = {};
    for (const key of order) {
      const r = await openPage(browser, key, READY[key]);
      assert.ok(!r.error, r.error);
      timings[key] = r;
      if (PAGED.includes(key)) {
        assert.ok(r.count > 0, `${key} shows rows at ${ORDERS} orders`);
        const n = await nextPage(browser, key);
        assert.ok(!n.error, n.error);
        timings[key].next = n.rows;
      }
      if (first && key === 'dashboard') await browser.saveScreenshot(path.join(outDir, `scale-dashboard.png`));
      // A merchant reads a page before opening the next: what the page does after its data (charts below the
      // fold, a list's buttons) is its own, not the next page's time.
      await browser.pause(1000);
    }
    if (first) await browser.saveScreenshot(path.join(outDir, `scale-orders.png`));
    // Memory once every page has been seen, still under WebDriver (its session and scripts live in the web
    // process: shown for reference, not judged).
    await browser.pause(3000);
    const driven = memoryOf(processTree(pid));
    const menu = await browser.execute(() =>
      [...document.querySelectorAll('.ant-menu-item')].map((li) => {
        const r = li.getBoundingClientRect();
        return { key: (li.getAttribute('data-menu-id') ?? '').replace(/^.*-/, ''), x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) };
      }),
    );
    return { timings, atStart, driven, menu };
  } finally {
    await stop();
    // WebDriver's app outlives the driver for a moment; a next start before it is gone would hand over to it
    // (one instance at a time) and leave no window of its own.
    if (pid !== null) await gone(pid);
  }
}

/**
 * Starts `app` without WebDriver, waits for its window, clicks the menu item of each page in `order` (at the
 * places measured in the WebDriver session), checking that each click changed the window, and measures the
 * memory of the app's processes three seconds after the last page.
 */
async function visitByMouse(app, env, menu, order) {
  const child = spawn(app, [], { env, stdio: 'ignore' });
  try {
    const window = x('xdotool', ['search', '--sync', '--onlyvisible', '--pid', String(child.pid)]).split('\n')[0];
    await new Promise((r) => setTimeout(r, 8000)); // the Orders page and its rows, as at start above
    const shot = (name) => {
      const file = path.join(outDir, `scale-plain-${name}.png`);
      x('import', ['-window', window, file]);
      return file;
    };
    let before = shot('start');
    let changed = 0;
    for (const key of order) {
      const item = menu.find((m) => m.key === key);
      assert.ok(item, `the menu has ${key}`);
      x('xdotool', ['mousemove', '--window', window, String(item.x), String(item.y), 'click', '1']);
      await new Promise((r) => setTimeout(r, 2000));
      const after = shot(key);
      // ImageMagick's compare exits 1 when the pictures differ; the count of differing pixels is on stderr.
      let differing = 0;
      try {
        execFileSync('compare', ['-metric', 'AE', before, after, 'null:'], { stdio: 'pipe' });
      } catch (e) {
        differing = Number(String(e.stderr).trim().split(/\s/)[0]) || 0;
      }
      if (differing > 0) changed += 1;
      before = after;
    }
    await new Promise((r) => setTimeout(r, 3000));
    const memory = memoryOf(processTree(child.pid));
    for (const p of memory.rows) p.where = breakdown(p.pid);
    return { memory, changed };
  } finally {
    child.kill();
    await new Promise((r) => (child.exitCode === null ? child.once('exit', r) : r()));
  }
}
