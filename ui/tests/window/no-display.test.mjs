// Started where there is no desktop (no DISPLAY, no WAYLAND_DISPLAY, or a display that cannot be opened), the
// app says so in one line and exits with its own status, without a panic's backtrace and without touching the
// database (nothing is created, migrated or backed up for a window that never opens).
//
//   APP_BIN=target/debug/aftersales-desk node --test ui/tests/window/no-display.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const NO_DISPLAY_EXIT = 3;

function start(display) {
  const app = process.env.APP_BIN;
  assert.ok(app && fs.existsSync(app), `APP_BIN=${app} is the desktop app's binary`);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'aftersales-nodisplay-'));
  const env = { ...process.env, HOME: home, AFTERSALES_DB: path.join(home, 'data', 'desk.db'), RUST_BACKTRACE: '1' };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  Object.assign(env, display);
  const run = spawnSync(app, [], { env, encoding: 'utf8', timeout: 60_000 });
  return { ...run, home, db: env.AFTERSALES_DB };
}

for (const [what, display, says] of [
  ['no display at all', {}, /neither DISPLAY nor WAYLAND_DISPLAY is set/],
  ['a display that cannot be opened', { DISPLAY: ':97' }, /cannot open the display \(DISPLAY=:97\)/],
]) {
  test(`${what}: one clear line, its own exit status, no backtrace, no database`, (t) => {
    const run = start(display);
    t.after(() => fs.rmSync(run.home, { recursive: true, force: true }));
    assert.equal(run.error, undefined, `the app ends by itself: ${run.error}`);
    assert.equal(run.status, NO_DISPLAY_EXIT, `exit status ${run.status}; stderr:\n${run.stderr}`);
    const lines = run.stderr.split('\n').filter((l) => l.trim() !== '');
    assert.equal(lines.length, 1, `one line on stderr:\n${run.stderr}`);
    assert.match(lines[0], /^Aftersales Desk needs a desktop to open its window: /);
    assert.match(lines[0], says);
    assert.doesNotMatch(run.stderr, /panicked|backtrace|RUST_BACKTRACE/);
    assert.equal(fs.existsSync(run.db), false, 'no database file was made');
  });
}
