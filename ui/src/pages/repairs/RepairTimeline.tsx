import { ArrowRightOutlined } from '@ant-design/icons';
import { Flex, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RepairEventDto } from '../../bindings';
import { DateTime } from '../../components/DateTime';
import { PayerTag } from './PayerTag';
import { RepairStatusTag } from './RepairStatusTag';
import { isPayer } from './repairStatuses';

const EVENT_KINDS = [
  'received',
  'status',
  'diagnosis',
  'technician',
  'payer',
  'labour',
  'promised',
  'customer_phone',
  'part_added',
  'part_removed',
  'photo',
] as const;
type EventKind = (typeof EVENT_KINDS)[number];

function isEventKind(kind: string): kind is EventKind {
  return EVENT_KINDS.some((known) => known === kind);
}

function colorOf(event: RepairEventDto): string {
  if (event.to_status === 'unrepairable') return 'red';
  if (event.to_status === 'returned' || event.to_status === 'ready') return 'green';
  if (event.kind === 'status' || event.kind === 'received') return 'blue';
  return 'gray';
}

const PAYER_CHANGE = /^(\w+) → (\w+)$/;

/**
 * An event's note. Most are the engine's own words (a part, a diagnosis); a few are values this page can show
 * better: a new promised time in local time, a payer change with translated payers. A phone change says only "changed".
 */
function EventNote({ event }: { event: RepairEventDto }): ReactNode {
  const { note, kind } = event;
  if (note === null || kind === 'customer_phone') return null;
  if (kind === 'promised') {
    return <Typography.Text>{Number.isNaN(Date.parse(note)) ? note : <DateTime value={note} />}</Typography.Text>;
  }
  const payers = kind === 'payer' ? PAYER_CHANGE.exec(note) : null;
  if (payers !== null) {
    const [, from = '', to = ''] = payers;
    if (isPayer(from) && isPayer(to)) {
      return (
        <Flex gap={4} align="center">
          <PayerTag payer={from} />
          <ArrowRightOutlined />
          <PayerTag payer={to} />
        </Flex>
      );
    }
  }
  return <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{note}</Typography.Text>;
}

/** The ticket's history, oldest first (newest last): what happened, when, the status steps and the notes. */
export function RepairTimeline({ events }: { events: RepairEventDto[] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="repair-timeline">
      <Typography.Title level={5}>{t('repairs.timeline.title')}</Typography.Title>
      <Timeline
        items={events.map((event, index) => ({
          key: `${event.at}-${index}`,
          color: colorOf(event),
          children: (
            <Flex vertical gap={2} data-testid="repair-event" data-kind={event.kind}>
              <Flex gap={8} wrap align="baseline">
                <Typography.Text strong>
                  {isEventKind(event.kind) ? t(`repairs.timeline.kind.${event.kind}`) : event.kind}
                </Typography.Text>
                <Typography.Text type="secondary">
                  <DateTime value={event.at} />
                </Typography.Text>
              </Flex>
              {(event.from_status !== null || event.to_status !== null) && (
                <Flex gap={4} align="center" wrap>
                  {event.from_status !== null && <RepairStatusTag status={event.from_status} />}
                  {event.from_status !== null && event.to_status !== null && <ArrowRightOutlined />}
                  {event.to_status !== null && <RepairStatusTag status={event.to_status} />}
                </Flex>
              )}
              <EventNote event={event} />
            </Flex>
          ),
        }))}
      />
    </div>
  );
}
