import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError, SyncReport } from '../bindings';

/** The toasts that tell how a sync the merchant asked for ended. */
export function useSyncMessages() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return {
    onSuccess: (reports: SyncReport[]) => {
      const sum = (field: 'orders_fetched' | 'orders_new' | 'orders_updated') =>
        reports.reduce((total, report) => total + report[field], 0);
      void message.success(
        t('sync.done', { fetched: sum('orders_fetched'), created: sum('orders_new'), updated: sum('orders_updated') }),
      );
    },
    onError: (error: ApiError) => void message.error(`${t(`error.${error.code}`)}: ${error.message}`),
  };
}
