// An answer carried to the platform, in a real browser against the real engine (the loopback bridge) and a
// Shopify demo shop slowed down (`latency_ms`), in Chinese (the merchants' first language):
//   a synced return the buyer REQUESTED → Approve shows what goes to Shopify (returnApproveRequest) → sent:
//   the case is queued, then sent and waiting for the platform (its answer deadline still running, not met) →
//   the platform accepts → the answer is "accepted at <time>" and the merchant-response deadline is met at the
//   platform's time (Shopify's rules have no platform deadline for it: the shop's first-answer target).
//
//   AFTERSALES_BIN=target/debug/aftersales node --test ui/tests/browser/outbox.test.mjs
//
// Needs ui/dist (npm run build) and chromium on PATH. Screenshots go to $TEST_OUTPUT_DIR (default ui/test-output/).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, test } from 'node:test';
import { DIST_DIR, OUTPUT_DIR, call, engineBinary, launchChromium } from './harness.mjs';

const START_MS = 30_000;
const STEP_MS = 30_000;
/** Enough orders that some of their returns are REQUESTED and recent (the demo's statuses are drawn at random). */
const ORDERS = 300;
/** Every call to the shop takes this long: the answer is visibly on its way before Shopify takes it. */
const LATENCY = 'latency_ms=2500';
/** `src-tauri/src/clicks.rs` and `ui/src/pages/reminderClick.ts`: how the shell opens a case in the window. */
const OPEN_CASE_EVENT = 'aftersales:reminder-click';

