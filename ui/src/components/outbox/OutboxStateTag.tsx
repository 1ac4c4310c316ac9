import { LoadingOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutboxEntryDto } from '../../bindings';
import { useFormat } from '../../i18n/useFormat';

const COLORS = { pending: 'default', sent: 'processing', accepted: 'success', refused: 'error' } as const;

/**
 * Where an answer is on its way to the platform: queued, sent and waiting for the platform, accepted at the
 * platform's time, or refused with the platform's own words.
 */
export function OutboxStateTag({ entry }: { entry: OutboxEntryDto }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text =
    entry.state === 'accepted'
      ? t('outbox.state.accepted', { time: entry.accepted_at === null ? '—' : format.dateTime(entry.accepted_at) })
      : entry.state === 'refused'
        ? entry.platform_message
          ? t('outbox.state.refused', { message: entry.platform_message })
          : t('outbox.state.refusedNoMessage')
        : t(`outbox.state.${entry.state}`);
  return (
    <Tag
      color={COLORS[entry.state]}
      icon={entry.state === 'sent' ? <LoadingOutlined /> : undefined}
      data-testid="outbox-state"
      data-state={entry.state}
      style={{ whiteSpace: 'normal' }}
    >
      {text}
    </Tag>
  );
}
