// Shared by the browser tests: Debian's chromium through playwright-core, and the real engine behind its
// loopback bridge (`aftersales ui-bridge`) on a fresh database. Not a test file itself (no .test. in the name).
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const UI_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST_DIR = join(UI_DIR, 'dist');
export const OUTPUT_DIR = resolve(process.env.TEST_OUTPUT_DIR ?? join(UI_DIR, 'test-output'));
const BRIDGE_START_MS = 30_000;

export function findChromium() {
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  } catch {
    assert.fail('chromium is not on PATH: apt-get install -y --no-install-recommends chromium');
  }
}

/** The engine CLI the tests drive; fails (never skips) when it is not there. */
export function engineBinary() {
  const bin = process.env.AFTERSALES_BIN;
  assert.ok(bin, 'AFTERSALES_BIN is not set: point it at the engine CLI binary (e.g. AFTERSALES_BIN=target/debug/aftersales)');
  assert.ok(existsSync(bin), `AFTERSALES_BIN=${bin} does not exist`);
  assert.ok(existsSync(join(DIST_DIR, 'index.html')), `${DIST_DIR}/index.html is missing: run npm run build in ui/ first`);
  mkdirSync(OUTPUT_DIR, { recursive: true });
  return bin;
}

/**
 * Chromium and the engine CLI for the test file that calls it, as `run.browser` and `run.bin`: started before its
 * first test, closed after its last.
 */
export function perFile() {
  const run = { browser: null, bin: null };
  before(async () => {
    run.bin = engineBinary();
    run.browser = await launchChromium();
  });
  after(async () => {
    await run.browser?.close();
  });
  return run;
}

export function launchChromium() {
  return chromium.launch({
    executablePath: findChromium(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Starts `aftersales ui-bridge` on a fresh database and resolves with its URL and a stop function. */
export function startBridge(bin, dbDir) {
  const child = spawn(bin, ['--db', join(dbDir, 'desk.db'), 'ui-bridge', '--port', '0', '--static', DIST_DIR], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-8_000);
  });
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  const url = new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`ui-bridge printed no {"url": …} line within ${BRIDGE_START_MS} ms; stderr:\n${stderr}`));
    }, BRIDGE_START_MS);
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolveUrl(JSON.parse(line).url);
      } catch {
        stop();
        reject(new Error(`ui-bridge's first stdout line is not {"url": …} JSON: ${line}`));
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`ui-bridge exited (code ${code}, signal ${signal}) before printing its URL; stderr:\n${stderr}`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${bin}: ${error.message}`));
    });
  });
  return { url, stop, stderr: () => stderr };
}

/**
 * A fresh desk for test `t`: a database folder of its own (`aftersales-<name>-…`) and the engine's bridge over it,
 * both gone after the test. Resolves with the bridge's URL and the folder.
 */
export async function freshDesk(t, bin, name) {
  const dbDir = mkdtempSync(join(tmpdir(), `aftersales-${name}-`));
  const bridge = startBridge(bin, dbDir);
  t.after(() => {
    bridge.stop();
    rmSync(dbDir, { recursive: true, force: true });
  });
  return { url: await bridge.url, dbDir };
}

/** Calls an engine command through the bridge, as the UI does; rejects with the engine's {code, message}. */
export async function call(url, command, input) {
  const response = await fetch(`${url}/api/${command}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input === undefined ? {} : { input }),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`${command}: ${body.code}: ${body.message}`);
  return body;
}
