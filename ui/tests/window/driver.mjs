// The real app in a WebDriver session: tauri-driver on free loopback ports, started with the environment the
// app should see (its database, its language, its home), and a webdriverio session that launches the app.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { remote } from 'webdriverio';

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForPort(port, ms) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`tauri-driver did not listen on ${port} within ${ms} ms`);
}

/**
 * Starts tauri-driver (its output to `logPath`) and a session on `app`. `stop()` ends the session, then the driver:
 * the other way round the session's last request has nobody to answer it.
 */
export async function startSession(app, env, logPath) {
  const port = await freePort();
  const nativePort = await freePort();
  const log = fs.openSync(logPath, 'w');
  const driver = spawn('tauri-driver', ['--port', String(port), '--native-port', String(nativePort)], { env, stdio: ['ignore', log, log] });
  let browser;
  const stop = async () => {
    if (browser) await browser.deleteSession().catch(() => {});
    driver.kill();
  };
  try {
    await waitForPort(port, 30_000);
    browser = await remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'warn',
      connectionRetryTimeout: 180_000,
      capabilities: { 'tauri:options': { application: app } },
    });
  } catch (e) {
    await stop();
    throw e;
  }
  return { browser, stop };
}
