// The UI in a real browser against the real engine, through the engine's loopback HTTP bridge:
// first start → "Try the demo shop" → orders → one order's detail, in each language.
//
//   AFTERSALES_BIN=target/debug/aftersales node --test ui/tests/browser/
//
// Needs ui/dist (npm run build) and chromium on PATH. Screenshots go to $TEST_OUTPUT_DIR (default ui/test-output/).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { OUTPUT_DIR, engineBinary, launchChromium, startBridge } from './harness.mjs';
const DEMO_SYNC_MS = 120_000;
const STEP_MS = 30_000;

/** What each language must show; the same strings as src/i18n/<locale>.json. */
const LOCALES = [
  { locale: 'en', demoButton: 'Try the demo shop', numberColumn: 'Order No.', linesTitle: 'Items' },
  { locale: 'zh-CN', demoButton: '试用演示店铺', numberColumn: '订单号', linesTitle: '商品明细' },
];

let browser;

before(async () => {
  engineBinary();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

for (const expected of LOCALES) {
  test(`first start, demo shop, orders and an order's detail in ${expected.locale}`, { timeout: 240_000 }, async (t) => {
    const dbDir = mkdtempSync(join(tmpdir(), 'aftersales-ui-'));
    const bridge = startBridge(process.env.AFTERSALES_BIN, dbDir);
    t.after(() => {
      bridge.stop();
      rmSync(dbDir, { recursive: true, force: true });
    });
    const url = await bridge.url;

    const context = await browser.newContext({ locale: expected.locale, viewport: { width: 1366, height: 820 } });
    t.after(() => context.close());
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.setDefaultTimeout(STEP_MS);

    await page.goto(url);
    const demoButton = page.getByRole('button', { name: expected.demoButton });
    await demoButton.waitFor({ state: 'visible' });
    await demoButton.click();

    const orderRows = page.locator('.ant-table-tbody tr[data-row-key]');
    try {
      await orderRows.first().waitFor({ state: 'visible', timeout: DEMO_SYNC_MS });
    } catch (error) {
      await page.screenshot({ path: join(OUTPUT_DIR, `orders-${expected.locale}-failed.png`), fullPage: true });
      throw new Error(`no order rows after starting the demo shop (${error.message}); bridge stderr:\n${bridge.stderr()}`);
    }
    assert.ok((await orderRows.count()) > 0, 'the demo sync must fill the orders table');
    await page.getByRole('columnheader', { name: expected.numberColumn }).waitFor({ state: 'visible' });

    await orderRows.first().click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByText(expected.linesTitle, { exact: true }).waitFor({ state: 'visible' });
    const lineRows = drawer.locator('[data-testid="order-lines"] tr[data-row-key]');
    await lineRows.first().waitFor({ state: 'visible' });
    assert.ok((await lineRows.count()) > 0, 'an order of the demo shop must list at least one line');

    // Let the "demo ready" toast go and the drawer finish sliding in, so the screenshot shows the order.
    await page.locator('.ant-message-notice').waitFor({ state: 'detached', timeout: STEP_MS });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(OUTPUT_DIR, `orders-${expected.locale}.png`) });
    assert.deepEqual(pageErrors, [], 'the page must throw no uncaught error');
  });
}
