// The first start follows the desktop's language: a fresh data folder on a Chinese desktop (LANG=zh_CN.UTF-8)
// opens in Chinese, on any other in English; the choice is recorded, so a later start on another desktop
// language keeps it, and a switch in the window is what the next start opens in.
//
//   APP_BIN=… xvfb-run -a dbus-run-session -- node --test ui/tests/window/locale.test.mjs
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { startSession } from './driver.mjs';

const outDir = path.resolve(process.env.TEST_OUTPUT_DIR ?? 'test-output');
const WELCOME = { en: 'Welcome to Aftersales Desk', zh: '欢迎使用售后台' };

async function welcomeOf(app, home, lang) {
  // Each start with a home of its own would be a new window profile; the same home keeps the window's storage.
  const env = { ...process.env, HOME: home, AFTERSALES_DB: path.join(home, 'desk.db'), LANG: lang, LC_ALL: '', LANGUAGE: '' };
  const { browser, stop } = await startSession(app, env, path.join(outDir, `tauri-driver-locale.log`));
  try {
    const heading = await browser.$(`//*[contains(text(), '${WELCOME.en}') or contains(text(), '${WELCOME.zh}')]`);
    await heading.waitForDisplayed({ timeout: 60_000, timeoutMsg: 'the first start shows its welcome' });
    return { text: await heading.getText() };
  } finally {
    await stop();
  }
}

test('the first start speaks the desktop language and remembers it', { timeout: 300_000 }, async () => {
  const app = process.env.APP_BIN;
  assert.ok(app && fs.existsSync(app), `APP_BIN must point at the built app (got ${app})`);
  fs.mkdirSync(outDir, { recursive: true });

  const chinese = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-locale-zh-'));
  assert.match((await welcomeOf(app, chinese, 'zh_CN.UTF-8')).text, new RegExp(WELCOME.zh), 'a Chinese desktop: Chinese');
  assert.match((await welcomeOf(app, chinese, 'en_US.UTF-8')).text, new RegExp(WELCOME.zh), 'recorded: it stays on another desktop language');

  const english = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-locale-en-'));
  assert.match((await welcomeOf(app, english, 'de_DE.UTF-8')).text, new RegExp(WELCOME.en), 'any other desktop: English');
});
