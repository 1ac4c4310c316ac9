// Backups in a real browser against the real engine, in en and zh-CN: Settings → Back up now lists a manual
// backup; a shop added after it is gone once that backup is restored from the table (the data before the restore
// kept as a backup of its own); Export diagnostics writes a ZIP where the save dialog (the bridge's stand-in:
// $AFTERSALES_EXPORT_DIR) says; a screenshot of the section goes to the test output.
//
//   AFTERSALES_BIN=target/debug/aftersales node --test ui/tests/browser/backups.test.mjs
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { OUTPUT_DIR, call, freshDesk, perFile, startBridge } from './harness.mjs';

const STEP_MS = 30_000;
const LOCALES = [
  { locale: 'en', settings: /Settings/, backupsTab: 'Backups and diagnostics', shops: /Shops/, manual: 'Manual', beforeRestore: 'Before a restore', replace: 'Replace the data', restored: /Restored the backup from .+\. The previous data was saved as (before-restore-\S+\.db)\./ },
  { locale: 'zh-CN', settings: /设置/, backupsTab: '备份与诊断', shops: /店铺/, manual: '手动', beforeRestore: '恢复前', replace: '替换数据', restored: /已恢复 .+ 的备份。之前的数据已保存为 (before-restore-\S+\.db)。/ },
];

const run = perFile();

/** The backups table's rows as [kind, file] pairs, newest first. */
async function listedBackups(page) {
  return page.$$eval('[data-testid="backups-table"] tbody tr[data-row-key]', (rows) =>
    rows.map((row) => [row.querySelector('[data-testid="backup-kind"]')?.getAttribute('data-kind'), row.getAttribute('data-file')]),
  );
}

async function shopNames(url) {
  return (await call(url, 'list_shops')).map((shop) => shop.name).sort();
}

for (const expected of LOCALES) {
  test(`backups: back up, restore, export diagnostics (${expected.locale})`, { timeout: 240_000 }, async (t) => {
    const dbDir = mkdtempSync(join(tmpdir(), 'aftersales-backups-'));
    // The bridge has no save dialog: it answers a path in this folder under the proposed name. Outside the app's
    // data folder, where the engine writes no file the merchant chose.
    const exportDir = mkdtempSync(join(tmpdir(), 'aftersales-backups-chosen-'));
    process.env.AFTERSALES_EXPORT_DIR = exportDir;
    const bridge = startBridge(run.bin, dbDir);
    t.after(() => {
      bridge.stop();
      rmSync(dbDir, { recursive: true, force: true });
      rmSync(exportDir, { recursive: true, force: true });
    });
    const url = await bridge.url;
    await call(url, 'add_offline_shop', { platform: 'pdd', name: '拼多多旗舰店', time_zone: null, currency: null });

    const context = await run.browser.newContext({ locale: expected.locale, viewport: { width: 1366, height: 1000 } });
    t.after(() => context.close());
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url);

    await page.getByRole('menuitem', { name: expected.settings }).first().click({ timeout: STEP_MS });
    await page.getByRole('tab', { name: expected.backupsTab }).click({ timeout: STEP_MS });
    const section = page.getByTestId('backups-section');
    await section.scrollIntoViewIfNeeded({ timeout: STEP_MS });
    await page.getByTestId('backups-table').waitFor({ timeout: STEP_MS });
    const before = await listedBackups(page);
    assert.ok(!before.some(([kind]) => kind === 'manual'), `no manual backup on a fresh database: ${JSON.stringify(before)}`);

    // Back up now: a manual backup joins the list, first.
    await page.getByTestId('backup-now').click();
    await page.waitForFunction(
      (count) => document.querySelectorAll('[data-testid="backups-table"] tbody tr[data-row-key]').length === count,
      before.length + 1,
      { timeout: STEP_MS },
    );
    const [[kind, manualFile]] = await listedBackups(page);
    assert.equal(kind, 'manual', 'the newest backup is the manual one');
    const manualRow = section.locator(`tr[data-file="${manualFile}"]`);
    assert.equal(await manualRow.getByTestId('backup-kind').innerText(), expected.manual);
    const engineList = await call(url, 'backups');
    assert.equal(engineList[0].file_name, manualFile, 'the engine lists it too');

    // A shop added after the backup…
    await call(url, 'add_offline_shop', { platform: 'taobao', name: 'Added after the backup', time_zone: null, currency: null });
    assert.deepEqual(await shopNames(url), ['Added after the backup', '拼多多旗舰店']);

    // …is gone once that backup is restored from the table, after the confirmation.
    await manualRow.getByTestId('backup-restore').click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.waitFor({ timeout: STEP_MS });
    await confirm.getByRole('button', { name: expected.replace }).click();
    const toast = page.locator('.ant-message-notice').filter({ hasText: expected.restored });
    await toast.waitFor({ timeout: STEP_MS });
    const previous = (await toast.innerText()).match(expected.restored)?.[1];
    assert.deepEqual(await shopNames(url), ['拼多多旗舰店'], 'the engine has the data of the backup');
    await page.waitForFunction(
      (file) => document.querySelector(`[data-testid="backups-table"] tbody tr[data-file="${file}"]`) !== null,
      previous,
      { timeout: STEP_MS },
    );
    const restoredList = await listedBackups(page);
    assert.deepEqual(restoredList[0], ['before-restore', previous], 'the data before the restore is the newest backup');
    assert.equal(await section.locator(`tr[data-file="${previous}"]`).getByTestId('backup-kind').innerText(), expected.beforeRestore);
    assert.ok(
      restoredList.some(([k, file]) => k === 'manual' && file === manualFile),
      'the restored backup stays in the list',
    );

    // Export diagnostics: the ZIP lands where the save dialog said, under the proposed name.
    await page.getByTestId('diagnostics-export').click();
    const done = page.getByTestId('diagnostics-result');
    await done.waitFor({ timeout: STEP_MS });
    const written = readdirSync(exportDir).filter((name) => name.endsWith('.zip'));
    assert.equal(written.length, 1, `one ZIP in ${exportDir}: ${written}`);
    assert.match(written[0], /^aftersales-diagnostics-\d{8}\.zip$/);
    const zip = join(exportDir, written[0]);
    assert.ok((await done.innerText()).includes(zip), 'the page names the file');
    assert.ok(existsSync(zip) && statSync(zip).size > 0, 'the ZIP is not empty');
    assert.equal(readFileSync(zip).subarray(0, 2).toString('latin1'), 'PK', 'and is a ZIP');

    // The restore reached every page: the Shops page lists only the shop of the backup.
    await page.waitForTimeout(300);
    await section.screenshot({ path: join(OUTPUT_DIR, `backups-${expected.locale}.png`) });
    await page.getByRole('menuitem', { name: expected.shops }).first().click({ timeout: STEP_MS });
    await page.getByText('拼多多旗舰店').first().waitFor({ timeout: STEP_MS });
    assert.equal(await page.getByText('Added after the backup').count(), 0, 'the shop added after the backup is gone');
    assert.deepEqual(pageErrors, [], 'no uncaught error in the page');
  });
}

