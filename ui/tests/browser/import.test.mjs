// Importing a Pinduoduo after-sales export in a real browser against the real engine: the file dropped on the
// window opens the import with it; from the Shops page the same file is chosen, previewed (its bad row by line
// and reason), imported, and the requests show up as cases. An export that names a column otherwise is read
// after its mapping is edited and saved as the merchant's own profile.
//
//   AFTERSALES_BIN=target/debug/aftersales node --test ui/tests/browser/
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { OUTPUT_DIR, call, freshDesk, perFile } from './harness.mjs';

const STEP_MS = 30_000;
const FILE_NAME = '拼多多售后导出.csv';
// The headers of Pinduoduo's after-sales export; the third row's amount has three decimals, too many for CNY.
const CSV = [
  '售后编号,订单号,售后类型,售后状态,退款金额(元),申请时间,售后原因,商家编码,商品名称',
  '9001,261127-1001,仅退款,买家申请退款，待商家处理,29.90,2026-11-26 10:00:00,不想要了,CBL-USBC-1M,数据线',
  '9002,261127-1002,退货退款,买家申请退款，待商家处理,59.00,2026-11-26 11:30:00,质量问题,CHG-20W,充电头',
  '9003,261127-1003,仅退款,买家申请退款，待商家处理,12.345,2026-11-26 12:00:00,不想要了,CBL-USBC-1M,数据线',
].join('\n');
const BAD_LINE = '4';

const run = perFile();

/**
 * A fresh engine with a Pinduoduo shop kept by hand (nothing synced, so every case comes from the file), `csv`
 * written next to its database as `fileName`, and a zh-CN page open on the Shops page.
 */
async function openShops(t, name, fileName, csv) {
  const { url, dbDir } = await freshDesk(t, run.bin, name);
  const csvPath = join(dbDir, fileName);
  writeFileSync(csvPath, csv, 'utf8');
  await call(url, 'add_offline_shop', { platform: 'pdd', name: '拼多多旗舰店', time_zone: null, currency: null });

  const context = await run.browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 1200 } });
  t.after(() => context.close());
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(url);
  await page.getByRole('menuitem', { name: /店铺/ }).first().click({ timeout: STEP_MS });
  return { url, csvPath, page, pageErrors };
}

