// The built UI brings Ant Design's styles in its stylesheet (ui/build/prebuiltAntdStyles.ts): opening every page
// of the demo desk writes (almost) none at run time. Fails when the build's styles stop matching the ones the
// components ask for (an Ant Design upgrade, a theme change, a component the extraction does not draw), which
// would bring back a restyle of the whole document per new component on each page's first visit.
//
//   AFTERSALES_BIN=target/debug/aftersales node --test ui/tests/browser/styles.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, freshDesk, perFile } from './harness.mjs';

const PAGES = ['dashboard', 'cases', 'due', 'warranty', 'repairs', 'followups', 'compensation', 'shops', 'settings', 'orders'];
// A page's run-time styles were 30–90 KB each before; what is left is a few rules outside the components' own
// (a high-contrast media query, 129 characters, on settings).
const RUNTIME_LIMIT_CHARS = 2_000;

const run = perFile();

test('styles: every page of the built UI finds its Ant Design styles in the stylesheet', { timeout: 180_000 }, async (t) => {
  const { url } = await freshDesk(t, run.bin, 'styles');
  await call(url, 'start_demo');
  const context = await run.browser.newContext({ locale: 'en', viewport: { width: 1280, height: 800 } });
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('.ant-menu-item', { timeout: 30_000 });

  const inFile = await page.evaluate(() =>
    [...document.styleSheets].some((sheet) => [...sheet.cssRules].some((rule) => rule.selectorText === '.data-ant-cssinjs-cache-path')),
  );
  assert.ok(inFile, "the built stylesheet carries Ant Design's style map (.data-ant-cssinjs-cache-path)");

  // Ant Design marks each style element it writes with the hash of its styles.
  const written = () => page.evaluate(() => [...document.querySelectorAll('style[data-css-hash]')].map((s) => ({ hash: s.dataset.cssHash, chars: s.textContent.length, start: s.textContent.slice(0, 80) })));
  for (const key of PAGES) {
    await page.locator(`.ant-menu-item[data-menu-id$="-${key}"]`).click();
    await page.waitForSelector(`[data-page="${key}"]`, { timeout: 30_000 });
    await page.waitForFunction((key) => !document.querySelector(`[data-page="${key}"] .ant-skeleton, [data-page="${key}"] .ant-spin-spinning`), key, { timeout: 30_000 });
    const styles = await written();
    const chars = styles.reduce((sum, s) => sum + s.chars, 0);
    assert.ok(chars <= RUNTIME_LIMIT_CHARS, `after ${key}, Ant Design wrote ${chars} characters of styles at run time (limit ${RUNTIME_LIMIT_CHARS}): ${JSON.stringify(styles.map((s) => s.start))}`);
  }
});
