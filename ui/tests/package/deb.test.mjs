// The .deb as a merchant gets it: its control fields and dependencies (each a real package of this Debian),
// its files (binary, desktop entry, icons), then unpacked into a folder of its own and its binary started
// under Xvfb: a window opens on a fresh database, and on a damaged one the app starts without writing a byte.
//
//   DEB=….deb xvfb-run -a dbus-run-session -- node --test ui/tests/package/   (make test-package)
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const deb = process.env.DEB;
const outDir = process.env.TEST_OUTPUT_DIR ?? path.resolve('test-output');
const run = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8' });

function field(name) {
  return run('dpkg-deb', ['-f', deb, name]).trim();
}

async function waitFor(check, ms, what) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const found = check();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 300));
  }
  assert.fail(`${what} within ${ms} ms`);
}

function windowOf(pid) {
  try {
    return run('xdotool', ['search', '--pid', String(pid), '--name', 'Aftersales Desk']).trim().split('\n')[0] || null;
  } catch {
    return null;
  }
}

/** Starts the unpacked app on `db`; resolves once its window is mapped. */
async function start(t, root, db, name) {
  const log = path.join(outDir, `package-${name}.log`);
  const fd = fs.openSync(log, 'w');
  const app = spawn(path.join(root, 'usr/bin/aftersales-desk'), [], {
    env: { ...process.env, AFTERSALES_DB: db, AFTERSALES_CREDENTIALS: 'file', HOME: path.dirname(db) },
    stdio: ['ignore', fd, fd],
  });
  t.after(() => app.kill('SIGKILL'));
  const win = await waitFor(() => windowOf(app.pid), 60_000, `the ${name} window to open`);
  assert.equal(app.exitCode, null, `the app is still running (see ${log})`);
  const shot = path.join(outDir, `package-${name}.png`);
  // Under load the first frame can be late: the page has drawn when the screen is no longer one flat colour.
  await waitFor(
    () => {
      execFileSync('import', ['-window', 'root', shot]);
      return Number(run('convert', [shot, '-colorspace', 'Gray', '-format', '%[fx:standard_deviation]', 'info:'])) > 0.02;
    },
    60_000,
    `the ${name} window to draw the app (see ${shot})`,
  );
  return { app, win, log };
}

test('the .deb declares its package, its dependencies and its files', () => {
  assert.ok(deb && fs.existsSync(deb), `DEB must point at the built package (got ${deb})`);
  assert.equal(field('Package'), 'aftersales-desk');
  assert.equal(field('Architecture'), 'amd64');
  assert.match(field('Version'), /^\d+\.\d+\.\d+$/);
  assert.match(field('Description'), /After-sales deadlines/);
  const depends = field('Depends').split(',').map((d) => d.trim().split(' ')[0]);
  for (const lib of ['libwebkit2gtk-4.1-0', 'libgtk-3-0', 'libayatana-appindicator3-1']) assert.ok(depends.includes(lib), `depends on ${lib}`);
  for (const dep of depends) {
    const status = run('dpkg-query', ['-W', '-f=${Status}', dep]);
    assert.equal(status, 'install ok installed', `${dep} is a package this Debian has (and installed)`);
  }
  const files = run('dpkg-deb', ['-c', deb]).split('\n').map((l) => l.replace(/^.* (\.\/)?(usr\/)/, '$2'));
  for (const file of [
    'usr/bin/aftersales-desk',
    'usr/share/applications/Aftersales Desk.desktop',
    'usr/share/icons/hicolor/32x32/apps/aftersales-desk.png',
    'usr/share/icons/hicolor/128x128/apps/aftersales-desk.png',
    'usr/share/icons/hicolor/512x512/apps/aftersales-desk.png',
  ]) {
    assert.ok(files.includes(file), `the package holds ${file}`);
  }
});

test('unpacked, the binary opens its window, and a damaged database is left untouched', { timeout: 240_000 }, async (t) => {
  fs.mkdirSync(outDir, { recursive: true });
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'deb-root-'));
  run('dpkg-deb', ['-x', deb, root]);
  const entry = fs.readFileSync(path.join(root, 'usr/share/applications/Aftersales Desk.desktop'), 'utf8');
  assert.match(entry, /^Exec=aftersales-desk$/m);
  assert.match(entry, /^Icon=aftersales-desk$/m);
  assert.match(entry, /^Type=Application$/m);

  // A fresh database: the window opens, the database and its log appear.
  const fresh = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deb-home-')), 'desk.db');
  const first = await start(t, root, fresh, 'fresh');
  assert.ok(fs.existsSync(fresh), 'the app made its database');
  first.app.kill('SIGTERM');
  await new Promise((r) => first.app.once('exit', r));

  // A damaged database beside a good backup: the app starts (on its recovery screen) and writes nothing.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'deb-damaged-'));
  const damaged = path.join(home, 'desk.db');
  const cli = process.env.AFTERSALES_BIN;
  if (cli) {
    execFileSync(cli, ['--db', damaged, 'shop', 'add', 'pdd', '--offline', '--name', 'Shop']);
    execFileSync(cli, ['--db', damaged, 'backup']);
  } else {
    fs.copyFileSync(fresh, damaged);
  }
  // A day after the file's last whole check: the start checks the whole file once a day (a big shop's file takes
  // seconds), so the damage below is found at this start, as it would be the next day at the latest.
  execFileSync('sqlite3', [damaged, "UPDATE settings SET value = '0' WHERE key = 'integrity.quick_check_passed_at'"]);
  const bytes = fs.readFileSync(damaged);
  bytes.fill(0x5a, 4096, 3 * 4096);
  fs.writeFileSync(damaged, bytes);
  const before = createHash('sha256').update(fs.readFileSync(damaged)).digest('hex');
  const second = await start(t, root, damaged, 'damaged');
  const after = createHash('sha256').update(fs.readFileSync(damaged)).digest('hex');
  assert.equal(after, before, 'not a byte of the damaged database was written');
  const logs = fs.readdirSync(path.join(home, 'logs')).map((f) => fs.readFileSync(path.join(home, 'logs', f), 'utf8')).join('');
  assert.match(logs, /failed its integrity check/);
  second.app.kill('SIGTERM');
});