test('import: a Pinduoduo after-sales CSV dropped, previewed with its bad row, imported into cases (zh-CN)', { timeout: 240_000 }, async (t) => {
  const { url, csvPath, page, pageErrors } = await openShops(t, 'import', FILE_NAME, CSV);

  // Dropped on the window (a real DataTransfer with the file), the import opens with it and previews it.
  await page.locator('.ant-layout-content').first().waitFor({ timeout: STEP_MS });
  const cancelled = await page.evaluate(
    ({ name, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'text/csv' }));
      const target = document.querySelector('.ant-layout-content');
      target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
      const drop = new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer });
      target.dispatchEvent(drop);
      return drop.defaultPrevented;
    },
    { name: FILE_NAME, text: CSV },
  );
  assert.ok(cancelled, 'the drop is kept from the browser (which would open the file in place of the app)');
  const form = page.getByTestId('import-form');
  await form.waitFor({ timeout: STEP_MS });
  await form.getByTestId('import-preview').waitFor({ timeout: STEP_MS });
  assert.equal(await form.getByTestId('import-file-name').innerText(), FILE_NAME);
  await page.locator('.ant-modal-close').click();
  await form.waitFor({ state: 'hidden', timeout: STEP_MS });

  // From the Shops page: the shop and its after-sales profile are chosen already; the file is picked.
  await page.getByTestId('shops-import').click();
  await form.waitFor({ timeout: STEP_MS });
  assert.match(await form.getByTestId('import-shop').innerText(), /拼多多旗舰店/);
  assert.match(await form.getByTestId('import-profile').innerText(), /拼多多售后导出/);
  await form.getByTestId('import-file-drop').locator('input[type="file"]').setInputFiles(csvPath);
  const preview = form.getByTestId('import-preview');
  await preview.waitFor({ timeout: STEP_MS });
  assert.equal(await preview.getByTestId('import-encoding').innerText(), 'UTF-8');
  assert.equal(await preview.getByTestId('import-bad-count').innerText(), '1');
  const mapping = await preview.getByTestId('import-mapping').innerText();
  for (const header of ['售后编号', '订单号', '售后类型', '售后状态', '退款金额(元)', '申请时间']) {
    assert.ok(mapping.includes(header), `the mapping shows ${header} as found`);
  }
  const badRow = preview.getByTestId('import-bad-rows').locator('tbody tr').first();
  const badText = await badRow.innerText();
  assert.ok(badText.startsWith(BAD_LINE), `the bad row is line ${BAD_LINE}: ${badText}`);
  assert.match(badText, /12\.345/, 'with why');
  assert.equal(await preview.getByTestId('import-problem').count(), 0, 'every required column is there');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUTPUT_DIR, 'import-preview-zh-CN.png') });

  await form.getByTestId('import-run').click();
  const report = form.getByTestId('import-report');
  await report.waitFor({ timeout: STEP_MS });
  assert.equal(await report.getAttribute('data-written'), 'true', 'the good rows were written');
  const reportText = await report.innerText();
  assert.match(reportText, /已导入 2 行/);
  assert.match(reportText, /新开 2/, 'two cases opened');
  assert.ok(reportText.includes(BAD_LINE) && reportText.includes('12.345'), 'the bad row stays listed');
  await report.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUTPUT_DIR, 'import-report-zh-CN.png') });
  await page.locator('.ant-modal-close').click();
  await form.waitFor({ state: 'hidden', timeout: STEP_MS });

  // The requests are cases now, on the Cases page.
  const cases = await call(url, 'list_cases', { shop_id: null, status: null, case_type: null, due_within_hours: null, limit: 20, offset: 0 });
  assert.equal(cases.total, 2, 'two cases in the engine');
  await page.getByRole('menuitem', { name: /售后单/ }).first().click({ timeout: STEP_MS });
  const rows = page.getByTestId('case-row');
  await rows.first().waitFor({ timeout: STEP_MS });
  assert.equal(await rows.count(), 2, 'both imported requests are listed');
  const listed = await page.locator('.ant-table-tbody').first().innerText();
  assert.match(listed, /拼多多旗舰店/);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUTPUT_DIR, 'import-cases-zh-CN.png') });
  assert.deepEqual(pageErrors, [], 'no uncaught error in the page');
});

// The same export from a back office that calls the refund amount 实退金额: the preset cannot read it.
const RENAMED_FILE = '拼多多售后导出-实退金额.csv';
const RENAMED_CSV = [
  '售后编号,订单号,售后类型,售后状态,实退金额,申请时间,售后原因,商家编码,商品名称',
  '9101,261127-2001,仅退款,买家申请退款，待商家处理,29.90,2026-11-26 10:00:00,不想要了,CBL-USBC-1M,数据线',
  '9102,261127-2002,退货退款,买家申请退款，待商家处理,59.00,2026-11-26 11:30:00,质量问题,CHG-20W,充电头',
].join('\n');

