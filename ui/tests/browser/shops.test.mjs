// Connecting real shops through the UI, in a real browser against the real engine (the loopback HTTP bridge)
// and the engine's demo shops served over HTTP, in each language:
//   welcome → "Connect a shop" → WooCommerce, test the connection, connect → the first sync's progress bar
//   → all 3,000 orders synced (Shops page) → a Shopify shop whose token is revoked after it is added
//   → "Sync now" fails with the red headline for the error code and the Shopify hint → remove the WooCommerce shop;
// and, in Chinese, a Pinduoduo shop and a Taobao shop: gateway filled in, test the connection, connect → its first
// sync's orders; and, in English, a Medusa shop: its help and password field, a warned-about …/app address, a
// wrong secret API key refused with Medusa's hint, then the right one → the first sync reads all its orders.
//
//   AFTERSALES_BIN=target/debug/aftersales node --test ui/tests/browser/shops.test.mjs
//
// Needs ui/dist (npm run build) and chromium on PATH. Screenshots go to $TEST_OUTPUT_DIR (default ui/test-output/).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import { DIST_DIR, OUTPUT_DIR, engineBinary, launchChromium } from './harness.mjs';

const START_MS = 30_000;
const SYNC_MS = 180_000;
const STEP_MS = 30_000;
const WOO_ORDERS = 3000;
/** The demo shop's own name and currency (DemoConfig in src/demo_shop/mod.rs). */
const DEMO_SHOP_NAME = 'Aftersales Demo';
const DEMO_CURRENCY = 'CNY';

/**
 * A button's accessible name ending in `text`: an antd icon adds its own name in front ("delete Remove"), and
 * antd puts a space between the two characters of an icon-less two-character Chinese label ("移 除").
 */
function buttonName(text) {
  const escape = (value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const body = /^[\u4e00-\u9fff]{2}$/.test(text) ? [...text].join('\\s?') : escape(text);
  return new RegExp(`(?:^|\\s)${body}$`);
}

/** What each language must show; the same strings as src/i18n/<locale>.json. */
const LOCALES = [
  {
    locale: 'en',
    connect: 'Connect a shop',
    dialogTitle: 'Connect a shop',
    name: 'Shop name',
    wooUrl: 'Site URL',
    key: 'Consumer key',
    secret: 'Consumer secret',
    shopifyUrl: 'Shop URL',
    token: 'Admin API access token',
    test: 'Test connection',
    testOk: `Connected to ${DEMO_SHOP_NAME}`,
    currency: `Currency ${DEMO_CURRENCY}`,
    submit: 'Connect',
    navShops: 'Shops',
    addShop: 'Add shop',
    syncNow: 'Sync now',
    ok: 'OK',
    remove: 'Remove',
    removeTitle: (name) => `Remove ${name}?`,
    removed: (name) => `Shop ${name} removed`,
    authHeadline: 'The shop refused the credentials',
    authHint: 'Create a new Admin API access token in Shopify and enter it under Edit',
    wooName: 'Woo Demo Store',
    shopifyName: 'Shopify Revoked',
  },
  {
    locale: 'zh-CN',
    connect: '连接店铺',
    dialogTitle: '连接店铺',
    name: '店铺名称',
    wooUrl: '站点地址',
    key: 'Consumer Key（消费者密钥）',
    secret: 'Consumer Secret（消费者密钥密文）',
    shopifyUrl: '店铺地址',
    token: 'Admin API 访问令牌',
    test: '测试连接',
    testOk: `连接成功：${DEMO_SHOP_NAME}`,
    currency: `币种 ${DEMO_CURRENCY}`,
    submit: '确认连接',
    navShops: '店铺',
    addShop: '添加店铺',
    syncNow: '立即同步',
    ok: '正常',
    remove: '移除',
    removeTitle: (name) => `移除店铺 ${name}？`,
    removed: (name) => `已移除店铺 ${name}`,
    authHeadline: '店铺拒绝了访问凭证',
    authHint: '请在 Shopify 后台重新生成 Admin API 访问令牌，并在“编辑”中更新',
    wooName: 'Woo 演示店',
    shopifyName: 'Shopify 已吊销',
  },
];

/**
 * Starts the engine CLI with `args` and resolves with the JSON of the first stdout line (both the bridge and the
 * demo shop print one once listening). `children` collects the process so the caller can stop it, whatever happens.
 */
function startCli(label, args, children) {
  const bin = process.env.AFTERSALES_BIN;
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-8_000);
  });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  const handle = { label, child, stop, stderr: () => stderr };
  children.push(handle);
  const json = new Promise((resolveJson, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`${label} printed no JSON line within ${START_MS} ms; stderr:\n${stderr}`));
    }, START_MS);
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolveJson(JSON.parse(line));
      } catch {
        stop();
        reject(new Error(`${label}'s first stdout line is not JSON: ${line}`));
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (code ${code}, signal ${signal}) before printing its JSON line; stderr:\n${stderr}`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${bin} (${label}): ${error.message}`));
    });
  });
  json.catch(() => undefined); // awaited by the caller; never an unhandled rejection
  return { ...handle, json };
}

