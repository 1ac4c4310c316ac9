import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import type { i18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Backend } from './backend/Backend';
import { BackendProvider } from './backend/BackendContext';
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

/**
 * The providers around the app: language, engine, data cache, Ant Design. Tests keep toasts longer than the
 * app's 3 s (`toastSeconds`): on a loaded CI machine a confirmation can leave before the test reads it.
 */
export function Providers({
  backend,
  i18n,
  queryClient,
  toastSeconds,
  children,
}: {
  backend: Backend;
  i18n: i18n;
  queryClient: QueryClient;
  toastSeconds?: number;
  children: ReactNode;
}) {
  return (
    <I18nextProvider i18n={i18n}>
      <BackendProvider backend={backend}>
        <QueryClientProvider client={queryClient}>
          <LocalizedAntd toastSeconds={toastSeconds}>{children}</LocalizedAntd>
        </QueryClientProvider>
      </BackendProvider>
    </I18nextProvider>
  );
}

export function App(props: { backend: Backend; i18n: i18n; queryClient: QueryClient }) {
  return (
    <Providers {...props}>
      <Desk />
    </Providers>
  );
}
