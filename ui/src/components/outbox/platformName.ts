import type { TFunction } from 'i18next';
import type { Platform } from '../../bindings';
import { numberFormat } from '../../i18n/format';

const PLATFORMS: readonly Platform[] = ['shopify', 'woocommerce', 'medusa', 'pdd', 'taobao', 'jd', 'douyin', 'wechat_shop'];

/** A platform id the engine sends as text, named in the merchant's language (the id itself when unknown). */
export function platformName(t: TFunction, platform: string): string {
  const known = PLATFORMS.find((p) => p === platform);
  return known === undefined ? platform : t(`platform.${known}`);
}

/** Minor units of `currency` as the decimal the platform shows ("2500" USD → "25.00"). */
export function minorToDecimal(minor: number | bigint, currency: string): string {
  let digits = 2;
  try {
    digits = numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // An unknown currency code: two decimals, as most have.
  }
  const value = Number(minor) / 10 ** digits;
  return value.toFixed(digits);
}
