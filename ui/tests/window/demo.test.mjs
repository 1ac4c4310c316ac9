// The first minute of a new merchant, in the real app under Xvfb with a session bus and dunst: a fresh data
// folder, "Try the demo shop", and within 60 s Due soon lists a Pinduoduo deadline under 24 hours, a reminder is
// shown (its Notify call seen on the bus), and the tray counts the deadlines (its label read from the tray item on
// the bus). The Due soon page is photographed in English and, after switching, in Chinese (the README's
// screenshots); then "Remove demo data" takes the demo away and the welcome comes back.
//
//   APP_BIN=… AFTERSALES_BIN=… xvfb-run -a dbus-run-session -- node --test ui/tests/window/demo.test.mjs
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { freshDesktop, monitorBus, notifyCalls, startDunst, waitFor } from './bus.mjs';
import { startSession } from './driver.mjs';

const outDir = path.resolve(process.env.TEST_OUTPUT_DIR ?? 'test-output');
const MINUTE = 60_000;
const DAY = 24 * 3_600_000;

/** The tray item's properties on the bus: where it is (from the signals it sent) and its label now. */
function trayLabel(bus, env) {
  const sender = [...bus.matchAll(/^signal .*sender=(\S+) .*path=(\S+); interface=org\.kde\.StatusNotifierItem/gm)].at(-1);
  if (!sender) return null;
  const [, dest, objectPath] = sender;
  try {
    const reply = execFileSync(
      'dbus-send',
      ['--session', '--print-reply', `--dest=${dest}`, objectPath, 'org.freedesktop.DBus.Properties.Get', 'string:org.kde.StatusNotifierItem', 'string:XAyatanaLabel'],
      { env, encoding: 'utf8' },
    );
    return reply.match(/string "(.*)"/)?.[1] ?? null;
  } catch {
    return null;
  }
}

test('Try the demo shop: within a minute a Pinduoduo deadline under 24 h, a reminder and the tray count', { timeout: 400_000 }, async (t) => {
  const { app, bin, db, env } = freshDesktop('desk-demo-', outDir);

  const dunst = await startDunst(env, path.join(outDir, 'demo-dunst.log'));
  t.after(() => dunst.kill());
  const monitor = monitorBus(["interface='org.freedesktop.Notifications',member='Notify'", "interface='org.kde.StatusNotifierItem'"]);
  t.after(() => {
    fs.writeFileSync(path.join(outDir, 'demo-dbus.log'), monitor.text());
    monitor.stop();
  });
  const { browser, stop } = await startSession(app, env, path.join(outDir, 'demo-driver.log'));
  t.after(stop);

  const demo = await browser.$("//button[contains(., 'Try the demo shop')]");
  await demo.waitForDisplayed({ timeout: MINUTE, timeoutMsg: 'the empty state offers the demo shop' });
  await demo.click();
  const clicked = Date.now();

  // Due soon, as the merchant opens it: a Pinduoduo row whose deadline is under 24 hours away.
  const dueItem = await browser.$("//li[contains(@class, 'ant-menu-item')][contains(., 'Due soon')]");
  await dueItem.waitForClickable({ timeout: MINUTE, timeoutMsg: 'the desk shows its menu after the demo started' });
  await dueItem.click();
  let rows = [];
  await waitFor(
    async () => {
      rows = await browser.execute(() =>
        [...document.querySelectorAll('[data-testid="due-row"]')].map((r) => ({ platform: r.getAttribute('data-platform'), due: r.getAttribute('data-due') })),
      );
      return rows.some((r) => r.platform === 'pdd' && Date.parse(r.due) - Date.now() < DAY);
    },
    MINUTE - (Date.now() - clicked),
    'Due soon listing a Pinduoduo deadline under 24 h, a minute from the click',
  );
  const listedAfter = Date.now() - clicked;

  // The reminders, in the window's language: on their own or, several at once, as one digest, where the
  // Pinduoduo answer about to run out is one line.
  const calls = () => notifyCalls(monitor.text());
  const aboutPdd = (c) => `${c.summary}\n${c.body}`.includes('Pinduoduo');
  await waitFor(() => calls().some(aboutPdd), MINUTE - (Date.now() - clicked), 'a reminder about a Pinduoduo deadline shown', monitor.text);
  const notifiedAfter = Date.now() - clicked;
  const reminder = calls().find(aboutPdd);
  assert.match(`${reminder.summary}\n${reminder.body}`, /Pinduoduo \S+ · merchant response/, `the reminder names the platform, the order and the clock: ${reminder.summary}\n${reminder.body}`);

  // The tray counts the deadlines within 24 hours.
  let label = null;
  await waitFor(
    () => {
      label = trayLabel(monitor.text(), env);
      return label !== null && Number.parseInt(label, 10) > 0;
    },
    MINUTE - (Date.now() - clicked),
    'the tray counting the deadlines within 24 h',
    monitor.text,
  );
  const engine = JSON.parse(execFileSync(bin, ['--db', db, 'reminders', 'due', '--json'], { encoding: 'utf8', env }));
  assert.equal(Number.parseInt(label, 10), engine.due_within_24h, `the tray's count (${label}) is the engine's (${engine.due_within_24h})`);
  console.log(`# demo: Due soon listed a Pinduoduo deadline ${listedAfter} ms after the click, the reminder ${notifiedAfter} ms, tray "${label}"`);

  // The README's pictures: Due soon in English, then in Chinese, the getting-started list hidden (as a merchant
  // who read it would) and the "demo ready" message gone, so the deadlines are in the picture.
  await browser.$('[data-testid="getting-started-hide"]').click();
  await browser.$('[data-testid="getting-started"]').waitForExist({ reverse: true, timeout: 10_000 });
  await browser.$('.ant-message-notice').waitForExist({ reverse: true, timeout: 15_000 });
  await browser.pause(800);
  await browser.saveScreenshot(path.join(outDir, 'demo-due-en.png'));
  await browser.$('//*[@aria-label="Language"]/ancestor-or-self::*[contains(@class, "ant-select")]').click();
  await browser.$("//div[contains(@class, 'ant-select-item-option')][contains(., '简体中文')]").click();
  await browser.$("//li[contains(@class, 'ant-menu-item')][contains(., '即将到期')]").waitForDisplayed({ timeout: 10_000 });
  await browser.pause(800);
  await browser.saveScreenshot(path.join(outDir, 'demo-due-zh-CN.png'));

  // Remove demo data: confirmed, the demo shops go and the welcome is back.
  await browser.$('[data-testid="demo-remove"]').click();
  await browser.$('[data-testid="demo-remove-confirm"]').click();
  await browser.$("//*[contains(text(), '欢迎使用售后台')]").waitForDisplayed({ timeout: MINUTE, timeoutMsg: 'the welcome after the demo was removed' });
  const shops = JSON.parse(execFileSync(bin, ['--db', db, 'shop', 'list', '--json'], { encoding: 'utf8', env }));
  assert.deepEqual(shops, [], 'no shop left');
});