/** Starts the engine CLI with `args`; resolves with the JSON of its first stdout line. */
function startCli(label, args, children) {
  const child = spawn(process.env.AFTERSALES_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-8_000);
  });
  children.push(child);
  const json = new Promise((resolveJson, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label} printed no JSON line within ${START_MS} ms; stderr:\n${stderr}`)), START_MS);
    createInterface({ input: child.stdout }).once('line', (line) => {
      clearTimeout(timer);
      try {
        resolveJson(JSON.parse(line));
      } catch {
        reject(new Error(`${label}'s first stdout line is not JSON: ${line}`));
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (code ${code}, signal ${signal}) before printing its JSON line; stderr:\n${stderr}`));
    });
  });
  json.catch(() => undefined);
  return json;
}

async function stopAll(children) {
  await Promise.all(
    children.map(
      (child) =>
        new Promise((done) => {
          if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return done();
          const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
          child.once('exit', () => {
            clearTimeout(kill);
            done();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

/**
 * The deadline a merchant's answer meets: the platform's own (`merchant_response`) where its rules have one;
 * Shopify's pack has none, so there it is the shop's service target for the first answer (`first_response`).
 */
const ANSWER_CLOCKS = ['merchant_response', 'first_response'];

/** A synced return the buyer requested, its answer deadline still running: the case this test approves. */
async function requestedReturn(url, shopId) {
  const page = await call(url, 'list_cases', { shop_id: shopId, status: 'requested', case_type: null, due_within_hours: null, limit: 500, offset: 0 });
  for (const summary of page.cases) {
    if (summary.source !== 'platform') continue;
    const detail = await call(url, 'get_case', { id: summary.id });
    const clock = detail.clocks.find((c) => ANSWER_CLOCKS.includes(c.kind) && c.outcome === 'running');
    if (detail.actions.includes('approve') && clock !== undefined) return { detail, clock };
  }
  assert.fail(`no requested Shopify return with a running answer deadline among ${page.cases.length} requested cases of the demo shop`);
}

let browser;

before(async () => {
  engineBinary();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
});

test('an approval goes to Shopify: queued, sent, then accepted, its deadline met at the platform’s time (zh-CN)', { timeout: 300_000 }, async () => {
  const children = [];
  const dbDir = mkdtempSync(join(tmpdir(), 'aftersales-outbox-ui-'));
  let page;
  try {
    const demo = await startCli(
      'shopify demo shop',
      ['demo-shop', 'serve', '--platform', 'shopify', '--port', '0', '--orders', String(ORDERS), '--json'],
      children,
    );
    const { url } = await startCli('ui-bridge', ['--db', join(dbDir, 'desk.db'), 'ui-bridge', '--port', '0', '--static', DIST_DIR], children);

    // The shop is connected and synced through the engine's door, as the UI's own dialog would.
    const shop = await call(url, 'add_shop', { name: 'Shopify 旗舰店', base_url: demo.url, credentials: { platform: 'shopify', token: demo.token } });
    await call(url, 'sync_shops', { shop_id: shop.id });
    const { detail, clock } = await requestedReturn(url, shop.id);
    const preview = await call(url, 'preview_action', { case_id: detail.case.id, action: 'approve' });
    assert.equal(preview.sends, true, 'approving a synced Shopify return is sent to Shopify');
    assert.match(preview.call ?? '', /returnApproveRequest/);

    // From now on every call to the shop is slow: the answer is seen on its way.
    const slowed = await fetch(`${demo.url}/_demo/faults`, { method: 'POST', headers: { 'x-shopify-access-token': demo.token }, body: LATENCY });
    assert.equal(slowed.status, 200, 'the demo shop took the latency');

    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
    page = await context.newPage();
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.setDefaultTimeout(STEP_MS);
    await page.goto(url);
    await page.getByRole('menuitem', { name: /售后单/ }).first().waitFor();

    // Opened the way the shell opens a case (a clicked reminder).
    await page.evaluate(([name, caseId]) => window.dispatchEvent(new CustomEvent(name, { detail: { caseId } })), [OPEN_CASE_EVENT, detail.case.id]);
    const drawer = page.getByTestId('case-drawer');
    await drawer.waitFor();
    await drawer.getByTestId('case-action-approve').click();

    const shown = page.getByTestId('action-preview');
    await shown.waitFor();
    const shownText = await shown.innerText();
    assert.ok(shownText.includes('将在Shopify执行'), `the dialog says where it goes; it says: ${shownText}`);
    assert.match(shownText, /returnApproveRequest/, 'and the call');
    await page.screenshot({ path: join(OUTPUT_DIR, 'outbox-preview-zh-CN.png') });
    await page.getByTestId('case-action-form').locator('button[type="submit"]').click();
    await page.getByText(`「同意」已发送到Shopify：平台接受后售后单 #${detail.case.id} 才会更新`).waitFor();

    // On its way: queued or sent, the deadline still running and saying it waits for the platform.
    const state = drawer.getByTestId('case-outbox').getByTestId('outbox-state');
    await state.waitFor();
    await drawer.locator('[data-testid="outbox-state"][data-state="sent"]').waitFor({ timeout: STEP_MS });
    assert.match(await state.innerText(), /已发送，等待平台确认/);
    const answerClock = drawer.locator(`[data-testid="clock-row"][data-kind="${clock.kind}"]`).first();
    await answerClock.getByTestId('clock-awaiting-platform').waitFor();
    assert.equal(await answerClock.getByTestId('countdown-chip').count(), 1, 'the deadline is still counting down');
    assert.equal(await answerClock.getByTestId('clock-outcome').count(), 0, 'and is not met before Shopify took the answer');
    await answerClock.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(OUTPUT_DIR, 'outbox-sent-zh-CN.png') });

    // Shopify takes it: accepted at its time, the case moved, the deadline met then.
    const settled = drawer.locator('[data-testid="outbox-state"][data-state="accepted"], [data-testid="outbox-state"][data-state="refused"]');
    await settled.waitFor({ timeout: 90_000 });
    const after = await call(url, 'get_case', { id: detail.case.id });
    const entry = after.outbox.at(-1);
    assert.equal(entry.state, 'accepted', `Shopify accepts the approval (it said: ${entry.platform_message ?? entry.last_error})`);
    assert.match(await state.innerText(), /^平台已于 .+ 接受$/);
    const met = after.clocks.find((c) => c.id === clock.id);
    assert.equal(met.outcome, 'met', 'the answer deadline is met');
    assert.equal(Date.parse(met.stopped_at), Date.parse(entry.accepted_at), 'at the time the platform accepted the answer');
    assert.notEqual(after.case.status, 'requested', 'the case moved on');
    await answerClock.locator('[data-testid="clock-outcome"][data-outcome="met"]').waitFor();
    assert.equal(await answerClock.getByTestId('clock-awaiting-platform').count(), 0);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(OUTPUT_DIR, 'outbox-accepted-zh-CN.png') });

    const writes = await (await fetch(`${demo.url}/_demo/writes`)).json();
    assert.equal(writes.writes.length, 1, 'Shopify got the approval once');
    assert.deepEqual(pageErrors, [], 'no error in the page');
    await context.close();
  } catch (error) {
    if (page) await page.screenshot({ path: join(OUTPUT_DIR, 'outbox-zh-CN-failed.png') }).catch(() => undefined);
    throw error;
  } finally {
    await stopAll(children);
    rmSync(dbDir, { recursive: true, force: true });
  }
});