// The bridge always opens its database, so it never reports a startup problem: the answer is stubbed here (with
// the real engine's backups) to see the recovery page as the desktop app shows it, and that nothing else is asked.
for (const expected of [
  { locale: 'en', title: 'The database is damaged', restore: 'Restore this backup' },
  { locale: 'zh-CN', title: '数据库已损坏', restore: '恢复此备份' },
]) {
  test(`backups: the recovery page at a damaged start (${expected.locale})`, { timeout: 120_000 }, async (t) => {
    const { url, dbDir } = await freshDesk(t, run.bin, 'recovery');
    await call(url, 'add_offline_shop', { platform: 'pdd', name: '拼多多旗舰店', time_zone: null, currency: null });
    await call(url, 'backup_now', { out: null });
    await call(url, 'backup_now', { out: null });
    const backups = await call(url, 'backups');
    const database = join(dbDir, 'desk.db');

    const context = await run.browser.newContext({ locale: expected.locale, viewport: { width: 1366, height: 860 } });
    t.after(() => context.close());
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const asked = [];
    await page.route('**/api/**', (route) => {
      const command = new URL(route.request().url()).pathname.split('/').at(-1);
      asked.push(command);
      if (command !== 'startup_problem') return route.continue();
      return route.fulfill({
        json: { database, problem: { code: 'damaged', message: 'database disk image is malformed' }, backups },
      });
    });
    await page.goto(url);

    const recovery = page.getByTestId('recovery-page');
    await recovery.waitFor({ timeout: STEP_MS });
    assert.ok((await recovery.innerText()).includes(expected.title));
    assert.equal(await page.getByTestId('recovery-database').innerText(), database);
    const buttons = page.getByTestId('recovery-restore');
    assert.equal(await buttons.count(), backups.length, 'one button per good backup');
    assert.equal(await buttons.first().innerText(), expected.restore);
    assert.match((await buttons.first().getAttribute('class')) ?? '', /ant-btn-primary/, 'the newest is suggested');
    assert.equal(await page.getByRole('menuitem').count(), 0, 'no menu');
    await page.waitForTimeout(300);
    assert.deepEqual([...new Set(asked)], ['startup_problem'], 'nothing else is asked of an engine that did not open');
    await page.screenshot({ path: join(OUTPUT_DIR, `recovery-${expected.locale}.png`) });
    assert.deepEqual(pageErrors, [], 'no uncaught error in the page');
  });
}
