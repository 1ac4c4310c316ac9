import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UiLanguage } from '../bindings';
import { persistLanguage, startLanguage } from './persistedLanguage';

const KEY = 'aftersales.language';

function engine(answer: UiLanguage | 'never') {
  return {
    uiLanguage: vi.fn(() => (answer === 'never' ? new Promise<UiLanguage>(() => undefined) : Promise.resolve(answer))),
    setUiLanguage: vi.fn(async ({ language }: { language: UiLanguage }) => language),
  };
}

describe('startLanguage', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.useRealTimers());

  it('first start: the engine answers with the desktop language, remembered here', async () => {
    const backend = engine('zh-CN');
    expect(await startLanguage(backend)).toBe('zh-CN');
    expect(localStorage.getItem(KEY)).toBe('zh-CN');
    expect(backend.setUiLanguage).not.toHaveBeenCalled();
  });

  it("the merchant's last pick wins over the desktop's, and the engine is told", async () => {
    localStorage.setItem(KEY, 'en');
    const backend = engine('zh-CN');
    expect(await startLanguage(backend)).toBe('en');
    expect(backend.uiLanguage).not.toHaveBeenCalled();
    expect(backend.setUiLanguage).toHaveBeenCalledWith({ language: 'en' });
  });

  it("an engine that does not answer: the browser's language after a short wait, nothing remembered", async () => {
    vi.useFakeTimers();
    const started = startLanguage(engine('never'));
    await vi.advanceTimersByTimeAsync(3000);
    expect(['en', 'zh-CN']).toContain(await started);
    expect(localStorage.getItem(KEY)).toBeNull();
  });
});

describe('persistLanguage', () => {
  beforeEach(() => localStorage.clear());

  it('tells the engine of every switch, not of the language it started in', async () => {
    const instance = i18next.createInstance();
    await instance.init({ lng: 'en', resources: {} });
    const backend = engine('en');
    persistLanguage(instance, backend);
    expect(backend.setUiLanguage).not.toHaveBeenCalled();
    await instance.changeLanguage('zh-CN');
    expect(backend.setUiLanguage).toHaveBeenCalledWith({ language: 'zh-CN' });
    expect(localStorage.getItem(KEY)).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
  });
});
