import type { ApiError, ErrorCode, Platform, ShopCredentials } from '../bindings';

/** The platforms a shop can be connected on from the form. */
export const CONNECTABLE = ['shopify', 'woocommerce', 'medusa', 'pdd', 'taobao'] as const;
export type ConnectablePlatform = (typeof CONNECTABLE)[number];

export function isConnectable(platform: Platform): platform is ConnectablePlatform {
  return CONNECTABLE.some((connectable) => connectable === platform);
}

/** Pinduoduo's open platform gateway: one address for every shop, so the form fills it in. */
export const PDD_GATEWAY = 'https://gw-api.pinduoduo.com';

/** Taobao's open platform gateway: likewise one address for every shop. */
export const TAOBAO_GATEWAY = 'https://gw.api.taobao.com';

const GATEWAYS: Partial<Record<Platform, string>> = { pdd: PDD_GATEWAY, taobao: TAOBAO_GATEWAY };

/** The address every shop on `platform` uses, which the form fills in; null when each shop has its own. */
export function gatewayOf(platform: Platform): string | null {
  return GATEWAYS[platform] ?? null;
}

/** An address the form filled in for some platform (the merchant did not type it). */
export function isGateway(value: string): boolean {
  return Object.values(GATEWAYS).includes(value.trim());
}

/** The credential fields, named as the engine names them (its validation errors start with the name). */
export type CredentialField =
  | 'token'
  | 'key'
  | 'secret'
  | 'secret_key'
  | 'client_id'
  | 'client_secret'
  | 'access_token'
  | 'app_key'
  | 'app_secret'
  | 'session';

/** What the form holds; only the credential fields of the chosen platform are present. */
export type ShopFormValues = {
  platform: Platform;
  name: string;
  base_url: string;
} & Partial<Record<CredentialField, string>>;

/** The credential fields each platform asks for. */
export function credentialFields(platform: Platform): CredentialField[] {
  switch (platform) {
    case 'shopify':
      return ['token'];
    case 'woocommerce':
      return ['key', 'secret'];
    case 'medusa':
      return ['secret_key'];
    case 'pdd':
      return ['client_id', 'client_secret', 'access_token'];
    case 'taobao':
      return ['app_key', 'app_secret', 'session'];
    default:
      return [];
  }
}

/**
 * The credentials typed into the form, trimmed; null when none are (editing: keep the stored ones).
 * Platforms with several credentials need them all (the form's rules make sure of that).
 */
export function credentialsFrom(platform: Platform, values: Partial<Record<CredentialField, string>>): ShopCredentials | null {
  const typed = (field: CredentialField) => values[field]?.trim() ?? '';
  if (credentialFields(platform).some((field) => typed(field) === '')) {
    return null;
  }
  switch (platform) {
    case 'shopify':
      return { platform, token: typed('token') };
    case 'woocommerce':
      return { platform, key: typed('key'), secret: typed('secret') };
    case 'medusa':
      return { platform, secret_key: typed('secret_key') };
    case 'pdd':
      return { platform, client_id: typed('client_id'), client_secret: typed('client_secret'), access_token: typed('access_token') };
    case 'taobao':
      return { platform, app_key: typed('app_key'), app_secret: typed('app_secret'), session: typed('session') };
    default:
      return null;
  }
}

/** A WooCommerce address that already carries the REST path, which the engine adds itself. */
export function hasWooApiPath(value: string): boolean {
  return /\/wp-json(\/|$)/i.test(value.trim());
}

/**
 * A Medusa address with a path the engine adds itself (/admin, /store), or the admin dashboard's /app (its
 * address bar is where the secret key was made). Only the path counts: a host named "store" is fine.
 */
export function hasMedusaApiPath(value: string): boolean {
  let path: string;
  try {
    path = new URL(value.trim()).pathname;
  } catch {
    return false;
  }
  return /\/(admin|store|app)(\/|$)/i.test(path);
}

/** A Pinduoduo gateway address that already carries the router path, which the engine adds itself. */
export function hasPddRouterPath(value: string): boolean {
  return /\/api\/router(\/|$)/i.test(value.trim());
}

/** A Taobao gateway address that already carries the router path, which the engine adds itself. */
export function hasTaobaoRouterPath(value: string): boolean {
  return /\/router\/rest(\/|$)/i.test(value.trim());
}

/** The address field by platform; `apiPath` spots a path the engine adds itself, and the warning that says so. */
const URL_FIELDS = {
  shopify: { label: 'connect.url', help: null, placeholder: 'https://NAME.myshopify.com', apiPath: null },
  woocommerce: {
    label: 'connect.wooUrl',
    help: 'connect.wooUrlHelp',
    placeholder: 'https://example.com',
    apiPath: { test: hasWooApiPath, warning: 'connect.wooUrlApiPath' },
  },
  medusa: {
    label: 'connect.medusaUrl',
    help: 'connect.medusaUrlHelp',
    placeholder: 'https://shop.example.com',
    apiPath: { test: hasMedusaApiPath, warning: 'connect.medusaUrlApiPath' },
  },
  pdd: {
    label: 'connect.pddUrl',
    help: 'connect.pddUrlHelp',
    placeholder: PDD_GATEWAY,
    apiPath: { test: hasPddRouterPath, warning: 'connect.pddUrlApiPath' },
  },
  taobao: {
    label: 'connect.taobaoUrl',
    help: 'connect.taobaoUrlHelp',
    placeholder: TAOBAO_GATEWAY,
    apiPath: { test: hasTaobaoRouterPath, warning: 'connect.taobaoUrlApiPath' },
  },
} as const;

/** How the form asks for the address of a shop on `platform`. */
export function urlFieldOf(platform: Platform) {
  return URL_FIELDS[isConnectable(platform) ? platform : 'shopify'];
}

const FORM_FIELDS: ReadonlySet<string> = new Set([
  'name',
  'base_url',
  'token',
  'key',
  'secret',
  'secret_key',
  'client_id',
  'client_secret',
  'access_token',
  'app_key',
  'app_secret',
  'session',
]);

/** The form field an engine validation error is about ("client_secret: is empty"); null when none is named. */
export function rejectedField(error: ApiError | null): keyof ShopFormValues | null {
  const field = error?.code === 'validation' ? /^(\w+):/.exec(error.message)?.[1] : undefined;
  return field !== undefined && FORM_FIELDS.has(field) ? (field as keyof ShopFormValues) : null;
}

/** What to check when connecting fails, by the engine's error code. */
export function connectErrorHintKey(code: ErrorCode, platform: Platform) {
  switch (code) {
    case 'auth':
      switch (platform) {
        case 'woocommerce':
          return 'connect.hint.authWoocommerce' as const;
        case 'medusa':
          return 'connect.hint.authMedusa' as const;
        case 'pdd':
          return 'connect.hint.authPdd' as const;
        case 'taobao':
          return 'connect.hint.authTaobao' as const;
        default:
          return 'connect.hint.authShopify' as const;
      }
    case 'network':
      return 'sync.hint.network' as const;
    case 'rate_limited':
      return 'connect.hint.rateLimited' as const;
    default:
      return null;
  }
}
