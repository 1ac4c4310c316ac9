import { StyleProvider } from '@ant-design/cssinjs';
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Providers } from '../App';
import type { Backend } from '../backend/Backend';
import { createI18n } from '../i18n/createI18n';
import type { Language } from '../i18n/languages';

/** A backend for component tests that take their data as props: any call is a test bug. */
const unusedBackend = new Proxy({} as Backend, {
  get: (_, command) => () => Promise.reject(new Error(`unexpected backend call ${String(command)}`)),
});

/**
 * Renders inside the app's real providers, in the given language. antd's stylesheet is kept out of the
 * document (the cssinjs "server" mode): jsdom matched every one of its rules on each getComputedStyle, which
 * took four fifths of the suite's time; what a test checks is the DOM and its attributes, not the cascade.
 */
export function renderIn(language: Language, ui: ReactNode, backend: Backend = unusedBackend) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <StyleProvider mock="server">
      <Providers backend={backend} i18n={createI18n(language)} queryClient={queryClient} toastSeconds={120} memoryRouter>
        {ui}
      </Providers>
    </StyleProvider>,
  );
}
