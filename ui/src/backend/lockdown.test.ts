// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The commands the UI calls, read from the one file that calls them. */
function invokedCommands(): string[] {
  const source = readFileSync(here('./Backend.ts'), 'utf8');
  return [...new Set([...source.matchAll(/invoke\('([a-z_]+)'/g)].map((m) => m[1]!))].sort();
}

/** The rows of the engine's command table (src/api/commands.rs): `<kind> <name>(…`. */
function tableRows(): { kind: string; name: string }[] {
  const table = readFileSync(here('../../../src/api/commands.rs'), 'utf8');
  return [...table.matchAll(/^\s+(read|ask|write|own|shell|engine)\s+([a-z_]+)\(/gm)].map((m) => ({ kind: m[1]!, name: m[2]! }));
}

describe('the window’s capability', () => {
  it('grants exactly the app commands the UI calls and hearing events, nothing else of Tauri’s core or of a plugin', () => {
    const capability = JSON.parse(readFileSync(here('../../../src-tauri/capabilities/default.json'), 'utf8')) as {
      windows: string[];
      permissions: string[];
    };
    expect(capability.windows).toEqual(['main']);
    // The shell tells the window what changed as an event (src-tauri/src/changes.rs): hearing it is all of the core.
    const core = capability.permissions.filter((p) => p.includes(':'));
    expect(core.sort()).toEqual(['core:event:allow-listen', 'core:event:allow-unlisten']);
    const granted = capability.permissions.filter((p) => !p.includes(':')).sort();
    expect(granted.every((p) => p.startsWith('allow-')), 'no plugin permission').toBe(true);
    // Tauri names the permission of command `act_case` `allow-act-case`.
    expect(granted.map((p) => p.slice('allow-'.length))).toEqual(invokedCommands().map((c) => c.replaceAll('_', '-')).sort());
  });

  it('every command the UI calls is registered by the shell', () => {
    // The shell registers every command of the engine's table but the engine's own (src-tauri/src/commands/mod.rs).
    const registered = new Set(tableRows().filter((r) => r.kind !== 'engine').map((r) => r.name));
    expect(invokedCommands().filter((c) => !registered.has(c))).toEqual([]);
  });

  it('every command the UI calls is served by the browser tests’ bridge, as the shell serves it', () => {
    // The engine dispatches every row with a call (src/api/invoke.rs); the bridge answers the shell's own.
    const bridge = readFileSync(here('../../../src/bin/aftersales/bridge.rs'), 'utf8');
    const served = new Set([
      ...tableRows().filter((r) => r.kind !== 'shell').map((r) => r.name),
      ...[...bridge.matchAll(/^\s+"([a-z_]+)" =>/gm)].map((m) => m[1]!),
    ]);
    // The recovery screen's own: it runs where the database could not be opened, so there is no engine to serve it.
    const recoveryOnly = ['recover_from_backup'];
    expect(invokedCommands().filter((c) => !served.has(c) && !recoveryOnly.includes(c))).toEqual([]);
    expect(served.size, 'the table was read').toBeGreaterThan(50);
  });
});

describe('the webview’s lockdown', () => {
  const config = JSON.parse(readFileSync(here('../../../src-tauri/tauri.conf.json'), 'utf8')) as { app: { security: { csp: string } } };
  const csp = Object.fromEntries(
    config.app.security.csp.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources];
    }),
  );

  it('runs only the app’s own scripts, frames nothing, loads nothing remote', () => {
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    for (const directive of ['frame-src', 'object-src', 'base-uri', 'form-action']) expect(csp[directive], directive).toEqual(["'none'"]);
    const remote = Object.entries(csp).flatMap(([name, sources]) =>
      (sources as string[]).filter((s) => /^(https?:|\*|wss?:)/.test(s) && s !== 'http://ipc.localhost').map((s) => `${name} ${s}`),
    );
    expect(remote, 'no remote source anywhere').toEqual([]);
  });

  it('has no devtools feature for release builds', () => {
    const manifest = readFileSync(here('../../../src-tauri/Cargo.toml'), 'utf8');
    const tauri = manifest.split('\n').find((l) => l.startsWith('tauri ='));
    expect(tauri).toBeDefined();
    expect(tauri).not.toContain('devtools');
  });
});

describe('text from shops', () => {
  it('is never handed to the browser as HTML: no raw HTML sinks, chart tooltips painted as text', () => {
    const root = here('../');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
    const sinks = files.filter((f) => /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|document\.write/.test(readFileSync(`${root}/${f}`, 'utf8')));
    expect(sinks).toEqual([]);
    const charts = files.filter((f) => readFileSync(`${root}/${f}`, 'utf8').includes('tooltip: {'));
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) expect(readFileSync(`${root}/${chart}`, 'utf8'), chart).toContain("renderMode: 'richText'");
  });
});
