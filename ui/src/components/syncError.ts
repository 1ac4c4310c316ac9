import type { ErrorCode, Platform } from '../bindings';

/** The headline of a failed sync, chosen by the engine's error code (its message is English detail). */
export function syncErrorHeadlineKey(code: ErrorCode | null) {
  switch (code) {
    case 'auth':
      return 'sync.failed.auth' as const;
    case 'network':
      return 'sync.failed.network' as const;
    case 'rate_limited':
      return 'sync.failed.rate_limited' as const;
    case 'precondition':
      return 'sync.failed.precondition' as const;
    default:
      return 'sync.failed.other' as const;
  }
}

/** Where to get new credentials, for the platforms whose steps are known. */
function authHintKey(platform: Platform) {
  switch (platform) {
    case 'shopify':
      return 'sync.hint.authShopify' as const;
    case 'woocommerce':
      return 'sync.hint.authWoocommerce' as const;
    case 'medusa':
      return 'sync.hint.authMedusa' as const;
    case 'pdd':
      return 'sync.hint.authPdd' as const;
    case 'taobao':
      return 'sync.hint.authTaobao' as const;
    default:
      return 'sync.hint.auth' as const;
  }
}

/** What to do after a failed sync, by its code and the shop's platform; null when there is nothing to suggest. */
export function syncErrorHintKey(code: ErrorCode | null, platform: Platform) {
  switch (code) {
    case 'auth':
      return authHintKey(platform);
    case 'network':
      return 'sync.hint.network' as const;
    case 'rate_limited':
      return 'sync.hint.rate_limited' as const;
    default:
      return null;
  }
}
