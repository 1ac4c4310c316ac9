// A page's first visit profiled in WebKit as the app runs it (JavaScriptCore without its JIT, no accelerated
// compositing): Debian's MiniBrowser on the UI served by `aftersales ui-bridge` over a desk's database, driven and
// sampled over WebKit's remote inspector (ScriptProfiler). Prints the time to the page's rows and the functions
// the samples were in (self, and React components inclusive). For the next page-speed step of issue 19; not a test.
//
//   npx vite build --minify false --outDir /tmp/dist-nomin   # readable function names
//   AFTERSALES_BIN=target/release/aftersales DB=/path/desk.db xvfb-run -a node ui/scripts/profile-page.mjs warranty /tmp/dist-nomin
// PROFILE=0 times the page without sampling (the sampler slows it): for comparing two builds, several runs each.
import WebSocket from 'ws';
import { spawn } from 'node:child_process';
const page = process.argv[2] ?? 'warranty';
const dist = process.argv[3] ?? '/tmp/dist-nomin';
if (!process.env.AFTERSALES_BIN || !process.env.DB) throw new Error('AFTERSALES_BIN and DB must be set');
const bridge = spawn(process.env.AFTERSALES_BIN, ['--db', process.env.DB, 'ui-bridge', '--port', '0', '--static', dist], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((r) => bridge.stdout.once('data', (d) => r(JSON.parse(d.toString().split('\n')[0]).url)));
const mb = spawn('/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', ['--enable-developer-extras=true', '--geometry=1280x800', url], {
  env: { ...process.env, JSC_useJIT: process.env.JSC_useJIT ?? 'false', WEBKIT_DISABLE_COMPOSITING_MODE: '1', WEBKIT_INSPECTOR_HTTP_SERVER: '127.0.0.1:9444' }, stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 9000));
const ws = new WebSocket('ws://127.0.0.1:9444/socket/1/1/WebPage');
let id = 0; let target = null; const pending = new Map(); const events = [];
const send = (method, params = {}) => new Promise((res) => { const inner = ++id; pending.set(inner, res);
  ws.send(JSON.stringify({ id: 1000 + inner, method: 'Target.sendMessageToTarget', params: { targetId: target, message: JSON.stringify({ id: inner, method, params }) } })); });
const ready = new Promise((r) => ws.on('message', (m) => { const msg = JSON.parse(m.toString());
  if (msg.method === 'Target.targetCreated') { target = msg.params.targetInfo.targetId; r(); }
  if (msg.method === 'Target.dispatchMessageFromTarget') { const inner = JSON.parse(msg.params.message);
    if (inner.id && pending.has(inner.id)) { pending.get(inner.id)(inner); pending.delete(inner.id); } else if (inner.method) events.push(inner); } }));
await ready;
const evalJs = async (expr) => (await send('Runtime.evaluate', { expression: expr, returnByValue: true })).result?.result?.value;
console.log('rows at start', await evalJs(`document.querySelectorAll('.ant-table-tbody tr[data-row-key]').length`));
if (process.env.PROFILE !== '0') await send('ScriptProfiler.startTracking', { includeSamples: true });
await evalJs(`window.__t = null; (() => { const key = '${page}'; const item = [...document.querySelectorAll('.ant-menu-item')].find((li) => (li.getAttribute('data-menu-id') ?? '').endsWith('-' + key));
  const t0 = performance.now(); item.click(); const check = () => { const root = document.querySelector('[data-page="' + key + '"]');
  if (root && !root.querySelector('.ant-skeleton, .ant-spin-spinning') && root.querySelector('.ant-table-tbody tr[data-row-key], form, .ant-card')) { window.__t = performance.now() - t0; return; } requestAnimationFrame(check); }; requestAnimationFrame(check); })()`);
for (let i = 0; i < 100 && (await evalJs('window.__t')) === null; i++) await new Promise((r) => setTimeout(r, 100));
console.log(page, 'ms', await evalJs('window.__t'));
await new Promise((r) => setTimeout(r, 500));
await send('ScriptProfiler.stopTracking');
await new Promise((r) => setTimeout(r, 1500));
const done = events.find((e) => e.method === 'ScriptProfiler.trackingComplete');
const traces = done?.params?.samples?.stackTraces ?? [];
console.log('samples', traces.length);
const self = new Map(); const incl = new Map();
for (const tr of traces) { const frames = tr.stackFrames ?? []; if (!frames.length) continue;
  const top = frames[0]; const k = `${top.name || '(anon)'} :${top.line}`; self.set(k, (self.get(k) ?? 0) + 1);
  const seen = new Set(); for (const f of frames) { const n = f.name || '(anon)'; if (seen.has(n)) continue; seen.add(n); incl.set(n, (incl.get(n) ?? 0) + 1); } }
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${String(v).padStart(5)} ${k}`).join('\n');
console.log('--- self'); console.log(top(self, 25));
console.log('--- inclusive (capitalised)'); console.log(top(new Map([...incl].filter(([k]) => /^[A-Z]/.test(k))), 30));
ws.close(); mb.kill(); bridge.kill(); process.exit(0);
