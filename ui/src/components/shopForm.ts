import type { ErrorCode, Platform, ShopCredentials } from '../bindings';

/** The platforms a shop can be connected on from the form. */
export const CONNECTABLE = ['shopify', 'woocommerce'] as const;
export type ConnectablePlatform = (typeof CONNECTABLE)[number];

export function isConnectable(platform: Platform): platform is ConnectablePlatform {
  return CONNECTABLE.some((connectable) => connectable === platform);
}

/** What the form holds; only the credential fields of the chosen platform are present. */
export type ShopFormValues = {
  platform: Platform;
  name: string;
  base_url: string;
  token?: string;
  key?: string;
  secret?: string;
};

/** The credential fields each platform asks for. */
export function credentialFields(platform: Platform): ('token' | 'key' | 'secret')[] {
  switch (platform) {
    case 'shopify':
      return ['token'];
    case 'woocommerce':
      return ['key', 'secret'];
    default:
      return [];
  }
}

/**
 * The credentials typed into the form, trimmed; null when none are (editing: keep the stored ones).
 * WooCommerce needs both the key and the secret (the form's rules make sure of that).
 */
export function credentialsFrom(platform: Platform, values: Pick<ShopFormValues, 'token' | 'key' | 'secret'>): ShopCredentials | null {
  const token = values.token?.trim() ?? '';
  const key = values.key?.trim() ?? '';
  const secret = values.secret?.trim() ?? '';
  if (platform === 'shopify' && token !== '') {
    return { platform: 'shopify', token };
  }
  if (platform === 'woocommerce' && key !== '' && secret !== '') {
    return { platform: 'woocommerce', key, secret };
  }
  return null;
}

/** A WooCommerce address that already carries the REST path, which the engine adds itself. */
export function hasWooApiPath(value: string): boolean {
  return /\/wp-json(\/|$)/i.test(value.trim());
}

/** What to check when connecting fails, by the engine's error code. */
export function connectErrorHintKey(code: ErrorCode, platform: Platform) {
  switch (code) {
    case 'auth':
      return platform === 'woocommerce' ? ('connect.hint.authWoocommerce' as const) : ('connect.hint.authShopify' as const);
    case 'network':
      return 'sync.hint.network' as const;
    case 'rate_limited':
      return 'connect.hint.rateLimited' as const;
    default:
      return null;
  }
}
