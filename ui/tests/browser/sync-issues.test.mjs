// Records a sync could not read, as the merchant meets them, in a real browser against the real engine (the
// loopback bridge) and a Shopify demo shop that plants hostile orders among good ones (`plant=…`):
//   the shop syncs every good order → its row warns "1 order could not be read" and "1 record kept with a note"
//   → the expanded row lists each with the engine's reason → the shop fixes the order → "Read again" reads it,
//   the warning goes and the order count is whole. Once in each language.
//
//   AFTERSALES_BIN=target/debug/aftersales node --test ui/tests/browser/sync-issues.test.mjs
//
// Needs ui/dist (npm run build) and chromium on PATH. Screenshots go to $TEST_OUTPUT_DIR (default ui/test-output/).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import { DIST_DIR, OUTPUT_DIR, call, engineBinary, launchChromium } from './harness.mjs';

const START_MS = 30_000;
const STEP_MS = 30_000;
const ORDERS = 300;
/** A null where the order's name belongs (unreadable), and a dollar amount with three decimals (kept, noted). */
const PLANTED = 'plant=null_name@17+usd_3dp@40';

const LOCALES = [
  {
    locale: 'en',
    navShops: 'Shops',
    unreadable: '1 order could not be read',
    flagged: '1 record kept with a note',
    expand: 'Expand row',
    notRead: 'Not read',
    noted: 'Noted',
    retry: /Read again$/,
    retried: 'Read 1 of 1 again; 0 still cannot be read',
  },
  {
    locale: 'zh-CN',
    navShops: '店铺',
    unreadable: '1 条订单无法读取',
    flagged: '1 条记录已保存并标注',
    expand: '展开行',
    notRead: '未读取',
    noted: '已标注',
    retry: /重新读取$/,
    retried: '重新读取 1 条，成功 1 条，仍有 0 条无法读取',
  },
];

/** Starts the engine CLI with `args`; resolves with the JSON of its first stdout line. */
function startCli(label, args, children) {
  const child = spawn(process.env.AFTERSALES_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-8_000);
  });
  children.push(child);
  const json = new Promise((resolveJson, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label} printed no JSON line within ${START_MS} ms; stderr:\n${stderr}`)), START_MS);
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      try {
        resolveJson(JSON.parse(line));
      } catch {
        reject(new Error(`${label}'s first stdout line is not JSON: ${line}`));
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (code ${code}, signal ${signal}) before printing its JSON line; stderr:\n${stderr}`));
    });
  });
  json.catch(() => undefined);
  return json;
}

async function stopAll(children) {
  await Promise.all(
    children.map(
      (child) =>
        new Promise((done) => {
          if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return done();
          const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
          child.once('exit', () => {
            clearTimeout(kill);
            done();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

let browser;

before(async () => {
  engineBinary();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

for (const L of LOCALES) {
  test(`a record the sync could not read is shown, explained and read again (${L.locale})`, { timeout: 240_000 }, async () => {
    const children = [];
    const dbDir = mkdtempSync(join(tmpdir(), 'aftersales-sync-issues-ui-'));
    let page;
    try {
      const demo = await startCli(
        'shopify demo shop',
        ['demo-shop', 'serve', '--platform', 'shopify', '--port', '0', '--orders', String(ORDERS), '--json', '--faults', PLANTED],
        children,
      );
      const { url } = await startCli('ui-bridge', ['--db', join(dbDir, 'desk.db'), 'ui-bridge', '--port', '0', '--static', DIST_DIR], children);

      // The shop is connected and synced through the engine's door, as the UI's own dialog would.
      const shop = await call(url, 'add_shop', {
        name: 'Holey shop',
        base_url: demo.url,
        credentials: { platform: 'shopify', token: demo.token },
      });
      await call(url, 'sync_shops', { shop_id: shop.id });
      const [synced] = await call(url, 'list_shops');
      assert.equal(synced.sync.orders_count, ORDERS - 1, 'every good order is stored, the noted one too; only the unreadable one is set aside');
      assert.equal(synced.sync.unreadable, 1, 'the null-name order is set aside');
      assert.equal(synced.sync.flagged, 1, 'the three-decimal amount is kept and noted');
      assert.equal(synced.sync.last_error, null, 'one bad order does not fail the sync');

      const context = await browser.newContext({ locale: L.locale, viewport: { width: 1366, height: 820 } });
      page = await context.newPage();
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.setDefaultTimeout(STEP_MS);
      await page.goto(url);
      await page.getByRole('menuitem', { name: L.navShops }).click();

      const row = page.locator('tbody tr[data-row-key]').filter({ hasText: 'Holey shop' });
      await row.getByText(L.unreadable).waitFor({ state: 'visible' });
      await row.getByText(L.flagged).waitFor({ state: 'visible' });

      await row.getByRole('button', { name: L.expand }).click();
      const panel = page.getByTestId('sync-issues');
      await panel.waitFor({ state: 'visible' });
      const unreadableRow = panel.locator('tbody tr').filter({ hasText: L.notRead });
      await unreadableRow.waitFor({ state: 'visible' });
      const reason = await unreadableRow.innerText();
      assert.match(reason, /name/, 'the reason names the field that was wrong');
      assert.doesNotMatch(reason, /\[phone/, 'the order id in the reason is not masked as a phone number');
      await panel.locator('tbody tr').filter({ hasText: L.noted }).waitFor({ state: 'visible' });
      await page.screenshot({ path: join(OUTPUT_DIR, `sync-issues-${L.locale}.png`) });

      // The shop fixes its order (the fault is switched off); "Read again" reads it.
      const fixed = await fetch(`${demo.url}/_demo/faults`, {
        method: 'POST',
        headers: { 'x-shopify-access-token': demo.token },
        body: '',
      });
      assert.equal(fixed.status, 200, 'the demo shop took the fix');
      await panel.getByRole('button', { name: L.retry }).click();
      await page.getByText(L.retried).waitFor({ state: 'visible' });
      await row.getByText(L.unreadable).waitFor({ state: 'detached' });

      const [after] = await call(url, 'list_shops');
      assert.equal(after.sync.orders_count, ORDERS, 'the order read again is stored: none is missing');
      assert.equal(after.sync.unreadable, 0);
      assert.deepEqual(pageErrors, [], 'no error in the page');
      await context.close();
    } catch (error) {
      if (page) await page.screenshot({ path: join(OUTPUT_DIR, `sync-issues-${L.locale}-failed.png`) }).catch(() => undefined);
      throw error;
    } finally {
      await stopAll(children);
      rmSync(dbDir, { recursive: true, force: true });
    }
  });
}
