// Shared by the window tests that fill a desk of their own: the CLI, the demo shop on a loopback port, the app's
// process, and X commands. Not a test file itself.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';

/** The engine CLI's answer (AFTERSALES_BIN), trimmed. */
export function cli(env, args) {
  return execFileSync(process.env.AFTERSALES_BIN, args, { encoding: 'utf8', env, maxBuffer: 64 << 20 }).trim();
}

/** The demo shop serving `orders` Shopify orders over a year, its rate limits out of the way of the setup. */
export async function serveDemo(env, orders) {
  const args = ['demo-shop', 'serve', '--orders', String(orders), '--span-days', '365', '--json',
    '--bucket', '1000000', '--leak-per-sec', '1000000', '--graphql-max', '1000000', '--graphql-restore', '1000000'];
  const child = spawn(process.env.AFTERSALES_BIN, args, { env, stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      if (out.includes('\n')) resolve(out.split('\n')[0]);
    });
    child.once('exit', (code) => reject(new Error(`the demo shop exited (${code}) before listening`)));
  });
  return { ...JSON.parse(line), stop: () => child.kill() };
}

/** The app's own process: the one running APP_BIN (started by WebKitWebDriver). */
export function appPid(app) {
  const target = fs.realpathSync(app);
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (fs.readlinkSync(`/proc/${pid}/exe`) === target) return Number(pid);
    } catch {
      // not ours to read, or gone
    }
  }
  return null;
}

/** X's answer to a command (xdotool, ImageMagick), within a minute. */
export function x(command, args) {
  return execFileSync(command, args, { encoding: 'utf8', timeout: 60_000 }).trim();
}

/** Waits for process `pid` to end: asked to (SIGTERM) after 5 s, made to (SIGKILL) after 10 s. */
export async function gone(pid) {
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  for (let waited = 0; alive() && waited < 15_000; waited += 100) {
    if (waited === 5_000) process.kill(pid, 'SIGTERM');
    if (waited === 10_000) process.kill(pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.ok(!alive(), `the WebDriver session's app (${pid}) has ended`);
}
