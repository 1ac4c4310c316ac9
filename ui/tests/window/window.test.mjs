// The real desktop app in a real window (under Xvfb), driven through tauri-driver + WebKitWebDriver:
// first start shows the empty state, "Try the demo shop" starts the built-in shop, the Orders table fills.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSession } from './driver.mjs';

const outDir = path.resolve(process.env.TEST_OUTPUT_DIR ?? 'test-output');

test('the real window: Try the demo shop fills the Orders table', { timeout: 300_000 }, async () => {
  const app = process.env.APP_BIN;
  assert.ok(app && fs.existsSync(app), `APP_BIN must point at the built app (got ${app}); run make app`);
  fs.mkdirSync(outDir, { recursive: true });
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-window-'));
  // A database of its own, and English so the texts below are the ones shown.
  const env = { ...process.env, AFTERSALES_DB: path.join(home, 'desk.db'), LANG: 'en_US.UTF-8', LANGUAGE: 'en' };
  const { browser, stop } = await startSession(app, env, path.join(outDir, 'tauri-driver.log'));
  try {
    const demo = await browser.$("//button[contains(., 'Try the demo shop') or contains(., '试用演示店铺')]");
    await demo.waitForDisplayed({ timeout: 60_000, timeoutMsg: 'the empty state offers the demo shop' });
    await demo.click();
    await browser.waitUntil(async () => (await browser.$$('tbody tr[data-row-key]')).length > 0, {
      timeout: 120_000,
      timeoutMsg: 'the Orders table shows demo orders after the demo sync',
    });
    const rows = await browser.$$('tbody tr[data-row-key]');
    assert.ok(rows.length >= 10, `a page of demo orders is shown (got ${rows.length} rows)`);
    const text = await browser.$('body').getText();
    assert.match(text, /#1\d{3}/, 'Shopify order numbers (#1001…) are listed');
    assert.ok(fs.existsSync(path.join(home, 'desk.db')), 'the app wrote its own SQLite file');
    await browser.pause(800); // let the last frame paint before the picture is taken
    await browser.saveScreenshot(path.join(outDir, 'window-orders.png'));
    // The whole X screen too: what the merchant sees, window and all.
    try {
      execFileSync('import', ['-window', 'root', path.join(outDir, 'window-screen.png')]);
    } catch (e) {
      console.warn(`screen capture with ImageMagick failed: ${e.message}`);
    }
  } finally {
    await stop();
  }
});
