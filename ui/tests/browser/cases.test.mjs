// The Cases page in a real browser against the real engine: a Pinduoduo case with its 48-hour clock shows a
// countdown chip and the rule's source; approving it from the drawer adds the action to the timeline.
//
//   AFTERSALES_BIN=target/debug/aftersales node --test ui/tests/browser/
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { OUTPUT_DIR, call, freshDesk, perFile } from './harness.mjs';

const STEP_MS = 30_000;

const LOCALES = [
  { locale: 'en', menu: /Cases/, board: 'Board', approve: 'Approve', confirm: /^Confirm$/, secondary: 'Secondary' },
  { locale: 'zh-CN', menu: /售后单/, board: '看板', approve: '同意', confirm: /^确\s?认$/, secondary: '二手来源' },
];

const run = perFile();

for (const expected of LOCALES) {
  test(`cases: countdown chip, rule source, an action on the timeline (${expected.locale})`, { timeout: 180_000 }, async (t) => {
    const { url } = await freshDesk(t, run.bin, 'cases');

    // A Pinduoduo shop kept by hand and a refund request opened two hours ago: 46 hours left on the clock.
    const shop = await call(url, 'add_offline_shop', { platform: 'pdd', name: '拼多多旗舰店', time_zone: null, currency: null });
    const opened = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const created = await call(url, 'new_case', {
      shop_id: shop.id,
      order_id: null,
      line_external_id: null,
      case_type: 'refund_only',
      amount: '99.00',
      reason: 'quality.damaged',
      note: null,
      customer: '张三',
      at: opened,
    });
    assert.equal(created.clocks[0].kind, 'merchant_response', 'the engine started Pinduoduo 48-hour clock');

    const context = await run.browser.newContext({ locale: expected.locale, viewport: { width: 1366, height: 860 } });
    t.after(() => context.close());
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url);

    await page.getByRole('menuitem', { name: expected.menu }).first().click({ timeout: STEP_MS });
    const chip = page.getByTestId('countdown-chip').first();
    await chip.waitFor({ timeout: STEP_MS });
    assert.equal(await chip.getAttribute('data-state'), 'ok', 'two hours into 48 the chip is green');
    assert.match(await chip.innerText(), /1\s*(d|天)\s*2[01]/, 'about 46 hours (1 day 21 hours and some) are left');

    await page.getByTestId('case-row').first().click();
    const drawer = page.getByTestId('case-drawer');
    await drawer.waitFor({ timeout: STEP_MS });
    const source = drawer.getByTestId('clock-rule-source').first();
    await source.waitFor({ timeout: STEP_MS });
    const sourceText = await source.innerText();
    assert.match(sourceText, /拼多多/, 'the deadline shows where its number comes from');
    assert.ok(sourceText.includes(expected.secondary), `and how sure that source is (${expected.secondary})`);

    const events = drawer.getByTestId('case-event');
    const before = await events.count();
    await drawer.getByTestId('case-action-approve').click();
    const form = page.getByTestId('case-action-form');
    await form.waitFor({ timeout: STEP_MS });
    await page.getByRole('button', { name: expected.confirm }).last().click();
    await drawer.locator('[data-testid="case-event"][data-kind="approve"]').waitFor({ timeout: STEP_MS });
    assert.equal(await events.count(), before + 1, 'the action is one more event on the timeline');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUTPUT_DIR, `cases-${expected.locale}.png`) });

    // The board shows the same case as a card.
    await page.locator('.ant-drawer-close').first().click();
    await drawer.waitFor({ state: 'hidden', timeout: STEP_MS });
    await page.getByTestId('cases-view-switch').getByText(expected.board).click();
    await page.getByTestId('case-card').first().waitFor({ timeout: STEP_MS });
    await page.screenshot({ path: join(OUTPUT_DIR, `cases-board-${expected.locale}.png`) });
    assert.deepEqual(pageErrors, [], 'no uncaught error in the page');
  });
}
