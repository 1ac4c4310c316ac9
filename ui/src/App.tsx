import { QueryClientProvider, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import type { i18n } from 'i18next';
import { useEffect, useMemo, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { HashRouter, MemoryRouter } from 'react-router';
import type { Backend } from './backend/Backend';
import { BackendProvider } from './backend/BackendContext';
import { invalidateAreas, withCallChanges, type ChangeSource } from './backend/changes';
import { antdLocale } from './i18n/antdLocale';
import { useLanguage } from './i18n/useLanguage';
import { Desk } from './pages/Desk';

/** Ant Design in the current language. */
function LocalizedAntd({ toastSeconds, children }: { toastSeconds?: number; children: ReactNode }) {
  const language = useLanguage();
  return (
    <ConfigProvider locale={antdLocale(language)}>
      <AntApp message={toastSeconds === undefined ? undefined : { duration: toastSeconds }}>{children}</AntApp>
    </ConfigProvider>
  );
}

/** Reads again the queries over whatever the engine reports changed (`backend/changes.ts`). */
function ReadAgainOnChange({ changes }: { changes: ChangeSource }) {
  const queryClient = useQueryClient();
  useEffect(() => changes((areas) => void invalidateAreas(queryClient, areas)), [changes, queryClient]);
  return null;
}

/**
 * The providers around the app: language, engine, data cache, Ant Design. `changes`: where the engine's reports
 * of what changed come from (the shell's events); without it, from the table's areas of each call the window
 * makes (the browser bridge, tests). Tests keep toasts longer than the app's 3 s (`toastSeconds`): on a loaded
 * CI machine a confirmation can leave before the test reads it.
 */
export function Providers({
  backend,
  changes,
  i18n,
  queryClient,
  toastSeconds,
  memoryRouter = false,
  children,
}: {
  backend: Backend;
  changes?: ChangeSource;
  /**
   * The route kept in memory: the desktop window (no address bar nor Back there, and each change of the URL's hash
   * cost WebKit 20–30 ms a page switch, measured by `make bench-window`) and tests (one test's page is not the next
   * one's start). In a plain browser the route is in the URL's hash: an address opens its page, Back goes back.
   */
  memoryRouter?: boolean;
  i18n: i18n;
  queryClient: QueryClient;
  toastSeconds?: number;
  children: ReactNode;
}) {
  const Router = memoryRouter ? MemoryRouter : HashRouter;
  const wired = useMemo(() => (changes === undefined ? withCallChanges(backend) : { backend, changes }), [backend, changes]);
  return (
    <I18nextProvider i18n={i18n}>
      <BackendProvider backend={wired.backend}>
        <QueryClientProvider client={queryClient}>
          <ReadAgainOnChange changes={wired.changes} />
          {/* Not in a transition: a click shows its page at once, as the menu did before the router. */}
          <Router useTransitions={false}>
            <LocalizedAntd toastSeconds={toastSeconds}>{children}</LocalizedAntd>
          </Router>
        </QueryClientProvider>
      </BackendProvider>
    </I18nextProvider>
  );
}

export function App(props: { backend: Backend; changes?: ChangeSource; memoryRouter?: boolean; i18n: i18n; queryClient: QueryClient }) {
  return (
    <Providers {...props}>
      <Desk />
    </Providers>
  );
}
