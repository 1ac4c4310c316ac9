// The warranty and repair ledgers in a real browser against the real engine and the demo shop: look up a
// serial, take the unit in for repair by scanning it, move the ticket to ready, and export the repairs to XLSX
// and CSV (read back from disk); then take a unit without a serial in from its ledger row and see the intake
// photo's thumbnail on its ticket.
//
//   AFTERSALES_BIN=target/debug/aftersales node --test ui/tests/browser/
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { OUTPUT_DIR, call, freshDesk, perFile } from './harness.mjs';

const STEP_MS = 30_000;

/** A 2×2 red PNG: a real picture the browser must decode for its thumbnail. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==',
  'base64',
);

const LOCALES = [
  { locale: 'en', warranty: /Warranty/, repairs: /Repairs/, inWarranty: /In warranty/i, ready: /Ready/, csv: 'CSV', export: /Export/, takeIn: 'Take in for repair' },
  { locale: 'zh-CN', warranty: /保修/, repairs: /维修/, inWarranty: /保修中/, ready: /待取件|已修好/, csv: 'CSV', export: /导出/, takeIn: '送修' },
];

/** A calendar day as the page writes it in that language. */
function shownDay(day, locale) {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(y, m - 1, d));
}

const run = perFile();

for (const expected of LOCALES) {
  test(`ledgers: serial lookup, a repair moved to ready, exports (${expected.locale})`, { timeout: 240_000 }, async (t) => {
    const { url } = await freshDesk(t, run.bin, 'ledgers');

    // The demo shop, synced; a 12-month policy on the SKU of its first order; a serial on one unit.
    await call(url, 'start_demo');
    const orders = await call(url, 'list_orders', { shop_id: null, search: null, limit: 50, offset: 0 });
    const delivered = orders.orders.find((o) => o.lines.length > 0 && o.lines[0].sku && !o.cancelled_at) ?? orders.orders[0];
    const sku = delivered.lines[0].sku;
    const saved = await call(url, 'save_warranty_policy', {
      family_id: null,
      shop_id: null,
      name: '一年保修',
      scope: 'sku',
      scope_value: sku,
      period_count: 12,
      period_unit: 'months',
      coverage: '非人为损坏免费维修',
      labour_free: true,
      parts_free: true,
      return_days: 7,
      exchange_days: 15,
      replacement: 'restart',
    });
    assert.ok(saved.units_created > 0, `the policy on ${sku} gave the ledger units`);
    const units = await call(url, 'warranty_units', { shop_id: null, status: 'in', search: sku, limit: 5, offset: 0 });
    assert.ok(units.units.length > 0, 'a unit in warranty');
    const unit = units.units[0];
    const serial = `SN-${expected.locale}-0001`;
    await call(url, 'set_unit_serial', { unit_id: unit.id, serial });

    const context = await run.browser.newContext({ locale: expected.locale, viewport: { width: 1366, height: 900 } });
    t.after(() => context.close());
    const page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(url);

    // Warranty: the lookup box has the focus; a scanner types the serial and presses Enter.
    await page.getByRole('menuitem', { name: expected.warranty }).first().click({ timeout: STEP_MS });
    const lookup = page.getByTestId('warranty-lookup-input');
    await lookup.waitFor({ timeout: STEP_MS });
    await lookup.click();
    await page.keyboard.type(serial);
    await page.keyboard.press('Enter');
    const result = page.getByTestId('warranty-lookup-result');
    await result.waitFor({ timeout: STEP_MS });
    const card = result.getByTestId('warranty-unit').first();
    assert.equal(await card.getAttribute('data-status'), 'in', 'the unit is in warranty');
    const cardText = await card.innerText();
    assert.ok(cardText.includes(serial), 'the card shows the serial');
    const lastDay = shownDay(unit.last_day, expected.locale);
    assert.ok(cardText.includes(lastDay), `and the last covered day ${lastDay}: ${cardText}`);
    assert.match(cardText, expected.inWarranty);
    await page.screenshot({ path: join(OUTPUT_DIR, `warranty-lookup-${expected.locale}.png`) });

    // Repairs: take it in by scanning the serial; the engine finds the unit and makes warranty the payer.
    await page.getByRole('menuitem', { name: expected.repairs }).first().click({ timeout: STEP_MS });
    await page.getByTestId('repairs-board').waitFor({ timeout: STEP_MS });
    await page.getByTestId('repair-new').click();
    const serialInput = page.getByTestId('repair-new-serial');
    await serialInput.waitFor({ timeout: STEP_MS });
    // The dialog takes the focus while it opens and hands it to the serial field once open, as a scanner's user
    // sees the cursor there: keys typed before that land on the dialog and are lost.
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'repair-new-serial', null, {
      timeout: STEP_MS,
    });
    await page.keyboard.type(serial);
    await page.keyboard.press('Enter');
    await page.getByTestId('repair-new-fault').fill('屏幕不亮 / screen stays dark');
    await page.getByTestId('repair-new-submit').click();
    const drawer = page.getByTestId('repair-drawer');
    await drawer.waitFor({ timeout: STEP_MS });
    await drawer.getByTestId('repair-warranty-last-day').waitFor({ timeout: STEP_MS });
    assert.ok((await drawer.getByTestId('repair-warranty-last-day').innerText()).includes(lastDay), 'the ticket shows the warranty end');
    const tickets = await call(url, 'repairs', { shop_id: null, statuses: [], search: serial, limit: 10, offset: 0 });
    assert.equal(tickets.total, 1, 'one ticket for the serial');
    assert.equal(tickets.repairs[0].payer, 'warranty', 'in warranty and covered: warranty pays');
    const number = tickets.repairs[0].number;

    // Straight to ready (a quick fix skips steps), with the status tag and the engine agreeing.
    await drawer.getByTestId('repair-next-ready').click();
    await page.getByTestId('repair-act-form').waitFor({ timeout: STEP_MS });
    await page.getByTestId('repair-act-submit').click();
    await page.waitForFunction(
      (want) => document.querySelector('[data-testid="repair-status"]')?.textContent?.match(new RegExp(want)) !== null,
      expected.ready.source,
      { timeout: STEP_MS },
    );
    const after = await call(url, 'repair', { id: tickets.repairs[0].id });
    assert.equal(after.repair.status, 'ready', 'the engine has the ticket at ready');
    assert.ok(after.next.includes('returned'), 'and it may go back to the customer next');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUTPUT_DIR, `repair-drawer-${expected.locale}.png`) });

    // The job sheet as the printer gets it: with print media only the sheet is laid out (not the app, the drawer
    // or the preview dialog), with the shop, the ticket and the warranty end; saved as PDF like the print dialog does.
    // Headless Chromium has no print dialog to answer: the call is counted, and the PDF is made below instead.
    await page.evaluate(() => {
      window.__printCalls = 0;
      window.print = () => {
        window.__printCalls += 1;
      };
    });
    await drawer.getByTestId('repair-print').click();
    await page.waitForFunction(() => window.__printCalls === 1, null, { timeout: STEP_MS });
    const sheet = page.getByTestId('job-sheet-print');
    await sheet.waitFor({ state: 'attached', timeout: STEP_MS });
    assert.equal(await sheet.isVisible(), false, 'on screen only the preview shows');
    await page.emulateMedia({ media: 'print' });
    await sheet.waitFor({ state: 'visible', timeout: STEP_MS });
    const shownInPrint = await page.evaluate(() =>
      [...document.body.children].filter((el) => getComputedStyle(el).display !== 'none').map((el) => el.className),
    );
    assert.deepEqual(shownInPrint, ['job-sheet-print'], 'only the sheet is printed');
    assert.equal((await sheet.getByTestId('job-sheet-number').innerText()).trim(), number);
    assert.ok((await sheet.getByTestId('job-sheet-shop').innerText()).trim().length > 0, 'the shop’s name heads the sheet');
    assert.ok((await sheet.getByTestId('job-sheet-warranty').innerText()).includes(lastDay), 'the sheet shows the warranty end');
    await page.screenshot({ path: join(OUTPUT_DIR, `job-sheet-${expected.locale}.png`), fullPage: true });
    const pdf = await page.pdf({ path: join(OUTPUT_DIR, `job-sheet-${expected.locale}.pdf`), format: 'A4' });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-', 'a PDF of the sheet');
    await page.emulateMedia({ media: 'screen' });
    await page.locator('.ant-modal-close').click();
    await sheet.waitFor({ state: 'detached', timeout: STEP_MS });

    await page.locator('.ant-drawer-close').first().click();
    await drawer.waitFor({ state: 'hidden', timeout: STEP_MS });
    await page.getByTestId(`repair-card-${number}`).waitFor({ timeout: STEP_MS });

    // Export: XLSX by default, then CSV; both land on disk (the bridge's stand-in for the save dialog). Every
    // ticket goes (the demo's own repair in progress and this one), as many as the engine lists.
    const everyTicket = await call(url, 'repairs', { shop_id: null, statuses: [], search: null, limit: 100, offset: 0 });
    for (const format of ['xlsx', 'csv']) {
      await page.getByTestId('repairs-export').click();
      const form = page.getByTestId('export-form');
      await form.waitFor({ timeout: STEP_MS });
      await page.getByTestId('export-columns').waitFor({ timeout: STEP_MS });
      if (format === 'csv') await page.getByTestId('export-format').getByText(expected.csv).click();
      await page.getByTestId('export-run').click();
      const done = page.getByTestId('export-result');
      await done.waitFor({ timeout: STEP_MS });
      assert.equal(await done.getAttribute('data-rows'), String(everyTicket.total), `${format}: every ticket exported`);
      const path = (await done.innerText()).match(/(\/\S+\.(xlsx|csv))/)?.[1];
      assert.ok(path && existsSync(path), `${format}: the file the dialog names exists (${path})`);
      const bytes = readFileSync(path);
      if (format === 'xlsx') {
        assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX is a ZIP');
      } else {
        assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'CSV starts with a UTF-8 BOM');
        const text = bytes.toString('utf8');
        assert.ok(text.includes(number) && text.includes('屏幕不亮'), 'the ticket and its Chinese text are in the CSV');
      }
      if (format === 'xlsx') await page.screenshot({ path: join(OUTPUT_DIR, `export-dialog-${expected.locale}.png`) });
      await page.keyboard.press('Escape');
      await form.waitFor({ state: 'hidden', timeout: STEP_MS });
    }

    // Warranty: a unit sold without a serial (nothing to scan) is taken in from its ledger row.
    const ledger = await call(url, 'warranty_units', { shop_id: null, status: 'in', search: sku, limit: 200, offset: 0 });
    const unserialled = ledger.units.find((u) => u.serial === null && u.order_number !== null);
    assert.ok(unserialled, `a unit of ${sku} without a serial`);
    await page.getByRole('menuitem', { name: expected.warranty }).first().click({ timeout: STEP_MS });
    const unitSearch = page.getByTestId('warranty-units-search');
    await unitSearch.waitFor({ timeout: STEP_MS });
    await unitSearch.fill(unserialled.order_number);
    await unitSearch.press('Enter');
    const row = page.locator(`[data-testid="warranty-unit-row"][data-unit-id="${unserialled.id}"]`);
    await row.waitFor({ timeout: STEP_MS });
    const takeIn = row.getByTestId('unit-repair');
    assert.equal((await takeIn.innerText()).trim(), expected.takeIn);
    await takeIn.click();
    const newForm = page.getByTestId('repair-new-form');
    await newForm.waitFor({ timeout: STEP_MS });
    const origin = await newForm.getByTestId('repair-new-origin').innerText();
    assert.ok(origin.includes(unserialled.title) && origin.includes(unserialled.order_number), `the form shows the unit: ${origin}`);
    assert.equal(await newForm.getByTestId('repair-new-serial').count(), 0, 'no serial to scan');
    await newForm.getByTestId('repair-new-fault').fill('按键失灵 / buttons stuck');
    await newForm.getByTestId('repair-new-submit').click();
    const unitDrawer = page.getByTestId('repair-drawer');
    await unitDrawer.waitFor({ timeout: STEP_MS });
    await unitDrawer.getByTestId('repair-warranty-last-day').waitFor({ timeout: STEP_MS });
    const byUnit = (await call(url, 'repairs', { shop_id: null, statuses: [], search: null, limit: 10, offset: 0 })).repairs.find(
      (r) => r.unit_id === unserialled.id,
    );
    assert.ok(byUnit, 'the engine opened the ticket on that unit');
    assert.equal(byUnit.payer, 'warranty', 'in warranty and covered: warranty pays');
    assert.equal(byUnit.order_number, unserialled.order_number, 'with the unit’s order');

    // An intake photo: stored by the engine, read back through repair_photo and shown as a data: thumbnail.
    await unitDrawer.getByTestId('repair-photo-drop').locator('input[type="file"]').setInputFiles({
      name: 'intake.png',
      mimeType: 'image/png',
      buffer: PHOTO,
    });
    const thumb = unitDrawer.locator('img[alt="intake.png"]');
    await thumb.waitFor({ timeout: STEP_MS });
    assert.match((await thumb.getAttribute('src')) ?? '', /^data:image\/png;base64,/, 'the thumbnail is the photo’s bytes');
    await page.waitForFunction(() => document.querySelector('img[alt="intake.png"]')?.naturalWidth === 2, null, { timeout: STEP_MS });
    const photos = (await call(url, 'repair', { id: byUnit.id })).photos;
    assert.equal(photos.length, 1, 'one photo on the ticket');
    const content = await call(url, 'repair_photo', { id: photos[0].id });
    assert.equal(content.content_base64, PHOTO.toString('base64'), 'repair_photo answers the bytes stored');
    // A click lands on the thumbnail's hover mask ("Preview"), as the merchant's does.
    await unitDrawer.locator('.ant-image', { has: page.locator('img[alt="intake.png"]') }).click();
    await page.locator('.ant-image-preview-img').waitFor({ timeout: STEP_MS });
    await page.screenshot({ path: join(OUTPUT_DIR, `repair-photo-${expected.locale}.png`) });
    await page.keyboard.press('Escape');

    assert.deepEqual(pageErrors, [], 'no uncaught error in the page');
  });
}
