import { App } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncReport } from '../bindings';
import { syncErrorHeadlineKey } from '../components/syncError';
import { useCancelSync } from '../hooks/useCancelSync';
import { useSyncShops } from '../hooks/useSyncShops';
import { useErrorToast } from './useErrorToast';

/** Sync now and Cancel as a page offers them, with the toasts that tell how they ended. */
export function useSyncActions() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorToast();
  const syncShops = useSyncShops();
  const cancelSync = useCancelSync();
  // Set when the merchant cancels the sync started here: a failure after that is the cancel, not an error to show.
  const cancelled = useRef(false);

  const sync = (shopId: number | null) => {
    cancelled.current = false;
    syncShops.mutate(
      { shop_id: shopId },
      {
        onSuccess: (reports: SyncReport[]) => {
          const sum = (field: 'orders_fetched' | 'orders_new' | 'orders_updated' | 'returns') =>
            reports.reduce((total, report) => total + report[field], 0);
          void message.success(
            t('sync.done', {
              fetched: sum('orders_fetched'),
              created: sum('orders_new'),
              updated: sum('orders_updated'),
              returns: sum('returns'),
            }),
          );
        },
        onError: (error) =>
          cancelled.current ? void message.info(t('sync.cancelled')) : showError(error, t(syncErrorHeadlineKey(error.code))),
      },
    );
  };

  const cancel = (shopId: number) => {
    const ownSync =
      syncShops.isPending && (syncShops.variables.shop_id === null || syncShops.variables.shop_id === shopId);
    if (ownSync) {
      cancelled.current = true;
    }
    cancelSync.mutate(
      { id: shopId },
      {
        // A sync started here reports its own end; one started elsewhere (or in the background) is told here.
        onSuccess: () => (ownSync ? undefined : void message.info(t('sync.cancelled'))),
        onError: (error) => showError(error),
      },
    );
  };

  return {
    sync,
    cancel,
    /** A sync asked for here has not answered: `all` for all shops, else the shop's id. */
    pending: syncShops.isPending ? (syncShops.variables.shop_id ?? ('all' as const)) : null,
    cancellingShopId: cancelSync.isPending ? cancelSync.variables.id : null,
  };
}
