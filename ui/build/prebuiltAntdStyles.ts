import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * Ant Design's styles written at build time instead of in the window. Its CSS-in-JS otherwise builds, hashes and
 * inserts each component's styles the first time a page shows it, and every inserted style element restyles the
 * whole document: with JavaScript interpreted that was a third of a page's first visit (WebKit, 20,000 orders:
 * settings 421–439 → 239–309 ms, warranty 472–505 → 351–368 ms, cases 402–459 → 262–328 ms).
 *
 * `import 'virtual:antd-styles.css'` is, in a production build, the CSS of every component the app imports (read
 * from its sources, so a component used tomorrow is covered) with the map that tells the CSS-in-JS those styles are
 * in a file; a component or theme not in it is styled at run time as before. In the dev server and tests it is
 * empty (their class hashes differ).
 */
export function prebuiltAntdStyles(sourceDir: string): Plugin {
  const id = 'virtual:antd-styles.css';
  // A `.css` id, so Vite's CSS pipeline bundles what `load` returns into the app's stylesheet.
  const resolved = '\0antd-styles.css';
  let production = false;
  return {
    name: 'prebuilt-antd-styles',
    configResolved(config) {
      production = config.command === 'build' && config.mode === 'production';
    },
    resolveId: (source) => (source === id ? resolved : null),
    load(loading) {
      if (loading !== resolved) return null;
      if (!production) return '';
      return execFileSync(process.execPath, [join(import.meta.dirname, 'antd-styles.cjs'), ...antdImports(sourceDir)], {
        cwd: join(import.meta.dirname, '..'),
        env: { ...process.env, NODE_ENV: 'production' },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
    },
  };
}

// Parts the imported components draw with (a table's pagination, spinner, empty state and checkboxes; the
// tooltips and menus inside others) and the App's message and notification holders.
const DRAWN_INSIDE = ['Pagination', 'Spin', 'Empty', 'Checkbox', 'Radio', 'Tooltip', 'Dropdown', 'message', 'notification'];
// Not components with styles of their own, or only providers.
const NOT_STYLED = new Set(['ConfigProvider', 'theme', 'Grid']);

/** The components imported from 'antd' by the app's own sources (tests excluded), with those they draw inside. */
function antdImports(dir: string): string[] {
  const names = new Set(DRAWN_INSIDE);
  for (const file of sourceFiles(dir)) {
    for (const [, list] of readFileSync(file, 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*'antd'/g)) {
      for (const part of (list ?? '').split(',')) {
        const words = part.trim().split(/\s+/);
        if (words[0] === 'type') continue;
        const name = words[0] ?? '';
        if (/^[A-Za-z]+$/.test(name) && !NOT_STYLED.has(name) && /^[A-Z]/.test(name)) names.add(name);
      }
    }
  }
  return [...names].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.parentPath.includes('/test'))
    .map((entry) => join(entry.parentPath, entry.name));
}
