import type { ImportProfile, Platform, ShopDto } from '../../bindings';
import type { Language } from '../../i18n/languages';

/** The platforms whose back-office exports have profiles. */
const IMPORT_PLATFORMS: readonly Platform[] = ['pdd', 'taobao'];

/** What the engine reads: CSV (UTF-8 or GBK) and XLSX. */
export const IMPORT_ACCEPT = '.csv,.xlsx';

export function isImportFile(name: string): boolean {
  return /\.(csv|xlsx)$/i.test(name);
}

/** The shops a file can go into: Pinduoduo and Taobao, connected or kept by hand. */
export function importShops(shops: ShopDto[]): ShopDto[] {
  return shops.filter((shop) => IMPORT_PLATFORMS.includes(shop.platform));
}

/** The profiles that read exports of this platform (the engine refuses any other). */
export function profilesFor(profiles: ImportProfile[], platform: Platform): ImportProfile[] {
  return profiles.filter((profile) => profile.platform === platform);
}

/**
 * The profile to start with: the after-sales one, since requests are what open cases (a shipped preset before
 * the merchant's own), else the first there is.
 */
export function defaultProfile(profiles: ImportProfile[]): ImportProfile | null {
  const aftersales = profiles.filter((profile) => profile.kind === 'aftersales');
  return aftersales.find((profile) => profile.builtin) ?? aftersales[0] ?? profiles[0] ?? null;
}

/** A profile's name in the language shown, or in the other one when the merchant gave only that. */
export function profileName(profile: ImportProfile, language: Language): string {
  const [first, second] = language === 'zh-CN' ? [profile.name_zh, profile.name_en] : [profile.name_en, profile.name_zh];
  return first.trim() || second.trim() || profile.id;
}
