import { Button, Flex, Pagination, Skeleton, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { HeldReminderDto, ReminderDto, ReminderKind } from '../../bindings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRemindersDue } from '../../hooks/useRemindersDue';
import { useFormat } from '../../i18n/useFormat';

/** Reminders a page of the preview shows: a big shop's hundreds drawn at once hold the due page's first paint. */
const PAGE = 20;

const KIND_COLORS: Record<ReminderKind, string> = { breach: 'red', threshold: 'orange', followup_overdue: 'blue', repair_stale: 'gold', platform_refused: 'volcano' };

/** The engine's reason for holding a reminder ("quiet hours", "snoozed") in the merchant's language. */
function heldReason(t: TFunction, reason: string): string {
  if (reason === 'quiet hours') return t('reminders.preview.reason.quiet');
  if (reason === 'snoozed') return t('reminders.preview.reason.snoozed');
  return reason;
}

/**
 * What the reminders would say now (why on hover) and what quiet hours or a snooze hold until when; read every
 * minute. A reminder of a case opens it.
 */
export function RemindersPreview({ onOpen }: { onOpen: (caseId: number) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const reminders = useRemindersDue();
  const data = reminders.data;
  const [page, setPage] = useState(1);
  const due = data?.due ?? [];
  const current = Math.min(page, Math.max(1, Math.ceil(due.length / PAGE)));

  const dueRow = (item: ReminderDto) => (
    <Flex key={item.key} gap="small" align="baseline" wrap data-testid="reminder-due">
      <Tag color={KIND_COLORS[item.kind]}>{t(`reminders.preview.kind.${item.kind}`)}</Tag>
      <Tooltip title={item.why}>
        {item.case_id === null ? (
          <Typography.Text strong>{item.title}</Typography.Text>
        ) : (
          <Button type="link" size="small" style={{ padding: 0, fontWeight: 600 }} onClick={() => onOpen(item.case_id!)}>
            {item.title}
          </Button>
        )}
      </Tooltip>
      <Typography.Text type="secondary">{item.body}</Typography.Text>
    </Flex>
  );
  const heldRow = (item: HeldReminderDto) => (
    <Flex key={item.key} gap="small" align="baseline" wrap data-testid="reminder-held">
      <Tag>{heldReason(t, item.reason)}</Tag>
      <Typography.Text>
        {item.case_id === null ? t('reminders.preview.heldOther') : t('reminders.preview.heldCase', { id: item.case_id })}
      </Typography.Text>
      <Typography.Text type="secondary">{t('reminders.preview.until', { time: format.dateTime(item.until) })}</Typography.Text>
    </Flex>
  );

  let content;
  if (data !== undefined) {
    content = (
      <Flex vertical gap={4}>
        {data.due.length === 0 ? (
          <Typography.Text type="secondary">
            {t('reminders.preview.none')}
            {data.next_wake !== null && ` · ${t('reminders.preview.nextWake', { time: format.dateTime(data.next_wake) })}`}
          </Typography.Text>
        ) : (
          due.slice((current - 1) * PAGE, current * PAGE).map(dueRow)
        )}
        {due.length > PAGE && (
          <Pagination size="small" align="start" current={current} pageSize={PAGE} total={due.length} showSizeChanger={false} onChange={setPage} />
        )}
        {data.held.length > 0 && (
          <Typography.Text type="secondary" style={{ marginTop: 8 }}>
            {t('reminders.preview.held')}
          </Typography.Text>
        )}
        {data.held.map(heldRow)}
      </Flex>
    );
  } else if (reminders.error !== null) {
    content = <ErrorAlert error={reminders.error} />;
  } else {
    content = <Skeleton active title={false} paragraph={{ rows: 1 }} />;
  }

  return (
    <section data-testid="reminders-preview">
      <Typography.Title level={5}>{t('reminders.preview.title')}</Typography.Title>
      {content}
    </section>
  );
}
