import '@ant-design/v5-patch-for-react-19';
import 'antd/dist/reset.css';
// Ant Design's component styles, written at build time (build/prebuiltAntdStyles.ts).
import 'virtual:antd-styles.css';
import { QueryClient } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createBackend } from './backend';
import { createI18n } from './i18n/createI18n';
import { initialLanguage, persistLanguage } from './i18n/persistedLanguage';

const { backend, changes } = createBackend();
const i18n = createI18n(initialLanguage());
persistLanguage(i18n, backend);

const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false, retry: 1 } },
});

const root = document.getElementById('root');
if (root === null) {
  throw new Error('index.html has no #root element');
}
createRoot(root).render(
  <StrictMode>
    <App backend={backend} changes={changes} memoryRouter={'__TAURI_INTERNALS__' in window} i18n={i18n} queryClient={queryClient} />
  </StrictMode>,
);
