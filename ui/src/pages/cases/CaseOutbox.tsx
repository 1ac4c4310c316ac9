import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutboxEntryDto } from '../../bindings';
import { OutboxSection } from '../../components/outbox/OutboxSection';
import { useRetryOutbox } from '../../hooks/useRetryOutbox';
import { useErrorToast } from '../useErrorToast';

/**
 * The case's answers to its platform; Retry sends a refused one again (`retry_outbox`, then `send_outbox`), and the
 * drawer follows it until the platform answers. Nothing shows for a case that never sent anything.
 */
export function CaseOutbox({ entries }: { entries: OutboxEntryDto[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorToast();
  const retry = useRetryOutbox();
  if (entries.length === 0) return null;
  const onRetry = (entry: OutboxEntryDto) =>
    retry.mutate(
      { id: entry.id },
      {
        onSuccess: () => void message.success(t('outbox.retried')),
        onError: (error) => showError(error, t('outbox.retryFailed')),
      },
    );
  return <OutboxSection entries={entries} retryingId={retry.isPending ? retry.variables.id : null} onRetry={onRetry} />;
}
