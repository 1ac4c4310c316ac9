import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ShopDto } from '../../bindings';
import { SyncIssuesPanel } from '../../components/SyncIssues';
import { useRetrySyncIssues } from '../../hooks/useRetrySyncIssues';
import { useSyncIssues } from '../../hooks/useSyncIssues';
import { useErrorToast } from '../useErrorToast';

/** The shop's set-aside records, read when its row is opened, and "Read again" with what it achieved as a toast. */
export function ShopSyncIssues({ shop }: { shop: ShopDto }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorToast();
  const issues = useSyncIssues(shop.id, true);
  const retry = useRetrySyncIssues();
  const onRetry = () =>
    retry.mutate(
      { id: shop.id },
      {
        onSuccess: (r) => void message.success(t('syncIssues.retried', { count: r.retried, read: r.read, left: r.still_unreadable })),
        onError: (error) => showError(error, t('syncIssues.retryFailed')),
      },
    );
  return (
    <SyncIssuesPanel shop={shop} issues={issues.data ?? []} loading={issues.isLoading} retrying={retry.isPending} onRetry={onRetry} />
  );
}
