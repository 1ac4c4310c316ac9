// One route per page (react-router over the URL's hash): a page opened by its address, the menu moving the
// address, and Back returning to the page before, each page's marker on screen.
//
//   AFTERSALES_BIN=target/debug/aftersales node --test ui/tests/browser/routes.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, freshDesk, perFile } from './harness.mjs';

const run = perFile();

test('routes: a page by its address, the menu, and Back', { timeout: 120_000 }, async (t) => {
  const { url } = await freshDesk(t, run.bin, 'routes');
  await call(url, 'start_demo');
  const context = await run.browser.newContext({ locale: 'en', viewport: { width: 1280, height: 800 } });
  t.after(() => context.close());
  const page = await context.newPage();
  const shown = async (key) => {
    await page.waitForSelector(`[data-page="${key}"]`, { timeout: 30_000 });
    const selected = await page.locator('.ant-menu-item-selected').getAttribute('data-menu-id');
    assert.ok(selected?.endsWith(`-${key}`), `the menu marks ${key} (marked: ${selected})`);
  };

  await page.goto(`${url}/#/warranty`);
  await shown('warranty');
  await page.locator('.ant-menu-item[data-menu-id$="-cases"]').click();
  await shown('cases');
  assert.match(page.url(), /#\/cases$/, 'the address follows the menu');
  await page.goBack();
  await shown('warranty');
  await page.goto(`${url}/#/no-such-page`);
  await shown('orders');
});