/** Stops every child (SIGTERM, then SIGKILL after a grace period) and waits for them to exit. */
async function stopAll(children) {
  await Promise.all(
    children.map(
      ({ child }) =>
        new Promise((resolveExit) => {
          if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
            resolveExit();
            return;
          }
          const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
          child.once('exit', () => {
            clearTimeout(kill);
            resolveExit();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

/** Polls `read` until `check` accepts its value; fails with the last value seen. */
async function poll(what, read, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await read();
    if (check(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(`${what}: not reached within ${timeoutMs} ms; last seen: ${JSON.stringify(last)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

const digits = (text) => Number((text ?? '').replace(/\D/g, ''));

let browser;

before(async () => {
  engineBinary();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

for (const L of LOCALES) {
  test(`connect, sync, a revoked token and remove a shop in ${L.locale}`, { timeout: 420_000 }, async () => {
    const children = [];
    const dbDir = mkdtempSync(join(tmpdir(), 'aftersales-shops-ui-'));
    let context;
    let page;
    let step = 'start';
    try {
      // ---- The engine, a WooCommerce demo shop and the browser ---------------------------------------------
      const woo = startCli(
        'woocommerce demo shop',
        ['demo-shop', 'serve', '--platform', 'woocommerce', '--port', '0', '--orders', String(WOO_ORDERS), '--json', '--faults', 'latency_ms=30'],
        children,
      );
      const bridge = startCli('ui-bridge', ['--db', join(dbDir, 'desk.db'), 'ui-bridge', '--port', '0', '--static', DIST_DIR], children);
      const wooShop = await woo.json;
      const { url } = await bridge.json;
      assert.equal(wooShop.platform, 'woocommerce');
      assert.match(wooShop.key, /^ck_/);
      assert.match(wooShop.secret, /^cs_/);

      context = await browser.newContext({ locale: L.locale, viewport: { width: 1366, height: 820 } });
      // Remembers whether a sync progress bar was ever in the page and what it said: the first sync may be short.
      await context.addInitScript(() => {
        window.__syncProgressSeen = [];
        const record = () => {
          for (const el of document.querySelectorAll('[data-testid="sync-progress"]')) {
            const text = el.textContent ?? '';
            const seen = window.__syncProgressSeen;
            if (seen[seen.length - 1] !== text) seen.push(text);
          }
        };
        new MutationObserver(record).observe(document, { childList: true, subtree: true, characterData: true });
      });
      page = await context.newPage();
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.setDefaultTimeout(STEP_MS);

      // ---- 1. Welcome → Connect a shop → WooCommerce, test, connect --------------------------------------------
      step = 'welcome page';
      await page.goto(url);
      const connectButton = page.getByRole('button', { name: L.connect });
      await connectButton.waitFor({ state: 'visible' });
      await connectButton.click();

      step = 'connect dialog (WooCommerce)';
      let dialog = page.getByRole('dialog').filter({ hasText: L.dialogTitle });
      await dialog.waitFor({ state: 'visible' });
      await dialog.locator('label.ant-radio-button-wrapper', { hasText: 'WooCommerce' }).click();
      await dialog.getByLabel(L.wooUrl, { exact: true }).waitFor({ state: 'visible' });
      await dialog.getByLabel(L.name, { exact: true }).fill(L.wooName);
      await dialog.getByLabel(L.wooUrl, { exact: true }).fill(wooShop.url);
      await dialog.getByLabel(L.key, { exact: true }).fill(wooShop.key);
      await dialog.getByLabel(L.secret, { exact: true }).fill(wooShop.secret);
      await dialog.getByRole('button', { name: L.test }).click();

      step = 'WooCommerce connection test';
      let testResult = dialog.locator('[data-testid="connection-test-result"]');
      await testResult.waitFor({ state: 'visible' });
      let testText = await testResult.innerText();
      assert.ok(testText.includes(L.testOk), `the connection test must name the demo shop ("${L.testOk}"); it says: ${testText}`);
      assert.ok(testText.includes(L.currency), `the connection test must show "${L.currency}"; it says: ${testText}`);
      assert.ok(testText.includes('WooCommerce'), `the connection test must name the platform; it says: ${testText}`);
      await dialog.getByRole('button', { name: buttonName(L.submit) }).click();
      await dialog.waitFor({ state: 'hidden' });
      // A picture of the progress bar when it is caught on screen (the first sync lasts a few seconds); the
      // assertion below does not depend on catching it here.
      await page
        .locator('[data-testid="sync-progress"]')
        .first()
        .waitFor({ state: 'visible', timeout: 10_000 })
        .then(() => page.screenshot({ path: join(OUTPUT_DIR, `shops-progress-${L.locale}.png`) }))
        .catch(() => undefined);

      // ---- 2. The first sync starts by itself: its progress, then all orders ------------------------------------
      step = 'first WooCommerce sync';
      // Connecting leaves the welcome page for the orders page, whose status bar shows each shop's sync.
      const wooStatus = page.locator('[data-testid^="sync-status-"]').filter({ hasText: L.wooName });
      await wooStatus.waitFor({ state: 'visible' });
      await poll(
        'a sync progress bar ([data-testid="sync-progress"]) shows while the first sync runs',
        () => page.evaluate(() => window.__syncProgressSeen.length),
        (count) => count > 0,
        SYNC_MS,
      );
      await poll(
        `the status bar counts all ${WOO_ORDERS} orders once the sync ends`,
        async () => ({
          text: await wooStatus.innerText(),
          running: await wooStatus.locator('[data-testid="sync-progress"], .anticon-spin').count(),
        }),
        ({ text, running }) => running === 0 && digits(text.match(/([\d,]+)\s*(?:orders?|条订单)/)?.[1]) === WOO_ORDERS,
        SYNC_MS,
      );
      const progressSeen = await page.evaluate(() => window.__syncProgressSeen);
      console.log(`[${L.locale}] sync progress texts seen: ${JSON.stringify(progressSeen)}`);

      step = 'Shops page after the sync';
      await page.getByRole('menuitem', { name: L.navShops }).click();
      const shopRows = page.locator('.ant-table-tbody tr[data-row-key]');
      const wooRow = shopRows.filter({ hasText: L.wooName });
      await wooRow.waitFor({ state: 'visible' });
      const headers = await page.locator('.ant-table-thead th').allInnerTexts();
      const cellOf = async (row, header) => {
        const index = headers.findIndex((h) => h.trim() === header);
        assert.ok(index >= 0, `the shops table has a "${header}" column; it has: ${JSON.stringify(headers)}`);
        return (await row.locator('td').nth(index).innerText()).trim();
      };
      const ordersHeader = L.locale === 'en' ? 'Orders' : '订单数';
      await poll(
        `the Shops page counts ${WOO_ORDERS} orders for ${L.wooName}`,
        () => cellOf(wooRow, ordersHeader),
        (text) => digits(text) === WOO_ORDERS,
        STEP_MS,
      );
      assert.equal(await cellOf(wooRow, L.locale === 'en' ? 'Currency' : '币种'), DEMO_CURRENCY);
      assert.equal(await cellOf(wooRow, L.locale === 'en' ? 'Sync status' : '同步状态'), L.ok);
      assert.equal(await wooRow.locator('[data-testid="last-sync-error"]').count(), 0, 'a good sync shows no error');
      await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: STEP_MS }).catch(() => undefined);
      await page.screenshot({ path: join(OUTPUT_DIR, `shops-${L.locale}.png`), fullPage: true });

      // ---- 3. A Shopify shop whose token is refused once it is added -------------------------------------------
      // The test and the add call shop.json once each (calls 1 and 2); the sync's first call (3) is refused.
      step = 'Shopify demo shop with a revoked token';
      const shopify = startCli(
        'shopify demo shop',
        ['demo-shop', 'serve', '--platform', 'shopify', '--port', '0', '--orders', '50', '--json', '--faults', 'revoke_after=2'],
        children,
      );
      const shopifyShop = await shopify.json;
      assert.equal(shopifyShop.platform, 'shopify');

      await page.getByRole('button', { name: L.addShop }).click();
      dialog = page.getByRole('dialog').filter({ hasText: L.dialogTitle });
      await dialog.waitFor({ state: 'visible' });
      await dialog.getByLabel(L.name, { exact: true }).fill(L.shopifyName);
      await dialog.getByLabel(L.shopifyUrl, { exact: true }).fill(shopifyShop.url);
      await dialog.getByLabel(L.token, { exact: true }).fill(shopifyShop.token);
      await dialog.getByRole('button', { name: L.test }).click();
      testResult = dialog.locator('[data-testid="connection-test-result"]');
      await testResult.waitFor({ state: 'visible' });
      testText = await testResult.innerText();
      assert.ok(testText.includes(L.testOk), `the Shopify connection test must name the demo shop; it says: ${testText}`);
      assert.ok(testText.includes(L.currency), `the Shopify connection test must show "${L.currency}"; it says: ${testText}`);
      await dialog.getByRole('button', { name: buttonName(L.submit) }).click();
      await dialog.waitFor({ state: 'hidden' });

      step = 'Sync now on the revoked Shopify shop';
      // Connecting from the Shops page goes to the orders; come back to the Shops page.
      await page.getByRole('menuitem', { name: L.navShops }).click();
      const shopifyRow = shopRows.filter({ hasText: L.shopifyName });
      await shopifyRow.waitFor({ state: 'visible' });
      // The sync started by connecting fails at once; wait for it to end before syncing again.
      const syncNow = shopifyRow.getByRole('button', { name: buttonName(L.syncNow) });
      await syncNow.waitFor({ state: 'visible', timeout: SYNC_MS });
      await poll('the first Shopify sync ends', () => syncNow.isEnabled(), Boolean, SYNC_MS);
      await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: STEP_MS }).catch(() => undefined);
      await syncNow.click();
      // The failed sync is told in a toast, and the row keeps the error in red with what to check.
      const errorToast = page.locator('.ant-message-notice').filter({ has: page.locator('.ant-message-error') }).first();
      await errorToast.waitFor({ state: 'visible', timeout: SYNC_MS });
      console.log(`[${L.locale}] sync error toast: ${await errorToast.innerText().catch(() => '(gone)')}`);
      const lastError = shopifyRow.locator('[data-testid="last-sync-error"]');
      await lastError.waitFor({ state: 'visible', timeout: SYNC_MS });
      const errorText = await lastError.innerText();
      console.log(`[${L.locale}] last sync error: ${JSON.stringify(errorText)}`);
      assert.ok(errorText.includes(L.authHeadline), `the last error must say "${L.authHeadline}"; it says: ${errorText}`);
      assert.ok(errorText.includes(L.authHint), `the last error must hint "${L.authHint}"; it says: ${errorText}`);
      const danger = lastError.locator('.ant-typography-danger');
      assert.equal(await danger.count(), 1, 'the error itself is in red (danger text)');
      assert.ok((await danger.innerText()).includes(L.authHeadline), 'the translated headline is the red line');
      assert.equal(digits(await cellOf(shopifyRow, ordersHeader)), 0, 'a refused shop has no orders');
      // The WooCommerce shop keeps its orders and its good status.
      assert.equal(digits(await cellOf(wooRow, ordersHeader)), WOO_ORDERS);
      await page.screenshot({ path: join(OUTPUT_DIR, `shops-error-${L.locale}.png`), fullPage: true });

      // ---- 4. Remove the WooCommerce shop ----------------------------------------------------------------------
      step = 'remove the WooCommerce shop';
      await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: STEP_MS }).catch(() => undefined);
      await wooRow.getByRole('button', { name: buttonName(L.remove) }).click();
      const confirm = page.locator('.ant-popover:not(.ant-popover-hidden)').filter({ hasText: L.removeTitle(L.wooName) });
      await confirm.waitFor({ state: 'visible' });
      await confirm.getByRole('button', { name: buttonName(L.remove) }).click();
      await wooRow.waitFor({ state: 'detached' });
      await page.locator('.ant-message-notice').filter({ hasText: L.removed(L.wooName) }).waitFor({ state: 'visible' });
      assert.equal(await shopRows.count(), 1, 'only the Shopify shop is left');
      await shopifyRow.waitFor({ state: 'visible' });

      assert.deepEqual(pageErrors, [], 'the page must throw no uncaught error');
    } catch (error) {
      if (page !== undefined) {
        await page
          .screenshot({ path: join(OUTPUT_DIR, `shops-${L.locale}-failed.png`), fullPage: true })
          .catch(() => undefined);
      }
      const logs = children.map((c) => `--- ${c.label} stderr:\n${c.stderr()}`).join('\n');
      error.message = `[${L.locale}] at step "${step}": ${error.message}\n${logs}`;
      throw error;
    } finally {
      await context?.close().catch(() => undefined);
      await stopAll(children);
      rmSync(dbDir, { recursive: true, force: true });
    }
  });
}

/**
 * The Chinese platforms, connected in Chinese (their merchants' language): the gateway is filled in (the demo shop
 * replaces it), the three credentials are typed, and the first sync reads back 7 days of the demo's 90, so only
 * some of the orders arrive.
 */
const CHINESE_PLATFORMS = [
  {
    // Pinduoduo.
    id: 'pdd',
    platform: 'pdd',
    title: 'Pinduoduo',
    label: '拼多多',
    gateway: 'https://gw-api.pinduoduo.com',
    help: ['拼多多开放平台 → 应用管理', '店铺授权给应用后获得，过期后需重新授权', '/api/router'],
    credentials: [
      { field: 'client_id', label: 'Client ID', secret: false },
      { field: 'client_secret', label: 'Client Secret', secret: true },
      { field: 'access_token', label: 'Access Token（访问令牌）', secret: true },
    ],
    orders: 300,
    timeout: 300_000,
  },
  {
    // Taobao is read one day per window, so its first sync is quick.
    id: 'taobao',
    platform: 'taobao',
    title: 'Taobao',
    label: '淘宝',
    gateway: 'https://gw.api.taobao.com',
    help: ['淘宝开放平台 → 控制台 → 应用管理', '店铺授权给应用后获得的 SessionKey', '/router/rest'],
    credentials: [
      { field: 'app_key', label: 'App Key', secret: false },
      { field: 'app_secret', label: 'App Secret', secret: true },
      { field: 'session', label: 'SessionKey（授权会话）', secret: true },
    ],
    orders: 300,
    timeout: 300_000,
  },
];

/** Connects a demo shop of `P` (one of CHINESE_PLATFORMS) in zh-CN, tests it, and checks its first sync's orders. */
async function connectChineseShop(P) {
  const children = [];
  const dbDir = mkdtempSync(join(tmpdir(), `aftersales-shops-${P.id}-`));
  let context;
  let page;
  let step = 'start';
  try {
    const demo = startCli(
      `${P.id} demo shop`,
      ['demo-shop', 'serve', '--platform', P.platform, '--port', '0', '--orders', String(P.orders), '--json'],
      children,
    );
    const bridge = startCli('ui-bridge', ['--db', join(dbDir, 'desk.db'), 'ui-bridge', '--port', '0', '--static', DIST_DIR], children);
    const demoShop = await demo.json;
    const { url } = await bridge.json;
    assert.equal(demoShop.platform, P.platform);
    for (const field of ['url', ...P.credentials.map((c) => c.field)]) {
      assert.ok(typeof demoShop[field] === 'string' && demoShop[field] !== '', `the demo shop prints its ${field}`);
    }

    context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 820 } });
    page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.setDefaultTimeout(STEP_MS);

    step = `connect dialog (${P.title})`;
    await page.goto(url);
    await page.getByRole('button', { name: '连接店铺' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '连接店铺' });
    await dialog.waitFor({ state: 'visible' });
    await dialog.locator('label.ant-radio-button-wrapper', { hasText: P.label }).click();
    const gateway = dialog.getByLabel('网关地址', { exact: true });
    await gateway.waitFor({ state: 'visible' });
    assert.equal(await gateway.inputValue(), P.gateway, 'the gateway is filled in');
    const dialogText = await dialog.innerText();
    for (const expected of P.help) {
      assert.ok(dialogText.includes(expected), `the dialog must say "${expected}"; it says: ${dialogText}`);
    }
    for (const { label, secret } of P.credentials) {
      if (secret) assert.equal(await dialog.getByLabel(label, { exact: true }).getAttribute('type'), 'password');
    }
    await gateway.fill(demoShop.url);
    for (const { field, label } of P.credentials) {
      await dialog.getByLabel(label, { exact: true }).fill(demoShop[field]);
    }
    await dialog.getByRole('button', { name: '测试连接' }).click();

    step = `${P.title} connection test`;
    const testResult = dialog.locator('[data-testid="connection-test-result"]');
    await testResult.waitFor({ state: 'visible' });
    const testText = await testResult.innerText();
    for (const expected of [`连接成功：${DEMO_SHOP_NAME}`, P.label, `币种 ${DEMO_CURRENCY}`, '时区 Asia/Shanghai']) {
      assert.ok(testText.includes(expected), `the connection test must show "${expected}"; it says: ${testText}`);
    }
    // The tested shop's name (Taobao's seller nick; the demo's own name) fills the empty name field.
    const shopName = await dialog.getByLabel('店铺名称', { exact: true }).inputValue();
    assert.equal(shopName, DEMO_SHOP_NAME, 'the tested name fills the empty name');
    assert.ok(testText.includes(`连接成功：${shopName}`), `the test names the shop "${shopName}"; it says: ${testText}`);
    console.log(`[${P.id}] connection test: ${JSON.stringify(testText)}`);
    await dialog.screenshot({ path: join(OUTPUT_DIR, `shops-${P.id}-dialog-zh-CN.png`) });
    await dialog.getByRole('button', { name: buttonName('确认连接') }).click();
    await dialog.waitFor({ state: 'hidden' });

    step = `first ${P.title} sync`;
    const status = page.locator('[data-testid^="sync-status-"]').filter({ hasText: shopName });
    await status.waitFor({ state: 'visible' });
    const synced = await poll(
      'the status bar counts some orders once the first sync ends',
      async () => ({
        text: await status.innerText(),
        running: await status.locator('[data-testid="sync-progress"], .anticon-spin').count(),
      }),
      ({ text, running }) => running === 0 && digits(text.match(/([\d,]+)\s*条订单/)?.[1]) > 0,
      SYNC_MS,
    );
    const count = digits(synced.text.match(/([\d,]+)\s*条订单/)?.[1]);
    console.log(`[${P.id}] first sync: ${count} of ${P.orders} orders`);
    assert.ok(count < P.orders, `7 days of 90 are read back, not all ${P.orders} orders; got ${count}`);
    await page.locator('.ant-table-tbody tr[data-row-key]').first().waitFor({ state: 'visible' });

    step = `Shops page after the ${P.title} sync`;
    await page.getByRole('menuitem', { name: '店铺' }).click();
    const row = page.locator('.ant-table-tbody tr[data-row-key]').filter({ hasText: shopName });
    await row.waitFor({ state: 'visible' });
    const rowText = await row.innerText();
    for (const expected of [P.label, DEMO_CURRENCY, '正常']) {
      assert.ok(rowText.includes(expected), `the shop's row must show "${expected}"; it says: ${rowText}`);
    }
    for (const { field, secret } of P.credentials) {
      if (secret) assert.ok(!rowText.includes(demoShop[field]), `no credential is shown (${field})`);
    }
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: STEP_MS }).catch(() => undefined);
    await page.screenshot({ path: join(OUTPUT_DIR, `shops-${P.id}-zh-CN.png`), fullPage: true });
    assert.deepEqual(pageErrors, [], 'the page must throw no uncaught error');
  } catch (error) {
    await page?.screenshot({ path: join(OUTPUT_DIR, `shops-${P.id}-zh-CN-failed.png`), fullPage: true }).catch(() => undefined);
    const logs = children.map((c) => `--- ${c.label} stderr:\n${c.stderr()}`).join('\n');
    error.message = `[${P.id}] at step "${step}": ${error.message}\n${logs}`;
    throw error;
  } finally {
    await context?.close().catch(() => undefined);
    await stopAll(children);
    rmSync(dbDir, { recursive: true, force: true });
  }
}

for (const P of CHINESE_PLATFORMS) {
  test(`connect a ${P.title} shop, test it and sync its orders in zh-CN`, { timeout: P.timeout }, () => connectChineseShop(P));
}

/**
 * Medusa, connected in English through its Admin API with a secret API key: the help says where the key is made,
 * the key is a password field, a pasted admin-dashboard address (…/app) is warned about, a wrong key is refused
 * with Medusa's hint, and the right one connects. A Medusa first sync reads every order, not a window of days.
 */
const MEDUSA = {
  orders: 300,
  url: 'Backend URL',
  key: 'Secret API key',
  keyHelp: 'Create it in the Medusa admin under Settings → Secret API Keys',
  urlApiPath: 'Enter the backend address only, without /app, /admin or /store; /admin is added for you',
  authHeadline: 'Access was refused',
  authHint: 'Check the secret API key, and that it has not been revoked.',
  wrongKey: 'sk_wrong',
};

test('connect a Medusa shop, a wrong key then the right one, and sync all its orders in en', { timeout: 300_000 }, async () => {
  const children = [];
  const dbDir = mkdtempSync(join(tmpdir(), 'aftersales-shops-medusa-'));
  let context;
  let page;
  let step = 'start';
  try {
    const demo = startCli(
      'medusa demo shop',
      ['demo-shop', 'serve', '--platform', 'medusa', '--port', '0', '--orders', String(MEDUSA.orders), '--json'],
      children,
    );
    const bridge = startCli('ui-bridge', ['--db', join(dbDir, 'desk.db'), 'ui-bridge', '--port', '0', '--static', DIST_DIR], children);
    const demoShop = await demo.json;
    const { url } = await bridge.json;
    assert.equal(demoShop.platform, 'medusa');
    assert.match(demoShop.secret_key, /^sk_/);
    assert.ok(typeof demoShop.url === 'string' && demoShop.url !== '', 'the demo shop prints its url');

    context = await browser.newContext({ locale: 'en', viewport: { width: 1366, height: 820 } });
    page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.setDefaultTimeout(STEP_MS);

    // ---- 1. Welcome → Connect a shop → Medusa: what the dialog asks for ------------------------------------------
    step = 'welcome page';
    await page.goto(url);
    const connectButton = page.getByRole('button', { name: 'Connect a shop' });
    await connectButton.waitFor({ state: 'visible' });
    await connectButton.click();

    step = 'connect dialog (Medusa)';
    const dialog = page.getByRole('dialog').filter({ hasText: 'Connect a shop' });
    await dialog.waitFor({ state: 'visible' });
    await dialog.locator('label.ant-radio-button-wrapper', { hasText: 'Medusa' }).click();
    const backendUrl = dialog.getByLabel(MEDUSA.url, { exact: true });
    const secretKey = dialog.getByLabel(MEDUSA.key, { exact: true });
    await backendUrl.waitFor({ state: 'visible' });
    const dialogText = await dialog.innerText();
    assert.ok(dialogText.includes(MEDUSA.keyHelp), `the dialog must say where the key is made ("${MEDUSA.keyHelp}"); it says: ${dialogText}`);
    assert.equal(await secretKey.getAttribute('type'), 'password', 'the secret API key is a password field');

    // ---- 2. The admin dashboard's address (…/app) is warned about, and fixed ---------------------------------------
    step = 'Medusa URL with /app';
    await backendUrl.fill(`${demoShop.url}/app`);
    // `has` is queried inside each form item, so the label is looked up from the page, not from the dialog.
    const urlItem = dialog.locator('.ant-form-item').filter({ has: page.getByLabel(MEDUSA.url, { exact: true }) });
    const apiPathWarning = urlItem.getByText(MEDUSA.urlApiPath, { exact: true });
    await apiPathWarning.waitFor({ state: 'visible' });
    assert.match((await urlItem.getAttribute('class')) ?? '', /ant-form-item-has-warning/, 'a warning, not an error');
    await backendUrl.fill(demoShop.url);
    await apiPathWarning.waitFor({ state: 'hidden' });

    // ---- 3. A wrong key: refused, with Medusa's hint ---------------------------------------------------------------
    step = 'Medusa connection test with a wrong key';
    await secretKey.fill(MEDUSA.wrongKey);
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    const testResult = dialog.locator('[data-testid="connection-test-result"]');
    const refused = testResult.filter({ has: page.locator('.ant-alert-error') });
    await refused.waitFor({ state: 'visible' });
    const refusedText = await refused.innerText();
    console.log(`[medusa] wrong key: ${JSON.stringify(refusedText)}`);
    for (const expected of [MEDUSA.authHeadline, MEDUSA.authHint]) {
      assert.ok(refusedText.includes(expected), `the refused test must show "${expected}"; it says: ${refusedText}`);
    }
    await dialog.screenshot({ path: join(OUTPUT_DIR, 'shops-medusa-dialog-wrong-key-en.png') });

    // ---- 4. The right key: the shop as Medusa names it -------------------------------------------------------------
    step = 'Medusa connection test';
    await secretKey.fill(demoShop.secret_key);
    // A changed key makes the last result stale: the refusal goes before the new test runs.
    await refused.waitFor({ state: 'detached' });
    await dialog.getByRole('button', { name: 'Test connection' }).click();
    const connected = testResult.filter({ has: page.locator('.ant-alert-success') });
    await connected.waitFor({ state: 'visible' });
    const testText = await connected.innerText();
    console.log(`[medusa] connection test: ${JSON.stringify(testText)}`);
    for (const expected of [`Connected to ${DEMO_SHOP_NAME}`, 'Medusa', `Currency ${DEMO_CURRENCY}`, 'Time zone UTC']) {
      assert.ok(testText.includes(expected), `the connection test must show "${expected}"; it says: ${testText}`);
    }
    const shopName = await dialog.getByLabel('Shop name', { exact: true }).inputValue();
    assert.equal(shopName, DEMO_SHOP_NAME, 'the tested name fills the empty name');
    await dialog.screenshot({ path: join(OUTPUT_DIR, 'shops-medusa-dialog-en.png') });
    await dialog.getByRole('button', { name: buttonName('Connect') }).click();
    await dialog.waitFor({ state: 'hidden' });

    // ---- 5. The first sync reads every order -----------------------------------------------------------------------
    step = 'first Medusa sync';
    const status = page.locator('[data-testid^="sync-status-"]').filter({ hasText: shopName });
    await status.waitFor({ state: 'visible' });
    const started = Date.now();
    await poll(
      `the status bar counts all ${MEDUSA.orders} orders once the first sync ends`,
      async () => ({
        text: await status.innerText(),
        running: await status.locator('[data-testid="sync-progress"], .anticon-spin').count(),
      }),
      ({ text, running }) => running === 0 && digits(text.match(/([\d,]+)\s*orders?/)?.[1]) === MEDUSA.orders,
      SYNC_MS,
    );
    console.log(`[medusa] first sync: all ${MEDUSA.orders} orders, ${Date.now() - started} ms after connecting`);

    // ---- 6. The Shops page: Medusa, the currency, OK, and no secret ------------------------------------------------
    step = 'Shops page after the Medusa sync';
    await page.getByRole('menuitem', { name: 'Shops' }).click();
    const row = page.locator('.ant-table-tbody tr[data-row-key]').filter({ hasText: shopName });
    await row.waitFor({ state: 'visible' });
    const rowText = await row.innerText();
    for (const expected of ['Medusa', DEMO_CURRENCY, 'OK']) {
      assert.ok(rowText.includes(expected), `the shop's row must show "${expected}"; it says: ${rowText}`);
    }
    const headers = await page.locator('.ant-table-thead th').allInnerTexts();
    const ordersIndex = headers.findIndex((h) => h.trim() === 'Orders');
    assert.ok(ordersIndex >= 0, `the shops table has an "Orders" column; it has: ${JSON.stringify(headers)}`);
    assert.equal(digits(await row.locator('td').nth(ordersIndex).innerText()), MEDUSA.orders, `the row counts ${MEDUSA.orders} orders`);
    assert.equal(await row.locator('[data-testid="last-sync-error"]').count(), 0, 'a good sync shows no error');
    const pageText = await page.locator('body').innerText();
    const pageHtml = await page.content();
    for (const secret of [demoShop.secret_key, MEDUSA.wrongKey]) {
      assert.ok(!pageText.includes(secret), `the page text must not show a key (${secret.slice(0, 5)}…)`);
      assert.ok(!pageHtml.includes(secret), `the page must not hold a key (${secret.slice(0, 5)}…)`);
    }
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: STEP_MS }).catch(() => undefined);
    await page.screenshot({ path: join(OUTPUT_DIR, 'shops-medusa-en.png'), fullPage: true });
    assert.deepEqual(pageErrors, [], 'the page must throw no uncaught error');
  } catch (error) {
    await page?.screenshot({ path: join(OUTPUT_DIR, 'shops-medusa-en-failed.png'), fullPage: true }).catch(() => undefined);
    const logs = children.map((c) => `--- ${c.label} stderr:\n${c.stderr()}`).join('\n');
    error.message = `[medusa] at step "${step}": ${error.message}\n${logs}`;
    throw error;
  } finally {
    await context?.close().catch(() => undefined);
    await stopAll(children);
    rmSync(dbDir, { recursive: true, force: true });
  }
});
