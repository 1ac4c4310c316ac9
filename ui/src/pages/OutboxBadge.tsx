import { CloudSyncOutlined } from '@ant-design/icons';
import { Badge, Button, Flex, Popover, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxEntryDto } from '../bindings';
import { ErrorAlert } from '../components/ErrorAlert';
import { OutboxStateTag } from '../components/outbox/OutboxStateTag';
import { useListOutbox } from '../hooks/useListOutbox';
import { useOutboxAttention } from '../hooks/useOutboxAttention';

type OutboxBadgeProps = {
  enabled: boolean;
  /** Opens a case by its id (the due-soon page with its drawer). */
  onOpen: (caseId: number) => void;
};

/**
 * The shell's badge of answers to the platforms that need the merchant: stuck on their way (throttled,
 * unreachable, credentials refused) or refused by the platform. Counted every 20 s; nothing shows while there is
 * none. A click lists them (read then), each opening its case.
 */
export function OutboxBadge({ enabled, onOpen }: OutboxBadgeProps) {
  const { t } = useTranslation();
  const attention = useOutboxAttention({ enabled });
  const [open, setOpen] = useState(false);
  const stuck = useListOutbox('stuck', open);
  const refused = useListOutbox('refused', open);
  const count = (attention.data?.stuck ?? 0) + (attention.data?.refused ?? 0);
  if (count === 0) return null;

  const row = (entry: OutboxEntryDto) => (
    <Flex key={entry.id} vertical gap={2} data-testid="outbox-attention-item" style={{ maxWidth: 420 }}>
      <Flex gap="small" align="baseline" wrap>
        <Button
          type="link"
          size="small"
          style={{ padding: 0, fontWeight: 600 }}
          onClick={() => {
            setOpen(false);
            onOpen(entry.case_id);
          }}
        >
          {t('outbox.badge.case', { id: entry.case_id })}
        </Button>
        <Typography.Text>{t(`caseAction.${entry.action}`)}</Typography.Text>
        <OutboxStateTag entry={entry} />
      </Flex>
      {entry.last_error !== null && entry.state !== 'refused' && (
        <Typography.Text type="secondary" ellipsis={{ tooltip: entry.last_error }}>
          {entry.error_code === 'credentials' ? t('outbox.credentials') : t('outbox.waiting', { error: entry.last_error })}
        </Typography.Text>
      )}
    </Flex>
  );
  const group = (title: string, list: typeof stuck, testId: string) =>
    list.error !== null ? (
      <ErrorAlert key={testId} error={list.error} />
    ) : list.data === undefined ? (
      <Skeleton key={testId} active title={false} paragraph={{ rows: 1 }} />
    ) : list.data.length === 0 ? null : (
      <Flex key={testId} vertical gap={6} data-testid={testId}>
        <Typography.Text type="secondary">{title}</Typography.Text>
        {list.data.map(row)}
      </Flex>
    );
  const listed = [...(stuck.data ?? []), ...(refused.data ?? [])];
  const content = (
    <Flex vertical gap="middle" data-testid="outbox-attention-list">
      {group(t('outbox.badge.stuck'), stuck, 'outbox-attention-stuck')}
      {group(t('outbox.badge.refused'), refused, 'outbox-attention-refused')}
      {stuck.data !== undefined && refused.data !== undefined && listed.length === 0 && (
        <Typography.Text type="secondary">{t('outbox.badge.none')}</Typography.Text>
      )}
    </Flex>
  );
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" placement="bottomRight" title={t('outbox.badge.title')} content={content}>
      <Badge count={count} size="small" data-testid="outbox-badge">
        <Button
          type="text"
          icon={<CloudSyncOutlined />}
          style={{ color: '#fff' }}
          aria-label={t('outbox.badge.label', { count })}
          data-testid="outbox-badge-button"
        >
          {t('outbox.badge.button')}
        </Button>
      </Badge>
    </Popover>
  );
}
