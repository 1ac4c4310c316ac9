// The dashboard in a real browser against the real engine and the demo shop, in en and zh-CN: the KPI cards
// show the engine's own figures (the intervention rate as numerator / denominator), the tables render, and a
// screenshot goes to the test output.
//
//   AFTERSALES_BIN=target/debug/aftersales node --test ui/tests/browser/
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { OUTPUT_DIR, call, engineBinary, launchChromium, startBridge } from './harness.mjs';

const STEP_MS = 30_000;
const LOCALES = [
  { locale: 'en', menu: /Dashboard/ },
  { locale: 'zh-CN', menu: /经营看板/ },
];

let browser;
let bin;

before(async () => {
  bin = engineBinary();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

for (const expected of LOCALES) {
  test(`dashboard: the demo shop's figures (${expected.locale})`, { timeout: 180_000 }, async (t) => {
    const dbDir = mkdtempSync(join(tmpdir(), 'aftersales-dashboard-'));
    const bridge = startBridge(bin, dbDir);
    t.after(() => {
      bridge.stop();
      rmSync(dbDir, { recursive: true, force: true });
    });
    const url = await bridge.url;
    await call(url, 'start_demo');
    const engine = await call(url, 'metrics', { shop_id: null, window_days: 30, at: null });
    assert.ok(engine.intervention_rate.denominator > 0, 'the demo shop completed orders in the last 30 days');

    const context = await browser.newContext({ locale: expected.locale, viewport: { width: 1366, height: 1000 } });
    t.after(() => context.close());
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url);
    await page.getByRole('menuitem', { name: expected.menu }).first().click({ timeout: STEP_MS });
    const card = page.getByTestId('kpi-intervention');
    await card.waitFor({ timeout: STEP_MS });
    const { numerator, denominator } = engine.intervention_rate;
    await page.waitForFunction(
      (want) => document.querySelector('[data-testid="kpi-intervention"]')?.textContent?.replace(/[\s,]/g, '').includes(want),
      `${numerator}/${denominator}`,
      { timeout: STEP_MS },
    );
    assert.equal(await card.getAttribute('data-warning'), 'false', 'no category average entered: no warning');
    await page.getByTestId('reasons-table').waitFor({ timeout: STEP_MS });
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(OUTPUT_DIR, `dashboard-${expected.locale}.png`), fullPage: true });
    assert.deepEqual(pageErrors, [], 'no uncaught error in the page');
  });
}
