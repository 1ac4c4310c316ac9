import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { prebuiltAntdStyles } from './build/prebuiltAntdStyles.ts';

// Tauri loads the built files from its own protocol (relative base) and the dev server from a fixed port.
export default defineConfig({
  base: './',
  plugins: [react(), prebuiltAntdStyles(fileURLToPath(new URL('./src', import.meta.url)))],
  resolve: {
    // Ant Design's table measures scrollbars by restyling the whole document each mount: src/vendor/scrollBarSize.ts.
    alias: [{ find: /^rc-util\/es\/getScrollBarSize(\.js)?$/, replacement: fileURLToPath(new URL('./src/vendor/scrollBarSize.ts', import.meta.url)) }],
  },
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
  },
  build: {
    outDir: 'dist',
    // A desktop app reads its bundle from disk; one 2.5 MB chunk (antd, echarts) is fine.
    chunkSizeWarningLimit: 3000,
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    // antd's first render in jsdom (CSS-in-JS) takes seconds on a 2-core machine, and a test may wait up to
    // 60 s for one step (setup.ts) on a loaded CI machine.
    testTimeout: 240_000,
  },
});
