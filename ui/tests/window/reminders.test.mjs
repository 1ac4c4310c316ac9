// A real notification from the real app, and a click on it: under Xvfb with a session D-Bus (make test-window
// runs this inside dbus-run-session) and dunst as the notification daemon (started here), a Pinduoduo case
// whose 48-hour clock reaches its 1-hour mark seconds after start. The Notify calls are watched on the bus with
// dbus-monitor and read field by field: first the catch-up for the marks passed while the app was closed, then
// the 1-hour mark. Clicking it in dunst (`dunstctl action`, what a mouse click does) brings the window up on the
// due-soon page with the case open, seen through tauri-driver. A second launch hands over to the first and exits.
//
//   APP_BIN=… AFTERSALES_BIN=… xvfb-run -a dbus-run-session -- node --test ui/tests/window/reminders.test.mjs
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { freshDesktop, monitorBus, notifyCalls, startDunst, waitFor } from './bus.mjs';
import { startSession } from './driver.mjs';

const outDir = process.env.TEST_OUTPUT_DIR ?? path.resolve('test-output');
/** Time from start to the 1-hour mark: room for the WebDriver session to come up before it fires. */
const LEAD_SECONDS = 45;

function cli(bin, env, args) {
  return execFileSync(bin, args, { encoding: 'utf8', env }).trim();
}

test('a deadline reaching its 1-hour mark notifies with platform and order; a click opens its case', { timeout: 300_000 }, async (t) => {
  const { app, bin, db, env } = freshDesktop('desk-reminders-', outDir);

  // dunst, so that a click can be made: its default configuration, with its own log.
  const dunst = await startDunst(env, path.join(outDir, 'reminders-dunst.log'));
  t.after(() => dunst.kill());
  const monitor = monitorBus(["interface='org.freedesktop.Notifications',member='Notify'"]);
  t.after(() => monitor.stop());
  await new Promise((r) => setTimeout(r, 500));

  // A Pinduoduo shop kept by hand and a refund request opened 47 hours ago less LEAD_SECONDS: its 48-hour
  // clock has LEAD_SECONDS + 1 hour left, so the 24 h and 4 h marks are past and the 1 h mark is just ahead.
  cli(bin, env, ['--db', db, 'shop', 'add', 'pdd', '--offline', '--name', '拼多多旗舰店']);
  const opened = new Date(Date.now() - 47 * 3_600_000 + LEAD_SECONDS * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
  const caseId = cli(bin, env, ['--db', db, 'cases', 'new', '--shop', '拼多多旗舰店', '--type', 'refund_only', '--amount', '99', '--customer', '张三', '--at', opened]);
  const preview = JSON.parse(cli(bin, env, ['--db', db, 'reminders', 'due', '--json']));
  assert.equal(preview.due.length, 1, 'the CLI shows the one reminder that fires at start');

  const { browser, stop } = await startSession(app, env, path.join(outDir, 'reminders-driver.log'));
  t.after(stop);

  // In the window's language (English here, from the desktop's LANG), whatever the shop sells in.
  const title = `Pinduoduo #${caseId}`;
  const calls = () => notifyCalls(monitor.text());
  const shown = () => monitor.text();
  await waitFor(() => calls().some((c) => c.summary?.startsWith(`${title} · merchant response due in `)), 60_000, 'the catch-up notification for the marks passed while closed', shown);
  // Only the next notification is on screen when it is clicked.
  execFileSync('dunstctl', ['close-all'], { env });
  const before = calls().length;
  await waitFor(
    () => calls().slice(before).some((c) => c.summary === `${title} · merchant response due in 1 h`),
    (LEAD_SECONDS + 45) * 1000,
    'the 1-hour mark as its own notification',
    shown,
  );
  fs.writeFileSync(path.join(outDir, 'reminders-dbus.log'), monitor.text());
  const mark = calls().slice(before).find((c) => c.summary === `${title} · merchant response due in 1 h`);
  assert.match(mark.body, /CNY 99\.00 at stake/, `the body says the money at stake: ${mark.body}`);
  assert.equal(mark.replaces, '0', 'a new notification, not one replacing another');
  assert.equal(mark.actions[0], 'default', `a click is the notification's default action: ${JSON.stringify(mark.actions)}`);
  const count = calls().length;
  await new Promise((r) => setTimeout(r, 3000));
  assert.equal(calls().length, count, 'nothing repeats after the mark fired');

  // The window is on the Orders page when the notification is clicked in dunst.
  await browser.$('[data-testid="due-badge"]').waitForExist({ timeout: 60_000, timeoutMsg: 'the desk is shown' });
  assert.equal(await browser.$('[data-testid="case-drawer"]').isDisplayed(), false, 'no case open before the click');
  await waitFor(() => execFileSync('dunstctl', ['count', 'displayed'], { env, encoding: 'utf8' }).trim() === '1', 10_000, 'dunst showing the 1-hour notification');
  execFileSync('dunstctl', ['action', '0'], { env });
  const drawer = browser.$('[data-testid="case-drawer"]');
  await drawer.waitForDisplayed({ timeout: 20_000, timeoutMsg: 'the click opens the case' });
  await browser.waitUntil(async () => (await drawer.getText()).includes(`Case #${caseId}`), { timeout: 20_000, timeoutMsg: `the drawer shows case ${caseId}` });
  const selected = await browser.$('.ant-menu-item-selected').getText();
  assert.match(selected, /Due soon/, 'on the due-soon page');
  // The picture once the drawer has slid in (its motion classes gone).
  await browser.waitUntil(
    () => browser.execute(() => !document.querySelector('.ant-drawer-content-wrapper')?.className.includes('motion')),
    { timeout: 10_000, timeoutMsg: 'the drawer finished sliding in' },
  );
  await browser.pause(300);
  await browser.saveScreenshot(path.join(outDir, 'reminder-clicked.png'));

  // A second launch hands over to the running app (which shows its window) and exits.
  const second = spawn(app, [], { env, stdio: 'ignore' });
  const code = await new Promise((resolve) => {
    const timer = setTimeout(() => resolve('still running'), 20_000);
    second.once('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  if (code === 'still running') second.kill('SIGKILL');
  assert.equal(code, 0, 'the second instance exits at once');
  assert.match(await browser.getTitle(), /Aftersales Desk|售后/, 'the first keeps running');
});
