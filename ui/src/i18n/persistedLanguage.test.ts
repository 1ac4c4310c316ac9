import i18next from 'i18next';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { UiLanguage } from '../bindings';
import { initialLanguage, persistLanguage } from './persistedLanguage';

const KEY = 'aftersales.language';

function engine() {
  return { setUiLanguage: vi.fn(async ({ language }: { language: UiLanguage }) => language) };
}

async function i18nIn(language: string) {
  const instance = i18next.createInstance();
  await instance.init({ lng: language, resources: {} });
  return instance;
}

beforeEach(() => {
  localStorage.clear();
  delete window.__AFTERSALES_LANGUAGE__;
});

describe('initialLanguage', () => {
  it('first start in the desktop window: the language the shell hands over', () => {
    window.__AFTERSALES_LANGUAGE__ = 'zh-CN';
    expect(initialLanguage()).toBe('zh-CN');
  });

  it("the merchant's last pick wins over the desktop's", () => {
    window.__AFTERSALES_LANGUAGE__ = 'zh-CN';
    localStorage.setItem(KEY, 'en');
    expect(initialLanguage()).toBe('en');
  });

  it("no shell (the browser bridge) and nothing picked: the browser's language", () => {
    window.__AFTERSALES_LANGUAGE__ = 'klingon';
    expect(initialLanguage()).toBe(navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en');
  });
});

describe('persistLanguage', () => {
  it('tells the engine of every switch, not of the language it started in', async () => {
    const instance = await i18nIn('en');
    const backend = engine();
    persistLanguage(instance, backend);
    expect(backend.setUiLanguage).not.toHaveBeenCalled();
    await instance.changeLanguage('zh-CN');
    expect(backend.setUiLanguage).toHaveBeenCalledWith({ language: 'zh-CN' });
    expect(localStorage.getItem(KEY)).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('a pick remembered here that the engine does not hold is told once at start', async () => {
    localStorage.setItem(KEY, 'en');
    window.__AFTERSALES_LANGUAGE__ = 'zh-CN';
    const backend = engine();
    persistLanguage(await i18nIn('en'), backend);
    expect(backend.setUiLanguage).toHaveBeenCalledExactlyOnceWith({ language: 'en' });
  });
});
