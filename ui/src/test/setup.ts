import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(cleanup);

// On a loaded 2-core CI machine antd's async form checks, dialogs and selects can take many seconds to
// settle (one re-render of a dialog after a mutation outlasted 15 s once); a test that passes waits no
// longer for this.
configure({ asyncUtilTimeout: 60_000 });

// jsdom has no matchMedia; antd's responsive helpers (Table, Layout.Sider breakpoints) ask for it.
// (Tests that run in the node environment have no window at all.)
if (typeof window !== 'undefined') {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
  // jsdom does not implement pseudo-elements and says so on every antd scrollbar measurement.
  const getComputedStyle = window.getComputedStyle.bind(window);
  window.getComputedStyle = (element: Element) => getComputedStyle(element);
}
