// The session bus as the window tests watch it: dunst as the notification daemon (so a click can be made),
// dbus-monitor printing what the app says on the bus, and the Notify calls read field by field.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Waits until `predicate()` holds; the failure shows what `shown()` returns (the bus, say). */
export async function waitFor(predicate, ms, what, shown = () => '') {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await predicate()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.fail(`${what} within ${ms} ms${shown() ? `; the bus showed:\n${shown().slice(-4000)}` : ''}`);
}

/** Starts dunst with its default configuration and waits until it owns the notification service; returns it. */
export async function startDunst(env, logPath) {
  const log = fs.openSync(logPath, 'w');
  const dunst = spawn('dunst', ['-verbosity', 'info'], { env, stdio: ['ignore', log, log] });
  await waitFor(
    () => {
      try {
        // Asked of the bus itself: asking dunst before it owns the name would have D-Bus start a second one.
        const owner = execFileSync(
          'dbus-send',
          ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.Notifications'],
          { env, encoding: 'utf8' },
        );
        return /boolean true/.test(owner);
      } catch {
        return false;
      }
    },
    15_000,
    'dunst answering on the session bus',
  );
  return dunst;
}

/** dbus-monitor with the given match rules; `text()` is everything it printed so far. */
export function monitorBus(rules) {
  let text = '';
  const monitor = spawn('dbus-monitor', ['--session', ...rules], { stdio: ['ignore', 'pipe', 'pipe'] });
  monitor.stdout.on('data', (c) => {
    text += c.toString('utf8');
  });
  return { text: () => text, stop: () => monitor.kill() };
}

/**
 * The Notify calls dbus-monitor printed, each read by the method's signature (susssasa{sv}i): app name,
 * replaces id, icon, summary, body, actions (identifier and label pairs), hints, timeout.
 */
export function notifyCalls(bus) {
  return bus
    .split(/^method call /m)
    .filter((block) => block.includes('member=Notify'))
    .map((block) => {
      // One token per line: an array opens or closes, or a string (which may run over several lines) or number.
      const token = /^[ \t]*(?:(array \[)|(\])|string "([\s\S]*?)"$|(?:uint32|int32) (-?\d+))/gm;
      const top = [];
      const actions = [];
      let depth = 0;
      let arrays = 0;
      for (const [, open, close, text, number] of block.matchAll(token)) {
        if (open) {
          depth += 1;
          arrays += 1;
        } else if (close) {
          depth -= 1;
        } else if (depth === 0) {
          top.push(text ?? number);
        } else if (arrays === 1) {
          actions.push(text ?? number);
        }
      }
      const [app, replaces, icon, summary, body, timeout] = top;
      return { app, replaces, icon, summary, body, actions, timeout };
    });
}

/**
 * A fresh desktop for one test: the built app and CLI checked, a session bus required, and a home of its own (the
 * app's database, and nothing written into the real user's autostart or settings), in English.
 */
export function freshDesktop(prefix, outDir) {
  const app = process.env.APP_BIN;
  const bin = process.env.AFTERSALES_BIN;
  assert.ok(app && fs.existsSync(app), `APP_BIN must point at the built app (got ${app})`);
  assert.ok(bin && fs.existsSync(bin), `AFTERSALES_BIN must point at the CLI (got ${bin})`);
  assert.ok(process.env.DBUS_SESSION_BUS_ADDRESS, 'a session bus: run under dbus-run-session');
  fs.mkdirSync(outDir, { recursive: true });
  const home = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const db = path.join(home, 'desk.db');
  const env = { ...process.env, HOME: home, AFTERSALES_DB: db, AFTERSALES_CREDENTIALS: 'file', LANG: 'en_US.UTF-8', LANGUAGE: 'en' };
  return { app, bin, home, db, env };
}
