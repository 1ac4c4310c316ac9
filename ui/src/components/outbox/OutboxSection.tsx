import { RedoOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Table, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxEntryDto } from '../../bindings';
import { useFormat } from '../../i18n/useFormat';
import { ErrorDetail } from '../ErrorDetail';
import { OutboxStateTag } from './OutboxStateTag';

export type OutboxSectionProps = {
  entries: OutboxEntryDto[];
  /** The entry being retried, if one is. */
  retryingId: number | null;
  onRetry: (entry: OutboxEntryDto) => void;
};

/** Waiting for the platform, with an error (throttled, unreachable, credentials refused): why and when next. */
function Waiting({ entry }: { entry: OutboxEntryDto }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (entry.last_error === null) return null;
  return (
    <Flex vertical gap={2} data-testid="outbox-waiting">
      {entry.error_code === 'credentials' ? (
        <Typography.Text type="danger">{t('outbox.credentials')}</Typography.Text>
      ) : (
        <Typography.Text type="warning">{t('outbox.waiting', { error: entry.last_error })}</Typography.Text>
      )}
      {entry.error_code === 'credentials' && <ErrorDetail message={entry.last_error} />}
      <Typography.Text type="secondary">
        {entry.next_try_at !== null && t('outbox.nextTry', { time: format.dateTime(entry.next_try_at) })}
        {entry.attempts > 0 && ` · ${t('outbox.attempts', { count: entry.attempts })}`}
      </Typography.Text>
    </Flex>
  );
}

/**
 * "On the platform": every answer of the case sent to its platform, oldest first — the action, what went, and its
 * state there; a refused one can be sent again, a waiting one says why and when it is tried next, and what a later
 * sync said against an accepted one is a warning.
 */
export function OutboxSection({ entries, retryingId, onRetry }: OutboxSectionProps) {
  const { t } = useTranslation();
  const columns: TableColumnsType<OutboxEntryDto> = [
    { title: t('outbox.column.action'), key: 'action', width: 120, render: (_, entry) => t(`caseAction.${entry.action}`) },
    {
      title: t('outbox.column.what'),
      key: 'what',
      render: (_, entry) => <Typography.Text code>{entry.what || t(`op.${entry.op}`)}</Typography.Text>,
    },
    {
      title: t('outbox.column.state'),
      key: 'state',
      width: '45%',
      render: (_, entry) => (
        <Flex vertical gap={4} align="start">
          <Flex gap="small" align="center" wrap>
            <OutboxStateTag entry={entry} />
            {entry.state === 'refused' && (
              <Button
                size="small"
                icon={<RedoOutlined />}
                loading={retryingId === entry.id}
                onClick={() => onRetry(entry)}
                data-testid="outbox-retry"
              >
                {t('outbox.retry')}
              </Button>
            )}
          </Flex>
          {(entry.state === 'pending' || entry.state === 'sent') && <Waiting entry={entry} />}
          {entry.contradiction !== null && (
            <Alert type="warning" showIcon data-testid="outbox-contradiction" message={t('outbox.contradiction', { text: entry.contradiction })} />
          )}
        </Flex>
      ),
    },
  ];
  return (
    <div data-testid="case-outbox">
      <Typography.Title level={5}>{t('outbox.section')}</Typography.Title>
      <Table<OutboxEntryDto>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={entries}
        pagination={false}
        onRow={(entry) => ({ 'data-testid': 'outbox-row', 'data-state': entry.state }) as HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}
