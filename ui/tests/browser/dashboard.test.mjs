// The dashboard in a real browser against the real engine and the demo shop, in en and zh-CN: the KPI cards
// show the engine's own figures (the intervention rate as numerator / denominator) and their change against the
// window before, the tables render, the 7-day window shows its own change line, the figures export to an XLSX
// file on disk (zh-CN), whole custom days go to the engine as [midnight, next midnight) (en), and screenshots go
// to the test output.
//
//   AFTERSALES_BIN=target/debug/aftersales node --test ui/tests/browser/
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { OUTPUT_DIR, call, freshDesk, perFile } from './harness.mjs';

const STEP_MS = 30_000;
const LOCALES = [
  { locale: 'en', menu: /Dashboard/, week: '7 days', vsWeek: 'vs previous 7 days', noEarlier: 'No earlier data', custom: 'Custom' },
  { locale: 'zh-CN', menu: /经营看板/, week: '7 天', vsWeek: '较前 7 天', noEarlier: '暂无往期数据', export: true },
];

/** What the intervention card's change line must say for an engine answer: a comparison, or no earlier data. */
function expectedChange(metrics, expected) {
  const now = metrics.intervention_rate.value;
  const before = metrics.previous?.intervention_rate.value ?? null;
  return now === null || before === null ? expected.noEarlier : expected.vsWeek;
}

/** Today as the picker titles its day cells, in the machine's (and so the browser's) time zone. */
function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const run = perFile();

for (const expected of LOCALES) {
  test(`dashboard: the demo shop's figures (${expected.locale})`, { timeout: 180_000 }, async (t) => {
    const { url } = await freshDesk(t, run.bin, 'dashboard');
    await call(url, 'start_demo');
    const engine = await call(url, 'metrics', { shop_id: null, window_days: 30, at: null, from: null });
    assert.ok(engine.intervention_rate.denominator > 0, 'the demo shop completed orders in the last 30 days');

    const context = await run.browser.newContext({ locale: expected.locale, viewport: { width: 1366, height: 1000 } });
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
    assert.equal(await page.getByTestId('kpi-change').count(), 10, 'every KPI card has a change line');

    if (expected.export) {
      await page.getByTestId('dashboard-export').click();
      const done = page.getByTestId('dashboard-export-result');
      await done.waitFor({ timeout: STEP_MS });
      const path = (await done.innerText()).match(/(\/\S+\.xlsx)/)?.[1];
      assert.ok(path && existsSync(path), `the workbook the page names exists (${path})`);
      assert.match(path, /dashboard-\d{4}-\d{2}-\d{2}\.xlsx$/, 'under the name the save dialog proposed');
      assert.ok(statSync(path).size > 0, 'and is not empty');
      assert.equal(readFileSync(path).subarray(0, 2).toString('latin1'), 'PK', 'an XLSX is a ZIP');
    }
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(OUTPUT_DIR, `dashboard-${expected.locale}.png`), fullPage: true });

    // The last 7 days: the cards follow, each compared with the 7 days before.
    const week = await call(url, 'metrics', { shop_id: null, window_days: 7, at: null, from: null });
    await page.getByTestId('dashboard-window').getByText(expected.week, { exact: true }).click();
    const want = expectedChange(week, expected);
    await page.waitForFunction(
      (text) => document.querySelector('[data-testid="kpi-intervention"] [data-testid="kpi-change"]')?.textContent?.includes(text),
      want,
      { timeout: STEP_MS },
    );
    assert.ok(await card.getByTestId('kpi-change').isVisible(), `the intervention card shows "${want}"`);

    if (expected.custom) {
      // Custom, today alone: the engine is asked for today's local midnight to tomorrow's.
      await page.getByTestId('dashboard-window').getByText(expected.custom, { exact: true }).click();
      const asked = page.waitForRequest((request) => request.url().endsWith('/api/metrics') && JSON.parse(request.postData() ?? '{}').input?.from, {
        timeout: STEP_MS,
      });
      const cell = page.locator(`.ant-picker-dropdown .ant-picker-cell-in-view[title="${today()}"]`).first();
      await cell.click({ timeout: STEP_MS });
      await cell.click({ timeout: STEP_MS });
      const { input } = JSON.parse((await asked).postData());
      const midnight = new Date();
      midnight.setHours(0, 0, 0, 0);
      assert.equal(input.from, midnight.toISOString(), 'from: today at midnight');
      assert.equal(Date.parse(input.at) - Date.parse(input.from), 86_400_000, 'at: the midnight after (no clock change today)');
      await page.getByTestId('dashboard-period').waitFor({ timeout: STEP_MS });
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(OUTPUT_DIR, `dashboard-custom-${expected.locale}.png`) });
    }
    assert.deepEqual(pageErrors, [], 'no uncaught error in the page');
  });
}