test('import: a renamed column, mapped in the editor, saved as the merchant’s profile and imported (zh-CN)', { timeout: 240_000 }, async (t) => {
  const { url, csvPath, page, pageErrors } = await openShops(t, 'import-map', RENAMED_FILE, RENAMED_CSV);
  await page.getByTestId('shops-import').click({ timeout: STEP_MS });
  const form = page.getByTestId('import-form');
  await form.waitFor({ timeout: STEP_MS });
  await form.getByTestId('import-file-drop').locator('input[type="file"]').setInputFiles(csvPath);

  // The preset looks for 退款金额(元) or 退款金额: the preview says the amount is missing and will not import.
  const preview = form.getByTestId('import-preview');
  await preview.waitFor({ timeout: STEP_MS });
  await preview.getByTestId('import-problem').waitFor({ timeout: STEP_MS });
  assert.match(await preview.getByTestId('import-mapping').locator('[data-field="amount"]').innerText(), /缺少此列.*退款金额\(元\)/);
  assert.ok(await form.getByTestId('import-run').isDisabled(), 'nothing to import yet');

  // Edit mapping: the amount is read from 实退金额, saved under the suggested id and names.
  await preview.getByTestId('import-edit-mapping').click();
  const editor = page.getByTestId('import-profile-form');
  await editor.waitFor({ timeout: STEP_MS });
  assert.equal(await editor.getByTestId('import-editor-id').inputValue(), 'pdd_aftersales_custom');
  assert.equal(await editor.getByLabel('名称（中文）').inputValue(), '拼多多售后导出（自定义）');
  const amount = editor.getByTestId('import-editor-columns').locator('[data-field="amount"]');
  assert.match(await amount.innerText(), /本文件中没有：退款金额\(元\) 或 退款金额/);
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUTPUT_DIR, 'import-editor-zh-CN.png') });
  await amount.click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '实退金额' }).click({ timeout: STEP_MS });
  assert.equal(await amount.locator('.ant-select-selection-item').innerText(), '实退金额');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(OUTPUT_DIR, 'import-editor-mapped-zh-CN.png') });
  await editor.getByTestId('import-editor-save').click();
  await editor.waitFor({ state: 'hidden', timeout: STEP_MS });

  // Saved in the engine as the merchant's own, chosen, and the file read again with it.
  const profiles = await call(url, 'import_profiles', undefined);
  const mine = profiles.find((p) => p.id === 'pdd_aftersales_custom');
  assert.ok(mine, 'the profile is saved');
  assert.equal(mine.builtin, false);
  assert.equal(mine.platform, 'pdd');
  assert.equal(mine.kind, 'aftersales');
  assert.equal(mine.columns.amount, '实退金额');
  assert.equal(mine.columns.request_id, '售后编号|售后单号', 'the fields left alone keep every name the preset had');
  assert.equal(mine.name_zh, '拼多多售后导出（自定义）');
  assert.match(await form.getByTestId('import-profile').innerText(), /拼多多售后导出（自定义）/);
  await preview.waitFor({ timeout: STEP_MS });
  await page.waitForFunction(() => {
    const shown = document.querySelector('[data-testid="import-preview"]');
    return shown !== null && shown.querySelector('[data-testid="import-problem"]') === null;
  }, undefined, { timeout: STEP_MS });
  assert.match(await preview.getByTestId('import-mapping').locator('[data-field="amount"]').innerText(), /实退金额/);
  assert.equal(await preview.getByTestId('import-bad-count').innerText(), '0');

  // Edited again, the merchant's own profile keeps its id: saving replaces it.
  await preview.getByTestId('import-edit-mapping').click();
  await editor.waitFor({ timeout: STEP_MS });
  assert.equal(await editor.getByTestId('import-editor-id').inputValue(), 'pdd_aftersales_custom');
  assert.match(await editor.innerText(), /保存后将替换你的模板“拼多多售后导出（自定义）”/);
  await editor.getByRole('button', { name: /^取\s*消$/ }).click();
  await editor.waitFor({ state: 'hidden', timeout: STEP_MS });

  await form.getByTestId('import-run').click();
  const report = form.getByTestId('import-report');
  await report.waitFor({ timeout: STEP_MS });
  assert.equal(await report.getAttribute('data-written'), 'true');
  const reportText = await report.innerText();
  assert.match(reportText, /已导入 2 行/);
  assert.match(reportText, /新开 2/, 'two cases opened');
  const cases = await call(url, 'list_cases', { shop_id: null, status: null, case_type: null, due_within_hours: null, limit: 20, offset: 0 });
  assert.equal(cases.total, 2, 'two cases in the engine');
  assert.deepEqual(pageErrors, [], 'no uncaught error in the page');
});
